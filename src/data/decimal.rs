//! A table cell that may be written as a number or as text.

use crate::exact::{Exact, ParseError};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A cell: `25`, `9.87`, `"87.65万元"` or `"达成"`. The text is kept as
/// written; numbers become their shortest decimal form, so TOML's `9.87`
/// (a binary float) is read back exactly as `9.87`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Num {
    /// The cell as text.
    pub text: String,
    /// Whether the file wrote it as a number rather than a string.
    pub was_number: bool,
}

impl Num {
    /// The cell as a plain decimal, if it is one (`"25"`, `25`, `9.87`).
    pub fn as_decimal(&self) -> Option<Exact> {
        self.decimal().ok()
    }

    /// The cell as a plain decimal, or why it is not one (not a number,
    /// or a figure too long to be real).
    pub fn decimal(&self) -> Result<Exact, ParseError> {
        Exact::parse(crate::text::trim(&self.text))
    }

    /// The cell as a number of points (分值, 得分, 评分, a deduction): a
    /// plain decimal, or one followed by `分` as tables often write points
    /// (`10分`, `9.5 分`). Only point cells are read so: `100分` is no
    /// amount of money or count.
    pub fn as_points(&self) -> Option<Exact> {
        self.points().ok()
    }

    /// [`Num::as_points`], or why the cell is not a number of points.
    pub fn points(&self) -> Result<Exact, ParseError> {
        let t = crate::text::trim(&self.text);
        Exact::parse(t.strip_suffix('分').map_or(t, crate::text::trim))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

struct NumVisitor;

/// A cell the file wrote as an integer.
fn number(v: impl ToString) -> Num {
    Num {
        text: v.to_string(),
        was_number: true,
    }
}

impl Visitor<'_> for NumVisitor {
    type Value = Num;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a text such as \"87.65万元\"")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Num, E> {
        Ok(number(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Num, E> {
        Ok(number(v))
    }

    // TOML integers beyond i64 arrive as 128-bit integers: read exactly,
    // and left to the figure checks like any other number.
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Num, E> {
        Ok(number(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Num, E> {
        Ok(number(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Num, E> {
        if !v.is_finite() {
            return Err(super::problem::Own::NotFinite.error());
        }
        // Rust prints the shortest text that reads back as the same float,
        // which is the decimal the person typed.
        Ok(Num {
            text: v.to_string(),
            was_number: true,
        })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Num, E> {
        Ok(Num {
            text: v.to_owned(),
            was_number: false,
        })
    }
}

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Num, D::Error> {
        d.deserialize_any(NumVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_floats_read_back_as_typed() {
        #[derive(Deserialize)]
        struct T {
            a: Num,
            b: Num,
            c: Num,
        }
        let t: T = toml::from_str("a = 9.87\nb = 25\nc = \"87.65万元\"").expect("valid");
        assert_eq!(t.a.as_decimal(), Some(crate::testing::x("9.87")));
        assert_eq!(t.b.text, "25");
        assert_eq!(t.c.as_decimal(), None);
    }

    #[test]
    fn points_may_say_fen_and_nothing_else() {
        let cell = |text: &str| Num {
            text: text.to_owned(),
            was_number: false,
        };
        let d = |s: &str| Exact::parse(s).ok();
        for (text, points) in [
            ("10", d("10")),
            ("10分", d("10")),
            (" 9.5 分 ", d("9.5")),
            ("0分", d("0")),
            ("分", None),
            ("10分分", None),
            ("十分", None),
            ("10万元", None),
            ("10 points", None),
        ] {
            assert_eq!(cell(text).as_points(), points, "{text}");
        }
        // Money and counts are never read with the suffix.
        assert_eq!(cell("10分").as_decimal(), None);
    }
}
