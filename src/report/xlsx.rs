//! The 项目支出绩效自评表 as an Excel workbook: the layout of `table.rs`
//! written as one sheet, its spans as merged ranges.
//!
//! Cells hold numbers where the layout has values: amounts in 万元 with the
//! format `0.00##`, scores with the framework's decimal places, rates as
//! percentages with two decimals, so that Excel can add and check them. The
//! sheet prints on one landscape A4 page. The file's creation date is fixed
//! so that the same input gives the same bytes. The words are the
//! framework's language's (`labels.rs`, the catalogue's `Sheet…` entries):
//! 附件1's own for a Chinese framework.

use super::context::Context;
use super::table::{self, COLUMNS, Cell, Style, Value, WIDTHS};
use crate::catalogue::report::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::exact::Exact;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

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

/// The cell formats: one per style, and per kind of number for the
/// centred styles.
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
        label: center.clone().set_font_name("黑体"),
        text: base.clone(),
        amount: center.clone().set_num_format("0.00##"),
        weight: center.clone().set_num_format("General"),
        score: center.clone().set_num_format(&score_format),
        rate: center.clone().set_num_format("0.00%"),
        total_weight: center.clone().set_bold().set_num_format("General"),
        total_score: center.clone().set_bold().set_num_format(&score_format),
        center,
    }
}

impl Styles {
    /// The format of a cell: its style, and for a number its number format.
    fn of(&self, cell: &Cell) -> &Format {
        match (cell.style, &cell.value) {
            (Style::Label, _) => &self.label,
            (Style::Text, _) => &self.text,
            (Style::Center | Style::Total, Value::Text(_)) => &self.center,
            (Style::Center | Style::Total, Value::Amount(_)) => &self.amount,
            (Style::Center | Style::Total, Value::Rate(_)) => &self.rate,
            (Style::Center, Value::Weight(_)) => &self.weight,
            (Style::Center, Value::Score(_)) => &self.score,
            (Style::Total, Value::Weight(_)) => &self.total_weight,
            (Style::Total, Value::Score(_)) => &self.total_score,
        }
    }
}

fn build(ctx: &Context) -> Result<Vec<u8>, XlsxError> {
    let lang = ctx.framework.language;
    let layout = table::layout(ctx);
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
    let s = styles(ctx.framework.places);
    let sheet = workbook.add_worksheet();
    sheet.set_name(Report::SheetName.render(lang))?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    let last_col = u16::try_from(COLUMNS - 1).unwrap_or(0);
    sheet.merge_range(0, 0, 0, last_col, &layout.title, &s.title)?;
    sheet.set_row_height(0, 28)?;
    sheet.merge_range(1, 0, 1, last_col, &layout.subtitle, &s.subtitle)?;
    let top = 2u32;
    let mut last = top;
    for (r, row) in (top..).zip(&layout.rows) {
        for cell in &row.cells {
            write_cell(sheet, r, cell, s.of(cell))?;
        }
        sheet.set_row_height(r, row_height(row.lines))?;
        last = r;
    }
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_print_center_horizontally(true);
    sheet.set_print_area(0, 0, last, last_col)?;
    sheet.set_print_fit_to_pages(1, 1);
    workbook.save_to_buffer()
}

/// One cell of the layout at row `r`: merged over its span, a number
/// where it holds one (cells hold `f64`; the value is exact until here).
fn write_cell(
    sheet: &mut Worksheet,
    r: u32,
    cell: &Cell,
    format: &Format,
) -> Result<(), XlsxError> {
    let col = u16::try_from(cell.col).unwrap_or(0);
    let last_row = r + u32::try_from(cell.rows.max(1) - 1).unwrap_or(0);
    let last_col = col + u16::try_from(cell.cols.max(1) - 1).unwrap_or(0);
    let number = match &cell.value {
        Value::Text(_) => None,
        Value::Amount(yuan) => Some(wan(yuan)),
        Value::Weight(w) => Some(w.to_f64()),
        Value::Score(p) => Some(p.value.to_f64()),
        Value::Rate(rate) => Some(rate.to_f64()),
    };
    let text = match number {
        Some(_) => String::new(),
        None => cell.value.text(),
    };
    let merged = (last_row, last_col) != (r, col);
    if merged {
        // A merged range starts as text; a number then replaces its first cell.
        sheet.merge_range(r, col, last_row, last_col, &text, format)?;
    }
    match number {
        Some(n) => {
            sheet.write_number_with_format(r, col, n, format)?;
        }
        None if !merged => {
            sheet.write_string_with_format(r, col, &text, format)?;
        }
        None => {}
    }
    Ok(())
}

/// An amount in 元 as a number of 万元, for a cell.
fn wan(yuan: &Exact) -> f64 {
    yuan.div(&Exact::int(10_000)).unwrap_or_default().to_f64()
}

/// Row height in points for `lines` lines of 10.5-point text.
fn row_height(lines: usize) -> f64 {
    14.0 * lines as f64 + 4.0
}
