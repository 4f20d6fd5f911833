//! Phase 3: a checked [`Model`] and one project's [`ProjectData`] →
//! [`Evaluation`].
//!
//! All arithmetic is exact (rational, [`crate::exact`]); rounding happens only where the
//! framework's `round` says (per leaf, per group, or on the total). Every
//! leaf carries the formula with its values put in. Problems in the data are
//! collected (not just the first) and name the file and field; evaluation
//! produces a result only when there are no errors.

mod claims;
mod funds;
mod inputs;
pub mod interp;
pub mod probe;
pub mod result;
mod rows;
mod submitted;
#[cfg(test)]
mod tests;
pub mod value;

use crate::catalogue::common::Common;
use crate::catalogue::eval::Eval;
use crate::catalogue::{Names, Text};
use crate::check::model::{Check, InputSource, Model, NodeId, NodeKind, Ty};
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic, Severity, has_errors};
use crate::exact::Exact;
use crate::quantity::{Quantity, Unit};
use crate::span::Span;
use crate::syntax::ast::RoundScope;
use interp::{Env, Ind, eval, explain};
use result::{
    Amount, Evaluation, Explanation, Figure, Finding, FrameworkInfo, FundRow, GradeOverride, Leaf,
    NodeKindView, Part, Partial, Points, ProjectInfo, ScoredNode, Unjudged, Years,
};
use value::{OpError, Value, What, nested};

/// The result of evaluating: the evaluation (when there are no errors) and
/// every diagnostic.
#[derive(Debug)]
pub struct Outcome<'a> {
    /// The evaluation, `None` when any diagnostic is an error.
    pub evaluation: Option<Evaluation<'a>>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// How much of an [`Evaluation`] to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Everything a report shows: the explanation of every score, node
    /// paths, figures, completion and saving rates.
    Full,
    /// What a batch summary needs, and no text that only a report reads:
    /// scores, parts, grade, execution rates and every diagnostic are as
    /// with [`Detail::Full`], but explanations, node paths, the amounts of
    /// the funds rows and the target and actual of framework indicators are
    /// empty, `grade_override` is not built, `saving` is not computed, and `completion` and `figures` only
    /// where the data makes a claim about them. Not for rendering.
    Scores,
}

/// Score one project, with every explanation.
pub fn evaluate<'a>(model: &'a Model, data: &'a ProjectData) -> Outcome<'a> {
    evaluate_with(model, data, Detail::Full)
}

/// How to score: how much to build, and how to take a table that departs
/// from the framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How much of the result to build.
    pub detail: Detail,
    /// Refuse what departs from the framework (its weights, group names,
    /// band words) as errors, instead of scoring the table as submitted and
    /// saying what departs (the default: docs/data.md, "as submitted").
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            detail: Detail::Full,
            strict: false,
        }
    }
}

/// Score one project, building as much of the result as `detail` says.
pub fn evaluate_with<'a>(model: &'a Model, data: &'a ProjectData, detail: Detail) -> Outcome<'a> {
    evaluate_opts(
        model,
        data,
        Options {
            detail,
            ..Options::default()
        },
    )
}

/// Score one project as `options` say.
pub fn evaluate_opts<'a>(model: &'a Model, data: &'a ProjectData, options: Options) -> Outcome<'a> {
    let mut s = Scorer {
        model,
        data,
        detail: options.detail,
        strict: options.strict,
        diags: std::cell::RefCell::new(Vec::new()),
        inputs: Vec::new(),
        lets: Vec::new(),
        figures_refused: std::cell::Cell::new(false),
        unjudged: std::cell::RefCell::new(Vec::new()),
        own_rows: std::cell::RefCell::new(Vec::new()),
        weights: data
            .raw
            .indicators
            .iter()
            .map(|r| r.weight.as_points())
            .collect(),
    };
    let evaluation = s.run();
    let mut diagnostics = s.diags.into_inner();
    let evaluation = if has_errors(&diagnostics) {
        None
    } else {
        evaluation
    };
    // Errors first, then warnings; stable within each group (data order).
    diagnostics.sort_by_key(|d| std::cmp::Reverse(d.severity));
    let evaluation = evaluation.map(|mut e| {
        e.warnings = diagnostics
            .iter()
            .map(|d| Finding::new(d, model.language))
            .collect();
        e
    });
    Outcome {
        evaluation,
        diagnostics,
    }
}

/// State while scoring one project.
pub(crate) struct Scorer<'a> {
    model: &'a Model,
    data: &'a ProjectData,
    detail: Detail,
    /// Departures from the framework are errors (`Options::strict`).
    strict: bool,
    diags: std::cell::RefCell<Vec<Diagnostic>>,
    inputs: Vec<Option<Value>>,
    lets: Vec<Option<Value>>,
    /// A framework-level `require … else error` failed: the framework's own
    /// indicators read the same figures, so they are not scored (which would
    /// only add knock-on warnings); rows are still checked.
    figures_refused: std::cell::Cell<bool>,
    /// As submitted: the parts that could not be judged (never under
    /// `--strict`, where what stops them is an error).
    unjudged: std::cell::RefCell<Vec<Unjudged>>,
    /// As submitted: rows that give the table's own figures for an
    /// indicator the framework scores itself (a 预算执行率 row), by row
    /// index and the indicator's node; re-checked as claims.
    own_rows: std::cell::RefCell<Vec<(usize, NodeId)>>,
    /// Each row's 分值 as a number, read once (the weight checks, the row's
    /// score and its node all need it).
    weights: Vec<Option<Exact>>,
}

impl<'a> Scorer<'a> {
    fn run(&mut self) -> Option<Evaluation<'a>> {
        if let Some(id) = &self.data.raw.framework
            && *id != self.model.id
        {
            self.warn(
                Diagnostic::warning(
                    Code::OtherFramework,
                    Eval::OtherFramework {
                        data: id.into(),
                        model: self.model.id.as_str().into(),
                    },
                )
                .with_hint(Eval::HintOtherFramework),
                "framework",
                Eval::LabelAnotherFramework,
            );
        }
        self.check_period();
        self.check_unknown_keys();
        funds::check_sources(self);
        let before = self.diags.borrow().len();
        self.inputs = inputs::bind(self.model, self.data, &mut self.diags.borrow_mut());
        if self.inputs.iter().any(Option::is_none) {
            if self.strict {
                return None;
            }
            // As submitted, a missing or unreadable figure makes only what
            // needs it impossible to judge: said here, and the parts that
            // need it are named where they are scored.
            for d in &mut self.diags.borrow_mut()[before..] {
                d.severity = Severity::Warning;
            }
        }
        let let_errors = self.compute_lets();
        let before = self.diags.borrow().len();
        self.run_checks(&self.model.checks, self.env(None), None);
        let check_failed = self.diags.borrow()[before..]
            .iter()
            .any(Diagnostic::is_error);
        if check_failed {
            self.figures_refused.set(true);
        } else {
            // A failed `require` explains the problem better than the
            // division by zero it guards against.
            self.diags.borrow_mut().extend(let_errors);
        }
        let by_slot = rows::assign(self);
        submitted::fill_weights(self, &by_slot);
        self.check_row_weights(&by_slot);
        let tree: Vec<ScoredNode> = self
            .model
            .roots
            .clone()
            .into_iter()
            .filter_map(|id| self.node(id, &by_slot))
            .collect();
        if has_errors(&self.diags.borrow()) {
            return None;
        }
        let sum: Exact = tree.iter().map(|n| &n.score.value).sum();
        let total = self.round(&sum);
        let out_of: Exact = tree.iter().map(|n| &n.weight).sum();
        let partial = self.partial(&out_of);
        // Overrides (`name when cond`) come first in the model's grades.
        let by_points =
            |g: &&crate::check::model::Grade| g.min.as_ref().is_none_or(|m| total >= *m);
        let chosen = self.model.grades.iter().find(|g| match &g.when {
            Some(cond) => matches!(eval(cond, self.env(None)), Ok(Value::Bool(true))),
            None => by_points(g),
        });
        // A grade is for a table judged whole.
        let chosen = chosen.filter(|_| partial.is_none());
        let grade = chosen.map(|g| g.name.as_str());
        let grade_override = match chosen.and_then(|g| g.when.as_ref()) {
            Some(cond) if self.full() => Some(GradeOverride {
                condition: interp::describe(cond, self.env(None), self.model.language),
                by_points: self
                    .model
                    .grades
                    .iter()
                    .filter(|g| g.when.is_none())
                    .find(by_points)
                    .map(|g| g.name.clone()),
            }),
            _ => None,
        };
        let mut evaluation = Evaluation {
            framework: FrameworkInfo {
                id: &self.model.id,
                title: self.model.title.as_deref(),
                basis: self.model.basis.as_deref(),
                total: self.model.total.clone(),
                places: self.model.rounding.places,
                rounding: self.model.rounding.mode.keyword(),
                rounding_scope: self.model.rounding.scope.keyword(),
                language: self.model.language,
                years: self.model.period.map(|(from, to)| Years(from, to)),
            },
            project: self.project(),
            total: self.points(total),
            out_of,
            partial,
            grade,
            grade_override,
            // Every top-level part of the framework, in its order, so that a
            // summary's columns stay in place when one was not judged.
            parts: self
                .model
                .roots
                .iter()
                .map(|&id| {
                    let name = self.model.nodes[id].name.as_str();
                    let judged = !self.unjudged.borrow().iter().any(|u| u.name == name);
                    match tree.iter().find(|n| n.name == name) {
                        Some(n) => Part {
                            name: n.name,
                            weight: n.weight.clone(),
                            score: n.score.clone(),
                            judged,
                        },
                        None => Part {
                            name,
                            weight: Exact::ZERO,
                            score: self.points(Exact::ZERO),
                            judged: false,
                        },
                    }
                })
                .collect(),
            funds: self.funds(),
            figures: if self.full() || !self.data.raw.claimed.values.is_empty() {
                self.figures()
            } else {
                Vec::new()
            },
            warnings: Vec::new(),
            goals: &self.data.raw.goals,
            narrative: &self.data.raw.narrative,
            tree,
        };
        self.missing_reasons(&evaluation);
        claims::compare(self, &mut evaluation);
        Some(evaluation)
    }

    /// Names in `[inputs]`, `[answers]` and `[ratings]` that the framework
    /// does not know: a typo there would otherwise fall back to a default.
    fn check_unknown_keys(&self) {
        let model = self.model;
        let inputs: Vec<&str> = model
            .inputs
            .iter()
            .filter(|i| i.source == crate::check::model::InputSource::Inputs)
            .map(|i| i.name.as_str())
            .collect();
        let questions: Vec<&str> = model
            .nodes
            .iter()
            .filter_map(|n| match &n.kind {
                NodeKind::Question { id, .. } => Some(id.as_str()),
                _ => None,
            })
            .collect();
        let rated: Vec<&str> = model
            .nodes
            .iter()
            .filter(|n| matches!(&n.kind, NodeKind::Indicator(d) if d.rated))
            .map(|n| n.name.as_str())
            .collect();
        let raw = &self.data.raw;
        /// A table of names the framework declares, and its messages.
        #[derive(Clone, Copy)]
        enum Table {
            Inputs,
            Answers,
            Ratings,
        }
        let tables: [(Table, &str, Vec<&String>, &[&str]); 3] = [
            (
                Table::Inputs,
                "inputs",
                raw.inputs.keys().collect(),
                &inputs,
            ),
            (
                Table::Answers,
                "answers",
                raw.answers.keys().collect(),
                &questions,
            ),
            (
                Table::Ratings,
                "ratings",
                raw.ratings.keys().collect(),
                &rated,
            ),
        ];
        for (kind, table, keys, known) in tables {
            for key in keys {
                if known.contains(&key.as_str()) {
                    continue;
                }
                let best = crate::suggest::closest(key, known.iter().copied(), 2);
                let names = || known.iter().copied().collect::<Names>();
                let hint: Text = match (best, known.is_empty(), kind) {
                    (Some(k), _, _) => Common::DidYouMean { name: k.into() }.into(),
                    (None, true, Table::Inputs) => Eval::HintNoInputs.into(),
                    (None, true, Table::Answers) => Eval::HintNoQuestions.into(),
                    (None, true, Table::Ratings) => Eval::HintNoRated.into(),
                    (None, false, Table::Inputs) => Eval::HintInputsAre { names: names() }.into(),
                    (None, false, Table::Answers) => {
                        Eval::HintQuestionsAre { names: names() }.into()
                    }
                    (None, false, Table::Ratings) => Eval::HintRatedAre { names: names() }.into(),
                };
                let (key_name, framework) = (key.into(), model.id.as_str().into());
                let message = match kind {
                    Table::Inputs => Eval::NotAnInput {
                        key: key_name,
                        framework,
                    },
                    Table::Answers => Eval::NotAQuestion {
                        key: key_name,
                        framework,
                    },
                    Table::Ratings => Eval::NotARatedIndicator {
                        key: key_name,
                        framework,
                    },
                };
                self.problem(
                    Diagnostic::error(Code::DataShape, message).with_hint(hint),
                    &format!("{table}.{key}"),
                    Eval::LabelUnknownKey,
                );
            }
        }
        let unit = self.data.funds_unit();
        for (i, src) in raw.funds.sources.iter().enumerate() {
            for ((field, header), cell) in crate::data::FUND_FIGURES.into_iter().zip(src.figures())
            {
                let Some(cell) = cell else { continue };
                if let Err(why) = inputs::money(cell, unit) {
                    self.problem(
                        Diagnostic::error(
                            Code::BadNotation,
                            Eval::SourceNotAmount {
                                column: header,
                                field: field.into(),
                                source: src.name.as_str().into(),
                                why,
                            },
                        )
                        .with_hint(Eval::HintAmount {
                            unit: unit.to_owned(),
                        }),
                        &format!("funds.sources[{i}].{field}"),
                        Eval::LabelNotAmount,
                    );
                }
            }
        }
    }

    /// A framework applies only to the fiscal years it declares.
    fn check_period(&self) {
        let Some((from, to)) = self.model.period else {
            return;
        };
        let covered = || {
            nested(match to {
                Some(t) if t == from => Eval::YearsOne { year: from },
                Some(t) => Eval::YearsRange { from, to: t },
                None => Eval::YearsFrom { from },
            })
        };
        let framework = || self.model.id.as_str().into();
        match self.data.raw.year {
            Some(y) if y < from || to.is_some_and(|t| y > t) => self.error(
                Diagnostic::error(
                    Code::OutOfPeriod,
                    Eval::OutOfPeriod {
                        framework: framework(),
                        years: covered(),
                        year: y,
                    },
                )
                .with_hint(Eval::HintOutOfPeriod),
                "year",
                Eval::LabelOutsideYears,
            ),
            Some(_) => {}
            None => {
                let d = Diagnostic::warning(
                    Code::OutOfPeriod,
                    Eval::NoYear {
                        framework: framework(),
                        years: covered(),
                    },
                )
                .with_hint(Eval::HintAddYear)
                .with_place(self.data.whole());
                self.diags.borrow_mut().push(d);
            }
        }
    }

    /// Compute lets in order; failures are returned, not yet reported.
    fn compute_lets(&mut self) -> Vec<Diagnostic> {
        let mut errors = Vec::new();
        for decl in &self.model.lets {
            let env = Env {
                model: self.model,
                inputs: &self.inputs,
                lets: &self.lets,
                ind: None,
            };
            let v = match eval(&decl.expr, env) {
                Ok(Value::Q(q)) => Some(Value::Q(match decl.ty.display_unit() {
                    Some(u) if q.unit.dimension() == u.dimension() => Quantity {
                        value: q.value,
                        unit: u,
                    },
                    _ => q,
                })),
                Ok(v) => Some(v),
                Err((e, span)) => {
                    // A missing value upstream was already reported.
                    if !e.is_unavailable() {
                        errors.push(
                            Diagnostic::error(
                                e.code,
                                Eval::CannotCompute {
                                    name: decl.name.as_str().into(),
                                    why: nested(*e.message),
                                },
                            )
                            .with_primary(span, Eval::LabelFailsHere)
                            .with_place(self.data.whole())
                            .with_hint(Eval::HintCheckFigures),
                        );
                    }
                    None
                }
            };
            self.lets.push(v);
        }
        errors
    }

    /// Whether to build the text only reports read.
    fn full(&self) -> bool {
        self.detail == Detail::Full
    }

    fn env<'s>(&'s self, ind: Option<&'s Ind<'s>>) -> Env<'s> {
        Env {
            model: self.model,
            inputs: &self.inputs,
            lets: &self.lets,
            ind,
        }
    }

    /// Report an error at a data field.
    fn error(&self, d: Diagnostic, path: &str, label: Eval) {
        let d = self.data.at(d, path, label);
        self.diags.borrow_mut().push(d);
    }

    /// A departure from the framework at a data field that a person can
    /// still judge: an error under `--strict`, a warning as submitted.
    fn problem(&self, mut d: Diagnostic, path: &str, label: Eval) {
        if !self.strict {
            d.severity = Severity::Warning;
        }
        self.error(d, path, label);
    }

    /// Report a warning at a data field.
    fn warn(&self, d: Diagnostic, path: &str, label: Eval) {
        self.error(d, path, label);
    }

    fn runtime(&self, e: &OpError, span: Span, here: &str, name: &str) {
        let d = Diagnostic::error(
            e.code,
            Eval::ScoringFailed {
                name: name.into(),
                why: nested((*e.message).clone()),
            },
        )
        .with_primary(span, Eval::LabelInThisFormula)
        .with_hint(Eval::HintCheckRow);
        let (_, loc) = self.data.locate(here);
        self.diags.borrow_mut().push(d.with_place(loc));
    }

    /// Keep a formula's score within 0..weight, warning when it was not.
    fn within_weight(
        &self,
        raw: Exact,
        weight: &Exact,
        span: Span,
        here: &str,
        name: &str,
    ) -> Exact {
        let clamped = raw.clone().max_of(Exact::ZERO).min_of(weight.clone());
        if clamped != raw {
            let (_, loc) = self.data.locate(here);
            self.diags.borrow_mut().push(
                Diagnostic::warning(
                    Code::ScoreRange,
                    Eval::OutsideWeight {
                        name: name.into(),
                        raw,
                        weight: weight.clone(),
                        counted: clamped.clone(),
                    },
                )
                .with_primary(span, Eval::LabelLeavesRange)
                .with_place(loc)
                .with_hint(Eval::HintCapFormula),
            );
        }
        clamped
    }

    /// Evaluate checks; `row` gives the data location for per-row checks.
    fn run_checks(&self, checks: &[Check], env: Env<'_>, row: Option<(&str, &str)>) {
        let mut found = Vec::new();
        for c in checks {
            let holds = match eval(&c.cond, env).map(|v| v.boolean(What::Require)) {
                Ok(Ok(b)) => b,
                // A value the condition needs is missing or failed: that
                // failure is reported where it happened.
                _ => continue,
            };
            if holds {
                continue;
            }
            let text = rows::message(&c.message, env).into();
            let code = rows::check_code(c.severity);
            let message = match (row, c.severity) {
                (Some((_, name)), _) => Eval::RequireRow {
                    name: name.into(),
                    text,
                },
                (None, Severity::Error) => Eval::RequireError { text },
                (None, Severity::Warning | Severity::Note) => Eval::RequireWarn { text },
            };
            let mut d = match c.severity {
                Severity::Error => Diagnostic::error(code, message),
                Severity::Warning | Severity::Note => Diagnostic::warning(code, message),
            }
            .with_secondary(c.span, Eval::LabelRequiredHere);
            d = match row {
                Some((here, _)) => {
                    let (span, loc) = self.data.locate(&format!("{here}.actual"));
                    let d = d.with_place(loc);
                    match span {
                        Some(s) => d.with_primary(s, Eval::LabelThisValue),
                        None => d,
                    }
                }
                None => d.with_place(self.data.whole()),
            };
            found.push(d);
        }
        self.diags.borrow_mut().extend(found);
    }

    /// What was not judged, if anything: a warning for each part already
    /// said where it was found; here, the sum.
    fn partial(&self, judged: &Exact) -> Option<Partial> {
        let unjudged = self.unjudged.borrow().clone();
        if unjudged.is_empty() {
            return None;
        }
        let known: Option<Exact> = unjudged.iter().map(|u| u.weight.clone()).sum();
        let of = match known {
            Some(rest) => judged + &rest,
            None => self.model.total.clone(),
        };
        Some(Partial {
            judged: judged.clone(),
            of,
            unjudged,
        })
    }

    /// A problem of row `i` found while placing it: an error under
    /// `--strict`; as submitted a warning, and the row, when `left_out`
    /// (it cannot be placed in the tree), is not judged.
    fn row_problem(&self, i: usize, mut d: Diagnostic, field: &str, label: Eval, left_out: bool) {
        if !self.strict {
            d.severity = Severity::Warning;
            if left_out {
                let row = &self.data.raw.indicators[i];
                self.not_judged(&row.name, self.weights[i].clone());
            }
        }
        self.error(d, &format!("indicators[{i}].{field}"), label);
    }

    /// As submitted, a row that cannot be scored is not judged: the errors
    /// found in it since `before` become warnings, and it is named.
    fn row_not_judged(&self, i: usize, before: usize) {
        let mut diags = self.diags.borrow_mut();
        let mut any = false;
        for d in &mut diags[before..] {
            if d.is_error() {
                d.severity = Severity::Warning;
                any = true;
            }
        }
        drop(diags);
        if any {
            let row = &self.data.raw.indicators[i];
            self.not_judged(&row.name, self.weights[i].clone());
        }
    }

    /// A part that cannot be judged, as submitted: named, with its weight.
    fn not_judged(&self, name: &str, weight: Option<Exact>) {
        self.unjudged.borrow_mut().push(Unjudged {
            name: name.to_owned(),
            weight,
        });
    }

    /// Round once, as the framework says.
    fn round(&self, d: &Exact) -> Exact {
        d.round(self.model.rounding.places, self.model.rounding.mode)
    }

    /// A score, shown with the framework's decimal places.
    fn points(&self, d: Exact) -> Points {
        Points::new(d, self.model.rounding.places)
    }

    /// Apply leaf rounding and a deduction; return the counted score and the
    /// explanation `formula = raw → rounded`.
    fn finish_leaf(
        &self,
        raw: Exact,
        deduction: Option<Exact>,
        formula: Explanation,
    ) -> (Exact, Explanation) {
        let per_leaf = self.model.rounding.scope == RoundScope::PerLeaf;
        let rounded = if per_leaf {
            self.round(&raw)
        } else {
            raw.clone()
        };
        if !self.full() {
            let score = match deduction {
                Some(d) => (rounded - d).max_of(Exact::ZERO),
                None => rounded,
            };
            return (score, Explanation::default());
        }
        let shown = raw.approx(4);
        let mut text = formula;
        // `86.54万元 ≤ 87.65万元 ⇒ 25` needs no `= 25` after it.
        if !(text.is(&shown.0) || text.ends_with(&format!("⇒ {}", shown.0))) {
            text.push(&format!(" {} {}", if shown.1 { "=" } else { "≈" }, shown.0));
        }
        if per_leaf && rounded != raw {
            text.push(&format!(" → {}", self.points(rounded.clone())));
        }
        let score = match deduction {
            Some(d) => {
                let after = (&rounded - &d).max_of(Exact::ZERO);
                text.word(Eval::ExplainDeduction {
                    points: d,
                    after: self.points(after.clone()),
                });
                after
            }
            None => rounded,
        };
        (score, text)
    }

    fn node(&self, id: NodeId, by_slot: &rows::SlotRows) -> Option<ScoredNode<'a>> {
        let model = self.model;
        let node = &model.nodes[id];
        let path: Vec<&'a str> = if self.full() {
            model.path(id)
        } else {
            Vec::new()
        };
        let (kind, children, leaf, weight, score) = match &node.kind {
            NodeKind::Group => {
                let mut kids: Vec<ScoredNode> = node
                    .children
                    .iter()
                    .filter_map(|&c| self.node(c, by_slot))
                    .collect();
                if node.renormalize {
                    self.renormalize(&mut kids, id);
                }
                let sum: Exact = kids.iter().map(|k| &k.score.value).sum();
                let score =
                    if node.renormalize && self.model.rounding.scope != RoundScope::TotalOnly {
                        self.round(&sum)
                    } else {
                        self.group_round(sum)
                    };
                // A group holding rows weighs what its children weigh as
                // submitted (the framework's weight, for a table that
                // follows it); under `--strict` a departure stopped above.
                let holds_rows = node
                    .children
                    .iter()
                    .any(|&c| rows::is_slot(&model.nodes[c].kind));
                let no_rows = node.children.iter().all(|&c| by_slot.get(c).is_empty());
                if holds_rows
                    && no_rows
                    && !self.strict
                    && let Some(w) = node.weight.as_ref().filter(|w| !w.is_zero())
                {
                    // The table was cut off, or left the group out: the
                    // group is not judged, rather than judged as 0 of 0.
                    self.not_judged(&node.name, Some(w.clone()));
                    self.diags.borrow_mut().push(
                        Diagnostic::warning(
                            Code::RowWeightSum,
                            Eval::GroupNotJudged {
                                group: node.name.as_str().into(),
                                weight: w.clone(),
                            },
                        )
                        .with_secondary(node.span, Eval::LabelGroupHere)
                        .with_place(self.data.whole()),
                    );
                }
                let weight = if holds_rows && !node.renormalize {
                    kids.iter().map(|k| &k.weight).sum()
                } else {
                    node.weight.clone().unwrap_or_default()
                };
                (NodeKindView::Group, kids, None, weight, score)
            }
            NodeKind::Slot(_) => {
                let rows = by_slot.get(id);
                let mut kids = Vec::with_capacity(rows.len());
                for &i in rows {
                    let row = &self.data.raw.indicators[i];
                    let before = self.diags.borrow().len();
                    let scored = rows::score_row(self, id, i);
                    if scored.is_none() && !self.strict {
                        self.row_not_judged(i, before);
                    }
                    if let Some((score, leaf)) = scored {
                        let row_path = if self.full() {
                            let mut p = path.clone();
                            p.push(row.name.as_str());
                            p
                        } else {
                            Vec::new()
                        };
                        kids.push(ScoredNode {
                            name: &row.name,
                            path: row_path,
                            row: Some(i),
                            kind: NodeKindView::Row,
                            level: node.level + 1,
                            weight: self.weights[i].clone().unwrap_or_default(),
                            score: self.points(score),
                            children: Vec::new(),
                            leaf: Some(leaf),
                        });
                    }
                }
                // The rows' weights as submitted (a slot with a weight of
                // its own that they depart from was said above).
                let weight = if self.strict {
                    node.weight
                        .clone()
                        .unwrap_or_else(|| kids.iter().map(|k| &k.weight).sum())
                } else {
                    kids.iter().map(|k| &k.weight).sum()
                };
                let sum: Exact = kids.iter().map(|k| &k.score.value).sum();
                (
                    NodeKindView::Slot,
                    kids,
                    None,
                    weight,
                    self.group_round(sum),
                )
            }
            NodeKind::Question {
                id: qid,
                text,
                scale,
            } => {
                // Relative weight; a `renormalize` group turns it into points.
                let weight = node.weight.clone().unwrap_or(Exact::ONE);
                let (score, leaf) = self.question(qid, text.as_deref(), *scale, &weight)?;
                (
                    NodeKindView::Question,
                    Vec::new(),
                    Some(leaf),
                    weight,
                    score,
                )
            }
            NodeKind::Indicator(def) if def.rated => {
                let weight = node.weight.clone().unwrap_or_default();
                let (score, leaf) = self.rated(&node.name, &weight)?;
                (
                    NodeKindView::Indicator,
                    Vec::new(),
                    Some(leaf),
                    weight,
                    score,
                )
            }
            NodeKind::Indicator(def) => {
                let weight = node.weight.clone().unwrap_or_default();
                let (score, leaf) = self.indicator(id, def, &weight)?;
                (
                    NodeKindView::Indicator,
                    Vec::new(),
                    Some(leaf),
                    weight,
                    score,
                )
            }
        };
        Some(ScoredNode {
            name: &node.name,
            path,
            row: None,
            kind,
            level: node.level,
            weight,
            score: self.points(score),
            children,
            leaf,
        })
    }

    /// In a `renormalize` group, children that do not apply drop out and the
    /// others share the group's weight in proportion to their own weights.
    fn renormalize(&self, kids: &mut [ScoredNode], group: NodeId) {
        let node = &self.model.nodes[group];
        let group_weight = node.weight.clone().unwrap_or_default();
        let applies = |k: &ScoredNode| k.leaf.as_ref().is_none_or(|l| l.applicable);
        let total: Exact = kids.iter().filter(|k| applies(k)).map(|k| &k.weight).sum();
        if total.is_zero() {
            // Nothing to share the weight: the group scores 0, which is
            // rarely what the evaluator meant by answering N/A throughout.
            if !kids.is_empty() && !group_weight.is_zero() {
                let d = Diagnostic::warning(
                    Code::NothingApplies,
                    Eval::NothingApplies {
                        group: node.name.as_str().into(),
                        weight: group_weight.clone(),
                    },
                )
                .with_secondary(node.span, Eval::LabelSharesWeight)
                .with_note(Eval::NoteNoneApplies { count: kids.len() })
                .with_hint(Eval::HintNothingApplies)
                .with_place(self.data.whole());
                self.diags.borrow_mut().push(d);
            }
            return;
        }
        // Shares are exact and the group's sum is rounded once (see
        // `node`): rounding each share to the score's places could make
        // three thirds of 20 add up to 20.01.
        let Some(factor) = group_weight.div(&total) else {
            return;
        };
        for k in kids.iter_mut() {
            if !applies(k) {
                k.weight = Exact::ZERO;
                k.score = self.points(Exact::ZERO);
                continue;
            }
            if factor == Exact::ONE {
                continue;
            }
            let share = &k.weight * &factor;
            let raw = k.leaf.as_ref().map_or(&k.score.value, |l| &l.raw_score) * &factor;
            if let Some(leaf) = k.leaf.as_mut() {
                if self.full() {
                    let (share, exact) = raw.approx(4);
                    let (weight, _) = k.weight.approx(4);
                    leaf.explanation.word(Eval::ExplainShare {
                        weight,
                        applicable: total.clone(),
                        raw: leaf.raw_score.approx(4).0,
                        group: group_weight.clone(),
                        sign: if exact { "=" } else { "≈" },
                        share,
                    });
                }
                leaf.raw_score = raw.clone();
            }
            k.weight = share;
            k.score = self.points(raw);
        }
    }

    fn question(
        &self,
        qid: &str,
        text: Option<&str>,
        scale: usize,
        weight: &Exact,
    ) -> Option<(Exact, Leaf)> {
        let scale = &self.model.scales[scale];
        let options = || scale.answers.iter().map(|(a, _)| a.as_str()).collect();
        let Some(answer) = self.data.raw.answers.get(qid) else {
            self.error(
                Diagnostic::error(
                    Code::BadAnswer,
                    Eval::NoAnswer {
                        question: qid.into(),
                    },
                )
                .with_hint(Eval::HintAddAnswer {
                    line: format!("\"{qid}\" = \"…\""),
                    options: options(),
                }),
                "answers",
                Eval::LabelNoAnswer,
            );
            return None;
        };
        let Some((name, value)) = scale.answers.iter().find(|(a, _)| a == answer.trim()) else {
            self.error(
                Diagnostic::error(
                    Code::BadAnswer,
                    Eval::UnknownAnswer {
                        answer: answer.as_str().into(),
                        scale: scale.name.as_str().into(),
                        question: qid.into(),
                    },
                )
                .with_hint(Eval::HintAnswerOneOf { options: options() }),
                &format!("answers.{qid}"),
                Eval::LabelUnknownAnswer,
            );
            return None;
        };
        let mut formula = Explanation::new(self.model.language);
        let (raw, applicable) = match value {
            Some(v) => {
                formula.word(Eval::ExplainAnswer {
                    answer: name.clone(),
                    share: Quantity {
                        value: v.clone(),
                        unit: Unit::Percent,
                    },
                    weight: weight.clone(),
                });
                (weight * v, true)
            }
            None => {
                formula.push(name);
                formula.word(Eval::ExplainNotApplicable);
                (Exact::ZERO, false)
            }
        };
        let (score, explanation) = if applicable {
            self.finish_leaf(raw.clone(), None, formula)
        } else {
            (raw.clone(), formula)
        };
        Some((
            score,
            Leaf::new(
                "question",
                (text.unwrap_or("—").to_owned(), name.clone()),
                explanation,
                raw,
                weight,
                applicable,
            ),
        ))
    }

    fn rated(&self, name: &str, weight: &Exact) -> Option<(Exact, Leaf)> {
        let here = format!("ratings.{name}");
        let Some(rating) = self.data.raw.ratings.get(name) else {
            self.error(
                Diagnostic::error(Code::MissingRating, Eval::NoRating { name: name.into() })
                    .with_hint(Eval::HintAddRating {
                        name: name.to_owned(),
                    }),
                "ratings",
                Eval::LabelNoRating,
            );
            return None;
        };
        rows::rate(self, name, weight.clone(), rating, &here)
    }

    fn group_round(&self, sum: Exact) -> Exact {
        if self.model.rounding.scope == RoundScope::PerGroup {
            self.round(&sum)
        } else {
            sum
        }
    }

    fn indicator(
        &self,
        id: NodeId,
        def: &crate::check::model::IndicatorDef,
        weight: &Exact,
    ) -> Option<(Exact, Leaf)> {
        if self.figures_refused.get() {
            return None;
        }
        let name = self.model.nodes[id].name.clone();
        let base = self.env(None);
        let target = def.target.as_ref().and_then(|e| eval(e, base).ok());
        let actual = def.actual.as_ref().and_then(|e| eval(e, base).ok());
        let ind = Ind {
            weight: weight.clone(),
            target: target.clone(),
            actual: actual.clone(),
            target_expr: def.target.as_ref(),
            actual_expr: def.actual.as_ref(),
            memo: Default::default(),
        };
        let env = self.env(Some(&ind));
        let skipped = matches!(eval(&def.score, env), Ok(Value::Skip));
        let raw = match eval(&def.score, env) {
            Ok(Value::Skip) => Exact::ZERO,
            Ok(v) => match v.quantity(What::Score) {
                Ok(q) => q.value.clone(),
                Err(e) => {
                    let span = def.score.span;
                    self.runtime(&e, span, "funds", &name);
                    return None;
                }
            },
            Err((e, span)) => {
                // A missing value was reported where it failed.
                if !e.is_unavailable() {
                    self.runtime(&e, span, "funds", &name);
                } else if !self.strict {
                    self.not_judged(&name, Some(weight.clone()));
                    self.diags.borrow_mut().push(
                        Diagnostic::warning(
                            Code::MissingInput,
                            Eval::IndicatorNotJudged {
                                name: name.as_str().into(),
                                weight: weight.clone(),
                            },
                        )
                        .with_secondary(def.score.span, Eval::LabelNeedsFigure)
                        .with_place(self.data.whole()),
                    );
                }
                return None;
            }
        };
        let formula = if self.full() {
            explain(&def.score, env, self.model.language)
        } else {
            Explanation::default()
        };
        self.run_checks(&def.checks, env, None);
        let raw = self.within_weight(raw, weight, def.score.span, "funds", &name);
        let (score, explanation) = if skipped {
            let mut formula = formula;
            // `… ⇒ n/a` says it already.
            if self.full() && !formula.ends_in_skip() {
                formula.word(Eval::ExplainNotApplicable);
            }
            (Exact::ZERO, formula)
        } else {
            self.finish_leaf(raw.clone(), None, formula)
        };
        let show = |v: &Option<Value>| match v {
            _ if !self.full() => String::new(),
            Some(Value::Q(q)) => result::quantity_text(q),
            Some(v) => v.to_string(),
            None => "—".to_owned(),
        };
        let completion = match (&actual, &target) {
            (Some(Value::Q(a)), Some(Value::Q(t))) if self.full() => rows::ratio(a, t),
            _ => None,
        };
        Some((
            score,
            Leaf {
                completion,
                actual_value: match &actual {
                    Some(Value::Q(q)) => Some(q.clone()),
                    _ => None,
                },
                ..Leaf::new(
                    "formula",
                    (show(&target), show(&actual)),
                    explanation,
                    raw,
                    weight,
                    !skipped,
                )
            },
        ))
    }

    /// Rows of a group must add up to the group's weight.
    fn check_row_weights(&self, by_slot: &rows::SlotRows) {
        let model = self.model;
        let row_sum = |slot: NodeId| -> Exact {
            by_slot
                .get(slot)
                .iter()
                .filter_map(|&i| self.weights[i].as_ref())
                .sum()
        };
        for (id, node) in model.nodes.iter().enumerate() {
            let has_open_slot = node
                .children
                .iter()
                .any(|&c| rows::is_slot(&model.nodes[c].kind) && model.nodes[c].weight.is_none());
            let is_fixed_slot = rows::is_slot(&node.kind) && node.weight.is_some();
            let child_weight =
                |c: NodeId| model.nodes[c].weight.clone().unwrap_or_else(|| row_sum(c));
            let (expected, got) = if has_open_slot {
                let got: Exact = node.children.iter().map(|&c| child_weight(c)).sum();
                (node.weight.clone().unwrap_or_default(), got)
            } else if is_fixed_slot {
                (node.weight.clone().unwrap_or_default(), row_sum(id))
            } else {
                continue;
            };
            let one = [id];
            let slot_ids: &[NodeId] = if is_fixed_slot { &one } else { &node.children };
            let any_rows = slot_ids.iter().any(|&s| !by_slot.get(s).is_empty());
            // As submitted, a group with no rows at all is not judged
            // (said where it is scored), not a sum of 0.
            if !any_rows && !self.strict {
                continue;
            }
            if got != expected && (any_rows || !expected.is_zero()) {
                let first_row = slot_ids
                    .iter()
                    .find_map(|&s| by_slot.get(s).first().copied());
                let group = model.path(id).join("/").into();
                // As submitted, the table's weights are what the unit
                // claimed: scored with them, and the departure said.
                let mut d = if self.strict {
                    Diagnostic::error(
                        Code::RowWeightSum,
                        Eval::RowWeights {
                            group,
                            got: got.clone(),
                            expected: expected.clone(),
                        },
                    )
                    .with_hint(Eval::HintRowWeights {
                        expected: expected.clone(),
                    })
                } else {
                    Diagnostic::warning(
                        Code::RowWeightSum,
                        Eval::RowWeightsDepart {
                            group,
                            got: got.clone(),
                            expected: expected.clone(),
                        },
                    )
                    .with_hint(Eval::HintRowWeightsFramework {
                        expected: expected.clone(),
                    })
                }
                .with_secondary(node.span, Eval::LabelFrameworkWeight);
                let parts: Vec<String> = if has_open_slot {
                    node.children
                        .iter()
                        .map(|&c| (&model.nodes[c].name, child_weight(c)))
                        .filter(|(_, w)| !w.is_zero())
                        .map(|(name, w)| format!("{name} {}", w))
                        .collect()
                } else {
                    Vec::new()
                };
                if !parts.is_empty() {
                    d = d.with_note(Eval::NoteWeightParts {
                        sum: format!("{} = {}", parts.join(" + "), got),
                    });
                }
                match first_row {
                    Some(i) => {
                        self.error(d, &format!("indicators[{i}].weight"), Eval::LabelOneOfRows)
                    }
                    None => {
                        let (_, place) = self.data.locate("indicators");
                        self.diags
                            .borrow_mut()
                            .push(d.with_place(place).with_note(Eval::NoteNoRows));
                    }
                }
            }
        }
    }

    fn missing_reasons(&self, e: &Evaluation) {
        fn rows<'e>(nodes: &'e [ScoredNode], out: &mut dyn FnMut(&'e ScoredNode)) {
            for n in nodes {
                if n.kind == NodeKindView::Row {
                    out(n);
                }
                rows(&n.children, out);
            }
        }
        let mut found = Vec::new();
        rows(&e.tree, &mut |n| found.push(n));
        for n in found {
            let Some(leaf) = &n.leaf else { continue };
            // A met target with a deduction has `deduction_reason` instead.
            if n.kind == NodeKindView::Row && !leaf.met && leaf.applicable && leaf.reason.is_none()
            {
                let idx = n.row;
                let d = Diagnostic::warning(
                    Code::MissingReason,
                    Eval::MissingReason {
                        name: n.name.into(),
                        score: n.score.clone(),
                        weight: n.weight.clone(),
                    },
                )
                .with_hint(Eval::HintAddReason);
                match idx {
                    // A spreadsheet row has an empty 偏差原因 cell to point
                    // at; a data file has no `reason` key, only the row.
                    Some(i) if self.data.from_spreadsheet() => {
                        self.warn(d, &format!("indicators[{i}].reason"), Eval::LabelThisRow);
                    }
                    Some(i) => self.warn(d, &format!("indicators[{i}]"), Eval::LabelThisRow),
                    None => self.diags.borrow_mut().push(d),
                }
            }
        }
    }

    fn project(&self) -> ProjectInfo<'a> {
        let p = &self.data.raw.project;
        ProjectInfo {
            name: &p.name,
            department: &p.department,
            unit: &p.unit,
            code: &p.code,
            year: self.data.raw.year,
            source: &self.data.file_name,
            rows: match self.data.whole() {
                crate::place::Place::Rows { first, last, .. } => Some([first, last]),
                _ => None,
            },
        }
    }

    fn funds(&self) -> Vec<FundRow<'a>> {
        let f = &self.data.raw.funds;
        let unit = self.data.funds_unit();
        // The project's own amounts are usually inputs too, already read
        // the same way (`inputs::money` in the funds unit): not read again.
        let bound = |source: InputSource| {
            if unit.is_empty() {
                return None;
            }
            self.model
                .inputs
                .iter()
                .zip(&self.inputs)
                .find(|(d, _)| d.source == source && d.ty == Ty::Money)
                .and_then(|(_, v)| match v {
                    Some(Value::Q(q)) => Some(q),
                    _ => None,
                })
        };
        let show = |c: &Option<crate::data::Cell>, read: Option<&Quantity>| -> Option<Amount> {
            c.as_ref().map(|c| {
                let value = match read {
                    Some(q) => Some(q.clone()),
                    None => inputs::money(c, unit).ok(),
                };
                // Only reports show the amounts; a summary needs the rate.
                let text = match &value {
                    Some(q) if self.full() => q.to_string(),
                    Some(_) => String::new(),
                    None => c.text.clone(),
                };
                Amount { text, value }
            })
        };
        let row = |name: &'a str,
                   (initial, budget, executed): (
            &Option<crate::data::Cell>,
            &Option<crate::data::Cell>,
            &Option<crate::data::Cell>,
        ),
                   read: [Option<&Quantity>; 3]| {
            let (b, e) = (show(budget, read[1]), show(executed, read[2]));
            let value = |a: &Option<Amount>| a.as_ref().and_then(|a| a.value.clone());
            let rate = match (value(&b), value(&e)) {
                (Some(b), Some(e)) => rows::ratio(&e, &b),
                _ => None,
            };
            FundRow {
                name,
                initial: show(initial, read[0]),
                budget: b,
                executed: e,
                rate,
            }
        };
        if f.initial.is_none() && f.budget.is_none() && f.executed.is_none() && f.sources.is_empty()
        {
            return Vec::new();
        }
        let read = [
            bound(InputSource::FundsInitial),
            bound(InputSource::FundsBudget),
            bound(InputSource::FundsExecuted),
        ];
        let mut out = vec![row(
            "年度资金总额",
            (&f.initial, &f.budget, &f.executed),
            read,
        )];
        out.extend(
            f.sources
                .iter()
                .map(|s| row(&s.name, (&s.initial, &s.budget, &s.executed), [None; 3])),
        );
        out
    }

    fn figures(&self) -> Vec<Figure> {
        let inputs = self
            .model
            .inputs
            .iter()
            .zip(&self.inputs)
            .map(|(d, v)| (d.name.clone(), d.label.clone(), v.as_ref()));
        let lets = self
            .model
            .lets
            .iter()
            .zip(&self.lets)
            .map(|(d, v)| (d.name.clone(), None, v.as_ref()));
        inputs
            .chain(lets)
            .filter_map(|(name, label, v)| {
                let v = v?;
                let (value, exact, unit) = match v {
                    Value::Q(q) => (
                        if q.unit == Unit::Percent {
                            q.display_fixed(2)
                        } else {
                            match q.display_max(4) {
                                (shown, true) => shown,
                                (shown, false) => format!("≈{shown}"),
                            }
                        },
                        q.shown().to_string(),
                        q.unit.suffix().to_owned(),
                    ),
                    Value::Skip => ("n/a".to_owned(), String::new(), String::new()),
                    other => (other.to_string(), other.to_string(), String::new()),
                };
                Some(Figure {
                    name,
                    label,
                    value,
                    exact,
                    unit,
                    quantity: match v {
                        Value::Q(q) => Some(q.clone()),
                        _ => None,
                    },
                })
            })
            .collect()
    }
}
