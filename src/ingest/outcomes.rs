//! Reading a per-company outcomes file (`--outcomes`): one row per company,
//! keyed by the instrument's company column, holding outcome columns.
//! Every invalid value, blank or duplicate company is a [`Problem`] with its
//! line and column, reported together (exit 3).

use super::side::{CompanyKeys, SideFile};
use super::sniff;
use super::values::{shorten, ValueParser};
use crate::error::{Error, Problem, ProblemGroups, Result, PROBLEMS_SHOWN};
use crate::instrument::Instrument;
use csv::ByteRecord;
use std::collections::HashMap;
use std::path::Path;

/// The rows of an outcomes file.
#[derive(Debug, Clone, PartialEq)]
pub struct OutcomeTable {
    /// The outcomes file as named on the command line.
    pub file: String,
    /// (company id, line, one value per instrument outcome).
    pub rows: Vec<(String, u64, Vec<Option<f64>>)>,
    /// Per instrument outcome: does the file have its column?
    pub has_column: Vec<bool>,
}

impl OutcomeTable {
    /// Index from company id to row.
    pub fn index(&self) -> HashMap<&str, usize> {
        self.rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.0.as_str(), i))
            .collect()
    }
}

/// Read an outcomes file (`-` for stdin), keyed by the column `key`
/// (default: the instrument's company column, else `company`,
/// `company_id` or `account`).
pub fn read_outcomes(path: &Path, inst: &Instrument, key: Option<&str>) -> Result<OutcomeTable> {
    if inst.outcomes.is_empty() {
        return Err(Error::Usage(format!(
            "--outcomes {} was given, but the instrument \"{}\" defines no outcomes",
            sniff::display_name(path),
            inst.name
        )));
    }
    let mut side = SideFile::open_nonempty(path, "outcomes")?;
    let file = side.file.clone();
    let mut rec = ByteRecord::new();
    let names = std::mem::take(&mut side.names);
    let company = key_column(&names, inst, key, &file)?;
    let cols = outcome_columns(&names, inst, &file)?;
    let values = RowValues {
        parser: ValueParser::new(inst),
        semicolon: side.delimiter == b';',
        names: &names,
        cols: &cols,
    };
    let mut rows = Vec::new();
    let mut groups = ProblemGroups::new(PROBLEMS_SHOWN);
    let mut keys = CompanyKeys::new(company, "already has outcomes on line");
    while let Some(line) = side.read(&mut rec)? {
        let id = keys.company(&rec, line, &names, |id| {
            values.parser.company(id).to_string()
        });
        match id {
            Ok(id) => rows.push((id, line, values.read(&rec, line, &mut groups))),
            Err(p) => groups.push(p),
        }
    }
    if groups.total > 0 {
        return Err(Error::Data {
            file,
            problems: groups.shown,
            total: groups.total,
            hint:
                "every row of an outcomes file must be valid: fix these values or leave them blank"
                    .to_string(),
        });
    }
    Ok(OutcomeTable {
        file,
        rows,
        has_column: cols.iter().map(|c| c.is_some()).collect(),
    })
}

/// The header's column named `col`, exactly or else ignoring ASCII case.
fn find(names: &[String], col: &str) -> Option<usize> {
    names
        .iter()
        .position(|n| n == col)
        .or_else(|| names.iter().position(|n| n.eq_ignore_ascii_case(col)))
}

/// The company key column: `key` (from `--outcomes-key`), else the
/// instrument's company column, else `company`, `company_id` or `account`.
fn key_column(names: &[String], inst: &Instrument, key: Option<&str>, file: &str) -> Result<usize> {
    let company = match key {
        Some(k) => find(names, k).ok_or_else(|| (k.to_string(), true)),
        None => find(names, &inst.columns.company)
            .or_else(|| {
                ["company", "company_id", "account"]
                    .iter()
                    .find_map(|c| find(names, c))
            })
            .ok_or_else(|| (inst.columns.company.clone(), false)),
    };
    company.map_err(|(col, given)| {
        let shown: Vec<String> = names.iter().take(12).map(|n| format!("\"{n}\"")).collect();
        Error::Format {
            file: file.to_string(),
            message: if given {
                format!(
                    "line 1: the header lacks the key column \"{col}\" given to --outcomes-key (header: {})",
                    shown.join(", ")
                )
            } else {
                format!(
                    "line 1: the header lacks the company id column \"{col}\" (nor has it a column company, company_id or account); name the key column with --outcomes-key COLUMN (header: {})",
                    shown.join(", ")
                )
            },
        }
    })
}

/// The header's column of each instrument outcome, if it has one; an
/// error when it has none of them.
fn outcome_columns(names: &[String], inst: &Instrument, file: &str) -> Result<Vec<Option<usize>>> {
    let cols: Vec<Option<usize>> = inst
        .outcomes
        .iter()
        .map(|o| find(names, &o.column))
        .collect();
    if cols.iter().all(|c| c.is_none()) {
        let wanted: Vec<String> = inst
            .outcomes
            .iter()
            .map(|o| format!("\"{}\"", o.column))
            .collect();
        return Err(Error::Format {
            file: file.to_string(),
            message: format!(
                "line 1: the header has none of the instrument's outcome columns ({})",
                wanted.join(", ")
            ),
        });
    }
    Ok(cols)
}

/// Reads a row's outcome values.
struct RowValues<'a> {
    parser: ValueParser,
    /// Semicolon-delimited files may write decimal commas.
    semicolon: bool,
    names: &'a [String],
    /// The column of each instrument outcome, if the file has it.
    cols: &'a [Option<usize>],
}

impl RowValues<'_> {
    /// One value per instrument outcome (none for a blank or a column the
    /// file lacks); an invalid value is a problem in `groups`.
    fn read(&self, rec: &ByteRecord, line: u64, groups: &mut ProblemGroups) -> Vec<Option<f64>> {
        let mut values = Vec::with_capacity(self.cols.len());
        for c in self.cols {
            values.push(match c {
                Some(c) => match self.parser.sheet_outcome(&rec[*c], self.semicolon) {
                    Ok(v) => v,
                    Err(m) => {
                        groups.push(Problem {
                            line,
                            column: Some(self.names[*c].clone()),
                            value: Some(shorten(&rec[*c])),
                            message: m,
                            ..Default::default()
                        });
                        None
                    }
                },
                None => None,
            });
        }
        values
    }
}
