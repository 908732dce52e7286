//! Business outcomes per company, the outcome composite and the tiers
//! (docs/methods.md#outcome-composite, docs/methods.md#tiers).
//!
//! Company values come from the `--outcomes` file when it has the company
//! (that file wins), otherwise from the responses (the mean of the
//! company's respondents' non-missing values). Companies found in one
//! source and not the other are reported in warnings, never dropped
//! silently.
//!
//! Decisions where the definitions leave room:
//! - an outcome with fewer than two company values, or no variance, has no
//!   z-scores (or ranks) and is left out of every composite, with a warning;
//!   it still counts in "half of the outcomes, rounded up";
//! - when no outcome varies at all (every company reports the same values),
//!   [`classify`] classifies no company; [`classify_with`] and
//!   [`NothingVaries::TieEveryone`] instead give the reported values the
//!   neutral score (z = 0, rank 50), so every company with enough of them
//!   shares one composite, with a warning that the tiers follow company ids
//!   only (`leaders` uses this and then withholds its comparisons);
//! - an `--outcomes` file wins for the outcome columns it has (a blank cell
//!   there is a missing value); outcomes it has no column for still come
//!   from the responses;
//! - ties in the composite are broken by company id, the smaller id (byte
//!   order) ranking as the better company;
//! - under `all-above-median`, a company's group score is the mean of its
//!   available z-scores (or percentile ranks) in that group; a company with
//!   no value in a group cannot be above that group's median, so it is a
//!   laggard;
//! - [`classify_shown`] (what the commands use) standardizes, composes and
//!   tiers the companies shown under the anonymity threshold only: a hidden
//!   company has no values, no composite and no tier, and moves no other
//!   company's z-score, rank or tier (docs/methods.md, "Disclosure
//!   control").

use super::finite;
use crate::accumulate::Accumulator;
use crate::disclosure::Disclosure;
use crate::error::Error;
use crate::ingest::outcomes::OutcomeTable;
use crate::instrument::{Direction, Instrument};
use crate::stats::{self, inference};
use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

mod values;

pub use values::company_values;

/// How outcomes are combined into one composite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CompositeMethod {
    /// Mean of z-scores across companies (sample sd).
    #[default]
    Z,
    /// Mean of percentile ranks (mid-rank, 0–100).
    Rank,
}

/// How companies are split into tiers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Scheme {
    /// Top 20% leaders, bottom 30% laggards, the rest average.
    #[default]
    Aberdeen,
    /// Leaders strictly above the median composite, laggards the rest.
    Median,
    /// Shares of leaders, average and laggards.
    Quantiles([f64; 3]),
    /// Leader only when above the median on every outcome group.
    AllAboveMedian,
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scheme::Aberdeen => f.write_str("aberdeen"),
            Scheme::Median => f.write_str("median"),
            Scheme::Quantiles([a, b, c]) => write!(f, "quantiles:{a},{b},{c}"),
            Scheme::AllAboveMedian => f.write_str("all-above-median"),
        }
    }
}

impl Serialize for Scheme {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl FromStr for Scheme {
    type Err = String;
    fn from_str(s: &str) -> Result<Scheme, String> {
        match s.trim() {
            "aberdeen" => Ok(Scheme::Aberdeen),
            "median" => Ok(Scheme::Median),
            "all-above-median" => Ok(Scheme::AllAboveMedian),
            q if q.starts_with("quantiles:") => {
                let parts: Vec<&str> = q["quantiles:".len()..].split(',').collect();
                let shares: Result<Vec<f64>, _> = parts.iter().map(|p| p.trim().parse::<f64>()).collect();
                match shares {
                    Ok(v) if v.len() == 3 && v.iter().all(|x| x.is_finite() && *x >= 0.0) => {
                        let sum: f64 = v.iter().sum();
                        if (sum - 1.0).abs() > 1e-9 {
                            Err(format!("the shares in \"{q}\" add up to {sum}, not 1"))
                        } else {
                            Ok(Scheme::Quantiles([v[0], v[1], v[2]]))
                        }
                    }
                    _ => Err(format!(
                        "\"{q}\" is not three shares; expected e.g. quantiles:0.2,0.5,0.3 (leaders, average, laggards)"
                    )),
                }
            }
            other => Err(format!(
                "unknown scheme \"{other}\"; expected aberdeen, median, quantiles:a,b,c or all-above-median"
            )),
        }
    }
}

/// A company's tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Top of the composite ranking (`"leader"`).
    Leader,
    /// Between leaders and laggards (`"average"`); none under the `median` and `all-above-median`
    /// schemes.
    Average,
    /// Bottom of the composite ranking (`"laggard"`).
    Laggard,
}

impl Tier {
    /// The tier's name as written in JSON: `"leader"`, `"average"` or `"laggard"`.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Leader => "leader",
            Tier::Average => "average",
            Tier::Laggard => "laggard",
        }
    }
}

/// Where a company's outcome values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The company has a row in the `--outcomes` file (outcome columns the file lacks still come
    /// from the responses).
    File,
    /// The company is not in the outcomes file: values are its respondents' means.
    Responses,
    /// No value at all, from either source.
    None,
}

/// One company's outcomes, composite and tier; in accumulator order.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyOutcome {
    /// The company id.
    pub company_id: String,
    /// One per instrument outcome.
    pub values: Vec<Option<f64>>,
    /// Where the values came from.
    pub source: Source,
    /// Per outcome: its z-score or percentile rank (direction applied).
    pub standardized: Vec<Option<f64>>,
    /// Mean of the available standardized values; `None` when unclassified or hidden.
    pub composite: Option<f64>,
    /// Per outcome group (in [`Outcomes::groups`] order).
    pub group_scores: Vec<Option<f64>>,
    /// The company's tier; `None` when unclassified or hidden.
    pub tier: Option<Tier>,
    /// Why the company has no tier (`None` for a hidden company).
    pub unclassified: Option<String>,
    /// Hidden for having fewer respondents than the anonymity threshold:
    /// left out of every outcome figure.
    pub hidden: bool,
}

impl CompanyOutcome {
    /// A company hidden for anonymity: nothing but its id.
    fn hidden(id: &str, n_outcomes: usize, n_groups: usize) -> CompanyOutcome {
        CompanyOutcome {
            company_id: id.to_string(),
            values: vec![None; n_outcomes],
            source: Source::None,
            standardized: vec![None; n_outcomes],
            composite: None,
            group_scores: vec![None; n_groups],
            tier: None,
            unclassified: None,
            hidden: true,
        }
    }
}

/// Outcomes, composites and tiers for every company of a survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcomes {
    /// How outcomes are standardized into the composite (`--composite`).
    pub method: CompositeMethod,
    /// How classified companies are split into tiers (`--scheme`).
    pub scheme: Scheme,
    /// Outcome groups in order of first appearance in the instrument.
    pub groups: Vec<String>,
    /// Every company of the survey, in accumulator order.
    pub companies: Vec<CompanyOutcome>,
    /// The median composite of the classified companies.
    pub median_composite: Option<f64>,
    /// Sentences about missing or constant outcomes, for the run's warnings.
    pub warnings: Vec<String>,
}

impl Outcomes {
    /// The companies with a tier.
    pub fn classified(&self) -> impl Iterator<Item = &CompanyOutcome> {
        self.companies.iter().filter(|c| c.tier.is_some())
    }
    /// Companies in `tier`.
    pub fn count(&self, tier: Tier) -> usize {
        self.companies
            .iter()
            .filter(|c| c.tier == Some(tier))
            .count()
    }
}

fn list(ids: &[&str]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).copied().collect();
    if ids.len() > 5 {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

/// Standardize each outcome across companies: z-scores or percentile ranks,
/// with the sign flipped for `lower_is_better`.
///
/// An outcome that does not vary is left out. When *no* outcome varies but
/// some are reported by two or more companies, every company is tied on
/// every outcome: with [`NothingVaries::TieEveryone`] those values get the
/// neutral score (z = 0, rank = 50), so the companies are classified with one
/// shared composite and the analysis can say that the tiers mean nothing.
fn standardize(
    inst: &Instrument,
    values: &[(Vec<Option<f64>>, Source)],
    method: CompositeMethod,
    nothing_varies: NothingVaries,
    warnings: &mut Vec<String>,
) -> Vec<Vec<Option<f64>>> {
    let n = values.len();
    let mut out = vec![vec![None; inst.outcomes.len()]; n];
    let mut left_out = Vec::new();
    let mut tied = Vec::new();
    for (j, o) in inst.outcomes.iter().enumerate() {
        let sign = match o.direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        let present: Vec<(usize, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.0[j].map(|x| (i, sign * x)))
            .collect();
        let xs: Vec<f64> = present.iter().map(|p| p.1).collect();
        // Not all equal: no variance needed, so the whole f64 range works.
        let varies = xs.len() >= 2 && stats::varies(&xs);
        if !varies {
            if xs.len() >= 2 {
                tied.push((j, present));
            }
            left_out.push(format!(
                "outcome {} is left out of the composite: {}",
                o.id,
                if xs.len() < 2 {
                    format!(
                        "only {} compan{} reported it",
                        xs.len(),
                        if xs.len() == 1 { "y" } else { "ies" }
                    )
                } else {
                    format!("all {} companies report the same value", xs.len())
                }
            ));
            continue;
        }
        let std: Vec<Option<f64>> = match method {
            CompositeMethod::Z => inference::zscores(&xs),
            CompositeMethod::Rank => inference::percentile_ranks(&xs)
                .into_iter()
                .map(Some)
                .collect(),
        };
        for ((i, _), s) in present.iter().zip(std) {
            out[*i][j] = s;
        }
    }
    if nothing_varies == NothingVaries::TieEveryone
        && left_out.len() == inst.outcomes.len()
        && !tied.is_empty()
    {
        let neutral = match method {
            CompositeMethod::Z => 0.0,
            CompositeMethod::Rank => 50.0,
        };
        for (j, present) in &tied {
            for (i, _) in present {
                out[*i][*j] = Some(neutral);
            }
        }
        let ids: Vec<&str> = tied
            .iter()
            .map(|(j, _)| inst.outcomes[*j].id.as_str())
            .collect();
        warnings.push(format!(
            "no outcome varies across companies (every company that reports {} reports the same value): every company gets the same composite ({neutral}), so companies cannot be ranked by outcomes and tiers follow company ids only",
            list(&ids)
        ));
    } else {
        warnings.extend(left_out);
    }
    out
}

fn mean_of(xs: impl Iterator<Item = Option<f64>>) -> (usize, Option<f64>) {
    let v: Vec<f64> = xs.flatten().collect();
    (v.len(), stats::mean(&v).and_then(finite))
}

/// What to do when no outcome varies across companies (every company that
/// reports an outcome reports the same value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NothingVaries {
    /// Leave every outcome out: no company is classified.
    #[default]
    Unclassified,
    /// Give every reported value the neutral score (z = 0, rank = 50): the
    /// companies share one composite and are tiered by company id, with a
    /// warning (for `leaders`, which then withholds its comparisons).
    TieEveryone,
}

/// Every company's outcome values (from the responses and, when given, the
/// outcomes `table`), standardized, composed and tiered over the companies
/// shown at `anonymity`: what `leaders`, `gaps` and `report` classify by.
pub fn prepare(
    inst: &Instrument,
    acc: &Accumulator,
    table: Option<&OutcomeTable>,
    method: CompositeMethod,
    scheme: Scheme,
    nothing_varies: NothingVaries,
    anonymity: u64,
) -> Result<Outcomes, Error> {
    let mut warnings = Vec::new();
    let values = company_values(inst, acc, table, &mut warnings);
    let vis = Disclosure::plan(acc, anonymity);
    classify_shown(
        inst,
        &acc.ids,
        values,
        &vis,
        method,
        scheme,
        nothing_varies,
        warnings,
    )
}

/// Composite and tier over the companies `vis` shows, returned for every
/// company of `ids` (accumulator order): the hidden ones are
/// `CompanyOutcome::hidden` and count nowhere.
#[allow(clippy::too_many_arguments)]
pub fn classify_shown(
    inst: &Instrument,
    ids: &[Box<str>],
    values: Vec<(Vec<Option<f64>>, Source)>,
    vis: &Disclosure,
    method: CompositeMethod,
    scheme: Scheme,
    nothing_varies: NothingVaries,
    warnings: Vec<String>,
) -> Result<Outcomes, Error> {
    let mut shown_ids = Vec::new();
    let mut shown_values = Vec::new();
    for (i, (id, v)) in ids.iter().zip(values).enumerate() {
        if vis.shown(i) {
            shown_ids.push(id.clone());
            shown_values.push(v);
        }
    }
    let mut o = classify_with(
        inst,
        &shown_ids,
        shown_values,
        method,
        scheme,
        nothing_varies,
        warnings,
    )?;
    let (n_outcomes, n_groups) = (inst.outcomes.len(), o.groups.len());
    let mut shown = std::mem::take(&mut o.companies).into_iter();
    o.companies = ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let c = if vis.shown(i) { shown.next() } else { None };
            c.unwrap_or_else(|| CompanyOutcome::hidden(id, n_outcomes, n_groups))
        })
        .collect();
    Ok(o)
}

/// Composite and tier for every company ([`NothingVaries::Unclassified`]).
pub fn classify(
    inst: &Instrument,
    ids: &[Box<str>],
    values: Vec<(Vec<Option<f64>>, Source)>,
    method: CompositeMethod,
    scheme: Scheme,
    warnings: Vec<String>,
) -> Result<Outcomes, Error> {
    classify_with(
        inst,
        ids,
        values,
        method,
        scheme,
        NothingVaries::Unclassified,
        warnings,
    )
}

/// Composite and tier for every company, choosing what happens when no
/// outcome varies.
pub fn classify_with(
    inst: &Instrument,
    ids: &[Box<str>],
    values: Vec<(Vec<Option<f64>>, Source)>,
    method: CompositeMethod,
    scheme: Scheme,
    nothing_varies: NothingVaries,
    mut warnings: Vec<String>,
) -> Result<Outcomes, Error> {
    if inst.outcomes.is_empty() {
        return Err(Error::Usage(format!(
            "the instrument \"{}\" defines no outcomes, so companies cannot be classified; add \"outcomes\" to the instrument (see `align instrument --init`)",
            inst.name
        )));
    }
    let m = inst.outcomes.len();
    let needed = m.div_ceil(2);
    let groups = outcome_groups(inst);
    let std = standardize(inst, &values, method, nothing_varies, &mut warnings);
    let mut companies: Vec<CompanyOutcome> = ids
        .iter()
        .zip(values)
        .zip(std)
        .map(|((id, (vals, source)), std)| scored(inst, &groups, id, vals, source, std))
        .collect();
    let classified: Vec<usize> = (0..companies.len())
        .filter(|&i| companies[i].composite.is_some())
        .collect();
    let comps: Vec<f64> = classified
        .iter()
        .filter_map(|&i| companies[i].composite)
        .collect();
    let median_composite = stats::median(&comps);
    assign_tiers(
        &mut companies,
        &classified,
        scheme,
        groups.len(),
        median_composite,
    );
    let unclassified = companies.len() - classified.len();
    if unclassified > 0 {
        warnings.push(format!(
            "{unclassified} compan{} unclassified (too few usable outcomes; at least {needed} of {m} are needed)",
            if unclassified == 1 { "y is" } else { "ies are" }
        ));
    }
    Ok(Outcomes {
        method,
        scheme,
        groups,
        companies,
        median_composite,
        warnings,
    })
}

/// The outcome groups in order of first appearance in the instrument.
fn outcome_groups(inst: &Instrument) -> Vec<String> {
    let mut groups: Vec<String> = Vec::new();
    for o in &inst.outcomes {
        if !groups.contains(&o.group) {
            groups.push(o.group.clone());
        }
    }
    groups
}

/// One company with its standardized values `std`, its composite (when at
/// least half of the outcomes, rounded up, are usable; otherwise why not)
/// and its group scores; not yet tiered.
fn scored(
    inst: &Instrument,
    groups: &[String],
    id: &str,
    vals: Vec<Option<f64>>,
    source: Source,
    std: Vec<Option<f64>>,
) -> CompanyOutcome {
    let m = inst.outcomes.len();
    let needed = m.div_ceil(2);
    let reported = vals.iter().filter(|v| v.is_some()).count();
    let (avail, mean) = mean_of(std.iter().copied());
    let (composite, unclassified) = if avail >= needed {
        (mean, None)
    } else if reported == 0 {
        (None, Some("no outcomes reported".to_string()))
    } else {
        (
            None,
            Some(format!(
                "{avail} of {m} outcomes usable; at least {needed} are needed"
            )),
        )
    };
    CompanyOutcome {
        company_id: id.to_string(),
        values: vals,
        source,
        group_scores: group_scores(inst, groups, &std),
        standardized: std,
        composite,
        tier: None,
        unclassified,
        hidden: false,
    }
}

/// Per outcome group: the mean of the company's available standardized
/// values of that group's outcomes.
fn group_scores(inst: &Instrument, groups: &[String], std: &[Option<f64>]) -> Vec<Option<f64>> {
    groups
        .iter()
        .map(|g| {
            mean_of(
                inst.outcomes
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| &o.group == g)
                    .map(|(j, _)| std[j]),
            )
            .1
        })
        .collect()
}

/// Best first by composite; ties broken by company id.
fn ranked(companies: &[CompanyOutcome], classified: &[usize]) -> Vec<usize> {
    let mut order = classified.to_vec();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (companies[a].composite, companies[b].composite);
        cb.partial_cmp(&ca)
            .unwrap_or(Ordering::Equal)
            .then_with(|| companies[a].company_id.cmp(&companies[b].company_id))
    });
    order
}

/// `round` half away from zero, as a count.
fn share(x: f64, n: usize) -> usize {
    // The tiny nudge keeps exact halves (0.3 × 5 = 1.5) from rounding down
    // through binary representation error.
    (x * n as f64 + 1e-9).round() as usize
}

fn assign_tiers(
    companies: &mut [CompanyOutcome],
    classified: &[usize],
    scheme: Scheme,
    n_groups: usize,
    median: Option<f64>,
) {
    let n = classified.len();
    match scheme {
        Scheme::Aberdeen | Scheme::Quantiles(_) => {
            let [a, _, c] = match scheme {
                Scheme::Quantiles(q) => q,
                _ => [0.2, 0.5, 0.3],
            };
            let n_lead = share(a, n).min(n);
            let n_lag = share(c, n).min(n - n_lead);
            for (rank, &i) in ranked(companies, classified).iter().enumerate() {
                companies[i].tier = Some(if rank < n_lead {
                    Tier::Leader
                } else if rank >= n - n_lag {
                    Tier::Laggard
                } else {
                    Tier::Average
                });
            }
        }
        Scheme::Median => {
            for &i in classified {
                let above = matches!((companies[i].composite, median), (Some(c), Some(m)) if c > m);
                companies[i].tier = Some(if above { Tier::Leader } else { Tier::Laggard });
            }
        }
        Scheme::AllAboveMedian => {
            let medians: Vec<Option<f64>> = (0..n_groups)
                .map(|g| {
                    let v: Vec<f64> = classified
                        .iter()
                        .filter_map(|&i| companies[i].group_scores[g])
                        .collect();
                    stats::median(&v)
                })
                .collect();
            for &i in classified {
                let all_above = (0..n_groups).all(|g| {
                    matches!((companies[i].group_scores[g], medians[g]), (Some(s), Some(m)) if s > m)
                });
                companies[i].tier = Some(if all_above {
                    Tier::Leader
                } else {
                    Tier::Laggard
                });
            }
        }
    }
}

#[cfg(test)]
mod tests;
