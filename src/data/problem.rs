//! What the TOML and JSON readers and serde say about a data file, read
//! into typed problems.
//!
//! This is the one place pfc reads a library's error text. The `toml`
//! crate gives a message and a span, `serde_json` a message, a line, a
//! column and a category (syntax, data, end of file); serde's errors about
//! the data's shape (`unknown field`, `missing field`, `invalid type`) reach
//! both only as text, made by `serde::de::Error`'s default methods. So the
//! text is read here, once, into the enums below, and every decision and
//! message after that works on them. A wording a new version of a library
//! changes falls back to the `Other` variants, which show the library's
//! text as it is.
//!
//! pfc's own readers (`decimal.rs`, the weight check) report through the
//! same channel, since serde gives no other: they send [`Own`], tagged, and
//! it is read back here without any words in between.

/// A TOML syntax problem, by the `toml` crate's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TomlSyntax {
    /// `name = 项目`.
    UnquotedText,
    /// `name = "项目` with no closing quote.
    Unclosed,
    /// `执行率 = …`: a key with characters a bare key cannot have.
    UnquotedKey,
    /// A key given twice.
    DuplicateKey,
    /// Anything else.
    Other,
}

impl TomlSyntax {
    /// The kind of a `toml` error message.
    pub(crate) fn of(message: &str) -> TomlSyntax {
        if message.contains("string values must be quoted") {
            TomlSyntax::UnquotedText
        } else if message.contains("invalid basic string") || message.contains("unclosed") {
            TomlSyntax::Unclosed
        } else if message.contains("unquoted key") {
            TomlSyntax::UnquotedKey
        } else if message.contains("duplicate key") {
            TomlSyntax::DuplicateKey
        } else {
            TomlSyntax::Other
        }
    }
}

/// A JSON syntax problem, by `serde_json`'s message (its category says
/// only "syntax" or "end of file").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum JsonSyntax {
    /// The file ends before the JSON does.
    Eof,
    /// A `,` after the last item of a list or object.
    TrailingComma,
    /// Two items without a `,` between them.
    MissingComma,
    /// Anything else.
    Other,
}

impl JsonSyntax {
    /// The kind of a `serde_json` syntax error, its message without the
    /// position (see [`json_message`]).
    pub(super) fn of(e: &serde_json::Error, message: &str) -> JsonSyntax {
        if e.is_eof() || message.starts_with("EOF while parsing") {
            JsonSyntax::Eof
        } else if message.starts_with("trailing comma") {
            JsonSyntax::TrailingComma
        } else if message.starts_with("expected `,`") {
            JsonSyntax::MissingComma
        } else {
            JsonSyntax::Other
        }
    }
}

/// `serde_json`'s message without the " at line L column C" its `Display`
/// adds (the caret says where).
pub(super) fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&position) {
        Some(m) => m.to_owned(),
        None => full,
    }
}

/// A problem with the data's shape: serde's words, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A field the format does not have, and those it does.
    UnknownField {
        /// The field written.
        field: String,
        /// The fields allowed there.
        allowed: Vec<String>,
    },
    /// A field that must be given.
    MissingField(String),
    /// A value of the wrong kind.
    WrongType {
        /// What was found.
        found: Found,
        /// What was expected.
        expected: Expected,
    },
    /// A list of the wrong length, in serde's words.
    InvalidLength(String),
    /// A problem pfc's own readers found.
    Own(Own),
}

/// What serde found where it expected something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Found {
    /// A text (as serde writes it, escaped).
    Text(String),
    /// A number.
    Number(String),
    /// `true` or `false`.
    Bool(String),
    /// A list.
    List,
    /// A table.
    Table,
    /// Nothing (`null`).
    Empty,
    /// serde's own words.
    Other(String),
}

/// What serde expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Expected {
    /// An integer.
    WholeNumber,
    /// A string.
    Text,
    /// A list.
    List,
    /// `true` or `false`.
    Bool,
    /// A table.
    Table,
    /// A group path (see `PathSpec`).
    GroupNames,
    /// A cell (see `decimal.rs`).
    NumberOrText,
    /// serde's own words.
    Other(String),
}

/// Problems pfc's own readers find while serde reads the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Own {
    /// A weight written as text (`"十分"`).
    WeightNotNumber {
        /// The cell as written.
        text: String,
    },
    /// An infinite number, or not a number (TOML's `inf`, `nan`).
    NotFinite,
}

/// Starts the text of an [`Own`] problem sent through serde.
const TAG: &str = "\u{1}pfc:";
/// Separates its parts.
const SEP: char = '\u{1f}';

impl Own {
    /// The problem as a serde error (serde's only way to say it).
    pub(crate) fn error<E: serde::de::Error>(&self) -> E {
        match self {
            Own::WeightNotNumber { text } => E::custom(format_args!("{TAG}weight{SEP}{text}")),
            Own::NotFinite => E::custom(format_args!("{TAG}finite")),
        }
    }

    /// The problem back from a serde error's text.
    fn read(message: &str) -> Option<Own> {
        let rest = message.strip_prefix(TAG)?;
        let (tag, text) = rest.split_once(SEP).unwrap_or((rest, ""));
        match tag {
            "weight" => Some(Own::WeightNotNumber {
                text: text.to_owned(),
            }),
            "finite" => Some(Own::NotFinite),
            _ => None,
        }
    }

    /// The field the problem is about, when the problem knows it (serde_json
    /// may report a field's problem only at its object's end).
    pub(super) fn field(&self) -> Option<&'static str> {
        match self {
            Own::WeightNotNumber { .. } => Some("weight"),
            Own::NotFinite => None,
        }
    }
}

impl Shape {
    /// The problem serde's message says, if it is about the data's shape.
    pub(super) fn of(message: &str) -> Option<Shape> {
        if let Some(own) = Own::read(message) {
            return Some(Shape::Own(own));
        }
        if let Some(rest) = message.strip_prefix("unknown field ") {
            let names = backticked(rest);
            let (field, allowed) = names.split_first()?;
            return Some(Shape::UnknownField {
                field: (*field).to_owned(),
                allowed: allowed.iter().map(|a| (*a).to_owned()).collect(),
            });
        }
        if let Some(rest) = message.strip_prefix("missing field ") {
            let field = backticked(rest).first().copied().unwrap_or(rest);
            return Some(Shape::MissingField(field.to_owned()));
        }
        for prefix in ["invalid type: ", "invalid value: "] {
            if let Some(rest) = message.strip_prefix(prefix) {
                let (found, expected) = rest.rsplit_once(", expected ")?;
                return Some(Shape::WrongType {
                    found: Found::of(found),
                    expected: Expected::of(expected),
                });
            }
        }
        if message.starts_with("invalid length") {
            return Some(Shape::InvalidLength(message.to_owned()));
        }
        None
    }
}

/// The names between backticks in a serde message.
fn backticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

impl Found {
    /// serde's words for a value (`string "x"`, `integer `5``, `map`).
    fn of(unexpected: &str) -> Found {
        let u = unexpected.trim();
        if let Some(t) = u.strip_prefix("string ") {
            let t = t.strip_prefix('"').and_then(|t| t.strip_suffix('"'));
            return match t {
                Some(t) => Found::Text(t.to_owned()),
                None => Found::Other(u.to_owned()),
            };
        }
        if let Some(n) = u
            .strip_prefix("integer ")
            .or_else(|| u.strip_prefix("floating point "))
        {
            return Found::Number(n.trim_matches('`').to_owned());
        }
        if let Some(b) = u.strip_prefix("boolean ") {
            return Found::Bool(b.trim_matches('`').to_owned());
        }
        match u {
            "sequence" => Found::List,
            "map" => Found::Table,
            "unit value" | "null" => Found::Empty,
            other => Found::Other(other.to_owned()),
        }
    }
}

impl Expected {
    /// serde's words for an expected type (`i64`, `a string`, `struct Row`),
    /// or a visitor's own (`expecting` in `decimal.rs` and `PathSpec`).
    fn of(expected: &str) -> Expected {
        match expected.trim() {
            "i64" | "i32" | "u64" | "u32" | "usize" | "an integer" => Expected::WholeNumber,
            "a string" => Expected::Text,
            "a sequence" => Expected::List,
            "a boolean" => Expected::Bool,
            "a map" => Expected::Table,
            "a list of group names" => Expected::GroupNames,
            "a number or a text such as \"87.65万元\"" => Expected::NumberOrText,
            e if e.starts_with("struct ") => Expected::Table,
            e => Expected::Other(e.to_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_read_as_problems() {
        assert_eq!(
            Shape::of("unknown field `taget`, expected one of `path`, `target`"),
            Some(Shape::UnknownField {
                field: "taget".into(),
                allowed: vec!["path".into(), "target".into()],
            })
        );
        assert_eq!(
            Shape::of("missing field `name`"),
            Some(Shape::MissingField("name".into()))
        );
        assert_eq!(
            Shape::of("invalid type: string \"2020年\", expected i64"),
            Some(Shape::WrongType {
                found: Found::Text("2020年".into()),
                expected: Expected::WholeNumber,
            })
        );
        assert_eq!(
            Shape::of("invalid type: map, expected a list of group names"),
            Some(Shape::WrongType {
                found: Found::Table,
                expected: Expected::GroupNames,
            })
        );
        assert_eq!(Shape::of("expected `=`"), None);
    }

    #[test]
    fn own_problems_travel_through_serde_unchanged() {
        for own in [
            Own::WeightNotNumber {
                text: "十分 | a`b".into(),
            },
            Own::NotFinite,
        ] {
            let e: serde_json::Error = own.error();
            assert_eq!(Shape::of(&e.to_string()), Some(Shape::Own(own)));
        }
    }
}
