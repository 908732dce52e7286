//! The generic search: no printed number equals a true figure of a hidden
//! group, and a hidden object carries nothing but its id, counts and the
//! suppressed flag.

use super::outputs::{close, Scenario};
use super::survey::ROLES;
use serde_json::Value;
use std::collections::BTreeMap;

/// A hidden figure: whose, which, and its true value.
pub struct Secret {
    pub whose: String,
    pub what: String,
    pub value: f64,
}

/// Values that are multiples of 1/4 turn up everywhere by coincidence;
/// the search leaves them to the attacks proper.
fn coarse(v: f64) -> bool {
    (v * 4.0 - (v * 4.0).round()).abs() < 1e-9
}

/// Every figure of a hidden company (both weightings, its role groups, its
/// outcomes) and of a role group under the threshold in a shown company,
/// unless a shown group has the same value.
pub fn secrets(sc: &Scenario) -> Vec<Secret> {
    let thr = sc.threshold;
    let mut legit = Vec::new();
    let mut secret = Vec::new();
    for t in &sc.truths {
        let company: Vec<(String, f64)> = t.weighted.iter().flat_map(|f| f.named()).collect();
        if t.n >= thr {
            legit.extend(company.iter().map(|x| x.1));
        } else {
            secret.extend(company.into_iter().map(|(what, v)| (t.id.clone(), what, v)));
            for (k, o) in t.outcomes.iter().enumerate() {
                secret.push((t.id.clone(), format!("outcome {}", k + 1), *o));
            }
        }
        for (r, g) in t.groups.iter().enumerate() {
            let Some(g) = g else { continue };
            if t.n >= thr && g.n >= thr {
                legit.extend(g.named().into_iter().map(|x| x.1));
            } else if g.n < thr {
                let whose = format!("{} {} group ({} respondents)", t.id, ROLES[r], g.n);
                secret.extend(
                    g.named()
                        .into_iter()
                        .map(|(what, v)| (whose.clone(), what, v)),
                );
            }
        }
    }
    legit.sort_by(f64::total_cmp);
    secret
        .into_iter()
        .filter(|s| !coarse(s.2) && !legit.iter().any(|l| close(*l, s.2)))
        .map(|(whose, what, value)| Secret { whose, what, value })
        .collect()
}

/// Keys whose numbers are counts, ranks, shares or test statistics: not
/// places a group's score or mean could stand.
fn not_a_figure(key: &str) -> bool {
    const EXACT: [&str; 24] = [
        "n",
        "k",
        "t",
        "df",
        "u",
        "p",
        "q",
        "sd",
        "lift",
        "rank",
        "percentile",
        "companies",
        "respondents",
        "threshold",
        "anonymity",
        "schema_version",
        "norms_version",
        "left_out",
        "unclassified",
        "line",
        "header_rows",
        "perceived_threshold",
        "median_composite",
        "composite",
    ];
    const PREFIX: [&str; 17] = [
        "n_",
        "rows_",
        "share",
        "pct_",
        "gap",
        "role_gap",
        "diff",
        "top2",
        "answered",
        "rho",
        "spearman",
        "hedges",
        "alpha",
        "item_total",
        "icc",
        "rwg",
        "mann",
    ];
    EXACT.contains(&key) || PREFIX.iter().any(|p| key.starts_with(p)) || key == "welch"
}

/// Every number of `v` with its path and the key it stands under.
fn numbers<'a>(v: &'a Value, path: String, key: &'a str, out: &mut Vec<(String, &'a str, f64)>) {
    match v {
        Value::Number(x) => out.push((path, key, x.as_f64().unwrap_or(f64::NAN))),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                numbers(x, format!("{path}[{i}]"), key, out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                let key = if not_a_figure(key) { key } else { k.as_str() };
                numbers(x, format!("{path}/{k}"), key, out);
            }
        }
        _ => {}
    }
}

/// Printed numbers equal to hidden figures: a finding when one output
/// holds two or more different figures of the same hidden group (a single
/// equal number among thousands is too often a coincidence of small
/// denominators; the attacks proper catch single figures).
pub fn search(secrets: &[Secret], v: &Value, label: &str) -> Vec<String> {
    let mut nums = Vec::new();
    numbers(v, String::new(), "", &mut nums);
    let mut hits: BTreeMap<&str, BTreeMap<&str, String>> = BTreeMap::new();
    for (path, key, x) in nums.iter().filter(|n| !not_a_figure(n.1)) {
        for s in secrets.iter().filter(|s| close(s.value, *x)) {
            let at = format!("{path} (key {key}) = {x}");
            hits.entry(&s.whose)
                .or_default()
                .entry(&s.what)
                .or_insert(at);
        }
    }
    hits.into_iter()
        .filter(|(_, found)| found.len() >= 2)
        .map(|(whose, found)| {
            let list: Vec<String> = found
                .iter()
                .take(4)
                .map(|(what, at)| format!("{what} at {at}"))
                .collect();
            format!(
                "{label}: {} true figures of {whose} are printed: {}",
                found.len(),
                list.join("; ")
            )
        })
        .collect()
}

/// Keys a hidden object may carry with a value.
const ALLOWED: [&str; 6] = ["company_id", "id", "n", "n_by_role", "suppressed", "role"];

/// Every object with `"suppressed": true` holds only ids and counts.
pub fn hidden_objects(v: &Value, path: &str, label: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            if o.get("suppressed").and_then(Value::as_bool) == Some(true) {
                for (k, x) in o {
                    let empty = x.is_null()
                        || x.as_array().is_some_and(Vec::is_empty)
                        || x.as_object().is_some_and(|m| m.is_empty());
                    if !ALLOWED.contains(&k.as_str()) && !empty {
                        out.push(format!(
                            "{label}: hidden object {path} carries {k} = {}",
                            short(x)
                        ));
                    }
                }
            }
            for (k, x) in o {
                hidden_objects(x, &format!("{path}/{k}"), label, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let name = x
                    .get("company_id")
                    .and_then(Value::as_str)
                    .map_or(i.to_string(), str::to_string);
                hidden_objects(x, &format!("{path}[{name}]"), label, out);
            }
        }
        _ => {}
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 80 {
        format!(
            "{}…",
            &s[..s.char_indices().nth(80).map_or(s.len(), |c| c.0)]
        )
    } else {
        s
    }
}

/// Paths of every `"suppressed": true`.
pub fn suppressed_paths(v: &Value, path: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                if k == "suppressed" && x.as_bool() == Some(true) {
                    out.push(path.to_string());
                }
                suppressed_paths(x, &format!("{path}/{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                suppressed_paths(x, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}
