//! The `leaders` report model: what `--format json` serializes and every
//! other format renders.

use super::*;
use serde::Serialize;

/// Choices that shape the analysis (the scheme and composite live in
/// [`Outcomes`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LeadersOptions {
    /// How company dimension scores average respondents.
    pub weighting: Weighting,
    /// Minimum respondents for a company or role group to be shown (`--anonymity`, default 3).
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

/// The settings the `leaders` report was built with (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// How classified companies are split into tiers (`--scheme`).
    pub scheme: Scheme,
    /// How outcomes are standardized into the composite: `"z"` or `"rank"`.
    pub composite: CompositeMethod,
    /// How company dimension scores average respondents.
    pub weighting: Weighting,
    /// The anonymity threshold in respondents.
    pub anonymity: u64,
}

/// One outcome of the instrument, as it enters the composite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeInfo {
    /// The outcome's id.
    pub id: String,
    /// The name shown in reports.
    pub label: String,
    /// The unit, e.g. `%`; empty when none.
    pub unit: String,
    /// Whether higher or lower values are better (the sign in the composite).
    pub direction: Direction,
    /// The outcome group used by the `all-above-median` scheme.
    pub group: String,
}

/// The size of one tier.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierSize {
    /// Shown companies in the tier.
    pub companies: usize,
    /// Scored respondents of those companies.
    pub respondents: u64,
}

/// How many shown companies (and their respondents) fall in each tier (`tiers`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TierCounts {
    /// The leader tier.
    pub leader: TierSize,
    /// The average tier (empty under the `median` and `all-above-median` schemes).
    pub average: TierSize,
    /// The laggard tier.
    pub laggard: TierSize,
    /// Shown companies without a composite, hence in no tier.
    pub unclassified: usize,
}

/// n, mean and sample sd of one tier's company values.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct GroupStats {
    /// Companies of the tier with a value.
    pub n: usize,
    /// Mean of their values; null when none.
    pub mean: Option<f64>,
    /// Sample standard deviation (`n − 1`); null below two values.
    pub sd: Option<f64>,
}

/// Welch's t test of leaders against laggards; all null when either tier has fewer than two values
/// or neither varies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct WelchStats {
    /// The t statistic (positive when leaders are higher).
    pub t: Option<f64>,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: Option<f64>,
    /// Two-sided p-value.
    pub p: Option<f64>,
}

/// Mann–Whitney U test of leaders against laggards (normal approximation with tie and continuity
/// corrections).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct MannWhitneyStats {
    /// The leaders' U.
    pub u: Option<f64>,
    /// Two-sided p-value; null when a tier has no value or every value is tied.
    pub p: Option<f64>,
}

/// n, mean and median of one tier's company values of an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct OutcomeStats {
    /// Companies of the tier that report the outcome.
    pub n: usize,
    /// Mean of their values, in the outcome's unit; null when none.
    pub mean: Option<f64>,
    /// Median of their values; null when none.
    pub median: Option<f64>,
}

/// One outcome's company values (as reported, not sign-flipped) by tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutcomeByTier {
    /// The outcome's id.
    pub outcome: String,
    /// The outcome's label.
    pub label: String,
    /// The outcome's unit; empty when none.
    pub unit: String,
    /// Whether higher or lower values are better.
    pub direction: Direction,
    /// The leader tier's values.
    pub leaders: OutcomeStats,
    /// The average tier's values.
    pub average: OutcomeStats,
    /// The laggard tier's values.
    pub laggards: OutcomeStats,
}

/// Leaders vs laggards on one dimension or item (the average tier described).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The leaders' company values.
    pub leaders: GroupStats,
    /// The laggards' company values.
    pub laggards: GroupStats,
    /// The average tier's company values (described, not tested).
    pub average: GroupStats,
    /// Leaders' mean − laggards' mean.
    pub diff: Option<f64>,
    /// Leaders minus laggards.
    pub hedges_g: Option<f64>,
    /// 95% confidence interval of Hedges' g; null when g is null.
    pub hedges_g_ci95: Option<[f64; 2]>,
    /// Welch's t test.
    pub welch: WelchStats,
    /// Mann–Whitney U test.
    pub mann_whitney: MannWhitneyStats,
    /// Benjamini–Hochberg q within the family (items, or dimensions).
    pub q: Option<f64>,
}

/// Leaders vs laggards on one dimension: company scores as 0–100 indexes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionComparison {
    /// The dimension's id.
    pub dimension: String,
    /// The dimension's label.
    pub label: String,
    /// The comparison (flattened into this object in JSON).
    #[serde(flatten)]
    pub stats: Comparison,
}

/// Leaders vs laggards on one item: company means of reverse-coded answers, on the scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemComparison {
    /// The item's id.
    pub item: String,
    /// The question as asked.
    pub text: String,
    /// The id of the item's dimension.
    pub dimension: String,
    /// Whether the item is reverse-coded before its means are taken.
    pub reverse: bool,
    /// The comparison (flattened into this object in JSON).
    #[serde(flatten)]
    pub stats: Comparison,
    /// % of the leaders' respondents in the two highest points (as worded).
    pub top2_leaders: Option<f64>,
    /// % of the laggards' respondents in the two highest points (as worded).
    pub top2_laggards: Option<f64>,
    /// `top2_leaders / top2_laggards`.
    pub lift: Option<f64>,
    /// Respondents of each tier who answered the item (top-2-box bases).
    pub answered_leaders: u64,
    /// Respondents of the laggard companies who answered the item.
    pub answered_laggards: u64,
}

/// Spearman correlation of one dimension score with the outcome composite over classified
/// companies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionCorrelation {
    /// The dimension's id.
    pub dimension: String,
    /// Classified companies with a score on the dimension.
    pub n: usize,
    /// Spearman's ρ; null below two pairs or when either variable is constant.
    pub spearman_rho: Option<f64>,
    /// Two-sided p-value (t approximation); null when `|ρ| = 1` or `n < 3`.
    pub p: Option<f64>,
}

/// A company in the tier list; hidden companies show no composite or tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyTier {
    /// The company id.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
    /// Whether the company is hidden (fewer respondents than the anonymity threshold).
    pub suppressed: bool,
    /// The outcome composite (mean z-score, or mean percentile rank with `--composite rank`); null
    /// when hidden or unclassified.
    pub composite: Option<f64>,
    /// The company's tier; null when hidden or unclassified.
    pub tier: Option<Tier>,
}

/// A shown company left out of the tiers, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unclassified {
    /// The company id.
    pub company_id: String,
    /// Why it has no composite, e.g. "no outcomes reported".
    pub reason: String,
}

/// The `leaders` report: what `--format json` serializes and every other format renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeadersReport {
    /// The JSON schema version (1).
    pub schema_version: u32,
    /// The command name, `"leaders"`.
    pub command: &'static str,
    /// The instrument's name and version.
    pub instrument: InstrumentRef,
    /// The input accounting.
    pub input: InputSummary,
    /// The settings used.
    pub settings: Settings,
    /// Same as `settings.scheme`, repeated at the top level (docs/formats.md#leaders-json).
    pub scheme: Scheme,
    /// The instrument's outcomes, in instrument order.
    pub outcomes: Vec<OutcomeInfo>,
    /// Companies and respondents per tier.
    pub tiers: TierCounts,
    /// Median composite of the classified companies; null when none.
    pub median_composite: Option<f64>,
    /// Each outcome's mean, median and n of company values by tier: how
    /// much better leaders did.
    pub outcomes_by_tier: Vec<OutcomeByTier>,
    /// Leaders or laggards number fewer than [`INDICATIVE_BELOW`]
    /// companies: the comparisons between them are indicative only.
    pub indicative: bool,
    /// Plain-language findings, most important first.
    pub summary: Vec<String>,
    /// Leaders vs laggards per dimension, in instrument order.
    pub dimensions: Vec<DimensionComparison>,
    /// In instrument order (renderers rank them by effect size).
    pub items: Vec<ItemComparison>,
    /// Spearman ρ of each dimension score with the composite.
    pub correlations: Vec<DimensionCorrelation>,
    /// Best first (by tier, then composite, then id); unclassified companies
    /// next; hidden companies last, by id.
    pub companies: Vec<CompanyTier>,
    /// Shown companies without a composite, with the reason.
    pub unclassified: Vec<Unclassified>,
    /// Peer-group figures (`--segment`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<crate::analysis::segments::Segments>,
    /// How many groups the anonymity threshold hid.
    pub hidden: Hidden,
    /// Sentences about null figures and suspect data, also printed on standard error.
    pub warnings: Vec<String>,
}
