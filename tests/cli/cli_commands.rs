//! `align instrument`, `align generate` and `align validate` from the command line.

use crate::support;
use predicates::prelude::*;
use support::cli::align;

#[test]
fn instrument_shows_a_readable_summary() {
    align()
        .arg("instrument")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Sales-Marketing Alignment Survey (version 1.0)",
        ))
        .stdout(predicate::str::contains("Dimension shared_understanding"))
        .stdout(predicate::str::contains("[reverse-worded]"))
        .stdout(predicate::str::contains(
            "Stages on the alignment index: Undefined from 0",
        ));
}

#[test]
fn instrument_init_writes_json_that_loads_back_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my.json");
    align()
        .args(["instrument", "--init"])
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("--instrument"));
    let text = std::fs::read_to_string(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["scale"]["max"], 5);
    // The written file is a valid instrument for every command.
    align()
        .args(["instrument", "--instrument"])
        .arg(&path)
        .assert()
        .success();
    // A second --init does not clobber it.
    std::fs::write(&path, "{}").unwrap();
    align()
        .args(["instrument", "--init"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "{}");
    align()
        .args(["instrument", "--force", "--init"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn generate_is_deterministic_and_validates_clean() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.csv");
    let b = dir.path().join("b.csv");
    let o = dir.path().join("o.csv");
    for p in [&a, &b] {
        align()
            .args(["generate", "--companies", "25", "--seed", "9", "--outcomes"])
            .arg(&o)
            .arg("-o")
            .arg(p)
            .assert()
            .success()
            .stderr(predicate::str::contains("in 25 companies (synthetic)"));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let outcomes = std::fs::read_to_string(&o).unwrap();
    assert_eq!(outcomes.lines().count(), 26);
    align()
        .arg("validate")
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 with problems (0 problems)"))
        .stdout(predicate::str::contains("25 companies"));
    // Another seed, another file.
    align()
        .args(["generate", "--companies", "25", "--seed", "10", "-o"])
        .arg(&b)
        .assert()
        .success();
    assert_ne!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
}

#[test]
fn generate_rejects_impossible_options() {
    align()
        .args(["generate", "--companies", "0"])
        .assert()
        .code(2)
        .stdout("");
    align()
        .args([
            "generate",
            "--min-respondents",
            "9",
            "--max-respondents",
            "3",
        ])
        .assert()
        .code(2);
}

#[test]
fn validate_reads_standard_input() {
    let csv = "respondent_id,company_id,role,x\nR1,C1,sales,1\n";
    align()
        .args(["validate", "-"])
        .write_stdin(csv)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("<stdin>"))
        .stderr(predicate::str::contains("line 1: the header lacks"));
}

#[test]
fn score_reports_a_bad_instrument_with_exit_3() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, r#"{"name": "x"}"#).unwrap();
    align()
        .args(["score", "data/survey.csv", "--instrument"])
        .arg(&path)
        .assert()
        .code(3)
        .stderr(predicate::str::contains("invalid instrument"))
        .stderr(predicate::str::contains("missing field"));
}

/// Every subcommand the binary has, from its own help.
fn subcommands() -> Vec<String> {
    let out = align().arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let after = help.split("Commands:").nth(1).unwrap();
    after
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        // A wrapped description goes on further indented.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(String::from)
        .collect()
}

#[test]
fn completions_name_every_subcommand_in_every_shell() {
    let subs = subcommands();
    assert!(subs.len() >= 11, "{subs:?}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = align().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        assert!(!script.is_empty(), "{shell}");
        for s in &subs {
            assert!(script.contains(s.as_str()), "{shell} completion lacks {s}");
        }
        // Options of subcommands are completed too.
        assert!(script.contains("anonymity"), "{shell}");
    }
    align()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value"));
}

#[test]
fn man_page_is_roff_naming_every_subcommand_and_option() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("align.1");
    align().args(["man", "-o"]).arg(&path).assert().success();
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.contains(".TH align 1"), "{}", &page[..200]);
    for s in subcommands() {
        assert!(
            page.contains(&format!(".SH \"ALIGN {}\"", s.to_uppercase())),
            "no section for {s}"
        );
    }
    assert!(page.contains("\\-\\-anonymity"));
    assert!(page.contains("\\-\\-outcomes\\-key"));
}
