//! The `compare` report model: what `--format json` serializes and every
//! other format renders (keys in docs/formats.md#compare-json).

use super::super::score::{DimensionInfo, Hidden, InputSummary};
use super::super::{InstrumentRef, OrderedMap};
use crate::analysis::outcomes::Tier;
use serde::Serialize;

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    pub anonymity: u64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { anonymity: 3 }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub anonymity: u64,
    /// Always respondent weighting: a company's score is the mean of its
    /// respondents' dimension means, the figures Welch's t compares.
    pub weighting: crate::analysis::score::Weighting,
    /// Tiers are compared (both waves have outcomes).
    pub tiers: bool,
}

/// One wave: its label, input accounting and what was hidden.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveInfo {
    pub label: String,
    pub input: InputSummary,
    /// Companies shown (at least `anonymity` respondents).
    pub shown_companies: usize,
    pub hidden: Hidden,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waves {
    pub before: WaveInfo,
    pub after: WaveInfo,
}

/// A t test: all `null` when undefined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct TTest {
    pub t: Option<f64>,
    pub df: Option<f64>,
    pub p: Option<f64>,
}

/// The Wilcoxon signed-rank test, as scipy reports it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct WilcoxonTest {
    /// min(W+, W−).
    pub w: Option<f64>,
    /// Never positive.
    pub z: Option<f64>,
    pub p: Option<f64>,
    /// Pairs with a non-zero change.
    pub n: usize,
}

/// One panel company's change on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct DimensionChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// after − before, index points.
    pub change: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    pub t: Option<f64>,
    pub df: Option<f64>,
    pub p: Option<f64>,
    /// Benjamini–Hochberg over the panel companies, per dimension.
    pub q: Option<f64>,
}

/// The alignment index before and after (no test).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct IndexChange {
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
}

/// A company shown in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelCompany {
    pub company_id: String,
    pub n_before: u64,
    pub n_after: u64,
    pub dimensions: OrderedMap<DimensionChange>,
    pub alignment_index: IndexChange,
    pub stage_before: Option<String>,
    pub stage_after: Option<String>,
    /// `null` unless both waves have outcomes.
    pub tier_before: Option<Tier>,
    pub tier_after: Option<Tier>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    pub n_companies: usize,
    /// By company id.
    pub companies: Vec<PanelCompany>,
}

/// The field's change on a dimension or the alignment index.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct FieldChange {
    /// Panel companies with a score in both waves.
    pub n_panel: usize,
    pub panel_before: Option<f64>,
    pub panel_after: Option<f64>,
    pub mean_change: Option<f64>,
    pub paired_t: TTest,
    pub wilcoxon: WilcoxonTest,
    /// Shown companies with a score, per wave.
    pub n_before: usize,
    pub n_after: usize,
    pub all_before: Option<f64>,
    pub all_after: Option<f64>,
    /// Welch's t across companies, after − before.
    pub welch: TTest,
}

/// One item, all respondents of the shown companies of each wave pooled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    pub item: String,
    pub dimension: String,
    pub text: String,
    pub reverse: bool,
    pub n_before: u64,
    pub n_after: u64,
    /// Mean index (0–100, reverse-coded).
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub change: Option<f64>,
    /// Percent in the two highest points, as worded.
    pub top2_before: Option<f64>,
    pub top2_after: Option<f64>,
    /// Two-proportion z test (pooled) of the top-2-box change.
    pub p: Option<f64>,
    pub q: Option<f64>,
}

/// A panel company whose stage or tier changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    pub company_id: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Movers {
    pub stage_up: Vec<Move>,
    pub stage_down: Vec<Move>,
    /// Empty unless both waves have outcomes.
    pub tier_changes: Vec<Move>,
}

/// A shown company present in one wave's rows only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveCompany {
    pub company_id: String,
    /// Its respondents in the wave it is in.
    pub n: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    pub schema_version: u32,
    pub command: &'static str,
    pub instrument: InstrumentRef,
    pub settings: Settings,
    pub waves: Waves,
    pub dimensions: Vec<DimensionInfo>,
    pub panel: Panel,
    /// Per dimension, then `alignment_index`.
    pub field: OrderedMap<FieldChange>,
    pub items: Vec<ItemChange>,
    pub movers: Movers,
    /// Shown in the after wave, absent from the before wave's rows.
    pub joined: Vec<WaveCompany>,
    /// Shown in the before wave, absent from the after wave's rows.
    pub left: Vec<WaveCompany>,
    /// Companies in both waves' rows but hidden in one or both (not named).
    pub hidden_in_a_wave: usize,
    pub warnings: Vec<String>,
}
