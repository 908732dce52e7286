//! One document, every format: the format follows the output file's
//! extension, `--table` picks a CSV table, `--decimals` rounds, the xlsx
//! workbook opens back with numeric cells and string ids, and every figure
//! the CSV shows is the JSON's, rounded as shown.

use crate::support;
use support::cli::{align, output, run_json, run_ok as run, stderr};

use calamine::{open_workbook, Data, Reader, Xlsx};
use serde_json::Value;

const SMALL: &str = "tests/render/small.csv";

/// Parse CSV text into its header and records.
fn csv_rows(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// `shown` is `json` rounded to the decimals shown (half a unit in the
/// last decimal of tolerance).
fn same_figure(shown: &str, json: &Value, what: &str) {
    let Some(x) = json.as_f64() else {
        assert_eq!(
            shown, "",
            "{what}: the JSON has no figure, the CSV shows {shown:?}"
        );
        return;
    };
    let decimals = shown.split('.').nth(1).map_or(0, str::len);
    let v: f64 = shown
        .parse()
        .unwrap_or_else(|_| panic!("{what}: {shown:?} is not a number"));
    let half = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-9;
    assert!((v - x).abs() <= half, "{what}: shown {shown}, JSON {x}");
}

fn json_of(args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json", "--quiet"]);
    run_json(&a).0
}

#[test]
fn score_csv_figures_are_the_json_rounded() {
    let v = json_of(&["score", SMALL]);
    for decimals in [None, Some("3")] {
        let mut args = vec!["score", SMALL, "--format", "csv", "--quiet"];
        if let Some(d) = decimals {
            args.extend(["--decimals", d]);
        }
        let (text, _) = run(&args);
        let (header, rows) = csv_rows(&text);
        let col = |k: &str| header.iter().position(|h| h == k).unwrap();
        for (row, c) in rows.iter().zip(v["companies"].as_array().unwrap()) {
            let id = c["company_id"].as_str().unwrap();
            assert!(row[0] == id || row[0] == format!("'{id}"), "{row:?}");
            for k in ["shared_understanding", "collaboration", "alignment_index"] {
                same_figure(&row[col(k)], &c["scores"][k], &format!("{id} {k}"));
            }
            same_figure(
                &row[col("rwg_j_collaboration")],
                &c["rwg_j"]["collaboration"],
                id,
            );
        }
        if decimals.is_some() {
            assert!(
                rows[0][col("alignment_index")]
                    .split('.')
                    .nth(1)
                    .unwrap()
                    .len()
                    == 3
            );
        }
    }
}

#[test]
fn gaps_csv_figures_are_the_json_rounded() {
    let v = json_of(&["gaps", SMALL]);
    let (text, _) = run(&["gaps", SMALL, "--format", "csv", "--quiet"]);
    let (header, rows) = csv_rows(&text);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let disconnect: Vec<_> = rows.iter().filter(|r| r[0] == "disconnect").collect();
    for (row, d) in disconnect.iter().zip(v["disconnect"].as_array().unwrap()) {
        for k in ["pct_sales", "pct_marketing", "gap_pp", "p", "q"] {
            same_figure(&row[col(k)], &d[k], k);
        }
    }
    let companies: Vec<_> = rows.iter().filter(|r| r[0] == "company").collect();
    for (row, c) in companies.iter().zip(v["companies"].as_array().unwrap()) {
        for k in [
            "perception_index",
            "alignment_index",
            "overconfidence",
            "composite",
        ] {
            same_figure(&row[col(k)], &c[k], k);
        }
    }
}

#[test]
fn leaders_csv_figures_are_the_json_rounded() {
    let v = json_of(&["leaders", SMALL, "--scheme", "median"]);
    let (text, _) = run(&["leaders", SMALL, "--scheme", "median", "--format", "csv"]);
    let (header, rows) = csv_rows(&text);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let dims: Vec<_> = rows.iter().filter(|r| r[0] == "dimension").collect();
    for (row, d) in dims.iter().zip(v["dimensions"].as_array().unwrap()) {
        same_figure(
            &row[col("leaders_mean")],
            &d["leaders"]["mean"],
            "leaders mean",
        );
        same_figure(
            &row[col("laggards_sd")],
            &d["laggards"]["sd"],
            "laggards sd",
        );
        same_figure(&row[col("hedges_g")], &d["hedges_g"], "g");
        same_figure(&row[col("welch_p")], &d["welch"]["p"], "welch p");
        same_figure(&row[col("mann_whitney_u")], &d["mann_whitney"]["u"], "U");
    }
    for row in rows.iter().filter(|r| r[0] == "company") {
        let c = v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| row[1].trim_start_matches('\'') == c["company_id"].as_str().unwrap())
            .unwrap();
        same_figure(&row[col("composite")], &c["composite"], "composite");
    }
}

#[test]
fn benchmark_csv_figures_are_the_json_rounded() {
    let dir = tempfile::tempdir().unwrap();
    let norms = dir.path().join("norms.json");
    let norms = norms.to_str().unwrap();
    run(&["norms", SMALL, "-o", norms, "--quiet"]);
    let v = json_of(&["benchmark", SMALL, "--norms", norms]);
    let (text, _) = run(&[
        "benchmark",
        SMALL,
        "--norms",
        norms,
        "--format",
        "csv",
        "-q",
    ]);
    let (header, rows) = csv_rows(&text);
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let mut checked = 0;
    for row in rows.iter().filter(|r| r[col("kind")] == "dimension") {
        let c = v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| row[0].trim_start_matches('\'') == c["company_id"].as_str().unwrap())
            .unwrap();
        let d = &c["dimensions"][row[col("id")].as_str()];
        same_figure(&row[col("value")], &d["score"], "score");
        same_figure(&row[col("percentile")], &d["percentile"], "percentile");
        same_figure(&row[col("norm_median")], &d["norm_median"], "norm median");
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn the_format_follows_the_extension_and_format_wins() {
    let dir = tempfile::tempdir().unwrap();
    for (ext, check) in [
        ("json", "\"schema_version\""),
        ("csv", "company_id,"),
        ("md", "# Alignment scores"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let out = dir.path().join(format!("scores.{ext}"));
        align()
            .args(["score", SMALL, "-q", "-o"])
            .arg(&out)
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(check), "{ext}: {text}");
    }
    // --format wins over the extension, with a warning.
    let out = dir.path().join("scores.md");
    let o = align()
        .args(["score", SMALL, "--format", "csv", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("warning: writing csv to a file named .md"),
        "{}",
        stderr(&o)
    );
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("company_id,"));
}

#[test]
fn an_unknown_extension_or_xlsx_to_stdout_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    let o = output(&["gaps", SMALL, "-o", pdf.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("table, json, csv, markdown, html, xlsx"),
        "{err}"
    );
    assert!(!pdf.exists());
    let o = output(&["score", SMALL, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("-o FILE.xlsx"));
}

#[test]
fn table_picks_a_csv_table_and_an_unknown_one_lists_them() {
    let (text, _) = run(&["score", SMALL, "--format", "csv", "--table", "reliability"]);
    let (header, rows) = csv_rows(&text);
    assert_eq!(header[0], "dimension");
    assert!(header.contains(&"alpha_ci95_low".to_string()));
    assert_eq!(rows.len(), 3);
    let o = output(&["score", SMALL, "--format", "csv", "--table", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("the tables are: companies, reliability, items"),
        "{}",
        stderr(&o)
    );
    let (text, _) = run(&[
        "gaps",
        SMALL,
        "--format",
        "csv",
        "--table",
        "disconnect",
        "-q",
    ]);
    assert!(text.starts_with("id,kind,"), "{text}");
}

#[test]
fn xlsx_has_numeric_cells_sheets_and_string_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scores.xlsx");
    align()
        .args(["score", SMALL, "-q", "-o"])
        .arg(&path)
        .assert()
        .success();
    let v = json_of(&["score", SMALL]);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        vec!["companies", "reliability", "items", "input"]
    );
    let range = wb.worksheet_range("companies").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |label: &str| header.iter().position(|h| h == label).unwrap();
    let ids: Vec<&Data> = range.rows().skip(1).map(|r| &r[0]).collect();
    assert!(
        ids.contains(&&Data::String("=SUM(1+1)".into())),
        "a company id is a string cell, not a formula: {ids:?}"
    );
    // Full precision, as numbers.
    for (r, c) in range.rows().skip(1).zip(v["companies"].as_array().unwrap()) {
        match (&r[col("Index")], c["scores"]["alignment_index"].as_f64()) {
            (Data::Float(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{x} {y}"),
            (Data::Empty, None) | (Data::String(_), None) => {}
            (cell, y) => panic!("{cell:?} for {y:?}"),
        }
    }
    assert!(matches!(
        range.rows().nth(1).unwrap()[col("n")],
        Data::Float(_)
    ));
    let input = wb.worksheet_range("input").unwrap();
    let text: Vec<String> = input.rows().map(|r| r[0].to_string()).collect();
    assert!(
        text.iter().any(|l| l.starts_with("Instrument:")),
        "{text:?}"
    );
    // Every other command writes a workbook too.
    for cmd in [
        &["gaps", SMALL][..],
        &["leaders", SMALL, "--scheme", "median"],
    ] {
        let p = dir.path().join("x.xlsx");
        align()
            .args(cmd)
            .args(["-q", "-o"])
            .arg(&p)
            .assert()
            .success();
        let wb: Xlsx<_> = open_workbook(&p).unwrap();
        assert!(wb.sheet_names().contains(&"companies".to_string()));
    }
}

/// The companies sheet is written a row at a time through a temporary
/// file, and the workbook zipped into another; with no temporary directory
/// to make them in, both are held in memory instead: the same cells.
#[test]
fn xlsx_without_a_temporary_directory_has_the_same_cells() {
    let dir = tempfile::tempdir().unwrap();
    let sheets = |tmp: Option<&std::path::Path>| {
        let path = dir.path().join("scores.xlsx");
        let mut cmd = align();
        cmd.args(["score", "data/survey.csv", "-q", "-o"])
            .arg(&path);
        if let Some(t) = tmp {
            cmd.env("TMPDIR", t);
        }
        cmd.assert().success().stderr("");
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        let names = wb.sheet_names();
        let cells: Vec<Vec<Vec<Data>>> = names
            .iter()
            .map(|n| {
                let range = wb.worksheet_range(n).unwrap();
                range.rows().map(|r| r.to_vec()).collect()
            })
            .collect();
        (names, cells)
    };
    let usual = sheets(None);
    let none = sheets(Some(&dir.path().join("no such directory")));
    assert_eq!(usual.0, vec!["companies", "reliability", "items", "input"]);
    // The header and the sample's 120 companies.
    assert_eq!(usual.1[0].len(), 121);
    assert_eq!(usual, none);
}

#[test]
fn score_decimals_round_markdown_and_table_like_csv() {
    let v = json_of(&["score", SMALL]);
    let first = &v["companies"][0];
    let id = first["company_id"].as_str().unwrap();
    let want = format!(
        "{:.3}",
        first["scores"]["alignment_index"].as_f64().unwrap()
    );
    for format in ["markdown", "table"] {
        let (text, _) = run(&[
            "score",
            SMALL,
            "--format",
            format,
            "--decimals",
            "3",
            "--quiet",
        ]);
        let row = text
            .lines()
            .find(|l| l.contains(id) && l.contains(&want))
            .unwrap_or_else(|| panic!("{format}: no row of {id} with {want}:\n{text}"));
        // Default: indexes to one decimal.
        assert!(!row.is_empty());
        let (plain, _) = run(&["score", SMALL, "--format", format, "--quiet"]);
        let one = format!(
            "{:.1}",
            first["scores"]["alignment_index"].as_f64().unwrap()
        );
        assert!(
            plain.lines().any(|l| l.contains(id) && l.contains(&one)),
            "{format}"
        );
    }
}

#[test]
fn report_writes_csv_and_xlsx_like_every_command() {
    let v = json_of(&["score", SMALL]);
    let (text, _) = run(&["report", SMALL, "--format", "csv", "--quiet"]);
    let (header, rows) = csv_rows(&text);
    let col = header.iter().position(|h| h == "alignment_index").unwrap();
    let c = &v["companies"][0];
    let id = c["company_id"].as_str().unwrap();
    let row = rows
        .iter()
        .find(|r| r[0] == id || r[0] == format!("'{id}"))
        .unwrap();
    same_figure(&row[col], &c["scores"]["alignment_index"], id);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    align()
        .args(["report", SMALL, "--quiet", "-o"])
        .arg(&path)
        .assert()
        .success();
    let book: Xlsx<_> = open_workbook(&path).unwrap();
    assert!(book.sheet_names().len() >= 3, "{:?}", book.sheet_names());
}
