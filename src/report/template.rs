//! Rendering a Tera template against the report context.
//!
//! One function, [`render`], used by every templated format (Markdown, HTML,
//! the text of the Word report). pfc's own templates are registered under
//! stable names (`pfc/report.md`, `pfc/report.html`) so a framework's or a
//! user's template can `{% extends %}` or `{% include %}` them. Before Tera
//! renders anything, `report::fields` checks every field the template names;
//! Tera's own errors (syntax, filters) are turned into diagnostics that point
//! into the template file.

use super::context::Context;
use super::fields::{self, Shape};
use super::filters;
use crate::catalogue::Name;
use crate::catalogue::report::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceMap;
use crate::span::{FileId, Span};
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// A template set parsed by Tera, and whether its fields were checked.
struct Compiled {
    tera: tera::Tera,
    fields_checked: bool,
}

thread_local! {
    /// This thread's parsed templates, by a hash of everything that makes
    /// one (the escaping and every template's name and text). A batch
    /// renders the same templates for every project: parsing them and
    /// checking their fields cost ten times the rendering.
    static COMPILED: RefCell<HashMap<u64, Compiled>> = RefCell::new(HashMap::new());
}

/// How values printed by `{{ … }}` are escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// Not at all (Markdown that people read as text).
    None,
    /// For HTML: `<`, `>`, `&`, quotes (a `<script>` in a project name is
    /// shown, never run).
    Html,
    /// For Markdown that pfc converts (the Word report): every ASCII
    /// punctuation mark is backslash-escaped, so a value can never turn into
    /// a heading, a list, emphasis or a table column.
    Markdown,
}

impl Escape {
    /// HTML escaping for templates whose file name says HTML
    /// (`report.html.tera`, `mine.htm`), none otherwise.
    pub fn from_name(name: &str) -> Escape {
        let name = name.strip_suffix(".tera").unwrap_or(name);
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") {
            Escape::Html
        } else {
            Escape::None
        }
    }
}

/// pfc's generic Markdown report (frameworks without `report.md.tera`).
pub const GENERIC_MD: &str = include_str!("templates/report.md.tera");
/// pfc's HTML report (frameworks without `report.html.tera`).
pub const GENERIC_HTML: &str = include_str!("templates/report.html.tera");

/// The names under which pfc's own templates can be extended or included.
pub const BUILTIN_NAMES: [(&str, &str); 2] = [
    ("pfc/report.md", GENERIC_MD),
    ("pfc/report.html", GENERIC_HTML),
];

/// Render `main` (a file in `sources`) against `ctx`. pfc's built-in
/// templates are added to `sources` so that diagnostics can point into them.
pub fn render(
    sources: &mut SourceMap,
    main: FileId,
    ctx: &Context,
    escape: Escape,
) -> Result<String, Vec<Diagnostic>> {
    let mut names: Vec<(String, FileId)> = Vec::new();
    for (name, text) in BUILTIN_NAMES {
        let id = match sources.files().iter().position(|f| f.name == name) {
            Some(i) => FileId(u32::try_from(i).unwrap_or(u32::MAX)),
            None => sources.add(name, text),
        };
        names.push((name.to_owned(), id));
    }
    let main_name = sources.get(main).name.clone();
    if !names.iter().any(|(_, id)| *id == main) {
        names.push((main_name.clone(), main));
    }

    let mut hasher = DefaultHasher::new();
    (escape as u8).hash(&mut hasher);
    main_name.hash(&mut hasher);
    for (name, id) in &names {
        name.hash(&mut hasher);
        sources.get(*id).text.hash(&mut hasher);
    }
    let key = hasher.finish();
    COMPILED.with(|cache| {
        let mut cache = cache.borrow_mut();
        let compiled = match cache.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => e.insert(Compiled {
                tera: compile(sources, &names, main, escape, ctx)?,
                fields_checked: false,
            }),
        };
        // The fields a template may use are the same for every project (the
        // check adds a sample item to every empty list), so once is enough.
        if !compiled.fields_checked {
            check_fields(sources, main, ctx)?;
            compiled.fields_checked = true;
        }
        // The chart is this project's.
        filters::register(&mut compiled.tera, ctx, escape);
        let context = tera::Context::from_serialize(ctx).map_err(|e| vec![no_context(&e)])?;
        compiled
            .tera
            .render(&main_name, &context)
            .map_err(|e| vec![tera_error(sources, &names, main, &e)])
    })
}

/// Parse the templates, with the escaping the format needs. Tera checks
/// that the functions templates call exist, so pfc's are registered first
/// (for this project; each render registers its own).
fn compile(
    sources: &SourceMap,
    names: &[(String, FileId)],
    main: FileId,
    escape: Escape,
    ctx: &Context,
) -> Result<tera::Tera, Vec<Diagnostic>> {
    let mut tera = tera::Tera::new();
    match escape {
        Escape::None => tera.autoescape_on(Vec::<&'static str>::new()),
        // Every template name ends with "": all of them are escaped.
        Escape::Html => tera.autoescape_on([""]),
        Escape::Markdown => {
            tera.autoescape_on([""]);
            tera.set_escape_fn(filters::escape_markdown);
        }
    }
    filters::register(&mut tera, ctx, escape);
    let templates: Vec<(String, String)> = names
        .iter()
        .map(|(name, id)| (name.clone(), sources.get(*id).text.clone()))
        .collect();
    tera.add_raw_templates(templates)
        .map_err(|e| vec![tera_error(sources, names, main, &e)])?;
    Ok(tera)
}

/// Check every field the main template names against the context's shape.
fn check_fields(sources: &SourceMap, main: FileId, ctx: &Context) -> Result<(), Vec<Diagnostic>> {
    let with_samples =
        serde_json::to_value(ctx.with_sample_items()).map_err(|e| vec![no_context(&e)])?;
    let shape = Shape::of(&with_samples);
    let src = &sources.get(main).text;
    let problems = fields::check(src, &shape);
    if problems.is_empty() {
        return Ok(());
    }
    Err(problems
        .into_iter()
        .map(|p| {
            let mut d = Diagnostic::error(Code::Template, p.message).with_primary(
                Span::new(main, p.range.start, p.range.end),
                Report::TemplateLabelNotAField,
            );
            for h in p.hints {
                d = d.with_hint(h);
            }
            d.with_note(Report::NoteReportFields)
        })
        .collect())
}

/// The report context could not be made into values for Tera.
fn no_context(e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::Template,
        Report::CannotBuildContext {
            why: e.to_string().into(),
        },
    )
}

/// Turn a Tera error into a diagnostic pointing into the template it names.
///
/// Tera's errors are typed where Tera types them (a missing template, a
/// cycle); the message of a syntax or rendering error is Tera's own English,
/// shown as it is (in a Chinese frame), and read — here only — for the two
/// hints that its words call for.
fn tera_error(
    sources: &SourceMap,
    names: &[(String, FileId)],
    main: FileId,
    e: &tera::Error,
) -> Diagnostic {
    let template = || Name::new(sources.get(main).name.as_str());
    let chain = |list: &[String]| list.iter().map(String::as_str).collect();
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let file = names
                .iter()
                .find(|(n, _)| n == r.filename())
                .map_or(main, |(_, id)| *id);
            let len = sources.get(file).text.len();
            let range = r.span().range.clone();
            let start = range.start.min(len);
            let end = range.end.clamp(start, len);
            let message = lowercase_first(&first_line(r.message()));
            let mut d = Diagnostic::error(
                Code::Template,
                Report::TemplateError {
                    message: message.as_str().into(),
                },
            )
            .with_primary(
                Span::new(file, start, end),
                Report::TemplateErrorHere {
                    message: message.as_str().into(),
                },
            );
            if message.contains("not defined") || message.contains("undefined") {
                d = d.with_hint(Report::HintTemplateFields);
            }
            if message.contains("end of input") {
                d = d.with_hint(Report::HintCloseBlock);
            }
            d
        }
        tera::ErrorKind::TemplateNotFound(missing) => Diagnostic::error(
            Code::Template,
            Report::TemplateNotFound {
                template: template(),
                missing: missing.as_str().into(),
            },
        ),
        tera::ErrorKind::MissingParent { current, parent } => Diagnostic::error(
            Code::Template,
            Report::TemplateMissingParent {
                template: current.as_str().into(),
                parent: parent.as_str().into(),
            },
        ),
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => Diagnostic::error(
            Code::Template,
            Report::TemplateCircularExtend {
                template: tpl.as_str().into(),
                chain: chain(inheritance_chain),
            },
        ),
        tera::ErrorKind::CircularInclude { tpl, include_chain } => Diagnostic::error(
            Code::Template,
            Report::TemplateCircularInclude {
                template: tpl.as_str().into(),
                chain: chain(include_chain),
            },
        ),
        other => {
            let mut message = format!("{other}");
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message = format!("{message}: {s}");
                source = s.source();
            }
            Diagnostic::error(
                Code::Template,
                Report::TemplateFailed {
                    template: template(),
                    message: first_line(&message).into(),
                },
            )
        }
    }
}

/// Tera's messages start with a capital; pfc's are lowercase.
fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_owned(),
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_file_name() {
        assert_eq!(Escape::from_name("report.html.tera"), Escape::Html);
        assert_eq!(Escape::from_name("x/MINE.HTM"), Escape::Html);
        assert_eq!(Escape::from_name("report.md.tera"), Escape::None);
        assert_eq!(Escape::from_name("report.docx.tera"), Escape::None);
    }
}
