//! The `gaps` report as Markdown: the same sections as the tables, with the
//! text of each statement in the disconnect table.

use super::super::fmt::{count, num, plural};
use super::super::rows::{self, gaps as g};
use super::super::RenderOptions;
use super::{esc, table};
use crate::analysis::gaps::{fmt_threshold, GapsReport, Perception};
use std::io::{self, Write};

/// A pipe table whose first `left` columns are left-aligned, the rest right.
fn table_left(w: &mut dyn Write, t: &rows::Rows, left: usize) -> io::Result<()> {
    writeln!(w, "| {} |", t.header.join(" | "))?;
    let aligns: Vec<&str> = (0..t.header.len())
        .map(|i| if i < left { ":---" } else { "---:" })
        .collect();
    writeln!(w, "| {} |", aligns.join(" | "))?;
    for r in &t.rows {
        writeln!(w, "| {} |", r.join(" | "))?;
    }
    writeln!(w)
}

fn perception_sections(p: &Perception, w: &mut dyn Write) -> io::Result<()> {
    if let Some(q) = &p.quadrants {
        writeln!(w, "## Perceived alignment × outcomes\n")?;
        writeln!(
            w,
            "{} with a perception index and an outcome composite; median composite {}. \"Below\" means at or below the median.\n",
            plural(q.n as u64, "company", "companies"),
            num(q.median_composite, 3)
        )?;
        let t = g::quadrants(p, q);
        table(w, &t.header, &t.rows)?;

        writeln!(w, "## Correlation with the outcome composite\n")?;
        writeln!(w, "Spearman ρ with a Fisher-z 95% CI.\n")?;
        let t = g::correlations(p);
        table(w, &t.header, &t.rows)?;
    }

    let m = &p.measured;
    writeln!(w, "## Perceived vs measured alignment\n")?;
    writeln!(
        w,
        "{} with both indexes; measured aligned = alignment index ≥ {}.\n",
        plural(m.n as u64, "company", "companies"),
        fmt_threshold(p.perceived_threshold)
    )?;
    let t = g::measured(p, m);
    table(w, &t.header, &t.rows)?;
    // The sentence is ours, not the input's: nothing in it needs escaping.
    writeln!(w, "{}\n", g::measured_sentence(m, true))
}

/// The `gaps` report as Markdown.
pub fn gaps(m: &GapsReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "# Perception vs reality and the sales–marketing disconnect\n"
    )?;
    writeln!(
        w,
        "{}, {} respondents.\n",
        plural(m.input.companies as u64, "company", "companies"),
        count(m.input.rows_scored)
    )?;
    for h in [&m.headlines.perception, &m.headlines.disconnect]
        .into_iter()
        .flatten()
    {
        writeln!(w, "**{}**\n", esc(h))?;
    }
    for n in &m.notes {
        writeln!(w, "> Note: {}\n", esc(n))?;
    }

    if let Some(p) = &m.perception {
        perception_sections(p, w)?;
    }

    if m.has_disconnect() {
        writeln!(w, "## Sales vs marketing disconnect\n")?;
        let roles: Vec<String> = m
            .n_by_role
            .iter()
            .map(|(r, n)| format!("{} {r}", count(*n)))
            .collect();
        writeln!(
            w,
            "% agreeing (top-2-box, as worded), respondents pooled ({}). Gap = marketing − sales in points, widest first; p from the two-proportion z test, q by Benjamini–Hochberg; the both role is shown, not tested. (R) marks reverse-worded items.\n",
            roles.join(", ")
        )?;
        table_left(w, &g::disconnect(m, esc, true), 3)?;
    }

    if m.perception.is_some() {
        writeln!(w, "## Companies\n")?;
        writeln!(
            w,
            "Most overconfident first; overconfidence = perception index − alignment index.\n"
        )?;
        let t = g::companies(m, esc);
        table(w, &t.header, &t.rows)?;
        if let Some(s) = g::hidden_sentence(m) {
            writeln!(w, "{s}\n")?;
        }
    }

    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)
}
