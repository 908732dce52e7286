//! `align score`: per-company dimension scores and alignment index, role
//! scores and gaps, reliability (Cronbach's α) and agreement (ICC, r_wg(J)).
//! Definitions are SPEC section 4; the JSON keys are SPEC section 5; the
//! report model itself is in [`model`].

mod model;

pub use model::*;

use super::{finite, mean_all, InstrumentRef, OrderedMap, SCHEMA_VERSION};
use crate::accumulate::{Accumulator, CompanyAcc, Plan};
use crate::ingest::values::Role;
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use crate::stats::{self, GroupMoments, ScaleCovariance};

/// Scale arithmetic shared by the figures: offsets → index points.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub min: f64,
    pub range: f64,
}

impl Scale {
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
pub fn company_group_means(plan: &Plan, c: &CompanyAcc, weighting: Weighting) -> Vec<Option<f64>> {
    (0..plan.groups.len())
        .map(|g| match weighting {
            Weighting::Respondent => {
                let t = c.group_total(plan, g);
                (t.n > 0).then(|| t.sum / t.n as f64)
            }
            Weighting::Role => {
                let means: Vec<f64> = (0..plan.role_slots)
                    .map(|s| c.group(plan, s, g))
                    .filter(|m| m.n > 0)
                    .map(|m| m.sum / m.n as f64)
                    .collect();
                (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
            }
        })
        .collect()
}

/// r_wg(J) of one company on one dimension.
pub fn company_rwg(plan: &Plan, c: &CompanyAcc, dim: usize, points: f64) -> Option<f64> {
    if c.n() < 2 {
        return None;
    }
    let vars: Vec<f64> = plan.groups[dim]
        .iter()
        .filter_map(|&col| {
            let t = c.item_total(plan, col);
            if t.n >= 2 {
                stats::var_from_int_sums(t.n, t.sum as i64, t.sumsq as i64)
            } else {
                None
            }
        })
        .collect();
    stats::rwg_j(&vars, points)
}

/// Build the `score` report from a finished pass.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    opts: ScoreOptions,
) -> ScoreReport {
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    let anon = opts.anonymity;
    let mut warnings = Vec::new();
    let dimensions = DimensionInfo::list(inst, plan);
    let reliability = reliability_block(inst, acc, &mut warnings);
    let block = company_block(inst, acc, opts, scale);
    let aggregation = aggregation_block(inst, acc, &block, &mut warnings);
    let single = acc.companies.iter().filter(|c| c.n() < 2).count();
    if single > 0 {
        warnings.push(format!(
            "r_wg(J) is undefined for {single} compan{} with fewer than 2 respondents",
            if single == 1 { "y" } else { "ies" }
        ));
    }
    if let Some(w) = hidden_warning(&block.hidden) {
        warnings.push(w);
    }

    let items = item_scores(inst, acc, scale, anon);
    let unanswered: Vec<&str> = items
        .iter()
        .filter(|i| i.n == 0)
        .map(|i| i.item.as_str())
        .collect();
    if !unanswered.is_empty() {
        warnings.push(format!(
            "nobody answered {} {}: {} no item figures, and {} dimension's α uses only complete answers, so it is undefined",
            if unanswered.len() == 1 { "item" } else { "items" },
            unanswered.join(", "),
            if unanswered.len() == 1 { "it has" } else { "they have" },
            if unanswered.len() == 1 { "its" } else { "their" },
        ));
    }
    let n_companies = acc.companies.len();
    ScoreReport {
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
        companies: block.companies,
        items,
        hidden: block.hidden,
        warnings,
    }
}

/// Cronbach's α, its CI and the item statistics of every dimension.
fn reliability_block(
    inst: &Instrument,
    acc: &Accumulator,
    warnings: &mut Vec<String>,
) -> OrderedMap<Reliability> {
    let plan = &acc.plan;
    let mut reliability = OrderedMap::new();
    for (d, id) in inst.dimensions.iter().map(|d| d.id.as_str()).enumerate() {
        let r = &acc.reliability[d];
        let cov = ScaleCovariance::from_int_sums(
            r.n, &r.sum_i, &r.sumsq_i, &r.sum_it, r.sum_t, r.sumsq_t,
        );
        let a = stats::cronbach(&cov);
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

/// Every company's figures, plus what the pooled summaries need from them.
struct CompanyBlock {
    companies: Vec<CompanyScore>,
    hidden: Hidden,
    /// Per dimension: the defined r_wg(J) of every company.
    rwg_all: Vec<Vec<f64>>,
    /// Per dimension: companies without a score.
    no_score: Vec<usize>,
}

/// Scores, roles, gaps and r_wg(J) per company, best first.
fn company_block(
    inst: &Instrument,
    acc: &Accumulator,
    opts: ScoreOptions,
    scale: Scale,
) -> CompanyBlock {
    let plan = &acc.plan;
    let points = inst.scale_points() as f64;
    let has_roles = plan.role_slots == 3;
    let dim_ids: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
    let anon = opts.anonymity;
    let mut hidden = Hidden {
        threshold: anon,
        companies: 0,
        roles: 0,
    };
    let mut rwg_all: Vec<Vec<f64>> = vec![Vec::new(); plan.n_dims];
    let mut no_score = vec![0usize; plan.n_dims];
    let mut companies = Vec::with_capacity(acc.companies.len());
    for (id, c) in acc.ids.iter().zip(&acc.companies) {
        let n = c.n();
        let mut n_by_role = OrderedMap::new();
        if has_roles {
            for r in Role::NAMED {
                n_by_role.insert(r.key(), c.n_by_slot[plan.slot(r)]);
            }
        }
        let means = company_group_means(plan, c, opts.weighting);
        let dim_scores: Vec<Option<f64>> = means[..plan.n_dims]
            .iter()
            .map(|m| m.and_then(|m| scale.index(m)))
            .collect();
        let rwg: Vec<Option<f64>> = (0..plan.n_dims)
            .map(|d| company_rwg(plan, c, d, points).and_then(finite))
            .collect();
        for d in 0..plan.n_dims {
            if let Some(r) = rwg[d] {
                rwg_all[d].push(r);
            }
            if dim_scores[d].is_none() {
                no_score[d] += 1;
            }
        }
        let suppressed = n < anon;
        if suppressed {
            hidden.companies += 1;
            companies.push(CompanyScore {
                company_id: id.to_string(),
                n,
                n_by_role,
                suppressed,
                scores: None,
                stage: None,
                by_role: None,
                role_gap: None,
                rwg_j: None,
                perception_index: None,
            });
            continue;
        }
        let alignment = mean_all(&dim_scores);
        let mut scores = OrderedMap::new();
        for (d, id) in dim_ids.iter().enumerate() {
            scores.insert(*id, dim_scores[d]);
        }
        scores.insert("alignment_index", alignment);
        let (by_role, role_gap) = if has_roles {
            let mut by_role = OrderedMap::new();
            let mut shown: [Option<Vec<Option<f64>>>; 3] = [None, None, None];
            for r in Role::NAMED {
                let s = plan.slot(r);
                let rn = c.n_by_slot[s];
                if rn == 0 {
                    continue;
                }
                if rn < anon {
                    hidden.roles += 1;
                    by_role.insert(r.key(), RoleScores::Suppressed);
                    continue;
                }
                let vals: Vec<Option<f64>> = (0..plan.n_dims)
                    .map(|d| {
                        let m = c.group(plan, s, d);
                        (m.n > 0)
                            .then(|| m.sum / m.n as f64)
                            .and_then(|x| scale.index(x))
                    })
                    .collect();
                let mut map = OrderedMap::new();
                for (d, id) in dim_ids.iter().enumerate() {
                    map.insert(*id, vals[d]);
                }
                map.insert("alignment_index", mean_all(&vals));
                by_role.insert(r.key(), RoleScores::Shown(map));
                shown[s] = Some(vals);
            }
            let gap = match (&shown[0], &shown[1]) {
                (Some(sales), Some(mkt)) => {
                    let mut g = OrderedMap::new();
                    for (d, id) in dim_ids.iter().enumerate() {
                        g.insert(*id, sales[d].zip(mkt[d]).and_then(|(s, m)| finite(m - s)));
                    }
                    g
                }
                _ => {
                    let mut g = OrderedMap::new();
                    for id in &dim_ids {
                        g.insert(*id, None);
                    }
                    g
                }
            };
            (Some(by_role), Some(gap))
        } else {
            (None, None)
        };
        let mut rwg_map = OrderedMap::new();
        for (d, id) in dim_ids.iter().enumerate() {
            rwg_map.insert(*id, rwg[d]);
        }
        let perception_index = plan
            .perception_group()
            .and_then(|g| means[g])
            .and_then(|m| scale.index(m));
        companies.push(CompanyScore {
            company_id: id.to_string(),
            n,
            n_by_role,
            suppressed,
            stage: alignment
                .and_then(|a| inst.stage_for(a))
                .map(str::to_string),
            scores: Some(scores),
            by_role,
            role_gap,
            rwg_j: Some(rwg_map),
            perception_index,
        });
    }
    // Best first; hidden companies last, by id, so their order reveals nothing.
    companies.sort_by(|a, b| {
        let key = |c: &CompanyScore| {
            c.scores
                .as_ref()
                .and_then(|s| s.get("alignment_index").copied().flatten())
        };
        a.suppressed
            .cmp(&b.suppressed)
            .then_with(|| match (key(a), key(b)) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.company_id.cmp(&b.company_id))
    });

    CompanyBlock {
        companies,
        hidden,
        rwg_all,
        no_score,
    }
}

/// ICC(1), ICC(2) and the median r_wg(J) of every dimension.
fn aggregation_block(
    inst: &Instrument,
    acc: &Accumulator,
    block: &CompanyBlock,
    warnings: &mut Vec<String>,
) -> OrderedMap<Aggregation> {
    let plan = &acc.plan;
    let mut aggregation = OrderedMap::new();
    for (d, id) in inst.dimensions.iter().map(|d| d.id.as_str()).enumerate() {
        let groups: Vec<GroupMoments> = acc
            .companies
            .iter()
            .map(|c| {
                let t = c.group_total(plan, d);
                GroupMoments {
                    n: t.n,
                    sum: t.sum,
                    sumsq: t.sumsq,
                }
            })
            .collect();
        let icc = stats::icc_oneway(&groups);
        for note in &icc.notes {
            warnings.push(format!("ICC for {id} is undefined: {note}"));
        }
        aggregation.insert(
            id,
            Aggregation {
                icc1: icc.icc1.and_then(finite),
                icc2: icc.icc2.and_then(finite),
                rwg_j_median: stats::median(&block.rwg_all[d]).and_then(finite),
                icc_groups: icc.groups,
                rwg_j_companies: block.rwg_all[d].len(),
            },
        );
        if block.no_score[d] > 0 {
            warnings.push(format!(
                "{} compan{} no score on {id}: no respondent answered at least half of its items",
                block.no_score[d],
                if block.no_score[d] == 1 {
                    "y has"
                } else {
                    "ies have"
                }
            ));
        }
    }
    aggregation
}

/// The warning that groups were hidden for anonymity, if any were.
pub fn hidden_warning(hidden: &Hidden) -> Option<String> {
    let mut parts = Vec::new();
    if hidden.companies > 0 {
        parts.push(format!(
            "{} compan{}",
            hidden.companies,
            if hidden.companies == 1 { "y" } else { "ies" }
        ));
    }
    if hidden.roles > 0 {
        parts.push(format!(
            "{} role group{} within companies",
            hidden.roles,
            if hidden.roles == 1 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        return None;
    }
    let n = hidden.companies + hidden.roles;
    Some(format!(
        "{} {} fewer than {} respondents and {} hidden (still counted in pooled statistics); change the threshold with --anonymity N",
        parts.join(" and "),
        if n == 1 { "has" } else { "have" },
        hidden.threshold,
        if n == 1 { "is" } else { "are" },
    ))
}

/// Pooled item figures; a role pooled over the whole file is hidden on an
/// item when fewer of its respondents than the anonymity threshold answered it.
fn item_scores(inst: &Instrument, acc: &Accumulator, scale: Scale, anon: u64) -> Vec<ItemScore> {
    let plan = &acc.plan;
    let has_roles = plan.role_slots == 3;
    let mut out = Vec::new();
    for (d, dim) in inst.dimensions.iter().enumerate() {
        for &col in &plan.groups[d] {
            let mut total = crate::accumulate::ItemSums::default();
            let mut slots = vec![crate::accumulate::ItemSums::default(); plan.role_slots];
            for c in &acc.companies {
                for (s, slot) in slots.iter_mut().enumerate() {
                    slot.merge(&c.item(plan, s, col));
                }
            }
            for s in &slots {
                total.merge(s);
            }
            let mean_off = (total.n > 0).then(|| total.sum as f64 / total.n as f64);
            let mut by_role = OrderedMap::new();
            let mut role_idx = [None; 3];
            if has_roles {
                for r in Role::NAMED {
                    let s = plan.slot(r);
                    let v = (slots[s].n > 0 && slots[s].n >= anon)
                        .then(|| slots[s].sum as f64 / slots[s].n as f64)
                        .and_then(|m| scale.index(m));
                    role_idx[s] = v;
                    by_role.insert(r.key(), v);
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
