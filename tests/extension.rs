//! The catalogue of extension mistakes: one folder per mistake under
//! `tests/fixtures/extension/<case>/`, holding the frameworks involved
//! (`<id>/framework.pf`, so that a child finds its parent as a sibling
//! folder). `pfc check` runs on the case folder, which checks every framework
//! in it, and everything it prints is pinned in a snapshot.
//!
//! Each framework file's first comment says what it shows. A file whose
//! comment calls it correct ("correct on its own", "A correct child") made no
//! mistake; every other file did, and some diagnostic must point into it with
//! a line and a column.

use crate::harness::{Run, pfc};
use std::path::{Path, PathBuf};

const FIXTURES: &str = "tests/fixtures/extension";

fn cases() -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = std::fs::read_dir(crate::harness::root().join(FIXTURES))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    list.sort();
    list
}

/// The framework files of a case, as paths relative to the repository root.
fn frameworks(case: &Path) -> Vec<String> {
    let mut list: Vec<String> = std::fs::read_dir(case)
        .expect("case folder")
        .map(|e| e.expect("entry").path().join("framework.pf"))
        .filter(|p| p.is_file())
        .map(|p| {
            p.strip_prefix(crate::harness::root())
                .expect("inside the repository")
                .display()
                .to_string()
        })
        .collect();
    list.sort();
    list
}

/// A framework file's first comment line.
fn first_comment(rel: &str) -> String {
    let text = std::fs::read_to_string(crate::harness::root().join(rel)).expect("UTF-8");
    text.lines()
        .next()
        .and_then(|l| l.strip_prefix("//"))
        .map(str::trim)
        .unwrap_or_else(|| panic!("{rel}: the first line must say what the file shows"))
        .to_owned()
}

fn is_correct(comment: &str) -> bool {
    comment.contains("correct on its own") || comment.starts_with("A correct child")
}

/// What every diagnostic must get right.
#[track_caller]
fn assert_well_formed(case: &str, culprits: &[String], run: &Run) {
    let out = run.transcript();
    assert_eq!(run.code, 1, "{case}: every case has an error\n{out}");
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "Rule::",
        "kw_",
        "Some(",
        "None",
        "/tmp/",
        "<builtin>",
    ] {
        assert!(!out.contains(bad), "{case}: `{bad}` in the output\n{out}");
    }
    for block in run.stderr.split("\n\n").filter(|b| {
        let b = b.trim_start();
        b.starts_with("error[") || b.starts_with("warning[")
    }) {
        let headline = block.trim_start().lines().next().unwrap_or_default();
        assert!(
            block.contains("┌─"),
            "{case}: a diagnostic without a source snippet\n{block}"
        );
        assert!(
            !headline.ends_with('.'),
            "{case}: headline ends with a period: {headline}"
        );
        // Syntax errors (PF1xxx) come from the parser and often have no hint
        // (see the `title-after-extends` case); every other diagnostic here
        // must say how to fix the mistake.
        if !headline.contains("[PF1") {
            assert!(
                block.contains("= help:") || block.contains("= note:"),
                "{case}: a diagnostic without a hint or a note\n{block}"
            );
        }
    }
    // The file that made the mistake is shown, with line and column.
    for file in culprits {
        let marker = format!("┌─ {file}:");
        let pointed = run.stderr.split(&marker).skip(1).any(|rest| {
            let mut parts = rest.splitn(3, ':');
            let line = parts.next().unwrap_or_default();
            let col: String = parts
                .next()
                .unwrap_or_default()
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            line.parse::<u32>().is_ok() && !col.is_empty()
        });
        assert!(
            pointed,
            "{case}: no diagnostic points into {file}, which made the mistake\n{out}"
        );
    }
}

#[test]
fn every_extension_mistake_is_explained() {
    let list = cases();
    assert!(list.len() >= 10, "the catalogue has {} cases", list.len());
    for case in list {
        let name = case
            .file_name()
            .and_then(|n| n.to_str())
            .expect("case name")
            .to_owned();
        let files = frameworks(&case);
        assert!(!files.is_empty(), "{name}: no framework folders");
        let comments: Vec<(String, String)> = files
            .iter()
            .map(|f| (f.clone(), first_comment(f)))
            .collect();
        let culprits: Vec<String> = comments
            .iter()
            .filter(|(_, c)| !is_correct(c))
            .map(|(f, _)| f.clone())
            .collect();
        assert!(!culprits.is_empty(), "{name}: no file makes a mistake");
        let mut description: Vec<&str> = Vec::new();
        for (_, c) in &comments {
            if !is_correct(c) && !description.contains(&c.as_str()) {
                description.push(c);
            }
        }
        let rel = format!("{FIXTURES}/{name}");
        let run = pfc(&["check", &rel]);
        assert_well_formed(&name, &culprits, &run);
        insta::with_settings!({
            description => description.join("\n"),
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, run.transcript());
        });
    }
}

/// The bundled provincial variant: what it changes, as `pfc check
/// --explain-extension` and `pfc diff` print it.
#[test]
fn the_provincial_variant_explains_itself() {
    let run = pfc(&["check", "--explain-extension", "frameworks/hubei-self-eval"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stderr.is_empty(), "{}", run.transcript());
    insta::assert_snapshot!("explain-hubei-self-eval", run.transcript());

    let run = pfc(&[
        "diff",
        "frameworks/cn-self-eval-2020",
        "frameworks/hubei-self-eval",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!("diff-cn-self-eval-2020-hubei-self-eval", run.transcript());
}
