//! Bad input → exit code and a message naming line, column and value (docs/formats.md#exit-codes,
//! 3.2): `FILE: line L, column "C": "VALUE" <what was expected>`.
//! Exit codes: 0 ok, 2 usage, 3 invalid data, 1 I/O. Fixtures are in
//! tests/data/errors/ and use the small5 instrument (columns resp, firm, dept,
//! q_u1..q_t3 on a 1–5 scale); the header is line 1.

use crate::support;
use support::assert_json_close;
use support::cli::{data, output as run, stderr, stdout};

use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

fn inst() -> String {
    data("small5/instrument.json")
}

/// `align score tests/data/errors/<file> --instrument small5 --format json`
fn score_error_file(file: &str) -> Output {
    let f = data(&format!("errors/{file}"));
    let i = inst();
    run(&["score", &f, "--instrument", &i, "--format", "json"])
}

/// `align score tests/data/errors/<file> --skip-invalid` as JSON (exit 0).
fn skip_invalid(file: &str) -> Value {
    let f = data(&format!("errors/{file}"));
    let i = inst();
    let o = run(&[
        "score",
        &f,
        "--instrument",
        &i,
        "--format",
        "json",
        "--skip-invalid",
    ]);
    assert_eq!(o.status.code(), Some(0), "stderr:\n{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

/// The lines of a report's excluded rows, in order.
fn excluded_lines(v: &Value) -> Vec<u64> {
    let mut lines: Vec<u64> = v["input"]["exclusions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    lines.sort();
    lines
}

/// Exit code `code`, nothing on stdout, and every fragment on stderr.
fn assert_fails(o: &Output, code: i32, fragments: &[&str], what: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(code),
        "{what}: expected exit {code}, got {:?}\nstderr:\n{err}",
        o.status.code()
    );
    assert!(
        o.stdout.is_empty(),
        "{what}: stdout must be empty on failure, got:\n{}",
        stdout(o)
    );
    for f in fragments {
        assert!(err.contains(f), "{what}: stderr lacks {f:?}:\n{err}");
    }
}

fn assert_invalid_value(file: &str, fragment: &str) {
    let o = score_error_file(file);
    assert_fails(&o, 3, &[fragment], file);
}

// ---------------------------------------------------------------------------
// Invalid values: exit 3, line + column + value named
// ---------------------------------------------------------------------------

#[test]
fn score_rejects_value_above_scale() {
    let o = score_error_file("value_above_max.csv");
    assert_fails(
        &o,
        3,
        &["value_above_max.csv: line 3, column \"q_u2\": \"6\""],
        "value above the scale maximum",
    );
}

#[test]
fn score_rejects_fractional_answer() {
    assert_invalid_value("fractional.csv", "line 4, column \"q_t1\": \"4.5\"");
}

#[test]
fn score_rejects_nan() {
    assert_invalid_value("nan.csv", "line 2, column \"q_u1\": \"NaN\"");
}

#[test]
fn score_rejects_inf() {
    assert_invalid_value("inf.csv", "line 5, column \"q_t3\": \"inf\"");
}

#[test]
fn score_rejects_text_that_is_not_a_label() {
    assert_invalid_value("not_a_label.csv", "line 3, column \"q_u3\": \"sometimes\"");
}

#[test]
fn score_rejects_unknown_role() {
    assert_invalid_value(
        "unknown_role.csv",
        "line 4, column \"dept\": \"Engineering\"",
    );
}

#[test]
fn score_rejects_duplicate_respondent_naming_both_lines() {
    let o = score_error_file("duplicate_respondent.csv");
    // e02 is on line 3 and again on line 5
    assert_fails(
        &o,
        3,
        &["line 5, column \"resp\": \"e02\"", "line 3"],
        "duplicate respondent id",
    );
}

#[test]
fn score_rejects_missing_company_id() {
    assert_invalid_value("missing_company.csv", "line 3, column \"firm\"");
}

#[test]
fn score_rejects_ragged_row_with_extra_field() {
    assert_invalid_value("ragged_long.csv", "line 4");
}

#[test]
fn score_rejects_ragged_row_with_missing_field() {
    assert_invalid_value("ragged_short.csv", "line 5");
}

#[test]
fn score_rejects_header_without_company_column() {
    assert_invalid_value("missing_company_column.csv", "firm");
}

#[test]
fn score_rejects_header_without_item_column() {
    assert_invalid_value("missing_item_column.csv", "q_t2");
}

#[test]
fn score_rejects_empty_file() {
    let o = score_error_file("empty.csv");
    assert_fails(&o, 3, &[], "empty file");
    assert!(!stderr(&o).trim().is_empty(), "empty file: no message");
}

// ---------------------------------------------------------------------------
// I/O errors: exit 1
// ---------------------------------------------------------------------------

#[test]
fn score_missing_path_is_io_error() {
    let f = data("errors/does_not_exist.csv");
    let i = inst();
    let o = run(&["score", &f, "--instrument", &i, "--format", "json"]);
    assert_fails(
        &o,
        1,
        &["failed to open", "does_not_exist.csv"],
        "missing path",
    );
}

#[test]
fn score_directory_path_is_io_error() {
    let d = data("errors");
    let i = inst();
    let o = run(&["score", &d, "--instrument", &i, "--format", "json"]);
    assert_fails(&o, 1, &[], "directory as path");
    assert!(
        !stderr(&o).trim().is_empty(),
        "directory as path: no message"
    );
}

// ---------------------------------------------------------------------------
// Instrument errors: exit 3, offending key named
// ---------------------------------------------------------------------------

#[test]
fn score_rejects_instrument_with_unknown_key() {
    let f = data("small5/responses.csv");
    let i = data("errors/instrument_unknown_key.json");
    let o = run(&["score", &f, "--instrument", &i, "--format", "json"]);
    assert_fails(&o, 3, &["finshed"], "instrument with key columns.finshed");
}

#[test]
fn score_rejects_instrument_item_with_unknown_dimension() {
    let f = data("small5/responses.csv");
    let i = data("errors/instrument_unknown_dimension.json");
    let o = run(&["score", &f, "--instrument", &i, "--format", "json"]);
    assert_fails(&o, 3, &["teamwrk"], "item t2r in dimension teamwrk");
}

// ---------------------------------------------------------------------------
// Usage errors: exit 2
// ---------------------------------------------------------------------------

#[test]
fn score_rejects_unknown_format_as_usage_error() {
    let f = data("small5/responses.csv");
    let i = inst();
    let o = run(&["score", &f, "--instrument", &i, "--format", "xml"]);
    assert_fails(&o, 2, &[], "--format xml");
}

#[test]
fn score_rejects_unknown_weighting_as_usage_error() {
    let f = data("small5/responses.csv");
    let i = inst();
    let o = run(&["score", &f, "--instrument", &i, "--weighting", "company"]);
    assert_fails(&o, 2, &[], "--weighting company");
}

// ---------------------------------------------------------------------------
// --skip-invalid
// ---------------------------------------------------------------------------

#[test]
fn score_skip_invalid_turns_bad_rows_into_exclusions() {
    // errors/skip_invalid.csv is small5/responses.csv with bad rows inserted:
    // line 4 q_u2 = 6, line 10 role "Engineering", line 15 no company id,
    // line 19 duplicate of r03 (first on line 5), line 24 q_u1 = 4.5;
    // line 23 is r18 (nothing answered, excluded as in the plain file).
    let v = skip_invalid("skip_invalid.csv");
    let input = &v["input"];
    let read = input["rows_read"].as_u64().unwrap();
    let scored = input["rows_scored"].as_u64().unwrap();
    let excluded = input["rows_excluded"].as_u64().unwrap();
    assert_eq!((read, scored, excluded), (23, 17, 6));
    assert_eq!(read, scored + excluded);
    assert_eq!(excluded_lines(&v), vec![4, 10, 15, 19, 23, 24]);

    // The remaining rows are exactly the plain small5 survey.
    let p = data("small5/responses.csv");
    let po = run(&["score", &p, "--instrument", &inst(), "--format", "json"]);
    assert_eq!(po.status.code(), Some(0), "stderr:\n{}", stderr(&po));
    let plain: Value = serde_json::from_slice(&po.stdout).unwrap();
    for key in ["companies", "reliability", "aggregation", "items"] {
        assert_json_close(
            &v[key],
            &plain[key],
            &format!("--skip-invalid `{key}` vs plain"),
        );
    }
}

#[test]
fn score_without_skip_invalid_lists_each_bad_row() {
    let o = score_error_file("skip_invalid.csv");
    assert_fails(
        &o,
        3,
        &[
            "line 4, column \"q_u2\": \"6\"",
            "line 10, column \"dept\": \"Engineering\"",
            "line 15, column \"firm\"",
            "line 19, column \"resp\": \"r03\"",
            "line 24, column \"q_u1\": \"4.5\"",
        ],
        "five bad rows",
    );
}

// ---------------------------------------------------------------------------
// validate, and the 20-problem limit of other commands
// ---------------------------------------------------------------------------

#[test]
fn validate_accepts_clean_file() {
    let i = inst();
    for f in ["small5/responses.csv", "errors/clean.csv"] {
        let p = data(f);
        let o = run(&["validate", &p, "--instrument", &i]);
        assert_eq!(o.status.code(), Some(0), "{f}: stderr:\n{}", stderr(&o));
    }
}

#[test]
fn score_groups_identical_problems_into_one_line() {
    // 25 rows, each with q_u1 = 9, on lines 2..=26: one line, the first
    // three lines and 25 − 3 = 22 more.
    let o = score_error_file("many_problems.csv");
    let err = stderr(&o);
    assert_fails(
        &o,
        3,
        &[
            "25 problems in the data",
            "many_problems.csv: lines 2, 3, 4 and 22 more (25 in all), column \"q_u1\": \"9\" is above the scale maximum 5",
        ],
        "25 identical problems",
    );
    assert_eq!(err.matches("q_u1").count(), 1, "{err}");
    assert!(!err.contains("more\n  …"), "{err}");
}

#[test]
fn validate_groups_identical_problems_into_one_line() {
    // 25 rows, each with q_u1 = 9, on lines 2..=26.
    let p = data("errors/many_problems.csv");
    let i = inst();
    let o = run(&["validate", &p, "--instrument", &i]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(3), "output:\n{out}");
    let want = format!(
        "{p}: lines 2, 3, 4 and 22 more (25 in all), column \"q_u1\": \"9\" is above the scale maximum 5\n\
         {p}: 25 rows read, 0 valid, 25 with problems (25 problems), 0 rows excluded; 0 companies\n"
    );
    assert_eq!(out, want);
}

#[test]
fn validate_lists_every_problem() {
    // 25 rows with q_u1 = 6, 7, …, 30 on lines 2..=26.
    let p = data("errors/many_distinct_problems.csv");
    let i = inst();
    let o = run(&["validate", &p, "--instrument", &i]);
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert_eq!(o.status.code(), Some(3), "output:\n{all}");
    for line in 2..=26 {
        let frag = format!("line {line}, column \"q_u1\": \"{}\"", line + 4);
        assert!(
            all.contains(&frag),
            "validate does not list {frag:?}:\n{all}"
        );
    }
    assert!(
        !all.contains("and 5 more"),
        "validate must list all, not truncate:\n{all}"
    );
}

#[test]
fn validate_rejects_each_class_of_bad_value() {
    let i = inst();
    for (file, frag) in [
        ("value_above_max.csv", "line 3, column \"q_u2\": \"6\""),
        ("fractional.csv", "line 4, column \"q_t1\": \"4.5\""),
        ("nan.csv", "line 2, column \"q_u1\": \"NaN\""),
        ("inf.csv", "line 5, column \"q_t3\": \"inf\""),
        ("not_a_label.csv", "line 3, column \"q_u3\": \"sometimes\""),
        (
            "unknown_role.csv",
            "line 4, column \"dept\": \"Engineering\"",
        ),
        (
            "duplicate_respondent.csv",
            "line 5, column \"resp\": \"e02\"",
        ),
        ("missing_company.csv", "line 3, column \"firm\""),
    ] {
        let p = data(&format!("errors/{file}"));
        let o = run(&["validate", &p, "--instrument", &i]);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert_eq!(o.status.code(), Some(3), "validate {file}: output:\n{all}");
        assert!(
            all.contains(frag),
            "validate {file}: lacks {frag:?}:\n{all}"
        );
    }
}

#[test]
fn score_shows_first_20_problems_and_a_count() {
    // 25 rows with q_u1 = 6, 7, …, 30 on lines 2..=26: 25 different problems.
    let o = score_error_file("many_distinct_problems.csv");
    let err = stderr(&o);
    assert_fails(&o, 3, &["and 5 more"], "25 problems");
    for line in 2..=21 {
        let frag = format!("line {line}, column \"q_u1\": \"{}\"", line + 4);
        assert!(err.contains(&frag), "score should show {frag:?}:\n{err}");
    }
    for line in 22..=26 {
        let frag = format!("line {line}, column");
        assert!(
            !err.contains(&frag),
            "score should not show {frag:?}:\n{err}"
        );
    }
}

// ---------------------------------------------------------------------------
// -o is written only on success
// ---------------------------------------------------------------------------

fn sentinel_file(name: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("cli_errors_{name}_{}.json", std::process::id()));
    std::fs::write(&p, "SENTINEL: must survive a failed command\n").unwrap();
    p
}

#[test]
fn score_failure_leaves_existing_output_untouched() {
    let i = inst();
    let cases: Vec<(String, i32)> = vec![
        (data("errors/value_above_max.csv"), 3),
        (data("errors/does_not_exist.csv"), 1),
        (data("errors/ragged_long.csv"), 3),
    ];
    for (n, (input, code)) in cases.iter().enumerate() {
        let out = sentinel_file(&format!("untouched{n}"));
        let o = run(&[
            "score",
            input,
            "--instrument",
            &i,
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(
            o.status.code(),
            Some(*code),
            "{input}: stderr:\n{}",
            stderr(&o)
        );
        let after = std::fs::read_to_string(&out).expect("output file still exists");
        let _ = std::fs::remove_file(&out);
        assert_eq!(
            after, "SENTINEL: must survive a failed command\n",
            "{input}: -o file was modified by a failing command"
        );
    }
}

// ---------------------------------------------------------------------------
// Line numbers are physical lines, whatever the line ending
// ---------------------------------------------------------------------------

#[test]
fn score_crlf_file_reports_physical_line_numbers() {
    // value_above_max.csv with CRLF line endings: the bad value is still on line 3.
    let o = score_error_file("value_above_max_crlf.csv");
    assert_fails(
        &o,
        3,
        &["value_above_max_crlf.csv: line 3, column \"q_u2\": \"6\""],
        "CRLF file, value above the scale maximum",
    );
}

#[test]
fn score_line_numbers_count_embedded_newlines() {
    // A quoted note on line 2 spans lines 2-4, so e03 (q_t3 = 7) starts on
    // physical line 6 and e05 (q_u1 = 9, itself spanning lines 8-9) on line 8.
    let o = score_error_file("multiline_note.csv");
    assert_fails(
        &o,
        3,
        &[
            "line 6, column \"q_t3\": \"7\"",
            "line 8, column \"q_u1\": \"9\"",
        ],
        "multi-line quoted field",
    );
}

#[test]
fn score_skip_invalid_names_start_line_of_multiline_records() {
    let v = skip_invalid("multiline_note.csv");
    let input = &v["input"];
    assert_eq!(input["rows_read"], 6);
    assert_eq!(input["rows_scored"], 4);
    assert_eq!(input["rows_excluded"], 2);
    assert_eq!(excluded_lines(&v), vec![6, 8]);
}

#[test]
fn score_line_numbers_count_blank_lines() {
    // Blank lines are physical lines: e02 (q_u2 = 9) is on line 4, e03
    // (q_t1 = 0) on line 7.
    let o = score_error_file("blank_lines.csv");
    assert_fails(
        &o,
        3,
        &[
            "line 4, column \"q_u2\": \"9\"",
            "line 7, column \"q_t1\": \"0\"",
        ],
        "blank lines between rows",
    );
}

#[test]
fn score_skip_invalid_counts_blank_lines_in_exclusion_lines() {
    let v = skip_invalid("blank_lines.csv");
    let input = &v["input"];
    assert_eq!(input["rows_read"], 4, "blank lines are not data rows");
    assert_eq!(input["rows_scored"], 2);
    assert_eq!(input["rows_excluded"], 2);
    assert_eq!(excluded_lines(&v), vec![4, 7]);
}

#[test]
fn score_without_file_is_usage_error() {
    let i = inst();
    let o = run(&["score", "--instrument", &i]);
    assert_fails(&o, 2, &[], "no FILE");
}

#[test]
fn score_rejects_non_numeric_anonymity_as_usage_error() {
    let f = data("small5/responses.csv");
    let i = inst();
    let o = run(&["score", &f, "--instrument", &i, "--anonymity", "three"]);
    assert_fails(&o, 2, &[], "--anonymity three");
}
