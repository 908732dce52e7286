//! `align score` on the hand-worked small5 survey (tests/data/small5) saved in
//! every layout docs/formats.md promises to load: plain CSV, `;` and tab delimiters,
//! UTF-8 BOM, CRLF, answers as scale labels, stdin, a Qualtrics 3-row export
//! (with one unfinished response) and a legacy 2-row export (question text in
//! French, no ImportId row). Each must give the same companies, reliability,
//! aggregation and item statistics as the plain CSV; the absolute values of
//! the plain CSV are checked in tests/cli/score_reference.rs. The layout variants
//! are written by `python3 tests/reference/score_reference.py --write-fixtures`.

use crate::support;
use support::assert_json_close;
use support::cli::{align, data};

use serde_json::Value;
use std::path::PathBuf;

fn run(args: &[&str], stdin: Option<Vec<u8>>) -> std::process::Output {
    let mut cmd = align();
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    cmd.output().expect("align runs")
}

fn run_json(args: &[&str], stdin: Option<Vec<u8>>) -> Value {
    let out = run(args, stdin);
    assert!(
        out.status.success(),
        "align {:?} exited with {:?}\nstderr:\n{}",
        args,
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "align {:?}: stdout is not JSON ({e}):\n{}",
            args,
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// `align score <file> --instrument <instrument> --format json`.
fn score(file: &str, instrument: &str) -> Value {
    let f = if file == "-" {
        "-".to_string()
    } else {
        data(file)
    };
    let i = data(instrument);
    run_json(&["score", &f, "--instrument", &i, "--format", "json"], None)
}

fn plain() -> Value {
    score("small5/responses.csv", "small5/instrument.json")
}

/// The parts of the output that must not depend on the file layout.
const SAME: &[&str] = &[
    "companies",
    "reliability",
    "aggregation",
    "items",
    "dimensions",
];

fn assert_matches_plain(v: &Value, what: &str) {
    let p = plain();
    for key in SAME {
        assert!(!v[*key].is_null(), "{what}: `{key}` missing");
        assert_json_close(&v[*key], &p[*key], &format!("{what}: `{key}` vs plain CSV"));
    }
}

/// (rows_read, rows_scored, rows_excluded, sorted exclusion lines)
fn accounting(v: &Value) -> (u64, u64, u64, Vec<u64>) {
    let i = &v["input"];
    let mut lines: Vec<u64> = i["exclusions"]
        .as_array()
        .expect("input.exclusions is an array")
        .iter()
        .map(|e| e["line"].as_u64().expect("exclusion line"))
        .collect();
    lines.sort();
    (
        i["rows_read"].as_u64().expect("rows_read"),
        i["rows_scored"].as_u64().expect("rows_scored"),
        i["rows_excluded"].as_u64().expect("rows_excluded"),
        lines,
    )
}

fn reason_at(v: &Value, line: u64) -> String {
    v["input"]["exclusions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["line"].as_u64() == Some(line))
        .and_then(|e| e["reason"].as_str())
        .unwrap_or_else(|| panic!("no exclusion for line {line}"))
        .to_lowercase()
}

/// Same layout of lines as the plain file: same accounting, same exclusions.
fn assert_same_lines_as_plain(v: &Value, what: &str) {
    assert_eq!(
        accounting(v),
        (18, 17, 1, vec![19]),
        "{what}: input accounting"
    );
    assert_eq!(
        accounting(&plain()),
        (18, 17, 1, vec![19]),
        "plain CSV input accounting"
    );
}

#[test]
fn score_semicolon_matches_plain() {
    let v = score("small5/responses_semicolon.csv", "small5/instrument.json");
    assert_matches_plain(&v, "semicolon");
    assert_same_lines_as_plain(&v, "semicolon");
}

#[test]
fn score_tab_matches_plain() {
    let v = score("small5/responses_tab.tsv", "small5/instrument.json");
    assert_matches_plain(&v, "tab");
    assert_same_lines_as_plain(&v, "tab");
}

#[test]
fn score_bom_matches_plain() {
    let v = score("small5/responses_bom.csv", "small5/instrument.json");
    assert_matches_plain(&v, "UTF-8 BOM");
    assert_same_lines_as_plain(&v, "UTF-8 BOM");
}

#[test]
fn score_crlf_matches_plain() {
    let v = score("small5/responses_crlf.csv", "small5/instrument.json");
    assert_matches_plain(&v, "CRLF");
    assert_same_lines_as_plain(&v, "CRLF");
}

#[test]
fn score_labels_match_plain() {
    let v = score("small5/responses_labels.csv", "small5/instrument.json");
    assert_matches_plain(&v, "scale labels");
    assert_same_lines_as_plain(&v, "scale labels");
}

#[test]
fn score_stdin_matches_plain() {
    let bytes = std::fs::read(data("small5/responses.csv")).unwrap();
    let inst = data("small5/instrument.json");
    let v = run_json(
        &["score", "-", "--instrument", &inst, "--format", "json"],
        Some(bytes),
    );
    assert_matches_plain(&v, "stdin");
    assert_same_lines_as_plain(&v, "stdin");
}

#[test]
fn score_qualtrics_3row_matches_plain() {
    let v = score(
        "small5/qualtrics_3row.csv",
        "small5/instrument_qualtrics.json",
    );
    assert_matches_plain(&v, "Qualtrics 3-row export");
    // Lines 2 and 3 (question text, ImportId) are header rows, not data rows.
    // Line 9 is the unfinished response (Finished = 0); r18 (nothing answered)
    // moved from line 19 to line 22.
    assert_eq!(
        accounting(&v),
        (19, 17, 2, vec![9, 22]),
        "Qualtrics input accounting"
    );
    let r9 = reason_at(&v, 9);
    assert!(
        r9.contains("finish"),
        "line 9 should be excluded as unfinished: {r9:?}"
    );
    let r22 = reason_at(&v, 22);
    assert!(
        r22.contains("answer"),
        "line 22 should be excluded for too few answers: {r22:?}"
    );
}

#[test]
fn score_qualtrics_legacy_2row_matches_plain() {
    let v = score("small5/qualtrics_legacy_2row.csv", "small5/instrument.json");
    assert_matches_plain(&v, "legacy Qualtrics 2-row export");
    // Line 2 (French question text) is a header row; r18 is on line 20.
    assert_eq!(
        accounting(&v),
        (18, 17, 1, vec![20]),
        "legacy Qualtrics input accounting"
    );
}

#[test]
fn score_output_file_matches_stdout() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let out_path = dir.join(format!("score_formats_out_{}.json", std::process::id()));
    let _ = std::fs::remove_file(&out_path);
    let resp = data("small5/responses.csv");
    let inst = data("small5/instrument.json");
    let out = run(
        &[
            "score",
            &resp,
            "--instrument",
            &inst,
            "--format",
            "json",
            "-o",
            out_path.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty(), "with -o nothing goes to stdout");
    let written: Value =
        serde_json::from_slice(&std::fs::read(&out_path).expect("-o file written"))
            .expect("-o file is JSON");
    let _ = std::fs::remove_file(&out_path);
    let p = plain();
    for key in SAME {
        assert_json_close(&written[*key], &p[*key], &format!("-o file `{key}`"));
    }
}

#[test]
fn score_other_formats_succeed_and_hide_suppressed_company() {
    // initech (2 respondents) is suppressed: understanding 20.83, alignment
    // index 18.75, teamwork r_wg 0.9375 must not be printed in any format.
    let resp = data("small5/responses.csv");
    let inst = data("small5/instrument.json");
    for format in ["table", "csv", "markdown"] {
        let out = run(
            &["score", &resp, "--instrument", &inst, "--format", format],
            None,
        );
        assert!(
            out.status.success(),
            "--format {format}: exit {:?}: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8 output");
        assert!(!text.trim().is_empty(), "--format {format}: empty output");
        assert!(
            text.contains("acme"),
            "--format {format}: company acme not shown"
        );
        let non_finite: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "|,;\"'()[]{}:".contains(c))
            .filter(|t| {
                let t = t.trim_start_matches(['-', '+']).to_lowercase();
                t == "nan" || t == "inf" || t == "infinity"
            })
            .collect();
        assert!(
            non_finite.is_empty(),
            "--format {format}: non-finite values {non_finite:?}:\n{text}"
        );
        for bad in ["20.8", "18.75", "18.8", "0.9375", "0.938"] {
            assert!(
                !text.contains(bad),
                "--format {format}: output contains {bad:?}:\n{text}"
            );
        }
    }
}

#[test]
fn score_finished_words_exclude_unfinished_rows() {
    // A plain CSV whose Finished column says 1/TRUE/Yes/true for finished rows
    // and 0 (line 5), false (line 13), No (line 20) for three inserted
    // unfinished responses; r18 (nothing answered) is on line 22.
    let v = score(
        "small5/responses_finished_words.csv",
        "small5/instrument_qualtrics.json",
    );
    assert_matches_plain(&v, "Finished column in words");
    assert_eq!(
        accounting(&v),
        (21, 17, 4, vec![5, 13, 20, 22]),
        "Finished-in-words input accounting"
    );
    for line in [5, 13, 20] {
        let r = reason_at(&v, line);
        assert!(
            r.contains("finish"),
            "line {line} should be excluded as unfinished: {r:?}"
        );
    }
}

#[test]
fn score_qualtrics_bom_crlf_matches_plain() {
    // Qualtrics saves UTF-8 with a BOM and CRLF line endings.
    let v = score(
        "small5/qualtrics_3row_bom_crlf.csv",
        "small5/instrument_qualtrics.json",
    );
    assert_matches_plain(&v, "Qualtrics 3-row export, BOM + CRLF");
    assert_eq!(
        accounting(&v),
        (19, 17, 2, vec![9, 22]),
        "Qualtrics BOM + CRLF input accounting"
    );
    assert!(reason_at(&v, 9).contains("finish"));
}

#[test]
fn score_qualtrics_finished_column_applies_without_instrument_setting() {
    // docs/formats.md: in a Qualtrics export, unfinished responses are excluded when
    // its `Finished` column says so, also with an instrument whose
    // columns.finished is null.
    let v = score("small5/qualtrics_3row.csv", "small5/instrument.json");
    assert_matches_plain(&v, "Qualtrics 3-row export, plain instrument");
    assert_eq!(accounting(&v), (19, 17, 2, vec![9, 22]));
    assert!(reason_at(&v, 9).contains("finish"));
}
