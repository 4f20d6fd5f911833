//! Command-line arguments (clap derive).

use crate::render::ErrorFormat;
use crate::report::Format;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// pfc — the performance-framework compiler.
///
/// Scores budget performance evaluations (预算绩效评价) from frameworks written
/// in a small declarative language, in exact decimal arithmetic, and explains
/// every score.
#[derive(Debug, Parser)]
#[command(name = "pfc", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// How to print diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = ErrorFormat::Human)]
    pub error_format: ErrorFormat,
}

const EXIT_CODES: &str = "Exit codes:
  0  success (warnings may have been printed)
  1  the framework or the data has errors
  2  the command line is wrong (unknown option, missing argument)";

const EVAL_HELP: &str = "Formats:
  text  the self-evaluation table for a terminal (default)
  md    the self-evaluation report, Markdown
  html  one self-contained web page: grade, total, chart, table, warnings
  json  everything, for machines
  xlsx  the 自评表 as an Excel workbook, laid out as 附件1 (needs -o FILE)
  docx  the self-evaluation report as a Word document (needs -o FILE)

Examples:
  pfc eval cn-self-eval-2020 data.toml -o 自评报告.docx
  pfc eval cn-self-eval-2020 data.toml -o 自评表.xlsx
  pfc eval cn-self-eval-2020 data.toml -f html -o report.html

Exit codes:
  0  success (warnings may have been printed)
  1  the framework or the data has errors
  2  the command line is wrong (unknown option, missing argument)";

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check frameworks for errors without scoring anything.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Framework folders, `.pf` files or built-in ids; a folder without
        /// `framework.pf` is searched for framework folders. Default: `frameworks/`.
        frameworks: Vec<String>,
        /// For a framework that `extends` another, list what it changes.
        #[arg(long)]
        explain_extension: bool,
    },
    /// Run the tests frameworks declare (`test "…" { … }`).
    #[command(after_help = EXIT_CODES)]
    Test {
        /// Framework folders or `.pf` files; a folder without `framework.pf`
        /// is searched for framework folders. Default: `frameworks/`.
        frameworks: Vec<String>,
    },
    /// Say what changed between two frameworks: indicators, weights, grade
    /// bands, scoring rules, settings.
    #[command(after_help = EXIT_CODES)]
    Diff {
        /// The older framework (folder, `.pf` file or built-in id).
        old: String,
        /// The newer framework.
        new: String,
    },
    /// Score one project and print the table, or write the report, the Excel
    /// table or the Word report.
    #[command(after_help = EVAL_HELP)]
    Eval {
        /// A framework folder, a `.pf` file or a built-in id (`cn-self-eval-2020`).
        framework: String,
        /// The project data (`.toml` or `.json`).
        data: PathBuf,
        /// Output format [default: from the extension of `-o`, else text].
        #[arg(long, short, value_enum)]
        format: Option<Format>,
        /// Write the output to this file (atomically) instead of standard
        /// output. Required for xlsx and docx.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Render md, html or docx with this Tera template instead of the
        /// framework's. A name ending in `.html` or `.html.tera` turns on HTML
        /// escaping.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
    },
    /// List the frameworks built into pfc.
    List,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour when standard error is a terminal and NO_COLOR is unset.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
