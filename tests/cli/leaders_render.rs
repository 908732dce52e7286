//! Rendering of `align leaders` in every format: table and Markdown
//! snapshots of the reference fixture (tests/data/leaders/, see
//! tests/cli/leaders_reference.rs), strict JSON, and CSV that parses back and
//! neutralises formula-like company ids (tests/render/small.csv).

use crate::support;
use support::cli::run_ok as run;

use serde_json::Value;

const RESP: &str = "tests/data/leaders/responses.csv";
const INST: &str = "tests/data/leaders/instrument.json";
const OUTCOMES: &str = "tests/data/leaders/outcomes.csv";
const SMALL: &str = "tests/render/small.csv";

fn fixture(format: &str) -> String {
    run(&[
        "leaders",
        RESP,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        format,
    ])
    .0
}

#[test]
fn leaders_table_snapshot() {
    let out = fixture("table");
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
    // The summary leads, then the practices, then the tier list.
    let pos = |s: &str| out.find(s).unwrap_or_else(|| panic!("no {s:?}"));
    assert!(pos("• Indicative: Leaders score") < pos("Practices ranked by effect size"));
    assert!(pos("Practices ranked by effect size") < pos("Companies by tier"));
    insta::assert_snapshot!("leaders_table", out);
}

#[test]
fn leaders_markdown_snapshot() {
    let out = fixture("markdown");
    insta::assert_snapshot!("leaders_markdown", out);
}

#[test]
fn leaders_json_is_strict_and_has_the_spec_keys() {
    let (out, err) = run(&[
        "leaders",
        RESP,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        "json",
    ]);
    assert!(!out.contains("NaN") && !out.contains("Infinity"));
    let v: Value = serde_json::from_str(&out).unwrap();
    for k in [
        "schema_version",
        "scheme",
        "companies",
        "dimensions",
        "items",
        "correlations",
        "input",
        "settings",
        "tiers",
        "unclassified",
        "summary",
        "hidden",
        "warnings",
    ] {
        assert!(v.get(k).is_some(), "no key {k}");
    }
    for k in ["company_id", "composite", "tier"] {
        assert!(v["companies"][0].get(k).is_some(), "companies[].{k}");
    }
    for k in [
        "dimension",
        "leaders",
        "laggards",
        "diff",
        "hedges_g",
        "hedges_g_ci95",
        "welch",
        "mann_whitney",
    ] {
        assert!(v["dimensions"][0].get(k).is_some(), "dimensions[].{k}");
    }
    for k in ["n", "mean", "sd"] {
        assert!(v["dimensions"][0]["leaders"].get(k).is_some());
    }
    for k in ["t", "df", "p"] {
        assert!(v["dimensions"][0]["welch"].get(k).is_some());
    }
    for k in [
        "item",
        "text",
        "q",
        "top2_leaders",
        "top2_laggards",
        "lift",
        "mann_whitney",
    ] {
        assert!(v["items"][0].get(k).is_some(), "items[].{k}");
    }
    for k in ["dimension", "spearman_rho", "p"] {
        assert!(v["correlations"][0].get(k).is_some(), "correlations[].{k}");
    }
    assert_eq!(v["input"]["rows_read"], 79);
    // Warnings go to stderr as well as into the JSON.
    assert!(err.contains("warning: 1 company has fewer than 3"), "{err}");
}

#[test]
fn leaders_csv_parses_back_and_neutralises_formulas() {
    let (csv, _) = run(&["leaders", SMALL, "--scheme", "median", "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    let ids: Vec<&str> = rows
        .iter()
        .filter(|r| &r[0] == "company")
        .map(|r| r.get(1).unwrap())
        .collect();
    assert!(ids.contains(&"'=SUM(1+1)"), "{ids:?}");
    assert!(ids.contains(&"Acme | Co"), "{ids:?}");
    assert_eq!(rows.iter().filter(|r| &r[0] == "dimension").count(), 3);
    assert_eq!(rows.iter().filter(|r| &r[0] == "item").count(), 23);
    // Figures are plain numbers.
    for r in rows.iter().filter(|r| &r[0] == "dimension") {
        for k in [
            "leaders_mean",
            "hedges_g",
            "welch_p",
            "mann_whitney_u",
            "spearman_rho",
        ] {
            assert!(r[col(k)].parse::<f64>().is_ok(), "{k}: {:?}", &r[col(k)]);
        }
    }
}
