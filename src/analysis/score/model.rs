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

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreOptions {
    pub weighting: Weighting,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InputSummary {
    pub file: String,
    pub rows_read: u64,
    pub rows_scored: u64,
    pub rows_excluded: u64,
    pub exclusions: Vec<Exclusion>,
    pub companies: usize,
    pub header_rows: u64,
    pub delimiter: String,
    pub qualtrics: bool,
    /// The survey tool the export comes from ("csv" for a plain file).
    pub dialect: String,
    pub bom: bool,
    pub encoding: String,
}

impl InputSummary {
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    pub weighting: Weighting,
    pub anonymity: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionInfo {
    pub id: String,
    pub label: String,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemReliability {
    pub item: String,
    pub alpha_if_dropped: Option<f64>,
    pub item_total_r: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliability {
    pub alpha: Option<f64>,
    pub alpha_ci95: Option<[f64; 2]>,
    pub n_complete: u64,
    pub k: usize,
    pub items: Vec<ItemReliability>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Aggregation {
    pub icc1: Option<f64>,
    pub icc2: Option<f64>,
    pub rwg_j_median: Option<f64>,
    /// Companies with ≥ 2 respondents that entered the ICC.
    pub icc_groups: usize,
    /// Companies with a defined r_wg(J).
    pub rwg_j_companies: usize,
}

/// One role's figures within a company; hidden below the anonymity threshold.
#[derive(Debug, Clone, PartialEq)]
pub enum RoleScores {
    Suppressed,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyScore {
    pub company_id: String,
    pub n: u64,
    pub n_by_role: OrderedMap<u64>,
    pub suppressed: bool,
    /// `<dim>` indexes and `alignment_index`; `null` when suppressed.
    pub scores: Option<OrderedMap<Option<f64>>>,
    pub stage: Option<String>,
    pub by_role: Option<OrderedMap<RoleScores>>,
    pub role_gap: Option<OrderedMap<Option<f64>>>,
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
    pub item: String,
    pub dimension: String,
    pub text: String,
    pub reverse: bool,
    pub n: u64,
    /// Mean reverse-coded answer on the instrument's scale.
    pub mean: Option<f64>,
    pub index: Option<f64>,
    pub by_role: OrderedMap<Option<f64>>,
    pub role_gap: Option<f64>,
}

/// How many groups were hidden by the anonymity threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hidden {
    pub threshold: u64,
    pub companies: usize,
    pub roles: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    pub schema_version: u32,
    pub command: &'static str,
    pub instrument: InstrumentRef,
    pub input: InputSummary,
    pub settings: Settings,
    pub dimensions: Vec<DimensionInfo>,
    pub reliability: OrderedMap<Reliability>,
    pub aggregation: OrderedMap<Aggregation>,
    pub companies: Vec<CompanyScore>,
    pub items: Vec<ItemScore>,
    /// Peer-group figures (`--segment`); absent without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<crate::analysis::segments::Segments>,
    pub hidden: Hidden,
    pub warnings: Vec<String>,
}
