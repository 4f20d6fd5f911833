//! Pest errors rewritten into plain words.
//!
//! Users never see rule names: every rule has a user-facing name here (or
//! `None` when it should not be mentioned), chosen by an exhaustive `match`
//! without a catch-all, so a new grammar rule cannot ship unnamed.

use super::grammar::Rule;
use crate::diagnostic::{Code, Diagnostic};
use crate::span::{FileId, Span};
use pest::error::{ErrorVariant, InputLocation};

/// Words that start a statement.
const STATEMENT_WORDS: &[&str] = &[
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
    "allow",
    "years",
    "reweight",
    "remove",
    "within",
    "answers",
    "question",
    "test",
];

/// Other keywords, offered with the statement words as "did you mean" for
/// unknown words.
const OTHER_KEYWORDS: &[&str] = &[
    "did you mean",
    "weight",
    "qualitative",
    "at-least",
    "at-most",
    "equals",
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

/// Every keyword.
fn keywords() -> impl Iterator<Item = &'static str> {
    STATEMENT_WORDS.iter().chain(OTHER_KEYWORDS).copied()
}

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
        Rule::extends | Rule::kw_extends => "`extends`",
        Rule::language | Rule::kw_language => "`language`",
        Rule::lang_code => "a language code (`zh` or `en`)",
        Rule::period | Rule::kw_years => "`years`",
        Rule::reweight | Rule::kw_reweight => "`reweight`",
        Rule::remove | Rule::kw_remove => "`remove`",
        Rule::within | Rule::kw_within => "`within`",
        Rule::node_path => "a path such as `产出指标/数量指标`",
        Rule::answers | Rule::kw_answers => "`answers`",
        Rule::answer_scale => "an answer scale name such as `yes-no`",
        Rule::answer => "an answer such as `\"Yes\" 100%`",
        Rule::question | Rule::kw_question => "`question`",
        Rule::tiers | Rule::kw_tiers => "`tiers`",
        Rule::tier => "a tier such as `<= 10% => 4`",
        Rule::tier_op => "a comparison (`<=`, `<`, `>=`, `>`, `==`)",
        Rule::tier_else | Rule::kw_otherwise => "`otherwise => …`",
        Rule::arrow => "`=>`",
        Rule::arith => "a value or formula",
        Rule::arith_infix => "an operator",
        Rule::skip => "`skip`",
        Rule::renormalize | Rule::kw_renormalize => "`renormalize`",
        Rule::ind_rated | Rule::kw_rated => "`rated`",
        Rule::test_block | Rule::kw_test => "`test`",
        Rule::test_data | Rule::kw_data => "`data`",
        Rule::string_multi | Rule::string_multi_body => "a text in triple quotes `\"\"\"…\"\"\"`",
        Rule::test_expect | Rule::kw_expect => "`expect`",
        Rule::exp_total => "`total`",
        Rule::exp_grade | Rule::kw_grade => "`grade`",
        Rule::exp_score => "`score`",
        Rule::exp_warning | Rule::kw_warning => "`warning`",
        Rule::exp_error | Rule::kw_error => "`error`",
        Rule::diag_code => "a diagnostic code such as `PF3009`",
    })
}

/// Turn a pest error into a diagnostic pointing at the offending text.
pub(super) fn to_diagnostic(
    err: &pest::error::Error<Rule>,
    file: FileId,
    text: &str,
) -> Diagnostic {
    let mut pos = match err.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let attempts = err.parse_attempts();
    // `positives` are reported where the last named rule failed; the tokens
    // in `attempts` are what the parser wanted at the furthest point it
    // reached (silent rules such as `{` only show up there).
    let furthest = attempts.as_ref().map(|a| a.max_position);
    let mut expected: Vec<&'static str> = Vec::new();
    if furthest.is_none_or(|m| m <= pos)
        && let ErrorVariant::ParsingError { positives, .. } = &err.variant
    {
        for r in positives {
            if let Some(n) = rule_name(*r) {
                push_unique(&mut expected, n);
            }
        }
    }
    if let (Some(attempts), Some(m)) = (&attempts, furthest)
        && m >= pos
    {
        pos = m;
        for t in attempts.expected_tokens() {
            // `ParsingToken` is not exported by pest; its Display is the token text.
            if let Some(p) = punctuation_name(&t.to_string()) {
                push_unique(&mut expected, p);
            }
        }
    }
    if expected.contains(&"`{`") {
        expected.retain(|n| !is_optional_modifier(n));
    }
    let code = code_only(text);
    let found = found_at(text, pos);
    let wanted = describe_expected(&expected);
    let found_desc = match &found {
        None => "the end of the file".to_owned(),
        Some(w) => format!("`{w}`"),
    };
    let width = found.as_ref().map_or(0, String::len).max(1);
    let end = (pos + width).min(text.len());
    let here = Span::new(file, pos, end.max(pos));
    let prev = previous_token(&code, pos);
    let expects_close = expected.contains(&"`}`");

    // The file ends inside a block.
    if found.is_none()
        && expects_close
        && let Some(open) = likely_unclosed(&code)
    {
        let header = header_of(text, &code, open);
        let outermost = code.find(['{', '｛']) == Some(open);
        return Diagnostic::error(
            Code::Syntax,
            format!("expected `}}` to close `{header}`, found the end of the file"),
        )
        .with_primary(here, "the file ends here")
        .with_secondary(brace_span(file, text, open), "this `{` is not closed")
        .with_hint(if outermost {
            "add a `}` at the end of the file".to_owned()
        } else {
            format!("add a `}}` where `{header}` should end")
        });
    }

    // A statement that cannot be where it is: usually a `}` is missing above
    // it. The statement is the word found, or the one starting its line.
    let line_start_word = {
        let start = line_start(&code, pos);
        let first = code[start..].trim_start();
        let offset = code.len() - first.len();
        found_at(&code, offset)
            .filter(|w| offset < pos && is_statement_word(w) && brace_balance(&code) > 0)
            .map(|w| (offset, w))
    };
    let statement = match &found {
        Some(w) if is_statement_word(w) => Some((pos, w.clone())),
        _ => line_start_word,
    };
    if let (Some((at, word)), Some(open)) = (statement, open_braces_at(&code, pos).last().copied())
    {
        let here = Span::new(file, at, at + word.len());
        if expects_close {
            let header = header_of(text, &code, open);
            let block = header
                .split_whitespace()
                .next()
                .unwrap_or("block")
                .to_owned();
            if brace_balance(&code) > 0 {
                let line = line_of(text, pos);
                return Diagnostic::error(
                    Code::Syntax,
                    format!("expected `}}` to close `{header}`, found `{word}`"),
                )
                .with_primary(here, format!("`{word}` cannot be inside a `{block}`"))
                .with_secondary(brace_span(file, text, open), "this `{` is not closed")
                .with_hint(format!("add a `}}` to close `{header}` before line {line}"));
            }
            let mut d = Diagnostic::error(
                Code::Syntax,
                format!("`{word}` cannot be inside a `{block}`"),
            )
            .with_primary(here, format!("not allowed in a `{block}`"))
            .with_secondary(
                brace_span(file, text, open),
                format!("inside this `{block}`"),
            );
            if let Some(allowed) = allowed_inside(&block) {
                d = d.with_hint(format!(
                    "move `{word}` out of the `{block}`: a `{block}` holds {allowed}"
                ));
            }
            return d;
        }
    }

    // `优 = 90` in `grades`.
    let block = open_braces_at(&code, pos)
        .last()
        .map(|&open| header_of(text, &code, open));
    if found.as_deref() == Some("=") && block.as_deref() == Some("grades") {
        return Diagnostic::error(Code::Syntax, "expected `>=` in a grade, found `=`")
            .with_primary(here, "write `>=` here")
            .with_hint(
                "write grade thresholds as `优 >= 90`: the lowest total that earns the grade",
            );
    }

    // `=` where `==` was meant.
    if found.as_deref() == Some("=") && expected.contains(&"an operator") {
        return Diagnostic::error(Code::Syntax, "`=` is not a comparison")
            .with_primary(here, "write `==` here")
            .with_hint("to compare for equality write `==`, e.g. `if actual == target then …`");
    }

    // `score = …`, `total = 100`: statements take no `=`.
    if found.as_deref() == Some("=")
        && let Some((_, kw)) = prev
            .as_ref()
            .filter(|(_, w)| is_statement_word(w) && *w != "let")
    {
        let rest = code[pos + 1..].lines().next().unwrap_or("").trim();
        let rest = if rest.is_empty() { "…" } else { rest };
        return Diagnostic::error(
            Code::Syntax,
            format!("expected {wanted} after `{kw}`, found `=`"),
        )
        .with_primary(here, "remove this `=`")
        .with_hint(format!("write `{kw} {}`", shorten(rest)));
    }

    // Text after the framework's closing `}`.
    if expected == ["end of file"]
        && let (Some(w), Some(((s, e), tok))) = (&found, &prev)
        && (tok == "}" || tok == "｝")
    {
        return Diagnostic::error(
            Code::Syntax,
            format!("a `}}` too many: the framework ends before `{w}`"),
        )
        .with_primary(Span::new(file, *s, *e), "this `}` closes the framework")
        .with_secondary(here, "so this is outside it")
        .with_hint("remove the extra `}`; everything belongs inside `framework … { }`");
    }

    // Something is missing at the end of a line: point there, not at the
    // next line.
    if let (Some(_), Some((prev_span, _))) = (&found, &prev) {
        let continues = !expects_close && !wanted.starts_with("a statement");
        if continues && code[prev_span.1..pos].contains('\n') {
            let context = context_before(text, &code, prev_span.1);
            let mut d =
                Diagnostic::error(Code::Syntax, format!("expected {wanted} after `{context}`"))
                    .with_primary(
                        Span::new(file, prev_span.0, prev_span.1),
                        format!("expected {wanted} after this"),
                    );
            if expected == ["`{`"] {
                d = d.with_hint(format!("add `{{` at the end of the line: `{context} {{`"));
            }
            return d;
        }
    }

    let mut diag = Diagnostic::error(
        Code::Syntax,
        format!("expected {wanted}, found {found_desc}"),
    )
    .with_primary(here, format!("expected {wanted}"));
    if let Some(word) = &found
        && let Some(best) = suggestion(word, &expected)
    {
        diag = diag.with_hint(format!("did you mean `{best}`?"));
    }
    diag
}

/// "a statement (…) or `}`", "a number", "`{`".
fn describe_expected(expected: &[&str]) -> String {
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
    if statement_keywords >= 3 {
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
        join_or(expected)
    }
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
        "`years`",
        "`reweight`",
        "`remove`",
        "`within`",
        "`answers`",
        "`question`",
        "`test`",
        "`language`",
    ]
    .contains(&n)
}

/// Optional words that may come before a `{` (`group … weight 50
/// renormalize {`): when a `{` is missing they are noise.
fn is_optional_modifier(n: &str) -> bool {
    ["`renormalize`", "`extends`"].contains(&n)
}

fn is_statement_word(word: &str) -> bool {
    STATEMENT_WORDS.contains(&word)
}

/// What a block may contain, for "move it out" hints.
fn allowed_inside(block: &str) -> Option<&'static str> {
    Some(match block {
        "group" => "`group`, `indicator` and `slot`",
        "indicator" => "`target`, `actual`, `score` and `require`",
        "slot" => "only `scoring` rules",
        "scoring" => "`score`, `require` and `allow deduction when`, or bands",
        "grades" => "only grades such as `优 >= 90`",
        _ => return None,
    })
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

/// A keyword close to `word`, among those that could stand where it is.
fn suggestion(word: &str, expected: &[&str]) -> Option<&'static str> {
    if keywords().any(|k| k == word) {
        return None;
    }
    keywords()
        .filter(|k| expected.iter().any(|e| e.contains(&format!("`{k}`"))))
        .map(|k| (strsim::damerau_levenshtein(word, k), k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The text with comments and the insides of quoted texts blanked out, so
/// that braces and words can be found by position. Byte offsets are kept:
/// every blanked character becomes as many spaces as it had bytes.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    let blank = |out: &mut String, c: char| {
        if c == '\n' {
            out.push('\n');
        } else {
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    };
    while let Some((i, c)) = chars.next() {
        let comment = c == '#' || (c == '/' && text[i..].starts_with("//"));
        if comment {
            blank(&mut out, c);
            while let Some(&(_, n)) = chars.peek() {
                if n == '\n' {
                    break;
                }
                blank(&mut out, n);
                chars.next();
            }
        } else if c == '"' || c == '“' {
            let close = if c == '"' { '"' } else { '”' };
            out.push(c);
            while let Some((_, n)) = chars.next() {
                if n == '\n' {
                    out.push('\n');
                    break;
                }
                if n == close {
                    out.push(n);
                    break;
                }
                blank(&mut out, n);
                if n == '\\'
                    && close == '"'
                    && let Some((_, e)) = chars.next()
                {
                    blank(&mut out, e);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn is_open(c: char) -> bool {
    c == '{' || c == '｛'
}

fn is_close(c: char) -> bool {
    c == '}' || c == '｝'
}

/// Offsets of the `{` still open at `pos`, outermost first.
fn open_braces_at(code: &str, pos: usize) -> Vec<usize> {
    let mut stack = Vec::new();
    for (i, c) in code.get(..pos).unwrap_or(code).char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c) {
            stack.pop();
        }
    }
    stack
}

/// `{` count minus `}` count.
fn brace_balance(code: &str) -> i64 {
    code.chars().fold(0, |n, c| {
        if is_open(c) {
            n + 1
        } else if is_close(c) {
            n - 1
        } else {
            n
        }
    })
}

/// The `{` that most likely lacks its `}`: the first block ending on a line
/// indented differently from the line that opened it, else the innermost
/// block left open at the end.
fn likely_unclosed(code: &str) -> Option<usize> {
    let mut stack: Vec<usize> = Vec::new();
    let mut misaligned = None;
    for (i, c) in code.char_indices() {
        if is_open(c) {
            stack.push(i);
        } else if is_close(c)
            && let Some(open) = stack.pop()
        {
            let multi_line = code[open..i].contains('\n');
            if multi_line && indent_of(code, open) != indent_of(code, i) {
                misaligned = Some(misaligned.map_or(open, |m: usize| m.min(open)));
            }
        }
    }
    misaligned.or_else(|| stack.last().copied())
}

fn line_start(code: &str, pos: usize) -> usize {
    code[..pos].rfind('\n').map_or(0, |n| n + 1)
}

fn indent_of(code: &str, pos: usize) -> usize {
    let start = line_start(code, pos);
    code[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t' || *c == '\u{3000}')
        .count()
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, pos: usize) -> usize {
    text.get(..pos).unwrap_or(text).matches('\n').count() + 1
}

/// The statement a `{` opens, e.g. `group 产出指标 weight 90`.
fn header_of(text: &str, code: &str, brace: usize) -> String {
    let start = line_start(code, brace);
    let mut header = text[start..brace].trim();
    if code[start..brace].trim().is_empty() && start > 0 {
        // `{` on a line of its own: the statement is on the line before.
        let prev_start = line_start(code, start - 1);
        let prev_end = prev_start + code[prev_start..start - 1].trim_end().len();
        header = text[prev_start..prev_end].trim();
    }
    shorten(header)
}

/// The statement on the line before `end`, e.g. `良 >=`.
fn context_before(text: &str, code: &str, end: usize) -> String {
    shorten(text[line_start(code, end)..end].trim())
}

fn shorten(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 40 {
        let tail: String = s.chars().take(40).collect();
        format!("{}…", tail.trim_end())
    } else {
        s
    }
}

/// The last token before `pos` (skipping blanks and comments): its byte
/// range and text.
fn previous_token(code: &str, pos: usize) -> Option<((usize, usize), String)> {
    let before = code.get(..pos)?;
    let end = before.trim_end().len();
    if end == 0 {
        return None;
    }
    let word_char = |c: char| c.is_alphanumeric() || c == '_' || c == '-' || c == '.' || c == '%';
    let last = before[..end].chars().next_back()?;
    let start = if word_char(last) {
        before[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| word_char(*c))
            .last()
            .map_or(end, |(i, _)| i)
    } else {
        before[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| !c.is_whitespace() && !word_char(*c))
            .last()
            .map_or(end, |(i, _)| i)
    };
    Some(((start, end), before[start..end].to_owned()))
}

fn brace_span(file: FileId, text: &str, open: usize) -> Span {
    let width = text[open..].chars().next().map_or(1, char::len_utf8);
    Span::new(file, open, open + width)
}
