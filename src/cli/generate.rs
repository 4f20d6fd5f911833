//! `pfc generate`: synthetic project data for tests and benchmarks.

use super::{EXIT_USAGE, Printer};
use crate::batch::encoding::Encoding;
use crate::batch::generate::{self, Spec};
use crate::source::SourceMap;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, spec: &Spec, path: &Path, encoding: Encoding) -> ExitCode {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if spec.indicators < 3 {
        eprintln!(
            "error: `--indicators` must be at least 3 (one per part of the framework)\n\nFor more information, try 'pfc generate --help'."
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if !(0.0..=1.0).contains(&spec.malformed) {
        eprintln!(
            "error: `--malformed` is a share between 0 and 1, e.g. `0.01`\n\nFor more information, try 'pfc generate --help'."
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let written = match ext.as_deref() {
        Some("csv") => generate::write_csv(
            spec,
            path,
            matches!(encoding, Encoding::Gbk | Encoding::Gb18030),
        ),
        Some("xlsx") => {
            if encoding != Encoding::Auto && encoding != Encoding::Utf8 {
                eprintln!(
                    "error: `--encoding` applies to CSV files only\n\nFor more information, try 'pfc generate --help'."
                );
                return ExitCode::from(EXIT_USAGE);
            }
            generate::write_xlsx(spec, path)
        }
        _ => {
            eprintln!(
                "error: `{}` must end in `.csv` or `.xlsx`\n\n  tip: e.g. `pfc generate data.csv --projects 1000`\n\nFor more information, try 'pfc generate --help'.",
                path.display()
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match written {
        Ok(rows) => {
            println!(
                "wrote {} projects, {rows} indicator rows, to {}",
                spec.projects,
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(d) => out.finish(&SourceMap::new(), &[d]),
    }
}
