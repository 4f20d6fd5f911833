//! `pfc test`: run the tests frameworks declare.

use super::{EXIT_ERRORS, Printer, load};
use crate::diagnostic::has_errors;
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, args: &[String]) -> ExitCode {
    let mut sources = SourceMap::new();
    let targets = match load::check_targets(args) {
        Ok(t) => t,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for t in &targets {
        let loaded = match load::framework(&mut sources, t) {
            Ok(l) => l,
            Err(d) => {
                out.diagnostics(&sources, &[d]);
                failed += 1;
                println!("FAIL  {t}  (cannot be loaded)");
                continue;
            }
        };
        let (model, diags) = crate::compile(&mut sources, loaded.file);
        let Some(model) = model.filter(|_| !has_errors(&diags)) else {
            out.diagnostics(&sources, &diags);
            failed += 1;
            println!("FAIL  {t}  (the framework has errors)");
            continue;
        };
        let results = crate::fwtest::run(&mut sources, &model, loaded.file);
        let ok = results.iter().filter(|r| r.passed()).count();
        let bad = results.len() - ok;
        passed += ok;
        failed += bad;
        if results.is_empty() {
            println!("  --  {t}  (no tests)");
        } else if bad == 0 {
            println!("  ok  {t}  ({ok} passed)");
        } else {
            println!("FAIL  {t}  ({ok} passed, {bad} failed)");
            for r in results.iter().filter(|r| !r.passed()) {
                println!("      test “{}”:", r.name);
                for f in &r.failures {
                    for (k, line) in f.lines().enumerate() {
                        println!("        {}{line}", if k == 0 { "- " } else { "  " });
                    }
                }
            }
        }
    }
    println!("{passed} passed, {failed} failed");
    if failed > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
