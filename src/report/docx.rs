//! The Word report: Markdown text from a Tera template, converted to
//! WordprocessingML and zipped with fixed parts.
//!
//! Why Markdown in between: the framework's own `report.md.tera` (or a
//! `report.docx.tera`) stays in control of every word of the report, and
//! template authors never write XML. pfc owns the Word side: headings become
//! Word's built-in heading styles (so they appear in the navigation pane and
//! a table of contents), pipe tables become real Word tables with a repeated
//! header row and rows that do not split across pages, lists become Word
//! numbering. The styles (`templates/docx/styles.xml`) declare the Chinese
//! fonts through `w:eastAsia` and the page is A4.
//!
//! Markdown understood: ATX/setext headings, paragraphs, `**bold**`,
//! `*italic*`, `~~strike~~`, `` `code` ``, bullet and numbered lists (nested),
//! block quotes, code blocks, pipe tables, hard breaks, and `---`, which
//! starts a new page. HTML is shown as text; images show their alt text.
//!
//! The 自评表 is not Markdown: a template places it with
//! `{{ self_eval_table() }}`, which leaves [`TABLE_MARKER`] in the text, and
//! here it becomes the layout of `table.rs` as one Word table — 一级 and 二级
//! merged down (`vMerge`), blocks merged across (`gridSpan`), column widths
//! that keep every figure on one line — on a landscape page of its own (a
//! section of its own; the page before it and after it stay portrait).
//!
//! Output is byte-for-byte deterministic: fixed zip timestamps, parts in a
//! fixed order, no dates in the document properties.

use super::context::Context;
use super::table::{self, Layout, Style};
use crate::catalogue::Lang;
use crate::catalogue::report::Report;
use crate::diagnostic::{Code, Diagnostic};
use crate::ooxml::escape as esc;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::fmt::Write as _;
use std::io::Write as _;

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A4 in twentieths of a point, with GB/T 9704 margins (37/35/28/26 mm).
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN_TOP: u32 = 2098;
const MARGIN_BOTTOM: u32 = 1984;
const MARGIN_LEFT: u32 = 1588;
const MARGIN_RIGHT: u32 = 1474;
const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The 自评表's landscape page: the same sides, 20 mm above and below.
const LANDSCAPE_MARGIN: u32 = 1134;
const LANDSCAPE_TEXT_WIDTH: u32 = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT;

/// What `self_eval_table()` leaves in the Markdown of the Word report: an
/// HTML comment, which Markdown passes through as a block of its own, and
/// which no value can produce (values are escaped for Markdown).
pub(crate) const TABLE_MARKER: &str = "<!-- pfc:self-eval-table -->";

const STYLES: &str = include_str!("templates/docx/styles.xml");

/// Build the `.docx` file from the report's Markdown text.
pub(crate) fn render(ctx: &Context, markdown: &str) -> Result<Vec<u8>, Diagnostic> {
    let layout = markdown.contains(TABLE_MARKER).then(|| table::layout(ctx));
    let (body, ordered_starts) = convert(markdown, layout.as_ref());
    let title = &ctx.report_title;
    let parts: Vec<(&str, String)> = vec![
        ("[Content_Types].xml", CONTENT_TYPES.to_owned()),
        ("_rels/.rels", crate::ooxml::root_rels("word/document.xml")),
        (
            "docProps/core.xml",
            core_properties(title, ctx.framework.language),
        ),
        ("docProps/app.xml", APP_PROPERTIES.to_owned()),
        ("word/document.xml", document(&body)),
        ("word/styles.xml", STYLES.to_owned()),
        ("word/numbering.xml", numbering(&ordered_starts)),
        ("word/settings.xml", SETTINGS.to_owned()),
        ("word/footer1.xml", FOOTER.to_owned()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.to_owned()),
    ];
    zip_parts(&parts).map_err(|e| {
        Diagnostic::error(
            Code::OutputWrite,
            Report::CannotBuildWord {
                why: e.to_string().into(),
            },
        )
    })
}

fn zip_parts(parts: &[(&str, String)]) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = crate::ooxml::zip_options();
    for (name, text) in parts {
        zip.start_file(*name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

fn document(body: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<w:document xmlns:w="{w}" xmlns:r="{r}"><w:body>"#,
            "\n{body}",
            "</w:body></w:document>\n"
        ),
        w = W_NS,
        r = R_NS,
        body = body,
    )
}

/// Which way a section's pages stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Orientation {
    Portrait,
    Landscape,
}

/// A section's properties: its page, margins and footer. The first
/// section starts the page numbers at 1; the others go on counting.
fn sect_pr(orientation: Orientation, first: bool) -> String {
    let (w, h, top, bottom, orient) = match orientation {
        Orientation::Portrait => (PAGE_WIDTH, PAGE_HEIGHT, MARGIN_TOP, MARGIN_BOTTOM, ""),
        Orientation::Landscape => (
            PAGE_HEIGHT,
            PAGE_WIDTH,
            LANDSCAPE_MARGIN,
            LANDSCAPE_MARGIN,
            r#" w:orient="landscape""#,
        ),
    };
    let start = if first {
        r#"<w:pgNumType w:start="1"/>"#
    } else {
        ""
    };
    format!(
        concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rId4"/>"#,
            r#"<w:pgSz w:w="{w}" w:h="{h}"{orient}/>"#,
            r#"<w:pgMar w:top="{top}" w:right="{mr}" w:bottom="{bottom}" w:left="{ml}" w:header="851" w:footer="992" w:gutter="0"/>"#,
            "{start}</w:sectPr>"
        ),
        w = w,
        h = h,
        orient = orient,
        top = top,
        bottom = bottom,
        mr = MARGIN_RIGHT,
        ml = MARGIN_LEFT,
        start = start,
    )
}

/// Numbering: `numId` 1 is the bullet list; every numbered list gets its
/// own `numId` (from 2) so that each starts again at its first number.
fn numbering(ordered_starts: &[u64]) -> String {
    let mut s = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{}<w:numbering xmlns:w="{W_NS}">"#,
        "\n"
    );
    for (id, fmt) in [(0, "bullet"), (1, "decimal")] {
        let _ = write!(
            s,
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>"#
        );
        for lvl in 0..9u32 {
            let text = if fmt == "bullet" {
                ["•", "◦", "▪"][(lvl % 3) as usize].to_owned()
            } else {
                format!("%{}.", lvl + 1)
            };
            let left = 640 + lvl * 420;
            let _ = write!(
                s,
                concat!(
                    r#"<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>"#,
                    r#"<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>"#,
                    r#"<w:pPr><w:ind w:left="{left}" w:hanging="320"/></w:pPr></w:lvl>"#
                ),
                lvl = lvl,
                fmt = fmt,
                text = text,
                left = left
            );
        }
        s.push_str("</w:abstractNum>");
    }
    s.push_str(r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#);
    for (i, start) in ordered_starts.iter().enumerate() {
        let _ = write!(
            s,
            r#"<w:num w:numId="{}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>"#,
            i + 2
        );
    }
    s.push_str("</w:numbering>\n");
    s
}

/// The document's title and language (Word picks its proofing language
/// from it).
fn core_properties(title: &str, lang: Lang) -> String {
    let language = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en-US",
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{}</dc:title><dc:creator>pfc</dc:creator><dc:language>{}</dc:language>",
            "</cp:coreProperties>\n"
        ),
        esc(title),
        language
    )
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    "</Types>\n"
);

const DOCUMENT_RELS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    r#"<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    "</Relationships>\n"
);

const APP_PROPERTIES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    "<Application>pfc</Application></Properties>\n"
);

const SETTINGS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>"#,
    r#"<w:characterSpacingControl w:val="compressPunctuation"/>"#,
    r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
    "</w:settings>\n"
);

/// A centred page number: `— 1 —`.
const FOOTER: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>"#,
    r#"<w:r><w:t xml:space="preserve">— </w:t></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
    r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
    r#"<w:r><w:t>1</w:t></w:r>"#,
    r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
    r#"<w:r><w:t xml:space="preserve"> —</w:t></w:r>"#,
    "</w:p></w:ftr>\n"
);

/// A paragraph being built. Text waits in `pending` while its formatting
/// stays the same, so that `99\.87` (which the parser hands over in pieces)
/// becomes one run, as Word would write it.
struct Para {
    style: &'static str,
    num: Option<(usize, usize)>,
    align: Option<&'static str>,
    runs: String,
    pending: String,
    pending_props: String,
}

impl Para {
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        self.runs.push_str("<w:r>");
        if !self.pending_props.is_empty() {
            let _ = write!(self.runs, "<w:rPr>{}</w:rPr>", self.pending_props);
        }
        for (i, piece) in self.pending.split('\t').enumerate() {
            if i > 0 {
                self.runs.push_str("<w:tab/>");
            }
            if !piece.is_empty() {
                let _ = write!(
                    self.runs,
                    r#"<w:t xml:space="preserve">{}</w:t>"#,
                    esc(piece)
                );
            }
        }
        self.runs.push_str("</w:r>");
        self.pending.clear();
    }
}

/// A table being built: rows of cells, each cell's paragraphs as XML.
struct TableBuf {
    aligns: Vec<Alignment>,
    rows: Vec<(bool, Vec<(String, usize)>)>,
    in_head: bool,
    cell_col: usize,
}

struct ListState {
    num_id: usize,
    /// Whether the current item's first paragraph has been opened.
    item_started: bool,
}

#[derive(Default)]
struct Converter<'l> {
    /// The 自评表, when the text places it.
    layout: Option<&'l Layout>,
    /// The sections before the current one.
    sections: Vec<Section>,
    /// Which way the current section's pages stand.
    orientation: Option<Orientation>,
    /// The current section's body.
    out: String,
    para: Option<Para>,
    bold: usize,
    italic: usize,
    strike: usize,
    lists: Vec<ListState>,
    ordered_starts: Vec<u64>,
    table: Option<TableBuf>,
    quote: usize,
    code_block: Option<String>,
    last_char: Option<char>,
    soft_break: bool,
    last_was_table: bool,
}

/// Convert Markdown to the body of `document.xml`; also returns the start
/// number of every numbered list, in order.
fn convert(markdown: &str, layout: Option<&Layout>) -> (String, Vec<u64>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut c = Converter {
        layout,
        ..Converter::default()
    };
    for event in Parser::new_ext(markdown, options) {
        c.event(event);
    }
    c.close_para();
    c.end_section(Orientation::Portrait);
    let sections: Vec<Section> = c
        .sections
        .into_iter()
        .filter(|s| !s.body.is_empty())
        .collect();
    let mut out = String::new();
    if sections.is_empty() {
        out.push_str("<w:p/>\n");
        out.push_str(&sect_pr(Orientation::Portrait, true));
    }
    for (i, section) in sections.iter().enumerate() {
        out.push_str(&section.body);
        let props = sect_pr(section.orientation, i == 0);
        // After a table, Word needs a paragraph: one a point high with its
        // mark hidden, so that a table that fills its page does not push
        // it onto an empty page of its own.
        let end = if section.ends_with_table {
            r#"<w:pStyle w:val="SectionEnd"/><w:rPr><w:vanish/></w:rPr>"#
        } else {
            r#"<w:pStyle w:val="TableGap"/>"#
        };
        if i + 1 < sections.len() {
            // A section ends with the paragraph that holds its properties.
            let _ = writeln!(out, "<w:p><w:pPr>{end}{props}</w:pPr></w:p>");
        } else {
            if section.ends_with_table {
                let _ = writeln!(out, "<w:p><w:pPr>{end}</w:pPr></w:p>");
            }
            out.push_str(&props);
        }
    }
    (out, c.ordered_starts)
}

/// A page break, as `---` gives it.
const PAGE_BREAK: &str = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n";
/// A paragraph a few points high, between tables.
const GAP: &str = "<w:p><w:pPr><w:pStyle w:val=\"TableGap\"/></w:pPr></w:p>\n";

/// A finished section of the body.
struct Section {
    orientation: Orientation,
    body: String,
    ends_with_table: bool,
}

impl Converter<'_> {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some(code) = &mut self.code_block {
                    code.push_str(&t);
                } else {
                    self.text(&t, None);
                }
            }
            Event::Code(t) => self.text(&t, Some("CodeChar")),
            Event::Html(t) if t.trim() == TABLE_MARKER => self.self_eval_table(),
            Event::Html(t) | Event::InlineHtml(t) => {
                for (i, line) in t.lines().enumerate() {
                    if i > 0 {
                        self.hard_break();
                    }
                    self.text(line, None);
                }
            }
            Event::SoftBreak => self.soft_break = true,
            Event::HardBreak => self.hard_break(),
            Event::Rule => {
                self.close_para();
                self.out.push_str(PAGE_BREAK);
                self.last_was_table = false;
            }
            _ => {}
        }
    }

    /// End the current section here; the next one's pages stand `next`.
    fn end_section(&mut self, next: Orientation) {
        let orientation = self.orientation.replace(next);
        self.sections.push(Section {
            orientation: orientation.unwrap_or(Orientation::Portrait),
            body: std::mem::take(&mut self.out),
            ends_with_table: std::mem::take(&mut self.last_was_table),
        });
    }

    /// The 自评表, on landscape pages of its own.
    fn self_eval_table(&mut self) {
        let Some(layout) = self.layout else {
            return;
        };
        self.close_para();
        // The new section starts a page: a `---` just before it would
        // leave an empty one.
        if self.out.ends_with(PAGE_BREAK) {
            self.out.truncate(self.out.len() - PAGE_BREAK.len());
        }
        self.end_section(Orientation::Landscape);
        layout_xml(&mut self.out, layout);
        self.last_was_table = true;
        self.end_section(Orientation::Portrait);
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                if self.table.is_some() {
                    return;
                }
                self.close_para();
                self.open_block_para();
            }
            Tag::Heading { level, .. } => {
                self.close_para();
                let style = match level {
                    HeadingLevel::H1 => "Heading1",
                    HeadingLevel::H2 => "Heading2",
                    HeadingLevel::H3 => "Heading3",
                    _ => "Heading4",
                };
                self.open(style, None, None);
            }
            Tag::BlockQuote(_) => {
                self.close_para();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_para();
                self.code_block = Some(String::new());
            }
            Tag::List(start) => {
                self.close_para();
                let num_id = match start {
                    Some(n) => {
                        self.ordered_starts.push(n);
                        self.ordered_starts.len() + 1
                    }
                    None => 1,
                };
                self.lists.push(ListState {
                    num_id,
                    item_started: false,
                });
            }
            Tag::Item => {
                self.close_para();
                if let Some(l) = self.lists.last_mut() {
                    l.item_started = false;
                }
            }
            Tag::Table(aligns) => {
                self.close_para();
                self.table = Some(TableBuf {
                    aligns,
                    rows: Vec::new(),
                    in_head: false,
                    cell_col: 0,
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.rows.push((true, Vec::new()));
                    t.cell_col = 0;
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push((false, Vec::new()));
                    t.cell_col = 0;
                }
            }
            Tag::TableCell => {
                let (style, align) = match &self.table {
                    Some(t) => {
                        let align = match t.aligns.get(t.cell_col) {
                            Some(Alignment::Right) => Some("right"),
                            Some(Alignment::Center) => Some("center"),
                            _ => None,
                        };
                        let style = if t.in_head {
                            "TableHeading"
                        } else {
                            "TableText"
                        };
                        (style, align)
                    }
                    None => ("TableText", None),
                };
                self.open(style, None, align);
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            // Inside a table a cell ends the paragraph, not the parser.
            TagEnd::Paragraph if self.table.is_none() => self.close_para(),
            TagEnd::Heading(_) => self.close_para(),
            TagEnd::BlockQuote(_) => {
                self.close_para();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                if let Some(code) = self.code_block.take() {
                    for line in code.trim_end_matches('\n').split('\n') {
                        self.open("Code", None, None);
                        self.text(line, None);
                        self.close_para();
                    }
                }
            }
            TagEnd::List(_) => {
                self.close_para();
                self.lists.pop();
            }
            TagEnd::Item => self.close_para(),
            TagEnd::TableCell => {
                let xml = self.take_para();
                if let Some(t) = &mut self.table {
                    let len = xml.1;
                    if let Some(row) = t.rows.last_mut() {
                        row.1.push((xml.0, len));
                    }
                    t.cell_col += 1;
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    if self.last_was_table {
                        // Word joins tables that touch: keep them apart.
                        self.out.push_str(GAP);
                    }
                    table_xml(&mut self.out, &t);
                    self.last_was_table = true;
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            _ => {}
        }
    }

    /// Open the paragraph for body text here: a list item's (numbered or
    /// continued), a quote's, or a plain body paragraph.
    fn open_block_para(&mut self) {
        let depth = self.lists.len();
        if let Some(list) = self.lists.last_mut() {
            if list.item_started {
                self.open("ListContinue", None, None);
            } else {
                list.item_started = true;
                let num = (list.num_id, depth - 1);
                self.open("ListParagraph", Some(num), None);
            }
        } else if self.quote > 0 {
            self.open("Quote", None, None);
        } else {
            self.open("BodyText", None, None);
        }
    }

    fn open(
        &mut self,
        style: &'static str,
        num: Option<(usize, usize)>,
        align: Option<&'static str>,
    ) {
        self.para = Some(Para {
            style,
            num,
            align,
            runs: String::new(),
            pending: String::new(),
            pending_props: String::new(),
        });
        self.last_char = None;
        self.soft_break = false;
    }

    fn text(&mut self, text: &str, char_style: Option<&str>) {
        if text.is_empty() {
            return;
        }
        if self.para.is_none() {
            // Text of a tight list item, or text outside any paragraph.
            self.open_block_para();
        }
        let mut text = text.to_owned();
        if std::mem::take(&mut self.soft_break) {
            // A line break inside a paragraph: Chinese runs on, Latin words
            // need their space back.
            let joins_latin = self.last_char.is_some_and(|c| c.is_ascii_alphanumeric())
                && text.starts_with(|c: char| c.is_ascii_alphanumeric());
            if joins_latin {
                text.insert(0, ' ');
            }
        }
        self.last_char = text.chars().last();
        let mut props = String::new();
        if let Some(s) = char_style {
            let _ = write!(props, r#"<w:rStyle w:val="{s}"/>"#);
        }
        if self.bold > 0 {
            props.push_str("<w:b/><w:bCs/>");
        }
        if self.italic > 0 {
            props.push_str("<w:i/><w:iCs/>");
        }
        if self.strike > 0 {
            props.push_str("<w:strike/>");
        }
        let Some(p) = &mut self.para else {
            return;
        };
        if p.pending_props != props {
            p.flush();
            p.pending_props = props;
        }
        p.pending.push_str(&text);
    }

    fn hard_break(&mut self) {
        if let Some(p) = &mut self.para {
            p.flush();
            p.runs.push_str("<w:r><w:br/></w:r>");
        }
        self.soft_break = false;
    }

    /// Close the open paragraph into the document (or, in a table, into
    /// the current cell).
    fn close_para(&mut self) {
        if self.table.is_some() {
            return;
        }
        let (xml, _) = self.take_para();
        if !xml.is_empty() {
            self.out.push_str(&xml);
            self.out.push('\n');
            self.last_was_table = false;
        }
    }

    /// The open paragraph as XML, and the length of its text (for column
    /// widths).
    fn take_para(&mut self) -> (String, usize) {
        let Some(mut p) = self.para.take() else {
            return (String::new(), 0);
        };
        p.flush();
        let mut ppr = format!(r#"<w:pStyle w:val="{}"/>"#, p.style);
        if let Some((num, lvl)) = p.num {
            let _ = write!(
                ppr,
                r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{num}"/></w:numPr>"#,
                lvl.min(8)
            );
        }
        if let Some(a) = p.align {
            let _ = write!(ppr, r#"<w:jc w:val="{a}"/>"#);
        }
        let len = text_width(&p.runs);
        (format!("<w:p><w:pPr>{ppr}</w:pPr>{}</w:p>", p.runs), len)
    }
}

/// The width of a paragraph's text in half-ems (a Chinese character is two,
/// a digit or Latin letter one), read back from its runs.
fn text_width(runs: &str) -> usize {
    let mut width = 0;
    let mut rest = runs;
    while let Some(start) = rest.find("<w:t xml:space=\"preserve\">") {
        let body = &rest[start + 26..];
        let end = body.find("</w:t>").unwrap_or(body.len());
        width += body[..end]
            .chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>();
        rest = &body[end..];
    }
    width
}

/// Write a table. Column widths follow the longest text in each column
/// (within limits), scaled to the text width of the page.
fn table_xml(out: &mut String, t: &TableBuf) {
    let cols = t
        .rows
        .iter()
        .map(|r| r.1.len())
        .max()
        .unwrap_or(0)
        .max(t.aligns.len())
        .max(1);
    // Each column's natural width: its longest text (up to 14 Chinese
    // characters), at 5.25 points a half-em, plus the cell's padding.
    let mut natural = vec![5usize; cols];
    for (_, cells) in &t.rows {
        for (i, (_, len)) in cells.iter().enumerate() {
            natural[i] = natural[i].max((*len).min(28));
        }
    }
    let natural: Vec<usize> = natural.iter().map(|w| w * 105 + 200).collect();
    let widths = fit_columns(&natural, TEXT_WIDTH as usize);
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/>"#);
    let _ = write!(
        out,
        r#"<w:tblW w:w="{TEXT_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
    );
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>\n");
    for (header, cells) in &t.rows {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if *header {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        for (i, w) in widths.iter().enumerate() {
            let _ = write!(
                out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>"#
            );
            match cells.get(i) {
                Some((xml, _)) if !xml.is_empty() => out.push_str(xml),
                _ => out.push_str(r#"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>"#),
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>\n");
    }
    out.push_str("</w:tbl>\n");
}

/// The 自评表: its title and year centred above one table on the grid of
/// `table::WIDTHS`, scaled to the landscape page. A cell spanning columns
/// is one `w:tc` with `gridSpan`; one spanning rows starts with
/// `vMerge="restart"` and goes on in an empty `w:tc` with `vMerge` in each
/// row below. Rows never split; the rows that name the project repeat on
/// every page the table runs onto; column headings stay with the row below.
fn layout_xml(out: &mut String, layout: &Layout) {
    let _ = writeln!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="TableTitle"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(&layout.title)
    );
    let _ = writeln!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="TableSubtitle"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(&layout.subtitle)
    );
    let widths = grid_widths(LANDSCAPE_TEXT_WIDTH);
    let total: u32 = widths.iter().sum();
    let _ = write!(
        out,
        concat!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="{total}" w:type="dxa"/>"#,
            r#"<w:jc w:val="center"/><w:tblLayout w:type="fixed"/>"#,
            r#"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>"#,
            "</w:tblPr><w:tblGrid>"
        ),
        total = total
    );
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>\n");
    // Which cell covers each position: (the row it starts in, its index).
    let mut owner = vec![[None::<(usize, usize)>; table::COLUMNS]; layout.rows.len()];
    for (r, row) in layout.rows.iter().enumerate() {
        for (i, cell) in row.cells.iter().enumerate() {
            for covered in owner.iter_mut().skip(r).take(cell.rows) {
                for slot in covered.iter_mut().skip(cell.col).take(cell.cols) {
                    *slot = Some((r, i));
                }
            }
        }
    }
    for (r, row) in layout.rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if r < layout.repeat {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut col = 0;
        while col < table::COLUMNS {
            let Some((start, i)) = owner[r][col] else {
                // Never: the layout covers every position. An empty cell
                // keeps the grid whole all the same.
                let _ = write!(
                    out,
                    r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr><w:p/></w:tc>"#,
                    widths[col]
                );
                col += 1;
                continue;
            };
            let cell = &layout.rows[start].cells[i];
            let span = cell.cols.max(1);
            let width: u32 = widths[col..(col + span).min(table::COLUMNS)].iter().sum();
            let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
            if span > 1 {
                let _ = write!(out, r#"<w:gridSpan w:val="{span}"/>"#);
            }
            if start < r {
                out.push_str(r#"<w:vMerge/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p></w:tc>"#);
                col += span;
                continue;
            }
            if cell.rows > 1 {
                out.push_str(r#"<w:vMerge w:val="restart"/>"#);
            }
            out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
            let (style, align, bold) = match cell.style {
                Style::Label => ("TableHeading", "", false),
                Style::Text => ("TableText", "", false),
                Style::Center => ("TableText", r#"<w:jc w:val="center"/>"#, false),
                Style::Total => ("TableText", r#"<w:jc w:val="center"/>"#, true),
            };
            let keep = if row.heading { "<w:keepNext/>" } else { "" };
            let _ = write!(
                out,
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}{align}</w:pPr>"#
            );
            let text = cell.value.text();
            for (k, line) in text.split('\n').enumerate() {
                out.push_str("<w:r>");
                if bold {
                    out.push_str("<w:rPr><w:b/><w:bCs/></w:rPr>");
                }
                if k > 0 {
                    out.push_str("<w:br/>");
                }
                if !line.is_empty() {
                    let _ = write!(out, r#"<w:t xml:space="preserve">{}</w:t>"#, esc(line));
                }
                out.push_str("</w:r>");
            }
            out.push_str("</w:p></w:tc>");
            col += span;
        }
        out.push_str("</w:tr>\n");
    }
    out.push_str("</w:tbl>\n");
}

/// The columns of `table::WIDTHS` in twentieths of a point, sharing
/// `total` in proportion (the last takes what rounding leaves).
fn grid_widths(total: u32) -> Vec<u32> {
    let sum: f64 = table::WIDTHS.iter().sum();
    let mut widths: Vec<u32> = table::WIDTHS
        .iter()
        .map(|w| (w / sum * f64::from(total)).floor() as u32)
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

/// Share `total` among columns: a column narrower than an equal share of
/// what is left keeps its natural width; the others divide the rest in
/// proportion to theirs. So a column of scores is never squeezed to a digit
/// per line by a long text column beside it.
fn fit_columns(natural: &[usize], total: usize) -> Vec<u32> {
    let sum: usize = natural.iter().sum();
    let to_u32 = |w: usize| u32::try_from(w).unwrap_or(u32::MAX);
    if sum <= total || sum == 0 {
        let sum = sum.max(1);
        return natural.iter().map(|w| to_u32(w * total / sum)).collect();
    }
    let mut fixed = vec![false; natural.len()];
    loop {
        let free = total.saturating_sub(
            natural
                .iter()
                .zip(&fixed)
                .filter(|(_, f)| **f)
                .map(|(w, _)| w)
                .sum::<usize>(),
        );
        let flex: usize = natural
            .iter()
            .zip(&fixed)
            .filter(|(_, f)| !**f)
            .map(|(w, _)| w)
            .sum();
        let flex_count = fixed.iter().filter(|f| !**f).count().max(1);
        let mut changed = false;
        for (i, w) in natural.iter().enumerate() {
            if !fixed[i] && *w <= free / flex_count {
                fixed[i] = true;
                changed = true;
            }
        }
        if !changed || flex == 0 {
            return natural
                .iter()
                .zip(&fixed)
                .map(|(w, f)| {
                    if *f {
                        to_u32(*w)
                    } else {
                        to_u32(w * free / flex.max(1))
                    }
                })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_columns_keep_their_width() {
        let w = fit_columns(&[700, 3000, 700, 6000], 8000);
        assert_eq!(w[0], 700);
        assert_eq!(w[2], 700);
        assert_eq!(w[1], 3000);
        assert_eq!(w[3], 3600);
    }

    #[test]
    fn headings_lists_and_tables() {
        let md = "# 标题\n\n## 一、基本\n\n正文**粗**。\n\n- 甲\n- 乙\n\n1. 一\n2. 二\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n";
        let (body, starts) = convert(md, None);
        assert!(body.contains(r#"<w:pStyle w:val="Heading1"/>"#));
        assert!(body.contains(r#"<w:pStyle w:val="Heading2"/>"#));
        assert!(body.contains("<w:b/>"));
        assert!(body.contains(r#"<w:numId w:val="1"/>"#));
        assert!(body.contains(r#"<w:numId w:val="2"/>"#));
        assert_eq!(starts, [1]);
        assert!(body.contains("<w:tblHeader/>"));
        assert!(body.contains(r#"<w:jc w:val="right"/>"#));
    }

    #[test]
    fn escaped_markdown_is_plain_text() {
        let (body, _) = convert(r"A\|B \<script\> 98\.73\%", None);
        assert!(body.contains("A|B &lt;script&gt; 98.73%"), "{body}");
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        let (body, _) = convert("第一行\n第二行 and\nmore", None);
        assert!(body.contains(">第一行第二行 and more</w:t>"), "{body}");
    }
}
