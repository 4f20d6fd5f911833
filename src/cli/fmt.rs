//! `pfc fmt`: rewrite frameworks in the canonical layout
//! (`syntax::format`; the layout is described in docs/authoring.md).

mod files;

use super::usage::UsageError;
use super::{EXIT_ERRORS, Printer, output};
use crate::catalogue::cli::Cli;
use crate::catalogue::common::Common;
use crate::diagnostic::{Code, Diagnostic, has_errors};
use crate::source::SourceMap;
use std::io::{Read, Write};
use std::process::ExitCode;

/// What `pfc fmt` was asked to do.
pub(crate) struct Request<'a> {
    /// Files and folders; `-` for standard input.
    pub paths: &'a [String],
    /// Write nothing; say which files would change.
    pub check: bool,
    /// Format standard input to standard output.
    pub stdin: bool,
}

pub(crate) fn run(out: &Printer, req: &Request<'_>) -> ExitCode {
    let lang = out.lang;
    if req.stdin || req.paths == ["-"] {
        return from_stdin(out, req.check);
    }
    if req.paths.iter().any(|p| p == "-") {
        return out.usage(UsageError::new("pfc fmt", Cli::StdinAlone));
    }
    let mut sources = SourceMap::new();
    let files = match files::find(req.paths) {
        Ok(f) => f,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let mut diagnostics = Vec::new();
    let (mut changed, mut failed) = (0, 0);
    for path in &files {
        let shown = path.display().to_string();
        let formatted = sources
            .load(path)
            .and_then(|file| crate::syntax::format(&sources, file))
            .and_then(|text| {
                Ok((
                    std::fs::read(path).map_err(|e| unreadable(&shown, &e))?,
                    text,
                ))
            });
        let (before, after) = match formatted {
            Ok(pair) => pair,
            Err(d) => {
                failed += 1;
                diagnostics.push(d);
                continue;
            }
        };
        if before == after.as_bytes() {
            continue;
        }
        changed += 1;
        if req.check {
            println!(
                "{}",
                Cli::WouldReformat {
                    file: shown.clone()
                }
                .render(lang)
            );
            print!(
                "{}",
                diff(&shown, &String::from_utf8_lossy(&before), &after)
            );
        } else {
            // Through a symbolic link, rewrite the file it points to.
            let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            match output::write_atomic(&target, after.as_bytes()) {
                Ok(()) => println!("{}", Cli::Reformatted { file: shown }.render(lang)),
                Err(d) => {
                    failed += 1;
                    diagnostics.push(d);
                }
            }
        }
    }
    out.diagnostics(&sources, &diagnostics);
    let files = files.len();
    let summary = if req.check {
        Cli::FmtChecked {
            files,
            changed,
            failed,
        }
    } else {
        Cli::FmtFormatted {
            files,
            changed,
            failed,
        }
    };
    println!("{}", summary.render(lang));
    if has_errors(&diagnostics) || (req.check && changed > 0) {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// Standard input to standard output; with `check`, only whether it would
/// change.
fn from_stdin(out: &Printer, check: bool) -> ExitCode {
    const NAME: &str = "<stdin>";
    let mut sources = SourceMap::new();
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        return out.finish(&sources, &[unreadable(NAME, &e)]);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        let d = Diagnostic::error(Code::NotUtf8, Cli::StdinNotUtf8).with_hint(Common::HintSaveUtf8);
        return out.finish(&sources, &[d]);
    };
    let file = sources.add(NAME, text.clone());
    let formatted = match crate::syntax::format(&sources, file) {
        Ok(f) => f,
        Err(d) => return out.finish(&sources, &[d]),
    };
    if check {
        if formatted == text {
            return ExitCode::SUCCESS;
        }
        println!(
            "{}",
            Cli::WouldReformat {
                file: NAME.to_owned()
            }
            .render(out.lang)
        );
        print!("{}", diff(NAME, &text, &formatted));
        return ExitCode::from(EXIT_ERRORS);
    }
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(formatted.as_bytes())
        .and_then(|()| stdout.flush())
        .is_err()
    {
        return ExitCode::from(EXIT_ERRORS);
    }
    ExitCode::SUCCESS
}

/// A unified diff from the file as it is to the file formatted.
fn diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(name, &format!("{name} (formatted)"))
        .to_string()
}

fn unreadable(name: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::FileUnreadable,
        Common::FileUnreadableOs {
            file: name.into(),
            why: e.to_string().into(),
        },
    )
}
