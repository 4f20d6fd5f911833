//! The funds block's own arithmetic: the 其中 rows (当年财政拨款, 上年结转资金,
//! 其他资金 …) add up to 年度资金总额, figure by figure.

use super::Scorer;
use super::inputs::money;
use crate::catalogue::eval::Eval;
use crate::data::FUND_FIGURES;
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use crate::quantity::Quantity;

/// Warn where the sources that give a figure do not add up to the total row's
/// figure. A figure no source gives is not checked (the 自评表 often fills the
/// sources for some columns only), nor one the total row leaves blank;
/// unreadable amounts are reported elsewhere and skipped here.
pub(super) fn check_sources(s: &Scorer<'_>) {
    let funds = &s.data.raw.funds;
    if funds.sources.is_empty() {
        return;
    }
    let unit = s.data.funds_unit();
    for (k, ((field, header), total)) in FUND_FIGURES.into_iter().zip(funds.figures()).enumerate() {
        let Some(Ok(total)) = total.map(|c| money(c, unit)) else {
            continue;
        };
        let mut sum = Exact::ZERO;
        let mut given = Vec::new();
        for src in &funds.sources {
            match src.figures()[k].map(|c| money(c, unit)) {
                Some(Ok(q)) => {
                    sum += &q.value;
                    given.push(format!("{} {q}", src.name));
                }
                Some(Err(_)) => return,
                None => {}
            }
        }
        if given.is_empty() || sum == total.value {
            continue;
        }
        let sum = Quantity {
            value: sum,
            unit: total.unit.clone(),
        };
        s.warn(
            Diagnostic::warning(
                Code::FundsDoNotAddUp,
                Eval::FundsDoNotAddUp {
                    column: header,
                    sum,
                    total,
                },
            )
            .with_note(Eval::NoteSources {
                sum: given.join(" + "),
            })
            .with_hint(Eval::HintFundsAddUp),
            &format!("funds.{field}"),
            Eval::LabelTotalRow,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::testing::evaluate;

    const FRAMEWORK: &str = "framework t {
  total 10
  group 产出指标 weight 10 { slot 数量指标 }
  scoring at-least { score weight * min(actual / target, 1) }
}";

    fn funds(total: &str, sources: &str) -> Vec<String> {
        let data = format!(
            "[project]\nname = \"p\"\n[funds]\n{total}\n{sources}\n[[indicators]]\npath = [\"产出指标\", \"数量指标\"]\nname = \"n\"\ntarget = \"≥10个\"\nactual = \"10个\"\nweight = 10\n"
        );
        evaluate(FRAMEWORK, &data)
            .1
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::FundsDoNotAddUp)
            .map(|d| d.headline(crate::catalogue::Lang::En))
            .collect()
    }

    #[test]
    fn sources_that_add_up_are_quiet() {
        assert!(
            funds(
                "budget = \"100\"\nexecuted = \"90\"",
                "[[funds.sources]]\nname = \"当年财政拨款\"\nbudget = \"60\"\nexecuted = \"50\"\n[[funds.sources]]\nname = \"其他资金\"\nbudget = \"400000元\"\nexecuted = \"40\"",
            )
            .is_empty()
        );
    }

    #[test]
    fn a_figure_that_does_not_add_up_is_a_warning_per_figure() {
        let found = funds(
            "budget = \"100\"\nexecuted = \"90\"\ninitial = \"80\"",
            "[[funds.sources]]\nname = \"当年财政拨款\"\nbudget = \"60\"\nexecuted = \"50\"\n[[funds.sources]]\nname = \"其他资金\"\nbudget = \"30\"\nexecuted = \"40\"",
        );
        assert_eq!(
            found,
            [
                "the sources of funds add up to 90万元 for 全年预算数, but 年度资金总额 gives 100万元"
            ]
        );
    }

    #[test]
    fn figures_no_source_gives_or_the_total_lacks_are_not_checked() {
        assert!(
            funds(
                "initial = \"80\"",
                "[[funds.sources]]\nname = \"当年财政拨款\"\nbudget = \"60\"\n[[funds.sources]]\nname = \"上年结转资金\"",
            )
            .is_empty()
        );
    }
}
