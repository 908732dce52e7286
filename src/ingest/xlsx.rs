//! Excel workbooks as inputs: the first sheet of an `.xlsx` file read as
//! displayed and handed to the CSV reader as UTF-8 CSV, so a workbook goes
//! through exactly the checks, dialects and messages of a CSV export
//! (docs/formats.md, "Spreadsheets").
//!
//! A cell's text is what a reader of the sheet sees, not its formatting:
//! a number keeps its full precision, except that a number with a percent
//! format is its value × 100 followed by `%` (0.125 shown as 12.5% is read
//! as `12.5%`, which the value parser reads as 12.5), numbers typed as text
//! stay text (parsed like CSV values), TRUE/FALSE are words, dates are
//! written as dates, and error cells as Excel shows them (`#N/A`). Line
//! numbers in messages are the sheet's row numbers: rows above the first
//! used one are kept as blank lines, and line breaks inside a cell become
//! spaces so that one sheet row stays one line.

use crate::error::{Error, Result};
use calamine::{Data, Reader, Xlsx};
use std::io::{Cursor, Read, Seek};
use std::path::Path;

/// The first bytes of a zip archive (every `.xlsx` file is one).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Does `head` (the first bytes of an input) start a zip archive?
pub fn is_zip(head: &[u8]) -> bool {
    head.starts_with(ZIP_MAGIC)
}

/// Does the file at `path` look like a workbook (an `.xlsx`, `.xlsm` name
/// or a zip archive)? Standard input is never checked here.
pub fn is_workbook(path: &Path) -> bool {
    if path.as_os_str() == "-" {
        return false;
    }
    let by_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    by_name || {
        let mut head = [0u8; 4];
        std::fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok_and(|_| is_zip(&head))
    }
}

/// The first sheet of the workbook in `bytes` (named `name` in messages)
/// as UTF-8 CSV text, one line per sheet row from row 1.
pub fn first_sheet_as_csv(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>> {
    let bad = |what: String| Error::Format {
        file: name.to_string(),
        message: what,
    };
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        bad(format!(
            "is not a readable .xlsx workbook ({e}); save it as .xlsx or export the sheet as CSV UTF-8"
        ))
    })?;
    let Some(sheet) = book.sheet_names().first().cloned() else {
        return Err(bad("the workbook has no sheet".into()));
    };
    let range = book
        .worksheet_range(&sheet)
        .map_err(|e| bad(format!("failed to read sheet \"{sheet}\": {e}")))?;
    let percent = percent_cells(&mut book, &sheet);
    let mut out = Vec::new();
    let Some((top, left)) = range.start() else {
        return Ok(out);
    };
    out.extend(std::iter::repeat_n(b'\n', top as usize));
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    for (i, row) in range.rows().enumerate() {
        let r = top + i as u32;
        let cells = row.iter().enumerate().map(|(j, cell)| {
            let pct = percent(r, left + j as u32);
            one_line(&cell_text(cell, pct))
        });
        let leading = std::iter::repeat_n(String::new(), left as usize);
        w.write_record(leading.chain(cells))
            .map_err(|e| bad(format!("failed to convert sheet \"{sheet}\": {e}")))?;
    }
    w.into_inner()
        .map_err(|e| bad(format!("failed to convert sheet \"{sheet}\": {e}")))
}

/// Which cells of `sheet` have a percent number format, as a lookup by
/// (row, column). A sheet whose styles cannot be read has none.
fn percent_cells<RS: Read + Seek>(book: &mut Xlsx<RS>, sheet: &str) -> impl Fn(u32, u32) -> bool {
    let styles = book.worksheet_style(sheet).ok();
    move |r, c| {
        styles
            .as_ref()
            .and_then(|s| s.get((r, c)))
            .and_then(|st| st.number_format.as_ref())
            .is_some_and(|f| is_percent_format(&f.format_code))
    }
}

/// Is a number format code a percent format? A `%` outside quoted text and
/// escapes in the format's first (positive) section.
pub fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for ch in code.chars() {
        match ch {
            _ if escaped => escaped = false,
            '"' => quoted = !quoted,
            _ if quoted => {}
            '\\' | '_' | '*' => escaped = true,
            ';' => return false,
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// A cell as its text.
fn cell_text(cell: &Data, percent: bool) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) if percent => format!("{}%", *i as f64 * 100.0),
        Data::Int(i) => i.to_string(),
        Data::Float(x) if percent => format!("{}%", percent_text(*x)),
        Data::Float(x) => x.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => d.to_string(),
        Data::Error(e) => e.to_string(),
    }
}

/// A percent cell's value × 100 in decimal: the shortest decimal that reads
/// back as the stored number, its point moved two places (0.07 is `7`,
/// not the 7.000000000000001 of a binary multiplication; -0.018 is `-1.8`).
fn percent_text(x: f64) -> String {
    let text = x.to_string(); // shortest round-trip decimal, never exponent form
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let frac = format!("{frac:0<2}");
    let whole = format!("{int}{}", &frac[..2]);
    let whole = whole.trim_start_matches('0');
    let rest = frac[2..].trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    if rest.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{rest}")
    }
}

/// Line breaks inside a cell as spaces: one sheet row, one line.
fn one_line(s: &str) -> String {
    if s.contains(['\n', '\r']) {
        s.replace("\r\n", " ").replace(['\n', '\r'], " ")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_recognised() {
        assert!(is_percent_format("0%"));
        assert!(is_percent_format("0.00%"));
        assert!(is_percent_format("#,##0.0%;[Red]-#,##0.0%"));
        assert!(!is_percent_format("General"));
        assert!(!is_percent_format("0.00\"%\""));
        assert!(!is_percent_format("0.00\\%"));
        assert!(!is_percent_format("0;-0%"));
    }

    #[test]
    fn numbers_are_written_at_full_precision_and_percents_times_100() {
        assert_eq!(cell_text(&Data::Float(0.125), true), "12.5%");
        assert_eq!(cell_text(&Data::Float(0.07), true), "7%");
        assert_eq!(cell_text(&Data::Float(-0.018), true), "-1.8%");
        assert_eq!(cell_text(&Data::Float(1001.0), false), "1001");
        assert_eq!(cell_text(&Data::Float(0.3), false), "0.3");
        assert_eq!(
            cell_text(&Data::Float(1.0 / 3.0), false),
            "0.3333333333333333"
        );
        assert_eq!(
            cell_text(&Data::Float(1.0 / 3.0), true),
            "33.33333333333333%"
        );
        assert_eq!(cell_text(&Data::Float(0.0), true), "0%");
        assert_eq!(cell_text(&Data::Float(12.0), true), "1200%");
        assert_eq!(cell_text(&Data::Float(0.0005), true), "0.05%");
        assert_eq!(
            cell_text(&Data::String(" 12,5 % ".into()), false),
            " 12,5 % "
        );
        assert_eq!(cell_text(&Data::Bool(true), false), "TRUE");
    }

    #[test]
    fn a_cell_with_line_breaks_stays_on_its_line() {
        assert_eq!(
            one_line("How well\r\ndo we\nalign?"),
            "How well do we align?"
        );
    }
}
