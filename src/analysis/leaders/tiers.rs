//! The tiers of `align leaders`: which shown companies are leaders,
//! laggards and average, whether each tier has respondents enough to show
//! its own figures, the tiers' sizes, the warnings about tied composites
//! and hidden tiers, and the outcomes summarised by tier.

use super::{plural, OutcomeByTier, OutcomeStats, TierCounts, TierSize, INDICATIVE_BELOW};
use crate::accumulate::Accumulator;
use crate::analysis::finite;
use crate::analysis::outcomes::{Outcomes, Tier};
use crate::disclosure::Disclosure;
use crate::instrument::Instrument;
use crate::stats;
use std::ops::Index;

/// One value per tier, read with a [`Tier`] as index.
#[derive(Debug, Clone)]
pub(crate) struct ByTier<T> {
    pub leader: T,
    pub laggard: T,
    pub average: T,
}

impl<T> ByTier<T> {
    /// Each tier's value from `f`.
    pub fn from_fn(mut f: impl FnMut(Tier) -> T) -> ByTier<T> {
        ByTier {
            leader: f(Tier::Leader),
            laggard: f(Tier::Laggard),
            average: f(Tier::Average),
        }
    }
}

impl<T> Index<Tier> for ByTier<T> {
    type Output = T;

    fn index(&self, tier: Tier) -> &T {
        match tier {
            Tier::Leader => &self.leader,
            Tier::Laggard => &self.laggard,
            Tier::Average => &self.average,
        }
    }
}

/// The companies of each tier and which tiers may be shown on their own.
pub(crate) struct Tiers {
    /// Company indexes (accumulator order) of each tier's shown companies.
    pub members: ByTier<Vec<usize>>,
    /// Respondents of each tier's companies.
    pub respondents: ByTier<u64>,
    /// Per tier: enough respondents to show its figures.
    pub shown: ByTier<bool>,
    /// Every classified company has the same composite.
    pub tied: bool,
    /// Companies with a composite.
    pub with_composite: usize,
}

impl Tiers {
    /// The tiers of the companies shown under `vis`; a tier with fewer
    /// respondents than `anonymity` has its figures hidden.
    pub fn new(acc: &Accumulator, outcomes: &Outcomes, vis: &Disclosure, anonymity: u64) -> Tiers {
        let members = ByTier::from_fn(|tier| {
            (0..outcomes.companies.len())
                .filter(|&i| vis.shown(i) && outcomes.companies[i].tier == Some(tier))
                .collect::<Vec<usize>>()
        });
        let respondents = ByTier::from_fn(|t| {
            members[t]
                .iter()
                .map(|&i| acc.companies[i].n())
                .sum::<u64>()
        });
        let shown = ByTier::from_fn(|t| respondents[t] >= anonymity);
        let composites: Vec<f64> = outcomes.classified().filter_map(|c| c.composite).collect();
        let tied = composites.len() >= 2 && composites.iter().all(|c| *c == composites[0]);
        Tiers {
            members,
            respondents,
            shown,
            tied,
            with_composite: composites.len(),
        }
    }

    /// Companies and respondents per tier, and the shown companies left
    /// unclassified.
    pub fn counts(&self, outcomes: &Outcomes) -> TierCounts {
        let size = |t: Tier| TierSize {
            companies: self.members[t].len(),
            respondents: self.respondents[t],
        };
        TierCounts {
            leader: size(Tier::Leader),
            average: size(Tier::Average),
            laggard: size(Tier::Laggard),
            unclassified: outcomes
                .companies
                .iter()
                .filter(|c| !c.hidden && c.composite.is_none())
                .count(),
        }
    }

    /// Findings comparing fewer than [`INDICATIVE_BELOW`] leaders or
    /// laggards are labelled indicative.
    pub fn indicative(&self) -> bool {
        !self.tied
            && (self.members[Tier::Leader].len() < INDICATIVE_BELOW
                || self.members[Tier::Laggard].len() < INDICATIVE_BELOW)
    }

    /// The warnings that the tiers follow company ids only (tied
    /// composites) and that a tier's figures are hidden.
    pub fn warnings(&self, anonymity: u64) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.tied {
            warnings.push(format!(
                "all {} classified companies have the same outcome composite, so the tiers follow company ids only: no leader–laggard comparison is made (diff, g, tests, q and lift are null)",
                self.with_composite
            ));
        }
        let named = [
            (Tier::Leader, "leaders"),
            (Tier::Laggard, "laggards"),
            (Tier::Average, "average"),
        ];
        for (t, name) in named {
            if !self.shown[t] && self.respondents[t] > 0 {
                warnings.push(format!(
                    "the {name} tier has only {} (fewer than --anonymity {anonymity}): its means, sds{} are hidden; change the threshold with --anonymity",
                    plural(self.respondents[t] as usize, "respondent", "respondents"),
                    if t == Tier::Average { "" } else { ", top-2-box shares and the leader–laggard differences" }
                ));
            }
        }
        warnings
    }
}

/// Each outcome's mean and median over each tier's companies (nothing for
/// a tier whose figures are hidden).
pub(crate) fn outcomes_by_tier(
    inst: &Instrument,
    outcomes: &Outcomes,
    tiers: &Tiers,
) -> Vec<OutcomeByTier> {
    let stats_of = |k: usize, t: Tier| -> OutcomeStats {
        if !tiers.shown[t] {
            return OutcomeStats::default();
        }
        let v: Vec<f64> = tiers.members[t]
            .iter()
            .filter_map(|&i| outcomes.companies[i].values[k])
            .filter(|x| x.is_finite())
            .collect();
        OutcomeStats {
            n: v.len(),
            mean: stats::mean(&v).and_then(finite),
            median: stats::median(&v).and_then(finite),
        }
    };
    inst.outcomes
        .iter()
        .enumerate()
        .map(|(k, o)| OutcomeByTier {
            outcome: o.id.clone(),
            label: o.label.clone(),
            unit: o.unit.clone(),
            direction: o.direction,
            leaders: stats_of(k, Tier::Leader),
            average: stats_of(k, Tier::Average),
            laggards: stats_of(k, Tier::Laggard),
        })
        .collect()
}
