//! Blank roles (`roles.blank`) and unfinished responses
//! (`--include-unfinished`), docs/formats.md#roles and
//! docs/formats.md#row-accounting-and-problems. The survey is the exports
//! fixture's (tests/data/exports/canonical.csv and canonical.json), edited
//! in each test.

use crate::support;
use support::cli::{data, output as run, run_json, stderr};

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The exports instrument with `edit` applied, written into `dir`.
fn instrument(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let text = std::fs::read_to_string(data("exports/canonical.json")).unwrap();
    let mut v: Value = serde_json::from_str(&text).unwrap();
    edit(&mut v);
    let p = dir.join("instrument.json");
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    p
}

/// The canonical survey with `edit` applied to its lines, written into `dir`.
fn responses(dir: &Path, edit: impl FnOnce(&mut Vec<String>)) -> PathBuf {
    let text = std::fs::read_to_string(data("exports/canonical.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    edit(&mut lines);
    let p = dir.join("responses.csv");
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

fn score(file: &Path, inst: &Path, more: &[&str]) -> Value {
    let (f, i) = (file.to_str().unwrap(), inst.to_str().unwrap());
    let mut args = vec![
        "score",
        f,
        "--instrument",
        i,
        "--format",
        "json",
        "--anonymity",
        "1",
    ];
    args.extend_from_slice(more);
    run_json(&args).0
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
fn a_blank_role_is_an_error_unless_roles_blank_maps_it() {
    let dir = tempfile::tempdir().unwrap();
    // r2 (acme, marketing) leaves the role blank.
    let file = responses(dir.path(), |l| l[2] = l[2].replace(",Marketing,", ",,"));
    let plain = instrument(dir.path(), |_| {});
    let o = run(&[
        "score",
        file.to_str().unwrap(),
        "--instrument",
        plain.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(
        err.contains("line 3, column \"role\": \"\" is blank"),
        "{err}"
    );
    assert!(err.contains("roles.blank"), "{err}");

    let mapped = instrument(dir.path(), |v| v["roles"]["blank"] = "both".into());
    let v = score(&file, &mapped, &[]);
    let acme = company(&v, "acme");
    assert_eq!(acme["n_by_role"]["both"], 1, "{acme}");
    assert_eq!(acme["n_by_role"]["marketing"], 0, "{acme}");
    assert_eq!(acme["n"], 3);
}

#[test]
fn roles_blank_must_name_a_role() {
    let dir = tempfile::tempdir().unwrap();
    let file = responses(dir.path(), |_| {});
    let inst = instrument(dir.path(), |v| v["roles"]["blank"] = "revops".into());
    let o = run(&[
        "score",
        file.to_str().unwrap(),
        "--instrument",
        inst.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3));
    assert!(
        stderr(&o).contains("roles.blank: \"revops\" is not a role"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn include_unfinished_keeps_unfinished_rows_that_answer_enough_items() {
    let dir = tempfile::tempdir().unwrap();
    // A completion column: r3 (acme) is unfinished with every answer, r9
    // (initech) unfinished with none.
    let file = responses(dir.path(), |l| {
        for (k, line) in l.iter_mut().enumerate() {
            let flag = match k {
                0 => "done",
                3 => "0",
                9 => "false",
                _ => "1",
            };
            if k == 9 {
                *line = "r9,initech,Sales,,,,".into();
            }
            line.push(',');
            line.push_str(flag);
        }
    });
    let inst = instrument(dir.path(), |v| v["columns"]["finished"] = "done".into());
    let v = score(&file, &inst, &[]);
    assert_eq!(v["input"]["rows_scored"], 7);
    let reasons: Vec<&str> = v["input"]["exclusions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["unfinished response", "unfinished response"]);
    assert_eq!(company(&v, "acme")["n"], 2);

    let v = score(&file, &inst, &["--include-unfinished"]);
    assert_eq!(v["input"]["rows_read"], 9);
    assert_eq!(v["input"]["rows_scored"], 8);
    let excluded = &v["input"]["exclusions"][0];
    assert_eq!(excluded["line"], 10);
    assert!(
        excluded["reason"]
            .as_str()
            .unwrap()
            .starts_with("too few items answered"),
        "{excluded}"
    );
    // r3 counts again: acme scores as in the file without a completion column.
    let plain = instrument(dir.path(), |_| {});
    let all = score(&PathBuf::from(data("exports/canonical.csv")), &plain, &[]);
    assert_eq!(company(&v, "acme"), company(&all, "acme"));
}
