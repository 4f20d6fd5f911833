//! The one view every report template sees.
//!
//! Templates never reach into the model or the evaluation's internals: they
//! get this serialisable structure, documented field by field in
//! docs/reports.md. Numbers are pre-formatted strings (exact, trailing
//! zeros removed) so that templates need no number formatting.

use crate::catalogue::report::Report;
use crate::check::model::Language;
use crate::data::{Goals, Narrative};
use crate::eval::result::{
    Evaluation, Finding, FrameworkInfo, FundRow, NodeKindView, Points, ProjectInfo, ScoredNode,
    percent_text,
};
use crate::exact::Exact;
use crate::quantity::Quantity;
use serde::Serialize;
use std::collections::BTreeMap;

/// The report context.
#[derive(Debug, Clone, Serialize)]
pub struct Context<'a> {
    /// Framework metadata.
    pub framework: FrameworkInfo<'a>,
    /// Project metadata.
    pub project: ProjectInfo<'a>,
    /// Fiscal year as text (`2019`), empty when unknown.
    pub year: String,
    /// The report's title: the project's name followed by `项目绩效自评报告`
    /// (or `绩效自评报告` when the name already ends in 项目).
    pub report_title: String,
    /// Total score with the framework's decimal places, e.g. `99.87`, `80.00`.
    pub total: String,
    /// The framework's total points, e.g. `100`.
    pub max_total: String,
    /// Grade, empty when the framework has none.
    pub grade: String,
    /// When an override (`name when condition`) gave the grade: the
    /// condition with its values, e.g. `baselines (“No”) = “No”`; empty when
    /// the points gave it.
    pub grade_condition: String,
    /// When an override gave the grade: the grade the points alone give
    /// (empty otherwise, or when no band takes the total).
    pub grade_by_points: String,
    /// Total as a share of the maximum (得分率), e.g. `99.87%`.
    pub score_rate: String,
    /// Points lost: maximum minus total, e.g. `0.13`.
    pub lost: String,
    /// Top-level parts with their scores.
    pub parts: Vec<PartView>,
    /// The funds block: the 年度资金总额 row, then one row per source.
    pub funds: Vec<FundView>,
    /// 执行率 of the 年度资金总额 row, e.g. `98.73%`; empty without funds.
    pub execution_rate: String,
    /// 结余 = 全年预算数 − 全年执行数 of the total row, e.g. `1.11万元`.
    pub unspent: String,
    /// 节约率 (结余率) = 结余 ÷ 全年预算数, e.g. `1.27%`; negative when overspent.
    pub saving_rate: String,
    /// 分值 of the framework's execution-rate indicator (the funds block's
    /// 分值 column), e.g. `10`; empty when the framework has none.
    pub execution_weight: String,
    /// 得分 of that indicator, e.g. `9.87`.
    pub execution_score: String,
    /// How many leaves there are, how many met their target, and how many
    /// warnings pfc found.
    pub counts: Counts,
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
    /// When not every part of the table could be judged: what was and was
    /// not, e.g. `部分评分：已评 59 分（共 99 分）；未能评分：效益指标（30 分）`;
    /// empty when the whole table was judged (there is then a grade).
    pub partial: String,
    /// Warnings found by pfc.
    pub warnings: Vec<WarningView>,
    /// Whether this is the reviewer's report (`pfc eval --review`): pfc's
    /// findings and the scoring formulas go into its body. The unit's
    /// report, for submission, leaves them out.
    pub review: bool,
    /// The words of pfc's own layouts in the framework's language
    /// (`labels.total` is `总分` or `Total`); see `labels.rs`.
    pub labels: BTreeMap<String, String>,
    /// The figures above as values, for layouts that write numbers (the
    /// workbook); templates see the text.
    #[serde(skip)]
    pub values: ContextValues,
}

/// The numbers of a [`Context`] as values.
#[derive(Debug, Clone, Default)]
pub struct ContextValues {
    /// The total score.
    pub total: Exact,
    /// The framework's total points.
    pub max_total: Exact,
    /// 分值 and 得分 of the framework's execution-rate indicator.
    pub execution: Option<(Exact, Exact)>,
}

/// A row of the funds block. Amounts as written in the data (`87.65万元`),
/// absent when the table leaves the cell blank.
#[derive(Debug, Clone, Serialize)]
pub struct FundView {
    /// `年度资金总额` or the source (`当年财政拨款`).
    pub name: String,
    /// 年初预算数.
    pub initial: Option<String>,
    /// 全年预算数.
    pub budget: Option<String>,
    /// 全年执行数.
    pub executed: Option<String>,
    /// 执行率 with two decimals, `98.73%`.
    pub rate: Option<String>,
    /// 年初预算数 as a number of 万元 with 2 to 4 decimals, `186.80`, as
    /// the 自评表 shows it (absent when blank or not an amount).
    pub initial_wan: Option<String>,
    /// 全年预算数 in 万元, `87.65`.
    pub budget_wan: Option<String>,
    /// 全年执行数 in 万元, `86.54`.
    pub executed_wan: Option<String>,
    /// The amounts (年初预算数, 全年预算数, 全年执行数) and the rate as
    /// values, for layouts that write numbers.
    #[serde(skip)]
    pub values: FundValues,
}

/// The figures of a [`FundView`] as values.
#[derive(Debug, Clone, Default)]
pub struct FundValues {
    /// 年初预算数, 全年预算数, 全年执行数, where they can be read.
    pub amounts: [Option<Quantity>; 3],
    /// 执行率, exact.
    pub rate: Option<Exact>,
}

impl From<&FundRow<'_>> for FundView {
    fn from(f: &FundRow) -> Self {
        let amounts =
            [&f.initial, &f.budget, &f.executed].map(|a| a.as_ref().and_then(|a| a.value.clone()));
        let [initial_wan, budget_wan, executed_wan] = amounts
            .clone()
            .map(|q| q.map(|q| super::table::wan_text(&q.value)));
        FundView {
            name: f.name.to_owned(),
            initial: f.initial.as_ref().map(|a| a.text.clone()),
            budget: f.budget.as_ref().map(|a| a.text.clone()),
            executed: f.executed.as_ref().map(|a| a.text.clone()),
            rate: f.rate.as_ref().map(percent_text),
            initial_wan,
            budget_wan,
            executed_wan,
            values: FundValues {
                amounts,
                rate: f.rate.clone(),
            },
        }
    }
}

/// One of pfc's findings about the project or the submitted report.
#[derive(Debug, Clone, Serialize)]
pub struct WarningView {
    /// `warning` (errors stop the evaluation, so reports only see warnings).
    pub severity: String,
    /// Stable code, `PF3009`.
    pub code: String,
    /// What pfc found, in the framework's language where pfc has the
    /// words (in Chinese for the common findings), in English otherwise.
    pub message: String,
    /// Where in the data, `caidian-2019.toml: indicators[4].claimed_completion`.
    pub location: Option<String>,
    /// How to fix it, in the same language as `message`.
    pub hints: Vec<String>,
}

impl WarningView {
    fn of(f: &Finding, language: Language) -> Self {
        WarningView {
            message: f.diagnostic.headline(language),
            hints: f.diagnostic.hint_texts(language),
            location: f.diagnostic.place_text(language),
            ..WarningView::from(f)
        }
    }
}

impl From<&Finding> for WarningView {
    fn from(f: &Finding) -> Self {
        WarningView {
            severity: serde_json::to_value(f.severity)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
            code: f.code.to_owned(),
            message: f.message(),
            location: f.location.clone(),
            hints: f.hints(),
        }
    }
}

/// Counts for summaries (`8 项指标中 5 项达成`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    /// Scored leaves.
    pub leaves: usize,
    /// Leaves that met their target.
    pub met: usize,
    /// Leaves that did not.
    pub unmet: usize,
    /// pfc's warnings.
    pub warnings: usize,
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
    /// Score as a share of the weight (得分率), e.g. `98.70%`.
    pub score_rate: String,
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
    /// Score as a share of the weight, e.g. `86.34%`.
    pub score_rate: String,
    /// Number of leaves in the part (the rows its 一级 cell spans).
    pub rows: usize,
    /// Second-level groups that have leaves.
    pub groups: Vec<SubGroupView>,
}

/// A second-level group and its leaves.
#[derive(Debug, Clone, Serialize)]
pub struct SubGroupView {
    /// `时效指标`.
    pub name: String,
    /// Number of leaves (the rows its 二级 cell spans).
    pub rows: usize,
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
    /// 得分率 = 得分 ÷ 分值, e.g. `94.47%`.
    pub score_rate: String,
    /// Points lost: 分值 − 得分, e.g. `0.83`.
    pub lost: String,
    /// 完成率, e.g. `106.25%`, empty when not a ratio.
    pub completion: String,
    /// 节约率 for at-most targets, empty otherwise.
    pub saving: String,
    /// What the table's 完成率 column shows: `106.25%`, `节约1.27%`,
    /// `超支5.56%`, or empty.
    pub progress: String,
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
    /// 分值 and 得分 as values, for layouts that write numbers.
    #[serde(skip)]
    pub values: (Exact, Exact),
}

/// A weight or other exact figure as people write it (`10`, `22.5`);
/// one with no finite decimal form to four places, marked `≈`.
pub(crate) fn num(d: &Exact) -> String {
    match d.approx(4) {
        (shown, true) => shown,
        (shown, false) => format!("≈{shown}"),
    }
}

/// `part ÷ whole` as a percentage with 2 decimals; empty when `whole` is 0.
fn rate(part: &Exact, whole: &Exact) -> String {
    part.div(whole)
        .map(|r| percent_text(&r))
        .unwrap_or_default()
}

/// `whole − part` as a score, with the framework's places.
fn lost(whole: &Exact, part: &Points) -> String {
    Points::new(whole - &part.value, part.places).to_string()
}

fn goal_name(name: &str) -> String {
    name.replace("指标", "目标")
}

/// Build the context for one evaluation.
pub fn build<'a>(ev: &Evaluation<'a>) -> Context<'a> {
    let lang = ev.framework.language;
    let mut leaves = Vec::new();
    let mut tree = Vec::new();
    for top in &ev.tree {
        let mut groups: Vec<SubGroupView> = Vec::new();
        for n in top.walk() {
            if n.leaf.is_none() {
                continue;
            }
            let view = leaf_view(n, lang);
            let key = view.level2.clone();
            match groups.iter_mut().find(|g| g.name == key) {
                Some(g) => {
                    g.leaves.push(view.clone());
                    g.rows += 1;
                }
                None => groups.push(SubGroupView {
                    name: key,
                    rows: 1,
                    leaves: vec![view.clone()],
                }),
            }
            leaves.push(view);
        }
        tree.push(GroupView {
            name: top.name.to_owned(),
            goal_name: goal_name(top.name),
            weight: num(&top.weight),
            score: top.score.to_string(),
            score_rate: rate(&top.score.value, &top.weight),
            rows: groups.iter().map(|g| g.rows).sum(),
            groups,
        });
    }
    let parts: Vec<PartView> = ev
        .parts
        .iter()
        .map(|p| PartView {
            name: p.name.to_owned(),
            goal_name: goal_name(p.name),
            weight: num(&p.weight),
            score: if p.judged {
                p.score.to_string()
            } else {
                Report::NotJudged.render(lang)
            },
            score_rate: rate(&p.score.value, &p.weight),
        })
        .collect();
    let partial = ev.partial.as_ref().map_or_else(String::new, |p| {
        let unjudged: Vec<String> = p
            .unjudged
            .iter()
            .map(|u| match &u.weight {
                Some(weight) => Report::UnjudgedPart {
                    name: u.name.clone(),
                    weight: weight.clone(),
                }
                .render(lang),
                None => u.name.clone(),
            })
            .collect();
        Report::PartlyJudged {
            judged: p.judged.clone(),
            of: p.of.clone(),
            unjudged: unjudged.join(lang.pick("、", ", ")),
        }
        .render(lang)
    });
    let conclusion = conclusion(ev, &parts, lang);
    let total_row = ev.funds.first();
    let value = |a: &Option<crate::eval::result::Amount>| a.as_ref().and_then(|a| a.value.clone());
    let budget = total_row.and_then(|f| value(&f.budget));
    let executed = total_row.and_then(|f| value(&f.executed));
    let (unspent, saving_rate) = match (&budget, &executed) {
        (Some(b), Some(e)) => {
            let left = Quantity {
                value: &b.value - &e.value,
                unit: b.unit.clone(),
            };
            (left.to_string(), rate(&left.value, &b.value))
        }
        _ => (String::new(), String::new()),
    };
    let met = leaves.iter().filter(|l| l.met).count();
    let leaves_count = leaves.len();
    // The funds block's 分值 and 得分 belong to the framework's own
    // execution-rate indicator (预算执行率 in 附件1).
    let execution = leaves
        .iter()
        .find(|l| l.framework_indicator && l.name.contains("执行率"));
    let values = ContextValues {
        total: ev.total.value.clone(),
        max_total: ev.out_of.clone(),
        execution: execution.map(|l| l.values.clone()),
    };
    let counts = Counts {
        leaves: leaves.len(),
        met,
        unmet: leaves.len() - met,
        warnings: ev.warnings.len(),
    };
    Context {
        framework: ev.framework.clone(),
        project: ev.project.clone(),
        year: ev.project.year.map(|y| y.to_string()).unwrap_or_default(),
        report_title: report_title(ev.project.name, lang),
        total: ev.total.to_string(),
        max_total: num(&ev.out_of),
        grade: ev.grade.unwrap_or_default().to_owned(),
        grade_condition: ev
            .grade_override
            .as_ref()
            .map(|o| o.condition.clone())
            .unwrap_or_default(),
        grade_by_points: ev
            .grade_override
            .as_ref()
            .and_then(|o| o.by_points.clone())
            .unwrap_or_default(),
        score_rate: rate(&ev.total.value, &ev.out_of),
        lost: lost(&ev.out_of, &ev.total),
        parts,
        funds: ev.funds.iter().map(FundView::from).collect(),
        execution_rate: total_row
            .and_then(|f| f.rate.as_ref())
            .map(percent_text)
            .unwrap_or_default(),
        unspent,
        saving_rate,
        execution_weight: execution.map(|l| l.weight.clone()).unwrap_or_default(),
        execution_score: execution.map(|l| l.score.clone()).unwrap_or_default(),
        counts,
        figures: ev
            .figures
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect(),
        goals: ev.goals.clone(),
        narrative: ev.narrative.clone(),
        leaves,
        tree,
        conclusion,
        partial,
        warnings: ev
            .warnings
            .iter()
            .map(|f| WarningView::of(f, ev.framework.language))
            .collect(),
        review: false,
        labels: super::labels::labels(
            ev.framework.language,
            &ev.project.year.map(|y| y.to_string()).unwrap_or_default(),
            ev.warnings.len(),
            leaves_count,
            ev.framework.id,
            ev.framework.places,
        ),
        values,
    }
}

fn report_title(name: &str, lang: Language) -> String {
    let name = name.to_owned();
    if name.ends_with("项目") {
        Report::ReportTitleOfProject { name }.render(lang)
    } else {
        Report::ReportTitle { name }.render(lang)
    }
}

/// The conclusion sentence: every part's score, the total and the grade.
fn conclusion(ev: &Evaluation, parts: &[PartView], lang: Language) -> String {
    let listed: Vec<String> = parts
        .iter()
        .map(|p| {
            Report::ConclusionPart {
                name: p.name.clone(),
                score: p.score.clone(),
            }
            .render(lang)
        })
        .collect();
    let parts = listed.join(&Report::ConclusionSeparator.render(lang));
    let grade = ev
        .grade
        .map(|g| {
            let grade = g.to_owned();
            match &ev.grade_override {
                Some(o) => match &o.by_points {
                    Some(by_points) => Report::ConclusionGradeBecauseByPoints {
                        grade,
                        condition: o.condition.clone(),
                        by_points: by_points.clone(),
                    },
                    None => Report::ConclusionGradeBecause {
                        grade,
                        condition: o.condition.clone(),
                    },
                },
                None => Report::ConclusionGrade { grade },
            }
            .render(lang)
        })
        .unwrap_or_default();
    let total = ev.total.to_string();
    match ev.framework.basis {
        Some(basis) => Report::ConclusionUnder {
            basis: basis.to_owned(),
            parts,
            total,
            grade,
        },
        None => Report::Conclusion {
            parts,
            total,
            grade,
        },
    }
    .render(lang)
}

fn leaf_view(n: &ScoredNode, lang: Language) -> LeafView {
    let leaf = n.leaf.as_ref();
    let get =
        |f: fn(&crate::eval::result::Leaf) -> Option<String>| leaf.and_then(f).unwrap_or_default();
    let target = get(|l| Some(l.target.clone()));
    let actual = get(|l| Some(l.actual.clone()));
    let completion = get(|l| l.completion.as_ref().map(percent_text));
    let saving_value = leaf.and_then(|l| l.saving.as_ref());
    let saving = saving_value.map(percent_text).unwrap_or_default();
    let rule = get(|l| Some(l.rule.to_owned()));
    let band = get(|l| l.band.clone());
    let progress = match saving_value {
        Some(s) if s.is_negative() => Report::ProgressOver {
            rate: percent_text(&s.abs()),
        }
        .render(lang),
        Some(_) => Report::ProgressSaved {
            rate: saving.clone(),
        }
        .render(lang),
        None => completion.clone(),
    };
    let sentence = sentence(
        n.name,
        &rule,
        (&target, &actual),
        &band,
        saving_value.is_some().then_some(progress.as_str()),
        &completion,
    )
    .render(lang);
    LeafView {
        level1: n.path.first().copied().unwrap_or_default().to_owned(),
        level2: if n.path.len() > 2 {
            n.path[1].to_owned()
        } else {
            String::new()
        },
        name: n.name.to_owned(),
        target,
        actual,
        weight: num(&n.weight),
        score: n.score.to_string(),
        score_rate: rate(&n.score.value, &n.weight),
        lost: lost(&n.weight, &n.score),
        completion,
        saving,
        progress,
        rule,
        explanation: leaf.map_or_else(String::new, |l| l.explanation.render(lang)),
        band,
        reason: get(|l| l.reason.clone()),
        claimed_score: get(|l| l.claimed_score.as_ref().map(num)),
        met: leaf.is_some_and(|l| l.met),
        framework_indicator: n.kind == NodeKindView::Indicator,
        sentence,
        values: (n.weight.clone(), n.score.value.clone()),
    }
}

impl<'a> Context<'a> {
    /// This context with one made-up item in every empty list, so that the
    /// shape of list items is known even when this project has no warnings
    /// or no funds block. Used to check templates, never rendered.
    pub(crate) fn with_sample_items(&self) -> Context<'a> {
        let mut ctx = self.clone();
        let leaf = LeafView {
            level1: "产出指标".into(),
            level2: "数量指标".into(),
            name: "x".into(),
            target: "≥1个".into(),
            actual: "1个".into(),
            weight: "1".into(),
            score: "1".into(),
            score_rate: "100.00%".into(),
            lost: "0".into(),
            completion: "100.00%".into(),
            saving: String::new(),
            progress: "100.00%".into(),
            rule: "at-least".into(),
            explanation: String::new(),
            band: String::new(),
            reason: String::new(),
            claimed_score: String::new(),
            met: true,
            framework_indicator: false,
            sentence: String::new(),
            values: (Exact::ONE, Exact::ONE),
        };
        if ctx.parts.is_empty() {
            ctx.parts.push(PartView {
                name: "产出指标".into(),
                goal_name: "产出目标".into(),
                weight: "1".into(),
                score: "1".into(),
                score_rate: "100.00%".into(),
            });
        }
        if ctx.funds.is_empty() {
            ctx.funds.push(FundView {
                name: "年度资金总额".into(),
                initial: Some("1万元".into()),
                budget: Some("1万元".into()),
                executed: Some("1万元".into()),
                rate: Some("100.00%".into()),
                initial_wan: Some("1.00".into()),
                budget_wan: Some("1.00".into()),
                executed_wan: Some("1.00".into()),
                values: FundValues::default(),
            });
        }
        if ctx.leaves.is_empty() {
            ctx.leaves.push(leaf.clone());
        }
        let sub = SubGroupView {
            name: "数量指标".into(),
            rows: 1,
            leaves: vec![leaf],
        };
        if ctx.tree.is_empty() {
            ctx.tree.push(GroupView {
                name: "产出指标".into(),
                goal_name: "产出目标".into(),
                weight: "1".into(),
                score: "1".into(),
                score_rate: "100.00%".into(),
                rows: 1,
                groups: Vec::new(),
            });
        }
        for part in &mut ctx.tree {
            if part.groups.is_empty() {
                part.groups.push(sub.clone());
            }
        }
        if ctx.warnings.is_empty() {
            ctx.warnings.push(WarningView {
                severity: "warning".into(),
                code: "PF0000".into(),
                message: "x".into(),
                location: Some("x".into()),
                hints: vec!["x".into()],
            });
        }
        ctx
    }
}

/// The sentence about one leaf: target, actual, and its completion,
/// saving or band.
fn sentence(
    name: &str,
    rule: &str,
    (target, actual): (&str, &str),
    band: &str,
    saving: Option<&str>,
    completion: &str,
) -> Report {
    let (name, target, actual) = (name.to_owned(), target.to_owned(), actual.to_owned());
    match (rule, saving) {
        ("qualitative", _) => Report::SentenceQualitative {
            name,
            target,
            actual,
            band: band.to_owned(),
        },
        ("at-most", Some(progress)) => Report::SentenceAtMost {
            name,
            target,
            actual,
            progress: progress.to_owned(),
        },
        ("formula", _) => Report::SentenceFormula {
            name,
            target,
            actual,
        },
        _ if completion.is_empty() => Report::SentencePlain {
            name,
            target,
            actual,
        },
        _ => Report::SentenceCompletion {
            name,
            target,
            actual,
            completion: completion.to_owned(),
        },
    }
}
