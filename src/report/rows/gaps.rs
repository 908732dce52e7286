//! Rows of the `gaps` report: the quadrants, the correlations, perceived vs
//! measured alignment, the disconnect and the company list.

use super::super::fmt::{count, interval, num, pval, share_cell, signed};
use super::{header, yes_no, Escape, Rows};
use crate::analysis::gaps::{fmt_threshold, Cell, GapsReport, Measured, Perception, Quadrants};

fn sum(a: &Cell, b: &Cell) -> Cell {
    Cell {
        n: a.n + b.n,
        share: a.share.zip(b.share).map(|(x, y)| x + y),
    }
}

/// Perceived aligned (yes/no) × outcome composite above the median or not.
pub fn quadrants(p: &Perception, q: &Quadrants) -> Rows {
    let t = fmt_threshold(p.perceived_threshold);
    let (aa, ab) = (
        &q.perceived_aligned_above_median,
        &q.perceived_aligned_below_median,
    );
    let (na, nb) = (
        &q.not_perceived_aligned_above_median,
        &q.not_perceived_aligned_below_median,
    );
    Rows {
        header: header(&[
            "Perceived aligned",
            "Above median",
            "At or below median",
            "Total",
        ]),
        rows: vec![
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
        ],
    }
}

/// Spearman ρ of perception and of the alignment index with the composite.
pub fn correlations(p: &Perception) -> Rows {
    Rows {
        header: header(&["Index", "Companies", "ρ", "95% CI", "p"]),
        rows: vec![
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
        ],
    }
}

/// Perceived aligned × measured aligned (alignment index ≥ the threshold).
pub fn measured(p: &Perception, m: &Measured) -> Rows {
    let t = fmt_threshold(p.perceived_threshold);
    let (yy, yn) = (
        &m.perceived_and_measured_aligned,
        &m.perceived_not_measured_aligned,
    );
    let (ny, nn) = (&m.measured_not_perceived_aligned, &m.neither);
    Rows {
        header: header(&[
            "Perceived aligned",
            "Measured aligned",
            "Not measured aligned",
            "Total",
        ]),
        rows: vec![
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
        ],
    }
}

/// The words under the perceived-vs-measured table: two sentences, or one
/// joined by a semicolon.
pub fn measured_sentence(m: &Measured, two_sentences: bool) -> String {
    let sep = if two_sentences {
        ". Overconfidence"
    } else {
        "; overconfidence"
    };
    format!(
        "Spearman ρ of perception with the alignment index: {} {} (p {}){sep} (perception − alignment index): mean {}, median {} points.",
        num(m.rho_perception_alignment, 3),
        interval(m.rho_perception_alignment_ci95, 3),
        pval(m.rho_perception_alignment_p),
        signed(m.mean_overconfidence, 1),
        signed(m.median_overconfidence, 1),
    )
}

/// The disconnect, widest gap first; with `text`, each statement's wording.
pub fn disconnect(m: &GapsReport, esc: Escape, text: bool) -> Rows {
    let mut names = vec!["Item", "Kind"];
    if text {
        names.push("Text");
    }
    names.extend(["Sales %", "Marketing %", "Gap", "p", "q", "Both %"]);
    let rows = m
        .disconnect
        .iter()
        .map(|r| {
            let mut row = vec![
                format!("{}{}", esc(&r.item), if r.reverse { " (R)" } else { "" }),
                r.kind.label().to_string(),
            ];
            if text {
                row.push(esc(&r.text));
            }
            row.extend([
                num(r.pct_sales, 1),
                num(r.pct_marketing, 1),
                signed(r.gap_pp, 1),
                pval(r.p),
                pval(r.q),
                num(r.pct_both, 1),
            ]);
            row
        })
        .collect();
    Rows {
        header: header(&names),
        rows,
    }
}

/// Visible companies, most overconfident first.
pub fn companies(m: &GapsReport, esc: Escape) -> Rows {
    Rows {
        header: header(&[
            "Company",
            "n",
            "Perception index",
            "Alignment index",
            "Overconfidence",
            "Perceived aligned",
            "Outcome composite",
            "Above median",
        ]),
        rows: m
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
            .collect(),
    }
}

/// The line under the company list when companies were hidden.
pub fn hidden_sentence(m: &GapsReport) -> Option<String> {
    let n = m.hidden.companies;
    (n > 0).then(|| {
        format!(
            "{} with fewer than {} respondents {} not listed, nor counted in the tables and correlations above.",
            super::super::fmt::plural(n as u64, "company", "companies"),
            m.hidden.threshold,
            if n == 1 { "is" } else { "are" },
        )
    })
}
