//! The command line as a user meets it: exit codes, files, built-ins.

use crate::harness::{files, pfc, pfc_env, pfc_in, root};

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

/// `--help` in both languages: the Chinese asked for with `--lang zh` or a
/// Chinese locale (the same words), the English by default, or with
/// `--lang en` whatever the locale. Snapshots, so that a reviewer can read
/// the Chinese.
#[test]
fn help_speaks_the_asked_language() {
    for (name, args) in [
        ("help", &["--help"][..]),
        ("help_short", &["-h"][..]),
        ("eval_help", &["eval", "--help"][..]),
        ("check_help_short", &["check", "-h"][..]),
    ] {
        let en = pfc(args);
        assert_eq!(en.code, 0, "{}", en.transcript());
        insta::assert_snapshot!(format!("{name}_en"), en.transcript());
        let zh = pfc(&[&["--lang", "zh"], args].concat());
        assert_eq!(zh.code, 0, "{}", zh.transcript());
        insta::assert_snapshot!(format!("{name}_zh"), zh.transcript());
        let locale = pfc_env(&root(), args, &[("LANG", "zh_CN.UTF-8")]);
        assert_eq!(locale.stdout, zh.stdout, "a Chinese locale");
        let asked = pfc_env(&root(), &[&["--lang", "en"], args].concat(), ZH);
        assert_eq!(asked.stdout, en.stdout, "`--lang en` in a Chinese locale");
    }
}

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

/// The argument parser's usage errors, said by pfc in either language
/// from the error's kind and context; exit code 2.
#[test]
fn usage_errors_speak_the_asked_language() {
    let cases: [(&str, &[&str]); 8] = [
        ("unknown_option", &["eval", "--frmat", "md", "a", "b"]),
        ("missing_arguments", &["eval"]),
        ("unknown_subcommand", &["evl"]),
        ("invalid_value", &["eval", "a", "b", "-f", "pdf"]),
        ("jobs_out_of_range", &["eval", "a", "b", "-j", "0"]),
        ("not_a_number", &["generate", "a.csv", "-n", "many"]),
        (
            "conflict",
            &["eval", "a", "b", "--project", "1", "--fail-fast"],
        ),
        ("subcommand_after_dashes", &["--", "check"]),
    ];
    let mut transcript = String::new();
    for (name, args) in cases {
        let en = pfc(args);
        let zh = pfc_env(&root(), args, ZH);
        assert_eq!(en.code, 2, "{}", en.transcript());
        assert_eq!(zh.code, 2, "{}", zh.transcript());
        assert!(en.stdout.is_empty() && zh.stdout.is_empty());
        assert_eq!(zh.stderr, pfc(&[&["--lang", "zh"], args].concat()).stderr);
        transcript.push_str(&format!(
            "===== {name}: pfc {}\n{}\n{}\n",
            args.join(" "),
            en.stderr,
            zh.stderr
        ));
    }
    insta::assert_snapshot!("usage_errors", transcript);
}

/// pfc's own usage errors (found after parsing), in both languages.
#[test]
fn own_usage_errors_speak_the_asked_language() {
    let data = crate::harness::root().join(CAIDIAN);
    let data = data.to_str().expect("utf-8 path");
    let cases: [(&str, &[&str]); 4] = [
        (
            "pdf",
            &["eval", "cn-self-eval-2020", data, "-o", "自评报告.pdf"],
        ),
        (
            "xlsx_on_stdout",
            &["eval", "cn-self-eval-2020", data, "-f", "xlsx"],
        ),
        (
            "two_formats",
            &["eval", "cn-self-eval-2020", data, "-f", "md", "-f", "json"],
        ),
        ("generate_extension", &["generate", "data.txt"]),
    ];
    let dir = files(&[]);
    let mut transcript = String::new();
    for (name, args) in cases {
        let en = pfc_in(dir.path(), args);
        let zh = pfc_env(dir.path(), &[&["--lang", "zh"], args].concat(), &[]);
        assert_eq!((en.code, zh.code), (2, 2), "{}", zh.transcript());
        transcript.push_str(&format!("===== {name}\n{}\n{}\n", en.stderr, zh.stderr));
    }
    let transcript = transcript.replace(data, "caidian-2019.toml");
    insta::assert_snapshot!("own_usage_errors", transcript);
}
