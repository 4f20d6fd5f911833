//! The only place diagnostics become text.
//!
//! [`Diagnostic`]s map onto codespan-reporting here and nowhere else: spanless
//! hints become `= help:` notes, secondary labels stay secondary. Tests render
//! without colour; the CLI picks colour from `--color` and whether stderr is a
//! terminal.

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config, DisplayStyle};
use std::io::Write;

/// How diagnostics are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ErrorFormat {
    /// Source snippet with carets and hints.
    #[default]
    Human,
    /// One line per diagnostic: `file:line:col: error[CODE]: message`.
    Short,
    /// One JSON object per line, for editors and scripts.
    Json,
}

/// Render diagnostics without colour, as tests and files see them.
pub fn to_string(sources: &SourceMap, diagnostics: &[Diagnostic], format: ErrorFormat) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(&mut PlainSink(&mut out), sources, diagnostics, format);
    String::from_utf8_lossy(&out).into_owned()
}

/// Render diagnostics to standard error, coloured when `color` says so.
pub fn to_stderr(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: ErrorFormat,
    color: bool,
) {
    use term::termcolor::{ColorChoice, StandardStream};
    let choice = if color {
        ColorChoice::Always
    } else {
        ColorChoice::Never
    };
    let stream = StandardStream::stderr(choice);
    let mut lock = stream.lock();
    let _ = write(&mut ColorSink(&mut lock), sources, diagnostics, format);
    let _ = lock.flush();
}

/// Where rendered diagnostics go: plain bytes or a colour-capable stream.
trait Sink {
    fn emit(
        &mut self,
        config: &Config,
        files: &SimpleFiles<String, String>,
        d: &cs::Diagnostic<usize>,
    ) -> std::io::Result<()>;
    fn raw(&mut self) -> &mut dyn Write;
}

struct PlainSink<'a>(&'a mut Vec<u8>);
struct ColorSink<'a, W: term::termcolor::WriteColor>(&'a mut W);

impl Sink for PlainSink<'_> {
    fn emit(
        &mut self,
        config: &Config,
        files: &SimpleFiles<String, String>,
        d: &cs::Diagnostic<usize>,
    ) -> std::io::Result<()> {
        term::emit_to_io_write(self.0, config, files, d).map_err(std::io::Error::other)
    }
    fn raw(&mut self) -> &mut dyn Write {
        self.0
    }
}

impl<W: term::termcolor::WriteColor> Sink for ColorSink<'_, W> {
    fn emit(
        &mut self,
        config: &Config,
        files: &SimpleFiles<String, String>,
        d: &cs::Diagnostic<usize>,
    ) -> std::io::Result<()> {
        term::emit_to_write_style(self.0, config, files, d).map_err(std::io::Error::other)
    }
    fn raw(&mut self) -> &mut dyn Write {
        self.0
    }
}

fn write(
    sink: &mut dyn Sink,
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: ErrorFormat,
) -> std::io::Result<()> {
    if format == ErrorFormat::Json {
        for d in diagnostics {
            let json = json_view(sources, d);
            writeln!(sink.raw(), "{json}")?;
        }
        return Ok(());
    }
    let mut files = SimpleFiles::new();
    for f in sources.files() {
        files.add(f.name.clone(), f.text.clone());
    }
    let config = Config {
        display_style: if format == ErrorFormat::Short {
            DisplayStyle::Short
        } else {
            DisplayStyle::Rich
        },
        ..Config::default()
    };
    for d in diagnostics {
        if d.labels.is_empty() && format == ErrorFormat::Short {
            // codespan's short style prints nothing useful without a label.
            let at = d
                .location
                .as_deref()
                .map(|l| format!("{l}: "))
                .unwrap_or_default();
            writeln!(
                sink.raw(),
                "{at}{}[{}]: {}",
                severity_word(d.severity),
                d.code.as_str(),
                d.message
            )?;
            continue;
        }
        sink.emit(&config, &files, &to_codespan(d))?;
        if format == ErrorFormat::Human {
            writeln!(sink.raw())?;
        }
    }
    Ok(())
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            cs::Label::new(style, l.span.file.0 as usize, l.span.range())
                .with_message(l.message.clone())
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(loc) = &d.location {
        notes.push(format!("in: {loc}"));
    }
    notes.extend(d.notes.iter().map(|n| format!("note: {n}")));
    notes.extend(d.hints.iter().map(|h| format!("help: {h}")));
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// The JSON shape of one diagnostic (documented in docs/diagnostics.md).
fn json_view(sources: &SourceMap, d: &Diagnostic) -> String {
    let labels: Vec<serde_json::Value> = d
        .labels
        .iter()
        .map(|l| {
            let file = sources.get(l.span.file);
            let (line, column) = line_col(&file.text, l.span.start as usize);
            serde_json::json!({
                "file": file.name,
                "line": line,
                "column": column,
                "start": l.span.start,
                "end": l.span.end,
                "text": sources.slice(l.span),
                "message": l.message,
                "primary": l.primary,
            })
        })
        .collect();
    serde_json::json!({
        "severity": severity_word(d.severity),
        "code": d.code.as_str(),
        "message": d.message,
        "location": d.location,
        "labels": labels,
        "notes": d.notes,
        "hints": d.hints,
    })
    .to_string()
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
