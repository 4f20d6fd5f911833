//! Writing output files atomically: a temporary file in the same folder,
//! renamed over the target only when complete.

use crate::catalogue::cli::Cli;
use crate::diagnostic::{Code, Diagnostic};
use std::io::Write;
use std::path::Path;

/// Write `content` to `path` atomically.
pub(crate) fn write_atomic(path: &Path, content: &[u8]) -> Result<(), Diagnostic> {
    write_replacing(path, content, true)
}

/// Like [`write_atomic`], but without waiting for the disk: the file is
/// still complete or absent if pfc is interrupted (the rename is atomic),
/// but after a power failure it may be empty. For the reports of a batch,
/// where waiting for the disk after every file cost more than writing
/// them; the summary, which says the batch is done, is still synced.
pub(crate) fn write_replacing_unsynced(path: &Path, content: &[u8]) -> Result<(), Diagnostic> {
    write_replacing(path, content, false)
}

fn write_replacing(path: &Path, content: &[u8], sync: bool) -> Result<(), Diagnostic> {
    let fail = |e: &std::io::Error| {
        let file = || path.display().to_string().into();
        let said = match e.kind() {
            std::io::ErrorKind::NotFound if !folder(path).is_dir() => Cli::CannotWriteNoFolder {
                file: file(),
                folder: folder(path).display().to_string().into(),
            },
            std::io::ErrorKind::PermissionDenied => Cli::CannotWritePermission { file: file() },
            _ => Cli::CannotWrite {
                file: file(),
                why: e.to_string().into(),
            },
        };
        Diagnostic::error(Code::OutputWrite, said).with_hint(Cli::HintWritableFolder)
    };
    let dir = folder(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pfc-");
    // A temporary file is private (0600); the report is an ordinary file:
    // keep the permissions of the file it replaces, or make it readable.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(content).map_err(|e| fail(&e))?;
    if sync {
        tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    }
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// The folder a file is written in.
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
