//! The syntax phase's messages: reading a framework's text (`syntax.rs`,
//! `syntax/error.rs`, `syntax/lower.rs`).
//!
//! A syntax error says what the grammar wanted where it stopped, as a list
//! of [`Wanted`] things ([`Wants`]): a keyword or punctuation mark as
//! written (`` `group` ``, “}”), or a kind of thing in words (a number,
//! 数字). The list is data until it is shown, so the Chinese joins it as
//! Chinese does (“数字、带引号的文本或“}””).

use super::{Lang, Name, Quote, Show, Text, catalogue};

/// One thing the grammar wanted where a framework stopped following it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Wanted {
    /// A keyword, punctuation or a few words of code, as written:
    /// `framework`, `{`, `allow deduction when`.
    Code(&'static str),
    /// The end of the file.
    EndOfFile,
    /// A framework id.
    FrameworkId,
    /// A rounding mode.
    RoundMode,
    /// Where to round.
    RoundScope,
    /// A grade.
    Grade,
    /// A type name.
    Type,
    /// A data field.
    DataPath,
    /// `warn` or `error`.
    Severity,
    /// A kind of target.
    TargetKind,
    /// A qualitative band.
    Band,
    /// Which end of a band.
    BandPick,
    /// A value or formula.
    Value,
    /// An operator.
    Operator,
    /// A percentage.
    Percentage,
    /// A unit.
    Unit,
    /// A number.
    Number,
    /// A quoted text, with an example.
    QuotedText,
    /// A quoted text (its opening quote).
    Quote,
    /// A name.
    Name,
    /// A language code.
    LangCode,
    /// A path of names in the tree.
    NodePath,
    /// An answer scale's name.
    ScaleName,
    /// An answer of a scale.
    Answer,
    /// A tier.
    Tier,
    /// A comparison in a tier.
    Comparison,
    /// A text in triple quotes.
    TripleQuoted,
    /// A diagnostic code.
    DiagCode,
    /// A statement (several statement keywords at once).
    Statement,
    /// Nothing the parser could name.
    SomethingElse,
}

impl Wanted {
    /// The words for a kind of thing; `None` for code, shown as written.
    pub fn words(self) -> Option<Syntax> {
        Some(match self {
            Wanted::Code(_) => return None,
            Wanted::EndOfFile => Syntax::WantEndOfFile,
            Wanted::FrameworkId => Syntax::WantFrameworkId,
            Wanted::RoundMode => Syntax::WantRoundMode,
            Wanted::RoundScope => Syntax::WantRoundScope,
            Wanted::Grade => Syntax::WantGrade,
            Wanted::Type => Syntax::WantType,
            Wanted::DataPath => Syntax::WantDataPath,
            Wanted::Severity => Syntax::WantSeverity,
            Wanted::TargetKind => Syntax::WantTargetKind,
            Wanted::Band => Syntax::WantBand,
            Wanted::BandPick => Syntax::WantBandPick,
            Wanted::Value => Syntax::WantValue,
            Wanted::Operator => Syntax::WantOperator,
            Wanted::Percentage => Syntax::WantPercentage,
            Wanted::Unit => Syntax::WantUnit,
            Wanted::Number => Syntax::WantNumber,
            Wanted::QuotedText => Syntax::WantQuotedText,
            Wanted::Quote => Syntax::WantQuote,
            Wanted::Name => Syntax::WantName,
            Wanted::LangCode => Syntax::WantLangCode,
            Wanted::NodePath => Syntax::WantNodePath,
            Wanted::ScaleName => Syntax::WantScaleName,
            Wanted::Answer => Syntax::WantAnswer,
            Wanted::Tier => Syntax::WantTier,
            Wanted::Comparison => Syntax::WantComparison,
            Wanted::TripleQuoted => Syntax::WantTripleQuoted,
            Wanted::DiagCode => Syntax::WantDiagCode,
            Wanted::Statement => Syntax::WantStatement,
            Wanted::SomethingElse => Syntax::WantSomethingElse,
        })
    }
}

impl Show for Wanted {
    fn show(&self, lang: Lang, out: &mut String) {
        match (self, self.words()) {
            (Wanted::Code(code), _) => Name::new(*code).show(lang, out),
            (_, Some(words)) => out.push_str(&words.render(lang)),
            (_, None) => {}
        }
    }
}

/// What the grammar wanted, as alternatives: “a number, a name or `}`”,
/// “数字、名称或“}””.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Wants(pub Vec<Wanted>);

impl Show for Wants {
    fn show(&self, lang: Lang, out: &mut String) {
        let n = self.0.len();
        for (i, w) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == n {
                    lang.pick("或", " or ")
                } else {
                    lang.pick("、", ", ")
                });
            }
            w.show(lang, out);
        }
    }
}

catalogue! {
    /// Messages of the syntax phase.
    Syntax {
        // The framework file.
        /// A framework file with nothing in it.
        EmptyFramework { file: Name } =>
            en: "{file} is empty",
            zh: "{file}是空文件";
        /// Where the framework should be.
        LabelNoFramework =>
            en: "no framework here",
            zh: "此处没有评价框架";
        /// How a framework starts.
        HintStartFramework =>
            en: "a framework starts with `framework <id> \"<title>\" {{` — see docs/language.md",
            zh: "评价框架以“framework <标识> \"<标题>\" {{”开头，详见 docs/language.md";

        // Syntax errors (`syntax/error.rs`).
        /// The file ends inside a block.
        ExpectedCloseAtEnd { header: Name } =>
            en: "expected `}}` to close {header}, found the end of the file",
            zh: "{header}缺少结尾的“}}”，文件就已结束";
        /// Where the file ends.
        LabelFileEndsHere =>
            en: "the file ends here",
            zh: "文件在此结束";
        /// The `{` without its `}`.
        LabelBraceNotClosed =>
            en: "this `{{` is not closed",
            zh: "此“{{”没有对应的“}}”";
        /// Close the outermost block.
        HintCloseAtEnd =>
            en: "add a `}}` at the end of the file",
            zh: "请在文件末尾加上“}}”";
        /// Close an inner block.
        HintCloseWhere { header: Name } =>
            en: "add a `}}` where {header} should end",
            zh: "请在{header}应结束处加上“}}”";
        /// A statement found where a block should have been closed.
        ExpectedCloseFound { header: Name, found: Name } =>
            en: "expected `}}` to close {header}, found {found}",
            zh: "{header}缺少结尾的“}}”，却遇到了{found}";
        /// A statement that cannot be written inside a block.
        CannotBeInside { word: Name, block: Name } =>
            en: "{word} cannot be inside the {block} block",
            zh: "{word}不能写在{block}块内";
        /// Close the block before the statement.
        HintCloseBeforeLine { header: Name, line: usize } =>
            en: "add a `}}` to close {header} before line {line}",
            zh: "请在第 {line} 行之前加上“}}”，结束{header}";
        /// The statement that is not allowed.
        LabelNotAllowedIn { block: Name } =>
            en: "not allowed in the {block} block",
            zh: "不能写在{block}块内";
        /// The block it is in.
        LabelInsideThis { block: Name } =>
            en: "inside this {block}",
            zh: "位于此{block}块内";
        /// Move the statement out; what the block may hold.
        HintMoveOut { word: Name, block: Name, holds: Box<Text> } =>
            en: "move {word} out of the {block} block: it holds {holds}",
            zh: "请将{word}移出{block}块：{block}块内只能写{holds}";
        /// What a `group` holds.
        HoldsGroup =>
            en: "`group`, `indicator` and `slot`",
            zh: "“group”、“indicator”和“slot”";
        /// What an `indicator` holds.
        HoldsIndicator =>
            en: "`target`, `actual`, `score` and `require`",
            zh: "“target”、“actual”、“score”和“require”";
        /// What a `slot` holds.
        HoldsSlot =>
            en: "only `scoring` rules",
            zh: "“scoring”计分规则";
        /// What a `scoring` rule holds.
        HoldsScoring =>
            en: "`score`, `require` and `allow deduction when`, or bands",
            zh: "“score”、“require”和“allow deduction when”，或定性档次";
        /// What `grades` holds.
        HoldsGrades =>
            en: "only grades such as `优 >= 90`",
            zh: "“优 >= 90”这样的等级";
        /// `优 = 90` in `grades`.
        GradeWithEquals =>
            en: "expected `>=` in a grade, found `=`",
            zh: "等级门槛应写“>=”，而不是“=”";
        /// Where `>=` goes.
        LabelWriteGe =>
            en: "write `>=` here",
            zh: "此处应写“>=”";
        /// How a grade is written.
        HintGradeThreshold =>
            en: "write grade thresholds as `优 >= 90`: the lowest total that earns the grade",
            zh: "等级门槛写作“优 >= 90”，即获得该等级所需的最低总分";
        /// `=` where `==` was meant.
        AssignNotComparison =>
            en: "`=` is not a comparison",
            zh: "“=”不是比较运算符";
        /// Where `==` goes.
        LabelWriteEq =>
            en: "write `==` here",
            zh: "此处应写“==”";
        /// How to compare.
        HintWriteEq =>
            en: "to compare for equality write `==`, e.g. `if actual == target then …`",
            zh: "判断是否相等请写“==”，例如“if actual == target then …”";
        /// `score = …`: a statement takes no `=`.
        ExpectedAfterNotEquals { expected: Wants, keyword: Name } =>
            en: "expected {expected} after {keyword}, found `=`",
            zh: "{keyword}之后应为{expected}，而不是“=”";
        /// The `=` to remove.
        LabelRemoveEquals =>
            en: "remove this `=`",
            zh: "请删去此“=”";
        /// How to write it instead.
        HintWrite { code: Name } =>
            en: "write {code}",
            zh: "请写作{code}";
        /// Text after the framework's closing `}`.
        ExtraClose { found: Name } =>
            en: "a `}}` too many: the framework ends before {found}",
            zh: "多了一个“}}”：评价框架在{found}之前就已结束";
        /// The `}` that closes the framework.
        LabelClosesFramework =>
            en: "this `}}` closes the framework",
            zh: "此“}}”结束了评价框架";
        /// What is outside.
        LabelOutsideFramework =>
            en: "so this is outside it",
            zh: "因此这里已在评价框架之外";
        /// Remove the extra `}`.
        HintRemoveExtraClose =>
            en: "remove the extra `}}`; everything belongs inside `framework … {{ }}`",
            zh: "请删去多余的“}}”：所有内容都应写在“framework … {{ }}”之内";
        /// Something missing at the end of a line.
        ExpectedAfter { expected: Wants, context: Name } =>
            en: "expected {expected} after {context}",
            zh: "{context}之后应为{expected}";
        /// The end of the line that lacks it.
        LabelExpectedAfterThis { expected: Wants } =>
            en: "expected {expected} after this",
            zh: "此处之后应为{expected}";
        /// A `{` missing at the end of a line.
        HintOpenAtLineEnd { code: Name } =>
            en: "add `{{` at the end of the line: {code}",
            zh: "请在行末加上“{{”：{code}";
        /// Something else than the grammar wanted.
        ExpectedFound { expected: Wants, found: Name } =>
            en: "expected {expected}, found {found}",
            zh: "此处应为{expected}，实际为{found}";
        /// The file ends where the grammar wanted more.
        ExpectedFoundEnd { expected: Wants } =>
            en: "expected {expected}, found the end of the file",
            zh: "此处应为{expected}，但文件已经结束";
        /// What the grammar wanted here.
        LabelExpected { expected: Wants } =>
            en: "expected {expected}",
            zh: "此处应为{expected}";

        // Things the grammar wants (`Wanted`).
        /// The end of the file.
        WantEndOfFile =>
            en: "end of file",
            zh: "文件末尾";
        /// A framework id.
        WantFrameworkId =>
            en: "a framework id such as `cn-self-eval-2020`",
            zh: "框架标识（如“cn-self-eval-2020”）";
        /// A rounding mode.
        WantRoundMode =>
            en: "a rounding mode (`half-up`, `half-even`, `down`, `up`)",
            zh: "舍入方式（“half-up”、“half-even”、“down”或“up”）";
        /// Where to round.
        WantRoundScope =>
            en: "where to round (`per-leaf`, `per-group`, `total-only`)",
            zh: "舍入层级（“per-leaf”、“per-group”或“total-only”）";
        /// A grade.
        WantGrade =>
            en: "a grade such as `优 >= 90`",
            zh: "等级（如“优 >= 90”）";
        /// A type.
        WantType =>
            en: "a type (`money`, `percent`, `number`, `count`, `text`, `level(…)`)",
            zh: "类型（“money”、“percent”、“number”、“count”、“text”或“level(…)”）";
        /// A data field.
        WantDataPath =>
            en: "a data field such as `funds.budget`",
            zh: "数据字段（如“funds.budget”）";
        /// `warn` or `error`.
        WantSeverity =>
            en: "`warn` or `error`",
            zh: "“warn”或“error”";
        /// A kind of target.
        WantTargetKind =>
            en: "a kind of target (`at-least`, `at-most`, `equals`, `qualitative`)",
            zh: "指标值类型（“at-least”、“at-most”、“equals”或“qualitative”）";
        /// A qualitative band.
        WantBand =>
            en: "a band such as `达成 80%..100%`",
            zh: "档次（如“达成 80%..100%”）";
        /// Which end of a band.
        WantBandPick =>
            en: "`upper`, `middle` or `lower`",
            zh: "“upper”、“middle”或“lower”";
        /// A value or formula.
        WantValue =>
            en: "a value or formula",
            zh: "数值或公式";
        /// An operator.
        WantOperator =>
            en: "an operator",
            zh: "运算符";
        /// A percentage.
        WantPercentage =>
            en: "a percentage such as `80%`",
            zh: "百分数（如“80%”）";
        /// A unit.
        WantUnit =>
            en: "a unit",
            zh: "单位";
        /// A number.
        WantNumber =>
            en: "a number",
            zh: "数字";
        /// A quoted text, with an example.
        WantQuotedText =>
            en: "a quoted text such as `\"…\"`",
            zh: "带引号的文本（如 \"…\"）";
        /// A quoted text.
        WantQuote =>
            en: "a quoted text",
            zh: "带引号的文本";
        /// A name.
        WantName =>
            en: "a name",
            zh: "名称";
        /// A language code.
        WantLangCode =>
            en: "a language code (`zh` or `en`)",
            zh: "语言代码（“zh”或“en”）";
        /// A path in the tree.
        WantNodePath =>
            en: "a path such as `产出指标/数量指标`",
            zh: "路径（如“产出指标/数量指标”）";
        /// An answer scale's name.
        WantScaleName =>
            en: "an answer scale name such as `yes-no`",
            zh: "答案量表名称（如“yes-no”）";
        /// An answer.
        WantAnswer =>
            en: "an answer such as `\"Yes\" 100%`",
            zh: "答案（如 \"是\" 100%）";
        /// A tier.
        WantTier =>
            en: "a tier such as `<= 10% => 4`",
            zh: "分段（如“<= 10% => 4”）";
        /// A comparison.
        WantComparison =>
            en: "a comparison (`<=`, `<`, `>=`, `>`, `==`)",
            zh: "比较符（“<=”、“<”、“>=”、“>”或“==”）";
        /// A text in triple quotes.
        WantTripleQuoted =>
            en: "a text in triple quotes `\"\"\"…\"\"\"`",
            zh: "三引号文本（\"\"\"…\"\"\"）";
        /// A diagnostic code.
        WantDiagCode =>
            en: "a diagnostic code such as `PF3009`",
            zh: "诊断代码（如“PF3009”）";
        /// A statement.
        WantStatement =>
            en: "a statement (such as `group`, `indicator`, `input` or `scoring`)",
            zh: "语句（如“group”、“indicator”、“input”或“scoring”）";
        /// Nothing the parser could name.
        WantSomethingElse =>
            en: "something else",
            zh: "其他内容";

        // Values the grammar accepts but pfc cannot use (`syntax/lower.rs`).
        /// A number with too many decimals.
        TooManyDecimals { number: Name, decimals: usize, max: usize } =>
            en: "the number {number} has {decimals} decimals; numbers may have at most {max}",
            zh: "数字{number}有 {decimals} 位小数，最多只能有 {max} 位";
        /// A number too large.
        NumberTooLarge { number: Name, max: usize } =>
            en: "the number {number} is too large; numbers must stay below 10^{max}",
            zh: "数字{number}过大，须小于 10^{max}";
        /// The number out of range.
        LabelOutOfRange =>
            en: "out of range",
            zh: "超出范围";
        /// How many digits a number may have.
        HintDigits { max: usize } =>
            en: "write at most {max} digits before the point and {max} after it",
            zh: "整数部分和小数部分请各写不超过 {max} 位";
        /// `round` with more places than pfc rounds to.
        RoundPlaces { places: Quote } =>
            en: "cannot round to {places} decimal places",
            zh: "无法保留 {places} 位小数";
        /// The places of `round`.
        LabelZeroToTen =>
            en: "expected 0 to 10",
            zh: "应为 0 到 10";
        /// How scores are usually rounded.
        HintRoundTwo =>
            en: "scores are usually rounded to 2 decimal places: `round 2`",
            zh: "得分通常保留 2 位小数：“round 2”";
        /// A unit pfc does not know.
        UnknownUnit { unit: Name } =>
            en: "{unit} is not a unit pfc knows",
            zh: "pfc 不认识单位{unit}";
        /// The unknown unit.
        LabelUnknownUnit =>
            en: "unknown unit",
            zh: "未知单位";
        /// The units pfc knows.
        HintUnits =>
            en: "units are `%`, `元`, `千元`, `万元`, `亿元` or a short counting word such as `个`",
            zh: "可用的单位有“%”、“元”、“千元”、“万元”、“亿元”，以及“个”这样的量词";
        /// A year out of range.
        NotAYear { year: Name } =>
            en: "{year} is not a year",
            zh: "{year}不是年份";
        /// What a year looks like.
        LabelYear =>
            en: "expected a year such as 2020",
            zh: "应为年份，如 2020";
    }
}
