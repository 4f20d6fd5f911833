//! Rows of a spreadsheet → one project each: consecutive rows with the same
//! 项目编号 (or an empty one, continuing the project above) make a project.
//!
//! Project fields (name, unit, funds …) may be repeated on every row of the
//! project or given on its first row only: each is taken from the first row
//! that fills it, and a later row that gives a *different* value is an error.

use super::Item;
use super::columns::{ColumnIndex, FIELDS, Field};
use crate::data::{Num, PathSpec, ProjectData, Raw, Row, SheetLocator};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use std::borrow::Cow;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, DefaultHasher, Hash, Hasher};
use std::sync::Arc;

/// One row's cells, by field (`""` for an empty cell or a missing column);
/// `numbers` says which cells the file stored as numbers (Excel).
pub(crate) struct Cells<'a> {
    pub text: [&'a str; FIELDS],
    pub numbers: [bool; FIELDS],
}

impl<'a> Cells<'a> {
    pub(crate) fn new() -> Self {
        Cells {
            text: [""; FIELDS],
            numbers: [false; FIELDS],
        }
    }

    fn get(&self, f: Field) -> &'a str {
        self.text[f as usize].trim()
    }

    fn num(&self, f: Field) -> Option<Num> {
        let t = self.get(f);
        (!t.is_empty()).then(|| Num {
            text: t.to_owned(),
            was_number: self.numbers[f as usize],
        })
    }

    fn is_blank(&self) -> bool {
        self.text.iter().all(|t| t.trim().is_empty())
    }
}

/// Groups rows into projects, in order.
pub(crate) struct Grouper {
    file: FileId,
    name: Arc<str>,
    columns: ColumnIndex,
    current: Option<Builder>,
    /// Hashes of the ids of finished projects, to find a project whose rows
    /// are not contiguous: 8 bytes a project, the only state that grows.
    seen: HashSet<u64, BuildHasherDefault<IdHasher>>,
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

struct Builder {
    id: String,
    rows: (u64, u64),
    raw: Raw,
    field_rows: Vec<(&'static str, u64)>,
    indicator_rows: Vec<u64>,
    errors: Vec<Diagnostic>,
    repeated: bool,
}

impl Grouper {
    pub(crate) fn new(file: FileId, name: &str, columns: ColumnIndex) -> Self {
        Grouper {
            file,
            name: Arc::from(name),
            columns,
            current: None,
            seen: HashSet::default(),
        }
    }

    /// Add a row; returns the project it completes, if any.
    pub(crate) fn push(&mut self, row: u64, cells: &Cells<'_>) -> Option<Item> {
        if cells.is_blank() {
            return None;
        }
        let id = cells.get(Field::Id);
        let continues = match &self.current {
            Some(b) => id.is_empty() || b.id == id,
            None => false,
        };
        let done = if continues {
            None
        } else {
            let done = self.current.take().map(|b| self.finish_one(b));
            let mut b = Builder {
                id: id.to_owned(),
                rows: (row, row),
                raw: Raw::default(),
                field_rows: Vec::new(),
                indicator_rows: Vec::new(),
                errors: Vec::new(),
                repeated: false,
            };
            if id.is_empty() {
                b.errors.push(
                    Diagnostic::error(Code::DataShape, "a row without a project id")
                        .with_location(self.at(row, Field::Id))
                        .with_hint(format!(
                            "fill in `{}` on the project's first row; rows below it with an empty id belong to the same project",
                            self.header(Field::Id)
                        )),
                );
            } else if self.seen.contains(&id_hash(id)) {
                b.repeated = true;
            }
            self.current = Some(b);
            done
        };
        if let Some(mut b) = self.current.take() {
            b.rows.1 = row;
            self.read_row(&mut b, row, cells);
            self.current = Some(b);
        }
        done
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

    fn header(&self, f: Field) -> &str {
        self.columns
            .names
            .get(f.path())
            .map_or(f.header(), String::as_str)
    }

    fn at(&self, row: u64, f: Field) -> String {
        format!("{}: row {row}, column {}", self.name, self.header(f))
    }

    fn read_row(&self, b: &mut Builder, row: u64, cells: &Cells<'_>) {
        for f in Field::ALL.into_iter().filter(|f| f.is_project()) {
            let value = cells.get(f);
            if value.is_empty() || !self.columns.has(f) {
                continue;
            }
            self.set_project_field(b, row, f, cells);
        }
        let indicator = [
            Field::Level1,
            Field::Level2,
            Field::Indicator,
            Field::Target,
            Field::Actual,
            Field::Weight,
        ];
        if indicator.iter().all(|f| cells.get(*f).is_empty()) {
            return;
        }
        let weight = cells.num(Field::Weight).unwrap_or_default();
        if weight.as_decimal().is_none() {
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
        let path: Vec<String> = [Field::Level1, Field::Level2]
            .iter()
            .map(|f| cells.get(*f))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect();
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

    fn set_project_field(&self, b: &mut Builder, row: u64, f: Field, cells: &Cells<'_>) {
        let value = cells.get(f);
        let path = f.path();
        if let Some((_, first)) = b.field_rows.iter().find(|(p, _)| *p == path) {
            let before = current_text(&b.raw, f);
            if before.as_deref() != Some(value) {
                let before = before.map(Cow::into_owned);
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
            return;
        }
        let raw = &mut b.raw;
        let num = || cells.num(f);
        match f {
            Field::Id => raw.project.code = value.to_owned(),
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
            _ => return,
        }
        b.field_rows.push((path, row));
    }

    fn finish_one(&mut self, mut b: Builder) -> Item {
        let hash = id_hash(&b.id);
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
                    (a, z) if a == z => format!("{}: row {a}", self.name),
                    (a, z) => format!("{}: rows {a}–{z}", self.name),
                })
                .with_note("its earlier rows were scored as a project on their own")
                .with_hint(format!(
                    "sort the rows by `{}` so that each project's rows follow one another",
                    self.header(Field::Id)
                )),
            );
        } else if !b.id.is_empty() {
            self.seen.insert(hash);
        }
        let rows = u64::try_from(b.indicator_rows.len()).unwrap_or(u64::MAX);
        let sheet = SheetLocator {
            file: self.name.to_string(),
            rows: b.rows,
            indicator_rows: b.indicator_rows,
            field_rows: b.field_rows,
            columns: Arc::clone(&self.columns.names),
        };
        if b.raw.project.code.is_empty() {
            b.raw.project.code.clone_from(&b.id);
        }
        let data = ProjectData::from_sheet(self.file, b.raw, sheet);
        if b.errors.is_empty() {
            Item::Sheet {
                data: Box::new(data),
                rows,
            }
        } else {
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
        _ => None,
    }
}
