//! The 项目支出绩效自评表 of 附件1 (财预〔2020〕10号) as one layout: rows of
//! typed cells with their spans and styles, on nine columns of set widths.
//!
//! ```text
//!  A          B      C       D        E          F          G     H      I
//!  项目支出绩效自评表 / （YYYY年度）                      (title, above the grid)
//!  项目名称   …
//!  主管部门   …                       实施单位   …
//!  项目资金   (row)          年初预算数 全年预算数 全年执行数 分值  执行率  得分
//!  （万元）   年度资金总额    …
//!             其中：…
//!  年度总体   预期目标                 实际完成情况
//!  目标       …                        …
//!  绩效指标   一级   二级    三级     年度指标值 实际完成值 分值  得分   偏差原因分析及改进措施
//!             (merged down)
//!  总分                                            100   99.87  等级
//! ```
//!
//! Built once from the report [`Context`] and its values, and drawn by every
//! format that shows the table: the workbook (`xlsx.rs`, a sheet with merged
//! ranges), the Word report (`docx.rs`, a table with `gridSpan` and
//! `vMerge`), and Markdown and HTML ([`html`], a `<table>` with `rowspan` and
//! `colspan`, which templates place with `self_eval_table()`). So the three
//! cannot drift apart: what a cell holds, what it spans and how it looks is
//! decided here only.
//!
//! As in 附件1, the execution-rate indicator's 分值 and 得分 sit in the funds
//! block, not among the indicators. Cells hold values, not text: amounts in
//! 万元 (2 to 4 decimals), weights as written, scores with the framework's
//! places, rates as percentages with two decimals; each format writes them
//! its own way (a number with a number format in Excel, the same digits as
//! text in Word).

use super::context::{Context, LeafView, num};
use crate::catalogue::report::Report;
use crate::eval::result::{Points, percent_text};
use crate::exact::Exact;
use std::fmt::Write as _;

/// The number of columns, A to I.
pub(crate) const COLUMNS: usize = 9;

/// Column widths in characters (Excel's unit: a digit of the body font; a
/// Chinese character takes two). Chosen so that no figure breaks across
/// lines: `98.73%` in H, `≤87.65万元` in E, and that 一级 and 二级 names wrap
/// at most once. Word scales them to the width of a landscape page.
pub(crate) const WIDTHS: [f64; COLUMNS] = [10.0, 12.0, 18.0, 20.0, 15.0, 13.0, 6.0, 10.0, 27.0];

/// What a cell holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Text as it is.
    Text(String),
    /// An amount in 元, shown in 万元 with 2 to 4 decimals (`186.80`).
    Amount(Exact),
    /// A weight (分值) as written (`10`, `22.5`).
    Weight(Exact),
    /// A score (得分) with the framework's places (`9.87`, `25.00`).
    Score(Points),
    /// A rate, shown as a percentage with two decimals (`98.73%`).
    Rate(Exact),
}

impl Value {
    /// The cell as people read it: what Word and HTML show, and what Excel
    /// shows through the cell's number format.
    pub(crate) fn text(&self) -> String {
        match self {
            Value::Text(t) => t.clone(),
            Value::Amount(yuan) => wan_text(yuan),
            Value::Weight(w) => num(w),
            Value::Score(p) => p.to_string(),
            Value::Rate(r) => percent_text(r),
        }
    }

    fn empty() -> Value {
        Value::Text(String::new())
    }

    fn dash() -> Value {
        Value::Text("—".to_owned())
    }
}

/// How a cell looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// A heading or a block's name: 黑体, centred.
    Label,
    /// Running text (names, goals, reasons): left-aligned, wrapped.
    Text,
    /// A short value: centred.
    Center,
    /// A figure of the 总分 row: centred, bold.
    Total,
}

/// One cell: where it starts, what it spans, what it holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// Its first column (0 is A).
    pub col: usize,
    /// Columns it spans (at least 1).
    pub cols: usize,
    /// Rows it spans (at least 1), down from its own.
    pub rows: usize,
    /// What it holds.
    pub value: Value,
    /// How it looks.
    pub style: Style,
}

/// One row of the grid. A cell spanning rows is in the row where it starts
/// only; every other position of the grid is covered by exactly one cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Row {
    /// Its cells, left to right.
    pub cells: Vec<Cell>,
    /// Lines of text the row needs (its tallest one-row cell, wrapped in
    /// the width it spans): Excel's row height, which Excel does not work
    /// out by itself for a file as written.
    pub lines: usize,
    /// A row of column headings: Word keeps it with the row below.
    pub heading: bool,
}

impl Row {
    fn cell(mut self, col: usize, cols: usize, rows: usize, value: Value, style: Style) -> Row {
        self.cells.push(Cell {
            col,
            cols,
            rows,
            value,
            style,
        });
        self
    }

    fn heading(mut self) -> Row {
        self.heading = true;
        self
    }
}

/// The 自评表.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Layout {
    /// `项目支出绩效自评表`.
    pub title: String,
    /// `（2019年度）`, or a blank year to fill in.
    pub subtitle: String,
    /// The grid, top to bottom.
    pub rows: Vec<Row>,
    /// How many rows at the top name the project (项目名称, 主管部门): Word
    /// repeats them on every page the table runs onto (it can repeat only
    /// rows at a table's top).
    pub repeat: usize,
}

/// A label of the report context, in the framework's language.
fn label(ctx: &Context, key: &str) -> String {
    ctx.labels.get(key).cloned().unwrap_or_default()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

/// Whether a leaf is the framework's execution-rate indicator, whose 分值
/// and 得分 the funds block shows.
fn in_funds(ctx: &Context, l: &LeafView) -> bool {
    ctx.values.execution.is_some() && l.framework_indicator && l.name.contains("执行率")
}

/// Lay the 自评表 out for one project.
pub(crate) fn layout(ctx: &Context) -> Layout {
    let lang = ctx.framework.language;
    let subtitle = if ctx.year.is_empty() {
        Report::SheetNoYear
    } else {
        Report::SheetYear {
            year: ctx.year.clone(),
        }
    }
    .render(lang);
    let mut rows = vec![
        Row::default()
            .cell(0, 1, 1, text(&label(ctx, "project")), Style::Label)
            .cell(1, 8, 1, text(ctx.project.name), Style::Text),
        Row::default()
            .cell(0, 1, 1, text(&label(ctx, "department")), Style::Label)
            .cell(1, 3, 1, text(ctx.project.department), Style::Text)
            .cell(4, 1, 1, text(&label(ctx, "unit")), Style::Label)
            .cell(5, 4, 1, text(ctx.project.unit), Style::Text),
    ];
    funds_block(ctx, &mut rows);
    goals_block(ctx, &mut rows);
    indicator_block(ctx, &mut rows);
    for row in &mut rows {
        row.lines = row
            .cells
            .iter()
            .filter(|c| c.rows == 1)
            .map(|c| lines(&c.value.text(), WIDTHS[c.col..c.col + c.cols].iter().sum()))
            .max()
            .unwrap_or(1);
    }
    Layout {
        title: Report::SheetTitle.render(lang),
        subtitle,
        rows,
        repeat: 2,
    }
}

/// 项目资金（万元）: the column headings and one row per fund line.
fn funds_block(ctx: &Context, rows: &mut Vec<Row>) {
    let lines = ctx.funds.len().max(1);
    let mut head = Row::default()
        .cell(0, 1, 1 + lines, text(&label(ctx, "funds")), Style::Label)
        .cell(1, 2, 1, Value::empty(), Style::Label)
        .heading();
    let headings = [
        "initial",
        "budget",
        "executed",
        "weight",
        "execution_rate",
        "score",
    ];
    for (col, key) in (3..).zip(headings) {
        head = head.cell(col, 1, 1, text(&label(ctx, key)), Style::Label);
    }
    rows.push(head);
    if ctx.funds.is_empty() {
        let total = Report::SheetFundsTotal.render(ctx.framework.language);
        let mut row = Row::default().cell(1, 2, 1, Value::Text(total), Style::Text);
        for col in 3..COLUMNS {
            row = row.cell(col, 1, 1, Value::empty(), Style::Center);
        }
        rows.push(row);
        return;
    }
    for (i, f) in ctx.funds.iter().enumerate() {
        let name = if i == 0 {
            f.name.clone()
        } else {
            format!("{}{}", label(ctx, "of_which"), f.name)
        };
        let mut row = Row::default().cell(1, 2, 1, Value::Text(name), Style::Text);
        let written = [&f.initial, &f.budget, &f.executed];
        for ((col, value), written) in (3..).zip(&f.values.amounts).zip(written) {
            let value = match value {
                Some(q) => Value::Amount(q.value.clone()),
                None => Value::Text(written.clone().unwrap_or_default()),
            };
            row = row.cell(col, 1, 1, value, Style::Center);
        }
        let rate = f.values.rate.clone().map_or_else(Value::dash, Value::Rate);
        let (weight, score) = match (i, &ctx.values.execution) {
            (0, Some((weight, score))) => (
                Value::Weight(weight.clone()),
                Value::Score(Points::new(score.clone(), ctx.framework.places)),
            ),
            _ => (Value::dash(), Value::dash()),
        };
        rows.push(
            row.cell(6, 1, 1, weight, Style::Center)
                .cell(7, 1, 1, rate, Style::Center)
                .cell(8, 1, 1, score, Style::Center),
        );
    }
}

/// 年度总体目标: 预期目标 and 实际完成情况 side by side.
fn goals_block(ctx: &Context, rows: &mut Vec<Row>) {
    let lang = ctx.framework.language;
    rows.push(
        Row::default()
            .cell(
                0,
                1,
                2,
                Value::Text(Report::SheetGoals.render(lang)),
                Style::Label,
            )
            .cell(
                1,
                4,
                1,
                Value::Text(Report::SheetGoalsExpected.render(lang)),
                Style::Label,
            )
            .cell(5, 4, 1, text(&label(ctx, "goals_achieved")), Style::Label)
            .heading(),
    );
    rows.push(
        Row::default()
            .cell(1, 4, 1, text(&ctx.goals.expected), Style::Text)
            .cell(5, 4, 1, text(&ctx.goals.achieved), Style::Text),
    );
}

/// 绩效指标: one row per leaf with 一级 and 二级 merged down, then 总分.
fn indicator_block(ctx: &Context, rows: &mut Vec<Row>) {
    let top = rows.len();
    let mut head = Row::default().heading();
    let headings = [
        "level1", "level2", "level3", "target", "actual", "weight", "score", "reason",
    ];
    for (col, key) in (1..).zip(headings) {
        head = head.cell(col, 1, 1, text(&label(ctx, key)), Style::Label);
    }
    rows.push(head);
    for part in &ctx.tree {
        let leaves: Vec<(&str, &LeafView)> = part
            .groups
            .iter()
            .flat_map(|g| g.leaves.iter().map(move |l| (g.name.as_str(), l)))
            .filter(|(_, l)| !in_funds(ctx, l))
            .collect();
        for (i, (group, l)) in leaves.iter().enumerate() {
            let mut row = Row::default();
            if i == 0 {
                row = row.cell(1, 1, leaves.len(), text(&part.name), Style::Center);
            }
            if i == 0 || leaves[i - 1].0 != *group {
                let span = leaves[i..].iter().take_while(|(g, _)| g == group).count();
                row = row.cell(2, 1, span, text(group), Style::Center);
            }
            let score = Points::new(l.values.1.clone(), ctx.framework.places);
            rows.push(
                row.cell(3, 1, 1, text(&l.name), Style::Text)
                    .cell(4, 1, 1, text(&l.target), Style::Center)
                    .cell(5, 1, 1, text(&l.actual), Style::Center)
                    .cell(6, 1, 1, Value::Weight(l.values.0.clone()), Style::Center)
                    .cell(7, 1, 1, Value::Score(score), Style::Center)
                    .cell(8, 1, 1, text(&l.reason), Style::Text),
            );
        }
    }
    let indicators = Report::SheetIndicators.render(ctx.framework.language);
    let span = rows.len() - top;
    rows[top].cells.insert(
        0,
        Cell {
            col: 0,
            cols: 1,
            rows: span,
            value: Value::Text(indicators),
            style: Style::Label,
        },
    );
    let grade = if ctx.grade.is_empty() {
        String::new()
    } else {
        format!(
            "{}{}{}",
            label(ctx, "grade"),
            label(ctx, "colon"),
            ctx.grade
        )
    };
    let total = Points::new(ctx.values.total.clone(), ctx.framework.places);
    rows.push(
        Row::default()
            .cell(0, 6, 1, text(&label(ctx, "total")), Style::Label)
            .cell(
                6,
                1,
                1,
                Value::Weight(ctx.values.max_total.clone()),
                Style::Total,
            )
            .cell(7, 1, 1, Value::Score(total), Style::Total)
            .cell(8, 1, 1, Value::Text(grade), Style::Label),
    );
}

/// An amount in 元 as 万元 with 2 to 4 decimals (`186.80`, `12.3456`), as
/// Excel shows it with the format `0.00##`.
pub(crate) fn wan_text(yuan: &Exact) -> String {
    let wan = yuan.div(&Exact::int(10_000)).unwrap_or_default();
    let mut text = wan.fixed(4);
    // Trailing zeros beyond the second decimal go.
    while text.len() > 3
        && text.ends_with('0')
        && text.find('.').is_some_and(|dot| text.len() - dot > 3)
    {
        text.pop();
    }
    text
}

/// Lines `text` takes when wrapped in a cell `width` characters wide (a
/// Chinese character is as wide as two digits).
pub(crate) fn lines(text: &str, width: f64) -> usize {
    let units: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    // A little room is lost to the cell's padding.
    let per_line = (width - 1.0).max(1.0);
    ((units as f64 / per_line).ceil() as usize).max(1)
}

/// The layout as an HTML `<table>` (for Markdown and HTML reports), every
/// value escaped.
pub(crate) fn html(layout: &Layout) -> String {
    let esc = super::html::esc;
    let total: f64 = WIDTHS.iter().sum();
    let mut out = String::from("<table class=\"self-eval\">\n");
    let _ = writeln!(
        out,
        "<caption>{}{}</caption>",
        esc(&layout.title),
        esc(&layout.subtitle)
    );
    out.push_str("<colgroup>");
    for w in WIDTHS {
        let _ = write!(out, "<col style=\"width:{:.1}%\">", w * 100.0 / total);
    }
    out.push_str("</colgroup>\n");
    for row in &layout.rows {
        out.push_str("<tr>");
        for c in &row.cells {
            let tag = if c.style == Style::Label { "th" } else { "td" };
            let _ = write!(out, "<{tag}");
            if c.cols > 1 {
                let _ = write!(out, " colspan=\"{}\"", c.cols);
            }
            if c.rows > 1 {
                let _ = write!(out, " rowspan=\"{}\"", c.rows);
            }
            match c.style {
                Style::Center => out.push_str(" align=\"center\""),
                Style::Total => out.push_str(" align=\"center\" class=\"total\""),
                Style::Label | Style::Text => {}
            }
            let _ = write!(out, ">{}</{tag}>", esc(&c.value.text()));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::context;
    use crate::testing::{CN_SELF_EVAL, evaluate};

    const CAIDIAN: &str =
        include_str!("../../frameworks/cn-self-eval-2020/examples/caidian-2019.toml");
    const UNDER: &str =
        include_str!("../../frameworks/cn-self-eval-2020/examples/underperforming-2021.toml");

    /// The layout of a bundled example.
    fn example(data: &str) -> Layout {
        let (_, outcome, _) = evaluate(CN_SELF_EVAL, data);
        let ev = outcome.evaluation.expect("the example scores");
        layout(&context::build(&ev))
    }

    /// The layout drawn as text: one line a cell, `row,col +rows×cols`,
    /// its style and its text.
    fn sketch(layout: &Layout) -> String {
        let mut out = format!("{} {}\n", layout.title, layout.subtitle);
        for (r, row) in layout.rows.iter().enumerate() {
            let _ = writeln!(
                out,
                "-- row {r}{}{}, {} line(s)",
                if r < layout.repeat { ", repeated" } else { "" },
                if row.heading { ", headings" } else { "" },
                row.lines
            );
            for c in &row.cells {
                let _ = writeln!(
                    out,
                    "{},{} +{}x{} {:?} {:?}",
                    r,
                    c.col,
                    c.rows,
                    c.cols,
                    c.style,
                    c.value.text()
                );
            }
        }
        out
    }

    #[test]
    fn every_position_is_covered_by_exactly_one_cell() {
        for data in [CAIDIAN, UNDER] {
            let layout = example(data);
            let mut covered = vec![[0u8; COLUMNS]; layout.rows.len()];
            for (r, row) in layout.rows.iter().enumerate() {
                for c in &row.cells {
                    assert!(
                        c.rows >= 1 && c.cols >= 1 && c.col + c.cols <= COLUMNS,
                        "{c:?}"
                    );
                    for line in covered.iter_mut().skip(r).take(c.rows) {
                        for slot in line.iter_mut().skip(c.col).take(c.cols) {
                            *slot += 1;
                        }
                    }
                }
            }
            assert!(
                covered.iter().flatten().all(|n| *n == 1),
                "{covered:?}\n{}",
                sketch(&layout)
            );
        }
    }

    /// The width `text` takes printed, in digits of Times New Roman, erring
    /// wide: a Chinese character (or `≤`) is two; a Latin letter or digit
    /// 1.3, as wide as in DejaVu Serif, which LibreOffice puts in Times New
    /// Roman's place where it is missing; a quarter of a Chinese character
    /// where Latin text meets Chinese (the space Word and LibreOffice add
    /// there); and two for the cell's margins.
    fn printed_width(text: &str) -> f64 {
        let mut width = 2.0;
        let mut last_latin = None;
        for c in text.chars() {
            // `≤` is set in the Latin font, as wide as two digits at most.
            let latin = c.is_ascii() || c == '≤' || c == '≥';
            width += if c.is_ascii() { 1.3 } else { 2.0 };
            if last_latin.is_some_and(|l| l != latin) {
                width += 0.5;
            }
            last_latin = Some(latin);
        }
        width
    }

    /// No figure, target, actual or column heading breaks across lines in
    /// the width its columns give it (in Word they are these widths, scaled
    /// to the page; in Excel, these widths); 一级 and 二级 names break at
    /// most once.
    #[test]
    fn figures_and_headings_fit_on_one_line() {
        for data in [CAIDIAN, UNDER] {
            let layout = example(data);
            for row in &layout.rows {
                for c in &row.cells {
                    let short = matches!(c.style, Style::Center | Style::Total)
                        || (row.heading && c.col > 0);
                    if !short {
                        continue;
                    }
                    let text = c.value.text();
                    let lines = if c.col == 1 || c.col == 2 { 2.0 } else { 1.0 };
                    let width: f64 = WIDTHS[c.col..c.col + c.cols].iter().sum();
                    assert!(
                        printed_width(&text) <= width * lines,
                        "`{text}` is {} wide, its cell {width}",
                        printed_width(&text)
                    );
                }
            }
        }
        assert_eq!(printed_width("≤87.65万元"), 15.0);
    }

    #[test]
    fn the_self_evaluation_table_of_annex_1() {
        insta::assert_snapshot!(sketch(&example(UNDER)));
    }

    #[test]
    fn the_html_table_has_the_same_spans() {
        let html = html(&example(CAIDIAN));
        assert!(
            html.contains(r#"<th rowspan="5">项目资金（万元）</th>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<td rowspan="2" align="center">产出指标</td>"#),
            "{html}"
        );
        assert!(html.contains(r#"<th colspan="6">总分</th>"#), "{html}");
        assert!(html.contains(r#"<td align="center">98.73%</td>"#), "{html}");
    }

    #[test]
    fn amounts_show_two_to_four_decimals_of_wan() {
        let wan = |s: &str| wan_text(&Exact::parse(s).expect("number"));
        assert_eq!(wan("1868000"), "186.80");
        assert_eq!(wan("876500"), "87.65");
        assert_eq!(wan("123456"), "12.3456");
        assert_eq!(wan("1234567"), "123.4567");
        assert_eq!(wan("12345678"), "1234.5678");
        assert_eq!(wan("1"), "0.0001");
        assert_eq!(wan("0"), "0.00");
        assert_eq!(wan("1000000"), "100.00");
    }

    #[test]
    fn chinese_takes_two_columns() {
        assert_eq!(lines("98.73%", 9.0), 1);
        assert_eq!(lines("服务对象满意度指标", 13.0), 2);
        assert_eq!(lines("", 5.0), 1);
    }
}
