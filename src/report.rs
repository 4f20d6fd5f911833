//! Phase 4: an [`Evaluation`] → text, Markdown or JSON.
//!
//! Every format renders from the same [`context::Context`] (JSON renders the
//! evaluation itself, which the context is built from). Markdown goes through
//! Tera with the framework's own template, or the generic one built into
//! pfc. Template errors name the template file, line and the missing field.

pub mod context;
mod text;

use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic};
use crate::eval::result::Evaluation;
use crate::source::SourceMap;
use crate::span::{FileId, Span};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The filled-in table, totals and warnings, aligned for a terminal.
    Text,
    /// The self-evaluation report in Markdown, from a Tera template.
    Md,
    /// The whole result as one JSON object (schema in docs/data.md).
    Json,
}

/// The generic Markdown template, for frameworks that ship none.
pub const GENERIC_MD: &str = include_str!("report/templates/generic.md.tera");

/// Render one evaluation. `template` is the Markdown template's file in
/// `sources` (ignored by the other formats).
pub fn render(
    format: Format,
    ev: &Evaluation,
    data: &ProjectData,
    sources: &SourceMap,
    template: Option<FileId>,
) -> Result<String, Diagnostic> {
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(ev).map_err(|e| {
                Diagnostic::error(Code::Template, format!("cannot write JSON: {e}"))
            })?;
            s.push('\n');
            Ok(s)
        }
        Format::Text => Ok(text::render(&context::build(ev, data))),
        Format::Md => {
            let ctx = context::build(ev, data);
            match template {
                Some(file) => tera_render(sources, file, &ctx),
                None => {
                    let mut tmp = SourceMap::new();
                    let file = tmp.add("<builtin>/generic.md.tera", GENERIC_MD);
                    tera_render(&tmp, file, &ctx)
                }
            }
        }
    }
}

fn tera_render(
    sources: &SourceMap,
    file: FileId,
    ctx: &context::Context,
) -> Result<String, Diagnostic> {
    let src = sources.get(file);
    let mut tera = tera::Tera::new();
    // Markdown is not HTML: escaping would corrupt `<`, `&` and quotes in
    // project names.
    tera.autoescape_on(Vec::<&'static str>::new());
    tera.add_raw_template(&src.name, &src.text)
        .map_err(|e| tera_error(&e, file, src.text.len()))?;
    let context = tera::Context::from_serialize(ctx).map_err(|e| tera_error(&e, file, 0))?;
    tera.render(&src.name, &context)
        .map_err(|e| tera_error(&e, file, src.text.len()))
}

fn tera_error(e: &tera::Error, file: FileId, len: usize) -> Diagnostic {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let range = r.span().range.clone();
            let start = range.start.min(len);
            let end = range.end.clamp(start, len);
            let mut d = Diagnostic::error(Code::Template, format!("template: {}", r.message()))
                .with_primary(Span::new(file, start, end), r.message().to_owned());
            if r.message().contains("not found") || r.message().contains("undefined") {
                d = d.with_hint("docs/reports.md lists every field a template can use");
            }
            d
        }
        other => Diagnostic::error(Code::Template, format!("template: {other}")),
    }
}
