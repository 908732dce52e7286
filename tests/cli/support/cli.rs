//! Running the `align` binary from integration tests: the test data
//! folder, one command builder, and runs that must succeed (stdout and
//! stderr as text, or stdout parsed back as strict JSON).

use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

/// A file under `tests/data`, as a path argument.
pub fn data(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(rel)
        .to_string_lossy()
        .into_owned()
}

/// The `align` binary, with `NO_COLOR` unset so that the environment of
/// whoever runs the tests cannot change an output.
pub fn align() -> Command {
    let mut c = Command::cargo_bin("align").expect("the align binary is built");
    c.env_remove("NO_COLOR");
    c
}

/// Run `align` with `args`, whatever its exit.
///
/// A command that reads a responses file is run a second time reading it
/// in small parts on two threads (`--read-in-parts`), the way files of
/// 8 MiB or more are read, and must print the very same: so every test of
/// the output also tests the parallel read path.
pub fn output(args: &[&str]) -> Output {
    let out = align().args(args).output().expect("align runs");
    if let Some(parts) = in_parts(args) {
        let again = align().args(&parts).output().expect("align runs");
        assert_eq!(
            (out.status.code(), stdout(&out), stderr(&out)),
            (again.status.code(), stdout(&again), stderr(&again)),
            "align {args:?} read in parts prints something else"
        );
    }
    out
}

/// `args` with the responses read in parts, when they name a responses
/// file of an analysing command (not standard input, no output file, no
/// thread count of their own).
fn in_parts<'a>(args: &[&'a str]) -> Option<Vec<&'a str>> {
    const READS: [&str; 8] = [
        "score",
        "leaders",
        "gaps",
        "report",
        "norms",
        "benchmark",
        "compare",
        "drivers",
    ];
    let (command, file) = (*args.first()?, *args.get(1)?);
    let own = |a: &&str| ["-o", "--output", "--threads", "--read-in-parts"].contains(a);
    if !READS.contains(&command) || file == "-" || file.starts_with('-') || args.iter().any(own) {
        return None;
    }
    if !std::path::Path::new(file).is_file() {
        return None;
    }
    let mut v = args.to_vec();
    v.extend(["--threads", "2", "--read-in-parts", "193"]);
    Some(v)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Run `align` with `args` and require success and UTF-8 output:
/// (stdout, stderr).
pub fn run_ok(args: &[&str]) -> (String, String) {
    let out = output(args);
    assert!(
        out.status.success(),
        "align {:?} exited with {:?}\nstderr:\n{}",
        args,
        out.status.code(),
        stderr(&out)
    );
    let text = |b: Vec<u8>| String::from_utf8(b).expect("align writes UTF-8");
    (text(out.stdout), text(out.stderr))
}

/// Run `align` with `args`, require success and strict JSON (no NaN or
/// Infinity) on stdout: (the JSON, stderr).
pub fn run_json(args: &[&str]) -> (Value, String) {
    let (text, err) = run_ok(args);
    assert!(
        !text.contains("NaN") && !text.contains("Infinity"),
        "align {args:?}: a non-finite number in the JSON"
    );
    let v = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("align {args:?}: stdout is not JSON ({e}):\n{text}"));
    (v, err)
}
