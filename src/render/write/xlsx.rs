//! Any document as an Excel workbook (rust_xlsxwriter): one sheet per data
//! table, then a sheet with the title, headlines, warnings, input accounting
//! and instrument. Figures are numeric cells at full precision, shown
//! through a number format with the decimals the other formats show; the
//! header row is frozen, with an autofilter and column widths to fit. Text
//! is always written as a string cell, never as a formula.
//!
//! The sheet of a table whose rows are made as they are written
//! ([`write_with`]) keeps one row in memory and the rest in a temporary
//! file, and the workbook is zipped into another before it is copied out,
//! so that a list of hundreds of thousands of companies is never held.

use super::super::document::{is_later, Cell, Document, Kind, LaterRows, Table};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::collections::HashMap;
use std::io::{self, Seek, SeekFrom, Write};

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

/// A data table's sheet, written a row at a time: its header, its rows in
/// order, then the frozen header, the autofilter and the column widths
/// (which need every row, so that a sheet written as its rows are made,
/// even to a temporary file, is the same as one written whole).
struct SheetWriter<'t> {
    table: &'t Table,
    widths: Vec<usize>,
    /// The next row to write (0 is the header).
    next: u32,
}

impl<'t> SheetWriter<'t> {
    /// Write `table`'s header row.
    fn header(ws: &mut Worksheet, table: &'t Table) -> Result<SheetWriter<'t>, XlsxError> {
        let bold = Format::new().set_bold();
        let mut widths: Vec<usize> = Vec::new();
        let mut c = 0u16;
        for col in &table.columns {
            for k in &col.keys {
                // One figure per column: its heading; several: their data names.
                let h = if col.keys.len() == 1 { &col.label } else { k };
                ws.write_string_with_format(0, c, h, &bold)?;
                widths.push(h.chars().count());
                c += 1;
            }
        }
        Ok(SheetWriter {
            table,
            widths,
            next: 1,
        })
    }

    /// Write the next rows.
    fn rows(
        &mut self,
        ws: &mut Worksheet,
        formats: &mut Formats,
        rows: &[Vec<Cell>],
    ) -> Result<(), XlsxError> {
        for row in rows {
            let mut c = 0u16;
            for (col, x) in self.table.columns.iter().zip(row) {
                let w = cell(ws, formats, self.next, c, x, col.keys.len())?;
                for (i, w) in w.into_iter().enumerate() {
                    let k = c as usize + i;
                    self.widths[k] = self.widths[k].max(w);
                }
                c += col.keys.len() as u16;
            }
            self.next += 1;
        }
        Ok(())
    }

    /// Freeze the header, filter the rows written, fit the columns.
    fn finish(self, ws: &mut Worksheet) -> Result<(), XlsxError> {
        ws.set_freeze_panes(1, 0)?;
        let ncols = self.widths.len() as u16;
        if ncols > 0 {
            ws.autofilter(0, 0, self.next - 1, ncols - 1)?;
        }
        for (i, w) in self.widths.into_iter().enumerate() {
            ws.set_column_width(i as u16, (w.min(60) + 3) as f64)?;
        }
        Ok(())
    }
}

/// Write a whole table's sheet.
fn sheet(ws: &mut Worksheet, t: &Table, formats: &mut Formats) -> Result<(), XlsxError> {
    let mut w = SheetWriter::header(ws, t)?;
    w.rows(ws, formats, &t.rows)?;
    w.finish(ws)
}

/// Write the sheet of the table whose rows `later` makes, a chunk at a time.
fn later_sheet(
    ws: &mut Worksheet,
    t: &Table,
    later: &dyn LaterRows,
    formats: &mut Formats,
) -> Result<(), XlsxError> {
    let mut w = SheetWriter::header(ws, t)?;
    let mut failed = None;
    later.each_chunk(&mut |chunk| {
        if failed.is_none() {
            failed = w.rows(ws, formats, &chunk).err();
        }
    });
    match failed {
        Some(e) => Err(e),
        None => w.finish(ws),
    }
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

/// The workbook, the rows of the table `later` names made as they are
/// written. Its sheet keeps one row in memory and the rest in a
/// temporary file (rust_xlsxwriter's "low memory" mode: the same cells
/// and shared strings); where no temporary file can be made, it is held
/// like the others.
fn workbook_with(doc: &Document, later: Option<&dyn LaterRows>) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    let mut formats = Formats::default();
    let mut taken: Vec<String> = Vec::new();
    for (i, t) in doc.data_tables().into_iter().enumerate() {
        let name = sheet_name(&t.name, &taken);
        match later.filter(|_| is_later(t, later)) {
            Some(later) => {
                if wb.add_worksheet_with_low_memory().is_err() {
                    wb.add_worksheet();
                }
                let ws = wb.worksheet_from_index(i)?;
                ws.set_name(&name)?;
                later_sheet(ws, t, later, &mut formats)?;
            }
            None => {
                let ws = wb.add_worksheet();
                ws.set_name(&name)?;
                sheet(ws, t, &mut formats)?;
            }
        }
        taken.push(name);
    }
    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(INPUT_SHEET, &taken))?;
    input_sheet(ws, doc)?;
    Ok(wb)
}

/// Write a document as an xlsx workbook.
pub fn write(doc: &Document, w: &mut dyn Write) -> io::Result<()> {
    write_with(doc, None, w)
}

/// Write a document as an xlsx workbook, the rows of the table `later`
/// names made as they are written ([`workbook_with`]).
pub fn write_with(
    doc: &Document,
    later: Option<&dyn LaterRows>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut wb = workbook_with(doc, later).map_err(xlsx_error)?;
    // Zipped into a temporary file and copied out, so that a large
    // workbook's bytes are not held; into memory where no such file can
    // be made.
    match tempfile::tempfile() {
        Ok(mut file) => {
            wb.save_to_writer(&mut file).map_err(xlsx_error)?;
            file.seek(SeekFrom::Start(0))?;
            io::copy(&mut file, w).map(drop)
        }
        Err(_) => w.write_all(&wb.save_to_buffer().map_err(xlsx_error)?),
    }
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
