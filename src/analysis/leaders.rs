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
mod tiers;
mod variables;

pub use model::*;

use compare::why_warnings;
pub(crate) use tiers::{outcomes_by_tier, Tiers};
use variables::Values;

use super::outcomes::{CompositeMethod, Outcomes, Scheme, Tier};
use super::score::{Hidden, InputSummary, Weighting};
use super::{finite, InstrumentRef, SCHEMA_VERSION};
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::error::Error;
use crate::ingest::InputReport;
use crate::instrument::{Direction, Instrument};
use std::cmp::Ordering;

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
    let tiers = Tiers::new(acc, outcomes, &vis, anon);
    let mut warnings = outcomes.warnings.clone();
    warnings.extend(tiers.warnings(anon));

    let values = Values::new(inst, acc, &vis, opts);
    let mut why_by = Vec::new();
    let dimensions = variables::dimensions(inst, &tiers, &values, &mut why_by);
    let (items, no_lift) = variables::items(inst, &tiers, &values, anon, &mut why_by);
    let n_vars = dimensions.len() + items.len();
    warnings.extend(why_warnings(&why_by, n_vars, &tiers));
    if !no_lift.is_empty() {
        warnings.push(format!(
            "the top-2-box lift is null for {}: no laggard respondent answered in the two highest points",
            names(&no_lift)
        ));
    }
    let correlations = variables::correlations(inst, outcomes, &values, tiers.tied, &mut warnings);

    let (companies, unclassified, hidden) = company_list(outcomes, acc, &vis, anon);
    warnings.extend(vis.companies_warning(&acc.ids));
    warnings.extend(crate::ingest::aliases::variant_warnings(&acc.ids));

    let settings = Settings {
        scheme: outcomes.scheme,
        composite: outcomes.method,
        weighting: opts.weighting,
        anonymity: anon,
    };
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
        outcomes: outcome_info(inst),
        tiers: tiers.counts(outcomes),
        median_composite: outcomes.median_composite.and_then(finite),
        outcomes_by_tier: outcomes_by_tier(inst, outcomes, &tiers),
        indicative: tiers.indicative(),
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
    report.summary = summary::sentences(&report, outcomes.groups.len(), tiers.tied);
    Ok(report)
}

/// The instrument's outcomes, as the report describes them.
fn outcome_info(inst: &Instrument) -> Vec<OutcomeInfo> {
    inst.outcomes
        .iter()
        .map(|o| OutcomeInfo {
            id: o.id.clone(),
            label: o.label.clone(),
            unit: o.unit.clone(),
            direction: o.direction,
            group: o.group.clone(),
        })
        .collect()
}

/// The company list (hidden companies last, without composite or tier),
/// the classified-but-unplaced companies with their reason, and the count
/// of hidden companies.
fn company_list(
    outcomes: &Outcomes,
    acc: &Accumulator,
    vis: &Disclosure,
    anonymity: u64,
) -> (Vec<CompanyTier>, Vec<Unclassified>, Hidden) {
    let mut hidden = Hidden {
        threshold: anonymity,
        companies: 0,
        roles: 0,
    };
    let mut companies: Vec<CompanyTier> = Vec::with_capacity(outcomes.companies.len());
    let mut unclassified = Vec::new();
    for (i, (c, a)) in outcomes.companies.iter().zip(&acc.companies).enumerate() {
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
            n: a.n(),
            suppressed,
            composite: if suppressed {
                None
            } else {
                c.composite.and_then(finite)
            },
            tier: if suppressed { None } else { c.tier },
        });
    }
    companies.sort_by(list_order);
    unclassified.sort_by(|a, b| a.company_id.cmp(&b.company_id));
    (companies, unclassified, hidden)
}

/// The company list's order: shown before hidden, by tier (unclassified
/// last), by composite (highest first), by id.
fn list_order(a: &CompanyTier, b: &CompanyTier) -> Ordering {
    a.suppressed
        .cmp(&b.suppressed)
        .then_with(|| match (a.tier, b.tier) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        })
        .then_with(|| match (a.composite, b.composite) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            _ => Ordering::Equal,
        })
        .then_with(|| a.company_id.cmp(&b.company_id))
}

/// The items ranked by effect size: Hedges' g, largest first; items without
/// a g last, in instrument order.
pub fn ranked_items(r: &LeadersReport) -> Vec<&ItemComparison> {
    let mut v: Vec<&ItemComparison> = r.items.iter().collect();
    v.sort_by(|a, b| match (a.stats.hedges_g, b.stats.hedges_g) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    v
}

/// Fewer leaders or laggards than this and the findings comparing them
/// are labelled indicative.
pub const INDICATIVE_BELOW: usize = 10;

/// The q below which an item is marked as distinguishing leaders.
pub const Q_MARK: f64 = 0.05;
