//! The command line: parse arguments, run a subcommand, map the outcome to
//! an exit code. Kept thin: every phase lives in the library.

pub mod args;
mod batch;
mod check;
mod diff;
mod eval;
mod fmt;
mod generate;
mod help;
mod interrupt;
mod load;
mod output;
mod test;
mod usage;

use crate::catalogue::Lang;
use crate::catalogue::cli::Cli;
use crate::diagnostic::{Diagnostic, has_errors};
use crate::render::{self, ErrorFormat};
use crate::source::SourceMap;
use args::{Args, Color, Command};
use clap::FromArgMatches;
use clap::error::ErrorKind;
use std::ffi::OsString;
use std::io::IsTerminal;
use std::process::ExitCode;
use usage::UsageError;

/// Exit code for framework or data errors.
pub const EXIT_ERRORS: u8 = 1;
/// Exit code for usage errors.
pub const EXIT_USAGE: u8 = 2;
pub use interrupt::EXIT_INTERRUPTED;

/// Run pfc with these arguments (the first is the program name).
///
/// The language is `--lang`'s, else the locale's (`Lang::detect`); it is read
/// ahead of parsing, so that `--help` and usage errors are in it too.
pub fn run(args: impl IntoIterator<Item = impl Into<OsString> + Clone>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let early = usage::prescan(&args);
    let lang = Lang::detect(early.lang);
    let command = help::command(lang, &mut Vec::new());
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|m| Args::from_arg_matches(&m));
    let args = match parsed {
        Ok(a) => a,
        Err(e) => return parse_error(&e, &args, lang, early.color.unwrap_or(Color::Auto)),
    };
    let out = Printer {
        color: colored(args.color, &std::io::stderr()),
        format: args.error_format,
        lang: Lang::detect(args.lang),
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
            review,
            out: out_dir,
            project,
            strict,
            fail_fast,
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
                            review,
                            strict,
                            fail_fast,
                            sheets,
                            jobs,
                        },
                    );
                }
                None => None,
            };
            if format.len() > 1 {
                return out.usage(
                    UsageError::new("pfc eval", Cli::SeveralFormats).tip(Cli::TipOneFormat),
                );
            }
            eval::run(
                &out,
                &eval::Request {
                    framework,
                    data,
                    format: format.first().copied(),
                    output,
                    template,
                    review,
                    pick,
                    strict,
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

/// Whether to colour what is written to `stream`.
fn colored(choice: Color, stream: &impl IsTerminal) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stream.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// What the argument parser stopped at: the help or the version asked for,
/// or a usage error, each in `lang`.
fn parse_error(e: &clap::Error, args: &[OsString], lang: Lang, color: Color) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let styled = e.render();
            let text = |color: bool| {
                let text = if color {
                    styled.ansi().to_string()
                } else {
                    styled.to_string()
                };
                help::finish(text, lang)
            };
            if e.use_stderr() {
                eprint!("{}", text(colored(color, &std::io::stderr())));
                ExitCode::from(EXIT_USAGE)
            } else {
                print!("{}", text(colored(color, &std::io::stdout())));
                ExitCode::SUCCESS
            }
        }
        _ => {
            UsageError::from_clap(e, args).print(lang);
            ExitCode::from(EXIT_USAGE)
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

    /// Print a usage error and return the exit code of one.
    pub(crate) fn usage(&self, error: UsageError) -> ExitCode {
        error.print(self.lang);
        ExitCode::from(EXIT_USAGE)
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

/// `text` right-aligned in `width` columns (a Chinese character takes two).
pub(crate) fn pad_left(text: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(text);
    format!("{}{text}", " ".repeat(width.saturating_sub(used)))
}

/// `text` left-aligned in `width` columns (a Chinese character takes two).
pub(crate) fn pad_right(text: &str, width: usize) -> String {
    let used = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(used)))
}
