//! Runtime values and exact arithmetic with units.

use crate::diagnostic::Code;
use crate::exact::Exact;
use crate::quantity::{Quantity, RoundMode, Unit};
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
    /// What went wrong.
    pub message: String,
}

fn err(code: Code, message: impl Into<String>) -> OpError {
    OpError {
        code,
        message: message.into(),
    }
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
    pub fn quantity(&self, what: &str) -> Result<&Quantity, OpError> {
        match self {
            Value::Q(q) => Ok(q),
            other => Err(err(
                Code::RuntimeType,
                format!("{what} needs a number, found {other}"),
            )),
        }
    }

    /// The yes/no inside.
    pub fn boolean(&self, what: &str) -> Result<bool, OpError> {
        match self {
            Value::Bool(b) => Ok(*b),
            other => Err(err(
                Code::RuntimeType,
                format!("{what} needs a yes/no condition, found {other}"),
            )),
        }
    }
}

fn same_dimension(a: &Quantity, b: &Quantity, verb: &str) -> Result<(), OpError> {
    // A plain zero is zero in any unit: `target == 0` works for money too.
    let plain_zero = |q: &Quantity| q.unit == Unit::None && q.value.is_zero();
    if a.unit.mixes_with(&b.unit) || plain_zero(a) || plain_zero(b) {
        Ok(())
    } else {
        Err(err(
            Code::RuntimeUnit,
            format!(
                "cannot {verb} {a} ({}) and {b} ({})",
                a.unit.dimension(),
                b.unit.dimension()
            ),
        ))
    }
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
        And => Ok(Value::Bool(l.boolean("`and`")? && r.boolean("`and`")?)),
        Or => Ok(Value::Bool(l.boolean("`or`")? || r.boolean("`or`")?)),
        Eq | Ne => {
            let equal = match (l, r) {
                (Value::Q(a), Value::Q(b)) => {
                    same_dimension(a, b, "compare")?;
                    a.value == b.value
                }
                (a, b) => a == b,
            };
            Ok(Value::Bool(if op == Eq { equal } else { !equal }))
        }
        Lt | Le | Gt | Ge => {
            let (a, b) = (l.quantity("a comparison")?, r.quantity("a comparison")?);
            same_dimension(a, b, "compare")?;
            Ok(Value::Bool(match op {
                Lt => a.value < b.value,
                Le => a.value <= b.value,
                Gt => a.value > b.value,
                _ => a.value >= b.value,
            }))
        }
        Add | Sub => {
            let (a, b) = (l.quantity("`+`/`−`")?, r.quantity("`+`/`−`")?);
            same_dimension(a, b, if op == Add { "add" } else { "subtract" })?;
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
            let (a, b) = (l.quantity("`×`")?, r.quantity("`×`")?);
            let unit = match (&a.unit, &b.unit) {
                (Unit::None | Unit::Percent, Unit::None | Unit::Percent) => Unit::None,
                (Unit::None | Unit::Percent, u) | (u, Unit::None | Unit::Percent) => u.clone(),
                _ => {
                    return Err(err(
                        Code::RuntimeUnit,
                        format!("cannot multiply {a} by {b}"),
                    ));
                }
            };
            Ok(Value::Q(Quantity {
                value: &a.value * &b.value,
                unit,
            }))
        }
        Div => {
            let (a, b) = (l.quantity("`÷`")?, r.quantity("`÷`")?);
            let Some(value) = a.value.div(&b.value) else {
                return Err(err(
                    Code::RuntimeDivision,
                    format!("division by zero: {a} ÷ {b}"),
                ));
            };
            let unit = match (&a.unit, &b.unit) {
                (x, y) if x.mixes_with(y) => Unit::None,
                (u, Unit::None | Unit::Percent) => u.clone(),
                _ => return Err(err(Code::RuntimeUnit, format!("cannot divide {a} by {b}"))),
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
        let q = v.quantity(if max { "`max`" } else { "`min`" })?;
        if let Some(b) = best {
            same_dimension(b, q, "compare")?;
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
    let best = best.ok_or_else(|| err(Code::RuntimeType, "no values"))?;
    Ok(Value::Q(Quantity {
        value: best.value.clone(),
        unit: unit.unwrap_or(Unit::None),
    }))
}

/// Round a quantity in display units, as `round(x, places)` does.
pub fn round_value(v: &Value, places: u32, mode: RoundMode) -> Result<Value, OpError> {
    Ok(Value::Q(v.quantity("`round`")?.round_shown(places, mode)))
}

/// Apply `f` to the displayed number (floor, ceil, abs, negation).
pub fn map_shown(v: &Value, what: &str, f: impl Fn(&Exact) -> Exact) -> Result<Value, OpError> {
    let q = v.quantity(what)?;
    Ok(Value::Q(Quantity::from_shown(
        &f(&q.shown()),
        q.unit.clone(),
    )))
}
