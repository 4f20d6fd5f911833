//! Expressions: canonical spacing around operators, `then` and `else` of a
//! broken `if` under their `if`, tier tables.

use super::items::{Block, block};
use super::printer::{Printer, Sep};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;
use std::borrow::Cow;

/// The canonical text of a token: operators and the percent sign in their
/// ASCII form, everything else as written.
pub(super) fn text<'s>(pair: &Pair<'s, Rule>) -> Cow<'s, str> {
    let canonical = match pair.as_rule() {
        Rule::op_or => "or",
        Rule::op_and => "and",
        Rule::op_not => "not",
        Rule::op_eq => "==",
        Rule::op_ne => "!=",
        Rule::op_le => "<=",
        Rule::op_ge => ">=",
        Rule::op_lt => "<",
        Rule::op_gt => ">",
        Rule::op_add => "+",
        Rule::op_sub | Rule::op_neg => "-",
        Rule::op_mul => "*",
        Rule::op_div => "/",
        Rule::quantity | Rule::percent_lit => return Cow::Owned(quantity(pair)),
        Rule::ty_count => {
            return Cow::Owned(match pair.clone().into_inner().next() {
                Some(unit) => format!("count({})", unit.as_str()),
                None => "count".to_owned(),
            });
        }
        _ => return Cow::Borrowed(pair.as_str()),
    };
    Cow::Borrowed(canonical)
}

/// `80％` → `80%`; other units as written.
fn quantity(pair: &Pair<'_, Rule>) -> String {
    pair.clone()
        .into_inner()
        .map(|p| match p.as_rule() {
            Rule::unit
                if p.clone()
                    .into_inner()
                    .any(|u| u.as_rule() == Rule::percent_sign) =>
            {
                "%"
            }
            Rule::percent_sign => "%",
            _ => p.as_str(),
        })
        .collect()
}

/// A token with its canonical text.
pub(super) fn leaf(p: &mut Printer<'_>, pair: &Pair<'_, Rule>, sep: Sep) -> usize {
    let span = pair.as_span();
    p.token(span.start(), span.end(), &text(pair), sep)
}

/// An `expr` or `arith`: prefix operators, operands and infix operators.
pub(super) fn expr<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let mut sep = sep;
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::op_neg => {
                leaf(p, &x, sep);
                sep = Sep::Glue;
            }
            Rule::op_not => {
                leaf(p, &x, sep);
                sep = Sep::Space;
            }
            Rule::op_or
            | Rule::op_and
            | Rule::op_eq
            | Rule::op_ne
            | Rule::op_le
            | Rule::op_ge
            | Rule::op_lt
            | Rule::op_gt
            | Rule::op_add
            | Rule::op_sub
            | Rule::op_mul
            | Rule::op_div => {
                leaf(p, &x, Sep::Space);
                sep = Sep::Space;
            }
            _ => {
                primary(p, x, sep);
                sep = Sep::Space;
            }
        }
    }
}

fn primary<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    match pair.as_rule() {
        Rule::expr => {
            p.mark(&['(', '（'], "(", sep);
            expr(p, pair, Sep::Glue);
            p.mark(&[')', '）'], ")", Sep::Glue);
        }
        Rule::if_expr => if_expr(p, pair, sep, None),
        Rule::tiers => tiers(p, pair, sep),
        Rule::call => {
            let mut inner = pair.into_inner();
            if let Some(name) = inner.next() {
                leaf(p, &name, sep);
            }
            p.mark(&['(', '（'], "(", Sep::Glue);
            for (i, arg) in inner.enumerate() {
                if i > 0 {
                    p.punct(",");
                }
                expr(p, arg, if i == 0 { Sep::Glue } else { Sep::Space });
            }
            p.mark(&[')', '）'], ")", Sep::Glue);
        }
        _ => {
            leaf(p, &pair, sep);
        }
    }
}

/// `if c then a else b`; a chain of `else if` shares the first `if`'s
/// column (`anchor`), so its `then`s and `else`s line up under it.
fn if_expr<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep, anchor: Option<usize>) {
    let mut anchor = anchor;
    let mut operands = 0;
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::kw_if => {
                let col = leaf(p, &x, sep);
                anchor = anchor.or(Some(col));
            }
            Rule::kw_then | Rule::kw_else => {
                leaf(p, &x, anchor.map_or(Sep::Space, Sep::Align));
            }
            _ => {
                operands += 1;
                match sole_if(&x) {
                    Some(inner) if operands == 3 => if_expr(p, inner, Sep::Space, anchor),
                    _ => expr(p, x, Sep::Space),
                }
            }
        }
    }
}

/// The `if_expr` an `expr` consists of, if that is all it is.
fn sole_if<'s>(pair: &Pair<'s, Rule>) -> Option<Pair<'s, Rule>> {
    let mut inner = pair.clone().into_inner();
    match (inner.next(), inner.next()) {
        (Some(only), None) if only.as_rule() == Rule::if_expr => Some(only),
        _ => None,
    }
}

/// `tiers x { <= 0% => 5; otherwise => 0 }`; one tier a line, the `=>`s
/// aligned, when written over several lines.
fn tiers<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let end = pair.as_span().end();
    let mut rows = Vec::new();
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::kw_tiers => {
                leaf(p, &x, sep);
            }
            Rule::expr => expr(p, x, Sep::Space),
            _ => rows.push(x),
        }
    }
    let inline = !p.has_break(p.pos, end);
    let widths: Vec<Option<usize>> = rows
        .iter()
        .map(|row| match row.as_rule() {
            Rule::tier if !inline => {
                let from = row.as_span().start();
                p.measure(from, |p| tier_bound(p, row.clone(), Sep::Glue))
            }
            _ => None,
        })
        .collect();
    let column = widths.iter().flatten().max().copied();
    let mut widths = widths.into_iter();
    block(p, rows, Block::Inner { inline }, |p, row, sep| {
        let width = widths.next().flatten();
        if row.as_rule() == Rule::tier {
            let mut inner = row.clone().into_inner();
            tier_bound(p, row, sep);
            let pad = match (column, width) {
                (Some(c), Some(w)) => c - w + 1,
                _ => 1,
            };
            p.punct(&" ".repeat(pad));
            p.punct("=>");
            if let Some(value) = inner.nth(2) {
                expr(p, value, Sep::Space);
            }
        } else {
            for x in row.into_inner() {
                match x.as_rule() {
                    Rule::kw_otherwise => {
                        leaf(p, &x, sep);
                        p.punct(" =>");
                    }
                    _ => expr(p, x, Sep::Space),
                }
            }
        }
    });
}

/// `<= 10%`: a tier's operator and bound.
fn tier_bound<'s>(p: &mut Printer<'s>, row: Pair<'s, Rule>, sep: Sep) {
    let mut inner = row.into_inner();
    if let Some(op) = inner.next().and_then(|o| o.into_inner().next()) {
        leaf(p, &op, sep);
    }
    if let Some(bound) = inner.next() {
        expr(p, bound, Sep::Space);
    }
}
