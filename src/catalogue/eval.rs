//! The eval phase's messages: scoring one project (`eval.rs`,
//! `eval/*.rs`), and the words of the 计分说明 (explanations).

use super::{Name, Names, Quote, Text, catalogue};
use crate::data::Example;
use crate::eval::result::{Explanation, Points};
use crate::exact::Exact;
use crate::place::Place;
use crate::quantity::Quantity;

catalogue! {
    /// Messages of the eval phase.
    Eval {
        // The project as a whole (`eval.rs`).
        /// The data names another framework.
        OtherFramework { data: Name, model: Name } =>
            en: "the data is marked for framework {data}, but is scored with {model}",
            zh: "数据标明适用框架{data}，但按{model}评分";
        /// How to choose the framework.
        HintOtherFramework =>
            en: "check that you chose the right framework, or correct `framework` in the data",
            zh: "请确认选用的评价框架，或更正数据中的 framework";
        /// Label: the data's framework.
        LabelAnotherFramework =>
            en: "another framework",
            zh: "另一评价框架";
        /// A year outside the framework's period.
        OutOfPeriod { framework: Name, years: Box<Text>, year: i64 } =>
            en: "framework {framework} covers fiscal years {years}, not {year}",
            zh: "框架{framework}的适用年度为 {years}，不含 {year} 年";
        /// How to fix the year.
        HintOutOfPeriod =>
            en: "choose the framework in force for that year, or correct `year` in the data",
            zh: "请选用该年度适用的评价框架，或更正数据中的年度（year）";
        /// Label: the year.
        LabelOutsideYears =>
            en: "outside the framework's years",
            zh: "不在框架适用年度内";
        /// The data gives no year.
        NoYear { framework: Name, years: Box<Text> } =>
            en: "the data gives no `year`; framework {framework} covers {years}",
            zh: "数据未写年度（year），无法核对框架{framework}是否适用（适用年度：{years}）";
        /// How to give the year.
        HintAddYear =>
            en: "add `year = …` so that pfc can check the framework applies",
            zh: "请填写评价年度，以便核对框架是否适用";
        /// One fiscal year.
        YearsOne { year: i64 } =>
            en: "{year}",
            zh: "{year} 年";
        /// Fiscal years from one to another.
        YearsRange { from: i64, to: i64 } =>
            en: "{from}–{to}",
            zh: "{from}–{to} 年";
        /// Fiscal years from one on.
        YearsFrom { from: i64 } =>
            en: "{from} onwards",
            zh: "{from} 年及以后";
        /// A key of `[inputs]` the framework does not declare.
        NotAnInput { key: Name, framework: Name } =>
            en: "{key} in `[inputs]` is not an input of framework {framework}",
            zh: "[inputs] 中的{key}不是框架{framework}的输入项";
        /// A key of `[answers]` that is no question.
        NotAQuestion { key: Name, framework: Name } =>
            en: "{key} in `[answers]` is not a question of framework {framework}",
            zh: "[answers] 中的{key}不是框架{framework}的问题";
        /// A key of `[ratings]` that is no rated indicator.
        NotARatedIndicator { key: Name, framework: Name } =>
            en: "{key} in `[ratings]` is not a rated indicator of framework {framework}",
            zh: "[ratings] 中的{key}不是框架{framework}中需评级的指标";
        /// A framework without inputs.
        HintNoInputs =>
            en: "the framework has no inputs: remove `[inputs]`",
            zh: "该框架没有输入项：请删除 [inputs]";
        /// A framework without questions.
        HintNoQuestions =>
            en: "the framework has no questions: remove `[answers]`",
            zh: "该框架没有问题：请删除 [answers]";
        /// A framework without rated indicators.
        HintNoRated =>
            en: "the framework has no rated indicators: remove `[ratings]`",
            zh: "该框架没有需评级的指标：请删除 [ratings]";
        /// The inputs there are.
        HintInputsAre { names: Names } =>
            en: "the framework's inputs are: {names}",
            zh: "该框架的输入项有：{names}";
        /// The questions there are.
        HintQuestionsAre { names: Names } =>
            en: "the framework's questions are: {names}",
            zh: "该框架的问题有：{names}";
        /// The rated indicators there are.
        HintRatedAre { names: Names } =>
            en: "the framework's rated indicators are: {names}",
            zh: "该框架需评级的指标有：{names}";
        /// Label: a name the framework does not know.
        LabelUnknownKey =>
            en: "unknown name",
            zh: "未知名称";
        /// A source of funds with a figure that is not an amount.
        SourceNotAmount { column: &'static str, field: Name, source: Name, why: Box<Text> } =>
            en: "{column} ({field}) of {source}: {why}",
            zh: "{source}的{column}（{field}）：{why}";
        /// How to write an amount of the funds block.
        HintAmount { unit: String } =>
            en: "write an amount such as `87.65万元`, or a number in {unit} (the funds unit: `unit` in `[funds]`, column `资金单位` in a spreadsheet)",
            zh: "请填写金额，如 `87.65万元`，或以{unit}计的数字（资金单位：[funds] 中的 unit，表格中的“资金单位”列）";
        /// Label: not an amount.
        LabelNotAmount =>
            en: "not an amount",
            zh: "不是金额";
        /// A `let` that cannot be computed for this project.
        CannotCompute { name: Name, why: Box<Text> } =>
            en: "cannot compute {name}: {why}",
            zh: "无法计算{name}：{why}";
        /// Label: the formula that fails.
        LabelFailsHere =>
            en: "fails for this project",
            zh: "对本项目无法计算";
        /// How to fix a formula that fails.
        HintCheckFigures =>
            en: "check the project's figures this formula uses",
            zh: "请核对该公式用到的项目数据";
        /// A score formula that fails.
        ScoringFailed { name: Name, why: Box<Text> } =>
            en: "scoring {name} failed: {why}",
            zh: "{name}计分失败：{why}";
        /// Label: the formula.
        LabelInThisFormula =>
            en: "in this formula",
            zh: "此公式";
        /// How to fix a row whose formula fails.
        HintCheckRow =>
            en: "check the row's target and actual values",
            zh: "请核对该行的年度指标值和实际完成值";
        /// A score outside 0..weight, kept within.
        OutsideWeight { name: Name, raw: Exact, weight: Exact, counted: Exact } =>
            en: "the formula gave {name} {raw} points, outside 0..{weight}; counted as {counted}",
            zh: "计分公式给{name} {raw} 分，超出 0–{weight} 分，按 {counted} 分计";
        /// Label: the formula.
        LabelLeavesRange =>
            en: "this formula leaves the range",
            zh: "此公式超出分值范围";
        /// How to cap a formula.
        HintCapFormula =>
            en: "cap the formula with `min(…, weight)` and `max(0, …)` in the framework",
            zh: "请在框架中用 `min(…, weight)` 和 `max(0, …)` 限定计分公式";
        /// A framework's `require … else error "…"` failed.
        RequireError { text: Quote } =>
            en: "{text}",
            zh: "未通过框架检查：{text}";
        /// A framework's `require … else warn "…"` failed.
        RequireWarn { text: Quote } =>
            en: "{text}",
            zh: "框架提示：{text}";
        /// The same, for an indicator row.
        RequireRow { name: Name, text: Quote } =>
            en: "{name}: {text}",
            zh: "{name}：{text}";
        /// Label: the `require`.
        LabelRequiredHere =>
            en: "required by the framework here",
            zh: "框架在此提出要求";
        /// Label: the value a row's check is about.
        LabelThisValue =>
            en: "this value",
            zh: "此值";
        /// Nothing in a `renormalize` group applies.
        NothingApplies { group: Name, weight: Exact } =>
            en: "nothing in {group} applies: it scores 0 of its {weight} points",
            zh: "{group}下各项均不适用，该部分得 0 分（分值 {weight}）";
        /// Label: the group.
        LabelSharesWeight =>
            en: "this group shares its weight among what applies",
            zh: "该组按适用的各项分配分值";
        /// How many of the group's items do not apply.
        NoteNoneApplies { count: usize } =>
            en: "none of its {count} questions or indicators applies",
            zh: "其下 {count} 个问题或指标均不适用";
        /// What to do about a group where nothing applies.
        HintNothingApplies =>
            en: "check the answers marked as not applying; if the whole group truly does not apply to this project, use a framework without it (`extends` … `remove`)",
            zh: "请核对标为不适用的各项；如该部分确实不适用于本项目，应选用不含该部分的框架（`extends` … `remove`）";
        /// A question without an answer.
        NoAnswer { question: Name } =>
            en: "question {question} has no answer",
            zh: "问题{question}没有回答";
        /// How to answer a question.
        HintAddAnswer { line: String, options: Names } =>
            en: "add `{line}` to `[answers]`, one of {options}",
            zh: "请在 [answers] 中添加 `{line}`，取值为{options}之一";
        /// Label: the answers.
        LabelNoAnswer =>
            en: "no answer for this question",
            zh: "该问题没有回答";
        /// An answer not on the question's scale.
        UnknownAnswer { answer: Quote, scale: Name, question: Name } =>
            en: "`{answer}` is not an answer on the {scale} scale of question {question}",
            zh: "“{answer}”不是问题{question}的{scale}量表中的选项";
        /// The answers there are.
        HintAnswerOneOf { options: Names } =>
            en: "answer one of {options}",
            zh: "请从{options}中选择";
        /// Label: the answer.
        LabelUnknownAnswer =>
            en: "unknown answer",
            zh: "未知选项";
        /// A rated indicator without a rating.
        NoRating { name: Name } =>
            en: "indicator {name} has no rating",
            zh: "指标{name}没有评级";
        /// How to rate it.
        HintAddRating { name: String } =>
            en: "add `[ratings.\"{name}\"]` with `level = \"达成\"` (and optionally `score` and `evidence`)",
            zh: "请添加 `[ratings.\"{name}\"]`，写明 `level = \"达成\"`（可另写 score 和 evidence）";
        /// Label: the ratings.
        LabelNoRating =>
            en: "no rating for this indicator",
            zh: "该指标没有评级";
        /// A framework indicator a missing or unreadable figure keeps from
        /// being scored, as submitted.
        IndicatorNotJudged { name: Name, weight: Exact } =>
            en: "{name} ({weight} points) cannot be judged: a figure it needs is missing or cannot be read (said above)",
            zh: "{name}（{weight} 分）无法评分：所需数据缺失或无法读取（见上文）";
        /// Label: the formula that needs the figure.
        LabelNeedsFigure =>
            en: "needs the figure",
            zh: "需要该数据";
        /// A group none of whose rows the table gives.
        GroupNotJudged { group: Name, weight: Exact } =>
            en: "the table gives no rows for {group} ({weight} points in the framework): not judged",
            zh: "自评表中没有{group}的指标行（框架规定 {weight} 分）：未能评分";
        /// Label: the group in the framework.
        LabelGroupHere =>
            en: "this group",
            zh: "此分组";
        /// A group's rows that add up to another weight than the
        /// framework's, scored as submitted.
        RowWeightsDepart { group: Name, got: Exact, expected: Exact } =>
            en: "the indicators in {group} add up to {got} points, where the framework gives it {expected}; scored with the table's weights",
            zh: "{group}下各指标分值合计 {got} 分，框架规定为 {expected} 分；按自评表所填分值计分";
        /// How to follow the framework.
        HintRowWeightsFramework { expected: Exact } =>
            en: "the framework gives this group {expected} points; if the table should follow it, change the rows' 分值 (or score with `--strict` to refuse such tables)",
            zh: "框架规定该部分为 {expected} 分；如自评表应遵从框架，请调整各行分值（或以 --strict 拒绝此类自评表）";
        /// A group none of whose rows gives a 分值: the framework's weight
        /// shared equally.
        WeightsShared { group: Name, weight: Exact, rows: usize, share: Exact } =>
            en: "no row of {group} gives a 分值: its {weight} points in the framework are shared equally by its {rows} rows, {share} each",
            zh: "{group}下各行均未填分值：按框架规定的 {weight} 分由 {rows} 行平均分配，每行 {share} 分";
        /// Label: a row without a weight.
        LabelRowNoWeight =>
            en: "no 分值",
            zh: "未填分值";
        /// A 分值 over a run of rows (merged cells), shared.
        WeightMerged { row: Name, weight: Exact, rows: usize, share: Exact } =>
            en: "the 分值 {weight} of {row} is over the {rows} rows from it that give none (merged cells): shared equally, {share} each",
            zh: "{row}的分值 {weight} 覆盖其后未填分值的共 {rows} 行（合并单元格）：平均分配，每行 {share} 分";
        /// Label: a merged weight.
        LabelMergedWeight =>
            en: "shared by the rows below",
            zh: "由下方各行共用";
        /// Rows that do not add up to their group's weight.
        RowWeights { group: Name, got: Exact, expected: Exact } =>
            en: "the indicators in {group} add up to {got} points, but the framework gives it {expected}",
            zh: "{group}下各指标分值合计 {got} 分，但框架规定为 {expected} 分";
        /// Label: the framework's weight.
        LabelFrameworkWeight =>
            en: "the framework's weight",
            zh: "框架规定的分值";
        /// How to fix the rows' weights.
        HintRowWeights { expected: Exact } =>
            en: "change the rows' `weight` so that they add up to {expected}",
            zh: "请调整各行分值（weight），使合计为 {expected} 分";
        /// The weights of a group's slots.
        NoteWeightParts { sum: String } =>
            en: "{sum}",
            zh: "各部分分值：{sum}";
        /// Label: one of the rows.
        LabelOneOfRows =>
            en: "one of the rows",
            zh: "其中一行";
        /// A group without rows.
        NoteNoRows =>
            en: "the data has no indicator rows for this group",
            zh: "数据中没有该分组的指标行";
        /// An unmet indicator without a reason.
        MissingReason { name: Name, score: Points, weight: Exact } =>
            en: "{name} scored {score} of {weight} but gives no 偏差原因分析",
            zh: "{name}得 {score} 分（分值 {weight}），未达目标，但未填写偏差原因分析及改进措施";
        /// How to give the reason.
        HintAddReason =>
            en: "10号 asks for the reasons and improvements when a target is not met: add `reason = \"…\"`",
            zh: "财预〔2020〕10号要求对未完成的目标说明偏差原因并提出改进措施：请填写“偏差原因分析及改进措施”";
        /// Label: the row.
        LabelThisRow =>
            en: "this row",
            zh: "此行";

        // Inputs (`eval/inputs.rs`).
        /// An input the data gives no value for.
        MissingInput { name: Name } =>
            en: "the data gives no value for input {name}",
            zh: "数据中没有输入项{name}的值";
        /// Label: the table without the input.
        LabelNoKeyIn { key: Name, table: String } =>
            en: "no {key} in `[{table}]`",
            zh: "[{table}] 中没有{key}";
        /// Label: the input's declaration.
        LabelNeedsInput =>
            en: "the framework needs this input",
            zh: "框架需要此输入项";
        /// How to give an input at the top of the file.
        HintAddAtTop { line: String } =>
            en: "add `{line}` at the top of the data file",
            zh: "请在数据文件开头添加 `{line}`";
        /// How to give an input in a table.
        HintAddUnder { line: String, table: String } =>
            en: "add `{line}` under `[{table}]`",
            zh: "请在 [{table}] 下添加 `{line}`";
        /// An input's default that fails.
        DefaultFails { name: Name, why: Box<Text> } =>
            en: "the default of input {name} fails: {why}",
            zh: "输入项{name}的默认值无法计算：{why}";
        /// Label: the default.
        LabelThisDefault =>
            en: "this default",
            zh: "此默认值";
        /// An input value that cannot be read.
        InputUnreadable { name: Name, why: Box<Text> } =>
            en: "input {name}: {why}",
            zh: "输入项{name}：{why}";
        /// The input's declared type.
        HintDeclaredAs { name: Name, kind: Box<Text> } =>
            en: "{name} is declared as {kind} in the framework",
            zh: "框架中{name}的类型为{kind}";
        /// Label: a value that cannot be read.
        LabelValueUnreadable =>
            en: "cannot be read",
            zh: "无法读取";
        /// An amount without a unit where none is implied.
        MoneyNoUnit { text: Quote } =>
            en: "`{text}` has no unit: write e.g. \"{text}万元\"",
            zh: "“{text}”未写单位，应写作如“{text}万元”";
        /// A funds unit that is not one of money.
        NotMoneyUnit { unit: Name } =>
            en: "{unit} is not a money unit",
            zh: "{unit}不是货币单位";
        /// A value in another unit than money.
        NotMoneyUnitOf { text: Quote, unit: String } =>
            en: "`{text}` is not an amount of money (unit `{unit}`)",
            zh: "“{text}”不是金额（单位为 {unit}）";
        /// An amount with a comparison.
        AmountWithSign { text: Quote, sign: String } =>
            en: "`{text}` is an amount and cannot carry `{sign}`",
            zh: "“{text}”是金额，不能带“{sign}”";
        /// Words where an amount is needed.
        NotMoney { text: Quote } =>
            en: "`{text}` is not an amount of money",
            zh: "“{text}”不是金额";
        /// A value of another type than the input's.
        NotOfKind { text: Quote, kind: Box<Text> } =>
            en: "`{text}` is not {kind}",
            zh: "“{text}”不是{kind}";
        /// A count in another unit than the input's.
        CountInOtherUnit { text: Quote, unit: String, kind: Box<Text> } =>
            en: "`{text}` is in `{unit}`, not {kind}",
            zh: "“{text}”的单位是 {unit}，不是{kind}";
        /// A level that is not one of the input's.
        NotOneOf { text: Quote, levels: Names } =>
            en: "`{text}` is not one of {levels}",
            zh: "“{text}”不是{levels}之一";
        /// An input type data cannot give.
        NotReadableType =>
            en: "this input type cannot be read from data",
            zh: "此类输入项无法从数据读取";

        // Kinds of values, in messages.
        /// A percentage.
        KindPercentage =>
            en: "a percentage",
            zh: "百分比";
        /// A number.
        KindNumber =>
            en: "a number",
            zh: "数值";
        /// Money.
        KindMoney =>
            en: "money",
            zh: "金额";
        /// A count in a unit.
        KindCountIn { unit: Name } =>
            en: "a count in {unit}",
            zh: "以{unit}计的数量";
        /// A count.
        KindCount =>
            en: "a count",
            zh: "数量";
        /// A yes/no condition.
        KindYesNo =>
            en: "a yes/no condition",
            zh: "是/否条件";
        /// Text.
        KindText =>
            en: "text",
            zh: "文字";
        /// A level.
        KindLevel =>
            en: "a level",
            zh: "等级";
        /// Any indicator value.
        KindIndicatorValue =>
            en: "an indicator value",
            zh: "指标值";

        // Operations while scoring (`eval/value.rs`).
        /// A value another failure made unavailable (reported there).
        OpUnavailable =>
            en: "this value is not available here",
            zh: "此处无法取得该值";
        /// An operation that needs a number.
        OpNeedsNumber { what: Box<Text>, found: String } =>
            en: "{what} needs a number, found {found}",
            zh: "{what}需要数值，实为 {found}";
        /// An operation that needs a yes/no condition.
        OpNeedsCondition { what: Box<Text>, found: String } =>
            en: "{what} needs a yes/no condition, found {found}",
            zh: "{what}需要是/否条件，实为 {found}";
        /// Quantities of different kinds compared.
        OpCannotCompare { a: Quantity, a_kind: Box<Text>, b: Quantity, b_kind: Box<Text> } =>
            en: "cannot compare {a} ({a_kind}) and {b} ({b_kind})",
            zh: "{a}（{a_kind}）与{b}（{b_kind}）不能比较";
        /// Quantities of different kinds added.
        OpCannotAdd { a: Quantity, a_kind: Box<Text>, b: Quantity, b_kind: Box<Text> } =>
            en: "cannot add {a} ({a_kind}) and {b} ({b_kind})",
            zh: "{a}（{a_kind}）与{b}（{b_kind}）不能相加";
        /// Quantities of different kinds subtracted.
        OpCannotSubtract { a: Quantity, a_kind: Box<Text>, b: Quantity, b_kind: Box<Text> } =>
            en: "cannot subtract {a} ({a_kind}) and {b} ({b_kind})",
            zh: "{a}（{a_kind}）与{b}（{b_kind}）不能相减";
        /// Two quantities that cannot be multiplied.
        OpCannotMultiply { a: Quantity, b: Quantity } =>
            en: "cannot multiply {a} by {b}",
            zh: "{a}与{b}不能相乘";
        /// Two quantities that cannot be divided.
        OpCannotDivide { a: Quantity, b: Quantity } =>
            en: "cannot divide {a} by {b}",
            zh: "{a}不能除以{b}";
        /// A division by zero.
        OpDivisionByZero { a: Quantity, b: Quantity } =>
            en: "division by zero: {a} ÷ {b}",
            zh: "除数为零：{a} ÷ {b}";
        /// `min`/`max` of nothing.
        OpNoValues =>
            en: "no values",
            zh: "没有数值";
        /// An operator, in the messages above.
        OpOperator { op: Name } =>
            en: "{op}",
            zh: "{op}运算";
        /// A function, in the messages above.
        OpFunction { name: Name } =>
            en: "{name}",
            zh: "{name}函数";
        /// A comparison.
        AComparison =>
            en: "a comparison",
            zh: "比较";
        /// A `require` condition.
        ARequireCondition =>
            en: "a `require` condition",
            zh: "require 条件";
        /// A tier of `tiers`.
        ATier =>
            en: "a tier",
            zh: "分档条件";
        /// A score.
        AScore =>
            en: "a score",
            zh: "得分";
        /// An `allow deduction when` condition.
        ADeductionCondition =>
            en: "an `allow deduction when` condition",
            zh: "allow deduction when 条件";

        // Indicator rows (`eval/rows.rs`).
        /// A row without a name.
        RowNoName =>
            en: "an indicator row has no name",
            zh: "指标行没有名称";
        /// Label: the empty name.
        LabelEmptyName =>
            en: "empty name",
            zh: "名称为空";
        /// Two rows with the same name in a group.
        DuplicateRow { name: Name, group: Name } =>
            en: "indicator {name} appears twice in {group}",
            zh: "指标{name}在{group}中出现两次";
        /// How to fix it.
        HintMergeRows =>
            en: "merge the two rows or give them different names",
            zh: "请合并这两行，或改用不同的名称";
        /// Label: the first row.
        LabelFirstRow =>
            en: "first row with this name",
            zh: "同名的第一行";
        /// Where the first row is (no snippet to show it).
        NoteFirstRowAt { place: Place } =>
            en: "the first is {place}",
            zh: "第一行位于 {place}";
        /// Label: the second row.
        LabelSecondRow =>
            en: "second row with this name",
            zh: "同名的第二行";
        /// A row for a leaf the framework scores itself.
        ScoredByFramework { name: Name } =>
            en: "{name} is scored by the framework itself, not from an indicator row",
            zh: "{name}由框架自行计分，不按指标行计分";
        /// How to fix it.
        HintDeleteRow { name: Name } =>
            en: "delete this row: pfc scores {name} from the project's other data, as the framework says",
            zh: "请删除此行：pfc 按框架规定，根据项目的其他数据为{name}计分";
        /// Label: the row's path.
        LabelScoredByFramework =>
            en: "scored by the framework",
            zh: "由框架计分";
        /// A row with no group.
        NoGroup { name: Name } =>
            en: "indicator {name} names no group",
            zh: "指标{name}未写所属分组";
        /// A row in a group the framework does not have.
        UnknownSlot { name: Name, group: Name } =>
            en: "indicator {name} is in {group}, which the framework does not have",
            zh: "指标{name}所在的{group}不是本框架的分组";
        /// Where the other checks count the row.
        NoteCountedIn { group: Name } =>
            en: "the other checks count this row in {group}",
            zh: "其余检查按{group}计入此行";
        /// The groups there are.
        HintUseGroups { groups: Names } =>
            en: "use one of the framework's groups: {groups}",
            zh: "请使用框架中的分组：{groups}";
        /// Label: the path.
        LabelNoSuchGroup =>
            en: "no such group",
            zh: "无此分组";
        /// A path several slots end with.
        AmbiguousPath { group: Name } =>
            en: "{group} matches several slots",
            zh: "{group}对应多个分组";
        /// The full paths.
        HintFullPath { paths: Names } =>
            en: "write the full path: one of {paths}",
            zh: "请写出完整路径：{paths}之一";
        /// Label: the path.
        LabelAmbiguousPath =>
            en: "ambiguous",
            zh: "有歧义";
        /// A target or actual that cannot be read.
        CellUnreadable { column: &'static str, row: Name, why: Box<Text> } =>
            en: "{column} of {row} cannot be read: {why}",
            zh: "{row}的{column}无法读取：{why}";
        /// A weight that is not a positive number.
        RowWeightNotPositive { weight: Quote, row: Name } =>
            en: "分值 `{weight}` of {row} is not a positive number",
            zh: "{row}的分值“{weight}”不是正数";
        /// How to write a weight.
        HintWeightAsNumber { example: Example } =>
            en: "write the weight as a number, e.g. {example}",
            zh: "请将分值写为数字，例如 {example}";
        /// Label: the weight.
        RowLabelNotPositive =>
            en: "not a positive number",
            zh: "不是正数";
        /// A word as actual without qualitative bands.
        NoQualitativeBands { actual: Quote, row: Name, group: Name } =>
            en: "实际完成值 `{actual}` of {row} is a word, but the framework has no qualitative bands for {group}",
            zh: "{row}的实际完成值“{actual}”是文字，但框架未给{group}规定定性计分档次";
        /// How to fix it.
        HintQualitativeBands =>
            en: "write a number, or add `scoring qualitative {{ 达成 80%..100%; … }}` to the framework",
            zh: "请填写数值，或在框架中添加 `scoring qualitative {{ 达成 80%..100%; … }}`";
        /// Label: the word.
        LabelNoRuleForWord =>
            en: "no rule for a word",
            zh: "文字值无计分规则";
        /// A level as actual for a number as target.
        LevelForNumber { row: Name, target: Quote, actual: Quote, band: Name } =>
            en: "{row}: the target `{target}` is a number but the actual `{actual}` is a completion level; scored in band {band}",
            zh: "{row}：年度指标值“{target}”是数值，实际完成值“{actual}”却是完成等级，按{band}档计分";
        /// How to fix it.
        HintWriteReached =>
            en: "write the value actually reached, so that it is compared with the target",
            zh: "请填写实际达到的数值，以便与年度指标值比较";
        /// Label: the level.
        LabelLevelNotNumber =>
            en: "a level, not a number",
            zh: "是完成等级，不是数值";
        /// A word as actual for a number as target.
        WordForNumber { actual: Quote, row: Name, target: Quote } =>
            en: "实际完成值 `{actual}` of {row} is not a number, but its target `{target}` is",
            zh: "{row}的实际完成值“{actual}”不是数值，而年度指标值“{target}”是数值";
        /// A word as actual that is no level.
        NotALevel { actual: Quote, row: Name } =>
            en: "实际完成值 `{actual}` of {row} is not a completion level of the framework",
            zh: "{row}的实际完成值“{actual}”不是框架规定的完成等级";
        /// How to write the value reached.
        HintReachedNumber { example: Quote } =>
            en: "write the value reached as a number, e.g. `{example}`",
            zh: "请以数值填写实际完成值，例如“{example}”";
        /// A word of a band, near the one written.
        DidYouMeanBandWord { word: Name, band: Name } =>
            en: "did you mean {word}? (a word for band {band})",
            zh: "是否应为{word}？（{band}档的同义词）";
        /// The levels there are.
        NoteLevels { levels: Names } =>
            en: "the levels are {levels}, and the words the framework lists with `also`",
            zh: "完成等级有：{levels}，以及框架用 also 列出的同义词";
        /// Label: the level.
        LabelUnknownLevel =>
            en: "unknown level",
            zh: "未知等级";
        /// A word as target for a number as actual.
        TargetNotNumber { target: Quote, row: Name, actual: Quote } =>
            en: "年度指标值 `{target}` of {row} is not a number, but 实际完成值 `{actual}` is",
            zh: "{row}的年度指标值“{target}”不是数值，而实际完成值“{actual}”是数值";
        /// How to write a target.
        HintTargetNumber =>
            en: "write the target as a number with its comparison, e.g. `≥95%` or `≤87.65万元`",
            zh: "请将年度指标值写为带比较符号的数值，例如 `≥95%` 或 `≤87.65万元`";
        /// An actual with a comparison.
        ActualWithSign { actual: Quote, row: Name, sign: String, read: Quantity } =>
            en: "实际完成值 `{actual}` of {row} carries `{sign}`; read as {read}",
            zh: "{row}的实际完成值“{actual}”带有“{sign}”，按 {read} 读取";
        /// How to write an actual.
        HintActualNoSign =>
            en: "write the value actually reached, without a comparison",
            zh: "实际完成值请填写实际达到的数值，不带比较符号";
        /// Label: the actual.
        LabelComparisonInActual =>
            en: "comparison in an actual value",
            zh: "实际完成值带比较符号";
        /// A bare `n月` target, scored as months.
        MonthTarget { target: Quote, row: Name, month: u32 } =>
            en: "年度指标值 `{target}` of {row} is scored as at least {month} months; if it is a month of the year (a deadline), an earlier month must not score less",
            zh: "{row}的年度指标值“{target}”按数量计分（不少于{month}个月，越多越好）；如指完成月份（截止期限），提前完成不应少得分";
        /// How to write a deadline or a duration.
        HintMonthTarget { month: u32 } =>
            en: "write `≤{month}月` or `{month}月底前` for a deadline, or `≥{month}个月` for a duration",
            zh: "截止期限请写作“≤{month}月”或“{month}月底前”，时长请写作“≥{month}个月”";
        /// Label: the target.
        LabelMonthOrMonths =>
            en: "month of the year, or months?",
            zh: "是月份还是月数？";
        /// An actual without a unit, read in the target's.
        ActualNoUnit { actual: Quote, row: Name, read: Quantity } =>
            en: "实际完成值 `{actual}` of {row} has no unit; read as {read}",
            zh: "{row}的实际完成值“{actual}”未写单位，按 {read} 读取";
        /// A target without a unit, read in the actual's.
        TargetNoUnit { target: Quote, row: Name, read: Quantity } =>
            en: "年度指标值 `{target}` of {row} has no unit; read as {read}",
            zh: "{row}的年度指标值“{target}”未写单位，按 {read} 读取";
        /// How to write the unit.
        HintWriteUnit { value: Quantity } =>
            en: "write the unit: `{value}`",
            zh: "请写明单位：{value}";
        /// Label: the value without a unit.
        LabelNoUnit =>
            en: "no unit",
            zh: "未写单位";
        /// Target and actual of different kinds.
        UnitsDiffer { row: Name, target: Quote, target_kind: Box<Text>, actual: Quote, actual_kind: Box<Text> } =>
            en: "{row}: target `{target}` is {target_kind} but actual `{actual}` is {actual_kind}",
            zh: "{row}：年度指标值“{target}”是{target_kind}，实际完成值“{actual}”却是{actual_kind}";
        /// How to make them comparable.
        HintSameUnit =>
            en: "write both in the same kind of unit: money in 元, 万元 or 亿元 (they mix); a count such as `个` only with the same word",
            zh: "请用同类单位填写两者：金额可用元、万元或亿元（可相互换算）；“个”等计数单位须相同";
        /// Label: the actual.
        LabelUnitDiffers =>
            en: "unit differs from the target",
            zh: "单位与年度指标值不同";
        /// A kind of target without a rule.
        NoRuleForKind { kind: Name, target: Quote } =>
            en: "the framework has no rule for {kind} targets like `{target}`",
            zh: "框架没有适用于{kind}类年度指标值（如“{target}”）的计分规则";
        /// How to add the rule.
        HintAddRule { kind: String } =>
            en: "add `scoring {kind} {{ score … }}` to the framework",
            zh: "请在框架中添加 `scoring {kind} {{ score … }}`";
        /// Label: the target.
        LabelNoRuleForKind =>
            en: "no rule for this kind of target",
            zh: "此类年度指标值没有计分规则";
        /// A deduction that is not a number.
        DeductionNotNumber { text: Quote } =>
            en: "deduction `{text}` is not a number of points",
            zh: "扣分“{text}”不是分数";
        /// How to write a deduction.
        HintDeductionNumber { example: Example } =>
            en: "write the points deducted, e.g. {example}",
            zh: "请填写扣减的分数，例如 {example}";
        /// Label: not a number.
        LabelValueNotNumber =>
            en: "not a number",
            zh: "不是数字";
        /// A deduction the rule does not allow.
        DeductionNotAllowed { row: Name } =>
            en: "the framework does not allow a deduction for {row}",
            zh: "框架不允许对{row}扣分";
        /// The rule allows one when a condition holds.
        NoteDeductionCondition { kind: String } =>
            en: "`scoring {kind}` allows a deduction only when its `allow deduction when …` condition holds, and it does not for this row",
            zh: "`scoring {kind}` 仅在其 `allow deduction when …` 条件成立时允许扣分，此行不满足该条件";
        /// The rule allows none.
        NoteNoDeduction { row: Name, kind: String } =>
            en: "{row} is scored by `scoring {kind}`, which allows no deduction",
            zh: "{row}按 `scoring {kind}` 计分，该规则不允许扣分";
        /// How to fix it.
        HintRemoveDeduction =>
            en: "remove `deduction` and `deduction_reason` from this row",
            zh: "请删除此行的 deduction 和 deduction_reason";
        /// Label: the condition.
        LabelConditionFails =>
            en: "the condition that does not hold",
            zh: "不成立的条件";
        /// Label: the deduction.
        LabelDeductionNotAllowed =>
            en: "deduction not allowed here",
            zh: "此处不允许扣分";
        /// A deduction without a reason.
        DeductionReason { row: Name } =>
            en: "the deduction for {row} gives no reason",
            zh: "对{row}的扣分未说明理由";
        /// How to give it.
        HintDeductionReason =>
            en: "add `deduction_reason = \"…\"` to this row, saying why the points were deducted (e.g. the 偏离度)",
            zh: "请在此行添加 `deduction_reason = \"…\"`，说明扣分理由（如偏离度）";
        /// Label: the deduction.
        LabelNoDeductionReason =>
            en: "deducted without `deduction_reason`",
            zh: "扣分未写 deduction_reason";
        /// An evaluator's score that is not a number.
        ScoreNotNumber { score: Quote, row: Name } =>
            en: "score `{score}` of {row} is not a number",
            zh: "{row}的评分“{score}”不是数字";
        /// How to write a score.
        HintScoreNumber { example: Example } =>
            en: "write the score as a number of points, e.g. {example}",
            zh: "请以分数填写评分，例如 {example}";
        /// A score outside its band.
        OutsideBand { score: Points, row: Name, band: Name, allowed: Box<Text> } =>
            en: "score {score} of {row} is outside band {band}, which allows {allowed}",
            zh: "{row}的评分 {score} 超出{band}档的范围：{allowed}";
        /// The top band's points.
        AllowedTop { low: Points, high: Points } =>
            en: "{low} to {high} points",
            zh: "{low}–{high} 分";
        /// A lower band's points.
        AllowedBelow { low: Points, high: Points } =>
            en: "{low} up to (not including) {high} points",
            zh: "{low} 分至 {high} 分，不含 {high} 分";
        /// A band's share of the weight.
        NoteBandShare { band: Name, low: String, high: String, weight: Exact } =>
            en: "band {band} is {low}%–{high}% of the weight {weight}",
            zh: "{band}档为分值 {weight} 的 {low}%–{high}%";
        /// How to fix the score, or the level.
        HintScoreOrLevel { allowed: Box<Text>, field: &'static str, band: String, score: Points } =>
            en: "give a score of {allowed}, or write `{field} = \"{band}\"` if {score} points is right",
            zh: "评分应为 {allowed}；如 {score} 分无误，请改写为 `{field} = \"{band}\"`";
        /// An actual that repeats the target's words: read as met.
        ActualRepeatsTarget { row: Name, band: Name } =>
            en: "the 实际完成值 of {row} repeats its 年度指标值: read as the target met, band {band}",
            zh: "{row}的实际完成值与年度指标值相同，视为完成目标，按{band}档计分";
        /// Label: the actual that repeats the target.
        LabelRepeatsTarget =>
            en: "the target's own words",
            zh: "与年度指标值相同";
        /// A word no band knows, scored by the score the table gives.
        UnknownWordScored { actual: Quote, row: Name, score: Points, band: Name } =>
            en: "`{actual}` of {row} is not a completion level of the framework; the table's score {score} is taken, which lies in band {band}",
            zh: "{row}的实际完成值“{actual}”不是框架规定的完成等级；按自评表所填得分 {score} 计，该分数属{band}档";
        /// How to let a person judge a word no band knows.
        HintGiveScore =>
            en: "give the row a score (得分), or write one of the levels",
            zh: "请为该行填写得分，或改填框架规定的完成等级";
        /// A score the table gives that lies in another band than the
        /// word the row names: taken, as submitted.
        ScoreInOtherBand { row: Name, score: Points, band: Name, lies: Name } =>
            en: "{row}: the score {score} is not in band {band}, which the row names, but in band {lies}; scored as the table gives it",
            zh: "{row}：得分 {score} 不在所填等级{band}的分数范围内，而在{lies}档内；按自评表所填得分计";
        /// How to make the word and the score agree.
        HintScoreOrLevelTable { allowed: Box<Text>, band: Name } =>
            en: "give a score of {allowed}, or name the level {band} the score belongs to",
            zh: "得分应为 {allowed}；如得分无误，完成等级应为{band}";
        /// How to fix the score.
        HintScoreWithin { allowed: Box<Text> } =>
            en: "give a score of {allowed}",
            zh: "评分应为 {allowed}";
        /// Label: the score.
        LabelOutsideBand =>
            en: "outside the band",
            zh: "超出档次范围";
        /// A rated indicator without qualitative bands.
        RatedWithoutBands { name: Name } =>
            en: "{name} is rated, but the framework has no qualitative bands",
            zh: "{name}需评级，但框架未规定定性计分档次";
        /// How to add them.
        RowHintAddBands =>
            en: "add `scoring qualitative {{ 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }}`",
            zh: "请添加 `scoring qualitative {{ 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }}`";
        /// Label: no bands.
        LabelNoBands =>
            en: "no bands",
            zh: "无计分档次";
        /// A rating that is no band.
        UnknownRating { level: Quote, name: Name } =>
            en: "rating `{level}` of {name} is not a band of the framework",
            zh: "{name}的评级“{level}”不是框架规定的档次";
        /// The bands there are.
        HintRateAs { bands: Names } =>
            en: "rate it as one of {bands}",
            zh: "请从{bands}中选择评级";

        // The funds block (`eval/funds.rs`).
        /// Sources that do not add up to the total row.
        FundsDoNotAddUp { column: &'static str, sum: Quantity, total: Quantity } =>
            en: "the sources of funds add up to {sum} for {column}, but 年度资金总额 gives {total}",
            zh: "{column}：各资金来源合计 {sum}，与年度资金总额 {total}不符";
        /// The sources and their figures.
        NoteSources { sum: String } =>
            en: "the sources: {sum}",
            zh: "各资金来源：{sum}";
        /// How to fix it.
        HintFundsAddUp =>
            en: "correct the sources or the total: 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金",
            zh: "请更正资金来源或年度资金总额：年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金";
        /// Label: the total row.
        LabelTotalRow =>
            en: "the total row",
            zh: "合计行";

        // Claims of the submitted report (`eval/claims.rs`).
        /// Who claims, for a spreadsheet: the submitted table.
        WhoTable =>
            en: "the submitted table",
            zh: "自评表";
        /// Who claims, for a data file: the report.
        WhoReport =>
            en: "the report",
            zh: "报告";
        /// Where a data file's claims are corrected.
        WhereReport =>
            en: "the submitted report",
            zh: "报告";
        /// A row's score differs.
        ClaimedScoreDiffers { row: Name, claimed: Exact, ours: Points } =>
            en: "{row}: the submitted table gives {claimed} points, pfc computes {ours}",
            zh: "{row}：自评表填报 {claimed} 分，pfc 计算为 {ours} 分";
        /// How pfc computed it.
        NoteHowComputed { explanation: Explanation } =>
            en: "pfc: {explanation}",
            zh: "pfc 计算：{explanation}";
        /// How to fix it.
        HintCorrectScore =>
            en: "correct the score in the submitted table, or check the row's target and actual",
            zh: "请更正自评表中的得分，或核对该行的年度指标值和实际完成值";
        /// Label: the claim.
        LabelAsSubmitted =>
            en: "as submitted",
            zh: "填报值";
        /// A claimed score that is not a number.
        ClaimedScoreNotNumber { text: Quote } =>
            en: "claimed score `{text}` is not a number",
            zh: "填报得分“{text}”不是数字";
        /// A completion rate that differs.
        CompletionDiffers { row: Name, claimed: Quote, actual: Quote, target: Quote, ours: String } =>
            en: "{row}: the report gives a completion rate of {claimed}, but {actual} ÷ {target} = {ours}",
            zh: "{row}：报告所写完成率为 {claimed}，但 {actual} ÷ {target} = {ours}";
        /// How to fix it.
        HintCorrectCompletion =>
            en: "correct the completion rate in the report text",
            zh: "请更正报告正文中的完成率";
        /// A claimed value the framework does not have.
        NoSuchValue { name: Name } =>
            en: "the framework has no value named {name}",
            zh: "框架中没有名为{name}的数值";
        /// What claimed values are compared with.
        HintClaimedValues =>
            en: "claimed values are compared with the framework's inputs and `let` values by name",
            zh: "填报数值按名称与框架的输入项和 let 数值比较";
        /// A claimed value that is not a number.
        ClaimedValueNotNumber { text: Quote, name: Name } =>
            en: "claimed value `{text}` of {name} is not a number",
            zh: "{name}的填报数值“{text}”不是数字";
        /// How to write it.
        HintClaimedValue =>
            en: "write the figure as printed, e.g. `\"98.73%\"` or `\"87.65万元\"`",
            zh: "请照原文填写数值，例如 `\"98.73%\"` 或 `\"87.65万元\"`";
        /// A claimed value that differs.
        ValueDiffers { name: Name, claimed: Quote, ours: String } =>
            en: "{name}: the report gives {claimed}, pfc computes {ours}",
            zh: "{name}：报告所写为 {claimed}，pfc 计算为 {ours}";
        /// As submitted: a row for an indicator the framework scores itself
        /// is the table's claim of that indicator's figures.
        RowReadAsClaim { name: Name } =>
            en: "the row {name} is the framework's own indicator, scored from the funds: its actual value and score are read as what the table claims, and re-checked",
            zh: "{name}一行是框架自行计分的指标（按项目资金计算）：其实际完成值和得分视为表中填报数，予以复核";
        /// The funds block's (or a 预算执行率 row's) printed execution rate
        /// differs.
        RateDiffers { name: Name, claimed: Quote, ours: String } =>
            en: "{name}: the table gives {claimed}, pfc computes {ours}",
            zh: "{name}：表中填报为 {claimed}，pfc 计算为 {ours}";
        /// The printed rate is 全年执行数 over 年初预算数.
        NoteRateFitsInitial { rate: String } =>
            en: "the printed rate is 全年执行数 ÷ 年初预算数 ({rate}); the 自评表 divides by 全年预算数",
            zh: "填报的执行率为全年执行数 ÷ 年初预算数（{rate}）；自评表应以全年预算数为分母";
        /// How to correct a printed rate.
        HintCorrectRate =>
            en: "write 全年执行数 ÷ 全年预算数, or correct the funds figures",
            zh: "请按全年执行数 ÷ 全年预算数填写执行率，或更正资金数";
        /// A part the framework does not have.
        NoSuchPart { name: Name } =>
            en: "the report names a part {name} the framework does not have",
            zh: "报告提到的{name}不是框架中的部分";
        /// Label: a part the framework does not have.
        LabelUnknownPart =>
            en: "unknown part",
            zh: "未知部分";
        /// How to name parts.
        HintPartNames =>
            en: "use the framework's group or indicator names in `[claimed.parts]`",
            zh: "[claimed.parts] 中请使用框架的分组或指标名称";
        /// A part's score that differs.
        PartDiffers { name: Name, claimed: Exact, ours: Points } =>
            en: "{name}: the report gives {claimed} points, pfc computes {ours}",
            zh: "{name}：报告得分为 {claimed} 分，pfc 计算为 {ours} 分";
        /// A part and its score, in a list (the name unquoted: a list of
        /// names with their points reads plainly without).
        PartScore { name: Quote, score: Points } =>
            en: "{name} ({score} points)",
            zh: "{name}（{score} 分）";
        /// Parts the conclusion leaves out.
        PartsLeftOut { parts: Vec<Text>, listed: Exact } =>
            en: "the report's conclusion leaves out {parts}: the parts it lists add up to {listed}",
            zh: "报告结论遗漏了{parts}：所列各部分合计 {listed} 分";
        /// The same, with a total.
        PartsLeftOutTotal { parts: Vec<Text>, listed: Exact, total: Exact } =>
            en: "the report's conclusion leaves out {parts}: the parts it lists add up to {listed}, yet its total is {total}",
            zh: "报告结论遗漏了{parts}：所列各部分合计 {listed} 分，而总分写为 {total} 分";
        /// How to list the parts.
        HintListParts { sum: String } =>
            en: "list every part in the conclusion: {sum}",
            zh: "结论应列出每一部分的得分：{sum}";
        /// A total that differs.
        TotalDiffers { who: Box<Text>, claimed: Exact, ours: Points } =>
            en: "{who} gives a total of {claimed}, pfc computes {ours}",
            zh: "{who}总分为 {claimed} 分，pfc 计算为 {ours} 分";
        /// A total that seems to leave a part out.
        NoteTotalLeavesOut { part: Name, score: Points, rest: Points } =>
            en: "without {part} ({score} points) pfc's total is {rest}: the total seems to leave that part out",
            zh: "不计{part}（{score} 分）时 pfc 的总分为 {rest} 分：总分似乎未计入该部分";
        /// How to fix the total.
        HintCorrectTotal { place: Box<Text> } =>
            en: "correct the total in {place}, or check the rows whose scores differ",
            zh: "请更正{place}中的总分，或核对得分不一致的各行";
        /// A grade that differs.
        GradeDiffers { who: Box<Text>, claimed: Quote, ours: Quote } =>
            en: "{who} gives grade {claimed}, pfc computes {ours}",
            zh: "{who}评价等级为“{claimed}”，pfc 计算为“{ours}”";

        // Words of the 计分说明 (`Explanation`): pieces put between
        // formulas and figures, so they read in the reader's language.
        /// After a formula or answer that does not apply.
        ExplainNotApplicable =>
            en: ": does not apply",
            zh: "：不适用";
        /// `skip` in a formula.
        ExplainSkip =>
            en: "n/a",
            zh: "不适用";
        /// A `tiers` subject in no tier.
        ExplainNoTier =>
            en: " in no tier ⇒ ",
            zh: " 不在任何分档 ⇒ ";
        /// A deduction.
        ExplainDeduction { points: Exact, after: Points } =>
            en: " − {points} (deduction) = {after}",
            zh: " − {points}（扣分）= {after}";
        /// A share of a `renormalize` group's weight.
        ExplainShare { weight: String, applicable: Exact, raw: String, group: Exact, sign: &'static str, share: String } =>
            en: " → share {weight} of {applicable} applicable: {raw} × {group} ÷ {applicable} {sign} {share}",
            zh: " → 按适用项分配（{applicable} 分中占 {weight} 分）：{raw} × {group} ÷ {applicable} {sign} {share}";
        /// An answer and its share of the weight.
        ExplainAnswer { answer: String, share: Quantity, weight: Exact } =>
            en: "{answer}: {share} × {weight}",
            zh: "{answer}：{share} × {weight}";
        /// A qualitative band, its share and its points.
        ExplainBand { band: String, low: String, high: String, weight: Exact, from: Points, to: Points } =>
            en: "{band}: {low}%–{high}% × {weight} = {from}–{to}",
            zh: "{band}：{low}%–{high}% × {weight} = {from}–{to}";
        /// A band's upper end is not in it.
        ExplainExclusive =>
            en: " (exclusive)",
            zh: "（不含上限）";
        /// The evaluator gave the score.
        ExplainEvaluatorScore =>
            en: "; evaluator's score",
            zh: "；评价人给分";
        /// The score is the one the submitted table gives (its 得分).
        ExplainTableScore =>
            en: "; the submitted table's score",
            zh: "；按自评表所填得分";
        /// No score given: the band's upper end.
        ExplainUpperEnd =>
            en: "; no score given, so the band's upper end",
            zh: "；未给分，取该档上限";
        /// No score given: the band's middle.
        ExplainMiddle =>
            en: "; no score given, so the band's middle",
            zh: "；未给分，取该档中值";
        /// No score given: the band's lower end.
        ExplainLowerEnd =>
            en: "; no score given, so the band's lower end",
            zh: "；未给分，取该档下限";
    }
}
