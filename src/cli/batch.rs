//! `pfc eval FRAMEWORK INPUT --out DIR`: score every project of a folder, a
//! CSV file or an Excel workbook (docs/batch.md).
//!
//! A reader thread streams the input in chunks; each chunk is scored in
//! parallel (rayon) and its results are taken in input order, so the output
//! is the same whatever the number of threads. A writer thread takes the
//! scored chunks in that order while the next one is scored: it writes the
//! reports atomically as each chunk arrives, and the summary files last.

use super::interrupt::{self, EXIT_INTERRUPTED};
use super::{EXIT_ERRORS, EXIT_USAGE, Printer, load, output};
use crate::batch::columns::Columns;
use crate::batch::encoding::Encoding;
use crate::batch::summary::{Summary, Totals};
use crate::batch::{self, Chunk, Done, Input, ReadOptions, Scoring};
use crate::data::ProjectData;
use crate::report::Format;
use crate::source::SourceMap;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Projects scored together: enough to keep every core busy, few enough
/// that memory stays flat.
const CHUNK: usize = 512;

/// What a batch run was asked to do.
pub(crate) struct Request {
    pub framework: String,
    pub input: PathBuf,
    pub out: PathBuf,
    pub formats: Vec<Format>,
    pub template: Option<PathBuf>,
    pub strict: bool,
    pub sheets: SheetArgs,
    pub jobs: Option<usize>,
}

fn usage(message: &str, tip: &str) -> ExitCode {
    eprintln!("error: {message}\n\n  tip: {tip}\n\nFor more information, try 'pfc eval --help'.");
    ExitCode::from(EXIT_USAGE)
}

pub(crate) fn run(out: &Printer, req: &Request) -> ExitCode {
    if req.template.is_some() && !req.formats.iter().any(|f| f.is_templated()) {
        return usage(
            "`--template` applies to the md, html and docx reports, and none is asked for",
            "add `-f md`, `-f html` or `-f docx`",
        );
    }
    let input = Input::of(&req.input).unwrap_or_else(|| Input::File(req.input.clone()));
    let mut sources = SourceMap::new();
    let fw = match load::framework(&mut sources, &req.framework) {
        Ok(f) => f,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let (model, diags) = crate::compile(&mut sources, fw.file);
    let Some(model) = model else {
        return out.finish(&sources, &diags);
    };
    let template = match &req.template {
        Some(path) => match sources.load(path) {
            Ok(f) => Some(f),
            Err(d) => return out.finish(&sources, &[d]),
        },
        None => None,
    };
    let options = match req.sheets.read(&mut sources) {
        Ok(o) => o,
        Err(d) => return out.finish(&sources, &[d]),
    };
    let mut reader = match batch::open(&input, &options, &mut sources) {
        Ok(r) => r,
        Err(d) => return out.finish(&sources, &[d]),
    };
    out.diagnostics(&sources, &reader.warnings());
    // From here on the run writes into the output folder: Ctrl-C stops it
    // between chunks, so that its temporary files are removed.
    interrupt::catch();
    // A run that stops writes no summary; a folder it made for one and
    // left empty is removed too (one holding reports stays).
    let made_out = !req.out.exists();
    let unmake_out = || {
        if made_out {
            let _ = std::fs::remove_dir(&req.out);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&req.out) {
        let d = if req.out.is_file() {
            crate::diagnostic::Diagnostic::error(
                crate::diagnostic::Code::OutputWrite,
                format!(
                    "`{}` is a file: `--out` names the folder the reports and the summary go to",
                    req.out.display()
                ),
            )
            .with_hint("name a folder (pfc makes it if it is not there), or move the file away")
        } else {
            crate::diagnostic::Diagnostic::error(
                crate::diagnostic::Code::OutputWrite,
                format!("cannot create the folder `{}`: {e}", req.out.display()),
            )
            .with_hint("check the path and its permissions")
        };
        return out.finish(&sources, &[d]);
    }
    let grades = model.grades.iter().map(|g| g.name.clone()).collect();
    let mut summary = match Summary::create(
        &req.out,
        batch::part_names(&model),
        grades,
        model.rounding.places,
        model.language,
    ) {
        Ok(s) => s,
        Err(d) => {
            unmake_out();
            return out.finish(&sources, &[d]);
        }
    };
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(req.jobs.unwrap_or(0))
        .build()
    {
        Ok(p) => p,
        Err(e) => {
            drop(summary);
            unmake_out();
            return usage(&format!("cannot start threads: {e}"), "try `--jobs 1`");
        }
    };
    let bar = progress_bar(&input, reader.total());
    let scoring = Scoring {
        model: &model,
        sources: &sources,
        templates: fw.templates,
        template,
        formats: &req.formats,
        error_format: out.format,
    };

    let (tx, rx) = std::sync::mpsc::sync_channel::<Chunk>(2);
    // Scored chunks go to a writer thread in input order, so that writing
    // reports and the summary overlaps with scoring the next chunk.
    let (done_tx, done_rx) = std::sync::mpsc::sync_channel::<(Vec<Done>, u64)>(2);
    // Projects scored go back to the reader's thread, which reads the next
    // projects into their allocations or frees them: the allocator frees a
    // block on the thread that made it several times faster than on
    // another, and reusing it costs less still. Only projects sent come
    // back, so no more of them wait than are being scored.
    let (spent_tx, spent_rx) = std::sync::mpsc::channel::<Vec<Box<ProjectData>>>();
    let unused = reader.reuse(spent_rx);
    let (read_result, (summary, mut stop)) = std::thread::scope(|scope| {
        let reader_thread = scope.spawn(move || {
            let mut send = |chunk: Chunk| {
                if interrupt::interrupted() {
                    return false;
                }
                if let Some(spent) = &unused {
                    spent.try_iter().for_each(drop);
                }
                tx.send(chunk).is_ok()
            };
            reader.run(CHUNK, &mut send)
        });
        let writer_bar = bar.clone();
        let writer_thread = scope.spawn(move || {
            let stop = write_chunks(&done_rx, &mut summary, req, &writer_bar, out.format);
            (summary, stop)
        });
        for chunk in rx.iter() {
            if interrupt::interrupted() {
                break;
            }
            let progress = chunk.progress;
            let (dones, spent): (Vec<Done>, Vec<Option<Box<ProjectData>>>) = pool.install(|| {
                chunk
                    .items
                    .into_par_iter()
                    .map_init(
                        || sources.clone(),
                        |scratch, item| scoring.score(item, scratch),
                    )
                    .unzip()
            });
            // Once the reader is done, nobody takes them: freed here.
            let _ = spent_tx.send(spent.into_iter().flatten().collect());
            // The writer stopped (`--strict`, or output that cannot be written).
            if done_tx.send((dones, progress)).is_err() {
                break;
            }
        }
        drop(rx);
        drop(done_tx);
        let written = writer_thread.join();
        let read = reader_thread.join();
        (
            read,
            written.unwrap_or_else(|e| std::panic::resume_unwind(e)),
        )
    });
    bar.finish_and_clear();
    let read_result = match read_result {
        Ok(r) => r,
        Err(_) => Err(crate::diagnostic::Diagnostic::error(
            crate::diagnostic::Code::FileUnreadable,
            format!("reading `{}` stopped unexpectedly", req.input.display()),
        )),
    };
    if let Err(d) = read_result {
        stop.get_or_insert(Stop::Fatal(d));
    }
    // Ctrl-C ends the reading and the writing early without an error of
    // their own: what they did is not the whole input.
    if interrupt::interrupted() && !matches!(stop, Some(Stop::Fatal(_))) {
        stop = Some(Stop::Interrupted);
    }
    match stop {
        Some(Stop::Fatal(d)) => {
            drop(summary);
            unmake_out();
            out.diagnostics(&sources, &[d]);
            eprintln!("error: stopped; no summary was written");
            ExitCode::from(EXIT_ERRORS)
        }
        Some(Stop::Strict) => {
            let t = summary.totals().clone();
            drop(summary);
            unmake_out();
            eprintln!(
                "error: stopped at the first project that could not be scored (--strict), after {} scored; no summary was written",
                t.scored
            );
            ExitCode::from(EXIT_ERRORS)
        }
        Some(Stop::Interrupted) => {
            let scored = summary.totals().scored;
            drop(summary);
            unmake_out();
            let reports = if req.formats.is_empty() || scored == 0 {
                ""
            } else {
                "; the reports written are complete"
            };
            eprintln!(
                "error: interrupted after {scored} projects were scored; no summary was written{reports}"
            );
            ExitCode::from(EXIT_INTERRUPTED)
        }
        // A header with no rows below it (or only empty ones) is most
        // likely the wrong file or sheet: an error, as an empty file is.
        None if summary.totals().scored + summary.totals().failed == 0 => {
            drop(summary);
            unmake_out();
            let name = req.input.display().to_string();
            out.diagnostics(
                &sources,
                &[crate::diagnostic::Diagnostic::error(
                    crate::diagnostic::Code::EmptyFile,
                    format!("`{name}` holds no project: no row below its header"),
                )
                .with_location(name)
                .with_hint("one row per indicator follows the header row: see docs/batch.md")],
            );
            eprintln!("error: nothing to score; no summary was written");
            ExitCode::from(EXIT_ERRORS)
        }
        None => match summary.finish() {
            Ok((totals, written)) => {
                print_totals(&req.input, &totals, &written, &req.formats);
                if totals.failed > 0 {
                    eprintln!(
                        "error: {} of {} projects could not be scored (see above)",
                        totals.failed,
                        totals.failed + totals.scored
                    );
                    ExitCode::from(EXIT_ERRORS)
                } else {
                    ExitCode::SUCCESS
                }
            }
            Err(d) => out.finish(&sources, &[d]),
        },
    }
}

/// Take scored chunks in order: refuse report names already taken, write
/// the reports, add each project to the summary, and print the failures.
/// Returns why it stopped early, if it did.
fn write_chunks(
    chunks: &std::sync::mpsc::Receiver<(Vec<Done>, u64)>,
    summary: &mut Summary,
    req: &Request,
    bar: &ProgressBar,
    format: crate::render::ErrorFormat,
) -> Option<Stop> {
    // Report file names written so far (only when reports are asked for),
    // so that two ids with the same file name cannot overwrite, nor a
    // project called `summary` the summary. Compared in lower case: on
    // Windows and macOS `A1.json` and `a1.json` are one file.
    let mut names: std::collections::HashSet<String> =
        Summary::FILES.iter().map(|f| (*f).to_owned()).collect();
    for (mut dones, progress) in chunks.iter() {
        if interrupt::interrupted() {
            return Some(Stop::Interrupted);
        }
        for done in &mut dones {
            // A project that fails here writes none of its reports: it
            // keeps none of their names either.
            let taken = done
                .reports
                .iter()
                .map(|(n, _)| n)
                .find(|n| names.contains(&n.to_lowercase()))
                .cloned();
            match taken {
                Some(name) => {
                    let summary = Summary::FILES.iter().any(|f| f.eq_ignore_ascii_case(&name));
                    done.name_taken(&name, summary, format);
                }
                None => names.extend(done.reports.iter().map(|(n, _)| n.to_lowercase())),
            }
        }
        // Under --strict nothing after the first failure counts.
        let first_failure = dones.iter().position(|d| d.result.is_err());
        let keep = match first_failure {
            Some(i) if req.strict => i + 1,
            _ => dones.len(),
        };
        if let Err(d) = write_reports(&req.out, &dones[..keep]) {
            return Some(Stop::Fatal(d));
        }
        for done in &dones[..keep] {
            if let Err(f) = &done.result {
                bar.suspend(|| eprint!("{}", f.rendered));
            }
            if let Err(d) = summary.add(done) {
                return Some(Stop::Fatal(d));
            }
        }
        if req.strict && first_failure.is_some() {
            return Some(Stop::Strict);
        }
        bar.set_position(progress);
        let t = summary.totals();
        bar.set_message(format!("{} projects", t.scored + t.failed));
    }
    None
}

enum Stop {
    /// `--strict` and a project failed.
    Strict,
    /// The input or the output broke.
    Fatal(crate::diagnostic::Diagnostic),
    /// Ctrl-C.
    Interrupted,
}

/// Write the reports of these projects, each replacing its file atomically.
/// One after the other, on the writer thread: two threads creating files in
/// one folder spend their time waiting for each other in the kernel (about
/// four times the system time of one, measured on ext4).
fn write_reports(
    dir: &std::path::Path,
    dones: &[Done],
) -> Result<(), crate::diagnostic::Diagnostic> {
    dones
        .iter()
        .flat_map(|d| d.reports.iter())
        .try_for_each(|(name, bytes)| output::write_replacing_unsynced(&dir.join(name), bytes))
}

fn progress_bar(input: &Input, total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, template) = match (input, total) {
        (Input::Csv(_), Some(t)) => (
            ProgressBar::new(t),
            "{bar:40} {bytes}/{total_bytes} · {msg} · {eta}",
        ),
        (_, Some(t)) => (ProgressBar::new(t), "{bar:40} {pos}/{len} files · {eta}"),
        (_, None) => (ProgressBar::new_spinner(), "{spinner} {pos} rows · {msg}"),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn print_totals(input: &std::path::Path, t: &Totals, written: &[PathBuf], formats: &[Format]) {
    let all = t.scored + t.failed;
    let failed = if t.failed > 0 {
        format!("; {} failed", t.failed)
    } else {
        String::new()
    };
    println!(
        "scored {} of {all} projects from {}{failed}",
        t.scored,
        input.display()
    );
    let mut grades: Vec<String> = t.grades.iter().map(|(g, n)| format!("{g} {n}")).collect();
    if t.ungraded > 0 {
        grades.push(format!("no grade {}", t.ungraded));
    }
    if !grades.is_empty() {
        println!("grades: {}", grades.join(" · "));
    }
    if !t.most_warnings.is_empty() {
        println!("most warnings:");
        for (n, id, name) in &t.most_warnings {
            println!("  {n:>3}  {id}  {name}");
        }
    }
    let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    if formats.is_empty() {
        println!(
            "wrote {} (no report per project: add e.g. `-f md` to write them)",
            files.join(", ")
        );
    } else {
        let names: Vec<&str> = formats.iter().map(|f| batch::extension(*f)).collect();
        println!(
            "wrote {} and {} report(s) per scored project ({})",
            files.join(", "),
            formats.len(),
            names.join(", ")
        );
    }
}

/// How the command line says to read a spreadsheet.
pub(crate) struct SheetArgs {
    /// `--columns`: the column mapping file.
    pub columns: Option<PathBuf>,
    /// `--encoding`.
    pub encoding: Encoding,
    /// `--sheet`.
    pub sheet: Option<String>,
}

impl SheetArgs {
    /// How to read a spreadsheet: the column mapping file, if any, read.
    pub(crate) fn read(
        &self,
        sources: &mut SourceMap,
    ) -> Result<ReadOptions, crate::diagnostic::Diagnostic> {
        let mut options = ReadOptions {
            encoding: self.encoding,
            sheet: self.sheet.clone(),
            ..ReadOptions::default()
        };
        if let Some(path) = &self.columns {
            let f = sources.load(path)?;
            let text = sources.get(f).text.clone();
            options.columns = Columns::from_toml(f, &path.display().to_string(), &text)?;
        }
        Ok(options)
    }
}

/// `--sheet`, `--encoding` or `--columns` given for an input that has no
/// use for it: a usage error, rather than an option silently ignored.
pub(crate) fn misapplied(data: &std::path::Path, sheets: &SheetArgs) -> Option<ExitCode> {
    let input = Input::of(data);
    let what = match &input {
        Some(Input::Csv(_)) => "a CSV file",
        Some(Input::Xlsx(_)) => "an Excel workbook",
        Some(Input::Folder(_)) => "a folder of data files",
        _ => "a data file",
    };
    let name = data.display();
    let (message, tip) = if sheets.sheet.is_some() && !matches!(input, Some(Input::Xlsx(_))) {
        (
            format!("`--sheet` picks a sheet of an Excel workbook, and `{name}` is {what}"),
            "drop `--sheet`",
        )
    } else if sheets.encoding != Encoding::Auto && !matches!(input, Some(Input::Csv(_))) {
        (
            format!("`--encoding` is the encoding of a CSV file, and `{name}` is {what}"),
            "drop `--encoding`: workbooks and data files are read in the encoding they say",
        )
    } else if sheets.columns.is_some() && !matches!(input, Some(Input::Csv(_) | Input::Xlsx(_))) {
        (
            format!("`--columns` maps the columns of a spreadsheet, and `{name}` is {what}"),
            "drop `--columns`: a data file names its fields as docs/data.md says",
        )
    } else {
        return None;
    };
    Some(usage(&message, tip))
}

/// What `--project ID` picks from, or why the command line cannot work.
pub(crate) fn pick_request(
    input: &std::path::Path,
    id: String,
    sheets: SheetArgs,
) -> Result<Pick, ExitCode> {
    match Input::of(input) {
        Some(input) => Ok(Pick { input, id, sheets }),
        None => Err(usage(
            &format!(
                "`--project` picks a project from a spreadsheet or a folder, and `{}` is one data file",
                input.display()
            ),
            "drop `--project` to score this file, or give the `.csv`/`.xlsx` file or folder it is in",
        )),
    }
}

/// One project of a batch input, for `pfc eval --project ID`.
pub(crate) struct Pick {
    pub input: Input,
    pub id: String,
    pub sheets: SheetArgs,
}

/// Whether DATA is a framework (a `.pf` file, or a folder with a
/// `framework.pf`): most likely the two arguments were given the wrong way
/// round, which would otherwise be read as TOML or as a folder of projects.
pub(crate) fn framework_as_data(framework: &str, data: &std::path::Path) -> Option<ExitCode> {
    let is_pf = data
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pf"));
    // A folder of projects may keep its framework beside them: only a
    // folder with a `framework.pf` and no data file is a framework's.
    let framework_folder = || {
        data.join("framework.pf").is_file()
            && std::fs::read_dir(data)
                .is_ok_and(|entries| !entries.flatten().any(|e| batch::is_data_file(&e.path())))
    };
    let is_framework = is_pf || (data.is_dir() && framework_folder());
    if !is_framework {
        return None;
    }
    let first = std::path::Path::new(framework);
    let swapped = batch::is_data_file(first)
        || matches!(Input::of(first), Some(Input::Csv(_) | Input::Xlsx(_)));
    Some(usage(
        &format!(
            "`{}` is a framework, given where the project data goes",
            data.display()
        ),
        &if swapped {
            format!(
                "the framework comes first: `pfc eval {} {framework}`",
                data.display()
            )
        } else {
            "the framework comes first, then the data: `pfc eval FRAMEWORK DATA`".to_owned()
        },
    ))
}

/// A batch needs `--out`; whether this eval is one.
pub(crate) fn is_batch(input: &std::path::Path, out: Option<&std::path::Path>) -> bool {
    out.is_some() || Input::of(input).is_some()
}

/// Why a batch command line cannot work, before anything is read.
pub(crate) fn usage_error(
    input: &std::path::Path,
    out: Option<&std::path::Path>,
    output: Option<&std::path::Path>,
) -> Option<ExitCode> {
    if out.is_none() {
        return Some(usage(
            &format!(
                "`{}` holds many projects: `pfc eval` needs `--out DIR` for the reports and the summary",
                input.display()
            ),
            "add e.g. `--out results/`",
        ));
    }
    if output.is_some() {
        return Some(usage(
            "`-o FILE` writes one report; a batch writes into the folder given with `--out`",
            "drop `-o` and choose the reports' formats with `-f`, e.g. `-f md -f json`",
        ));
    }
    None
}
