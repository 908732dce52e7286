//! Company outcome values: from the `--outcomes` file when it has the
//! company (that file wins for the columns it has), otherwise the mean of
//! the company's respondents' values; with warnings naming the companies
//! found in one source and not the other and the columns the file lacks.

use super::{list, Source};
use crate::accumulate::Accumulator;
use crate::analysis::finite;
use crate::ingest::outcomes::OutcomeTable;
use crate::instrument::Instrument;
use std::collections::HashMap;

/// Company outcome values from the responses and, when given, the outcomes file.
pub fn company_values(
    inst: &Instrument,
    acc: &Accumulator,
    file: Option<&OutcomeTable>,
    warnings: &mut Vec<String>,
) -> Vec<(Vec<Option<f64>>, Source)> {
    let Some(table) = file else {
        return (0..acc.ids.len())
            .map(|i| with_source(from_responses(acc, i)))
            .collect();
    };
    let index = table.index();
    let mut not_in_file = Vec::new();
    let mut out = Vec::with_capacity(acc.ids.len());
    for (i, id) in acc.ids.iter().enumerate() {
        match index.get(id.as_ref()) {
            Some(&r) => out.push((from_file(acc, table, r, i), Source::File)),
            None => {
                not_in_file.push(id.as_ref());
                out.push(with_source(from_responses(acc, i)));
            }
        }
    }
    warnings.extend(not_in_file_warning(table, &not_in_file));
    warnings.extend(not_in_responses_warning(acc, table));
    warnings.extend(missing_column_warnings(inst, table));
    out
}

/// Company `i`'s outcome values from its respondents: per outcome the mean
/// of their non-missing values (`None` when there are none).
fn from_responses(acc: &Accumulator, i: usize) -> Vec<Option<f64>> {
    let c = &acc.companies[i];
    (0..acc.plan.n_outcomes)
        .map(|j| c.outcome(&acc.plan, j))
        .map(|(n, s)| (n > 0).then(|| s / n as f64).and_then(finite))
        .collect()
}

/// Values from the responses with their source: [`Source::None`] when
/// there is not a single value.
fn with_source(v: Vec<Option<f64>>) -> (Vec<Option<f64>>, Source) {
    let src = if v.iter().any(|x| x.is_some()) {
        Source::Responses
    } else {
        Source::None
    };
    (v, src)
}

/// Company `i`'s values from row `r` of the outcomes file: the file wins
/// for the outcomes it has a column for; the others still come from the
/// responses.
fn from_file(acc: &Accumulator, table: &OutcomeTable, r: usize, i: usize) -> Vec<Option<f64>> {
    let mut v = table.rows[r].2.clone();
    if table.has_column.iter().any(|h| !h) {
        let resp = from_responses(acc, i);
        for (j, x) in v.iter_mut().enumerate() {
            if !table.has_column[j] {
                *x = resp[j];
            }
        }
    }
    v
}

/// The warning naming the companies of the responses that the outcomes
/// file does not have, if any.
fn not_in_file_warning(table: &OutcomeTable, not_in_file: &[&str]) -> Option<String> {
    if not_in_file.is_empty() {
        return None;
    }
    Some(format!(
        "{} compan{} in the responses {} not in {}: {}; {} outcomes come from the responses where they have any",
        not_in_file.len(),
        if not_in_file.len() == 1 { "y" } else { "ies" },
        if not_in_file.len() == 1 { "is" } else { "are" },
        table.file,
        list(not_in_file),
        if not_in_file.len() == 1 { "its" } else { "their" },
    ))
}

/// The warning naming the companies of the outcomes file that have no
/// respondents (each with the closest id in the responses), if any.
fn not_in_responses_warning(acc: &Accumulator, table: &OutcomeTable) -> Option<String> {
    let known: HashMap<&str, ()> = acc.ids.iter().map(|s| (s.as_ref(), ())).collect();
    let extra: Vec<String> = table
        .rows
        .iter()
        .filter(|r| !known.contains_key(r.0.as_str()))
        .map(|r| {
            let near = crate::ingest::aliases::closest(&r.0, acc.ids.iter().map(|s| s.as_ref()));
            match near {
                Some(n) => format!("{} (closest in the responses: \"{n}\")", r.0),
                None => r.0.clone(),
            }
        })
        .collect();
    let extra: Vec<&str> = extra.iter().map(String::as_str).collect();
    if extra.is_empty() {
        return None;
    }
    Some(format!(
        "{} compan{} in {} {} no respondents in the responses and {} left out: {}",
        extra.len(),
        if extra.len() == 1 { "y" } else { "ies" },
        table.file,
        if extra.len() == 1 { "has" } else { "have" },
        if extra.len() == 1 { "is" } else { "are" },
        list(&extra),
    ))
}

/// One warning per instrument outcome the outcomes file has no column for.
fn missing_column_warnings(inst: &Instrument, table: &OutcomeTable) -> Vec<String> {
    inst.outcomes
        .iter()
        .enumerate()
        .filter(|(j, _)| !table.has_column[*j])
        .map(|(_, o)| {
            format!(
                "{} has no column \"{}\" (outcome {}); its values come from the responses where they have any",
                table.file, o.column, o.id
            )
        })
        .collect()
}
