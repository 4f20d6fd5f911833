//! Grade bands: ordered, no overlaps, no gaps.

use super::model::Grade;
use super::{Checker, Subject};
use crate::catalogue::Name;
use crate::catalogue::check::Check as Msg;
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::syntax::ast;

/// Check the bands and turn them into model grades (order kept: the first
/// band whose threshold the total reaches is the grade).
pub(super) fn check(cx: &mut Checker, g: &ast::Grades, total: &Exact) -> Vec<Grade> {
    // `name when cond` overrides take no part in the ordering of thresholds.
    let bands: Vec<&ast::GradeBand> = g.bands.iter().filter(|b| b.when.is_none()).collect();
    let overrides: Vec<Grade> = g
        .bands
        .iter()
        .filter_map(|b| {
            let cond = b.when.as_ref()?;
            let (e, t) = cx.expr(cond, None);
            cx.expect_type(&t, &super::model::Ty::Bool, cond.span, Subject::GradeWhen);
            Some(Grade {
                name: b.name.node.clone(),
                min: None,
                when: Some(e),
            })
        })
        .collect();
    if bands.is_empty() {
        cx.diags.push(
            Diagnostic::error(Code::MissingPart, Msg::NoGrades)
                .with_primary(g.span, Msg::LabelEmpty)
                .with_hint(Msg::HintListGrades),
        );
    }
    for (k, b) in bands.iter().enumerate() {
        let name = Name::new(b.name.node.as_str());
        if let Some(first) = bands[..k].iter().find(|x| x.name.node == b.name.node) {
            cx.diags.push(
                Diagnostic::error(Code::DuplicateName, Msg::GradeTwice { name: name.clone() })
                    .with_primary(b.name.span, Msg::LabelAgainHere)
                    .with_secondary(first.name.span, Msg::LabelFirstHere),
            );
        }
        match (&b.min, k + 1 == bands.len()) {
            (None, false) => cx.diags.push(
                Diagnostic::error(
                    Code::GradeOverlap,
                    Msg::CatchAllNotLast { name: name.clone() },
                )
                .with_primary(b.name.span, Msg::LabelCatchesAll)
                .with_hint(Msg::HintCatchAllLast {
                    name,
                    example: Name::new(format!("{} >= 60", b.name.node)),
                }),
            ),
            (Some(min), _) => {
                if min.node > *total {
                    cx.diags.push(
                        Diagnostic::warning(
                            Code::GradeAboveTotal,
                            Msg::GradeAboveTotal {
                                name: name.clone(),
                                min: min.node.clone(),
                                total: total.clone(),
                            },
                        )
                        .with_primary(min.span, Msg::LabelUnreachable),
                    );
                }
                if let Some(prev) = bands[..k]
                    .iter()
                    .rev()
                    .find_map(|x| x.min.as_ref().map(|m| (x, m)))
                    && min.node >= prev.1.node
                {
                    let prev_name = Name::new(prev.0.name.node.as_str());
                    cx.diags.push(
                        Diagnostic::error(
                            Code::GradeOverlap,
                            Msg::GradesOverlap {
                                name,
                                min: min.node.clone(),
                                prev: prev_name.clone(),
                                prev_min: prev.1.node.clone(),
                            },
                        )
                        .with_primary(min.span, Msg::LabelNotBelow)
                        .with_secondary(prev.1.span, Msg::LabelStartsHere { name: prev_name })
                        .with_hint(Msg::HintGradeOrder),
                    );
                }
            }
            (None, true) => {}
        }
    }
    // A catch-all listed too early is reported above; moving it to the end
    // also closes the gap, so the gap is not reported twice.
    let has_catch_all = bands.iter().any(|b| b.min.is_none());
    if let Some(last) = bands.last().filter(|_| !has_catch_all)
        && let Some(min) = &last.min
        && min.node > Exact::ZERO
    {
        cx.diags.push(
            Diagnostic::error(
                Code::GradeGap,
                Msg::GradeGap {
                    min: min.node.clone(),
                },
            )
            .with_primary(
                last.span,
                Msg::LabelLowestGrade {
                    min: min.node.clone(),
                },
            )
            .with_hint(Msg::HintCatchAll),
        );
    }
    overrides
        .into_iter()
        .chain(bands.iter().map(|b| Grade {
            name: b.name.node.clone(),
            min: b.min.as_ref().map(|m| m.node.clone()),
            when: None,
        }))
        .collect()
}
