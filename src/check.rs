//! Phase 2: [`ast::Framework`] → [`model::Model`].
//!
//! The checker reports every problem it finds in one run (it does not stop
//! at the first): names, types and units of formulas, weights that do not add
//! up, grade bands that overlap or leave gaps, qualitative bands, missing
//! rules. It returns a model only when there are no errors; warnings travel
//! beside it.

mod expr;
mod grades;
pub mod model;
mod rules;
#[cfg(test)]
mod tests;
mod tree;

use crate::catalogue::check::Check as Msg;
use crate::catalogue::common::Common;
use crate::catalogue::{Name, Names};
use crate::diagnostic::{Code, Diagnostic, has_errors};
use crate::exact::Exact;
use crate::quantity::RoundMode;
use crate::span::Span;
use crate::syntax::ast::{self, Item, RoundScope};
use expr::{IndicatorScope, Scope, resolve};
use model::{Check, InputDecl, InputSource, LetDecl, MessagePart, Model, Rounding, Ty};

/// The result of checking: the model (when there are no errors) and every
/// diagnostic, warnings included.
#[derive(Debug)]
pub struct Checked {
    /// The model, `None` when any diagnostic is an error.
    pub model: Option<Model>,
    /// Errors and warnings, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Check a parsed framework.
pub fn check(fw: &ast::Framework) -> Checked {
    let mut cx = Checker::default();
    let model = cx.framework(fw);
    let diagnostics = cx.diags;
    let model = if has_errors(&diagnostics) {
        None
    } else {
        Some(model)
    };
    Checked { model, diagnostics }
}

#[derive(Default)]
struct Checker {
    diags: Vec<Diagnostic>,
    inputs: Vec<(String, Ty)>,
    lets: Vec<(String, Ty)>,
    scales: Vec<model::Scale>,
}

/// Names reserved for indicator values.
const RESERVED: &[&str] = &["weight", "target", "actual", "score"];

impl Checker {
    fn framework(&mut self, fw: &ast::Framework) -> Model {
        let basis = self.single(
            fw,
            |i| match i {
                Item::Basis(b) => Some((b.node.clone(), b.span)),
                _ => None,
            },
            "basis",
        );
        let total = self.single(
            fw,
            |i| match i {
                Item::Total(t) => Some(((t.node.clone(), t.span), t.span)),
                _ => None,
            },
            "total",
        );
        let rounding = self
            .single(
                fw,
                |i| match i {
                    Item::Rounding(r) => Some((r.clone(), r.span)),
                    _ => None,
                },
                "round",
            )
            .map_or(
                Rounding {
                    places: 2,
                    mode: RoundMode::HalfUp,
                    scope: RoundScope::PerLeaf,
                },
                |r| Rounding {
                    places: r.places.node,
                    mode: r.mode.map_or(RoundMode::HalfUp, |m| m.node),
                    scope: r.scope.map_or(RoundScope::PerLeaf, |s| s.node),
                },
            );
        let grades_ast = self.single(
            fw,
            |i| match i {
                Item::Grades(g) => Some((g.clone(), g.span)),
                _ => None,
            },
            "grades",
        );

        let period = self
            .single(
                fw,
                |i| match i {
                    Item::Period(p) => Some((p.clone(), p.span)),
                    _ => None,
                },
                "years",
            )
            .map(|p| self.period(&p));
        let language = self
            .single(
                fw,
                |i| match i {
                    Item::Language(l) => Some((l.clone(), l.span)),
                    _ => None,
                },
                "language",
            )
            .map_or(model::Language::Zh, |l| match l.node.as_str() {
                "zh" => model::Language::Zh,
                "en" => model::Language::En,
                other => {
                    self.diags.push(
                        Diagnostic::error(
                            Code::UnknownLanguage,
                            Msg::UnknownLanguage {
                                code: Name::new(other),
                            },
                        )
                        .with_primary(l.span, Msg::LabelUnknownLanguage)
                        .with_hint(Msg::HintLanguage),
                    );
                    model::Language::Zh
                }
            });
        self.leftover_extension_items(fw);
        self.scales = self.scales(fw);

        let inputs = self.inputs(fw);
        let lets = self.lets(fw);
        let checks = fw
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Require(r) => Some(self.require(r, None)),
                _ => None,
            })
            .collect();

        let tree = tree::build(self, fw);
        let rules = rules::rule_set(
            self,
            fw.items.iter().filter_map(|i| match i {
                Item::Scoring(s) => Some(s),
                _ => None,
            }),
        );
        if tree.roots.is_empty() {
            self.diags.push(
                Diagnostic::error(Code::MissingPart, Msg::NoIndicators)
                    .with_primary(fw.id.span, Msg::LabelNoNodes)
                    .with_hint(Msg::HintAddTree),
            );
        }
        let total = tree::check_total(self, &tree, total, fw.id.span);
        let grades = match &grades_ast {
            Some(g) => grades::check(self, g, &total),
            None => Vec::new(),
        };
        let mut model = Model {
            id: fw.id.node.clone(),
            title: fw.title.as_ref().map(|t| t.node.clone()),
            basis,
            total,
            rounding,
            grades,
            inputs,
            lets,
            checks,
            nodes: tree.nodes,
            roots: tree.roots,
            rules,
            extends: fw.extends.as_ref().map(|e| e.node.clone()),
            language,
            period,
            scales: std::mem::take(&mut self.scales),
            tests: fw
                .items
                .iter()
                .filter_map(|i| {
                    if let Item::Test(t) = i {
                        Some(t.clone())
                    } else {
                        None
                    }
                })
                .collect(),
            span: fw.span,
            slot_paths: Vec::new(),
            slots_by_name: Default::default(),
        };
        model.index_slots();
        rules::check_coverage(self, &model, fw.id.span);
        model
    }

    fn period(&mut self, p: &ast::Period) -> (i64, Option<i64>) {
        if let Some(to) = &p.to
            && to.node < p.from.node
        {
            self.diags.push(
                Diagnostic::error(
                    Code::BadNumber,
                    Msg::PeriodBackwards {
                        from: p.from.node,
                        to: to.node,
                    },
                )
                .with_primary(p.span, Msg::LabelNotYearRange)
                .with_hint(Msg::HintYearsOrder),
            );
        }
        (p.from.node, p.to.as_ref().map(|t| t.node))
    }

    /// `reweight`, `remove` and `within` only make sense against a parent;
    /// after extension they are gone, so any left over is a mistake.
    fn leftover_extension_items(&mut self, fw: &ast::Framework) {
        for item in &fw.items {
            let (word, span) = match item {
                Item::Reweight(p, _) => ("reweight", p.span),
                Item::Remove(p) => ("remove", p.span),
                Item::Within(p, _, _) => ("within", p.span),
                _ => continue,
            };
            self.diags.push(
                Diagnostic::error(
                    Code::Extension,
                    Msg::NothingToChange {
                        keyword: Name::new(word),
                    },
                )
                .with_primary(span, Msg::LabelNothingToChange)
                .with_hint(Msg::HintExtendsOrDeclare {
                    code: Name::new(format!(
                        "framework {} extends <parent-id> {{ … }}",
                        fw.id.node
                    )),
                }),
            );
        }
    }

    fn scales(&mut self, fw: &ast::Framework) -> Vec<model::Scale> {
        let mut out: Vec<model::Scale> = Vec::new();
        for item in &fw.items {
            let Item::Answers(a) = item else { continue };
            if out.iter().any(|s| s.name == a.name.node) {
                self.diags.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        Msg::ScaleTwice {
                            name: Name::new(a.name.node.as_str()),
                        },
                    )
                    .with_primary(a.name.span, Msg::LabelDeclaredAgain),
                );
                continue;
            }
            let mut answers: Vec<(String, Option<Exact>)> = Vec::new();
            for (name, value) in &a.answers {
                if answers.iter().any(|(n, _)| *n == name.node) {
                    self.diags.push(
                        Diagnostic::error(
                            Code::DuplicateName,
                            Msg::AnswerTwice {
                                name: Name::new(name.node.as_str()),
                            },
                        )
                        .with_primary(name.span, Msg::LabelAgainHere),
                    );
                }
                if let Some(v) = value
                    && (v.node < Exact::ZERO || v.node > Exact::ONE)
                {
                    self.diags.push(
                        Diagnostic::error(
                            Code::BandRange,
                            Msg::AnswerWorth {
                                name: Name::new(name.node.as_str()),
                            },
                        )
                        .with_primary(v.span, Msg::LabelOutside0To100),
                    );
                }
                answers.push((name.node.clone(), value.as_ref().map(|v| v.node.clone())));
            }
            out.push(model::Scale {
                name: a.name.node.clone(),
                answers,
            });
        }
        out
    }

    /// A setting that may appear at most once; later copies are errors.
    fn single<T>(
        &mut self,
        fw: &ast::Framework,
        pick: impl Fn(&Item) -> Option<(T, Span)>,
        keyword: &str,
    ) -> Option<T> {
        let mut found: Option<(T, Span)> = None;
        for item in &fw.items {
            if let Some((v, span)) = pick(item) {
                if let Some((_, first)) = &found {
                    self.diags.push(
                        Diagnostic::error(
                            Code::DuplicateSetting,
                            Msg::SettingTwice {
                                keyword: Name::new(keyword),
                            },
                        )
                        .with_primary(span, Msg::LabelSecondDeclaration)
                        .with_secondary(*first, Msg::LabelFirstDeclared)
                        .with_hint(Msg::HintKeepOne),
                    );
                } else {
                    found = Some((v, span));
                }
            }
        }
        found.map(|(v, _)| v)
    }

    fn declared_name(&mut self, name: &crate::span::Spanned<String>) -> bool {
        if RESERVED.contains(&name.node.as_str()) {
            self.diags.push(
                Diagnostic::error(
                    Code::DuplicateName,
                    Msg::ReservedName {
                        name: Name::new(name.node.as_str()),
                    },
                )
                .with_primary(name.span, Msg::LabelReserved)
                .with_hint(Msg::HintOtherName),
            );
            return false;
        }
        true
    }

    fn inputs(&mut self, fw: &ast::Framework) -> Vec<InputDecl> {
        let mut out: Vec<InputDecl> = Vec::new();
        for item in &fw.items {
            let Item::Input(i) = item else { continue };
            if !self.declared_name(&i.name) {
                continue;
            }
            if let Some(prev) = out.iter().find(|p| p.name == i.name.node) {
                self.diags.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        Msg::InputTwice {
                            name: Name::new(i.name.node.as_str()),
                        },
                    )
                    .with_primary(i.name.span, Msg::LabelDeclaredAgain)
                    .with_secondary(prev.span, Msg::LabelFirstDeclared),
                );
                continue;
            }
            let ty = type_of(&i.ty.node);
            let default = i.default.as_ref().map(|d| {
                let scope = Scope {
                    inputs: &[],
                    lets: &[],
                    later_lets: &[],
                    indicator: None,
                };
                let (e, t) = resolve(d, &scope, &mut self.diags);
                self.expect_type(&t, &ty, d.span, Subject::Default(&i.name.node));
                e
            });
            let source = match &i.from {
                None => InputSource::Inputs,
                Some(path) => match InputSource::PATHS.iter().find(|(p, _)| *p == path.node) {
                    Some((_, s)) => *s,
                    None => {
                        let known: Names = InputSource::PATHS.iter().map(|(p, _)| *p).collect();
                        let best = InputSource::PATHS
                            .iter()
                            .map(|(p, _)| (strsim::levenshtein(&path.node, p), *p))
                            .filter(|(d, _)| *d <= 3)
                            .min_by_key(|(d, _)| *d);
                        let mut d = Diagnostic::error(
                            Code::BadDataPath,
                            Msg::NoDataField {
                                field: Name::new(path.node.as_str()),
                            },
                        )
                        .with_primary(path.span, Msg::LabelUnknownDataField);
                        if let Some((_, p)) = best {
                            d = d.with_hint(Common::DidYouMean { name: Name::new(p) });
                        }
                        self.diags
                            .push(d.with_hint(Msg::HintDataFields { fields: known }));
                        InputSource::Inputs
                    }
                },
            };
            self.inputs.push((i.name.node.clone(), ty.clone()));
            out.push(InputDecl {
                name: i.name.node.clone(),
                ty,
                default,
                source,
                label: i.label.as_ref().map(|l| l.node.clone()),
                span: i.span,
            });
        }
        out
    }

    fn lets(&mut self, fw: &ast::Framework) -> Vec<LetDecl> {
        let all: Vec<&ast::Let> = fw
            .items
            .iter()
            .filter_map(|i| if let Item::Let(l) = i { Some(l) } else { None })
            .collect();
        let mut out: Vec<LetDecl> = Vec::new();
        for (k, l) in all.iter().enumerate() {
            if !self.declared_name(&l.name) {
                continue;
            }
            let clash = self.inputs.iter().any(|(n, _)| *n == l.name.node)
                || out.iter().any(|p| p.name == l.name.node);
            if clash {
                self.diags.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        Msg::AlreadyDeclared {
                            name: Name::new(l.name.node.as_str()),
                        },
                    )
                    .with_primary(l.name.span, Msg::LabelDeclaredAgain)
                    .with_hint(Msg::HintOwnName),
                );
                continue;
            }
            let later: Vec<(String, Span)> = all[k..]
                .iter()
                .map(|x| (x.name.node.clone(), x.name.span))
                .collect();
            let scope = Scope {
                inputs: &self.inputs,
                lets: &self.lets,
                later_lets: &later,
                indicator: None,
            };
            let mut diags = Vec::new();
            let (expr, mut ty) = resolve(&l.value, &scope, &mut diags);
            self.diags.extend(diags);
            if let Some(declared) = &l.ty {
                let want = type_of(&declared.node);
                self.expect_type(&ty, &want, l.value.span, Subject::Let(&l.name.node));
                ty = want;
            }
            self.lets.push((l.name.node.clone(), ty.clone()));
            out.push(LetDecl {
                name: l.name.node.clone(),
                ty,
                expr,
                span: l.span,
            });
        }
        out
    }

    /// Check an expression in a scope, with the checker's inputs and lets.
    fn expr(&mut self, e: &ast::Expr, indicator: Option<&IndicatorScope>) -> (model::Expr, Ty) {
        let scope = Scope {
            inputs: &self.inputs,
            lets: &self.lets,
            later_lets: &[],
            indicator,
        };
        let mut diags = Vec::new();
        let out = resolve(e, &scope, &mut diags);
        self.diags.extend(diags);
        out
    }

    fn expect_type(&mut self, got: &Ty, want: &Ty, span: Span, what: Subject<'_>) {
        let ok = match (got, want) {
            (Ty::Any, _) => true,
            (Ty::Number { .. }, Ty::Number { .. }) | (Ty::Money, Ty::Money) => true,
            (Ty::Count(_), Ty::Count(None)) => true,
            (Ty::Count(a), Ty::Count(b)) => a.is_none() || a == b,
            (Ty::Text | Ty::Level(_), Ty::Text | Ty::Level(_)) => true,
            (a, b) => a == b,
        };
        if !ok {
            self.diags.push(
                Diagnostic::error(
                    if matches!(got, Ty::Bool | Ty::Text | Ty::Level(_))
                        || matches!(want, Ty::Bool | Ty::Text)
                    {
                        Code::TypeMismatch
                    } else {
                        Code::UnitMismatch
                    },
                    what.must_be(want, got),
                )
                .with_primary(span, got.words()),
            );
        }
    }

    fn require(&mut self, r: &ast::Require, indicator: Option<&IndicatorScope>) -> Check {
        let (cond, ty) = self.expr(&r.cond, indicator);
        self.expect_type(&ty, &Ty::Bool, r.cond.span, Subject::Require);
        let message = self.message(&r.message, &r.placeholders, indicator);
        Check {
            cond,
            severity: r.severity.node,
            message,
            span: r.span,
        }
    }

    /// Split `"… {name} …"` into text and resolved references.
    fn message(
        &mut self,
        msg: &crate::span::Spanned<String>,
        placeholders: &[Span],
        indicator: Option<&IndicatorScope>,
    ) -> Vec<MessagePart> {
        let mut parts = Vec::new();
        let mut rest = msg.node.as_str();
        let mut nth = 0;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            if open > 0 {
                parts.push(MessagePart::Text(rest[..open].to_owned()));
            }
            let name = rest[open + 1..close].trim();
            // Where the parser found it; the whole string if the two
            // disagree (an escaped brace).
            let span = placeholders.get(nth).copied().unwrap_or(msg.span);
            nth += 1;
            let e = ast::Expr {
                kind: ast::ExprKind::Name(name.to_owned()),
                span,
            };
            let (resolved, _) = self.expr(&e, indicator);
            if let model::ExprKind::Ref(r) = resolved.kind {
                parts.push(MessagePart::Value(r));
            }
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            parts.push(MessagePart::Text(rest.to_owned()));
        }
        parts
    }
}

/// What must be of a type (`expect_type`).
#[derive(Clone, Copy)]
enum Subject<'a> {
    /// The default of an input.
    Default(&'a str),
    /// A `let` with a declared type.
    Let(&'a str),
    /// A `require` condition.
    Require,
    /// An `allow deduction when` condition.
    Deduction,
    /// A grade's `when` condition.
    GradeWhen,
}

impl Subject<'_> {
    /// "… must be `want`, found `got`".
    fn must_be(self, want: &Ty, got: &Ty) -> Msg {
        let (want, found) = (want.text(), got.text());
        match self {
            Subject::Default(name) => Msg::DefaultMustBe {
                name: Name::new(name),
                want,
                found,
            },
            Subject::Let(name) => Msg::LetMustBe {
                name: Name::new(name),
                want,
                found,
            },
            Subject::Require => Msg::RequireMustBe { want, found },
            Subject::Deduction => Msg::DeductionMustBe { want, found },
            Subject::GradeWhen => Msg::GradeWhenMustBe { want, found },
        }
    }
}

/// The model type of a declared type name.
fn type_of(t: &ast::TypeName) -> Ty {
    match t {
        ast::TypeName::Money => Ty::Money,
        ast::TypeName::Percent => Ty::Number { percent: true },
        ast::TypeName::Number => Ty::Number { percent: false },
        ast::TypeName::Count(u) => Ty::Count(u.clone()),
        ast::TypeName::Text => Ty::Text,
        ast::TypeName::Level(levels) => Ty::Level(levels.clone()),
    }
}

/// Sum of decimals (for weights).
fn sum<'a>(it: impl Iterator<Item = &'a Exact>) -> Exact {
    it.fold(Exact::ZERO, |a, b| a + b)
}
