//! Running the tests a framework declares (`test "…" { data …; expect … }`).
//!
//! A test scores its data with the framework and compares the stated
//! expectations with what came out: total, grade, the score of any node (by
//! the end of its path), and warnings or errors that must appear. Without an
//! `expect error`, the evaluation must succeed.

use crate::catalogue::cli::Cli;
use crate::catalogue::{Lang, Text};
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
    /// What did not match; empty when the test passed.
    pub failures: Vec<Failure>,
}

/// Why a test failed. Words only when shown ([`Failure::render`]), in the
/// reader's language; the diagnostics inside are rendered then too.
#[derive(Debug, Clone)]
pub enum Failure {
    /// Said by the catalogue.
    Said(Text),
    /// The test's data cannot be read.
    DataUnreadable(Diagnostic),
    /// Scoring failed, and the test expected no error.
    EvaluationFailed(Vec<Diagnostic>),
    /// An error or warning the test expects is not among the findings.
    Missing {
        /// Error or warning.
        severity: Severity,
        /// How the test names it.
        want: Matcher,
        /// The findings of that severity there were.
        found: Vec<Diagnostic>,
    },
    /// A score differs from the expected one: how it was computed.
    Score {
        /// Expected against got.
        said: Text,
        /// The indicator's explanation, when it is one.
        explanation: Option<crate::eval::result::Explanation>,
    },
}

impl From<Cli> for Failure {
    fn from(c: Cli) -> Failure {
        Failure::Said(c.into())
    }
}

impl Failure {
    /// The failure in `lang`, perhaps on several lines; `sources` holds the
    /// files its diagnostics point into.
    pub fn render(&self, sources: &SourceMap, lang: Lang) -> String {
        match self {
            Failure::Said(t) => t.render(lang),
            Failure::DataUnreadable(d) => d.headline(lang),
            Failure::EvaluationFailed(diagnostics) => format!(
                "{}\n{}",
                Cli::TestEvaluationFailed.render(lang),
                indent(&render::to_string(
                    sources,
                    diagnostics,
                    ErrorFormat::Short,
                    lang
                ))
            ),
            Failure::Missing {
                severity,
                want,
                found,
            } => {
                let got = if found.is_empty() {
                    Cli::TestGotNone.render(lang)
                } else {
                    found
                        .iter()
                        .map(|d| format!("{} {}", d.code.as_str(), d.headline(lang)))
                        .collect::<Vec<_>>()
                        .join(&Cli::ListSeparator.render(lang))
                };
                let said = match (severity, want) {
                    (Severity::Error, Matcher::Code(code)) => Cli::TestWantedErrorCode {
                        code: code.clone(),
                        got,
                    },
                    (Severity::Error, Matcher::Text(words)) => Cli::TestWantedErrorWords {
                        words: words.as_str().into(),
                        got,
                    },
                    (Severity::Warning | Severity::Note, Matcher::Code(code)) => {
                        Cli::TestWantedWarningCode {
                            code: code.clone(),
                            got,
                        }
                    }
                    (Severity::Warning | Severity::Note, Matcher::Text(words)) => {
                        Cli::TestWantedWarningWords {
                            words: words.as_str().into(),
                            got,
                        }
                    }
                };
                said.render(lang)
            }
            Failure::Score { said, explanation } => match explanation {
                Some(e) => format!("{}\n    {}", said.render(lang), e.render(lang)),
                None => said.render(lang),
            },
        }
    }
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
    let fail = |why: Failure| Outcome {
        name: test.name.node.clone(),
        failures: vec![why],
    };
    let data_file = match &test.data {
        None => return fail(Cli::TestNoData.into()),
        Some(TestData::Inline(body)) => sources.add(
            format!("{} (test “{name}”).toml", sources.get(file).name),
            body.node.clone(),
        ),
        Some(TestData::File(path)) => {
            let framework_path = sources.get(file).name.clone();
            if framework_path.starts_with("<builtin>") {
                return fail(
                    Cli::TestBuiltinData {
                        file: path.node.as_str().into(),
                    }
                    .into(),
                );
            }
            let dir = Path::new(&framework_path)
                .parent()
                .unwrap_or(Path::new("."));
            match sources.load(&dir.join(&path.node)) {
                Ok(f) => f,
                Err(d) => return fail(Failure::DataUnreadable(d)),
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
        failures.push(Failure::EvaluationFailed(diagnostics.clone()));
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

fn check(kind: &ExpectKind, ev: Option<&Evaluation>, diags: &[Diagnostic]) -> Option<Failure> {
    let missing = |severity: Severity, want: &Matcher| {
        let found: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| d.severity == severity)
            .cloned()
            .collect();
        let seen = found.iter().any(|d| matches(d, want));
        (!seen).then(|| Failure::Missing {
            severity,
            want: want.clone(),
            found,
        })
    };
    match kind {
        ExpectKind::Error(m) => missing(Severity::Error, m),
        ExpectKind::Warning(m) => missing(Severity::Warning, m),
        ExpectKind::Total(t) => {
            let ev = ev?;
            (ev.total.value != *t).then(|| {
                let parts: Vec<String> = ev
                    .parts
                    .iter()
                    .map(|p| format!("{} {}", p.name, p.score))
                    .collect();
                Cli::TestTotal {
                    want: t.clone(),
                    got: ev.total.clone(),
                    parts: parts.join(" + "),
                }
                .into()
            })
        }
        ExpectKind::Grade(g) => {
            let ev = ev?;
            let want = g.as_str().into();
            let total = ev.total.clone();
            match ev.grade {
                Some(got) if got == g.as_str() => None,
                Some(got) => Some(
                    Cli::TestGrade {
                        want,
                        got: got.into(),
                        total,
                    }
                    .into(),
                ),
                None => Some(Cli::TestNoGrade { want, total }.into()),
            }
        }
        ExpectKind::Score(path, want) => {
            let ev = ev?;
            let shown = path.join("/");
            match find(&ev.tree, path).as_slice() {
                [] => Some(Cli::TestNoSuchNode { path: shown.into() }.into()),
                [one] if one.score.value == *want => None,
                [one] => Some(Failure::Score {
                    said: Cli::TestScore {
                        path: shown.into(),
                        want: want.clone(),
                        got: one.score.clone(),
                    }
                    .into(),
                    explanation: one.leaf.as_ref().map(|l| l.explanation.clone()),
                }),
                many => Some(
                    Cli::TestAmbiguous {
                        path: shown.into(),
                        count: many.len(),
                        example: many[0].path.join("/").into(),
                    }
                    .into(),
                ),
            }
        }
    }
}
