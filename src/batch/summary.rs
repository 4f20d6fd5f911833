//! The summary of a batch: `summary.csv` and `summary.xlsx`, one row per
//! project in input order, and `findings.csv`, one row per error and
//! warning; all streamed to temporary files in the output folder and
//! renamed into place only by [`Summary::finish`]. Also the grade
//! distribution and the projects with the most warnings, for the console.

use super::{Done, Found};
use crate::catalogue::batch::Batch;
use crate::catalogue::common::Common;
use crate::catalogue::{Lang, Name};
use crate::diagnostic::{Code, Diagnostic, Severity};
use records::CsvFile;
use sheet::Sheet;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

mod records;
mod sheet;

/// Rows an Excel sheet holds; a longer summary continues on another sheet.
const SHEET_ROWS: u32 = 1_048_576;
/// How many projects with the most warnings are listed.
pub const TOP: usize = 10;

/// Totals of a run, for the console.
#[derive(Debug, Default, Clone)]
pub struct Totals {
    /// Projects scored.
    pub scored: u64,
    /// Projects that failed.
    pub failed: u64,
    /// Indicator rows (or data files) read.
    pub rows: u64,
    /// Grades in the framework's order, with how many projects got each.
    pub grades: Vec<(String, u64)>,
    /// Scored projects without a grade.
    pub ungraded: u64,
    /// Projects with the most warnings: (warnings, id, name), most first.
    pub most_warnings: Vec<(usize, String, String)>,
}

/// A summary being written.
pub struct Summary {
    dir: PathBuf,
    parts: Vec<String>,
    totals: Totals,
    /// Input order of the projects in `most_warnings`, to break ties.
    order: Vec<u64>,
    seen: u64,
    csv: CsvFile,
    xlsx: Sheet,
    findings: CsvFile,
    /// The language of the files: the framework's, so that a batch of an
    /// English rubric (us-omb-part) reads in English.
    lang: Lang,
    /// The levels of a finding in that language: error, warning, note.
    levels: [String; 3],
}

/// Why `path` cannot be written, with the system's words for it.
pub(crate) fn write_error(path: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(
        Code::OutputWrite,
        Batch::OutFileUnwritable {
            file: Name::new(path.display().to_string()),
            why: e.to_string().into(),
        },
    )
    .with_hint(Batch::HintOutWritable)
}

/// A temporary file in `dir` that becomes an ordinary, readable file when
/// renamed (the counterpart of `cli/output.rs` for files written as a stream).
pub fn temp_in(dir: &Path) -> std::io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pfc-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir)
}

impl Summary {
    /// The files a summary writes into the output folder.
    pub const FILES: [&'static str; 3] = ["summary.csv", "summary.xlsx", "findings.csv"];

    /// Start a summary in `dir` for a framework with these top-level parts
    /// and grades, scores shown with `places` decimals, in `lang` (the
    /// framework's language).
    pub fn create(
        dir: &Path,
        parts: Vec<String>,
        grades: Vec<String>,
        places: u32,
        lang: Lang,
    ) -> Result<Summary, Diagnostic> {
        let header = header(lang, &parts);
        let csv = CsvFile::create(&dir.join("summary.csv"), &header)?;
        let findings = CsvFile::create(&dir.join("findings.csv"), &findings_header(lang))?;
        let xlsx = Sheet::create(dir, lang, &header, places)
            .map_err(|e| write_error(&dir.join("summary.xlsx"), &e))?;
        let mut grades_seen: Vec<String> = Vec::new();
        for g in grades {
            if !grades_seen.contains(&g) {
                grades_seen.push(g);
            }
        }
        Ok(Summary {
            dir: dir.to_owned(),
            parts,
            totals: Totals {
                grades: grades_seen.into_iter().map(|g| (g, 0)).collect(),
                ..Totals::default()
            },
            order: Vec::new(),
            seen: 0,
            csv,
            xlsx,
            findings,
            lang,
            levels: [
                Common::SeverityError.render(lang),
                Common::SeverityWarning.render(lang),
                Common::SeverityNote.render(lang),
            ],
        })
    }

    /// Add a project (in input order).
    pub fn add(&mut self, done: &Done) -> Result<(), Diagnostic> {
        let seq = self.seen;
        self.seen += 1;
        self.totals.rows += done.rows;
        // The record borrows what it can: a row's texts are written twice
        // and then dropped, so owning them would only cost copies.
        let (total, parts, rate, failure): (String, Vec<String>, String, String);
        let mut warnings = itoa::Buffer::new();
        let mut record: Vec<&str> = Vec::with_capacity(self.parts.len() + 9);
        let source = done.source.render_at(self.lang, None);
        record.extend([&*done.id, &done.name, &done.unit, &source]);
        match &done.result {
            Ok(s) => {
                self.totals.scored += 1;
                match s
                    .grade
                    .as_ref()
                    .and_then(|g| self.totals.grades.iter_mut().find(|(n, _)| n == g))
                {
                    Some((_, n)) => *n += 1,
                    None => self.totals.ungraded += 1,
                }
                if !s.warnings.is_empty() {
                    self.note_warnings(seq, s.warnings.len(), done);
                }
                total = s.total.to_string();
                parts = (0..self.parts.len())
                    .map(|i| s.parts.get(i).map(ToString::to_string))
                    .map(Option::unwrap_or_default)
                    .collect();
                rate = s
                    .rate
                    .as_ref()
                    .map(crate::eval::result::percent_text)
                    .unwrap_or_default();
                record.push(&total);
                record.push(s.grade.as_deref().unwrap_or_default());
                record.extend(parts.iter().map(String::as_str));
                record.push(&rate);
                record.push(warnings.format(s.warnings.len()));
                record.push("");
            }
            Err(f) => {
                self.totals.failed += 1;
                record.extend(std::iter::repeat_n("", self.parts.len() + 4));
                let first = f.first().map(|d| d.headline(self.lang)).unwrap_or_default();
                failure = if f.errors > 1 {
                    Batch::SummaryFirstError {
                        first,
                        errors: f.errors,
                    }
                    .render(self.lang)
                } else {
                    first
                };
                record.push(&failure);
            }
        }
        self.csv
            .record(record.iter().copied())
            .map_err(|e| write_error(&self.dir.join("summary.csv"), &e))?;
        self.xlsx
            .add(
                &record,
                done.result.is_ok(),
                done.result.as_ref().ok().and_then(|s| s.rate.as_ref()),
            )
            .map_err(|e| write_error(&self.dir.join("summary.xlsx"), &e))?;
        let findings = match &done.result {
            Ok(s) => &s.warnings,
            Err(f) => &f.findings,
        };
        for f in findings {
            self.add_finding(done, f)
                .map_err(|e| write_error(&self.dir.join("findings.csv"), &e))?;
        }
        Ok(())
    }

    fn add_finding(&mut self, done: &Done, f: &Found) -> std::io::Result<()> {
        let lang = self.lang;
        let d = &f.diagnostic;
        let level = &self.levels[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Note => 2,
        }];
        let hints = d.hint_texts(lang).join(lang.pick("；", "; "));
        let place = f
            .place_text(lang)
            .unwrap_or_else(|| done.source.render_at(lang, None));
        self.findings.record([
            done.id.as_str(),
            done.name.as_str(),
            level,
            d.code.as_str(),
            &d.headline(lang),
            &place,
            &hints,
        ])
    }

    fn note_warnings(&mut self, seq: u64, warnings: usize, done: &Done) {
        let list = &mut self.totals.most_warnings;
        // Most warnings first; among equals, the earlier project first.
        let at = list
            .iter()
            .zip(&self.order)
            .position(|((w, _, _), s)| warnings > *w || (warnings == *w && seq < *s))
            .unwrap_or(list.len());
        if at >= TOP {
            return;
        }
        list.insert(at, (warnings, done.id.clone(), done.name.clone()));
        self.order.insert(at, seq);
        list.truncate(TOP);
        self.order.truncate(TOP);
    }

    /// The totals so far.
    pub fn totals(&self) -> &Totals {
        &self.totals
    }

    /// Write the files out: each is complete, or not there at all.
    pub fn finish(self) -> Result<(Totals, Vec<PathBuf>), Diagnostic> {
        let csv_path = self.dir.join("summary.csv");
        let findings_path = self.dir.join("findings.csv");
        let summary = self.csv.synced(&csv_path)?;
        let findings = self.findings.synced(&findings_path)?;
        // The workbook and the findings first: `summary.csv` appearing says
        // the run is done.
        let xlsx_path = self.dir.join("summary.xlsx");
        self.xlsx
            .save(&xlsx_path)
            .map_err(|e| write_error(&xlsx_path, &e))?;
        findings
            .persist(&findings_path)
            .map_err(|e| write_error(&findings_path, &e.error))?;
        summary
            .persist(&csv_path)
            .map_err(|e| write_error(&csv_path, &e.error))?;
        Ok((self.totals, vec![csv_path, xlsx_path, findings_path]))
    }
}

/// Whether `test` holds for any byte of `bytes`. A field to write rarely
/// has a byte to quote or escape; a text of 16 bytes or more is tested
/// with no early exit, which the compiler makes 16 or 32 bytes at a time,
/// its ragged end as a last block of 16 that overlaps the one before.
#[inline(always)]
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    let all = |bytes: &[u8]| bytes.iter().fold(false, |any, &b| any | test(b));
    match bytes.last_chunk::<16>() {
        Some(last) => all(bytes.as_chunks::<16>().0.as_flattened()) | all(last),
        None => bytes.iter().any(|&b| test(b)),
    }
}

/// The summary's columns, in `lang`: id, name, unit, source, total,
/// grade, the parts, rate, warnings, errors.
fn header(lang: Lang, parts: &[String]) -> Vec<String> {
    let before = [
        Batch::SummaryColId,
        Batch::SummaryColName,
        Batch::SummaryColUnit,
        Batch::SummaryColSource,
        Batch::SummaryColTotal,
        Batch::SummaryColGrade,
    ];
    let after = [
        Batch::SummaryColRate,
        Batch::SummaryColWarnings,
        Batch::SummaryColErrors,
    ];
    let mut h: Vec<String> = before.iter().map(|w| w.render(lang)).collect();
    h.extend(parts.iter().cloned());
    h.extend(after.iter().map(|w| w.render(lang)));
    h
}

/// `findings.csv`'s columns, in `lang`.
fn findings_header(lang: Lang) -> Vec<String> {
    [
        Batch::SummaryColId,
        Batch::SummaryColName,
        Batch::FindingsColLevel,
        Batch::FindingsColCode,
        Batch::FindingsColMessage,
        Batch::FindingsColLocation,
        Batch::FindingsColHint,
    ]
    .iter()
    .map(|w| w.render(lang))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::any_byte;

    #[test]
    fn any_byte_finds_a_byte_wherever_it_is() {
        let test = |b: u8| b == b',' || b >= 0xF0;
        for len in 0..70 {
            let mut bytes = vec![b'a'; len];
            assert!(!any_byte(&bytes, test), "{len}");
            for at in 0..len {
                for odd in [b',', 0xF0, 0xFF] {
                    bytes[at] = odd;
                    assert!(any_byte(&bytes, test), "{len} {at} {odd}");
                    bytes[at] = b'a';
                }
            }
        }
    }
}
