//! `align drivers` (docs/methods.md#key-drivers; JSON keys
//! docs/formats.md#drivers-json).
//!
//! The reference values come from `tests/reference/drivers_reference.py`,
//! which reads the fixture tests/data/drivers/ with pandas (not with this
//! crate) and recomputes with numpy: company scores and item means under
//! the anonymity and cell thresholds, z-score composite, OLS (lstsq), LMG
//! by brute force over every order of entry, Johnson's relative weights
//! (eigh), performance and quadrants. Its printed values are pasted below.
//! The fixture's instrument makes forecast_accuracy lower_is_better, so
//! the sign flip is checked too. Bootstrap intervals are not compared with
//! Python: they are checked for determinism across thread counts and for
//! containing the estimate.

use crate::support;

use serde_json::Value;
use std::fs;
use support::cli::{align, data, run_json, run_ok};

const TOL: f64 = 1e-9;

fn args<'a>(survey: &'a str, outcomes: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "drivers",
        survey,
        "--outcomes",
        outcomes,
        "--format",
        "json",
    ];
    v.extend_from_slice(more);
    v
}

fn fixture(more: &[&str]) -> (Value, String) {
    let (s, o, i) = (
        data("drivers/survey.csv"),
        data("drivers/outcomes.csv"),
        data("drivers/instrument.json"),
    );
    let mut a = args(&s, &o, &["--instrument", &i]);
    a.extend_from_slice(more);
    run_json(&a)
}

fn num(v: &Value) -> f64 {
    v.as_f64().unwrap_or_else(|| panic!("not a number: {v}"))
}

fn close(got: &Value, want: f64, what: &str) {
    let g = num(got);
    assert!(
        (g - want).abs() <= TOL * want.abs().max(1.0),
        "{what}: {g} vs {want}"
    );
}

/// (target, n, r2, adj_r2, items_n, items_r2, betas, p, lmg).
type Expected = (
    &'static str,
    u64,
    f64,
    f64,
    u64,
    f64,
    [f64; 3],
    [f64; 3],
    [f64; 3],
);

const TARGETS: [Expected; 6] = [
    (
        "revenue_growth_3y",
        56,
        0.3495336711337723,
        0.3120067675453361,
        44,
        0.7211775391424806,
        [0.2577614901780625, -0.06198446128356643, 0.4315019728041036],
        [0.2025263081261833, 0.7782760810777306, 0.02204797908329502],
        [
            0.10839202807104509,
            0.08069719392222739,
            0.16044444914049968,
        ],
    ),
    (
        "win_rate_growth_3y",
        56,
        0.55696855580383,
        0.5314090494078971,
        44,
        0.7327416840118596,
        [0.4975088382205003, -0.03404515481866825, 0.3355172745367078],
        [
            0.0039287603541108785,
            0.8513227821814511,
            0.030532489028728176,
        ],
        [
            0.23231429294172345,
            0.14019595022630285,
            0.18445831263580362,
        ],
    ),
    (
        "lead_quality_growth_3y",
        56,
        0.24242532432255837,
        0.19871909303347524,
        44,
        0.7169641813923333,
        [
            0.7351676570114138,
            -0.23680384689876205,
            -0.12202878777680204,
        ],
        [
            0.0012593953325449581,
            0.3210131536066505,
            0.5389445073994374,
        ],
        [
            0.18207060311144752,
            0.037821449400118445,
            0.0225332718109927,
        ],
    ),
    (
        "pipeline_growth",
        56,
        0.46417997488495943,
        0.43326728112832247,
        44,
        0.7640897588192573,
        [
            0.49131671177169933,
            -0.17599862228653335,
            0.39870734714242295,
        ],
        [
            0.009078070953440964,
            0.3799895379565684,
            0.019869030110879513,
        ],
        [
            0.19228679431422133,
            0.09936217071606045,
            0.17253100985467773,
        ],
    ),
    (
        "forecast_accuracy",
        56,
        0.5103233780453212,
        0.48207280370178207,
        44,
        0.6838461873876308,
        [
            -0.4814562021821843,
            0.39920683586338285,
            -0.6211921568594647,
        ],
        [
            0.007580234332929677,
            0.04051420189387849,
            0.00026343032376624487,
        ],
        [0.1748509500744975, 0.09003684304609688, 0.24543558492472692],
    ),
    (
        "composite",
        56,
        0.494489343596914,
        0.4653252672659668,
        44,
        0.780529641259193,
        [
            0.6074340200642222,
            -0.04438457159038596,
            0.17106216279079656,
        ],
        [
            0.0011197360726024957,
            0.8190743723243553,
            0.29341175043982376,
        ],
        [
            0.25031244394219154,
            0.12208505853969326,
            0.12209184111502934,
        ],
    ),
];

/// The composite's item model: (item, raw weight, performance, quadrant).
const COMPOSITE_ITEMS: [(&str, f64, f64, &str); 23] = [
    (
        "su_icp",
        0.05501930779780456,
        54.14241622574956,
        "fix_first",
    ),
    (
        "su_value_props",
        0.03309026712772236,
        59.364725056689345,
        "keep_up",
    ),
    (
        "su_buying_process",
        0.029712322899291866,
        58.95392416225749,
        "keep_up",
    ),
    (
        "su_lead_stages",
        0.07478295824453504,
        58.268398268398265,
        "keep_up",
    ),
    (
        "su_sales_ready",
        0.03333178532864388,
        54.93937389770723,
        "fix_first",
    ),
    (
        "su_handoff",
        0.10145214786491343,
        56.10624098124098,
        "fix_first",
    ),
    (
        "su_recycling",
        0.016024015583674178,
        58.82395382395382,
        "over_served",
    ),
    (
        "su_messaging",
        0.019690271593458722,
        57.21340388007054,
        "watch",
    ),
    (
        "in_need_each_other",
        0.03132167493219219,
        57.34848484848485,
        "keep_up",
    ),
    (
        "in_shared_goals",
        0.05033699534311566,
        59.07395382395382,
        "keep_up",
    ),
    (
        "in_shared_kpis",
        0.03609813309309714,
        56.506854256854254,
        "fix_first",
    ),
    (
        "in_shared_accountability",
        0.02612512410223188,
        54.37224426807761,
        "watch",
    ),
    (
        "in_shared_incentives",
        0.014833522623964968,
        52.32957766439909,
        "watch",
    ),
    (
        "in_sales_feedback",
        0.014992046814000067,
        56.919736448038336,
        "watch",
    ),
    (
        "in_separate_goals",
        0.017908548820138284,
        57.21781305114638,
        "watch",
    ),
    (
        "co_joint_meetings",
        0.018592594482949736,
        61.81014844209289,
        "over_served",
    ),
    (
        "co_cross_teams",
        0.024926519120413826,
        60.38239538239538,
        "over_served",
    ),
    (
        "co_informal",
        0.023266983637764516,
        58.68759018759019,
        "over_served",
    ),
    (
        "co_realtime_info",
        0.027464998950787745,
        56.15663973922902,
        "fix_first",
    ),
    (
        "co_lead_followup",
        0.06991232766867257,
        61.25744047619048,
        "keep_up",
    ),
    (
        "co_content_use",
        0.025240837736276434,
        55.404761904761905,
        "watch",
    ),
    (
        "co_joint_planning",
        0.018449652038158463,
        60.162220752498534,
        "over_served",
    ),
    (
        "co_after_the_fact",
        0.017956605455384966,
        57.17041446208113,
        "watch",
    ),
];

/// The revenue growth item model's raw weights, in the order above.
const REVENUE_RAW: [f64; 23] = [
    0.0209022285427763,
    0.03321561908518494,
    0.019745209192403676,
    0.05805992534247628,
    0.018545853542229537,
    0.018065627646573622,
    0.025941482519238796,
    0.013573784459987083,
    0.025000002181044454,
    0.05672563685619335,
    0.06498260897082636,
    0.022310479110026867,
    0.019517007477333665,
    0.01774322622218143,
    0.016789103170694868,
    0.020048762839890148,
    0.055395603551852704,
    0.05774471308673957,
    0.02009098400992734,
    0.03661857606714625,
    0.025515179172933493,
    0.03614897455915231,
    0.03849695153566692,
];

#[test]
fn drivers_matches_numpy_reference() {
    let (j, _) = fixture(&["--bootstrap", "0"]);
    assert_eq!(j["command"], "drivers");
    let targets = j["targets"].as_array().unwrap();
    assert_eq!(targets.len(), TARGETS.len());
    for (t, e) in targets.iter().zip(TARGETS) {
        let (id, n, r2, adj, items_n, items_r2, beta, p, lmg) = e;
        assert_eq!(t["target"], id);
        assert_eq!(t["n"], n, "{id}");
        close(&t["r2"], r2, id);
        close(&t["adj_r2"], adj, id);
        assert_eq!(t["items_n"], items_n, "{id}");
        close(&t["items_r2"], items_r2, id);
        let dims = t["dimensions"].as_array().unwrap();
        let mut share_sum = 0.0;
        for (d, dim) in dims.iter().enumerate() {
            close(&dim["beta"], beta[d], id);
            close(&dim["p"], p[d], id);
            close(&dim["lmg"], lmg[d], id);
            close(&dim["share"], lmg[d] / r2, id);
            assert!(
                dim["share_ci95"].is_null(),
                "no intervals without resamples"
            );
            share_sum += num(&dim["share"]);
        }
        assert!((share_sum - 1.0).abs() < 1e-12);
        let items = t["items"].as_array().unwrap();
        let raw_sum: f64 = items.iter().map(|i| num(&i["raw_weight"])).sum();
        close(&Value::from(raw_sum), items_r2, id);
        // Quadrants and performance are the composite's under every target.
        for (it, (item, _, perf, quad)) in items.iter().zip(COMPOSITE_ITEMS) {
            assert_eq!(it["item"], item);
            close(&it["performance"], perf, item);
            assert_eq!(it["quadrant"], quad, "{id} {item}");
        }
    }
    let comp = &targets[5]["items"];
    for (it, (item, raw, _, _)) in comp.as_array().unwrap().iter().zip(COMPOSITE_ITEMS) {
        close(&it["raw_weight"], raw, item);
        close(&it["share"], raw / TARGETS[5].5, item);
    }
    for (it, raw) in targets[0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .zip(REVENUE_RAW)
    {
        close(&it["raw_weight"], raw, "revenue");
    }
    let fix: Vec<&str> = j["fix_first"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["item"].as_str().unwrap())
        .collect();
    assert_eq!(fix, ["su_handoff", "su_icp", "in_shared_kpis"]);
    assert_eq!(j["hidden"]["companies"], 4);
    // Outcomes by tier: as reported (forecast_accuracy not sign-flipped),
    // over the 56 shown companies.
    let tiers = j["outcomes_by_tier"].as_array().unwrap();
    assert_eq!(tiers.len(), 5);
    let n: u64 = ["leaders", "average", "laggards"]
        .iter()
        .map(|t| tiers[4][t]["n"].as_u64().unwrap())
        .sum();
    assert_eq!(n, 56);
    // As reported: accuracy percentages, not their negatives.
    assert!(num(&tiers[4]["leaders"]["mean"]) > 0.0);
}

fn without_threads(a: &[&str], threads: &'static str) -> Vec<String> {
    let mut v: Vec<String> = a.iter().map(|s| s.to_string()).collect();
    v.extend(["--threads".to_string(), threads.to_string()]);
    v
}

#[test]
fn drivers_bootstrap_is_the_same_for_any_thread_count() {
    let (s, o) = (data("drivers/survey.csv"), data("drivers/outcomes.csv"));
    let a = args(&s, &o, &["--bootstrap", "40", "--seed", "7"]);
    let run = |v: Vec<String>| {
        let out = align().args(&v).output().expect("runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let one = run(without_threads(&a, "1"));
    let two = run(without_threads(&a, "2"));
    assert_eq!(one, two);
    let j: Value = serde_json::from_str(&one).unwrap();
    assert_eq!(j["bootstrap"]["b"], 40);
    assert_eq!(j["bootstrap"]["seed"], 7);
    assert!(j["targets"][5]["dimensions"][0]["share_ci95"].is_array());
    // Another seed, other intervals.
    let b = args(&s, &o, &["--bootstrap", "40", "--seed", "8"]);
    let other: Value = serde_json::from_str(&run(without_threads(&b, "2"))).unwrap();
    assert_ne!(
        j["targets"][5]["dimensions"][0]["share_ci95"],
        other["targets"][5]["dimensions"][0]["share_ci95"]
    );
}

#[test]
fn drivers_intervals_contain_the_estimate() {
    let (j, _) = run_json(&args(
        &data("../../data/survey.csv"),
        &data("../../data/outcomes.csv"),
        &["--bootstrap", "100"],
    ));
    for t in j["targets"].as_array().unwrap() {
        for d in t["dimensions"].as_array().unwrap() {
            let s = num(&d["share"]);
            let ci = d["share_ci95"].as_array().expect("interval");
            assert!(num(&ci[0]) <= s && s <= num(&ci[1]), "{}: {d}", t["target"]);
            assert!(num(&ci[0]) >= 0.0 && num(&ci[1]) <= 1.0);
        }
        for it in t["items"].as_array().unwrap() {
            let ci = it["share_ci95"].as_array().expect("interval");
            assert!(num(&ci[0]) <= num(&ci[1]));
        }
    }
}

/// The fixture's rows and outcomes with `f` applied: (survey, outcomes).
fn variant(
    dir: &std::path::Path,
    keep: impl Fn(&str) -> bool,
    extra_rows: &[String],
    extra_outcome: Option<&str>,
) -> (String, String) {
    let survey = fs::read_to_string(data("drivers/survey.csv")).unwrap();
    let mut out: Vec<String> = survey
        .lines()
        .filter(|l| keep(l))
        .map(str::to_string)
        .collect();
    out.extend_from_slice(extra_rows);
    let s = dir.join("survey.csv");
    fs::write(&s, out.join("\n") + "\n").unwrap();
    let mut outcomes = fs::read_to_string(data("drivers/outcomes.csv")).unwrap();
    if let Some(row) = extra_outcome {
        outcomes.push_str(row);
        outcomes.push('\n');
    }
    let o = dir.join("outcomes.csv");
    fs::write(&o, outcomes).unwrap();
    (
        s.to_string_lossy().into_owned(),
        o.to_string_lossy().into_owned(),
    )
}

/// Every figure of the analysis (not the input accounting or warnings).
fn figures(j: &Value) -> Value {
    serde_json::json!([
        j["targets"],
        j["fix_first"],
        j["outcomes_by_tier"],
        j["summary"]
    ])
}

#[test]
fn drivers_hidden_company_changes_no_figure() {
    let dir = tempfile::tempdir().unwrap();
    let i = data("drivers/instrument.json");
    let more = ["--bootstrap", "30", "--instrument", i.as_str()];
    let (base, _) = fixture(&more[..2]);
    assert_eq!(base["hidden"]["companies"], 4);
    // C0008 has two respondents: hidden. Remove it.
    let (s, o) = variant(dir.path(), |l| !l.contains(",C0008,"), &[], None);
    let (removed, _) = run_json(&args(&s, &o, &more));
    assert_eq!(removed["hidden"]["companies"], 3);
    assert_eq!(figures(&base), figures(&removed));
    // Add a hidden company with extreme answers and outcomes.
    let survey = fs::read_to_string(data("drivers/survey.csv")).unwrap();
    let header: Vec<&str> = survey.lines().next().unwrap().split(',').collect();
    let row = |r: &str| -> String {
        header
            .iter()
            .map(|h| match *h {
                "respondent_id" => r.to_string(),
                "company_id" => "ZZ_NEW".to_string(),
                "role" => "sales".to_string(),
                _ => "5".to_string(),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let outcome_cols = fs::read_to_string(data("drivers/outcomes.csv")).unwrap();
    let n_cols = outcome_cols.lines().next().unwrap().split(',').count();
    let extra = format!("ZZ_NEW{}", ",999".repeat(n_cols - 1));
    let dir2 = tempfile::tempdir().unwrap();
    let (s, o) = variant(dir2.path(), |_| true, &[row("X1"), row("X2")], Some(&extra));
    let (added, _) = run_json(&args(&s, &o, &more));
    assert_eq!(added["hidden"]["companies"], 5);
    assert_eq!(figures(&base), figures(&added));
}

#[test]
fn drivers_item_level_null_with_few_companies() {
    let dir = tempfile::tempdir().unwrap();
    let (s, o) = (dir.path().join("s.csv"), dir.path().join("o.csv"));
    let (s, o) = (s.to_str().unwrap(), o.to_str().unwrap());
    run_ok(&[
        "generate",
        "--companies",
        "12",
        "--seed",
        "3",
        "-o",
        s,
        "--outcomes",
        o,
        "-q",
    ]);
    let (j, err) = run_json(&args(s, o, &["--bootstrap", "20"]));
    let comp = &j["targets"][5];
    assert!(comp["items"].is_null());
    assert!(comp["items_r2"].is_null());
    assert!(comp["r2"].is_f64(), "the dimension level is fitted");
    assert!(
        err.contains("the item model of the outcome composite is null"),
        "{err}"
    );
    assert!(err.contains("see the dimension level"), "{err}");
    assert_eq!(j["fix_first"].as_array().unwrap().len(), 0);
}

#[test]
fn drivers_renders_every_format() {
    let (s, o) = (data("drivers/survey.csv"), data("drivers/outcomes.csv"));
    let base = [
        "drivers",
        s.as_str(),
        "--outcomes",
        o.as_str(),
        "--bootstrap",
        "20",
    ];
    let (table, _) = run_ok(&base);
    assert!(table.contains("Key drivers") && table.contains("Fix first"));
    for f in ["csv", "markdown"] {
        let mut a = base.to_vec();
        a.extend(["--format", f]);
        let (text, _) = run_ok(&a);
        assert!(!text.contains("NaN") && !text.contains(",inf"), "{f}");
        assert!(text.contains("hands over leads"), "{f}");
    }
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("d.html");
    let mut a = base.to_vec();
    a.extend(["-o", html.to_str().unwrap()]);
    run_ok(&a);
    let page = fs::read_to_string(&html).unwrap();
    assert!(page.contains("Importance × performance"));
    assert!(page.matches("<svg").count() >= 2, "scatter and share bars");
    let xlsx = dir.path().join("d.xlsx");
    let mut a = base.to_vec();
    a.extend(["-o", xlsx.to_str().unwrap()]);
    run_ok(&a);
    assert!(fs::metadata(&xlsx).unwrap().len() > 0);
}

#[test]
fn drivers_segment_adds_peer_groups_and_changes_no_model() {
    let dir = tempfile::tempdir().unwrap();
    let companies = dir.path().join("firms.csv");
    let outcomes = fs::read_to_string(data("drivers/outcomes.csv")).unwrap();
    let mut rows = vec!["company_id,industry".to_string()];
    for (k, line) in outcomes.lines().skip(1).enumerate() {
        let id = line.split(',').next().unwrap();
        rows.push(format!(
            "{id},{}",
            ["software", "services", "hardware"][k % 3]
        ));
    }
    fs::write(&companies, rows.join("\n") + "\n").unwrap();
    let c = companies.to_str().unwrap();
    let (plain, _) = fixture(&["--bootstrap", "10"]);
    let (seg, _) = fixture(&[
        "--bootstrap",
        "10",
        "--companies",
        c,
        "--segment",
        "industry",
    ]);
    assert!(plain.get("segments").is_none());
    assert_eq!(seg["segments"]["attribute"], "industry");
    let shown: u64 = seg["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["n_companies"].as_u64().unwrap())
        .sum();
    assert_eq!(shown, 56, "the shown companies only");
    assert_eq!(figures(&plain), figures(&seg));
}

/// A company shown (4 respondents) whose shared-understanding score rests
/// on fewer than 3 respondents is not a complete case of the dimension
/// models; with every answer given, it is.
#[test]
fn drivers_cell_threshold_leaves_a_company_out_of_the_models_that_need_it() {
    let survey = fs::read_to_string(data("drivers/survey.csv")).unwrap();
    let header: Vec<&str> = survey.lines().next().unwrap().split(',').collect();
    let row = |r: &str, blank_su: bool| -> String {
        header
            .iter()
            .enumerate()
            .map(|(k, h)| match *h {
                "respondent_id" => r.to_string(),
                "company_id" => "ZZ_CELL".to_string(),
                "role" => "marketing".to_string(),
                h if blank_su && h.starts_with("su_") => String::new(),
                _ => ((k % 5) + 1).to_string(),
            })
            .collect::<Vec<_>>()
            .join(",")
    };
    let outcome_cols = fs::read_to_string(data("drivers/outcomes.csv")).unwrap();
    let n_cols = outcome_cols.lines().next().unwrap().split(',').count();
    let extra = format!("ZZ_CELL{}", ",12.5".repeat(n_cols - 1));
    let i = data("drivers/instrument.json");
    let more = ["--bootstrap", "0", "--instrument", i.as_str()];
    for (blank, n) in [(true, 56), (false, 57)] {
        let dir = tempfile::tempdir().unwrap();
        let rows = [
            row("Y1", false),
            row("Y2", false),
            row("Y3", blank),
            row("Y4", blank),
        ];
        let (s, o) = variant(dir.path(), |_| true, &rows, Some(&extra));
        let (j, _) = run_json(&args(&s, &o, &more));
        assert_eq!(j["hidden"]["companies"], 4, "ZZ_CELL is shown");
        for t in j["targets"].as_array().unwrap() {
            assert_eq!(t["n"], n, "blank {blank}: {}", t["target"]);
        }
    }
}

#[test]
fn drivers_without_any_outcome_is_a_usage_error() {
    let out = support::cli::output(&["drivers", &data("drivers/survey.csv"), "--bootstrap", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = support::cli::stderr(&out);
    assert!(
        err.contains("no shown company has any outcome value"),
        "{err}"
    );
    assert!(err.contains("--outcomes FILE"), "{err}");
}

#[test]
fn drivers_row_order_changes_no_figure() {
    let (base, _) = fixture(&["--bootstrap", "30"]);
    let survey = fs::read_to_string(data("drivers/survey.csv")).unwrap();
    let mut lines: Vec<&str> = survey.lines().collect();
    lines[1..].reverse();
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("reversed.csv");
    fs::write(&s, lines.join("\n") + "\n").unwrap();
    let i = data("drivers/instrument.json");
    let (rev, _) = run_json(&args(
        s.to_str().unwrap(),
        &data("drivers/outcomes.csv"),
        &["--bootstrap", "30", "--instrument", &i],
    ));
    // The same figures up to rounding (sums in another order).
    same_within(&figures(&base), &figures(&rev), "");
}

fn same_within(a: &Value, b: &Value, at: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9 * x.abs().max(1.0), "{at}: {x} vs {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (k, (x, y)) in x.iter().zip(y).enumerate() {
                same_within(x, y, &format!("{at}/{k}"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (k, v) in x {
                same_within(v, &y[k], &format!("{at}/{k}"));
            }
        }
        // Sentences print rounded figures.
        _ => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn report_carries_the_drivers_model_and_what_to_fix_first() {
    let (s, o, i) = (
        data("drivers/survey.csv"),
        data("drivers/outcomes.csv"),
        data("drivers/instrument.json"),
    );
    let common = [
        s.as_str(),
        "--outcomes",
        o.as_str(),
        "--instrument",
        i.as_str(),
        "--bootstrap",
        "40",
        "--seed",
        "7",
    ];
    let mut d = vec!["drivers"];
    d.extend_from_slice(&common);
    d.extend(["--format", "json"]);
    let (drivers, _) = run_json(&d);
    let mut r = vec!["report"];
    r.extend_from_slice(&common);
    r.extend(["--format", "json"]);
    let (report, _) = run_json(&r);
    // The report's drivers are the command's model, value for value.
    assert_eq!(report["drivers"], drivers);
    assert!(report["unavailable"]["drivers"].is_null());
    // The HTML report names the items to fix first by their text.
    let mut h = vec!["report"];
    h.extend_from_slice(&common);
    h.extend(["--format", "html"]);
    let (html, _) = run_ok(&h);
    assert!(
        html.contains("<section id=\"drivers\">"),
        "no drivers section"
    );
    let fix = drivers["fix_first"].as_array().unwrap();
    assert!(!fix.is_empty());
    for f in fix {
        let text = f["text"].as_str().unwrap();
        let start: String = text.chars().take(30).collect();
        assert!(html.contains(&start), "{start} not in the report");
    }
}

#[test]
fn report_without_outcomes_says_what_the_drivers_need() {
    let (v, _) = run_json(&["report", "data/survey.csv", "--format", "json"]);
    assert!(v["drivers"].is_null());
    let why = v["unavailable"]["drivers"].as_str().unwrap();
    assert!(why.contains("--outcomes"), "{why}");
}
