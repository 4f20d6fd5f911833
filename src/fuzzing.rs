//! Entry points for fuzzing: each takes arbitrary bytes, runs one reader or
//! compiler of pfc on them the way the command line does, and returns
//! normally whatever the bytes are. A panic, an abort or a hang is a bug.
//!
//! The cargo-fuzz targets in `fuzz/` call these, and so does the regression
//! test that replays every input the fuzzers ever found
//! (`tests/fixtures/fuzz/`), so that a crash found once stays fixed.

use crate::batch::{Input, Item, ReadOptions};
use crate::catalogue::Lang;
use crate::check::model::Model;
use crate::render::{self, ErrorFormat};
use crate::source::SourceMap;
use std::sync::OnceLock;

/// The bundled self-evaluation framework, compiled once.
fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut sources = SourceMap::new();
        let file = sources.add(
            "cn-self-eval-2020.pf",
            include_str!("../frameworks/cn-self-eval-2020/framework.pf"),
        );
        match crate::compile(&mut sources, file) {
            (Some(m), _) => m,
            // The bundled framework checks clean (tests say so).
            (None, d) => panic!(
                "{}",
                render::to_string(&sources, &d, ErrorFormat::Short, Lang::En)
            ),
        }
    })
}

/// Render diagnostics as a user could ask for them: rendering is part of
/// what must not fail. One language and layout a run, chosen by the
/// diagnostics' number, so that fuzzing covers all four without paying for
/// four renderings each run.
fn show(sources: &SourceMap, diagnostics: &[crate::diagnostic::Diagnostic]) {
    let lang = if diagnostics.len().is_multiple_of(2) {
        Lang::Zh
    } else {
        Lang::En
    };
    let format = if diagnostics.len() % 4 < 2 {
        ErrorFormat::Human
    } else {
        ErrorFormat::Json
    };
    let _ = render::to_string(sources, diagnostics, format, lang);
}

/// Compile framework text (`pfc check`), and score a small project with it
/// when it compiles.
pub fn framework(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let mut sources = SourceMap::new();
    let file = sources.add("fuzz.pf", text);
    let (model, diagnostics) = crate::compile(&mut sources, file);
    show(&sources, &diagnostics);
    if let Some(model) = model {
        let data = sources.add(
            "d.toml",
            "year = 2021\n[funds]\nbudget = 100\nexecuted = 90\n",
        );
        if let Ok(data) = crate::data::load(&sources, data) {
            let outcome = crate::eval::evaluate(&model, &data);
            show(&sources, &outcome.diagnostics);
        }
    }
}

/// Read a data file (TOML, or JSON when the first byte says so) and score
/// it with the bundled framework, rendering the report context.
pub fn data(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let name = if text.trim_start().starts_with(['{', '[']) && !text.starts_with("[[") {
        "fuzz.json"
    } else {
        "fuzz.toml"
    };
    let mut sources = SourceMap::new();
    let file = sources.add(name, text);
    match crate::data::load(&sources, file) {
        Ok(data) => score(&sources, &data),
        Err(d) => show(&sources, &[d]),
    }
}

fn score(sources: &SourceMap, data: &crate::data::ProjectData) {
    let outcome = crate::eval::evaluate(model(), data);
    show(sources, &outcome.diagnostics);
    if let Some(e) = outcome.evaluation {
        let _ = serde_json::to_string(&e);
        let _ = crate::report::context::build(&e);
    }
}

/// Read a cell as a target or actual value, and as decimal text.
pub fn notation(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = crate::data::notation::parse(text);
    let _ = crate::data::notation::written_decimals(text);
    let _ = crate::exact::Exact::parse(text);
}

/// Read a CSV file of projects and score every project, as a batch does.
pub fn csv(bytes: &[u8]) {
    spreadsheet(bytes, "fuzz.csv");
}

/// Read an Excel workbook of projects and score every project.
pub fn xlsx(bytes: &[u8]) {
    spreadsheet(bytes, "fuzz.xlsx");
}

fn spreadsheet(bytes: &[u8], name: &str) {
    let Ok(dir) = tempfile::tempdir() else {
        return;
    };
    let path = dir.path().join(name);
    if std::fs::write(&path, bytes).is_err() {
        return;
    }
    let Some(input) = Input::of(&path) else {
        return;
    };
    let mut sources = SourceMap::new();
    let reader = match crate::batch::open(&input, &ReadOptions::default(), &mut sources) {
        Ok(r) => r,
        Err(d) => return show(&sources, &[d]),
    };
    let mut projects = Vec::new();
    let result = reader.run(64, &mut |chunk| {
        projects.extend(chunk.items);
        true
    });
    if let Err(d) = result {
        show(&sources, &[d]);
    }
    for item in projects {
        match item {
            Item::Sheet { data, .. } => score(&sources, &data),
            Item::Broken { diagnostics, .. } => show(&sources, &diagnostics),
            _ => {}
        }
    }
}
