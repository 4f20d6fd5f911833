//! `pfc check`.

use super::{EXIT_ERRORS, Printer, load};
use crate::diagnostic::{Severity, has_errors};
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, args: &[String]) -> ExitCode {
    let mut sources = SourceMap::new();
    let targets = match load::check_targets(args) {
        Ok(t) => t,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let mut failed = 0;
    let mut all = Vec::new();
    let mut lines = Vec::new();
    for t in &targets {
        let diags = match load::framework(&mut sources, t) {
            Ok(l) => crate::compile(&sources, l.file).1,
            Err(d) => vec![d],
        };
        let errors = diags
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        let warnings = diags.len() - errors;
        if has_errors(&diags) {
            failed += 1;
        }
        let status = if errors > 0 { "error" } else { "ok" };
        lines.push(format!(
            "{status:>5}  {t}  ({errors} errors, {warnings} warnings)"
        ));
        all.extend(diags);
    }
    out.diagnostics(&sources, &all);
    for l in &lines {
        println!("{l}");
    }
    println!(
        "{} checked, {} ok, {} with errors",
        targets.len(),
        targets.len() - failed,
        failed
    );
    if failed > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
