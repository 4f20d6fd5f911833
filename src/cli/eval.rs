//! `pfc eval`.

use super::usage::UsageError;
use super::{EXIT_ERRORS, Printer, load, output};
use crate::catalogue::cli::Cli;
use crate::diagnostic::has_errors;
use crate::report::{self, Format};
use crate::source::SourceMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `pfc eval` was asked to do.
pub(crate) struct Request {
    pub framework: String,
    pub data: PathBuf,
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    pub template: Option<PathBuf>,
    /// `--review`: the reviewer's report.
    pub review: bool,
    /// `--project ID`: the data is this project of a batch input.
    pub pick: Option<super::batch::Pick>,
    /// `--strict`: departures from the framework are errors.
    pub strict: bool,
}

/// The format: as given, else from the output file's extension, else text.
fn format_of(req: &Request) -> Format {
    req.format
        .or_else(|| format_of_extension(output_extension(req)))
        .unwrap_or(Format::Text)
}

/// The extension of `-o FILE`, if it has one.
fn output_extension(req: &Request) -> Option<&str> {
    req.output
        .as_deref()
        .and_then(Path::extension)
        .and_then(|e| e.to_str())
}

/// The format an extension of `-o FILE` names: text for `.txt` or none;
/// `None` for an extension pfc does not write (`.pdf`).
fn format_of_extension(ext: Option<&str>) -> Option<Format> {
    match ext.map(str::to_ascii_lowercase).as_deref() {
        None | Some("txt" | "text") => Some(Format::Text),
        Some("md" | "markdown") => Some(Format::Md),
        Some("html" | "htm") => Some(Format::Html),
        Some("json") => Some(Format::Json),
        Some("xlsx") => Some(Format::Xlsx),
        Some("docx") => Some(Format::Docx),
        Some(_) => None,
    }
}

/// Combinations of options that cannot work, found before any file is read.
fn usage_error(req: &Request, format: Format) -> Option<UsageError> {
    let name = format.name().to_owned();
    let usage = |message: Cli| UsageError::new("pfc eval", message);
    // `-o 自评表.pdf` would otherwise be text in a file that says PDF.
    if req.format.is_none()
        && let Some(ext) = output_extension(req)
        && format_of_extension(Some(ext)).is_none()
    {
        let ext = format!(".{ext}").into();
        return Some(usage(Cli::NoSuchOutput { ext }).tip(Cli::TipOutputs));
    }
    if format.is_binary() && req.output.is_none() {
        let what = match format {
            Format::Xlsx => Cli::AnExcelWorkbook,
            _ => Cli::AWordDocument,
        };
        let message = Cli::BinaryNeedsOutput {
            format: name.clone(),
            what: Box::new(what.into()),
        };
        return Some(usage(message).tip(Cli::TipOutputFile { format: name }));
    }
    if req.template.is_some() && !format.is_templated() {
        let message = Cli::TemplateNotApplicable { format: name };
        return Some(usage(message).tip(Cli::TipTemplatedFormats));
    }
    None
}

pub(crate) fn run(out: &Printer, req: &Request) -> ExitCode {
    let format = format_of(req);
    if let Some(error) = usage_error(req, format) {
        return out.usage(error);
    }
    let mut sources = SourceMap::new();
    let fw = match load::framework(&mut sources, &req.framework) {
        Ok(f) => f,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let (model, mut diags) = crate::compile(&mut sources, fw.file);
    let Some(model) = model else {
        return out.finish(&sources, &diags);
    };
    let mut fw = fw;
    if let Some(parent) = &model.extends {
        load::inherit_templates(&mut sources, fw.file, parent, &mut fw.templates);
    }
    // Framework warnings matter to `pfc check`; an evaluator sees them there.
    diags.clear();
    let data = match &req.pick {
        Some(pick) => match picked(&mut sources, pick) {
            Ok(d) => d,
            Err(errors) => return out.finish(&sources, &errors),
        },
        None => match sources
            .load(&req.data)
            .and_then(|f| crate::data::load(&sources, f))
        {
            Ok(d) => d,
            Err(d) => return out.finish(&sources, &[d]),
        },
    };
    let template = match &req.template {
        Some(path) => match sources.load(path) {
            Ok(f) => Some(f),
            Err(d) => return out.finish(&sources, &[d]),
        },
        None => fw.templates.for_format(format),
    };
    let options = crate::eval::Options {
        strict: req.strict,
        ..crate::eval::Options::default()
    };
    let mut outcome = crate::eval::evaluate_opts(&model, &data, options);
    if data.from_spreadsheet() {
        crate::batch::sheet_hints(&model, &data, &mut outcome);
    }
    diags.extend(outcome.diagnostics);
    let Some(evaluation) = outcome.evaluation else {
        return out.finish(&sources, &diags);
    };
    let audience = if req.review {
        report::Audience::Review
    } else {
        report::Audience::Unit
    };
    let rendered = match report::render_for(audience, format, &evaluation, &mut sources, template) {
        Ok(r) => r,
        Err(errors) => {
            diags.extend(errors);
            return out.finish(&sources, &diags);
        }
    };
    if let Some(path) = &req.output {
        if let Err(d) = output::write_atomic(path, &rendered) {
            diags.push(d);
            return out.finish(&sources, &diags);
        }
    } else {
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(&rendered)
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

/// The project `--project` names, read from its batch input.
fn picked(
    sources: &mut SourceMap,
    pick: &super::batch::Pick,
) -> Result<crate::data::ProjectData, Vec<crate::diagnostic::Diagnostic>> {
    let options = pick.sheets.read(sources).map_err(|d| vec![d])?;
    crate::batch::pick(&pick.input, &options, sources, &pick.id)
}
