//! Reading a CSV file as a stream of projects.
//!
//! The csv crate splits records on the raw bytes: in GBK and GB18030 no byte
//! of a multi-byte character is a `,`, `"`, CR or LF, so splitting before
//! decoding is safe. Each needed field is then decoded and trimmed, unless
//! it has the same bytes as on the row above (see [`Column`]). A row with
//! bytes that cannot be decoded makes its project fail, naming the exact
//! byte offset and row.

use super::columns::Columns;
use super::encoding::{self, Encoding, SNIFF_BYTES};
use super::group::{Cells, Grouper};
use super::{Chunk, Item, Reader};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

pub(crate) struct CsvReader {
    path: PathBuf,
    name: String,
    reader: csv::Reader<File>,
    record: csv::ByteRecord,
    encoding: Encoding,
    /// The columns the fields are read from, in field order.
    columns: Vec<Column>,
    grouper: Grouper,
    size: u64,
    /// Spreadsheet row of the next record (the header is row 1).
    row: u64,
    done: bool,
}

/// A column a field is read from, and the last cell read from it. Project
/// fields are repeated on every row of a project, and indicator groups and
/// reasons often are too: a cell with the bytes of the one above is neither
/// decoded nor trimmed again.
struct Column {
    /// The field, as [`Cells::set`] takes it.
    field: usize,
    /// The column's header, as the file writes it.
    header: String,
    /// The column's index in a record.
    at: usize,
    /// The cell's bytes (GBK only: in UTF-8 they are `text`'s bytes).
    raw: Vec<u8>,
    /// The cell decoded; the lossy UTF-8 reading of bytes that could not be.
    text: String,
    /// Where `text` is without leading and trailing whitespace.
    trimmed: Range<usize>,
    /// Whether `raw` could be decoded (GBK only).
    ok: bool,
}

impl Column {
    fn new(field: usize, at: usize, header: &str) -> Self {
        Column {
            field,
            header: header.to_owned(),
            at,
            raw: Vec::new(),
            text: String::new(),
            trimmed: 0..0,
            ok: false,
        }
    }

    /// Take the next cell of the column.
    fn update(&mut self, bytes: &[u8], encoding: Encoding) -> Update {
        let utf8 = matches!(encoding, Encoding::Utf8 | Encoding::Auto);
        let same = if utf8 {
            // Bytes equal to a `String`'s are valid UTF-8, and that text.
            self.text.as_bytes() == bytes
        } else {
            self.ok && self.raw == bytes
        };
        if same {
            return Update::Same;
        }
        self.ok = encoding.decode_into(bytes, &mut self.text);
        if !self.ok {
            self.text.clear();
            self.text.push_str(&String::from_utf8_lossy(bytes));
        }
        if !utf8 {
            self.raw.clear();
            self.raw.extend_from_slice(bytes);
        }
        self.trimmed = crate::text::trim_range(&self.text);
        if self.ok {
            Update::Changed
        } else {
            Update::Undecodable
        }
    }

    fn trimmed(&self) -> &str {
        if self.trimmed.start == 0 && self.trimmed.end == self.text.len() {
            // Most cells: no slicing, and no checking where it cuts.
            &self.text
        } else {
            self.text.get(self.trimmed.clone()).unwrap_or_default()
        }
    }
}

/// What a column's next cell was.
enum Update {
    /// The text of the cell above.
    Same,
    /// Other text.
    Changed,
    /// Bytes that cannot be decoded.
    Undecodable,
}

fn io_error(name: &str, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(Code::FileUnreadable, format!("cannot read `{name}`: {e}"))
        .with_location(name.to_owned())
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
                        return Err(encoding::unreadable(
                            &name,
                            &head,
                            at,
                            &format!("not {}", named.name()),
                        ));
                    }
                }
                named
            }
        };
        if head.is_empty() {
            return Err(Diagnostic::error(Code::EmptyFile, format!("`{name}` is empty"))
                .with_location(name.clone())
                .with_hint("the first row names the columns (项目编号, 一级指标 …), one row per indicator follows: see docs/batch.md"));
        }
        f.seek(SeekFrom::Start(0))
            .map_err(|e| io_error(&name, &e))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .buffer_capacity(256 * 1024)
            .from_reader(f);
        let mut record = csv::ByteRecord::new();
        let read = reader
            .read_byte_record(&mut record)
            .map_err(|e| io_error(&name, &e))?;
        if !read {
            return Err(Diagnostic::error(
                Code::EmptyFile,
                format!("`{name}` is empty"),
            ));
        }
        let mut headers = Vec::with_capacity(record.len());
        for field in &record {
            let text = encoding.decode(field).ok_or_else(|| {
                let at = encoding.first_invalid(&head).unwrap_or(0);
                encoding::unreadable(&name, &head, at, &format!("not {}", encoding.name()))
            })?;
            headers.push(text.into_owned());
        }
        let index = columns.resolve(&name, &headers)?;
        Ok(CsvReader {
            path: path.to_owned(),
            columns: index
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
                .collect(),
            grouper: Grouper::new(file, &name, index),
            name,
            reader,
            record,
            encoding,
            size,
            row: 2,
            done: false,
        })
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
            format!(
                "row {row} is not {}: byte 0x{byte:02X} at offset {offset} cannot be read",
                self.encoding.name()
            ),
        )
        .with_location(format!(
            "{}: row {row}, column {}",
            self.name, column.header
        ))
        .with_hint(format!(
            "the file may mix encodings: save it again as \"CSV UTF-8\", or try `{other}`"
        ))
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
            let start = self.reader.position().byte();
            let more = self
                .reader
                .read_byte_record(&mut self.record)
                .map_err(|e| io_error(&self.name, &e))?;
            if !more {
                self.done = true;
                items.extend(self.grouper.finish());
                break;
            }
            rows += 1;
            let mut bad = None;
            let mut cells = Cells::new();
            for (i, column) in self.columns.iter_mut().enumerate() {
                let Some(bytes) = self.record.get(column.at) else {
                    continue;
                };
                match column.update(bytes, self.encoding) {
                    Update::Same => cells.same |= 1 << column.field,
                    Update::Changed => {}
                    Update::Undecodable => bad = bad.or(Some(i)),
                }
                let column: &Column = column;
                cells.set(column.field, column.trimmed());
            }
            let row = self.row;
            self.row += 1;
            let done = self.grouper.push(row, &cells);
            items.extend(done);
            if let Some(column) = bad {
                let end = self.reader.position().byte();
                let d = self.bad_byte(row, (start, end), column);
                self.grouper.fail_current(d);
            }
        }
        Ok(Some(Chunk {
            items,
            progress: self.reader.position().byte(),
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
}
