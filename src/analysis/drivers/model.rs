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
    pub weighting: Weighting,
    pub anonymity: u64,
    /// Bootstrap resamples (0: no intervals).
    pub bootstrap: usize,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriversSettings {
    pub scheme: Scheme,
    pub composite: CompositeMethod,
    pub weighting: Weighting,
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
    pub fn from_position(important: bool, performing: bool) -> Quadrant {
        match (important, performing) {
            (true, false) => Quadrant::FixFirst,
            (true, true) => Quadrant::KeepUp,
            (false, false) => Quadrant::Watch,
            (false, true) => Quadrant::OverServed,
        }
    }
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
    pub dimension: String,
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
    pub item: String,
    pub text: String,
    pub dimension: String,
    pub reverse: bool,
    /// Johnson's relative weight (the weights sum to `items_r2`).
    pub raw_weight: Option<f64>,
    /// raw_weight / items_r2.
    pub share: Option<f64>,
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
    pub label: String,
    /// Companies in the dimension model (complete cases).
    pub n: usize,
    pub r2: Option<f64>,
    pub adj_r2: Option<f64>,
    pub dimensions: Vec<DimensionDriver>,
    /// `None` when the item model cannot be fitted (see the warnings).
    pub items: Option<Vec<ItemDriver>>,
    /// Companies in the item model (complete cases).
    pub items_n: usize,
    pub items_r2: Option<f64>,
}

/// An item to fix first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FixFirst {
    pub item: String,
    pub text: String,
    pub reverse: bool,
    /// Its share for the composite.
    pub importance: f64,
    pub performance: f64,
}

/// How the intervals were made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BootstrapInfo {
    /// Resamples.
    pub b: usize,
    pub seed: u64,
    /// Interval level.
    pub level: f64,
    /// The percentile definition.
    pub percentile: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriversReport {
    pub schema_version: u32,
    pub command: &'static str,
    pub instrument: InstrumentRef,
    pub input: InputSummary,
    pub settings: DriversSettings,
    pub outcomes: Vec<OutcomeInfo>,
    /// Plain-language findings, most important first.
    pub summary: Vec<String>,
    pub targets: Vec<TargetDrivers>,
    pub fix_first: Vec<FixFirst>,
    pub outcomes_by_tier: Vec<OutcomeByTier>,
    pub bootstrap: BootstrapInfo,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<Segments>,
    pub hidden: Hidden,
    pub warnings: Vec<String>,
}
