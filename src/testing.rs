//! Helpers for the unit tests of every phase.

use crate::check::model::Model;
use crate::data::ProjectData;
use crate::diagnostic::Diagnostic;
use crate::eval::Outcome;
use crate::render::{self, ErrorFormat};
use crate::source::SourceMap;

/// Parse and check framework text.
pub(crate) fn compile(src: &str) -> (SourceMap, Option<Model>, Vec<Diagnostic>) {
    let mut sources = SourceMap::new();
    let file = sources.add("test.pf", src);
    let (model, diags) = crate::compile(&mut sources, file);
    (sources, model, diags)
}

/// Framework text that must check without errors.
#[track_caller]
pub(crate) fn model(src: &str) -> Model {
    let (sources, model, diags) = compile(src);
    model.unwrap_or_else(|| {
        panic!(
            "framework has errors:\n{}",
            render::to_string(
                &sources,
                &diags,
                ErrorFormat::Human,
                crate::catalogue::Lang::En
            )
        )
    })
}

/// Diagnostics of framework text, rendered as a user sees them.
pub(crate) fn diagnostics(src: &str) -> String {
    let (sources, _, diags) = compile(src);
    render::to_string(
        &sources,
        &diags,
        ErrorFormat::Human,
        crate::catalogue::Lang::En,
    )
}

/// Evaluate TOML data against a framework. The evaluation borrows names
/// from both, so a test leaks them (a few kilobytes) rather than keep them
/// alive in every caller.
pub(crate) fn evaluate(
    framework: &str,
    data: &str,
) -> (SourceMap, Outcome<'static>, &'static ProjectData) {
    evaluate_opts(framework, data, crate::eval::Options::default())
}

/// [`evaluate`] under `--strict`: departures from the framework are errors.
pub(crate) fn evaluate_strict(
    framework: &str,
    data: &str,
) -> (SourceMap, Outcome<'static>, &'static ProjectData) {
    let strict = crate::eval::Options {
        strict: true,
        ..crate::eval::Options::default()
    };
    evaluate_opts(framework, data, strict)
}

fn evaluate_opts(
    framework: &str,
    data: &str,
    options: crate::eval::Options,
) -> (SourceMap, Outcome<'static>, &'static ProjectData) {
    let m: &'static Model = Box::leak(Box::new(model(framework)));
    let mut sources = SourceMap::new();
    let file = sources.add("data.toml", data);
    let data: &'static ProjectData = Box::leak(Box::new(
        crate::data::load(&sources, file)
            .unwrap_or_else(|d| panic!("data error: {}", d.headline(crate::catalogue::Lang::En))),
    ));
    let outcome = crate::eval::evaluate_opts(m, data, options);
    (sources, outcome, data)
}

/// The bundled self-evaluation framework.
pub(crate) const CN_SELF_EVAL: &str = include_str!("../frameworks/cn-self-eval-2020/framework.pf");

/// An exact number from decimal text, for expected values.
#[track_caller]
pub(crate) fn x(s: &str) -> crate::exact::Exact {
    crate::exact::Exact::parse(s).expect("a decimal number")
}
