//! Rendering of `align gaps` in every format: table and Markdown snapshots
//! of the reference fixture (tests/data/gaps, see tests/cli/gaps_reference.rs),
//! privacy (a company below `--anonymity` is hidden in every format but
//! still counts in the quadrants, shares and correlations), and safe CSV /
//! Markdown on tests/render/small.csv (company ids that try to break them).

use crate::support;
use support::cli::{align, run_ok as run};

use serde_json::Value;

const RESP: &str = "tests/data/gaps/responses.csv";
const INST: &str = "tests/data/gaps/instrument.json";
const OUTCOMES: &str = "tests/data/gaps/outcomes.csv";
const SMALL: &str = "tests/render/small.csv";

/// `align gaps` on the fixture with outcomes, in `format`, plus `extra`.
fn fixture(format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "gaps",
        RESP,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        format,
    ];
    args.extend_from_slice(extra);
    run(&args).0
}

#[test]
fn gaps_table_snapshot() {
    let out = fixture("table", &[]);
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
    // The table leads with the two headline sentences.
    let lines: Vec<&str> = out.lines().collect();
    // k13 (2 respondents) is hidden and counts nowhere: 8 of the 11 shown
    // companies say they are aligned; 14 of the 28 marketing respondents
    // of shown companies agree with s_mkt_buyers.
    assert!(lines[3].starts_with("• 73% of companies say they are aligned (8 of 11"));
    assert!(out.contains("\n• Widest sales–marketing gap: 0% of sales and 50% of marketing"));
    insta::assert_snapshot!("gaps_table", out);
}

#[test]
fn gaps_table_without_outcomes_snapshot() {
    let (out, _) = run(&[
        "gaps",
        RESP,
        "--instrument",
        "tests/data/gaps/instrument_no_outcomes.json",
    ]);
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
    assert!(out.contains("Note: The quadrants by outcome"), "{out}");
    assert!(!out.contains("Perceived alignment × outcomes"));
    insta::assert_snapshot!("gaps_table_no_outcomes", out);
}

#[test]
fn gaps_markdown_snapshot() {
    let out = fixture("markdown", &[]);
    insta::assert_snapshot!("gaps_markdown", out);
}

#[test]
fn gaps_hides_small_companies_in_every_format_and_counts_them_nowhere() {
    // k13 has 2 respondents.
    let json = fixture("json", &[]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let k13 = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "k13")
        .unwrap();
    assert_eq!(k13["suppressed"], true);
    for k in [
        "perception_index",
        "alignment_index",
        "overconfidence",
        "perceived_aligned",
        "measured_aligned",
        "composite",
        "above_median",
    ] {
        assert!(k13[k].is_null(), "{k} shown for a hidden company");
    }
    assert_eq!(v["hidden"]["companies"], 1);
    // Listed last.
    assert_eq!(v["companies"].as_array().unwrap().last().unwrap(), k13);

    // Shown at --anonymity 1, and then counted: it moves the pooled
    // figures, which the default threshold computes without it.
    let all: Value = serde_json::from_str(&fixture("json", &["--anonymity", "1"])).unwrap();
    assert_ne!(all["perception"], v["perception"]);
    assert_eq!(all["perception"]["quadrants"]["n"], 12);
    assert_eq!(v["perception"]["quadrants"]["n"], 11);
    let shown = all["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "k13")
        .unwrap();
    assert!(shown["overconfidence"].is_f64());

    let table = fixture("table", &[]);
    assert!(!table.contains("k13"), "{table}");
    assert!(table.contains("1 company with fewer than 3 respondents is not listed"));
    assert!(fixture("table", &["--anonymity", "1"]).contains("k13"));

    let md = fixture("markdown", &[]);
    assert!(!md.contains("| k13"), "{md}");
    assert!(md.contains("1 company with fewer than 3 respondents is not listed"));

    let csv = fixture("csv", &[]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let row = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[1] == "k13")
        .unwrap();
    for (h, cell) in header.iter().zip(row.iter()) {
        match h {
            "section" => assert_eq!(cell, "company"),
            "id" => {}
            "n" => assert_eq!(cell, "2"),
            "suppressed" => assert_eq!(cell, "true"),
            _ => assert_eq!(cell, "", "column {h} shows a figure for a hidden company"),
        }
    }
}

#[test]
fn gaps_csv_is_rectangular_and_parses_back() {
    let csv = fixture("csv", &[]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let disconnect: Vec<_> = records.iter().filter(|r| &r[0] == "disconnect").collect();
    let companies: Vec<_> = records.iter().filter(|r| &r[0] == "company").collect();
    assert_eq!(disconnect.len(), 10);
    assert_eq!(companies.len(), 14);
    assert_eq!(&disconnect[0][col("id")], "s_mkt_buyers");
    assert_eq!(disconnect[0][col("pct_sales")].parse::<f64>().unwrap(), 0.0);
    // An undefined p is an empty cell.
    let call = disconnect
        .iter()
        .find(|r| &r[col("id")] == "s_pipeline_call")
        .unwrap();
    assert_eq!(&call[col("p")], "");
    assert_eq!(&call[col("q")], "");
    // Most overconfident first.
    let over: Vec<f64> = companies
        .iter()
        .filter_map(|r| r[col("overconfidence")].parse().ok())
        .collect();
    assert!(over.windows(2).all(|w| w[0] >= w[1]), "{over:?}");
}

#[test]
fn gaps_csv_and_markdown_neutralise_hostile_ids() {
    let (csv, _) = run(&["gaps", SMALL, "--format", "csv", "--quiet"]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let ids: Vec<String> = rdr
        .records()
        .map(|r| r.unwrap())
        .filter(|r| &r[0] == "company")
        .map(|r| r[1].to_string())
        .collect();
    assert!(ids.contains(&"'=SUM(1+1)".to_string()), "{ids:?}");
    assert!(ids.contains(&"Acme | Co".to_string()), "{ids:?}");
    let (md, _) = run(&["gaps", SMALL, "--format", "markdown", "--quiet"]);
    assert!(md.contains("| Acme \\| Co |"), "{md}");
    let (json, _) = run(&["gaps", SMALL, "--format", "json", "--quiet"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert!(!json.contains("NaN") && !json.contains("Infinity"));
}

#[test]
fn gaps_warnings_go_to_stderr_unless_quiet() {
    let out = align()
        .args(["gaps", RESP, "--instrument", INST, "--outcomes", OUTCOMES])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: the sales vs marketing test is undefined"),
        "{err}"
    );
    let out = align()
        .args([
            "gaps",
            RESP,
            "--instrument",
            INST,
            "--outcomes",
            OUTCOMES,
            "-q",
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}
