//! Batch evaluation: every project of a folder of data files, a CSV file or
//! an Excel workbook, scored with one framework (docs/batch.md).
//!
//! The input is read as a stream of [`Item`]s by a [`Reader`] (one per kind
//! of input), in chunks of bounded size: memory does not grow with the
//! number of projects. A spreadsheet has one row per indicator; consecutive
//! rows with the same 项目编号 make a project (`group.rs`), which becomes a
//! [`ProjectData`] whose diagnostics name `file: row N, column X`. Each item
//! is scored by [`Scoring::score`] — in parallel, by the caller — into a [`Done`]
//! that carries what the summary needs and the rendered reports; the caller
//! keeps the input order. [`summary::Summary`] streams `summary.csv`,
//! `summary.xlsx` and `findings.csv` to temporary files and renames them
//! into place at the end.

pub mod columns;
mod csvfile;
pub mod encoding;
pub mod generate;
mod group;
mod pick;
pub mod summary;
mod xlsxfile;

use crate::catalogue::batch::{Batch, Unread, UnreadList};
use crate::catalogue::common::Common;
use crate::catalogue::{Lang, Name};
use crate::check::model::{InputDecl, InputSource, Model};
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::eval::Outcome;
use crate::eval::result::{Finding, Points};
use crate::exact::Exact;
use crate::place::Place;
use crate::render::{self, ErrorFormat};
use crate::report::{self, Format, FrameworkTemplates};
use crate::source::SourceMap;
use columns::{Columns, Field};
use encoding::Encoding;
pub use pick::pick;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

/// What kind of input a path is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A folder of `.toml` and `.json` data files.
    Folder(PathBuf),
    /// A CSV file, one row per indicator.
    Csv(PathBuf),
    /// An Excel workbook, one row per indicator.
    Xlsx(PathBuf),
    /// One `.toml` or `.json` data file.
    File(PathBuf),
}

impl Input {
    /// The batch input a path names: a folder, a `.csv` or an `.xlsx` file;
    /// `None` for a single data file.
    pub fn of(path: &Path) -> Option<Input> {
        if path.is_dir() {
            return Some(Input::Folder(path.to_owned()));
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("csv") => Some(Input::Csv(path.to_owned())),
            // A workbook with macros is an `.xlsx` inside; the macros are
            // not read.
            Some("xlsx" | "xlsm") => Some(Input::Xlsx(path.to_owned())),
            _ => None,
        }
    }

    /// Why `path` cannot be read at all: a spreadsheet in a format other
    /// than `.xlsx` (an `.xls` from an older budget system, say), which
    /// would otherwise be read as a TOML data file and fail as text.
    pub fn unreadable(path: &Path) -> Option<Diagnostic> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        // The kind, and the "save as" choice of the program that opens it.
        let (kind, menu) = match ext.as_str() {
            "xls" => (Batch::KindXls, Batch::MenuExcelWorkbook),
            "xlsb" => (Batch::KindXlsb, Batch::MenuExcelWorkbook),
            "et" | "ett" => (Batch::KindEt, Batch::MenuWpsExcel),
            "ods" => (Batch::KindOds, Batch::MenuOdsExcel),
            _ => return None,
        };
        let name = path.display().to_string();
        Some(
            Diagnostic::error(
                Code::FileUnreadable,
                Batch::UnreadableKind {
                    file: Name::new(&name),
                    kind: Box::new(kind.into()),
                },
            )
            .with_place(Place::file(name))
            .with_hint(Batch::HintSaveAsXlsx {
                menu: Box::new(menu.into()),
            }),
        )
    }

    /// The path it was named by.
    pub fn path(&self) -> &Path {
        match self {
            Input::Folder(p) | Input::Csv(p) | Input::Xlsx(p) | Input::File(p) => p,
        }
    }
}

/// How to read a spreadsheet.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Which column is which.
    pub columns: Columns,
    /// The CSV file's encoding.
    pub encoding: Encoding,
    /// The workbook's sheet (default: the first).
    pub sheet: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            columns: Columns::default(),
            encoding: Encoding::Auto,
            sheet: None,
        }
    }
}

/// One project to score, as read.
#[derive(Debug)]
pub enum Item {
    /// A project made from spreadsheet rows.
    Sheet {
        /// The project.
        data: Box<ProjectData>,
        /// Its rows in the spreadsheet.
        source: Place,
        /// Its number of indicator rows.
        rows: u64,
    },
    /// A data file of a folder, and the project's id (the file name
    /// without extension, or with it when two files share a stem); read by
    /// whoever scores it.
    File(PathBuf, String),
    /// Rows that could not be made into a project.
    Broken {
        /// The project id.
        id: String,
        /// Its rows in the spreadsheet.
        source: Place,
        /// 项目名称, if read.
        name: String,
        /// 实施单位, if read.
        unit: String,
        /// Why.
        diagnostics: Vec<Diagnostic>,
        /// Its number of indicator rows.
        rows: u64,
    },
}

/// Items read together.
#[derive(Debug)]
pub struct Chunk {
    /// The projects, in input order.
    pub items: Vec<Item>,
    /// How far the reader is, in the units of [`Reader::total`] (bytes of a
    /// CSV file, files of a folder, rows of a workbook).
    pub progress: u64,
    /// Spreadsheet rows (or files) read for this chunk.
    pub rows: u64,
}

/// A stream of projects.
pub trait Reader: Send {
    /// The size of the input in progress units, when known up front.
    fn total(&self) -> Option<u64>;

    /// What to say about the input before it is read (none by default).
    fn warnings(&self) -> Vec<Diagnostic> {
        Vec::new()
    }

    /// Where the projects of chunks done with come back, on the thread
    /// that reads, for the reader to read the next projects into their
    /// allocations. Returns `spent` when the reader does not reuse them:
    /// `send` should then free what came back, on the thread that made it
    /// (an allocator frees a block fastest there).
    fn reuse(
        &mut self,
        spent: Receiver<Vec<Box<ProjectData>>>,
    ) -> Option<Receiver<Vec<Box<ProjectData>>>> {
        Some(spent)
    }

    /// Read everything, handing over chunks of at most `max` items in
    /// order; stop when `send` returns false. An error stops the stream
    /// (an unreadable file, a broken workbook); problems of single projects
    /// are [`Item::Broken`] items instead.
    fn run(
        self: Box<Self>,
        max: usize,
        send: &mut dyn FnMut(Chunk) -> bool,
    ) -> Result<(), Diagnostic>;
}

/// Open a batch input; the header row of a spreadsheet is checked here, so
/// that a wrong file fails before anything is written. A spreadsheet is
/// added to `sources` (without its text) so that projects can refer to it.
pub fn open(
    input: &Input,
    options: &ReadOptions,
    sources: &mut SourceMap,
) -> Result<Box<dyn Reader>, Diagnostic> {
    match input {
        Input::Folder(dir) => Ok(Box::new(FolderReader::open(dir)?)),
        Input::File(path) => Ok(Box::new(FolderReader {
            files: file_ids(vec![path.clone()]),
            unread: None,
        })),
        Input::Csv(path) => {
            let file = sources.add(path.display().to_string(), String::new());
            Ok(Box::new(csvfile::CsvReader::open(
                path,
                file,
                &options.columns,
                options.encoding,
            )?))
        }
        Input::Xlsx(path) => {
            let file = sources.add(path.display().to_string(), String::new());
            Ok(Box::new(xlsxfile::XlsxReader::open(
                path,
                file,
                &options.columns,
                options.sheet.as_deref(),
            )?))
        }
    }
}

/// The data files of a folder, by name, with their project ids.
struct FolderReader {
    files: Vec<(PathBuf, String)>,
    /// What else in the folder holds projects (see [`unread`]).
    unread: Option<Diagnostic>,
}

/// Project ids for data files: the file name without its extension, unless
/// two files share it (`a.toml`, `a.json`): then the whole file name.
fn file_ids(files: Vec<PathBuf>) -> Vec<(PathBuf, String)> {
    let stem = |p: &Path| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let stems: Vec<String> = files.iter().map(|p| stem(p)).collect();
    files
        .into_iter()
        .zip(&stems)
        .map(|(p, s)| {
            let shared = stems.iter().filter(|t| *t == s).count() > 1;
            let id = if shared {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            } else {
                s.clone()
            };
            (p, id)
        })
        .collect()
}

/// Whether `path` is named as a project data file: `.toml` or `.json`.
pub(crate) fn is_data_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("toml") || e.eq_ignore_ascii_case("json"))
}

impl FolderReader {
    fn open(dir: &Path) -> Result<FolderReader, Diagnostic> {
        let shown = dir.display().to_string();
        let entries = std::fs::read_dir(dir).map_err(|e| {
            Diagnostic::error(
                Code::FileUnreadable,
                Common::FileUnreadableOs {
                    file: Name::new(&shown),
                    why: e.to_string().into(),
                },
            )
        })?;
        let (mut files, others): (Vec<PathBuf>, Vec<PathBuf>) = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .partition(|p| p.is_file() && is_data_file(p));
        let listed = unread(others);
        let folder = Name::new(&shown);
        if files.is_empty() {
            let d = Diagnostic::error(
                Code::FileUnreadable,
                Batch::FolderNoDataFile {
                    folder: folder.clone(),
                },
            );
            // What it does hold, if any: most likely what was meant.
            return Err(match listed {
                Some(listed) => d
                    .with_note(Batch::NoteFolderHolds { folder, listed })
                    .with_hint(Batch::HintNameItself),
                None => d.with_hint(Batch::HintNameBatchInput),
            });
        }
        files.sort();
        Ok(FolderReader {
            files: file_ids(files),
            unread: listed.map(|listed| {
                Diagnostic::warning(Code::NotRead, Batch::FolderAlsoHolds { folder, listed })
                    .with_note(Batch::NoteFolderReads)
                    .with_hint(Batch::HintRunEach)
            }),
        })
    }
}

/// What else in a folder holds projects, which a folder batch does not
/// read: spreadsheets, and sub-folders with data files (but not one pfc
/// wrote its results to). Other files (notes, a framework) are nobody's
/// projects and pass without a word.
fn unread(mut others: Vec<PathBuf>) -> Option<UnreadList> {
    others.sort();
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let data_files = |dir: &Path| {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return 0;
        };
        let paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        if paths.iter().any(|p| name(p) == "summary.csv") {
            return 0;
        }
        paths
            .iter()
            .filter(|p| p.is_file() && is_data_file(p))
            .count()
    };
    let listed: Vec<Unread> = others
        .iter()
        .filter_map(|p| {
            if p.is_dir() {
                match data_files(p) {
                    0 => None,
                    files => Some(Unread::Folder {
                        name: Name::new(format!("{}/", name(p))),
                        files,
                    }),
                }
            } else if Input::of(p).is_some() || Input::unreadable(p).is_some() {
                Some(Unread::File(Name::new(name(p))))
            } else {
                None
            }
        })
        .collect();
    (!listed.is_empty()).then_some(UnreadList(listed))
}

impl Reader for FolderReader {
    fn total(&self) -> Option<u64> {
        Some(self.files.len() as u64)
    }

    fn warnings(&self) -> Vec<Diagnostic> {
        self.unread.iter().cloned().collect()
    }

    fn run(
        self: Box<Self>,
        max: usize,
        send: &mut dyn FnMut(Chunk) -> bool,
    ) -> Result<(), Diagnostic> {
        let mut done = 0u64;
        let mut files = self.files.into_iter().peekable();
        while files.peek().is_some() {
            let items: Vec<Item> = files
                .by_ref()
                .take(max)
                .map(|(path, id)| Item::File(path, id))
                .collect();
            done += items.len() as u64;
            let rows = items.len() as u64;
            if !send(Chunk {
                items,
                progress: done,
                rows,
            }) {
                break;
            }
        }
        Ok(())
    }
}

/// What scoring needs, shared by every project of a run.
pub struct Scoring<'a> {
    /// The framework.
    pub model: &'a Model,
    /// The framework's files (and the spreadsheet's entry).
    pub sources: &'a SourceMap,
    /// The framework's report templates.
    pub templates: FrameworkTemplates,
    /// A template given with `--template`, already in `sources`.
    pub template: Option<crate::span::FileId>,
    /// Whom the reports are for (`--review`).
    pub audience: report::Audience,
    /// The report formats to write for each project (none: summary only).
    pub formats: &'a [Format],
    /// How failures are rendered.
    pub error_format: ErrorFormat,
    /// The language failures are rendered in (the terminal's).
    pub lang: Lang,
    /// `--strict`: departures from the framework are errors.
    pub strict: bool,
}

/// A scored (or failed) project: what the summary and the console need.
#[derive(Debug)]
pub struct Done {
    /// 项目编号 (a folder's file name without extension).
    pub id: String,
    /// 项目名称.
    pub name: String,
    /// 实施单位.
    pub unit: String,
    /// Where it was read: `data.csv: rows 2–9`, or the data file.
    pub source: Place,
    /// Indicator rows.
    pub rows: u64,
    /// The result.
    pub result: Result<Scored, Failed>,
    /// The reports to write, as (file name, contents).
    pub reports: Vec<(String, Vec<u8>)>,
}

/// The figures of a scored project.
#[derive(Debug)]
pub struct Scored {
    /// The total.
    pub total: Points,
    /// The grade.
    pub grade: Option<String>,
    /// The score of each top-level part, in the framework's order.
    pub parts: Vec<Points>,
    /// 执行率 (a fraction: `0.9873` is 98.73%), if the project has funds.
    pub rate: Option<Exact>,
    /// The warnings found, in the order the engine gives them.
    pub warnings: Vec<Found>,
}

/// Why a project was not scored.
#[derive(Debug)]
pub struct Failed {
    /// The errors, rendered (for the terminal).
    pub rendered: String,
    /// Number of errors.
    pub errors: usize,
    /// The errors, then any warnings (for `findings.csv`).
    pub findings: Vec<Found>,
}

impl Failed {
    /// The first error (for the summary).
    pub fn first(&self) -> Option<&Diagnostic> {
        self.findings
            .first()
            .map(|f| &f.diagnostic)
            .filter(|d| d.is_error())
    }
}

/// A finding of a project as `findings.csv` lists it: its diagnostic and,
/// for one that points into a data file, the line and column it points at
/// (`caidian.toml:12:10: indicators[4].actual`).
#[derive(Debug)]
pub struct Found {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// The line and column in the file of its place, when known.
    pub line_col: Option<(usize, usize)>,
}

impl Found {
    /// A finding placed at the line and column of what its primary label
    /// points at, when that is in the file of its place. A diagnostic
    /// without a place (a data file that is not valid TOML) is placed in
    /// its label's file. Spreadsheet places already name their row and
    /// column, and a place in a data file that the label is not in (it
    /// points into the framework) stays as it is.
    pub fn new(sources: &SourceMap, mut diagnostic: Diagnostic) -> Found {
        let file = diagnostic
            .labels
            .iter()
            .find(|l| l.primary)
            .and_then(|label| {
                let file = sources.files().get(label.span.file.0 as usize)?;
                Some((file, label.span.start as usize))
            });
        let Some((file, start)) = file else {
            return Found {
                diagnostic,
                line_col: None,
            };
        };
        match &diagnostic.place {
            Some(place) if place.file_name() != file.name => {
                return Found {
                    diagnostic,
                    line_col: None,
                };
            }
            Some(_) => {}
            None => diagnostic.place = Some(Place::file(file.name.clone())),
        }
        Found {
            line_col: Some(render::line_col(&file.text, start)),
            diagnostic,
        }
    }

    /// Where it is, in `lang`, with its line and column when known.
    pub fn place_text(&self, lang: Lang) -> Option<String> {
        self.diagnostic
            .place
            .as_ref()
            .map(|p| p.render_at(lang, self.line_col))
    }
}

/// A file name for a project's report: the id with characters that cannot
/// be in a file name replaced, and made a name every system takes as an
/// ordinary file: not hidden (a leading `.`), no trailing dots or spaces,
/// none of Windows' device names (`CON`, `NUL`, `COM1` …, with any
/// extension).
pub fn file_stem(id: &str) -> String {
    let s: String = id
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '\0' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let s = s.trim().trim_end_matches(['.', ' ']);
    let device = s
        .split('.')
        .next()
        .map(|base| base.trim_end().to_ascii_uppercase())
        .is_some_and(|base| {
            matches!(base.as_str(), "CON" | "PRN" | "AUX" | "NUL")
                || (base.len() == 4
                    && (base.starts_with("COM") || base.starts_with("LPT"))
                    && base.as_bytes()[3].is_ascii_digit())
        });
    if s.is_empty() || s.starts_with('.') || device {
        format!("_{s}")
    } else {
        s.to_owned()
    }
}

impl Done {
    /// Fail this project because its reports would overwrite those of an
    /// earlier project (two ids that differ only in characters a file
    /// name cannot hold, such as `A/1` and `A:1`) or, when `summary`, a
    /// file of the summary (a project with the id `summary` and `-f xlsx`).
    pub fn name_taken(&mut self, name: &str, summary: bool, format: ErrorFormat, lang: Lang) {
        let (report, project) = (Name::new(name), Name::new(&self.id));
        let message = if summary {
            Batch::ReportReplacesSummary { report, project }
        } else {
            Batch::ReportReplacesEarlier { report, project }
        };
        let d = Diagnostic::error(Code::DataShape, message)
            .with_place(self.source.clone())
            .with_hint(Batch::HintOwnId);
        self.reports.clear();
        self.result = Err(Failed {
            rendered: render::to_string(&SourceMap::new(), std::slice::from_ref(&d), format, lang),
            errors: 1,
            findings: vec![Found {
                diagnostic: d,
                line_col: None,
            }],
        });
    }
}

/// The file extension of a report format.
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Text => "txt",
        other => other.name(),
    }
}

impl Scoring<'_> {
    /// Score one item. `scratch` is a copy of [`Scoring::sources`] this
    /// thread may add to (report templates, a folder's data file); it is
    /// reset before each folder file. A project read from a spreadsheet is
    /// handed back with the result, for the reader's thread to free: the
    /// allocator frees a block fastest on the thread that made it.
    pub fn score(&self, item: Item, scratch: &mut SourceMap) -> (Done, Option<Box<ProjectData>>) {
        match item {
            Item::Sheet { data, source, rows } => {
                let id = data.raw.project.code.clone();
                let done = self.score_data(id, &data, source, rows, scratch);
                (done, Some(data))
            }
            Item::File(path, id) => (self.score_file(&path, id, scratch), None),
            Item::Broken {
                id,
                source,
                name,
                unit,
                diagnostics,
                rows,
            } => {
                let done = Done {
                    id,
                    name,
                    unit,
                    source,
                    rows,
                    result: Err(self.failed(scratch, diagnostics)),
                    reports: Vec::new(),
                };
                (done, None)
            }
        }
    }

    fn score_file(&self, path: &Path, id: String, scratch: &mut SourceMap) -> Done {
        scratch.clone_from(self.sources);
        let loaded = scratch
            .load(path)
            .and_then(|f| crate::data::load(scratch, f));
        match loaded {
            Ok(data) => {
                let source = Place::file(data.file_name.clone());
                self.score_data(id, &data, source, 1, scratch)
            }
            Err(d) => Done {
                id,
                name: String::new(),
                unit: String::new(),
                source: Place::file(path.display().to_string()),
                rows: 1,
                result: Err(self.failed(scratch, vec![d])),
                reports: Vec::new(),
            },
        }
    }

    /// Score a project read from a spreadsheet (`source` is its rows) or
    /// from a data file (`source` is the file).
    fn score_data(
        &self,
        id: String,
        data: &ProjectData,
        source: Place,
        rows: u64,
        scratch: &mut SourceMap,
    ) -> Done {
        let sheet = data.from_spreadsheet();
        // Without reports, nothing reads the explanations: build none.
        let detail = if self.formats.is_empty() {
            crate::eval::Detail::Scores
        } else {
            crate::eval::Detail::Full
        };
        let options = crate::eval::Options {
            detail,
            strict: self.strict,
        };
        let mut outcome = crate::eval::evaluate_opts(self.model, data, options);
        if sheet {
            sheet_hints(self.model, data, &mut outcome);
        }
        let mut done = Done {
            id,
            name: data.raw.project.name.clone(),
            unit: data.raw.project.unit.clone(),
            source,
            rows,
            result: Err(Failed {
                rendered: String::new(),
                errors: 0,
                findings: Vec::new(),
            }),
            reports: Vec::new(),
        };
        let Some(evaluation) = outcome.evaluation else {
            done.result = Err(self.failed(scratch, outcome.diagnostics));
            return done;
        };
        for &format in self.formats {
            let template = if format.is_templated() {
                self.template.or(self.templates.for_format(format))
            } else {
                None
            };
            match report::render_for(self.audience, format, &evaluation, scratch, template) {
                Ok(bytes) => done.reports.push((
                    format!("{}.{}", file_stem(&done.id), extension(format)),
                    bytes,
                )),
                Err(errors) => {
                    done.reports.clear();
                    done.result = Err(self.failed(scratch, errors));
                    return done;
                }
            }
        }
        // The evaluation's findings are its diagnostics, one for one, all
        // warnings; only a data file has lines and columns to add.
        let warnings = outcome
            .diagnostics
            .into_iter()
            .map(|d| {
                if sheet {
                    Found {
                        diagnostic: d,
                        line_col: None,
                    }
                } else {
                    Found::new(scratch, d)
                }
            })
            .collect();
        done.result = Ok(Scored {
            total: evaluation.total,
            grade: evaluation.grade.map(str::to_owned),
            parts: evaluation.parts.iter().map(|p| p.score.clone()).collect(),
            rate: evaluation.funds.first().and_then(|f| f.rate.clone()),
            warnings,
        });
        done
    }

    fn failed(&self, sources: &SourceMap, diagnostics: Vec<Diagnostic>) -> Failed {
        let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
            .into_iter()
            .partition(|d| d.severity == Severity::Error);
        Failed {
            rendered: render::to_string(sources, &errors, self.error_format, self.lang),
            errors: errors.len(),
            findings: errors
                .into_iter()
                .chain(warnings)
                .map(|d| Found::new(sources, d))
                .collect(),
        }
    }
}

/// For a project read from a spreadsheet, say how to fix a missing value
/// or reason in spreadsheet terms (the engine's hints speak of TOML keys).
/// The evaluation's finding for each changed diagnostic (its warnings are
/// its diagnostics, one for one) is made again, so that reports and
/// `findings.csv` say the same.
pub(crate) fn sheet_hints(model: &Model, data: &ProjectData, outcome: &mut Outcome) {
    for (i, d) in outcome.diagnostics.iter_mut().enumerate() {
        if sheet_hint(model, data, d)
            && let Some(w) = outcome
                .evaluation
                .as_mut()
                .and_then(|e| e.warnings.get_mut(i))
        {
            *w = Finding::from(&*d);
        }
    }
}

/// Say in spreadsheet terms how to fix `d`, if it needs it; whether it did.
fn sheet_hint(model: &Model, data: &ProjectData, d: &mut Diagnostic) -> bool {
    let field = match d.code {
        Code::MissingInput => match missing_input(model, d).map(|i| i.source) {
            Some(InputSource::FundsInitial) => Field::Initial,
            Some(InputSource::FundsBudget) => Field::Budget,
            Some(InputSource::FundsExecuted) => Field::Executed,
            Some(InputSource::ProjectYear) => Field::Year,
            _ => return false,
        },
        // The warning that the data gives no year (the error of this code
        // is about a year it gives).
        Code::OutOfPeriod if data.raw.year.is_none() => Field::Year,
        Code::MissingReason => {
            // Located at the row's reason cell, if the file has the column.
            let column = d.place.as_ref().and_then(Place::column).map(Name::new);
            let hint = match column {
                Some(column) => Batch::HintReasonInRow { column },
                None => Batch::HintReasonColumn {
                    column: Name::new(Field::Reason.header()),
                },
            };
            replace_hints(d, hint);
            return true;
        }
        _ => return false,
    };
    let (_, place) = data.locate(field.path());
    let hint = match place.column() {
        Some(c) => Batch::HintFillFirstRow {
            column: Name::new(c),
        },
        None => Batch::HintAddColumn {
            column: Name::new(field.header()),
        },
    };
    d.place = Some(place);
    replace_hints(d, hint);
    true
}

/// The framework's input a `MissingInput` diagnostic is about: the one
/// its message names.
fn missing_input<'m>(model: &'m Model, d: &Diagnostic) -> Option<&'m InputDecl> {
    let crate::catalogue::Text::Eval(crate::catalogue::eval::Eval::MissingInput { name }) =
        &d.message
    else {
        return None;
    };
    model.inputs.iter().find(|i| i.name == name.0)
}

/// Make `hint` the only hint of `d`, in every language.
fn replace_hints(d: &mut Diagnostic, hint: Batch) {
    d.hints = vec![hint.into()];
}

/// The names of a framework's top-level parts (一级指标), in order.
pub fn part_names(model: &Model) -> Vec<String> {
    model
        .roots
        .iter()
        .map(|&id| model.nodes[id].name.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn report_names_are_plain_files_everywhere() {
        for (id, stem) in [
            ("P0000439", "P0000439"),
            ("A/1", "A_1"),
            ("../../evil", "_.._.._evil"),
            (".hidden", "_.hidden"),
            ("项目 1. ", "项目 1"),
            ("CON", "_CON"),
            ("con.txt", "_con.txt"),
            ("Com7", "_Com7"),
            ("LPT1 .x", "_LPT1 .x"),
            ("COM10", "COM10"),
            ("CONSOLE", "CONSOLE"),
            ("", "_"),
            ("..", "_"),
        ] {
            assert_eq!(file_stem(id), stem, "{id:?}");
        }
    }
}
