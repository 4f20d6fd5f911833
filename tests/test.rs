//! `Test`: one run of `pfc` in a temporary folder, built up and checked in
//! one expression (after casey/just's tests):
//!
//! ```ignore
//! Test::new().file("fw/framework.pf", MESSY).args(&["fmt", "--check"]).status(1).run();
//! ```

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// A run of pfc to make, and what it must give.
#[must_use]
pub struct Test {
    dir: tempfile::TempDir,
    args: Vec<String>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, String)>,
    status: i32,
    stdout: Option<String>,
    stderr: Option<String>,
}

/// What a run gave, with its folder (removed when this is dropped).
pub struct Ran {
    /// The folder it ran in.
    pub dir: tempfile::TempDir,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Ran {
    /// A file of the folder, as text.
    #[track_caller]
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(path)).expect("file in the test folder")
    }
}

impl Test {
    /// An empty folder; pfc in English, without colour; exit code 0 expected.
    pub fn new() -> Test {
        Test {
            dir: tempfile::tempdir().expect("temp dir"),
            args: Vec::new(),
            stdin: None,
            env: Vec::new(),
            status: 0,
            stdout: None,
            stderr: None,
        }
    }

    /// A file in the folder.
    pub fn file(self, path: &str, content: &str) -> Test {
        let path = self.dir.path().join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write");
        self
    }

    /// The command-line arguments (after `pfc`).
    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| (*a).to_owned()));
        self
    }

    /// Standard input.
    pub fn stdin(mut self, text: &str) -> Test {
        self.stdin = Some(text.as_bytes().to_vec());
        self
    }

    /// An environment variable.
    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.env.push((key.to_owned(), value.to_owned()));
        self
    }

    /// The exit code expected.
    pub fn status(mut self, code: i32) -> Test {
        self.status = code;
        self
    }

    /// The standard output expected, exactly.
    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(text.to_owned());
        self
    }

    /// The standard error expected, exactly.
    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.to_owned());
        self
    }

    /// Run pfc and check what it gave.
    #[track_caller]
    pub fn run(self) -> Ran {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pfc"));
        command
            .current_dir(self.dir.path())
            .args(["--color", "never"])
            .args(&self.args)
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("COLUMNS")
            .env("LANG", "C")
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("pfc runs");
        let input = self.stdin.unwrap_or_default();
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(&input).expect("stdin written");
        }
        let out = child.wait_with_output().expect("pfc ends");
        let ran = Ran {
            dir: self.dir,
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        let code = out.status.code().unwrap_or(-1);
        let transcript = format!(
            "exit {code}\n----- stdout\n{}----- stderr\n{}",
            ran.stdout, ran.stderr
        );
        assert_eq!(code, self.status, "exit code\n{transcript}");
        if let Some(want) = self.stdout {
            pretty_assertions_eq(&ran.stdout, &want, "stdout");
        }
        if let Some(want) = self.stderr {
            pretty_assertions_eq(&ran.stderr, &want, "stderr");
        }
        ran
    }

    /// The folder the run will happen in.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

#[track_caller]
fn pretty_assertions_eq(got: &str, want: &str, what: &str) {
    assert!(
        got == want,
        "{what} differs\n----- got\n{got}----- want\n{want}"
    );
}
