//! Pest errors rewritten into plain words.
//!
//! Users never see rule names: every rule has a user-facing name here (or
//! `None` when it should not be mentioned), chosen by an exhaustive `match`
//! without a catch-all, so a new grammar rule cannot ship unnamed. The name
//! is a [`Wanted`] — a keyword as written, or a kind of thing whose words
//! are in the catalogue in both languages — and "expected …" holds the list
//! of them ([`Wants`]), so every decision below matches on those values,
//! never on words.

use super::grammar::Rule;
use crate::catalogue::Name;
use crate::catalogue::common::Common;
use crate::catalogue::syntax::{Syntax, Wanted, Wants};
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
fn rule_name(rule: Rule) -> Option<Wanted> {
    use Wanted::Code;
    Some(match rule {
        Rule::EOI => Wanted::EndOfFile,
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
        Rule::framework | Rule::kw_framework => Code("framework"),
        Rule::framework_id => Wanted::FrameworkId,
        Rule::basis | Rule::kw_basis => Code("basis"),
        Rule::total | Rule::kw_total => Code("total"),
        Rule::rounding | Rule::kw_round => Code("round"),
        Rule::round_mode => Wanted::RoundMode,
        Rule::round_scope => Wanted::RoundScope,
        Rule::grades | Rule::kw_grades => Code("grades"),
        Rule::grade => Wanted::Grade,
        Rule::input | Rule::kw_input => Code("input"),
        Rule::type_name
        | Rule::ty_money
        | Rule::ty_percent
        | Rule::ty_number
        | Rule::ty_count
        | Rule::ty_text
        | Rule::ty_level
        | Rule::kw_level => Wanted::Type,
        Rule::input_default | Rule::kw_default => Code("default"),
        Rule::input_from | Rule::kw_from => Code("from"),
        Rule::input_label | Rule::kw_label => Code("label"),
        Rule::data_path => Wanted::DataPath,
        Rule::let_decl | Rule::kw_let => Code("let"),
        Rule::require | Rule::kw_require => Code("require"),
        Rule::kw_else => Code("else"),
        Rule::severity => Wanted::Severity,
        Rule::indicator | Rule::kw_indicator => Code("indicator"),
        Rule::ind_target | Rule::kw_target => Code("target"),
        Rule::ind_actual | Rule::kw_actual => Code("actual"),
        Rule::ind_score | Rule::kw_score => Code("score"),
        Rule::weight | Rule::kw_weight => Code("weight"),
        Rule::group | Rule::kw_group => Code("group"),
        Rule::slot | Rule::kw_slot => Code("slot"),
        Rule::scoring | Rule::kw_scoring => Code("scoring"),
        Rule::quantitative | Rule::target_kind => Wanted::TargetKind,
        Rule::qualitative | Rule::kw_qualitative => Code("qualitative"),
        Rule::deduction | Rule::kw_allow => Code("allow deduction when"),
        Rule::kw_deduction => Code("deduction"),
        Rule::kw_when => Code("when"),
        Rule::band => Wanted::Band,
        Rule::band_default => Code("default"),
        Rule::band_pick => Wanted::BandPick,
        Rule::kw_also => Code("also"),
        Rule::expr | Rule::if_expr | Rule::call | Rule::boolean | Rule::quantity => Wanted::Value,
        Rule::kw_if => Code("if"),
        Rule::kw_then => Code("then"),
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
        | Rule::op_div => Wanted::Operator,
        Rule::op_not | Rule::op_neg => Wanted::Value,
        Rule::percent_lit => Wanted::Percentage,
        Rule::unit | Rule::unit_word | Rule::percent_sign => Wanted::Unit,
        Rule::number | Rule::integer => Wanted::Number,
        Rule::string => Wanted::QuotedText,
        Rule::name | Rule::ident => Wanted::Name,
        Rule::extends | Rule::kw_extends => Code("extends"),
        Rule::language | Rule::kw_language => Code("language"),
        Rule::lang_code => Wanted::LangCode,
        Rule::period | Rule::kw_years => Code("years"),
        Rule::reweight | Rule::kw_reweight => Code("reweight"),
        Rule::remove | Rule::kw_remove => Code("remove"),
        Rule::within | Rule::kw_within => Code("within"),
        Rule::node_path => Wanted::NodePath,
        Rule::answers | Rule::kw_answers => Code("answers"),
        Rule::answer_scale => Wanted::ScaleName,
        Rule::answer => Wanted::Answer,
        Rule::question | Rule::kw_question => Code("question"),
        Rule::tiers | Rule::kw_tiers => Code("tiers"),
        Rule::tier => Wanted::Tier,
        Rule::tier_op => Wanted::Comparison,
        Rule::tier_else | Rule::kw_otherwise => Code("otherwise => …"),
        Rule::arrow => Code("=>"),
        Rule::arith => Wanted::Value,
        Rule::arith_infix => Wanted::Operator,
        Rule::skip => Code("skip"),
        Rule::renormalize | Rule::kw_renormalize => Code("renormalize"),
        Rule::ind_rated | Rule::kw_rated => Code("rated"),
        Rule::test_block | Rule::kw_test => Code("test"),
        Rule::test_data | Rule::kw_data => Code("data"),
        Rule::string_multi | Rule::string_multi_body => Wanted::TripleQuoted,
        Rule::test_expect | Rule::kw_expect => Code("expect"),
        Rule::exp_total => Code("total"),
        Rule::exp_grade | Rule::kw_grade => Code("grade"),
        Rule::exp_score => Code("score"),
        Rule::exp_warning | Rule::kw_warning => Code("warning"),
        Rule::exp_error | Rule::kw_error => Code("error"),
        Rule::diag_code => Wanted::DiagCode,
    })
}

/// Whether a wanted thing offers keyword `k`, for "did you mean": the
/// keyword itself, or one of the choices a kind of thing lists (`half-up`,
/// `down`, …).
fn offers(wanted: Wanted, k: &str) -> bool {
    let choices: &[&str] = match wanted {
        Wanted::Code(code) => return code == k,
        Wanted::RoundMode => &["half-up", "half-even", "down", "up"],
        Wanted::RoundScope => &["per-leaf", "per-group", "total-only"],
        Wanted::Type => &["money", "percent", "number", "count", "text"],
        Wanted::Severity => &["warn", "error"],
        Wanted::TargetKind => &["at-least", "at-most", "equals", "qualitative"],
        Wanted::BandPick => &["upper", "middle", "lower"],
        _ => &[],
    };
    choices.contains(&k)
}

/// Turn a pest error into a diagnostic pointing at the offending text.
#[allow(clippy::too_many_lines)]
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
    let mut expected: Vec<Wanted> = Vec::new();
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
            // `ParsingToken` is not exported by pest; its Display is the
            // token text (pest's own data, not a message of pfc's).
            if let Some(p) = punctuation_name(&t.to_string()) {
                push_unique(&mut expected, p);
            }
        }
    }
    if expected.contains(&Wanted::Code("{")) {
        expected.retain(|n| !is_optional_modifier(*n));
    }
    // A quoted text is said once, with its example.
    if expected.contains(&Wanted::QuotedText) {
        expected.retain(|n| *n != Wanted::Quote);
    }
    let code = code_only(text);
    let found = found_at(text, pos);
    let wanted = describe_expected(&expected);
    let width = found.as_ref().map_or(0, String::len).max(1);
    let end = (pos + width).min(text.len());
    let here = Span::new(file, pos, end.max(pos));
    let prev = previous_token(&code, pos);
    let expects_close = expected.contains(&Wanted::Code("}"));

    // The file ends inside a block.
    if found.is_none()
        && expects_close
        && let Some(open) = likely_unclosed(&code)
    {
        let header = Name::new(header_of(text, &code, open));
        let outermost = code.find(['{', '｛']) == Some(open);
        return Diagnostic::error(
            Code::Syntax,
            Syntax::ExpectedCloseAtEnd {
                header: header.clone(),
            },
        )
        .with_primary(here, Syntax::LabelFileEndsHere)
        .with_secondary(brace_span(file, text, open), Syntax::LabelBraceNotClosed)
        .with_hint(if outermost {
            Syntax::HintCloseAtEnd
        } else {
            Syntax::HintCloseWhere { header }
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
        && expects_close
    {
        let here = Span::new(file, at, at + word.len());
        let header = header_of(text, &code, open);
        if let Some(block) = header.split_whitespace().next().map(Name::new) {
            let word = Name::new(word);
            if brace_balance(&code) > 0 {
                let line = line_of(text, pos);
                return Diagnostic::error(
                    Code::Syntax,
                    Syntax::ExpectedCloseFound {
                        header: Name::new(header.clone()),
                        found: word.clone(),
                    },
                )
                .with_primary(here, Syntax::CannotBeInside { word, block })
                .with_secondary(brace_span(file, text, open), Syntax::LabelBraceNotClosed)
                .with_hint(Syntax::HintCloseBeforeLine {
                    header: Name::new(header),
                    line,
                });
            }
            let mut d = Diagnostic::error(
                Code::Syntax,
                Syntax::CannotBeInside {
                    word: word.clone(),
                    block: block.clone(),
                },
            )
            .with_primary(
                here,
                Syntax::LabelNotAllowedIn {
                    block: block.clone(),
                },
            )
            .with_secondary(
                brace_span(file, text, open),
                Syntax::LabelInsideThis {
                    block: block.clone(),
                },
            );
            if let Some(holds) = allowed_inside(&block.0) {
                d = d.with_hint(Syntax::HintMoveOut {
                    word,
                    block,
                    holds: Box::new(holds.into()),
                });
            }
            return d;
        }
    }

    // `优 = 90` in `grades`.
    let block = open_braces_at(&code, pos)
        .last()
        .map(|&open| header_of(text, &code, open));
    if found.as_deref() == Some("=") && block.as_deref() == Some("grades") {
        return Diagnostic::error(Code::Syntax, Syntax::GradeWithEquals)
            .with_primary(here, Syntax::LabelWriteGe)
            .with_hint(Syntax::HintGradeThreshold);
    }

    // `=` where `==` was meant.
    if found.as_deref() == Some("=") && expected.contains(&Wanted::Operator) {
        return Diagnostic::error(Code::Syntax, Syntax::AssignNotComparison)
            .with_primary(here, Syntax::LabelWriteEq)
            .with_hint(Syntax::HintWriteEq);
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
            Syntax::ExpectedAfterNotEquals {
                expected: wanted,
                keyword: Name::new(kw.as_str()),
            },
        )
        .with_primary(here, Syntax::LabelRemoveEquals)
        .with_hint(Syntax::HintWrite {
            code: Name::new(format!("{kw} {}", shorten(rest))),
        });
    }

    // Text after the framework's closing `}`.
    if expected == [Wanted::EndOfFile]
        && let (Some(w), Some(((s, e), tok))) = (&found, &prev)
        && (tok == "}" || tok == "｝")
    {
        return Diagnostic::error(
            Code::Syntax,
            Syntax::ExtraClose {
                found: Name::new(w.as_str()),
            },
        )
        .with_primary(Span::new(file, *s, *e), Syntax::LabelClosesFramework)
        .with_secondary(here, Syntax::LabelOutsideFramework)
        .with_hint(Syntax::HintRemoveExtraClose);
    }

    // Something is missing at the end of a line: point there, not at the
    // next line.
    if let (Some(_), Some((prev_span, _))) = (&found, &prev) {
        let continues = !expects_close && wanted.0.first() != Some(&Wanted::Statement);
        if continues && code[prev_span.1..pos].contains('\n') {
            let context = context_before(text, &code, prev_span.1);
            let mut d = Diagnostic::error(
                Code::Syntax,
                Syntax::ExpectedAfter {
                    expected: wanted.clone(),
                    context: Name::new(context.as_str()),
                },
            )
            .with_primary(
                Span::new(file, prev_span.0, prev_span.1),
                Syntax::LabelExpectedAfterThis { expected: wanted },
            );
            if expected == [Wanted::Code("{")] {
                d = d.with_hint(Syntax::HintOpenAtLineEnd {
                    code: Name::new(format!("{context} {{")),
                });
            }
            return d;
        }
    }

    let headline = match &found {
        None => Syntax::ExpectedFoundEnd {
            expected: wanted.clone(),
        },
        Some(w) => Syntax::ExpectedFound {
            expected: wanted.clone(),
            found: Name::new(w.as_str()),
        },
    };
    let mut diag = Diagnostic::error(Code::Syntax, headline)
        .with_primary(here, Syntax::LabelExpected { expected: wanted });
    if let Some(word) = &found
        && let Some(best) = suggestion(word, &expected)
    {
        diag = diag.with_hint(Common::DidYouMean {
            name: Name::new(best),
        });
    }
    diag
}

/// The keywords that start statements, which "a statement (…)" stands for.
const STATEMENT_KEYWORDS: &[&str] = &[
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
    "years",
    "reweight",
    "remove",
    "within",
    "answers",
    "question",
    "test",
    "language",
];

/// "a statement (…) or `}`", "a number", "`{`".
fn describe_expected(expected: &[Wanted]) -> Wants {
    let statement_keywords = expected
        .iter()
        .filter(|n| {
            matches!(
                n,
                Wanted::Code("basis" | "group" | "indicator" | "scoring" | "input" | "let")
            )
        })
        .count();
    if statement_keywords >= 3 {
        let mut rest: Vec<Wanted> = expected
            .iter()
            .copied()
            .filter(|n| !is_statement_keyword(*n))
            .collect();
        rest.insert(0, Wanted::Statement);
        Wants(rest)
    } else if expected.is_empty() {
        Wants(vec![Wanted::SomethingElse])
    } else {
        Wants(expected.to_vec())
    }
}

fn is_statement_keyword(n: Wanted) -> bool {
    matches!(n, Wanted::Code(k) if STATEMENT_KEYWORDS.contains(&k))
}

/// Optional words that may come before a `{` (`group … weight 50
/// renormalize {`): when a `{` is missing they are noise.
fn is_optional_modifier(n: Wanted) -> bool {
    matches!(n, Wanted::Code("renormalize" | "extends"))
}

fn is_statement_word(word: &str) -> bool {
    STATEMENT_WORDS.contains(&word)
}

/// What a block may contain, for "move it out" hints.
fn allowed_inside(block: &str) -> Option<Syntax> {
    Some(match block {
        "group" => Syntax::HoldsGroup,
        "indicator" => Syntax::HoldsIndicator,
        "slot" => Syntax::HoldsSlot,
        "scoring" => Syntax::HoldsScoring,
        "grades" => Syntax::HoldsGrades,
        _ => return None,
    })
}

fn punctuation_name(token: &str) -> Option<Wanted> {
    Some(match token {
        "{" => Wanted::Code("{"),
        "}" => Wanted::Code("}"),
        "(" => Wanted::Code("("),
        ")" => Wanted::Code(")"),
        ":" => Wanted::Code(":"),
        "=" => Wanted::Code("="),
        ".." => Wanted::Code(".."),
        "," => Wanted::Code(","),
        "%" => Wanted::Code("%"),
        "\"" => Wanted::Quote,
        _ => return None,
    })
}

fn push_unique(list: &mut Vec<Wanted>, item: Wanted) {
    if !list.contains(&item) {
        list.push(item);
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
fn suggestion(word: &str, expected: &[Wanted]) -> Option<&'static str> {
    if keywords().any(|k| k == word) {
        return None;
    }
    keywords()
        .filter(|k| expected.iter().any(|e| offers(*e, k)))
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
