//! The message catalogue: every text pfc shows a person, in Chinese and in
//! English, in one place.
//!
//! A message is a value: an entry of one of the phase catalogues below
//! (`catalogue/syntax.rs`, `check.rs`, …) with typed arguments. It becomes
//! text only when it is shown, in the language asked for ([`Lang`]), by
//! [`Text::render`]. Code never reads a rendered message to decide
//! anything: it matches on the entry and its arguments.
//!
//! Each entry is written once, with both texts side by side:
//!
//! ```text
//! MissingInput { name: Name } =>
//!     en: "input {name} has no value in the data",
//!     zh: "数据中没有输入项{name}的值";
//! ```
//!
//! The [`catalogue!`] macro makes the enum, and [`format!`] checks at
//! compile time that each text names only fields the entry has; a field
//! that neither text uses is an unused variable, which the build refuses.
//! A test checks that both texts of every entry name the same fields.
//!
//! Arguments show themselves by language ([`Show`]): a [`Name`] is
//! `` `x` `` in English and “x” in Chinese, a list of names is joined with
//! `, ` or `、`, an exact number is shown to four places with `≈` when that
//! is not exact, and a nested [`Text`] is rendered in the same language.

pub mod batch;
pub mod check;
pub mod cli;
pub mod common;
pub mod data;
pub mod eval;
pub mod report;
pub mod syntax;

use crate::exact::Exact;
use crate::quantity::Quantity;
use std::fmt;

/// A language pfc speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese (the default of frameworks, and of a Chinese locale).
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language a command line asked for with `--lang`, else the one
    /// the locale names (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as
    /// POSIX orders them: a `zh…` locale is Chinese), else English.
    pub fn detect(asked: Option<Lang>) -> Lang {
        asked.unwrap_or_else(|| {
            let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
            let locale = var("LC_ALL")
                .or_else(|| var("LC_MESSAGES"))
                .or_else(|| var("LANG"));
            Lang::of_locale(locale.as_deref())
        })
    }

    /// The language of a locale name (`zh_CN.UTF-8` is Chinese); English
    /// for any other, or none.
    pub fn of_locale(locale: Option<&str>) -> Lang {
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::Zh,
            _ => Lang::En,
        }
    }

    /// The keyword (`zh`, `en`).
    pub fn keyword(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Pick the text for this language.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A value shown inside a message, in the message's language.
pub trait Show {
    /// The value as a person reads it in `lang`.
    fn show(&self, lang: Lang, out: &mut String);
}

/// A name a person wrote or pfc knows: an indicator, a group, an input, a
/// column, a keyword. Quoted: `` `name` `` in English, “name” in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Name(pub String);

impl Name {
    /// A name.
    pub fn new(name: impl Into<String>) -> Name {
        Name(name.into())
    }
}

impl<T: Into<String>> From<T> for Name {
    fn from(s: T) -> Name {
        Name(s.into())
    }
}

/// Several names, in order, shown as a list.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
#[serde(transparent)]
pub struct Names(pub Vec<Name>);

impl<T: Into<Name>> FromIterator<T> for Names {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Names {
        Names(iter.into_iter().map(Into::into).collect())
    }
}

/// Text a person wrote, shown as it is (a cell, a framework's own message);
/// cut to [`EXCERPT`] characters, and control characters shown as escapes,
/// so that no input can flood or drive a terminal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Quote(pub String);

impl<T: Into<String>> From<T> for Quote {
    fn from(s: T) -> Quote {
        Quote(s.into())
    }
}

/// The most characters of one quoted input a message shows.
pub const EXCERPT: usize = 80;

/// Push `text` cut to [`EXCERPT`] characters, with control characters
/// escaped.
fn excerpt(text: &str, out: &mut String) {
    for (i, c) in text.chars().enumerate() {
        if i == EXCERPT {
            out.push('…');
            return;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
}

impl Show for Name {
    fn show(&self, lang: Lang, out: &mut String) {
        let (open, close) = lang.pick(('“', '”'), ('`', '`'));
        out.push(open);
        excerpt(&self.0, out);
        out.push(close);
    }
}

impl Show for Names {
    fn show(&self, lang: Lang, out: &mut String) {
        for (i, n) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(lang.pick("、", ", "));
            }
            n.show(lang, out);
        }
    }
}

impl Show for Quote {
    fn show(&self, _: Lang, out: &mut String) {
        excerpt(&self.0, out);
    }
}

impl Show for String {
    /// Text pfc made (a path, a formula, a list it built): as it is.
    fn show(&self, _: Lang, out: &mut String) {
        out.push_str(self);
    }
}

impl Show for &'static str {
    fn show(&self, _: Lang, out: &mut String) {
        out.push_str(self);
    }
}

impl Show for Exact {
    /// Exact where it has at most four decimals (`87.65`), else to four
    /// places marked `≈` (`≈6.6667`).
    fn show(&self, _: Lang, out: &mut String) {
        let (text, exact) = self.approx(4);
        if !exact {
            out.push('≈');
        }
        out.push_str(&text);
    }
}

impl Show for Quantity {
    fn show(&self, _: Lang, out: &mut String) {
        let (text, exact) = self.display_max(4);
        if !exact {
            out.push('≈');
        }
        out.push_str(&text);
    }
}

impl Show for crate::eval::result::Points {
    fn show(&self, _: Lang, out: &mut String) {
        use std::fmt::Write;
        let _ = write!(out, "{self}");
    }
}

macro_rules! show_number {
    ($($t:ty),*) => {$(
        impl Show for $t {
            fn show(&self, _: Lang, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
show_number!(usize, u32, u64, i64, char);

impl<T: Show> Show for Box<T> {
    fn show(&self, lang: Lang, out: &mut String) {
        (**self).show(lang, out);
    }
}

impl Show for Text {
    fn show(&self, lang: Lang, out: &mut String) {
        out.push_str(&self.render(lang));
    }
}

impl Show for Vec<Text> {
    /// Messages in a list, joined as [`Names`] are.
    fn show(&self, lang: Lang, out: &mut String) {
        for (i, t) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(lang.pick("、", ", "));
            }
            t.show(lang, out);
        }
    }
}

/// A value with the language to show it in, for `format!`.
pub struct Shown<'a, T: ?Sized>(pub &'a T, pub Lang);

impl<T: Show + ?Sized> fmt::Display for Shown<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.0.show(self.1, &mut out);
        f.write_str(&out)
    }
}

/// Declare a phase's catalogue: an enum of its messages, each with typed
/// fields and its English and Chinese texts (see the module docs).
macro_rules! catalogue {
    (
        $(#[$enum_doc:meta])*
        $enum:ident {
            $(
                $(#[$doc:meta])*
                $variant:ident $({ $($field:ident : $ty:ty),* $(,)? })?
                    => en: $en:literal, zh: $zh:literal;
            )*
        }
    ) => {
        $(#[$enum_doc])*
        #[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
        #[serde(tag = "id", content = "args")]
        pub enum $enum {
            $(
                $(#[$doc])*
                $variant $({ $(#[allow(missing_docs)] $field: $ty),* })?,
            )*
        }

        impl $enum {
            /// The message in `lang`.
            pub fn render(&self, lang: $crate::catalogue::Lang) -> String {
                // (An empty catalogue has no arm to use it.)
                let _ = lang;
                match *self {
                    $(
                        $enum::$variant $({ $(ref $field),* })? => {
                            $($( let $field = $crate::catalogue::Shown($field, lang); )*)?
                            match lang {
                                $crate::catalogue::Lang::En => format!($en),
                                $crate::catalogue::Lang::Zh => format!($zh),
                            }
                        }
                    )*
                }
            }

            /// Every entry: its name, English and Chinese texts (for the
            /// catalogue's own tests and docs).
            pub const ENTRIES: &'static [$crate::catalogue::Entry] = &[
                $( (stringify!($variant), $en, $zh), )*
            ];
        }
    };
}
pub(crate) use catalogue;

/// Any message of any phase.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Text {
    /// Words several phases use.
    Common(common::Common),
    /// The framework's grammar.
    Syntax(syntax::Syntax),
    /// Checking a framework.
    Check(check::Check),
    /// Reading a data file.
    Data(data::Data),
    /// Scoring a project.
    Eval(eval::Eval),
    /// Reading spreadsheets and writing a batch's files.
    Batch(batch::Batch),
    /// Reports and their templates.
    Report(report::Report),
    /// The command line.
    Cli(cli::Cli),
    /// No words: a label that only underlines related source (the other
    /// weights of a sum that is wrong).
    Nothing,
}

impl Text {
    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Text::Common(t) => t.render(lang),
            Text::Syntax(t) => t.render(lang),
            Text::Check(t) => t.render(lang),
            Text::Data(t) => t.render(lang),
            Text::Eval(t) => t.render(lang),
            Text::Batch(t) => t.render(lang),
            Text::Report(t) => t.render(lang),
            Text::Cli(t) => t.render(lang),
            Text::Nothing => String::new(),
        }
    }

    /// Whether this text says nothing (an empty label).
    pub fn is_empty(&self) -> bool {
        matches!(self, Text::Nothing)
    }
}

macro_rules! text_from {
    ($($variant:ident($t:ty)),*) => {$(
        impl From<$t> for Text {
            fn from(t: $t) -> Text {
                Text::$variant(t)
            }
        }
    )*};
}
text_from!(
    Common(common::Common),
    Syntax(syntax::Syntax),
    Check(check::Check),
    Data(data::Data),
    Eval(eval::Eval),
    Batch(batch::Batch),
    Report(report::Report),
    Cli(cli::Cli)
);

/// A catalogue entry: its name, English and Chinese texts.
pub type Entry = (&'static str, &'static str, &'static str);

/// Every catalogue's entries, by phase, for tests and docs.
pub fn all_entries() -> Vec<(&'static str, &'static [Entry])> {
    vec![
        ("common", common::Common::ENTRIES),
        ("syntax", syntax::Syntax::ENTRIES),
        ("check", check::Check::ENTRIES),
        ("data", data::Data::ENTRIES),
        ("eval", eval::Eval::ENTRIES),
        ("batch", batch::Batch::ENTRIES),
        ("report", report::Report::ENTRIES),
        ("cli", cli::Cli::ENTRIES),
    ]
}

#[cfg(test)]
mod tests;
