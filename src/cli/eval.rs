//! `pfc eval`.

use super::{EXIT_ERRORS, Printer, load, output};
use crate::diagnostic::has_errors;
use crate::report::{self, Format};
use crate::source::SourceMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// What `pfc eval` was asked to do.
pub(crate) struct Request {
    pub framework: String,
    pub data: PathBuf,
    pub format: Format,
    pub output: Option<PathBuf>,
    pub template: Option<PathBuf>,
}

pub(crate) fn run(out: &Printer, req: &Request) -> ExitCode {
    let mut sources = SourceMap::new();
    let fw = match load::framework(&mut sources, &req.framework) {
        Ok(f) => f,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let (model, mut diags) = crate::compile(&sources, fw.file);
    let Some(model) = model else {
        return out.finish(&sources, &diags);
    };
    // Framework warnings matter to `pfc check`; an evaluator sees them there.
    diags.clear();
    let data = match sources
        .load(&req.data)
        .and_then(|f| crate::data::load(&sources, f))
    {
        Ok(d) => d,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let template = match &req.template {
        Some(path) => match sources.load(path) {
            Ok(f) => Some(f),
            Err(d) => return out.finish(&sources, &[d]),
        },
        None => fw.md_template,
    };
    let outcome = crate::eval::evaluate(&model, &data);
    diags.extend(outcome.diagnostics);
    let Some(evaluation) = outcome.evaluation else {
        return out.finish(&sources, &diags);
    };
    let rendered = match report::render(req.format, &evaluation, &data, &sources, template) {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return out.finish(&sources, &diags);
        }
    };
    if let Some(path) = &req.output {
        if let Err(d) = output::write_atomic(path, rendered.as_bytes()) {
            diags.push(d);
            return out.finish(&sources, &diags);
        }
    } else {
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(rendered.as_bytes())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            return ExitCode::from(EXIT_ERRORS);
        }
    }
    out.diagnostics(&sources, &diags);
    if has_errors(&diags) {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}
