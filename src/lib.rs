//! pfc, the performance-framework compiler.
//!
//! Phases, each a module with one entry point, data flowing one way:
//! [`syntax::parse`] → [`check::check`] → [`eval::evaluate`] → [`report`].
//! Diagnostics from every phase are [`diagnostic::Diagnostic`] values,
//! rendered only by [`render`].

pub mod batch;
pub mod builtin;
pub mod catalogue;
pub mod check;
pub mod cli;
pub mod data;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod exact;
pub mod extend;
pub mod fuzzing;
pub mod fwtest;
mod ooxml;
pub mod place;
pub mod quantity;
pub mod render;
pub mod report;
pub mod source;
pub mod span;
pub mod suggest;
pub mod syntax;
#[cfg(test)]
mod testing;
pub mod text;

use check::model::Model;
use diagnostic::Diagnostic;
use source::SourceMap;
use span::FileId;

/// Parse a framework file already in `sources`, apply its `extends` chain
/// (loading parents into `sources`), check it; also run the
/// score-range lint when checking succeeds. Returns the model (if there are
/// no errors) and every diagnostic.
pub fn compile(sources: &mut SourceMap, file: FileId) -> (Option<Model>, Vec<Diagnostic>) {
    let ast = match extend::load(sources, file) {
        Ok(ast) => ast,
        Err(d) => return (None, d),
    };
    let checked = check::check(&ast);
    let mut diagnostics = checked.diagnostics;
    if let Some(model) = &checked.model {
        diagnostics.extend(eval::probe::check_score_ranges(model));
    }
    (checked.model, diagnostics)
}
