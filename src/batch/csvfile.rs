//! Reading a CSV file as a stream of projects.
//!
//! The csv crate splits records on the raw bytes: in GBK and GB18030 no byte
//! of a multi-byte character is a `,`, `"`, CR or LF, so splitting before
//! decoding is safe. Each needed field is then decoded (UTF-8 is checked in
//! place, without copying). A row with bytes that cannot be decoded makes
//! its project fail, naming the exact byte offset and row.

use super::columns::{Columns, FIELDS};
use super::encoding::{self, Encoding, SNIFF_BYTES};
use super::group::{Cells, Grouper};
use super::{Chunk, Item, Reader};
use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

pub(crate) struct CsvReader {
    path: PathBuf,
    name: String,
    reader: csv::Reader<File>,
    record: csv::ByteRecord,
    encoding: Encoding,
    columns: [Option<usize>; FIELDS],
    grouper: Grouper,
    size: u64,
    /// Spreadsheet row of the next record (the header is row 1).
    row: u64,
    done: bool,
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
            columns: index.at,
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

    /// The exact offset of the first undecodable byte of the record that
    /// starts at `start` (the record is re-read from the file).
    fn bad_byte(&self, start: u64, end: u64) -> Diagnostic {
        let read = || -> std::io::Result<Vec<u8>> {
            let mut f = File::open(&self.path)?;
            f.seek(SeekFrom::Start(start))?;
            let mut bytes = Vec::new();
            f.take(end.saturating_sub(start)).read_to_end(&mut bytes)?;
            Ok(bytes)
        };
        let (offset, byte) = match read() {
            Ok(bytes) => {
                let at = self.encoding.first_invalid(&bytes).unwrap_or(0);
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
                "row {} is not {}: byte 0x{byte:02X} at offset {offset} cannot be read",
                self.row,
                self.encoding.name()
            ),
        )
        .with_location(format!("{}: row {}", self.name, self.row))
        .with_hint(format!(
            "the file may mix encodings: save it again as \"CSV UTF-8\", or try `{other}`"
        ))
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
            let mut decoded: [Option<Cow<'_, str>>; FIELDS] = [const { None }; FIELDS];
            let mut bad = false;
            for (slot, col) in decoded.iter_mut().zip(self.columns) {
                if let Some(bytes) = col.and_then(|c| self.record.get(c)) {
                    match self.encoding.decode(bytes) {
                        Some(text) => *slot = Some(text),
                        None => {
                            bad = true;
                            *slot = Some(String::from_utf8_lossy(bytes));
                        }
                    }
                }
            }
            let mut cells = Cells::new();
            for (text, d) in cells.text.iter_mut().zip(&decoded) {
                if let Some(d) = d {
                    *text = d;
                }
            }
            let row = self.row;
            self.row += 1;
            let done = self.grouper.push(row, &cells);
            items.extend(done);
            if bad {
                let end = self.reader.position().byte();
                let d = self.bad_byte(start, end);
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
