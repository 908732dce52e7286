//! The `score` report as Markdown.

use super::super::fmt::count;
use super::super::rows;
use super::super::RenderOptions;
use super::{esc, table};
use crate::analysis::score::ScoreReport;
use std::io::{self, Write};

/// The `score` report as Markdown.
pub fn score(m: &ScoreReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# Alignment scores\n")?;
    writeln!(
        w,
        "{} companies, {} respondents. Scores are 0–100 indexes; best first.\n",
        count(m.input.companies as u64),
        count(m.input.rows_scored)
    )?;
    let header = rows::company_header(m, esc, "Alignment index");
    let body: Vec<Vec<String>> = m
        .companies
        .iter()
        .flat_map(|c| rows::company_rows(m, c, opts.by_role, esc, "gap (marketing − sales)"))
        .collect();
    table(w, &header, &body)?;

    writeln!(w, "## Reliability and agreement\n")?;
    table(
        w,
        &rows::reliability_header(),
        &rows::reliability_rows(m, esc),
    )?;

    writeln!(w, "## Items\n")?;
    writeln!(
        w,
        "Pooled over all respondents; (R) marks reverse-worded items, reverse-coded.\n"
    )?;
    table(w, &rows::item_header(true), &rows::item_rows(m, esc, true))?;

    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)
}
