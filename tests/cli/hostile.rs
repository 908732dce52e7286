//! Hostile inputs: the `hostile_cases.txt` corpus of the error inputs in
//! `tests/data/errors/` (each case with its command, file, instrument,
//! expected exit code and message fragments) plus inputs
//! too large to keep in the repository, made here at run time.
//!
//! Every case must give its documented exit code, name the file, line and
//! column where that applies, never panic, write strict JSON or nothing on
//! standard output, and leave an existing `-o` file untouched on failure.

use crate::support;
use std::path::{Path, PathBuf};

const DIR: &str = "tests/data/errors";

struct Case {
    name: String,
    command: String,
    file: String,
    instrument: String,
    exit: i32,
    fragments: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(Path::new(DIR).join("hostile_cases.txt")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('|').map(str::trim).collect();
            assert_eq!(f.len(), 6, "malformed case line: {l}");
            Case {
                name: f[0].to_string(),
                command: f[1].to_string(),
                file: f[2].to_string(),
                instrument: f[3].to_string(),
                exit: f[4].parse().unwrap(),
                fragments: f[5].split(" ;; ").map(str::to_string).collect(),
            }
        })
        .collect()
}

/// Run a case's command from `dir`; returns (exit, stdout, stderr).
fn run(dir: &Path, args: &[String]) -> (i32, String, String) {
    let out = support::cli::align()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn check_common(name: &str, exit: i32, stdout: &str, stderr: &str) {
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{name}: panicked:\n{stderr}"
    );
    assert!(
        [0, 1, 2, 3].contains(&exit),
        "{name}: undocumented exit {exit}"
    );
    assert!(
        !stdout.contains("NaN") && !stdout.contains("Infinity"),
        "{name}: {stdout}"
    );
}

#[test]
fn hostile_corpus_gives_documented_exits_and_messages() {
    let dir = PathBuf::from(DIR);
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for c in cases() {
        let out = tmp.path().join("out.json");
        std::fs::write(&out, "sentinel").unwrap();
        // The file column may carry further arguments (`--outcomes FILE`).
        let mut args = vec![c.command.clone()];
        args.extend(c.file.split_whitespace().map(str::to_string));
        args.extend(["--instrument".to_string(), c.instrument.clone()]);
        if c.command != "validate" {
            args.extend([
                "--format".into(),
                "json".into(),
                "-o".into(),
                out.display().to_string(),
            ]);
        }
        let (exit, stdout, stderr) = run(&dir, &args);
        check_common(&c.name, exit, &stdout, &stderr);
        if exit != c.exit {
            failures.push(format!(
                "{}: exit {exit}, expected {}\n{stderr}",
                c.name, c.exit
            ));
            continue;
        }
        for f in &c.fragments {
            if !stderr.contains(f.as_str()) {
                failures.push(format!("{}: stderr lacks {f:?}:\n{stderr}", c.name));
            }
        }
        if c.command == "validate" {
            continue;
        }
        let written = std::fs::read_to_string(&out).unwrap();
        if exit == 0 {
            let v: serde_json::Value = serde_json::from_str(&written)
                .unwrap_or_else(|e| panic!("{}: output is not JSON: {e}", c.name));
            let input = &v["input"];
            assert_eq!(
                input["rows_read"].as_u64().unwrap(),
                input["rows_scored"].as_u64().unwrap() + input["rows_excluded"].as_u64().unwrap(),
                "{}: rows not accounted for",
                c.name
            );
        } else {
            assert_eq!(
                written, "sentinel",
                "{}: -o file was touched on failure",
                c.name
            );
            assert!(stdout.is_empty(), "{}: stdout on failure: {stdout}", c.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn big_case(name: &str, contents: &[u8], exit: i32, fragment: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join(name);
    std::fs::write(&file, contents).unwrap();
    let inst = std::fs::canonicalize(Path::new(DIR).join("hostile_instrument.json")).unwrap();
    let args: Vec<String> = vec![
        "score".into(),
        name.into(),
        "--instrument".into(),
        inst.display().to_string(),
        "--format".into(),
        "json".into(),
    ];
    let (code, stdout, stderr) = run(tmp.path(), &args);
    check_common(name, code, &stdout, &stderr);
    assert_eq!(code, exit, "{name}: {stderr}");
    assert!(
        stderr.contains(fragment),
        "{name}: stderr lacks {fragment:?}: {}",
        &stderr[..stderr.len().min(2000)]
    );
    if exit == 0 {
        serde_json::from_str::<serde_json::Value>(&stdout).unwrap();
    }
    // Messages stay short whatever the size of the input.
    assert!(
        stderr.len() < 4000,
        "{name}: {} bytes of stderr",
        stderr.len()
    );
}

const HEADER: &str = "rid,company,role,u1,u2,t1,t2";

fn good_rows() -> String {
    std::fs::read_to_string(Path::new(DIR).join("hostile_clean.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn hostile_five_megabyte_answer_is_reported_briefly() {
    let mut s = format!("{HEADER}\n{}", good_rows());
    s.push_str(&format!("r99,A,sales,{},2,4,4\n", "4".repeat(5 << 20)));
    big_case(
        "big_answer.csv",
        s.as_bytes(),
        3,
        "line 11, column \"u1\": \"4444",
    );
}

#[test]
fn hostile_five_megabyte_free_text_is_ignored() {
    let mut s = format!("{HEADER},notes\n");
    for (i, l) in good_rows().lines().enumerate() {
        let note = if i == 4 {
            "x".repeat(5 << 20)
        } else {
            String::new()
        };
        s.push_str(&format!("{l},\"{note}\"\n"));
    }
    big_case("big_note.csv", s.as_bytes(), 0, "warning:");
}

#[test]
fn hostile_twenty_thousand_extra_columns_are_ignored() {
    let extra: Vec<String> = (0..20_000).map(|i| format!("x{i}")).collect();
    let mut s = format!("{HEADER},{}\n", extra.join(","));
    let blanks = ",".repeat(20_000);
    for l in good_rows().lines() {
        s.push_str(&format!("{l}{blanks}\n"));
    }
    big_case("wide.csv", s.as_bytes(), 0, "warning:");
}

#[test]
fn hostile_long_binary_header_line_is_refused() {
    // No newline in the first megabytes: the header is one enormous line.
    let bytes: Vec<u8> = (0..3_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 1)
        .filter(|b| *b != b'\n')
        .collect();
    big_case("binary.csv", &bytes, 3, "the header lacks");
}
