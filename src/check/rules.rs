//! Scoring rules for data-supplied leaves, and qualitative bands.

use super::expr::IndicatorScope;
use super::model::{Band, Model, QualRule, QuantRule, RuleSet, Ty};
use super::{Checker, Subject};
use crate::catalogue::check::Check as Msg;
use crate::catalogue::{Name, Names};
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
                    Msg::SettingTwice {
                        keyword: Name::new(format!("scoring {key}")),
                    },
                )
                .with_primary(s.span(), Msg::LabelSecondRule)
                .with_secondary(*first, Msg::LabelFirstRule)
                .with_hint(Msg::HintOneRulePerKind),
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
                        Diagnostic::error(Code::DuplicateSetting, Msg::ScoreTwiceInRule)
                            .with_primary(e.span, Msg::LabelSecondFormula),
                    );
                    continue;
                }
                let (x, t) = cx.expr(e, Some(&scope));
                if !matches!(t, Ty::Number { .. } | Ty::Any) {
                    cx.diags.push(
                        Diagnostic::error(
                            Code::TypeMismatch,
                            Msg::ScoreNotPoints { found: t.text() },
                        )
                        .with_primary(e.span, t.words()),
                    );
                }
                score = Some(x);
            }
            RuleItem::Require(r) => checks.push(cx.require(r, Some(&scope))),
            RuleItem::Deduction(e) => {
                let (x, t) = cx.expr(e, Some(&scope));
                cx.expect_type(&t, &Ty::Bool, e.span, Subject::Deduction);
                deduction = Some(x);
            }
        }
    }
    let score = score.unwrap_or_else(|| {
        cx.diags.push(
            Diagnostic::error(
                Code::MissingScore,
                Msg::RuleNoScore {
                    rule: Name::new(format!("scoring {}", q.kind.node.keyword())),
                },
            )
            .with_primary(q.kind.span, Msg::LabelHowTargetsScored)
            .with_hint(Msg::HintAddScore),
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
                    Diagnostic::error(
                        Code::DuplicateName,
                        Msg::BandWordTwice {
                            word: Name::new(w.as_str()),
                        },
                    )
                    .with_primary(s, Msg::LabelAgainHere)
                    .with_secondary(*first, Msg::LabelFirstHere)
                    .with_hint(Msg::HintOneBandPerWord),
                );
            } else {
                words.push((w, s));
            }
        }
        if b.low.node >= b.high.node || b.low.node < Exact::ZERO || b.high.node > Exact::ONE {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    Msg::BandBounds {
                        name: Name::new(b.name.node.as_str()),
                    },
                )
                .with_primary(b.low.span.merge(b.high.span), Msg::LabelNotRange)
                .with_hint(Msg::HintLowerFirst),
            );
        }
    }
    if bands.is_empty() {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, Msg::NoBands)
                .with_primary(q.span, Msg::LabelEmpty)
                .with_hint(Msg::HintAddBands),
        );
    }
    bands.sort_by_key(|b| std::cmp::Reverse(b.high.node.clone()));
    if let Some(top) = bands.first()
        && top.high.node != Exact::ONE
    {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, Msg::NoBandTo100)
                .with_primary(top.high.span, Msg::LabelHighestEnds)
                .with_note(Msg::NoteNoFullMarks)
                .with_hint(Msg::HintEndAt100 {
                    name: Name::new(top.name.node.as_str()),
                }),
        );
    }
    if let Some(bottom) = bands.last()
        && bottom.low.node != Exact::ZERO
    {
        cx.diags.push(
            Diagnostic::error(Code::BandRange, Msg::NoBandFrom0)
                .with_primary(bottom.low.span, Msg::LabelLowestStarts)
                .with_note(Msg::NoteStillPoints)
                .with_hint(Msg::HintStartAt0 {
                    name: Name::new(bottom.name.node.as_str()),
                }),
        );
    }
    for pair in bands.windows(2) {
        let (upper, lower) = (pair[0], pair[1]);
        let (up, low) = (
            Name::new(upper.name.node.as_str()),
            Name::new(lower.name.node.as_str()),
        );
        if lower.high.node > upper.low.node {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    Msg::BandsOverlap {
                        upper: up.clone(),
                        lower: low.clone(),
                    },
                )
                .with_primary(
                    lower.high.span,
                    Msg::LabelEndsAbove {
                        lower: low.clone(),
                        upper: up.clone(),
                    },
                )
                .with_secondary(upper.low.span, Msg::LabelStartsHere { name: up.clone() })
                .with_hint(Msg::HintEndWhereStartsEg {
                    lower: low,
                    upper: up,
                }),
            );
        } else if lower.high.node < upper.low.node {
            cx.diags.push(
                Diagnostic::error(
                    Code::BandRange,
                    Msg::BandsGap {
                        lower: low.clone(),
                        upper: up.clone(),
                    },
                )
                .with_primary(lower.high.span.merge(upper.low.span), Msg::LabelInBetween)
                .with_hint(Msg::HintEndWhereStarts {
                    lower: low,
                    upper: up,
                }),
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
        let rules: Names = missing.iter().map(|m| format!("scoring {m}")).collect();
        cx.diags.push(
            Diagnostic::warning(Code::MissingRule, Msg::NoRuleForKinds { rules })
                .with_primary(at, Msg::LabelInThisFramework)
                .with_secondary(model.nodes[first].span, Msg::LabelSlotsLikeThis)
                .with_hint(Msg::HintRowsRefused),
        );
    }
}
