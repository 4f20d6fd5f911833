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
