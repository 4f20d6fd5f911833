//! Rows of a spreadsheet → one project each: consecutive rows with the same
//! 项目编号 (or an empty one, continuing the project above) make a project.
//!
//! Project fields (name, unit, funds …) may be repeated on every row of the
//! project or given on its first row only: each is taken from the first row
//! that fills it, and a later row that gives a *different* value is an error.

use super::Item;
use super::columns::{ColumnIndex, FIELDS, Field, Figure, SOURCES};
use crate::data::{FundSource, Funds, Num, PathSpec, ProjectData, Raw, Row, SheetLocator};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// One row's cells, by field.
pub(crate) struct Cells<'a> {
    /// The text of each field without leading and trailing whitespace
    /// (`""` for an empty cell or a missing column), given with
    /// [`Cells::set`]. Readers trim: the grouper looks at each cell several
    /// times, and a CSV reader can trim a cell repeated from the row above
    /// once for all its rows.
    text: [&'a str; FIELDS],
    /// The fields with a non-empty cell, one [`bit`] each.
    filled: u64,
    /// Which cells the file stored as numbers (Excel).
    pub numbers: [bool; FIELDS],
    /// The fields (one [`bit`] each) whose cell has, untrimmed, the text of
    /// the last cell the reader read in the same column; none when the
    /// reader does not know. A project field repeated on every row is then
    /// not compared again with the value the project has.
    pub same: u64,
}

impl<'a> Cells<'a> {
    pub(crate) fn new() -> Self {
        Cells {
            text: [""; FIELDS],
            filled: 0,
            numbers: [false; FIELDS],
            same: 0,
        }
    }

    /// Give a field's cell, trimmed.
    pub(crate) fn set(&mut self, field: usize, text: &'a str) {
        if let Some(t) = self.text.get_mut(field) {
            *t = text;
            let bit = 1u64 << field;
            if text.is_empty() {
                self.filled &= !bit;
            } else {
                self.filled |= bit;
            }
        }
    }

    /// A field's cell, as given.
    #[cfg(test)]
    pub(crate) fn text(&self, field: usize) -> &'a str {
        self.text[field]
    }

    fn get(&self, f: Field) -> &'a str {
        self.text[f as usize]
    }

    fn num(&self, f: Field) -> Option<Num> {
        let t = self.get(f);
        (!t.is_empty()).then(|| Num {
            text: t.to_owned(),
            was_number: self.numbers[f as usize],
        })
    }
}

/// The fields of an indicator: a row with none of them gives project fields
/// only.
const INDICATOR_FIELDS: [Field; 6] = [
    Field::Level1,
    Field::Level2,
    Field::Indicator,
    Field::Target,
    Field::Actual,
    Field::Weight,
];

/// [`INDICATOR_FIELDS`] as a mask.
const INDICATOR_MASK: u64 = {
    let mut mask = 0;
    let mut i = 0;
    while i < INDICATOR_FIELDS.len() {
        mask |= 1 << INDICATOR_FIELDS[i] as u64;
        i += 1;
    }
    mask
};

/// Room reserved at most for a project's rows, from the size of the one
/// before: enough for any usual project without letting one huge project
/// make every later one reserve as much.
const MAX_RESERVED_ROWS: usize = 256;

/// Groups rows into projects, in order.
pub(crate) struct Grouper {
    file: FileId,
    sheet: Sheet,
    current: Option<Builder>,
    /// Hashes of the ids of finished projects, to find a project whose rows
    /// are not contiguous: 8 bytes a project, the only state that grows.
    seen: HashSet<u64, BuildHasherDefault<IdHasher>>,
    /// Indicator rows of the last project: projects of a file tend to be
    /// alike, so as much room is reserved for the next one's rows.
    last_rows: usize,
}

/// What the rows are read against: the file's name and columns. Apart from
/// the [`Grouper`]'s other state so that a row can be read into the project
/// being built in place.
struct Sheet {
    name: Arc<str>,
    columns: ColumnIndex,
    /// The project fields the file has a column for, one [`bit`] each.
    project_columns: u64,
}

/// The id hashes are already well mixed.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn id_hash(id: &str) -> u64 {
    let mut h = DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

fn bit(f: Field) -> u64 {
    1 << (f as u64)
}

struct Builder {
    /// The project id. It is also `raw.project.code`, which is only filled
    /// in when the project is finished: every non-empty id cell of the
    /// project's rows is this id, or the row would have started another
    /// project.
    id: String,
    /// [`id_hash`] of a non-empty `id`, looked up when the project starts
    /// and remembered when it ends.
    hash: u64,
    rows: (u64, u64),
    raw: Raw,
    /// The project fields read so far (one [`bit`] each), all of them in
    /// `field_rows`.
    set: u64,
    /// The fields of `set` whose last cell in the project had the value the
    /// project has: the same text again needs no comparing.
    checked: u64,
    field_rows: Vec<(&'static str, u64)>,
    indicator_rows: Vec<u64>,
    errors: Vec<Diagnostic>,
    repeated: bool,
}

impl Grouper {
    pub(crate) fn new(file: FileId, name: &str, columns: ColumnIndex) -> Self {
        let project_columns = Field::ALL
            .iter()
            .filter(|f| f.is_project() && columns.has(**f))
            .fold(0, |mask, f| mask | bit(*f));
        Grouper {
            file,
            sheet: Sheet {
                name: Arc::from(name),
                columns,
                project_columns,
            },
            current: None,
            seen: HashSet::default(),
            last_rows: 0,
        }
    }

    /// Add a row; returns the project it completes, if any.
    pub(crate) fn push(&mut self, row: u64, cells: &Cells<'_>) -> Option<Item> {
        let filled = cells.filled;
        if filled == 0 {
            return None;
        }
        let id = cells.get(Field::Id);
        let done = match &self.current {
            Some(b) if id.is_empty() || b.id == id => None,
            _ => {
                let done = self.current.take().map(|b| self.finish_one(b));
                self.current = Some(self.start(row, id));
                done
            }
        };
        if let Some(b) = &mut self.current {
            b.rows.1 = row;
            self.sheet.read_row(b, row, cells, filled);
        }
        done
    }

    /// A project whose first row is `row`.
    fn start(&self, row: u64, id: &str) -> Builder {
        let reserve = self.last_rows.min(MAX_RESERVED_ROWS);
        let mut b = Builder {
            id: id.to_owned(),
            hash: 0,
            rows: (row, row),
            raw: Raw::default(),
            set: 0,
            checked: 0,
            field_rows: Vec::with_capacity(self.sheet.project_columns.count_ones() as usize),
            indicator_rows: Vec::with_capacity(reserve),
            errors: Vec::new(),
            repeated: false,
        };
        b.raw.indicators.reserve(reserve);
        if id.is_empty() {
            b.errors.push(
                Diagnostic::error(Code::DataShape, "a row without a project id")
                    .with_location(self.sheet.at(row, Field::Id))
                    .with_hint(format!(
                        "fill in `{}` on the project's first row; rows below it with an empty id belong to the same project",
                        self.sheet.header(Field::Id)
                    )),
            );
        } else {
            b.hash = id_hash(id);
            b.repeated = self.seen.contains(&b.hash);
        }
        b
    }

    /// Add a problem to the project being read (a row that cannot be
    /// decoded).
    pub(crate) fn fail_current(&mut self, d: Diagnostic) {
        if let Some(b) = &mut self.current {
            b.errors.push(d);
        }
    }

    /// The last project.
    pub(crate) fn finish(&mut self) -> Option<Item> {
        self.current.take().map(|b| self.finish_one(b))
    }

    fn finish_one(&mut self, mut b: Builder) -> Item {
        if b.repeated {
            b.errors.insert(
                0,
                Diagnostic::error(
                    Code::DataShape,
                    format!(
                        "the rows of project `{}` are not together: it already appeared above",
                        b.id
                    ),
                )
                .with_location(match b.rows {
                    (a, z) if a == z => format!("{}: row {a}", self.sheet.name),
                    (a, z) => format!("{}: rows {a}–{z}", self.sheet.name),
                })
                .with_note("its earlier rows were scored as a project on their own")
                .with_hint(format!(
                    "sort the rows by `{}` so that each project's rows follow one another",
                    self.sheet.header(Field::Id)
                )),
            );
        } else if !b.id.is_empty() {
            self.seen.insert(b.hash);
        }
        self.last_rows = b.indicator_rows.len();
        let rows = u64::try_from(b.indicator_rows.len()).unwrap_or(u64::MAX);
        let sheet = SheetLocator {
            file: self.sheet.name.to_string(),
            rows: b.rows,
            indicator_rows: b.indicator_rows,
            field_rows: b.field_rows,
            columns: Arc::clone(&self.sheet.columns.names),
        };
        let mut raw = b.raw;
        if b.errors.is_empty() {
            raw.project.code = b.id;
            Item::Sheet {
                data: Box::new(ProjectData::from_sheet(self.file, raw, sheet)),
                rows,
            }
        } else {
            raw.project.code.clone_from(&b.id);
            let data = ProjectData::from_sheet(self.file, raw, sheet);
            Item::Broken {
                id: b.id,
                source: data.file_name,
                name: data.raw.project.name,
                unit: data.raw.project.unit,
                diagnostics: b.errors,
                rows,
            }
        }
    }
}

impl Sheet {
    fn header(&self, f: Field) -> &str {
        self.columns
            .names
            .get(f.path())
            .map_or(f.header(), String::as_str)
    }

    fn at(&self, row: u64, f: Field) -> String {
        format!("{}: row {row}, column {}", self.name, self.header(f))
    }

    /// Read a row into its project; `filled` is `cells.filled`.
    fn read_row(&self, b: &mut Builder, row: u64, cells: &Cells<'_>, filled: u64) {
        // In field order, which is the order of errors and `field_rows`.
        let mut todo = filled & self.project_columns & !(b.set & b.checked & cells.same);
        while todo != 0 {
            let Some(&f) = Field::ALL.get(todo.trailing_zeros() as usize) else {
                break;
            };
            todo &= todo - 1;
            let value = cells.get(f);
            if b.set & bit(f) == 0 {
                self.set_project_field(b, row, f, cells);
            } else if same_text(&b.raw, f, value) {
                b.checked |= bit(f);
            } else {
                b.checked &= !bit(f);
                self.differs(b, row, f, value);
            }
        }
        if filled & INDICATOR_MASK == 0 {
            return;
        }
        let weight = cells.num(Field::Weight).unwrap_or_default();
        if !is_decimal(&weight) {
            let found = if weight.text.is_empty() {
                "it is empty".to_owned()
            } else {
                format!("found `{}`", weight.text)
            };
            b.errors.push(
                Diagnostic::error(
                    Code::DataShape,
                    format!("the weight must be a number of points, {found}"),
                )
                .with_location(self.at(row, Field::Weight))
                .with_hint(format!(
                    "write the points as a number in column `{}`, e.g. `10`",
                    self.header(Field::Weight)
                )),
            );
        }
        let levels = [cells.get(Field::Level1), cells.get(Field::Level2)];
        let mut path = Vec::with_capacity(levels.iter().filter(|s| !s.is_empty()).count());
        for level in levels {
            if !level.is_empty() {
                path.push(level.to_owned());
            }
        }
        let text = |f: Field| {
            let t = cells.get(f);
            (!t.is_empty()).then(|| t.to_owned())
        };
        b.raw.indicators.push(Row {
            path: PathSpec::List(path),
            name: cells.get(Field::Indicator).to_owned(),
            target: cells.num(Field::Target).unwrap_or_default(),
            actual: cells.num(Field::Actual).unwrap_or_default(),
            weight,
            score: cells.num(Field::Score),
            claimed_score: cells.num(Field::ClaimedScore),
            claimed_completion: cells.num(Field::Completion),
            deduction: cells.num(Field::Deduction),
            deduction_reason: text(Field::DeductionReason),
            reason: text(Field::Reason),
        });
        b.indicator_rows.push(row);
    }

    /// A later row of the project gives `value` for a field an earlier row
    /// set to something else.
    fn differs(&self, b: &mut Builder, row: u64, f: Field, value: &str) {
        let path = f.path();
        let first = b
            .field_rows
            .iter()
            .find(|(p, _)| *p == path)
            .map_or(0, |(_, first)| *first);
        let before = current_text(&b.raw, f).map(Cow::into_owned);
        b.errors.push(
            Diagnostic::error(
                Code::DataShape,
                format!(
                    "`{}` is `{}` on row {first} but `{value}` on row {row}",
                    self.header(f),
                    before.unwrap_or_default()
                ),
            )
            .with_location(self.at(row, f))
            .with_hint("a project's fields must be the same on each of its rows, or given on its first row only"),
        );
    }

    fn set_project_field(&self, b: &mut Builder, row: u64, f: Field, cells: &Cells<'_>) {
        let value = cells.get(f);
        let raw = &mut b.raw;
        let num = || cells.num(f);
        match f {
            // Set when the project is finished (see `Builder::id`).
            Field::Id => {}
            Field::Name => raw.project.name = value.to_owned(),
            Field::Department => raw.project.department = value.to_owned(),
            Field::Unit => raw.project.unit = value.to_owned(),
            Field::Year => match value.parse::<i64>() {
                Ok(y) => raw.year = Some(y),
                Err(_) => {
                    b.errors.push(
                        Diagnostic::error(
                            Code::DataShape,
                            format!("the year must be a whole number, found `{value}`"),
                        )
                        .with_location(self.at(row, f))
                        .with_hint("write the fiscal year as digits, e.g. `2020`"),
                    );
                    return;
                }
            },
            Field::Initial => raw.funds.initial = num(),
            Field::Budget => raw.funds.budget = num(),
            Field::Executed => raw.funds.executed = num(),
            Field::FundsUnit => raw.funds.unit = Some(value.to_owned()),
            Field::Expected => raw.goals.expected = value.to_owned(),
            Field::Achieved => raw.goals.achieved = value.to_owned(),
            _ => match f.source() {
                Some((source, figure)) => *source_figure(&mut raw.funds, source, figure) = num(),
                None => return,
            },
        }
        b.set |= bit(f);
        b.checked |= bit(f);
        b.field_rows.push((f.path(), row));
    }
}

/// Whether a later row's `value` for a project field is what an earlier row
/// set it to: [`current_text`] without building the year's text.
fn same_text(raw: &Raw, f: Field, value: &str) -> bool {
    fn num(n: &Option<Num>) -> Option<&str> {
        n.as_ref().map(|n| n.text.as_str())
    }
    let before = match f {
        // Every id cell of a project is its id (see `Builder::id`).
        Field::Id => return true,
        Field::Year => return raw.year.is_some_and(|y| prints_as(y, value)),
        Field::Name => Some(raw.project.name.as_str()),
        Field::Department => Some(raw.project.department.as_str()),
        Field::Unit => Some(raw.project.unit.as_str()),
        Field::Initial => num(&raw.funds.initial),
        Field::Budget => num(&raw.funds.budget),
        Field::Executed => num(&raw.funds.executed),
        Field::FundsUnit => raw.funds.unit.as_deref(),
        Field::Expected => Some(raw.goals.expected.as_str()),
        Field::Achieved => Some(raw.goals.achieved.as_str()),
        _ => source_cell(raw, f).map(|n| n.text.as_str()),
    };
    before == Some(value)
}

/// [`Num::as_decimal`]`.is_some()`, without parsing the usual weight: a
/// few digits are always a decimal.
fn is_decimal(n: &Num) -> bool {
    let text = n.text.as_bytes();
    (1..=9).contains(&text.len()) && text.iter().all(u8::is_ascii_digit) || n.as_decimal().is_some()
}

/// Whether `text` is `n` as `n.to_string()` writes it.
fn prints_as(n: i64, text: &str) -> bool {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.as_bytes()),
        None => (false, text.as_bytes()),
    };
    if negative != (n < 0) || digits.is_empty() || (digits.len() > 1 && digits[0] == b'0') {
        return false;
    }
    let mut rest = n.unsigned_abs();
    for d in digits.iter().rev() {
        if !d.is_ascii_digit() || u64::from(d - b'0') != rest % 10 {
            return false;
        }
        rest /= 10;
    }
    rest == 0
}

/// The text a project field was set to, for comparing with a later row.
fn current_text(raw: &Raw, f: Field) -> Option<Cow<'_, str>> {
    fn text(s: &str) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(s))
    }
    match f {
        Field::Id => text(&raw.project.code),
        Field::Name => text(&raw.project.name),
        Field::Department => text(&raw.project.department),
        Field::Unit => text(&raw.project.unit),
        Field::Year => raw.year.map(|y| Cow::Owned(y.to_string())),
        Field::Initial => text(&raw.funds.initial.as_ref()?.text),
        Field::Budget => text(&raw.funds.budget.as_ref()?.text),
        Field::Executed => text(&raw.funds.executed.as_ref()?.text),
        Field::FundsUnit => text(raw.funds.unit.as_deref()?),
        Field::Expected => text(&raw.goals.expected),
        Field::Achieved => text(&raw.goals.achieved),
        _ => text(&source_cell(raw, f)?.text),
    }
}

/// The cell a project read for a figure of a source of funds.
fn source_cell(raw: &Raw, f: Field) -> Option<&Num> {
    let (source, figure) = f.source()?;
    let s = raw
        .funds
        .sources
        .iter()
        .find(|s| s.name == SOURCES[source])?;
    // `Figure` is declared in the order of `FundSource::figures`.
    s.figures()[figure as usize]
}

/// A figure of a source of funds, the source added when the project has
/// not got it yet: a source is listed when one of its cells is filled, and
/// the sources are in the order of [`SOURCES`] whichever row fills them.
fn source_figure(funds: &mut Funds, source: usize, figure: Figure) -> &mut Option<Num> {
    let name = SOURCES[source];
    let at = match funds.sources.iter().position(|s| s.name == name) {
        Some(at) => at,
        None => {
            let before = &SOURCES[..source];
            let at = funds
                .sources
                .iter()
                .filter(|s| before.contains(&s.name.as_str()))
                .count();
            funds.sources.insert(
                at,
                FundSource {
                    name: name.to_owned(),
                    ..FundSource::default()
                },
            );
            at
        }
    };
    let s = &mut funds.sources[at];
    match figure {
        Figure::Initial => &mut s.initial,
        Figure::Budget => &mut s.budget,
        Figure::Executed => &mut s.executed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_a_decimal_as_num_says() {
        for text in [
            "0",
            "7",
            "10",
            "007",
            "999999999",
            "1.5",
            "",
            "ten",
            "1e3",
            "1,000",
            "１０",
        ] {
            let n = Num {
                text: text.to_owned(),
                was_number: false,
            };
            assert_eq!(is_decimal(&n), n.as_decimal().is_some(), "{text}");
        }
    }

    #[test]
    fn a_year_is_compared_as_it_prints() {
        for n in [0, 7, 10, 2020, -1, -2020, i64::MAX, i64::MIN] {
            assert!(prints_as(n, &n.to_string()), "{n}");
        }
        for (n, text) in [
            (2020, "02020"),
            (2020, "+2020"),
            (2020, "202"),
            (2020, "12020"),
            (0, "-0"),
            (0, ""),
            (0, "00"),
            (-5, "5"),
            (5, "-5"),
            (2020, "2O20"),
            (2020, "２０２０"),
        ] {
            assert!(!prints_as(n, text), "{n} {text}");
        }
    }
}
