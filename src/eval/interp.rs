//! Evaluating resolved expressions, and explaining them with the values put in.

use super::result::Explanation;
use super::value::{OpError, Value, What, binary, extremum, map_shown, round_value};
use crate::catalogue::Lang;
use crate::catalogue::eval::Eval;
use crate::check::model::{Expr, ExprKind, Func, Model, Ref};
use crate::exact::Exact;
use crate::quantity::Quantity;
use crate::span::Span;
use crate::syntax::ast::{BinaryOp, UnaryOp};
use std::borrow::Cow;

/// The values of the indicator being scored.
#[derive(Debug, Clone, Default)]
pub struct Ind<'a> {
    /// Its weight (分值).
    pub weight: Exact,
    /// Its target value.
    pub target: Option<Value>,
    /// Its actual value.
    pub actual: Option<Value>,
    /// For framework indicators: the formula defining `target`.
    pub target_expr: Option<&'a Expr>,
    /// For framework indicators: the formula defining `actual`.
    pub actual_expr: Option<&'a Expr>,
    /// Operations on two names already computed for this indicator: a rule
    /// and its checks tend to divide `actual / target` each on their own,
    /// and the values do not change while one indicator is scored.
    pub memo: std::cell::RefCell<smallvec::SmallVec<[(Pair, Value); 2]>>,
}

/// An operator applied to two names, as [`Ind::memo`] remembers it.
pub type Pair = (BinaryOp, Ref, Ref);

/// Everything an expression can refer to.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// The framework.
    pub model: &'a Model,
    /// Input values, by index.
    pub inputs: &'a [Option<Value>],
    /// Let values, by index (`None` where computing it failed).
    pub lets: &'a [Option<Value>],
    /// The current indicator, if any.
    pub ind: Option<&'a Ind<'a>>,
}

/// An evaluation failure and where.
pub type EvalError = (OpError, Span);

/// Evaluate an expression.
pub fn eval(e: &Expr, env: Env<'_>) -> Result<Value, EvalError> {
    let at = |r: Result<Value, OpError>| r.map_err(|x| (x, e.span));
    match &e.kind {
        ExprKind::Const(q) => Ok(Value::Q(q.clone())),
        ExprKind::Text(t) => Ok(Value::Text(t.clone())),
        ExprKind::Bool(b) => Ok(Value::Bool(*b)),
        ExprKind::Ref(r) => lookup(*r, env).ok_or_else(|| unavailable(e.span)),
        ExprKind::Skip => Ok(Value::Skip),
        ExprKind::Tiers(subject, tiers, otherwise) => {
            let v = eval(subject, env)?;
            if v.is_skip() {
                return Ok(Value::Skip);
            }
            match matching_tier(&v, tiers, env)? {
                Some(k) => eval(&tiers[k].2, env),
                None => eval(otherwise, env),
            }
        }
        ExprKind::Unary(op, x) => {
            let v = eval(x, env)?;
            if v.is_skip() {
                return Ok(Value::Skip);
            }
            match op {
                UnaryOp::Neg => at(map_shown(&v, What::Op("-"), Exact::neg)),
                UnaryOp::Not => at(v.boolean(What::Op("not")).map(|b| Value::Bool(!b))),
            }
        }
        ExprKind::Binary(op, l, r) => {
            if let (ExprKind::Ref(a), ExprKind::Ref(b)) = (&l.kind, &r.kind) {
                return names(e, *op, (l, *a), (r, *b), env);
            }
            let lv = eval(l, env)?;
            // `and`/`or` short-circuit so that `target > 0 and actual / target > 1` is safe.
            match (op, &lv) {
                (BinaryOp::And, Value::Bool(false)) => return Ok(Value::Bool(false)),
                (BinaryOp::Or, Value::Bool(true)) => return Ok(Value::Bool(true)),
                _ => {}
            }
            let rv = eval(r, env)?;
            if lv.is_skip() || rv.is_skip() {
                return Ok(Value::Skip);
            }
            at(binary(*op, &lv, &rv))
        }
        ExprKind::If(c, t, f) => {
            let cond = eval(c, env)?;
            if cond.is_skip() {
                return Ok(Value::Skip);
            }
            let cond = cond.boolean(What::Op("if")).map_err(|x| (x, c.span))?;
            eval(if cond { t } else { f }, env)
        }
        ExprKind::Call(func, args) => {
            // Functions take two or three arguments: no allocation for them.
            let vals = args
                .iter()
                .map(|a| eval(a, env))
                .collect::<Result<smallvec::SmallVec<[Value; 3]>, _>>()?;
            if vals.iter().any(Value::is_skip) {
                return Ok(Value::Skip);
            }
            at(call(*func, &vals, env.model))
        }
    }
}

fn unavailable(span: Span) -> EvalError {
    (OpError::unavailable(), span)
}

/// `l op r` for two names, without copying their values, and remembered for
/// the indicator being scored (`e` is the whole operation). An operation
/// that fails is not remembered: it is reported where it fails.
fn names(
    e: &Expr,
    op: BinaryOp,
    (l, a): (&Expr, Ref),
    (r, b): (&Expr, Ref),
    env: Env<'_>,
) -> Result<Value, EvalError> {
    let memo = env.ind.map(|i| &i.memo);
    if let Some(memo) = memo
        && let Some((_, v)) = memo.borrow().iter().find(|(k, _)| *k == (op, a, b))
    {
        return Ok(v.clone());
    }
    let lv = value(a, env).ok_or_else(|| unavailable(l.span))?;
    if let (BinaryOp::And, Value::Bool(false)) | (BinaryOp::Or, Value::Bool(true)) = (op, &*lv) {
        return Ok(lv.into_owned());
    }
    let rv = value(b, env).ok_or_else(|| unavailable(r.span))?;
    if lv.is_skip() || rv.is_skip() {
        return Ok(Value::Skip);
    }
    let v = binary(op, &lv, &rv).map_err(|x| (x, e.span))?;
    if let Some(memo) = memo {
        memo.borrow_mut().push(((op, a, b), v.clone()));
    }
    Ok(v)
}

/// A name's value: borrowed where it is stored, made for the weight.
fn value<'e>(r: Ref, env: Env<'e>) -> Option<Cow<'e, Value>> {
    let stored = match r {
        Ref::Input(i) => env.inputs.get(i)?.as_ref(),
        Ref::Let(i) => env.lets.get(i)?.as_ref(),
        Ref::Weight => {
            return env
                .ind
                .map(|i| Cow::Owned(Value::Q(Quantity::number(i.weight.clone()))));
        }
        Ref::Target => env.ind?.target.as_ref(),
        Ref::Actual => env.ind?.actual.as_ref(),
    };
    stored.map(Cow::Borrowed)
}

/// The index of the first tier whose comparison holds for `v`.
fn matching_tier(
    v: &Value,
    tiers: &[(BinaryOp, Expr, Expr)],
    env: Env<'_>,
) -> Result<Option<usize>, EvalError> {
    for (k, (op, bound, _)) in tiers.iter().enumerate() {
        let b = eval(bound, env)?;
        let holds = binary(*op, v, &b)
            .and_then(|x| x.boolean(What::Tier))
            .map_err(|x| (x, bound.span))?;
        if holds {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn zero_like(v: &Value) -> Value {
    match v {
        Value::Q(q) => Value::Q(Quantity {
            value: Exact::ZERO,
            unit: q.unit.clone(),
        }),
        other => other.clone(),
    }
}

fn call(func: Func, vals: &[Value], model: &Model) -> Result<Value, OpError> {
    match func {
        Func::Excess => {
            let d = binary(BinaryOp::Sub, &vals[0], &vals[1])?;
            extremum(&[zero_like(&d), d], true)
        }
        Func::Shortfall => {
            let d = binary(BinaryOp::Sub, &vals[1], &vals[0])?;
            extremum(&[zero_like(&d), d], true)
        }
        Func::Steps => binary(BinaryOp::Div, &vals[0], &vals[1]).map(|v| match v {
            Value::Q(q) => Value::Q(Quantity::number(q.value)),
            other => other,
        }),
        Func::Min => extremum(vals, false),
        Func::Max => extremum(vals, true),
        Func::Clamp => {
            let low = extremum(&[vals[0].clone(), vals[1].clone()], true)?;
            extremum(&[low, vals[2].clone()], false)
        }
        Func::Abs => map_shown(&vals[0], What::Func("abs"), Exact::abs),
        Func::Floor => map_shown(&vals[0], What::Func("floor"), Exact::floor),
        Func::Ceil => map_shown(&vals[0], What::Func("ceil"), Exact::ceil),
        Func::Round => {
            // The checker allows only a whole number 0..=10 here.
            let places = vals[1]
                .quantity(What::Func("round"))?
                .value
                .trunc()
                .to_i64();
            let places = places.and_then(|p| u32::try_from(p).ok()).unwrap_or(2);
            round_value(&vals[0], places, model.rounding.mode)
        }
    }
}

fn lookup(r: Ref, env: Env<'_>) -> Option<Value> {
    value(r, env).map(Cow::into_owned)
}

/// The value of a name, as shown in messages (`{执行率}` → `98.73%`).
pub fn show_ref(r: Ref, env: Env<'_>) -> String {
    match lookup(r, env) {
        Some(Value::Q(q)) if q.unit == crate::quantity::Unit::Percent => q.display_fixed(2),
        Some(v) => v.to_string(),
        None => "?".into(),
    }
}

/// The formula with the values put in: `10 × min(86.54万元 ÷ 87.65万元, 100%)`.
/// `if` shows the condition that held and the branch taken. The few words
/// it has (`n/a`, "in no tier") are in `lang`'s catalogue, the rest is
/// symbols and figures.
pub fn explain(e: &Expr, env: Env<'_>, lang: Lang) -> Explanation {
    let mut out = Explanation::new(lang);
    explain_into(e, env, &mut out);
    out
}

fn explain_into(e: &Expr, env: Env<'_>, out: &mut Explanation) {
    match &e.kind {
        ExprKind::Const(q) => out.push(&q.to_string()),
        ExprKind::Text(t) => out.push(&format!("“{t}”")),
        ExprKind::Bool(b) => out.push(if *b { "true" } else { "false" }),
        ExprKind::Ref(r) => explain_ref(*r, env, out),
        ExprKind::Skip => out.word(Eval::ExplainSkip),
        ExprKind::Tiers(subject, tiers, otherwise) => {
            let Ok(v) = eval(subject, env) else {
                out.push("tiers ");
                explain_into(subject, env, out);
                return;
            };
            match matching_tier(&v, tiers, env) {
                Ok(Some(k)) => {
                    let (op, bound, value) = &tiers[k];
                    explain_into(subject, env, out);
                    out.push(&format!(" {} ", op.symbol()));
                    explain_into(bound, env, out);
                    out.push(" ⇒ ");
                    explain_into(value, env, out);
                }
                _ => {
                    explain_into(subject, env, out);
                    out.word(Eval::ExplainNoTier);
                    explain_into(otherwise, env, out);
                }
            }
        }
        ExprKind::Unary(UnaryOp::Neg, x) => {
            out.push("−");
            wrap(x, 7, env, out);
        }
        ExprKind::Unary(UnaryOp::Not, x) => {
            out.push("not ");
            wrap(x, 3, env, out);
        }
        ExprKind::Binary(op, l, r) => {
            let p = op.precedence();
            // Right operands of − and ÷ need parentheses at equal precedence.
            let rp = if matches!(op, BinaryOp::Sub | BinaryOp::Div) {
                p + 1
            } else {
                p
            };
            wrap(l, p, env, out);
            out.push(&format!(" {} ", op.symbol()));
            wrap(r, rp, env, out);
        }
        ExprKind::If(c, t, f) => {
            match eval(c, env).and_then(|v| v.boolean(What::Op("if")).map_err(|x| (x, c.span))) {
                Ok(true) => {
                    explain_into(c, env, out);
                    out.push(" ⇒ ");
                    explain_into(t, env, out);
                }
                Ok(false) => {
                    negate(c, env, out);
                    out.push(" ⇒ ");
                    explain_into(f, env, out);
                }
                Err(_) => {
                    out.push("if ");
                    explain_into(c, env, out);
                    out.push(" then ");
                    explain_into(t, env, out);
                    out.push(" else ");
                    explain_into(f, env, out);
                }
            }
        }
        ExprKind::Call(func, args) => {
            out.push(func.name());
            out.push("(");
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push(", ");
                }
                explain_into(a, env, out);
            }
            out.push(")");
        }
    }
}

/// A condition as written, each input and `let` name followed by its value:
/// `measures_agreed (“Yes”) = “No” or baselines (“No”) = “No”`. Says why a
/// grade override applied, where the values alone would not say which
/// figure was meant.
pub fn describe(e: &Expr, env: Env<'_>, lang: Lang) -> String {
    let binds = |e: &Expr| match &e.kind {
        ExprKind::Binary(op, ..) => op.precedence(),
        ExprKind::If(..) => 0,
        _ => 9,
    };
    let wrapped = |x: &Expr, min: u8| {
        let s = describe(x, env, lang);
        if binds(x) < min { format!("({s})") } else { s }
    };
    match &e.kind {
        ExprKind::Ref(r @ Ref::Input(i)) => match env.model.inputs.get(*i) {
            Some(decl) => format!("{} ({})", decl.name, show_ref(*r, env)),
            None => explain(e, env, lang).render(lang),
        },
        ExprKind::Ref(r @ Ref::Let(i)) => match env.model.lets.get(*i) {
            Some(decl) => format!("{} ({})", decl.name, show_ref(*r, env)),
            None => explain(e, env, lang).render(lang),
        },
        ExprKind::Binary(op, l, r) => {
            let p = op.precedence();
            let rp = if matches!(op, BinaryOp::Sub | BinaryOp::Div) {
                p + 1
            } else {
                p
            };
            format!("{} {} {}", wrapped(l, p), op.symbol(), wrapped(r, rp))
        }
        ExprKind::Unary(UnaryOp::Not, x) => format!("not {}", wrapped(x, 3)),
        _ => explain(e, env, lang).render(lang),
    }
}

/// A value in an explanation: `skip` in words, a missing one as `?`.
fn value_into(v: Option<Value>, out: &mut Explanation) {
    match v {
        None => out.push("?"),
        Some(Value::Skip) => out.word(Eval::ExplainSkip),
        Some(v) => out.push(&v.to_string()),
    }
}

fn explain_ref(r: Ref, env: Env<'_>, out: &mut Explanation) {
    match r {
        Ref::Let(i) => explain_into(&env.model.lets[i].expr, env, out),
        Ref::Target | Ref::Actual => {
            let def = env.ind.and_then(|i| {
                if r == Ref::Target {
                    i.target_expr
                } else {
                    i.actual_expr
                }
            });
            match def {
                Some(x) => explain_into(x, env, out),
                None => value_into(lookup(r, env), out),
            }
        }
        _ => value_into(lookup(r, env), out),
    }
}

/// Explain a sub-expression, in parentheses when it binds looser than `min_prec`.
fn wrap(e: &Expr, min_prec: u8, env: Env<'_>, out: &mut Explanation) {
    if precedence(e, env) < min_prec {
        out.push("(");
        explain_into(e, env, out);
        out.push(")");
    } else {
        explain_into(e, env, out);
    }
}

/// How tightly an explained expression binds; a name that is shown as its
/// definition binds like the definition.
fn precedence(e: &Expr, env: Env<'_>) -> u8 {
    match &e.kind {
        ExprKind::Binary(op, ..) => op.precedence(),
        ExprKind::If(..) => 0,
        ExprKind::Ref(Ref::Let(i)) => env
            .model
            .lets
            .get(*i)
            .map_or(9, |d| precedence(&d.expr, env)),
        ExprKind::Ref(r @ (Ref::Target | Ref::Actual)) => {
            let def = env.ind.and_then(|i| {
                if *r == Ref::Target {
                    i.target_expr
                } else {
                    i.actual_expr
                }
            });
            def.map_or(9, |d| precedence(d, env))
        }
        _ => 9,
    }
}

/// The condition that held when `c` was false: `a > b` for `a <= b`.
fn negate(c: &Expr, env: Env<'_>, out: &mut Explanation) {
    if let ExprKind::Binary(op, l, r) = &c.kind {
        let flipped = match op {
            BinaryOp::Le => Some(BinaryOp::Gt),
            BinaryOp::Lt => Some(BinaryOp::Ge),
            BinaryOp::Ge => Some(BinaryOp::Lt),
            BinaryOp::Gt => Some(BinaryOp::Le),
            BinaryOp::Eq => Some(BinaryOp::Ne),
            BinaryOp::Ne => Some(BinaryOp::Eq),
            _ => None,
        };
        if let Some(f) = flipped {
            wrap(l, 5, env, out);
            out.push(&format!(" {} ", f.symbol()));
            wrap(r, 5, env, out);
            return;
        }
    }
    out.push("not (");
    explain_into(c, env, out);
    out.push(")");
}
