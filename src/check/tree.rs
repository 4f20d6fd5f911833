//! The indicator tree: names, weights, framework-defined indicators.

use super::expr::IndicatorScope;
use super::model::{IndicatorDef, Node, NodeId, NodeKind, Ty};
use super::{Checker, rules, sum};
use crate::catalogue::check::Check as Msg;
use crate::catalogue::syntax::Syntax;
use crate::catalogue::{Name, Text};
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::span::{Span, Spanned};
use crate::syntax::ast::{self, IndicatorItem, Item};

/// The arena and its roots.
pub(super) struct Tree {
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
}

pub(super) fn build(cx: &mut Checker, fw: &ast::Framework) -> Tree {
    let mut tree = Tree {
        nodes: Vec::new(),
        roots: Vec::new(),
    };
    let top: Vec<&ast::Node> = fw
        .items
        .iter()
        .filter_map(|i| if let Item::Node(n) = i { Some(n) } else { None })
        .collect();
    tree.roots = add_children(cx, &mut tree, &top, None, 1);
    tree
}

fn node_name(n: &ast::Node) -> &Spanned<String> {
    match n {
        ast::Node::Group(g) => &g.name,
        ast::Node::Indicator(i) => &i.name,
        ast::Node::Slot(s) => &s.name,
        ast::Node::Question(q) => &q.id,
    }
}

fn add_children(
    cx: &mut Checker,
    tree: &mut Tree,
    children: &[&ast::Node],
    parent: Option<NodeId>,
    level: usize,
) -> Vec<NodeId> {
    let mut ids = Vec::new();
    for (k, child) in children.iter().enumerate() {
        let name = node_name(child);
        if let Some(first) = children[..k]
            .iter()
            .map(|c| node_name(c))
            .find(|n| n.node == name.node)
        {
            cx.diags.push(
                Diagnostic::error(
                    Code::DuplicateName,
                    Msg::TwiceInGroup {
                        name: Name::new(name.node.as_str()),
                    },
                )
                .with_primary(name.span, Msg::LabelSecondOneHere)
                .with_secondary(first.span, Msg::LabelFirstOneHere)
                .with_hint(Msg::HintRenameOrMerge),
            );
        }
        // A duplicate is still added, so that its weight counts in the sums
        // (the model is not used when there are errors).
        ids.push(add_node(cx, tree, child, parent, level));
    }
    ids
}

fn add_node(
    cx: &mut Checker,
    tree: &mut Tree,
    n: &ast::Node,
    parent: Option<NodeId>,
    level: usize,
) -> NodeId {
    let id = tree.nodes.len();
    let (kind, weight, weight_span, span) = match n {
        ast::Node::Group(g) => (
            NodeKind::Group,
            Some(g.weight.node.clone()),
            Some(g.weight.span),
            g.span,
        ),
        ast::Node::Slot(s) => (
            NodeKind::Slot(Box::new(rules::rule_set(cx, s.scorings.iter()))),
            s.weight.as_ref().map(|w| w.node.clone()),
            s.weight.as_ref().map(|w| w.span),
            s.span,
        ),
        ast::Node::Question(q) => {
            let scale = match cx.scales.iter().position(|sc| sc.name == q.scale.node) {
                Some(k) => k,
                None => {
                    let hint = if cx.scales.is_empty() {
                        Msg::HintDeclareScale {
                            code: Name::new(format!(
                                "answers {} {{ \"Yes\" 100%; \"No\" 0%; \"N/A\" skip }}",
                                q.scale.node
                            )),
                        }
                    } else {
                        Msg::HintScales {
                            names: cx.scales.iter().map(|sc| sc.name.as_str()).collect(),
                        }
                    };
                    cx.diags.push(
                        Diagnostic::error(
                            Code::UnknownName,
                            Msg::UnknownScale {
                                name: Name::new(q.scale.node.as_str()),
                            },
                        )
                        .with_primary(q.scale.span, Msg::LabelNoAnswersBlock)
                        .with_hint(hint),
                    );
                    0
                }
            };
            (
                NodeKind::Question {
                    id: q.id.node.clone(),
                    text: q.text.as_ref().map(|t| t.node.clone()),
                    scale,
                },
                q.weight.as_ref().map(|w| w.node.clone()),
                q.weight.as_ref().map(|w| w.span),
                q.span,
            )
        }
        ast::Node::Indicator(i) => {
            let def = indicator(cx, i);
            if i.weight.is_none() {
                cx.diags.push(
                    Diagnostic::error(
                        Code::MissingPart,
                        Msg::NoWeight {
                            name: Name::new(i.name.node.as_str()),
                        },
                    )
                    .with_primary(i.name.span, Msg::LabelNoWeightKeyword)
                    .with_hint(Syntax::HintWrite {
                        code: Name::new(format!("indicator {} weight 10 {{ … }}", i.name.node)),
                    }),
                );
            }
            (
                NodeKind::Indicator(Box::new(def)),
                i.weight.as_ref().map(|w| w.node.clone()),
                i.weight.as_ref().map(|w| w.span),
                i.span,
            )
        }
    };
    if let Some((w, ws)) = weight.as_ref().zip(weight_span)
        && *w <= Exact::ZERO
    {
        cx.diags.push(
            Diagnostic::error(Code::WeightSum, Msg::WeightNotPositive)
                .with_primary(ws, Msg::LabelNotPositive)
                .with_hint(Msg::HintRemoveNode),
        );
    }
    tree.nodes.push(Node {
        name: node_name(n).node.clone(),
        kind,
        weight,
        parent,
        children: Vec::new(),
        level,
        renormalize: matches!(n, ast::Node::Group(g) if g.renormalize),
        span,
        weight_span,
    });
    if let ast::Node::Group(g) = n {
        let kids: Vec<&ast::Node> = g.children.iter().collect();
        if kids.is_empty() {
            cx.diags.push(
                Diagnostic::error(
                    Code::MissingPart,
                    Msg::EmptyGroup {
                        name: Name::new(g.name.node.as_str()),
                    },
                )
                .with_primary(g.name.span, Msg::LabelNoChildren)
                .with_hint(Msg::HintAddChild),
            );
        }
        let children = add_children(cx, tree, &kids, Some(id), level + 1);
        tree.nodes[id].children.clone_from(&children);
        if !g.renormalize {
            for &c in &children {
                let child = &tree.nodes[c];
                if matches!(child.kind, NodeKind::Question { .. }) && child.weight.is_none() {
                    cx.diags.push(
                        Diagnostic::error(
                            Code::WeightSum,
                            Msg::QuestionNoWeight {
                                name: Name::new(child.name.as_str()),
                            },
                        )
                        .with_primary(child.span, Msg::LabelNoWeight)
                        .with_hint(Msg::HintQuestionWeight {
                            code: Name::new(format!(
                                "group {} weight {} renormalize {{ … }}",
                                g.name.node, g.weight.node
                            )),
                        }),
                    );
                }
            }
        }
        check_children_weights(cx, tree, id);
    }
    id
}

fn check_children_weights(cx: &mut Checker, tree: &Tree, id: NodeId) {
    let node = &tree.nodes[id];
    let kids: Vec<&Node> = node.children.iter().map(|&c| &tree.nodes[c]).collect();
    if kids.is_empty() || node.renormalize || kids.iter().any(|k| k.weight.is_none()) {
        // Slots without a fixed weight: rows are checked against the group
        // when the data is read.
        return;
    }
    let (Some(w), Some(ws)) = (node.weight.clone(), node.weight_span) else {
        return;
    };
    let total = sum(kids.iter().filter_map(|k| k.weight.as_ref()));
    if total != w {
        let parts: Vec<String> = kids
            .iter()
            .map(|k| k.weight.clone().map_or_else(String::new, |x| x.to_string()))
            .collect();
        let mut d = Diagnostic::error(
            Code::WeightSum,
            Msg::ChildrenSum {
                name: Name::new(node.name.as_str()),
                sum: total.clone(),
                weight: w.clone(),
            },
        )
        .with_primary(ws, Msg::LabelGroupWeight { weight: w.clone() });
        for k in &kids {
            if let Some(s) = k.weight_span {
                d = d.with_secondary(s, Text::Nothing);
            }
        }
        cx.diags.push(
            d.with_note(Msg::NoteSum {
                terms: parts.join(" + "),
                sum: total,
            })
            .with_hint(Msg::HintChildrenSum { weight: w }),
        );
    }
}

/// Compare the top-level weights with `total` (or derive the total).
pub(super) fn check_total(
    cx: &mut Checker,
    tree: &Tree,
    declared: Option<(Exact, Span)>,
    at: Span,
) -> Exact {
    let roots: Vec<&Node> = tree.roots.iter().map(|&r| &tree.nodes[r]).collect();
    let fixed = roots.iter().all(|r| r.weight.is_some());
    let sum_roots = sum(roots.iter().filter_map(|r| r.weight.as_ref()));
    match declared {
        Some((t, span)) => {
            if t <= Exact::ZERO {
                cx.diags.push(
                    Diagnostic::error(Code::TotalMismatch, Msg::TotalNotPositive)
                        .with_primary(span, Msg::LabelNotPositive),
                );
            } else if fixed && !roots.is_empty() && sum_roots != t {
                let parts: Vec<String> = roots
                    .iter()
                    .map(|r| format!("{} {}", r.name, r.weight.clone().unwrap_or_default()))
                    .collect();
                let mut d = Diagnostic::error(
                    Code::TotalMismatch,
                    Msg::TopLevelSum {
                        sum: sum_roots.clone(),
                        total: t.clone(),
                    },
                )
                .with_primary(span, Msg::LabelTotal { total: t.clone() });
                for r in &roots {
                    if let Some(s) = r.weight_span {
                        d = d.with_secondary(s, Text::Nothing);
                    }
                }
                cx.diags.push(
                    d.with_note(Msg::NoteSum {
                        terms: parts.join(" + "),
                        sum: sum_roots.clone(),
                    })
                    .with_hint(Msg::HintAgree),
                );
            }
            t
        }
        None => {
            if !fixed && !roots.is_empty() {
                cx.diags.push(
                    Diagnostic::error(Code::MissingPart, Msg::NoTotal)
                        .with_primary(at, Msg::LabelTotalNotDerived)
                        .with_hint(Msg::HintAddTotal),
                );
            }
            sum_roots
        }
    }
}

fn indicator(cx: &mut Checker, i: &ast::Indicator) -> IndicatorDef {
    let mut target = None;
    let mut actual = None;
    let mut score: Option<(&ast::Expr, Span)> = None;
    let mut seen: Vec<(&str, Span)> = Vec::new();
    let dup =
        |cx: &mut Checker, what: &'static str, span: Span, seen: &mut Vec<(&'static str, Span)>| {
            if let Some((_, first)) = seen.iter().find(|(w, _)| *w == what) {
                cx.diags.push(
                    Diagnostic::error(
                        Code::DuplicateSetting,
                        Msg::TwiceInIndicator {
                            what: Name::new(what),
                            name: Name::new(i.name.node.as_str()),
                        },
                    )
                    .with_primary(span, Msg::LabelSecondOne)
                    .with_secondary(*first, Msg::LabelFirstOne),
                );
                true
            } else {
                seen.push((what, span));
                false
            }
        };
    // `target` and `actual` are visible to each other only through the
    // indicator scope built below, so resolve them first without it.
    let mut target_ty = None;
    let mut actual_ty = None;
    for item in &i.items {
        match item {
            IndicatorItem::Target(e) => {
                if !dup(cx, "target", e.span, &mut seen) {
                    let (x, t) = cx.expr(e, None);
                    target = Some(x);
                    target_ty = Some(t);
                }
            }
            IndicatorItem::Actual(e) => {
                if !dup(cx, "actual", e.span, &mut seen) {
                    let (x, t) = cx.expr(e, None);
                    actual = Some(x);
                    actual_ty = Some(t);
                }
            }
            IndicatorItem::Score(e) => {
                if !dup(cx, "score", e.span, &mut seen) {
                    score = Some((e, e.span));
                }
            }
            IndicatorItem::Require(_) | IndicatorItem::Rated(_) => {}
        }
    }
    let scope = IndicatorScope {
        target: target_ty,
        actual: actual_ty,
        weight: true,
    };
    let rated = i.items.iter().find_map(|it| match it {
        IndicatorItem::Rated(s) => Some(*s),
        _ => None,
    });
    let score = match score {
        Some((e, _)) if rated.is_some() => {
            cx.diags.push(
                Diagnostic::error(
                    Code::DuplicateSetting,
                    Msg::RatedWithScore {
                        name: Name::new(i.name.node.as_str()),
                    },
                )
                .with_primary(e.span, Msg::LabelRatedBand)
                .with_hint(Msg::HintRatedOrScore),
            );
            super::model::Expr {
                kind: super::model::ExprKind::Bool(false),
                span: i.span,
            }
        }
        None if rated.is_some() => super::model::Expr {
            kind: super::model::ExprKind::Skip,
            span: i.span,
        },
        Some((e, _)) => {
            let (x, t) = cx.expr(e, Some(&scope));
            if !matches!(t, Ty::Number { .. } | Ty::Any) {
                cx.diags.push(
                    Diagnostic::error(Code::TypeMismatch, Msg::ScoreNotPoints { found: t.text() })
                        .with_primary(e.span, t.words())
                        .with_hint(Msg::HintMoneyToPoints),
                );
            }
            x
        }
        None => {
            cx.diags.push(
                Diagnostic::error(
                    Code::MissingScore,
                    Msg::NoScore {
                        name: Name::new(i.name.node.as_str()),
                    },
                )
                .with_primary(i.name.span, Msg::LabelHowScored)
                .with_hint(Msg::HintAddScore),
            );
            super::model::Expr {
                kind: super::model::ExprKind::Bool(false),
                span: i.span,
            }
        }
    };
    let checks = i
        .items
        .iter()
        .filter_map(|it| match it {
            IndicatorItem::Require(r) => Some(cx.require(r, Some(&scope))),
            _ => None,
        })
        .collect();
    IndicatorDef {
        target,
        actual,
        score,
        checks,
        rated: rated.is_some(),
    }
}
