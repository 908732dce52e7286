//! Perception vs reality (docs/methods.md#perception-vs-reality): who *says* sales and
//! marketing are aligned, how those companies perform, and how perception
//! and the measured alignment index each track the outcome composite.
//!
//! Only the shown companies are passed in (docs/methods.md#disclosure-control).
//! Shares are proportions 0–1 (`share_*`); the renderers show them as
//! percentages.

use super::super::finite;
use crate::stats;
use serde::Serialize;

/// Indexes within this distance below the threshold count as reaching it,
/// so an index that is exactly 75 in exact arithmetic is not lost to
/// floating-point rounding (e.g. a mean of thirds).
pub const THRESHOLD_TOLERANCE: f64 = 1e-9;

/// True when `index` reaches `threshold`.
pub fn reaches(index: f64, threshold: f64) -> bool {
    index >= threshold - THRESHOLD_TOLERANCE
}

/// A count and its share of the companies in the table.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Cell {
    /// Companies in the cell.
    pub n: usize,
    /// `n` over the table's companies, 0–1; `null` when the table is empty.
    pub share: Option<f64>,
}

fn cell(n: usize, of: usize) -> Cell {
    Cell {
        n,
        share: (of > 0).then(|| n as f64 / of as f64),
    }
}

/// Perceived aligned × outcome composite strictly above the median or not
/// ("below" means at or below the median).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quadrants {
    /// Companies with a perception index and a composite.
    pub n: usize,
    /// Median composite of every classified company.
    pub median_composite: Option<f64>,
    /// Perceived aligned, composite above the median.
    pub perceived_aligned_above_median: Cell,
    /// Perceived aligned, composite at or below the median.
    pub perceived_aligned_below_median: Cell,
    /// Not perceived aligned, composite above the median.
    pub not_perceived_aligned_above_median: Cell,
    /// Not perceived aligned, composite at or below the median.
    pub not_perceived_aligned_below_median: Cell,
}

/// Perceived aligned × measured aligned (alignment index ≥ the same
/// threshold), over the companies with both indexes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measured {
    /// Companies with both a perception index and an alignment index.
    pub n: usize,
    /// Perceived aligned and measured aligned.
    pub perceived_and_measured_aligned: Cell,
    /// Perceived aligned, alignment index below the threshold.
    pub perceived_not_measured_aligned: Cell,
    /// Alignment index at or above the threshold, not perceived aligned.
    pub measured_not_perceived_aligned: Cell,
    /// Neither perceived nor measured aligned.
    pub neither: Cell,
    /// Of the perceived-aligned companies here, the share whose alignment
    /// index is below the threshold.
    pub share_perceived_not_measured: Option<f64>,
    /// Spearman ρ of the perception index with the alignment index.
    pub rho_perception_alignment: Option<f64>,
    /// Fisher-z 95% CI of that ρ; null when `n ≤ 3` or `|ρ| = 1`.
    pub rho_perception_alignment_ci95: Option<[f64; 2]>,
    /// Two-sided p of that ρ; null when `|ρ| = 1` or `n < 3`.
    pub rho_perception_alignment_p: Option<f64>,
    /// Mean and median of perception index − alignment index.
    pub mean_overconfidence: Option<f64>,
    /// Median of perception index − alignment index, in index points.
    pub median_overconfidence: Option<f64>,
}

/// The perception part of the `gaps` report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Perception {
    /// Perception index (0–100) at or above which a company counts as perceived aligned.
    pub perceived_threshold: f64,
    /// Whether outcome composites were available.
    pub outcomes_available: bool,
    /// Companies behind the shares: those with a perception index and a
    /// composite (without outcomes: every company with a perception index).
    pub n_companies: usize,
    /// Perceived-aligned companies among them.
    pub n_perceived_aligned: usize,
    /// Their share of `n_companies` (0–1); null when there are none.
    pub share_perceived_aligned: Option<f64>,
    /// Perceived-aligned companies at or below the median composite.
    pub n_perceived_below_median: Option<usize>,
    /// Their share of the perceived-aligned companies; `null` without outcomes.
    pub share_perceived_below_median: Option<f64>,
    /// `null` without outcomes.
    pub quadrants: Option<Quadrants>,
    /// Spearman ρ of the perception index with the composite, its Fisher-z
    /// 95% CI, two-sided p and number of companies.
    pub rho_perception_outcome: Option<f64>,
    /// Fisher-z 95% CI of that ρ; null when undefined.
    pub rho_perception_outcome_ci95: Option<[f64; 2]>,
    /// Two-sided p of that ρ; null when undefined.
    pub rho_perception_outcome_p: Option<f64>,
    /// Companies with both a perception index and a composite.
    pub n_perception_outcome: usize,
    /// The same for the alignment index.
    pub rho_alignment_outcome: Option<f64>,
    /// Fisher-z 95% CI of that ρ; null when undefined.
    pub rho_alignment_outcome_ci95: Option<[f64; 2]>,
    /// Two-sided p of that ρ; null when undefined.
    pub rho_alignment_outcome_p: Option<f64>,
    /// Companies with both an alignment index and a composite.
    pub n_alignment_outcome: usize,
    /// Perceived vs measured alignment, with or without outcomes.
    pub measured: Measured,
}

/// One company's figures, in accumulator order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompanyFigures {
    /// The perception index (0–100); `None` when the company has none.
    pub perception: Option<f64>,
    /// The alignment index (0–100); `None` when undefined.
    pub alignment: Option<f64>,
    /// The outcome composite; `None` without outcomes or when unclassified.
    pub composite: Option<f64>,
}

/// Spearman ρ, Fisher-z CI and p over the pairs where both are present,
/// with a warning naming `what` when a figure is undefined.
#[allow(clippy::type_complexity)]
fn correlate(
    pairs: &[(f64, f64)],
    what: &str,
    warnings: &mut Vec<String>,
) -> (Option<f64>, Option<[f64; 2]>, Option<f64>, usize) {
    let n = pairs.len();
    let x: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let y: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    match stats::spearman(&x, &y) {
        None => {
            warnings.push(format!(
                "Spearman ρ of {what} is undefined: {}",
                if n < 2 {
                    format!(
                        "only {n} compan{} with both",
                        if n == 1 { "y" } else { "ies" }
                    )
                } else {
                    "one of the two does not vary across companies".to_string()
                }
            ));
            (None, None, None, n)
        }
        Some(c) => {
            let ci = stats::fisher_z_ci(c.rho, n);
            if ci.is_none() {
                warnings.push(format!(
                    "the 95% CI of ρ of {what} is undefined: {}",
                    if n <= 3 {
                        format!("it needs at least 4 companies, there are {n}")
                    } else {
                        "|ρ| = 1".to_string()
                    }
                ));
            }
            (finite(c.rho), ci, c.p.and_then(finite), n)
        }
    }
}

/// Build the perception part. `outcomes` is `Some(median composite)` when
/// composites are available (each company's composite is in `figures`).
pub fn perception(
    figures: &[CompanyFigures],
    threshold: f64,
    outcomes: Option<Option<f64>>,
    warnings: &mut Vec<String>,
) -> Perception {
    let perceived = |p: f64| reaches(p, threshold);
    let measured = measured(figures, threshold, warnings);
    let Some(median) = outcomes else {
        return without_outcomes(figures, threshold, measured);
    };

    // Quadrants, over companies with a perception index and a composite.
    let pc: Vec<(f64, f64)> = figures
        .iter()
        .filter_map(|f| f.perception.zip(f.composite))
        .collect();
    let q = cross(&pc, perceived, |c| median.is_some_and(|md| c > md));
    let n = pc.len();
    let n_aligned = q[0] + q[1];
    let ac: Vec<(f64, f64)> = figures
        .iter()
        .filter_map(|f| f.alignment.zip(f.composite))
        .collect();
    let (rho_p, ci_p, p_p, n_p) = correlate(
        &pc,
        "the perception index with the outcome composite",
        warnings,
    );
    let (rho_a, ci_a, p_a, n_a) = correlate(
        &ac,
        "the alignment index with the outcome composite",
        warnings,
    );
    Perception {
        perceived_threshold: threshold,
        outcomes_available: true,
        n_companies: n,
        n_perceived_aligned: n_aligned,
        share_perceived_aligned: (n > 0).then(|| n_aligned as f64 / n as f64),
        n_perceived_below_median: Some(q[1]),
        share_perceived_below_median: (n_aligned > 0).then(|| q[1] as f64 / n_aligned as f64),
        quadrants: Some(Quadrants {
            n,
            median_composite: median,
            perceived_aligned_above_median: cell(q[0], n),
            perceived_aligned_below_median: cell(q[1], n),
            not_perceived_aligned_above_median: cell(q[2], n),
            not_perceived_aligned_below_median: cell(q[3], n),
        }),
        rho_perception_outcome: rho_p,
        rho_perception_outcome_ci95: ci_p,
        rho_perception_outcome_p: p_p,
        n_perception_outcome: n_p,
        rho_alignment_outcome: rho_a,
        rho_alignment_outcome_ci95: ci_a,
        rho_alignment_outcome_p: p_a,
        n_alignment_outcome: n_a,
        measured,
    }
}

/// The 2×2 counts of `pairs` by two yes/no tests: [yes-yes, yes-no,
/// no-yes, no-no].
fn cross(pairs: &[(f64, f64)], a: impl Fn(f64) -> bool, b: impl Fn(f64) -> bool) -> [usize; 4] {
    let mut m = [0usize; 4];
    for &(x, y) in pairs {
        let k = match (a(x), b(y)) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        m[k] += 1;
    }
    m
}

/// Perceived vs measured, over companies with both indexes.
fn measured(figures: &[CompanyFigures], threshold: f64, warnings: &mut Vec<String>) -> Measured {
    let both: Vec<(f64, f64)> = figures
        .iter()
        .filter_map(|f| f.perception.zip(f.alignment))
        .collect();
    let reached = |x: f64| reaches(x, threshold);
    let m = cross(&both, reached, reached);
    let over: Vec<f64> = both.iter().map(|(p, a)| p - a).collect();
    let (rho_pa, ci_pa, p_pa, _) = correlate(
        &both,
        "the perception index with the alignment index",
        warnings,
    );
    Measured {
        n: both.len(),
        perceived_and_measured_aligned: cell(m[0], both.len()),
        perceived_not_measured_aligned: cell(m[1], both.len()),
        measured_not_perceived_aligned: cell(m[2], both.len()),
        neither: cell(m[3], both.len()),
        share_perceived_not_measured: (m[0] + m[1] > 0).then(|| m[1] as f64 / (m[0] + m[1]) as f64),
        rho_perception_alignment: rho_pa,
        rho_perception_alignment_ci95: ci_pa,
        rho_perception_alignment_p: p_pa,
        mean_overconfidence: stats::mean(&over).and_then(finite),
        median_overconfidence: stats::median(&over).and_then(finite),
    }
}

/// The perception part without outcome composites: the share perceived
/// aligned and the comparison with the measured index only.
fn without_outcomes(figures: &[CompanyFigures], threshold: f64, measured: Measured) -> Perception {
    let with_p: Vec<f64> = figures.iter().filter_map(|f| f.perception).collect();
    let n_aligned = with_p.iter().filter(|p| reaches(**p, threshold)).count();
    Perception {
        perceived_threshold: threshold,
        outcomes_available: false,
        n_companies: with_p.len(),
        n_perceived_aligned: n_aligned,
        share_perceived_aligned: (!with_p.is_empty())
            .then(|| n_aligned as f64 / with_p.len() as f64),
        n_perceived_below_median: None,
        share_perceived_below_median: None,
        quadrants: None,
        rho_perception_outcome: None,
        rho_perception_outcome_ci95: None,
        rho_perception_outcome_p: None,
        n_perception_outcome: 0,
        rho_alignment_outcome: None,
        rho_alignment_outcome_ci95: None,
        rho_alignment_outcome_p: None,
        n_alignment_outcome: 0,
        measured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(p: f64, a: f64, c: f64) -> CompanyFigures {
        CompanyFigures {
            perception: Some(p),
            alignment: Some(a),
            composite: Some(c),
        }
    }

    #[test]
    fn median_boundary_counts_as_below_and_threshold_as_reached() {
        // Composites 1, 2, 3: the median is 2; the company at 2 is "below".
        let figs = [
            f(75.0, 50.0, 1.0),
            f(74.999_999_999_9, 80.0, 2.0),
            f(90.0, 60.0, 3.0),
        ];
        let mut w = Vec::new();
        let p = perception(&figs, 75.0, Some(Some(2.0)), &mut w);
        let q = p.quadrants.unwrap();
        assert_eq!(q.perceived_aligned_above_median.n, 1);
        assert_eq!(q.perceived_aligned_below_median.n, 2);
        assert_eq!(q.not_perceived_aligned_above_median.n, 0);
        assert_eq!(p.n_perceived_aligned, 3);
        assert_eq!(p.share_perceived_below_median, Some(2.0 / 3.0));
        assert_eq!(p.measured.perceived_and_measured_aligned.n, 1);
        assert_eq!(p.measured.perceived_not_measured_aligned.n, 2);
        // n = 3: ρ defined, its CI is not.
        assert!(p.rho_perception_outcome.is_some());
        assert!(p.rho_perception_outcome_ci95.is_none());
        assert!(
            w.iter().any(|m| m.contains("at least 4 companies")),
            "{w:?}"
        );
    }

    #[test]
    fn without_outcomes_only_the_measured_comparison() {
        let figs = [
            CompanyFigures {
                perception: Some(80.0),
                alignment: None,
                composite: None,
            },
            f(60.0, 70.0, 0.0),
        ];
        let mut w = Vec::new();
        let p = perception(&figs, 75.0, None, &mut w);
        assert_eq!(p.n_companies, 2);
        assert_eq!(p.share_perceived_aligned, Some(0.5));
        assert!(p.quadrants.is_none() && p.share_perceived_below_median.is_none());
        assert_eq!(p.measured.n, 1);
        assert_eq!(p.measured.neither.n, 1);
        assert_eq!(p.measured.share_perceived_not_measured, None);
    }
}
