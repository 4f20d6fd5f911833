//! Documentation that must stay in step with the code.

use crate::harness::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[test]
fn every_diagnostic_code_is_documented() {
    let doc =
        std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    // Each code has a title in English and in Chinese (`diagnostic.rs`),
    // and its section in the docs gives both.
    let missing: Vec<String> = pfc::diagnostic::Code::ALL
        .iter()
        .filter(|c| {
            let heading = format!(
                "### {} — {}\n\n中文：{}\n",
                c.as_str(),
                c.title(),
                c.title_zh()
            );
            c.title().is_empty() || c.title_zh().is_empty() || !doc.contains(&heading)
        })
        .map(|c| format!("{} {} / {}", c.as_str(), c.title(), c.title_zh()))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/diagnostics.md with both titles: {missing:?}"
    );
}

#[test]
fn readme_opens_with_the_two_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let run = "cargo run --release -- eval frameworks/cn-self-eval-2020 frameworks/cn-self-eval-2020/examples/caidian-2019.toml";
    assert!(readme.contains(run), "README lacks the main command");
    assert!(
        readme.contains("\n    cargo test\n"),
        "README lacks the test command"
    );
}

// ------------------------------------------------------------ Commands

/// The documents whose commands are run: the README, docs/*.md and every
/// bundled framework's README.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    for dir in ["docs", "frameworks"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .expect("folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .map(|p| if p.is_dir() { p.join("README.md") } else { p })
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "md"))
            .collect();
        found.sort();
        docs.extend(found);
    }
    docs
}

/// A command a document shows, and the output it shows for it, if any.
#[derive(Debug)]
struct Shown {
    /// `docs/batch.md:30`.
    place: String,
    /// The command line, comment removed.
    line: String,
    /// What the document shows it printing (a `$ pfc` block), and the
    /// exit code it shows (`rc=1`), if it does.
    output: Option<(String, Option<i32>)>,
}

/// Every `pfc …` line of a fenced `sh` block, and every `$ pfc …` line of
/// a plain fenced block with the lines it shows below it.
fn commands(doc: &Path) -> Vec<Shown> {
    let text = std::fs::read_to_string(doc).expect("document");
    let name = doc
        .strip_prefix(root())
        .unwrap_or(doc)
        .display()
        .to_string();
    let mut shown = Vec::new();
    let mut block: Option<&str> = None;
    let mut lines = text.lines().enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let fence = line.trim_start();
        if let Some(info) = fence.strip_prefix("```") {
            block = match block {
                Some(_) => None,
                None => Some(info.trim()),
            };
            continue;
        }
        let place = format!("{name}:{}", i + 1);
        match block {
            Some("sh") if line.starts_with("pfc ") => {
                let line = match line.find(" #") {
                    Some(comment) => &line[..comment],
                    None => line,
                };
                shown.push(Shown {
                    place,
                    line: line.trim().to_owned(),
                    output: None,
                });
            }
            Some("") if line.starts_with("$ pfc ") => {
                let mut out = String::new();
                let mut code = None;
                while let Some((_, next)) =
                    lines.next_if(|(_, l)| !l.starts_with("$ ") && !l.starts_with("```"))
                {
                    match next.strip_prefix("rc=") {
                        Some(rc) => code = Some(rc.parse().expect("rc=N")),
                        None => {
                            out.push_str(next);
                            out.push('\n');
                        }
                    }
                }
                shown.push(Shown {
                    place,
                    line: line["$ ".len()..].to_owned(),
                    output: Some((out, code)),
                });
            }
            _ => {}
        }
    }
    shown
}

/// Commands shown as illustrations, not run: what each needs that no
/// scratch folder has, by the document's place and the command.
const NOT_RUN: &[(&str, &str, &str)] = &[
    (
        "docs/diagnostics.md",
        "pfc eval framework.pf project.toml -f json",
        "a framework whose formula leaves 0..weight, shown only in part",
    ),
    (
        "docs/diagnostics.md",
        "pfc check my-framework",
        "a framework whose test names a missing file",
    ),
    (
        "docs/diagnostics.md",
        "pfc test my-framework",
        "a framework whose test names a missing file",
    ),
    (
        "docs/diagnostics.md",
        "pfc eval cn-self-eval-2020 project.toml -f md --template report.md.tera",
        "a template with a mistake",
    ),
    (
        "docs/diagnostics.md",
        "pfc eval cn-self-eval-2020 project.toml -o /no/such/dir/report.txt",
        "a project.toml, which the PF0001 example before it must not find",
    ),
    (
        "docs/language.md",
        "pfc test hubei-self-eval",
        "a test with a wrong expectation, which the bundled framework does not have",
    ),
];

/// Copy a folder and what it holds.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("folder") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A scratch folder as the commands of the docs expect the one they run
/// in: the repository's `frameworks/` and `examples/`, and the files the
/// docs name for a user's own (`DATA.toml`, `自评表.csv`, `projects/` …),
/// made from the bundled examples.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |p: &str| dir.path().join(p);
    copy_dir(&root().join("frameworks"), &at("frameworks"));
    copy_dir(&root().join("examples"), &at("examples"));
    let example = root().join("frameworks/cn-self-eval-2020/examples");
    copy_dir(&example, &at("projects"));
    let framework = root().join("frameworks/cn-self-eval-2020/framework.pf");
    let copy = |from: &Path, to: &str| {
        if let Some(parent) = at(to).parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::copy(from, at(to)).expect("copy");
    };
    copy(&example.join("caidian-2019.toml"), "DATA.toml");
    copy(&root().join("examples/projects.csv"), "自评表.csv");
    copy(&root().join("examples/projects.xlsx"), "自评表.xlsx");
    copy(&framework, "framework.pf");
    copy(&framework, "other.pf");
    // A framework of the user's own, with the data its tests name.
    copy_dir(
        &root().join("frameworks/cn-self-eval-2020"),
        &at("frameworks/my-framework"),
    );
    let csv = std::fs::read_to_string(root().join("examples/projects.csv")).expect("csv");
    let (gbk, _, _) = encoding_rs::GBK.encode(&csv);
    std::fs::write(at("gbk.csv"), gbk).expect("gbk.csv");
    let header = csv.lines().next().expect("a header");
    assert!(header.contains(",三级指标,"), "{header}");
    std::fs::write(
        at("export.csv"),
        csv.replacen(",三级指标,", ",指标名称,", 1),
    )
    .expect("export.csv");
    std::fs::write(at("mapping.toml"), "\"三级指标\" = \"指标名称\"\n").expect("mapping");
    std::fs::write(at("my.md.tera"), "# {{ report_title }}\n总分 {{ total }}\n").expect("tera");
    dir
}

/// Run a command line of the docs in `dir`, as a user's shell would: words
/// split at spaces, `< FILE` as standard input.
fn run_line(dir: &Path, line: &str) -> (i32, String) {
    assert!(
        !line.contains(['"', '\'', '|', '>', '$', '*']),
        "{line}: quote, pipe, redirection or pattern (this test splits at spaces only)"
    );
    let mut words: Vec<&str> = line.split_whitespace().collect();
    let stdin = match words.iter().position(|w| *w == "<") {
        Some(i) => {
            let file = words.get(i + 1).expect("a file after <").to_string();
            words.truncate(i);
            Stdio::from(std::fs::File::open(dir.join(file)).expect("stdin file"))
        }
        None => Stdio::null(),
    };
    assert_eq!(words.first(), Some(&"pfc"));
    let out = Command::new(env!("CARGO_BIN_EXE_pfc"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("COLUMNS")
        .env("LANG", "C")
        .args(["--color", "never"])
        .args(&words[1..])
        .stdin(stdin)
        .output()
        .expect("pfc runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Lines without trailing spaces, the text without trailing blank lines.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end().to_owned()
}

/// The commands the docs show work: every `pfc …` line of a fenced `sh`
/// block exits with 0, and every `$ pfc …` line of a plain block prints
/// what the document shows below it, and exits with the code of its
/// `rc=` line when it shows one. Each runs in a fresh scratch folder; the
/// illustrations of [`NOT_RUN`] are not run, and each must still be in its
/// document.
#[test]
fn the_commands_in_the_docs_run() {
    let mut failures = Vec::new();
    let mut ran = 0;
    let mut illustrations = 0;
    for doc in documents() {
        for shown in commands(&doc) {
            let file = shown.place.split(':').next().unwrap_or_default();
            if NOT_RUN
                .iter()
                .any(|(d, line, _)| *d == file && *line == shown.line)
            {
                illustrations += 1;
                continue;
            }
            let dir = scratch();
            let (code, output) = run_line(dir.path(), &shown.line);
            ran += 1;
            let (want_output, want_code) = match &shown.output {
                Some((text, code)) => (Some(text), *code),
                None => (None, Some(0)),
            };
            if let Some(want_code) = want_code
                && code != want_code
            {
                failures.push(format!(
                    "{}: `{}` exited with {code}, not {want_code}:\n{output}",
                    shown.place, shown.line
                ));
            } else if let Some(want) = want_output
                && tidy(want) != tidy(&output)
            {
                failures.push(format!(
                    "{}: `{}` printed\n{}\n----- the document shows\n{}",
                    shown.place,
                    shown.line,
                    tidy(&output),
                    tidy(want)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    assert_eq!(illustrations, NOT_RUN.len(), "an entry of NOT_RUN is gone");
    assert!(ran > 30, "only {ran} commands found");
}
