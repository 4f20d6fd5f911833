//! Reading an Excel workbook (`.xlsx`) as a stream of projects: one sheet
//! (the first, or the one named with `--sheet`), cell by cell, so that
//! memory holds one row besides the workbook's shared strings.
//!
//! Numbers stored as numbers are read as the shortest decimal that gives the
//! same binary value (what Excel shows); a number in a cell formatted as a
//! percentage (`0.95` shown as `95%`) is read as `95%`.

use super::columns::{ColumnIndex, Columns, FIELDS, Field, HEADER_ROWS};
use super::group::{Cells, Grouper};
use super::{Chunk, Reader};
use crate::catalogue::batch::Batch;
use crate::catalogue::{Name, Names};
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::place::Place;
use crate::span::FileId;
use calamine::{DataRef, Reader as _, Xlsx, open_workbook};
use std::fs::File;
use std::io::BufReader;
use std::path::Path;

type Book = Xlsx<BufReader<File>>;

pub(crate) struct XlsxReader {
    name: String,
    book: Book,
    sheet: String,
    index: ColumnIndex,
    file: FileId,
    header_row: u32,
}

/// A workbook calamine cannot read, with calamine's words for why.
fn bad_file(name: &str, e: &dyn std::fmt::Display) -> Diagnostic {
    not_a_workbook(
        name,
        Batch::WorkbookUnreadable {
            file: Name::new(name),
            why: e.to_string().into(),
        },
    )
}

fn not_a_workbook(name: &str, message: Batch) -> Diagnostic {
    Diagnostic::error(Code::FileUnreadable, message)
        .with_place(Place::file(name))
        .with_hint(Batch::HintSaveXlsx)
}

/// A cell as text; `(text, is_number)`.
fn cell_text(value: &DataRef<'_>, percent: bool) -> (String, bool) {
    match value {
        DataRef::Empty => (String::new(), false),
        DataRef::String(s) => (s.clone(), false),
        DataRef::SharedString(s) => ((*s).to_owned(), false),
        DataRef::Int(i) if percent => (format!("{}%", i128::from(*i) * 100), false),
        DataRef::Int(i) => (i.to_string(), true),
        DataRef::Float(f) => {
            let shortest = f.to_string();
            if percent {
                match Exact::parse(&shortest) {
                    Ok(d) => (format!("{}%", d.pow10(2)), false),
                    Err(_) => (shortest, true),
                }
            } else {
                (shortest, true)
            }
        }
        DataRef::Bool(b) => (if *b { "是" } else { "否" }.to_owned(), false),
        // A date as Chinese Excel shows it (`2021年6月30日`), which reads
        // as a deadline, not as its serial number (44377); a duration
        // (`[h]:mm`) as its number of days.
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, _, _) = d.to_ymd_hms_milli();
            if (h, min) == (0, 0) {
                (format!("{y}年{m}月{day}日"), false)
            } else {
                (format!("{y}年{m}月{day}日 {h}:{min:02}"), false)
            }
        }
        DataRef::DateTime(d) => (d.as_f64().to_string(), true),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => (s.clone(), false),
        DataRef::Error(e) => (e.to_string(), false),
    }
}

impl XlsxReader {
    pub(crate) fn open(
        path: &Path,
        file: FileId,
        columns: &Columns,
        sheet: Option<&str>,
    ) -> Result<XlsxReader, Diagnostic> {
        let name = path.display().to_string();
        let mut book: Book = open_workbook(path).map_err(|e| bad_file(&name, &e))?;
        let names = book.sheet_names();
        let sheet = match sheet {
            Some(s) if names.iter().any(|n| n == s) => s.to_owned(),
            Some(s) => {
                return Err(Diagnostic::error(
                    Code::DataShape,
                    Batch::NoSuchSheet {
                        file: Name::new(&name),
                        sheet: Name::new(s),
                    },
                )
                .with_place(Place::file(&name))
                .with_hint(Batch::HintSheets {
                    sheets: names.iter().map(String::as_str).collect::<Names>(),
                }));
            }
            None => names.first().cloned().ok_or_else(|| {
                not_a_workbook(
                    &name,
                    Batch::WorkbookNoSheets {
                        file: Name::new(&name),
                    },
                )
            })?,
        };
        // The first non-empty rows, `(spreadsheet row, cells)`: the header
        // is the first with the columns pfc needs (a title may come first).
        let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
        {
            let mut cells = book
                .worksheet_cells_reader(&sheet)
                .map_err(|e| bad_file(&name, &e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| bad_file(&name, &e))? {
                let (row, col) = cell.get_position();
                let (text, _) = cell_text(cell.get_value(), false);
                if text.trim().is_empty() {
                    continue;
                }
                let row = u64::from(row) + 1;
                if rows.last().is_none_or(|(r, _)| *r != row) {
                    if rows.len() == HEADER_ROWS {
                        break;
                    }
                    rows.push((row, Vec::new()));
                }
                if let Some((_, headers)) = rows.last_mut() {
                    let col = col as usize;
                    if headers.len() <= col {
                        headers.resize(col + 1, String::new());
                    }
                    headers[col] = text;
                }
            }
        }
        if rows.is_empty() {
            return Err(Diagnostic::error(
                Code::EmptyFile,
                Batch::SheetOfEmpty {
                    sheet: Name::new(&sheet),
                    file: Name::new(&name),
                },
            )
            .with_place(Place::file(&name))
            .with_hint(Batch::HintXlsxLayout));
        }
        let header = columns.find_header(&name, &rows)?;
        let index = header.index;
        // Back to calamine's rows, which count from 0.
        let header_row = u32::try_from(rows[header.last].0 - 1).unwrap_or(u32::MAX);
        Ok(XlsxReader {
            name,
            book,
            sheet,
            index,
            file,
            header_row,
        })
    }
}

impl Reader for XlsxReader {
    fn total(&self) -> Option<u64> {
        None
    }

    fn run(
        mut self: Box<Self>,
        max: usize,
        send: &mut dyn FnMut(Chunk) -> bool,
    ) -> Result<(), Diagnostic> {
        let name = self.name.clone();
        let index = self.index.clone();
        let mut grouper = Grouper::new(self.file, &name, self.index.clone());
        let mut cells = self
            .book
            .worksheet_cells_reader(&self.sheet)
            .map_err(|e| bad_file(&name, &e))?;
        let percent: Vec<bool> = cells
            .styles()
            .iter()
            .map(|s| {
                s.number_format
                    .as_ref()
                    .is_some_and(|f| is_percent_format(&f.format_code))
            })
            .collect();
        // Which fields each column feeds: a mapping file may read two
        // fields from one column, as the CSV reader does.
        let mut fields_of: Vec<Vec<usize>> = Vec::new();
        for (field, col) in index.at.iter().enumerate() {
            if let Some(col) = col {
                if fields_of.len() <= *col {
                    fields_of.resize_with(col + 1, Vec::new);
                }
                fields_of[*col].push(field);
            }
        }
        let mut row_text: [String; FIELDS] = std::array::from_fn(|_| String::new());
        let mut row_numbers = [false; FIELDS];
        // Cells of the row holding an Excel error (`#DIV/0!`), by field.
        let mut row_errors: Vec<(usize, String)> = Vec::new();
        let mut current: Option<u32> = None;
        let mut items = Vec::with_capacity(max);
        let mut rows = 0u64;
        let mut done_rows = 0u64;
        let mut flush = |row: u32,
                         text: &mut [String; FIELDS],
                         numbers: &mut [bool; FIELDS],
                         errors: &mut Vec<(usize, String)>,
                         items: &mut Vec<super::Item>| {
            let mut c = Cells::new();
            for (field, t) in text.iter().enumerate() {
                c.set(field, t.trim());
            }
            c.numbers = *numbers;
            let row = u64::from(row) + 1;
            items.extend(grouper.push(row, &c));
            for (field, error) in errors.drain(..) {
                grouper.fail_last_row(
                    Diagnostic::error(
                        Code::BadNotation,
                        Batch::ExcelErrorCell {
                            error: error.into(),
                        },
                    )
                    .with_place(grouper.locate(row, field))
                    .with_hint(Batch::HintFixFormula),
                );
            }
            for t in text.iter_mut() {
                t.clear();
            }
            *numbers = [false; FIELDS];
        };
        loop {
            let next = cells
                .next_cell_with_style_id()
                .map_err(|e| bad_file(&name, &e))?;
            let Some((cell, style)) = next else { break };
            let (row, col) = cell.get_position();
            if row <= self.header_row {
                continue;
            }
            if current != Some(row) {
                if let Some(r) = current {
                    flush(
                        r,
                        &mut row_text,
                        &mut row_numbers,
                        &mut row_errors,
                        &mut items,
                    );
                    rows += 1;
                    if items.len() >= max {
                        done_rows += rows;
                        let chunk = Chunk {
                            items: std::mem::replace(&mut items, Vec::with_capacity(max)),
                            progress: done_rows,
                            rows,
                        };
                        rows = 0;
                        if !send(chunk) {
                            return Ok(());
                        }
                    }
                }
                current = Some(row);
            }
            let Some((&last, others)) = fields_of
                .get(col as usize)
                .and_then(|fields| fields.split_last())
            else {
                continue;
            };
            let value = cell.get_value();
            if let DataRef::Error(e) = value {
                row_errors.push((last, e.to_string()));
            }
            let (text, number) = cell_text(value, percent.get(style).copied().unwrap_or(false));
            for &field in others {
                row_text[field].clone_from(&text);
                row_numbers[field] = number;
            }
            row_text[last] = text;
            row_numbers[last] = number;
            // 年度 in a cell formatted as a date (`yyyy"年"`) is its year.
            if let DataRef::DateTime(d) = value
                && d.is_datetime()
                && let Some(year) = fields_of[col as usize]
                    .iter()
                    .find(|&&f| f == Field::Year as usize)
            {
                row_text[*year] = d.to_ymd_hms_milli().0.to_string();
                row_numbers[*year] = true;
            }
        }
        if let Some(r) = current {
            flush(
                r,
                &mut row_text,
                &mut row_numbers,
                &mut row_errors,
                &mut items,
            );
            rows += 1;
        }
        items.extend(grouper.finish());
        done_rows += rows;
        send(Chunk {
            items,
            progress: done_rows,
            rows,
        });
        Ok(())
    }
}

/// Whether an Excel number format shows a percentage (a `%` outside quotes).
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats() {
        assert!(is_percent_format("0.00%"));
        assert!(is_percent_format("0%"));
        assert!(!is_percent_format("0.00\"%\""));
        assert!(!is_percent_format("General"));
    }

    #[test]
    fn numbers_read_as_written() {
        assert_eq!(
            cell_text(&DataRef::Float(9.87), false),
            ("9.87".into(), true)
        );
        assert_eq!(
            cell_text(&DataRef::Float(0.9873), true),
            ("98.73%".into(), false)
        );
        assert_eq!(cell_text(&DataRef::Int(1), true), ("100%".into(), false));
    }
}
