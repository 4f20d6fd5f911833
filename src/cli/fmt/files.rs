//! Which files `pfc fmt` formats: the files named, and every `framework.pf`
//! in the folders named and their subfolders (the current folder when none
//! is named). Hidden folders, `target` and `node_modules` are passed over,
//! and so are symbolic links met on the way.

use crate::catalogue::cli::Cli;
use crate::catalogue::common::Common;
use crate::diagnostic::{Code, Diagnostic};
use std::path::{Path, PathBuf};

const FRAMEWORK_FILE: &str = "framework.pf";

/// The files to format, in order: each argument's, sorted within a folder.
pub(super) fn find(args: &[String]) -> Result<Vec<PathBuf>, Diagnostic> {
    if args.is_empty() {
        let mut out = Vec::new();
        walk(Path::new("."), &mut out).map_err(|e| unreadable(".", &e))?;
        if out.is_empty() {
            return Err(none_in("."));
        }
        // `./a/framework.pf` is shown as `a/framework.pf`.
        return Ok(out
            .into_iter()
            .map(|p| p.strip_prefix(".").map(Path::to_owned).unwrap_or(p))
            .collect());
    }
    let mut out = Vec::new();
    for arg in args {
        let path = Path::new(arg);
        if path.is_dir() {
            let before = out.len();
            walk(path, &mut out).map_err(|e| unreadable(arg, &e))?;
            if out.len() == before {
                return Err(none_in(arg));
            }
        } else {
            // A file, or nothing: loading it says which.
            out.push(path.to_owned());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let name = entry.file_name();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            let name = name.to_string_lossy();
            if !(name.starts_with('.') || name == "target" || name == "node_modules") {
                walk(&entry.path(), out)?;
            }
        } else if kind.is_file() && name == FRAMEWORK_FILE {
            out.push(entry.path());
        }
    }
    Ok(())
}

fn none_in(dir: &str) -> Diagnostic {
    Diagnostic::error(
        Code::FrameworkNotFound,
        Cli::FmtNoFrameworks { folder: dir.into() },
    )
}

fn unreadable(dir: &str, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error(
        Code::FileUnreadable,
        Common::FileUnreadableOs {
            file: dir.into(),
            why: e.to_string().into(),
        },
    )
}
