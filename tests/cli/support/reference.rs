//! Checking a JSON report against a table of independently computed values
//! (pasted from `tests/reference/*.py`): each row is a path into the JSON and
//! the value expected there.
//!
//! A path is segments separated by `/`: `name[key]` is the one element of
//! array `name` whose `company_id` or `item` is `key` (or, when no element has
//! such a field equal to `key`, whose `dimension` is); a number indexes an
//! array; anything else is an object key. Only a missing *last* key can
//! match [`Exp::Absent`]; every other missing piece is an error.

use serde_json::Value;

/// Absolute tolerance for numbers.
pub const TOL: f64 = 1e-6;

/// One expected value at a path of the JSON output.
#[derive(Debug, Clone, Copy)]
pub enum Exp {
    /// A number, compared with absolute tolerance [`TOL`].
    Num(f64),
    /// JSON `null`.
    Null,
    /// The key must not be present (e.g. figures of a suppressed role).
    Absent,
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A per-role count: when it is 0 the key may also be left out.
    Count(i64),
    Str(&'static str),
}

enum Found<'a> {
    Value(&'a Value),
    Absent,
}

fn element<'a>(arr: &'a [Value], name: &str, key: &str) -> Result<&'a Value, String> {
    for field in [["company_id", "item"].as_slice(), ["dimension"].as_slice()] {
        let hits: Vec<&Value> = arr
            .iter()
            .filter(|e| {
                field
                    .iter()
                    .any(|f| e.get(*f).and_then(Value::as_str) == Some(key))
            })
            .collect();
        match hits.len() {
            0 => continue,
            1 => return Ok(hits[0]),
            n => return Err(format!("{n} elements of `{name}` are `{key}`")),
        }
    }
    Err(format!("no element `{key}` in `{name}`"))
}

fn resolve<'a>(root: &'a Value, path: &str) -> Result<Found<'a>, String> {
    let segs: Vec<&str> = path.split('/').collect();
    let mut cur = root;
    for (i, seg) in segs.iter().enumerate() {
        let last = i + 1 == segs.len();
        if let (Some(open), true) = (seg.find('['), seg.ends_with(']')) {
            let name = &seg[..open];
            let key = &seg[open + 1..seg.len() - 1];
            let arr = cur
                .get(name)
                .and_then(Value::as_array)
                .ok_or_else(|| format!("`{name}` is not an array (at `{seg}`)"))?;
            cur = element(arr, name, key)?;
        } else if let Some(arr) = cur.as_array() {
            let idx: usize = seg
                .parse()
                .map_err(|_| format!("`{seg}` is not an array index"))?;
            cur = arr
                .get(idx)
                .ok_or_else(|| format!("index {idx} out of range"))?;
        } else if let Some(obj) = cur.as_object() {
            match obj.get(*seg) {
                Some(v) => cur = v,
                None if last => return Ok(Found::Absent),
                None => return Err(format!("missing key `{seg}`")),
            }
        } else {
            return Err(format!("cannot look up `{seg}` in {cur}"));
        }
    }
    Ok(Found::Value(cur))
}

fn problem(exp: Exp, got: Result<Found<'_>, String>) -> Option<String> {
    let v = match (exp, got) {
        (_, Err(e)) => return Some(format!("path error: {e}")),
        (Exp::Absent | Exp::Count(0), Ok(Found::Absent)) => return None,
        (_, Ok(Found::Absent)) => return Some(format!("key missing, expected {exp:?}")),
        (_, Ok(Found::Value(v))) => v,
    };
    let ok = match exp {
        Exp::Absent => return Some(format!("expected no such key, got {v}")),
        Exp::Num(x) => v.as_f64().is_some_and(|g| (g - x).abs() <= TOL),
        Exp::Null => v.is_null(),
        Exp::Bool(b) => v.as_bool() == Some(b),
        Exp::Int(n) | Exp::Count(n) => v.as_i64() == Some(n),
        Exp::Str(s) => v.as_str() == Some(s),
    };
    (!ok).then(|| format!("expected {exp:?}, got {v}"))
}

/// Compare every row of `table` with `root`; report all differences at once.
pub fn check(root: &Value, table: &[(&str, Exp)], label: &str) {
    let fails: Vec<String> = table
        .iter()
        .filter_map(|(path, exp)| {
            problem(*exp, resolve(root, path)).map(|p| format!("  {path}: {p}"))
        })
        .collect();
    assert!(
        fails.is_empty(),
        "{label}: {} of {} reference values differ:\n{}",
        fails.len(),
        table.len(),
        fails.join("\n")
    );
}

/// The value at `path`; anything missing is an error.
pub fn at<'a>(root: &'a Value, path: &str) -> Result<&'a Value, String> {
    match resolve(root, path)? {
        Found::Value(v) => Ok(v),
        Found::Absent => Err(format!("missing last key of `{path}`")),
    }
}
