//! Importance × performance for `align drivers`: each item's field index,
//! the quadrants from the composite's item shares, the items to fix first,
//! and the plain-language findings (docs/methods.md#key-drivers).

use super::{DriversReport, FixFirst, Quadrant, TargetDrivers, Values};
use crate::accumulate::Accumulator;
use crate::analysis::finite;
use crate::analysis::score::Scale;
use crate::instrument::Instrument;

/// Each item's field index: the mean of the shown companies' item indexes.
pub(super) fn performance(inst: &Instrument, _acc: &Accumulator, v: &Values) -> Vec<Option<f64>> {
    let scale = Scale::new(inst);
    (0..v.item_cols.len())
        .map(|j| {
            let xs: Vec<f64> = v
                .items
                .iter()
                .filter_map(|r| r[j])
                .filter_map(|m| scale.index(m - scale.min))
                .collect();
            crate::stats::mean(&xs).and_then(finite)
        })
        .collect()
}

/// Performance on every target's items, the quadrants from the composite's
/// shares, and the items to fix first.
pub(super) fn quadrants(
    targets: &mut [TargetDrivers],
    performance: &[Option<f64>],
    warnings: &mut Vec<String>,
) -> Vec<FixFirst> {
    for t in targets.iter_mut() {
        if let Some(items) = &mut t.items {
            for (it, p) in items.iter_mut().zip(performance) {
                it.performance = *p;
            }
        }
    }
    let Some(comp) = targets
        .iter()
        .find(|t| t.target == "composite")
        .and_then(|t| t.items.clone())
    else {
        warnings.push("no importance × performance quadrants and no items to fix first: the item model of the composite is null".into());
        return Vec::new();
    };
    let both: Vec<(usize, f64, f64)> = comp
        .iter()
        .enumerate()
        .filter_map(|(j, it)| Some((j, it.share?, it.performance?)))
        .collect();
    let imp: Vec<f64> = both.iter().map(|b| b.1).collect();
    let perf: Vec<f64> = both.iter().map(|b| b.2).collect();
    let (Some(mi), Some(mp)) = (crate::stats::median(&imp), crate::stats::median(&perf)) else {
        return Vec::new();
    };
    let mut quadrant = vec![None; comp.len()];
    for &(j, s, p) in &both {
        quadrant[j] = Some(Quadrant::from_position(s > mi, p > mp));
    }
    for t in targets.iter_mut() {
        if let Some(items) = &mut t.items {
            for (it, q) in items.iter_mut().zip(&quadrant) {
                it.quadrant = *q;
            }
        }
    }
    let mut fix: Vec<(usize, f64, f64)> = both
        .into_iter()
        .filter(|&(j, _, _)| quadrant[j] == Some(Quadrant::FixFirst))
        .collect();
    fix.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    fix.into_iter()
        .take(3)
        .map(|(j, s, p)| FixFirst {
            item: comp[j].item.clone(),
            text: comp[j].text.clone(),
            reverse: comp[j].reverse,
            importance: s,
            performance: p,
        })
        .collect()
}

/// The plain-language findings.
pub(super) fn summary(r: &DriversReport) -> Vec<String> {
    let mut v = Vec::new();
    if !r.fix_first.is_empty() {
        let names: Vec<String> = r
            .fix_first
            .iter()
            .map(|f| {
                format!(
                    "“{}”",
                    crate::render::fmt::item_label(&f.item, &f.text, f.reverse).0
                )
            })
            .collect();
        v.push(format!(
            "Fix first: {} — among the practices that matter most for the outcome composite, and performing at or below the median.",
            names.join("; ")
        ));
    }
    if let Some(t) = r.targets.iter().find(|t| t.target == "composite") {
        let top = t
            .dimensions
            .iter()
            .filter(|d| d.share.is_some())
            .max_by(|a, b| a.share.unwrap_or(0.0).total_cmp(&b.share.unwrap_or(0.0)));
        if let (Some(d), Some(r2)) = (top, t.r2) {
            v.push(format!(
                "The {} dimensions explain {:.0}% of the variation in the outcome composite across {} companies; {} carries the largest share ({:.0}% of it).",
                t.dimensions.len(),
                100.0 * r2,
                t.n,
                d.label,
                100.0 * d.share.unwrap_or(0.0)
            ));
        }
    }
    v
}
