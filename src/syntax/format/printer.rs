//! The output side of the formatter: lines, indentation, the space or line
//! break before each token, and the comments found in the gap before it.
//!
//! The printer walks the source once, token by token. Before a token it
//! reads the gap since the previous one ([`gap::scan`]): every comment in it
//! is written (a comment that followed code on its line stays at the end of
//! that line; any other gets a line of its own), then the token is placed
//! as its [`Sep`] says, keeping the writer's line break where a space would
//! go inside a statement.

use super::gap;
use unicode_width::UnicodeWidthStr;

/// Columns of one level of indentation.
pub(super) const INDENT: usize = 2;
/// Extra columns of a statement's continuation lines.
const CONTINUATION: usize = 4;

/// What goes before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sep {
    /// Nothing (`min` `(`); a line break in the source is dropped.
    Glue,
    /// One space; a line break in the source is dropped.
    Tight,
    /// One space, or the writer's line break (then a continuation line).
    Space,
    /// This many spaces (to align a column), or the writer's line break.
    Pad(usize),
    /// One space, or the writer's line break to this column (`then` and
    /// `else` under their `if`).
    Align(usize),
    /// A statement of a block laid out one statement a line; `blank`: a
    /// blank line before it (and before the comments above it).
    Stmt {
        /// Force a blank line before it.
        blank: bool,
    },
    /// A statement after another on the line of an inline block: `; `.
    Semi,
    /// The `}` of a block laid out one statement a line.
    Close,
    /// The end of the file.
    End,
}

/// The formatted text being written.
pub(super) struct Printer<'s> {
    /// The source.
    pub src: &'s str,
    out: String,
    eol: &'static str,
    /// Source consumed so far (a byte offset).
    pub pos: usize,
    /// Block depth of the current statement.
    pub indent: usize,
    /// Column of the current statement's continuation lines.
    pub cont: usize,
    col: usize,
    line_empty: bool,
    after_open: bool,
    last_blank: bool,
    /// Byte ranges of the string literals, sorted: line breaks inside them
    /// say nothing about layout.
    strings: Vec<(usize, usize)>,
}

impl<'s> Printer<'s> {
    /// A printer for `src`, whose string literals are at `strings` (sorted).
    pub fn new(src: &'s str, strings: Vec<(usize, usize)>) -> Self {
        // Keep the file's line ending: CRLF if its first line ends so.
        let eol = match src.find('\n') {
            Some(i) if src[..i].ends_with('\r') => "\r\n",
            _ => "\n",
        };
        Printer {
            src,
            out: String::with_capacity(src.len() + src.len() / 8),
            eol,
            pos: 0,
            indent: 0,
            cont: CONTINUATION,
            col: 0,
            line_empty: true,
            after_open: false,
            last_blank: false,
            strings,
        }
    }

    /// The formatted text.
    pub fn finish(self) -> String {
        self.out
    }

    /// Whether the source has a line break between `from` and `to` outside
    /// string literals.
    pub fn has_break(&self, from: usize, to: usize) -> bool {
        let Some(text) = self.src.get(from..to) else {
            return false;
        };
        text.match_indices('\n').any(|(i, _)| {
            let at = from + i;
            let k = self.strings.partition_point(|&(start, _)| start <= at);
            k == 0 || self.strings[k - 1].1 <= at
        })
    }

    /// Write a token that is at `start..end` in the source as `text`, with
    /// `sep` before it; returns the column it starts at.
    pub fn token(&mut self, start: usize, end: usize, text: &str, sep: Sep) -> usize {
        let col = self.place(start, sep);
        self.write(text);
        self.pos = self.pos.max(end);
        col
    }

    /// Write punctuation the grammar does not keep, right after the last
    /// token (`:`, ` =`, `..`, ` {`).
    pub fn punct(&mut self, text: &str) {
        self.write(text);
    }

    /// Write a punctuation mark found in the source at the first of `chars`
    /// after the last token (an opening or closing bracket), with `sep`.
    pub fn mark(&mut self, chars: &[char], text: &str, sep: Sep) {
        let at = gap::find(self.src, self.pos, chars).unwrap_or(self.pos);
        let len = self.src[at..].chars().next().map_or(0, char::len_utf8);
        self.token(at, at + len, text, sep);
    }

    /// Say that the line just written opens a block: no blank line follows.
    pub fn opened(&mut self) {
        self.after_open = true;
    }

    /// The width `f` writes on one line, from the source offset `from`, or
    /// `None` if it breaks the line; nothing is kept of what it writes.
    pub fn measure(&mut self, from: usize, f: impl FnOnce(&mut Self)) -> Option<usize> {
        let saved = (
            self.out.len(),
            self.pos,
            self.col,
            self.line_empty,
            self.after_open,
            self.last_blank,
            self.cont,
        );
        self.pos = from;
        self.line_empty = false;
        let start = self.col;
        f(self);
        let width = (!self.out[saved.0..].contains('\n')).then(|| self.col - start);
        self.out.truncate(saved.0);
        (
            _,
            self.pos,
            self.col,
            self.line_empty,
            self.after_open,
            self.last_blank,
            self.cont,
        ) = saved;
        width
    }

    /// Write the comments of the gap before `until`, then what `sep` puts
    /// before the token there; returns the token's column.
    fn place(&mut self, until: usize, sep: Sep) -> usize {
        let gap = gap::scan(self.src.get(self.pos..until).unwrap_or(""));
        let own_col = match sep {
            Sep::Stmt { .. } | Sep::End => self.indent * INDENT,
            Sep::Close => (self.indent + 1) * INDENT,
            Sep::Align(col) => col,
            _ => self.cont,
        };
        let mut blank = matches!(sep, Sep::Stmt { blank: true });
        for c in &gap.comments {
            if c.breaks_before == 0 && !self.line_empty {
                // It ends a line of code: keep it there.
                let after_open = self.after_open;
                self.write(" ");
                self.write(c.text);
                self.after_open = after_open;
                self.newline();
            } else {
                if !self.line_empty {
                    self.newline();
                }
                if blank || c.breaks_before >= 2 {
                    self.blank();
                }
                blank = false;
                self.spaces(own_col);
                self.write(c.text);
                self.newline();
            }
        }
        match sep {
            Sep::Stmt { .. } => {
                if !self.line_empty {
                    self.newline();
                }
                if blank || gap.breaks_after >= 2 {
                    self.blank();
                }
                self.spaces(own_col);
                self.cont = own_col + CONTINUATION;
            }
            Sep::Close => {
                if !self.line_empty {
                    self.newline();
                }
                self.spaces(self.indent * INDENT);
            }
            Sep::End => {
                if !self.line_empty {
                    self.newline();
                }
            }
            Sep::Glue | Sep::Tight | Sep::Semi => {
                if self.line_empty {
                    self.spaces(own_col);
                } else {
                    self.write(match sep {
                        Sep::Tight => " ",
                        Sep::Semi => "; ",
                        _ => "",
                    });
                }
            }
            Sep::Space | Sep::Pad(_) | Sep::Align(_) => {
                if self.line_empty {
                    self.spaces(own_col);
                } else if gap.breaks_after > 0 {
                    self.newline();
                    self.spaces(own_col);
                } else {
                    let n = match sep {
                        Sep::Pad(n) => n.max(1),
                        _ => 1,
                    };
                    self.spaces(n);
                }
            }
        }
        self.col
    }

    fn write(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.out.push_str(text);
        match text.rfind('\n') {
            Some(i) => self.col = text[i + 1..].width(),
            None => self.col += text.width(),
        }
        self.line_empty = false;
        self.after_open = false;
        self.last_blank = false;
    }

    fn spaces(&mut self, n: usize) {
        for _ in 0..n {
            self.out.push(' ');
        }
        self.col += n;
        if n > 0 {
            self.line_empty = false;
        }
    }

    fn newline(&mut self) {
        self.out.push_str(self.eol);
        self.col = 0;
        self.line_empty = true;
    }

    /// An empty line, unless the last line opened a block, nothing is
    /// written yet, or the last line is already empty.
    fn blank(&mut self) {
        if !(self.after_open || self.out.is_empty() || self.last_blank) {
            self.out.push_str(self.eol);
            self.last_blank = true;
        }
    }
}
