//! Survey-tool exports, spreadsheet outcomes and company ids as teams
//! write them (docs/formats.md). Fixtures in tests/data/exports/: one survey
//! of 9 respondents in 3 companies (acme, globex, initech) written as a
//! canonical CSV (numbers) and as SurveyMonkey, Google Forms and Microsoft
//! Forms exports (answer texts of the agree5 preset), each with an
//! instrument naming its columns.

use crate::support;
use support::cli::{data, output as run, run_json, run_ok, stderr, stdout};

use serde_json::Value;

fn ex(file: &str) -> String {
    data(&format!("exports/{file}"))
}

/// `align score FILE --instrument INST --format json` (anonymity 1).
fn score_json(file: &str, inst: &str, more: &[&str]) -> (Value, String) {
    let (f, i) = (ex(file), ex(inst));
    let mut args = vec![
        "score",
        f.as_str(),
        "--instrument",
        i.as_str(),
        "--format",
        "json",
        "--anonymity",
        "1",
    ];
    args.extend_from_slice(more);
    run_json(&args)
}

fn companies(v: &Value) -> String {
    serde_json::to_string(&v["companies"]).unwrap()
}

#[test]
fn score_reads_each_survey_tool_export_like_its_canonical_csv() {
    let (want, _) = score_json("canonical.csv", "canonical.json", &[]);
    assert_eq!(want["input"]["dialect"], "csv");
    // acme, shared understanding: respondents' means (4+4)/2 = 4,
    // (3+4)/2 = 3.5, (5+5)/2 = 5; mean 12.5/3 = 4.1667; index
    // (4.1667 − 1)/4 × 100 = 79.1667.
    let acme = want["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "acme")
        .unwrap();
    let u = acme["scores"]["understanding"].as_f64().unwrap();
    assert!((u - 79.166_666_666_666_67).abs() < 1e-9, "{u}");
    // globex, teamwork: i3r reversed (6 − r): (2, 2), (3, 3), (2, —):
    // means 2, 3, 2 (one item of two is enough); mean 7/3; index
    // (7/3 − 1)/4 × 100 = 33.3333.
    let globex = want["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "globex")
        .unwrap();
    let t = globex["scores"]["teamwork"].as_f64().unwrap();
    assert!((t - 33.333_333_333_333_33).abs() < 1e-9, "{t}");
    for (file, inst, dialect, header_rows) in [
        ("surveymonkey.csv", "surveymonkey.json", "surveymonkey", 2),
        ("google_forms.csv", "google_forms.json", "google_forms", 1),
        (
            "microsoft_forms.csv",
            "microsoft_forms.json",
            "microsoft_forms",
            1,
        ),
    ] {
        let (got, err) = score_json(file, inst, &[]);
        assert_eq!(companies(&got), companies(&want), "{file}\n{err}");
        assert_eq!(got["input"]["dialect"], dialect, "{file}");
        assert_eq!(got["input"]["header_rows"], header_rows, "{file}");
        assert_eq!(got["input"]["rows_read"], 9, "{file}");
        assert_eq!(got["input"]["rows_scored"], 9, "{file}");
        // The same on one thread.
        let (one, _) = score_json(file, inst, &["--threads", "1"]);
        assert_eq!(companies(&one), companies(&want), "{file}");
    }
}

#[test]
fn validate_reads_preset_wordings_and_missing_answers() {
    // Google Forms: "Disagree", "Neutral", "Agree", and "Don't know" read
    // as missing (r6's fourth answer); Microsoft Forms also has the curly
    // "Don’t know" and "Somewhat agree".
    for (file, inst) in [
        ("google_forms.csv", "google_forms.json"),
        ("microsoft_forms.csv", "microsoft_forms.json"),
    ] {
        let (out, _) = run_ok(&["validate", &ex(file), "--instrument", &ex(inst)]);
        assert!(
            out.ends_with(
                "9 rows read, 9 valid, 0 with problems (0 problems), 0 rows excluded; 3 companies\n"
            ),
            "{out}"
        );
    }
}

#[test]
fn score_missing_column_names_the_closest_question_columns() {
    // The instrument misspells one SurveyMonkey column ("profil"): the
    // error suggests the column it meant and lists the question columns,
    // not SurveyMonkey's metadata columns.
    let text = std::fs::read_to_string(ex("surveymonkey.json"))
        .unwrap()
        .replace(
            "customer profile\",\n      \"dimension",
            "customer profil\",\n      \"dimension",
        );
    let dir = tempfile::tempdir().unwrap();
    let inst = dir.path().join("typo.json");
    std::fs::write(&inst, text).unwrap();
    let o = run(&[
        "score",
        &ex("surveymonkey.csv"),
        "--instrument",
        inst.to_str().unwrap(),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(stdout(&o).is_empty());
    assert!(
        err.contains(
            "\"How much do you agree with each statement? - We agree on the ideal customer profil\" (question i1; did you mean \"How much do you agree with each statement? - We agree on the ideal customer profile\"?)"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "(question columns: \"What company do you work for?\", \"Which team are you in?\""
        ),
        "{err}"
    );
    assert!(!err.contains("Collector ID"), "{err}");
}

#[test]
fn score_missing_column_suggests_a_near_header_name() {
    // Plain CSV: the instrument's "q4" is written "q_4" in the header.
    let text = std::fs::read_to_string(ex("canonical.csv"))
        .unwrap()
        .replacen("q4", "q_4", 1);
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.csv");
    std::fs::write(&f, text).unwrap();
    let o = run(&[
        "score",
        f.to_str().unwrap(),
        "--instrument",
        &ex("canonical.json"),
    ]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains("\"q4\" (question i4; did you mean \"q_4\"?) (header: \"resp\", \"company\""),
        "{err}"
    );
}

#[test]
fn score_warns_once_per_group_of_company_id_variants() {
    // "acme", "ACME " and " Acme" trim to acme, ACME, Acme: one group;
    // "Init ech" is "initech" with a space: a second group; "Globex Corp"
    // is another name, not a variant of "globex". 7 companies in all.
    let (v, err) = score_json("company_variants.csv", "canonical.json", &[]);
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .filter(|w| w.starts_with("company ids"))
        .collect();
    assert_eq!(
        warnings,
        [
            "company ids \"ACME\", \"Acme\", \"acme\" differ only in case or spacing and are counted as 3 different companies; if they are one company, merge them with --company-aliases FILE (a CSV with the header alias,company)",
            "company ids \"Init ech\", \"initech\" differ only in case or spacing and are counted as 2 different companies; if they are one company, merge them with --company-aliases FILE (a CSV with the header alias,company)",
        ]
    );
    assert!(
        err.contains("company ids \"ACME\", \"Acme\", \"acme\""),
        "{err}"
    );
    assert_eq!(v["input"]["companies"], 7);
}

#[test]
fn score_company_aliases_merge_ids_before_scoring() {
    // ACME → acme, " Acme" (trimmed, case ignored) → acme, Globex Corp →
    // globex, Init ech → initech: the canonical three companies.
    let aliases = ex("aliases.csv");
    let (got, _) = score_json(
        "company_variants.csv",
        "canonical.json",
        &["--company-aliases", &aliases],
    );
    let (want, _) = score_json("canonical.csv", "canonical.json", &[]);
    assert_eq!(companies(&got), companies(&want));
    assert_eq!(got["input"]["companies"], 3);
    assert!(got["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|w| !w.as_str().unwrap().starts_with("company ids")));
}

/// `align leaders canonical.csv --outcomes FILE --scheme median --format json`.
fn leaders(outcomes: &str, more: &[&str]) -> std::process::Output {
    let o = ex(outcomes);
    let mut args = vec!["--outcomes", o.as_str()];
    args.extend_from_slice(more);
    leaders_of("canonical.csv", &args)
}

/// `align leaders RESPONSES --scheme median --format json` (anonymity 1)
/// with the canonical instrument.
fn leaders_of(responses: &str, more: &[&str]) -> std::process::Output {
    let (f, i) = (ex(responses), ex("canonical.json"));
    let mut args = vec![
        "leaders",
        f.as_str(),
        "--instrument",
        i.as_str(),
        "--scheme",
        "median",
        "--anonymity",
        "1",
        "--format",
        "json",
    ];
    args.extend_from_slice(more);
    run(&args)
}

#[test]
fn leaders_reads_outcomes_as_spreadsheets_write_them() {
    // outcomes_plain.csv: growth 12.5, -1.8, 7; pipeline 1200, 1234.5, -300.
    // outcomes_sheet.csv (Windows-1252, ';', key column "Account"): "12,5 %",
    // "-1,8%", "+7"; "1.200 €", "1.234,5", "(300)"; ids " globex " and
    // "INITECH" (an alias of initech). outcomes_sheet_comma.csv: "12.5%",
    // "$1,200", "1,234.5", "($300)". All three give the same figures.
    let plain = leaders("outcomes_plain.csv", &[]);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let aliases = ex("aliases.csv");
    let sheet = leaders("outcomes_sheet.csv", &["--company-aliases", &aliases]);
    assert_eq!(sheet.status.code(), Some(0), "{}", stderr(&sheet));
    let comma = leaders("outcomes_sheet_comma.csv", &[]);
    assert_eq!(comma.status.code(), Some(0), "{}", stderr(&comma));
    let parts = |o: &std::process::Output| {
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        serde_json::to_string(&(&v["companies"], &v["tiers"], &v["dimensions"])).unwrap()
    };
    assert_eq!(parts(&sheet), parts(&plain));
    assert_eq!(parts(&comma), parts(&plain));
    // With an explicit key column.
    let keyed = leaders(
        "outcomes_sheet.csv",
        &["--company-aliases", &aliases, "--outcomes-key", "account"],
    );
    assert_eq!(parts(&keyed), parts(&plain));
}

/// Outcome columns in the responses, as other tools write them: plain
/// numbers (responses_outcomes.csv); a `;`-delimited export with decimal
/// commas, thousands dots and spaces, `%`, `(1,8)` and `+7`
/// (responses_outcomes_semicolon.csv); quoted spreadsheet values in a
/// `,`-delimited file, `"$1,200"`, `"12.5%"`, `"($300)"`
/// (responses_outcomes_sheet.csv). Each company's values are its
/// respondents' mean: acme growth (12.5 + 10 + 15) / 3 = 12.5, pipeline
/// (1200 + 1000 + 1400) / 3 = 1200, the leader; globex -1.8 and 1234.5,
/// initech 7 and -300, the laggards: growth (-1.8 + 7) / 2 = 2.6, pipeline
/// (1234.5 - 300) / 2 = 467.25 (by hand). The same as the outcomes file.
#[test]
fn leaders_reads_response_outcomes_as_spreadsheets_write_them() {
    let run_leaders = |file: &str, more: &[&str]| {
        let o = leaders_of(file, more);
        assert_eq!(o.status.code(), Some(0), "{file}: {}", stderr(&o));
        serde_json::from_slice::<Value>(&o.stdout).unwrap()
    };
    let figures = |v: &Value| {
        serde_json::to_string(&(&v["companies"], &v["tiers"], &v["outcomes_by_tier"])).unwrap()
    };
    let plain = run_leaders("responses_outcomes.csv", &[]);
    let by = &plain["outcomes_by_tier"];
    let close = |v: &Value, want: f64| (v.as_f64().unwrap() - want).abs() < 1e-9;
    assert!(close(&by[0]["leaders"]["mean"], 12.5), "{by}");
    assert!(close(&by[0]["laggards"]["mean"], 2.6), "{by}");
    assert!(close(&by[1]["leaders"]["mean"], 1200.0), "{by}");
    assert!(close(&by[1]["laggards"]["mean"], 467.25), "{by}");
    let semicolon = run_leaders("responses_outcomes_semicolon.csv", &[]);
    assert_eq!(semicolon["input"]["delimiter"], ";");
    assert_eq!(semicolon["input"]["rows_scored"], 9);
    assert_eq!(figures(&semicolon), figures(&plain));
    let sheet = run_leaders("responses_outcomes_sheet.csv", &[]);
    assert_eq!(figures(&sheet), figures(&plain));
    let outcomes = ex("outcomes_plain.csv");
    let file = run_leaders("canonical.csv", &["--outcomes", &outcomes]);
    assert_eq!(figures(&file), figures(&plain));
}

#[test]
fn leaders_unmatched_outcomes_id_names_the_closest_responses_id() {
    // Without the aliases, "INITECH" matches no responses id.
    let o = leaders("outcomes_sheet.csv", &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("has no respondents in the responses and is left out: INITECH (closest in the responses: \"initech\")"),
        "{err}"
    );
}

#[test]
fn leaders_outcomes_errors_name_line_column_and_value() {
    // "12.5.1" (line 2), "abc" twice (lines 3 and 4: one line), "1e3x"
    // (line 4): 4 problems on 3 lines of output.
    let o = leaders("outcomes_bad.csv", &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(stdout(&o).is_empty());
    assert!(err.contains("4 problems in the data"), "{err}");
    assert!(
        err.contains("outcomes_bad.csv: line 2, column \"growth\": \"12.5.1\" is not a number; outcomes may be written like 12.5, 12.5%, 1,234.5, $1,200 or (12.5)"),
        "{err}"
    );
    assert!(
        err.contains(
            "outcomes_bad.csv: lines 3, 4 (2 in all), column \"growth\": \"abc\" is not a number"
        ),
        "{err}"
    );
    assert!(
        err.contains("line 4, column \"pipeline\": \"1e3x\""),
        "{err}"
    );
}

#[test]
fn leaders_outcomes_key_must_be_in_the_header() {
    let o = leaders("outcomes_plain.csv", &["--outcomes-key", "account_id"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains("line 1: the header lacks the key column \"account_id\" given to --outcomes-key (header: \"company\", \"growth\", \"pipeline\")"),
        "{err}"
    );
}

#[test]
fn score_input_summary_names_the_survey_tool() {
    for (file, inst, says) in [
        (
            "surveymonkey.csv",
            "surveymonkey.json",
            "SurveyMonkey export, 2 header rows",
        ),
        (
            "google_forms.csv",
            "google_forms.json",
            "Google Forms export, 1 header row",
        ),
        (
            "microsoft_forms.csv",
            "microsoft_forms.json",
            "Microsoft Forms export, 1 header row",
        ),
    ] {
        let (f, i) = (ex(file), ex(inst));
        let out = run_ok(&["score", &f, "--instrument", &i, "--anonymity", "1"]).0;
        // The table wraps long lines; compare the words.
        let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(words.contains(says), "{file}: {out}");
    }
}
