//! `align scorecards` end to end on the norms fixtures (tests/data/norms/):
//! safe and distinct file names for hostile company ids, figures equal to
//! `benchmark --format json` (and `score --by-role`), privacy (no other
//! company named, hidden companies get no file), norm figures from too few
//! companies left out, Markdown, and the output directory rules.

use crate::norms_support as support;

use scraper::{Html, Selector};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use support::*;

const IDS: [&str; 6] = ["Acme", "Globex", "Initech", "Twin", "Umbrella", "Tiny"];

fn scorecards(responses: &Path, norms: &Path, dir: &Path, extra: &[&str]) -> Out {
    let inst = data("instrument.json");
    let mut args = vec![
        "scorecards",
        responses.to_str().unwrap(),
        "--instrument",
        inst.as_str(),
        "--norms",
        norms.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ];
    args.extend(extra);
    run(&args)
}

/// The files of `dir` by name.
fn files(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect()
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: scraper::ElementRef) -> String {
    e.text().collect::<String>().trim().replace('−', "-")
}

/// The rows of the tables of `section` (cells as text).
fn tables(doc: &Html, section: &str) -> Vec<Vec<Vec<String>>> {
    let tsel = sel(&format!("section#{section} table"));
    doc.select(&tsel)
        .map(|t| {
            t.select(&sel("tbody tr"))
                .map(|r| r.select(&sel("td")).map(text).collect())
                .collect()
        })
        .collect()
}

/// Company id → file name, from index.html.
fn index(dir: &Path) -> BTreeMap<String, String> {
    let html = Html::parse_document(&std::fs::read_to_string(dir.join("index.html")).unwrap());
    tables(&html, "files")[0]
        .iter()
        .map(|r| (r[0].clone(), r[2].clone()))
        .collect()
}

fn f1(x: &Value) -> String {
    x.as_f64().map_or("–".into(), |v| format!("{v:.1}"))
}

fn f2(x: f64) -> String {
    format!("{x:.2}")
}

/// The `LISTED` items most above (`sign` 1) or below (−1) the reference,
/// computed here from the benchmark JSON.
fn expected_items(items: &[Value], reference: &str, sign: f64) -> Vec<(String, f64, f64)> {
    let mut v: Vec<(i64, usize, String, f64, f64)> = items
        .iter()
        .enumerate()
        .filter_map(|(j, it)| {
            let m = it["company_mean"].as_f64()?;
            let r = it[reference].as_f64()?;
            let k = (sign * (m - r) * 1e9).round() as i64;
            let mut t = it["text"].as_str().unwrap().to_string();
            if it["reverse"] == true {
                t.push_str(" (reverse-worded)");
            }
            (k > 0).then_some((k, j, t, m, r))
        })
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().take(3).map(|x| (x.2, x.3, x.4)).collect()
}

fn check_items(rows: &[Vec<String>], want: &[(String, f64, f64)], what: &str) {
    assert_eq!(rows.len(), want.len(), "{what}");
    for (r, (t, m, reference)) in rows.iter().zip(want) {
        assert_eq!(&r[0], t, "{what}");
        assert_eq!(r[1], f2(*m), "{what} {t}");
        assert_eq!(r[2], f2(*reference), "{what} {t}");
        let d = format!("{:+.2}", m - reference);
        assert_eq!(r[3], d, "{what} {t}");
    }
}

#[test]
fn scorecards_numbers_equal_benchmark_json() {
    let tmp = tempfile::tempdir().unwrap();
    // Two leader companies in the norms: shown with --min-companies 2.
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let (bench, _) = benchmark_json(&norms, &[]);
    let dir = tmp.path().join("cards");
    let out = scorecards(
        Path::new(&data("benchmark.csv")),
        &norms,
        &dir,
        &["--min-companies", "2"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let idx = index(&dir);
    assert_eq!(idx.len(), 5);
    for (id, file) in &idx {
        let c = company(&bench, id);
        let html = Html::parse_document(&std::fs::read_to_string(dir.join(file)).unwrap());
        let standing = &tables(&html, "standing")[0];
        // Rows in instrument order, then the alignment index.
        let keys: Vec<&str> = bench["dimensions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .chain(["alignment_index"])
            .collect();
        assert_eq!(standing.len(), keys.len(), "{id}");
        for (row, key) in standing.iter().zip(keys) {
            let d = &c["dimensions"][key];
            assert_eq!(row[1], f1(&d["score"]), "{id} {key} score");
            let p = d["percentile"].as_f64().unwrap().round() as i64;
            assert!(row[2].starts_with(&p.to_string()), "{id} {key} percentile");
            assert_eq!(row[3], f1(&d["norm_median"]), "{id} {key} norm median");
            assert_eq!(row[4], f1(&d["leader_mean"]), "{id} {key} leaders");
        }
        let items = c["items"].as_array().unwrap();
        let strengths = expected_items(items, "leader_mean", 1.0);
        let priorities = expected_items(items, "leader_mean", -1.0);
        let t = tables(&html, "items");
        let mut t = t.iter();
        if !strengths.is_empty() {
            check_items(t.next().unwrap(), &strengths, &format!("{id} strengths"));
        }
        if !priorities.is_empty() {
            check_items(t.next().unwrap(), &priorities, &format!("{id} priorities"));
        }
        // The largest benchmark priority is the first scorecard priority.
        if let Some(p) = c["priorities"].as_array().unwrap().first() {
            assert!(priorities[0].0.starts_with(p["text"].as_str().unwrap()));
        }
    }
}

#[test]
fn scorecards_name_no_other_company_and_hidden_get_none() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let dir = tmp.path().join("cards");
    let out = scorecards(Path::new(&data("benchmark.csv")), &norms, &dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "wrote 5 scorecards to {} (1 company hidden: Tiny)",
            dir.display()
        )),
        "{}",
        out.stderr
    );
    let idx = index(&dir);
    assert!(!idx.contains_key("Tiny"));
    let index_html = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(
        index_html.contains("Tiny"),
        "the index lists hidden companies"
    );
    assert_eq!(files(&dir).len(), 6, "five scorecards and the index");
    for (id, file) in &idx {
        let s = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(s.contains(id.as_str()));
        for other in IDS.iter().filter(|o| *o != id) {
            assert!(!s.contains(other), "{file} names {other}");
        }
        assert!(!s.contains("--"), "{file}: no command-line option");
    }
}

#[test]
fn scorecards_with_few_leaders_show_no_leaders_mean() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let dir = tmp.path().join("cards");
    let out = scorecards(Path::new(&data("benchmark.csv")), &norms, &dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let s = std::fs::read_to_string(dir.join("Acme.html")).unwrap();
    assert!(!s.contains("Leaders&#x27; mean") && !s.contains("Leaders' mean"));
    assert!(s.contains("2 leader companies, fewer than 5"), "{s}");
    assert!(s.contains("Norm mean"), "items fall back to the norm mean");
    // Fewer norm companies than K: no norm figure at all.
    let dir = tmp.path().join("cards13");
    let out = scorecards(
        Path::new(&data("benchmark.csv")),
        &norms,
        &dir,
        &["--min-companies", "13"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = Html::parse_document(&std::fs::read_to_string(dir.join("Acme.html")).unwrap());
    for row in &tables(&html, "standing")[0] {
        assert_eq!(row[2], "–");
        assert_eq!(row[3], "–");
    }
    assert!(tables(&html, "items").is_empty());
}

#[test]
fn scorecards_hostile_ids_get_safe_distinct_names() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let long = "L".repeat(300);
    let rename: BTreeMap<&str, &str> = [
        ("Acme", "../evil"),
        ("Globex", "CON"),
        ("Initech", ".hidden"),
        ("Umbrella", "a/b"),
        ("Twin", long.as_str()),
    ]
    .into();
    let src = std::fs::read_to_string(data("benchmark.csv")).unwrap();
    let mut csv = String::new();
    let mut extra = String::new();
    for (i, line) in src.lines().enumerate() {
        let mut f: Vec<String> = line.split(',').map(String::from).collect();
        if i > 0 {
            // Two more companies whose ids differ only by case.
            for (from, to) in [("Acme", "Mixed"), ("Globex", "MIXED")] {
                if f[1] == from {
                    let mut g = f.clone();
                    g[0] = format!("{}x", g[0]);
                    g[1] = to.to_string();
                    extra.push_str(&g.join(","));
                    extra.push('\n');
                }
            }
            if let Some(to) = rename.get(f[1].as_str()) {
                f[1] = to.to_string();
            }
        }
        csv.push_str(&f.join(","));
        csv.push('\n');
    }
    csv.push_str(&extra);
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let responses = work.join("hostile.csv");
    std::fs::write(&responses, csv).unwrap();
    let dir = work.join("cards");
    let out = scorecards(&responses, &norms, &dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        files(&work),
        ["cards", "hostile.csv"].map(String::from).into(),
        "nothing written beside the directory"
    );
    assert!(!tmp.path().join("evil.html").exists());
    let names = files(&dir);
    assert_eq!(names.len(), 8, "seven scorecards and the index: {names:?}");
    let lower: BTreeSet<String> = names.iter().map(|n| n.to_lowercase()).collect();
    assert_eq!(lower.len(), names.len(), "distinct ignoring case");
    for n in &names {
        assert!(n.len() <= 100, "{n}");
        assert!(!n.starts_with('.') && !n.starts_with(' '), "{n}");
        assert!(
            !n.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']),
            "{n}"
        );
        assert!(!n.chars().any(char::is_control), "{n}");
        let stem = n.split('.').next().unwrap().to_ascii_uppercase();
        assert!(
            !["CON", "PRN", "AUX", "NUL"].contains(&stem.as_str())
                && !(stem.len() == 4 && (stem.starts_with("COM") || stem.starts_with("LPT"))),
            "{n}"
        );
        assert!(dir.join(n).is_file());
    }
    let idx = index(&dir);
    assert_eq!(idx.len(), 7);
    for id in [
        "../evil",
        "CON",
        ".hidden",
        "a/b",
        long.as_str(),
        "Mixed",
        "MIXED",
    ] {
        let file = &idx[id];
        assert!(names.contains(file), "{id} → {file}");
        let html = Html::parse_document(&std::fs::read_to_string(dir.join(file)).unwrap());
        let h1 = html.select(&sel("h1")).next().map(text).unwrap();
        assert_eq!(h1, format!("Alignment scorecard: {id}"), "{file}");
    }
    assert_ne!(idx["Mixed"].to_lowercase(), idx["MIXED"].to_lowercase());
}

#[test]
fn scorecards_markdown_format() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let (bench, _) = benchmark_json(&norms, &[]);
    let dir = tmp.path().join("md");
    let out = scorecards(
        Path::new(&data("benchmark.csv")),
        &norms,
        &dir,
        &["--format", "markdown"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let names = files(&dir);
    assert!(names.contains("index.md") && names.iter().all(|n| n.ends_with(".md")));
    let s = std::fs::read_to_string(dir.join("Globex.md")).unwrap();
    assert!(s.starts_with("# Alignment scorecard: Globex\n"), "{s}");
    let ai = &company(&bench, "Globex")["dimensions"]["alignment_index"];
    let row = format!(
        "| Alignment index | {} | {}",
        f1(&ai["score"]),
        support_ordinal(ai["percentile"].as_f64().unwrap())
    );
    assert!(s.contains(&row), "{row}\n{s}");
    assert!(s.contains("## How to read this"));
    let index = std::fs::read_to_string(dir.join("index.md")).unwrap();
    assert!(index.contains("| Globex | 6 | Globex.md |"), "{index}");
}

fn support_ordinal(p: f64) -> String {
    let n = p.round() as i64;
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[test]
fn scorecards_refuse_a_non_empty_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let dir = tmp.path().join("cards");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("old.html"), "old").unwrap();
    let out = scorecards(Path::new(&data("benchmark.csv")), &norms, &dir, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("not empty"), "{}", out.stderr);
    assert_eq!(files(&dir), ["old.html".to_string()].into());
    let out = scorecards(
        Path::new(&data("benchmark.csv")),
        &norms,
        &dir,
        &["--force"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(files(&dir).len(), 7);
}

#[test]
fn scorecards_require_an_output_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let inst = data("instrument.json");
    let bench = data("benchmark.csv");
    let out = run(&[
        "scorecards",
        bench.as_str(),
        "--instrument",
        inst.as_str(),
        "--norms",
        norms.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--output"), "{}", out.stderr);
    // A file is not a directory.
    let file: PathBuf = tmp.path().join("file.html");
    std::fs::write(&file, "x").unwrap();
    let out = scorecards(Path::new(&bench), &norms, &file, &[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn scorecards_sales_marketing_view_equals_score_by_role() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    // Acme's rows twice: 8 sales and 4 marketing respondents, both shown.
    let src = std::fs::read_to_string(data("benchmark.csv")).unwrap();
    let mut csv = src.clone();
    for line in src.lines().skip(1).filter(|l| l.contains(",Acme,")) {
        csv.push_str(&format!("{}\n", line.replacen(',', "x,", 1)));
    }
    let responses = tmp.path().join("roles.csv");
    std::fs::write(&responses, csv).unwrap();
    let inst = data("instrument.json");
    let score = ok(&[
        "score",
        responses.to_str().unwrap(),
        "--instrument",
        inst.as_str(),
        "--by-role",
        "--format",
        "json",
    ]);
    let score: Value = serde_json::from_str(&score.stdout).unwrap();
    let acme = company(&score, "Acme");
    assert_eq!(acme["by_role"]["marketing"]["suppressed"], false);
    let dir = tmp.path().join("cards");
    let out = scorecards(&responses, &norms, &dir, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = Html::parse_document(&std::fs::read_to_string(dir.join("Acme.html")).unwrap());
    let rows = &tables(&html, "roles")[0];
    let keys = ["clarity", "teamwork", "alignment_index"];
    assert_eq!(rows.len(), keys.len());
    for (row, key) in rows.iter().zip(keys) {
        assert_eq!(row[1], f1(&acme["by_role"]["sales"][key]), "sales {key}");
        assert_eq!(
            row[2],
            f1(&acme["by_role"]["marketing"][key]),
            "marketing {key}"
        );
        if key != "alignment_index" {
            let g = acme["role_gap"][key].as_f64().unwrap();
            assert_eq!(row[3], format!("{g:+.1}"), "gap {key}");
        }
    }
    // Globex's two marketing respondents are hidden: no role view.
    let globex = std::fs::read_to_string(dir.join("Globex.html")).unwrap();
    assert!(!globex.contains("id=\"roles\""));
}

#[test]
fn scorecards_tier_equals_leaders() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let outcomes = tmp.path().join("outcomes.csv");
    std::fs::write(
        &outcomes,
        "org,rev_growth,win_growth,cycle_days\nAcme,12,3,40\nGlobex,2,-1,80\nInitech,7,1,60\nTwin,9,2,50\nUmbrella,4,0,70\nTiny,20,5,20\n",
    )
    .unwrap();
    let (inst, bench) = (data("instrument.json"), data("benchmark.csv"));
    let o = outcomes.to_str().unwrap();
    let leaders = ok(&[
        "leaders",
        bench.as_str(),
        "--instrument",
        inst.as_str(),
        "--outcomes",
        o,
        "--format",
        "json",
    ]);
    let leaders: Value = serde_json::from_str(&leaders.stdout).unwrap();
    let dir = tmp.path().join("cards");
    let out = scorecards(Path::new(&bench), &norms, &dir, &["--outcomes", o]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for (id, file) in index(&dir) {
        let tier = company(&leaders, &id)["tier"].as_str().unwrap().to_string();
        let s = std::fs::read_to_string(dir.join(file)).unwrap();
        assert!(s.contains(&format!("in the {tier} tier")), "{id}: {tier}");
    }
    // Fewer classified companies than K: no tier.
    let dir = tmp.path().join("cards6");
    let out = scorecards(
        Path::new(&bench),
        &norms,
        &dir,
        &["--outcomes", o, "--min-companies", "6"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let s = std::fs::read_to_string(dir.join("Acme.html")).unwrap();
    assert!(s.contains("No tier is shown") && !s.contains(" tier of this survey"));
}

#[cfg(unix)]
#[test]
fn scorecards_never_write_through_a_link() {
    let tmp = tempfile::tempdir().unwrap();
    let (norms, _) = build_norms(tmp.path(), true, &[]);
    let dir = tmp.path().join("cards");
    std::fs::create_dir(&dir).unwrap();
    let outside = tmp.path().join("outside.html");
    std::fs::write(&outside, "keep").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("Umbrella.html")).unwrap();
    let out = scorecards(
        Path::new(&data("benchmark.csv")),
        &norms,
        &dir,
        &["--force"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
    assert_eq!(files(&dir).len(), 1, "nothing written before the refusal");
}
