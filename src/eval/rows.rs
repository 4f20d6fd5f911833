//! Indicator rows from the data: which slot each belongs to, how its target
//! and actual are read, and how it is scored.

use super::Scorer;
use super::interp::{Env, Ind, eval, explain, show_ref};
use super::result::Leaf;
use super::value::Value;
use crate::check::model::{Check, MessagePart, NodeId, NodeKind, QualRule};
use crate::data::notation::{self, Notation, Op};
use crate::data::{Cell, Row};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::quantity::{Quantity, Unit, fixed};
use crate::syntax::ast::{BandPick, TargetKind};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Rows by slot, in data order.
pub(super) fn assign(s: &Scorer<'_>) -> BTreeMap<NodeId, Vec<usize>> {
    let model = s.model;
    let slots = model.slots();
    let mut by_slot: BTreeMap<NodeId, Vec<usize>> = BTreeMap::new();
    for (i, row) in s.data.raw.indicators.iter().enumerate() {
        let names = row.path.names();
        let here = format!("indicators[{i}]");
        if row.name.trim().is_empty() {
            s.error(
                Diagnostic::error(Code::DataShape, "an indicator row has no name"),
                &format!("{here}.name"),
                "empty name",
            );
            continue;
        }
        let matches: Vec<NodeId> = slots
            .iter()
            .copied()
            .filter(|&id| {
                !names.is_empty()
                    && model
                        .path(id)
                        .ends_with(&names.iter().map(String::as_str).collect::<Vec<_>>())
            })
            .collect();
        match matches.as_slice() {
            [one] => {
                let list = by_slot.entry(*one).or_default();
                if let Some(&first) = list
                    .iter()
                    .find(|&&j| s.data.raw.indicators[j].name == row.name)
                {
                    s.error(
                        Diagnostic::error(
                            Code::DuplicateRow,
                            format!(
                                "indicator `{}` appears twice in `{}`",
                                row.name,
                                names.join("/")
                            ),
                        )
                        .with_note(format!("first at indicators[{first}]"))
                        .with_hint("merge the two rows or give them different names"),
                        &format!("{here}.name"),
                        "second row with this name",
                    );
                    continue;
                }
                list.push(i);
            }
            [] => {
                let known: Vec<String> = slots.iter().map(|&id| model.path(id).join("/")).collect();
                let wanted = names.join("/");
                let best = known
                    .iter()
                    .map(|k| (strsim::levenshtein(&wanted, k), k))
                    .filter(|(d, _)| *d <= 3)
                    .min_by_key(|(d, _)| *d);
                let hint = match best {
                    Some((_, k)) => format!("did you mean `{k}`?"),
                    None => format!("the framework's slots are: {}", known.join(", ")),
                };
                s.error(
                    Diagnostic::error(
                        Code::UnknownSlot,
                        if names.is_empty() {
                            format!("indicator `{}` names no group", row.name)
                        } else {
                            format!("indicator `{}` is in `{wanted}`, which the framework does not have", row.name)
                        },
                    )
                    .with_hint(hint),
                    &format!("{here}.path"),
                    "no such slot",
                );
            }
            many => {
                let list: Vec<String> = many.iter().map(|&id| model.path(id).join("/")).collect();
                s.error(
                    Diagnostic::error(
                        Code::UnknownSlot,
                        format!("`{}` matches several slots", names.join("/")),
                    )
                    .with_hint(format!("write the full path: one of {}", list.join(", "))),
                    &format!("{here}.path"),
                    "ambiguous",
                );
            }
        }
    }
    by_slot
}

/// A row's target or actual, read.
struct Read {
    notation: Notation,
    written: String,
}

fn read_cell(s: &Scorer<'_>, cell: &Cell, path: &str, what: &str) -> Option<Read> {
    match notation::parse(&cell.text) {
        Ok(n) => Some(Read {
            notation: n,
            written: cell.text.trim().to_owned(),
        }),
        Err(e) => {
            s.error(
                Diagnostic::error(
                    Code::BadNotation,
                    format!("{what} `{}`: {}", cell.text, e.message),
                )
                .with_hint(e.hint),
                path,
                "cannot be read",
            );
            None
        }
    }
}

/// Score one row.
pub(super) fn score_row(s: &Scorer<'_>, slot: NodeId, i: usize) -> Option<(Decimal, Leaf)> {
    let data = s.data;
    let row: &Row = &data.raw.indicators[i];
    let here = format!("indicators[{i}]");
    let weight = match row.weight.as_decimal() {
        Some(w) if w > Decimal::ZERO => w,
        _ => {
            s.error(
                Diagnostic::error(
                    Code::BadNotation,
                    format!(
                        "分值 `{}` of `{}` is not a positive number",
                        row.weight, row.name
                    ),
                )
                .with_hint("write the weight as a number, e.g. `weight = 25`"),
                &format!("{here}.weight"),
                "not a positive number",
            );
            return None;
        }
    };
    let target = read_cell(s, &row.target, &format!("{here}.target"), "年度指标值");
    let actual = read_cell(s, &row.actual, &format!("{here}.actual"), "实际完成值");
    let (target, actual) = (target?, actual?);
    match (&target.notation, &actual.notation) {
        (_, Notation::Text(word)) => {
            let rule = s.model.qual_rule(slot)?;
            match rule
                .bands
                .iter()
                .position(|b| b.name == *word || b.aliases.iter().any(|a| a == word))
            {
                Some(b) => qualitative(s, rule, b, weight, row, &here, &target, &actual),
                None => {
                    let names: Vec<&str> = rule.bands.iter().map(|b| b.name.as_str()).collect();
                    let msg = if matches!(target.notation, Notation::Quantity { .. }) {
                        format!(
                            "实际完成值 `{word}` of `{}` is not a number, but its target `{}` is",
                            row.name, target.written
                        )
                    } else {
                        format!(
                            "实际完成值 `{word}` of `{}` is not a completion level of the framework",
                            row.name
                        )
                    };
                    s.error(
                        Diagnostic::error(Code::UnknownLevel, msg).with_hint(format!(
                            "write a number for a numeric target, or one of the levels {} (or a word the framework lists with `also`)",
                            names.join(", ")
                        )),
                        &format!("{here}.actual"),
                        "unknown level",
                    );
                    None
                }
            }
        }
        (Notation::Text(t), Notation::Quantity { .. }) => {
            s.error(
                Diagnostic::error(
                    Code::BadNotation,
                    format!(
                        "年度指标值 `{t}` of `{}` is not a number, but 实际完成值 `{}` is",
                        row.name, actual.written
                    ),
                )
                .with_hint(
                    "write the target as a number with its comparison, e.g. `≥95%` or `≤87.65万元`",
                ),
                &format!("{here}.target"),
                "not a number",
            );
            None
        }
        (Notation::Quantity { op, value: t }, Notation::Quantity { op: aop, value: a }) => {
            if let Some(aop) = aop {
                s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        format!(
                            "实际完成值 `{}` of `{}` carries `{}`; read as {a}",
                            actual.written,
                            row.name,
                            aop.symbol()
                        ),
                    )
                    .with_hint("write the value actually reached, without a comparison"),
                    &format!("{here}.actual"),
                    "comparison in an actual value",
                );
            }
            let (t, a) = reconcile(s, t.clone(), a.clone(), row, &here)?;
            let kind = match op {
                None | Some(Op::Ge | Op::Gt) => TargetKind::AtLeast,
                Some(Op::Le | Op::Lt) => TargetKind::AtMost,
                Some(Op::Eq) => TargetKind::Equals,
            };
            quantitative(
                s,
                slot,
                kind,
                weight,
                row,
                &here,
                (t, &target.written),
                (a, &actual.written),
            )
        }
    }
}

/// Make target and actual comparable: a side without a unit takes the
/// other's unit (with a warning); different dimensions are an error.
fn reconcile(
    s: &Scorer<'_>,
    t: Quantity,
    a: Quantity,
    row: &Row,
    here: &str,
) -> Option<(Quantity, Quantity)> {
    let adopt =
        |from: &Quantity, bare: &Quantity| Quantity::from_shown(bare.value, from.unit.clone());
    match (&t.unit, &a.unit) {
        (x, y) if x == y => Some((t, a)),
        (Unit::Percent, Unit::None) | (Unit::Money(_) | Unit::Count(_), Unit::None) => {
            let fixed_a = adopt(&t, &a);
            s.warn(
                Diagnostic::warning(
                    Code::UnitAssumed,
                    format!(
                        "实际完成值 `{}` of `{}` has no unit; read as {fixed_a}",
                        row.actual, row.name
                    ),
                )
                .with_hint(format!("write the unit: `{fixed_a}`")),
                &format!("{here}.actual"),
                "no unit",
            );
            Some((t, fixed_a))
        }
        (Unit::None, Unit::Percent | Unit::Money(_) | Unit::Count(_)) => {
            let fixed_t = adopt(&a, &t);
            s.warn(
                Diagnostic::warning(
                    Code::UnitAssumed,
                    format!(
                        "年度指标值 `{}` of `{}` has no unit; read as {fixed_t}",
                        row.target, row.name
                    ),
                )
                .with_hint(format!("write the unit: `{fixed_t}`")),
                &format!("{here}.target"),
                "no unit",
            );
            Some((fixed_t, a))
        }
        (x, y) if x.dimension() == y.dimension() => Some((t, a)),
        (x, y) => {
            s.error(
                Diagnostic::error(
                    Code::DataUnitMismatch,
                    format!(
                        "`{}`: target `{}` is {} but actual `{}` is {}",
                        row.name,
                        row.target,
                        x.dimension(),
                        row.actual,
                        y.dimension()
                    ),
                )
                .with_hint("target and actual must be in the same unit (万元 and 元 mix; 个 and 人 do not)"),
                &format!("{here}.actual"),
                "unit differs from the target",
            );
            None
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn quantitative(
    s: &Scorer<'_>,
    slot: NodeId,
    kind: TargetKind,
    weight: Decimal,
    row: &Row,
    here: &str,
    (t, t_written): (Quantity, &str),
    (a, a_written): (Quantity, &str),
) -> Option<(Decimal, Leaf)> {
    let model = s.model;
    let Some(rule) = model.quant_rule(slot, kind) else {
        s.error(
            Diagnostic::error(
                Code::NoRule,
                format!(
                    "the framework has no rule for `{}` targets like `{t_written}`",
                    kind.keyword()
                ),
            )
            .with_hint(format!(
                "add `scoring {} {{ score … }}` to the framework",
                kind.keyword()
            )),
            &format!("{here}.target"),
            "no rule for this kind of target",
        );
        return None;
    };
    let ind = Ind {
        weight,
        target: Some(Value::Q(t.clone())),
        actual: Some(Value::Q(a.clone())),
        target_expr: None,
        actual_expr: None,
    };
    let env = s.env(Some(&ind));
    let raw = match eval(&rule.score, env) {
        Ok(v) => match v.quantity("a score") {
            Ok(q) => q.value,
            Err(e) => {
                s.runtime(&e, rule.score.span, here, &row.name);
                return None;
            }
        },
        Err((e, span)) => {
            s.runtime(&e, span, here, &row.name);
            return None;
        }
    };
    let raw = s.within_weight(raw, weight, rule.score.span, here, &row.name);
    let checks: Vec<Check> = rule.checks.clone();
    s.run_checks(&checks, env, Some((here, &row.name)));
    let deduction = deduction(s, rule.deduction.as_ref(), env, row, here);
    let completion = ratio(&a, &t).map(|r| percent(r));
    let saving = (kind == TargetKind::AtMost)
        .then(|| {
            ratio(
                &Quantity {
                    value: t.value - a.value,
                    unit: t.unit.clone(),
                },
                &t,
            )
            .map(percent)
        })
        .flatten();
    let (score, explanation) = s.finish_leaf(raw, deduction, explain(&rule.score, env));
    Some((
        score,
        Leaf {
            target: t_written.to_owned(),
            actual: a_written.to_owned(),
            completion,
            saving,
            rule: kind.keyword(),
            explanation,
            raw_score: raw,
            met: raw >= weight,
            band: None,
            deduction,
            deduction_reason: row.deduction_reason.clone(),
            claimed_score: None,
            claimed_completion: None,
            reason: row.reason.clone().filter(|r| !r.trim().is_empty()),
        },
    ))
}

fn deduction(
    s: &Scorer<'_>,
    allowed: Option<&crate::check::model::Expr>,
    env: Env<'_>,
    row: &Row,
    here: &str,
) -> Option<Decimal> {
    let cell = row.deduction.as_ref()?;
    let Some(d) = cell.as_decimal().filter(|d| *d >= Decimal::ZERO) else {
        s.error(
            Diagnostic::error(
                Code::BadNotation,
                format!("deduction `{cell}` is not a number of points"),
            )
            .with_hint("write the points deducted, e.g. `deduction = 1.5`"),
            &format!("{here}.deduction"),
            "not a number",
        );
        return None;
    };
    let permitted = allowed.map(|e| {
        eval(e, env)
            .ok()
            .and_then(|v| v.boolean("").ok())
            .unwrap_or(false)
    });
    if permitted != Some(true) {
        s.error(
            Diagnostic::error(
                Code::DeductionNotAllowed,
                format!(
                    "the framework does not allow a deduction for `{}`",
                    row.name
                ),
            )
            .with_hint(if allowed.is_some() {
                "the rule's `allow deduction when …` condition does not hold for this row"
            } else {
                "this kind of target has no `allow deduction when …` in the framework"
            }),
            &format!("{here}.deduction"),
            "deduction not allowed here",
        );
        return None;
    }
    if row
        .deduction_reason
        .as_deref()
        .is_none_or(|r| r.trim().is_empty())
    {
        s.error(
            Diagnostic::error(
                Code::DeductionReason,
                format!("the deduction for `{}` gives no reason", row.name),
            )
            .with_hint("add `deduction_reason = \"…\"` explaining the 偏离度"),
            &format!("{here}.deduction"),
            "no reason",
        );
        return None;
    }
    Some(d)
}

#[allow(clippy::too_many_arguments)]
fn qualitative(
    s: &Scorer<'_>,
    rule: &QualRule,
    b: usize,
    weight: Decimal,
    row: &Row,
    here: &str,
    target: &Read,
    actual: &Read,
) -> Option<(Decimal, Leaf)> {
    let band = &rule.bands[b];
    let top = b == 0;
    let places = s.model.rounding.places;
    let low = s.round(weight * band.low);
    let high = weight * band.high;
    let range = format!(
        "{}–{}{}",
        low.normalize(),
        high.normalize(),
        if top { "" } else { " (exclusive)" }
    );
    let (raw, how) = match &row.score {
        Some(cell) => {
            let Some(v) = cell.as_decimal() else {
                s.error(
                    Diagnostic::error(
                        Code::BadNotation,
                        format!("score `{cell}` of `{}` is not a number", row.name),
                    ),
                    &format!("{here}.score"),
                    "not a number",
                );
                return None;
            };
            let inside = v >= low && (v < high || (top && v <= high));
            if !inside {
                s.error(
                    Diagnostic::error(
                        Code::OutsideBand,
                        format!(
                            "score {} of `{}` is outside band `{}` ({range} points)",
                            v.normalize(),
                            row.name,
                            band.name
                        ),
                    )
                    .with_hint(format!(
                        "band `{}` allows {}%–{}% of the weight {}: give a score in {range}, or name the band that fits",
                        band.name,
                        fixed(band.low * Decimal::ONE_HUNDRED, 0),
                        fixed(band.high * Decimal::ONE_HUNDRED, 0),
                        weight.normalize()
                    )),
                    &format!("{here}.score"),
                    "outside the band",
                );
                return None;
            }
            (v, "evaluator's score".to_owned())
        }
        None => {
            let unit = Decimal::new(1, places);
            let v = match rule.default {
                BandPick::Upper if top => high,
                BandPick::Upper => s.round(high) - unit,
                BandPick::Lower => low,
                BandPick::Middle => s.round((low + high) / Decimal::TWO),
            };
            let pick = match rule.default {
                BandPick::Upper => "the band's upper end",
                BandPick::Middle => "the band's middle",
                BandPick::Lower => "the band's lower end",
            };
            (v, format!("no score given, so {pick}"))
        }
    };
    let reason_note = format!(
        "{}: {}%–{}% × {} = {range}; {how}",
        band.name,
        fixed(band.low * Decimal::ONE_HUNDRED, 0),
        fixed(band.high * Decimal::ONE_HUNDRED, 0),
        weight.normalize()
    );
    let deduction = deduction(s, None, s.env(None), row, here);
    let (score, explanation) = s.finish_leaf(raw, deduction, reason_note);
    Some((
        score,
        Leaf {
            target: target.written.clone(),
            actual: actual.written.clone(),
            completion: None,
            saving: None,
            rule: "qualitative",
            explanation,
            raw_score: raw,
            met: raw >= weight,
            band: Some(band.name.clone()),
            deduction,
            deduction_reason: row.deduction_reason.clone(),
            claimed_score: None,
            claimed_completion: None,
            reason: row.reason.clone().filter(|r| !r.trim().is_empty()),
        },
    ))
}

/// `a ÷ b` for quantities of one dimension, `None` when `b` is zero.
pub(super) fn ratio(a: &Quantity, b: &Quantity) -> Option<Decimal> {
    if b.value.is_zero() || a.unit.dimension() != b.unit.dimension() {
        None
    } else {
        a.value.checked_div(b.value)
    }
}

/// A fraction as a percentage with 2 decimals: `1.0625` → `106.25%`.
pub(super) fn percent(fraction: Decimal) -> String {
    Quantity {
        value: fraction,
        unit: Unit::Percent,
    }
    .display_fixed(2)
}

/// Build a check message from its parts.
pub(super) fn message(parts: &[MessagePart], env: Env<'_>) -> String {
    parts
        .iter()
        .map(|p| match p {
            MessagePart::Text(t) => t.clone(),
            MessagePart::Value(r) => show_ref(*r, env),
        })
        .collect()
}

/// Is `kind` a slot? (used when walking the tree)
pub(super) fn is_slot(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::Slot(_))
}

/// Severity of a check as a diagnostic code.
pub(super) fn check_code(sev: Severity) -> Code {
    match sev {
        Severity::Error => Code::RequireError,
        Severity::Warning => Code::RequireWarn,
    }
}
