//! Which spreadsheet column holds which field: the 自评表's Chinese headers
//! by default, overridable with a mapping file (`--columns mapping.toml`).

use crate::catalogue::batch::Batch;
use crate::catalogue::common::Common;
use crate::catalogue::{Name, Names};
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
use crate::span::{FileId, Span};
use std::collections::BTreeMap;
use std::sync::Arc;
use toml::de::{DeTable, DeValue};

/// A field pfc reads from a spreadsheet row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// 项目编号: groups rows into projects.
    Id,
    /// 项目名称.
    Name,
    /// 主管部门.
    Department,
    /// 实施单位.
    Unit,
    /// 年度.
    Year,
    /// 年初预算数.
    Initial,
    /// 全年预算数.
    Budget,
    /// 全年执行数.
    Executed,
    /// 当年财政拨款 年初预算数 (a 其中 row of the funds block).
    GrantInitial,
    /// 当年财政拨款 全年预算数.
    GrantBudget,
    /// 当年财政拨款 全年执行数.
    GrantExecuted,
    /// 上年结转资金 年初预算数.
    CarryoverInitial,
    /// 上年结转资金 全年预算数.
    CarryoverBudget,
    /// 上年结转资金 全年执行数.
    CarryoverExecuted,
    /// 其他资金 年初预算数.
    OtherInitial,
    /// 其他资金 全年预算数.
    OtherBudget,
    /// 其他资金 全年执行数.
    OtherExecuted,
    /// 资金单位 (of bare amounts; default 万元).
    FundsUnit,
    /// 预期目标.
    Expected,
    /// 实际完成情况.
    Achieved,
    /// 自评总分: the total the submitted table claims.
    ClaimedTotal,
    /// 自评等级: the grade the submitted table claims.
    ClaimedGrade,
    /// 执行率: the execution rate the funds block of the submitted table
    /// gives.
    ClaimedRate,
    /// 执行率得分: the score the funds block of the submitted table gives
    /// the execution rate.
    ClaimedRateScore,
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Indicator,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 指标性质: the operator of a target written without one (`≥`, `≤`,
    /// `=`), as some 自评表 give it in a column of its own.
    Sign,
    /// 度量单位: the unit of a target and actual written as bare numbers.
    Measure,
    /// 分值.
    Weight,
    /// 得分 (as the submitted table prints it).
    ClaimedScore,
    /// 评分 (the evaluator's score inside a qualitative band).
    Score,
    /// 完成率 (as the submitted table prints it).
    Completion,
    /// 扣分.
    Deduction,
    /// 扣分原因.
    DeductionReason,
    /// 偏差原因分析及改进措施.
    Reason,
}

/// Number of fields.
pub const FIELDS: usize = 38;

// The grouper keeps one bit per field in a `u64`.
const _: () = assert!(FIELDS <= 64);

/// The sources of funds a spreadsheet has columns for (the 其中 rows of
/// the 自评表's funds block), in the order they are listed.
pub const SOURCES: [&str; 3] = ["当年财政拨款", "上年结转资金", "其他资金"];

/// One of the three figures of a row of the funds block, in the order of
/// [`crate::data::FUND_FIGURES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    /// 年初预算数.
    Initial,
    /// 全年预算数.
    Budget,
    /// 全年执行数.
    Executed,
}

impl Field {
    /// Every field, in column order of the default layout.
    pub const ALL: [Field; FIELDS] = [
        Field::Id,
        Field::Name,
        Field::Department,
        Field::Unit,
        Field::Year,
        Field::Initial,
        Field::Budget,
        Field::Executed,
        Field::GrantInitial,
        Field::GrantBudget,
        Field::GrantExecuted,
        Field::CarryoverInitial,
        Field::CarryoverBudget,
        Field::CarryoverExecuted,
        Field::OtherInitial,
        Field::OtherBudget,
        Field::OtherExecuted,
        Field::FundsUnit,
        Field::Expected,
        Field::Achieved,
        Field::ClaimedTotal,
        Field::ClaimedGrade,
        Field::ClaimedRate,
        Field::ClaimedRateScore,
        Field::Level1,
        Field::Level2,
        Field::Indicator,
        Field::Target,
        Field::Actual,
        Field::Sign,
        Field::Measure,
        Field::Weight,
        Field::ClaimedScore,
        Field::Score,
        Field::Completion,
        Field::Deduction,
        Field::DeductionReason,
        Field::Reason,
    ];

    /// The header the 自评表 uses, and the key in a mapping file.
    pub fn header(self) -> &'static str {
        match self {
            Field::Id => "项目编号",
            Field::Name => "项目名称",
            Field::Department => "主管部门",
            Field::Unit => "实施单位",
            Field::Year => "年度",
            Field::Initial => "年初预算数",
            Field::Budget => "全年预算数",
            Field::Executed => "全年执行数",
            Field::GrantInitial => "财政拨款年初预算数",
            Field::GrantBudget => "财政拨款全年预算数",
            Field::GrantExecuted => "财政拨款全年执行数",
            Field::CarryoverInitial => "上年结转年初预算数",
            Field::CarryoverBudget => "上年结转全年预算数",
            Field::CarryoverExecuted => "上年结转全年执行数",
            Field::OtherInitial => "其他资金年初预算数",
            Field::OtherBudget => "其他资金全年预算数",
            Field::OtherExecuted => "其他资金全年执行数",
            Field::FundsUnit => "资金单位",
            Field::Expected => "预期目标",
            Field::Achieved => "实际完成情况",
            Field::ClaimedTotal => "自评总分",
            Field::ClaimedGrade => "自评等级",
            Field::ClaimedRate => "执行率",
            Field::ClaimedRateScore => "执行率得分",
            Field::Level1 => "一级指标",
            Field::Level2 => "二级指标",
            Field::Indicator => "三级指标",
            Field::Target => "年度指标值",
            Field::Actual => "实际完成值",
            Field::Sign => "指标性质",
            Field::Measure => "度量单位",
            Field::Weight => "分值",
            Field::ClaimedScore => "得分",
            Field::Score => "评分",
            Field::Completion => "完成率",
            Field::Deduction => "扣分",
            Field::DeductionReason => "扣分原因",
            Field::Reason => "偏差原因分析及改进措施",
        }
    }

    /// Other headers budget systems use for the same column.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["项目代码", "项目编码"],
            Field::Year => &["评价年度", "预算年度"],
            // Sichuan's 自评表 names the funds columns so.
            Field::Initial => &["年初预算"],
            Field::Budget => &["调整后预算数", "调整后预算"],
            Field::Executed => &["预算执行数"],
            Field::GrantInitial => &["当年财政拨款年初预算数", "财政拨款资金年初预算数"],
            Field::GrantBudget => &["当年财政拨款全年预算数", "财政拨款资金全年预算数"],
            Field::GrantExecuted => &["当年财政拨款全年执行数", "财政拨款资金全年执行数"],
            Field::CarryoverInitial => &["上年结转资金年初预算数"],
            Field::CarryoverBudget => &["上年结转资金全年预算数"],
            Field::CarryoverExecuted => &["上年结转资金全年执行数"],
            Field::OtherInitial => &["其他来源资金年初预算数"],
            Field::OtherBudget => &["其他来源资金全年预算数"],
            Field::OtherExecuted => &["其他来源资金全年执行数"],
            Field::Indicator => &["指标名称"],
            Field::Target => &["指标值", "年度目标值"],
            Field::Actual => &["实际值", "全年实际值", "完成值"],
            Field::Measure => &["计量单位"],
            Field::ClaimedTotal => &["自评得分", "总分"],
            Field::ClaimedGrade => &["评价等级", "等级"],
            Field::ClaimedRate => &["预算执行率"],
            Field::ClaimedRateScore => &["预算执行率得分"],
            Field::Weight => &["权重"],
            Field::Reason => &["偏差原因", "偏差原因分析", "未完成原因分析"],
            _ => &[],
        }
    }

    /// The field path in project data (`funds.budget`) for project fields,
    /// the row field's name (`target`) for indicator fields. A source's
    /// figures are named by the source, not by its place in the list
    /// (`funds.sources[上年结转资金].budget`): a project has only the
    /// sources it fills in (see [`crate::data::SheetLocator::field_rows`]).
    pub fn path(self) -> &'static str {
        match self {
            Field::Id => "project.code",
            Field::Name => "project.name",
            Field::Department => "project.department",
            Field::Unit => "project.unit",
            Field::Year => "year",
            Field::Initial => "funds.initial",
            Field::Budget => "funds.budget",
            Field::Executed => "funds.executed",
            Field::GrantInitial => "funds.sources[当年财政拨款].initial",
            Field::GrantBudget => "funds.sources[当年财政拨款].budget",
            Field::GrantExecuted => "funds.sources[当年财政拨款].executed",
            Field::CarryoverInitial => "funds.sources[上年结转资金].initial",
            Field::CarryoverBudget => "funds.sources[上年结转资金].budget",
            Field::CarryoverExecuted => "funds.sources[上年结转资金].executed",
            Field::OtherInitial => "funds.sources[其他资金].initial",
            Field::OtherBudget => "funds.sources[其他资金].budget",
            Field::OtherExecuted => "funds.sources[其他资金].executed",
            Field::FundsUnit => "funds.unit",
            Field::Expected => "goals.expected",
            Field::Achieved => "goals.achieved",
            Field::ClaimedTotal => "claimed.total",
            Field::ClaimedGrade => "claimed.grade",
            Field::ClaimedRate => "funds.claimed_rate",
            Field::ClaimedRateScore => "funds.claimed_score",
            Field::Level1 => "path",
            Field::Level2 => "path2",
            Field::Indicator => "name",
            Field::Target => "target",
            Field::Actual => "actual",
            Field::Sign => "sign",
            Field::Measure => "measure",
            Field::Weight => "weight",
            Field::ClaimedScore => "claimed_score",
            Field::Score => "score",
            Field::Completion => "claimed_completion",
            Field::Deduction => "deduction",
            Field::DeductionReason => "deduction_reason",
            Field::Reason => "reason",
        }
    }

    /// Whether the field belongs to the project (read once) rather than to
    /// an indicator row.
    pub fn is_project(self) -> bool {
        self < Field::Level1
    }

    /// For a figure of a source of funds: the source (an index into
    /// [`SOURCES`]) and the figure.
    pub fn source(self) -> Option<(usize, Figure)> {
        Some(match self {
            Field::GrantInitial => (0, Figure::Initial),
            Field::GrantBudget => (0, Figure::Budget),
            Field::GrantExecuted => (0, Figure::Executed),
            Field::CarryoverInitial => (1, Figure::Initial),
            Field::CarryoverBudget => (1, Figure::Budget),
            Field::CarryoverExecuted => (1, Figure::Executed),
            Field::OtherInitial => (2, Figure::Initial),
            Field::OtherBudget => (2, Figure::Budget),
            Field::OtherExecuted => (2, Figure::Executed),
            _ => return None,
        })
    }

    /// Columns a file must have.
    fn required(self) -> bool {
        matches!(
            self,
            Field::Id
                | Field::Level1
                | Field::Indicator
                | Field::Target
                | Field::Actual
                | Field::Weight
        )
    }
}

/// The header pfc looks for, per field.
#[derive(Debug, Clone)]
pub struct Columns {
    names: [String; FIELDS],
    /// Whether the user named this field in a mapping file (then aliases
    /// are not tried).
    mapped: [bool; FIELDS],
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            names: Field::ALL.map(|f| f.header().to_owned()),
            mapped: [false; FIELDS],
        }
    }
}

/// How many rows from the top of a sheet are looked at for the header: it
/// may come below a title and a line saying the unit.
pub const HEADER_ROWS: usize = 10;

/// The header found by [`Columns::find_header`].
#[derive(Debug)]
pub struct Header {
    /// Which of the rows looked at is the header's last (data follows it).
    pub last: usize,
    /// Where each field is.
    pub index: ColumnIndex,
    /// The name of each column (of two header rows, the lower one's where
    /// it has one).
    pub names: Vec<String>,
}

/// Headers as they are compared.
fn tidied(cells: &[String]) -> Vec<String> {
    cells.iter().map(|h| tidy(h)).collect()
}

/// Headers are compared without spaces (a budget system may pad them).
/// A note in brackets at the end (`年度指标值（A）`, `全年预算数（万元）`) is
/// left out too: forms add the column's letter or unit there.
fn tidy(header: &str) -> String {
    let spaced = spaced(header);
    match split_note(&spaced) {
        (name, Some(_)) => name.to_owned(),
        (_, None) => spaced,
    }
}

/// Whether a row under the header only numbers the columns, as printed
/// forms do (`栏次 1 2 3 …`): at least three whole numbers, one more in each
/// column than in the one before (`3`, `(3)`, `（３）`), after at most a
/// label (`栏次`, `行次`, `甲`, `乙` …). A row of data has names in it.
fn numbers_columns(cells: &[String]) -> bool {
    let mut last: Option<u32> = None;
    let mut count = 0;
    for cell in cells.iter().map(|c| spaced(c)).filter(|c| !c.is_empty()) {
        let inner = cell
            .trim_start_matches(['(', '（'])
            .trim_end_matches([')', '）']);
        let digits: String = inner.chars().map(crate::data::notation::fold).collect();
        let number = digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<u32>().ok())
            .flatten();
        match number {
            Some(n) if last.is_none_or(|l| l.checked_add(1) == Some(n)) => {
                last = Some(n);
                count += 1;
            }
            Some(_) => return false,
            None if last.is_none()
                && ["栏次", "行次", "甲", "乙", "丙", "丁"].contains(&cell.as_str()) => {}
            None => return false,
        }
    }
    count >= 3
}

/// A header without its BOM and spaces, its note kept: what a mapping
/// names (`"得分" = "得分（自评）"`) to choose between two columns that
/// differ only in their notes.
fn spaced(header: &str) -> String {
    header
        .trim_start_matches('\u{FEFF}')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A header and the note in brackets at its end, if any and if something
/// comes before it.
fn split_note(header: &str) -> (&str, Option<&str>) {
    let header = header.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = header.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
            && at > 0
        {
            return (
                inner[..at].trim_end(),
                Some(inner[at + open.len_utf8()..].trim()),
            );
        }
    }
    (header, None)
}

impl Columns {
    /// Read a mapping file: `"三级指标" = "指标名称"` lines, each giving the
    /// header in the user's file for one of pfc's fields (named by the
    /// 自评表's header). `file` is the mapping file in the source map, so
    /// that a mistake is shown where it is.
    pub fn from_toml(file: FileId, name: &str, text: &str) -> Result<Columns, Diagnostic> {
        let at = |range: std::ops::Range<usize>| Span::new(file, range.start, range.end);
        let root = DeTable::parse(text).map_err(|e| {
            let span = e
                .span()
                .map(|r| r.start..r.end.max(r.start).min(text.len()));
            let found = span.clone().and_then(|r| text.get(r));
            let (d, label) = crate::data::toml_syntax(e.message().trim(), found);
            let d = match span {
                Some(r) => d.with_primary(at(r), label),
                None => d.with_place(Place::file(name)),
            };
            d.with_note(Batch::NoteColumnMapping {
                file: Name::new(name),
            })
        })?;
        let mut columns = Columns::default();
        // The key each field was given under, to refuse a field given twice.
        let mut given: BTreeMap<Field, (String, Span)> = BTreeMap::new();
        // In the order of the file, so that "twice" names the first one first.
        let mut lines: Vec<_> = root.get_ref().iter().collect();
        lines.sort_by_key(|(key, _)| key.span().start);
        for (key, value) in lines {
            let key_span = at(key.span());
            let key = key.get_ref().as_ref();
            // A field by its header or by one of its aliases (`项目代码`).
            let wanted = tidy(key);
            let Some(field) = Field::ALL
                .iter()
                .find(|f| f.header() == wanted || f.aliases().contains(&wanted.as_str()))
            else {
                let known: Vec<&str> = Field::ALL.iter().map(|f| f.header()).collect();
                let mut d = Diagnostic::error(
                    Code::DataShape,
                    Batch::MappingUnknownField {
                        key: Name::new(key),
                    },
                )
                .with_primary(key_span, Batch::LabelNotAField);
                if let Some(best) = known
                    .iter()
                    .min_by_key(|k| strsim::levenshtein(key, k))
                    .filter(|k| strsim::levenshtein(key, k) <= 2)
                {
                    d = d.with_hint(Common::DidYouMean {
                        name: Name::new(*best),
                    });
                }
                return Err(d.with_note(Batch::NoteMappingFields {
                    fields: known.into_iter().collect(),
                }));
            };
            let DeValue::String(header) = value.get_ref() else {
                // A number or date is most likely the header, unquoted.
                let written = text
                    .get(value.span())
                    .filter(|w| !w.contains(['\n', '"', '[', '{']))
                    .unwrap_or("…");
                return Err(Diagnostic::error(
                    Code::DataShape,
                    Batch::MappingNotQuoted {
                        key: Name::new(key),
                    },
                )
                .with_primary(at(value.span()), Batch::LabelNotQuoted)
                .with_hint(Batch::HintMappingQuote {
                    key: key.into(),
                    written: written.into(),
                }));
            };
            if let Some((first, first_span)) = given.insert(*field, (key.to_owned(), key_span)) {
                return Err(Diagnostic::error(
                    Code::DataShape,
                    Batch::MappingTwice {
                        field: Name::new(field.header()),
                        first: Name::new(first),
                        second: Name::new(key),
                    },
                )
                .with_primary(key_span, Batch::LabelMappingSecond)
                .with_secondary(first_span, Batch::LabelMappingFirst)
                .with_hint(Batch::HintKeepOneLine));
            }
            columns.names[*field as usize] = spaced(header);
            columns.mapped[*field as usize] = true;
        }
        Ok(columns)
    }

    /// The header looked for, for a field.
    pub fn header(&self, field: Field) -> &str {
        &self.names[field as usize]
    }

    /// Find the header among the first rows of a file, given as
    /// `(spreadsheet row, cells)`: the first row that has every required
    /// column, so that a title or a line saying the unit above it is passed
    /// over. The row below it is a second header row when it names fields
    /// the first does not have and leaves the indicator columns empty: the
    /// 自评表's 项目资金 over 年初预算数, 全年预算数, 全年执行数. When no row
    /// has every required column, the error is about the row that comes
    /// closest (the header with a misspelt column rather than the title
    /// above it).
    pub fn find_header(
        &self,
        file: &str,
        rows: &[(u64, Vec<String>)],
    ) -> Result<Header, Diagnostic> {
        let missing = |cells: &[String]| {
            let at = self.positions(cells);
            Field::ALL
                .iter()
                .filter(|f| f.required() && at[**f as usize].is_none())
                .count()
        };
        let counts: Vec<usize> = rows.iter().map(|(_, cells)| missing(cells)).collect();
        let best = counts
            .iter()
            .position(|&m| m == 0)
            .or_else(|| (0..rows.len()).min_by_key(|&i| counts[i]))
            .unwrap_or(0);
        let Some((row, cells)) = rows.get(best) else {
            return Err(Diagnostic::error(
                Code::EmptyFile,
                Batch::SheetEmpty {
                    file: Name::new(file),
                },
            ));
        };
        let (mut last, names) = match rows.get(best + 1) {
            Some((_, below)) if counts[best] == 0 => match self.below(cells, below) {
                Some(names) => (best + 1, names),
                None => (best, cells.clone()),
            },
            _ => (best, cells.clone()),
        };
        if counts[best] == 0 && rows.get(last + 1).is_some_and(|(_, c)| numbers_columns(c)) {
            last += 1;
        }
        match self.resolve(file, *row, &names) {
            Ok(index) => Ok(Header { last, index, names }),
            Err(d) if best == 0 => Err(d),
            Err(d) => {
                // The rows above it, which hold something (a workbook's
                // empty rows are not among `rows`).
                let first = rows.first().map_or(1, |(r, _)| *r);
                let last = rows[best - 1].0;
                Err(d.with_note(if first == last {
                    Batch::NoteTitleRow { row: first }
                } else {
                    Batch::NoteTitleRows { first, last }
                }))
            }
        }
    }

    /// The headers of two header rows as one, when `below` is the second
    /// row of the header `above`: it names a field that `above` does not,
    /// and has nothing in the columns of the indicator fields (a row of
    /// data has them filled). Each column takes the lower row's name where
    /// it has one.
    fn below(&self, above: &[String], below: &[String]) -> Option<Vec<String>> {
        let at = self.positions(above);
        let under = self.positions(below);
        let data = Field::ALL
            .iter()
            .filter(|f| f.required() && !f.is_project())
            .any(|f| {
                at[*f as usize]
                    .and_then(|c| below.get(c))
                    .is_some_and(|cell| !cell.trim().is_empty())
            });
        let names_more = Field::ALL
            .iter()
            .any(|f| at[*f as usize].is_none() && under[*f as usize].is_some());
        if data || !names_more {
            return None;
        }
        let width = above.len().max(below.len());
        Some(
            (0..width)
                .map(|c| {
                    let upper = above.get(c).map_or("", String::as_str);
                    match below.get(c).filter(|b| !b.trim().is_empty()) {
                        // `项目资金（万元）` over `年初预算数`: the unit goes
                        // with the lower name.
                        Some(b) => match split_note(upper).1 {
                            Some(unit) if is_money(unit) => format!("{}（{unit}）", b.trim()),
                            _ => b.clone(),
                        },
                        None => upper.to_owned(),
                    }
                })
                .collect(),
        )
    }

    /// The column of each field among headers, by the field's header or,
    /// unless the mapping names it, one of its aliases: a header written
    /// so first, else one that is so but for a note in brackets.
    fn positions(&self, headers: &[String]) -> [Option<usize>; FIELDS] {
        let exact: Vec<String> = headers.iter().map(|h| spaced(h)).collect();
        let loose = tidied(headers);
        let mut at = [None; FIELDS];
        for field in Field::ALL {
            let candidates = self.candidates(field);
            at[field as usize] = candidates
                .iter()
                .find_map(|c| exact.iter().position(|h| h == c))
                .or_else(|| {
                    candidates.iter().find_map(|c| {
                        let c = tidy(c);
                        loose.iter().position(|h| *h == c)
                    })
                });
        }
        at
    }

    /// The headers a field is looked for under: its header (or the one the
    /// mapping gives) and, unless mapped, its aliases.
    fn candidates(&self, field: Field) -> Vec<&str> {
        let mut list = vec![self.header(field)];
        if !self.mapped[field as usize] {
            list.extend(field.aliases());
        }
        list
    }

    /// Find each field's column among the headers of a file, in spreadsheet
    /// row `row`. A missing required column is an error naming the file,
    /// the header row and what was found, with a suggestion.
    pub fn resolve(
        &self,
        file: &str,
        row: u64,
        headers: &[String],
    ) -> Result<ColumnIndex, Diagnostic> {
        let found = tidied(headers);
        let at = self.positions(headers);
        let mut names = BTreeMap::new();
        for field in Field::ALL {
            if let Some(p) = at[field as usize] {
                names.insert(field.path().to_owned(), found[p].clone());
            }
        }
        let missing: Vec<Field> = Field::ALL
            .into_iter()
            .filter(|f| f.required() && at[*f as usize].is_none())
            .collect();
        if let Some(first) = missing.first() {
            let wanted = self.header(*first);
            let mut d = Diagnostic::error(
                Code::DataShape,
                Batch::SheetNoColumn {
                    file: Name::new(file),
                    columns: missing.iter().map(|f| self.header(*f)).collect(),
                },
            )
            .with_place(header_at(file, row));
            let close = found
                .iter()
                .filter(|h| !h.is_empty())
                .min_by_key(|h| strsim::levenshtein(h, wanted))
                .filter(|h| strsim::levenshtein(h, wanted) <= 2);
            d = match close {
                Some(h) => d.with_hint(Batch::HintMappingDidYouMean {
                    found: Name::new(h),
                    field: first.header().into(),
                    header: h.as_str().into(),
                }),
                None => d.with_hint(Batch::HintHeaderNames {
                    field: first.header().into(),
                }),
            };
            let shown: Names = found
                .iter()
                .map(String::as_str)
                .filter(|h| !h.is_empty())
                .take(30)
                .collect();
            return Err(d.with_note(Batch::NoteHeaderHas { headers: shown }));
        }
        // A header written twice, or two that differ only in their notes
        // (`得分（自评）`, `得分（复核）`): which one holds the field would be
        // a guess, and a wrong one scores the wrong figures. A header
        // written exactly as looked for beats one with a note.
        let exact: Vec<String> = headers.iter().map(|h| spaced(h)).collect();
        for field in Field::ALL {
            let Some(p) = at[field as usize] else {
                continue;
            };
            let named = self.candidates(field).contains(&exact[p].as_str());
            let other = (0..headers.len())
                .find(|&q| q != p && found[q] == found[p] && (exact[q] == exact[p] || !named));
            let Some(q) = other else {
                continue;
            };
            let (first, second) = (p.min(q), p.max(q));
            let d = if exact[q] == exact[p] {
                Diagnostic::error(
                    Code::DataShape,
                    Batch::SheetColumnTwice {
                        file: Name::new(file),
                        header: Name::new(&exact[p]),
                        first: column_letter(first),
                        second: column_letter(second),
                    },
                )
                .with_hint(Batch::HintRenameColumn)
            } else {
                Diagnostic::error(
                    Code::DataShape,
                    Batch::SheetColumnsFor {
                        file: Name::new(file),
                        field: Name::new(self.header(field)),
                        first: Name::new(&exact[first]),
                        first_at: column_letter(first),
                        second: Name::new(&exact[second]),
                        second_at: column_letter(second),
                    },
                )
                .with_hint(Batch::HintMapOne {
                    field: field.header().into(),
                    header: exact[first].as_str().into(),
                })
            };
            return Err(d.with_place(header_at(file, row)));
        }
        // A total row's 得分 is the project's claimed total, unless a
        // column gives it.
        if let (Some(p), None) = (
            at[Field::ClaimedScore as usize],
            at[Field::ClaimedTotal as usize],
        ) {
            names.insert(Field::ClaimedTotal.path().to_owned(), found[p].clone());
        }
        // Indicator-path columns are located under `path`; the second level
        // under the same name for messages.
        if let Some(l2) = at[Field::Level2 as usize] {
            names.insert("path2".to_owned(), found[l2].clone());
        }
        let funds_unit = funds_unit(file, row, headers, &at)?;
        Ok(ColumnIndex {
            at,
            names: Arc::new(names),
            funds_unit,
        })
    }
}

/// The money unit in the notes of the funds columns' headers
/// (`全年预算数（元）`): amounts written without one are in it. Columns that
/// give different units are an error; other notes are not units.
fn funds_unit(
    file: &str,
    row: u64,
    headers: &[String],
    at: &[Option<usize>; FIELDS],
) -> Result<Option<Arc<str>>, Diagnostic> {
    let figures = Field::ALL.into_iter().filter(|f| {
        matches!(f, Field::Initial | Field::Budget | Field::Executed) || f.source().is_some()
    });
    let units: Vec<(&str, &str)> = figures
        .filter_map(|f| headers.get(at[f as usize]?))
        .filter_map(|h| match split_note(h) {
            (_, Some(note)) if is_money(note) => Some((h.trim(), note)),
            _ => None,
        })
        .collect();
    let Some(&(first, unit)) = units.first() else {
        return Ok(None);
    };
    if let Some((other, _)) = units.iter().find(|(_, u)| *u != unit) {
        return Err(Diagnostic::error(
            Code::DataShape,
            Batch::SheetFundsUnits {
                file: Name::new(file),
                first: Name::new(first),
                other: Name::new(*other),
            },
        )
        .with_place(header_at(file, row))
        .with_hint(Batch::HintOneUnit));
    }
    Ok(Some(Arc::from(unit)))
}

/// Where a file's header row is, for a message.
fn header_at(file: &str, row: u64) -> Place {
    Place::Header {
        file: file.to_owned(),
        row,
    }
}

/// Whether a header's note is a money unit (`元`, `万元` …).
fn is_money(note: &str) -> bool {
    matches!(
        crate::quantity::Unit::parse(note),
        Some(crate::quantity::Unit::Money(_))
    )
}

/// A column as a spreadsheet names it, from its index: `A` for the first
/// (0), `Z`, `AA` after it. The one place pfc names columns so: messages
/// say `column G`, and `summary.xlsx` addresses its cells with them.
pub(crate) fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + u8::try_from(rem).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Where each field is in one file: a column index per field, and the
/// headers by field path for diagnostics.
#[derive(Debug, Clone)]
pub struct ColumnIndex {
    /// Column of each field, if the file has it.
    pub at: [Option<usize>; FIELDS],
    /// Headers as the file writes them, by field path.
    pub names: Arc<BTreeMap<String, String>>,
    /// The money unit the headers of the funds columns give
    /// (`全年预算数（元）`), if they give one.
    pub funds_unit: Option<Arc<str>>,
}

impl ColumnIndex {
    /// Whether the file has a column for `field`.
    pub fn has(&self, field: Field) -> bool {
        self.at[field as usize].is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    /// The needed headers, with `target` for 年度指标值 and `more` after.
    fn needed(target: &str, more: &[&str]) -> Vec<String> {
        let mut h = headers(&[
            "项目编号",
            "一级指标",
            "三级指标",
            target,
            "实际完成值",
            "分值",
        ]);
        h.extend(headers(more));
        h
    }

    #[test]
    fn default_headers_and_aliases_are_found() {
        let h = headers(&[
            "\u{FEFF}项目代码",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            " 实际完成值 ",
            "分值",
            "财政拨款全年预算数",
            "上年结转资金全年执行数",
        ]);
        let idx = Columns::default()
            .resolve("a.csv", 1, &h)
            .expect("resolves");
        assert_eq!(idx.at[Field::Id as usize], Some(0));
        assert_eq!(idx.at[Field::Actual as usize], Some(5));
        assert_eq!(idx.at[Field::Budget as usize], None);
        assert_eq!(idx.at[Field::GrantBudget as usize], Some(7));
        assert_eq!(idx.at[Field::CarryoverExecuted as usize], Some(8));
        assert_eq!(idx.at[Field::OtherBudget as usize], None);
        assert_eq!(
            idx.names.get("target").map(String::as_str),
            Some("年度指标值")
        );
        assert_eq!(
            idx.names
                .get("funds.sources[上年结转资金].executed")
                .map(String::as_str),
            Some("上年结转资金全年执行数")
        );
        assert_eq!(Field::OtherExecuted.source(), Some((2, Figure::Executed)));
        assert!(
            Field::ALL
                .iter()
                .all(|f| f.source().is_none() || f.is_project())
        );
    }

    #[test]
    fn every_header_and_alias_names_one_field() {
        let mut seen = BTreeMap::new();
        for f in Field::ALL {
            for h in std::iter::once(f.header()).chain(f.aliases().iter().copied()) {
                assert_eq!(tidy(h), h, "{f:?}");
                if let Some(other) = seen.insert(h, f) {
                    panic!("`{h}` names {other:?} and {f:?}");
                }
            }
        }
    }

    #[test]
    fn a_missing_column_is_named_with_a_suggestion() {
        let h = needed("年度指标", &[]);
        let e = Columns::default()
            .resolve("a.csv", 1, &h)
            .expect_err("年度指标值 missing");
        assert!(e.en().contains("`年度指标值`"), "{}", e.en());
        assert!(e.hints_en()[0].contains("`年度指标`"), "{:?}", e.hints_en());
    }

    #[test]
    fn the_header_is_the_first_row_with_every_needed_column() {
        let header = needed("年度指标值", &[]);
        let title = headers(&["2023年度项目支出绩效自评汇总表"]);
        let unit = headers(&["单位：万元"]);
        let rows = vec![
            (1, title.clone()),
            (2, unit),
            (3, header.clone()),
            (4, header),
        ];
        let header = Columns::default()
            .find_header("a.csv", &rows)
            .expect("found");
        assert_eq!(
            (header.last, header.index.at[Field::Weight as usize]),
            (2, Some(5))
        );
        // None has them all: the error is about the closest, below the title.
        let misspelt = needed("年度指标", &[]);
        let e = Columns::default()
            .find_header("a.csv", &[(1, title), (2, misspelt)])
            .expect_err("no header");
        assert_eq!(
            e.location_en().as_deref(),
            Some("a.csv: row 2 (the header)")
        );
        assert_eq!(
            e.hints_en()[0].split('?').next(),
            Some("did you mean `年度指标`")
        );
        assert!(
            e.notes_en().iter().any(|n| n.contains("(row 1)")),
            "{:?}",
            e.notes_en()
        );
    }

    #[test]
    fn a_row_numbering_the_columns_is_passed_over() {
        for row in [
            &["栏次", "1", "2", "3", "4", "5"][..],
            &["", "（1）", "（2）", "（3）"],
            &["甲", "１", "２", "３", ""],
            &["7", "8", "9"],
        ] {
            assert!(numbers_columns(&headers(row)), "{row:?}");
        }
        for row in [
            &["1", "2"][..],
            &["1", "3", "4"],
            &["1", "2", "3", "栏次"],
            &["P1", "1", "2", "3"],
            &["1", "2", "3.5"],
            &["", "", ""],
        ] {
            assert!(!numbers_columns(&headers(row)), "{row:?}");
        }
        let numbers = headers(&["栏次", "1", "2", "3", "4", "5"]);
        let data = headers(&["P1", "产出指标", "x", "≥1个", "1个", "10"]);
        let header = Columns::default()
            .find_header(
                "a.csv",
                &[(1, needed("年度指标值", &[])), (2, numbers), (3, data)],
            )
            .expect("found");
        assert_eq!(header.last, 1);
    }

    #[test]
    fn a_second_header_row_is_taken_but_not_a_row_of_data() {
        let top = needed("年度指标值", &["项目资金", "", ""]);
        let sub = headers(&[
            "",
            "",
            "",
            "",
            "",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
        ]);
        let data = headers(&["P1", "产出指标", "x", "≥1个", "1个", "10", "5", "5", "4"]);
        // A project's first row giving its fields only: no indicator.
        let fields = headers(&["P1", "", "", "", "", "", "5", "5", "4"]);
        let c = Columns::default();
        let header = c
            .find_header(
                "a.csv",
                &[(1, top.clone()), (2, sub.clone()), (3, data.clone())],
            )
            .expect("two rows");
        assert_eq!(header.last, 1);
        assert_eq!(header.index.at[Field::Budget as usize], Some(7));
        assert_eq!(header.names[5], "分值");
        assert_eq!(header.index.funds_unit, None);
        // The unit over the funds columns goes with them.
        let mut money = top.clone();
        money[6] = "项目资金（元）".to_owned();
        let header = c
            .find_header("a.csv", &[(1, money), (2, sub)])
            .expect("two rows");
        assert_eq!(header.index.funds_unit.as_deref(), Some("元"));
        for below in [data, fields] {
            let header = c
                .find_header("a.csv", &[(1, top.clone()), (2, below)])
                .expect("one row");
            assert_eq!(header.last, 0);
            assert_eq!(header.index.at[Field::Budget as usize], None);
        }
    }

    #[test]
    fn a_note_in_brackets_after_a_header_is_left_out() {
        assert_eq!(split_note("年度指标值（A）"), ("年度指标值", Some("A")));
        assert_eq!(
            split_note("全年预算数 (万元)"),
            ("全年预算数", Some("万元"))
        );
        assert_eq!(split_note("（A）"), ("（A）", None));
        assert_eq!(split_note("分值"), ("分值", None));
        assert_eq!(tidy("\u{FEFF} 实际完成值（B） "), "实际完成值");
        let h = needed(
            "年度指标值（A）",
            &["全年预算数（元）", "全年执行数（元）", "年初预算数"],
        );
        let index = Columns::default().resolve("a.csv", 1, &h).expect("found");
        assert_eq!(index.at[Field::Target as usize], Some(3));
        assert_eq!(index.funds_unit.as_deref(), Some("元"));
        // Other notes are no unit; two units are an error.
        let h = needed("年度指标值", &["全年预算数（A）"]);
        let index = Columns::default().resolve("a.csv", 1, &h).expect("found");
        assert_eq!(index.funds_unit, None);
        let h = needed("年度指标值", &["全年预算数（元）", "全年执行数（万元）"]);
        let e = Columns::default()
            .resolve("a.csv", 1, &h)
            .expect_err("two units");
        assert!(e.en().contains("different units"), "{}", e.en());
    }

    #[test]
    fn two_headers_that_differ_only_in_their_notes_need_a_mapping() {
        let two = needed("年度指标值", &["得分（自评）", "得分（复核）"]);
        let e = Columns::default()
            .resolve("a.csv", 1, &two)
            .expect_err("which one");
        assert_eq!(
            e.en(),
            "`a.csv` has two columns for `得分`: `得分（自评）` (column G) and `得分（复核）` (column H)"
        );
        assert!(
            e.hints_en()[0].ends_with("`\"得分\" = \"得分（自评）\"`"),
            "{:?}",
            e.hints_en()
        );
        // The one the mapping names, note and all.
        let mapping = Columns::from_toml(FileId(0), "m.toml", "\"得分\" = \"得分（复核）\"")
            .expect("mapping");
        let index = mapping.resolve("a.csv", 1, &two).expect("chosen");
        assert_eq!(index.at[Field::ClaimedScore as usize], Some(7));
        // A header written exactly as looked for beats one with a note.
        let plain = needed("年度指标值", &["得分（复核）", "得分"]);
        let index = Columns::default()
            .resolve("a.csv", 1, &plain)
            .expect("exact");
        assert_eq!(index.at[Field::ClaimedScore as usize], Some(7));
    }

    #[test]
    fn a_header_written_twice_is_an_error() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
        let h = needed("年度指标值", &["分值"]);
        let e = Columns::default()
            .resolve("a.csv", 1, &h)
            .expect_err("twice");
        assert_eq!(
            e.en(),
            "`a.csv` has two columns `分值`: column F and column G"
        );
        // A header of a field pfc does not read may come twice.
        let h = needed("年度指标值", &["备注", "备注"]);
        assert!(Columns::default().resolve("a.csv", 1, &h).is_ok());
    }

    #[test]
    fn a_mapping_file_renames_columns() {
        let c = Columns::from_toml(
            FileId(0),
            "m.toml",
            "\"三级指标\" = \"指标名称 \"\n\"项目编号\" = \"编码\"",
        )
        .expect("valid");
        assert_eq!(c.header(Field::Indicator), "指标名称");
        assert_eq!(c.header(Field::Id), "编码");
        let e = Columns::from_toml(FileId(0), "m.toml", "\"三级指\" = \"x\"").expect_err("unknown");
        assert_eq!(e.hints_en(), ["did you mean `三级指标`?"]);
    }

    #[test]
    fn a_mapping_key_may_be_an_alias_but_not_a_second_name_for_one_field() {
        let c = Columns::from_toml(FileId(0), "m.toml", "\"项目代码\" = \"编码\"").expect("valid");
        assert_eq!(c.header(Field::Id), "编码");
        let e = Columns::from_toml(
            FileId(0),
            "m.toml",
            "\"项目编号\" = \"a\"\n\"项目代码\" = \"b\"",
        )
        .expect_err("twice");
        assert_eq!(
            e.en(),
            "the column mapping gives `项目编号` twice, as `项目编号` and as `项目代码`"
        );
    }
}
