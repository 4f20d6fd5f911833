//! The data and eval phases' messages in both languages, as a person sees
//! them: a representative set of broken data files and scored projects,
//! each rendered in English and in Chinese, so that a reviewer can read the
//! Chinese beside the English (the snapshots under `snapshots/`).

use crate::catalogue::Lang;
use crate::render::{ErrorFormat, to_string};
use crate::source::SourceMap;
use crate::testing::{CN_SELF_EVAL, compile};

/// Every diagnostic of `diags`, in English and then in Chinese; each of
/// their texts is an entry of the catalogue.
#[track_caller]
fn both(sources: &SourceMap, diags: &[crate::diagnostic::Diagnostic]) -> String {
    format!(
        "===== en\n{}\n===== zh\n{}",
        to_string(sources, diags, ErrorFormat::Human, Lang::En),
        to_string(sources, diags, ErrorFormat::Human, Lang::Zh)
    )
}

/// What loading each data file says, in both languages.
fn load_all(files: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (name, text) in files {
        let mut sources = SourceMap::new();
        let file = sources.add(*name, *text);
        let diags = match crate::data::load(&sources, file) {
            Ok(_) => Vec::new(),
            Err(d) => vec![d],
        };
        out.push_str(&format!("##### {name}\n{}\n", both(&sources, &diags)));
    }
    out
}

/// Score `data` with `framework` under `--strict` (what stops a project
/// is an error): every diagnostic in both languages, then the 计分说明 of
/// every leaf in both languages (when it was scored).
fn score(framework: &str, data: &str) -> String {
    score_with(framework, data, true)
}

/// [`score`] as submitted: rows that cannot be judged are named, the rest
/// scored.
fn score_as_submitted(framework: &str, data: &str) -> String {
    score_with(framework, data, false)
}

fn score_with(framework: &str, data: &str, strict: bool) -> String {
    let (mut sources, m, diags) = compile(framework);
    let Some(m) = m else {
        return both(&sources, &diags);
    };
    let file = sources.add("data.toml", data);
    let data = match crate::data::load(&sources, file) {
        Ok(d) => d,
        Err(d) => return both(&sources, &[d]),
    };
    let options = crate::eval::Options {
        strict,
        ..crate::eval::Options::default()
    };
    let outcome = crate::eval::evaluate_opts(&m, &data, options);
    let mut out = both(&sources, &outcome.diagnostics);
    if let Some(e) = &outcome.evaluation {
        for lang in [Lang::En, Lang::Zh] {
            out.push_str(&format!("===== 计分说明 {}\n", lang.keyword()));
            for n in e
                .tree
                .iter()
                .flat_map(crate::eval::result::ScoredNode::walk)
            {
                if let Some(leaf) = &n.leaf {
                    out.push_str(&format!("{}: {}\n", n.name, leaf.explanation.render(lang)));
                }
            }
        }
    }
    out
}

#[test]
fn data_files_that_cannot_be_read() {
    let row = "[[indicators]]\npath = [\"产出指标\", \"数量指标\"]\nname = \"开展检查次数\"\n";
    let files: Vec<(&str, String)> = vec![
        ("empty.toml", String::new()),
        ("empty.json", "\n".into()),
        ("unquoted.toml", "[project]\nname = 农村公路养护\n".into()),
        ("unclosed.toml", "[project]\nname = \"农村公路养护\n".into()),
        ("key.toml", "[claimed.values]\n执行率 = \"98%\"\n".into()),
        ("twice.toml", "year = 2020\nyear = 2021\n".into()),
        ("other.toml", "year = = 2020\n".into()),
        (
            "taget.toml",
            format!("{row}taget = \"≥12次\"\nactual = \"12次\"\nweight = 10\n"),
        ),
        (
            "no-target.toml",
            format!("{row}actual = \"12次\"\nweight = 10\n"),
        ),
        ("year.toml", "year = \"2020年\"\n".into()),
        (
            "weight.toml",
            format!("{row}target = \"≥12次\"\nactual = \"12次\"\nweight = \"十分\"\n"),
        ),
        (
            "nan.toml",
            format!("{row}target = \"≥12次\"\nactual = \"12次\"\nweight = 10\nscore = nan\n"),
        ),
        (
            "path.toml",
            "[[indicators]]\npath = { a = 1 }\nname = \"x\"\n".into(),
        ),
        ("comma.json", "{\"year\": 2020,}".into()),
        ("missing-comma.json", "{\"year\": 2020 \"project\": {}}".into()),
        ("cut.json", "{\"year\": 2020, \"project\": {".into()),
        (
            "weight.json",
            "{\"indicators\": [{\"path\": \"产出指标/数量指标\", \"name\": \"x\", \"target\": \"1\", \"actual\": \"1\", \"weight\": \"十分\"}]}".into(),
        ),
        (
            "unknown.json",
            "{\"indicators\": [{\"path\": \"产出指标/数量指标\", \"name\": \"x\", \"taget\": \"1\"}]}"
                .into(),
        ),
        (
            "missing.json",
            "{\"indicators\": [{\"path\": \"产出指标/数量指标\", \"target\": \"1\", \"actual\": \"1\", \"weight\": 1}]}".into(),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    insta::assert_snapshot!(load_all(&files));
}

/// Rows, values and funds that stop the scoring.
const ERRORS: &str = r#"year = 2018

[project]
name = "示例项目"

[funds]
budget = "100万元"
executed = "95万元"

[[funds.sources]]
name = "当年财政拨款"
budget = "一百"

[inputs]
"执行律" = "95%"

[[indicators]]
path = ["产出指标", "数量指彪"]
name = "检查次数"
target = "≥10次"
actual = "10次"
weight = 10

[[indicators]]
path = ["产出指标", "数量指标"]
name = "培训人数"
target = "≥"
actual = "5人"
weight = 10

[[indicators]]
path = ["产出指标", "数量指标"]
name = "培训人数"
target = "≥5人"
actual = "1,5人"
weight = 5

[[indicators]]
path = ["产出指标", "成本指标"]
name = "项目成本"
target = "≤90万元"
actual = "95个"
weight = 10

[[indicators]]
path = ["产出指标", "质量指标"]
name = "验收合格率"
target = "≥95%"
actual = "很好"
weight = 10

[[indicators]]
path = ["产出指标", "时效指标"]
name = "完成时间"
target = "按时"
actual = "100%"
weight = 5

[[indicators]]
path = ["效益指标", "社会效益指标"]
name = "群众知晓率"
target = "≥90%"
actual = "95%"
weight = 15
deduction = 1

[[indicators]]
path = ["效益指标", "经济效益指标"]
name = "带动就业人数"
target = "≥100人"
actual = "130人"
weight = 10
deduction = 1

[[indicators]]
path = ["效益指标", "可持续影响指标"]
name = "长效机制"
target = "达成"
actual = "部分达成"
weight = 5
score = 4.5

[[indicators]]
path = ["满意度指标", "服务对象满意度指标"]
name = "群众满意度"
target = "达成"
actual = "达层"
weight = 10

[[indicators]]
path = ["产出指标", "数量指标"]
name = "宣传次数"
target = "≥1次"
actual = "1次"
weight = 0

[[indicators]]
path = []
name = "无分组"
target = "≥1次"
actual = "1次"
weight = 1

[[indicators]]
path = ["预算执行率"]
name = "预算执行率"
target = "100%"
actual = "95%"
weight = 10
"#;

#[test]
fn rows_and_values_that_stop_the_scoring() {
    insta::assert_snapshot!(score(CN_SELF_EVAL, ERRORS));
}

/// The same rows as submitted: each that no person could score is named and
/// left out, the rest are scored, and the project is judged in part.
#[test]
fn rows_and_values_read_as_submitted() {
    insta::assert_snapshot!(score_as_submitted(CN_SELF_EVAL, ERRORS));
}

/// A project that is scored, with every warning the bundled framework can
/// give, and claims that differ.
const WARNINGS: &str = r#"framework = "cn-dept-overall"

[project]
name = "示例项目"

[funds]
budget = "100万元"
executed = "70万元"

[[funds.sources]]
name = "当年财政拨款"
budget = "60万元"
executed = "50万元"

[[funds.sources]]
name = "其他资金"
budget = "30万元"
executed = "20万元"

[[indicators]]
path = ["产出指标", "数量指标"]
name = "检查次数"
target = "≥100次"
actual = "90"
weight = 20
claimed_score = 20
claimed_completion = "95%"

[[indicators]]
path = ["产出指标", "时效指标"]
name = "完成时间"
target = "12月"
actual = "11月"
weight = 10
reason = "年底集中验收"

[[indicators]]
path = ["产出指标", "质量指标"]
name = "验收合格率"
target = "≥95%"
actual = "≥96%"
weight = 10

[[indicators]]
path = ["产出指标", "成本指标"]
name = "项目成本"
target = "≤90万元"
actual = "88万元"
weight = 10

[[indicators]]
path = ["效益指标", "经济效益指标"]
name = "带动就业人数"
target = "≥10"
actual = "12人"
weight = 10

[[indicators]]
path = ["效益指标", "社会效益指标"]
name = "群众知晓率"
target = "≥90%"
actual = "达成"
weight = 10

[[indicators]]
path = ["效益指标", "可持续影响指标"]
name = "长效机制"
target = "达成"
actual = "部分达成"
weight = 10
reason = "制度尚在审批"

[[indicators]]
path = ["满意度指标", "服务对象满意度指标"]
name = "群众满意度"
target = "≥90%"
actual = "92%"
weight = 10

[claimed]
total = 90
grade = "良"

[claimed.values]
"执行率" = "75%"
"不存在" = "1"

[claimed.parts]
"产出指标" = 45
"效益指标" = 29
"不存在" = 1
"#;

#[test]
fn warnings_and_claims_of_a_scored_project() {
    insta::assert_snapshot!(score(CN_SELF_EVAL, WARNINGS));
}

/// Questions, ratings, formulas and their failures.
const FRAMEWORK: &str = r#"framework demo "示例框架" {
  total 40
  round 2 half-up per-leaf
  years 2020..2022

  input 人数: number
  input 费用: money default 0元
  let 人均费用 = 费用 / 人数

  require 人数 > 0 else error "人数必须大于 0：无法计算人均费用"

  answers 是否 {
    "是" 100%
    "否" 0%
    "不适用" skip
  }

  group 管理 weight 10 renormalize {
    question "q1" "制度是否健全？" answers 是否
    question "q2" "是否按时报送？" answers 是否
    question "q3" "是否公开？" answers 是否
  }

  group 公开 weight 5 renormalize {
    question "p1" "是否公开预算？" answers 是否
  }

  indicator 评级项 weight 10 { rated }

  indicator 人均费用控制 weight 10 {
    target 1000元
    actual 人均费用
    score tiers actual {
      <= 1000元 => weight
      <= 1200元 => weight * 60%
      otherwise => 0
    }
  }

  indicator 超额项 weight 5 {
    score weight * 2
  }

  scoring qualitative {
    达成 80%..100%
    部分达成 60%..80%
    未达成 0%..60%
  }
}"#;

#[test]
fn questions_ratings_and_formulas() {
    let scored = r#"year = 2021
[inputs]
"人数" = 10
"费用" = "15000元"
[answers]
q1 = "是"
q2 = "不适用"
q3 = "否"
p1 = "不适用"
[ratings."评级项"]
level = "部分达成"
score = 7
"#;
    let failing = r#"year = 2023
[inputs]
"人数" = 0
"费用" = "15000元"
[answers]
q1 = "可能"
[ratings."评级项"]
level = "优秀"
"#;
    let unread = "year = 2021\n[inputs]\n\"费用\" = \"十五万\"\n";
    let unguarded = FRAMEWORK.replace("require 人数 > 0", "require 人数 >= 0");
    let no_rating = "year = 2021\n[inputs]\n\"人数\" = 0\n[answers]\nq1 = \"是\"\nq2 = \"是\"\nq3 = \"是\"\np1 = \"是\"\n";
    insta::assert_snapshot!(format!(
        "##### scored\n{}\n##### failing\n{}\n##### unread\n{}\n##### unguarded\n{}",
        score(FRAMEWORK, scored),
        score(FRAMEWORK, failing),
        score(FRAMEWORK, unread),
        score(&unguarded, no_rating)
    ));
}

/// The funds block's printed 执行率 and 得分, and a 预算执行率 row among the
/// indicator rows, re-checked as claims: 79% is 全年执行数 ÷ 年初预算数 (said),
/// 9.88 follows the rules (silent), the row's 98% and full marks do not.
const FUNDS_CLAIMS: &str = r#"[project]
name = "示例项目"

[funds]
initial = 100
budget = 80
executed = 79
claimed_rate = "79%"
claimed_score = "9.88"

[[indicators]]
path = ["预算执行率"]
name = "预算执行率"
target = "100%"
actual = "98%"
weight = 10
claimed_score = 10

[[indicators]]
path = ["产出指标", "数量指标"]
name = "检查次数"
target = "≥10次"
actual = "10次"
weight = 50

[[indicators]]
path = ["效益指标", "社会效益指标"]
name = "群众知晓率"
target = "≥90%"
actual = "95%"
weight = 30

[[indicators]]
path = ["满意度指标", "服务对象满意度指标"]
name = "群众满意度"
target = "≥90%"
actual = "92%"
weight = 10
"#;

#[test]
fn funds_claims_are_rechecked() {
    insta::assert_snapshot!(score_as_submitted(CN_SELF_EVAL, FUNDS_CLAIMS));
}
