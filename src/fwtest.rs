//! Running the tests a framework declares (`test "…" { data …; expect … }`).
//!
//! A test scores its data with the framework and compares the stated
//! expectations with what came out: total, grade, the score of any node (by
//! the end of its path), and warnings or errors that must appear. Without an
//! `expect error`, the evaluation must succeed.

use crate::catalogue::Lang;
use crate::check::model::Model;
use crate::diagnostic::{Diagnostic, Severity};
use crate::eval::result::{Evaluation, ScoredNode};
use crate::render::{self, ErrorFormat};
use crate::source::SourceMap;
use crate::span::FileId;
use crate::syntax::ast::{ExpectKind, Matcher, TestData, TestDecl};
use std::path::Path;

/// The result of one test.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The test's name.
    pub name: String,
    /// What did not match, in words; empty when the test passed.
    pub failures: Vec<String>,
}

impl Outcome {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Run every test of `model`, whose source is `file` in `sources`.
pub fn run(sources: &mut SourceMap, model: &Model, file: FileId) -> Vec<Outcome> {
    model
        .tests
        .iter()
        .map(|t| run_one(sources, model, file, t))
        .collect()
}

fn run_one(sources: &mut SourceMap, model: &Model, file: FileId, test: &TestDecl) -> Outcome {
    let name = test.name.node.clone();
    let fail = |why: String| Outcome {
        name: test.name.node.clone(),
        failures: vec![why],
    };
    let data_file = match &test.data {
        None => return fail("the test names no data: add `data \"examples/….toml\"`".to_owned()),
        Some(TestData::Inline(body)) => sources.add(
            format!("{} (test “{name}”).toml", sources.get(file).name),
            body.node.clone(),
        ),
        Some(TestData::File(path)) => {
            let framework_path = sources.get(file).name.clone();
            if framework_path.starts_with("<builtin>") {
                return fail(format!(
                    "`{}` is relative to the framework's folder; run the tests on the folder, not the built-in id",
                    path.node
                ));
            }
            let dir = Path::new(&framework_path)
                .parent()
                .unwrap_or(Path::new("."));
            match sources.load(&dir.join(&path.node)) {
                Ok(f) => f,
                Err(d) => return fail(d.headline(Lang::En)),
            }
        }
    };
    // The evaluation borrows the data's names, so the data outlives it.
    let loaded = crate::data::load(sources, data_file);
    let (evaluation, diagnostics) = match &loaded {
        Ok(data) => {
            let out = crate::eval::evaluate(model, data);
            (out.evaluation, out.diagnostics)
        }
        Err(d) => (None, vec![d.clone()]),
    };
    let mut failures = Vec::new();
    let expects_error = test
        .expects
        .iter()
        .any(|e| matches!(e.kind, ExpectKind::Error(_)));
    if evaluation.is_none() && !expects_error {
        failures.push(format!(
            "the evaluation failed:\n{}",
            indent(&render::to_string(
                sources,
                &diagnostics,
                ErrorFormat::Short,
                Lang::En
            ))
        ));
    }
    for e in &test.expects {
        if let Some(f) = check(&e.kind, evaluation.as_ref(), &diagnostics) {
            failures.push(f);
        }
    }
    Outcome { name, failures }
}

fn indent(s: &str) -> String {
    s.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn matches(d: &Diagnostic, m: &Matcher) -> bool {
    match m {
        Matcher::Code(c) => d.code.as_str() == c,
        // A test names a finding by words of its message, in either
        // language: what the author saw when they wrote the test.
        Matcher::Text(t) => [Lang::En, Lang::Zh]
            .into_iter()
            .any(|lang| d.headline(lang).contains(t.as_str())),
    }
}

fn describe(m: &Matcher) -> String {
    match m {
        Matcher::Code(c) => c.clone(),
        Matcher::Text(t) => format!("“{t}”"),
    }
}

fn find<'e, 'a>(tree: &'e [ScoredNode<'a>], path: &[String]) -> Vec<&'e ScoredNode<'a>> {
    tree.iter()
        .flat_map(ScoredNode::walk)
        .filter(|n| {
            n.path.len() >= path.len()
                && n.path[n.path.len() - path.len()..]
                    .iter()
                    .zip(path)
                    .all(|(a, b)| a == b)
        })
        .collect()
}

fn check(kind: &ExpectKind, ev: Option<&Evaluation>, diags: &[Diagnostic]) -> Option<String> {
    let listed = |sev: Severity| -> String {
        let l: Vec<String> = diags
            .iter()
            .filter(|d| d.severity == sev)
            .map(|d| format!("{} {}", d.code.as_str(), d.headline(Lang::En)))
            .collect();
        if l.is_empty() {
            "none".to_owned()
        } else {
            l.join("; ")
        }
    };
    match kind {
        ExpectKind::Error(m) => (!diags.iter().any(|d| d.is_error() && matches(d, m))).then(|| {
            format!(
                "expected error {}, got: {}",
                describe(m),
                listed(Severity::Error)
            )
        }),
        ExpectKind::Warning(m) => {
            (!diags.iter().any(|d| !d.is_error() && matches(d, m))).then(|| {
                format!(
                    "expected warning {}, got: {}",
                    describe(m),
                    listed(Severity::Warning)
                )
            })
        }
        ExpectKind::Total(t) => {
            let ev = ev?;
            (ev.total.value != *t).then(|| {
                let parts: Vec<String> = ev
                    .parts
                    .iter()
                    .map(|p| format!("{} {}", p.name, p.score))
                    .collect();
                format!(
                    "total: expected {}, got {} ({})",
                    t,
                    ev.total,
                    parts.join(" + ")
                )
            })
        }
        ExpectKind::Grade(g) => {
            let ev = ev?;
            (ev.grade != Some(g.as_str())).then(|| {
                format!(
                    "grade: expected {g}, got {} (total {})",
                    ev.grade.unwrap_or("none"),
                    ev.total
                )
            })
        }
        ExpectKind::Score(path, want) => {
            let ev = ev?;
            let shown = path.join("/");
            match find(&ev.tree, path).as_slice() {
                [] => Some(format!(
                    "score of `{shown}`: no such indicator or group in the result"
                )),
                [one] if one.score.value == *want => None,
                [one] => Some(format!(
                    "score of `{shown}`: expected {}, got {}{}",
                    want,
                    one.score,
                    one.leaf
                        .as_ref()
                        .map(|l| format!("\n    {}", l.explanation))
                        .unwrap_or_default()
                )),
                many => Some(format!(
                    "score of `{shown}`: {} nodes match; write more of the path (e.g. `{}`)",
                    many.len(),
                    many[0].path.join("/")
                )),
            }
        }
    }
}
