//! `align benchmark`: every company of a responses file placed against
//! norms (see [`super::norms`]): per dimension and the alignment index its
//! score, mid-rank percentile among the norm companies, the norms' median
//! and the leaders' mean; per item its mean, the comparison mean and the
//! gap; the five largest positive gaps are its priorities.
//!
//! Decisions where the spec is silent:
//! - the comparison group is the norms' leaders when the norms have tiers
//!   with at least one leader, otherwise the average norm company
//!   (`norms.comparison` says which): `gap = comparison mean − company mean`
//!   in scale points, reverse-coded, so a positive gap is room to improve;
//! - priorities are the items with a positive gap, largest first; gaps that
//!   agree to 1e-9 scale points tie and keep instrument order;
//! - scores use the norms' weighting (respondent or role) so that company and
//!   norms are computed alike;
//! - a company under `--anonymity` shows `"suppressed": true` and no figures;
//!   companies are listed by id (hidden ones too: their place says nothing).

use super::norms::{self, Norms, NormsInstrument, ALIGNMENT_INDEX};
use super::score::{DimensionInfo, Hidden, InputSummary, Weighting};
use super::{finite, InstrumentRef, OrderedMap, SCHEMA_VERSION};
use crate::accumulate::Accumulator;
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use serde::Serialize;
use std::sync::Arc;

/// How many items are listed as priorities.
pub const PRIORITIES: usize = 5;

/// What item gaps are measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// The leader tier of the norms.
    Leaders,
    /// The mean norm company (norms without tiers).
    AverageCompany,
}

/// The tiers of the norms, as counts of norm companies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCounts {
    /// The tier scheme the norms were built with, e.g. `"aberdeen"`.
    pub scheme: String,
    /// The composite method the norms were built with: `"z"` or `"rank"`.
    pub composite: String,
    /// Norm companies in the leader tier.
    pub leaders: usize,
    /// Norm companies in the average tier.
    pub average: usize,
    /// Norm companies in the laggard tier.
    pub laggards: usize,
    /// Norm companies without a composite.
    pub unclassified: usize,
}

/// What the report says about the norms it used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormsRef {
    /// The norms file as named on the command line.
    pub file: String,
    /// The instrument the norms were built with (name, version, fingerprint).
    pub instrument: NormsInstrument,
    /// The program that wrote the norms, `"align <version>"`.
    pub built_by: String,
    /// Companies in the norms.
    pub companies: usize,
    /// Respondents of those companies.
    pub respondents: u64,
    /// The anonymity threshold the norms were built with.
    pub anonymity: u64,
    /// The weighting the norms were built with; benchmarked companies are scored the same way.
    pub weighting: Weighting,
    /// Tier counts; null when the norms have no tiers.
    pub tiers: Option<TierCounts>,
    /// What item gaps are measured against.
    pub comparison: Comparison,
}

/// The instrument's answer scale, in scale points.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScaleRef {
    /// Lowest scale point.
    pub min: i64,
    /// Highest scale point.
    pub max: i64,
}

/// One dimension (or the alignment index) of one company.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DimensionBenchmark {
    /// 0–100 index.
    pub score: Option<f64>,
    /// Mid-rank percentile among the norm companies.
    pub percentile: Option<f64>,
    /// The median of the norm companies' scores (0–100 index); null when there are none.
    pub norm_median: Option<f64>,
    /// `null` when the norms have no tiers.
    pub leader_mean: Option<f64>,
}

/// One item of one company, in scale points (reverse-coded).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemBenchmark {
    /// The item's id.
    pub item: Arc<str>,
    /// The id of the item's dimension.
    pub dimension: Arc<str>,
    /// The question as asked.
    pub text: Arc<str>,
    /// Reverse-worded: the means are reverse-coded, so higher is better.
    pub reverse: bool,
    /// The company's mean on the scale; null when fewer of its respondents than the
    /// anonymity threshold answered.
    pub company_mean: Option<f64>,
    /// The mean norm company.
    pub norm_mean: Option<f64>,
    /// `null` when the norms have no tiers.
    pub leader_mean: Option<f64>,
    /// Comparison mean − company mean.
    pub gap: Option<f64>,
}

/// An item to work on first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Priority {
    /// 1 for the largest gap.
    pub rank: usize,
    /// The item's id.
    pub item: Arc<str>,
    /// The question as asked.
    pub text: Arc<str>,
    /// Whether the item is reverse-worded (its means are reverse-coded).
    pub reverse: bool,
    /// The company's mean on the scale.
    pub company_mean: Option<f64>,
    /// The norm leaders' mean; null when the norms have no tiers.
    pub leader_mean: Option<f64>,
    /// The mean norm company's mean.
    pub norm_mean: Option<f64>,
    /// Comparison mean − company mean, in scale points; positive means room to improve.
    pub gap: Option<f64>,
}

/// One company of the benchmarked file (`companies[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyBenchmark {
    /// The company id.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
    /// Whether the company is hidden (fewer respondents than the anonymity threshold).
    pub suppressed: bool,
    /// `<dim>` and `alignment_index`; `null` when suppressed.
    pub dimensions: Option<OrderedMap<DimensionBenchmark>>,
    /// Up to five items, largest gap first; `null` when suppressed.
    pub priorities: Option<Vec<Priority>>,
    /// Every item; `null` when suppressed.
    pub items: Option<Vec<ItemBenchmark>>,
    /// With `--peer`: the company against its segment's norms; `null`
    /// without `--peer`, for a hidden company, or when its segment has no
    /// norms (it is then benchmarked against the field only).
    pub peer: Option<PeerBenchmark>,
}

/// A company placed against the peer norms of its segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerBenchmark {
    /// The segment (value of the norms' attribute) the company belongs to.
    pub segment: String,
    /// The same keys as the field's: `<dim>` and `alignment_index`.
    pub dimensions: OrderedMap<DimensionBenchmark>,
}

/// `--peer`: each company's segment of the norms' attribute, in
/// accumulator order (see [`super::segments::CompanyAttribute`]).
pub struct Peers<'a> {
    /// The company attribute the norms' segments were built from.
    pub attribute: &'a super::segments::CompanyAttribute,
}

/// A company's scores placed among some norms' distributions.
fn place_all(
    inst: &Instrument,
    figs: &norms::CompanyFigures,
    dimensions: &OrderedMap<norms::Distribution>,
    alignment_index: &norms::Distribution,
    leaders: Option<&norms::TierNorm>,
) -> OrderedMap<DimensionBenchmark> {
    let mut out = OrderedMap::new();
    let mut place = |key: &str, score: Option<f64>, dist: Option<&norms::Distribution>| {
        out.insert(
            key,
            DimensionBenchmark {
                score,
                percentile: score.zip(dist).and_then(|(s, d)| d.percentile(s)),
                norm_median: dist.and_then(|d| d.median),
                leader_mean: leaders.and_then(|l| l.dimensions.get(key).copied().flatten()),
            },
        );
    };
    for (d, dim) in inst.dimensions.iter().enumerate() {
        place(&dim.id, figs.dimensions[d], dimensions.get(&dim.id));
    }
    place(ALIGNMENT_INDEX, figs.alignment_index, Some(alignment_index));
    out
}

/// The settings the `benchmark` report was built with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkSettings {
    /// The anonymity threshold in respondents.
    pub anonymity: u64,
}

/// The `benchmark` report: what `--format json` serializes and every other format renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkReport {
    /// The JSON schema version (1).
    pub schema_version: u32,
    /// The command name, `"benchmark"`.
    pub command: &'static str,
    /// The instrument's name and version.
    pub instrument: InstrumentRef,
    /// The instrument's answer scale.
    pub scale: ScaleRef,
    /// What the report says about the norms it used.
    pub norms: NormsRef,
    /// The input accounting of the benchmarked file.
    pub input: InputSummary,
    /// The settings used.
    pub settings: BenchmarkSettings,
    /// The instrument's dimensions with their items.
    pub dimensions: Vec<DimensionInfo>,
    /// Companies, by company id (hidden ones too).
    pub companies: Vec<CompanyBenchmark>,
    /// How many groups the anonymity threshold hid.
    pub hidden: Hidden,
    /// Sentences about null figures and suspect data, also printed on standard error.
    pub warnings: Vec<String>,
}

fn norms_ref(n: &Norms, file: &str) -> NormsRef {
    NormsRef {
        file: file.to_string(),
        instrument: n.instrument.clone(),
        built_by: n.built_by.clone(),
        companies: n.companies,
        respondents: n.respondents,
        anonymity: n.anonymity,
        weighting: n.weighting,
        tiers: n.tiers.as_ref().map(|t| TierCounts {
            scheme: t.scheme.clone(),
            composite: t.composite.clone(),
            leaders: t.leader.n,
            average: t.average.n,
            laggards: t.laggard.n,
            unclassified: t.unclassified,
        }),
        comparison: if n.leaders().is_some() {
            Comparison::Leaders
        } else {
            Comparison::AverageCompany
        },
    }
}

/// Why `--peer ATTR` cannot be used with `norms`, if it cannot: the norms
/// must hold peer norms of that attribute (case-insensitive).
pub fn peer_attribute_error(norms: &Norms, norms_file: &str, attr: &str) -> Option<String> {
    match &norms.segments {
        None => Some(format!(
            "--peer {attr}: {norms_file} has no peer norms; build them with `align norms … --companies FILE --segment {attr}`"
        )),
        Some(s) if !s.attribute.eq_ignore_ascii_case(attr) => Some(format!(
            "--peer {attr}: {norms_file} holds peer norms by \"{}\", not \"{attr}\"",
            s.attribute
        )),
        Some(_) => None,
    }
}

/// Items with a positive gap, largest first (gaps quantised to 1e-9 so
/// near-equal gaps keep instrument order), at most [`PRIORITIES`].
pub fn priorities(items: &[ItemBenchmark]) -> Vec<Priority> {
    let key = |g: f64| (g * 1e9).round() as i64;
    let mut cand: Vec<(i64, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(j, it)| it.gap.map(key).filter(|k| *k > 0).map(|k| (k, j)))
        .collect();
    cand.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    cand.iter()
        .take(PRIORITIES)
        .enumerate()
        .map(|(r, &(_, j))| {
            let it = &items[j];
            Priority {
                rank: r + 1,
                item: it.item.clone(),
                text: it.text.clone(),
                reverse: it.reverse,
                company_mean: it.company_mean,
                leader_mean: it.leader_mean,
                norm_mean: it.norm_mean,
                gap: it.gap,
            }
        })
        .collect()
}

/// Build the benchmark report. `norms` must have passed
/// [`norms::file::check_instrument`] for `inst`; `warnings` are carried in
/// (e.g. from that check).
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    norms: &Norms,
    norms_file: &str,
    anonymity: u64,
    warnings: Vec<String>,
) -> BenchmarkReport {
    build_with_peers(
        inst, acc, input, norms, norms_file, anonymity, warnings, None,
    )
}

/// The warnings about the norms themselves: few companies, no tiers or no
/// leaders (item gaps then against the average company).
fn norms_warnings(norms: &Norms, norms_file: &str) -> Vec<String> {
    let mut warnings = Vec::new();
    if norms.companies < norms::FEW_COMPANIES {
        warnings.push(norms::few_companies_warning(norms.companies));
    }
    match (&norms.tiers, norms.leaders()) {
        (None, _) => warnings.push(format!(
            "{norms_file} has no tiers (it was built without outcomes), so leader means are not shown and item gaps are against the average company; build norms with --outcomes FILE to compare with the leaders"
        )),
        (Some(_), None) => warnings.push(format!(
            "{norms_file} has no leader companies, so item gaps are against the average company"
        )),
        _ => {}
    }
    warnings
}

/// Each item's id, dimension and text, made once and shared by every
/// company's rows (a survey of many companies would otherwise hold a copy
/// of every question per company).
pub(crate) struct ItemNames(Vec<[Arc<str>; 3]>);

impl ItemNames {
    pub(crate) fn new(inst: &Instrument) -> ItemNames {
        ItemNames(
            inst.items
                .iter()
                .map(|it| [&it.id, &it.dimension, &it.text].map(|s| Arc::from(s.as_str())))
                .collect(),
        )
    }
}

/// A company's item means against the norms: the gap to the leaders'
/// mean, or to the average company's when the norms have no leaders.
fn item_benchmarks(
    inst: &Instrument,
    names: &ItemNames,
    figs: &norms::CompanyFigures,
    norms: &Norms,
) -> Vec<ItemBenchmark> {
    let leaders = norms.leaders();
    inst.items
        .iter()
        .zip(&names.0)
        .enumerate()
        .map(|(j, (it, [id, dimension, text]))| {
            let company_mean = figs.items[j];
            let norm_mean = norms.items.get(&it.id).and_then(|x| x.mean);
            let leader_mean = leaders.and_then(|l| l.items.get(&it.id).copied().flatten());
            let reference = if leaders.is_some() {
                leader_mean
            } else {
                norm_mean
            };
            ItemBenchmark {
                item: id.clone(),
                dimension: dimension.clone(),
                text: text.clone(),
                reverse: it.reverse,
                company_mean,
                norm_mean,
                leader_mean,
                gap: reference.zip(company_mean).and_then(|(r, m)| finite(r - m)),
            }
        })
        .collect()
}

/// One warning per segment without peer norms, naming its companies
/// (`without_peers`: company id and segment).
fn without_peers_warnings(
    p: &Peers<'_>,
    mut without_peers: Vec<(String, String)>,
    norms: &Norms,
    norms_file: &str,
) -> Vec<String> {
    let mut warnings = Vec::new();
    without_peers.sort_by(|a, b| (&a.1, &a.0).cmp(&(&b.1, &b.0)));
    let mut at = 0;
    while at < without_peers.len() {
        let segment = &without_peers[at].1;
        let ids: Vec<&str> = without_peers[at..]
            .iter()
            .take_while(|(_, s)| s == segment)
            .map(|(id, _)| id.as_str())
            .collect();
        at += ids.len();
        warnings.push(format!(
            "segment \"{segment}\" of \"{}\" has no peer norms in {norms_file} (fewer than {} companies there, or left out with a smaller segment), so {} {} benchmarked against the field only",
            p.attribute.name,
            norms.segments.as_ref().map_or(0, |s| s.min_companies),
            ids.join(", "),
            if ids.len() == 1 { "is" } else { "are" },
        ));
    }
    warnings
}

/// [`build`], with each company also placed against the peer norms of its
/// segment (`peers`; the norms must hold segments of that attribute, see
/// [`peer_attribute_error`]).
#[allow(clippy::too_many_arguments)]
pub fn build_with_peers(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    norms: &Norms,
    norms_file: &str,
    anonymity: u64,
    mut warnings: Vec<String>,
    peers: Option<Peers<'_>>,
) -> BenchmarkReport {
    let nref = norms_ref(norms, norms_file);
    warnings.extend(norms_warnings(norms, norms_file));
    let mut hidden = Hidden {
        threshold: anonymity,
        companies: 0,
        roles: 0,
    };
    let vis = crate::disclosure::Disclosure::plan(acc, anonymity);
    let mut without_peers: Vec<(String, String)> = Vec::new();
    let mut companies = Vec::with_capacity(acc.companies.len());
    let names = ItemNames::new(inst);
    for (i, (id, c)) in acc.ids.iter().zip(&acc.companies).enumerate() {
        let n = c.n();
        if !vis.shown(i) {
            hidden.companies += 1;
            companies.push(suppressed_company(id, n));
            continue;
        }
        let figs = norms::company_figures(inst, &acc.plan, c, norms.weighting, anonymity);
        let peer = match peers
            .as_ref()
            .map(|p| peer_benchmark(inst, &figs, norms, p, i))
        {
            Some(Ok(peer)) => Some(peer),
            Some(Err(segment)) => {
                without_peers.push((id.to_string(), segment));
                None
            }
            None => None,
        };
        companies.push(shown_company(inst, &names, &figs, norms, id, n, peer));
    }
    companies.sort_by(|a, b| a.company_id.cmp(&b.company_id));
    if let Some(p) = &peers {
        warnings.extend(p.attribute.warnings.iter().cloned());
        warnings.extend(without_peers_warnings(p, without_peers, norms, norms_file));
    }
    warnings.extend(vis.companies_warning(&acc.ids));
    warnings.extend(crate::ingest::aliases::variant_warnings(&acc.ids));
    BenchmarkReport {
        schema_version: SCHEMA_VERSION,
        command: "benchmark",
        instrument: InstrumentRef {
            name: inst.name.clone(),
            version: inst.version.clone(),
        },
        scale: ScaleRef {
            min: inst.scale.min,
            max: inst.scale.max,
        },
        norms: nref,
        input: InputSummary::new(input, acc.companies.len()),
        settings: BenchmarkSettings { anonymity },
        dimensions: DimensionInfo::list(inst, &acc.plan),
        companies,
        hidden,
        warnings,
    }
}

/// A company hidden under the anonymity threshold: its id and size only.
fn suppressed_company(id: &str, n: u64) -> CompanyBenchmark {
    CompanyBenchmark {
        company_id: id.to_string(),
        n,
        suppressed: true,
        dimensions: None,
        priorities: None,
        items: None,
        peer: None,
    }
}

/// A shown company placed against the norms: its dimensions and alignment
/// index, its items and priorities, and `peer` (its place among its peers).
fn shown_company(
    inst: &Instrument,
    names: &ItemNames,
    figs: &norms::CompanyFigures,
    norms: &Norms,
    id: &str,
    n: u64,
    peer: Option<PeerBenchmark>,
) -> CompanyBenchmark {
    let dimensions = place_all(
        inst,
        figs,
        &norms.dimensions,
        &norms.alignment_index,
        norms.leaders(),
    );
    let items = item_benchmarks(inst, names, figs, norms);
    CompanyBenchmark {
        company_id: id.to_string(),
        n,
        suppressed: false,
        dimensions: Some(dimensions),
        priorities: Some(priorities(&items)),
        items: Some(items),
        peer,
    }
}

/// Company `i` placed against the peer norms of its segment, or the
/// segment's name when the norms hold no peer norms for it.
fn peer_benchmark(
    inst: &Instrument,
    figs: &norms::CompanyFigures,
    norms: &Norms,
    p: &Peers<'_>,
    i: usize,
) -> std::result::Result<PeerBenchmark, String> {
    let segment = p.attribute.segment_of(i);
    match norms.segments.as_ref().and_then(|s| s.get(segment)) {
        Some(g) => Ok(PeerBenchmark {
            segment: segment.to_string(),
            dimensions: place_all(inst, figs, &g.dimensions, &g.alignment_index, g.leaders()),
        }),
        None => Err(segment.to_string()),
    }
}
