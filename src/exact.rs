//! Exact rational numbers: every value pfc computes.
//!
//! A framework's formulas use `+ − × ÷`, `min`, `max`, `abs`, `floor`,
//! `ceil`, `round`, `if` and tiers, so every value they compute from decimal
//! inputs is a rational number. [`Exact`] holds it exactly: a numerator and
//! a denominator in lowest terms. Most values fit two `i128`s and are
//! computed with checked machine arithmetic; a result that would overflow
//! moves to big integers (and back when it fits again), so no figure is ever
//! cut, rounded by accident or too large: `15 × 107 ÷ 600` is exactly
//! `2.675`, and rounds half up to `2.68`, once, where the framework says.
//!
//! The representation is canonical (lowest terms, positive denominator,
//! small whenever it fits), so equality and hashing are structural.

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;
use std::num::NonZeroU128;

/// An exact rational number.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Exact(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// `n / d` in lowest terms; `n` is never `i128::MIN` and `d` fits `i128`.
    Small(i128, NonZeroU128),
    /// Anything that does not fit `Small`, in lowest terms.
    Big(Box<BigRational>),
}

/// How to round, as a framework declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
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
    /// Every mode, for tests and documentation.
    pub const ALL: [RoundMode; 4] = [
        RoundMode::HalfUp,
        RoundMode::HalfEven,
        RoundMode::Down,
        RoundMode::Up,
    ];

    /// The keyword used in frameworks.
    pub fn keyword(self) -> &'static str {
        match self {
            RoundMode::HalfUp => "half-up",
            RoundMode::HalfEven => "half-even",
            RoundMode::Down => "down",
            RoundMode::Up => "up",
        }
    }

    /// Whether a quotient `q` (its magnitude) with remainder `r` of divisor
    /// `d` (both magnitudes) moves one step away from zero.
    fn away<T: PartialOrd + Zero + Clone + std::ops::Add<Output = T>>(
        self,
        q_odd: bool,
        r: &T,
        d: &T,
    ) -> bool {
        let twice = r.clone() + r.clone();
        match self {
            RoundMode::HalfUp => twice >= *d,
            RoundMode::HalfEven => twice > *d || (twice == *d && q_odd),
            RoundMode::Down => false,
            RoundMode::Up => !r.is_zero(),
        }
    }
}

const ONE_U: NonZeroU128 = NonZeroU128::MIN;

/// Why decimal text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Not a decimal number at all.
    NotANumber,
    /// More significant digits than [`MAX_DIGITS`] (or a larger power of ten).
    TooManyDigits(usize),
    /// More decimals than [`MAX_DIGITS`], trailing zeros not counted.
    TooManyDecimals(usize),
}

/// The most significant digits, and the most decimals, a figure may have:
/// far beyond any budget (10^30 元) or rate, and small enough that no input
/// can make arithmetic slow.
pub const MAX_DIGITS: usize = 30;

fn gcd_u128(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    // Most figures fit 64 bits, where every step is one instruction.
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd_u64(a, b));
    }
    // Binary GCD: shifts and subtractions, no 128-bit divisions.
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

fn gcd_u64(mut a: u64, mut b: u64) -> u64 {
    if a == 0 || b == 1 {
        return b;
    }
    if b == 0 || a == 1 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// `a / b` for the quotients of a reduction, in 64 bits when both fit
/// (a 128-bit division is a call of a few dozen instructions).
fn div_u128(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(a / b),
        _ => a / b,
    }
}

fn pow10_u128(places: u32) -> Option<u128> {
    10u128.checked_pow(places)
}

impl Exact {
    /// Zero.
    pub const ZERO: Exact = Exact(Repr::Small(0, ONE_U));
    /// One.
    pub const ONE: Exact = Exact(Repr::Small(1, ONE_U));
    /// One hundredth (one percent).
    pub const HUNDREDTH: Exact = Exact(Repr::Small(
        1,
        match NonZeroU128::new(100) {
            Some(d) => d,
            None => ONE_U,
        },
    ));

    /// The integer `n`.
    pub const fn int(n: i64) -> Exact {
        Exact(Repr::Small(n as i128, ONE_U))
    }

    /// `n / d`, `None` when `d` is zero.
    pub fn ratio(n: i128, d: i128) -> Option<Exact> {
        if d == 0 {
            return None;
        }
        Some(Self::small_or_big(n, d))
    }

    /// The decimal `mantissa × 10^-scale` (`8765, 2` is `87.65`).
    pub fn decimal(mantissa: i128, scale: u32) -> Exact {
        match pow10_u128(scale).and_then(|p| i128::try_from(p).ok()) {
            Some(p) => Self::small_or_big(mantissa, p),
            None => Self::from_big(BigRational::new(
                BigInt::from(mantissa),
                BigInt::from(10u32).pow(scale),
            )),
        }
    }

    fn small_or_big(n: i128, d: i128) -> Exact {
        if d == 1 && n != i128::MIN {
            return Exact(Repr::Small(n, ONE_U));
        }
        // Reduce in u128 so that i128::MIN is no special case.
        let neg = (n < 0) != (d < 0);
        let (un, ud) = (n.unsigned_abs(), d.unsigned_abs());
        let g = gcd_u128(un, ud);
        Self::from_parts(neg, div_u128(un, g), div_u128(ud, g))
            .unwrap_or_else(|| Self::from_big(BigRational::new(BigInt::from(n), BigInt::from(d))))
    }

    /// From a reduced magnitude and sign, when both parts fit.
    fn from_parts(neg: bool, n: u128, d: u128) -> Option<Exact> {
        let n = i128::try_from(n).ok()?;
        i128::try_from(d).ok()?;
        let d = NonZeroU128::new(d)?;
        Some(Exact(Repr::Small(if neg { -n } else { n }, d)))
    }

    fn from_big(r: BigRational) -> Exact {
        // `BigRational::new` reduces; keep the small form whenever it fits.
        let (n, d) = (r.numer(), r.denom());
        if let (Some(n), Some(d)) = (n.to_i128(), d.to_u128())
            && n != i128::MIN
            && i128::try_from(d).is_ok()
            && let Some(d) = NonZeroU128::new(d)
        {
            return Exact(Repr::Small(n, d));
        }
        Exact(Repr::Big(Box::new(r)))
    }

    fn big(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(d.get())),
            Repr::Big(b) => (**b).clone(),
        }
    }

    /// Read decimal text: `87.65`, `-0.5`, `1e6`, `2.5E-3`, `+12`, `.5`.
    /// Read exactly; a figure of more than [`MAX_DIGITS`] whole digits or
    /// decimals (leading and trailing zeros not counted) is an error, so
    /// that an absurd cell is refused, not computed.
    pub fn parse(text: &str) -> Result<Exact, ParseError> {
        let (neg, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (body, exponent) = match body.find(['e', 'E']) {
            Some(at) => {
                let e: i64 = body[at + 1..].parse().map_err(|_| ParseError::NotANumber)?;
                (&body[..at], e)
            }
            None => (body, 0),
        };
        let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
        let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && frac.is_empty()) || !digits_ok(whole) || !digits_ok(frac) {
            return Err(ParseError::NotANumber);
        }
        let whole = whole.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        if whole.is_empty() && frac.trim_start_matches('0').is_empty() {
            return Ok(Exact::ZERO);
        }
        let len = |s: &str| i64::try_from(s.len()).unwrap_or(i64::MAX);
        let max = MAX_DIGITS as i64;
        // Where the first significant digit is, relative to the point.
        let whole_digits = if whole.is_empty() {
            len(frac.trim_start_matches('0')) - len(frac)
        } else {
            len(whole)
        }
        .saturating_add(exponent);
        let decimals = len(frac).saturating_sub(exponent);
        if whole_digits > max {
            return Err(ParseError::TooManyDigits(
                usize::try_from(whole_digits).unwrap_or(usize::MAX),
            ));
        }
        if decimals > max {
            return Err(ParseError::TooManyDecimals(
                usize::try_from(decimals).unwrap_or(usize::MAX),
            ));
        }
        // At most 60 significant digits: the big path when they do not fit.
        let digits = format!("{whole}{frac}");
        let magnitude = match digits.parse::<i128>() {
            Ok(m) => Exact::decimal(if neg { -m } else { m }, 0),
            Err(_) => {
                let m: BigInt = digits.parse().map_err(|_| ParseError::NotANumber)?;
                Exact::from_big(BigRational::from(if neg { -m } else { m }))
            }
        };
        let scale = len(frac) - exponent;
        Ok(if scale >= 0 {
            magnitude.mul(&Exact::decimal(1, u32::try_from(scale).unwrap_or(u32::MAX)))
        } else {
            magnitude.pow10(u32::try_from(-scale).unwrap_or(u32::MAX))
        })
    }

    /// `self × 10^k`.
    pub fn pow10(&self, k: u32) -> Exact {
        match pow10_u128(k).and_then(|p| i128::try_from(p).ok()) {
            Some(p) => self.mul(&Exact(Repr::Small(p, ONE_U))),
            None => Self::from_big(self.big() * BigRational::from(BigInt::from(10u32).pow(k))),
        }
    }

    /// Whether this is zero.
    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    /// Whether this is below zero.
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(b) => b.is_negative(),
        }
    }

    /// Whether this is above zero.
    pub fn is_positive(&self) -> bool {
        !self.is_zero() && !self.is_negative()
    }

    /// Whether this is a whole number.
    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => d.get() == 1,
            Repr::Big(b) => b.is_integer(),
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &Exact) -> Exact {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0)
            && let Some(r) = small_add(*a, b.get(), *c, d.get())
        {
            return r;
        }
        Self::from_big(self.big() + other.big())
    }

    /// `self − other`.
    pub fn sub(&self, other: &Exact) -> Exact {
        self.add(&other.neg())
    }

    /// `self × other`.
    pub fn mul(&self, other: &Exact) -> Exact {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0)
            && let Some(r) = small_mul(*a, b.get(), *c, d.get())
        {
            return r;
        }
        Self::from_big(self.big() * other.big())
    }

    /// `self ÷ other`, `None` when `other` is zero.
    pub fn div(&self, other: &Exact) -> Option<Exact> {
        Some(self.mul(&other.recip()?))
    }

    /// `1 ÷ self`, `None` for zero.
    pub fn recip(&self) -> Option<Exact> {
        match &self.0 {
            Repr::Small(0, _) => None,
            Repr::Small(n, d) => {
                let neg = *n < 0;
                Self::from_parts(neg, d.get(), n.unsigned_abs())
                    .or_else(|| Some(Self::from_big(self.big().recip())))
            }
            Repr::Big(b) => Some(Self::from_big(b.recip())),
        }
    }

    /// `−self`.
    pub fn neg(&self) -> Exact {
        match &self.0 {
            // `n` is never i128::MIN, so `-n` cannot overflow.
            Repr::Small(n, d) => Exact(Repr::Small(-n, *d)),
            Repr::Big(b) => Self::from_big(-(**b).clone()),
        }
    }

    /// `|self|`.
    pub fn abs(&self) -> Exact {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// The largest integer not above this.
    pub fn floor(&self) -> Exact {
        match &self.0 {
            Repr::Small(n, d) => {
                let d = d.get() as i128;
                Exact(Repr::Small(n.div_euclid(d), ONE_U))
            }
            Repr::Big(b) => Self::from_big(b.floor()),
        }
    }

    /// The smallest integer not below this.
    pub fn ceil(&self) -> Exact {
        self.neg().floor().neg()
    }

    /// The integer part, toward zero.
    pub fn trunc(&self) -> Exact {
        if self.is_negative() {
            self.ceil()
        } else {
            self.floor()
        }
    }

    /// The smaller of the two.
    pub fn min_of(self, other: Exact) -> Exact {
        if other < self { other } else { self }
    }

    /// The larger of the two.
    pub fn max_of(self, other: Exact) -> Exact {
        if other > self { other } else { self }
    }

    /// Rounded to `places` decimals by `mode`, exactly: the remainder is
    /// compared with half the divisor as integers, so a tie is a tie.
    pub fn round(&self, places: u32, mode: RoundMode) -> Exact {
        if let Repr::Small(n, d) = &self.0 {
            if d.get() == 1 {
                return self.clone();
            }
            if let Some(p) = pow10_u128(places)
                && let Some(scaled) = n.unsigned_abs().checked_mul(p)
            {
                let d = d.get();
                let (mut q, r) = match (u64::try_from(scaled), u64::try_from(d)) {
                    (Ok(s), Ok(d)) => (u128::from(s / d), u128::from(s % d)),
                    _ => (scaled / d, scaled % d),
                };
                if mode.away(q % 2 == 1, &r, &d) {
                    q += 1;
                }
                if let Ok(p) = i128::try_from(p)
                    && let Ok(q) = i128::try_from(q)
                {
                    return Self::small_or_big(if *n < 0 { -q } else { q }, p);
                }
            }
        }
        let b = self.big();
        let p = BigInt::from(10u32).pow(places);
        let scaled = b.numer().abs() * &p;
        let d = b.denom().clone();
        let (mut q, r) = scaled.div_rem(&d);
        if mode.away(q.is_odd(), &r, &d) {
            q += 1u32;
        }
        if b.is_negative() {
            q = -q;
        }
        Self::from_big(BigRational::new(q, p))
    }

    /// Whether the value is a decimal of at most `places` places.
    pub fn has_places(&self, places: u32) -> bool {
        match (&self.0, pow10_u128(places)) {
            // In lowest terms: a decimal of `places` places when the
            // denominator divides 10^places.
            (Repr::Small(_, d), Some(p)) => p % d.get() == 0,
            _ => self.round(places, RoundMode::Down) == *self,
        }
    }

    /// The shortest exact decimal text (`87.65`, `-0.5`, `12`), or `None`
    /// when the value has no finite decimal expansion (`1/3`).
    pub fn decimal_text(&self) -> Option<String> {
        let places = self.terminating_places()?;
        Some(self.fixed_exact(places))
    }

    /// The number of decimals of the shortest exact decimal form, `None`
    /// when there is none (the denominator has a factor other than 2, 5).
    pub fn terminating_places(&self) -> Option<u32> {
        match &self.0 {
            Repr::Small(_, d) => {
                let mut d = d.get();
                let (twos, fives) = (d.trailing_zeros(), {
                    d >>= d.trailing_zeros();
                    let mut k = 0;
                    while d % 5 == 0 {
                        d /= 5;
                        k += 1;
                    }
                    k
                });
                (d == 1).then_some(twos.max(fives))
            }
            Repr::Big(b) => {
                let mut d = b.denom().clone();
                let (two, five) = (BigInt::from(2u32), BigInt::from(5u32));
                let (mut twos, mut fives) = (0u32, 0u32);
                while (&d % &two).is_zero() {
                    d /= &two;
                    twos += 1;
                }
                while (&d % &five).is_zero() {
                    d /= &five;
                    fives += 1;
                }
                d.is_one().then_some(twos.max(fives))
            }
        }
    }

    /// Exactly `places` decimals, rounded half up where needed (`98.73`,
    /// `9.80`): for tables, whose columns have a fixed number of places.
    pub fn fixed(&self, places: u32) -> String {
        self.round(places, RoundMode::HalfUp).fixed_exact(places)
    }

    /// The value, which has at most `places` decimals, with exactly
    /// `places` of them.
    fn fixed_exact(&self, places: u32) -> String {
        // `n × (10^places ÷ d)`, the value's digits: `d` divides 10^places.
        let small = match (&self.0, pow10_u128(places)) {
            (Repr::Small(n, d), Some(p)) => n
                .unsigned_abs()
                .checked_mul(div_u128(p, d.get()))
                .map(|m| (m, *n < 0)),
            _ => None,
        };
        let (digits, negative) = match small {
            Some((m, negative)) => (m.to_string(), negative),
            None => {
                let scaled = self.pow10(places);
                let digits = match &scaled.0 {
                    Repr::Small(n, _) => n.unsigned_abs().to_string(),
                    Repr::Big(b) => b.numer().abs().to_string(),
                };
                (digits, scaled.is_negative())
            }
        };
        let places = places as usize;
        let mut out = String::with_capacity(digits.len() + places + 3);
        if negative {
            out.push('-');
        }
        if digits.len() <= places {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', places - digits.len()));
            out.push_str(&digits);
        } else {
            let (whole, frac) = digits.split_at(digits.len() - places);
            out.push_str(whole);
            if places > 0 {
                out.push('.');
                out.push_str(frac);
            }
        }
        out
    }

    /// At most `places` decimals, trailing zeros removed, and whether that
    /// text is the exact value (`(“2.6667”, false)` for 8/3).
    pub fn approx(&self, places: u32) -> (String, bool) {
        let rounded = self.round(places, RoundMode::HalfUp);
        let exact = rounded == *self;
        let text = rounded
            .decimal_text()
            .unwrap_or_else(|| rounded.fixed(places));
        (text, exact)
    }

    /// The nearest `f64`, for spreadsheet cells and charts (never for
    /// arithmetic).
    pub fn to_f64(&self) -> f64 {
        const EXACT_IN_F64: u128 = 1 << 53;
        match &self.0 {
            // Both exact in an f64: one correctly rounded division.
            Repr::Small(n, d) if n.unsigned_abs() < EXACT_IN_F64 && d.get() < EXACT_IN_F64 => {
                *n as f64 / d.get() as f64
            }
            _ => self
                .fixed(MAX_DIGITS as u32 + 10)
                .parse()
                .unwrap_or(f64::NAN),
        }
    }

    /// The value as an `i64`, when it is a whole number that fits.
    pub fn to_i64(&self) -> Option<i64> {
        match &self.0 {
            Repr::Small(n, d) if d.get() == 1 => i64::try_from(*n).ok(),
            _ => None,
        }
    }

    /// The number of digits of the numerator and denominator together: how
    /// large the value is to compute with.
    pub fn digits(&self) -> usize {
        match &self.0 {
            Repr::Small(n, d) => {
                n.unsigned_abs().checked_ilog10().unwrap_or(0) as usize
                    + d.get().checked_ilog10().unwrap_or(0) as usize
                    + 2
            }
            Repr::Big(b) => b.numer().to_string().len() + b.denom().to_string().len(),
        }
    }
}

fn small_add(a: i128, b: u128, c: i128, d: u128) -> Option<Exact> {
    if b == d {
        let n = a.checked_add(c)?;
        return Some(Exact::small_or_big(n, i128::try_from(b).ok()?));
    }
    let g = gcd_u128(b, d);
    let (bg, dg) = (i128::try_from(b / g).ok()?, i128::try_from(d / g).ok()?);
    let n = a.checked_mul(dg)?.checked_add(c.checked_mul(bg)?)?;
    let den = bg.checked_mul(i128::try_from(d).ok()?)?;
    Some(Exact::small_or_big(n, den))
}

fn small_mul(a: i128, b: u128, c: i128, d: u128) -> Option<Exact> {
    if b == 1 && d == 1 {
        return Some(Exact::small_or_big(a.checked_mul(c)?, 1));
    }
    let g1 = gcd_u128(a.unsigned_abs(), d);
    let g2 = gcd_u128(c.unsigned_abs(), b);
    let n = div_u128(a.unsigned_abs(), g1).checked_mul(div_u128(c.unsigned_abs(), g2))?;
    let den = div_u128(b, g2).checked_mul(div_u128(d, g1))?;
    Exact::from_parts((a < 0) != (c < 0) && n != 0, n, den)
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Exact) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Exact) -> Ordering {
        if let (Repr::Small(a, b), Repr::Small(c, d)) = (&self.0, &other.0) {
            if b == d {
                return a.cmp(c);
            }
            if let (Some(l), Some(r)) = (
                i128::try_from(d.get()).ok().and_then(|d| a.checked_mul(d)),
                i128::try_from(b.get()).ok().and_then(|b| c.checked_mul(b)),
            ) {
                return l.cmp(&r);
            }
        }
        self.big().cmp(&other.big())
    }
}

impl Default for Exact {
    fn default() -> Exact {
        Exact::ZERO
    }
}

impl From<i64> for Exact {
    fn from(n: i64) -> Exact {
        Exact::int(n)
    }
}

impl From<u32> for Exact {
    fn from(n: u32) -> Exact {
        Exact::int(i64::from(n))
    }
}

impl From<usize> for Exact {
    fn from(n: usize) -> Exact {
        Exact::small_or_big(n as i128, 1)
    }
}

macro_rules! binary_op {
    ($trait:ident, $method:ident, $assign:ident, $assign_method:ident) => {
        impl std::ops::$trait<&Exact> for &Exact {
            type Output = Exact;
            fn $method(self, other: &Exact) -> Exact {
                Exact::$method(self, other)
            }
        }
        impl std::ops::$trait<Exact> for Exact {
            type Output = Exact;
            fn $method(self, other: Exact) -> Exact {
                Exact::$method(&self, &other)
            }
        }
        impl std::ops::$trait<&Exact> for Exact {
            type Output = Exact;
            fn $method(self, other: &Exact) -> Exact {
                Exact::$method(&self, other)
            }
        }
        impl std::ops::$trait<Exact> for &Exact {
            type Output = Exact;
            fn $method(self, other: Exact) -> Exact {
                Exact::$method(self, &other)
            }
        }
        impl std::ops::$assign<&Exact> for Exact {
            fn $assign_method(&mut self, other: &Exact) {
                *self = Exact::$method(self, other);
            }
        }
        impl std::ops::$assign<Exact> for Exact {
            fn $assign_method(&mut self, other: Exact) {
                *self = Exact::$method(self, &other);
            }
        }
    };
}

// Division has no operator: it can fail, and `Exact::div` says so.
binary_op!(Add, add, AddAssign, add_assign);
binary_op!(Sub, sub, SubAssign, sub_assign);
binary_op!(Mul, mul, MulAssign, mul_assign);

impl std::ops::Neg for Exact {
    type Output = Exact;
    fn neg(self) -> Exact {
        Exact::neg(&self)
    }
}

impl std::ops::Neg for &Exact {
    type Output = Exact;
    fn neg(self) -> Exact {
        Exact::neg(self)
    }
}

impl std::iter::Sum for Exact {
    fn sum<I: Iterator<Item = Exact>>(iter: I) -> Exact {
        iter.fold(Exact::ZERO, |a, b| a.add(&b))
    }
}

impl<'a> std::iter::Sum<&'a Exact> for Exact {
    fn sum<I: Iterator<Item = &'a Exact>>(iter: I) -> Exact {
        iter.fold(Exact::ZERO, |a, b| a.add(b))
    }
}

impl fmt::Display for Exact {
    /// The shortest exact decimal (`87.65`), or `n/d` for a value that has
    /// none (`20/3`); pfc never prints a figure it has not computed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.decimal_text() {
            Some(t) => f.write_str(&t),
            None => match &self.0 {
                Repr::Small(n, d) => write!(f, "{n}/{d}"),
                Repr::Big(b) => write!(f, "{}/{}", b.numer(), b.denom()),
            },
        }
    }
}

impl fmt::Debug for Exact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl serde::Serialize for Exact {
    /// As [`Display`](fmt::Display) writes it: exact text, never a float.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl std::str::FromStr for Exact {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Exact, ParseError> {
        Exact::parse(s)
    }
}

#[cfg(test)]
mod tests;
