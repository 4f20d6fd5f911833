//! What lies between two tokens the parser keeps: whitespace, comments and
//! the punctuation of silent rules (`{`, `,`, `;`, `..` …), found by byte
//! position because `COMMENT` and the punctuation rules are silent.
//!
//! A gap never holds a string or any other token, so a `//` or `#` in it
//! always starts a comment, and every other character that is not
//! whitespace is punctuation the printer writes again in its own form.

/// One comment in a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Comment<'s> {
    /// `// …` or `# …`, without the line break and trailing spaces.
    pub text: &'s str,
    /// Line breaks between the previous comment (or the gap's start) and
    /// this one: 0 for a comment at the end of a line of code.
    pub breaks_before: usize,
}

/// The comments of a gap and the line breaks after the last of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Gap<'s> {
    /// The comments, in order.
    pub comments: Vec<Comment<'s>>,
    /// Line breaks after the last comment (or in the whole gap).
    pub breaks_after: usize,
}

/// Read a gap.
pub(super) fn scan(text: &str) -> Gap<'_> {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut breaks = 0;
    let mut i = 0;
    while i < bytes.len() {
        if starts_comment(bytes, i) {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            comments.push(Comment {
                text: text[i..end].trim_end(),
                breaks_before: breaks,
            });
            breaks = 0;
            i = end;
        } else {
            // Bytes of a multi-byte character are never `\n`, `/` or `#`.
            if bytes[i] == b'\n' {
                breaks += 1;
            }
            i += 1;
        }
    }
    Gap {
        comments,
        breaks_after: breaks,
    }
}

/// The byte offset of the first of `chars` in `text` at or after `from`,
/// outside comments.
pub(super) fn find(text: &str, from: usize, chars: &[char]) -> Option<usize> {
    let rest = text.get(from..)?;
    let bytes = rest.as_bytes();
    let mut skip_to = 0;
    for (i, c) in rest.char_indices() {
        if i < skip_to {
            continue;
        }
        if starts_comment(bytes, i) {
            skip_to = rest[i..].find('\n').map_or(rest.len(), |n| i + n);
        } else if chars.contains(&c) {
            return Some(from + i);
        }
    }
    None
}

fn starts_comment(bytes: &[u8], i: usize) -> bool {
    bytes[i] == b'#' || bytes[i..].starts_with(b"//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_breaks() {
        let g = scan(" { // a\n\n  # b  \r\n  ; ");
        assert_eq!(
            g.comments,
            [
                Comment {
                    text: "// a",
                    breaks_before: 0
                },
                Comment {
                    text: "# b",
                    breaks_before: 2
                }
            ]
        );
        assert_eq!(g.breaks_after, 1);
    }

    #[test]
    fn find_skips_comments() {
        assert_eq!(find("  // }\n }", 0, &['}']), Some(8));
        assert_eq!(find(" a/b }", 0, &['}']), Some(5));
        assert_eq!(find(" ｝", 0, &['}', '｝']), Some(1));
        assert_eq!(find(" ) ", 0, &['}']), None);
    }
}
