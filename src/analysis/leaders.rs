//! `align leaders`: companies classified by business outcomes (leaders,
//! average, laggards; see [`super::outcomes`]) and, for every dimension and
//! every item, the statistics that show which alignment practices
//! distinguish leaders from laggards (docs/methods.md#leaders-vs-laggards; JSON keys
//! docs/formats.md#leaders-json). The comparison of one variable is in `leaders/compare.rs`, the
//! plain-language summary in `leaders/summary.rs`.
//!
//! Decisions where the definitions leave room:
//! - the unit is the company. A company's item value is the mean of its
//!   respondents' reverse-coded answers on the instrument's scale (so item
//!   differences read as scale points); its dimension value is its dimension
//!   score (0–100 index, `--weighting respondent|role`), so dimension
//!   differences read as index points. A company without an answer to an
//!   item (or without a dimension score) is left out of that comparison;
//! - leaders are compared with laggards; the average tier is only described
//!   (`average{n,mean,sd}`);
//! - `q` of an item: Benjamini–Hochberg over the items' Welch p-values (items
//!   whose p is undefined are not in the family). The dimensions are a
//!   separate family: their `q` is Benjamini–Hochberg over the dimensions'
//!   Welch p-values;
//! - top-2-box: share (0–100) of the respondents of a tier's companies who
//!   answered the item in the two highest scale points *as worded* (raw, not
//!   reverse-coded), pooled over the tier; `lift` = leaders' share ÷
//!   laggards' share, null when the laggards' share is 0;
//! - Spearman ρ of each dimension score with the composite, over the
//!   classified companies that have the score;
//! - privacy (docs/methods.md, "Disclosure control"): a company hidden for
//!   anonymity enters no statistic (it has no composite and no tier, and is
//!   in no tier's means, counts or top-2-box pools); the company list shows
//!   it last as `{suppressed: true, composite: null, tier: null}`. Every
//!   tier is therefore a union of shown companies; a tier with fewer
//!   respondents than `--anonymity` (possible only at a threshold above a
//!   shown company's size, i.e. never) would have its figures hidden;
//! - when every classified company has the same composite (e.g. no outcome
//!   varies), the tiers follow company ids only: no comparison statistic is
//!   computed (diff, g, tests, q, lift are null), with a warning.

mod compare;
mod model;
pub mod summary;

pub use model::*;

use compare::{compare, top2, why_warnings, Tiers, Why};
pub use compare::{AVG, LAG, LEAD};

use super::outcomes::{CompositeMethod, Outcomes, Scheme, Tier};
use super::score::{company_group_means, Hidden, InputSummary, Scale, Weighting};
use super::{finite, snap_ties, InstrumentRef, SCHEMA_VERSION};
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::error::Error;
use crate::ingest::InputReport;
use crate::instrument::{Direction, Instrument};
use crate::stats;

/// "x, y" or "a, b, c, d, … (9 in all)" for warnings.
fn names(v: &[String]) -> String {
    if v.len() <= 4 {
        v.join(", ")
    } else {
        format!("{}, … ({} in all)", v[..4].join(", "), v.len())
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The error when no company has a composite.
fn nobody_classified(inst: &Instrument, outcomes: &Outcomes, vis: &Disclosure) -> Error {
    if vis.shown_indices().is_empty() {
        return Error::Usage(format!(
            "no company can be classified as a leader or laggard: every company has fewer than {} respondents, so all are hidden; lower the threshold with --anonymity N",
            vis.threshold()
        ));
    }
    let n = outcomes.companies.iter().filter(|c| !c.hidden).count();
    let none_reported = outcomes
        .companies
        .iter()
        .all(|c| c.values.iter().all(|v| v.is_none()));
    let cols: Vec<String> = inst
        .outcomes
        .iter()
        .map(|o| format!("\"{}\"", o.column))
        .collect();
    let why = if none_reported {
        format!(
            "none of the {} has any outcome value; put the outcome columns ({}) in the responses, or give one row per company with --outcomes FILE",
            plural(n, "company", "companies"),
            cols.join(", ")
        )
    } else {
        let needed = inst.outcomes.len().div_ceil(2);
        format!(
            "no company has enough usable outcomes (at least {needed} of {} are needed; an outcome that only one company reports, or that never varies, is not usable)",
            inst.outcomes.len()
        )
    };
    Error::Usage(format!(
        "no company can be classified as a leader or laggard: {why}"
    ))
}

/// Build the `leaders` report from a finished pass and the classified
/// outcomes. Fails (usage error, exit 2) when no company could be classified.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    outcomes: &Outcomes,
    opts: LeadersOptions,
) -> Result<LeadersReport, Error> {
    let anon = opts.anonymity;
    let vis = Disclosure::plan(acc, anon);
    if outcomes.classified().next().is_none() {
        return Err(nobody_classified(inst, outcomes, &vis));
    }
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    let mut warnings = outcomes.warnings.clone();

    // Company values per dimension (indexes) and per item (means on the
    // scale), indexed [variable][company]; none for a hidden company.
    let means: Vec<Vec<Option<f64>>> = acc
        .companies
        .iter()
        .enumerate()
        .map(|(i, c)| match vis.shown(i) {
            true => company_group_means(plan, c, opts.weighting, anon),
            false => vec![None; plan.groups.len()],
        })
        .collect();
    let dim_scores: Vec<Vec<Option<f64>>> = (0..plan.n_dims)
        .map(|d| {
            let mut v: Vec<Option<f64>> = means
                .iter()
                .map(|m| m[d].and_then(|m| scale.index(m)))
                .collect();
            snap_ties(&mut v);
            v
        })
        .collect();
    let item_values = |col: usize| -> Vec<Option<f64>> {
        let mut v: Vec<Option<f64>> = acc
            .companies
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let t = c.item_total(plan, col);
                // A hidden company, or an item fewer than the threshold of
                // its respondents answered, has no value.
                let t = if vis.shown(i) && vis.cell_shown(t.n) {
                    t
                } else {
                    Default::default()
                };
                (t.n > 0)
                    .then(|| scale.min + t.sum as f64 / t.n as f64)
                    .and_then(finite)
            })
            .collect();
        snap_ties(&mut v);
        v
    };

    // Tiers.
    let member = |tier: Tier| -> Vec<usize> {
        (0..outcomes.companies.len())
            .filter(|&i| vis.shown(i) && outcomes.companies[i].tier == Some(tier))
            .collect()
    };
    let members = [
        member(Tier::Leader),
        member(Tier::Laggard),
        member(Tier::Average),
    ];
    let respondents: Vec<u64> = members
        .iter()
        .map(|m| m.iter().map(|&i| acc.companies[i].n()).sum())
        .collect();
    let shown: [bool; 3] = [0, 1, 2].map(|t| respondents[t] >= anon);
    let composites: Vec<f64> = outcomes.classified().filter_map(|c| c.composite).collect();
    let tied = composites.len() >= 2 && composites.iter().all(|c| *c == composites[0]);
    let tiers = Tiers {
        members,
        shown,
        tied,
    };
    let size = |t: usize| TierSize {
        companies: tiers.members[t].len(),
        respondents: respondents[t],
    };
    let counts = TierCounts {
        leader: size(LEAD),
        average: size(AVG),
        laggard: size(LAG),
        unclassified: outcomes
            .companies
            .iter()
            .filter(|c| !c.hidden && c.composite.is_none())
            .count(),
    };
    if tied {
        warnings.push(format!(
            "all {} classified companies have the same outcome composite, so the tiers follow company ids only: no leader–laggard comparison is made (diff, g, tests, q and lift are null)",
            composites.len()
        ));
    }
    for (t, name) in [(LEAD, "leaders"), (LAG, "laggards"), (AVG, "average")] {
        if !tiers.shown[t] && respondents[t] > 0 {
            warnings.push(format!(
                "the {name} tier has only {} (fewer than --anonymity {anon}): its means, sds{} are hidden; change the threshold with --anonymity",
                plural(respondents[t] as usize, "respondent", "respondents"),
                if t == AVG { "" } else { ", top-2-box shares and the leader–laggard differences" }
            ));
        }
    }

    // Dimensions.
    let mut why_by: Vec<(Why, String)> = Vec::new();
    let mut dimensions = Vec::with_capacity(plan.n_dims);
    let mut dim_p = Vec::with_capacity(plan.n_dims);
    for (d, dim) in inst.dimensions.iter().enumerate() {
        let mut why = Vec::new();
        let (stats, p) = compare(&tiers, |i| dim_scores[d][i], &mut why);
        why_by.extend(why.into_iter().map(|w| (w, dim.id.clone())));
        dim_p.push(p);
        dimensions.push(DimensionComparison {
            dimension: dim.id.clone(),
            label: dim.label.clone(),
            stats,
        });
    }
    for (c, q) in dimensions.iter_mut().zip(stats::benjamini_hochberg(&dim_p)) {
        c.stats.q = q.and_then(finite);
    }

    // Items.
    let mut items = Vec::with_capacity(plan.n_items);
    let mut item_p = Vec::with_capacity(plan.n_items);
    let mut no_lift = Vec::new();
    for (d, dim) in inst.dimensions.iter().enumerate() {
        for &col in &plan.groups[d] {
            let it = &inst.items[col];
            let mut why = Vec::new();
            let vals = item_values(col);
            let (stats, p) = compare(&tiers, |i| vals[i], &mut why);
            why_by.extend(why.into_iter().map(|w| (w, it.id.clone())));
            item_p.push(p);
            let (tl, nl) = top2(acc, &tiers.members[LEAD], col, tiers.shown[LEAD], anon);
            let (tg, ng) = top2(acc, &tiers.members[LAG], col, tiers.shown[LAG], anon);
            let lift = match (tl, tg) {
                (Some(l), Some(g)) if !tied => {
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
    for (c, q) in items.iter_mut().zip(stats::benjamini_hochberg(&item_p)) {
        c.stats.q = q.and_then(finite);
    }
    let n_vars = dimensions.len() + items.len();
    warnings.extend(why_warnings(&why_by, n_vars, &tiers));
    if !no_lift.is_empty() {
        warnings.push(format!(
            "the top-2-box lift is null for {}: no laggard respondent answered in the two highest points",
            names(&no_lift)
        ));
    }

    // Spearman ρ of each dimension score with the composite.
    let mut correlations = Vec::with_capacity(plan.n_dims);
    for (d, dim) in inst.dimensions.iter().enumerate() {
        let (x, y): (Vec<f64>, Vec<f64>) = outcomes
            .companies
            .iter()
            .enumerate()
            .filter(|(_, c)| c.tier.is_some())
            .filter_map(|(i, c)| Some((dim_scores[d][i]?, c.composite?)))
            .unzip();
        let r = stats::spearman(&x, &y);
        let (rho, p) = match r {
            Some(r) => (finite(r.rho), r.p.and_then(finite)),
            None => (None, None),
        };
        if rho.is_none() {
            let reason = if x.len() < 2 {
                "fewer than 2 classified companies have the score".to_string()
            } else if tied || y.iter().all(|v| *v == y[0]) {
                "the outcome composite does not vary".to_string()
            } else {
                format!("every classified company has the same {} score", dim.id)
            };
            warnings.push(format!(
                "Spearman ρ of {} with the composite is null: {reason}",
                dim.id
            ));
        } else if p.is_none() {
            warnings.push(format!(
                "the p of Spearman ρ for {} is null: {}",
                dim.id,
                if x.len() < 3 {
                    "fewer than 3 companies"
                } else {
                    "|ρ| = 1"
                }
            ));
        }
        correlations.push(DimensionCorrelation {
            dimension: dim.id.clone(),
            n: x.len(),
            spearman_rho: rho,
            p,
        });
    }

    // The company list, hidden companies without composite or tier.
    let mut hidden = Hidden {
        threshold: anon,
        companies: 0,
        roles: 0,
    };
    let mut companies: Vec<CompanyTier> = Vec::with_capacity(outcomes.companies.len());
    let mut unclassified = Vec::new();
    for (i, (c, a)) in outcomes.companies.iter().zip(&acc.companies).enumerate() {
        let n = a.n();
        let suppressed = !vis.shown(i);
        hidden.companies += suppressed as usize;
        if let (None, Some(reason)) = (c.tier, &c.unclassified) {
            unclassified.push(Unclassified {
                company_id: c.company_id.clone(),
                reason: reason.clone(),
            });
        }
        companies.push(CompanyTier {
            company_id: c.company_id.clone(),
            n,
            suppressed,
            composite: if suppressed {
                None
            } else {
                c.composite.and_then(finite)
            },
            tier: if suppressed { None } else { c.tier },
        });
    }
    companies.sort_by(|a, b| {
        a.suppressed
            .cmp(&b.suppressed)
            .then_with(|| match (a.tier, b.tier) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| match (a.composite, b.composite) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                _ => std::cmp::Ordering::Equal,
            })
            .then_with(|| a.company_id.cmp(&b.company_id))
    });
    unclassified.sort_by(|a, b| a.company_id.cmp(&b.company_id));
    warnings.extend(vis.companies_warning(&acc.ids));
    warnings.extend(crate::ingest::aliases::variant_warnings(&acc.ids));

    let settings = Settings {
        scheme: outcomes.scheme,
        composite: outcomes.method,
        weighting: opts.weighting,
        anonymity: anon,
    };
    let outcome_info = inst
        .outcomes
        .iter()
        .map(|o| OutcomeInfo {
            id: o.id.clone(),
            label: o.label.clone(),
            unit: o.unit.clone(),
            direction: o.direction,
            group: o.group.clone(),
        })
        .collect();
    let outcomes_by_tier = outcomes_by_tier(inst, outcomes, &tiers.members, tiers.shown);
    let indicative = !tied
        && (tiers.members[LEAD].len() < INDICATIVE_BELOW
            || tiers.members[LAG].len() < INDICATIVE_BELOW);
    let mut report = LeadersReport {
        schema_version: SCHEMA_VERSION,
        command: "leaders",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        input: InputSummary::new(input, acc.companies.len()),
        scheme: settings.scheme,
        settings,
        outcomes: outcome_info,
        tiers: counts,
        median_composite: outcomes.median_composite.and_then(finite),
        outcomes_by_tier,
        indicative,
        summary: Vec::new(),
        dimensions,
        items,
        correlations,
        companies,
        unclassified,
        segments: None,
        hidden,
        warnings,
    };
    report.summary = summary::sentences(&report, outcomes.groups.len(), tied);
    Ok(report)
}

/// The shown companies of each tier (leaders, laggards, average: the
/// order of [`LEAD`], [`LAG`], [`AVG`]) and whether the tier holds at least
/// `anonymity` respondents (else its figures are hidden).
pub fn tier_members(
    acc: &Accumulator,
    outcomes: &Outcomes,
    vis: &Disclosure,
) -> ([Vec<usize>; 3], [bool; 3]) {
    let member = |tier: Tier| -> Vec<usize> {
        (0..outcomes.companies.len())
            .filter(|&i| vis.shown(i) && outcomes.companies[i].tier == Some(tier))
            .collect()
    };
    let members = [
        member(Tier::Leader),
        member(Tier::Laggard),
        member(Tier::Average),
    ];
    let shown = [0, 1, 2].map(|t| {
        members[t]
            .iter()
            .map(|&i| acc.companies[i].n())
            .sum::<u64>()
            >= vis.threshold()
    });
    (members, shown)
}

/// Each outcome's mean, median and n of company values (as reported, not
/// sign-flipped) in each tier; a hidden tier (`shown` false) has none.
pub fn outcomes_by_tier(
    inst: &Instrument,
    outcomes: &Outcomes,
    members: &[Vec<usize>; 3],
    shown: [bool; 3],
) -> Vec<OutcomeByTier> {
    inst.outcomes
        .iter()
        .enumerate()
        .map(|(k, o)| {
            let tier = |t: usize| -> OutcomeStats {
                if !shown[t] {
                    return OutcomeStats::default();
                }
                let v: Vec<f64> = members[t]
                    .iter()
                    .filter_map(|&i| outcomes.companies[i].values[k])
                    .filter(|x| x.is_finite())
                    .collect();
                OutcomeStats {
                    n: v.len(),
                    mean: stats::mean(&v).and_then(finite),
                    median: stats::median(&v).and_then(finite),
                }
            };
            OutcomeByTier {
                outcome: o.id.clone(),
                label: o.label.clone(),
                unit: o.unit.clone(),
                direction: o.direction,
                leaders: tier(LEAD),
                average: tier(AVG),
                laggards: tier(LAG),
            }
        })
        .collect()
}

/// The items ranked by effect size: Hedges' g, largest first; items without
/// a g last, in instrument order.
pub fn ranked_items(r: &LeadersReport) -> Vec<&ItemComparison> {
    let mut v: Vec<&ItemComparison> = r.items.iter().collect();
    v.sort_by(|a, b| match (a.stats.hedges_g, b.stats.hedges_g) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    v
}

/// Fewer leaders or laggards than this and the findings comparing them
/// are labelled indicative.
pub const INDICATIVE_BELOW: usize = 10;

/// The q below which an item is marked as distinguishing leaders.
pub const Q_MARK: f64 = 0.05;
