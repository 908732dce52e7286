//! `align norms` and `align benchmark` end to end: norms from one survey
//! (tests/data/norms/reference.csv, a 7-point two-dimension instrument with
//! outcomes) and a benchmark of another survey's companies
//! (tests/data/norms/benchmark.csv), checked against the independent
//! computation in tests/reference/norms_reference.py (values pasted into
//! tests/reference/norms_expected.rs), also with the benchmark's own
//! --anonymity 6 (cell thresholds on company item means); the CSV, table
//! and Markdown renderings.
//! Refused files, privacy and atomic writes: tests/cli/norms_files.rs.

use crate::norms_expected as expected;
use crate::norms_support as support;

use expected::{
    Expected, BENCHMARK, BENCHMARK_ANONYMITY_6, BENCHMARK_HIDDEN, BENCHMARK_NO_TIERS,
    NORM_DISTRIBUTIONS, NORM_ITEMS, TIERS,
};
use serde_json::Value;
use support::*;

fn check_benchmark(v: &Value, expected: &[Expected], gap_reference: &str) {
    for e in expected {
        let c = company(v, e.company);
        let id = e.company;
        assert_eq!(c["n"], e.n, "{id}");
        assert_eq!(c["suppressed"], false, "{id}");
        let dims = c["dimensions"].as_object().unwrap();
        assert_eq!(dims.len(), e.dims.len(), "{id}");
        for &(key, score, pct, median, leader) in e.dims {
            let d = &c["dimensions"][key];
            close_opt(&d["score"], score, &format!("{id} {key} score"));
            close_opt(&d["percentile"], pct, &format!("{id} {key} percentile"));
            close(
                &d["norm_median"],
                median,
                &format!("{id} {key} norm_median"),
            );
            close_opt(
                &d["leader_mean"],
                leader,
                &format!("{id} {key} leader_mean"),
            );
        }
        let items = c["items"].as_array().unwrap();
        assert_eq!(items.len(), e.items.len(), "{id}");
        for (it, &(item, mean, reference, gap)) in items.iter().zip(e.items) {
            assert_eq!(it["item"], item, "{id}");
            close_opt(
                &it["company_mean"],
                mean,
                &format!("{id} {item} company_mean"),
            );
            close_opt(
                &it[gap_reference],
                reference,
                &format!("{id} {item} {gap_reference}"),
            );
            close_opt(&it["gap"], gap, &format!("{id} {item} gap"));
        }
        let prios: Vec<&str> = c["priorities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["item"].as_str().unwrap())
            .collect();
        assert_eq!(prios, e.priorities, "{id} priority order");
        for (r, p) in c["priorities"].as_array().unwrap().iter().enumerate() {
            assert_eq!(p["rank"], r + 1);
            let (_, mean, reference, gap) = *e.items.iter().find(|i| i.0 == p["item"]).unwrap();
            close_opt(
                &p["company_mean"],
                mean,
                &format!("{id} priority company_mean"),
            );
            close_opt(
                &p[gap_reference],
                reference,
                &format!("{id} priority {gap_reference}"),
            );
            close_opt(&p["gap"], gap, &format!("{id} priority gap"));
            assert!(p["text"].as_str().is_some_and(|t| !t.is_empty()));
        }
    }
}

#[test]
fn norms_match_the_reference_computation() {
    let dir = tempfile::tempdir().unwrap();
    let (path, out) = build_norms(dir.path(), true, &[]);
    assert!(
        out.stderr
            .contains("2 companies with fewer than 3 respondents are left out of the norms"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("norms from 12 companies"),
        "{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains("only"),
        "12 companies need no few-companies warning: {}",
        out.stderr
    );
    let n: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(n["format"], "align-norms");
    assert_eq!(n["norms_version"], 1);
    assert_eq!(n["instrument"]["name"], "Seven-point alignment pulse");
    assert_eq!(n["instrument"]["version"], "2.1-test");
    assert!(n["instrument"]["fingerprint"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
    assert!(n["checksum"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(n["companies"], 12);
    assert_eq!(n["left_out"], 2);
    assert_eq!(n["respondents"], 55);
    assert_eq!(n["anonymity"], 3);
    assert_eq!(n["weighting"], "respondent");
    let text = std::fs::read_to_string(&path).unwrap();
    for id in ["C0001", "C0009", "C0002"] {
        assert!(!text.contains(id), "norms must hold no company ids ({id})");
    }
    for &(key, scores, mean, sd, median) in NORM_DISTRIBUTIONS {
        let d = if key == "alignment_index" {
            &n["alignment_index"]
        } else {
            &n["dimensions"][key]
        };
        let got = d["scores"].as_array().unwrap();
        assert_eq!(got.len(), scores.len(), "{key}");
        assert_eq!(d["n"], scores.len(), "{key}");
        for (g, w) in got.iter().zip(scores) {
            close(g, *w, &format!("{key} score"));
        }
        close(&d["mean"], mean, &format!("{key} mean"));
        close(&d["sd"], sd, &format!("{key} sd"));
        close(&d["median"], median, &format!("{key} median"));
    }
    for &(item, mean, sd) in NORM_ITEMS {
        close(&n["items"][item]["mean"], mean, &format!("{item} mean"));
        close(&n["items"][item]["sd"], sd, &format!("{item} sd"));
    }
    let t = &n["tiers"];
    assert_eq!(t["scheme"], "aberdeen");
    assert_eq!(t["composite"], "z");
    assert_eq!(t["unclassified"], 0);
    for &(tier, count, dims, items) in TIERS {
        assert_eq!(t[tier]["n"], count, "{tier}");
        for &(k, m) in dims {
            close(&t[tier]["dimensions"][k], m, &format!("{tier} {k}"));
        }
        for &(k, m) in items {
            close(&t[tier]["items"][k], m, &format!("{tier} {k}"));
        }
    }
}

#[test]
fn benchmark_matches_the_reference_computation() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let (v, out) = benchmark_json(&path, &[]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["command"], "benchmark");
    assert_eq!(v["norms"]["comparison"], "leaders");
    assert_eq!(v["norms"]["companies"], 12);
    assert_eq!(v["norms"]["tiers"]["leaders"], 2);
    assert_eq!(v["companies"].as_array().unwrap().len(), 6);
    check_benchmark(&v, BENCHMARK, "leader_mean");
    // "Twin" answers exactly like a norm company: its scores tie with one
    // norm score each, which counts half (mid-rank).
    close(
        &company(&v, "Twin")["dimensions"]["teamwork"]["percentile"],
        100.0 * 6.5 / 12.0,
        "tie",
    );
    // "Tiny" has two respondents: hidden, no figures, named in the warning.
    let tiny = company(&v, "Tiny");
    assert_eq!(tiny["suppressed"], true);
    assert_eq!(tiny["n"], 2);
    assert!(
        tiny["dimensions"].is_null() && tiny["priorities"].is_null() && tiny["items"].is_null()
    );
    let (_, warning) = BENCHMARK_HIDDEN.iter().find(|(t, _)| *t == 3).unwrap();
    assert!(out.stderr.contains(warning), "{}", out.stderr);
    assert!(
        out.stderr
            .contains("1 company has fewer than 3 respondents and is hidden"),
        "{}",
        out.stderr
    );
    // Companies are listed by id.
    let ids: Vec<&str> = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["company_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        ["Acme", "Globex", "Initech", "Tiny", "Twin", "Umbrella"]
    );
}

#[test]
fn benchmark_cells_follow_the_benchmark_threshold() {
    // Norms built at the default threshold 3, benchmark at --anonymity 6:
    // Initech, Twin and Tiny are hidden, and an item mean of Acme or Globex
    // that only 5 of their 6 respondents answered is null, with a null gap
    // that is never a priority.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let (v, _) = benchmark_json(&path, &["--anonymity", "6"]);
    check_benchmark(&v, BENCHMARK_ANONYMITY_6, "leader_mean");
    let nulls = BENCHMARK_ANONYMITY_6
        .iter()
        .flat_map(|e| e.items)
        .filter(|i| i.1.is_none())
        .count();
    assert!(nulls > 0, "the case must hide some company item means");
    for id in ["Initech", "Twin", "Tiny"] {
        assert_eq!(company(&v, id)["suppressed"], true, "{id}");
    }
}

#[test]
fn benchmark_without_tiers_compares_with_the_average_company() {
    let dir = tempfile::tempdir().unwrap();
    let (path, out) = build_norms(dir.path(), false, &[]);
    assert!(
        out.stderr.contains("no outcomes in the responses"),
        "{}",
        out.stderr
    );
    let n: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(n["tiers"].is_null());
    let (v, out) = benchmark_json(&path, &[]);
    assert_eq!(v["norms"]["comparison"], "average_company");
    assert!(
        out.stderr.contains("against the average company"),
        "{}",
        out.stderr
    );
    check_benchmark(&v, BENCHMARK_NO_TIERS, "norm_mean");
    for e in BENCHMARK_NO_TIERS {
        for p in company(&v, e.company)["priorities"].as_array().unwrap() {
            assert!(p["leader_mean"].is_null());
        }
    }
    let table = ok(&[
        "benchmark",
        &data("benchmark.csv"),
        "--instrument",
        &data("instrument.json"),
        "--norms",
        path.to_str().unwrap(),
    ])
    .stdout;
    assert!(
        table.contains("the largest gaps to the average company"),
        "{table}"
    );
    assert!(
        table.contains("No item where Initech answers below the average company"),
        "{table}"
    );
    assert!(!table.contains("Leaders' mean"), "{table}");
}

#[test]
fn benchmark_of_the_norm_survey_places_each_company_on_its_own_score() {
    // With role weighting: the benchmark must use the norms' weighting.
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &["--weighting", "role"]);
    let n: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(n["weighting"], "role");
    let out = ok(&[
        "benchmark",
        &data("reference.csv"),
        "--instrument",
        &data("instrument.json"),
        "--norms",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let scores: Vec<f64> = n["dimensions"]["clarity"]["scores"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    let mut shown = 0;
    for c in v["companies"].as_array().unwrap() {
        if c["suppressed"] == true {
            continue;
        }
        shown += 1;
        let s = c["dimensions"]["clarity"]["score"].as_f64().unwrap();
        assert!(scores.contains(&s), "{s} is a norm score, exactly");
        let below = scores.iter().filter(|x| **x < s).count() as f64;
        let equal = scores.iter().filter(|x| **x == s).count() as f64;
        close(
            &c["dimensions"]["clarity"]["percentile"],
            100.0 * (below + 0.5 * equal) / 12.0,
            "own percentile",
        );
    }
    assert_eq!(shown, 12);
}

#[test]
fn benchmark_csv_is_tidy_and_complete() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let out = ok(&[
        "benchmark",
        &data("benchmark.csv"),
        "--instrument",
        &data("instrument.json"),
        "--norms",
        path.to_str().unwrap(),
        "--format",
        "csv",
    ])
    .stdout;
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..4], ["company_id", "n", "suppressed", "kind"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    // 5 shown companies × (2 dimensions + index + 8 items) + 1 hidden row.
    assert_eq!(rows.len(), 5 * 11 + 1);
    let acme_index = rows
        .iter()
        .find(|r| &r[0] == "Acme" && &r[3] == "alignment_index")
        .unwrap();
    let e = &BENCHMARK[0];
    let want = e.dims.iter().find(|d| d.0 == "alignment_index").unwrap();
    // Rounded as read: one decimal for indexes and percentiles.
    assert!((acme_index[6].parse::<f64>().unwrap() - want.1.unwrap()).abs() <= 0.05 + TOL);
    assert!((acme_index[7].parse::<f64>().unwrap() - want.2.unwrap()).abs() <= 0.05 + TOL);
    let first = rows
        .iter()
        .find(|r| &r[0] == "Acme" && &r[12] == "1")
        .unwrap();
    assert_eq!(&first[4], e.priorities[0]);
}

/// The benchmark rendered in `format`, run inside a temporary folder with
/// copies of the fixtures so that every path in the output is stable.
fn rendered(format: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    for f in [
        "instrument.json",
        "reference.csv",
        "reference_outcomes.csv",
        "benchmark.csv",
    ] {
        std::fs::copy(data(f), dir.path().join(f)).unwrap();
    }
    let run_in = |args: &[&str]| {
        let o = align().current_dir(dir.path()).args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    run_in(&[
        "norms",
        "reference.csv",
        "--instrument",
        "instrument.json",
        "--outcomes",
        "reference_outcomes.csv",
        "-o",
        "norms.json",
        "-q",
    ]);
    run_in(&[
        "benchmark",
        "benchmark.csv",
        "--instrument",
        "instrument.json",
        "--norms",
        "norms.json",
        "--format",
        format,
        "-q",
    ])
}

#[test]
fn benchmark_table_snapshot() {
    let out = rendered("table");
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
    insta::assert_snapshot!("benchmark_table", out);
}

#[test]
fn benchmark_markdown_snapshot() {
    insta::assert_snapshot!("benchmark_markdown", rendered("markdown"));
}
