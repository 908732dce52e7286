//! The `gaps` report as plain-text tables: the two headline sentences, the
//! perception tables, the disconnect table and the company list.

use super::super::fmt::{count, num, plural, wrap};
use super::super::rows::{gaps as g, plain};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::gaps::{fmt_threshold, GapsReport, Perception};
use comfy_table::CellAlignment;
use std::io::{self, Write};

/// Write `text` wrapped to the width.
fn para(w: &mut dyn Write, text: &str, opts: &RenderOptions) -> io::Result<()> {
    for l in wrap(text, opts.width.unwrap_or(100) as usize, "") {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

fn add(tab: &mut comfy_table::Table, rows: Vec<Vec<String>>) {
    for r in rows {
        tab.add_row(r);
    }
}

fn perception_tables(p: &Perception, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    if let Some(q) = &p.quadrants {
        writeln!(w)?;
        para(
            w,
            &format!(
                "Perceived alignment × outcomes ({} with a perception index and an outcome composite; median composite {})",
                plural(q.n as u64, "company", "companies"),
                num(q.median_composite, 3)
            ),
            opts,
        )?;
        let t = g::quadrants(p, q);
        let mut tab = new_table(t.header, opts);
        add(&mut tab, t.rows);
        writeln!(w, "{}", render(&mut tab, opts))?;

        writeln!(w)?;
        writeln!(
            w,
            "Correlation with the outcome composite (Spearman ρ, Fisher-z 95% CI)"
        )?;
        let t = g::correlations(p);
        let mut tab = new_table(t.header, opts);
        add(&mut tab, t.rows);
        writeln!(w, "{}", render(&mut tab, opts))?;
    }

    let m = &p.measured;
    writeln!(w)?;
    para(
        w,
        &format!(
            "Perceived vs measured alignment ({} with both indexes; measured aligned = alignment index ≥ {})",
            plural(m.n as u64, "company", "companies"),
            fmt_threshold(p.perceived_threshold)
        ),
        opts,
    )?;
    let t = g::measured(p, m);
    let mut tab = new_table(t.header, opts);
    add(&mut tab, t.rows);
    writeln!(w, "{}", render(&mut tab, opts))?;
    para(w, &g::measured_sentence(m, false), opts)
}

/// The `gaps` report as tables.
pub fn gaps(m: &GapsReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "Perception vs reality and the sales–marketing disconnect, {} ({} respondents)",
        plural(m.input.companies as u64, "company", "companies"),
        count(m.input.rows_scored)
    )?;
    writeln!(w)?;
    for h in [&m.headlines.perception, &m.headlines.disconnect]
        .into_iter()
        .flatten()
    {
        para(w, h, opts)?;
    }
    for n in &m.notes {
        para(w, &format!("Note: {n}"), opts)?;
    }

    if let Some(p) = &m.perception {
        perception_tables(p, opts, w)?;
    }

    if m.has_disconnect() {
        writeln!(w)?;
        let roles: Vec<String> = m
            .n_by_role
            .iter()
            .map(|(r, n)| format!("{} {r}", count(*n)))
            .collect();
        para(
            w,
            &format!(
                "Sales vs marketing disconnect: % agreeing (top-2-box, as worded), respondents pooled ({}); gap = marketing − sales in points, widest first; (R) reverse-worded",
                roles.join(", ")
            ),
            opts,
        )?;
        let t = g::disconnect(m, plain, false);
        let mut tab = new_table(t.header, opts);
        if let Some(c) = tab.column_mut(1) {
            c.set_cell_alignment(CellAlignment::Left);
        }
        add(&mut tab, t.rows);
        writeln!(w, "{}", render(&mut tab, opts))?;
    }

    if m.perception.is_some() {
        writeln!(w)?;
        writeln!(
            w,
            "Companies, most overconfident first (overconfidence = perception index − alignment index)"
        )?;
        let t = g::companies(m, plain);
        let mut tab = new_table(t.header, opts);
        add(&mut tab, t.rows);
        writeln!(w, "{}", render(&mut tab, opts))?;
        if let Some(s) = g::hidden_sentence(m) {
            para(w, &s, opts)?;
        }
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)
}
