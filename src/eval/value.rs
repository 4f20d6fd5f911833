//! Runtime values and exact arithmetic with units.

use crate::catalogue::Text;
use crate::catalogue::eval::Eval;
use crate::diagnostic::Code;
use crate::exact::Exact;
use crate::quantity::{Dimension, Quantity, RoundMode, Unit};
use crate::syntax::ast::BinaryOp;
use std::fmt;

/// A value while scoring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A number, percentage, money or count.
    Q(Quantity),
    /// Yes/no.
    Bool(bool),
    /// Text or a level.
    Text(String),
    /// `skip`: the indicator does not apply. Any operation on it gives `skip`.
    Skip,
}

/// Why an operation failed (the caller adds the span).
#[derive(Debug, Clone)]
pub struct OpError {
    /// Diagnostic code.
    pub code: Code,
    /// What went wrong (boxed: every operation returns a `Result` with it).
    pub message: Box<Eval>,
}

impl OpError {
    /// A value the operation needs is missing: the failure that made it
    /// missing was reported where it happened.
    pub fn unavailable() -> OpError {
        err(Code::RuntimeType, Eval::OpUnavailable)
    }

    /// Whether the operation failed only for want of a value (see
    /// [`OpError::unavailable`]).
    pub fn is_unavailable(&self) -> bool {
        matches!(*self.message, Eval::OpUnavailable)
    }
}

fn err(code: Code, message: Eval) -> OpError {
    OpError {
        code,
        message: Box::new(message),
    }
}

/// What needs a value of some kind, as messages name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// An operator or keyword: `×`, `and`, `if`.
    Op(&'static str),
    /// A function: `max`, `round`.
    Func(&'static str),
    /// A comparison.
    Comparison,
    /// A `require` condition.
    Require,
    /// A tier of `tiers`.
    Tier,
    /// A score.
    Score,
    /// An `allow deduction when` condition.
    Deduction,
}

impl What {
    fn text(self) -> Box<Text> {
        nested(match self {
            What::Op(op) => Eval::OpOperator { op: op.into() },
            What::Func(name) => Eval::OpFunction { name: name.into() },
            What::Comparison => Eval::AComparison,
            What::Require => Eval::ARequireCondition,
            What::Tier => Eval::ATier,
            What::Score => Eval::AScore,
            What::Deduction => Eval::ADeductionCondition,
        })
    }
}

/// A message inside another.
pub(crate) fn nested(e: Eval) -> Box<Text> {
    Box::new(e.into())
}

/// The words for a kind of quantity: a number, money, a count in `个`.
pub(crate) fn kind_of(d: &Dimension) -> Box<Text> {
    nested(match d {
        Dimension::Number => Eval::KindNumber,
        Dimension::Money => Eval::KindMoney,
        Dimension::Count(u) => Eval::KindCountIn {
            unit: u.as_str().into(),
        },
    })
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Q(q) => {
                let (s, _) = q.display_max(4);
                f.write_str(&s)
            }
            Value::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            Value::Text(t) => write!(f, "“{t}”"),
            Value::Skip => f.write_str("n/a"),
        }
    }
}

impl Value {
    /// Whether this is `skip` (a match, not a comparison: every operation
    /// of every rule asks).
    pub fn is_skip(&self) -> bool {
        matches!(self, Value::Skip)
    }

    /// The quantity inside, or a type error naming `what`.
    pub fn quantity(&self, what: What) -> Result<&Quantity, OpError> {
        match self {
            Value::Q(q) => Ok(q),
            other => Err(err(
                Code::RuntimeType,
                Eval::OpNeedsNumber {
                    what: what.text(),
                    found: other.to_string(),
                },
            )),
        }
    }

    /// The yes/no inside.
    pub fn boolean(&self, what: What) -> Result<bool, OpError> {
        match self {
            Value::Bool(b) => Ok(*b),
            other => Err(err(
                Code::RuntimeType,
                Eval::OpNeedsCondition {
                    what: what.text(),
                    found: other.to_string(),
                },
            )),
        }
    }
}

/// What is done with two quantities that must be of one kind.
#[derive(Clone, Copy)]
enum Verb {
    Compare,
    Add,
    Subtract,
}

fn same_dimension(a: &Quantity, b: &Quantity, verb: Verb) -> Result<(), OpError> {
    // A plain zero is zero in any unit: `target == 0` works for money too.
    let plain_zero = |q: &Quantity| q.unit == Unit::None && q.value.is_zero();
    if a.unit.mixes_with(&b.unit) || plain_zero(a) || plain_zero(b) {
        return Ok(());
    }
    let (a_kind, b_kind) = (kind_of(&a.unit.dimension()), kind_of(&b.unit.dimension()));
    let (a, b) = (a.clone(), b.clone());
    Err(err(
        Code::RuntimeUnit,
        match verb {
            Verb::Compare => Eval::OpCannotCompare {
                a,
                a_kind,
                b,
                b_kind,
            },
            Verb::Add => Eval::OpCannotAdd {
                a,
                a_kind,
                b,
                b_kind,
            },
            Verb::Subtract => Eval::OpCannotSubtract {
                a,
                a_kind,
                b,
                b_kind,
            },
        },
    ))
}

/// The unit of a sum: percent only when both are percents; otherwise the
/// left operand's unit (money keeps the scale it was written in).
fn sum_unit(a: &Unit, b: &Unit) -> Unit {
    match (a, b) {
        (Unit::Percent, Unit::Percent) => Unit::Percent,
        (Unit::Percent | Unit::None, Unit::None | Unit::Percent) => Unit::None,
        (u, _) => u.clone(),
    }
}

/// Apply an infix operator.
pub fn binary(op: BinaryOp, l: &Value, r: &Value) -> Result<Value, OpError> {
    use BinaryOp::*;
    match op {
        And => Ok(Value::Bool(
            l.boolean(What::Op("and"))? && r.boolean(What::Op("and"))?,
        )),
        Or => Ok(Value::Bool(
            l.boolean(What::Op("or"))? || r.boolean(What::Op("or"))?,
        )),
        Eq | Ne => {
            let equal = match (l, r) {
                (Value::Q(a), Value::Q(b)) => {
                    same_dimension(a, b, Verb::Compare)?;
                    a.value == b.value
                }
                (a, b) => a == b,
            };
            Ok(Value::Bool(if op == Eq { equal } else { !equal }))
        }
        Lt | Le | Gt | Ge => {
            let (a, b) = (l.quantity(What::Comparison)?, r.quantity(What::Comparison)?);
            same_dimension(a, b, Verb::Compare)?;
            Ok(Value::Bool(match op {
                Lt => a.value < b.value,
                Le => a.value <= b.value,
                Gt => a.value > b.value,
                _ => a.value >= b.value,
            }))
        }
        Add | Sub => {
            let what = What::Op(op.symbol());
            let (a, b) = (l.quantity(what)?, r.quantity(what)?);
            same_dimension(a, b, if op == Add { Verb::Add } else { Verb::Subtract })?;
            let value = if op == Add {
                &a.value + &b.value
            } else {
                &a.value - &b.value
            };
            Ok(Value::Q(Quantity {
                value,
                unit: sum_unit(&a.unit, &b.unit),
            }))
        }
        Mul => {
            let (a, b) = (l.quantity(What::Op("×"))?, r.quantity(What::Op("×"))?);
            let unit = match (&a.unit, &b.unit) {
                (Unit::None | Unit::Percent, Unit::None | Unit::Percent) => Unit::None,
                (Unit::None | Unit::Percent, u) | (u, Unit::None | Unit::Percent) => u.clone(),
                _ => {
                    return Err(err(
                        Code::RuntimeUnit,
                        Eval::OpCannotMultiply {
                            a: a.clone(),
                            b: b.clone(),
                        },
                    ));
                }
            };
            Ok(Value::Q(Quantity {
                value: &a.value * &b.value,
                unit,
            }))
        }
        Div => {
            let (a, b) = (l.quantity(What::Op("÷"))?, r.quantity(What::Op("÷"))?);
            let Some(value) = a.value.div(&b.value) else {
                return Err(err(
                    Code::RuntimeDivision,
                    Eval::OpDivisionByZero {
                        a: a.clone(),
                        b: b.clone(),
                    },
                ));
            };
            let unit = match (&a.unit, &b.unit) {
                (x, y) if x.mixes_with(y) => Unit::None,
                (u, Unit::None | Unit::Percent) => u.clone(),
                _ => {
                    return Err(err(
                        Code::RuntimeUnit,
                        Eval::OpCannotDivide {
                            a: a.clone(),
                            b: b.clone(),
                        },
                    ));
                }
            };
            Ok(Value::Q(Quantity { value, unit }))
        }
    }
}

/// `min` / `max` over values of one dimension.
pub fn extremum(values: &[Value], max: bool) -> Result<Value, OpError> {
    let mut best: Option<&Quantity> = None;
    let mut unit: Option<Unit> = None;
    for v in values {
        let q = v.quantity(What::Func(if max { "max" } else { "min" }))?;
        if let Some(b) = best {
            same_dimension(b, q, Verb::Compare)?;
        }
        unit = Some(match &unit {
            None => q.unit.clone(),
            Some(u) => sum_unit(u, &q.unit),
        });
        best = match best {
            Some(b) if (max && b.value >= q.value) || (!max && b.value <= q.value) => Some(b),
            _ => Some(q),
        };
    }
    let best = best.ok_or_else(|| err(Code::RuntimeType, Eval::OpNoValues))?;
    Ok(Value::Q(Quantity {
        value: best.value.clone(),
        unit: unit.unwrap_or(Unit::None),
    }))
}

/// Round a quantity in display units, as `round(x, places)` does.
pub fn round_value(v: &Value, places: u32, mode: RoundMode) -> Result<Value, OpError> {
    Ok(Value::Q(
        v.quantity(What::Func("round"))?.round_shown(places, mode),
    ))
}

/// Apply `f` to the displayed number (floor, ceil, abs, negation).
pub fn map_shown(v: &Value, what: What, f: impl Fn(&Exact) -> Exact) -> Result<Value, OpError> {
    let q = v.quantity(what)?;
    Ok(Value::Q(Quantity::from_shown(
        &f(&q.shown()),
        q.unit.clone(),
    )))
}
