//! Source files loaded for one run, and how their bytes become text.

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use std::path::Path;

/// One loaded source file: a framework, a data file or a template.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The name shown in diagnostics (the path as the user gave it, or
    /// `<builtin>/…` for frameworks compiled into the binary).
    pub name: String,
    /// The file's text, always valid UTF-8.
    pub text: String,
}

/// All files of one run. Diagnostics refer to files by [`FileId`].
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

/// Largest file pfc reads: spans are `u32` byte offsets.
const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

impl SourceMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a file from text already in memory.
    pub fn add(&mut self, name: impl Into<String>, text: impl Into<String>) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(SourceFile {
            name: name.into(),
            text: text.into(),
        });
        id
    }

    /// Read a file from disk as UTF-8 text.
    ///
    /// A file that is not UTF-8 is refused with a diagnostic naming the first
    /// bad byte; when the bytes decode as GBK/GB18030 (what Chinese Windows
    /// saves by default) the hint says so and how to convert it.
    pub fn load(&mut self, path: &Path) -> Result<FileId, Diagnostic> {
        let shown = path.display().to_string();
        let too_big = std::fs::metadata(path).map(|m| m.len() > MAX_FILE_BYTES);
        if let Ok(true) = too_big {
            return Err(Diagnostic::error(
                Code::FileUnreadable,
                format!("`{shown}` is larger than 512 MiB"),
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            let hint = match e.kind() {
                std::io::ErrorKind::NotFound => {
                    "check the path; it is relative to the current directory"
                }
                std::io::ErrorKind::PermissionDenied => "check the file's permissions",
                _ => "check that the path names a readable file",
            };
            Diagnostic::error(Code::FileUnreadable, format!("cannot read `{shown}`: {e}"))
                .with_hint(hint)
        })?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(self.add(shown, strip_bom(text))),
            Err(e) => Err(not_utf8(&shown, e.as_bytes(), e.utf8_error().valid_up_to())),
        }
    }

    /// The file behind an id.
    ///
    /// # Panics
    /// Never for ids this map handed out; ids are not shared between maps.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    /// All files, in the order they were added (index = `FileId`).
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).text.get(span.range()).unwrap_or("")
    }
}

fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{FEFF}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

fn not_utf8(shown: &str, bytes: &[u8], offset: usize) -> Diagnostic {
    let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let (_, _, gbk_bad) = encoding_rs::GB18030.decode(bytes);
    let diag = Diagnostic::error(
        Code::NotUtf8,
        format!(
            "`{shown}` is not UTF-8 text: byte 0x{:02X} at offset {offset} (line {line}) is invalid",
            bytes[offset]
        ),
    );
    if gbk_bad {
        diag.with_hint("save the file as UTF-8 and try again")
    } else {
        diag.with_hint(format!(
            "the file looks GBK/GB18030-encoded (what Chinese Windows saves by default): \
             convert it with `iconv -f GB18030 -t UTF-8 {shown} > converted` or save it as UTF-8 in your editor"
        ))
    }
}
