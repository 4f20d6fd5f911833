//! Project data: the filled-in numbers of one project, from TOML or JSON.
//!
//! This phase only reads and shapes the data; matching rows to the
//! framework's slots and reading target notations happen in `eval`, which
//! knows the framework. Every value keeps where it came from: a field path
//! such as `indicators[2].target` and, for TOML files, its span.

mod decimal;
pub mod notation;
mod spans;

use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
use crate::source::SourceMap;
use crate::span::{FileId, Span};
pub use decimal::Num;
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
    /// `data.csv: rows 2–9`: the project's place in the spreadsheet.
    pub fn describe(&self) -> String {
        let mut text = String::new();
        self.describe_into(&mut text);
        text
    }

    /// [`SheetLocator::describe`], written at the end of `text`.
    fn describe_into(&self, text: &mut String) {
        use std::fmt::Write;
        // Writing to a `String` cannot fail.
        let _ = match self.rows {
            (a, b) if a == b => write!(text, "{}: row {a}", self.file),
            (a, b) => write!(text, "{}: rows {a}–{b}", self.file),
        };
    }

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
        Err(serde::de::Error::custom(format!(
            "{CUSTOM_MARK}weight{CUSTOM_HINT}must be a number of points, found the text \"{}\"{CUSTOM_HINT}write the weight as a number, e.g. `weight = 10`{CUSTOM_HINT}not a number",
            cell.text
        )))
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
    if text.trim().is_empty() {
        return Err(Diagnostic::error(Code::EmptyFile, format!("`{}` is empty", src.name))
            .with_hint("a data file needs at least `[project]`, `[funds]` and `[[indicators]]`: see docs/data.md"));
    }
    let format = Format::of(&src.name);
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
        spans,
        sheet: None,
    })
}

impl ProjectData {
    /// Project data that did not come from a TOML or JSON file: built from
    /// the rows of a spreadsheet. `file` is the spreadsheet in the source
    /// map (its text may be empty: diagnostics name rows and columns, not
    /// spans). The project's `file_name` is `data.csv: rows 2–9`;
    /// [`ProjectData::locate`] answers with `data.csv: row 7, column 年度指标值`.
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
        sheet.describe_into(&mut file_name);
        ProjectData {
            file,
            file_name,
            raw,
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
            path: crate::place::FieldPath::new(path),
        };
        (span, place)
    }

    /// `funds.sources[当年财政拨款].budget` for `funds.sources[0].budget`,
    /// if the project has a first source.
    fn source_by_name(&self, path: &str) -> Option<String> {
        let (index, rest) = path.strip_prefix("funds.sources[")?.split_once(']')?;
        let source = self.raw.funds.sources.get(index.parse::<usize>().ok()?)?;
        Some(format!("funds.sources[{}]{rest}", source.name))
    }

    /// A diagnostic pointing at a field: the span when known, always the path.
    pub fn at(
        &self,
        d: Diagnostic,
        path: &str,
        label: impl Into<crate::catalogue::Text>,
    ) -> Diagnostic {
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
    let msg = e.message().trim();
    let msg = first_line(msg);
    let span = e.span().map(|r| (r.start, r.end.max(r.start)));
    let path = span.and_then(|(s, _)| spans.path_at(s)).map(str::to_owned);
    let (d, label) = shape_error(&msg, path.as_deref())
        .unwrap_or_else(|| toml_syntax(&msg, span.map(|(s, e)| &text[s..e.min(text.len())])));
    place(d, &label, file, name, span, path.as_deref())
}

/// A TOML syntax error in plain words, with a hint for the usual mistakes
/// (also for the column mapping of a batch).
pub(crate) fn toml_syntax(msg: &str, found: Option<&str>) -> (Diagnostic, String) {
    let found = found
        .map(str::trim)
        .filter(|f| !f.is_empty() && !f.contains('\n'));
    let (message, label, hint) = if msg.contains("string values must be quoted") {
        (
            "a text value must be in quotes".to_owned(),
            "not in quotes",
            match found {
                Some(f) => format!("put the text in quotes: `\"{f}\"`"),
                None => "put the text in double quotes".to_owned(),
            },
        )
    } else if msg.contains("invalid basic string") || msg.contains("unclosed") {
        (
            "a text is missing its closing `\"`".to_owned(),
            "the line ends before the closing `\"`",
            "end the text with `\"` on the same line; for text over several lines use `\"\"\"…\"\"\"`".to_owned(),
        )
    } else if msg.contains("unquoted key") {
        (
            "a key with Chinese characters must be in quotes".to_owned(),
            "key not in quotes",
            match found {
                Some(f) => format!("write the key in quotes: `\"{f}\" = …`"),
                None => "quote the key: `\"执行率\" = \"98.73%\"`".to_owned(),
            },
        )
    } else if msg.contains("duplicate key") {
        (
            match found {
                // A quoted key is named without its quotes.
                Some(f) => format!("`{}` is given twice", f.trim_matches('"')),
                None => msg.to_owned(),
            },
            "second time",
            "remove one of the two, or rename it".to_owned(),
        )
    } else {
        (
            msg.to_owned(),
            "here",
            "check the TOML syntax near this point (quotes, `=`, brackets)".to_owned(),
        )
    };
    (
        Diagnostic::error(Code::DataSyntax, message).with_hint(hint),
        label.to_owned(),
    )
}

fn json_error(
    e: &serde_json::Error,
    file: FileId,
    text: &str,
    name: &str,
    spans: &spans::SpanTable,
) -> Diagnostic {
    // serde_json's Display appends " at line L column C"; the caret says that.
    let full = e.to_string();
    let msg = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .to_owned();
    let msg = if msg.starts_with("EOF while parsing") {
        "the file ends before the JSON is complete".to_owned()
    } else {
        msg
    };
    let offset = offset_of(text, e.line(), e.column());
    if e.is_syntax() || e.is_eof() {
        let (span, label, hint) = if msg.contains("trailing comma") {
            // serde_json reports the bracket after the comma; point at the comma.
            let comma = text[..offset].rfind(',').unwrap_or(offset);
            (
                (comma, comma + 1),
                "remove this `,`",
                "remove the `,`: the last item of a list or object has none after it",
            )
        } else if e.is_eof() {
            (
                (text.len(), text.len()),
                "the file ends here",
                "close every `{` and `[`; the file may be cut short",
            )
        } else {
            // serde_json reports the character it could not use.
            let width = text[offset.min(text.len())..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            let missing_comma = msg.starts_with("expected `,`");
            (
                (offset, offset + width),
                if missing_comma {
                    "expected `,` before this"
                } else {
                    "here"
                },
                if missing_comma {
                    "add a `,` after the item before this one"
                } else {
                    "check the JSON syntax near this point (commas, quotes, brackets)"
                },
            )
        };
        let msg = if msg.starts_with("expected `,`") {
            "a `,` is missing between two items".to_owned()
        } else if msg.starts_with("trailing comma") {
            "JSON allows no `,` after the last item".to_owned()
        } else {
            msg
        };
        let d = Diagnostic::error(Code::DataSyntax, msg).with_hint(hint);
        return place(d, label, file, name, Some(span), None);
    }
    // serde_json's column is that of the last character it read.
    let consumed = (offset + 1).min(text.len());
    let mut path = spans.path_before(consumed).map(str::to_owned);
    // serde_json may report a bad field of an object only at the object's
    // end; pfc's own messages name the field.
    if let Some(field) = msg
        .strip_prefix(CUSTOM_MARK)
        .and_then(|m| m.split(CUSTOM_HINT).next())
        && let Some(p) = path.as_deref().filter(|p| last_name(p) != field)
    {
        let child = format!("{p}.{field}");
        if spans.get(&child).is_some() {
            path = Some(child);
        }
    }
    let (d, label) = shape_error(&msg, path.as_deref()).unwrap_or_else(|| {
        (
            Diagnostic::error(Code::DataShape, msg.clone())
                .with_hint("check the value's type; docs/data.md lists every field"),
            "here".to_owned(),
        )
    });
    // Point at the key for unknown fields, at the start of the object for
    // missing ones, else at the value.
    let span = path.as_deref().and_then(|p| {
        if msg.starts_with("unknown field") {
            spans.key(p)
        } else if msg.starts_with("missing field") {
            spans.get(p).map(|(s, _)| (s, s + 1))
        } else {
            spans.get(p).or_else(|| spans.key(p))
        }
    });
    let span = span.or(Some((offset.saturating_sub(1), offset)));
    let mut d = d;
    for h in &mut d.hints {
        *h = json_examples(&h.render(crate::catalogue::Lang::En)).into();
    }
    place(d, &label, file, name, span, path.as_deref())
}

/// Rewrite TOML examples in a hint for a JSON file: `` `weight = 25` `` →
/// `` `"weight": 25` ``.
fn json_examples(hint: &str) -> String {
    hint.split('`')
        .enumerate()
        .map(|(i, part)| {
            let example = (i % 2 == 1)
                .then(|| part.split_once(" = "))
                .flatten()
                .filter(|(k, _)| k.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            match example {
                Some((k, v)) => format!("\"{k}\": {v}"),
                None => part.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

/// Attach the caret and the `file: path` location.
fn place(
    mut d: Diagnostic,
    label: &str,
    file: FileId,
    name: &str,
    span: Option<(usize, usize)>,
    path: Option<&str>,
) -> Diagnostic {
    if let Some((s, e)) = span {
        d = d.with_primary(Span::new(file, s, e), label);
    }
    match path {
        Some(p) => d.with_location(format!("{name}: {p}")),
        None if span.is_none() => d.with_location(name.to_owned()),
        None => d,
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_owned()
}

/// The names between backticks in a serde message.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// serde's words for a value, in plain words.
fn plain_found(unexpected: &str) -> String {
    let u = unexpected.trim();
    if let Some(t) = u.strip_prefix("string ") {
        format!("the text {t}")
    } else if let Some(n) = u
        .strip_prefix("integer ")
        .or_else(|| u.strip_prefix("floating point "))
    {
        format!("the number {}", n.trim_matches('`'))
    } else if let Some(b) = u.strip_prefix("boolean ") {
        b.to_owned()
    } else {
        match u {
            "sequence" => "a list".to_owned(),
            "map" => "a table".to_owned(),
            "unit value" | "null" => "an empty value".to_owned(),
            other => other.to_owned(),
        }
    }
}

/// serde's words for an expected type, in plain words.
fn plain_expected(expected: &str) -> String {
    let e = expected.trim();
    match e {
        "i64" | "i32" | "u64" | "u32" | "usize" | "an integer" => "a whole number".to_owned(),
        "a string" => "a text in quotes".to_owned(),
        "a sequence" => "a list".to_owned(),
        "a boolean" => "`true` or `false`".to_owned(),
        "a map" => "a table".to_owned(),
        _ if e.starts_with("struct ") => "a table".to_owned(),
        _ => e.to_owned(),
    }
}

/// An example of a correct value for a field, by its last name.
fn example_for(field: &str) -> Option<&'static str> {
    Some(match field {
        "year" => "`year = 2020`",
        "weight" => "`weight = 25`",
        "path" => "`path = [\"产出指标\", \"数量指标\"]` or `path = \"产出指标/数量指标\"`",
        "name" => "`name = \"项目成本控制\"`",
        "target" => "`target = \"≥95%\"`",
        "actual" => "`actual = \"96%\"`",
        "score" | "claimed_score" => "`score = 22.5`",
        "deduction" => "`deduction = 1.5`",
        "sources" => "`[[funds.sources]]`",
        "indicators" => "`[[indicators]]`",
        _ => return None,
    })
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

/// A serde error about the data's shape, in plain words, and the caret's
/// label; `None` for syntax errors.
fn shape_error(msg: &str, path: Option<&str>) -> Option<(Diagnostic, String)> {
    let field = path.map_or_else(|| "a field".to_owned(), |p| format!("`{p}`"));
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let names = backticked(rest);
        let (unknown, allowed) = names.split_first()?;
        let mut d = Diagnostic::error(Code::DataShape, format!("unknown field `{unknown}`"));
        let best = allowed
            .iter()
            .map(|a| (strsim::damerau_levenshtein(unknown, a), *a))
            .filter(|(d, a)| *d <= 2 && *d < a.len())
            .min_by_key(|(d, _)| *d);
        if let Some((_, a)) = best {
            d = d.with_hint(format!("did you mean `{a}`?"));
        } else {
            d = d.with_hint("remove it, or check its spelling; docs/data.md lists every field");
        }
        let list: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        if !list.is_empty() {
            let here = path.map(parent_of).filter(|p| !p.is_empty());
            d = d.with_note(match here {
                Some(p) => format!("the fields of `{p}` are {}", list.join(", ")),
                None => format!("the fields here are {}", list.join(", ")),
            });
        }
        return Some((d, "unknown field".to_owned()));
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let missing = backticked(rest).first().copied().unwrap_or(rest);
        let table = path.filter(|p| !p.is_empty());
        let message = match table {
            Some(t) => format!("`{t}` has no `{missing}`"),
            None => format!("the field `{missing}` is missing"),
        };
        let hint = match (example_for(missing), table) {
            (Some(ex), Some(t)) => format!("add {ex} to `{t}`"),
            (Some(ex), None) => format!("add {ex}"),
            (None, Some(t)) => format!("add `{missing} = …` to `{t}`"),
            (None, None) => format!("add `{missing} = …`"),
        };
        return Some((
            Diagnostic::error(Code::DataShape, message).with_hint(hint),
            format!("no `{missing}` here"),
        ));
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = msg.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected ")?;
            let expected = plain_expected(expected);
            let mut d = Diagnostic::error(
                Code::DataShape,
                format!("{field} must be {expected}, found {}", plain_found(found)),
            );
            if let Some(ex) = path.map(last_name).and_then(example_for) {
                d = d.with_hint(format!("write e.g. {ex}"));
            }
            let label = if expected.chars().count() <= 30 {
                format!("expected {expected}")
            } else {
                "wrong kind of value".to_owned()
            };
            return Some((d, label));
        }
    }
    if msg.starts_with("invalid length") {
        return Some((
            Diagnostic::error(Code::DataShape, format!("{field}: {msg}")),
            "here".to_owned(),
        ));
    }
    // Messages written by pfc's own readers (see `decimal.rs`, `PathSpec`)
    // are already plain.
    if msg.starts_with(CUSTOM_MARK) {
        let mut parts = msg.trim_start_matches(CUSTOM_MARK).split(CUSTOM_HINT);
        let _field = parts.next();
        let message = parts.next().unwrap_or_default();
        let mut d = Diagnostic::error(Code::DataShape, format!("{field} {message}"));
        if let Some(hint) = parts.next().filter(|h| !h.is_empty()) {
            d = d.with_hint(hint);
        }
        let label = parts.next().unwrap_or("wrong kind of value");
        return Some((d, label.to_owned()));
    }
    None
}

/// Starts a message written by pfc's own readers:
/// `{CUSTOM_MARK}field{CUSTOM_HINT}must be …{CUSTOM_HINT}write …{CUSTOM_HINT}label`.
pub(crate) const CUSTOM_MARK: &str = "pfc: ";
/// Separates a custom message from its hint.
pub(crate) const CUSTOM_HINT: &str = " | ";

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
