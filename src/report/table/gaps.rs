//! The `gaps` report as plain-text tables: the two headline sentences, the
//! perception tables, the disconnect table and the company list.

use super::super::fmt::{count, interval, num, plural, pval, share_cell, signed, wrap, NONE};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::gaps::{fmt_threshold, Cell, GapsReport, Perception};
use comfy_table::CellAlignment;
use std::io::{self, Write};

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => NONE.into(),
    }
}

/// Write `text` wrapped to the width.
fn para(w: &mut dyn Write, text: &str, opts: &RenderOptions) -> io::Result<()> {
    for l in wrap(text, opts.width.unwrap_or(100) as usize, "") {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

fn perception_tables(p: &Perception, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let t = fmt_threshold(p.perceived_threshold);
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
        let mut tab = new_table(
            [
                "Perceived aligned",
                "Above median",
                "At or below median",
                "Total",
            ]
            .map(String::from)
            .to_vec(),
            opts,
        );
        let total = |a: &Cell, b: &Cell| Cell {
            n: a.n + b.n,
            share: a.share.zip(b.share).map(|(x, y)| x + y),
        };
        let (aa, ab) = (
            &q.perceived_aligned_above_median,
            &q.perceived_aligned_below_median,
        );
        let (na, nb) = (
            &q.not_perceived_aligned_above_median,
            &q.not_perceived_aligned_below_median,
        );
        tab.add_row(vec![
            format!("yes (index ≥ {t})"),
            share_cell(aa),
            share_cell(ab),
            share_cell(&total(aa, ab)),
        ]);
        tab.add_row(vec![
            "no".into(),
            share_cell(na),
            share_cell(nb),
            share_cell(&total(na, nb)),
        ]);
        tab.add_row(vec![
            "total".into(),
            share_cell(&total(aa, na)),
            share_cell(&total(ab, nb)),
            count(q.n as u64),
        ]);
        writeln!(w, "{}", render(&mut tab, opts))?;

        writeln!(w)?;
        writeln!(
            w,
            "Correlation with the outcome composite (Spearman ρ, Fisher-z 95% CI)"
        )?;
        let mut tab = new_table(
            ["Index", "Companies", "ρ", "95% CI", "p"]
                .map(String::from)
                .to_vec(),
            opts,
        );
        tab.add_row(vec![
            "Perception index".into(),
            count(p.n_perception_outcome as u64),
            num(p.rho_perception_outcome, 3),
            interval(p.rho_perception_outcome_ci95, 3),
            pval(p.rho_perception_outcome_p),
        ]);
        tab.add_row(vec![
            "Alignment index (measured)".into(),
            count(p.n_alignment_outcome as u64),
            num(p.rho_alignment_outcome, 3),
            interval(p.rho_alignment_outcome_ci95, 3),
            pval(p.rho_alignment_outcome_p),
        ]);
        writeln!(w, "{}", render(&mut tab, opts))?;
    }

    let m = &p.measured;
    writeln!(w)?;
    para(
        w,
        &format!(
            "Perceived vs measured alignment ({} with both indexes; measured aligned = alignment index ≥ {t})",
            plural(m.n as u64, "company", "companies")
        ),
        opts,
    )?;
    let mut tab = new_table(
        [
            "Perceived aligned",
            "Measured aligned",
            "Not measured aligned",
            "Total",
        ]
        .map(String::from)
        .to_vec(),
        opts,
    );
    let row_total = |a: &Cell, b: &Cell| Cell {
        n: a.n + b.n,
        share: a.share.zip(b.share).map(|(x, y)| x + y),
    };
    let (yy, yn) = (
        &m.perceived_and_measured_aligned,
        &m.perceived_not_measured_aligned,
    );
    let (ny, nn) = (&m.measured_not_perceived_aligned, &m.neither);
    tab.add_row(vec![
        format!("yes (index ≥ {t})"),
        share_cell(yy),
        share_cell(yn),
        share_cell(&row_total(yy, yn)),
    ]);
    tab.add_row(vec![
        "no".into(),
        share_cell(ny),
        share_cell(nn),
        share_cell(&row_total(ny, nn)),
    ]);
    writeln!(w, "{}", render(&mut tab, opts))?;
    para(
        w,
        &format!(
            "Spearman ρ of perception with the alignment index: {} {} (p {}); overconfidence (perception − alignment index): mean {}, median {} points.",
            num(m.rho_perception_alignment, 3),
            interval(m.rho_perception_alignment_ci95, 3),
            pval(m.rho_perception_alignment_p),
            signed(m.mean_overconfidence, 1),
            signed(m.median_overconfidence, 1),
        ),
        opts,
    )
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
        let mut tab = new_table(
            [
                "Item",
                "Kind",
                "Sales %",
                "Marketing %",
                "Gap",
                "p",
                "q",
                "Both %",
            ]
            .map(String::from)
            .to_vec(),
            opts,
        );
        if let Some(c) = tab.column_mut(1) {
            c.set_cell_alignment(CellAlignment::Left);
        }
        for r in &m.disconnect {
            tab.add_row(vec![
                if r.reverse {
                    format!("{} (R)", r.item)
                } else {
                    r.item.clone()
                },
                r.kind.label().to_string(),
                num(r.pct_sales, 1),
                num(r.pct_marketing, 1),
                signed(r.gap_pp, 1),
                pval(r.p),
                pval(r.q),
                num(r.pct_both, 1),
            ]);
        }
        writeln!(w, "{}", render(&mut tab, opts))?;
    }

    if m.perception.is_some() {
        writeln!(w)?;
        writeln!(
            w,
            "Companies, most overconfident first (overconfidence = perception index − alignment index)"
        )?;
        let mut tab = new_table(
            [
                "Company",
                "n",
                "Perception index",
                "Alignment index",
                "Overconfidence",
                "Perceived aligned",
                "Outcome composite",
                "Above median",
            ]
            .map(String::from)
            .to_vec(),
            opts,
        );
        for c in m.companies.iter().filter(|c| !c.suppressed) {
            tab.add_row(vec![
                c.company_id.clone(),
                count(c.n),
                num(c.perception_index, 1),
                num(c.alignment_index, 1),
                signed(c.overconfidence, 1),
                yes_no(c.perceived_aligned),
                num(c.composite, 3),
                yes_no(c.above_median),
            ]);
        }
        writeln!(w, "{}", render(&mut tab, opts))?;
        if m.hidden.companies > 0 {
            para(
                w,
                &format!(
                    "{} with fewer than {} respondents {} not listed; {} still count{} in the tables and correlations above.",
                    plural(m.hidden.companies as u64, "company", "companies"),
                    m.hidden.threshold,
                    if m.hidden.companies == 1 { "is" } else { "are" },
                    if m.hidden.companies == 1 { "it" } else { "they" },
                    if m.hidden.companies == 1 { "s" } else { "" },
                ),
                opts,
            )?;
        }
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)
}
