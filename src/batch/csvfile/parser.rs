//! Two CSV parsers behind one face.
//!
//! simd-csv finds commas, quotes and line ends many bytes at a time and
//! splits a budget system's export several times faster than the csv crate.
//! But it splits some records differently: a quote inside a field
//! (`24"显示器`) opens a quoted field for it, which swallows the rows up to
//! the next quote, and a lone CR does not end a record. The csv crate reads both
//! as a spreadsheet does.
//!
//! So each record simd-csv splits is checked ([`Fields::fill`]): every
//! field either has no `"` and no CR, or is quoted with its inner quotes
//! doubled. On such a record the two parsers agree (tested below against
//! the csv crate on random bytes). On any other, the record is read again
//! from its start by the csv crate, which reads the rest of the file.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;

/// Buffer size of either parser.
const BUFFER: usize = 256 * 1024;

/// A record as either parser gives it.
#[derive(Debug)]
pub(crate) enum Record {
    /// Split by simd-csv.
    Fast(Fields),
    /// Read by the csv crate.
    Exact(csv::ByteRecord),
}

impl Default for Record {
    fn default() -> Self {
        Record::Fast(Fields::default())
    }
}

impl From<csv::ByteRecord> for Record {
    fn from(r: csv::ByteRecord) -> Self {
        Record::Exact(r)
    }
}

impl Record {
    /// Field `i`, unquoted and unescaped.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<&[u8]> {
        match self {
            Record::Fast(r) => r.get(i),
            Record::Exact(r) => r.get(i),
        }
    }

    /// How many fields it has.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        match self {
            Record::Fast(r) => r.bounds.len(),
            Record::Exact(r) => r.len(),
        }
    }

    /// The bytes the fields are slices of.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            Record::Fast(r) => &r.bytes,
            Record::Exact(r) => r.as_slice(),
        }
    }

    fn fast(&mut self) -> &mut Fields {
        if !matches!(self, Record::Fast(_)) {
            *self = Record::Fast(Fields::default());
        }
        match self {
            Record::Fast(r) => r,
            Record::Exact(_) => unreachable!("made fast above"),
        }
    }

    fn exact(&mut self) -> &mut csv::ByteRecord {
        if !matches!(self, Record::Exact(_)) {
            *self = Record::Exact(csv::ByteRecord::new());
        }
        match self {
            Record::Exact(r) => r,
            Record::Fast(_) => unreachable!("made exact above"),
        }
    }
}

/// The fields of a record simd-csv split, unquoted and unescaped.
#[derive(Debug, Default)]
pub(crate) struct Fields {
    /// The record as written when no field is quoted (commas included),
    /// else the fields one after another.
    bytes: Vec<u8>,
    /// Where each field is in `bytes`.
    bounds: Vec<Range<usize>>,
}

impl Fields {
    #[inline]
    fn get(&self, i: usize) -> Option<&[u8]> {
        self.bounds.get(i).and_then(|r| self.bytes.get(r.clone()))
    }

    /// Take the fields of `record`; false if the csv crate could read them
    /// otherwise (see the module's comment).
    fn fill(&mut self, record: &simd_csv::ZeroCopyByteRecord<'_>) -> bool {
        self.bytes.clear();
        self.bounds.clear();
        let raw = record.as_slice();
        if memchr::memchr2(b'"', b'\r', raw).is_none() {
            // Most records: one copy, the fields where they are.
            self.bytes.extend_from_slice(raw);
            let base = raw.as_ptr().addr();
            for field in record.iter() {
                let at = field.as_ptr().addr() - base;
                self.bounds.push(at..at + field.len());
            }
            return true;
        }
        for field in record.iter() {
            let start = self.bytes.len();
            if !unescape(field, &mut self.bytes) {
                return false;
            }
            self.bounds.push(start..self.bytes.len());
        }
        true
    }
}

#[cfg(test)]
impl Fields {
    /// The record of `fields` written with commas between them, as simd-csv
    /// gives a record without quotes.
    pub(crate) fn written(fields: &[&[u8]]) -> Self {
        let mut f = Fields::default();
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                f.bytes.push(b',');
            }
            f.bounds.push(f.bytes.len()..f.bytes.len() + field.len());
            f.bytes.extend_from_slice(field);
        }
        f
    }
}

/// Append `field`'s text to `out`: a quoted field without its quotes and
/// with its doubled quotes made single. False for a field simd-csv may
/// have split where the csv crate would not: a quote that neither opens,
/// closes nor is doubled inside a quoted field, or a CR outside one.
fn unescape(field: &[u8], out: &mut Vec<u8>) -> bool {
    let [b'"', inner @ .., b'"'] = field else {
        out.extend_from_slice(field);
        return memchr::memchr2(b'"', b'\r', field).is_none();
    };
    let mut rest = inner;
    while let Some(at) = memchr::memchr(b'"', rest) {
        if rest.get(at + 1) != Some(&b'"') {
            return false;
        }
        out.extend_from_slice(&rest[..=at]);
        rest = &rest[at + 2..];
    }
    out.extend_from_slice(rest);
    true
}

/// An error of either parser.
pub(crate) type Error = Box<dyn std::error::Error + Send + Sync>;

/// The parser reading the file's records.
pub(crate) enum Parser<R: Read + Seek = File> {
    /// simd-csv, from byte `base` of the file on; `again` is the file
    /// too, for the csv crate to read from the record it cannot split.
    Fast {
        reader: simd_csv::ZeroCopyReader<R>,
        again: R,
        base: u64,
    },
    /// The csv crate, from byte `base` of the file on.
    Exact { reader: csv::Reader<R>, base: u64 },
    /// Between the two, only while switching.
    Gone,
}

impl<R: Read + Seek> Parser<R> {
    /// Read the records of `file` from byte `at` on (the file is there);
    /// `again` reads the same file (it is moved as needed).
    pub(crate) fn new(file: R, again: R, at: u64) -> Self {
        Parser::Fast {
            reader: simd_csv::ZeroCopyReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .buffer_capacity(BUFFER)
                .from_reader(file),
            again,
            base: at,
        }
    }

    /// The csv crate reading `file` from byte `at` on.
    fn exact(mut file: R, at: u64) -> io::Result<Self> {
        file.seek(SeekFrom::Start(at))?;
        Ok(Parser::Exact {
            reader: csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .buffer_capacity(BUFFER)
                .from_reader(file),
            base: at,
        })
    }

    /// The byte offset where the next record starts (or the empty lines
    /// before it).
    pub(crate) fn position(&self) -> u64 {
        match self {
            Parser::Fast { reader, base, .. } => base + reader.position(),
            Parser::Exact { reader, base } => base + reader.position().byte(),
            Parser::Gone => 0,
        }
    }

    /// Read the next record into `record`; false at the end of the file.
    pub(crate) fn read(&mut self, record: &mut Record) -> Result<bool, Error> {
        let start = self.position();
        match self {
            Parser::Fast { reader, .. } => match reader.read_byte_record()? {
                None => return Ok(false),
                Some(fields) if record.fast().fill(&fields) => return Ok(true),
                Some(_) => {}
            },
            Parser::Exact { reader, .. } => return Ok(reader.read_byte_record(record.exact())?),
            Parser::Gone => return Ok(false),
        }
        // simd-csv may have split this record otherwise than the csv crate:
        // read it again, and the rest of the file, with the csv crate.
        let Parser::Fast { again, .. } = std::mem::replace(self, Parser::Gone) else {
            return Ok(false);
        };
        *self = Parser::exact(again, start)?;
        self.read(record)
    }

    /// Whether the fast parser is reading.
    #[cfg(test)]
    pub(crate) fn is_fast(&self) -> bool {
        matches!(self, Parser::Fast { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// Records, each as its fields.
    type Fields = Vec<Vec<Vec<u8>>>;

    /// Every record of `data` as the csv crate reads it and as [`Parser`]
    /// does; and whether the parser stayed fast.
    fn both(data: &[u8]) -> (Fields, Fields, bool) {
        let mut exact = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(data);
        let mut theirs = Vec::new();
        let mut r = csv::ByteRecord::new();
        while exact.read_byte_record(&mut r).expect("csv reads") {
            theirs.push(r.iter().map(<[u8]>::to_vec).collect());
        }
        let mut parser = Parser::new(Cursor::new(data), Cursor::new(data), 0);
        let mut ours = Vec::new();
        let mut r = Record::default();
        while parser.read(&mut r).expect("parser reads") {
            let fields: Vec<Vec<u8>> = (0..).map_while(|i| r.get(i).map(<[u8]>::to_vec)).collect();
            ours.push(fields);
        }
        (theirs, ours, parser.is_fast())
    }

    #[test]
    fn reads_as_the_csv_crate_does() {
        let cases: [&[u8]; 16] = [
            b"a,b\nc,d\n",
            b"a,b\r\nc,d\r\n",
            b"a,b\n\nc,d",
            b"a,b\r\n\r\nc,d\r\n\r\n",
            b"\na,b\n",
            b",\n,,\n",
            b"x\n\n\n",
            // Quotes: the csv crate from the record they are in.
            b"a,\"b,c\"\nd,e\n",
            b"a,b\"c,d\ne,f\ng,h\n",
            b"a,b\nc,\"d\"\"e\",f\n",
            b"a,\"b\nc\",d\n",
            // Lone CRs: a record ends there for the csv crate.
            b"a,b\rc,d\re,f\n",
            b"a,b\nc,d\r",
            b"a,b\r\nc,d\re\n",
            "项目,指标\n满意度,≥95%\r\n".as_bytes(),
            b"\xC4\xE3,\xBA\xC3\r\n\xC4\xE3,\x81\x40\n",
        ];
        for data in cases {
            let (theirs, ours, _) = both(data);
            assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(data));
        }
    }

    #[test]
    fn stays_fast_while_quotes_are_where_they_belong() {
        assert!(both(b"a,b\r\nc,d\r\n").2);
        assert!(both(b"a,\"b,c\"\nd,\"e\"\"f\"\"\"\n").2);
        assert!(!both(b"a,b\nc,d\"\n").2);
        assert!(!both(b"a,b\nc,\"d\"e\n").2);
        assert!(!both(b"a,b\rc\n").2);
    }

    /// Random files of the bytes that matter to a CSV parser, and text:
    /// simd-csv's splitting, checked, reads as the csv crate does.
    #[test]
    fn reads_random_bytes_as_the_csv_crate_does() {
        let alphabet: [&[u8]; 9] = [
            b"a",
            b"bc",
            b",",
            b"\"",
            b"\"\"",
            b"\r",
            b"\n",
            b"\r\n",
            "中".as_bytes(),
        ];
        // A fixed linear congruential sequence: the same files every run.
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        let mut fast = 0;
        for _ in 0..20_000 {
            let len = next(30);
            // Mostly plain files, so that many stay with simd-csv.
            let quotes = next(3) == 0;
            let data: Vec<u8> = (0..len)
                .flat_map(|_| {
                    let mut k = next(alphabet.len());
                    if !quotes && (k == 3 || k == 4 || k == 5) {
                        k = 6;
                    }
                    alphabet[k].iter().copied()
                })
                .collect();
            let (theirs, ours, stayed) = both(&data);
            assert_eq!(ours, theirs, "{:?}", String::from_utf8_lossy(&data));
            fast += usize::from(stayed);
        }
        assert!(fast > 10_000, "only {fast} files read by simd-csv alone");
    }

    /// Files bigger than a buffer, with a quote or a lone CR (or a CR at a
    /// buffer's end, its LF in the next) at many places.
    #[test]
    fn switches_at_any_record() {
        let mut data = Vec::new();
        for i in 0..40_000 {
            data.extend_from_slice(format!("P{i},项目{i},≥{i}%,{}\r\n", i % 7).as_bytes());
        }
        for at in [
            0,
            1,
            17,
            BUFFER - 1,
            BUFFER,
            BUFFER + 1,
            2 * BUFFER - 2,
            data.len() - 3,
        ] {
            for byte in [b'"', b'\r'] {
                let mut d = data.clone();
                d.insert(at, byte);
                let (theirs, ours, _) = both(&d);
                assert_eq!(ours, theirs, "{} at {at}", byte as char);
            }
        }
        let (theirs, ours, fast) = both(&data);
        assert_eq!(ours, theirs);
        assert!(fast, "CRLF line ends keep the fast parser");
    }
}
