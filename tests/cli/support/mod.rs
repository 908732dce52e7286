//! Helpers shared by integration tests: comparing two JSON reports
//! structurally, numbers within a tolerance, arrays matched by id.
#![allow(dead_code)]

pub mod cli;
pub mod reference;

use approx::abs_diff_eq;
use serde_json::Value;

/// Key that identifies an element of an output array, when it has one.
pub fn element_key(v: &Value) -> Option<String> {
    for k in ["company_id", "item", "id", "line"] {
        if let Some(x) = v.get(k) {
            return Some(format!("{k}={x}"));
        }
    }
    None
}

/// Structural comparison with numbers equal within 1e-9 (no dependence on
/// float summation order) and arrays of companies/items matched by id.
pub fn json_diffs(a: &Value, b: &Value, path: &str, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            if !abs_diff_eq!(x, y, epsilon = 1e-9) {
                out.push(format!("{path}: {x} vs {y}"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            for (k, p) in x {
                match y.get(k) {
                    Some(q) => json_diffs(p, q, &format!("{path}/{k}"), out),
                    None => out.push(format!("{path}/{k}: only in the first")),
                }
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(format!("{path}/{k}: only in the second"));
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            if x.len() != y.len() {
                out.push(format!("{path}: {} vs {} elements", x.len(), y.len()));
                return;
            }
            let keyed = x.iter().chain(y.iter()).all(|e| element_key(e).is_some());
            for (i, p) in x.iter().enumerate() {
                let q = if keyed {
                    let key = element_key(p);
                    match y.iter().find(|e| element_key(e) == key) {
                        Some(q) => q,
                        None => {
                            out.push(format!("{path}: {} only in the first", key.unwrap()));
                            continue;
                        }
                    }
                } else {
                    &y[i]
                };
                json_diffs(p, q, &format!("{path}/{i}"), out);
            }
        }
        _ => {
            if a != b {
                out.push(format!("{path}: {a} vs {b}"));
            }
        }
    }
}

pub fn assert_json_close(a: &Value, b: &Value, what: &str) {
    let mut out = Vec::new();
    json_diffs(a, b, "", &mut out);
    out.sort();
    out.dedup();
    assert!(
        out.is_empty(),
        "{what}: outputs differ:\n  {}",
        out.join("\n  ")
    );
}

/// The row accounting of a report's `input`: every row read is scored or
/// excluded, and each excluded row has its entry.
pub fn assert_accounting(v: &Value) {
    let read = v["input"]["rows_read"].as_u64().unwrap();
    let scored = v["input"]["rows_scored"].as_u64().unwrap();
    let excluded = v["input"]["rows_excluded"].as_u64().unwrap();
    assert_eq!(
        read,
        scored + excluded,
        "rows_read = rows_scored + rows_excluded"
    );
    assert_eq!(
        excluded as usize,
        v["input"]["exclusions"].as_array().unwrap().len(),
        "one exclusion entry per excluded row"
    );
}
