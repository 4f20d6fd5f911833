//! Every bundled framework checks clean, and every bundled example scores,
//! in every format, with pinned output.

use crate::harness::{pfc, root};

#[test]
fn every_framework_checks_clean() {
    let run = pfc(&["check", "frameworks"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stderr.is_empty(), "warnings or errors:\n{}", run.stderr);
}

fn examples() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for fw in std::fs::read_dir(root().join("frameworks")).expect("frameworks/") {
        let fw = fw.expect("entry").path();
        let Ok(list) = std::fs::read_dir(fw.join("examples")) else {
            continue;
        };
        for ex in list {
            let ex = ex.expect("entry").path();
            let rel = |p: &std::path::Path| {
                p.strip_prefix(root())
                    .expect("inside")
                    .display()
                    .to_string()
            };
            out.push((rel(&fw), rel(&ex)));
        }
    }
    out.sort();
    out
}

#[test]
fn every_example_scores_in_every_format() {
    let list = examples();
    assert!(list.len() >= 2, "expected at least two bundled examples");
    for (fw, ex) in list {
        let name = std::path::Path::new(&ex)
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_owned();
        for format in ["text", "md", "json", "html"] {
            let run = pfc(&["eval", &fw, &ex, "--format", format]);
            assert_eq!(run.code, 0, "{ex} as {format}:\n{}", run.transcript());
            insta::assert_snapshot!(format!("{name}.{format}"), run.transcript());
        }
        // The Word file is a zip: its text lives in word/document.xml.
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("report.docx");
        let out_arg = out.display().to_string();
        let run = pfc(&["eval", &fw, &ex, "--format", "docx", "-o", &out_arg]);
        assert_eq!(run.code, 0, "{ex} as docx:\n{}", run.transcript());
        let xml = crate::reports::zip_part(&out, "word/document.xml");
        insta::assert_snapshot!(format!("{name}.docx.document.xml"), xml);
        let run = pfc(&[
            "eval",
            &fw,
            &ex,
            "--format",
            "xlsx",
            "-o",
            &dir.path().join("t.xlsx").display().to_string(),
        ]);
        assert_eq!(run.code, 0, "{ex} as xlsx:\n{}", run.transcript());
    }
}

/// Scores that land exactly halfway between two cents (15 × 107 ÷ 600 =
/// 2.675, 7 × 80.7% ÷ 84% = 6.725) are computed exactly and rounded half up
/// once: 2.68 and 6.73, never 2.67 and 6.72 from a cut-off quotient.
#[test]
fn exact_ties_round_up_once() {
    let data = "frameworks/cn-self-eval-2020/tests/rounding-ties-2021.toml";
    for format in ["text", "json"] {
        let run = pfc(&["eval", "frameworks/cn-self-eval-2020", data, "-f", format]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(format!("rounding-ties-2021.{format}"), run.transcript());
    }
    let run = pfc(&["eval", "frameworks/cn-self-eval-2020", data]);
    assert!(
        run.stdout
            .contains("15 × min(107人次 ÷ 600人次, 1) = 2.675 → 2.68")
    );
    assert!(
        run.stdout
            .contains("7 × min(80.7% ÷ 84%, 1) = 6.725 → 6.73")
    );
    assert!(run.stdout.contains("总分：87.41 / 100    评价等级：良"));
}
