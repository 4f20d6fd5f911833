//! `pfc diff OLD NEW`: what changed between two frameworks, in words.
//!
//! Works on checked models, so it compares meaning rather than layout:
//! nodes are matched by their path in the tree, formulas by their source
//! text with whitespace folded.

use crate::check::model::{Model, NodeKind, QualRule, QuantRule, RuleSet};
use crate::exact::Exact;
use crate::source::SourceMap;
use crate::span::Span;
use crate::syntax::ast::TargetKind;
use std::collections::BTreeMap;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What area it concerns (`grades`, `tree`, `scoring`, `settings`, `inputs`).
    pub area: &'static str,
    /// The change in words.
    pub text: String,
}

fn change(area: &'static str, text: String) -> Change {
    Change { area, text }
}

/// Compare two models. `sources` holds both frameworks' files.
pub fn diff(sources: &SourceMap, old: &Model, new: &Model) -> Vec<Change> {
    let mut out = Vec::new();
    let text = |span: Span| fold(sources.slice(span));
    settings(old, new, &mut out);
    grades(old, new, &mut out);
    tree(old, new, &text, &mut out);
    rules("framework-wide", &old.rules, &new.rules, &text, &mut out);
    named(
        "inputs",
        "input",
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
        "inputs",
        "derived value",
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
        "checks",
        "check",
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

fn num(d: &Exact) -> String {
    d.to_string()
}

fn settings(old: &Model, new: &Model, out: &mut Vec<Change>) {
    if old.title != new.title {
        out.push(change(
            "settings",
            format!(
                "title: {} → {}",
                old.title.as_deref().unwrap_or("—"),
                new.title.as_deref().unwrap_or("—")
            ),
        ));
    }
    if old.basis != new.basis {
        out.push(change(
            "settings",
            format!(
                "basis: {} → {}",
                old.basis.as_deref().unwrap_or("—"),
                new.basis.as_deref().unwrap_or("—")
            ),
        ));
    }
    if old.total != new.total {
        out.push(change(
            "settings",
            format!("total: {} → {}", num(&old.total), num(&new.total)),
        ));
    }
    let r = |m: &Model| {
        format!(
            "{} places, {}, {}",
            m.rounding.places,
            m.rounding.mode.keyword(),
            m.rounding.scope.keyword()
        )
    };
    if old.language != new.language {
        out.push(change(
            "settings",
            format!("language: {:?} → {:?}", old.language, new.language).to_lowercase(),
        ));
    }
    if old.period != new.period {
        let y = |p: Option<(i64, Option<i64>)>| match p {
            None => "any year".to_owned(),
            Some((f, Some(t))) => format!("{f}–{t}"),
            Some((f, None)) => format!("{f} onwards"),
        };
        out.push(change(
            "settings",
            format!("years: {} → {}", y(old.period), y(new.period)),
        ));
    }
    if old.rounding != new.rounding {
        out.push(change(
            "settings",
            format!("rounding: {} → {}", r(old), r(new)),
        ));
    }
}

fn grades(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let show = |g: &crate::check::model::Grade| match &g.min {
        Some(m) => format!("≥ {}", num(m)),
        None => "the rest".to_owned(),
    };
    for g in &old.grades {
        match new.grades.iter().find(|n| n.name == g.name) {
            None => out.push(change(
                "grades",
                format!("grade {} ({}) removed", g.name, show(g)),
            )),
            Some(n) if n.min != g.min => {
                out.push(change(
                    "grades",
                    format!("grade {}: {} → {}", g.name, show(g), show(n)),
                ));
            }
            Some(_) => {}
        }
    }
    for n in &new.grades {
        if !old.grades.iter().any(|g| g.name == n.name) {
            out.push(change(
                "grades",
                format!("grade {} ({}) added", n.name, show(n)),
            ));
        }
    }
}

fn kind_word(k: &NodeKind) -> &'static str {
    match k {
        NodeKind::Group => "group",
        NodeKind::Indicator(_) => "indicator",
        NodeKind::Slot(_) => "slot",
        NodeKind::Question { .. } => "question",
    }
}

fn tree(old: &Model, new: &Model, text: &dyn Fn(Span) -> String, out: &mut Vec<Change>) {
    let index = |m: &Model| -> BTreeMap<String, usize> {
        (0..m.nodes.len())
            .map(|id| (m.path(id).join("/"), id))
            .collect()
    };
    let (oi, ni) = (index(old), index(new));
    let weight = |w: Option<Exact>| w.map_or_else(|| "from the data".to_owned(), |w| num(&w));
    for (path, &o) in &oi {
        let on = &old.nodes[o];
        let Some(&n) = ni.get(path) else {
            out.push(change(
                "tree",
                format!(
                    "{} `{path}` removed (weight {})",
                    kind_word(&on.kind),
                    weight(on.weight.clone())
                ),
            ));
            continue;
        };
        let nn = &new.nodes[n];
        if kind_word(&on.kind) != kind_word(&nn.kind) {
            out.push(change(
                "tree",
                format!(
                    "`{path}` changed from a {} to a {}",
                    kind_word(&on.kind),
                    kind_word(&nn.kind)
                ),
            ));
        }
        if on.weight != nn.weight {
            out.push(change(
                "tree",
                format!(
                    "weight of `{path}`: {} → {}",
                    weight(on.weight.clone()),
                    weight(nn.weight.clone())
                ),
            ));
        }
        match (&on.kind, &nn.kind) {
            (NodeKind::Indicator(a), NodeKind::Indicator(b)) => {
                let (fa, fb) = (text(a.score.span), text(b.score.span));
                if fa != fb {
                    out.push(change(
                        "scoring",
                        format!("score of `{path}`: `{fa}` → `{fb}`"),
                    ));
                }
            }
            (NodeKind::Slot(a), NodeKind::Slot(b)) => {
                rules(&format!("slot `{path}`"), a, b, text, out)
            }
            _ => {}
        }
    }
    for (path, &n) in &ni {
        if !oi.contains_key(path) {
            let nn = &new.nodes[n];
            out.push(change(
                "tree",
                format!(
                    "{} `{path}` added (weight {})",
                    kind_word(&nn.kind),
                    weight(nn.weight.clone())
                ),
            ));
        }
    }
}

fn rules(
    scope: &str,
    old: &RuleSet,
    new: &RuleSet,
    text: &dyn Fn(Span) -> String,
    out: &mut Vec<Change>,
) {
    for kind in [TargetKind::AtLeast, TargetKind::AtMost, TargetKind::Equals] {
        let k = kind.keyword();
        match (old.quant(kind), new.quant(kind)) {
            (None, None) => {}
            (Some(_), None) => out.push(change("scoring", format!("{scope} rule `{k}` removed"))),
            (None, Some(r)) => out.push(change(
                "scoring",
                format!("{scope} rule `{k}` added: `{}`", text(r.score.span)),
            )),
            (Some(a), Some(b)) => quant(scope, a, b, text, out),
        }
    }
    match (&old.qualitative, &new.qualitative) {
        (None, None) => {}
        (Some(_), None) => out.push(change(
            "scoring",
            format!("{scope} qualitative bands removed"),
        )),
        (None, Some(q)) => out.push(change(
            "scoring",
            format!("{scope} qualitative bands added: {}", bands(q)),
        )),
        (Some(a), Some(b)) => {
            if bands(a) != bands(b) {
                out.push(change(
                    "scoring",
                    format!("{scope} qualitative bands: {} → {}", bands(a), bands(b)),
                ));
            }
            if a.default != b.default {
                out.push(change(
                    "scoring",
                    format!(
                        "{scope} qualitative default: {:?} → {:?}",
                        a.default, b.default
                    )
                    .to_lowercase(),
                ));
            }
        }
    }
}

fn quant(
    scope: &str,
    a: &QuantRule,
    b: &QuantRule,
    text: &dyn Fn(Span) -> String,
    out: &mut Vec<Change>,
) {
    let k = a.kind.keyword();
    let (fa, fb) = (text(a.score.span), text(b.score.span));
    if fa != fb {
        out.push(change(
            "scoring",
            format!("{scope} rule `{k}`: `{fa}` → `{fb}`"),
        ));
    }
    let da = a.deduction.as_ref().map(|d| text(d.span));
    let db = b.deduction.as_ref().map(|d| text(d.span));
    if da != db {
        out.push(change(
            "scoring",
            format!(
                "{scope} rule `{k}` deduction condition: {} → {}",
                da.as_deref().unwrap_or("none"),
                db.as_deref().unwrap_or("none")
            ),
        ));
    }
    let ca: Vec<String> = a.checks.iter().map(|c| text(c.span)).collect();
    let cb: Vec<String> = b.checks.iter().map(|c| text(c.span)).collect();
    if ca != cb {
        out.push(change(
            "checks",
            format!("{scope} rule `{k}` checks changed"),
        ));
    }
}

fn bands(q: &QualRule) -> String {
    q.bands
        .iter()
        .map(|b| {
            format!(
                "{} {}%..{}%",
                b.name,
                num(&b.low.pow10(2)),
                num(&b.high.pow10(2))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn named(
    area: &'static str,
    what: &str,
    old: Vec<(String, String)>,
    new: Vec<(String, String)>,
    out: &mut Vec<Change>,
) {
    for (name, def) in &old {
        match new.iter().find(|(n, _)| n == name) {
            None => out.push(change(area, format!("{what} `{name}` removed"))),
            Some((_, d)) if d != def => {
                out.push(change(area, format!("{what} `{name}`: `{def}` → `{d}`")))
            }
            Some(_) => {}
        }
    }
    for (name, def) in &new {
        if !old.iter().any(|(n, _)| n == name) {
            out.push(change(area, format!("{what} added: `{def}`")));
        }
    }
}
