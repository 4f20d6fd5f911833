//! Exact quantities: a decimal value with a unit.
//!
//! Values are stored in a base unit so that arithmetic is exact: percents as
//! fractions (`95%` is `0.95`), money in 元 (`87.65万元` is `876500`). The
//! unit remembers how the value was written, so results print the way people
//! wrote their inputs (`86.54万元`, not `865400元`).

use crate::exact::Exact;
pub use crate::exact::RoundMode;
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// A money unit: how many 元 one unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MoneyScale {
    /// 元
    Yuan,
    /// 千元
    Qian,
    /// 万元
    Wan,
    /// 亿元
    Yi,
}

impl MoneyScale {
    /// 元 per unit.
    pub fn factor(self) -> Exact {
        match self {
            MoneyScale::Yuan => Exact::ONE,
            MoneyScale::Qian => Exact::int(1_000),
            MoneyScale::Wan => Exact::int(10_000),
            MoneyScale::Yi => Exact::int(100_000_000),
        }
    }

    /// The unit as written.
    pub fn symbol(self) -> &'static str {
        match self {
            MoneyScale::Yuan => "元",
            MoneyScale::Qian => "千元",
            MoneyScale::Wan => "万元",
            MoneyScale::Yi => "亿元",
        }
    }
}

/// The unit of a quantity, including how to display it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    /// A plain number (points, ratios).
    None,
    /// A percentage; the value is a fraction.
    Percent,
    /// Money; the value is in 元, displayed in the given scale.
    Money(MoneyScale),
    /// A count of something (`个`, `人次`, `元/户`): only the same unit mixes.
    /// Shared, because values are copied for every operation on them.
    Count(Arc<str>),
}

/// What can be added to what: units of one dimension mix, others do not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Plain numbers and percents.
    Number,
    /// Any money unit.
    Money,
    /// One named counting unit.
    Count(String),
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Dimension::Number => f.write_str("a number"),
            Dimension::Money => f.write_str("money"),
            Dimension::Count(u) => write!(f, "a count in `{u}`"),
        }
    }
}

impl Unit {
    /// The dimension this unit belongs to.
    pub fn dimension(&self) -> Dimension {
        match self {
            Unit::None | Unit::Percent => Dimension::Number,
            Unit::Money(_) => Dimension::Money,
            Unit::Count(u) => Dimension::Count(u.to_string()),
        }
    }

    /// Whether the two units mix (`a.dimension() == b.dimension()`), without
    /// building the dimensions: this is asked for every operation.
    pub fn mixes_with(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::None | Unit::Percent, Unit::None | Unit::Percent)
            | (Unit::Money(_), Unit::Money(_)) => true,
            (Unit::Count(a), Unit::Count(b)) => a == b,
            _ => false,
        }
    }

    /// Read a unit as people write it after a number. `None` for text that is
    /// not a plausible unit (contains digits, spaces or is too long).
    pub fn parse(text: &str) -> Option<Unit> {
        let t = crate::text::trim(text);
        Some(match t {
            "" => Unit::None,
            "%" | "％" | "百分比" | "百分点" => Unit::Percent,
            "元" => Unit::Money(MoneyScale::Yuan),
            "千元" => Unit::Money(MoneyScale::Qian),
            "万元" => Unit::Money(MoneyScale::Wan),
            "亿元" => Unit::Money(MoneyScale::Yi),
            other => {
                let plausible = other.chars().count() <= 8
                    && other.chars().all(|c| {
                        !c.is_ascii_digit()
                            && !c.is_whitespace()
                            && !matches!(
                                c,
                                '%' | '％'
                                    | '≥'
                                    | '≤'
                                    | '<'
                                    | '>'
                                    | '='
                                    | '＜'
                                    | '＞'
                                    | '﹦'
                                    | '＝'
                                    | ','
                                    | '，'
                                    | '。'
                                    | ';'
                                    | '；'
                                    | ':'
                                    | '：'
                                    | '('
                                    | ')'
                                    | '（'
                                    | '）'
                            )
                    });
                if !plausible {
                    return None;
                }
                Unit::Count(other.into())
            }
        })
    }

    /// The unit as printed after a number.
    pub fn suffix(&self) -> &str {
        match self {
            Unit::None => "",
            Unit::Percent => "%",
            Unit::Money(s) => s.symbol(),
            Unit::Count(u) => u,
        }
    }

    /// Base value → the number shown before the suffix.
    pub fn to_display(&self, base: &Exact) -> Exact {
        match self {
            Unit::None | Unit::Count(_) => base.clone(),
            Unit::Percent => base.pow10(2),
            // A factor is never zero.
            Unit::Money(s) => base.div(&s.factor()).unwrap_or_default(),
        }
    }

    /// The number shown before the suffix → base value.
    pub fn from_display(&self, shown: &Exact) -> Exact {
        match self {
            Unit::None | Unit::Count(_) => shown.clone(),
            Unit::Percent => shown.mul(&PERCENT),
            Unit::Money(s) => shown.mul(&s.factor()),
        }
    }
}

/// One percent, `1/100`.
const PERCENT: Exact = Exact::HUNDREDTH;

/// An exact value with a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// The value in the base unit (fraction for percents, 元 for money).
    pub value: Exact,
    /// The unit, including its display scale.
    pub unit: Unit,
}

impl Quantity {
    /// A plain number.
    pub fn number(value: Exact) -> Self {
        Quantity {
            value,
            unit: Unit::None,
        }
    }

    /// Build from the number as shown and its unit (`87.65`, 万元).
    pub fn from_shown(shown: &Exact, unit: Unit) -> Self {
        Quantity {
            value: unit.from_display(shown),
            unit,
        }
    }

    /// Build from a decimal as written (`mantissa × 10^-scale`) and its
    /// unit, reducing once: every cell of a batch is read here.
    pub fn from_decimal(mantissa: i128, scale: u32, unit: Unit) -> Self {
        let value = match &unit {
            Unit::None | Unit::Count(_) => Exact::decimal(mantissa, scale),
            Unit::Percent => Exact::decimal(mantissa, scale + 2),
            Unit::Money(m) => match m
                .factor()
                .to_i64()
                .and_then(|f| mantissa.checked_mul(i128::from(f)))
            {
                Some(yuan) => Exact::decimal(yuan, scale),
                None => Exact::decimal(mantissa, scale).mul(&m.factor()),
            },
        };
        Quantity { value, unit }
    }

    /// The number shown before the unit suffix.
    pub fn shown(&self) -> Exact {
        self.unit.to_display(&self.value)
    }

    /// Round in display units: `round(98.733%, 2)` is `98.73%`,
    /// `round(87.654万元, 2)` is `87.65万元`.
    pub fn round_shown(&self, places: u32, mode: RoundMode) -> Quantity {
        Quantity::from_shown(&self.shown().round(places, mode), self.unit.clone())
    }

    /// Format with at most `places` decimals (trailing zeros removed), marking
    /// whether the printed figure is exact.
    pub fn display_max(&self, places: u32) -> (String, bool) {
        let (mut text, exact) = self.shown().approx(places);
        text.push_str(self.unit.suffix());
        (text, exact)
    }

    /// Format with exactly `places` decimals (`98.73%`, `9.87`).
    pub fn display_fixed(&self, places: u32) -> String {
        let mut text = self.shown().fixed(places);
        text.push_str(self.unit.suffix());
        text
    }
}

impl fmt::Display for Quantity {
    /// Exact, trailing zeros removed: `87.65万元`, `106.25%`, `12个`; a
    /// value with no finite decimal form as a fraction (`20/3个`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.shown(), self.unit.suffix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Exact {
        Exact::parse(s).expect("a number")
    }

    #[test]
    fn money_is_exact_across_scales() {
        let wan = Quantity::from_shown(&x("87.65"), Unit::Money(MoneyScale::Wan));
        assert_eq!(wan.value, x("876500"));
        assert_eq!(wan.to_string(), "87.65万元");
        let yi = Quantity::from_shown(
            &x("123456789012345678901234567890"),
            Unit::Money(MoneyScale::Yi),
        );
        assert_eq!(yi.to_string(), "123456789012345678901234567890亿元");
    }

    #[test]
    fn percents_round_in_percent_points() {
        let q = Quantity::from_shown(&x("98.7335"), Unit::Percent);
        assert_eq!(q.value, x("0.987335"));
        assert_eq!(q.round_shown(2, RoundMode::HalfUp).to_string(), "98.73%");
        assert_eq!(q.display_fixed(2), "98.73%");
        assert_eq!(q.display_max(2), ("98.73%".to_owned(), false));
    }

    #[test]
    fn units_parse_and_refuse_garbage() {
        assert_eq!(Unit::parse("百分比"), Some(Unit::Percent));
        assert_eq!(
            Unit::parse("元/人*月"),
            Some(Unit::Count("元/人*月".into()))
        );
        assert_eq!(Unit::parse("件2万元"), None);
    }
}
