//! Pest pairs → AST: one `lower_<rule>` function per grammar rule.
//!
//! The grammar guarantees the shape of the pairs, so an unexpected rule is a
//! bug in this file (`unreachable!` names the function). Values that the
//! grammar accepts but that make no sense (a number too large for a decimal)
//! become diagnostics with the literal's span.

use super::ast::*;
use super::grammar::Rule;
use crate::catalogue::Name;
use crate::catalogue::common::Common;
use crate::catalogue::syntax::Syntax;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::exact::{Exact, ParseError};
use crate::quantity::{RoundMode, Unit};
use crate::span::{FileId, Span, Spanned};
use pest::iterators::{Pair, Pairs};
use pest::pratt_parser::{Assoc, Op, PrattParser};
use std::sync::LazyLock;

type Lowered<T> = Result<T, Diagnostic>;

static PRATT: LazyLock<PrattParser<Rule>> = LazyLock::new(|| {
    PrattParser::new()
        .op(Op::infix(Rule::op_or, Assoc::Left))
        .op(Op::infix(Rule::op_and, Assoc::Left))
        .op(Op::prefix(Rule::op_not))
        .op(Op::infix(Rule::op_eq, Assoc::Left)
            | Op::infix(Rule::op_ne, Assoc::Left)
            | Op::infix(Rule::op_lt, Assoc::Left)
            | Op::infix(Rule::op_le, Assoc::Left)
            | Op::infix(Rule::op_gt, Assoc::Left)
            | Op::infix(Rule::op_ge, Assoc::Left))
        .op(Op::infix(Rule::op_add, Assoc::Left) | Op::infix(Rule::op_sub, Assoc::Left))
        .op(Op::infix(Rule::op_mul, Assoc::Left) | Op::infix(Rule::op_div, Assoc::Left))
        .op(Op::prefix(Rule::op_neg))
});

struct Ctx {
    file: FileId,
}

impl Ctx {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn spanned<T>(&self, pair: &Pair<'_, Rule>, node: T) -> Spanned<T> {
        Spanned::new(node, self.span(pair))
    }
}

/// Lower the `file` pair.
pub(super) fn lower_file(pair: Pair<'_, Rule>, file: FileId) -> Lowered<Framework> {
    let cx = Ctx { file };
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::framework => return lower_framework(&cx, p),
            Rule::EOI => {}
            r => unreachable!("{r:?} in lower_file"),
        }
    }
    unreachable!("file without framework")
}

fn lower_framework(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Framework> {
    let span = cx.span(&pair);
    let mut id = None;
    let mut title = None;
    let mut extends = None;
    let mut items = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_framework => {}
            Rule::framework_id => id = Some(cx.spanned(&p, p.as_str().to_owned())),
            Rule::string => title = Some(lower_string(cx, p)),
            Rule::extends => {
                let parent = last_inner(p);
                extends = Some(cx.spanned(&parent, parent.as_str().to_owned()));
            }
            Rule::answers => items.push(Item::Answers(lower_answers(cx, p)?)),
            Rule::period => items.push(Item::Period(lower_period(cx, p)?)),
            Rule::language => {
                let code = last_inner(p);
                items.push(Item::Language(cx.spanned(&code, code.as_str().to_owned())));
            }
            Rule::reweight => {
                let mut inner = p.into_inner().filter(|x| x.as_rule() != Rule::kw_reweight);
                let path = lower_path(
                    cx,
                    inner
                        .next()
                        .unwrap_or_else(|| unreachable!("reweight without path")),
                );
                let w = lower_number(
                    cx,
                    inner
                        .next()
                        .unwrap_or_else(|| unreachable!("reweight without weight")),
                )?;
                items.push(Item::Reweight(path, w));
            }
            Rule::remove => items.push(Item::Remove(lower_path(cx, last_inner(p)))),
            Rule::within => {
                let span = cx.span(&p);
                let mut path = None;
                let mut nodes = Vec::new();
                for x in p.into_inner() {
                    match x.as_rule() {
                        Rule::kw_within => {}
                        Rule::node_path => path = Some(lower_path(cx, x)),
                        _ => nodes.push(lower_node(cx, x)?),
                    }
                }
                items.push(Item::Within(
                    path.unwrap_or_else(|| unreachable!("within without path")),
                    nodes,
                    span,
                ));
            }
            Rule::test_block => items.push(Item::Test(lower_test(cx, p)?)),
            Rule::basis => items.push(Item::Basis(lower_string(cx, last_inner(p)))),
            Rule::total => items.push(Item::Total(lower_number(cx, last_inner(p))?)),
            Rule::rounding => items.push(Item::Rounding(lower_rounding(cx, p)?)),
            Rule::grades => items.push(Item::Grades(lower_grades(cx, p)?)),
            Rule::input => items.push(Item::Input(lower_input(cx, p)?)),
            Rule::let_decl => items.push(Item::Let(lower_let(cx, p)?)),
            Rule::require => items.push(Item::Require(lower_require(cx, p)?)),
            Rule::indicator | Rule::group | Rule::slot => {
                items.push(Item::Node(lower_node(cx, p)?))
            }
            Rule::scoring => items.push(Item::Scoring(lower_scoring(cx, p)?)),
            r => unreachable!("{r:?} in lower_framework"),
        }
    }
    Ok(Framework {
        id: id.unwrap_or_else(|| Spanned::new(String::new(), span)),
        title,
        extends,
        items,
        span,
    })
}

fn last_inner(pair: Pair<'_, Rule>) -> Pair<'_, Rule> {
    let rule = pair.as_rule();
    pair.into_inner()
        .last()
        .unwrap_or_else(|| unreachable!("{rule:?} without children"))
}

/// The spans of the `{…}` in a string literal as written, found the way
/// the checker splits the message (each `{` up to the next `}`).
fn placeholder_spans(cx: &Ctx, pair: &Pair<'_, Rule>) -> Vec<Span> {
    let raw = pair.as_str();
    let base = pair.as_span().start();
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(open) = raw[from..].find('{').map(|o| from + o) {
        let Some(close) = raw[open..].find('}').map(|c| open + c) else {
            break;
        };
        spans.push(Span::new(cx.file, base + open, base + close + 1));
        from = close + 1;
    }
    spans
}

fn lower_string(cx: &Ctx, pair: Pair<'_, Rule>) -> Spanned<String> {
    let span = cx.span(&pair);
    let body = pair.into_inner().next().map_or("", |b| b.as_str());
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    Spanned::new(out, span)
}

fn parse_decimal(cx: &Ctx, pair: &Pair<'_, Rule>) -> Lowered<Exact> {
    Exact::parse(pair.as_str()).map_err(|why| {
        let max = crate::exact::MAX_DIGITS;
        let number = Name::new(pair.as_str());
        let message = match why {
            ParseError::TooManyDecimals(decimals) => Syntax::TooManyDecimals {
                number,
                decimals,
                max,
            },
            _ => Syntax::NumberTooLarge { number, max },
        };
        Diagnostic::error(Code::BadNumber, message)
            .with_primary(cx.span(pair), Syntax::LabelOutOfRange)
            .with_hint(Syntax::HintDigits { max })
    })
}

fn lower_number(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Spanned<Exact>> {
    Ok(cx.spanned(&pair, parse_decimal(cx, &pair)?))
}

fn lower_name(cx: &Ctx, pair: Pair<'_, Rule>) -> Spanned<String> {
    let inner = last_inner(pair);
    match inner.as_rule() {
        Rule::ident => cx.spanned(&inner, inner.as_str().to_owned()),
        Rule::string => lower_string(cx, inner),
        r => unreachable!("{r:?} in lower_name"),
    }
}

fn lower_rounding(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Rounding> {
    let span = cx.span(&pair);
    let mut places = None;
    let mut mode = None;
    let mut scope = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_round => {}
            Rule::integer => {
                let n = p
                    .as_str()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n <= 10)
                    .ok_or_else(|| {
                        Diagnostic::error(
                            Code::BadNumber,
                            Syntax::RoundPlaces {
                                places: p.as_str().into(),
                            },
                        )
                        .with_primary(cx.span(&p), Syntax::LabelZeroToTen)
                        .with_hint(Syntax::HintRoundTwo)
                    })?;
                places = Some(cx.spanned(&p, n));
            }
            Rule::round_mode => {
                let m = match p.as_str() {
                    "half-up" => RoundMode::HalfUp,
                    "half-even" => RoundMode::HalfEven,
                    "down" => RoundMode::Down,
                    "up" => RoundMode::Up,
                    other => unreachable!("round mode {other}"),
                };
                mode = Some(cx.spanned(&p, m));
            }
            Rule::round_scope => {
                let s = match p.as_str() {
                    "per-leaf" => RoundScope::PerLeaf,
                    "per-group" => RoundScope::PerGroup,
                    "total-only" => RoundScope::TotalOnly,
                    other => unreachable!("round scope {other}"),
                };
                scope = Some(cx.spanned(&p, s));
            }
            r => unreachable!("{r:?} in lower_rounding"),
        }
    }
    Ok(Rounding {
        places: places.unwrap_or_else(|| unreachable!("rounding without places")),
        mode,
        scope,
        span,
    })
}

fn lower_grades(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Grades> {
    let span = cx.span(&pair);
    let mut bands = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_grades => {}
            Rule::grade => {
                let gspan = cx.span(&p);
                let mut name = None;
                let mut min = None;
                let mut when = None;
                for g in p.into_inner() {
                    match g.as_rule() {
                        Rule::name => name = Some(lower_name(cx, g)),
                        Rule::op_ge | Rule::kw_when => {}
                        Rule::number => min = Some(lower_number(cx, g)?),
                        Rule::expr => when = Some(lower_expr(cx, g)?),
                        r => unreachable!("{r:?} in lower_grades"),
                    }
                }
                bands.push(GradeBand {
                    name: name.unwrap_or_else(|| unreachable!("grade without name")),
                    min,
                    when,
                    span: gspan,
                });
            }
            r => unreachable!("{r:?} in lower_grades"),
        }
    }
    Ok(Grades { bands, span })
}

fn lower_type(cx: &Ctx, pair: Pair<'_, Rule>) -> Spanned<TypeName> {
    let span = cx.span(&pair);
    let inner = last_inner(pair);
    let ty = match inner.as_rule() {
        Rule::ty_money => TypeName::Money,
        Rule::ty_percent => TypeName::Percent,
        Rule::ty_number => TypeName::Number,
        Rule::ty_text => TypeName::Text,
        Rule::ty_count => TypeName::Count(inner.into_inner().next().map(|u| u.as_str().to_owned())),
        Rule::ty_level => TypeName::Level(
            inner
                .into_inner()
                .filter(|p| p.as_rule() == Rule::name)
                .map(|p| lower_name(cx, p).node)
                .collect(),
        ),
        r => unreachable!("{r:?} in lower_type"),
    };
    Spanned::new(ty, span)
}

fn lower_input(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Input> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut ty = None;
    let mut default = None;
    let mut from = None;
    let mut label = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_input => {}
            Rule::ident => name = Some(cx.spanned(&p, p.as_str().to_owned())),
            Rule::type_name => ty = Some(lower_type(cx, p)),
            Rule::input_default => default = Some(lower_expr(cx, last_inner(p))?),
            Rule::input_from => {
                let path = last_inner(p);
                from = Some(cx.spanned(&path, path.as_str().to_owned()));
            }
            Rule::input_label => label = Some(lower_string(cx, last_inner(p))),
            r => unreachable!("{r:?} in lower_input"),
        }
    }
    Ok(Input {
        name: name.unwrap_or_else(|| unreachable!("input without name")),
        ty: ty.unwrap_or_else(|| unreachable!("input without type")),
        default,
        from,
        label,
        span,
    })
}

fn lower_let(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Let> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut ty = None;
    let mut value = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_let => {}
            Rule::ident => name = Some(cx.spanned(&p, p.as_str().to_owned())),
            Rule::type_name => ty = Some(lower_type(cx, p)),
            Rule::expr => value = Some(lower_expr(cx, p)?),
            r => unreachable!("{r:?} in lower_let"),
        }
    }
    Ok(Let {
        name: name.unwrap_or_else(|| unreachable!("let without name")),
        ty,
        value: value.unwrap_or_else(|| unreachable!("let without value")),
        span,
    })
}

fn lower_require(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Require> {
    let span = cx.span(&pair);
    let mut cond = None;
    let mut severity = None;
    let mut message = None;
    let mut placeholders = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_require | Rule::kw_else => {}
            Rule::expr => cond = Some(lower_expr(cx, p)?),
            Rule::severity => {
                let s = if p.as_str() == "warn" {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                severity = Some(cx.spanned(&p, s));
            }
            Rule::string => {
                placeholders = placeholder_spans(cx, &p);
                message = Some(lower_string(cx, p));
            }
            r => unreachable!("{r:?} in lower_require"),
        }
    }
    Ok(Require {
        cond: cond.unwrap_or_else(|| unreachable!("require without condition")),
        severity: severity.unwrap_or_else(|| unreachable!("require without severity")),
        message: message.unwrap_or_else(|| unreachable!("require without message")),
        placeholders,
        span,
    })
}

fn lower_weight(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Spanned<Exact>> {
    lower_number(cx, last_inner(pair))
}

fn lower_node(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Node> {
    match pair.as_rule() {
        Rule::group => lower_group(cx, pair).map(Node::Group),
        Rule::indicator => lower_indicator(cx, pair).map(Node::Indicator),
        Rule::slot => lower_slot(cx, pair).map(Node::Slot),
        Rule::question => lower_question(cx, pair).map(Node::Question),
        r => unreachable!("{r:?} in lower_node"),
    }
}

fn lower_group(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Group> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut weight = None;
    let mut renormalize = false;
    let mut children = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_group => {}
            Rule::name => name = Some(lower_name(cx, p)),
            Rule::weight => weight = Some(lower_weight(cx, p)?),
            Rule::renormalize => renormalize = true,
            Rule::group | Rule::indicator | Rule::slot | Rule::question => {
                children.push(lower_node(cx, p)?)
            }
            r => unreachable!("{r:?} in lower_group"),
        }
    }
    Ok(Group {
        name: name.unwrap_or_else(|| unreachable!("group without name")),
        weight: weight.unwrap_or_else(|| unreachable!("group without weight")),
        renormalize,
        children,
        span,
    })
}

fn lower_indicator(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Indicator> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut weight = None;
    let mut items = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_indicator => {}
            Rule::name => name = Some(lower_name(cx, p)),
            Rule::weight => weight = Some(lower_weight(cx, p)?),
            Rule::ind_target => items.push(IndicatorItem::Target(lower_expr(cx, last_inner(p))?)),
            Rule::ind_actual => items.push(IndicatorItem::Actual(lower_expr(cx, last_inner(p))?)),
            Rule::ind_score => items.push(IndicatorItem::Score(lower_expr(cx, last_inner(p))?)),
            Rule::require => items.push(IndicatorItem::Require(lower_require(cx, p)?)),
            Rule::ind_rated => items.push(IndicatorItem::Rated(cx.span(&p))),
            r => unreachable!("{r:?} in lower_indicator"),
        }
    }
    Ok(Indicator {
        name: name.unwrap_or_else(|| unreachable!("indicator without name")),
        weight,
        items,
        span,
    })
}

fn lower_slot(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Slot> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut weight = None;
    let mut scorings = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_slot => {}
            Rule::name => name = Some(lower_name(cx, p)),
            Rule::weight => weight = Some(lower_weight(cx, p)?),
            Rule::scoring => scorings.push(lower_scoring(cx, p)?),
            r => unreachable!("{r:?} in lower_slot"),
        }
    }
    Ok(Slot {
        name: name.unwrap_or_else(|| unreachable!("slot without name")),
        weight,
        scorings,
        span,
    })
}

fn lower_scoring(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Scoring> {
    let span = cx.span(&pair);
    let inner = last_inner(pair);
    match inner.as_rule() {
        Rule::quantitative => lower_quantitative(cx, inner, span).map(Scoring::Quantitative),
        Rule::qualitative => lower_qualitative(cx, inner, span).map(Scoring::Qualitative),
        r => unreachable!("{r:?} in lower_scoring"),
    }
}

fn lower_quantitative(cx: &Ctx, pair: Pair<'_, Rule>, span: Span) -> Lowered<QuantRule> {
    let mut kind = None;
    let mut items = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::target_kind => {
                let k = match p.as_str() {
                    "at-least" => TargetKind::AtLeast,
                    "at-most" => TargetKind::AtMost,
                    "equals" => TargetKind::Equals,
                    other => unreachable!("target kind {other}"),
                };
                kind = Some(cx.spanned(&p, k));
            }
            Rule::ind_score => items.push(RuleItem::Score(lower_expr(cx, last_inner(p))?)),
            Rule::require => items.push(RuleItem::Require(lower_require(cx, p)?)),
            Rule::deduction => items.push(RuleItem::Deduction(lower_expr(cx, last_inner(p))?)),
            r => unreachable!("{r:?} in lower_quantitative"),
        }
    }
    Ok(QuantRule {
        kind: kind.unwrap_or_else(|| unreachable!("rule without kind")),
        items,
        span,
    })
}

fn lower_qualitative(cx: &Ctx, pair: Pair<'_, Rule>, span: Span) -> Lowered<QualRule> {
    let mut bands = Vec::new();
    let mut default = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_qualitative => {}
            Rule::band => bands.push(lower_band(cx, p)?),
            Rule::band_default => {
                let pick = last_inner(p);
                let v = match pick.as_str() {
                    "upper" => BandPick::Upper,
                    "middle" => BandPick::Middle,
                    "lower" => BandPick::Lower,
                    other => unreachable!("band pick {other}"),
                };
                default = Some(cx.spanned(&pick, v));
            }
            r => unreachable!("{r:?} in lower_qualitative"),
        }
    }
    Ok(QualRule {
        bands,
        default,
        span,
    })
}

fn lower_band(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Band> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut bounds = Vec::new();
    let mut aliases = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::name => name = Some(lower_name(cx, p)),
            Rule::percent_lit => {
                let s = cx.span(&p);
                let num = p
                    .into_inner()
                    .find(|n| n.as_rule() == Rule::number)
                    .unwrap_or_else(|| unreachable!("percent without number"));
                let d = parse_decimal(cx, &num)?.mul(&Exact::HUNDREDTH);
                bounds.push(Spanned::new(d, s));
            }
            Rule::kw_also => {}
            Rule::string => aliases.push(lower_string(cx, p)),
            r => unreachable!("{r:?} in lower_band"),
        }
    }
    let mut bounds = bounds.into_iter();
    let (Some(low), Some(high)) = (bounds.next(), bounds.next()) else {
        unreachable!("band without two bounds")
    };
    Ok(Band {
        name: name.unwrap_or_else(|| unreachable!("band without name")),
        low,
        high,
        aliases,
        span,
    })
}

/// Lower an `arith` pair (a formula without comparisons) like an `expr`.
fn lower_arith(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Expr> {
    debug_assert_eq!(pair.as_rule(), Rule::arith);
    lower_pratt(cx, pair.into_inner())
}

/// Lower an `expr` pair with the Pratt parser.
fn lower_expr(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Expr> {
    debug_assert_eq!(pair.as_rule(), Rule::expr);
    lower_pratt(cx, pair.into_inner())
}

fn lower_pratt(cx: &Ctx, pairs: Pairs<'_, Rule>) -> Lowered<Expr> {
    PRATT
        .map_primary(|p| lower_primary(cx, p))
        .map_prefix(|op, rhs| {
            let rhs = rhs?;
            let span = cx.span(&op).merge(rhs.span);
            let op = match op.as_rule() {
                Rule::op_neg => UnaryOp::Neg,
                Rule::op_not => UnaryOp::Not,
                r => unreachable!("{r:?} as prefix"),
            };
            Ok(Expr {
                kind: ExprKind::Unary(op, Box::new(rhs)),
                span,
            })
        })
        .map_infix(|lhs, op, rhs| {
            let (lhs, rhs) = (lhs?, rhs?);
            let op = match op.as_rule() {
                Rule::op_or => BinaryOp::Or,
                Rule::op_and => BinaryOp::And,
                Rule::op_eq => BinaryOp::Eq,
                Rule::op_ne => BinaryOp::Ne,
                Rule::op_lt => BinaryOp::Lt,
                Rule::op_le => BinaryOp::Le,
                Rule::op_gt => BinaryOp::Gt,
                Rule::op_ge => BinaryOp::Ge,
                Rule::op_add => BinaryOp::Add,
                Rule::op_sub => BinaryOp::Sub,
                Rule::op_mul => BinaryOp::Mul,
                Rule::op_div => BinaryOp::Div,
                r => unreachable!("{r:?} as infix"),
            };
            let span = lhs.span.merge(rhs.span);
            Ok(Expr {
                kind: ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)),
                span,
            })
        })
        .parse(pairs)
}

fn lower_primary(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Expr> {
    let span = cx.span(&pair);
    let kind = match pair.as_rule() {
        Rule::expr => return lower_expr(cx, pair).map(|e| Expr { span, ..e }),
        Rule::quantity => {
            let mut inner = pair.into_inner();
            let num = inner
                .next()
                .unwrap_or_else(|| unreachable!("quantity without number"));
            let shown = parse_decimal(cx, &num)?;
            let unit = match inner.next() {
                None => Unit::None,
                Some(u) => Unit::parse(u.as_str()).ok_or_else(|| {
                    let d = Diagnostic::error(
                        Code::Syntax,
                        Syntax::UnknownUnit {
                            unit: Name::new(u.as_str()),
                        },
                    )
                    .with_primary(cx.span(&u), Syntax::LabelUnknownUnit);
                    let d = if u.as_str().starts_with(['%', '％']) {
                        d.with_hint(Common::DidYouMean {
                            name: Name::new(format!("{}%", num.as_str())),
                        })
                    } else {
                        d
                    };
                    d.with_hint(Syntax::HintUnits)
                })?,
            };
            let value = unit.from_display(&shown);
            ExprKind::Quantity(value, unit)
        }
        Rule::string => ExprKind::Text(lower_string(cx, pair).node),
        Rule::boolean => ExprKind::Bool(pair.as_str() == "true"),
        Rule::skip => ExprKind::Skip,
        Rule::tiers => {
            let mut subject = None;
            let mut tiers = Vec::new();
            let mut otherwise = None;
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::kw_tiers => {}
                    Rule::expr => subject = Some(lower_expr(cx, p)?),
                    Rule::tier => {
                        let mut inner = p.into_inner();
                        let op = inner
                            .next()
                            .and_then(|o| o.into_inner().next())
                            .map(|o| o.as_rule());
                        let op = match op {
                            Some(Rule::op_le) => BinaryOp::Le,
                            Some(Rule::op_ge) => BinaryOp::Ge,
                            Some(Rule::op_lt) => BinaryOp::Lt,
                            Some(Rule::op_gt) => BinaryOp::Gt,
                            Some(Rule::op_eq) => BinaryOp::Eq,
                            r => unreachable!("{r:?} as tier operator"),
                        };
                        let bound = lower_arith(
                            cx,
                            inner.next().unwrap_or_else(|| unreachable!("tier bound")),
                        )?;
                        let value = lower_arith(
                            cx,
                            inner.next().unwrap_or_else(|| unreachable!("tier value")),
                        )?;
                        tiers.push((op, bound, value));
                    }
                    Rule::tier_else => {
                        let e = p.into_inner().find(|x| x.as_rule() == Rule::arith);
                        otherwise = Some(lower_arith(
                            cx,
                            e.unwrap_or_else(|| unreachable!("otherwise value")),
                        )?);
                    }
                    r => unreachable!("{r:?} in tiers"),
                }
            }
            ExprKind::Tiers(
                Box::new(subject.unwrap_or_else(|| unreachable!("tiers without subject"))),
                tiers,
                Box::new(otherwise.unwrap_or_else(|| unreachable!("tiers without otherwise"))),
            )
        }
        Rule::ident => ExprKind::Name(pair.as_str().to_owned()),
        Rule::if_expr => {
            let mut parts = Vec::with_capacity(3);
            for p in pair.into_inner() {
                match p.as_rule() {
                    Rule::kw_if | Rule::kw_then | Rule::kw_else => {}
                    Rule::expr => parts.push(lower_expr(cx, p)?),
                    r => unreachable!("{r:?} in if_expr"),
                }
            }
            let mut parts = parts.into_iter();
            let (Some(c), Some(t), Some(e)) = (parts.next(), parts.next(), parts.next()) else {
                unreachable!("if without three parts")
            };
            ExprKind::If(Box::new(c), Box::new(t), Box::new(e))
        }
        Rule::call => {
            let mut inner = pair.into_inner();
            let f = inner
                .next()
                .unwrap_or_else(|| unreachable!("call without name"));
            let name = cx.spanned(&f, f.as_str().to_owned());
            let args = inner
                .map(|a| lower_expr(cx, a))
                .collect::<Lowered<Vec<_>>>()?;
            ExprKind::Call(name, args)
        }
        r => unreachable!("{r:?} in lower_primary"),
    };
    Ok(Expr { kind, span })
}

fn lower_path(cx: &Ctx, pair: Pair<'_, Rule>) -> NodePath {
    let span = cx.span(&pair);
    let names = pair
        .into_inner()
        .filter(|p| p.as_rule() == Rule::name)
        .map(|p| lower_name(cx, p).node)
        .collect();
    Spanned::new(names, span)
}

fn lower_year(cx: &Ctx, pair: &Pair<'_, Rule>) -> Lowered<Spanned<i64>> {
    pair.as_str()
        .parse::<i64>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .map(|y| cx.spanned(pair, y))
        .ok_or_else(|| {
            Diagnostic::error(
                Code::BadNumber,
                Syntax::NotAYear {
                    year: Name::new(pair.as_str()),
                },
            )
            .with_primary(cx.span(pair), Syntax::LabelYear)
        })
}

fn lower_period(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Period> {
    let span = cx.span(&pair);
    let years: Vec<Pair<'_, Rule>> = pair
        .into_inner()
        .filter(|p| p.as_rule() == Rule::integer)
        .collect();
    let from = lower_year(cx, &years[0])?;
    let to = match years.get(1) {
        Some(y) => Some(lower_year(cx, y)?),
        None => None,
    };
    Ok(Period { from, to, span })
}

fn lower_answers(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<AnswerScale> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut answers = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_answers => {}
            Rule::answer_scale => name = Some(cx.spanned(&p, p.as_str().to_owned())),
            Rule::answer => {
                let mut inner = p.into_inner();
                let n = lower_name(
                    cx,
                    inner
                        .next()
                        .unwrap_or_else(|| unreachable!("answer without name")),
                );
                let v = inner
                    .next()
                    .unwrap_or_else(|| unreachable!("answer without value"));
                let value = match v.as_rule() {
                    Rule::skip => None,
                    Rule::percent_lit => {
                        let s = cx.span(&v);
                        let num = v
                            .into_inner()
                            .find(|x| x.as_rule() == Rule::number)
                            .unwrap_or_else(|| unreachable!("percent without number"));
                        Some(Spanned::new(
                            parse_decimal(cx, &num)?.mul(&Exact::HUNDREDTH),
                            s,
                        ))
                    }
                    r => unreachable!("{r:?} as answer value"),
                };
                answers.push((n, value));
            }
            r => unreachable!("{r:?} in lower_answers"),
        }
    }
    Ok(AnswerScale {
        name: name.unwrap_or_else(|| unreachable!("answers without name")),
        answers,
        span,
    })
}

fn lower_question(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<Question> {
    let span = cx.span(&pair);
    let mut id = None;
    let mut text = None;
    let mut scale = None;
    let mut weight = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_question | Rule::kw_answers => {}
            Rule::name => id = Some(lower_name(cx, p)),
            Rule::string => text = Some(lower_string(cx, p)),
            Rule::answer_scale => scale = Some(cx.spanned(&p, p.as_str().to_owned())),
            Rule::weight => weight = Some(lower_weight(cx, p)?),
            r => unreachable!("{r:?} in lower_question"),
        }
    }
    Ok(Question {
        id: id.unwrap_or_else(|| unreachable!("question without id")),
        text,
        scale: scale.unwrap_or_else(|| unreachable!("question without scale")),
        weight,
        span,
    })
}

fn lower_test(cx: &Ctx, pair: Pair<'_, Rule>) -> Lowered<TestDecl> {
    let span = cx.span(&pair);
    let mut name = None;
    let mut data = None;
    let mut expects = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_test => {}
            Rule::string => name = Some(lower_string(cx, p)),
            Rule::test_data => {
                let v = last_inner(p);
                data = Some(match v.as_rule() {
                    Rule::string_multi => {
                        let body = v
                            .clone()
                            .into_inner()
                            .next()
                            .map_or("", |b| b.as_str())
                            .to_owned();
                        TestData::Inline(cx.spanned(&v, body))
                    }
                    _ => TestData::File(lower_string(cx, v)),
                });
            }
            Rule::test_expect => {
                let espan = cx.span(&p);
                let e = last_inner(p);
                let kind = match e.as_rule() {
                    Rule::exp_total => ExpectKind::Total(lower_number(cx, last_inner(e))?.node),
                    Rule::exp_grade => ExpectKind::Grade(lower_name(cx, last_inner(e)).node),
                    Rule::exp_score => {
                        let mut inner = e.into_inner().filter(|x| x.as_rule() != Rule::kw_score);
                        let path = lower_path(
                            cx,
                            inner.next().unwrap_or_else(|| unreachable!("score path")),
                        );
                        let n = lower_number(
                            cx,
                            inner.next().unwrap_or_else(|| unreachable!("score value")),
                        )?;
                        ExpectKind::Score(path.node, n.node)
                    }
                    Rule::exp_warning | Rule::exp_error => {
                        let is_error = e.as_rule() == Rule::exp_error;
                        let m = last_inner(e);
                        let matcher = match m.as_rule() {
                            Rule::diag_code => Matcher::Code(m.as_str().to_owned()),
                            _ => Matcher::Text(lower_string(cx, m).node),
                        };
                        if is_error {
                            ExpectKind::Error(matcher)
                        } else {
                            ExpectKind::Warning(matcher)
                        }
                    }
                    r => unreachable!("{r:?} in expect"),
                };
                expects.push(Expect { kind, span: espan });
            }
            r => unreachable!("{r:?} in lower_test"),
        }
    }
    Ok(TestDecl {
        name: name.unwrap_or_else(|| unreachable!("test without name")),
        data,
        expects,
        span,
    })
}
