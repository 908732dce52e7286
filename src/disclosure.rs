//! What may be printed: the disclosure plan that every analysis consults
//! (docs/methods.md, "Disclosure control").
//!
//! The promise is a rule about everything align prints, not about single
//! cells: no figure, and no combination of figures printed for the same
//! input and settings, reveals a statistic of fewer than `--anonymity N`
//! respondents, nor any survey figure of a company below that threshold.
//! This module decides, once, from the accumulated counts alone:
//!
//! - **primary suppression**: a company, or a role group within a shown
//!   company, with fewer than N respondents is hidden; so is any figure of a
//!   shown company or role group that fewer than N of its respondents
//!   answered (a dimension score, the perception index, an item mean):
//!   [`Disclosure::cell_shown`];
//! - **complementary suppression** ([`suppress_parts`]): where a total is
//!   printed beside its parts (a company and its role groups; a pooled item
//!   and its role pools), the hidden parts together hold 0 or at least N
//!   respondents; otherwise the smallest shown part is hidden too (ties in
//!   the fixed order of the parts: sales, marketing, both, then the extra
//!   roles of `roles.other` by name), until they do;
//! - **hidden companies enter nothing**: the analyses build every
//!   company-level statistic (tiers, composites, correlations, quadrants,
//!   means over companies, ICC, r_wg(J) summaries, norms) and every pooled
//!   respondent figure (item means, the sales vs marketing disconnect, the
//!   tiers' top-2-box shares) over the shown companies only, so every pool
//!   is a union of whole shown companies and two pools differ by 0 or at
//!   least N respondents. Cronbach's α is the one exception: its sums are
//!   gathered while the rows stream by, over every respondent (a variance
//!   ratio, it cannot be subtracted out).
//!
//! - **segments** ([`suppress_segments`]): a peer group (`--segment`) is a
//!   part printed beside its total, the field of shown companies. A segment
//!   with fewer than `--min-companies K` shown companies, or fewer than N
//!   respondents, is hidden; then, while the hidden segments together hold
//!   between 1 and K − 1 shown companies, the segment with the fewest shown
//!   companies (ties by name) is hidden too. Segment figures are built over
//!   shown companies only, so a hidden company is in none of them.
//!
//! What else a segment's figures combine with, and why that is safe:
//!
//! - *The field-wide figures of the same command* (every shown company's
//!   scores and stage in `score` and `report`; tier counts and means in
//!   `leaders`; perception shares in `gaps`; the field norms). Field minus
//!   the shown segments is the union of the hidden segments: 0 or at least
//!   K shown companies, each of at least N respondents, so no hidden
//!   segment and no company follows from it. The field norms' sorted score
//!   lists minus the shown segments' lists leave the hidden segments'
//!   scores pooled, with no segment attached to any of them.
//! - *A segment's companies listed by score*. `score` and `report` list
//!   every shown company with its scores; a segment's median and quartiles
//!   are order statistics of those scores, so a reader who knows the
//!   segment sizes may match them to listed companies and so learn which
//!   segment some shown companies are in. Their scores are printed anyway;
//!   what this can reveal is an attribute value, not a survey figure, and
//!   only of shown companies. Hidden companies are not listed with scores
//!   and enter no segment figure, so nothing of theirs can be matched.
//! - *Counts and shares*. A segment's stage, leader and laggard shares
//!   times its counts give counts of shown companies; summed against the
//!   field's they again leave only the hidden segments' union.
//! - Kruskal–Wallis runs over the segments finally shown only: its ranks
//!   would otherwise carry the hidden segments' rank sums.
//!
//! Renderers never decide anything: a model holds only what this plan lets
//! it hold.

use crate::accumulate::Accumulator;

/// Why a group is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// Fewer respondents than the threshold.
    Small,
    /// Shown on its own it would let a hidden group be worked out from the
    /// total it belongs to.
    Complementary,
}

/// Whether one group (a company, a role within a company, a pooled part) is
/// printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// The group has no respondents.
    Absent,
    /// The group has respondents and is printed.
    Shown,
    /// The group is not printed, and why.
    Hidden(Hidden),
}

impl Visibility {
    /// True when the group is printed.
    pub fn is_shown(self) -> bool {
        self == Visibility::Shown
    }
    /// True when the group has respondents but is not printed.
    pub fn is_hidden(self) -> bool {
        matches!(self, Visibility::Hidden(_))
    }
}

/// Complementary suppression of `sizes` (respondents per part), printed
/// beside their total. `rest` counts respondents who are in the total but
/// in no printed part (they are hidden by construction).
///
/// A part with no respondents is [`Visibility::Absent`]; one with fewer than
/// `threshold` is hidden; then, while the hidden respondents (with `rest`)
/// number more than 0 and fewer than `threshold`, the smallest shown part
/// is hidden too, the first in `sizes` order on ties.
pub fn suppress_parts(sizes: &[u64], rest: u64, threshold: u64) -> Vec<Visibility> {
    suppress_parts_given(sizes, &vec![false; sizes.len()], rest, threshold)
}

/// [`suppress_parts`] where the parts flagged in `hidden` are hidden
/// already, by a decision made elsewhere (a role group the plan hides, seen
/// on one dimension).
pub fn suppress_parts_given(
    sizes: &[u64],
    hidden: &[bool],
    rest: u64,
    threshold: u64,
) -> Vec<Visibility> {
    suppress_parts_ranked(sizes, hidden, rest, threshold, &[])
}

/// [`suppress_parts_given`] with ties broken by `order` (part indexes,
/// first to hide first; parts it leaves out come after, in index order).
pub fn suppress_parts_ordered(
    sizes: &[u64],
    hidden: &[bool],
    rest: u64,
    threshold: u64,
    order: &[usize],
) -> Vec<Visibility> {
    let mut rank: Vec<usize> = (0..sizes.len()).map(|i| order.len() + i).collect();
    for (pos, &i) in order.iter().enumerate() {
        if let Some(r) = rank.get_mut(i) {
            *r = pos;
        }
    }
    suppress_parts_ranked(sizes, hidden, rest, threshold, &rank)
}

/// The suppression loop; `rank[i]` breaks ties between equal parts (index
/// order where `rank` is empty).
fn suppress_parts_ranked(
    sizes: &[u64],
    hidden: &[bool],
    rest: u64,
    threshold: u64,
    rank: &[usize],
) -> Vec<Visibility> {
    let mut vis: Vec<Visibility> = sizes
        .iter()
        .zip(hidden.iter().chain(std::iter::repeat(&false)))
        .map(|(&n, &h)| match n {
            0 => Visibility::Absent,
            n if n < threshold => Visibility::Hidden(Hidden::Small),
            _ if h => Visibility::Hidden(Hidden::Complementary),
            _ => Visibility::Shown,
        })
        .collect();
    loop {
        let hidden: u64 = rest
            + sizes
                .iter()
                .zip(&vis)
                .filter(|(_, v)| v.is_hidden())
                .map(|(n, _)| n)
                .sum::<u64>();
        if hidden == 0 || hidden >= threshold {
            return vis;
        }
        let smallest = (0..sizes.len())
            .filter(|&i| vis[i].is_shown())
            .min_by_key(|&i| (sizes[i], rank.get(i).copied().unwrap_or(i), i));
        match smallest {
            Some(i) => vis[i] = Visibility::Hidden(Hidden::Complementary),
            None => return vis,
        }
    }
}

/// One segment (peer group) as [`suppress_segments`] sees it: its name and
/// its shown companies and their respondents (hidden companies are in no
/// segment figure and are not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentSize<'a> {
    /// The segment's value.
    pub name: &'a str,
    /// Shown companies in the segment.
    pub companies: u64,
    /// Respondents of those companies.
    pub respondents: u64,
}

/// Which segments may be printed beside the field (docs/methods.md,
/// "Disclosure control", Segments).
///
/// A segment with no shown company is [`Visibility::Absent`]. One with
/// fewer than `min_companies` shown companies, or fewer than `threshold`
/// respondents, is hidden. Then, while the hidden segments together hold
/// more than 0 and fewer than `min_companies` shown companies, the shown
/// segment with the fewest shown companies (ties: the first by name) is
/// hidden too.
pub fn suppress_segments(
    sizes: &[SegmentSize<'_>],
    min_companies: u64,
    threshold: u64,
) -> Vec<Visibility> {
    let mut vis: Vec<Visibility> = sizes
        .iter()
        .map(|s| match s.companies {
            0 => Visibility::Absent,
            c if c < min_companies || s.respondents < threshold => {
                Visibility::Hidden(Hidden::Small)
            }
            _ => Visibility::Shown,
        })
        .collect();
    loop {
        let hidden: u64 = sizes
            .iter()
            .zip(&vis)
            .filter(|(_, v)| v.is_hidden())
            .map(|(s, _)| s.companies)
            .sum();
        if hidden == 0 || hidden >= min_companies {
            return vis;
        }
        let smallest = (0..sizes.len())
            .filter(|&i| vis[i].is_shown())
            .min_by(|&a, &b| {
                (sizes[a].companies, sizes[a].name).cmp(&(sizes[b].companies, sizes[b].name))
            });
        match smallest {
            Some(i) => vis[i] = Visibility::Hidden(Hidden::Complementary),
            None => return vis,
        }
    }
}

/// One company's place in the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompanyPlan {
    /// Scored respondents of the company.
    pub respondents: u64,
    /// Shown, or hidden for having fewer respondents than the threshold.
    pub shown: bool,
    /// Per role slot (sales, marketing, both, then the extra roles); all
    /// [`Visibility::Absent`] without a role column. Every role of a hidden
    /// company is hidden. Held in place for up to [`INLINE_ROLES`] slots
    /// (no allocation per company).
    pub roles: RoleVisibility,
}

/// Role slots a [`CompanyPlan`] holds without an allocation of its own.
pub const INLINE_ROLES: usize = 8;

/// The visibility of each role slot of one company.
pub type RoleVisibility = smallvec::SmallVec<[Visibility; INLINE_ROLES]>;

impl CompanyPlan {
    /// The role groups that are printed.
    pub fn role_shown(&self, slot: usize) -> bool {
        self.shown && self.roles.get(slot).is_some_and(|v| v.is_shown())
    }
}

/// What may be printed for one survey at one threshold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    threshold: u64,
    companies: Vec<CompanyPlan>,
}

impl Disclosure {
    /// The plan for an accumulated survey (companies in accumulator order).
    pub fn plan(acc: &Accumulator, threshold: u64) -> Disclosure {
        let order = acc.plan.role_tie_order();
        let counts = acc.companies.iter().map(|c| {
            (
                c.n(),
                c.slot_counts()
                    .collect::<smallvec::SmallVec<[u64; INLINE_ROLES]>>(),
            )
        });
        Disclosure::from_counts_ordered(counts, acc.plan.has_roles(), threshold, &order)
    }

    /// The plan from each company's respondent count and its counts per
    /// role slot (sales, marketing, both, then any extra roles), ties
    /// broken in slot order.
    pub fn from_counts<C: AsRef<[u64]>>(
        counts: impl IntoIterator<Item = (u64, C)>,
        has_roles: bool,
        threshold: u64,
    ) -> Disclosure {
        Disclosure::from_counts_ordered(counts, has_roles, threshold, &[])
    }

    /// [`Disclosure::from_counts`] with ties between role groups broken in
    /// `order` (role slots).
    pub fn from_counts_ordered<C: AsRef<[u64]>>(
        counts: impl IntoIterator<Item = (u64, C)>,
        has_roles: bool,
        threshold: u64,
        order: &[usize],
    ) -> Disclosure {
        let companies = counts
            .into_iter()
            .map(|(n, by_role)| {
                let by_role = by_role.as_ref();
                let shown = n >= threshold;
                let roles: RoleVisibility = if !has_roles {
                    smallvec::smallvec![Visibility::Absent; by_role.len().max(3)]
                } else if shown {
                    suppress_parts_ordered(by_role, &[], 0, threshold, order).into()
                } else {
                    by_role
                        .iter()
                        .map(|&r| {
                            if r == 0 {
                                Visibility::Absent
                            } else {
                                Visibility::Hidden(Hidden::Small)
                            }
                        })
                        .collect()
                };
                CompanyPlan {
                    respondents: n,
                    shown,
                    roles,
                }
            })
            .collect();
        Disclosure {
            threshold,
            companies,
        }
    }

    /// The anonymity threshold in respondents.
    pub fn threshold(&self) -> u64 {
        self.threshold
    }

    /// True when a figure that `n` respondents answered may be shown.
    pub fn cell_shown(&self, n: u64) -> bool {
        n > 0 && n >= self.threshold
    }

    /// Every company, in accumulator order.
    pub fn companies(&self) -> &[CompanyPlan] {
        &self.companies
    }

    /// True when company `i` (accumulator order) is shown; a company the
    /// plan does not know is not.
    pub fn shown(&self, i: usize) -> bool {
        self.companies.get(i).is_some_and(|c| c.shown)
    }

    /// Indexes (accumulator order) of the shown companies.
    pub fn shown_indices(&self) -> Vec<usize> {
        (0..self.companies.len())
            .filter(|&i| self.companies[i].shown)
            .collect()
    }

    /// Companies hidden for having fewer respondents than the threshold.
    pub fn hidden_companies(&self) -> usize {
        self.companies.iter().filter(|c| !c.shown).count()
    }

    /// Hidden role groups within shown companies: (too small,
    /// complementary).
    pub fn hidden_roles(&self) -> (usize, usize) {
        let mut out = (0, 0);
        for c in self.companies.iter().filter(|c| c.shown) {
            for &v in &c.roles {
                match v {
                    Visibility::Hidden(Hidden::Small) => out.0 += 1,
                    Visibility::Hidden(Hidden::Complementary) => out.1 += 1,
                    _ => {}
                }
            }
        }
        out
    }

    /// The warning naming the companies left out of every company-level
    /// statistic, if any are.
    pub fn companies_warning(&self, ids: &[Box<str>]) -> Option<String> {
        let mut hidden: Vec<&str> = ids
            .iter()
            .zip(&self.companies)
            .filter(|(_, c)| !c.shown)
            .map(|(id, _)| id.as_ref())
            .collect();
        if hidden.is_empty() {
            return None;
        }
        let n = hidden.len();
        // The first five in order: selected, not the whole list sorted.
        if n > 5 {
            hidden.select_nth_unstable(4);
            hidden.truncate(5);
        }
        hidden.sort_unstable();
        let names = if n <= 5 {
            hidden.join(", ")
        } else {
            format!("{}, … ({n} in all)", hidden[..5].join(", "))
        };
        Some(format!(
            "{n} compan{} fewer than {} respondents and {} hidden: left out of company-level statistics and pooled figures ({names})",
            if n == 1 { "y has" } else { "ies have" },
            self.threshold,
            if n == 1 { "is" } else { "are" },
        ))
    }

    /// The warning that role groups within shown companies are hidden, if
    /// any are.
    pub fn roles_warning(&self) -> Option<String> {
        let (small, comp) = self.hidden_roles();
        if small + comp == 0 {
            return None;
        }
        let groups = |n: usize| format!("{n} role group{}", if n == 1 { "" } else { "s" });
        let mut s = format!(
            "{} within companies {} hidden",
            groups(small + comp),
            if small + comp == 1 { "is" } else { "are" }
        );
        if small > 0 {
            s.push_str(&format!(
                ": {} with fewer than {} respondents",
                groups(small),
                self.threshold
            ));
        }
        if comp > 0 {
            s.push_str(&format!(
                "{} {} more so that no hidden group can be worked out from its company's score",
                if small > 0 { ", and" } else { ":" },
                comp
            ));
        }
        Some(s)
    }
}

#[cfg(test)]
mod tests;
