//! What is kept about one company while reading: exact item sums per role,
//! exact sums of respondent dimension means, outcome sums, and how these
//! sums are read back.
//!
//! Every sum is kept so that it does not depend on the order rows are added
//! in (integers, or fixed-point outcome values), which is what lets a file
//! be read in parts on several threads and the parts merged
//! ([`super::Accumulator::merge`]) with results identical to one pass.

use super::items::Items;
use super::Plan;
use crate::ingest::Number;

/// Exact sums of one scale column's reverse-coded offsets in one cell
/// (company × role), plus the raw top-2-box count.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ItemSums {
    /// Answers (respondents who answered the column).
    pub n: u64,
    /// Σ reverse-coded offset from the scale minimum.
    pub sum: u64,
    /// Σ offset².
    pub sumsq: u64,
    /// Answers in the two highest points as worded (before reverse coding).
    pub top2: u64,
}

impl ItemSums {
    /// Add another cell's sums to these.
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
    /// Respondents with a mean (enough answers in the group).
    pub n: u64,
    /// Σ respondent mean.
    pub sum: f64,
    /// Σ respondent mean².
    pub sumsq: f64,
}

impl MeanSums {
    /// Add another cell's sums to these.
    pub fn merge(&mut self, o: &MeanSums) {
        self.n += o.n;
        self.sum += o.sum;
        self.sumsq += o.sumsq;
    }
}

/// Respondent means of one group in one cell, summed exactly: a mean
/// `s / n` (`n` answers summing to `s`) is added as the integer
/// `s × L / n`, `L` being a common multiple of every possible `n`
/// ([`Plan::group_scale`]). Groups too large for such an `L` (`exact`
/// false) keep `f64` sums in the same 32 bytes instead, as bit patterns
/// (then the sums depend on row order).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct GroupCell {
    pub n: u64,
    sum: u64,
    sumsq: u128,
}

impl GroupCell {
    /// Add the mean of `answered` answers summing to `total`; `factor` is
    /// `L / answered` when the sums are exact.
    #[inline]
    pub fn add(&mut self, exact: bool, factor: u64, answered: u64, total: u64) {
        self.n += 1;
        if exact {
            let m = total * factor;
            self.sum += m;
            self.sumsq += m as u128 * m as u128;
        } else {
            let m = total as f64 / answered as f64;
            self.add_float(m, m * m);
        }
    }

    fn add_float(&mut self, sum: f64, sumsq: f64) {
        self.sum = (f64::from_bits(self.sum) + sum).to_bits();
        self.sumsq = (f64::from_bits(self.sumsq as u64) + sumsq).to_bits() as u128;
    }

    fn merge(&mut self, o: &GroupCell, exact: bool) {
        self.n += o.n;
        if exact {
            self.sum += o.sum;
            self.sumsq += o.sumsq;
        } else {
            self.add_float(f64::from_bits(o.sum), f64::from_bits(o.sumsq as u64));
        }
    }

    fn read(&self, scale: u64) -> MeanSums {
        if scale == 0 {
            return MeanSums {
                n: self.n,
                sum: f64::from_bits(self.sum),
                sumsq: f64::from_bits(self.sumsq as u64),
            };
        }
        let l = scale as f64;
        MeanSums {
            n: self.n,
            sum: self.sum as f64 / l,
            sumsq: self.sumsq as f64 / (l * l),
        }
    }
}

/// Outcome values are summed in units of 10⁻⁹ when that is exact.
const OUTCOME_UNIT: f64 = 1e9;

/// A value's exact count of [`OUTCOME_UNIT`]s: any whole number, or a
/// number below a million in magnitude that is the closest `f64` to a
/// decimal of at most nine places (every answer written that way is).
#[inline]
fn fixed(v: f64) -> Option<i128> {
    // Adding 1.5 × 2⁵² rounds a number below 2⁵¹ in magnitude to an integer.
    const ROUND: f64 = 6_755_399_441_055_744.0;
    if v.abs() < 1e6 {
        let x = v * OUTCOME_UNIT;
        let r = (x + ROUND) - ROUND;
        return (r / OUTCOME_UNIT == v).then_some(r as i64 as i128);
    }
    // Larger whole numbers.
    (v.abs() < 9.2e18 && (v as i64) as f64 == v).then(|| v as i64 as i128 * 1_000_000_000)
}

/// One outcome's sums in one company.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct OutcomeCell {
    pub n: u64,
    pub fixed: i128,
    /// Values with no exact fixed form (then the sum depends on row order).
    pub float: f64,
}

impl OutcomeCell {
    /// Add a value; `false` when it had no exact form.
    #[inline]
    pub fn add(&mut self, v: Number) -> bool {
        self.n += 1;
        let v = match v {
            Number::Nanos(n) => {
                self.fixed += n as i128;
                return true;
            }
            Number::Float(v) => v,
        };
        match fixed(v) {
            Some(f) => {
                self.fixed += f;
                true
            }
            None => {
                self.float += v;
                false
            }
        }
    }
}

/// Per role slot counters: the three canonical slots inline (a row of a
/// survey without extra roles touches nothing beyond the company's own
/// record), the extra roles' slots after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotCounts<T> {
    head: [T; 3],
    rest: Vec<T>,
}

impl<T: Copy + Default> SlotCounts<T> {
    fn new(slots: usize) -> Self {
        SlotCounts {
            head: [T::default(); 3],
            rest: vec![T::default(); slots.saturating_sub(3)],
        }
    }

    /// The counts in slot order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.head.iter().chain(&self.rest)
    }

    /// The count of `slot`, the default past the last slot.
    pub fn get(&self, slot: usize) -> T {
        match slot {
            0..=2 => self.head[slot],
            _ => self.rest.get(slot - 3).copied().unwrap_or_default(),
        }
    }
}

impl<T> std::ops::Index<usize> for SlotCounts<T> {
    type Output = T;
    #[inline]
    fn index(&self, slot: usize) -> &T {
        if slot < 3 {
            &self.head[slot]
        } else {
            &self.rest[slot - 3]
        }
    }
}

impl<T> std::ops::IndexMut<usize> for SlotCounts<T> {
    #[inline]
    fn index_mut(&mut self, slot: usize) -> &mut T {
        if slot < 3 {
            &mut self.head[slot]
        } else {
            &mut self.rest[slot - 3]
        }
    }
}

/// Everything kept about one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyAcc {
    /// Respondents per role slot (slots past [`Plan::role_slots`] stay 0).
    pub n_by_slot: SlotCounts<u64>,
    /// `role_slots × n_scale`, indexed `slot * n_scale + column`: the sums
    /// since the slot's last spill.
    pub(super) items: Items,
    /// Rows per slot since its last spill.
    pub(super) fresh: SlotCounts<u32>,
    /// What was spilled from `items` before it could overflow (same layout;
    /// empty until the first spill).
    spilled: Vec<ItemSums>,
    /// `role_slots × groups`, indexed `slot * n_groups + group`.
    pub(super) groups: Vec<GroupCell>,
    pub(super) outcomes: Vec<OutcomeCell>,
    /// File-order key of the first row added (see [`crate::ingest::Row::order`]).
    pub(super) first: u64,
    /// (value number, scored rows) of the declared segments' values
    /// ([`super::declared::DeclaredValues`]).
    pub(super) declared: Vec<(u32, u64)>,
}

impl CompanyAcc {
    pub(super) fn new(plan: &Plan, first: u64) -> CompanyAcc {
        CompanyAcc {
            n_by_slot: SlotCounts::new(plan.role_slots),
            items: Items::new(plan),
            fresh: SlotCounts::new(plan.role_slots),
            spilled: Vec::new(),
            groups: vec![GroupCell::default(); plan.role_slots * plan.groups.len()],
            outcomes: vec![OutcomeCell::default(); plan.n_outcomes],
            first,
            declared: Vec::new(),
        }
    }

    /// Respondents of the company, all roles.
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

    /// Item sums of scale column `col` for role slot `slot`.
    pub fn item(&self, plan: &Plan, slot: usize, col: usize) -> ItemSums {
        let i = slot * plan.n_scale() + col;
        let mut t = self.spilled.get(i).copied().unwrap_or_default();
        t.merge(&self.items.read(i));
        t
    }

    /// Move a slot's compact sums into the `u64` ones and restart them.
    pub(super) fn spill(&mut self, plan: &Plan, slot: usize) {
        let n_scale = plan.n_scale();
        if self.spilled.is_empty() {
            self.spilled = vec![ItemSums::default(); plan.role_slots * n_scale];
        }
        let cells = slot * n_scale..(slot + 1) * n_scale;
        for i in cells.clone() {
            self.spilled[i].merge(&self.items.read(i));
        }
        self.items.clear(cells);
        self.fresh[slot] = 0;
    }

    /// Has any slot's compact sums been spilled?
    pub(super) fn has_spilled(&self) -> bool {
        !self.spilled.is_empty()
    }

    /// Sums of respondent means of group `g` among the slot's respondents.
    pub fn group(&self, plan: &Plan, slot: usize, g: usize) -> MeanSums {
        self.groups[slot * plan.groups.len() + g].read(plan.group_scale[g])
    }

    /// Group mean sums over all roles.
    pub fn group_total(&self, plan: &Plan, g: usize) -> MeanSums {
        let mut t = GroupCell::default();
        for s in 0..plan.role_slots {
            t.merge(
                &self.groups[s * plan.groups.len() + g],
                plan.group_scale[g] > 0,
            );
        }
        t.read(plan.group_scale[g])
    }

    /// Outcome `j`: respondents reporting it and the sum of their values.
    pub fn outcome(&self, j: usize) -> (u64, f64) {
        let o = &self.outcomes[j];
        (o.n, o.fixed as f64 / OUTCOME_UNIT + o.float)
    }

    /// Add everything of `o` (the same company, read elsewhere).
    pub(super) fn merge(&mut self, plan: &Plan, o: &CompanyAcc, spill_after: u32) {
        super::declared::merge_counts(&mut self.declared, &o.declared);
        let n_scale = plan.n_scale();
        for slot in 0..plan.role_slots {
            self.n_by_slot[slot] += o.n_by_slot[slot];
            if self.fresh[slot] as u64 + o.fresh[slot] as u64 > spill_after as u64 {
                self.spill(plan, slot);
            }
            self.fresh[slot] += o.fresh[slot];
            self.items
                .merge(&o.items, slot * n_scale..(slot + 1) * n_scale);
        }
        if o.has_spilled() {
            if self.spilled.is_empty() {
                self.spilled = vec![ItemSums::default(); plan.role_slots * n_scale];
            }
            for (a, b) in self.spilled.iter_mut().zip(&o.spilled) {
                a.merge(b);
            }
        }
        let n_groups = plan.groups.len();
        for (i, (a, b)) in self.groups.iter_mut().zip(&o.groups).enumerate() {
            a.merge(b, plan.group_scale[i % n_groups] > 0);
        }
        for (a, b) in self.outcomes.iter_mut().zip(&o.outcomes) {
            a.n += b.n;
            a.fixed += b.fixed;
            a.float += b.float;
        }
        self.first = self.first.min(o.first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_have_exact_fixed_forms() {
        assert_eq!(fixed(12.5), Some(12_500_000_000));
        assert_eq!(fixed(-1.3), Some(-1_300_000_000));
        assert_eq!(fixed(0.1), Some(100_000_000));
        assert_eq!(fixed(0.000000001), Some(1));
        assert_eq!(fixed(70.0), Some(70_000_000_000));
        assert_eq!(fixed(-3e12), Some(-3_000_000_000_000_000_000_000));
        // More than nine places, or too large with a fraction: no exact form.
        assert_eq!(fixed(0.1234567891), None);
        assert_eq!(fixed(1.0 / 3.0), None);
        assert_eq!(fixed(2_000_000.5), None);
    }

    #[test]
    fn outcome_sums_do_not_depend_on_order() {
        // Values read as floats (from their `f64`) and as exact counts of
        // 10⁻⁹ sum the same way.
        let values = [
            Number::Float(0.1),
            Number::Float(0.2),
            Number::Nanos(300_000_000),
            Number::Float(-1.3),
            Number::Nanos(70_000_000_000),
            Number::Float(12.55),
            Number::Nanos(1),
        ];
        let mut a = OutcomeCell::default();
        let mut b = OutcomeCell::default();
        for v in values {
            assert!(a.add(v));
        }
        for v in values.iter().rev() {
            assert!(b.add(*v));
        }
        assert_eq!(a, b);
        // 0.1 + 0.2 + 0.3 + … in f64 would not be exact; the fixed sum is.
        assert_eq!(a.fixed, 81_850_000_001);
        // A value with no exact form is summed apart.
        assert!(!a.add(Number::Float(1.0 / 3.0)));
        assert_eq!((a.n, a.fixed, a.float), (8, 81_850_000_001, 1.0 / 3.0));
    }
}
