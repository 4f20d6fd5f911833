//! The diagnostics catalogue: one broken framework or data file per mistake
//! people make, with everything pfc prints for it pinned in a snapshot.
//!
//! Frameworks (`*.pf`) under `tests/fixtures/broken/` are checked with
//! `pfc check`; data files (`*.toml`, `*.json`) are scored with
//! `pfc eval frameworks/cn-self-eval-2020`. Each file's first comment says
//! which mistake it shows (JSON has no comments: see `JSON_MISTAKES`).
//! Mistakes that cannot be committed as a file (an encoding, an empty or a
//! missing file) are written at run time.

use crate::harness::{Run, files, pfc, pfc_in, root};
use std::path::PathBuf;

const FIXTURES: &str = "tests/fixtures/broken";
const FRAMEWORK: &str = "frameworks/cn-self-eval-2020";

/// What each JSON fixture shows.
const JSON_MISTAKES: &[(&str, &str)] = &[
    (
        "json-missing-comma",
        "A JSON data file with a missing comma between two indicator rows.",
    ),
    (
        "json-trailing-comma",
        "A JSON data file with a comma after the last field of an object.",
    ),
    (
        "json-unit-mismatch",
        "A JSON data file whose actual `95个` is a count for a money target `≤90万元`.",
    ),
    (
        "json-unknown-field",
        "A JSON data file with the misspelled field `taget`.",
    ),
    (
        "json-weight-as-text",
        "A JSON data file with a weight written in words (`\"十分\"`).",
    ),
    (
        "json-works",
        "A correct JSON data file, with a path written as \"产出指标/成本指标\" (no diagnostics).",
    ),
];

fn fixtures() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(root().join(FIXTURES))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("pf" | "toml" | "json")
            )
        })
        .collect();
    list.sort();
    list
}

fn stem(path: &std::path::Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("file name")
        .to_owned()
}

/// The fixture's first comment line, or its entry in `JSON_MISTAKES`.
fn description(path: &std::path::Path) -> String {
    let name = stem(path);
    if let Some((_, d)) = JSON_MISTAKES.iter().find(|(n, _)| *n == name) {
        return (*d).to_owned();
    }
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    text.lines()
        .next()
        .and_then(|l| {
            l.strip_prefix("//")
                .or_else(|| l.strip_prefix('#'))
                .map(str::trim)
        })
        .unwrap_or_else(|| panic!("{name}: the first line must say which mistake it shows"))
        .to_owned()
}

/// The words a run's diagnostics are laid out with, in English or Chinese.
struct Words {
    error: &'static str,
    warning: &'static str,
    at: &'static str,
    quote: (&'static str, &'static str),
}

const EN: Words = Words {
    error: "error[",
    warning: "warning[",
    at: "= in:",
    quote: ("`", "`"),
};

const ZH: Words = Words {
    error: "错误[",
    warning: "警告[",
    at: "= 位置：",
    quote: ("“", "”"),
};

/// What every diagnostic must get right, whatever the mistake.
#[track_caller]
fn assert_well_formed(name: &str, file: Option<&str>, run: &Run) {
    assert_well_formed_in(name, file, run, &EN);
}

/// [`assert_well_formed`] for a run in the language of `w`; a Chinese run
/// also says nothing in English words of pfc's own.
#[track_caller]
fn assert_well_formed_in(name: &str, file: Option<&str>, run: &Run, w: &Words) {
    let out = run.transcript();
    let errors = run.stderr.matches(&format!("\n{}", w.error)).count()
        + usize::from(run.stderr.starts_with(w.error));
    let expected_code = if errors > 0 { 1 } else { 0 };
    assert_eq!(run.code, expected_code, "{name}: exit code\n{out}");
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "Rule::",
        "kw_",
        "op_",
        "_lit",
        "PathSpec",
        "untagged enum",
        "i64",
        "Some(",
        "None",
        "Error {",
        "/tmp/",
    ] {
        assert!(!out.contains(bad), "{name}: `{bad}` in the output\n{out}");
    }
    // Every diagnostic says where: a snippet with a caret, a field path, or
    // (for a file that cannot be read at all) the file's name.
    for block in run.stderr.split("\n\n").filter(|b| {
        let b = b.trim_start();
        b.starts_with(w.error) || b.starts_with(w.warning)
    }) {
        let headline = block.trim_start().lines().next().unwrap_or_default();
        let named =
            file.is_some_and(|f| headline.contains(&format!("{}{f}{}", w.quote.0, w.quote.1)));
        assert!(
            block.contains("┌─") || block.contains(w.at) || named,
            "{name}: a diagnostic without a location\n{block}"
        );
        assert!(
            !headline.ends_with('.'),
            "{name}: headline ends with a period: {headline}"
        );
    }
}

#[test]
fn every_broken_file_is_explained() {
    let list = fixtures();
    assert!(
        list.len() >= 30,
        "the catalogue has {} mistakes",
        list.len()
    );
    for path in list {
        let name = stem(&path);
        let rel = format!(
            "{FIXTURES}/{}",
            path.file_name().and_then(|n| n.to_str()).expect("name")
        );
        let run = if rel.ends_with(".pf") {
            pfc(&["check", &rel])
        } else {
            pfc(&["eval", FRAMEWORK, &rel])
        };
        assert_well_formed(&name, None, &run);
        insta::with_settings!({
            description => description(&path),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.clone(), run.transcript());
        });
        // The same mistake for a Chinese reader.
        let zh = if rel.ends_with(".pf") {
            pfc(&["--lang", "zh", "check", &rel])
        } else {
            pfc(&["--lang", "zh", "eval", FRAMEWORK, &rel])
        };
        assert_well_formed_in(&name, None, &zh, &ZH);
        assert_eq!(
            zh.code, run.code,
            "{name}: the exit code depends on the language"
        );
        for english in ["error[", "warning[", "= in:", "= help:", "= note:"] {
            assert!(
                !zh.stderr.contains(english),
                "{name}: `{english}` in Chinese\n{}",
                zh.stderr
            );
        }
        insta::with_settings!({
            description => description(&path),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("{name}.zh"), zh.transcript());
        });
    }
}

/// A small data file for the run-time fixtures.
const DATA: &str = r#"year = 2020

[project]
name = "安全生产监督检查专项经费"

[funds]
budget = "100万元"
executed = "95万元"

[[indicators]]
path = ["产出指标", "数量指标"]
name = "开展监督检查次数"
target = "≥12次"
actual = "12次"
weight = 50
"#;

/// A small framework for the run-time fixtures.
const FRAMEWORK_TEXT: &str = r#"framework gbk-demo "编码示例" {
  total 100
  grades { 合格 >= 60; 不合格 }
  indicator 完成率 weight 100 {
    target 100%
    actual 100%
    score weight * min(actual / target, 1)
  }
}
"#;

fn gbk(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable, "GB18030 encodes every character");
    bytes.into_owned()
}

#[track_caller]
fn snapshot(name: &str, file: &str, description: &str, run: &Run) {
    assert_well_formed(name, Some(file), run);
    insta::with_settings!({
        description => description,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, run.transcript());
    });
}

#[test]
fn gbk_encoded_data_file() {
    let dir = files(&[("gbk-data.toml", &gbk(DATA))]);
    let run = pfc_in(dir.path(), &["eval", "cn-self-eval-2020", "gbk-data.toml"]);
    snapshot(
        "gbk-data",
        "gbk-data.toml",
        "A data file saved as GBK (Chinese Windows' default) instead of UTF-8.",
        &run,
    );
}

#[test]
fn gbk_encoded_framework() {
    let dir = files(&[("gbk.pf", &gbk(FRAMEWORK_TEXT))]);
    let run = pfc_in(dir.path(), &["check", "gbk.pf"]);
    snapshot(
        "gbk-framework",
        "gbk.pf",
        "A framework saved as GBK instead of UTF-8.",
        &run,
    );
}

#[test]
fn empty_framework_file() {
    let dir = files(&[("empty.pf", b"\n\n")]);
    let run = pfc_in(dir.path(), &["check", "empty.pf"]);
    snapshot(
        "empty-framework",
        "empty.pf",
        "A framework file with nothing in it.",
        &run,
    );
}

#[test]
fn empty_data_file() {
    let dir = files(&[("empty.toml", b"")]);
    let run = pfc_in(dir.path(), &["eval", "cn-self-eval-2020", "empty.toml"]);
    snapshot(
        "empty-data",
        "empty.toml",
        "A data file with nothing in it.",
        &run,
    );
}

#[test]
fn missing_data_file() {
    let dir = files(&[("caidian-2019.toml", DATA.as_bytes())]);
    let run = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", "caidian-2091.toml"],
    );
    snapshot(
        "missing-data",
        "caidian-2091.toml",
        "A data file name with two digits swapped; the folder has `caidian-2019.toml`.",
        &run,
    );
}

#[test]
fn missing_framework_file() {
    let dir = files(&[]);
    let run = pfc_in(dir.path(), &["check", "framwork.pf"]);
    snapshot(
        "missing-framework",
        "framwork.pf",
        "A framework file name that does not exist.",
        &run,
    );
}

#[test]
fn misspelled_builtin_framework() {
    let dir = files(&[("data.toml", DATA.as_bytes())]);
    let run = pfc_in(dir.path(), &["eval", "cn-self-eval-2002", "data.toml"]);
    snapshot(
        "misspelled-builtin-framework",
        "cn-self-eval-2002",
        "A built-in framework id with two digits swapped.",
        &run,
    );
}
