//! The variables `align leaders` compares: each company's dimension scores
//! and item means, the leader–laggard comparison of every dimension and
//! every item (Benjamini–Hochberg q over each family, top-2-box shares and
//! their lift), and each dimension's Spearman ρ with the composite.

use super::compare::{compare, tier_items, top2, Why};
use super::tiers::Tiers;
use super::{DimensionComparison, DimensionCorrelation, ItemComparison, LeadersOptions};
use crate::accumulate::Accumulator;
use crate::analysis::outcomes::{Outcomes, Tier};
use crate::analysis::score::{company_group_means, Scale};
use crate::analysis::{finite, snap_ties};
use crate::disclosure::Disclosure;
use crate::instrument::Instrument;
use crate::stats;

/// The reasons a statistic is null, each with the dimension or item id.
pub(super) type WhyBy = Vec<(Why, String)>;

/// The companies' values, in accumulator order; none for a hidden company.
pub(super) struct Values<'a> {
    acc: &'a Accumulator,
    vis: &'a Disclosure,
    scale: Scale,
    /// Dimension scores (0–100 index), indexed `[dimension][company]`.
    pub dims: Vec<Vec<Option<f64>>>,
}

impl<'a> Values<'a> {
    /// The dimension scores of the companies `vis` shows, weighted as
    /// `opts` says.
    pub fn new(
        inst: &Instrument,
        acc: &'a Accumulator,
        vis: &'a Disclosure,
        opts: LeadersOptions,
    ) -> Values<'a> {
        let plan = &acc.plan;
        let scale = Scale::new(inst);
        let means: Vec<Vec<Option<f64>>> = acc
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| match vis.shown(i) {
                true => company_group_means(plan, c, opts.weighting, opts.anonymity),
                false => vec![None; plan.groups.len()],
            })
            .collect();
        let dims = (0..plan.n_dims)
            .map(|d| {
                let mut v: Vec<Option<f64>> = means
                    .iter()
                    .map(|m| m[d].and_then(|m| scale.index(m)))
                    .collect();
                snap_ties(&mut v);
                v
            })
            .collect();
        Values {
            acc,
            vis,
            scale,
            dims,
        }
    }

    /// Each company's mean of scale column `col`, on the scale.
    pub fn item(&self, col: usize) -> Vec<Option<f64>> {
        let plan = &self.acc.plan;
        let mut v: Vec<Option<f64>> = self
            .acc
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let t = c.item_total(plan, col);
                // A hidden company, or an item fewer than the threshold of
                // its respondents answered, has no value.
                let t = if self.vis.shown(i) && self.vis.cell_shown(t.n) {
                    t
                } else {
                    Default::default()
                };
                (t.n > 0)
                    .then(|| self.scale.min + t.sum as f64 / t.n as f64)
                    .and_then(finite)
            })
            .collect();
        snap_ties(&mut v);
        v
    }
}

/// Leaders vs laggards on every dimension score, q over the dimensions.
pub(super) fn dimensions(
    inst: &Instrument,
    tiers: &Tiers,
    values: &Values,
    why_by: &mut WhyBy,
) -> Vec<DimensionComparison> {
    let mut dimensions = Vec::with_capacity(inst.dimensions.len());
    let mut ps = Vec::with_capacity(inst.dimensions.len());
    for (d, dim) in inst.dimensions.iter().enumerate() {
        let mut why = Vec::new();
        let (stats, p) = compare(tiers, |i| values.dims[d][i], &mut why);
        why_by.extend(why.into_iter().map(|w| (w, dim.id.clone())));
        ps.push(p);
        dimensions.push(DimensionComparison {
            dimension: dim.id.clone(),
            label: dim.label.clone(),
            stats,
        });
    }
    for (c, q) in dimensions.iter_mut().zip(stats::benjamini_hochberg(&ps)) {
        c.stats.q = q.and_then(finite);
    }
    dimensions
}

/// Leaders vs laggards on every item (instrument order within dimension
/// order), q over the items; and the ids of the items whose lift is null
/// because no laggard answered in the two highest points.
pub(super) fn items(
    inst: &Instrument,
    tiers: &Tiers,
    values: &Values,
    anonymity: u64,
    why_by: &mut WhyBy,
) -> (Vec<ItemComparison>, Vec<String>) {
    let (acc, plan) = (values.acc, &values.acc.plan);
    let mut items = Vec::with_capacity(plan.n_items);
    let mut ps = Vec::with_capacity(plan.n_items);
    let mut no_lift = Vec::new();
    let sums = [Tier::Leader, Tier::Laggard].map(|t| tier_items(acc, &tiers.members[t]));
    let top2_of = |t: Tier, col: usize| {
        let k = usize::from(t == Tier::Laggard);
        top2(&sums[k][col], tiers.shown[t], anonymity)
    };
    for (d, dim) in inst.dimensions.iter().enumerate() {
        for &col in &plan.groups[d] {
            let it = &inst.items[col];
            let mut why = Vec::new();
            let vals = values.item(col);
            let (stats, p) = compare(tiers, |i| vals[i], &mut why);
            why_by.extend(why.into_iter().map(|w| (w, it.id.clone())));
            ps.push(p);
            let (tl, nl) = top2_of(Tier::Leader, col);
            let (tg, ng) = top2_of(Tier::Laggard, col);
            let lift = match (tl, tg) {
                (Some(l), Some(g)) if !tiers.tied => {
                    if g > 0.0 {
                        finite(l / g)
                    } else {
                        no_lift.push(it.id.clone());
                        None
                    }
                }
                _ => None,
            };
            items.push(ItemComparison {
                item: it.id.clone(),
                text: it.text.clone(),
                dimension: dim.id.clone(),
                reverse: it.reverse,
                stats,
                top2_leaders: tl,
                top2_laggards: tg,
                lift,
                answered_leaders: nl,
                answered_laggards: ng,
            });
        }
    }
    for (c, q) in items.iter_mut().zip(stats::benjamini_hochberg(&ps)) {
        c.stats.q = q.and_then(finite);
    }
    (items, no_lift)
}

/// Spearman ρ of each dimension score with the composite over the
/// classified companies, and a warning for each ρ or p that is null.
pub(super) fn correlations(
    inst: &Instrument,
    outcomes: &Outcomes,
    values: &Values,
    tied: bool,
    warnings: &mut Vec<String>,
) -> Vec<DimensionCorrelation> {
    let mut correlations = Vec::with_capacity(inst.dimensions.len());
    for (d, dim) in inst.dimensions.iter().enumerate() {
        let (x, y): (Vec<f64>, Vec<f64>) = outcomes
            .companies
            .iter()
            .enumerate()
            .filter(|(_, c)| c.tier.is_some())
            .filter_map(|(i, c)| Some((values.dims[d][i]?, c.composite?)))
            .unzip();
        let (rho, p) = match stats::spearman(&x, &y) {
            Some(r) => (finite(r.rho), r.p.and_then(finite)),
            None => (None, None),
        };
        warnings.extend(null_rho_warning(&dim.id, &x, &y, tied, rho, p));
        correlations.push(DimensionCorrelation {
            dimension: dim.id.clone(),
            n: x.len(),
            spearman_rho: rho,
            p,
        });
    }
    correlations
}

/// Why dimension `dim`'s Spearman ρ (of `x` with `y`) or its p is null,
/// if it is.
fn null_rho_warning(
    dim: &str,
    x: &[f64],
    y: &[f64],
    tied: bool,
    rho: Option<f64>,
    p: Option<f64>,
) -> Option<String> {
    if rho.is_none() {
        let reason = if x.len() < 2 {
            "fewer than 2 classified companies have the score".to_string()
        } else if tied || y.iter().all(|v| *v == y[0]) {
            "the outcome composite does not vary".to_string()
        } else {
            format!("every classified company has the same {dim} score")
        };
        Some(format!(
            "Spearman ρ of {dim} with the composite is null: {reason}"
        ))
    } else if p.is_none() {
        Some(format!(
            "the p of Spearman ρ for {dim} is null: {}",
            if x.len() < 3 {
                "fewer than 3 companies"
            } else {
                "|ρ| = 1"
            }
        ))
    } else {
        None
    }
}
