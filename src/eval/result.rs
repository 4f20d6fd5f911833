//! The result of scoring one project: what `--format json` prints and what
//! the report context is built from. Decimals serialise as exact strings.
//!
//! Names are borrowed from the framework and the data (`'a`): a batch
//! scores every project with the same model, and copying each node's name
//! per project was a fifth of the allocations of scoring.

use crate::catalogue::eval::Eval;
use crate::catalogue::{Lang, Show};
use crate::diagnostic::{Diagnostic, Severity};
use crate::exact::Exact;
use serde::Serialize;

/// A score: its exact value, shown with the decimal places the framework
/// gives scores (`7.50`) when it has no more (`round … per-leaf`), and
/// exactly otherwise (`2.675`, `20/3` under `total-only` rounding).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Points {
    /// The exact value.
    pub value: Exact,
    /// The framework's decimal places for scores.
    pub places: u32,
}

impl Points {
    /// A score with `places` decimal places.
    pub fn new(value: Exact, places: u32) -> Points {
        Points { value, places }
    }
}

impl std::fmt::Display for Points {
    /// For people: `7.50`; a score with more places than the framework's
    /// (unrounded scopes) to two more places and at least four, `≈` when
    /// that is not exact.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.value.has_places(self.places) {
            f.write_str(&self.value.fixed(self.places))
        } else {
            match self.value.approx((self.places + 2).max(4)) {
                (shown, true) => f.write_str(&shown),
                (shown, false) => write!(f, "≈{shown}"),
            }
        }
    }
}

impl Serialize for Points {
    /// For machines: exact, `7.50`, `2.675` or `20/3`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.value.has_places(self.places) {
            s.serialize_str(&self.value.fixed(self.places))
        } else {
            s.collect_str(&self.value)
        }
    }
}

/// A project judged in part: not every part of its table could be scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partial {
    /// The points judged (the weights of the parts scored).
    pub judged: Exact,
    /// The points in all: judged and not (the framework's total when a
    /// part not judged has no known weight).
    pub of: Exact,
    /// The parts not judged, in table order.
    pub unjudged: Vec<Unjudged>,
}

/// A part of a table that could not be judged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unjudged {
    /// The row, indicator or group.
    pub name: String,
    /// Its weight, when the table or the framework gives one.
    pub weight: Option<Exact>,
}

/// One scored project.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation<'a> {
    /// Which framework scored it.
    pub framework: FrameworkInfo<'a>,
    /// The project.
    pub project: ProjectInfo<'a>,
    /// The total score, rounded as the framework declares.
    pub total: Points,
    /// The points the total is out of: the parts' weights as the table
    /// gives them (the framework's `total` for a table that follows it).
    pub out_of: Exact,
    /// When some parts of the table could not be judged (a row with no
    /// target, a group with no rows, a figure missing): which, and how
    /// many points were judged. The total is then the judged parts' and
    /// there is no grade.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partial: Option<Partial>,
    /// The grade, if the framework declares grades.
    pub grade: Option<&'a str>,
    /// When an override (`name when condition`) decided the grade rather
    /// than the points: why, and what the points alone would give.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade_override: Option<GradeOverride>,
    /// Scores of the top-level parts (一级指标), in order.
    pub parts: Vec<Part<'a>>,
    /// The funds block (项目资金): total row and rows by source.
    pub funds: Vec<FundRow<'a>>,
    /// Inputs and derived values, as used.
    pub figures: Vec<Figure>,
    /// Warnings found while scoring (errors stop the evaluation).
    pub warnings: Vec<Finding>,
    /// 年度总体目标: the expected and achieved goals, as the data writes them.
    pub goals: &'a crate::data::Goals,
    /// The report's free-text sections, as the data writes them.
    pub narrative: &'a crate::data::Narrative,
    /// The scored indicator tree.
    pub tree: Vec<ScoredNode<'a>>,
}

/// Why a grade override applied.
#[derive(Debug, Clone, Serialize)]
pub struct GradeOverride {
    /// The override's condition with the values it found, e.g.
    /// `measures_agreed (“Yes”) = “No” or baselines (“No”) = “No”`.
    pub condition: String,
    /// The grade the total alone gives, if any band takes it.
    pub by_points: Option<String>,
}

/// Framework metadata.
#[derive(Debug, Clone, Serialize)]
pub struct FrameworkInfo<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its title.
    pub title: Option<&'a str>,
    /// Its legal basis.
    pub basis: Option<&'a str>,
    /// Its total points.
    pub total: Exact,
    /// Decimal places of scores.
    pub places: u32,
    /// Rounding mode keyword.
    pub rounding: &'static str,
    /// Where rounding happens.
    pub rounding_scope: &'static str,
    /// The language of labels and report headings (`zh` or `en`).
    pub language: crate::check::model::Language,
    /// The fiscal years the framework covers, e.g. `2019..` or `2020..2021`.
    pub years: Option<Years>,
}

/// The fiscal years a framework covers: from, and up to if it says.
/// Serialised and shown as `2019..` or `2020..2021`; a batch makes one
/// per project, so it is not kept as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years(pub i64, pub Option<i64>);

impl std::fmt::Display for Years {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.1 {
            Some(to) => write!(f, "{}..{to}", self.0),
            None => write!(f, "{}..", self.0),
        }
    }
}

impl Serialize for Years {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Project metadata.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectInfo<'a> {
    /// 项目名称.
    pub name: &'a str,
    /// 主管部门.
    pub department: &'a str,
    /// 实施单位.
    pub unit: &'a str,
    /// Project code, if any.
    pub code: &'a str,
    /// Fiscal year.
    pub year: Option<i64>,
    /// The data file, or the spreadsheet the project was read from.
    pub source: &'a str,
    /// For a project read from a spreadsheet: its first and last rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<[u64; 2]>,
}

/// A top-level part's score.
#[derive(Debug, Clone, Serialize)]
pub struct Part<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its weight.
    pub weight: Exact,
    /// Its score.
    pub score: Points,
    /// Whether it was judged (`false` for a part not judged at all: the
    /// table gives none of its rows, or a figure it needs is missing).
    pub judged: bool,
}

/// A row of the funds block: its amounts, and the rate computed.
#[derive(Debug, Clone, Serialize)]
pub struct FundRow<'a> {
    /// `年度资金总额` or the source's name.
    pub name: &'a str,
    /// 年初预算数.
    pub initial: Option<Amount>,
    /// 全年预算数.
    pub budget: Option<Amount>,
    /// 全年执行数.
    pub executed: Option<Amount>,
    /// 执行率 = 全年执行数 ÷ 全年预算数, exact; serialised as a percentage
    /// with 2 decimals.
    #[serde(serialize_with = "percent")]
    pub rate: Option<Exact>,
}

/// An amount of the funds block: its value, and how a report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The amount in its unit (`87.65万元`), or the cell as written when
    /// it cannot be read; empty when only scores were evaluated.
    pub text: String,
    /// The amount, when the cell can be read.
    pub value: Option<crate::quantity::Quantity>,
}

impl Serialize for Amount {
    /// As shown: `87.65万元`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// An input or derived value.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// Its name in the framework.
    pub name: String,
    /// Its label, if declared.
    pub label: Option<String>,
    /// For display (percentages with 2 decimals, amounts as written).
    pub value: String,
    /// The exact value in display units (no unit).
    pub exact: String,
    /// The unit suffix.
    pub unit: String,
    /// The value, for re-checking what a report claims of it (`None` for
    /// text, yes/no and `skip`).
    #[serde(skip)]
    pub quantity: Option<crate::quantity::Quantity>,
}

/// A diagnostic found while scoring, as reports, `findings.csv` and the
/// JSON output show it.
///
/// It is the diagnostic itself, shown in a language when it is shown: in
/// JSON (`warnings`), in the language it was made for (the framework's),
/// with the catalogue entry and its typed arguments (`data`) and the place
/// as data (`place`) beside the texts, so that a program can show it in
/// another language or read its figures (docs/data.md).
#[derive(Debug, Clone)]
pub struct Finding {
    /// The diagnostic.
    pub diagnostic: Diagnostic,
    /// The language its texts are written in, in JSON.
    pub lang: Lang,
    /// `warning` or `error`.
    pub severity: Severity,
    /// Stable code.
    pub code: &'static str,
    /// Where (`file: field`), in English, with the line and column when a
    /// batch adds them (`caidian.toml:12:10: indicators[4].actual`), for
    /// `findings.csv`. Not in JSON, which has `place`.
    pub location: Option<String>,
}

impl Finding {
    /// The finding of a diagnostic, shown in `lang`.
    pub fn new(d: &Diagnostic, lang: Lang) -> Finding {
        Finding {
            diagnostic: d.clone(),
            lang,
            severity: d.severity,
            code: d.code.as_str(),
            location: d.place_text(Lang::En),
        }
    }

    /// The headline, in the finding's language.
    pub fn message(&self) -> String {
        self.diagnostic.headline(self.lang)
    }

    /// The hints, in the finding's language.
    pub fn hints(&self) -> Vec<String> {
        self.diagnostic.hint_texts(self.lang)
    }
}

impl From<&Diagnostic> for Finding {
    /// The finding of a diagnostic, shown in English.
    fn from(d: &Diagnostic) -> Self {
        Finding::new(d, Lang::En)
    }
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let d = &self.diagnostic;
        let mut out = s.serialize_struct("Finding", 7)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("code", self.code)?;
        out.serialize_field("message", &self.message())?;
        out.serialize_field("location", &d.place_text(self.lang))?;
        out.serialize_field("hints", &self.hints())?;
        out.serialize_field("data", &d.message)?;
        out.serialize_field("place", &d.place)?;
        out.end()
    }
}

/// The 计分说明 of a leaf: the formula with the values put in, its
/// rounding, and the few words between (`does not apply`, `(deduction)`,
/// a band's share). Formulas and figures read the same in every language;
/// the words are catalogue entries, so the explanation is a value, shown in
/// the language of whoever shows it ([`Explanation::render`]). In JSON it
/// is a string in the framework's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Explanation {
    /// The language of the JSON output and of `Display`.
    lang: Lang,
    pieces: Vec<Piece>,
}

/// A piece of an [`Explanation`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// Symbols, figures and names: `10 × min(86.54万元 ÷ 87.65万元, 100%)`.
    Formula(String),
    /// Words.
    Word(Eval),
}

impl Explanation {
    /// An empty explanation, to be shown in `lang` by default.
    pub fn new(lang: Lang) -> Explanation {
        Explanation {
            lang,
            pieces: Vec::new(),
        }
    }

    /// Add formula text.
    pub fn push(&mut self, text: &str) {
        match self.pieces.last_mut() {
            Some(Piece::Formula(f)) => f.push_str(text),
            _ => self.pieces.push(Piece::Formula(text.to_owned())),
        }
    }

    /// Add words.
    pub fn word(&mut self, word: Eval) {
        self.pieces.push(Piece::Word(word));
    }

    /// Whether there is nothing to show (scores evaluated without
    /// explanations).
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// Whether the explanation is just this formula text (`25`).
    pub(crate) fn is(&self, text: &str) -> bool {
        matches!(self.pieces.as_slice(), [Piece::Formula(f)] if f == text)
    }

    /// Whether the explanation ends with this formula text (`⇒ 25`).
    pub(crate) fn ends_with(&self, text: &str) -> bool {
        matches!(self.pieces.last(), Some(Piece::Formula(f)) if f.ends_with(text))
    }

    /// Whether the explanation ends with `skip`'s words (`⇒ n/a`).
    pub(crate) fn ends_in_skip(&self) -> bool {
        matches!(self.pieces.last(), Some(Piece::Word(Eval::ExplainSkip)))
    }

    /// The explanation in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.show(lang, &mut out);
        out
    }
}

impl Show for Explanation {
    fn show(&self, lang: Lang, out: &mut String) {
        for piece in &self.pieces {
            match piece {
                Piece::Formula(f) => out.push_str(f),
                Piece::Word(w) => out.push_str(&w.render(lang)),
            }
        }
    }
}

impl std::fmt::Display for Explanation {
    /// In the explanation's own language (the framework's).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(self.lang))
    }
}

impl Serialize for Explanation {
    /// As text, in the explanation's own language.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// What kind of node a scored node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKindView {
    /// A framework group.
    Group,
    /// A slot filled from the data.
    Slot,
    /// A framework-defined indicator.
    Indicator,
    /// An indicator row from the data.
    Row,
    /// A question answered in the data.
    Question,
}

/// A node of the scored tree.
#[derive(Debug, Clone, Serialize)]
pub struct ScoredNode<'a> {
    /// Its name.
    pub name: &'a str,
    /// Names from the top of the tree down to this node (empty when
    /// evaluated with [`Detail::Scores`](crate::eval::Detail::Scores)).
    pub path: Vec<&'a str>,
    /// For a data row: its index in the data's `indicators`.
    #[serde(skip)]
    pub row: Option<usize>,
    /// What it is.
    pub kind: NodeKindView,
    /// Depth: 1 for 一级.
    pub level: usize,
    /// Its weight (for slots: the sum of their rows).
    pub weight: Exact,
    /// Its score as counted in the total.
    pub score: Points,
    /// Children in order (empty for leaves).
    pub children: Vec<ScoredNode<'a>>,
    /// Leaf details (indicators and rows).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub leaf: Option<Leaf>,
}

/// Details of a scored leaf.
#[derive(Debug, Clone, Serialize)]
pub struct Leaf {
    /// 年度指标值, as written.
    pub target: String,
    /// 实际完成值, as written.
    pub actual: String,
    /// 完成率 = actual ÷ target, exact (a fraction: `1.0625` is 106.25%);
    /// serialised as a percentage with 2 decimals, e.g. `106.25%`.
    #[serde(serialize_with = "percent")]
    pub completion: Option<Exact>,
    /// For at-most targets: (target − actual) ÷ target, exact; serialised
    /// as a percentage with 2 decimals, e.g. `1.27%`.
    #[serde(serialize_with = "percent")]
    pub saving: Option<Exact>,
    /// `at-least`, `at-most`, `equals`, `qualitative` or `formula`.
    pub rule: &'static str,
    /// The formula with the values put in, and the rounding.
    pub explanation: Explanation,
    /// The score before rounding and deduction.
    pub raw_score: Exact,
    /// Whether the target was met (full marks before deduction).
    pub met: bool,
    /// `false` when the indicator does not apply (`skip`, an N/A answer):
    /// it scores nothing and, in a `renormalize` group, drops out.
    pub applicable: bool,
    /// The qualitative band, if any.
    pub band: Option<String>,
    /// Points deducted by the evaluator.
    pub deduction: Option<Exact>,
    /// Why.
    pub deduction_reason: Option<String>,
    /// 得分 as printed in the submitted table.
    pub claimed_score: Option<Exact>,
    /// 完成率 as printed in the submitted report.
    pub claimed_completion: Option<String>,
    /// The actual value of a framework indicator, for re-checking a
    /// printed one (the funds block's 执行率).
    #[serde(skip)]
    pub actual_value: Option<crate::quantity::Quantity>,
    /// 偏差原因分析及改进措施.
    pub reason: Option<String>,
}

/// A framework value as the report shows it: a percentage with 2 decimals
/// (fewer when it has fewer), anything else as written.
pub fn quantity_text(q: &crate::quantity::Quantity) -> String {
    if q.unit == crate::quantity::Unit::Percent && !q.display_max(2).1 {
        q.display_fixed(2)
    } else {
        q.to_string()
    }
}

/// A fraction as a percentage with 2 decimals (`1.0625` → `106.25%`).
pub fn percent_text(fraction: &Exact) -> String {
    let mut text = fraction.pow10(2).fixed(2);
    text.push('%');
    text
}

fn percent<S: serde::Serializer>(v: &Option<Exact>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(f) => s.serialize_str(&percent_text(f)),
        None => s.serialize_none(),
    }
}

impl Leaf {
    /// A leaf scored by `rule`: met when it applies and its score before
    /// rounding reaches the weight; no band, deduction, reason or claim yet.
    pub(crate) fn new(
        rule: &'static str,
        (target, actual): (String, String),
        explanation: Explanation,
        raw_score: Exact,
        weight: &Exact,
        applicable: bool,
    ) -> Leaf {
        Leaf {
            met: applicable && raw_score >= *weight,
            target,
            actual,
            completion: None,
            saving: None,
            rule,
            explanation,
            raw_score,
            applicable,
            band: None,
            deduction: None,
            deduction_reason: None,
            claimed_score: None,
            claimed_completion: None,
            actual_value: None,
            reason: None,
        }
    }
}

impl<'a> ScoredNode<'a> {
    /// Every node below and including this one, depth first.
    pub fn walk(&self) -> Vec<&ScoredNode<'a>> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}
