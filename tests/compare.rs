//! Tests of `align compare` (docs/methods.md, "Survey waves"; JSON keys in
//! docs/formats.md#compare-json).
//!
//! The expected values in the tables at the end of this file come from
//! `tests/reference/compare_reference.py --rust`, which reads the fixture
//! waves `tests/data/compare/before.csv` and `after.csv` (written by the
//! seeded `tests/reference/compare_waves.py`) with pandas, not with this
//! crate, and recomputes the figures with scipy 1.17.1
//! (`ttest_ind(equal_var=False)` with `confidence_interval()`, `ttest_rel`,
//! `wilcoxon(after, before, zero_method="wilcox", correction=False,
//! method="approx")`) and statsmodels 0.15 (`proportions_ztest`,
//! `multipletests(method="fdr_bh")`). Numbers are compared with an absolute
//! tolerance of 1e-7.
//!
//! The fixture: 24 companies per wave under the default instrument, C01
//! only before and C26 only after; C02 (before only) and C07 have 2
//! respondents before, C05 and C25 (after only) 2 after, so at the default
//! threshold 3 none of them is in the panel, joined or left; C10–C13 have
//! their collaboration raised by 1.6 answer points in the after wave.

mod support;
use serde_json::Value;
use support::cli::{align, data, output, run_json, run_ok, stderr, stdout};

const TOL: f64 = 1e-7;

fn num(v: &Value) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("expected a number, found {v}"))
}

fn close(got: &Value, want: f64, what: &str) {
    let g = num(got);
    assert!((g - want).abs() < TOL, "{what}: got {g}, want {want}");
}

fn fixture() -> (String, String) {
    (data("compare/before.csv"), data("compare/after.csv"))
}

fn compare_json(extra: &[&str]) -> (Value, String) {
    let (b, a) = fixture();
    let mut args = vec!["compare", b.as_str(), a.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    run_json(&args)
}

fn panel_company<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    v["panel"]["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == id)
}

#[test]
fn compare_panel_matches_reference() {
    let (v, _) = compare_json(&[]);
    assert_eq!(v["command"], "compare");
    assert_eq!(v["panel"]["n_companies"], 20);
    let n = v["panel"]["companies"].as_array().unwrap().len();
    assert_eq!(n * 3, PANEL.len());
    for (id, dim, x) in PANEL {
        let c = panel_company(&v, id).unwrap_or_else(|| panic!("{id} is not in the panel"));
        let d = &c["dimensions"][*dim];
        let what = |k: &str| format!("{id} {dim} {k}");
        close(&d["before"], x[0], &what("before"));
        close(&d["after"], x[1], &what("after"));
        close(&d["change"], x[2], &what("change"));
        close(&d["ci95"][0], x[3], &what("ci95 low"));
        close(&d["ci95"][1], x[4], &what("ci95 high"));
        close(&d["t"], x[5], &what("t"));
        close(&d["df"], x[6], &what("df"));
        close(&d["p"], x[7], &what("p"));
        close(&d["q"], x[8], &what("q"));
    }
    // The alignment index change is after − before, without a test.
    let c = panel_company(&v, "C11").unwrap();
    let ai = &c["alignment_index"];
    close(
        &ai["change"],
        num(&ai["after"]) - num(&ai["before"]),
        "C11 index change",
    );
    assert_eq!(c["stage_before"], "Defined");
    assert_eq!(c["stage_after"], "Aligned");
    assert!(c["tier_before"].is_null() && c["tier_after"].is_null());
    let up: Vec<&Value> = v["movers"]["stage_up"].as_array().unwrap().iter().collect();
    assert_eq!(up.len(), 1);
    assert_eq!(up[0]["company_id"], "C11");
}

#[test]
fn compare_field_matches_reference() {
    let (v, _) = compare_json(&[]);
    let mut keys: Vec<&str> = v["field"]
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "alignment_index",
            "collaboration",
            "interdependence",
            "shared_understanding"
        ]
    );
    for (key, x) in FIELD {
        let f = &v["field"][*key];
        let what = |k: &str| format!("field {key} {k}");
        close(&f["n_panel"], x[0], &what("n_panel"));
        close(&f["panel_before"], x[1], &what("panel_before"));
        close(&f["panel_after"], x[2], &what("panel_after"));
        close(&f["mean_change"], x[3], &what("mean_change"));
        close(&f["paired_t"]["t"], x[4], &what("paired t"));
        close(&f["paired_t"]["df"], x[5], &what("paired df"));
        close(&f["paired_t"]["p"], x[6], &what("paired p"));
        close(&f["wilcoxon"]["w"], x[7], &what("wilcoxon w"));
        close(&f["wilcoxon"]["z"], x[8], &what("wilcoxon z"));
        close(&f["wilcoxon"]["p"], x[9], &what("wilcoxon p"));
        close(&f["all_before"], x[10], &what("all_before"));
        close(&f["all_after"], x[11], &what("all_after"));
        close(&f["welch"]["t"], x[12], &what("welch t"));
        close(&f["welch"]["df"], x[13], &what("welch df"));
        close(&f["welch"]["p"], x[14], &what("welch p"));
    }
}

#[test]
fn compare_items_match_reference() {
    let (v, _) = compare_json(&[]);
    let items = v["items"].as_array().unwrap();
    assert_eq!(items.len(), ITEMS.len());
    for ((id, x), it) in ITEMS.iter().zip(items) {
        assert_eq!(it["item"], *id);
        let what = |k: &str| format!("item {id} {k}");
        close(&it["n_before"], x[0], &what("n_before"));
        close(&it["n_after"], x[1], &what("n_after"));
        close(&it["before"], x[2], &what("before"));
        close(&it["after"], x[3], &what("after"));
        close(&it["change"], x[4], &what("change"));
        close(&it["top2_before"], x[5], &what("top2_before"));
        close(&it["top2_after"], x[6], &what("top2_after"));
        close(&it["p"], x[7], &what("p"));
        close(&it["q"], x[8], &what("q"));
    }
}

/// The planted change (collaboration of C10–C13 raised) is found, and no
/// other company's collaboration changes significantly.
#[test]
fn compare_finds_the_planted_change() {
    let (v, _) = compare_json(&[]);
    let significant: Vec<&str> = v["panel"]["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| {
            c["dimensions"]["collaboration"]["q"]
                .as_f64()
                .is_some_and(|q| q < 0.05)
        })
        .map(|c| c["company_id"].as_str().unwrap())
        .collect();
    assert_eq!(significant, ["C10", "C11", "C12", "C13"]);
    for id in significant {
        let d = &panel_company(&v, id).unwrap()["dimensions"]["collaboration"];
        assert!(num(&d["change"]) > 20.0 && num(&d["ci95"][0]) > 0.0, "{id}");
    }
}

/// The bundled sample waves plant the same change in C0011–C0018: every
/// one of them is found, and at most a few of the others.
#[test]
fn compare_finds_the_planted_change_in_the_sample_waves() {
    let root = env!("CARGO_MANIFEST_DIR");
    let (b, a) = (
        format!("{root}/data/wave2025.csv"),
        format!("{root}/data/wave2026.csv"),
    );
    let (v, _) = run_json(&[
        "compare",
        &b,
        &a,
        "--labels",
        "2025,2026",
        "--format",
        "json",
    ]);
    assert_eq!(v["waves"]["before"]["label"], "2025");
    let planted: Vec<String> = (11..=18).map(|i| format!("C{i:04}")).collect();
    let mut others = 0;
    for c in v["panel"]["companies"].as_array().unwrap() {
        let sig = c["dimensions"]["collaboration"]["q"]
            .as_f64()
            .is_some_and(|q| q < 0.05);
        let id = c["company_id"].as_str().unwrap().to_string();
        if planted.contains(&id) {
            assert!(sig, "{id}: the planted change is not found");
        } else if sig {
            others += 1;
        }
    }
    assert!(
        others <= 5,
        "{others} unplanted companies changed significantly"
    );
}

#[test]
fn compare_lists_joined_and_left_but_never_hidden_companies() {
    let (v, err) = compare_json(&[]);
    let ids = |k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|c| c["company_id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("joined"), ["C26"]);
    assert_eq!(ids("left"), ["C01"]);
    assert_eq!(v["hidden_in_a_wave"], 2);
    for hidden in ["C02", "C05", "C07", "C25"] {
        assert!(
            panel_company(&v, hidden).is_none(),
            "{hidden} is in the panel"
        );
    }
    assert!(
        err.contains("2 companies are in both waves but hidden"),
        "{err}"
    );
}

/// Rewrite every answer of the companies `hidden` in a copy of `src`.
fn rewrite(dir: &std::path::Path, src: &str, hidden: &[&str], name: &str) -> String {
    let text = std::fs::read_to_string(data(src)).unwrap();
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        if i > 0 && hidden.contains(&cells[1]) {
            let mut v: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            for c in v.iter_mut().skip(3) {
                *c = if c.is_empty() { "5".into() } else { "1".into() };
            }
            out.push_str(&v.join(","));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    let p = dir.join(name);
    std::fs::write(&p, out).unwrap();
    p.to_string_lossy().into_owned()
}

/// The attacker: a company hidden in a wave must leave no trace of that
/// wave's answers. Rewriting every answer of the hidden companies (C05 and
/// C25 after, C02 and C07 before) changes nothing that is printed, in any
/// figure of any section, in any format.
#[test]
fn compare_prints_nothing_of_a_hidden_wave() {
    let dir = tempfile::tempdir().unwrap();
    let b2 = rewrite(
        dir.path(),
        "compare/before.csv",
        &["C02", "C07"],
        "before.csv",
    );
    let a2 = rewrite(
        dir.path(),
        "compare/after.csv",
        &["C05", "C25"],
        "after.csv",
    );
    let (b, a) = fixture();
    let strip = |mut v: Value| {
        for w in ["before", "after"] {
            v["waves"][w]["input"]["file"] = Value::Null;
        }
        v
    };
    let (orig, _) = run_json(&["compare", &b, &a, "--format", "json"]);
    let (changed, _) = run_json(&["compare", &b2, &a2, "--format", "json"]);
    assert_eq!(strip(orig), strip(changed));
    for format in ["table", "markdown", "csv"] {
        let o = output(&["compare", &b, &a, "--format", format]);
        let c = output(&["compare", &b2, &a2, "--format", format]);
        let one = stdout(&o).replace(&b, "B").replace(&a, "A");
        let two = stdout(&c).replace(&b2, "B").replace(&a2, "A");
        assert_eq!(one, two, "{format}");
    }
}

/// Each wave's pooled item figures are exactly those `score` prints for
/// that wave on its own: compare adds no other pool.
#[test]
fn compare_items_are_the_pools_score_prints() {
    let (v, _) = compare_json(&[]);
    let (b, a) = fixture();
    for (file, key) in [(&b, "before"), (&a, "after")] {
        let (s, _) = run_json(&["score", file, "--format", "json"]);
        let pairs = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .zip(s["items"].as_array().unwrap());
        for (it, si) in pairs {
            assert_eq!(it["item"], si["item"]);
            assert_eq!(it[format!("n_{key}")], si["n"]);
            close(
                &it[key],
                num(&si["index"]),
                &format!("{key} {}", it["item"]),
            );
        }
    }
}

/// A copy of `src` with the rows of the companies `ids` only.
fn keep(dir: &std::path::Path, src: &str, ids: &[&str], name: &str) -> String {
    let text = std::fs::read_to_string(data(src)).unwrap();
    let lines: Vec<&str> = text
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || ids.contains(&l.split(',').nth(1).unwrap_or("")))
        .map(|(_, l)| l)
        .collect();
    let p = dir.join(name);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn compare_without_a_company_in_common_still_compares_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let b = keep(
        dir.path(),
        "compare/before.csv",
        &["C03", "C04", "C06", "C08"],
        "b.csv",
    );
    let a = keep(
        dir.path(),
        "compare/after.csv",
        &["C14", "C15", "C16", "C17"],
        "a.csv",
    );
    let out = output(&["compare", &b, &a, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("no company is shown in both waves"), "{err}");
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["panel"]["n_companies"], 0);
    let f = &v["field"]["collaboration"];
    assert_eq!(f["n_panel"], 0);
    assert!(f["panel_before"].is_null() && f["paired_t"]["p"].is_null());
    assert!(f["wilcoxon"]["p"].is_null());
    assert_eq!(f["n_before"], 4);
    assert!(num(&f["all_before"]) > 0.0 && num(&f["welch"]["p"]) > 0.0);
    assert_eq!(v["joined"].as_array().unwrap().len(), 4);
    assert_eq!(v["left"].as_array().unwrap().len(), 4);
    let (table, _) = run_ok(&["compare", &b, &a]);
    assert!(
        table.contains("No company is shown in both waves"),
        "{table}"
    );
}

#[test]
fn compare_with_every_company_hidden_in_a_wave_warns() {
    let dir = tempfile::tempdir().unwrap();
    let a = keep(dir.path(), "compare/after.csv", &[], "a.csv");
    // Two respondents of each of three companies.
    let text = std::fs::read_to_string(data("compare/after.csv")).unwrap();
    let mut rows: Vec<&str> = Vec::new();
    for id in ["C03", "C04", "C06"] {
        let of = text.lines().filter(|l| l.split(',').nth(1) == Some(id));
        rows.extend(of.take(2));
    }
    std::fs::write(
        &a,
        std::fs::read_to_string(&a).unwrap() + &rows.join("\n") + "\n",
    )
    .unwrap();
    let (b, _) = fixture();
    let out = output(&["compare", &b, &a, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("after: every company has fewer than 3 respondents"),
        "{err}"
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["panel"]["n_companies"], 0);
    assert_eq!(v["waves"]["after"]["shown_companies"], 0);
    assert!(v["joined"].as_array().unwrap().is_empty());
    for it in v["items"].as_array().unwrap() {
        assert!(it["after"].is_null() && it["change"].is_null() && it["p"].is_null());
        assert!(it["top2_after"].is_null() && it["before"].is_number());
    }
}

/// An item fewer than the threshold answered in a wave has no figures
/// there and no change; the other items keep theirs.
#[test]
fn compare_gives_no_change_for_an_item_too_few_answered() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(data("compare/after.csv")).unwrap();
    let mut out = String::new();
    // su_icp (column 4) answered by the first 2 respondents only.
    for (i, line) in text.lines().enumerate() {
        let mut cells: Vec<&str> = line.split(',').collect();
        if i > 2 {
            cells[3] = "";
        }
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    let a = dir.path().join("a.csv");
    std::fs::write(&a, out).unwrap();
    let (b, _) = fixture();
    let (v, err) = run_json(&["compare", &b, a.to_str().unwrap(), "--format", "json"]);
    assert!(
        err.contains("after: 1 item has no pooled figures there"),
        "{err}"
    );
    let items = v["items"].as_array().unwrap();
    assert_eq!(items[0]["item"], "su_icp");
    assert!(items[0]["before"].is_number());
    for k in ["after", "change", "top2_after", "p", "q"] {
        assert!(items[0][k].is_null(), "{k}");
    }
    assert!(items[1]["change"].is_number() && items[1]["q"].is_number());
}

#[test]
fn compare_refuses_the_same_file_twice_and_two_standard_inputs() {
    let (b, _) = fixture();
    let out = align().args(["compare", &b, &b]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the same file"), "{}", stderr(&out));
    let out = align().args(["compare", "-", "-"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard input"), "{}", stderr(&out));
}

#[test]
fn compare_refuses_waves_read_with_different_instruments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inst.json");
    let out = align()
        .args(["instrument", "--init", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut inst: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let item = inst["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|i| i["id"] == "co_informal")
        .unwrap();
    item["reverse"] = Value::Bool(true);
    std::fs::write(&path, serde_json::to_vec(&inst).unwrap()).unwrap();
    let (b, a) = fixture();
    let out = align()
        .args([
            "compare",
            &b,
            &a,
            "--instrument-after",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = stderr(&out);
    assert!(
        err.contains("co_informal") && err.contains("same instrument"),
        "{err}"
    );
}

#[test]
fn compare_compares_tiers_when_both_waves_have_outcomes() {
    let ob = data("compare/outcomes_before.csv");
    let oa = data("compare/outcomes_after.csv");
    let (v, _) = compare_json(&["--outcomes-before", &ob, "--outcomes-after", &oa]);
    assert_eq!(v["settings"]["tiers"], true);
    let tiers = ["leader", "average", "laggard"];
    for c in v["panel"]["companies"].as_array().unwrap() {
        assert!(tiers.contains(&c["tier_before"].as_str().unwrap()));
        assert!(tiers.contains(&c["tier_after"].as_str().unwrap()));
    }
    let moves = v["movers"]["tier_changes"].as_array().unwrap();
    assert!(!moves.is_empty());
    for m in moves {
        let c = panel_company(&v, m["company_id"].as_str().unwrap()).unwrap();
        assert_eq!(c["tier_before"], m["before"]);
        assert_eq!(c["tier_after"], m["after"]);
        assert_ne!(m["before"], m["after"]);
    }
    let (v, err) = compare_json(&["--outcomes-before", &ob]);
    assert_eq!(v["settings"]["tiers"], false);
    assert!(
        err.contains("tiers are compared only when both waves"),
        "{err}"
    );
}

#[test]
fn compare_writes_every_format() {
    let (b, a) = fixture();
    let (table, _) = run_ok(&["compare", &b, &a, "--labels", "2025,2026"]);
    assert!(table.contains("What changed: 2025 → 2026"));
    assert!(table.contains("Ongoing collaboration: 4 of 20 panel companies improved"));
    let (md, _) = run_ok(&["compare", &b, &a, "--format", "markdown"]);
    assert!(md.starts_with("# What changed"), "{md}");
    let (csv, _) = run_ok(&["compare", &b, &a, "--format", "csv"]);
    let header = csv.lines().next().unwrap();
    let start = "company_id,dimension,label,before,after,change,ci95_low,ci95_high";
    assert!(header.starts_with(start), "{header}");
    assert_eq!(csv.lines().count(), 1 + 60);
    let (items, _) = run_ok(&["compare", &b, &a, "--format", "csv", "--table", "items"]);
    assert_eq!(items.lines().count(), 1 + 23);
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("c.html");
    let out = align()
        .args(["compare", &b, &a, "-o", html.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&html).unwrap();
    assert_eq!(page.matches("<svg").count(), 2, "a field and a panel chart");
    assert!(page.contains("improved significantly") && !page.contains("http://"));
    let xlsx = dir.path().join("c.xlsx");
    let out = align()
        .args(["compare", &b, &a, "-o", xlsx.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
}

/// `Survey::compare` gives the very model the command prints.
#[test]
fn compare_library_facade_equals_the_command() {
    use align::analysis::compare::CompareOptions;
    use align::{Instrument, Survey};
    let inst = Instrument::load(None).unwrap();
    let (b, a) = fixture();
    let (before, after) = (
        Survey::open(&b, &inst).unwrap(),
        Survey::open(&a, &inst).unwrap(),
    );
    let model = before
        .compare(&after, ("before", "after"), None, CompareOptions::default())
        .unwrap();
    let lib = serde_json::to_value(model).unwrap();
    let (cli, _) = compare_json(&[]);
    for key in [
        "panel", "field", "items", "movers", "joined", "left", "warnings",
    ] {
        assert_eq!(lib[key], cli[key], "{key}");
    }
}

// Pasted from `python3 tests/reference/compare_reference.py --rust`.
// company, dimension: before, after, change, ci low, ci high, t, df, p, q
#[rustfmt::skip]
const PANEL: &[(&str, &str, [f64; 9])] = &[
    ("C03", "shared_understanding", [40.67460317460317, 44.49404761904762, 3.81944444444445, -8.778121632723188, 16.417010521612088, 0.6940585350620081, 8.352056609351358, 0.5064884230592192, 0.7792647885463498]),
    ("C03", "interdependence", [38.888888888888886, 39.81481481481482, 0.9259259259259309, -9.772460108403402, 11.624311960255264, 0.19246463787138932, 10.146498166178702, 0.851175914287446, 0.8521856003239462]),
    ("C03", "collaboration", [42.485119047619044, 40.0297619047619, -2.455357142857146, -11.370142705522138, 6.459428419807846, -0.6138538987385685, 9.979828787404676, 0.5530461467821973, 0.7735140646138006]),
    ("C04", "shared_understanding", [22.823660714285715, 27.5297619047619, 4.706101190476186, -9.525791125646693, 18.937993506599064, 0.7617849198816453, 8.045389649005257, 0.4679293316237182, 0.7792647885463498]),
    ("C04", "interdependence", [25.71428571428571, 28.373015873015873, 2.6587301587301617, -5.907891044862888, 11.225351362323211, 0.6810949149346102, 11.271370002318106, 0.5095624128094652, 0.7150065587766049]),
    ("C04", "collaboration", [27.455357142857142, 28.05059523809524, 0.5952380952380985, -10.420699572153993, 11.61117576263019, 0.12589763883356442, 7.5533010390726165, 0.9030991311601613, 0.9030991311601613]),
    ("C06", "shared_understanding", [61.33928571428571, 64.0625, 2.723214285714292, -6.8679015854736765, 12.31433015690226, 0.626308455360927, 10.804728114901808, 0.5441172110727879, 0.7792647885463498]),
    ("C06", "interdependence", [64.28571428571429, 69.12202380952381, 4.836309523809518, -13.476148688870659, 23.148767736489695, 0.7031651254723272, 4.4823011826946795, 0.5167729556534708, 0.7150065587766049]),
    ("C06", "collaboration", [67.5, 65.17857142857143, -2.3214285714285694, -12.384180531805626, 7.741323388948487, -0.513233269349069, 10.114501988519622, 0.6188112516910405, 0.7735140646138006]),
    ("C08", "shared_understanding", [47.265625, 51.041666666666664, 3.7760416666666643, -4.711994297286106, 12.264077630619434, 0.9764017225950794, 11.259141633242514, 0.3493780857688423, 0.7763957461529828]),
    ("C08", "interdependence", [54.910714285714285, 55.952380952380956, 1.0416666666666714, -8.8536855982381, 10.937018931571442, 0.23763068301461746, 9.126628976937864, 0.8174164131528814, 0.8521856003239462]),
    ("C08", "collaboration", [57.92410714285714, 57.291666666666664, -0.6324404761904745, -11.577755204392014, 10.312874252011065, -0.12992553220099257, 9.371732297759868, 0.8993714518197559, 0.9030991311601613]),
    ("C09", "shared_understanding", [69.02901785714286, 68.30357142857143, -0.7254464285714306, -13.072315889952163, 11.621423032809302, -0.12709517866314868, 12.839339437599063, 0.9008339610184452, 0.9482462747562581]),
    ("C09", "interdependence", [65.10416666666666, 71.59863945578232, 6.494472789115662, -3.155716492514035, 16.14466207074536, 1.4696632182455263, 11.758590732228473, 0.16789549338757287, 0.559651644625243]),
    ("C09", "collaboration", [64.02529761904762, 66.19897959183673, 2.1736819727891117, -6.888448096668563, 11.235812042246787, 0.5201537843474376, 12.535575983003948, 0.6120195701466701, 0.7735140646138006]),
    ("C10", "shared_understanding", [55.580357142857146, 53.49025974025974, -2.090097402597408, -9.91567380249501, 5.735478997300196, -0.5554706681136543, 20.977597664525756, 0.5844485914097624, 0.7792647885463498]),
    ("C10", "interdependence", [61.06150793650793, 56.92640692640692, -4.13510101010101, -13.01584181947533, 4.7456397992733095, -0.977019474768052, 18.320111887152454, 0.3412855568060972, 0.7150065587766049]),
    ("C10", "collaboration", [57.328869047619044, 92.50541125541125, 35.1765422077922, 30.682494572363254, 39.67058984322115, 16.306766923782256, 20.40651027734027, 3.567640004599342e-13, 7.135280009198684e-12]),
    ("C11", "shared_understanding", [46.750992063492056, 50.94246031746032, 4.191468253968267, -3.5711826357283147, 11.95411914366485, 1.1338962548069265, 18.1121638300829, 0.2716237575768788, 0.6790593939421969]),
    ("C11", "interdependence", [42.01388888888889, 49.07407407407407, 7.060185185185176, -0.21598511332361703, 14.33635548369397, 2.0435981675815778, 17.40122933735553, 0.05643552585650501, 0.559651644625243]),
    ("C11", "collaboration", [41.40625, 85.31746031746032, 43.911210317460316, 37.260866289769424, 50.56155434515121, 14.367667138338593, 12.1424982298682, 5.499383533479022e-09, 3.666255688986015e-08]),
    ("C12", "shared_understanding", [65.57539682539682, 57.00892857142858, -8.566468253968246, -15.477235624477505, -1.6557008834589872, -2.6129559440723265, 17.20179334292751, 0.01806429012978269, 0.18064290129782687]),
    ("C12", "interdependence", [61.259920634920626, 65.0, 3.7400793650793744, -6.603715658950957, 14.083874389109706, 0.7548432878897395, 19.752351097318858, 0.4592492880029344, 0.7150065587766049]),
    ("C12", "collaboration", [65.81101190476191, 93.66071428571429, 27.84970238095238, 22.83496501345776, 32.864439748447, 11.60016890951595, 19.58847653035681, 3.176003313716816e-10, 3.176003313716816e-09]),
    ("C13", "shared_understanding", [57.986111111111114, 57.27678571428571, -0.7093253968254061, -8.44178594555137, 7.023135151900559, -0.20367374197397142, 10.268127047435705, 0.8425884266476337, 0.9362093629418151]),
    ("C13", "interdependence", [59.52380952380953, 56.845238095238095, -2.6785714285714377, -11.721808052355781, 6.364665195212906, -0.6310547428675091, 15.074681902318867, 0.5374560638686391, 0.7150065587766049]),
    ("C13", "collaboration", [63.14484126984127, 92.63392857142858, 29.48908730158731, 22.97205042988508, 36.00612417328954, 9.61840643642455, 15.48489131062453, 6.290437482443024e-08, 3.145218741221512e-07]),
    ("C14", "shared_understanding", [65.97222222222223, 58.203125, -7.7690972222222285, -17.57074109267448, 2.0325466482300225, -1.7224322553259244, 12.293686227937096, 0.11003132591237698, 0.4401253036495079]),
    ("C14", "interdependence", [64.41798941798942, 57.29166666666667, -7.126322751322746, -17.081683463760022, 2.8290379611145298, -1.5474405698553295, 12.91878114256133, 0.14589700449941073, 0.559651644625243]),
    ("C14", "collaboration", [63.59126984126984, 57.03125, -6.560019841269842, -15.637940321080357, 2.5179006385406737, -1.5445601109545004, 14.53521484450554, 0.1439424702304228, 0.4112642006583509]),
    ("C15", "shared_understanding", [16.852678571428573, 18.898809523809526, 2.0461309523809526, -5.264278469638079, 9.356540374399984, 0.6047295304098, 12.987766727017748, 0.555777023318582, 0.7792647885463498]),
    ("C15", "interdependence", [18.30357142857143, 22.023809523809526, 3.720238095238095, -6.14943234817428, 13.58990853865047, 0.8166867311920927, 12.639817902184193, 0.42923179387296845, 0.7150065587766049]),
    ("C15", "collaboration", [22.098214285714285, 25.198412698412696, 3.1001984126984112, -5.995854943804467, 12.19625176920129, 0.7278521598022397, 14.6775670320348, 0.47815547597978625, 0.7735140646138006]),
    ("C16", "shared_understanding", [42.67526455026455, 46.484375, 3.8091104497354493, -2.4241291899953135, 10.042350089466211, 1.3101518697259835, 14.059432945423408, 0.21114673199984524, 0.603276377142415]),
    ("C16", "interdependence", [42.85714285714286, 41.88988095238095, -0.9672619047619122, -11.86527451811271, 9.930750708588885, -0.18966965376604164, 14.566847279364561, 0.8521856003239462, 0.8521856003239462]),
    ("C16", "collaboration", [45.28769841269841, 41.238839285714285, -4.0488591269841265, -12.299561538920882, 4.201843284952629, -1.0510875642885917, 14.20474910642821, 0.310771964055312, 0.69060436456736]),
    ("C17", "shared_understanding", [39.657738095238095, 39.78794642857143, 0.1302083333333357, -9.706904584254582, 9.967321250921254, 0.028903186951520585, 11.766988552346145, 0.9774262226580102, 0.9774262226580102]),
    ("C17", "interdependence", [35.91269841269841, 43.30357142857143, 7.390873015873019, -0.7550843667026932, 15.536830398448732, 2.0535530929195938, 8.968906854992966, 0.07031663876424482, 0.559651644625243]),
    ("C17", "collaboration", [37.94642857142857, 39.620535714285715, 1.674107142857146, -9.701501224831897, 13.04971551054619, 0.32695856564058884, 10.218652017750653, 0.7502982277583663, 0.8582805605067223]),
    ("C18", "shared_understanding", [97.52604166666667, 90.0, -7.526041666666671, -14.84402792011914, -0.2080554132142023, -2.623141512982222, 5.133355377242161, 0.045732927987963294, 0.30488618658642197]),
    ("C18", "interdependence", [96.65178571428572, 92.85714285714286, -3.794642857142861, -11.927420115698228, 4.338134401412505, -1.1856069027067035, 5.200738881501443, 0.28710537851850465, 0.7150065587766049]),
    ("C18", "collaboration", [95.20089285714286, 91.875, -3.325892857142861, -12.15771973165777, 5.505934017372047, -0.9070083032753932, 6.421059149537144, 0.397162297115342, 0.7735140646138006]),
    ("C19", "shared_understanding", [37.15277777777778, 44.19642857142857, 7.043650793650791, -0.4508001592410258, 14.538101746542608, 2.0915625480362943, 10.090789293229864, 0.0627170296803568, 0.31358514840178403]),
    ("C19", "interdependence", [38.16137566137567, 40.0, 1.838624338624328, -11.941926224356125, 15.619174901604781, 0.3009084496435123, 9.182591870426842, 0.7701865398265765, 0.8521856003239462]),
    ("C19", "collaboration", [37.89682539682539, 36.607142857142854, -1.2896825396825378, -10.792634671365677, 8.213269592000602, -0.29580426264277565, 11.96022112532493, 0.7724525044560501, 0.8582805605067223]),
    ("C20", "shared_understanding", [68.45238095238095, 65.8234126984127, -2.628968253968253, -10.21786106857528, 4.959924560638774, -0.7841961511794805, 8.960082676930679, 0.453156850250352, 0.7792647885463498]),
    ("C20", "interdependence", [69.74206349206351, 66.53439153439155, -3.2076719576719626, -13.107063788148137, 6.691719872804212, -0.7008516846912461, 12.849647871985743, 0.4958917441636749, 0.7150065587766049]),
    ("C20", "collaboration", [72.39583333333333, 66.28637566137566, -6.109457671957671, -13.27377950731302, 1.0548641633976779, -1.8537180672452018, 12.25565558012054, 0.08799560909506163, 0.2933186969835388]),
    ("C21", "shared_understanding", [21.279761904761905, 26.875, 5.595238095238095, -2.9228275639004213, 14.113303754376611, 1.451088640163287, 10.678195528386624, 0.1754906597024957, 0.5849688656749856]),
    ("C21", "interdependence", [18.253968253968253, 20.357142857142858, 2.1031746031746046, -5.290398501176147, 9.496747707525357, 0.6574346671655023, 7.8985724359660505, 0.5295894922741888, 0.7150065587766049]),
    ("C21", "collaboration", [22.371031746031747, 20.0, -2.371031746031747, -12.39563435761466, 7.653570865551167, -0.540494748237116, 8.4413672022638, 0.6028217699161902, 0.7735140646138006]),
    ("C22", "shared_understanding", [42.94642857142857, 28.869047619047617, -14.077380952380953, -21.197124218753547, -6.957637686008359, -4.5232103261413545, 8.386226155965895, 0.001722807326362756, 0.03445614652725512]),
    ("C22", "interdependence", [41.642857142857146, 31.084656084656086, -10.55820105820106, -23.35080117577575, 2.234399059373631, -1.800236830058452, 11.881988356231593, 0.09724309604825929, 0.559651644625243]),
    ("C22", "collaboration", [39.375, 36.60714285714286, -2.767857142857139, -11.110246812600469, 5.574532526886191, -0.7234780434144706, 11.91291394765719, 0.4833507440784878, 0.7735140646138006]),
    ("C23", "shared_understanding", [24.40476190476191, 26.78571428571429, 2.3809523809523796, -9.602189862430741, 14.3640946243355, 0.47187581272931234, 6.853450580124635, 0.651669026522269, 0.8145862831528362]),
    ("C23", "interdependence", [25.0, 32.14285714285714, 7.142857142857139, -3.610188140269413, 17.895902425983692, 1.519109050625499, 8.402734617775018, 0.16542536073575262, 0.559651644625243]),
    ("C23", "collaboration", [26.909722222222225, 22.053571428571427, -4.856150793650798, -15.156450120671103, 5.444148533369507, -1.126537525832905, 6.657890641024488, 0.2988977362570612, 0.69060436456736]),
    ("C24", "shared_understanding", [56.026785714285715, 54.78316326530612, -1.2436224489795933, -9.971632008031204, 7.484387110072017, -0.31789793014363676, 9.903800728021178, 0.7571638194790289, 0.8907809640929751]),
    ("C24", "interdependence", [53.57142857142856, 56.03741496598639, 2.465986394557831, -7.014247413315971, 11.946220202431633, 0.585768943353915, 9.276259194765737, 0.572005247021284, 0.7150065587766049]),
    ("C24", "collaboration", [54.38988095238094, 47.767857142857146, -6.622023809523796, -13.461033141415353, 0.2169855223677608, -2.131530178460146, 10.984074397306975, 0.056464735014689335, 0.22585894005875734]),
];
// key: n_panel, panel_before, panel_after, mean_change, paired t, df, p,
// wilcoxon w, z, p, all_before, all_after, welch t, df, p
#[rustfmt::skip]
const FIELD: &[(&str, [f64; 15])] = &[
    ("shared_understanding", [20.0, 48.998594576719576, 48.742850217738614, -0.25574435898096637, -0.20658213906558093, 19.0, 0.8385338946956474, 97.0, -0.29866135717862297, 0.7651984444971875, 45.60951779701781, 47.38876985883885, 0.3007872374508642, 39.69651952782907, 0.7651465522715726]),
    ("interdependence", [20.0, 48.86388888888889, 49.81145640074212, 0.9475675118532261, 0.8556894872858453, 19.0, 0.40283197486630523, 81.0, -0.8959840715358688, 0.37026127045291435, 45.138708513708515, 48.850061374412014, 0.6073213128080779, 40.08577978702917, 0.5470627875629039]),
    ("collaboration", [20.0, 50.22718253968253, 55.25766084527245, 5.030478305589913, 1.4579104659603312, 19.0, 0.1611970954893004, 94.0, -0.41065936612060655, 0.681322326150025, 46.42203282828282, 53.615426255442486, 1.0200651596187311, 41.40988815822136, 0.3136203293759629]),
    ("alignment_index", [20.0, 49.36322200176367, 51.27065582125107, 1.9074338194873928, 1.385255594553396, 19.0, 0.18202365912228122, 68.0, -1.3813087769511312, 0.16718404068982073, 45.72341971300304, 49.951419162897785, 0.6842042312370747, 41.0835449696494, 0.4976877860013478]),
];
// item: n_before, n_after, before, after, change, top2_before, top2_after, p, q
#[rustfmt::skip]
const ITEMS: &[(&str, [f64; 9])] = &[
    ("su_icp", [167.0, 168.0, 45.65868263473054, 45.83333333333333, 0.1746506986027896, 29.34131736526946, 25.595238095238095, 0.4424304797088683, 0.7662095895460931]),
    ("su_value_props", [164.0, 168.0, 47.103658536585364, 48.06547619047619, 0.9618176538908259, 32.31707317073171, 30.952380952380953, 0.7892032210788082, 0.9553512676217153]),
    ("su_buying_process", [169.0, 166.0, 44.67455621301775, 46.83734939759036, 2.1627931845726067, 26.62721893491124, 28.91566265060241, 0.6400426509770423, 0.8659400572042337]),
    ("su_lead_stages", [169.0, 167.0, 47.485207100591715, 49.25149700598803, 1.766289905396313, 28.994082840236686, 32.33532934131737, 0.5065776797558941, 0.776752442292371]),
    ("su_sales_ready", [169.0, 169.0, 46.74556213017752, 48.22485207100592, 1.4792899408284015, 29.585798816568047, 26.035502958579883, 0.4663884458106654, 0.7662095895460931]),
    ("su_handoff", [166.0, 165.0, 45.331325301204814, 48.03030303030303, 2.6989777290982175, 42.16867469879518, 35.15151515151515, 0.18994377627632308, 0.4368706854355431]),
    ("su_recycling", [171.0, 168.0, 50.43859649122807, 47.023809523809526, -3.414786967418543, 38.59649122807018, 26.785714285714285, 0.020510688361509797, 0.09088374575455349]),
    ("su_messaging", [169.0, 168.0, 46.15384615384615, 46.875, 0.7211538461538467, 39.053254437869825, 39.88095238095238, 0.8764797765212856, 0.9789313394981405]),
    ("in_need_each_other", [168.0, 168.0, 46.577380952380956, 48.660714285714285, 2.0833333333333286, 30.357142857142858, 29.761904761904763, 0.9052909716825805, 0.9789313394981405]),
    ("in_shared_goals", [166.0, 163.0, 46.68674698795181, 50.920245398773, 4.233498410821191, 31.325301204819276, 34.355828220858896, 0.5583664760072826, 0.8026518092604688]),
    ("in_shared_kpis", [167.0, 168.0, 47.1556886227545, 47.61904761904761, 0.46335899629311683, 29.34131736526946, 29.166666666666668, 0.9719734835754924, 0.9789313394981405]),
    ("in_shared_accountability", [166.0, 162.0, 46.536144578313255, 50.46296296296296, 3.9268183846497067, 31.927710843373493, 33.95061728395062, 0.6967115121168475, 0.8902424877048606]),
    ("in_shared_incentives", [167.0, 164.0, 45.209580838323355, 47.86585365853659, 2.656272820213232, 26.347305389221557, 26.21951219512195, 0.9789313394981405, 0.9789313394981405]),
    ("in_sales_feedback", [168.0, 167.0, 45.68452380952381, 53.1437125748503, 7.459188765326488, 29.166666666666668, 37.125748502994014, 0.12175809841078342, 0.3111595848275576]),
    ("in_separate_goals", [170.0, 167.0, 46.61764705882353, 47.455089820359284, 0.8374427615357547, 40.0, 35.92814371257485, 0.441277558986095, 0.7662095895460931]),
    ("co_joint_meetings", [167.0, 167.0, 48.952095808383234, 57.48502994011976, 8.532934131736525, 31.137724550898202, 43.712574850299404, 0.017574765063908527, 0.09088374575455349]),
    ("co_cross_teams", [169.0, 163.0, 47.18934911242604, 55.674846625766875, 8.485497513340839, 33.13609467455621, 42.94478527607362, 0.0655938806154016, 0.1885824067692796]),
    ("co_informal", [168.0, 165.0, 48.214285714285715, 56.96969696969697, 8.755411255411254, 31.547619047619047, 43.63636363636363, 0.022739225079711156, 0.09088374575455349]),
    ("co_realtime_info", [169.0, 165.0, 46.30177514792899, 57.12121212121212, 10.819436973283125, 31.36094674556213, 43.03030303030303, 0.027320225121700115, 0.09088374575455349]),
    ("co_lead_followup", [171.0, 165.0, 45.760233918128655, 55.00000000000001, 9.239766081871352, 27.485380116959064, 38.78787878787879, 0.027660270447038022, 0.09088374575455349]),
    ("co_content_use", [165.0, 164.0, 49.848484848484844, 55.94512195121951, 6.096637102734668, 37.57575757575758, 42.073170731707314, 0.4047242325988044, 0.7662095895460931]),
    ("co_joint_planning", [171.0, 167.0, 47.514619883040936, 54.49101796407185, 6.976398081030915, 29.82456140350877, 45.50898203592814, 0.0029133662320609665, 0.06476758291811432]),
    ("co_after_the_fact", [168.0, 164.0, 47.470238095238095, 56.55487804878049, 9.084639953542393, 39.88095238095238, 25.609756097560975, 0.005631963732009942, 0.06476758291811432]),
];
