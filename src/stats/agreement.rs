//! Within-group agreement: one-way ANOVA intraclass correlations ICC(1) and
//! ICC(2) from per-group moments ([`GroupMoments`]), and the multi-item
//! within-group agreement index r_wg(J) against a uniform null distribution.

use super::descriptive::{finite, snap_zero};

/// Moments of one group's values: count, Σx and Σx².
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupMoments {
    /// Number of values.
    pub n: u64,
    /// Their sum.
    pub sum: f64,
    /// The sum of their squares.
    pub sumsq: f64,
}

/// One-way random-effects ICCs of values nested in groups.
#[derive(Debug, Clone, PartialEq)]
pub struct Icc {
    /// ICC(1) = (MSB − MSW)/(MSB + (g − 1)·MSW); may be negative.
    pub icc1: Option<f64>,
    /// ICC(2) = (MSB − MSW)/MSB (reliability of group means); may be negative.
    pub icc2: Option<f64>,
    /// Between-group mean square SSB/(G − 1).
    pub msb: Option<f64>,
    /// Within-group mean square SSW/(N − G).
    pub msw: Option<f64>,
    /// G: number of groups used (those with n ≥ 2).
    pub groups: usize,
    /// N: number of values in the groups used.
    pub n: u64,
    /// g: mean size of the groups used (N/G).
    pub mean_group_size: Option<f64>,
    /// Plain-English reasons for undefined values.
    pub notes: Vec<String>,
}

/// One-way ANOVA ICC(1) and ICC(2) over the groups with n ≥ 2 (smaller groups
/// are ignored). Within-group SS per group is `Σx² − (Σx)²/n`, clamped at 0.
/// `g` is the plain mean group size N/G.
pub fn icc_oneway(groups: &[GroupMoments]) -> Icc {
    let used: Vec<&GroupMoments> = groups
        .iter()
        .filter(|g| g.n >= 2 && g.sum.is_finite() && g.sumsq.is_finite())
        .collect();
    let g_count = used.len();
    let n: u64 = used.iter().map(|g| g.n).sum();
    let mut out = Icc {
        icc1: None,
        icc2: None,
        msb: None,
        msw: None,
        groups: g_count,
        n,
        mean_group_size: None,
        notes: Vec::new(),
    };
    let skipped = groups.iter().filter(|g| g.n >= 2).count() - g_count;
    if skipped > 0 {
        out.notes
            .push(format!("{skipped} group(s) with non-finite sums ignored"));
    }
    if g_count == 0 {
        out.notes
            .push("no group has at least 2 members".to_string());
        return out;
    }
    let nf = n as f64;
    let gbar = nf / g_count as f64;
    out.mean_group_size = finite(gbar);

    let grand_sum: f64 = used.iter().map(|g| g.sum).sum();
    let grand_sumsq: f64 = used.iter().map(|g| g.sumsq).sum();
    let grand_mean = grand_sum / nf;
    let ssw: f64 = used
        .iter()
        .map(|g| snap_zero(g.sumsq - g.sum * g.sum / g.n as f64, g.sumsq))
        .sum();
    let ssb: f64 = used
        .iter()
        .map(|g| {
            let d = g.sum / g.n as f64 - grand_mean;
            g.n as f64 * d * d
        })
        .sum();
    // N − G ≥ G ≥ 1 here because every used group has n ≥ 2.
    let msw = finite(ssw / (nf - g_count as f64));
    out.msw = msw;
    if g_count < 2 {
        out.notes
            .push("fewer than 2 groups with at least 2 members".to_string());
        return out;
    }
    // A between-group SS below 1e-12 of Σx² is rounding noise in the group
    // means: treat it as exactly zero.
    let msb = finite(snap_zero(ssb, grand_sumsq) / (g_count - 1) as f64);
    out.msb = msb;
    let (Some(msb), Some(msw)) = (msb, msw) else {
        out.notes
            .push("the mean squares are not finite".to_string());
        return out;
    };
    if msb == 0.0 {
        out.notes
            .push("the group means are all equal (between-group mean square is 0)".to_string());
        return out;
    }
    let den1 = msb + (gbar - 1.0) * msw;
    if den1 > 0.0 {
        out.icc1 = finite((msb - msw) / den1);
    } else {
        out.notes.push("the ICC(1) denominator is 0".to_string());
    }
    out.icc2 = finite((msb - msw) / msb);
    out
}

/// r_wg(J) for J items on an A-point scale (`scale_points` = A):
/// s̄² = mean of `item_vars` (within-group sample variances of the J items
/// answered by ≥ 2 members), σ²_EU = (A² − 1)/12,
/// r = J(1 − s̄²/σ²_EU) / (J(1 − s̄²/σ²_EU) + s̄²/σ²_EU), and 0 when
/// s̄² > σ²_EU. `None` when `item_vars` is empty, `scale_points` < 2, or a
/// variance is negative or non-finite.
pub fn rwg_j(item_vars: &[f64], scale_points: f64) -> Option<f64> {
    if item_vars.is_empty()
        || !scale_points.is_finite()
        || scale_points < 2.0
        || item_vars.iter().any(|v| !v.is_finite() || *v < 0.0)
    {
        return None;
    }
    let j = item_vars.len() as f64;
    let s2 = item_vars.iter().sum::<f64>() / j;
    let sigma2 = (scale_points * scale_points - 1.0) / 12.0;
    if s2 > sigma2 {
        return Some(0.0);
    }
    let ratio = s2 / sigma2;
    let num = j * (1.0 - ratio);
    finite(num / (num + ratio))
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    fn moments(xs: &[f64]) -> GroupMoments {
        GroupMoments {
            n: xs.len() as u64,
            sum: xs.iter().sum(),
            sumsq: xs.iter().map(|x| x * x).sum(),
        }
    }

    /// pingouin's bundled dataset `pg.read_dataset('icc')`: 8 wines (rows) rated
    /// by judges A–D (columns).
    const WINES: [[f64; 4]; 8] = [
        [1.0, 2.0, 0.0, 1.0],
        [1.0, 3.0, 3.0, 2.0],
        [3.0, 8.0, 1.0, 4.0],
        [6.0, 4.0, 3.0, 3.0],
        [6.0, 5.0, 5.0, 6.0],
        [7.0, 5.0, 6.0, 2.0],
        [8.0, 7.0, 7.0, 9.0],
        [9.0, 9.0, 9.0, 8.0],
    ];

    #[test]
    fn pingouin_wine_example() {
        let groups: Vec<GroupMoments> = WINES.iter().map(|w| moments(w)).collect();
        let icc = icc_oneway(&groups);
        assert_eq!(icc.groups, 8);
        assert_eq!(icc.n, 32);
        assert_abs_diff_eq!(icc.mean_group_size.unwrap(), 4.0, epsilon = 1e-12);
        // pg.anova(data=icc, dv='Scores', between='Wine', detailed=True)['MS']
        //   -> [26.888392857142858, 2.3020833333333335]
        assert_abs_diff_eq!(icc.msb.unwrap(), 26.888392857142858, epsilon = 1e-9);
        assert_abs_diff_eq!(icc.msw.unwrap(), 2.3020833333333335, epsilon = 1e-9);
        // pg.intraclass_corr(data=icc, targets='Wine', raters='Judge', ratings='Scores'):
        //   ICC(1,1) -> 0.727520915896081, ICC(1,k) -> 0.9143837511760474
        assert_abs_diff_eq!(icc.icc1.unwrap(), 0.727520915896081, epsilon = 1e-9);
        assert_abs_diff_eq!(icc.icc2.unwrap(), 0.9143837511760474, epsilon = 1e-9);
        assert!(icc.notes.is_empty());
    }

    #[test]
    fn unbalanced_groups_singleton_ignored() {
        let groups = vec![
            moments(&[1.0, 2.0, 3.0]),
            moments(&[4.0, 5.0]),
            moments(&[10.0]),
            moments(&[2.0, 2.0, 6.0, 8.0]),
            moments(&[]),
        ];
        let icc = icc_oneway(&groups);
        assert_eq!(icc.groups, 3);
        assert_eq!(icc.n, 9);
        assert_abs_diff_eq!(icc.mean_group_size.unwrap(), 3.0, epsilon = 1e-12);
        // pg.anova on the long data of [1,2,3],[4,5],[2,2,6,8] (between=group):
        //   MS -> [6.25, 4.916666666666667]; hand: SSB = 12.5, SSW = 29.5, df 2, 6
        assert_abs_diff_eq!(icc.msb.unwrap(), 6.25, epsilon = 1e-12);
        assert_abs_diff_eq!(icc.msw.unwrap(), 4.916666666666667, epsilon = 1e-12);
        // (msb-msw)/(msb+(3-1)*msw) -> 0.08290155440414505; (msb-msw)/msb -> 0.2133333333333333
        assert_abs_diff_eq!(icc.icc1.unwrap(), 0.08290155440414505, epsilon = 1e-12);
        assert_abs_diff_eq!(icc.icc2.unwrap(), 0.2133333333333333, epsilon = 1e-12);
    }

    #[test]
    fn negative_icc_is_kept() {
        // Hand: groups [1,3] and [1,3]: equal means -> MSB = 0 -> undefined.
        let icc = icc_oneway(&[moments(&[1.0, 3.0]), moments(&[1.0, 3.0])]);
        assert_eq!(icc.icc1, None);
        assert_eq!(icc.icc2, None);
        assert_eq!(icc.msb, Some(0.0));
        assert_eq!(icc.notes.len(), 1);
        // Hand: groups [1,5] and [2,5]: means 3, 3.5, grand 3.25;
        // SSB = 2·0.0625·2 = 0.25, MSB = 0.25; SSW = 8 + 4.5 = 12.5, MSW = 6.25;
        // ICC1 = (0.25 − 6.25)/(0.25 + 6.25) = −6/6.5; ICC2 = −6/0.25 = −24.
        let icc = icc_oneway(&[moments(&[1.0, 5.0]), moments(&[2.0, 5.0])]);
        assert_abs_diff_eq!(icc.icc1.unwrap(), -6.0 / 6.5, epsilon = 1e-12);
        assert_abs_diff_eq!(icc.icc2.unwrap(), -24.0, epsilon = 1e-12);
    }

    #[test]
    fn perfect_agreement_and_rounding_noise() {
        // no within-group variance: ICC1 = ICC2 = 1 (MSW = 0)
        let icc = icc_oneway(&[moments(&[0.1, 0.1, 0.1]), moments(&[0.7, 0.7, 0.7])]);
        assert_eq!(icc.msw, Some(0.0));
        assert_abs_diff_eq!(icc.icc1.unwrap(), 1.0, epsilon = 1e-12);
        assert_abs_diff_eq!(icc.icc2.unwrap(), 1.0, epsilon = 1e-12);
        // every value equal (non-representable): undefined, not garbage
        let icc = icc_oneway(&[moments(&[0.1; 3]), moments(&[0.1; 5]), moments(&[0.1; 7])]);
        assert_eq!(icc.icc1, None);
        assert_eq!(icc.icc2, None);
    }

    #[test]
    fn too_few_groups() {
        let icc = icc_oneway(&[]);
        assert_eq!(
            (icc.icc1, icc.icc2, icc.msb, icc.msw),
            (None, None, None, None)
        );
        assert_eq!(icc.mean_group_size, None);
        assert_eq!(icc.notes.len(), 1);
        let icc = icc_oneway(&[moments(&[1.0, 2.0, 4.0]), moments(&[3.0])]);
        assert_eq!(icc.groups, 1);
        assert_eq!(icc.icc1, None);
        assert_eq!(icc.msb, None);
        // one group: MSW still defined. Hand: [1,2,4] mean 7/3, SS = 14/3, df = 2
        assert_abs_diff_eq!(icc.msw.unwrap(), 7.0 / 3.0, epsilon = 1e-12);
        assert_eq!(
            icc.notes,
            vec!["fewer than 2 groups with at least 2 members".to_string()]
        );
        let nan = GroupMoments {
            n: 3,
            sum: f64::NAN,
            sumsq: 1.0,
        };
        let icc = icc_oneway(&[nan, moments(&[1.0, 2.0]), moments(&[3.0, 5.0])]);
        assert_eq!(icc.groups, 2);
        assert!(icc.icc1.is_some());
    }

    #[test]
    fn rwg_hand_worked() {
        // A = 5: σ²_EU = (25 − 1)/12 = 2. vars [0.5, 1.0, 1.5]: s̄² = 1, ratio 0.5,
        // J = 3: r = 1.5/(1.5 + 0.5) = 0.75
        assert_abs_diff_eq!(rwg_j(&[0.5, 1.0, 1.5], 5.0).unwrap(), 0.75, epsilon = 1e-12);
        // A = 7: σ² = 4. vars [1, 2]: s̄² = 1.5, ratio 0.375, J = 2:
        // r = 1.25/(1.25 + 0.375) = 0.7692307692307693 (= 10/13)
        assert_abs_diff_eq!(
            rwg_j(&[1.0, 2.0], 7.0).unwrap(),
            10.0 / 13.0,
            epsilon = 1e-12
        );
        // s̄² = 3 > σ² = 2 -> 0
        assert_eq!(rwg_j(&[3.0, 3.0], 5.0), Some(0.0));
        // s̄² = σ² -> 0 by the formula (numerator 0)
        assert_abs_diff_eq!(rwg_j(&[2.0], 5.0).unwrap(), 0.0, epsilon = 1e-12);
        // s̄² = 0 -> 1
        assert_eq!(rwg_j(&[0.0, 0.0, 0.0], 5.0), Some(1.0));
        // single item: r_wg = 1 − s²/σ² (J = 1): 1 − 0.5/2 = 0.75
        assert_abs_diff_eq!(rwg_j(&[0.5], 5.0).unwrap(), 0.75, epsilon = 1e-12);
    }

    #[test]
    fn rwg_undefined() {
        assert_eq!(rwg_j(&[], 5.0), None);
        assert_eq!(rwg_j(&[1.0], 1.0), None);
        assert_eq!(rwg_j(&[1.0], f64::NAN), None);
        assert_eq!(rwg_j(&[f64::NAN], 5.0), None);
        assert_eq!(rwg_j(&[-1.0], 5.0), None);
    }
}
