//! `align norms` / `align benchmark`: norms files that must be refused
//! (another instrument, empty, tampered, another format, inconsistent),
//! few-company norms, the anonymity threshold in both commands, standard
//! input and output, and atomic `-o` writes. Fixtures: tests/data/norms/.

use crate::norms_expected as expected;
use crate::norms_support as support;

use serde_json::Value;
use std::path::Path;
use support::*;

fn refused(norms: &Path, instrument: Option<&str>) -> Out {
    let bench = data("benchmark.csv");
    let inst = instrument.map(data);
    let mut args = vec![
        "benchmark",
        bench.as_str(),
        "--norms",
        norms.to_str().unwrap(),
    ];
    if let Some(i) = &inst {
        args.extend(["--instrument", i.as_str()]);
    }
    let out = run(&args);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    out
}

#[test]
fn norms_from_another_instrument_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let out = refused(&path, None);
    assert!(
        out.stderr.contains("these norms were built with instrument \"Seven-point alignment pulse\" version 2.1-test")
            && out.stderr.contains("\"Sales-Marketing Alignment Survey\" version 1.0")
            && out.stderr.contains("--instrument FILE"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(path.to_str().unwrap()),
        "names the norms file: {}",
        out.stderr
    );
    // Same name and version, one reverse flag changed: still refused.
    let text = std::fs::read_to_string(data("instrument.json")).unwrap();
    let edited = text.replacen(r#""reverse": true"#, r#""reverse": false"#, 1);
    assert_ne!(text, edited);
    let inst = dir.path().join("edited.json");
    std::fs::write(&inst, edited).unwrap();
    let out = run(&[
        "benchmark",
        &data("benchmark.csv"),
        "--norms",
        path.to_str().unwrap(),
        "--instrument",
        inst.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 3);
    assert!(
        out.stderr
            .contains("same name and version but a different scale, dimensions or items"),
        "{}",
        out.stderr
    );
    // A renamed copy with the same scale, dimensions and items is accepted, with a warning.
    let renamed = text.replace("Seven-point alignment pulse", "Pulse (Deutsch)");
    let inst = dir.path().join("renamed.json");
    std::fs::write(&inst, renamed).unwrap();
    let out = ok(&[
        "benchmark",
        &data("benchmark.csv"),
        "--norms",
        path.to_str().unwrap(),
        "--instrument",
        inst.to_str().unwrap(),
    ]);
    assert!(
        out.stderr
            .contains("which has the same scale, dimensions and items"),
        "{}",
        out.stderr
    );
}

#[test]
fn norms_empty_tampered_and_foreign_norms_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let good = std::fs::read_to_string(&path).unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let inst = Some("instrument.json");

    let out = refused(&write("empty.json", ""), inst);
    assert!(
        out.stderr.contains("empty.json: the norms file is empty"),
        "{}",
        out.stderr
    );

    // A score edited by hand: the first clarity score, kept in order.
    let at = good.find("\"scores\": [").unwrap();
    let start = at + good[at..].find('\n').unwrap() + 1;
    let end = start + good[start..].find(',').unwrap();
    let first: f64 = good[start..end].trim().parse().unwrap();
    let edited = format!("{}        {}{}", &good[..start], first + 0.5, &good[end..]);
    let out = refused(&write("tampered.json", &edited), inst);
    assert!(
        out.stderr
            .contains("tampered.json: the checksum does not match the content"),
        "{}",
        out.stderr
    );

    // A report of another command is not a norms file.
    let score = ok(&[
        "score",
        &data("reference.csv"),
        "--instrument",
        &data("instrument.json"),
        "--format",
        "json",
        "-q",
    ])
    .stdout;
    let out = refused(&write("score.json", &score), inst);
    assert!(
        out.stderr.contains("is not a norms file") && out.stderr.contains("`align score`"),
        "{}",
        out.stderr
    );

    let out = refused(&write("survey.json", "rid,org\n1,2\n"), inst);
    assert!(out.stderr.contains("not valid JSON"), "{}", out.stderr);

    let out = refused(
        &write(
            "future.json",
            &good.replacen("\"norms_version\": 1", "\"norms_version\": 2", 1),
        ),
        inst,
    );
    assert!(out.stderr.contains("norms_version 2"), "{}", out.stderr);

    let out = refused(
        &write(
            "other.json",
            &good.replacen("\"align-norms\"", "\"other-norms\"", 1),
        ),
        inst,
    );
    assert!(
        out.stderr.contains("its format is \"other-norms\""),
        "{}",
        out.stderr
    );

    // Inconsistent content under a recomputed (valid) checksum: unsorted scores.
    let mut norms: align::analysis::norms::Norms = serde_json::from_str(&good).unwrap();
    norms.dimensions.0[0].1.scores.swap(0, 1);
    norms.checksum = norms.content_checksum();
    let out = refused(
        &write("unsorted.json", &serde_json::to_string(&norms).unwrap()),
        inst,
    );
    assert!(
        out.stderr
            .contains("is inconsistent: dimensions.clarity: the scores are not in ascending order"),
        "{}",
        out.stderr
    );

    // n that disagrees with the list.
    let mut norms: align::analysis::norms::Norms = serde_json::from_str(&good).unwrap();
    norms.alignment_index.n += 1;
    norms.checksum = norms.content_checksum();
    let out = refused(
        &write("count.json", &serde_json::to_string(&norms).unwrap()),
        inst,
    );
    assert!(
        out.stderr
            .contains("alignment_index: n is 13 but 12 scores are listed"),
        "{}",
        out.stderr
    );

    // An unknown key is an error too.
    let out = refused(
        &write("extra.json", &good.replacen("{", "{\"note\": 1,", 1)),
        inst,
    );
    assert!(
        out.stderr.contains("unknown field `note`"),
        "{}",
        out.stderr
    );

    // A file reformatted without changing a value still loads.
    let compact = serde_json::to_string(&serde_json::from_str::<Value>(&good).unwrap()).unwrap();
    let p = write("compact.json", &compact);
    benchmark_json(&p, &[]);
}

#[test]
fn norms_from_few_companies_work_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("few.json");
    // The benchmark file has 5 companies with at least 3 respondents.
    let out = ok(&[
        "norms",
        &data("benchmark.csv"),
        "--instrument",
        &data("instrument.json"),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.stderr.contains("the norms hold only 5 companies"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("at least 10 companies are recommended"),
        "{}",
        out.stderr
    );
    let out = ok(&[
        "benchmark",
        &data("reference.csv"),
        "--instrument",
        &data("instrument.json"),
        "--norms",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.stderr.contains("the norms hold only 5 companies"),
        "{}",
        out.stderr
    );
    // A threshold no company reaches: nothing to build from.
    let out = run(&[
        "norms",
        &data("benchmark.csv"),
        "--instrument",
        &data("instrument.json"),
        "--anonymity",
        "50",
    ]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("no company has at least 50 respondents"),
        "{}",
        out.stderr
    );
}

#[test]
fn norms_anonymity_in_norms_leaves_small_companies_out() {
    let dir = tempfile::tempdir().unwrap();
    let (path, out) = build_norms(dir.path(), true, &["--anonymity", "5"]);
    assert!(
        out.stderr
            .contains("8 companies with fewer than 5 respondents are left out"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("the norms hold only 6 companies"),
        "{}",
        out.stderr
    );
    let n: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(n["companies"], 6);
    assert_eq!(n["left_out"], 8);
    assert_eq!(n["anonymity"], 5);
    assert_eq!(n["dimensions"]["clarity"]["n"], 6);
    // Tiers among the 6 companies in the norms only: round(1.2) = 1 leader,
    // round(1.8) = 2 laggards.
    assert_eq!(n["tiers"]["leader"]["n"], 1);
    assert_eq!(n["tiers"]["laggard"]["n"], 2);
    assert_eq!(n["tiers"]["average"]["n"], 3);
    // Exactly the companies with 5 or more respondents, as `align score` scores them.
    let score = ok(&[
        "score",
        &data("reference.csv"),
        "--instrument",
        &data("instrument.json"),
        "--format",
        "json",
        "-q",
    ]);
    let v: Value = serde_json::from_str(&score.stdout).unwrap();
    let mut want: Vec<f64> = v["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["n"].as_u64().unwrap() >= 5)
        .map(|c| c["scores"]["clarity"].as_f64().unwrap())
        .collect();
    want.sort_by(f64::total_cmp);
    let got = n["dimensions"]["clarity"]["scores"].as_array().unwrap();
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        close(g, *w, "clarity score at anonymity 5");
    }
}

#[test]
fn norms_anonymity_in_benchmark_hides_small_companies_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let (v, _) = benchmark_json(&path, &["--anonymity", "1"]);
    assert_eq!(company(&v, "Tiny")["suppressed"], false);
    assert!(company(&v, "Tiny")["dimensions"]["clarity"]["score"].is_number());
    let (v, out) = benchmark_json(&path, &["--anonymity", "6"]);
    for id in ["Initech", "Twin", "Tiny"] {
        assert_eq!(company(&v, id)["suppressed"], true, "{id}");
        assert!(company(&v, id)["dimensions"].is_null(), "{id}");
    }
    assert_eq!(company(&v, "Acme")["suppressed"], false);
    assert_eq!(v["hidden"]["companies"], 3);
    assert!(
        out.stderr
            .contains("3 companies have fewer than 6 respondents and are hidden"),
        "{}",
        out.stderr
    );
    // The whole sentence, with the hidden companies named (computed by
    // tests/reference/norms_reference.py).
    let (_, warning) = expected::BENCHMARK_HIDDEN
        .iter()
        .find(|(t, _)| *t == 6)
        .unwrap();
    assert!(out.stderr.contains(warning), "{}", out.stderr);
    let common = [
        "benchmark",
        "tests/data/norms/benchmark.csv",
        "--instrument",
        "tests/data/norms/instrument.json",
        "--anonymity",
        "6",
        "--norms",
    ];
    for format in ["table", "markdown", "csv"] {
        let mut args = common.to_vec();
        args.extend([path.to_str().unwrap(), "--format", format]);
        let out = ok(&args).stdout;
        match format {
            "csv" => {
                let line = out.lines().find(|l| l.starts_with("Twin,")).unwrap();
                assert_eq!(line, "Twin,5,true,,,,,,,,,,", "{out}");
                assert_eq!(out.lines().filter(|l| l.starts_with("Twin,")).count(), 1);
            }
            _ => {
                assert!(out.contains("Hidden: fewer than 6 respondents"), "{out}");
                assert!(!out.contains("Twin is at the"), "{out}");
            }
        }
    }
}

#[test]
fn norms_output_files_are_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = build_norms(dir.path(), true, &[]);
    let report = dir.path().join("report.md");
    std::fs::write(&report, "previous report\n").unwrap();
    // A refused benchmark leaves the previous file as it was.
    let out = run(&[
        "benchmark",
        &data("benchmark.csv"),
        "--norms",
        path.to_str().unwrap(),
        "-o",
        report.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 3);
    assert_eq!(
        std::fs::read_to_string(&report).unwrap(),
        "previous report\n"
    );
    // A failed norms run leaves the previous norms as they were.
    let before = std::fs::read_to_string(&path).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "rid,org,team,q1,q2,q3,q4,q5,q6,q7,q8\nr1,A,sales,9,1,1,1,1,1,1,1\n",
    )
    .unwrap();
    let out = run(&[
        "norms",
        bad.to_str().unwrap(),
        "--instrument",
        &data("instrument.json"),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // A successful run replaces the file and leaves no temporary file behind.
    ok(&[
        "benchmark",
        &data("benchmark.csv"),
        "--instrument",
        &data("instrument.json"),
        "--norms",
        path.to_str().unwrap(),
        "--format",
        "markdown",
        "-o",
        report.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&report)
        .unwrap()
        .starts_with("# Benchmark against norms"));
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn norms_go_to_standard_output_without_o() {
    let out = ok(&[
        "norms",
        &data("reference.csv"),
        "--instrument",
        &data("instrument.json"),
        "--outcomes",
        &data("reference_outcomes.csv"),
        "-q",
    ]);
    assert!(out.stderr.is_empty(), "{}", out.stderr);
    let n: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(n["companies"], 12);
    // And read back from standard input.
    let o = align()
        .args([
            "benchmark",
            &data("benchmark.csv"),
            "--instrument",
            &data("instrument.json"),
            "--norms",
            "-",
            "--format",
            "json",
            "-q",
        ])
        .write_stdin(out.stdout)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let both = run(&["benchmark", "-", "--norms", "-"]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}

#[test]
fn norms_with_outcomes_need_an_instrument_with_outcomes() {
    let out = run(&[
        "norms",
        "tests/data/small5/responses.csv",
        "--instrument",
        "tests/data/small5/instrument.json",
        "--outcomes",
        &data("reference_outcomes.csv"),
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("defines no outcomes"), "{}", out.stderr);
}
