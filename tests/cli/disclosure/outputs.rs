//! One scenario: a generated survey, its true figures, and everything
//! align prints for it (every command in JSON under both weightings, and
//! `score --by-role` in the text formats).

use super::survey::{Survey, Truth};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;

pub const WEIGHTINGS: [&str; 2] = ["respondent", "role"];

/// The JSON of the commands run under one weighting.
pub struct Jsons {
    pub score: Value,
    pub leaders: Value,
    pub gaps: Value,
    pub norms: Value,
    pub benchmark: Value,
    pub report: Value,
}

pub struct Scenario {
    pub name: String,
    pub threshold: usize,
    pub truths: Vec<Truth>,
    /// `[respondent weighting, role weighting]`.
    pub runs: [Jsons; 2],
    /// `score --by-role` (respondent weighting) as table, markdown and csv.
    pub texts: Vec<(&'static str, String)>,
}

impl Scenario {
    pub fn truth(&self, id: &str) -> Option<&Truth> {
        self.truths.iter().find(|t| t.id == id)
    }

    /// Companies under the threshold.
    pub fn hidden(&self) -> impl Iterator<Item = &Truth> {
        self.truths.iter().filter(|t| t.n < self.threshold)
    }

    pub fn is_shown(&self, id: &str) -> bool {
        self.truth(id).is_some_and(|t| t.n >= self.threshold)
    }

    /// Every JSON printed, with a label naming the command and weighting.
    pub fn all_json(&self) -> Vec<(String, &Value)> {
        let mut v = Vec::new();
        for (w, j) in WEIGHTINGS.iter().zip(&self.runs) {
            v.push((format!("score --weighting {w}"), &j.score));
            v.push((format!("leaders --weighting {w}"), &j.leaders));
            v.push((format!("gaps --weighting {w}"), &j.gaps));
            v.push((format!("norms --weighting {w}"), &j.norms));
            v.push((format!("benchmark (norms --weighting {w})"), &j.benchmark));
            v.push((format!("report --weighting {w}"), &j.report));
        }
        v
    }
}

pub fn run(args: &[&str]) -> String {
    align(args)
}

fn align(args: &[&str]) -> String {
    let out = Command::cargo_bin("align")
        .expect("the align binary is built")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("align runs");
    assert!(
        out.status.success(),
        "align {args:?} exited with {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

pub fn json(args: &[&str]) -> Value {
    let text = align(args);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("align {args:?}: not JSON: {e}"))
}

fn run_weighting(dir: &Path, weighting: &str, anonymity: &str) -> Jsons {
    let p = |f: &str| dir.join(f).to_string_lossy().into_owned();
    let (resp, outc) = (p("responses.csv"), p("outcomes.csv"));
    let norms_file = p(&format!("norms-{weighting}.json"));
    let common = ["--weighting", weighting, "--anonymity", anonymity];
    let with = |cmd: &str, extra: &[&str]| {
        let mut a = vec![cmd, resp.as_str()];
        a.extend_from_slice(extra);
        a.extend_from_slice(&common);
        a.extend_from_slice(&["--format", "json"]);
        json(&a)
    };
    let score = with("score", &["--by-role"]);
    let leaders = with("leaders", &["--outcomes", &outc]);
    let gaps = with("gaps", &["--outcomes", &outc]);
    let report = with("report", &["--outcomes", &outc]);
    let mut a = vec![
        "norms",
        resp.as_str(),
        "--outcomes",
        &outc,
        "-o",
        &norms_file,
    ];
    a.extend_from_slice(&common);
    align(&a);
    let norms: Value =
        serde_json::from_str(&std::fs::read_to_string(&norms_file).expect("norms written"))
            .expect("norms are JSON");
    let benchmark = json(&[
        "benchmark",
        &resp,
        "--norms",
        &norms_file,
        "--anonymity",
        anonymity,
        "--format",
        "json",
    ]);
    Jsons {
        score,
        leaders,
        gaps,
        norms,
        benchmark,
        report,
    }
}

/// Write the survey, run every command, and keep what was printed.
pub fn scenario(name: &str, seed: u64, survey: &Survey, threshold: usize) -> Scenario {
    let dir = tempfile::tempdir().expect("temporary directory");
    std::fs::write(dir.path().join("responses.csv"), survey.responses_csv(seed))
        .expect("responses written");
    std::fs::write(dir.path().join("outcomes.csv"), survey.outcomes_csv())
        .expect("outcomes written");
    let anonymity = threshold.to_string();
    let runs = WEIGHTINGS.map(|w| run_weighting(dir.path(), w, &anonymity));
    let resp = dir.path().join("responses.csv");
    let resp = resp.to_string_lossy();
    let texts = ["table", "markdown", "csv"]
        .into_iter()
        .map(|f| {
            let args = [
                "score",
                &resp,
                "--by-role",
                "--anonymity",
                &anonymity,
                "--format",
                f,
            ];
            (f, align(&args))
        })
        .collect();
    Scenario {
        name: name.to_string(),
        threshold,
        truths: survey.truths(),
        runs,
        texts,
    }
}

/// `v[key]` as a number.
pub fn get(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

/// The objects of the array `v[key]`.
pub fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

pub fn is_suppressed(v: &Value) -> bool {
    v.get("suppressed").and_then(Value::as_bool) == Some(true)
}

pub fn id(v: &Value) -> &str {
    v.get("company_id").and_then(Value::as_str).unwrap_or("?")
}

/// Equal within 1e-6 relative (absolute below 1).
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}
