//! Mapping the header row to the instrument's columns, and recognising the
//! extra header rows of Qualtrics exports.

use super::values::{Answer, ValueParser};
use crate::instrument::Instrument;
use csv::ByteRecord;

/// Where each column the instrument needs sits in a row.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    pub names: Vec<String>,
    pub company: usize,
    pub respondent: Option<usize>,
    pub role: Option<usize>,
    pub finished: Option<usize>,
    /// Items, then perception items, then statements, in instrument order.
    pub scale: Vec<usize>,
    /// One per instrument outcome; `None` when the file lacks the column.
    pub outcomes: Vec<Option<usize>>,
}

/// The scale columns of an instrument, in the order the rest of the crate
/// uses: items, perception items, statements. Each entry is (id, column).
pub fn scale_columns(inst: &Instrument) -> Vec<(&str, &str)> {
    inst.items
        .iter()
        .map(|i| (i.id.as_str(), i.column.as_str()))
        .chain(
            inst.perception
                .iter()
                .map(|q| (q.id.as_str(), q.column.as_str())),
        )
        .chain(
            inst.statements
                .iter()
                .map(|q| (q.id.as_str(), q.column.as_str())),
        )
        .collect()
}

/// Header names, trimmed, with a stray BOM removed.
pub fn header_names(rec: &ByteRecord) -> Vec<String> {
    rec.iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect()
}

/// Find a column: an exact match first, then a case-insensitive one (which
/// must be the only one).
fn find(names: &[String], col: &str) -> Result<Option<usize>, String> {
    let exact: Vec<usize> = (0..names.len()).filter(|&i| names[i] == col).collect();
    if !exact.is_empty() {
        return one(col, exact);
    }
    let hits: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].eq_ignore_ascii_case(col))
        .collect();
    if hits.len() > 1 {
        let shown: Vec<String> = hits
            .iter()
            .map(|&i| format!("\"{}\" (field {})", names[i], i + 1))
            .collect();
        return Err(format!(
            "column \"{col}\" is not in the header, and {} headers match it when case is ignored: {}; rename the header or the instrument's column so that one matches exactly",
            hits.len(),
            shown.join(", ")
        ));
    }
    one(col, hits)
}

/// The one header of `hits`, or an error naming the repeats.
fn one(col: &str, hits: Vec<usize>) -> Result<Option<usize>, String> {
    match hits.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        many => Err(format!(
            "column \"{col}\" appears {} times in the header (fields {})",
            many.len(),
            many.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// True when the header looks like a Qualtrics export.
pub fn is_qualtrics_header(names: &[String]) -> bool {
    names.iter().any(|n| {
        matches!(
            n.as_str(),
            "ResponseId" | "ResponseID" | "StartDate" | "EndDate" | "ResponseSet" | "V1"
        )
    })
}

/// Map the header to the instrument. Every problem is listed in the error.
/// `qualtrics` allows a `Finished` column to be used when the instrument names none.
pub fn map_columns(
    names: Vec<String>,
    inst: &Instrument,
    qualtrics: bool,
) -> Result<ColumnMap, String> {
    let mut missing = Vec::new();
    let mut dupes = Vec::new();
    // (instrument column, header field) of every column found.
    let mut used: Vec<(String, usize)> = Vec::new();
    let mut need = |col: &str, what: String| -> Option<usize> {
        match find(&names, col) {
            Ok(Some(i)) => {
                used.push((col.to_string(), i));
                Some(i)
            }
            Ok(None) => {
                missing.push(format!("\"{col}\" ({what})"));
                None
            }
            Err(e) => {
                dupes.push(e);
                None
            }
        }
    };
    let company = need(&inst.columns.company, "the company id".into());
    let respondent = inst
        .columns
        .respondent
        .as_deref()
        .map(|c| need(c, "the respondent id".into()));
    let role = inst
        .columns
        .role
        .as_deref()
        .map(|c| need(c, "the respondent's role".into()));
    let finished = inst
        .columns
        .finished
        .as_deref()
        .map(|c| need(c, "the completion flag".into()));
    let scale: Vec<Option<usize>> = scale_columns(inst)
        .into_iter()
        .map(|(id, col)| need(col, format!("question {id}")))
        .collect();
    let mut outcomes = Vec::new();
    for o in &inst.outcomes {
        match find(&names, &o.column) {
            Ok(i) => {
                used.extend(i.map(|i| (o.column.clone(), i)));
                outcomes.push(i)
            }
            Err(e) => {
                dupes.push(e);
                outcomes.push(None);
            }
        }
    }
    dupes.extend(shared_fields(&names, &used));
    if !missing.is_empty() || !dupes.is_empty() {
        let mut parts = Vec::new();
        if !missing.is_empty() {
            let shown: Vec<String> = missing.iter().take(8).cloned().collect();
            let more = if missing.len() > 8 { ", …" } else { "" };
            parts.push(format!(
                "the header lacks {} column{} the instrument \"{}\" needs: {}{more}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                inst.name,
                shown.join(", ")
            ));
            if missing.len() > 8 {
                parts.push(
                    "if the file follows another questionnaire, describe it in an instrument file (`align instrument --init my.json`, edit, then --instrument my.json)"
                        .into(),
                );
            }
        }
        parts.extend(dupes);
        return Err(format!(
            "line 1: {} (header: {})",
            parts.join("; "),
            preview(&names)
        ));
    }
    let finished = match finished {
        Some(f) => f,
        None if qualtrics => find(&names, "Finished").ok().flatten(),
        None => None,
    };
    Ok(ColumnMap {
        company: company.unwrap_or(0),
        respondent: respondent.flatten(),
        role: role.flatten(),
        finished,
        scale: scale.into_iter().map(|c| c.unwrap_or(0)).collect(),
        outcomes,
        names,
    })
}

/// Instrument columns that differ (only in case) but found the same header
/// field: each would silently read the other's answers.
fn shared_fields(names: &[String], used: &[(String, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (a, i)) in used.iter().enumerate() {
        if let Some((b, _)) = used[..k].iter().find(|(b, j)| j == i && b != a) {
            out.push(format!(
                "columns \"{b}\" and \"{a}\" of the instrument both match the header \"{}\" (field {}) when case is ignored; rename the header or the instrument's columns so that each matches one exactly",
                names[*i],
                i + 1
            ));
        }
    }
    out
}

fn preview(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(12).map(|n| format!("\"{n}\"")).collect();
    if names.len() > 12 {
        format!("{}, … {} columns in all", shown.join(", "), names.len())
    } else {
        shown.join(", ")
    }
}

/// A Qualtrics `{"ImportId":…}` row.
pub fn is_import_id_row(rec: &ByteRecord) -> bool {
    rec.iter()
        .any(|f| f.trim_ascii_start().starts_with(b"{\"ImportId\""))
}

/// A question-text row: every scale cell present is non-blank text that is
/// neither an answer nor a missing token (whatever language it is in).
pub fn is_question_text_row(rec: &ByteRecord, map: &ColumnMap, parser: &ValueParser) -> bool {
    let mut seen = 0;
    for &c in &map.scale {
        match rec.get(c) {
            Some(cell) => {
                if cell.trim_ascii().is_empty() {
                    return false;
                }
                if !matches!(parser.answer(cell), Answer::Invalid(_)) {
                    return false;
                }
                seen += 1;
            }
            None => return false,
        }
    }
    seen > 0
}
