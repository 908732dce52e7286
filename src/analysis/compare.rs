//! `align compare`: two survey waves read with the same instrument, each
//! scored on its own with anonymity applied per wave (its own disclosure
//! plan, exactly as `score`), then joined by company id: the panel
//! (companies shown in both waves) with per-company Welch tests of the
//! change, the field (paired t and Wilcoxon over the panel, Welch across
//! all shown companies), the items pooled per wave, movers, and the
//! companies that joined or left. Definitions are in docs/methods.md
//! ("Survey waves"); the JSON keys in docs/formats.md#compare-json.
//!
//! A company hidden in either wave is not in the panel, nor joined or
//! left, and none of its figures of the wave it is hidden in enters
//! anything: per-wave figures only ever pool that wave's shown companies.

mod model;
mod panel;

pub use model::*;

use super::outcomes::{Outcomes, Tier};
use super::score::{self, DimensionInfo, ScoreOptions, ScoreReport, Weighting};
use super::{finite, InstrumentRef, OrderedMap, SCHEMA_VERSION};
use crate::accumulate::{Accumulator, ItemSums};
use crate::disclosure::Disclosure;
use crate::error::{Error, Result};
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use crate::stats;
use std::collections::HashMap;

/// A map looked up by company id, once per company and figure: hashed
/// with ahash (nothing iterates it, so its order never reaches the output).
type ById<K, V> = HashMap<K, V, ahash::RandomState>;

/// The map of `entries`.
fn by_id<K: std::hash::Hash + Eq, V>(entries: impl Iterator<Item = (K, V)>) -> ById<K, V> {
    let mut m = HashMap::with_hasher(ahash::RandomState::with_seeds(3, 5, 7, 11));
    m.extend(entries);
    m
}

/// One wave as read: its label, instrument, sums, input accounting and
/// (with an outcomes file) its composites and tiers.
pub struct WaveInput<'a> {
    /// The wave's name, as shown in the report.
    pub label: String,
    /// The instrument the wave was read with.
    pub inst: &'a Instrument,
    /// The wave's per-company sums.
    pub acc: &'a Accumulator,
    /// Rows read, used and dropped, and why.
    pub input: InputReport,
    /// The wave's outcomes file, if one was given (tiers are compared when both waves have one).
    pub outcomes: Option<&'a Outcomes>,
}

/// Refuse two instruments that do not measure the same thing: their
/// fingerprints (scale, dimensions, items with their dimension and reverse
/// flag; see `norms`) must agree. The error names what differs.
pub fn check_same_instrument(before: &Instrument, after: &Instrument) -> Result<()> {
    use super::norms::fingerprint_text;
    let (a, b) = (fingerprint_text(before), fingerprint_text(after));
    if a == b {
        return Ok(());
    }
    let only = |x: &str, y: &str| -> Vec<String> {
        let ys: std::collections::HashSet<&str> = y.lines().collect();
        x.lines()
            .filter(|l| !ys.contains(l))
            .map(str::to_string)
            .collect()
    };
    let (gone, new) = (only(&a, &b), only(&b, &a));
    let mut parts = Vec::new();
    if !gone.is_empty() {
        parts.push(format!("only before: {}", gone.join("; ")));
    }
    if !new.is_empty() {
        parts.push(format!("only after: {}", new.join("; ")));
    }
    Err(Error::Instrument {
        source_name: "--instrument-after".into(),
        message: format!(
            "the two waves must be read with the same instrument (same scale, dimensions and items, with their dimension and reverse flag), but they differ: {}",
            parts.join(" | ")
        ),
    })
}

/// One wave scored on its own.
pub(super) struct Scored<'a> {
    pub label: String,
    pub inst: &'a Instrument,
    pub acc: &'a Accumulator,
    pub score: ScoreReport,
    pub vis: Disclosure,
    /// Company id → place in the accumulator.
    pub place: ById<&'a str, usize>,
    /// Company id → place in `score.companies`.
    pub row: ById<String, usize>,
    pub tiers: Option<ById<String, Tier>>,
    /// Per scale column, the item sums of the shown companies, pooled.
    pools: Vec<ItemSums>,
}

impl<'a> Scored<'a> {
    fn new(w: WaveInput<'a>, anonymity: u64) -> Scored<'a> {
        let score = score::build(
            w.inst,
            w.acc,
            w.input,
            ScoreOptions {
                weighting: Weighting::Respondent,
                anonymity,
            },
        );
        let vis = Disclosure::plan(w.acc, anonymity);
        let place = by_id(w.acc.ids.iter().enumerate().map(|(i, id)| (id.as_ref(), i)));
        let row = by_id(
            score
                .companies
                .iter()
                .enumerate()
                .map(|(i, c)| (c.company_id.clone(), i)),
        );
        let tiers = w.outcomes.map(|o| {
            by_id(
                o.companies
                    .iter()
                    .filter(|c| !c.hidden)
                    .filter_map(|c| c.tier.map(|t| (c.company_id.clone(), t))),
            )
        });
        let pools = item_pools(w.acc, &vis);
        Scored {
            label: w.label,
            inst: w.inst,
            acc: w.acc,
            score,
            vis,
            place,
            row,
            tiers,
            pools,
        }
    }

    /// Is the company in this wave's rows and shown?
    pub fn shown(&self, id: &str) -> bool {
        self.place.get(id).is_some_and(|&i| self.vis.shown(i))
    }

    /// A shown company's score on `key` (a dimension id or
    /// `alignment_index`).
    pub fn score_of(&self, id: &str, key: &str) -> Option<f64> {
        if !self.shown(id) {
            return None;
        }
        let c = &self.score.companies[*self.row.get(id)?];
        c.scores.as_ref()?.get(key).copied().flatten()
    }

    /// Every shown company's score on `key`.
    pub fn all_scores(&self, key: &str) -> Vec<f64> {
        self.score
            .companies
            .iter()
            .filter(|c| !c.suppressed)
            .filter_map(|c| c.scores.as_ref()?.get(key).copied().flatten())
            .collect()
    }

    /// A shown company's stage.
    pub fn stage(&self, id: &str) -> Option<String> {
        if !self.shown(id) {
            return None;
        }
        self.score.companies[*self.row.get(id)?].stage.clone()
    }

    /// Respondents of a company in this wave's rows.
    pub fn respondents(&self, id: &str) -> u64 {
        self.place.get(id).map_or(0, |&i| self.acc.companies[i].n())
    }

    /// n, mean and variance of a shown company's respondent dimension means
    /// on dimension `dim_id`, as indexes; `None` when its score is hidden
    /// (fewer than the threshold answered).
    pub fn moments(&self, id: &str, dim_id: &str) -> Option<stats::Moments> {
        self.score_of(id, dim_id)?;
        let i = *self.place.get(id)?;
        let d = self.inst.dimensions.iter().position(|d| d.id == dim_id)?;
        let t = self.acc.companies[i].group_total(&self.acc.plan, d);
        let k = 100.0 / (self.inst.scale.max - self.inst.scale.min) as f64;
        let n = t.n as f64;
        Some(stats::Moments {
            n: t.n,
            mean: finite(k * t.sum / n)?,
            var: stats::var_from_sums(n, t.sum, t.sumsq).map_or(0.0, |v| v * k * k),
        })
    }

    /// The pooled sums of an item (by id) over the shown companies: the
    /// pool `score` prints the item's figures from.
    pub fn item_pool(&self, item: &str) -> Option<ItemSums> {
        let col = self.inst.items.iter().position(|i| i.id == item)?;
        self.pools.get(col).copied()
    }
}

/// Per scale column, the item sums of the shown companies, pooled: one pass
/// over the companies for every item at once.
fn item_pools(acc: &Accumulator, vis: &Disclosure) -> Vec<ItemSums> {
    let plan = &acc.plan;
    let mut pools = vec![ItemSums::default(); plan.n_scale()];
    for (i, c) in acc.companies.iter().enumerate() {
        if vis.shown(i) {
            for slot in 0..plan.role_slots {
                c.add_items_of(plan, slot, &mut pools);
            }
        }
    }
    pools
}

/// A wave's disclosure warnings, labelled with the wave, and a warning
/// when it shows no company at all.
fn wave_warnings(w: &Scored, anon: u64) -> Vec<String> {
    let mut out: Vec<String> = score::disclosure_warnings(&w.vis, &w.acc.ids)
        .into_iter()
        .map(|line| format!("{}: {line}", w.label))
        .collect();
    if w.vis.shown_indices().is_empty() {
        out.push(format!(
            "{}: every company has fewer than {anon} respondents, so the wave shows no company figures and no pooled item figures",
            w.label
        ));
    }
    out
}

/// Per wave (`labels`: before, after), a warning naming how many items
/// have no pooled figures there, unless none or all of them do.
fn item_warnings(items: &[ItemChange], labels: [&String; 2], anon: u64) -> Vec<String> {
    let mut out = Vec::new();
    for (after, label) in [(false, labels[0]), (true, labels[1])] {
        let n = items
            .iter()
            .filter(|i| {
                if after {
                    i.after.is_none()
                } else {
                    i.before.is_none()
                }
            })
            .count();
        if n > 0 && n < items.len() {
            out.push(format!(
                "{label}: {n} item{} no pooled figures there, since fewer than {anon} respondents of the shown companies answered {}; no change is given",
                if n == 1 { " has" } else { "s have" },
                if n == 1 { "it" } else { "them" },
            ));
        }
    }
    out
}

/// Warnings about the panel: none at all, and companies in both waves
/// left out because one wave hides them.
fn panel_warnings(
    b: &Scored,
    a: &Scored,
    no_panel: bool,
    hidden_in_a_wave: usize,
    anon: u64,
) -> Vec<String> {
    let mut out = Vec::new();
    if no_panel {
        out.push(format!(
            "no company is shown in both waves ({} shown before, {} after): there is no panel, so only each wave's field figures and the items are compared",
            b.vis.shown_indices().len(),
            a.vis.shown_indices().len()
        ));
    }
    if hidden_in_a_wave > 0 {
        out.push(format!(
            "{hidden_in_a_wave} compan{} in both waves but hidden (fewer than {anon} respondents) in one or both: not in the panel",
            if hidden_in_a_wave == 1 { "y is" } else { "ies are" }
        ));
    }
    out
}

/// Build the comparison of two waves (instruments already checked with
/// [`check_same_instrument`]).
pub fn build(before: WaveInput, after: WaveInput, opts: CompareOptions) -> CompareReport {
    let anon = opts.anonymity;
    let inst = before.inst;
    let b = Scored::new(before, anon);
    let a = Scored::new(after, anon);
    let mut warnings = Vec::new();
    for w in [&b, &a] {
        warnings.extend(wave_warnings(w, anon));
    }
    let dims: Vec<String> = inst.dimensions.iter().map(|d| d.id.clone()).collect();
    let panel = panel::panel(&b, &a, &dims, &mut warnings);
    let field = panel::field(&b, &a, &dims, &panel);
    let movers = panel::movers(&b, &a, &panel);
    let items = items(&b, &a, anon);
    warnings.extend(item_warnings(&items, [&b.label, &a.label], anon));
    let (joined, left, hidden_in_a_wave) = joined_left(&b, &a);
    warnings.extend(panel_warnings(
        &b,
        &a,
        panel.is_empty(),
        hidden_in_a_wave,
        anon,
    ));
    let wave = |w: &Scored| WaveInfo {
        label: w.label.clone(),
        input: w.score.input.clone(),
        shown_companies: w.vis.shown_indices().len(),
        hidden: w.score.hidden.clone(),
    };
    CompareReport {
        schema_version: SCHEMA_VERSION,
        command: "compare",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        settings: Settings {
            anonymity: anon,
            weighting: Weighting::Respondent,
            tiers: b.tiers.is_some() && a.tiers.is_some(),
        },
        waves: Waves {
            before: wave(&b),
            after: wave(&a),
        },
        dimensions: DimensionInfo::list(inst, &b.acc.plan),
        panel: Panel {
            n_companies: panel.len(),
            companies: panel,
        },
        field,
        items,
        movers,
        joined,
        left,
        hidden_in_a_wave,
        warnings,
    }
}

/// The instrument's items, pooled per wave over its shown companies; a
/// wave's figures of an item fewer than the threshold answered are null,
/// and so is the change.
fn items(b: &Scored, a: &Scored, anon: u64) -> Vec<ItemChange> {
    let scale_range = (b.inst.scale.max - b.inst.scale.min) as f64;
    let figures = |t: Option<ItemSums>| -> (u64, Option<ItemSums>) {
        match t {
            Some(t) if t.n > 0 && t.n >= anon => (t.n, Some(t)),
            Some(t) => (t.n, None),
            None => (0, None),
        }
    };
    let mut out: Vec<ItemChange> = b
        .inst
        .items
        .iter()
        .map(|it| {
            let (n_before, pb) = figures(b.item_pool(&it.id));
            let (n_after, pa) = figures(a.item_pool(&it.id));
            let index = |t: &ItemSums| finite(100.0 * t.sum as f64 / t.n as f64 / scale_range);
            let top2 = |t: &ItemSums| finite(100.0 * t.top2 as f64 / t.n as f64);
            let (before, after) = (pb.as_ref().and_then(index), pa.as_ref().and_then(index));
            let p = match (&pb, &pa) {
                (Some(x), Some(y)) => stats::two_proportion_z(y.top2, y.n, x.top2, x.n),
                _ => None,
            };
            ItemChange {
                item: it.id.clone(),
                dimension: it.dimension.clone(),
                text: it.text.clone(),
                reverse: it.reverse,
                n_before,
                n_after,
                before,
                after,
                change: before.zip(after).and_then(|(x, y)| finite(y - x)),
                top2_before: pb.as_ref().and_then(top2),
                top2_after: pa.as_ref().and_then(top2),
                p: p.and_then(finite),
                q: None,
            }
        })
        .collect();
    let ps: Vec<Option<f64>> = out.iter().map(|i| i.p).collect();
    for (it, q) in out.iter_mut().zip(stats::benjamini_hochberg(&ps)) {
        it.q = q.and_then(finite);
    }
    out
}

/// Shown companies present in one wave's rows only (by id), and the count
/// of companies in both waves' rows that are hidden in one or both.
fn joined_left(b: &Scored, a: &Scored) -> (Vec<WaveCompany>, Vec<WaveCompany>, usize) {
    let only = |x: &Scored, y: &Scored| -> Vec<WaveCompany> {
        let mut v: Vec<WaveCompany> = x
            .acc
            .ids
            .iter()
            .filter(|id| !y.place.contains_key(id.as_ref()) && x.shown(id))
            .map(|id| WaveCompany {
                company_id: id.to_string(),
                n: x.respondents(id),
            })
            .collect();
        v.sort_by(|p, q| p.company_id.cmp(&q.company_id));
        v
    };
    let hidden = b
        .acc
        .ids
        .iter()
        .filter(|id| a.place.contains_key(id.as_ref()) && !(b.shown(id) && a.shown(id)))
        .count();
    (only(a, b), only(b, a), hidden)
}

/// Field keys: the dimensions, then `alignment_index`.
pub(super) fn field_keys(dims: &[String]) -> Vec<String> {
    dims.iter()
        .cloned()
        .chain(std::iter::once("alignment_index".to_string()))
        .collect()
}

/// `OrderedMap` of per-dimension changes, in `dims` order.
pub(super) fn dim_map(dims: &[String], v: Vec<DimensionChange>) -> OrderedMap<DimensionChange> {
    let mut m = OrderedMap::with_capacity(dims.len());
    for (d, c) in dims.iter().zip(v) {
        m.insert(d.as_str(), c);
    }
    m
}
