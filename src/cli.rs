//! The command line: parse arguments, run a subcommand, map the outcome to
//! an exit code. Kept thin: every phase lives in the library.

pub mod args;
mod batch;
mod check;
mod diff;
mod eval;
mod fmt;
mod generate;
mod interrupt;
mod load;
mod output;
mod test;

use crate::diagnostic::{Diagnostic, has_errors};
use crate::render::{self, ErrorFormat};
use crate::source::SourceMap;
use args::{Args, Color, Command};
use clap::Parser;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;

/// Exit code for framework or data errors.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for usage errors.
pub const EXIT_USAGE: u8 = 2;
pub use interrupt::EXIT_INTERRUPTED;

/// Run pfc with these arguments (the first is the program name).
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args = match Args::try_parse_from(args) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(EXIT_USAGE)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let out = Printer {
        color,
        format: args.error_format,
        lang: crate::catalogue::Lang::detect(args.lang),
    };
    match args.command {
        Command::Check {
            frameworks,
            explain_extension,
        } => check::run(&out, &frameworks, explain_extension),
        Command::Test { frameworks } => test::run(&out, &frameworks),
        Command::Diff { old, new } => diff::run(&out, &old, &new),
        Command::Fmt {
            paths,
            check,
            stdin,
        } => fmt::run(
            &out,
            &fmt::Request {
                paths: &paths,
                check,
                stdin,
            },
        ),
        Command::Eval {
            framework,
            data,
            format,
            output,
            template,
            out: out_dir,
            project,
            strict,
            columns,
            encoding,
            sheet,
            jobs,
        } => {
            if let Some(code) = batch::framework_as_data(out.lang, &framework, &data) {
                return code;
            }
            // Data that is not there stops every kind of eval before anything
            // is written, said as for one data file (with a file of a
            // similar name, if any).
            let mut sources = crate::source::SourceMap::new();
            if !data.exists()
                && let Err(d) = sources.load(&data)
            {
                return out.finish(&sources, &[d]);
            }
            if let Some(d) = crate::batch::Input::unreadable(&data) {
                return out.finish(&sources, &[d]);
            }
            let sheets = batch::SheetArgs {
                columns,
                encoding,
                sheet,
            };
            if let Some(code) = batch::misapplied(out.lang, &data, &sheets) {
                return code;
            }
            let pick = match project {
                Some(id) => match batch::pick_request(out.lang, &data, id, sheets) {
                    Ok(p) => Some(p),
                    Err(code) => return code,
                },
                None if batch::is_batch(&data, out_dir.as_deref()) => {
                    if let Some(code) =
                        batch::usage_error(out.lang, &data, out_dir.as_deref(), output.as_deref())
                    {
                        return code;
                    }
                    return batch::run(
                        &out,
                        &batch::Request {
                            framework,
                            input: data,
                            out: out_dir.unwrap_or_default(),
                            formats: format,
                            template,
                            strict,
                            sheets,
                            jobs,
                        },
                    );
                }
                None => None,
            };
            if format.len() > 1 {
                eprintln!(
                    "error: several `--format`s need `--out DIR` (one file each per project)\n\n  tip: choose one format, or add `--out DIR`\n\nFor more information, try 'pfc eval --help'."
                );
                return ExitCode::from(EXIT_USAGE);
            }
            eval::run(
                &out,
                &eval::Request {
                    framework,
                    data,
                    format: format.first().copied(),
                    output,
                    template,
                    pick,
                },
            )
        }
        Command::Generate {
            output,
            projects,
            indicators,
            malformed,
            seed,
            encoding,
        } => generate::run(
            &out,
            &crate::batch::generate::Spec {
                projects,
                indicators,
                malformed,
                seed,
            },
            &output,
            encoding,
        ),
        Command::List => {
            for b in crate::builtin::BUILTINS {
                println!("{}", b.id);
            }
            ExitCode::SUCCESS
        }
    }
}

/// How diagnostics are printed.
pub(crate) struct Printer {
    color: bool,
    format: ErrorFormat,
    /// The language of everything printed for the user.
    pub(crate) lang: crate::catalogue::Lang,
}

impl Printer {
    /// Print diagnostics to stderr.
    pub(crate) fn diagnostics(&self, sources: &SourceMap, diagnostics: &[Diagnostic]) {
        if !diagnostics.is_empty() {
            render::to_stderr(sources, diagnostics, self.format, self.lang, self.color);
        }
    }

    /// Print diagnostics and return the exit code they imply.
    pub(crate) fn finish(&self, sources: &SourceMap, diagnostics: &[Diagnostic]) -> ExitCode {
        self.diagnostics(sources, diagnostics);
        if has_errors(diagnostics) {
            ExitCode::from(EXIT_ERRORS)
        } else {
            ExitCode::SUCCESS
        }
    }
}
