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

use crate::catalogue::Name;
use crate::catalogue::syntax::Syntax;
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
            Syntax::EmptyFramework {
                file: Name::new(sources.get(file).name.as_str()),
            },
        )
        .with_primary(Span::new(file, 0, 0), Syntax::LabelNoFramework)
        .with_hint(Syntax::HintStartFramework));
    }
    pest::set_error_detail(true);
    let mut pairs =
        PfcParser::parse(Rule::file, text).map_err(|e| error::to_diagnostic(&e, file, text))?;
    // A successful parse of `file` is one `file` pair.
    let file_pair = pairs
        .next()
        .unwrap_or_else(|| unreachable!("the parser produced no output"));
    lower::lower_file(file_pair, file)
}
