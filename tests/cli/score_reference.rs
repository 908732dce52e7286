//! Reference-value tests for `align score --format json` (docs/methods.md).
//!
//! Every expected value in the tables at the end of this file comes from
//! `tests/reference/score_reference.py`, which reads the fixtures with pandas
//! (not with this crate), recomputes every definition with numpy/scipy and
//! cross-checks Cronbach's alpha and its Feldt interval against pingouin.
//! `python3 tests/reference/score_reference.py` prints a readable listing
//! (with the ANOVA mean squares behind the ICCs and why each group is
//! hidden); `python3 tests/reference/score_reference.py --rust` prints the
//! tables pasted below. Numbers are compared with an absolute tolerance of
//! 1e-6, never as strings.
//!
//! Fixtures:
//! * `tests/data/small5/`: 5-point scale, two dimensions of three items (one
//!   reverse-worded item each), non-default column names (`resp`, `firm`,
//!   `dept`), role aliases, 18 rows in 4 companies: `acme` (7: 3 sales,
//!   3 marketing, 1 both -> `both` hidden, and `sales` with it), `globex`
//!   (4: 1 sales -> hidden, and the 3 marketing with it), `initech` (2 ->
//!   hidden company), `umbrella` (4 scored; r15 answers 1 of 3 teamwork
//!   items, so it has no teamwork mean; r18 on line 19 answers nothing and is
//!   excluded).
//! * `tests/data/seven1/`: 7-point scale, one dimension of five items, text
//!   labels in mixed case with extra spaces, missing tokens, no role column;
//!   13 rows in 3 companies, the row on line 11 answers 2 of 5 items and is
//!   excluded.
//! * `tests/data/edge/`: 5-point, two dimensions of two items, default column
//!   names, no `missing`/`roles` keys (defaults), 4 companies built to hit
//!   r_wg = 0, r_wg = 1, r_wg null, a company without any answer to one
//!   dimension, and a one-respondent company.
//! * `tests/data/small5/instrument_unreversed.json`: small5 with the reverse
//!   flags forgotten (negative alpha, warnings).
//! * `tests/data/disclosure/`: small5's instrument, 22 rows in 4 companies
//!   built for the pooled role figures: `tiny` (2, hidden), `gamma` (3 sales
//!   beside 1 both: both hidden) answering few items, and items skipped so
//!   that a role pool is hidden beside its item's total: u2 (both 2 ->
//!   sales 6 = marketing 6, the tie hides sales), u3r (both 2 -> marketing 5
//!   hidden), t1 (1 answer of gamma's hidden groups -> both 3 hidden).
//! * `tests/data/cells/`: small5's instrument, 21 rows in 4 companies built
//!   for the cell thresholds: `delta` (3 sales, 3 marketing, 3 both; one
//!   `both` has no teamwork mean -> on teamwork only, `both` and by
//!   complementary suppression `sales` are hidden), `echo` (4 sales, 2 of
//!   them with a teamwork mean -> no teamwork score, alignment index, stage
//!   or r_wg), `foxtrot` (3 + 3, everything shown), `tiny` (2, hidden); t1 is
//!   answered by 2 respondents only (no pooled figures; teamwork alpha from
//!   2 complete respondents: hidden).
//!
//! Disclosure control (docs/methods.md, "Disclosure control"), N =
//! `--anonymity`:
//! * a company with fewer than N respondents is hidden and enters nothing:
//!   not the pooled items, not the ICCs, not the r_wg(J) median, not the
//!   count of companies where r_wg(J) is undefined; Cronbach's alpha is the
//!   one exception (every scored respondent);
//! * a role group of a shown company with fewer than N respondents is
//!   hidden, then the company's smallest shown role group too (ties: sales,
//!   marketing, both) while the hidden ones hold more than 0 and fewer than
//!   N respondents;
//! * in the pooled `items` table, `by_role.<role>` pools the shown role
//!   groups of the shown companies, and the pools are suppressed the same
//!   way as parts of the item's total, the hidden role groups' answers to the
//!   item counting as hidden;
//! * cell thresholds: a shown company's dimension score that fewer than N of
//!   its respondents have a mean on is null (alignment index, stage and that
//!   r_wg(J) with it; it enters no r_wg(J) median); a role group's score on a
//!   dimension that fewer than N of its respondents have a mean on is null,
//!   then more role cells on that dimension by complementary suppression
//!   (plan-hidden groups counting as hidden); a pooled item answered by 1 to
//!   N - 1 respondents of the shown companies has no figures; Cronbach's
//!   alpha from 1 to N - 1 complete respondents is hidden;
//! * item statistics and r_wg(J) item variances use every answer of every
//!   *scored* respondent, also when that respondent has too few answers for
//!   that dimension's mean (r15's answer to t3 counts for item t3 and for
//!   umbrella's teamwork r_wg).
//!
//! Outputs where no group is hidden (`--anonymity 1`, seven1) are those of
//! the rules before disclosure control was planned as a whole.

use crate::support;
use support::cli::{data, run_json};
use support::reference::{check, Exp};
use support::{assert_accounting, assert_json_close};

use serde_json::Value;

/// `align score --format json` on a fixture folder's responses and instrument.
fn score_json(fixture: &str, extra: &[&str]) -> Value {
    let resp = data(&format!("{fixture}/responses.csv"));
    let inst = data(&format!("{fixture}/instrument.json"));
    let mut args = vec![
        "score",
        resp.as_str(),
        "--instrument",
        inst.as_str(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    run_json(&args).0
}

fn small5(extra: &[&str]) -> Value {
    score_json("small5", extra)
}

fn seven1(extra: &[&str]) -> Value {
    score_json("seven1", extra)
}

/// `input.exclusions` as (line, reason) pairs, sorted by line.
fn exclusions(v: &Value) -> Vec<(u64, String)> {
    let mut out: Vec<(u64, String)> = v["input"]["exclusions"]
        .as_array()
        .expect("input.exclusions is an array")
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().expect("exclusion line is a number"),
                e["reason"]
                    .as_str()
                    .expect("exclusion reason is a string")
                    .to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

/// Every number anywhere below `v`, with its path, skipping keys in `skip`.
fn numbers_in(v: &Value, path: &str, skip: &[&str], out: &mut Vec<String>) {
    match v {
        Value::Number(n) => out.push(format!("{path} = {n}")),
        Value::Array(a) => {
            for (i, e) in a.iter().enumerate() {
                numbers_in(e, &format!("{path}/{i}"), skip, out);
            }
        }
        Value::Object(o) => {
            for (k, e) in o {
                if !skip.contains(&k.as_str()) {
                    numbers_in(e, &format!("{path}/{k}"), skip, out);
                }
            }
        }
        _ => {}
    }
}

fn company<'a>(v: &'a Value, id: &str) -> &'a Value {
    let hits: Vec<&Value> = v["companies"]
        .as_array()
        .expect("companies is an array")
        .iter()
        .filter(|c| c["company_id"].as_str() == Some(id))
        .collect();
    assert_eq!(hits.len(), 1, "company {id} appears exactly once");
    hits[0]
}

/// The warnings of a report checked against a table of (stem, sentence):
/// exactly one warning contains the stem and it is the sentence, or (None)
/// none contains it.
fn check_warnings(v: &Value, table: &[(&str, Option<&str>)], label: &str) {
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .expect("warnings is an array")
        .iter()
        .map(|w| w.as_str().expect("warning is a string"))
        .collect();
    for (stem, want) in table {
        let hits: Vec<&str> = warnings
            .iter()
            .copied()
            .filter(|w| w.contains(stem))
            .collect();
        match want {
            Some(w) => assert_eq!(hits, [*w], "{label}: the warning with `{stem}`"),
            None => assert!(hits.is_empty(), "{label}: unexpected warning {hits:?}"),
        }
    }
}

/// `align score` of `responses` (a CSV text) with a fixture's instrument.
fn score_text(instrument: &str, responses: &str, extra: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("responses.csv");
    std::fs::write(&path, responses).expect("write the responses");
    let inst = data(instrument);
    let mut args = vec![
        "score",
        path.to_str().expect("a UTF-8 path"),
        "--instrument",
        inst.as_str(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    run_json(&args).0
}

/// A fixture's responses without the rows of `company` (a CSV whose rows
/// hold no quoted newline, company in column `col`).
fn without_company(fixture: &str, col: usize, company: &str) -> String {
    let text = std::fs::read_to_string(data(&format!("{fixture}/responses.csv")))
        .expect("read the fixture");
    let mut out = String::new();
    for line in text.lines() {
        if line.split(',').nth(col) != Some(company) {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

// ---------------------------------------------------------------------------
// small5
// ---------------------------------------------------------------------------

#[test]
fn score_small5_matches_reference() {
    let v = small5(&[]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["command"], "score");
    check(&v, SMALL5_DEFAULT, "small5 (defaults)");
    check_warnings(&v, SMALL5_DEFAULT_WARNINGS, "small5 (defaults)");
    assert_eq!(v["companies"].as_array().unwrap().len(), 4);
    assert_eq!(v["items"].as_array().unwrap().len(), 6);
}

#[test]
fn score_small5_excludes_row_without_any_dimension_mean() {
    let v = small5(&[]);
    assert_accounting(&v);
    let ex = exclusions(&v);
    assert_eq!(ex.len(), 1, "exclusions: {ex:?}");
    assert_eq!(ex[0].0, 19, "r18 (nothing answered) is on line 19");
    assert!(
        ex[0].1.to_lowercase().contains("answer"),
        "reason should mention too few answers: {:?}",
        ex[0].1
    );
}

#[test]
fn score_small5_lists_dimensions_in_instrument_order() {
    let v = small5(&[]);
    let dims = v["dimensions"].as_array().expect("dimensions is an array");
    assert_eq!(dims.len(), 2);
    assert_eq!(dims[0]["id"], "understanding");
    assert_eq!(dims[0]["label"], "Shared understanding");
    assert_eq!(dims[0]["items"], serde_json::json!(["u1", "u2", "u3r"]));
    assert_eq!(dims[1]["id"], "teamwork");
    assert_eq!(dims[1]["label"], "Collaboration");
    assert_eq!(dims[1]["items"], serde_json::json!(["t1", "t2r", "t3"]));
}

#[test]
fn score_small5_role_weighting_matches_reference() {
    let v = small5(&["--weighting", "role"]);
    check(&v, SMALL5_ROLE_WEIGHTING, "small5 --weighting role");
    check_warnings(
        &v,
        SMALL5_ROLE_WEIGHTING_WARNINGS,
        "small5 --weighting role",
    );
    // Weighting changes company scores only: pooled statistics and by-role
    // figures are those of the default run.
    let d = small5(&[]);
    for key in ["reliability", "aggregation", "items", "input"] {
        assert_json_close(
            &v[key],
            &d[key],
            &format!("`{key}` must not depend on --weighting"),
        );
    }
    for id in ["acme", "globex", "initech", "umbrella"] {
        for key in [
            "by_role",
            "role_gap",
            "rwg_j",
            "n",
            "n_by_role",
            "suppressed",
        ] {
            assert_json_close(
                &company(&v, id)[key],
                &company(&d, id)[key],
                &format!("companies[{id}].{key} must not depend on --weighting"),
            );
        }
    }
}

#[test]
fn score_small5_anonymity_1_matches_reference() {
    let v = small5(&["--anonymity", "1"]);
    check(&v, SMALL5_ANONYMITY_1, "small5 --anonymity 1");
    check_warnings(&v, SMALL5_ANONYMITY_1_WARNINGS, "small5 --anonymity 1");
    // Cronbach's alpha is over every scored respondent, hidden companies
    // included: the threshold does not change it. Pooled items and the
    // aggregation leave the hidden company initech out at the default.
    let d = small5(&[]);
    for key in ["reliability", "input"] {
        assert_json_close(
            &v[key],
            &d[key],
            &format!("`{key}` must not depend on --anonymity"),
        );
    }
}

#[test]
fn score_hidden_company_enters_no_pooled_figure() {
    // small5 at the default threshold equals small5 without initech (2
    // respondents, hidden), except for what initech's rows are still in:
    // the row counts, its own (suppressed) entry, Cronbach's alpha.
    let d = small5(&[]);
    let inst = "small5/instrument.json";
    let w = score_text(inst, &without_company("small5", 1, "initech"), &[]);
    for key in ["aggregation", "items"] {
        assert_json_close(
            &d[key],
            &w[key],
            &format!("`{key}` with initech hidden vs without its rows"),
        );
    }
    for id in ["acme", "globex", "umbrella"] {
        assert_json_close(
            company(&d, id),
            company(&w, id),
            &format!("companies[{id}] with initech hidden vs without its rows"),
        );
    }
    // The same holds for the disclosure fixture (tiny hidden).
    let d = score_json("disclosure", &[]);
    let w = score_text(
        "disclosure/instrument.json",
        &without_company("disclosure", 1, "tiny"),
        &[],
    );
    for key in ["aggregation", "items"] {
        assert_json_close(
            &d[key],
            &w[key],
            &format!("disclosure `{key}` with tiny hidden vs without its rows"),
        );
    }
}

#[test]
fn score_small5_explicit_defaults_equal_implicit() {
    let implicit = small5(&[]);
    let explicit = small5(&["--anonymity", "3", "--weighting", "respondent"]);
    assert_json_close(
        &implicit,
        &explicit,
        "--anonymity 3 --weighting respondent vs defaults",
    );
}

#[test]
fn score_suppressed_company_shows_no_figures() {
    let v = small5(&[]);
    let c = company(&v, "initech");
    assert_eq!(c["suppressed"], true);
    assert_eq!(c["n"], 2);
    let mut nums = Vec::new();
    numbers_in(c, "companies[initech]", &["n", "n_by_role"], &mut nums);
    assert!(
        nums.is_empty(),
        "a suppressed company shows numbers: {nums:?}"
    );
}

#[test]
fn score_suppressed_role_shows_only_the_flag() {
    let v = small5(&[]);
    let want = serde_json::json!({"suppressed": true});
    assert_eq!(
        company(&v, "acme")["by_role"]["both"],
        want,
        "acme: 1 `both` respondent"
    );
    // 1 hidden respondent could be worked out from acme's score: the
    // smallest shown group (sales 3 = marketing 3, sales first) goes too.
    assert_eq!(
        company(&v, "acme")["by_role"]["sales"],
        want,
        "acme: sales hidden beside the 1 `both`"
    );
    assert_eq!(
        company(&v, "acme")["by_role"]["marketing"]["suppressed"],
        false
    );
    assert_eq!(
        company(&v, "globex")["by_role"]["sales"],
        want,
        "globex: 1 sales respondent"
    );
    assert_eq!(
        company(&v, "globex")["by_role"]["marketing"],
        want,
        "globex: marketing hidden beside the 1 sales"
    );
    for role in ["sales", "marketing", "both"] {
        assert_eq!(
            company(&v, "umbrella")["by_role"][role],
            want,
            "umbrella {role}"
        );
    }
    // roles without respondents do not appear
    assert!(company(&v, "globex")["by_role"].get("both").is_none());
}

// ---------------------------------------------------------------------------
// seven1
// ---------------------------------------------------------------------------

#[test]
fn score_seven1_labels_match_reference() {
    let v = seven1(&[]);
    check(&v, SEVEN1_DEFAULT, "seven1 (7-point labels)");
    check_warnings(&v, SEVEN1_DEFAULT_WARNINGS, "seven1 (7-point labels)");
    assert_accounting(&v);
    let ex = exclusions(&v);
    assert_eq!(ex.len(), 1, "exclusions: {ex:?}");
    assert_eq!(ex[0].0, 11, "s5 (2 of 5 answered) is on line 11");
    assert!(
        ex[0].1.to_lowercase().contains("answer"),
        "reason: {:?}",
        ex[0].1
    );
    let dims = v["dimensions"].as_array().unwrap();
    assert_eq!(dims.len(), 1);
    assert_eq!(dims[0]["id"], "climate");
    assert_eq!(
        dims[0]["items"],
        serde_json::json!(["c1", "c2", "c3", "c4", "c5"])
    );
}

// ---------------------------------------------------------------------------
// small5: anonymity boundary, forgotten reverse flags
// ---------------------------------------------------------------------------

#[test]
fn score_small5_anonymity_4_matches_reference() {
    // globex and umbrella have exactly 4 respondents: shown (suppressed only
    // when n < 4); every role group (at most 3 respondents) is hidden.
    let v = small5(&["--anonymity", "4"]);
    check(&v, SMALL5_ANONYMITY_4, "small5 --anonymity 4");
    check_warnings(&v, SMALL5_ANONYMITY_4_WARNINGS, "small5 --anonymity 4");
}

#[test]
fn score_unreversed_items_warn_and_match_reference() {
    // Same answers, but the instrument forgets the reverse flags of u3r and
    // t2r: alpha turns negative and item-total correlations negative. Items
    // are never reversed automatically; a warning names them.
    let resp = data("small5/responses.csv");
    let inst = data("small5/instrument_unreversed.json");
    let v = run_json(&["score", &resp, "--instrument", &inst, "--format", "json"]).0;
    check(&v, SMALL5_UNREVERSED, "small5, reverse flags forgotten");
    check_warnings(
        &v,
        SMALL5_UNREVERSED_WARNINGS,
        "small5, reverse flags forgotten",
    );
    let warnings: Vec<String> = v["warnings"]
        .as_array()
        .expect("warnings is an array")
        .iter()
        .map(|w| w.as_str().expect("warning is a string").to_string())
        .collect();
    for item in ["u3r", "t2r"] {
        assert!(
            warnings
                .iter()
                .any(|w| w.contains(item) && w.contains("reverse")),
            "no warning names {item} and its reverse flag: {warnings:#?}"
        );
    }
}

// ---------------------------------------------------------------------------
// edge: r_wg = 0 (disagreement beyond uniform), r_wg = 1 (no variance),
// r_wg null (one respondent; no item answered twice), a dimension nobody in a
// company answered, a one-respondent company left out of the ICC ANOVA
// (negative ICCs are reported, not clamped), k = 2 (alpha if dropped is
// undefined), default column names / missing tokens / role aliases.
// ---------------------------------------------------------------------------

fn edge(extra: &[&str]) -> Value {
    score_json("edge", extra)
}

#[test]
fn score_edge_cases_match_reference() {
    let v = edge(&[]);
    check(&v, EDGE_DEFAULT, "edge (defaults)");
    check_warnings(&v, EDGE_DEFAULT_WARNINGS, "edge (defaults)");
    assert_accounting(&v);
}

#[test]
fn score_edge_cases_anonymity_1_match_reference() {
    let v = edge(&["--anonymity", "1"]);
    check(&v, EDGE_ANONYMITY_1, "edge --anonymity 1");
    check_warnings(&v, EDGE_ANONYMITY_1_WARNINGS, "edge --anonymity 1");
}

// ---------------------------------------------------------------------------
// disclosure: pooled role figures suppressed as parts of their item's total
// ---------------------------------------------------------------------------

#[test]
fn score_disclosure_matches_reference() {
    let v = score_json("disclosure", &[]);
    check(&v, DISCLOSURE_DEFAULT, "disclosure (defaults)");
    check_warnings(&v, DISCLOSURE_DEFAULT_WARNINGS, "disclosure (defaults)");
    assert_accounting(&v);
    // gamma: 3 sales beside 1 `both`; the both is hidden, so sales is too.
    let want = serde_json::json!({"suppressed": true});
    for role in ["sales", "both"] {
        assert_eq!(company(&v, "gamma")["by_role"][role], want, "gamma {role}");
    }
}

#[test]
fn score_disclosure_anonymity_1_matches_reference() {
    let v = score_json("disclosure", &["--anonymity", "1"]);
    check(&v, DISCLOSURE_ANONYMITY_1, "disclosure --anonymity 1");
    check_warnings(
        &v,
        DISCLOSURE_ANONYMITY_1_WARNINGS,
        "disclosure --anonymity 1",
    );
}

// ---------------------------------------------------------------------------
// cells: figures that fewer respondents than the threshold answered
// ---------------------------------------------------------------------------

#[test]
fn score_cells_match_reference() {
    let v = score_json("cells", &[]);
    check(&v, CELLS_DEFAULT, "cells (defaults)");
    check_warnings(&v, CELLS_DEFAULT_WARNINGS, "cells (defaults)");
    assert_accounting(&v);
    // delta's sales group is shown (its object stays) but hidden on
    // teamwork only: the 2 `both` with a teamwork mean are hidden there, and
    // sales with them (tie with marketing, sales first).
    let sales = &company(&v, "delta")["by_role"]["sales"];
    assert_eq!(sales["suppressed"], false, "{sales}");
    assert!(sales["understanding"].is_number(), "{sales}");
    assert!(sales["teamwork"].is_null(), "{sales}");
    assert!(company(&v, "delta")["by_role"]["marketing"]["teamwork"].is_number());
    // echo: teamwork from 2 respondents, no score and no r_wg(J).
    let echo = company(&v, "echo");
    assert!(echo["scores"]["teamwork"].is_null() && echo["rwg_j"]["teamwork"].is_null());
    assert_eq!(echo["suppressed"], false);
}

#[test]
fn score_cells_role_weighting_matches_reference() {
    let v = score_json("cells", &["--weighting", "role"]);
    check(&v, CELLS_ROLE_WEIGHTING, "cells --weighting role");
    check_warnings(&v, CELLS_ROLE_WEIGHTING_WARNINGS, "cells --weighting role");
}

#[test]
fn score_cells_anonymity_1_matches_reference() {
    let v = score_json("cells", &["--anonymity", "1"]);
    check(&v, CELLS_ANONYMITY_1, "cells --anonymity 1");
    check_warnings(&v, CELLS_ANONYMITY_1_WARNINGS, "cells --anonymity 1");
}

// ---------------------------------------------------------------------------
// Reference tables, pasted from `python3 tests/reference/score_reference.py --rust`.
// ---------------------------------------------------------------------------

// Generated by `python3 tests/reference/score_reference.py --rust`.
// small5, --anonymity 3 (default), --weighting respondent
// exclusions (line, reason): [(19, 'too few answers')]
#[rustfmt::skip]
pub const SMALL5_DEFAULT: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Small5 hand-worked survey")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(18)),
    ("input/rows_scored", Exp::Int(17)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.9030303030303031)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.7762759870793052)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.963320953236119)),
    ("reliability/understanding/n_complete", Exp::Int(16)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.873015873015873)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.7984472665856133)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.9322033898305084)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.7261773147656884)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.7647058823529411)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.9140046960322242)),
    ("reliability/teamwork/alpha", Exp::Num(0.9321314952279959)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(0.8388564365518943)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9753085894363973)),
    ("reliability/teamwork/n_complete", Exp::Int(15)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(0.8955823293172693)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.8981627343553397)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.855721393034826)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(0.9161265266894001)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.9550000000000001)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(0.8117199998202016)),
    ("aggregation/understanding/icc1", Exp::Num(0.16574356134034865)),
    ("aggregation/understanding/icc2", Exp::Num(0.49833472106577803)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.8863636363636365)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(3)),
    ("aggregation/teamwork/icc1", Exp::Num(0.30336529320694244)),
    ("aggregation/teamwork/icc2", Exp::Num(0.6702070207020702)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.8333333333333334)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(3)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(15)),
    ("items[u1]/mean", Exp::Num(3.4)),
    ("items[u1]/index", Exp::Num(60.0)),
    ("items[u1]/by_role/sales", Exp::Null),
    ("items[u1]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[u1]/by_role/both", Exp::Null),
    ("items[u1]/role_gap", Exp::Null),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(15)),
    ("items[u2]/mean", Exp::Num(3.533333333333333)),
    ("items[u2]/index", Exp::Num(63.33333333333333)),
    ("items[u2]/by_role/sales", Exp::Null),
    ("items[u2]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[u2]/by_role/both", Exp::Null),
    ("items[u2]/role_gap", Exp::Null),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(14)),
    ("items[u3r]/mean", Exp::Num(3.642857142857143)),
    ("items[u3r]/index", Exp::Num(66.07142857142857)),
    ("items[u3r]/by_role/sales", Exp::Null),
    ("items[u3r]/by_role/marketing", Exp::Null),
    ("items[u3r]/by_role/both", Exp::Null),
    ("items[u3r]/role_gap", Exp::Null),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(13)),
    ("items[t1]/mean", Exp::Num(3.4615384615384617)),
    ("items[t1]/index", Exp::Num(61.53846153846154)),
    ("items[t1]/by_role/sales", Exp::Null),
    ("items[t1]/by_role/marketing", Exp::Num(41.666666666666664)),
    ("items[t1]/by_role/both", Exp::Null),
    ("items[t1]/role_gap", Exp::Null),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(14)),
    ("items[t2r]/mean", Exp::Num(3.4285714285714284)),
    ("items[t2r]/index", Exp::Num(60.71428571428571)),
    ("items[t2r]/by_role/sales", Exp::Null),
    ("items[t2r]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[t2r]/by_role/both", Exp::Null),
    ("items[t2r]/role_gap", Exp::Null),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(15)),
    ("items[t3]/mean", Exp::Num(3.533333333333333)),
    ("items[t3]/index", Exp::Num(63.33333333333333)),
    ("items[t3]/by_role/sales", Exp::Null),
    ("items[t3]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[t3]/by_role/both", Exp::Null),
    ("items[t3]/role_gap", Exp::Null),
    ("companies[acme]/n", Exp::Int(7)),
    ("companies[acme]/n_by_role/sales", Exp::Count(3)),
    ("companies[acme]/n_by_role/marketing", Exp::Count(3)),
    ("companies[acme]/n_by_role/both", Exp::Count(1)),
    ("companies[acme]/suppressed", Exp::Bool(false)),
    ("companies[acme]/scores/understanding", Exp::Num(57.14285714285714)),
    ("companies[acme]/scores/teamwork", Exp::Num(55.952380952380956)),
    ("companies[acme]/scores/alignment_index", Exp::Num(56.54761904761905)),
    ("companies[acme]/stage", Exp::Str("Mid")),
    ("companies[acme]/rwg_j/understanding", Exp::Num(0.7354368932038835)),
    ("companies[acme]/rwg_j/teamwork", Exp::Num(0.7947761194029851)),
    ("companies[acme]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/sales/understanding", Exp::Absent),
    ("companies[acme]/by_role/sales/teamwork", Exp::Absent),
    ("companies[acme]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[acme]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[acme]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[acme]/by_role/marketing/teamwork", Exp::Num(36.111111111111114)),
    ("companies[acme]/by_role/marketing/alignment_index", Exp::Num(34.72222222222223)),
    ("companies[acme]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/both/understanding", Exp::Absent),
    ("companies[acme]/by_role/both/teamwork", Exp::Absent),
    ("companies[acme]/by_role/both/alignment_index", Exp::Absent),
    ("companies[acme]/role_gap/understanding", Exp::Null),
    ("companies[acme]/role_gap/teamwork", Exp::Null),
    ("companies[globex]/n", Exp::Int(4)),
    ("companies[globex]/n_by_role/sales", Exp::Count(1)),
    ("companies[globex]/n_by_role/marketing", Exp::Count(3)),
    ("companies[globex]/n_by_role/both", Exp::Count(0)),
    ("companies[globex]/suppressed", Exp::Bool(false)),
    ("companies[globex]/scores/understanding", Exp::Num(79.16666666666666)),
    ("companies[globex]/scores/teamwork", Exp::Num(83.33333333333333)),
    ("companies[globex]/scores/alignment_index", Exp::Num(81.25)),
    ("companies[globex]/stage", Exp::Str("High")),
    ("companies[globex]/rwg_j/understanding", Exp::Num(0.8863636363636365)),
    ("companies[globex]/rwg_j/teamwork", Exp::Num(0.8333333333333334)),
    ("companies[globex]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/sales/understanding", Exp::Absent),
    ("companies[globex]/by_role/sales/teamwork", Exp::Absent),
    ("companies[globex]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/marketing/understanding", Exp::Absent),
    ("companies[globex]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[globex]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/both", Exp::Absent),
    ("companies[globex]/role_gap/understanding", Exp::Null),
    ("companies[globex]/role_gap/teamwork", Exp::Null),
    ("companies[initech]/n", Exp::Int(2)),
    ("companies[initech]/n_by_role/sales", Exp::Count(1)),
    ("companies[initech]/n_by_role/marketing", Exp::Count(0)),
    ("companies[initech]/n_by_role/both", Exp::Count(1)),
    ("companies[initech]/suppressed", Exp::Bool(true)),
    ("companies[initech]/scores", Exp::Null),
    ("companies[initech]/stage", Exp::Null),
    ("companies[initech]/by_role", Exp::Null),
    ("companies[initech]/role_gap", Exp::Null),
    ("companies[initech]/rwg_j", Exp::Null),
    ("companies[umbrella]/n", Exp::Int(4)),
    ("companies[umbrella]/n_by_role/sales", Exp::Count(2)),
    ("companies[umbrella]/n_by_role/marketing", Exp::Count(1)),
    ("companies[umbrella]/n_by_role/both", Exp::Count(1)),
    ("companies[umbrella]/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/scores/understanding", Exp::Num(54.166666666666664)),
    ("companies[umbrella]/scores/teamwork", Exp::Num(50.0)),
    ("companies[umbrella]/scores/alignment_index", Exp::Num(52.08333333333333)),
    ("companies[umbrella]/stage", Exp::Str("Mid")),
    ("companies[umbrella]/rwg_j/understanding", Exp::Num(0.925531914893617)),
    ("companies[umbrella]/rwg_j/teamwork", Exp::Num(0.8571428571428571)),
    ("companies[umbrella]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/sales/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/sales/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/marketing/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/both/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/both/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/both/alignment_index", Exp::Absent),
    ("companies[umbrella]/role_gap/understanding", Exp::Null),
    ("companies[umbrella]/role_gap/teamwork", Exp::Null),
];
#[rustfmt::skip]
pub const SMALL5_DEFAULT_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (initech)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// small5, --weighting role (company scores, alignment index, stage only)
// exclusions (line, reason): [(19, 'too few answers')]
#[rustfmt::skip]
pub const SMALL5_ROLE_WEIGHTING: &[(&str, Exp)] = &[
    ("companies[acme]/n", Exp::Int(7)),
    ("companies[acme]/suppressed", Exp::Bool(false)),
    ("companies[acme]/scores/understanding", Exp::Num(59.25925925925925)),
    ("companies[acme]/scores/teamwork", Exp::Num(60.185185185185176)),
    ("companies[acme]/scores/alignment_index", Exp::Num(59.722222222222214)),
    ("companies[acme]/stage", Exp::Str("Mid")),
    ("companies[globex]/n", Exp::Int(4)),
    ("companies[globex]/suppressed", Exp::Bool(false)),
    ("companies[globex]/scores/understanding", Exp::Num(72.22222222222221)),
    ("companies[globex]/scores/teamwork", Exp::Num(75.0)),
    ("companies[globex]/scores/alignment_index", Exp::Num(73.61111111111111)),
    ("companies[globex]/stage", Exp::Str("High")),
    ("companies[initech]/n", Exp::Int(2)),
    ("companies[initech]/suppressed", Exp::Bool(true)),
    ("companies[initech]/scores", Exp::Null),
    ("companies[initech]/stage", Exp::Null),
    ("companies[initech]/by_role", Exp::Null),
    ("companies[initech]/role_gap", Exp::Null),
    ("companies[initech]/rwg_j", Exp::Null),
    ("companies[umbrella]/n", Exp::Int(4)),
    ("companies[umbrella]/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/scores/understanding", Exp::Num(52.77777777777778)),
    ("companies[umbrella]/scores/teamwork", Exp::Num(50.0)),
    ("companies[umbrella]/scores/alignment_index", Exp::Num(51.388888888888886)),
    ("companies[umbrella]/stage", Exp::Str("Mid")),
];
#[rustfmt::skip]
pub const SMALL5_ROLE_WEIGHTING_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (initech)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// small5, --anonymity 1 (every group shown)
// exclusions (line, reason): [(19, 'too few answers')]
#[rustfmt::skip]
pub const SMALL5_ANONYMITY_1: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Small5 hand-worked survey")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(18)),
    ("input/rows_scored", Exp::Int(17)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.9030303030303031)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.7762759870793052)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.963320953236119)),
    ("reliability/understanding/n_complete", Exp::Int(16)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.873015873015873)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.7984472665856133)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.9322033898305084)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.7261773147656884)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.7647058823529411)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.9140046960322242)),
    ("reliability/teamwork/alpha", Exp::Num(0.9321314952279959)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(0.8388564365518943)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9753085894363973)),
    ("reliability/teamwork/n_complete", Exp::Int(15)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(0.8955823293172693)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.8981627343553397)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.855721393034826)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(0.9161265266894001)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.9550000000000001)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(0.8117199998202016)),
    ("aggregation/understanding/icc1", Exp::Num(0.4074846233033727)),
    ("aggregation/understanding/icc2", Exp::Num(0.7450806706738372)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.8931818181818183)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(4)),
    ("aggregation/teamwork/icc1", Exp::Num(0.5261558357581635)),
    ("aggregation/teamwork/icc2", Exp::Num(0.8162303139733172)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.8452380952380952)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(4)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(17)),
    ("items[u1]/mean", Exp::Num(3.2941176470588234)),
    ("items[u1]/index", Exp::Num(57.35294117647059)),
    ("items[u1]/by_role/sales", Exp::Num(60.71428571428571)),
    ("items[u1]/by_role/marketing", Exp::Num(53.57142857142857)),
    ("items[u1]/by_role/both", Exp::Num(58.333333333333336)),
    ("items[u1]/role_gap", Exp::Num(-7.142857142857139)),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(17)),
    ("items[u2]/mean", Exp::Num(3.2941176470588234)),
    ("items[u2]/index", Exp::Num(57.35294117647059)),
    ("items[u2]/by_role/sales", Exp::Num(57.14285714285714)),
    ("items[u2]/by_role/marketing", Exp::Num(60.71428571428571)),
    ("items[u2]/by_role/both", Exp::Num(50.0)),
    ("items[u2]/role_gap", Exp::Num(3.5714285714285694)),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(16)),
    ("items[u3r]/mean", Exp::Num(3.375)),
    ("items[u3r]/index", Exp::Num(59.375)),
    ("items[u3r]/by_role/sales", Exp::Num(60.71428571428571)),
    ("items[u3r]/by_role/marketing", Exp::Num(62.5)),
    ("items[u3r]/by_role/both", Exp::Num(50.0)),
    ("items[u3r]/role_gap", Exp::Num(1.7857142857142918)),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(15)),
    ("items[t1]/mean", Exp::Num(3.2666666666666666)),
    ("items[t1]/index", Exp::Num(56.666666666666664)),
    ("items[t1]/by_role/sales", Exp::Num(58.333333333333336)),
    ("items[t1]/by_role/marketing", Exp::Num(58.333333333333336)),
    ("items[t1]/by_role/both", Exp::Num(50.0)),
    ("items[t1]/role_gap", Exp::Num(0.0)),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(16)),
    ("items[t2r]/mean", Exp::Num(3.1875)),
    ("items[t2r]/index", Exp::Num(54.6875)),
    ("items[t2r]/by_role/sales", Exp::Num(58.333333333333336)),
    ("items[t2r]/by_role/marketing", Exp::Num(57.14285714285714)),
    ("items[t2r]/by_role/both", Exp::Num(41.666666666666664)),
    ("items[t2r]/role_gap", Exp::Num(-1.190476190476197)),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(17)),
    ("items[t3]/mean", Exp::Num(3.2941176470588234)),
    ("items[t3]/index", Exp::Num(57.35294117647059)),
    ("items[t3]/by_role/sales", Exp::Num(60.71428571428571)),
    ("items[t3]/by_role/marketing", Exp::Num(57.14285714285714)),
    ("items[t3]/by_role/both", Exp::Num(50.0)),
    ("items[t3]/role_gap", Exp::Num(-3.5714285714285694)),
    ("companies[acme]/n", Exp::Int(7)),
    ("companies[acme]/n_by_role/sales", Exp::Count(3)),
    ("companies[acme]/n_by_role/marketing", Exp::Count(3)),
    ("companies[acme]/n_by_role/both", Exp::Count(1)),
    ("companies[acme]/suppressed", Exp::Bool(false)),
    ("companies[acme]/scores/understanding", Exp::Num(57.14285714285714)),
    ("companies[acme]/scores/teamwork", Exp::Num(55.952380952380956)),
    ("companies[acme]/scores/alignment_index", Exp::Num(56.54761904761905)),
    ("companies[acme]/stage", Exp::Str("Mid")),
    ("companies[acme]/rwg_j/understanding", Exp::Num(0.7354368932038835)),
    ("companies[acme]/rwg_j/teamwork", Exp::Num(0.7947761194029851)),
    ("companies[acme]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[acme]/by_role/sales/understanding", Exp::Num(77.77777777777777)),
    ("companies[acme]/by_role/sales/teamwork", Exp::Num(69.44444444444443)),
    ("companies[acme]/by_role/sales/alignment_index", Exp::Num(73.6111111111111)),
    ("companies[acme]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[acme]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[acme]/by_role/marketing/teamwork", Exp::Num(36.111111111111114)),
    ("companies[acme]/by_role/marketing/alignment_index", Exp::Num(34.72222222222223)),
    ("companies[acme]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[acme]/by_role/both/understanding", Exp::Num(66.66666666666666)),
    ("companies[acme]/by_role/both/teamwork", Exp::Num(75.0)),
    ("companies[acme]/by_role/both/alignment_index", Exp::Num(70.83333333333333)),
    ("companies[acme]/role_gap/understanding", Exp::Num(-44.444444444444436)),
    ("companies[acme]/role_gap/teamwork", Exp::Num(-33.333333333333314)),
    ("companies[globex]/n", Exp::Int(4)),
    ("companies[globex]/n_by_role/sales", Exp::Count(1)),
    ("companies[globex]/n_by_role/marketing", Exp::Count(3)),
    ("companies[globex]/n_by_role/both", Exp::Count(0)),
    ("companies[globex]/suppressed", Exp::Bool(false)),
    ("companies[globex]/scores/understanding", Exp::Num(79.16666666666666)),
    ("companies[globex]/scores/teamwork", Exp::Num(83.33333333333333)),
    ("companies[globex]/scores/alignment_index", Exp::Num(81.25)),
    ("companies[globex]/stage", Exp::Str("High")),
    ("companies[globex]/rwg_j/understanding", Exp::Num(0.8863636363636365)),
    ("companies[globex]/rwg_j/teamwork", Exp::Num(0.8333333333333334)),
    ("companies[globex]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[globex]/by_role/sales/understanding", Exp::Num(58.333333333333336)),
    ("companies[globex]/by_role/sales/teamwork", Exp::Num(58.333333333333336)),
    ("companies[globex]/by_role/sales/alignment_index", Exp::Num(58.333333333333336)),
    ("companies[globex]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[globex]/by_role/marketing/understanding", Exp::Num(86.1111111111111)),
    ("companies[globex]/by_role/marketing/teamwork", Exp::Num(91.66666666666667)),
    ("companies[globex]/by_role/marketing/alignment_index", Exp::Num(88.88888888888889)),
    ("companies[globex]/by_role/both", Exp::Absent),
    ("companies[globex]/role_gap/understanding", Exp::Num(27.777777777777764)),
    ("companies[globex]/role_gap/teamwork", Exp::Num(33.333333333333336)),
    ("companies[initech]/n", Exp::Int(2)),
    ("companies[initech]/n_by_role/sales", Exp::Count(1)),
    ("companies[initech]/n_by_role/marketing", Exp::Count(0)),
    ("companies[initech]/n_by_role/both", Exp::Count(1)),
    ("companies[initech]/suppressed", Exp::Bool(false)),
    ("companies[initech]/scores/understanding", Exp::Num(20.833333333333336)),
    ("companies[initech]/scores/teamwork", Exp::Num(16.666666666666668)),
    ("companies[initech]/scores/alignment_index", Exp::Num(18.75)),
    ("companies[initech]/stage", Exp::Str("Low")),
    ("companies[initech]/rwg_j/understanding", Exp::Num(0.9)),
    ("companies[initech]/rwg_j/teamwork", Exp::Num(0.9375)),
    ("companies[initech]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[initech]/by_role/sales/understanding", Exp::Num(8.333333333333332)),
    ("companies[initech]/by_role/sales/teamwork", Exp::Num(16.666666666666668)),
    ("companies[initech]/by_role/sales/alignment_index", Exp::Num(12.5)),
    ("companies[initech]/by_role/marketing", Exp::Absent),
    ("companies[initech]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[initech]/by_role/both/understanding", Exp::Num(33.333333333333336)),
    ("companies[initech]/by_role/both/teamwork", Exp::Num(16.666666666666668)),
    ("companies[initech]/by_role/both/alignment_index", Exp::Num(25.0)),
    ("companies[initech]/role_gap/understanding", Exp::Null),
    ("companies[initech]/role_gap/teamwork", Exp::Null),
    ("companies[umbrella]/n", Exp::Int(4)),
    ("companies[umbrella]/n_by_role/sales", Exp::Count(2)),
    ("companies[umbrella]/n_by_role/marketing", Exp::Count(1)),
    ("companies[umbrella]/n_by_role/both", Exp::Count(1)),
    ("companies[umbrella]/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/scores/understanding", Exp::Num(54.166666666666664)),
    ("companies[umbrella]/scores/teamwork", Exp::Num(50.0)),
    ("companies[umbrella]/scores/alignment_index", Exp::Num(52.08333333333333)),
    ("companies[umbrella]/stage", Exp::Str("Mid")),
    ("companies[umbrella]/rwg_j/understanding", Exp::Num(0.925531914893617)),
    ("companies[umbrella]/rwg_j/teamwork", Exp::Num(0.8571428571428571)),
    ("companies[umbrella]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/by_role/sales/understanding", Exp::Num(58.33333333333333)),
    ("companies[umbrella]/by_role/sales/teamwork", Exp::Num(66.66666666666666)),
    ("companies[umbrella]/by_role/sales/alignment_index", Exp::Num(62.49999999999999)),
    ("companies[umbrella]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/by_role/marketing/understanding", Exp::Num(41.666666666666664)),
    ("companies[umbrella]/by_role/marketing/teamwork", Exp::Num(33.333333333333336)),
    ("companies[umbrella]/by_role/marketing/alignment_index", Exp::Num(37.5)),
    ("companies[umbrella]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/by_role/both/understanding", Exp::Num(58.333333333333336)),
    ("companies[umbrella]/by_role/both/teamwork", Exp::Num(50.0)),
    ("companies[umbrella]/by_role/both/alignment_index", Exp::Num(54.16666666666667)),
    ("companies[umbrella]/role_gap/understanding", Exp::Num(-16.666666666666664)),
    ("companies[umbrella]/role_gap/teamwork", Exp::Num(-33.33333333333332)),
];
#[rustfmt::skip]
pub const SMALL5_ANONYMITY_1_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", None),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// small5, --anonymity 4 (n = 4 is shown; every role group is hidden)
// exclusions (line, reason): [(19, 'too few answers')]
#[rustfmt::skip]
pub const SMALL5_ANONYMITY_4: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Small5 hand-worked survey")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(18)),
    ("input/rows_scored", Exp::Int(17)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.9030303030303031)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.7762759870793052)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.963320953236119)),
    ("reliability/understanding/n_complete", Exp::Int(16)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.873015873015873)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.7984472665856133)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.9322033898305084)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.7261773147656884)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.7647058823529411)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.9140046960322242)),
    ("reliability/teamwork/alpha", Exp::Num(0.9321314952279959)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(0.8388564365518943)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9753085894363973)),
    ("reliability/teamwork/n_complete", Exp::Int(15)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(0.8955823293172693)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.8981627343553397)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.855721393034826)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(0.9161265266894001)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.9550000000000001)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(0.8117199998202016)),
    ("aggregation/understanding/icc1", Exp::Num(0.16574356134034865)),
    ("aggregation/understanding/icc2", Exp::Num(0.49833472106577803)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.8863636363636365)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(3)),
    ("aggregation/teamwork/icc1", Exp::Num(0.3754718434635235)),
    ("aggregation/teamwork/icc2", Exp::Num(0.7678008821676118)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.8140547263681592)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(2)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(15)),
    ("items[u1]/mean", Exp::Num(3.4)),
    ("items[u1]/index", Exp::Num(60.0)),
    ("items[u1]/by_role/sales", Exp::Null),
    ("items[u1]/by_role/marketing", Exp::Null),
    ("items[u1]/by_role/both", Exp::Null),
    ("items[u1]/role_gap", Exp::Null),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(15)),
    ("items[u2]/mean", Exp::Num(3.533333333333333)),
    ("items[u2]/index", Exp::Num(63.33333333333333)),
    ("items[u2]/by_role/sales", Exp::Null),
    ("items[u2]/by_role/marketing", Exp::Null),
    ("items[u2]/by_role/both", Exp::Null),
    ("items[u2]/role_gap", Exp::Null),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(14)),
    ("items[u3r]/mean", Exp::Num(3.642857142857143)),
    ("items[u3r]/index", Exp::Num(66.07142857142857)),
    ("items[u3r]/by_role/sales", Exp::Null),
    ("items[u3r]/by_role/marketing", Exp::Null),
    ("items[u3r]/by_role/both", Exp::Null),
    ("items[u3r]/role_gap", Exp::Null),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(7)),
    ("items[t1]/mean", Exp::Num(3.2857142857142856)),
    ("items[t1]/index", Exp::Num(57.14285714285714)),
    ("items[t1]/by_role/sales", Exp::Null),
    ("items[t1]/by_role/marketing", Exp::Null),
    ("items[t1]/by_role/both", Exp::Null),
    ("items[t1]/role_gap", Exp::Null),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(11)),
    ("items[t2r]/mean", Exp::Num(3.5454545454545454)),
    ("items[t2r]/index", Exp::Num(63.63636363636363)),
    ("items[t2r]/by_role/sales", Exp::Null),
    ("items[t2r]/by_role/marketing", Exp::Null),
    ("items[t2r]/by_role/both", Exp::Null),
    ("items[t2r]/role_gap", Exp::Null),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(15)),
    ("items[t3]/mean", Exp::Num(3.533333333333333)),
    ("items[t3]/index", Exp::Num(63.33333333333333)),
    ("items[t3]/by_role/sales", Exp::Null),
    ("items[t3]/by_role/marketing", Exp::Null),
    ("items[t3]/by_role/both", Exp::Null),
    ("items[t3]/role_gap", Exp::Null),
    ("companies[acme]/n", Exp::Int(7)),
    ("companies[acme]/n_by_role/sales", Exp::Count(3)),
    ("companies[acme]/n_by_role/marketing", Exp::Count(3)),
    ("companies[acme]/n_by_role/both", Exp::Count(1)),
    ("companies[acme]/suppressed", Exp::Bool(false)),
    ("companies[acme]/scores/understanding", Exp::Num(57.14285714285714)),
    ("companies[acme]/scores/teamwork", Exp::Num(55.952380952380956)),
    ("companies[acme]/scores/alignment_index", Exp::Num(56.54761904761905)),
    ("companies[acme]/stage", Exp::Str("Mid")),
    ("companies[acme]/rwg_j/understanding", Exp::Num(0.7354368932038835)),
    ("companies[acme]/rwg_j/teamwork", Exp::Num(0.7947761194029851)),
    ("companies[acme]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/sales/understanding", Exp::Absent),
    ("companies[acme]/by_role/sales/teamwork", Exp::Absent),
    ("companies[acme]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[acme]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/marketing/understanding", Exp::Absent),
    ("companies[acme]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[acme]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[acme]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/both/understanding", Exp::Absent),
    ("companies[acme]/by_role/both/teamwork", Exp::Absent),
    ("companies[acme]/by_role/both/alignment_index", Exp::Absent),
    ("companies[acme]/role_gap/understanding", Exp::Null),
    ("companies[acme]/role_gap/teamwork", Exp::Null),
    ("companies[globex]/n", Exp::Int(4)),
    ("companies[globex]/n_by_role/sales", Exp::Count(1)),
    ("companies[globex]/n_by_role/marketing", Exp::Count(3)),
    ("companies[globex]/n_by_role/both", Exp::Count(0)),
    ("companies[globex]/suppressed", Exp::Bool(false)),
    ("companies[globex]/scores/understanding", Exp::Num(79.16666666666666)),
    ("companies[globex]/scores/teamwork", Exp::Num(83.33333333333333)),
    ("companies[globex]/scores/alignment_index", Exp::Num(81.25)),
    ("companies[globex]/stage", Exp::Str("High")),
    ("companies[globex]/rwg_j/understanding", Exp::Num(0.8863636363636365)),
    ("companies[globex]/rwg_j/teamwork", Exp::Num(0.8333333333333334)),
    ("companies[globex]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/sales/understanding", Exp::Absent),
    ("companies[globex]/by_role/sales/teamwork", Exp::Absent),
    ("companies[globex]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/marketing/understanding", Exp::Absent),
    ("companies[globex]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[globex]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/both", Exp::Absent),
    ("companies[globex]/role_gap/understanding", Exp::Null),
    ("companies[globex]/role_gap/teamwork", Exp::Null),
    ("companies[initech]/n", Exp::Int(2)),
    ("companies[initech]/n_by_role/sales", Exp::Count(1)),
    ("companies[initech]/n_by_role/marketing", Exp::Count(0)),
    ("companies[initech]/n_by_role/both", Exp::Count(1)),
    ("companies[initech]/suppressed", Exp::Bool(true)),
    ("companies[initech]/scores", Exp::Null),
    ("companies[initech]/stage", Exp::Null),
    ("companies[initech]/by_role", Exp::Null),
    ("companies[initech]/role_gap", Exp::Null),
    ("companies[initech]/rwg_j", Exp::Null),
    ("companies[umbrella]/n", Exp::Int(4)),
    ("companies[umbrella]/n_by_role/sales", Exp::Count(2)),
    ("companies[umbrella]/n_by_role/marketing", Exp::Count(1)),
    ("companies[umbrella]/n_by_role/both", Exp::Count(1)),
    ("companies[umbrella]/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/scores/understanding", Exp::Num(54.166666666666664)),
    ("companies[umbrella]/scores/teamwork", Exp::Null),
    ("companies[umbrella]/scores/alignment_index", Exp::Null),
    ("companies[umbrella]/stage", Exp::Null),
    ("companies[umbrella]/rwg_j/understanding", Exp::Num(0.925531914893617)),
    ("companies[umbrella]/rwg_j/teamwork", Exp::Null),
    ("companies[umbrella]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/sales/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/sales/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/marketing/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/both/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/both/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/both/alignment_index", Exp::Absent),
    ("companies[umbrella]/role_gap/understanding", Exp::Null),
    ("companies[umbrella]/role_gap/teamwork", Exp::Null),
];
#[rustfmt::skip]
pub const SMALL5_ANONYMITY_4_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 4 respondents and is hidden: left out of company-level statistics and pooled figures (initech)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", Some("1 company has no score on teamwork: fewer than 4 respondents answered at least half of its items")),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// small5 with instrument_unreversed.json (u3r and t2r not reversed)
// exclusions (line, reason): [(19, 'too few answers')]
#[rustfmt::skip]
pub const SMALL5_UNREVERSED: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Small5 hand-worked survey, reverse flags forgotten")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(18)),
    ("input/rows_scored", Exp::Int(17)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(-3.872727272727273)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(-10.24213164926492)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(-0.8431220998850215)),
    ("reliability/understanding/n_complete", Exp::Int(16)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(-6.875)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(-0.38138503569823695)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(-13.75)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(-0.47471266327754136)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.7647058823529411)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(-0.9140046960322242)),
    ("reliability/teamwork/alpha", Exp::Num(-3.1565217391304357)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(-8.869036113924942)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(-0.5121945757046455)),
    ("reliability/teamwork/n_complete", Exp::Int(15)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(-8.576923076923077)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(-0.14548392431002613)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.855721393034826)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(-0.9161265266894001)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(-21.222222222222225)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(-0.494052464661232)),
    ("aggregation/understanding/icc1", Exp::Num(0.33657383079348363)),
    ("aggregation/understanding/icc2", Exp::Num(0.7172452407614779)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.8863636363636365)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(3)),
    ("aggregation/teamwork/icc1", Exp::Num(0.055295220243674115)),
    ("aggregation/teamwork/icc2", Exp::Num(0.2145454545454554)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.8333333333333334)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(3)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(15)),
    ("items[u1]/mean", Exp::Num(3.4)),
    ("items[u1]/index", Exp::Num(60.0)),
    ("items[u1]/by_role/sales", Exp::Null),
    ("items[u1]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[u1]/by_role/both", Exp::Null),
    ("items[u1]/role_gap", Exp::Null),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(15)),
    ("items[u2]/mean", Exp::Num(3.533333333333333)),
    ("items[u2]/index", Exp::Num(63.33333333333333)),
    ("items[u2]/by_role/sales", Exp::Null),
    ("items[u2]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[u2]/by_role/both", Exp::Null),
    ("items[u2]/role_gap", Exp::Null),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(14)),
    ("items[u3r]/mean", Exp::Num(2.357142857142857)),
    ("items[u3r]/index", Exp::Num(33.92857142857143)),
    ("items[u3r]/by_role/sales", Exp::Null),
    ("items[u3r]/by_role/marketing", Exp::Null),
    ("items[u3r]/by_role/both", Exp::Null),
    ("items[u3r]/role_gap", Exp::Null),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(13)),
    ("items[t1]/mean", Exp::Num(3.4615384615384617)),
    ("items[t1]/index", Exp::Num(61.53846153846154)),
    ("items[t1]/by_role/sales", Exp::Null),
    ("items[t1]/by_role/marketing", Exp::Num(41.666666666666664)),
    ("items[t1]/by_role/both", Exp::Null),
    ("items[t1]/role_gap", Exp::Null),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(14)),
    ("items[t2r]/mean", Exp::Num(2.5714285714285716)),
    ("items[t2r]/index", Exp::Num(39.28571428571429)),
    ("items[t2r]/by_role/sales", Exp::Null),
    ("items[t2r]/by_role/marketing", Exp::Num(66.66666666666666)),
    ("items[t2r]/by_role/both", Exp::Null),
    ("items[t2r]/role_gap", Exp::Null),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(15)),
    ("items[t3]/mean", Exp::Num(3.533333333333333)),
    ("items[t3]/index", Exp::Num(63.33333333333333)),
    ("items[t3]/by_role/sales", Exp::Null),
    ("items[t3]/by_role/marketing", Exp::Num(33.333333333333336)),
    ("items[t3]/by_role/both", Exp::Null),
    ("items[t3]/role_gap", Exp::Null),
    ("companies[acme]/n", Exp::Int(7)),
    ("companies[acme]/n_by_role/sales", Exp::Count(3)),
    ("companies[acme]/n_by_role/marketing", Exp::Count(3)),
    ("companies[acme]/n_by_role/both", Exp::Count(1)),
    ("companies[acme]/suppressed", Exp::Bool(false)),
    ("companies[acme]/scores/understanding", Exp::Num(47.61904761904763)),
    ("companies[acme]/scores/teamwork", Exp::Num(53.57142857142857)),
    ("companies[acme]/scores/alignment_index", Exp::Num(50.5952380952381)),
    ("companies[acme]/stage", Exp::Str("Mid")),
    ("companies[acme]/rwg_j/understanding", Exp::Num(0.7354368932038835)),
    ("companies[acme]/rwg_j/teamwork", Exp::Num(0.7947761194029851)),
    ("companies[acme]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/sales/understanding", Exp::Absent),
    ("companies[acme]/by_role/sales/teamwork", Exp::Absent),
    ("companies[acme]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[acme]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[acme]/by_role/marketing/understanding", Exp::Num(38.888888888888886)),
    ("companies[acme]/by_role/marketing/teamwork", Exp::Num(47.22222222222222)),
    ("companies[acme]/by_role/marketing/alignment_index", Exp::Num(43.05555555555556)),
    ("companies[acme]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[acme]/by_role/both/understanding", Exp::Absent),
    ("companies[acme]/by_role/both/teamwork", Exp::Absent),
    ("companies[acme]/by_role/both/alignment_index", Exp::Absent),
    ("companies[acme]/role_gap/understanding", Exp::Null),
    ("companies[acme]/role_gap/teamwork", Exp::Null),
    ("companies[globex]/n", Exp::Int(4)),
    ("companies[globex]/n_by_role/sales", Exp::Count(1)),
    ("companies[globex]/n_by_role/marketing", Exp::Count(3)),
    ("companies[globex]/n_by_role/both", Exp::Count(0)),
    ("companies[globex]/suppressed", Exp::Bool(false)),
    ("companies[globex]/scores/understanding", Exp::Num(62.5)),
    ("companies[globex]/scores/teamwork", Exp::Num(58.333333333333336)),
    ("companies[globex]/scores/alignment_index", Exp::Num(60.41666666666667)),
    ("companies[globex]/stage", Exp::Str("Mid")),
    ("companies[globex]/rwg_j/understanding", Exp::Num(0.8863636363636365)),
    ("companies[globex]/rwg_j/teamwork", Exp::Num(0.8333333333333334)),
    ("companies[globex]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/sales/understanding", Exp::Absent),
    ("companies[globex]/by_role/sales/teamwork", Exp::Absent),
    ("companies[globex]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[globex]/by_role/marketing/understanding", Exp::Absent),
    ("companies[globex]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[globex]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[globex]/by_role/both", Exp::Absent),
    ("companies[globex]/role_gap/understanding", Exp::Null),
    ("companies[globex]/role_gap/teamwork", Exp::Null),
    ("companies[initech]/n", Exp::Int(2)),
    ("companies[initech]/n_by_role/sales", Exp::Count(1)),
    ("companies[initech]/n_by_role/marketing", Exp::Count(0)),
    ("companies[initech]/n_by_role/both", Exp::Count(1)),
    ("companies[initech]/suppressed", Exp::Bool(true)),
    ("companies[initech]/scores", Exp::Null),
    ("companies[initech]/stage", Exp::Null),
    ("companies[initech]/by_role", Exp::Null),
    ("companies[initech]/role_gap", Exp::Null),
    ("companies[initech]/rwg_j", Exp::Null),
    ("companies[umbrella]/n", Exp::Int(4)),
    ("companies[umbrella]/n_by_role/sales", Exp::Count(2)),
    ("companies[umbrella]/n_by_role/marketing", Exp::Count(1)),
    ("companies[umbrella]/n_by_role/both", Exp::Count(1)),
    ("companies[umbrella]/suppressed", Exp::Bool(false)),
    ("companies[umbrella]/scores/understanding", Exp::Num(50.0)),
    ("companies[umbrella]/scores/teamwork", Exp::Num(50.0)),
    ("companies[umbrella]/scores/alignment_index", Exp::Num(50.0)),
    ("companies[umbrella]/stage", Exp::Str("Mid")),
    ("companies[umbrella]/rwg_j/understanding", Exp::Num(0.925531914893617)),
    ("companies[umbrella]/rwg_j/teamwork", Exp::Num(0.8571428571428571)),
    ("companies[umbrella]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/sales/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/sales/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/marketing/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[umbrella]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[umbrella]/by_role/both/understanding", Exp::Absent),
    ("companies[umbrella]/by_role/both/teamwork", Exp::Absent),
    ("companies[umbrella]/by_role/both/alignment_index", Exp::Absent),
    ("companies[umbrella]/role_gap/understanding", Exp::Null),
    ("companies[umbrella]/role_gap/teamwork", Exp::Null),
];
#[rustfmt::skip]
pub const SMALL5_UNREVERSED_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (initech)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// seven1, defaults
// exclusions (line, reason): [(11, 'too few answers')]
#[rustfmt::skip]
pub const SEVEN1_DEFAULT: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Seven-point climate pilot")),
    ("instrument/version", Exp::Str("7.1")),
    ("input/rows_read", Exp::Int(13)),
    ("input/rows_scored", Exp::Int(12)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(3)),
    ("reliability/climate/alpha", Exp::Num(0.9759567506046379)),
    ("reliability/climate/alpha_ci95/0", Exp::Num(0.9400783437184974)),
    ("reliability/climate/alpha_ci95/1", Exp::Num(0.9931771274150558)),
    ("reliability/climate/n_complete", Exp::Int(10)),
    ("reliability/climate/k", Exp::Int(5)),
    ("reliability/climate/items[c1]/alpha_if_dropped", Exp::Num(0.9682962962962962)),
    ("reliability/climate/items[c1]/item_total_r", Exp::Num(0.9413204249323509)),
    ("reliability/climate/items[c2]/alpha_if_dropped", Exp::Num(0.9706412753372287)),
    ("reliability/climate/items[c2]/item_total_r", Exp::Num(0.9270376283448278)),
    ("reliability/climate/items[c3]/alpha_if_dropped", Exp::Num(0.9638997470682915)),
    ("reliability/climate/items[c3]/item_total_r", Exp::Num(0.9695345033311616)),
    ("reliability/climate/items[c4]/alpha_if_dropped", Exp::Num(0.9705312970531296)),
    ("reliability/climate/items[c4]/item_total_r", Exp::Num(0.928712788095697)),
    ("reliability/climate/items[c5]/alpha_if_dropped", Exp::Num(0.9770089450728172)),
    ("reliability/climate/items[c5]/item_total_r", Exp::Num(0.8871823272040872)),
    ("aggregation/climate/icc1", Exp::Num(0.9280411375106468)),
    ("aggregation/climate/icc2", Exp::Num(0.9809840074847861)),
    ("aggregation/climate/rwg_j_median", Exp::Num(0.9650455927051672)),
    ("aggregation/climate/rwg_j_companies", Exp::Int(3)),
    ("items[c1]/dimension", Exp::Str("climate")),
    ("items[c1]/n", Exp::Int(12)),
    ("items[c1]/mean", Exp::Num(4.25)),
    ("items[c1]/index", Exp::Num(54.166666666666664)),
    ("items[c2]/dimension", Exp::Str("climate")),
    ("items[c2]/n", Exp::Int(12)),
    ("items[c2]/mean", Exp::Num(4.333333333333333)),
    ("items[c2]/index", Exp::Num(55.55555555555555)),
    ("items[c3]/dimension", Exp::Str("climate")),
    ("items[c3]/n", Exp::Int(12)),
    ("items[c3]/mean", Exp::Num(4.25)),
    ("items[c3]/index", Exp::Num(54.166666666666664)),
    ("items[c4]/dimension", Exp::Str("climate")),
    ("items[c4]/n", Exp::Int(10)),
    ("items[c4]/mean", Exp::Num(4.2)),
    ("items[c4]/index", Exp::Num(53.333333333333336)),
    ("items[c5]/dimension", Exp::Str("climate")),
    ("items[c5]/n", Exp::Int(12)),
    ("items[c5]/mean", Exp::Num(4.333333333333333)),
    ("items[c5]/index", Exp::Num(55.55555555555555)),
    ("companies[North]/n", Exp::Int(5)),
    ("companies[North]/suppressed", Exp::Bool(false)),
    ("companies[North]/scores/climate", Exp::Num(81.66666666666667)),
    ("companies[North]/scores/alignment_index", Exp::Num(81.66666666666667)),
    ("companies[North]/rwg_j/climate", Exp::Num(0.9650455927051672)),
    ("companies[South]/n", Exp::Int(4)),
    ("companies[South]/suppressed", Exp::Bool(false)),
    ("companies[South]/scores/climate", Exp::Num(48.125)),
    ("companies[South]/scores/alignment_index", Exp::Num(48.125)),
    ("companies[South]/rwg_j/climate", Exp::Num(0.971189591078067)),
    ("companies[West]/n", Exp::Int(3)),
    ("companies[West]/suppressed", Exp::Bool(false)),
    ("companies[West]/scores/climate", Exp::Num(18.88888888888889)),
    ("companies[West]/scores/alignment_index", Exp::Num(18.88888888888889)),
    ("companies[West]/rwg_j/climate", Exp::Num(0.9570312499999999)),
];
#[rustfmt::skip]
pub const SEVEN1_DEFAULT_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", None),
    ("r_wg(J) is undefined for", None),
    ("no score on climate:", None),
    ("in companies where at least", None),
    ("Cronbach's α for climate is hidden", None),
];

// edge, defaults
// exclusions (line, reason): []
#[rustfmt::skip]
pub const EDGE_DEFAULT: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Edge cases")),
    ("instrument/version", Exp::Str("e1")),
    ("input/rows_read", Exp::Int(11)),
    ("input/rows_scored", Exp::Int(11)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/clarity/alpha", Exp::Num(0.9421965317919074)),
    ("reliability/clarity/alpha_ci95/0", Exp::Num(0.7851565396186491)),
    ("reliability/clarity/alpha_ci95/1", Exp::Num(0.9844480212199468)),
    ("reliability/clarity/n_complete", Exp::Int(11)),
    ("reliability/clarity/k", Exp::Int(2)),
    ("reliability/clarity/items[k1]/alpha_if_dropped", Exp::Null),
    ("reliability/clarity/items[k1]/item_total_r", Exp::Num(0.8978297728249341)),
    ("reliability/clarity/items[k2]/alpha_if_dropped", Exp::Null),
    ("reliability/clarity/items[k2]/item_total_r", Exp::Num(0.8978297728249343)),
    ("reliability/contact/alpha", Exp::Num(0.977491961414791)),
    ("reliability/contact/alpha_ci95/0", Exp::Num(0.8875743905677085)),
    ("reliability/contact/alpha_ci95/1", Exp::Num(0.9954938042718963)),
    ("reliability/contact/n_complete", Exp::Int(8)),
    ("reliability/contact/k", Exp::Int(2)),
    ("reliability/contact/items[m1]/alpha_if_dropped", Exp::Null),
    ("reliability/contact/items[m1]/item_total_r", Exp::Num(0.9746794344808962)),
    ("reliability/contact/items[m2r]/alpha_if_dropped", Exp::Null),
    ("reliability/contact/items[m2r]/item_total_r", Exp::Num(0.9746794344808962)),
    ("aggregation/clarity/icc1", Exp::Num(-0.11876075731497418)),
    ("aggregation/clarity/icc2", Exp::Num(-0.5476190476190478)),
    ("aggregation/clarity/rwg_j_median", Exp::Num(0.9090909090909091)),
    ("aggregation/clarity/rwg_j_companies", Exp::Int(3)),
    ("aggregation/contact/icc1", Exp::Num(-0.060115606936416176)),
    ("aggregation/contact/icc2", Exp::Num(-0.24761904761904757)),
    ("aggregation/contact/rwg_j_median", Exp::Num(0.5)),
    ("aggregation/contact/rwg_j_companies", Exp::Int(2)),
    ("items[k1]/dimension", Exp::Str("clarity")),
    ("items[k1]/n", Exp::Int(10)),
    ("items[k1]/mean", Exp::Num(3.5)),
    ("items[k1]/index", Exp::Num(62.5)),
    ("items[k1]/by_role/sales", Exp::Null),
    ("items[k1]/by_role/marketing", Exp::Null),
    ("items[k1]/by_role/both", Exp::Null),
    ("items[k1]/role_gap", Exp::Null),
    ("items[k2]/dimension", Exp::Str("clarity")),
    ("items[k2]/n", Exp::Int(10)),
    ("items[k2]/mean", Exp::Num(3.7)),
    ("items[k2]/index", Exp::Num(67.5)),
    ("items[k2]/by_role/sales", Exp::Null),
    ("items[k2]/by_role/marketing", Exp::Null),
    ("items[k2]/by_role/both", Exp::Null),
    ("items[k2]/role_gap", Exp::Null),
    ("items[m1]/dimension", Exp::Str("contact")),
    ("items[m1]/n", Exp::Int(7)),
    ("items[m1]/mean", Exp::Num(3.4285714285714284)),
    ("items[m1]/index", Exp::Num(60.71428571428571)),
    ("items[m1]/by_role/sales", Exp::Null),
    ("items[m1]/by_role/marketing", Exp::Null),
    ("items[m1]/by_role/both", Exp::Null),
    ("items[m1]/role_gap", Exp::Null),
    ("items[m2r]/dimension", Exp::Str("contact")),
    ("items[m2r]/n", Exp::Int(7)),
    ("items[m2r]/mean", Exp::Num(3.5714285714285716)),
    ("items[m2r]/index", Exp::Num(64.28571428571429)),
    ("items[m2r]/by_role/sales", Exp::Null),
    ("items[m2r]/by_role/marketing", Exp::Null),
    ("items[m2r]/by_role/both", Exp::Null),
    ("items[m2r]/role_gap", Exp::Null),
    ("companies[calm]/n", Exp::Int(3)),
    ("companies[calm]/n_by_role/sales", Exp::Count(1)),
    ("companies[calm]/n_by_role/marketing", Exp::Count(1)),
    ("companies[calm]/n_by_role/both", Exp::Count(1)),
    ("companies[calm]/suppressed", Exp::Bool(false)),
    ("companies[calm]/scores/clarity", Exp::Num(75.0)),
    ("companies[calm]/scores/contact", Exp::Num(75.0)),
    ("companies[calm]/scores/alignment_index", Exp::Num(75.0)),
    ("companies[calm]/stage", Exp::Str("Together")),
    ("companies[calm]/rwg_j/clarity", Exp::Num(1.0)),
    ("companies[calm]/rwg_j/contact", Exp::Num(1.0)),
    ("companies[calm]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[calm]/by_role/sales/clarity", Exp::Absent),
    ("companies[calm]/by_role/sales/contact", Exp::Absent),
    ("companies[calm]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[calm]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[calm]/by_role/marketing/clarity", Exp::Absent),
    ("companies[calm]/by_role/marketing/contact", Exp::Absent),
    ("companies[calm]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[calm]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[calm]/by_role/both/clarity", Exp::Absent),
    ("companies[calm]/by_role/both/contact", Exp::Absent),
    ("companies[calm]/by_role/both/alignment_index", Exp::Absent),
    ("companies[calm]/role_gap/clarity", Exp::Null),
    ("companies[calm]/role_gap/contact", Exp::Null),
    ("companies[nodim]/n", Exp::Int(3)),
    ("companies[nodim]/n_by_role/sales", Exp::Count(2)),
    ("companies[nodim]/n_by_role/marketing", Exp::Count(1)),
    ("companies[nodim]/n_by_role/both", Exp::Count(0)),
    ("companies[nodim]/suppressed", Exp::Bool(false)),
    ("companies[nodim]/scores/clarity", Exp::Num(75.0)),
    ("companies[nodim]/scores/contact", Exp::Null),
    ("companies[nodim]/scores/alignment_index", Exp::Null),
    ("companies[nodim]/stage", Exp::Null),
    ("companies[nodim]/rwg_j/clarity", Exp::Num(0.9090909090909091)),
    ("companies[nodim]/rwg_j/contact", Exp::Null),
    ("companies[nodim]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[nodim]/by_role/sales/clarity", Exp::Absent),
    ("companies[nodim]/by_role/sales/contact", Exp::Absent),
    ("companies[nodim]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[nodim]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[nodim]/by_role/marketing/clarity", Exp::Absent),
    ("companies[nodim]/by_role/marketing/contact", Exp::Absent),
    ("companies[nodim]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[nodim]/by_role/both", Exp::Absent),
    ("companies[nodim]/role_gap/clarity", Exp::Null),
    ("companies[nodim]/role_gap/contact", Exp::Null),
    ("companies[solo]/n", Exp::Int(1)),
    ("companies[solo]/n_by_role/sales", Exp::Count(0)),
    ("companies[solo]/n_by_role/marketing", Exp::Count(0)),
    ("companies[solo]/n_by_role/both", Exp::Count(1)),
    ("companies[solo]/suppressed", Exp::Bool(true)),
    ("companies[solo]/scores", Exp::Null),
    ("companies[solo]/stage", Exp::Null),
    ("companies[solo]/by_role", Exp::Null),
    ("companies[solo]/role_gap", Exp::Null),
    ("companies[solo]/rwg_j", Exp::Null),
    ("companies[split]/n", Exp::Int(4)),
    ("companies[split]/n_by_role/sales", Exp::Count(2)),
    ("companies[split]/n_by_role/marketing", Exp::Count(2)),
    ("companies[split]/n_by_role/both", Exp::Count(0)),
    ("companies[split]/suppressed", Exp::Bool(false)),
    ("companies[split]/scores/clarity", Exp::Num(50.0)),
    ("companies[split]/scores/contact", Exp::Num(53.125)),
    ("companies[split]/scores/alignment_index", Exp::Num(51.5625)),
    ("companies[split]/stage", Exp::Str("Together")),
    ("companies[split]/rwg_j/clarity", Exp::Num(0.0)),
    ("companies[split]/rwg_j/contact", Exp::Num(0.0)),
    ("companies[split]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[split]/by_role/sales/clarity", Exp::Absent),
    ("companies[split]/by_role/sales/contact", Exp::Absent),
    ("companies[split]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[split]/by_role/marketing/suppressed", Exp::Bool(true)),
    ("companies[split]/by_role/marketing/clarity", Exp::Absent),
    ("companies[split]/by_role/marketing/contact", Exp::Absent),
    ("companies[split]/by_role/marketing/alignment_index", Exp::Absent),
    ("companies[split]/by_role/both", Exp::Absent),
    ("companies[split]/role_gap/clarity", Exp::Null),
    ("companies[split]/role_gap/contact", Exp::Null),
];
#[rustfmt::skip]
pub const EDGE_DEFAULT_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (solo)")),
    ("r_wg(J) is undefined for", None),
    ("no score on clarity:", None),
    ("no score on contact:", Some("1 company has no score on contact: fewer than 3 respondents answered at least half of its items")),
    ("in companies where at least", None),
    ("Cronbach's α for clarity is hidden", None),
    ("Cronbach's α for contact is hidden", None),
];

// edge, --anonymity 1
// exclusions (line, reason): []
#[rustfmt::skip]
pub const EDGE_ANONYMITY_1: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Edge cases")),
    ("instrument/version", Exp::Str("e1")),
    ("input/rows_read", Exp::Int(11)),
    ("input/rows_scored", Exp::Int(11)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/clarity/alpha", Exp::Num(0.9421965317919074)),
    ("reliability/clarity/alpha_ci95/0", Exp::Num(0.7851565396186491)),
    ("reliability/clarity/alpha_ci95/1", Exp::Num(0.9844480212199468)),
    ("reliability/clarity/n_complete", Exp::Int(11)),
    ("reliability/clarity/k", Exp::Int(2)),
    ("reliability/clarity/items[k1]/alpha_if_dropped", Exp::Null),
    ("reliability/clarity/items[k1]/item_total_r", Exp::Num(0.8978297728249341)),
    ("reliability/clarity/items[k2]/alpha_if_dropped", Exp::Null),
    ("reliability/clarity/items[k2]/item_total_r", Exp::Num(0.8978297728249343)),
    ("reliability/contact/alpha", Exp::Num(0.977491961414791)),
    ("reliability/contact/alpha_ci95/0", Exp::Num(0.8875743905677085)),
    ("reliability/contact/alpha_ci95/1", Exp::Num(0.9954938042718963)),
    ("reliability/contact/n_complete", Exp::Int(8)),
    ("reliability/contact/k", Exp::Int(2)),
    ("reliability/contact/items[m1]/alpha_if_dropped", Exp::Null),
    ("reliability/contact/items[m1]/item_total_r", Exp::Num(0.9746794344808962)),
    ("reliability/contact/items[m2r]/alpha_if_dropped", Exp::Null),
    ("reliability/contact/items[m2r]/item_total_r", Exp::Num(0.9746794344808962)),
    ("aggregation/clarity/icc1", Exp::Num(-0.11876075731497418)),
    ("aggregation/clarity/icc2", Exp::Num(-0.5476190476190478)),
    ("aggregation/clarity/rwg_j_median", Exp::Num(0.9090909090909091)),
    ("aggregation/clarity/rwg_j_companies", Exp::Int(3)),
    ("aggregation/contact/icc1", Exp::Num(-0.060115606936416176)),
    ("aggregation/contact/icc2", Exp::Num(-0.24761904761904757)),
    ("aggregation/contact/rwg_j_median", Exp::Num(0.5)),
    ("aggregation/contact/rwg_j_companies", Exp::Int(2)),
    ("items[k1]/dimension", Exp::Str("clarity")),
    ("items[k1]/n", Exp::Int(11)),
    ("items[k1]/mean", Exp::Num(3.4545454545454546)),
    ("items[k1]/index", Exp::Num(61.36363636363637)),
    ("items[k1]/by_role/sales", Exp::Num(44.99999999999999)),
    ("items[k1]/by_role/marketing", Exp::Num(81.25)),
    ("items[k1]/by_role/both", Exp::Num(62.5)),
    ("items[k1]/role_gap", Exp::Num(36.25000000000001)),
    ("items[k2]/dimension", Exp::Str("clarity")),
    ("items[k2]/n", Exp::Int(11)),
    ("items[k2]/mean", Exp::Num(3.6363636363636362)),
    ("items[k2]/index", Exp::Num(65.9090909090909)),
    ("items[k2]/by_role/sales", Exp::Num(55.00000000000001)),
    ("items[k2]/by_role/marketing", Exp::Num(81.25)),
    ("items[k2]/by_role/both", Exp::Num(62.5)),
    ("items[k2]/role_gap", Exp::Num(26.249999999999993)),
    ("items[m1]/dimension", Exp::Str("contact")),
    ("items[m1]/n", Exp::Int(8)),
    ("items[m1]/mean", Exp::Num(3.375)),
    ("items[m1]/index", Exp::Num(59.375)),
    ("items[m1]/by_role/sales", Exp::Num(33.333333333333336)),
    ("items[m1]/by_role/marketing", Exp::Num(83.33333333333333)),
    ("items[m1]/by_role/both", Exp::Num(62.5)),
    ("items[m1]/role_gap", Exp::Num(49.99999999999999)),
    ("items[m2r]/dimension", Exp::Str("contact")),
    ("items[m2r]/n", Exp::Int(8)),
    ("items[m2r]/mean", Exp::Num(3.5)),
    ("items[m2r]/index", Exp::Num(62.5)),
    ("items[m2r]/by_role/sales", Exp::Num(41.666666666666664)),
    ("items[m2r]/by_role/marketing", Exp::Num(83.33333333333333)),
    ("items[m2r]/by_role/both", Exp::Num(62.5)),
    ("items[m2r]/role_gap", Exp::Num(41.666666666666664)),
    ("companies[calm]/n", Exp::Int(3)),
    ("companies[calm]/n_by_role/sales", Exp::Count(1)),
    ("companies[calm]/n_by_role/marketing", Exp::Count(1)),
    ("companies[calm]/n_by_role/both", Exp::Count(1)),
    ("companies[calm]/suppressed", Exp::Bool(false)),
    ("companies[calm]/scores/clarity", Exp::Num(75.0)),
    ("companies[calm]/scores/contact", Exp::Num(75.0)),
    ("companies[calm]/scores/alignment_index", Exp::Num(75.0)),
    ("companies[calm]/stage", Exp::Str("Together")),
    ("companies[calm]/rwg_j/clarity", Exp::Num(1.0)),
    ("companies[calm]/rwg_j/contact", Exp::Num(1.0)),
    ("companies[calm]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[calm]/by_role/sales/clarity", Exp::Num(75.0)),
    ("companies[calm]/by_role/sales/contact", Exp::Num(75.0)),
    ("companies[calm]/by_role/sales/alignment_index", Exp::Num(75.0)),
    ("companies[calm]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[calm]/by_role/marketing/clarity", Exp::Num(75.0)),
    ("companies[calm]/by_role/marketing/contact", Exp::Num(75.0)),
    ("companies[calm]/by_role/marketing/alignment_index", Exp::Num(75.0)),
    ("companies[calm]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[calm]/by_role/both/clarity", Exp::Num(75.0)),
    ("companies[calm]/by_role/both/contact", Exp::Num(75.0)),
    ("companies[calm]/by_role/both/alignment_index", Exp::Num(75.0)),
    ("companies[calm]/role_gap/clarity", Exp::Num(0.0)),
    ("companies[calm]/role_gap/contact", Exp::Num(0.0)),
    ("companies[nodim]/n", Exp::Int(3)),
    ("companies[nodim]/n_by_role/sales", Exp::Count(2)),
    ("companies[nodim]/n_by_role/marketing", Exp::Count(1)),
    ("companies[nodim]/n_by_role/both", Exp::Count(0)),
    ("companies[nodim]/suppressed", Exp::Bool(false)),
    ("companies[nodim]/scores/clarity", Exp::Num(75.0)),
    ("companies[nodim]/scores/contact", Exp::Null),
    ("companies[nodim]/scores/alignment_index", Exp::Null),
    ("companies[nodim]/stage", Exp::Null),
    ("companies[nodim]/rwg_j/clarity", Exp::Num(0.9090909090909091)),
    ("companies[nodim]/rwg_j/contact", Exp::Null),
    ("companies[nodim]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[nodim]/by_role/sales/clarity", Exp::Num(81.25)),
    ("companies[nodim]/by_role/sales/contact", Exp::Null),
    ("companies[nodim]/by_role/sales/alignment_index", Exp::Null),
    ("companies[nodim]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[nodim]/by_role/marketing/clarity", Exp::Num(62.5)),
    ("companies[nodim]/by_role/marketing/contact", Exp::Null),
    ("companies[nodim]/by_role/marketing/alignment_index", Exp::Null),
    ("companies[nodim]/by_role/both", Exp::Absent),
    ("companies[nodim]/role_gap/clarity", Exp::Num(-18.75)),
    ("companies[nodim]/role_gap/contact", Exp::Null),
    ("companies[solo]/n", Exp::Int(1)),
    ("companies[solo]/n_by_role/sales", Exp::Count(0)),
    ("companies[solo]/n_by_role/marketing", Exp::Count(0)),
    ("companies[solo]/n_by_role/both", Exp::Count(1)),
    ("companies[solo]/suppressed", Exp::Bool(false)),
    ("companies[solo]/scores/clarity", Exp::Num(50.0)),
    ("companies[solo]/scores/contact", Exp::Num(50.0)),
    ("companies[solo]/scores/alignment_index", Exp::Num(50.0)),
    ("companies[solo]/stage", Exp::Str("Together")),
    ("companies[solo]/rwg_j/clarity", Exp::Null),
    ("companies[solo]/rwg_j/contact", Exp::Null),
    ("companies[solo]/by_role/sales", Exp::Absent),
    ("companies[solo]/by_role/marketing", Exp::Absent),
    ("companies[solo]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[solo]/by_role/both/clarity", Exp::Num(50.0)),
    ("companies[solo]/by_role/both/contact", Exp::Num(50.0)),
    ("companies[solo]/by_role/both/alignment_index", Exp::Num(50.0)),
    ("companies[solo]/role_gap/clarity", Exp::Null),
    ("companies[solo]/role_gap/contact", Exp::Null),
    ("companies[split]/n", Exp::Int(4)),
    ("companies[split]/n_by_role/sales", Exp::Count(2)),
    ("companies[split]/n_by_role/marketing", Exp::Count(2)),
    ("companies[split]/n_by_role/both", Exp::Count(0)),
    ("companies[split]/suppressed", Exp::Bool(false)),
    ("companies[split]/scores/clarity", Exp::Num(50.0)),
    ("companies[split]/scores/contact", Exp::Num(53.125)),
    ("companies[split]/scores/alignment_index", Exp::Num(51.5625)),
    ("companies[split]/stage", Exp::Str("Together")),
    ("companies[split]/rwg_j/clarity", Exp::Num(0.0)),
    ("companies[split]/rwg_j/contact", Exp::Num(0.0)),
    ("companies[split]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[split]/by_role/sales/clarity", Exp::Num(6.25)),
    ("companies[split]/by_role/sales/contact", Exp::Num(18.75)),
    ("companies[split]/by_role/sales/alignment_index", Exp::Num(12.5)),
    ("companies[split]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[split]/by_role/marketing/clarity", Exp::Num(93.75)),
    ("companies[split]/by_role/marketing/contact", Exp::Num(87.5)),
    ("companies[split]/by_role/marketing/alignment_index", Exp::Num(90.625)),
    ("companies[split]/by_role/both", Exp::Absent),
    ("companies[split]/role_gap/clarity", Exp::Num(87.5)),
    ("companies[split]/role_gap/contact", Exp::Num(68.75)),
];
#[rustfmt::skip]
pub const EDGE_ANONYMITY_1_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", None),
    ("r_wg(J) is undefined for", Some("r_wg(J) is undefined for 1 company with fewer than 2 respondents")),
    ("no score on clarity:", None),
    ("no score on contact:", Some("1 company has no score on contact: no respondent answered at least half of its items")),
    ("in companies where at least", None),
    ("Cronbach's α for clarity is hidden", None),
    ("Cronbach's α for contact is hidden", None),
];

// disclosure, defaults (tiny hidden; gamma's sales hidden beside its 1 both; pooled roles hidden as parts of their item: u2 sales (tie), u3r marketing, t1 both (beside 1 hidden answer))
// exclusions (line, reason): []
#[rustfmt::skip]
pub const DISCLOSURE_DEFAULT: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Disclosure pools (small5 items)")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(22)),
    ("input/rows_scored", Exp::Int(22)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.8717038539553751)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.6739805213532969)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.9574996946931099)),
    ("reliability/understanding/n_complete", Exp::Int(13)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.7633928571428574)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.8143059277124067)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.8390804597701147)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.7386550516082981)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.8531468531468531)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.7285304856224065)),
    ("reliability/teamwork/alpha", Exp::Num(0.9061361725973662)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(0.7939226228526977)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9620623843444001)),
    ("reliability/teamwork/n_complete", Exp::Int(18)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(0.874704491725768)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.8016459736906011)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.7904342353681557)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(0.9014926548971347)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.9265138154027042)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(0.7416840554408852)),
    ("aggregation/understanding/icc1", Exp::Num(0.1689468660515431)),
    ("aggregation/understanding/icc2", Exp::Num(0.6192419825072886)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.49077521042868133)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(2)),
    ("aggregation/teamwork/icc1", Exp::Num(0.0792882278070329)),
    ("aggregation/teamwork/icc2", Exp::Num(0.36471965835514547)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.7368421052631579)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(3)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(16)),
    ("items[u1]/mean", Exp::Num(3.375)),
    ("items[u1]/index", Exp::Num(59.375)),
    ("items[u1]/by_role/sales", Exp::Num(70.83333333333334)),
    ("items[u1]/by_role/marketing", Exp::Num(42.85714285714286)),
    ("items[u1]/by_role/both", Exp::Num(75.0)),
    ("items[u1]/role_gap", Exp::Num(-27.97619047619048)),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(14)),
    ("items[u2]/mean", Exp::Num(3.2857142857142856)),
    ("items[u2]/index", Exp::Num(57.14285714285714)),
    ("items[u2]/by_role/sales", Exp::Null),
    ("items[u2]/by_role/marketing", Exp::Num(45.833333333333336)),
    ("items[u2]/by_role/both", Exp::Null),
    ("items[u2]/role_gap", Exp::Null),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(13)),
    ("items[u3r]/mean", Exp::Num(3.3846153846153846)),
    ("items[u3r]/index", Exp::Num(59.61538461538461)),
    ("items[u3r]/by_role/sales", Exp::Num(62.5)),
    ("items[u3r]/by_role/marketing", Exp::Null),
    ("items[u3r]/by_role/both", Exp::Null),
    ("items[u3r]/role_gap", Exp::Null),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(16)),
    ("items[t1]/mean", Exp::Num(3.5625)),
    ("items[t1]/index", Exp::Num(64.0625)),
    ("items[t1]/by_role/sales", Exp::Num(79.16666666666667)),
    ("items[t1]/by_role/marketing", Exp::Num(46.42857142857143)),
    ("items[t1]/by_role/both", Exp::Num(75.0)),
    ("items[t1]/role_gap", Exp::Num(-32.73809523809524)),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(19)),
    ("items[t2r]/mean", Exp::Num(3.3684210526315788)),
    ("items[t2r]/index", Exp::Num(59.210526315789465)),
    ("items[t2r]/by_role/sales", Exp::Num(75.0)),
    ("items[t2r]/by_role/marketing", Exp::Num(42.85714285714286)),
    ("items[t2r]/by_role/both", Exp::Num(75.0)),
    ("items[t2r]/role_gap", Exp::Num(-32.14285714285714)),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(20)),
    ("items[t3]/mean", Exp::Num(3.3)),
    ("items[t3]/index", Exp::Num(57.49999999999999)),
    ("items[t3]/by_role/sales", Exp::Num(70.83333333333334)),
    ("items[t3]/by_role/marketing", Exp::Num(42.85714285714286)),
    ("items[t3]/by_role/both", Exp::Num(75.0)),
    ("items[t3]/role_gap", Exp::Num(-27.97619047619048)),
    ("companies[alpha]/n", Exp::Int(6)),
    ("companies[alpha]/n_by_role/sales", Exp::Count(3)),
    ("companies[alpha]/n_by_role/marketing", Exp::Count(3)),
    ("companies[alpha]/n_by_role/both", Exp::Count(0)),
    ("companies[alpha]/suppressed", Exp::Bool(false)),
    ("companies[alpha]/scores/understanding", Exp::Num(47.22222222222222)),
    ("companies[alpha]/scores/teamwork", Exp::Num(50.0)),
    ("companies[alpha]/scores/alignment_index", Exp::Num(48.611111111111114)),
    ("companies[alpha]/stage", Exp::Str("Mid")),
    ("companies[alpha]/rwg_j/understanding", Exp::Num(0.2614678899082568)),
    ("companies[alpha]/rwg_j/teamwork", Exp::Num(0.7329545454545454)),
    ("companies[alpha]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[alpha]/by_role/sales/understanding", Exp::Num(61.11111111111111)),
    ("companies[alpha]/by_role/sales/teamwork", Exp::Num(63.888888888888886)),
    ("companies[alpha]/by_role/sales/alignment_index", Exp::Num(62.5)),
    ("companies[alpha]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[alpha]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[alpha]/by_role/marketing/teamwork", Exp::Num(36.111111111111114)),
    ("companies[alpha]/by_role/marketing/alignment_index", Exp::Num(34.72222222222223)),
    ("companies[alpha]/by_role/both", Exp::Absent),
    ("companies[alpha]/role_gap/understanding", Exp::Num(-27.77777777777777)),
    ("companies[alpha]/role_gap/teamwork", Exp::Num(-27.77777777777777)),
    ("companies[beta]/n", Exp::Int(10)),
    ("companies[beta]/n_by_role/sales", Exp::Count(3)),
    ("companies[beta]/n_by_role/marketing", Exp::Count(4)),
    ("companies[beta]/n_by_role/both", Exp::Count(3)),
    ("companies[beta]/suppressed", Exp::Bool(false)),
    ("companies[beta]/scores/understanding", Exp::Num(66.66666666666666)),
    ("companies[beta]/scores/teamwork", Exp::Num(68.33333333333333)),
    ("companies[beta]/scores/alignment_index", Exp::Num(67.5)),
    ("companies[beta]/stage", Exp::Str("Mid")),
    ("companies[beta]/rwg_j/understanding", Exp::Num(0.7200825309491059)),
    ("companies[beta]/rwg_j/teamwork", Exp::Num(0.7415730337078651)),
    ("companies[beta]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/sales/understanding", Exp::Num(72.22222222222221)),
    ("companies[beta]/by_role/sales/teamwork", Exp::Num(86.1111111111111)),
    ("companies[beta]/by_role/sales/alignment_index", Exp::Num(79.16666666666666)),
    ("companies[beta]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/marketing/understanding", Exp::Num(56.25)),
    ("companies[beta]/by_role/marketing/teamwork", Exp::Num(50.0)),
    ("companies[beta]/by_role/marketing/alignment_index", Exp::Num(53.125)),
    ("companies[beta]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/both/understanding", Exp::Num(75.0)),
    ("companies[beta]/by_role/both/teamwork", Exp::Num(75.0)),
    ("companies[beta]/by_role/both/alignment_index", Exp::Num(75.0)),
    ("companies[beta]/role_gap/understanding", Exp::Num(-15.972222222222214)),
    ("companies[beta]/role_gap/teamwork", Exp::Num(-36.1111111111111)),
    ("companies[gamma]/n", Exp::Int(4)),
    ("companies[gamma]/n_by_role/sales", Exp::Count(3)),
    ("companies[gamma]/n_by_role/marketing", Exp::Count(0)),
    ("companies[gamma]/n_by_role/both", Exp::Count(1)),
    ("companies[gamma]/suppressed", Exp::Bool(false)),
    ("companies[gamma]/scores/understanding", Exp::Null),
    ("companies[gamma]/scores/teamwork", Exp::Num(53.125)),
    ("companies[gamma]/scores/alignment_index", Exp::Null),
    ("companies[gamma]/stage", Exp::Null),
    ("companies[gamma]/rwg_j/understanding", Exp::Null),
    ("companies[gamma]/rwg_j/teamwork", Exp::Num(0.7368421052631579)),
    ("companies[gamma]/by_role/sales/suppressed", Exp::Bool(true)),
    ("companies[gamma]/by_role/sales/understanding", Exp::Absent),
    ("companies[gamma]/by_role/sales/teamwork", Exp::Absent),
    ("companies[gamma]/by_role/sales/alignment_index", Exp::Absent),
    ("companies[gamma]/by_role/marketing", Exp::Absent),
    ("companies[gamma]/by_role/both/suppressed", Exp::Bool(true)),
    ("companies[gamma]/by_role/both/understanding", Exp::Absent),
    ("companies[gamma]/by_role/both/teamwork", Exp::Absent),
    ("companies[gamma]/by_role/both/alignment_index", Exp::Absent),
    ("companies[gamma]/role_gap/understanding", Exp::Null),
    ("companies[gamma]/role_gap/teamwork", Exp::Null),
    ("companies[tiny]/n", Exp::Int(2)),
    ("companies[tiny]/n_by_role/sales", Exp::Count(1)),
    ("companies[tiny]/n_by_role/marketing", Exp::Count(1)),
    ("companies[tiny]/n_by_role/both", Exp::Count(0)),
    ("companies[tiny]/suppressed", Exp::Bool(true)),
    ("companies[tiny]/scores", Exp::Null),
    ("companies[tiny]/stage", Exp::Null),
    ("companies[tiny]/by_role", Exp::Null),
    ("companies[tiny]/role_gap", Exp::Null),
    ("companies[tiny]/rwg_j", Exp::Null),
];
#[rustfmt::skip]
pub const DISCLOSURE_DEFAULT_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (tiny)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", Some("1 company has no score on understanding: fewer than 3 respondents answered at least half of its items")),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// disclosure, --anonymity 1 (every group shown)
// exclusions (line, reason): []
#[rustfmt::skip]
pub const DISCLOSURE_ANONYMITY_1: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Disclosure pools (small5 items)")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(22)),
    ("input/rows_scored", Exp::Int(22)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.8717038539553751)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.6739805213532969)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.9574996946931099)),
    ("reliability/understanding/n_complete", Exp::Int(13)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.7633928571428574)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.8143059277124067)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.8390804597701147)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.7386550516082981)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.8531468531468531)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.7285304856224065)),
    ("reliability/teamwork/alpha", Exp::Num(0.9061361725973662)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(0.7939226228526977)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9620623843444001)),
    ("reliability/teamwork/n_complete", Exp::Int(18)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(0.874704491725768)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.8016459736906011)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.7904342353681557)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(0.9014926548971347)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.9265138154027042)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(0.7416840554408852)),
    ("aggregation/understanding/icc1", Exp::Num(0.48949416342412455)),
    ("aggregation/understanding/icc2", Exp::Num(0.8519187358916479)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.7200825309491059)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(3)),
    ("aggregation/teamwork/icc1", Exp::Num(0.4390165774006601)),
    ("aggregation/teamwork/icc2", Exp::Num(0.8114705566718845)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.7392075694855115)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(4)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(18)),
    ("items[u1]/mean", Exp::Num(3.111111111111111)),
    ("items[u1]/index", Exp::Num(52.77777777777778)),
    ("items[u1]/by_role/sales", Exp::Num(60.71428571428571)),
    ("items[u1]/by_role/marketing", Exp::Num(37.5)),
    ("items[u1]/by_role/both", Exp::Num(75.0)),
    ("items[u1]/role_gap", Exp::Num(-23.214285714285708)),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(16)),
    ("items[u2]/mean", Exp::Num(3.0625)),
    ("items[u2]/index", Exp::Num(51.5625)),
    ("items[u2]/by_role/sales", Exp::Num(57.14285714285714)),
    ("items[u2]/by_role/marketing", Exp::Num(42.85714285714286)),
    ("items[u2]/by_role/both", Exp::Num(62.5)),
    ("items[u2]/role_gap", Exp::Num(-14.285714285714278)),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(15)),
    ("items[u3r]/mean", Exp::Num(3.066666666666667)),
    ("items[u3r]/index", Exp::Num(51.66666666666667)),
    ("items[u3r]/by_role/sales", Exp::Num(53.57142857142857)),
    ("items[u3r]/by_role/marketing", Exp::Num(41.666666666666664)),
    ("items[u3r]/by_role/both", Exp::Num(75.0)),
    ("items[u3r]/role_gap", Exp::Num(-11.904761904761905)),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(19)),
    ("items[t1]/mean", Exp::Num(3.3157894736842106)),
    ("items[t1]/index", Exp::Num(57.89473684210527)),
    ("items[t1]/by_role/sales", Exp::Num(67.85714285714286)),
    ("items[t1]/by_role/marketing", Exp::Num(40.625)),
    ("items[t1]/by_role/both", Exp::Num(75.0)),
    ("items[t1]/role_gap", Exp::Num(-27.23214285714286)),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(21)),
    ("items[t2r]/mean", Exp::Num(3.1904761904761907)),
    ("items[t2r]/index", Exp::Num(54.761904761904766)),
    ("items[t2r]/by_role/sales", Exp::Num(60.0)),
    ("items[t2r]/by_role/marketing", Exp::Num(40.625)),
    ("items[t2r]/by_role/both", Exp::Num(75.0)),
    ("items[t2r]/role_gap", Exp::Num(-19.375)),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(22)),
    ("items[t3]/mean", Exp::Num(3.090909090909091)),
    ("items[t3]/index", Exp::Num(52.27272727272727)),
    ("items[t3]/by_role/sales", Exp::Num(55.00000000000001)),
    ("items[t3]/by_role/marketing", Exp::Num(37.5)),
    ("items[t3]/by_role/both", Exp::Num(75.0)),
    ("items[t3]/role_gap", Exp::Num(-17.500000000000007)),
    ("companies[alpha]/n", Exp::Int(6)),
    ("companies[alpha]/n_by_role/sales", Exp::Count(3)),
    ("companies[alpha]/n_by_role/marketing", Exp::Count(3)),
    ("companies[alpha]/n_by_role/both", Exp::Count(0)),
    ("companies[alpha]/suppressed", Exp::Bool(false)),
    ("companies[alpha]/scores/understanding", Exp::Num(47.22222222222222)),
    ("companies[alpha]/scores/teamwork", Exp::Num(50.0)),
    ("companies[alpha]/scores/alignment_index", Exp::Num(48.611111111111114)),
    ("companies[alpha]/stage", Exp::Str("Mid")),
    ("companies[alpha]/rwg_j/understanding", Exp::Num(0.2614678899082568)),
    ("companies[alpha]/rwg_j/teamwork", Exp::Num(0.7329545454545454)),
    ("companies[alpha]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[alpha]/by_role/sales/understanding", Exp::Num(61.11111111111111)),
    ("companies[alpha]/by_role/sales/teamwork", Exp::Num(63.888888888888886)),
    ("companies[alpha]/by_role/sales/alignment_index", Exp::Num(62.5)),
    ("companies[alpha]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[alpha]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[alpha]/by_role/marketing/teamwork", Exp::Num(36.111111111111114)),
    ("companies[alpha]/by_role/marketing/alignment_index", Exp::Num(34.72222222222223)),
    ("companies[alpha]/by_role/both", Exp::Absent),
    ("companies[alpha]/role_gap/understanding", Exp::Num(-27.77777777777777)),
    ("companies[alpha]/role_gap/teamwork", Exp::Num(-27.77777777777777)),
    ("companies[beta]/n", Exp::Int(10)),
    ("companies[beta]/n_by_role/sales", Exp::Count(3)),
    ("companies[beta]/n_by_role/marketing", Exp::Count(4)),
    ("companies[beta]/n_by_role/both", Exp::Count(3)),
    ("companies[beta]/suppressed", Exp::Bool(false)),
    ("companies[beta]/scores/understanding", Exp::Num(66.66666666666666)),
    ("companies[beta]/scores/teamwork", Exp::Num(68.33333333333333)),
    ("companies[beta]/scores/alignment_index", Exp::Num(67.5)),
    ("companies[beta]/stage", Exp::Str("Mid")),
    ("companies[beta]/rwg_j/understanding", Exp::Num(0.7200825309491059)),
    ("companies[beta]/rwg_j/teamwork", Exp::Num(0.7415730337078651)),
    ("companies[beta]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/sales/understanding", Exp::Num(72.22222222222221)),
    ("companies[beta]/by_role/sales/teamwork", Exp::Num(86.1111111111111)),
    ("companies[beta]/by_role/sales/alignment_index", Exp::Num(79.16666666666666)),
    ("companies[beta]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/marketing/understanding", Exp::Num(56.25)),
    ("companies[beta]/by_role/marketing/teamwork", Exp::Num(50.0)),
    ("companies[beta]/by_role/marketing/alignment_index", Exp::Num(53.125)),
    ("companies[beta]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[beta]/by_role/both/understanding", Exp::Num(75.0)),
    ("companies[beta]/by_role/both/teamwork", Exp::Num(75.0)),
    ("companies[beta]/by_role/both/alignment_index", Exp::Num(75.0)),
    ("companies[beta]/role_gap/understanding", Exp::Num(-15.972222222222214)),
    ("companies[beta]/role_gap/teamwork", Exp::Num(-36.1111111111111)),
    ("companies[gamma]/n", Exp::Int(4)),
    ("companies[gamma]/n_by_role/sales", Exp::Count(3)),
    ("companies[gamma]/n_by_role/marketing", Exp::Count(0)),
    ("companies[gamma]/n_by_role/both", Exp::Count(1)),
    ("companies[gamma]/suppressed", Exp::Bool(false)),
    ("companies[gamma]/scores/understanding", Exp::Null),
    ("companies[gamma]/scores/teamwork", Exp::Num(53.125)),
    ("companies[gamma]/scores/alignment_index", Exp::Null),
    ("companies[gamma]/stage", Exp::Null),
    ("companies[gamma]/rwg_j/understanding", Exp::Null),
    ("companies[gamma]/rwg_j/teamwork", Exp::Num(0.7368421052631579)),
    ("companies[gamma]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[gamma]/by_role/sales/understanding", Exp::Null),
    ("companies[gamma]/by_role/sales/teamwork", Exp::Num(45.833333333333336)),
    ("companies[gamma]/by_role/sales/alignment_index", Exp::Null),
    ("companies[gamma]/by_role/marketing", Exp::Absent),
    ("companies[gamma]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[gamma]/by_role/both/understanding", Exp::Null),
    ("companies[gamma]/by_role/both/teamwork", Exp::Num(75.0)),
    ("companies[gamma]/by_role/both/alignment_index", Exp::Null),
    ("companies[gamma]/role_gap/understanding", Exp::Null),
    ("companies[gamma]/role_gap/teamwork", Exp::Null),
    ("companies[tiny]/n", Exp::Int(2)),
    ("companies[tiny]/n_by_role/sales", Exp::Count(1)),
    ("companies[tiny]/n_by_role/marketing", Exp::Count(1)),
    ("companies[tiny]/n_by_role/both", Exp::Count(0)),
    ("companies[tiny]/suppressed", Exp::Bool(false)),
    ("companies[tiny]/scores/understanding", Exp::Num(4.1666666666666625)),
    ("companies[tiny]/scores/teamwork", Exp::Num(4.1666666666666625)),
    ("companies[tiny]/scores/alignment_index", Exp::Num(4.1666666666666625)),
    ("companies[tiny]/stage", Exp::Str("Low")),
    ("companies[tiny]/rwg_j/understanding", Exp::Num(0.9705882352941176)),
    ("companies[tiny]/rwg_j/teamwork", Exp::Num(0.9705882352941176)),
    ("companies[tiny]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[tiny]/by_role/sales/understanding", Exp::Num(0.0)),
    ("companies[tiny]/by_role/sales/teamwork", Exp::Num(0.0)),
    ("companies[tiny]/by_role/sales/alignment_index", Exp::Num(0.0)),
    ("companies[tiny]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[tiny]/by_role/marketing/understanding", Exp::Num(8.333333333333332)),
    ("companies[tiny]/by_role/marketing/teamwork", Exp::Num(8.333333333333332)),
    ("companies[tiny]/by_role/marketing/alignment_index", Exp::Num(8.333333333333332)),
    ("companies[tiny]/by_role/both", Exp::Absent),
    ("companies[tiny]/role_gap/understanding", Exp::Num(8.333333333333332)),
    ("companies[tiny]/role_gap/teamwork", Exp::Num(8.333333333333332)),
];
#[rustfmt::skip]
pub const DISCLOSURE_ANONYMITY_1_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", None),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", Some("1 company has no score on understanding: no respondent answered at least half of its items")),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];

// cells, defaults (echo: teamwork from 2 respondents, no score; delta: both 2 on teamwork hides sales there too (tie with marketing); t1 answered by 2: no pooled figures; teamwork alpha from 2 complete respondents: hidden)
// exclusions (line, reason): []
#[rustfmt::skip]
pub const CELLS_DEFAULT: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Cell thresholds (small5 items)")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(21)),
    ("input/rows_scored", Exp::Int(21)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.9429290809903483)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.8819936591220838)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.9750490233161685)),
    ("reliability/understanding/n_complete", Exp::Int(21)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.9114877589453858)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.8879254687472476)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.9478044739022371)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.8428637026290852)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.8848848848848851)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.9223893004224027)),
    ("reliability/teamwork/alpha", Exp::Null),
    ("reliability/teamwork/alpha_ci95", Exp::Null),
    ("reliability/teamwork/n_complete", Exp::Int(2)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Null),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Null),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Null),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Null),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Null),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Null),
    ("aggregation/understanding/icc1", Exp::Num(0.5669774795186326)),
    ("aggregation/understanding/icc2", Exp::Num(0.8923868176395963)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.930379746835443)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(3)),
    ("aggregation/teamwork/icc1", Exp::Num(0.44166190566876146)),
    ("aggregation/teamwork/icc2", Exp::Num(0.8470294618943267)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.7817201930061224)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(2)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(19)),
    ("items[u1]/mean", Exp::Num(3.4210526315789473)),
    ("items[u1]/index", Exp::Num(60.526315789473685)),
    ("items[u1]/by_role/sales", Exp::Num(62.5)),
    ("items[u1]/by_role/marketing", Exp::Num(54.166666666666664)),
    ("items[u1]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u1]/role_gap", Exp::Num(-8.333333333333336)),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(19)),
    ("items[u2]/mean", Exp::Num(3.4210526315789473)),
    ("items[u2]/index", Exp::Num(60.526315789473685)),
    ("items[u2]/by_role/sales", Exp::Num(62.5)),
    ("items[u2]/by_role/marketing", Exp::Num(54.166666666666664)),
    ("items[u2]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u2]/role_gap", Exp::Num(-8.333333333333336)),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(19)),
    ("items[u3r]/mean", Exp::Num(3.4210526315789473)),
    ("items[u3r]/index", Exp::Num(60.526315789473685)),
    ("items[u3r]/by_role/sales", Exp::Num(60.0)),
    ("items[u3r]/by_role/marketing", Exp::Num(58.333333333333336)),
    ("items[u3r]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u3r]/role_gap", Exp::Num(-1.6666666666666643)),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(0)),
    ("items[t1]/mean", Exp::Null),
    ("items[t1]/index", Exp::Null),
    ("items[t1]/by_role/sales", Exp::Null),
    ("items[t1]/by_role/marketing", Exp::Null),
    ("items[t1]/by_role/both", Exp::Null),
    ("items[t1]/role_gap", Exp::Null),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(14)),
    ("items[t2r]/mean", Exp::Num(3.5)),
    ("items[t2r]/index", Exp::Num(62.5)),
    ("items[t2r]/by_role/sales", Exp::Null),
    ("items[t2r]/by_role/marketing", Exp::Num(54.166666666666664)),
    ("items[t2r]/by_role/both", Exp::Null),
    ("items[t2r]/role_gap", Exp::Null),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(18)),
    ("items[t3]/mean", Exp::Num(3.6666666666666665)),
    ("items[t3]/index", Exp::Num(66.66666666666666)),
    ("items[t3]/by_role/sales", Exp::Num(69.44444444444444)),
    ("items[t3]/by_role/marketing", Exp::Num(62.5)),
    ("items[t3]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[t3]/role_gap", Exp::Num(-6.944444444444443)),
    ("companies[delta]/n", Exp::Int(9)),
    ("companies[delta]/n_by_role/sales", Exp::Count(3)),
    ("companies[delta]/n_by_role/marketing", Exp::Count(3)),
    ("companies[delta]/n_by_role/both", Exp::Count(3)),
    ("companies[delta]/suppressed", Exp::Bool(false)),
    ("companies[delta]/scores/understanding", Exp::Num(57.407407407407405)),
    ("companies[delta]/scores/teamwork", Exp::Num(56.25)),
    ("companies[delta]/scores/alignment_index", Exp::Num(56.8287037037037)),
    ("companies[delta]/stage", Exp::Str("Mid")),
    ("companies[delta]/rwg_j/understanding", Exp::Num(0.7863436123348017)),
    ("companies[delta]/rwg_j/teamwork", Exp::Num(0.7971360381861576)),
    ("companies[delta]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/sales/understanding", Exp::Num(72.22222222222223)),
    ("companies[delta]/by_role/sales/teamwork", Exp::Null),
    ("companies[delta]/by_role/sales/alignment_index", Exp::Null),
    ("companies[delta]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[delta]/by_role/marketing/teamwork", Exp::Num(37.5)),
    ("companies[delta]/by_role/marketing/alignment_index", Exp::Num(35.41666666666667)),
    ("companies[delta]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/both/understanding", Exp::Num(66.66666666666666)),
    ("companies[delta]/by_role/both/teamwork", Exp::Null),
    ("companies[delta]/by_role/both/alignment_index", Exp::Null),
    ("companies[delta]/role_gap/understanding", Exp::Num(-38.88888888888889)),
    ("companies[delta]/role_gap/teamwork", Exp::Null),
    ("companies[echo]/n", Exp::Int(4)),
    ("companies[echo]/n_by_role/sales", Exp::Count(4)),
    ("companies[echo]/n_by_role/marketing", Exp::Count(0)),
    ("companies[echo]/n_by_role/both", Exp::Count(0)),
    ("companies[echo]/suppressed", Exp::Bool(false)),
    ("companies[echo]/scores/understanding", Exp::Num(35.41666666666667)),
    ("companies[echo]/scores/teamwork", Exp::Null),
    ("companies[echo]/scores/alignment_index", Exp::Null),
    ("companies[echo]/stage", Exp::Null),
    ("companies[echo]/rwg_j/understanding", Exp::Num(0.9432989690721649)),
    ("companies[echo]/rwg_j/teamwork", Exp::Null),
    ("companies[echo]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[echo]/by_role/sales/understanding", Exp::Num(35.41666666666667)),
    ("companies[echo]/by_role/sales/teamwork", Exp::Null),
    ("companies[echo]/by_role/sales/alignment_index", Exp::Null),
    ("companies[echo]/by_role/marketing", Exp::Absent),
    ("companies[echo]/by_role/both", Exp::Absent),
    ("companies[echo]/role_gap/understanding", Exp::Null),
    ("companies[echo]/role_gap/teamwork", Exp::Null),
    ("companies[foxtrot]/n", Exp::Int(6)),
    ("companies[foxtrot]/n_by_role/sales", Exp::Count(3)),
    ("companies[foxtrot]/n_by_role/marketing", Exp::Count(3)),
    ("companies[foxtrot]/n_by_role/both", Exp::Count(0)),
    ("companies[foxtrot]/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/scores/understanding", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/scores/teamwork", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/scores/alignment_index", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/stage", Exp::Str("High")),
    ("companies[foxtrot]/rwg_j/understanding", Exp::Num(0.930379746835443)),
    ("companies[foxtrot]/rwg_j/teamwork", Exp::Num(0.766304347826087)),
    ("companies[foxtrot]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/by_role/sales/understanding", Exp::Num(86.1111111111111)),
    ("companies[foxtrot]/by_role/sales/teamwork", Exp::Num(87.5)),
    ("companies[foxtrot]/by_role/sales/alignment_index", Exp::Num(86.80555555555554)),
    ("companies[foxtrot]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/by_role/marketing/understanding", Exp::Num(77.77777777777777)),
    ("companies[foxtrot]/by_role/marketing/teamwork", Exp::Num(76.38888888888889)),
    ("companies[foxtrot]/by_role/marketing/alignment_index", Exp::Num(77.08333333333333)),
    ("companies[foxtrot]/by_role/both", Exp::Absent),
    ("companies[foxtrot]/role_gap/understanding", Exp::Num(-8.333333333333329)),
    ("companies[foxtrot]/role_gap/teamwork", Exp::Num(-11.111111111111114)),
    ("companies[tiny]/n", Exp::Int(2)),
    ("companies[tiny]/n_by_role/sales", Exp::Count(1)),
    ("companies[tiny]/n_by_role/marketing", Exp::Count(1)),
    ("companies[tiny]/n_by_role/both", Exp::Count(0)),
    ("companies[tiny]/suppressed", Exp::Bool(true)),
    ("companies[tiny]/scores", Exp::Null),
    ("companies[tiny]/stage", Exp::Null),
    ("companies[tiny]/by_role", Exp::Null),
    ("companies[tiny]/role_gap", Exp::Null),
    ("companies[tiny]/rwg_j", Exp::Null),
];
#[rustfmt::skip]
pub const CELLS_DEFAULT_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (tiny)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", Some("1 company has no score on teamwork: fewer than 3 respondents answered at least half of its items")),
    ("in companies where at least", Some("1 item has no pooled figures, since fewer than 3 respondents answered it in companies where at least 3 did: t1")),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is", Some("Cronbach's α for teamwork is hidden: 2 respondents answered all its items, fewer than the anonymity threshold 3")),
];

// cells, --weighting role (company scores, alignment index, stage only)
// exclusions (line, reason): []
#[rustfmt::skip]
pub const CELLS_ROLE_WEIGHTING: &[(&str, Exp)] = &[
    ("companies[delta]/n", Exp::Int(9)),
    ("companies[delta]/suppressed", Exp::Bool(false)),
    ("companies[delta]/scores/understanding", Exp::Num(57.407407407407405)),
    ("companies[delta]/scores/teamwork", Exp::Num(57.638888888888886)),
    ("companies[delta]/scores/alignment_index", Exp::Num(57.523148148148145)),
    ("companies[delta]/stage", Exp::Str("Mid")),
    ("companies[echo]/n", Exp::Int(4)),
    ("companies[echo]/suppressed", Exp::Bool(false)),
    ("companies[echo]/scores/understanding", Exp::Num(35.41666666666667)),
    ("companies[echo]/scores/teamwork", Exp::Null),
    ("companies[echo]/scores/alignment_index", Exp::Null),
    ("companies[echo]/stage", Exp::Null),
    ("companies[foxtrot]/n", Exp::Int(6)),
    ("companies[foxtrot]/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/scores/understanding", Exp::Num(81.94444444444441)),
    ("companies[foxtrot]/scores/teamwork", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/scores/alignment_index", Exp::Num(81.94444444444443)),
    ("companies[foxtrot]/stage", Exp::Str("High")),
    ("companies[tiny]/n", Exp::Int(2)),
    ("companies[tiny]/suppressed", Exp::Bool(true)),
    ("companies[tiny]/scores", Exp::Null),
    ("companies[tiny]/stage", Exp::Null),
    ("companies[tiny]/by_role", Exp::Null),
    ("companies[tiny]/role_gap", Exp::Null),
    ("companies[tiny]/rwg_j", Exp::Null),
];
#[rustfmt::skip]
pub const CELLS_ROLE_WEIGHTING_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", Some("1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (tiny)")),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", Some("1 company has no score on teamwork: fewer than 3 respondents answered at least half of its items")),
    ("in companies where at least", Some("1 item has no pooled figures, since fewer than 3 respondents answered it in companies where at least 3 did: t1")),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is", Some("Cronbach's α for teamwork is hidden: 2 respondents answered all its items, fewer than the anonymity threshold 3")),
];

// cells, --anonymity 1 (every group and cell shown)
// exclusions (line, reason): []
#[rustfmt::skip]
pub const CELLS_ANONYMITY_1: &[(&str, Exp)] = &[
    ("instrument/name", Exp::Str("Cell thresholds (small5 items)")),
    ("instrument/version", Exp::Str("0.1-test")),
    ("input/rows_read", Exp::Int(21)),
    ("input/rows_scored", Exp::Int(21)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(4)),
    ("reliability/understanding/alpha", Exp::Num(0.9429290809903483)),
    ("reliability/understanding/alpha_ci95/0", Exp::Num(0.8819936591220838)),
    ("reliability/understanding/alpha_ci95/1", Exp::Num(0.9750490233161685)),
    ("reliability/understanding/n_complete", Exp::Int(21)),
    ("reliability/understanding/k", Exp::Int(3)),
    ("reliability/understanding/items[u1]/alpha_if_dropped", Exp::Num(0.9114877589453858)),
    ("reliability/understanding/items[u1]/item_total_r", Exp::Num(0.8879254687472476)),
    ("reliability/understanding/items[u2]/alpha_if_dropped", Exp::Num(0.9478044739022371)),
    ("reliability/understanding/items[u2]/item_total_r", Exp::Num(0.8428637026290852)),
    ("reliability/understanding/items[u3r]/alpha_if_dropped", Exp::Num(0.8848848848848851)),
    ("reliability/understanding/items[u3r]/item_total_r", Exp::Num(0.9223893004224027)),
    ("reliability/teamwork/alpha", Exp::Num(0.9375)),
    ("reliability/teamwork/alpha_ci95/0", Exp::Num(-1.4066455696202507)),
    ("reliability/teamwork/alpha_ci95/1", Exp::Num(0.9999218261413383)),
    ("reliability/teamwork/n_complete", Exp::Int(2)),
    ("reliability/teamwork/k", Exp::Int(3)),
    ("reliability/teamwork/items[t1]/alpha_if_dropped", Exp::Num(1.0)),
    ("reliability/teamwork/items[t1]/item_total_r", Exp::Num(0.9999999999999999)),
    ("reliability/teamwork/items[t2r]/alpha_if_dropped", Exp::Num(0.8888888888888888)),
    ("reliability/teamwork/items[t2r]/item_total_r", Exp::Num(1.0)),
    ("reliability/teamwork/items[t3]/alpha_if_dropped", Exp::Num(0.8888888888888888)),
    ("reliability/teamwork/items[t3]/item_total_r", Exp::Num(1.0)),
    ("aggregation/understanding/icc1", Exp::Num(0.7048285369808617)),
    ("aggregation/understanding/icc2", Exp::Num(0.9261244172728003)),
    ("aggregation/understanding/rwg_j_median", Exp::Num(0.9368393579538039)),
    ("aggregation/understanding/rwg_j_companies", Exp::Int(4)),
    ("aggregation/teamwork/icc1", Exp::Num(0.664320666868908)),
    ("aggregation/teamwork/icc2", Exp::Num(0.8990475238476038)),
    ("aggregation/teamwork/rwg_j_median", Exp::Num(0.8404284842093579)),
    ("aggregation/teamwork/rwg_j_companies", Exp::Int(4)),
    ("items[u1]/dimension", Exp::Str("understanding")),
    ("items[u1]/n", Exp::Int(21)),
    ("items[u1]/mean", Exp::Num(3.1904761904761907)),
    ("items[u1]/index", Exp::Num(54.761904761904766)),
    ("items[u1]/by_role/sales", Exp::Num(56.81818181818182)),
    ("items[u1]/by_role/marketing", Exp::Num(46.42857142857143)),
    ("items[u1]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u1]/role_gap", Exp::Num(-10.38961038961039)),
    ("items[u2]/dimension", Exp::Str("understanding")),
    ("items[u2]/n", Exp::Int(21)),
    ("items[u2]/mean", Exp::Num(3.238095238095238)),
    ("items[u2]/index", Exp::Num(55.952380952380956)),
    ("items[u2]/by_role/sales", Exp::Num(56.81818181818182)),
    ("items[u2]/by_role/marketing", Exp::Num(50.0)),
    ("items[u2]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u2]/role_gap", Exp::Num(-6.81818181818182)),
    ("items[u3r]/dimension", Exp::Str("understanding")),
    ("items[u3r]/n", Exp::Int(21)),
    ("items[u3r]/mean", Exp::Num(3.1904761904761907)),
    ("items[u3r]/index", Exp::Num(54.761904761904766)),
    ("items[u3r]/by_role/sales", Exp::Num(54.54545454545454)),
    ("items[u3r]/by_role/marketing", Exp::Num(50.0)),
    ("items[u3r]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[u3r]/role_gap", Exp::Num(-4.54545454545454)),
    ("items[t1]/dimension", Exp::Str("teamwork")),
    ("items[t1]/n", Exp::Int(2)),
    ("items[t1]/mean", Exp::Num(4.0)),
    ("items[t1]/index", Exp::Num(75.0)),
    ("items[t1]/by_role/sales", Exp::Num(100.0)),
    ("items[t1]/by_role/marketing", Exp::Num(50.0)),
    ("items[t1]/by_role/both", Exp::Null),
    ("items[t1]/role_gap", Exp::Num(-50.0)),
    ("items[t2r]/dimension", Exp::Str("teamwork")),
    ("items[t2r]/n", Exp::Int(18)),
    ("items[t2r]/mean", Exp::Num(3.1666666666666665)),
    ("items[t2r]/index", Exp::Num(54.166666666666664)),
    ("items[t2r]/by_role/sales", Exp::Num(55.55555555555556)),
    ("items[t2r]/by_role/marketing", Exp::Num(50.0)),
    ("items[t2r]/by_role/both", Exp::Num(62.5)),
    ("items[t2r]/role_gap", Exp::Num(-5.555555555555557)),
    ("items[t3]/dimension", Exp::Str("teamwork")),
    ("items[t3]/n", Exp::Int(20)),
    ("items[t3]/mean", Exp::Num(3.4)),
    ("items[t3]/index", Exp::Num(60.0)),
    ("items[t3]/by_role/sales", Exp::Num(62.5)),
    ("items[t3]/by_role/marketing", Exp::Num(53.57142857142857)),
    ("items[t3]/by_role/both", Exp::Num(66.66666666666666)),
    ("items[t3]/role_gap", Exp::Num(-8.92857142857143)),
    ("companies[delta]/n", Exp::Int(9)),
    ("companies[delta]/n_by_role/sales", Exp::Count(3)),
    ("companies[delta]/n_by_role/marketing", Exp::Count(3)),
    ("companies[delta]/n_by_role/both", Exp::Count(3)),
    ("companies[delta]/suppressed", Exp::Bool(false)),
    ("companies[delta]/scores/understanding", Exp::Num(57.407407407407405)),
    ("companies[delta]/scores/teamwork", Exp::Num(56.25)),
    ("companies[delta]/scores/alignment_index", Exp::Num(56.8287037037037)),
    ("companies[delta]/stage", Exp::Str("Mid")),
    ("companies[delta]/rwg_j/understanding", Exp::Num(0.7863436123348017)),
    ("companies[delta]/rwg_j/teamwork", Exp::Num(0.7971360381861576)),
    ("companies[delta]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/sales/understanding", Exp::Num(72.22222222222223)),
    ("companies[delta]/by_role/sales/teamwork", Exp::Num(66.66666666666666)),
    ("companies[delta]/by_role/sales/alignment_index", Exp::Num(69.44444444444444)),
    ("companies[delta]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/marketing/understanding", Exp::Num(33.333333333333336)),
    ("companies[delta]/by_role/marketing/teamwork", Exp::Num(37.5)),
    ("companies[delta]/by_role/marketing/alignment_index", Exp::Num(35.41666666666667)),
    ("companies[delta]/by_role/both/suppressed", Exp::Bool(false)),
    ("companies[delta]/by_role/both/understanding", Exp::Num(66.66666666666666)),
    ("companies[delta]/by_role/both/teamwork", Exp::Num(68.75)),
    ("companies[delta]/by_role/both/alignment_index", Exp::Num(67.70833333333333)),
    ("companies[delta]/role_gap/understanding", Exp::Num(-38.88888888888889)),
    ("companies[delta]/role_gap/teamwork", Exp::Num(-29.166666666666657)),
    ("companies[echo]/n", Exp::Int(4)),
    ("companies[echo]/n_by_role/sales", Exp::Count(4)),
    ("companies[echo]/n_by_role/marketing", Exp::Count(0)),
    ("companies[echo]/n_by_role/both", Exp::Count(0)),
    ("companies[echo]/suppressed", Exp::Bool(false)),
    ("companies[echo]/scores/understanding", Exp::Num(35.41666666666667)),
    ("companies[echo]/scores/teamwork", Exp::Num(37.5)),
    ("companies[echo]/scores/alignment_index", Exp::Num(36.458333333333336)),
    ("companies[echo]/stage", Exp::Str("Low")),
    ("companies[echo]/rwg_j/understanding", Exp::Num(0.9432989690721649)),
    ("companies[echo]/rwg_j/teamwork", Exp::Num(0.8837209302325582)),
    ("companies[echo]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[echo]/by_role/sales/understanding", Exp::Num(35.41666666666667)),
    ("companies[echo]/by_role/sales/teamwork", Exp::Num(37.5)),
    ("companies[echo]/by_role/sales/alignment_index", Exp::Num(36.458333333333336)),
    ("companies[echo]/by_role/marketing", Exp::Absent),
    ("companies[echo]/by_role/both", Exp::Absent),
    ("companies[echo]/role_gap/understanding", Exp::Null),
    ("companies[echo]/role_gap/teamwork", Exp::Null),
    ("companies[foxtrot]/n", Exp::Int(6)),
    ("companies[foxtrot]/n_by_role/sales", Exp::Count(3)),
    ("companies[foxtrot]/n_by_role/marketing", Exp::Count(3)),
    ("companies[foxtrot]/n_by_role/both", Exp::Count(0)),
    ("companies[foxtrot]/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/scores/understanding", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/scores/teamwork", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/scores/alignment_index", Exp::Num(81.94444444444444)),
    ("companies[foxtrot]/stage", Exp::Str("High")),
    ("companies[foxtrot]/rwg_j/understanding", Exp::Num(0.930379746835443)),
    ("companies[foxtrot]/rwg_j/teamwork", Exp::Num(0.766304347826087)),
    ("companies[foxtrot]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/by_role/sales/understanding", Exp::Num(86.1111111111111)),
    ("companies[foxtrot]/by_role/sales/teamwork", Exp::Num(87.5)),
    ("companies[foxtrot]/by_role/sales/alignment_index", Exp::Num(86.80555555555554)),
    ("companies[foxtrot]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[foxtrot]/by_role/marketing/understanding", Exp::Num(77.77777777777777)),
    ("companies[foxtrot]/by_role/marketing/teamwork", Exp::Num(76.38888888888889)),
    ("companies[foxtrot]/by_role/marketing/alignment_index", Exp::Num(77.08333333333333)),
    ("companies[foxtrot]/by_role/both", Exp::Absent),
    ("companies[foxtrot]/role_gap/understanding", Exp::Num(-8.333333333333329)),
    ("companies[foxtrot]/role_gap/teamwork", Exp::Num(-11.111111111111114)),
    ("companies[tiny]/n", Exp::Int(2)),
    ("companies[tiny]/n_by_role/sales", Exp::Count(1)),
    ("companies[tiny]/n_by_role/marketing", Exp::Count(1)),
    ("companies[tiny]/n_by_role/both", Exp::Count(0)),
    ("companies[tiny]/suppressed", Exp::Bool(false)),
    ("companies[tiny]/scores/understanding", Exp::Num(4.1666666666666625)),
    ("companies[tiny]/scores/teamwork", Exp::Num(6.25)),
    ("companies[tiny]/scores/alignment_index", Exp::Num(5.208333333333331)),
    ("companies[tiny]/stage", Exp::Str("Low")),
    ("companies[tiny]/rwg_j/understanding", Exp::Num(0.9705882352941176)),
    ("companies[tiny]/rwg_j/teamwork", Exp::Num(0.9333333333333333)),
    ("companies[tiny]/by_role/sales/suppressed", Exp::Bool(false)),
    ("companies[tiny]/by_role/sales/understanding", Exp::Num(0.0)),
    ("companies[tiny]/by_role/sales/teamwork", Exp::Num(0.0)),
    ("companies[tiny]/by_role/sales/alignment_index", Exp::Num(0.0)),
    ("companies[tiny]/by_role/marketing/suppressed", Exp::Bool(false)),
    ("companies[tiny]/by_role/marketing/understanding", Exp::Num(8.333333333333332)),
    ("companies[tiny]/by_role/marketing/teamwork", Exp::Num(12.5)),
    ("companies[tiny]/by_role/marketing/alignment_index", Exp::Num(10.416666666666666)),
    ("companies[tiny]/by_role/both", Exp::Absent),
    ("companies[tiny]/role_gap/understanding", Exp::Num(8.333333333333332)),
    ("companies[tiny]/role_gap/teamwork", Exp::Num(12.5)),
];
#[rustfmt::skip]
pub const CELLS_ANONYMITY_1_WARNINGS: &[(&str, Option<&str>)] = &[
    ("hidden: left out of company-level statistics", None),
    ("r_wg(J) is undefined for", None),
    ("no score on understanding:", None),
    ("no score on teamwork:", None),
    ("in companies where at least", None),
    ("Cronbach's α for understanding is hidden", None),
    ("Cronbach's α for teamwork is hidden", None),
];
