//! Excel workbooks as inputs (docs/formats.md, "Spreadsheets"): the first
//! sheet of an `.xlsx` responses, outcomes or companies file gives the same
//! results as the same table saved as CSV. The workbooks are written here
//! from the bundled CSV files with `rust_xlsxwriter`: numbers as numeric
//! cells, outcome values as fractions with a percent format (read as
//! displayed: 0.2587 shown as 25.87% is 25.87), text as text.

use crate::support;
use support::cli::{data, output, run_json, stderr};

use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Write `csv` as the first sheet of a workbook at `to`; columns in
/// `percent` hold numbers written as value / 100 with a percent format,
/// other numbers as plain numbers; `top` blank rows come first.
fn workbook(csv: &Path, to: &Path, percent: &[&str], top: u32) {
    let mut rdr = csv::Reader::from_path(csv).unwrap();
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Responses").unwrap();
    let pct = Format::new().set_num_format("0.00%");
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(top, c as u16, h).unwrap();
    }
    for (r, rec) in rdr.records().enumerate() {
        let row = top + 1 + r as u32;
        for (c, cell) in rec.unwrap().iter().enumerate() {
            let col = c as u16;
            match cell.parse::<f64>() {
                Ok(x) if percent.contains(&header[c].as_str()) => {
                    sheet.write_number_with_format(row, col, x / 100.0, &pct)
                }
                Ok(x) => sheet.write_number(row, col, x),
                Err(_) => sheet.write_string(row, col, cell),
            }
            .unwrap();
        }
    }
    book.save(to).unwrap();
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Every number of `a` equals `b`'s within 1e-9 and everything else is
/// equal, except the keys naming the input file and its encoding.
fn same(a: &Value, b: &Value, at: &str) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys = |m: &serde_json::Map<String, Value>| {
                let mut k: Vec<String> = m
                    .keys()
                    .filter(|k| !["file", "encoding"].contains(&k.as_str()))
                    .cloned()
                    .collect();
                k.sort();
                k
            };
            assert_eq!(keys(x), keys(y), "{at}");
            for k in keys(x) {
                same(&x[&k], &y[&k], &format!("{at}.{k}"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                same(p, q, &format!("{at}[{i}]"));
            }
        }
        (Value::Number(p), Value::Number(q)) => {
            let (p, q) = (p.as_f64().unwrap(), q.as_f64().unwrap());
            assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0), "{at}: {p} != {q}");
        }
        (Value::String(p), Value::String(q)) if p.contains(".xlsx") || q.contains(".xlsx") => {}
        _ => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn score_reads_the_first_sheet_of_a_workbook_like_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("survey.xlsx");
    workbook(&repo("data/survey.csv"), &xlsx, &[], 0);
    let (from_csv, _) = run_json(&["score", "data/survey.csv", "--format", "json"]);
    let (from_xlsx, _) = run_json(&["score", xlsx.to_str().unwrap(), "--format", "json"]);
    assert_eq!(from_xlsx["input"]["encoding"], "xlsx (first sheet)");
    assert_eq!(from_csv["input"]["encoding"], "UTF-8");
    same(&from_xlsx, &from_csv, "score");
}

#[test]
fn leaders_reads_percent_formatted_outcomes_as_displayed() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("outcomes.xlsx");
    let all = [
        "revenue_growth_3y",
        "win_rate_growth_3y",
        "lead_quality_growth_3y",
        "pipeline_growth",
        "forecast_accuracy",
    ];
    // Two blank rows above the header: the sheet starts at row 3.
    workbook(&repo("data/outcomes.csv"), &xlsx, &all, 2);
    let args = |o: &str| {
        vec![
            "leaders".to_string(),
            "data/survey.csv".into(),
            "--outcomes".into(),
            o.into(),
            "--format".into(),
            "json".into(),
        ]
    };
    let a = args("data/outcomes.csv");
    let b = args(xlsx.to_str().unwrap());
    let (from_csv, _) = run_json(&a.iter().map(|s| s.as_str()).collect::<Vec<_>>());
    let (from_xlsx, _) = run_json(&b.iter().map(|s| s.as_str()).collect::<Vec<_>>());
    same(&from_xlsx, &from_csv, "leaders");
}

#[test]
fn segments_read_a_companies_workbook_like_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("companies.xlsx");
    workbook(&repo("tests/data/segments/companies.csv"), &xlsx, &[], 0);
    let args = |companies: &str| {
        vec![
            "score".to_string(),
            data("segments/responses.csv"),
            "--instrument".into(),
            data("segments/instrument.json"),
            "--companies".into(),
            companies.into(),
            "--segment".into(),
            "industry".into(),
            "--format".into(),
            "json".into(),
        ]
    };
    let a = args(&data("segments/companies.csv"));
    let b = args(xlsx.to_str().unwrap());
    let (from_csv, _) = run_json(&a.iter().map(|s| s.as_str()).collect::<Vec<_>>());
    let (from_xlsx, _) = run_json(&b.iter().map(|s| s.as_str()).collect::<Vec<_>>());
    same(&from_xlsx, &from_csv, "segments");
    assert!(from_xlsx["segments"]["groups"].as_array().unwrap().len() > 2);
}

#[test]
fn a_bad_outcome_in_a_workbook_is_named_by_its_sheet_row() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("outcomes.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "company_id").unwrap();
    sheet.write_string(0, 1, "revenue_growth_3y").unwrap();
    sheet.write_string(1, 0, "C0001").unwrap();
    sheet.write_number(1, 1, 12.0).unwrap();
    sheet.write_string(2, 0, "C0002").unwrap();
    sheet.write_string(2, 1, "about ten").unwrap();
    book.save(&xlsx).unwrap();
    let out = output(&[
        "leaders",
        "data/survey.csv",
        "--outcomes",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("outcomes.xlsx"), "{err}");
    assert!(err.contains("line 3"), "{err}");
    assert!(err.contains("about ten"), "{err}");
}

#[test]
fn a_file_named_xlsx_that_is_not_a_workbook_is_invalid_data() {
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("outcomes.xlsx");
    std::fs::write(&fake, b"PK\x03\x04 not really a zip").unwrap();
    let out = output(&[
        "leaders",
        "data/survey.csv",
        "--outcomes",
        fake.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("outcomes.xlsx"), "{err}");
    assert!(err.contains("not a readable .xlsx workbook"), "{err}");
}
