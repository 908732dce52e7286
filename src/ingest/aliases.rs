//! Company ids as teams write them: ids that differ only in case or
//! spacing (reported together, [`variant_warnings`]) and the
//! `--company-aliases` file that merges them (a CSV with the header
//! `alias,company`; aliases match ignoring case and spacing).

use super::side::SideFile;
use super::values::shorten;
use crate::error::{Error, Problem, ProblemGroups, Result, PROBLEMS_SHOWN};
use crate::instrument::validate::normalize_label;
use csv::ByteRecord;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Read an aliases file: alias (normal form) → company id as written.
pub fn read_aliases(path: &Path) -> Result<BTreeMap<String, String>> {
    let mut side = SideFile::open(path)?;
    let file = side.file.clone();
    let names = std::mem::take(&mut side.names);
    let mut rec = ByteRecord::new();
    let find = |col: &str| names.iter().position(|n| n.eq_ignore_ascii_case(col));
    let (Some(a), Some(c)) = (find("alias"), find("company")) else {
        return Err(Error::Format {
            file: file.clone(),
            message: "line 1: a company aliases file needs the header \"alias,company\" (one alias and the company id it stands for per row)".into(),
        });
    };
    let mut out: BTreeMap<String, (String, u64)> = BTreeMap::new();
    let mut problems = ProblemGroups::new(PROBLEMS_SHOWN);
    while let Some(line) = side.read(&mut rec)? {
        let cell = |i: usize| {
            rec.get(i)
                .map(|b| String::from_utf8_lossy(b).trim().to_string())
        };
        let (Some(alias), Some(company)) = (cell(a), cell(c)) else {
            problems.push(Problem {
                line,
                message: format!(
                    "the row has {} fields but the header has {}",
                    rec.len(),
                    names.len()
                ),
                ..Default::default()
            });
            continue;
        };
        if alias.is_empty() || company.is_empty() {
            problems.push(Problem {
                line,
                message: "needs both an alias and a company id".into(),
                ..Default::default()
            });
            continue;
        }
        let key = normalize_label(&alias);
        match out.get(&key) {
            Some((other, first)) if *other != company => problems.push(Problem {
                line,
                column: Some(names[a].clone()),
                value: Some(shorten(alias.as_bytes())),
                message: format!(
                    "is already an alias of \"{other}\" (line {first}); an alias stands for one company"
                ),
                ..Default::default()
            }),
            Some(_) => {}
            None => {
                out.insert(key, (company, line));
            }
        }
    }
    if problems.total > 0 {
        return Err(Error::Data {
            file,
            problems: problems.shown,
            total: problems.total,
            hint: "fix these rows of the company aliases file".into(),
        });
    }
    Ok(out.into_iter().map(|(k, (c, _))| (k, c)).collect())
}

/// The form in which ids that differ only in case or spacing are equal.
fn variant_key(id: &str) -> String {
    let mut key = String::new();
    variant_key_into(id, &mut key);
    key
}

/// `variant_key(id)` written into `key` (cleared first), without an
/// allocation: byte by byte for an ASCII id (most are), else char by char.
fn variant_key_into(id: &str, key: &mut String) {
    key.clear();
    if id.is_ascii() {
        key.extend(
            id.bytes()
                .filter(|b| !b.is_ascii_whitespace() && *b != 0x0b)
                .map(|b| b.to_ascii_lowercase() as char),
        );
    } else {
        key.extend(
            id.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase),
        );
    }
}

/// One warning per group of company ids that differ only in case or
/// spacing, naming them, in order of the group's first id in `ids`.
///
/// Ids are first filed by a hash of their case- and space-free form, so
/// that only ids sharing a hash (the variants, and the rare collision) are
/// grouped by that form: a file of many companies costs one hash an id and
/// a sort of the hashes.
pub fn variant_warnings(ids: &[Box<str>]) -> Vec<String> {
    let state = ahash::RandomState::with_seeds(7, 11, 13, 17);
    let mut key = String::new();
    let hashes: Vec<u64> = ids
        .iter()
        .map(|id| {
            variant_key_into(id, &mut key);
            state.hash_one(key.as_bytes())
        })
        .collect();
    let mut sorted = hashes.clone();
    sorted.sort_unstable();
    let shared: HashSet<u64> = sorted
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0])
        .collect();
    if shared.is_empty() {
        return Vec::new();
    }
    let mut groups: BTreeMap<String, Vec<(&str, usize)>> = BTreeMap::new();
    for (i, (id, h)) in ids.iter().zip(&hashes).enumerate() {
        if shared.contains(h) {
            groups.entry(variant_key(id)).or_default().push((id, i));
        }
    }
    let mut out: Vec<(usize, String)> = Vec::new();
    for (_, mut g) in groups {
        if g.len() < 2 {
            continue;
        }
        g.sort();
        let names: Vec<String> = g.iter().map(|(s, _)| format!("\"{s}\"")).collect();
        out.push((
            g[0].1,
            format!(
                "company ids {} differ only in case or spacing and are counted as {} different companies; if they are one company, merge them with --company-aliases FILE (a CSV with the header alias,company)",
                names.join(", "),
                g.len()
            ),
        ));
    }
    out.sort();
    out.into_iter().map(|(_, w)| w).collect()
}

/// The id in `ids` closest to `id` (ignoring case), when one is near.
pub fn closest<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let want = id.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for c in ids {
        let s = strsim::normalized_levenshtein(&want, &c.to_lowercase());
        if s >= 0.5 && best.is_none_or(|(b, bc)| s > b || (s == b && c < bc)) {
            best = Some((s, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_among_many_ids_are_grouped_in_order_of_first_id() {
        let mut ids: Vec<Box<str>> = (0..5000).map(|i| format!("C{i:05}").into()).collect();
        ids.insert(10, "Beta Co".into());
        ids.insert(20, "acme".into());
        ids.push("ACME".into());
        ids.push("beta co".into());
        ids.push("BetaCo".into());
        ids.push("Ü ber".into());
        ids.push("über".into());
        let w = variant_warnings(&ids);
        assert_eq!(w.len(), 3, "{w:?}");
        assert!(w[0].starts_with("company ids \"Beta Co\", \"BetaCo\", \"beta co\" differ"));
        assert!(w[0].contains("counted as 3 different companies"));
        assert!(w[1].starts_with("company ids \"ACME\", \"acme\" differ"));
        assert!(w[2].starts_with("company ids \"Ü ber\", \"über\" differ"));
        // An id beyond ASCII and an ASCII one with the same case- and
        // space-free form (the Kelvin sign lowercases to `k`), and ASCII
        // white space of every kind.
        let more: Vec<Box<str>> = ["\u{212A}X 1", "kx1", "a\u{b}b\tc", "ABC", "a\u{1f}b"]
            .into_iter()
            .map(Into::into)
            .collect();
        let w = variant_warnings(&more);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with("company ids \"kx1\", \"\u{212A}X 1\" differ"),
            "{w:?}"
        );
        assert!(
            w[1].starts_with("company ids \"ABC\", \"a\u{b}b\tc\" differ"),
            "{w:?}"
        );
        // No variants: no warning.
        assert!(variant_warnings(&ids[..5000]).is_empty());
        assert!(variant_warnings(&[]).is_empty());
    }
}
