//! Usage errors — pfc's own and the argument parser's — in the user's
//! language, laid out as clap lays out its own:
//!
//! ```text
//! error: unexpected argument `--frmat` found
//!
//!   tip: did you mean `--format`?
//!
//! Usage: pfc eval [OPTIONS] <FRAMEWORK> <DATA>
//!
//! For more information, try '--help'.
//! ```
//!
//! clap's errors are read from their kind and typed context
//! ([`clap::Error::kind`], [`clap::Error::get`]), never from their English
//! text, with two exceptions kept in [`parser_tip`] and [`usage_line`].

use super::args::{Color, JobsOutOfRange};
use crate::catalogue::cli::Cli;
use crate::catalogue::common::Common;
use crate::catalogue::{Lang, Name, Names, Text};
use clap::ValueEnum;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// What a command line asks for before it is parsed: the language and the
/// colour, read ahead so that `--help` and usage errors can use them.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Early {
    /// `--lang`, when given a language pfc has.
    pub lang: Option<Lang>,
    /// `--color`, when given a valid choice.
    pub color: Option<Color>,
}

/// Read `--lang` and `--color` (as `--x v` or `--x=v`) from the arguments,
/// up to a `--`. The parser reads them again, and says what is wrong with
/// them.
pub(crate) fn prescan(args: &[OsString]) -> Early {
    let mut early = Early::default();
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        let (name, value) = match arg.split_once('=') {
            Some((n, v)) => (n.to_owned(), Some(v.to_owned())),
            None => (arg.into_owned(), None),
        };
        let mut value = || {
            value
                .clone()
                .or_else(|| args.next().map(|v| v.into_owned()))
        };
        match name.as_str() {
            "--lang" => {
                if let Some(l) = value().and_then(|v| Lang::from_str(&v, false).ok()) {
                    early.lang = Some(l);
                }
            }
            "--color" => {
                if let Some(c) = value().and_then(|v| Color::from_str(&v, false).ok()) {
                    early.color = Some(c);
                }
            }
            _ => {}
        }
    }
    early
}

/// A line under a usage error's message.
#[derive(Debug, Clone)]
enum Line {
    /// Words.
    Said(Text),
    /// An argument as clap writes it (`<FRAMEWORK>`).
    Verbatim(String),
}

/// A usage error, ready to be printed.
#[derive(Debug, Clone)]
pub(crate) struct UsageError {
    /// What is wrong.
    message: Text,
    /// Lines under it (the arguments missing, the values there are).
    lines: Vec<Line>,
    /// What to do.
    tips: Vec<Text>,
    /// The command's usage, after `Usage:`.
    usage: Option<String>,
    /// Where the help is: `--help`, `pfc eval --help`.
    help: Option<String>,
}

impl UsageError {
    /// A usage error of pfc's own, about `command` (`pfc eval`).
    pub(crate) fn new(command: &str, message: impl Into<Text>) -> UsageError {
        UsageError {
            message: message.into(),
            lines: Vec::new(),
            tips: Vec::new(),
            usage: None,
            help: Some(format!("{command} --help")),
        }
    }

    /// Add a tip.
    #[must_use]
    pub(crate) fn tip(mut self, tip: impl Into<Text>) -> UsageError {
        self.tips.push(tip.into());
        self
    }

    /// The error as text, in `lang`.
    pub(crate) fn render(&self, lang: Lang) -> String {
        let mut out = Cli::UsageError {
            message: Box::new(self.message.clone()),
        }
        .render(lang);
        for l in &self.lines {
            out.push_str("\n  ");
            match l {
                Line::Said(t) => out.push_str(&t.render(lang)),
                Line::Verbatim(s) => out.push_str(s),
            }
        }
        for (i, tip) in self.tips.iter().enumerate() {
            out.push_str(if i == 0 { "\n\n  " } else { "\n  " });
            out.push_str(
                &Cli::UsageTip {
                    tip: Box::new(tip.clone()),
                }
                .render(lang),
            );
        }
        if let Some(usage) = &self.usage {
            out.push_str("\n\n");
            out.push_str(
                &Cli::UsageLine {
                    usage: usage.clone(),
                }
                .render(lang),
            );
        }
        if let Some(help) = &self.help {
            out.push_str("\n\n");
            out.push_str(
                &Cli::MoreInformation {
                    command: help.clone(),
                }
                .render(lang),
            );
        }
        out.push('\n');
        out
    }

    /// Print it to standard error.
    pub(crate) fn print(&self, lang: Lang) {
        eprint!("{}", self.render(lang));
    }

    /// The parser's error, read from its kind and typed context; `args` is
    /// the command line, to say which command's help to read.
    pub(crate) fn from_clap(e: &clap::Error, args: &[OsString]) -> UsageError {
        let mut lines = Vec::new();
        let message = message(e, &mut lines);
        let mut tips = Vec::new();
        for kind in [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ] {
            let names = strings(e, kind);
            match names.as_slice() {
                [] => {}
                [one] => tips.push(Common::DidYouMean { name: name(one) }.into()),
                many => tips.push(
                    Cli::DidYouMeanOneOf {
                        names: many.iter().map(String::as_str).collect(),
                    }
                    .into(),
                ),
            }
        }
        if let Some(ContextValue::StyledStrs(list)) = e.get(ContextKind::Suggested) {
            tips.extend(list.iter().map(|t| parser_tip(&t.to_string())));
        }
        let usage = match e.get(ContextKind::Usage) {
            Some(ContextValue::StyledStr(u)) => Some(usage_line(&u.to_string())),
            _ => None,
        };
        UsageError {
            message,
            lines,
            tips,
            usage,
            help: Some(format!("{} --help", command_of(args))),
        }
    }
}

/// The command a command line runs (`pfc eval`), or `pfc` when it names
/// none: the first argument that is not an option, if it is a subcommand.
fn command_of(args: &[OsString]) -> String {
    const WITH_VALUE: [&str; 3] = ["--color", "--error-format", "--lang"];
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = rest.next() {
        if WITH_VALUE.contains(&arg.as_ref()) {
            rest.next();
        } else if arg == "--" {
            break;
        } else if !arg.starts_with('-') {
            let known = super::help::SUBCOMMANDS.contains(&arg.as_ref());
            return if known && arg != "help" {
                format!("pfc {arg}")
            } else {
                "pfc".to_owned()
            };
        }
    }
    "pfc".to_owned()
}

fn name(s: &str) -> Name {
    Name::new(s)
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(e: &clap::Error, kind: ContextKind) -> Option<i64> {
    match e.get(kind) {
        Some(ContextValue::Number(n)) => i64::try_from(*n).ok(),
        _ => None,
    }
}

/// What is wrong, and the lines under it.
fn message(e: &clap::Error, lines: &mut Vec<Line>) -> Text {
    let arg = string(e, ContextKind::InvalidArg);
    let value = string(e, ContextKind::InvalidValue);
    let said = match e.kind() {
        ErrorKind::UnknownArgument => arg.map(|a| Cli::ClapUnknownArgument { arg: name(&a) }),
        ErrorKind::InvalidSubcommand => string(e, ContextKind::InvalidSubcommand)
            .map(|s| Cli::ClapUnknownSubcommand { name: name(&s) }),
        ErrorKind::InvalidValue => arg.zip(value).map(|(a, v)| {
            let values = strings(e, ContextKind::ValidValue);
            if !values.is_empty() {
                lines.push(Line::Said(
                    Cli::ClapPossibleValues {
                        values: values.iter().map(String::as_str).collect(),
                    }
                    .into(),
                ));
            }
            if v.is_empty() {
                Cli::ClapValueMissing { arg: name(&a) }
            } else {
                Cli::ClapInvalidValue {
                    value: name(&v),
                    arg: name(&a),
                }
            }
        }),
        ErrorKind::ValueValidation => {
            arg.zip(value)
                .map(|(a, v)| match std::error::Error::source(e).map(reason) {
                    Some(why) => Cli::ClapValueRefused {
                        value: name(&v),
                        arg: name(&a),
                        why: Box::new(why),
                    },
                    None => Cli::ClapInvalidValue {
                        value: name(&v),
                        arg: name(&a),
                    },
                })
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            (!missing.is_empty()).then(|| {
                lines.extend(missing.into_iter().map(Line::Verbatim));
                Cli::ClapMissingArguments
            })
        }
        ErrorKind::MissingSubcommand => string(e, ContextKind::InvalidSubcommand).map(|s| {
            let names = strings(e, ContextKind::ValidSubcommand);
            if !names.is_empty() {
                lines.push(Line::Said(
                    Cli::ClapSubcommands {
                        names: names.iter().map(String::as_str).collect(),
                    }
                    .into(),
                ));
            }
            Cli::ClapMissingSubcommand { name: name(&s) }
        }),
        ErrorKind::ArgumentConflict => Some(conflict(e)),
        ErrorKind::NoEquals => arg.map(|a| Cli::ClapNoEquals { arg: name(&a) }),
        ErrorKind::TooManyValues => arg.zip(value).map(|(a, v)| Cli::ClapTooManyValues {
            value: name(&v),
            arg: name(&a),
        }),
        ErrorKind::TooFewValues => match (
            arg,
            number(e, ContextKind::MinValues),
            number(e, ContextKind::ActualNumValues),
        ) {
            (Some(a), Some(min), Some(given)) => Some(Cli::ClapTooFewValues {
                arg: name(&a),
                min,
                given,
            }),
            _ => None,
        },
        ErrorKind::WrongNumberOfValues => match (
            arg,
            number(e, ContextKind::ExpectedNumValues),
            number(e, ContextKind::ActualNumValues),
        ) {
            (Some(a), Some(expected), Some(given)) => Some(Cli::ClapWrongNumberOfValues {
                arg: name(&a),
                expected,
                given,
            }),
            _ => None,
        },
        ErrorKind::InvalidUtf8 => Some(Cli::ClapInvalidUtf8),
        _ => None,
    };
    said.map_or_else(
        || {
            // A kind pfc's arguments cannot produce, or one without its
            // context: said as clap names the kind.
            Cli::ClapOther {
                text: e.kind().as_str().unwrap_or("").into(),
            }
            .into()
        },
        Text::from,
    )
}

/// `--project` with `--out`, a flag given twice.
fn conflict(e: &clap::Error) -> Cli {
    let prior = strings(e, ContextKind::PriorArg);
    match (
        string(e, ContextKind::InvalidArg),
        string(e, ContextKind::InvalidSubcommand),
    ) {
        (Some(a), _) if prior == [a.clone()] => Cli::ClapRepeated { arg: name(&a) },
        (Some(a), _) if prior.is_empty() => Cli::ClapConflictOthers { arg: name(&a) },
        (Some(a), _) => Cli::ClapConflict {
            arg: name(&a),
            other: prior.iter().map(String::as_str).collect::<Names>(),
        },
        (None, Some(s)) => Cli::ClapSubcommandConflict {
            name: name(&s),
            other: prior.iter().map(String::as_str).collect::<Names>(),
        },
        (None, None) => Cli::ClapOther {
            text: e.kind().as_str().unwrap_or("").into(),
        },
    }
}

/// Why an option's own check refused a value, from the error's type.
fn reason(source: &(dyn std::error::Error + 'static)) -> Text {
    if let Some(j) = source.downcast_ref::<JobsOutOfRange>() {
        return Cli::JobsRange { max: j.max }.into();
    }
    if let Some(i) = source.downcast_ref::<std::num::ParseIntError>() {
        return match i.kind() {
            std::num::IntErrorKind::PosOverflow | std::num::IntErrorKind::NegOverflow => {
                Cli::ArgNumberTooLarge.into()
            }
            _ => Cli::NotAWholeNumber.into(),
        };
    }
    if source.is::<std::num::ParseFloatError>() {
        return Cli::NotANumber.into();
    }
    Cli::ClapOther {
        text: source.to_string().into(),
    }
    .into()
}

/// One of clap's tips. clap writes them as English sentences and keeps no
/// typed form of them, so the three it writes are recognised by their words
/// here, and only here, to be said in the user's language; any other is
/// shown as clap wrote it.
fn parser_tip(tip: &str) -> Text {
    // "to pass '-x' as a value, use '-- -x'"
    if let Some(rest) = tip.strip_prefix("to pass '")
        && let Some((arg, rest)) = rest.split_once("' as a value, use '")
        && let Some(written) = rest.strip_suffix('\'')
    {
        return Cli::TipPassAsValue {
            arg: name(arg),
            written: name(written),
        }
        .into();
    }
    // "subcommand 'check' exists; to use it, remove the '--' before it"
    if let Some(rest) = tip.strip_prefix("subcommand '")
        && let Some((sub, _)) = rest.split_once("' exists;")
    {
        return Cli::TipRemoveDashes { name: name(sub) }.into();
    }
    // "'eval --format' exists"
    if let Some(rest) = tip.strip_prefix('\'')
        && let Some(written) = rest.strip_suffix("' exists")
    {
        return Cli::TipOptionOfSubcommand {
            written: name(written),
        }
        .into();
    }
    Cli::ClapOther { text: tip.into() }.into()
}

/// The usage clap computed, without its English heading (`Usage: `), which
/// it always writes first.
fn usage_line(usage: &str) -> String {
    usage
        .strip_prefix("Usage:")
        .unwrap_or(usage)
        .trim()
        .to_owned()
}
