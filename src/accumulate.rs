//! Streaming sums per company, role and item: everything the analyses need,
//! gathered in one pass without keeping rows.
//!
//! Memory grows with companies × scale columns × roles, never with
//! respondents. Answers are whole scale points, so item sums are exact
//! integers (offsets from the scale minimum, reverse-coded where the item
//! says so); respondent dimension means are summed as `f64`.
//!
//! Item sums are kept in `u32` (16 bytes a cell instead of 32: fewer cache
//! lines touched per row). Before a company-role's cells could overflow,
//! they are added to a `u64` copy and restarted, so every sum stays exact.

use crate::ingest::values::Role;
use crate::ingest::{Row, RowSink};
use crate::instrument::Instrument;
use ahash::RandomState;
use std::collections::HashMap;

/// How the instrument's scale columns group into dimensions.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `max − min` of the scale.
    pub range: u16,
    pub n_items: usize,
    pub n_perception: usize,
    pub n_statements: usize,
    pub n_outcomes: usize,
    /// Per scale column (items, perception, statements): reverse-coded?
    pub reverse: Vec<bool>,
    /// Scale columns of each group: the dimensions in instrument order, then
    /// the perception items as one more group when the instrument has any.
    pub groups: Vec<Vec<usize>>,
    /// Answers needed for a respondent mean in each group: half, rounded up.
    pub min_answered: Vec<usize>,
    /// Number of real dimensions (the perception group, if any, follows them).
    pub n_dims: usize,
    /// Role slots kept per company: 3 with a role column, else 1.
    pub role_slots: usize,
}

impl Plan {
    pub fn new(inst: &Instrument) -> Plan {
        let n_items = inst.items.len();
        let n_perception = inst.perception.len();
        let mut groups: Vec<Vec<usize>> = inst
            .dimensions
            .iter()
            .map(|d| inst.items_of(&d.id))
            .collect();
        let n_dims = groups.len();
        if n_perception > 0 {
            groups.push((n_items..n_items + n_perception).collect());
        }
        let min_answered = groups.iter().map(|g| g.len().div_ceil(2)).collect();
        let mut reverse: Vec<bool> = inst.items.iter().map(|i| i.reverse).collect();
        reverse.resize(n_items + n_perception + inst.statements.len(), false);
        Plan {
            range: (inst.scale.max - inst.scale.min) as u16,
            n_items,
            n_perception,
            n_statements: inst.statements.len(),
            n_outcomes: inst.outcomes.len(),
            reverse,
            groups,
            min_answered,
            n_dims,
            role_slots: if inst.columns.role.is_some() { 3 } else { 1 },
        }
    }

    pub fn n_scale(&self) -> usize {
        self.reverse.len()
    }

    /// The perception group's index, when the instrument has perception items.
    pub fn perception_group(&self) -> Option<usize> {
        (self.n_perception > 0).then_some(self.n_dims)
    }

    /// Role slot of a role (0 for everyone when there is no role column).
    pub fn slot(&self, role: Role) -> usize {
        if self.role_slots == 1 {
            0
        } else {
            role.index().min(2)
        }
    }

    /// Raw offsets at or above this are "top-2-box" (the two highest points;
    /// the top point alone on a two-point scale).
    pub fn top2_threshold(&self) -> u16 {
        self.range.saturating_sub(1).max(1)
    }
}

/// Exact sums of one scale column's reverse-coded offsets in one cell
/// (company × role), plus the raw top-2-box count.
/// The compact form kept while reading: see [`CompanyAcc::item`].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Cell32 {
    n: u32,
    sum: u32,
    sumsq: u32,
    top2: u32,
}

/// Exact sums of one scale column's reverse-coded offsets in one cell
/// (company × role), plus the raw top-2-box count.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ItemSums {
    pub n: u64,
    pub sum: u64,
    pub sumsq: u64,
    pub top2: u64,
}

impl ItemSums {
    pub fn merge(&mut self, o: &ItemSums) {
        self.n += o.n;
        self.sum += o.sum;
        self.sumsq += o.sumsq;
        self.top2 += o.top2;
    }
}

/// Sums of respondent group means (in reverse-coded offset units).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MeanSums {
    pub n: u64,
    pub sum: f64,
    pub sumsq: f64,
}

impl MeanSums {
    pub fn merge(&mut self, o: &MeanSums) {
        self.n += o.n;
        self.sum += o.sum;
        self.sumsq += o.sumsq;
    }
}

/// Everything kept about one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyAcc {
    pub n_by_slot: Vec<u64>,
    /// `role_slots × n_scale`, indexed `slot * n_scale + column`: the sums
    /// since the slot's last spill.
    items: Vec<Cell32>,
    /// Rows per slot since its last spill.
    fresh: Vec<u32>,
    /// What was spilled from `items` before it could overflow (same layout;
    /// empty until the first spill).
    spilled: Vec<ItemSums>,
    /// `role_slots × groups`, indexed `slot * n_groups + group`.
    pub groups: Vec<MeanSums>,
    /// Per outcome: (respondents reporting it, sum of their values).
    pub outcomes: Vec<(u64, f64)>,
}

impl CompanyAcc {
    fn new(plan: &Plan) -> CompanyAcc {
        CompanyAcc {
            n_by_slot: vec![0; plan.role_slots],
            items: vec![Cell32::default(); plan.role_slots * plan.n_scale()],
            fresh: vec![0; plan.role_slots],
            spilled: Vec::new(),
            groups: vec![MeanSums::default(); plan.role_slots * plan.groups.len()],
            outcomes: vec![(0, 0.0); plan.n_outcomes],
        }
    }

    pub fn n(&self) -> u64 {
        self.n_by_slot.iter().sum()
    }

    /// Item sums over all roles.
    pub fn item_total(&self, plan: &Plan, col: usize) -> ItemSums {
        let mut t = ItemSums::default();
        for s in 0..plan.role_slots {
            t.merge(&self.item(plan, s, col));
        }
        t
    }

    pub fn item(&self, plan: &Plan, slot: usize, col: usize) -> ItemSums {
        let i = slot * plan.n_scale() + col;
        let c = self.items[i];
        let mut t = self.spilled.get(i).copied().unwrap_or_default();
        t.merge(&ItemSums {
            n: c.n as u64,
            sum: c.sum as u64,
            sumsq: c.sumsq as u64,
            top2: c.top2 as u64,
        });
        t
    }

    /// Move a slot's compact sums into the `u64` ones and restart them.
    fn spill(&mut self, plan: &Plan, slot: usize) {
        let n_scale = plan.n_scale();
        if self.spilled.is_empty() {
            self.spilled = vec![ItemSums::default(); self.items.len()];
        }
        for i in slot * n_scale..(slot + 1) * n_scale {
            let c = std::mem::take(&mut self.items[i]);
            self.spilled[i].merge(&ItemSums {
                n: c.n as u64,
                sum: c.sum as u64,
                sumsq: c.sumsq as u64,
                top2: c.top2 as u64,
            });
        }
        self.fresh[slot] = 0;
    }

    pub fn group(&self, plan: &Plan, slot: usize, g: usize) -> &MeanSums {
        &self.groups[slot * plan.groups.len() + g]
    }

    /// Group mean sums over all roles.
    pub fn group_total(&self, plan: &Plan, g: usize) -> MeanSums {
        let mut t = MeanSums::default();
        for s in 0..plan.role_slots {
            t.merge(self.group(plan, s, g));
        }
        t
    }
}

/// Exact sums over the respondents who answered every item of a dimension
/// (listwise), for Cronbach's α.
#[derive(Debug, Clone, PartialEq)]
pub struct ReliabilitySums {
    pub n: u64,
    pub sum_i: Vec<i64>,
    pub sumsq_i: Vec<i64>,
    /// Σ item × total.
    pub sum_it: Vec<i64>,
    pub sum_t: i64,
    pub sumsq_t: i64,
}

impl ReliabilitySums {
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
    pub plan: Plan,
    /// Company ids in order of first appearance.
    pub ids: Vec<Box<str>>,
    pub companies: Vec<CompanyAcc>,
    /// One per real dimension.
    pub reliability: Vec<ReliabilitySums>,
    index: HashMap<Box<str>, usize, RandomState>,
    coded: Vec<Option<u16>>,
    /// Group of each scale column (`u16::MAX`: in none).
    col_group: Vec<u16>,
    /// Rows a slot's `u32` item sums take without overflowing.
    spill_after: u32,
    group_sums: Vec<(usize, u64)>,
}

impl Accumulator {
    pub fn new(inst: &Instrument) -> Accumulator {
        let plan = Plan::new(inst);
        let reliability = plan.groups[..plan.n_dims]
            .iter()
            .map(|g| ReliabilitySums::new(g.len()))
            .collect();
        let mut col_group = vec![u16::MAX; plan.n_scale()];
        for (g, cols) in plan.groups.iter().enumerate() {
            for &c in cols {
                col_group[c] = g as u16;
            }
        }
        let r2 = (plan.range as u64 * plan.range as u64).max(1);
        Accumulator {
            spill_after: (u32::MAX as u64 / r2) as u32,
            col_group,
            coded: vec![None; plan.n_scale()],
            group_sums: vec![(0, 0); plan.groups.len()],
            plan,
            ids: Vec::new(),
            companies: Vec::new(),
            reliability,
            index: HashMap::with_hasher(RandomState::with_seeds(1, 2, 3, 4)),
        }
    }

    fn company_slot(&mut self, id: &str) -> usize {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.companies.len();
        self.ids.push(id.into());
        self.companies.push(CompanyAcc::new(&self.plan));
        self.index.insert(id.into(), i);
        i
    }
}

impl RowSink for Accumulator {
    fn add(&mut self, row: &Row<'_>) -> Result<(), String> {
        let plan = &self.plan;
        let range = plan.range;
        let n_groups = plan.groups.len();
        self.group_sums.iter_mut().for_each(|g| *g = (0, 0));
        // Reverse-code each answer and add it to its group in one sweep.
        for (k, (a, coded)) in row.answers.iter().zip(self.coded.iter_mut()).enumerate() {
            *coded = a.map(|v| if plan.reverse[k] { range - v } else { v });
            if let (Some(v), Some(&g)) = (*coded, self.col_group.get(k)) {
                if (g as usize) < n_groups {
                    let gs = &mut self.group_sums[g as usize];
                    gs.0 += 1;
                    gs.1 += v as u64;
                }
            }
        }
        let mut any_dim = false;
        for g in 0..plan.n_dims {
            let n = self.group_sums[g].0;
            any_dim |= n > 0 && n >= plan.min_answered[g];
        }
        if !any_dim {
            return Err(
                "too few items answered to score any dimension (half of a dimension's items, rounded up, are needed)"
                    .into(),
            );
        }
        let ci = self.company_slot(row.company);
        let plan = &self.plan;
        let slot = plan.slot(row.role);
        let n_scale = plan.n_scale();
        let top2 = plan.top2_threshold();
        let acc = &mut self.companies[ci];
        acc.n_by_slot[slot] += 1;
        // One row adds at most range² to a cell: spill before the next row
        // could overflow.
        if acc.fresh[slot] == self.spill_after {
            acc.spill(plan, slot);
        }
        acc.fresh[slot] += 1;
        let cells = &mut acc.items[slot * n_scale..(slot + 1) * n_scale];
        for ((cell, raw), coded) in cells.iter_mut().zip(row.answers).zip(&self.coded) {
            if let (Some(raw), Some(v)) = (raw, coded) {
                let v = *v as u32;
                cell.n += 1;
                cell.sum += v;
                cell.sumsq += v * v;
                cell.top2 += (*raw >= top2) as u32;
            }
        }
        let cells = &mut acc.groups[slot * n_groups..(slot + 1) * n_groups];
        for (g, cell) in cells.iter_mut().enumerate() {
            let (n, s) = self.group_sums[g];
            if n > 0 && n >= plan.min_answered[g] {
                let m = s as f64 / n as f64;
                cell.n += 1;
                cell.sum += m;
                cell.sumsq += m * m;
            }
        }
        for (o, v) in acc.outcomes.iter_mut().zip(row.outcomes) {
            if let Some(v) = v {
                o.0 += 1;
                o.1 += v;
            }
        }
        for d in 0..plan.n_dims {
            let cols = &plan.groups[d];
            if self.group_sums[d].0 != cols.len() {
                continue;
            }
            let rel = &mut self.reliability[d];
            let t = self.group_sums[d].1 as i64;
            rel.n += 1;
            rel.sum_t += t;
            rel.sumsq_t += t * t;
            for (j, &c) in cols.iter().enumerate() {
                let x = self.coded[c].unwrap_or(0) as i64;
                rel.sum_i[j] += x;
                rel.sumsq_i[j] += x * x;
                rel.sum_it[j] += x * t;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_item_sums_equal_the_unspilled_ones() {
        let inst = Instrument::default_instrument();
        let mut small = Accumulator::new(&inst);
        small.spill_after = 7;
        let mut wide = Accumulator::new(&inst);
        let n_scale = wide.plan.n_scale();
        let roles = [Role::Sales, Role::Marketing, Role::Both];
        for i in 0..1000u64 {
            let answers: Vec<Option<u16>> = (0..n_scale as u64)
                .map(|k| ((i + k) % 7 != 0).then_some(((i * 31 + k * 7) % 5) as u16))
                .collect();
            let outcomes = vec![None; wide.plan.n_outcomes];
            let row = Row {
                line: i + 2,
                company: if i % 3 == 0 { "a" } else { "b" },
                role: roles[(i % 3) as usize],
                answers: &answers,
                outcomes: &outcomes,
            };
            assert_eq!(small.add(&row), wide.add(&row));
        }
        assert!(small.companies.iter().all(|c| !c.spilled.is_empty()));
        assert!(wide.companies.iter().all(|c| c.spilled.is_empty()));
        let plan = &wide.plan;
        for (s, w) in small.companies.iter().zip(&wide.companies) {
            for col in 0..n_scale {
                assert_eq!(s.item_total(plan, col), w.item_total(plan, col));
                for slot in 0..plan.role_slots {
                    assert_eq!(s.item(plan, slot, col), w.item(plan, slot, col));
                }
            }
            assert_eq!(s.groups, w.groups);
        }
        // The default limit: a 1–5 scale adds at most 16 to a sum of squares.
        assert_eq!(wide.spill_after, u32::MAX / 16);
    }
}
