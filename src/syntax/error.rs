//! Pest errors rewritten into plain words.
//!
//! Users never see rule names: every rule has a user-facing name here (or
//! `None` when it should not be mentioned), chosen by an exhaustive `match`
//! without a catch-all, so a new grammar rule cannot ship unnamed.

use super::grammar::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use pest::error::{ErrorVariant, InputLocation};

/// Statement keywords, offered as "did you mean" for unknown words.
const KEYWORDS: &[&str] = &[
    "framework",
    "basis",
    "total",
    "round",
    "grades",
    "input",
    "let",
    "require",
    "indicator",
    "group",
    "slot",
    "scoring",
    "target",
    "actual",
    "score",
    "weight",
    "qualitative",
    "at-least",
    "at-most",
    "equals",
    "allow",
    "deduction",
    "when",
    "also",
    "default",
    "from",
    "label",
    "level",
    "money",
    "percent",
    "number",
    "count",
    "text",
    "half-up",
    "half-even",
    "down",
    "up",
    "per-leaf",
    "per-group",
    "total-only",
    "warn",
    "error",
    "else",
    "then",
    "if",
    "and",
    "or",
    "not",
    "upper",
    "middle",
    "lower",
];

/// How a rule is named in "expected …" messages; `None` hides it.
#[allow(clippy::too_many_lines)]
fn rule_name(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "end of file",
        Rule::WHITESPACE
        | Rule::COMMENT
        | Rule::item
        | Rule::separator
        | Rule::indicator_item
        | Rule::group_item
        | Rule::scoring_item
        | Rule::input_opt
        | Rule::infix
        | Rule::prefix
        | Rule::primary
        | Rule::ident_char
        | Rule::keyword
        | Rule::reserved_char
        | Rule::range_dots
        | Rule::lbrace
        | Rule::rbrace
        | Rule::lparen
        | Rule::rparen
        | Rule::comma
        | Rule::colon
        | Rule::assign
        | Rule::string_body
        | Rule::string_body_cn
        | Rule::file => return None,
        Rule::framework | Rule::kw_framework => "`framework`",
        Rule::framework_id => "a framework id such as `cn-self-eval-2020`",
        Rule::basis | Rule::kw_basis => "`basis`",
        Rule::total | Rule::kw_total => "`total`",
        Rule::rounding | Rule::kw_round => "`round`",
        Rule::round_mode => "a rounding mode (`half-up`, `half-even`, `down`, `up`)",
        Rule::round_scope => "where to round (`per-leaf`, `per-group`, `total-only`)",
        Rule::grades | Rule::kw_grades => "`grades`",
        Rule::grade => "a grade such as `优 >= 90`",
        Rule::input | Rule::kw_input => "`input`",
        Rule::type_name
        | Rule::ty_money
        | Rule::ty_percent
        | Rule::ty_number
        | Rule::ty_count
        | Rule::ty_text
        | Rule::ty_level
        | Rule::kw_level => "a type (`money`, `percent`, `number`, `count`, `text`, `level(…)`)",
        Rule::input_default | Rule::kw_default => "`default`",
        Rule::input_from | Rule::kw_from => "`from`",
        Rule::input_label | Rule::kw_label => "`label`",
        Rule::data_path => "a data field such as `funds.budget`",
        Rule::let_decl | Rule::kw_let => "`let`",
        Rule::require | Rule::kw_require => "`require`",
        Rule::kw_else => "`else`",
        Rule::severity => "`warn` or `error`",
        Rule::indicator | Rule::kw_indicator => "`indicator`",
        Rule::ind_target | Rule::kw_target => "`target`",
        Rule::ind_actual | Rule::kw_actual => "`actual`",
        Rule::ind_score | Rule::kw_score => "`score`",
        Rule::weight | Rule::kw_weight => "`weight`",
        Rule::group | Rule::kw_group => "`group`",
        Rule::slot | Rule::kw_slot => "`slot`",
        Rule::scoring | Rule::kw_scoring => "`scoring`",
        Rule::quantitative | Rule::target_kind => {
            "a kind of target (`at-least`, `at-most`, `equals`, `qualitative`)"
        }
        Rule::qualitative | Rule::kw_qualitative => "`qualitative`",
        Rule::deduction | Rule::kw_allow => "`allow deduction when`",
        Rule::kw_deduction => "`deduction`",
        Rule::kw_when => "`when`",
        Rule::band => "a band such as `达成 80%..100%`",
        Rule::band_default => "`default`",
        Rule::band_pick => "`upper`, `middle` or `lower`",
        Rule::kw_also => "`also`",
        Rule::expr | Rule::if_expr | Rule::call | Rule::boolean | Rule::quantity => {
            "a value or formula"
        }
        Rule::kw_if => "`if`",
        Rule::kw_then => "`then`",
        Rule::op_or
        | Rule::op_and
        | Rule::op_eq
        | Rule::op_ne
        | Rule::op_le
        | Rule::op_ge
        | Rule::op_lt
        | Rule::op_gt
        | Rule::op_add
        | Rule::op_sub
        | Rule::op_mul
        | Rule::op_div => "an operator",
        Rule::op_not | Rule::op_neg => "a value or formula",
        Rule::percent_lit => "a percentage such as `80%`",
        Rule::unit | Rule::unit_word | Rule::percent_sign => "a unit",
        Rule::number | Rule::integer => "a number",
        Rule::string => "a quoted text such as `\"…\"`",
        Rule::name | Rule::ident => "a name",
    })
}

/// Turn a pest error into a diagnostic pointing at the offending text.
pub(super) fn to_diagnostic(
    err: &pest::error::Error<Rule>,
    file: FileId,
    text: &str,
) -> Diagnostic {
    let pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let found = found_at(text, pos);
    if std::env::var_os("PFC_DEBUG_PEST").is_some() {
        let a = err.parse_attempts();
        eprintln!("DEBUG pos={pos} variant={:?}", err.variant);
        if let Some(a) = a {
            eprintln!(
                "DEBUG max={} tokens={:?} stacks={:?}",
                a.max_position,
                a.expected_tokens()
                    .iter()
                    .map(|t| t.to_string())
                    .collect::<Vec<_>>(),
                a.call_stacks()
            );
        }
    }
    let mut expected: Vec<&'static str> = Vec::new();
    if let ErrorVariant::ParsingError { positives, .. } = &err.variant {
        for r in positives {
            if let Some(n) = rule_name(*r) {
                push_unique(&mut expected, n);
            }
        }
    }
    if let Some(attempts) = err.parse_attempts() {
        for t in attempts.expected_tokens() {
            // `ParsingToken` is not exported by pest; its Display is the token text.
            if let Some(p) = punctuation_name(&t.to_string()) {
                push_unique(&mut expected, p);
            }
        }
    }
    let statement_keywords = expected
        .iter()
        .filter(|n| {
            [
                "`basis`",
                "`group`",
                "`indicator`",
                "`scoring`",
                "`input`",
                "`let`",
            ]
            .contains(n)
        })
        .count();
    let wanted = if statement_keywords >= 3 {
        let mut rest: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|n| !is_statement_keyword(n))
            .collect();
        rest.insert(
            0,
            "a statement (such as `group`, `indicator`, `input` or `scoring`)",
        );
        join_or(&rest)
    } else if expected.is_empty() {
        "something else".to_owned()
    } else {
        join_or(&expected)
    };
    let found_desc = match &found {
        None => "the end of the file".to_owned(),
        Some(w) => format!("`{w}`"),
    };
    let width = found.as_ref().map_or(0, String::len).max(1);
    let end = (pos + width).min(text.len());
    let mut diag = Diagnostic::error(
        Code::Syntax,
        format!("expected {wanted}, found {found_desc}"),
    )
    .with_primary(
        Span::new(file, pos, end.max(pos)),
        format!("expected {wanted}"),
    );
    if let Some(word) = &found {
        if let Some(best) = suggestion(word) {
            diag = diag.with_hint(format!("did you mean `{best}`?"));
        }
    }
    for hint in extra_hints(found.as_deref(), &expected) {
        diag = diag.with_hint(hint);
    }
    diag
}

fn is_statement_keyword(n: &str) -> bool {
    [
        "`basis`",
        "`total`",
        "`round`",
        "`grades`",
        "`input`",
        "`let`",
        "`require`",
        "`indicator`",
        "`group`",
        "`slot`",
        "`scoring`",
        "`target`",
        "`actual`",
        "`score`",
    ]
    .contains(&n)
}

fn punctuation_name(token: &str) -> Option<&'static str> {
    Some(match token {
        "{" => "`{`",
        "}" => "`}`",
        "(" => "`(`",
        ")" => "`)`",
        ":" => "`:`",
        "=" => "`=`",
        ".." => "`..`",
        "," => "`,`",
        "%" => "`%`",
        "\"" => "a quoted text",
        _ => return None,
    })
}

fn push_unique(list: &mut Vec<&'static str>, item: &'static str) {
    if !list.contains(&item) {
        list.push(item);
    }
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// The word (or single character) at `pos`, for "found `…`".
fn found_at(text: &str, pos: usize) -> Option<String> {
    let rest = text.get(pos..)?;
    let mut chars = rest.chars();
    let first = chars.next()?;
    if first.is_alphanumeric() || first == '_' || first == '-' {
        let word: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == '.')
            .take(40)
            .collect();
        Some(word)
    } else {
        Some(first.to_string())
    }
}

fn suggestion(word: &str) -> Option<&'static str> {
    if KEYWORDS.contains(&word) {
        return None;
    }
    KEYWORDS
        .iter()
        .map(|k| (strsim::damerau_levenshtein(word, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn extra_hints(found: Option<&str>, expected: &[&str]) -> Vec<String> {
    let mut hints = Vec::new();
    if found.is_none() && expected.contains(&"`}`") {
        hints.push("a `{` is not closed: add the missing `}`".to_owned());
    }
    if found == Some("=") && expected.iter().any(|e| e.contains("grade")) {
        hints.push("grade thresholds are written `优 >= 90`".to_owned());
    }
    if found == Some("=") && expected.contains(&"an operator") {
        hints.push("to compare for equality write `==`".to_owned());
    }
    hints
}
