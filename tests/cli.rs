//! The command line as a user meets it: exit codes, files, built-ins.

use crate::harness::{files, pfc, pfc_in};

const CAIDIAN: &str = "frameworks/cn-self-eval-2020/examples/caidian-2019.toml";

#[test]
fn caidian_reproduces_the_seed_figures() {
    let run = pfc(&[
        "eval",
        "frameworks/cn-self-eval-2020",
        CAIDIAN,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    assert_eq!(v["total"], "99.87");
    assert_eq!(v["grade"], "优");
    let scores: Vec<&str> = v["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| p["score"].as_str().expect("score"))
        .collect();
    assert_eq!(scores, ["9.87", "50.00", "30.00", "10.00"]);
}

#[test]
fn builtin_framework_works_from_any_directory() {
    let data = std::fs::read(crate::harness::root().join(CAIDIAN)).expect("example");
    let dir = files(&[("data.toml", &data)]);
    let run = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", "data.toml", "-f", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("\"total\": \"99.87\""));
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let data = std::fs::read(crate::harness::root().join(CAIDIAN)).expect("example");
    let dir = files(&[("data.toml", &data), ("bad.toml", b"year = \"x\"")]);
    let ok = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            "data.toml",
            "-f",
            "md",
            "-o",
            "report.md",
        ],
    );
    assert_eq!(ok.code, 0, "{}", ok.transcript());
    assert!(ok.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path().join("report.md")).expect("report written");
    assert!(written.contains("99.87"));
    let bad = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", "bad.toml", "-o", "bad.md"],
    );
    assert_eq!(bad.code, 1);
    assert!(
        !dir.path().join("bad.md").exists(),
        "no partial output on failure"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".pfc-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(pfc(&["eval"]).code, 2);
    assert_eq!(pfc(&["frobnicate"]).code, 2);
    assert_eq!(
        pfc(&["eval", "cn-self-eval-2020", CAIDIAN, "--format", "pdf"]).code,
        2
    );
    assert_eq!(pfc(&["--help"]).code, 0);
}

#[test]
fn same_input_same_bytes() {
    for format in ["text", "md", "json"] {
        let a = pfc(&["eval", "cn-self-eval-2020", CAIDIAN, "-f", format]);
        let b = pfc(&["eval", "cn-self-eval-2020", CAIDIAN, "-f", format]);
        assert_eq!(a.stdout, b.stdout, "{format} output differs between runs");
    }
}

/// A framework given where the data goes — the arguments the wrong way
/// round — is a usage error that says which way they go, not a TOML error
/// about the framework's first comment; a folder of projects that keeps its
/// framework beside them is still a batch.
#[test]
fn a_framework_given_as_data_says_the_framework_comes_first() {
    let run = pfc(&["eval", CAIDIAN, "frameworks/cn-self-eval-2020"]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    insta::assert_snapshot!("framework_as_data", run.transcript());
    let run = pfc(&[
        "eval",
        "cn-self-eval-2020",
        "frameworks/cn-self-eval-2020/framework.pf",
    ]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr
            .contains("the framework comes first, then the data"),
        "{}",
        run.transcript()
    );
    let framework = std::fs::read("frameworks/cn-self-eval-2020/framework.pf").expect("framework");
    let data = std::fs::read(CAIDIAN).expect("data");
    let dir = files(&[("framework.pf", &framework), ("caidian.toml", &data)]);
    let run = pfc_in(dir.path(), &["eval", "framework.pf", ".", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

/// `-o FILE` with an extension pfc does not write (`.pdf`) is a usage
/// error that says what it writes, and writes nothing; with `-f` the name
/// is the user's choice.
#[test]
fn an_output_extension_pfc_does_not_write_is_refused() {
    let dir = files(&[]);
    let data = crate::harness::root().join(CAIDIAN);
    let data = data.to_str().expect("utf-8 path");
    let run = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", data, "-o", "自评报告.pdf"],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(
        run.stderr.contains("pfc does not write `.pdf` files"),
        "{}",
        run.transcript()
    );
    assert!(!dir.path().join("自评报告.pdf").exists());
    let run = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            data,
            "-o",
            "自评表.log",
            "-f",
            "text",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(dir.path().join("自评表.log").exists());
}
