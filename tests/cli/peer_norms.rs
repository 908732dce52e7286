//! Peer norms (`align norms --segment ATTR`, `align benchmark --peer ATTR`):
//! a segment's norms are the field norms built from that segment's
//! companies alone, a company is placed against its segment and the field
//! side by side, a segment without norms falls back to the field with a
//! warning, and norms files without segments load as before.
//!
//! The fixture `tests/data/segments/` at `--anonymity 3` and
//! `--min-companies 5`: segments A (6 shown companies), C (5) and E (7) get
//! peer norms; D (2) and `(none)` (1) are too small, and B (5) is left out
//! with them so that neither follows from the field.

use crate::support;
use support::cli::{data, output, run_json, run_ok, stderr};

use serde_json::Value;
use std::path::Path;

fn inst() -> String {
    data("segments/instrument.json")
}

/// Build norms from `responses` into `out`, with extra arguments.
fn norms(responses: &str, out: &Path, extra: &[&str]) -> Value {
    let out_s = out.to_string_lossy().into_owned();
    let inst = inst();
    let mut a = vec!["norms", responses, "--instrument", &inst, "-o", &out_s];
    a.extend_from_slice(extra);
    run_ok(&a);
    serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap()
}

fn peer_norms(dir: &Path) -> (Value, String) {
    let file = dir.join("peers.json");
    let companies = data("segments/companies.csv");
    let v = norms(
        &data("segments/responses.csv"),
        &file,
        &["--companies", &companies, "--segment", "industry"],
    );
    (v, file.to_string_lossy().into_owned())
}

/// The responses of the companies of one segment only.
fn segment_responses(dir: &Path, value: &str) -> String {
    let companies = std::fs::read_to_string(data("segments/companies.csv")).unwrap();
    let ids: Vec<String> = companies
        .lines()
        .skip(1)
        .filter(|l| l.split(',').nth(1) == Some(value))
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let resp = std::fs::read_to_string(data("segments/responses.csv")).unwrap();
    let mut lines = resp.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for l in lines.filter(|l| ids.iter().any(|id| l.split(',').nth(1) == Some(id))) {
        out += l;
        out += "\n";
    }
    let path = dir.join(format!("only-{value}.csv"));
    std::fs::write(&path, out).unwrap();
    path.to_string_lossy().into_owned()
}

fn groups(n: &Value) -> Vec<(String, u64)> {
    n["segments"]["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["value"].as_str().unwrap().to_string(),
                g["companies"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn norms_store_the_segments_with_enough_companies() {
    let dir = tempfile::tempdir().unwrap();
    let (n, _) = peer_norms(dir.path());
    assert_eq!(n["segments"]["attribute"], "Industry");
    assert_eq!(n["segments"]["min_companies"], 5);
    let want: Vec<(String, u64)> = vec![("A".into(), 6), ("C".into(), 5), ("E".into(), 7)];
    assert_eq!(groups(&n), want);
}

#[test]
fn segment_norms_equal_norms_built_from_the_segment_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (n, _) = peer_norms(dir.path());
    for g in n["segments"]["groups"].as_array().unwrap() {
        let value = g["value"].as_str().unwrap();
        let alone = norms(
            &segment_responses(dir.path(), value),
            &dir.path().join(format!("alone-{value}.json")),
            &[],
        );
        for key in ["dimensions", "alignment_index", "items"] {
            assert_eq!(g[key], alone[key], "segment {value}: {key}");
        }
        assert_eq!(g["companies"], alone["companies"], "segment {value}");
        assert_eq!(g["respondents"], alone["respondents"], "segment {value}");
        assert_eq!(g["tiers"], Value::Null);
    }
}

#[test]
fn field_norms_do_not_change_with_a_segment() {
    let dir = tempfile::tempdir().unwrap();
    let (mut with, _) = peer_norms(dir.path());
    let mut without = norms(
        &data("segments/responses.csv"),
        &dir.path().join("field.json"),
        &[],
    );
    assert!(
        without.get("segments").is_none(),
        "no segments key without --segment"
    );
    for v in [&mut with, &mut without] {
        let o = v.as_object_mut().unwrap();
        o.remove("segments");
        o.remove("checksum");
    }
    assert_eq!(with, without);
}

fn benchmark(norms_file: &str, extra: &[&str]) -> (Value, String) {
    let resp = data("segments/responses.csv");
    let inst = inst();
    let mut a = vec![
        "benchmark",
        resp.as_str(),
        "--instrument",
        &inst,
        "--norms",
        norms_file,
        "--format",
        "json",
    ];
    a.extend_from_slice(extra);
    run_json(&a)
}

fn company<'a>(b: &'a Value, id: &str) -> &'a Value {
    b["companies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["company_id"] == id)
        .unwrap()
}

#[test]
fn benchmark_places_each_company_against_its_segment_and_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_, peers) = peer_norms(dir.path());
    let companies = data("segments/companies.csv");
    let (b, _) = benchmark(&peers, &["--peer", "industry", "--companies", &companies]);
    // Against the field: the same as without --peer.
    let (plain, _) = benchmark(&peers, &[]);
    for value in ["A", "C", "E"] {
        // The segment's norms alone, as field norms: the peer figures.
        let alone = dir.path().join(format!("alone-{value}.json"));
        norms(&segment_responses(dir.path(), value), &alone, &[]);
        let (by_segment, _) = benchmark(&alone.to_string_lossy(), &[]);
        let first = match value {
            "A" => "K01",
            "C" => "K12",
            _ => "K17",
        };
        let c = company(&b, first);
        assert_eq!(c["peer"]["segment"], value);
        assert_eq!(
            c["peer"]["dimensions"],
            company(&by_segment, first)["dimensions"],
            "{first} against segment {value}"
        );
        assert_eq!(c["dimensions"], company(&plain, first)["dimensions"]);
        let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&c["peer"]["dimensions"]), keys(&c["dimensions"]));
    }
    // Without --peer the key is there and null.
    assert_eq!(company(&plain, "K01")["peer"], Value::Null);
}

#[test]
fn benchmark_without_segment_norms_uses_the_field_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let (_, peers) = peer_norms(dir.path());
    let companies = data("segments/companies.csv");
    let (b, err) = benchmark(&peers, &["--peer", "industry", "--companies", &companies]);
    for (id, segment) in [("K07", "B"), ("K24", "D"), ("K26", "(none)")] {
        let c = company(&b, id);
        assert_eq!(c["peer"], Value::Null, "{id}");
        assert!(
            c["dimensions"].is_object(),
            "{id} is benchmarked against the field"
        );
        assert!(
            err.contains(&format!(
                "segment \"{segment}\" of \"Industry\" has no peer norms"
            )) && err.contains(id),
            "{id}: {err}"
        );
    }
    let warned = b["warnings"].as_array().unwrap();
    assert!(warned.iter().any(|w| w
        .as_str()
        .unwrap()
        .contains("K07, K08, K09, K10, K11 are benchmarked against the field only")));
    // The hidden company has no peer figures either.
    assert_eq!(company(&b, "K99")["peer"], Value::Null);
}

#[test]
fn old_norms_files_without_segments_load() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.json");
    norms(&data("segments/responses.csv"), &old, &[]);
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(!text.contains("\"segments\""));
    let (b, _) = benchmark(&old.to_string_lossy(), &[]);
    assert!(company(&b, "K01")["dimensions"].is_object());
    // --peer needs peer norms: a usage error naming the fix.
    let companies = data("segments/companies.csv");
    let resp = data("segments/responses.csv");
    let inst = inst();
    let old_s = old.to_string_lossy();
    let o = output(&[
        "benchmark",
        &resp,
        "--instrument",
        &inst,
        "--norms",
        &old_s,
        "--peer",
        "industry",
        "--companies",
        &companies,
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("has no peer norms"), "{}", stderr(&o));
}

#[test]
fn a_stored_norms_file_without_segments_loads() {
    // Written before peer norms existed in the file format (no `segments`).
    let old = data("segments/norms-without-segments.json");
    let text = std::fs::read_to_string(&old).unwrap();
    assert!(!text.contains("\"segments\""));
    let (b, _) = benchmark(&old, &[]);
    assert_eq!(b["norms"]["companies"], 26);
    assert!(company(&b, "K01")["dimensions"].is_object());
    assert_eq!(company(&b, "K01")["peer"], Value::Null);
}

#[test]
fn edited_segment_norms_fail_the_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let (_, peers) = peer_norms(dir.path());
    let text = std::fs::read_to_string(&peers).unwrap();
    let edited = text.replacen("\"companies\": 6", "\"companies\": 7", 1);
    assert_ne!(text, edited);
    std::fs::write(&peers, edited).unwrap();
    let resp = data("segments/responses.csv");
    let inst = inst();
    let o = output(&["benchmark", &resp, "--instrument", &inst, "--norms", &peers]);
    assert_eq!(o.status.code(), Some(3));
    assert!(stderr(&o).contains("checksum"), "{}", stderr(&o));
}

#[test]
fn benchmark_table_shows_peer_columns_beside_the_field() {
    let dir = tempfile::tempdir().unwrap();
    let (_, peers) = peer_norms(dir.path());
    let companies = data("segments/companies.csv");
    let resp = data("segments/responses.csv");
    let inst = inst();
    let args = [
        "benchmark",
        resp.as_str(),
        "--instrument",
        &inst,
        "--norms",
        &peers,
        "--peer",
        "industry",
        "--companies",
        &companies,
        "--format",
    ];
    let mut md = args.to_vec();
    md.push("markdown");
    let (text, _) = run_ok(&md);
    assert!(
        text.contains("Among its peers (segment A), it is at the"),
        "{text}"
    );
    assert!(
        text.contains("Peer percentile") && text.contains("Peer median"),
        "{text}"
    );
    let mut csv = args.to_vec();
    csv.push("csv");
    let (text, _) = run_ok(&csv);
    assert!(text.contains("peer_percentile"), "{text}");
}

/// Re-seal an edited norms file, as a careless tool would.
fn reseal(v: &mut Value) -> String {
    let mut n: align::analysis::norms::Norms = serde_json::from_value(v.clone()).unwrap();
    n.checksum = n.content_checksum();
    serde_json::to_string_pretty(&n).unwrap()
}

#[test]
fn resealed_segments_are_still_checked_for_consistency() {
    let dir = tempfile::tempdir().unwrap();
    let (n, _) = peer_norms(dir.path());
    // A segment under min_companies.
    let mut small = n.clone();
    small["segments"]["min_companies"] = 7.into();
    let text = reseal(&mut small);
    let err = align::analysis::norms::file::from_json(&text, "n.json").unwrap_err();
    assert!(
        err.to_string().contains("fewer than min_companies 7"),
        "{err}"
    );
    // A segment whose median does not match its scores.
    let mut median = n.clone();
    median["segments"]["groups"][0]["alignment_index"]["median"] = 1.0.into();
    let text = reseal(&mut median);
    let err = align::analysis::norms::file::from_json(&text, "n.json").unwrap_err();
    assert!(
        err.to_string().contains("segments.A.alignment_index"),
        "{err}"
    );
    // The file as written loads.
    let mut same = n.clone();
    assert!(align::analysis::norms::file::from_json(&reseal(&mut same), "n.json").is_ok());
}

#[test]
fn peer_by_another_attribute_or_without_companies_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_, peers) = peer_norms(dir.path());
    let companies = data("segments/companies.csv");
    let resp = data("segments/responses.csv");
    let inst = inst();
    let base = [
        "benchmark",
        resp.as_str(),
        "--instrument",
        &inst,
        "--norms",
        &peers,
        "--peer",
    ];
    let mut region = base.to_vec();
    region.extend_from_slice(&["region", "--companies", &companies]);
    let o = output(&region);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("holds peer norms by \"Industry\", not \"region\""),
        "{}",
        stderr(&o)
    );
    let mut bare = base.to_vec();
    bare.push("industry");
    let o = output(&bare);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--companies FILE"), "{}", stderr(&o));
}
