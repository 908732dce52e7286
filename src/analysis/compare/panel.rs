//! The panel of `align compare` (companies shown in both waves) with the
//! Welch test of each company's change per dimension, the field's change
//! over the panel (paired t, Wilcoxon) and across every shown company
//! (Welch), and the movers between stages and tiers.

use super::{dim_map, field_keys, DimensionChange, FieldChange, IndexChange, Move, Movers};
use super::{PanelCompany, Scored, TTest, WilcoxonTest};
use crate::analysis::{finite, mean_all, OrderedMap};
use crate::stats;

/// Every company shown in both waves, by id, with its changes; BH q over
/// the panel companies per dimension.
pub(super) fn panel(
    b: &Scored,
    a: &Scored,
    dims: &[String],
    warnings: &mut Vec<String>,
) -> Vec<PanelCompany> {
    let mut ids: Vec<&str> = b
        .acc
        .ids
        .iter()
        .map(|id| id.as_ref())
        .filter(|id| b.shown(id) && a.shown(id))
        .collect();
    ids.sort_unstable();
    let both_tiers = b.tiers.is_some() && a.tiers.is_some();
    let tier = |w: &Scored, id: &str| {
        both_tiers
            .then(|| w.tiers.as_ref()?.get(id).copied())
            .flatten()
    };
    let mut untested = 0usize;
    let mut out: Vec<PanelCompany> = ids
        .iter()
        .map(|&id| {
            let changes: Vec<DimensionChange> = dims
                .iter()
                .map(|d| {
                    let c = change(b, a, id, d);
                    if c.change.is_some() && c.p.is_none() {
                        untested += 1;
                    }
                    c
                })
                .collect();
            let (ib, ia) = (
                b.score_of(id, "alignment_index"),
                a.score_of(id, "alignment_index"),
            );
            PanelCompany {
                company_id: id.to_string(),
                n_before: b.respondents(id),
                n_after: a.respondents(id),
                dimensions: dim_map(dims, changes),
                alignment_index: IndexChange {
                    before: ib,
                    after: ia,
                    change: ib.zip(ia).and_then(|(x, y)| finite(y - x)),
                },
                stage_before: b.stage(id),
                stage_after: a.stage(id),
                tier_before: tier(b, id),
                tier_after: tier(a, id),
            }
        })
        .collect();
    for d in dims {
        let ps: Vec<Option<f64>> = out
            .iter()
            .map(|c| c.dimensions.get(d).and_then(|x| x.p))
            .collect();
        let qs = stats::benjamini_hochberg(&ps);
        for (c, q) in out.iter_mut().zip(qs) {
            if let Some((_, x)) = c.dimensions.0.iter_mut().find(|(k, _)| &**k == d) {
                x.q = q.and_then(finite);
            }
        }
    }
    if untested > 0 {
        warnings.push(format!(
            "the change test is undefined (t, df, p, q and CI null) for {untested} panel company–dimension pair{}: fewer than 2 respondents with a dimension mean in a wave, or no spread in either",
            if untested == 1 { "" } else { "s" }
        ));
    }
    out
}

/// One company's change on one dimension with Welch's t on its
/// respondents' dimension means (after − before).
fn change(b: &Scored, a: &Scored, id: &str, dim: &str) -> DimensionChange {
    let (before, after) = (b.score_of(id, dim), a.score_of(id, dim));
    let mut c = DimensionChange {
        before,
        after,
        change: before.zip(after).and_then(|(x, y)| finite(y - x)),
        ..Default::default()
    };
    if c.change.is_none() {
        return c;
    }
    let test = a
        .moments(id, dim)
        .zip(b.moments(id, dim))
        .and_then(|(ma, mb)| stats::welch_moments(ma, mb));
    if let Some(w) = test {
        c.t = Some(w.t);
        c.df = Some(w.df);
        c.p = Some(w.p);
        c.ci95 = Some(w.ci95);
    }
    c
}

/// The field's change per dimension and on the alignment index.
pub(super) fn field(
    b: &Scored,
    a: &Scored,
    dims: &[String],
    panel: &[PanelCompany],
) -> OrderedMap<FieldChange> {
    let mut out = OrderedMap::new();
    for key in field_keys(dims) {
        let pairs: Vec<(f64, f64)> = panel
            .iter()
            .filter_map(|c| {
                let (x, y) = if key == "alignment_index" {
                    (c.alignment_index.before, c.alignment_index.after)
                } else {
                    let d = c.dimensions.get(&key)?;
                    (d.before, d.after)
                };
                x.zip(y)
            })
            .collect();
        let before: Vec<f64> = pairs.iter().map(|p| p.0).collect();
        let after: Vec<f64> = pairs.iter().map(|p| p.1).collect();
        let diffs: Vec<Option<f64>> = pairs.iter().map(|(x, y)| finite(y - x)).collect();
        let paired = stats::paired_t(&after, &before);
        let wil = stats::wilcoxon_signed_rank(&after, &before);
        let (all_b, all_a) = (b.all_scores(&key), a.all_scores(&key));
        let welch = stats::welch(&all_a, &all_b);
        out.insert(
            key.as_str(),
            FieldChange {
                n_panel: pairs.len(),
                panel_before: stats::mean(&before),
                panel_after: stats::mean(&after),
                mean_change: mean_all(&diffs),
                paired_t: paired.map_or(TTest::default(), |t| TTest {
                    t: Some(t.t),
                    df: Some(t.df),
                    p: Some(t.p),
                }),
                wilcoxon: wil.map_or(WilcoxonTest::default(), |w| WilcoxonTest {
                    w: Some(w.w),
                    z: Some(w.z),
                    p: Some(w.p),
                    n: w.n,
                }),
                n_before: all_b.len(),
                n_after: all_a.len(),
                all_before: stats::mean(&all_b),
                all_after: stats::mean(&all_a),
                welch: welch.map_or(TTest::default(), |t| TTest {
                    t: Some(t.t),
                    df: Some(t.df),
                    p: Some(t.p),
                }),
            },
        );
    }
    out
}

/// Panel companies whose stage moved up or down (in the instrument's
/// stage order), and whose tier changed (both waves with outcomes).
pub(super) fn movers(b: &Scored, _a: &Scored, panel: &[PanelCompany]) -> Movers {
    let rank = |s: &str| b.inst.stages.iter().find(|x| x.name == s).map(|x| x.min);
    let mut m = Movers::default();
    for c in panel {
        if let (Some(x), Some(y)) = (&c.stage_before, &c.stage_after) {
            let mv = || Move {
                company_id: c.company_id.clone(),
                before: x.clone(),
                after: y.clone(),
            };
            match rank(x).zip(rank(y)) {
                Some((i, j)) if j > i => m.stage_up.push(mv()),
                Some((i, j)) if j < i => m.stage_down.push(mv()),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (c.tier_before, c.tier_after) {
            if x != y {
                m.tier_changes.push(Move {
                    company_id: c.company_id.clone(),
                    before: x.label().to_string(),
                    after: y.label().to_string(),
                });
            }
        }
    }
    m
}
