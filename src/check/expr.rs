//! Name resolution and type/unit checking of expressions.

use super::model::{Expr, ExprKind, Func, Ref, Ty};
use crate::catalogue::check::Check as Msg;
use crate::catalogue::common::Common;
use crate::catalogue::{Name, Text};
use crate::diagnostic::{Code, Diagnostic};
use crate::quantity::{Quantity, Unit};
use crate::span::Span;
use crate::syntax::ast::{self, BinaryOp, UnaryOp};

/// Which indicator names (`weight`, `target`, `actual`) are visible, and
/// their types.
#[derive(Debug, Clone, Default)]
pub(super) struct IndicatorScope {
    /// The type of `target`, if visible.
    pub target: Option<Ty>,
    /// The type of `actual`, if visible.
    pub actual: Option<Ty>,
    /// Whether `weight` is visible.
    pub weight: bool,
}

/// Names visible to an expression.
pub(super) struct Scope<'a> {
    /// Inputs: name and type.
    pub inputs: &'a [(String, Ty)],
    /// Lets visible here (those declared before): name and type.
    pub lets: &'a [(String, Ty)],
    /// Names of lets declared later, for a better message.
    pub later_lets: &'a [(String, Span)],
    /// The indicator context, if any.
    pub indicator: Option<&'a IndicatorScope>,
}

/// Resolve and type-check an expression, pushing problems into `diags`.
/// Returns the resolved expression and its type (`Ty::Any` after an error, so
/// one mistake is reported once).
pub(super) fn resolve(e: &ast::Expr, scope: &Scope<'_>, diags: &mut Vec<Diagnostic>) -> (Expr, Ty) {
    let span = e.span;
    let (kind, ty) = match &e.kind {
        ast::ExprKind::Quantity(v, unit) => {
            let ty = match unit {
                Unit::None => Ty::Number { percent: false },
                Unit::Percent => Ty::Number { percent: true },
                Unit::Money(_) => Ty::Money,
                Unit::Count(u) => Ty::Count(Some(u.to_string())),
            };
            (
                ExprKind::Const(Quantity {
                    value: v.clone(),
                    unit: unit.clone(),
                }),
                ty,
            )
        }
        ast::ExprKind::Text(t) => (ExprKind::Text(t.clone()), Ty::Text),
        ast::ExprKind::Bool(b) => (ExprKind::Bool(*b), Ty::Bool),
        ast::ExprKind::Name(name) => match lookup(name, span, scope) {
            Ok((r, ty)) => (ExprKind::Ref(r), ty),
            Err(d) => {
                diags.push(d);
                (ExprKind::Bool(false), Ty::Any)
            }
        },
        ast::ExprKind::Unary(op, inner) => {
            let (x, t) = resolve(inner, scope, diags);
            let ty = match op {
                UnaryOp::Neg => {
                    expect_quantity(&t, inner.span, "-", diags);
                    t
                }
                UnaryOp::Not => {
                    expect(&t, &Ty::Bool, inner.span, "not", diags);
                    Ty::Bool
                }
            };
            (ExprKind::Unary(*op, Box::new(x)), ty)
        }
        ast::ExprKind::Binary(op, l, r) => {
            let (le, lt) = resolve(l, scope, diags);
            let (re, rt) = resolve(r, scope, diags);
            if *op == BinaryOp::Div && is_zero_literal(&re) {
                diags.push(
                    Diagnostic::error(Code::DivisionByZero, Msg::DivisionByZero)
                        .with_primary(r.span, Msg::LabelIsZero)
                        .with_secondary(l.span, Msg::LabelDividedByZero)
                        .with_hint(Msg::HintNonZero),
                );
            }
            let ty = binary_type(*op, (&lt, l.span), (&rt, r.span), diags);
            (ExprKind::Binary(*op, Box::new(le), Box::new(re)), ty)
        }
        ast::ExprKind::If(c, t, f) => {
            let (ce, ct) = resolve(c, scope, diags);
            expect(&ct, &Ty::Bool, c.span, "if", diags);
            let (te, tt) = resolve(t, scope, diags);
            let (fe, ft) = resolve(f, scope, diags);
            let ty = unify(&tt, &ft).unwrap_or_else(|| {
                diags.push(
                    Diagnostic::error(
                        Code::UnitMismatch,
                        Msg::IfBranches {
                            then: tt.text(),
                            otherwise: ft.text(),
                        },
                    )
                    .with_primary(f.span, ft.words())
                    .with_secondary(t.span, tt.words())
                    .with_hint(Msg::HintSameBranches),
                );
                Ty::Any
            });
            (ExprKind::If(Box::new(ce), Box::new(te), Box::new(fe)), ty)
        }
        ast::ExprKind::Call(name, args) => resolve_call(name, args, span, scope, diags),
        ast::ExprKind::Skip => (ExprKind::Skip, Ty::Any),
        ast::ExprKind::Tiers(subject, tiers, otherwise) => {
            let (se, st) = resolve(subject, scope, diags);
            let mut out = Vec::with_capacity(tiers.len());
            let (oe, mut ty) = resolve(otherwise, scope, diags);
            for (op, bound, value) in tiers {
                let (be, bt) = resolve(bound, scope, diags);
                binary_type(*op, (&st, subject.span), (&bt, bound.span), diags);
                let (ve, vt) = resolve(value, scope, diags);
                match unify(&ty, &vt) {
                    Some(u) => ty = u,
                    None => diags.push(
                        Diagnostic::error(
                            Code::UnitMismatch,
                            Msg::TiersDiffer {
                                first: ty.text(),
                                other: vt.text(),
                            },
                        )
                        .with_primary(value.span, vt.words())
                        .with_hint(Msg::HintSameTiers),
                    ),
                }
                out.push((*op, be, ve));
            }
            (ExprKind::Tiers(Box::new(se), out, Box::new(oe)), ty)
        }
    };
    (Expr { kind, span }, ty)
}

fn lookup(name: &str, span: Span, scope: &Scope<'_>) -> Result<(Ref, Ty), Diagnostic> {
    if let Some(i) = scope.lets.iter().rposition(|(n, _)| n == name) {
        return Ok((Ref::Let(i), scope.lets[i].1.clone()));
    }
    if let Some(i) = scope.inputs.iter().position(|(n, _)| n == name) {
        return Ok((Ref::Input(i), scope.inputs[i].1.clone()));
    }
    let builtin = match name {
        "weight" => Some(Ref::Weight),
        "target" => Some(Ref::Target),
        "actual" => Some(Ref::Actual),
        _ => None,
    };
    if let Some(r) = builtin {
        let ind = scope.indicator;
        let ty = match r {
            Ref::Weight => ind
                .filter(|i| i.weight)
                .map(|_| Ty::Number { percent: false }),
            Ref::Target => ind.and_then(|i| i.target.clone()),
            _ => ind.and_then(|i| i.actual.clone()),
        };
        return ty.map(|t| (r, t)).ok_or_else(|| {
            let (why, hint) = if ind.is_some() {
                (
                    Msg::LabelNotDeclaredHere { name: name.into() },
                    Msg::HintAddToIndicator {
                        code: Name::new(format!("{name} …")),
                    },
                )
            } else {
                (
                    Msg::LabelOnlyInIndicator { name: name.into() },
                    Msg::HintMoveIntoIndicator,
                )
            };
            Diagnostic::error(
                Code::NoIndicatorHere,
                Msg::NoValueHere { name: name.into() },
            )
            .with_primary(span, why)
            .with_hint(hint)
        });
    }
    let mut d = Diagnostic::error(Code::UnknownName, Msg::UnknownName { name: name.into() })
        .with_primary(span, Msg::LabelNotDeclared);
    if let Some((_, at)) = scope.later_lets.iter().find(|(n, _)| n == name) {
        d = d
            .with_secondary(*at, Msg::LabelDefinedAfterUse)
            .with_hint(Msg::HintMoveLetAbove {
                code: Name::new(format!("let {name}")),
            });
    } else if let Some(best) = closest(name, scope) {
        d = d.with_hint(Common::DidYouMean { name: best.into() });
    } else {
        d = d.with_hint(Msg::HintDeclareName {
            as_input: Name::new(format!("input {name}: …")),
            as_let: Name::new(format!("let {name} = …")),
        });
    }
    Err(d)
}

fn closest<'a>(name: &str, scope: &'a Scope<'_>) -> Option<&'a str> {
    let mut candidates: Vec<&str> = scope
        .inputs
        .iter()
        .chain(scope.lets.iter())
        .map(|(n, _)| n.as_str())
        .collect();
    if scope.indicator.is_some() {
        candidates.extend(["weight", "target", "actual"]);
    }
    crate::suggest::closest(name, candidates, 2)
}

fn is_zero_literal(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Const(q) if q.value.is_zero())
}

fn is_quantity(t: &Ty) -> bool {
    matches!(t, Ty::Number { .. } | Ty::Money | Ty::Count(_) | Ty::Any)
}

/// `what` (an operator or a function, as written) needs a quantity.
fn expect_quantity(t: &Ty, span: Span, what: &str, diags: &mut Vec<Diagnostic>) {
    if !is_quantity(t) {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                Msg::NeedsNumber {
                    what: what.into(),
                    found: t.text(),
                },
            )
            .with_primary(span, t.words()),
        );
    }
}

/// `what` (an operator or keyword, as written) needs a `want`.
fn expect(t: &Ty, want: &Ty, span: Span, what: &str, diags: &mut Vec<Diagnostic>) {
    if *t != Ty::Any && t != want {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                Msg::Needs {
                    what: what.into(),
                    want: want.text(),
                    found: t.text(),
                },
            )
            .with_primary(span, t.words()),
        );
    }
}

/// The common type of two values that may be added or compared.
fn unify(a: &Ty, b: &Ty) -> Option<Ty> {
    Some(match (a, b) {
        (Ty::Any, t) | (t, Ty::Any) => t.clone(),
        (Ty::Number { percent: p }, Ty::Number { percent: q }) => Ty::Number { percent: *p && *q },
        (Ty::Money, Ty::Money) => Ty::Money,
        (Ty::Count(x), Ty::Count(y)) => match (x, y) {
            (Some(x), Some(y)) if x != y => return None,
            (Some(u), _) | (_, Some(u)) => Ty::Count(Some(u.clone())),
            (None, None) => Ty::Count(None),
        },
        (Ty::Level(x), Ty::Level(_)) => Ty::Level(x.clone()),
        (Ty::Level(_), Ty::Text) | (Ty::Text, Ty::Level(_)) | (Ty::Text, Ty::Text) => Ty::Text,
        (Ty::Bool, Ty::Bool) => Ty::Bool,
        _ => return None,
    })
}

fn mismatch(op: BinaryOp, l: (&Ty, Span), r: (&Ty, Span)) -> Diagnostic {
    let code = if is_quantity(l.0) && is_quantity(r.0) {
        Code::UnitMismatch
    } else {
        Code::TypeMismatch
    };
    let verb = match op {
        BinaryOp::Add => Msg::VerbAdd,
        BinaryOp::Sub => Msg::VerbSubtract,
        BinaryOp::Mul => Msg::VerbMultiply,
        BinaryOp::Div => Msg::VerbDivide,
        BinaryOp::And | BinaryOp::Or => Msg::VerbCombine,
        _ => Msg::VerbCompare,
    };
    let hint = match (l.0, r.0) {
        (Ty::Money, Ty::Number { percent: true }) | (Ty::Number { percent: true }, Ty::Money) => {
            Msg::HintRateOrMoney
        }
        (Ty::Money, Ty::Number { .. }) | (Ty::Number { .. }, Ty::Money) => Msg::HintMoneyUnit,
        (Ty::Count(_), Ty::Count(_)) => Msg::HintSameCountUnit,
        _ if matches!(op, BinaryOp::And | BinaryOp::Or) => Msg::HintAndOr,
        _ => Msg::HintSameKind,
    };
    Diagnostic::error(
        code,
        Msg::CannotCombine {
            verb: Box::new(Text::from(verb)),
            left: l.0.text(),
            right: r.0.text(),
        },
    )
    .with_primary(r.1, r.0.words())
    .with_secondary(l.1, l.0.words())
    .with_note(Msg::NoteSameKind {
        op: op.symbol().into(),
    })
    .with_hint(hint)
}

fn binary_type(op: BinaryOp, l: (&Ty, Span), r: (&Ty, Span), diags: &mut Vec<Diagnostic>) -> Ty {
    let (lt, rt) = (l.0, r.0);
    let mut fail = || {
        diags.push(mismatch(op, l, r));
        Ty::Any
    };
    match op {
        BinaryOp::And | BinaryOp::Or => {
            if (lt == &Ty::Bool || lt == &Ty::Any) && (rt == &Ty::Bool || rt == &Ty::Any) {
                Ty::Bool
            } else {
                fail()
            }
        }
        BinaryOp::Eq | BinaryOp::Ne => {
            if unify(lt, rt).is_some() {
                Ty::Bool
            } else {
                fail()
            }
        }
        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge => match unify(lt, rt) {
            Some(t) if is_quantity(&t) => Ty::Bool,
            _ => fail(),
        },
        BinaryOp::Add | BinaryOp::Sub => match unify(lt, rt) {
            Some(t) if is_quantity(&t) => t,
            _ => fail(),
        },
        BinaryOp::Mul => match (lt, rt) {
            (Ty::Number { .. }, Ty::Number { .. }) => Ty::Number { percent: false },
            (Ty::Number { .. }, t) | (t, Ty::Number { .. }) if is_quantity(t) => t.clone(),
            (Ty::Any, Ty::Any) => Ty::Any,
            _ => fail(),
        },
        BinaryOp::Div => match (lt, rt) {
            (Ty::Number { .. }, Ty::Number { .. }) => Ty::Number { percent: false },
            (t, Ty::Number { .. }) if is_quantity(t) => t.clone(),
            (Ty::Any, t) | (t, Ty::Any) if is_quantity(t) => Ty::Number { percent: false },
            _ => match unify(lt, rt) {
                Some(t) if is_quantity(&t) => Ty::Number { percent: false },
                _ => fail(),
            },
        },
    }
}

fn resolve_call(
    name: &crate::span::Spanned<String>,
    args: &[ast::Expr],
    span: Span,
    scope: &Scope<'_>,
    diags: &mut Vec<Diagnostic>,
) -> (ExprKind, Ty) {
    let resolved: Vec<(Expr, Ty)> = args.iter().map(|a| resolve(a, scope, diags)).collect();
    let Some(&(_, func, min, max)) = Func::ALL.iter().find(|(n, ..)| *n == name.node) else {
        let names: Vec<&str> = Func::ALL.iter().map(|(n, ..)| *n).collect();
        let mut d = Diagnostic::error(
            Code::UnknownFunction,
            Msg::UnknownFunction {
                name: Name::new(name.node.as_str()),
            },
        )
        .with_primary(name.span, Msg::LabelNoSuchFunction);
        // `minimum` → `min`, `maximum` → `max`, `mni` → `min`.
        let best = names
            .iter()
            .map(|c| {
                let d = strsim::levenshtein(&name.node, c);
                (
                    if name.node.starts_with(c) {
                        d.min(1)
                    } else {
                        d
                    },
                    *c,
                )
            })
            .filter(|(d, _)| *d <= 2)
            .min_by_key(|(d, _)| *d);
        if let Some((_, c)) = best {
            d = d.with_hint(Common::DidYouMean { name: c.into() });
        }
        d = d.with_note(Msg::NoteFunctions {
            names: names.iter().copied().collect(),
        });
        diags.push(d);
        return (ExprKind::Bool(false), Ty::Any);
    };
    if args.len() < min || args.len() > max {
        let (fname, found) = (Name::new(name.node.as_str()), args.len());
        let headline = if max == usize::MAX {
            Msg::ArityAtLeast {
                name: fname,
                min,
                found,
            }
        } else if min == max && min == 1 {
            Msg::ArityOne { name: fname, found }
        } else if min == max {
            Msg::ArityExactly {
                name: fname,
                count: min,
                found,
            }
        } else {
            Msg::ArityRange {
                name: fname,
                min,
                max,
                found,
            }
        };
        let example = match func {
            Func::Min => "min(actual / target, 1)",
            Func::Max => "max(0, 1 - actual / target)",
            Func::Clamp => "clamp(actual / target, 0, 1)",
            Func::Abs => "abs(actual - target)",
            Func::Round => "round(执行率, 2)",
            Func::Floor => "floor(actual)",
            Func::Ceil => "ceil(actual)",
            Func::Excess => "excess(在职人员控制率, 100%)",
            Func::Shortfall => "shortfall(满意度, 90%)",
            Func::Steps => "steps(excess(actual, 100%), 1%)",
        };
        let given = if found == 1 {
            Msg::LabelOneArgument
        } else {
            Msg::LabelArguments { count: found }
        };
        diags.push(
            Diagnostic::error(Code::Arity, headline)
                .with_primary(span, given)
                .with_hint(Msg::HintWriteEg {
                    example: example.into(),
                }),
        );
        return (ExprKind::Bool(false), Ty::Any);
    }
    let mut ty = Ty::Any;
    let value_args: &[(Expr, Ty)] = if func == Func::Round {
        &resolved[..1]
    } else {
        &resolved
    };
    for (i, (_, t)) in value_args.iter().enumerate() {
        expect_quantity(t, args[i].span, &name.node, diags);
        match unify(&ty, t) {
            Some(u) => ty = u,
            None => {
                diags.push(
                    Diagnostic::error(
                        Code::UnitMismatch,
                        Msg::MixedArguments {
                            name: Name::new(name.node.as_str()),
                            first: ty.text(),
                            other: t.text(),
                        },
                    )
                    .with_primary(args[i].span, t.words())
                    .with_hint(Msg::HintSameArguments),
                );
                ty = Ty::Any;
                break;
            }
        }
    }
    if func == Func::Steps {
        // A count of steps: `steps(5%, 1%)` is 5.
        ty = Ty::Number { percent: false };
    }
    if func == Func::Round {
        let places_ok = matches!(&resolved[1].0.kind, ExprKind::Const(q)
            if q.unit == Unit::None && q.value.is_integer() && !q.value.is_negative()
               && q.value <= crate::exact::Exact::int(10));
        if !places_ok {
            diags.push(
                Diagnostic::error(Code::TypeMismatch, Msg::RoundPlacesArgument)
                    .with_primary(args[1].span, Msg::LabelNot0To10)
                    .with_hint(Msg::HintWriteEg {
                        example: "round(执行率, 2)".into(),
                    }),
            );
        }
    }
    (
        ExprKind::Call(func, resolved.into_iter().map(|(e, _)| e).collect()),
        ty,
    )
}
