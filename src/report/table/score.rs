//! The `score` report as plain-text tables.

use super::super::fmt::count;
use super::super::rows::{self, plain};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::score::ScoreReport;
use std::io::{self, Write};

/// The `score` report as tables.
pub fn score(m: &ScoreReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "Alignment scores, {} companies ({} respondents): 0–100 indexes, best first",
        count(m.input.companies as u64),
        count(m.input.rows_scored)
    )?;
    let mut t = new_table(rows::company_header(m, plain, "Index"), opts);
    for c in &m.companies {
        for row in rows::company_rows(m, c, opts.by_role, plain, "gap (M − S)") {
            t.add_row(row);
        }
    }
    writeln!(w, "{}", render(&mut t, opts))?;

    writeln!(w, "\nReliability and agreement")?;
    let mut t = new_table(rows::reliability_header(), opts);
    for row in rows::reliability_rows(m, plain) {
        t.add_row(row);
    }
    writeln!(w, "{}", render(&mut t, opts))?;

    writeln!(
        w,
        "\nItems (pooled over the shown companies; reverse-worded items reverse-coded)"
    )?;
    let mut t = new_table(rows::item_header(false), opts);
    for row in rows::item_rows(m, plain, false) {
        t.add_row(row);
    }
    writeln!(w, "{}", render(&mut t, opts))?;
    if opts.by_role {
        writeln!(w, "\nGap (M − S): marketing minus sales, in index points.")?;
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)
}
