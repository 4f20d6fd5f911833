//! The only place diagnostics become text.
//!
//! [`Diagnostic`]s map onto codespan-reporting here and nowhere else: the
//! place becomes an `= in:` note, spanless hints `= help:` notes, secondary
//! labels stay secondary. Every word is the catalogue's, in the language
//! asked for; codespan writes its severity word (`error`) in English, which
//! is replaced in the header of a Chinese diagnostic (`错误[PF3004]`). Tests
//! render without colour; the CLI picks colour from `--color` and whether
//! stderr is a terminal.

use crate::catalogue::Lang;
use crate::catalogue::common::Common;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;
use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::termcolor::{Ansi, NoColor, WriteColor};
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
pub fn to_string(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: ErrorFormat,
    lang: Lang,
) -> String {
    let out = render(sources, diagnostics, format, lang, false);
    String::from_utf8_lossy(&out).into_owned()
}

/// Render diagnostics to standard error, coloured when `color` says so.
/// A standard error that cannot be written to is not an error of its own:
/// there is nowhere left to say it.
pub fn to_stderr(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: ErrorFormat,
    lang: Lang,
    color: bool,
) {
    let out = render(sources, diagnostics, format, lang, color);
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(&out);
    let _ = err.flush();
}

fn render(
    sources: &SourceMap,
    diagnostics: &[Diagnostic],
    format: ErrorFormat,
    lang: Lang,
    color: bool,
) -> Vec<u8> {
    let mut out = Vec::new();
    if format == ErrorFormat::Json {
        for d in diagnostics {
            out.extend_from_slice(json_view(sources, d, lang).as_bytes());
            out.push(b'\n');
        }
        return out;
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
                .place_text(lang)
                .map(|l| format!("{l}: "))
                .unwrap_or_default();
            out.extend_from_slice(
                format!(
                    "{at}{}[{}]: {}\n",
                    severity_word(d.severity, lang),
                    d.code.as_str(),
                    d.headline(lang)
                )
                .as_bytes(),
            );
            continue;
        }
        let one = emit(&config, &files, &to_codespan(d, lang), color);
        out.extend_from_slice(&translate_header(one, d.severity, lang));
        if format == ErrorFormat::Human {
            out.push(b'\n');
        }
    }
    out
}

/// One diagnostic through codespan, plain or with ANSI colours.
fn emit(
    config: &Config,
    files: &SimpleFiles<String, String>,
    d: &cs::Diagnostic<usize>,
    color: bool,
) -> Vec<u8> {
    fn go<W: WriteColor>(
        mut w: W,
        config: &Config,
        files: &SimpleFiles<String, String>,
        d: &cs::Diagnostic<usize>,
    ) -> W {
        // Writing into memory cannot fail; a file missing from `files`
        // leaves what was written so far.
        let _ = term::emit_to_write_style(&mut w, config, files, d);
        w
    }
    if color {
        go(Ansi::new(Vec::new()), config, files, d).into_inner()
    } else {
        go(NoColor::new(Vec::new()), config, files, d).into_inner()
    }
}

/// codespan writes the severity in English at the start of the header
/// (`error[PF3004]: …`, colours or not around it); in Chinese it is the
/// catalogue's word.
fn translate_header(out: Vec<u8>, severity: Severity, lang: Lang) -> Vec<u8> {
    if lang == Lang::En {
        return out;
    }
    let english = format!("{}[", severity_word(severity, Lang::En));
    let Some(at) = out
        .windows(english.len())
        .position(|w| w == english.as_bytes())
    else {
        return out;
    };
    let mut fixed = out[..at].to_vec();
    fixed.extend_from_slice(severity_word(severity, lang).as_bytes());
    fixed.push(b'[');
    fixed.extend_from_slice(&out[at + english.len()..]);
    fixed
}

fn severity_word(s: Severity, lang: Lang) -> String {
    match s {
        Severity::Error => Common::SeverityError.render(lang),
        Severity::Warning => Common::SeverityWarning.render(lang),
        Severity::Note => Common::SeverityNote.render(lang),
    }
}

fn to_codespan(d: &Diagnostic, lang: Lang) -> cs::Diagnostic<usize> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Note => cs::Severity::Note,
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
                .with_message(l.message.render(lang))
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(place) = d.place_text(lang) {
        notes.push(Common::NoteIn { place }.render(lang));
    }
    notes.extend(
        d.note_texts(lang)
            .into_iter()
            .map(|text| Common::NoteFact { text }.render(lang)),
    );
    notes.extend(
        d.hint_texts(lang)
            .into_iter()
            .map(|text| Common::NoteHelp { text }.render(lang)),
    );
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(d.headline(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// The JSON shape of one diagnostic (documented in docs/diagnostics.md):
/// the code, the message's catalogue entry and typed arguments, the place
/// as data, and every text rendered in `lang`.
fn json_view(sources: &SourceMap, d: &Diagnostic, lang: Lang) -> String {
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
                "message": l.message.render(lang),
                "primary": l.primary,
            })
        })
        .collect();
    serde_json::json!({
        "severity": severity_word(d.severity, Lang::En),
        "code": d.code.as_str(),
        "lang": lang.keyword(),
        "message": d.headline(lang),
        "data": &d.message,
        "location": d.place_text(lang),
        "place": &d.place,
        "labels": labels,
        "notes": d.note_texts(lang),
        "hints": d.hint_texts(lang),
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
