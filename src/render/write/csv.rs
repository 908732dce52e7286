//! A document's data as CSV: its main table (`--table NAME` picks another;
//! when a document has several main tables they are written as one, with a
//! `section` column saying which a row belongs to and empty cells where a
//! column does not apply). Headers are the columns' data names; figures are
//! rounded as read, without signs, units or separators; hidden and
//! undefined figures are empty cells. Text cells that a spreadsheet would
//! run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are
//! prefixed with `'`.

use super::super::document::{Document, Table};
use super::super::RenderOptions;
use std::io::{self, Write};

/// Neutralise a text cell for spreadsheets.
pub fn safe_text(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A CSV error as the I/O error it wraps, so that a closed pipe stays a
/// closed pipe (the `From` conversion of the csv crate makes every error
/// `ErrorKind::Other`).
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A row's cells as data values, keyed by the column data names.
fn record(
    t: &Table,
    row: &[super::super::document::Cell],
    opts: &RenderOptions,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (col, cell) in t.columns.iter().zip(row) {
        let values = cell.values(opts.decimals);
        let text = matches!(
            cell,
            super::super::document::Cell::Text(_) | super::super::document::Cell::Label { .. }
        );
        for (i, k) in col.keys.iter().enumerate() {
            let v = values.get(i).cloned().unwrap_or_default();
            out.push((k.clone(), if text { safe_text(&v) } else { v }));
        }
    }
    out
}

/// The tables CSV writes: the named one, or the document's main tables.
pub fn chosen<'a>(doc: &'a Document, opts: &RenderOptions) -> Vec<&'a Table> {
    match &opts.table {
        Some(name) => doc
            .data_tables()
            .into_iter()
            .filter(|t| &t.name == name)
            .collect(),
        None => doc.main_tables(),
    }
}

/// Write the chosen tables as CSV.
pub fn write(doc: &Document, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let tables = chosen(doc, opts);
    let stacked = tables.len() > 1;
    let mut keys: Vec<String> = Vec::new();
    if stacked {
        keys.push("section".into());
    }
    for t in &tables {
        for k in t.keys() {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    let mut out = csv::WriterBuilder::new().from_writer(w);
    // Data names can come from the instrument: neutralised like text cells.
    let header: Vec<String> = keys.iter().map(|k| safe_text(k)).collect();
    out.write_record(&header).map_err(io_error)?;
    for t in &tables {
        for row in &t.rows {
            let mut rec = record(t, row, opts);
            if stacked {
                rec.push(("section".into(), t.record.clone()));
            }
            let line: Vec<String> = keys
                .iter()
                .map(|k| {
                    rec.iter()
                        .find(|(key, _)| key == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default()
                })
                .collect();
            out.write_record(&line).map_err(io_error)?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formulas_but_not_plain_text() {
        assert_eq!(safe_text("=1+2"), "'=1+2");
        assert_eq!(safe_text("+A"), "'+A");
        assert_eq!(safe_text("-A"), "'-A");
        assert_eq!(safe_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_text("\tx"), "'\tx");
        assert_eq!(safe_text("Acme"), "Acme");
    }
}
