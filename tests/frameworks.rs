//! The tests every bundled framework declares pass, and a failing test is
//! reported clearly.

use crate::harness::{files, pfc, pfc_in};

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
