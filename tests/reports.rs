//! The reports people hand in — HTML, Excel, Word — checked the way a
//! person would: read back, opened, rendered, printed.
//!
//! The checks that need a program the machine may lack (Chromium, LibreOffice)
//! are listed in [`RENDER_CHECKS`]. Without the program, such a check is
//! skipped loudly: it writes `SKIPPED <check>: <why>` straight to the
//! terminal (past the test harness, which hides what passing tests print),
//! and `skipped_render_checks` lists every check skipped on this machine by
//! name, so that `cargo test` never passes silently short of them. With
//! `CI` set a skip is a failure: `.ci/run` installs both programs.

use crate::harness::{Run, files, pfc, pfc_in, root};
use calamine::{Data, Reader, Xlsx};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const FRAMEWORK: &str = "frameworks/cn-self-eval-2020";
const CAIDIAN: &str = "frameworks/cn-self-eval-2020/examples/caidian-2019.toml";
const UNDER: &str = "frameworks/cn-self-eval-2020/examples/underperforming-2021.toml";

/// One part of a zip file (`.docx`, `.xlsx`) as text.
#[track_caller]
pub fn zip_part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).expect("zip file");
    let mut zip = zip::ZipArchive::new(file).expect("a zip archive");
    let mut part = zip.by_name(name).expect("part in the zip");
    let mut text = String::new();
    part.read_to_string(&mut text).expect("UTF-8 part");
    text
}

/// Every part name of a zip file.
fn zip_names(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).expect("zip file");
    let zip = zip::ZipArchive::new(file).expect("a zip archive");
    zip.file_names()
        .map(|n| n.expect("part name").into_owned())
        .collect()
}

/// Run `pfc eval` writing `-o <dir>/<file>`; returns the run and the path.
#[track_caller]
fn eval_to(dir: &Path, data: &str, format: &str, file: &str) -> (Run, PathBuf) {
    let out = dir.join(file);
    let run = pfc(&[
        "eval",
        FRAMEWORK,
        data,
        "--format",
        format,
        "-o",
        &out.display().to_string(),
    ]);
    (run, out)
}

// ---------------------------------------------------------------- Excel

fn cell(range: &calamine::Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

fn find_row(range: &calamine::Range<Data>, col: u32, text: &str) -> u32 {
    (0..range.height() as u32)
        .find(|r| matches!(cell(range, *r, col), Data::String(s) if s == text))
        .unwrap_or_else(|| panic!("no row with `{text}` in column {col}"))
}

#[test]
fn xlsx_is_the_self_evaluation_table_of_annex_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (run, path) = eval_to(dir.path(), CAIDIAN, "xlsx", "自评表.xlsx");
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.is_empty(), "nothing on stdout with -o");

    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("xlsx opens");
    assert_eq!(book.sheet_names(), ["自评表"]);
    let range = book.worksheet_range("自评表").expect("sheet");
    assert_eq!(
        cell(&range, 0, 0),
        Data::String("项目支出绩效自评表".into())
    );
    assert_eq!(cell(&range, 1, 0), Data::String("（2019年度）".into()));
    assert_eq!(
        cell(&range, 2, 1),
        Data::String("质量技术监督专项经费".into())
    );

    // Funds block: amounts in 万元 and rates as numbers, 分值 and 得分 of
    // the execution-rate indicator on the total row.
    let funds = find_row(&range, 0, "项目资金（万元）");
    let header: Vec<Data> = (3..9).map(|c| cell(&range, funds, c)).collect();
    let expected: Vec<Data> = [
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    .iter()
    .map(|s| Data::String((*s).into()))
    .collect();
    assert_eq!(header, expected);
    let total = funds + 1;
    assert_eq!(cell(&range, total, 1), Data::String("年度资金总额".into()));
    assert_eq!(cell(&range, total, 3), Data::Float(186.8));
    assert_eq!(cell(&range, total, 4), Data::Float(87.65));
    assert_eq!(cell(&range, total, 5), Data::Float(86.54));
    assert_eq!(cell(&range, total, 6), Data::Float(10.0));
    match cell(&range, total, 7) {
        Data::Float(rate) => assert!((rate - 86.54 / 87.65).abs() < 1e-12, "rate {rate}"),
        other => panic!("执行率 is not a number: {other:?}"),
    }
    assert_eq!(cell(&range, total, 8), Data::Float(9.87));
    assert_eq!(
        cell(&range, total + 1, 1),
        Data::String("其中：当年财政拨款".into())
    );

    // Indicator block: scores are numbers; 一级/二级 merged down.
    let head = find_row(&range, 0, "绩效指标");
    let titles: Vec<Data> = (1..9).map(|c| cell(&range, head, c)).collect();
    assert_eq!(
        titles,
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施"
        ]
        .map(|s| Data::String(s.into()))
    );
    let first = head + 1;
    assert_eq!(cell(&range, first, 1), Data::String("产出指标".into()));
    assert_eq!(
        cell(&range, first, 3),
        Data::String("及时完成质量监督检查任务".into())
    );
    assert_eq!(cell(&range, first, 6), Data::Float(25.0));
    assert_eq!(cell(&range, first, 7), Data::Float(25.0));
    assert_eq!(
        cell(&range, first + 1, 4),
        Data::String("≤87.65万元".into())
    );
    let sum = find_row(&range, 0, "总分");
    assert_eq!(sum, first + 5, "five indicator rows, then 总分");
    assert_eq!(cell(&range, sum, 6), Data::Float(100.0));
    assert_eq!(cell(&range, sum, 7), Data::Float(99.87));
    assert_eq!(cell(&range, sum, 8), Data::String("评价等级：优".into()));

    let merges = book.merge_cells_by_sheet_name("自评表").expect("merges");
    let merged = |start: (u32, u32), end: (u32, u32)| {
        merges.iter().any(|d| d.start == start && d.end == end)
    };
    assert!(
        merged((first, 1), (first + 1, 1)),
        "产出指标 spans its two rows: {merges:?}"
    );
    assert!(
        merged((first + 2, 1), (first + 3, 1)),
        "效益指标 spans its two rows"
    );
    assert!(merged((head, 0), (sum - 1, 0)), "绩效指标 spans the block");
    assert!(merged((sum, 0), (sum, 5)), "总分 spans to 分值");

    // Print setup and number formats, from the sheet's XML.
    let sheet = zip_part(&path, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains(r#"orientation="landscape""#), "landscape");
    assert!(sheet.contains(r#"paperSize="9""#), "A4");
    assert!(
        sheet.contains(r#"fitToWidth="1""#) || sheet.contains("fitToPage"),
        "fit to page"
    );
    let workbook = zip_part(&path, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Area"), "print area");
    let styles = zip_part(&path, "xl/styles.xml");
    assert!(
        styles.contains(r#"formatCode="0.00%""#),
        "rates as percentages"
    );
    assert!(
        styles.contains(r#"formatCode="0.00""#),
        "scores with two decimals"
    );
}

#[test]
fn xlsx_puts_a_missed_target_and_an_overrun_in_numbers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (run, path) = eval_to(dir.path(), UNDER, "xlsx", "t.xlsx");
    assert_eq!(run.code, 0, "{}", run.transcript());
    let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("xlsx opens");
    let range = book.worksheet_range("自评表").expect("sheet");
    let funds = find_row(&range, 0, "项目资金（万元）") + 1;
    assert_eq!(cell(&range, funds, 7), Data::Float(0.75));
    assert_eq!(cell(&range, funds, 8), Data::Float(7.5));
    let cost = (0..range.height() as u32)
        .find(|r| cell(&range, *r, 3) == Data::String("检测设备采购成本".into()))
        .expect("cost row");
    assert_eq!(cell(&range, cost, 7), Data::Float(14.17));
    let sum = find_row(&range, 0, "总分");
    assert_eq!(cell(&range, sum, 7), Data::Float(80.0));
    assert_eq!(cell(&range, sum, 8), Data::String("评价等级：良".into()));
}

// ---------------------------------------------------------------- Word

#[test]
fn docx_is_a_word_document_with_styles_tables_and_chinese_fonts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (run, path) = eval_to(dir.path(), CAIDIAN, "docx", "报告.docx");
    assert_eq!(run.code, 0, "{}", run.transcript());
    let names = zip_names(&path);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/_rels/document.xml.rels",
    ] {
        assert!(names.iter().any(|n| n == part), "missing {part}: {names:?}");
    }
    for name in names
        .iter()
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
    {
        let text = zip_part(&path, name);
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{name} is not well-formed XML: {e}");
        }
    }
    let doc = zip_part(&path, "word/document.xml");
    let xml = roxmltree::Document::parse(&doc).expect("document.xml");
    let styles_used: Vec<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("pStyle"))
        .filter_map(|n| n.attributes().next().map(|a| a.value()))
        .collect();
    for style in [
        "Heading1",
        "Heading2",
        "Heading3",
        "BodyText",
        "TableText",
        "TableHeading",
    ] {
        assert!(styles_used.contains(&style), "no {style} paragraph");
    }
    let tables = xml.descendants().filter(|n| n.has_tag_name("tbl")).count();
    assert_eq!(tables, 1, "the 自评表 is one table");
    let rows: Vec<_> = xml.descendants().filter(|n| n.has_tag_name("tr")).collect();
    let repeated: Vec<bool> = rows
        .iter()
        .map(|r| r.descendants().any(|n| n.has_tag_name("tblHeader")))
        .collect();
    assert_eq!(
        repeated.iter().take_while(|r| **r).count(),
        2,
        "项目名称 and 主管部门 repeat on every page the table runs onto"
    );
    assert!(
        rows.iter()
            .all(|r| r.descendants().any(|n| n.has_tag_name("cantSplit"))),
        "rows do not split across pages"
    );
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    assert!(
        doc.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#),
        "the 自评表 on a landscape A4 page"
    );
    assert!(doc.contains("总计评分为99.87分"));
    let styles = zip_part(&path, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="仿宋""#), "body font");
    assert!(styles.contains(r#"w:eastAsia="黑体""#), "heading font");
    assert!(
        styles.contains(r#"<w:name w:val="heading 1"/>"#),
        "Word's own heading style"
    );
}

/// A cell of a table read back: where it starts, what it spans, its text.
#[derive(Debug, Clone, PartialEq)]
struct Spanned {
    row: usize,
    col: usize,
    rows: usize,
    cols: usize,
    text: String,
}

/// The Word report's 自评表, read back from `word/document.xml`: each
/// `w:tc` is a cell spanning its `gridSpan`; a `vMerge` without a value
/// continues the cell above it.
fn docx_grid(path: &Path) -> Vec<Spanned> {
    let doc = zip_part(path, "word/document.xml");
    let xml = roxmltree::Document::parse(&doc).expect("document.xml");
    let table = xml
        .descendants()
        .find(|n| n.has_tag_name("tbl"))
        .expect("a table");
    let attr = |n: roxmltree::Node, name: &str| {
        n.attributes()
            .find(|a| a.name() == name)
            .map(|a| a.value().to_owned())
    };
    let mut cells: Vec<Spanned> = Vec::new();
    for (r, tr) in table
        .children()
        .filter(|n| n.has_tag_name("tr"))
        .enumerate()
    {
        let mut col = 0;
        for tc in tr.children().filter(|n| n.has_tag_name("tc")) {
            let span = tc
                .descendants()
                .find(|n| n.has_tag_name("gridSpan"))
                .and_then(|n| attr(n, "val"))
                .map_or(1, |v| v.parse().expect("gridSpan"));
            let merge = tc.descendants().find(|n| n.has_tag_name("vMerge"));
            if let Some(m) = merge
                && attr(m, "val").is_none()
            {
                let above = cells
                    .iter_mut()
                    .rev()
                    .find(|c| c.col == col && c.row + c.rows == r)
                    .expect("a cell above to continue");
                above.rows += 1;
            } else {
                let text: String = tc
                    .descendants()
                    .filter(|n| n.has_tag_name("t"))
                    .filter_map(|n| n.text())
                    .collect();
                cells.push(Spanned {
                    row: r,
                    col,
                    rows: 1,
                    cols: span,
                    text,
                });
            }
            col += span;
        }
        assert_eq!(col, 9, "row {r} covers the nine columns");
    }
    cells.sort_by_key(|c| (c.row, c.col));
    cells
}

/// The workbook's 自评表 read back with calamine, below its two title
/// rows: merged ranges as one cell, numbers as Word shows them.
fn xlsx_grid(path: &Path) -> Vec<Spanned> {
    let mut book: Xlsx<_> = calamine::open_workbook(path).expect("xlsx opens");
    let range = book.worksheet_range("自评表").expect("sheet");
    let merges = book.merge_cells_by_sheet_name("自评表").expect("merges");
    let styles = zip_part(path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.00%""#));
    let mut cells = Vec::new();
    let top = 2;
    for r in top..range.height() as u32 {
        for c in 0..9u32 {
            let merge = merges
                .iter()
                .find(|m| (m.start.0..=m.end.0).contains(&r) && (m.start.1..=m.end.1).contains(&c));
            let (rows, cols) = match merge {
                Some(m) if m.start != (r, c) => continue,
                Some(m) => (m.end.0 - m.start.0 + 1, m.end.1 - m.start.1 + 1),
                None => (1, 1),
            };
            let text = match cell(&range, r, c) {
                Data::String(s) => s,
                Data::Empty => String::new(),
                // Numbers as their cells' formats show them: rates as
                // percentages, amounts with 2 to 4 decimals, scores and
                // weights with the places they have.
                Data::Float(f) if c == 7 && r < first_indicator_row(&range) => {
                    format!("{:.2}%", f * 100.0)
                }
                Data::Float(f) if (3..=5).contains(&c) => format!("{f:.2}"),
                Data::Float(f) => format!("{f}"),
                other => panic!("unexpected cell {other:?}"),
            };
            cells.push(Spanned {
                row: (r - top) as usize,
                col: c as usize,
                rows: rows as usize,
                cols: cols as usize,
                text,
            });
        }
    }
    cells
}

fn first_indicator_row(range: &calamine::Range<Data>) -> u32 {
    find_row(range, 0, "绩效指标")
}

/// The Word report's 附表 and the workbook are the same table: the same
/// cells, spans and texts, position for position (both are drawn from one
/// layout, `src/report/table.rs`).
#[test]
fn the_docx_table_is_laid_out_as_the_xlsx_sheet() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (data, stem) in [(CAIDIAN, "caidian"), (UNDER, "under")] {
        let (run, docx) = eval_to(dir.path(), data, "docx", &format!("{stem}.docx"));
        assert_eq!(run.code, 0, "{}", run.transcript());
        let (run, xlsx) = eval_to(dir.path(), data, "xlsx", &format!("{stem}.xlsx"));
        assert_eq!(run.code, 0, "{}", run.transcript());
        let word = docx_grid(&docx);
        let excel = xlsx_grid(&xlsx);
        // Scores: Word shows `25.00`, calamine reads 25.
        let same = |w: &Spanned, x: &Spanned| {
            let numbers = w
                .text
                .trim_end_matches('%')
                .parse::<f64>()
                .ok()
                .zip(x.text.trim_end_matches('%').parse::<f64>().ok());
            (w.row, w.col, w.rows, w.cols) == (x.row, x.col, x.rows, x.cols)
                && (w.text == x.text || numbers.is_some_and(|(a, b)| (a - b).abs() < 1e-9))
        };
        assert_eq!(word.len(), excel.len(), "{stem}: {word:#?}\n{excel:#?}");
        for (w, x) in word.iter().zip(&excel) {
            assert!(same(w, x), "{stem}: Word has {w:?}, Excel {x:?}");
        }
        // The merges that make it 附件1's table.
        let spans = |text: &str| {
            word.iter()
                .find(|c| c.text == text)
                .map(|c| (c.rows, c.cols))
                .unwrap_or_else(|| panic!("no `{text}`"))
        };
        assert_eq!(spans("绩效指标").1, 1);
        let leaves = if stem == "caidian" { 5 } else { 7 };
        assert_eq!(
            spans("绩效指标").0,
            1 + leaves,
            "绩效指标 spans the indicator block"
        );
        assert_eq!(
            spans("产出指标"),
            (if stem == "caidian" { 2 } else { 4 }, 1)
        );
        assert_eq!(spans("总分"), (1, 6));
        assert_eq!(spans("年度总体目标"), (2, 1));
    }
}

/// The unit's Word report carries no review notes and no formulas; the
/// reviewer's (`--review`) carries both, before the 自评表.
#[test]
fn only_the_reviewers_report_has_findings_and_formulas() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unit = dir.path().join("unit.docx");
    let review = dir.path().join("review.docx");
    let run = pfc(&[
        "eval",
        FRAMEWORK,
        CAIDIAN,
        "-o",
        &unit.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = pfc(&[
        "eval",
        FRAMEWORK,
        CAIDIAN,
        "--review",
        "-o",
        &review.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let unit = zip_part(&unit, "word/document.xml");
    let review = zip_part(&review, "word/document.xml");
    for text in ["复核提示", "计分说明", "min(", "PF3009", "pfc 按评价框架"] {
        assert!(!unit.contains(text), "the unit's report has `{text}`");
        assert!(
            review.contains(text),
            "the reviewer's report lacks `{text}`"
        );
    }
    // Markdown and HTML alike.
    for format in ["md", "html"] {
        let unit = pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", format]);
        let review = pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", format, "--review"]);
        assert_eq!((unit.code, review.code), (0, 0));
        for text in ["min(", "PF3009"] {
            assert!(!unit.stdout.contains(text), "{format}: unit's has `{text}`");
            assert!(
                review.stdout.contains(text),
                "{format}: reviewer's lacks `{text}`"
            );
        }
    }
}

/// A name holding characters XML cannot hold (U+FFFF, a control) still
/// gives Word and Excel files whose every part parses.
#[test]
fn characters_xml_cannot_hold_never_reach_a_part() {
    let data = std::fs::read_to_string(root().join(CAIDIAN))
        .expect("example")
        .replace(
            "name = \"质量技术监督专项经费\"",
            "name = \"质量\\uFFFF技术\\u0001监督\\uFFFE经费\"",
        );
    let dir = files(&[("data.toml", data.as_bytes())]);
    for file in ["r.docx", "t.xlsx"] {
        let run = pfc_in(
            dir.path(),
            &["eval", "cn-self-eval-2020", "data.toml", "-o", file],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        let path = dir.path().join(file);
        for name in zip_names(&path).iter().filter(|n| n.ends_with(".xml")) {
            let text = zip_part(&path, name);
            if let Err(e) = roxmltree::Document::parse(&text) {
                panic!("{file}: {name} is not well-formed XML: {e}");
            }
        }
    }
    let doc = zip_part(&dir.path().join("r.docx"), "word/document.xml");
    assert!(
        doc.contains("质量\u{FFFD}技术\u{FFFD}监督\u{FFFD}经费"),
        "shown as �"
    );
}

/// LibreOffice opens the Word file and the Excel file and prints them; the
/// Excel table fits one page, and so does the Word report's 自评表, on a
/// landscape page after the portrait pages of the text.
#[test]
fn libreoffice_converts_docx_and_xlsx_to_pdf() {
    let Some(soffice) = tool("libreoffice_converts_docx_and_xlsx_to_pdf") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let profile = tempfile::tempdir().expect("profile dir");
    for (data, stem) in [(CAIDIAN, "caidian"), (UNDER, "under")] {
        let mut pages = Vec::new();
        for (format, file) in [
            ("docx", format!("{stem}-report.docx")),
            ("xlsx", format!("{stem}-table.xlsx")),
        ] {
            let (run, path) = eval_to(dir.path(), data, format, &file);
            assert_eq!(run.code, 0, "{}", run.transcript());
            let out = Command::new(&soffice)
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile.path().display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(dir.path())
                .arg(&path)
                .output()
                .expect("soffice runs");
            // soffice exits 0 even when it cannot load a file: look for the PDF.
            let pdf = path.with_extension("pdf");
            assert!(
                out.status.success() && pdf.is_file(),
                "LibreOffice could not convert {}:\n{}{}",
                path.display(),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            pages.push(pdf_pages(&pdf));
            if format == "docx" {
                assert_eq!(
                    landscape_pages(&pdf),
                    1,
                    "{stem}: the 自评表 on one landscape page"
                );
            }
        }
        assert!(
            pages[0] >= 2,
            "{stem}: the Word report has {} pages",
            pages[0]
        );
        assert_eq!(pages[1], 1, "{stem}: the 自评表 prints on one page");
        println!(
            "{stem}: Word report {} pages, Excel table {} page",
            pages[0], pages[1]
        );
    }
}

// ---------------------------------------------------------------- HTML

#[test]
fn html_is_self_contained_and_accessible() {
    let run = pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", "html"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let html = &run.stdout;
    for forbidden in [
        "<script",
        "src=\"http",
        "href=\"http",
        "<link",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(forbidden), "HTML contains `{forbidden}`");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(html.contains(r#"<svg class="score-chart""#));
    assert!(html.contains(r#"role="img""#) && html.contains("aria-labelledby"));
    // One picture a part, so that a printed page can break between them.
    assert_eq!(html.matches("<svg ").count(), 4, "one chart a part");
    assert!(html.contains("<title id=\"score-chart-title-2\">各指标得分与分值：产出指标</title>"));
    assert!(html.contains("<desc id=\"score-chart-desc-1\">每一行是一项指标："));
    assert!(html.contains("社会公众或服务对象对项目实施效果的满意程度：得分10.00，分值10。"));
    assert!(html.contains("@media print") && html.contains("table-header-group"));
    // The total row prints once: its `tfoot` is not repeated at each page's foot.
    assert!(!html.contains("table-footer-group"));
    assert!(
        !html.contains(r#"class="warnings""#),
        "pfc's findings are the reviewer's"
    );
    let review = pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", "html", "--review"]);
    assert!(review.stdout.contains(r#"class="warnings""#));
}

#[test]
fn html_escapes_what_the_data_says() {
    let data = std::fs::read_to_string(root().join(CAIDIAN)).expect("example");
    let data = data.replace(
        "name = \"质量技术监督专项经费\"",
        "name = \"<script>alert(1)</script>经费 & <b>粗</b>\"",
    );
    let dir = files(&[("data.toml", data.as_bytes())]);
    let run = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", "data.toml", "-f", "html"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        !run.stdout.contains("<script>"),
        "a script from the data is never emitted"
    );
    assert!(!run.stdout.contains("<b>粗"));
    assert!(
        run.stdout
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;经费 &amp; &lt;b&gt;粗")
    );
    // In the chart too (drawn by pfc, escaped separately).
    assert!(run.stdout.contains("&lt;script&gt;") && !run.stdout.contains("<script"));

    // The same name in the Word report stays text.
    let run = pfc_in(
        dir.path(),
        &["eval", "cn-self-eval-2020", "data.toml", "-o", "r.docx"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let doc = zip_part(&dir.path().join("r.docx"), "word/document.xml");
    assert!(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt;经费 &amp; &lt;b&gt;粗&lt;/b&gt;"));
    roxmltree::Document::parse(&doc).expect("still well-formed");
}

/// Headless Chromium renders both examples: a screenshot (kept out of the
/// repository, in a temporary folder), a PDF of two A4 pages, and no
/// console message (the page's Content-Security-Policy turns any script or
/// network request into one). The reviewer's report, with pfc's findings
/// and the formulas, takes a page more for the second example.
#[test]
fn chromium_renders_and_prints_the_html_reports() {
    let Some(chromium) = tool("chromium_renders_and_prints_the_html_reports") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let shots = std::env::var_os("PFC_SCREENSHOTS").map(PathBuf::from);
    for (data, stem, pages, review_pages) in [
        (CAIDIAN, "caidian-2019", 2, 2),
        (UNDER, "underperforming-2021", 2, 3),
    ] {
        let (run, html) = eval_to(dir.path(), data, "html", &format!("{stem}.html"));
        assert_eq!(run.code, 0, "{}", run.transcript());
        let review = dir.path().join(format!("{stem}-review.html"));
        let run = pfc(&[
            "eval",
            FRAMEWORK,
            data,
            "--review",
            "-o",
            &review.display().to_string(),
        ]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let review_pdf = dir.path().join(format!("{stem}-review.pdf"));
        let log = headless(
            &chromium,
            &review,
            &[
                format!("--print-to-pdf={}", review_pdf.display()),
                "--no-pdf-header-footer".into(),
            ],
        );
        assert_no_console_messages(&log, stem);
        assert_eq!(
            pdf_pages(&review_pdf),
            review_pages,
            "{stem}: pages of the reviewer's printed report"
        );
        let shot_dir = shots.clone().unwrap_or_else(|| dir.path().to_owned());
        let png = shot_dir.join(format!("{stem}.png"));
        let phone = shot_dir.join(format!("{stem}-phone.png"));
        let pdf = dir.path().join(format!("{stem}.pdf"));
        // A desktop screenshot, a phone screenshot, and the A4 print.
        for args in [
            [
                format!("--screenshot={}", png.display()),
                "--window-size=1000,2600".into(),
            ],
            [
                format!("--screenshot={}", phone.display()),
                "--window-size=390,2400".into(),
            ],
            [
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".into(),
            ],
        ] {
            let log = headless(&chromium, &html, &args);
            assert_no_console_messages(&log, stem);
        }
        assert!(
            std::fs::metadata(&png)
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "screenshot"
        );
        assert_eq!(
            pdf_pages(&pdf),
            pages,
            "{stem}: pages of the printed report"
        );
        println!(
            "{stem}: screenshot {} and {}, {pages} A4 pages",
            png.display(),
            phone.display()
        );
    }
}

/// The console check itself works: a page with a script error and a
/// network request is caught.
#[test]
fn chromium_console_check_catches_errors() {
    let Some(chromium) = tool("chromium_console_check_catches_errors") else {
        return;
    };
    let dir = files(&[(
        "bad.html",
        b"<!DOCTYPE html><html><body><script>undefinedFunction()</script></body></html>",
    )]);
    let log = headless(
        &chromium,
        &dir.path().join("bad.html"),
        &["--dump-dom".into()],
    );
    assert!(
        console_messages(&log)
            .iter()
            .any(|l| l.contains("undefinedFunction")),
        "the script error was not seen:\n{log}"
    );
}

/// Run headless Chromium on a local file with the flags a machine without
/// network needs; returns its log.
fn headless(chromium: &Path, page: &Path, extra: &[String]) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn console_messages(log: &str) -> Vec<&str> {
    log.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

#[track_caller]
fn assert_no_console_messages(log: &str, what: &str) {
    let messages = console_messages(log);
    assert!(
        messages.is_empty(),
        "{what}: console messages:\n{}",
        messages.join("\n")
    );
}

/// Pages of a PDF: its `/Type /Page` objects (not `/Pages`).
fn pdf_pages(path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("pdf written");
    let needle = b"/Type";
    let mut count = 0;
    let mut i = 0;
    while let Some(off) = bytes[i..].windows(needle.len()).position(|w| w == needle) {
        let mut j = i + off + needle.len();
        while bytes.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if bytes[j..].starts_with(b"/Page") && !bytes[j..].starts_with(b"/Pages") {
            count += 1;
        }
        i = j;
    }
    count
}

/// Pages printed landscape (wider than tall) in a PDF: its `/MediaBox`
/// entries, one a page as LibreOffice writes them.
fn landscape_pages(path: &Path) -> usize {
    let bytes = std::fs::read(path).expect("pdf written");
    let text = String::from_utf8_lossy(&bytes);
    text.match_indices("/MediaBox")
        .filter_map(|(i, _)| {
            let rest = &text[i + "/MediaBox".len()..];
            let open = rest.find('[')?;
            let close = rest.find(']')?;
            let numbers: Vec<f64> = rest[open + 1..close]
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            match numbers[..] {
                [x0, y0, x1, y1] => Some(x1 - x0 > y1 - y0),
                _ => None,
            }
        })
        .filter(|wide| *wide)
        .count()
}

/// The checks that need a program besides cargo, with the program's
/// names (the first found is used) and what to call it.
const RENDER_CHECKS: &[(&str, &[&str], &str)] = &[
    (
        "libreoffice_converts_docx_and_xlsx_to_pdf",
        &["soffice", "libreoffice"],
        "LibreOffice (soffice)",
    ),
    (
        "chromium_renders_and_prints_the_html_reports",
        CHROMIUM,
        "Chromium",
    ),
    (
        "chromium_console_check_catches_errors",
        CHROMIUM,
        "Chromium",
    ),
];

const CHROMIUM: &[&str] = &["chromium", "chromium-browser", "google-chrome"];

/// The program `check` needs (its entry in [`RENDER_CHECKS`]). Missing, the
/// check is skipped, said on the terminal itself — except in CI (`CI`
/// set), where `.ci/run` installs it and its absence is a failure.
#[track_caller]
fn tool(check: &str) -> Option<PathBuf> {
    let (names, what) = RENDER_CHECKS
        .iter()
        .find(|(name, _, _)| *name == check)
        .map(|(_, names, what)| (*names, *what))
        .unwrap_or_else(|| panic!("{check} is not in RENDER_CHECKS"));
    let found = which(names);
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is not installed, and CI must run {check} (.ci/run installs it)"
        );
        loud(&format!(
            "SKIPPED reports::{check}: {what} is not installed (.ci/run installs it; with CI set this fails)"
        ));
    }
    found
}

/// A line on the terminal even when the test passes: written to the
/// process's standard error, which the test harness does not capture
/// (it captures `print!` and `eprint!` only).
fn loud(line: &str) {
    use std::io::Write;
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{line}");
}

/// Every render check this machine cannot run, by name, in one place: the
/// summary a newcomer's `cargo test` ends with on a machine with cargo only
/// (the README's promise: it passes there). It fails with `CI` set when
/// one is missing, as the checks themselves do.
#[test]
fn skipped_render_checks() {
    let skipped: Vec<String> = RENDER_CHECKS
        .iter()
        .filter(|(_, names, _)| which(names).is_none())
        .map(|(check, _, what)| format!("reports::{check} (no {what})"))
        .collect();
    if skipped.is_empty() {
        return;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI must run every render check; missing: {}",
        skipped.join(", ")
    );
    loud(&format!(
        "SKIPPED {} of {} render checks: {} — install chromium and libreoffice (see .ci/run) to run them",
        skipped.len(),
        RENDER_CHECKS.len(),
        skipped.join(", ")
    ));
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    })
}

// ---------------------------------------------------------------- Templates

/// A copy of the bundled framework in a temporary folder, with extra files.
fn framework_copy(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let src = root().join(FRAMEWORK);
    let pf = std::fs::read(src.join("framework.pf")).expect("framework");
    let md = std::fs::read(src.join("templates/report.md.tera")).expect("template");
    let data = std::fs::read(root().join(CAIDIAN)).expect("example");
    let mut list: Vec<(&str, &[u8])> = vec![
        ("fw/framework.pf", &pf),
        ("fw/templates/report.md.tera", &md),
        ("data.toml", &data),
    ];
    for (name, text) in extra {
        list.push((name, text.as_bytes()));
    }
    files(&list)
}

#[test]
fn a_framework_can_replace_the_html_and_docx_templates() {
    let dir = framework_copy(&[
        (
            "fw/templates/report.html.tera",
            "{% extends \"pfc/report.html\" %}{% block footer %}<footer>本单位自制：{{ project.unit }}</footer>{% endblock footer %}",
        ),
        (
            "fw/templates/report.docx.tera",
            "# {{ project.name }}\n\n总分 **{{ total }}**，等级 {{ grade }}。\n",
        ),
    ]);
    let run = pfc_in(dir.path(), &["eval", "fw", "data.toml", "-f", "html"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout
            .contains("<footer>本单位自制：武汉市蔡甸区应急管理局</footer>")
    );
    assert!(
        run.stdout.contains("score-chart"),
        "the rest of pfc's page is kept"
    );

    let run = pfc_in(dir.path(), &["eval", "fw", "data.toml", "-o", "r.docx"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let doc = zip_part(&dir.path().join("r.docx"), "word/document.xml");
    assert!(
        doc.contains("总分 </w:t>")
            && doc.contains("<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">99.87</w:t>")
    );
    assert!(
        !doc.contains("附表"),
        "the docx template replaced the Markdown one"
    );
}

#[test]
fn the_template_file_name_picks_escaping() {
    let data = std::fs::read_to_string(root().join(CAIDIAN))
        .expect("example")
        .replace("name = \"质量技术监督专项经费\"", "name = \"A<B>\"");
    let body = "[{{ project.name }}]";
    let dir = files(&[
        ("data.toml", data.as_bytes()),
        ("mine.md.tera", body.as_bytes()),
        ("mine.html.tera", body.as_bytes()),
    ]);
    let md = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            "data.toml",
            "-f",
            "md",
            "--template",
            "mine.md.tera",
        ],
    );
    assert_eq!(md.stdout, "[A<B>]");
    let as_html = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            "data.toml",
            "-f",
            "md",
            "--template",
            "mine.html.tera",
        ],
    );
    assert_eq!(as_html.stdout, "[A&lt;B&gt;]");
    let html = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            "data.toml",
            "-f",
            "html",
            "--template",
            "mine.md.tera",
        ],
    );
    assert_eq!(html.stdout, "[A&lt;B&gt;]", "--format html always escapes");
}

#[test]
fn a_template_naming_a_missing_field_fails_with_file_line_and_name() {
    let template = "# {{ project.name }}\n\n{% if narrative.summay %}\n{{ narrative.summay }}\n{% endif %}\n{% for w in warnings %}{{ w.mesage }}{% endfor %}\n";
    let data = std::fs::read(root().join(CAIDIAN)).expect("example");
    let dir = files(&[("data.toml", &data), ("bad.md.tera", template.as_bytes())]);
    for format in ["md", "html", "docx"] {
        let out = format!("out.{format}");
        let run = pfc_in(
            dir.path(),
            &[
                "eval",
                "cn-self-eval-2020",
                "data.toml",
                "-f",
                format,
                "--template",
                "bad.md.tera",
                "-o",
                &out,
            ],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(
            !dir.path().join(&out).exists(),
            "no output file on a template error"
        );
        assert!(run.stderr.contains("bad.md.tera:3:"), "{}", run.stderr);
        assert!(run.stderr.contains("`narrative.summay`"), "{}", run.stderr);
        assert!(
            run.stderr.contains("did you mean `summary`?"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("`w.mesage`"),
            "branch not taken is checked too"
        );
        if format == "md" {
            insta::assert_snapshot!("template_missing_field", run.transcript());
        }
    }
}

#[test]
fn a_template_syntax_error_points_into_the_template() {
    let data = std::fs::read(root().join(CAIDIAN)).expect("example");
    let dir = files(&[
        ("data.toml", &data),
        ("broken.html.tera", b"<p>\n{% if total %}\n</p>\n"),
    ]);
    let run = pfc_in(
        dir.path(),
        &[
            "eval",
            "cn-self-eval-2020",
            "data.toml",
            "-f",
            "html",
            "--template",
            "broken.html.tera",
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    insta::assert_snapshot!("template_syntax_error", run.transcript());
}

/// Template errors in Chinese: pfc's words in Chinese, Tera's own message
/// (English) quoted inside them.
#[test]
fn template_errors_are_told_in_chinese() {
    let data = std::fs::read(root().join(CAIDIAN)).expect("example");
    let dir = files(&[
        ("data.toml", &data),
        ("bad.md.tera", b"# {{ project.nam }}\n{{ leaves.name }}\n"),
        ("broken.html.tera", b"<p>\n{% if total %}\n</p>\n"),
    ]);
    let mut transcript = String::new();
    for (format, template) in [("md", "bad.md.tera"), ("html", "broken.html.tera")] {
        let run = pfc_in(
            dir.path(),
            &[
                "--lang",
                "zh",
                "eval",
                "cn-self-eval-2020",
                "data.toml",
                "-f",
                format,
                "--template",
                template,
            ],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        transcript.push_str(&run.stderr);
    }
    insta::assert_snapshot!("template_errors_zh", transcript);
}

// ---------------------------------------------------------------- Command line

#[test]
fn binary_formats_need_an_output_file() {
    for format in ["xlsx", "docx"] {
        let run = pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", format]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(run.stdout.is_empty());
        assert!(run.stderr.contains("-o"), "{}", run.stderr);
    }
    insta::assert_snapshot!(
        "xlsx_without_output",
        pfc(&["eval", FRAMEWORK, CAIDIAN, "-f", "xlsx"]).transcript()
    );
    let run = pfc(&[
        "eval",
        FRAMEWORK,
        CAIDIAN,
        "-f",
        "xlsx",
        "--template",
        "x.tera",
        "-o",
        "x.xlsx",
    ]);
    assert_eq!(run.code, 2, "{}", run.transcript());
    assert!(run.stderr.contains("`--template` does not apply"));
    assert!(!root().join("x.xlsx").exists());
}

#[test]
fn the_output_file_extension_picks_the_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (file, magic) in [
        ("r.docx", &b"PK"[..]),
        ("t.xlsx", b"PK"),
        ("r.html", b"<!DOCTYPE html>"),
        ("r.md", "# 质量".as_bytes()),
        ("r.json", b"{"),
    ] {
        let out = dir.path().join(file);
        let run = pfc(&["eval", FRAMEWORK, CAIDIAN, "-o", &out.display().to_string()]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let bytes = std::fs::read(&out).expect("written");
        assert!(
            bytes.starts_with(magic),
            "{file} starts with {:?}",
            &bytes[..20.min(bytes.len())]
        );
    }
}

#[test]
fn every_format_gives_the_same_bytes_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in ["html", "xlsx", "docx"] {
        let (a, pa) = eval_to(dir.path(), UNDER, format, &format!("a.{format}"));
        let (b, pb) = eval_to(dir.path(), UNDER, format, &format!("b.{format}"));
        assert_eq!((a.code, b.code), (0, 0));
        let (a, b) = (std::fs::read(pa).expect("a"), std::fs::read(pb).expect("b"));
        assert!(a == b, "{format} differs between runs");
    }
}

#[test]
fn help_lists_every_format() {
    let run = pfc(&["eval", "--help"]);
    for format in ["text", "md", "html", "json", "xlsx", "docx"] {
        assert!(run.stdout.contains(format), "--help lacks {format}");
    }
}

// ---------------------------------------------------------------- Docs

/// docs/reports.md names every field of the report context.
#[test]
fn every_context_field_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/reports.md")).expect("docs/reports.md");
    let mut sources = pfc::source::SourceMap::new();
    let fw = sources
        .load(&root().join(FRAMEWORK).join("framework.pf"))
        .expect("framework");
    let model = pfc::compile(&mut sources, fw)
        .0
        .expect("framework compiles");
    let file = sources.load(&root().join(UNDER)).expect("data");
    let data = pfc::data::load(&sources, file).expect("data loads");
    let ev = pfc::eval::evaluate(&model, &data)
        .evaluation
        .expect("evaluates");
    let ctx = serde_json::to_value(pfc::report::context::build(&ev)).expect("json");
    let mut missing = Vec::new();
    collect_undocumented(&ctx, "", &doc, &mut missing);
    assert!(missing.is_empty(), "not in docs/reports.md: {missing:?}");
}

fn collect_undocumented(v: &serde_json::Value, path: &str, doc: &str, missing: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                let full = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                // A field is documented as `name`, `parent.name`, `.name` or
                // `[].name` at the start of a table cell or in a list of them.
                let named = ["`", "."].iter().any(|pre| {
                    ["`", ",", "[", " ", "."]
                        .iter()
                        .any(|post| doc.contains(&format!("{pre}{k}{post}")))
                });
                if !named {
                    missing.push(full.clone());
                }
                // Maps whose keys are data (figures) or listed in one row (labels).
                if k != "figures" && k != "labels" {
                    collect_undocumented(v, &full, doc, missing);
                }
            }
        }
        serde_json::Value::Array(items) => {
            if let Some(first) = items.first() {
                collect_undocumented(first, &format!("{path}[]"), doc, missing);
            }
        }
        _ => {}
    }
}
