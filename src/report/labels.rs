//! The words pfc's own report layouts use (the terminal table, the generic
//! Markdown and HTML templates, the chart), in the framework's language.
//!
//! A framework declares `language en` for an English report; the default is
//! Chinese. Templates see these as `labels.<key>`; the keys are listed in
//! docs/reports.md.

use crate::check::model::Language;
use std::collections::BTreeMap;

/// `(key, 中文, English)`.
const LABELS: &[(&str, &str, &str)] = &[
    ("actual", "实际完成值", "Actual"),
    ("basis", "依据", "Basis"),
    ("because", "依据条件", "because"),
    ("budget", "全年预算数", "Full-year budget"),
    ("budget_execution", "预算执行率", "Budget execution"),
    ("by_points", "仅按得分", "by the points alone"),
    ("chart", "得分与分值", "Score against weight"),
    (
        "chart_title",
        "各指标得分与分值",
        "Score and weight of every indicator",
    ),
    ("colon", "：", ": "),
    ("conclusion", "结论", "Conclusion"),
    ("department", "主管部门", "Department"),
    ("executed", "全年执行数", "Spent"),
    ("execution_rate", "执行率", "Execution rate"),
    ("explanations", "计分说明", "How each score was computed"),
    ("framework", "评价框架", "Framework"),
    ("funds", "项目资金（万元）", "Funds"),
    ("funds_row", "项目资金", "Funds"),
    ("goals_achieved", "实际完成情况", "Achieved"),
    (
        "goals_expected",
        "年度总体目标：预期目标",
        "Annual goal: expected",
    ),
    ("grade", "评价等级", "Rating"),
    ("indicator", "指标", "Indicator"),
    ("indicators", "指标得分", "Scores by indicator"),
    ("initial", "年初预算数", "Initial budget"),
    ("legend_few", "不足 60%", "under 60%"),
    ("legend_full", "满分", "full marks"),
    ("legend_most", "80% 以上", "80% or more"),
    ("legend_some", "60%–80%", "60%–80%"),
    ("level1", "一级指标", "Section"),
    ("lparen", "（", " ("),
    ("level2", "二级指标", "Group"),
    ("level3", "三级指标", "Indicator"),
    ("met", "指标达成", "Targets met"),
    ("of_which", "其中：", "of which: "),
    ("part", "部分", "Part"),
    ("parts", "各部分得分", "Scores by part"),
    ("progress", "完成率", "Completion"),
    ("project", "项目名称", "Program"),
    (
        "reason",
        "偏差原因分析及改进措施",
        "Reasons for deviation; improvements",
    ),
    ("report", "绩效评价报告", "Performance Evaluation"),
    ("result", "评价结果", "Result"),
    ("rparen", "）", ")"),
    ("score", "得分", "Score"),
    ("score_rate", "得分率", "Share"),
    ("target", "年度指标值", "Target"),
    ("total", "总分", "Total"),
    ("unit", "实施单位", "Implementing unit"),
    ("warnings", "复核提示", "Review notes"),
    ("weight", "分值", "Weight"),
    ("year", "年度", "Year"),
];

/// The labels in one language, plus the few that carry a number:
/// `year_title` (`（2019年度）`, ` (2019)`), `warnings_title`
/// (`复核提示（2 条）`, `Review notes (2)`), `met_of` (`/ 6 项`, `of 6`) and
/// `footer`.
pub(crate) fn labels(
    language: Language,
    year: &str,
    warnings: usize,
    leaves: usize,
    framework: &str,
    places: u32,
) -> BTreeMap<String, String> {
    let en = language == Language::En;
    let mut map: BTreeMap<String, String> = LABELS
        .iter()
        .map(|(k, zh, e)| ((*k).to_owned(), (if en { *e } else { *zh }).to_owned()))
        .collect();
    let computed = if en {
        [
            (
                "year_title",
                if year.is_empty() {
                    String::new()
                } else {
                    format!(" ({year})")
                },
            ),
            ("warnings_title", format!("Review notes ({warnings})")),
            ("met_of", format!("of {leaves}")),
            (
                "footer",
                format!(
                    "Computed by pfc with the framework {framework}; scores to {places} decimal places."
                ),
            ),
        ]
    } else {
        [
            (
                "year_title",
                if year.is_empty() {
                    String::new()
                } else {
                    format!("（{year}年度）")
                },
            ),
            ("warnings_title", format!("复核提示（{warnings} 条）")),
            ("met_of", format!("/ {leaves} 项")),
            (
                "footer",
                format!("由 pfc 按评价框架 {framework} 计算；得分保留 {places} 位小数。"),
            ),
        ]
    };
    for (k, v) in computed {
        map.insert(k.to_owned(), v);
    }
    map
}
