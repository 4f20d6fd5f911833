//! Statements and blocks: one function per kind of statement that needs
//! more than "its tokens, one space apart".

use super::expr::{expr, leaf, text};
use super::gap;
use super::printer::{Printer, Sep};
use crate::syntax::grammar::Rule;
use pest::iterators::Pair;
use unicode_width::UnicodeWidthStr;

/// How a `{ … }` block is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Block {
    /// The framework's own block: one statement a line, a blank line
    /// around each statement that spans several lines.
    Framework,
    /// Any other block: on one line (`{ a; b }`) if the writer put it on
    /// one line, else one statement a line.
    Inner {
        /// Written on one line.
        inline: bool,
    },
}

/// The `file` pair: comments before the framework, the framework, comments
/// after it.
pub(super) fn file<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>) {
    for x in pair.into_inner() {
        if x.as_rule() == Rule::framework {
            framework(p, x);
        }
    }
    let end = p.src.len();
    p.token(end, end, "", Sep::End);
}

fn framework<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>) {
    let mut items = Vec::new();
    let mut sep = Sep::Stmt { blank: false };
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::kw_framework | Rule::framework_id | Rule::string | Rule::extends => {
                sep = piece(p, x, sep);
            }
            _ => items.push(x),
        }
    }
    block(p, items, Block::Framework, statement);
}

/// Write `{`, the statements and `}`; `item` writes one statement with the
/// separator it is given.
pub(super) fn block<'s, F>(
    p: &mut Printer<'s>,
    items: Vec<Pair<'s, Rule>>,
    layout: Block,
    mut item: F,
) where
    F: FnMut(&mut Printer<'s>, Pair<'s, Rule>, Sep),
{
    const CLOSE: [char; 2] = ['}', '｝'];
    p.punct(" {");
    if layout == (Block::Inner { inline: true }) {
        for (i, x) in items.into_iter().enumerate() {
            item(p, x, if i == 0 { Sep::Tight } else { Sep::Semi });
        }
        p.mark(&CLOSE, "}", Sep::Tight);
        return;
    }
    p.opened();
    let cont = p.cont;
    p.indent += 1;
    let mut after_long = false;
    for (i, x) in items.into_iter().enumerate() {
        let long = layout == Block::Framework && spans_lines(p, &x);
        item(
            p,
            x,
            Sep::Stmt {
                blank: i > 0 && (long || after_long),
            },
        );
        after_long = long;
    }
    p.indent -= 1;
    p.mark(&CLOSE, "}", Sep::Close);
    p.cont = cont;
}

/// A block statement written over several lines.
fn spans_lines(p: &Printer<'_>, pair: &Pair<'_, Rule>) -> bool {
    let span = pair.as_span();
    matches!(
        pair.as_rule(),
        Rule::grades
            | Rule::indicator
            | Rule::group
            | Rule::slot
            | Rule::scoring
            | Rule::answers
            | Rule::within
            | Rule::test_block
    ) && p.has_break(span.start(), span.end())
}

/// One statement, its first token after `sep`.
fn statement<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    match pair.as_rule() {
        Rule::grades => grades(p, pair, sep),
        Rule::scoring => scoring(p, pair, sep),
        Rule::answers => answers(p, pair, sep),
        Rule::input => input(p, pair, sep),
        Rule::let_decl => let_decl(p, pair, sep),
        Rule::period => period(p, pair, sep),
        Rule::indicator | Rule::group | Rule::slot | Rule::within | Rule::test_block => {
            with_block(p, pair, sep);
        }
        _ => {
            words(p, pair, sep);
        }
    }
}

/// The tokens of `pair`, one space apart; returns the separator for what
/// follows.
fn words<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) -> Sep {
    let mut sep = sep;
    for x in pair.into_inner() {
        sep = piece(p, x, sep);
    }
    sep
}

/// One part of a statement.
fn piece<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) -> Sep {
    match pair.as_rule() {
        Rule::expr | Rule::arith => expr(p, pair, sep),
        Rule::node_path => path(p, pair, sep),
        Rule::ty_level => level(p, pair, sep),
        Rule::name
        | Rule::string
        | Rule::string_multi
        | Rule::quantity
        | Rule::percent_lit
        | Rule::ty_count => {
            leaf(p, &pair, sep);
        }
        _ if pair.clone().into_inner().next().is_none() => {
            leaf(p, &pair, sep);
        }
        _ => {
            words(p, pair, sep);
        }
    }
    Sep::Space
}

/// `产出指标/成本指标`.
fn path<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    for (i, name) in pair.into_inner().enumerate() {
        if i > 0 {
            p.punct("/");
        }
        leaf(p, &name, if i == 0 { sep } else { Sep::Glue });
    }
}

/// `level(重点, 一般)`.
fn level<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let mut names = 0;
    for x in pair.into_inner() {
        if x.as_rule() == Rule::kw_level {
            leaf(p, &x, sep);
            p.mark(&['(', '（'], "(", Sep::Glue);
        } else {
            if names > 0 {
                p.punct(",");
            }
            leaf(p, &x, if names == 0 { Sep::Glue } else { Sep::Space });
            names += 1;
        }
    }
    p.mark(&[')', '）'], ")", Sep::Glue);
}

/// `input 全年预算数: money from funds.budget label "…"`.
fn input<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let mut sep = sep;
    for x in pair.into_inner() {
        let rule = x.as_rule();
        sep = piece(p, x, sep);
        if rule == Rule::ident {
            p.punct(":");
        }
    }
}

/// `let 执行率: percent = 全年执行数 / 全年预算数`.
fn let_decl<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let mut sep = sep;
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::type_name => p.punct(":"),
            Rule::expr => p.punct(" ="),
            _ => {}
        }
        sep = piece(p, x, sep);
    }
}

/// `years 2019..` or `years 2020..2022`.
fn period<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let mut years = 0;
    for x in pair.into_inner() {
        if x.as_rule() == Rule::integer {
            years += 1;
            if years == 1 {
                leaf(p, &x, Sep::Space);
                p.punct("..");
            } else {
                leaf(p, &x, Sep::Glue);
            }
        } else {
            leaf(p, &x, sep);
        }
    }
}

/// Whether a child of a block statement is one of its statements (rather
/// than part of its header).
fn is_statement(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::ind_target
            | Rule::ind_actual
            | Rule::ind_score
            | Rule::ind_rated
            | Rule::require
            | Rule::group
            | Rule::indicator
            | Rule::slot
            | Rule::question
            | Rule::scoring
            | Rule::test_data
            | Rule::test_expect
    )
}

/// `indicator`, `group`, `slot`, `within`, `test`: a header, then a block
/// (a slot's is optional).
fn with_block<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let end = pair.as_span().end();
    let is_slot = pair.as_rule() == Rule::slot;
    let mut sep = sep;
    let mut items = Vec::new();
    for x in pair.into_inner() {
        if is_statement(x.as_rule()) {
            items.push(x);
        } else {
            sep = piece(p, x, sep);
        }
    }
    let has_block = gap::find(p.src, p.pos, &['{', '｛']).is_some_and(|at| at < end);
    if is_slot && !has_block {
        return;
    }
    let inline = !p.has_break(p.pos, end);
    block(p, items, Block::Inner { inline }, statement);
}

/// The separator before an aligned column: enough spaces to reach
/// `column` after a cell `width` wide, or one space.
fn pad(column: Option<usize>, width: Option<usize>) -> Sep {
    match (column, width) {
        (Some(c), Some(w)) if c >= w => Sep::Pad(c - w + 1),
        _ => Sep::Space,
    }
}

/// The display width of a token (a CJK character is two columns).
fn width(pair: &Pair<'_, Rule>) -> usize {
    text(pair).width()
}

/// The child of `pair` with this rule.
fn child<'s>(pair: &Pair<'s, Rule>, rule: Rule) -> Option<Pair<'s, Rule>> {
    pair.clone().into_inner().find(|x| x.as_rule() == rule)
}

/// `grades { 优 >= 90; … 差 }`: written over several lines, the `>=`s of
/// the thresholds line up.
fn grades<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let end = pair.as_span().end();
    let mut rows = Vec::new();
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::grade => rows.push(x),
            _ => {
                leaf(p, &x, sep);
            }
        }
    }
    let inline = !p.has_break(p.pos, end);
    let name_width = |row: &Pair<'_, Rule>| {
        child(row, Rule::op_ge)
            .filter(|_| !inline)
            .and_then(|_| child(row, Rule::name))
            .map(|n| width(&n))
    };
    let column = rows.iter().filter_map(name_width).max();
    block(p, rows, Block::Inner { inline }, |p, row, sep| {
        let w = name_width(&row);
        let mut sep = sep;
        for x in row.into_inner() {
            match x.as_rule() {
                Rule::op_ge => {
                    leaf(p, &x, pad(column, w));
                }
                _ => {
                    piece(p, x, sep);
                }
            }
            sep = Sep::Space;
        }
    });
}

/// `answers yes-no { "Yes" 100%; "N/A" skip }`: the values line up.
fn answers<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let end = pair.as_span().end();
    let mut rows = Vec::new();
    let mut sep = sep;
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::answer => rows.push(x),
            _ => sep = piece(p, x, sep),
        }
    }
    let inline = !p.has_break(p.pos, end);
    let name_width = |row: &Pair<'_, Rule>| {
        child(row, Rule::name)
            .filter(|_| !inline)
            .map(|n| width(&n))
    };
    let column = rows.iter().filter_map(name_width).max();
    block(p, rows, Block::Inner { inline }, |p, row, sep| {
        let w = name_width(&row);
        for (i, x) in row.into_inner().enumerate() {
            piece(p, x, if i == 0 { sep } else { pad(column, w) });
        }
    });
}

/// `scoring at-least { … }` or `scoring qualitative { … }`.
fn scoring<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep) {
    let end = pair.as_span().end();
    let mut sep = sep;
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::kw_scoring => sep = piece(p, x, sep),
            Rule::qualitative => qualitative(p, x, sep, end),
            _ => {
                let mut items = Vec::new();
                for y in x.into_inner() {
                    match y.as_rule() {
                        Rule::target_kind => sep = piece(p, y, sep),
                        _ => items.push(y),
                    }
                }
                let inline = !p.has_break(p.pos, end);
                block(p, items, Block::Inner { inline }, statement);
            }
        }
    }
}

/// `qualitative { 达成 80%..100% also "完成"; … default upper }`: the ranges
/// and the `also`s line up.
fn qualitative<'s>(p: &mut Printer<'s>, pair: Pair<'s, Rule>, sep: Sep, end: usize) {
    let mut rows = Vec::new();
    for x in pair.into_inner() {
        match x.as_rule() {
            Rule::kw_qualitative => {
                leaf(p, &x, sep);
            }
            _ => rows.push(x),
        }
    }
    let inline = !p.has_break(p.pos, end);
    let name_width = |row: &Pair<'_, Rule>| match row.as_rule() {
        Rule::band if !inline => child(row, Rule::name).map(|n| width(&n)),
        _ => None,
    };
    let range_width = |row: &Pair<'_, Rule>| match row.as_rule() {
        Rule::band if !inline => child(row, Rule::kw_also).map(|_| {
            row.clone()
                .into_inner()
                .filter(|x| x.as_rule() == Rule::percent_lit)
                .map(|x| width(&x))
                .sum::<usize>()
                + 2
        }),
        _ => None,
    };
    let names = rows.iter().filter_map(name_width).max();
    let ranges = rows.iter().filter_map(range_width).max();
    block(p, rows, Block::Inner { inline }, |p, row, sep| {
        if row.as_rule() != Rule::band {
            words(p, row, sep);
            return;
        }
        let (name_w, range_w) = (name_width(&row), range_width(&row));
        let mut bounds = 0;
        let mut aliases = 0;
        for x in row.into_inner() {
            match x.as_rule() {
                Rule::name => {
                    leaf(p, &x, sep);
                }
                Rule::percent_lit => {
                    bounds += 1;
                    if bounds == 1 {
                        leaf(p, &x, pad(names, name_w));
                        p.punct("..");
                    } else {
                        leaf(p, &x, Sep::Glue);
                    }
                }
                Rule::kw_also => {
                    leaf(p, &x, pad(ranges, range_w));
                }
                _ => {
                    if aliases > 0 {
                        p.punct(",");
                    }
                    aliases += 1;
                    leaf(p, &x, Sep::Space);
                }
            }
        }
    });
}
