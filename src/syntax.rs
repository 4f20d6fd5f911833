//! Phase 1: framework text → [`ast::Framework`].
//!
//! Parsing stops at the first syntax error (the grammar cannot recover
//! meaningfully), but the error is rewritten into plain words: which
//! statement or value was expected, what was found, and a "did you mean"
//! for misspelled keywords. Pest types never leave this module.

pub mod ast;
mod error;
mod format;
mod grammar;
mod lower;
#[cfg(test)]
mod tests;

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceMap;
use crate::span::{FileId, Span};
use grammar::{PfcParser, Rule};
use pest::Parser as _;

pub use format::format;

/// Parse one framework file.
pub fn parse(sources: &SourceMap, file: FileId) -> Result<ast::Framework, Diagnostic> {
    let text = &sources.get(file).text;
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            Code::EmptyFile,
            format!("`{}` is empty", sources.get(file).name),
        )
        .with_primary(Span::new(file, 0, 0), "no framework here")
        .with_hint(
            "a framework starts with `framework <id> \"<title>\" {` — see docs/language.md",
        ));
    }
    pest::set_error_detail(true);
    let mut pairs =
        PfcParser::parse(Rule::file, text).map_err(|e| error::to_diagnostic(&e, file, text))?;
    let file_pair = pairs.next().ok_or_else(|| {
        Diagnostic::error(Code::Syntax, "the parser produced no output")
            .with_primary(Span::new(file, 0, 0), "")
    })?;
    lower::lower_file(file_pair, file)
}
