//! `pfc check`.

use super::{EXIT_ERRORS, Printer, load};
use crate::diagnostic::{Severity, has_errors};
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, args: &[String], explain_extension: bool) -> ExitCode {
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
            Ok(l) => {
                let (model, mut diags) = crate::compile(&mut sources, l.file);
                if let Some(m) = &model {
                    diags.extend(test_data_files(&sources, l.file, m));
                }
                if let (true, Some(m)) = (explain_extension, &model) {
                    explain(&mut sources, m, &mut lines);
                }
                diags
            }
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
        let count = |n: usize, what: &str| {
            if n == 1 {
                format!("1 {what}")
            } else {
                format!("{n} {what}s")
            }
        };
        lines.push(format!(
            "{status:>5}  {t}  ({}, {})",
            count(errors, "error"),
            count(warnings, "warning")
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

/// What a framework changes in the one it extends, as lines of output.
fn explain(sources: &mut SourceMap, child: &crate::check::model::Model, lines: &mut Vec<String>) {
    let Some(parent_id) = &child.extends else {
        lines.push(format!("       {} extends no framework", child.id));
        return;
    };
    // The parent was loaded into `sources` while extending; compile it again
    // on its own to compare.
    let parent_file = sources.files().iter().position(|f| {
        f.name.ends_with(&format!("{parent_id}/framework.pf"))
            || f.name.ends_with(&format!("{parent_id}.pf"))
    });
    let Some(file) = parent_file.and_then(|i| u32::try_from(i).ok()) else {
        return;
    };
    let (Some(parent), _) = crate::compile(sources, crate::span::FileId(file)) else {
        return;
    };
    lines.push(format!("       {} extends {}:", child.id, parent.id));
    for c in crate::diff::diff(sources, &parent, child) {
        lines.push(format!("         {:<9} {}", c.area, c.text));
    }
}

/// Test data files a framework names must exist beside it.
fn test_data_files(
    sources: &SourceMap,
    file: crate::span::FileId,
    model: &crate::check::model::Model,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::{Code, Diagnostic};
    use crate::syntax::ast::TestData;
    let name = &sources.get(file).name;
    if name.starts_with("<builtin>") {
        return Vec::new();
    }
    let dir = std::path::Path::new(name)
        .parent()
        .unwrap_or(std::path::Path::new("."));
    model
        .tests
        .iter()
        .filter_map(|t| match &t.data {
            Some(TestData::File(p)) if !dir.join(&p.node).is_file() => Some(
                Diagnostic::error(
                    Code::TestData,
                    format!(
                        "test “{}” names data `{}` that does not exist",
                        t.name.node, p.node
                    ),
                )
                .with_primary(p.span, "no such file")
                .with_hint(format!("the path is relative to `{}`", dir.display())),
            ),
            _ => None,
        })
        .collect()
}
