//! What is kept about one company while reading: exact item sums per role,
//! exact sums of respondent dimension means, outcome sums, and how these
//! sums are read back.
//!
//! Every sum is kept so that it does not depend on the order rows are added
//! in (integers, or fixed-point outcome values), which is what lets a file
//! be read in parts on several threads and the parts merged
//! ([`super::Accumulator::merge`]) with results identical to one pass.
//!
//! A company's counts and sums are one allocation of machine words laid out
//! by the plan ([`Layout`]): a row touches a few neighbouring cache lines of
//! one record (its counts, its outcome cells, and its role's group and item
//! cells side by side), not several allocations.

use super::items::{self, Step};
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

/// Where each count and sum of a company sits in its record of words.
///
/// ```text
/// first row's order key | role slots | respondents per slot | rows per
/// slot since its last spill | outcome cells (4 words each) | per slot:
/// group cells (4 words each), then item cells (1 or 2 words each)
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    slots: usize,
    groups: usize,
    outcomes: usize,
    n_scale: usize,
    /// Are item cells narrow (one word)?
    narrow: bool,
}

/// Words of a group cell: count, sum, and the sum of squares in two words.
const GROUP_WORDS: usize = 4;
/// Words of an outcome cell: count, the fixed-point sum in two words, the
/// sum of values with no fixed form (as `f64` bits).
const OUTCOME_WORDS: usize = 4;

impl Layout {
    pub(crate) fn new(plan: &Plan) -> Layout {
        Layout {
            slots: plan.role_slots,
            groups: plan.groups.len(),
            outcomes: plan.n_outcomes,
            n_scale: plan.n_scale(),
            narrow: items::narrow(plan),
        }
    }

    /// Are item cells narrow (one word)?
    pub(crate) fn narrow(&self) -> bool {
        self.narrow
    }

    fn cell_words(&self) -> usize {
        if self.narrow {
            1
        } else {
            2
        }
    }

    fn n_at(&self, slot: usize) -> usize {
        2 + slot
    }

    fn fresh_at(&self, slot: usize) -> usize {
        2 + self.slots + slot
    }

    fn outcome_at(&self, j: usize) -> usize {
        2 + 2 * self.slots + OUTCOME_WORDS * j
    }

    fn slot_words(&self) -> usize {
        GROUP_WORDS * self.groups + self.cell_words() * self.n_scale
    }

    fn slot_at(&self, slot: usize) -> usize {
        self.outcome_at(self.outcomes) + slot * self.slot_words()
    }

    fn group_at(&self, slot: usize, g: usize) -> usize {
        self.slot_at(slot) + GROUP_WORDS * g
    }

    /// Where the slot's item cells start.
    fn items_at(&self, slot: usize) -> usize {
        self.group_at(slot, self.groups)
    }

    fn item_at(&self, slot: usize, col: usize) -> usize {
        self.items_at(slot) + self.cell_words() * col
    }

    /// Words of a record.
    fn words(&self) -> usize {
        self.slot_at(self.slots)
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

/// A `u128` from two words (low first).
#[inline]
fn wide(w: &[u64]) -> u128 {
    w[0] as u128 | (w[1] as u128) << 64
}

/// Store a `u128` as two words (low first).
#[inline]
fn set_wide(w: &mut [u64], v: u128) {
    w[0] = v as u64;
    w[1] = (v >> 64) as u64;
}

/// Add `v` to the `f64` whose bits are `*w`.
#[inline]
fn add_float(w: &mut u64, v: f64) {
    *w = (f64::from_bits(*w) + v).to_bits();
}

/// A group cell (company × role × group): respondent means of the group
/// summed exactly, a mean `s / n` (`n` answers summing to `s`) added as the
/// integer `s × L / n`, `L` being a common multiple of every possible `n`
/// ([`Plan::group_scale`]). Groups too large for such an `L` (`exact`
/// false) keep `f64` sums (as bits) in the same words instead (then the
/// sums depend on row order). Words: count, sum, sum of squares (two).
mod group {
    use super::{add_float, set_wide, wide, MeanSums};

    /// Add the mean of `answered` answers summing to `total`; `factor` is
    /// `L / answered` when the sums are exact.
    #[inline]
    pub fn add(c: &mut [u64], exact: bool, factor: u64, answered: u64, total: u64) {
        c[0] += 1;
        if exact {
            let m = total * factor;
            c[1] += m;
            let sq = wide(&c[2..4]) + m as u128 * m as u128;
            set_wide(&mut c[2..4], sq);
        } else {
            let m = total as f64 / answered as f64;
            add_float(&mut c[1], m);
            add_float(&mut c[2], m * m);
        }
    }

    /// Add cell `o` to cell `c`.
    pub fn merge(c: &mut [u64], o: &[u64], exact: bool) {
        c[0] += o[0];
        if exact {
            c[1] += o[1];
            let sq = wide(&c[2..4]) + wide(&o[2..4]);
            set_wide(&mut c[2..4], sq);
        } else {
            add_float(&mut c[1], f64::from_bits(o[1]));
            add_float(&mut c[2], f64::from_bits(o[2]));
        }
    }

    /// The sums in offset units (`scale`: the group's `L`, 0 when inexact).
    pub fn read(c: &[u64], scale: u64) -> MeanSums {
        if scale == 0 {
            return MeanSums {
                n: c[0],
                sum: f64::from_bits(c[1]),
                sumsq: f64::from_bits(c[2]),
            };
        }
        let l = scale as f64;
        // Below 2⁶⁴ (nearly always), the same rounding as from `u128`,
        // without the slower wide conversion.
        let sumsq = match c[3] {
            0 => c[2] as f64,
            _ => wide(&c[2..4]) as f64,
        };
        MeanSums {
            n: c[0],
            sum: c[1] as f64 / l,
            sumsq: sumsq / (l * l),
        }
    }
}

/// An outcome cell (one outcome in one company). Words: count, the sum in
/// units of 10⁻⁹ as an `i128` (two words), and the sum of values with no
/// exact fixed form (`f64` bits; then the sum depends on row order).
mod outcome {
    use super::{add_float, fixed, set_wide, wide, Number};

    /// Add a value; `false` when it had no exact form.
    #[inline]
    pub fn add(c: &mut [u64], v: Number) -> bool {
        c[0] += 1;
        let f = match v {
            Number::Nanos(n) => n as i128,
            Number::Float(v) => match fixed(v) {
                Some(f) => f,
                None => {
                    add_float(&mut c[3], v);
                    return false;
                }
            },
        };
        let sum = wide(&c[1..3]) as i128 + f;
        set_wide(&mut c[1..3], sum as u128);
        true
    }

    /// Add cell `o` to cell `c`.
    pub fn merge(c: &mut [u64], o: &[u64]) {
        c[0] += o[0];
        let sum = wide(&c[1..3]) as i128 + wide(&o[1..3]) as i128;
        set_wide(&mut c[1..3], sum as u128);
        add_float(&mut c[3], f64::from_bits(o[3]));
    }

    /// Respondents reporting the outcome, and the fixed-point sum and the
    /// other values' sum.
    pub fn read(c: &[u64]) -> (u64, i128, f64) {
        (c[0], wide(&c[1..3]) as i128, f64::from_bits(c[3]))
    }
}

/// Everything kept about one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyAcc {
    /// Every count and sum but the spilled ones, laid out by [`Layout`].
    w: Box<[u64]>,
    /// What few companies have (none until needed), kept apart so that the
    /// list of companies stays three words an entry.
    extra: Option<Box<Extra>>,
}

/// The parts of a company's sums most companies never need.
#[derive(Debug, Clone, PartialEq, Default)]
struct Extra {
    /// What was spilled from the item cells before they could overflow,
    /// indexed `slot * n_scale + column` (none until the first spill).
    spilled: Option<Box<[ItemSums]>>,
    /// (value number, scored rows) of the declared segments' values
    /// ([`super::declared::DeclaredValues`]).
    declared: Vec<(u32, u64)>,
}

impl CompanyAcc {
    pub(super) fn new(plan: &Plan, first: u64) -> CompanyAcc {
        let mut w = vec![0u64; plan.layout.words()].into_boxed_slice();
        w[0] = first;
        w[1] = plan.role_slots as u64;
        CompanyAcc { w, extra: None }
    }

    /// The respondents of each role slot, in slot order.
    fn slot_words(&self) -> &[u64] {
        let slots = self.w[1] as usize;
        &self.w[2..2 + slots]
    }

    /// Respondents of the company, all roles.
    pub fn n(&self) -> u64 {
        self.slot_words().iter().sum()
    }

    /// Respondents of role slot `slot` (0 past the last slot).
    pub fn n_in(&self, slot: usize) -> u64 {
        self.slot_words().get(slot).copied().unwrap_or(0)
    }

    /// Respondents per role slot, in slot order ([`Plan::role_slots`]).
    pub fn slot_counts(&self) -> impl Iterator<Item = u64> + '_ {
        self.slot_words().iter().copied()
    }

    /// Read a word of each cache line a row of `slot` touches (its counts,
    /// outcome cells, and the slot's group and item cells): their sum.
    pub(super) fn warm(&self, plan: &Plan, slot: usize) -> u64 {
        let l = &plan.layout;
        let w = &self.w;
        let lines = |from: usize, to: usize| {
            let to = to.min(w.len());
            let mut sum = 0u64;
            let mut at = from;
            while at < to {
                sum = sum.wrapping_add(w[at]);
                at += 8;
            }
            sum.wrapping_add(w[to.max(from + 1) - 1])
        };
        let head = lines(0, l.outcome_at(l.outcomes));
        let cells = l.group_at(slot, 0);
        head.wrapping_add(lines(cells, l.item_at(slot, l.n_scale)))
    }

    /// Read a word of each cache line of the record (to have it in the
    /// cache before its figures are worked out): their sum.
    pub(crate) fn touch(&self) -> u64 {
        let mut sum = 0u64;
        for w in self.w.iter().step_by(8) {
            sum = sum.wrapping_add(*w);
        }
        sum
    }

    /// File-order key of the first row added (see [`crate::ingest::Row::order`]).
    pub(super) fn first(&self) -> u64 {
        self.w[0]
    }

    /// Note a row with file-order key `order` (rows may come out of file
    /// order: the earliest is kept).
    pub(super) fn note_order(&mut self, order: u64) {
        self.w[0] = self.w[0].min(order);
    }

    /// Rows of `slot` since its last spill.
    pub(super) fn fresh(&self, plan: &Plan, slot: usize) -> u64 {
        self.w[plan.layout.fresh_at(slot)]
    }

    /// Count a scored row of `slot`.
    pub(super) fn count_row(&mut self, plan: &Plan, slot: usize) {
        self.w[plan.layout.n_at(slot)] += 1;
        self.w[plan.layout.fresh_at(slot)] += 1;
    }

    /// The item cells of `slot` (`cell_words` words per scale column).
    #[inline]
    pub(super) fn items_mut(&mut self, plan: &Plan, slot: usize) -> &mut [u64] {
        let l = &plan.layout;
        let at = l.items_at(slot);
        &mut self.w[at..at + l.cell_words() * l.n_scale]
    }

    /// The group cells of `slot`.
    #[inline]
    pub(super) fn groups_mut(&mut self, plan: &Plan, slot: usize) -> &mut [u64] {
        let at = plan.layout.group_at(slot, 0);
        &mut self.w[at..at + GROUP_WORDS * plan.layout.groups]
    }

    /// Add a respondent mean to group cell `g` of a slot's `cells`
    /// ([`Self::groups_mut`]).
    #[inline]
    pub(super) fn add_mean(
        cells: &mut [u64],
        g: usize,
        exact: bool,
        factor: u64,
        answered: u64,
        total: u64,
    ) {
        group::add(
            &mut cells[GROUP_WORDS * g..GROUP_WORDS * (g + 1)],
            exact,
            factor,
            answered,
            total,
        );
    }

    /// Add a value of outcome `j`; `false` when it had no exact form.
    #[inline]
    pub(super) fn add_outcome(&mut self, plan: &Plan, j: usize, v: Number) -> bool {
        let at = plan.layout.outcome_at(j);
        outcome::add(&mut self.w[at..at + OUTCOME_WORDS], v)
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
        let mut t = match self.spilled() {
            Some(sp) => sp[slot * plan.n_scale() + col],
            None => ItemSums::default(),
        };
        let at = plan.layout.item_at(slot, col);
        t.merge(&items::read(&self.w[at..], plan.layout.narrow));
        t
    }

    /// What was spilled of the item cells, if anything was.
    fn spilled(&self) -> Option<&[ItemSums]> {
        self.extra.as_ref()?.spilled.as_deref()
    }

    /// The spilled sums, made (zero) if none were yet.
    fn spilled_mut(&mut self, plan: &Plan) -> &mut [ItemSums] {
        let extra = self.extra.get_or_insert_with(Box::default);
        let size = plan.role_slots * plan.n_scale();
        extra
            .spilled
            .get_or_insert_with(|| vec![ItemSums::default(); size].into())
    }

    /// (value number, scored rows) of the declared segments' values
    /// ([`super::declared::DeclaredValues`]).
    pub(super) fn declared(&self) -> &[(u32, u64)] {
        self.extra.as_ref().map_or(&[], |e| &e.declared)
    }

    /// The declared segments' values, to count or renumber.
    pub(super) fn declared_mut(&mut self) -> &mut Vec<(u32, u64)> {
        &mut self.extra.get_or_insert_with(Box::default).declared
    }

    /// Move a slot's item cells into the `u64` sums and restart them.
    pub(super) fn spill(&mut self, plan: &Plan, slot: usize) {
        let n_scale = plan.n_scale();
        let cells: Vec<ItemSums> = (0..n_scale)
            .map(|col| {
                items::read(
                    &self.w[plan.layout.item_at(slot, col)..],
                    plan.layout.narrow,
                )
            })
            .collect();
        let spilled = self.spilled_mut(plan);
        for (sum, cell) in spilled[slot * n_scale..].iter_mut().zip(&cells) {
            sum.merge(cell);
        }
        let l = &plan.layout;
        let at = l.items_at(slot);
        self.w[at..at + l.cell_words() * n_scale].fill(0);
        self.w[l.fresh_at(slot)] = 0;
    }

    /// Has any slot's item cells been spilled?
    #[cfg(test)]
    pub(super) fn has_spilled(&self) -> bool {
        self.spilled().is_some()
    }

    /// Sums of respondent means of group `g` among the slot's respondents.
    pub fn group(&self, plan: &Plan, slot: usize, g: usize) -> MeanSums {
        let at = plan.layout.group_at(slot, g);
        group::read(&self.w[at..at + GROUP_WORDS], plan.group_scale[g])
    }

    /// Group mean sums over all roles.
    pub fn group_total(&self, plan: &Plan, g: usize) -> MeanSums {
        let mut t = [0u64; GROUP_WORDS];
        let exact = plan.group_scale[g] > 0;
        for s in 0..plan.role_slots {
            let at = plan.layout.group_at(s, g);
            group::merge(&mut t, &self.w[at..at + GROUP_WORDS], exact);
        }
        group::read(&t, plan.group_scale[g])
    }

    /// Outcome `j`: respondents reporting it and the sum of their values.
    pub fn outcome(&self, plan: &Plan, j: usize) -> (u64, f64) {
        let at = plan.layout.outcome_at(j);
        let c = &self.w[at..at + OUTCOME_WORDS];
        let (n, fixed, float) = outcome::read(c);
        // When the high word only extends the low word's sign (below 2⁶³ in
        // magnitude, nearly always), the same number converted from `i64`:
        // the same rounding, without the slower wide conversion.
        let fixed = if c[2] == ((c[1] as i64) >> 63) as u64 {
            c[1] as i64 as f64
        } else {
            fixed as f64
        };
        (n, fixed / OUTCOME_UNIT + float)
    }

    /// Add everything of `o` (the same company, read elsewhere).
    pub(super) fn merge(&mut self, plan: &Plan, o: &CompanyAcc, spill_after: u32) {
        if !o.declared().is_empty() {
            super::declared::merge_counts(self.declared_mut(), o.declared());
        }
        let l = plan.layout;
        for slot in 0..plan.role_slots {
            self.w[l.n_at(slot)] += o.w[l.n_at(slot)];
            let fresh = o.w[l.fresh_at(slot)];
            if self.w[l.fresh_at(slot)] + fresh > spill_after as u64 {
                self.spill(plan, slot);
            }
            self.w[l.fresh_at(slot)] += fresh;
            // No lane carries: both cells hold at most `spill_after` rows
            // together.
            let at = l.items_at(slot);
            let cells = at..at + l.cell_words() * l.n_scale;
            for (a, b) in self.w[cells.clone()].iter_mut().zip(&o.w[cells]) {
                *a += b;
            }
            for g in 0..l.groups {
                let at = l.group_at(slot, g);
                let r = at..at + GROUP_WORDS;
                group::merge(&mut self.w[r.clone()], &o.w[r], plan.group_scale[g] > 0);
            }
        }
        if let Some(theirs) = o.spilled() {
            let mine = self.spilled_mut(plan);
            for (a, b) in mine.iter_mut().zip(theirs.iter()) {
                a.merge(b);
            }
        }
        for j in 0..l.outcomes {
            let at = l.outcome_at(j);
            let r = at..at + OUTCOME_WORDS;
            outcome::merge(&mut self.w[r.clone()], &o.w[r]);
        }
        self.note_order(o.first());
    }
}

/// Add a step to item cell `col` of a slot's `cells` ([`CompanyAcc::items_mut`]).
#[inline]
pub(super) fn add_step(cells: &mut [u64], col: usize, step: &Step, narrow: bool) {
    if narrow {
        cells[col] += step.narrow;
    } else {
        step.add_to(&mut cells[2 * col..], false);
    }
}

/// Take back a step added to item cell `col` of a slot's `cells`.
pub(super) fn take_step(cells: &mut [u64], col: usize, step: &Step, narrow: bool) {
    if narrow {
        step.take_from(&mut cells[col..], true);
    } else {
        step.take_from(&mut cells[2 * col..], false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The list of companies is what a row's lookup reads first: an entry
    /// is three words (the record and the rarely used extras).
    #[test]
    fn a_company_entry_is_three_words() {
        assert_eq!(std::mem::size_of::<CompanyAcc>(), 24);
    }

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
        let mut a = [0u64; OUTCOME_WORDS];
        let mut b = [0u64; OUTCOME_WORDS];
        for v in values {
            assert!(outcome::add(&mut a, v));
        }
        for v in values.iter().rev() {
            assert!(outcome::add(&mut b, *v));
        }
        assert_eq!(a, b);
        // 0.1 + 0.2 + 0.3 + … in f64 would not be exact; the fixed sum is.
        assert_eq!(outcome::read(&a).1, 81_850_000_001);
        // A value with no exact form is summed apart.
        assert!(!outcome::add(&mut a, Number::Float(1.0 / 3.0)));
        assert_eq!(outcome::read(&a), (8, 81_850_000_001, 1.0 / 3.0));
        // Negative sums and sums past 2⁶⁴ units keep their two words right.
        let mut c = [0u64; OUTCOME_WORDS];
        outcome::add(&mut c, Number::Float(-3e12));
        outcome::add(&mut c, Number::Float(-3e12));
        assert_eq!(outcome::read(&c).1, -6_000_000_000_000_000_000_000);
        outcome::merge(&mut c, &a);
        assert_eq!(
            outcome::read(&c),
            (
                10,
                -6_000_000_000_000_000_000_000 + 81_850_000_001,
                1.0 / 3.0
            )
        );
    }

    /// A company's outcome mean reads the same from a sum in one word's
    /// range and from one past it, negative or not.
    #[test]
    fn outcome_totals_read_alike_in_and_past_one_word() {
        let plan = Plan::new(&crate::instrument::Instrument::default_instrument());
        let mut c = CompanyAcc::new(&plan, 0);
        for v in [12.5, 0.25, -1.0] {
            assert!(c.add_outcome(&plan, 0, Number::Float(v)));
        }
        assert_eq!(c.outcome(&plan, 0), (3, 11.75));
        // −6e12 is −6e21 units of 10⁻⁹: past 2⁶³, in two words.
        for v in [-3e12, -3e12] {
            assert!(c.add_outcome(&plan, 1, Number::Float(v)));
        }
        assert_eq!(c.outcome(&plan, 1), (2, -6e12));
        for v in [3e12, 3e12, 3e12] {
            assert!(c.add_outcome(&plan, 2, Number::Float(v)));
        }
        assert_eq!(c.outcome(&plan, 2), (3, 9e12));
    }

    #[test]
    fn group_sums_of_squares_pass_two_to_the_sixty_four_exactly() {
        let mut c = [0u64; GROUP_WORDS];
        // m = 2³¹: m² = 2⁶²; five of them pass 2⁶⁴.
        for _ in 0..5 {
            group::add(&mut c, true, 1 << 21, 4, 1 << 10);
        }
        assert_eq!(wide(&c[2..4]), 5u128 << 62);
        let r = group::read(&c, 1);
        assert_eq!(
            (r.n, r.sum, r.sumsq),
            (5, 5.0 * 2f64.powi(31), 5.0 * 2f64.powi(62))
        );
        let mut twice = c;
        group::merge(&mut twice, &c, true);
        assert_eq!(wide(&twice[2..4]), 10u128 << 62);
    }
}
