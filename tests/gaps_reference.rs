//! Reference-value tests for `align gaps --format json` (SPEC 4 and 5).
//!
//! Every expected value in the tables at the end of this file comes from
//! `tests/reference/gaps_reference.py`, which reads the fixture with pandas
//! (not with this crate) and recomputes every figure with numpy, scipy
//! (`spearmanr`, the normal quantile of the Fisher-z CI, `percentileofscore`)
//! and statsmodels (`proportions_ztest`, `multipletests(method="fdr_bh")`).
//! `python3 tests/reference/gaps_reference.py` prints a readable listing;
//! `python3 tests/reference/gaps_reference.py --rust` prints the tables pasted
//! below; `--write-fixtures` rewrites `tests/data/gaps/`. Numbers are
//! compared with an absolute tolerance of 1e-6.
//!
//! Fixture `tests/data/gaps/` (a non-default instrument, "Revenue team
//! pulse"): 7-point scale answered as numbers and as labels in mixed case and
//! spacing, missing tokens, columns `rid`/`org`/`function`, role aliases
//! (`AE`, `SDR`, `Demand gen`, `RevOps` = both), two dimensions (3 and 2
//! items, one reverse-worded item each), 2 perception items, 3 statements,
//! 2 outcomes (one `lower_is_better`); 55 rows in 14 companies, one row
//! excluded (no item answered). Planted:
//! * `s_mkt_buyers`: 0% of sales agree (the test is still defined: statsmodels
//!   gives a finite p because the pooled proportion is not 0 or 1);
//! * `s_pipeline_call`: 100% of sales and of marketing agree: the pooled
//!   proportion is 1, so p and q are null and the row is left out of BH;
//! * `k05` and `k06` have the same outcomes and sit exactly at the median
//!   composite of the 13 classified companies: both count as below;
//! * `k01`, `k02`, `k03`, `k09` have a perception index of exactly 75 (the
//!   default threshold): perceived aligned; `k04` has an alignment index of
//!   exactly 75: measured aligned;
//! * `k09` has blank outcomes in the outcomes file (unclassified: outside the
//!   quadrants, inside the measured comparison); `k10` has one of two
//!   outcomes (classified); `k14` is not in the outcomes file and takes its
//!   growth from the responses; `k99` is only in the outcomes file;
//! * `k11` has no teamwork answers (no alignment index, no overconfidence),
//!   `k12` no perception answers (no perception index);
//! * `k13` has 2 respondents: hidden at `--anonymity 3` but counted in the
//!   quadrants, shares and correlations; 4 `both` respondents in all, so the
//!   `both` column is hidden at `--anonymity 5`.
//!
//! A second fixture, `tests/data/gaps/binary/`, is a yes/no (0–1) scale with
//! one dimension (its rows were written once by `align generate`; the
//! reference values are computed from the CSV by the script).

mod support;
use support::assert_accounting;
use support::cli::{align, run_json};
use support::reference::{at, check, Exp};

use serde_json::Value;

/// A file of the `tests/data/gaps` fixture.
fn data(rel: &str) -> String {
    support::cli::data(&format!("gaps/{rel}"))
}

/// Run `align`, require success and strict JSON.
fn align_json(args: &[&str]) -> Value {
    run_json(args).0
}

/// `align gaps` on the fixture with `instrument`, as JSON.
fn gaps(instrument: &str, extra: &[&str]) -> Value {
    let resp = data("responses.csv");
    let inst = data(instrument);
    let mut args = vec![
        "gaps",
        resp.as_str(),
        "--instrument",
        inst.as_str(),
        "--format",
        "json",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    align_json(&args)
}

fn with_outcomes(extra: &[&str]) -> Value {
    let outcomes = data("outcomes.csv");
    let mut args = vec!["--outcomes", outcomes.as_str()];
    args.extend_from_slice(extra);
    gaps("instrument.json", &args)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("{v} is not an array"))
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn gaps_default_run_matches_the_reference() {
    let v = with_outcomes(&[]);
    check(
        &v,
        GAPS_DEFAULT,
        "gaps, z composite, threshold 75, anonymity 3",
    );
    assert_accounting(&v);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["command"], "gaps");
    assert_eq!(v["settings"]["composite"], "z");
    assert_eq!(v["settings"]["weighting"], "respondent");
    assert!(v["needs_outcomes"].as_array().unwrap().is_empty());
    // Every SPEC 5 key is there.
    for k in [
        "share_perceived_aligned",
        "share_perceived_below_median",
        "quadrants",
        "rho_perception_outcome",
        "rho_alignment_outcome",
    ] {
        assert!(v["perception"].get(k).is_some(), "perception.{k}");
    }
    for row in v["disconnect"].as_array().unwrap() {
        for k in [
            "item",
            "text",
            "pct_sales",
            "pct_marketing",
            "gap_pp",
            "p",
            "q",
        ] {
            assert!(row.get(k).is_some(), "disconnect[].{k}");
        }
    }
    for c in v["companies"].as_array().unwrap() {
        for k in [
            "company_id",
            "perception_index",
            "alignment_index",
            "overconfidence",
        ] {
            assert!(c.get(k).is_some(), "companies[].{k}");
        }
    }
    // The headline sentences carry the planted numbers.
    let h = v["headlines"]["perception"].as_str().unwrap();
    assert_eq!(
        h,
        "75% of companies say they are aligned (9 of 12, perception index ≥ 75); 56% of those (5 of 9) are below the median on outcomes."
    );
    let h = v["headlines"]["disconnect"].as_str().unwrap();
    assert!(
        h.starts_with("Widest sales–marketing gap: 0% of sales and 48% of marketing agree that \"Marketing understands our buyers\" (+48 points"),
        "{h}"
    );
    // The undefined test and the hidden company are explained.
    let w = strings(&v["warnings"]).join("\n");
    assert!(
        w.contains("undefined (p and q are null) for s_pipeline_call"),
        "{w}"
    );
    assert!(w.contains("1 company has fewer than 3 respondents"), "{w}");
    assert!(w.contains("k14"), "{w}");
}

#[test]
fn gaps_rank_composite_role_weighting_and_other_threshold_match_the_reference() {
    let v = with_outcomes(&[
        "--composite",
        "rank",
        "--weighting",
        "role",
        "--perceived-threshold",
        "70",
        "--anonymity",
        "5",
    ]);
    check(
        &v,
        GAPS_RANK_ROLE,
        "gaps, rank composite, role weighting, 70, anonymity 5",
    );
    assert_eq!(v["settings"]["composite"], "rank");
    assert_eq!(v["settings"]["perceived_threshold"], 70.0);
    let w = strings(&v["warnings"]).join("\n");
    assert!(
        w.contains(
            "the both percentage is hidden for 10 items answered by fewer than 5 both respondents"
        ),
        "{w}"
    );
}

#[test]
fn gaps_without_outcomes_the_perception_part_compares_with_the_measured_index() {
    let v = gaps("instrument_no_outcomes.json", &[]);
    check(&v, GAPS_NO_OUTCOMES, "gaps, instrument without outcomes");
    assert!(v["settings"]["composite"].is_null());
    assert_eq!(
        strings(&v["needs_outcomes"]),
        [
            "quadrants",
            "share_perceived_below_median",
            "rho_perception_outcome",
            "rho_alignment_outcome"
        ]
    );
    let notes = strings(&v["notes"]).join("\n");
    assert!(notes.contains("need outcomes"), "{notes}");
    assert!(notes.contains("defines none"), "{notes}");
    let h = v["headlines"]["perception"].as_str().unwrap();
    assert!(
        h.contains("of companies say they are aligned")
            && h.contains("score below 75 on the measured alignment index"),
        "{h}"
    );
    // The disconnect is complete.
    assert_eq!(v["disconnect"].as_array().unwrap().len(), 10);
}

#[test]
fn gaps_outcomes_declared_but_not_given_say_how_to_give_them() {
    // Only k14 reports an outcome in the responses: no composite anywhere.
    let v = gaps("instrument.json", &[]);
    assert!(v["perception"]["quadrants"].is_null());
    assert!(v["perception"]["share_perceived_below_median"].is_null());
    assert_eq!(v["needs_outcomes"].as_array().unwrap().len(), 4);
    let notes = strings(&v["notes"]).join("\n");
    assert!(notes.contains("give --outcomes FILE"), "{notes}");
    // The same figures as with an instrument that has no outcomes.
    let no_out = gaps("instrument_no_outcomes.json", &[]);
    assert_eq!(v["perception"], no_out["perception"]);
    assert_eq!(v["disconnect"], no_out["disconnect"]);
    assert_eq!(v["companies"], no_out["companies"]);
}

#[test]
fn gaps_without_perception_items_only_the_disconnect() {
    let v = gaps("instrument_no_perception.json", &[]);
    assert!(v["perception"].is_null());
    assert!(v["headlines"]["perception"].is_null());
    assert!(v["companies"].as_array().unwrap().is_empty());
    let notes = strings(&v["notes"]).join("\n");
    assert!(notes.contains("needs perception items"), "{notes}");
    // Items and statements, without the perception rows, same figures.
    let rows = v["disconnect"].as_array().unwrap();
    assert_eq!(rows.len(), 8);
    let full = with_outcomes(&[]);
    for row in rows {
        let id = row["item"].as_str().unwrap();
        let other = at(&full, &format!("disconnect[{id}]")).unwrap();
        for k in ["pct_sales", "pct_marketing", "pct_both", "gap_pp", "p"] {
            assert_eq!(row[k], other[k], "{id}.{k}");
        }
    }
    // BH runs over this smaller family: q differs where p does not.
    let q = |v: &Value| at(v, "disconnect[s_sales_qualifies]/q").unwrap().as_f64();
    assert_ne!(q(&v), q(&full));
}

#[test]
fn gaps_without_a_role_column_only_the_perception_part() {
    let outcomes = data("outcomes.csv");
    let v = gaps("instrument_no_roles.json", &["--outcomes", &outcomes]);
    assert!(v["disconnect"].as_array().unwrap().is_empty());
    assert!(v["headlines"]["disconnect"].is_null());
    assert!(v["n_by_role"].as_object().unwrap().is_empty());
    let notes = strings(&v["notes"]).join("\n");
    assert!(notes.contains("needs a role column"), "{notes}");
    // Respondent weighting ignores roles: the same perception figures.
    let full = with_outcomes(&[]);
    assert_eq!(v["perception"], full["perception"]);
    assert_eq!(v["companies"], full["companies"]);
    assert_eq!(
        v["headlines"]["perception"],
        full["headlines"]["perception"]
    );
}

#[test]
fn gaps_neither_perception_items_nor_roles_is_a_usage_error() {
    let out = align()
        .args([
            "gaps",
            &data("responses.csv"),
            "--instrument",
            &data("instrument_neither.json"),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("needs perception items") && err.contains("role column"),
        "{err}"
    );
}

#[test]
fn gaps_threshold_outside_the_index_is_a_usage_error() {
    let out = align()
        .args([
            "gaps",
            &data("responses.csv"),
            "--perceived-threshold",
            "120",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0 to 100"));
}

/// A two-point (yes/no, 0–1) scale with one dimension: "top-2-box" is the
/// top point alone, and the indexes run over a range of 1.
#[test]
fn gaps_binary_scale_matches_the_reference() {
    let path = |f: &str| data(&format!("binary/{f}"));
    let v = align_json(&[
        "gaps",
        &path("responses.csv"),
        "--instrument",
        &path("instrument.json"),
        "--outcomes",
        &path("outcomes.csv"),
        "--format",
        "json",
        "--quiet",
    ]);
    check(&v, GAPS_BINARY, "gaps, yes/no scale");
    assert_accounting(&v);
}

/// The planted structure of `align generate` (src/generate.rs): perception
/// inflated and loosely tied to outcomes, marketing rates collaboration
/// higher, each function rates statements about itself higher.
#[test]
fn gaps_synthetic_survey_shows_the_planted_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("survey.csv");
    let outcomes = dir.path().join("outcomes.csv");
    let out = align()
        .args(["generate", "--companies", "300", "--seed", "2", "-o"])
        .arg(&survey)
        .arg("--outcomes")
        .arg(&outcomes)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = align_json(&[
        "gaps",
        survey.to_str().unwrap(),
        "--outcomes",
        outcomes.to_str().unwrap(),
        "--format",
        "json",
        "--quiet",
    ]);
    let p = &v["perception"];
    let f = |v: &Value, k: &str| {
        at(v, k)
            .unwrap()
            .as_f64()
            .unwrap_or_else(|| panic!("{k} is not a number"))
    };
    // ~80–90% say they are aligned; about half of those are below the median.
    let said = f(p, "share_perceived_aligned");
    assert!((0.78..=0.92).contains(&said), "{said}");
    let below = f(p, "share_perceived_below_median");
    assert!((0.35..=0.55).contains(&below), "{below}");
    assert_eq!(p["n_companies"], 300);
    // Perception tracks outcomes clearly less than the measured index.
    let rp = f(p, "rho_perception_outcome");
    let ra = f(p, "rho_alignment_outcome");
    assert!((0.2..=0.5).contains(&rp), "{rp}");
    assert!(ra > 0.6, "{ra}");
    assert!(ra - rp > 0.2, "{rp} vs {ra}");
    assert!(
        f(p, "rho_perception_outcome_ci95/1") < f(p, "rho_alignment_outcome_ci95/0"),
        "the CIs overlap"
    );
    assert!(f(p, "measured/mean_overconfidence") > 15.0);
    assert!(f(p, "measured/share_perceived_not_measured") > 0.5);
    let h = v["headlines"]["perception"].as_str().unwrap();
    assert!(
        h.contains(&format!(
            "{:.0}% of companies say they are aligned",
            100.0 * said
        )),
        "{h}"
    );
    assert!(
        h.contains(&format!("{:.0}% of those", 100.0 * below)),
        "{h}"
    );
    assert!(h.ends_with("are below the median on outcomes."), "{h}");

    // Statements: the function a statement is about agrees more.
    for (id, about_marketing) in [
        ("st_mkt_understands_customers", true),
        ("st_mkt_good_investment", true),
        ("st_sales_qualifies", false),
        ("st_sales_follows_up", false),
    ] {
        let row = at(&v, &format!("disconnect[{id}]")).unwrap();
        let (own, other) = if about_marketing {
            (f(row, "pct_marketing"), f(row, "pct_sales"))
        } else {
            (f(row, "pct_sales"), f(row, "pct_marketing"))
        };
        assert!((35.0..=60.0).contains(&other), "{id}: {other}");
        assert!((65.0..=85.0).contains(&own), "{id}: {own}");
        let gap = f(row, "gap_pp");
        assert_eq!(gap > 0.0, about_marketing, "{id}: {gap}");
        assert!(f(row, "q") < 0.001, "{id}");
    }
    // The statements lead the table, and only collaboration items follow
    // with a planted gap: marketing agrees more (less with the reverse one).
    let rows = v["disconnect"].as_array().unwrap();
    for row in &rows[..4] {
        assert_eq!(row["kind"], "statement");
    }
    for row in rows {
        let id = row["item"].as_str().unwrap();
        let gap = f(row, "gap_pp");
        if id.starts_with("co_") {
            let reverse = row["reverse"].as_bool().unwrap();
            assert!(gap.abs() > 5.0 && (gap < 0.0) == reverse, "{id}: {gap}");
        } else if id.starts_with("su_") || id.starts_with("in_") {
            assert!(gap.abs() < 10.0, "{id}: {gap}");
        }
    }
    let h = v["headlines"]["disconnect"].as_str().unwrap();
    assert!(h.starts_with("Widest sales–marketing gap:"), "{h}");

    // Most overconfident first.
    let over: Vec<f64> = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["overconfidence"].as_f64())
        .collect();
    assert!(over.windows(2).all(|w| w[0] >= w[1]));
}

// Generated by tests/reference/gaps_reference.py --rust; do not edit by hand.

/// --outcomes outcomes.csv (z composite, threshold 75, anonymity 3, respondent weighting)
#[rustfmt::skip]
pub const GAPS_DEFAULT: &[(&str, Exp)] = &[
    ("input/rows_read", Exp::Int(55)),
    ("input/rows_scored", Exp::Int(54)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(14)),
    ("perception/perceived_threshold", Exp::Num(75.0)),
    ("perception/outcomes_available", Exp::Bool(true)),
    ("perception/n_companies", Exp::Int(12)),
    ("perception/n_perceived_aligned", Exp::Int(9)),
    ("perception/share_perceived_aligned", Exp::Num(0.75)),
    ("perception/n_perceived_below_median", Exp::Int(5)),
    ("perception/share_perceived_below_median", Exp::Num(0.5555555555555556)),
    ("perception/n_perception_outcome", Exp::Int(12)),
    ("perception/n_alignment_outcome", Exp::Int(12)),
    ("perception/rho_perception_outcome", Exp::Num(-0.1766828574476791)),
    ("perception/rho_perception_outcome_p", Exp::Num(0.5827912520868376)),
    ("perception/rho_alignment_outcome", Exp::Num(0.4098079839779326)),
    ("perception/rho_alignment_outcome_p", Exp::Num(0.18582449084404493)),
    ("perception/rho_perception_outcome_ci95/0", Exp::Num(-0.6814830613846509)),
    ("perception/rho_perception_outcome_ci95/1", Exp::Num(0.44204109815131476)),
    ("perception/rho_alignment_outcome_ci95/0", Exp::Num(-0.21455461902384007)),
    ("perception/rho_alignment_outcome_ci95/1", Exp::Num(0.7964038142543322)),
    ("perception/quadrants/n", Exp::Int(12)),
    ("perception/quadrants/median_composite", Exp::Num(0.025219946726490375)),
    ("perception/quadrants/perceived_aligned_above_median/n", Exp::Int(4)),
    ("perception/quadrants/perceived_aligned_above_median/share", Exp::Num(0.3333333333333333)),
    ("perception/quadrants/perceived_aligned_below_median/n", Exp::Int(5)),
    ("perception/quadrants/perceived_aligned_below_median/share", Exp::Num(0.4166666666666667)),
    ("perception/quadrants/not_perceived_aligned_above_median/n", Exp::Int(1)),
    ("perception/quadrants/not_perceived_aligned_above_median/share", Exp::Num(0.08333333333333333)),
    ("perception/quadrants/not_perceived_aligned_below_median/n", Exp::Int(2)),
    ("perception/quadrants/not_perceived_aligned_below_median/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/n", Exp::Int(12)),
    ("perception/measured/perceived_and_measured_aligned/n", Exp::Int(2)),
    ("perception/measured/perceived_and_measured_aligned/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/perceived_not_measured_aligned/n", Exp::Int(8)),
    ("perception/measured/perceived_not_measured_aligned/share", Exp::Num(0.6666666666666666)),
    ("perception/measured/measured_not_perceived_aligned/n", Exp::Int(0)),
    ("perception/measured/measured_not_perceived_aligned/share", Exp::Num(0.0)),
    ("perception/measured/neither/n", Exp::Int(2)),
    ("perception/measured/neither/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/share_perceived_not_measured", Exp::Num(0.8)),
    ("perception/measured/rho_perception_alignment", Exp::Num(0.6917550948510491)),
    ("perception/measured/rho_perception_alignment_p", Exp::Num(0.012693300101635625)),
    ("perception/measured/mean_overconfidence", Exp::Num(22.947530864197528)),
    ("perception/measured/median_overconfidence", Exp::Num(24.583333333333332)),
    ("perception/measured/rho_perception_alignment_ci95/0", Exp::Num(0.19544503187877119)),
    ("perception/measured/rho_perception_alignment_ci95/1", Exp::Num(0.9059823084368983)),
    ("disconnect/0/item", Exp::Str("s_mkt_buyers")),
    ("disconnect[s_mkt_buyers]/kind", Exp::Str("statement")),
    ("disconnect[s_mkt_buyers]/n_sales", Exp::Int(21)),
    ("disconnect[s_mkt_buyers]/n_marketing", Exp::Int(29)),
    ("disconnect[s_mkt_buyers]/n_both", Exp::Int(4)),
    ("disconnect[s_mkt_buyers]/pct_sales", Exp::Num(0.0)),
    ("disconnect[s_mkt_buyers]/pct_marketing", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/pct_both", Exp::Num(25.0)),
    ("disconnect[s_mkt_buyers]/gap_pp", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/p", Exp::Num(0.0001751539887886259)),
    ("disconnect[s_mkt_buyers]/q", Exp::Num(0.0015763858990976332)),
    ("disconnect/1/item", Exp::Str("s_sales_qualifies")),
    ("disconnect[s_sales_qualifies]/kind", Exp::Str("statement")),
    ("disconnect[s_sales_qualifies]/n_sales", Exp::Int(21)),
    ("disconnect[s_sales_qualifies]/n_marketing", Exp::Int(29)),
    ("disconnect[s_sales_qualifies]/n_both", Exp::Int(4)),
    ("disconnect[s_sales_qualifies]/pct_sales", Exp::Num(52.38095238095238)),
    ("disconnect[s_sales_qualifies]/pct_marketing", Exp::Num(10.344827586206897)),
    ("disconnect[s_sales_qualifies]/pct_both", Exp::Num(25.0)),
    ("disconnect[s_sales_qualifies]/gap_pp", Exp::Num(-42.03612479474548)),
    ("disconnect[s_sales_qualifies]/p", Exp::Num(0.001085438153099673)),
    ("disconnect[s_sales_qualifies]/q", Exp::Num(0.004884471688948528)),
    ("disconnect/2/item", Exp::Str("p_aligned")),
    ("disconnect[p_aligned]/kind", Exp::Str("perception")),
    ("disconnect[p_aligned]/n_sales", Exp::Int(20)),
    ("disconnect[p_aligned]/n_marketing", Exp::Int(27)),
    ("disconnect[p_aligned]/n_both", Exp::Int(3)),
    ("disconnect[p_aligned]/pct_sales", Exp::Num(50.0)),
    ("disconnect[p_aligned]/pct_marketing", Exp::Num(70.37037037037037)),
    ("disconnect[p_aligned]/pct_both", Exp::Num(33.333333333333336)),
    ("disconnect[p_aligned]/gap_pp", Exp::Num(20.370370370370367)),
    ("disconnect[p_aligned]/p", Exp::Num(0.1554923866041635)),
    ("disconnect[p_aligned]/q", Exp::Num(0.3498578698593679)),
    ("disconnect/3/item", Exp::Str("t_forum")),
    ("disconnect[t_forum]/kind", Exp::Str("item")),
    ("disconnect[t_forum]/n_sales", Exp::Int(19)),
    ("disconnect[t_forum]/n_marketing", Exp::Int(27)),
    ("disconnect[t_forum]/n_both", Exp::Int(4)),
    ("disconnect[t_forum]/pct_sales", Exp::Num(26.31578947368421)),
    ("disconnect[t_forum]/pct_marketing", Exp::Num(37.03703703703704)),
    ("disconnect[t_forum]/pct_both", Exp::Num(25.0)),
    ("disconnect[t_forum]/gap_pp", Exp::Num(10.72124756335283)),
    ("disconnect[t_forum]/p", Exp::Num(0.44501076341889834)),
    ("disconnect[t_forum]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/4/item", Exp::Str("t_silo")),
    ("disconnect[t_silo]/kind", Exp::Str("item")),
    ("disconnect[t_silo]/n_sales", Exp::Int(20)),
    ("disconnect[t_silo]/n_marketing", Exp::Int(27)),
    ("disconnect[t_silo]/n_both", Exp::Int(4)),
    ("disconnect[t_silo]/pct_sales", Exp::Num(10.0)),
    ("disconnect[t_silo]/pct_marketing", Exp::Num(0.0)),
    ("disconnect[t_silo]/pct_both", Exp::Num(0.0)),
    ("disconnect[t_silo]/gap_pp", Exp::Num(-10.0)),
    ("disconnect[t_silo]/p", Exp::Num(0.09309640339623983)),
    ("disconnect[t_silo]/q", Exp::Num(0.2792892101887195)),
    ("disconnect/5/item", Exp::Str("f_guess")),
    ("disconnect[f_guess]/kind", Exp::Str("item")),
    ("disconnect[f_guess]/n_sales", Exp::Int(19)),
    ("disconnect[f_guess]/n_marketing", Exp::Int(27)),
    ("disconnect[f_guess]/n_both", Exp::Int(4)),
    ("disconnect[f_guess]/pct_sales", Exp::Num(5.2631578947368425)),
    ("disconnect[f_guess]/pct_marketing", Exp::Num(14.814814814814815)),
    ("disconnect[f_guess]/pct_both", Exp::Num(0.0)),
    ("disconnect[f_guess]/gap_pp", Exp::Num(9.551656920077972)),
    ("disconnect[f_guess]/p", Exp::Num(0.3054572701407329)),
    ("disconnect[f_guess]/q", Exp::Num(0.5498230862533191)),
    ("disconnect/6/item", Exp::Str("f_icp")),
    ("disconnect[f_icp]/kind", Exp::Str("item")),
    ("disconnect[f_icp]/n_sales", Exp::Int(19)),
    ("disconnect[f_icp]/n_marketing", Exp::Int(25)),
    ("disconnect[f_icp]/n_both", Exp::Int(4)),
    ("disconnect[f_icp]/pct_sales", Exp::Num(15.789473684210526)),
    ("disconnect[f_icp]/pct_marketing", Exp::Num(24.0)),
    ("disconnect[f_icp]/pct_both", Exp::Num(25.0)),
    ("disconnect[f_icp]/gap_pp", Exp::Num(8.210526315789474)),
    ("disconnect[f_icp]/p", Exp::Num(0.5036303379063996)),
    ("disconnect[f_icp]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/7/item", Exp::Str("f_value")),
    ("disconnect[f_value]/kind", Exp::Str("item")),
    ("disconnect[f_value]/n_sales", Exp::Int(19)),
    ("disconnect[f_value]/n_marketing", Exp::Int(29)),
    ("disconnect[f_value]/n_both", Exp::Int(4)),
    ("disconnect[f_value]/pct_sales", Exp::Num(21.05263157894737)),
    ("disconnect[f_value]/pct_marketing", Exp::Num(13.793103448275861)),
    ("disconnect[f_value]/pct_both", Exp::Num(0.0)),
    ("disconnect[f_value]/gap_pp", Exp::Num(-7.259528130671509)),
    ("disconnect[f_value]/p", Exp::Num(0.5092675938262698)),
    ("disconnect[f_value]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/8/item", Exp::Str("p_together")),
    ("disconnect[p_together]/kind", Exp::Str("perception")),
    ("disconnect[p_together]/n_sales", Exp::Int(20)),
    ("disconnect[p_together]/n_marketing", Exp::Int(26)),
    ("disconnect[p_together]/n_both", Exp::Int(3)),
    ("disconnect[p_together]/pct_sales", Exp::Num(55.0)),
    ("disconnect[p_together]/pct_marketing", Exp::Num(53.84615384615385)),
    ("disconnect[p_together]/pct_both", Exp::Num(100.0)),
    ("disconnect[p_together]/gap_pp", Exp::Num(-1.1538461538461533)),
    ("disconnect[p_together]/p", Exp::Num(0.9379202420742009)),
    ("disconnect[p_together]/q", Exp::Num(0.9379202420742009)),
    ("disconnect/9/item", Exp::Str("s_pipeline_call")),
    ("disconnect[s_pipeline_call]/kind", Exp::Str("statement")),
    ("disconnect[s_pipeline_call]/n_sales", Exp::Int(21)),
    ("disconnect[s_pipeline_call]/n_marketing", Exp::Int(29)),
    ("disconnect[s_pipeline_call]/n_both", Exp::Int(4)),
    ("disconnect[s_pipeline_call]/pct_sales", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_marketing", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_both", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/gap_pp", Exp::Num(0.0)),
    ("disconnect[s_pipeline_call]/p", Exp::Null),
    ("disconnect[s_pipeline_call]/q", Exp::Null),
    ("companies/0/company_id", Exp::Str("k05")),
    ("companies[k05]/n", Exp::Int(4)),
    ("companies[k05]/suppressed", Exp::Bool(false)),
    ("companies[k05]/perception_index", Exp::Num(66.66666666666667)),
    ("companies[k05]/alignment_index", Exp::Num(18.055555555555557)),
    ("companies[k05]/overconfidence", Exp::Num(48.611111111111114)),
    ("companies[k05]/composite", Exp::Num(0.025219946726490375)),
    ("companies[k05]/perceived_aligned", Exp::Bool(false)),
    ("companies[k05]/measured_aligned", Exp::Bool(false)),
    ("companies[k05]/above_median", Exp::Bool(false)),
    ("companies/1/company_id", Exp::Str("k09")),
    ("companies[k09]/n", Exp::Int(3)),
    ("companies[k09]/suppressed", Exp::Bool(false)),
    ("companies[k09]/perception_index", Exp::Num(75.0)),
    ("companies[k09]/alignment_index", Exp::Num(33.7962962962963)),
    ("companies[k09]/overconfidence", Exp::Num(41.2037037037037)),
    ("companies[k09]/composite", Exp::Null),
    ("companies[k09]/perceived_aligned", Exp::Bool(true)),
    ("companies[k09]/measured_aligned", Exp::Bool(false)),
    ("companies[k09]/above_median", Exp::Null),
    ("companies/2/company_id", Exp::Str("k02")),
    ("companies[k02]/n", Exp::Int(5)),
    ("companies[k02]/suppressed", Exp::Bool(false)),
    ("companies[k02]/perception_index", Exp::Num(75.0)),
    ("companies[k02]/alignment_index", Exp::Num(45.55555555555556)),
    ("companies[k02]/overconfidence", Exp::Num(29.444444444444443)),
    ("companies[k02]/composite", Exp::Num(-1.1903887077630286)),
    ("companies[k02]/perceived_aligned", Exp::Bool(true)),
    ("companies[k02]/measured_aligned", Exp::Bool(false)),
    ("companies[k02]/above_median", Exp::Bool(false)),
    ("companies/3/company_id", Exp::Str("k10")),
    ("companies[k10]/n", Exp::Int(6)),
    ("companies[k10]/suppressed", Exp::Bool(false)),
    ("companies[k10]/perception_index", Exp::Num(73.61111111111111)),
    ("companies[k10]/alignment_index", Exp::Num(48.14814814814815)),
    ("companies[k10]/overconfidence", Exp::Num(25.462962962962962)),
    ("companies[k10]/composite", Exp::Num(0.3236878726147848)),
    ("companies[k10]/perceived_aligned", Exp::Bool(false)),
    ("companies[k10]/measured_aligned", Exp::Bool(false)),
    ("companies[k10]/above_median", Exp::Bool(true)),
    ("companies/4/company_id", Exp::Str("k06")),
    ("companies[k06]/n", Exp::Int(3)),
    ("companies[k06]/suppressed", Exp::Bool(false)),
    ("companies[k06]/perception_index", Exp::Num(80.55555555555556)),
    ("companies[k06]/alignment_index", Exp::Num(55.55555555555556)),
    ("companies[k06]/overconfidence", Exp::Num(25.0)),
    ("companies[k06]/composite", Exp::Num(0.025219946726490375)),
    ("companies[k06]/perceived_aligned", Exp::Bool(true)),
    ("companies[k06]/measured_aligned", Exp::Bool(false)),
    ("companies[k06]/above_median", Exp::Bool(false)),
    ("companies/5/company_id", Exp::Str("k01")),
    ("companies[k01]/n", Exp::Int(5)),
    ("companies[k01]/suppressed", Exp::Bool(false)),
    ("companies[k01]/perception_index", Exp::Num(75.0)),
    ("companies[k01]/alignment_index", Exp::Num(50.833333333333336)),
    ("companies[k01]/overconfidence", Exp::Num(24.166666666666664)),
    ("companies[k01]/composite", Exp::Num(1.0955626014340907)),
    ("companies[k01]/perceived_aligned", Exp::Bool(true)),
    ("companies[k01]/measured_aligned", Exp::Bool(false)),
    ("companies[k01]/above_median", Exp::Bool(true)),
    ("companies/6/company_id", Exp::Str("k07")),
    ("companies[k07]/n", Exp::Int(5)),
    ("companies[k07]/suppressed", Exp::Bool(false)),
    ("companies[k07]/perception_index", Exp::Num(81.66666666666667)),
    ("companies[k07]/alignment_index", Exp::Num(67.43055555555556)),
    ("companies[k07]/overconfidence", Exp::Num(14.236111111111114)),
    ("companies[k07]/composite", Exp::Num(-2.095422075210206)),
    ("companies[k07]/perceived_aligned", Exp::Bool(true)),
    ("companies[k07]/measured_aligned", Exp::Bool(false)),
    ("companies[k07]/above_median", Exp::Bool(false)),
    ("companies/7/company_id", Exp::Str("k14")),
    ("companies[k14]/n", Exp::Int(3)),
    ("companies[k14]/suppressed", Exp::Bool(false)),
    ("companies[k14]/perception_index", Exp::Num(86.11111111111113)),
    ("companies[k14]/alignment_index", Exp::Num(72.22222222222223)),
    ("companies[k14]/overconfidence", Exp::Num(13.8888888888889)),
    ("companies[k14]/composite", Exp::Num(-0.143861276717682)),
    ("companies[k14]/perceived_aligned", Exp::Bool(true)),
    ("companies[k14]/measured_aligned", Exp::Bool(false)),
    ("companies[k14]/above_median", Exp::Bool(false)),
    ("companies/8/company_id", Exp::Str("k03")),
    ("companies[k03]/n", Exp::Int(3)),
    ("companies[k03]/suppressed", Exp::Bool(false)),
    ("companies[k03]/perception_index", Exp::Num(75.0)),
    ("companies[k03]/alignment_index", Exp::Num(65.74074074074075)),
    ("companies[k03]/overconfidence", Exp::Num(9.259259259259252)),
    ("companies[k03]/composite", Exp::Num(0.14210723405960707)),
    ("companies[k03]/perceived_aligned", Exp::Bool(true)),
    ("companies[k03]/measured_aligned", Exp::Bool(false)),
    ("companies[k03]/above_median", Exp::Bool(true)),
    ("companies/9/company_id", Exp::Str("k04")),
    ("companies[k04]/n", Exp::Int(4)),
    ("companies[k04]/suppressed", Exp::Bool(false)),
    ("companies[k04]/perception_index", Exp::Num(81.25)),
    ("companies[k04]/alignment_index", Exp::Num(75.0)),
    ("companies[k04]/overconfidence", Exp::Num(6.25)),
    ("companies[k04]/composite", Exp::Num(1.494646463360747)),
    ("companies[k04]/perceived_aligned", Exp::Bool(true)),
    ("companies[k04]/measured_aligned", Exp::Bool(true)),
    ("companies[k04]/above_median", Exp::Bool(true)),
    ("companies/10/company_id", Exp::Str("k08")),
    ("companies[k08]/n", Exp::Int(4)),
    ("companies[k08]/suppressed", Exp::Bool(false)),
    ("companies[k08]/perception_index", Exp::Num(81.25)),
    ("companies[k08]/alignment_index", Exp::Num(76.04166666666666)),
    ("companies[k08]/overconfidence", Exp::Num(5.208333333333343)),
    ("companies[k08]/composite", Exp::Num(0.5896130959135697)),
    ("companies[k08]/perceived_aligned", Exp::Bool(true)),
    ("companies[k08]/measured_aligned", Exp::Bool(true)),
    ("companies[k08]/above_median", Exp::Bool(true)),
    ("companies/11/company_id", Exp::Str("k11")),
    ("companies[k11]/n", Exp::Int(3)),
    ("companies[k11]/suppressed", Exp::Bool(false)),
    ("companies[k11]/perception_index", Exp::Num(69.44444444444444)),
    ("companies[k11]/alignment_index", Exp::Null),
    ("companies[k11]/overconfidence", Exp::Null),
    ("companies[k11]/composite", Exp::Num(-0.4707079150547785)),
    ("companies[k11]/perceived_aligned", Exp::Bool(false)),
    ("companies[k11]/measured_aligned", Exp::Null),
    ("companies[k11]/above_median", Exp::Bool(false)),
    ("companies/12/company_id", Exp::Str("k12")),
    ("companies[k12]/n", Exp::Int(4)),
    ("companies[k12]/suppressed", Exp::Bool(false)),
    ("companies[k12]/perception_index", Exp::Null),
    ("companies[k12]/alignment_index", Exp::Num(94.09722222222223)),
    ("companies[k12]/overconfidence", Exp::Null),
    ("companies[k12]/composite", Exp::Num(0.813366026840551)),
    ("companies[k12]/perceived_aligned", Exp::Null),
    ("companies[k12]/measured_aligned", Exp::Bool(true)),
    ("companies[k12]/above_median", Exp::Bool(true)),
    ("companies/13/company_id", Exp::Str("k13")),
    ("companies[k13]/n", Exp::Int(2)),
    ("companies[k13]/suppressed", Exp::Bool(true)),
    ("companies[k13]/perception_index", Exp::Null),
    ("companies[k13]/alignment_index", Exp::Null),
    ("companies[k13]/overconfidence", Exp::Null),
    ("companies[k13]/composite", Exp::Null),
    ("companies[k13]/perceived_aligned", Exp::Null),
    ("companies[k13]/measured_aligned", Exp::Null),
    ("companies[k13]/above_median", Exp::Null),
    ("hidden/companies", Exp::Int(1)),
];

/// --outcomes outcomes.csv --composite rank --weighting role --perceived-threshold 70 --anonymity 5
#[rustfmt::skip]
pub const GAPS_RANK_ROLE: &[(&str, Exp)] = &[
    ("input/rows_read", Exp::Int(55)),
    ("input/rows_scored", Exp::Int(54)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(14)),
    ("perception/perceived_threshold", Exp::Num(70.0)),
    ("perception/outcomes_available", Exp::Bool(true)),
    ("perception/n_companies", Exp::Int(12)),
    ("perception/n_perceived_aligned", Exp::Int(10)),
    ("perception/share_perceived_aligned", Exp::Num(0.8333333333333334)),
    ("perception/n_perceived_below_median", Exp::Int(5)),
    ("perception/share_perceived_below_median", Exp::Num(0.5)),
    ("perception/n_perception_outcome", Exp::Int(12)),
    ("perception/n_alignment_outcome", Exp::Int(12)),
    ("perception/rho_perception_outcome", Exp::Num(-0.014287992527381863)),
    ("perception/rho_perception_outcome_p", Exp::Num(0.9648477125354207)),
    ("perception/rho_alignment_outcome", Exp::Num(0.4518395720782334)),
    ("perception/rho_alignment_outcome_p", Exp::Num(0.14031277047271054)),
    ("perception/rho_perception_outcome_ci95/0", Exp::Num(-0.5834057396384572)),
    ("perception/rho_perception_outcome_ci95/1", Exp::Num(0.5642403399848588)),
    ("perception/rho_alignment_outcome_ci95/0", Exp::Num(-0.16479537418699738)),
    ("perception/rho_alignment_outcome_ci95/1", Exp::Num(0.8145254139416966)),
    ("perception/quadrants/n", Exp::Int(12)),
    ("perception/quadrants/median_composite", Exp::Num(46.15384615384616)),
    ("perception/quadrants/perceived_aligned_above_median/n", Exp::Int(5)),
    ("perception/quadrants/perceived_aligned_above_median/share", Exp::Num(0.4166666666666667)),
    ("perception/quadrants/perceived_aligned_below_median/n", Exp::Int(5)),
    ("perception/quadrants/perceived_aligned_below_median/share", Exp::Num(0.4166666666666667)),
    ("perception/quadrants/not_perceived_aligned_above_median/n", Exp::Int(0)),
    ("perception/quadrants/not_perceived_aligned_above_median/share", Exp::Num(0.0)),
    ("perception/quadrants/not_perceived_aligned_below_median/n", Exp::Int(2)),
    ("perception/quadrants/not_perceived_aligned_below_median/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/n", Exp::Int(12)),
    ("perception/measured/perceived_and_measured_aligned/n", Exp::Int(2)),
    ("perception/measured/perceived_and_measured_aligned/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/perceived_not_measured_aligned/n", Exp::Int(9)),
    ("perception/measured/perceived_not_measured_aligned/share", Exp::Num(0.75)),
    ("perception/measured/measured_not_perceived_aligned/n", Exp::Int(0)),
    ("perception/measured/measured_not_perceived_aligned/share", Exp::Num(0.0)),
    ("perception/measured/neither/n", Exp::Int(1)),
    ("perception/measured/neither/share", Exp::Num(0.08333333333333333)),
    ("perception/measured/share_perceived_not_measured", Exp::Num(0.8181818181818182)),
    ("perception/measured/rho_perception_alignment", Exp::Num(0.7010538125423909)),
    ("perception/measured/rho_perception_alignment_p", Exp::Num(0.011082892377625754)),
    ("perception/measured/mean_overconfidence", Exp::Num(23.090277777777775)),
    ("perception/measured/median_overconfidence", Exp::Num(24.18981481481481)),
    ("perception/measured/rho_perception_alignment_ci95/0", Exp::Num(0.21274859753015157)),
    ("perception/measured/rho_perception_alignment_ci95/1", Exp::Num(0.9091654962511106)),
    ("disconnect/0/item", Exp::Str("s_mkt_buyers")),
    ("disconnect[s_mkt_buyers]/kind", Exp::Str("statement")),
    ("disconnect[s_mkt_buyers]/n_sales", Exp::Int(21)),
    ("disconnect[s_mkt_buyers]/n_marketing", Exp::Int(29)),
    ("disconnect[s_mkt_buyers]/n_both", Exp::Int(4)),
    ("disconnect[s_mkt_buyers]/pct_sales", Exp::Num(0.0)),
    ("disconnect[s_mkt_buyers]/pct_marketing", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/pct_both", Exp::Null),
    ("disconnect[s_mkt_buyers]/gap_pp", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/p", Exp::Num(0.0001751539887886259)),
    ("disconnect[s_mkt_buyers]/q", Exp::Num(0.0015763858990976332)),
    ("disconnect/1/item", Exp::Str("s_sales_qualifies")),
    ("disconnect[s_sales_qualifies]/kind", Exp::Str("statement")),
    ("disconnect[s_sales_qualifies]/n_sales", Exp::Int(21)),
    ("disconnect[s_sales_qualifies]/n_marketing", Exp::Int(29)),
    ("disconnect[s_sales_qualifies]/n_both", Exp::Int(4)),
    ("disconnect[s_sales_qualifies]/pct_sales", Exp::Num(52.38095238095238)),
    ("disconnect[s_sales_qualifies]/pct_marketing", Exp::Num(10.344827586206897)),
    ("disconnect[s_sales_qualifies]/pct_both", Exp::Null),
    ("disconnect[s_sales_qualifies]/gap_pp", Exp::Num(-42.03612479474548)),
    ("disconnect[s_sales_qualifies]/p", Exp::Num(0.001085438153099673)),
    ("disconnect[s_sales_qualifies]/q", Exp::Num(0.004884471688948528)),
    ("disconnect/2/item", Exp::Str("p_aligned")),
    ("disconnect[p_aligned]/kind", Exp::Str("perception")),
    ("disconnect[p_aligned]/n_sales", Exp::Int(20)),
    ("disconnect[p_aligned]/n_marketing", Exp::Int(27)),
    ("disconnect[p_aligned]/n_both", Exp::Int(3)),
    ("disconnect[p_aligned]/pct_sales", Exp::Num(50.0)),
    ("disconnect[p_aligned]/pct_marketing", Exp::Num(70.37037037037037)),
    ("disconnect[p_aligned]/pct_both", Exp::Null),
    ("disconnect[p_aligned]/gap_pp", Exp::Num(20.370370370370367)),
    ("disconnect[p_aligned]/p", Exp::Num(0.1554923866041635)),
    ("disconnect[p_aligned]/q", Exp::Num(0.3498578698593679)),
    ("disconnect/3/item", Exp::Str("t_forum")),
    ("disconnect[t_forum]/kind", Exp::Str("item")),
    ("disconnect[t_forum]/n_sales", Exp::Int(19)),
    ("disconnect[t_forum]/n_marketing", Exp::Int(27)),
    ("disconnect[t_forum]/n_both", Exp::Int(4)),
    ("disconnect[t_forum]/pct_sales", Exp::Num(26.31578947368421)),
    ("disconnect[t_forum]/pct_marketing", Exp::Num(37.03703703703704)),
    ("disconnect[t_forum]/pct_both", Exp::Null),
    ("disconnect[t_forum]/gap_pp", Exp::Num(10.72124756335283)),
    ("disconnect[t_forum]/p", Exp::Num(0.44501076341889834)),
    ("disconnect[t_forum]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/4/item", Exp::Str("t_silo")),
    ("disconnect[t_silo]/kind", Exp::Str("item")),
    ("disconnect[t_silo]/n_sales", Exp::Int(20)),
    ("disconnect[t_silo]/n_marketing", Exp::Int(27)),
    ("disconnect[t_silo]/n_both", Exp::Int(4)),
    ("disconnect[t_silo]/pct_sales", Exp::Num(10.0)),
    ("disconnect[t_silo]/pct_marketing", Exp::Num(0.0)),
    ("disconnect[t_silo]/pct_both", Exp::Null),
    ("disconnect[t_silo]/gap_pp", Exp::Num(-10.0)),
    ("disconnect[t_silo]/p", Exp::Num(0.09309640339623983)),
    ("disconnect[t_silo]/q", Exp::Num(0.2792892101887195)),
    ("disconnect/5/item", Exp::Str("f_guess")),
    ("disconnect[f_guess]/kind", Exp::Str("item")),
    ("disconnect[f_guess]/n_sales", Exp::Int(19)),
    ("disconnect[f_guess]/n_marketing", Exp::Int(27)),
    ("disconnect[f_guess]/n_both", Exp::Int(4)),
    ("disconnect[f_guess]/pct_sales", Exp::Num(5.2631578947368425)),
    ("disconnect[f_guess]/pct_marketing", Exp::Num(14.814814814814815)),
    ("disconnect[f_guess]/pct_both", Exp::Null),
    ("disconnect[f_guess]/gap_pp", Exp::Num(9.551656920077972)),
    ("disconnect[f_guess]/p", Exp::Num(0.3054572701407329)),
    ("disconnect[f_guess]/q", Exp::Num(0.5498230862533191)),
    ("disconnect/6/item", Exp::Str("f_icp")),
    ("disconnect[f_icp]/kind", Exp::Str("item")),
    ("disconnect[f_icp]/n_sales", Exp::Int(19)),
    ("disconnect[f_icp]/n_marketing", Exp::Int(25)),
    ("disconnect[f_icp]/n_both", Exp::Int(4)),
    ("disconnect[f_icp]/pct_sales", Exp::Num(15.789473684210526)),
    ("disconnect[f_icp]/pct_marketing", Exp::Num(24.0)),
    ("disconnect[f_icp]/pct_both", Exp::Null),
    ("disconnect[f_icp]/gap_pp", Exp::Num(8.210526315789474)),
    ("disconnect[f_icp]/p", Exp::Num(0.5036303379063996)),
    ("disconnect[f_icp]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/7/item", Exp::Str("f_value")),
    ("disconnect[f_value]/kind", Exp::Str("item")),
    ("disconnect[f_value]/n_sales", Exp::Int(19)),
    ("disconnect[f_value]/n_marketing", Exp::Int(29)),
    ("disconnect[f_value]/n_both", Exp::Int(4)),
    ("disconnect[f_value]/pct_sales", Exp::Num(21.05263157894737)),
    ("disconnect[f_value]/pct_marketing", Exp::Num(13.793103448275861)),
    ("disconnect[f_value]/pct_both", Exp::Null),
    ("disconnect[f_value]/gap_pp", Exp::Num(-7.259528130671509)),
    ("disconnect[f_value]/p", Exp::Num(0.5092675938262698)),
    ("disconnect[f_value]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/8/item", Exp::Str("p_together")),
    ("disconnect[p_together]/kind", Exp::Str("perception")),
    ("disconnect[p_together]/n_sales", Exp::Int(20)),
    ("disconnect[p_together]/n_marketing", Exp::Int(26)),
    ("disconnect[p_together]/n_both", Exp::Int(3)),
    ("disconnect[p_together]/pct_sales", Exp::Num(55.0)),
    ("disconnect[p_together]/pct_marketing", Exp::Num(53.84615384615385)),
    ("disconnect[p_together]/pct_both", Exp::Null),
    ("disconnect[p_together]/gap_pp", Exp::Num(-1.1538461538461533)),
    ("disconnect[p_together]/p", Exp::Num(0.9379202420742009)),
    ("disconnect[p_together]/q", Exp::Num(0.9379202420742009)),
    ("disconnect/9/item", Exp::Str("s_pipeline_call")),
    ("disconnect[s_pipeline_call]/kind", Exp::Str("statement")),
    ("disconnect[s_pipeline_call]/n_sales", Exp::Int(21)),
    ("disconnect[s_pipeline_call]/n_marketing", Exp::Int(29)),
    ("disconnect[s_pipeline_call]/n_both", Exp::Int(4)),
    ("disconnect[s_pipeline_call]/pct_sales", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_marketing", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_both", Exp::Null),
    ("disconnect[s_pipeline_call]/gap_pp", Exp::Num(0.0)),
    ("disconnect[s_pipeline_call]/p", Exp::Null),
    ("disconnect[s_pipeline_call]/q", Exp::Null),
    ("companies/0/company_id", Exp::Str("k02")),
    ("companies[k02]/n", Exp::Int(5)),
    ("companies[k02]/suppressed", Exp::Bool(false)),
    ("companies[k02]/perception_index", Exp::Num(75.0)),
    ("companies[k02]/alignment_index", Exp::Num(45.13888888888889)),
    ("companies[k02]/overconfidence", Exp::Num(29.861111111111107)),
    ("companies[k02]/composite", Exp::Num(12.587412587412587)),
    ("companies[k02]/perceived_aligned", Exp::Bool(true)),
    ("companies[k02]/measured_aligned", Exp::Bool(false)),
    ("companies[k02]/above_median", Exp::Bool(false)),
    ("companies/1/company_id", Exp::Str("k10")),
    ("companies[k10]/n", Exp::Int(6)),
    ("companies[k10]/suppressed", Exp::Bool(false)),
    ("companies[k10]/perception_index", Exp::Num(75.0)),
    ("companies[k10]/alignment_index", Exp::Num(49.30555555555556)),
    ("companies[k10]/overconfidence", Exp::Num(25.694444444444443)),
    ("companies[k10]/composite", Exp::Num(65.38461538461539)),
    ("companies[k10]/perceived_aligned", Exp::Bool(true)),
    ("companies[k10]/measured_aligned", Exp::Bool(false)),
    ("companies[k10]/above_median", Exp::Bool(true)),
    ("companies/2/company_id", Exp::Str("k01")),
    ("companies[k01]/n", Exp::Int(5)),
    ("companies[k01]/suppressed", Exp::Bool(false)),
    ("companies[k01]/perception_index", Exp::Num(75.0)),
    ("companies[k01]/alignment_index", Exp::Num(51.62037037037038)),
    ("companies[k01]/overconfidence", Exp::Num(23.37962962962962)),
    ("companies[k01]/composite", Exp::Num(87.41258741258741)),
    ("companies[k01]/perceived_aligned", Exp::Bool(true)),
    ("companies[k01]/measured_aligned", Exp::Bool(false)),
    ("companies[k01]/above_median", Exp::Bool(true)),
    ("companies/3/company_id", Exp::Str("k07")),
    ("companies[k07]/n", Exp::Int(5)),
    ("companies[k07]/suppressed", Exp::Bool(false)),
    ("companies[k07]/perception_index", Exp::Num(80.55555555555556)),
    ("companies[k07]/alignment_index", Exp::Num(67.12962962962962)),
    ("companies[k07]/overconfidence", Exp::Num(13.425925925925938)),
    ("companies[k07]/composite", Exp::Num(4.195804195804196)),
    ("companies[k07]/perceived_aligned", Exp::Bool(true)),
    ("companies[k07]/measured_aligned", Exp::Bool(false)),
    ("companies[k07]/above_median", Exp::Bool(false)),
    ("companies/4/company_id", Exp::Str("k03")),
    ("companies[k03]/n", Exp::Int(3)),
    ("companies[k03]/suppressed", Exp::Bool(true)),
    ("companies[k03]/perception_index", Exp::Null),
    ("companies[k03]/alignment_index", Exp::Null),
    ("companies[k03]/overconfidence", Exp::Null),
    ("companies[k03]/composite", Exp::Null),
    ("companies[k03]/perceived_aligned", Exp::Null),
    ("companies[k03]/measured_aligned", Exp::Null),
    ("companies[k03]/above_median", Exp::Null),
    ("companies/5/company_id", Exp::Str("k04")),
    ("companies[k04]/n", Exp::Int(4)),
    ("companies[k04]/suppressed", Exp::Bool(true)),
    ("companies[k04]/perception_index", Exp::Null),
    ("companies[k04]/alignment_index", Exp::Null),
    ("companies[k04]/overconfidence", Exp::Null),
    ("companies[k04]/composite", Exp::Null),
    ("companies[k04]/perceived_aligned", Exp::Null),
    ("companies[k04]/measured_aligned", Exp::Null),
    ("companies[k04]/above_median", Exp::Null),
    ("companies/6/company_id", Exp::Str("k05")),
    ("companies[k05]/n", Exp::Int(4)),
    ("companies[k05]/suppressed", Exp::Bool(true)),
    ("companies[k05]/perception_index", Exp::Null),
    ("companies[k05]/alignment_index", Exp::Null),
    ("companies[k05]/overconfidence", Exp::Null),
    ("companies[k05]/composite", Exp::Null),
    ("companies[k05]/perceived_aligned", Exp::Null),
    ("companies[k05]/measured_aligned", Exp::Null),
    ("companies[k05]/above_median", Exp::Null),
    ("companies/7/company_id", Exp::Str("k06")),
    ("companies[k06]/n", Exp::Int(3)),
    ("companies[k06]/suppressed", Exp::Bool(true)),
    ("companies[k06]/perception_index", Exp::Null),
    ("companies[k06]/alignment_index", Exp::Null),
    ("companies[k06]/overconfidence", Exp::Null),
    ("companies[k06]/composite", Exp::Null),
    ("companies[k06]/perceived_aligned", Exp::Null),
    ("companies[k06]/measured_aligned", Exp::Null),
    ("companies[k06]/above_median", Exp::Null),
    ("companies/8/company_id", Exp::Str("k08")),
    ("companies[k08]/n", Exp::Int(4)),
    ("companies[k08]/suppressed", Exp::Bool(true)),
    ("companies[k08]/perception_index", Exp::Null),
    ("companies[k08]/alignment_index", Exp::Null),
    ("companies[k08]/overconfidence", Exp::Null),
    ("companies[k08]/composite", Exp::Null),
    ("companies[k08]/perceived_aligned", Exp::Null),
    ("companies[k08]/measured_aligned", Exp::Null),
    ("companies[k08]/above_median", Exp::Null),
    ("companies/9/company_id", Exp::Str("k09")),
    ("companies[k09]/n", Exp::Int(3)),
    ("companies[k09]/suppressed", Exp::Bool(true)),
    ("companies[k09]/perception_index", Exp::Null),
    ("companies[k09]/alignment_index", Exp::Null),
    ("companies[k09]/overconfidence", Exp::Null),
    ("companies[k09]/composite", Exp::Null),
    ("companies[k09]/perceived_aligned", Exp::Null),
    ("companies[k09]/measured_aligned", Exp::Null),
    ("companies[k09]/above_median", Exp::Null),
    ("companies/10/company_id", Exp::Str("k11")),
    ("companies[k11]/n", Exp::Int(3)),
    ("companies[k11]/suppressed", Exp::Bool(true)),
    ("companies[k11]/perception_index", Exp::Null),
    ("companies[k11]/alignment_index", Exp::Null),
    ("companies[k11]/overconfidence", Exp::Null),
    ("companies[k11]/composite", Exp::Null),
    ("companies[k11]/perceived_aligned", Exp::Null),
    ("companies[k11]/measured_aligned", Exp::Null),
    ("companies[k11]/above_median", Exp::Null),
    ("companies/11/company_id", Exp::Str("k12")),
    ("companies[k12]/n", Exp::Int(4)),
    ("companies[k12]/suppressed", Exp::Bool(true)),
    ("companies[k12]/perception_index", Exp::Null),
    ("companies[k12]/alignment_index", Exp::Null),
    ("companies[k12]/overconfidence", Exp::Null),
    ("companies[k12]/composite", Exp::Null),
    ("companies[k12]/perceived_aligned", Exp::Null),
    ("companies[k12]/measured_aligned", Exp::Null),
    ("companies[k12]/above_median", Exp::Null),
    ("companies/12/company_id", Exp::Str("k13")),
    ("companies[k13]/n", Exp::Int(2)),
    ("companies[k13]/suppressed", Exp::Bool(true)),
    ("companies[k13]/perception_index", Exp::Null),
    ("companies[k13]/alignment_index", Exp::Null),
    ("companies[k13]/overconfidence", Exp::Null),
    ("companies[k13]/composite", Exp::Null),
    ("companies[k13]/perceived_aligned", Exp::Null),
    ("companies[k13]/measured_aligned", Exp::Null),
    ("companies[k13]/above_median", Exp::Null),
    ("companies/13/company_id", Exp::Str("k14")),
    ("companies[k14]/n", Exp::Int(3)),
    ("companies[k14]/suppressed", Exp::Bool(true)),
    ("companies[k14]/perception_index", Exp::Null),
    ("companies[k14]/alignment_index", Exp::Null),
    ("companies[k14]/overconfidence", Exp::Null),
    ("companies[k14]/composite", Exp::Null),
    ("companies[k14]/perceived_aligned", Exp::Null),
    ("companies[k14]/measured_aligned", Exp::Null),
    ("companies[k14]/above_median", Exp::Null),
    ("hidden/companies", Exp::Int(10)),
];

/// instrument_no_outcomes.json, no --outcomes
#[rustfmt::skip]
pub const GAPS_NO_OUTCOMES: &[(&str, Exp)] = &[
    ("input/rows_read", Exp::Int(55)),
    ("input/rows_scored", Exp::Int(54)),
    ("input/rows_excluded", Exp::Int(1)),
    ("input/companies", Exp::Int(14)),
    ("perception/perceived_threshold", Exp::Num(75.0)),
    ("perception/outcomes_available", Exp::Bool(false)),
    ("perception/n_companies", Exp::Int(13)),
    ("perception/n_perceived_aligned", Exp::Int(10)),
    ("perception/share_perceived_aligned", Exp::Num(0.7692307692307693)),
    ("perception/n_perceived_below_median", Exp::Null),
    ("perception/share_perceived_below_median", Exp::Null),
    ("perception/n_perception_outcome", Exp::Int(0)),
    ("perception/n_alignment_outcome", Exp::Int(0)),
    ("perception/rho_perception_outcome", Exp::Null),
    ("perception/rho_perception_outcome_p", Exp::Null),
    ("perception/rho_alignment_outcome", Exp::Null),
    ("perception/rho_alignment_outcome_p", Exp::Null),
    ("perception/rho_perception_outcome_ci95", Exp::Null),
    ("perception/rho_alignment_outcome_ci95", Exp::Null),
    ("perception/quadrants", Exp::Null),
    ("perception/measured/n", Exp::Int(12)),
    ("perception/measured/perceived_and_measured_aligned/n", Exp::Int(2)),
    ("perception/measured/perceived_and_measured_aligned/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/perceived_not_measured_aligned/n", Exp::Int(8)),
    ("perception/measured/perceived_not_measured_aligned/share", Exp::Num(0.6666666666666666)),
    ("perception/measured/measured_not_perceived_aligned/n", Exp::Int(0)),
    ("perception/measured/measured_not_perceived_aligned/share", Exp::Num(0.0)),
    ("perception/measured/neither/n", Exp::Int(2)),
    ("perception/measured/neither/share", Exp::Num(0.16666666666666666)),
    ("perception/measured/share_perceived_not_measured", Exp::Num(0.8)),
    ("perception/measured/rho_perception_alignment", Exp::Num(0.6917550948510491)),
    ("perception/measured/rho_perception_alignment_p", Exp::Num(0.012693300101635625)),
    ("perception/measured/mean_overconfidence", Exp::Num(22.947530864197528)),
    ("perception/measured/median_overconfidence", Exp::Num(24.583333333333332)),
    ("perception/measured/rho_perception_alignment_ci95/0", Exp::Num(0.19544503187877119)),
    ("perception/measured/rho_perception_alignment_ci95/1", Exp::Num(0.9059823084368983)),
    ("disconnect/0/item", Exp::Str("s_mkt_buyers")),
    ("disconnect[s_mkt_buyers]/kind", Exp::Str("statement")),
    ("disconnect[s_mkt_buyers]/n_sales", Exp::Int(21)),
    ("disconnect[s_mkt_buyers]/n_marketing", Exp::Int(29)),
    ("disconnect[s_mkt_buyers]/n_both", Exp::Int(4)),
    ("disconnect[s_mkt_buyers]/pct_sales", Exp::Num(0.0)),
    ("disconnect[s_mkt_buyers]/pct_marketing", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/pct_both", Exp::Num(25.0)),
    ("disconnect[s_mkt_buyers]/gap_pp", Exp::Num(48.275862068965516)),
    ("disconnect[s_mkt_buyers]/p", Exp::Num(0.0001751539887886259)),
    ("disconnect[s_mkt_buyers]/q", Exp::Num(0.0015763858990976332)),
    ("disconnect/1/item", Exp::Str("s_sales_qualifies")),
    ("disconnect[s_sales_qualifies]/kind", Exp::Str("statement")),
    ("disconnect[s_sales_qualifies]/n_sales", Exp::Int(21)),
    ("disconnect[s_sales_qualifies]/n_marketing", Exp::Int(29)),
    ("disconnect[s_sales_qualifies]/n_both", Exp::Int(4)),
    ("disconnect[s_sales_qualifies]/pct_sales", Exp::Num(52.38095238095238)),
    ("disconnect[s_sales_qualifies]/pct_marketing", Exp::Num(10.344827586206897)),
    ("disconnect[s_sales_qualifies]/pct_both", Exp::Num(25.0)),
    ("disconnect[s_sales_qualifies]/gap_pp", Exp::Num(-42.03612479474548)),
    ("disconnect[s_sales_qualifies]/p", Exp::Num(0.001085438153099673)),
    ("disconnect[s_sales_qualifies]/q", Exp::Num(0.004884471688948528)),
    ("disconnect/2/item", Exp::Str("p_aligned")),
    ("disconnect[p_aligned]/kind", Exp::Str("perception")),
    ("disconnect[p_aligned]/n_sales", Exp::Int(20)),
    ("disconnect[p_aligned]/n_marketing", Exp::Int(27)),
    ("disconnect[p_aligned]/n_both", Exp::Int(3)),
    ("disconnect[p_aligned]/pct_sales", Exp::Num(50.0)),
    ("disconnect[p_aligned]/pct_marketing", Exp::Num(70.37037037037037)),
    ("disconnect[p_aligned]/pct_both", Exp::Num(33.333333333333336)),
    ("disconnect[p_aligned]/gap_pp", Exp::Num(20.370370370370367)),
    ("disconnect[p_aligned]/p", Exp::Num(0.1554923866041635)),
    ("disconnect[p_aligned]/q", Exp::Num(0.3498578698593679)),
    ("disconnect/3/item", Exp::Str("t_forum")),
    ("disconnect[t_forum]/kind", Exp::Str("item")),
    ("disconnect[t_forum]/n_sales", Exp::Int(19)),
    ("disconnect[t_forum]/n_marketing", Exp::Int(27)),
    ("disconnect[t_forum]/n_both", Exp::Int(4)),
    ("disconnect[t_forum]/pct_sales", Exp::Num(26.31578947368421)),
    ("disconnect[t_forum]/pct_marketing", Exp::Num(37.03703703703704)),
    ("disconnect[t_forum]/pct_both", Exp::Num(25.0)),
    ("disconnect[t_forum]/gap_pp", Exp::Num(10.72124756335283)),
    ("disconnect[t_forum]/p", Exp::Num(0.44501076341889834)),
    ("disconnect[t_forum]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/4/item", Exp::Str("t_silo")),
    ("disconnect[t_silo]/kind", Exp::Str("item")),
    ("disconnect[t_silo]/n_sales", Exp::Int(20)),
    ("disconnect[t_silo]/n_marketing", Exp::Int(27)),
    ("disconnect[t_silo]/n_both", Exp::Int(4)),
    ("disconnect[t_silo]/pct_sales", Exp::Num(10.0)),
    ("disconnect[t_silo]/pct_marketing", Exp::Num(0.0)),
    ("disconnect[t_silo]/pct_both", Exp::Num(0.0)),
    ("disconnect[t_silo]/gap_pp", Exp::Num(-10.0)),
    ("disconnect[t_silo]/p", Exp::Num(0.09309640339623983)),
    ("disconnect[t_silo]/q", Exp::Num(0.2792892101887195)),
    ("disconnect/5/item", Exp::Str("f_guess")),
    ("disconnect[f_guess]/kind", Exp::Str("item")),
    ("disconnect[f_guess]/n_sales", Exp::Int(19)),
    ("disconnect[f_guess]/n_marketing", Exp::Int(27)),
    ("disconnect[f_guess]/n_both", Exp::Int(4)),
    ("disconnect[f_guess]/pct_sales", Exp::Num(5.2631578947368425)),
    ("disconnect[f_guess]/pct_marketing", Exp::Num(14.814814814814815)),
    ("disconnect[f_guess]/pct_both", Exp::Num(0.0)),
    ("disconnect[f_guess]/gap_pp", Exp::Num(9.551656920077972)),
    ("disconnect[f_guess]/p", Exp::Num(0.3054572701407329)),
    ("disconnect[f_guess]/q", Exp::Num(0.5498230862533191)),
    ("disconnect/6/item", Exp::Str("f_icp")),
    ("disconnect[f_icp]/kind", Exp::Str("item")),
    ("disconnect[f_icp]/n_sales", Exp::Int(19)),
    ("disconnect[f_icp]/n_marketing", Exp::Int(25)),
    ("disconnect[f_icp]/n_both", Exp::Int(4)),
    ("disconnect[f_icp]/pct_sales", Exp::Num(15.789473684210526)),
    ("disconnect[f_icp]/pct_marketing", Exp::Num(24.0)),
    ("disconnect[f_icp]/pct_both", Exp::Num(25.0)),
    ("disconnect[f_icp]/gap_pp", Exp::Num(8.210526315789474)),
    ("disconnect[f_icp]/p", Exp::Num(0.5036303379063996)),
    ("disconnect[f_icp]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/7/item", Exp::Str("f_value")),
    ("disconnect[f_value]/kind", Exp::Str("item")),
    ("disconnect[f_value]/n_sales", Exp::Int(19)),
    ("disconnect[f_value]/n_marketing", Exp::Int(29)),
    ("disconnect[f_value]/n_both", Exp::Int(4)),
    ("disconnect[f_value]/pct_sales", Exp::Num(21.05263157894737)),
    ("disconnect[f_value]/pct_marketing", Exp::Num(13.793103448275861)),
    ("disconnect[f_value]/pct_both", Exp::Num(0.0)),
    ("disconnect[f_value]/gap_pp", Exp::Num(-7.259528130671509)),
    ("disconnect[f_value]/p", Exp::Num(0.5092675938262698)),
    ("disconnect[f_value]/q", Exp::Num(0.5729260430545536)),
    ("disconnect/8/item", Exp::Str("p_together")),
    ("disconnect[p_together]/kind", Exp::Str("perception")),
    ("disconnect[p_together]/n_sales", Exp::Int(20)),
    ("disconnect[p_together]/n_marketing", Exp::Int(26)),
    ("disconnect[p_together]/n_both", Exp::Int(3)),
    ("disconnect[p_together]/pct_sales", Exp::Num(55.0)),
    ("disconnect[p_together]/pct_marketing", Exp::Num(53.84615384615385)),
    ("disconnect[p_together]/pct_both", Exp::Num(100.0)),
    ("disconnect[p_together]/gap_pp", Exp::Num(-1.1538461538461533)),
    ("disconnect[p_together]/p", Exp::Num(0.9379202420742009)),
    ("disconnect[p_together]/q", Exp::Num(0.9379202420742009)),
    ("disconnect/9/item", Exp::Str("s_pipeline_call")),
    ("disconnect[s_pipeline_call]/kind", Exp::Str("statement")),
    ("disconnect[s_pipeline_call]/n_sales", Exp::Int(21)),
    ("disconnect[s_pipeline_call]/n_marketing", Exp::Int(29)),
    ("disconnect[s_pipeline_call]/n_both", Exp::Int(4)),
    ("disconnect[s_pipeline_call]/pct_sales", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_marketing", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/pct_both", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/gap_pp", Exp::Num(0.0)),
    ("disconnect[s_pipeline_call]/p", Exp::Null),
    ("disconnect[s_pipeline_call]/q", Exp::Null),
    ("companies/0/company_id", Exp::Str("k05")),
    ("companies[k05]/n", Exp::Int(4)),
    ("companies[k05]/suppressed", Exp::Bool(false)),
    ("companies[k05]/perception_index", Exp::Num(66.66666666666667)),
    ("companies[k05]/alignment_index", Exp::Num(18.055555555555557)),
    ("companies[k05]/overconfidence", Exp::Num(48.611111111111114)),
    ("companies[k05]/composite", Exp::Null),
    ("companies[k05]/perceived_aligned", Exp::Bool(false)),
    ("companies[k05]/measured_aligned", Exp::Bool(false)),
    ("companies[k05]/above_median", Exp::Null),
    ("companies/1/company_id", Exp::Str("k09")),
    ("companies[k09]/n", Exp::Int(3)),
    ("companies[k09]/suppressed", Exp::Bool(false)),
    ("companies[k09]/perception_index", Exp::Num(75.0)),
    ("companies[k09]/alignment_index", Exp::Num(33.7962962962963)),
    ("companies[k09]/overconfidence", Exp::Num(41.2037037037037)),
    ("companies[k09]/composite", Exp::Null),
    ("companies[k09]/perceived_aligned", Exp::Bool(true)),
    ("companies[k09]/measured_aligned", Exp::Bool(false)),
    ("companies[k09]/above_median", Exp::Null),
    ("companies/2/company_id", Exp::Str("k02")),
    ("companies[k02]/n", Exp::Int(5)),
    ("companies[k02]/suppressed", Exp::Bool(false)),
    ("companies[k02]/perception_index", Exp::Num(75.0)),
    ("companies[k02]/alignment_index", Exp::Num(45.55555555555556)),
    ("companies[k02]/overconfidence", Exp::Num(29.444444444444443)),
    ("companies[k02]/composite", Exp::Null),
    ("companies[k02]/perceived_aligned", Exp::Bool(true)),
    ("companies[k02]/measured_aligned", Exp::Bool(false)),
    ("companies[k02]/above_median", Exp::Null),
    ("companies/3/company_id", Exp::Str("k10")),
    ("companies[k10]/n", Exp::Int(6)),
    ("companies[k10]/suppressed", Exp::Bool(false)),
    ("companies[k10]/perception_index", Exp::Num(73.61111111111111)),
    ("companies[k10]/alignment_index", Exp::Num(48.14814814814815)),
    ("companies[k10]/overconfidence", Exp::Num(25.462962962962962)),
    ("companies[k10]/composite", Exp::Null),
    ("companies[k10]/perceived_aligned", Exp::Bool(false)),
    ("companies[k10]/measured_aligned", Exp::Bool(false)),
    ("companies[k10]/above_median", Exp::Null),
    ("companies/4/company_id", Exp::Str("k06")),
    ("companies[k06]/n", Exp::Int(3)),
    ("companies[k06]/suppressed", Exp::Bool(false)),
    ("companies[k06]/perception_index", Exp::Num(80.55555555555556)),
    ("companies[k06]/alignment_index", Exp::Num(55.55555555555556)),
    ("companies[k06]/overconfidence", Exp::Num(25.0)),
    ("companies[k06]/composite", Exp::Null),
    ("companies[k06]/perceived_aligned", Exp::Bool(true)),
    ("companies[k06]/measured_aligned", Exp::Bool(false)),
    ("companies[k06]/above_median", Exp::Null),
    ("companies/5/company_id", Exp::Str("k01")),
    ("companies[k01]/n", Exp::Int(5)),
    ("companies[k01]/suppressed", Exp::Bool(false)),
    ("companies[k01]/perception_index", Exp::Num(75.0)),
    ("companies[k01]/alignment_index", Exp::Num(50.833333333333336)),
    ("companies[k01]/overconfidence", Exp::Num(24.166666666666664)),
    ("companies[k01]/composite", Exp::Null),
    ("companies[k01]/perceived_aligned", Exp::Bool(true)),
    ("companies[k01]/measured_aligned", Exp::Bool(false)),
    ("companies[k01]/above_median", Exp::Null),
    ("companies/6/company_id", Exp::Str("k07")),
    ("companies[k07]/n", Exp::Int(5)),
    ("companies[k07]/suppressed", Exp::Bool(false)),
    ("companies[k07]/perception_index", Exp::Num(81.66666666666667)),
    ("companies[k07]/alignment_index", Exp::Num(67.43055555555556)),
    ("companies[k07]/overconfidence", Exp::Num(14.236111111111114)),
    ("companies[k07]/composite", Exp::Null),
    ("companies[k07]/perceived_aligned", Exp::Bool(true)),
    ("companies[k07]/measured_aligned", Exp::Bool(false)),
    ("companies[k07]/above_median", Exp::Null),
    ("companies/7/company_id", Exp::Str("k14")),
    ("companies[k14]/n", Exp::Int(3)),
    ("companies[k14]/suppressed", Exp::Bool(false)),
    ("companies[k14]/perception_index", Exp::Num(86.11111111111113)),
    ("companies[k14]/alignment_index", Exp::Num(72.22222222222223)),
    ("companies[k14]/overconfidence", Exp::Num(13.8888888888889)),
    ("companies[k14]/composite", Exp::Null),
    ("companies[k14]/perceived_aligned", Exp::Bool(true)),
    ("companies[k14]/measured_aligned", Exp::Bool(false)),
    ("companies[k14]/above_median", Exp::Null),
    ("companies/8/company_id", Exp::Str("k03")),
    ("companies[k03]/n", Exp::Int(3)),
    ("companies[k03]/suppressed", Exp::Bool(false)),
    ("companies[k03]/perception_index", Exp::Num(75.0)),
    ("companies[k03]/alignment_index", Exp::Num(65.74074074074075)),
    ("companies[k03]/overconfidence", Exp::Num(9.259259259259252)),
    ("companies[k03]/composite", Exp::Null),
    ("companies[k03]/perceived_aligned", Exp::Bool(true)),
    ("companies[k03]/measured_aligned", Exp::Bool(false)),
    ("companies[k03]/above_median", Exp::Null),
    ("companies/9/company_id", Exp::Str("k04")),
    ("companies[k04]/n", Exp::Int(4)),
    ("companies[k04]/suppressed", Exp::Bool(false)),
    ("companies[k04]/perception_index", Exp::Num(81.25)),
    ("companies[k04]/alignment_index", Exp::Num(75.0)),
    ("companies[k04]/overconfidence", Exp::Num(6.25)),
    ("companies[k04]/composite", Exp::Null),
    ("companies[k04]/perceived_aligned", Exp::Bool(true)),
    ("companies[k04]/measured_aligned", Exp::Bool(true)),
    ("companies[k04]/above_median", Exp::Null),
    ("companies/10/company_id", Exp::Str("k08")),
    ("companies[k08]/n", Exp::Int(4)),
    ("companies[k08]/suppressed", Exp::Bool(false)),
    ("companies[k08]/perception_index", Exp::Num(81.25)),
    ("companies[k08]/alignment_index", Exp::Num(76.04166666666666)),
    ("companies[k08]/overconfidence", Exp::Num(5.208333333333343)),
    ("companies[k08]/composite", Exp::Null),
    ("companies[k08]/perceived_aligned", Exp::Bool(true)),
    ("companies[k08]/measured_aligned", Exp::Bool(true)),
    ("companies[k08]/above_median", Exp::Null),
    ("companies/11/company_id", Exp::Str("k11")),
    ("companies[k11]/n", Exp::Int(3)),
    ("companies[k11]/suppressed", Exp::Bool(false)),
    ("companies[k11]/perception_index", Exp::Num(69.44444444444444)),
    ("companies[k11]/alignment_index", Exp::Null),
    ("companies[k11]/overconfidence", Exp::Null),
    ("companies[k11]/composite", Exp::Null),
    ("companies[k11]/perceived_aligned", Exp::Bool(false)),
    ("companies[k11]/measured_aligned", Exp::Null),
    ("companies[k11]/above_median", Exp::Null),
    ("companies/12/company_id", Exp::Str("k12")),
    ("companies[k12]/n", Exp::Int(4)),
    ("companies[k12]/suppressed", Exp::Bool(false)),
    ("companies[k12]/perception_index", Exp::Null),
    ("companies[k12]/alignment_index", Exp::Num(94.09722222222223)),
    ("companies[k12]/overconfidence", Exp::Null),
    ("companies[k12]/composite", Exp::Null),
    ("companies[k12]/perceived_aligned", Exp::Null),
    ("companies[k12]/measured_aligned", Exp::Bool(true)),
    ("companies[k12]/above_median", Exp::Null),
    ("companies/13/company_id", Exp::Str("k13")),
    ("companies[k13]/n", Exp::Int(2)),
    ("companies[k13]/suppressed", Exp::Bool(true)),
    ("companies[k13]/perception_index", Exp::Null),
    ("companies[k13]/alignment_index", Exp::Null),
    ("companies[k13]/overconfidence", Exp::Null),
    ("companies[k13]/composite", Exp::Null),
    ("companies[k13]/perceived_aligned", Exp::Null),
    ("companies[k13]/measured_aligned", Exp::Null),
    ("companies[k13]/above_median", Exp::Null),
    ("hidden/companies", Exp::Int(1)),
];

/// binary/: yes/no (0-1) scale, one dimension, --outcomes binary/outcomes.csv
#[rustfmt::skip]
pub const GAPS_BINARY: &[(&str, Exp)] = &[
    ("input/rows_read", Exp::Int(65)),
    ("input/rows_scored", Exp::Int(65)),
    ("input/rows_excluded", Exp::Int(0)),
    ("input/companies", Exp::Int(16)),
    ("perception/perceived_threshold", Exp::Num(75.0)),
    ("perception/outcomes_available", Exp::Bool(true)),
    ("perception/n_companies", Exp::Int(16)),
    ("perception/n_perceived_aligned", Exp::Int(16)),
    ("perception/share_perceived_aligned", Exp::Num(1.0)),
    ("perception/n_perceived_below_median", Exp::Int(8)),
    ("perception/share_perceived_below_median", Exp::Num(0.5)),
    ("perception/n_perception_outcome", Exp::Int(16)),
    ("perception/n_alignment_outcome", Exp::Int(16)),
    ("perception/rho_perception_outcome", Exp::Num(-0.42008402520840293)),
    ("perception/rho_perception_outcome_p", Exp::Num(0.10522805798352185)),
    ("perception/rho_alignment_outcome", Exp::Num(0.6873186246209128)),
    ("perception/rho_alignment_outcome_p", Exp::Num(0.003261472610295281)),
    ("perception/rho_perception_outcome_ci95/0", Exp::Num(-0.7579545074750567)),
    ("perception/rho_perception_outcome_ci95/1", Exp::Num(0.09551013326576382)),
    ("perception/rho_alignment_outcome_ci95/0", Exp::Num(0.29063472798374773)),
    ("perception/rho_alignment_outcome_ci95/1", Exp::Num(0.8823878061255793)),
    ("perception/quadrants/n", Exp::Int(16)),
    ("perception/quadrants/median_composite", Exp::Num(-0.10281374378011016)),
    ("perception/quadrants/perceived_aligned_above_median/n", Exp::Int(8)),
    ("perception/quadrants/perceived_aligned_above_median/share", Exp::Num(0.5)),
    ("perception/quadrants/perceived_aligned_below_median/n", Exp::Int(8)),
    ("perception/quadrants/perceived_aligned_below_median/share", Exp::Num(0.5)),
    ("perception/quadrants/not_perceived_aligned_above_median/n", Exp::Int(0)),
    ("perception/quadrants/not_perceived_aligned_above_median/share", Exp::Num(0.0)),
    ("perception/quadrants/not_perceived_aligned_below_median/n", Exp::Int(0)),
    ("perception/quadrants/not_perceived_aligned_below_median/share", Exp::Num(0.0)),
    ("perception/measured/n", Exp::Int(16)),
    ("perception/measured/perceived_and_measured_aligned/n", Exp::Int(10)),
    ("perception/measured/perceived_and_measured_aligned/share", Exp::Num(0.625)),
    ("perception/measured/perceived_not_measured_aligned/n", Exp::Int(6)),
    ("perception/measured/perceived_not_measured_aligned/share", Exp::Num(0.375)),
    ("perception/measured/measured_not_perceived_aligned/n", Exp::Int(0)),
    ("perception/measured/measured_not_perceived_aligned/share", Exp::Num(0.0)),
    ("perception/measured/neither/n", Exp::Int(0)),
    ("perception/measured/neither/share", Exp::Num(0.0)),
    ("perception/measured/share_perceived_not_measured", Exp::Num(0.375)),
    ("perception/measured/rho_perception_alignment", Exp::Num(-0.36514837167011077)),
    ("perception/measured/rho_perception_alignment_p", Exp::Num(0.1643178984695999)),
    ("perception/measured/mean_overconfidence", Exp::Num(28.08779761904762)),
    ("perception/measured/median_overconfidence", Exp::Num(16.428571428571438)),
    ("perception/measured/rho_perception_alignment_ci95/0", Exp::Num(-0.7289156074206904)),
    ("perception/measured/rho_perception_alignment_ci95/1", Exp::Num(0.15941137199915661)),
    ("disconnect/0/item", Exp::Str("t_silo")),
    ("disconnect[t_silo]/kind", Exp::Str("item")),
    ("disconnect[t_silo]/n_sales", Exp::Int(24)),
    ("disconnect[t_silo]/n_marketing", Exp::Int(32)),
    ("disconnect[t_silo]/n_both", Exp::Int(8)),
    ("disconnect[t_silo]/pct_sales", Exp::Num(50.0)),
    ("disconnect[t_silo]/pct_marketing", Exp::Num(18.75)),
    ("disconnect[t_silo]/pct_both", Exp::Num(25.0)),
    ("disconnect[t_silo]/gap_pp", Exp::Num(-31.25)),
    ("disconnect[t_silo]/p", Exp::Num(0.013213109218729724)),
    ("disconnect[t_silo]/q", Exp::Num(0.07335393905316326)),
    ("disconnect/1/item", Exp::Str("f_value")),
    ("disconnect[f_value]/kind", Exp::Str("item")),
    ("disconnect[f_value]/n_sales", Exp::Int(24)),
    ("disconnect[f_value]/n_marketing", Exp::Int(31)),
    ("disconnect[f_value]/n_both", Exp::Int(8)),
    ("disconnect[f_value]/pct_sales", Exp::Num(50.0)),
    ("disconnect[f_value]/pct_marketing", Exp::Num(80.64516129032258)),
    ("disconnect[f_value]/pct_both", Exp::Num(62.5)),
    ("disconnect[f_value]/gap_pp", Exp::Num(30.645161290322577)),
    ("disconnect[f_value]/p", Exp::Num(0.01630087534514739)),
    ("disconnect[f_value]/q", Exp::Num(0.07335393905316326)),
    ("disconnect/2/item", Exp::Str("f_guess")),
    ("disconnect[f_guess]/kind", Exp::Str("item")),
    ("disconnect[f_guess]/n_sales", Exp::Int(24)),
    ("disconnect[f_guess]/n_marketing", Exp::Int(28)),
    ("disconnect[f_guess]/n_both", Exp::Int(6)),
    ("disconnect[f_guess]/pct_sales", Exp::Num(33.333333333333336)),
    ("disconnect[f_guess]/pct_marketing", Exp::Num(14.285714285714286)),
    ("disconnect[f_guess]/pct_both", Exp::Num(16.666666666666668)),
    ("disconnect[f_guess]/gap_pp", Exp::Num(-19.04761904761905)),
    ("disconnect[f_guess]/p", Exp::Num(0.1041202911348311)),
    ("disconnect[f_guess]/q", Exp::Num(0.23427065505336997)),
    ("disconnect/3/item", Exp::Str("f_icp")),
    ("disconnect[f_icp]/kind", Exp::Str("item")),
    ("disconnect[f_icp]/n_sales", Exp::Int(24)),
    ("disconnect[f_icp]/n_marketing", Exp::Int(32)),
    ("disconnect[f_icp]/n_both", Exp::Int(8)),
    ("disconnect[f_icp]/pct_sales", Exp::Num(54.166666666666664)),
    ("disconnect[f_icp]/pct_marketing", Exp::Num(71.875)),
    ("disconnect[f_icp]/pct_both", Exp::Num(37.5)),
    ("disconnect[f_icp]/gap_pp", Exp::Num(17.708333333333336)),
    ("disconnect[f_icp]/p", Exp::Num(0.17111495332254845)),
    ("disconnect[f_icp]/q", Exp::Num(0.25667242998382267)),
    ("disconnect/4/item", Exp::Str("s_pipeline_call")),
    ("disconnect[s_pipeline_call]/kind", Exp::Str("statement")),
    ("disconnect[s_pipeline_call]/n_sales", Exp::Int(25)),
    ("disconnect[s_pipeline_call]/n_marketing", Exp::Int(32)),
    ("disconnect[s_pipeline_call]/n_both", Exp::Int(8)),
    ("disconnect[s_pipeline_call]/pct_sales", Exp::Num(92.0)),
    ("disconnect[s_pipeline_call]/pct_marketing", Exp::Num(75.0)),
    ("disconnect[s_pipeline_call]/pct_both", Exp::Num(100.0)),
    ("disconnect[s_pipeline_call]/gap_pp", Exp::Num(-17.0)),
    ("disconnect[s_pipeline_call]/p", Exp::Num(0.09403444754126997)),
    ("disconnect[s_pipeline_call]/q", Exp::Num(0.23427065505336997)),
    ("disconnect/5/item", Exp::Str("s_mkt_buyers")),
    ("disconnect[s_mkt_buyers]/kind", Exp::Str("statement")),
    ("disconnect[s_mkt_buyers]/n_sales", Exp::Int(24)),
    ("disconnect[s_mkt_buyers]/n_marketing", Exp::Int(32)),
    ("disconnect[s_mkt_buyers]/n_both", Exp::Int(8)),
    ("disconnect[s_mkt_buyers]/pct_sales", Exp::Num(95.83333333333333)),
    ("disconnect[s_mkt_buyers]/pct_marketing", Exp::Num(84.375)),
    ("disconnect[s_mkt_buyers]/pct_both", Exp::Num(75.0)),
    ("disconnect[s_mkt_buyers]/gap_pp", Exp::Num(-11.458333333333329)),
    ("disconnect[s_mkt_buyers]/p", Exp::Num(0.17008179251033484)),
    ("disconnect[s_mkt_buyers]/q", Exp::Num(0.25667242998382267)),
    ("disconnect/6/item", Exp::Str("s_sales_qualifies")),
    ("disconnect[s_sales_qualifies]/kind", Exp::Str("statement")),
    ("disconnect[s_sales_qualifies]/n_sales", Exp::Int(25)),
    ("disconnect[s_sales_qualifies]/n_marketing", Exp::Int(31)),
    ("disconnect[s_sales_qualifies]/n_both", Exp::Int(8)),
    ("disconnect[s_sales_qualifies]/pct_sales", Exp::Num(84.0)),
    ("disconnect[s_sales_qualifies]/pct_marketing", Exp::Num(74.19354838709677)),
    ("disconnect[s_sales_qualifies]/pct_both", Exp::Num(100.0)),
    ("disconnect[s_sales_qualifies]/gap_pp", Exp::Num(-9.806451612903231)),
    ("disconnect[s_sales_qualifies]/p", Exp::Num(0.3739612391958499)),
    ("disconnect[s_sales_qualifies]/q", Exp::Num(0.3889519413136934)),
    ("disconnect/7/item", Exp::Str("t_forum")),
    ("disconnect[t_forum]/kind", Exp::Str("item")),
    ("disconnect[t_forum]/n_sales", Exp::Int(23)),
    ("disconnect[t_forum]/n_marketing", Exp::Int(31)),
    ("disconnect[t_forum]/n_both", Exp::Int(8)),
    ("disconnect[t_forum]/pct_sales", Exp::Num(78.26086956521739)),
    ("disconnect[t_forum]/pct_marketing", Exp::Num(87.09677419354838)),
    ("disconnect[t_forum]/pct_both", Exp::Num(50.0)),
    ("disconnect[t_forum]/gap_pp", Exp::Num(8.835904628330994)),
    ("disconnect[t_forum]/p", Exp::Num(0.3889519413136934)),
    ("disconnect[t_forum]/q", Exp::Num(0.3889519413136934)),
    ("disconnect/8/item", Exp::Str("p_together")),
    ("disconnect[p_together]/kind", Exp::Str("perception")),
    ("disconnect[p_together]/n_sales", Exp::Int(23)),
    ("disconnect[p_together]/n_marketing", Exp::Int(31)),
    ("disconnect[p_together]/n_both", Exp::Int(8)),
    ("disconnect[p_together]/pct_sales", Exp::Num(95.65217391304348)),
    ("disconnect[p_together]/pct_marketing", Exp::Num(100.0)),
    ("disconnect[p_together]/pct_both", Exp::Num(100.0)),
    ("disconnect[p_together]/gap_pp", Exp::Num(4.347826086956516)),
    ("disconnect[p_together]/p", Exp::Num(0.24125311315204612)),
    ("disconnect[p_together]/q", Exp::Num(0.3101825740526307)),
    ("disconnect/9/item", Exp::Str("p_aligned")),
    ("disconnect[p_aligned]/kind", Exp::Str("perception")),
    ("disconnect[p_aligned]/n_sales", Exp::Int(22)),
    ("disconnect[p_aligned]/n_marketing", Exp::Int(30)),
    ("disconnect[p_aligned]/n_both", Exp::Int(8)),
    ("disconnect[p_aligned]/pct_sales", Exp::Num(100.0)),
    ("disconnect[p_aligned]/pct_marketing", Exp::Num(100.0)),
    ("disconnect[p_aligned]/pct_both", Exp::Num(100.0)),
    ("disconnect[p_aligned]/gap_pp", Exp::Num(0.0)),
    ("disconnect[p_aligned]/p", Exp::Null),
    ("disconnect[p_aligned]/q", Exp::Null),
    ("companies/0/company_id", Exp::Str("C0006")),
    ("companies[C0006]/n", Exp::Int(7)),
    ("companies[C0006]/suppressed", Exp::Bool(false)),
    ("companies[C0006]/perception_index", Exp::Num(100.0)),
    ("companies[C0006]/alignment_index", Exp::Num(14.285714285714285)),
    ("companies[C0006]/overconfidence", Exp::Num(85.71428571428572)),
    ("companies[C0006]/composite", Exp::Num(-0.8285885722378138)),
    ("companies[C0006]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0006]/measured_aligned", Exp::Bool(false)),
    ("companies[C0006]/above_median", Exp::Bool(false)),
    ("companies/1/company_id", Exp::Str("C0004")),
    ("companies[C0004]/n", Exp::Int(3)),
    ("companies[C0004]/suppressed", Exp::Bool(false)),
    ("companies[C0004]/perception_index", Exp::Num(100.0)),
    ("companies[C0004]/alignment_index", Exp::Num(40.0)),
    ("companies[C0004]/overconfidence", Exp::Num(60.0)),
    ("companies[C0004]/composite", Exp::Num(-0.4356238017304989)),
    ("companies[C0004]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0004]/measured_aligned", Exp::Bool(false)),
    ("companies[C0004]/above_median", Exp::Bool(false)),
    ("companies/2/company_id", Exp::Str("C0003")),
    ("companies[C0003]/n", Exp::Int(6)),
    ("companies[C0003]/suppressed", Exp::Bool(false)),
    ("companies[C0003]/perception_index", Exp::Num(100.0)),
    ("companies[C0003]/alignment_index", Exp::Num(45.0)),
    ("companies[C0003]/overconfidence", Exp::Num(55.0)),
    ("companies[C0003]/composite", Exp::Num(-0.5240374652123702)),
    ("companies[C0003]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0003]/measured_aligned", Exp::Bool(false)),
    ("companies[C0003]/above_median", Exp::Bool(false)),
    ("companies/3/company_id", Exp::Str("C0015")),
    ("companies[C0015]/n", Exp::Int(4)),
    ("companies[C0015]/suppressed", Exp::Bool(false)),
    ("companies[C0015]/perception_index", Exp::Num(100.0)),
    ("companies[C0015]/alignment_index", Exp::Num(72.50000000000001)),
    ("companies[C0015]/overconfidence", Exp::Num(27.499999999999986)),
    ("companies[C0015]/composite", Exp::Num(0.5088279912572066)),
    ("companies[C0015]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0015]/measured_aligned", Exp::Bool(false)),
    ("companies[C0015]/above_median", Exp::Bool(true)),
    ("companies/4/company_id", Exp::Str("C0007")),
    ("companies[C0007]/n", Exp::Int(4)),
    ("companies[C0007]/suppressed", Exp::Bool(false)),
    ("companies[C0007]/perception_index", Exp::Num(100.0)),
    ("companies[C0007]/alignment_index", Exp::Num(75.0)),
    ("companies[C0007]/overconfidence", Exp::Num(25.0)),
    ("companies[C0007]/composite", Exp::Num(-0.13442266427587657)),
    ("companies[C0007]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0007]/measured_aligned", Exp::Bool(true)),
    ("companies[C0007]/above_median", Exp::Bool(false)),
    ("companies/5/company_id", Exp::Str("C0011")),
    ("companies[C0011]/n", Exp::Int(7)),
    ("companies[C0011]/suppressed", Exp::Bool(false)),
    ("companies[C0011]/perception_index", Exp::Num(100.0)),
    ("companies[C0011]/alignment_index", Exp::Num(82.14285714285714)),
    ("companies[C0011]/overconfidence", Exp::Num(17.85714285714286)),
    ("companies[C0011]/composite", Exp::Num(0.14920305071038376)),
    ("companies[C0011]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0011]/measured_aligned", Exp::Bool(true)),
    ("companies[C0011]/above_median", Exp::Bool(true)),
    ("companies/6/company_id", Exp::Str("C0016")),
    ("companies[C0016]/n", Exp::Int(7)),
    ("companies[C0016]/suppressed", Exp::Bool(false)),
    ("companies[C0016]/perception_index", Exp::Num(100.0)),
    ("companies[C0016]/alignment_index", Exp::Num(84.99999999999999)),
    ("companies[C0016]/overconfidence", Exp::Num(15.000000000000014)),
    ("companies[C0016]/composite", Exp::Num(-0.19641738667041775)),
    ("companies[C0016]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0016]/measured_aligned", Exp::Bool(true)),
    ("companies[C0016]/above_median", Exp::Bool(false)),
    ("companies/7/company_id", Exp::Str("C0008")),
    ("companies[C0008]/n", Exp::Int(3)),
    ("companies[C0008]/suppressed", Exp::Bool(false)),
    ("companies[C0008]/perception_index", Exp::Num(100.0)),
    ("companies[C0008]/alignment_index", Exp::Num(86.66666666666667)),
    ("companies[C0008]/overconfidence", Exp::Num(13.333333333333329)),
    ("companies[C0008]/composite", Exp::Num(-0.564100841890643)),
    ("companies[C0008]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0008]/measured_aligned", Exp::Bool(true)),
    ("companies[C0008]/above_median", Exp::Bool(false)),
    ("companies/8/company_id", Exp::Str("C0005")),
    ("companies[C0005]/n", Exp::Int(4)),
    ("companies[C0005]/suppressed", Exp::Bool(false)),
    ("companies[C0005]/perception_index", Exp::Num(100.0)),
    ("companies[C0005]/alignment_index", Exp::Num(87.5)),
    ("companies[C0005]/overconfidence", Exp::Num(12.5)),
    ("companies[C0005]/composite", Exp::Num(0.400273483720192)),
    ("companies[C0005]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0005]/measured_aligned", Exp::Bool(true)),
    ("companies[C0005]/above_median", Exp::Bool(true)),
    ("companies/9/company_id", Exp::Str("C0001")),
    ("companies[C0001]/n", Exp::Int(3)),
    ("companies[C0001]/suppressed", Exp::Bool(false)),
    ("companies[C0001]/perception_index", Exp::Num(100.0)),
    ("companies[C0001]/alignment_index", Exp::Num(93.33333333333333)),
    ("companies[C0001]/overconfidence", Exp::Num(6.666666666666671)),
    ("companies[C0001]/composite", Exp::Num(0.6368804403221542)),
    ("companies[C0001]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0001]/measured_aligned", Exp::Bool(true)),
    ("companies[C0001]/above_median", Exp::Bool(true)),
    ("companies/10/company_id", Exp::Str("C0013")),
    ("companies[C0013]/n", Exp::Int(6)),
    ("companies[C0013]/suppressed", Exp::Bool(false)),
    ("companies[C0013]/perception_index", Exp::Num(100.0)),
    ("companies[C0013]/alignment_index", Exp::Num(100.0)),
    ("companies[C0013]/overconfidence", Exp::Num(0.0)),
    ("companies[C0013]/composite", Exp::Num(0.4090128332899894)),
    ("companies[C0013]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0013]/measured_aligned", Exp::Bool(true)),
    ("companies[C0013]/above_median", Exp::Bool(true)),
    ("companies/11/company_id", Exp::Str("C0009")),
    ("companies[C0009]/n", Exp::Int(3)),
    ("companies[C0009]/suppressed", Exp::Bool(false)),
    ("companies[C0009]/perception_index", Exp::Num(83.33333333333334)),
    ("companies[C0009]/alignment_index", Exp::Num(100.0)),
    ("companies[C0009]/overconfidence", Exp::Num(-16.666666666666657)),
    ("companies[C0009]/composite", Exp::Num(1.2828482469187565)),
    ("companies[C0009]/perceived_aligned", Exp::Bool(true)),
    ("companies[C0009]/measured_aligned", Exp::Bool(true)),
    ("companies[C0009]/above_median", Exp::Bool(true)),
    ("companies/12/company_id", Exp::Str("C0002")),
    ("companies[C0002]/n", Exp::Int(2)),
    ("companies[C0002]/suppressed", Exp::Bool(true)),
    ("companies[C0002]/perception_index", Exp::Null),
    ("companies[C0002]/alignment_index", Exp::Null),
    ("companies[C0002]/overconfidence", Exp::Null),
    ("companies[C0002]/composite", Exp::Null),
    ("companies[C0002]/perceived_aligned", Exp::Null),
    ("companies[C0002]/measured_aligned", Exp::Null),
    ("companies[C0002]/above_median", Exp::Null),
    ("companies/13/company_id", Exp::Str("C0010")),
    ("companies[C0010]/n", Exp::Int(2)),
    ("companies[C0010]/suppressed", Exp::Bool(true)),
    ("companies[C0010]/perception_index", Exp::Null),
    ("companies[C0010]/alignment_index", Exp::Null),
    ("companies[C0010]/overconfidence", Exp::Null),
    ("companies[C0010]/composite", Exp::Null),
    ("companies[C0010]/perceived_aligned", Exp::Null),
    ("companies[C0010]/measured_aligned", Exp::Null),
    ("companies[C0010]/above_median", Exp::Null),
    ("companies/14/company_id", Exp::Str("C0012")),
    ("companies[C0012]/n", Exp::Int(2)),
    ("companies[C0012]/suppressed", Exp::Bool(true)),
    ("companies[C0012]/perception_index", Exp::Null),
    ("companies[C0012]/alignment_index", Exp::Null),
    ("companies[C0012]/overconfidence", Exp::Null),
    ("companies[C0012]/composite", Exp::Null),
    ("companies[C0012]/perceived_aligned", Exp::Null),
    ("companies[C0012]/measured_aligned", Exp::Null),
    ("companies[C0012]/above_median", Exp::Null),
    ("companies/15/company_id", Exp::Str("C0014")),
    ("companies[C0014]/n", Exp::Int(2)),
    ("companies[C0014]/suppressed", Exp::Bool(true)),
    ("companies[C0014]/perception_index", Exp::Null),
    ("companies[C0014]/alignment_index", Exp::Null),
    ("companies[C0014]/overconfidence", Exp::Null),
    ("companies[C0014]/composite", Exp::Null),
    ("companies[C0014]/perceived_aligned", Exp::Null),
    ("companies[C0014]/measured_aligned", Exp::Null),
    ("companies[C0014]/above_median", Exp::Null),
    ("hidden/companies", Exp::Int(4)),
];
