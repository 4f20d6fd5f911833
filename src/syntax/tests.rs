use super::ast::{ExprKind, Item, Node};
use crate::catalogue::syntax::{Syntax, Wanted, Wants};
use crate::catalogue::{Lang, Text};
use crate::source::SourceMap;
use crate::testing::CN_SELF_EVAL;

fn parse(src: &str) -> Result<super::ast::Framework, crate::diagnostic::Diagnostic> {
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    super::parse(&sources, file)
}

#[track_caller]
fn error(src: &str) -> String {
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    let d = super::parse(&sources, file).expect_err("should not parse");
    crate::render::to_string(
        &sources,
        &[d],
        crate::render::ErrorFormat::Human,
        crate::catalogue::Lang::En,
    )
}

/// The framework's one `let`, printed with explicit parentheses.
fn let_expr(body: &str) -> String {
    let fw = parse(&format!("framework t {{ let x = {body} }}")).expect("parses");
    let Some(Item::Let(l)) = fw.items.first() else {
        panic!("no let")
    };
    show(&l.value)
}

fn show(e: &super::ast::Expr) -> String {
    match &e.kind {
        ExprKind::Quantity(v, u) => format!("{}{}", u.to_display(v), u.suffix()),
        ExprKind::Text(t) => format!("{t:?}"),
        ExprKind::Bool(b) => b.to_string(),
        ExprKind::Name(n) => n.clone(),
        ExprKind::Unary(op, x) => format!("({op:?} {})", show(x)),
        ExprKind::Binary(op, l, r) => format!("({} {} {})", show(l), op.symbol(), show(r)),
        ExprKind::If(c, t, f) => format!("(if {} {} {})", show(c), show(t), show(f)),
        ExprKind::Call(f, args) => format!(
            "{}({})",
            f.node,
            args.iter().map(show).collect::<Vec<_>>().join(", ")
        ),
        ExprKind::Skip => "skip".to_owned(),
        ExprKind::Tiers(x, tiers, other) => format!(
            "(tiers {} {} otherwise {})",
            show(x),
            tiers
                .iter()
                .map(|(op, b, v)| format!("[{} {} => {}]", op.symbol(), show(b), show(v)))
                .collect::<String>(),
            show(other)
        ),
    }
}

#[test]
fn the_bundled_framework_parses() {
    let fw = parse(CN_SELF_EVAL).expect("parses");
    assert_eq!(fw.id.node, "cn-self-eval-2020");
    let groups = fw
        .items
        .iter()
        .filter(|i| matches!(i, Item::Node(Node::Group(_))))
        .count();
    assert_eq!(groups, 3);
}

#[test]
fn precedence_follows_arithmetic() {
    assert_eq!(let_expr("1 + 2 * 3"), "(1 + (2 × 3))");
    assert_eq!(let_expr("1 - 2 - 3"), "((1 − 2) − 3)");
    assert_eq!(let_expr("a / b * c"), "((a ÷ b) × c)");
    assert_eq!(let_expr("-a * b"), "((Neg a) × b)");
    assert_eq!(
        let_expr("a < b and not c or d"),
        "(((a < b) and (Not c)) or d)"
    );
    assert_eq!(
        let_expr("if a >= 1 then b else c + 1"),
        "(if (a ≥ 1) b (c + 1))"
    );
}

#[test]
fn full_width_forms_and_units() {
    assert_eq!(let_expr("执行率 ≥ 80％"), "(执行率 ≥ 80%)");
    assert_eq!(let_expr("min（a，100%）"), "min(a, 100%)");
    assert_eq!(let_expr("87.65万元 × 2"), "(87.65万元 × 2)");
    assert_eq!(let_expr("a ÷ b − c"), "((a ÷ b) − c)");
    assert_eq!(let_expr("12个"), "12个");
    assert_eq!(let_expr("“达成”"), "\"达成\"");
}

#[test]
fn tiers_and_skip() {
    assert_eq!(
        let_expr("tiers r { <= 0% => 5; <= 10% => 4 otherwise => 0 }"),
        "(tiers r [≤ 0% => 5][≤ 10% => 4] otherwise 0)"
    );
    assert_eq!(let_expr("if a then skip else 1"), "(if a skip 1)");
}

#[test]
fn extension_statements_parse() {
    let fw = parse(
        "framework child extends parent { reweight 产出指标 40; remove 效益指标/生态效益指标; within 产出指标 { slot 新 } }",
    )
    .expect("parses");
    assert_eq!(fw.extends.map(|e| e.node).as_deref(), Some("parent"));
    assert_eq!(fw.items.len(), 3);
}

#[test]
fn tests_with_inline_data_parse() {
    let fw = parse(
        "framework t { test \"a\" { data \"\"\"\nyear = 2020\n\"\"\" expect total 99.87; expect grade 优; expect score a/b 2; expect warning PF3009; expect error \"x\" } }",
    )
    .expect("parses");
    let Some(Item::Test(t)) = fw.items.first() else {
        panic!("no test")
    };
    assert_eq!(t.expects.len(), 5);
}

#[test]
fn comments_and_separators() {
    let fw =
        parse("# a comment\nframework t { // another\n total 100; basis \"b\" }").expect("parses");
    assert_eq!(fw.items.len(), 2);
}

#[test]
fn errors_never_show_rule_names() {
    for src in [
        "framework t { grdes { 优 >= 90 } }",
        "framework t { total }",
        "framework t { group g weight 10 { slot s }",
        "framework t { let x = 1 + }",
        "framework t { grades { 优 = 90 } }",
        "framework t { input x money }",
        "framework",
        "framework t { scoring sideways { } }",
    ] {
        let out = error(src);
        for word in [
            "kw_",
            "op_",
            "ident",
            "expr",
            "Rule::",
            "EOI",
            "percent_lit",
            "_",
        ] {
            if word == "_" {
                continue;
            }
            assert!(!out.contains(word), "`{word}` in:\n{out}");
        }
        assert!(out.contains("test.pf:1:"), "no position in:\n{out}");
    }
}

#[test]
fn misspelled_keyword_gets_a_suggestion() {
    let out = error("framework t {\n  grdes { 优 >= 90 }\n}");
    assert!(out.contains("did you mean `grades`?"), "{out}");
    assert!(out.contains("test.pf:2:3"), "{out}");
}

#[test]
fn unclosed_brace_says_so() {
    let out = error("framework t {\n  total 100\n");
    assert!(out.contains("found the end of the file"), "{out}");
    assert!(out.contains("not closed"), "{out}");
    let d = parse("framework t {\n  total 100\n").expect_err("unclosed");
    assert!(
        matches!(&d.message, Text::Syntax(Syntax::ExpectedCloseAtEnd { header }) if header.0 == "framework t"),
        "{:?}",
        d.message
    );
}

#[test]
fn empty_file_is_an_error() {
    let d = parse("  \n").expect_err("empty");
    assert!(matches!(
        d.message,
        Text::Syntax(Syntax::EmptyFramework { .. })
    ));
}

/// What the grammar wanted is a typed list, not words: each language joins
/// it its own way.
#[test]
fn expected_things_are_data() {
    let d = parse("framework t {\n  total 百\n}").expect_err("not a number");
    let Text::Syntax(Syntax::ExpectedFound { expected, found }) = &d.message else {
        panic!("{:?}", d.message)
    };
    assert_eq!(expected, &Wants(vec![Wanted::Number]));
    assert_eq!(found.0, "百");
    let d = parse("framework t {\n  let x = 1 +").expect_err("unfinished");
    assert_eq!(
        d.headline(Lang::Zh),
        "此处应为数值或公式、数字、带引号的文本（如 \"…\"）、名称、“if”、“skip”、“tiers”或“(”，但文件已经结束"
    );
}
