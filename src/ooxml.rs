//! The pieces every Office Open XML package pfc writes by hand has in
//! common: the Word report (`report/docx.rs`) and the batch summary
//! workbook (`batch/summary/sheet.rs`); and the escaping of text for the
//! Word report's parts, [`escape`].

use zip::write::SimpleFileOptions;

/// The XML declaration every part starts with.
pub(crate) const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// `_rels/.rels`: the package's main part (`word/document.xml`,
/// `xl/workbook.xml`) and its two property parts.
pub(crate) fn root_rels(main: &str) -> String {
    format!(
        concat!(
            "{head}",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="{main}"/>"#,
            r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
            r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
            "</Relationships>\n"
        ),
        head = XML_HEAD,
        main = main,
    )
}

/// How each part is zipped: deflated, with a fixed timestamp (1980-01-01)
/// and permissions, so that the bytes depend on the content only.
pub(crate) fn zip_options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644)
}

/// `text` as XML character data or an attribute value: `&`, `<`, `>` and
/// both quotes as entities; and the characters XML 1.0 cannot hold at all,
/// not even as a reference (the controls below U+0020 but tab, line feed and
/// carriage return; U+FFFE and U+FFFF), as U+FFFD `�`. Word refuses a file
/// with one of those (“unreadable content”), so none may reach a part: the
/// replacement keeps the file valid and shows where something was.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether XML 1.0 allows `c` in a document (its production `Char`;
/// surrogates cannot be a `char`).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_becomes_entities() {
        assert_eq!(escape("<b>&\"'"), "&lt;b&gt;&amp;&quot;&#39;");
    }

    #[test]
    fn what_xml_cannot_hold_is_replaced() {
        assert_eq!(
            escape("a\u{FFFF}b\u{FFFE}c\u{0}d\u{1B}e"),
            "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e"
        );
        assert_eq!(escape("甲\t乙\n丙\r\u{10FFFF}"), "甲\t乙\n丙\r\u{10FFFF}");
        // Whatever the text, the part parses (as Word would read it).
        for c in [
            '\u{0}', '\u{8}', '\u{B}', '\u{FFFE}', '\u{FFFF}', '\u{D7FF}', '\u{E000}',
        ] {
            let text = escape(&format!("x{c}\"'<&"));
            let xml = format!("<t a=\"{text}\">{text}</t>");
            assert!(roxmltree::Document::parse(&xml).is_ok(), "{c:?}: {xml}");
        }
    }
}
