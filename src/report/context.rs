//! The one view every report template sees.
//!
//! Templates never reach into the model or the evaluation's internals: they
//! get this serialisable structure, documented field by field in
//! docs/reports.md. Numbers are pre-formatted strings (exact, trailing
//! zeros removed) so that templates need no number formatting.

use crate::data::{Goals, Narrative, ProjectData};
use crate::eval::result::{
    Evaluation, Finding, FrameworkInfo, FundRow, NodeKindView, ProjectInfo, ScoredNode,
};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The report context.
#[derive(Debug, Clone, Serialize)]
pub struct Context {
    /// Framework metadata.
    pub framework: FrameworkInfo,
    /// Project metadata.
    pub project: ProjectInfo,
    /// Fiscal year as text (`2019`), empty when unknown.
    pub year: String,
    /// Total score with the framework's decimal places, e.g. `99.87`, `80.00`.
    pub total: String,
    /// The framework's total points, e.g. `100`.
    pub max_total: String,
    /// Grade, empty when the framework has none.
    pub grade: String,
    /// Top-level parts with their scores.
    pub parts: Vec<PartView>,
    /// The funds block.
    pub funds: Vec<FundRow>,
    /// Inputs and derived values by name, formatted (`执行率` → `98.73%`).
    pub figures: BTreeMap<String, String>,
    /// 年度总体目标.
    pub goals: Goals,
    /// Free-text sections from the data.
    pub narrative: Narrative,
    /// Every scored leaf (framework indicators and data rows) in tree order.
    pub leaves: Vec<LeafView>,
    /// The tree as 一级 parts, each with its 二级 groups.
    pub tree: Vec<GroupView>,
    /// The conclusion sentence listing every part and the total.
    pub conclusion: String,
    /// Warnings found by pfc.
    pub warnings: Vec<Finding>,
}

/// A top-level part.
#[derive(Debug, Clone, Serialize)]
pub struct PartView {
    /// `产出指标`.
    pub name: String,
    /// `产出目标`: the name with 指标 replaced by 目标, as reports title goals.
    pub goal_name: String,
    /// Weight.
    pub weight: String,
    /// Score.
    pub score: String,
}

/// A 一级 part with its children grouped by 二级 name.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// The part's name.
    pub name: String,
    /// `产出目标`.
    pub goal_name: String,
    /// Weight.
    pub weight: String,
    /// Score.
    pub score: String,
    /// Second-level groups that have leaves.
    pub groups: Vec<SubGroupView>,
}

/// A second-level group and its leaves.
#[derive(Debug, Clone, Serialize)]
pub struct SubGroupView {
    /// `时效指标`.
    pub name: String,
    /// Its leaves.
    pub leaves: Vec<LeafView>,
}

/// One scored leaf.
#[derive(Debug, Clone, Serialize)]
pub struct LeafView {
    /// 一级指标.
    pub level1: String,
    /// 二级指标 (empty for a framework indicator at the top).
    pub level2: String,
    /// 三级指标 (or the indicator's name).
    pub name: String,
    /// 年度指标值.
    pub target: String,
    /// 实际完成值.
    pub actual: String,
    /// 分值.
    pub weight: String,
    /// 得分.
    pub score: String,
    /// 完成率, e.g. `106.25%`, empty when not a ratio.
    pub completion: String,
    /// 节约率 for at-most targets, empty otherwise.
    pub saving: String,
    /// The rule used.
    pub rule: String,
    /// The formula with values and rounding.
    pub explanation: String,
    /// Qualitative band, if any.
    pub band: String,
    /// 偏差原因分析及改进措施.
    pub reason: String,
    /// 得分 as submitted, empty when not given.
    pub claimed_score: String,
    /// Whether the target was met.
    pub met: bool,
    /// Whether it is a framework indicator (e.g. 预算执行率) rather than a data row.
    pub framework_indicator: bool,
    /// One generated sentence: target, actual, completion (or saving).
    pub sentence: String,
}

fn num(d: Decimal) -> String {
    d.normalize().to_string()
}

fn goal_name(name: &str) -> String {
    name.replace("指标", "目标")
}

/// Build the context for one evaluation.
pub fn build(ev: &Evaluation, data: &ProjectData) -> Context {
    let mut leaves = Vec::new();
    let mut tree = Vec::new();
    for top in &ev.tree {
        let mut groups: Vec<SubGroupView> = Vec::new();
        for n in top.walk() {
            if n.leaf.is_none() {
                continue;
            }
            let view = leaf_view(n);
            let key = view.level2.clone();
            match groups.iter_mut().find(|g| g.name == key) {
                Some(g) => g.leaves.push(view.clone()),
                None => groups.push(SubGroupView {
                    name: key,
                    leaves: vec![view.clone()],
                }),
            }
            leaves.push(view);
        }
        tree.push(GroupView {
            name: top.name.clone(),
            goal_name: goal_name(&top.name),
            weight: num(top.weight),
            score: num(top.score),
            groups,
        });
    }
    let parts: Vec<PartView> = ev
        .parts
        .iter()
        .map(|p| PartView {
            name: p.name.clone(),
            goal_name: goal_name(&p.name),
            weight: num(p.weight),
            score: num(p.score),
        })
        .collect();
    let conclusion = conclusion(ev, &parts);
    Context {
        framework: ev.framework.clone(),
        project: ev.project.clone(),
        year: ev.project.year.map(|y| y.to_string()).unwrap_or_default(),
        total: ev.total.to_string(),
        max_total: num(ev.framework.total),
        grade: ev.grade.clone().unwrap_or_default(),
        parts,
        funds: ev.funds.clone(),
        figures: ev
            .figures
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect(),
        goals: data.raw.goals.clone(),
        narrative: data.raw.narrative.clone(),
        leaves,
        tree,
        conclusion,
        warnings: ev.warnings.clone(),
    }
}

fn conclusion(ev: &Evaluation, parts: &[PartView]) -> String {
    let listed: Vec<String> = parts
        .iter()
        .map(|p| format!("{}得分为{}分", p.name, p.score))
        .collect();
    let basis = ev
        .framework
        .basis
        .as_deref()
        .map(|b| format!("依据{b}进行自评打分，"))
        .unwrap_or_default();
    let grade = ev
        .grade
        .as_deref()
        .map(|g| format!("，评价等级为“{g}”"))
        .unwrap_or_default();
    format!(
        "根据上述分析，{basis}{}，总计评分为{}分{grade}。",
        listed.join("，"),
        ev.total
    )
}

fn leaf_view(n: &ScoredNode) -> LeafView {
    let leaf = n.leaf.as_ref();
    let get =
        |f: fn(&crate::eval::result::Leaf) -> Option<String>| leaf.and_then(f).unwrap_or_default();
    let target = get(|l| Some(l.target.clone()));
    let actual = get(|l| Some(l.actual.clone()));
    let completion = get(|l| l.completion.clone());
    let saving = get(|l| l.saving.clone());
    let rule = get(|l| Some(l.rule.to_owned()));
    let band = get(|l| l.band.clone());
    let sentence = match rule.as_str() {
        "qualitative" => format!(
            "{}目标为“{target}”，实际完成情况为“{actual}”，评定为“{band}”。",
            n.name
        ),
        "at-most" => {
            let tail = if saving.starts_with('-') {
                format!("超支{}", saving.trim_start_matches('-'))
            } else {
                format!("节约{saving}")
            };
            format!("{}目标{target}，完成{actual}，{tail}。", n.name)
        }
        "formula" => format!("{}：年度指标值{target}，实际完成{actual}。", n.name),
        _ if completion.is_empty() => format!("{}目标{target}，完成{actual}。", n.name),
        _ => format!("{}目标{target}，完成{actual}，完成率{completion}。", n.name),
    };
    LeafView {
        level1: n.path.first().cloned().unwrap_or_default(),
        level2: if n.path.len() > 2 {
            n.path[1].clone()
        } else {
            String::new()
        },
        name: n.name.clone(),
        target,
        actual,
        weight: num(n.weight),
        score: num(n.score),
        completion,
        saving,
        rule,
        explanation: get(|l| Some(l.explanation.clone())),
        band,
        reason: get(|l| l.reason.clone()),
        claimed_score: get(|l| l.claimed_score.map(num)),
        met: leaf.is_some_and(|l| l.met),
        framework_indicator: n.kind == NodeKindView::Indicator,
        sentence,
    }
}
