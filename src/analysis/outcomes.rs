//! Business outcomes per company, the outcome composite and the tiers
//! (SPEC 4: Outcome composite, Tiers).
//!
//! Company values come from the `--outcomes` file when it has the company
//! (that file wins), otherwise from the responses (the mean of the
//! company's respondents' non-missing values). Companies found in one
//! source and not the other are reported in warnings, never dropped
//! silently.
//!
//! Decisions where the definitions leave room:
//! - an outcome with fewer than two company values, or no variance, has no
//!   z-scores (or ranks) and is left out of every composite, with a warning;
//!   it still counts in "half of the outcomes, rounded up";
//! - when no outcome varies at all (every company reports the same values),
//!   [`classify`] classifies no company; [`classify_with`] and
//!   [`NothingVaries::TieEveryone`] instead give the reported values the
//!   neutral score (z = 0, rank 50), so every company with enough of them
//!   shares one composite, with a warning that the tiers follow company ids
//!   only (`leaders` uses this and then withholds its comparisons);
//! - an `--outcomes` file wins for the outcome columns it has (a blank cell
//!   there is a missing value); outcomes it has no column for still come
//!   from the responses;
//! - ties in the composite are broken by company id, the smaller id (byte
//!   order) ranking as the better company;
//! - under `all-above-median`, a company's group score is the mean of its
//!   available z-scores (or percentile ranks) in that group; a company with
//!   no value in a group cannot be above that group's median, so it is a
//!   laggard;
//! - tiers use every classified company, including companies hidden for
//!   anonymity (they count in pooled statistics; their own figures are
//!   hidden by the reports).

use super::finite;
use crate::accumulate::Accumulator;
use crate::error::Error;
use crate::ingest::outcomes::OutcomeTable;
use crate::instrument::{Direction, Instrument};
use crate::stats::{self, inference};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// How outcomes are combined into one composite.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CompositeMethod {
    /// Mean of z-scores across companies (sample sd).
    #[default]
    Z,
    /// Mean of percentile ranks (mid-rank, 0–100).
    Rank,
}

/// How companies are split into tiers.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Scheme {
    /// Top 20% leaders, bottom 30% laggards, the rest average.
    #[default]
    Aberdeen,
    /// Leaders strictly above the median composite, laggards the rest.
    Median,
    /// Shares of leaders, average and laggards.
    Quantiles([f64; 3]),
    /// Leader only when above the median on every outcome group.
    AllAboveMedian,
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scheme::Aberdeen => f.write_str("aberdeen"),
            Scheme::Median => f.write_str("median"),
            Scheme::Quantiles([a, b, c]) => write!(f, "quantiles:{a},{b},{c}"),
            Scheme::AllAboveMedian => f.write_str("all-above-median"),
        }
    }
}

impl Serialize for Scheme {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl FromStr for Scheme {
    type Err = String;
    fn from_str(s: &str) -> Result<Scheme, String> {
        match s.trim() {
            "aberdeen" => Ok(Scheme::Aberdeen),
            "median" => Ok(Scheme::Median),
            "all-above-median" => Ok(Scheme::AllAboveMedian),
            q if q.starts_with("quantiles:") => {
                let parts: Vec<&str> = q["quantiles:".len()..].split(',').collect();
                let shares: Result<Vec<f64>, _> = parts.iter().map(|p| p.trim().parse::<f64>()).collect();
                match shares {
                    Ok(v) if v.len() == 3 && v.iter().all(|x| x.is_finite() && *x >= 0.0) => {
                        let sum: f64 = v.iter().sum();
                        if (sum - 1.0).abs() > 1e-9 {
                            Err(format!("the shares in \"{q}\" add up to {sum}, not 1"))
                        } else {
                            Ok(Scheme::Quantiles([v[0], v[1], v[2]]))
                        }
                    }
                    _ => Err(format!(
                        "\"{q}\" is not three shares; expected e.g. quantiles:0.2,0.5,0.3 (leaders, average, laggards)"
                    )),
                }
            }
            other => Err(format!(
                "unknown scheme \"{other}\"; expected aberdeen, median, quantiles:a,b,c or all-above-median"
            )),
        }
    }
}

/// A company's tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Leader,
    Average,
    Laggard,
}

impl Tier {
    pub fn label(self) -> &'static str {
        match self {
            Tier::Leader => "leader",
            Tier::Average => "average",
            Tier::Laggard => "laggard",
        }
    }
}

/// Where a company's outcome values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    File,
    Responses,
    None,
}

/// One company's outcomes, composite and tier; in accumulator order.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyOutcome {
    pub company_id: String,
    /// One per instrument outcome.
    pub values: Vec<Option<f64>>,
    pub source: Source,
    /// Per outcome: its z-score or percentile rank (direction applied).
    pub standardized: Vec<Option<f64>>,
    pub composite: Option<f64>,
    /// Per outcome group (in [`Outcomes::groups`] order).
    pub group_scores: Vec<Option<f64>>,
    pub tier: Option<Tier>,
    /// Why the company has no tier.
    pub unclassified: Option<String>,
}

/// Outcomes, composites and tiers for every company of a survey.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcomes {
    pub method: CompositeMethod,
    pub scheme: Scheme,
    /// Outcome groups in order of first appearance in the instrument.
    pub groups: Vec<String>,
    pub companies: Vec<CompanyOutcome>,
    /// The median composite of the classified companies.
    pub median_composite: Option<f64>,
    pub warnings: Vec<String>,
}

impl Outcomes {
    pub fn classified(&self) -> impl Iterator<Item = &CompanyOutcome> {
        self.companies.iter().filter(|c| c.tier.is_some())
    }
    pub fn count(&self, tier: Tier) -> usize {
        self.companies
            .iter()
            .filter(|c| c.tier == Some(tier))
            .count()
    }
}

fn list(ids: &[&str]) -> String {
    let shown: Vec<&str> = ids.iter().take(5).copied().collect();
    if ids.len() > 5 {
        format!("{}, … ({} in all)", shown.join(", "), ids.len())
    } else {
        shown.join(", ")
    }
}

/// Company outcome values from the responses and, when given, the outcomes file.
pub fn company_values(
    inst: &Instrument,
    acc: &Accumulator,
    file: Option<&OutcomeTable>,
    warnings: &mut Vec<String>,
) -> Vec<(Vec<Option<f64>>, Source)> {
    let from_responses = |i: usize| -> Vec<Option<f64>> {
        acc.companies[i]
            .outcomes
            .iter()
            .map(|&(n, s)| (n > 0).then(|| s / n as f64).and_then(finite))
            .collect()
    };
    let Some(table) = file else {
        return (0..acc.ids.len())
            .map(|i| {
                let v = from_responses(i);
                let src = if v.iter().any(|x| x.is_some()) {
                    Source::Responses
                } else {
                    Source::None
                };
                (v, src)
            })
            .collect();
    };
    let index = table.index();
    let mut not_in_file = Vec::new();
    let mut out = Vec::with_capacity(acc.ids.len());
    for (i, id) in acc.ids.iter().enumerate() {
        match index.get(id.as_ref()) {
            Some(&r) => {
                // The file wins for the outcomes it has a column for; the
                // others still come from the responses.
                let mut v = table.rows[r].2.clone();
                if table.has_column.iter().any(|h| !h) {
                    let resp = from_responses(i);
                    for (j, x) in v.iter_mut().enumerate() {
                        if !table.has_column[j] {
                            *x = resp[j];
                        }
                    }
                }
                out.push((v, Source::File))
            }
            None => {
                not_in_file.push(id.as_ref());
                let v = from_responses(i);
                let src = if v.iter().any(|x| x.is_some()) {
                    Source::Responses
                } else {
                    Source::None
                };
                out.push((v, src));
            }
        }
    }
    if !not_in_file.is_empty() {
        warnings.push(format!(
            "{} compan{} in the responses {} not in {}: {}; {} outcomes come from the responses where they have any",
            not_in_file.len(),
            if not_in_file.len() == 1 { "y" } else { "ies" },
            if not_in_file.len() == 1 { "is" } else { "are" },
            table.file,
            list(&not_in_file),
            if not_in_file.len() == 1 { "its" } else { "their" },
        ));
    }
    let known: HashMap<&str, ()> = acc.ids.iter().map(|s| (s.as_ref(), ())).collect();
    let extra: Vec<&str> = table
        .rows
        .iter()
        .filter(|r| !known.contains_key(r.0.as_str()))
        .map(|r| r.0.as_str())
        .collect();
    if !extra.is_empty() {
        warnings.push(format!(
            "{} compan{} in {} {} no respondents in the responses and {} left out: {}",
            extra.len(),
            if extra.len() == 1 { "y" } else { "ies" },
            table.file,
            if extra.len() == 1 { "has" } else { "have" },
            if extra.len() == 1 { "is" } else { "are" },
            list(&extra),
        ));
    }
    for (j, o) in inst.outcomes.iter().enumerate() {
        if !table.has_column[j] {
            warnings.push(format!(
                "{} has no column \"{}\" (outcome {}); its values come from the responses where they have any",
                table.file, o.column, o.id
            ));
        }
    }
    out
}

/// Standardize each outcome across companies: z-scores or percentile ranks,
/// with the sign flipped for `lower_is_better`.
///
/// An outcome that does not vary is left out. When *no* outcome varies but
/// some are reported by two or more companies, every company is tied on
/// every outcome: with [`NothingVaries::TieEveryone`] those values get the
/// neutral score (z = 0, rank = 50), so the companies are classified with one
/// shared composite and the analysis can say that the tiers mean nothing.
fn standardize(
    inst: &Instrument,
    values: &[(Vec<Option<f64>>, Source)],
    method: CompositeMethod,
    nothing_varies: NothingVaries,
    warnings: &mut Vec<String>,
) -> Vec<Vec<Option<f64>>> {
    let n = values.len();
    let mut out = vec![vec![None; inst.outcomes.len()]; n];
    let mut left_out = Vec::new();
    let mut tied = Vec::new();
    for (j, o) in inst.outcomes.iter().enumerate() {
        let sign = match o.direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        let present: Vec<(usize, f64)> = values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.0[j].map(|x| (i, sign * x)))
            .collect();
        let xs: Vec<f64> = present.iter().map(|p| p.1).collect();
        let varies = stats::sample_var(&xs).is_some_and(|v| v > 0.0);
        if !varies {
            if xs.len() >= 2 {
                tied.push((j, present));
            }
            left_out.push(format!(
                "outcome {} is left out of the composite: {}",
                o.id,
                if xs.len() < 2 {
                    format!(
                        "only {} compan{} reported it",
                        xs.len(),
                        if xs.len() == 1 { "y" } else { "ies" }
                    )
                } else {
                    format!("all {} companies report the same value", xs.len())
                }
            ));
            continue;
        }
        let std: Vec<Option<f64>> = match method {
            CompositeMethod::Z => inference::zscores(&xs),
            CompositeMethod::Rank => inference::percentile_ranks(&xs)
                .into_iter()
                .map(Some)
                .collect(),
        };
        for ((i, _), s) in present.iter().zip(std) {
            out[*i][j] = s;
        }
    }
    if nothing_varies == NothingVaries::TieEveryone
        && left_out.len() == inst.outcomes.len()
        && !tied.is_empty()
    {
        let neutral = match method {
            CompositeMethod::Z => 0.0,
            CompositeMethod::Rank => 50.0,
        };
        for (j, present) in &tied {
            for (i, _) in present {
                out[*i][*j] = Some(neutral);
            }
        }
        let ids: Vec<&str> = tied
            .iter()
            .map(|(j, _)| inst.outcomes[*j].id.as_str())
            .collect();
        warnings.push(format!(
            "no outcome varies across companies (every company that reports {} reports the same value): every company gets the same composite ({neutral}), so companies cannot be ranked by outcomes and tiers follow company ids only",
            list(&ids)
        ));
    } else {
        warnings.extend(left_out);
    }
    out
}

fn mean_of(xs: impl Iterator<Item = Option<f64>>) -> (usize, Option<f64>) {
    let v: Vec<f64> = xs.flatten().collect();
    (v.len(), stats::mean(&v).and_then(finite))
}

/// What to do when no outcome varies across companies (every company that
/// reports an outcome reports the same value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NothingVaries {
    /// Leave every outcome out: no company is classified.
    #[default]
    Unclassified,
    /// Give every reported value the neutral score (z = 0, rank = 50): the
    /// companies share one composite and are tiered by company id, with a
    /// warning (for `leaders`, which then withholds its comparisons).
    TieEveryone,
}

/// Composite and tier for every company ([`NothingVaries::Unclassified`]).
pub fn classify(
    inst: &Instrument,
    ids: &[Box<str>],
    values: Vec<(Vec<Option<f64>>, Source)>,
    method: CompositeMethod,
    scheme: Scheme,
    warnings: Vec<String>,
) -> Result<Outcomes, Error> {
    classify_with(
        inst,
        ids,
        values,
        method,
        scheme,
        NothingVaries::Unclassified,
        warnings,
    )
}

/// Composite and tier for every company, choosing what happens when no
/// outcome varies.
pub fn classify_with(
    inst: &Instrument,
    ids: &[Box<str>],
    values: Vec<(Vec<Option<f64>>, Source)>,
    method: CompositeMethod,
    scheme: Scheme,
    nothing_varies: NothingVaries,
    mut warnings: Vec<String>,
) -> Result<Outcomes, Error> {
    if inst.outcomes.is_empty() {
        return Err(Error::Usage(format!(
            "the instrument \"{}\" defines no outcomes, so companies cannot be classified; add \"outcomes\" to the instrument (see `align instrument --init`)",
            inst.name
        )));
    }
    let m = inst.outcomes.len();
    let needed = m.div_ceil(2);
    let mut groups: Vec<String> = Vec::new();
    for o in &inst.outcomes {
        if !groups.contains(&o.group) {
            groups.push(o.group.clone());
        }
    }
    let std = standardize(inst, &values, method, nothing_varies, &mut warnings);
    let mut companies: Vec<CompanyOutcome> = Vec::with_capacity(ids.len());
    for (i, (id, (vals, source))) in ids.iter().zip(values).enumerate() {
        let reported = vals.iter().filter(|v| v.is_some()).count();
        let (avail, mean) = mean_of(std[i].iter().copied());
        let (composite, unclassified) = if avail >= needed {
            (mean, None)
        } else if reported == 0 {
            (None, Some("no outcomes reported".to_string()))
        } else {
            (
                None,
                Some(format!(
                    "{avail} of {m} outcomes usable; at least {needed} are needed"
                )),
            )
        };
        let group_scores = groups
            .iter()
            .map(|g| {
                mean_of(
                    inst.outcomes
                        .iter()
                        .enumerate()
                        .filter(|(_, o)| &o.group == g)
                        .map(|(j, _)| std[i][j]),
                )
                .1
            })
            .collect();
        companies.push(CompanyOutcome {
            company_id: id.to_string(),
            values: vals,
            source,
            standardized: std[i].clone(),
            composite,
            group_scores,
            tier: None,
            unclassified,
        });
    }
    let classified: Vec<usize> = (0..companies.len())
        .filter(|&i| companies[i].composite.is_some())
        .collect();
    let comps: Vec<f64> = classified
        .iter()
        .filter_map(|&i| companies[i].composite)
        .collect();
    let median_composite = stats::median(&comps);
    assign_tiers(
        &mut companies,
        &classified,
        scheme,
        groups.len(),
        median_composite,
    );
    let unclassified = companies.len() - classified.len();
    if unclassified > 0 {
        warnings.push(format!(
            "{unclassified} compan{} unclassified (too few usable outcomes; at least {needed} of {m} are needed)",
            if unclassified == 1 { "y is" } else { "ies are" }
        ));
    }
    Ok(Outcomes {
        method,
        scheme,
        groups,
        companies,
        median_composite,
        warnings,
    })
}

/// Best first by composite; ties broken by company id.
fn ranked(companies: &[CompanyOutcome], classified: &[usize]) -> Vec<usize> {
    let mut order = classified.to_vec();
    order.sort_by(|&a, &b| {
        let (ca, cb) = (companies[a].composite, companies[b].composite);
        cb.partial_cmp(&ca)
            .unwrap_or(Ordering::Equal)
            .then_with(|| companies[a].company_id.cmp(&companies[b].company_id))
    });
    order
}

/// `round` half away from zero, as a count.
fn share(x: f64, n: usize) -> usize {
    // The tiny nudge keeps exact halves (0.3 × 5 = 1.5) from rounding down
    // through binary representation error.
    (x * n as f64 + 1e-9).round() as usize
}

fn assign_tiers(
    companies: &mut [CompanyOutcome],
    classified: &[usize],
    scheme: Scheme,
    n_groups: usize,
    median: Option<f64>,
) {
    let n = classified.len();
    match scheme {
        Scheme::Aberdeen | Scheme::Quantiles(_) => {
            let [a, _, c] = match scheme {
                Scheme::Quantiles(q) => q,
                _ => [0.2, 0.5, 0.3],
            };
            let n_lead = share(a, n).min(n);
            let n_lag = share(c, n).min(n - n_lead);
            for (rank, &i) in ranked(companies, classified).iter().enumerate() {
                companies[i].tier = Some(if rank < n_lead {
                    Tier::Leader
                } else if rank >= n - n_lag {
                    Tier::Laggard
                } else {
                    Tier::Average
                });
            }
        }
        Scheme::Median => {
            for &i in classified {
                let above = matches!((companies[i].composite, median), (Some(c), Some(m)) if c > m);
                companies[i].tier = Some(if above { Tier::Leader } else { Tier::Laggard });
            }
        }
        Scheme::AllAboveMedian => {
            let medians: Vec<Option<f64>> = (0..n_groups)
                .map(|g| {
                    let v: Vec<f64> = classified
                        .iter()
                        .filter_map(|&i| companies[i].group_scores[g])
                        .collect();
                    stats::median(&v)
                })
                .collect();
            for &i in classified {
                let all_above = (0..n_groups).all(|g| {
                    matches!((companies[i].group_scores[g], medians[g]), (Some(s), Some(m)) if s > m)
                });
                companies[i].tier = Some(if all_above {
                    Tier::Leader
                } else {
                    Tier::Laggard
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_parse_with_clear_errors() {
        assert_eq!("aberdeen".parse::<Scheme>(), Ok(Scheme::Aberdeen));
        assert_eq!("median".parse::<Scheme>(), Ok(Scheme::Median));
        assert_eq!(
            "all-above-median".parse::<Scheme>(),
            Ok(Scheme::AllAboveMedian)
        );
        assert_eq!(
            "quantiles:0.25,0.5,0.25".parse::<Scheme>(),
            Ok(Scheme::Quantiles([0.25, 0.5, 0.25]))
        );
        assert!("quantiles:0.2,0.5"
            .parse::<Scheme>()
            .unwrap_err()
            .contains("three shares"));
        assert!("quantiles:0.2,0.5,0.5"
            .parse::<Scheme>()
            .unwrap_err()
            .contains("add up to"));
        assert!("top"
            .parse::<Scheme>()
            .unwrap_err()
            .contains("unknown scheme"));
        assert_eq!(
            Scheme::Quantiles([0.25, 0.5, 0.25]).to_string(),
            "quantiles:0.25,0.5,0.25"
        );
    }
    /// An instrument with the given outcomes `(id, group, lower_is_better)`.
    fn inst(outcomes: &[(&str, &str, bool)]) -> Instrument {
        let outs: Vec<String> = outcomes
            .iter()
            .map(|(id, g, low)| {
                format!(
                    r#"{{"id":"{id}","column":"{id}","label":"{id}","group":"{g}","direction":"{}"}}"#,
                    if *low { "lower_is_better" } else { "higher_is_better" }
                )
            })
            .collect();
        Instrument::from_json(
            &format!(
                r#"{{"name":"t","version":"1","scale":{{"min":1,"max":5}},
                   "columns":{{"company":"c"}},
                   "dimensions":[{{"id":"d","label":"D"}}],
                   "items":[{{"id":"i1","column":"i1","dimension":"d","text":"x"}}],
                   "outcomes":[{}]}}"#,
                outs.join(",")
            ),
            "t",
        )
        .unwrap()
    }

    fn run(
        inst: &Instrument,
        rows: &[(&str, Vec<Option<f64>>)],
        method: CompositeMethod,
        scheme: Scheme,
    ) -> Outcomes {
        let ids: Vec<Box<str>> = rows.iter().map(|r| r.0.into()).collect();
        let values = rows
            .iter()
            .map(|r| (r.1.clone(), Source::Responses))
            .collect();
        classify(inst, &ids, values, method, scheme, Vec::new()).unwrap()
    }

    fn get<'a>(o: &'a Outcomes, id: &str) -> &'a CompanyOutcome {
        o.companies.iter().find(|c| c.company_id == id).unwrap()
    }

    fn tiers(o: &Outcomes, tier: Tier) -> Vec<&str> {
        let mut v: Vec<&str> = o
            .companies
            .iter()
            .filter(|c| c.tier == Some(tier))
            .map(|c| c.company_id.as_str())
            .collect();
        v.sort();
        v
    }

    const NA: Option<f64> = None;

    /// Three outcomes in two groups, one lower_is_better, with gaps; `g`
    /// reports one of three outcomes (two are needed).
    type Rows = Vec<(&'static str, Vec<Option<f64>>)>;

    fn three_outcomes() -> (Instrument, Rows) {
        let inst = inst(&[
            ("rev", "growth", false),
            ("wins", "growth", false),
            ("cycle", "pipeline", true),
        ]);
        let rows = vec![
            ("a", vec![Some(10.0), Some(3.0), Some(40.0)]),
            ("b", vec![Some(4.0), Some(5.0), Some(55.0)]),
            ("c", vec![NA, Some(1.0), Some(60.0)]),
            ("d", vec![Some(7.5), NA, Some(35.0)]),
            ("e", vec![Some(-2.0), Some(2.0), NA]),
            ("f", vec![Some(12.0), Some(6.0), Some(50.0)]),
            ("g", vec![Some(5.0), NA, NA]),
        ];
        (inst, rows)
    }

    #[test]
    fn z_composite_matches_scipy() {
        // tests/reference/leaders_reference.py --unit: per outcome
        // scipy.stats.zscore(sign·x, ddof=1) over the companies reporting it,
        // composite = mean of the available z-scores when at least 2 of 3.
        let (inst, rows) = three_outcomes();
        let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Aberdeen);
        type Expect = (&'static str, [Option<f64>; 3], Option<f64>);
        let expect: [Expect; 7] = [
            (
                "a",
                [
                    Some(0.7890083015254026),
                    Some(-0.19289712886816482),
                    Some(0.7715885154726594),
                ],
                Some(0.455899896043299),
            ),
            (
                "b",
                [
                    Some(-0.41968526676883106),
                    Some(0.7715885154726595),
                    Some(-0.6751399510385769),
                ],
                Some(-0.10774556744491616),
            ),
            (
                "c",
                [None, Some(-1.1573827732089892), Some(-1.1573827732089892)],
                Some(-1.1573827732089892),
            ),
            (
                "d",
                [Some(0.28538598140280524), None, Some(1.2538313376430716)],
                Some(0.7696086595229384),
            ),
            (
                "e",
                [Some(-1.6283788350630646), Some(-0.6751399510385769), None],
                Some(-1.1517593930508208),
            ),
            (
                "f",
                [
                    Some(1.1919061576234804),
                    Some(1.2538313376430716),
                    Some(-0.19289712886816485),
                ],
                Some(0.7509467887994624),
            ),
            ("g", [Some(-0.21823633871979212), None, None], None),
        ];
        for (id, z, comp) in expect {
            let c = get(&o, id);
            for (j, want) in z.iter().enumerate() {
                match (c.standardized[j], *want) {
                    (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{id} z{j}: {a} vs {b}"),
                    (a, b) => assert_eq!(a, b, "{id} z{j}"),
                }
            }
            match (c.composite, comp) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{id}: {a} vs {b}"),
                (a, b) => assert_eq!(a, b, "{id}"),
            }
        }
        assert_eq!(
            get(&o, "g").unclassified.as_deref(),
            Some("1 of 3 outcomes usable; at least 2 are needed")
        );
        assert_eq!(get(&o, "g").tier, None);
        // n = 6: round(1.2) = 1 leader, round(1.8) = 2 laggards.
        // Order: d 0.770, f 0.751, a 0.456, b -0.108, e -1.152, c -1.157.
        assert_eq!(tiers(&o, Tier::Leader), ["d"]);
        assert_eq!(tiers(&o, Tier::Average), ["a", "b", "f"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["c", "e"]);
        assert!(o
            .warnings
            .iter()
            .any(|w| w.contains("1 company is unclassified")));
        // median of the six composites: (0.4559 + -0.1077)/2; strictly above it lead.
        let m = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
        assert!((m.median_composite.unwrap() - 0.17407716429919142).abs() < 1e-12);
        assert_eq!(tiers(&m, Tier::Leader), ["a", "d", "f"]);
        assert_eq!(tiers(&m, Tier::Laggard), ["b", "c", "e"]);
        // all-above-median: growth medians (0.1759 + 0.2854)/2 = 0.2307 -> a, d, f
        // above; pipeline median -0.1929 (f sits on it, e has none) -> a, d above.
        let a = run(&inst, &rows, CompositeMethod::Z, Scheme::AllAboveMedian);
        assert_eq!(tiers(&a, Tier::Leader), ["a", "d"]);
        assert_eq!(tiers(&a, Tier::Laggard), ["b", "c", "e", "f"]);
        assert_eq!(tiers(&a, Tier::Average), Vec::<&str>::new());
    }

    #[test]
    fn rank_composite_matches_scipy() {
        // tests/reference/leaders_reference.py --unit:
        // scipy.stats.percentileofscore(xs, x, kind='mean') of sign·x.
        let (inst, rows) = three_outcomes();
        let o = run(&inst, &rows, CompositeMethod::Rank, Scheme::Aberdeen);
        let expect = [
            ("a", Some(65.0)),
            ("b", Some(41.666666666666664)),
            ("c", Some(10.0)),
            ("d", Some(74.16666666666667)),
            ("e", Some(19.166666666666668)),
            ("f", Some(77.22222222222223)),
            ("g", None),
        ];
        for (id, comp) in expect {
            match (get(&o, id).composite, comp) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{id}: {a} vs {b}"),
                (a, b) => assert_eq!(a, b, "{id}"),
            }
        }
        let f = get(&o, "f");
        for (got, want) in f.standardized.iter().zip([91.66666666666667, 90.0, 50.0]) {
            assert!((got.unwrap() - want).abs() < 1e-12, "{got:?} vs {want}");
        }
        assert_eq!(tiers(&o, Tier::Leader), ["f"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["c", "e"]);
    }

    /// One outcome; rows in the order given (ids decide ties, not order).
    fn one(values: &[(&'static str, f64)], scheme: Scheme) -> Outcomes {
        let inst = inst(&[("x", "g", false)]);
        let rows: Vec<(&str, Vec<Option<f64>>)> =
            values.iter().map(|(id, v)| (*id, vec![Some(*v)])).collect();
        run(&inst, &rows, CompositeMethod::Z, scheme)
    }

    #[test]
    fn aberdeen_rounds_half_away_and_breaks_ties_by_id() {
        // n = 5: round(1.0) = 1 leader, round(1.5) = 2 laggards. c01 and c02
        // tie at the top, c03 and c04 tie at the laggard boundary; rows come
        // in reverse order, so only the ids can decide.
        let o = one(
            &[
                ("c05", 1.0),
                ("c04", 5.0),
                ("c03", 5.0),
                ("c02", 10.0),
                ("c01", 10.0),
            ],
            Scheme::Aberdeen,
        );
        assert_eq!(tiers(&o, Tier::Leader), ["c01"]);
        assert_eq!(tiers(&o, Tier::Average), ["c02", "c03"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["c04", "c05"]);
        // n = 15: round(3.0) = 3 leaders, round(4.5) = 5 laggards.
        let ids15: Vec<&'static str> = vec![
            "k01", "k02", "k03", "k04", "k05", "k06", "k07", "k08", "k09", "k10", "k11", "k12",
            "k13", "k14", "k15",
        ];
        let v: Vec<(&str, f64)> = ids15
            .iter()
            .enumerate()
            .map(|(i, id)| (*id, -(i as f64)))
            .collect();
        let o = one(&v, Scheme::Aberdeen);
        assert_eq!(tiers(&o, Tier::Leader), ["k01", "k02", "k03"]);
        assert_eq!(
            tiers(&o, Tier::Laggard),
            ["k11", "k12", "k13", "k14", "k15"]
        );
        assert_eq!(o.count(Tier::Average), 7);
        // n = 7: round(1.4) = 1 leader, round(2.1) = 2 laggards.
        let o = one(&v[..7], Scheme::Aberdeen);
        assert_eq!(tiers(&o, Tier::Leader), ["k01"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["k06", "k07"]);
        assert_eq!(o.count(Tier::Average), 4);
        // n = 2: round(0.4) = 0 leaders, round(0.6) = 1 laggard.
        let o = one(&v[..2], Scheme::Aberdeen);
        assert_eq!((o.count(Tier::Leader), o.count(Tier::Laggard)), (0, 1));
        // quantiles:0.25,0.5,0.25 with n = 10: round(2.5) = 3 each end.
        let o = one(&v[..10], "quantiles:0.25,0.5,0.25".parse().unwrap());
        assert_eq!(tiers(&o, Tier::Leader), ["k01", "k02", "k03"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["k08", "k09", "k10"]);
        // quantiles:0.5,0,0.5 with n = 5: round(2.5) = 3 leaders, 2 laggards left.
        let o = one(&v[..5], "quantiles:0.5,0,0.5".parse().unwrap());
        assert_eq!(
            (
                o.count(Tier::Leader),
                o.count(Tier::Average),
                o.count(Tier::Laggard)
            ),
            (3, 0, 2)
        );
    }

    #[test]
    fn median_ties_are_not_above_the_median() {
        // median of 1, 2, 3, 3, 4, 5 is 3: only 4 and 5 are strictly above.
        let o = one(
            &[
                ("a", 3.0),
                ("b", 1.0),
                ("c", 4.0),
                ("d", 3.0),
                ("e", 5.0),
                ("f", 2.0),
            ],
            Scheme::Median,
        );
        assert_eq!(tiers(&o, Tier::Leader), ["c", "e"]);
        assert_eq!(tiers(&o, Tier::Laggard), ["a", "b", "d", "f"]);
    }

    #[test]
    fn outcomes_that_never_vary_tie_every_company() {
        let inst = inst(&[("x", "g", false), ("y", "g", true)]);
        let rows = vec![
            ("b", vec![Some(4.0), Some(9.0)]),
            ("a", vec![Some(4.0), Some(9.0)]),
            ("c", vec![Some(4.0), NA]),
            ("d", vec![NA, NA]),
        ];
        let ids: Vec<Box<str>> = rows.iter().map(|r| r.0.into()).collect();
        let values = || {
            rows.iter()
                .map(|r| (r.1.clone(), Source::Responses))
                .collect::<Vec<_>>()
        };
        // By default nobody is classified.
        let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
        assert_eq!(o.classified().count(), 0);
        assert!(o
            .warnings
            .iter()
            .any(|w| w.contains("outcome x is left out")));
        for (method, neutral) in [(CompositeMethod::Z, 0.0), (CompositeMethod::Rank, 50.0)] {
            let o = classify_with(
                &inst,
                &ids,
                values(),
                method,
                Scheme::Median,
                NothingVaries::TieEveryone,
                Vec::new(),
            )
            .unwrap();
            for id in ["a", "b", "c"] {
                assert_eq!(get(&o, id).composite, Some(neutral), "{id}");
            }
            assert_eq!(get(&o, "d").composite, None);
            assert_eq!(
                get(&o, "d").unclassified.as_deref(),
                Some("no outcomes reported")
            );
            // Nobody is above the median.
            assert_eq!(o.count(Tier::Leader), 0);
            assert_eq!(o.count(Tier::Laggard), 3);
            assert!(
                o.warnings.iter().any(|w| w.contains("no outcome varies")),
                "{:?}",
                o.warnings
            );
        }
        // One outcome varies: the constant one is left out, as documented.
        let rows = vec![
            ("a", vec![Some(4.0), Some(9.0)]),
            ("b", vec![Some(4.0), Some(7.0)]),
        ];
        let o = run(&inst, &rows, CompositeMethod::Z, Scheme::Median);
        assert!(o
            .warnings
            .iter()
            .any(|w| w.contains("outcome x is left out")));
        assert_eq!(get(&o, "a").standardized[0], None);
        // y is lower-is-better: a (9) is worse than b (7); z of ±1/√2.
        let za = get(&o, "a").composite.unwrap();
        assert!((za + std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-12, "{za}");
    }

    #[test]
    fn no_outcomes_is_a_usage_error() {
        let inst = Instrument::from_json(
            r#"{"name":"t","version":"1","scale":{"min":1,"max":5},
               "columns":{"company":"c"},
               "dimensions":[{"id":"d","label":"D"}],
               "items":[{"id":"i1","column":"i1","dimension":"d","text":"x"}]}"#,
            "t",
        )
        .unwrap();
        let e = classify(
            &inst,
            &[],
            Vec::new(),
            CompositeMethod::Z,
            Scheme::Aberdeen,
            Vec::new(),
        )
        .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("defines no outcomes"), "{e}");
    }
}
