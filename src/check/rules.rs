//! Scoring rules for data-supplied leaves, and qualitative bands.

use super::Checker;
use super::expr::IndicatorScope;
use super::model::{Band, Model, QualRule, QuantRule, RuleSet, Ty};
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::span::Span;
use crate::syntax::ast::{self, BandPick, RuleItem, Scoring, TargetKind};

/// Collect rules, one per kind; duplicates are errors.
pub(super) fn rule_set<'a>(
    cx: &mut Checker,
    scorings: impl Iterator<Item = &'a Scoring>,
) -> RuleSet {
    let mut set = RuleSet::default();
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    for s in scorings {
        let key = match s {
            Scoring::Quantitative(q) => q.kind.node.keyword(),
            Scoring::Qualitative(_) => "qualitative",
        };
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            cx.diags.push(
                Diagnostic::error(
                    Code::DuplicateSetting,
                    format!("`scoring {key}` is declared twice"),
                )
                .with_primary(s.span(), "second rule")
                .with_secondary(*first, "first rule")
                .with_hint("keep one rule per kind of target"),
            );
            continue;
        }
        seen.push((key, s.span()));
        match s {
            Scoring::Quantitative(q) => {
                let rule = quant(cx, q);
                match q.kind.node {
                    TargetKind::AtLeast => set.at_least = Some(rule),
                    TargetKind::AtMost => set.at_most = Some(rule),
                    TargetKind::Equals => set.equals = Some(rule),
                }
            }
            Scoring::Qualitative(q) => set.qualitative = Some(qual(cx, q)),
        }
    }
    set
}

fn quant(cx: &mut Checker, q: &ast::QuantRule) -> QuantRule {
    let scope = IndicatorScope {
        target: Some(Ty::Any),
        actual: Some(Ty::Any),
        weight: true,
    };
    let mut score = None;
    let mut deduction = None;
    let mut checks = Vec::new();
    for item in &q.items {
        match item {
            RuleItem::Score(e) => {
                if score.is_some() {
                    cx.diags.push(
                        Diagnostic::error(
                            Code::DuplicateSetting,
                            "`score` is declared twice in this rule",
                        )
                        .with_primary(e.span, "second formula"),
                    );
                    continue;
                }
                let (x, t) = cx.expr(e, Some(&scope));
                if !matches!(t, Ty::Number { .. } | Ty::Any) {
                    cx.diags.push(
                        Diagnostic::error(
                            Code::TypeMismatch,
                            format!("a score must be a number of points, found {}", t.describe()),
                        )
                        .with_primary(e.span, t.describe()),
                    );
                }
                score = Some(x);
            }
            RuleItem::Require(r) => checks.push(cx.require(r, Some(&scope))),
            RuleItem::Deduction(e) => {
                let (x, t) = cx.expr(e, Some(&scope));
                cx.expect_type(&t, &Ty::Bool, e.span, "the deduction condition");
                deduction = Some(x);
            }
        }
    }
    let score = score.unwrap_or_else(|| {
        cx.diags.push(
            Diagnostic::error(
                Code::MissingScore,
                format!("`scoring {}` has no `score` formula", q.kind.node.keyword()),
            )
            .with_primary(q.kind.span, "how are these targets scored?")
            .with_hint("add e.g. `score weight * min(actual / target, 1)`"),
        );
        super::model::Expr {
            kind: super::model::ExprKind::Bool(false),
            span: q.span,
        }
    });
    QuantRule {
        kind: q.kind.node,
        score,
        checks,
        deduction,
        span: q.span,
    }
}

fn qual(cx: &mut Checker, q: &ast::QualRule) -> QualRule {
    let mut bands: Vec<&ast::Band> = q.bands.iter().collect();
    let mut words: Vec<(&str, Span)> = Vec::new();
    for b in &bands {
        for (w, s) in std::iter::once((&b.name.node, b.name.span))
            .chain(b.aliases.iter().map(|a| (&a.node, a.span)))
        {
            if let Some((_, first)) = words.iter().find(|(x, _)| *x == w.as_str()) {
                cx.diags.push(
                    Diagnostic::error(Code::DuplicateName, format!("`{w}` names two bands"))
                        .with_primary(s, "again here")
                        .with_secondary(*first, "first here")
                        .with_hint("each word may mean only one band"),
                );
            } else {
                words.push((w, s));
            }
        }
        if b.low.node >= b.high.node || b.low.node < Exact::ZERO || b.high.node > Exact::ONE {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    format!(
                        "band `{}` must go from a lower to a higher share within 0%..100%",
                        b.name.node
                    ),
                )
                .with_primary(b.low.span.merge(b.high.span), "not a range inside 0%..100%")
                .with_hint("write the lower bound first, e.g. `60%..80%`"),
            );
        }
    }
    if bands.is_empty() {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, "`scoring qualitative` lists no band")
                .with_primary(q.span, "empty")
                .with_hint("add e.g. `达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60%`"),
        );
    }
    bands.sort_by_key(|b| std::cmp::Reverse(b.high.node.clone()));
    if let Some(top) = bands.first()
        && top.high.node != Exact::ONE
    {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, "no band reaches 100% of the weight")
                .with_primary(top.high.span, "the highest band ends here")
                .with_note("a row in the highest band could never get full marks")
                .with_hint(format!("end `{}` at 100%", top.name.node)),
        );
    }
    if let Some(bottom) = bands.last()
        && bottom.low.node != Exact::ZERO
    {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, "no band starts at 0% of the weight")
                .with_primary(bottom.low.span, "the lowest band starts here")
                .with_note("a row that missed its target entirely would still get points")
                .with_hint(format!("start `{}` at 0%", bottom.name.node)),
        );
    }
    for pair in bands.windows(2) {
        let (upper, lower) = (pair[0], pair[1]);
        if lower.high.node > upper.low.node {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    format!(
                        "bands `{}` and `{}` overlap",
                        upper.name.node, lower.name.node
                    ),
                )
                .with_primary(
                    lower.high.span,
                    format!(
                        "`{}` ends above where `{}` starts",
                        lower.name.node, upper.name.node
                    ),
                )
                .with_secondary(upper.low.span, format!("`{}` starts here", upper.name.node))
                .with_hint(format!(
                    "end `{}` where `{}` starts, e.g. `60%..80%` then `80%..100%`",
                    lower.name.node, upper.name.node
                )),
            );
        } else if lower.high.node < upper.low.node {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    format!(
                        "there is a gap between bands `{}` and `{}`",
                        lower.name.node, upper.name.node
                    ),
                )
                .with_primary(
                    lower.high.span.merge(upper.low.span),
                    "scores in between belong to no band",
                )
                .with_hint(format!(
                    "end `{}` where `{}` starts",
                    lower.name.node, upper.name.node
                )),
            );
        }
    }
    QualRule {
        bands: bands
            .iter()
            .map(|b| Band {
                name: b.name.node.clone(),
                low: b.low.node.clone(),
                high: b.high.node.clone(),
                aliases: b.aliases.iter().map(|a| a.node.clone()).collect(),
            })
            .collect(),
        default: q.default.as_ref().map_or(BandPick::Upper, |d| d.node),
        span: q.span,
    }
}

/// Warn when slots exist but a kind of target has no rule for them.
pub(super) fn check_coverage(cx: &mut Checker, model: &Model, at: Span) {
    let slots = model.slots();
    let Some(&first) = slots.first() else { return };
    let mut missing = Vec::new();
    for kind in [TargetKind::AtLeast, TargetKind::AtMost, TargetKind::Equals] {
        if slots.iter().any(|&s| model.quant_rule(s, kind).is_none()) {
            missing.push(kind.keyword());
        }
    }
    if slots.iter().any(|&s| model.qual_rule(s).is_none()) {
        missing.push("qualitative");
    }
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(|m| format!("`scoring {m}`"))
            .collect::<Vec<_>>()
            .join(", ");
        cx.diags.push(
            Diagnostic::warning(
                Code::MissingRule,
                format!("no rule for some kinds of target: {list}"),
            )
            .with_primary(at, "")
            .with_secondary(
                model.nodes[first].span,
                "rows in slots like this one may need it",
            )
            .with_hint(
                "rows with such targets will be refused; add the rules if projects can have them",
            ),
        );
    }
}
