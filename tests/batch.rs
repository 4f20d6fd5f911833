//! Batch evaluation (`pfc eval FRAMEWORK INPUT --out DIR`) from a folder, a
//! CSV file and an Excel workbook: the bundled examples give the same totals
//! as one by one, bad rows fail only their project, encodings, `--fail-fast`,
//! deterministic output, no partial summary.

use crate::harness::{Run, files, listing, pfc, pfc_in, root};
use std::path::Path;

const HEADER: &str = "项目编号,项目名称,主管部门,实施单位,年度,年初预算数,全年预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,评分,得分,偏差原因分析及改进措施";

/// The two bundled examples as a budget system exports them
/// (`examples/projects.csv`): one row per indicator. Caidian gives its
/// project fields on the first row only, the other project repeats them on
/// every row.
fn examples_csv() -> String {
    let path = root().join("examples/projects.csv");
    let csv = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        csv.starts_with(HEADER),
        "examples/projects.csv has the header the tests use"
    );
    csv
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Column `n` (0-based) of each summary row, after the header.
fn column(summary: &str, n: usize) -> Vec<String> {
    let mut reader = csv::ReaderBuilder::new().from_reader(summary.as_bytes());
    reader
        .records()
        .map(|r| r.expect("record").get(n).unwrap_or_default().to_owned())
        .collect()
}

fn eval(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["eval", "cn-self-eval-2020"];
    all.extend(args);
    pfc_in(dir, &all)
}

/// Score `input` in `dir` as a batch into `out-INPUT`; it must exit with
/// `code`.
#[track_caller]
fn batch(dir: &Path, input: &str, code: i32) -> Run {
    let run = eval(dir, &[input, "--out", &format!("out-{input}")]);
    assert_eq!(run.code, code, "{input}: {}", run.transcript());
    run
}

/// What the batch into `out` scored, project by project: 总分, 等级, the
/// score of each part, 执行率 and 警告数.
fn figures(dir: &Path, out: &str) -> Vec<Vec<String>> {
    let summary = read(dir, &format!("{out}/summary.csv"));
    (4..=11).map(|n| column(&summary, n)).collect()
}

#[test]
fn csv_of_the_examples_scores_as_one_by_one() {
    let csv = examples_csv();
    let dir = files(&[("自评表.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["自评表.csv", "--out", "out", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!("examples_csv", run.transcript());
    let summary = read(dir.path(), "out/summary.csv");
    insta::assert_snapshot!("examples_csv_summary", summary);
    // Every warning of every project, with where it is and how to fix it.
    insta::assert_snapshot!(
        "examples_csv_findings",
        read(dir.path(), "out/findings.csv")
    );
    assert_eq!(column(&summary, 4), ["99.87", "80.00"]);
    assert_eq!(column(&summary, 5), ["优", "良"]);
    // The per-project JSON is the engine's: the same scores as from TOML.
    let json: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "out/C2019.json")).expect("json");
    assert_eq!(json["total"], "99.87");
    assert_eq!(json["project"]["source"], "自评表.csv");
    assert_eq!(json["project"]["rows"], serde_json::json!([2, 6]));
}

/// A quote inside an unquoted field is text, as a spreadsheet reads it,
/// and the rows after it are rows (an odd one would open a quoted field
/// for simd-csv, up to the next quote rows later): the fast CSV parser hands such a file
/// to the csv crate (`batch/csvfile/parser.rs`), quoted fields before and
/// after it included, with either line end.
#[test]
fn a_quote_inside_a_field_is_text_and_the_rows_after_it_are_read() {
    let plain = examples_csv();
    let quoted = plain
        .replace(
            "不超过年度预算,≤87.65万元,86.54万元,25,,25,",
            "不超过年度预算,≤87.65万元,86.54万元,25,,25,按\"三公\"经费口径列支，购24\"显示器",
        )
        .replace("抽检批次减少", "\"抽检批次减少,覆盖企业随之减少\"")
        .replace(
            "检测设备到货推迟两个月",
            "\"检测设备到货推迟两个月（\"\"进口\"\"）\"",
        );
    for (name, text) in [
        ("lf.csv", quoted.clone()),
        ("crlf.csv", quoted.replace('\n', "\r\n")),
    ] {
        let dir = files(&[(name, text.as_bytes())]);
        let run = eval(dir.path(), &[name, "--out", "out", "-f", "json"]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let summary = read(dir.path(), "out/summary.csv");
        assert_eq!(column(&summary, 4), ["99.87", "80.00"], "{name}");
        let json: serde_json::Value =
            serde_json::from_str(&read(dir.path(), "out/U2021.json")).expect("json");
        let reasons: Vec<&str> = json["tree"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|n| n["children"].as_array().into_iter().flatten())
            .flat_map(|n| n["children"].as_array().into_iter().flatten())
            .filter_map(|n| n["reason"].as_str())
            .collect();
        assert!(
            reasons.contains(&"抽检批次减少,覆盖企业随之减少"),
            "{name}: {reasons:?}"
        );
        assert!(
            reasons.contains(&"检测设备到货推迟两个月（\"进口\"）"),
            "{name}: {reasons:?}"
        );
        let caidian = read(dir.path(), "out/C2019.json");
        assert!(
            caidian.contains(r#"按\"三公\"经费口径列支"#),
            "{name}: {caidian}"
        );
    }
}

#[test]
fn folder_of_data_files_scores_each() {
    let run = pfc(&[
        "eval",
        "cn-self-eval-2020",
        "frameworks/cn-self-eval-2020/examples",
        "--out",
        &tempdir_arg("folder"),
        "-f",
        "md",
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let out = root().join("target/batch-tests/folder");
    let summary = read(&out, "summary.csv");
    insta::assert_snapshot!("folder_summary", summary);
    // The report is the one `pfc eval` writes for the file alone.
    let single = pfc(&[
        "eval",
        "cn-self-eval-2020",
        "frameworks/cn-self-eval-2020/examples/caidian-2019.toml",
        "-f",
        "md",
    ]);
    assert_eq!(read(&out, "caidian-2019.md"), single.stdout);
}

/// The README's batch commands: the bundled examples as a folder of data
/// files, as the CSV a budget system exports, and as that CSV opened and
/// saved by an office suite (`examples/projects.xlsx`, made by LibreOffice
/// Calc, so `100%` cells are numbers in a percent format and amounts are
/// numbers). All three give the same scores, part by part.
#[test]
fn the_bundled_batch_examples_score_alike_from_all_three_inputs() {
    let inputs = [
        "frameworks/cn-self-eval-2020/examples",
        "examples/projects.csv",
        "examples/projects.xlsx",
    ];
    let mut scores = Vec::new();
    for (i, input) in inputs.iter().enumerate() {
        let out = tempdir_arg(&format!("bundled-{i}"));
        let run = pfc(&["eval", "cn-self-eval-2020", input, "--out", &out]);
        assert_eq!(run.code, 0, "{input}: {}", run.transcript());
        assert!(
            run.stdout.contains("scored 2 of 2 projects"),
            "{input}: {}",
            run.transcript()
        );
        let summary = read(&root().join(&out), "summary.csv");
        // 总分, 等级, then the score of each part and the execution rate.
        let figures: Vec<Vec<String>> = (4..=10).map(|n| column(&summary, n)).collect();
        scores.push(figures);
    }
    assert_eq!(scores[0][0], ["99.87", "80.00"]);
    assert_eq!(scores[0][1], ["优", "良"]);
    assert_eq!(scores[0], scores[1], "folder and CSV differ");
    assert_eq!(scores[1], scores[2], "CSV and the workbook differ");
}

/// Points written with `分` (`25分` in 分值, 得分 and 评分, `weight =
/// "10分"` in a data file) are the same points; money with it is not.
#[test]
fn points_written_with_fen_score_as_plain_numbers() {
    let plain = examples_csv();
    let fen = plain
        .replace(",25,,25,", ",25分,,25 分,")
        .replace(",10,7,,", ",10分,7分,,")
        .replace(",15,,,", ",15分,,,");
    assert_ne!(plain, fen);
    let caidian = std::fs::read_to_string(
        root().join("frameworks/cn-self-eval-2020/examples/caidian-2019.toml"),
    )
    .expect("example");
    let caidian_fen = caidian.replace(
        "weight = 25\nclaimed_score = 25",
        "weight = \"25分\"\nclaimed_score = \"25分\"",
    );
    assert_ne!(caidian, caidian_fen);
    let money = plain.replace(",186.8,87.65,86.54,", ",186.8,87.65分,86.54,");
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("fen.csv", fen.as_bytes()),
        ("money.csv", money.as_bytes()),
        ("plain/caidian.toml", caidian.as_bytes()),
        ("fen/caidian.toml", caidian_fen.as_bytes()),
    ]);
    for input in ["plain.csv", "fen.csv", "plain", "fen"] {
        batch(dir.path(), input, 0);
    }
    let at = |out: &str| figures(dir.path(), out);
    assert_eq!(at("out-plain.csv"), at("out-fen.csv"), "CSV");
    assert_eq!(at("out-plain"), at("out-fen"), "data files");
    assert_eq!(
        read(dir.path(), "out-plain.csv/findings.csv").replace("plain.csv", "fen.csv"),
        read(dir.path(), "out-fen.csv/findings.csv"),
        "no claimed score is taken as differing"
    );
    // Money with 分 is no amount: under --strict it fails the project (as
    // submitted, the execution rate that needs it is not judged).
    let run = eval(
        dir.path(),
        &["money.csv", "--out", "out-money.csv", "--strict"],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(
        run.stdout.contains("87.65分") || run.stderr.contains("87.65分"),
        "{}",
        run.transcript()
    );
}

/// A folder batch reads the data files directly in the folder, and says
/// which spreadsheets and sub-folders of projects it leaves; a folder of
/// spreadsheets only is an error that lists them.
#[test]
fn projects_a_folder_batch_does_not_read_are_named() {
    let caidian =
        std::fs::read(root().join("frameworks/cn-self-eval-2020/examples/caidian-2019.toml"))
            .expect("example");
    let csv = examples_csv();
    let dir = files(&[
        ("projects/caidian.toml", &caidian),
        ("projects/自评表.csv", csv.as_bytes()),
        ("projects/旧表.xls", b"\xD0\xCF"),
        ("projects/README.md", b"notes"),
        ("projects/framework.pf", b"// beside the projects"),
        ("projects/2020/a.toml", &caidian),
        ("projects/2020/b.json", b"{}"),
        ("projects/results/summary.csv", b""),
        ("projects/results/a.json", b"{}"),
        ("sheets/自评表.csv", csv.as_bytes()),
    ]);
    let run = eval(dir.path(), &["projects", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    insta::assert_snapshot!("folder_not_read", run.transcript());
    assert_eq!(column(&read(dir.path(), "out/summary.csv"), 0), ["caidian"]);
    let run = eval(dir.path(), &["sheets", "--out", "out2"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("folder_of_sheets", run.transcript());
}

/// A fresh folder under `target/` (relative to the repository root, so
/// that printed paths are stable).
fn tempdir_arg(name: &str) -> String {
    let rel = format!("target/batch-tests/{name}");
    let _ = std::fs::remove_dir_all(root().join(&rel));
    rel
}

#[test]
fn excel_and_csv_and_gbk_give_the_same_summary() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (file, extra) in [
        ("g.csv", &[][..]),
        ("g.xlsx", &[][..]),
        ("gbk.csv", &["--encoding", "gbk"][..]),
    ] {
        let mut args = vec![
            "generate",
            file,
            "-n",
            "40",
            "--malformed",
            "0.1",
            "--seed",
            "5",
        ];
        args.extend(extra);
        let run = pfc_in(dir.path(), &args);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    let gbk = std::fs::read(dir.path().join("gbk.csv")).expect("gbk");
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the GBK file is not UTF-8"
    );
    let mut summaries = Vec::new();
    for (file, out) in [("g.csv", "a"), ("g.xlsx", "b"), ("gbk.csv", "c")] {
        let run = eval(dir.path(), &[file, "--out", out]);
        assert_eq!(run.code, 1, "malformed projects fail: {}", run.transcript());
        let summary = read(dir.path(), &format!("{out}/summary.csv"));
        // All but the 来源 column, which names the file.
        let rows: Vec<String> = summary
            .lines()
            .map(|l| {
                let mut cells: Vec<&str> = l.split(',').collect();
                cells.remove(3);
                cells.join(",")
            })
            .collect();
        summaries.push(rows);
    }
    assert_eq!(summaries[0].len(), 41);
    assert_eq!(summaries[0], summaries[1], "csv and xlsx differ");
    assert_eq!(summaries[0], summaries[2], "utf-8 and gbk differ");
}

#[test]
fn gbk_csv_made_here_is_detected_and_wrong_encoding_is_an_error() {
    let csv = examples_csv();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&csv);
    assert!(!unmappable);
    let dir = files(&[("gbk.csv", &gbk), ("utf8.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["gbk.csv", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        column(&read(dir.path(), "out/summary.csv"), 4),
        ["99.87", "80.00"]
    );
    // Named wrongly: an error naming the byte offset and the row; nothing written.
    let run = eval(
        dir.path(),
        &["gbk.csv", "--out", "bad", "--encoding", "utf-8"],
    );
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("gbk_named_utf8", run.transcript());
    assert!(!dir.path().join("bad/summary.csv").exists());
    // A UTF-8 file with a BOM reads the same.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(csv.as_bytes());
    std::fs::write(dir.path().join("bom.csv"), bom).expect("write");
    let run = eval(dir.path(), &["bom.csv", "--out", "bom"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
}

#[test]
fn a_row_that_is_neither_utf8_nor_gbk_fails_its_project_only() {
    let mut bytes = examples_csv().into_bytes();
    // Spoil one byte of the second project's fourth row (a lone 0xFF is
    // invalid in UTF-8 and in GBK). The file is small: detection sees the
    // byte and names its offset and row before anything is read.
    let at = find(&bytes, "检测设备采购成本".as_bytes()).expect("row");
    bytes[at] = 0xFF;
    let dir = files(&[("x.csv", &bytes)]);
    let run = eval(dir.path(), &["x.csv", "--out", "out"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("undecodable_small_file", run.transcript());
    // Past the part used for detection, the bad row fails its project only.
    let mut big = examples_csv().into_bytes();
    let mut filler = String::new();
    let mut i = 0;
    while filler.len() < 70_000 {
        i += 1;
        filler.push_str(&format!(
            "F{i:05},补足项目,,某单位,2021,100,100,100,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,\n,,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,\n,,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,\n"
        ));
    }
    let header_end = find(&big, b"\n").expect("header") + 1;
    big.splice(header_end..header_end, filler.into_bytes());
    let at = find(&big, "检测设备采购成本".as_bytes()).expect("row");
    big[at] = 0xFF;
    let dir = files(&[("big.csv", &big)]);
    let run = eval(dir.path(), &["big.csv", "--out", "out"]);
    assert_exit_saying(&run, 1, "is not UTF-8: byte 0xFF at offset");
    let summary = read(dir.path(), "out/summary.csv");
    let totals = column(&summary, 4);
    assert_eq!(totals.len(), i + 2);
    assert_eq!(totals[i], "99.87", "the project before is scored");
    assert_eq!(totals[i + 1], "", "the project with the bad row is not");
}

#[test]
fn an_undecodable_byte_is_named_in_the_column_pfc_reads() {
    // A first column pfc does not read (备注), and 70 kB of other projects
    // so that detection does not see the spoiled row.
    let mut csv = String::new();
    for (i, line) in examples_csv().lines().enumerate() {
        csv.push_str(if i == 0 { "备注," } else { "说明," });
        csv.push_str(line);
        csv.push('\n');
        if i == 0 {
            for k in 0..900 {
                csv.push_str(&format!(
                    "说明,F{k:05},补足项目,,某单位,2021,100,100,100,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,\n说明,,,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,\n说明,,,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,\n"
                ));
            }
        }
    }
    let mut bytes = csv.into_bytes();
    let row = find(&bytes, "检测设备采购成本".as_bytes()).expect("row");
    let line_start = bytes[..row]
        .iter()
        .rposition(|b| *b == b'\n')
        .expect("line")
        + 1;
    // Only the unread column spoiled: every project is scored.
    bytes[line_start] = 0xFF;
    let dir = files(&[("note.csv", &bytes)]);
    let run = eval(dir.path(), &["note.csv", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    // Then a read column too: the error names its byte and column, not the
    // earlier bad byte of the unread one.
    bytes[row] = 0xFF;
    let rows_before = bytes[..row].iter().filter(|b| **b == b'\n').count();
    let dir = files(&[("both.csv", &bytes)]);
    let run = eval(dir.path(), &["both.csv", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let expected = format!(
        "row {} is not UTF-8: byte 0xFF at offset {row} cannot be read",
        rows_before + 1
    );
    assert!(run.stderr.contains(&expected), "{expected}\n{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "both.csv: row {}, column 三级指标",
            rows_before + 1
        )),
        "{}",
        run.stderr
    );
}

/// The run ended with exit code `code`, saying `text` on standard error.
#[track_caller]
fn assert_exit_saying(run: &Run, code: i32, text: &str) {
    assert_eq!(run.code, code, "{}", run.transcript());
    assert!(run.stderr.contains(text), "{}", run.stderr);
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[test]
fn bad_rows_fail_their_project_with_file_row_and_column() {
    let p = ",,,,,,,,";
    let csv = [
        HEADER.to_owned(),
        // Weight not a number.
        "A1,甲项目,,甲单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,五十,,,"
            .to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,"),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // Scored.
        "B2,乙项目,,乙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,"),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // A target that cannot be read, and a budget that differs between rows.
        "C3,丙项目,,丙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥,100人次,50,,,".to_owned(),
        "C3,丙项目,,丙单位,2021,100,120,90,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,".to_owned(),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // No 全年预算数 at all.
        "D4,丁项目,,丁单位,2021,,,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,".to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,"),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // B2 again, after other projects.
        "B2,乙项目,,乙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
    ]
    .join("\n");
    let dir = files(&[("bad.csv", csv.as_bytes())]);
    // Under --strict, each of these rows fails its project.
    let run = eval(dir.path(), &["bad.csv", "--out", "out", "--strict"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("bad_rows", run.transcript());
    // The errors of the projects that failed, one row each.
    insta::assert_snapshot!("bad_rows_findings", read(dir.path(), "out/findings.csv"));
    let summary = read(dir.path(), "out/summary.csv");
    assert_eq!(column(&summary, 0), ["A1", "B2", "C3", "D4", "B2"]);
    assert_eq!(column(&summary, 4), ["", "99.00", "", "", ""]);
}

/// The 其中 rows of the funds block, from three figures a source.
#[test]
fn funds_by_source_fill_the_funds_block() {
    // 上年结转 under an alias; 其他资金 under a header a mapping file
    // names; 当年财政拨款 given on the second row only, after 其他资金.
    let csv = [
        "项目编号,年度,全年预算数,全年执行数,财政拨款年初预算数,当年财政拨款全年预算数,财政拨款全年执行数,上年结转资金全年预算数,上年结转资金全年执行数,其他,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值",
        "A1,2021,125,119.6,,,,20,18,5,产出指标,数量指标,培训人次,≥100人次,100人次,50",
        "A1,2021,125,119.6,90,100,96.6,20,18,5,效益指标,社会效益指标,覆盖率,≥90%,90%,30",
        ",,,,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10",
        "B2,2021,100,100,,,,,,,产出指标,数量指标,培训人次,≥100人次,100人次,50",
        ",,,,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30",
        ",,,,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10",
    ]
    .join("\n");
    let dir = files(&[
        ("funds.csv", csv.as_bytes()),
        ("map.toml", "\"其他资金全年预算数\" = \"其他\"\n".as_bytes()),
    ]);
    let run = eval(
        dir.path(),
        &[
            "funds.csv",
            "--out",
            "out",
            "--columns",
            "map.toml",
            "-f",
            "json",
            "-f",
            "md",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let json: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "out/A1.json")).expect("json");
    let rows: Vec<String> = json["funds"]
        .as_array()
        .expect("funds")
        .iter()
        .map(|r| {
            let cell = |k: &str| r[k].as_str().unwrap_or("—").to_owned();
            [
                cell("name"),
                cell("initial"),
                cell("budget"),
                cell("executed"),
            ]
            .join(" ")
        })
        .collect();
    assert_eq!(
        rows,
        [
            "年度资金总额 — 125万元 119.6万元",
            "当年财政拨款 90万元 100万元 96.6万元",
            "上年结转资金 — 20万元 18万元",
            "其他资金 — 5万元 —",
        ]
    );
    let md = read(dir.path(), "out/A1.md");
    assert!(
        md.contains(r#"<td colspan="2">其中：上年结转资金</td><td align="center"></td><td align="center">20.00</td><td align="center">18.00</td><td align="center">—</td><td align="center">90.00%</td>"#),
        "{md}"
    );
    // A project with no source cells has no 其中 rows.
    let json: serde_json::Value =
        serde_json::from_str(&read(dir.path(), "out/B2.json")).expect("json");
    assert_eq!(json["funds"].as_array().map(Vec::len), Some(1));
}

#[test]
fn a_source_figure_that_differs_or_is_not_a_number_fails_its_project() {
    let header = "项目编号,年度,全年预算数,全年执行数,财政拨款全年预算数,财政拨款全年执行数,上年结转全年预算数,上年结转全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值";
    let csv = [
        header,
        // 上年结转全年执行数 differs on the next row.
        "A1,2021,120,114.6,100,96.6,20,18,产出指标,数量指标,培训人次,≥100人次,100人次,50",
        "A1,2021,120,114.6,100,96.6,20,19,效益指标,社会效益指标,覆盖率,≥90%,90%,30",
        ",,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10",
        // 财政拨款全年预算数 is not a number.
        "B2,2021,120,114.6,一百,96.6,,,产出指标,数量指标,培训人次,≥100人次,100人次,50",
        ",,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30",
        ",,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10",
    ];
    let dir = files(&[("funds.csv", csv.join("\n").as_bytes())]);
    // Under --strict, as before: a figure that cannot be read fails its project.
    let run = eval(dir.path(), &["funds.csv", "--out", "out", "--strict"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("bad_source_figures", run.transcript());
    assert_eq!(column(&read(dir.path(), "out/summary.csv"), 4), ["", ""]);
}

#[test]
fn fail_fast_stops_at_the_first_failure_and_writes_no_summary() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = pfc_in(
        dir.path(),
        &["generate", "g.csv", "-n", "2000", "--malformed", "0.01"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = eval(
        dir.path(),
        &["g.csv", "--out", "out", "--fail-fast", "-f", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("--fail-fast"), "{}", run.stderr);
    let names = listing(&dir.path().join("out"));
    assert!(!names.iter().any(|n| n.starts_with("summary")), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with(".pfc-")), "{names:?}");
    // Reports of the projects before the failure are complete files; none
    // after it.
    assert!(names.iter().all(|n| n.ends_with(".json")), "{names:?}");
    assert!(names.len() < 2000, "stopped early: {} reports", names.len());
    for (i, name) in names.iter().enumerate() {
        assert_eq!(*name, format!("P{:07}.json", i + 1), "in order, no gap");
    }
}

/// Ctrl-C in the middle of a batch: the run stops, says so, removes its
/// temporary files and writes no summary; the reports written are complete.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_batch_and_leaves_no_temporary_file() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().expect("temp dir");
    // Enough projects that the run is still going when the first reports
    // are there (a debug build takes seconds over them).
    let run = pfc_in(
        dir.path(),
        &["generate", "g.csv", "-n", "20000", "--malformed", "0"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let child = Command::new(env!("CARGO_BIN_EXE_pfc"))
        .current_dir(dir.path())
        .args(["--color", "never", "eval", "cn-self-eval-2020", "g.csv"])
        .args(["--out", "out", "-f", "md"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pfc runs");
    let out = dir.path().join("out");
    let started = std::time::Instant::now();
    while !listing(&out).iter().any(|n| n.ends_with(".md")) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(120),
            "no report after two minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let output = child.wait_with_output().expect("pfc ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(130), "{stderr}");
    let names = listing(&out);
    assert!(!names.iter().any(|n| n.starts_with(".pfc-")), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("summary")), "{names:?}");
    assert!(
        names.len() < 20000,
        "stopped early: {} reports",
        names.len()
    );
    // The reports are those of the first projects, in order, each whole.
    for (i, name) in names.iter().enumerate() {
        assert_eq!(*name, format!("P{:07}.md", i + 1), "in order, no gap");
    }
    let last = read(&out, names.last().expect("a report"));
    assert!(last.ends_with("</table>\n"), "a whole report: {last}");
    assert!(
        stderr.contains(&format!(
            "error: interrupted after {} projects were scored; no summary was written; the reports written are complete",
            names.len()
        )),
        "{stderr}"
    );
}

#[test]
fn output_is_the_same_whatever_the_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = pfc_in(
        dir.path(),
        &[
            "generate",
            "g.csv",
            "-n",
            "1500",
            "--malformed",
            "0.02",
            "--seed",
            "9",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let one = eval(
        dir.path(),
        &["g.csv", "--out", "one", "-j", "1", "-f", "text"],
    );
    let two = eval(
        dir.path(),
        &["g.csv", "--out", "two", "-j", "2", "-f", "text"],
    );
    assert_eq!(one.code, 1);
    assert_eq!(
        one.stdout.replace("one/", ""),
        two.stdout.replace("two/", "")
    );
    assert_eq!(one.stderr, two.stderr);
    for name in ["summary.csv", "summary.xlsx", "P0000777.txt"] {
        let a = std::fs::read(dir.path().join("one").join(name)).expect("one");
        let b = std::fs::read(dir.path().join("two").join(name)).expect("two");
        assert!(a == b, "{name} differs between 1 and 2 threads");
    }
    // Without reports the engine builds no explanations (`Detail::Scores`):
    // the summary and every error must be the same as with them.
    let lean = eval(dir.path(), &["g.csv", "--out", "lean", "-j", "2"]);
    assert_eq!(lean.stderr, one.stderr);
    assert_eq!(
        read(dir.path(), "lean/summary.csv"),
        read(dir.path(), "one/summary.csv")
    );
}

/// Every bundled example scores the same in a summary-only batch (no
/// explanations built) as with a report per project.
#[test]
fn summary_only_batches_score_every_example_as_with_reports() {
    for fw in [
        "cn-self-eval-2020",
        "cn-project-eval-2020",
        "cn-dept-overall",
        "hubei-self-eval",
        "us-omb-part",
    ] {
        let examples = format!("frameworks/{fw}/examples");
        let lean_dir = tempdir_arg(&format!("lean-{fw}"));
        let full_dir = tempdir_arg(&format!("full-{fw}"));
        let lean = pfc(&["eval", fw, &examples, "--out", &lean_dir]);
        let full = pfc(&["eval", fw, &examples, "--out", &full_dir, "-f", "json"]);
        assert_eq!(lean.code, full.code, "{fw}: {}", lean.transcript());
        assert_eq!(lean.stderr, full.stderr, "{fw}");
        let out = root().join("target/batch-tests");
        let summary = |d: &str| read(&out, &format!("{d}/summary.csv"));
        let (a, b) = (
            summary(&format!("lean-{fw}")),
            summary(&format!("full-{fw}")),
        );
        assert_eq!(a, b, "{fw}");
        assert!(a.lines().count() >= 3, "{fw}: every example scored:\n{a}");
    }
}

#[test]
fn a_file_that_cannot_be_read_writes_nothing() {
    let csv = "项目编号,一级指标,三级指标,年度指标,实际完成值,分值\nA,产出指标,x,≥1个,1个,10\n";
    let dir = files(&[("cols.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["cols.csv", "--out", "out"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("missing_column", run.transcript());
    assert!(!dir.path().join("out").exists(), "nothing written");
    // A mapping file names the column.
    std::fs::write(
        dir.path().join("map.toml"),
        "\"年度指标值\" = \"年度指标\"\n",
    )
    .expect("write");
    let run = eval(
        dir.path(),
        &["cols.csv", "--out", "out", "--columns", "map.toml"],
    );
    // As submitted, the missing 全年预算数 keeps only the execution rate
    // from being judged: the project is judged in part, and findings.csv
    // says which column to add.
    assert_eq!(run.code, 0, "{}", run.transcript());
    let findings = read(dir.path(), "out/findings.csv");
    assert!(
        findings.contains("PF3003") && findings.contains("全年预算数"),
        "{findings}"
    );
    let strict = eval(
        dir.path(),
        &[
            "cols.csv",
            "--out",
            "out2",
            "--columns",
            "map.toml",
            "--strict",
        ],
    );
    assert!(
        strict
            .stderr
            .contains("the file has no column `全年预算数`"),
        "{}",
        strict.transcript()
    );
}

/// Mistakes in a column mapping are shown at their line and column in it,
/// and nothing is written.
#[test]
fn a_column_mapping_mistake_is_shown_where_it_is() {
    let dir = files(&[("g.csv", examples_csv().as_bytes())]);
    let mappings = [
        ("syntax", "项目编号 = \"编号\"\n"),
        (
            "unknown",
            "\"年度指标值\" = \"目标值\"\n\"三级指\" = \"指标\"\n",
        ),
        ("not_text", "\"项目编号\" = 3\n"),
        (
            "twice",
            "\"项目编号\" = \"编号\"\n\"项目代码\" = \"代码\"\n",
        ),
    ];
    for (name, mapping) in mappings {
        std::fs::write(dir.path().join("map.toml"), mapping).expect("write");
        let run = eval(
            dir.path(),
            &["g.csv", "--out", "out", "--columns", "map.toml"],
        );
        assert_eq!(run.code, 1, "{}", run.transcript());
        insta::assert_snapshot!(format!("mapping_{name}"), run.transcript());
        assert!(!dir.path().join("out").exists(), "nothing written");
    }
}

/// `--out` naming a file: said so, and the file is left as it was.
#[test]
fn out_naming_a_file_is_refused_and_the_file_kept() {
    let dir = files(&[
        ("g.csv", examples_csv().as_bytes()),
        ("results", b"not a folder"),
    ]);
    let run = eval(dir.path(), &["g.csv", "--out", "results"]);
    assert_exit_saying(
        &run,
        1,
        "`results` is a file: `--out` names the folder the reports and the summary go to",
    );
    assert_eq!(read(dir.path(), "results"), "not a folder");
}

/// A row with more or fewer fields than the header (a line break or a
/// comma inside a field that is not in quotes) fails its project, saying
/// so before what its misplaced cells would give; empty fields past the
/// header's are harmless.
#[test]
fn a_row_split_by_a_line_break_or_a_comma_fails_its_project() {
    let good = examples_csv();
    let broken = good.replace("促进质量提升，保障", "促进质量提升，\n保障");
    let comma = good.replace("≥300家", "≥1,300家");
    assert!(broken != good && comma != good);
    let padded = good.replace('\n', ",,,\n");
    let dir = files(&[
        ("good.csv", good.as_bytes()),
        ("broken.csv", broken.as_bytes()),
        ("comma.csv", comma.as_bytes()),
        ("padded.csv", padded.as_bytes()),
    ]);
    let run = eval(dir.path(), &["broken.csv", "--out", "broken"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("row_cut_by_a_line_break", run.transcript());
    let run = eval(dir.path(), &["comma.csv", "--out", "comma"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("row_split_by_a_comma", run.transcript());
    assert_eq!(
        column(&read(dir.path(), "comma/summary.csv"), 0),
        ["C2019", "U2021"]
    );
    for name in ["good", "padded"] {
        let run = eval(dir.path(), &[&format!("{name}.csv"), "--out", name]);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    assert_eq!(
        read(dir.path(), "padded/summary.csv").replace("padded.csv", "good.csv"),
        read(dir.path(), "good/summary.csv")
    );
}

/// A title and a line saying the unit above the header are passed over,
/// in CSV and in a workbook, and the rows keep their spreadsheet numbers.
#[test]
fn a_title_above_the_header_is_passed_over() {
    let plain = examples_csv().replace(",≥98%,99%,10,", ",≥98%,99%,十,");
    let titled = format!("2023年度项目支出绩效自评汇总表,,,\n单位：万元\n{plain}");
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &titled, &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let misspelt = titled.replacen("项目编号", "项目编码x", 1);
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("titled.csv", titled.as_bytes()),
        ("titled.xlsx", &xlsx),
        ("misspelt.csv", misspelt.as_bytes()),
    ]);
    let run = eval(dir.path(), &["plain.csv", "--out", "plain"]);
    assert_exit_saying(&run, 1, "in: plain.csv: row 8, column 分值");
    for name in ["titled.csv", "titled.xlsx"] {
        let out = name.replace('.', "-");
        let run = eval(dir.path(), &[name, "--out", &out]);
        assert_exit_saying(&run, 1, &format!("in: {name}: row 10, column 分值"));
        assert_eq!(
            column(&read(dir.path(), &format!("{out}/summary.csv")), 0),
            ["C2019", "U2021"]
        );
    }
    // A header with a misspelt column is still the one the error is about.
    let run = eval(dir.path(), &["misspelt.csv", "--out", "misspelt"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("header_below_a_title_misspelt", run.transcript());
}

/// A "CSV" separated by tabs or semicolons is named as such, not reported
/// as missing every column.
#[test]
fn a_file_separated_by_tabs_is_named() {
    let tabs = examples_csv().replace(',', "\t");
    let dir = files(&[("tabs.csv", tabs.as_bytes())]);
    let run = eval(dir.path(), &["tabs.csv", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("separated_by_tabs", run.transcript());
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// The 自评表's header in two rows (项目资金 over 年初预算数, 全年预算数,
/// 全年执行数), from CSV and from a workbook, reads as the one-row header.
#[test]
fn a_header_in_two_rows_is_read_as_one() {
    let plain = examples_csv();
    let two_rows = plain.replacen("年初预算数,全年预算数,全年执行数", "项目资金,,", 1);
    let (top, data) = two_rows.split_once('\n').expect("header");
    let two_rows = format!("{top}\n,,,,,年初预算数,全年预算数,全年执行数,,,,,,,,,\n{data}");
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &two_rows, &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("two.csv", two_rows.as_bytes()),
        ("two.xlsx", &xlsx),
    ]);
    let run = eval(dir.path(), &["plain.csv", "--out", "plain"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    for name in ["two.csv", "two.xlsx"] {
        let out = name.replace('.', "-");
        let run = eval(dir.path(), &[name, "--out", &out]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        // The same scores, and rows numbered one on.
        let summary = read(dir.path(), &format!("{out}/summary.csv"));
        assert_eq!(
            summary
                .replace(name, "plain.csv")
                .replace("第 3–7 行", "第 2–6 行")
                .replace("第 8–14 行", "第 7–13 行"),
            read(dir.path(), "plain/summary.csv"),
            "{name}"
        );
    }
}

/// The 自评表 merges the cells of a group, and a merged cell's text is in
/// its first row only: a row with neither 一级 nor 二级 指标 is in the
/// group of the row above it (from CSV and from a workbook).
#[test]
fn a_row_under_merged_group_cells_is_in_the_group_above() {
    let p = "U2021,食品安全抽检能力提升项目,某区市场监督管理局,某区食品药品检验检测中心,2021,200,200,150";
    // One indicator of 15 points split in two rows of the same group, the
    // second with its group cells empty, as merged.
    let whole = format!(
        "{p},产出指标,数量指标,完成食品安全抽检批次,≥120批次,96批次,15,,,检测设备到货推迟两个月"
    );
    let split = format!(
        "{p},产出指标,数量指标,完成食品安全抽检批次,≥120批次,96批次,10,,,检测设备到货推迟两个月\n\
         ,,,,,,,,,,完成农产品抽检批次,≥120批次,96批次,5,,,检测设备到货推迟两个月"
    );
    let merged = examples_csv().replace(&whole, &split);
    assert_ne!(merged, examples_csv());
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &merged, &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let dir = files(&[("merged.csv", merged.as_bytes()), ("merged.xlsx", &xlsx)]);
    for name in ["merged.csv", "merged.xlsx"] {
        let out = name.replace('.', "-");
        let run = eval(dir.path(), &[name, "--out", &out, "-f", "json"]);
        assert_eq!(run.code, 0, "{}", run.transcript());
        let summary = read(dir.path(), &format!("{out}/summary.csv"));
        assert_eq!(column(&summary, 4), ["99.87", "80.00"], "{name}");
        assert_eq!(column(&summary, 7), ["50.00", "43.17"], "{name}");
        let report = read(dir.path(), &format!("{out}/U2021.json"));
        assert!(report.contains("完成农产品抽检批次"), "{name}");
    }
}

/// Headers with a note in brackets (`年度指标值（A）`) are found, and a
/// unit in the funds columns' notes (`全年预算数（元）`) is the unit of
/// their amounts; a 资金单位 cell that says otherwise fails its project.
#[test]
fn headers_with_a_note_in_brackets_are_found_and_their_unit_read() {
    let plain = examples_csv();
    let in_yuan = plain
        .replacen(
            "年初预算数,全年预算数,全年执行数",
            "年初预算数（元）,全年预算数（元）,全年执行数（元）",
            1,
        )
        .replacen(
            "年度指标值,实际完成值",
            "年度指标值（A）,实际完成值（B）",
            1,
        )
        .replace(",186.8,87.65,86.54,", ",1868000,876500,865400,")
        .replace(",200,200,150,", ",2000000,2000000,1500000,");
    let with_unit = in_yuan
        .replacen("项目编号,", "资金单位,项目编号,", 1)
        .replace("\nC2019,", "\n万元,C2019,")
        .replace("\n,", "\n,,")
        .replace("\nU2021,", "\n,U2021,");
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("yuan.csv", in_yuan.as_bytes()),
        ("unit.csv", with_unit.as_bytes()),
    ]);
    for name in ["plain", "yuan"] {
        let run = eval(dir.path(), &[&format!("{name}.csv"), "--out", name]);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    assert_eq!(
        read(dir.path(), "yuan/summary.csv").replace("yuan.csv", "plain.csv"),
        read(dir.path(), "plain/summary.csv")
    );
    let run = eval(dir.path(), &["unit.csv", "--out", "unit"]);
    assert_exit_saying(
        &run,
        1,
        "`资金单位` gives `万元`, which differs from the unit of the funds columns, `元`",
    );
    assert_eq!(
        column(&read(dir.path(), "unit/summary.csv"), 4),
        ["", "80.00"]
    );
}

/// A workbook laid out as an office fills in the 自评表: a title and a unit
/// line, the header in two rows with notes (`项目资金（万元）` merged over
/// the funds columns, `年度指标值（A）`), a row numbering the columns
/// (`栏次 1 2 …`), project and group cells merged down their rows, a 合计
/// row under each project. It scores as the plain export does.
#[test]
fn an_office_workbook_with_merged_cells_scores_as_the_plain_export() {
    use rust_xlsxwriter::{Format, Workbook};
    let plain = examples_csv();
    let mut grid: Vec<Vec<String>> = plain
        .lines()
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    let width = grid[0].len();
    // The header in two rows.
    let mut sub = vec![String::new(); width];
    for c in 5..8 {
        sub[c] = std::mem::take(&mut grid[0][c]);
    }
    grid[0][5] = "项目资金（万元）".to_owned();
    grid[0][11] = "年度指标值（A）".to_owned();
    grid[0][12] = "实际完成值（B）".to_owned();
    // A total row under each project, with the total the table gives.
    let total = |score: &str| {
        let mut row = vec![String::new(); width];
        row[8] = "合  计".to_owned();
        row[13] = "100".to_owned();
        row[15] = score.to_owned();
        row
    };
    grid.insert(6, total("99.87"));
    grid.push(total("80"));
    // Cells equal to the one above in the same project, left empty as
    // merged cells leave them, and the merges to make: project fields,
    // 一级 and 二级 指标.
    let mut merges = Vec::new();
    for c in 0..10 {
        let mut start = 1;
        for r in 2..=grid.len() {
            let same = r < grid.len()
                && !grid[r][c].is_empty()
                && grid[r][c] == grid[start][c]
                && (grid[r][0] == grid[start][0] || grid[r][0].is_empty());
            if same {
                continue;
            }
            if r - start > 1 {
                merges.push((start, c, r - 1, grid[start][c].clone()));
                for row in grid.iter_mut().take(r).skip(start + 1) {
                    row[c].clear();
                }
            }
            start = r;
        }
    }
    assert!(merges.len() > 5, "{merges:?}");
    let mut lines = vec![
        "2023年度项目支出绩效自评汇总表".to_owned(),
        "单位：万元".to_owned(),
        grid[0].join(","),
        sub.join(","),
        std::iter::once("栏次".to_owned())
            .chain((1..width).map(|n| n.to_string()))
            .collect::<Vec<_>>()
            .join(","),
    ];
    lines.extend(grid[1..].iter().map(|r| r.join(",")));
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    fill_sheet(sheet, &lines.join("\n"), &[]);
    let format = Format::new();
    let last = u16::try_from(width - 1).expect("columns");
    sheet
        .merge_range(0, 0, 0, last, "2023年度项目支出绩效自评汇总表", &format)
        .expect("merge");
    sheet
        .merge_range(2, 5, 2, 7, "项目资金（万元）", &format)
        .expect("merge");
    for (first, c, last, text) in merges {
        // Rows 4 on in the sheet; merged numbers are written back over the
        // first cell, as Excel keeps them.
        let (first, last) = (
            u32::try_from(first + 4).expect("row"),
            u32::try_from(last + 4).expect("row"),
        );
        let c = u16::try_from(c).expect("column");
        sheet
            .merge_range(first, c, last, c, "", &format)
            .expect("merge");
        match text.parse::<f64>() {
            Ok(n) => sheet.write_number(first, c, n),
            Err(_) => sheet.write_string(first, c, &text),
        }
        .expect("write");
    }
    let xlsx = book.save_to_buffer().expect("xlsx");
    let dir = files(&[("plain.csv", plain.as_bytes()), ("自评表.xlsx", &xlsx)]);
    batch(dir.path(), "plain.csv", 0);
    batch(dir.path(), "自评表.xlsx", 0);
    assert_eq!(
        figures(dir.path(), "out-自评表.xlsx"),
        figures(dir.path(), "out-plain.csv")
    );
}

/// A 合计 row is the table's claimed total: checked against pfc's (a
/// warning at its 得分 cell when it differs, which says so when the
/// difference is one part left out), and a second total row or a total
/// that is not a number fails the project.
#[test]
fn a_total_row_is_the_total_the_table_claims() {
    let plain = examples_csv();
    let lines: Vec<String> = plain.lines().map(str::to_owned).collect();
    let total = |label: &str, score: &str| format!(",,,,,,,,{label},,,,,100,,{score},");
    let with = |extra: &[(usize, String)]| {
        let mut out = lines.clone();
        for (at, line) in extra.iter().rev() {
            out.insert(*at, line.clone());
        }
        out.join("\n") + "\n"
    };
    let right = with(&[(6, total("合计", "99.87")), (13, total("总分", "80"))]);
    let wrong = with(&[(6, total("总  分", "99.5"))]);
    // The total of the indicators alone, without 预算执行率's 9.87 points.
    let left_out = with(&[(6, total("合计", "90.00"))]);
    let twice = with(&[(6, total("合计", "99.87")), (6, total("合计", "99.87"))]);
    let text = with(&[(6, total("合计", "九十九"))]);
    let dir = files(&[
        ("right.csv", right.as_bytes()),
        ("wrong.csv", wrong.as_bytes()),
        ("left_out.csv", left_out.as_bytes()),
        ("twice.csv", twice.as_bytes()),
        ("text.csv", text.as_bytes()),
        ("plain.csv", plain.as_bytes()),
    ]);
    let run = eval(dir.path(), &["plain.csv", "--out", "plain"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = eval(dir.path(), &["right.csv", "--out", "right"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (right, plain) = (
        read(dir.path(), "right/findings.csv"),
        read(dir.path(), "plain/findings.csv"),
    );
    assert_eq!(
        right.lines().count(),
        plain.lines().count(),
        "a total that agrees adds no finding: {right}"
    );
    assert!(!right.contains("总分为"), "{right}");
    for (input, name) in [
        ("wrong.csv", "total_row_differs"),
        ("left_out.csv", "total_row_leaves_out_a_part"),
    ] {
        let run = pfc_in(
            dir.path(),
            &["eval", "cn-self-eval-2020", input, "--project", "C2019"],
        );
        assert_eq!(run.code, 0, "{}", run.transcript());
        insta::assert_snapshot!(name, run.stderr);
    }
    for input in ["twice.csv", "text.csv"] {
        let run = batch(dir.path(), input, 1);
        insta::assert_snapshot!(format!("total_row_{input}"), run.stderr);
    }
}

/// The examples in the layout of Sichuan's 自评表: the operator in 指标性质,
/// the number in 指标值, the unit in 度量单位, 完成值 a bare number, 权重 for
/// 分值, the funds as 年初预算, 调整后预算数 and 预算执行数. They score as the
/// 自评表's own layout does; an operator that is
/// none, or one that disagrees with the target's own, fails the project.
#[test]
fn operator_and_unit_in_columns_of_their_own_make_the_target() {
    let plain = examples_csv();
    let mut lines = plain.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let (t, a) = (11, 12);
    assert_eq!((header[t], header[a]), ("年度指标值", "实际完成值"));
    let rename = |h: &str| match h {
        "年度指标值" => "指标性质,指标值,度量单位".to_owned(),
        "实际完成值" => "完成值".to_owned(),
        "分值" => "权重".to_owned(),
        "偏差原因分析及改进措施" => "未完成原因分析".to_owned(),
        "年初预算数" => "年初预算".to_owned(),
        "全年预算数" => "调整后预算数".to_owned(),
        "全年执行数" => "预算执行数".to_owned(),
        other => other.to_owned(),
    };
    let mut out = vec![
        header
            .iter()
            .map(|h| rename(h))
            .collect::<Vec<_>>()
            .join(","),
    ];
    for line in lines {
        let mut cells: Vec<String> = line.split(',').map(str::to_owned).collect();
        let target = cells[t].clone();
        let sign: String = target
            .chars()
            .take_while(|c| matches!(c, '≥' | '≤'))
            .collect();
        let rest = &target[sign.len()..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let (number, unit) = rest.split_at(digits);
        let (sign, number, unit, actual) = if number.is_empty() {
            ("定性".to_owned(), rest, "", cells[a].clone())
        } else {
            let actual = cells[a].strip_suffix(unit).unwrap_or(&cells[a]).to_owned();
            (sign, number, unit, actual)
        };
        cells[t] = format!("{sign},{number},{unit}");
        cells[a] = actual;
        out.push(cells.join(","));
    }
    let sichuan = out.join("\n") + "\n";
    assert!(sichuan.contains(",≤,87.65,万元,86.54,25,"), "{sichuan}");
    assert!(sichuan.contains(",定性,按时完成,,部分达成,"), "{sichuan}");
    let disagree = sichuan.replace(",≤,87.65,万元,", ",≥,≤87.65,万元,");
    let unknown = sichuan.replace(",≤,87.65,万元,", ",越低越好,87.65,万元,");
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("sichuan.csv", sichuan.as_bytes()),
        ("disagree.csv", disagree.as_bytes()),
        ("unknown.csv", unknown.as_bytes()),
    ]);
    for input in ["plain.csv", "sichuan.csv"] {
        batch(dir.path(), input, 0);
    }
    assert_eq!(
        figures(dir.path(), "out-plain.csv"),
        figures(dir.path(), "out-sichuan.csv")
    );
    for input in ["disagree.csv", "unknown.csv"] {
        let run = batch(dir.path(), input, 1);
        insta::assert_snapshot!(format!("sign_column_{input}"), run.stderr);
    }
}

/// An export that lists 预算执行率 among the indicator rows: the framework
/// scores it from the funds: under --strict the message says to delete the
/// row rather than offer the framework's groups; as submitted the row is
/// read as the table's claim of that indicator's figures.
#[test]
fn a_row_for_a_leaf_the_framework_scores_is_named_as_such() {
    let plain = examples_csv();
    let mut lines: Vec<&str> = plain.lines().collect();
    lines.insert(2, ",,,,,,,,预算执行率,,预算执行率,100%,98.73%,10,,9.87,");
    let csv = lines.join("\n") + "\n";
    let dir = files(&[("exec.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["exec.csv", "--out", "out", "--strict"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("row_for_a_framework_leaf", run.stderr);
    // As submitted, the row is the table's 执行率 and 得分: re-checked
    // (98.73% and 9.87 follow the rules: nothing to say but the note).
    let run = eval(dir.path(), &["exec.csv", "--out", "out2"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let findings = read(dir.path(), "out2/findings.csv");
    insta::assert_snapshot!("row_for_a_framework_leaf_as_submitted", findings);
}

/// 年度 as tables write it (`2021年度`, `２０２１年`) is the year, the same on
/// every row however it is written; a year that cannot be read is said
/// once for the project, not once for each row that repeats it.
#[test]
fn years_are_read_as_tables_write_them_and_a_bad_one_said_once() {
    let plain = examples_csv();
    let mut written = plain.replacen(",2021,200,200,150,", ",2021年度,200,200,150,", 4);
    written = written.replace(",2021,200,200,150,", ",２０２１年,200,200,150,");
    assert!(!written.contains(",2021,"), "{written}");
    let bad = plain.replace(",2021,200,200,150,", ",二〇二一,200,200,150,");
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("written.csv", written.as_bytes()),
        ("bad.csv", bad.as_bytes()),
    ]);
    for input in ["plain.csv", "written.csv"] {
        batch(dir.path(), input, 0);
    }
    assert_eq!(
        figures(dir.path(), "out-plain.csv"),
        figures(dir.path(), "out-written.csv")
    );
    let run = batch(dir.path(), "bad.csv", 1);
    insta::assert_snapshot!("year_unreadable_said_once", run.stderr);
}

/// The total and grade a submitted table claims, in columns of their own
/// (自评总分, 自评等级, on every row or the first): re-checked as a
/// report's are; a total that is not a number fails the project, once,
/// and so does a total row that says otherwise.
#[test]
fn claimed_total_and_grade_columns_are_rechecked() {
    let plain = examples_csv();
    let with = |caidian: (&str, &str), under: (&str, &str)| {
        let mut out = Vec::new();
        for (i, line) in plain.lines().enumerate() {
            let extra = match (i, line.split(',').next()) {
                (0, _) => "自评总分,自评等级".to_owned(),
                (_, Some("C2019")) => format!("{},{}", caidian.0, caidian.1),
                (_, Some("U2021")) => format!("{},{}", under.0, under.1),
                _ => ",".to_owned(),
            };
            out.push(format!("{line},{extra}"));
        }
        out.join("\n") + "\n"
    };
    let right = with(("99.87", "优"), ("80分", "良"));
    let wrong = with(("99.87", "良"), ("85", "良"));
    let text = with(("九十九", "优"), ("80", "良"));
    let mut rows: Vec<String> = right.lines().map(str::to_owned).collect();
    rows.insert(6, ",,,,,,,,合计,,,,,100,,99,,,".to_owned());
    let both = rows.join("\n") + "\n";
    let dir = files(&[
        ("plain.csv", plain.as_bytes()),
        ("right.csv", right.as_bytes()),
        ("wrong.csv", wrong.as_bytes()),
        ("text.csv", text.as_bytes()),
        ("both.csv", both.as_bytes()),
    ]);
    for input in ["plain.csv", "right.csv", "wrong.csv"] {
        batch(dir.path(), input, 0);
    }
    // The same scores and no more warnings when the claims agree.
    assert_eq!(
        figures(dir.path(), "out-right.csv"),
        figures(dir.path(), "out-plain.csv")
    );
    let findings = read(dir.path(), "out-wrong.csv/findings.csv");
    let claims: Vec<&str> = findings.lines().filter(|l| l.contains("自评表")).collect();
    insta::assert_snapshot!("claimed_columns_differ", claims.join("\n"));
    for input in ["text.csv", "both.csv"] {
        let run = batch(dir.path(), input, 1);
        insta::assert_snapshot!(format!("claimed_columns_{input}"), run.stderr);
    }
}

/// Two columns with the header of a field pfc reads: an error naming both,
/// rather than a guess at which one holds the figures.
#[test]
fn a_header_written_twice_is_named_with_its_columns() {
    let csv = examples_csv().replacen("得分", "分值", 1);
    let dir = files(&[("twice.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["twice.csv", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("header_written_twice", run.transcript());
    assert!(!dir.path().join("out").exists(), "nothing written");
}

/// A header with no rows below it, or only empty ones, is an error as an
/// empty file is (most likely the wrong file or sheet), and writes no
/// summary, nor leaves the folder made for it: from CSV and from a
/// workbook. A folder that was there stays.
#[test]
fn a_header_without_rows_is_an_error_and_writes_no_summary() {
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &format!("{HEADER}\n"), &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let blank = format!("{HEADER}\r\n\r\n,,,,\n");
    let dir = files(&[
        ("header.csv", HEADER.as_bytes()),
        ("blank.csv", blank.as_bytes()),
        ("header.xlsx", &xlsx),
    ]);
    for name in ["header.csv", "blank.csv", "header.xlsx"] {
        let out = format!("out-{name}");
        let run = eval(dir.path(), &[name, "--out", &out]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(
            run.stderr.contains(&format!(
                "`{name}` holds no project: no row below its header"
            )),
            "{}",
            run.transcript()
        );
        assert!(
            !dir.path().join(&out).exists(),
            "{name}: the folder made for the summary is removed"
        );
    }
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let run = eval(dir.path(), &["header.csv", "--out", "out"]);
    insta::assert_snapshot!("header_without_rows", run.transcript());
    assert!(
        dir.path().join("out").is_dir(),
        "a folder that was there stays"
    );
}

/// A workbook in a format pfc does not read (an `.xls` from an older
/// budget system) is named as such, with how to save it, before anything
/// is read or written, with `--out` or without; an `.xlsm` is read as the
/// `.xlsx` it is.
#[test]
fn an_xls_workbook_is_named_and_an_xlsm_is_read() {
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &examples_csv(), &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let dir = files(&[
        (
            "旧系统导出.xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not read".as_slice(),
        ),
        ("宏.xlsm", &xlsx),
    ]);
    let run = eval(dir.path(), &["旧系统导出.xls", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("xls_workbook", run.transcript());
    assert!(!dir.path().join("out").exists(), "nothing written");
    let run = eval(dir.path(), &["旧系统导出.xls"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stderr.contains("Excel 97–2003"), "{}", run.transcript());
    let run = eval(dir.path(), &["宏.xlsm", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        column(&read(dir.path(), "out/summary.csv"), 4),
        ["99.87", "80.00"]
    );
}

/// Input that is not there is said the same way whatever its kind, and
/// with a file of a similar name if there is one; nothing is written (a
/// data file named with `--out` used to give a summary of one failed
/// project).
#[test]
fn a_missing_input_is_named_and_nothing_is_written() {
    let dir = files(&[("自评表.csv", examples_csv().as_bytes())]);
    for name in ["缺.csv", "缺.xlsx", "缺.toml"] {
        let run = eval(dir.path(), &[name, "--out", "out"]);
        assert_eq!(run.code, 1, "{}", run.transcript());
        assert!(
            run.stderr.contains(&format!("`{name}` does not exist")),
            "{}",
            run.transcript()
        );
        assert!(!dir.path().join("out").exists(), "{name}: nothing written");
    }
    let run = eval(dir.path(), &["自评表.cvs", "--project", "C2019"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("missing_input_similar_name", run.transcript());
}

#[test]
fn usage_errors() {
    let dir = files(&[("a.csv", HEADER.as_bytes())]);
    let run = eval(dir.path(), &["a.csv"]);
    assert_eq!(run.code, 2);
    insta::assert_snapshot!("csv_without_out", run.transcript());
    let run = eval(dir.path(), &["a.csv", "--out", "o", "-o", "x.md"]);
    assert_eq!(run.code, 2);
    let run = pfc(&[
        "eval",
        "cn-self-eval-2020",
        "frameworks/cn-self-eval-2020/examples/caidian-2019.toml",
        "-f",
        "md",
        "-f",
        "json",
    ]);
    assert_eq!(run.code, 2);
    let run = pfc_in(dir.path(), &["generate", "x.txt"]);
    assert_eq!(run.code, 2);
    // Options for another kind of input are refused, not ignored.
    let examples = "frameworks/cn-self-eval-2020/examples";
    let caidian = "frameworks/cn-self-eval-2020/examples/caidian-2019.toml";
    let misapplied: Vec<String> = [
        vec![caidian, "--sheet", "自评表"],
        vec![caidian, "--encoding", "gbk"],
        vec![examples, "--out", "target/never", "--columns", "map.toml"],
    ]
    .iter()
    .map(|args| {
        let mut all = vec!["eval", "cn-self-eval-2020"];
        all.extend(args);
        let run = pfc(&all);
        assert_eq!(run.code, 2, "{}", run.transcript());
        run.stderr
    })
    .collect();
    insta::assert_snapshot!("options_for_another_input", misapplied.join("----\n"));
    // More threads than a system starts used to panic; none is nonsense.
    for jobs in ["0", "100000"] {
        let run = eval(dir.path(), &["a.csv", "--out", "o", "-j", jobs]);
        assert_eq!(run.code, 2, "{}", run.transcript());
        assert!(
            run.stderr.contains("a number of threads from 1 to 256"),
            "{}",
            run.transcript()
        );
    }
}

#[test]
fn one_data_file_with_out_is_a_batch_of_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let run = pfc(&[
        "eval",
        "cn-self-eval-2020",
        "frameworks/cn-self-eval-2020/examples/caidian-2019.toml",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(column(&read(&out, "summary.csv"), 4), ["99.87"]);
}

#[test]
fn generated_excel_reads_back_through_calamine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = pfc_in(dir.path(), &["generate", "g.xlsx", "-n", "5", "-m", "4"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let run = eval(dir.path(), &["g.xlsx", "--out", "out", "-f", "xlsx"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    use calamine::Reader as _;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("out/summary.xlsx")).expect("summary.xlsx");
    let range = book.worksheet_range("汇总").expect("sheet");
    assert_eq!(range.height(), 6);
    assert!(dir.path().join("out/P0000005.xlsx").exists());
}

#[test]
fn excel_numbers_and_percent_cells_read_as_shown() {
    use rust_xlsxwriter::Workbook;
    let csv = examples_csv();
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("说明")
        .expect("name")
        .write_string(0, 0, "填表说明")
        .expect("write");
    let sheet = book.add_worksheet();
    sheet.set_name("自评表").expect("name");
    fill_sheet(sheet, &csv, &[11, 12]);
    let bytes = book.save_to_buffer().expect("xlsx");
    let dir = files(&[("自评表.xlsx", &bytes)]);
    // The first sheet is the instructions: it has no 项目编号 column.
    let run = eval(dir.path(), &["自评表.xlsx", "--out", "a"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("has no column `项目编号`"),
        "{}",
        run.stderr
    );
    let run = eval(
        dir.path(),
        &["自评表.xlsx", "--out", "b", "--sheet", "自评表"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    let summary = read(dir.path(), "b/summary.csv");
    assert_eq!(column(&summary, 4), ["99.87", "80.00"]);
    assert_eq!(column(&summary, 10), ["98.73%", "75.00%"]);
    let run = eval(
        dir.path(),
        &["自评表.xlsx", "--out", "c", "--sheet", "汇总"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("has no sheet `汇总`"), "{}", run.stderr);
}

/// A cell whose formula failed (`#DIV/0!`) fails its project, named as
/// Excel shows it.
#[test]
fn an_excel_error_cell_fails_its_project() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    fill_sheet(sheet, &examples_csv(), &[]);
    // 实际完成值 of U2021's second row (spreadsheet row 8), computed by a
    // formula that divided by zero.
    sheet
        .write_formula(
            7,
            12,
            rust_xlsxwriter::Formula::new("=99/0").set_result("#DIV/0!"),
        )
        .expect("formula");
    let xlsx = book.save_to_buffer().expect("xlsx");
    let dir = files(&[("自评表.xlsx", &xlsx)]);
    let run = eval(dir.path(), &["自评表.xlsx", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("excel_error_cell", run.transcript());
    assert_eq!(
        column(&read(dir.path(), "out/summary.csv"), 0),
        ["C2019", "U2021"]
    );
}

/// 年度 in a cell formatted as a date is its year; a date elsewhere is read
/// as Chinese Excel shows it (a deadline), not as its serial number, which
/// used to be scored as a number.
#[test]
fn excel_dates_read_as_shown() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let book_with = |year_as_date: bool| {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        fill_sheet(sheet, &examples_csv(), &[]);
        if year_as_date {
            let date = ExcelDateTime::from_ymd(2019, 1, 1).expect("date");
            sheet
                .write_datetime_with_format(
                    1,
                    4,
                    &date,
                    &Format::new().set_num_format("yyyy\"年\""),
                )
                .expect("date");
        }
        book.save_to_buffer().expect("xlsx")
    };
    let mut dated = book_with(true);
    let plain = book_with(false);
    let dir = files(&[("plain.xlsx", &plain), ("dated.xlsx", &dated)]);
    for name in ["plain", "dated"] {
        let run = eval(dir.path(), &[&format!("{name}.xlsx"), "--out", name]);
        assert_eq!(run.code, 0, "{}", run.transcript());
    }
    assert_eq!(
        read(dir.path(), "dated/summary.csv").replace("dated.xlsx", "plain.xlsx"),
        read(dir.path(), "plain/summary.csv")
    );
    // A target written as a date: the message shows the date.
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    fill_sheet(sheet, &examples_csv(), &[]);
    let date = ExcelDateTime::from_ymd(2021, 6, 30).expect("date");
    sheet
        .write_datetime_with_format(7, 11, &date, &Format::new().set_num_format("yyyy/m/d"))
        .expect("date");
    dated = book.save_to_buffer().expect("xlsx");
    std::fs::write(dir.path().join("deadline.xlsx"), dated).expect("write");
    let run = eval(
        dir.path(),
        &["deadline.xlsx", "--out", "deadline", "--strict"],
    );
    assert_exit_saying(&run, 1, "年度指标值 `2021年6月30日`");
}

/// Write the rows of `csv` into `sheet`: below the header, plain numbers as
/// numbers and, in the columns `percent` (0-based), plain percentages
/// (`85%`) as numbers shown as percentages; the rest as text.
fn fill_sheet(sheet: &mut rust_xlsxwriter::Worksheet, csv: &str, percent: &[u16]) {
    let format = rust_xlsxwriter::Format::new().set_num_format("0%");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_bytes());
    for (row, record) in (0u32..).zip(reader.records()) {
        let record = record.expect("record");
        for (col, cell) in (0u16..).zip(record.iter()) {
            let plain = cell.strip_suffix('%').and_then(|n| n.parse::<f64>().ok());
            if let Some(p) = plain.filter(|_| row > 0 && percent.contains(&col)) {
                sheet.write_number_with_format(row, col, p / 100.0, &format)
            } else if let Some(v) = cell.parse::<f64>().ok().filter(|_| row > 0) {
                sheet.write_number(row, col, v)
            } else {
                sheet.write_string(row, col, cell)
            }
            .expect("write");
        }
    }
}

/// A mapping that reads two fields from one column fills both, from CSV
/// and from Excel alike.
#[test]
fn a_column_mapped_to_two_fields_fills_both() {
    let csv = [
        "项目编号,预算数,全年执行数,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值",
        "A1,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50",
        ",,,效益指标,社会效益指标,覆盖率,≥90%,90%,30",
        ",,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10",
    ]
    .join("\n");
    let mut book = rust_xlsxwriter::Workbook::new();
    fill_sheet(book.add_worksheet(), &csv, &[]);
    let xlsx = book.save_to_buffer().expect("xlsx");
    let map = "\"年初预算数\" = \"预算数\"\n\"全年预算数\" = \"预算数\"\n";
    let dir = files(&[
        ("two.csv", csv.as_bytes()),
        ("two.xlsx", &xlsx),
        ("map.toml", map.as_bytes()),
    ]);
    for (input, out) in [("two.csv", "csv"), ("two.xlsx", "xlsx")] {
        let run = eval(
            dir.path(),
            &[input, "--out", out, "--columns", "map.toml", "-f", "json"],
        );
        assert_eq!(run.code, 0, "{input}: {}", run.transcript());
        let json: serde_json::Value =
            serde_json::from_str(&read(dir.path(), &format!("{out}/A1.json"))).expect("json");
        let total = &json["funds"][0];
        assert_eq!(total["initial"], "100万元", "{input}: {total}");
        assert_eq!(total["budget"], "100万元", "{input}: {total}");
        assert_eq!(total["rate"], "90.00%", "{input}: {total}");
    }
}

#[test]
fn reports_never_overwrite_each_other() {
    // Two data files with the same stem keep their extensions in the id.
    let toml =
        std::fs::read(root().join("frameworks/cn-self-eval-2020/examples/caidian-2019.toml"))
            .expect("example");
    let json = r#"{"year": 2022, "funds": {"budget": 100, "executed": 100}, "indicators": [
        {"path": "产出指标/数量指标", "name": "培训人次", "target": "≥100人次", "actual": "100人次", "weight": 50},
        {"path": "效益指标/社会效益指标", "name": "覆盖率", "target": "≥90%", "actual": "90%", "weight": 30},
        {"path": "满意度指标/服务对象满意度指标", "name": "满意度", "target": "≥90%", "actual": "95%", "weight": 10}]}"#;
    let dir = files(&[
        ("in/a.toml", &toml),
        ("in/a.json", json.as_bytes()),
        ("in/b.toml", &toml),
    ]);
    let run = eval(dir.path(), &["in", "--out", "out", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert_eq!(
        listing(&dir.path().join("out")),
        [
            "a.json.json",
            "a.toml.json",
            "b.json",
            "findings.csv",
            "summary.csv",
            "summary.xlsx"
        ]
    );
    // Ids that become the same file name: the later project fails.
    let p = "2021,100,100,100";
    let csv = [
        HEADER.to_owned(),
        format!("A/1,甲,,甲单位,{p},产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"),
        ",,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,".to_owned(),
        ",,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,".to_owned(),
        format!("A:1,乙,,乙单位,{p},产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"),
        ",,,,,,,,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,".to_owned(),
        ",,,,,,,,满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,".to_owned(),
    ]
    .join("\n");
    let dir = files(&[("ids.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["ids.csv", "--out", "out", "-f", "json"]);
    assert_exit_saying(
        &run,
        1,
        "the report `A_1.json` of project `A:1` would replace an earlier project's",
    );
    let summary = read(dir.path(), "out/summary.csv");
    assert_eq!(column(&summary, 4), ["100.00", ""]);
    // Ids that differ only in case are one file on Windows and macOS.
    let cased = csv.replace("A/1,甲", "b1,甲").replace("A:1,乙", "B1,乙");
    std::fs::write(dir.path().join("cased.csv"), cased).expect("write");
    let run = eval(dir.path(), &["cased.csv", "--out", "cased", "-f", "json"]);
    assert_exit_saying(
        &run,
        1,
        "the report `B1.json` of project `B1` would replace an earlier project's",
    );
    // A project whose workbook would be the summary's fails instead.
    let dir = files(&[("in/summary.toml", &toml), ("in/other.toml", &toml)]);
    let run = eval(dir.path(), &["in", "--out", "out", "-f", "xlsx"]);
    assert_exit_saying(
        &run,
        1,
        "the report `summary.xlsx` of project `summary` would replace the batch's own",
    );
    assert_eq!(
        listing(&dir.path().join("out")),
        ["findings.csv", "other.xlsx", "summary.csv", "summary.xlsx"]
    );
    use calamine::Reader as _;
    let book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("out/summary.xlsx")).expect("summary.xlsx");
    assert_eq!(book.sheet_names(), ["汇总"], "the summary, not a report");
    // A project refused for one report keeps none of its other names: the
    // next project with the same name is refused for the summary's sake,
    // not for a report that was never written.
    let dir = files(&[("in/Summary.toml", &toml), ("in/summary.toml", &toml)]);
    let run = eval(
        dir.path(),
        &["in", "--out", "out", "-f", "md", "-f", "xlsx"],
    );
    assert_eq!(run.code, 1, "{}", run.transcript());
    for id in ["Summary", "summary"] {
        let expected = format!("of project `{id}` would replace the batch's own");
        assert!(run.stderr.contains(&expected), "{}", run.stderr);
    }
    assert!(
        !run.stderr.contains("an earlier project's"),
        "{}",
        run.stderr
    );
    assert_eq!(
        listing(&dir.path().join("out")),
        ["findings.csv", "summary.csv", "summary.xlsx"]
    );
}

#[test]
fn one_project_of_a_spreadsheet_or_folder_scores_as_a_data_file_does() {
    let csv = examples_csv();
    let toml = std::fs::read(
        root().join("frameworks/cn-self-eval-2020/examples/underperforming-2021.toml"),
    )
    .expect("example");
    let dir = files(&[("自评表.csv", csv.as_bytes()), ("in/u.toml", &toml)]);
    // From a spreadsheet: the table, and the warnings at their rows and columns.
    let run = eval(dir.path(), &["自评表.csv", "--project", "U2021"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(run.stdout.contains("评价等级：良"), "{}", run.stdout);
    insta::assert_snapshot!("project_from_csv_warnings", run.stderr);
    // The report formats as for one file: an Excel 自评表 here.
    let run = eval(
        dir.path(),
        &["自评表.csv", "--project", "C2019", "-o", "C2019.xlsx"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(dir.path().join("C2019.xlsx").is_file());
    // From a folder, by file name: the same bytes as scoring the file.
    let picked = eval(dir.path(), &["in", "--project", "u", "-f", "json"]);
    let direct = eval(dir.path(), &["in/u.toml", "-f", "json"]);
    assert_eq!(picked.code, 0, "{}", picked.transcript());
    assert_eq!(picked.stdout, direct.stdout);
    // An id that is not there, with the closest one.
    let run = eval(dir.path(), &["自评表.csv", "--project", "U2012"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!("project_not_found", run.transcript());
    // A project whose rows are wrong: their errors, nothing else.
    let broken = csv.replacen(
        "200,200,150,产出指标,质量指标",
        "200,210,150,产出指标,质量指标",
        1,
    );
    assert_ne!(broken, csv);
    std::fs::write(dir.path().join("broken.csv"), &broken).expect("write");
    let run = eval(dir.path(), &["broken.csv", "--project", "U2021"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("`全年预算数` is `200` on row 7 but `210` on row 8"),
        "{}",
        run.stderr
    );
    // Command lines that cannot work.
    let run = eval(dir.path(), &["in/u.toml", "--project", "u"]);
    assert_exit_saying(
        &run,
        2,
        "`--project` picks a project from a spreadsheet or a folder",
    );
    let run = eval(
        dir.path(),
        &["自评表.csv", "--project", "U2021", "--out", "o"],
    );
    assert_eq!(run.code, 2, "{}", run.transcript());
}

#[test]
fn an_english_rubric_gets_an_english_summary() {
    let doe = std::fs::read_to_string(
        root().join("frameworks/us-omb-part/examples/doe-distributed-energy-2003.toml"),
    )
    .expect("example");
    let maybe = doe
        .replace("\"1.1\" = \"Yes\"", "\"1.1\" = \"Maybe\"")
        .replace("\"1.2\" = \"Yes\"", "\"1.2\" = \"Perhaps\"");
    let dir = files(&[
        ("in/doe.toml", doe.as_bytes()),
        ("in/maybe.toml", maybe.as_bytes()),
    ]);
    let run = pfc_in(dir.path(), &["eval", "us-omb-part", "in", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    let summary = read(dir.path(), "out/summary.csv");
    assert_eq!(
        summary.lines().next(),
        Some(
            "\u{feff}ID,Name,Unit,Source,Total,Grade,I. Program Purpose & Design,II. Strategic Planning,III. Program Management,IV. Program Results/Accountability,Execution rate,Warnings,Errors"
        )
    );
    assert_eq!(column(&summary, 4), ["73", ""]);
    let errors = column(&summary, 12);
    assert!(errors[1].ends_with(" (2 errors in all)"), "{errors:?}");
    assert_eq!(
        read(dir.path(), "out/findings.csv").lines().next(),
        Some("\u{feff}ID,Name,Level,Code,Message,Location,Hint")
    );
    use calamine::Reader as _;
    let book: calamine::Xlsx<_> =
        calamine::open_workbook(dir.path().join("out/summary.xlsx")).expect("summary.xlsx");
    assert_eq!(book.sheet_names(), ["Summary"]);
    // Whole points in an English workbook too; a failed project's scores
    // are empty and its error is text.
    let (rows, formats) = summary_workbook(&dir.path().join("out/summary.xlsx"), "Summary");
    assert_eq!(
        rows[1..],
        [
            "doe|Distributed Energy Resources|Office of Energy Efficiency and Renewable Energy|in/doe.toml|#73|Moderately Effective|#16|#8|#20|#29||#0|",
            &format!(
                "maybe|Distributed Energy Resources|Office of Energy Efficiency and Renewable Energy|in/maybe.toml|||||||||{}",
                errors[1]
            ),
        ]
    );
    assert_eq!(
        formats[1],
        "General|General|General|General|0|General|0|0|0|0||General|"
    );
}

/// The rows of a sheet of `summary.xlsx`, each cell as `text`, `#number`
/// or nothing, joined by `|`; and the number format of each cell that has
/// a value, with `bold ` before it for a bold one.
fn summary_workbook(path: &Path, sheet: &str) -> (Vec<String>, Vec<String>) {
    use calamine::{Data, Reader as _};
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(path).expect("summary.xlsx");
    let range = book.worksheet_range(sheet).expect("sheet");
    let styles = book.worksheet_style(sheet).expect("styles");
    let mut rows = Vec::new();
    let mut formats = Vec::new();
    for (r, row) in (0u32..).zip(range.rows()) {
        let mut values = Vec::new();
        let mut codes = Vec::new();
        for (c, cell) in (0u32..).zip(row) {
            values.push(match cell {
                Data::String(s) => s.clone(),
                Data::Float(f) => format!("#{f}"),
                Data::Empty => String::new(),
                other => format!("{other:?}"),
            });
            let style = styles.get((r, c)).filter(|_| *cell != Data::Empty);
            codes.push(style.map_or(String::new(), |s| {
                let bold = s.font.as_ref().is_some_and(|f| f.is_bold());
                let code = s.number_format.as_ref().map(|f| f.format_code.as_str());
                format!("{}{}", if bold { "bold " } else { "" }, code.unwrap_or(""))
            }));
        }
        rows.push(values.join("|"));
        formats.push(codes.join("|"));
    }
    (rows, formats)
}

#[test]
fn the_summary_workbook_holds_numbers_in_their_formats() {
    let csv = examples_csv();
    let dir = files(&[("自评表.csv", csv.as_bytes())]);
    let run = eval(dir.path(), &["自评表.csv", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.transcript());
    let (rows, formats) = summary_workbook(&dir.path().join("out/summary.xlsx"), "汇总");
    // Scores, the rate (as a fraction) and the warnings are numbers, exactly
    // as summary.csv prints them.
    assert_eq!(
        rows,
        [
            "项目编号|项目名称|实施单位|来源|总分|等级|预算执行率|产出指标|效益指标|满意度指标|执行率|警告数|错误",
            "C2019|质量技术监督专项经费|武汉市蔡甸区应急管理局|自评表.csv：第 2–6 行|#99.87|优|#9.87|#50|#30|#10|#0.9873|#0|",
            "U2021|食品安全抽检能力提升项目|某区食品药品检验检测中心|自评表.csv：第 7–13 行|#80|良|#7.5|#43.17|#20|#9.33|#0.75|#3|",
        ]
    );
    assert_eq!(formats[0], ["bold General"; 13].join("|"));
    let numbers = "General|General|General|General|0.00|General|0.00|0.00|0.00|0.00|0.00%|General|";
    assert_eq!(formats[1..], [numbers, numbers]);
}

#[test]
fn findings_of_data_files_give_line_and_column() {
    let caidian =
        std::fs::read(root().join("frameworks/cn-self-eval-2020/examples/caidian-2019.toml"))
            .expect("example");
    let dir = files(&[
        ("in/caidian.toml", &caidian),
        ("in/unclosed.toml", b"year = 2020\n[project\nname = \"x\"\n"),
    ]);
    let run = eval(dir.path(), &["in", "--out", "out"]);
    assert_eq!(run.code, 1, "{}", run.transcript());
    insta::assert_snapshot!("folder_findings", read(dir.path(), "out/findings.csv"));
}

/// What a batch says, in both languages, for a reviewer to read side by
/// side: the terminal speaks `--lang` (the user's language), while the
/// summary files speak the framework's (Chinese for cn-self-eval-2020,
/// whatever `--lang` is). Rows that fail their project in each way the
/// grouper and the CSV reader know, then inputs that stop the run.
#[test]
fn a_batch_speaks_the_users_language_and_its_files_the_frameworks() {
    let p = ",,,,,,,,";
    let rows = [
        HEADER.to_owned(),
        // No id on the first row.
        ",无编号项目,,甲单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
        // A weight in words, a year in words.
        "A1,甲项目,,甲单位,二〇二一,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,五十,,,"
            .to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,90%,,,,"),
        // Scored, with an unmet target and no reason (a warning).
        "B2,乙项目,,乙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,80%,30,,,"),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // A budget that differs between rows, two total rows.
        "C3,丙项目,,丙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
        "C3,丙项目,,丙单位,2021,100,120,90,效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,".to_owned(),
        format!("{p}合计,,,,,,,90,"),
        format!("{p}合计,,,,,,,90,"),
        // No 全年预算数.
        "D4,丁项目,,丁单位,2021,,,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,".to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率,≥90%,90%,30,,,"),
        format!("{p}满意度指标,服务对象满意度指标,满意度,≥90%,95%,10,,,"),
        // A row cut short by a line break.
        "E5,戊项目,,戊单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
        format!("{p}效益指标,社会效益指标,覆盖率"),
        // B2 again, after other projects.
        "B2,乙项目,,乙单位,2021,100,100,90,产出指标,数量指标,培训人次,≥100人次,100人次,50,,,"
            .to_owned(),
    ]
    .join("\n");
    let header_twice = examples_csv().replacen("得分", "分值", 1);
    let misspelt = examples_csv().replacen("年度指标值", "年度指标", 1);
    let tabs = examples_csv().replace(',', "\t");
    let dir = files(&[
        ("bad.csv", rows.as_bytes()),
        ("twice.csv", header_twice.as_bytes()),
        ("misspelt.csv", misspelt.as_bytes()),
        ("tabs.csv", tabs.as_bytes()),
        ("utf16.csv", b"\xFF\xFEx\x00"),
        ("旧系统导出.xls", b"\xD0\xCF\x11\xE0"),
        ("sheets/自评表.csv", examples_csv().as_bytes()),
        ("map.toml", "\"三级指\" = \"指标\"\n".as_bytes()),
        ("g.csv", examples_csv().as_bytes()),
    ]);
    let caidian = "frameworks/cn-self-eval-2020/examples/caidian-2019.toml";
    let runs: [&[&str]; 10] = [
        &["bad.csv", "--out", "out"],
        &["twice.csv", "--out", "o"],
        &["misspelt.csv", "--out", "o"],
        &["tabs.csv", "--out", "o"],
        &["utf16.csv", "--out", "o"],
        &["旧系统导出.xls", "--out", "o"],
        &["sheets", "--out", "o"],
        &["g.csv", "--out", "o", "--columns", "map.toml"],
        &["g.csv", "--project", "U2012"],
        &["g.csv"],
    ];
    let mut findings = Vec::new();
    for lang in ["en", "zh"] {
        let mut said = Vec::new();
        for args in runs {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let run = eval(dir.path(), &all);
            said.push(format!(
                "$ pfc eval cn-self-eval-2020 {}\n{}",
                args.join(" "),
                run.transcript()
            ));
        }
        let run = pfc(&[
            "--lang",
            lang,
            "eval",
            "cn-self-eval-2020",
            caidian,
            "--sheet",
            "x",
        ]);
        said.push(format!(
            "$ pfc eval cn-self-eval-2020 {caidian} --sheet x\n{}",
            run.transcript()
        ));
        insta::assert_snapshot!(format!("messages_{lang}"), said.join("\n"));
        findings.push(read(dir.path(), "out/findings.csv"));
        assert!(!dir.path().join("o").exists(), "nothing written");
    }
    // The files are in the framework's language, whatever the terminal's.
    assert_eq!(findings[0], findings[1]);
    insta::assert_snapshot!("messages_findings", findings[0]);
    // An English rubric: English files under a Chinese terminal.
    let doe = root().join("frameworks/us-omb-part/examples/doe-distributed-energy-2003.toml");
    let dir = files(&[("in/doe.toml", &std::fs::read(doe).expect("example"))]);
    let run = pfc_in(
        dir.path(),
        &["--lang", "zh", "eval", "us-omb-part", "in", "--out", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.transcript());
    assert!(
        run.stdout.starts_with("in：共 1 个项目，已评分 1 个\n"),
        "{}",
        run.stdout
    );
    assert!(
        read(dir.path(), "out/summary.csv").starts_with("\u{feff}ID,Name,Unit,Source,"),
        "English columns"
    );
}
