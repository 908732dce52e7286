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

/// A row's cells as data values, in the order of the table's data names
/// ([`Table::keys`]).
fn values(t: &Table, row: &[super::super::document::Cell], opts: &RenderOptions) -> Vec<String> {
    let mut out = Vec::new();
    for (col, cell) in t.columns.iter().zip(row) {
        let mut values = cell.values(opts.decimals);
        let text = matches!(
            cell,
            super::super::document::Cell::Text(_) | super::super::document::Cell::Label { .. }
        );
        for i in 0..col.keys.len() {
            let v = values.get_mut(i).map(std::mem::take).unwrap_or_default();
            out.push(if text { safe_text(&v) } else { v });
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
    let mut out = Rows::new(keys, w)?;
    for t in &tables {
        let section = stacked.then_some(t.record.as_str());
        out.rows(t, &t.rows, section, opts)?;
    }
    out.finish()
}

/// CSV written a few rows at a time under one header, so that a long
/// table need not be held whole (`score` writes its companies so).
pub struct Rows<'w> {
    out: csv::Writer<&'w mut dyn Write>,
    keys: Vec<String>,
}

impl<'w> Rows<'w> {
    /// Write the header: the data names `keys`.
    pub fn new(keys: Vec<String>, w: &'w mut dyn Write) -> io::Result<Rows<'w>> {
        let mut out = csv::WriterBuilder::new().from_writer(w);
        // Data names can come from the instrument: neutralised like text cells.
        let header: Vec<String> = keys.iter().map(|k| safe_text(k)).collect();
        out.write_record(&header).map_err(io_error)?;
        Ok(Rows { out, keys })
    }

    /// Write `rows` of table `t` (its columns; `section`: the `section`
    /// cell when several tables are written as one).
    pub fn rows(
        &mut self,
        t: &Table,
        rows: &[Vec<super::super::document::Cell>],
        section: Option<&str>,
        opts: &RenderOptions,
    ) -> io::Result<()> {
        // Where each header column's value is among the row's values (the
        // table's data names, then the section): its first data name of
        // that name, if any.
        let mut names = t.keys();
        if section.is_some() {
            names.push("section".into());
        }
        let at: Vec<Option<usize>> = self
            .keys
            .iter()
            .map(|k| names.iter().position(|n| n == k))
            .collect();
        for row in rows {
            let mut values = values(t, row, opts);
            if let Some(s) = section {
                values.push(s.to_string());
            }
            let line = at.iter().map(|p| p.map_or("", |i| values[i].as_str()));
            self.out.write_record(line).map_err(io_error)?;
        }
        Ok(())
    }

    /// Write out what is buffered.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
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
