//! Huge and tiny figures, in every place a number goes, never panic: each
//! is computed exactly or refused with a located message.

use crate::testing::{CN_SELF_EVAL, compile};
use proptest::prelude::*;

/// A figure as a careless or hostile table might write it: up to 45 digits
/// before and after the point, a sign, an exponent, full-width digits.
fn figure() -> impl Strategy<Value = String> {
    let digits = |max| proptest::collection::vec(0u8..10, 0..max);
    (
        prop::sample::select(vec!["", "-", "+"]),
        digits(45),
        prop::option::of(digits(45)),
        prop::option::of(-60i32..60),
        any::<bool>(),
    )
        .prop_map(|(sign, whole, frac, exp, wide)| {
            let text = |d: &[u8]| d.iter().map(|d| char::from(b'0' + d)).collect::<String>();
            let mut s = format!("{sign}{}", text(&whole));
            if whole.is_empty() {
                s.push('0');
            }
            if let Some(f) = frac {
                s.push('.');
                s.push_str(&text(&f));
                s.push('1');
            }
            if let Some(e) = exp {
                s.push_str(&format!("e{e}"));
            }
            if wide {
                s = s
                    .chars()
                    .map(|c| match c {
                        '0'..='9' => {
                            char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)
                        }
                        other => other,
                    })
                    .collect();
            }
            s
        })
}

fn unit() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "%", "万元", "亿元", "元", "人次", "个"])
}

fn op() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "≥", "≤", "=", "<", ">"])
}

/// Score the data with the bundled framework; only a panic fails.
fn score(data: &str) {
    let (mut sources, model, _) = compile(CN_SELF_EVAL);
    let model = model.expect("the bundled framework checks");
    let file = sources.add("data.toml", data);
    if let Ok(data) = crate::data::load(&sources, file) {
        let outcome = crate::eval::evaluate(&model, &data);
        // Whatever happened is said, and renders.
        let _ = crate::render::to_string(
            &sources,
            &outcome.diagnostics,
            crate::render::ErrorFormat::Human,
            crate::catalogue::Lang::En,
        );
        if let Some(e) = outcome.evaluation {
            let _ = serde_json::to_string(&e);
            let _ = crate::report::context::build(&e);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_figure_in_any_cell_is_scored_or_refused(
        budget in figure(), executed in figure(), target in figure(), actual in figure(),
        weight in figure(), claimed in figure(), (tu, au) in (unit(), unit()), o in op(),
        bare_weight in any::<bool>(),
    ) {
        let weight = if bare_weight && !weight.contains(['e', '-', '＋', '０', '１']) {
            weight
        } else {
            format!("\"{weight}\"")
        };
        let data = format!(
            "year = 2021\n[funds]\nbudget = \"{budget}\"\nexecuted = \"{executed}\"\n\
             [claimed]\ntotal = \"{claimed}\"\n\
             [[indicators]]\npath = [\"产出指标\", \"数量指标\"]\nname = \"a\"\n\
             target = \"{o}{target}{tu}\"\nactual = \"{actual}{au}\"\nweight = {weight}\n\
             claimed_score = \"{claimed}\"\nclaimed_completion = \"{actual}%\"\n"
        );
        score(&data);
    }

    #[test]
    fn any_literal_in_a_framework_is_checked_or_refused(
        w in figure(), t in figure(), g in figure(), lit in figure(), u in unit(),
    ) {
        let src = format!(
            "framework f {{ total {t}\n round 2\n grades {{ 优 >= {g}; 差 }}\n\
             input x: number default {lit}{u}\n\
             indicator a weight {w} {{ target {lit}{u}\n actual x\n score weight * min(actual / target, 1) }} }}"
        );
        let (sources, model, diags) = compile(&src);
        let _ = crate::render::to_string(&sources, &diags, crate::render::ErrorFormat::Human, crate::catalogue::Lang::En);
        if let Some(m) = model {
            let mut sources = sources;
            let file = sources.add("d.toml", format!("[inputs]\nx = \"{lit}\""));
            if let Ok(d) = crate::data::load(&sources, file) {
                let _ = crate::eval::evaluate(&m, &d);
            }
        }
    }
}
