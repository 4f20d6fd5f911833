//! Indicator rows from the data: which slot each belongs to, how its target
//! and actual are read, and how it is scored.

use super::Scorer;
use super::interp::{Env, Ind, eval, explain, show_ref};
use super::result::Leaf;
use super::value::Value;
use crate::check::model::{MessagePart, NodeId, NodeKind, QualRule};
use crate::data::notation::{self, Notation, Op};
use crate::data::{Cell, Row};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::exact::Exact;
use crate::quantity::{Quantity, Unit};
use crate::syntax::ast::{BandPick, TargetKind};
use smallvec::SmallVec;

/// The data rows of each slot, in data order: indexed by node, since every
/// project of a batch is matched through it (one allocation, not one per slot).
pub(super) struct SlotRows(Vec<SmallVec<[usize; 2]>>);

impl SlotRows {
    /// The rows of `slot` (none for a node that is not a slot).
    pub(super) fn get(&self, slot: NodeId) -> &[usize] {
        self.0.get(slot).map_or(&[], |v| v.as_slice())
    }

    fn push(&mut self, slot: NodeId, row: usize) {
        if let Some(v) = self.0.get_mut(slot) {
            v.push(row);
        }
    }
}

/// Rows by slot, in data order.
pub(super) fn assign(s: &Scorer<'_>) -> SlotRows {
    let model = s.model;
    let mut by_slot = SlotRows(vec![SmallVec::new(); model.nodes.len()]);
    for (i, row) in s.data.raw.indicators.iter().enumerate() {
        let names = row.path.parts();
        if row.name.trim().is_empty() {
            s.error(
                Diagnostic::error(Code::DataShape, "an indicator row has no name"),
                &format!("indicators[{i}].name"),
                "empty name",
            );
            continue;
        }
        let ends_with = |path: &[String]| {
            !names.is_empty()
                && path.len() >= names.len()
                && path[path.len() - names.len()..]
                    .iter()
                    .zip(&names)
                    .all(|(a, b)| a == b)
        };
        // Only slots named like the row's last group can match.
        let candidates = names
            .last()
            .and_then(|last| model.slots_by_name.get(*last))
            .map_or(&[][..], Vec::as_slice);
        let matches: SmallVec<[NodeId; 2]> = candidates
            .iter()
            .map(|&k| &model.slot_paths[k])
            .filter(|(_, path)| ends_with(path))
            .map(|(id, _)| *id)
            .collect();
        match matches.as_slice() {
            [one] => {
                if let Some(&first) = by_slot
                    .get(*one)
                    .iter()
                    .find(|&&j| s.data.raw.indicators[j].name == row.name)
                {
                    let mut d = Diagnostic::error(
                        Code::DuplicateRow,
                        format!(
                            "indicator `{}` appears twice in `{}`",
                            row.name,
                            names.join("/")
                        ),
                    )
                    .with_hint("merge the two rows or give them different names");
                    match s.data.locate(&format!("indicators[{first}].name")) {
                        (Some(span), _) => d = d.with_secondary(span, "first row with this name"),
                        (None, _) => d = d.with_note(format!("the first is indicators[{first}]")),
                    }
                    s.error(
                        d,
                        &format!("indicators[{i}].name"),
                        "second row with this name",
                    );
                    continue;
                }
                by_slot.push(*one, i);
            }
            [] => {
                let slots = model.slots();
                let known: Vec<String> = slots.iter().map(|&id| model.path(id).join("/")).collect();
                let wanted = names.join("/");
                // Compare with the whole path and with as many trailing names
                // as the row gives (`数量指彪` against `数量指标`).
                let distance = |id: NodeId| {
                    let path = model.path(id);
                    let tail = path[path.len().saturating_sub(names.len())..].join("/");
                    strsim::levenshtein(&wanted, &path.join("/"))
                        .min(strsim::levenshtein(&wanted, &tail))
                };
                let best = slots
                    .iter()
                    .map(|&id| (distance(id), id))
                    .filter(|(d, _)| !names.is_empty() && *d <= 3)
                    .min_by_key(|(d, _)| *d);
                // A row for a leaf the framework scores itself (预算执行率,
                // from the funds), by its group or, when no slot is near,
                // by its name: not a place for rows at all.
                let own = model.nodes.iter().find(|n| {
                    matches!(n.kind, NodeKind::Indicator(_))
                        && (names.last() == Some(&n.name.as_str())
                            || best.is_none() && n.name == row.name.trim())
                });
                if let Some(node) = own {
                    s.error(
                        Diagnostic::error(
                            Code::UnknownSlot,
                            format!(
                                "`{}` is scored by the framework itself, not from an indicator row",
                                node.name
                            ),
                        )
                        .with_hint(format!(
                            "delete this row: pfc scores `{}` from the project's other data, as the framework says",
                            node.name
                        )),
                        &format!("indicators[{i}].path"),
                        "scored by the framework",
                    );
                    continue;
                }
                let mut d = Diagnostic::error(
                    Code::UnknownSlot,
                    if names.is_empty() {
                        format!("indicator `{}` names no group", row.name)
                    } else {
                        format!(
                            "indicator `{}` is in `{wanted}`, which the framework does not have",
                            row.name
                        )
                    },
                );
                match best {
                    Some((_, id)) => {
                        let guess = model.path(id).join("/");
                        d = d
                            .with_hint(format!("did you mean `{guess}`?"))
                            .with_note(format!("the other checks count this row in `{guess}`"));
                        // Counted where it was probably meant, so that the
                        // group's weights are not reported as wrong too.
                        by_slot.push(id, i);
                    }
                    None => {
                        let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                        d = d.with_hint(format!(
                            "use one of the framework's groups: {}",
                            list.join(", ")
                        ));
                    }
                }
                s.error(d, &format!("indicators[{i}].path"), "no such group");
            }
            many => {
                let list: Vec<String> = many
                    .iter()
                    .map(|&id| format!("`{}`", model.path(id).join("/")))
                    .collect();
                s.error(
                    Diagnostic::error(
                        Code::UnknownSlot,
                        format!("`{}` matches several slots", names.join("/")),
                    )
                    .with_hint(format!("write the full path: one of {}", list.join(", "))),
                    &format!("indicators[{i}].path"),
                    "ambiguous",
                );
            }
        }
    }
    by_slot
}

/// A row's target or actual, read.
struct Read<'c> {
    notation: Notation,
    written: &'c str,
}

fn read_cell<'c>(
    s: &Scorer<'_>,
    cell: &'c Cell,
    (here, field): (&str, &str),
    what: &str,
    row: &str,
) -> Option<Read<'c>> {
    match notation::parse(&cell.text) {
        Ok(n) => Some(Read {
            notation: n,
            written: crate::text::trim(&cell.text),
        }),
        Err(e) => {
            s.error(
                Diagnostic::error(
                    Code::BadNotation,
                    format!("{what} of `{row}` cannot be read: {}", e.message),
                )
                .with_hint(e.hint),
                &format!("{here}.{field}"),
                "cannot be read",
            );
            None
        }
    }
}

/// A row's target or actual as the leaf keeps it: reports show it, and the
/// claims re-check a completion rate against it; otherwise nothing reads it.
fn leaf_text(s: &Scorer<'_>, row: &Row, written: &str) -> String {
    if s.full() || row.claimed_completion.is_some() {
        written.to_owned()
    } else {
        String::new()
    }
}

/// A data row's leaf: with its deduction and the reasons the row gives.
fn row_leaf(row: &Row, deduction: Option<Exact>, mut leaf: Leaf) -> Leaf {
    leaf.deduction = deduction;
    leaf.deduction_reason = row.deduction_reason.clone();
    leaf.reason = row.reason.clone().filter(|r| !r.trim().is_empty());
    leaf
}

/// `indicators[i]`, the data path of row `i`: formatted once per process
/// for the first rows, since every row needs it and few need it printed.
fn row_path(i: usize) -> std::borrow::Cow<'static, str> {
    const CACHED: usize = 256;
    static PATHS: std::sync::LazyLock<Vec<String>> =
        std::sync::LazyLock::new(|| (0..CACHED).map(|i| format!("indicators[{i}]")).collect());
    match PATHS.get(i) {
        Some(p) => std::borrow::Cow::Borrowed(p),
        None => std::borrow::Cow::Owned(format!("indicators[{i}]")),
    }
}

/// Score one row.
pub(super) fn score_row(s: &Scorer<'_>, slot: NodeId, i: usize) -> Option<(Exact, Leaf)> {
    let data = s.data;
    let row: &Row = &data.raw.indicators[i];
    let here = row_path(i);
    let weight = match &s.weights[i] {
        Some(w) if w.is_positive() => w.clone(),
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
    let target = read_cell(s, &row.target, (&here, "target"), "年度指标值", &row.name);
    let actual = read_cell(s, &row.actual, (&here, "actual"), "实际完成值", &row.name);
    let (target, actual) = (target?, actual?);
    match (&target.notation, &actual.notation) {
        (_, Notation::Text(word)) => {
            let Some(rule) = s.model.qual_rule(slot) else {
                s.error(
                    Diagnostic::error(
                        Code::NoRule,
                        format!(
                            "实际完成值 `{word}` of `{}` is a word, but the framework has no qualitative bands for `{}`",
                            row.name,
                            s.model.path(slot).join("/")
                        ),
                    )
                    .with_hint("write a number, or add `scoring qualitative { 达成 80%..100%; … }` to the framework"),
                    &format!("{here}.actual"),
                    "no rule for a word",
                );
                return None;
            };
            match rule
                .bands
                .iter()
                .position(|b| b.name == *word || b.aliases.iter().any(|a| a == word))
            {
                Some(b) => {
                    if let Notation::Quantity { .. } = target.notation {
                        s.warn(
                            Diagnostic::warning(
                                Code::BadNotation,
                                format!(
                                    "`{}`: the target `{}` is a number but the actual `{word}` is a completion level; scored in band `{}`",
                                    row.name, target.written, rule.bands[b].name
                                ),
                            )
                            .with_zh(format!(
                                "“{}”：年度指标值“{}”是数值，实际完成值“{word}”却是完成等级，按“{}”档计分",
                                row.name, target.written, rule.bands[b].name
                            ))
                            .with_hint("write the value actually reached, so that it is compared with the target")
                            .with_hint_zh("请填写实际达到的数值，以便与年度指标值比较"),
                            &format!("{here}.actual"),
                            "a level, not a number",
                        );
                    }
                    qualitative(s, rule, b, weight, row, &here, &target, &actual)
                }
                None => {
                    let names: Vec<String> =
                        rule.bands.iter().map(|b| format!("`{}`", b.name)).collect();
                    let numeric_target = matches!(target.notation, Notation::Quantity { .. });
                    let msg = if numeric_target {
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
                    let mut d = Diagnostic::error(Code::UnknownLevel, msg);
                    // The closest band name or `also` word.
                    let best = rule
                        .bands
                        .iter()
                        .flat_map(|b| {
                            std::iter::once(&b.name)
                                .chain(b.aliases.iter())
                                .map(move |w| (w, b))
                        })
                        .map(|(w, b)| (strsim::levenshtein(word, w), w, b))
                        .filter(|(d, w, _)| *d <= 2 && *d < w.chars().count())
                        .min_by_key(|(d, ..)| *d);
                    if numeric_target {
                        d = d.with_hint(format!(
                            "write the value reached as a number, e.g. `{}`",
                            target.written.trim_start_matches(['≥', '≤', '>', '<', '='])
                        ));
                    } else if let Some((_, w, b)) = best {
                        d = d.with_hint(if *w == b.name {
                            format!("did you mean `{w}`?")
                        } else {
                            format!("did you mean `{w}`? (a word for band `{}`)", b.name)
                        });
                    }
                    if !numeric_target {
                        d = d.with_note(format!(
                            "the levels are {}, and the words the framework lists with `also`",
                            names.join(", ")
                        ));
                    }
                    s.error(d, &format!("{here}.actual"), "unknown level");
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
                    .with_zh(format!(
                        "“{}”的实际完成值“{}”带有“{}”，按 {a} 读取",
                        row.name,
                        actual.written,
                        aop.symbol()
                    ))
                    .with_hint("write the value actually reached, without a comparison")
                    .with_hint_zh("实际完成值请填写实际达到的数值，不带比较符号"),
                    &format!("{here}.actual"),
                    "comparison in an actual value",
                );
            }
            if op.is_none()
                && let Some(month) = month_of_year(t)
            {
                s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        format!(
                            "年度指标值 `{}` of `{}` is scored as at least {month} months; if it is a month of the year (a deadline), an earlier month must not score less",
                            target.written, row.name
                        ),
                    )
                    .with_zh(format!(
                        "“{}”的年度指标值“{}”按数量计分（不少于{month}个月，越多越好）；如指完成月份（截止期限），提前完成不应少得分",
                        row.name, target.written
                    ))
                    .with_hint(format!(
                        "write `≤{month}月` or `{month}月底前` for a deadline, or `≥{month}个月` for a duration"
                    ))
                    .with_hint_zh(format!(
                        "截止期限请写作“≤{month}月”或“{month}月底前”，时长请写作“≥{month}个月”"
                    )),
                    &format!("{here}.target"),
                    "month of the year, or months?",
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
                (t, target.written),
                (a, actual.written),
            )
        }
    }
}

/// The month `n` of a bare target `n月` with `n` from 1 to 12: it may be a
/// month of the year (a deadline, met by any month up to it) as well as a
/// number of months, which is how it is scored.
fn month_of_year(target: &Quantity) -> Option<u32> {
    let Unit::Count(unit) = &target.unit else {
        return None;
    };
    let n = u32::try_from(target.value.to_i64()?).ok()?;
    if &**unit != "月" {
        return None;
    }
    (1..=12).contains(&n).then_some(n)
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
        |from: &Quantity, bare: &Quantity| Quantity::from_shown(&bare.value, from.unit.clone());
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
                .with_zh(format!(
                    "“{}”的实际完成值“{}”未写单位，按 {fixed_a} 读取",
                    row.name, row.actual
                ))
                .with_hint(format!("write the unit: `{fixed_a}`"))
                .with_hint_zh(format!("请写明单位：{fixed_a}")),
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
                .with_zh(format!(
                    "“{}”的年度指标值“{}”未写单位，按 {fixed_t} 读取",
                    row.name, row.target
                ))
                .with_hint(format!("write the unit: `{fixed_t}`"))
                .with_hint_zh(format!("请写明单位：{fixed_t}")),
                &format!("{here}.target"),
                "no unit",
            );
            Some((fixed_t, a))
        }
        (x, y) if x.mixes_with(y) => Some((t, a)),
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
                .with_hint("write both in the same kind of unit: money in 元, 万元 or 亿元 (they mix); a count such as `个` only with the same word"),
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
    weight: Exact,
    row: &Row,
    here: &str,
    (t, t_written): (Quantity, &str),
    (a, a_written): (Quantity, &str),
) -> Option<(Exact, Leaf)> {
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
        weight: weight.clone(),
        target: Some(Value::Q(t.clone())),
        actual: Some(Value::Q(a.clone())),
        target_expr: None,
        actual_expr: None,
        memo: Default::default(),
    };
    let env = s.env(Some(&ind));
    let mut skipped = false;
    let raw = match eval(&rule.score, env) {
        // A rule may declare that a row does not apply; it then scores nothing.
        Ok(Value::Skip) => {
            skipped = true;
            Exact::ZERO
        }
        Ok(v) => match v.quantity("a score") {
            Ok(q) => q.value.clone(),
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
    let raw = s.within_weight(raw, &weight, rule.score.span, here, &row.name);
    s.run_checks(&rule.checks, env, Some((here, &row.name)));
    let deduction = deduction(s, (kind.keyword(), rule.deduction.as_ref()), env, row, here);
    // Only reports read the rates, and the claims re-check the completion.
    let completion = (s.full() || row.claimed_completion.is_some())
        .then(|| ratio(&a, &t))
        .flatten();
    let saving = (kind == TargetKind::AtMost && s.full())
        .then(|| {
            ratio(
                &Quantity {
                    value: &t.value - &a.value,
                    unit: t.unit.clone(),
                },
                &t,
            )
        })
        .flatten();
    let formula = if s.full() {
        explain(&rule.score, env)
    } else {
        String::new()
    };
    let (score, explanation) = s.finish_leaf(raw.clone(), deduction.clone(), formula);
    Some((
        score,
        Leaf {
            completion,
            saving,
            ..row_leaf(
                row,
                deduction,
                Leaf::new(
                    kind.keyword(),
                    (leaf_text(s, row, t_written), leaf_text(s, row, a_written)),
                    explanation,
                    raw,
                    &weight,
                    !skipped,
                ),
            )
        },
    ))
}

/// A manual deduction, if the row has one and the rule (`kind`, with its
/// `allow deduction when` condition) permits it.
fn deduction(
    s: &Scorer<'_>,
    (kind, allowed): (&str, Option<&crate::check::model::Expr>),
    env: Env<'_>,
    row: &Row,
    here: &str,
) -> Option<Exact> {
    let cell = row.deduction.as_ref()?;
    let Some(d) = cell.as_points().filter(|d| !d.is_negative()) else {
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
        let mut d = Diagnostic::error(
            Code::DeductionNotAllowed,
            format!(
                "the framework does not allow a deduction for `{}`",
                row.name
            ),
        )
        .with_note(match allowed {
            Some(_) => format!(
                "`scoring {kind}` allows a deduction only when its `allow deduction when …` condition holds, and it does not for this row"
            ),
            None => format!(
                "`{}` is scored by `scoring {kind}`, which allows no deduction",
                row.name
            ),
        })
        .with_hint("remove `deduction` and `deduction_reason` from this row");
        if let Some(e) = allowed {
            d = d.with_secondary(e.span, "the condition that does not hold");
        }
        s.error(
            d,
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
            .with_hint("add `deduction_reason = \"…\"` to this row, saying why the points were deducted (e.g. the 偏离度)"),
            &format!("{here}.deduction"),
            "deducted without `deduction_reason`",
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
    weight: Exact,
    row: &Row,
    here: &str,
    target: &Read,
    actual: &Read,
) -> Option<(Exact, Leaf)> {
    let band = &rule.bands[b];
    let top = b == 0;
    let places = s.model.rounding.places;
    // Both ends rounded as pmkpi does (`round(w*0.8,2)`), and the score
    // compared after rounding, so a score cannot round into the next band.
    let low = s.round(&(&weight * &band.low));
    let high = s.round(&(&weight * &band.high));
    let shown = |v: &Exact| s.points(v.clone()).to_string();
    let range = || {
        format!(
            "{}–{}{}",
            shown(&low),
            shown(&high),
            if top { "" } else { " (exclusive)" }
        )
    };
    let (raw, how) =
        match &row.score {
            Some(cell) => {
                let Some(v) = cell.as_points() else {
                    s.error(
                        Diagnostic::error(
                            Code::BadNotation,
                            format!("score `{cell}` of `{}` is not a number", row.name),
                        )
                        .with_hint("write the score as a number of points, e.g. `score = 22.5`"),
                        &format!("{here}.score"),
                        "not a number",
                    );
                    return None;
                };
                let v = s.round(&v);
                let inside = v >= low && (v < high || (top && v <= high));
                if !inside {
                    let allowed = if top {
                        format!("{} to {} points", shown(&low), shown(&high))
                    } else {
                        format!(
                            "{} up to (not including) {} points",
                            shown(&low),
                            shown(&high)
                        )
                    };
                    let mut d = Diagnostic::error(
                        Code::OutsideBand,
                        format!(
                            "score {} of `{}` is outside band `{}`, which allows {allowed}",
                            shown(&v),
                            row.name,
                            band.name
                        ),
                    )
                    .with_note(format!(
                        "band `{}` is {}%–{}% of the weight {}",
                        band.name,
                        band.low.pow10(2).fixed(0),
                        band.high.pow10(2).fixed(0),
                        weight
                    ));
                    // The band the score would fit, if any.
                    let fits = rule.bands.iter().enumerate().find(|(k, b)| {
                        let (lo, hi) =
                            (s.round(&(&weight * &b.low)), s.round(&(&weight * &b.high)));
                        v >= lo && (v < hi || (*k == 0 && v <= hi))
                    });
                    d = match fits {
                    Some((_, b)) => d.with_hint(format!(
                        "give a score of {allowed}, or write `{} = \"{}\"` if {} points is right",
                        if here.starts_with("ratings") { "level" } else { "actual" },
                        b.name,
                        shown(&v)
                    )),
                    None => d.with_hint(format!("give a score of {allowed}")),
                };
                    s.error(d, &format!("{here}.score"), "outside the band");
                    return None;
                }
                (v, None)
            }
            None => {
                let unit = Exact::decimal(1, places);
                let v = match rule.default {
                    BandPick::Upper if top => high.clone(),
                    BandPick::Upper => s.round(&high) - unit,
                    BandPick::Lower => low.clone(),
                    BandPick::Middle => {
                        s.round(&((&low + &high) * Exact::ratio(1, 2).unwrap_or_default()))
                    }
                };
                let pick = match rule.default {
                    BandPick::Upper => "the band's upper end",
                    BandPick::Middle => "the band's middle",
                    BandPick::Lower => "the band's lower end",
                };
                (v, Some(pick))
            }
        };
    let reason_note = if !s.full() {
        String::new()
    } else {
        let how = match how {
            None => "evaluator's score".to_owned(),
            Some(pick) => format!("no score given, so {pick}"),
        };
        format!(
            "{}: {}%–{}% × {} = {}; {how}",
            band.name,
            band.low.pow10(2).fixed(0),
            band.high.pow10(2).fixed(0),
            weight,
            range()
        )
    };
    let deduction = deduction(s, ("qualitative", None), s.env(None), row, here);
    let (score, explanation) = s.finish_leaf(raw.clone(), deduction.clone(), reason_note);
    Some((
        score,
        Leaf {
            band: Some(band.name.clone()),
            ..row_leaf(
                row,
                deduction,
                Leaf::new(
                    "qualitative",
                    (
                        leaf_text(s, row, target.written),
                        leaf_text(s, row, actual.written),
                    ),
                    explanation,
                    raw,
                    &weight,
                    true,
                ),
            )
        },
    ))
}

/// `a ÷ b` for quantities of one dimension, `None` when `b` is zero.
pub(super) fn ratio(a: &Quantity, b: &Quantity) -> Option<Exact> {
    if !a.unit.mixes_with(&b.unit) {
        None
    } else {
        a.value.div(&b.value)
    }
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

/// Score a `rated` framework indicator from the evaluator's rating.
pub(super) fn rate(
    s: &Scorer<'_>,
    name: &str,
    weight: Exact,
    rating: &crate::data::Rating,
    here: &str,
) -> Option<(Exact, Leaf)> {
    let Some(rule) = s.model.rules.qualitative.as_ref() else {
        s.error(
            Diagnostic::error(
                Code::NoRule,
                format!("`{name}` is rated, but the framework has no qualitative bands"),
            )
            .with_hint(
                "add `scoring qualitative { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }`",
            ),
            here,
            "no bands",
        );
        return None;
    };
    let word = rating.level.trim();
    let Some(b) = rule
        .bands
        .iter()
        .position(|b| b.name == word || b.aliases.iter().any(|a| a == word))
    else {
        let names: Vec<&str> = rule.bands.iter().map(|b| b.name.as_str()).collect();
        s.error(
            Diagnostic::error(
                Code::UnknownLevel,
                format!("rating `{word}` of `{name}` is not a band of the framework"),
            )
            .with_hint(format!("rate it as one of {}", names.join(", "))),
            &format!("{here}.level"),
            "unknown level",
        );
        return None;
    };
    let row = Row {
        name: name.to_owned(),
        weight: Cell {
            text: weight.to_string(),
            was_number: true,
        },
        score: rating.score.clone(),
        reason: rating.evidence.clone(),
        ..Row::default()
    };
    fn read(t: &str) -> Read<'_> {
        Read {
            notation: Notation::Text(t.to_owned()),
            written: t,
        }
    }
    qualitative(s, rule, b, weight, &row, here, &read("—"), &read(word))
}
