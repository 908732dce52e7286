//! Any document as an Excel workbook (rust_xlsxwriter): one sheet per data
//! table, then a sheet with the title, headlines, warnings, input accounting
//! and instrument. Figures are numeric cells at full precision, shown
//! through a number format with the decimals the other formats show; the
//! header row is frozen, with an autofilter and column widths to fit. Text
//! is always written as a string cell, never as a formula.

use super::super::document::{Cell, Document, Kind, Table};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::io::{self, Write};

/// The name of the sheet with the accounting.
pub const INPUT_SHEET: &str = "input";

fn xlsx_error(e: XlsxError) -> io::Error {
    io::Error::other(format!("failed to build the workbook: {e}"))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique (case aside) among `taken`.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(28)
        .collect();
    let clean = if clean.is_empty() {
        "table".into()
    } else {
        clean
    };
    let mut out = clean.clone();
    let mut k = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&out)) {
        out = format!("{clean}_{k}");
        k += 1;
    }
    out
}

/// Number formats, one per kind of figure.
#[derive(Default)]
struct Formats(HashMap<String, Format>);

impl Formats {
    fn get(&mut self, kind: Kind) -> &Format {
        let code = kind.number_format();
        self.0
            .entry(code.clone())
            .or_insert_with(|| Format::new().set_num_format(code))
    }
}

/// Write one cell's figures from column `col` on; returns the columns used
/// and the widest text, for the column widths.
fn cell(
    ws: &mut Worksheet,
    formats: &mut Formats,
    row: u32,
    col: u16,
    c: &Cell,
    keys: usize,
) -> Result<Vec<usize>, XlsxError> {
    let mut widths = Vec::new();
    match c {
        Cell::Text(s) | Cell::Label { text: s, .. } => {
            ws.write_string(row, col, s)?;
            widths.push(s.chars().count());
        }
        Cell::Hidden => {
            ws.write_string(row, col, "hidden")?;
            widths.push(6);
        }
        Cell::Missing => widths.push(0),
        Cell::Num { value, kind, .. } => {
            ws.write_number_with_format(row, col, *value, formats.get(*kind))?;
            widths.push(
                super::super::document::cell::number(*value, *kind, false, None)
                    .chars()
                    .count(),
            );
        }
        Cell::Combo { values, kind, .. } => {
            for (i, v) in values.iter().enumerate() {
                if let Some(x) = v {
                    ws.write_number_with_format(row, col + i as u16, *x, formats.get(*kind))?;
                }
                widths.push(8);
            }
        }
    }
    widths.resize(keys, 0);
    Ok(widths)
}

fn sheet(ws: &mut Worksheet, t: &Table, formats: &mut Formats) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut widths: Vec<usize> = Vec::new();
    let mut c = 0u16;
    for col in &t.columns {
        for k in &col.keys {
            // One figure per column: its heading; several: their data names.
            let h = if col.keys.len() == 1 { &col.label } else { k };
            ws.write_string_with_format(0, c, h, &bold)?;
            widths.push(h.chars().count());
            c += 1;
        }
    }
    let ncols = c;
    for (r, row) in t.rows.iter().enumerate() {
        let mut c = 0u16;
        for (col, x) in t.columns.iter().zip(row) {
            let w = cell(ws, formats, r as u32 + 1, c, x, col.keys.len())?;
            for (i, w) in w.into_iter().enumerate() {
                let k = c as usize + i;
                widths[k] = widths[k].max(w);
            }
            c += col.keys.len() as u16;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    if ncols > 0 {
        ws.autofilter(0, 0, t.rows.len() as u32, ncols - 1)?;
    }
    for (i, w) in widths.into_iter().enumerate() {
        ws.set_column_width(i as u16, (w.min(60) + 3) as f64)?;
    }
    Ok(())
}

/// The sheet with what the document says besides its tables.
fn input_sheet(ws: &mut Worksheet, doc: &Document) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let mut r = 0u32;
    ws.write_string_with_format(r, 0, &doc.title, &bold)?;
    r += 1;
    let mut lines: Vec<&str> = vec![&doc.subtitle];
    lines.extend(doc.headlines.iter().map(String::as_str));
    for l in lines.into_iter().filter(|l| !l.is_empty()) {
        ws.write_string(r, 0, l)?;
        r += 1;
    }
    if !doc.warnings.is_empty() {
        r += 1;
        ws.write_string_with_format(r, 0, "Warnings", &bold)?;
        r += 1;
        for wmsg in &doc.warnings {
            ws.write_string(r, 0, wmsg)?;
            r += 1;
        }
    }
    r += 1;
    ws.write_string_with_format(r, 0, "Input and instrument", &bold)?;
    r += 1;
    for l in &doc.accounting {
        ws.write_string(r, 0, l.trim_start())?;
        r += 1;
    }
    ws.set_column_width(0, 100)?;
    Ok(())
}

/// The workbook's bytes.
pub fn workbook(doc: &Document) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let mut formats = Formats::default();
    let mut taken: Vec<String> = Vec::new();
    for t in doc.data_tables() {
        let name = sheet_name(&t.name, &taken);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        sheet(ws, t, &mut formats)?;
        taken.push(name);
    }
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(INPUT_SHEET, &taken))?;
    input_sheet(ws, doc)?;
    wb.save_to_buffer()
}

/// Write a document as an xlsx workbook.
pub fn write(doc: &Document, w: &mut dyn Write) -> io::Result<()> {
    w.write_all(&workbook(doc).map_err(xlsx_error)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_short_clean_and_unique() {
        let taken = vec!["Scores".to_string()];
        assert_eq!(sheet_name("scores", &taken), "scores_2");
        assert_eq!(sheet_name("a/b:c", &[]), "a_b_c");
        assert!(sheet_name(&"x".repeat(40), &[]).chars().count() <= 31);
    }
}
