//! The leader–laggard comparison of one variable (a dimension or an item):
//! group summaries, Hedges' g, Welch's t and Mann–Whitney U from
//! [`crate::stats`], the tiers' top-2-box shares, and the reasons a
//! statistic is null, gathered into one warning per reason.

use super::tiers::{ByTier, Tiers};
use super::{names, plural, Comparison, GroupStats, MannWhitneyStats, WelchStats};
use crate::accumulate::{Accumulator, ItemSums};
use crate::analysis::finite;
use crate::analysis::outcomes::Tier;
use crate::stats;

/// Why a statistic is null; turned into one warning per reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Why {
    FewCompanies,
    NoVariance,
    MwEmpty,
    MwTied,
}

fn group(xs: &[f64], shown: bool) -> GroupStats {
    let s = stats::summarize(xs);
    GroupStats {
        n: s.n,
        mean: s.mean.and_then(finite).filter(|_| shown),
        sd: s.sd.and_then(finite).filter(|_| shown),
    }
}

/// Leaders vs laggards on one variable; `value(i)` is company `i`'s value.
pub(super) fn compare(
    tiers: &Tiers,
    value: impl Fn(usize) -> Option<f64>,
    why: &mut Vec<Why>,
) -> (Comparison, Option<f64>) {
    let vals = ByTier::from_fn(|t| -> Vec<f64> {
        tiers.members[t].iter().filter_map(|&i| value(i)).collect()
    });
    let (a, b) = (&vals[Tier::Leader], &vals[Tier::Laggard]);
    let mut c = Comparison {
        leaders: group(a, tiers.shown[Tier::Leader]),
        laggards: group(b, tiers.shown[Tier::Laggard]),
        average: group(&vals[Tier::Average], tiers.shown[Tier::Average]),
        diff: None,
        hedges_g: None,
        hedges_g_ci95: None,
        welch: WelchStats::default(),
        mann_whitney: MannWhitneyStats::default(),
        q: None,
    };
    if tiers.tied {
        return (c, None);
    }
    if tiers.shown[Tier::Leader] && tiers.shown[Tier::Laggard] {
        c.diff = stats::mean(a)
            .zip(stats::mean(b))
            .and_then(|(x, y)| finite(x - y));
    }
    if a.len() < 2 || b.len() < 2 {
        why.push(Why::FewCompanies);
    } else {
        // Both are undefined exactly when neither tier varies.
        let (w, g) = (stats::welch(a, b), stats::hedges_g(a, b));
        if let Some(w) = w {
            c.welch = WelchStats {
                t: finite(w.t),
                df: finite(w.df),
                p: finite(w.p),
            };
        }
        if let Some(g) = g {
            c.hedges_g = finite(g.g);
            c.hedges_g_ci95 = Some(g.ci95).filter(|ci| ci.iter().all(|x| x.is_finite()));
        }
        if w.is_none() || g.is_none() {
            why.push(Why::NoVariance);
        }
    }
    match stats::mann_whitney(a, b) {
        Some(m) => {
            c.mann_whitney.u = finite(m.u);
            c.mann_whitney.p = m.p.and_then(finite);
            if m.p.is_none() {
                why.push(Why::MwTied);
            }
        }
        None => why.push(Why::MwEmpty),
    }
    let p = c.welch.p;
    (c, p)
}

/// Per scale column, the item sums of a tier's members (all roles): one
/// pass over the members for every column at once.
pub(super) fn tier_items(acc: &Accumulator, members: &[usize]) -> Vec<ItemSums> {
    let plan = &acc.plan;
    let mut sums = vec![ItemSums::default(); plan.n_scale()];
    for &i in members {
        for slot in 0..plan.role_slots {
            acc.companies[i].add_items_of(plan, slot, &mut sums);
        }
    }
    sums
}

/// Top-2-box % of a tier's respondents on an item (`t`, the tier's sums of
/// it: [`tier_items`]), and the base.
pub(super) fn top2(t: &ItemSums, shown: bool, anonymity: u64) -> (Option<f64>, u64) {
    let (hits, n) = (t.top2, t.n);
    // A share of fewer respondents than the threshold is not shown.
    let pct = (n > 0 && n >= anonymity && shown)
        .then(|| 100.0 * hits as f64 / n as f64)
        .and_then(finite);
    (pct, n)
}

/// One warning per reason a statistic is null, naming the dimensions and
/// items it affects (`why_by`: reason and dimension or item id).
pub(super) fn why_warnings(why_by: &[(Why, String)], n_vars: usize, tiers: &Tiers) -> Vec<String> {
    let mut out = Vec::new();
    let n_lead = tiers.members[Tier::Leader].len();
    let n_lag = tiers.members[Tier::Laggard].len();
    for (w, what, reason) in [
        (
            Why::FewCompanies,
            "Welch's t, Hedges' g and q are null",
            if n_lead < 2 || n_lag < 2 {
                format!(
                    "{} and {} were classified, and at least 2 companies per tier are needed",
                    plural(n_lead, "leader", "leaders"),
                    plural(n_lag, "laggard", "laggards")
                )
            } else {
                "fewer than 2 companies in a tier have a value (at least 2 per tier are needed)"
                    .to_string()
            },
        ),
        (
            Why::NoVariance,
            "Welch's t, Hedges' g or q are null",
            "every company in both tiers has the same value (zero variance)".to_string(),
        ),
        (
            Why::MwEmpty,
            "the Mann–Whitney U and p are null",
            "a tier has no company with a value".to_string(),
        ),
        (
            Why::MwTied,
            "the Mann–Whitney p is null",
            "every value in both tiers is tied".to_string(),
        ),
    ] {
        let hit: Vec<String> = why_by
            .iter()
            .filter(|(x, _)| *x == w)
            .map(|(_, n)| n.clone())
            .collect();
        if hit.is_empty() {
            continue;
        }
        let scope = if hit.len() == n_vars {
            "every dimension and item".to_string()
        } else {
            names(&hit)
        };
        out.push(format!("{what} for {scope}: {reason}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::snap_ties;

    #[test]
    fn near_equal_values_are_tied() {
        let third = 38.888888888888886;
        let mut v = vec![
            Some(38.88888888888889),
            None,
            Some(third),
            Some(40.0),
            Some(38.89),
        ];
        snap_ties(&mut v);
        assert_eq!(
            v,
            vec![Some(third), None, Some(third), Some(40.0), Some(38.89)]
        );
        let mut v = vec![Some(0.0), Some(1e-12), Some(-1e-12)];
        snap_ties(&mut v);
        assert_eq!(v, vec![Some(-1e-12); 3]);
    }
}
