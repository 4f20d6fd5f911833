//! `pfc diff OLD NEW`.

use super::{Printer, load, pad_right};
use crate::catalogue::cli::Cli;
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, old: &str, new: &str) -> ExitCode {
    let mut sources = SourceMap::new();
    let mut models = Vec::new();
    for arg in [old, new] {
        let file = match load::framework(&mut sources, arg) {
            Ok(l) => l.file,
            Err(d) => return out.finish(&sources, &[d]),
        };
        let (model, diags) = crate::compile(&mut sources, file);
        match model {
            Some(m) => models.push(m),
            None => return out.finish(&sources, &diags),
        }
    }
    let changes = crate::diff::diff(&sources, &models[0], &models[1]);
    println!("{} → {}", models[0].id, models[1].id);
    if changes.is_empty() {
        println!("  {}", Cli::DiffNothing.render(out.lang));
    }
    for c in &changes {
        println!(
            "  {} {}",
            pad_right(&c.area.render(out.lang), 9),
            c.text.render(out.lang)
        );
    }
    ExitCode::SUCCESS
}
