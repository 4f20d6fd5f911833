//! Re-checking the figures a submitted report printed.
//!
//! pfc never forces its figures to agree with the submitted ones: it shows
//! both and says where they differ (a warning, not an error).

use super::Scorer;
use super::result::{Evaluation, NodeKindView, ScoredNode};
use super::value::nested;
use crate::catalogue::Text;
use crate::catalogue::eval::Eval;
use crate::data::Cell;
use crate::data::notation::{self, Notation};
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::{Exact, RoundMode};

fn find<'e, 'a>(
    tree: &'e mut [ScoredNode<'a>],
    pred: &dyn Fn(&ScoredNode<'a>) -> bool,
) -> Option<&'e mut ScoredNode<'a>> {
    for n in tree {
        if pred(n) {
            return Some(n);
        }
        if let Some(found) = find(&mut n.children, pred) {
            return Some(found);
        }
    }
    None
}

/// Who claims a project's total and grade, as messages name it, and
/// where to correct it: a spreadsheet's are the submitted table's (its
/// total row, its 自评总分 and 自评等级 columns), a data file's the
/// report's conclusion.
fn claimant(data: &crate::data::ProjectData) -> (Box<Text>, Box<Text>) {
    if data.from_spreadsheet() {
        (nested(Eval::WhoTable), nested(Eval::WhoTable))
    } else {
        (nested(Eval::WhoReport), nested(Eval::WhereReport))
    }
}

/// Whether a claimed score agrees with pfc's, by the one rule for every
/// claim (docs/data.md): the exact score, rounded once, half up, to the
/// precision the claim is written with, is the claim. `1.9` agrees with
/// 1.946, `1.4` with 1.4285, `8` with 7.5; but full marks never agree with
/// a score below the weight (`8` of 8 for 7.58): only a met target earns
/// them, and printing them for an unmet one is the commonest slip.
fn score_agrees(claimed: &Exact, written: &str, exact: &Exact, weight: Option<&Exact>) -> bool {
    agrees(claimed, written, exact) && !weight.is_some_and(|w| claimed >= w && exact < w)
}

/// The one rule for a claimed figure: `ours`, exact, rounded once to the
/// claim's own precision: `98.7%` agrees with 98.7336%, `107.5%` does not
/// agree with 106.25%.
fn agrees(claimed: &Exact, written: &str, ours: &Exact) -> bool {
    ours.round(notation::written_decimals(written), RoundMode::HalfUp) == *claimed
}

/// A leaf's score before rounding: what a claim is compared with (a claim
/// rounds the same exact figure to its own precision).
fn exact_score(node: &ScoredNode) -> Exact {
    match &node.leaf {
        Some(l) if l.applicable => {
            (&l.raw_score - l.deduction.clone().unwrap_or_default()).max_of(Exact::ZERO)
        }
        _ => node.score.value.clone(),
    }
}

pub(super) fn compare(s: &Scorer<'_>, e: &mut Evaluation) {
    let data = s.data;
    for (i, row) in data.raw.indicators.iter().enumerate() {
        if row.claimed_score.is_none() && row.claimed_completion.is_none() {
            continue;
        }
        let here = format!("indicators[{i}]");
        let Some(node) = find(&mut e.tree, &|n| {
            n.kind == NodeKindView::Row && n.row == Some(i)
        }) else {
            continue;
        };
        let (exact, weight) = (exact_score(node), node.weight.clone());
        let Some(leaf) = node.leaf.as_mut() else {
            continue;
        };
        if let Some(cell) = &row.claimed_score {
            let ours = node.score.clone();
            score_claim(
                s,
                leaf,
                &row.name,
                (cell, &format!("{here}.claimed_score")),
                (&exact, &weight, ours),
            );
        }
        if let Some(cell) = &row.claimed_completion {
            leaf.claimed_completion = Some(cell.text.clone());
            let claimed = match notation::parse(&cell.text) {
                Ok(Notation::Quantity { value, .. }) => Some(value.shown()),
                _ => None,
            };
            // Compare against the exact ratio, not our 2-decimal display.
            if let (Some(c), Some(ratio)) = (claimed, &leaf.completion) {
                let ours = ratio.pow10(2);
                if !agrees(&c, &cell.text, &ours) {
                    s.warn(
                        Diagnostic::warning(
                            Code::ClaimDiffers,
                            Eval::CompletionDiffers {
                                row: row.name.as_str().into(),
                                claimed: cell.text.as_str().into(),
                                actual: leaf.actual.as_str().into(),
                                target: leaf
                                    .target
                                    .trim_start_matches(['≥', '>', '≤', '<', '='])
                                    .into(),
                                ours: super::result::percent_text(ratio),
                            },
                        )
                        .with_hint(Eval::HintCorrectCompletion),
                        &format!("{here}.claimed_completion"),
                        Eval::LabelAsSubmitted,
                    );
                }
            }
        }
    }
    own_claims(s, e);
    let claimed = &data.raw.claimed;
    for (name, cell) in &claimed.values {
        let Some(fig) = e.figures.iter().find(|f| f.name == *name) else {
            s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    Eval::NoSuchValue {
                        name: name.as_str().into(),
                    },
                )
                .with_hint(Eval::HintClaimedValues),
                &format!("claimed.values.{name}"),
                Eval::LabelUnknownKey,
            );
            continue;
        };
        let Ok(Notation::Quantity {
            value: claimed_q, ..
        }) = notation::parse(&cell.text)
        else {
            s.warn(
                Diagnostic::warning(
                    Code::BadNotation,
                    Eval::ClaimedValueNotNumber {
                        text: cell.text.as_str().into(),
                        name: name.as_str().into(),
                    },
                )
                .with_hint(Eval::HintClaimedValue),
                &format!("claimed.values.{name}"),
                Eval::LabelValueNotNumber,
            );
            continue;
        };
        // Compare in the claim's own unit (`876500元` agrees with 87.65万元),
        // at the precision it is written with.
        let ours = fig.quantity.as_ref().and_then(|q| {
            (q.unit.dimension() == claimed_q.unit.dimension())
                .then(|| claimed_q.unit.to_display(&q.value))
        });
        let c = claimed_q.shown();
        if ours.is_some_and(|o| !agrees(&c, &cell.text, &o)) {
            s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    Eval::ValueDiffers {
                        name: name.as_str().into(),
                        claimed: cell.text.as_str().into(),
                        ours: fig.value.clone(),
                    },
                ),
                &format!("claimed.values.{name}"),
                Eval::LabelAsSubmitted,
            );
        }
    }
    let mut listed = Exact::ZERO;
    for (name, cell) in &claimed.parts {
        let Some(c) = cell.as_points() else { continue };
        listed += &c;
        let found =
            find(&mut e.tree, &|n| n.name == *name).map(|n| (n.score.clone(), n.weight.clone()));
        match found {
            None => s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    Eval::NoSuchPart {
                        name: name.as_str().into(),
                    },
                )
                .with_hint(Eval::HintPartNames),
                &format!("claimed.parts.{name}"),
                Eval::LabelUnknownPart,
            ),
            Some((ours, weight)) if !score_agrees(&c, &cell.text, &ours.value, Some(&weight)) => s
                .warn(
                    Diagnostic::warning(
                        Code::ClaimDiffers,
                        Eval::PartDiffers {
                            name: name.as_str().into(),
                            claimed: c.clone(),
                            ours,
                        },
                    ),
                    &format!("claimed.parts.{name}"),
                    Eval::LabelAsSubmitted,
                ),
            Some(_) => {}
        }
    }
    let claimed_total = claimed.total.as_ref().and_then(|t| t.as_points());
    let omitted: Vec<&super::result::Part> = e
        .parts
        .iter()
        .filter(|p| !claimed.parts.contains_key(p.name))
        .collect();
    if !claimed.parts.is_empty() && !omitted.is_empty() {
        let parts: Vec<Text> = omitted
            .iter()
            .map(|p| {
                Eval::PartScore {
                    name: p.name.into(),
                    score: p.score.clone(),
                }
                .into()
            })
            .collect();
        let sum = format!(
            "{} = {}",
            e.parts
                .iter()
                .map(|p| p.score.to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            e.total
        );
        let message = match &claimed_total {
            Some(total) => Eval::PartsLeftOutTotal {
                parts,
                listed,
                total: total.clone(),
            },
            None => Eval::PartsLeftOut { parts, listed },
        };
        s.warn(
            Diagnostic::warning(Code::ClaimDiffers, message).with_hint(Eval::HintListParts { sum }),
            "claimed.parts",
            Eval::LabelAsSubmitted,
        );
    }
    if let Some(t) = claimed_total {
        let written = claimed
            .total
            .as_ref()
            .map_or(String::new(), |c| c.text.clone());
        if !score_agrees(&t, &written, &e.total.value, None) {
            let (who, place) = claimant(data);
            let mut d = Diagnostic::warning(
                Code::ClaimDiffers,
                Eval::TotalDiffers {
                    who,
                    claimed: t.clone(),
                    ours: e.total.clone(),
                },
            );
            // Printed totals often leave out one part (the execution
            // rate's points): say so when that is the whole difference.
            let without = |p: &super::result::Part| {
                super::result::Points::new(&e.total.value - &p.score.value, e.total.places)
            };
            let left_out = e.parts.iter().find(|p| {
                !p.score.value.is_zero() && score_agrees(&t, &written, &without(p).value, None)
            });
            if let Some(p) = left_out {
                d = d.with_note(Eval::NoteTotalLeavesOut {
                    part: p.name.into(),
                    score: p.score.clone(),
                    rest: without(p),
                });
            }
            s.warn(
                d.with_hint(Eval::HintCorrectTotal { place }),
                "claimed.total",
                Eval::LabelAsSubmitted,
            );
        }
    }
    if let (Some(g), Some(ours)) = (&claimed.grade, &e.grade)
        && g.trim() != *ours
    {
        let (who, _) = claimant(data);
        s.warn(
            Diagnostic::warning(
                Code::ClaimDiffers,
                Eval::GradeDiffers {
                    who,
                    claimed: g.as_str().into(),
                    ours: (*ours).into(),
                },
            ),
            "claimed.grade",
            Eval::LabelAsSubmitted,
        );
    }
}

/// A claim of a framework indicator's figures: its actual value and its
/// score as the table prints them, with where each is written.
struct OwnClaim<'d> {
    node: crate::check::model::NodeId,
    actual: Option<(&'d Cell, String)>,
    score: Option<(&'d Cell, String)>,
}

/// The figures a table prints for indicators the framework scores itself:
/// the funds block's 执行率 and 得分 (`funds.claimed_rate`,
/// `funds.claimed_score`), and, as submitted, a row among the indicator
/// rows named like such an indicator (a 预算执行率 row). Each is re-checked
/// by the one rule; a printed 执行率 that is 全年执行数 ÷ 年初预算数 says so.
fn own_claims(s: &Scorer<'_>, e: &mut Evaluation) {
    let data = s.data;
    let funds_node = s.model.funds_indicator();
    let mut claims = Vec::new();
    if let Some(node) = funds_node {
        let f = &data.raw.funds;
        claims.push(OwnClaim {
            node,
            actual: f
                .claimed_rate
                .as_ref()
                .map(|c| (c, "funds.claimed_rate".to_owned())),
            score: f
                .claimed_score
                .as_ref()
                .map(|c| (c, "funds.claimed_score".to_owned())),
        });
    }
    for &(i, node) in s.own_rows.borrow().iter() {
        let row = &data.raw.indicators[i];
        let given = |c: &Cell| !c.text.trim().is_empty();
        claims.push(OwnClaim {
            node,
            actual: Some(&row.actual)
                .filter(|c| given(c))
                .map(|c| (c, format!("indicators[{i}].actual"))),
            score: row
                .claimed_score
                .as_ref()
                .map(|c| (c, format!("indicators[{i}].claimed_score"))),
        });
    }
    for claim in claims {
        let name = s.model.nodes[claim.node].name.as_str();
        let Some(node) = find(&mut e.tree, &|n| {
            n.kind == NodeKindView::Indicator && n.name == name
        }) else {
            continue;
        };
        let (exact, weight) = (exact_score(node), node.weight.clone());
        let ours_score = node.score.clone();
        let Some(leaf) = node.leaf.as_mut() else {
            continue;
        };
        if let Some((cell, place)) = claim.actual {
            match notation::parse(&cell.text) {
                Ok(Notation::Quantity { value: c, .. }) => {
                    let ours = leaf.actual_value.as_ref().and_then(|q| {
                        (q.unit.dimension() == c.unit.dimension())
                            .then(|| c.unit.to_display(&q.value))
                    });
                    if ours.is_some_and(|o| !agrees(&c.shown(), &cell.text, &o)) {
                        let mut d = Diagnostic::warning(
                            Code::ClaimDiffers,
                            Eval::RateDiffers {
                                name: name.into(),
                                claimed: cell.text.as_str().into(),
                                ours: leaf
                                    .actual_value
                                    .as_ref()
                                    .map_or_else(|| "—".to_owned(), super::result::quantity_text),
                            },
                        );
                        if Some(claim.node) == funds_node
                            && let Some(rate) = over_initial(s, &c.shown(), &cell.text)
                        {
                            d = d.with_note(Eval::NoteRateFitsInitial { rate });
                        }
                        s.warn(
                            d.with_hint(Eval::HintCorrectRate),
                            &place,
                            Eval::LabelAsSubmitted,
                        );
                    }
                }
                _ => s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        Eval::ClaimedValueNotNumber {
                            text: cell.text.as_str().into(),
                            name: name.into(),
                        },
                    ),
                    &place,
                    Eval::LabelValueNotNumber,
                ),
            }
        }
        if let Some((cell, place)) = claim.score {
            score_claim(
                s,
                leaf,
                name,
                (cell, &place),
                (&exact, &weight, ours_score.clone()),
            );
        }
    }
}

/// Re-check a leaf's printed score (`cell`, written at `place`) against
/// pfc's: its exact score, weight and rounded score.
fn score_claim(
    s: &Scorer<'_>,
    leaf: &mut super::result::Leaf,
    name: &str,
    (cell, place): (&Cell, &str),
    (exact, weight, ours): (&Exact, &Exact, super::result::Points),
) {
    let Some(c) = cell.as_points() else {
        s.warn(
            Diagnostic::warning(
                Code::BadNotation,
                Eval::ClaimedScoreNotNumber {
                    text: cell.text.as_str().into(),
                },
            ),
            place,
            Eval::LabelValueNotNumber,
        );
        return;
    };
    leaf.claimed_score = Some(c.clone());
    if score_agrees(&c, &cell.text, exact, Some(weight)) {
        return;
    }
    let mut d = Diagnostic::warning(
        Code::ClaimDiffers,
        Eval::ClaimedScoreDiffers {
            row: name.into(),
            claimed: c,
            ours,
        },
    );
    // Empty when only the scores were evaluated.
    if !leaf.explanation.is_empty() {
        d = d.with_note(Eval::NoteHowComputed {
            explanation: leaf.explanation.clone(),
        });
    }
    s.warn(
        d.with_hint(Eval::HintCorrectScore),
        place,
        Eval::LabelAsSubmitted,
    );
}

/// 全年执行数 ÷ 年初预算数 as a percentage, when the claim (in percent,
/// written as `written`) is that figure at its own precision.
fn over_initial(s: &Scorer<'_>, claimed: &Exact, written: &str) -> Option<String> {
    let funds = &s.data.raw.funds;
    let unit = s.data.funds_unit();
    let initial = super::inputs::money(funds.initial.as_ref()?, unit).ok()?;
    let executed = super::inputs::money(funds.executed.as_ref()?, unit).ok()?;
    let ratio = executed.value.div(&initial.value)?;
    agrees(claimed, written, &ratio.pow10(2)).then(|| super::result::percent_text(&ratio))
}
