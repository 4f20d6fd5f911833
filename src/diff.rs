//! `pfc diff OLD NEW`: what changed between two frameworks, as messages
//! of the catalogue (`catalogue/cli.rs`).
//!
//! Works on checked models, so it compares meaning rather than layout:
//! nodes are matched by their path in the tree, formulas by their source
//! text with whitespace folded.

use crate::catalogue::cli::Cli;
use crate::catalogue::{Lang, Text};
use crate::check::model::{Model, NodeKind, QualRule, QuantRule, RuleSet};
use crate::exact::Exact;
use crate::source::SourceMap;
use crate::span::Span;
use crate::syntax::ast::TargetKind;
use std::collections::BTreeMap;

/// What part of a framework a change concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Title, basis, total, language, years, rounding.
    Settings,
    /// Grade bands.
    Grades,
    /// Groups, indicators, slots and their weights.
    Tree,
    /// Scoring rules and formulas.
    Scoring,
    /// Inputs and derived values.
    Inputs,
    /// Checks.
    Checks,
}

impl Area {
    /// The area's name in `lang`.
    pub fn render(self, lang: Lang) -> String {
        match self {
            Area::Settings => Cli::AreaSettings,
            Area::Grades => Cli::AreaGrades,
            Area::Tree => Cli::AreaTree,
            Area::Scoring => Cli::AreaScoring,
            Area::Inputs => Cli::AreaInputs,
            Area::Checks => Cli::AreaChecks,
        }
        .render(lang)
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What area it concerns.
    pub area: Area,
    /// The change.
    pub text: Text,
}

fn change(area: Area, text: Cli) -> Change {
    Change {
        area,
        text: text.into(),
    }
}

fn boxed(t: Cli) -> Box<Text> {
    Box::new(t.into())
}

/// Compare two models. `sources` holds both frameworks' files.
pub fn diff(sources: &SourceMap, old: &Model, new: &Model) -> Vec<Change> {
    let mut out = Vec::new();
    let text = |span: Span| fold(sources.slice(span));
    settings(old, new, &mut out);
    grades(old, new, &mut out);
    tree(old, new, &text, &mut out);
    rules(
        &Cli::ScopeFramework,
        &old.rules,
        &new.rules,
        &text,
        &mut out,
    );
    named(
        Area::Inputs,
        &Cli::WhatInput,
        old.inputs
            .iter()
            .map(|i| (i.name.clone(), text(i.span)))
            .collect(),
        new.inputs
            .iter()
            .map(|i| (i.name.clone(), text(i.span)))
            .collect(),
        &mut out,
    );
    named(
        Area::Inputs,
        &Cli::WhatDerived,
        old.lets
            .iter()
            .map(|l| (l.name.clone(), text(l.span)))
            .collect(),
        new.lets
            .iter()
            .map(|l| (l.name.clone(), text(l.span)))
            .collect(),
        &mut out,
    );
    named(
        Area::Checks,
        &Cli::WhatCheck,
        old.checks
            .iter()
            .map(|c| (text(c.span), text(c.span)))
            .collect(),
        new.checks
            .iter()
            .map(|c| (text(c.span), text(c.span)))
            .collect(),
        &mut out,
    );
    out
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn points(w: &Exact) -> Box<Text> {
    boxed(Cli::DiffPoints { value: w.clone() })
}

fn settings(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let quote = |t: Option<&str>| t.unwrap_or("—").into();
    if old.title != new.title {
        out.push(change(
            Area::Settings,
            Cli::DiffTitle {
                old: quote(old.title.as_deref()),
                new: quote(new.title.as_deref()),
            },
        ));
    }
    if old.basis != new.basis {
        out.push(change(
            Area::Settings,
            Cli::DiffBasis {
                old: quote(old.basis.as_deref()),
                new: quote(new.basis.as_deref()),
            },
        ));
    }
    if old.total != new.total {
        out.push(change(
            Area::Settings,
            Cli::DiffTotal {
                old: old.total.clone(),
                new: new.total.clone(),
            },
        ));
    }
    if old.language != new.language {
        out.push(change(
            Area::Settings,
            Cli::DiffLanguage {
                old: old.language.keyword().to_owned(),
                new: new.language.keyword().to_owned(),
            },
        ));
    }
    if old.period != new.period {
        let years = |p: Option<(i64, Option<i64>)>| {
            boxed(match p {
                None => Cli::AnyYear,
                Some((from, Some(to))) => Cli::YearRange { from, to },
                Some((from, None)) => Cli::YearOnwards { from },
            })
        };
        out.push(change(
            Area::Settings,
            Cli::DiffYears {
                old: years(old.period),
                new: years(new.period),
            },
        ));
    }
    if old.rounding != new.rounding {
        let r = |m: &Model| {
            boxed(Cli::Rounding {
                places: m.rounding.places,
                mode: m.rounding.mode.keyword().to_owned(),
                scope: m.rounding.scope.keyword().to_owned(),
            })
        };
        out.push(change(
            Area::Settings,
            Cli::DiffRounding {
                old: r(old),
                new: r(new),
            },
        ));
    }
}

fn grades(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let band = |g: &crate::check::model::Grade| {
        boxed(match &g.min {
            Some(m) => Cli::GradeFrom { min: m.clone() },
            None => Cli::GradeRest,
        })
    };
    for g in &old.grades {
        match new.grades.iter().find(|n| n.name == g.name) {
            None => out.push(change(
                Area::Grades,
                Cli::DiffGradeRemoved {
                    name: g.name.as_str().into(),
                    band: band(g),
                },
            )),
            Some(n) if n.min != g.min => {
                out.push(change(
                    Area::Grades,
                    Cli::DiffGradeChanged {
                        name: g.name.as_str().into(),
                        old: band(g),
                        new: band(n),
                    },
                ));
            }
            Some(_) => {}
        }
    }
    for n in &new.grades {
        if !old.grades.iter().any(|g| g.name == n.name) {
            out.push(change(
                Area::Grades,
                Cli::DiffGradeAdded {
                    name: n.name.as_str().into(),
                    band: band(n),
                },
            ));
        }
    }
}

/// What kind of node, as a word.
fn kind(k: &NodeKind) -> Cli {
    match k {
        NodeKind::Group => Cli::KindGroup,
        NodeKind::Indicator(_) => Cli::KindIndicator,
        NodeKind::Slot(_) => Cli::KindSlot,
        NodeKind::Question { .. } => Cli::KindQuestion,
    }
}

fn tree(old: &Model, new: &Model, text: &dyn Fn(Span) -> String, out: &mut Vec<Change>) {
    let index = |m: &Model| -> BTreeMap<String, usize> {
        (0..m.nodes.len())
            .map(|id| (m.path(id).join("/"), id))
            .collect()
    };
    let (oi, ni) = (index(old), index(new));
    let weight = |w: &Option<Exact>| match w {
        Some(w) => points(w),
        None => boxed(Cli::WeightFromData),
    };
    for (path, &o) in &oi {
        let on = &old.nodes[o];
        let Some(&n) = ni.get(path) else {
            out.push(change(
                Area::Tree,
                Cli::DiffNodeRemoved {
                    kind: boxed(kind(&on.kind)),
                    path: path.as_str().into(),
                    weight: weight(&on.weight),
                },
            ));
            continue;
        };
        let nn = &new.nodes[n];
        if kind(&on.kind) != kind(&nn.kind) {
            out.push(change(
                Area::Tree,
                Cli::DiffKindChanged {
                    path: path.as_str().into(),
                    old: boxed(kind(&on.kind)),
                    new: boxed(kind(&nn.kind)),
                },
            ));
        }
        if on.weight != nn.weight {
            out.push(change(
                Area::Tree,
                Cli::DiffWeight {
                    path: path.as_str().into(),
                    old: weight(&on.weight),
                    new: weight(&nn.weight),
                },
            ));
        }
        match (&on.kind, &nn.kind) {
            (NodeKind::Indicator(a), NodeKind::Indicator(b)) => {
                let (fa, fb) = (text(a.score.span), text(b.score.span));
                if fa != fb {
                    out.push(change(
                        Area::Scoring,
                        Cli::DiffScore {
                            path: path.as_str().into(),
                            old: fa,
                            new: fb,
                        },
                    ));
                }
            }
            (NodeKind::Slot(a), NodeKind::Slot(b)) => {
                let scope = Cli::ScopeSlot {
                    path: path.as_str().into(),
                };
                rules(&scope, a, b, text, out);
            }
            _ => {}
        }
    }
    for (path, &n) in &ni {
        if !oi.contains_key(path) {
            let nn = &new.nodes[n];
            out.push(change(
                Area::Tree,
                Cli::DiffNodeAdded {
                    kind: boxed(kind(&nn.kind)),
                    path: path.as_str().into(),
                    weight: weight(&nn.weight),
                },
            ));
        }
    }
}

fn rules(
    scope: &Cli,
    old: &RuleSet,
    new: &RuleSet,
    text: &dyn Fn(Span) -> String,
    out: &mut Vec<Change>,
) {
    let sc = || boxed(scope.clone());
    for kind in [TargetKind::AtLeast, TargetKind::AtMost, TargetKind::Equals] {
        let rule = || kind.keyword().into();
        match (old.quant(kind), new.quant(kind)) {
            (None, None) => {}
            (Some(_), None) => out.push(change(
                Area::Scoring,
                Cli::DiffRuleRemoved {
                    scope: sc(),
                    rule: rule(),
                },
            )),
            (None, Some(r)) => out.push(change(
                Area::Scoring,
                Cli::DiffRuleAdded {
                    scope: sc(),
                    rule: rule(),
                    formula: text(r.score.span),
                },
            )),
            (Some(a), Some(b)) => quant(scope, a, b, text, out),
        }
    }
    match (&old.qualitative, &new.qualitative) {
        (None, None) => {}
        (Some(_), None) => out.push(change(Area::Scoring, Cli::DiffBandsRemoved { scope: sc() })),
        (None, Some(q)) => out.push(change(
            Area::Scoring,
            Cli::DiffBandsAdded {
                scope: sc(),
                bands: bands(q),
            },
        )),
        (Some(a), Some(b)) => {
            if bands(a) != bands(b) {
                out.push(change(
                    Area::Scoring,
                    Cli::DiffBands {
                        scope: sc(),
                        old: bands(a),
                        new: bands(b),
                    },
                ));
            }
            if a.default != b.default {
                out.push(change(
                    Area::Scoring,
                    Cli::DiffBandDefault {
                        scope: sc(),
                        old: format!("{:?}", a.default).to_lowercase(),
                        new: format!("{:?}", b.default).to_lowercase(),
                    },
                ));
            }
        }
    }
}

fn quant(
    scope: &Cli,
    a: &QuantRule,
    b: &QuantRule,
    text: &dyn Fn(Span) -> String,
    out: &mut Vec<Change>,
) {
    let sc = || boxed(scope.clone());
    let rule = || a.kind.keyword().into();
    let (fa, fb) = (text(a.score.span), text(b.score.span));
    if fa != fb {
        out.push(change(
            Area::Scoring,
            Cli::DiffRule {
                scope: sc(),
                rule: rule(),
                old: fa,
                new: fb,
            },
        ));
    }
    let da = a.deduction.as_ref().map(|d| text(d.span));
    let db = b.deduction.as_ref().map(|d| text(d.span));
    let deduction = match (da, db) {
        (None, Some(condition)) => Some(Cli::DiffDeductionAdded {
            scope: sc(),
            rule: rule(),
            condition,
        }),
        (Some(condition), None) => Some(Cli::DiffDeductionRemoved {
            scope: sc(),
            rule: rule(),
            condition,
        }),
        (Some(old), Some(new)) if old != new => Some(Cli::DiffDeduction {
            scope: sc(),
            rule: rule(),
            old,
            new,
        }),
        _ => None,
    };
    if let Some(d) = deduction {
        out.push(change(Area::Scoring, d));
    }
    let ca: Vec<String> = a.checks.iter().map(|c| text(c.span)).collect();
    let cb: Vec<String> = b.checks.iter().map(|c| text(c.span)).collect();
    if ca != cb {
        out.push(change(
            Area::Checks,
            Cli::DiffRuleChecks {
                scope: sc(),
                rule: rule(),
            },
        ));
    }
}

fn bands(q: &QualRule) -> String {
    q.bands
        .iter()
        .map(|b| format!("{} {}%..{}%", b.name, b.low.pow10(2), b.high.pow10(2)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn named(
    area: Area,
    what: &Cli,
    old: Vec<(String, String)>,
    new: Vec<(String, String)>,
    out: &mut Vec<Change>,
) {
    let what = || boxed(what.clone());
    for (name, def) in &old {
        match new.iter().find(|(n, _)| n == name) {
            None => out.push(change(
                area,
                Cli::DiffNamedRemoved {
                    what: what(),
                    name: name.clone(),
                },
            )),
            Some((_, d)) if d != def => out.push(change(
                area,
                Cli::DiffNamed {
                    what: what(),
                    name: name.clone(),
                    old: def.clone(),
                    new: d.clone(),
                },
            )),
            Some(_) => {}
        }
    }
    for (name, def) in &new {
        if !old.iter().any(|(n, _)| n == name) {
            out.push(change(
                area,
                Cli::DiffNamedAdded {
                    what: what(),
                    definition: def.clone(),
                },
            ));
        }
    }
}
