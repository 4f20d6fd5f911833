//! The editor files in `editors/`: the VS Code extension's TextMate grammar
//! and the Vim syntax, held to the same scope assertions
//! (`editors/vscode/tests/*.test.pf`), and the grammar's snapshots of every
//! bundled framework (`editors/vscode/tests/snap/`).
//!
//! The grammar tests need node and `vscode-tmgrammar-test` (`npm ci` in
//! `editors/vscode`), the Vim test needs Neovim; `.ci/run` installs all
//! three. Without them a test says loudly that it was skipped, and fails
//! when `CI` is set. `UPDATE_GRAMMAR_SNAPSHOTS=1 cargo test editors` writes
//! the snapshots again after a grammar change (review them like code).

use crate::harness::root;
use std::path::{Path, PathBuf};
use std::process::Command;

fn vscode() -> PathBuf {
    root().join("editors/vscode")
}

/// A program on `PATH` or at a path, or `None` (failing under CI).
fn tool(name: &str, what: &str) -> Option<PathBuf> {
    let found = if name.contains('/') {
        Some(PathBuf::from(name)).filter(|p| p.is_file())
    } else {
        std::env::var_os("PATH").and_then(|path| {
            std::env::split_paths(&path)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
    };
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is not installed, and CI must run this check (.ci/run installs it)"
        );
        println!(
            "SKIPPED: {what} is not installed (.ci/run installs it); this editor test did not run"
        );
    }
    found
}

/// The npm package's program, when node and `npm ci` are there.
fn grammar_tool(bin: &str) -> Option<PathBuf> {
    tool("node", "node (Debian package nodejs)")?;
    let path = vscode().join("node_modules/.bin").join(bin);
    tool(
        path.to_str().unwrap_or_default(),
        &format!("{bin} (`npm ci` in editors/vscode)"),
    )
}

#[track_caller]
fn run(command: &mut Command) -> String {
    let out = command.output().expect("the program runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{command:?} failed:\n{text}");
    text
}

/// The package and language configuration are valid JSON, name files that
/// exist, and pin the test tool's version in the lock file.
#[test]
fn the_extension_package_is_complete() {
    let read = |name: &str| -> serde_json::Value {
        let text = std::fs::read_to_string(vscode().join(name)).expect(name);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let package = read("package.json");
    let main = package["main"].as_str().expect("main");
    assert!(vscode().join(main).is_file(), "{main}");
    let grammar = package["contributes"]["grammars"][0]["path"]
        .as_str()
        .expect("grammar path");
    assert_eq!(read(grammar)["scopeName"], "source.pfc");
    let language = &package["contributes"]["languages"][0];
    assert_eq!(language["extensions"][0], ".pf");
    let config = language["configuration"].as_str().expect("configuration");
    let config = read(config);
    assert_eq!(config["comments"]["lineComment"], "//");
    assert!(
        config["brackets"].to_string().contains("｛"),
        "full-width brackets"
    );
    let pinned = package["devDependencies"]["vscode-tmgrammar-test"]
        .as_str()
        .expect("vscode-tmgrammar-test in devDependencies");
    assert!(
        pinned.starts_with(|c: char| c.is_ascii_digit()),
        "pin an exact version, not {pinned}"
    );
    let lock = read("package-lock.json");
    assert_eq!(
        lock["packages"]["node_modules/vscode-tmgrammar-test"]["version"],
        pinned
    );
    if tool("node", "node (Debian package nodejs)").is_some() {
        run(Command::new("node").arg("--check").arg(vscode().join(main)));
    }
}

/// The grammar gives every scope `tests/*.test.pf` asserts.
#[test]
fn the_textmate_grammar_passes_its_scope_tests() {
    let Some(bin) = grammar_tool("vscode-tmgrammar-test") else {
        return;
    };
    let out = run(Command::new(bin).current_dir(vscode()).args([
        "-g",
        "syntaxes/pfc.tmLanguage.json",
        "tests/*.test.pf",
    ]));
    assert!(out.contains("formulas.test.pf run successfuly"), "{out}");
}

/// Every bundled framework is tokenized as its committed snapshot says.
#[test]
fn the_textmate_grammar_snapshots_the_bundled_frameworks() {
    let Some(bin) = grammar_tool("vscode-tmgrammar-snap") else {
        return;
    };
    let update = std::env::var_os("UPDATE_GRAMMAR_SNAPSHOTS").is_some();
    let snaps = vscode().join("tests/snap");
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ids = Vec::new();
    for b in pfc::builtin::BUILTINS {
        let id = b.id;
        std::fs::write(dir.path().join(format!("{id}.pf")), b.source).expect("copy");
        let snap = snaps.join(format!("{id}.pf.snap"));
        if !update {
            assert!(snap.is_file(), "no snapshot {}", snap.display());
            std::fs::copy(&snap, dir.path().join(format!("{id}.pf.snap"))).expect("copy");
        }
        ids.push(id);
    }
    let mut command = Command::new(bin);
    command
        .current_dir(dir.path())
        .arg("--config")
        .arg(vscode().join("package.json"))
        .arg("-g")
        .arg(vscode().join("syntaxes/pfc.tmLanguage.json"))
        .args(["-s", "source.pfc", "*.pf"]);
    if update {
        command.arg("-u");
    }
    run(&mut command);
    if update {
        std::fs::create_dir_all(&snaps).expect("mkdir");
        for id in ids {
            let name = format!("{id}.pf.snap");
            std::fs::copy(dir.path().join(&name), snaps.join(&name)).expect("copy back");
        }
    }
}

/// What the Vim syntax must call each asserted TextMate scope (the longest
/// prefix that applies); scopes not listed here are not checked in Vim.
const VIM_GROUPS: &[(&str, &[&str])] = &[
    ("comment.line", &["pfcComment"]),
    ("variable.other.placeholder", &["pfcPlaceholder"]),
    ("variable.other.data-path", &["pfcDataPath"]),
    (
        "string.quoted",
        &["pfcString", "pfcCnString", "pfcTripleString"],
    ),
    ("keyword.other.unit", &["pfcUnit"]),
    ("keyword.other", &["pfcKeyword"]),
    ("keyword.control", &["pfcControl"]),
    ("keyword.operator.logical", &["pfcLogical"]),
    ("keyword.operator.range", &["pfcRange"]),
    ("keyword.operator.arrow", &["pfcArrow"]),
    ("keyword.operator", &["pfcOperator"]),
    ("storage.type", &["pfcType"]),
    (
        "support.constant",
        &[
            "pfcConstant",
            "pfcRuleKind",
            "pfcPick",
            "pfcLangCode",
            "pfcRoundOption",
        ],
    ),
    ("support.function", &["pfcFunction"]),
    ("constant.language", &["pfcConstant"]),
    ("constant.numeric", &["pfcNumber", "pfcRoundPlaces"]),
    ("constant.other.diagnostic-code", &["pfcDiagCode"]),
    ("variable.language", &["pfcValueName"]),
    ("entity.name.type.framework", &["pfcFrameworkId"]),
    ("entity.name.type.scale", &["pfcScale"]),
    ("entity.name.section", &["pfcNodeName"]),
    ("entity.name.variable", &["pfcVariable"]),
    ("entity.name.constant.grade", &["pfcGradeName"]),
    ("entity.name.constant.band", &["pfcBandName"]),
    ("entity.name.constant.answer", &["pfcAnswerName"]),
];

/// One scope assertion: a 1-based line, the byte columns (1-based, as Vim
/// counts) of the characters it covers, the scope.
struct Assertion {
    line: usize,
    columns: Vec<usize>,
    scope: String,
}

/// The assertions of a `*.test.pf` file: `// ^^^ scope` under a line, or
/// `// <--- scope` for its first characters.
fn assertions(text: &str) -> Vec<Assertion> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut source = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(rest) = line.strip_prefix("//") else {
            source = i;
            continue;
        };
        let marks = rest.trim_start();
        let (first, count, scopes) = if let Some(arrow) = marks.strip_prefix('<') {
            let dashes = arrow.chars().take_while(|&c| c == '-').count();
            (0, dashes, &arrow[dashes..])
        } else if marks.starts_with('^') {
            let carets = marks.chars().take_while(|&c| c == '^').count();
            (2 + rest.len() - marks.len(), carets, &marks[carets..])
        } else {
            source = i;
            continue;
        };
        let src = lines[source];
        let columns = (first..first + count)
            .map(|c| src.char_indices().nth(c).map_or(0, |(b, _)| b + 1))
            .collect();
        if let Some(scope) = scopes.split_whitespace().next() {
            out.push(Assertion {
                line: source + 1,
                columns,
                scope: scope.to_owned(),
            });
        }
    }
    out
}

/// Headless Neovim, with `editors/vim` on its runtime path, opens each
/// assertion file (so `ftdetect` must say `pfc`) and names the syntax group
/// at every asserted character; each must be the group of the scope.
#[test]
fn the_vim_syntax_gives_the_same_groups() {
    let Some(nvim) = tool("nvim", "Neovim (Debian package neovim)") else {
        return;
    };
    let mut checked = 0;
    let tests = vscode().join("tests");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&tests)
        .expect("editors/vscode/tests")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".test.pf"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("test file");
        let wanted: Vec<(Assertion, &[&str])> = assertions(&text)
            .into_iter()
            .filter_map(|a| {
                let groups = VIM_GROUPS
                    .iter()
                    .filter(|(prefix, _)| a.scope.starts_with(prefix))
                    .max_by_key(|(prefix, _)| prefix.len())?
                    .1;
                Some((a, groups))
            })
            .collect();
        let positions: Vec<(usize, usize)> = wanted
            .iter()
            .flat_map(|(a, _)| a.columns.iter().map(|&c| (a.line, c)))
            .collect();
        let got = vim_groups(&nvim, &file, &positions);
        assert_eq!(
            got.first().map(String::as_str),
            Some("pfc"),
            "filetype of {}",
            file.display()
        );
        let mut got = got.into_iter().skip(1);
        for (a, groups) in &wanted {
            for column in &a.columns {
                let group = got.next().unwrap_or_default();
                assert!(
                    groups.contains(&group.as_str()),
                    "{}:{}:{column}: {} should be {groups:?} in Vim, is `{group}`",
                    file.display(),
                    a.line,
                    a.scope
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "only {checked} characters checked");
}

/// The filetype, then the syntax group at each (line, byte column).
fn vim_groups(nvim: &Path, file: &Path, positions: &[(usize, usize)]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("groups.txt");
    let mut script = String::from("let s:out = [&filetype]\n");
    for (line, column) in positions {
        script.push_str(&format!(
            "call add(s:out, synIDattr(synID({line}, {column}, 1), 'name'))\n"
        ));
    }
    script.push_str(&format!(
        "call writefile(s:out, '{}')\nqa!\n",
        out.display()
    ));
    let script_path = dir.path().join("check.vim");
    std::fs::write(&script_path, script).expect("script");
    run(Command::new(nvim)
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n"])
        .arg("--cmd")
        .arg(format!("set rtp^={}", root().join("editors/vim").display()))
        .args(["--cmd", "filetype on", "--cmd", "syntax on"])
        .arg(file)
        .arg("-S")
        .arg(&script_path));
    std::fs::read_to_string(&out)
        .expect("nvim wrote the groups")
        .lines()
        .map(str::to_owned)
        .collect()
}
