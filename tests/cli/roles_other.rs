//! Extra named roles (`roles.other`, docs/formats.md#roles): they count in
//! company scores, are role groups of their own (with anonymity and
//! complementary suppression), and take no part in sales vs marketing
//! comparisons. Every run goes through `support::cli::output`, which also
//! reads the file in parts on two threads and requires the same output.

use crate::support;
use support::cli::{output as run, run_json, run_ok, stderr};

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// The test instrument: two dimensions of two items on a 1–5 scale (i3r
/// reverse-coded), sales / marketing / both, and two extra roles.
fn instrument_json() -> Value {
    json!({
        "name": "Roles test survey", "version": "1",
        "scale": {"min": 1, "max": 5, "preset": "agree5"},
        "columns": {"respondent": "resp", "company": "company", "role": "role"},
        "roles": {
            "sales": ["Sales"], "marketing": ["Marketing"], "both": ["Both"],
            "other": {"revops": ["Sales Ops", "RevOps"], "leadership": ["CEO", "Leadership team"]}
        },
        "dimensions": [
            {"id": "understanding", "label": "Shared understanding"},
            {"id": "teamwork", "label": "Teamwork"}
        ],
        "items": [
            {"id": "i1", "column": "q1", "dimension": "understanding", "text": "We agree on the ideal customer"},
            {"id": "i2", "column": "q2", "dimension": "understanding", "text": "We share a lead definition"},
            {"id": "i3r", "column": "q3", "dimension": "teamwork", "text": "Each team hoards information", "reverse": true},
            {"id": "i4", "column": "q4", "dimension": "teamwork", "text": "We meet every week"}
        ]
    })
}

/// acme: 3 sales, 4 marketing, 3 revops (written three ways).
const ACME: &[&str] = &[
    "a1,acme,Sales,4,4,2,4",
    "a2,acme,Marketing,2,2,4,2",
    "a3,acme,RevOps,5,5,1,5",
    "a4,acme,Sales,3,3,3,3",
    "a5,acme,Marketing,3,2,3,3",
    "a6,acme,Sales Ops,4,5,2,4",
    "a7,acme,Sales,5,4,1,4",
    "a8,acme,Marketing,4,3,2,3",
    "a9,acme,revops,1,1,4,1",
    "a10,acme,Marketing,1,1,5,1",
];

/// globex: 3 sales, 4 marketing, 2 revops (below N = 3).
const GLOBEX: &[&str] = &[
    "g1,globex,Sales,4,4,2,4",
    "g2,globex,Sales,2,3,3,3",
    "g3,globex,Sales,5,5,1,5",
    "g4,globex,Marketing,3,3,3,3",
    "g5,globex,Marketing,2,2,4,2",
    "g6,globex,Marketing,4,4,2,4",
    "g7,globex,Marketing,3,2,3,2",
    "g8,globex,RevOps,1,2,5,1",
    "g9,globex,RevOps,5,4,1,5",
];

/// initech: 4 sales, 4 marketing, 2 revops and 1 leadership.
const INITECH: &[&str] = &[
    "n1,initech,Sales,3,4,2,4",
    "n2,initech,Sales,4,4,2,3",
    "n3,initech,Sales,2,3,4,2",
    "n4,initech,Sales,5,4,1,4",
    "n5,initech,Marketing,3,3,3,3",
    "n6,initech,Marketing,4,5,2,5",
    "n7,initech,Marketing,2,2,4,2",
    "n8,initech,Marketing,3,4,3,4",
    "n9,initech,RevOps,5,5,1,5",
    "n10,initech,Sales Ops,2,1,5,1",
    "n11,initech,CEO,4,3,2,3",
];

fn write(dir: &Path, name: &str, rows: &[&str]) -> PathBuf {
    let p = dir.join(name);
    let mut text = String::from("resp,company,role,q1,q2,q3,q4\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn write_instrument(dir: &Path, edit: impl FnOnce(&mut Value)) -> PathBuf {
    let mut v = instrument_json();
    edit(&mut v);
    let p = dir.join("instrument.json");
    std::fs::write(&p, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    p
}

fn all_rows() -> Vec<&'static str> {
    [ACME, GLOBEX, INITECH].concat()
}

/// Run `align COMMAND FILE --instrument INST MORE…` and require success.
fn align(command: &str, file: &Path, inst: &Path, more: &[&str]) -> (String, String) {
    let (f, i) = (file.to_str().unwrap(), inst.to_str().unwrap());
    let mut args = vec![command, f, "--instrument", i];
    args.extend_from_slice(more);
    run_ok(&args)
}

fn score_json(file: &Path, inst: &Path, more: &[&str]) -> Value {
    let (f, i) = (file.to_str().unwrap(), inst.to_str().unwrap());
    let mut args = vec![
        "score",
        f,
        "--instrument",
        i,
        "--format",
        "json",
        "--by-role",
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
        .unwrap_or_else(|| panic!("no company {id}"))
}

fn close(v: &Value, want: f64, what: &str) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: {v} is not a number"));
    assert!((got - want).abs() < 1e-9, "{what}: {got} ≠ {want}");
}

#[test]
fn score_other_role_counts_in_company_scores_and_is_a_role_group() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.csv", ACME);
    let inst = write_instrument(dir.path(), |_| {});
    // Respondent dimension means (understanding = mean(q1, q2), teamwork =
    // mean(6 − q3, q4)), by hand and with tests/reference/roles_other_reference.py:
    //   sales      U 4, 3, 4.5            T 4, 3, 4.5          → 3.8333, 3.8333
    //   marketing  U 2, 2.5, 3.5, 1       T 2, 3, 3.5, 1       → 2.25,   2.375
    //   revops     U 5, 4.5, 1            T 5, 4, 1.5          → 3.5,    3.5
    // Respondent weighting: U 31/10 = 3.1 → 100·2.1/4 = 52.5;
    //                       T 31.5/10 = 3.15 → 53.75.
    // Role weighting (the three role means): U (3.8333 + 2.25 + 3.5)/3 →
    //   54.861111; T (3.8333 + 2.375 + 3.5)/3 → 55.902778.
    // By role: sales 70.833333 / 70.833333, marketing 31.25 / 34.375,
    //   revops 62.5 / 62.5; gap (marketing − sales) −39.583333 / −36.458333.
    let v = score_json(&file, &inst, &[]);
    let acme = company(&v, "acme");
    assert_eq!(acme["n"], 10);
    assert_eq!(
        acme["n_by_role"],
        json!({"sales": 3, "marketing": 4, "both": 0, "revops": 3, "leadership": 0})
    );
    close(&acme["scores"]["understanding"], 52.5, "understanding");
    close(&acme["scores"]["teamwork"], 53.75, "teamwork");
    close(
        &acme["scores"]["alignment_index"],
        53.125,
        "alignment index",
    );
    let revops = &acme["by_role"]["revops"];
    close(&revops["understanding"], 62.5, "revops understanding");
    close(&revops["teamwork"], 62.5, "revops teamwork");
    close(
        &acme["by_role"]["marketing"]["teamwork"],
        34.375,
        "marketing teamwork",
    );
    close(
        &acme["by_role"]["sales"]["understanding"],
        70.83333333333334,
        "sales understanding",
    );
    // A role nobody holds is not listed.
    assert!(acme["by_role"].get("leadership").is_none());
    close(
        &acme["role_gap"]["understanding"],
        -39.58333333333334,
        "gap understanding",
    );
    close(
        &acme["role_gap"]["teamwork"],
        -36.45833333333334,
        "gap teamwork",
    );

    let v = score_json(&file, &inst, &["--weighting", "role"]);
    let acme = company(&v, "acme");
    close(
        &acme["scores"]["understanding"],
        54.861111111111114,
        "role-weighted understanding",
    );
    close(
        &acme["scores"]["teamwork"],
        55.90277777777778,
        "role-weighted teamwork",
    );
}

#[test]
fn score_other_role_appears_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.csv", ACME);
    let inst = write_instrument(dir.path(), |_| {});
    let (table, _) = align("score", &file, &inst, &["--by-role"]);
    assert!(table.contains("revops"), "{table}");
    let (md, _) = align(
        "score",
        &file,
        &inst,
        &["--by-role", "--format", "markdown"],
    );
    assert!(md.contains("| acme | revops | 3 | 62.5 |"), "{md}");
    let (csv, _) = align("score", &file, &inst, &["--format", "csv"]);
    let header = csv.lines().next().unwrap();
    for col in [
        "n_revops",
        "n_leadership",
        "revops_understanding",
        "revops_teamwork",
    ] {
        assert!(header.split(',').any(|h| h == col), "no {col} in {header}");
    }
    let (html, _) = align("score", &file, &inst, &["--by-role", "--format", "html"]);
    assert!(html.contains("revops"), "no revops in the HTML");
}

#[test]
fn gaps_and_role_gaps_ignore_other_roles() {
    let dir = tempfile::tempdir().unwrap();
    let inst = write_instrument(dir.path(), |_| {});
    // acme and initech: sales and marketing groups stay shown with or
    // without the extra roles (globex's sales group would be hidden with
    // its revops pair, which changes pooled sales figures by suppression).
    let rows = [ACME, INITECH].concat();
    let all = write(dir.path(), "all.csv", &rows);
    let without: Vec<&str> = rows
        .into_iter()
        .filter(|r| [",Sales,", ",Marketing,"].iter().any(|k| r.contains(k)))
        .collect();
    assert_eq!(without.len(), 15);
    let without = write(dir.path(), "without.csv", &without);
    let gaps = |f: &Path| {
        let (text, _) = align("gaps", f, &inst, &["--format", "json"]);
        serde_json::from_str::<Value>(&text).unwrap()
    };
    let (a, b) = (gaps(&all), gaps(&without));
    assert!(!a["disconnect"].as_array().unwrap().is_empty());
    assert_eq!(
        a["disconnect"], b["disconnect"],
        "the disconnect table changed"
    );
    let (a, b) = (
        score_json(&all, &inst, &[]),
        score_json(&without, &inst, &[]),
    );
    // Their gaps must not move (company scores do).
    for id in ["acme", "initech"] {
        assert_eq!(
            company(&a, id)["role_gap"],
            company(&b, id)["role_gap"],
            "{id}"
        );
        assert_ne!(company(&a, id)["scores"], company(&b, id)["scores"], "{id}");
    }
    // Item gaps compare sales and marketing pools only.
    for (x, y) in a["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(b["items"].as_array().unwrap())
    {
        assert_eq!(x["role_gap"], y["role_gap"], "item {}", x["item"]);
    }
}

/// Every printed output of `score` (JSON, CSV, Markdown; by role) and of
/// `gaps` (JSON) for `rows`.
fn printed(dir: &Path, inst: &Path, rows: &[&str], with_gaps: bool) -> Vec<String> {
    let f = write(dir, "survey.csv", rows);
    let mut out = Vec::new();
    for format in ["json", "csv", "markdown"] {
        out.push(align("score", &f, inst, &["--by-role", "--format", format]).0);
    }
    if with_gaps {
        out.push(align("gaps", &f, inst, &["--format", "json"]).0);
    }
    out
}

#[test]
fn score_small_other_role_groups_are_hidden_and_cannot_be_worked_out() {
    let dir = tempfile::tempdir().unwrap();
    let inst = write_instrument(dir.path(), |_| {});
    let v = score_json(&write(dir.path(), "s.csv", &all_rows()), &inst, &[]);
    // initech: revops 2 and leadership 1 are below N = 3 and hidden; they
    // hold 3 together, so sales and marketing stay shown.
    let initech = company(&v, "initech");
    assert_eq!(initech["by_role"]["revops"]["suppressed"], true);
    assert_eq!(initech["by_role"]["leadership"]["suppressed"], true);
    assert!(initech["by_role"]["sales"]["understanding"].is_number());
    assert!(initech["by_role"]["marketing"]["understanding"].is_number());
    assert_eq!(initech["n_by_role"]["revops"], 2);
    // The attacker: swap the answers of a revops respondent (n10) and the
    // leadership respondent (n11). The hidden groups' means change, their
    // union does not; nothing printed may change.
    let mut swapped = all_rows();
    let i10 = swapped.iter().position(|r| r.starts_with("n10,")).unwrap();
    let i11 = swapped.iter().position(|r| r.starts_with("n11,")).unwrap();
    swapped[i10] = "n10,initech,Sales Ops,4,3,2,3";
    swapped[i11] = "n11,initech,CEO,2,1,5,1";
    assert_eq!(
        printed(dir.path(), &inst, &all_rows(), true),
        printed(dir.path(), &inst, &swapped, true),
        "a hidden extra-role group's answers show through"
    );
}

#[test]
fn score_complementary_suppression_includes_other_roles() {
    let dir = tempfile::tempdir().unwrap();
    let inst = write_instrument(dir.path(), |_| {});
    let v = score_json(&write(dir.path(), "s.csv", GLOBEX), &inst, &[]);
    // globex: revops 2 is hidden (below 3); alone it would follow from the
    // company's score, so the smallest shown group, sales (3), goes too.
    let g = company(&v, "globex");
    assert_eq!(g["suppressed"], false);
    assert_eq!(g["by_role"]["revops"]["suppressed"], true);
    assert_eq!(g["by_role"]["sales"]["suppressed"], true);
    assert!(g["by_role"]["marketing"]["teamwork"].is_number());
    assert!(g["role_gap"]["understanding"].is_null());
    // The attacker: swap a revops respondent (g8) with a sales one (g2):
    // the hidden union is the same, so score prints the same.
    let mut swapped = GLOBEX.to_vec();
    swapped[1] = "g2,globex,Sales,1,2,5,1";
    swapped[7] = "g8,globex,RevOps,2,3,3,3";
    assert_eq!(
        printed(dir.path(), &inst, GLOBEX, false),
        printed(dir.path(), &inst, &swapped, false),
        "a hidden extra-role group's answers show through"
    );
}

#[test]
fn score_blank_role_maps_to_an_other_role() {
    let dir = tempfile::tempdir().unwrap();
    let named = write(dir.path(), "named.csv", ACME);
    let mut rows = ACME.to_vec();
    rows[2] = "a3,acme,,5,5,1,5";
    let blank = write(dir.path(), "blank.csv", &rows);
    let plain = write_instrument(dir.path(), |_| {});
    let want = score_json(&named, &plain, &[]);
    for spelling in ["revops", "other:revops"] {
        let inst = write_instrument(dir.path(), |v| v["roles"]["blank"] = spelling.into());
        let got = score_json(&blank, &inst, &[]);
        assert_eq!(
            got["companies"], want["companies"],
            "roles.blank = {spelling}"
        );
        assert_eq!(company(&got, "acme")["n_by_role"]["revops"], 3);
    }
}

fn instrument_error(edit: impl FnOnce(&mut Value)) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "acme.csv", ACME);
    let inst = write_instrument(dir.path(), edit);
    let o = run(&[
        "score",
        file.to_str().unwrap(),
        "--instrument",
        inst.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    stderr(&o)
}

#[test]
fn instrument_other_role_errors_name_the_problem() {
    // "sales  ops" is "Sales Ops" once case and spacing are folded.
    let err = instrument_error(|v| v["roles"]["sales"] = json!(["Sales", "sales  ops"]));
    assert!(
        err.contains("\"Sales Ops\" is an alias of both sales and revops"),
        "{err}"
    );
    // (The instrument is written from a JSON value whose keys are sorted:
    // leadership comes before revops.)
    let err = instrument_error(|v| v["roles"]["other"]["leadership"] = json!(["CEO", "RevOps"]));
    assert!(
        err.contains("\"RevOps\" is an alias of both leadership and revops"),
        "{err}"
    );
    let err = instrument_error(|v| v["roles"]["blank"] = "finance".into());
    assert!(
        err.contains("roles.blank: \"finance\" is not a role"),
        "{err}"
    );
    assert!(err.contains("\"revops\""), "{err}");
    let err = instrument_error(|v| v["roles"]["other"]["both"] = json!(["Both teams"]));
    assert!(
        err.contains("\"both\" is not a name an extra role can take"),
        "{err}"
    );
    let err = instrument_error(|v| v["roles"]["other"]["Rev Ops"] = json!(["RO"]));
    assert!(err.contains("\"Rev Ops\" is not a role id"), "{err}");
}
