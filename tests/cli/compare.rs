//! Tests of `align compare` (docs/methods.md, "Survey waves"; JSON keys in
//! docs/formats.md#compare-json).
//!
//! The expected values (tests/reference/compare_expected.rs) come from
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

#[path = "../reference/compare_expected.rs"]
mod expected;
use crate::support;
use expected::{FIELD, ITEMS, PANEL};
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
