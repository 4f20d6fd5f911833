//! Every input a fuzzer ever found a crash with (`tests/fixtures/fuzz/`),
//! and the fuzzers' seeds (`fuzz/seeds/`), replayed through the same entry
//! points the fuzz targets call (`pfc::fuzzing`): none may panic. The
//! fuzzers themselves run with `scripts/fuzz.sh` (docs/reliability.md).

use crate::harness::root;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let mut count = 0;
    for dir in [
        root().join("tests/fixtures/fuzz").join(target),
        root().join("fuzz/seeds").join(target),
    ] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        for file in files {
            if file.file_name().is_some_and(|n| n == ".gitkeep") {
                continue;
            }
            let bytes = std::fs::read(&file).expect("readable");
            let outcome = std::panic::catch_unwind(|| run(&bytes));
            assert!(outcome.is_ok(), "{} panics", file.display());
            count += 1;
        }
    }
    count
}

/// A fuzz target: its name and entry point.
type Target = (&'static str, fn(&[u8]));

#[test]
fn no_fuzz_input_panics() {
    let targets: [Target; 5] = [
        ("framework", pfc::fuzzing::framework),
        ("data", pfc::fuzzing::data),
        ("notation", pfc::fuzzing::notation),
        ("csv", pfc::fuzzing::csv),
        ("xlsx", pfc::fuzzing::xlsx),
    ];
    for (name, run) in targets {
        assert!(replay(name, run) > 0, "no inputs for the `{name}` target");
    }
}
