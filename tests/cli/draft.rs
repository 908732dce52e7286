//! `align instrument --from-export` (docs/formats.md#drafting-an-instrument-from-an-export):
//! drafting an instrument from a survey tool's export. Fixtures in
//! tests/data/exports/: `reworded_canonical.csv` (written by `align
//! generate --companies 5 --seed 17 --min-respondents 3 --max-respondents 6`,
//! the default instrument's columns) and `reworded_surveymonkey.csv`, the
//! same answers as a SurveyMonkey export (two header rows, agree5 answer
//! texts) whose statements are the default instrument's reworded as survey
//! authors do: synonyms, reordered clauses, "Please rate: …" prefixes.

use crate::support;
use support::cli::{data, output as run, run_json, run_ok, stderr};

use serde_json::Value;
use std::path::Path;

fn ex(file: &str) -> String {
    data(&format!("exports/{file}"))
}

/// Draft from `export` into `dir/draft.json`: (stdout, stderr, the draft).
fn draft(export: &str, dir: &Path, more: &[&str]) -> (String, String, Value) {
    let out = dir.join("draft.json");
    let out = out.to_str().unwrap();
    let mut args = vec!["instrument", "--from-export", export, "-o", out];
    args.extend_from_slice(more);
    let (so, se) = run_ok(&args);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    (so, se, v)
}

/// Every question of an instrument as (id, column).
fn columns(inst: &Value) -> Vec<(String, String)> {
    ["items", "perception", "statements"]
        .iter()
        .flat_map(|k| inst[k].as_array().unwrap().clone())
        .map(|q| {
            (
                q["id"].as_str().unwrap().to_string(),
                q["column"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// `score FILE --format json` with an optional instrument: the companies.
fn score_companies(file: &str, inst: Option<&str>) -> Value {
    let mut args = vec!["score", file, "--format", "json"];
    if let Some(i) = inst {
        args.extend(["--instrument", i]);
    }
    run_json(&args).0["companies"].clone()
}

#[test]
fn from_export_maps_every_default_question_of_a_reworded_surveymonkey_export() {
    let dir = tempfile::tempdir().unwrap();
    let (table, err, inst) = draft(&ex("reworded_surveymonkey.csv"), dir.path(), &[]);
    assert!(err.trim().is_empty(), "nothing to decide: {err}");
    let default: Value = serde_json::from_str(&run_ok(&["instrument", "--init", "-"]).0).unwrap();
    let want = columns(&default);
    let got = columns(&inst);
    assert_eq!(got.len(), want.len(), "every question is in the draft");
    // The export's column of each question is the one whose second-row label
    // rewords it; its canonical position tells which it is.
    let header = std::fs::read_to_string(ex("reworded_canonical.csv")).unwrap();
    let canonical: Vec<&str> = header.lines().next().unwrap().split(',').collect();
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(ex("reworded_surveymonkey.csv"))
        .unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().take(2).map(|r| r.unwrap()).collect();
    for (id, column) in &got {
        let k = canonical.iter().position(|c| c == id).unwrap();
        let label = &rows[1][k + 3];
        assert!(
            column.ends_with(&format!(" - {label}")),
            "{id} went to {column}"
        );
    }
    assert_eq!(inst["columns"]["respondent"], "Respondent ID");
    assert_eq!(inst["columns"]["company"], "What company do you work for?");
    assert_eq!(inst["columns"]["role"], "Which team are you in?");
    assert_eq!(inst["scale"]["preset"], "agree5");
    assert!(table.contains("30 of 30 questions matched"), "{table}");
    assert!(
        table.contains("surveymonkey export, 2 header rows, 20 data rows"),
        "{table}"
    );
    assert!(table.contains("item su_icp"), "{table}");
    assert!(table.contains(" high\n"), "{table}");
}

#[test]
fn from_export_draft_scores_the_export_like_the_canonical_csv() {
    let dir = tempfile::tempdir().unwrap();
    draft(&ex("reworded_surveymonkey.csv"), dir.path(), &[]);
    let drafted = dir.path().join("draft.json");
    let got = score_companies(&ex("reworded_surveymonkey.csv"), drafted.to_str());
    let want = score_companies(&ex("reworded_canonical.csv"), None);
    assert_eq!(got, want);
    assert_eq!(got.as_array().unwrap().len(), 5);
}

#[test]
fn from_export_leaves_a_low_confidence_match_out_and_lists_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(ex("reworded_surveymonkey.csv")).unwrap();
    let reworded = "Marketing passes over leads that sales hasn't agreed are ready";
    assert!(text.contains(reworded));
    let export = dir.path().join("export.csv");
    std::fs::write(&export, text.replace(reworded, "The CRM is easy to use")).unwrap();
    let (table, err, inst) = draft(export.to_str().unwrap(), dir.path(), &[]);
    let ids: Vec<String> = columns(&inst).into_iter().map(|c| c.0).collect();
    assert!(!ids.contains(&"su_handoff".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 29);
    assert!(
        err.contains("1 thing") || err.contains("things to decide"),
        "{err}"
    );
    assert!(
        err.contains("item \"su_handoff\": not matched, left out of the draft"),
        "{err}"
    );
    assert!(
        err.contains("column \"To what extent do you agree with the following statements? - The CRM is easy to use\" looks like a scale question"),
        "{err}"
    );
    assert!(table.contains("29 of 30 questions matched"), "{table}");
    // The draft still loads and scores the export.
    let drafted = dir.path().join("draft.json");
    let got = score_companies(export.to_str().unwrap(), drafted.to_str());
    assert_eq!(got.as_array().unwrap().len(), 5);
}

#[test]
fn from_export_drafts_each_survey_tool_export_that_scores_like_the_canonical_csv() {
    let want = score_companies(&ex("canonical.csv"), Some(&ex("canonical.json")));
    for file in [
        "surveymonkey.csv",
        "google_forms.csv",
        "microsoft_forms.csv",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (_, err, inst) = draft(&ex(file), dir.path(), &["--base", &ex("canonical.json")]);
        assert!(err.trim().is_empty(), "{file}: {err}");
        assert_eq!(columns(&inst).len(), 4, "{file}");
        let drafted = dir.path().join("draft.json");
        let got = score_companies(&ex(file), drafted.to_str());
        assert_eq!(got, want, "{file}");
    }
}

#[test]
fn from_export_names_the_qualtrics_finished_column() {
    let dir = tempfile::tempdir().unwrap();
    let base = data("small5/instrument.json");
    let (table, _, inst) = draft(
        &data("small5/qualtrics_3row.csv"),
        dir.path(),
        &["--base", &base],
    );
    assert_eq!(inst["columns"]["finished"], "Finished");
    assert_eq!(inst["columns"]["respondent"], "resp");
    assert!(table.contains("qualtrics export, 3 header rows"), "{table}");
    assert_eq!(columns(&inst).len(), 6);
}

#[test]
fn from_export_refuses_to_overwrite_and_needs_an_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    std::fs::write(&out, "{}").unwrap();
    let export = ex("surveymonkey.csv");
    let o = run(&[
        "instrument",
        "--from-export",
        &export,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    let o = run(&["instrument", "--from-export", &export]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn from_export_without_any_question_of_the_base_is_an_error() {
    // Columns q1…q4 with no question text: nothing to match the default's questions by.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.json");
    let o = run(&[
        "instrument",
        "--from-export",
        &ex("canonical.csv"),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("no item of the base instrument matched"),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists());
}
