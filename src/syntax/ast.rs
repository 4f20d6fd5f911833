//! The untyped syntax tree of a `.pf` framework.
//!
//! The tree mirrors what was written, in order, including repeated settings:
//! deciding that a second `total` is an error is the checker's job. Every
//! node carries the span of its source text.

use crate::diagnostic::Severity;
use crate::exact::Exact;
use crate::quantity::{RoundMode, Unit};
use crate::span::{Span, Spanned};

/// A whole framework file.
#[derive(Debug, Clone)]
pub struct Framework {
    /// `framework <id>`.
    pub id: Spanned<String>,
    /// The optional title string after the id.
    pub title: Option<Spanned<String>>,
    /// `extends <id>`: the framework this one changes.
    pub extends: Option<Spanned<String>>,
    /// Everything between the braces, in order.
    pub items: Vec<Item>,
    /// The whole declaration.
    pub span: Span,
}

/// A statement at framework level.
#[derive(Debug, Clone)]
pub enum Item {
    /// `basis "…"`: the legal basis.
    Basis(Spanned<String>),
    /// `total 100`.
    Total(Spanned<Exact>),
    /// `round 2 half-up per-leaf`.
    Rounding(Rounding),
    /// `grades { … }`.
    Grades(Grades),
    /// `input name: type …`.
    Input(Input),
    /// `let name = expr`.
    Let(Let),
    /// `require cond else warn "…"`.
    Require(Require),
    /// A group, indicator or slot at the top of the tree.
    Node(Node),
    /// `scoring at-least { … }` and friends.
    Scoring(Scoring),
    /// `answers yes-no { "Yes" 100%; "N/A" skip }`.
    Answers(AnswerScale),
    /// `years 2020..2021`.
    Period(Period),
    /// `language en`.
    Language(Spanned<String>),
    /// `reweight 产出指标 40` (in a framework that extends another).
    Reweight(NodePath, Spanned<Exact>),
    /// `remove 效益指标/生态效益指标`.
    Remove(NodePath),
    /// `within 产出指标 { … }`: add or replace nodes inside a group.
    Within(NodePath, Vec<Node>, Span),
    /// `test "…" { data …; expect … }`.
    Test(TestDecl),
}

/// A path of node names, `产出指标/成本指标`.
pub type NodePath = Spanned<Vec<String>>;

/// `years 2020..2021`: the fiscal years a framework is in force.
#[derive(Debug, Clone)]
pub struct Period {
    /// First year.
    pub from: Spanned<i64>,
    /// Last year, `None` for open-ended.
    pub to: Option<Spanned<i64>>,
    /// The statement.
    pub span: Span,
}

/// A named answer scale for questions.
#[derive(Debug, Clone)]
pub struct AnswerScale {
    /// Its name (`yes-no`).
    pub name: Spanned<String>,
    /// Answers and their share of the weight; `None` = not applicable.
    pub answers: Vec<(Spanned<String>, Option<Spanned<Exact>>)>,
    /// The declaration.
    pub span: Span,
}

/// A question whose answer comes from the data's `[answers]` table.
#[derive(Debug, Clone)]
pub struct Question {
    /// Its id (`"1.1"`), the key in `[answers]`.
    pub id: Spanned<String>,
    /// The question's text.
    pub text: Option<Spanned<String>>,
    /// The answer scale's name.
    pub scale: Spanned<String>,
    /// A relative weight; equal shares when absent.
    pub weight: Option<Spanned<Exact>>,
    /// The declaration.
    pub span: Span,
}

/// `test "name" { data …; expect … }`.
#[derive(Debug, Clone)]
pub struct TestDecl {
    /// The test's name.
    pub name: Spanned<String>,
    /// The project data.
    pub data: Option<TestData>,
    /// What must come out.
    pub expects: Vec<Expect>,
    /// The block.
    pub span: Span,
}

/// Where a test's data is.
#[derive(Debug, Clone)]
pub enum TestData {
    /// A file, relative to the framework's folder.
    File(Spanned<String>),
    /// TOML written in the test.
    Inline(Spanned<String>),
}

/// One expectation of a test.
#[derive(Debug, Clone)]
pub struct Expect {
    /// What is expected.
    pub kind: ExpectKind,
    /// The statement.
    pub span: Span,
}

/// The kinds of expectation.
#[derive(Debug, Clone)]
pub enum ExpectKind {
    /// `expect total 99.87`.
    Total(Exact),
    /// `expect grade 优`.
    Grade(String),
    /// `expect score 产出指标/成本指标 25`.
    Score(Vec<String>, Exact),
    /// `expect warning PF3009` or `expect warning "text"`.
    Warning(Matcher),
    /// `expect error PF3005` or `expect error "text"`.
    Error(Matcher),
}

/// How a diagnostic is recognised in a test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Matcher {
    /// By code.
    Code(String),
    /// By a piece of its message.
    Text(String),
}

/// `round 2 half-up per-leaf`.
#[derive(Debug, Clone)]
pub struct Rounding {
    /// Decimal places.
    pub places: Spanned<u32>,
    /// Rounding mode, if written.
    pub mode: Option<Spanned<RoundMode>>,
    /// Where rounding happens, if written.
    pub scope: Option<Spanned<RoundScope>>,
    /// The whole statement.
    pub span: Span,
}

/// Where scores are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundScope {
    /// Round every leaf score, then add the rounded scores.
    PerLeaf,
    /// Add exact leaf scores; round each group's sum.
    PerGroup,
    /// Round only the final total.
    TotalOnly,
}

impl RoundScope {
    /// The keyword used in frameworks.
    pub fn keyword(self) -> &'static str {
        match self {
            RoundScope::PerLeaf => "per-leaf",
            RoundScope::PerGroup => "per-group",
            RoundScope::TotalOnly => "total-only",
        }
    }
}

/// `grades { 优 >= 90; … 差 }`.
#[derive(Debug, Clone)]
pub struct Grades {
    /// The bands, as written.
    pub bands: Vec<GradeBand>,
    /// The whole block.
    pub span: Span,
}

/// One grade: a name and the lowest total that earns it (none = the rest).
#[derive(Debug, Clone)]
pub struct GradeBand {
    /// The grade's name.
    pub name: Spanned<String>,
    /// `>= n`, absent for the catch-all band.
    pub min: Option<Spanned<Exact>>,
    /// `when cond`: an override given whatever the total.
    pub when: Option<Expr>,
    /// The whole band.
    pub span: Span,
}

/// The declared type of an input or a `let`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeName {
    /// `money`.
    Money,
    /// `percent`.
    Percent,
    /// `number`.
    Number,
    /// `count` or `count(个)`.
    Count(Option<String>),
    /// `text`.
    Text,
    /// `level(优秀, 良好, 一般)`: one of the named levels.
    Level(Vec<String>),
}

/// `input 全年预算数: money from funds.budget`.
#[derive(Debug, Clone)]
pub struct Input {
    /// The input's name, used in formulas and in the data's `[inputs]` table.
    pub name: Spanned<String>,
    /// Its type.
    pub ty: Spanned<TypeName>,
    /// `default expr`: makes the input optional.
    pub default: Option<Expr>,
    /// `from funds.budget`: read from a data field instead of `[inputs]`.
    pub from: Option<Spanned<String>>,
    /// `label "…"`: how reports name it.
    pub label: Option<Spanned<String>>,
    /// The whole declaration.
    pub span: Span,
}

/// `let 执行率: percent = 全年执行数 / 全年预算数`.
#[derive(Debug, Clone)]
pub struct Let {
    /// The name.
    pub name: Spanned<String>,
    /// Optional declared type (used for checking and display).
    pub ty: Option<Spanned<TypeName>>,
    /// The definition.
    pub value: Expr,
    /// The whole declaration.
    pub span: Span,
}

/// `require cond else warn "message {name}"`.
#[derive(Debug, Clone)]
pub struct Require {
    /// What must hold.
    pub cond: Expr,
    /// What happens when it does not.
    pub severity: Spanned<Severity>,
    /// The message; `{name}` is replaced by the value of `name`.
    pub message: Spanned<String>,
    /// Where each `{name}` of the message is in the source, in order (the
    /// message's text has lost its quotes and escapes, so offsets into it
    /// are not offsets into the file).
    pub placeholders: Vec<Span>,
    /// The whole statement.
    pub span: Span,
}

/// A node of the indicator tree.
#[derive(Debug, Clone)]
pub enum Node {
    /// `group name weight n { … }`.
    Group(Group),
    /// `indicator name weight n { … }`: a leaf the framework scores itself.
    Indicator(Indicator),
    /// `slot name`: leaves come from the project data.
    Slot(Slot),
    /// `question "1.1" "…" answers yes-no`.
    Question(Question),
}

/// A weighted group of nodes.
#[derive(Debug, Clone)]
pub struct Group {
    /// Its name.
    pub name: Spanned<String>,
    /// Its weight (分值).
    pub weight: Spanned<Exact>,
    /// `renormalize`: children that do not apply drop out and the rest
    /// share the group's weight.
    pub renormalize: bool,
    /// Its children.
    pub children: Vec<Node>,
    /// The whole declaration.
    pub span: Span,
}

/// A leaf scored by the framework's own formula.
#[derive(Debug, Clone)]
pub struct Indicator {
    /// Its name.
    pub name: Spanned<String>,
    /// Its weight (分值).
    pub weight: Option<Spanned<Exact>>,
    /// `target`, `actual`, `score` and checks, as written.
    pub items: Vec<IndicatorItem>,
    /// The whole declaration.
    pub span: Span,
}

/// A statement inside an indicator.
#[derive(Debug, Clone)]
pub enum IndicatorItem {
    /// `target expr`.
    Target(Expr),
    /// `actual expr`.
    Actual(Expr),
    /// `score expr`.
    Score(Expr),
    /// `require …`.
    Require(Require),
    /// `rated`: the evaluator rates it in a qualitative band (data `[ratings]`).
    Rated(Span),
}

/// A place for leaves that the project data supplies.
#[derive(Debug, Clone)]
pub struct Slot {
    /// Its name.
    pub name: Spanned<String>,
    /// A fixed weight, if the framework sets one.
    pub weight: Option<Spanned<Exact>>,
    /// Scoring rules that replace the framework-wide ones for this slot.
    pub scorings: Vec<Scoring>,
    /// The whole declaration.
    pub span: Span,
}

/// The kind of target a quantitative rule scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetKind {
    /// `≥`, `>`, `不低于`, or a bare value.
    AtLeast,
    /// `≤`, `<`, `不超过`.
    AtMost,
    /// `=`.
    Equals,
}

impl TargetKind {
    /// The keyword used in frameworks.
    pub fn keyword(self) -> &'static str {
        match self {
            TargetKind::AtLeast => "at-least",
            TargetKind::AtMost => "at-most",
            TargetKind::Equals => "equals",
        }
    }
}

/// A scoring rule.
#[derive(Debug, Clone)]
pub enum Scoring {
    /// `scoring at-least { score …; require …; allow deduction when … }`.
    Quantitative(QuantRule),
    /// `scoring qualitative { 达成 80%..100% also "完成"; … }`.
    Qualitative(QualRule),
}

impl Scoring {
    /// The whole rule's span.
    pub fn span(&self) -> Span {
        match self {
            Scoring::Quantitative(r) => r.span,
            Scoring::Qualitative(r) => r.span,
        }
    }
}

/// A formula rule for one kind of numeric target.
#[derive(Debug, Clone)]
pub struct QuantRule {
    /// Which targets it scores.
    pub kind: Spanned<TargetKind>,
    /// Its statements.
    pub items: Vec<RuleItem>,
    /// The whole rule.
    pub span: Span,
}

/// A statement inside a quantitative rule.
#[derive(Debug, Clone)]
pub enum RuleItem {
    /// `score expr`.
    Score(Expr),
    /// `require …`.
    Require(Require),
    /// `allow deduction when expr`.
    Deduction(Expr),
}

/// Evaluator-chosen bands for qualitative targets.
#[derive(Debug, Clone)]
pub struct QualRule {
    /// The bands.
    pub bands: Vec<Band>,
    /// `default upper|middle|lower`: the score when the data gives only a band.
    pub default: Option<Spanned<BandPick>>,
    /// The whole rule.
    pub span: Span,
}

/// `达成 80%..100% also "完成", "按时完成"`.
#[derive(Debug, Clone)]
pub struct Band {
    /// The band's name.
    pub name: Spanned<String>,
    /// Lower share of the weight (fraction).
    pub low: Spanned<Exact>,
    /// Upper share of the weight (fraction).
    pub high: Spanned<Exact>,
    /// Other words that mean this band in data.
    pub aliases: Vec<Spanned<String>>,
    /// The whole band.
    pub span: Span,
}

/// Which score inside a band the data gets when it names only the band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BandPick {
    /// The band's upper bound.
    Upper,
    /// The middle of the band.
    Middle,
    /// The band's lower bound.
    Lower,
}

/// An expression.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

/// The kinds of expression.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// `95%`, `87.65万元`, `12个`, `10`.
    Quantity(Exact, Unit),
    /// `"text"`.
    Text(String),
    /// `true` / `false`.
    Bool(bool),
    /// A name: an input, a `let`, or `weight`/`target`/`actual`.
    Name(String),
    /// `-x`, `not x`.
    Unary(UnaryOp, Box<Expr>),
    /// `a + b` and the other infix operators.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `if c then a else b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `min(a, b)`.
    Call(Spanned<String>, Vec<Expr>),
    /// `tiers x { <= 10% => 4; otherwise => 0 }`.
    Tiers(Box<Expr>, Vec<(BinaryOp, Expr, Expr)>, Box<Expr>),
    /// `skip`: the indicator does not apply.
    Skip,
}

/// Prefix operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `-`
    Neg,
    /// `not`
    Not,
}

/// Infix operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` or `×`
    Mul,
    /// `/` or `÷`
    Div,
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `and`
    And,
    /// `or`
    Or,
}

impl BinaryOp {
    /// The operator as shown in explanations (typographic forms).
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOp::Add => "+",
            BinaryOp::Sub => "−",
            BinaryOp::Mul => "×",
            BinaryOp::Div => "÷",
            BinaryOp::Eq => "=",
            BinaryOp::Ne => "≠",
            BinaryOp::Lt => "<",
            BinaryOp::Le => "≤",
            BinaryOp::Gt => ">",
            BinaryOp::Ge => "≥",
            BinaryOp::And => "and",
            BinaryOp::Or => "or",
        }
    }

    /// Binding strength, for printing without redundant parentheses.
    pub fn precedence(self) -> u8 {
        match self {
            BinaryOp::Or => 1,
            BinaryOp::And => 2,
            BinaryOp::Eq
            | BinaryOp::Ne
            | BinaryOp::Lt
            | BinaryOp::Le
            | BinaryOp::Gt
            | BinaryOp::Ge => 4,
            BinaryOp::Add | BinaryOp::Sub => 5,
            BinaryOp::Mul | BinaryOp::Div => 6,
        }
    }
}
