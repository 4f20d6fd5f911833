//! Frameworks for the formatter's properties: bundled frameworks with their
//! whitespace, comments and punctuation rewritten, and random frameworks
//! written with random layout. Seeded, so a failure can be replayed.

/// A small seeded pseudo-random sequence (xorshift64*).
pub(super) struct Rng(u64);

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    /// True one time in `n`.
    fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// A piece of framework text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Code,
    /// A string literal, kept byte for byte.
    Text,
    /// A comment, up to its line break.
    Comment,
}

/// Split framework text into code, string literals and comments.
fn pieces(src: &str) -> Vec<(Piece, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let bytes = src.as_bytes();
    fn push<'s>(
        out: &mut Vec<(Piece, &'s str)>,
        src: &'s str,
        kind: Piece,
        from: usize,
        to: usize,
    ) {
        if to > from {
            out.push((kind, &src[from..to]));
        }
    }
    while i < src.len() {
        let rest = &src[i..];
        let (kind, len) = if let Some(body) = rest.strip_prefix("\"\"\"") {
            (
                Piece::Text,
                body.find("\"\"\"").map_or(rest.len(), |e| e + 6),
            )
        } else if rest.starts_with('"') {
            let mut j = 1;
            while j < rest.len() && bytes[i + j] != b'"' {
                j += if bytes[i + j] == b'\\' { 2 } else { 1 };
            }
            (Piece::Text, (j + 1).min(rest.len()))
        } else if rest.starts_with('“') {
            (
                Piece::Text,
                rest.find('”').map_or(rest.len(), |e| e + '”'.len_utf8()),
            )
        } else if rest.starts_with("//") || rest.starts_with('#') {
            (Piece::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        push(&mut out, src, Piece::Code, start, i);
        push(&mut out, src, kind, i, i + len);
        i += len;
        start = i;
    }
    push(&mut out, src, Piece::Code, start, src.len());
    out
}

/// The comments of framework text, in order.
pub(super) fn comments(src: &str) -> Vec<String> {
    pieces(src)
        .into_iter()
        .filter(|(k, _)| *k == Piece::Comment)
        .map(|(_, t)| t.trim_end().to_owned())
        .collect()
}

/// Full-width and other accepted forms of the ASCII punctuation, as they
/// may replace it outside strings and comments.
const OTHER_FORMS: &[(&str, &str)] = &[
    ("{", "｛"),
    ("}", "｝"),
    ("(", "（"),
    (")", "）"),
    (",", "，"),
    (":", "："),
    (";", "；"),
    ("%", "％"),
    ("..", "…"),
    ("=>", "→"),
    (" >= ", " ≥ "),
    (" <= ", " ≤ "),
    (" != ", " ≠ "),
    (" * ", " × "),
    (" / ", " ÷ "),
    (" - ", " − "),
    (" + ", " ＋ "),
    (" = ", " ＝ "),
    (" and ", " && "),
    (" or ", " || "),
];

/// Canonical framework text rewritten the way people write: other forms
/// of punctuation, other spaces and indentation, extra blank lines. With
/// `wild`, also comments inserted and line breaks added or removed, so the
/// layout (not the meaning) changes.
pub(super) fn perturb(src: &str, rng: &mut Rng, wild: bool) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    let mut after_comment = false;
    let mut comments = 0;
    for (kind, text) in pieces(src) {
        if kind != Piece::Code {
            out.push_str(text);
            after_comment = kind == Piece::Comment;
            continue;
        }
        let code = other_forms(text, rng);
        let mut chars = code.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if !is_space(c) {
                out.push(c);
                after_comment = false;
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !is_space(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let run = &code[i..end];
            let breaks = run.matches('\n').count();
            out.push_str(&respace(breaks, after_comment, wild, rng, &mut comments));
            after_comment = false;
        }
    }
    out
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{3000}')
}

fn other_forms(code: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let mut rest = code;
    'next: while let Some(c) = rest.chars().next() {
        for (ascii, other) in OTHER_FORMS {
            if rest.starts_with(ascii) && rng.one_in(3) {
                out.push_str(other);
                rest = &rest[ascii.len()..];
                continue 'next;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whitespace in place of a run with `breaks` line breaks.
fn respace(
    breaks: usize,
    after_comment: bool,
    wild: bool,
    rng: &mut Rng,
    comments: &mut usize,
) -> String {
    let indent = rng.pick(&["", " ", "  ", "\t", "\u{3000}", "      "]);
    if wild && rng.one_in(4) {
        *comments += 1;
        let mark = rng.pick(&["//", "#", "// ："]);
        let lead = if after_comment {
            "\n"
        } else {
            rng.pick(&[" ", "\n", "\n\n"])
        };
        return format!("{lead}{mark} c{comments}\n{indent}");
    }
    if wild && !after_comment && rng.one_in(3) {
        return rng.pick(&[" ", "\n  ", "\t"]).to_owned();
    }
    match breaks {
        0 => rng.pick(&[" ", "  ", "\t", " \u{3000}"]).to_owned(),
        1 => format!("\n{indent}"),
        _ => format!("{}{indent}", "\n".repeat(2 + rng.below(2))),
    }
}

/// A random framework, syntactically valid, in a random layout.
pub(super) fn framework(rng: &mut Rng) -> String {
    let mut g = Gen {
        rng,
        out: String::new(),
        comments: 0,
    };
    g.framework();
    g.out
}

struct Gen<'r> {
    rng: &'r mut Rng,
    out: String,
    comments: usize,
}

const NAMES: &[&str] = &[
    "全年预算数",
    "执行率",
    "a",
    "rate_2023",
    "数量指标",
    "优",
    "产出",
];
const TEXTS: &[&str] = &[
    "\"优 秀\"",
    "“达成”",
    "\"N/A\"",
    "\"a\\\"b\"",
    "\"{执行率} 低\"",
];

impl Gen<'_> {
    fn t(&mut self, text: &str) {
        self.out.push_str(text);
    }

    fn pick(&mut self, xs: &[&str]) {
        let x = self.rng.pick(xs);
        self.t(x);
    }

    fn comment(&mut self) -> String {
        self.comments += 1;
        format!(" // c{}\n", self.comments)
    }

    /// Whitespace between two words.
    fn w(&mut self) {
        let s = match self.rng.below(12) {
            0 => self.comment(),
            1 => "\n".to_owned(),
            2 => "\n    ".to_owned(),
            3 => "\t".to_owned(),
            4 => "\u{3000}".to_owned(),
            _ => " ".to_owned(),
        };
        self.t(&s);
    }

    /// Whitespace next to punctuation, often none.
    fn o(&mut self) {
        let s = match self.rng.below(10) {
            0 => self.comment(),
            1 => "\n".to_owned(),
            2 | 3 => " ".to_owned(),
            _ => String::new(),
        };
        self.t(&s);
    }

    /// Between two statements.
    fn between(&mut self) {
        let s = match self.rng.below(7) {
            0 => self.comment(),
            1 => ";".to_owned(),
            2 => " ；".to_owned(),
            3 => " ".to_owned(),
            4 => "\n\n\n".to_owned(),
            _ => "\n".to_owned(),
        };
        self.t(&s);
    }

    fn name(&mut self) {
        if self.rng.one_in(3) {
            self.pick(TEXTS);
        } else {
            self.pick(NAMES);
        }
    }

    fn open(&mut self) {
        self.o();
        self.pick(&["{", "{", "｛"]);
        self.o();
    }

    fn close(&mut self) {
        self.o();
        // A unit runs on into `｝` (it is not one of the characters that
        // end a unit), so the full-width brace gets a space before it.
        self.pick(&["}", "}", " ｝"]);
    }

    fn block(&mut self, max: usize, mut item: impl FnMut(&mut Self)) {
        self.open();
        let n = self.rng.below(max + 1);
        for i in 0..n {
            if i > 0 {
                self.between();
            }
            item(self);
        }
        self.close();
    }

    fn framework(&mut self) {
        if self.rng.one_in(2) {
            let c = self.comment();
            self.t(c.trim_start());
        }
        self.t("framework");
        self.w();
        self.pick(&["t", "cn-self-eval-2020", "x.y_1"]);
        if self.rng.one_in(2) {
            self.w();
            self.pick(TEXTS);
        }
        if self.rng.one_in(4) {
            self.w();
            self.t("extends");
            self.w();
            self.t("p");
        }
        self.block(12, Self::item);
        if self.rng.one_in(2) {
            let c = self.comment();
            self.t(&c);
        }
    }

    fn item(&mut self) {
        match self.rng.below(16) {
            0 => {
                self.t("basis");
                self.w();
                self.pick(TEXTS);
            }
            1 => {
                self.t("total");
                self.w();
                self.pick(&["100", "99.5"]);
            }
            2 => {
                self.t("round");
                self.w();
                self.pick(&["0", "2", "10"]);
                if self.rng.one_in(2) {
                    self.w();
                    self.pick(&["half-up", "half-even", "down", "up"]);
                    self.w();
                    self.pick(&["per-leaf", "per-group", "total-only"]);
                }
            }
            3 => {
                self.t("years");
                self.w();
                self.t("2019");
                self.o();
                self.pick(&["..", "…", "～", "~"]);
                if self.rng.one_in(2) {
                    self.o();
                    self.t("2022");
                }
            }
            4 => {
                self.t("grades");
                self.block(5, |g| {
                    g.name();
                    match g.rng.below(3) {
                        0 => {}
                        1 => {
                            g.w();
                            g.pick(&[">=", "≥", "≧"]);
                            g.w();
                            g.pick(&["90", "79.5", "0"]);
                        }
                        _ => {
                            g.w();
                            g.t("when");
                            g.w();
                            g.expr(1);
                        }
                    }
                });
            }
            5 => self.input(),
            6 => {
                self.t("let");
                self.w();
                self.pick(NAMES);
                if self.rng.one_in(2) {
                    self.o();
                    self.pick(&[":", "："]);
                    self.o();
                    self.ty();
                }
                self.o();
                self.pick(&["=", "＝"]);
                self.w();
                self.expr(3);
            }
            7 => self.require(),
            8 | 9 => self.node(2),
            10 => self.scoring(),
            11 => {
                self.t("answers");
                self.w();
                self.pick(&["yes-no", "extent"]);
                self.block(4, |g| {
                    g.name();
                    g.w();
                    g.pick(&["100%", "67％", "skip"]);
                });
            }
            12 => {
                let reweight = self.rng.one_in(2);
                self.t(if reweight { "reweight" } else { "remove" });
                self.w();
                self.path();
                if reweight {
                    self.w();
                    self.t("40");
                }
            }
            13 => {
                self.t("within");
                self.w();
                self.path();
                self.block(3, |g| g.node(1));
            }
            14 => self.test(),
            _ => {
                self.t("language");
                self.w();
                self.pick(&["zh", "en"]);
            }
        }
    }

    fn path(&mut self) {
        self.name();
        if self.rng.one_in(2) {
            self.o();
            self.t("/");
            self.o();
            self.name();
        }
    }

    fn ty(&mut self) {
        match self.rng.below(4) {
            0 => self.pick(&["money", "percent", "number", "text", "count"]),
            1 => {
                // `count(…)` is one token: spaces, but no comment, inside.
                self.pick(&["count(人次)", "count （个）", "count\n( 天 )"]);
            }
            2 => {
                self.t("level");
                self.o();
                self.pick(&["(", "（"]);
                self.o();
                self.name();
                self.o();
                self.pick(&[",", "，", "、"]);
                self.o();
                self.name();
                self.o();
                self.pick(&[")", "）"]);
            }
            _ => self.t("money"),
        }
    }

    fn input(&mut self) {
        self.t("input");
        self.w();
        self.pick(NAMES);
        self.o();
        self.pick(&[":", "："]);
        self.o();
        self.ty();
        for _ in 0..self.rng.below(3) {
            self.w();
            match self.rng.below(3) {
                0 => {
                    self.t("default");
                    self.w();
                    self.pick(&["0元", "80%", "\"一般\""]);
                }
                1 => {
                    self.t("from");
                    self.w();
                    self.pick(&["funds.budget", "project.year"]);
                }
                _ => {
                    self.t("label");
                    self.w();
                    self.pick(TEXTS);
                }
            }
        }
    }

    fn require(&mut self) {
        self.t("require");
        self.w();
        self.expr(2);
        self.w();
        self.t("else");
        self.w();
        self.pick(&["warn", "error"]);
        self.w();
        self.pick(TEXTS);
    }

    /// A node inside a group (`depth` levels of groups more at most);
    /// at framework level (`depth` ≥ 2) only indicators and groups.
    fn node(&mut self, depth: usize) {
        let kind = if depth >= 2 {
            1 + 2 * self.rng.below(2)
        } else {
            self.rng.below(if depth == 0 { 3 } else { 4 })
        };
        match kind {
            0 => {
                self.t("slot");
                self.w();
                self.name();
                if self.rng.one_in(2) {
                    self.w();
                    self.t("weight 10");
                }
                if self.rng.one_in(3) {
                    self.block(2, Self::scoring);
                }
            }
            1 => {
                self.t("indicator");
                self.w();
                self.name();
                self.w();
                self.t("weight");
                self.w();
                self.t("10");
                self.block(4, |g| match g.rng.below(5) {
                    0 => g.t("rated"),
                    1 => g.require(),
                    k => {
                        g.pick(&[["target", "actual", "score"][k - 2]]);
                        g.w();
                        g.expr(3);
                    }
                });
            }
            2 => {
                self.t("question");
                self.w();
                self.pick(&["\"1.1\"", "\"2.7\""]);
                if self.rng.one_in(2) {
                    self.w();
                    self.pick(TEXTS);
                }
                self.w();
                self.t("answers");
                self.w();
                self.t("yes-no");
                if self.rng.one_in(2) {
                    self.w();
                    self.t("weight 2");
                }
            }
            _ => {
                self.t("group");
                self.w();
                self.name();
                self.w();
                self.t("weight 50");
                if self.rng.one_in(3) {
                    self.w();
                    self.t("renormalize");
                }
                self.block(4, |g| g.node(depth - 1));
            }
        }
    }

    fn scoring(&mut self) {
        self.t("scoring");
        self.w();
        if self.rng.one_in(2) {
            self.t("qualitative");
            self.block(4, |g| {
                if g.rng.one_in(4) {
                    g.t("default");
                    g.w();
                    g.pick(&["upper", "middle", "lower"]);
                    return;
                }
                g.name();
                g.w();
                g.pick(&["80%", "60％"]);
                g.o();
                g.pick(&["..", "…", "～", "~"]);
                g.o();
                g.pick(&["100%", "80％"]);
                if g.rng.one_in(2) {
                    g.w();
                    g.t("also");
                    g.w();
                    g.pick(TEXTS);
                    for _ in 0..g.rng.below(3) {
                        g.o();
                        g.pick(&[",", "，", "、"]);
                        g.o();
                        g.pick(TEXTS);
                    }
                }
            });
        } else {
            self.pick(&["at-least", "at-most", "equals"]);
            self.block(3, |g| match g.rng.below(3) {
                0 => {
                    g.t("score");
                    g.w();
                    g.expr(3);
                }
                1 => g.require(),
                _ => {
                    g.t("allow");
                    g.w();
                    g.t("deduction");
                    g.w();
                    g.t("when");
                    g.w();
                    g.expr(2);
                }
            });
        }
    }

    fn test(&mut self) {
        self.t("test");
        self.w();
        self.pick(TEXTS);
        self.block(4, |g| {
            if g.rng.one_in(3) {
                g.t("data");
                g.w();
                g.pick(&[
                    "\"examples/x.toml\"",
                    "\"\"\"\n  year = 2022\n\t[funds] \n\"\"\"",
                ]);
                return;
            }
            g.t("expect");
            g.w();
            match g.rng.below(5) {
                0 => g.t("total 99.87"),
                1 => {
                    g.t("grade");
                    g.w();
                    g.name();
                }
                2 => {
                    g.t("score");
                    g.w();
                    g.path();
                    g.w();
                    g.t("2");
                }
                3 => {
                    g.t("warning");
                    g.w();
                    g.pick(&["PF3009", "\"106.25%\""]);
                }
                _ => {
                    g.t("error");
                    g.w();
                    g.pick(&["PF3005", "\"x\""]);
                }
            }
        });
    }

    fn expr(&mut self, depth: usize) {
        if depth == 0 || self.rng.one_in(3) {
            return self.primary(depth);
        }
        match self.rng.below(3) {
            0 => {
                self.pick(&["-", "−", "not ", "!"]);
                self.primary(depth - 1);
            }
            _ => {
                self.expr(depth - 1);
                self.w();
                self.pick(&[
                    "+", "－", "*", "×", "/", "÷", "==", "!=", "≠", "<", "<=", "≤", ">", ">=", "≥",
                    "and", "&&", "or", "||",
                ]);
                self.w();
                self.expr(depth - 1);
            }
        }
    }

    fn primary(&mut self, depth: usize) {
        match self.rng.below(if depth == 0 { 4 } else { 9 }) {
            0 => {
                self.pick(&["0", "95", "87.65", "100"]);
                self.pick(&["", "%", "％", "万元", "元", "个", "人次"]);
            }
            1 => self.pick(NAMES),
            2 => self.pick(TEXTS),
            3 => self.pick(&["true", "false", "weight", "actual", "target"]),
            4 => {
                self.pick(&["min", "max", "abs"]);
                self.o();
                self.pick(&["(", "（"]);
                self.o();
                self.expr(depth - 1);
                for _ in 0..self.rng.below(3) {
                    self.o();
                    self.pick(&[",", "，"]);
                    self.o();
                    self.expr(depth - 1);
                }
                self.o();
                self.pick(&[")", "）"]);
            }
            5 => {
                self.pick(&["(", "（"]);
                self.o();
                self.expr(depth - 1);
                self.o();
                self.pick(&[")", "）"]);
            }
            6 => {
                self.t("if");
                self.w();
                self.expr(depth - 1);
                self.w();
                self.t("then");
                self.w();
                self.expr(depth - 1);
                self.w();
                self.t("else");
                self.w();
                self.expr(depth - 1);
            }
            7 => {
                self.t("tiers");
                self.w();
                self.pick(NAMES);
                self.open();
                for _ in 0..self.rng.below(3) {
                    self.pick(&["<=", "≤", ">=", "<", ">", "=="]);
                    self.w();
                    self.pick(&["0%", "10％", "1 + 2", "-5"]);
                    self.o();
                    self.pick(&["=>", " →"]);
                    self.o();
                    self.pick(&["5", "4", "2 * 2"]);
                    self.between();
                }
                self.t("otherwise");
                self.o();
                self.pick(&["=>", " →"]);
                self.o();
                self.t("0");
                self.close();
            }
            _ => self.t("skip"),
        }
    }
}
