//! Reference-value tests for `align leaders` (docs/methods.md: outcome
//! composite, tiers, leaders vs laggards, "Disclosure control"; JSON keys).
//!
//! Every expected value in the tables at the end of this file comes from
//! `tests/reference/leaders_reference.py`, which reads the fixture with pandas
//! (not with this crate) and recomputes every figure with numpy/scipy
//! (`stats.zscore(ddof=1)`, `stats.percentileofscore(kind='mean')`,
//! `stats.ttest_ind(equal_var=False)`, `stats.mannwhitneyu(method='asymptotic',
//! use_continuity=True)`, `stats.spearmanr`), pingouin
//! (`compute_effsize(eftype='hedges')`, cross-checked against the textbook
//! formula; the CI uses the documented SE with the normal quantile) and
//! statsmodels (`multipletests(method='fdr_bh')`).
//! `python3 tests/reference/leaders_reference.py` prints a readable listing;
//! `--rust` prints the tables pasted below. Numbers are compared with an
//! absolute tolerance of 1e-6, never as strings.
//!
//! Fixture `tests/data/leaders/` (a non-default instrument): 7-point scale,
//! two dimensions of three items (one reverse-worded item each), a perception
//! item (not part of this analysis), columns `rid`/`org`/`function`, role
//! aliases, three outcomes in two groups with `sales_cycle_days`
//! lower-is-better. 79 respondents in 18 companies; outcomes in a separate
//! file (`outcomes.csv`, other column order and an extra column) that lacks
//! `mu` (its outcomes come from its respondents), overrides the responses'
//! outcome values of `kappa`, has a company `ghost` without respondents, and
//! gives `omicron` only one outcome of three (unclassified). `xi` has 2
//! respondents: hidden at --anonymity 3, it enters nothing (not the
//! z-scores, composites, median or tiers, and no tier's figures), although
//! at --anonymity 1 it is classified (average under the default scheme);
//! docs/methods.md, "Disclosure control". `delta` and `pi` have identical
//! outcomes and tie on the composite at ranks 3 and 4 of the 16 classified
//! shown companies: with round(0.2·16) = 3 leaders the tie is broken by
//! company id (`delta` leads, `pi` is average), although `pi` comes first in
//! the responses. round(0.3·16) = round(4.8) = 5 laggards. `cad_feedback`
//! has no laggard in the top two boxes (lift null).
//!
//! Cell thresholds: a company's dimension score or item value that fewer
//! than --anonymity N of its respondents make up is null and enters no
//! comparison or correlation; a tier's top-2-box share of fewer than N
//! answers is null (and the lift with it). `lambda`'s cad_feedback rests on
//! 2 answers: null at the default threshold.
//!
//! Five cases are checked figure by figure: the defaults (aberdeen, z,
//! respondent weighting); quantiles:0.25,0.5,0.25 with the rank composite and
//! role weighting; median with --anonymity 1 (nothing hidden, empty average
//! tier; its values are those of the rules before hidden companies were
//! left out); all-above-median; --anonymity 6 (the cell thresholds: nu's
//! cadence score, pi's cad_weekly value and the leaders' top-2-box share of
//! cad_weekly are null).

// The tables hold values pasted from the reference script, 1/√2 among them.
#![allow(clippy::approx_constant)]

use crate::support;
use support::cli::{data, output as align, run_json as align_json, stderr};
use support::reference::{at, check, Exp};

use serde_json::Value;
use std::path::Path;

/// `align leaders` on the fixture with `outcomes` and extra arguments, as JSON.
fn fixture(outcomes: &str, extra: &[&str]) -> (Value, String) {
    let resp = data("leaders/responses.csv");
    let inst = data("leaders/instrument.json");
    let out = data(&format!("leaders/{outcomes}"));
    let mut args = vec![
        "leaders",
        resp.as_str(),
        "--instrument",
        inst.as_str(),
        "--outcomes",
        out.as_str(),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    align_json(&args)
}

/// The shape every case shares: the documented keys (docs/formats.md#leaders-json), every responding company once
/// (not `ghost`), no figure beyond the tables that is not checked.
fn check_shape(v: &Value, table: &[(&str, Exp)]) {
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["command"], "leaders");
    assert_eq!(v["scheme"], v["settings"]["scheme"]);
    assert_eq!(
        v["instrument"]["name"],
        "Field-team alignment pilot (7-point)"
    );
    assert_eq!(v["input"]["rows_read"], 79);
    assert_eq!(v["input"]["rows_scored"], 79);
    let companies = v["companies"].as_array().unwrap();
    assert_eq!(companies.len(), 18);
    assert!(companies.iter().all(|c| c["company_id"] != "ghost"));
    // Only dimension items, no perception item.
    let items: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        items,
        [
            "fit_icp",
            "fit_handoff",
            "fit_dumped",
            "cad_weekly",
            "cad_silos",
            "cad_feedback"
        ]
    );
    for (list, key) in [("dimensions", "dimension"), ("correlations", "dimension")] {
        let ids: Vec<&str> = v[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d[key].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["fit", "cadence"], "{list}");
    }
    // Every company of the table is checked (composite and tier), and the
    // unclassified list is exactly the table's.
    let n_unclassified = table
        .iter()
        .filter(|(p, _)| p.starts_with("unclassified["))
        .count();
    assert_eq!(v["unclassified"].as_array().unwrap().len(), n_unclassified);
    let n_company_tiers = table
        .iter()
        .filter(|(p, _)| p.starts_with("companies[") && p.ends_with("/tier"))
        .count();
    assert_eq!(n_company_tiers, 18);
}

#[test]
fn leaders_default_case_matches_scipy() {
    let (v, err) = fixture("outcomes.csv", expected::DEFAULT_ARGS);
    check_shape(&v, expected::DEFAULT);
    check(&v, expected::DEFAULT, "defaults");
    assert_eq!(v["settings"]["scheme"], "aberdeen");
    assert_eq!(v["settings"]["composite"], "z");
    assert_eq!(v["settings"]["weighting"], "respondent");
    // Companies in one source and not the other are reported.
    for frag in [
        "1 company in the responses is not in",
        ": mu;",
        "has no respondents in the responses and is left out: ghost",
        "1 company is unclassified",
        "the top-2-box lift is null for cad_feedback",
        "1 company has fewer than 3 respondents and is hidden: left out of company-level statistics and pooled figures (xi)",
    ] {
        assert!(err.contains(frag), "stderr lacks {frag:?}:\n{err}");
        assert!(
            v["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|w| w.as_str().unwrap().contains(frag)),
            "warnings lack {frag:?}"
        );
    }
    assert_eq!(
        v["unclassified"][0],
        serde_json::json!({"company_id": "omicron", "reason": "1 of 3 outcomes usable; at least 2 are needed"})
    );
}

#[test]
fn leaders_boundary_tie_is_broken_by_company_id() {
    let (v, _) = fixture("outcomes.csv", &[]);
    let get = |id: &str| {
        v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["company_id"] == id)
            .unwrap()
            .clone()
    };
    let (delta, pi) = (get("delta"), get("pi"));
    assert_eq!(delta["composite"], pi["composite"], "the fixture's tie");
    assert_eq!(delta["tier"], "leader");
    assert_eq!(pi["tier"], "average");
    // The tier list is best first: kappa, sigma, delta, then pi.
    let order: Vec<&str> = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .take(4)
        .map(|c| c["company_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["kappa", "sigma", "delta", "pi"]);
    // Hidden companies come last.
    assert_eq!(v["companies"][17]["company_id"], "xi");
}

#[test]
fn leaders_quantiles_rank_role_case_matches_scipy() {
    let (v, _) = fixture("outcomes.csv", expected::QUANTILES_RANK_ROLE_ARGS);
    check_shape(&v, expected::QUANTILES_RANK_ROLE);
    check(&v, expected::QUANTILES_RANK_ROLE, "quantiles, rank, role");
    assert_eq!(v["scheme"], "quantiles:0.25,0.5,0.25");
    assert_eq!(v["settings"]["composite"], "rank");
    assert_eq!(v["settings"]["weighting"], "role");
}

#[test]
fn leaders_median_case_matches_scipy() {
    let (v, _) = fixture("outcomes.csv", expected::MEDIAN_ANON1_ARGS);
    check_shape(&v, expected::MEDIAN_ANON1);
    check(&v, expected::MEDIAN_ANON1, "median, anonymity 1");
    assert_eq!(v["hidden"]["companies"], 0);
}

#[test]
fn leaders_all_above_median_case_matches_scipy() {
    let (v, _) = fixture("outcomes.csv", expected::ALL_ABOVE_MEDIAN_ARGS);
    check_shape(&v, expected::ALL_ABOVE_MEDIAN);
    check(&v, expected::ALL_ABOVE_MEDIAN, "all-above-median");
}

#[test]
fn leaders_cell_thresholds_case_matches_scipy() {
    // --anonymity 6: six companies shown (5 classified); the cell rules
    // null nu's cadence score (5 respondents with a cadence mean), every
    // company item value of fewer than 6 answers (pi's cad_weekly, nu's
    // cadence items, gamma's fit_icp, ...) and the leaders' top-2-box share
    // of cad_weekly (4 answers).
    let (v, _) = fixture("outcomes.csv", expected::ANON6_ARGS);
    check_shape(&v, expected::ANON6);
    check(&v, expected::ANON6, "anonymity 6");
    assert_eq!(v["hidden"]["companies"], 12);
}

#[test]
fn leaders_invalid_outcome_values_are_data_errors_with_line_and_column() {
    let resp = data("leaders/responses.csv");
    let inst = data("leaders/instrument.json");
    let bad = data("leaders/outcomes_invalid.csv");
    let o = align(&[
        "leaders",
        &resp,
        "--instrument",
        &inst,
        "--outcomes",
        &bad,
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    // "12%" on line 5 reads as 12, as spreadsheets write it (docs/formats.md#outcomes-file).
    assert!(err.contains("1 problem in the data"), "{err}");
    let frag =
        "outcomes_invalid.csv: line 10, column \"bookings_growth\": \"NaN\" is not a finite number";
    assert!(err.contains(frag), "stderr lacks {frag:?}:\n{err}");
}

#[test]
fn leaders_instrument_without_outcomes_is_a_usage_error() {
    let resp = data("seven1/responses.csv");
    let inst = data("seven1/instrument.json");
    let o = align(&["leaders", &resp, "--instrument", &inst]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("\"Seven-point climate pilot\" defines no outcomes"),
        "{err}"
    );
    // Also with an outcomes file.
    let out = data("leaders/outcomes.csv");
    let o = align(&["leaders", &resp, "--instrument", &inst, "--outcomes", &out]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("defines no outcomes"), "{}", stderr(&o));
}

#[test]
fn leaders_bad_scheme_is_a_usage_error() {
    let resp = data("leaders/responses.csv");
    for (scheme, frag) in [
        ("best", "unknown scheme \"best\""),
        ("quantiles:0.2,0.5,0.5", "add up to"),
    ] {
        let o = align(&["leaders", &resp, "--scheme", scheme]);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains(frag), "{}", stderr(&o));
    }
}

#[test]
fn leaders_no_classifiable_company_is_a_usage_error() {
    // Generated responses without outcome columns (they went to a separate
    // file that is not given).
    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("s.csv");
    let outcomes = dir.path().join("o.csv");
    let s = survey.to_str().unwrap();
    let oc = outcomes.to_str().unwrap();
    let g = align(&[
        "generate",
        "--companies",
        "8",
        "--seed",
        "5",
        "-o",
        s,
        "--outcomes",
        oc,
    ]);
    assert!(g.status.success(), "{}", stderr(&g));
    let o = align(&["leaders", s]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("no company can be classified")
            && err.contains("none of the 8 companies has any outcome value")
            && err.contains("--outcomes FILE"),
        "{err}"
    );
}

fn all_figures_null(v: &Value, keys: &[&str]) {
    for list in ["dimensions", "items"] {
        for e in v[list].as_array().unwrap() {
            for k in keys {
                let x = at(e, k).unwrap();
                assert!(x.is_null(), "{list} {}: {k} = {x}", e);
            }
        }
    }
}

#[test]
fn leaders_all_outcomes_tied_gives_null_comparisons_with_warnings() {
    let (v, err) = fixture("outcomes_tied.csv", &[]);
    // Every shown company is classified with the same composite; tiers by
    // id. The 17 shown companies (xi is hidden and has no tier) give
    // round(0.2·17) = 3 leaders and round(0.3·17) = 5 laggards.
    for c in v["companies"].as_array().unwrap() {
        if c["suppressed"] == false {
            assert_eq!(c["composite"].as_f64(), Some(0.0), "{c}");
        } else {
            assert!(c["composite"].is_null() && c["tier"].is_null(), "{c}");
        }
    }
    assert_eq!(v["tiers"]["leader"]["companies"], 3);
    assert_eq!(v["tiers"]["average"]["companies"], 9);
    assert_eq!(v["tiers"]["laggard"]["companies"], 5);
    all_figures_null(
        &v,
        &[
            "diff",
            "hedges_g",
            "hedges_g_ci95",
            "welch/t",
            "welch/df",
            "welch/p",
            "mann_whitney/u",
            "mann_whitney/p",
            "q",
        ],
    );
    for i in v["items"].as_array().unwrap() {
        assert!(i["lift"].is_null());
    }
    for c in v["correlations"].as_array().unwrap() {
        assert!(c["spearman_rho"].is_null() && c["p"].is_null(), "{c}");
    }
    for frag in [
        "no outcome varies across companies",
        "all 17 classified companies have the same outcome composite",
        "Spearman ρ of fit with the composite is null: the outcome composite does not vary",
    ] {
        assert!(err.contains(frag), "stderr lacks {frag:?}:\n{err}");
    }
    assert!(v["summary"][1]
        .as_str()
        .unwrap()
        .contains("cannot be told apart"));
    // Every format still renders.
    let resp = data("leaders/responses.csv");
    let inst = data("leaders/instrument.json");
    let out = data("leaders/outcomes_tied.csv");
    for f in ["table", "markdown", "csv"] {
        let o = align(&[
            "leaders",
            &resp,
            "--instrument",
            &inst,
            "--outcomes",
            &out,
            "--format",
            f,
            "-q",
        ]);
        assert!(o.status.success(), "{f}: {}", stderr(&o));
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(!text.contains("NaN") && !text.contains("inf"), "{f}");
    }
}

#[test]
fn leaders_a_single_leader_gives_null_tests_with_a_warning() {
    // quantiles:0.05,0.65,0.3 on the 16 classified shown companies:
    // round(0.8) = 1 leader, round(4.8) = 5 laggards.
    let (v, err) = fixture("outcomes.csv", &["--scheme", "quantiles:0.05,0.65,0.3"]);
    assert_eq!(v["tiers"]["leader"]["companies"], 1);
    all_figures_null(
        &v,
        &["hedges_g", "hedges_g_ci95", "welch/t", "welch/p", "q"],
    );
    // The leader's mean, the difference and Mann–Whitney are still defined.
    for e in v["items"].as_array().unwrap() {
        assert!(e["diff"].is_f64() && e["mann_whitney"]["u"].is_f64(), "{e}");
        assert!(e["leaders"]["sd"].is_null());
    }
    assert!(
        err.contains("Welch's t, Hedges' g and q are null for every dimension and item: 1 leader and 5 laggards were classified"),
        "{err}"
    );
}

/// A survey written here: one dimension with an item everybody answers 3
/// (zero variance) and one that varies; one outcome.
fn write_flat_survey(dir: &Path) -> (String, String) {
    let inst = r#"{"name":"Flat","version":"1","scale":{"min":1,"max":5},
      "columns":{"company":"co","respondent":"id"},
      "dimensions":[{"id":"d","label":"Dim"}],
      "items":[{"id":"same","column":"same","dimension":"d","text":"Everyone says 3."},
               {"id":"vary","column":"vary","dimension":"d","text":"It depends."}],
      "outcomes":[{"id":"x","column":"x","label":"X","direction":"higher_is_better","group":"g"}]}"#;
    let mut csv = String::from("id,co,same,vary,x\n");
    for c in 0..6 {
        for r in 0..3 {
            csv.push_str(&format!("r{c}{r},c{c},3,{},{}\n", 1 + (c + r) % 5, 10 * c));
        }
    }
    let i = dir.join("flat.json");
    let s = dir.join("flat.csv");
    std::fs::write(&i, inst).unwrap();
    std::fs::write(&s, csv).unwrap();
    (
        i.to_string_lossy().into_owned(),
        s.to_string_lossy().into_owned(),
    )
}

#[test]
fn leaders_zero_variance_gives_null_tests_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (inst, survey) = write_flat_survey(dir.path());
    let (v, err) = align_json(&[
        "leaders",
        &survey,
        "--instrument",
        &inst,
        "--scheme",
        "median",
        "--format",
        "json",
    ]);
    let same = &v["items"][0];
    assert_eq!(same["item"], "same");
    assert_eq!(same["leaders"]["sd"].as_f64(), Some(0.0));
    assert_eq!(same["diff"].as_f64(), Some(0.0));
    for k in ["hedges_g", "hedges_g_ci95", "q", "lift", "top2_leaders"] {
        if k == "top2_leaders" {
            assert_eq!(same[k].as_f64(), Some(0.0));
        } else {
            assert!(same[k].is_null(), "{k}: {}", same[k]);
        }
    }
    assert!(same["welch"]["t"].is_null() && same["welch"]["p"].is_null());
    assert_eq!(same["mann_whitney"]["u"].as_f64(), Some(4.5));
    assert!(same["mann_whitney"]["p"].is_null());
    let vary = &v["items"][1];
    assert!(vary["welch"]["p"].is_f64() && vary["q"].is_f64());
    for frag in [
        "Welch's t, Hedges' g or q are null for same: every company in both tiers has the same value (zero variance)",
        "the Mann–Whitney p is null for same: every value in both tiers is tied",
        "the top-2-box lift is null for same",
    ] {
        assert!(err.contains(frag), "stderr lacks {frag:?}:\n{err}");
    }
}

#[test]
fn leaders_anonymity_hides_small_companies_in_every_format() {
    let resp = data("leaders/responses.csv");
    let inst = data("leaders/instrument.json");
    let out = data("leaders/outcomes.csv");
    let run = |f: &str, anon: &str| -> String {
        let o = align(&[
            "leaders",
            &resp,
            "--instrument",
            &inst,
            "--outcomes",
            &out,
            "--format",
            f,
            "--anonymity",
            anon,
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        String::from_utf8(o.stdout).unwrap()
    };
    let v: Value = serde_json::from_str(&run("json", "3")).unwrap();
    let xi = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "xi")
        .unwrap();
    assert_eq!(
        *xi,
        serde_json::json!({"company_id": "xi", "n": 2, "suppressed": true, "composite": null, "tier": null})
    );
    assert_eq!(v["hidden"]["companies"], 1);

    let table = run("table", "3");
    let row = table.lines().find(|l| l.contains(" xi ")).unwrap();
    assert!(row.contains("hidden") && !row.contains('.'), "{row}");
    assert!(!row.contains("average") && !row.contains("leader") && !row.contains("laggard"));
    assert!(table.contains("hidden for anonymity"), "accounting line");

    let md = run("markdown", "3");
    let row = md.lines().find(|l| l.starts_with("| xi ")).unwrap();
    assert!(row.contains("hidden") && !row.contains('.'), "{row}");

    let csv = run("csv", "3");
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    let header = rdr.headers().unwrap().clone();
    let row = rdr
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[0] == "company" && &r[1] == "xi")
        .unwrap();
    for (h, cell) in header.iter().zip(row.iter()) {
        if !["section", "id", "n", "suppressed"].contains(&h) {
            assert_eq!(cell, "", "column {h} shows a figure for a hidden company");
        }
    }

    // Hidden, xi is in no tier: the tiers hold the 77 respondents of the 16
    // classified shown companies and omicron's 6 (unclassified), not xi's 2.
    let tier_respondents: i64 = ["leader", "average", "laggard"]
        .iter()
        .map(|t| v["tiers"][*t]["respondents"].as_i64().unwrap())
        .sum();
    assert_eq!(tier_respondents, 79 - 2 - 6);
    assert_eq!(v["tiers"]["unclassified"], 1, "omicron; xi is not counted");

    // With --anonymity 1, xi shows, takes a composite and a tier (average),
    // and enters the statistics: the average tier gains a company, while
    // the leaders and laggards (3 and 5 of 17 as of 16) are the same
    // companies with the same figures. The average tier also gains lambda's
    // cad_feedback value, which rests on 2 answers: null at --anonymity 3.
    let w: Value = serde_json::from_str(&run("json", "1")).unwrap();
    let xi = w["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == "xi")
        .unwrap();
    assert!(xi["composite"].is_f64() && xi["tier"] == "average", "{xi}");
    assert_eq!(
        w["tiers"]["average"]["companies"].as_i64().unwrap(),
        v["tiers"]["average"]["companies"].as_i64().unwrap() + 1
    );
    for list in ["dimensions", "items"] {
        let (a, b) = (w[list].as_array().unwrap(), v[list].as_array().unwrap());
        for (x, y) in a.iter().zip(b) {
            assert_eq!(x["leaders"], y["leaders"], "{list}");
            assert_eq!(x["laggards"], y["laggards"], "{list}");
            assert_eq!(x["welch"], y["welch"], "{list}");
            let lambda = i64::from(x["item"] == "cad_feedback");
            assert_eq!(
                x["average"]["n"].as_i64().unwrap(),
                y["average"]["n"].as_i64().unwrap() + 1 + lambda,
                "{list}: xi enters the average tier"
            );
        }
    }
    // xi's composite moves the others' (it is in the z-scores at --anonymity 1).
    assert_ne!(w["median_composite"], v["median_composite"]);
}

#[test]
fn leaders_every_company_hidden_is_a_usage_error() {
    // Hidden companies enter no tier, so every tier is a union of shown
    // companies and holds at least --anonymity respondents. At --anonymity 13
    // every company (3 to 6 respondents) is hidden: nothing can be
    // classified, and nothing is printed.
    let resp = data("leaders/responses.csv");
    let inst = data("leaders/instrument.json");
    let out = data("leaders/outcomes.csv");
    let o = align(&[
        "leaders",
        &resp,
        "--instrument",
        &inst,
        "--outcomes",
        &out,
        "--format",
        "json",
        "--anonymity",
        "13",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(
        err.contains("no company can be classified") && err.contains("fewer than 13 respondents"),
        "{err}"
    );
}

#[test]
fn leaders_at_a_higher_threshold_tiers_hold_only_large_companies() {
    // --anonymity 6: only the six companies of 6 respondents are shown
    // (gamma, eta, theta, nu, pi, omicron; omicron is unclassified), so 5
    // are classified among themselves: round(0.2·5) = 1 leader,
    // round(0.3·5) = round(1.5) = 2 laggards; every tier has at least 6
    // respondents and shows its figures.
    let (v, err) = fixture("outcomes.csv", &["--anonymity", "6"]);
    assert_eq!(v["tiers"]["leader"]["companies"], 1);
    assert_eq!(v["tiers"]["average"]["companies"], 2);
    assert_eq!(v["tiers"]["laggard"]["companies"], 2);
    assert_eq!(v["tiers"]["unclassified"], 1);
    for t in ["leader", "average", "laggard"] {
        assert_eq!(
            v["tiers"][t]["respondents"].as_i64().unwrap(),
            6 * v["tiers"][t]["companies"].as_i64().unwrap()
        );
    }
    // Every tier has at least 6 respondents, so it shows its figures, but
    // cells of fewer than 6 answers do not: pi, the single leader, has 4
    // answers to cad_weekly, so its item value and the leaders' top-2-box
    // share of that item are null (and so are the diff and the lift).
    for e in v["items"].as_array().unwrap() {
        assert!(e["top2_laggards"].is_f64(), "{e}");
        if e["item"] == "cad_weekly" {
            assert_eq!(e["answered_leaders"], 4);
            assert_eq!(e["leaders"]["n"], 0);
            assert!(
                e["leaders"]["mean"].is_null() && e["top2_leaders"].is_null(),
                "{e}"
            );
            assert!(e["diff"].is_null() && e["lift"].is_null(), "{e}");
        } else {
            assert!(
                e["leaders"]["mean"].is_f64() && e["top2_leaders"].is_f64(),
                "{e}"
            );
        }
    }
    // nu's cadence score rests on the 5 of its 6 respondents with a cadence
    // mean: null, and left out of the correlation.
    assert_eq!(by_dim(&v, "correlations", "cadence")["n"], 4);
    assert_eq!(by_dim(&v, "correlations", "fit")["n"], 5);
    let hidden: Vec<&str> = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["suppressed"] == true)
        .map(|c| c["company_id"].as_str().unwrap())
        .collect();
    assert_eq!(hidden.len(), 12);
    assert!(
        err.contains("12 companies have fewer than 6 respondents and are hidden: left out of company-level statistics and pooled figures (alpha, beta, delta, epsilon, iota, … (12 in all))"),
        "{err}"
    );
}

/// Generated survey, default instrument, outcomes in a separate file.
fn generated(dir: &Path) -> (String, String) {
    let survey = dir.join("survey.csv");
    let outcomes = dir.join("outcomes.csv");
    let (s, o) = (
        survey.to_string_lossy().into_owned(),
        outcomes.to_string_lossy().into_owned(),
    );
    let g = align(&[
        "generate",
        "--companies",
        "200",
        "--seed",
        "11",
        "-o",
        &s,
        "--outcomes",
        &o,
    ]);
    assert!(g.status.success(), "{}", stderr(&g));
    (s, o)
}

fn by_dim<'a>(v: &'a Value, list: &str, dim: &str) -> &'a Value {
    v[list]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["dimension"] == dim)
        .unwrap()
}

#[test]
fn leaders_end_to_end_leaders_score_higher_on_every_dimension() {
    // src/generate.rs: every outcome follows the latent company alignment,
    // so leaders must score higher on every dimension and item.
    let dir = tempfile::tempdir().unwrap();
    let (s, o) = generated(dir.path());
    let (v, _) = align_json(&["leaders", &s, "--outcomes", &o, "--format", "json"]);
    assert_eq!(v["tiers"]["leader"]["companies"], 40);
    assert_eq!(v["tiers"]["laggard"]["companies"], 60);
    for d in ["shared_understanding", "interdependence", "collaboration"] {
        let x = by_dim(&v, "dimensions", d);
        assert!(x["diff"].as_f64().unwrap() > 10.0, "{d}: {x}");
        assert!(x["hedges_g"].as_f64().unwrap() > 0.8, "{d}: {x}");
        assert!(x["hedges_g_ci95"][0].as_f64().unwrap() > 0.0, "{d}: {x}");
        assert!(x["q"].as_f64().unwrap() < 0.001, "{d}: {x}");
        assert!(x["mann_whitney"]["p"].as_f64().unwrap() < 0.001, "{d}: {x}");
        let c = by_dim(&v, "correlations", d);
        assert!(c["spearman_rho"].as_f64().unwrap() > 0.3, "{d}: {c}");
        assert!(c["p"].as_f64().unwrap() < 0.001, "{d}: {c}");
    }
    for it in v["items"].as_array().unwrap() {
        assert!(it["diff"].as_f64().unwrap() > 0.0, "{it}");
        assert!(it["q"].as_f64().unwrap() < 0.05, "{it}");
    }
    // The first dimension sentence follows the classification and the
    // outcomes by tier.
    let s0 = v["summary"][2].as_str().unwrap();
    assert!(
        s0.contains("Leaders score") && s0.contains("higher"),
        "{s0}"
    );
}

#[test]
fn leaders_end_to_end_the_planted_driver_is_found() {
    // src/generate.rs: lead_quality_growth_3y is driven mostly by shared
    // understanding (signal = 0.4·a + 0.9·d_su). Classify by that outcome
    // alone: shared understanding must stand out from the other dimensions.
    let dir = tempfile::tempdir().unwrap();
    let (s, o) = generated(dir.path());
    let inst_path = dir.path().join("default.json");
    let i = inst_path.to_string_lossy().into_owned();
    assert!(align(&["instrument", "--init", &i]).status.success());
    let mut inst: Value =
        serde_json::from_str(&std::fs::read_to_string(&inst_path).unwrap()).unwrap();
    let keep: Vec<Value> = inst["outcomes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["id"] == "lead_quality_growth_3y")
        .cloned()
        .collect();
    inst["outcomes"] = Value::Array(keep);
    std::fs::write(&inst_path, inst.to_string()).unwrap();
    let (v, _) = align_json(&[
        "leaders",
        &s,
        "--outcomes",
        &o,
        "--instrument",
        &i,
        "--format",
        "json",
        "-q",
    ]);
    let rho = |d: &str| {
        by_dim(&v, "correlations", d)["spearman_rho"]
            .as_f64()
            .unwrap()
    };
    let g = |d: &str| by_dim(&v, "dimensions", d)["hedges_g"].as_f64().unwrap();
    for other in ["interdependence", "collaboration"] {
        assert!(rho("shared_understanding") > rho(other) + 0.15, "ρ: {v}");
        assert!(g("shared_understanding") > g(other) + 0.5, "g");
    }
    assert!(
        by_dim(&v, "dimensions", "shared_understanding")["q"]
            .as_f64()
            .unwrap()
            < 0.001
    );
    // The practices that distinguish leaders most are shared-understanding ones.
    let mut items: Vec<(f64, String)> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["hedges_g"].as_f64().unwrap(),
                i["dimension"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0));
    let top5 = items
        .iter()
        .take(5)
        .filter(|i| i.1 == "shared_understanding")
        .count();
    assert!(top5 >= 4, "{items:?}");
    assert!(
        v["summary"][2]
            .as_str()
            .unwrap()
            .contains("higher on shared understanding"),
        "the summary leads with the driver: {}",
        v["summary"][2]
    );
}

/// Expectations from `python3 tests/reference/leaders_reference.py --rust`.
#[rustfmt::skip]
mod expected {
    use super::Exp::{self, *};

    /// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv --format json`
    pub const DEFAULT_ARGS: &[&str] = &[];
    pub const DEFAULT: &[(&str, Exp)] = &[
        ("tiers/leader/companies", Int(3)),
        ("tiers/leader/respondents", Int(12)),
        ("tiers/average/companies", Int(8)),
        ("tiers/average/respondents", Int(37)),
        ("tiers/laggard/companies", Int(5)),
        ("tiers/laggard/respondents", Int(22)),
        ("tiers/unclassified", Int(1)),
        ("median_composite", Num(0.18318382596983088)),
        ("dimensions[fit]/leaders/n", Int(3)),
        ("dimensions[fit]/leaders/mean", Num(80.70987654320989)),
        ("dimensions[fit]/leaders/sd", Num(6.2170484810134825)),
        ("dimensions[fit]/laggards/n", Int(5)),
        ("dimensions[fit]/laggards/mean", Num(48.70370370370371)),
        ("dimensions[fit]/laggards/sd", Num(7.2789792618642775)),
        ("dimensions[fit]/average/n", Int(8)),
        ("dimensions[fit]/average/mean", Num(58.95833333333333)),
        ("dimensions[fit]/average/sd", Num(14.689512263078747)),
        ("dimensions[fit]/diff", Num(32.00617283950618)),
        ("dimensions[fit]/hedges_g", Num(4.008521353504728)),
        ("dimensions[fit]/hedges_g_ci95/0", Num(1.5781671598649383)),
        ("dimensions[fit]/hedges_g_ci95/1", Num(6.438875547144518)),
        ("dimensions[fit]/welch/t", Num(6.605095541401274)),
        ("dimensions[fit]/welch/df", Num(4.96388782666091)),
        ("dimensions[fit]/welch/p", Num(0.001229856696830536)),
        ("dimensions[fit]/mann_whitney/u", Num(15.0)),
        ("dimensions[fit]/mann_whitney/p", Num(0.03688842570704987)),
        ("dimensions[fit]/q", Num(0.002459713393661072)),
        ("dimensions[cadence]/leaders/n", Int(3)),
        ("dimensions[cadence]/leaders/mean", Num(69.75308641975307)),
        ("dimensions[cadence]/leaders/sd", Num(13.899173147157654)),
        ("dimensions[cadence]/laggards/n", Int(5)),
        ("dimensions[cadence]/laggards/mean", Num(41.851851851851855)),
        ("dimensions[cadence]/laggards/sd", Num(9.851434132052137)),
        ("dimensions[cadence]/average/n", Int(8)),
        ("dimensions[cadence]/average/mean", Num(51.394675925925924)),
        ("dimensions[cadence]/average/sd", Num(14.937620093571356)),
        ("dimensions[cadence]/diff", Num(27.90123456790122)),
        ("dimensions[cadence]/hedges_g", Num(2.135349136044054)),
        ("dimensions[cadence]/hedges_g_ci95/0", Num(0.3623500949912546)),
        ("dimensions[cadence]/hedges_g_ci95/1", Num(3.9083481770968533)),
        ("dimensions[cadence]/welch/t", Num(3.0477990156313695)),
        ("dimensions[cadence]/welch/df", Num(3.2401961176688063)),
        ("dimensions[cadence]/welch/p", Num(0.05022052959664225)),
        ("dimensions[cadence]/mann_whitney/u", Num(14.0)),
        ("dimensions[cadence]/mann_whitney/p", Num(0.07192408201305016)),
        ("dimensions[cadence]/q", Num(0.05022052959664225)),
        ("items[fit_icp]/leaders/n", Int(3)),
        ("items[fit_icp]/leaders/mean", Num(5.861111111111111)),
        ("items[fit_icp]/leaders/sd", Num(0.4276334532872402)),
        ("items[fit_icp]/laggards/n", Int(5)),
        ("items[fit_icp]/laggards/mean", Num(3.9333333333333327)),
        ("items[fit_icp]/laggards/sd", Num(0.7870479302078396)),
        ("items[fit_icp]/average/n", Int(8)),
        ("items[fit_icp]/average/mean", Num(4.402083333333334)),
        ("items[fit_icp]/average/sd", Num(0.9557859518293235)),
        ("items[fit_icp]/diff", Num(1.927777777777778)),
        ("items[fit_icp]/hedges_g", Num(2.435043500688796)),
        ("items[fit_icp]/hedges_g_ci95/0", Num(0.5716102430064594)),
        ("items[fit_icp]/hedges_g_ci95/1", Num(4.298476758371133)),
        ("items[fit_icp]/welch/t", Num(4.483862830281658)),
        ("items[fit_icp]/welch/df", Num(5.999657431220912)),
        ("items[fit_icp]/welch/p", Num(0.004175728922781042)),
        ("items[fit_icp]/mann_whitney/u", Num(15.0)),
        ("items[fit_icp]/mann_whitney/p", Num(0.03466118588750728)),
        ("items[fit_icp]/q", Num(0.013257126482877092)),
        ("items[fit_icp]/text", Str("We target the same accounts.")),
        ("items[fit_icp]/top2_leaders", Num(63.63636363636363)),
        ("items[fit_icp]/top2_laggards", Num(4.545454545454546)),
        ("items[fit_icp]/lift", Num(13.999999999999998)),
        ("items[fit_icp]/answered_leaders", Int(11)),
        ("items[fit_icp]/answered_laggards", Int(22)),
        ("items[fit_handoff]/leaders/n", Int(3)),
        ("items[fit_handoff]/leaders/mean", Num(5.683333333333334)),
        ("items[fit_handoff]/leaders/sd", Num(0.3883726732577014)),
        ("items[fit_handoff]/laggards/n", Int(5)),
        ("items[fit_handoff]/laggards/mean", Num(3.766666666666667)),
        ("items[fit_handoff]/laggards/sd", Num(0.25276251480171835)),
        ("items[fit_handoff]/average/n", Int(8)),
        ("items[fit_handoff]/average/mean", Num(4.783333333333333)),
        ("items[fit_handoff]/average/sd", Num(1.0294088301945636)),
        ("items[fit_handoff]/diff", Num(1.9166666666666665)),
        ("items[fit_handoff]/hedges_g", Num(5.469028176232293)),
        ("items[fit_handoff]/hedges_g_ci95/0", Num(2.4309416482736124)),
        ("items[fit_handoff]/hedges_g_ci95/1", Num(8.507114704190975)),
        ("items[fit_handoff]/welch/t", Num(7.632818083399677)),
        ("items[fit_handoff]/welch/df", Num(3.047340252520773)),
        ("items[fit_handoff]/welch/p", Num(0.004419042160959031)),
        ("items[fit_handoff]/mann_whitney/u", Num(15.0)),
        ("items[fit_handoff]/mann_whitney/p", Num(0.03466118588750728)),
        ("items[fit_handoff]/q", Num(0.013257126482877092)),
        ("items[fit_handoff]/text", Str("Hand-off rules are written down and followed.")),
        ("items[fit_handoff]/top2_leaders", Num(58.333333333333336)),
        ("items[fit_handoff]/top2_laggards", Num(4.545454545454546)),
        ("items[fit_handoff]/lift", Num(12.833333333333332)),
        ("items[fit_handoff]/answered_leaders", Int(12)),
        ("items[fit_handoff]/answered_laggards", Int(22)),
        ("items[fit_dumped]/leaders/n", Int(3)),
        ("items[fit_dumped]/leaders/mean", Num(6.0)),
        ("items[fit_dumped]/leaders/sd", Num(0.75)),
        ("items[fit_dumped]/laggards/n", Int(5)),
        ("items[fit_dumped]/laggards/mean", Num(4.066666666666667)),
        ("items[fit_dumped]/laggards/sd", Num(0.5845225972250062)),
        ("items[fit_dumped]/average/n", Int(8)),
        ("items[fit_dumped]/average/mean", Num(4.397916666666666)),
        ("items[fit_dumped]/average/sd", Num(0.7649275046052321)),
        ("items[fit_dumped]/diff", Num(1.9333333333333327)),
        ("items[fit_dumped]/hedges_g", Num(2.608792591868569)),
        ("items[fit_dumped]/hedges_g_ci95/0", Num(0.689732854866181)),
        ("items[fit_dumped]/hedges_g_ci95/1", Num(4.527852328870957)),
        ("items[fit_dumped]/welch/t", Num(3.822329956649831)),
        ("items[fit_dumped]/welch/df", Num(3.4915442606553433)),
        ("items[fit_dumped]/welch/p", Num(0.024038415945579625)),
        ("items[fit_dumped]/mann_whitney/u", Num(15.0)),
        ("items[fit_dumped]/mann_whitney/p", Num(0.035770082232490764)),
        ("items[fit_dumped]/q", Num(0.03605762391836944)),
        ("items[fit_dumped]/text", Str("Leads are dumped on sales without context.")),
        ("items[fit_dumped]/top2_leaders", Num(0.0)),
        ("items[fit_dumped]/top2_laggards", Num(18.181818181818183)),
        ("items[fit_dumped]/lift", Num(0.0)),
        ("items[fit_dumped]/answered_leaders", Int(11)),
        ("items[fit_dumped]/answered_laggards", Int(22)),
        ("items[cad_weekly]/leaders/n", Int(3)),
        ("items[cad_weekly]/leaders/mean", Num(5.194444444444444)),
        ("items[cad_weekly]/leaders/sd", Num(0.8832285053102581)),
        ("items[cad_weekly]/laggards/n", Int(5)),
        ("items[cad_weekly]/laggards/mean", Num(3.75)),
        ("items[cad_weekly]/laggards/sd", Num(1.0507933510765408)),
        ("items[cad_weekly]/average/n", Int(8)),
        ("items[cad_weekly]/average/mean", Num(4.21875)),
        ("items[cad_weekly]/average/sd", Num(1.4631298670782806)),
        ("items[cad_weekly]/diff", Num(1.4444444444444438)),
        ("items[cad_weekly]/hedges_g", Num(1.258468594763112)),
        ("items[cad_weekly]/hedges_g_ci95/0", Num(-0.3000630239407738)),
        ("items[cad_weekly]/hedges_g_ci95/1", Num(2.817000213466998)),
        ("items[cad_weekly]/welch/t", Num(2.083001685198346)),
        ("items[cad_weekly]/welch/df", Num(5.026762018277782)),
        ("items[cad_weekly]/welch/p", Num(0.091413752872884)),
        ("items[cad_weekly]/mann_whitney/u", Num(13.5)),
        ("items[cad_weekly]/mann_whitney/p", Num(0.09901826280516923)),
        ("items[cad_weekly]/q", Num(0.091413752872884)),
        ("items[cad_weekly]/text", Str("We meet every week to review the pipeline.")),
        ("items[cad_weekly]/top2_leaders", Num(33.333333333333336)),
        ("items[cad_weekly]/top2_laggards", Num(13.636363636363637)),
        ("items[cad_weekly]/lift", Num(2.4444444444444446)),
        ("items[cad_weekly]/answered_leaders", Int(12)),
        ("items[cad_weekly]/answered_laggards", Int(22)),
        ("items[cad_silos]/leaders/n", Int(3)),
        ("items[cad_silos]/leaders/mean", Num(5.355555555555555)),
        ("items[cad_silos]/leaders/sd", Num(1.033512529265199)),
        ("items[cad_silos]/laggards/n", Int(5)),
        ("items[cad_silos]/laggards/mean", Num(3.25)),
        ("items[cad_silos]/laggards/sd", Num(0.6508541396588877)),
        ("items[cad_silos]/average/n", Int(8)),
        ("items[cad_silos]/average/mean", Num(3.96875)),
        ("items[cad_silos]/average/sd", Num(1.0115380988360376)),
        ("items[cad_silos]/diff", Num(2.105555555555555)),
        ("items[cad_silos]/hedges_g", Num(2.2914116111512843)),
        ("items[cad_silos]/hedges_g_ci95/0", Num(0.4722379289073513)),
        ("items[cad_silos]/hedges_g_ci95/1", Num(4.110585293395218)),
        ("items[cad_silos]/welch/t", Num(3.1714648354406827)),
        ("items[cad_silos]/welch/df", Num(2.9806608314142737)),
        ("items[cad_silos]/welch/p", Num(0.05087425207417646)),
        ("items[cad_silos]/mann_whitney/u", Num(14.5)),
        ("items[cad_silos]/mann_whitney/p", Num(0.05122800300616064)),
        ("items[cad_silos]/q", Num(0.06104910248901175)),
        ("items[cad_silos]/text", Str("Each team plans its quarter alone.")),
        ("items[cad_silos]/top2_leaders", Num(0.0)),
        ("items[cad_silos]/top2_laggards", Num(27.272727272727273)),
        ("items[cad_silos]/lift", Num(0.0)),
        ("items[cad_silos]/answered_leaders", Int(11)),
        ("items[cad_silos]/answered_laggards", Int(22)),
        ("items[cad_feedback]/leaders/n", Int(3)),
        ("items[cad_feedback]/leaders/mean", Num(5.088888888888889)),
        ("items[cad_feedback]/leaders/sd", Num(0.47297325897317216)),
        ("items[cad_feedback]/laggards/n", Int(5)),
        ("items[cad_feedback]/laggards/mean", Num(3.5333333333333328)),
        ("items[cad_feedback]/laggards/sd", Num(0.5577733510227171)),
        ("items[cad_feedback]/average/n", Int(7)),
        ("items[cad_feedback]/average/mean", Num(4.004761904761905)),
        ("items[cad_feedback]/average/sd", Num(0.9056261536410762)),
        ("items[cad_feedback]/diff", Num(1.5555555555555558)),
        ("items[cad_feedback]/hedges_g", Num(2.5473120236789666)),
        ("items[cad_feedback]/hedges_g_ci95/0", Num(0.6481855630822724)),
        ("items[cad_feedback]/hedges_g_ci95/1", Num(4.446438484275661)),
        ("items[cad_feedback]/welch/t", Num(4.20589237688277)),
        ("items[cad_feedback]/welch/df", Num(4.9922899248511685)),
        ("items[cad_feedback]/welch/p", Num(0.008470005049793476)),
        ("items[cad_feedback]/mann_whitney/u", Num(15.0)),
        ("items[cad_feedback]/mann_whitney/p", Num(0.035770082232490764)),
        ("items[cad_feedback]/q", Num(0.01694001009958695)),
        ("items[cad_feedback]/text", Str("Sales tells marketing which campaigns produced deals.")),
        ("items[cad_feedback]/top2_leaders", Num(45.45454545454545)),
        ("items[cad_feedback]/top2_laggards", Num(0.0)),
        ("items[cad_feedback]/lift", Null),
        ("items[cad_feedback]/answered_leaders", Int(11)),
        ("items[cad_feedback]/answered_laggards", Int(22)),
        ("correlations[fit]/n", Int(16)),
        ("correlations[fit]/spearman_rho", Num(0.7209131075110456)),
        ("correlations[fit]/p", Num(0.0016264630296657968)),
        ("correlations[cadence]/n", Int(16)),
        ("correlations[cadence]/spearman_rho", Num(0.6893005824302078)),
        ("correlations[cadence]/p", Num(0.0031380440035765774)),
        ("companies[beta]/n", Int(3)),
        ("companies[beta]/suppressed", Bool(false)),
        ("companies[beta]/composite", Num(-0.8399222644509384)),
        ("companies[beta]/tier", Str("laggard")),
        ("companies[pi]/n", Int(6)),
        ("companies[pi]/suppressed", Bool(false)),
        ("companies[pi]/composite", Num(0.7474065150604182)),
        ("companies[pi]/tier", Str("average")),
        ("companies[iota]/n", Int(4)),
        ("companies[iota]/suppressed", Bool(false)),
        ("companies[iota]/composite", Num(0.21317476937887078)),
        ("companies[iota]/tier", Str("average")),
        ("companies[kappa]/n", Int(3)),
        ("companies[kappa]/suppressed", Bool(false)),
        ("companies[kappa]/composite", Num(1.2932619834343624)),
        ("companies[kappa]/tier", Str("leader")),
        ("companies[sigma]/n", Int(5)),
        ("companies[sigma]/suppressed", Bool(false)),
        ("companies[sigma]/composite", Num(1.015834042670197)),
        ("companies[sigma]/tier", Str("leader")),
        ("companies[omicron]/n", Int(6)),
        ("companies[omicron]/suppressed", Bool(false)),
        ("companies[omicron]/composite", Null),
        ("companies[omicron]/tier", Null),
        ("companies[rho]/n", Int(3)),
        ("companies[rho]/suppressed", Bool(false)),
        ("companies[rho]/composite", Num(-0.6407272083940474)),
        ("companies[rho]/tier", Str("laggard")),
        ("companies[theta]/n", Int(6)),
        ("companies[theta]/suppressed", Bool(false)),
        ("companies[theta]/composite", Num(-1.0771077040599806)),
        ("companies[theta]/tier", Str("laggard")),
        ("companies[xi]/n", Int(2)),
        ("companies[xi]/suppressed", Bool(true)),
        ("companies[xi]/composite", Null),
        ("companies[xi]/tier", Null),
        ("companies[epsilon]/n", Int(5)),
        ("companies[epsilon]/suppressed", Bool(false)),
        ("companies[epsilon]/composite", Num(-0.2936055839448836)),
        ("companies[epsilon]/tier", Str("average")),
        ("companies[delta]/n", Int(4)),
        ("companies[delta]/suppressed", Bool(false)),
        ("companies[delta]/composite", Num(0.7474065150604182)),
        ("companies[delta]/tier", Str("leader")),
        ("companies[eta]/n", Int(6)),
        ("companies[eta]/suppressed", Bool(false)),
        ("companies[eta]/composite", Num(-1.006918886953848)),
        ("companies[eta]/tier", Str("laggard")),
        ("companies[lambda]/n", Int(3)),
        ("companies[lambda]/suppressed", Bool(false)),
        ("companies[lambda]/composite", Num(0.6055678068194417)),
        ("companies[lambda]/tier", Str("average")),
        ("companies[gamma]/n", Int(6)),
        ("companies[gamma]/suppressed", Bool(false)),
        ("companies[gamma]/composite", Num(0.15319288256079097)),
        ("companies[gamma]/tier", Str("average")),
        ("companies[alpha]/n", Int(4)),
        ("companies[alpha]/suppressed", Bool(false)),
        ("companies[alpha]/composite", Num(0.4411849060350153)),
        ("companies[alpha]/tier", Str("average")),
        ("companies[nu]/n", Int(6)),
        ("companies[nu]/suppressed", Bool(false)),
        ("companies[nu]/composite", Num(-0.5238855641295239)),
        ("companies[nu]/tier", Str("average")),
        ("companies[mu]/n", Int(3)),
        ("companies[mu]/suppressed", Bool(false)),
        ("companies[mu]/composite", Num(0.6906318859264866)),
        ("companies[mu]/tier", Str("average")),
        ("companies[zeta]/n", Int(4)),
        ("companies[zeta]/suppressed", Bool(false)),
        ("companies[zeta]/composite", Num(-1.1548070823635936)),
        ("companies[zeta]/tier", Str("laggard")),
        ("unclassified[omicron]/reason", Str("1 of 3 outcomes usable; at least 2 are needed")),
    ];

    /// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv --scheme quantiles:0.25,0.5,0.25 --composite rank --weighting role --format json`
    pub const QUANTILES_RANK_ROLE_ARGS: &[&str] = &["--scheme", "quantiles:0.25,0.5,0.25", "--composite", "rank", "--weighting", "role"];
    pub const QUANTILES_RANK_ROLE: &[(&str, Exp)] = &[
        ("tiers/leader/companies", Int(4)),
        ("tiers/leader/respondents", Int(18)),
        ("tiers/average/companies", Int(8)),
        ("tiers/average/respondents", Int(34)),
        ("tiers/laggard/companies", Int(4)),
        ("tiers/laggard/respondents", Int(19)),
        ("tiers/unclassified", Int(1)),
        ("median_composite", Num(56.70955882352941)),
        ("dimensions[fit]/leaders/n", Int(4)),
        ("dimensions[fit]/leaders/mean", Num(75.69444444444444)),
        ("dimensions[fit]/leaders/sd", Num(11.069236938536601)),
        ("dimensions[fit]/laggards/n", Int(4)),
        ("dimensions[fit]/laggards/mean", Num(44.72222222222222)),
        ("dimensions[fit]/laggards/sd", Num(5.560183257778676)),
        ("dimensions[fit]/average/n", Int(8)),
        ("dimensions[fit]/average/mean", Num(59.43672839506173)),
        ("dimensions[fit]/average/sd", Num(14.606493418614358)),
        ("dimensions[fit]/diff", Num(30.97222222222222)),
        ("dimensions[fit]/hedges_g", Num(3.0747872525912583)),
        ("dimensions[fit]/hedges_g_ci95/0", Num(1.0276850529971577)),
        ("dimensions[fit]/hedges_g_ci95/1", Num(5.121889452185359)),
        ("dimensions[fit]/welch/t", Num(5.000666709130436)),
        ("dimensions[fit]/welch/df", Num(4.423279278698662)),
        ("dimensions[fit]/welch/p", Num(0.005733164507143403)),
        ("dimensions[fit]/mann_whitney/u", Num(16.0)),
        ("dimensions[fit]/mann_whitney/p", Num(0.03038282197657749)),
        ("dimensions[fit]/q", Num(0.010500155659670196)),
        ("dimensions[cadence]/leaders/n", Int(4)),
        ("dimensions[cadence]/leaders/mean", Num(67.53472222222223)),
        ("dimensions[cadence]/leaders/sd", Num(13.917633577788232)),
        ("dimensions[cadence]/laggards/n", Int(4)),
        ("dimensions[cadence]/laggards/mean", Num(34.0625)),
        ("dimensions[cadence]/laggards/sd", Num(6.568896304749485)),
        ("dimensions[cadence]/average/n", Int(8)),
        ("dimensions[cadence]/average/mean", Num(51.20949074074074)),
        ("dimensions[cadence]/average/sd", Num(13.695980357451418)),
        ("dimensions[cadence]/diff", Num(33.47222222222223)),
        ("dimensions[cadence]/hedges_g", Num(2.674632779032331)),
        ("dimensions[cadence]/hedges_g_ci95/0", Num(0.7672103886746982)),
        ("dimensions[cadence]/hedges_g_ci95/1", Num(4.582055169389964)),
        ("dimensions[cadence]/welch/t", Num(4.349877243046438)),
        ("dimensions[cadence]/welch/df", Num(4.273417298055083)),
        ("dimensions[cadence]/welch/p", Num(0.010500155659670196)),
        ("dimensions[cadence]/mann_whitney/u", Num(16.0)),
        ("dimensions[cadence]/mann_whitney/p", Num(0.03038282197657749)),
        ("dimensions[cadence]/q", Num(0.010500155659670196)),
        ("items[fit_icp]/leaders/n", Int(4)),
        ("items[fit_icp]/leaders/mean", Num(5.3125)),
        ("items[fit_icp]/leaders/sd", Num(1.1514383114979219)),
        ("items[fit_icp]/laggards/n", Int(4)),
        ("items[fit_icp]/laggards/mean", Num(3.583333333333333)),
        ("items[fit_icp]/laggards/sd", Num(0.09622504486493755)),
        ("items[fit_icp]/average/n", Int(8)),
        ("items[fit_icp]/average/mean", Num(4.610416666666666)),
        ("items[fit_icp]/average/sd", Num(0.9542277480969077)),
        ("items[fit_icp]/diff", Num(1.729166666666667)),
        ("items[fit_icp]/hedges_g", Num(1.8403570291667204)),
        ("items[fit_icp]/hedges_g_ci95/0", Num(0.18690682569401806)),
        ("items[fit_icp]/hedges_g_ci95/1", Num(3.4938072326394227)),
        ("items[fit_icp]/welch/t", Num(2.993056550794669)),
        ("items[fit_icp]/welch/df", Num(3.0419010553946446)),
        ("items[fit_icp]/welch/p", Num(0.05697872497888417)),
        ("items[fit_icp]/mann_whitney/u", Num(15.0)),
        ("items[fit_icp]/mann_whitney/p", Num(0.053007869101961216)),
        ("items[fit_icp]/q", Num(0.05697872497888417)),
        ("items[fit_icp]/text", Str("We target the same accounts.")),
        ("items[fit_icp]/top2_leaders", Num(47.05882352941177)),
        ("items[fit_icp]/top2_laggards", Num(0.0)),
        ("items[fit_icp]/lift", Null),
        ("items[fit_icp]/answered_leaders", Int(17)),
        ("items[fit_icp]/answered_laggards", Int(19)),
        ("items[fit_handoff]/leaders/n", Int(4)),
        ("items[fit_handoff]/leaders/mean", Num(5.679166666666667)),
        ("items[fit_handoff]/leaders/sd", Num(0.317214438511238)),
        ("items[fit_handoff]/laggards/n", Int(4)),
        ("items[fit_handoff]/laggards/mean", Num(3.7083333333333335)),
        ("items[fit_handoff]/laggards/sd", Num(0.25)),
        ("items[fit_handoff]/average/n", Int(8)),
        ("items[fit_handoff]/average/mean", Num(4.575)),
        ("items[fit_handoff]/average/sd", Num(0.9931111928026193)),
        ("items[fit_handoff]/diff", Num(1.9708333333333337)),
        ("items[fit_handoff]/hedges_g", Num(6.000767414748675)),
        ("items[fit_handoff]/hedges_g_ci95/0", Num(2.750194712528156)),
        ("items[fit_handoff]/hedges_g_ci95/1", Num(9.251340116969194)),
        ("items[fit_handoff]/welch/t", Num(9.759321661971727)),
        ("items[fit_handoff]/welch/df", Num(5.689234709501406)),
        ("items[fit_handoff]/welch/p", Num(9.158430842885236e-05)),
        ("items[fit_handoff]/mann_whitney/u", Num(16.0)),
        ("items[fit_handoff]/mann_whitney/p", Num(0.029401048190339642)),
        ("items[fit_handoff]/q", Num(0.0005495058505731142)),
        ("items[fit_handoff]/text", Str("Hand-off rules are written down and followed.")),
        ("items[fit_handoff]/top2_leaders", Num(61.111111111111114)),
        ("items[fit_handoff]/top2_laggards", Num(5.2631578947368425)),
        ("items[fit_handoff]/lift", Num(11.61111111111111)),
        ("items[fit_handoff]/answered_leaders", Int(18)),
        ("items[fit_handoff]/answered_laggards", Int(19)),
        ("items[fit_dumped]/leaders/n", Int(4)),
        ("items[fit_dumped]/leaders/mean", Num(5.666666666666667)),
        ("items[fit_dumped]/leaders/sd", Num(0.9052317076000178)),
        ("items[fit_dumped]/laggards/n", Int(4)),
        ("items[fit_dumped]/laggards/mean", Num(3.9166666666666665)),
        ("items[fit_dumped]/laggards/sd", Num(0.5527707983925667)),
        ("items[fit_dumped]/average/n", Int(8)),
        ("items[fit_dumped]/average/mean", Num(4.397916666666666)),
        ("items[fit_dumped]/average/sd", Num(0.7649275046052321)),
        ("items[fit_dumped]/diff", Num(1.7500000000000004)),
        ("items[fit_dumped]/hedges_g", Num(2.028985507246378)),
        ("items[fit_dumped]/hedges_g_ci95/0", Num(0.32336758738405225)),
        ("items[fit_dumped]/hedges_g_ci95/1", Num(3.7346034271087034)),
        ("items[fit_dumped]/welch/t", Num(3.299831645537223)),
        ("items[fit_dumped]/welch/df", Num(4.964186633039093)),
        ("items[fit_dumped]/welch/p", Num(0.021710027706649912)),
        ("items[fit_dumped]/mann_whitney/u", Num(16.0)),
        ("items[fit_dumped]/mann_whitney/p", Num(0.029401048190339642)),
        ("items[fit_dumped]/q", Num(0.03256504155997487)),
        ("items[fit_dumped]/text", Str("Leads are dumped on sales without context.")),
        ("items[fit_dumped]/top2_leaders", Num(0.0)),
        ("items[fit_dumped]/top2_laggards", Num(21.05263157894737)),
        ("items[fit_dumped]/lift", Num(0.0)),
        ("items[fit_dumped]/answered_leaders", Int(17)),
        ("items[fit_dumped]/answered_laggards", Int(19)),
        ("items[cad_weekly]/leaders/n", Int(4)),
        ("items[cad_weekly]/leaders/mean", Num(4.958333333333333)),
        ("items[cad_weekly]/leaders/sd", Num(0.8620067027323833)),
        ("items[cad_weekly]/laggards/n", Int(4)),
        ("items[cad_weekly]/laggards/mean", Num(3.354166666666667)),
        ("items[cad_weekly]/laggards/sd", Num(0.6539587426107529)),
        ("items[cad_weekly]/average/n", Int(8)),
        ("items[cad_weekly]/average/mean", Num(4.354166666666666)),
        ("items[cad_weekly]/average/sd", Num(1.515626278431796)),
        ("items[cad_weekly]/diff", Num(1.604166666666666)),
        ("items[cad_weekly]/hedges_g", Num(1.8232262834395507)),
        ("items[cad_weekly]/hedges_g_ci95/0", Num(0.17433893927539645)),
        ("items[cad_weekly]/hedges_g_ci95/1", Num(3.4721136276037052)),
        ("items[cad_weekly]/welch/t", Num(2.9651960379126017)),
        ("items[cad_weekly]/welch/df", Num(5.594002033008366)),
        ("items[cad_weekly]/welch/p", Num(0.02732064133829353)),
        ("items[cad_weekly]/mann_whitney/u", Num(16.0)),
        ("items[cad_weekly]/mann_whitney/p", Num(0.029401048190339642)),
        ("items[cad_weekly]/q", Num(0.03278476960595223)),
        ("items[cad_weekly]/text", Str("We meet every week to review the pipeline.")),
        ("items[cad_weekly]/top2_leaders", Num(25.0)),
        ("items[cad_weekly]/top2_laggards", Num(10.526315789473685)),
        ("items[cad_weekly]/lift", Num(2.375)),
        ("items[cad_weekly]/answered_leaders", Int(16)),
        ("items[cad_weekly]/answered_laggards", Int(19)),
        ("items[cad_silos]/leaders/n", Int(4)),
        ("items[cad_silos]/leaders/mean", Num(5.308333333333333)),
        ("items[cad_silos]/leaders/sd", Num(0.8491280931158259)),
        ("items[cad_silos]/laggards/n", Int(4)),
        ("items[cad_silos]/laggards/mean", Num(2.9791666666666665)),
        ("items[cad_silos]/laggards/sd", Num(0.2753364944666529)),
        ("items[cad_silos]/average/n", Int(8)),
        ("items[cad_silos]/average/mean", Num(3.864583333333333)),
        ("items[cad_silos]/average/sd", Num(0.9081831461682862)),
        ("items[cad_silos]/diff", Num(2.329166666666666)),
        ("items[cad_silos]/hedges_g", Num(3.2087452489124404)),
        ("items[cad_silos]/hedges_g_ci95/0", Num(1.1128637582157928)),
        ("items[cad_silos]/hedges_g_ci95/1", Num(5.304626739609088)),
        ("items[cad_silos]/welch/t", Num(5.218528706594038)),
        ("items[cad_silos]/welch/df", Num(3.6239611773039653)),
        ("items[cad_silos]/welch/p", Num(0.008404928060869746)),
        ("items[cad_silos]/mann_whitney/u", Num(16.0)),
        ("items[cad_silos]/mann_whitney/p", Num(0.03038282197657749)),
        ("items[cad_silos]/q", Num(0.01680985612173949)),
        ("items[cad_silos]/text", Str("Each team plans its quarter alone.")),
        ("items[cad_silos]/top2_leaders", Num(0.0)),
        ("items[cad_silos]/top2_laggards", Num(31.57894736842105)),
        ("items[cad_silos]/lift", Num(0.0)),
        ("items[cad_silos]/answered_leaders", Int(17)),
        ("items[cad_silos]/answered_laggards", Int(19)),
        ("items[cad_feedback]/leaders/n", Int(4)),
        ("items[cad_feedback]/leaders/mean", Num(4.941666666666666)),
        ("items[cad_feedback]/leaders/sd", Num(0.48562674281111534)),
        ("items[cad_feedback]/laggards/n", Int(4)),
        ("items[cad_feedback]/laggards/mean", Num(3.4166666666666665)),
        ("items[cad_feedback]/laggards/sd", Num(0.5692750425533111)),
        ("items[cad_feedback]/average/n", Int(7)),
        ("items[cad_feedback]/average/mean", Num(3.933333333333333)),
        ("items[cad_feedback]/average/sd", Num(0.879393730551528)),
        ("items[cad_feedback]/diff", Num(1.525)),
        ("items[cad_feedback]/hedges_g", Num(2.506275995739251)),
        ("items[cad_feedback]/hedges_g_ci95/0", Num(0.6545625257556744)),
        ("items[cad_feedback]/hedges_g_ci95/1", Num(4.357989465722827)),
        ("items[cad_feedback]/welch/t", Num(4.07607092985827)),
        ("items[cad_feedback]/welch/df", Num(5.854587361436806)),
        ("items[cad_feedback]/welch/p", Num(0.006878034212321318)),
        ("items[cad_feedback]/mann_whitney/u", Num(16.0)),
        ("items[cad_feedback]/mann_whitney/p", Num(0.03038282197657749)),
        ("items[cad_feedback]/q", Num(0.01680985612173949)),
        ("items[cad_feedback]/text", Str("Sales tells marketing which campaigns produced deals.")),
        ("items[cad_feedback]/top2_leaders", Num(35.294117647058826)),
        ("items[cad_feedback]/top2_laggards", Num(0.0)),
        ("items[cad_feedback]/lift", Null),
        ("items[cad_feedback]/answered_leaders", Int(17)),
        ("items[cad_feedback]/answered_laggards", Int(19)),
        ("correlations[fit]/n", Int(16)),
        ("correlations[fit]/spearman_rho", Num(0.7343637013873121)),
        ("correlations[fit]/p", Num(0.0011974758617660525)),
        ("correlations[cadence]/n", Int(16)),
        ("correlations[cadence]/spearman_rho", Num(0.7490804088299435)),
        ("correlations[cadence]/p", Num(0.0008388549453652248)),
        ("companies[beta]/n", Int(3)),
        ("companies[beta]/suppressed", Bool(false)),
        ("companies[beta]/composite", Num(23.529411764705884)),
        ("companies[beta]/tier", Str("laggard")),
        ("companies[pi]/n", Int(6)),
        ("companies[pi]/suppressed", Bool(false)),
        ("companies[pi]/composite", Num(77.57352941176471)),
        ("companies[pi]/tier", Str("leader")),
        ("companies[iota]/n", Int(4)),
        ("companies[iota]/suppressed", Bool(false)),
        ("companies[iota]/composite", Num(61.213235294117645)),
        ("companies[iota]/tier", Str("average")),
        ("companies[kappa]/n", Int(3)),
        ("companies[kappa]/suppressed", Bool(false)),
        ("companies[kappa]/composite", Num(82.3529411764706)),
        ("companies[kappa]/tier", Str("leader")),
        ("companies[sigma]/n", Int(5)),
        ("companies[sigma]/suppressed", Bool(false)),
        ("companies[sigma]/composite", Num(78.43137254901961)),
        ("companies[sigma]/tier", Str("leader")),
        ("companies[omicron]/n", Int(6)),
        ("companies[omicron]/suppressed", Bool(false)),
        ("companies[omicron]/composite", Null),
        ("companies[omicron]/tier", Null),
        ("companies[rho]/n", Int(3)),
        ("companies[rho]/suppressed", Bool(false)),
        ("companies[rho]/composite", Num(39.46078431372549)),
        ("companies[rho]/tier", Str("average")),
        ("companies[theta]/n", Int(6)),
        ("companies[theta]/suppressed", Bool(false)),
        ("companies[theta]/composite", Num(11.27450980392157)),
        ("companies[theta]/tier", Str("laggard")),
        ("companies[xi]/n", Int(2)),
        ("companies[xi]/suppressed", Bool(true)),
        ("companies[xi]/composite", Null),
        ("companies[xi]/tier", Null),
        ("companies[epsilon]/n", Int(5)),
        ("companies[epsilon]/suppressed", Bool(false)),
        ("companies[epsilon]/composite", Num(42.095588235294116)),
        ("companies[epsilon]/tier", Str("average")),
        ("companies[delta]/n", Int(4)),
        ("companies[delta]/suppressed", Bool(false)),
        ("companies[delta]/composite", Num(77.57352941176471)),
        ("companies[delta]/tier", Str("leader")),
        ("companies[eta]/n", Int(6)),
        ("companies[eta]/suppressed", Bool(false)),
        ("companies[eta]/composite", Num(19.730392156862745)),
        ("companies[eta]/tier", Str("laggard")),
        ("companies[lambda]/n", Int(3)),
        ("companies[lambda]/suppressed", Bool(false)),
        ("companies[lambda]/composite", Num(63.72549019607843)),
        ("companies[lambda]/tier", Str("average")),
        ("companies[gamma]/n", Int(6)),
        ("companies[gamma]/suppressed", Bool(false)),
        ("companies[gamma]/composite", Num(52.20588235294118)),
        ("companies[gamma]/tier", Str("average")),
        ("companies[alpha]/n", Int(4)),
        ("companies[alpha]/suppressed", Bool(false)),
        ("companies[alpha]/composite", Num(62.5)),
        ("companies[alpha]/tier", Str("average")),
        ("companies[nu]/n", Int(6)),
        ("companies[nu]/suppressed", Bool(false)),
        ("companies[nu]/composite", Num(30.637254901960784)),
        ("companies[nu]/tier", Str("average")),
        ("companies[mu]/n", Int(3)),
        ("companies[mu]/suppressed", Bool(false)),
        ("companies[mu]/composite", Num(72.54901960784314)),
        ("companies[mu]/tier", Str("average")),
        ("companies[zeta]/n", Int(4)),
        ("companies[zeta]/suppressed", Bool(false)),
        ("companies[zeta]/composite", Num(16.91176470588235)),
        ("companies[zeta]/tier", Str("laggard")),
        ("unclassified[omicron]/reason", Str("1 of 3 outcomes usable; at least 2 are needed")),
    ];

    /// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv --scheme median --anonymity 1 --format json`
    pub const MEDIAN_ANON1_ARGS: &[&str] = &["--scheme", "median", "--anonymity", "1"];
    pub const MEDIAN_ANON1: &[(&str, Exp)] = &[
        ("tiers/leader/companies", Int(8)),
        ("tiers/leader/respondents", Int(32)),
        ("tiers/average/companies", Int(0)),
        ("tiers/average/respondents", Int(0)),
        ("tiers/laggard/companies", Int(9)),
        ("tiers/laggard/respondents", Int(41)),
        ("tiers/unclassified", Int(1)),
        ("median_composite", Num(0.1535741004997788)),
        ("dimensions[fit]/leaders/n", Int(8)),
        ("dimensions[fit]/leaders/mean", Num(69.9074074074074)),
        ("dimensions[fit]/leaders/sd", Num(12.444763317910095)),
        ("dimensions[fit]/laggards/n", Int(9)),
        ("dimensions[fit]/laggards/mean", Num(51.94444444444444)),
        ("dimensions[fit]/laggards/sd", Num(13.08114120189951)),
        ("dimensions[fit]/average/n", Int(0)),
        ("dimensions[fit]/average/mean", Null),
        ("dimensions[fit]/average/sd", Null),
        ("dimensions[fit]/diff", Num(17.962962962962962)),
        ("dimensions[fit]/hedges_g", Num(1.333238200535458)),
        ("dimensions[fit]/hedges_g_ci95/0", Num(0.2806969705825495)),
        ("dimensions[fit]/hedges_g_ci95/1", Num(2.385779430488366)),
        ("dimensions[fit]/welch/t", Num(2.8998205957616934)),
        ("dimensions[fit]/welch/df", Num(14.914184019194357)),
        ("dimensions[fit]/welch/p", Num(0.011050267963712907)),
        ("dimensions[fit]/mann_whitney/u", Num(61.5)),
        ("dimensions[fit]/mann_whitney/p", Num(0.016079699574505)),
        ("dimensions[fit]/q", Num(0.022100535927425814)),
        ("dimensions[cadence]/leaders/n", Int(8)),
        ("dimensions[cadence]/leaders/mean", Num(60.792824074074076)),
        ("dimensions[cadence]/leaders/sd", Num(12.691397638275918)),
        ("dimensions[cadence]/laggards/n", Int(9)),
        ("dimensions[cadence]/laggards/mean", Num(44.78395061728395)),
        ("dimensions[cadence]/laggards/sd", Num(14.339002611226963)),
        ("dimensions[cadence]/average/n", Int(0)),
        ("dimensions[cadence]/average/mean", Null),
        ("dimensions[cadence]/average/sd", Null),
        ("dimensions[cadence]/diff", Num(16.008873456790127)),
        ("dimensions[cadence]/hedges_g", Num(1.1176809291364092)),
        ("dimensions[cadence]/hedges_g_ci95/0", Num(0.09388796607465588)),
        ("dimensions[cadence]/hedges_g_ci95/1", Num(2.1414738921981624)),
        ("dimensions[cadence]/welch/t", Num(2.441921884768678)),
        ("dimensions[cadence]/welch/df", Num(14.99980655305825)),
        ("dimensions[cadence]/welch/p", Num(0.02747392278017825)),
        ("dimensions[cadence]/mann_whitney/u", Num(57.5)),
        ("dimensions[cadence]/mann_whitney/p", Num(0.042667987743451236)),
        ("dimensions[cadence]/q", Num(0.02747392278017825)),
        ("items[fit_icp]/leaders/n", Int(8)),
        ("items[fit_icp]/leaders/mean", Num(5.104166666666666)),
        ("items[fit_icp]/leaders/sd", Num(0.9005619938471225)),
        ("items[fit_icp]/laggards/n", Int(9)),
        ("items[fit_icp]/laggards/mean", Num(4.07037037037037)),
        ("items[fit_icp]/laggards/sd", Num(0.8992967073781793)),
        ("items[fit_icp]/average/n", Int(0)),
        ("items[fit_icp]/average/mean", Null),
        ("items[fit_icp]/average/sd", Null),
        ("items[fit_icp]/diff", Num(1.0337962962962957)),
        ("items[fit_icp]/hedges_g", Num(1.0903924063334358)),
        ("items[fit_icp]/hedges_g_ci95/0", Num(0.06992968356207063)),
        ("items[fit_icp]/hedges_g_ci95/1", Num(2.110855129104801)),
        ("items[fit_icp]/welch/t", Num(2.3640152698597454)),
        ("items[fit_icp]/welch/df", Num(14.761262304281683)),
        ("items[fit_icp]/welch/p", Num(0.03223616570228712)),
        ("items[fit_icp]/mann_whitney/u", Num(60.0)),
        ("items[fit_icp]/mann_whitney/p", Num(0.023228933934293625)),
        ("items[fit_icp]/q", Num(0.06447233140457424)),
        ("items[fit_icp]/text", Str("We target the same accounts.")),
        ("items[fit_icp]/top2_leaders", Num(46.666666666666664)),
        ("items[fit_icp]/top2_laggards", Num(10.0)),
        ("items[fit_icp]/lift", Num(4.666666666666666)),
        ("items[fit_icp]/answered_leaders", Int(30)),
        ("items[fit_icp]/answered_laggards", Int(40)),
        ("items[fit_handoff]/leaders/n", Int(8)),
        ("items[fit_handoff]/leaders/mean", Num(5.31875)),
        ("items[fit_handoff]/leaders/sd", Num(0.7586243554608649)),
        ("items[fit_handoff]/laggards/n", Int(9)),
        ("items[fit_handoff]/laggards/mean", Num(4.011111111111111)),
        ("items[fit_handoff]/laggards/sd", Num(0.7039570693980959)),
        ("items[fit_handoff]/average/n", Int(0)),
        ("items[fit_handoff]/average/mean", Null),
        ("items[fit_handoff]/average/sd", Null),
        ("items[fit_handoff]/diff", Num(1.3076388888888886)),
        ("items[fit_handoff]/hedges_g", Num(1.7002547638523624)),
        ("items[fit_handoff]/hedges_g_ci95/0", Num(0.5895644451682374)),
        ("items[fit_handoff]/hedges_g_ci95/1", Num(2.8109450825364872)),
        ("items[fit_handoff]/welch/t", Num(3.6693146462871247)),
        ("items[fit_handoff]/welch/df", Num(14.423066813826809)),
        ("items[fit_handoff]/welch/p", Num(0.0024151963583610315)),
        ("items[fit_handoff]/mann_whitney/u", Num(64.5)),
        ("items[fit_handoff]/mann_whitney/p", Num(0.006708795813715399)),
        ("items[fit_handoff]/q", Num(0.014491178150166189)),
        ("items[fit_handoff]/text", Str("Hand-off rules are written down and followed.")),
        ("items[fit_handoff]/top2_leaders", Num(53.125)),
        ("items[fit_handoff]/top2_laggards", Num(9.75609756097561)),
        ("items[fit_handoff]/lift", Num(5.4453125)),
        ("items[fit_handoff]/answered_leaders", Int(32)),
        ("items[fit_handoff]/answered_laggards", Int(41)),
        ("items[fit_dumped]/leaders/n", Int(8)),
        ("items[fit_dumped]/leaders/mean", Num(5.15625)),
        ("items[fit_dumped]/leaders/sd", Num(0.8902441924675624)),
        ("items[fit_dumped]/laggards/n", Int(9)),
        ("items[fit_dumped]/laggards/mean", Num(4.2518518518518515)),
        ("items[fit_dumped]/laggards/sd", Num(0.9395789705901834)),
        ("items[fit_dumped]/average/n", Int(0)),
        ("items[fit_dumped]/average/mean", Null),
        ("items[fit_dumped]/average/sd", Null),
        ("items[fit_dumped]/diff", Num(0.9043981481481485)),
        ("items[fit_dumped]/hedges_g", Num(0.9362247373348322)),
        ("items[fit_dumped]/hedges_g_ci95/0", Num(-0.06679248716078456)),
        ("items[fit_dumped]/hedges_g_ci95/1", Num(1.939241961830449)),
        ("items[fit_dumped]/welch/t", Num(2.0368258866566276)),
        ("items[fit_dumped]/welch/df", Num(14.923106876631584)),
        ("items[fit_dumped]/welch/p", Num(0.05981231329648814)),
        ("items[fit_dumped]/mann_whitney/u", Num(56.0)),
        ("items[fit_dumped]/mann_whitney/p", Num(0.05949889333976432)),
        ("items[fit_dumped]/q", Num(0.07177477595578577)),
        ("items[fit_dumped]/text", Str("Leads are dumped on sales without context.")),
        ("items[fit_dumped]/top2_leaders", Num(0.0)),
        ("items[fit_dumped]/top2_laggards", Num(17.5)),
        ("items[fit_dumped]/lift", Num(0.0)),
        ("items[fit_dumped]/answered_leaders", Int(31)),
        ("items[fit_dumped]/answered_laggards", Int(40)),
        ("items[cad_weekly]/leaders/n", Int(8)),
        ("items[cad_weekly]/leaders/mean", Num(4.791666666666666)),
        ("items[cad_weekly]/leaders/sd", Num(1.176826510119752)),
        ("items[cad_weekly]/laggards/n", Int(9)),
        ("items[cad_weekly]/laggards/mean", Num(3.8055555555555554)),
        ("items[cad_weekly]/laggards/sd", Num(1.1799835215421912)),
        ("items[cad_weekly]/average/n", Int(0)),
        ("items[cad_weekly]/average/mean", Null),
        ("items[cad_weekly]/average/sd", Null),
        ("items[cad_weekly]/diff", Num(0.9861111111111107)),
        ("items[cad_weekly]/hedges_g", Num(0.7941967689259074)),
        ("items[cad_weekly]/hedges_g_ci95/0", Num(-0.1948814141171319)),
        ("items[cad_weekly]/hedges_g_ci95/1", Num(1.7832749519689468)),
        ("items[cad_weekly]/welch/t", Num(1.7222924229979273)),
        ("items[cad_weekly]/welch/df", Num(14.776110978410182)),
        ("items[cad_weekly]/welch/p", Num(0.10587489828763061)),
        ("items[cad_weekly]/mann_whitney/u", Num(53.0)),
        ("items[cad_weekly]/mann_whitney/p", Num(0.1116906388581738)),
        ("items[cad_weekly]/q", Num(0.10587489828763061)),
        ("items[cad_weekly]/text", Str("We meet every week to review the pipeline.")),
        ("items[cad_weekly]/top2_leaders", Num(34.48275862068966)),
        ("items[cad_weekly]/top2_laggards", Num(15.384615384615385)),
        ("items[cad_weekly]/lift", Num(2.241379310344828)),
        ("items[cad_weekly]/answered_leaders", Int(29)),
        ("items[cad_weekly]/answered_laggards", Int(39)),
        ("items[cad_silos]/leaders/n", Int(8)),
        ("items[cad_silos]/leaders/mean", Num(4.685416666666667)),
        ("items[cad_silos]/leaders/sd", Num(1.1256545714763986)),
        ("items[cad_silos]/laggards/n", Int(9)),
        ("items[cad_silos]/laggards/mean", Num(3.3981481481481484)),
        ("items[cad_silos]/laggards/sd", Num(0.6555555555555556)),
        ("items[cad_silos]/average/n", Int(0)),
        ("items[cad_silos]/average/mean", Null),
        ("items[cad_silos]/average/sd", Null),
        ("items[cad_silos]/diff", Num(1.2872685185185184)),
        ("items[cad_silos]/hedges_g", Num(1.3488452508478095)),
        ("items[cad_silos]/hedges_g_ci95/0", Num(0.2940597333337185)),
        ("items[cad_silos]/hedges_g_ci95/1", Num(2.4036307683619005)),
        ("items[cad_silos]/welch/t", Num(2.8352445206241197)),
        ("items[cad_silos]/welch/df", Num(10.983431088011798)),
        ("items[cad_silos]/welch/p", Num(0.01624113285123817)),
        ("items[cad_silos]/mann_whitney/u", Num(58.0)),
        ("items[cad_silos]/mann_whitney/p", Num(0.03773057935105756)),
        ("items[cad_silos]/q", Num(0.048723398553714506)),
        ("items[cad_silos]/text", Str("Each team plans its quarter alone.")),
        ("items[cad_silos]/top2_leaders", Num(3.225806451612903)),
        ("items[cad_silos]/top2_laggards", Num(23.076923076923077)),
        ("items[cad_silos]/lift", Num(0.13978494623655913)),
        ("items[cad_silos]/answered_leaders", Int(31)),
        ("items[cad_silos]/answered_laggards", Int(39)),
        ("items[cad_feedback]/leaders/n", Int(8)),
        ("items[cad_feedback]/leaders/mean", Num(4.575)),
        ("items[cad_feedback]/leaders/sd", Num(0.5305732150306275)),
        ("items[cad_feedback]/laggards/n", Int(9)),
        ("items[cad_feedback]/laggards/mean", Num(3.762962962962963)),
        ("items[cad_feedback]/laggards/sd", Num(0.9609665915750957)),
        ("items[cad_feedback]/average/n", Int(0)),
        ("items[cad_feedback]/average/mean", Null),
        ("items[cad_feedback]/average/sd", Null),
        ("items[cad_feedback]/diff", Num(0.8120370370370371)),
        ("items[cad_feedback]/hedges_g", Num(0.9758006258672772)),
        ("items[cad_feedback]/hedges_g_ci95/0", Num(-0.031469481794952014)),
        ("items[cad_feedback]/hedges_g_ci95/1", Num(1.9830707335295066)),
        ("items[cad_feedback]/welch/t", Num(2.187557212511123)),
        ("items[cad_feedback]/welch/df", Num(12.71849923216392)),
        ("items[cad_feedback]/welch/p", Num(0.048009257617276174)),
        ("items[cad_feedback]/mann_whitney/u", Num(56.5)),
        ("items[cad_feedback]/mann_whitney/p", Num(0.05252452050519215)),
        ("items[cad_feedback]/q", Num(0.07177477595578577)),
        ("items[cad_feedback]/text", Str("Sales tells marketing which campaigns produced deals.")),
        ("items[cad_feedback]/top2_leaders", Num(26.666666666666668)),
        ("items[cad_feedback]/top2_laggards", Num(10.256410256410257)),
        ("items[cad_feedback]/lift", Num(2.6)),
        ("items[cad_feedback]/answered_leaders", Int(30)),
        ("items[cad_feedback]/answered_laggards", Int(39)),
        ("correlations[fit]/n", Int(17)),
        ("correlations[fit]/spearman_rho", Num(0.7233128834355829)),
        ("correlations[fit]/p", Num(0.0010327068767019103)),
        ("correlations[cadence]/n", Int(17)),
        ("correlations[cadence]/spearman_rho", Num(0.6875789562899216)),
        ("correlations[cadence]/p", Num(0.002286522199636889)),
        ("companies[beta]/n", Int(3)),
        ("companies[beta]/suppressed", Bool(false)),
        ("companies[beta]/composite", Num(-0.8435579195980935)),
        ("companies[beta]/tier", Str("laggard")),
        ("companies[pi]/n", Int(6)),
        ("companies[pi]/suppressed", Bool(false)),
        ("companies[pi]/composite", Num(0.7417982208487706)),
        ("companies[pi]/tier", Str("leader")),
        ("companies[iota]/n", Int(4)),
        ("companies[iota]/suppressed", Bool(false)),
        ("companies[iota]/composite", Num(0.20996751877928888)),
        ("companies[iota]/tier", Str("leader")),
        ("companies[kappa]/n", Int(3)),
        ("companies[kappa]/suppressed", Bool(false)),
        ("companies[kappa]/composite", Num(1.2701203991534926)),
        ("companies[kappa]/tier", Str("leader")),
        ("companies[sigma]/n", Int(5)),
        ("companies[sigma]/suppressed", Bool(false)),
        ("companies[sigma]/composite", Num(1.0004735218193428)),
        ("companies[sigma]/tier", Str("leader")),
        ("companies[omicron]/n", Int(6)),
        ("companies[omicron]/suppressed", Bool(false)),
        ("companies[omicron]/composite", Null),
        ("companies[omicron]/tier", Null),
        ("companies[rho]/n", Int(3)),
        ("companies[rho]/suppressed", Bool(false)),
        ("companies[rho]/composite", Num(-0.6689729007462222)),
        ("companies[rho]/tier", Str("laggard")),
        ("companies[theta]/n", Int(6)),
        ("companies[theta]/suppressed", Bool(false)),
        ("companies[theta]/composite", Num(-1.0825398736077887)),
        ("companies[theta]/tier", Str("laggard")),
        ("companies[xi]/n", Int(2)),
        ("companies[xi]/suppressed", Bool(false)),
        ("companies[xi]/composite", Num(0.1472611090608638)),
        ("companies[xi]/tier", Str("laggard")),
        ("companies[epsilon]/n", Int(5)),
        ("companies[epsilon]/suppressed", Bool(false)),
        ("companies[epsilon]/composite", Num(-0.29298935790300223)),
        ("companies[epsilon]/tier", Str("laggard")),
        ("companies[delta]/n", Int(4)),
        ("companies[delta]/suppressed", Bool(false)),
        ("companies[delta]/composite", Num(0.7417982208487706)),
        ("companies[delta]/tier", Str("leader")),
        ("companies[eta]/n", Int(6)),
        ("companies[eta]/suppressed", Bool(false)),
        ("companies[eta]/composite", Num(-0.9986710657018202)),
        ("companies[eta]/tier", Str("laggard")),
        ("companies[lambda]/n", Int(3)),
        ("companies[lambda]/suppressed", Bool(false)),
        ("companies[lambda]/composite", Num(0.5777702737973235)),
        ("companies[lambda]/tier", Str("leader")),
        ("companies[gamma]/n", Int(6)),
        ("companies[gamma]/suppressed", Bool(false)),
        ("companies[gamma]/composite", Num(0.1535741004997788)),
        ("companies[gamma]/tier", Str("laggard")),
        ("companies[alpha]/n", Int(4)),
        ("companies[alpha]/suppressed", Bool(false)),
        ("companies[alpha]/composite", Num(0.44805900612460253)),
        ("companies[alpha]/tier", Str("leader")),
        ("companies[nu]/n", Int(6)),
        ("companies[nu]/suppressed", Bool(false)),
        ("companies[nu]/composite", Num(-0.5280005354870668)),
        ("companies[nu]/tier", Str("laggard")),
        ("companies[mu]/n", Int(3)),
        ("companies[mu]/suppressed", Bool(false)),
        ("companies[mu]/composite", Num(0.6912441208148876)),
        ("companies[mu]/tier", Str("leader")),
        ("companies[zeta]/n", Int(4)),
        ("companies[zeta]/suppressed", Bool(false)),
        ("companies[zeta]/composite", Num(-1.18301257908648)),
        ("companies[zeta]/tier", Str("laggard")),
        ("unclassified[omicron]/reason", Str("1 of 3 outcomes usable; at least 2 are needed")),
    ];

    /// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv --scheme all-above-median --format json`
    pub const ALL_ABOVE_MEDIAN_ARGS: &[&str] = &["--scheme", "all-above-median"];
    pub const ALL_ABOVE_MEDIAN: &[(&str, Exp)] = &[
        ("tiers/leader/companies", Int(6)),
        ("tiers/leader/respondents", Int(25)),
        ("tiers/average/companies", Int(0)),
        ("tiers/average/respondents", Int(0)),
        ("tiers/laggard/companies", Int(10)),
        ("tiers/laggard/respondents", Int(46)),
        ("tiers/unclassified", Int(1)),
        ("median_composite", Num(0.18318382596983088)),
        ("dimensions[fit]/leaders/n", Int(6)),
        ("dimensions[fit]/leaders/mean", Num(71.21913580246913)),
        ("dimensions[fit]/leaders/sd", Num(12.851427128570949)),
        ("dimensions[fit]/laggards/n", Int(10)),
        ("dimensions[fit]/laggards/mean", Num(53.0)),
        ("dimensions[fit]/laggards/sd", Num(13.589657233425484)),
        ("dimensions[fit]/average/n", Int(0)),
        ("dimensions[fit]/average/mean", Null),
        ("dimensions[fit]/average/sd", Null),
        ("dimensions[fit]/diff", Num(18.219135802469125)),
        ("dimensions[fit]/hedges_g", Num(1.292157798272164)),
        ("dimensions[fit]/hedges_g_ci95/0", Num(0.18543933851382555)),
        ("dimensions[fit]/hedges_g_ci95/1", Num(2.3988762580305023)),
        ("dimensions[fit]/welch/t", Num(2.686428308076465)),
        ("dimensions[fit]/welch/df", Num(11.167177408371494)),
        ("dimensions[fit]/welch/p", Num(0.020916561410805858)),
        ("dimensions[fit]/mann_whitney/u", Num(49.5)),
        ("dimensions[fit]/mann_whitney/p", Num(0.03917382222370136)),
        ("dimensions[fit]/q", Num(0.041833122821611717)),
        ("dimensions[cadence]/leaders/n", Int(6)),
        ("dimensions[cadence]/leaders/mean", Num(61.6898148148148)),
        ("dimensions[cadence]/leaders/sd", Num(14.852202533497243)),
        ("dimensions[cadence]/laggards/n", Int(10)),
        ("dimensions[cadence]/laggards/mean", Num(45.95370370370371)),
        ("dimensions[cadence]/laggards/sd", Num(14.015883737805625)),
        ("dimensions[cadence]/average/n", Int(0)),
        ("dimensions[cadence]/average/mean", Null),
        ("dimensions[cadence]/average/sd", Null),
        ("dimensions[cadence]/diff", Num(15.736111111111093)),
        ("dimensions[cadence]/hedges_g", Num(1.0389381200257768)),
        ("dimensions[cadence]/hedges_g_ci95/0", Num(-0.035289656761225086)),
        ("dimensions[cadence]/hedges_g_ci95/1", Num(2.1131658968127787)),
        ("dimensions[cadence]/welch/t", Num(2.0951861950254527)),
        ("dimensions[cadence]/welch/df", Num(10.159409950051204)),
        ("dimensions[cadence]/welch/p", Num(0.06215224254585853)),
        ("dimensions[cadence]/mann_whitney/u", Num(48.0)),
        ("dimensions[cadence]/mann_whitney/p", Num(0.056942878060602165)),
        ("dimensions[cadence]/q", Num(0.06215224254585853)),
        ("items[fit_icp]/leaders/n", Int(6)),
        ("items[fit_icp]/leaders/mean", Num(5.138888888888888)),
        ("items[fit_icp]/leaders/sd", Num(0.9756289519340086)),
        ("items[fit_icp]/laggards/n", Int(10)),
        ("items[fit_icp]/laggards/mean", Num(4.163333333333333)),
        ("items[fit_icp]/laggards/sd", Num(0.9508216070299739)),
        ("items[fit_icp]/average/n", Int(0)),
        ("items[fit_icp]/average/mean", Null),
        ("items[fit_icp]/average/sd", Null),
        ("items[fit_icp]/diff", Num(0.9755555555555553)),
        ("items[fit_icp]/hedges_g", Num(0.9610196868587771)),
        ("items[fit_icp]/hedges_g_ci95/0", Num(-0.10446526508150844)),
        ("items[fit_icp]/hedges_g_ci95/1", Num(2.0265046387990626)),
        ("items[fit_icp]/welch/t", Num(1.954836088821818)),
        ("items[fit_icp]/welch/df", Num(10.439109138150007)),
        ("items[fit_icp]/welch/p", Num(0.07789560208329155)),
        ("items[fit_icp]/mann_whitney/u", Num(47.5)),
        ("items[fit_icp]/mann_whitney/p", Num(0.06401174931006226)),
        ("items[fit_icp]/q", Num(0.11684340312493732)),
        ("items[fit_icp]/text", Str("We target the same accounts.")),
        ("items[fit_icp]/top2_leaders", Num(45.833333333333336)),
        ("items[fit_icp]/top2_laggards", Num(15.909090909090908)),
        ("items[fit_icp]/lift", Num(2.8809523809523814)),
        ("items[fit_icp]/answered_leaders", Int(24)),
        ("items[fit_icp]/answered_laggards", Int(44)),
        ("items[fit_handoff]/leaders/n", Int(6)),
        ("items[fit_handoff]/leaders/mean", Num(5.3694444444444445)),
        ("items[fit_handoff]/leaders/sd", Num(0.7180542123348709)),
        ("items[fit_handoff]/laggards/n", Int(10)),
        ("items[fit_handoff]/laggards/mean", Num(4.193333333333333)),
        ("items[fit_handoff]/laggards/sd", Num(0.9099993216657355)),
        ("items[fit_handoff]/average/n", Int(0)),
        ("items[fit_handoff]/average/mean", Null),
        ("items[fit_handoff]/average/sd", Null),
        ("items[fit_handoff]/diff", Num(1.176111111111111)),
        ("items[fit_handoff]/hedges_g", Num(1.3136604186094616)),
        ("items[fit_handoff]/hedges_g_ci95/0", Num(0.20390723256514032)),
        ("items[fit_handoff]/hedges_g_ci95/1", Num(2.423413604653783)),
        ("items[fit_handoff]/welch/t", Num(2.8630886985677098)),
        ("items[fit_handoff]/welch/df", Num(12.718247797861993)),
        ("items[fit_handoff]/welch/p", Num(0.013569375336731101)),
        ("items[fit_handoff]/mann_whitney/u", Num(49.0)),
        ("items[fit_handoff]/mann_whitney/p", Num(0.04322534890281992)),
        ("items[fit_handoff]/q", Num(0.04247135677037186)),
        ("items[fit_handoff]/text", Str("Hand-off rules are written down and followed.")),
        ("items[fit_handoff]/top2_leaders", Num(52.0)),
        ("items[fit_handoff]/top2_laggards", Num(17.391304347826086)),
        ("items[fit_handoff]/lift", Num(2.99)),
        ("items[fit_handoff]/answered_leaders", Int(25)),
        ("items[fit_handoff]/answered_laggards", Int(46)),
        ("items[fit_dumped]/leaders/n", Int(6)),
        ("items[fit_dumped]/leaders/mean", Num(5.319444444444445)),
        ("items[fit_dumped]/leaders/sd", Num(0.9681262926491142)),
        ("items[fit_dumped]/laggards/n", Int(10)),
        ("items[fit_dumped]/laggards/mean", Num(4.16)),
        ("items[fit_dumped]/laggards/sd", Num(0.7061983074057288)),
        ("items[fit_dumped]/average/n", Int(0)),
        ("items[fit_dumped]/average/mean", Null),
        ("items[fit_dumped]/average/sd", Null),
        ("items[fit_dumped]/diff", Num(1.1594444444444445)),
        ("items[fit_dumped]/hedges_g", Num(1.3541183388607063)),
        ("items[fit_dumped]/hedges_g_ci95/0", Num(0.2385427080686644)),
        ("items[fit_dumped]/hedges_g_ci95/1", Num(2.4696939696527482)),
        ("items[fit_dumped]/welch/t", Num(2.554046700407887)),
        ("items[fit_dumped]/welch/df", Num(8.23584151997151)),
        ("items[fit_dumped]/welch/p", Num(0.033187476079234335)),
        ("items[fit_dumped]/mann_whitney/u", Num(51.5)),
        ("items[fit_dumped]/mann_whitney/p", Num(0.022144173337247226)),
        ("items[fit_dumped]/q", Num(0.06637495215846867)),
        ("items[fit_dumped]/text", Str("Leads are dumped on sales without context.")),
        ("items[fit_dumped]/top2_leaders", Num(0.0)),
        ("items[fit_dumped]/top2_laggards", Num(15.555555555555555)),
        ("items[fit_dumped]/lift", Num(0.0)),
        ("items[fit_dumped]/answered_leaders", Int(24)),
        ("items[fit_dumped]/answered_laggards", Int(45)),
        ("items[cad_weekly]/leaders/n", Int(6)),
        ("items[cad_weekly]/leaders/mean", Num(4.861111111111111)),
        ("items[cad_weekly]/leaders/sd", Num(1.2568331749399477)),
        ("items[cad_weekly]/laggards/n", Int(10)),
        ("items[cad_weekly]/laggards/mean", Num(3.8916666666666666)),
        ("items[cad_weekly]/laggards/sd", Num(1.2235157296662518)),
        ("items[cad_weekly]/average/n", Int(0)),
        ("items[cad_weekly]/average/mean", Null),
        ("items[cad_weekly]/average/sd", Null),
        ("items[cad_weekly]/diff", Num(0.9694444444444441)),
        ("items[cad_weekly]/hedges_g", Num(0.7418472949770021)),
        ("items[cad_weekly]/hedges_g_ci95/0", Num(-0.3024010456020312)),
        ("items[cad_weekly]/hedges_g_ci95/1", Num(1.7860956355560353)),
        ("items[cad_weekly]/welch/t", Num(1.5085625331009163)),
        ("items[cad_weekly]/welch/df", Num(10.429363767572926)),
        ("items[cad_weekly]/welch/p", Num(0.16109211275834856)),
        ("items[cad_weekly]/mann_whitney/u", Num(44.5)),
        ("items[cad_weekly]/mann_whitney/p", Num(0.12804065738885642)),
        ("items[cad_weekly]/q", Num(0.16109211275834856)),
        ("items[cad_weekly]/text", Str("We meet every week to review the pipeline.")),
        ("items[cad_weekly]/top2_leaders", Num(31.818181818181817)),
        ("items[cad_weekly]/top2_laggards", Num(20.454545454545453)),
        ("items[cad_weekly]/lift", Num(1.5555555555555556)),
        ("items[cad_weekly]/answered_leaders", Int(22)),
        ("items[cad_weekly]/answered_laggards", Int(44)),
        ("items[cad_silos]/leaders/n", Int(6)),
        ("items[cad_silos]/leaders/mean", Num(4.6499999999999995)),
        ("items[cad_silos]/leaders/sd", Num(1.2847394893734512)),
        ("items[cad_silos]/laggards/n", Int(10)),
        ("items[cad_silos]/laggards/mean", Num(3.6166666666666663)),
        ("items[cad_silos]/laggards/sd", Num(0.8862460712270785)),
        ("items[cad_silos]/average/n", Int(0)),
        ("items[cad_silos]/average/mean", Null),
        ("items[cad_silos]/average/sd", Null),
        ("items[cad_silos]/diff", Num(1.0333333333333332)),
        ("items[cad_silos]/hedges_g", Num(0.9338822182671043)),
        ("items[cad_silos]/hedges_g_ci95/0", Num(-0.12870194198892837)),
        ("items[cad_silos]/hedges_g_ci95/1", Num(1.996466378523137)),
        ("items[cad_silos]/welch/t", Num(1.7376500836955961)),
        ("items[cad_silos]/welch/df", Num(7.904757187459925)),
        ("items[cad_silos]/welch/p", Num(0.12092756511510204)),
        ("items[cad_silos]/mann_whitney/u", Num(43.0)),
        ("items[cad_silos]/mann_whitney/p", Num(0.17324940236411857)),
        ("items[cad_silos]/q", Num(0.14511307813812244)),
        ("items[cad_silos]/text", Str("Each team plans its quarter alone.")),
        ("items[cad_silos]/top2_leaders", Num(4.166666666666667)),
        ("items[cad_silos]/top2_laggards", Num(20.0)),
        ("items[cad_silos]/lift", Num(0.20833333333333334)),
        ("items[cad_silos]/answered_leaders", Int(24)),
        ("items[cad_silos]/answered_laggards", Int(45)),
        ("items[cad_feedback]/leaders/n", Int(6)),
        ("items[cad_feedback]/leaders/mean", Num(4.683333333333334)),
        ("items[cad_feedback]/leaders/sd", Num(0.5592653911854172)),
        ("items[cad_feedback]/laggards/n", Int(9)),
        ("items[cad_feedback]/laggards/mean", Num(3.651851851851852)),
        ("items[cad_feedback]/laggards/sd", Num(0.8516505398197718)),
        ("items[cad_feedback]/average/n", Int(0)),
        ("items[cad_feedback]/average/mean", Null),
        ("items[cad_feedback]/average/sd", Null),
        ("items[cad_feedback]/diff", Num(1.0314814814814817)),
        ("items[cad_feedback]/hedges_g", Num(1.2896675169370186)),
        ("items[cad_feedback]/hedges_g_ci95/0", Num(0.15827554743364525)),
        ("items[cad_feedback]/hedges_g_ci95/1", Num(2.421059486440392)),
        ("items[cad_feedback]/welch/t", Num(2.8313535419498854)),
        ("items[cad_feedback]/welch/df", Num(12.9963391870259)),
        ("items[cad_feedback]/welch/p", Num(0.014157118923457284)),
        ("items[cad_feedback]/mann_whitney/u", Num(47.5)),
        ("items[cad_feedback]/mann_whitney/p", Num(0.01739014276291658)),
        ("items[cad_feedback]/q", Num(0.04247135677037186)),
        ("items[cad_feedback]/text", Str("Sales tells marketing which campaigns produced deals.")),
        ("items[cad_feedback]/top2_leaders", Num(29.166666666666668)),
        ("items[cad_feedback]/top2_laggards", Num(11.627906976744185)),
        ("items[cad_feedback]/lift", Num(2.5083333333333337)),
        ("items[cad_feedback]/answered_leaders", Int(24)),
        ("items[cad_feedback]/answered_laggards", Int(43)),
        ("correlations[fit]/n", Int(16)),
        ("correlations[fit]/spearman_rho", Num(0.7209131075110456)),
        ("correlations[fit]/p", Num(0.0016264630296657968)),
        ("correlations[cadence]/n", Int(16)),
        ("correlations[cadence]/spearman_rho", Num(0.6893005824302078)),
        ("correlations[cadence]/p", Num(0.0031380440035765774)),
        ("companies[beta]/n", Int(3)),
        ("companies[beta]/suppressed", Bool(false)),
        ("companies[beta]/composite", Num(-0.8399222644509384)),
        ("companies[beta]/tier", Str("laggard")),
        ("companies[pi]/n", Int(6)),
        ("companies[pi]/suppressed", Bool(false)),
        ("companies[pi]/composite", Num(0.7474065150604182)),
        ("companies[pi]/tier", Str("leader")),
        ("companies[iota]/n", Int(4)),
        ("companies[iota]/suppressed", Bool(false)),
        ("companies[iota]/composite", Num(0.21317476937887078)),
        ("companies[iota]/tier", Str("leader")),
        ("companies[kappa]/n", Int(3)),
        ("companies[kappa]/suppressed", Bool(false)),
        ("companies[kappa]/composite", Num(1.2932619834343624)),
        ("companies[kappa]/tier", Str("leader")),
        ("companies[sigma]/n", Int(5)),
        ("companies[sigma]/suppressed", Bool(false)),
        ("companies[sigma]/composite", Num(1.015834042670197)),
        ("companies[sigma]/tier", Str("leader")),
        ("companies[omicron]/n", Int(6)),
        ("companies[omicron]/suppressed", Bool(false)),
        ("companies[omicron]/composite", Null),
        ("companies[omicron]/tier", Null),
        ("companies[rho]/n", Int(3)),
        ("companies[rho]/suppressed", Bool(false)),
        ("companies[rho]/composite", Num(-0.6407272083940474)),
        ("companies[rho]/tier", Str("laggard")),
        ("companies[theta]/n", Int(6)),
        ("companies[theta]/suppressed", Bool(false)),
        ("companies[theta]/composite", Num(-1.0771077040599806)),
        ("companies[theta]/tier", Str("laggard")),
        ("companies[xi]/n", Int(2)),
        ("companies[xi]/suppressed", Bool(true)),
        ("companies[xi]/composite", Null),
        ("companies[xi]/tier", Null),
        ("companies[epsilon]/n", Int(5)),
        ("companies[epsilon]/suppressed", Bool(false)),
        ("companies[epsilon]/composite", Num(-0.2936055839448836)),
        ("companies[epsilon]/tier", Str("laggard")),
        ("companies[delta]/n", Int(4)),
        ("companies[delta]/suppressed", Bool(false)),
        ("companies[delta]/composite", Num(0.7474065150604182)),
        ("companies[delta]/tier", Str("leader")),
        ("companies[eta]/n", Int(6)),
        ("companies[eta]/suppressed", Bool(false)),
        ("companies[eta]/composite", Num(-1.006918886953848)),
        ("companies[eta]/tier", Str("laggard")),
        ("companies[lambda]/n", Int(3)),
        ("companies[lambda]/suppressed", Bool(false)),
        ("companies[lambda]/composite", Num(0.6055678068194417)),
        ("companies[lambda]/tier", Str("laggard")),
        ("companies[gamma]/n", Int(6)),
        ("companies[gamma]/suppressed", Bool(false)),
        ("companies[gamma]/composite", Num(0.15319288256079097)),
        ("companies[gamma]/tier", Str("laggard")),
        ("companies[alpha]/n", Int(4)),
        ("companies[alpha]/suppressed", Bool(false)),
        ("companies[alpha]/composite", Num(0.4411849060350153)),
        ("companies[alpha]/tier", Str("laggard")),
        ("companies[nu]/n", Int(6)),
        ("companies[nu]/suppressed", Bool(false)),
        ("companies[nu]/composite", Num(-0.5238855641295239)),
        ("companies[nu]/tier", Str("laggard")),
        ("companies[mu]/n", Int(3)),
        ("companies[mu]/suppressed", Bool(false)),
        ("companies[mu]/composite", Num(0.6906318859264866)),
        ("companies[mu]/tier", Str("leader")),
        ("companies[zeta]/n", Int(4)),
        ("companies[zeta]/suppressed", Bool(false)),
        ("companies[zeta]/composite", Num(-1.1548070823635936)),
        ("companies[zeta]/tier", Str("laggard")),
        ("unclassified[omicron]/reason", Str("1 of 3 outcomes usable; at least 2 are needed")),
    ];

    /// `align leaders responses.csv --instrument instrument.json --outcomes outcomes.csv --anonymity 6 --format json`
    pub const ANON6_ARGS: &[&str] = &["--anonymity", "6"];
    pub const ANON6: &[(&str, Exp)] = &[
        ("tiers/leader/companies", Int(1)),
        ("tiers/leader/respondents", Int(6)),
        ("tiers/average/companies", Int(2)),
        ("tiers/average/respondents", Int(12)),
        ("tiers/laggard/companies", Int(2)),
        ("tiers/laggard/respondents", Int(12)),
        ("tiers/unclassified", Int(1)),
        ("median_composite", Num(-0.17044220718305825)),
        ("dimensions[fit]/leaders/n", Int(1)),
        ("dimensions[fit]/leaders/mean", Num(61.111111111111114)),
        ("dimensions[fit]/leaders/sd", Null),
        ("dimensions[fit]/laggards/n", Int(2)),
        ("dimensions[fit]/laggards/mean", Num(43.51851851851852)),
        ("dimensions[fit]/laggards/sd", Num(1.3094570021973073)),
        ("dimensions[fit]/average/n", Int(2)),
        ("dimensions[fit]/average/mean", Num(56.71296296296296)),
        ("dimensions[fit]/average/sd", Num(25.207047292298228)),
        ("dimensions[fit]/diff", Num(17.592592592592595)),
        ("dimensions[fit]/hedges_g", Null),
        ("dimensions[fit]/hedges_g_ci95", Null),
        ("dimensions[fit]/welch/t", Null),
        ("dimensions[fit]/welch/df", Null),
        ("dimensions[fit]/welch/p", Null),
        ("dimensions[fit]/mann_whitney/u", Num(2.0)),
        ("dimensions[fit]/mann_whitney/p", Num(0.5402913746074199)),
        ("dimensions[fit]/q", Null),
        ("dimensions[cadence]/leaders/n", Int(1)),
        ("dimensions[cadence]/leaders/mean", Num(61.574074074074076)),
        ("dimensions[cadence]/leaders/sd", Null),
        ("dimensions[cadence]/laggards/n", Int(2)),
        ("dimensions[cadence]/laggards/mean", Num(36.111111111111114)),
        ("dimensions[cadence]/laggards/sd", Num(1.3094570021973122)),
        ("dimensions[cadence]/average/n", Int(1)),
        ("dimensions[cadence]/average/mean", Num(68.51851851851852)),
        ("dimensions[cadence]/average/sd", Null),
        ("dimensions[cadence]/diff", Num(25.462962962962962)),
        ("dimensions[cadence]/hedges_g", Null),
        ("dimensions[cadence]/hedges_g_ci95", Null),
        ("dimensions[cadence]/welch/t", Null),
        ("dimensions[cadence]/welch/df", Null),
        ("dimensions[cadence]/welch/p", Null),
        ("dimensions[cadence]/mann_whitney/u", Num(2.0)),
        ("dimensions[cadence]/mann_whitney/p", Num(0.5402913746074199)),
        ("dimensions[cadence]/q", Null),
        ("items[fit_icp]/leaders/n", Int(1)),
        ("items[fit_icp]/leaders/mean", Num(3.6666666666666665)),
        ("items[fit_icp]/leaders/sd", Null),
        ("items[fit_icp]/laggards/n", Int(2)),
        ("items[fit_icp]/laggards/mean", Num(3.583333333333333)),
        ("items[fit_icp]/laggards/sd", Num(0.11785113019775781)),
        ("items[fit_icp]/average/n", Int(1)),
        ("items[fit_icp]/average/mean", Num(3.1666666666666665)),
        ("items[fit_icp]/average/sd", Null),
        ("items[fit_icp]/diff", Num(0.08333333333333348)),
        ("items[fit_icp]/hedges_g", Null),
        ("items[fit_icp]/hedges_g_ci95", Null),
        ("items[fit_icp]/welch/t", Null),
        ("items[fit_icp]/welch/df", Null),
        ("items[fit_icp]/welch/p", Null),
        ("items[fit_icp]/mann_whitney/u", Num(1.5)),
        ("items[fit_icp]/mann_whitney/p", Num(1.0)),
        ("items[fit_icp]/q", Null),
        ("items[fit_icp]/text", Str("We target the same accounts.")),
        ("items[fit_icp]/top2_leaders", Num(16.666666666666668)),
        ("items[fit_icp]/top2_laggards", Num(0.0)),
        ("items[fit_icp]/lift", Null),
        ("items[fit_icp]/answered_leaders", Int(6)),
        ("items[fit_icp]/answered_laggards", Int(12)),
        ("items[fit_handoff]/leaders/n", Int(1)),
        ("items[fit_handoff]/leaders/mean", Num(5.666666666666667)),
        ("items[fit_handoff]/leaders/sd", Null),
        ("items[fit_handoff]/laggards/n", Int(2)),
        ("items[fit_handoff]/laggards/mean", Num(3.666666666666667)),
        ("items[fit_handoff]/laggards/sd", Num(0.23570226039551595)),
        ("items[fit_handoff]/average/n", Int(2)),
        ("items[fit_handoff]/average/mean", Num(4.583333333333334)),
        ("items[fit_handoff]/average/sd", Num(1.5320646925708532)),
        ("items[fit_handoff]/diff", Num(2.0)),
        ("items[fit_handoff]/hedges_g", Null),
        ("items[fit_handoff]/hedges_g_ci95", Null),
        ("items[fit_handoff]/welch/t", Null),
        ("items[fit_handoff]/welch/df", Null),
        ("items[fit_handoff]/welch/p", Null),
        ("items[fit_handoff]/mann_whitney/u", Num(2.0)),
        ("items[fit_handoff]/mann_whitney/p", Num(0.5402913746074199)),
        ("items[fit_handoff]/q", Null),
        ("items[fit_handoff]/text", Str("Hand-off rules are written down and followed.")),
        ("items[fit_handoff]/top2_leaders", Num(66.66666666666667)),
        ("items[fit_handoff]/top2_laggards", Num(8.333333333333334)),
        ("items[fit_handoff]/lift", Num(8.0)),
        ("items[fit_handoff]/answered_leaders", Int(6)),
        ("items[fit_handoff]/answered_laggards", Int(12)),
        ("items[fit_dumped]/leaders/n", Int(1)),
        ("items[fit_dumped]/leaders/mean", Num(4.666666666666667)),
        ("items[fit_dumped]/leaders/sd", Null),
        ("items[fit_dumped]/laggards/n", Int(2)),
        ("items[fit_dumped]/laggards/mean", Num(3.583333333333333)),
        ("items[fit_dumped]/laggards/sd", Num(0.5892556509887897)),
        ("items[fit_dumped]/average/n", Int(1)),
        ("items[fit_dumped]/average/mean", Num(3.3333333333333335)),
        ("items[fit_dumped]/average/sd", Null),
        ("items[fit_dumped]/diff", Num(1.083333333333334)),
        ("items[fit_dumped]/hedges_g", Null),
        ("items[fit_dumped]/hedges_g_ci95", Null),
        ("items[fit_dumped]/welch/t", Null),
        ("items[fit_dumped]/welch/df", Null),
        ("items[fit_dumped]/welch/p", Null),
        ("items[fit_dumped]/mann_whitney/u", Num(2.0)),
        ("items[fit_dumped]/mann_whitney/p", Num(0.5402913746074199)),
        ("items[fit_dumped]/q", Null),
        ("items[fit_dumped]/text", Str("Leads are dumped on sales without context.")),
        ("items[fit_dumped]/top2_leaders", Num(0.0)),
        ("items[fit_dumped]/top2_laggards", Num(16.666666666666668)),
        ("items[fit_dumped]/lift", Num(0.0)),
        ("items[fit_dumped]/answered_leaders", Int(6)),
        ("items[fit_dumped]/answered_laggards", Int(12)),
        ("items[cad_weekly]/leaders/n", Int(0)),
        ("items[cad_weekly]/leaders/mean", Null),
        ("items[cad_weekly]/leaders/sd", Null),
        ("items[cad_weekly]/laggards/n", Int(2)),
        ("items[cad_weekly]/laggards/mean", Num(3.3333333333333335)),
        ("items[cad_weekly]/laggards/sd", Num(0.7071067811865476)),
        ("items[cad_weekly]/average/n", Int(1)),
        ("items[cad_weekly]/average/mean", Num(5.5)),
        ("items[cad_weekly]/average/sd", Null),
        ("items[cad_weekly]/diff", Null),
        ("items[cad_weekly]/hedges_g", Null),
        ("items[cad_weekly]/hedges_g_ci95", Null),
        ("items[cad_weekly]/welch/t", Null),
        ("items[cad_weekly]/welch/df", Null),
        ("items[cad_weekly]/welch/p", Null),
        ("items[cad_weekly]/mann_whitney/u", Null),
        ("items[cad_weekly]/mann_whitney/p", Null),
        ("items[cad_weekly]/q", Null),
        ("items[cad_weekly]/text", Str("We meet every week to review the pipeline.")),
        ("items[cad_weekly]/top2_leaders", Null),
        ("items[cad_weekly]/top2_laggards", Num(8.333333333333334)),
        ("items[cad_weekly]/lift", Null),
        ("items[cad_weekly]/answered_leaders", Int(4)),
        ("items[cad_weekly]/answered_laggards", Int(12)),
        ("items[cad_silos]/leaders/n", Int(1)),
        ("items[cad_silos]/leaders/mean", Num(5.166666666666667)),
        ("items[cad_silos]/leaders/sd", Null),
        ("items[cad_silos]/laggards/n", Int(2)),
        ("items[cad_silos]/laggards/mean", Num(3.0)),
        ("items[cad_silos]/laggards/sd", Num(0.23570226039551562)),
        ("items[cad_silos]/average/n", Int(1)),
        ("items[cad_silos]/average/mean", Num(4.333333333333333)),
        ("items[cad_silos]/average/sd", Null),
        ("items[cad_silos]/diff", Num(2.166666666666667)),
        ("items[cad_silos]/hedges_g", Null),
        ("items[cad_silos]/hedges_g_ci95", Null),
        ("items[cad_silos]/welch/t", Null),
        ("items[cad_silos]/welch/df", Null),
        ("items[cad_silos]/welch/p", Null),
        ("items[cad_silos]/mann_whitney/u", Num(2.0)),
        ("items[cad_silos]/mann_whitney/p", Num(0.5402913746074199)),
        ("items[cad_silos]/q", Null),
        ("items[cad_silos]/text", Str("Each team plans its quarter alone.")),
        ("items[cad_silos]/top2_leaders", Num(0.0)),
        ("items[cad_silos]/top2_laggards", Num(33.333333333333336)),
        ("items[cad_silos]/lift", Num(0.0)),
        ("items[cad_silos]/answered_leaders", Int(6)),
        ("items[cad_silos]/answered_laggards", Int(12)),
        ("items[cad_feedback]/leaders/n", Int(1)),
        ("items[cad_feedback]/leaders/mean", Num(4.5)),
        ("items[cad_feedback]/leaders/sd", Null),
        ("items[cad_feedback]/laggards/n", Int(2)),
        ("items[cad_feedback]/laggards/mean", Num(3.1666666666666665)),
        ("items[cad_feedback]/laggards/sd", Num(0.7071067811865476)),
        ("items[cad_feedback]/average/n", Int(0)),
        ("items[cad_feedback]/average/mean", Null),
        ("items[cad_feedback]/average/sd", Null),
        ("items[cad_feedback]/diff", Num(1.3333333333333335)),
        ("items[cad_feedback]/hedges_g", Null),
        ("items[cad_feedback]/hedges_g_ci95", Null),
        ("items[cad_feedback]/welch/t", Null),
        ("items[cad_feedback]/welch/df", Null),
        ("items[cad_feedback]/welch/p", Null),
        ("items[cad_feedback]/mann_whitney/u", Num(2.0)),
        ("items[cad_feedback]/mann_whitney/p", Num(0.5402913746074199)),
        ("items[cad_feedback]/q", Null),
        ("items[cad_feedback]/text", Str("Sales tells marketing which campaigns produced deals.")),
        ("items[cad_feedback]/top2_leaders", Num(16.666666666666668)),
        ("items[cad_feedback]/top2_laggards", Num(0.0)),
        ("items[cad_feedback]/lift", Null),
        ("items[cad_feedback]/answered_leaders", Int(6)),
        ("items[cad_feedback]/answered_laggards", Int(12)),
        ("correlations[fit]/n", Int(5)),
        ("correlations[fit]/spearman_rho", Num(0.6)),
        ("correlations[fit]/p", Num(0.28475697986529386)),
        ("correlations[cadence]/n", Int(4)),
        ("correlations[cadence]/spearman_rho", Num(0.7999999999999999)),
        ("correlations[cadence]/p", Num(0.2000000000000001)),
        ("companies[beta]/n", Int(3)),
        ("companies[beta]/suppressed", Bool(true)),
        ("companies[beta]/composite", Null),
        ("companies[beta]/tier", Null),
        ("companies[pi]/n", Int(6)),
        ("companies[pi]/suppressed", Bool(false)),
        ("companies[pi]/composite", Num(1.4177236376560802)),
        ("companies[pi]/tier", Str("leader")),
        ("companies[iota]/n", Int(4)),
        ("companies[iota]/suppressed", Bool(true)),
        ("companies[iota]/composite", Null),
        ("companies[iota]/tier", Null),
        ("companies[kappa]/n", Int(3)),
        ("companies[kappa]/suppressed", Bool(true)),
        ("companies[kappa]/composite", Null),
        ("companies[kappa]/tier", Null),
        ("companies[sigma]/n", Int(5)),
        ("companies[sigma]/suppressed", Bool(true)),
        ("companies[sigma]/composite", Null),
        ("companies[sigma]/tier", Null),
        ("companies[omicron]/n", Int(6)),
        ("companies[omicron]/suppressed", Bool(false)),
        ("companies[omicron]/composite", Null),
        ("companies[omicron]/tier", Null),
        ("companies[rho]/n", Int(3)),
        ("companies[rho]/suppressed", Bool(true)),
        ("companies[rho]/composite", Null),
        ("companies[rho]/tier", Null),
        ("companies[theta]/n", Int(6)),
        ("companies[theta]/suppressed", Bool(false)),
        ("companies[theta]/composite", Num(-0.9374164712759611)),
        ("companies[theta]/tier", Str("laggard")),
        ("companies[xi]/n", Int(2)),
        ("companies[xi]/suppressed", Bool(true)),
        ("companies[xi]/composite", Null),
        ("companies[xi]/tier", Null),
        ("companies[epsilon]/n", Int(5)),
        ("companies[epsilon]/suppressed", Bool(true)),
        ("companies[epsilon]/composite", Null),
        ("companies[epsilon]/tier", Null),
        ("companies[delta]/n", Int(4)),
        ("companies[delta]/suppressed", Bool(true)),
        ("companies[delta]/composite", Null),
        ("companies[delta]/tier", Null),
        ("companies[eta]/n", Int(6)),
        ("companies[eta]/suppressed", Bool(false)),
        ("companies[eta]/composite", Num(-0.7796138269455413)),
        ("companies[eta]/tier", Str("laggard")),
        ("companies[lambda]/n", Int(3)),
        ("companies[lambda]/suppressed", Bool(true)),
        ("companies[lambda]/composite", Null),
        ("companies[lambda]/tier", Null),
        ("companies[gamma]/n", Int(6)),
        ("companies[gamma]/suppressed", Bool(false)),
        ("companies[gamma]/composite", Num(0.640702136495297)),
        ("companies[gamma]/tier", Str("average")),
        ("companies[alpha]/n", Int(4)),
        ("companies[alpha]/suppressed", Bool(true)),
        ("companies[alpha]/composite", Null),
        ("companies[alpha]/tier", Null),
        ("companies[nu]/n", Int(6)),
        ("companies[nu]/suppressed", Bool(false)),
        ("companies[nu]/composite", Num(-0.17044220718305825)),
        ("companies[nu]/tier", Str("average")),
        ("companies[mu]/n", Int(3)),
        ("companies[mu]/suppressed", Bool(true)),
        ("companies[mu]/composite", Null),
        ("companies[mu]/tier", Null),
        ("companies[zeta]/n", Int(4)),
        ("companies[zeta]/suppressed", Bool(true)),
        ("companies[zeta]/composite", Null),
        ("companies[zeta]/tier", Null),
        ("unclassified[omicron]/reason", Str("1 of 3 outcomes usable; at least 2 are needed")),
    ];
}

/// Each outcome's company values by tier, as reported (not sign-flipped).
/// Expected values computed with numpy (`np.mean`, `np.median`) over the
/// companies of each tier in `outcomes.csv`; `mu` is not in that file, so
/// its values are the means of its respondents' non-missing answers in
/// `responses.csv` (bookings (3.7 + 2.2 + 3.5) / 3, win rate
/// (29.0 + 27.7) / 2, cycle (91.1 + 87.2 + 88.2) / 3); `xi` (hidden) and
/// `omicron` (unclassified) are in no tier.
#[test]
fn leaders_outcomes_by_tier_match_numpy() {
    let (v, _) = fixture("outcomes.csv", &[]);
    // Per outcome: (n, mean, median) of leaders, average and laggards.
    type ByTier = [(usize, f64, f64); 3];
    let expected: [(&str, ByTier); 3] = [
        (
            "bookings_growth",
            [
                (3, 7.733333333333333, 7.3),
                (8, 3.0541666666666663, 2.8),
                (5, -0.6599999999999999, -1.2),
            ],
        ),
        (
            "win_rate",
            [(3, 26.8, 28.1), (8, 22.95625, 21.8), (5, 18.54, 17.6)],
        ),
        (
            "sales_cycle_days",
            [
                (3, 86.66666666666667, 88.0),
                (8, 87.85416666666666, 87.41666666666666),
                (5, 102.8, 100.0),
            ],
        ),
    ];
    let rows = v["outcomes_by_tier"].as_array().unwrap();
    assert_eq!(rows.len(), expected.len());
    for (row, (id, tiers)) in rows.iter().zip(expected) {
        assert_eq!(row["outcome"], id);
        for (tier, (n, mean, median)) in ["leaders", "average", "laggards"].iter().zip(tiers) {
            let t = &row[*tier];
            assert_eq!(t["n"].as_u64().unwrap() as usize, n, "{id} {tier}");
            approx::assert_relative_eq!(t["mean"].as_f64().unwrap(), mean, max_relative = 1e-12);
            approx::assert_relative_eq!(
                t["median"].as_f64().unwrap(),
                median,
                max_relative = 1e-12
            );
        }
    }
    // 3 leaders and 5 laggards: every comparison is indicative.
    assert_eq!(v["indicative"], true);
    let summary: Vec<&str> = v["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert!(summary[1].starts_with("Indicative only"), "{summary:?}");
    assert!(summary[2..].iter().all(|s| s.starts_with("Indicative: ")));
    assert!(
        summary
            .iter()
            .any(|s| s.contains("bookings growth: 7.7% vs -0.7%")),
        "{summary:?}"
    );
}
