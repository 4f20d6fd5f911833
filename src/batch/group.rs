//! Rows of a spreadsheet → one project each: consecutive rows with the same
//! 项目编号 (or an empty one, continuing the project above) make a project.
//!
//! Project fields (name, unit, funds …) may be repeated on every row of the
//! project or given on its first row only: each is taken from the first row
//! that fills it, and a later row that gives a *different* value is an error.

use super::Item;
use super::columns::{ColumnIndex, FIELDS, Field, Figure, SOURCES};
use crate::catalogue::Name;
use crate::catalogue::batch::Batch;
use crate::data::notation::{self, Op};
use crate::data::{Funds, Num, ProjectData, Raw, Row, SheetLocator};
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
use crate::span::FileId;
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::sync::mpsc::Receiver;

mod spare;
use spare::{Boxes, Parts, Spare, set_text};

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

    /// Whether any field has a non-empty cell (else the grouper skips the
    /// row).
    pub(crate) fn any(&self) -> bool {
        self.filled != 0
    }

    /// Whether the file stored a non-empty cell as a number.
    fn was_number(&self, f: Field) -> bool {
        self.numbers[f as usize] && !self.get(f).is_empty()
    }
}

/// The fields of an indicator: a row with none of them gives project fields
/// only.
const INDICATOR_FIELDS: [Field; 8] = [
    Field::Level1,
    Field::Level2,
    Field::Indicator,
    Field::Target,
    Field::Actual,
    Field::Sign,
    Field::Measure,
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
    /// What the next projects are read into.
    spare: Spare,
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
    /// The box of the scored project whose allocations this one is read
    /// into, emptied.
    shell: Option<Box<ProjectData>>,
    /// For [`SheetLocator::file`], empty.
    file: String,
    /// For [`ProjectData::file_name`], empty.
    file_name: String,
    /// [`id_hash`] of a non-empty `id`, looked up when the project starts
    /// and remembered when it ends.
    hash: u64,
    rows: (u64, u64),
    /// The project as read so far; but its indicators past the rows read
    /// so far (`indicator_rows.len()`) are those of the scored project it
    /// is read into, to be written over by the next rows or put aside when
    /// the project is finished (see `Spare::clear_raw`).
    raw: Raw,
    /// The project fields read so far (one [`bit`] each), all of them in
    /// `field_rows`.
    set: u64,
    /// The fields of `set` whose last cell in the project had the value the
    /// project has: the same text again needs no comparing.
    checked: u64,
    /// Project fields whose cell could not be read: said once, not again
    /// for each row that repeats it.
    failed: u64,
    field_rows: Vec<(&'static str, u64)>,
    indicator_rows: Vec<u64>,
    errors: Vec<Diagnostic>,
    /// How many of `errors` were there before the last row was read: a
    /// problem of that row as a whole goes before those of its cells.
    row_errors: usize,
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
            spare: Spare::default(),
        }
    }

    /// Read the next projects into the allocations of those that come back
    /// through `spent` once scored.
    pub(crate) fn reuse(&mut self, spent: Receiver<Boxes>) {
        self.spare.spent = Some(spent);
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
            b.row_errors = b.errors.len();
            self.sheet.read_row(b, &mut self.spare, row, cells, filled);
        }
        done
    }

    /// A project whose first row is `row`.
    fn start(&mut self, row: u64, id: &str) -> Builder {
        let reserve = self.last_rows.min(MAX_RESERVED_ROWS);
        let Parts {
            shell,
            mut raw,
            file,
            file_name,
            mut indicator_rows,
            mut field_rows,
        } = self.spare.project().unwrap_or_default();
        let mut own_id = std::mem::take(&mut raw.project.code);
        set_text(&mut own_id, id);
        field_rows.reserve(self.sheet.project_columns.count_ones() as usize);
        indicator_rows.reserve(reserve);
        // Beyond the scored project's rows, written over first.
        raw.indicators
            .reserve(reserve.saturating_sub(raw.indicators.len()));
        let mut b = Builder {
            id: own_id,
            shell,
            file,
            file_name,
            hash: 0,
            rows: (row, row),
            raw,
            set: 0,
            checked: 0,
            failed: 0,
            field_rows,
            indicator_rows,
            errors: Vec::new(),
            row_errors: 0,
            repeated: false,
        };
        if id.is_empty() {
            b.errors.push(
                Diagnostic::error(Code::DataShape, Batch::RowWithoutId)
                    .with_place(self.sheet.at(row, Field::Id))
                    .with_hint(Batch::HintFillId {
                        column: self.sheet.column(Field::Id),
                    }),
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

    /// Where field `field` (by number) of spreadsheet row `row` is, for a
    /// message: `自评表.xlsx: row 5, column 实际完成值`.
    pub(crate) fn locate(&self, row: u64, field: usize) -> Place {
        match Field::ALL.get(field) {
            Some(f) => self.sheet.at(row, *f),
            None => self.sheet.row(row),
        }
    }

    /// Where spreadsheet row `row` is, for a message.
    pub(crate) fn row(&self, row: u64) -> Place {
        self.sheet.row(row)
    }

    /// Add a problem of the last row as a whole (it was split wrong) to
    /// its project, before those found in its cells, which it explains.
    pub(crate) fn fail_last_row(&mut self, d: Diagnostic) {
        if let Some(b) = &mut self.current {
            b.errors.insert(b.row_errors.min(b.errors.len()), d);
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
                    Batch::RowsApart {
                        project: Name::new(&b.id),
                    },
                )
                .with_place(self.sheet.rows_at(b.rows))
                .with_note(Batch::NoteRowsApart)
                .with_hint(Batch::HintSortRows {
                    column: self.sheet.column(Field::Id),
                }),
            );
        } else if !b.id.is_empty() {
            self.seen.insert(b.hash);
        }
        self.last_rows = b.indicator_rows.len();
        let rows = u64::try_from(b.indicator_rows.len()).unwrap_or(u64::MAX);
        self.spare
            .keep_rows(b.raw.indicators.drain(b.indicator_rows.len()..));
        let mut file = b.file;
        set_text(&mut file, &self.sheet.name);
        let sheet = SheetLocator {
            file,
            rows: b.rows,
            indicator_rows: b.indicator_rows,
            field_rows: b.field_rows,
            columns: Arc::clone(&self.sheet.columns.names),
        };
        // Amounts without a unit are in the unit the funds columns' headers
        // give (`全年预算数（元）`), unless the project's 资金单位 says
        // another: then which one is meant is not clear.
        if let Some(unit) = &self.sheet.columns.funds_unit {
            match b.raw.funds.unit.as_deref().map(crate::text::trim) {
                None => b.raw.funds.unit = Some(unit.to_string()),
                Some(given) if given != &**unit => b.errors.push(
                    Diagnostic::error(
                        Code::DataShape,
                        Batch::FundsUnitDiffers {
                            column: self.sheet.column(Field::FundsUnit),
                            given: given.into(),
                            unit: unit.to_string().into(),
                        },
                    )
                    .with_place(self.sheet.rows_at(b.rows))
                    .with_hint(Batch::HintOneFundsUnit),
                ),
                Some(_) => {}
            }
        }
        let mut raw = b.raw;
        // The id of a project that cannot be scored, which goes with it.
        let broken = if b.errors.is_empty() {
            raw.project.code = b.id;
            None
        } else {
            Some(b.id)
        };
        let data = ProjectData::from_sheet(self.file, raw, sheet, b.file_name);
        let mut data = match b.shell {
            Some(mut shell) => {
                *shell = data;
                shell
            }
            None => Box::new(data),
        };
        let source = self.sheet.rows_at(b.rows);
        let Some(id) = broken else {
            return Item::Sheet { data, source, rows };
        };
        let item = Item::Broken {
            id,
            source,
            name: std::mem::take(&mut data.raw.project.name),
            unit: std::mem::take(&mut data.raw.project.unit),
            diagnostics: b.errors,
            rows,
        };
        // Not scored: what is left of it serves the next project.
        self.spare.projects.push(data);
        item
    }
}

impl Sheet {
    /// Where a project's rows are, for a message.
    fn rows_at(&self, (first, last): (u64, u64)) -> Place {
        Place::Rows {
            file: self.name.to_string(),
            first,
            last,
            column: None,
        }
    }

    /// A row, for a message.
    fn row(&self, row: u64) -> Place {
        Place::Cell {
            file: self.name.to_string(),
            row,
            column: None,
        }
    }

    fn header(&self, f: Field) -> &str {
        self.columns
            .names
            .get(f.path())
            .map_or(f.header(), String::as_str)
    }

    /// A field's column, named as the file names it, for a message.
    fn column(&self, f: Field) -> Name {
        Name::new(self.header(f))
    }

    /// A cell, for a message.
    fn at(&self, row: u64, f: Field) -> Place {
        Place::Cell {
            file: self.name.to_string(),
            row,
            column: Some(self.header(f).to_owned()),
        }
    }

    /// Read a row into its project; `filled` is `cells.filled`.
    fn read_row(
        &self,
        b: &mut Builder,
        spare: &mut Spare,
        row: u64,
        cells: &Cells<'_>,
        filled: u64,
    ) {
        // In field order, which is the order of errors and `field_rows`.
        let mut todo =
            filled & self.project_columns & !(b.set & b.checked & cells.same) & !b.failed;
        while todo != 0 {
            let Some(&f) = Field::ALL.get(todo.trailing_zeros() as usize) else {
                break;
            };
            todo &= todo - 1;
            let value = cells.get(f);
            if b.set & bit(f) == 0 {
                self.set_project_field(b, spare, row, f, cells);
            } else if same_text(&b.raw, f, value) {
                b.checked |= bit(f);
            } else {
                b.checked &= !bit(f);
                self.differs(b, row, f, value);
            }
        }
        if filled & INDICATOR_MASK == 0
            || filled & bit(Field::Indicator) == 0 && self.total_row(b, row, cells)
        {
            return;
        }
        let indicators = &mut b.raw.indicators;
        let at = b.indicator_rows.len();
        if at == indicators.len() {
            indicators.push(spare.rows.pop().unwrap_or_default());
        }
        let Some(indicator) = indicators.get_mut(at) else {
            return;
        };
        spare.fill_row(indicator, cells);
        if filled & (bit(Field::Sign) | bit(Field::Measure)) != 0
            && let Err(d) = self.complete(row, indicator, cells)
        {
            b.errors.push(d);
        }
        // A row with neither 一级 nor 二级 指标 is in the group of the
        // indicator row above it: a merged cell's text is in its first row
        // only, and the 自评表 merges the cells of a group.
        if filled & (bit(Field::Level1) | bit(Field::Level2)) == 0 {
            let (above, here) = indicators.split_at_mut(at);
            if let (Some(prev), Some(this)) = (above.last(), here.first_mut()) {
                this.path.clone_from(&prev.path);
            }
        }
        let Some(indicator) = indicators.get(at) else {
            return;
        };
        if !is_points(&indicator.weight) {
            let message = if indicator.weight.text.is_empty() {
                Batch::WeightEmpty
            } else {
                Batch::WeightNotPoints {
                    found: indicator.weight.text.as_str().into(),
                }
            };
            b.errors.push(self.not_points(row, Field::Weight, message));
        }
        b.indicator_rows.push(row);
    }

    /// Write a target and an actual given as bare numbers whole, when
    /// the row has their operator in 指标性质 and their unit in 度量单位
    /// (`≥` `95` `%` → `≥95%`), as some 自评表 lay them out. A target or
    /// actual that has its own operator or unit keeps it; words (`达成`,
    /// `不低于95%`) are left as they are.
    fn complete(&self, row: u64, indicator: &mut Row, cells: &Cells<'_>) -> Result<(), Diagnostic> {
        let sign_cell = cells.get(Field::Sign);
        let sign = match sign_of(sign_cell) {
            Some(op) => op.symbol(),
            None if sign_cell.is_empty() || QUALITY.contains(&sign_cell) => "",
            None => {
                return Err(Diagnostic::error(
                    Code::DataShape,
                    Batch::SignUnknown {
                        column: self.column(Field::Sign),
                        value: sign_cell.into(),
                    },
                )
                .with_place(self.at(row, Field::Sign))
                .with_hint(Batch::HintSigns));
            }
        };
        let unit = cells.get(Field::Measure);
        let target = cells.get(Field::Target);
        let own = notation::leading_sign(target);
        if let Some(own) = own
            && !sign.is_empty()
            && own.symbol() != sign
        {
            return Err(Diagnostic::error(
                Code::DataShape,
                Batch::SignDisagrees {
                    sign_column: self.column(Field::Sign),
                    sign: sign_cell.into(),
                    target_column: self.column(Field::Target),
                    target: target.into(),
                },
            )
            .with_place(self.at(row, Field::Sign))
            .with_hint(Batch::HintSignsAgree));
        }
        let sign = if own.is_none() && starts_with_number(target) {
            sign
        } else {
            ""
        };
        let actual = cells.get(Field::Actual);
        let unit_of = |figure: &str| if ends_with_digit(figure) { unit } else { "" };
        let (target_unit, actual_unit) = (unit_of(target), unit_of(actual));
        if !sign.is_empty() || !target_unit.is_empty() {
            indicator.target.text = format!("{sign}{target}{target_unit}");
            indicator.target.was_number = false;
        }
        if !actual_unit.is_empty() {
            indicator.actual.text = format!("{actual}{actual_unit}");
            indicator.actual.was_number = false;
        }
        Ok(())
    }

    /// A cell of points that is not a number: a weight, or a total (which
    /// may be left empty).
    fn not_points(&self, row: u64, f: Field, message: Batch) -> Diagnostic {
        let column = self.column(f);
        let hint = if f == Field::Weight {
            Batch::HintPointsWeight { column }
        } else {
            Batch::HintPointsTotal { column }
        };
        Diagnostic::error(Code::DataShape, message)
            .with_place(self.at(row, f))
            .with_hint(hint)
    }

    /// Whether the row is the table's total line: `合计` or `总分` where the
    /// group names go, and no indicator name, target or actual. Its 得分 is
    /// the total the table claims, checked as a report's total is; its
    /// 分值 is not read (the framework checks the rows' weights).
    fn total_row(&self, b: &mut Builder, row: u64, cells: &Cells<'_>) -> bool {
        let label = match cells.get(Field::Level1) {
            "" => cells.get(Field::Level2),
            l1 => l1,
        };
        if !is_total_label(label)
            || [Field::Indicator, Field::Target, Field::Actual]
                .iter()
                .any(|f| !cells.get(*f).is_empty())
        {
            return false;
        }
        let claimed = cells.get(Field::ClaimedScore);
        if claimed.is_empty() {
            return true;
        }
        let total = Num {
            text: claimed.to_owned(),
            was_number: cells.was_number(Field::ClaimedScore),
        };
        // The total a column gives is the project's; the total row must
        // agree with it.
        if b.set & bit(Field::ClaimedTotal) != 0 {
            let column = b.raw.claimed.total.as_ref().and_then(Num::as_points);
            if total.as_points() != column {
                let given = current_text(&b.raw, Field::ClaimedTotal).unwrap_or_default();
                b.errors.push(
                    Diagnostic::error(
                        Code::DataShape,
                        Batch::TotalRowDiffers {
                            claimed: claimed.into(),
                            column: self.column(Field::ClaimedTotal),
                            given: given.into_owned().into(),
                        },
                    )
                    .with_place(self.at(row, Field::ClaimedScore))
                    .with_hint(Batch::HintTotalOnce),
                );
            }
            return true;
        }
        let earlier = b
            .field_rows
            .iter()
            .find(|(p, _)| *p == Field::ClaimedTotal.path())
            .map(|(_, r)| *r);
        if let Some(first) = earlier {
            b.errors.push(
                Diagnostic::error(Code::DataShape, Batch::TwoTotalRows { first, second: row })
                    .with_place(self.at(row, Field::ClaimedScore))
                    .with_hint(Batch::HintOneTotalRow),
            );
        } else if total.as_points().is_none() {
            b.errors.push(self.not_points(
                row,
                Field::ClaimedScore,
                Batch::TotalRowNotPoints {
                    found: claimed.into(),
                },
            ));
        } else {
            b.raw.claimed.total = Some(total);
            b.field_rows.push((Field::ClaimedTotal.path(), row));
        }
        true
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
                Batch::FieldDiffers {
                    column: self.column(f),
                    before: before.unwrap_or_default().into(),
                    first,
                    value: value.into(),
                    row,
                },
            )
            .with_place(self.at(row, f))
            .with_hint(Batch::HintSameFields),
        );
    }

    fn set_project_field(
        &self,
        b: &mut Builder,
        spare: &mut Spare,
        row: u64,
        f: Field,
        cells: &Cells<'_>,
    ) {
        let value = cells.get(f);
        let raw = &mut b.raw;
        match f {
            // Set when the project is finished (see `Builder::id`).
            Field::Id => {}
            Field::Name => set_text(&mut raw.project.name, value),
            Field::Department => set_text(&mut raw.project.department, value),
            Field::Unit => set_text(&mut raw.project.unit, value),
            Field::Year => match parse_year(value) {
                Some(y) => raw.year = Some(y),
                None => {
                    b.errors.push(
                        Diagnostic::error(
                            Code::DataShape,
                            Batch::YearNotNumber {
                                found: value.into(),
                            },
                        )
                        .with_place(self.at(row, f))
                        .with_hint(Batch::HintYearDigits),
                    );
                    b.failed |= bit(f);
                    return;
                }
            },
            Field::Initial => spare.set_num(&mut raw.funds.initial, cells, f),
            Field::Budget => spare.set_num(&mut raw.funds.budget, cells, f),
            Field::Executed => spare.set_num(&mut raw.funds.executed, cells, f),
            Field::FundsUnit => spare.set_text(&mut raw.funds.unit, value),
            Field::Expected => set_text(&mut raw.goals.expected, value),
            Field::Achieved => set_text(&mut raw.goals.achieved, value),
            Field::ClaimedTotal => {
                spare.set_num(&mut raw.claimed.total, cells, f);
                if raw
                    .claimed
                    .total
                    .as_ref()
                    .and_then(Num::as_points)
                    .is_none()
                {
                    let message = Batch::ClaimedTotalNotPoints {
                        found: value.into(),
                    };
                    b.errors.push(self.not_points(row, f, message));
                    b.failed |= bit(f);
                    return;
                }
            }
            Field::ClaimedGrade => spare.set_text(&mut raw.claimed.grade, value),
            Field::ClaimedRate => spare.set_num(&mut raw.funds.claimed_rate, cells, f),
            Field::ClaimedRateScore => spare.set_num(&mut raw.funds.claimed_score, cells, f),
            _ => match f.source() {
                Some((source, figure)) => {
                    let cell = source_figure(&mut raw.funds, spare, source, figure);
                    spare.set_num(cell, cells, f);
                }
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
        Field::Year => {
            return raw
                .year
                .is_some_and(|y| prints_as(y, value) || parse_year(value) == Some(y));
        }
        Field::Name => Some(raw.project.name.as_str()),
        Field::Department => Some(raw.project.department.as_str()),
        Field::Unit => Some(raw.project.unit.as_str()),
        Field::Initial => num(&raw.funds.initial),
        Field::Budget => num(&raw.funds.budget),
        Field::Executed => num(&raw.funds.executed),
        Field::FundsUnit => raw.funds.unit.as_deref(),
        Field::Expected => Some(raw.goals.expected.as_str()),
        Field::Achieved => Some(raw.goals.achieved.as_str()),
        Field::ClaimedTotal => num(&raw.claimed.total),
        Field::ClaimedGrade => raw.claimed.grade.as_deref(),
        Field::ClaimedRate => num(&raw.funds.claimed_rate),
        Field::ClaimedRateScore => num(&raw.funds.claimed_score),
        _ => source_cell(raw, f).map(|n| n.text.as_str()),
    };
    before == Some(value)
}

/// What a 指标性质 cell says of a qualitative indicator, or of a
/// quantitative one without naming its operator.
const QUALITY: [&str; 4] = ["定性", "定量", "定性指标", "定量指标"];

/// 指标性质 in words: a positive indicator is met at or above its target,
/// a reverse one at or below.
const DIRECTIONS: [(&str, Op); 4] = [
    ("正向", Op::Ge),
    ("正向指标", Op::Ge),
    ("反向", Op::Le),
    ("反向指标", Op::Le),
];

/// The operator a 指标性质 cell gives: a sign as the notation reads one, or
/// a direction in words.
fn sign_of(cell: &str) -> Option<Op> {
    DIRECTIONS
        .iter()
        .find(|(word, _)| *word == crate::text::trim(cell))
        .map(|(_, op)| *op)
        .or_else(|| notation::sign(cell))
}

/// Whether a cell starts with a number (`95`, `-3`, `.5`, `９５`): a target
/// with neither an operator nor words before it.
fn starts_with_number(text: &str) -> bool {
    text.chars()
        .map(notation::fold)
        .find(|c| *c != '-')
        .is_some_and(|c| c.is_ascii_digit() || c == '.')
}

/// Whether a cell ends with a digit (`95`, `不低于95`, `≥1,200`): a figure
/// without a unit of its own.
fn ends_with_digit(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| notation::fold(c).is_ascii_digit())
}

/// The words a table's total line has in place of a group name, spaced
/// out or not (`合  计`).
fn is_total_label(text: &str) -> bool {
    let word: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    ["合计", "总计", "总分", "总得分", "得分合计", "合计得分"].contains(&word.as_str())
}

/// [`Num::as_points`]`.is_some()`, without parsing the usual weight: a
/// few digits are always a decimal.
fn is_points(n: &Num) -> bool {
    let text = n.text.as_bytes();
    (1..=9).contains(&text.len()) && text.iter().all(u8::is_ascii_digit) || n.as_points().is_some()
}

/// A year as tables write it: `2021`, `2021年`, `2021年度`, `２０２１`.
fn parse_year(text: &str) -> Option<i64> {
    let digits: String = text
        .chars()
        .map(notation::fold)
        .filter(|c| !c.is_whitespace())
        .collect();
    let digits = digits
        .strip_suffix("年度")
        .or_else(|| digits.strip_suffix('年'))
        .unwrap_or(&digits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
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
        Field::ClaimedTotal => text(&raw.claimed.total.as_ref()?.text),
        Field::ClaimedGrade => text(raw.claimed.grade.as_deref()?),
        Field::ClaimedRate => text(&raw.funds.claimed_rate.as_ref()?.text),
        Field::ClaimedRateScore => text(&raw.funds.claimed_score.as_ref()?.text),
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
fn source_figure<'a>(
    funds: &'a mut Funds,
    spare: &mut Spare,
    source: usize,
    figure: Figure,
) -> &'a mut Option<Num> {
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
            funds.sources.insert(at, spare.source(name));
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
    use super::spare::MAX_SPARE_STRINGS;
    use super::*;

    #[test]
    fn operators_and_bare_numbers_are_told_apart() {
        for (text, sign) in [
            ("≥", Some(Op::Ge)),
            (">=", Some(Op::Ge)),
            ("＞＝", Some(Op::Ge)),
            (" ≦ ", Some(Op::Le)),
            ("﹦", Some(Op::Eq)),
            ("<", Some(Op::Lt)),
            ("正向", Some(Op::Ge)),
            ("反向指标", Some(Op::Le)),
            ("定性", None),
            ("≥≥", None),
            ("", None),
        ] {
            assert_eq!(sign_of(text), sign, "{text:?}");
        }
        for (target, sign) in [
            ("≥95", Some(Op::Ge)),
            (">= 95%", Some(Op::Ge)),
            ("＜＝90万元", Some(Op::Le)),
            ("95", None),
            ("不低于95", None),
            ("达成", None),
        ] {
            assert_eq!(notation::leading_sign(target), sign, "{target:?}");
        }
        for text in ["95", "-3", ".5", "９５", "1,200"] {
            assert!(starts_with_number(text), "{text:?}");
        }
        for text in ["≥95", "不低于95", "", "-"] {
            assert!(!starts_with_number(text), "{text:?}");
        }
        for text in ["95", "不低于95", "≥1,200", "９５"] {
            assert!(ends_with_digit(text), "{text:?}");
        }
        for text in ["95%", "2021年6月30日", "达成", ""] {
            assert!(!ends_with_digit(text), "{text:?}");
        }
    }

    #[test]
    fn digits_are_points_as_num_says() {
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
            "10分",
            "9.5 分",
            "分",
        ] {
            let n = Num {
                text: text.to_owned(),
                was_number: false,
            };
            assert_eq!(is_points(&n), n.as_points().is_some(), "{text}");
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

    /// A grouper reading a file with a column for every field.
    fn grouper() -> Grouper {
        let headers: Vec<String> = Field::ALL.iter().map(|f| f.header().to_owned()).collect();
        let columns = crate::batch::columns::Columns::default()
            .resolve("t.csv", 1, &headers)
            .expect("every field has its column");
        Grouper::new(FileId(0), "t.csv", columns)
    }

    /// A row's cells: field, text (trimmed), and whether stored as a number.
    type Cells3 = Vec<(Field, String, bool)>;

    fn push(g: &mut Grouper, row: u64, cells: &Cells3) -> Option<Item> {
        let mut c = Cells::new();
        for (f, text, number) in cells {
            c.set(*f as usize, text);
            c.numbers[*f as usize] = *number;
        }
        g.push(row, &c)
    }

    /// How projects come back to a grouper once "scored".
    #[derive(Clone, Copy, Debug)]
    enum Back {
        /// Never: every project is read into new allocations.
        Never,
        /// After `after` more projects, `batch` at a time.
        After { after: usize, batch: usize },
    }

    /// Read `rows` (row numbers from 2) with projects given back as
    /// `back` says; every item as its `Debug` text.
    fn read_all(rows: &[Cells3], back: Back) -> Vec<String> {
        let mut g = grouper();
        let (tx, rx) = std::sync::mpsc::channel();
        if let Back::After { .. } = back {
            g.reuse(rx);
        }
        let mut out = Vec::new();
        let mut waiting: std::collections::VecDeque<Box<ProjectData>> = Default::default();
        let mut take = |item: Option<Item>, out: &mut Vec<String>| {
            let Some(item) = item else { return };
            out.push(format!("{item:?}"));
            if let (Item::Sheet { data, .. }, Back::After { after, batch }) = (item, back) {
                waiting.push_back(data);
                while waiting.len() > after {
                    let n = batch.min(waiting.len() - after);
                    tx.send(waiting.drain(..n).collect())
                        .expect("the grouper listens");
                }
            }
        };
        for (i, cells) in rows.iter().enumerate() {
            let item = push(&mut g, i as u64 + 2, cells);
            take(item, &mut out);
        }
        let last = g.finish();
        take(last, &mut out);
        out
    }

    fn cell(f: Field, text: &str) -> (Field, String, bool) {
        (f, text.to_owned(), false)
    }

    /// Every field of project `id`, on each of `rows` rows.
    fn rich(id: &str, rows: usize) -> Vec<Cells3> {
        (0..rows)
            .map(|i| {
                let mut cells: Cells3 = Field::ALL
                    .iter()
                    .map(|f| cell(*f, &format!("{}-{id}-{i}", f.header())))
                    .collect();
                let project = |f: Field, text: &str| (f, text.to_owned(), true);
                for (f, text) in [
                    (Field::Id, id.to_owned()),
                    (Field::Name, format!("项目{id}")),
                    (Field::Department, format!("部门{id}")),
                    (Field::Unit, format!("单位{id}")),
                    (Field::Expected, format!("预期{id}")),
                    (Field::Achieved, format!("完成{id}")),
                    (Field::FundsUnit, "元".to_owned()),
                    (Field::Year, "2020".to_owned()),
                    (Field::ClaimedTotal, "90.5".to_owned()),
                    (Field::ClaimedGrade, "优".to_owned()),
                    (Field::ClaimedRate, "98.5%".to_owned()),
                    (Field::ClaimedRateScore, "9.85".to_owned()),
                ] {
                    cells[f as usize] = project(f, &text);
                }
                cells[Field::Sign as usize] = cell(Field::Sign, "≥");
                cells[Field::Measure as usize] = cell(Field::Measure, "个");
                for f in Field::ALL {
                    if f.source().is_some()
                        || matches!(f, Field::Initial | Field::Budget | Field::Executed)
                    {
                        cells[f as usize] = project(f, &format!("{}.5", f as usize));
                    }
                }
                for f in [
                    Field::Weight,
                    Field::Score,
                    Field::ClaimedScore,
                    Field::Completion,
                    Field::Deduction,
                ] {
                    cells[f as usize] = project(f, &format!("{i}"));
                }
                cells
            })
            .collect()
    }

    /// Project `id` with a name, one figure of one source of funds and the
    /// fields an indicator needs.
    fn sparse(id: &str, rows: usize, source: Field) -> Vec<Cells3> {
        (0..rows)
            .map(|i| {
                vec![
                    cell(Field::Id, id),
                    cell(Field::Name, "小项目"),
                    cell(source, "3"),
                    cell(Field::Level1, "产出指标"),
                    cell(Field::Indicator, &format!("指标{i}")),
                    cell(Field::Target, "≥1"),
                    cell(Field::Actual, "1"),
                    cell(Field::Weight, "10"),
                ]
            })
            .collect()
    }

    #[test]
    fn a_sparse_project_read_into_a_rich_one_has_nothing_of_it() {
        // B is read into A's allocations: A comes back as B starts.
        let rows: Vec<Cells3> = [
            rich("A", 5),
            sparse("X", 1, Field::GrantBudget),
            sparse("B", 2, Field::CarryoverExecuted),
        ]
        .concat();
        let mut g = grouper();
        let (tx, rx) = std::sync::mpsc::channel();
        g.reuse(rx);
        let mut a_at = None;
        let mut items = Vec::new();
        for (i, cells) in rows.iter().enumerate() {
            match push(&mut g, i as u64 + 2, cells) {
                Some(Item::Sheet { data, .. }) if a_at.is_none() => {
                    a_at = Some(std::ptr::from_ref::<ProjectData>(&data).addr());
                    tx.send(vec![data]).expect("the grouper listens");
                }
                item => items.extend(item),
            }
        }
        items.extend(g.finish());
        let [Item::Sheet { .. }, Item::Sheet { data: b, .. }] = items.as_slice() else {
            panic!("two projects after A: {items:#?}")
        };
        assert_eq!(
            Some(std::ptr::from_ref::<ProjectData>(b).addr()),
            a_at,
            "B is read into A's box"
        );
        let raw = &b.raw;
        assert_eq!(raw.project.code, "B");
        assert_eq!(raw.project.name, "小项目");
        assert_eq!(raw.project.department, "");
        assert_eq!(raw.project.unit, "");
        assert_eq!(raw.year, None);
        assert_eq!(raw.goals.expected, "");
        assert_eq!(raw.goals.achieved, "");
        assert!(raw.funds.unit.is_none());
        assert!(raw.claimed.total.is_none() && raw.claimed.grade.is_none());
        assert!(raw.funds.figures().iter().all(Option::is_none));
        let [source] = raw.funds.sources.as_slice() else {
            panic!("one source: {:?}", raw.funds.sources)
        };
        assert_eq!(source.name, SOURCES[1]);
        assert_eq!(
            source
                .figures()
                .map(|n| n.map(|n| (n.text.as_str(), n.was_number))),
            [None, None, Some(("3", false))]
        );
        assert_eq!(raw.indicators.len(), 2);
        for (i, row) in raw.indicators.iter().enumerate() {
            assert_eq!(row.path.parts().as_slice(), ["产出指标"]);
            assert_eq!(row.name, format!("指标{i}"));
            assert_eq!(
                (row.target.text.as_str(), row.target.was_number),
                ("≥1", false)
            );
            assert_eq!(
                (row.weight.text.as_str(), row.weight.was_number),
                ("10", false)
            );
            assert!(row.score.is_none());
            assert!(row.claimed_score.is_none());
            assert!(row.claimed_completion.is_none());
            assert!(row.deduction.is_none());
            assert!(row.deduction_reason.is_none());
            assert!(row.reason.is_none());
        }
        assert_eq!(b.file_name, "t.csv");
        assert_eq!(
            b.whole().render_at(crate::catalogue::Lang::En, None),
            "t.csv: rows 8–9"
        );
        assert_eq!(
            b.locate("indicators[1].target")
                .1
                .render_at(crate::catalogue::Lang::En, None),
            "t.csv: row 9, column 年度指标值"
        );
        assert_eq!(
            b.locate("year")
                .1
                .render_at(crate::catalogue::Lang::En, None),
            "t.csv: rows 8–9, column 年度"
        );
        // As read into new allocations.
        let fresh = read_all(&rows, Back::Never);
        assert_eq!(fresh.get(2), Some(&format!("{:?}", items[1])));
    }

    /// Pseudo-random numbers: the hashes of a seed and a counter.
    struct Rng(u64, u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.1 += 1;
            let mut h = DefaultHasher::new();
            (self.0, self.1).hash(&mut h);
            h.finish()
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
    }

    /// Rows of projects of every shape: any field filled or not, on the
    /// first row or on each, some different on a later row, texts short
    /// and long, rows without an id, ids that come back, blank rows, rows
    /// with project fields only, a project longer than is kept for reuse.
    fn random_rows(seed: u64) -> Vec<Cells3> {
        let mut rng = Rng(seed, 0);
        let mut rows = Vec::new();
        let mut ids: Vec<String> = Vec::new();
        for p in 0..160 {
            let id = match rng.below(40) {
                0 => String::new(),
                1 if !ids.is_empty() => ids[rng.below(ids.len() as u64) as usize].clone(),
                _ => format!("P{p}"),
            };
            ids.push(id.clone());
            let n = match rng.below(30) {
                0 => MAX_RESERVED_ROWS + 20,
                1..=5 => 1,
                _ => 1 + rng.below(12) as usize,
            };
            let every_row = rng.chance(50);
            let rich = rng.below(3);
            let text = |rng: &mut Rng, f: Field| {
                let long = "长".repeat(rng.below(3) as usize * 40);
                match f {
                    Field::Year if rng.chance(95) => "2020".to_owned(),
                    Field::Weight if rng.chance(95) => format!("{}", rng.below(30)),
                    _ => format!("{}{}{long}", f as usize, rng.below(4)),
                }
            };
            let mut project: Cells3 = Vec::new();
            for f in Field::ALL {
                if f.is_project() && f != Field::Id && rng.chance(20 + 30 * rich) {
                    project.push((f, text(&mut rng, f), rng.chance(50)));
                }
            }
            for i in 0..n {
                if rng.chance(2) {
                    rows.push(Vec::new());
                }
                let mut cells: Cells3 = Vec::new();
                if i == 0 || rng.chance(70) {
                    cells.push(cell(Field::Id, &id));
                }
                if i == 0 || every_row {
                    for (f, t, number) in &project {
                        let t = if i > 0 && rng.chance(1) {
                            format!("{t}改")
                        } else {
                            t.clone()
                        };
                        cells.push((*f, t, *number));
                    }
                }
                if !rng.chance(3) {
                    for f in Field::ALL {
                        let odds = if INDICATOR_MASK & bit(f) != 0 {
                            95
                        } else {
                            10 + 20 * rich
                        };
                        if !f.is_project() && rng.chance(odds) {
                            cells.push((f, text(&mut rng, f), rng.chance(30)));
                        }
                    }
                }
                rows.push(cells);
            }
        }
        rows
    }

    #[test]
    fn projects_read_into_scored_ones_are_as_read_into_new_ones() {
        // The seeds between them have ids that come back (rows apart).
        let mut apart = 0;
        for seed in 0..6 {
            let rows = random_rows(seed);
            let fresh = read_all(&rows, Back::Never);
            assert!(fresh.len() > 100, "{}", fresh.len());
            apart += fresh.iter().filter(|i| i.contains("RowsApart")).count();
            for back in [
                Back::After { after: 0, batch: 1 },
                Back::After { after: 1, batch: 1 },
                Back::After { after: 3, batch: 5 },
                Back::After {
                    after: 20,
                    batch: 7,
                },
            ] {
                let reused = read_all(&rows, back);
                assert_eq!(reused.len(), fresh.len(), "seed {seed}, {back:?}");
                for (i, (r, f)) in reused.iter().zip(&fresh).enumerate() {
                    assert_eq!(r, f, "seed {seed}, {back:?}, project {i}");
                }
            }
        }
        assert!(apart >= 3, "only {apart} projects with rows apart");
    }

    #[test]
    fn what_is_kept_for_reuse_is_bounded() {
        let mut g = grouper();
        let (tx, rx) = std::sync::mpsc::channel();
        g.reuse(rx);
        let mut row = 2;
        for (p, n) in [(0, 3 * MAX_RESERVED_ROWS), (1, 1), (2, 1)] {
            for cells in rich(&format!("H{p}"), n) {
                if let Some(Item::Sheet { data, .. }) = push(&mut g, row, &cells) {
                    tx.send(vec![data]).expect("the grouper listens");
                }
                row += 1;
            }
        }
        let spare = &g.spare;
        assert!(
            spare.rows.len() <= MAX_RESERVED_ROWS,
            "{}",
            spare.rows.len()
        );
        assert!(spare.sources.len() <= MAX_RESERVED_ROWS);
        assert!(spare.strings.len() <= MAX_SPARE_STRINGS);
        let current = g.current.as_ref().expect("H2 is being read");
        assert!(current.raw.indicators.capacity() <= MAX_RESERVED_ROWS);
        assert!(current.indicator_rows.capacity() <= MAX_RESERVED_ROWS);
    }
}
