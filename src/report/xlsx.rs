//! The 项目支出绩效自评表 as an Excel workbook, laid out as 附件1 of
//! 财预〔2020〕10号.
//!
//! ```text
//!  A          B      C       D        E          F          G     H      I
//!  项目支出绩效自评表（YYYY年度）
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
//! As in 附件1, the execution-rate indicator's 分值 and 得分 sit in the funds
//! block, not among the indicators. Amounts are numbers in 万元, scores are
//! numbers with the framework's decimal places, rates are numbers formatted
//! as percentages with two decimals. The sheet prints on one landscape A4
//! page. The file's creation date is fixed so that the same input gives the
//! same bytes. The words are the framework's language's (`labels.rs`, the
//! catalogue's `Sheet…` entries): 附件1's own for a Chinese framework.

use super::context::{Context, LeafView};
use crate::catalogue::report::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// Column widths in characters, A to I.
const WIDTHS: [f64; 9] = [7.0, 13.0, 15.0, 30.0, 13.0, 13.0, 7.0, 8.0, 30.0];
const LAST_COL: u16 = 8;
/// GB2312, so that Excel picks the Chinese font for Chinese text.
const CHARSET_GB2312: u8 = 134;

/// Build the workbook.
pub(crate) fn render(ctx: &Context) -> Result<Vec<u8>, Diagnostic> {
    build(ctx).map_err(|e| {
        Diagnostic::error(
            Code::OutputWrite,
            Report::CannotBuildExcel {
                why: e.to_string().into(),
            },
        )
    })
}

struct Styles {
    title: Format,
    subtitle: Format,
    label: Format,
    text: Format,
    center: Format,
    amount: Format,
    weight: Format,
    score: Format,
    rate: Format,
    total_label: Format,
    total_weight: Format,
    total_score: Format,
}

fn styles(places: u32) -> Styles {
    let base = Format::new()
        .set_font_name("宋体")
        .set_font_charset(CHARSET_GB2312)
        .set_font_size(10.5)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap();
    let score_format = if places == 0 {
        "0".to_owned()
    } else {
        format!("0.{}", "0".repeat(places as usize))
    };
    let center = base.clone().set_align(FormatAlign::Center);
    let label = center.clone().set_font_name("黑体");
    Styles {
        title: Format::new()
            .set_font_name("黑体")
            .set_font_charset(CHARSET_GB2312)
            .set_font_size(16)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        subtitle: Format::new()
            .set_font_name("宋体")
            .set_font_charset(CHARSET_GB2312)
            .set_font_size(11)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter),
        text: base.clone(),
        amount: center.clone().set_num_format("0.00##"),
        weight: center.clone().set_num_format("General"),
        score: center.clone().set_num_format(&score_format),
        rate: center.clone().set_num_format("0.00%"),
        total_label: label.clone(),
        total_weight: center.clone().set_bold().set_num_format("General"),
        total_score: center.clone().set_bold().set_num_format(&score_format),
        center,
        label,
    }
}

/// A label of the report context, in the framework's language.
fn label<'c>(ctx: &'c Context, key: &str) -> &'c str {
    ctx.labels.get(key).map_or("", String::as_str)
}

fn build(ctx: &Context) -> Result<Vec<u8>, XlsxError> {
    let lang = ctx.framework.language;
    let mut workbook = Workbook::new();
    let title = Report::WorkbookTitle {
        name: ctx.project.name.to_owned(),
    };
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title.render(lang))
            .set_author("pfc")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let places = ctx.framework.places;
    let s = styles(places);
    let sheet = workbook.add_worksheet();
    sheet.set_name(Report::SheetName.render(lang))?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }

    let year = if ctx.year.is_empty() {
        Report::SheetNoYear
    } else {
        Report::SheetYear {
            year: ctx.year.clone(),
        }
    }
    .render(lang);
    let title = Report::SheetTitle.render(lang);
    sheet.merge_range(0, 0, 0, LAST_COL, &title, &s.title)?;
    sheet.set_row_height(0, 28)?;
    sheet.merge_range(1, 0, 1, LAST_COL, &year, &s.subtitle)?;

    sheet.write_string_with_format(2, 0, label(ctx, "project"), &s.label)?;
    sheet.merge_range(2, 1, 2, LAST_COL, ctx.project.name, &s.text)?;
    sheet.write_string_with_format(3, 0, label(ctx, "department"), &s.label)?;
    sheet.merge_range(3, 1, 3, 3, ctx.project.department, &s.text)?;
    sheet.write_string_with_format(3, 4, label(ctx, "unit"), &s.label)?;
    sheet.merge_range(3, 5, 3, LAST_COL, ctx.project.unit, &s.text)?;

    let mut row = funds_block(sheet, ctx, &s, 4)?;
    row = goals_block(sheet, ctx, &s, row)?;
    let last = indicator_block(sheet, ctx, &s, row)?;

    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_print_area(0, 0, last, LAST_COL)?;
    sheet.set_print_fit_to_pages(1, 1);
    workbook.save_to_buffer()
}

/// 项目资金（万元）: header and one row per fund line. Returns the next row.
fn funds_block(
    sheet: &mut Worksheet,
    ctx: &Context,
    s: &Styles,
    top: u32,
) -> Result<u32, XlsxError> {
    let headers = [
        "initial",
        "budget",
        "executed",
        "weight",
        "execution_rate",
        "score",
    ];
    let rows = u32::try_from(ctx.funds.len().max(1)).unwrap_or(1);
    sheet.merge_range(top, 0, top + rows, 0, label(ctx, "funds"), &s.label)?;
    sheet.merge_range(top, 1, top, 2, "", &s.label)?;
    for (col, h) in (3u16..).zip(headers) {
        sheet.write_string_with_format(top, col, label(ctx, h), &s.label)?;
    }
    if ctx.funds.is_empty() {
        let total = Report::SheetFundsTotal.render(ctx.framework.language);
        sheet.merge_range(top + 1, 1, top + 1, 2, &total, &s.text)?;
        for col in 3..=LAST_COL {
            sheet.write_blank(top + 1, col, &s.text)?;
        }
        return Ok(top + 2);
    }
    for (i, f) in ctx.funds.iter().enumerate() {
        let r = top + 1 + u32::try_from(i).unwrap_or(0);
        let name = if i == 0 {
            f.name.clone()
        } else {
            format!("{}{}", label(ctx, "of_which"), f.name)
        };
        sheet.merge_range(r, 1, r, 2, &name, &s.text)?;
        let texts = [&f.initial, &f.budget, &f.executed];
        for ((col, text), value) in (3u16..).zip(texts).zip(&f.values.amounts) {
            match value {
                Some(q) => sheet.write_number_with_format(r, col, wan(&q.value), &s.amount)?,
                None => sheet.write_string_with_format(
                    r,
                    col,
                    text.as_deref().unwrap_or(""),
                    &s.amount,
                )?,
            };
        }
        match &f.values.rate {
            Some(rate) => sheet.write_number_with_format(r, 7, rate.to_f64(), &s.rate)?,
            None => sheet.write_string_with_format(r, 7, "—", &s.center)?,
        };
        if let (0, Some((weight, score))) = (i, &ctx.values.execution) {
            sheet.write_number_with_format(r, 6, weight.to_f64(), &s.weight)?;
            sheet.write_number_with_format(r, 8, score.to_f64(), &s.score)?;
        } else {
            sheet.write_string_with_format(r, 6, "—", &s.center)?;
            sheet.write_string_with_format(r, 8, "—", &s.center)?;
        }
    }
    Ok(top + 1 + rows)
}

/// 年度总体目标: 预期目标 and 实际完成情况 side by side.
fn goals_block(
    sheet: &mut Worksheet,
    ctx: &Context,
    s: &Styles,
    top: u32,
) -> Result<u32, XlsxError> {
    let lang = ctx.framework.language;
    let goals = Report::SheetGoals.render(lang);
    let expected = Report::SheetGoalsExpected.render(lang);
    sheet.merge_range(top, 0, top + 1, 0, &goals, &s.label)?;
    sheet.merge_range(top, 1, top, 4, &expected, &s.label)?;
    sheet.merge_range(
        top,
        5,
        top,
        LAST_COL,
        label(ctx, "goals_achieved"),
        &s.label,
    )?;
    sheet.merge_range(top + 1, 1, top + 1, 4, &ctx.goals.expected, &s.text)?;
    sheet.merge_range(top + 1, 5, top + 1, LAST_COL, &ctx.goals.achieved, &s.text)?;
    // Merged cells do not grow with their text: size the row for it.
    let left: f64 = WIDTHS[1..=4].iter().sum();
    let right: f64 = WIDTHS[5..=8].iter().sum();
    let lines = lines(&ctx.goals.expected, left).max(lines(&ctx.goals.achieved, right));
    sheet.set_row_height(top + 1, row_height(lines))?;
    Ok(top + 2)
}

/// 绩效指标: one row per leaf with 一级/二级 merged down, then 总分.
/// Returns the last row written.
fn indicator_block(
    sheet: &mut Worksheet,
    ctx: &Context,
    s: &Styles,
    top: u32,
) -> Result<u32, XlsxError> {
    let headers = [
        "level1", "level2", "level3", "target", "actual", "weight", "score", "reason",
    ];
    for (col, h) in (1u16..).zip(headers) {
        sheet.write_string_with_format(top, col, label(ctx, h), &s.label)?;
    }
    let in_funds = |l: &LeafView| {
        !ctx.execution_weight.is_empty() && l.framework_indicator && l.name.contains("执行率")
    };
    let mut r = top + 1;
    for part in &ctx.tree {
        let leaves: Vec<(&str, &LeafView)> = part
            .groups
            .iter()
            .flat_map(|g| g.leaves.iter().map(move |l| (g.name.as_str(), l)))
            .filter(|(_, l)| !in_funds(l))
            .collect();
        if leaves.is_empty() {
            continue;
        }
        let part_rows = u32::try_from(leaves.len()).unwrap_or(1);
        merge_or_write(sheet, r, r + part_rows - 1, 1, &part.name, &s.center)?;
        let mut i = 0;
        while i < leaves.len() {
            let group = leaves[i].0;
            let span = leaves[i..].iter().take_while(|(g, _)| *g == group).count();
            let first = r + u32::try_from(i).unwrap_or(0);
            let last = first + u32::try_from(span).unwrap_or(1) - 1;
            merge_or_write(sheet, first, last, 2, group, &s.center)?;
            i += span;
        }
        for (k, (_, l)) in leaves.iter().enumerate() {
            let row = r + u32::try_from(k).unwrap_or(0);
            sheet.write_string_with_format(row, 3, &l.name, &s.text)?;
            sheet.write_string_with_format(row, 4, &l.target, &s.center)?;
            sheet.write_string_with_format(row, 5, &l.actual, &s.center)?;
            sheet.write_number_with_format(row, 6, l.values.0.to_f64(), &s.weight)?;
            sheet.write_number_with_format(row, 7, l.values.1.to_f64(), &s.score)?;
            sheet.write_string_with_format(row, 8, &l.reason, &s.text)?;
            // Excel grows rows for wrapped text only when it recalculates;
            // set the height so the file prints right as written.
            let lines = [(&l.name, 3), (&l.target, 4), (&l.actual, 5), (&l.reason, 8)]
                .iter()
                .map(|(text, col)| lines(text, WIDTHS[*col]))
                .max()
                .unwrap_or(1);
            sheet.set_row_height(row, row_height(lines))?;
        }
        r += part_rows;
    }
    let indicators = Report::SheetIndicators.render(ctx.framework.language);
    sheet.merge_range(top, 0, r - 1, 0, &indicators, &s.label)?;
    sheet.merge_range(r, 0, r, 5, label(ctx, "total"), &s.total_label)?;
    sheet.write_number_with_format(r, 6, ctx.values.max_total.to_f64(), &s.total_weight)?;
    sheet.write_number_with_format(r, 7, ctx.values.total.to_f64(), &s.total_score)?;
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
    sheet.write_string_with_format(r, 8, &grade, &s.total_label)?;
    Ok(r)
}

fn merge_or_write(
    sheet: &mut Worksheet,
    first: u32,
    last: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        sheet.write_string_with_format(first, col, text, format)?;
    } else {
        sheet.merge_range(first, col, last, col, text, format)?;
    }
    Ok(())
}

/// An amount in 元 as a number of 万元, for a cell (cells hold `f64`;
/// the amount is exact until here).
fn wan(yuan: &Exact) -> f64 {
    yuan.div(&Exact::int(10_000)).unwrap_or_default().to_f64()
}

/// Lines `text` takes when wrapped in a cell `width` characters wide (a
/// Chinese character is as wide as two digits).
fn lines(text: &str, width: f64) -> usize {
    let units: f64 = text
        .chars()
        .map(|c| if c.is_ascii() { 1.0 } else { 2.0 })
        .sum();
    // A little room is lost to the cell's padding.
    let per_line = (width - 1.0).max(1.0);
    ((units / per_line).ceil() as usize).max(1)
}

/// Row height in points for `lines` lines of 10.5-point text.
fn row_height(lines: usize) -> f64 {
    14.0 * lines as f64 + 4.0
}
