//! `pfc test`: run the tests frameworks declare.

use super::{EXIT_ERRORS, Printer, load};
use crate::catalogue::Name;
use crate::catalogue::cli::Cli;
use crate::diagnostic::has_errors;
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, args: &[String]) -> ExitCode {
    let lang = out.lang;
    let mut sources = SourceMap::new();
    let targets = match load::check_targets(args) {
        Ok(t) => t,
        Err(d) => return out.finish(&sources, &[d]),
    };
    // `FAIL  frameworks/x  (1 passed, 1 failed)`: the status right-aligned
    // in four columns.
    let line = |status: Option<Cli>, target: &str, what: Cli| {
        let status = status.map_or_else(|| "--".to_owned(), |s| s.render(lang));
        println!(
            "{}  {target}  {}",
            super::pad_left(&status, 4),
            what.render(lang)
        );
    };
    let (mut passed, mut failed) = (0usize, 0usize);
    for t in &targets {
        let loaded = match load::framework(&mut sources, t) {
            Ok(l) => l,
            Err(d) => {
                out.diagnostics(&sources, &[d]);
                failed += 1;
                line(Some(Cli::StatusFail), t, Cli::TestCannotLoad);
                continue;
            }
        };
        let (model, diags) = crate::compile(&mut sources, loaded.file);
        let Some(model) = model.filter(|_| !has_errors(&diags)) else {
            out.diagnostics(&sources, &diags);
            failed += 1;
            line(Some(Cli::StatusFail), t, Cli::TestFrameworkErrors);
            continue;
        };
        let results = crate::fwtest::run(&mut sources, &model, loaded.file);
        let ok = results.iter().filter(|r| r.passed()).count();
        let bad = results.len() - ok;
        passed += ok;
        failed += bad;
        if results.is_empty() {
            line(None, t, Cli::TestNone);
        } else if bad == 0 {
            line(Some(Cli::StatusOk), t, Cli::TestsPassed { passed: ok });
        } else {
            let what = Cli::TestsFailed {
                passed: ok,
                failed: bad,
            };
            line(Some(Cli::StatusFail), t, what);
            for r in results.iter().filter(|r| !r.passed()) {
                let name = Name::new(r.name.as_str());
                println!("      {}", Cli::TestHeading { name }.render(lang));
                for f in &r.failures {
                    for (k, text) in f.render(&sources, lang).lines().enumerate() {
                        println!("        {}{text}", if k == 0 { "- " } else { "  " });
                    }
                }
            }
        }
    }
    println!("{}", Cli::TestSummary { passed, failed }.render(lang));
    if failed > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
