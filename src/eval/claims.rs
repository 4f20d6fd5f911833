//! Re-checking the figures a submitted report printed.
//!
//! pfc never forces its figures to agree with the submitted ones: it shows
//! both and says where they differ (a warning, not an error).

use super::Scorer;
use super::result::{Evaluation, NodeKindView, ScoredNode};
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

/// Compare a claimed figure with ours at the claim's own precision: a claim
/// of `98.7%` agrees with `98.7336%`, a claim of `107.5%` does not agree
/// with `106.25%`.
/// Scores are different: a whole number of points (`8`) is taken as exact —
/// a table that prints 8 for 7.58 gave full marks — while a score written
/// with decimals (`99.9`) is compared at its precision.
/// Who claims a project's total and grade, as messages name it (and
/// where to correct it): a spreadsheet's are the submitted table's (its
/// total row, its 自评总分 and 自评等级 columns), a data file's the
/// report's conclusion.
fn claimant(data: &crate::data::ProjectData) -> (&'static str, &'static str, &'static str) {
    if data.from_spreadsheet() {
        ("the submitted table", "the submitted table", "自评表")
    } else {
        ("the report", "the submitted report", "报告")
    }
}

fn score_agrees(claimed: &Exact, written: &str, ours: &Exact) -> bool {
    if notation::written_decimals(written) == 0 {
        claimed == ours
    } else {
        agrees(claimed, written, ours)
    }
}

fn agrees(claimed: &Exact, written: &str, ours: &Exact) -> bool {
    ours.round(notation::written_decimals(written), RoundMode::HalfUp) == *claimed
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
        let Some(leaf) = node.leaf.as_mut() else {
            continue;
        };
        if let Some(cell) = &row.claimed_score {
            match cell.as_points() {
                Some(c) => {
                    leaf.claimed_score = Some(c.clone());
                    if !score_agrees(&c, &cell.text, &node.score.value) {
                        let mut d = Diagnostic::warning(
                            Code::ClaimDiffers,
                            format!(
                                "`{}`: the submitted table gives {} points, pfc computes {}",
                                row.name, c, node.score
                            ),
                        )
                        .with_zh(format!(
                            "“{}”：自评表填报 {} 分，pfc 计算为 {} 分",
                            row.name, c, node.score
                        ));
                        // Empty when only the scores were evaluated.
                        if !leaf.explanation.is_empty() {
                            d = d.with_note(format!("pfc: {}", leaf.explanation));
                        }
                        s.warn(
                            d.with_hint("correct the score in the submitted table, or check the row's target and actual")
                                .with_hint_zh("更正自评表中的得分，或核对该行的年度指标值和实际完成值"),
                            &format!("{here}.claimed_score"),
                            "as submitted",
                        );
                    }
                }
                None => s.warn(
                    Diagnostic::warning(
                        Code::BadNotation,
                        format!("claimed score `{cell}` is not a number"),
                    )
                    .with_zh(format!("填报得分“{cell}”不是数字")),
                    &format!("{here}.claimed_score"),
                    "not a number",
                ),
            }
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
                    let shown = super::result::percent_text(ratio);
                    s.warn(
                        Diagnostic::warning(
                            Code::ClaimDiffers,
                            format!(
                                "`{}`: the report gives a completion rate of {}, but {} ÷ {} = {}",
                                row.name,
                                cell.text,
                                leaf.actual,
                                leaf.target.trim_start_matches(['≥', '>', '≤', '<', '=']),
                                shown
                            ),
                        )
                        .with_zh(format!(
                            "“{}”：报告所写完成率为 {}，但 {} ÷ {} = {}",
                            row.name,
                            cell.text,
                            leaf.actual,
                            leaf.target.trim_start_matches(['≥', '>', '≤', '<', '=']),
                            shown
                        ))
                        .with_hint("correct the completion rate in the report text")
                        .with_hint_zh("更正报告正文中的完成率"),
                        &format!("{here}.claimed_completion"),
                        "as submitted",
                    );
                }
            }
        }
    }
    let claimed = &data.raw.claimed;
    for (name, cell) in &claimed.values {
        let Some(fig) = e.figures.iter().find(|f| f.name == *name) else {
            s.warn(
                Diagnostic::warning(Code::ClaimDiffers, format!("the framework has no value named `{name}`"))
                    .with_zh(format!("框架中没有名为“{name}”的数值"))
                    .with_hint("claimed values are compared with the framework's inputs and `let` values by name"),
                &format!("claimed.values.{name}"),
                "unknown name",
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
                    format!("claimed value `{cell}` of `{name}` is not a number"),
                )
                .with_zh(format!("“{name}”的填报数值“{cell}”不是数字"))
                .with_hint("write the figure as printed, e.g. `\"98.73%\"` or `\"87.65万元\"`"),
                &format!("claimed.values.{name}"),
                "not a number",
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
            let fig_value = fig.value.clone();
            s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    format!(
                        "`{name}`: the report gives {}, pfc computes {fig_value}",
                        cell.text
                    ),
                )
                .with_zh(format!(
                    "“{name}”：报告所写为 {}，pfc 计算为 {fig_value}",
                    cell.text
                )),
                &format!("claimed.values.{name}"),
                "as submitted",
            );
        }
    }
    let mut listed = Exact::ZERO;
    for (name, cell) in &claimed.parts {
        let Some(c) = cell.as_points() else { continue };
        listed += &c;
        let found = find(&mut e.tree, &|n| n.name == *name).map(|n| n.score.clone());
        match found {
            None => s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    format!("the report names a part `{name}` the framework does not have"),
                )
                .with_zh(format!("报告提到的“{name}”不是框架中的部分"))
                .with_hint("use the framework's group or indicator names in `[claimed.parts]`"),
                &format!("claimed.parts.{name}"),
                "unknown part",
            ),
            Some(ours) if !score_agrees(&c, &cell.text, &ours.value) => s.warn(
                Diagnostic::warning(
                    Code::ClaimDiffers,
                    format!(
                        "`{name}`: the report gives {} points, pfc computes {}",
                        c, ours
                    ),
                )
                .with_zh(format!(
                    "“{name}”：报告得分为 {} 分，pfc 计算为 {} 分",
                    c, ours
                )),
                &format!("claimed.parts.{name}"),
                "as submitted",
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
        let list = |each: &dyn Fn(&super::result::Part) -> String, sep: &str| {
            omitted
                .iter()
                .map(|p| each(p))
                .collect::<Vec<_>>()
                .join(sep)
        };
        let sum = format!(
            "{} = {}",
            e.parts
                .iter()
                .map(|p| p.score.to_string())
                .collect::<Vec<_>>()
                .join(" + "),
            e.total
        );
        s.warn(
            Diagnostic::warning(
                Code::ClaimDiffers,
                format!(
                    "the report's conclusion leaves out {}: the parts it lists add up to {}{}",
                    list(&|p| format!("{} ({} points)", p.name, p.score), ", "),
                    listed,
                    claimed_total
                        .as_ref()
                        .map(|t| format!(", yet its total is {}", t))
                        .unwrap_or_default()
                ),
            )
            .with_zh(format!(
                "报告结论遗漏了{}：所列各部分合计 {} 分{}",
                list(&|p| format!("{}（{} 分）", p.name, p.score), "、"),
                listed,
                claimed_total
                    .as_ref()
                    .map(|t| format!("，而总分写为 {} 分", t))
                    .unwrap_or_default()
            ))
            .with_hint(format!("list every part in the conclusion: {sum}"))
            .with_hint_zh(format!("结论应列出每一部分的得分：{sum}")),
            "claimed.parts",
            "as submitted",
        );
    }
    if let Some(t) = claimed_total {
        let written = claimed
            .total
            .as_ref()
            .map_or(String::new(), |c| c.text.clone());
        if !score_agrees(&t, &written, &e.total.value) {
            let (what, fix, what_zh) = claimant(data);
            let mut d = Diagnostic::warning(
                Code::ClaimDiffers,
                format!("{what} gives a total of {}, pfc computes {}", t, e.total),
            )
            .with_zh(format!(
                "{what_zh}总分为 {} 分，pfc 计算为 {} 分",
                t, e.total
            ));
            // Printed totals often leave out one part (the execution
            // rate's points): say so when that is the whole difference.
            let without = |p: &super::result::Part| {
                super::result::Points::new(&e.total.value - &p.score.value, e.total.places)
            };
            let left_out = e.parts.iter().find(|p| {
                !p.score.value.is_zero() && score_agrees(&t, &written, &without(p).value)
            });
            if let Some(p) = left_out {
                let (score, rest) = (&p.score, without(p));
                d = d
                    .with_note(format!(
                        "without {} ({score} points) pfc's total is {rest}: the total seems to leave that part out",
                        p.name
                    ))
                    .with_hint_zh(format!(
                        "总分似乎未计入{}（{score} 分）：其余各部分合计 {rest} 分",
                        p.name
                    ));
            }
            s.warn(
                d.with_hint(format!(
                    "correct the total in {fix}, or check the rows whose scores differ"
                ))
                .with_hint_zh(format!("更正{what_zh}中的总分，或核对得分不一致的各行")),
                "claimed.total",
                "as submitted",
            );
        }
    }
    if let (Some(g), Some(ours)) = (&claimed.grade, &e.grade)
        && g.trim() != *ours
    {
        let (what, _, what_zh) = claimant(data);
        s.warn(
            Diagnostic::warning(
                Code::ClaimDiffers,
                format!("{what} gives grade {g}, pfc computes {ours}"),
            )
            .with_zh(format!("{what_zh}评价等级为“{g}”，pfc 计算为“{ours}”")),
            "claimed.grade",
            "as submitted",
        );
    }
}
