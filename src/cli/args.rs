//! Command-line arguments (clap derive).
//!
//! What `--help` says is the catalogue's (`catalogue/cli.rs`), in the
//! user's language: `help.rs` puts it into the command built from these
//! types before parsing. The doc comments here are for readers of the code.

use crate::batch::encoding::Encoding;
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
#[command(name = "pfc", version, about, long_about = None)]
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

    /// The language of messages: `zh` (中文) or `en`; by default the
    /// locale's (`LC_ALL`, `LC_MESSAGES`, `LANG`: `zh_…` is Chinese), else
    /// English.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::catalogue::Lang>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check frameworks for errors without scoring anything.
    Check {
        /// Framework folders, `.pf` files or built-in ids; a folder without
        /// `framework.pf` is searched for framework folders. Default: `frameworks/`.
        frameworks: Vec<String>,
        /// For a framework that `extends` another, list what it changes.
        #[arg(long)]
        explain_extension: bool,
    },
    /// Run the tests frameworks declare (`test "…" { … }`).
    Test {
        /// Framework folders or `.pf` files; a folder without `framework.pf`
        /// is searched for framework folders. Default: `frameworks/`.
        frameworks: Vec<String>,
    },
    /// Rewrite `.pf` files in the canonical layout (docs/authoring.md);
    /// comments and strings are kept as written.
    Fmt {
        /// `.pf` files, or folders whose `framework.pf` files (in any
        /// subfolder) are formatted; `-` for standard input. Default: the
        /// current folder.
        paths: Vec<String>,
        /// Write nothing: list the files that would change, with a diff,
        /// and exit with 1 if any would.
        #[arg(long)]
        check: bool,
        /// Format standard input to standard output (for editors).
        #[arg(long, conflicts_with = "paths")]
        stdin: bool,
    },
    /// Say what changed between two frameworks: indicators, weights, grade
    /// bands, scoring rules, settings.
    Diff {
        /// The older framework (folder, `.pf` file or built-in id).
        old: String,
        /// The newer framework.
        new: String,
    },
    /// Score one project and print the table, or write the report, the Excel
    /// table or the Word report; or score every project of a folder, a CSV
    /// file or an Excel workbook into `--out DIR`.
    Eval {
        /// A framework folder, a `.pf` file or a built-in id (`cn-self-eval-2020`).
        framework: String,
        /// The project data (`.toml` or `.json`); or many projects, scored
        /// into `--out DIR`: a folder of data files, a `.csv` file or an
        /// `.xlsx` (or `.xlsm`) workbook with one row per indicator.
        data: PathBuf,
        /// Output format [default: from the extension of `-o`, else text].
        /// With `--out DIR`, the reports written per project; repeat for
        /// several (`-f md -f json`); none: the summary only.
        #[arg(long, short, value_enum)]
        format: Vec<Format>,
        /// Write the output to this file (atomically) instead of standard
        /// output. Required for xlsx and docx.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Render md, html or docx with this Tera template instead of the
        /// framework's. A name ending in `.html` or `.html.tera` turns on HTML
        /// escaping.
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// The reviewer's report: md, html and docx with pfc's findings and
        /// the formula of every score, which the unit's report leaves out.
        #[arg(long)]
        review: bool,
        /// Score every project of DATA (a folder of `.toml`/`.json` files, a
        /// `.csv` file or an `.xlsx` workbook) and write the reports,
        /// `summary.csv`/`summary.xlsx` and `findings.csv` (every error and
        /// warning) into DIR (docs/batch.md).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Score only this project of DATA (a `.csv` file, an `.xlsx`
        /// workbook or a folder), as one data file is scored: the table, or
        /// the report with `-f`/`-o`. ID is the 项目编号, or for a folder the
        /// data file's name without its extension.
        #[arg(long, value_name = "ID", conflicts_with_all = ["out", "jobs", "fail_fast"])]
        project: Option<String>,
        /// Refuse what departs from the framework instead of scoring the
        /// table as submitted.
        #[arg(long)]
        strict: bool,
        /// In a batch, stop at the first project that cannot be scored (no
        /// summary is written).
        #[arg(long)]
        fail_fast: bool,
        /// For a spreadsheet, a TOML file naming its columns
        /// (`"三级指标" = "指标名称"`).
        #[arg(long, value_name = "FILE")]
        columns: Option<PathBuf>,
        /// The encoding of a CSV file.
        #[arg(long, value_enum, default_value_t = Encoding::Auto)]
        encoding: Encoding,
        /// The sheet of an Excel workbook to read [default: the first].
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Threads scoring a batch, 1 to 256 [default: one per core].
        #[arg(long, short, value_name = "N", value_parser = jobs)]
        jobs: Option<usize>,
    },
    /// Write synthetic project data (N projects × M indicators, CSV or
    /// Excel) for tests and benchmarks; the same seed gives the same bytes.
    Generate {
        /// The file to write: `.csv` or `.xlsx`.
        output: PathBuf,
        /// Number of projects.
        #[arg(long, short = 'n', default_value_t = 1000)]
        projects: u64,
        /// Indicator rows per project (at least 3).
        #[arg(long, short = 'm', default_value_t = 8)]
        indicators: usize,
        /// Share of projects with one mistake (a bad notation, weight, year,
        /// amount or unit), between 0 and 1.
        #[arg(long, default_value_t = 0.01)]
        malformed: f64,
        /// Seed of the pseudo-random sequence.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Encoding of a CSV file: `utf-8` or `gbk`.
        #[arg(long, value_enum, default_value_t = Encoding::Utf8)]
        encoding: Encoding,
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

/// Most threads `--jobs` takes: more than any machine pfc runs on has
/// cores, fewer than the system refuses to start (which would panic).
const MAX_JOBS: usize = 256;

/// `--jobs N`: a number of threads from 1 to [`MAX_JOBS`].
fn jobs(s: &str) -> Result<usize, JobsOutOfRange> {
    match s.parse::<usize>() {
        Ok(n) if (1..=MAX_JOBS).contains(&n) => Ok(n),
        _ => Err(JobsOutOfRange { max: MAX_JOBS }),
    }
}

/// `--jobs` given no number of threads pfc starts. A type, so that the
/// usage error can say it in the user's language (`usage.rs`).
#[derive(Debug, Clone, Copy)]
pub struct JobsOutOfRange {
    /// The most threads.
    pub max: usize,
}

impl std::fmt::Display for JobsOutOfRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = crate::catalogue::cli::Cli::JobsRange { max: self.max };
        f.write_str(&text.render(crate::catalogue::Lang::En))
    }
}

impl std::error::Error for JobsOutOfRange {}
