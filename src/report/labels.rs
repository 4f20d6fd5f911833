//! The words pfc's own report layouts use (the terminal table, the generic
//! Markdown and HTML templates, the chart), in the framework's language.
//!
//! A framework declares `language en` for an English report; the default is
//! Chinese. Templates see these as `labels.<key>`; the keys are listed in
//! docs/reports.md, the words are the catalogue's (`catalogue/report.rs`).

use crate::catalogue::Lang;
use crate::catalogue::report::Report;
use std::collections::BTreeMap;

/// Each label's key and its entry of the catalogue.
const LABELS: &[(&str, Report)] = &[
    ("actual", Report::LabelActual),
    ("basis", Report::LabelBasis),
    ("because", Report::LabelBecause),
    ("budget", Report::LabelBudget),
    ("budget_execution", Report::LabelBudgetExecution),
    ("by_points", Report::LabelByPoints),
    ("chart", Report::LabelChart),
    ("chart_title", Report::LabelChartTitle),
    ("colon", Report::LabelColon),
    ("conclusion", Report::LabelConclusion),
    ("department", Report::LabelDepartment),
    ("executed", Report::LabelExecuted),
    ("execution_rate", Report::LabelExecutionRate),
    ("explanations", Report::LabelExplanations),
    ("framework", Report::LabelFramework),
    ("funds", Report::LabelFunds),
    ("funds_row", Report::LabelFundsRow),
    ("goals_achieved", Report::LabelGoalsAchieved),
    ("goals_expected", Report::LabelGoalsExpected),
    ("grade", Report::LabelGrade),
    ("indicator", Report::LabelIndicator),
    ("indicators", Report::LabelIndicators),
    ("initial", Report::LabelInitial),
    ("judged_total", Report::LabelJudgedTotal),
    ("legend_few", Report::LabelLegendFew),
    ("legend_full", Report::LabelLegendFull),
    ("legend_most", Report::LabelLegendMost),
    ("legend_some", Report::LabelLegendSome),
    ("level1", Report::LabelLevel1),
    ("lparen", Report::LabelLparen),
    ("level2", Report::LabelLevel2),
    ("level3", Report::LabelLevel3),
    ("met", Report::LabelMet),
    ("of_which", Report::LabelOfWhich),
    ("part", Report::LabelPart),
    ("parts", Report::LabelParts),
    ("progress", Report::LabelProgress),
    ("project", Report::LabelProject),
    ("reason", Report::LabelReason),
    ("report", Report::LabelReport),
    ("result", Report::LabelResult),
    ("rparen", Report::LabelRparen),
    ("score", Report::LabelScore),
    ("score_rate", Report::LabelScoreRate),
    ("target", Report::LabelTarget),
    ("total", Report::LayoutTotal),
    ("unit", Report::LabelUnit),
    ("warnings", Report::LabelWarnings),
    ("weight", Report::LabelWeight),
    ("year", Report::LayoutYear),
];

/// The labels in one language, plus the few that carry a number:
/// `year_title` (`（2019年度）`, ` (2019)`), `warnings_title`
/// (`复核提示（2 条）`, `Review notes (2)`), `met_of` (`/ 6 项`, `of 6`) and
/// `footer`.
pub(crate) fn labels(
    lang: Lang,
    year: &str,
    warnings: usize,
    leaves: usize,
    framework: &str,
    places: u32,
) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = LABELS
        .iter()
        .map(|(k, r)| ((*k).to_owned(), r.render(lang)))
        .collect();
    let year_title = if year.is_empty() {
        String::new()
    } else {
        Report::LabelYearTitle {
            year: year.to_owned(),
        }
        .render(lang)
    };
    let computed = [
        ("year_title", year_title),
        (
            "warnings_title",
            Report::LabelWarningsTitle { count: warnings }.render(lang),
        ),
        ("met_of", Report::LabelMetOf { count: leaves }.render(lang)),
        (
            "footer",
            Report::LabelFooter {
                framework: framework.to_owned(),
                places,
            }
            .render(lang),
        ),
    ];
    for (k, v) in computed {
        map.insert(k.to_owned(), v);
    }
    map
}
