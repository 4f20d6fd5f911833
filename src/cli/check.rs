//! `pfc check`.

use super::{EXIT_ERRORS, Printer, load, pad_left, pad_right};
use crate::catalogue::cli::Cli;
use crate::catalogue::{Lang, Text};
use crate::diagnostic::{Severity, has_errors};
use crate::source::SourceMap;
use std::process::ExitCode;

pub(crate) fn run(out: &Printer, args: &[String], explain_extension: bool) -> ExitCode {
    let mut sources = SourceMap::new();
    let targets = match load::check_targets(args) {
        Ok(t) => t,
        Err(d) => return out.finish(&sources, &[d]),
    };
    // The statuses are right-aligned in a column as wide as the widest.
    let column = [Cli::StatusError, Cli::StatusOk]
        .iter()
        .map(|s| unicode_width::UnicodeWidthStr::width(s.render(out.lang).as_str()))
        .max()
        .unwrap_or(0);
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
                    explain(&mut sources, m, out.lang, column + 2, &mut lines);
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
        let status = if errors > 0 {
            Cli::StatusError
        } else {
            Cli::StatusOk
        };
        let errors = Box::new(Text::from(match errors {
            1 => Cli::OneError,
            n => Cli::Errors { n },
        }));
        let warnings = Box::new(Text::from(match warnings {
            1 => Cli::OneWarning,
            n => Cli::Warnings { n },
        }));
        lines.push(format!(
            "{}  {t}  {}",
            pad_left(&status.render(out.lang), column),
            Cli::CheckCounts { errors, warnings }.render(out.lang)
        ));
        all.extend(diags);
    }
    out.diagnostics(&sources, &all);
    for l in &lines {
        println!("{l}");
    }
    let summary = Cli::CheckSummary {
        checked: targets.len(),
        ok: targets.len() - failed,
        failed,
    };
    println!("{}", summary.render(out.lang));
    if failed > 0 {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// What a framework changes in the one it extends, as lines of output.
fn explain(
    sources: &mut SourceMap,
    child: &crate::check::model::Model,
    lang: Lang,
    indent: usize,
    lines: &mut Vec<String>,
) {
    let indent = " ".repeat(indent);
    let Some(parent_id) = &child.extends else {
        let said = Cli::ExtendsNothing {
            id: child.id.as_str().into(),
        };
        lines.push(format!("{indent}{}", said.render(lang)));
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
    let said = Cli::ExtendsFramework {
        id: child.id.as_str().into(),
        parent: parent.id.as_str().into(),
    };
    lines.push(format!("{indent}{}", said.render(lang)));
    for c in crate::diff::diff(sources, &parent, child) {
        lines.push(format!(
            "{indent}  {} {}",
            pad_right(&c.area.render(lang), 9),
            c.text.render(lang)
        ));
    }
}

/// Test data files a framework names must exist beside it.
fn test_data_files(
    sources: &SourceMap,
    file: crate::span::FileId,
    model: &crate::check::model::Model,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::catalogue::Name;
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
                    Cli::TestDataMissing {
                        test: Name::new(t.name.node.as_str()),
                        file: Name::new(p.node.as_str()),
                    },
                )
                .with_primary(p.span, Cli::LabelNoSuchFile)
                .with_hint(Cli::HintRelativeTo {
                    folder: dir.display().to_string().into(),
                }),
            ),
            _ => None,
        })
        .collect()
}
