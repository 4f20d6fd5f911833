//! A lint for `pfc check`: run every scoring formula on sample values and
//! report a concrete case where the score leaves 0..weight.
//!
//! Deciding this in general needs symbolic reasoning about `if` branches;
//! sampling finds real counterexamples instead, and says which values give
//! them. A formula that passes is not proven safe (at run time scores are
//! still kept within 0..weight, with a warning).

use super::interp::{Env, Ind, eval};
use super::value::Value;
use crate::catalogue::check::Check as Msg;
use crate::check::model::{Expr, Model, NodeKind, QuantRule, RuleSet};
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::quantity::Quantity;

const WEIGHTS: &[&str] = &["1", "10", "25"];
const TARGETS: &[&str] = &["0.8", "1", "80", "87.65"];
const RATIOS: &[&str] = &[
    "0", "0.01", "0.5", "0.8", "0.99", "1", "1.01", "1.2", "1.5", "1.99", "2", "3", "10",
];

fn d(s: &str) -> Exact {
    Exact::parse(s).unwrap_or_default()
}

/// Range problems of the framework's rules, as warnings.
pub fn check_score_ranges(model: &Model) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    let mut probe = |set: &RuleSet| {
        for rule in [&set.at_least, &set.at_most, &set.equals]
            .into_iter()
            .flatten()
        {
            if seen.contains(&rule.span) {
                continue;
            }
            seen.push(rule.span);
            if let Some(d) = probe_rule(model, rule) {
                out.push(d);
            }
        }
    };
    probe(&model.rules);
    for n in &model.nodes {
        if let NodeKind::Slot(own) = &n.kind {
            probe(own);
        }
    }
    out
}

fn probe_rule(model: &Model, rule: &QuantRule) -> Option<Diagnostic> {
    for w in WEIGHTS {
        for t in TARGETS {
            for r in RATIOS {
                let (w, t) = (d(w), d(t));
                let a = &t * d(r);
                if let Some(d) = try_point(model, &rule.score, &w, &t, &a) {
                    return Some(d);
                }
            }
        }
    }
    None
}

fn try_point(model: &Model, score: &Expr, w: &Exact, t: &Exact, a: &Exact) -> Option<Diagnostic> {
    let q = |v: &Exact| Value::Q(Quantity::number(v.clone()));
    let ind = Ind {
        weight: w.clone(),
        target: Some(q(t)),
        actual: Some(q(a)),
        target_expr: None,
        actual_expr: None,
        memo: Default::default(),
    };
    let env = Env {
        model,
        inputs: &[],
        lets: &[],
        ind: Some(&ind),
    };
    let Ok(Value::Q(s)) = eval(score, env) else {
        return None;
    };
    let what = if s.value > *w {
        Msg::ScoreAboveWeight
    } else if s.value.is_negative() {
        Msg::ScoreBelowZero
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(Code::ScoreRange, what)
            .with_primary(
                score.span,
                Msg::LabelProbe {
                    weight: w.clone(),
                    target: t.clone(),
                    actual: a.clone(),
                    score: s.value,
                },
            )
            .with_hint(Msg::HintCap),
    )
}
