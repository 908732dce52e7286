//! CSV: one row per company. Text cells that a spreadsheet would run as a
//! formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with
//! `'`; numbers are written as they are. Undefined or hidden figures are
//! empty cells. Reliability and item tables are in the JSON, table and
//! Markdown outputs.

use std::io::Write;

/// Neutralise a text cell for spreadsheets.
pub fn safe_text(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A figure at full precision, or an empty cell.
pub fn cell(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => v.to_string(),
        _ => String::new(),
    }
}

/// A CSV error as the I/O error it wraps, so that a closed pipe stays a
/// closed pipe (the `From` conversion of the csv crate makes every error
/// `ErrorKind::Other`).
pub(crate) fn io_error(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

pub(crate) fn writer(w: &mut dyn Write) -> csv::Writer<&mut dyn Write> {
    csv::WriterBuilder::new().from_writer(w)
}

mod benchmark;
mod gaps;
mod leaders;
mod score;
pub use benchmark::benchmark;
pub use gaps::gaps;
pub use leaders::leaders;
pub use score::score;

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
        assert_eq!(cell(Some(-1.5)), "-1.5");
        assert_eq!(cell(Some(f64::INFINITY)), "");
    }
}
