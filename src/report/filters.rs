//! Functions and escapers pfc adds to Tera. Every template sees the same
//! set, listed in docs/reports.md.

use super::context::Context;
use super::template::Escape;
use super::{docx, html, table};
use std::io::Write;

/// `score_chart()`: the inline SVG chart of score against weight for every
/// indicator. Its output is HTML, so it is marked safe (not escaped again).
struct ScoreChart(String);

impl tera::Function<tera::Value> for ScoreChart {
    fn call(&self, _kwargs: tera::Kwargs, _state: &tera::State) -> tera::Value {
        tera::Value::safe_string(&self.0)
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// `self_eval_table()`: the 自评表 of 附件1 as `table.rs` lays it out. In
/// the Word report, a marker that pfc replaces with a Word table (merged
/// cells, a landscape page); in Markdown and HTML, a `<table>` with
/// `rowspan` and `colspan` (Markdown has no merged cells of its own).
struct SelfEvalTable(Option<String>);

impl tera::Function<tera::Value> for SelfEvalTable {
    fn call(&self, _kwargs: tera::Kwargs, _state: &tera::State) -> tera::Value {
        match &self.0 {
            Some(html) => tera::Value::safe_string(html),
            None => tera::Value::safe_string(&format!("\n{}\n", docx::TABLE_MARKER)),
        }
    }

    fn is_safe(&self) -> bool {
        true
    }
}

/// Add pfc's functions to `tera`, for this project and this escaping.
pub(crate) fn register(tera: &mut tera::Tera, ctx: &Context, escape: Escape) {
    tera.register_function("score_chart", ScoreChart(html::score_chart(ctx)));
    let table = match escape {
        Escape::Markdown => None,
        Escape::None | Escape::Html => Some(table::html(&table::layout(ctx))),
    };
    tera.register_function("self_eval_table", SelfEvalTable(table));
}

/// Tera escape function for Markdown that pfc parses again (the Word
/// report). CommonMark lets any ASCII punctuation be backslash-escaped, so
/// escaping all of it is always safe and makes values plain text: a `|` in
/// an indicator's name cannot split a table cell, a `#` or `1.` at the start
/// of a line in a narrative cannot become a heading or a list. Spaces at the
/// start of a line are dropped (four would make a code block).
pub(crate) fn escape_markdown(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut buf = String::with_capacity(input.len() + 8);
    let mut line_start = false;
    for c in input.chars() {
        if line_start && (c == ' ' || c == '\t') {
            continue;
        }
        line_start = c == '\n';
        if c.is_ascii_punctuation() {
            buf.push('\\');
        }
        buf.push(c);
    }
    out.write_all(buf.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        let mut out = Vec::new();
        escape_markdown(s, &mut out).expect("vec");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn markdown_escaping_keeps_text_plain() {
        assert_eq!(md("A|B *c* 98.73%"), r"A\|B \*c\* 98\.73\%");
        assert_eq!(md("一\n    1. 二"), "一\n1\\. 二");
        assert_eq!(md("<script>"), r"\<script\>");
    }
}
