//! The text encoding of a CSV file: UTF-8 (with or without a BOM) or
//! GBK/GB18030, what Chinese Windows saves by default. Detected from the
//! first 64 KiB, or named with `--encoding`.

use crate::catalogue::Name;
use crate::catalogue::batch::Batch;
use crate::diagnostic::{Code, Diagnostic};
use crate::place::Place;
use std::borrow::Cow;

/// An encoding pfc reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Encoding {
    /// Detect: a UTF-8 BOM or valid UTF-8 is UTF-8, else GBK/GB18030.
    Auto,
    /// UTF-8, with or without a byte-order mark.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// GBK (read as GB18030, of which it is a subset).
    Gbk,
    /// GB18030.
    Gb18030,
}

impl Encoding {
    /// The name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Auto => "auto",
            Encoding::Utf8 => "UTF-8",
            Encoding::Gbk => "GBK",
            Encoding::Gb18030 => "GB18030",
        }
    }

    /// Decode one field; `None` when the bytes are not in this encoding.
    pub fn decode(self, bytes: &[u8]) -> Option<Cow<'_, str>> {
        match self {
            Encoding::Utf8 | Encoding::Auto => std::str::from_utf8(bytes).ok().map(Cow::Borrowed),
            Encoding::Gbk | Encoding::Gb18030 => {
                if bytes.is_ascii() {
                    // ASCII is the same in both; skip the decoder.
                    return std::str::from_utf8(bytes).ok().map(Cow::Borrowed);
                }
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
            }
        }
    }

    /// Decode one field into `out`, replacing its text and reusing its
    /// buffer; the same text as [`Encoding::decode`]. False when the bytes
    /// are not in this encoding (`out` is then left unspecified).
    #[inline]
    pub fn decode_into(self, bytes: &[u8], out: &mut String) -> bool {
        out.clear();
        match self {
            Encoding::Utf8 | Encoding::Auto => match std::str::from_utf8(bytes) {
                Ok(text) => {
                    out.push_str(text);
                    true
                }
                Err(_) => false,
            },
            Encoding::Gbk | Encoding::Gb18030 => {
                if bytes.is_ascii() {
                    // ASCII is the same in both; skip the decoder.
                    out.push_str(std::str::from_utf8(bytes).unwrap_or_default());
                    return true;
                }
                // A fresh decoder for each field, as `decode` has: a
                // sequence cut off at the end of a field is an error.
                let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
                // GB18030 makes at most 3 bytes of UTF-8 of each byte (0x80
                // is €); asking the decoder costs as much as a short field.
                out.reserve(bytes.len().saturating_mul(3).saturating_add(1));
                let mut rest = bytes;
                loop {
                    let (result, read) =
                        decoder.decode_to_string_without_replacement(rest, out, true);
                    match result {
                        encoding_rs::DecoderResult::InputEmpty => return true,
                        encoding_rs::DecoderResult::OutputFull => {
                            rest = rest.get(read..).unwrap_or_default();
                            out.reserve(rest.len().saturating_mul(3).saturating_add(4));
                        }
                        encoding_rs::DecoderResult::Malformed(..) => return false,
                    }
                }
            }
        }
    }

    /// Offset of the first byte of `bytes` that is not valid in this
    /// encoding (a sequence cut off at the end counts as invalid).
    pub fn first_invalid(self, bytes: &[u8]) -> Option<usize> {
        match self {
            Encoding::Utf8 | Encoding::Auto => {
                std::str::from_utf8(bytes).err().map(|e| e.valid_up_to())
            }
            Encoding::Gbk | Encoding::Gb18030 => {
                let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
                let mut out = String::with_capacity(bytes.len() * 3 + 16);
                let (result, read) =
                    decoder.decode_to_string_without_replacement(bytes, &mut out, true);
                match result {
                    encoding_rs::DecoderResult::Malformed(bad, after) => {
                        Some(read - usize::from(bad) - usize::from(after))
                    }
                    _ => None,
                }
            }
        }
    }
}

/// How much of a file is looked at to detect its encoding.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Decide the encoding of a CSV file from its first bytes (`head`, at most
/// [`SNIFF_BYTES`]; `whole` when that is the whole file). Errors name the
/// first byte that is neither UTF-8 nor GBK, with its offset and row.
pub fn detect(file: &str, head: &[u8], whole: bool) -> Result<Encoding, Diagnostic> {
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Ok(Encoding::Utf8);
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(Diagnostic::error(
            Code::NotUtf8,
            Batch::Utf16 {
                file: Name::new(file),
            },
        )
        .with_place(Place::file(file))
        .with_hint(Batch::HintSaveCsvUtf8));
    }
    let utf8_error = match std::str::from_utf8(head) {
        Ok(_) => return Ok(Encoding::Utf8),
        // Cut off in the middle of a character by the 64 KiB limit.
        Err(e) if e.error_len().is_none() && !whole => return Ok(Encoding::Utf8),
        Err(e) => e.valid_up_to(),
    };
    let gbk_error = {
        let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
        let mut out = String::with_capacity(head.len() * 3 + 16);
        let (result, read) = decoder.decode_to_string_without_replacement(head, &mut out, whole);
        match result {
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                Some(read - usize::from(bad) - usize::from(after))
            }
            _ => None,
        }
    };
    match gbk_error {
        None => Ok(Encoding::Gb18030),
        Some(gbk_at) => {
            // Report where the likelier encoding breaks: the later of the two.
            let offset = utf8_error.max(gbk_at);
            Err(unreadable(file, head, offset, None))
        }
    }
}

/// An error for a byte that cannot be decoded: its value, offset and row.
/// `named` is the encoding the file was read in, if one was named; `None`
/// when it was detected and is neither UTF-8 nor GBK.
pub fn unreadable(file: &str, bytes: &[u8], offset: usize, named: Option<Encoding>) -> Diagnostic {
    let row = row_at(bytes, offset);
    let byte = format!("0x{:02X}", bytes.get(offset).copied().unwrap_or(0));
    let (message, hint) = match named {
        Some(encoding) => (
            Batch::NotEncoding {
                file: Name::new(file),
                encoding: encoding.name(),
                byte,
                offset,
                row,
            },
            match encoding {
                Encoding::Utf8 | Encoding::Auto => Batch::HintTryGbk,
                Encoding::Gbk | Encoding::Gb18030 => Batch::HintTryUtf8,
            },
        ),
        None => (
            Batch::NeitherEncoding {
                file: Name::new(file),
                byte,
                offset,
                row,
            },
            Batch::HintNameEncoding,
        ),
    };
    Diagnostic::error(Code::NotUtf8, message)
        .with_place(Place::Cell {
            file: file.to_owned(),
            row,
            column: None,
        })
        .with_hint(hint)
}

/// The spreadsheet row (1-based, records, not lines) that byte `offset`
/// of `bytes` (the start of a CSV file) falls in.
pub fn row_at(bytes: &[u8], offset: usize) -> u64 {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[..offset.min(bytes.len())]);
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while let Ok(true) = reader.read_byte_record(&mut record) {
        rows += 1;
    }
    rows.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_utf8_bom_utf8_and_gbk() {
        assert_eq!(
            detect("a", b"\xEF\xBB\xBFx,y\n", true).ok(),
            Some(Encoding::Utf8)
        );
        assert_eq!(
            detect("a", "项目编号,x\n".as_bytes(), true).ok(),
            Some(Encoding::Utf8)
        );
        let (gbk, _, _) = encoding_rs::GBK.encode("项目编号,年度\n1,2020\n");
        assert_eq!(detect("a", &gbk, true).ok(), Some(Encoding::Gb18030));
        assert_eq!(
            Encoding::Gbk.decode(&gbk).as_deref(),
            Some("项目编号,年度\n1,2020\n")
        );
    }

    #[test]
    fn decoding_into_a_buffer_reads_as_decode() {
        let (gbk, _, _) = encoding_rs::GBK.encode("项目编号 ≥95% 按时完成");
        let cells: [&[u8]; 7] = [
            b"",
            b"plain ascii",
            "项目 ≥95%".as_bytes(),
            &gbk,
            b"\xFF\xFE",
            b"ab\x81",
            b"\xE5\x90",
        ];
        let mut out = String::from("left over");
        for encoding in [Encoding::Utf8, Encoding::Gbk, Encoding::Gb18030] {
            for cell in cells {
                let decoded = encoding.decode(cell);
                assert_eq!(encoding.decode_into(cell, &mut out), decoded.is_some());
                if let Some(text) = decoded {
                    assert_eq!(out, text);
                }
            }
        }
    }

    #[test]
    fn garbage_names_offset_and_row() {
        let bytes = b"a,b\nc,d\ne,\xFF\xFF\n";
        let e = detect("x.csv", bytes, true).expect_err("unreadable");
        assert!(e.en().contains("0xFF at offset 10 (row 3)"), "{}", e.en());
        assert_eq!(Encoding::Utf8.first_invalid(bytes), Some(10));
        assert_eq!(Encoding::Gbk.first_invalid(b"ab\x81"), Some(2));
    }
}
