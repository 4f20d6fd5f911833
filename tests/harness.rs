//! Running the `pfc` binary the way a user does, and snapshotting what it
//! prints.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run printed.
#[derive(Debug)]
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Everything, for a snapshot: exit code, stdout, stderr.
    pub fn transcript(&self) -> String {
        format!(
            "exit: {}\n----- stdout\n{}----- stderr\n{}",
            self.code, self.stdout, self.stderr
        )
    }
}

/// The repository root (tests run from there, as a user would).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run pfc in `dir` with `args` (colour off, in English, help laid out
/// 100 columns wide).
#[track_caller]
pub fn pfc_in(dir: &Path, args: &[&str]) -> Run {
    pfc_env(dir, args, &[])
}

/// Run pfc in `dir` with `args` and these environment variables (as
/// `LANG=zh_CN.UTF-8`), colour off, in English unless they say otherwise.
#[track_caller]
pub fn pfc_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_pfc"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env("LANG", "C")
        .envs(env.iter().copied())
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("pfc runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run pfc from the repository root.
#[track_caller]
pub fn pfc(args: &[&str]) -> Run {
    pfc_in(&root(), args)
}

/// A temporary folder holding the given files.
pub fn files(list: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in list {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write");
    }
    dir
}

/// The names of the files in a folder, sorted (empty if it does not exist).
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}
