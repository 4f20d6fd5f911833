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
use crate::catalogue::batch::Batch;
use crate::catalogue::{Lang, Name};
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
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
    pub review: bool,
    pub strict: bool,
    /// `--fail-fast`: stop at the first project that cannot be scored.
    pub fail_fast: bool,
    pub sheets: SheetArgs,
    pub jobs: Option<usize>,
}

/// A command line that cannot work: said as clap says its errors, in
/// `lang`, with the exit code of a usage error.
fn usage(lang: Lang, message: Batch, tip: Batch) -> ExitCode {
    let text = Batch::BatchUsage {
        message: Box::new(message.into()),
        tip: Box::new(tip.into()),
    };
    eprintln!("{}", text.render(lang));
    ExitCode::from(EXIT_USAGE)
}

/// Print one line of the batch's own on standard error, in `lang`.
fn say(lang: Lang, line: Batch) {
    eprintln!("{}", line.render(lang));
}

pub(crate) fn run(out: &Printer, req: &Request) -> ExitCode {
    let lang = out.lang;
    if req.template.is_some() && !req.formats.iter().any(|f| f.is_templated()) {
        return usage(lang, Batch::UsageTemplateUnused, Batch::TipAddTemplated);
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
        let shown = Name::new(req.out.display().to_string());
        let d = if req.out.is_file() {
            Diagnostic::error(Code::OutputWrite, Batch::OutIsFile { out: shown })
                .with_hint(Batch::HintOutFolder)
        } else {
            Diagnostic::error(
                Code::OutputWrite,
                Batch::OutNotMade {
                    out: shown,
                    why: e.to_string().into(),
                },
            )
            .with_hint(Batch::HintOutPath)
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
            let why = Batch::NoThreads {
                why: e.to_string().into(),
            };
            return usage(lang, why, Batch::TipJobsOne);
        }
    };
    let bar = progress_bar(lang, &input, reader.total());
    let scoring = Scoring {
        model: &model,
        sources: &sources,
        templates: fw.templates,
        template,
        audience: if req.review {
            crate::report::Audience::Review
        } else {
            crate::report::Audience::Unit
        },
        formats: &req.formats,
        error_format: out.format,
        lang,
        strict: req.strict,
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
            let stop = write_chunks(&done_rx, &mut summary, req, &writer_bar, out);
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
            // The writer stopped (`--fail-fast`, or output that cannot be written).
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
        Err(_) => Err(Diagnostic::error(
            Code::FileUnreadable,
            Batch::ReadingStopped {
                input: Name::new(req.input.display().to_string()),
            },
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
            say(lang, Batch::StoppedNoSummary);
            ExitCode::from(EXIT_ERRORS)
        }
        Some(Stop::Strict) => {
            let scored = summary.totals().scored;
            drop(summary);
            unmake_out();
            say(lang, Batch::StoppedStrict { scored });
            ExitCode::from(EXIT_ERRORS)
        }
        Some(Stop::Interrupted) => {
            let scored = summary.totals().scored;
            drop(summary);
            unmake_out();
            say(
                lang,
                if req.formats.is_empty() || scored == 0 {
                    Batch::Interrupted { scored }
                } else {
                    Batch::InterruptedReports { scored }
                },
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
                &[Diagnostic::error(
                    Code::EmptyFile,
                    Batch::NoProject {
                        input: Name::new(&name),
                    },
                )
                .with_place(Place::file(name))
                .with_hint(Batch::HintRowsBelowHeader)],
            );
            say(lang, Batch::NothingToScore);
            ExitCode::from(EXIT_ERRORS)
        }
        None => match summary.finish() {
            Ok((totals, written)) => {
                print_totals(lang, &req.input, &totals, &written, &req.formats);
                if totals.failed > 0 {
                    say(
                        lang,
                        Batch::SomeFailed {
                            failed: totals.failed,
                            all: totals.failed + totals.scored,
                        },
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
    out: &Printer,
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
                    done.name_taken(&name, summary, out.format, out.lang);
                }
                None => names.extend(done.reports.iter().map(|(n, _)| n.to_lowercase())),
            }
        }
        // Under --fail-fast nothing after the first failure counts.
        let first_failure = dones.iter().position(|d| d.result.is_err());
        let keep = match first_failure {
            Some(i) if req.fail_fast => i + 1,
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
        if req.fail_fast && first_failure.is_some() {
            return Some(Stop::Strict);
        }
        bar.set_position(progress);
        let t = summary.totals();
        let count = t.scored + t.failed;
        bar.set_message(Batch::ProgressProjects { count }.render(out.lang));
    }
    None
}

enum Stop {
    /// `--fail-fast` and a project failed.
    Strict,
    /// The input or the output broke.
    Fatal(Diagnostic),
    /// Ctrl-C.
    Interrupted,
}

/// Write the reports of these projects, each replacing its file atomically.
/// One after the other, on the writer thread: two threads creating files in
/// one folder spend their time waiting for each other in the kernel (about
/// four times the system time of one, measured on ext4).
fn write_reports(dir: &std::path::Path, dones: &[Done]) -> Result<(), Diagnostic> {
    dones
        .iter()
        .flat_map(|d| d.reports.iter())
        .try_for_each(|(name, bytes)| output::write_replacing_unsynced(&dir.join(name), bytes))
}

fn progress_bar(lang: Lang, input: &Input, total: Option<u64>) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    // indicatif's placeholders around the catalogue's words.
    let (bar, template) = match (input, total) {
        (Input::Csv(_), Some(t)) => (
            ProgressBar::new(t),
            "{bar:40} {bytes}/{total_bytes} · {msg} · {eta}".to_owned(),
        ),
        (_, Some(t)) => (
            ProgressBar::new(t),
            format!(
                "{{bar:40}} {{pos}}/{{len}} {} · {{eta}}",
                Batch::ProgressFiles.render(lang)
            ),
        ),
        (_, None) => (
            ProgressBar::new_spinner(),
            format!(
                "{{spinner}} {{pos}} {} · {{msg}}",
                Batch::ProgressRows.render(lang)
            ),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style);
    }
    bar
}

fn print_totals(
    lang: Lang,
    input: &std::path::Path,
    t: &Totals,
    written: &[PathBuf],
    formats: &[Format],
) {
    let (scored, all) = (t.scored, t.scored + t.failed);
    let input = input.display().to_string();
    let line = if t.failed > 0 {
        Batch::ScoredOfFailed {
            scored,
            all,
            input,
            failed: t.failed,
        }
    } else {
        Batch::ScoredOf { scored, all, input }
    };
    println!("{}", line.render(lang));
    let mut grades: Vec<String> = t.grades.iter().map(|(g, n)| format!("{g} {n}")).collect();
    if t.ungraded > 0 {
        grades.push(Batch::NoGrade { count: t.ungraded }.render(lang));
    }
    if !grades.is_empty() {
        let grades = grades.join(" · ");
        println!("{}", Batch::GradesLine { grades }.render(lang));
    }
    if !t.most_warnings.is_empty() {
        println!("{}", Batch::MostWarnings.render(lang));
        for (n, id, name) in &t.most_warnings {
            println!("  {n:>3}  {id}  {name}");
        }
    }
    let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    let files = files.join(", ");
    let line = if formats.is_empty() {
        Batch::WroteNoReports { files }
    } else {
        let names: Vec<&str> = formats.iter().map(|f| batch::extension(*f)).collect();
        Batch::WroteReports {
            files,
            count: formats.len(),
            formats: names.join(", "),
        }
    };
    println!("{}", line.render(lang));
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
    pub(crate) fn read(&self, sources: &mut SourceMap) -> Result<ReadOptions, Diagnostic> {
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
pub(crate) fn misapplied(
    lang: Lang,
    data: &std::path::Path,
    sheets: &SheetArgs,
) -> Option<ExitCode> {
    let input = Input::of(data);
    let kind = Box::new(
        match &input {
            Some(Input::Csv(_)) => Batch::InputCsv,
            Some(Input::Xlsx(_)) => Batch::InputXlsx,
            Some(Input::Folder(_)) => Batch::InputFolder,
            _ => Batch::InputDataFile,
        }
        .into(),
    );
    let input_name = Name::new(data.display().to_string());
    let (message, tip) = if sheets.sheet.is_some() && !matches!(input, Some(Input::Xlsx(_))) {
        (
            Batch::SheetForOther {
                input: input_name,
                kind,
            },
            Batch::TipDropSheet,
        )
    } else if sheets.encoding != Encoding::Auto && !matches!(input, Some(Input::Csv(_))) {
        (
            Batch::EncodingForOther {
                input: input_name,
                kind,
            },
            Batch::TipDropEncoding,
        )
    } else if sheets.columns.is_some() && !matches!(input, Some(Input::Csv(_) | Input::Xlsx(_))) {
        (
            Batch::ColumnsForOther {
                input: input_name,
                kind,
            },
            Batch::TipDropColumns,
        )
    } else {
        return None;
    };
    Some(usage(lang, message, tip))
}

/// What `--project ID` picks from, or why the command line cannot work.
pub(crate) fn pick_request(
    lang: Lang,
    input: &std::path::Path,
    id: String,
    sheets: SheetArgs,
) -> Result<Pick, ExitCode> {
    match Input::of(input) {
        Some(input) => Ok(Pick { input, id, sheets }),
        None => Err(usage(
            lang,
            Batch::ProjectFromFile {
                input: Name::new(input.display().to_string()),
            },
            Batch::TipDropProject,
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
pub(crate) fn framework_as_data(
    lang: Lang,
    framework: &str,
    data: &std::path::Path,
) -> Option<ExitCode> {
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
    let shown = data.display().to_string();
    Some(usage(
        lang,
        Batch::FrameworkAsData {
            data: Name::new(&shown),
        },
        if swapped {
            Batch::TipFrameworkFirstSwapped {
                framework: framework.to_owned(),
                data: shown,
            }
        } else {
            Batch::TipFrameworkFirst
        },
    ))
}

/// A batch needs `--out`; whether this eval is one.
pub(crate) fn is_batch(input: &std::path::Path, out: Option<&std::path::Path>) -> bool {
    out.is_some() || Input::of(input).is_some()
}

/// Why a batch command line cannot work, before anything is read.
pub(crate) fn usage_error(
    lang: Lang,
    input: &std::path::Path,
    out: Option<&std::path::Path>,
    output: Option<&std::path::Path>,
) -> Option<ExitCode> {
    if out.is_none() {
        return Some(usage(
            lang,
            Batch::NeedsOut {
                input: Name::new(input.display().to_string()),
            },
            Batch::TipAddOut,
        ));
    }
    if output.is_some() {
        return Some(usage(lang, Batch::OutputWithBatch, Batch::TipDropOutput));
    }
    None
}
