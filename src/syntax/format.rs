//! `pfc fmt`: framework text → the same framework in the canonical layout.
//!
//! The formatter works on the source, not on the syntax tree: the tree has
//! no comments, and it has forgotten how things were written (`≥` or `>=`,
//! where lines were broken). It parses the text with the same grammar, then
//! walks the pest pairs in source order, one `fn` per kind of statement
//! (`items.rs`, `expr.rs`), and writes each token in its canonical form
//! with canonical space before it (`printer.rs`). What lies between two
//! tokens — whitespace, comments and the punctuation of silent rules — is
//! read by byte position (`gap.rs`): comments are written again where they
//! were, punctuation is written in its ASCII form.
//!
//! The layout it gives (docs/authoring.md says it to framework writers):
//!
//! - two spaces a block level; statements of a block one a line, unless
//!   the writer put the whole block on one line (`{ slot a; slot b }`);
//! - a blank line where the writer left one or more, never two; a blank
//!   line around each framework-level block written over several lines;
//! - one space around operators and after commas, none inside brackets;
//! - the columns of grade lists, qualitative bands, answer scales and tier
//!   tables aligned (CJK characters count two columns);
//! - a line break inside a statement is kept where the writer put one, the
//!   next line indented two levels, or under the `if` for `then`/`else`;
//! - full-width punctuation and operators outside strings in ASCII (`：` →
//!   `:`, `≥` → `>=`, `×` → `*`, `&&` → `and`); strings and comments byte
//!   for byte as written; the line ending of the file's first line.
//!
//! A file that does not parse is not formatted: [`format`] returns the
//! diagnostic [`super::parse`] gives.

mod expr;
mod gap;
mod items;
mod printer;
#[cfg(test)]
mod tests;

use super::grammar::{PfcParser, Rule};
use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;
use crate::span::FileId;
use pest::Parser as _;

/// Format one framework file: the canonical text, or the syntax error.
pub fn format(sources: &SourceMap, file: FileId) -> Result<String, Diagnostic> {
    super::parse(sources, file)?;
    let text = &sources.get(file).text;
    let pairs = PfcParser::parse(Rule::file, text)
        .map_err(|e| super::error::to_diagnostic(&e, file, text))?;
    let strings = pairs
        .clone()
        .flatten()
        .filter(|p| matches!(p.as_rule(), Rule::string | Rule::string_multi))
        .map(|p| (p.as_span().start(), p.as_span().end()))
        .collect();
    let mut printer = printer::Printer::new(text, strings);
    for pair in pairs {
        items::file(&mut printer, pair);
    }
    Ok(printer.finish())
}
