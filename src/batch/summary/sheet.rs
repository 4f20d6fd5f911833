//! `summary.xlsx`, written by hand: the sheet's XML goes straight into a
//! deflated zip entry as the rows come in, so that memory stays the same
//! for ten projects or a million, and nothing is kept per row.
//!
//! Why not rust_xlsxwriter, which writes every other workbook of pfc: in
//! its constant-memory mode each row still becomes a map of cells with a
//! shared string per text and a `write!` per cell, numbers go through
//! `f64`, and the sheet is written to a temporary file and deflated at the
//! end. A batch of 2,000 projects (`-j 1`) took 488 M instructions with it
//! and 421 M with this writer (callgrind), which costs about 33 M, 20 M of
//! them deflating. This sheet has nine fixed kinds of column and four
//! styles, so the XML is a few fixed pieces around escaped text.
//!
//! What is written:
//! - strings as inline strings (`t="inlineStr"`), escaped as Excel does
//!   (`&`, `<`, `>` as entities; characters XML 1.0 cannot hold as
//!   `_xHHHH_`, and a literal `_xHHHH_` with its `_` escaped);
//! - numbers as their exact decimal text, never through `f64`: scores as
//!   the summary prints them, the execution rate as the fraction the
//!   summary shows (`66.10%` is `0.661`, the exact rate rounded to two
//!   decimals of a percent) under a `0.00%` format, warning counts as
//!   integers;
//! - a bold header row with a frozen pane below it, and each number
//!   column's format on its cells and on the column;
//! - a next sheet (`汇总2`, …) after [`SHEET_ROWS`] rows.
//!
//! The sheets come first in the zip and the parts that list them
//! (`workbook.xml`, its relationships, `app.xml`, `[Content_Types].xml`)
//! last, when their number is known; a package's parts may be in any
//! order. The sheet has no `<dimension>` (it is optional, and its size is
//! not known until the end); Excel, LibreOffice and calamine do without.
//! The bytes depend on the rows only: fixed zip timestamps and a fixed
//! creation date.

use super::{SHEET_ROWS, any_byte, temp_in};
use crate::batch::columns::column_letter;
use crate::catalogue::Lang;
use crate::catalogue::batch::Batch;
use crate::exact::{Exact, RoundMode};
use crate::ooxml::{self, XML_HEAD};
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tempfile::NamedTempFile;
use zip::ZipWriter;
use zip::write::{SimpleFileOptions, StreamWriter};

/// Indices into `cellXfs` of the style sheet ([`styles`]).
const BOLD: u8 = 1;
const SCORE: u8 = 2;
const PERCENT: u8 = 3;

/// How much XML is gathered before it goes to the deflater.
const CHUNK: usize = 64 * 1024;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What a column of the summary holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    /// The total or a part's score: a number when the project was scored.
    Score,
    /// The execution rate, `98.73%`: written as the fraction.
    Rate,
    /// The number of warnings.
    Count,
}

impl Kind {
    fn style(self) -> u8 {
        match self {
            Kind::Score => SCORE,
            Kind::Rate => PERCENT,
            Kind::Text | Kind::Count => 0,
        }
    }
}

/// The summary workbook being written.
pub(super) struct Sheet {
    /// Declared before `zip`, so dropped first: an unsaved sheet's zip
    /// writer then finishes its archive into nothing.
    _sink_on_drop: SinkOnDrop,
    zip: ZipWriter<StreamWriter<Out>>,
    options: SimpleFileOptions,
    /// XML not yet given to the deflater.
    xml: Vec<u8>,
    /// The number of the next row in the current sheet (1 is the header).
    row: u32,
    /// Rows a sheet holds, header included ([`SHEET_ROWS`]; fewer in tests).
    rows_per_sheet: u32,
    /// Sheets started.
    sheets: usize,
    /// Each column's kind and cell pieces, and its header.
    columns: Vec<Column>,
    header: Vec<String>,
    /// The first sheet's name.
    name: String,
}

impl Sheet {
    /// Start `summary.xlsx` as a temporary file in `dir`, with these
    /// columns (the summary's: 6 before the parts, 3 after), scores shown
    /// with `places` decimals.
    pub(super) fn create(
        dir: &Path,
        lang: Lang,
        header: &[String],
        places: u32,
    ) -> io::Result<Sheet> {
        Sheet::with_rows(dir, lang, header, places, SHEET_ROWS)
    }

    fn with_rows(
        dir: &Path,
        lang: Lang,
        header: &[String],
        places: u32,
        rows_per_sheet: u32,
    ) -> io::Result<Sheet> {
        let sink = Arc::new(AtomicBool::new(false));
        let out = Out {
            file: BufWriter::with_capacity(256 * 1024, temp_in(dir)?),
            sink: Arc::clone(&sink),
        };
        // Level 1: deflating the sheet costs more than writing it at the
        // default level 6; level 1 is several times faster for a slightly
        // larger file.
        let options = ooxml::zip_options().compression_level(Some(1));
        let parts = header.len().saturating_sub(9);
        let columns = (0..header.len())
            .map(|c| match c {
                4 => Kind::Score,
                _ if (6..6 + parts).contains(&c) => Kind::Score,
                _ if c == 6 + parts => Kind::Rate,
                _ if c == 7 + parts => Kind::Count,
                _ => Kind::Text,
            })
            .enumerate()
            .map(Column::new)
            .collect();
        let mut sheet = Sheet {
            _sink_on_drop: SinkOnDrop(sink),
            zip: ZipWriter::new_stream(out),
            options,
            xml: Vec::with_capacity(CHUNK + 4096),
            row: 1,
            rows_per_sheet,
            sheets: 0,
            columns,
            header: header.to_vec(),
            name: Batch::SummarySheet.render(lang),
        };
        sheet.part("_rels/.rels", &ooxml::root_rels("xl/workbook.xml"))?;
        sheet.part(
            "docProps/core.xml",
            &core_properties(&Batch::SummaryTitle.render(lang)),
        )?;
        sheet.part("xl/styles.xml", &styles(places))?;
        sheet.new_sheet()?;
        Ok(sheet)
    }

    /// Write a whole part.
    fn part(&mut self, name: &str, text: &str) -> io::Result<()> {
        self.zip.start_file(name, self.options)?;
        self.zip.write_all(text.as_bytes())
    }

    /// Add a row: the summary's record, whose numbers are written as
    /// numbers (scores only when the project was `scored`), and the
    /// project's execution rate as the value of its cell.
    pub(super) fn add(
        &mut self,
        record: &[&str],
        scored: bool,
        rate: Option<&Exact>,
    ) -> io::Result<()> {
        if self.row > self.rows_per_sheet {
            self.new_sheet()?;
        }
        let mut digits = [0; 10];
        let row = decimal(self.row, &mut digits);
        self.row += 1;
        let xml = &mut self.xml;
        xml.extend_from_slice(b"<row r=\"");
        xml.extend_from_slice(row);
        xml.extend_from_slice(b"\">");
        for (text, column) in record.iter().zip(&self.columns) {
            if text.is_empty() {
                continue;
            }
            let number = match column.kind {
                Kind::Score if scored && is_decimal(text) => Some(Number::Text(text)),
                // As the record shows it: two decimals of a percent.
                Kind::Rate => rate.map(|r| Number::Exact(r.round(4, RoundMode::HalfUp))),
                Kind::Count if text.bytes().all(|b| b.is_ascii_digit()) => Some(Number::Text(text)),
                _ => None,
            };
            xml.extend_from_slice(&column.open);
            xml.extend_from_slice(row);
            match number {
                Some(Number::Text(n)) => {
                    xml.extend_from_slice(&column.number);
                    xml.extend_from_slice(n.as_bytes());
                    xml.extend_from_slice(b"</v></c>");
                }
                Some(Number::Exact(d)) => {
                    xml.extend_from_slice(&column.number);
                    xml.extend_from_slice(d.to_string().as_bytes());
                    xml.extend_from_slice(b"</v></c>");
                }
                None => {
                    xml.extend_from_slice(&column.string);
                    string_value(xml, text);
                }
            }
        }
        xml.extend_from_slice(b"</row>");
        if self.xml.len() >= CHUNK {
            self.deflate()?;
        }
        Ok(())
    }

    /// Give the gathered XML to the deflater.
    fn deflate(&mut self) -> io::Result<()> {
        self.zip.write_all(&self.xml)?;
        self.xml.clear();
        Ok(())
    }

    /// End the current sheet, if any, and start the next with its header.
    fn new_sheet(&mut self) -> io::Result<()> {
        if self.sheets > 0 {
            self.end_sheet()?;
        }
        self.sheets += 1;
        self.zip.start_file(
            format!("xl/worksheets/sheet{}.xml", self.sheets),
            self.options,
        )?;
        let xml = &mut self.xml;
        xml.extend_from_slice(XML_HEAD.as_bytes());
        write!(
            xml,
            r#"<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheetViews><sheetView{} workbookViewId="0">"#,
            if self.sheets == 1 {
                r#" tabSelected="1""#
            } else {
                ""
            }
        )?;
        xml.extend_from_slice(
            concat!(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#,
                r#"<selection pane="bottomLeft"/></sheetView></sheetViews>"#,
                r#"<sheetFormatPr defaultRowHeight="15"/><cols>"#
            )
            .as_bytes(),
        );
        // Each number column's format on the column too, for cells typed
        // in later; runs of columns with the same format are one `<col>`.
        let mut c = 0;
        while let Some(kind) = self.columns.get(c).map(|col| col.kind) {
            let run = self.columns[c..]
                .iter()
                .take_while(|col| col.kind.style() == kind.style())
                .count();
            if kind.style() != 0 {
                write!(
                    xml,
                    r#"<col min="{}" max="{}" width="9.140625" style="{}"/>"#,
                    c + 1,
                    c + run,
                    kind.style()
                )?;
            }
            c += run;
        }
        xml.extend_from_slice(b"</cols><sheetData><row r=\"1\">");
        let bold = cell_tail(BOLD, true);
        for (h, column) in self.header.iter().zip(&self.columns) {
            xml.extend_from_slice(&column.open);
            xml.push(b'1');
            xml.extend_from_slice(&bold);
            string_value(xml, h);
        }
        xml.extend_from_slice(b"</row>");
        self.row = 2;
        Ok(())
    }

    fn end_sheet(&mut self) -> io::Result<()> {
        self.xml.extend_from_slice(
            concat!(
                "</sheetData>",
                r#"<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>"#,
                "</worksheet>\n"
            )
            .as_bytes(),
        );
        self.deflate()
    }

    /// Finish the workbook, write it to disk and rename it to `path`.
    pub(super) fn save(mut self, path: &Path) -> io::Result<()> {
        self.end_sheet()?;
        let names: Vec<String> = (1..=self.sheets)
            .map(|n| match n {
                1 => self.name.clone(),
                _ => format!("{}{n}", self.name),
            })
            .collect();
        self.part("xl/workbook.xml", &workbook(&names))?;
        self.part("xl/_rels/workbook.xml.rels", &workbook_rels(names.len()))?;
        self.part("docProps/app.xml", &app_properties(&names))?;
        self.part("[Content_Types].xml", &content_types(names.len()))?;
        let Sheet {
            _sink_on_drop, zip, ..
        } = self;
        let out = zip.finish()?.into_inner();
        if out.sink.load(Ordering::Relaxed) {
            return Err(io::Error::other("an earlier write failed"));
        }
        let tmp = out.file.into_inner().map_err(|e| e.into_error())?;
        tmp.as_file().sync_all()?;
        tmp.persist(path).map_err(|e| e.error)?;
        Ok(())
    }
}

/// A number cell's text: as given, or an exact decimal to print.
enum Number<'a> {
    Text(&'a str),
    Exact(Exact),
}

/// Whether `text` is a decimal number as a score prints it (`-12.50`),
/// so that it can be a cell's value as it is.
fn is_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text).as_bytes();
    // Split at a byte: a `char` pattern would search for a `char`.
    let mut parts = digits.splitn(2, |&b| b == b'.');
    let whole = parts.next().unwrap_or_default();
    let all_digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    !whole.is_empty()
        && all_digits(whole)
        && parts.next().is_none_or(|f| !f.is_empty() && all_digits(f))
}

/// A column of the sheet: what it holds, and the bytes around its cells'
/// row numbers, `<c r="B` before and `" s="2"><v>` after, made once rather
/// than piece by piece in every cell.
struct Column {
    kind: Kind,
    /// `<c r="B`.
    open: Box<[u8]>,
    /// What follows the row number in a number cell, up to its value.
    number: Box<[u8]>,
    /// What follows the row number in a string cell, up to [`string_value`].
    string: Box<[u8]>,
}

impl Column {
    fn new((col, kind): (usize, Kind)) -> Column {
        let mut open = b"<c r=\"".to_vec();
        open.extend_from_slice(&column_letters(col));
        Column {
            kind,
            open: open.into_boxed_slice(),
            number: cell_tail(kind.style(), false),
            string: cell_tail(kind.style(), true),
        }
    }
}

/// What follows a cell's row number: the end of its reference, its style
/// (`" s="2"`) and the start of its value, `><v>` or (a string) an inline
/// string up to `<t`.
fn cell_tail(style: u8, string: bool) -> Box<[u8]> {
    let mut tail = b"\"".to_vec();
    if style != 0 {
        tail.extend_from_slice(b" s=\"");
        tail.push(b'0' + style);
        tail.push(b'"');
    }
    tail.extend_from_slice(if string {
        br#" t="inlineStr"><is><t"#
    } else {
        b"><v>"
    });
    tail.into_boxed_slice()
}

/// The rest of a string cell after its [`cell_tail`].
fn string_value(xml: &mut Vec<u8>, text: &str) {
    // An XML reader keeps this whitespace only if told to.
    let edge = |c: Option<char>| matches!(c, Some(' ' | '\t' | '\n'));
    if edge(text.chars().next()) || edge(text.chars().next_back()) {
        xml.extend_from_slice(br#" xml:space="preserve">"#);
    } else {
        xml.push(b'>');
    }
    escape(xml, text);
    xml.extend_from_slice(b"</t></is></c>");
}

/// Append `text` as XML character data, as Excel writes it: `&`, `<` and
/// `>` as entities; the control characters XML 1.0 cannot hold (all below
/// U+0020 but tab and line feed; carriage return too, which a reader would
/// turn into a line feed) and U+FFFE, U+FFFF as `_xHHHH_`; and the `_` of
/// a literal `_xHHHH_` as `_x005F_`, so that it is not read as an escape.
fn escape(xml: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Most text has nothing to escape; a byte at a time through the table
    // costs several instructions a byte, and the table cannot be vectorised.
    if any_byte(bytes, maybe_special) {
        escape_each(xml, bytes);
    } else {
        xml.extend_from_slice(bytes);
    }
}

/// [`escape`], a byte at a time.
fn escape_each(xml: &mut Vec<u8>, bytes: &[u8]) {
    let mut done = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !SPECIAL[usize::from(b)] {
            continue;
        }
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'\t' | b'\n' => continue,
            0..0x20 => {
                xml.extend_from_slice(&bytes[done..i]);
                done = i + 1;
                xml.extend_from_slice(b"_x00");
                xml.push(HEX[usize::from(b >> 4)]);
                xml.push(HEX[usize::from(b & 0xF)]);
                xml.push(b'_');
                continue;
            }
            b'_' if is_excel_escape(&bytes[i..]) => b"_x005F_",
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
            0xEF => match bytes.get(i + 1..i + 3) {
                Some([0xBF, 0xBE]) => b"_xFFFE_",
                Some([0xBF, 0xBF]) => b"_xFFFF_",
                _ => continue,
            },
            _ => continue,
        };
        xml.extend_from_slice(&bytes[done..i]);
        xml.extend_from_slice(entity);
        done = i + 1;
        if b == 0xEF {
            done += 2;
        }
    }
    xml.extend_from_slice(&bytes[done..]);
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// The bytes that may need escaping, which [`escape`] looks at more
/// closely: `&`, `<`, `>`, `_`, control characters but tab and line feed,
/// and EF, the first byte of U+FFFE and U+FFFF (and of other characters).
const SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = maybe_special(b as u8) && b != b'\t' as usize && b != b'\n' as usize;
        b += 1;
    }
    table
};

/// Whether `b` is [`SPECIAL`], or a tab or line feed: a test of a few
/// comparisons, no branch, for [`escape`]'s look at a whole text.
const fn maybe_special(b: u8) -> bool {
    (b < 0x20) | (b == b'&') | (b == b'<') | (b == b'>') | (b == b'_') | (b == 0xEF)
}

/// Whether `bytes` starts with `_xHHHH_`.
fn is_excel_escape(bytes: &[u8]) -> bool {
    matches!(bytes, [b'_', b'x', a, b, c, d, b'_', ..]
        if [a, b, c, d].iter().all(|h| h.is_ascii_hexdigit()))
}

/// `n` in decimal digits, in `buf`.
fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

/// A column's letters: `A` for 0, `Z`, `AA`, ….
fn column_letters(col: usize) -> Box<[u8]> {
    column_letter(col).into_bytes().into_boxed_slice()
}

/// The temporary file under the zip writer. Once `sink` is set (a write
/// failed, or the sheet was dropped unsaved) writes go nowhere: the zip
/// writer finishes its archive when it is dropped, and that should neither
/// go into a file about to be deleted nor report a failure on standard
/// error.
struct Out {
    file: BufWriter<NamedTempFile>,
    sink: Arc<AtomicBool>,
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.sink.load(Ordering::Relaxed) {
            return Ok(buf.len());
        }
        self.file
            .write(buf)
            .inspect_err(|_| self.sink.store(true, Ordering::Relaxed))
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.sink.load(Ordering::Relaxed) {
            return Ok(());
        }
        self.file
            .flush()
            .inspect_err(|_| self.sink.store(true, Ordering::Relaxed))
    }
}

/// Sets the sink flag of [`Out`] when dropped.
struct SinkOnDrop(Arc<AtomicBool>);

impl Drop for SinkOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Title, author and a fixed date (the same input gives the same bytes).
fn core_properties(title: &str) -> String {
    format!(
        concat!(
            "{head}",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:creator>pfc</dc:creator><cp:lastModifiedBy>pfc</cp:lastModifiedBy>",
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>"#,
            "</cp:coreProperties>\n"
        ),
        head = XML_HEAD,
        title = escaped(title),
    )
}

/// The sheet names, as Excel lists them.
fn app_properties(names: &[String]) -> String {
    let mut list = String::new();
    for name in names {
        list.push_str("<vt:lpstr>");
        list.push_str(&attribute(name));
        list.push_str("</vt:lpstr>");
    }
    format!(
        concat!(
            "{head}",
            r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" "#,
            r#"xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#,
            "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>",
            r#"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"#,
            "<vt:variant><vt:i4>{n}</vt:i4></vt:variant></vt:vector></HeadingPairs>",
            r#"<TitlesOfParts><vt:vector size="{n}" baseType="lpstr">{list}</vt:vector></TitlesOfParts>"#,
            "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>",
            "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>\n"
        ),
        head = XML_HEAD,
        n = names.len(),
        list = list,
    )
}

/// `text` escaped by [`escape`], for the parts written whole.
fn escaped(text: &str) -> String {
    let mut xml = Vec::with_capacity(text.len());
    escape(&mut xml, text);
    String::from_utf8_lossy(&xml).into_owned()
}

/// A name escaped for an attribute value.
fn attribute(name: &str) -> String {
    escaped(name).replace('"', "&quot;")
}

fn workbook(names: &[String]) -> String {
    let mut sheets = String::new();
    for (i, name) in (1..).zip(names) {
        sheets.push_str(&format!(
            r#"<sheet name="{}" sheetId="{i}" r:id="rId{i}"/>"#,
            attribute(name)
        ));
    }
    format!(
        concat!(
            "{head}",
            r#"<workbook xmlns="{main}" xmlns:r="{rel}">"#,
            r#"<fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/>"#,
            r#"<workbookPr defaultThemeVersion="124226"/><bookViews>"#,
            r#"<workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/>"#,
            r#"</bookViews><sheets>{sheets}</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#,
            "\n"
        ),
        head = XML_HEAD,
        main = MAIN_NS,
        rel = REL_NS,
        sheets = sheets,
    )
}

/// The sheets are `rId1`…`rIdN`, the styles the one after.
fn workbook_rels(sheets: usize) -> String {
    let mut s = format!(
        r#"{XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for i in 1..=sheets {
        s.push_str(&format!(
            r#"<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{i}.xml"/>"#
        ));
    }
    s.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{REL_NS}/styles" Target="styles.xml"/></Relationships>"#,
        sheets + 1
    ));
    s.push('\n');
    s
}

fn content_types(sheets: usize) -> String {
    let mut s = format!(
        concat!(
            "{head}",
            r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
            r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
            r#"<Default Extension="xml" ContentType="application/xml"/>"#,
            r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
            r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
            r#"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
            r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
        ),
        head = XML_HEAD
    );
    for i in 1..=sheets {
        s.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
    }
    s.push_str("</Types>\n");
    s
}

/// Fonts: regular and bold. Cell formats ([`BOLD`], [`SCORE`],
/// [`PERCENT`]): none, the bold header, scores with `places` decimals, the
/// rate as a percentage with two.
fn styles(places: u32) -> String {
    let score = match places {
        0 => "0".to_owned(),
        n => format!("0.{}", "0".repeat(n as usize)),
    };
    format!(
        concat!(
            "{head}",
            r#"<styleSheet xmlns="{main}">"#,
            r#"<numFmts count="2"><numFmt numFmtId="164" formatCode="{score}"/><numFmt numFmtId="165" formatCode="0.00%"/></numFmts>"#,
            r#"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#,
            r#"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#,
            r#"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#,
            r#"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#,
            r#"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#,
            r#"<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
            r#"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#,
            r#"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"#,
            r#"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#,
            r#"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#,
            r#"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>"#,
            "</styleSheet>\n"
        ),
        head = XML_HEAD,
        main = MAIN_NS,
        score = score,
    )
}

#[cfg(test)]
mod tests {
    use super::super::header;
    use super::*;
    use calamine::{Data, Reader as _, Xlsx};
    use std::io::Read as _;

    #[test]
    fn odd_strings_are_escaped_as_excel_does() {
        assert_eq!(escaped(r#"<&>"'"#), r#"&lt;&amp;&gt;"'"#);
        assert_eq!(escaped("a\tb\nc"), "a\tb\nc");
        assert_eq!(
            escaped("\u{0}\u{1}\u{8}\u{b}\u{c}\r\u{1f}"),
            "_x0000__x0001__x0008__x000B__x000C__x000D__x001F_"
        );
        assert_eq!(escaped("a\u{FFFE}b\u{FFFF}"), "a_xFFFE_b_xFFFF_");
        // A literal escape keeps its meaning; a near miss is left alone.
        assert_eq!(escaped("_x0041_ _xBeeF_"), "_x005F_x0041_ _x005F_xBeeF_");
        assert_eq!(escaped("_x004_ _x00G1_ _x0041"), "_x004_ _x00G1_ _x0041");
        // Other characters whose UTF-8 starts with EF stay as they are.
        assert_eq!(
            escaped("（共 2 个错误）\u{FFFD}"),
            "（共 2 个错误）\u{FFFD}"
        );
        assert_eq!(escaped(""), "");
    }

    #[test]
    fn text_with_nothing_to_escape_is_copied_as_escaping_each_byte_would() {
        let mut texts: Vec<String> = [
            "",
            "a",
            "P0000001",
            "东西湖区质量技术监督专项经费项目",
            "a.csv: rows 2–9",
            "（共 2 个错误）",
            "tab\tin",
            "line\nbreak",
            "under_score",
            "a&b",
            "\u{1}",
            "\u{FFFE}",
            "_x0041_",
            "<",
            ">",
        ]
        .map(str::to_owned)
        .to_vec();
        // Each byte that may need escaping at each place of texts of every
        // length up to 40, ASCII and not.
        for len in 0..40 {
            for at in 0..len {
                for odd in [
                    "&", "<", ">", "_", "\u{0}", "\r", "\t", "\n", "\u{FFFF}", "丁",
                ] {
                    let plain = "x".repeat(at) + odd + &"x".repeat(len - at - 1);
                    texts.push(plain);
                    texts.push("项".repeat(at / 3) + odd + &"y".repeat(len - at));
                }
            }
        }
        for text in texts {
            let mut each = Vec::new();
            escape_each(&mut each, text.as_bytes());
            assert_eq!(escaped(&text).as_bytes(), each, "{text:?}");
        }
    }

    #[test]
    fn edge_whitespace_is_preserved() {
        for (text, preserve) in [("a b", false), (" a", true), ("a\n", true), ("\ta", true)] {
            let mut xml = Vec::new();
            string_value(&mut xml, text);
            let xml = String::from_utf8(xml).expect("UTF-8");
            assert_eq!(xml.contains("xml:space=\"preserve\""), preserve, "{xml}");
        }
    }

    #[test]
    fn numbers_are_exact_text() {
        for (text, ok) in [
            ("12", true),
            ("-12.50", true),
            ("0.00", true),
            ("", false),
            ("-", false),
            ("1.", false),
            (".5", false),
            ("1e5", false),
            ("1.2.3", false),
            ("NaN", false),
        ] {
            assert_eq!(is_decimal(text), ok, "{text}");
        }
    }

    #[test]
    fn columns_and_rows_are_named_as_excel_does() {
        let names: Vec<Box<[u8]>> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letters)
            .collect();
        let names: Vec<&str> = names
            .iter()
            .map(|n| std::str::from_utf8(n).expect("ASCII"))
            .collect();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
        let mut buf = [0; 10];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(1_048_576, &mut buf), b"1048576");
        assert_eq!(decimal(u32::MAX, &mut buf), b"4294967295");
    }

    /// A summary record from its cells separated by `|`.
    fn record(cells: &str) -> Vec<String> {
        cells.split('|').map(str::to_owned).collect()
    }

    const ODD: &str = "<&>\"' \u{1}\r\n_x0041_ 混合";

    /// Projects of a framework with two parts: two scored, one failed, one
    /// with a rate cell that holds no rate; and each one's exact rate.
    fn rows() -> Vec<(Vec<String>, bool, Option<Exact>)> {
        let rate = |n, d| Exact::ratio(n, d);
        vec![
            (
                record("P1|甲|单位|a.csv: rows 2–9|93.99|优|48.20|45.79|66.10%|1|"),
                true,
                rate(661_012, 1_000_000),
            ),
            (
                record(&format!("P2|{ODD}| 前后空格 |a.csv|80|良|40|40|100%|0|")),
                true,
                rate(1, 1),
            ),
            (
                record("P3|乙||a.csv|||||||错误（共 2 个错误）"),
                false,
                None,
            ),
            (record("P4|丙||a.csv|0.00||0.00|0.00|n/a|12|"), true, None),
        ]
    }

    /// The workbook of [`rows`], three rows a sheet (the header and two
    /// projects).
    fn workbook_of(dir: &Path, lang: Lang, places: u32) -> std::path::PathBuf {
        let parts = ["产出".to_owned(), "效益".to_owned()];
        let path = dir.join("summary.xlsx");
        let mut sheet =
            Sheet::with_rows(dir, lang, &header(lang, &parts), places, 3).expect("create");
        for (row, scored, rate) in rows() {
            let row: Vec<&str> = row.iter().map(String::as_str).collect();
            sheet.add(&row, scored, rate.as_ref()).expect("add");
        }
        sheet.save(&path).expect("save");
        path
    }

    /// A row as read back, each cell as `text`, `#number` or nothing.
    fn cells(range: &calamine::Range<Data>, row: usize) -> String {
        let cell = |c| match range.get((row, c)) {
            Some(Data::String(s)) => s.clone(),
            Some(Data::Float(f)) => format!("#{f}"),
            Some(Data::Empty) | None => String::new(),
            Some(other) => format!("{other:?}"),
        };
        (0..11).map(cell).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn a_long_summary_continues_on_numbered_sheets() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = workbook_of(dir.path(), Lang::Zh, 2);
        let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("open");
        assert_eq!(book.sheet_names(), ["汇总", "汇总2"]);
        let first = book.worksheet_range("汇总").expect("sheet");
        let second = book.worksheet_range("汇总2").expect("sheet");
        assert_eq!((first.height(), second.height()), (3, 3));
        let header = "项目编号|项目名称|实施单位|来源|总分|等级|产出|效益|执行率|警告数|错误";
        assert_eq!(cells(&first, 0), header);
        assert_eq!(cells(&second, 0), header);
        assert_eq!(
            cells(&first, 1),
            "P1|甲|单位|a.csv: rows 2–9|#93.99|优|#48.2|#45.79|#0.661|#1|"
        );
        assert_eq!(
            cells(&first, 2),
            format!("P2|{ODD}| 前后空格 |a.csv|#80|良|#40|#40|#1|#0|")
        );
        assert_eq!(cells(&second, 1), "P3|乙||a.csv|||||||错误（共 2 个错误）");
        assert_eq!(cells(&second, 2), "P4|丙||a.csv|#0||#0|#0|n/a|#12|");
    }

    #[test]
    fn header_is_bold_and_numbers_have_their_column_format() {
        for (lang, places, score) in [
            (Lang::Zh, 2, "0.00"),
            (Lang::En, 0, "0"),
            (Lang::En, 3, "0.000"),
        ] {
            let dir = tempfile::tempdir().expect("temp dir");
            let path = workbook_of(dir.path(), lang, places);
            let mut book: Xlsx<_> = calamine::open_workbook(&path).expect("open");
            let sheet = lang.pick("汇总", "Summary");
            assert_eq!(book.sheet_names()[0], sheet);
            let styles = book.worksheet_style(sheet).expect("styles");
            let format = |r: u32, c: u32| {
                let style = styles.get((r, c)).expect("style");
                let code = style.number_format.as_ref().map(|f| f.format_code.clone());
                let bold = style.font.as_ref().is_some_and(|f| f.is_bold());
                (code.unwrap_or_default(), bold)
            };
            let general = ("General".to_owned(), false);
            for c in 0..11 {
                assert_eq!(format(0, c), ("General".to_owned(), true), "header {c}");
            }
            for c in [4, 6, 7] {
                assert_eq!(format(1, c), (score.to_owned(), false), "score {c}");
            }
            assert_eq!(format(1, 8), ("0.00%".to_owned(), false), "rate");
            for c in [0, 1, 5, 9] {
                assert_eq!(format(1, c), general, "text or count {c}");
            }
        }
    }

    #[test]
    fn parts_are_well_formed_and_the_bytes_depend_on_the_rows_only() {
        let one = tempfile::tempdir().expect("temp dir");
        let two = tempfile::tempdir().expect("temp dir");
        let bytes = std::fs::read(workbook_of(one.path(), Lang::Zh, 2)).expect("read");
        assert_eq!(
            bytes,
            std::fs::read(workbook_of(two.path(), Lang::Zh, 2)).expect("read")
        );
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut names = Vec::new();
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).expect("part");
            let name = part.name().expect("name").to_string();
            let mut xml = String::new();
            part.read_to_string(&mut xml).expect("UTF-8");
            roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
            names.push(name);
        }
        assert_eq!(
            names,
            [
                "_rels/.rels",
                "docProps/core.xml",
                "xl/styles.xml",
                "xl/worksheets/sheet1.xml",
                "xl/worksheets/sheet2.xml",
                "xl/workbook.xml",
                "xl/_rels/workbook.xml.rels",
                "docProps/app.xml",
                "[Content_Types].xml",
            ]
        );
    }

    #[test]
    fn a_sheet_dropped_unsaved_leaves_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let header = header(Lang::Zh, &[]);
        let mut sheet = Sheet::create(dir.path(), Lang::Zh, &header, 2).expect("create");
        let row: Vec<&str> = "P1|甲|||1||||".split('|').collect();
        sheet.add(&row, true, None).expect("add");
        drop(sheet);
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }
}
