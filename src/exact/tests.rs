use super::*;
use num_bigint::BigInt;
use proptest::prelude::*;

fn x(s: &str) -> Exact {
    Exact::parse(s).expect("a number")
}

/// The model: a big rational, rounded the way the rounding modes are
/// defined, by comparing the remainder with half the divisor.
fn model_round(v: &BigRational, places: u32, mode: RoundMode) -> BigRational {
    let p = BigInt::from(10u32).pow(places);
    let scaled = v * BigRational::from(p.clone());
    let floor = scaled.floor();
    let frac = &scaled - &floor;
    let half = BigRational::new(BigInt::from(1), BigInt::from(2));
    let lower = floor.to_integer();
    let upper: BigInt = &lower + BigInt::from(1);
    let toward_zero = if v.is_negative() && !frac.is_zero() {
        upper.clone()
    } else {
        lower.clone()
    };
    let away_from_zero = if frac.is_zero() || v.is_negative() {
        lower.clone()
    } else {
        upper.clone()
    };
    let q = match mode {
        RoundMode::Down => toward_zero,
        RoundMode::Up => away_from_zero,
        RoundMode::HalfUp | RoundMode::HalfEven => {
            if frac < half {
                lower
            } else if frac > half {
                upper
            } else if mode == RoundMode::HalfUp {
                if v.is_negative() { lower } else { upper }
            } else if lower.is_even() {
                lower
            } else {
                upper
            }
        }
    };
    BigRational::new(q, p)
}

#[test]
fn the_ties_an_auditor_checks_round_half_up() {
    // 15 × min(107人次 ÷ 600人次, 1) is exactly 2.675.
    let v = x("15").mul(&x("107").div(&x("600")).expect("non-zero"));
    assert_eq!(v.decimal_text().as_deref(), Some("2.675"));
    assert_eq!(v.round(2, RoundMode::HalfUp).fixed(2), "2.68");
    // 7 × min(80.7% ÷ 84%, 1) is exactly 6.725.
    let v = x("7").mul(&x("0.807").div(&x("0.84")).expect("non-zero"));
    assert_eq!(v.to_string(), "6.725");
    assert_eq!(v.round(2, RoundMode::HalfUp).to_string(), "6.73");
    assert_eq!(v.round(2, RoundMode::HalfEven).to_string(), "6.72");
    assert_eq!(v.round(2, RoundMode::Down).to_string(), "6.72");
    assert_eq!(v.round(2, RoundMode::Up).to_string(), "6.73");
    assert_eq!(v.neg().round(2, RoundMode::HalfUp).to_string(), "-6.73");
}

#[test]
fn decimals_read_exactly() {
    for (text, shown) in [
        ("87.65", "87.65"),
        ("-0.5", "-0.5"),
        ("+12", "12"),
        (".5", "0.5"),
        ("5.", "5"),
        ("1e6", "1000000"),
        ("2.5E-3", "0.0025"),
        ("0.000", "0"),
        ("-0", "0"),
        ("007.100", "7.1"),
        (
            "79228162514264337593543950335",
            "79228162514264337593543950335",
        ),
        (
            "123456789012345678901234567890.123456789012345678901234567891",
            "123456789012345678901234567890.123456789012345678901234567891",
        ),
    ] {
        assert_eq!(x(text).to_string(), shown, "{text}");
    }
    for bad in ["", "-", ".", "1.2.3", "1e", "e5", "12a", "1,5", " 1", "∞"] {
        assert_eq!(Exact::parse(bad), Err(ParseError::NotANumber), "{bad:?}");
    }
    assert_eq!(
        Exact::parse("1234567890123456789012345678901"),
        Err(ParseError::TooManyDigits(31))
    );
    assert_eq!(Exact::parse("1e31"), Err(ParseError::TooManyDigits(32)));
    assert_eq!(
        Exact::parse("0.0000000000000000000000000000001"),
        Err(ParseError::TooManyDecimals(31))
    );
    assert!(Exact::parse("1.0000000000000000000000000000000000000").is_ok());
}

#[test]
fn non_terminating_values_print_as_fractions_and_approximately() {
    let third = x("1").div(&x("3")).expect("non-zero");
    assert_eq!(third.to_string(), "1/3");
    assert_eq!(third.decimal_text(), None);
    assert_eq!(third.approx(4), ("0.3333".to_owned(), false));
    assert_eq!(x("2.5").approx(4), ("2.5".to_owned(), true));
    assert_eq!(third.fixed(2), "0.33");
    assert_eq!(x("-0.001").fixed(2), "0.00");
    assert_eq!(x("9.8").fixed(2), "9.80");
    assert_eq!(x("-12").fixed(0), "-12");
}

#[test]
fn overflow_moves_to_big_integers_and_back() {
    let big = x("79228162514264337593543950335");
    let square = big.mul(&big);
    assert!(matches!(square.0, Repr::Big(_)));
    let back = square.div(&big).expect("non-zero");
    assert_eq!(back, big);
    assert!(matches!(back.0, Repr::Small(..)));
    // A sum of many ratios with different denominators stays exact.
    let mut sum = Exact::ZERO;
    for d in 1..=60i128 {
        sum = sum.add(&Exact::ratio(1, d).expect("non-zero"));
    }
    let mut model = BigRational::zero();
    for d in 1..=60i64 {
        model += BigRational::new(BigInt::from(1), BigInt::from(d));
    }
    assert_eq!(sum.big(), model);
    assert!(sum > x("4.67") && sum < x("4.68"));
}

#[test]
fn floor_ceil_trunc() {
    for (v, f, c, t) in [
        ("2.5", "2", "3", "2"),
        ("-2.5", "-3", "-2", "-2"),
        ("7", "7", "7", "7"),
        ("-0.1", "-1", "0", "0"),
    ] {
        assert_eq!(x(v).floor(), x(f), "floor {v}");
        assert_eq!(x(v).ceil(), x(c), "ceil {v}");
        assert_eq!(x(v).trunc(), x(t), "trunc {v}");
    }
}

fn value() -> impl Strategy<Value = Exact> {
    prop_oneof![
        // Decimals as tables write them.
        (-10_000_000i128..10_000_000, 0u32..6).prop_map(|(m, s)| Exact::decimal(m, s)),
        // Ties: k.5 at some place.
        (-100_000i128..100_000, 1u32..6).prop_map(|(m, s)| Exact::decimal(m * 10 + 5, s + 1)),
        // Ratios.
        (-1000i128..1000, 1i128..1000).prop_map(|(n, d)| Exact::ratio(n, d).expect("d > 0")),
        // Huge and tiny.
        (-1i128..2, 0u32..3).prop_map(|(m, k)| Exact::decimal(m * i128::MAX / 7, k * 20)),
    ]
}

fn mode() -> impl Strategy<Value = RoundMode> {
    prop_oneof![
        Just(RoundMode::HalfUp),
        Just(RoundMode::HalfEven),
        Just(RoundMode::Down),
        Just(RoundMode::Up)
    ]
}

proptest! {
    #[test]
    fn arithmetic_agrees_with_big_rationals(a in value(), b in value()) {
        let (ba, bb) = (a.big(), b.big());
        prop_assert_eq!(a.add(&b).big(), &ba + &bb);
        prop_assert_eq!(a.sub(&b).big(), &ba - &bb);
        prop_assert_eq!(a.mul(&b).big(), &ba * &bb);
        if !b.is_zero() {
            prop_assert_eq!(a.div(&b).expect("non-zero").big(), &ba / &bb);
        }
        prop_assert_eq!(a.cmp(&b), ba.cmp(&bb));
        prop_assert_eq!(a.floor().big(), ba.floor());
        prop_assert_eq!(a.ceil().big(), ba.ceil());
    }

    #[test]
    fn rounding_is_the_exact_value_rounded_once(v in value(), places in 0u32..6, m in mode()) {
        let ours = v.round(places, m);
        prop_assert_eq!(ours.big(), model_round(&v.big(), places, m));
        prop_assert!(ours.has_places(places));
    }

    #[test]
    fn canonical_forms_compare_structurally(a in value(), b in value()) {
        // Equal values have equal representations, however they were made.
        let c = a.add(&b).sub(&b);
        prop_assert_eq!(&c, &a);
        let text = a.to_string();
        if let Some(t) = a.decimal_text() {
            prop_assert_eq!(&text, &t);
            if let Ok(back) = Exact::parse(&t) {
                prop_assert_eq!(back, a);
            }
        }
    }
}
