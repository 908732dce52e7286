//! Helpers shared by tests/cli/norms_benchmark.rs and tests/cli/norms_files.rs:
//! running the binary on the fixtures in tests/data/norms/.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub const DIR: &str = "tests/data/norms";
pub const TOL: f64 = 1e-6;

pub fn data(name: &str) -> String {
    format!("{DIR}/{name}")
}

pub fn align() -> Command {
    let mut c = Command::cargo_bin("align").unwrap();
    c.env_remove("NO_COLOR");
    c
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(args: &[&str]) -> Out {
    let o = align().args(args).output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

pub fn ok(args: &[&str]) -> Out {
    let o = run(args);
    assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
    o
}

/// Norms from the reference survey (with outcomes unless `tiers` is false),
/// written with -o into `dir`.
pub fn build_norms(dir: &Path, tiers: bool, extra: &[&str]) -> (PathBuf, Out) {
    let path = dir.join(if tiers {
        "norms.json"
    } else {
        "norms_plain.json"
    });
    let (inst, reference, outcomes) = (
        data("instrument.json"),
        data("reference.csv"),
        data("reference_outcomes.csv"),
    );
    let mut args = vec!["norms", reference.as_str(), "--instrument", inst.as_str()];
    if tiers {
        args.extend(["--outcomes", outcomes.as_str()]);
    }
    args.extend(["-o", path.to_str().unwrap()]);
    args.extend(extra);
    let out = ok(&args);
    assert!(out.stdout.is_empty(), "norms -o writes nothing on stdout");
    (path, out)
}

pub fn benchmark_json(norms: &Path, extra: &[&str]) -> (Value, Out) {
    let (inst, bench) = (data("instrument.json"), data("benchmark.csv"));
    let mut args = vec![
        "benchmark",
        bench.as_str(),
        "--instrument",
        inst.as_str(),
        "--norms",
        norms.to_str().unwrap(),
        "--format",
        "json",
    ];
    args.extend(extra);
    let out = ok(&args);
    (serde_json::from_str(&out.stdout).unwrap(), out)
}

pub fn close(got: &Value, want: f64, what: &str) {
    let g = got
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: expected {want}, got {got}"));
    assert!((g - want).abs() <= TOL, "{what}: got {g}, want {want}");
}

pub fn close_opt(got: &Value, want: Option<f64>, what: &str) {
    match want {
        Some(w) => close(got, w, what),
        None => assert!(got.is_null(), "{what}: expected null, got {got}"),
    }
}

pub fn company<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == id)
        .unwrap_or_else(|| panic!("no company {id}"))
}
