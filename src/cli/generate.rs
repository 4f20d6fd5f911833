//! `pfc generate`: synthetic project data for tests and benchmarks.

use super::Printer;
use super::usage::UsageError;
use crate::batch::encoding::Encoding;
use crate::batch::generate::{self, Spec};
use crate::catalogue::cli::Cli;
use crate::source::SourceMap;
use std::path::Path;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, spec: &Spec, path: &Path, encoding: Encoding) -> ExitCode {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let usage = |message: Cli| UsageError::new("pfc generate", message);
    if spec.indicators < 3 {
        return out.usage(usage(Cli::IndicatorsTooFew));
    }
    if !(0.0..=1.0).contains(&spec.malformed) {
        return out.usage(usage(Cli::MalformedShare));
    }
    let written = match ext.as_deref() {
        Some("csv") => generate::write_csv(
            spec,
            path,
            matches!(encoding, Encoding::Gbk | Encoding::Gb18030),
        ),
        Some("xlsx") => {
            if encoding != Encoding::Auto && encoding != Encoding::Utf8 {
                return out.usage(usage(Cli::EncodingCsvOnly));
            }
            generate::write_xlsx(spec, path)
        }
        _ => {
            let file = path.display().to_string().into();
            return out.usage(usage(Cli::GenerateExtension { file }).tip(Cli::TipGenerate));
        }
    };
    match written {
        Ok(rows) => {
            let wrote = Cli::Generated {
                projects: spec.projects,
                rows,
                file: path.display().to_string(),
            };
            println!("{}", wrote.render(out.lang));
            ExitCode::SUCCESS
        }
        Err(d) => out.finish(&SourceMap::new(), &[d]),
    }
}
