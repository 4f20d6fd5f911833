//! Words several phases use.

use super::{Name, Names, Quote, catalogue};

catalogue! {
    /// Messages every phase may use.
    Common {
        /// The closest known name to a misspelt one.
        DidYouMean { name: Name } =>
            en: "did you mean {name}?",
            zh: "是否应为{name}？";
        /// The names that would be right.
        OneOf { names: Names } =>
            en: "use one of: {names}",
            zh: "可用的有：{names}";

        // How a diagnostic is laid out (`render.rs`).
        /// The severity of an error.
        SeverityError =>
            en: "error",
            zh: "错误";
        /// The severity of a warning.
        SeverityWarning =>
            en: "warning",
            zh: "警告";
        /// Where a finding is, under its snippet.
        NoteIn { place: String } =>
            en: "in: {place}",
            zh: "位置：{place}";
        /// A fact under a finding.
        NoteFact { text: String } =>
            en: "note: {text}",
            zh: "说明：{text}";
        /// How to fix a finding.
        NoteHelp { text: String } =>
            en: "help: {text}",
            zh: "修改建议：{text}";

        // Places (`place.rs`).
        /// A field of a data file.
        AtField { file: String, path: String } =>
            en: "{file}: {path}",
            zh: "{file}：{path}";
        /// A spreadsheet cell.
        AtCell { file: String, row: u64, column: Quote } =>
            en: "{file}: row {row}, column {column}",
            zh: "{file}：第 {row} 行“{column}”列";
        /// A spreadsheet row.
        AtRow { file: String, row: u64 } =>
            en: "{file}: row {row}",
            zh: "{file}：第 {row} 行";
        /// Spreadsheet rows.
        AtRows { file: String, first: u64, last: u64 } =>
            en: "{file}: rows {first}–{last}",
            zh: "{file}：第 {first}–{last} 行";
        /// A column of spreadsheet rows.
        AtRowsColumn { file: String, first: u64, last: u64, column: Quote } =>
            en: "{file}: rows {first}–{last}, column {column}",
            zh: "{file}：第 {first}–{last} 行“{column}”列";
        /// A spreadsheet's header row.
        AtHeader { file: String, row: u64 } =>
            en: "{file}: row {row} (the header)",
            zh: "{file}：第 {row} 行（表头）";
    }
}
