//! The `leaders` report model: what `--format json` serializes and every
//! other format renders.

use super::*;
use serde::Serialize;

/// Choices that shape the analysis (the scheme and composite live in
/// [`Outcomes`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadersOptions {
    pub weighting: Weighting,
    pub anonymity: u64,
}

impl Default for LeadersOptions {
    fn default() -> Self {
        LeadersOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub scheme: Scheme,
    pub composite: CompositeMethod,
    pub weighting: Weighting,
    pub anonymity: u64,
}

/// One outcome of the instrument, as it enters the composite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeInfo {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub direction: Direction,
    pub group: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierSize {
    pub companies: usize,
    pub respondents: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierCounts {
    pub leader: TierSize,
    pub average: TierSize,
    pub laggard: TierSize,
    pub unclassified: usize,
}

/// n, mean and sample sd of one tier's company values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct GroupStats {
    pub n: usize,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct WelchStats {
    pub t: Option<f64>,
    pub df: Option<f64>,
    pub p: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct MannWhitneyStats {
    /// The leaders' U.
    pub u: Option<f64>,
    pub p: Option<f64>,
}

/// n, mean and median of one tier's company values of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct OutcomeStats {
    pub n: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
}

/// One outcome's company values (as reported, not sign-flipped) by tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeByTier {
    /// The outcome's id.
    pub outcome: String,
    pub label: String,
    pub unit: String,
    pub direction: Direction,
    pub leaders: OutcomeStats,
    pub average: OutcomeStats,
    pub laggards: OutcomeStats,
}

/// Leaders vs laggards on one dimension or item (the average tier described).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub leaders: GroupStats,
    pub laggards: GroupStats,
    pub average: GroupStats,
    /// Leaders' mean − laggards' mean.
    pub diff: Option<f64>,
    /// Leaders minus laggards.
    pub hedges_g: Option<f64>,
    pub hedges_g_ci95: Option<[f64; 2]>,
    pub welch: WelchStats,
    pub mann_whitney: MannWhitneyStats,
    /// Benjamini–Hochberg q within the family (items, or dimensions).
    pub q: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionComparison {
    pub dimension: String,
    pub label: String,
    #[serde(flatten)]
    pub stats: Comparison,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemComparison {
    pub item: String,
    pub text: String,
    pub dimension: String,
    pub reverse: bool,
    #[serde(flatten)]
    pub stats: Comparison,
    /// % of the leaders' respondents in the two highest points (as worded).
    pub top2_leaders: Option<f64>,
    pub top2_laggards: Option<f64>,
    /// `top2_leaders / top2_laggards`.
    pub lift: Option<f64>,
    /// Respondents of each tier who answered the item (top-2-box bases).
    pub answered_leaders: u64,
    pub answered_laggards: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionCorrelation {
    pub dimension: String,
    pub n: usize,
    pub spearman_rho: Option<f64>,
    pub p: Option<f64>,
}

/// A company in the tier list; hidden companies show no composite or tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyTier {
    pub company_id: String,
    pub n: u64,
    pub suppressed: bool,
    pub composite: Option<f64>,
    pub tier: Option<Tier>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unclassified {
    pub company_id: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadersReport {
    pub schema_version: u32,
    pub command: &'static str,
    pub instrument: InstrumentRef,
    pub input: InputSummary,
    pub settings: Settings,
    /// Same as `settings.scheme`, repeated at the top level (docs/formats.md#leaders-json).
    pub scheme: Scheme,
    pub outcomes: Vec<OutcomeInfo>,
    pub tiers: TierCounts,
    pub median_composite: Option<f64>,
    /// Each outcome's mean, median and n of company values by tier: how
    /// much better leaders did.
    pub outcomes_by_tier: Vec<OutcomeByTier>,
    /// Leaders or laggards number fewer than [`INDICATIVE_BELOW`]
    /// companies: the comparisons between them are indicative only.
    pub indicative: bool,
    /// Plain-language findings, most important first.
    pub summary: Vec<String>,
    pub dimensions: Vec<DimensionComparison>,
    /// In instrument order (renderers rank them by effect size).
    pub items: Vec<ItemComparison>,
    pub correlations: Vec<DimensionCorrelation>,
    /// Best first (by tier, then composite, then id); unclassified companies
    /// next; hidden companies last, by id.
    pub companies: Vec<CompanyTier>,
    pub unclassified: Vec<Unclassified>,
    /// Peer-group figures (`--segment`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<crate::analysis::segments::Segments>,
    pub hidden: Hidden,
    pub warnings: Vec<String>,
}
