//! The formatter: one test per construct, snapshots of the fixtures in
//! `fixtures/` (before and after), the bundled frameworks, and properties
//! over generated frameworks (`tests/props.rs`).

mod generate;
mod props;

use crate::source::SourceMap;

/// Format framework text; panics on a syntax error.
#[track_caller]
pub(super) fn fmt(src: &str) -> String {
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    super::format(&sources, file).unwrap_or_else(|d| {
        panic!(
            "does not format:\n{}\n{src}",
            crate::render::to_string(
                &sources,
                &[d],
                crate::render::ErrorFormat::Human,
                crate::catalogue::Lang::En
            )
        )
    })
}

/// A `Debug` dump with every span written as `Span`, so that two trees
/// compare equal when only positions differ.
pub(super) fn spanless(dump: &str) -> String {
    const START: &str = "Span { file: FileId(";
    let mut out = String::with_capacity(dump.len());
    let mut rest = dump;
    while let Some(i) = rest.find(START) {
        out.push_str(&rest[..i]);
        out.push_str("Span");
        let after = &rest[i..];
        rest = after.find(" }").map_or("", |j| &after[j + 2..]);
    }
    out.push_str(rest);
    out
}

/// The syntax tree and, when the framework checks, the model, without
/// spans; and the diagnostics' codes and messages.
pub(super) fn meaning(src: &str) -> (String, String, Vec<String>) {
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    let ast = crate::syntax::parse(&sources, file).expect("parses");
    let (_, model, diagnostics) = crate::testing::compile(src);
    (
        spanless(&format!("{ast:?}")),
        spanless(&format!("{model:?}")),
        diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code.as_str(), d.en()))
            .collect(),
    )
}

/// `after` is `before` formatted, and means the same.
#[track_caller]
pub(super) fn assert_same_meaning(before: &str, after: &str) {
    let (a, b) = (meaning(before), meaning(after));
    assert_eq!(
        a.0, b.0,
        "the syntax trees differ:\n{before}\n-----\n{after}"
    );
    assert_eq!(a.1, b.1, "the models differ:\n{before}\n-----\n{after}");
    assert_eq!(
        a.2, b.2,
        "the diagnostics differ:\n{before}\n-----\n{after}"
    );
}

/// Formatting `src` gives `want`, which formats to itself and means what
/// `src` means.
#[track_caller]
fn check(src: &str, want: &str) {
    let got = fmt(src);
    pretty_eq(&got, want);
    pretty_eq(&fmt(&got), &got);
    assert_same_meaning(src, &got);
}

#[track_caller]
fn pretty_eq(got: &str, want: &str) {
    assert!(got == want, "got:\n{got}\nwant:\n{want}");
}

/// A framework around these lines, each indented one level.
fn fw(body: &str) -> String {
    let mut out = "framework t {\n".to_owned();
    for line in body.lines() {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("}\n");
    out
}

/// `assert_fmt!(messy, canonical)`: see [`check`]; with one argument, the
/// text is canonical already.
macro_rules! assert_fmt {
    ($src:expr, $want:expr) => {
        check(&$src, &$want)
    };
    ($src:expr) => {
        check(&$src, &$src)
    };
}

#[test]
fn settings_one_a_line() {
    assert_fmt!(
        "framework  t\t“标题”{basis \"依据\" ; total 100;round 2 half-up per-leaf years 2019 ..\nlanguage zh}",
        fw("basis \"依据\"\ntotal 100\nround 2 half-up per-leaf\nyears 2019..\nlanguage zh")
            .replace("framework t {", "framework t “标题” {")
    );
    assert_fmt!(
        "framework t {\n years 2020 ～ 2022\n}",
        fw("years 2020..2022")
    );
}

#[test]
fn header_with_extends() {
    assert_fmt!(
        "framework   c \"子\"   extends   p{ reweight a/b 40; remove  x / y }",
        "framework c \"子\" extends p {\n  reweight a/b 40\n  remove x/y\n}\n"
    );
}

#[test]
fn grades_line_up() {
    assert_fmt!(
        fw("grades {\n差 when 执行率 < 50%\n\"优 秀\" >= 90\n良 >= 80\n及格 >= 60\n差\n}"),
        fw(
            "grades {\n  差 when 执行率 < 50%\n  \"优 秀\" >= 90\n  良      >= 80\n  及格    >= 60\n  差\n}"
        )
    );
    assert_fmt!(
        fw("grades { 优>=90；良 ≥ 80;差 }"),
        fw("grades { 优 >= 90; 良 >= 80; 差 }")
    );
}

#[test]
fn qualitative_bands_line_up() {
    assert_fmt!(
        fw(
            "scoring qualitative {\n达成 80%..100% also \"完成\",\"已完成\"\n部分达成 60％～80%\n未达成 0%…60% also “否”\n default upper }"
        ),
        fw(
            "scoring qualitative {\n  达成     80%..100% also \"完成\", \"已完成\"\n  部分达成 60%..80%\n  未达成   0%..60%   also “否”\n  default upper\n}"
        )
    );
}

#[test]
fn answers_line_up() {
    assert_fmt!(
        fw("answers yes-no {\n\"Yes\" 100%\n\"Large Extent\" 67%\n\"N/A\" skip }"),
        fw(
            "answers yes-no {\n  \"Yes\"          100%\n  \"Large Extent\" 67%\n  \"N/A\"          skip\n}"
        )
    );
    assert_fmt!(
        fw("answers yes-no { \"Yes\" 100% ; \"No\" 0% }"),
        fw("answers yes-no { \"Yes\" 100%; \"No\" 0% }")
    );
}

#[test]
fn inputs_and_lets() {
    assert_fmt!(
        fw(
            "input 全年预算数 ：money  from funds.budget label \"全年预算数\"\ninput 等级:level（重点 ， 一般） default \"一般\"\ninput 人次: count ( 人次 )\nlet 执行率:percent＝a÷b\nlet x=1"
        ),
        fw(
            "input 全年预算数: money from funds.budget label \"全年预算数\"\ninput 等级: level(重点, 一般) default \"一般\"\ninput 人次: count(人次)\nlet 执行率: percent = a / b\nlet x = 1"
        )
    );
}

#[test]
fn operators_in_ascii_with_one_space() {
    assert_fmt!(
        fw(
            "let x = -a×(b－c)÷2＋ d\nlet y = a≥1 &&b≤2 ||!c\nlet z = a ≠ b and not (c＞d) or e＜f\nlet w = min（a，b , 3）"
        ),
        fw(
            "let x = -a * (b - c) / 2 + d\nlet y = a >= 1 and b <= 2 or not c\nlet z = a != b and not (c > d) or e < f\nlet w = min(a, b, 3)"
        )
    );
    assert_fmt!(
        fw("let x = 80％ + 87.65万元 * 12个 - - 1"),
        fw("let x = 80% + 87.65万元 * 12个 - -1")
    );
}

#[test]
fn requires_keep_their_message() {
    assert_fmt!(
        fw("require 执行率>=80% else warn   \"执行率 {执行率} 低于 80%：说明原因\""),
        fw("require 执行率 >= 80% else warn \"执行率 {执行率} 低于 80%：说明原因\"")
    );
}

#[test]
fn blocks_on_one_line_stay_on_one_line() {
    assert_fmt!(
        fw(
            "group 产出 weight 50 {slot a;slot b；slot c}\nindicator x weight 2 {rated}\ngroup 空 weight 0 {}"
        ),
        fw(
            "group 产出 weight 50 { slot a; slot b; slot c }\nindicator x weight 2 { rated }\ngroup 空 weight 0 { }"
        )
    );
}

#[test]
fn blocks_over_several_lines_get_one_statement_a_line() {
    assert_fmt!(
        fw(
            "group 产出 weight 50 renormalize { slot a; slot b\n      group 子 weight 10 {\n slot c weight 10 { scoring at-least { score weight } } } }"
        ),
        fw(
            "group 产出 weight 50 renormalize {\n  slot a\n  slot b\n  group 子 weight 10 {\n    slot c weight 10 { scoring at-least { score weight } }\n  }\n}"
        )
    );
}

#[test]
fn blank_lines_kept_once_and_around_long_blocks() {
    assert_fmt!(
        fw(
            "total 100\n\n\n\ninput a: money\ngroup g weight 100 {\n\n slot s\n\n\n slot t\n\n}\nlet b = a"
        ),
        fw(
            "total 100\n\ninput a: money\n\ngroup g weight 100 {\n  slot s\n\n  slot t\n}\n\nlet b = a"
        )
    );
}

#[test]
fn comments_stay_where_they_were() {
    assert_fmt!(
        "# file header\n\n// second line\nframework t { // after the brace\n  total 100   // trailing\n    // before grades\n  grades { 优 >= 90 # why\n 差 }\n// before the end\n} // after the end\n// last\n",
        "# file header\n\n// second line\nframework t { // after the brace\n  total 100 // trailing\n\n  // before grades\n  grades {\n    优 >= 90 # why\n    差\n  }\n  // before the end\n} // after the end\n// last\n"
    );
}

#[test]
fn comments_inside_expressions() {
    assert_fmt!(
        fw("let x = a + // first\n b\nlet y =\n// why\n c"),
        fw("let x = a + // first\n    b\nlet y =\n    // why\n    c")
    );
}

#[test]
fn line_breaks_in_statements_are_kept() {
    assert_fmt!(
        fw("require a > 0 and\nb > 0 else error \"x\"\nlet c = min(a,\nb)"),
        fw("require a > 0 and\n    b > 0 else error \"x\"\nlet c = min(a,\n    b)")
    );
}

#[test]
fn then_and_else_line_up_under_if() {
    assert_fmt!(
        fw(
            "indicator x weight 10 {\nscore if actual == target then weight\n else if target == 0 then 0\n  else weight * 2\n}"
        ),
        fw(
            "indicator x weight 10 {\n  score if actual == target then weight\n        else if target == 0 then 0\n        else weight * 2\n}"
        )
    );
    assert_fmt!(
        fw("let 面积率: percent = if a == \"是\"\nthen b else skip"),
        fw("let 面积率: percent = if a == \"是\"\n                      then b else skip")
    );
}

#[test]
fn tiers_line_up_their_arrows() {
    assert_fmt!(
        fw("let t = tiers r { <= 0% => 5\n<= 10% → 4\n>= 100% => 1+1\notherwise=>0 }"),
        fw(
            "let t = tiers r {\n  <= 0%   => 5\n  <= 10%  => 4\n  >= 100% => 1 + 1\n  otherwise => 0\n}"
        )
    );
    assert_fmt!(fw("let t = tiers r { <= 0% => 5; otherwise => 0 }"));
}

#[test]
fn questions_and_within() {
    assert_fmt!(
        "framework c extends p {\nwithin 产出 {question \"1.1\" \"Clear?\" answers yes-no weight 2\n slot 新}\n}",
        "framework c extends p {\n  within 产出 {\n    question \"1.1\" \"Clear?\" answers yes-no weight 2\n    slot 新\n  }\n}\n"
    );
}

#[test]
fn tests_keep_their_data_byte_for_byte() {
    assert_fmt!(
        "framework t {\ntest \"t\" {\n    data \"\"\"\n   year = 2022\n\t[funds]  \n\"\"\"\nexpect total 99.87 ;expect grade 优\nexpect score a/b 2\nexpect warning PF3009\nexpect error \"x\"\n}\ntest \"u\" { data \"examples/x.toml\" }}",
        "framework t {\n  test \"t\" {\n    data \"\"\"\n   year = 2022\n\t[funds]  \n\"\"\"\n    expect total 99.87\n    expect grade 优\n    expect score a/b 2\n    expect warning PF3009\n    expect error \"x\"\n  }\n\n  test \"u\" { data \"examples/x.toml\" }\n}\n"
    );
}

#[test]
fn full_width_space_tabs_and_crlf() {
    assert_fmt!(
        "framework t {\r\n\u{3000}total\t100\r\n\r\n\r\n  basis \"a\"\r\n}\r\n",
        "framework t {\r\n  total 100\r\n\r\n  basis \"a\"\r\n}\r\n"
    );
}

#[test]
fn a_byte_order_mark_is_dropped() {
    assert_eq!(fmt("\u{FEFF}framework t { total 100 }"), fw("total 100"));
}

#[test]
fn a_syntax_error_is_the_one_parse_gives() {
    let src = "framework t {\n  grdes { 优 >= 90 }\n}";
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    let from_fmt = super::format(&sources, file).expect_err("no format");
    let from_parse = crate::syntax::parse(&sources, file).expect_err("no parse");
    assert_eq!(format!("{from_fmt:?}"), format!("{from_parse:?}"));
}

#[test]
fn spanless_removes_only_spans() {
    assert_eq!(
        spanless("A { x: Span { file: FileId(0), start: 1, end: 22 }, y: 3 }"),
        "A { x: Span, y: 3 }"
    );
}

/// Every bundled framework is formatted, and formatting it keeps it.
#[test]
fn bundled_frameworks_are_formatted() {
    for b in crate::builtin::BUILTINS {
        let got = fmt(b.source);
        assert!(
            got == b.source,
            "{} is not formatted (pfc fmt frameworks/)",
            b.id
        );
        assert_same_meaning(b.source, &got);
    }
}

/// The fixtures before and after, as snapshots; each result is a fixed
/// point and means what its fixture means.
#[test]
fn fixtures() {
    insta::glob!("fixtures/*.pf", |path| {
        let src = std::fs::read_to_string(path).expect("fixture");
        let out = fmt(&src);
        pretty_eq(&fmt(&out), &out);
        assert_same_meaning(&src, &out);
        insta::assert_snapshot!(format!("----- SOURCE\n{src}\n----- FORMATTED\n{out}"));
    });
}
