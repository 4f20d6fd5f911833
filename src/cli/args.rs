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

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check frameworks for errors without scoring anything.
    #[command(after_help = EXIT_CODES)]
    Check {
        /// Framework folders, `.pf` files or built-in ids; a folder without
        /// `framework.pf` is searched for framework folders. Default: `frameworks/`.
        frameworks: Vec<String>,
    },
    /// Score one project and print the table, the report or JSON.
    #[command(after_help = EXIT_CODES)]
    Eval {
        /// A framework folder, a `.pf` file or a built-in id (`cn-self-eval-2020`).
        framework: String,
        /// The project data (`.toml` or `.json`).
        data: PathBuf,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the output to this file (atomically) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Render `--format md` with this Tera template instead of the framework's.
        #[arg(long)]
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
