//! Phase 4: an [`Evaluation`] → text, Markdown, HTML, JSON, Excel or Word.
//!
//! Every format renders from the same [`context::Context`] (JSON renders the
//! evaluation itself, which the context is built from):
//!
//! | format | how |
//! |---|---|
//! | text | `text.rs`, comfy-table |
//! | md | a Tera template, no escaping |
//! | html | a Tera template, HTML-escaped, with the SVG chart from `html.rs` |
//! | docx | a Tera template producing Markdown (escaped for Markdown), converted to WordprocessingML by `docx.rs` and zipped with fixed parts |
//! | xlsx | the 自评表 of `table.rs`, written by `xlsx.rs` (rust_xlsxwriter) |
//! | json | serde |
//!
//! The 自评表 of 附件1 is laid out once, in `table.rs`, and drawn by the
//! workbook, by the Word report (where a template calls
//! `self_eval_table()`) and as an HTML table for Markdown and HTML.
//!
//! A report is for the unit to submit, or for a reviewer
//! ([`Audience`]): only the reviewer's carries pfc's findings and the
//! scoring formulas (templates test `review`).
//!
//! Which template: `--template FILE`, else the framework's
//! `templates/report.<format>.tera` (for docx, its `report.md.tera` when it
//! has no `report.docx.tera`), else pfc's own (`templates/`). Template
//! errors name the template file, line and the missing field.

pub mod context;
mod docx;
mod fields;
mod filters;
mod html;
mod labels;
mod table;
pub mod template;
mod text;
mod xlsx;

use crate::diagnostic::{Code, Diagnostic};
use crate::eval::result::Evaluation;
use crate::source::SourceMap;
use crate::span::FileId;
use template::Escape;

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The filled-in table, totals and warnings, aligned for a terminal.
    Text,
    /// The self-evaluation report in Markdown, from a Tera template.
    Md,
    /// One self-contained web page: grade, total, chart, table, warnings.
    Html,
    /// The whole result as one JSON object (schema in docs/data.md).
    Json,
    /// The 自评表 as an Excel workbook, laid out as 附件1 (needs `-o FILE`).
    Xlsx,
    /// The self-evaluation report as a Word document (needs `-o FILE`).
    Docx,
}

impl Format {
    /// The format's name on the command line and as a file extension.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Md => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Xlsx => "xlsx",
            Format::Docx => "docx",
        }
    }

    /// Zip files that a terminal cannot show: they need `-o FILE`.
    pub fn is_binary(self) -> bool {
        matches!(self, Format::Xlsx | Format::Docx)
    }

    /// Whether a Tera template produces (the text of) this format.
    pub fn is_templated(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Docx)
    }
}

/// The report templates a framework folder ships
/// (`templates/report.<format>.tera`), as files in the source map.
#[derive(Debug, Clone, Copy, Default)]
pub struct FrameworkTemplates {
    /// `report.md.tera`.
    pub md: Option<FileId>,
    /// `report.html.tera`.
    pub html: Option<FileId>,
    /// `report.docx.tera` (Markdown for the Word report).
    pub docx: Option<FileId>,
}

impl FrameworkTemplates {
    /// The framework's template for `format`. The Word report falls back to
    /// the Markdown report's template: both are the same text.
    pub fn for_format(&self, format: Format) -> Option<FileId> {
        match format {
            Format::Md => self.md,
            Format::Html => self.html,
            Format::Docx => self.docx.or(self.md),
            Format::Text | Format::Json | Format::Xlsx => None,
        }
    }
}

/// Whom a report is for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Audience {
    /// The unit, which submits it: the report as the unit signs it, without
    /// pfc's findings or the scoring formulas.
    #[default]
    Unit,
    /// A reviewer (`pfc eval --review`): the same report with pfc's
    /// findings (复核提示) and the formula of every score (计分说明).
    Review,
}

/// Render one evaluation for the unit (see [`render_for`]).
pub fn render(
    format: Format,
    ev: &Evaluation,
    sources: &mut SourceMap,
    template: Option<FileId>,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    render_for(Audience::Unit, format, ev, sources, template)
}

/// Render one evaluation. `template` is the template file (already in
/// `sources`) for templated formats; `None` uses pfc's own. pfc's own
/// templates are added to `sources` when used, so that diagnostics can point
/// into them. Every error is returned, not just the first. `audience`
/// decides what templates see as `review`.
pub fn render_for(
    audience: Audience,
    format: Format,
    ev: &Evaluation,
    sources: &mut SourceMap,
    template: Option<FileId>,
) -> Result<Vec<u8>, Vec<Diagnostic>> {
    let mut ctx = context::build(ev);
    ctx.review = audience == Audience::Review;
    match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(ev).map_err(|e| {
                vec![Diagnostic::error(
                    Code::Template,
                    crate::catalogue::report::Report::CannotWriteJson {
                        why: e.to_string().into(),
                    },
                )]
            })?;
            s.push('\n');
            Ok(s.into_bytes())
        }
        Format::Text => Ok(text::render(&ctx).into_bytes()),
        Format::Xlsx => xlsx::render(&ctx).map_err(|d| vec![d]),
        Format::Md | Format::Html | Format::Docx => {
            let (file, builtin) = match template {
                Some(file) => (file, false),
                None => (builtin_template(sources, format), true),
            };
            let escape = match format {
                Format::Html => Escape::Html,
                Format::Docx => Escape::Markdown,
                _ if builtin => Escape::None,
                _ => Escape::from_name(&sources.get(file).name),
            };
            let text = template::render(sources, file, &ctx, escape)?;
            match format {
                Format::Docx => docx::render(&ctx, &text).map_err(|d| vec![d]),
                _ => Ok(text.into_bytes()),
            }
        }
    }
}

/// pfc's own template for a format, added to `sources` once.
fn builtin_template(sources: &mut SourceMap, format: Format) -> FileId {
    let (name, text) = match format {
        Format::Html => template::BUILTIN_NAMES[1],
        _ => template::BUILTIN_NAMES[0],
    };
    match sources.files().iter().position(|f| f.name == name) {
        Some(i) => FileId(u32::try_from(i).unwrap_or(u32::MAX)),
        None => sources.add(name, text),
    }
}
