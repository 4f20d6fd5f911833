//! Where a finding is, when it is not (only) a span of source text: a field
//! of a data file, a spreadsheet's row and column, a whole file.
//!
//! Places are data: code that needs the column of a finding reads
//! [`Place::Cell`]'s `column`, never the rendered text. They become words
//! only when shown, in the reader's language ([`Show`]).

use crate::catalogue::common::Common;
use crate::catalogue::{Lang, Show};

/// A field of a data file, as its path: `indicators[2].target`,
/// `funds.budget`, `funds.sources[当年财政拨款].budget`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FieldPath(String);

impl FieldPath {
    /// A top-level field (`year`, `funds`).
    pub fn field(name: &str) -> FieldPath {
        FieldPath(name.to_owned())
    }

    /// The path written as pfc writes paths (`indicators[2].target`).
    pub fn new(path: impl Into<String>) -> FieldPath {
        FieldPath(path.into())
    }

    /// `indicators[i]`.
    pub fn row(i: usize) -> FieldPath {
        FieldPath(format!("indicators[{i}]"))
    }

    /// This path's field `name` (`indicators[2]` → `indicators[2].target`).
    #[must_use]
    pub fn key(&self, name: &str) -> FieldPath {
        FieldPath(format!("{}.{name}", self.0))
    }

    /// The path as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The index of the indicator row the path is in, if any.
    pub fn row_index(&self) -> Option<usize> {
        let rest = self.0.strip_prefix("indicators[")?;
        rest.split_once(']')?.0.parse().ok()
    }

    /// The last field name (`target` of `indicators[2].target`).
    pub fn last_key(&self) -> &str {
        self.0.rsplit('.').next().unwrap_or(&self.0)
    }
}

impl std::fmt::Display for FieldPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A whole file: `caidian.toml`.
    File {
        /// The file as named on the command line.
        file: String,
    },
    /// A field of a data file: `caidian.toml: indicators[2].target`.
    Field {
        /// The data file.
        file: String,
        /// The field.
        path: FieldPath,
    },
    /// A spreadsheet row, and the column when there is one:
    /// `a.csv: row 7, column 自评总分`.
    Cell {
        /// The spreadsheet.
        file: String,
        /// The row, 1-based as the spreadsheet numbers it.
        row: u64,
        /// The column's header as the file writes it.
        column: Option<String>,
    },
    /// Spreadsheet rows: a project's, `a.csv: rows 2–9`.
    Rows {
        /// The spreadsheet.
        file: String,
        /// The first row.
        first: u64,
        /// The last row.
        last: u64,
        /// A column, when the finding is about one.
        column: Option<String>,
    },
    /// A spreadsheet's header row: `a.csv: row 1 (the header)`.
    Header {
        /// The spreadsheet.
        file: String,
        /// The row.
        row: u64,
    },
}

impl Place {
    /// A whole file.
    pub fn file(file: impl Into<String>) -> Place {
        Place::File { file: file.into() }
    }

    /// The file the place is in.
    pub fn file_name(&self) -> &str {
        match self {
            Place::File { file }
            | Place::Field { file, .. }
            | Place::Cell { file, .. }
            | Place::Rows { file, .. }
            | Place::Header { file, .. } => file,
        }
    }

    /// The spreadsheet column, if the place names one.
    pub fn column(&self) -> Option<&str> {
        match self {
            Place::Cell { column, .. } | Place::Rows { column, .. } => column.as_deref(),
            _ => None,
        }
    }

    /// The place in `lang`, with a line and column put after the file
    /// name when they are known (`caidian.toml:12:10: indicators[4]`).
    pub fn render_at(&self, lang: Lang, line_col: Option<(usize, usize)>) -> String {
        let file = match line_col {
            Some((l, c)) => format!("{}:{l}:{c}", self.file_name()),
            None => self.file_name().to_owned(),
        };
        let text = match self {
            Place::File { .. } => return file,
            Place::Field { path, .. } => Common::AtField {
                file,
                path: path.to_string(),
            },
            Place::Cell {
                row,
                column: Some(column),
                ..
            } => Common::AtCell {
                file,
                row: *row,
                column: column.clone().into(),
            },
            Place::Cell {
                row, column: None, ..
            } => Common::AtRow { file, row: *row },
            Place::Rows {
                first,
                last,
                column,
                ..
            } => match (first == last, column) {
                (true, Some(column)) => Common::AtCell {
                    file,
                    row: *first,
                    column: column.clone().into(),
                },
                (true, None) => Common::AtRow { file, row: *first },
                (false, Some(column)) => Common::AtRowsColumn {
                    file,
                    first: *first,
                    last: *last,
                    column: column.clone().into(),
                },
                (false, None) => Common::AtRows {
                    file,
                    first: *first,
                    last: *last,
                },
            },
            Place::Header { row, .. } => Common::AtHeader { file, row: *row },
        };
        text.render(lang)
    }
}

impl Show for Place {
    fn show(&self, lang: Lang, out: &mut String) {
        out.push_str(&self.render_at(lang, None));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_in_each_language() {
        let cell = Place::Cell {
            file: "a.csv".into(),
            row: 7,
            column: Some("自评总分".into()),
        };
        assert_eq!(
            cell.render_at(Lang::En, None),
            "a.csv: row 7, column 自评总分"
        );
        assert_eq!(cell.render_at(Lang::Zh, None), "a.csv：第 7 行“自评总分”列");
        assert_eq!(cell.column(), Some("自评总分"));
        let field = Place::Field {
            file: "c.toml".into(),
            path: FieldPath::row(4).key("actual"),
        };
        assert_eq!(
            field.render_at(Lang::En, Some((12, 10))),
            "c.toml:12:10: indicators[4].actual"
        );
        let rows = Place::Rows {
            file: "a.csv".into(),
            first: 2,
            last: 9,
            column: None,
        };
        assert_eq!(rows.render_at(Lang::Zh, None), "a.csv：第 2–9 行");
        assert_eq!(FieldPath::row(4).key("actual").row_index(), Some(4));
    }
}
