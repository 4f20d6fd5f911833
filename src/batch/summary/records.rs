//! `summary.csv` and `findings.csv`, written by hand byte for byte as the
//! csv crate's writer writes them with its default settings: a field is
//! quoted only when it holds a comma, a quote, a carriage return or a line
//! feed, a quote in it is doubled, and a record ends with a line feed. The
//! crate's writer runs every field through a general state machine, about
//! 240 instructions a field; these files have a dozen short fields a
//! project, nearly all of which need no quotes.

use super::{any_byte, temp_in, write_error};
use crate::diagnostic::Diagnostic;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use tempfile::NamedTempFile;

/// A CSV file being written to a temporary file beside its path.
pub(super) struct CsvFile {
    out: BufWriter<NamedTempFile>,
}

impl CsvFile {
    /// Start the file for `path`: a BOM (so that Excel opens the UTF-8 file
    /// with the right encoding) and the header.
    pub(super) fn create<S: AsRef<str>>(path: &Path, header: &[S]) -> Result<CsvFile, Diagnostic> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let tmp = temp_in(dir).map_err(|e| write_error(path, &e))?;
        let mut file = CsvFile {
            out: BufWriter::with_capacity(256 * 1024, tmp),
        };
        file.out
            .write_all(b"\xEF\xBB\xBF")
            .and_then(|()| file.record(header.iter().map(AsRef::as_ref)))
            .map_err(|e| write_error(path, &e))?;
        Ok(file)
    }

    /// Write a record.
    pub(super) fn record<'a>(
        &mut self,
        fields: impl IntoIterator<Item = &'a str>,
    ) -> io::Result<()> {
        let mut empty = true;
        for (i, field) in fields.into_iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
                empty = false;
            }
            empty &= field.is_empty();
            self.field(field.as_bytes())?;
        }
        // A record of one empty field would be an empty line, which a
        // reader skips.
        if empty {
            self.out.write_all(b"\"\"")?;
        }
        self.out.write_all(b"\n")
    }

    fn field(&mut self, field: &[u8]) -> io::Result<()> {
        if !any_byte(field, needs_quotes) {
            return self.out.write_all(field);
        }
        self.out.write_all(b"\"")?;
        for (i, piece) in field.split(|&b| b == b'"').enumerate() {
            if i > 0 {
                self.out.write_all(b"\"\"")?;
            }
            self.out.write_all(piece)?;
        }
        self.out.write_all(b"\"")
    }

    /// Write the file out to disk, still under its temporary name.
    pub(super) fn synced(self, path: &Path) -> Result<NamedTempFile, Diagnostic> {
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| write_error(path, &e.error()))?;
        tmp.as_file()
            .sync_all()
            .map_err(|e| write_error(path, &e))?;
        Ok(tmp)
    }
}

/// The bytes that make a field quoted: the delimiter, the quote, and the
/// line ends (a reader ends a record at a carriage return too).
const fn needs_quotes(b: u8) -> bool {
    (b == b',') | (b == b'"') | (b == b'\r') | (b == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of a file of `records`, written by [`CsvFile`] and by the
    /// csv crate.
    fn both(records: &[Vec<&str>]) -> (Vec<u8>, Vec<u8>) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.csv");
        let (header, rows) = records.split_first().expect("a header");
        let mut ours = CsvFile::create(&path, header).expect("create");
        let mut theirs = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
        theirs.write_record(header).expect("write");
        for row in rows {
            ours.record(row.iter().copied()).expect("write");
            theirs.write_record(row).expect("write");
        }
        ours.synced(&path)
            .expect("sync")
            .persist(&path)
            .expect("persist");
        let theirs = theirs.into_inner().expect("flush");
        (std::fs::read(&path).expect("read"), theirs)
    }

    #[test]
    fn fields_are_quoted_as_the_csv_crate_quotes_them() {
        let odd = [
            "",
            "a",
            "a,b",
            "\"",
            "say \"hi\"",
            "\"\"",
            "a\nb",
            "a\rb",
            "\r\n",
            " lead",
            "trail ",
            "tab\t",
            "#",
            "'",
            "<&>",
            "混合,中文",
            "（共 2 个错误）",
            "1.5",
            "a;b",
            "\u{0}\u{1f}",
            "\u{FFFE}",
            "0123456789abcdef,",
            "0123456789abcdef0\"",
            ",0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcde\n",
            "长长的一个项目名称，没有要加引号的字符",
            "长长的一个项目名称，有一个逗号,在这里",
        ];
        let mut records = vec![vec!["ID", "Name", "Level"]];
        for a in odd {
            for b in odd {
                records.push(vec![a, b, "x"]);
            }
        }
        let (ours, theirs) = both(&records);
        assert_eq!(
            String::from_utf8_lossy(&ours),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn a_lone_empty_field_is_quoted() {
        for records in [
            vec![vec!["h"], vec![""], vec!["a"], vec![""]],
            vec![vec![""], vec!["b"]],
        ] {
            let (ours, theirs) = both(&records);
            assert_eq!(ours, theirs);
        }
    }
}
