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
pub fn output(args: &[&str]) -> Output {
    align().args(args).output().expect("align runs")
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
