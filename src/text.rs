//! Trimming table cells: most neither start nor end with bytes that a
//! whitespace character can have, and need no look at their characters
//! (every cell of a batch is trimmed, some of them several times).

use std::ops::Range;

/// `text.trim()`, without decoding characters when the first and last bytes
/// show that there is nothing to trim.
pub fn trim(text: &str) -> &str {
    text.get(trim_range(text)).unwrap_or_default()
}

/// Where `text.trim()` is in `text`. Most cells neither start nor end
/// with bytes a whitespace character can have, and need no look at their
/// characters.
#[inline]
pub fn trim_range(text: &str) -> Range<usize> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        0..0
    } else if may_start_space(bytes) || may_end_space(bytes) {
        trim_chars(text)
    } else {
        0..text.len()
    }
}

/// [`trim_range`] by looking at the characters, apart so that the usual
/// case is inlined.
#[inline(never)]
fn trim_chars(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start().len();
    start..text.trim_end().len().max(start)
}

/// Whether UTF-8 `text` may start with a character that
/// [`char::is_whitespace`] accepts, from its first two bytes: tab to
/// carriage return, space, U+0085 and U+00A0 (C2 …), U+1680 (E1 9A …),
/// U+2000–U+205F (E2 80 …, E2 81 …) and U+3000 (E3 80 …).
#[inline]
fn may_start_space(text: &[u8]) -> bool {
    match text {
        [b, ..] if b.is_ascii() => matches!(b, 0x09..=0x0D | b' '),
        [0xC2, ..] => true,
        [0xE1..=0xE3, second, ..] => matches!(second, 0x80 | 0x81 | 0x9A),
        _ => false,
    }
}

/// Whether UTF-8 `text` may end with such a character, from its last two
/// bytes: the last byte of an ASCII one, or the last two of the others
/// (C2 85, C2 A0, 9A 80, 80 80–8A, 80 A8, 80 A9, 80 AF, 81 9F).
#[inline]
fn may_end_space(text: &[u8]) -> bool {
    match text {
        [.., b] if b.is_ascii() => matches!(b, 0x09..=0x0D | b' '),
        [.., 0x80 | 0x81 | 0x9A | 0xC2, _] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_said_not_to_start_or_end_with_whitespace_does_not() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let first = format!("{c}x");
            let last = format!("x{c}");
            if c.is_whitespace() {
                assert!(may_start_space(first.as_bytes()), "{c:?}");
                assert!(may_end_space(last.as_bytes()), "{c:?}");
                assert!(may_end_space(c.to_string().as_bytes()), "{c:?}");
            }
        }
    }

    #[test]
    fn trims_as_str_trim() {
        for text in [
            "",
            " ",
            "\u{3000}",
            "a",
            "项目",
            " 项目 ",
            "\u{3000}项目\u{3000}",
            "\t1\r\n",
            "x\u{85}",
            "\u{a0}y",
            "\u{2003}中\u{2029}",
            " \u{3000} ",
        ] {
            let range = trim_range(text);
            assert_eq!(text.get(range), Some(text.trim()), "{text:?}");
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for text in ["", " a ", "\u{3000}中\u{3000}", "中", "a b"] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }
}
