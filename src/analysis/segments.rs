//! Peer groups (`--segment ATTR`): the shown companies grouped by a company
//! attribute (industry, size band, region), with per segment the spread of
//! company scores, stage shares, leader and laggard shares and the share
//! perceived aligned, and a Kruskal–Wallis test per dimension across the
//! segments shown (docs/methods.md, "Peer groups").
//!
//! A company's attribute comes from the companies file (`--companies`), or
//! from the responses when the instrument declares it ([`resolve`], in
//! `super::attribute`); a company without one is in segment [`NO_VALUE`].
//! What may be printed is decided by
//! [`crate::disclosure::suppress_segments`]: hidden companies are in no
//! segment, small segments are hidden with complementary suppression, and
//! the test runs over the segments finally shown.

use super::outcomes::{Outcomes, Tier};
use super::score::{company_group_means, Scale, Weighting};
use super::{mean_all, snap_ties, OrderedMap};
use crate::accumulate::Accumulator;
use crate::disclosure::{suppress_segments, Disclosure, SegmentSize, Visibility};
use crate::instrument::{Instrument, Stage};
use crate::stats;
use serde::Serialize;
use std::collections::HashMap;

/// The segment of companies without a value.
pub const NO_VALUE: &str = "(none)";

pub use super::attribute::{mode_of, resolve, CompanyAttribute};

/// The default `--min-companies`.
pub const DEFAULT_MIN_COMPANIES: u64 = 5;

/// Mean, sample sd, median and quartiles of a segment's company scores.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct Spread {
    /// Mean of the company scores (0–100 index); null when none.
    pub mean: Option<f64>,
    /// Sample standard deviation (`n − 1`); null below two scores.
    pub sd: Option<f64>,
    /// Median; null when none.
    pub median: Option<f64>,
    /// 25th percentile (linear interpolation, numpy's default); null when none.
    pub p25: Option<f64>,
    /// 75th percentile (linear interpolation, numpy's default); null when none.
    pub p75: Option<f64>,
}

impl Spread {
    /// The spread of `xs` (any order).
    pub fn of(xs: &[f64]) -> Spread {
        let mut v = xs.to_vec();
        v.sort_by(f64::total_cmp);
        Spread {
            mean: stats::mean(&v),
            sd: stats::sample_sd(&v),
            median: stats::quantile_sorted(&v, 0.5),
            p25: stats::quantile_sorted(&v, 0.25),
            p75: stats::quantile_sorted(&v, 0.75),
        }
    }
}

/// One segment. A hidden one has its value and counts only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentGroup {
    /// The segment's value of the attribute (`(none)` for companies without one).
    pub value: String,
    /// Whether the segment is hidden (too few companies or respondents, or complementary
    /// suppression).
    pub suppressed: bool,
    /// Shown companies in the segment.
    pub n_companies: u64,
    /// Their respondents.
    pub n_respondents: u64,
    /// Per dimension id and `alignment_index`.
    pub dimensions: Option<OrderedMap<Spread>>,
    /// Share of the companies with an index in each stage (every stage).
    pub stages: Option<OrderedMap<f64>>,
    /// Shares of the segment's classified companies (the field's tiers);
    /// `null` without outcomes.
    pub share_leaders: Option<f64>,
    /// Share of the segment's classified companies in the laggard tier (0–1); null without
    /// outcomes.
    pub share_laggards: Option<f64>,
    /// Share of the companies with a perception index that reach the
    /// perceived-aligned threshold; `null` without perception items.
    pub share_perceived_aligned: Option<f64>,
}

/// A Kruskal–Wallis test across the shown segments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SegmentTest {
    /// Kruskal–Wallis H (tie-corrected); null with fewer than two shown segments or when every
    /// score is tied.
    pub h: Option<f64>,
    /// Degrees of freedom: shown segments − 1.
    pub df: usize,
    /// p-value from the chi-square distribution; null when H is null.
    pub p: Option<f64>,
    /// Effect size ε² = H/(n − 1); null when H is null.
    pub epsilon2: Option<f64>,
}

/// The `segments` object of a model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segments {
    /// The company attribute the segments are values of (`--segment`).
    pub attribute: String,
    /// Minimum shown companies for a segment to be shown (`--min-companies`).
    pub min_companies: u64,
    /// Shown segments by value (`(none)` last), then hidden ones by value.
    pub groups: Vec<SegmentGroup>,
    /// Per dimension id and `alignment_index`.
    pub tests: OrderedMap<SegmentTest>,
    /// Warnings (also in the model's `warnings`).
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// (id, label) of each dimension, for the documents.
    #[serde(skip)]
    pub labels: Vec<(String, String)>,
}

/// How segments are built.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SegmentOptions {
    /// Minimum shown companies for a segment to be shown (`--min-companies`, default 5).
    pub min_companies: u64,
    /// Minimum respondents for a company (and a segment) to be shown.
    pub anonymity: u64,
    /// How company scores average respondents.
    pub weighting: Weighting,
    /// Perception index at or above which a company is perceived aligned.
    pub perceived_threshold: f64,
}

/// One shown company's figures, as the segments use them.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// Index in accumulator order.
    pub index: usize,
    /// Its scored respondents.
    pub respondents: u64,
    /// Per dimension, then the alignment index (0–100).
    pub scores: Vec<Option<f64>>,
    /// Its maturity stage; `None` when none applies.
    pub stage: Option<String>,
    /// Its tier among the field's classified companies; `None` without outcomes or when
    /// unclassified.
    pub tier: Option<Tier>,
    /// Its perception index (0–100); `None` without one.
    pub perception: Option<f64>,
}

/// The figures of every shown company (hidden ones are left out).
pub fn members(
    inst: &Instrument,
    acc: &Accumulator,
    vis: &Disclosure,
    outcomes: Option<&Outcomes>,
    weighting: Weighting,
) -> Vec<Member> {
    let plan = &acc.plan;
    let scale = Scale::new(inst);
    let anon = vis.threshold();
    acc.companies
        .iter()
        .enumerate()
        .filter(|(i, _)| vis.shown(*i))
        .map(|(i, c)| {
            let means = company_group_means(plan, c, weighting, anon);
            let mut scores: Vec<Option<f64>> = means[..plan.n_dims]
                .iter()
                .map(|m| m.and_then(|m| scale.index(m)))
                .collect();
            let alignment = mean_all(&scores);
            scores.push(alignment);
            Member {
                index: i,
                respondents: c.n(),
                scores,
                stage: alignment.and_then(|a| inst.stage_for(a).map(str::to_string)),
                tier: outcomes.and_then(|o| o.companies.get(i).and_then(|c| c.tier)),
                perception: plan
                    .perception_group()
                    .and_then(|g| means[g])
                    .and_then(|m| scale.index(m)),
            }
        })
        .collect()
}

/// The segment names in print order: by value, `(none)` last.
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    (a == NO_VALUE, a).cmp(&(b == NO_VALUE, b))
}

/// Group the shown companies by segment and decide what is shown.
/// Returns the segment names (print order) with their members and
/// visibility.
pub fn plan_segments<'a>(
    attr: &'a CompanyAttribute,
    members: &'a [Member],
    min_companies: u64,
    anonymity: u64,
) -> Vec<(&'a str, Vec<&'a Member>, Visibility)> {
    let mut by: Vec<(&str, Vec<&Member>)> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    for m in members {
        let s = attr.segment_of(m.index);
        let k = *at.entry(s).or_insert_with(|| {
            by.push((s, Vec::new()));
            by.len() - 1
        });
        by[k].1.push(m);
    }
    by.sort_by(|a, b| order(a.0, b.0));
    let sizes: Vec<SegmentSize> = by
        .iter()
        .map(|(name, ms)| SegmentSize {
            name,
            companies: ms.len() as u64,
            respondents: ms.iter().map(|m| m.respondents).sum(),
        })
        .collect();
    let vis = suppress_segments(&sizes, min_companies, anonymity);
    by.into_iter()
        .zip(vis)
        .map(|((name, ms), v)| (name, ms, v))
        .collect()
}

/// The `segments` object of a model.
pub fn build(
    inst: &Instrument,
    acc: &Accumulator,
    attr: &CompanyAttribute,
    outcomes: Option<&Outcomes>,
    opts: SegmentOptions,
) -> Segments {
    let vis = Disclosure::plan(acc, opts.anonymity);
    let members = members(inst, acc, &vis, outcomes, opts.weighting);
    let planned = plan_segments(attr, &members, opts.min_companies, opts.anonymity);
    let mut keys: Vec<String> = inst.dimensions.iter().map(|d| d.id.clone()).collect();
    keys.push("alignment_index".into());
    let mut stages = inst.stages.clone();
    stages.sort_by(|a, b| a.min.total_cmp(&b.min));
    let figures = GroupFigures {
        keys: &keys,
        stages: &stages,
        has_perception: acc.plan.perception_group().is_some(),
        has_outcomes: outcomes.is_some_and(|o| o.classified().next().is_some()),
        perceived_threshold: opts.perceived_threshold,
    };

    let mut shown_groups = Vec::new();
    let mut hidden_groups = Vec::new();
    for (name, ms, v) in &planned {
        if *v == Visibility::Absent {
            continue;
        }
        if v.is_hidden() {
            hidden_groups.push(hidden_group(name, ms));
        } else {
            shown_groups.push(figures.group(name, ms));
        }
    }
    let tests = kruskal_wallis(&planned, &keys);

    let mut warnings = attr.warnings.clone();
    let n_hidden = hidden_groups.len();
    if n_hidden > 0 {
        warnings.push(format!(
            "{} of \"{}\" {} hidden: fewer than {} shown companies (or {} respondents), or hidden with {} so that none can be worked out from the field",
            crate::render::fmt::plural(n_hidden as u64, "segment", "segments"),
            attr.name,
            if n_hidden == 1 { "is" } else { "are" },
            opts.min_companies,
            opts.anonymity,
            if n_hidden == 1 { "another" } else { "others" },
        ));
    }
    if shown_groups.len() < 2 {
        warnings.push(format!(
            "--segment {}: fewer than two segments are shown, so no Kruskal–Wallis test",
            attr.name
        ));
    }
    shown_groups.extend(hidden_groups);
    Segments {
        attribute: attr.name.clone(),
        min_companies: opts.min_companies,
        groups: shown_groups,
        tests,
        warnings,
        labels: inst
            .dimensions
            .iter()
            .map(|d| (d.id.clone(), d.label.clone()))
            .collect(),
    }
}

/// A hidden segment: its name and size only.
fn hidden_group(name: &str, ms: &[&Member]) -> SegmentGroup {
    SegmentGroup {
        value: name.to_string(),
        suppressed: true,
        n_companies: ms.len() as u64,
        n_respondents: ms.iter().map(|m| m.respondents).sum(),
        dimensions: None,
        stages: None,
        share_leaders: None,
        share_laggards: None,
        share_perceived_aligned: None,
    }
}

/// What a shown segment's figures are made of.
struct GroupFigures<'a> {
    /// The dimension ids and `alignment_index`, in the order of a member's
    /// scores.
    keys: &'a [String],
    /// The instrument's stages, in order of their start.
    stages: &'a [Stage],
    has_perception: bool,
    has_outcomes: bool,
    perceived_threshold: f64,
}

impl GroupFigures<'_> {
    /// A shown segment: the spread of each score, the share of its
    /// companies in each stage and tier, and the share perceived aligned.
    fn group(&self, name: &str, ms: &[&Member]) -> SegmentGroup {
        let mut dims = OrderedMap::with_capacity(self.keys.len());
        for (k, key) in self.keys.iter().enumerate() {
            let xs: Vec<f64> = ms.iter().filter_map(|m| m.scores[k]).collect();
            dims.insert(key.as_str(), Spread::of(&xs));
        }
        let staged: Vec<&str> = ms.iter().filter_map(|m| m.stage.as_deref()).collect();
        let mut stage_shares = OrderedMap::with_capacity(self.stages.len());
        for s in self.stages {
            let n = staged.iter().filter(|x| **x == s.name).count();
            stage_shares.insert(
                s.name.as_str(),
                if staged.is_empty() {
                    0.0
                } else {
                    n as f64 / staged.len() as f64
                },
            );
        }
        let classified: Vec<Tier> = ms.iter().filter_map(|m| m.tier).collect();
        let share = |t: Tier| {
            (self.has_outcomes && !classified.is_empty()).then(|| {
                classified.iter().filter(|x| **x == t).count() as f64 / classified.len() as f64
            })
        };
        let perceptions: Vec<f64> = ms.iter().filter_map(|m| m.perception).collect();
        let share_perceived_aligned = (self.has_perception && !perceptions.is_empty()).then(|| {
            perceptions
                .iter()
                .filter(|p| super::gaps::perception::reaches(**p, self.perceived_threshold))
                .count() as f64
                / perceptions.len() as f64
        });
        SegmentGroup {
            value: name.to_string(),
            suppressed: false,
            n_companies: ms.len() as u64,
            n_respondents: ms.iter().map(|m| m.respondents).sum(),
            dimensions: Some(dims),
            stages: Some(stage_shares),
            share_leaders: share(Tier::Leader),
            share_laggards: share(Tier::Laggard),
            share_perceived_aligned,
        }
    }
}

/// Kruskal–Wallis of each score over the segments finally shown, equal
/// scores snapped together so that rounding does not break their ties.
fn kruskal_wallis(
    planned: &[(&str, Vec<&Member>, Visibility)],
    keys: &[String],
) -> OrderedMap<SegmentTest> {
    let shown: Vec<&Vec<&Member>> = planned
        .iter()
        .filter(|(_, _, v)| v.is_shown())
        .map(|(_, ms, _)| ms)
        .collect();
    let mut tests = OrderedMap::with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        let mut all: Vec<Option<f64>> = shown
            .iter()
            .flat_map(|ms| ms.iter().map(|m| m.scores[k]))
            .collect();
        snap_ties(&mut all);
        let mut groups: Vec<Vec<f64>> = Vec::with_capacity(shown.len());
        let mut at = 0;
        for ms in &shown {
            groups.push(all[at..at + ms.len()].iter().flatten().copied().collect());
            at += ms.len();
        }
        let refs: Vec<&[f64]> = groups.iter().map(|g| g.as_slice()).collect();
        let non_empty = refs.iter().filter(|g| !g.is_empty()).count();
        let kw = stats::kruskal_wallis(&refs);
        tests.insert(
            key.as_str(),
            SegmentTest {
                h: kw.map(|t| t.h),
                df: non_empty.saturating_sub(1),
                p: kw.map(|t| t.p),
                epsilon2: kw.map(|t| t.epsilon2),
            },
        );
    }
    tests
}
