//! The one diagnostic type every phase produces.
//!
//! Phases build [`Diagnostic`] values; only `render.rs` turns them into text.
//! Message style: lowercase, no trailing period, names in backticks. Hints are
//! separate and start with "try …", "use …" or "did you mean `x`?".

use crate::catalogue::{Lang, Text};
use crate::place::Place;
use crate::span::Span;
use serde::Serialize;

/// How bad a diagnostic is. Errors make the command fail; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// An assumption pfc made to read a table as submitted (a synonym, a
    /// direction, a denominator), said so that nothing is guessed silently;
    /// shown, changes nothing.
    Note,
    /// Shown, does not change the exit code.
    Warning,
    /// The command fails with exit code 1.
    Error,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $name:ident = $code:literal, $title:literal, $title_zh:literal; )*) => {
        /// Stable diagnostic codes. Each is listed with an example in
        /// `docs/diagnostics.md`; a test keeps that list complete.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[$doc])* $name, )*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$name),*];

            /// The code as printed, e.g. `PF2005`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            /// A one-line title, as listed in `docs/diagnostics.md`.
            pub fn title(self) -> &'static str {
                match self { $(Code::$name => $title,)* }
            }

            /// The title in Chinese, as listed beside it.
            pub fn title_zh(self) -> &'static str {
                match self { $(Code::$name => $title_zh,)* }
            }
        }
    };
}

codes! {
    /// A file could not be read.
    FileUnreadable = "PF0001", "file cannot be read", "文件无法读取";
    /// A file is not UTF-8.
    NotUtf8 = "PF0002", "file is not UTF-8", "文件不是 UTF-8 编码";
    /// A framework or data file is empty.
    EmptyFile = "PF0003", "file is empty", "文件为空";
    /// A framework named on the command line does not exist.
    FrameworkNotFound = "PF0004", "framework not found", "找不到评价框架";
    /// `--project` names a project the input does not have.
    NoSuchProject = "PF0005", "no such project", "没有该项目";
    /// A folder batch's folder holds projects it does not read.
    NotRead = "PF0006", "projects in a folder not read", "文件夹中有未读取的项目";
    /// The framework text does not follow the grammar.
    Syntax = "PF1001", "syntax error", "语法错误";
    /// A number literal is out of range.
    BadNumber = "PF1002", "number out of range", "数字超出范围";
    /// A name is declared twice.
    DuplicateName = "PF2001", "duplicate name", "名称重复";
    /// A name is used but never declared.
    UnknownName = "PF2002", "unknown name", "未知名称";
    /// A function that does not exist is called.
    UnknownFunction = "PF2003", "unknown function", "未知函数";
    /// A function is called with the wrong number of arguments.
    Arity = "PF2004", "wrong number of arguments", "参数个数不对";
    /// Children weights do not add up to their group's weight.
    WeightSum = "PF2005", "weights do not add up", "分值合计不符";
    /// Top-level weights do not add up to the declared total.
    TotalMismatch = "PF2006", "weights do not add up to the total", "分值合计与总分不符";
    /// Two grade bands overlap.
    GradeOverlap = "PF2007", "grade bands overlap", "评价等级区间重叠";
    /// Some scores would get no grade.
    GradeGap = "PF2008", "grade bands leave a gap", "评价等级区间有缺口";
    /// Quantities with incompatible units are combined.
    UnitMismatch = "PF2009", "unit mismatch", "单位不一致";
    /// A value of the wrong kind is used (e.g. a yes/no where a number is needed).
    TypeMismatch = "PF2010", "type mismatch", "类型不符";
    /// A scoring formula can give more than the weight or less than 0.
    ScoreRange = "PF2011", "score can leave the range 0..weight", "得分可能超出 0 至分值的范围";
    /// Division by a literal zero.
    DivisionByZero = "PF2012", "division by zero", "除数为零";
    /// A setting is declared twice.
    DuplicateSetting = "PF2013", "setting declared twice", "设置重复声明";
    /// A framework indicator has no score formula.
    MissingScore = "PF2014", "indicator without a score", "指标没有计分公式";
    /// Qualitative bands overlap, leave a gap or leave 0%..100%.
    BandRange = "PF2015", "qualitative bands are inconsistent", "定性指标档次不一致";
    /// Slots exist but a kind of target has no scoring rule.
    MissingRule = "PF2016", "no scoring rule for a kind of target", "某类指标值没有计分规则";
    /// `weight`, `target`, `actual` or `score` used outside an indicator.
    NoIndicatorHere = "PF2017", "indicator value used outside an indicator", "在指标之外使用指标值";
    /// A grade threshold is above the framework's total.
    GradeAboveTotal = "PF2018", "grade threshold above the total", "评价等级下限高于总分";
    /// An input reads from a data field that does not exist.
    BadDataPath = "PF2020", "unknown data field", "未知数据字段";
    /// The framework declares no total, grades or tree.
    MissingPart = "PF2021", "framework is missing a part", "评价框架缺少组成部分";
    /// A framework that extends another changes it in a way that cannot work.
    Extension = "PF2022", "bad extension", "扩展框架有误";
    /// A framework test names data that cannot be read.
    TestData = "PF2023", "test data missing", "测试数据缺失";
    /// `language` names a language pfc has no reports in.
    UnknownLanguage = "PF2024", "unknown report language", "未知的报告语言";
    /// A data file is not valid TOML or JSON.
    DataSyntax = "PF3001", "data file syntax error", "数据文件语法错误";
    /// A data file has a field of the wrong shape, or an unknown field.
    DataShape = "PF3002", "data file field error", "数据文件字段错误";
    /// A required input has no value in the data.
    MissingInput = "PF3003", "missing input", "缺少输入项";
    /// An indicator row names a group path that is not a slot.
    UnknownSlot = "PF3004", "indicator in an unknown group", "指标所在分组不在框架中";
    /// The rows of a group do not add up to the group's weight.
    RowWeightSum = "PF3005", "indicator weights do not add up", "指标分值合计不符";
    /// A target or actual value cannot be read.
    BadNotation = "PF3006", "unreadable value", "数值无法读取";
    /// Target and actual (or an input) have incompatible units.
    DataUnitMismatch = "PF3007", "unit mismatch in data", "数据单位不一致";
    /// A qualitative score is outside its band.
    OutsideBand = "PF3008", "score outside its band", "得分超出所在档次";
    /// A score printed in the submitted table differs from pfc's.
    ClaimDiffers = "PF3009", "claimed figure differs", "填报数字与计算结果不符";
    /// A qualitative actual value is not a band of the framework.
    UnknownLevel = "PF3010", "unknown completion level", "未知的完成等级";
    /// An input value has the wrong type.
    InputType = "PF3011", "input has the wrong type", "输入项类型不符";
    /// A manual deduction where the framework does not allow one.
    DeductionNotAllowed = "PF3012", "deduction not allowed", "不允许扣分";
    /// A manual deduction without a reason.
    DeductionReason = "PF3013", "deduction without a reason", "扣分未说明理由";
    /// A row's kind of target has no scoring rule.
    NoRule = "PF3014", "no scoring rule for this target", "该指标值没有计分规则";
    /// The data names another framework.
    OtherFramework = "PF3015", "data is for another framework", "数据适用于其他评价框架";
    /// An actual value without a unit was read in the target's unit.
    UnitAssumed = "PF3016", "unit taken from the target", "完成值单位取自指标值";
    /// Two indicator rows have the same name in the same group.
    DuplicateRow = "PF3017", "duplicate indicator row", "指标行重复";
    /// An indicator was not met and no reason is given.
    MissingReason = "PF3018", "unmet indicator without a reason", "未完成指标未说明偏差原因";
    /// The project's year is outside the framework's period.
    OutOfPeriod = "PF3019", "year outside the framework's period", "评价年度不在框架适用期内";
    /// A question has no answer, or an answer not on its scale.
    BadAnswer = "PF3020", "missing or unknown answer", "缺少答案或答案未知";
    /// A rated indicator has no rating in the data.
    MissingRating = "PF3021", "missing rating", "缺少评定等级";
    /// Nothing in a `renormalize` group applies, so it scores 0.
    NothingApplies = "PF3022", "nothing in a group applies", "分组中各项均不适用";
    /// The sources of the funds block do not add up to its total row.
    FundsDoNotAddUp = "PF3023", "funds by source do not add up", "分来源资金合计不符";
    /// A framework `require … else error` failed.
    RequireError = "PF4001", "framework check failed", "未通过框架检查";
    /// A framework `require … else warn` failed.
    RequireWarn = "PF4002", "framework check warning", "框架检查提示";
    /// Division by zero while scoring.
    RuntimeDivision = "PF4003", "division by zero while scoring", "计分时除数为零";
    /// Incompatible units met while scoring.
    RuntimeUnit = "PF4004", "unit mismatch while scoring", "计分时单位不一致";
    /// A value of the wrong kind met while scoring.
    RuntimeType = "PF4005", "type mismatch while scoring", "计分时类型不符";
    /// A report template failed.
    Template = "PF5001", "report template error", "报告模板错误";
    /// The output file could not be written.
    OutputWrite = "PF5002", "output cannot be written", "输出无法写入";
}

/// A label pointing at source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// What is pointed at.
    pub span: Span,
    /// What to say there (may be empty).
    pub message: Text,
    /// The primary label says what is wrong; secondary ones give context.
    pub primary: bool,
}

/// One message for the user. Boxed so that `Result<T, Diagnostic>` stays
/// small on paths that succeed; fields are reached through `Deref`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Diagnostic(Box<DiagnosticData>);

impl std::ops::Deref for Diagnostic {
    type Target = DiagnosticData;
    fn deref(&self) -> &DiagnosticData {
        &self.0
    }
}

impl std::ops::DerefMut for Diagnostic {
    fn deref_mut(&mut self) -> &mut DiagnosticData {
        &mut self.0
    }
}

/// The contents of a [`Diagnostic`]: a stable code, a message of the
/// catalogue with its typed arguments, and where — spans of source text
/// (`labels`) and a [`Place`] in a data file or spreadsheet. It is words
/// only when [`render`](crate::render) shows it, in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiagnosticData {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code.
    #[serde(serialize_with = "code_str")]
    pub code: Code,
    /// The headline.
    pub message: Text,
    /// Where in the source, if anywhere.
    pub labels: Vec<Label>,
    /// Where in a data file or spreadsheet, if the finding is about one.
    pub place: Option<Place>,
    /// How to fix it.
    pub hints: Vec<Text>,
    /// Extra facts that are not instructions.
    pub notes: Vec<Text>,
}

fn code_str<S: serde::Serializer>(code: &Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.as_str())
}

impl Diagnostic {
    /// A new error.
    pub fn error(code: Code, message: impl Into<Text>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    /// A new warning.
    pub fn warning(code: Code, message: impl Into<Text>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    /// A new note: an assumption pfc made, said.
    pub fn note(code: Code, message: impl Into<Text>) -> Self {
        Self::new(Severity::Note, code, message)
    }

    fn new(severity: Severity, code: Code, message: impl Into<Text>) -> Self {
        Diagnostic(Box::new(DiagnosticData {
            severity,
            code,
            message: message.into(),
            labels: Vec::new(),
            place: None,
            hints: Vec::new(),
            notes: Vec::new(),
        }))
    }

    /// Point at what is wrong.
    #[must_use]
    pub fn with_primary(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    /// Point at related source.
    #[must_use]
    pub fn with_secondary(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Point at a primary span when one is known.
    #[must_use]
    pub fn with_primary_opt(self, span: Option<Span>, message: impl Into<Text>) -> Self {
        match span {
            Some(span) => self.with_primary(span, message),
            None => self,
        }
    }

    /// Say where, in a data file or spreadsheet.
    #[must_use]
    pub fn with_place(mut self, place: Place) -> Self {
        self.place = Some(place);
        self
    }

    /// Say how to fix it.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<Text>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Add a fact.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<Text>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Whether this diagnostic makes the command fail.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The headline in `lang`.
    pub fn headline(&self, lang: Lang) -> String {
        self.message.render(lang)
    }

    /// The hints in `lang`.
    pub fn hint_texts(&self, lang: Lang) -> Vec<String> {
        self.hints.iter().map(|h| h.render(lang)).collect()
    }

    /// The notes in `lang`.
    pub fn note_texts(&self, lang: Lang) -> Vec<String> {
        self.notes.iter().map(|n| n.render(lang)).collect()
    }

    /// Where, in `lang`, if the diagnostic has a place.
    pub fn place_text(&self, lang: Lang) -> Option<String> {
        self.place.as_ref().map(|p| p.render_at(lang, None))
    }
}

#[cfg(test)]
impl Diagnostic {
    /// The headline in English, for tests.
    pub(crate) fn en(&self) -> String {
        self.headline(Lang::En)
    }

    /// The hints in English, for tests.
    pub(crate) fn hints_en(&self) -> Vec<String> {
        self.hint_texts(Lang::En)
    }

    /// The notes in English, for tests.
    pub(crate) fn notes_en(&self) -> Vec<String> {
        self.note_texts(Lang::En)
    }

    /// The place in English, for tests.
    pub(crate) fn location_en(&self) -> Option<String> {
        self.place_text(Lang::En)
    }
}

/// Whether any diagnostic in the list is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}
