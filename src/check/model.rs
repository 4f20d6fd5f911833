//! The checked model of a framework: what the evaluator runs.
//!
//! Unlike the AST, names are resolved (an expression refers to input 2, not
//! to the text `全年预算数`), settings have their defaults filled in, and the
//! indicator tree is an arena with parent links. Spans are kept so that
//! evaluation errors can still point at the framework's source.

use crate::catalogue::check::Check as Msg;
use crate::catalogue::{Lang, Name, Text};
use crate::diagnostic::Severity;
use crate::exact::Exact;
use crate::quantity::{Quantity, RoundMode, Unit};
use crate::span::Span;
use crate::syntax::ast::{BandPick, BinaryOp, RoundScope, TargetKind, UnaryOp};

/// A checked framework.
#[derive(Debug, Clone)]
pub struct Model {
    /// `framework <id>`.
    pub id: String,
    /// The title string, if any.
    pub title: Option<String>,
    /// `basis "…"`.
    pub basis: Option<String>,
    /// The declared total (or the sum of the top-level weights).
    pub total: Exact,
    /// How and where scores are rounded.
    pub rounding: Rounding,
    /// Grade bands, highest first; the last may be the catch-all.
    pub grades: Vec<Grade>,
    /// Declared inputs, in order.
    pub inputs: Vec<InputDecl>,
    /// Derived values, in order (each refers only to inputs and earlier lets).
    pub lets: Vec<LetDecl>,
    /// Framework-level checks.
    pub checks: Vec<Check>,
    /// The indicator tree as an arena; `roots` lists the top level.
    pub nodes: Vec<Node>,
    /// Top-level nodes in order.
    pub roots: Vec<NodeId>,
    /// Framework-wide scoring rules for data-supplied leaves.
    pub rules: RuleSet,
    /// The framework this one extends, if any.
    pub extends: Option<String>,
    /// The language of labels and report headings: `zh` (default) or `en`.
    pub language: Language,
    /// Fiscal years in force: first and (if bounded) last.
    pub period: Option<(i64, Option<i64>)>,
    /// Answer scales for questions.
    pub scales: Vec<Scale>,
    /// The framework's own tests.
    pub tests: Vec<crate::syntax::ast::TestDecl>,
    /// The `framework` declaration.
    pub span: Span,
    /// Every slot with its path from the top, in tree order: computed once
    /// (see [`Model::index_slots`]) because every data row is matched
    /// against them.
    pub slot_paths: Vec<(NodeId, Vec<String>)>,
    /// Indexes into [`Model::slot_paths`] by the slot's own name (the last
    /// name of its path), in tree order. Every data row looks its slot up
    /// here: a fast, fixed hash (names come from the framework, not from
    /// the data, so there is no hash flooding to defend against).
    pub slots_by_name: std::collections::HashMap<String, Vec<usize>, foldhash::fast::FixedState>,
}

/// The language of a framework's labels, of pfc's report headings and of
/// the findings its reports, summaries and findings.csv show: the
/// catalogue's [`Lang`](crate::catalogue::Lang), Chinese by default.
pub use crate::catalogue::Lang as Language;

/// Rounding settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    /// Decimal places of scores.
    pub places: u32,
    /// Rounding mode.
    pub mode: RoundMode,
    /// Where scores are rounded.
    pub scope: RoundScope,
}

/// A grade band.
#[derive(Debug, Clone)]
pub struct Grade {
    /// Its name (`优`).
    pub name: String,
    /// Lowest total that earns it; `None` for the catch-all.
    pub min: Option<Exact>,
    /// An override: given whenever this holds, whatever the total.
    pub when: Option<Expr>,
}

/// A named answer scale.
#[derive(Debug, Clone)]
pub struct Scale {
    /// Its name.
    pub name: String,
    /// Answers and their share of the weight; `None` = does not apply.
    pub answers: Vec<(String, Option<Exact>)>,
}

/// Where an input's value comes from in the project data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputSource {
    /// `[inputs]` table, by the input's name.
    Inputs,
    /// `funds.initial` (年初预算数).
    FundsInitial,
    /// `funds.budget` (全年预算数).
    FundsBudget,
    /// `funds.executed` (全年执行数).
    FundsExecuted,
    /// `project.year`.
    ProjectYear,
}

impl InputSource {
    /// Every data path an input can name with `from`.
    pub const PATHS: &'static [(&'static str, InputSource)] = &[
        ("funds.initial", InputSource::FundsInitial),
        ("funds.budget", InputSource::FundsBudget),
        ("funds.executed", InputSource::FundsExecuted),
        ("project.year", InputSource::ProjectYear),
    ];

    /// The data field the value is read from, as messages name it
    /// (`funds.budget`, `inputs.<input>`).
    pub fn describe(self, input: &str) -> Name {
        match Self::PATHS.iter().find(|(_, s)| *s == self) {
            Some((path, _)) => Name::new(*path),
            None => Name::new(format!("inputs.{input}")),
        }
    }
}

/// A declared input.
#[derive(Debug, Clone)]
pub struct InputDecl {
    /// Name used in formulas and data.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Value when the data gives none (makes the input optional).
    pub default: Option<Expr>,
    /// Where the data supplies it.
    pub source: InputSource,
    /// How reports name it.
    pub label: Option<String>,
    /// The declaration.
    pub span: Span,
}

/// A derived value.
#[derive(Debug, Clone)]
pub struct LetDecl {
    /// Its name.
    pub name: String,
    /// Its type.
    pub ty: Ty,
    /// Its definition.
    pub expr: Expr,
    /// The declaration.
    pub span: Span,
}

/// A `require … else warn|error "…"`.
#[derive(Debug, Clone)]
pub struct Check {
    /// What must hold.
    pub cond: Expr,
    /// Error or warning when it does not.
    pub severity: Severity,
    /// The message, with `{name}` placeholders resolved.
    pub message: Vec<MessagePart>,
    /// The statement.
    pub span: Span,
}

/// A piece of a check message.
#[derive(Debug, Clone)]
pub enum MessagePart {
    /// Literal text.
    Text(String),
    /// The value of a name, formatted.
    Value(Ref),
}

/// Index into [`Model::nodes`].
pub type NodeId = usize;

/// A node of the indicator tree.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its name.
    pub name: String,
    /// Group, indicator or slot.
    pub kind: NodeKind,
    /// Fixed weight; `None` for slots whose rows bring their own.
    pub weight: Option<Exact>,
    /// Parent group.
    pub parent: Option<NodeId>,
    /// Children, in order.
    pub children: Vec<NodeId>,
    /// Depth, 1 for top-level nodes (一级).
    pub level: usize,
    /// Children that do not apply drop out and the rest share the weight.
    pub renormalize: bool,
    /// The declaration.
    pub span: Span,
    /// The span of the weight, when written.
    pub weight_span: Option<Span>,
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeKind {
    /// A group: its score is the sum of its children.
    Group,
    /// A leaf the framework scores with its own formula.
    Indicator(Box<IndicatorDef>),
    /// A place for leaves from the data, with rules overriding the
    /// framework-wide ones.
    Slot(Box<RuleSet>),
    /// A question answered in the data's `[answers]` table.
    Question {
        /// Its id, the key in `[answers]`.
        id: String,
        /// Its text.
        text: Option<String>,
        /// Index into [`Model::scales`].
        scale: usize,
    },
}

/// A framework-defined leaf.
#[derive(Debug, Clone)]
pub struct IndicatorDef {
    /// `target`, for display and formulas.
    pub target: Option<Expr>,
    /// `actual`, for display and formulas.
    pub actual: Option<Expr>,
    /// `score` (unused when `rated`).
    pub score: Expr,
    /// Checks evaluated with this indicator's values.
    pub checks: Vec<Check>,
    /// Rated by the evaluator in a qualitative band (data `[ratings]`).
    pub rated: bool,
}

/// Scoring rules by kind of target.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// `scoring at-least`.
    pub at_least: Option<QuantRule>,
    /// `scoring at-most`.
    pub at_most: Option<QuantRule>,
    /// `scoring equals`.
    pub equals: Option<QuantRule>,
    /// `scoring qualitative`.
    pub qualitative: Option<QualRule>,
}

impl RuleSet {
    /// The quantitative rule for a kind of target.
    pub fn quant(&self, kind: TargetKind) -> Option<&QuantRule> {
        match kind {
            TargetKind::AtLeast => self.at_least.as_ref(),
            TargetKind::AtMost => self.at_most.as_ref(),
            TargetKind::Equals => self.equals.as_ref(),
        }
    }
}

/// A formula rule.
#[derive(Debug, Clone)]
pub struct QuantRule {
    /// The kind of target it scores.
    pub kind: TargetKind,
    /// The score formula.
    pub score: Expr,
    /// Checks evaluated for every row it scores.
    pub checks: Vec<Check>,
    /// `allow deduction when …`.
    pub deduction: Option<Expr>,
    /// The rule.
    pub span: Span,
}

/// Qualitative bands.
#[derive(Debug, Clone)]
pub struct QualRule {
    /// Bands, highest first.
    pub bands: Vec<Band>,
    /// Score taken when the data names only the band.
    pub default: BandPick,
    /// The rule.
    pub span: Span,
}

/// One qualitative band.
#[derive(Debug, Clone)]
pub struct Band {
    /// Its name.
    pub name: String,
    /// Lower share of the weight (fraction, inclusive).
    pub low: Exact,
    /// Upper share of the weight (fraction; inclusive only for the top band).
    pub high: Exact,
    /// Other words that mean this band.
    pub aliases: Vec<String>,
}

/// The static type of an expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    /// A plain number or a percentage (`percent` marks display).
    Number {
        /// Whether it is displayed as a percentage.
        percent: bool,
    },
    /// Money.
    Money,
    /// A count; `None` means any counting unit.
    Count(Option<String>),
    /// Yes/no.
    Bool,
    /// Free text.
    Text,
    /// One of named levels.
    Level(Vec<String>),
    /// An indicator's target or actual from the data: any quantity, known
    /// only when the data is read.
    Any,
}

impl Ty {
    /// How the type is named in messages, in either language.
    pub fn words(&self) -> Msg {
        match self {
            Ty::Number { percent: true } => Msg::TyPercent,
            Ty::Number { percent: false } => Msg::TyNumber,
            Ty::Money => Msg::TyMoney,
            Ty::Count(Some(u)) => Msg::TyCountIn {
                unit: Name::new(u.as_str()),
            },
            Ty::Count(None) => Msg::TyCount,
            Ty::Bool => Msg::TyBool,
            Ty::Text => Msg::TyText,
            Ty::Level(_) => Msg::TyLevel,
            Ty::Any => Msg::TyAny,
        }
    }

    /// [`Ty::words`] as a nested message.
    pub fn text(&self) -> Box<Text> {
        Box::new(self.words().into())
    }

    /// How the type is named in English. Only for phases that still build
    /// English text (`eval/inputs.rs`); use [`Ty::words`].
    pub fn describe(&self) -> String {
        self.words().render(Lang::En)
    }

    /// The display unit a value of this type gets by default.
    pub fn display_unit(&self) -> Option<Unit> {
        match self {
            Ty::Number { percent: true } => Some(Unit::Percent),
            _ => None,
        }
    }
}

/// A resolved expression.
#[derive(Debug, Clone)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Where it was written.
    pub span: Span,
}

impl Expr {
    /// Call `f` with every reference in the expression, in writing order.
    pub fn each_ref(&self, f: &mut dyn FnMut(Ref)) {
        match &self.kind {
            ExprKind::Ref(r) => f(*r),
            ExprKind::Const(_) | ExprKind::Text(_) | ExprKind::Bool(_) | ExprKind::Skip => {}
            ExprKind::Unary(_, a) => a.each_ref(f),
            ExprKind::Binary(_, a, b) => {
                a.each_ref(f);
                b.each_ref(f);
            }
            ExprKind::If(c, a, b) => {
                c.each_ref(f);
                a.each_ref(f);
                b.each_ref(f);
            }
            ExprKind::Call(_, args) => args.iter().for_each(|a| a.each_ref(f)),
            ExprKind::Tiers(x, tiers, otherwise) => {
                x.each_ref(f);
                for (_, bound, value) in tiers {
                    bound.each_ref(f);
                    value.each_ref(f);
                }
                otherwise.each_ref(f);
            }
        }
    }
}

/// The kinds of resolved expression.
#[derive(Debug, Clone)]
pub enum ExprKind {
    /// A literal quantity.
    Const(Quantity),
    /// A literal text.
    Text(String),
    /// A literal yes/no.
    Bool(bool),
    /// A reference.
    Ref(Ref),
    /// A prefix operator.
    Unary(UnaryOp, Box<Expr>),
    /// An infix operator.
    Binary(BinaryOp, Box<Expr>, Box<Expr>),
    /// `if c then a else b`.
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    /// A built-in function call.
    Call(Func, Vec<Expr>),
    /// `tiers x { op bound => value; …; otherwise => value }`.
    Tiers(Box<Expr>, Vec<(BinaryOp, Expr, Expr)>, Box<Expr>),
    /// `skip`: does not apply.
    Skip,
}

/// What a name refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref {
    /// Input by index.
    Input(usize),
    /// Derived value by index.
    Let(usize),
    /// The current indicator's weight.
    Weight,
    /// The current indicator's target.
    Target,
    /// The current indicator's actual value.
    Actual,
}

/// Built-in functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// `min(a, b, …)`
    Min,
    /// `max(a, b, …)`
    Max,
    /// `clamp(x, low, high)`
    Clamp,
    /// `abs(x)`
    Abs,
    /// `round(x, places)` with the framework's rounding mode
    Round,
    /// `floor(x)`
    Floor,
    /// `ceil(x)`
    Ceil,
    /// `excess(x, limit)` = max(0, x − limit)
    Excess,
    /// `shortfall(x, floor)` = max(0, floor − x)
    Shortfall,
    /// `steps(amount, size)` = amount ÷ size
    Steps,
}

impl Func {
    /// Every function with its name and (min, max) argument counts.
    pub const ALL: &'static [(&'static str, Func, usize, usize)] = &[
        ("min", Func::Min, 2, usize::MAX),
        ("max", Func::Max, 2, usize::MAX),
        ("clamp", Func::Clamp, 3, 3),
        ("abs", Func::Abs, 1, 1),
        ("round", Func::Round, 2, 2),
        ("floor", Func::Floor, 1, 1),
        ("ceil", Func::Ceil, 1, 1),
        ("excess", Func::Excess, 2, 2),
        ("shortfall", Func::Shortfall, 2, 2),
        ("steps", Func::Steps, 2, 2),
    ];

    /// The function's name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, f, _, _)| *f == self)
            .map_or("?", |(n, _, _, _)| n)
    }
}

impl Model {
    /// The path of names from the top of the tree to `id`.
    pub fn path(&self, id: NodeId) -> Vec<&str> {
        let mut path = vec![self.nodes[id].name.as_str()];
        let mut cur = self.nodes[id].parent;
        while let Some(p) = cur {
            path.push(self.nodes[p].name.as_str());
            cur = self.nodes[p].parent;
        }
        path.reverse();
        path
    }

    /// The rules that score rows of a slot: the slot's own, else the nearest
    /// framework-wide one.
    pub fn quant_rule(&self, slot: NodeId, kind: TargetKind) -> Option<&QuantRule> {
        match &self.nodes[slot].kind {
            NodeKind::Slot(own) => own.quant(kind).or_else(|| self.rules.quant(kind)),
            _ => self.rules.quant(kind),
        }
    }

    /// The qualitative rule for a slot.
    pub fn qual_rule(&self, slot: NodeId) -> Option<&QualRule> {
        match &self.nodes[slot].kind {
            NodeKind::Slot(own) => own.qualitative.as_ref().or(self.rules.qualitative.as_ref()),
            _ => self.rules.qualitative.as_ref(),
        }
    }

    /// Fill [`Model::slot_paths`]; called once the tree is final.
    pub fn index_slots(&mut self) {
        self.slot_paths = self
            .slots()
            .into_iter()
            .map(|id| (id, self.path(id).into_iter().map(str::to_owned).collect()))
            .collect();
        self.slots_by_name.clear();
        for (k, (id, _)) in self.slot_paths.iter().enumerate() {
            self.slots_by_name
                .entry(self.nodes[*id].name.clone())
                .or_default()
                .push(k);
        }
    }

    /// The framework's budget-execution indicator (预算执行率): the
    /// indicator whose actual value is computed from the funds block's
    /// 全年执行数, directly or through `let`s. A submitted table prints its
    /// rate and score in the funds block, and a row named like it among the
    /// indicator rows is the same claim; both are checked against this one.
    pub fn funds_indicator(&self) -> Option<NodeId> {
        (0..self.nodes.len()).find(|&id| match &self.nodes[id].kind {
            NodeKind::Indicator(def) => def
                .actual
                .as_ref()
                .is_some_and(|e| self.reads_input(e, InputSource::FundsExecuted, 0)),
            _ => false,
        })
    }

    /// Whether `expr` reads an input from `source`, through `let`s (their
    /// depth bounded by the number of lets, as the checker refuses cycles).
    fn reads_input(&self, expr: &Expr, source: InputSource, depth: usize) -> bool {
        if depth > self.lets.len() {
            return false;
        }
        let mut found = false;
        expr.each_ref(&mut |r| match r {
            Ref::Input(i) => found |= self.inputs[i].source == source,
            Ref::Let(l) => found |= self.reads_input(&self.lets[l].expr, source, depth + 1),
            _ => {}
        });
        found
    }

    /// All slots, in tree order.
    pub fn slots(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack: Vec<NodeId> = self.roots.iter().rev().copied().collect();
        while let Some(id) = stack.pop() {
            if matches!(self.nodes[id].kind, NodeKind::Slot(_)) {
                out.push(id);
            }
            stack.extend(self.nodes[id].children.iter().rev());
        }
        out
    }
}
