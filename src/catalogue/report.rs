//! The report phase's messages: the words of pfc's own report layouts (the
//! terminal table, the generic templates, the chart, the workbook), the
//! sentences the report context writes, and the errors of templates and
//! of writing a report.

use super::{Name, Names, Quote, Text, catalogue};
use crate::exact::Exact;

catalogue! {
    /// Messages of the report phase.
    Report {
        /// A project whose table was judged in part.
        PartlyJudged { judged: Exact, of: Exact, unjudged: String } =>
            en: "partly judged: {judged} of {of} points; not judged: {unjudged}",
            zh: "部分评分：已评 {judged} 分（共 {of} 分）；未能评分：{unjudged}";
        /// One part not judged, with its points.
        UnjudgedPart { name: String, weight: Exact } =>
            en: "{name} ({weight} points)",
            zh: "{name}（{weight} 分）";
        /// The score of a part not judged.
        NotJudged =>
            en: "not judged",
            zh: "未评分";
        // The words templates see as `labels.<key>` (`report/labels.rs`,
        // listed in docs/reports.md).
        /// `labels.actual`.
        LabelActual =>
            en: "Actual",
            zh: "实际完成值";
        /// `labels.basis`.
        LabelBasis =>
            en: "Basis",
            zh: "依据";
        /// `labels.because`.
        LabelBecause =>
            en: "because",
            zh: "依据条件";
        /// `labels.budget`.
        LabelBudget =>
            en: "Full-year budget",
            zh: "全年预算数";
        /// `labels.budget_execution`.
        LabelBudgetExecution =>
            en: "Budget execution",
            zh: "预算执行率";
        /// `labels.by_points`.
        LabelByPoints =>
            en: "by the points alone",
            zh: "仅按得分";
        /// `labels.chart`.
        LabelChart =>
            en: "Score against weight",
            zh: "得分与分值";
        /// `labels.chart_title`.
        LabelChartTitle =>
            en: "Score and weight of every indicator",
            zh: "各指标得分与分值";
        /// `labels.colon`.
        LabelColon =>
            en: ": ",
            zh: "：";
        /// `labels.conclusion`.
        LabelConclusion =>
            en: "Conclusion",
            zh: "结论";
        /// `labels.department`.
        LabelDepartment =>
            en: "Department",
            zh: "主管部门";
        /// `labels.executed`.
        LabelExecuted =>
            en: "Spent",
            zh: "全年执行数";
        /// `labels.execution_rate`.
        LabelExecutionRate =>
            en: "Execution rate",
            zh: "执行率";
        /// `labels.explanations`.
        LabelExplanations =>
            en: "How each score was computed",
            zh: "计分说明";
        /// `labels.framework`.
        LabelFramework =>
            en: "Framework",
            zh: "评价框架";
        /// `labels.funds`.
        LabelFunds =>
            en: "Funds",
            zh: "项目资金（万元）";
        /// `labels.funds_row`.
        LabelFundsRow =>
            en: "Funds",
            zh: "项目资金";
        /// `labels.goals_achieved`.
        LabelGoalsAchieved =>
            en: "Achieved",
            zh: "实际完成情况";
        /// `labels.goals_expected`.
        LabelGoalsExpected =>
            en: "Annual goal: expected",
            zh: "年度总体目标：预期目标";
        /// `labels.grade`.
        LabelGrade =>
            en: "Rating",
            zh: "评价等级";
        /// `labels.indicator`.
        LabelIndicator =>
            en: "Indicator",
            zh: "指标";
        /// `labels.indicators`.
        LabelIndicators =>
            en: "Scores by indicator",
            zh: "指标得分";
        /// `labels.initial`.
        LabelInitial =>
            en: "Initial budget",
            zh: "年初预算数";
        /// `labels.legend_few`.
        LabelLegendFew =>
            en: "under 60%",
            zh: "不足 60%";
        /// `labels.legend_full`.
        LabelLegendFull =>
            en: "full marks",
            zh: "满分";
        /// `labels.legend_most`.
        LabelLegendMost =>
            en: "80% or more",
            zh: "80% 以上";
        /// `labels.legend_some`.
        LabelLegendSome =>
            en: "60%–80%",
            zh: "60%～80%";
        /// `labels.level1`.
        LabelLevel1 =>
            en: "Section",
            zh: "一级指标";
        /// `labels.lparen`.
        LabelLparen =>
            en: " (",
            zh: "（";
        /// `labels.level2`.
        LabelLevel2 =>
            en: "Group",
            zh: "二级指标";
        /// `labels.level3`.
        LabelLevel3 =>
            en: "Indicator",
            zh: "三级指标";
        /// `labels.met`.
        LabelMet =>
            en: "Targets met",
            zh: "指标达成";
        /// `labels.of_which`.
        LabelOfWhich =>
            en: "of which: ",
            zh: "其中：";
        /// `labels.part`.
        LabelPart =>
            en: "Part",
            zh: "部分";
        /// `labels.parts`.
        LabelParts =>
            en: "Scores by part",
            zh: "各部分得分";
        /// `labels.progress`.
        LabelProgress =>
            en: "Completion",
            zh: "完成率";
        /// `labels.project`.
        LabelProject =>
            en: "Program",
            zh: "项目名称";
        /// `labels.reason`.
        LabelReason =>
            en: "Reasons for deviation; improvements",
            zh: "偏差原因分析及改进措施";
        /// `labels.report`.
        LabelReport =>
            en: "Performance Evaluation",
            zh: "绩效评价报告";
        /// `labels.result`.
        LabelResult =>
            en: "Result",
            zh: "评价结果";
        /// `labels.rparen`.
        LabelRparen =>
            en: ")",
            zh: "）";
        /// `labels.score`.
        LabelScore =>
            en: "Score",
            zh: "得分";
        /// `labels.score_rate`.
        LabelScoreRate =>
            en: "Share",
            zh: "得分率";
        /// `labels.target`.
        LabelTarget =>
            en: "Target",
            zh: "年度指标值";
        /// `labels.total`.
        LayoutTotal =>
            en: "Total",
            zh: "总分";
        /// `labels.judged_total`: the sum of the parts judged, when some
        /// could not be (no total then).
        LabelJudgedTotal =>
            en: "Judged parts",
            zh: "已评部分合计";
        /// `labels.unit`.
        LabelUnit =>
            en: "Implementing unit",
            zh: "实施单位";
        /// `labels.warnings`.
        LabelWarnings =>
            en: "Review notes",
            zh: "复核提示";
        /// `labels.weight`.
        LabelWeight =>
            en: "Weight",
            zh: "分值";
        /// `labels.year`.
        LayoutYear =>
            en: "Year",
            zh: "年度";
        /// `labels.year_title`.
        LabelYearTitle { year: String } =>
            en: " ({year})",
            zh: "（{year}年度）";
        /// `labels.warnings_title`.
        LabelWarningsTitle { count: usize } =>
            en: "Review notes ({count})",
            zh: "复核提示（{count} 条）";
        /// `labels.met_of`.
        LabelMetOf { count: usize } =>
            en: "of {count}",
            zh: "/ {count} 项";
        /// `labels.footer`.
        LabelFooter { framework: String, places: u32 } =>
            en: "Computed by pfc with the framework {framework}; scores to {places} decimal places.",
            zh: "由 pfc 按评价框架 {framework} 计算；得分保留 {places} 位小数。";

        // Sentences of the report context (`report/context.rs`). Names and
        // values from the data are shown whole (`String`): a report is not
        // cut to fit a terminal.
        /// `report_title`.
        ReportTitle { name: String } =>
            en: "{name}: Performance Self-Evaluation Report",
            zh: "{name}项目绩效自评报告";
        /// `report_title` of a project whose name ends in 项目.
        ReportTitleOfProject { name: String } =>
            en: "{name}: Performance Self-Evaluation Report",
            zh: "{name}绩效自评报告";
        /// A part in the conclusion.
        ConclusionPart { name: String, score: String } =>
            en: "{name} {score}",
            zh: "{name}得分为{score}分";
        /// Between the parts of the conclusion.
        ConclusionSeparator =>
            en: "; ",
            zh: "，";
        /// The conclusion.
        Conclusion { parts: String, total: String, grade: String } =>
            en: "Scored: {parts}; total {total}{grade}.",
            zh: "根据上述分析，{parts}，总计评分为{total}分{grade}。";
        /// The conclusion of a framework with a basis.
        ConclusionUnder { basis: String, parts: String, total: String, grade: String } =>
            en: "Scored under {basis}: {parts}; total {total}{grade}.",
            zh: "根据上述分析，依据{basis}进行自评打分，{parts}，总计评分为{total}分{grade}。";
        /// The grade in the conclusion.
        ConclusionGrade { grade: String } =>
            en: ", rated “{grade}”",
            zh: "，评价等级为“{grade}”";
        /// The grade an override gave.
        ConclusionGradeBecause { grade: String, condition: String } =>
            en: ", rated “{grade}” because {condition}",
            zh: "，评价等级为“{grade}”（因 {condition} 成立）";
        /// The same, with the grade the points alone give.
        ConclusionGradeBecauseByPoints { grade: String, condition: String, by_points: String } =>
            en: ", rated “{grade}” because {condition} (the points alone give “{by_points}”)",
            zh: "，评价等级为“{grade}”（因 {condition} 成立；仅按得分为“{by_points}”）";
        /// An at-most indicator over its target.
        ProgressOver { rate: String } =>
            en: "over by {rate}",
            zh: "超支{rate}";
        /// An at-most indicator under its target.
        ProgressSaved { rate: String } =>
            en: "saved {rate}",
            zh: "节约{rate}";
        /// The sentence of a qualitative indicator.
        SentenceQualitative { name: String, target: String, actual: String, band: String } =>
            en: "{name}: target “{target}”, actual “{actual}”, rated “{band}”.",
            zh: "{name}目标为“{target}”，实际完成情况为“{actual}”，评定为“{band}”。";
        /// The sentence of an at-most indicator.
        SentenceAtMost { name: String, target: String, actual: String, progress: String } =>
            en: "{name}: target {target}, actual {actual}, {progress}.",
            zh: "{name}目标{target}，完成{actual}，{progress}。";
        /// The sentence of an indicator scored by its own formula.
        SentenceFormula { name: String, target: String, actual: String } =>
            en: "{name}: target {target}, actual {actual}.",
            zh: "{name}：年度指标值{target}，实际完成{actual}。";
        /// The sentence of an indicator without a completion rate.
        SentencePlain { name: String, target: String, actual: String } =>
            en: "{name}: target {target}, actual {actual}.",
            zh: "{name}目标{target}，完成{actual}。";
        /// The sentence of an indicator with one.
        SentenceCompletion { name: String, target: String, actual: String, completion: String } =>
            en: "{name}: target {target}, actual {actual}, completion {completion}.",
            zh: "{name}目标{target}，完成{actual}，完成率{completion}。";

        // The HTML report's chart (`report/html.rs`).
        /// What the chart shows, for screen readers.
        ChartIntro =>
            en: "One row per indicator: the light bar's length is its weight, the dark bar its score. ",
            zh: "每一行是一项指标：浅色条的长度表示分值，深色条表示得分。";
        /// A part of the chart, for screen readers.
        ChartPart { name: String, score: String, weight: String } =>
            en: "{name} in all: score {score} of {weight}. ",
            zh: "{name}合计：得分{score}，分值{weight}。";
        /// An indicator of the chart, for screen readers.
        ChartLeaf { name: String, score: String, weight: String } =>
            en: "{name}: score {score} of {weight}. ",
            zh: "{name}：得分{score}，分值{weight}。";
        /// An indicator's tooltip.
        ChartTip { name: String, score: String, weight: String } =>
            en: "{name}: score {score} of {weight}",
            zh: "{name}：得分 {score}，分值 {weight}";

        // The workbook (`report/xlsx.rs`), laid out as 附件1.
        /// The title of the sheet.
        SheetTitle =>
            en: "Program Performance Self-Evaluation",
            zh: "项目支出绩效自评表";
        /// The workbook's title property.
        WorkbookTitle { name: String } =>
            en: "{name}: Program Performance Self-Evaluation",
            zh: "{name}项目支出绩效自评表";
        /// The sheet's name.
        SheetName =>
            en: "Self-evaluation",
            zh: "自评表";
        /// The year under the title.
        SheetYear { year: String } =>
            en: "({year})",
            zh: "（{year}年度）";
        /// The year to fill in by hand.
        SheetNoYear =>
            en: "(year:      )",
            zh: "（    年度）";
        /// The total row of an empty funds block.
        SheetFundsTotal =>
            en: "Total funds",
            zh: "年度资金总额";
        /// The goals block.
        SheetGoals =>
            en: "Annual goals",
            zh: "年度总体目标";
        /// Its left column.
        SheetGoalsExpected =>
            en: "Expected",
            zh: "预期目标";
        /// The indicator block.
        SheetIndicators =>
            en: "Performance indicators",
            zh: "绩效指标";

        // Errors of writing a report.
        /// serde_json failed.
        CannotWriteJson { why: Quote } =>
            en: "cannot write JSON: {why}",
            zh: "无法生成 JSON：{why}";
        /// The Word file could not be zipped.
        CannotBuildWord { why: Quote } =>
            en: "cannot build the Word file: {why}",
            zh: "无法生成 Word 文件：{why}";
        /// The workbook could not be built.
        CannotBuildExcel { why: Quote } =>
            en: "cannot build the Excel file: {why}",
            zh: "无法生成 Excel 文件：{why}";
        /// The context could not be serialised.
        CannotBuildContext { why: Quote } =>
            en: "cannot build the report context: {why}",
            zh: "无法生成报告上下文：{why}";

        // Templates (`report/template.rs`, `report/fields.rs`).
        /// Tera's own error, in its words.
        TemplateError { message: Quote } =>
            en: "template: {message}",
            zh: "模板有误：{message}";
        /// Under it, in the template.
        TemplateErrorHere { message: Quote } =>
            en: "{message}",
            zh: "此处有误：{message}";
        /// Another error of Tera's, about a whole template.
        TemplateFailed { template: Name, message: Quote } =>
            en: "template {template}: {message}",
            zh: "模板{template}有误：{message}";
        /// `{% include "x" %}` of a template that is not there.
        TemplateNotFound { template: Name, missing: Name } =>
            en: "template {template}: the template {missing} does not exist",
            zh: "模板{template}有误：模板{missing}不存在";
        /// `{% extends "x" %}` of a template that is not there.
        TemplateMissingParent { template: Name, parent: Name } =>
            en: "template {template} extends {parent}, which does not exist",
            zh: "模板{template}所继承的模板{parent}不存在";
        /// Templates that extend each other.
        TemplateCircularExtend { template: Name, chain: Names } =>
            en: "template {template} extends itself: {chain}",
            zh: "模板{template}循环继承：{chain}";
        /// Templates that include each other.
        TemplateCircularInclude { template: Name, chain: Names } =>
            en: "template {template} includes itself: {chain}",
            zh: "模板{template}循环包含：{chain}";
        /// A field that is not in the context.
        HintTemplateFields =>
            en: "docs/reports.md lists every field a template can use",
            zh: "模板可用的全部字段见 docs/reports.md";
        /// A block not closed.
        HintCloseBlock =>
            en: "a `{{% if %}}`, `{{% for %}}` or `{{% block %}}` is not closed: add its `{{% endif %}}`, `{{% endfor %}}` or `{{% endblock %}}`",
            zh: "有 `{{% if %}}`、`{{% for %}}` 或 `{{% block %}}` 未闭合：请补上相应的 `{{% endif %}}`、`{{% endfor %}}` 或 `{{% endblock %}}`";
        /// A name that is not in the report context.
        TemplateUnknownField { field: Name } =>
            en: "the template uses {field}, which is not in the report context",
            zh: "模板使用了{field}，报告上下文中没有这个字段";
        /// A field of something that has none.
        TemplateFieldOfValue { field: Name, parent: Name, what: Box<Text> } =>
            en: "the template uses {field}, but {parent} is {what}",
            zh: "模板使用了{field}，但{parent}是{what}";
        /// Anything.
        ShapeAny =>
            en: "a value",
            zh: "一个值";
        /// Text, a number or yes/no.
        ShapeLeaf =>
            en: "a single value (text, number or yes/no)",
            zh: "单个值（文本、数字或是/否）";
        /// A list.
        ShapeList =>
            en: "a list",
            zh: "列表";
        /// An object.
        ShapeObject =>
            en: "an object",
            zh: "对象";
        /// The top fields.
        HintContextFields { fields: Names } =>
            en: "the context's fields are: {fields}",
            zh: "报告上下文的字段有：{fields}";
        /// The fields of an object.
        HintFieldsOf { name: Name, fields: Names } =>
            en: "{name} has these fields: {fields}",
            zh: "{name}有以下字段：{fields}";
        /// A field of a list.
        HintLoopOver { list: String } =>
            en: "loop over it (`{{% for x in {list} %}}`) or take one item (`{list} | first`, `{list}[0]`)",
            zh: "请用循环逐项取用（`{{% for x in {list} %}}`），或取其中一项（`{list} | first`、`{list}[0]`）";
        /// A field of a single value.
        HintNoFields { name: Name } =>
            en: "{name} cannot be looked into",
            zh: "{name}没有下级字段";
        /// Under the name in the template.
        TemplateLabelNotAField =>
            en: "not a field",
            zh: "不是报告上下文的字段";
        /// Where the fields are listed.
        NoteReportFields =>
            en: "docs/reports.md lists every field of the report context",
            zh: "报告上下文的全部字段见 docs/reports.md";
    }
}
