//! The `score` report model: what `--format json` serializes and every
//! other format renders.

use super::super::{InstrumentRef, OrderedMap};
use crate::ingest::{Exclusion, InputReport};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// How a company's dimension score averages its respondents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Weighting {
    /// Every respondent counts once.
    #[default]
    Respondent,
    /// The mean of the role means (sales, marketing, both: those present).
    Role,
}

/// Settings of the `score` analysis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreOptions {
    /// How a company's dimension scores average its respondents.
    pub weighting: Weighting,
    /// Minimum respondents for a company or role group to be shown (`--anonymity`, default 3).
    pub anonymity: u64,
}

impl Default for ScoreOptions {
    fn default() -> Self {
        ScoreOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
        }
    }
}

/// The input accounting of a responses file as printed in every command's JSON (`input`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputSummary {
    /// The responses file as named on the command line (`-` for standard input).
    pub file: String,
    /// Data rows read, header rows not counted (`rows_scored + rows_excluded`).
    pub rows_read: u64,
    /// Rows that entered the analysis.
    pub rows_scored: u64,
    /// Rows left out, each listed in `exclusions`.
    pub rows_excluded: u64,
    /// Every excluded row with its line and reason.
    pub exclusions: Vec<Exclusion>,
    /// Companies with at least one scored row, hidden ones included.
    pub companies: usize,
    /// Header rows skipped: 1, or 2–3 for a Qualtrics export.
    pub header_rows: u64,
    /// The field delimiter: `","`, `";"` or `"tab"`.
    pub delimiter: String,
    /// Whether the file is a Qualtrics export (extra header rows).
    pub qualtrics: bool,
    /// The survey tool the export comes from ("csv" for a plain file).
    pub dialect: String,
    /// Whether the file starts with a byte-order mark.
    pub bom: bool,
    /// The input's text encoding ("UTF-8", "UTF-16LE", "UTF-16BE", "Windows-1252").
    pub encoding: String,
}

impl InputSummary {
    /// The accounting of `r` with `companies`, the number of companies with a scored row.
    pub fn new(r: InputReport, companies: usize) -> InputSummary {
        InputSummary {
            file: r.file,
            rows_read: r.rows_read,
            rows_scored: r.rows_scored,
            rows_excluded: r.rows_excluded,
            exclusions: r.exclusions,
            companies,
            header_rows: r.header_rows,
            delimiter: r.delimiter,
            qualtrics: r.qualtrics,
            dialect: r.dialect,
            bom: r.bom,
            encoding: r.encoding,
        }
    }
}

/// The settings the `score` report was built with (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// How company dimension scores average respondents.
    pub weighting: Weighting,
    /// The anonymity threshold in respondents.
    pub anonymity: u64,
}

/// A dimension of the instrument as listed in the report (`dimensions[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionInfo {
    /// The dimension's id, the key of every per-dimension map.
    pub id: String,
    /// The dimension's label as shown in reports.
    pub label: String,
    /// The ids of the dimension's items, in instrument order.
    pub items: Vec<String>,
}

impl DimensionInfo {
    /// Every dimension of the instrument with its items, in instrument order.
    pub fn list(
        inst: &crate::instrument::Instrument,
        plan: &crate::accumulate::Plan,
    ) -> Vec<DimensionInfo> {
        inst.dimensions
            .iter()
            .enumerate()
            .map(|(d, dim)| DimensionInfo {
                id: dim.id.clone(),
                label: dim.label.clone(),
                items: plan.groups[d]
                    .iter()
                    .map(|&i| inst.items[i].id.clone())
                    .collect(),
            })
            .collect()
    }
}

/// Reliability figures of one item within its dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReliability {
    /// The item's id.
    pub item: String,
    /// Cronbach's α of the dimension's other items; null when `k < 3` or their total has zero
    /// variance.
    pub alpha_if_dropped: Option<f64>,
    /// Corrected item–total correlation (with the total of the other items); null when either has
    /// zero variance.
    pub item_total_r: Option<f64>,
}

/// Cronbach's α of one dimension over respondents who answered all its items (listwise, every
/// company, hidden ones included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliability {
    /// Cronbach's α; null when fewer than 2 complete respondents, one item, or a total with zero
    /// variance.
    pub alpha: Option<f64>,
    /// Feldt's 95% confidence interval for α; null when α is null.
    pub alpha_ci95: Option<[f64; 2]>,
    /// Respondents who answered every item of the dimension.
    pub n_complete: u64,
    /// Number of items in the dimension.
    pub k: usize,
    /// Per-item figures, in instrument order.
    pub items: Vec<ItemReliability>,
}

/// Whether company scores on one dimension reflect shared views: ICCs and r_wg(J) over shown
/// companies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregation {
    /// ICC(1): reliability of one respondent's dimension mean as an indicator of the company mean;
    /// null when undefined.
    pub icc1: Option<f64>,
    /// ICC(2): reliability of the company mean; null when undefined.
    pub icc2: Option<f64>,
    /// Median r_wg(J) over shown companies with a defined value; null when none.
    pub rwg_j_median: Option<f64>,
    /// Companies with ≥ 2 respondents that entered the ICC.
    pub icc_groups: usize,
    /// Companies with a defined r_wg(J).
    pub rwg_j_companies: usize,
}

/// One role's figures within a company; hidden below the anonymity threshold.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleScores {
    /// Hidden below the anonymity threshold (alone or by complementary suppression); prints
    /// `{"suppressed": true}`.
    Suppressed,
    /// Shown: the role's 0–100 dimension indexes and `alignment_index`, keyed like the company
    /// scores.
    Shown(OrderedMap<Option<f64>>),
}

impl Serialize for RoleScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            RoleScores::Suppressed => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("suppressed", &true)?;
                m.end()
            }
            RoleScores::Shown(scores) => {
                let mut m = s.serialize_map(Some(scores.0.len() + 1))?;
                m.serialize_entry("suppressed", &false)?;
                for (k, v) in scores.iter() {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
    }
}

/// One company's row of the `score` report (`companies[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyScore {
    /// The company id as in the responses file.
    pub company_id: String,
    /// Scored respondents of the company.
    pub n: u64,
    /// Scored respondents per role present (`sales`, `marketing`, `both`); empty without a role
    /// column.
    pub n_by_role: OrderedMap<u64>,
    /// Whether the company is hidden (fewer respondents than the anonymity threshold).
    pub suppressed: bool,
    /// `<dim>` indexes and `alignment_index`; `null` when suppressed.
    pub scores: Option<OrderedMap<Option<f64>>>,
    /// The maturity stage of the alignment index; null when hidden, without stages or below every
    /// stage.
    pub stage: Option<String>,
    /// Role scores per role present; null without a role column or when hidden.
    pub by_role: Option<OrderedMap<RoleScores>>,
    /// Marketing minus sales index per dimension (points on the 0–100 index); null without a role
    /// column or when hidden.
    pub role_gap: Option<OrderedMap<Option<f64>>>,
    /// r_wg(J) within-company agreement per dimension (0–1); null when hidden.
    pub rwg_j: Option<OrderedMap<Option<f64>>>,
    /// The perception items scored like a dimension (instruments with perception items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub perception_index: Option<f64>,
}

impl CompanyScore {
    /// A company hidden below the anonymity threshold: its size only.
    pub fn hidden(id: &str, n: u64, n_by_role: OrderedMap<u64>) -> CompanyScore {
        CompanyScore {
            company_id: id.to_string(),
            n,
            n_by_role,
            suppressed: true,
            scores: None,
            stage: None,
            by_role: None,
            role_gap: None,
            rwg_j: None,
            perception_index: None,
        }
    }
}

/// Pooled figures for one item over every scored respondent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemScore {
    /// The item's id.
    pub item: String,
    /// The id of the item's dimension.
    pub dimension: String,
    /// The question as asked.
    pub text: String,
    /// Whether the item is reverse-coded before scoring.
    pub reverse: bool,
    /// Respondents of shown companies who answered the item.
    pub n: u64,
    /// Mean reverse-coded answer on the instrument's scale.
    pub mean: Option<f64>,
    /// The mean as a 0–100 index; null when nobody answered.
    pub index: Option<f64>,
    /// The 0–100 index per role pool; a hidden or empty pool is null.
    pub by_role: OrderedMap<Option<f64>>,
    /// Marketing minus sales index (points); null unless both pools are shown.
    pub role_gap: Option<f64>,
}

/// How many groups were hidden by the anonymity threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hidden {
    /// The anonymity threshold in respondents.
    pub threshold: u64,
    /// Companies hidden.
    pub companies: usize,
    /// Role groups hidden within shown companies.
    pub roles: usize,
}

/// The `score` report: what `--format json` serializes and every other format renders.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// The JSON schema version (1).
    pub schema_version: u32,
    /// The command name, `"score"`.
    pub command: &'static str,
    /// The instrument's name and version.
    pub instrument: InstrumentRef,
    /// The input accounting.
    pub input: InputSummary,
    /// The settings used.
    pub settings: Settings,
    /// The instrument's dimensions with their items.
    pub dimensions: Vec<DimensionInfo>,
    /// Cronbach's α per dimension id.
    pub reliability: OrderedMap<Reliability>,
    /// ICC and r_wg(J) summaries per dimension id.
    pub aggregation: OrderedMap<Aggregation>,
    /// Companies, best first by alignment index; hidden companies last, by id.
    pub companies: Vec<CompanyScore>,
    /// Pooled figures per item, in instrument order.
    pub items: Vec<ItemScore>,
    /// Peer-group figures (`--segment`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<crate::analysis::segments::Segments>,
    /// How many groups the anonymity threshold hid.
    pub hidden: Hidden,
    /// Sentences about null figures and suspect data, also printed on standard error.
    pub warnings: Vec<String>,
}
