//! Target and actual values as people write them in a 自评表.
//!
//! `≥95%`, `>=95%`, `≤87.65万元`, `=12个`, `﹦100 %`, `100%` (a bare value),
//! `不低于90%`, `不超过87.65万元`, `90%以上`, `21,933人`, full-width digits,
//! and qualitative words (`达成`, `按时完成`). Garbage such as `≥` without a
//! number or `件/件2万元` is an error, never a guess.

use crate::catalogue::data::Data;
use crate::exact::{Exact, ParseError};
use crate::quantity::{Quantity, Unit};
use std::borrow::Cow;

/// A comparison written before (or after) a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Op {
    /// `≥`, `>=`, `不低于`, `以上`.
    Ge,
    /// `>`, `高于`, `超过`.
    Gt,
    /// `≤`, `<=`, `不超过`, `以内`.
    Le,
    /// `<`, `低于`.
    Lt,
    /// `=`.
    Eq,
}

impl Op {
    /// Which way the comparison points: at least (1), at most (-1), exactly (0).
    fn direction(self) -> i8 {
        match self {
            Op::Ge | Op::Gt => 1,
            Op::Le | Op::Lt => -1,
            Op::Eq => 0,
        }
    }

    /// The symbol used when printing.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Ge => "≥",
            Op::Gt => ">",
            Op::Le => "≤",
            Op::Lt => "<",
            Op::Eq => "=",
        }
    }
}

/// A value read from a table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notation {
    /// A number with an optional comparison and unit.
    Quantity {
        /// The comparison, if written.
        op: Option<Op>,
        /// The value.
        value: Quantity,
    },
    /// Words: a qualitative target or a completion level.
    Text(String),
}

/// Why a cell could not be read: two entries of the data catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotationError {
    /// What is wrong.
    pub message: Data,
    /// How to write it instead.
    pub hint: Data,
}

/// Comparison signs before a value (longest first: `>=` before `>`).
const PREFIX_SIGNS: &[(&str, Op)] = &[
    (">=", Op::Ge),
    ("=>", Op::Ge),
    ("≥", Op::Ge),
    ("<=", Op::Le),
    ("=<", Op::Le),
    ("≤", Op::Le),
    ("==", Op::Eq),
    (">", Op::Gt),
    ("<", Op::Lt),
    ("=", Op::Eq),
];

/// Comparison words before a value.
const PREFIX_WORDS: &[(&str, Op)] = &[
    ("大于等于", Op::Ge),
    ("大于或等于", Op::Ge),
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("至少", Op::Ge),
    ("小于等于", Op::Le),
    ("小于或等于", Op::Le),
    ("不超过", Op::Le),
    ("不高于", Op::Le),
    ("不多于", Op::Le),
    ("不大于", Op::Le),
    ("至多", Op::Le),
    ("控制在", Op::Le),
    ("高于", Op::Gt),
    ("大于", Op::Gt),
    ("多于", Op::Gt),
    ("超过", Op::Gt),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("小于", Op::Lt),
    ("等于", Op::Eq),
];

// Longest first: `90%及以上` must not leave `及` behind.
const SUFFIX_WORDS: &[(&str, Op)] = &[
    ("及以上", Op::Ge),
    ("以上", Op::Ge),
    ("以下", Op::Le),
    ("以内", Op::Le),
];

/// Fold full-width and look-alike characters to the ASCII forms.
fn normalize(s: &str) -> Cow<'_, str> {
    let s = crate::text::trim(s);
    // Most cells have nothing to fold: every cell of a batch is read here.
    if !may_fold(s.as_bytes()) || !s.chars().any(|c| fold(c) != c) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(fold).collect())
}

/// Whether UTF-8 `bytes` hold a character [`fold`] changes, by its three
/// bytes: `EF BC …` (the full-width forms), `EF B9 A6` (`﹦`), `E2 88 92`
/// (`−`), `E2 89 A6`/`A7` (`≦`, `≧`; not `≥`, `≤`, which most targets
/// start with) or `E3 80 80` (U+3000). A test checks this against [`fold`]
/// for every character.
fn may_fold(bytes: &[u8]) -> bool {
    bytes.windows(3).any(|w| {
        matches!(
            w,
            [0xEF, 0xBC, 0x85 | 0x8C..=0x8E | 0x90..=0x99 | 0x9C..=0x9E]
                | [0xEF, 0xB9, 0xA6]
                | [0xE2, 0x88, 0x92]
                | [0xE2, 0x89, 0xA6 | 0xA7]
                | [0xE3, 0x80, 0x80]
        )
    })
}

/// A full-width or look-alike character as the ASCII one it stands for
/// (`５` → `5`, `％` → `%`); other characters as they are.
pub(crate) fn fold(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '＝' | '﹦' => '=',
        '＞' => '>',
        '＜' => '<',
        '≧' => '≥',
        '≦' => '≤',
        '－' | '−' => '-',
        '\u{3000}' => ' ',
        other => other,
    }
}

/// Read one cell.
pub fn parse(cell: &str) -> Result<Notation, NotationError> {
    match plain(cell) {
        Some(n) => Ok(n),
        None => parse_any(cell),
    }
}

/// The cells most tables are filled with — `613.50`, `73%`, `≥81%`,
/// `≤1839.80万元`, `9118件`, `达成` — read in one pass over their bytes,
/// without the searches the general reading does (a batch reads every
/// cell). Gives exactly what [`parse_any`] gives (a test compares the two),
/// or `None` to leave the cell to it: any other sign or comparison word,
/// whitespace around the cell, a comma, a scale or date word, a character
/// to fold, more than 18 digits.
fn plain(cell: &str) -> Option<Notation> {
    let first = cell.chars().next()?;
    // No whitespace to trim, no suffix word (`以上`, `以下`, `以内`).
    let plain_end = |s: &str| {
        s.chars()
            .next_back()
            .is_some_and(|c| !(c.is_whitespace() || matches!(c, '上' | '下' | '内')))
    };
    if !first.is_ascii() && first != '≥' && first != '≤' {
        // Words: a qualitative target or level, unless they start with a
        // comparison word or end with one.
        let word = !first.is_whitespace()
            && !starts_prefix_word(first)
            && plain_end(cell)
            && !may_fold(cell.as_bytes());
        return word.then(|| Notation::Text(cell.to_owned()));
    }
    let (op, number) = if let Some(rest) = cell.strip_prefix('≥') {
        (Some(Op::Ge), rest)
    } else if let Some(rest) = cell.strip_prefix('≤') {
        (Some(Op::Le), rest)
    } else {
        (None, cell)
    };
    let bytes = number.as_bytes();
    let (mut mantissa, mut digits, mut decimals) = (0u64, 0u32, None::<u32>);
    let mut end = 0;
    for &b in bytes {
        match b {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(b - b'0');
                digits += 1;
                if let Some(d) = &mut decimals {
                    *d += 1;
                }
                if digits > 18 {
                    return None;
                }
            }
            b'.' if decimals.is_none() && digits > 0 => decimals = Some(0),
            _ => break,
        }
        end += 1;
    }
    if digits == 0 || decimals == Some(0) {
        return None;
    }
    let unit = match &number[end..] {
        "" => Unit::None,
        "%" => Unit::Percent,
        money @ ("元" | "千元" | "万元" | "亿元") => Unit::parse(money)?,
        // A counting word (`件`, `人次`, `元/户`); 万, 亿 and 千 scale the
        // number and 月, 日, 号, 年 may start a date: those take the long way.
        count
            if !count.starts_with(|c: char| {
                c.is_whitespace() || matches!(c, '万' | '亿' | '千' | '月' | '日' | '号' | '年')
            }) && plain_end(count)
                && !may_fold(count.as_bytes()) =>
        {
            match Unit::parse(count)? {
                unit @ Unit::Count(_) => unit,
                _ => return None,
            }
        }
        _ => return None,
    };
    Some(Notation::Quantity {
        op,
        value: Quantity::from_decimal(i128::from(mantissa), decimals.unwrap_or(0), unit),
    })
}

/// Whether `c` starts one of [`PREFIX_WORDS`] (a test checks the two agree).
fn starts_prefix_word(c: char) -> bool {
    matches!(
        c,
        '大' | '不' | '至' | '小' | '控' | '高' | '多' | '超' | '低' | '少' | '等'
    )
}

/// Read any cell: signs and words before and after the value, full-width
/// characters, thousands separators, scale words, qualitative words.
/// The comparison a cell holds and nothing else (`≥`, `>=`, `＞＝`, `≧`), as
/// a 指标性质 column gives it apart from the value.
pub fn sign(cell: &str) -> Option<Op> {
    let squeezed: String = normalize(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    PREFIX_SIGNS
        .iter()
        .find(|(w, _)| *w == squeezed)
        .map(|(_, op)| *op)
}

/// The comparison sign a cell starts with (`≥95%`, `>= 95%`, `＜＝90万元`),
/// if any; comparison words (`不低于`) are not signs.
pub fn leading_sign(cell: &str) -> Option<Op> {
    let text = normalize(cell);
    PREFIX_SIGNS
        .iter()
        .find(|(w, _)| text.starts_with(w))
        .map(|(_, op)| *op)
}

fn parse_any(cell: &str) -> Result<Notation, NotationError> {
    let text = normalize(cell);
    if text.is_empty() {
        return Err(NotationError {
            message: Data::NotationEmpty,
            hint: Data::HintNotationExample,
        });
    }
    // No comparison word starts with a digit, and every suffix word ends
    // in 上, 下 or 内: most cells need no search.
    // Signs and words start differently (ASCII or `≥`/`≤`, and CJK): one
    // list is enough to search.
    let prefix = match text.chars().next() {
        Some(c) if c.is_ascii_digit() => None,
        Some(c) if c.is_ascii() || c == '≥' || c == '≤' => {
            PREFIX_SIGNS.iter().find(|(w, _)| text.starts_with(w))
        }
        _ => PREFIX_WORDS.iter().find(|(w, _)| text.starts_with(w)),
    };
    let (op, rest) = match prefix {
        Some((w, op)) => (Some(*op), text[w.len()..].trim_start()),
        None => (None, &*text),
    };
    let suffix = if rest.ends_with(['上', '下', '内']) {
        SUFFIX_WORDS.iter().find(|(w, _)| rest.ends_with(w))
    } else {
        None
    };
    let (op, rest) = match (op, suffix) {
        (None, Some((w, op))) => (Some(*op), rest[..rest.len() - w.len()].trim_end()),
        // `控制在5%以内`, `不低于90%以上`: both say the same, once is enough.
        (Some(p), Some((w, s))) if p.direction() == s.direction() => {
            (Some(p), rest[..rest.len() - w.len()].trim_end())
        }
        (Some(p), Some((w, _))) => {
            let word = &text[..text.len() - rest.len()];
            return Err(NotationError {
                message: Data::NotationOpposite {
                    first: word.trim().into(),
                    second: (*w).into(),
                },
                hint: Data::HintOneComparison {
                    example: format!("{}{}", p.symbol(), rest[..rest.len() - w.len()].trim_end()),
                },
            });
        }
        _ => (op, rest),
    };
    let starts_numeric =
        rest.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '.');
    // A comparison *word* before words (`高于预期`) is a qualitative
    // target; a comparison *sign* before words (`≥优秀`) is a mistake.
    let word_prefix = prefix.is_some_and(|(w, _)| !w.is_ascii() && !"≥≤".contains(*w));
    if (op.is_none() && !starts_numeric)
        || (word_prefix && !starts_numeric && !rest.contains(|c: char| c.is_ascii_digit()))
    {
        return Ok(Notation::Text(cell.trim().to_owned()));
    }
    let (number, unit_text) = split_number(rest);
    let Some(number) = number.filter(|n| *n != Err(ParseError::NotANumber)) else {
        // The comparison written, before the value or after it (`%以上`
        // has `以上` and no number): `rest` is no suffix of `text` then.
        let sign = prefix.or(suffix).map_or("", |(w, _)| *w);
        return Err(NotationError {
            message: if rest.is_empty() {
                Data::NotationNoNumber {
                    sign: (*sign).into(),
                }
            } else {
                Data::NotationNotNumber {
                    rest: rest.into(),
                    sign: (*sign).into(),
                }
            },
            hint: Data::HintNumberAfter {
                example: format!("{sign}95%"),
            },
        });
    };
    if let Some(bad) = misplaced_comma(&rest[..rest.len() - unit_text.len()]) {
        return Err(NotationError {
            message: Data::NotationComma { number: bad.into() },
            hint: Data::HintDecimalPoint,
        });
    }
    let number = match number {
        Ok(n) => n,
        Err(why) => {
            let figure = rest[..rest.len() - unit_text.len()].trim();
            return Err(NotationError {
                message: match why {
                    ParseError::TooManyDecimals(n) => Data::NotationTooManyDecimals {
                        figure: figure.into(),
                        decimals: n,
                        max: crate::exact::MAX_DIGITS,
                    },
                    _ => Data::NotationTooLarge {
                        figure: figure.into(),
                        max: crate::exact::MAX_DIGITS,
                    },
                },
                hint: Data::HintCheckFigure,
            });
        }
    };
    // A date (`12月底前`, `6月30日前`, `年底前`) is a deadline, read as words.
    if ["月", "日", "号", "年"]
        .iter()
        .any(|d| unit_text.starts_with(d) && unit_text.len() > d.len())
    {
        return Ok(Notation::Text(cell.trim().to_owned()));
    }
    // `5万人次`, `1.2万`: 万, 亿 and 千 before a counting word (or none)
    // scale the number; `万元`, `亿元` and `千元` are money units.
    let (number, unit_text) = match scale_word(unit_text) {
        Some((factor, after)) => (number.mul(&factor), after),
        None => (number, unit_text),
    };
    let Some(unit) = Unit::parse(unit_text) else {
        return Err(NotationError {
            message: Data::NotationUnknownUnit {
                unit: unit_text.trim().into(),
            },
            hint: Data::DataHintUnits,
        });
    };
    Ok(Notation::Quantity {
        op,
        value: Quantity::from_shown(&number, unit),
    })
}

/// `万人次` → (10000, `人次`): a number word that scales the number, unless
/// it is part of a money unit (`万元`).
fn scale_word(unit: &str) -> Option<(Exact, &str)> {
    let (factor, rest) = [
        ("万", Exact::int(10_000)),
        ("亿", Exact::int(100_000_000)),
        ("千", Exact::int(1_000)),
    ]
    .into_iter()
    .find_map(|(w, f)| unit.strip_prefix(w).map(|rest| (f, rest)))?;
    let money = matches!(Unit::parse(unit), Some(Unit::Money(_)));
    (!money).then_some((factor, rest))
}

/// The number as written, when a comma in it is not a thousands separator
/// (`1,5`, `12,34`): each comma must be followed by exactly three digits.
fn misplaced_comma(number: &str) -> Option<&str> {
    if !number.contains(',') {
        return None;
    }
    let whole = number.split('.').next().unwrap_or(number);
    let mut groups = whole.split(',');
    groups.next();
    groups.any(|g| g.len() != 3).then_some(number)
}

/// The number of decimals the first number in `cell` is written with:
/// `98.70%` → 2, `107.5%` → 1, `25` → 0.
pub fn written_decimals(cell: &str) -> u32 {
    let text = normalize(cell);
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return 0;
    };
    let digits: &str = &text[start..];
    let end = digits
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(digits.len());
    digits[..end]
        .split_once('.')
        .map_or(0, |(_, f)| u32::try_from(f.len()).unwrap_or(0))
}

/// Split `87.65万元` into `87.65` and `万元`; thousands separators allowed.
fn split_number(s: &str) -> (Option<Result<Exact, ParseError>>, &str) {
    let mut end = 0;
    let bytes = s.as_bytes();
    let mut seen_digit = false;
    let mut seen_dot = false;
    for (i, &b) in bytes.iter().enumerate() {
        let ok = match b {
            b'0'..=b'9' => {
                seen_digit = true;
                true
            }
            b'+' | b'-' if i == 0 => true,
            b'.' if !seen_dot => {
                seen_dot = true;
                true
            }
            // A thousands separator only between digits.
            b',' => seen_digit && !seen_dot && bytes.get(i + 1).is_some_and(u8::is_ascii_digit),
            _ => false,
        };
        if !ok {
            break;
        }
        end = i + 1;
    }
    if !seen_digit {
        return (None, s);
    }
    let number = &s[..end];
    let value = if number.contains(',') {
        Exact::parse(&number.replace(',', ""))
    } else {
        Exact::parse(number)
    };
    (Some(value), &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::MoneyScale;
    use crate::testing::x;

    #[test]
    fn may_fold_finds_exactly_the_characters_fold_changes() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let bytes = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(may_fold(bytes), fold(c) != c, "{c:?}");
        }
        assert!(!may_fold("≥95%".as_bytes()) && !may_fold("≤87.65万元".as_bytes()));
    }

    #[test]
    fn every_character_fold_changes_is_seen_by_its_bytes() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if fold(c) != c {
                assert!(may_fold(c.to_string().as_bytes()), "{c:?}");
            }
        }
    }

    #[test]
    fn starts_prefix_word_knows_every_first_character() {
        let firsts: std::collections::BTreeSet<char> = PREFIX_WORDS
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .collect();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(starts_prefix_word(c), firsts.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn the_plain_reading_gives_what_the_general_one_gives() {
        let prefixes = ["", "≥", "≤", ">=", "≥ ", " ", "不低于", "=", "≧", "≥≥"];
        let numbers = [
            "0",
            "00",
            "007",
            "95",
            "95.5",
            "0.50",
            "1839.80",
            "0.000",
            "100",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999.9",
            "1.",
            ".5",
            "1.2.3",
            "-5",
            "+5",
            "1,234",
            "１２",
            "",
        ];
        let suffixes = [
            "",
            "%",
            "元",
            "千元",
            "万元",
            "亿元",
            "件",
            "人次",
            "万",
            "万人次",
            "月",
            "月底前",
            "%以上",
            " %",
            "%%",
            "％",
            " ",
            "元/户",
            "百分比",
            "个月",
            "件以上",
            " 件",
            "件 ",
            "件\u{a0}",
            "千米",
            "年",
            "亿",
            "ｍ",
            "件(套)",
            "次/年",
            "人·次",
        ];
        let mut plain_ones = 0;
        let mut same = |cell: &str| {
            if let Some(fast) = plain(cell) {
                plain_ones += 1;
                let slow = parse_any(cell);
                assert_eq!(Ok(&fast), slow.as_ref(), "{cell:?}");
                // The same value.
                if let (
                    Notation::Quantity { value: a, .. },
                    Ok(Notation::Quantity { value: b, .. }),
                ) = (&fast, &slow)
                {
                    assert_eq!(a.value, b.value, "{cell:?}");
                }
            }
        };
        for p in prefixes {
            for n in numbers {
                for s in suffixes {
                    same(&format!("{p}{n}{s}"));
                }
            }
        }
        for word in [
            "达成",
            "按时完成",
            "达成年度指标",
            "不低于上年",
            "高于预期",
            "12月底前",
            "以上",
            "达到预期以上",
            "大幅提升",
            " 达成",
            "达成 ",
            "优",
            "≥优秀",
            "达成\u{3000}",
            "Ａ级",
            "效果明显",
            "件/件2万元",
            "是",
            "\u{a0}是",
            "等同",
            "控制在合理范围内",
            "达成年度指标值",
        ] {
            same(word);
        }
        // At least 3 signs × 11 numbers × 13 units took the plain path (and
        // words, some of them made above with an empty number).
        assert!(plain_ones > 3 * 11 * 13, "{plain_ones}");
        // The common cells do take it.
        for cell in [
            "613.50",
            "73%",
            "≥81%",
            "≤1839.80万元",
            "1655.82万元",
            "100",
            "9118件",
            "≥11753人次",
            "≤5300元/户",
            "达成",
            "按时完成",
        ] {
            assert!(plain(cell).is_some(), "{cell}");
        }
    }

    fn q(cell: &str) -> (Option<Op>, Quantity) {
        match parse(cell) {
            Ok(Notation::Quantity { op, value }) => (op, value),
            other => panic!("{cell}: {other:?}"),
        }
    }

    #[test]
    fn reads_the_notations_people_write() {
        assert_eq!(
            q("≥95%"),
            (Some(Op::Ge), Quantity::from_shown(&x("95"), Unit::Percent))
        );
        assert_eq!(q(">=95%").0, Some(Op::Ge));
        assert_eq!(q("≤87.65万元").1.value, x("876500"));
        assert_eq!(q("≤87.65万元").1.unit, Unit::Money(MoneyScale::Wan));
        assert_eq!(
            q("=12个"),
            (
                Some(Op::Eq),
                Quantity::from_shown(&x("12"), Unit::Count("个".into()))
            )
        );
        assert_eq!(q("﹦100 %").0, Some(Op::Eq));
        assert_eq!(
            q("100%"),
            (None, Quantity::from_shown(&x("100"), Unit::Percent))
        );
        assert_eq!(q("不低于90%").0, Some(Op::Ge));
        assert_eq!(q("不超过87.65万元").0, Some(Op::Le));
        assert_eq!(q("90%以上").0, Some(Op::Ge));
        assert_eq!(q(">=21,933人").1.value, x("21933"));
        assert_eq!(
            q("≥100百分比").1,
            Quantity::from_shown(&x("100"), Unit::Percent)
        );
        assert_eq!(q("９５％").1, Quantity::from_shown(&x("95"), Unit::Percent));
        assert_eq!(q("<=5300元/户").1.unit, Unit::Count("元/户".into()));
        assert_eq!(q("132.9").1, Quantity::number(x("132.9")));
    }

    #[test]
    fn words_are_text() {
        assert_eq!(parse("达成").ok(), Some(Notation::Text("达成".into())));
        assert_eq!(
            parse("按时完成").ok(),
            Some(Notation::Text("按时完成".into()))
        );
        assert_eq!(
            parse("件/件2万元").ok(),
            Some(Notation::Text("件/件2万元".into()))
        );
    }

    #[test]
    fn the_notations_of_real_tables() {
        // A prefix and a suffix that agree.
        assert_eq!(
            q("控制在5%以内"),
            (Some(Op::Le), Quantity::from_shown(&x("5"), Unit::Percent))
        );
        assert_eq!(q("不低于90%以上").0, Some(Op::Ge));
        assert_eq!(
            q("90%及以上"),
            (Some(Op::Ge), Quantity::from_shown(&x("90"), Unit::Percent))
        );
        // 万, 亿 and 千 scale the number; 万元 stays money.
        assert_eq!(
            q("≥5万人次").1,
            Quantity::from_shown(&x("50000"), Unit::Count("人次".into()))
        );
        assert_eq!(q("1.2万").1, Quantity::number(x("12000")));
        assert_eq!(q("≤87.65万元").1.unit, Unit::Money(MoneyScale::Wan));
        assert_eq!(
            q("5万元/户").1,
            Quantity::from_shown(&x("50000"), Unit::Count("元/户".into()))
        );
        // Deadlines and comparisons in words are qualitative targets.
        for text in [
            "12月底前",
            "6月30日前",
            "2023年底前",
            "高于预期",
            "不低于上年",
        ] {
            assert_eq!(
                parse(text).ok(),
                Some(Notation::Text(text.into())),
                "{text}"
            );
        }
        // A thousands separator still works.
        assert_eq!(q("1,234,567元").1.value, x("1234567"));
    }

    #[test]
    fn misleading_notations_are_errors() {
        // `1,5` is not 15.
        let e = parse("1,5").expect_err("a decimal comma");
        assert_eq!(
            e.message,
            Data::NotationComma {
                number: "1,5".into()
            }
        );
        assert!(parse("≥12,34%").is_err());
        // Opposite comparisons.
        let e = parse("不低于90%以下").expect_err("opposite");
        assert_eq!(
            e.message.render(crate::catalogue::Lang::En),
            "`不低于` and `以下` say opposite things"
        );
        assert_eq!(
            e.message.render(crate::catalogue::Lang::Zh),
            "“不低于”与“以下”含义相反"
        );
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(parse("≥").is_err());
        assert!(parse("").is_err());
        assert!(parse("≥优秀").is_err());
        assert!(parse("≥95%%%%%%%%%%").is_err());
    }
}
