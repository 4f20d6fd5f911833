//! Project data: the filled-in numbers of one project, from TOML or JSON.
//!
//! This phase only reads and shapes the data; matching rows to the
//! framework's slots and reading target notations happen in `eval`, which
//! knows the framework. Every value keeps where it came from: a field path
//! such as `indicators[2].target` and, for TOML files, its span.

mod decimal;
pub mod notation;
mod problem;
mod spans;

use crate::catalogue::common::Common;
use crate::catalogue::data::Data;
use crate::catalogue::{Lang, Name, Names, Show, Text};
use crate::diagnostic::{Code, Diagnostic};
use crate::place::{FieldPath, Place};
use crate::source::SourceMap;
use crate::span::{FileId, Span};
pub use decimal::Num;
use problem::{JsonSyntax, Own, Shape, TomlSyntax};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One project's data, as read.
#[derive(Debug, Clone)]
pub struct ProjectData {
    /// The file it came from.
    pub file: FileId,
    /// The file's name, for messages.
    pub file_name: String,
    /// The contents.
    pub raw: Raw,
    /// The syntax of the file (TOML for data read from a spreadsheet), for
    /// examples in hints.
    pub format: Format,
    spans: spans::SpanTable,
    /// For data read from a spreadsheet: where each field's cell is.
    sheet: Option<SheetLocator>,
}

/// Where the values of a project read from a spreadsheet (CSV or Excel) are,
/// so that diagnostics say `data.csv: row 7, column 年度指标值` instead of a
/// field path. Built by `batch`; see [`ProjectData::from_sheet`].
#[derive(Debug, Clone, Default)]
pub struct SheetLocator {
    /// The spreadsheet's name, as given on the command line.
    pub file: String,
    /// The spreadsheet rows of the project, first and last (1-based, the
    /// header being row 1).
    pub rows: (u64, u64),
    /// The row of each indicator, in the order of [`Raw::indicators`].
    pub indicator_rows: Vec<u64>,
    /// The row each project-level field was read from, by field path
    /// (`funds.budget`, `project.name`, `year`). A figure of a source of
    /// funds is named by the source (`funds.sources[上年结转资金].budget`),
    /// as in `columns`: [`ProjectData::locate`] turns the place in the list
    /// into the name.
    pub field_rows: Vec<(&'static str, u64)>,
    /// Column headers as the file writes them, by field path for project
    /// fields (`funds.budget` → `全年预算数`) and by field name for indicator
    /// fields (`target` → `年度指标值`).
    pub columns: std::sync::Arc<BTreeMap<String, String>>,
}

impl SheetLocator {
    /// The row and column of a field path (`indicators[2].target` → row
    /// 7, column 年度指标值); the project's rows for a field no one row
    /// holds.
    pub fn place(&self, path: &str) -> Place {
        let file = self.file.clone();
        let column = |key: &str| self.columns.get(key).cloned();
        if let Some(rest) = path.strip_prefix("indicators[") {
            let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
            let row = index
                .parse::<usize>()
                .ok()
                .and_then(|i| self.indicator_rows.get(i));
            if let Some(&row) = row {
                let field = field.trim_start_matches('.');
                let column = if field.is_empty() {
                    None
                } else {
                    column(field)
                };
                return Place::Cell { file, row, column };
            }
        }
        match self.field_rows.iter().find(|(p, _)| *p == path) {
            Some(&(_, row)) => Place::Cell {
                file,
                row,
                column: column(path),
            },
            None => Place::Rows {
                file,
                first: self.rows.0,
                last: self.rows.1,
                column: column(path),
            },
        }
    }
}

/// The data file's fields (documented in docs/data.md).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Raw {
    /// The framework id this data is for (checked against the framework).
    pub framework: Option<String>,
    /// The fiscal year evaluated.
    pub year: Option<i64>,
    /// 项目名称, 主管部门, 实施单位.
    #[serde(default)]
    pub project: Project,
    /// 项目资金.
    #[serde(default)]
    pub funds: Funds,
    /// 年度总体目标.
    #[serde(default)]
    pub goals: Goals,
    /// Values of the framework's other inputs, by name.
    #[serde(default)]
    pub inputs: BTreeMap<String, Num>,
    /// The indicator rows (三级指标).
    #[serde(default)]
    pub indicators: Vec<Row>,
    /// Answers to the framework's questions, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// The evaluator's ratings of `rated` indicators, by indicator name.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
    /// Free text for the report.
    #[serde(default)]
    pub narrative: Narrative,
    /// Figures the submitted report printed, to be re-checked.
    #[serde(default)]
    pub claimed: Claimed,
}

/// Project metadata.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目名称.
    #[serde(default)]
    pub name: String,
    /// 主管部门.
    #[serde(default)]
    pub department: String,
    /// 实施单位.
    #[serde(default)]
    pub unit: String,
    /// Any identifier the budget system gives the project.
    #[serde(default)]
    pub code: String,
}

/// 项目资金 (the funds block of the 自评表).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Funds {
    /// Unit of bare numbers in this block (default 万元, as in the 自评表).
    pub unit: Option<String>,
    /// 年初预算数.
    pub initial: Option<Num>,
    /// 全年预算数.
    pub budget: Option<Num>,
    /// 全年执行数.
    pub executed: Option<Num>,
    /// 其中: rows by source (当年财政拨款, 上年结转资金, 其他资金).
    #[serde(default)]
    pub sources: Vec<FundSource>,
    /// 执行率 as the submitted table's funds block prints it (`98.73%`):
    /// re-checked against pfc's.
    pub claimed_rate: Option<Num>,
    /// 得分 of the execution rate as the submitted table prints it (`9.87`):
    /// re-checked against pfc's.
    pub claimed_score: Option<Num>,
}

/// The three figures of a row of the funds block, in column order: the key
/// in a data file and the 自评表's column.
pub const FUND_FIGURES: [(&str, &str); 3] = [
    ("initial", "年初预算数"),
    ("budget", "全年预算数"),
    ("executed", "全年执行数"),
];

impl Funds {
    /// The total row's figures, in the order of [`FUND_FIGURES`].
    pub fn figures(&self) -> [Option<&Cell>; 3] {
        [
            self.initial.as_ref(),
            self.budget.as_ref(),
            self.executed.as_ref(),
        ]
    }
}

impl FundSource {
    /// The source's figures, in the order of [`FUND_FIGURES`].
    pub fn figures(&self) -> [Option<&Cell>; 3] {
        [
            self.initial.as_ref(),
            self.budget.as_ref(),
            self.executed.as_ref(),
        ]
    }
}

/// One source of funds.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FundSource {
    /// 当年财政拨款, 上年结转资金, 其他资金 …
    pub name: String,
    /// 年初预算数.
    pub initial: Option<Num>,
    /// 全年预算数.
    pub budget: Option<Num>,
    /// 全年执行数.
    pub executed: Option<Num>,
}

/// 年度总体目标.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// 预期目标.
    #[serde(default)]
    pub expected: String,
    /// 实际完成情况.
    #[serde(default)]
    pub achieved: String,
}

/// One indicator row.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// 一级/二级 path, e.g. `["产出指标", "时效指标"]` or `"产出指标/时效指标"`.
    pub path: PathSpec,
    /// 三级指标.
    pub name: String,
    /// 年度指标值, as written.
    pub target: Num,
    /// 实际完成值, as written.
    pub actual: Num,
    /// 分值.
    #[serde(deserialize_with = "points")]
    pub weight: Num,
    /// The evaluator's score inside a qualitative band.
    pub score: Option<Num>,
    /// 得分 as printed in the submitted table.
    pub claimed_score: Option<Num>,
    /// 完成率 as printed in the submitted report.
    pub claimed_completion: Option<Num>,
    /// Points deducted by the evaluator (偏离度调减).
    pub deduction: Option<Num>,
    /// Why points were deducted.
    pub deduction_reason: Option<String>,
    /// 偏差原因分析及改进措施.
    pub reason: Option<String>,
}

/// A group path, as a list or as one string with `/` between names.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum PathSpec {
    /// `["产出指标", "时效指标"]`
    List(Vec<String>),
    /// `"产出指标/时效指标"`
    Joined(String),
}

impl<'de> Deserialize<'de> for PathSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PathVisitor;
        impl<'de> serde::de::Visitor<'de> for PathVisitor {
            type Value = PathSpec;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a list of group names")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PathSpec, E> {
                Ok(PathSpec::Joined(v.to_owned()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<PathSpec, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(PathSpec::List(names))
            }
        }
        d.deserialize_any(PathVisitor)
    }
}

/// A weight (分值) must be a number: refuse `"十分"` when the file is read,
/// rather than report the group's weights as wrong later.
fn points<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
    let cell = Num::deserialize(d)?;
    if cell.as_points().is_some() {
        Ok(cell)
    } else {
        Err(Own::WeightNotNumber { text: cell.text }.error())
    }
}

impl Default for PathSpec {
    fn default() -> Self {
        PathSpec::List(Vec::new())
    }
}

impl PathSpec {
    /// The names, trimmed, empty ones left out, borrowed from the row.
    /// (Every row of a batch is matched through this: a tree is rarely more
    /// than four levels deep, so no allocation for it.)
    pub fn parts(&self) -> smallvec::SmallVec<[&str; 4]> {
        let named = |s: &&str| !s.is_empty();
        match self {
            PathSpec::List(v) => v
                .iter()
                .map(|s| crate::text::trim(s))
                .filter(named)
                .collect(),
            PathSpec::Joined(s) => s
                .split(['/', '／', '>'])
                .map(crate::text::trim)
                .filter(named)
                .collect(),
        }
    }
}

/// An evaluator's rating of a `rated` indicator.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// The band (`达成`, `部分达成`, `未达成`, or a word the framework lists with `also`).
    pub level: String,
    /// A score inside the band; the framework's default when absent.
    pub score: Option<Num>,
    /// The evidence for the rating (评价依据).
    pub evidence: Option<String>,
}

/// Free-text sections of the report.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// Opening paragraph (按照…要求，…现将…报告如下).
    #[serde(default)]
    pub intro: String,
    /// 项目概况.
    #[serde(default)]
    pub overview: String,
    /// 项目立项依据 and use of the funds.
    #[serde(default)]
    pub purpose: String,
    /// 业务管理情况.
    #[serde(default)]
    pub business_management: String,
    /// 财务管理情况 (the budget figures are added by pfc).
    #[serde(default)]
    pub financial_management: String,
    /// The overall judgement after the score (从总体上看…).
    #[serde(default)]
    pub summary: String,
    /// 主要经验和做法.
    #[serde(default)]
    pub experience: String,
    /// 存在的问题.
    #[serde(default)]
    pub problems: String,
    /// 改进措施 / 建议.
    #[serde(default)]
    pub improvements: String,
    /// 其他需要说明的问题.
    #[serde(default)]
    pub other: String,
}

/// Figures printed by the submitted report, for re-checking.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Claimed {
    /// Values as printed, by input or `let` name (e.g. `执行率 = "98.73%"`).
    #[serde(default)]
    pub values: BTreeMap<String, Num>,
    /// Total score as printed.
    pub total: Option<Num>,
    /// Grade as printed.
    pub grade: Option<String>,
    /// Scores as printed, by indicator or group name; for a conclusion
    /// sentence, list exactly the parts it names.
    #[serde(default)]
    pub parts: BTreeMap<String, Num>,
}

pub use decimal::Num as Cell;

/// Which syntax a data file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.toml`
    Toml,
    /// `.json`
    Json,
}

impl Format {
    /// By file extension; TOML for anything but `.json`.
    pub fn of(name: &str) -> Format {
        if name.to_ascii_lowercase().ends_with(".json") {
            Format::Json
        } else {
            Format::Toml
        }
    }
}

/// Read a data file that is already in the source map.
pub fn load(sources: &SourceMap, file: FileId) -> Result<ProjectData, Diagnostic> {
    let src = sources.get(file);
    let text = &src.text;
    let format = Format::of(&src.name);
    if text.trim().is_empty() {
        return Err(Diagnostic::error(
            Code::EmptyFile,
            Data::DataEmpty {
                file: src.name.as_str().into(),
            },
        )
        .with_hint(match format {
            Format::Toml => Data::HintDataMinimum,
            Format::Json => Data::HintDataMinimumJson,
        }));
    }
    let spans = match format {
        Format::Toml => spans::SpanTable::from_toml(text),
        Format::Json => spans::SpanTable::from_json(text),
    };
    let raw: Raw = match format {
        Format::Toml => {
            toml::from_str(text).map_err(|e| toml_error(&e, file, text, &src.name, &spans))?
        }
        Format::Json => {
            serde_json::from_str(text).map_err(|e| json_error(&e, file, text, &src.name, &spans))?
        }
    };
    Ok(ProjectData {
        file,
        file_name: src.name.clone(),
        raw,
        format,
        spans,
        sheet: None,
    })
}

impl ProjectData {
    /// Project data that did not come from a TOML or JSON file: built from
    /// the rows of a spreadsheet. `file` is the spreadsheet in the source
    /// map (its text may be empty: diagnostics name rows and columns, not
    /// spans). The project's `file_name` is the spreadsheet's (`data.csv`);
    /// its rows are [`ProjectData::whole`], and [`ProjectData::locate`]
    /// answers with the row and column of a field.
    ///
    /// The `file_name` is written into `file_name`'s allocation (whatever
    /// it held is cleared): a batch reads the next project into the
    /// allocations of a scored one (see [`ProjectData::take_sheet`]).
    pub fn from_sheet(
        file: FileId,
        raw: Raw,
        sheet: SheetLocator,
        mut file_name: String,
    ) -> ProjectData {
        file_name.clear();
        file_name.push_str(&sheet.file);
        ProjectData {
            file,
            file_name,
            raw,
            format: Format::Toml,
            spans: spans::SpanTable::default(),
            sheet: Some(sheet),
        }
    }

    /// Take a project read from a spreadsheet apart, for a batch to read
    /// the next project into its allocations: its data, its place and its
    /// `file_name`, as they are (the caller empties them), the project left
    /// with none. `None`, the project untouched, for data read from a TOML
    /// or JSON file.
    pub fn take_sheet(&mut self) -> Option<(Raw, SheetLocator, String)> {
        let sheet = self.sheet.take()?;
        Some((
            std::mem::take(&mut self.raw),
            sheet,
            std::mem::take(&mut self.file_name),
        ))
    }

    /// Where a field is: its span (TOML only) and a `file: path` location;
    /// for spreadsheet data, no span and `file: row N, column X`.
    pub fn locate(&self, path: &str) -> (Option<Span>, Place) {
        if let Some(sheet) = &self.sheet {
            let named = self.source_by_name(path);
            return (None, sheet.place(named.as_deref().unwrap_or(path)));
        }
        let span = self
            .spans
            .get(path)
            .map(|(s, e)| Span::new(self.file, s, e));
        let place = Place::Field {
            file: self.file_name.clone(),
            path: FieldPath::new(path),
        };
        (span, place)
    }

    /// The place of the whole project: its data file, or its rows of a
    /// spreadsheet.
    pub fn whole(&self) -> Place {
        match &self.sheet {
            Some(sheet) => Place::Rows {
                file: sheet.file.clone(),
                first: sheet.rows.0,
                last: sheet.rows.1,
                column: None,
            },
            None => Place::file(self.file_name.clone()),
        }
    }

    /// `funds.sources[当年财政拨款].budget` for `funds.sources[0].budget`,
    /// if the project has a first source.
    fn source_by_name(&self, path: &str) -> Option<String> {
        let (index, rest) = path.strip_prefix("funds.sources[")?.split_once(']')?;
        let source = self.raw.funds.sources.get(index.parse::<usize>().ok()?)?;
        Some(format!("funds.sources[{}]{rest}", source.name))
    }

    /// A diagnostic pointing at a field: the span when known, always the path.
    pub fn at(&self, d: Diagnostic, path: &str, label: impl Into<Text>) -> Diagnostic {
        let (span, place) = self.locate(path);
        let d = d.with_place(place);
        match span {
            Some(s) => d.with_primary(s, label),
            None => d,
        }
    }

    /// Whether the project was read from spreadsheet rows (its diagnostics
    /// then name rows and columns).
    pub fn from_spreadsheet(&self) -> bool {
        self.sheet.is_some()
    }

    /// The unit of bare numbers in the funds block.
    pub fn funds_unit(&self) -> &str {
        self.raw.funds.unit.as_deref().unwrap_or("万元")
    }
}

fn toml_error(
    e: &toml::de::Error,
    file: FileId,
    text: &str,
    name: &str,
    spans: &spans::SpanTable,
) -> Diagnostic {
    let msg = first_line(e.message());
    let span = e.span().map(|r| (r.start, r.end.max(r.start)));
    let path = span.and_then(|(s, _)| spans.path_at(s)).map(str::to_owned);
    let (d, label) = match Shape::of(&msg) {
        Some(shape) => shape_error(&shape, path.as_deref(), Format::Toml),
        None => toml_syntax(&msg, span.map(|(s, e)| &text[s..e.min(text.len())])),
    };
    place(d, label, file, name, span, path.as_deref())
}

/// A TOML syntax error in plain words, with a hint for the usual mistakes,
/// and the caret's label (also for the column mapping of a batch). `msg`
/// is the `toml` crate's message, `found` the text its span covers.
pub(crate) fn toml_syntax(msg: &str, found: Option<&str>) -> (Diagnostic, Data) {
    let msg = first_line(msg);
    let found = found
        .map(str::trim)
        .filter(|f| !f.is_empty() && !f.contains('\n'));
    let other = || Data::TomlOther {
        message: msg.as_str().into(),
    };
    let (message, label, hint) = match TomlSyntax::of(&msg) {
        TomlSyntax::UnquotedText => (
            Data::TomlUnquotedText,
            Data::LabelNotInQuotes,
            match found {
                Some(f) => Data::HintQuoteText { text: f.into() },
                None => Data::HintQuoteTextPlain,
            },
        ),
        TomlSyntax::Unclosed => (
            Data::TomlUnclosedText,
            Data::LabelLineEnds,
            Data::HintCloseText,
        ),
        TomlSyntax::UnquotedKey => (
            Data::TomlUnquotedKey,
            Data::LabelKeyNotInQuotes,
            match found {
                Some(f) => Data::HintQuoteKey { key: f.into() },
                None => Data::HintQuoteKeyExample,
            },
        ),
        TomlSyntax::DuplicateKey => (
            match found {
                // A quoted key is named without its quotes.
                Some(f) => Data::TomlDuplicateKey {
                    key: f.trim_matches('"').into(),
                },
                None => other(),
            },
            Data::LabelKeySecondTime,
            Data::HintRemoveDuplicateKey,
        ),
        TomlSyntax::Other => (other(), Data::LabelProblemHere, Data::HintTomlSyntax),
    };
    (
        Diagnostic::error(Code::DataSyntax, message).with_hint(hint),
        label,
    )
}

fn json_error(
    e: &serde_json::Error,
    file: FileId,
    text: &str,
    name: &str,
    spans: &spans::SpanTable,
) -> Diagnostic {
    let msg = problem::json_message(e);
    let offset = offset_of(text, e.line(), e.column());
    if e.is_syntax() || e.is_eof() {
        // serde_json reports the character it could not use.
        let width = text[offset.min(text.len())..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        let (span, message, label, hint) = match JsonSyntax::of(e, &msg) {
            JsonSyntax::TrailingComma => {
                // serde_json reports the bracket after the comma; point at the comma.
                let comma = text[..offset].rfind(',').unwrap_or(offset);
                (
                    (comma, comma + 1),
                    Data::JsonTrailingComma,
                    Data::LabelRemoveComma,
                    Data::HintRemoveComma,
                )
            }
            JsonSyntax::Eof => (
                (text.len(), text.len()),
                Data::JsonEnds,
                Data::LabelFileEnds,
                Data::HintCloseBrackets,
            ),
            JsonSyntax::MissingComma => (
                (offset, offset + width),
                Data::JsonMissingComma,
                Data::LabelCommaBefore,
                Data::HintAddComma,
            ),
            JsonSyntax::Other => (
                (offset, offset + width),
                Data::JsonOther {
                    message: msg.into(),
                },
                Data::LabelProblemHere,
                Data::HintJsonSyntax,
            ),
        };
        let d = Diagnostic::error(Code::DataSyntax, message).with_hint(hint);
        return place(d, label, file, name, Some(span), None);
    }
    // serde_json's column is that of the last character it read.
    let consumed = (offset + 1).min(text.len());
    let mut path = spans.path_before(consumed).map(str::to_owned);
    let shape = Shape::of(&msg);
    // serde_json may report a bad field of an object only at the object's
    // end; pfc's own problems name the field.
    if let Some(Shape::Own(own)) = &shape
        && let Some(field) = own.field()
        && let Some(p) = path.as_deref().filter(|p| last_name(p) != field)
    {
        let child = format!("{p}.{field}");
        if spans.get(&child).is_some() {
            path = Some(child);
        }
    }
    let (d, label) = match &shape {
        Some(shape) => shape_error(shape, path.as_deref(), Format::Json),
        None => (
            Diagnostic::error(
                Code::DataShape,
                Data::DataShapeOther {
                    message: msg.into(),
                },
            )
            .with_hint(Data::HintCheckType),
            Data::LabelProblemHere,
        ),
    };
    // Point at the key for unknown fields, at the start of the object for
    // missing ones, else at the value.
    let span = path.as_deref().and_then(|p| match &shape {
        Some(Shape::UnknownField { .. }) => spans.key(p),
        Some(Shape::MissingField(_)) => spans.get(p).map(|(s, _)| (s, s + 1)),
        _ => spans.get(p).or_else(|| spans.key(p)),
    });
    let span = span.or(Some((offset.saturating_sub(1), offset)));
    place(d, label, file, name, span, path.as_deref())
}

/// Attach the caret and the place (the field, or the file).
fn place(
    mut d: Diagnostic,
    label: Data,
    file: FileId,
    name: &str,
    span: Option<(usize, usize)>,
    path: Option<&str>,
) -> Diagnostic {
    if let Some((s, e)) = span {
        d = d.with_primary(Span::new(file, s, e), label);
    }
    match path {
        Some(p) => d.with_place(Place::Field {
            file: name.to_owned(),
            path: FieldPath::new(p),
        }),
        None if span.is_none() => d.with_place(Place::file(name)),
        None => d,
    }
}

fn first_line(s: &str) -> String {
    s.trim().lines().next().unwrap_or("").trim().to_owned()
}

/// One way to write a value, in a data file's syntax.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExampleCode {
    /// A field and its value: `weight = 25`, `"weight": 25`.
    Field {
        /// The field.
        key: String,
        /// The value, as both syntaxes write it.
        value: String,
    },
    /// A list of tables: `[[indicators]]`, `"indicators": [{ … }]`.
    Tables {
        /// Its path (`funds.sources`).
        path: String,
    },
}

/// An example of a right value for a field, in the syntax of the data
/// file it is for (TOML or JSON): a typed choice, not text rewritten.
/// Shown as code in either language; two ways are joined with "or".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Example {
    /// The syntax.
    pub json: bool,
    /// One way to write it, or two.
    pub ways: Vec<ExampleCode>,
}

impl Example {
    /// `key = value` in `format`.
    pub fn field(format: Format, key: &str, value: &str) -> Example {
        Example {
            json: format == Format::Json,
            ways: vec![ExampleCode::Field {
                key: key.to_owned(),
                value: value.to_owned(),
            }],
        }
    }

    /// An example of a correct value for a field, by its last name.
    fn for_field(format: Format, field: &str) -> Option<Example> {
        let one = |value: &str| Some(Example::field(format, field, value));
        let tables = |path: &str| {
            Some(Example {
                json: format == Format::Json,
                ways: vec![ExampleCode::Tables {
                    path: path.to_owned(),
                }],
            })
        };
        match field {
            "year" => one("2020"),
            "weight" => one("25"),
            "path" => {
                let mut e = Example::field(format, "path", "[\"产出指标\", \"数量指标\"]");
                e.ways.push(ExampleCode::Field {
                    key: "path".into(),
                    value: "\"产出指标/数量指标\"".into(),
                });
                Some(e)
            }
            "name" => one("\"项目成本控制\""),
            "target" => one("\"≥95%\""),
            "actual" => one("\"96%\""),
            "score" | "claimed_score" => Some(Example::field(format, "score", "22.5")),
            "deduction" => one("1.5"),
            "sources" => tables("funds.sources"),
            "indicators" => tables("indicators"),
            _ => None,
        }
    }

    /// One way, as code between backticks.
    fn code(&self, way: &ExampleCode, out: &mut String) {
        use std::fmt::Write;
        // Writing to a `String` cannot fail.
        let _ = match (way, self.json) {
            (ExampleCode::Field { key, value }, false) => write!(out, "`{key} = {value}`"),
            (ExampleCode::Field { key, value }, true) => write!(out, "`\"{key}\": {value}`"),
            (ExampleCode::Tables { path }, false) => write!(out, "`[[{path}]]`"),
            (ExampleCode::Tables { path }, true) => {
                write!(out, "`\"{}\": [{{ … }}]`", last_name(path))
            }
        };
    }
}

impl Show for Example {
    fn show(&self, lang: Lang, out: &mut String) {
        match self.ways.as_slice() {
            [first, second] => {
                let (mut a, mut b) = (String::new(), String::new());
                self.code(first, &mut a);
                self.code(second, &mut b);
                out.push_str(
                    &Data::EitherExample {
                        first: a,
                        second: b,
                    }
                    .render(lang),
                );
            }
            ways => {
                for way in ways {
                    self.code(way, out);
                }
            }
        }
    }
}

/// The last name of a field path: `indicators[3].weight` → `weight`.
fn last_name(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last)
}

/// The table a field belongs in, for "add … to …".
fn parent_of(path: &str) -> &str {
    path.rsplit_once('.').map_or("", |(p, _)| p)
}

/// A value as a nested message (`expected` and `found` of the messages).
fn nested(d: Data) -> Box<Text> {
    Box::new(d.into())
}

impl problem::Expected {
    fn text(&self) -> Data {
        use problem::Expected as E;
        match self {
            E::WholeNumber => Data::ExpectWholeNumber,
            E::Text => Data::ExpectText,
            E::List => Data::KindList,
            E::Bool => Data::ExpectBool,
            E::Table => Data::KindTable,
            E::GroupNames => Data::ExpectGroupNames,
            E::NumberOrText => Data::ExpectNumberOrText,
            E::Other(words) => Data::ExpectOther {
                words: words.as_str().into(),
            },
        }
    }
}

impl problem::Found {
    fn text(&self) -> Data {
        use problem::Found as F;
        match self {
            F::Text(t) => Data::FoundText {
                text: t.as_str().into(),
            },
            F::Number(n) => Data::FoundNumber {
                number: n.as_str().into(),
            },
            F::Bool(b) => Data::FoundBool {
                value: b.as_str().into(),
            },
            F::List => Data::KindList,
            F::Table => Data::KindTable,
            F::Empty => Data::FoundEmpty,
            F::Other(words) => Data::FoundOther {
                words: words.as_str().into(),
            },
        }
    }
}

/// A problem with the data's shape as a diagnostic, and the caret's label.
fn shape_error(shape: &Shape, path: Option<&str>, format: Format) -> (Diagnostic, Data) {
    let field = path.map(Name::new);
    match shape {
        Shape::UnknownField {
            field: unknown,
            allowed,
        } => {
            let mut d = Diagnostic::error(
                Code::DataShape,
                Data::UnknownDataField {
                    field: unknown.into(),
                },
            );
            let best = allowed
                .iter()
                .map(|a| (strsim::damerau_levenshtein(unknown, a), a))
                .filter(|(d, a)| *d <= 2 && *d < a.len())
                .min_by_key(|(d, _)| *d);
            d = match best {
                Some((_, a)) => d.with_hint(Common::DidYouMean { name: a.into() }),
                None => d.with_hint(Data::HintRemoveUnknownField),
            };
            if !allowed.is_empty() {
                let fields: Names = allowed.iter().map(String::as_str).collect();
                let here = path.map(parent_of).filter(|p| !p.is_empty());
                d = d.with_note(match here {
                    Some(p) => Data::NoteFieldsOf {
                        table: p.into(),
                        fields,
                    },
                    None => Data::NoteFieldsHere { fields },
                });
            }
            (d, Data::LabelUnknownField)
        }
        Shape::MissingField(missing) => {
            let table = path.filter(|p| !p.is_empty());
            let message = match table {
                Some(t) => Data::DataTableLacks {
                    table: t.into(),
                    field: missing.into(),
                },
                None => Data::MissingDataField {
                    field: missing.into(),
                },
            };
            let example = Example::for_field(format, missing)
                .unwrap_or_else(|| Example::field(format, missing, "…"));
            let hint = match table {
                Some(t) => Data::HintAddTo {
                    example,
                    table: t.into(),
                },
                None => Data::HintAdd { example },
            };
            (
                Diagnostic::error(Code::DataShape, message).with_hint(hint),
                Data::LabelNoFieldHere {
                    field: missing.into(),
                },
            )
        }
        Shape::WrongType { found, expected } => {
            let message = match field {
                Some(field) => Data::WrongValueType {
                    field,
                    expected: nested(expected.text()),
                    found: nested(found.text()),
                },
                None => Data::WrongValueTypeSomewhere {
                    expected: nested(expected.text()),
                    found: nested(found.text()),
                },
            };
            let mut d = Diagnostic::error(Code::DataShape, message);
            if let Some(example) = path
                .map(last_name)
                .and_then(|f| Example::for_field(format, f))
            {
                d = d.with_hint(Data::DataHintWriteEg { example });
            }
            // A long description makes a poor label.
            let label = match expected {
                problem::Expected::NumberOrText => Data::LabelWrongKind,
                problem::Expected::Other(words) if words.chars().count() > 30 => {
                    Data::LabelWrongKind
                }
                _ => Data::DataLabelExpected {
                    expected: nested(expected.text()),
                },
            };
            (d, label)
        }
        Shape::InvalidLength(words) => {
            let message = match field {
                Some(field) => Data::DataInvalidLength {
                    field,
                    message: words.as_str().into(),
                },
                None => Data::DataInvalidLengthSomewhere {
                    message: words.as_str().into(),
                },
            };
            (
                Diagnostic::error(Code::DataShape, message),
                Data::LabelProblemHere,
            )
        }
        Shape::Own(Own::WeightNotNumber { text }) => {
            let message = match field {
                Some(field) => Data::WeightNotNumber {
                    field,
                    text: text.as_str().into(),
                },
                None => Data::WeightNotNumberSomewhere {
                    text: text.as_str().into(),
                },
            };
            let d = Diagnostic::error(Code::DataShape, message).with_hint(Data::HintWeightNumber {
                example: Example::field(format, "weight", "10"),
            });
            (d, Data::LabelCellNotNumber)
        }
        Shape::Own(Own::NotFinite) => {
            let message = match field {
                Some(field) => Data::NotFinite { field },
                None => Data::NotFiniteSomewhere,
            };
            let d = Diagnostic::error(Code::DataShape, message).with_hint(Data::HintCheckType);
            (d, Data::LabelCellNotNumber)
        }
    }
}

/// Byte offset of a 1-based line and column (serde_json counts columns in bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len());
        }
        offset += l.len();
    }
    text.len()
}
