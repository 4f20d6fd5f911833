//! `pfc fmt`: files rewritten or left alone, `--check`, standard input,
//! syntax errors said as `pfc check` says them, messages in two languages.

use crate::harness::pfc;
use crate::test::Test;

const MESSY: &str = "framework t “标题”{total 100；grades｛优 ≥ 90；差｝\ngroup g weight 100 {slot a\n  slot b}\n}\n";
const TIDY: &str = "framework t “标题” {\n  total 100\n  grades { 优 >= 90; 差 }\n\n  group g weight 100 {\n    slot a\n    slot b\n  }\n}\n";
const BROKEN: &str = "framework t {\n  grdes { 优 >= 90 }\n}\n";

/// The bundled frameworks are kept formatted (CI runs the same command).
#[test]
fn bundled_frameworks_are_formatted() {
    let run = pfc(&["fmt", "--check", "frameworks/"]);
    assert_eq!(
        run.code,
        0,
        "run `pfc fmt frameworks/`\n{}",
        run.transcript()
    );
    assert_eq!(
        run.stdout,
        "5 checked, 0 would be reformatted, 0 with errors\n"
    );
}

#[test]
fn check_shows_the_change_and_writes_nothing() {
    let ran = Test::new()
        .file("fw/framework.pf", MESSY)
        .file("ok/framework.pf", TIDY)
        .args(&["fmt", "--check"])
        .status(1)
        .run();
    assert_eq!(ran.read("fw/framework.pf"), MESSY);
    insta::assert_snapshot!(ran.stdout);
    assert_eq!(
        crate::harness::listing(&ran.dir.path().join("fw")),
        ["framework.pf"]
    );
}

#[test]
fn fmt_rewrites_only_what_changes() {
    let test = Test::new()
        .file("fw/framework.pf", MESSY)
        .file("ok/framework.pf", TIDY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let path = test.path().join("fw/framework.pf");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    }
    let ran = test
        .args(&["fmt"])
        .stdout("reformatted fw/framework.pf\n2 checked, 1 reformatted, 0 with errors\n")
        .run();
    assert_eq!(ran.read("fw/framework.pf"), TIDY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(ran.dir.path().join("fw/framework.pf"))
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640, "permissions kept");
    }
    assert_eq!(
        crate::harness::listing(&ran.dir.path().join("fw")),
        ["framework.pf"]
    );
}

#[test]
fn folders_are_searched_for_framework_files() {
    let ran = Test::new()
        .file("a/framework.pf", MESSY)
        .file("b/c/framework.pf", MESSY)
        .file(".hidden/framework.pf", MESSY)
        .file("target/framework.pf", MESSY)
        .file("other.pf", MESSY)
        .args(&["fmt"])
        .stdout("reformatted a/framework.pf\nreformatted b/c/framework.pf\n2 checked, 2 reformatted, 0 with errors\n")
        .run();
    assert_eq!(ran.read("b/c/framework.pf"), TIDY);
    for untouched in [".hidden/framework.pf", "target/framework.pf", "other.pf"] {
        assert_eq!(ran.read(untouched), MESSY, "{untouched}");
    }
    Test::new()
        .file("x.pf", MESSY)
        .args(&["fmt", "x.pf"])
        .stdout("reformatted x.pf\n1 checked, 1 reformatted, 0 with errors\n")
        .run();
}

#[test]
fn a_folder_without_frameworks_is_an_error() {
    Test::new()
        .file("empty/notes.txt", "")
        .args(&["fmt", "empty", "--error-format", "short"])
        .status(1)
        .stderr("error[PF0004]: `empty` holds no `framework.pf`\n")
        .run();
}

#[test]
fn standard_input_to_standard_output() {
    for flag in ["-", "--stdin"] {
        Test::new()
            .args(&["fmt", flag])
            .stdin(MESSY)
            .stdout(TIDY)
            .stderr("")
            .run();
    }
    Test::new()
        .args(&["fmt", "-", "--check"])
        .stdin(TIDY)
        .stdout("")
        .run();
    let ran = Test::new()
        .args(&["fmt", "--check", "-"])
        .stdin(MESSY)
        .status(1)
        .run();
    assert!(
        ran.stdout
            .starts_with("would reformat <stdin>\n--- <stdin>\n"),
        "{}",
        ran.stdout
    );
    Test::new()
        .args(&["fmt", "-"])
        .stdin(BROKEN)
        .status(1)
        .stdout("")
        .run();
}

#[test]
fn standard_input_cannot_be_mixed_with_paths() {
    Test::new()
        .args(&["fmt", "-", "x.pf"])
        .status(2)
        .stderr("error: `-` (standard input) cannot be given with other paths\n\nFor more information, try 'pfc fmt --help'.\n")
        .run();
    Test::new()
        .args(&["fmt", "--stdin", "x.pf"])
        .status(2)
        .run();
}

/// A file that does not parse is left alone, and its error is said exactly
/// as `pfc check` says it.
#[test]
fn a_syntax_error_is_said_as_check_says_it() {
    for format in ["human", "short", "json"] {
        let fmt = Test::new()
            .file("fw/framework.pf", BROKEN)
            .file("ok/framework.pf", MESSY)
            .args(&["fmt", "--error-format", format])
            .status(1)
            .stdout("reformatted ok/framework.pf\n2 checked, 1 reformatted, 1 with errors\n")
            .run();
        assert_eq!(fmt.read("fw/framework.pf"), BROKEN);
        let check = Test::new()
            .file("fw/framework.pf", BROKEN)
            .args(&["check", "fw", "--error-format", format])
            .status(1)
            .run();
        assert_eq!(fmt.stderr, check.stderr, "{format}");
        assert!(fmt.stderr.contains("grdes"), "{}", fmt.stderr);
    }
}

#[test]
fn messages_in_chinese_with_a_chinese_locale() {
    let ran = Test::new()
        .file("fw/framework.pf", MESSY)
        .args(&["fmt", "--check"])
        .env("LANG", "zh_CN.UTF-8")
        .status(1)
        .run();
    assert!(
        ran.stdout.starts_with("需要重新格式化：fw/framework.pf\n"),
        "{}",
        ran.stdout
    );
    assert!(
        ran.stdout
            .ends_with("检查了 1 个文件：1 个需要重新格式化，0 个有错误\n"),
        "{}",
        ran.stdout
    );
    Test::new()
        .file("fw/framework.pf", MESSY)
        .args(&["fmt"])
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_ALL", "en_US.UTF-8")
        .stdout("reformatted fw/framework.pf\n1 checked, 1 reformatted, 0 with errors\n")
        .run();
}
