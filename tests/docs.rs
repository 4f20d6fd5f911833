//! Documentation that must stay in step with the code.

use crate::harness::root;

#[test]
fn every_diagnostic_code_is_documented() {
    let doc =
        std::fs::read_to_string(root().join("docs/diagnostics.md")).expect("docs/diagnostics.md");
    let missing: Vec<&str> = pfc::diagnostic::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|code| !doc.contains(&format!("### {code}")))
        .collect();
    assert!(
        missing.is_empty(),
        "not in docs/diagnostics.md: {missing:?}"
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
