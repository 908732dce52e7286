//! `align norms`: benchmark norms built from a reference survey, and the
//! figures a company is compared on (docs/methods.md#norms, docs/formats.md#norms-file).
//!
//! A norms file (JSON, `"format": "align-norms"`, `"norms_version": 1`) holds,
//! for every dimension and the alignment index, the sorted scores of the
//! reference companies (no company ids), their mean, sd and median; per item
//! the mean over companies of the company item mean (raw scale,
//! reverse-coded, so gaps read as scale points); and, when the survey has
//! outcomes, the same means per tier (leader, average, laggard). Companies
//! with fewer respondents than the anonymity threshold are left out
//! entirely (also from the tiers: the outcome composite is computed over the
//! companies in the norms only).
//!
//! Decisions where the spec is silent:
//! - the instrument **fingerprint** is SHA-256 over a canonical text of what
//!   gives the numbers their meaning: the scale's min and max, the dimension
//!   ids, and per item its id, dimension and reverse flag (sorted by id, so
//!   reordering an instrument changes nothing). Column names, texts, labels,
//!   perception items, statements and outcomes are left out: an export with
//!   other column names or a translated instrument still matches;
//! - the **checksum** is SHA-256 over the canonical JSON of the whole file
//!   without its `checksum` key (compact, keys sorted); it detects hand edits
//!   and damage, it is not a signature. [`file`](mod@file) verifies it on load;
//! - a company item mean under `--weighting role` is the mean of its role
//!   means, like the dimension scores; the benchmark uses the norms' weighting;
//! - percentile ranks are mid-ranks, `100·(below + ½·equal)/n` among the norm
//!   companies, where scores within [`TIE_TOLERANCE`] count as equal.

pub mod file;
mod integrity;

pub use integrity::{canonical_json, fingerprint, fingerprint_text, sha256_hex};

use super::outcomes::{Outcomes, Tier};
use super::score::{company_group_means, Scale, Weighting};
use super::segments::{self, CompanyAttribute};
use super::{finite, mean_all, OrderedMap};
use crate::accumulate::{Accumulator, CompanyAcc, Plan};
use crate::error::Error;
use crate::instrument::Instrument;
use crate::stats;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The `format` value of every norms file.
pub const FORMAT: &str = "align-norms";
/// The norms file version this build writes and reads.
pub const NORMS_VERSION: u32 = 1;
/// Norms from fewer companies than this work but carry a warning.
pub const FEW_COMPANIES: usize = 10;
/// Scores closer than this (index points) count as equal in percentile ranks.
pub const TIE_TOLERANCE: f64 = 1e-9;
/// Key of the alignment index beside the dimension ids.
pub const ALIGNMENT_INDEX: &str = "alignment_index";

/// The instrument the norms were built with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormsInstrument {
    /// The instrument's name.
    pub name: String,
    /// The instrument's version.
    pub version: String,
    /// `sha256:` and 64 hex digits; see [`fingerprint`].
    pub fingerprint: String,
}

/// The distribution of the norm companies' scores (0–100 indexes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    /// Companies with a score (`scores.len()`).
    pub n: usize,
    /// Mean of the scores; null without scores.
    pub mean: Option<f64>,
    /// Sample sd over companies.
    pub sd: Option<f64>,
    /// Median of the scores; null without scores.
    pub median: Option<f64>,
    /// Every company's score, ascending, without ids.
    pub scores: Vec<f64>,
}

impl Distribution {
    /// The distribution of `scores`, non-finite values dropped, sorted ascending.
    pub fn from_scores(mut scores: Vec<f64>) -> Distribution {
        scores.retain(|x| x.is_finite());
        scores.sort_by(f64::total_cmp);
        Distribution {
            n: scores.len(),
            mean: stats::mean(&scores).and_then(finite),
            sd: stats::sample_sd(&scores).and_then(finite),
            median: stats::median(&scores).and_then(finite),
            scores,
        }
    }

    /// Mid-rank percentile of `x` among the scores; `None` without scores.
    pub fn percentile(&self, x: f64) -> Option<f64> {
        percentile_rank(&self.scores, x)
    }
}

/// `100·(below + ½·equal)/n` of `x` among ascending `sorted` scores, scores
/// within [`TIE_TOLERANCE`] of `x` counting as equal.
pub fn percentile_rank(sorted: &[f64], x: f64) -> Option<f64> {
    if sorted.is_empty() || !x.is_finite() {
        return None;
    }
    let below = sorted.partition_point(|s| *s < x - TIE_TOLERANCE);
    let upto = sorted.partition_point(|s| *s <= x + TIE_TOLERANCE);
    finite(100.0 * (below as f64 + 0.5 * (upto - below) as f64) / sorted.len() as f64)
}

/// One item over the norm companies: the mean of the company item means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemNorm {
    /// Companies with an answer to the item.
    pub n: usize,
    /// On the instrument's scale, reverse-coded.
    pub mean: Option<f64>,
    /// Sample sd over companies (scale points); null below two companies.
    pub sd: Option<f64>,
}

/// One tier's company-level means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierNorm {
    /// Companies in the tier.
    pub n: usize,
    /// Mean score per dimension and `alignment_index` (0–100).
    pub dimensions: OrderedMap<Option<f64>>,
    /// Mean company item mean per item (scale points, reverse-coded).
    pub items: OrderedMap<Option<f64>>,
}

/// Tiers of the norm companies by outcomes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tiers {
    /// The tier scheme used, e.g. `"aberdeen"`.
    pub scheme: String,
    /// The composite method used: `"z"` or `"rank"`.
    pub composite: String,
    /// Norm companies without a composite (too few outcomes).
    pub unclassified: usize,
    /// The leader tier's means.
    pub leader: TierNorm,
    /// The average tier's means.
    pub average: TierNorm,
    /// The laggard tier's means.
    pub laggard: TierNorm,
}

/// A whole norms file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Norms {
    /// Always `"align-norms"`.
    pub format: String,
    /// The version of the norms format (1).
    pub norms_version: u32,
    /// `align <version>` that wrote the file.
    pub built_by: String,
    /// The instrument the norms were built with.
    pub instrument: NormsInstrument,
    /// Companies in the norms.
    pub companies: usize,
    /// Respondents of those companies.
    pub respondents: u64,
    /// Companies left out for having fewer than `anonymity` respondents.
    pub left_out: usize,
    /// The anonymity threshold used: companies below it are left out.
    pub anonymity: u64,
    /// How company scores average respondents; `benchmark` scores companies the same way.
    pub weighting: Weighting,
    /// The distribution of company scores per dimension id.
    pub dimensions: OrderedMap<Distribution>,
    /// The distribution of company alignment indexes.
    pub alignment_index: Distribution,
    /// Norms of the company item means per item id.
    pub items: OrderedMap<ItemNorm>,
    /// Tier means; null without outcomes or without a leader.
    pub tiers: Option<Tiers>,
    /// Peer norms (`align norms --segment ATTR`); absent in files built
    /// without a segment, which load as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<NormsSegments>,
    /// `sha256:` of the canonical content; see [`Norms::content_checksum`].
    pub checksum: String,
}

/// Peer norms: the field's norms again for every segment of one attribute
/// that holds at least `min_companies` of the norm companies (and is not
/// hidden with a smaller one, see [`crate::disclosure::suppress_segments`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormsSegments {
    /// The company attribute the segments are values of.
    pub attribute: String,
    /// Minimum norm companies for a segment to have norms (`--min-companies`).
    pub min_companies: u64,
    /// Segments with norms, by value (`(none)` last).
    pub groups: Vec<SegmentNorms>,
}

/// One segment's norms: the field's keys over its companies only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentNorms {
    /// The segment's value of the attribute (`(none)` for a blank one).
    pub value: String,
    /// Norm companies in the segment.
    pub companies: usize,
    /// Their respondents.
    pub respondents: u64,
    /// The distribution of the segment's company scores per dimension id.
    pub dimensions: OrderedMap<Distribution>,
    /// The distribution of the segment's company alignment indexes.
    pub alignment_index: Distribution,
    /// Norms of the segment's company item means per item id.
    pub items: OrderedMap<ItemNorm>,
    /// The field's tiers (classified among all norm companies), counted and
    /// averaged over the segment's companies; `null` as in the field.
    pub tiers: Option<Tiers>,
}

impl SegmentNorms {
    /// The segment's leaders, when its tiers have one.
    pub fn leaders(&self) -> Option<&TierNorm> {
        self.tiers.as_ref().map(|t| &t.leader).filter(|l| l.n > 0)
    }
}

impl NormsSegments {
    /// The norms of segment `value`, if it has them.
    pub fn get(&self, value: &str) -> Option<&SegmentNorms> {
        self.groups.iter().find(|g| g.value == value)
    }
}

/// How norms are built.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormsOptions {
    /// How company scores average respondents.
    pub weighting: Weighting,
    /// Companies with fewer respondents are left out of the norms (default 3).
    pub anonymity: u64,
}

impl Default for NormsOptions {
    fn default() -> Self {
        NormsOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
        }
    }
}

/// One company's figures as the norms and the benchmark see them.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyFigures {
    /// Per dimension: the 0–100 score.
    pub dimensions: Vec<Option<f64>>,
    /// The 0–100 alignment index; null unless every dimension has a score.
    pub alignment_index: Option<f64>,
    /// Per item (instrument order): the mean answer on the scale, reverse-coded.
    pub items: Vec<Option<f64>>,
}

/// Company item mean offsets (reverse-coded, from the scale minimum): over
/// respondents, or the mean of the role means under `Weighting::Role`; none
/// for an item that fewer than `min_n` of the company's respondents answered.
pub fn company_item_offsets(
    plan: &Plan,
    c: &CompanyAcc,
    weighting: Weighting,
    min_n: u64,
) -> Vec<Option<f64>> {
    (0..plan.n_items)
        .map(|col| match weighting {
            _ if c.item_total(plan, col).n < min_n => None,
            Weighting::Respondent => {
                let t = c.item_total(plan, col);
                (t.n > 0).then(|| t.sum as f64 / t.n as f64)
            }
            Weighting::Role => {
                let means: Vec<f64> = (0..plan.role_slots)
                    .map(|s| c.item(plan, s, col))
                    .filter(|t| t.n > 0)
                    .map(|t| t.sum as f64 / t.n as f64)
                    .collect();
                (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
            }
        })
        .collect()
}

/// A company's dimension scores, alignment index and item means; a figure
/// that fewer than `min_n` of its respondents answered is `None`.
pub fn company_figures(
    inst: &Instrument,
    plan: &Plan,
    c: &CompanyAcc,
    weighting: Weighting,
    min_n: u64,
) -> CompanyFigures {
    let scale = Scale::new(inst);
    let means = company_group_means(plan, c, weighting, min_n);
    let dimensions: Vec<Option<f64>> = means[..plan.n_dims]
        .iter()
        .map(|m| m.and_then(|m| scale.index(m)))
        .collect();
    CompanyFigures {
        alignment_index: mean_all(&dimensions),
        dimensions,
        items: company_item_offsets(plan, c, weighting, min_n)
            .into_iter()
            .map(|m| m.and_then(|m| finite(m + scale.min)))
            .collect(),
    }
}

/// Indexes (accumulator order) of the companies shown at `anonymity`: the
/// ones that enter the norms.
pub fn included(acc: &Accumulator, anonymity: u64) -> Vec<usize> {
    crate::disclosure::Disclosure::plan(acc, anonymity).shown_indices()
}

fn present_mean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = xs.flatten().collect();
    stats::mean(&v).and_then(finite)
}

fn tier_norm(inst: &Instrument, figs: &[&CompanyFigures]) -> TierNorm {
    let mut dimensions = OrderedMap::new();
    for (d, dim) in inst.dimensions.iter().enumerate() {
        dimensions.insert(
            dim.id.as_str(),
            present_mean(figs.iter().map(|f| f.dimensions[d])),
        );
    }
    dimensions.insert(
        ALIGNMENT_INDEX,
        present_mean(figs.iter().map(|f| f.alignment_index)),
    );
    let mut items = OrderedMap::new();
    for (j, it) in inst.items.iter().enumerate() {
        items.insert(
            it.id.as_str(),
            present_mean(figs.iter().map(|f| f.items[j])),
        );
    }
    TierNorm {
        n: figs.len(),
        dimensions,
        items,
    }
}

fn companies_word(n: usize) -> String {
    format!("{n} compan{}", if n == 1 { "y" } else { "ies" })
}

/// Build norms from a finished pass. `outcomes`, when given, holds the tiers
/// of the included companies (see [`included`]), matched by company id.
/// `file` names the responses in the error when no company qualifies.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    opts: NormsOptions,
    outcomes: Option<&Outcomes>,
    file: &str,
) -> Result<(Norms, Vec<String>), Error> {
    build_with_segments(inst, acc, opts, outcomes, file, None)
}

/// The warnings on the companies the norms include (`n` of them), or the
/// error when they include none.
fn inclusion_warnings(
    acc: &Accumulator,
    n: usize,
    anonymity: u64,
    file: &str,
) -> Result<Vec<String>, Error> {
    let mut warnings = Vec::new();
    let left_out = acc.companies.len() - n;
    if n == 0 {
        return Err(Error::Format {
            file: file.to_string(),
            message: format!(
                "no company has at least {} respondents, so there is nothing to build norms from ({} read); lower the threshold with --anonymity N",
                anonymity,
                companies_word(acc.companies.len())
            ),
        });
    }
    if left_out > 0 {
        warnings.push(format!(
            "{} with fewer than {} respondents {} left out of the norms (recorded as \"left_out\" in the file); change the threshold with --anonymity N",
            companies_word(left_out),
            anonymity,
            if left_out == 1 { "is" } else { "are" },
        ));
    }
    if n < FEW_COMPANIES {
        warnings.push(few_companies_warning(n));
    }
    Ok(warnings)
}

/// A warning per dimension some of the `n` norm companies have no score on.
fn unscored_warnings(
    inst: &Instrument,
    dimensions: &OrderedMap<Distribution>,
    n: usize,
    anonymity: u64,
) -> Vec<String> {
    let mut warnings = Vec::new();
    for dim in &inst.dimensions {
        let Some(dist) = dimensions.get(&dim.id) else {
            continue;
        };
        if dist.n < n {
            warnings.push(format!(
                "{} in the norms {} no score on {}: {} answered at least half of its items",
                companies_word(n - dist.n),
                if n - dist.n == 1 { "has" } else { "have" },
                dim.id,
                match anonymity {
                    0 | 1 => "no respondent".to_string(),
                    t => format!("fewer than {t} respondents"),
                }
            ));
        }
    }
    warnings
}

/// [`build`], with peer norms for the segments of `segment` (the attribute
/// and `--min-companies`) that may be shown.
pub fn build_with_segments(
    inst: &Instrument,
    acc: &Accumulator,
    opts: NormsOptions,
    outcomes: Option<&Outcomes>,
    file: &str,
    segment: Option<(&CompanyAttribute, u64)>,
) -> Result<(Norms, Vec<String>), Error> {
    let plan = &acc.plan;
    let mut warnings = Vec::new();
    let inc = included(acc, opts.anonymity);
    warnings.extend(crate::ingest::aliases::variant_warnings(&acc.ids));
    let left_out = acc.companies.len() - inc.len();
    warnings.extend(inclusion_warnings(acc, inc.len(), opts.anonymity, file)?);
    let figs: Vec<CompanyFigures> = inc
        .iter()
        .map(|&i| {
            company_figures(
                inst,
                plan,
                &acc.companies[i],
                opts.weighting,
                opts.anonymity,
            )
        })
        .collect();

    let refs: Vec<&CompanyFigures> = figs.iter().collect();
    let (dimensions, alignment_index, items) = distributions(inst, &refs);
    warnings.extend(unscored_warnings(
        inst,
        &dimensions,
        figs.len(),
        opts.anonymity,
    ));

    let tiers = outcomes.and_then(|o| build_tiers(inst, acc, &inc, &figs, o, &mut warnings));
    let respondents = inc.iter().map(|&i| acc.companies[i].n()).sum();
    let segments = segment.map(|(attr, k)| {
        build_segments(
            inst,
            acc,
            opts,
            outcomes,
            attr,
            k,
            &inc,
            &figs,
            &mut warnings,
        )
    });
    let mut norms = Norms {
        format: FORMAT.to_string(),
        norms_version: NORMS_VERSION,
        built_by: format!("align {}", env!("CARGO_PKG_VERSION")),
        instrument: NormsInstrument {
            name: inst.name.clone(),
            version: inst.version.clone(),
            fingerprint: fingerprint(inst),
        },
        companies: inc.len(),
        respondents,
        left_out,
        anonymity: opts.anonymity,
        weighting: opts.weighting,
        dimensions,
        alignment_index,
        items,
        tiers,
        segments,
        checksum: String::new(),
    };
    norms.checksum = norms.content_checksum();
    Ok((norms, warnings))
}

/// The distributions and item norms of some companies' figures.
fn distributions(
    inst: &Instrument,
    figs: &[&CompanyFigures],
) -> (OrderedMap<Distribution>, Distribution, OrderedMap<ItemNorm>) {
    let mut dimensions = OrderedMap::new();
    for (d, dim) in inst.dimensions.iter().enumerate() {
        dimensions.insert(
            dim.id.as_str(),
            Distribution::from_scores(figs.iter().filter_map(|f| f.dimensions[d]).collect()),
        );
    }
    let alignment_index =
        Distribution::from_scores(figs.iter().filter_map(|f| f.alignment_index).collect());
    let mut items = OrderedMap::new();
    for (j, it) in inst.items.iter().enumerate() {
        let v: Vec<f64> = figs.iter().filter_map(|f| f.items[j]).collect();
        items.insert(
            it.id.as_str(),
            ItemNorm {
                n: v.len(),
                mean: stats::mean(&v).and_then(finite),
                sd: stats::sample_sd(&v).and_then(finite),
            },
        );
    }
    (dimensions, alignment_index, items)
}

/// Peer norms: the shown segments of `attr` among the norm companies
/// (`inc`, with their figures `figs`), each with the field's norms over its
/// companies only.
#[allow(clippy::too_many_arguments)]
fn build_segments(
    inst: &Instrument,
    acc: &Accumulator,
    opts: NormsOptions,
    outcomes: Option<&Outcomes>,
    attr: &CompanyAttribute,
    min_companies: u64,
    inc: &[usize],
    figs: &[CompanyFigures],
    warnings: &mut Vec<String>,
) -> NormsSegments {
    let vis = crate::disclosure::Disclosure::plan(acc, opts.anonymity);
    let members = segments::members(inst, acc, &vis, None, opts.weighting);
    let planned = segments::plan_segments(attr, &members, min_companies, opts.anonymity);
    let at: HashMap<usize, usize> = inc.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    let mut groups = Vec::new();
    let mut without = Vec::new();
    for (name, ms, v) in &planned {
        if !v.is_shown() {
            if !ms.is_empty() {
                without.push(format!("{name} ({})", ms.len()));
            }
            continue;
        }
        let idx: Vec<usize> = ms.iter().map(|m| m.index).collect();
        let sfigs: Vec<CompanyFigures> = idx.iter().map(|i| figs[at[i]].clone()).collect();
        let refs: Vec<&CompanyFigures> = sfigs.iter().collect();
        let (dimensions, alignment_index, items) = distributions(inst, &refs);
        let mut scratch = Vec::new();
        let tiers = outcomes.and_then(|o| build_tiers(inst, acc, &idx, &sfigs, o, &mut scratch));
        groups.push(SegmentNorms {
            value: name.to_string(),
            companies: idx.len(),
            respondents: idx.iter().map(|&i| acc.companies[i].n()).sum(),
            dimensions,
            alignment_index,
            items,
            tiers,
        });
    }
    warnings.extend(attr.warnings.iter().cloned());
    if !without.is_empty() {
        warnings.push(format!(
            "{} of \"{}\" {} no peer norms: fewer than {min_companies} companies in the norms, or left out with a smaller one so that none can be worked out from the field ({}); their companies are benchmarked against the field",
            if without.len() == 1 { "1 segment".to_string() } else { format!("{} segments", without.len()) },
            attr.name,
            if without.len() == 1 { "has" } else { "have" },
            without.join(", ")
        ));
    }
    NormsSegments {
        attribute: attr.name.clone(),
        min_companies,
        groups,
    }
}

fn build_tiers(
    inst: &Instrument,
    acc: &Accumulator,
    inc: &[usize],
    figs: &[CompanyFigures],
    o: &Outcomes,
    warnings: &mut Vec<String>,
) -> Option<Tiers> {
    let tier_of: HashMap<&str, Tier> = o
        .companies
        .iter()
        .filter_map(|c| c.tier.map(|t| (c.company_id.as_str(), t)))
        .collect();
    let mut by_tier: [Vec<&CompanyFigures>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut unclassified = 0;
    for (k, &i) in inc.iter().enumerate() {
        match tier_of.get(acc.ids[i].as_ref()) {
            Some(Tier::Leader) => by_tier[0].push(&figs[k]),
            Some(Tier::Average) => by_tier[1].push(&figs[k]),
            Some(Tier::Laggard) => by_tier[2].push(&figs[k]),
            None => unclassified += 1,
        }
    }
    warnings.extend(o.warnings.iter().cloned());
    if by_tier[0].is_empty() {
        warnings.push(format!(
            "no company in the norms is a leader under the {} scheme ({} classified), so the norms have no tiers and benchmarks compare against the average company",
            o.scheme,
            inc.len() - unclassified
        ));
        return None;
    }
    let composite = serde_json::to_value(o.method)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Some(Tiers {
        scheme: o.scheme.to_string(),
        composite,
        unclassified,
        leader: tier_norm(inst, &by_tier[0]),
        average: tier_norm(inst, &by_tier[1]),
        laggard: tier_norm(inst, &by_tier[2]),
    })
}

/// The warning for norms from fewer than [`FEW_COMPANIES`] companies.
pub fn few_companies_warning(n: usize) -> String {
    format!(
        "the norms hold only {}: percentile ranks are coarse (one company is {:.0} percentile points) and medians unstable; norms from at least {FEW_COMPANIES} companies are recommended",
        companies_word(n),
        100.0 / n.max(1) as f64
    )
}

impl Norms {
    /// The comparison group of the benchmark: the leaders when the norms have
    /// tiers with at least one leader.
    pub fn leaders(&self) -> Option<&TierNorm> {
        self.tiers.as_ref().map(|t| &t.leader).filter(|l| l.n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mid_rank_percentiles() {
        let s = [10.0, 20.0, 20.0, 30.0];
        assert_eq!(percentile_rank(&s, 20.0), Some(50.0));
        assert_eq!(percentile_rank(&s, 5.0), Some(0.0));
        assert_eq!(percentile_rank(&s, 35.0), Some(100.0));
        assert_eq!(percentile_rank(&s, 10.0), Some(12.5));
        assert_eq!(percentile_rank(&s, 20.0 + 1e-12), Some(50.0));
        assert_eq!(percentile_rank(&s, 25.0), Some(75.0));
        assert_eq!(percentile_rank(&[], 1.0), None);
    }
}
