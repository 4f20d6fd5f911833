use crate::eval::result::{Evaluation, ScoredNode};
use crate::exact::Exact;
use crate::testing::{CN_SELF_EVAL, evaluate, evaluate_strict, model};
use proptest::prelude::*;

fn d(s: &str) -> Exact {
    crate::testing::x(s)
}

const SIMPLE: &str = "framework t {
  total 100
  round 2 half-up per-leaf
  grades { 优 >= 90; 良 >= 80; 中 >= 60; 差 }
  group 产出指标 weight 100 { slot 数量指标 }
  scoring at-least { score weight * min(actual / target, 1) }
  scoring at-most { score if actual <= target then weight else max(0, weight * (1 - (actual - target) / target)) }
  scoring equals { score if actual == target then weight else 0 }
  scoring qualitative { 达成 80%..100%; 部分达成 60%..80%; 未达成 0%..60% }
}";

fn rows(list: &[(&str, &str, &str)]) -> String {
    let mut out = String::new();
    for (i, (target, actual, weight)) in list.iter().enumerate() {
        out.push_str(&format!(
            "[[indicators]]\npath = [\"产出指标\", \"数量指标\"]\nname = \"指标{i}\"\ntarget = \"{target}\"\nactual = \"{actual}\"\nweight = {weight}\nreason = \"r\"\n\n"
        ));
    }
    out
}

#[track_caller]
fn score(framework: &str, data: &str) -> Evaluation<'static> {
    let (sources, outcome, _) = evaluate(framework, data);
    outcome.evaluation.unwrap_or_else(|| {
        panic!(
            "{}",
            crate::render::to_string(
                &sources,
                &outcome.diagnostics,
                crate::render::ErrorFormat::Human,
                crate::catalogue::Lang::En
            )
        )
    })
}

fn leaf_scores(e: &Evaluation) -> Vec<Exact> {
    e.tree
        .iter()
        .flat_map(ScoredNode::walk)
        .filter(|n| n.leaf.is_some())
        .map(|n| n.score.value.clone())
        .collect()
}

#[test]
fn reverse_formulas_differ_as_the_reference_says() {
    // Reference §2: target ≤90万元, actual 95, weight 8 → linear 7.56, ratio 7.58.
    let data = rows(&[("≤90万元", "95万元", "8"), ("≥1", "1", "92")]);
    assert_eq!(leaf_scores(&score(SIMPLE, &data))[0], d("7.56"));
    let ratio = SIMPLE.replace(
        "score if actual <= target then weight else max(0, weight * (1 - (actual - target) / target))",
        "score weight * min(target / actual, 1)",
    );
    assert_eq!(leaf_scores(&score(&ratio, &data))[0], d("7.58"));
}

#[test]
fn qualitative_band_boundaries() {
    let mut data = rows(&[("达成", "部分达成", "10"), ("达成", "达成", "90")]);
    data = data.replacen("weight = 10\n", "weight = 10\nscore = 6\n", 1);
    assert_eq!(leaf_scores(&score(SIMPLE, &data)), [d("6"), d("90")]);
    // 80% of the weight belongs to 达成, not to 部分达成.
    let bad = rows(&[("达成", "部分达成", "10"), ("达成", "达成", "90")]).replacen(
        "weight = 10\n",
        "weight = 10\nscore = 8\n",
        1,
    );
    let (_, outcome, _) = evaluate_strict(SIMPLE, &bad);
    assert!(outcome.evaluation.is_none());
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|x| x.code.as_str() == "PF3008" && x.is_error())
    );
    // As submitted, the evaluator's 8 is the score, and where it lies is said.
    let (_, outcome, _) = evaluate(SIMPLE, &bad);
    let e = outcome.evaluation.as_ref().expect("scored as submitted");
    assert_eq!(leaf_scores(e), [d("8"), d("90")]);
    assert!(outcome.diagnostics.iter().any(|x| matches!(
        &x.message,
        crate::catalogue::Text::Eval(crate::catalogue::eval::Eval::ScoreInOtherBand { lies, .. })
            if lies.0 == "达成"
    )));
}

#[test]
fn rounding_modes_and_scopes() {
    // 1 ÷ 3 of 10 points three times: per-leaf rounds each to 3.33.
    let data = rows(&[("≥3", "1", "10"), ("≥3", "1", "10"), ("≥3", "1", "80")]);
    let per_leaf = score(SIMPLE, &data);
    assert_eq!(per_leaf.total.value, d("33.33"));
    let total_only = SIMPLE.replace("per-leaf", "total-only");
    assert_eq!(score(&total_only, &data).total.value, d("33.33"));
    let down = SIMPLE.replace("half-up", "down");
    let data2 = rows(&[("≥3", "2", "10"), ("≥1", "1", "90")]);
    assert_eq!(score(&down, &data2).total.value, d("96.66"));
    assert_eq!(score(SIMPLE, &data2).total.value, d("96.67"));
}

#[test]
fn grades_use_inclusive_lower_bounds() {
    let data = rows(&[("≥100", "80", "100")]);
    assert_eq!(score(SIMPLE, &data).grade, Some("良"));
    let data = rows(&[("≥100", "79.99", "100")]);
    assert_eq!(score(SIMPLE, &data).grade, Some("中"));
}

#[test]
fn money_units_convert_exactly() {
    let data = rows(&[("≤1万元", "9999元", "100")]);
    assert_eq!(score(SIMPLE, &data).total.value, d("100.00"));
    let data = rows(&[("≥1亿元", "5000万元", "100")]);
    assert_eq!(score(SIMPLE, &data).total.value, d("50.00"));
}

#[test]
fn incompatible_units_are_an_error() {
    let data = rows(&[("≤90万元", "95个", "50"), ("≥1", "1", "50")]);
    let (_, outcome, _) = evaluate_strict(SIMPLE, &data);
    assert!(outcome.evaluation.is_none());
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|x| x.code.as_str() == "PF3007" && x.is_error())
    );
    // As submitted, no person could score that row either: it is left out
    // and named, and the rest is scored: judged in part, without a grade.
    let (_, outcome, _) = evaluate(SIMPLE, &data);
    let e = outcome.evaluation.as_ref().expect("scored in part");
    let partial = e.partial.as_ref().expect("partly judged");
    assert_eq!(
        (partial.judged.clone(), partial.of.clone()),
        (d("50"), d("100"))
    );
    assert_eq!(partial.unjudged[0].name, "指标0");
    assert_eq!(e.total.value, d("50"));
    assert_eq!(e.grade, None);
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|x| x.code.as_str() == "PF3007" && !x.is_error())
    );
}

#[test]
fn caidian_example_scores_as_the_seed() {
    let data = include_str!("../../../frameworks/cn-self-eval-2020/examples/caidian-2019.toml");
    let e = score(CN_SELF_EVAL, data);
    assert_eq!(e.total.value, d("99.87"));
    assert_eq!(e.grade, Some("优"));
    let parts: Vec<Exact> = e.parts.iter().map(|p| p.score.value.clone()).collect();
    assert_eq!(parts, [d("9.87"), d("50"), d("30"), d("10")]);
    let satisfaction = e
        .tree
        .iter()
        .flat_map(ScoredNode::walk)
        .find(|n| n.name.contains("满意程度"))
        .expect("row");
    assert_eq!(
        satisfaction
            .leaf
            .as_ref()
            .and_then(|l| l.completion.clone()),
        Some(d("1.0625"))
    );
}

#[test]
fn underperforming_example_matches_the_hand_calculation() {
    let data =
        include_str!("../../../frameworks/cn-self-eval-2020/examples/underperforming-2021.toml");
    let e = score(CN_SELF_EVAL, data);
    let leaves: Vec<String> = leaf_scores(&e).iter().map(|x| x.to_string()).collect();
    assert_eq!(leaves, ["7.5", "12", "10", "7", "14.17", "16", "4", "9.33"]);
    assert_eq!(e.total.value, d("80.00"));
    assert_eq!(e.grade, Some("良"));
}

fn arb_decimal(max: i64) -> impl Strategy<Value = Exact> {
    (1..max * 100).prop_map(|n| Exact::decimal(i128::from(n), 2))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// A leaf's score is never below 0 or above its weight, whatever the
    /// target kind and values.
    #[test]
    fn leaf_scores_stay_within_their_weight(
        target in arb_decimal(1000),
        actual in (0i64..300_000).prop_map(|n| Exact::decimal(i128::from(n), 2)),
        weight in arb_decimal(50),
        op in prop::sample::select(vec!["≥", "≤", "=", ""]),
    ) {
        let rest = Exact::int(100) - &weight;
        let data = rows(&[(&format!("{op}{target}"), &actual.to_string(), &weight.to_string()), ("≥1", "1", &rest.to_string())]);
        let e = score(SIMPLE, &data);
        let s = leaf_scores(&e)[0].clone();
        prop_assert!(!s.is_negative() && s <= weight, "score {} for weight {}", s, weight);
    }

    /// A group's score is the sum of its children's scores.
    #[test]
    fn groups_add_up(a in arb_decimal(200), b in arb_decimal(200), c in arb_decimal(200)) {
        let data = rows(&[("≥100", &a.to_string(), "30"), ("≤100", &b.to_string(), "30"), ("=100", &c.to_string(), "40")]);
        let e = score(SIMPLE, &data);
        for node in e.tree.iter().flat_map(ScoredNode::walk) {
            if !node.children.is_empty() {
                let sum: Exact = node.children.iter().map(|c| &c.score.value).sum();
                prop_assert_eq!(&node.score.value, &sum);
            }
        }
        let parts: Exact = e.parts.iter().map(|p| &p.score.value).sum();
        prop_assert_eq!(e.total.value, parts);
    }

    /// At-least scoring never decreases when the actual grows.
    #[test]
    fn at_least_is_monotone(target in arb_decimal(1000), a in arb_decimal(2000), more in arb_decimal(500)) {
        let s = |actual: &Exact| leaf_scores(&score(SIMPLE, &rows(&[(&format!("≥{target}"), &actual.to_string(), "100")])))[0].clone();
        prop_assert!(s(&a) <= s(&(&a + &more)));
    }

    /// The same input gives byte-identical output.
    #[test]
    fn same_input_same_bytes(target in arb_decimal(1000), actual in arb_decimal(1000)) {
        let data = rows(&[(&format!("≤{target}万元"), &format!("{actual}万元"), "100")]);
        let a = serde_json::to_string(&score(SIMPLE, &data)).expect("json");
        let b = serde_json::to_string(&score(SIMPLE, &data)).expect("json");
        prop_assert_eq!(a, b);
    }
}

#[test]
fn renormalised_shares_never_add_up_above_the_weight() {
    let fw = "framework r { total 20
  group g weight 20 renormalize {
    indicator a weight 5 { score weight }; indicator b weight 5 { score weight }
    indicator c weight 5 { score weight }; indicator d weight 5 { score skip } } }";
    let e = score(fw, "year = 2021");
    assert_eq!(e.total.value, d("20.00"));
    // Each share is exactly a third of 20; the group is rounded once.
    let third = Exact::ratio(20, 3).expect("non-zero");
    let shares: Vec<Exact> = leaf_scores(&e);
    assert_eq!(shares, [third.clone(), third.clone(), third, d("0")]);
}

#[test]
fn tiers_pick_the_first_tier_that_holds() {
    let fw = "framework t { total 10
  input r: percent
  indicator i weight 10 {
    actual r
    score tiers actual {
      <= 0% => 5
      <= 10% => 4
      <= 20% => 3
      otherwise => 0
    } * 2
  } }";
    for (r, want) in [("0%", "10"), ("10%", "8"), ("10.01%", "6"), ("25%", "0")] {
        let e = score(fw, &format!("[inputs]\nr = \"{r}\""));
        assert_eq!(e.total.value, d(want), "r = {r}");
    }
}

#[test]
fn model_of_the_bundled_framework_builds() {
    let m = model(CN_SELF_EVAL);
    assert_eq!(m.id, "cn-self-eval-2020");
}

/// An override names its condition, with the values it found, and the grade
/// the points alone give; a grade from the points has no override.
#[test]
fn a_grade_override_says_why() {
    let fw = CN_SELF_EVAL.replace("    优 >= 90", "    差 when 执行率 < 50%\n    优 >= 90");
    let data = include_str!("../../../frameworks/cn-self-eval-2020/examples/caidian-2019.toml");
    let e = score(&fw, data);
    assert_eq!(e.grade, Some("优"));
    assert!(e.grade_override.is_none());
    let low = data.replace("executed = \"86.54万元\"", "executed = \"30万元\"");
    assert_ne!(low, data, "the example's executed amount");
    let (_, outcome, _) = evaluate(&fw, &low);
    let e = outcome.evaluation.expect("scored");
    assert_eq!(e.grade, Some("差"));
    let o = e
        .grade_override
        .as_ref()
        .expect("an override gave the grade");
    assert_eq!(o.condition, "执行率 (34.23%) < 50%");
    assert_eq!(o.by_points.as_deref(), Some("优"));
    let ctx = crate::report::context::build(&e);
    assert!(
        ctx.conclusion
            .ends_with("评价等级为“差”（因 执行率 (34.23%) < 50% 成立；仅按得分为“优”）。"),
        "{}",
        ctx.conclusion
    );
}

#[test]
fn a_bare_month_target_is_scored_as_months_and_says_so() {
    let data = |target: &str, actual: &str| {
        format!(
            "year = 2022\n[funds]\nbudget = 100\nexecuted = 100\n\n{}",
            rows(&[(target, actual, "100")])
        )
    };
    let warned = |target: &str, actual: &str| -> Vec<String> {
        let (_, outcome, _) = evaluate(SIMPLE, &data(target, actual));
        outcome
            .diagnostics
            .iter()
            .map(|d| {
                let en = crate::catalogue::Lang::En;
                format!("{} | {}", d.headline(en), d.hint_texts(en).join(" | "))
            })
            .filter(|text| text.contains("month of the year"))
            .collect()
    };
    // `12月` may be December: finishing in November then scores less.
    let e = score(SIMPLE, &data("12月", "11月"));
    assert_eq!(leaf_scores(&e), [d("91.67")]);
    let found = warned("12月", "11月");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`≤12月` or `12月底前`"), "{found:?}");
    // A comparison, a duration or another unit says which is meant.
    for (target, actual) in [
        ("≤12月", "11月"),
        ("≥12月", "11月"),
        ("12个月", "11个月"),
        ("13月", "12月"),
        ("12.5月", "12月"),
        ("12件", "11件"),
    ] {
        assert!(warned(target, actual).is_empty(), "{target}");
    }
}

/// The one rule for claimed scores: the exact score rounded once to the
/// claim's precision; full marks never agree with a score below the weight.
#[test]
fn a_claimed_score_is_compared_at_its_own_precision_once() {
    let claims = |actual: &str, weight: &str, claimed: &str| -> bool {
        let rest = (Exact::int(100) - d(weight)).to_string();
        let data = rows(&[("≥100", actual, weight), ("≥1", "1", &rest)]).replacen(
            "reason = \"r\"\n",
            &format!("reason = \"r\"\nclaimed_score = \"{claimed}\"\n"),
            1,
        );
        let (_, outcome, _) = evaluate(SIMPLE, &data);
        outcome
            .diagnostics
            .iter()
            .any(|x| x.code.as_str() == "PF3009")
    };
    // 10 × 19.46% = 1.946: 1.9 agrees (rounding the 1.95 shown again would say 2.0).
    assert!(!claims("19.46", "10", "1.9"));
    assert!(claims("19.46", "10", "2.0"));
    assert!(!claims("19.46", "10", "1.95"));
    // 10 × 14.285% = 1.4285: 1.4 agrees, 1.43 agrees, 1.42 does not.
    assert!(!claims("14.285", "10", "1.4"));
    assert!(!claims("14.285", "10", "1.43"));
    assert!(claims("14.285", "10", "1.42"));
    // A whole number is a precision too: 7.5 of 10 printed as 8 agrees …
    assert!(!claims("75", "10", "8"));
    // … but full marks for an unmet target never do: 8 × 94.75% = 7.58.
    assert!(claims("94.75", "8", "8"));
    assert!(!claims("100", "8", "8"));
}

/// A qualitative row as real tables write it: its own 得分 is the
/// evaluator's judgement; a word no band knows is judged by that score; an
/// actual that repeats the target is the target met.
#[test]
fn qualitative_rows_are_read_as_submitted() {
    use crate::catalogue::Text;
    use crate::catalogue::eval::Eval;
    let framework = SIMPLE.replace("部分达成 60%..80%", "部分达成 60%..80% also \"基本达成\"");
    let one = |actual: &str, claimed: Option<&str>| {
        let claim = claimed.map_or(String::new(), |c| format!("claimed_score = \"{c}\"\n"));
        rows(&[("按时完成", actual, "10"), ("≥1", "1", "90")]).replacen(
            "reason = \"r\"\n",
            &format!("reason = \"r\"\n{claim}"),
            1,
        )
    };
    let is = |d: &crate::diagnostic::Diagnostic, f: fn(&Eval) -> bool| matches!(&d.message, Text::Eval(e) if f(e));
    // 基本达成 with a claimed 7 of 10: 7, and no "your score is wrong".
    let (_, outcome, _) = evaluate(&framework, &one("基本达成", Some("7")));
    let e = outcome.evaluation.as_ref().expect("scored");
    assert_eq!(leaf_scores(e)[0], d("7"));
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|x| x.code.as_str() != "PF3009")
    );
    // A word no band knows, with a score: the score, in its band, said.
    let (_, outcome, _) = evaluate(&framework, &one("合格", Some("7")));
    assert_eq!(
        leaf_scores(outcome.evaluation.as_ref().expect("scored"))[0],
        d("7")
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|x| x.severity == crate::diagnostic::Severity::Note
                && is(
                    x,
                    |e| matches!(e, Eval::UnknownWordScored { band, .. } if band.0 == "部分达成")
                ))
    );
    // The target's own words as the actual: met, the top band's upper end.
    let (_, outcome, _) = evaluate(&framework, &one("按时完成", None));
    assert_eq!(
        leaf_scores(outcome.evaluation.as_ref().expect("scored"))[0],
        d("10")
    );
    assert!(
        outcome
            .diagnostics
            .iter()
            .any(|x| is(x, |e| matches!(e, Eval::ActualRepeatsTarget { .. })))
    );
    // Neither a known word nor a score: nobody can judge it; the row is not
    // judged, and the message asks for a score.
    let (_, outcome, _) = evaluate(&framework, &one("好坏", None));
    let e = outcome.evaluation.as_ref().expect("scored in part");
    assert_eq!(e.partial.as_ref().map(|p| p.unjudged.len()), Some(1));
    let d = outcome
        .diagnostics
        .iter()
        .find(|x| x.code.as_str() == "PF3010")
        .expect("PF3010");
    assert!(
        d.hints
            .iter()
            .any(|h| matches!(h, Text::Eval(Eval::HintGiveScore)))
    );
    // Strict: the word must be the framework's.
    let (_, outcome, _) = evaluate_strict(&framework, &one("合格", Some("7")));
    assert!(outcome.evaluation.is_none());
}
