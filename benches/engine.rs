//! Criterion benchmarks of the engine's phases on the bundled example:
//! checking a framework, evaluating one project, rendering one report.
//! Run with `cargo bench --bench engine`; figures in docs/performance.md.

#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use pfc::report::Format;
use pfc::source::SourceMap;
use std::hint::black_box;

const EXAMPLE: &str = include_str!("../frameworks/cn-self-eval-2020/examples/caidian-2019.toml");

fn framework() -> &'static str {
    pfc::builtin::BUILTINS
        .iter()
        .find(|b| b.id == "cn-self-eval-2020")
        .map(|b| b.source)
        .expect("built-in framework")
}

fn setup() -> (SourceMap, pfc::check::model::Model, pfc::data::ProjectData) {
    let mut sources = SourceMap::new();
    let fw = sources.add("framework.pf", framework());
    let (model, _) = pfc::compile(&mut sources, fw);
    let model = model.expect("the framework checks");
    let file = sources.add("caidian-2019.toml", EXAMPLE);
    let data = pfc::data::load(&sources, file).expect("the example loads");
    (sources, model, data)
}

fn check(c: &mut Criterion) {
    c.bench_function("check cn-self-eval-2020", |b| {
        b.iter(|| {
            let mut sources = SourceMap::new();
            let fw = sources.add("framework.pf", framework());
            black_box(pfc::compile(&mut sources, fw))
        });
    });
}

fn evaluate(c: &mut Criterion) {
    let (_, model, data) = setup();
    c.bench_function("evaluate caidian-2019", |b| {
        b.iter(|| black_box(pfc::eval::evaluate(&model, black_box(&data))));
    });
    c.bench_function("evaluate caidian-2019 (scores only)", |b| {
        b.iter(|| {
            black_box(pfc::eval::evaluate_with(
                &model,
                black_box(&data),
                pfc::eval::Detail::Scores,
            ))
        });
    });
    c.bench_function("load + evaluate caidian-2019 (TOML)", |b| {
        let mut sources = SourceMap::new();
        let file = sources.add("caidian-2019.toml", EXAMPLE);
        b.iter(|| {
            let data = pfc::data::load(&sources, file).expect("loads");
            // The outcome borrows the data, so it is dropped here too.
            black_box(pfc::eval::evaluate(&model, &data))
                .evaluation
                .is_some()
        });
    });
}

fn render(c: &mut Criterion) {
    let (mut sources, model, data) = setup();
    let evaluation = pfc::eval::evaluate(&model, &data)
        .evaluation
        .expect("the example scores");
    for format in [Format::Text, Format::Md, Format::Json] {
        c.bench_function(&format!("render caidian-2019 as {}", format.name()), |b| {
            b.iter(|| black_box(pfc::report::render(format, &evaluation, &mut sources, None)));
        });
    }
}

criterion_group!(benches, check, evaluate, render);
criterion_main!(benches);
