//! Peer groups (`--companies`, `--segment`): reference values, privacy and
//! bad input (docs/methods.md, "Peer groups" and "Disclosure control").
//!
//! Every expected figure below was computed independently by
//! `tests/reference/segments_reference.py`, which also writes the fixture
//! `tests/data/segments/`: company scores as 0–100 indexes of the mean
//! answer, quantiles with `numpy.percentile` (linear, numpy's default), sd
//! with `ddof=1`, Kruskal–Wallis with `scipy.stats.kruskal` over the
//! segments finally shown (scores equal in exact arithmetic tied), ε² = H /
//! (n − 1). Compared with an absolute tolerance of 1e-9.
//!
//! The fixture, at `--anonymity 3` and `--min-companies 5`: segment A has 6
//! shown companies and one of 2 respondents (K99, hidden: in no figure); B
//! 5; C 5; E 7; D 2 and `(none)` 1 (hidden, too small). D + `(none)` hold 3
//! companies, fewer than 5, so B (5, first by name of the smallest) is
//! hidden too. The companies file names one company not in the survey.

use crate::support;
use support::cli::{data, output, run_json, stderr};

use serde_json::Value;

fn segments_args(cmd: &str) -> Vec<String> {
    vec![
        cmd.into(),
        data("segments/responses.csv"),
        "--instrument".into(),
        data("segments/instrument.json"),
        "--companies".into(),
        data("segments/companies.csv"),
        "--segment".into(),
        "industry".into(),
        "--format".into(),
        "json".into(),
    ]
}

fn run(cmd: &str) -> (Value, String) {
    let args = segments_args(cmd);
    let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    run_json(&args)
}

fn close(v: &Value, want: f64, what: &str) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: not a number: {v}"));
    assert!((got - want).abs() < 1e-9, "{what}: {got} != {want}");
}

fn group<'a>(seg: &'a Value, value: &str) -> &'a Value {
    seg["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["value"] == value)
        .unwrap_or_else(|| panic!("no segment {value}"))
}

/// (segment, measure, mean, sd, median, p25, p75) from numpy.
const SPREADS: &[(&str, &str, [f64; 5])] = &[
    (
        "A",
        "fit",
        [
            58.333333333333336,
            20.41241452319315,
            66.66666666666666,
            47.916666666666664,
            72.91666666666666,
        ],
    ),
    (
        "A",
        "cadence",
        [
            56.944444444444436,
            20.01157072703097,
            62.5,
            45.83333333333333,
            72.91666666666666,
        ],
    ),
    (
        "A",
        "alignment_index",
        [
            57.638888888888886,
            10.346989184549539,
            52.08333333333333,
            50.0,
            66.66666666666666,
        ],
    ),
    (
        "C",
        "fit",
        [
            53.33333333333333,
            24.00810048481322,
            66.66666666666666,
            41.666666666666664,
            66.66666666666666,
        ],
    ),
    (
        "C",
        "cadence",
        [
            63.33333333333333,
            12.638125740085918,
            66.66666666666666,
            50.0,
            75.0,
        ],
    ),
    (
        "C",
        "alignment_index",
        [
            58.33333333333333,
            10.622957319984968,
            58.33333333333333,
            58.33333333333333,
            62.5,
        ],
    ),
    (
        "E",
        "fit",
        [
            24.999999999999996,
            11.785113019775793,
            25.0,
            16.666666666666668,
            33.333333333333336,
        ],
    ),
    (
        "E",
        "cadence",
        [
            53.57142857142857,
            25.845491250688543,
            50.0,
            37.5,
            70.83333333333333,
        ],
    ),
    (
        "E",
        "alignment_index",
        [
            39.285714285714285,
            9.876887670360034,
            37.49999999999999,
            33.33333333333333,
            45.83333333333333,
        ],
    ),
];

/// (segment, n_companies, Low, Mid, High, perceived aligned) from numpy.
const SHARES: &[(&str, u64, [f64; 4])] = &[
    (
        "A",
        6,
        [
            0.0,
            0.6666666666666666,
            0.3333333333333333,
            0.3333333333333333,
        ],
    ),
    ("C", 5, [0.0, 0.8, 0.2, 0.0]),
    (
        "E",
        7,
        [
            0.5714285714285714,
            0.42857142857142855,
            0.0,
            0.42857142857142855,
        ],
    ),
];

/// (measure, H, p, ε²) from scipy.stats.kruskal over A, C and E.
const TESTS: &[(&str, [f64; 3])] = &[
    (
        "fit",
        [7.252176870748294, 0.026620107295880314, 0.426598639455782],
    ),
    (
        "cadence",
        [0.6616134751772944, 0.7183439845168599, 0.03891843971631143],
    ),
    (
        "alignment_index",
        [8.55426431805742, 0.013882417618987826, 0.50319201870926],
    ),
];

fn check_reference(seg: &Value) {
    assert_eq!(seg["attribute"], "Industry");
    assert_eq!(seg["min_companies"], 5);
    for (name, measure, want) in SPREADS {
        let d = &group(seg, name)["dimensions"][measure];
        for (k, key) in ["mean", "sd", "median", "p25", "p75"].iter().enumerate() {
            close(&d[key], want[k], &format!("{name} {measure} {key}"));
        }
    }
    for (name, n, want) in SHARES {
        let g = group(seg, name);
        assert_eq!(g["suppressed"], false);
        assert_eq!(g["n_companies"], *n);
        assert_eq!(g["n_respondents"], 3 * n);
        for (k, stage) in ["Low", "Mid", "High"].iter().enumerate() {
            close(
                &g["stages"][stage],
                want[k],
                &format!("{name} stage {stage}"),
            );
        }
        close(
            &g["share_perceived_aligned"],
            want[3],
            &format!("{name} perceived"),
        );
    }
    for (measure, want) in TESTS {
        let t = &seg["tests"][measure];
        close(&t["h"], want[0], &format!("{measure} H"));
        assert_eq!(t["df"], 2, "{measure} df");
        close(&t["p"], want[1], &format!("{measure} p"));
        close(&t["epsilon2"], want[2], &format!("{measure} ε²"));
    }
}

#[test]
fn score_segments_match_numpy_and_scipy() {
    let (v, _) = run("score");
    check_reference(&v["segments"]);
    // No outcomes in `score`: leader and laggard shares are null.
    assert!(group(&v["segments"], "A")["share_leaders"].is_null());
}

#[test]
fn gaps_and_report_carry_the_same_segments() {
    let (g, _) = run("gaps");
    check_reference(&g["segments"]);
    let (r, _) = run("report");
    check_reference(&r["segments"]);
}

#[test]
fn small_segments_are_hidden_and_one_more_complementary() {
    let (v, _) = run("score");
    let seg = &v["segments"];
    let order: Vec<&str> = seg["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["value"].as_str().unwrap())
        .collect();
    // Shown by value, then hidden by value with "(none)" last.
    assert_eq!(order, ["A", "C", "E", "B", "D", "(none)"]);
    for (name, n) in [("B", 5), ("D", 2), ("(none)", 1)] {
        let g = group(seg, name);
        assert_eq!(g["suppressed"], true, "{name}");
        assert_eq!(g["n_companies"], n, "{name}");
        for key in [
            "dimensions",
            "stages",
            "share_leaders",
            "share_laggards",
            "share_perceived_aligned",
        ] {
            assert!(g[key].is_null(), "{name} {key} is printed");
        }
    }
}

#[test]
fn hidden_companies_are_in_no_segment_figure() {
    // K99 (2 respondents, all answers 5) is in A's companies file row but
    // hidden: A counts 6 companies and 18 respondents, and its figures are
    // those of the six shown companies (checked against numpy above).
    let (v, err) = run("score");
    let a = group(&v["segments"], "A");
    assert_eq!(a["n_companies"], 6);
    assert_eq!(a["n_respondents"], 18);
    assert!(err.contains("K99"), "{err}");
}

#[test]
fn segment_shown_companies_threshold_follows_min_companies() {
    let mut args = segments_args("score");
    args.extend(["--min-companies".into(), "7".into()]);
    let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    let (v, err) = run_json(&args);
    // Only E has 7; every other segment is hidden, 19 companies in all.
    let shown: Vec<&str> = v["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["suppressed"] == false)
        .map(|g| g["value"].as_str().unwrap())
        .collect();
    assert_eq!(shown, ["E"]);
    assert!(v["segments"]["tests"]["fit"]["h"].is_null());
    assert!(err.contains("fewer than two segments"), "{err}");
}

#[test]
fn a_company_in_the_file_but_not_in_the_survey_is_a_warning() {
    let (_, err) = run("score");
    assert!(err.contains("K77"), "{err}");
    assert!(err.contains("not in the survey"), "{err}");
}

#[test]
fn without_segment_there_is_no_segments_key() {
    let (v, _) = run_json(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &data("segments/instrument.json"),
        "--companies",
        &data("segments/companies.csv"),
        "--format",
        "json",
    ]);
    assert!(v.get("segments").is_none());
}

#[test]
fn a_missing_attribute_is_a_usage_error_with_near_matches() {
    let mut args = segments_args("score");
    let at = args.iter().position(|a| a == "industry").unwrap();
    args[at] = "regoin".into();
    let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    let out = output(&args);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("\"regoin\""), "{err}");
    assert!(err.contains("did you mean \"region\""), "{err}");
}

#[test]
fn segment_without_companies_is_a_usage_error() {
    let out = output(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &data("segments/instrument.json"),
        "--segment",
        "industry",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--companies"));
}

#[test]
fn a_companies_file_without_its_key_column_is_invalid_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firms.csv");
    std::fs::write(&path, "firm,industry\nK01,A\n").unwrap();
    let out = output(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &data("segments/instrument.json"),
        "--companies",
        path.to_str().unwrap(),
        "--segment",
        "industry",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("--companies-key"), "{}", stderr(&out));
    // With the key named, it loads.
    let out = output(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &data("segments/instrument.json"),
        "--companies",
        path.to_str().unwrap(),
        "--companies-key",
        "FIRM",
        "--segment",
        "industry",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_duplicate_company_in_the_companies_file_is_invalid_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("firms.csv");
    std::fs::write(&path, "company_id,industry\nK01,A\n K01 ,B\n").unwrap();
    let out = output(&[
        "score",
        &data("segments/responses.csv"),
        "--instrument",
        &data("segments/instrument.json"),
        "--companies",
        path.to_str().unwrap(),
        "--segment",
        "industry",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).contains("duplicate company"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_format_has_the_peer_groups() {
    for format in ["table", "markdown", "csv"] {
        let mut args = segments_args("score");
        let n = args.len();
        args[n - 1] = format.into();
        if format == "csv" {
            args.extend(["--table".into(), "segments".into()]);
        }
        let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
        let out = output(&args);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", stderr(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("(none)"), "{format}:\n{text}");
        if format != "csv" {
            assert!(
                text.contains("Peer groups by Industry"),
                "{format}:\n{text}"
            );
            assert!(text.contains("Kruskal"), "{format}:\n{text}");
        }
    }
}

#[test]
fn report_html_draws_a_box_per_shown_segment_and_measure() {
    let mut args = segments_args("report");
    let n = args.len();
    args[n - 1] = "html".into();
    let args: Vec<&str> = args.iter().map(|s| s.as_str()).collect();
    let out = output(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let html = scraper::Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    let figure = scraper::Selector::parse("figure.chart").unwrap();
    let text = scraper::Selector::parse("text").unwrap();
    let chart = html
        .select(&figure)
        .find(|f| f.text().any(|t| t.contains("Company scores by Industry")))
        .expect("the peer-group chart");
    let labels: Vec<String> = chart
        .select(&text)
        .map(|t| t.text().collect::<String>().trim().to_string())
        .collect();
    // Shown segments A, C and E, once per measure (fit, cadence, alignment
    // index); the hidden B, D and (none) have no box.
    for seg in ["A", "C", "E"] {
        assert_eq!(labels.iter().filter(|l| *l == seg).count(), 3, "{labels:?}");
    }
    for seg in ["B", "D", "(none)"] {
        assert!(!labels.iter().any(|l| l == seg), "{seg} in {labels:?}");
    }
    for measure in ["Fit", "Cadence", "Alignment index"] {
        assert!(labels.iter().any(|l| l == measure), "{labels:?}");
    }
}
