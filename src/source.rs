//! Source files loaded for one run, and how their bytes become text.

use crate::catalogue::Name;
use crate::catalogue::common::Common;
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
                Common::FileTooLarge { file: shown.into() },
            ));
        }
        let bytes = std::fs::read(path).map_err(|e| unreadable(path, &shown, &e))?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(self.add(shown, strip_bom(text))),
            Err(e) => Err(self.not_utf8(&shown, e.as_bytes(), e.utf8_error().valid_up_to())),
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

/// Why a file cannot be read, in plain words (not the OS error's text).
fn unreadable(path: &Path, shown: &str, e: &std::io::Error) -> Diagnostic {
    let file = Name::new(shown);
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            let d = Diagnostic::error(Code::FileUnreadable, Common::FileMissing { file });
            match similar_file(path) {
                Some(name) => d.with_hint(Common::DidYouMean { name: name.into() }),
                None => d.with_hint(Common::HintCheckPath),
            }
        }
        std::io::ErrorKind::PermissionDenied => {
            Diagnostic::error(Code::FileUnreadable, Common::FilePermission { file })
                .with_hint(Common::HintPermissions)
        }
        std::io::ErrorKind::IsADirectory => {
            Diagnostic::error(Code::FileUnreadable, Common::FileIsFolder { file })
                .with_hint(Common::HintFileInside)
        }
        _ => Diagnostic::error(
            Code::FileUnreadable,
            Common::FileUnreadableOs {
                file,
                why: e.to_string().into(),
            },
        )
        .with_hint(Common::HintReadableFile),
    }
}

/// A file next to `path` with a similar name (`caidian-2091.toml` →
/// `caidian-2019.toml`), shown as the path would be written.
fn similar_file(path: &Path) -> Option<String> {
    let wanted = path.file_name()?.to_str()?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let best = std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .map(|name| (strsim::levenshtein(wanted, &name), name))
        .filter(|(d, _)| *d <= 3)
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)))?;
    Some(match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(best.1).display().to_string(),
        _ => best.1,
    })
}

impl SourceMap {
    /// A file that is not UTF-8. When it decodes as GBK/GB18030 (what
    /// Chinese Windows saves by default), the decoded text is added to the
    /// map so that the diagnostic can show the first character that is not
    /// UTF-8, with a caret.
    fn not_utf8(&mut self, shown: &str, bytes: &[u8], offset: usize) -> Diagnostic {
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        let (decoded, _, gbk_bad) = encoding_rs::GB18030.decode(bytes);
        if gbk_bad {
            return Diagnostic::error(
                Code::NotUtf8,
                Common::NotUtf8 {
                    file: shown.into(),
                    byte: format!("0x{:02X}", bytes[offset]),
                    offset,
                    line,
                },
            )
            .with_hint(Common::HintSaveUtf8);
        }
        // When the bytes before `offset` are ASCII they decode to
        // themselves and the first GBK character starts at `offset`. A UTF-8
        // prefix with Chinese text decodes differently, so then the snippet
        // is left out rather than pointing at the wrong place.
        let ascii_prefix = bytes[..offset].is_ascii();
        let first = decoded
            .get(offset..)
            .and_then(|rest| rest.chars().next())
            .filter(|_| ascii_prefix);
        let Some(first) = first else {
            return Diagnostic::error(
                Code::NotUtf8,
                Common::NotUtf8Gbk {
                    file: shown.into(),
                    byte: format!("0x{:02X}", bytes[offset]),
                    offset,
                    line,
                },
            )
            .with_note(Common::NoteGbk)
            .with_hint(Common::HintConvertGbk {
                file: shown.to_owned(),
                converted: utf8_name(shown),
            });
        };
        let file = self.add(shown, decoded.into_owned());
        Diagnostic::error(Code::NotUtf8, Common::LooksGbk { file: shown.into() })
            .with_primary(
                Span::new(file, offset, offset + first.len_utf8()),
                Common::LabelGbkHere {
                    character: first.to_string().into(),
                },
            )
            .with_note(Common::NoteGbk)
            .with_hint(Common::HintConvertGbk {
                file: shown.to_owned(),
                converted: utf8_name(shown),
            })
    }
}

/// `data.toml` → `data-utf8.toml`, for the conversion hint.
fn utf8_name(shown: &str) -> String {
    match shown.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(['/', '\\']) => {
            format!("{stem}-utf8.{ext}")
        }
        _ => format!("{shown}-utf8"),
    }
}
