//! A company attribute for peer groups (`--segment`, `--peer`): each
//! company's value, from the companies file (`--companies`) or from the
//! responses when the instrument declares the attribute (`segments`: the
//! most frequent value among the company's scored respondents, ties going
//! to the alphabetically first). docs/formats.md, "segments" and
//! "Companies file"; docs/methods.md, "Peer groups".

use super::segments::NO_VALUE;
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::error::{Error, Result};
use crate::ingest::companies::{did_you_mean, CompanyTable};
use crate::instrument::Instrument;
use std::collections::HashMap;

/// Each company's value of one attribute, in accumulator order.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyAttribute {
    /// The attribute as asked for (`--segment`).
    pub name: String,
    /// Where the values come from (a file, or "the responses").
    pub source: String,
    /// Company `i`'s value in accumulator order; `None` when it has none.
    pub values: Vec<Option<String>>,
    /// Sentences about the values (companies of the file not in the survey), for the run's
    /// warnings.
    pub warnings: Vec<String>,
}

impl CompanyAttribute {
    /// Company `i`'s segment: its value, or [`NO_VALUE`].
    pub fn segment_of(&self, i: usize) -> &str {
        self.values
            .get(i)
            .and_then(|v| v.as_deref())
            .unwrap_or(NO_VALUE)
    }
}

fn list(ids: &[&str]) -> String {
    if ids.len() > 5 {
        format!("{}, … ({} in all)", ids[..5].join(", "), ids.len())
    } else {
        ids.join(", ")
    }
}

/// Each company's value of `attr`: from the companies file when it has a
/// column of that name, else from the responses when the instrument
/// declares a segment of that id (both matched exactly, else ignoring
/// case). When both have it the companies file wins, with a warning. An
/// attribute in neither is a usage error naming both sources' attributes
/// and the near matches. `anonymity` is the respondents a company needs to
/// be shown: only shown companies are named in the warnings about ties.
pub fn resolve(
    attr: &str,
    table: Option<&CompanyTable>,
    inst: &Instrument,
    acc: &Accumulator,
    anonymity: u64,
) -> Result<CompanyAttribute> {
    let declared = declared_segment(inst, attr);
    if let Some(t) = table {
        if let Some(col) = t.column(attr) {
            let mut out = from_table(t, col, acc);
            if let Some(k) = declared {
                out.warnings.push(format!(
                    "--segment {attr}: the companies file {} and the instrument's segment \"{}\" (column \"{}\" of the responses) both give it; the companies file is used",
                    t.file, inst.segments[k].id, inst.segments[k].column
                ));
            }
            return Ok(out);
        }
    }
    if let Some(k) = declared {
        return Ok(from_responses(inst, acc, k, anonymity));
    }
    Err(Error::Usage(unknown_attribute(attr, table, inst)))
}

/// The message for an attribute neither source has.
fn unknown_attribute(attr: &str, table: Option<&CompanyTable>, inst: &Instrument) -> String {
    let mut known: Vec<String> = Vec::new();
    if let Some(t) = table {
        known.extend(t.columns.iter().filter(|c| **c != t.key).cloned());
    }
    let declared: Vec<String> = inst.segments.iter().map(|s| s.id.clone()).collect();
    known.extend(declared.iter().cloned());
    let where_ = match table {
        Some(t) => format!("the companies file {} has no column \"{attr}\"", t.file),
        None => format!(
            "no attribute \"{attr}\": give --companies FILE with a column \"{attr}\", or declare it in the instrument's \"segments\""
        ),
    };
    let mut lists = Vec::new();
    if let Some(t) = table {
        let cols: Vec<&str> = t
            .columns
            .iter()
            .filter(|c| **c != t.key)
            .map(String::as_str)
            .collect();
        if !cols.is_empty() {
            lists.push(format!(
                "the companies file's attributes are: {}",
                cols.join(", ")
            ));
        }
    }
    if declared.is_empty() {
        if table.is_some() {
            lists.push("the instrument declares no segments".into());
        }
    } else {
        lists.push(format!(
            "the instrument's segments are: {}",
            declared.join(", ")
        ));
    }
    let lists: String = lists.iter().map(|l| format!("; {l}")).collect();
    format!(
        "--segment {attr}: {where_}{}{lists}",
        did_you_mean(&known, attr)
    )
}

/// The instrument segment `attr` names: its id exactly, else ignoring case.
fn declared_segment(inst: &Instrument, attr: &str) -> Option<usize> {
    let ids = &inst.segments;
    ids.iter()
        .position(|s| s.id == attr)
        .or_else(|| ids.iter().position(|s| s.id.eq_ignore_ascii_case(attr)))
}

/// A company's value of a declared segment: its scored respondents' most
/// frequent value; of values equally frequent, the first in alphabetical
/// (byte) order. `None` when no scored respondent gave one. The second
/// part lists the tied values, when there was a tie.
pub fn mode_of(counts: &[(&str, u64)]) -> (Option<String>, Vec<String>) {
    let Some(top) = counts.iter().map(|c| c.1).max() else {
        return (None, Vec::new());
    };
    let mut tied: Vec<&str> = counts.iter().filter(|c| c.1 == top).map(|c| c.0).collect();
    tied.sort_unstable();
    let value = tied.first().map(|v| v.to_string());
    let ties = if tied.len() > 1 {
        tied.iter().map(|v| v.to_string()).collect()
    } else {
        Vec::new()
    };
    (value, ties)
}

/// Each company's value of the instrument's segment `k`, read from the
/// responses (see [`mode_of`]), with a warning about the ties of the
/// companies that are shown.
fn from_responses(
    inst: &Instrument,
    acc: &Accumulator,
    k: usize,
    anonymity: u64,
) -> CompanyAttribute {
    let seg = &inst.segments[k];
    let vis = Disclosure::plan(acc, anonymity);
    let mut ties: Vec<(&str, Vec<String>)> = Vec::new();
    let values = (0..acc.companies.len())
        .map(|i| {
            let (value, tied) = mode_of(&acc.declared_counts(k, i));
            if !tied.is_empty() && vis.shown(i) {
                ties.push((&acc.ids[i], tied));
            }
            value
        })
        .collect();
    ties.sort_by(|a, b| a.0.cmp(b.0));
    CompanyAttribute {
        name: seg.id.clone(),
        source: format!("column \"{}\" of the responses", seg.column),
        values,
        warnings: tie_warnings(&seg.id, &seg.column, &ties),
    }
}

/// Up to three ties get a line each; more are listed in one line. A
/// warning names the company, how many values tie and the value used (its
/// segment), never the values that lost: those may be one respondent's
/// free text, which output never echoes.
fn tie_warnings(id: &str, column: &str, ties: &[(&str, Vec<String>)]) -> Vec<String> {
    if ties.len() <= 3 {
        return ties
            .iter()
            .map(|(company, tied)| {
                format!(
                    "segment {id}: company {company}'s respondents are tied between {} values of column \"{column}\"; \"{}\", the alphabetically first, is used",
                    tied.len(),
                    tied[0]
                )
            })
            .collect();
    }
    let shown: Vec<String> = ties
        .iter()
        .take(5)
        .map(|(company, tied)| format!("{company} (\"{}\")", tied[0]))
        .collect();
    let more = if ties.len() > 5 {
        format!(", … ({} in all)", ties.len())
    } else {
        String::new()
    };
    vec![format!(
        "segment {id}: {} companies' respondents are tied between values of column \"{column}\"; each gets the alphabetically first of its tied values: {}{more}",
        ties.len(),
        shown.join(", ")
    )]
}

fn from_table(t: &CompanyTable, col: usize, acc: &Accumulator) -> CompanyAttribute {
    let index = t.index();
    let values = acc
        .ids
        .iter()
        .map(|id| index.get(&**id).and_then(|&r| t.rows[r].2[col].clone()))
        .collect();
    let survey: HashMap<&str, ()> = acc.ids.iter().map(|id| (&**id, ())).collect();
    let mut unknown: Vec<&str> = t
        .rows
        .iter()
        .map(|r| r.0.as_str())
        .filter(|id| !survey.contains_key(id))
        .collect();
    unknown.sort_unstable();
    let mut warnings = Vec::new();
    if !unknown.is_empty() {
        warnings.push(format!(
            "{} in the companies file {} {} not in the survey and {} ignored ({})",
            crate::render::fmt::plural(unknown.len() as u64, "company", "companies"),
            t.file,
            if unknown.len() == 1 { "is" } else { "are" },
            if unknown.len() == 1 { "is" } else { "are" },
            list(&unknown)
        ));
    }
    CompanyAttribute {
        name: t.columns[col].clone(),
        source: t.file.clone(),
        values,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::mode_of;

    #[test]
    fn mode_takes_the_most_frequent_then_the_alphabetically_first() {
        // Counts set by hand: Retail 3, Bank 3, Tech 2: tied, Bank first.
        let (v, ties) = mode_of(&[("Tech", 2), ("Retail", 3), ("Bank", 3)]);
        assert_eq!(v.as_deref(), Some("Bank"));
        assert_eq!(ties, ["Bank", "Retail"]);
        let (v, ties) = mode_of(&[("Tech", 4), ("Retail", 3)]);
        assert_eq!(v.as_deref(), Some("Tech"));
        assert!(ties.is_empty());
        // Byte order: upper case before lower case.
        let (v, _) = mode_of(&[("bank", 1), ("Tech", 1)]);
        assert_eq!(v.as_deref(), Some("Tech"));
        assert_eq!(mode_of(&[]), (None, Vec::new()));
    }
}
