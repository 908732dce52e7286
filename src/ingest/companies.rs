//! Reading a company attributes file (`--companies`): one row per company,
//! keyed by a company column (`--companies-key`), holding attribute columns
//! such as industry, size band or region, which `--segment` groups by.
//!
//! The key column defaults to the responses' company column, else a column
//! called `company`, `company_id` or `account` (case-insensitively). Ids are
//! trimmed like the responses' company ids; values are trimmed text, blank
//! meaning "no value". A blank or repeated company, or a row of the wrong
//! length, is a [`Problem`]; any problem makes the file an error (exit 3).

use super::side::{CompanyKeys, SideFile};
use super::values::shorten;
use crate::error::{Error, Problem, Result, PROBLEMS_SHOWN};
use csv::ByteRecord;
use std::collections::HashMap;
use std::path::Path;

/// The rows of a company attributes file.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyTable {
    /// The companies file as named on the command line.
    pub file: String,
    /// The key column's header name.
    pub key: String,
    /// Header names of every column (the key included).
    pub columns: Vec<String>,
    /// (company id, line, one value per column: `None` when blank).
    pub rows: Vec<(String, u64, Vec<Option<String>>)>,
}

/// Key columns tried, in order, when neither `--companies-key` nor the
/// responses' company column is in the header.
pub const KEY_FALLBACKS: [&str; 3] = ["company", "company_id", "account"];

/// Position of `name` in `names`: exact, else case-insensitive.
pub fn find_column(names: &[String], name: &str) -> Option<usize> {
    names.iter().position(|n| n == name).or_else(|| {
        names
            .iter()
            .position(|n| n.to_lowercase() == name.to_lowercase())
    })
}

/// Header names close to `wanted` (case-insensitive Jaro–Winkler of at
/// least 0.8, or one containing the other), best first, at most three.
pub fn near_matches(names: &[String], wanted: &str) -> Vec<String> {
    let w = wanted.to_lowercase();
    let mut scored: Vec<(f64, &String)> = names
        .iter()
        .filter(|n| !n.is_empty())
        .map(|n| {
            let l = n.to_lowercase();
            let mut s = strsim::jaro_winkler(&l, &w);
            if l.contains(&w) || w.contains(&l) {
                s = s.max(0.85);
            }
            (s, n)
        })
        .filter(|(s, _)| *s >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(3).map(|(_, n)| n.clone()).collect()
}

/// " (did you mean …?)" for the near matches of `wanted`, or nothing.
pub fn did_you_mean(names: &[String], wanted: &str) -> String {
    let near = near_matches(names, wanted);
    if near.is_empty() {
        return String::new();
    }
    let quoted: Vec<String> = near.iter().map(|n| format!("\"{n}\"")).collect();
    format!(" (did you mean {}?)", quoted.join(" or "))
}

impl CompanyTable {
    /// The column named `attr` (exact, else case-insensitive), other than
    /// the key.
    pub fn column(&self, attr: &str) -> Option<usize> {
        find_column(&self.columns, attr).filter(|&c| self.columns[c] != self.key)
    }

    /// Index from company id to row.
    pub fn index(&self) -> HashMap<&str, usize> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0.as_str(), i))
            .collect()
    }
}

/// Read a company attributes file (`-` for stdin). `key` is
/// `--companies-key`; `company_column` the responses' company column.
/// Company ids are trimmed and go through `aliases` (normalised alias →
/// company, as `--company-aliases` reads them), like the responses' ids.
pub fn read_companies(
    path: &Path,
    key: Option<&str>,
    company_column: &str,
    aliases: &std::collections::BTreeMap<String, String>,
) -> Result<CompanyTable> {
    let mut side = SideFile::open_nonempty(path, "companies")?;
    let file = side.file.clone();
    let mut rec = ByteRecord::new();
    let names = std::mem::take(&mut side.names);
    let key_col = key_column(&names, key, company_column, &file)?;
    let mut rows = Vec::new();
    let mut problems = Problems::default();
    let mut keys = CompanyKeys::new(key_col, "is already on line");
    while let Some(line) = side.read(&mut rec)? {
        let canon = |id: &str| {
            aliases
                .get(&crate::instrument::validate::normalize_label(id))
                .map_or(id, String::as_str)
                .to_string()
        };
        let id = match keys.company(&rec, line, &names, canon) {
            Ok(id) => id,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let values = row_values(&rec, line, &names, &mut problems);
        rows.push((id, line, values));
    }
    if problems.total > 0 {
        return Err(Error::Data {
            file,
            problems: problems.shown,
            total: problems.total,
            hint:
                "every row of a companies file must be valid: one row per company, each with its id"
                    .to_string(),
        });
    }
    Ok(CompanyTable {
        file,
        key: names[key_col].clone(),
        columns: names,
        rows,
    })
}

/// The key column: `key` (`--companies-key`) when given, else the
/// responses' company column or one of [`KEY_FALLBACKS`]; an error naming
/// near matches when the header has none.
fn key_column(
    names: &[String],
    key: Option<&str>,
    company_column: &str,
    file: &str,
) -> Result<usize> {
    match key {
        Some(k) => find_column(names, k).ok_or_else(|| Error::Format {
            file: file.to_string(),
            message: format!(
                "line 1: the header has no key column \"{k}\" (--companies-key){}; the header is: {}",
                did_you_mean(names, k),
                names.join(", ")
            ),
        }),
        None => std::iter::once(company_column)
            .chain(KEY_FALLBACKS)
            .find_map(|k| find_column(names, k))
            .ok_or_else(|| Error::Format {
                file: file.to_string(),
                message: format!(
                    "line 1: the header has no company key column (\"{company_column}\", \"company\", \"company_id\" or \"account\"){}; name it with --companies-key",
                    did_you_mean(names, company_column)
                ),
            }),
    }
}

/// The problems found: the first [`PROBLEMS_SHOWN`] kept, all counted.
#[derive(Default)]
struct Problems {
    shown: Vec<Problem>,
    total: usize,
}

impl Problems {
    /// Count `p`, keeping it while fewer than [`PROBLEMS_SHOWN`] are kept.
    fn push(&mut self, p: Problem) {
        self.total += 1;
        if self.shown.len() < PROBLEMS_SHOWN {
            self.shown.push(p);
        }
    }
}

/// One value per cell of `rec`: trimmed text, `None` when blank; a cell
/// that is not UTF-8 is a problem and has no value.
fn row_values(
    rec: &ByteRecord,
    line: u64,
    names: &[String],
    problems: &mut Problems,
) -> Vec<Option<String>> {
    let mut values = Vec::with_capacity(names.len());
    for (c, cell) in rec.iter().enumerate() {
        match std::str::from_utf8(cell) {
            Ok(s) => {
                let s = s.trim();
                values.push((!s.is_empty()).then(|| s.to_string()));
            }
            Err(_) => {
                problems.push(Problem {
                    line,
                    column: Some(names[c].clone()),
                    value: Some(shorten(cell)),
                    message: "is not valid UTF-8".into(),
                    ..Default::default()
                });
                values.push(None);
            }
        }
    }
    values
}
