//! The pieces every Office Open XML package pfc writes by hand has in
//! common: the Word report (`report/docx.rs`) and the batch summary
//! workbook (`batch/summary/sheet.rs`).

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
