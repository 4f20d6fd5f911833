//! Name resolution and type/unit checking of expressions.

use super::model::{Expr, ExprKind, Func, Ref, Ty};
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
                    expect_quantity(&t, inner.span, "`-`", diags);
                    t
                }
                UnaryOp::Not => {
                    expect(&t, &Ty::Bool, inner.span, "`not`", diags);
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
                    Diagnostic::error(Code::DivisionByZero, "division by zero")
                        .with_primary(r.span, "this is zero")
                        .with_secondary(l.span, "divided by zero")
                        .with_hint("divide by a value that is not zero, e.g. `actual / target`"),
                );
            }
            let ty = binary_type(*op, (&lt, l.span), (&rt, r.span), diags);
            (ExprKind::Binary(*op, Box::new(le), Box::new(re)), ty)
        }
        ast::ExprKind::If(c, t, f) => {
            let (ce, ct) = resolve(c, scope, diags);
            expect(&ct, &Ty::Bool, c.span, "`if`", diags);
            let (te, tt) = resolve(t, scope, diags);
            let (fe, ft) = resolve(f, scope, diags);
            let ty = unify(&tt, &ft).unwrap_or_else(|| {
                diags.push(
                    Diagnostic::error(
                        Code::UnitMismatch,
                        format!(
                            "the two branches of `if` give different kinds of value: {} and {}",
                            tt.describe(),
                            ft.describe()
                        ),
                    )
                    .with_primary(f.span, ft.describe())
                    .with_secondary(t.span, tt.describe())
                    .with_hint("both `then` and `else` must give the same kind of value"),
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
                            format!(
                                "the tiers give different kinds of value: {} and {}",
                                ty.describe(),
                                vt.describe()
                            ),
                        )
                        .with_primary(value.span, vt.describe())
                        .with_hint("every tier must give the same kind of value"),
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
            let why = if ind.is_some() {
                format!("this indicator declares no `{name}`")
            } else {
                format!("`{name}` only has a value inside an indicator or a scoring rule")
            };
            Diagnostic::error(Code::NoIndicatorHere, format!("`{name}` has no value here"))
                .with_primary(span, why)
                .with_hint(if ind.is_some() {
                    format!("add `{name} …` to the indicator")
                } else {
                    "move this formula into an `indicator` or a `scoring` block".to_owned()
                })
        });
    }
    let mut d = Diagnostic::error(Code::UnknownName, format!("unknown name `{name}`"))
        .with_primary(span, "not an input, a `let` or an indicator value");
    if let Some((_, at)) = scope.later_lets.iter().find(|(n, _)| n == name) {
        d = d
            .with_secondary(*at, "defined here, after its use")
            .with_hint(format!("move `let {name}` above the place that uses it"));
    } else if let Some(best) = closest(name, scope) {
        d = d.with_hint(format!("did you mean `{best}`?"));
    } else {
        d = d.with_hint(format!(
            "declare it with `input {name}: …` or `let {name} = …`"
        ));
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

fn expect_quantity(t: &Ty, span: Span, what: &str, diags: &mut Vec<Diagnostic>) {
    if !is_quantity(t) {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                format!("{what} needs a number, found {}", t.describe()),
            )
            .with_primary(span, t.describe()),
        );
    }
}

fn expect(t: &Ty, want: &Ty, span: Span, what: &str, diags: &mut Vec<Diagnostic>) {
    if *t != Ty::Any && t != want {
        diags.push(
            Diagnostic::error(
                Code::TypeMismatch,
                format!("{what} needs {}, found {}", want.describe(), t.describe()),
            )
            .with_primary(span, t.describe()),
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
        BinaryOp::Add => "add",
        BinaryOp::Sub => "subtract",
        BinaryOp::Mul => "multiply",
        BinaryOp::Div => "divide",
        BinaryOp::And | BinaryOp::Or => "combine",
        _ => "compare",
    };
    let hint = match (l.0, r.0) {
        (Ty::Money, Ty::Number { percent: true }) | (Ty::Number { percent: true }, Ty::Money) => {
            "compare a rate with a rate (`执行率 >= 80%`) or money with money (`全年执行数 >= 0元`)"
        }
        (Ty::Money, Ty::Number { .. }) | (Ty::Number { .. }, Ty::Money) => {
            "write the number with a money unit, e.g. `0元` or `87.65万元`"
        }
        (Ty::Count(_), Ty::Count(_)) => "only counts in the same unit can be combined",
        _ if matches!(op, BinaryOp::And | BinaryOp::Or) => {
            "`and` and `or` combine yes/no conditions"
        }
        _ => "both sides must be the same kind of value",
    };
    Diagnostic::error(
        code,
        format!("cannot {verb} {} and {}", l.0.describe(), r.0.describe()),
    )
    .with_primary(r.1, r.0.describe())
    .with_secondary(l.1, l.0.describe())
    .with_note(format!(
        "`{}` needs the same kind of value on both sides",
        op.symbol()
    ))
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
            format!("unknown function `{}`", name.node),
        )
        .with_primary(name.span, "no such function");
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
            d = d.with_hint(format!("did you mean `{c}`?"));
        }
        let list: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        d = d.with_note(format!("the functions are {}", list.join(", ")));
        diags.push(d);
        return (ExprKind::Bool(false), Ty::Any);
    };
    if args.len() < min || args.len() > max {
        let want = if max == usize::MAX {
            format!("at least {min}")
        } else if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        let wanted_n = if max == usize::MAX { min } else { max };
        let example = match func {
            Func::Min => "`min(actual / target, 1)`",
            Func::Max => "`max(0, 1 - actual / target)`",
            Func::Clamp => "`clamp(actual / target, 0, 1)`",
            Func::Abs => "`abs(actual - target)`",
            Func::Round => "`round(执行率, 2)`",
            Func::Floor => "`floor(actual)`",
            Func::Ceil => "`ceil(actual)`",
            Func::Excess => "`excess(在职人员控制率, 100%)`",
            Func::Shortfall => "`shortfall(满意度, 90%)`",
            Func::Steps => "`steps(excess(actual, 100%), 1%)`",
        };
        diags.push(
            Diagnostic::error(
                Code::Arity,
                format!(
                    "`{}` takes {want} {}, found {}",
                    name.node,
                    plural(wanted_n),
                    args.len()
                ),
            )
            .with_primary(span, format!("{} {}", args.len(), plural(args.len())))
            .with_hint(format!("write e.g. {example}")),
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
        expect_quantity(t, args[i].span, &format!("`{}`", name.node), diags);
        match unify(&ty, t) {
            Some(u) => ty = u,
            None => {
                diags.push(
                    Diagnostic::error(
                        Code::UnitMismatch,
                        format!(
                            "`{}` mixes {} and {}",
                            name.node,
                            ty.describe(),
                            t.describe()
                        ),
                    )
                    .with_primary(args[i].span, t.describe())
                    .with_hint("every argument must be the same kind of value"),
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
                Diagnostic::error(
                    Code::TypeMismatch,
                    "the places of `round` must be a whole number from 0 to 10",
                )
                .with_primary(args[1].span, "not 0 to 10")
                .with_hint("write e.g. `round(执行率, 2)`"),
            );
        }
    }
    (
        ExprKind::Call(func, resolved.into_iter().map(|(e, _)| e).collect()),
        ty,
    )
}
