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

/// Frameworks with one mistake each, covering the messages of the syntax
/// and check phases (extension and the score-range lint included).
const MISTAKES: &[(&str, &str)] = &[
    ("empty file", "  \n"),
    (
        "misspelled keyword",
        "framework t {\n  grdes { 优 >= 90 }\n}",
    ),
    ("unclosed at the end", "framework t {\n  total 100\n"),
    (
        "missing closing brace",
        "framework t {\n  group g weight 100 {\n    slot s\n  scoring at-least { score weight }\n}\n",
    ),
    (
        "statement in the wrong block",
        "framework t {\n  indicator i weight 100 {\n    score weight\n    slot s\n  }\n}",
    ),
    ("grade with =", "framework t {\n  grades { 优 = 90 }\n}"),
    (
        "= as comparison",
        "framework t {\n  let x = if 1 = 1 then 1 else 2\n}",
    ),
    ("= after keyword", "framework t {\n  total = 100\n}"),
    ("extra closing brace", "framework t {\n  total 100\n}\n}"),
    (
        "missing opening brace",
        "framework t {\n  group g weight 100\n    slot s\n  }\n}",
    ),
    ("expected a number", "framework t {\n  total 百\n}"),
    (
        "too many decimals",
        "framework t {\n  total 1.0000000000000000000000000000001\n}",
    ),
    ("round too far", "framework t {\n  round 11\n}"),
    ("not a year", "framework t {\n  years 1800..\n}"),
    (
        "number too large",
        "framework t {\n  total 1000000000000000000000000000000000\n}",
    ),
    ("the file ends in a formula", "framework t {\n  let x = 1 +"),
    (
        "unknown unit",
        "framework t {\n  indicator i weight 100 { score min(weight, 100%%) }\n}",
    ),
    (
        "money compared with percent",
        "framework t {\n  input 全年执行数: money\n  require 全年执行数 >= 80% else warn \"低\"\n  indicator i weight 100 { score weight }\n}",
    ),
    (
        "weights do not add up",
        "framework t {\n  total 100\n  group 产出指标 weight 50 {\n    indicator 数量 weight 20 { score weight }\n    indicator 质量 weight 31 { score weight }\n  }\n  indicator 预算执行率 weight 40 { score weight }\n}",
    ),
    (
        "grades overlap, gap, above the total",
        "framework t {\n  total 100\n  grades { 优 >= 120; 良 >= 130; 中 >= 60 }\n  indicator i weight 100 { score weight }\n}",
    ),
    (
        "catch-all grade not last",
        "framework t {\n  grades { 优 >= 90; 差; 良 >= 80 }\n  indicator i weight 100 { score weight }\n}",
    ),
    (
        "unknown name, let after use",
        "framework t {\n  input 全年预算数: money\n  let a = 全年预算 + b\n  let b = 1元\n  indicator i weight 100 { score weight }\n}",
    ),
    (
        "indicator values outside an indicator",
        "framework t {\n  let x = actual * 2\n  indicator i weight 100 { score weight * target }\n}",
    ),
    (
        "unknown function, wrong arity",
        "framework t {\n  indicator i weight 50 { score minimum(weight, 1) }\n  indicator j weight 50 { score min(weight) + abs(1, 2) }\n}",
    ),
    (
        "types in formulas",
        "framework t {\n  input 名称: text\n  input 数量: count(个) default 1个\n  let 比较: percent = 1元\n  let x = if 名称 then 1 else 1元\n  let y = not 1 + -名称\n  let z = round(1, 11) + 数量 + 1次\n  indicator i weight 100 { score 1元 }\n}",
    ),
    (
        "division by zero",
        "framework t {\n  indicator i weight 100 { score weight / 0 }\n}",
    ),
    (
        "qualitative bands",
        "framework t {\n  group g weight 100 { slot s }\n  scoring qualitative { 达成 80%..100%; 部分达成 50%..85%; 未达成 10%..50% also \"达成\" }\n}",
    ),
    (
        "rules",
        "framework t {\n  group g weight 100 { slot s }\n  scoring at-least { require weight else warn \"x\" }\n  scoring at-least { score weight }\n  scoring qualitative { }\n}",
    ),
    (
        "score can exceed the weight",
        "framework t {\n  group g weight 100 { slot s }\n  scoring at-least { score weight * actual / target }\n}",
    ),
    (
        "score can go below zero",
        "framework t {\n  group g weight 100 { slot s }\n  scoring at-most { score weight * (1 - actual / target) }\n}",
    ),
    (
        "settings",
        "framework t {\n  language fr\n  total 100\n  total 90\n  years 2021..2020\n  input weight: money\n  input a: money from funds.budgt\n  input a: money\n  remove 产出指标\n}",
    ),
    (
        "indicators",
        "framework t {\n  total 0\n  group 空 weight 0 { }\n  indicator i { target 1; target 2 }\n  indicator j weight 10 { rated; score weight }\n}",
    ),
    (
        "no total, types of conditions, tiers",
        "framework t {\n  input 上限: money default 5\n  grades { 优 when 1; 良 >= 0 }\n  group g weight 10 renormalize { indicator x { score tiers 1 { <= 1 => 1; <= 2 => 1元 otherwise => 0 } } }\n  group h weight 10 { slot s }\n  scoring at-least { score 0 - weight; allow deduction when 1 }\n  scoring qualitative { 达成 80%..90%; 未达成 0%..60% }\n}",
    ),
    (
        "mixed arguments, no scales",
        "framework t {\n  indicator i weight 10 { score max(1元, 2) + clamp(1) }\n  group g weight 90 { question q \"?\" answers yes-no weight 90 }\n}",
    ),
    (
        "questions",
        "framework t {\n  answers yes-no { \"是\" 100%; \"是\" 120% }\n  answers yes-no { \"否\" 0% }\n  group g weight 10 { question q1 \"?\" answers 是否 }\n  group h weight 90 { question q2 \"?\" answers yes-no }\n}",
    ),
    (
        "extension",
        "framework t extends cn-self-eval-2020 {\n  reweight 产出指标/数重指标 20\n  remove 效益指标/经济效益\n  within 预算执行率 { slot s }\n  within 满意度 { slot s }\n  within 其他 { slot s }\n  remove 效益指标/x\n}",
    ),
    (
        "unknown parent",
        "framework t extends cn-self-eval-2035 {\n  total 100\n}",
    ),
];

#[test]
fn messages_read_in_both_languages() {
    use crate::catalogue::Lang;
    use crate::render::{ErrorFormat, to_string};
    let mut out = String::new();
    for (name, src) in MISTAKES {
        let (sources, _, diags) = compile(src);
        assert!(!diags.is_empty(), "{name}: no diagnostic");
        out.push_str(&format!("===== {name}\n{src}\n"));
        for lang in [Lang::En, Lang::Zh] {
            out.push_str(&format!("----- {}\n", lang.keyword()));
            out.push_str(&to_string(&sources, &diags, ErrorFormat::Human, lang));
        }
    }
    insta::assert_snapshot!(out);
}
