//! Exact quantities: a decimal value with a unit.
//!
//! Values are stored in a base unit so that arithmetic is exact: percents as
//! fractions (`95%` is `0.95`), money in 元 (`87.65万元` is `876500`). The
//! unit remembers how the value was written, so results print the way people
//! wrote their inputs (`86.54万元`, not `865400元`).

use rust_decimal::{Decimal, RoundingStrategy};
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
    pub fn factor(self) -> Decimal {
        match self {
            MoneyScale::Yuan => Decimal::ONE,
            MoneyScale::Qian => Decimal::from(1_000),
            MoneyScale::Wan => Decimal::from(10_000),
            MoneyScale::Yi => Decimal::from(100_000_000),
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
    pub fn to_display(&self, base: Decimal) -> Decimal {
        match self {
            Unit::None | Unit::Count(_) => base,
            Unit::Percent => base * Decimal::ONE_HUNDRED,
            Unit::Money(s) => base / s.factor(),
        }
    }

    /// The number shown before the suffix → base value, `None` when it is
    /// too large for exact arithmetic (e.g. `10^28亿元`).
    pub fn checked_from_display(&self, shown: Decimal) -> Option<Decimal> {
        match self {
            Unit::None | Unit::Count(_) => Some(shown),
            Unit::Percent => Some(percent_to_base(shown)),
            Unit::Money(s) => shown.checked_mul(s.factor()),
        }
    }

    /// The number shown before the suffix → base value.
    pub fn from_display(&self, shown: Decimal) -> Decimal {
        match self {
            Unit::None | Unit::Count(_) => shown,
            Unit::Percent => shown / Decimal::ONE_HUNDRED,
            Unit::Money(s) => shown * s.factor(),
        }
    }
}

/// A decimal value with a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// The value in the base unit (fraction for percents, 元 for money).
    pub value: Decimal,
    /// The unit, including its display scale.
    pub unit: Unit,
}

/// How to round, as a framework declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoundMode {
    /// Half away from zero (Excel's ROUND, Oracle's ROUND): 2.675 → 2.68.
    HalfUp,
    /// Half to even (banker's rounding): 2.665 → 2.66.
    HalfEven,
    /// Toward zero (truncate): 9.879 → 9.87.
    Down,
    /// Away from zero: 9.871 → 9.88.
    Up,
}

impl RoundMode {
    /// The keyword used in frameworks.
    pub fn keyword(self) -> &'static str {
        match self {
            RoundMode::HalfUp => "half-up",
            RoundMode::HalfEven => "half-even",
            RoundMode::Down => "down",
            RoundMode::Up => "up",
        }
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundMode::Down => RoundingStrategy::ToZero,
            RoundMode::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

/// Round a plain decimal.
pub fn round(value: Decimal, places: u32, mode: RoundMode) -> Decimal {
    let scale = value.scale();
    if scale <= places || value.is_zero() {
        return value.round_dp_with_strategy(places, mode.strategy());
    }
    // Every score is rounded, most from 28 decimals after a division:
    // one 128-bit division does what rust_decimal does with several 96-bit
    // ones, with the same result to the last bit (a test compares the two).
    let magnitude = value.mantissa().unsigned_abs();
    let divisor = 10u128.pow(scale - places);
    let (mut q, r) = (magnitude / divisor, magnitude % divisor);
    let up = match mode {
        RoundMode::HalfUp => 2 * r >= divisor,
        RoundMode::HalfEven => 2 * r > divisor || (2 * r == divisor && q % 2 == 1),
        RoundMode::Down => false,
        RoundMode::Up => r != 0,
    };
    if up {
        q += 1;
    }
    // `q` has fewer digits than the 96-bit mantissa: the cast is exact.
    let q = q as i128;
    Decimal::from_i128_with_scale(if value.is_sign_negative() { -q } else { q }, places)
}

impl Quantity {
    /// A plain number.
    pub fn number(value: Decimal) -> Self {
        Quantity {
            value,
            unit: Unit::None,
        }
    }

    /// Build from the number as shown and its unit (`87.65`, 万元).
    pub fn from_shown(shown: Decimal, unit: Unit) -> Self {
        Quantity {
            value: unit.from_display(shown),
            unit,
        }
    }

    /// The number shown before the unit suffix.
    pub fn shown(&self) -> Decimal {
        self.unit.to_display(self.value)
    }

    /// Round in display units: `round(98.733%, 2)` is `98.73%`,
    /// `round(87.654万元, 2)` is `87.65万元`.
    pub fn round_shown(&self, places: u32, mode: RoundMode) -> Quantity {
        Quantity::from_shown(round(self.shown(), places, mode), self.unit.clone())
    }

    /// Format with at most `places` decimals (trailing zeros removed), marking
    /// whether the printed figure is exact.
    pub fn display_max(&self, places: u32) -> (String, bool) {
        let shown = self.shown();
        let rounded = round(shown, places, RoundMode::HalfUp);
        (
            format!("{}{}", rounded.normalize(), self.unit.suffix()),
            rounded == shown,
        )
    }

    /// Format with exactly `places` decimals (`98.73%`, `9.87`).
    pub fn display_fixed(&self, places: u32) -> String {
        let mut text = fixed(self.shown(), places);
        text.push_str(self.unit.suffix());
        text
    }
}

/// `d` with exactly `places` decimals, for tables.
pub fn fixed(d: Decimal, places: u32) -> String {
    let mut r = round(d, places, RoundMode::HalfUp);
    r.rescale(places);
    text(r)
}

/// `d` as its `Display` writes it, scale included (`12.00`, `-0.5`):
/// a batch writes several scores a project, and for the usual mantissa that
/// fits 64 bits this is a few times cheaper than going through a formatter.
pub fn text(d: Decimal) -> String {
    let (m, scale) = (d.mantissa(), d.scale() as usize);
    let Ok(digits) = u64::try_from(m.unsigned_abs()) else {
        return d.to_string();
    };
    if m == 0 && d.is_sign_negative() {
        return d.to_string();
    }
    let mut buf = itoa::Buffer::new();
    let written = buf.format(digits).as_bytes();
    let mut out = String::with_capacity(written.len() + scale + 3);
    if m < 0 {
        out.push('-');
    }
    // Leading zeros so that there is a digit before the point.
    let pad = (scale + 1).saturating_sub(written.len());
    let whole = written.len() + pad - scale;
    let padded = std::iter::repeat_n(b'0', pad).chain(written.iter().copied());
    for (i, b) in padded.enumerate() {
        if i == whole {
            out.push('.');
        }
        out.push(char::from(b));
    }
    out
}

impl fmt::Display for Quantity {
    /// Exact, trailing zeros removed: `87.65万元`, `106.25%`, `12个`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.shown().normalize(), self.unit.suffix())
    }
}

/// `shown` ÷ 100, by moving the decimal point when the scale allows (every
/// percentage of a batch is read through this; a division costs far more).
/// The same decimal as the quotient, scale included: a mantissa that 100
/// divides keeps its scale (`80.0` → `0.8`), any other gains two decimals
/// (`1930` → `19.30`). Cells have a few digits; more than 18 digits or
/// decimals take the division.
fn percent_to_base(shown: Decimal) -> Decimal {
    let (m, scale) = (shown.mantissa(), shown.scale());
    if m == 0 {
        Decimal::ZERO
    } else if m % 100 == 0 {
        Decimal::from_i128_with_scale(m / 100, scale)
    } else if scale <= 18 && m.unsigned_abs() < 10u128.pow(18) {
        // (With more digits, the quotient drops some trailing zeros.)
        Decimal::from_i128_with_scale(m, scale + 2)
    } else {
        shown / Decimal::ONE_HUNDRED
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn round_gives_what_rust_decimal_gives_to_the_last_bit() {
        // A deterministic spread of mantissas: small, 64-bit, 96-bit, and
        // ones ending in 5, 50, 49 … where the modes differ.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut mantissas: Vec<i128> = vec![
            1, 5, 15, 25, 45, 49, 50, 51, 55, 99, 105, 125, 250, 500, 995,
        ];
        for _ in 0..400 {
            let bits = next() % 96 + 1;
            let wide =
                (i128::from(next()) << 32 | i128::from(next() as u32)) & ((1i128 << bits) - 1);
            mantissas.push(wide.max(1));
            mantissas.push(i128::from(next() % 1_000_000) * 10 + 5);
        }
        let modes = [
            RoundMode::HalfUp,
            RoundMode::HalfEven,
            RoundMode::Down,
            RoundMode::Up,
        ];
        for &m in &mantissas {
            for scale in 0..=28 {
                for sign in [1, -1] {
                    let d = Decimal::from_i128_with_scale(sign * m, scale);
                    for places in 0..=10 {
                        for mode in modes {
                            let ours = round(d, places, mode);
                            let theirs = d.round_dp_with_strategy(places, mode.strategy());
                            assert_eq!(
                                ours.serialize(),
                                theirs.serialize(),
                                "{d} to {places} places, {mode:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn money_is_exact_across_scales() {
        let wan = Quantity::from_shown(dec!(87.65), Unit::Money(MoneyScale::Wan));
        assert_eq!(wan.value, dec!(876500));
        assert_eq!(wan.to_string(), "87.65万元");
    }

    #[test]
    fn half_up_is_not_binary_float_rounding() {
        assert_eq!(round(dec!(2.675), 2, RoundMode::HalfUp), dec!(2.68));
        assert_eq!(round(dec!(2.665), 2, RoundMode::HalfEven), dec!(2.66));
        assert_eq!(round(dec!(9.879), 2, RoundMode::Down), dec!(9.87));
        assert_eq!(round(dec!(9.871), 2, RoundMode::Up), dec!(9.88));
    }

    #[test]
    fn percents_round_in_percent_points() {
        let q = Quantity::from_shown(dec!(98.7335), Unit::Percent);
        assert_eq!(q.round_shown(2, RoundMode::HalfUp).to_string(), "98.73%");
        assert_eq!(q.display_fixed(2), "98.73%");
    }

    #[test]
    fn moving_the_point_is_dividing_by_a_hundred() {
        for t in [
            "81",
            "73.5",
            "0",
            "-0.0",
            "0.00",
            "100",
            "80.0",
            "-12.25",
            "0.001",
            "99.99",
            "1000.5000",
            "7922816251426433759354395033.5",
            "1.234567890123456789012345678",
        ] {
            let d: Decimal = t.parse().expect("a decimal");
            let divided = d / Decimal::ONE_HUNDRED;
            let moved = percent_to_base(d);
            assert_eq!(moved, divided, "{t}");
            assert_eq!(moved.to_string(), divided.to_string(), "{t}");
        }
        // And over a spread of mantissas and scales.
        let wide = [
            i128::from(i64::MAX),
            i128::from(i64::MIN) + 1,
            10i128.pow(27) + 30,
            79_228_162_514_264_337_593_543_950_300,
            -12_345_678_901_234_567_890_123_456_700,
        ];
        for m in (-2000i128..2000).step_by(7).chain(wide) {
            for scale in 0..=Decimal::MAX_SCALE {
                let d = Decimal::from_i128_with_scale(m, scale);
                let divided = d / Decimal::ONE_HUNDRED;
                assert_eq!(percent_to_base(d).to_string(), divided.to_string(), "{d}");
            }
        }
    }

    #[test]
    fn decimal_text_is_display() {
        let wide = [
            i128::from(u64::MAX),
            -i128::from(u64::MAX),
            i128::from(u64::MAX) + 1,
            10i128.pow(27),
        ];
        for m in (-3000i128..3000)
            .step_by(13)
            .chain(wide)
            .chain([0, 1, -1, 9, 10, 99, 100])
        {
            for scale in 0..=Decimal::MAX_SCALE {
                let d = Decimal::from_i128_with_scale(m, scale);
                assert_eq!(text(d), d.to_string(), "{m} scale {scale}");
            }
        }
        let negative_zero = Decimal::from_i128_with_scale(-1, 2) * Decimal::ZERO;
        assert_eq!(text(negative_zero), negative_zero.to_string());
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
