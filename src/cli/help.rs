//! `--help` in the user's language.
//!
//! The command is built from the clap derive (`args.rs`), then every text a
//! person reads in its help is replaced from the catalogue
//! (`catalogue/cli.rs`) before any argument is parsed: the about line of
//! every command, the help of every argument, the text after the options.
//! In Chinese, the words clap adds itself are replaced too: the headings,
//! `[default: …]` and the lists of possible values (hidden from clap and
//! written here). In English, clap writes those, and the possible values'
//! help comes from the value enums' doc comments, which a test keeps equal
//! to the catalogue's English.

use super::args::Args;
use crate::catalogue::Lang;
use crate::catalogue::cli::Cli;
use clap::{Arg, Command, CommandFactory};

/// The command line, with its help in `lang`. Texts the catalogue does not
/// have are listed in `missing` (a test keeps the list empty).
pub(crate) fn command(lang: Lang, missing: &mut Vec<String>) -> Command {
    let mut cmd = Args::command();
    // Build first, so that the arguments and subcommand clap adds (`-h`,
    // `-V`, `help`) and the global options copied into every subcommand are
    // there to be translated.
    cmd.build();
    let width = term_width();
    localize(cmd, lang, width, width, missing)
}

/// The width clap lays help out in: the terminal's (or `COLUMNS`), at most
/// 100 columns, as clap computes it.
fn term_width() -> usize {
    terminal_size::terminal_size()
        .map(|(w, _)| usize::from(w.0))
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(100)
        .min(100)
}

/// Columns before an option's help when it is on a line of its own.
const HELP_INDENT: usize = 10;

fn localize(
    mut cmd: Command,
    lang: Lang,
    width: usize,
    about_width: usize,
    missing: &mut Vec<String>,
) -> Command {
    let name = cmd.get_name().to_owned();
    let zh = lang == Lang::Zh;
    match about(&name) {
        Some(text) => {
            let text = text.render(lang);
            let text = if zh { wrap(&text, about_width) } else { text };
            cmd = cmd.about(text).long_about(None);
        }
        None => missing.push(format!("about of `{name}`")),
    }
    if let Some(text) = after_help(&name, lang) {
        cmd = cmd.after_help(text);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().as_str().to_owned())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(&id, |a| {
            let a = localize_arg(a, &name, lang, width, missing);
            if zh { a.next_line_help(true) } else { a }
        });
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    // A subcommand's about is listed after the longest name and two
    // spaces on either side.
    let longest = subcommands
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0);
    let listed = width.saturating_sub(longest + 4).max(20);
    for sub in subcommands {
        let mut found = Vec::new();
        cmd = cmd.mut_subcommand(&sub, |s| localize(s, lang, width, listed, &mut found));
        missing.extend(found);
    }
    if zh {
        let usage = Cli::UsageLine {
            usage: "{usage}".to_owned(),
        }
        .render(lang);
        let has_args = cmd.get_arguments().any(|a| !a.is_hide_set()) || cmd.has_subcommands();
        let template = if has_args {
            format!("{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}")
        } else {
            format!("{{before-help}}{{about-with-newline}}\n{usage}{{after-help}}")
        };
        cmd = cmd
            .help_template(template)
            .subcommand_help_heading(Cli::HeadingCommands.render(lang))
            .term_width(width);
    }
    cmd
}

fn localize_arg(
    arg: Arg,
    command: &str,
    lang: Lang,
    width: usize,
    missing: &mut Vec<String>,
) -> Arg {
    let id = arg.get_id().as_str().to_owned();
    if matches!(arg.get_action(), clap::ArgAction::Help) {
        // clap's `-h`: "see more with '--help'" when `--help` says more.
        let heading = Cli::HeadingOptions.render(lang);
        let arg = if lang == Lang::Zh {
            arg.help_heading(heading)
        } else {
            arg
        };
        return match arg.get_long_help() {
            Some(_) => arg
                .help(Cli::HelpFlagShort.render(lang))
                .long_help(Cli::HelpFlagLong.render(lang)),
            None => arg.help(Cli::HelpFlag.render(lang)),
        };
    }
    let Some(help) = arg_help(command, &id) else {
        missing.push(format!("help of `{command} {id}`"));
        return arg;
    };
    let help = help.render(lang);
    if lang == Lang::En {
        return arg.help(help).long_help(None);
    }
    // Chinese: clap's own words (`[default: …]`, `Possible values:`) are
    // hidden and said here.
    let values: Vec<clap::builder::PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(|v| !v.is_hide_set())
            .collect()
    };
    let default: Vec<String> =
        if arg.is_hide_default_value_set() || !arg.get_action().takes_values() {
            Vec::new()
        } else {
            arg.get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect()
        };
    let default = (!default.is_empty()).then(|| {
        Cli::DefaultValue {
            value: default.join(" "),
        }
        .render(lang)
    });
    let mut short = help.clone();
    if let Some(d) = &default {
        short.push_str(d);
    }
    let mut long = None;
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        short.push_str(
            &Cli::ValuesShort {
                values: names.join("、"),
            }
            .render(lang),
        );
        let mut text = format!("{help}\n\n{}", Cli::HeadingValues.render(lang));
        for v in &values {
            match value_help(&id, v.get_name()) {
                Some(h) => text.push_str(&format!(
                    "\n{}",
                    Cli::ValueLine {
                        value: v.get_name().to_owned(),
                        help: Box::new(h.into()),
                    }
                    .render(lang)
                )),
                None => missing.push(format!("help of `{command} {id} {}`", v.get_name())),
            }
        }
        if let Some(d) = &default {
            text.push_str(&format!("\n\n{d}"));
        }
        long = Some(text);
    }
    let heading = if arg.is_positional() {
        Cli::HeadingArguments
    } else {
        Cli::HeadingOptions
    };
    let room = width.saturating_sub(HELP_INDENT).max(20);
    let arg = match long {
        Some(long) => arg.long_help(wrap(&long, room)),
        None => arg.long_help(None),
    };
    // Positional arguments keep their order under a heading of pfc's.
    let arg = match arg.get_index() {
        Some(i) => arg.display_order(i),
        None => arg,
    };
    arg.help(wrap(&short, room))
        .hide_default_value(true)
        .hide_possible_values(true)
        .help_heading(heading.render(lang))
}

/// pfc's subcommands.
pub(crate) const SUBCOMMANDS: [&str; 8] = [
    "check", "test", "fmt", "diff", "eval", "generate", "list", "help",
];

/// The about line of a command.
fn about(command: &str) -> Option<Cli> {
    Some(match command {
        "pfc" => Cli::AboutPfc,
        "check" => Cli::AboutCheck,
        "test" => Cli::AboutTest,
        "fmt" => Cli::AboutFmt,
        "diff" => Cli::AboutDiff,
        "eval" => Cli::AboutEval,
        "generate" => Cli::AboutGenerate,
        "list" => Cli::AboutList,
        "help" => Cli::HelpCommand,
        _ => return None,
    })
}

/// What follows a command's options: examples and exit codes.
fn after_help(command: &str, lang: Lang) -> Option<String> {
    let exit_codes = Cli::HelpExitCodes.render(lang);
    match command {
        "pfc" | "check" | "test" | "diff" | "generate" => Some(exit_codes),
        "eval" => Some(format!("{}\n\n{exit_codes}", Cli::HelpEval.render(lang))),
        "fmt" => Some(Cli::HelpFmt.render(lang)),
        _ => None,
    }
}

/// The help of an argument of a command.
fn arg_help(command: &str, id: &str) -> Option<Cli> {
    Some(match (command, id) {
        (_, "color") => Cli::ArgColor,
        (_, "error_format") => Cli::ArgErrorFormat,
        (_, "lang") => Cli::ArgLang,
        (_, "version") => Cli::VersionFlag,
        ("help", "subcommand") => Cli::HelpCommandArg,
        ("check", "frameworks") => Cli::ArgCheckFrameworks,
        ("check", "explain_extension") => Cli::ArgExplainExtension,
        ("test", "frameworks") => Cli::ArgTestFrameworks,
        ("fmt", "paths") => Cli::ArgFmtPaths,
        ("fmt", "check") => Cli::ArgFmtCheck,
        ("fmt", "stdin") => Cli::ArgFmtStdin,
        ("diff", "old") => Cli::ArgDiffOld,
        ("diff", "new") => Cli::ArgDiffNew,
        ("eval", "framework") => Cli::ArgEvalFramework,
        ("eval", "data") => Cli::ArgEvalData,
        ("eval", "format") => Cli::ArgFormat,
        ("eval", "output") => Cli::ArgOutput,
        ("eval", "template") => Cli::ArgTemplate,
        ("eval", "review") => Cli::ArgReview,
        ("eval", "out") => Cli::ArgOut,
        ("eval", "project") => Cli::ArgProject,
        ("eval", "strict") => Cli::ArgStrict,
        ("eval", "fail_fast") => Cli::ArgFailFast,
        ("eval", "columns") => Cli::ArgColumns,
        ("eval", "encoding") => Cli::ArgEncoding,
        ("eval", "sheet") => Cli::ArgSheet,
        ("eval", "jobs") => Cli::ArgJobs,
        ("generate", "output") => Cli::ArgGenerateOutput,
        ("generate", "projects") => Cli::ArgProjects,
        ("generate", "indicators") => Cli::ArgIndicators,
        ("generate", "malformed") => Cli::ArgMalformed,
        ("generate", "seed") => Cli::ArgSeed,
        ("generate", "encoding") => Cli::ArgGenerateEncoding,
        _ => return None,
    })
}

/// The help of one of an option's values.
fn value_help(id: &str, value: &str) -> Option<Cli> {
    Some(match (id, value) {
        ("color", "auto") => Cli::ValueColorAuto,
        ("color", "always") => Cli::ValueColorAlways,
        ("color", "never") => Cli::ValueColorNever,
        ("error_format", "human") => Cli::ValueHuman,
        ("error_format", "short") => Cli::ValueShort,
        ("error_format", "json") => Cli::ValueJson,
        ("lang", "zh") => Cli::ValueZh,
        ("lang", "en") => Cli::ValueEn,
        ("format", "text") => Cli::ValueText,
        ("format", "md") => Cli::ValueMd,
        ("format", "html") => Cli::ValueHtml,
        ("format", "json") => Cli::ValueJsonReport,
        ("format", "xlsx") => Cli::ValueXlsx,
        ("format", "docx") => Cli::ValueDocx,
        ("encoding", "auto") => Cli::ValueEncodingAuto,
        ("encoding", "utf-8") => Cli::ValueUtf8,
        ("encoding", "gbk") => Cli::ValueGbk,
        ("encoding", "gb18030") => Cli::ValueGb18030,
        _ => return None,
    })
}

/// Chinese text broken into lines at most `width` columns wide. clap breaks
/// lines at spaces only, which Chinese has few of; here a line may also
/// break between two characters where one is Chinese, but not before a
/// closing mark (`，。）`) nor after an opening one (`（“`). A list item
/// (`- x：…`) continues under its text.
pub(crate) fn wrap(text: &str, width: usize) -> String {
    text.split('\n')
        .map(|line| wrap_line(line, width))
        .collect::<Vec<_>>()
        .join("\n")
}

fn wrap_line(line: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if line.width() <= width {
        return line.to_owned();
    }
    let indent = if line.starts_with("- ") { "  " } else { "" };
    let mut out = String::new();
    let mut current = String::new();
    let mut at: Option<usize> = None;
    let mut prev: Option<char> = None;
    for c in line.chars() {
        if prev.is_some_and(|p| breakable(p, c)) {
            at = Some(current.len());
        }
        current.push(c);
        prev = Some(c);
        if current.width() > width
            && let Some(b) = at.filter(|b| current[..*b].trim().len() > indent.len())
        {
            let (head, tail) = current.split_at(b);
            out.push_str(head.trim_end());
            out.push('\n');
            current = format!("{indent}{}", tail.trim_start());
            at = None;
        }
    }
    out.push_str(&current);
    out
}

/// Whether a line may break between `prev` and `next`.
fn breakable(prev: char, next: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    const NO_START: &str = "，。、；：？！）》」』”’…%］";
    const NO_END: &str = "（《「『“‘［";
    let wide = |c: char| c.width() == Some(2);
    if NO_START.contains(next) || NO_END.contains(prev) {
        return false;
    }
    prev == ' ' || (next != ' ' && (wide(prev) || wide(next)))
}

/// The help as clap laid it out, finished in `lang`. clap writes a heading
/// as `{heading}:` with an ASCII colon, which is wrong after Chinese words:
/// the headings pfc gave it (and only those) get a full-width colon.
pub(crate) fn finish(rendered: String, lang: Lang) -> String {
    if lang == Lang::En {
        return rendered;
    }
    let mut out = rendered;
    for heading in [
        Cli::HeadingCommands,
        Cli::HeadingArguments,
        Cli::HeadingOptions,
    ] {
        let h = heading.render(lang);
        out = out.replace(&format!("{h}:"), &format!("{h}："));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_lines_break_between_characters_but_not_before_punctuation() {
        assert_eq!(wrap("一二三四，五六", 8), "一二三\n四，五六");
        assert_eq!(wrap("用 `--out DIR` 写入", 12), "用 `--out\nDIR` 写入");
        assert_eq!(wrap("- auto：一二三四五六", 12), "- auto：一二\n  三四五六");
        assert_eq!(wrap("short", 80), "short");
    }

    #[test]
    fn the_subcommands_are_all_listed() {
        let mut missing = Vec::new();
        let cmd = command(Lang::En, &mut missing);
        let names: Vec<&str> = cmd.get_subcommands().map(Command::get_name).collect();
        assert_eq!(names, SUBCOMMANDS);
    }

    #[test]
    fn every_text_of_the_help_is_in_the_catalogue() {
        for lang in [Lang::En, Lang::Zh] {
            let mut missing = Vec::new();
            let _ = command(lang, &mut missing);
            assert!(missing.is_empty(), "{lang:?}: {missing:#?}");
        }
    }

    /// In English, clap shows the possible values' help from the value
    /// enums' doc comments; they must say what the catalogue says.
    #[test]
    fn english_value_help_is_the_catalogues() {
        let mut missing = Vec::new();
        let cmd = command(Lang::En, &mut missing);
        let mut seen = 0;
        let mut check = |c: &Command| {
            for a in c.get_arguments() {
                for v in a.get_possible_values() {
                    let id = a.get_id().as_str();
                    let want = value_help(id, v.get_name())
                        .map(|t| t.render(Lang::En))
                        .unwrap_or_default();
                    let got = v.get_help().map(ToString::to_string).unwrap_or_default();
                    assert_eq!(got, want, "{} {id} {}", c.get_name(), v.get_name());
                    seen += 1;
                }
            }
        };
        check(&cmd);
        for sub in cmd.get_subcommands() {
            check(sub);
        }
        assert!(seen > 20, "{seen}");
    }
}
