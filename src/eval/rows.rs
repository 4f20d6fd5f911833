//! Indicator rows from the data: which slot each belongs to, how its target
//! and actual are read, and how it is scored.

use super::Scorer;
use super::interp::{Env, Ind, eval, explain, show_ref};
use super::result::{Explanation, Leaf};
use super::value::{Value, What, kind_of, nested};
use crate::catalogue::common::Common;
use crate::catalogue::eval::Eval;
use crate::catalogue::{Names, Text};
use crate::check::model::{MessagePart, NodeId, NodeKind, QualRule};
use crate::data::notation::{self, Notation, Op};
use crate::data::{Cell, Example, Row};
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
            s.row_problem(
                i,
                Diagnostic::error(Code::DataShape, Eval::RowNoName),
                "name",
                Eval::LabelEmptyName,
                true,
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
                        Eval::DuplicateRow {
                            name: row.name.as_str().into(),
                            group: names.join("/").into(),
                        },
                    )
                    .with_hint(Eval::HintMergeRows);
                    match s.data.locate(&format!("indicators[{first}].name")) {
                        (Some(span), _) => d = d.with_secondary(span, Eval::LabelFirstRow),
                        (None, place) => d = d.with_note(Eval::NoteFirstRowAt { place }),
                    }
                    s.row_problem(i, d, "name", Eval::LabelSecondRow, false);
                    // As submitted, both rows are the table's: both scored.
                    if s.strict {
                        continue;
                    }
                }
                by_slot.push(*one, i);
            }
            [] => {
                let slots = model.slots();
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
                let own = model.nodes.iter().position(|n| {
                    matches!(n.kind, NodeKind::Indicator(_))
                        && (names.last() == Some(&n.name.as_str())
                            || best.is_none() && n.name == row.name.trim())
                });
                if let Some(id) = own {
                    let node = &model.nodes[id];
                    // As submitted, the row is the table's own figures for
                    // the indicator: re-checked as claims (claims.rs).
                    if !s.strict {
                        s.own_rows.borrow_mut().push((i, id));
                        s.warn(
                            Diagnostic::note(
                                Code::UnknownSlot,
                                Eval::RowReadAsClaim {
                                    name: node.name.as_str().into(),
                                },
                            ),
                            &format!("indicators[{i}].name"),
                            Eval::LabelScoredByFramework,
                        );
                        continue;
                    }
                    s.row_problem(
                        i,
                        Diagnostic::error(
                            Code::UnknownSlot,
                            Eval::ScoredByFramework {
                                name: node.name.as_str().into(),
                            },
                        )
                        .with_hint(Eval::HintDeleteRow {
                            name: node.name.as_str().into(),
                        }),
                        "path",
                        Eval::LabelScoredByFramework,
                        false,
                    );
                    continue;
                }
                let mut d = Diagnostic::error(
                    Code::UnknownSlot,
                    if names.is_empty() {
                        Eval::NoGroup {
                            name: row.name.as_str().into(),
                        }
                    } else {
                        Eval::UnknownSlot {
                            name: row.name.as_str().into(),
                            group: wanted.into(),
                        }
                    },
                );
                match best {
                    Some((_, id)) => {
                        let guess = model.path(id).join("/");
                        d = d
                            .with_hint(Common::DidYouMean {
                                name: guess.as_str().into(),
                            })
                            .with_note(Eval::NoteCountedIn {
                                group: guess.into(),
                            });
                        // Counted where it was probably meant, so that the
                        // group's weights are not reported as wrong too
                        // (and, as submitted, scored there).
                        by_slot.push(id, i);
                        s.row_problem(i, d, "path", Eval::LabelNoSuchGroup, false);
                    }
                    None => {
                        d = d.with_hint(Eval::HintUseGroups {
                            groups: slots.iter().map(|&id| model.path(id).join("/")).collect(),
                        });
                        s.row_problem(i, d, "path", Eval::LabelNoSuchGroup, true);
                    }
                }
            }
            many => {
                s.row_problem(
                    i,
                    Diagnostic::error(
                        Code::UnknownSlot,
                        Eval::AmbiguousPath {
                            group: names.join("/").into(),
                        },
                    )
                    .with_hint(Eval::HintFullPath {
                        paths: many.iter().map(|&id| model.path(id).join("/")).collect(),
                    }),
                    "path",
                    Eval::LabelAmbiguousPath,
                    true,
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
    column: &'static str,
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
                    Eval::CellUnreadable {
                        column,
                        row: row.into(),
                        why: Box::new(e.message.into()),
                    },
                )
                .with_hint(e.hint),
                &format!("{here}.{field}"),
                Eval::LabelValueUnreadable,
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
                    Eval::RowWeightNotPositive {
                        weight: row.weight.text.as_str().into(),
                        row: row.name.as_str().into(),
                    },
                )
                .with_hint(Eval::HintWeightAsNumber {
                    example: Example::field(data.format, "weight", "25"),
                }),
                &format!("{here}.weight"),
                Eval::RowLabelNotPositive,
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
                        Eval::NoQualitativeBands {
                            actual: word.as_str().into(),
                            row: row.name.as_str().into(),
                            group: s.model.path(slot).join("/").into(),
                        },
                    )
                    .with_hint(Eval::HintQualitativeBands),
                    &format!("{here}.actual"),
                    Eval::LabelNoRuleForWord,
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
                                Eval::LevelForNumber {
                                    row: row.name.as_str().into(),
                                    target: target.written.into(),
                                    actual: word.as_str().into(),
                                    band: rule.bands[b].name.as_str().into(),
                                },
                            )
                            .with_hint(Eval::HintWriteReached),
                            &format!("{here}.actual"),
                            Eval::LabelLevelNotNumber,
                        );
                    }
                    qualitative(s, rule, b, weight, row, &here, &target, &actual)
                }
                None => {
                    if !s.strict
                        && let Some(b) =
                            unknown_word_band(s, rule, &weight, row, &here, &target, word)
                    {
                        return qualitative(s, rule, b, weight, row, &here, &target, &actual);
                    }
                    let numeric_target = matches!(target.notation, Notation::Quantity { .. });
                    let msg = if numeric_target {
                        Eval::WordForNumber {
                            actual: word.as_str().into(),
                            row: row.name.as_str().into(),
                            target: target.written.into(),
                        }
                    } else {
                        Eval::NotALevel {
                            actual: word.as_str().into(),
                            row: row.name.as_str().into(),
                        }
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
                        d = d.with_hint(Eval::HintReachedNumber {
                            example: target
                                .written
                                .trim_start_matches(['≥', '≤', '>', '<', '='])
                                .into(),
                        });
                    } else if let Some((_, w, b)) = best {
                        d = d.with_hint(if *w == b.name {
                            Text::from(Common::DidYouMean {
                                name: w.as_str().into(),
                            })
                        } else {
                            Text::from(Eval::DidYouMeanBandWord {
                                word: w.as_str().into(),
                                band: b.name.as_str().into(),
                            })
                        });
                    }
                    if !numeric_target && !s.strict {
                        d = d.with_hint(Eval::HintGiveScore);
                    }
                    if !numeric_target {
                        d = d.with_note(Eval::NoteLevels {
                            levels: rule.bands.iter().map(|b| b.name.as_str()).collect(),
                        });
                    }
                    s.error(d, &format!("{here}.actual"), Eval::LabelUnknownLevel);
                    None
                }
            }
        }
        (Notation::Text(t), Notation::Quantity { .. }) => {
            s.error(
                Diagnostic::error(
                    Code::BadNotation,
                    Eval::TargetNotNumber {
                        target: t.as_str().into(),
                        row: row.name.as_str().into(),
                        actual: actual.written.into(),
                    },
                )
                .with_hint(Eval::HintTargetNumber),
                &format!("{here}.target"),
                Eval::LabelValueNotNumber,
            );
            None
        }
        (Notation::Quantity { op, value: t }, Notation::Quantity { op: aop, value: a }) => {
            if let Some(aop) = aop {
                s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        Eval::ActualWithSign {
                            actual: actual.written.into(),
                            row: row.name.as_str().into(),
                            sign: aop.symbol().to_owned(),
                            read: a.clone(),
                        },
                    )
                    .with_hint(Eval::HintActualNoSign),
                    &format!("{here}.actual"),
                    Eval::LabelComparisonInActual,
                );
            }
            if op.is_none()
                && let Some(month) = month_of_year(t)
            {
                s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        Eval::MonthTarget {
                            target: target.written.into(),
                            row: row.name.as_str().into(),
                            month,
                        },
                    )
                    .with_hint(Eval::HintMonthTarget { month }),
                    &format!("{here}.target"),
                    Eval::LabelMonthOrMonths,
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
                    Eval::ActualNoUnit {
                        actual: row.actual.text.as_str().into(),
                        row: row.name.as_str().into(),
                        read: fixed_a.clone(),
                    },
                )
                .with_hint(Eval::HintWriteUnit {
                    value: fixed_a.clone(),
                }),
                &format!("{here}.actual"),
                Eval::LabelNoUnit,
            );
            Some((t, fixed_a))
        }
        (Unit::None, Unit::Percent | Unit::Money(_) | Unit::Count(_)) => {
            let fixed_t = adopt(&a, &t);
            s.warn(
                Diagnostic::warning(
                    Code::UnitAssumed,
                    Eval::TargetNoUnit {
                        target: row.target.text.as_str().into(),
                        row: row.name.as_str().into(),
                        read: fixed_t.clone(),
                    },
                )
                .with_hint(Eval::HintWriteUnit {
                    value: fixed_t.clone(),
                }),
                &format!("{here}.target"),
                Eval::LabelNoUnit,
            );
            Some((fixed_t, a))
        }
        (x, y) if x.mixes_with(y) => Some((t, a)),
        (x, y) => {
            s.error(
                Diagnostic::error(
                    Code::DataUnitMismatch,
                    Eval::UnitsDiffer {
                        row: row.name.as_str().into(),
                        target: row.target.text.as_str().into(),
                        target_kind: kind_of(&x.dimension()),
                        actual: row.actual.text.as_str().into(),
                        actual_kind: kind_of(&y.dimension()),
                    },
                )
                .with_hint(Eval::HintSameUnit),
                &format!("{here}.actual"),
                Eval::LabelUnitDiffers,
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
                Eval::NoRuleForKind {
                    kind: kind.keyword().into(),
                    target: t_written.into(),
                },
            )
            .with_hint(Eval::HintAddRule {
                kind: kind.keyword().to_owned(),
            }),
            &format!("{here}.target"),
            Eval::LabelNoRuleForKind,
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
        Ok(v) => match v.quantity(What::Score) {
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
        explain(&rule.score, env, s.model.language)
    } else {
        Explanation::default()
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
/// `allow deduction when` condition) permits it. As submitted, a deduction
/// the rule does not permit, or that is not a number, is left out and said;
/// one without a reason is taken and the missing reason said.
fn deduction(
    s: &Scorer<'_>,
    (kind, allowed): (&str, Option<&crate::check::model::Expr>),
    env: Env<'_>,
    row: &Row,
    here: &str,
) -> Option<Exact> {
    let cell = row.deduction.as_ref()?;
    let Some(d) = cell.as_points().filter(|d| !d.is_negative()) else {
        s.problem(
            Diagnostic::error(
                Code::BadNotation,
                Eval::DeductionNotNumber {
                    text: cell.text.as_str().into(),
                },
            )
            .with_hint(Eval::HintDeductionNumber {
                example: Example::field(s.data.format, "deduction", "1.5"),
            }),
            &format!("{here}.deduction"),
            Eval::LabelValueNotNumber,
        );
        return None;
    };
    let permitted = allowed.map(|e| {
        eval(e, env)
            .ok()
            .and_then(|v| v.boolean(What::Deduction).ok())
            .unwrap_or(false)
    });
    if permitted != Some(true) {
        let mut d = Diagnostic::error(
            Code::DeductionNotAllowed,
            Eval::DeductionNotAllowed {
                row: row.name.as_str().into(),
            },
        )
        .with_note(match allowed {
            Some(_) => Eval::NoteDeductionCondition {
                kind: kind.to_owned(),
            },
            None => Eval::NoteNoDeduction {
                row: row.name.as_str().into(),
                kind: kind.to_owned(),
            },
        })
        .with_hint(Eval::HintRemoveDeduction);
        if let Some(e) = allowed {
            d = d.with_secondary(e.span, Eval::LabelConditionFails);
        }
        s.problem(
            d,
            &format!("{here}.deduction"),
            Eval::LabelDeductionNotAllowed,
        );
        return None;
    }
    if row
        .deduction_reason
        .as_deref()
        .is_none_or(|r| r.trim().is_empty())
    {
        s.problem(
            Diagnostic::error(
                Code::DeductionReason,
                Eval::DeductionReason {
                    row: row.name.as_str().into(),
                },
            )
            .with_hint(Eval::HintDeductionReason),
            &format!("{here}.deduction"),
            Eval::LabelNoDeductionReason,
        );
        // As submitted, the table's deduction stands; its missing reason
        // is said.
        if s.strict {
            return None;
        }
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
    // Both ends rounded as pmkpi does (`round(w*0.8,2)`), and the score
    // compared after rounding, so a score cannot round into the next band.
    let low = s.round(&(&weight * &band.low));
    let high = s.round(&(&weight * &band.high));
    let percent = |share: &Exact| share.pow10(2).fixed(0);
    let allowed = || {
        let (low, high) = (s.points(low.clone()), s.points(high.clone()));
        nested(if top {
            Eval::AllowedTop { low, high }
        } else {
            Eval::AllowedBelow { low, high }
        })
    };
    // The band a score lies in, as the framework draws the bands (each
    // end rounded, the top band closed above).
    let band_of = |v: &Exact| {
        rule.bands.iter().enumerate().find(|(k, b)| {
            let (lo, hi) = (s.round(&(&weight * &b.low)), s.round(&(&weight * &b.high)));
            *v >= lo && (*v < hi || (*k == 0 && *v <= hi))
        })
    };
    // A score the table gives: the evaluator's 评分, else its own 得分,
    // which is the unit's judgement within the band (issue: a claimed 7 of
    // 10 for 基本达成 is the score, not a figure to re-check).
    let given = match (&row.score, &row.claimed_score) {
        (Some(cell), _) => {
            let Some(v) = cell.as_points() else {
                s.error(
                    Diagnostic::error(
                        Code::BadNotation,
                        Eval::ScoreNotNumber {
                            score: cell.text.as_str().into(),
                            row: row.name.as_str().into(),
                        },
                    )
                    .with_hint(Eval::HintScoreNumber {
                        example: Example::field(s.data.format, "score", "22.5"),
                    }),
                    &format!("{here}.score"),
                    Eval::LabelValueNotNumber,
                );
                return None;
            };
            Some((s.round(&v), "score", Eval::ExplainEvaluatorScore))
        }
        (None, Some(cell)) => cell
            .as_points()
            .map(|v| (s.round(&v), "claimed_score", Eval::ExplainTableScore)),
        (None, None) => None,
    };
    // A submitted table is read as submitted; a rating is the evaluator's
    // own entry in pfc's format (`[ratings]`), held to the framework.
    let as_submitted = !s.strict && !here.starts_with("ratings");
    let (raw, how) = match given {
        Some((v, _, how)) if v >= low && (v < high || (top && v <= high)) => (v, how),
        // An evaluator's score outside its band: an error when strict, and
        // always when it fits no band (below 0, above the weight).
        Some((v, "score", _)) if !as_submitted || band_of(&v).is_none() => {
            let mut d = Diagnostic::error(
                Code::OutsideBand,
                Eval::OutsideBand {
                    score: s.points(v.clone()),
                    row: row.name.as_str().into(),
                    band: band.name.as_str().into(),
                    allowed: allowed(),
                },
            )
            .with_note(Eval::NoteBandShare {
                band: band.name.as_str().into(),
                low: percent(&band.low),
                high: percent(&band.high),
                weight: weight.clone(),
            });
            d = match band_of(&v) {
                Some((_, b)) => d.with_hint(Eval::HintScoreOrLevel {
                    allowed: allowed(),
                    field: if here.starts_with("ratings") {
                        "level"
                    } else {
                        "actual"
                    },
                    band: b.name.clone(),
                    score: s.points(v.clone()),
                }),
                None => d.with_hint(Eval::HintScoreWithin { allowed: allowed() }),
            };
            s.error(d, &format!("{here}.score"), Eval::LabelOutsideBand);
            return None;
        }
        // As submitted, a score the table gives in another band is the
        // table's score: taken, and said (a table's own 得分 outside its
        // word's band under `--strict` is left to the claims, as before).
        Some((v, field, how)) if as_submitted => match band_of(&v) {
            Some((_, lies)) => {
                s.warn(
                    Diagnostic::warning(
                        Code::OutsideBand,
                        Eval::ScoreInOtherBand {
                            row: row.name.as_str().into(),
                            score: s.points(v.clone()),
                            band: band.name.as_str().into(),
                            lies: lies.name.as_str().into(),
                        },
                    )
                    .with_note(Eval::NoteBandShare {
                        band: band.name.as_str().into(),
                        low: percent(&band.low),
                        high: percent(&band.high),
                        weight: weight.clone(),
                    })
                    .with_hint(Eval::HintScoreOrLevelTable {
                        allowed: allowed(),
                        band: lies.name.as_str().into(),
                    }),
                    &format!("{here}.{field}"),
                    Eval::LabelOutsideBand,
                );
                (v, how)
            }
            None => default_pick(s, rule, top, &low, &high),
        },
        _ => default_pick(s, rule, top, &low, &high),
    };
    let mut reason_note = Explanation::new(s.model.language);
    if s.full() {
        reason_note.word(Eval::ExplainBand {
            band: band.name.clone(),
            low: percent(&band.low),
            high: percent(&band.high),
            weight: weight.clone(),
            from: s.points(low.clone()),
            to: s.points(high.clone()),
        });
        if !top {
            reason_note.word(Eval::ExplainExclusive);
        }
        reason_note.word(how);
    }
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

/// The band of a row whose actual is a word no band knows, when the table
/// lets a person judge it anyway, said as a note: the actual repeats the
/// target's own words (the target met: the top band), or the table gives
/// a score (评分, else its 得分), whose band it is.
fn unknown_word_band(
    s: &Scorer<'_>,
    rule: &QualRule,
    weight: &Exact,
    row: &Row,
    here: &str,
    target: &Read,
    word: &str,
) -> Option<usize> {
    let given = row
        .score
        .as_ref()
        .or(row.claimed_score.as_ref())
        .and_then(|c| c.as_points())
        .map(|v| s.round(&v));
    let top = rule.bands.first()?;
    if given.is_none() && crate::text::trim(word) == target.written {
        s.warn(
            Diagnostic::note(
                Code::UnknownLevel,
                Eval::ActualRepeatsTarget {
                    row: row.name.as_str().into(),
                    band: top.name.as_str().into(),
                },
            ),
            &format!("{here}.actual"),
            Eval::LabelRepeatsTarget,
        );
        return Some(0);
    }
    let v = given?;
    let b = rule.bands.iter().enumerate().position(|(k, b)| {
        let (lo, hi) = (s.round(&(weight * &b.low)), s.round(&(weight * &b.high)));
        v >= lo && (v < hi || (k == 0 && v <= hi))
    })?;
    s.warn(
        Diagnostic::note(
            Code::UnknownLevel,
            Eval::UnknownWordScored {
                actual: word.into(),
                row: row.name.as_str().into(),
                score: s.points(v),
                band: rule.bands[b].name.as_str().into(),
            },
        )
        .with_note(Eval::NoteLevels {
            levels: rule.bands.iter().map(|b| b.name.as_str()).collect(),
        }),
        &format!("{here}.actual"),
        Eval::LabelUnknownLevel,
    );
    Some(b)
}

/// The score of a band when the table gives none, as the framework's
/// `default` says: its upper end (a point below the next band's start for
/// a lower band), its middle, or its lower end.
fn default_pick(
    s: &Scorer<'_>,
    rule: &QualRule,
    top: bool,
    low: &Exact,
    high: &Exact,
) -> (Exact, Eval) {
    let unit = Exact::decimal(1, s.model.rounding.places);
    let v = match rule.default {
        BandPick::Upper if top => high.clone(),
        BandPick::Upper => s.round(high) - unit,
        BandPick::Lower => low.clone(),
        BandPick::Middle => s.round(&((low + high) * Exact::ratio(1, 2).unwrap_or_default())),
    };
    let pick = match rule.default {
        BandPick::Upper => Eval::ExplainUpperEnd,
        BandPick::Middle => Eval::ExplainMiddle,
        BandPick::Lower => Eval::ExplainLowerEnd,
    };
    (v, pick)
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
        Severity::Warning | Severity::Note => Code::RequireWarn,
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
            Diagnostic::error(Code::NoRule, Eval::RatedWithoutBands { name: name.into() })
                .with_hint(Eval::RowHintAddBands),
            here,
            Eval::LabelNoBands,
        );
        return None;
    };
    let word = rating.level.trim();
    let Some(b) = rule
        .bands
        .iter()
        .position(|b| b.name == word || b.aliases.iter().any(|a| a == word))
    else {
        let bands: Names = rule.bands.iter().map(|b| b.name.as_str()).collect();
        s.error(
            Diagnostic::error(
                Code::UnknownLevel,
                Eval::UnknownRating {
                    level: word.into(),
                    name: name.into(),
                },
            )
            .with_hint(Eval::HintRateAs { bands }),
            &format!("{here}.level"),
            Eval::LabelUnknownLevel,
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
