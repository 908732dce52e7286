//! The `compare` report model: what `--format json` serializes and every
//! other format renders (keys in docs/formats.md#compare-json).

use super::super::score::{DimensionInfo, Hidden, InputSummary};
use super::super::{InstrumentRef, OrderedMap};
use crate::analysis::outcomes::Tier;
use serde::Serialize;

/// Settings of a comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompareOptions {
    /// Minimum respondents for a company to be shown in a wave.
    pub anonymity: u64,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { anonymity: 3 }
    }
}

/// The settings echoed in the JSON (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// Minimum respondents for a company to be shown in a wave.
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
    /// The wave's name (`--labels`; default `before` / `after`).
    pub label: String,
    /// Rows read, used and dropped, as in `score`.
    pub input: InputSummary,
    /// Companies shown (at least `anonymity` respondents).
    pub shown_companies: usize,
    /// Companies hidden in this wave (fewer than `anonymity` respondents).
    pub hidden: Hidden,
}

/// The two waves compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Waves {
    /// The earlier wave.
    pub before: WaveInfo,
    /// The later wave.
    pub after: WaveInfo,
}

/// A t test: all `null` when undefined.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct TTest {
    /// The t statistic (after − before).
    pub t: Option<f64>,
    /// Degrees of freedom (n − 1 for the paired t, Welch–Satterthwaite for
    /// Welch's t).
    pub df: Option<f64>,
    /// Two-sided p value.
    pub p: Option<f64>,
}

/// The Wilcoxon signed-rank test, as scipy reports it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct WilcoxonTest {
    /// min(W+, W−).
    pub w: Option<f64>,
    /// Never positive.
    pub z: Option<f64>,
    /// Two-sided p value (normal approximation).
    pub p: Option<f64>,
    /// Pairs with a non-zero change.
    pub n: usize,
}

/// One panel company's change on one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct DimensionChange {
    /// The company's score in the before wave (0–100 index).
    pub before: Option<f64>,
    /// The company's score in the after wave (0–100 index).
    pub after: Option<f64>,
    /// after − before, index points.
    pub change: Option<f64>,
    /// 95% Welch confidence interval of `change`, index points.
    pub ci95: Option<[f64; 2]>,
    /// Welch's t of the change, over the company's respondents in each wave.
    pub t: Option<f64>,
    /// Welch–Satterthwaite degrees of freedom.
    pub df: Option<f64>,
    /// Two-sided p value of Welch's t.
    pub p: Option<f64>,
    /// Benjamini–Hochberg over the panel companies, per dimension.
    pub q: Option<f64>,
}

/// The alignment index before and after (no test).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct IndexChange {
    /// Alignment index in the before wave (0–100).
    pub before: Option<f64>,
    /// Alignment index in the after wave (0–100).
    pub after: Option<f64>,
    /// after − before, index points.
    pub change: Option<f64>,
}

/// A company shown in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PanelCompany {
    /// The company's id.
    pub company_id: String,
    /// Its respondents in the before wave.
    pub n_before: u64,
    /// Its respondents in the after wave.
    pub n_after: u64,
    /// Its change on each dimension, keyed by dimension id.
    pub dimensions: OrderedMap<DimensionChange>,
    /// Its alignment index before and after.
    pub alignment_index: IndexChange,
    /// Its alignment stage in the before wave (`null` without an index).
    pub stage_before: Option<String>,
    /// Its alignment stage in the after wave (`null` without an index).
    pub stage_after: Option<String>,
    /// Its outcome tier in the before wave; `null` unless both waves have
    /// outcomes.
    pub tier_before: Option<Tier>,
    /// Its outcome tier in the after wave; `null` unless both waves have outcomes.
    pub tier_after: Option<Tier>,
}

/// The companies shown in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Panel {
    /// Companies shown in both waves.
    pub n_companies: usize,
    /// By company id.
    pub companies: Vec<PanelCompany>,
}

/// The field's change on a dimension or the alignment index.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct FieldChange {
    /// Panel companies with a score in both waves.
    pub n_panel: usize,
    /// Mean over the panel companies of their before score (0–100).
    pub panel_before: Option<f64>,
    /// Mean over the panel companies of their after score (0–100).
    pub panel_after: Option<f64>,
    /// Mean of the panel companies' changes, index points.
    pub mean_change: Option<f64>,
    /// Paired t test of the panel companies' changes.
    pub paired_t: TTest,
    /// Wilcoxon signed-rank test of the panel companies' changes.
    pub wilcoxon: WilcoxonTest,
    /// Shown companies with a score, per wave.
    pub n_before: usize,
    /// Shown companies with a score in the after wave.
    pub n_after: usize,
    /// Mean score of all shown companies of the before wave (0–100).
    pub all_before: Option<f64>,
    /// Mean score of all shown companies of the after wave (0–100).
    pub all_after: Option<f64>,
    /// Welch's t across companies, after − before.
    pub welch: TTest,
}

/// One item, all respondents of the shown companies of each wave pooled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// The item id.
    pub item: String,
    /// The id of the item's dimension.
    pub dimension: String,
    /// The item's wording.
    pub text: String,
    /// Whether the item is reverse-coded.
    pub reverse: bool,
    /// Respondents of the before wave's shown companies who answered it.
    pub n_before: u64,
    /// Respondents of the after wave's shown companies who answered it.
    pub n_after: u64,
    /// Mean index (0–100, reverse-coded).
    pub before: Option<f64>,
    /// Mean index in the after wave (0–100, reverse-coded).
    pub after: Option<f64>,
    /// after − before, index points.
    pub change: Option<f64>,
    /// Percent in the two highest points, as worded.
    pub top2_before: Option<f64>,
    /// Percent in the two highest points in the after wave, as worded.
    pub top2_after: Option<f64>,
    /// Two-proportion z test (pooled) of the top-2-box change.
    pub p: Option<f64>,
    /// Benjamini–Hochberg q over the items.
    pub q: Option<f64>,
}

/// A panel company whose stage or tier changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Move {
    /// The company's id.
    pub company_id: String,
    /// Its stage or tier in the before wave.
    pub before: String,
    /// Its stage or tier in the after wave.
    pub after: String,
}

/// Panel companies whose stage or tier changed, by company id.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Movers {
    /// Moved to a higher alignment stage.
    pub stage_up: Vec<Move>,
    /// Moved to a lower alignment stage.
    pub stage_down: Vec<Move>,
    /// Empty unless both waves have outcomes.
    pub tier_changes: Vec<Move>,
}

/// A shown company present in one wave's rows only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveCompany {
    /// The company's id.
    pub company_id: String,
    /// Its respondents in the wave it is in.
    pub n: u64,
}

/// The `compare` model (docs/formats.md#compare-json).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// Version of this JSON layout.
    pub schema_version: u32,
    /// Always `compare`.
    pub command: &'static str,
    /// The instrument both waves were read with.
    pub instrument: InstrumentRef,
    /// The settings used.
    pub settings: Settings,
    /// Input accounting and hidden companies of each wave.
    pub waves: Waves,
    /// The instrument's dimensions, in order.
    pub dimensions: Vec<DimensionInfo>,
    /// Per-company changes of the companies shown in both waves.
    pub panel: Panel,
    /// Per dimension, then `alignment_index`.
    pub field: OrderedMap<FieldChange>,
    /// Per-item changes, in instrument order.
    pub items: Vec<ItemChange>,
    /// Panel companies whose stage or tier changed.
    pub movers: Movers,
    /// Shown in the after wave, absent from the before wave's rows.
    pub joined: Vec<WaveCompany>,
    /// Shown in the before wave, absent from the after wave's rows.
    pub left: Vec<WaveCompany>,
    /// Companies in both waves' rows but hidden in one or both (not named).
    pub hidden_in_a_wave: usize,
    /// Problems met while reading and analysing, each once.
    pub warnings: Vec<String>,
}
