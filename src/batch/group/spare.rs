//! Reading the next projects into the allocations of scored ones.

use super::super::columns::Field;
use super::{Cells, MAX_RESERVED_ROWS};
use crate::data::{
    Claimed, FundSource, Funds, Goals, Narrative, Num, PathSpec, Project, ProjectData, Raw, Row,
    SheetLocator,
};
use std::sync::mpsc::Receiver;

/// Scored projects given back to the reader (see [`Grouper::reuse`](super::Grouper::reuse)) and
/// what is left of them, for the next projects to be read into: allocating
/// and freeing the many small blocks of a project is most of what reading
/// it costs. Whatever is reused is emptied or written over as a whole, so
/// that nothing of an earlier project shows in a later one; the functions
/// that do it name every field of what they reuse, so that a field added
/// to the data cannot be left out unnoticed.
#[derive(Default)]
pub(super) struct Spare {
    /// Where scored projects come back.
    pub(super) spent: Option<Receiver<Boxes>>,
    /// Projects come back and not taken apart yet.
    pub(super) projects: Boxes,
    /// Indicator rows of earlier projects, written over as a whole (see
    /// [`Spare::fill_row`]).
    pub(super) rows: Vec<Row>,
    /// Sources of funds of earlier projects.
    pub(super) sources: Vec<FundSource>,
    /// Empty strings, for the texts of optional fields.
    pub(super) strings: Vec<String>,
}

/// Projects in the boxes [`Item::Sheet`](crate::batch::Item::Sheet) hands them over in, as they come
/// back once scored: the boxes are reused too.
pub(super) type Boxes = Vec<Box<ProjectData>>;

/// The most strings [`Spare`] keeps: those of a few projects, so that one
/// huge project leaves no more than them behind. (Rows and sources are
/// kept up to [`MAX_RESERVED_ROWS`].)
pub(super) const MAX_SPARE_STRINGS: usize = 1024;

/// What a project is read into: the allocations of a scored project, all
/// empty, or new ones.
#[derive(Default)]
pub(super) struct Parts {
    /// The scored project's box, its contents taken.
    pub(super) shell: Option<Box<ProjectData>>,
    pub(super) raw: Raw,
    /// For [`SheetLocator::file`].
    pub(super) file: String,
    /// For [`ProjectData::file_name`].
    pub(super) file_name: String,
    pub(super) indicator_rows: Vec<u64>,
    pub(super) field_rows: Vec<(&'static str, u64)>,
}

impl Spare {
    /// A scored project taken apart and emptied, if one came back.
    pub(super) fn project(&mut self) -> Option<Parts> {
        if self.projects.is_empty()
            && let Some(spent) = &self.spent
        {
            for projects in spent.try_iter() {
                self.projects.extend(projects);
            }
        }
        while let Some(mut shell) = self.projects.pop() {
            let Some((mut raw, sheet, mut file_name)) = shell.take_sheet() else {
                continue;
            };
            self.clear_raw(&mut raw);
            let SheetLocator {
                mut file,
                rows: _,
                mut indicator_rows,
                mut field_rows,
                columns: _,
            } = sheet;
            file.clear();
            file_name.clear();
            indicator_rows.clear();
            field_rows.clear();
            if indicator_rows.capacity() > MAX_RESERVED_ROWS {
                indicator_rows = Vec::new();
            }
            return Some(Parts {
                shell: Some(shell),
                raw,
                file,
                file_name,
                indicator_rows,
                field_rows,
            });
        }
        None
    }

    /// Empty a scored project's data for the next project, what it can
    /// reuse put aside or left in place: all but its indicator rows, which
    /// the next project's rows are written over one by one (moving them
    /// would cost about as much as writing them), those left over put aside
    /// when it is finished.
    fn clear_raw(&mut self, raw: &mut Raw) {
        let Raw {
            framework,
            year,
            project,
            funds,
            goals,
            inputs,
            indicators,
            answers,
            ratings,
            narrative,
            claimed,
        } = raw;
        // Never read from a spreadsheet: nothing to keep.
        *framework = None;
        inputs.clear();
        answers.clear();
        ratings.clear();
        *narrative = Narrative::default();
        *claimed = Claimed::default();
        *year = None;
        let Project {
            name,
            department,
            unit: project_unit,
            code,
        } = project;
        for text in [name, department, project_unit, code] {
            text.clear();
        }
        let Goals { expected, achieved } = goals;
        expected.clear();
        achieved.clear();
        let Funds {
            unit,
            initial,
            budget,
            executed,
            sources,
            claimed_rate,
            claimed_score,
        } = funds;
        if let Some(unit) = unit.take() {
            self.put(unit);
        }
        for figure in [initial, budget, executed, claimed_rate, claimed_score] {
            if let Some(n) = figure.take() {
                self.put(n.text);
            }
        }
        let room = MAX_RESERVED_ROWS.saturating_sub(self.sources.len());
        self.sources.extend(sources.drain(..).take(room));
        if indicators.capacity() > MAX_RESERVED_ROWS {
            indicators.truncate(MAX_RESERVED_ROWS);
            indicators.shrink_to_fit();
        }
    }

    /// Keep indicator rows for other projects, as many as there is room
    /// for.
    pub(super) fn keep_rows(&mut self, rows: impl Iterator<Item = Row>) {
        let room = MAX_RESERVED_ROWS.saturating_sub(self.rows.len());
        self.rows.extend(rows.take(room));
    }

    /// Keep a string, emptied, for another text.
    fn put(&mut self, mut text: String) {
        if text.capacity() > 0 && self.strings.len() < MAX_SPARE_STRINGS {
            text.clear();
            self.strings.push(text);
        }
    }

    /// `text` in a spare string, or a new one.
    fn string(&mut self, text: &str) -> String {
        let mut s = self.strings.pop().unwrap_or_default();
        set_text(&mut s, text);
        s
    }

    /// Set an optional text to a cell's: `None` for an empty cell.
    #[inline(always)]
    pub(super) fn set_text(&mut self, slot: &mut Option<String>, text: &str) {
        // Most optional cells are empty, as was the one written over.
        if !text.is_empty() || slot.is_some() {
            self.write_text(slot, text);
        }
    }

    fn write_text(&mut self, slot: &mut Option<String>, text: &str) {
        match slot {
            _ if text.is_empty() => {
                if let Some(old) = slot.take() {
                    self.put(old);
                }
            }
            Some(old) => set_text(old, text),
            None => *slot = Some(self.string(text)),
        }
    }

    /// Set an optional number to a cell's: `None` for an empty cell.
    #[inline(always)]
    pub(super) fn set_num(&mut self, slot: &mut Option<Num>, cells: &Cells<'_>, f: Field) {
        if !cells.get(f).is_empty() || slot.is_some() {
            self.write_num(slot, cells, f);
        }
    }

    fn write_num(&mut self, slot: &mut Option<Num>, cells: &Cells<'_>, f: Field) {
        let text = cells.get(f);
        match slot {
            _ if text.is_empty() => {
                if let Some(old) = slot.take() {
                    self.put(old.text);
                }
            }
            Some(old) => set_cell(old, cells, f),
            None => {
                *slot = Some(Num {
                    text: self.string(text),
                    was_number: cells.was_number(f),
                });
            }
        }
    }

    /// A source of funds with no figures, in a spare one if there is one.
    pub(super) fn source(&mut self, name: &str) -> FundSource {
        let Some(mut source) = self.sources.pop() else {
            return FundSource {
                name: name.to_owned(),
                ..FundSource::default()
            };
        };
        let FundSource {
            name: old,
            initial,
            budget,
            executed,
        } = &mut source;
        set_text(old, name);
        for figure in [initial, budget, executed] {
            if let Some(n) = figure.take() {
                self.put(n.text);
            }
        }
        source
    }

    /// Write a row's cells over every field of an indicator row.
    pub(super) fn fill_row(&mut self, row: &mut Row, cells: &Cells<'_>) {
        let Row {
            path,
            name,
            target,
            actual,
            weight,
            score,
            claimed_score,
            claimed_completion,
            deduction,
            deduction_reason,
            reason,
        } = row;
        self.set_path(path, [cells.get(Field::Level1), cells.get(Field::Level2)]);
        set_text(name, cells.get(Field::Indicator));
        set_cell(target, cells, Field::Target);
        set_cell(actual, cells, Field::Actual);
        set_cell(weight, cells, Field::Weight);
        self.set_num(score, cells, Field::Score);
        self.set_num(claimed_score, cells, Field::ClaimedScore);
        self.set_num(claimed_completion, cells, Field::Completion);
        self.set_num(deduction, cells, Field::Deduction);
        self.set_text(deduction_reason, cells.get(Field::DeductionReason));
        self.set_text(reason, cells.get(Field::Reason));
    }

    /// Set a path to the levels given, empty ones left out.
    fn set_path(&mut self, path: &mut PathSpec, levels: [&str; 2]) {
        if let PathSpec::Joined(joined) = path {
            self.put(std::mem::take(joined));
            *path = PathSpec::List(Vec::new());
        }
        let PathSpec::List(names) = path else {
            return;
        };
        let count = levels.iter().filter(|l| !l.is_empty()).count();
        if names.capacity() == 0 {
            *names = Vec::with_capacity(count);
        }
        let mut n = 0;
        for level in levels.into_iter().filter(|l| !l.is_empty()) {
            match names.get_mut(n) {
                Some(name) => set_text(name, level),
                None => names.push(self.string(level)),
            }
            n += 1;
        }
        for name in names.drain(n..) {
            self.put(name);
        }
    }
}

/// Set a string to `text`, in the allocation it has when it is large
/// enough: else a new block of the exact size costs less than growing the
/// old one, which would copy what is being replaced.
#[inline]
pub(super) fn set_text(to: &mut String, text: &str) {
    if to.capacity() < text.len() {
        *to = text.to_owned();
    } else {
        to.clear();
        to.push_str(text);
    }
}

/// Set a number to a cell's, in the allocation it has; an empty cell is
/// the empty text.
#[inline]
fn set_cell(num: &mut Num, cells: &Cells<'_>, f: Field) {
    let Num { text, was_number } = num;
    set_text(text, cells.get(f));
    *was_number = cells.was_number(f);
}
