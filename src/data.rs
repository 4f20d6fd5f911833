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
use crate::source::SourceMap;
use crate::span::{FileId, Span};
pub use decimal::Num;
use rust_decimal::Decimal;
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
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum PathSpec {
    /// `["产出指标", "时效指标"]`
    List(Vec<String>),
    /// `"产出指标/时效指标"`
    Joined(String),
}

impl Default for PathSpec {
    fn default() -> Self {
        PathSpec::List(Vec::new())
    }
}

impl PathSpec {
    /// The names, trimmed, empty ones dropped.
    pub fn names(&self) -> Vec<String> {
        let parts: Vec<&str> = match self {
            PathSpec::List(v) => v.iter().map(String::as_str).collect(),
            PathSpec::Joined(s) => s.split(['/', '／', '>']).collect(),
        };
        parts
            .into_iter()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    }
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
    let raw: Raw = match format {
        Format::Toml => toml::from_str(text).map_err(|e| toml_error(&e, file, &src.name))?,
        Format::Json => {
            serde_json::from_str(text).map_err(|e| json_error(&e, file, text, &src.name))?
        }
    };
    let spans = match format {
        Format::Toml => spans::SpanTable::from_toml(text),
        Format::Json => spans::SpanTable::default(),
    };
    Ok(ProjectData {
        file,
        file_name: src.name.clone(),
        raw,
        spans,
    })
}

impl ProjectData {
    /// Where a field is: its span (TOML only) and a `file: path` location.
    pub fn locate(&self, path: &str) -> (Option<Span>, String) {
        let span = self
            .spans
            .get(path)
            .map(|(s, e)| Span::new(self.file, s, e));
        (span, format!("{}: {path}", self.file_name))
    }

    /// A diagnostic pointing at a field: the span when known, always the path.
    pub fn at(&self, d: Diagnostic, path: &str, label: impl Into<String>) -> Diagnostic {
        let (span, loc) = self.locate(path);
        let d = d.with_location(loc);
        match span {
            Some(s) => d.with_primary(s, label),
            None => d,
        }
    }

    /// The unit of bare numbers in the funds block.
    pub fn funds_unit(&self) -> &str {
        self.raw.funds.unit.as_deref().unwrap_or("万元")
    }
}

fn toml_error(e: &toml::de::Error, file: FileId, name: &str) -> Diagnostic {
    let msg = e.message().trim().to_owned();
    let (code, hint) = shape_hint(&msg);
    let d = Diagnostic::error(code, format!("`{name}`: {msg}"));
    let d = match e.span() {
        Some(r) => d.with_primary(
            Span::new(file, r.start, r.end.max(r.start)),
            first_line(&msg),
        ),
        None => d,
    };
    d.with_hint(hint)
}

fn json_error(e: &serde_json::Error, file: FileId, text: &str, name: &str) -> Diagnostic {
    let msg = e.to_string();
    let (code, hint) = if e.is_syntax() || e.is_eof() {
        (
            Code::DataSyntax,
            "check the JSON syntax near this point (commas, quotes, brackets)".to_owned(),
        )
    } else {
        shape_hint(&msg)
    };
    let offset = offset_of(text, e.line(), e.column());
    Diagnostic::error(code, format!("`{name}`: {msg}"))
        .with_primary(
            Span::new(file, offset, (offset + 1).min(text.len())),
            first_line(&msg),
        )
        .with_hint(hint)
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_owned()
}

fn shape_hint(msg: &str) -> (Code, String) {
    if msg.contains("unknown field") {
        (
            Code::DataShape,
            "check the spelling of the field; docs/data.md lists every field".to_owned(),
        )
    } else if msg.contains("missing field") {
        (
            Code::DataShape,
            "add the missing field; docs/data.md lists every field".to_owned(),
        )
    } else if msg.contains("invalid type")
        || msg.contains("invalid value")
        || msg.contains("did not match any variant")
    {
        (
            Code::DataShape,
            "check the value's type: numbers, texts such as \"87.65万元\", paths as lists of names"
                .to_owned(),
        )
    } else if msg.contains("unquoted key") {
        (
            Code::DataSyntax,
            "keys with Chinese characters must be quoted in TOML: `\"执行率\" = \"98.73%\"`"
                .to_owned(),
        )
    } else {
        (
            Code::DataSyntax,
            "check the TOML syntax near this point (quotes, `=`, brackets)".to_owned(),
        )
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

/// A decimal read from a cell that must be a plain number (weights, scores).
pub fn plain_number(cell: &Num) -> Option<Decimal> {
    cell.as_decimal()
}
