//! Grade bands: ordered, no overlaps, no gaps.

use super::Checker;
use super::model::Grade;
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
            cx.expect_type(
                &t,
                &super::model::Ty::Bool,
                cond.span,
                "a grade override condition",
            );
            Some(Grade {
                name: b.name.node.clone(),
                min: None,
                when: Some(e),
            })
        })
        .collect();
    if bands.is_empty() {
        cx.diags.push(
            Diagnostic::error(Code::MissingPart, "`grades` lists no grade")
                .with_primary(g.span, "empty")
                .with_hint("list the grades from best to worst: `grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 }`"),
        );
    }
    for (k, b) in bands.iter().enumerate() {
        if let Some(first) = bands[..k].iter().find(|x| x.name.node == b.name.node) {
            cx.diags.push(
                Diagnostic::error(
                    Code::DuplicateName,
                    format!("grade `{}` is listed twice", b.name.node),
                )
                .with_primary(b.name.span, "again here")
                .with_secondary(first.name.span, "first here"),
            );
        }
        match (&b.min, k + 1 == bands.len()) {
            (None, false) => cx.diags.push(
                Diagnostic::error(
                    Code::GradeOverlap,
                    format!(
                        "grade `{}` has no threshold but is not the last",
                        b.name.node
                    ),
                )
                .with_primary(
                    b.name.span,
                    "catches every total, so the grades after it are never given",
                )
                .with_hint(format!(
                    "move `{}` to the end of the list, or give it a threshold such as `{} >= 60`",
                    b.name.node, b.name.node
                )),
            ),
            (Some(min), _) => {
                if min.node > *total {
                    cx.diags.push(
                        Diagnostic::warning(
                            Code::GradeAboveTotal,
                            format!(
                                "grade `{}` needs {} but the total is {}",
                                b.name.node, min.node, total
                            ),
                        )
                        .with_primary(min.span, "no project can reach this"),
                    );
                }
                if let Some(prev) = bands[..k]
                    .iter()
                    .rev()
                    .find_map(|x| x.min.as_ref().map(|m| (x, m)))
                    && min.node >= prev.1.node
                {
                    cx.diags.push(
                            Diagnostic::error(
                                Code::GradeOverlap,
                                format!(
                                    "grade `{}` (>= {}) overlaps grade `{}` (>= {})",
                                    b.name.node,
                                    min.node,
                                    prev.0.name.node,
                                    prev.1.node
                                ),
                            )
                            .with_primary(min.span, "not below the threshold before it")
                            .with_secondary(
                                prev.1.span,
                                format!("`{}` starts here", prev.0.name.node),
                            )
                            .with_hint("list grades from the highest threshold to the lowest, each lower than the one before"),
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
                format!("a total below {} gets no grade", min.node),
            )
            .with_primary(
                last.span,
                format!("the lowest grade starts at {}", min.node),
            )
            .with_hint("add a last grade without threshold for the rest, e.g. `差`"),
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
