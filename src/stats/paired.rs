//! Tests of change between two survey waves (docs/methods.md, "Survey
//! waves"): Welch's t from group summaries with the 95% CI of the
//! difference, the paired t test and the Wilcoxon signed-rank test
//! (normal approximation with tie correction, no continuity correction).
//! Undefined results are `None`, never NaN or infinity.

use statrs::distribution::{ContinuousCDF, StudentsT};

use super::descriptive::{all_finite, finite, mean, sample_sd};
use super::inference::{ranks_with_ties, t_two_sided_p, z_two_sided_p, Welch};

/// Count, mean and sample variance of one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moments {
    /// Observations in the group.
    pub n: u64,
    /// Their mean.
    pub mean: f64,
    /// Sample variance (n − 1).
    pub var: f64,
}

/// Welch's t test of mean(a) − mean(b) with the 95% CI of the difference.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WelchDiff {
    /// mean(a) − mean(b).
    pub diff: f64,
    /// diff / SE, with SE = √(var_a/n_a + var_b/n_b).
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p value.
    pub p: f64,
    /// `diff ± t_{0.975, df} · SE`.
    pub ci95: [f64; 2],
}

/// Welch's t test from the summaries of two groups (as
/// `scipy.stats.ttest_ind(a, b, equal_var=False)`), with the CI of
/// mean(a) − mean(b). `None` when a group has n < 2, the standard error is
/// 0, or a figure is not finite.
pub fn welch_moments(a: Moments, b: Moments) -> Option<WelchDiff> {
    if a.n < 2 || b.n < 2 || !all_finite(&[a.mean, a.var, b.mean, b.var]) {
        return None;
    }
    let (na, nb) = (a.n as f64, b.n as f64);
    let (va, vb) = (a.var.max(0.0) / na, b.var.max(0.0) / nb);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let se = se2.sqrt();
    let diff = a.mean - b.mean;
    let t = diff / se;
    let df = se2 * se2 / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    let p = t_two_sided_p(t, df)?;
    let half = t975(df)? * se;
    Some(WelchDiff {
        diff: finite(diff)?,
        t: finite(t)?,
        df: finite(df)?,
        p,
        ci95: [finite(diff - half)?, finite(diff + half)?],
    })
}

/// t_{0.975} with `df` degrees of freedom.
fn t975(df: f64) -> Option<f64> {
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    finite(dist.inverse_cdf(0.975))
}

/// The paired t test of `after − before` (as
/// `scipy.stats.ttest_rel(after, before)`): t, df = n − 1, two-sided p.
/// `None` when the lengths differ, fewer than 2 pairs, or every difference
/// is the same (standard error 0).
pub fn paired_t(after: &[f64], before: &[f64]) -> Option<Welch> {
    if after.len() != before.len() || after.len() < 2 {
        return None;
    }
    let d: Vec<f64> = after.iter().zip(before).map(|(a, b)| a - b).collect();
    let n = d.len() as f64;
    let sd = sample_sd(&d)?;
    let se = sd / n.sqrt();
    if se <= 0.0 || !se.is_finite() {
        return None;
    }
    let t = mean(&d)? / se;
    let df = n - 1.0;
    Some(Welch {
        t: finite(t)?,
        df,
        p: t_two_sided_p(t, df)?,
    })
}

/// Wilcoxon signed-rank test result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wilcoxon {
    /// min(W+, W−): the smaller rank sum of the positive and the negative
    /// differences.
    pub w: f64,
    /// (w − n(n+1)/4) / σ: never positive.
    pub z: f64,
    /// Two-sided p from the normal approximation.
    pub p: f64,
    /// Non-zero differences (the pairs that entered the test).
    pub n: usize,
}

/// The Wilcoxon signed-rank test of `after − before`, as
/// `scipy.stats.wilcoxon(after, before, zero_method="wilcox",
/// correction=False, method="approx")`: zero differences are dropped, the
/// absolute differences ranked (average ranks), and
/// `σ² = (n(n+1)(2n+1) − ½ Σ(t³ − t)) / 24` over the tie groups of the
/// ranks. `None` when the lengths differ, no difference is non-zero, or
/// σ is 0.
pub fn wilcoxon_signed_rank(after: &[f64], before: &[f64]) -> Option<Wilcoxon> {
    if after.len() != before.len() {
        return None;
    }
    let d: Vec<f64> = after
        .iter()
        .zip(before)
        .map(|(a, b)| a - b)
        .filter(|x| *x != 0.0)
        .collect();
    if d.is_empty() || !all_finite(&d) {
        return None;
    }
    let abs: Vec<f64> = d.iter().map(|x| x.abs()).collect();
    let (r, tie_term) = ranks_with_ties(&abs);
    let plus: f64 = d
        .iter()
        .zip(&r)
        .filter(|(x, _)| **x > 0.0)
        .map(|(_, r)| r)
        .sum();
    let minus: f64 = d
        .iter()
        .zip(&r)
        .filter(|(x, _)| **x < 0.0)
        .map(|(_, r)| r)
        .sum();
    let n = d.len() as f64;
    let w = plus.min(minus);
    let mn = n * (n + 1.0) / 4.0;
    let var = (n * (n + 1.0) * (2.0 * n + 1.0) - 0.5 * tie_term) / 24.0;
    if var <= 0.0 {
        return None;
    }
    let z = (w - mn) / var.sqrt();
    Some(Wilcoxon {
        w,
        z: finite(z)?,
        p: z_two_sided_p(z)?,
        n: d.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from scipy 1.17.1: `wilcoxon(after, before, zero_method="wilcox",
    /// correction=False, method="approx")` (statistic, zstatistic, pvalue),
    /// `ttest_rel(after, before)`.
    #[test]
    fn wilcoxon_and_paired_t_match_scipy_with_ties_and_zeros() {
        let before = [10.0, 12.0, 9.0, 14.0, 11.0, 13.0, 8.0, 10.0];
        let after = [12.0, 12.0, 11.0, 13.0, 15.0, 16.0, 8.5, 12.0];
        let w = wilcoxon_signed_rank(&after, &before).unwrap();
        assert_eq!(w.n, 7);
        assert!((w.w - 2.0).abs() < 1e-12);
        assert!((w.z - -2.043015673820997).abs() < 1e-9);
        assert!((w.p - 0.04105088656045887).abs() < 1e-9);
        let t = paired_t(&after, &before).unwrap();
        assert!((t.t - 2.7025616982574414).abs() < 1e-9);
        assert_eq!(t.df, 7.0);
        assert!((t.p - 0.030525674494202758).abs() < 1e-9);
    }

    /// `ttest_ind([50, 60, 55, 70], [40, 45, 52, 48, 41], equal_var=False)`
    /// and its `confidence_interval()` (scipy 1.17.1).
    #[test]
    fn welch_moments_matches_scipy() {
        let a = Moments {
            n: 4,
            mean: 58.75,
            var: 72.91666666666667,
        };
        let b = Moments {
            n: 5,
            mean: 45.2,
            var: 24.7,
        };
        let w = welch_moments(a, b).unwrap();
        assert!((w.t - 2.8150368763455673).abs() < 1e-9);
        assert!((w.df - 4.593288326410288).abs() < 1e-9);
        assert!((w.p - 0.041060610177035425).abs() < 1e-9);
        assert!((w.ci95[0] - 0.83976352757767).abs() < 1e-8);
        assert!((w.ci95[1] - 26.260236472422324).abs() < 1e-8);
    }

    #[test]
    fn paired_t_is_undefined_for_constant_differences() {
        assert!(paired_t(&[2.0, 3.0, 4.0], &[1.0, 2.0, 3.0]).is_none());
        assert!(wilcoxon_signed_rank(&[1.0, 2.0], &[1.0, 2.0]).is_none());
    }

    #[test]
    fn welch_moments_is_undefined_without_spread() {
        let a = Moments {
            n: 3,
            mean: 50.0,
            var: 0.0,
        };
        assert!(welch_moments(a, a).is_none());
        let b = Moments {
            n: 1,
            mean: 50.0,
            var: 4.0,
        };
        assert!(welch_moments(b, a).is_none());
    }
}
