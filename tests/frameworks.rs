//! The tests every bundled framework declares pass, and a failing test is
//! reported clearly.

use crate::harness::{files, pfc, pfc_env, pfc_in};

#[test]
fn every_framework_passes_its_own_tests() {
    let run = pfc(&["test", "frameworks"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains(" passed, 0 failed"), "{}", run.stdout);
    assert!(
        !run.stdout.contains("(no tests)"),
        "a framework without tests:\n{}",
        run.stdout
    );
}

const BROKEN_TEST: &str = r#"framework t "t" {
  total 100
  grades { 好 >= 60; 差 }
  group 产出指标 weight 100 { slot 数量指标 }
  scoring at-least { score weight * min(actual / target, 1) }
  test "expects the wrong figures" {
    data """
      [[indicators]]
      path = ["产出指标", "数量指标"]
      name = "培训人次"
      target = "≥100人次"
      actual = "80人次"
      weight = 100
      reason = "疫情"
    """
    expect total 90
    expect grade 好
    expect score 培训人次 100
    expect warning PF3009
  }
  test "passes" {
    data """
      [[indicators]]
      path = ["产出指标", "数量指标"]
      name = "培训人次"
      target = "≥100人次"
      actual = "100人次"
      weight = 100
    """
    expect total 100
  }
}
"#;

#[test]
fn a_failing_test_shows_expected_against_actual() {
    let dir = files(&[("t/framework.pf", BROKEN_TEST.as_bytes())]);
    let run = pfc_in(dir.path(), &["test", "t"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
}

/// The same failing test, told in Chinese (a Chinese locale): the outcome
/// lines, the failures, the summary.
#[test]
fn a_failing_test_is_told_in_chinese() {
    let dir = files(&[("t/framework.pf", BROKEN_TEST.as_bytes())]);
    let run = pfc_env(dir.path(), &["test", "t"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.transcript());
    let asked = pfc_in(dir.path(), &["--lang", "zh", "test", "t"]);
    assert_eq!(asked.stdout, run.stdout);
}

/// A framework whose test names data that is not there, and a framework
/// that does not exist, checked in both languages.
#[test]
fn a_broken_framework_is_checked_in_both_languages() {
    let broken = BROKEN_TEST.replace(
        "test \"passes\" {",
        "test \"reads a file\" {\n    data \"examples/missing.toml\"\n    expect total 100\n  }\n  test \"passes\" {",
    );
    let dir = files(&[("t/framework.pf", broken.as_bytes())]);
    let args = ["check", "t", "cn-self-eval-2002"];
    let en = pfc_in(dir.path(), &args);
    assert_eq!(en.code, 1, "{}", en.transcript());
    insta::assert_snapshot!("check_en", en.transcript());
    let zh = pfc_env(dir.path(), &args, &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(zh.code, 1, "{}", zh.transcript());
    insta::assert_snapshot!("check_zh", zh.transcript());
}
