//! Synthetic project data for tests and benchmarks (`pfc generate`): N
//! projects × M indicators in the layout a budget system exports, with the
//! notations people write (`≥95%`, `不低于90%`, `≤87.65万元`, `21,933人`,
//! full-width digits, qualitative words), and a share of malformed projects.
//!
//! Deterministic: the same seed and sizes give the same bytes. The data fits
//! the `cn-self-eval-2020` framework (its groups and weights).

use super::columns::Field;
use crate::diagnostic::{Code, Diagnostic};
use std::io::Write;
use std::path::Path;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Number of projects.
    pub projects: u64,
    /// Indicators per project (at least 3).
    pub indicators: usize,
    /// Share of projects with one mistake (0 to 1).
    pub malformed: f64,
    /// Seed of the pseudo-random sequence.
    pub seed: u64,
}

/// The columns written, in order; their headers are the 自评表's
/// (`Field::header`), so generated files read back with the default mapping.
pub const COLUMNS: [Field; 16] = [
    Field::Id,
    Field::Name,
    Field::Department,
    Field::Unit,
    Field::Year,
    Field::Initial,
    Field::Budget,
    Field::Executed,
    Field::Level1,
    Field::Level2,
    Field::Indicator,
    Field::Target,
    Field::Actual,
    Field::Weight,
    Field::ClaimedScore,
    Field::Reason,
];

/// One generated row.
pub type Record = [String; 16];

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        let n = list.len() as u64;
        list[usize::try_from(self.next() % n).unwrap_or(0)]
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        // 53 bits give a uniform float in [0, 1).
        #[allow(clippy::cast_precision_loss)]
        let x = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        x < p
    }
}

const DISTRICTS: &[&str] = &[
    "蔡甸区",
    "江夏区",
    "洪山区",
    "黄陂区",
    "新洲区",
    "东西湖区",
    "汉南区",
    "江岸区",
    "武昌区",
    "青山区",
];
const DEPARTMENTS: &[&str] = &[
    "应急管理局",
    "市场监督管理局",
    "交通运输局",
    "教育局",
    "卫生健康局",
    "农业农村局",
    "生态环境局",
    "民政局",
];
const TOPICS: &[&str] = &[
    "质量技术监督专项经费",
    "食品安全抽检能力提升",
    "农村公路养护",
    "义务教育营养改善",
    "基层医疗设备更新",
    "高标准农田建设",
    "河湖水质监测",
    "困难群众临时救助",
    "安全生产执法检查",
    "社区养老服务补助",
];
const COUNT_UNITS: &[&str] = &["个", "人次", "批次", "场", "家", "户", "件", "公里"];
const QUANTITY: &[&str] = &["完成检查", "培训", "抽检", "覆盖", "新建", "服务"];
const GOOD_WORDS: &[&str] = &["达成", "按时完成", "已完成", "达到预期"];
const PARTIAL_WORDS: &[&str] = &["部分达成", "基本完成"];

/// The slots of cn-self-eval-2020: (一级, 二级, weight of the 一级 part).
const OUTPUT: (&str, &[&str], u64) = (
    "产出指标",
    &["数量指标", "质量指标", "时效指标", "成本指标"],
    50,
);
const EFFECT: (&str, &[&str], u64) = (
    "效益指标",
    &[
        "社会效益指标",
        "经济效益指标",
        "可持续影响指标",
        "生态效益指标",
    ],
    30,
);
const SATISFACTION: (&str, &[&str], u64) = ("满意度指标", &["服务对象满意度指标"], 10);

/// Full-width digits, as some people type them.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
            '%' => '％',
            c => c,
        })
        .collect()
}

/// `21933` → `21,933`.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Two-decimal amount from hundredths.
fn money(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The rows of project `i` (0-based).
pub fn project(spec: &Spec, i: u64) -> Vec<Record> {
    let mut rng = Rng(spec.seed ^ i.wrapping_mul(0xA24B_AED4_963E_E407));
    let district = rng.pick(DISTRICTS);
    let department = rng.pick(DEPARTMENTS);
    let topic = rng.pick(TOPICS);
    let id = format!("P{:07}", i + 1);
    let name = format!("{district}{topic}项目");
    let dept = format!("{district}{department}");
    let unit = format!("{district}{}", rng.pick(DEPARTMENTS));
    let year = rng.range(2019, 2024).to_string();
    let budget = rng.range(1_000, 500_000);
    let executed = budget * rng.range(60, 100) / 100;
    let initial = if rng.chance(0.8) {
        budget
    } else {
        budget + rng.range(0, 50_000)
    };
    let m = spec.indicators.max(3);
    let n_out = (m / 2).max(1);
    let n_sat = 1;
    let n_eff = m - n_out - n_sat;
    let mut plan: Vec<(&str, &str, u64)> = Vec::with_capacity(m);
    for (group, slots, total, n) in [
        (OUTPUT.0, OUTPUT.1, OUTPUT.2, n_out),
        (EFFECT.0, EFFECT.1, EFFECT.2, n_eff.max(1)),
        (SATISFACTION.0, SATISFACTION.1, SATISFACTION.2, n_sat),
    ] {
        let n = n as u64;
        for k in 0..n {
            let share = total / n + u64::from(k < total % n);
            let slot = slots[usize::try_from(k).unwrap_or(0) % slots.len()];
            plan.push((group, slot, share));
        }
    }
    let malformed = rng.chance(spec.malformed);
    let defect = if malformed { rng.range(1, 6) } else { 0 };
    let defect_row = usize::try_from(rng.range(0, plan.len() as u64 - 1)).unwrap_or(0);
    let mut out = Vec::with_capacity(plan.len());
    for (r, (group, slot, weight)) in plan.into_iter().enumerate() {
        let (mut target, mut actual, ind_name, score_full) = indicator(&mut rng, slot, r);
        let mut weight = weight.to_string();
        let mut reason = String::new();
        if !score_full && rng.chance(0.9) {
            reason = "受客观因素影响未完全达到年度目标，下一年度将加强过程管理。".to_owned();
        }
        let mut budget_cell = money(budget);
        let mut year_cell = year.clone();
        if r == defect_row {
            match defect {
                1 => target = "≥".to_owned(),
                2 => weight = "十分".to_owned(),
                3 => weight = (weight.parse::<u64>().unwrap_or(0) + 1).to_string(),
                4 => actual = "12人次".to_owned(),
                5 => year_cell = "二〇二〇".to_owned(),
                6 => budget_cell = "待定".to_owned(),
                _ => {}
            }
        }
        if defect == 4 && r == defect_row {
            target = "≤80.00万元".to_owned();
        }
        out.push([
            id.clone(),
            name.clone(),
            dept.clone(),
            unit.clone(),
            year_cell,
            money(initial),
            budget_cell,
            money(executed),
            group.to_owned(),
            slot.to_owned(),
            ind_name,
            target,
            actual,
            weight,
            String::new(),
            reason,
        ]);
    }
    out
}

/// (target, actual, name, whether the target is met).
fn indicator(rng: &mut Rng, slot: &str, r: usize) -> (String, String, String, bool) {
    let style = rng.range(0, 9);
    match slot {
        "数量指标" => {
            let unit = rng.pick(COUNT_UNITS);
            let target = rng.range(10, 30000);
            let actual = target * rng.range(70, 130) / 100;
            let shown = |n: u64| {
                if n >= 10000 {
                    thousands(n)
                } else {
                    n.to_string()
                }
            };
            let t = match style {
                0 => format!("不少于{}{unit}", shown(target)),
                1 => format!(">={}{unit}", shown(target)),
                2 => format!("{}{unit}以上", shown(target)),
                _ => format!("≥{}{unit}", shown(target)),
            };
            (
                t,
                format!("{}{unit}", shown(actual)),
                format!("{}{unit}数{r}", rng.pick(QUANTITY)),
                actual >= target,
            )
        }
        "时效指标" | "可持续影响指标" => {
            let level = rng.range(0, 9);
            let actual = if level < 7 {
                rng.pick(GOOD_WORDS)
            } else if level < 9 {
                rng.pick(PARTIAL_WORDS)
            } else {
                "未完成"
            };
            (
                rng.pick(&["按时完成", "达成年度指标", "效果明显"])
                    .to_owned(),
                actual.to_owned(),
                format!("任务完成及时性{r}"),
                level < 7,
            )
        }
        "成本指标" => {
            let target = rng.range(100, 200_000);
            let actual = target * rng.range(85, 110) / 100;
            (
                if style < 2 {
                    format!("不超过{}万元", money(target))
                } else {
                    format!("≤{}万元", money(target))
                },
                format!("{}万元", money(actual)),
                format!("单位成本控制{r}"),
                actual <= target,
            )
        }
        _ => {
            let target = rng.range(80, 99);
            let actual = (target * rng.range(85, 112) / 100).min(100);
            let t = match style {
                0 => format!("不低于{target}%"),
                1 => full_width(&format!("≥{target}%")),
                2 => format!("{target}%"),
                _ => format!("≥{target}%"),
            };
            let a = if rng.chance(0.3) {
                format!("{actual}.{}%", rng.range(1, 9))
            } else {
                format!("{actual}%")
            };
            let name = if slot == "服务对象满意度指标" {
                format!("服务对象满意度{r}")
            } else {
                format!("{slot}达成率{r}")
            };
            (t, a, name, actual >= target)
        }
    }
}

use super::summary::write_error;

/// Write the data as CSV (UTF-8, or GBK when `gbk`), atomically.
pub fn write_csv(spec: &Spec, path: &Path, gbk: bool) -> Result<u64, Diagnostic> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = super::summary::temp_in(dir).map_err(|e| write_error(path, &e))?;
    let mut w = csv::Writer::from_writer(std::io::BufWriter::with_capacity(256 * 1024, tmp));
    let encode = |s: &str| -> Vec<u8> {
        if gbk {
            encoding_rs::GBK.encode(s).0.into_owned()
        } else {
            s.as_bytes().to_vec()
        }
    };
    let header: Vec<Vec<u8>> = COLUMNS.iter().map(|f| encode(f.header())).collect();
    w.write_record(&header).map_err(|e| write_error(path, &e))?;
    let mut rows = 0u64;
    for i in 0..spec.projects {
        for rec in project(spec, i) {
            if gbk {
                let bytes: Vec<Vec<u8>> = rec.iter().map(|s| encode(s)).collect();
                w.write_record(&bytes)
            } else {
                w.write_record(&rec)
            }
            .map_err(|e| write_error(path, &e))?;
            rows += 1;
        }
    }
    let tmp = w
        .into_inner()
        .map_err(|e| write_error(path, &e.error()))?
        .into_inner()
        .map_err(|e| write_error(path, &e.error()))?;
    tmp.as_file().flush().map_err(|e| write_error(path, &e))?;
    tmp.persist(path).map_err(|e| write_error(path, &e.error))?;
    Ok(rows)
}

/// Write the data as an Excel workbook, atomically. A sheet holds at most
/// 1,048,575 rows under its header.
pub fn write_xlsx(spec: &Spec, path: &Path) -> Result<u64, Diagnostic> {
    use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook};
    let total = spec.projects.saturating_mul(spec.indicators.max(3) as u64);
    if total >= 1_048_576 {
        return Err(Diagnostic::error(
            Code::OutputWrite,
            crate::catalogue::batch::Batch::TooManyRows { rows: total },
        )
        .with_hint(crate::catalogue::batch::Batch::HintFewerProjects));
    }
    let fail = |e: &dyn std::fmt::Display| write_error(path, e);
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_author("pfc generate")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1).map_err(|e| fail(&e))?),
    );
    let ws = book
        .add_worksheet_with_constant_memory()
        .map_err(|e| fail(&e))?;
    ws.set_name("自评表").map_err(|e| fail(&e))?;
    for (col, h) in (0u16..).zip(COLUMNS.map(Field::header)) {
        ws.write_string(0, col, h).map_err(|e| fail(&e))?;
    }
    let mut row = 1u32;
    for i in 0..spec.projects {
        for rec in project(spec, i) {
            for (col, text) in (0u16..).zip(&rec) {
                if text.is_empty() {
                    continue;
                }
                // Amounts, years and weights as numbers, as a budget system
                // exports them.
                let numeric = matches!(col, 4..=7 | 13);
                match text.parse::<f64>() {
                    Ok(v) if numeric => ws.write_number(row, col, v),
                    _ => ws.write_string(row, col, text),
                }
                .map_err(|e| fail(&e))?;
            }
            row += 1;
        }
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = super::summary::temp_in(dir).map_err(|e| fail(&e))?;
    let mut out = std::io::BufWriter::new(tmp);
    book.save_to_writer(&mut out).map_err(|e| fail(&e))?;
    let tmp = out.into_inner().map_err(|e| fail(&e.error()))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(u64::from(row - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_rows() {
        let spec = Spec {
            projects: 3,
            indicators: 8,
            malformed: 0.5,
            seed: 7,
        };
        assert_eq!(project(&spec, 1), project(&spec, 1));
        assert_ne!(project(&spec, 1), project(&spec, 2));
        let rows = project(&spec, 0);
        assert_eq!(rows.len(), 8);
    }

    #[test]
    fn weights_fill_the_groups() {
        let spec = Spec {
            projects: 1,
            indicators: 7,
            malformed: 0.0,
            seed: 1,
        };
        let rows = project(&spec, 0);
        let sum = |g: &str| -> u64 {
            rows.iter()
                .filter(|r| r[8] == g)
                .map(|r| r[13].parse::<u64>().unwrap_or(0))
                .sum()
        };
        assert_eq!(
            (sum("产出指标"), sum("效益指标"), sum("满意度指标")),
            (50, 30, 10)
        );
        assert_eq!(thousands(21933), "21,933");
    }
}
