//! Rendering of `align score` in every format on a small synthetic survey
//! (tests/render/small.csv: 6 companies, one of them with 2 respondents and
//! company ids that try to break CSV and Markdown).

use crate::support;
use support::cli::{align, run_ok as run};

use serde_json::Value;
use std::io::Read;

const SMALL: &str = "tests/render/small.csv";

#[test]
fn score_table_snapshot() {
    let (out, _) = run(&["score", SMALL, "--by-role"]);
    for line in out.lines() {
        assert!(line.chars().count() <= 100, "wider than 100: {line}");
    }
    insta::assert_snapshot!("score_table", out);
}

#[test]
fn score_markdown_snapshot() {
    let (out, _) = run(&["score", SMALL, "--by-role", "--format", "markdown"]);
    insta::assert_snapshot!("score_markdown", out);
}

#[test]
fn score_json_is_strict_and_parses_back() {
    let (out, err) = run(&["score", SMALL, "--format", "json"]);
    assert!(!out.contains("NaN") && !out.contains("Infinity"));
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["input"]["rows_read"], 29);
    assert_eq!(v["input"]["rows_scored"], 29);
    assert_eq!(v["input"]["rows_excluded"], 0);
    assert_eq!(v["companies"].as_array().unwrap().len(), 6);
    for key in ["reliability", "aggregation"] {
        for d in ["shared_understanding", "interdependence", "collaboration"] {
            assert!(v[key][d].is_object(), "{key}.{d}");
        }
    }
    // Warnings go to stderr as well as into the JSON.
    assert!(
        err.contains("warning: 1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (C0004)"),
        "{err}"
    );
    assert!(
        err.contains("warning: 11 role groups within companies are hidden: 9 role groups with fewer than 3 respondents, and 2 more so that no hidden group can be worked out from its company's score"),
        "{err}"
    );
    assert!(v["warnings"].as_array().unwrap().iter().any(|w| w
        .as_str()
        .unwrap()
        .contains("role groups within companies are hidden")));
}

fn company<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == id)
        .unwrap()
}

#[test]
fn score_hides_small_groups_in_every_format() {
    let (json, _) = run(&["score", SMALL, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let c4 = company(&v, "C0004");
    assert_eq!(c4["suppressed"], true);
    for k in ["scores", "stage", "by_role", "role_gap", "rwg_j"] {
        assert!(c4[k].is_null(), "{k} shown for a hidden company");
    }
    // C0003 has 1 sales, 2 marketing, 1 both: every role hidden, no gap.
    let c3 = company(&v, "C0003");
    assert_eq!(c3["suppressed"], false);
    for r in ["sales", "marketing", "both"] {
        assert_eq!(c3["by_role"][r], serde_json::json!({"suppressed": true}));
    }
    assert!(c3["role_gap"]["collaboration"].is_null());
    // C0002 has 5 sales and 2 marketing: the 2 are hidden, and so are the
    // 5, or 7·company − 5·sales would give the two marketing respondents.
    let c2 = company(&v, "C0002");
    for r in ["sales", "marketing"] {
        assert_eq!(c2["by_role"][r], serde_json::json!({"suppressed": true}));
    }
    // C0001 has 2 sales, 3 marketing, 2 both: the 2 + 2 hidden are enough.
    let c1 = company(&v, "C0001");
    assert_eq!(c1["by_role"]["marketing"]["suppressed"], false);
    assert!(c1["by_role"]["marketing"]["collaboration"].is_f64());

    let (table, _) = run(&["score", SMALL, "--by-role"]);
    let row = table.lines().find(|l| l.contains("C0004")).unwrap();
    assert!(row.contains("hidden"), "{row}");
    assert!(!row.chars().any(|c| c == '.'), "a figure leaked: {row}");

    let (md, _) = run(&["score", SMALL, "--by-role", "--format", "markdown"]);
    let row = md.lines().find(|l| l.starts_with("| C0004")).unwrap();
    assert!(row.contains("hidden") && !row.contains('.'), "{row}");

    let (csv, _) = run(&["score", SMALL, "--by-role", "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let row = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == "C0004")
        .unwrap();
    for (h, cell) in header.iter().zip(row.iter()) {
        if ![
            "company_id",
            "n",
            "n_sales",
            "n_marketing",
            "n_both",
            "suppressed",
        ]
        .contains(&h)
        {
            assert_eq!(cell, "", "column {h} shows a figure for a hidden company");
        }
    }

    // Only Cronbach's α still pools the hidden company's respondents; the
    // agreement summaries and the pooled items leave it out.
    let (all, _) = run(&["score", SMALL, "--format", "json", "--anonymity", "1"]);
    let w: Value = serde_json::from_str(&all).unwrap();
    assert_eq!(w["reliability"], v["reliability"]);
    assert_eq!(w["aggregation"]["collaboration"]["rwg_j_companies"], 6);
    assert_eq!(v["aggregation"]["collaboration"]["rwg_j_companies"], 5);
    assert_eq!(
        w["items"][0]["n"].as_u64().unwrap(),
        v["items"][0]["n"].as_u64().unwrap() + 2
    );
    assert!(company(&w, "C0004")["scores"]["collaboration"].is_f64());
}

#[test]
fn score_csv_neutralises_formulas_and_parses_back() {
    let (csv, _) = run(&["score", SMALL, "--format", "csv"]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let ids: Vec<String> = rdr.records().map(|r| r.unwrap()[0].to_string()).collect();
    assert!(ids.contains(&"'=SUM(1+1)".to_string()), "{ids:?}");
    assert!(ids.contains(&"Acme | Co".to_string()), "{ids:?}");
    // Numbers are plain numbers.
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    for r in rdr.records() {
        let r = r.unwrap();
        if &r[5] == "false" {
            assert!(r[9].parse::<f64>().is_ok(), "alignment index {:?}", &r[9]);
        }
    }
}

#[test]
fn score_writes_output_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("scores.json");
    align()
        .args(["score", SMALL, "--format", "json", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["input"]["companies"], 6);
    // A new file gets the usual permissions, not a private temporary file's.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let plain = dir.path().join("plain");
        std::fs::File::create(&plain).unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&out), mode(&plain));
        std::fs::remove_file(&plain).unwrap();
    }
    // A failing run leaves the existing file as it was.
    std::fs::write(&out, "keep me").unwrap();
    align()
        .args(["score", "tests/render/does-not-exist.csv", "-o"])
        .arg(&out)
        .assert()
        .code(1);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn generate_exits_quietly_on_a_closed_pipe() {
    let bin = assert_cmd::cargo::cargo_bin("align");
    let mut child = std::process::Command::new(bin)
        .args(["generate", "--companies", "3000", "--seed", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 64];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the pipe is closed while align still writes.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn score_hides_a_pooled_role_item_answered_by_too_few() {
    // Four sales and three marketing respondents; only two of the sales
    // respondents answered t2. By hand: sales on t1 = mean(4,3,5,4) = 4 →
    // index 75; marketing on t1 = mean(4,4,5) = 13/3 → index 83.33…;
    // sales on t2 is two people's answers and must not be shown, and
    // neither may marketing's: t2's total (5 answers) minus marketing's 3
    // would give the two sales answers.
    let csv = "rid,company,role,u1,u2,t1,t2\n\
               r1,A,sales,4,2,4,4\n\
               r2,A,sales,3,3,3,\n\
               r3,A,sales,4,2,5,\n\
               r4,A,sales,2,4,4,2\n\
               r5,A,marketing,5,1,4,5\n\
               r6,A,marketing,4,2,4,4\n\
               r7,A,marketing,4,2,5,4\n";
    let out = align()
        .args([
            "score",
            "-",
            "--format",
            "json",
            "--instrument",
            "tests/data/errors/hostile_instrument.json",
        ])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let item = |id: &str| {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["item"] == id)
            .unwrap()
            .clone()
    };
    let t1 = item("t1");
    assert!((t1["by_role"]["sales"].as_f64().unwrap() - 75.0).abs() < 1e-9);
    assert!((t1["by_role"]["marketing"].as_f64().unwrap() - 250.0 / 3.0).abs() < 1e-9);
    let t2 = item("t2");
    assert_eq!(t2["n"], 5);
    // The total stays: mean(4,2,5,4,4) = 3.8.
    assert!((t2["mean"].as_f64().unwrap() - 3.8).abs() < 1e-9);
    assert!(t2["by_role"]["sales"].is_null());
    assert!(t2["by_role"]["marketing"].is_null());
    assert!(t2["role_gap"].is_null());
}

#[test]
fn every_command_exits_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("big.csv");
    align()
        .args(["generate", "--companies", "3000", "--seed", "4", "-o"])
        .arg(&survey)
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("align");
    for (command, format) in [
        ("score", "csv"),
        ("score", "table"),
        ("score", "json"),
        ("gaps", "csv"),
        ("leaders", "csv"),
        ("leaders", "markdown"),
    ] {
        let mut child = std::process::Command::new(&bin)
            .args([command, "--quiet", "--anonymity", "1", "--format", format])
            .arg(&survey)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{command} {format}: {:?}", out.status);
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "",
            "{command} {format}"
        );
    }
}
