//! Segments declared in the instrument (`"segments": [{"id", "column"}]`)
//! and read from the responses: a company's value is its scored
//! respondents' most frequent non-blank value, ties going to the
//! alphabetically first with a warning (docs/methods.md, "Peer groups").
//!
//! The fixture is `tests/data/segments/` with an `Industry` column added
//! to the responses (written by [`fixture`]): each company's respondents
//! give the value of its row in `companies.csv`, except where a test sets
//! other values by hand. The reference for every figure is the same run
//! with an equivalent `--companies` file, whose figures `segments.rs`
//! checks against numpy and scipy.

use crate::support;
use support::cli::{data, output, run_json, run_ok, stderr};

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// Each company's industry in `companies.csv` (blank: none).
fn industries() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(data("segments/companies.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_string(), cells[1].to_string())
        })
        .collect()
}

/// The responses with an `Industry` column: company `c`'s `k`-th row (from
/// 0) gives `cell(c, k)`.
fn responses_with(dir: &Path, cell: impl Fn(&str, usize) -> String) -> String {
    let text = std::fs::read_to_string(data("segments/responses.csv")).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{},Industry\n", lines.next().unwrap());
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for l in lines {
        let company = l.split(',').nth(1).unwrap().to_string();
        let k = seen.entry(company.clone()).or_insert(0);
        out += &format!("{l},{}\n", cell(&company, *k));
        *k += 1;
    }
    let path = dir.join("responses.csv");
    std::fs::write(&path, out).unwrap();
    path.to_string_lossy().into_owned()
}

/// The fixture's instrument with `segments` added.
fn instrument_with(dir: &Path, segments: &str) -> String {
    let text = std::fs::read_to_string(data("segments/instrument.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    v["segments"] = serde_json::from_str(segments).unwrap();
    let path = dir.join("instrument.json");
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    path.to_string_lossy().into_owned()
}

const INDUSTRY: &str = r#"[{"id": "industry", "column": "Industry"}]"#;

/// The responses where company `c`'s respondents give: its industry twice
/// and a stray value once (a mode of 2 against 1), `NA` (a missing-value
/// token) or blank for the companies without one. K99 (2 respondents,
/// hidden at `--anonymity 3`) gives "A" twice.
fn fixture(dir: &Path) -> (String, String) {
    let ind = industries();
    let responses = responses_with(dir, |c, k| {
        let v = ind.get(c).cloned().unwrap_or_default();
        match (v.as_str(), k) {
            ("", 0) => "NA".into(),
            ("", _) => " ".into(),
            (_, 2) => "Zeta".into(),
            _ => format!(" {v} "),
        }
    });
    (responses, instrument_with(dir, INDUSTRY))
}

/// A companies file with a column `industry` equivalent to the fixture.
fn companies_file(dir: &Path) -> String {
    let mut out = String::from("company_id,industry\n");
    for (c, v) in industries() {
        if c != "K77" {
            out += &format!("{c},{v}\n");
        }
    }
    let path = dir.join("companies.csv");
    std::fs::write(&path, out).unwrap();
    path.to_string_lossy().into_owned()
}

/// Run with `--format json`, and `--anonymity 3` unless `args` set it.
fn json(args: &[&str]) -> (Value, String) {
    let mut a = args.to_vec();
    if !a.contains(&"--anonymity") {
        a.extend(["--anonymity", "3"]);
    }
    a.extend(["--format", "json"]);
    run_json(&a)
}

/// `v` without its `input` key (file names differ between runs).
fn without_input(mut v: Value) -> Value {
    v.as_object_mut().unwrap().remove("input");
    v
}

fn group<'a>(v: &'a Value, value: &str) -> &'a Value {
    v["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["value"] == value)
        .unwrap_or_else(|| panic!("no segment {value}: {}", v["segments"]))
}

#[test]
fn score_declared_segment_equals_the_companies_file() {
    let dir = tempfile::tempdir().unwrap();
    let (resp, inst) = fixture(dir.path());
    let (declared, err) = json(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--segment",
        "industry",
    ]);
    assert!(!err.contains("tied"), "{err}");
    let companies = companies_file(dir.path());
    let plain = data("segments/instrument.json");
    let (from_file, _) = json(&[
        "score",
        &resp,
        "--instrument",
        &plain,
        "--companies",
        &companies,
        "--segment",
        "industry",
    ]);
    assert_eq!(declared["segments"]["attribute"], "industry");
    assert_eq!(without_input(declared.clone()), without_input(from_file));
    // The mode of 2 against 1, and blank or "NA" only: segment (none).
    assert_eq!(group(&declared, "A")["n_companies"], 6);
    assert_eq!(group(&declared, "E")["n_companies"], 7);
    assert_eq!(group(&declared, "(none)")["n_companies"], 1);
    assert!(declared["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["value"] != "Zeta" && g["value"] != "NA"));
}

#[test]
fn gaps_declared_segment_equals_the_companies_file() {
    let dir = tempfile::tempdir().unwrap();
    let (resp, inst) = fixture(dir.path());
    let companies = companies_file(dir.path());
    let plain = data("segments/instrument.json");
    let (declared, _) = json(&[
        "gaps",
        &resp,
        "--instrument",
        &inst,
        "--segment",
        "industry",
    ]);
    let (from_file, _) = json(&[
        "gaps",
        &resp,
        "--instrument",
        &plain,
        "--companies",
        &companies,
        "--segment",
        "industry",
    ]);
    assert_eq!(declared["segments"]["attribute"], "industry");
    assert_eq!(declared["segments"], from_file["segments"]);
}

#[test]
fn score_declared_segment_ties_go_to_the_alphabetically_first_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ind = industries();
    // K01: "Tech", "Retail" and a blank: tied 1–1, "Retail" is used.
    // K02: "Tech" twice, "Bank" once: "Tech", no tie.
    // K99 (hidden, 2 respondents): "Y", "X": tied, but not named.
    let resp = responses_with(dir.path(), |c, k| match (c, k) {
        ("K01", 0) => "Tech".into(),
        ("K01", 1) => "Retail".into(),
        ("K01", _) => String::new(),
        ("K02", 2) => "Bank".into(),
        ("K02", _) => "Tech".into(),
        ("K99", 0) => "Y".into(),
        ("K99", _) => "X".into(),
        _ => ind.get(c).cloned().unwrap_or_default(),
    });
    let inst = instrument_with(dir.path(), INDUSTRY);
    let (v, err) = json(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--segment",
        "industry",
    ]);
    let ties: Vec<&str> = err.lines().filter(|l| l.contains("tied")).collect();
    assert_eq!(ties.len(), 1, "{err}");
    assert!(
        ties[0].contains(
            "company K01's respondents are tied between 2 values of column \"Industry\"; \"Retail\", the alphabetically first, is used"
        ),
        "{err}"
    );
    assert!(
        !ties.iter().any(|l| l.contains("K99")),
        "a hidden company's tie is named: {err}"
    );
    assert!(!err.contains("Tech\""), "a losing value is printed: {err}");
    assert_eq!(group(&v, "Retail")["n_companies"], 1);
    assert_eq!(group(&v, "Tech")["n_companies"], 1);
    assert_eq!(group(&v, "A")["n_companies"], 4);
    // Hidden companies enter no segment: no segment "X".
    assert!(v["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["value"] != "X"));
}

#[test]
fn score_declared_segment_counts_only_scored_rows() {
    let dir = tempfile::tempdir().unwrap();
    let ind = industries();
    // K03's third respondent answers nothing (excluded, too few answers)
    // and says "Zeta"; its two scored respondents say "Zeta" and "A":
    // without the excluded row it is a tie won by "A".
    let text = std::fs::read_to_string(data("segments/responses.csv")).unwrap();
    let mut out = String::from("rid,company_id,F1,C1,P1,Industry\n");
    let mut k3 = 0;
    for l in text.lines().skip(1) {
        let cells: Vec<&str> = l.split(',').collect();
        let c = cells[1];
        if c == "K03" {
            let (line, v) = match k3 {
                0 => (l.to_string(), "Zeta"),
                1 => (l.to_string(), "A"),
                _ => (format!("{},{},,,", cells[0], c), "Zeta"),
            };
            k3 += 1;
            out += &format!("{line},{v}\n");
        } else {
            out += &format!("{l},{}\n", ind[c]);
        }
    }
    let resp = dir.path().join("responses.csv");
    std::fs::write(&resp, out).unwrap();
    let inst = instrument_with(dir.path(), INDUSTRY);
    let resp = resp.to_string_lossy().into_owned();
    let (v, err) = json(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--segment",
        "industry",
        "--anonymity",
        "2",
    ]);
    assert_eq!(v["input"]["rows_excluded"], 1, "{err}");
    assert!(
        err.contains(
            "company K03's respondents are tied between 2 values of column \"Industry\"; \"A\""
        ),
        "{err}"
    );
    // The value that lost is not printed (it may be one respondent's text).
    assert!(!err.contains("Zeta"), "{err}");
    // A: K01–K06 and, shown at --anonymity 2, K99.
    assert_eq!(group(&v, "A")["n_companies"], 7);
}

#[test]
fn norms_and_benchmark_use_the_declared_segment() {
    let dir = tempfile::tempdir().unwrap();
    let (resp, inst) = fixture(dir.path());
    let companies = companies_file(dir.path());
    let plain = data("segments/instrument.json");
    let declared = dir.path().join("declared.json");
    let from_file = dir.path().join("from-file.json");
    let d = declared.to_string_lossy().into_owned();
    let f = from_file.to_string_lossy().into_owned();
    run_ok(&[
        "norms",
        &resp,
        "--instrument",
        &inst,
        "--anonymity",
        "3",
        "--segment",
        "industry",
        "-o",
        &d,
    ]);
    run_ok(&[
        "norms",
        &resp,
        "--instrument",
        &plain,
        "--anonymity",
        "3",
        "--companies",
        &companies,
        "--segment",
        "industry",
        "-o",
        &f,
    ]);
    let read =
        |p: &Path| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap() };
    let (a, b) = (read(&declared), read(&from_file));
    assert_eq!(a["segments"], b["segments"]);
    let values: Vec<&str> = a["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["A", "C", "E"]);

    let (bench, _) = json(&[
        "benchmark",
        &resp,
        "--instrument",
        &inst,
        "--norms",
        &d,
        "--peer",
        "industry",
    ]);
    let (bench_file, _) = json(&[
        "benchmark",
        &resp,
        "--instrument",
        &plain,
        "--norms",
        &f,
        "--peer",
        "industry",
        "--companies",
        &companies,
    ]);
    assert_eq!(bench["companies"], bench_file["companies"]);
    let k01 = bench["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "K01")
        .unwrap();
    assert_eq!(k01["peer"]["segment"], "A", "{k01}");
}

#[test]
fn score_missing_segment_column_is_an_error_with_a_near_match() {
    let dir = tempfile::tempdir().unwrap();
    let (resp, _) = fixture(dir.path());
    let inst = instrument_with(dir.path(), r#"[{"id": "industry", "column": "Industri"}]"#);
    let o = output(&["score", &resp, "--instrument", &inst]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("\"Industri\" (segment industry; did you mean \"Industry\"?)"),
        "{err}"
    );
}

#[test]
fn score_unknown_segment_lists_both_sources() {
    let dir = tempfile::tempdir().unwrap();
    let (resp, inst) = fixture(dir.path());
    let companies = data("segments/companies.csv");
    let o = output(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--companies",
        &companies,
        "--segment",
        "industri",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("the companies file's attributes are: Industry, region"),
        "{err}"
    );
    assert!(
        err.contains("the instrument's segments are: industry"),
        "{err}"
    );
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn score_companies_file_wins_over_a_declared_segment_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // Every respondent says "Other"; the companies file says otherwise.
    let resp = responses_with(dir.path(), |_, _| "Other".into());
    let inst = instrument_with(dir.path(), INDUSTRY);
    let companies = companies_file(dir.path());
    let (v, err) = json(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--companies",
        &companies,
        "--segment",
        "industry",
    ]);
    assert!(err.contains("the companies file is used"), "{err}");
    assert_eq!(group(&v, "A")["n_companies"], 6);
}

#[test]
fn instrument_segments_are_validated() {
    let dir = tempfile::tempdir().unwrap();
    let inst = instrument_with(
        dir.path(),
        r#"[{"id": "industry", "column": "Industry"}, {"id": "Industry", "column": "F1"}]"#,
    );
    let o = output(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &inst,
    ]);
    assert_ne!(o.status.code(), Some(0));
    let err = stderr(&o);
    assert!(
        err.contains("segment id \"Industry\" is used twice"),
        "{err}"
    );
    assert!(
        err.contains("column \"F1\" is a question's column"),
        "{err}"
    );
}

#[test]
fn score_many_declared_segment_ties_are_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    // Every company's respondents: "Bb", "Aa", then blank: all tied.
    let resp = responses_with(dir.path(), |_, k| ["Bb", "Aa", ""][k].into());
    let inst = instrument_with(dir.path(), INDUSTRY);
    let (v, err) = json(&[
        "score",
        &resp,
        "--instrument",
        &inst,
        "--segment",
        "industry",
    ]);
    let ties: Vec<&str> = err.lines().filter(|l| l.contains("tied")).collect();
    assert_eq!(ties.len(), 1, "{err}");
    // 26 shown companies (K99 is hidden and not counted).
    assert!(
        ties[0].contains(
            "26 companies' respondents are tied between values of column \"Industry\"; each gets the alphabetically first of its tied values: K01 (\"Aa\"), K02 (\"Aa\"), K03 (\"Aa\"), K04 (\"Aa\"), K05 (\"Aa\"), … (26 in all)"
        ),
        "{err}"
    );
    assert_eq!(group(&v, "Aa")["n_companies"], 26);
}
