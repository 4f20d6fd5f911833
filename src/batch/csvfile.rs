//! Reading a CSV file as a stream of projects.
//!
//! Records are split on the raw bytes (by simd-csv, or the csv crate where
//! the two could differ: see [`parser`]): in GBK and GB18030 no byte of a
//! multi-byte character is a `,`, `"`, CR or LF, so splitting before
//! decoding is safe. Each needed field is then decoded and trimmed, unless
//! it has the same bytes as on the row above (see [`Column`]). In a UTF-8
//! file a record is checked as a whole, and its cells are handed to the
//! grouper as slices of the record, not copied. A row with bytes that
//! cannot be decoded makes its project fail, naming the exact byte offset
//! and row (found again cell by cell, see [`read_cells`]).

mod parser;

use super::columns::{Columns, Field, HEADER_ROWS};
use super::encoding::{self, Encoding, SNIFF_BYTES};
use super::group::{Cells, Grouper};
use super::{Chunk, Item, Reader};
use crate::catalogue::batch::Batch;
use crate::catalogue::common::Common;
use crate::catalogue::{Name, Names};
use crate::data::ProjectData;
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
use crate::span::FileId;
use parser::{Parser, Record};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

pub(crate) struct CsvReader {
    path: PathBuf,
    name: String,
    parser: Parser,
    /// The record being read.
    record: Record,
    /// The record read before it (the header before the first row): the
    /// cells above, to find a cell repeated from the row above by its
    /// bytes, without copying any cell to remember it.
    prev: Record,
    encoding: Encoding,
    /// The columns the fields are read from, in field order.
    columns: Vec<Column>,
    grouper: Grouper,
    size: u64,
    /// Spreadsheet row of the next record (the first record is row 1).
    row: u64,
    done: bool,
    /// The header's fields: each row must have as many (more if the
    /// extra ones are empty).
    headers: Vec<String>,
}

/// A column a field is read from, and what its last cell was. Project
/// fields are repeated on every row of a project, and indicator groups and
/// reasons often are too: a cell with the bytes of the one above (in the
/// record read before, [`CsvReader::prev`]) is not decoded again, and a
/// project field so repeated is not compared with the project's again.
struct Column {
    /// The field, as [`Cells::set`] takes it.
    field: usize,
    /// The column's header, as the file writes it.
    header: String,
    /// The column's index in a record.
    at: usize,
    /// Whether the field is a project field.
    project: bool,
    /// Where the last cell is in its record's bytes
    /// ([`Record::as_slice`]).
    cell: Range<usize>,
    /// The last cell's text when it is not the cell's own bytes (see
    /// `owned`): decoded from GBK, or the lossy UTF-8 reading of bytes that
    /// could not be decoded.
    text: String,
    /// The bytes `text` was decoded from.
    raw: Vec<u8>,
    /// Whether the last cell's text is `text` rather than its bytes.
    owned: bool,
    /// Where the last cell's text is without leading and trailing
    /// whitespace: in `text`, or in the cell's bytes.
    trimmed: Range<usize>,
    /// Whether the last cell could be decoded; false too when the last
    /// record had no such cell.
    ok: bool,
    /// Other cells decoded lately (GBK), as `raw` and `text`: the groups
    /// of indicators, their names and reasons come back a few rows later,
    /// and are not decoded again.
    recent: Vec<(Vec<u8>, String)>,
    /// The entry of `recent` to be replaced next.
    next: usize,
}

/// How many decoded cells a column remembers besides the last one: a
/// framework has a handful of 二级指标 under each 一级指标.
const RECENT: usize = 8;

impl Column {
    fn new(field: usize, at: usize, header: &str) -> Self {
        Column {
            field,
            header: header.to_owned(),
            at,
            project: Field::ALL.get(field).is_some_and(|f| f.is_project()),
            cell: 0..0,
            text: String::new(),
            raw: Vec::new(),
            owned: false,
            trimmed: 0..0,
            ok: false,
            recent: Vec::new(),
            next: 0,
        }
    }

    /// Whether `bytes`, the column's cell in the record after `prev`, has
    /// the text of the last cell: the same bytes, which could be decoded.
    #[inline]
    fn same(&self, bytes: &[u8], prev: &[u8]) -> bool {
        self.ok && prev.get(self.cell.clone()) == Some(bytes)
    }

    /// Take a cell whose text is its own bytes (UTF-8, or ASCII in any
    /// encoding).
    #[inline]
    fn borrowed(&mut self, text: &str) {
        self.owned = false;
        self.ok = true;
        self.trimmed = crate::text::trim_range(text);
    }

    /// Take a cell whose text is not its own bytes: decoded lately (see
    /// `recent`), or decode it, or read it lossily when it cannot be.
    /// False when it cannot be decoded.
    fn decode(&mut self, bytes: &[u8], encoding: Encoding) -> bool {
        // The last text is remembered if it was decoded; its place in
        // `recent` is that of the cell's text, or the next to go.
        let keep = self.owned && self.ok;
        let found = self.recent.iter().position(|(raw, _)| raw == bytes);
        let slot = match found {
            Some(slot) => Some(slot),
            None if !keep => None,
            None if self.recent.len() < RECENT => {
                self.recent.push((Vec::new(), String::new()));
                Some(self.recent.len() - 1)
            }
            None => {
                let slot = self.next;
                self.next = (slot + 1) % RECENT;
                Some(slot)
            }
        };
        if let Some((raw, text)) = slot.and_then(|slot| self.recent.get_mut(slot)) {
            if keep {
                std::mem::swap(&mut self.raw, raw);
                std::mem::swap(&mut self.text, text);
            } else {
                self.raw.clone_from(raw);
                self.text.clone_from(text);
            }
        }
        self.owned = true;
        if found.is_none() {
            self.ok = encoding.decode_into(bytes, &mut self.text);
            if !self.ok {
                self.text.clear();
                self.text.push_str(&String::from_utf8_lossy(bytes));
            }
            self.raw.clear();
            self.raw.extend_from_slice(bytes);
        } else {
            self.ok = true;
        }
        self.trimmed = crate::text::trim_range(&self.text);
        self.ok
    }

    /// The last cell's text, trimmed; `own` is the cell's bytes when they
    /// are its text.
    #[inline]
    fn trimmed<'a>(&'a self, own: &'a str) -> &'a str {
        let text = if self.owned { self.text.as_str() } else { own };
        if self.trimmed.start == 0 && self.trimmed.end == text.len() {
            // Most cells: no slicing, and no checking where it cuts.
            text
        } else {
            text.get(self.trimmed.clone()).unwrap_or_default()
        }
    }
}

/// Read a record's needed cells into `cells`, each trimmed; `bad` is set
/// to the first column (an index into `columns`) whose cell cannot be
/// decoded. `prev` is the record read before.
fn read_cells<'a>(
    columns: &'a mut [Column],
    record: &'a Record,
    prev: &Record,
    encoding: Encoding,
    cells: &mut Cells<'a>,
    bad: &mut Option<usize>,
) {
    let prev = prev.as_slice();
    let utf8 = matches!(encoding, Encoding::Utf8 | Encoding::Auto);
    // One check of the whole record instead of one per cell. Its cells are
    // then valid too, unless a character spans two of them, which slicing
    // it at the cell's bounds finds. Only project fields are compared with
    // the cell above (which saves the grouper comparing them with the
    // project's): trimming the others costs no more than comparing them.
    let whole = if utf8 {
        simdutf8::basic::from_utf8(record.as_slice()).ok()
    } else {
        None
    };
    if let Some(whole) = whole {
        return each_cell(columns, record, cells, bad, |column, bytes, cell| {
            let Some(text) = whole.get(cell) else {
                column.decode(bytes, encoding);
                return Cell::BAD;
            };
            let same = column.project && column.same(bytes, prev);
            if !same {
                column.borrowed(text);
            }
            Cell {
                text,
                same,
                bad: false,
            }
        });
    }
    each_cell(columns, record, cells, bad, |column, bytes, _| {
        if column.same(bytes, prev) {
            let text = if column.owned {
                ""
            } else {
                std::str::from_utf8(bytes).unwrap_or_default()
            };
            return Cell {
                text,
                same: true,
                bad: false,
            };
        }
        if utf8 && let Ok(text) = std::str::from_utf8(bytes) {
            column.borrowed(text);
            return Cell {
                text,
                same: false,
                bad: false,
            };
        }
        // GBK is decoded into the column's own text, ASCII too: a repeated
        // cell then needs no look at its bytes.
        if column.decode(bytes, encoding) {
            Cell::DECODED
        } else {
            Cell::BAD
        }
    })
}

/// What [`each_cell`]'s reader made of a cell.
struct Cell<'a> {
    /// The cell's bytes when they are its text, else `""` (the text is
    /// the column's own, [`Column::owned`]).
    text: &'a str,
    /// Whether the cell has the text of the one above.
    same: bool,
    /// Whether the cell cannot be decoded.
    bad: bool,
}

impl Cell<'_> {
    const DECODED: Self = Cell {
        text: "",
        same: false,
        bad: false,
    };
    const BAD: Self = Cell {
        text: "",
        same: false,
        bad: true,
    };
}

/// Read each needed cell of `record` with `read`, which is given the
/// column, the cell's bytes and where they are in the record's, and gives
/// the cell's text to `cells`.
#[inline]
fn each_cell<'a>(
    columns: &'a mut [Column],
    record: &'a Record,
    cells: &mut Cells<'a>,
    bad: &mut Option<usize>,
    mut read: impl FnMut(&mut Column, &'a [u8], Range<usize>) -> Cell<'a>,
) {
    let base = record.as_slice().as_ptr().addr();
    for (i, column) in columns.iter_mut().enumerate() {
        let Some(bytes) = record.get(column.at) else {
            column.ok = false;
            continue;
        };
        let start = bytes.as_ptr().addr() - base;
        let cell = start..start + bytes.len();
        let got = read(column, bytes, cell.clone());
        if got.same {
            cells.same |= 1 << column.field;
        }
        if got.bad {
            bad.get_or_insert(i);
        }
        column.cell = cell;
        let column: &'a Column = column;
        cells.set(column.field, column.trimmed(got.text));
    }
}

fn io_error(name: &str, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::FileUnreadable,
        Common::FileUnreadableOs {
            file: Name::new(name),
            why: e.to_string().into(),
        },
    )
    .with_place(Place::file(name))
}

/// A file whose rows are one field each, holding tabs or semicolons: a
/// text file separated otherwise than by commas (Excel's "Unicode text",
/// a European "CSV"), which pfc does not read.
fn other_separator(name: &str, rows: &[(u64, Vec<String>)]) -> Option<Diagnostic> {
    let (row, first) = rows.first()?;
    let [cell] = first.as_slice() else {
        return None;
    };
    let file = Name::new(name);
    let (message, separator) = [
        (Batch::SeparatedByTabs { file: file.clone() }, '\t'),
        (Batch::SeparatedBySemicolons { file: file.clone() }, ';'),
        (Batch::SeparatedByBars { file }, '|'),
    ]
    .into_iter()
    .max_by_key(|(_, c)| cell.matches(*c).count())
    .filter(|(_, c)| cell.contains(*c))?;
    let shown: Names = cell.split(separator).take(4).map(str::trim).collect();
    Some(
        Diagnostic::error(Code::DataShape, message)
            .with_place(Place::Cell {
                file: name.to_owned(),
                row: *row,
                column: None,
            })
            .with_note(Batch::NoteFirstRowReads { cells: shown })
            .with_hint(Batch::HintSaveCommas),
    )
}

impl CsvReader {
    pub(crate) fn open(
        path: &Path,
        file: FileId,
        columns: &Columns,
        encoding: Encoding,
    ) -> Result<CsvReader, Diagnostic> {
        let name = path.display().to_string();
        let mut f = File::open(path).map_err(|e| io_error(&name, &e))?;
        let size = f.metadata().map(|m| m.len()).unwrap_or(0);
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        (&mut f)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| io_error(&name, &e))?;
        let whole = (head.len() as u64) >= size;
        let encoding = match encoding {
            Encoding::Auto => encoding::detect(&name, &head, whole)?,
            named => {
                if let Some(at) = named.first_invalid(&head) {
                    let cut = !whole && head.len() - at < 4;
                    if !cut {
                        return Err(encoding::unreadable(&name, &head, at, Some(named)));
                    }
                }
                named
            }
        };
        if head.is_empty() {
            return Err(Diagnostic::error(
                Code::EmptyFile,
                Batch::SheetEmpty {
                    file: Name::new(&name),
                },
            )
            .with_place(Place::file(&name))
            .with_hint(Batch::HintCsvLayout));
        }
        f.seek(SeekFrom::Start(0))
            .map_err(|e| io_error(&name, &e))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(f);
        // The header is the first record with the columns pfc needs among
        // the first few: a title may come before it. Each is kept with
        // where the record after it starts.
        let mut tops: Vec<(csv::ByteRecord, u64)> = Vec::new();
        let mut rows: Vec<(u64, Vec<String>)> = Vec::new();
        let mut record = csv::ByteRecord::new();
        while rows.len() < HEADER_ROWS
            && reader
                .read_byte_record(&mut record)
                .map_err(|e| io_error(&name, &e))?
        {
            let mut cells = Vec::with_capacity(record.len());
            for field in &record {
                let text = encoding.decode(field).ok_or_else(|| {
                    let at = encoding.first_invalid(&head).unwrap_or(0);
                    encoding::unreadable(&name, &head, at, Some(encoding))
                })?;
                cells.push(text.into_owned());
            }
            rows.push((rows.len() as u64 + 1, cells));
            tops.push((record.clone(), reader.position().byte()));
        }
        if rows.is_empty() {
            return Err(Diagnostic::error(
                Code::EmptyFile,
                Batch::SheetEmpty {
                    file: Name::new(&name),
                },
            ));
        }
        let header = columns
            .find_header(&name, &rows)
            .map_err(|d| other_separator(&name, &rows).unwrap_or(d))?;
        let (record, at) = tops.swap_remove(header.last);
        let (index, headers) = (header.index, header.names);
        let header_row = rows[header.last].0;
        let columns = index
            .at
            .iter()
            .enumerate()
            .filter_map(|(field, at)| {
                let at = (*at)?;
                Some(Column::new(
                    field,
                    at,
                    headers.get(at).map_or("", String::as_str),
                ))
            })
            .collect();
        // The header as the csv crate read it; the rows after it by the
        // fast parser where it reads the same (see [`parser`]).
        let mut f = reader.into_inner();
        f.seek(SeekFrom::Start(at))
            .map_err(|e| io_error(&name, &e))?;
        let again = f.try_clone().map_err(|e| io_error(&name, &e))?;
        Ok(CsvReader {
            path: path.to_owned(),
            columns,
            grouper: Grouper::new(file, &name, index),
            name,
            parser: Parser::new(f, again, at),
            prev: Record::default(),
            record: Record::Exact(record),
            encoding,
            size,
            row: header_row + 1,
            done: false,
            headers,
        })
    }

    /// A row the grouper took (it has a field pfc reads) whose number of
    /// fields is not the header's: a line break or a comma inside a field
    /// that is not in quotes splits it, and its cells are read in the wrong
    /// columns or not at all. Empty fields past the header's are harmless
    /// (Excel writes them for a cell formatted out there).
    fn ragged(&self, row: u64, took: bool) -> Option<Diagnostic> {
        let (n, width) = (self.record.len(), self.headers.len());
        if n == width || !took {
            return None;
        }
        let text = |i: usize| {
            let field = self.record.get(i).unwrap_or_default();
            self.encoding
                .decode(field)
                .unwrap_or_default()
                .trim()
                .to_owned()
        };
        let message = if n == 1 {
            Batch::RowFieldsOne { row, width }
        } else {
            Batch::RowFields {
                row,
                fields: n,
                width,
            }
        };
        let d = Diagnostic::error(Code::DataShape, message).with_place(self.grouper.row(row));
        if n < width {
            let last = n.saturating_sub(1);
            let column = Name::new(self.headers.get(last).map_or("", String::as_str));
            return Some(
                d.with_note(match text(last) {
                    t if t.is_empty() => Batch::NoteEndsIn { column },
                    t => Batch::NoteEndsWith {
                        column,
                        text: t.into(),
                    },
                })
                .with_hint(Batch::HintRowCut),
            );
        }
        let extra = (width..n).find(|&i| !text(i).is_empty())?;
        Some(
            d.with_note(Batch::NoteGoesOn {
                text: text(extra).into(),
            })
            .with_hint(Batch::HintRowSplit),
        )
    }

    /// The exact offset of the first undecodable byte of column `column`
    /// (an index into `columns`) in spreadsheet row `row`, the record
    /// between byte offsets `start` and `end` (re-read from the file).
    fn bad_byte(&self, row: u64, (start, end): (u64, u64), column: usize) -> Diagnostic {
        let read = || -> std::io::Result<Vec<u8>> {
            let mut f = File::open(&self.path)?;
            f.seek(SeekFrom::Start(start))?;
            let mut bytes = Vec::new();
            f.take(end.saturating_sub(start)).read_to_end(&mut bytes)?;
            Ok(bytes)
        };
        let column = &self.columns[column];
        let (offset, byte) = match read() {
            Ok(bytes) => {
                // Quotes and commas are ASCII in every encoding pfc reads,
                // so the first bad byte of the field as written is the
                // first bad byte of its text.
                let field = field_range(&bytes, column.at).unwrap_or(0..bytes.len());
                let at = self
                    .encoding
                    .first_invalid(&bytes[field.clone()])
                    .map(|at| field.start + at)
                    .or_else(|| self.encoding.first_invalid(&bytes))
                    .unwrap_or(0);
                (start + at as u64, bytes.get(at).copied().unwrap_or(0))
            }
            Err(_) => (start, 0),
        };
        let other = if self.encoding == Encoding::Utf8 {
            "--encoding gbk"
        } else {
            "--encoding utf-8"
        };
        Diagnostic::error(
            Code::NotUtf8,
            Batch::RowNotEncoding {
                row,
                encoding: self.encoding.name(),
                byte: format!("0x{byte:02X}"),
                offset,
            },
        )
        .with_place(Place::Cell {
            file: self.name.clone(),
            row,
            column: Some(column.header.clone()),
        })
        .with_hint(Batch::HintMixedEncodings { other })
    }
}

/// Where field `index` of the CSV record `bytes` is, quotes and the comma
/// after it included; `None` when the record has fewer fields.
fn field_range(bytes: &[u8], index: usize) -> Option<Range<usize>> {
    let mut reader = csv_core::Reader::new();
    let mut out = vec![0; bytes.len()];
    let (mut at, mut field) = (0, 0);
    loop {
        let (result, read, _) = reader.read_field(&bytes[at..], &mut out);
        if field == index {
            return Some(at..at + read);
        }
        at += read;
        field += 1;
        match result {
            csv_core::ReadFieldResult::Field { record_end: false } => {}
            csv_core::ReadFieldResult::InputEmpty if at < bytes.len() => {}
            _ => return None,
        }
    }
}

impl Reader for CsvReader {
    fn total(&self) -> Option<u64> {
        Some(self.size)
    }

    fn reuse(
        &mut self,
        spent: Receiver<Vec<Box<ProjectData>>>,
    ) -> Option<Receiver<Vec<Box<ProjectData>>>> {
        self.grouper.reuse(spent);
        None
    }

    fn run(
        mut self: Box<Self>,
        max: usize,
        send: &mut dyn FnMut(Chunk) -> bool,
    ) -> Result<(), Diagnostic> {
        while let Some(chunk) = self.next_chunk(max)? {
            if !send(chunk) {
                break;
            }
        }
        Ok(())
    }
}

impl CsvReader {
    fn next_chunk(&mut self, max: usize) -> Result<Option<Chunk>, Diagnostic> {
        if self.done {
            return Ok(None);
        }
        let mut items: Vec<Item> = Vec::with_capacity(max);
        let mut rows = 0u64;
        while items.len() < max {
            let start = self.parser.position();
            std::mem::swap(&mut self.record, &mut self.prev);
            let more = self
                .parser
                .read(&mut self.record)
                .map_err(|e| io_error(&self.name, &e))?;
            if !more {
                self.done = true;
                items.extend(self.grouper.finish());
                break;
            }
            rows += 1;
            let mut bad = None;
            let mut cells = Cells::new();
            read_cells(
                &mut self.columns,
                &self.record,
                &self.prev,
                self.encoding,
                &mut cells,
                &mut bad,
            );
            let row = self.row;
            self.row += 1;
            let done = self.grouper.push(row, &cells);
            let took = cells.any();
            items.extend(done);
            if let Some(d) = self.ragged(row, took) {
                self.grouper.fail_last_row(d);
            }
            if let Some(column) = bad {
                let end = self.parser.position();
                let d = self.bad_byte(row, (start, end), column);
                self.grouper.fail_current(d);
            }
        }
        Ok(Some(Chunk {
            items,
            progress: self.parser.position(),
            rows,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_field_as_written() {
        let record = b"a,\"b,\"\"c\"\"\",,d\r\n";
        let fields: Vec<&[u8]> = (0..5)
            .map_while(|i| field_range(record, i).map(|r| &record[r]))
            .collect();
        assert_eq!(fields, [&b"a,"[..], b"\"b,\"\"c\"\"\",", b",", b"d\r"]);
        assert_eq!(field_range(b"x,y", 1), Some(2..3));
        assert_eq!(field_range(b"x,y", 2), None);
    }

    /// Each cell as [`Encoding::decode`] and [`str::trim`] read it, or its
    /// lossy reading; and the first column whose cell cannot be decoded.
    fn cell_by_cell(
        columns: &[Column],
        record: &Record,
        encoding: Encoding,
    ) -> (Vec<Option<String>>, Option<usize>) {
        let mut bad = None;
        let texts = columns
            .iter()
            .enumerate()
            .map(|(i, column)| {
                let bytes = record.get(column.at)?;
                let text = encoding.decode(bytes).unwrap_or_else(|| {
                    bad.get_or_insert(i);
                    String::from_utf8_lossy(bytes)
                });
                Some(text.trim().to_owned())
            })
            .collect();
        (texts, bad)
    }

    #[test]
    fn cells_read_as_one_by_one() {
        // A character cut in two by a comma (the record is valid UTF-8 as
        // a whole, its cells are not), bytes that are not text, short
        // records, repeated cells, whitespace, and a column read for two
        // fields.
        let rows: [&[&[u8]]; 12] = [
            &[b"P1", " 项目 ".as_bytes(), b"100", "产出指标".as_bytes()],
            &[b"P1", " 项目 ".as_bytes(), b"100", "效益指标".as_bytes()],
            &[b"P1", b"a\xE4", b"\xB8\xADb", b"x"],
            &[b"P1", b"a\xE4", b"\xB8\xADb", b"x"],
            &[b"P1", " 项目 ".as_bytes()],
            &[b"P1", " 项目 ".as_bytes(), b"100", b"\xFF"],
            &[b"P1", " 项目 ".as_bytes(), b"100", b"\xFF"],
            &[
                b"P2",
                b"\xFF",
                b"\xE4\xB8",
                "\u{3000}满意度\u{3000}".as_bytes(),
            ],
            &[
                b"P2",
                b"\xFF",
                b"\xE4\xB8",
                "\u{3000}满意度\u{3000}".as_bytes(),
            ],
            &[],
            &[b"P2", b"\xC4\xE3\xBA\xC3", b"\x81", b" \xC4\xE3 "],
            &[b"P2", b"\xC4\xE3\xBA\xC3", b"\x81", b" \xC4\xE3 "],
        ];
        let project = [
            Field::Id as usize,
            Field::Name as usize,
            Field::Budget as usize,
        ];
        // Cells that come back a few rows later, more of them than a
        // column remembers, and between them a cell that cannot be read.
        let gbk = |text: &str| encoding_rs::GBK.encode(text).0.into_owned();
        let names: Vec<Vec<u8>> = (0..RECENT + 3).map(|i| gbk(&format!(" 指标{i}"))).collect();
        let mut later: Vec<Vec<Vec<u8>>> = Vec::new();
        for i in [0, 1, 2, 1, 0, 3, 4, 5, 6, 7, 8, 9, 10, 0, 10, 9, 2] {
            let name = names[i].clone();
            later.push(vec![b"P3".to_vec(), name.clone(), name, b"1".to_vec()]);
            if i == 4 {
                later.push(vec![b"P3".to_vec(), b"\xFF".to_vec(), b"\xFF".to_vec()]);
            }
        }
        let later: Vec<Vec<&[u8]>> = later
            .iter()
            .map(|row| row.iter().map(Vec::as_slice).collect())
            .collect();
        let rows: Vec<&[&[u8]]> = rows
            .into_iter()
            .chain(later.iter().map(Vec::as_slice))
            .collect();
        // Records of either parser: simd-csv's keeps the commas between
        // the fields in the bytes they are slices of (when none is quoted).
        let record = |fields: &[&[u8]], fast: bool| {
            if fast {
                Record::Fast(parser::Fields::written(fields))
            } else {
                Record::from(csv::ByteRecord::from(fields.to_vec()))
            }
        };
        for (encoding, fast) in [Encoding::Utf8, Encoding::Gbk]
            .into_iter()
            .flat_map(|e| [(e, false), (e, true)])
        {
            let mut columns: Vec<Column> = [(0, 0), (1, 1), (2, 2), (3, 3), (4, 3)]
                .into_iter()
                .map(|(f, at)| {
                    let field = project
                        .get(f)
                        .copied()
                        .unwrap_or(Field::Level1 as usize + f);
                    Column::new(field, at, "")
                })
                .collect();
            let places: Vec<(usize, usize)> = columns.iter().map(|c| (c.field, c.at)).collect();
            let mut prev = Record::default();
            for (row, fields) in rows.iter().enumerate() {
                let record = record(fields, fast);
                let (expected, expected_bad) = cell_by_cell(&columns, &record, encoding);
                let mut cells = Cells::new();
                let mut bad = None;
                read_cells(&mut columns, &record, &prev, encoding, &mut cells, &mut bad);
                let read: Vec<Option<String>> = places
                    .iter()
                    .map(|&(field, at)| record.get(at).map(|_| cells.text(field).to_owned()))
                    .collect();
                assert_eq!(read, expected, "{encoding:?} {fast} row {row}");
                assert_eq!(bad, expected_bad, "{encoding:?} {fast} row {row}");
                for &(field, at) in &places {
                    if cells.same & 1 << field != 0 {
                        assert_eq!(
                            record.get(at),
                            prev.get(at),
                            "{encoding:?} row {row}: a cell said to repeat the one above"
                        );
                    }
                }
                prev = record;
            }
        }
    }

    /// Every item of a CSV file as its `Debug` text, read three projects a
    /// chunk; with `reuse`, each chunk's projects are given back as it is
    /// sent, for the next chunks to be read into.
    fn read_items(path: &Path, reuse: bool) -> Vec<String> {
        let mut reader = CsvReader::open(path, FileId(0), &Columns::default(), Encoding::Auto)
            .expect("the file opens");
        let (tx, rx) = std::sync::mpsc::channel();
        if reuse {
            assert!(reader.reuse(rx).is_none(), "a CSV reader reuses projects");
        } else {
            drop(rx);
        }
        let mut items = Vec::new();
        let mut send = |chunk: Chunk| {
            let mut spent = Vec::new();
            for item in chunk.items {
                items.push(format!("{item:?}"));
                if let Item::Sheet { data, .. } = item {
                    spent.push(data);
                }
            }
            // Without `reuse` nobody listens: the projects are dropped.
            let _ = tx.send(spent);
            true
        };
        Box::new(reader).run(3, &mut send).expect("the file reads");
        items
    }

    #[test]
    fn projects_read_into_scored_ones_are_as_read_into_new_ones() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        // Projects of every size with missing and extra fields, one that
        // cannot be scored, and rows whose project came earlier.
        let mut text = String::from(
            "项目编号,项目名称,主管部门,年度,全年预算数,财政拨款全年预算数,上年结转全年执行数,资金单位,预期目标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,扣分,扣分原因,偏差原因分析及改进措施\n",
        );
        for p in 0..40 {
            let rich = p % 3 == 0;
            for r in 0..(1 + p * 7 % 11) {
                let line = if rich {
                    format!(
                        "R{p},项目{p},部门,2020,100,60,40,万元,目标{p},产出指标,数量指标,指标{r},≥{r},{r},10,9,1,原因{p},偏差{p}{r}\n"
                    )
                } else if r == 0 {
                    format!("S{p},项目{p},,2020,,,,,,效益指标,,指标{r},好,好,10,,,,\n")
                } else {
                    format!(
                        ",,,,,,,,,效益指标,,指标{r},≥1,,{},,,,\n",
                        if p == 7 { "十" } else { "5" }
                    )
                };
                text.push_str(&line);
            }
        }
        text.push_str(
            "R3,项目3,部门,2020,100,60,40,万元,目标3,产出指标,数量指标,指标,1,1,10,,,,\n",
        );
        for (name, bytes) in [
            ("utf8.csv", text.clone().into_bytes()),
            ("gbk.csv", encoding_rs::GBK.encode(&text).0.into_owned()),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).expect("the file is written");
            let fresh = read_items(&path, false);
            assert_eq!(fresh.len(), 41, "{name}");
            assert!(fresh.iter().any(|i| i.contains("RowsApart")));
            assert!(fresh.iter().any(|i| i.contains("WeightNotPoints")));
            let reused = read_items(&path, true);
            for (i, (r, f)) in reused.iter().zip(&fresh).enumerate() {
                assert_eq!(r, f, "{name}: project {i}");
            }
            assert_eq!(reused.len(), fresh.len(), "{name}");
        }
    }
}
