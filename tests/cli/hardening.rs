//! Outputs, pipes, signals, terminal escapes, encodings and extreme values
//! (README "Reliability"): each test names a command and a behaviour, and
//! checks standard output, standard error and the exit code. Exit codes:
//! 0 ok, 2 usage, 3 invalid data, 1 anything else.

use crate::support;
use support::cli::{align, data, output as run, stderr, stdout};

use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

fn small5() -> String {
    data("small5/instrument.json")
}

fn responses() -> String {
    data("small5/responses.csv")
}

fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Exit `code`, and every fragment on standard error.
fn assert_exit(o: &Output, code: i32, fragments: &[&str]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr:\n{err}");
    for f in fragments {
        assert!(err.contains(f), "stderr lacks {f:?}:\n{err}");
    }
}

fn is_fifo(p: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(p).unwrap().file_type().is_fifo()
}

// ---- Outputs (-o) ----

#[test]
fn score_writes_in_place_to_a_named_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let (r, i) = (responses(), small5());
    let o = run(&[
        "score",
        &r,
        "--instrument",
        &i,
        "-q",
        "-o",
        &path_str(&fifo),
    ]);
    assert_exit(&o, 0, &[]);
    assert!(stdout(&o).is_empty());
    assert!(reader.join().unwrap().contains("Company"));
    assert!(is_fifo(&fifo), "the pipe was replaced by a file");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "a temporary file was left beside the pipe");
}

#[test]
fn score_to_dev_full_fails_with_the_os_error() {
    let (r, i) = (responses(), small5());
    let o = run(&["score", &r, "--instrument", &i, "-q", "-o", "/dev/full"]);
    assert_exit(&o, 1, &["/dev/full", "No space left on device"]);
    assert!(stdout(&o).is_empty());
}

#[test]
fn score_to_dev_null_keeps_it_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let (r, i) = (responses(), small5());
    let o = run(&["score", &r, "--instrument", &i, "-q", "-o", "/dev/null"]);
    assert_exit(&o, 0, &[]);
    assert!(stdout(&o).is_empty());
    let kind = std::fs::metadata("/dev/null").unwrap().file_type();
    assert!(kind.is_char_device());
}

#[test]
fn score_dash_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let (r, i) = (responses(), small5());
    for target in ["-", "/dev/stdout"] {
        let o = align()
            .current_dir(dir.path())
            .args(["score", &r, "--instrument", &i, "-q", "-o", target])
            .output()
            .unwrap();
        assert_exit(&o, 0, &[]);
        assert!(stdout(&o).contains("Company"), "{target}");
    }
    assert!(!dir.path().join("-").exists(), "a file named - was written");
}

#[test]
fn instrument_init_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let o = align()
        .current_dir(dir.path())
        .args(["instrument", "--init", "-"])
        .output()
        .unwrap();
    assert_exit(&o, 0, &[]);
    let v: Value = serde_json::from_slice(&o.stdout).expect("the instrument as JSON");
    assert!(v["items"].is_array());
    assert!(!dir.path().join("-").exists());
}

#[test]
fn score_refuses_to_overwrite_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.csv");
    std::fs::copy(responses(), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    // The same file under another spelling.
    let alias = dir.path().join(".").join("x.csv");
    let i = small5();
    let o = run(&[
        "score",
        &path_str(&input),
        "--instrument",
        &i,
        "-o",
        &path_str(&alias),
    ]);
    assert_exit(&o, 2, &["is the responses of this run"]);
    assert!(stdout(&o).is_empty());
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn leaders_refuses_to_overwrite_its_outcomes() {
    let dir = tempfile::tempdir().unwrap();
    let outcomes = dir.path().join("o.csv");
    std::fs::copy(data("leaders/outcomes.csv"), &outcomes).unwrap();
    let (r, i) = (
        data("leaders/responses.csv"),
        data("leaders/instrument.json"),
    );
    let o = path_str(&outcomes);
    let out = run(&[
        "leaders",
        &r,
        "--instrument",
        &i,
        "--outcomes",
        &o,
        "-o",
        &o,
    ]);
    assert_exit(&out, 2, &["is --outcomes of this run"]);
}

#[test]
fn benchmark_refuses_to_overwrite_its_norms() {
    let dir = tempfile::tempdir().unwrap();
    let norms = dir.path().join("n.json");
    let (r, i) = (data("norms/reference.csv"), data("norms/instrument.json"));
    let n = path_str(&norms);
    let o = run(&["norms", &r, "--instrument", &i, "-q", "-o", &n]);
    assert_exit(&o, 0, &[]);
    let before = std::fs::read(&norms).unwrap();
    let b = data("norms/benchmark.csv");
    let o = run(&["benchmark", &b, "--instrument", &i, "--norms", &n, "-o", &n]);
    assert_exit(&o, 2, &["is --norms of this run"]);
    assert_eq!(std::fs::read(&norms).unwrap(), before);
}

#[test]
fn instrument_init_refuses_to_overwrite_its_instrument() {
    let dir = tempfile::tempdir().unwrap();
    let inst = dir.path().join("i.json");
    std::fs::copy(small5(), &inst).unwrap();
    let p = path_str(&inst);
    let o = run(&["instrument", "--instrument", &p, "--init", &p, "--force"]);
    assert_exit(&o, 2, &["is --instrument of this run"]);
}

#[test]
fn leaders_refuses_two_inputs_from_standard_input() {
    let i = data("leaders/instrument.json");
    let o = align()
        .args(["leaders", "-", "--instrument", &i, "--outcomes", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_exit(&o, 2, &["cannot both be read from standard input"]);
    let o = align()
        .args(["benchmark", "-", "--norms", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_exit(&o, 2, &["cannot both be read from standard input"]);
}

#[test]
fn generate_interrupted_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("big.csv");
    let bin = assert_cmd::cargo::cargo_bin("align");
    let mut child = std::process::Command::new(bin)
        .args(["generate", "--companies", "50000000", "-q", "-o"])
        .arg(&target)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let temp = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| e.file_name().to_string_lossy().starts_with(".align-"))
    };
    // Wait for the temporary file (the run is far from done by then).
    while !temp() {
        assert!(child.try_wait().unwrap().is_none(), "generate ended early");
        std::thread::yield_now();
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(!temp(), "the temporary file was left behind");
    assert!(!target.exists());
}

// ---- Pipes and streams ----

fn bad_responses(dir: &Path) -> PathBuf {
    let p = dir.join("bad.csv");
    let mut text = String::from("resp,firm,dept,q_u1,q_u2,q_u3,q_t1,q_t2,q_t3\n");
    for k in 0..2000 {
        text.push_str(&format!("r{k},acme,Sales,9,4,2,4,2,4\n"));
    }
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn score_with_a_closed_standard_error_keeps_its_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_responses(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("align");
    let mut child = std::process::Command::new(bin)
        .args(["score", &path_str(&bad), "--instrument", &small5()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Nobody reads standard error.
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(3));
}

#[test]
fn validate_exits_3_when_standard_output_closes_early() {
    let dir = tempfile::tempdir().unwrap();
    let bad = bad_responses(dir.path());
    let bin = assert_cmd::cargo::cargo_bin("align");
    let mut child = std::process::Command::new(bin)
        .args(["validate", &path_str(&bad), "--instrument", &small5()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then stop, as `| head -1` does.
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    let n = out.read(&mut first).unwrap();
    assert!(n > 0);
    drop(out);
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(3), "stderr:\n{}", stderr(&o));
}

// ---- Text that reaches a terminal or a spreadsheet ----

#[test]
fn score_escapes_control_characters_in_company_ids() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("esc.csv");
    let mut text = String::from("resp,firm,dept,q_u1,q_u2,q_u3,q_t1,q_t2,q_t3\n");
    for k in 0..4 {
        text.push_str(&format!("r{k},ev\x1b]0;owned\x07il,Sales,4,4,2,4,2,4\n"));
    }
    text.push_str("r9,Evil,Sales,4,4,2,4,2,4\n");
    std::fs::write(&p, text).unwrap();
    for format in ["table", "markdown"] {
        let o = run(&[
            "score",
            &path_str(&p),
            "--instrument",
            &small5(),
            "--format",
            format,
        ]);
        assert_exit(&o, 0, &[]);
        let (out, err) = (stdout(&o), stderr(&o));
        assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out}");
        assert!(
            out.contains("ev\\u{1b}") && out.contains("owned\\u{7}il"),
            "{out}"
        );
        assert!(!err.contains('\x1b'), "{err}");
    }
}

#[test]
fn score_escapes_control_characters_in_header_names_in_errors() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hdr.csv");
    std::fs::write(&p, "resp,fi\x1b[2Jrm,dept\nr1,a,Sales\n").unwrap();
    let o = run(&["score", &path_str(&p), "--instrument", &small5()]);
    assert_exit(&o, 3, &["fi\\u{1b}[2Jrm"]);
    assert!(!stderr(&o).contains('\x1b'));
}

#[test]
fn benchmark_escapes_the_norms_built_by() {
    let dir = tempfile::tempdir().unwrap();
    let norms = dir.path().join("n.json");
    let (r, i) = (data("norms/reference.csv"), data("norms/instrument.json"));
    let n = path_str(&norms);
    assert_exit(
        &run(&["norms", &r, "--instrument", &i, "-q", "-o", &n]),
        0,
        &[],
    );
    let text = std::fs::read_to_string(&norms).unwrap();
    let mut v: align::analysis::norms::Norms = serde_json::from_str(&text).unwrap();
    v.built_by = "align\x1b]2;hi\x07".into();
    v.checksum = v.content_checksum();
    std::fs::write(&norms, serde_json::to_vec(&v).unwrap()).unwrap();
    let b = data("norms/benchmark.csv");
    let o = run(&["benchmark", &b, "--instrument", &i, "--norms", &n, "-q"]);
    assert_exit(&o, 0, &[]);
    let out = stdout(&o);
    assert!(!out.contains('\x1b'), "{out}");
    assert!(out.contains("align\\u{1b}]2;hi\\u{7}"), "{out}");
}

#[test]
fn score_csv_neutralises_formula_dimension_ids() {
    let dir = tempfile::tempdir().unwrap();
    let mut inst: Value = serde_json::from_slice(&std::fs::read(small5()).unwrap()).unwrap();
    inst["dimensions"][0]["id"] = Value::String("=HYPERLINK(\"x\")".into());
    for item in inst["items"].as_array_mut().unwrap() {
        if item["dimension"] == "understanding" {
            item["dimension"] = Value::String("=HYPERLINK(\"x\")".into());
        }
    }
    let ip = dir.path().join("i.json");
    std::fs::write(&ip, serde_json::to_vec(&inst).unwrap()).unwrap();
    let o = run(&[
        "score",
        &responses(),
        "--instrument",
        &path_str(&ip),
        "--format",
        "csv",
        "-q",
    ]);
    assert_exit(&o, 0, &[]);
    let header = stdout(&o).lines().next().unwrap().to_string();
    assert!(header.contains("'=HYPERLINK"), "{header}");
}

// ---- Shapes and encodings ----

#[test]
fn score_counts_lines_in_cr_only_files() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mac.csv");
    let text = "resp,firm,dept,q_u1,q_u2,q_u3,q_t1,q_t2,q_t3\r\
r1,acme,Sales,4,4,2,4,2,4\r\
r2,acme,Sales,4,9,2,4,2,4\r";
    std::fs::write(&p, text).unwrap();
    let o = run(&["score", &path_str(&p), "--instrument", &small5()]);
    assert_exit(&o, 3, &["line 3, column \"q_u2\": \"9\""]);
}

/// `score --format json` of `bytes`: (exit code, JSON or Null, stderr).
fn score_bytes(bytes: &[u8]) -> (Option<i32>, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("enc.csv");
    std::fs::write(&p, bytes).unwrap();
    let o = run(&[
        "score",
        &path_str(&p),
        "--instrument",
        &small5(),
        "--format",
        "json",
        "-q",
    ]);
    let v = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (o.status.code(), v, stderr(&o))
}

#[test]
fn score_reads_utf16_exports_with_a_bom() {
    let text = std::fs::read_to_string(responses()).unwrap();
    let (_, want, _) = score_bytes(text.as_bytes());
    let tabbed = text.replace(',', "\t").replace('\n', "\r\n");
    for (bom, be) in [([0xFF, 0xFE], false), ([0xFE, 0xFF], true)] {
        let mut bytes = bom.to_vec();
        for u in tabbed.encode_utf16() {
            bytes.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let (code, got, err) = score_bytes(&bytes);
        assert_eq!(code, Some(0), "{err}");
        let name = if be { "UTF-16BE" } else { "UTF-16LE" };
        assert_eq!(got["input"]["encoding"], name);
        assert_eq!(got["companies"], want["companies"]);
    }
    assert_eq!(want["input"]["encoding"], "UTF-8");
}

#[test]
fn score_reads_windows_1252_and_names_it() {
    let text = std::fs::read_to_string(responses())
        .unwrap()
        .replace("acme", "caf\u{e9}");
    let bytes: Vec<u8> = text
        .chars()
        .map(|c| if c == '\u{e9}' { 0xE9 } else { c as u8 })
        .collect();
    let (code, got, err) = score_bytes(&bytes);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(got["input"]["encoding"], "Windows-1252");
    let ids: Vec<&str> = got["companies"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["company_id"].as_str())
        .collect();
    assert!(ids.contains(&"café"), "{ids:?}");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("w.csv");
    std::fs::write(&p, &bytes).unwrap();
    let o = run(&["score", &path_str(&p), "--instrument", &small5()]);
    assert!(stdout(&o).contains("Windows-1252"));
}

#[test]
fn score_rejects_undecodable_utf16_naming_the_encoding() {
    let mut bytes = vec![0xFF, 0xFE];
    for u in "resp,firm\n".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    bytes.extend([0x00, 0xD8, b'x', 0x00]); // a lone surrogate
    let (code, _, err) = score_bytes(&bytes);
    assert_eq!(code, Some(3), "{err}");
    assert!(
        err.contains("not valid UTF-16LE") && err.contains("line 2"),
        "{err}"
    );
    assert!(!err.contains('\0'));
}

#[test]
fn score_refuses_item_columns_that_match_one_header_only_by_case() {
    let dir = tempfile::tempdir().unwrap();
    let mut inst: Value = serde_json::from_slice(&std::fs::read(small5()).unwrap()).unwrap();
    inst["items"][1]["column"] = Value::String("Q_U1".into());
    let ip = dir.path().join("i.json");
    std::fs::write(&ip, serde_json::to_vec(&inst).unwrap()).unwrap();
    let o = run(&["score", &responses(), "--instrument", &path_str(&ip)]);
    assert_exit(&o, 3, &["\"q_u1\" and \"Q_U1\"", "when case is ignored"]);
    assert!(stdout(&o).is_empty());
}

// ---- Numbers ----

#[test]
fn leaders_classifies_outcomes_at_the_ends_of_the_f64_range() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(data("leaders/outcomes.csv")).unwrap();
    let mut text = String::from("org,sales_cycle_days,bookings_growth,win_rate\n");
    for (k, line) in src.lines().skip(1).enumerate() {
        let org = line.split(',').next().unwrap();
        let k = k as f64 + 1.0;
        text.push_str(&format!(
            "{org},{},{},{}\n",
            k * 1e-300,
            k * 1e200,
            (20.0 - k) * 1e-300
        ));
    }
    let p = dir.path().join("o.csv");
    std::fs::write(&p, text).unwrap();
    let (r, i) = (
        data("leaders/responses.csv"),
        data("leaders/instrument.json"),
    );
    for composite in ["z", "rank"] {
        let o = run(&[
            "leaders",
            &r,
            "--instrument",
            &i,
            "--outcomes",
            &path_str(&p),
            "--composite",
            composite,
            "--format",
            "json",
        ]);
        assert_exit(&o, 0, &[]);
        assert!(
            !stderr(&o).contains("report the same value"),
            "{}",
            stderr(&o)
        );
        let v: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert!(v["companies"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["tier"] == "leader"));
    }
}
