//! Two-group inference and correlation: group summaries, Welch's t test,
//! Mann–Whitney U (tie-corrected normal approximation), Hedges' g with a 95%
//! CI, Benjamini–Hochberg q-values, Pearson / Spearman correlation with
//! Fisher-z CIs, the pooled two-proportion z test, average ranks, z-scores and
//! percentile ranks. Undefined results are `None`, never NaN or infinity.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal, StudentsT};

use super::descriptive::{all_finite, finite, mean, sample_sd, sample_var};

/// Count, mean and sample sd of one group.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupSummary {
    /// Number of values.
    pub n: usize,
    /// `None` when n = 0.
    pub mean: Option<f64>,
    /// Sample sd (n − 1); `None` when n < 2.
    pub sd: Option<f64>,
}

/// n, mean and sample sd of `xs`.
pub fn summarize(xs: &[f64]) -> GroupSummary {
    GroupSummary {
        n: xs.len(),
        mean: mean(xs),
        sd: sample_sd(xs),
    }
}

/// Welch's unequal-variance t test of mean(a) − mean(b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Welch {
    /// The t statistic.
    pub t: f64,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: f64,
    /// Two-sided p-value.
    pub p: f64,
}

/// Two-sided p-value of a t statistic with `df` degrees of freedom.
pub(crate) fn t_two_sided_p(t: f64, df: f64) -> Option<f64> {
    if !t.is_finite() || !df.is_finite() || df <= 0.0 {
        return None;
    }
    let dist = StudentsT::new(0.0, 1.0, df).ok()?;
    finite((2.0 * dist.sf(t.abs())).clamp(0.0, 1.0))
}

/// Two-sided p-value of a standard-normal z statistic.
pub(super) fn z_two_sided_p(z: f64) -> Option<f64> {
    if !z.is_finite() {
        return None;
    }
    finite((2.0 * Normal::standard().sf(z.abs())).clamp(0.0, 1.0))
}

/// z_{0.975} of the standard normal (≈ 1.959963984540054).
fn z975() -> f64 {
    Normal::standard().inverse_cdf(0.975)
}

/// Welch's t test, as `scipy.stats.ttest_ind(a, b, equal_var=False)`.
/// `None` when either group has n < 2, both variances are 0, or input is
/// non-finite.
pub fn welch(a: &[f64], b: &[f64]) -> Option<Welch> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let (va, vb) = (sample_var(a)? / na, sample_var(b)? / nb);
    let se2 = va + vb;
    if se2 <= 0.0 {
        return None;
    }
    let t = (mean(a)? - mean(b)?) / se2.sqrt();
    let df = se2 * se2 / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
    let p = t_two_sided_p(t, df)?;
    Some(Welch {
        t: finite(t)?,
        df: finite(df)?,
        p,
    })
}

/// Mann–Whitney U test result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MannWhitney {
    /// U statistic of the first group: R₁ − n₁(n₁ + 1)/2 (average ranks).
    pub u: f64,
    /// Two-sided p from the tie-corrected normal approximation with continuity
    /// correction; `None` when every value is tied (zero variance).
    pub p: Option<f64>,
}

/// Mann–Whitney U, as `scipy.stats.mannwhitneyu(a, b, alternative='two-sided',
/// method='asymptotic', use_continuity=True)`: z = (max(U₁, U₂) − n₁n₂/2 − ½)/σ,
/// σ² = n₁n₂/12·((n + 1) − Σ(t³ − t)/(n(n − 1))), p = 2·(1 − Φ(z)) capped at 1.
/// `None` when either group is empty or input is non-finite. (scipy reports
/// p = 1 when all values are tied; here that p is `None`.)
pub fn mann_whitney(a: &[f64], b: &[f64]) -> Option<MannWhitney> {
    if a.is_empty() || b.is_empty() || !all_finite(a) || !all_finite(b) {
        return None;
    }
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let n = n1 + n2;
    let all: Vec<f64> = a.iter().chain(b).copied().collect();
    let (r, tie_term) = ranks_with_ties(&all);
    let r1: f64 = r[..a.len()].iter().sum();
    let u1 = r1 - n1 * (n1 + 1.0) / 2.0;
    let u2 = n1 * n2 - u1;
    let var = n1 * n2 / 12.0 * ((n + 1.0) - tie_term / (n * (n - 1.0)));
    // all tied: Σ(t³ − t) = n³ − n, so var is exactly 0 up to rounding.
    let p = if var > 1e-12 * n1 * n2 * (n + 1.0) / 12.0 {
        let z = (u1.max(u2) - n1 * n2 / 2.0 - 0.5) / var.sqrt();
        finite(z).map(|z| (2.0 * Normal::standard().sf(z)).clamp(0.0, 1.0))
    } else {
        None
    };
    Some(MannWhitney { u: finite(u1)?, p })
}

/// Hedges' g with a 95% CI.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HedgesG {
    /// Hedges' g (bias-corrected standardized mean difference).
    pub g: f64,
    /// Its 95% confidence interval (normal approximation).
    pub ci95: [f64; 2],
}

/// Hedges' g of a vs b: d = (mean_a − mean_b)/pooled sd (n − 1 weights),
/// g = d·(1 − 3/(4(n₁ + n₂) − 9)), SE = sqrt((n₁ + n₂)/(n₁n₂) + g²/(2(n₁ + n₂))),
/// CI = g ± z_{0.975}·SE. `None` when n₁ < 2, n₂ < 2 or the pooled sd is 0.
pub fn hedges_g(a: &[f64], b: &[f64]) -> Option<HedgesG> {
    if a.len() < 2 || b.len() < 2 {
        return None;
    }
    let (n1, n2) = (a.len() as f64, b.len() as f64);
    let pooled_var = ((n1 - 1.0) * sample_var(a)? + (n2 - 1.0) * sample_var(b)?) / (n1 + n2 - 2.0);
    if pooled_var <= 0.0 {
        return None;
    }
    let d = (mean(a)? - mean(b)?) / pooled_var.sqrt();
    let g = finite(d * (1.0 - 3.0 / (4.0 * (n1 + n2) - 9.0)))?;
    let se = ((n1 + n2) / (n1 * n2) + g * g / (2.0 * (n1 + n2))).sqrt();
    let h = z975() * se;
    Some(HedgesG {
        g,
        ci95: [finite(g - h)?, finite(g + h)?],
    })
}

/// Benjamini–Hochberg adjusted p-values (q) over the `Some` entries, returned
/// in input order with `None` kept in place; as
/// `statsmodels.stats.multitest.multipletests(p, method='fdr_bh')[1]` on the
/// non-missing values. Non-finite entries are treated as missing.
pub fn benjamini_hochberg(p: &[Option<f64>]) -> Vec<Option<f64>> {
    let mut idx: Vec<(usize, f64)> = p
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|x| x.is_finite()).map(|x| (i, x)))
        .collect();
    let mut out = vec![None; p.len()];
    let m = idx.len() as f64;
    idx.sort_by(|x, y| x.1.total_cmp(&y.1));
    let mut running = f64::INFINITY;
    for (rank, &(i, pv)) in idx.iter().enumerate().rev() {
        running = running.min(pv * m / (rank + 1) as f64);
        out[i] = Some(running.min(1.0));
    }
    out
}

/// A correlation coefficient with its two-sided p-value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Correlation {
    /// The coefficient.
    pub rho: f64,
    /// `None` when |ρ| = 1 or n < 3.
    pub p: Option<f64>,
    /// Number of pairs.
    pub n: usize,
}

/// Pearson correlation; `None` when lengths differ, n < 2, a variable is
/// constant, or input is non-finite.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 2 || !all_finite(x) || !all_finite(y) {
        return None;
    }
    let n = x.len() as f64;
    // shift by the first pair so constant variables give exactly zero
    let (x0, y0) = (x[0], y[0]);
    let mx = x.iter().map(|v| v - x0).sum::<f64>() / n;
    let my = y.iter().map(|v| v - y0).sum::<f64>() / n;
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        let (dx, dy) = (a - x0 - mx, b - y0 - my);
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    if sxx <= 0.0 || syy <= 0.0 {
        return None;
    }
    finite((sxy / (sxx.sqrt() * syy.sqrt())).clamp(-1.0, 1.0))
}

/// Spearman's ρ (Pearson correlation of average ranks) with the two-sided
/// p-value of t = ρ·sqrt((n − 2)/(1 − ρ²)) on n − 2 df, as
/// `scipy.stats.spearmanr`. `None` when lengths differ, n < 2 or a variable is
/// constant; `p` is `None` when |ρ| = 1 (|ρ| within 1e-12 of 1 is snapped to
/// ±1) or n < 3.
pub fn spearman(x: &[f64], y: &[f64]) -> Option<Correlation> {
    if x.len() != y.len() || x.len() < 2 || !all_finite(x) || !all_finite(y) {
        return None;
    }
    let mut rho = pearson(&ranks(x), &ranks(y))?;
    if 1.0 - rho.abs() < 1e-12 {
        rho = rho.signum();
    }
    let n = x.len();
    let p = if n >= 3 && rho.abs() < 1.0 {
        let df = (n - 2) as f64;
        t_two_sided_p(rho * (df / (1.0 - rho * rho)).sqrt(), df)
    } else {
        None
    };
    Some(Correlation { rho, p, n })
}

/// A Kruskal–Wallis test across groups.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KruskalWallis {
    /// H with the tie correction.
    pub h: f64,
    /// Degrees of freedom: groups − 1.
    pub df: usize,
    /// Upper tail of the chi-square distribution with `df` degrees of freedom.
    pub p: f64,
    /// ε² = H / (n − 1) (Tomczak & Tomczak 2014).
    pub epsilon2: f64,
    /// Values in all groups.
    pub n: usize,
}

/// Kruskal–Wallis H across `groups`, as `scipy.stats.kruskal(*groups)`:
/// the values ranked together (average ranks for ties),
/// H = 12/(n(n + 1))·Σ Rᵢ²/nᵢ − 3(n + 1), divided by the tie correction
/// 1 − Σ(t³ − t)/(n³ − n); p from the chi-square distribution with
/// (groups − 1) degrees of freedom. Empty groups are left out. `None` with
/// fewer than two non-empty groups, non-finite values, or every value tied.
pub fn kruskal_wallis(groups: &[&[f64]]) -> Option<KruskalWallis> {
    let groups: Vec<&[f64]> = groups.iter().copied().filter(|g| !g.is_empty()).collect();
    if groups.len() < 2 || !groups.iter().all(|g| all_finite(g)) {
        return None;
    }
    let all: Vec<f64> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    let n = all.len() as f64;
    let (r, tie_term) = ranks_with_ties(&all);
    let correction = 1.0 - tie_term / (n * n * n - n);
    if correction <= 1e-12 {
        return None;
    }
    let mut at = 0;
    let mut sum = 0.0;
    for g in &groups {
        let rs: f64 = r[at..at + g.len()].iter().sum();
        sum += rs * rs / g.len() as f64;
        at += g.len();
    }
    let h = (12.0 / (n * (n + 1.0)) * sum - 3.0 * (n + 1.0)) / correction;
    let h = finite(h)?.max(0.0);
    let df = groups.len() - 1;
    let p = ChiSquared::new(df as f64).ok()?.sf(h).clamp(0.0, 1.0);
    Some(KruskalWallis {
        h,
        df,
        p: finite(p)?,
        epsilon2: finite(h / (n - 1.0))?,
        n: all.len(),
    })
}

/// Average ranks (1-based; ties get the mean of the ranks they span), as
/// `scipy.stats.rankdata(xs, method='average')`. Ordering uses
/// `f64::total_cmp`; callers should pass finite values.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    ranks_with_ties(xs).0
}

/// Average ranks and the tie term Σ(t³ − t) over tie groups of size t.
pub(super) fn ranks_with_ties(xs: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&i, &j| xs[i].total_cmp(&xs[j]));
    let mut r = vec![0.0; xs.len()];
    let mut tie_term = 0.0;
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && xs[order[end]] == xs[order[start]] {
            end += 1;
        }
        // positions start..end (0-based) share ranks start+1 ..= end
        let avg = (start + 1 + end) as f64 / 2.0;
        for &i in &order[start..end] {
            r[i] = avg;
        }
        let t = (end - start) as f64;
        tie_term += t * t * t - t;
        start = end;
    }
    (r, tie_term)
}

/// Fisher-z 95% CI of a correlation: tanh(atanh(r) ± z_{0.975}/sqrt(n − 3)).
/// `None` if n ≤ 3, |r| ≥ 1 or r is non-finite.
pub fn fisher_z_ci(r: f64, n: usize) -> Option<[f64; 2]> {
    if n <= 3 || !r.is_finite() || r.abs() >= 1.0 {
        return None;
    }
    let z = r.atanh();
    let h = z975() / ((n - 3) as f64).sqrt();
    Some([finite((z - h).tanh())?, finite((z + h).tanh())?])
}

/// Two-sided p of the pooled two-proportion z test of x₁/n₁ vs x₂/n₂, as
/// `statsmodels.stats.proportion.proportions_ztest([x1, x2], [n1, n2])`.
/// `None` when n₁ or n₂ is 0, a count exceeds its n, or the pooled
/// proportion is 0 or 1.
pub fn two_proportion_z(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<f64> {
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let pooled = (x1 + x2) as f64 / (n1 + n2) as f64;
    if pooled <= 0.0 || pooled >= 1.0 {
        return None;
    }
    let (n1, n2) = (n1 as f64, n2 as f64);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    z_two_sided_p((x1 as f64 / n1 - x2 as f64 / n2) / se)
}

/// z-scores (x − mean)/sd with the sample sd; all `None` when n < 2, the sd is
/// 0 or input is non-finite. Computed on the values scaled by a power of two
/// (which z-scores do not depend on), so the whole f64 range works.
pub fn zscores(xs: &[f64]) -> Vec<Option<f64>> {
    let Some(s) = super::descriptive::binary_scale(xs) else {
        return vec![None; xs.len()];
    };
    let xs: Vec<f64> = xs.iter().map(|x| x / s).collect();
    let xs = &xs[..];
    match (mean(xs), sample_sd(xs)) {
        (Some(m), Some(sd)) if sd > 0.0 => xs.iter().map(|x| finite((x - m) / sd)).collect(),
        _ => vec![None; xs.len()],
    }
}

/// Mean percentile rank of each value within `xs`, ties averaged:
/// 100·(#below + ½·#equal)/n, where #equal counts the value itself. This is
/// `scipy.stats.percentileofscore(xs, x, kind='mean')`; values lie in (0, 100).
pub fn percentile_ranks(xs: &[f64]) -> Vec<f64> {
    let mut sorted = xs.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = xs.len() as f64;
    xs.iter()
        .map(|x| {
            let below = sorted.partition_point(|v| v.total_cmp(x).is_lt());
            let upto = sorted.partition_point(|v| v.total_cmp(x).is_le());
            100.0 * (below as f64 + 0.5 * (upto - below) as f64) / n
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::{assert_abs_diff_eq, assert_relative_eq};

    const WA: [f64; 6] = [3.1, 4.2, 5.0, 5.5, 6.1, 2.9];
    const WB: [f64; 8] = [4.8, 5.9, 6.2, 7.1, 6.6, 5.5, 7.4, 6.0];

    #[test]
    fn summary() {
        let s = summarize(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        // numpy: mean 5.0, std(ddof=1) 2.138089935299395
        assert_eq!(s.n, 8);
        assert_abs_diff_eq!(s.mean.unwrap(), 5.0, epsilon = 1e-12);
        assert_abs_diff_eq!(s.sd.unwrap(), 2.138089935299395, epsilon = 1e-12);
        assert_eq!(
            summarize(&[1.0]),
            GroupSummary {
                n: 1,
                mean: Some(1.0),
                sd: None
            }
        );
        assert_eq!(
            summarize(&[]),
            GroupSummary {
                n: 0,
                mean: None,
                sd: None
            }
        );
    }

    #[test]
    fn welch_matches_scipy() {
        // scipy.stats.ttest_ind(WA, WB, equal_var=False)
        //   -> t = -2.830833916786457, p = 0.021854389309188742, df = 8.097459054622
        let w = welch(&WA, &WB).unwrap();
        assert_abs_diff_eq!(w.t, -2.830833916786457, epsilon = 1e-9);
        assert_abs_diff_eq!(w.df, 8.097459054622, epsilon = 1e-9);
        assert_abs_diff_eq!(w.p, 0.021854389309188742, epsilon = 1e-9);
        // scipy.stats.ttest_ind([1,2,3,4], [2.5,2.5,2.5], equal_var=False)
        //   -> t = 0.0, p = 1.0, df = 3.0 (one group constant)
        let w = welch(&[1.0, 2.0, 3.0, 4.0], &[2.5, 2.5, 2.5]).unwrap();
        assert_abs_diff_eq!(w.t, 0.0, epsilon = 1e-12);
        assert_abs_diff_eq!(w.df, 3.0, epsilon = 1e-12);
        assert_abs_diff_eq!(w.p, 1.0, epsilon = 1e-12);
        // tiny p: scipy.stats.ttest_ind([80+0.5i], [60+0.5i], i in 0..40, equal_var=False)
        //   -> t = 15.301841113520119, p = 3.364058613657632e-25, df = 78.0
        let a: Vec<f64> = (0..40).map(|i| 80.0 + 0.5 * i as f64).collect();
        let b: Vec<f64> = (0..40).map(|i| 60.0 + 0.5 * i as f64).collect();
        let w = welch(&a, &b).unwrap();
        assert_abs_diff_eq!(w.t, 15.301841113520119, epsilon = 1e-9);
        assert_abs_diff_eq!(w.df, 78.0, epsilon = 1e-9);
        assert_relative_eq!(w.p, 3.364058613657632e-25, max_relative = 1e-6);
    }

    #[test]
    fn welch_undefined() {
        assert_eq!(welch(&[1.0], &[1.0, 2.0]), None);
        assert_eq!(welch(&[1.0, 2.0], &[]), None);
        assert_eq!(welch(&[0.1, 0.1, 0.1], &[0.3, 0.3]), None);
        assert_eq!(welch(&[1.0, f64::NAN], &[1.0, 2.0]), None);
    }

    #[test]
    fn mann_whitney_with_ties() {
        let a = [1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 4.0, 5.0];
        let b = [2.0, 3.0, 4.0, 4.0, 5.0, 5.0, 5.0, 6.0, 7.0];
        // scipy.stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic',
        //   use_continuity=True) -> U = 14.0, p = 0.03526749526867184
        let m = mann_whitney(&a, &b).unwrap();
        assert_abs_diff_eq!(m.u, 14.0, epsilon = 1e-12);
        assert_abs_diff_eq!(m.p.unwrap(), 0.03526749526867184, epsilon = 1e-9);
        // swapped: scipy -> U = 58.0, same p
        let m = mann_whitney(&b, &a).unwrap();
        assert_abs_diff_eq!(m.u, 58.0, epsilon = 1e-12);
        assert_abs_diff_eq!(m.p.unwrap(), 0.03526749526867184, epsilon = 1e-9);
        // no ties: mannwhitneyu([1.5,3.5,9], [2,4,5,6], ...) -> U = 5.0, p = 0.8596837951986662
        let m = mann_whitney(&[1.5, 3.5, 9.0], &[2.0, 4.0, 5.0, 6.0]).unwrap();
        assert_abs_diff_eq!(m.u, 5.0, epsilon = 1e-12);
        assert_abs_diff_eq!(m.p.unwrap(), 0.8596837951986662, epsilon = 1e-9);
        // U at its mean: mannwhitneyu([1,2], [1,2], ...) -> U = 2.0, p = 1.0 (clipped)
        let m = mann_whitney(&[1.0, 2.0], &[1.0, 2.0]).unwrap();
        assert_abs_diff_eq!(m.u, 2.0, epsilon = 1e-12);
        assert_abs_diff_eq!(m.p.unwrap(), 1.0, epsilon = 1e-12);
    }

    #[test]
    fn mann_whitney_undefined() {
        // all values tied: scipy mannwhitneyu([3,3],[3,3,3], ...) -> U = 3.0 and p = 1.0
        // (from 0/0); the normal approximation has zero variance, so p is None here.
        let m = mann_whitney(&[3.0, 3.0], &[3.0, 3.0, 3.0]).unwrap();
        assert_abs_diff_eq!(m.u, 3.0, epsilon = 1e-12);
        assert_eq!(m.p, None);
        assert_eq!(mann_whitney(&[], &[1.0]), None);
        assert_eq!(mann_whitney(&[1.0], &[]), None);
        assert_eq!(mann_whitney(&[f64::NAN], &[1.0]), None);
        // one value each, different: U = 1 (hand), variance 1·1/12·3 = 0.25 > 0
        let m = mann_whitney(&[2.0], &[1.0]).unwrap();
        assert_abs_diff_eq!(m.u, 1.0, epsilon = 1e-12);
        assert!(m.p.is_some());
    }

    #[test]
    fn hedges_matches_pingouin() {
        // pingouin.compute_effsize(WA, WB, eftype='hedges') -> -1.5243970319185658
        // CI: g ∓ scipy.stats.norm.ppf(0.975)·sqrt((n1+n2)/(n1·n2) + g²/(2(n1+n2)))
        //   -> [-2.7240791791653667, -0.3247148846717651]
        let h = hedges_g(&WA, &WB).unwrap();
        assert_abs_diff_eq!(h.g, -1.5243970319185658, epsilon = 1e-9);
        assert_abs_diff_eq!(h.ci95[0], -2.7240791791653667, epsilon = 1e-9);
        assert_abs_diff_eq!(h.ci95[1], -0.3247148846717651, epsilon = 1e-9);
        // scipy.stats.norm.ppf(0.975) -> 1.959963984540054
        assert_abs_diff_eq!(z975(), 1.959963984540054, epsilon = 1e-12);
        assert_eq!(hedges_g(&[1.0], &WB), None);
        assert_eq!(hedges_g(&WA, &[1.0]), None);
        assert_eq!(hedges_g(&[2.0, 2.0], &[3.0, 3.0, 3.0]), None);
    }

    #[test]
    fn bh_unsorted_with_missing() {
        let p = [
            Some(0.04),
            None,
            Some(0.01),
            Some(0.5),
            Some(0.03),
            None,
            Some(0.005),
            Some(0.04),
            Some(0.9),
        ];
        // statsmodels multipletests([0.04,0.01,0.5,0.03,0.005,0.04,0.9], method='fdr_bh')[1]
        //   -> [0.056, 0.035, 0.5833333333333334, 0.056, 0.035, 0.056, 0.9]
        let want = [
            Some(0.056),
            None,
            Some(0.035),
            Some(0.5833333333333334),
            Some(0.056),
            None,
            Some(0.035),
            Some(0.056),
            Some(0.9),
        ];
        let q = benjamini_hochberg(&p);
        assert_eq!(q.len(), want.len());
        for (got, want) in q.iter().zip(&want) {
            match (got, want) {
                (Some(g), Some(w)) => assert_abs_diff_eq!(*g, *w, epsilon = 1e-12),
                (None, None) => {}
                _ => panic!("mismatch {got:?} vs {want:?}"),
            }
        }
        // multipletests([0.2, 0.9, 0.95], method='fdr_bh')[1] -> [0.6, 0.95, 0.95]
        let q = benjamini_hochberg(&[Some(0.95), Some(0.2), Some(0.9)]);
        assert_abs_diff_eq!(q[0].unwrap(), 0.95, epsilon = 1e-12);
        assert_abs_diff_eq!(q[1].unwrap(), 0.6, epsilon = 1e-12);
        assert_abs_diff_eq!(q[2].unwrap(), 0.95, epsilon = 1e-12);
        assert!(benjamini_hochberg(&[]).is_empty());
        assert_eq!(
            benjamini_hochberg(&[None, Some(f64::NAN)]),
            vec![None, None]
        );
    }

    #[test]
    fn ranks_average_ties() {
        // scipy.stats.rankdata([3.5, -1, 3.5, 2, 3.5, 10]) -> [4, 1, 4, 2, 4, 6]
        assert_eq!(
            ranks(&[3.5, -1.0, 3.5, 2.0, 3.5, 10.0]),
            vec![4.0, 1.0, 4.0, 2.0, 4.0, 6.0]
        );
        assert!(ranks(&[]).is_empty());
    }

    #[test]
    fn spearman_tie_heavy() {
        let x = [1.0, 1.0, 2.0, 2.0, 2.0, 3.0, 3.0, 4.0, 4.0, 5.0];
        let y = [2.0, 1.0, 2.0, 3.0, 3.0, 3.0, 4.0, 4.0, 5.0, 5.0];
        // scipy.stats.rankdata(x) -> [1.5,1.5,4,4,4,6.5,6.5,8.5,8.5,10]
        assert_eq!(
            ranks(&x),
            vec![1.5, 1.5, 4.0, 4.0, 4.0, 6.5, 6.5, 8.5, 8.5, 10.0]
        );
        // scipy.stats.spearmanr(x, y) -> rho = 0.9303797468354431, p = 9.444249941306115e-05
        let c = spearman(&x, &y).unwrap();
        assert_eq!(c.n, 10);
        assert_abs_diff_eq!(c.rho, 0.9303797468354431, epsilon = 1e-12);
        assert_relative_eq!(c.p.unwrap(), 9.444249941306115e-05, max_relative = 1e-7);
    }

    #[test]
    fn pearson_and_spearman_no_ties() {
        let x = [1.2, 2.4, 3.1, 4.8, 5.0, 6.7];
        let y = [2.0, 1.9, 3.5, 3.9, 6.1, 5.5];
        // scipy.stats.pearsonr(x, y)[0] -> 0.8807738778877445
        assert_abs_diff_eq!(
            pearson(&x, &y).unwrap(),
            0.8807738778877445,
            epsilon = 1e-12
        );
        // scipy.stats.spearmanr(x, y) -> rho = 0.8857142857142858, p = 0.01884548104956266
        let c = spearman(&x, &y).unwrap();
        assert_abs_diff_eq!(c.rho, 0.8857142857142858, epsilon = 1e-12);
        assert_abs_diff_eq!(c.p.unwrap(), 0.01884548104956266, epsilon = 1e-9);
        // scipy.stats.spearmanr([1,2,3], [1,3,2]) -> rho = 0.5, p = 0.6666666666666666
        let c = spearman(&[1.0, 2.0, 3.0], &[1.0, 3.0, 2.0]).unwrap();
        assert_abs_diff_eq!(c.rho, 0.5, epsilon = 1e-12);
        assert_abs_diff_eq!(c.p.unwrap(), 0.6666666666666666, epsilon = 1e-9);
    }

    #[test]
    fn correlation_undefined() {
        assert_eq!(pearson(&[1.0, 2.0], &[1.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
        assert_eq!(pearson(&[0.1, 0.1, 0.1], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[2.0, 2.0, 2.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[1.0], &[1.0]), None);
        // perfect monotone relation: rho = -1 exactly, p undefined
        let c = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[9.0, 7.0, 5.0, 3.0, 1.0]).unwrap();
        assert_eq!(c.rho, -1.0);
        assert_eq!(c.p, None);
        // n = 2: rho = ±1, p None
        let c = spearman(&[1.0, 2.0], &[3.0, 4.0]).unwrap();
        assert_eq!((c.rho, c.p, c.n), (1.0, None, 2));
    }

    #[test]
    fn fisher_ci() {
        // np.tanh(np.arctanh(0.45) ∓ scipy.stats.norm.ppf(0.975)/np.sqrt(30 - 3))
        //   -> [0.10709278247377603, 0.6972330057657298]
        //   (pingouin.compute_esci(0.45, nx=30, eftype='r') agrees)
        let ci = fisher_z_ci(0.45, 30).unwrap();
        assert_abs_diff_eq!(ci[0], 0.10709278247377603, epsilon = 1e-12);
        assert_abs_diff_eq!(ci[1], 0.6972330057657298, epsilon = 1e-12);
        // same for r = -0.8, n = 10 -> [-0.9507383861974118, -0.34328844799174635]
        let ci = fisher_z_ci(-0.8, 10).unwrap();
        assert_abs_diff_eq!(ci[0], -0.9507383861974118, epsilon = 1e-12);
        assert_abs_diff_eq!(ci[1], -0.34328844799174635, epsilon = 1e-12);
        assert_eq!(fisher_z_ci(0.5, 3), None);
        assert_eq!(fisher_z_ci(1.0, 30), None);
        assert_eq!(fisher_z_ci(-1.0, 30), None);
        assert_eq!(fisher_z_ci(f64::NAN, 30), None);
    }

    #[test]
    fn two_proportions() {
        // statsmodels proportions_ztest([33, 58], [50, 70]) -> z = -2.1266152181433964,
        //   p = 0.033452067006371974
        assert_abs_diff_eq!(
            two_proportion_z(33, 50, 58, 70).unwrap(),
            0.033452067006371974,
            epsilon = 1e-9
        );
        // proportions_ztest([5, 5], [40, 40]) -> z = 0, p = 1.0
        assert_abs_diff_eq!(
            two_proportion_z(5, 40, 5, 40).unwrap(),
            1.0,
            epsilon = 1e-12
        );
        // proportions_ztest([120, 150], [400, 380]) -> p = 0.005438436947928838
        assert_abs_diff_eq!(
            two_proportion_z(120, 400, 150, 380).unwrap(),
            0.005438436947928838,
            epsilon = 1e-9
        );
        assert_eq!(two_proportion_z(0, 0, 1, 2), None);
        assert_eq!(two_proportion_z(1, 2, 0, 0), None);
        assert_eq!(two_proportion_z(0, 10, 0, 20), None);
        assert_eq!(two_proportion_z(10, 10, 20, 20), None);
        assert_eq!(two_proportion_z(11, 10, 2, 20), None);
    }

    #[test]
    fn zscores_and_percentiles() {
        let x = [3.0, 7.0, 7.0, 1.0, 12.5];
        // scipy.stats.zscore(x, ddof=1) -> [-0.7011134731994458, 0.20354907286435536,
        //   0.20354907286435536, -1.1534447462313464, 1.447460073702082]
        let want = [
            -0.7011134731994458,
            0.20354907286435536,
            0.20354907286435536,
            -1.1534447462313464,
            1.447460073702082,
        ];
        for (z, w) in zscores(&x).iter().zip(want) {
            assert_abs_diff_eq!(z.unwrap(), w, epsilon = 1e-12);
        }
        // [scipy.stats.percentileofscore(x, v, kind='mean') for v in x] -> [30, 60, 60, 10, 90]
        let pr = percentile_ranks(&x);
        for (p, w) in pr.iter().zip([30.0, 60.0, 60.0, 10.0, 90.0]) {
            assert_abs_diff_eq!(*p, w, epsilon = 1e-12);
        }
        assert_eq!(zscores(&[4.0, 4.0]), vec![None, None]);
        // The same z-scores at the ends of the f64 range.
        for scale in [1e300, 1e-300, 1e-305] {
            let big: Vec<f64> = x.iter().map(|v| v * scale).collect();
            for (z, w) in zscores(&big).iter().zip(want) {
                assert_abs_diff_eq!(z.unwrap(), w, epsilon = 1e-6);
            }
        }
        assert_eq!(zscores(&[0.0, 0.0]), vec![None, None]);
        assert_eq!(zscores(&[4.0]), vec![None]);
        assert!(zscores(&[]).is_empty());
        assert_eq!(percentile_ranks(&[5.0]), vec![50.0]);
        assert!(percentile_ranks(&[]).is_empty());
    }
}
