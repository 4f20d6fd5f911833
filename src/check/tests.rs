use crate::testing::{CN_SELF_EVAL, compile, diagnostics, model};

/// Snapshot the rendered diagnostics of a framework, with its source.
macro_rules! assert_check {
    ($src:expr) => {{
        let src: &str = $src;
        insta::assert_snapshot!(format!(
            "----- SOURCE\n{src}\n----- DIAGNOSTICS\n{}",
            diagnostics(src)
        ));
    }};
}

fn codes(src: &str) -> Vec<&'static str> {
    let (_, _, diags) = compile(src);
    diags.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn bundled_framework_has_no_diagnostics() {
    let (_, model, diags) = compile(CN_SELF_EVAL);
    assert!(diags.is_empty(), "{diags:?}");
    let m = model.expect("model");
    assert_eq!(m.total, crate::exact::Exact::int(100));
    assert_eq!(m.slots().len(), 9);
    assert_eq!(m.grades.len(), 4);
}

#[test]
fn all_errors_are_reported_in_one_run() {
    let src = "framework t {
  total 100
  grades { 优 >= 90; 良 >= 95; 差 }
  let a = b + 1
  group g weight 60 { indicator i weight 30 { score weight } }
}";
    let got = codes(src);
    for code in ["PF2007", "PF2002", "PF2005", "PF2006"] {
        assert!(got.contains(&code), "{code} missing from {got:?}");
    }
}

#[test]
fn weights_that_do_not_add_up() {
    assert_check!(
        "framework t {
  total 100
  group 产出指标 weight 50 {
    indicator 数量 weight 20 { score weight }
    indicator 质量 weight 31 { score weight }
  }
  indicator 预算执行率 weight 50 { score weight }
}"
    );
}

#[test]
fn money_compared_with_percent() {
    assert_check!(
        "framework t {
  input 全年预算数: money
  input 全年执行数: money
  require 全年执行数 >= 80% else warn \"低\"
  indicator 预算执行率 weight 100 { score weight * min(全年执行数 / 全年预算数, 1) }
}"
    );
}

#[test]
fn grades_with_a_gap() {
    assert_check!(
        "framework t {
  grades { 优 >= 90; 良 >= 80; 中 >= 60 }
  indicator i weight 100 { score weight }
}"
    );
}

#[test]
fn unknown_name_suggests_the_closest() {
    let out = diagnostics(
        "framework t {
  input 全年预算数: money
  input 全年执行数: money
  let 执行率 = 全年执行 / 全年预算数
  indicator i weight 100 { score weight }
}",
    );
    assert!(out.contains("unknown name `全年执行`"), "{out}");
    assert!(out.contains("did you mean `全年执行数`?"), "{out}");
}

/// A placeholder in a message points at itself, in “Chinese quotes” (three
/// bytes each) and after an escape alike.
#[test]
fn a_placeholder_in_a_message_is_located_exactly() {
    for (message, column) in [("“超出 {未知}”", 36), ("\"a \\\" b {未知}\"", 40)] {
        let src = format!(
            "framework t {{\n  input 执行率: percent\n  require 执行率 >= 80% else warn {message}\n  indicator i weight 100 {{ score weight }}\n}}"
        );
        let out = diagnostics(&src);
        let at = out
            .lines()
            .find_map(|l| l.strip_prefix("  ┌─ test.pf:3:"))
            .unwrap_or_else(|| panic!("no location in:\n{out}"));
        assert_eq!(at, column.to_string(), "{message}:\n{out}");
    }
}

#[test]
fn let_used_before_it_is_defined() {
    let out = diagnostics(
        "framework t {
  let a = b * 2
  let b = 1
  indicator i weight 100 { score weight }
}",
    );
    assert!(out.contains("move `let b` above"), "{out}");
}

#[test]
fn division_by_literal_zero() {
    assert!(
        codes("framework t { indicator i weight 100 { score weight / 0 } }").contains(&"PF2012")
    );
    assert!(
        codes("framework t { indicator i weight 100 { score weight / 0% } }").contains(&"PF2012")
    );
}

#[test]
fn qualitative_bands_must_tile_0_to_100() {
    let src = "framework t {
  group g weight 100 { slot s }
  scoring qualitative { 达成 80%..100%; 部分达成 50%..85%; 未达成 10%..50% }
}";
    assert_check!(src);
}

#[test]
fn score_formula_that_can_exceed_the_weight_is_found_by_sampling() {
    let src = "framework t {
  group g weight 100 { slot s }
  scoring at-least { score weight * actual / target }
}";
    let out = diagnostics(src);
    assert!(out.contains("PF2011"), "{out}");
    assert!(out.contains("more than the weight"), "{out}");
    // A warning only: the model is still produced.
    assert!(compile(src).1.is_some());
}

#[test]
fn capped_formulas_pass_the_sampling_lint() {
    let m = model(
        "framework t {
  group g weight 100 { slot s }
  scoring at-least { score weight * min(actual / target, 1) }
  scoring at-most { score if actual <= target then weight else max(0, weight * (1 - (actual - target) / target)) }
  scoring equals { score if actual == target then weight else 0 }
  scoring qualitative { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }
}",
    );
    assert_eq!(m.slots().len(), 1);
}

#[test]
fn indicator_values_outside_an_indicator() {
    assert!(
        codes("framework t { let x = weight * 2 indicator i weight 100 { score weight } }")
            .contains(&"PF2017")
    );
}

#[test]
fn settings_declared_twice() {
    assert!(
        codes("framework t { total 100 total 90 indicator i weight 100 { score weight } }")
            .contains(&"PF2013")
    );
}

#[test]
fn missing_rules_for_slots_warn() {
    let (_, model, diags) =
        compile("framework t { group g weight 100 { slot s } scoring at-least { score weight } }");
    assert!(model.is_some());
    assert!(diags.iter().any(|d| d.code.as_str() == "PF2016"));
}
