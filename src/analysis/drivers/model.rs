//! The `drivers` report model: what `--format json` serializes and every
//! other format renders (keys: docs/formats.md#drivers-json).

use crate::analysis::leaders::{OutcomeByTier, OutcomeInfo};
use crate::analysis::outcomes::{CompositeMethod, Scheme};
use crate::analysis::score::{Hidden, InputSummary, Weighting};
use crate::analysis::segments::Segments;
use crate::analysis::InstrumentRef;
use serde::Serialize;

/// Choices that shape the analysis (the scheme and composite live in the
/// outcomes).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DriversOptions {
    /// How a company's dimension score averages its respondents (`--weighting`).
    pub weighting: Weighting,
    /// Minimum respondents for a company to be shown (`--anonymity`).
    pub anonymity: u64,
    /// Bootstrap resamples (0: no intervals).
    pub bootstrap: usize,
    /// Seed of the bootstrap's random streams (`--seed`).
    pub seed: u64,
    /// Threads for the bootstrap (0: one per core, up to 8); the result is
    /// the same for any number.
    pub threads: usize,
}

impl Default for DriversOptions {
    fn default() -> Self {
        DriversOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
            bootstrap: 1000,
            seed: 1,
            threads: 0,
        }
    }
}

/// The settings echoed in the JSON (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriversSettings {
    /// How companies are split into leaders and laggards (`--scheme`).
    pub scheme: Scheme,
    /// How the outcomes are combined into the composite target.
    pub composite: CompositeMethod,
    /// How a company's dimension score averages its respondents.
    pub weighting: Weighting,
    /// Minimum respondents for a company to be shown.
    pub anonymity: u64,
}

/// Where an item stands on importance × performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Importance above the median, performance at or below.
    FixFirst,
    /// Importance and performance above the median.
    KeepUp,
    /// Importance and performance at or below the median.
    Watch,
    /// Importance at or below the median, performance above.
    OverServed,
}

impl Quadrant {
    /// The quadrant of an item whose importance (`important`) and performance
    /// (`performing`) are strictly above their medians or not.
    pub fn from_position(important: bool, performing: bool) -> Quadrant {
        match (important, performing) {
            (true, false) => Quadrant::FixFirst,
            (true, true) => Quadrant::KeepUp,
            (false, false) => Quadrant::Watch,
            (false, true) => Quadrant::OverServed,
        }
    }
    /// The quadrant's name in tables and charts.
    pub fn label(self) -> &'static str {
        match self {
            Quadrant::FixFirst => "fix first",
            Quadrant::KeepUp => "keep up",
            Quadrant::Watch => "watch",
            Quadrant::OverServed => "over-served",
        }
    }
}

/// One dimension in a target's dimension model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionDriver {
    /// The dimension id.
    pub dimension: String,
    /// The dimension's label.
    pub label: String,
    /// Standardized regression weight.
    pub beta: Option<f64>,
    /// Two-sided p of the beta's t-test (n − p − 1 df).
    pub p: Option<f64>,
    /// LMG: the dimension's part of R² (the parts sum to R²).
    pub lmg: Option<f64>,
    /// lmg / R² (the shares sum to 1).
    pub share: Option<f64>,
    /// 95% percentile bootstrap interval of `share`.
    pub share_ci95: Option<[f64; 2]>,
}

/// One item in a target's item model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemDriver {
    /// The item id.
    pub item: String,
    /// The item's wording.
    pub text: String,
    /// The id of the item's dimension.
    pub dimension: String,
    /// Whether the item is reverse-coded.
    pub reverse: bool,
    /// Johnson's relative weight (the weights sum to `items_r2`).
    pub raw_weight: Option<f64>,
    /// raw_weight / items_r2.
    pub share: Option<f64>,
    /// 95% percentile bootstrap interval of `share`.
    pub share_ci95: Option<[f64; 2]>,
    /// Field index (0–100): the mean of the companies' item indexes.
    pub performance: Option<f64>,
    /// Importance (share for the composite) × performance; the same under
    /// every target.
    pub quadrant: Option<Quadrant>,
}

/// The models of one target: an outcome (oriented so higher is better) or
/// the composite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetDrivers {
    /// The outcome id, or `composite`.
    pub target: String,
    /// The outcome's label, or the composite's.
    pub label: String,
    /// Companies in the dimension model (complete cases).
    pub n: usize,
    /// R² of the dimension model.
    pub r2: Option<f64>,
    /// Adjusted R² of the dimension model.
    pub adj_r2: Option<f64>,
    /// The dimension model, one entry per dimension in instrument order.
    pub dimensions: Vec<DimensionDriver>,
    /// `None` when the item model cannot be fitted (see the warnings).
    pub items: Option<Vec<ItemDriver>>,
    /// Companies in the item model (complete cases).
    pub items_n: usize,
    /// R² of the item model (the raw weights sum to it).
    pub items_r2: Option<f64>,
}

/// An item to fix first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixFirst {
    /// The item id.
    pub item: String,
    /// The item's wording.
    pub text: String,
    /// Whether the item is reverse-coded.
    pub reverse: bool,
    /// Its share for the composite.
    pub importance: f64,
    /// Its field index (0–100).
    pub performance: f64,
}

/// How the intervals were made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BootstrapInfo {
    /// Resamples.
    pub b: usize,
    /// Seed of the random streams (`--seed`).
    pub seed: u64,
    /// Interval level.
    pub level: f64,
    /// The percentile definition.
    pub percentile: &'static str,
}

/// The `drivers` model (docs/formats.md#drivers-json).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriversReport {
    /// Version of this JSON layout.
    pub schema_version: u32,
    /// Always `drivers`.
    pub command: &'static str,
    /// The instrument the responses were read with.
    pub instrument: InstrumentRef,
    /// Rows read, used and dropped, as in `score`.
    pub input: InputSummary,
    /// The settings used.
    pub settings: DriversSettings,
    /// The instrument's outcomes, in instrument order.
    pub outcomes: Vec<OutcomeInfo>,
    /// Plain-language findings, most important first.
    pub summary: Vec<String>,
    /// One per outcome (instrument order), then the composite.
    pub targets: Vec<TargetDrivers>,
    /// Up to three `fix_first` items, largest importance first.
    pub fix_first: Vec<FixFirst>,
    /// Each outcome's company values by tier, as in `leaders`.
    pub outcomes_by_tier: Vec<OutcomeByTier>,
    /// How the share intervals were made.
    pub bootstrap: BootstrapInfo,
    /// Per-segment figures with `--segment` (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Segments>,
    /// Companies hidden (fewer than `anonymity` respondents).
    pub hidden: Hidden,
    /// Problems met while reading and analysing, each once.
    pub warnings: Vec<String>,
}
