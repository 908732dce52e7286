//! `align report`: the combined model of one document — the `score`,
//! `leaders`, `drivers` and `gaps` models built from ONE pass over the responses (one
//! accumulator, one outcome classification), plus the reason for every part
//! that could not be built. Its JSON is
//! `{schema_version, command: "report", score, leaders | null, drivers |
//! null, gaps | null, unavailable{leaders, drivers, gaps}, warnings}`.
//!
//! A part the instrument or the data cannot support (no outcomes, nobody
//! classified, no perception items and no role column) is `null` with a
//! sentence in `unavailable` saying what it needs; the report never fails
//! for want of it.

use super::drivers::{self, DriversOptions, DriversReport};
use super::gaps::{self, GapsOptions, GapsReport};
use super::leaders::{self, LeadersOptions, LeadersReport};
use super::outcomes::Outcomes;
use super::score::{self, ScoreOptions, ScoreReport, Weighting};
use super::SCHEMA_VERSION;
use crate::accumulate::Accumulator;
use crate::ingest::InputReport;
use crate::instrument::{Instrument, Stage};
use serde::Serialize;

/// Choices of a `report` run (the tier scheme and composite live in the
/// [`Outcomes`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReportOptions {
    /// How company scores average respondents.
    pub weighting: Weighting,
    /// Minimum respondents for a company or role group to be shown (default 3).
    pub anonymity: u64,
    /// Perception index at or above which a company is "perceived aligned".
    pub perceived_threshold: f64,
    /// Bootstrap resamples of the key-driver intervals (0: no intervals).
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    pub seed: u64,
    /// Threads of the bootstrap (0: every core); the intervals are the same
    /// for any number.
    pub threads: usize,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            weighting: Weighting::Respondent,
            anonymity: 3,
            perceived_threshold: 75.0,
            bootstrap: DriversOptions::default().bootstrap,
            seed: DriversOptions::default().seed,
            threads: 0,
        }
    }
}

/// Why a part of the report is missing (`null` when it is there).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Unavailable {
    /// Why the `leaders` part is missing; null when it is there.
    pub leaders: Option<String>,
    /// Why the `drivers` part is missing; null when it is there.
    pub drivers: Option<String>,
    /// Why the `gaps` part is missing; null when it is there.
    pub gaps: Option<String>,
}

/// The whole report: every model built from the same pass.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The JSON schema version (1).
    pub schema_version: u32,
    /// The command name, `"report"`.
    pub command: &'static str,
    /// The `score` model.
    pub score: ScoreReport,
    /// The `leaders` model; null when it cannot be built (see `unavailable`).
    pub leaders: Option<LeadersReport>,
    /// The `drivers` model (key drivers and what to fix first); null when
    /// it cannot be built (see `unavailable`).
    pub drivers: Option<DriversReport>,
    /// The `gaps` model; null when it cannot be built (see `unavailable`).
    pub gaps: Option<GapsReport>,
    /// Why a part is missing.
    pub unavailable: Unavailable,
    /// Peer-group figures (`--segment`), with the outcomes' tiers and the
    /// perception threshold of the report; absent without `--segment`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segments: Option<super::segments::Segments>,
    /// The instrument's maturity stages (name and lowest index), lowest first.
    pub stages: Vec<Stage>,
    /// Every part's warnings, each once, in order of first appearance.
    pub warnings: Vec<String>,
}

/// Why leaders vs laggards needs outcomes, when none were given.
fn no_outcomes(inst: &Instrument) -> String {
    if inst.outcomes.is_empty() {
        format!(
            "Leaders vs laggards needs business outcomes to classify companies, and the instrument \"{}\" defines none: add \"outcomes\" to the instrument (see `align instrument --init`).",
            inst.name
        )
    } else {
        "Leaders vs laggards needs business outcomes to classify companies: give --outcomes FILE (one row per company) or outcome columns in the responses.".to_string()
    }
}

/// Build every part of the report from one finished pass. `outcomes` are
/// the classified companies, `None` when there are none to classify.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    outcomes: Option<&Outcomes>,
    opts: ReportOptions,
) -> Report {
    let mut unavailable = Unavailable::default();
    let score = score::build(
        inst,
        acc,
        input.clone(),
        ScoreOptions {
            weighting: opts.weighting,
            anonymity: opts.anonymity,
        },
    );
    let leaders = leaders_part(inst, acc, &input, outcomes, &opts, &mut unavailable);
    let drivers = key_drivers(inst, acc, &input, outcomes, &opts, &mut unavailable);
    let gaps = gaps_part(inst, acc, input, outcomes, &opts, &mut unavailable);
    let warnings = merged_warnings(
        &score,
        leaders.as_ref(),
        drivers.as_ref(),
        gaps.as_ref(),
        outcomes,
    );
    Report {
        schema_version: SCHEMA_VERSION,
        command: "report",
        score,
        leaders,
        drivers,
        gaps,
        unavailable,
        segments: None,
        stages: {
            let mut v = inst.stages.clone();
            v.sort_by(|a, b| a.min.total_cmp(&b.min));
            v
        },
        warnings,
    }
}

/// Leaders vs laggards: built when there are outcomes and the leaders
/// model can be built, else `None` with the reason in `unavailable`.
fn leaders_part(
    inst: &Instrument,
    acc: &Accumulator,
    input: &InputReport,
    outcomes: Option<&Outcomes>,
    opts: &ReportOptions,
    unavailable: &mut Unavailable,
) -> Option<LeadersReport> {
    let Some(o) = outcomes else {
        unavailable.leaders = Some(no_outcomes(inst));
        return None;
    };
    let lopts = LeadersOptions {
        weighting: opts.weighting,
        anonymity: opts.anonymity,
    };
    match leaders::build(inst, acc, input.clone(), o, lopts) {
        Ok(m) => Some(m),
        Err(e) => {
            let why = e.to_string();
            unavailable.leaders = Some(format!(
                "Leaders vs laggards is not available: {}{}",
                why.trim_end_matches('.'),
                "."
            ));
            None
        }
    }
}

/// Perception vs reality and the disconnect: built when the instrument
/// supports it, else `None` with the reason in `unavailable`.
fn gaps_part(
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    outcomes: Option<&Outcomes>,
    opts: &ReportOptions,
    unavailable: &mut Unavailable,
) -> Option<GapsReport> {
    if let Some(why) = gaps::unavailable(inst) {
        unavailable.gaps = Some(format!("Perception vs reality and the disconnect: {why}."));
        return None;
    }
    Some(gaps::build(
        inst,
        acc,
        input,
        outcomes,
        GapsOptions {
            weighting: opts.weighting,
            anonymity: opts.anonymity,
            perceived_threshold: opts.perceived_threshold,
        },
    ))
}

/// Every part's warnings, each once, in order of first appearance: score,
/// the outcomes' (when no leaders model carries them), leaders, drivers,
/// gaps.
fn merged_warnings(
    score: &ScoreReport,
    leaders: Option<&LeadersReport>,
    drivers: Option<&DriversReport>,
    gaps: Option<&GapsReport>,
    outcomes: Option<&Outcomes>,
) -> Vec<String> {
    let mut warnings: Vec<String> = Vec::new();
    let outcome_warnings = match (leaders, outcomes) {
        // The leaders model carries the outcome warnings; without it, say them here.
        (None, Some(o)) => o.warnings.as_slice(),
        _ => &[],
    };
    let parts = score
        .warnings
        .iter()
        .chain(outcome_warnings)
        .chain(leaders.iter().flat_map(|l| &l.warnings))
        .chain(drivers.iter().flat_map(|d| &d.warnings))
        .chain(gaps.iter().flat_map(|g| &g.warnings));
    for w in parts {
        if !warnings.contains(w) {
            warnings.push(w.clone());
        }
    }
    warnings
}

/// The key drivers of the report: built when some shown company has an
/// outcome value, else `None` with the reason in `unavailable`.
fn key_drivers(
    inst: &Instrument,
    acc: &Accumulator,
    input: &InputReport,
    outcomes: Option<&Outcomes>,
    opts: &ReportOptions,
    unavailable: &mut Unavailable,
) -> Option<DriversReport> {
    let with_values = |o: &&Outcomes| {
        o.companies
            .iter()
            .any(|c| c.values.iter().any(|v| v.is_some()))
    };
    let Some(o) = outcomes.filter(with_values) else {
        unavailable.drivers = Some(
            "Key drivers need business outcomes to explain: give --outcomes FILE (one row per company) or outcome columns in the responses.".into(),
        );
        return None;
    };
    let dopts = DriversOptions {
        weighting: opts.weighting,
        anonymity: opts.anonymity,
        bootstrap: opts.bootstrap,
        seed: opts.seed,
        threads: opts.threads,
    };
    Some(drivers::build(inst, acc, input.clone(), o, dopts))
}
