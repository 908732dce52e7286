//! The `gaps` report as Markdown: the same sections as the tables, with the
//! text of each statement in the disconnect table.

use super::super::fmt::{count, interval, num, plural, pval, share_cell, signed, NONE};
use super::super::RenderOptions;
use super::{esc, table};
use crate::analysis::gaps::{fmt_threshold, Cell, GapsReport, Perception};
use std::io::{self, Write};

fn sum(a: &Cell, b: &Cell) -> Cell {
    Cell {
        n: a.n + b.n,
        share: a.share.zip(b.share).map(|(x, y)| x + y),
    }
}

/// A pipe table whose first `left` columns are left-aligned, the rest right.
fn table_left(
    w: &mut dyn Write,
    header: &[String],
    left: usize,
    rows: &[Vec<String>],
) -> io::Result<()> {
    writeln!(w, "| {} |", header.join(" | "))?;
    let aligns: Vec<&str> = (0..header.len())
        .map(|i| if i < left { ":---" } else { "---:" })
        .collect();
    writeln!(w, "| {} |", aligns.join(" | "))?;
    for r in rows {
        writeln!(w, "| {} |", r.join(" | "))?;
    }
    writeln!(w)
}

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => NONE.into(),
    }
}

fn perception_sections(p: &Perception, w: &mut dyn Write) -> io::Result<()> {
    let t = fmt_threshold(p.perceived_threshold);
    if let Some(q) = &p.quadrants {
        writeln!(w, "## Perceived alignment × outcomes\n")?;
        writeln!(
            w,
            "{} with a perception index and an outcome composite; median composite {}. \"Below\" means at or below the median.\n",
            plural(q.n as u64, "company", "companies"),
            num(q.median_composite, 3)
        )?;
        let header: Vec<String> = [
            "Perceived aligned",
            "Above median",
            "At or below median",
            "Total",
        ]
        .map(String::from)
        .to_vec();
        let (aa, ab) = (
            &q.perceived_aligned_above_median,
            &q.perceived_aligned_below_median,
        );
        let (na, nb) = (
            &q.not_perceived_aligned_above_median,
            &q.not_perceived_aligned_below_median,
        );
        let rows = vec![
            vec![
                format!("yes (index ≥ {t})"),
                share_cell(aa),
                share_cell(ab),
                share_cell(&sum(aa, ab)),
            ],
            vec![
                "no".into(),
                share_cell(na),
                share_cell(nb),
                share_cell(&sum(na, nb)),
            ],
            vec![
                "total".into(),
                share_cell(&sum(aa, na)),
                share_cell(&sum(ab, nb)),
                count(q.n as u64),
            ],
        ];
        table(w, &header, &rows)?;

        writeln!(w, "## Correlation with the outcome composite\n")?;
        writeln!(w, "Spearman ρ with a Fisher-z 95% CI.\n")?;
        let header: Vec<String> = ["Index", "Companies", "ρ", "95% CI", "p"]
            .map(String::from)
            .to_vec();
        let rows = vec![
            vec![
                "Perception index".into(),
                count(p.n_perception_outcome as u64),
                num(p.rho_perception_outcome, 3),
                interval(p.rho_perception_outcome_ci95, 3),
                pval(p.rho_perception_outcome_p),
            ],
            vec![
                "Alignment index (measured)".into(),
                count(p.n_alignment_outcome as u64),
                num(p.rho_alignment_outcome, 3),
                interval(p.rho_alignment_outcome_ci95, 3),
                pval(p.rho_alignment_outcome_p),
            ],
        ];
        table(w, &header, &rows)?;
    }

    let m = &p.measured;
    writeln!(w, "## Perceived vs measured alignment\n")?;
    writeln!(
        w,
        "{} with both indexes; measured aligned = alignment index ≥ {t}.\n",
        plural(m.n as u64, "company", "companies")
    )?;
    let header: Vec<String> = [
        "Perceived aligned",
        "Measured aligned",
        "Not measured aligned",
        "Total",
    ]
    .map(String::from)
    .to_vec();
    let (yy, yn) = (
        &m.perceived_and_measured_aligned,
        &m.perceived_not_measured_aligned,
    );
    let (ny, nn) = (&m.measured_not_perceived_aligned, &m.neither);
    let rows = vec![
        vec![
            format!("yes (index ≥ {t})"),
            share_cell(yy),
            share_cell(yn),
            share_cell(&sum(yy, yn)),
        ],
        vec![
            "no".into(),
            share_cell(ny),
            share_cell(nn),
            share_cell(&sum(ny, nn)),
        ],
    ];
    table(w, &header, &rows)?;
    writeln!(
        w,
        "Spearman ρ of perception with the alignment index: {} {} (p {}). Overconfidence (perception − alignment index): mean {}, median {} points.\n",
        num(m.rho_perception_alignment, 3),
        interval(m.rho_perception_alignment_ci95, 3),
        pval(m.rho_perception_alignment_p),
        signed(m.mean_overconfidence, 1),
        signed(m.median_overconfidence, 1),
    )
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
        let header: Vec<String> = [
            "Item",
            "Kind",
            "Text",
            "Sales %",
            "Marketing %",
            "Gap",
            "p",
            "q",
            "Both %",
        ]
        .map(String::from)
        .to_vec();
        let rows: Vec<Vec<String>> = m
            .disconnect
            .iter()
            .map(|r| {
                vec![
                    format!("{}{}", esc(&r.item), if r.reverse { " (R)" } else { "" }),
                    r.kind.label().to_string(),
                    esc(&r.text),
                    num(r.pct_sales, 1),
                    num(r.pct_marketing, 1),
                    signed(r.gap_pp, 1),
                    pval(r.p),
                    pval(r.q),
                    num(r.pct_both, 1),
                ]
            })
            .collect();
        table_left(w, &header, 3, &rows)?;
    }

    if m.perception.is_some() {
        writeln!(w, "## Companies\n")?;
        writeln!(
            w,
            "Most overconfident first; overconfidence = perception index − alignment index.\n"
        )?;
        let header: Vec<String> = [
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
        .to_vec();
        let rows: Vec<Vec<String>> = m
            .companies
            .iter()
            .filter(|c| !c.suppressed)
            .map(|c| {
                vec![
                    esc(&c.company_id),
                    count(c.n),
                    num(c.perception_index, 1),
                    num(c.alignment_index, 1),
                    signed(c.overconfidence, 1),
                    yes_no(c.perceived_aligned),
                    num(c.composite, 3),
                    yes_no(c.above_median),
                ]
            })
            .collect();
        table(w, &header, &rows)?;
        if m.hidden.companies > 0 {
            writeln!(
                w,
                "{} with fewer than {} respondents {} not listed; {} still count{} in the tables and correlations above.\n",
                plural(m.hidden.companies as u64, "company", "companies"),
                m.hidden.threshold,
                if m.hidden.companies == 1 { "is" } else { "are" },
                if m.hidden.companies == 1 { "it" } else { "they" },
                if m.hidden.companies == 1 { "s" } else { "" },
            )?;
        }
    }

    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)?;
    Ok(())
}
