//! `align score`: per-company dimension scores and alignment index, role
//! scores and gaps, reliability (Cronbach's α) and agreement (ICC, r_wg(J)).
//! Definitions are in docs/methods.md; the JSON keys in docs/formats.md#score-json; the
//! report model itself is in `model` ([`ScoreReport`] and its parts).

mod builder;
mod companies;
mod model;
mod order;

use companies::CompanyBlock;
pub use companies::CompanyRows;
pub use model::*;

use super::{finite, InstrumentRef, OrderedMap, SCHEMA_VERSION};
use crate::accumulate::{Accumulator, CompanyAcc, ItemSums, Plan};
use crate::disclosure::{suppress_parts_ordered, Disclosure};
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use crate::stats::{self, ScaleCovariance};

/// Scale arithmetic shared by the figures: offsets → index points.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// The scale minimum.
    pub min: f64,
    /// `max − min`: the scale's width in points.
    pub range: f64,
}

impl Scale {
    /// The scale of `inst`.
    pub fn new(inst: &Instrument) -> Scale {
        Scale {
            min: inst.scale.min as f64,
            range: (inst.scale.max - inst.scale.min) as f64,
        }
    }
    /// Index 0–100 of a mean offset from the scale minimum.
    pub fn index(&self, offset_mean: f64) -> Option<f64> {
        finite(100.0 * offset_mean / self.range)
    }
}

/// Company dimension offsets (not yet indexes): the mean over respondents, or
/// of role means under `Weighting::Role`. Groups include the perception group.
/// A group that fewer than `min_n` respondents answered (at least half of
/// its items) has no mean: it would be a figure of fewer respondents than
/// the anonymity threshold (docs/methods.md, "Disclosure control").
pub fn company_group_means(
    plan: &Plan,
    c: &CompanyAcc,
    weighting: Weighting,
    min_n: u64,
) -> Vec<Option<f64>> {
    let mut out = Vec::with_capacity(plan.groups.len());
    company_group_means_into(plan, c, weighting, min_n, &mut out);
    out
}

/// [`company_group_means`] into `out` (cleared first).
fn company_group_means_into(
    plan: &Plan,
    c: &CompanyAcc,
    weighting: Weighting,
    min_n: u64,
    out: &mut Vec<Option<f64>>,
) {
    out.clear();
    out.extend((0..plan.groups.len()).map(|g| match weighting {
        _ if c.group_total(plan, g).n < min_n.max(1) => None,
        Weighting::Respondent => {
            let t = c.group_total(plan, g);
            Some(t.sum / t.n as f64)
        }
        Weighting::Role => {
            let (mut sum, mut k) = (0.0, 0usize);
            for s in 0..plan.role_slots {
                let m = c.group(plan, s, g);
                if m.n > 0 {
                    sum += m.sum / m.n as f64;
                    k += 1;
                }
            }
            (k > 0).then(|| sum / k as f64)
        }
    }));
}

/// r_wg(J) of one company on one dimension.
pub fn company_rwg(plan: &Plan, c: &CompanyAcc, dim: usize, points: f64) -> Option<f64> {
    let totals: Vec<ItemSums> = (0..plan.n_scale())
        .map(|col| c.item_total(plan, col))
        .collect();
    rwg_of_totals(plan, &totals, c.n(), dim, points, &mut Vec::new())
}

/// [`company_rwg`] from the company's respondent count and its item sums
/// over all roles (`totals`, one per scale column), with `vars` as scratch
/// space for the item variances.
fn rwg_of_totals(
    plan: &Plan,
    totals: &[ItemSums],
    n: u64,
    dim: usize,
    points: f64,
    vars: &mut Vec<f64>,
) -> Option<f64> {
    if n < 2 {
        return None;
    }
    vars.clear();
    vars.extend(plan.groups[dim].iter().filter_map(|&col| {
        let t = &totals[col];
        if t.n >= 2 {
            stats::var_from_int_sums(t.n, t.sum as i64, t.sumsq as i64)
        } else {
            None
        }
    }));
    stats::rwg_j(vars, points)
}

/// Build the `score` report from a finished pass.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    opts: ScoreOptions,
) -> ScoreReport {
    stream(inst, acc, input, opts).into_report()
}

/// The `score` report from a finished pass, its companies made only when
/// they are written ([`ScoreStream`]).
pub fn stream<'a>(
    inst: &'a Instrument,
    acc: &'a Accumulator,
    input: InputReport,
    opts: ScoreOptions,
) -> ScoreStream<'a> {
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    let anon = opts.anonymity;
    let mut warnings = Vec::new();
    let dimensions = DimensionInfo::list(inst, plan);
    let reliability = reliability_block(inst, acc, anon, &mut warnings);
    // Variants of company ids are looked for on a thread of their own
    // while the disclosure plan is made: each is a pass over every company.
    let (vis, variants) = companies::on_two_threads(
        || Disclosure::plan(acc, anon),
        || crate::ingest::aliases::variant_warnings(&acc.ids),
    );
    let single = vis
        .companies()
        .iter()
        .filter(|c| c.shown && c.respondents < 2)
        .count();
    let hidden_warnings = disclosure_warnings(&vis, &acc.ids);
    let block = companies::company_block(inst, &acc.ids, &acc.companies, plan, opts, scale, vis);
    let aggregation = aggregation_block(inst, &block, &mut warnings);
    if single > 0 {
        warnings.push(format!(
            "r_wg(J) is undefined for {single} compan{} with fewer than 2 respondents",
            if single == 1 { "y" } else { "ies" }
        ));
    }
    warnings.extend(hidden_warnings);
    warnings.extend(variants);

    let items = item_scores(inst, plan, &block, scale, anon);
    warnings.extend(item_warnings(
        plan,
        &items,
        &block.tallies.item_answers,
        anon,
        block.hidden.companies > 0,
    ));
    let n_companies = acc.companies.len();
    let report = ScoreReport {
        schema_version: SCHEMA_VERSION,
        command: "score",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        input: InputSummary::new(input, n_companies),
        settings: Settings {
            weighting: opts.weighting,
            anonymity: anon,
        },
        dimensions,
        reliability,
        aggregation,
        companies: Vec::new(),
        items,
        segments: None,
        hidden: block.hidden,
        warnings,
    };
    ScoreStream {
        report,
        rows: block.rows,
    }
}

/// A `score` report whose companies are made from the accumulated sums
/// when they are written: the JSON writer makes and writes them a chunk at
/// a time, so that the whole list is never held, which is most of the
/// model's memory in a survey of many companies. The figures are those of
/// [`build`], which is this made whole.
pub struct ScoreStream<'a> {
    /// The report without its companies (`companies` is empty).
    pub report: ScoreReport,
    rows: CompanyRows<'a>,
}

impl ScoreStream<'_> {
    /// The companies, best first, made on demand.
    pub fn rows(&self) -> &CompanyRows<'_> {
        &self.rows
    }

    /// The whole report, every company made.
    pub fn into_report(self) -> ScoreReport {
        let mut report = self.report;
        report.companies = self.rows.all();
        report
    }

    /// A copy of the whole report, every company made.
    pub fn to_report(&self) -> ScoreReport {
        let mut report = self.report.clone();
        report.companies = self.rows.all();
        report
    }
}

impl serde::Serialize for ScoreStream<'_> {
    /// As the whole report serializes.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_report().serialize(s)
    }
}

/// Cronbach's α, its CI and the item statistics of every dimension.
/// A dimension whose complete respondents number fewer than `anon` has no
/// figures (they would be statistics of fewer respondents than the
/// threshold).
fn reliability_block(
    inst: &Instrument,
    acc: &Accumulator,
    anon: u64,
    warnings: &mut Vec<String>,
) -> OrderedMap<Reliability> {
    let plan = &acc.plan;
    let mut reliability = OrderedMap::new();
    for (d, id) in inst.dimensions.iter().map(|d| d.id.as_str()).enumerate() {
        let r = &acc.reliability[d];
        let cov = ScaleCovariance::from_int_sums(
            r.n, &r.sum_i, &r.sumsq_i, &r.sum_it, r.sum_t, r.sumsq_t,
        );
        let mut a = stats::cronbach(&cov);
        if r.n > 0 && r.n < anon {
            warnings.push(format!(
                "Cronbach's α for {id} is hidden: {} respondent{} answered all its items, fewer than the anonymity threshold {anon}",
                r.n,
                if r.n == 1 { "" } else { "s" }
            ));
            a.alpha = None;
            a.ci95 = None;
            a.notes.clear();
            for it in &mut a.items {
                it.alpha_if_dropped = None;
                it.item_total_r = None;
            }
        }
        for note in &a.notes {
            warnings.push(format!("Cronbach's α for {id} is undefined: {note}"));
        }
        if let Some(alpha) = a.alpha.filter(|a| *a < 0.0) {
            warnings.push(format!(
                "Cronbach's α for {id} is negative ({alpha:.3}): its items disagree with each other; check the `reverse` flags of its items"
            ));
        }
        let items: Vec<ItemReliability> = plan.groups[d]
            .iter()
            .zip(&a.items)
            .map(|(&col, ir)| {
                let item = &inst.items[col].id;
                if let Some(r) = ir.item_total_r.filter(|r| *r < 0.0) {
                    warnings.push(format!(
                        "item {item} correlates negatively with the rest of {id} (corrected item–total r = {r:.3}); check its `reverse` flag"
                    ));
                }
                ItemReliability {
                    item: item.clone(),
                    alpha_if_dropped: ir.alpha_if_dropped.and_then(finite),
                    item_total_r: ir.item_total_r.and_then(finite),
                }
            })
            .collect();
        reliability.insert(
            id,
            Reliability {
                alpha: a.alpha.and_then(finite),
                alpha_ci95: a.ci95.filter(|c| c.iter().all(|x| x.is_finite())),
                n_complete: r.n,
                k: plan.groups[d].len(),
                items,
            },
        );
    }
    reliability
}

/// ICC(1), ICC(2) and the median r_wg(J) of every dimension.
fn aggregation_block(
    inst: &Instrument,
    block: &CompanyBlock,
    warnings: &mut Vec<String>,
) -> OrderedMap<Aggregation> {
    let mut aggregation = OrderedMap::new();
    for (d, id) in inst.dimensions.iter().map(|d| d.id.as_str()).enumerate() {
        let icc = stats::icc_oneway(&block.tallies.moments[d]);
        for note in &icc.notes {
            warnings.push(format!("ICC for {id} is undefined: {note}"));
        }
        aggregation.insert(
            id,
            Aggregation {
                icc1: icc.icc1.and_then(finite),
                icc2: icc.icc2.and_then(finite),
                rwg_j_median: stats::median(&block.tallies.rwg_all[d]).and_then(finite),
                icc_groups: icc.groups,
                rwg_j_companies: block.tallies.rwg_all[d].len(),
            },
        );
        if block.tallies.no_score[d] > 0 {
            let n = block.tallies.no_score[d];
            warnings.push(format!(
                "{n} compan{} no score on {id}: {} answered at least half of its items",
                if n == 1 { "y has" } else { "ies have" },
                match block.hidden.threshold {
                    0 | 1 => "no respondent".to_string(),
                    t => format!("fewer than {t} respondents"),
                }
            ));
        }
    }
    aggregation
}

/// The warnings that companies and role groups are hidden, if any are
/// (the same sentences in every command).
pub fn disclosure_warnings(vis: &Disclosure, ids: &[Box<str>]) -> Vec<String> {
    vis.companies_warning(ids)
        .into_iter()
        .chain(vis.roles_warning())
        .collect()
}

/// Why items have no pooled figures: nobody answered them, or too few in
/// the companies whose answers may be pooled. `answers` counts every answer
/// of the shown companies per column; with `hidden` companies, "nobody" is
/// not said.
fn item_warnings(
    plan: &Plan,
    items: &[ItemScore],
    answers: &[u64],
    anon: u64,
    hidden: bool,
) -> Vec<String> {
    let cols = plan.groups[..plan.n_dims].iter().flatten();
    let (mut few, mut unanswered) = (Vec::new(), Vec::new());
    for (it, &col) in items.iter().zip(cols) {
        if answers.get(col).copied().unwrap_or(0) == 0 {
            unanswered.push(it.item.as_str());
        } else if it.n < anon.max(1) {
            few.push(it.item.as_str());
        }
    }
    let words = |n: usize| match n {
        1 => ("item", "it has", "it", "its", "has"),
        _ => ("items", "they have", "them", "their", "have"),
    };
    let mut out = Vec::new();
    if !few.is_empty() {
        let (item, _, them, _, has) = words(few.len());
        out.push(format!(
            "{} {item} {has} no pooled figures, since fewer than {anon} respondents answered {them} in companies where at least {anon} did: {}",
            few.len(),
            few.join(", ")
        ));
    }
    if !unanswered.is_empty() {
        let (item, has, _, its, _) = words(unanswered.len());
        out.push(if hidden {
            format!(
                "no respondent of a shown company answered {item} {}: {has} no pooled figures",
                unanswered.join(", ")
            )
        } else {
            format!(
                "nobody answered {item} {}: {has} no item figures, and {its} dimension's α uses only complete answers, so it is undefined",
                unanswered.join(", "),
            )
        });
    }
    out
}

/// Pooled item figures over the shown companies. A role pool holds the
/// shown role groups; the item's total also holds the hidden ones (the
/// "rest"), so the role pools are suppressed as parts of that total: a pool
/// answered by fewer respondents than the threshold is hidden, and more are
/// hidden until the hidden ones and the rest together hold 0 or at least
/// the threshold.
fn item_scores(
    inst: &Instrument,
    plan: &Plan,
    block: &CompanyBlock,
    scale: Scale,
    anon: u64,
) -> Vec<ItemScore> {
    let n_scale = plan.n_scale();
    let has_roles = plan.has_roles();
    let keys = plan.role_keys();
    let order = plan.role_tie_order();
    let mut out = Vec::new();
    for (d, dim) in inst.dimensions.iter().enumerate() {
        for &col in &plan.groups[d] {
            let mut total = block.tallies.item_rest[col];
            let slots: Vec<ItemSums> = (0..plan.role_slots)
                .map(|s| block.tallies.item_sums[s * n_scale + col])
                .collect();
            for s in &slots {
                total.merge(s);
            }
            // An item fewer than the threshold answered has no figures.
            let mean_off =
                (total.n > 0 && total.n >= anon).then(|| total.sum as f64 / total.n as f64);
            let mut by_role = OrderedMap::new();
            let mut role_idx = vec![None; plan.role_slots.max(3)];
            if has_roles && mean_off.is_none() {
                for (_, k) in &keys {
                    by_role.insert(k.clone(), None);
                }
            } else if has_roles {
                let sizes: Vec<u64> = slots.iter().map(|t| t.n).collect();
                let shown = suppress_parts_ordered(
                    &sizes,
                    &[],
                    block.tallies.item_rest[col].n,
                    anon,
                    &order,
                );
                for (s, k) in &keys {
                    let s = *s;
                    let v = shown[s]
                        .is_shown()
                        .then(|| slots[s].sum as f64 / slots[s].n as f64)
                        .and_then(|m| scale.index(m));
                    role_idx[s] = v;
                    by_role.insert(k.clone(), v);
                }
            }
            let it = &inst.items[col];
            out.push(ItemScore {
                item: it.id.clone(),
                dimension: dim.id.clone(),
                text: it.text.clone(),
                reverse: it.reverse,
                n: total.n,
                mean: mean_off.and_then(|m| finite(m + scale.min)),
                index: mean_off.and_then(|m| scale.index(m)),
                by_role,
                role_gap: role_idx[0]
                    .zip(role_idx[1])
                    .and_then(|(s, m)| finite(m - s)),
            });
        }
    }
    out
}
