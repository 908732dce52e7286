//! Streaming sums per company, role and item: everything the analyses need,
//! gathered in one pass without keeping rows.
//!
//! Memory grows with companies × scale columns × roles, never with
//! respondents. Answers are whole scale points, so item sums are exact
//! integers (offsets from the scale minimum, reverse-coded where the item
//! says so); respondent dimension means and outcome values are summed
//! exactly too ([`CompanyAcc`]), so sums do not depend on row order and an
//! input read in parts on several threads gives the same figures once the
//! parts are merged ([`Accumulator::merge`]).
//!
//! Item sums are kept in narrow cells (`items`: four `u16` lanes, 8 bytes,
//! for scales of up to 16 points; `u32` lanes otherwise), and respondent
//! mean and outcome sums in two words where the plan allows (`cells`), so
//! that a row touches few cache lines and a company takes about 760 bytes
//! on the default instrument, with cells only for the roles it has. Before
//! a company-role's cells could overflow, they are added to wide sums kept
//! apart and restarted, so every sum stays exact.
//!
//! A row is swept once (`sweep`): answers reverse-coded through a table
//! of steps worked out per scale point, run by run of neighbouring columns
//! of one group, so that group sums stay in registers.

mod cells;
mod company;
mod declared;
mod index;
mod items;
mod parts;
mod plan;
mod sweep;

pub use company::{CompanyAcc, ItemSums, MeanSums};
pub use declared::DeclaredValues;
pub use plan::Plan;
use sweep::Sweep;

use crate::ingest::{ExclusionReason, Number, Row, RowSink};
use crate::instrument::Instrument;

/// Exact sums over the respondents who answered every item of a dimension
/// (listwise), for Cronbach's α.
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilitySums {
    /// Respondents who answered every item of the dimension.
    pub n: u64,
    /// Per item: Σ reverse-coded offset.
    pub sum_i: Vec<i64>,
    /// Per item: Σ offset².
    pub sumsq_i: Vec<i64>,
    /// Σ item × total.
    pub sum_it: Vec<i64>,
    /// Σ total (the respondent's sum over the dimension's items).
    pub sum_t: i64,
    /// Σ total².
    pub sumsq_t: i64,
}

impl ReliabilitySums {
    fn merge(&mut self, o: &ReliabilitySums) {
        self.n += o.n;
        self.sum_t += o.sum_t;
        self.sumsq_t += o.sumsq_t;
        for j in 0..self.sum_i.len() {
            self.sum_i[j] += o.sum_i[j];
            self.sumsq_i[j] += o.sumsq_i[j];
            self.sum_it[j] += o.sum_it[j];
        }
    }

    fn new(k: usize) -> ReliabilitySums {
        ReliabilitySums {
            n: 0,
            sum_i: vec![0; k],
            sumsq_i: vec![0; k],
            sum_it: vec![0; k],
            sum_t: 0,
            sumsq_t: 0,
        }
    }
}

/// The streaming accumulator: a [`RowSink`] that keeps only sums.
#[derive(Debug, Clone)]
pub struct Accumulator {
    /// How the instrument's scale columns are grouped and coded.
    pub plan: Plan,
    /// Company ids in order of first appearance.
    pub ids: Vec<Box<str>>,
    /// Per company, in the order of `ids`.
    pub companies: Vec<CompanyAcc>,
    /// One per real dimension.
    pub reliability: Vec<ReliabilitySums>,
    index: index::CompanyIndex,
    sweep: Sweep,
    /// Per group, indexed by answers given: `group_scale / answers`, the
    /// factor that makes a respondent's mean an integer (0: not scored).
    mean_factor: Vec<Vec<u64>>,
    /// Rows a company-role's cells take before they are spilled
    /// ([`items::rows_held`]).
    spill_after: u32,
    /// Has every sum been exact (so that it does not depend on row order)?
    order_free: bool,
    /// The values seen of the instrument's declared segments.
    pub declared: DeclaredValues,
}

impl Accumulator {
    /// An empty accumulator for `inst`.
    pub fn new(inst: &Instrument) -> Accumulator {
        let plan = Plan::new(inst);
        let reliability = plan.groups[..plan.n_dims]
            .iter()
            .map(|g| ReliabilitySums::new(g.len()))
            .collect();
        let mean_factor = plan
            .groups
            .iter()
            .enumerate()
            .map(|(g, members)| {
                (0..=members.len())
                    .map(|n| {
                        if n == 0 || n < plan.min_answered[g] {
                            0
                        } else if plan.group_scale[g] == 0 {
                            1
                        } else {
                            plan.group_scale[g] / n as u64
                        }
                    })
                    .collect()
            })
            .collect();
        let plan_exact = plan.group_scale.iter().all(|&l| l > 0);
        Accumulator {
            spill_after: items::rows_held(&plan),
            sweep: Sweep::new(&plan),
            mean_factor,
            plan,
            ids: Vec::new(),
            companies: Vec::new(),
            reliability,
            index: index::CompanyIndex::new(),
            order_free: plan_exact,
            declared: DeclaredValues::new(inst.segments.iter().map(|s| s.id.clone()).collect()),
        }
    }

    /// An empty accumulator for the same instrument.
    pub fn empty_like(&self) -> Accumulator {
        let mut a = self.clone();
        a.ids.clear();
        a.companies.clear();
        a.index.clear();
        a.reliability
            .iter_mut()
            .for_each(|r| *r = ReliabilitySums::new(r.sum_i.len()));
        a.order_free = a.plan.group_scale.iter().all(|&l| l > 0);
        a.declared.clear();
        a
    }

    /// Segment `k`'s values among company `i`'s scored rows, with their
    /// counts (any order); `k` indexes the instrument's `segments`.
    pub fn declared_counts(&self, k: usize, i: usize) -> Vec<(&str, u64)> {
        match self.companies.get(i) {
            Some(c) => self.declared.of(k, c.declared()),
            None => Vec::new(),
        }
    }

    /// Do the sums so far not depend on the order rows came in? True unless
    /// a dimension is too large for exact mean sums or an outcome value had
    /// no exact fixed-point form.
    pub fn order_free(&self) -> bool {
        self.order_free
    }

    /// Free the company index, which only adding rows and merging need
    /// (after the records, the largest part of the sums): for when the last
    /// row is in. A later row or merge builds it again.
    pub fn release_index(&mut self) {
        self.index = index::CompanyIndex::new();
    }

    /// Build the company index again if it was released.
    fn ensure_index(&mut self) {
        if self.index.len() < self.ids.len() {
            self.index.reserve(self.ids.len());
            for (i, id) in self.ids.iter().enumerate() {
                self.index.insert(id, i);
            }
        }
    }

    fn company_slot(&mut self, id: &str, order: u64) -> usize {
        self.ensure_index();
        if let Some(i) = self.index.get(id) {
            return i;
        }
        let i = self.companies.len();
        self.ids.push(id.into());
        self.companies.push(CompanyAcc::new(&self.plan, order));
        self.index.insert(id, i);
        i
    }
}

impl Accumulator {
    /// Can the answers swept into `group_sums` score a dimension?
    fn scored(&self) -> bool {
        let sums = &self.sweep.group_sums;
        (0..self.plan.n_dims).any(|g| self.mean_factor[g][sums[g].0] > 0)
    }

    /// Add a row of a company seen before: the item sums are added in the
    /// same sweep that reverse-codes the answers, and taken back off in the
    /// rare case the row cannot be scored.
    fn add_known(&mut self, ci: usize, slot: usize, answers: &[Option<u16>]) -> bool {
        let plan = &self.plan;
        let narrow = plan.layout.narrow();
        let acc = &mut self.companies[ci];
        // One row adds at most range² to a cell: spill before the next row
        // could overflow.
        if acc.fresh(plan, slot) == self.spill_after as u64 {
            acc.spill(plan, slot);
        }
        let cells = acc.items_mut(plan, slot);
        // One sweep per width of cell, so that each is a loop of its own.
        if narrow {
            self.sweep.run(answers, |k, step| cells[k] += step.narrow);
        } else {
            self.sweep
                .run(answers, |k, step| company::add_step(cells, k, step, false));
        }
        if self.scored() {
            return true;
        }
        let cells = self.companies[ci].items_mut(plan, slot);
        for (c, a) in answers.iter().enumerate() {
            if let Some(raw) = *a {
                company::take_step(cells, c, self.sweep.step(c, raw), narrow);
            }
        }
        false
    }

    /// Add the swept answers of a row to a company's item sums.
    fn add_items(&mut self, ci: usize, slot: usize, answers: &[Option<u16>]) {
        let plan = &self.plan;
        let narrow = plan.layout.narrow();
        let acc = &mut self.companies[ci];
        if acc.fresh(plan, slot) == self.spill_after as u64 {
            acc.spill(plan, slot);
        }
        let cells = acc.items_mut(plan, slot);
        for (c, a) in answers.iter().enumerate() {
            if let Some(raw) = *a {
                company::add_step(cells, c, self.sweep.step(c, raw), narrow);
            }
        }
    }

    /// Everything of a scored row but its item sums: counts, respondent
    /// means, outcomes, reliability sums.
    fn add_rest(&mut self, ci: usize, slot: usize, outcomes: &[Option<Number>]) {
        let plan = &self.plan;
        let acc = &mut self.companies[ci];
        acc.count_row(plan, slot);
        let cells = acc.groups_mut(plan, slot);
        let groups = self.sweep.group_sums.iter().zip(&self.mean_factor);
        for (g, (&(n, s), factor)) in groups.take(plan.groups.len()).enumerate() {
            let f = factor[n];
            if f > 0 {
                CompanyAcc::add_mean(plan, cells, g, f, n as u64, s);
            }
        }
        for (j, v) in outcomes.iter().enumerate() {
            if let Some(v) = v {
                self.order_free &= acc.add_outcome(plan, j, *v);
            }
        }
        for (d, rel) in self.reliability.iter_mut().enumerate() {
            let members = &plan.groups[d];
            let (n, t) = self.sweep.group_sums[d];
            if n != members.len() {
                continue;
            }
            let t = t as i64;
            rel.n += 1;
            rel.sum_t += t;
            rel.sumsq_t += t * t;
            let sums = rel
                .sum_i
                .iter_mut()
                .zip(&mut rel.sumsq_i)
                .zip(&mut rel.sum_it);
            match self.sweep.spans[d].clone() {
                // Neighbouring columns (the usual layout): a loop the
                // compiler can run several items at a time.
                Some(span) => {
                    for (x, ((si, sq), st)) in self.sweep.coded[span].iter().zip(sums) {
                        let x = *x as i64;
                        *si += x;
                        *sq += x * x;
                        *st += x * t;
                    }
                }
                None => {
                    for (&c, ((si, sq), st)) in members.iter().zip(sums) {
                        let x = self.sweep.coded[c] as i64;
                        *si += x;
                        *sq += x * x;
                        *st += x * t;
                    }
                }
            }
        }
    }
}

impl RowSink for Accumulator {
    fn add(&mut self, row: &Row<'_>) -> Result<(), ExclusionReason> {
        if row.answers.len() != self.plan.n_scale() || row.outcomes.len() != self.plan.n_outcomes {
            return Err(ExclusionReason::Misfit);
        }
        let slot = self.plan.slot(row.role);
        let ci = match self.index.get(row.company) {
            Some(ci) => {
                if !self.add_known(ci, slot, row.answers) {
                    return Err(ExclusionReason::TooFewAnswers);
                }
                // Rows may come out of file order (a split pass sends each
                // company's rows to one thread): keep the earliest.
                self.companies[ci].note_order(row.order);
                ci
            }
            None => {
                self.sweep.run(row.answers, |_, _| {});
                if !self.scored() {
                    return Err(ExclusionReason::TooFewAnswers);
                }
                // A new company, or one seen before the index was released.
                let ci = self.company_slot(row.company, row.order);
                self.add_items(ci, slot, row.answers);
                self.companies[ci].note_order(row.order);
                ci
            }
        };
        self.add_rest(ci, slot, row.outcomes);
        if !row.segments.is_empty() {
            // Only scored rows reach this point: excluded ones count nothing.
            self.declared
                .count(&row.segments, self.companies[ci].declared_mut());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
