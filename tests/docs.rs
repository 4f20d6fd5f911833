//! Documentation that must stay in step with the code.

use crate::harness::root;

#[test]
fn every_diagnostic_code_is_documented() {
    let doc =
        std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    // Each code has a title in English and in Chinese (`diagnostic.rs`),
    // and its section in the docs gives both.
    let missing: Vec<String> = pfc::diagnostic::Code::ALL
        .iter()
        .filter(|c| {
            let heading = format!(
                "### {} — {}\n\n中文：{}\n",
                c.as_str(),
                c.title(),
                c.title_zh()
            );
            c.title().is_empty() || c.title_zh().is_empty() || !doc.contains(&heading)
        })
        .map(|c| format!("{} {} / {}", c.as_str(), c.title(), c.title_zh()))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/diagnostics.md with both titles: {missing:?}"
    );
}

#[test]
fn readme_opens_with_the_two_commands() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let run = "cargo run --release -- eval frameworks/cn-self-eval-2020 frameworks/cn-self-eval-2020/examples/caidian-2019.toml";
    assert!(readme.contains(run), "README lacks the main command");
    assert!(
        readme.contains("\n    cargo test\n"),
        "README lacks the test command"
    );
}
