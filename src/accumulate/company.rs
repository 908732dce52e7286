//! What is kept about one company while reading: exact item sums per role,
//! exact sums of respondent dimension means, outcome sums, and how these
//! sums are read back.
//!
//! A company's counts and sums are one allocation of machine words laid out
//! by the plan ([`Layout`]): a row touches a few neighbouring cache lines of
//! one record (its counts, its outcome cells, and its role's group and item
//! cells side by side), not several allocations. A role's cells (its
//! block) are there only once the company has a row of that role: the
//! record holds the first two roles' blocks, and the few companies with
//! more roles keep the others with their extras. Cell formats are in
//! `cells` (groups, outcomes) and `items`.

use super::cells::{fixed_form, group, narrow_group, outcome, outcome_wide, OUTCOME_UNIT};
use super::items::{self, Step};
use super::Plan;
use crate::ingest::Number;

mod layout;
mod merge;

pub(crate) use layout::Layout;

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

/// Everything kept about one company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyAcc {
    /// Every count and sum but the ones kept apart, laid out by [`Layout`].
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
    /// What was spilled from narrow group cells, as wide cells, indexed
    /// `slot * groups + group` (none until the first spill).
    groups: Option<Box<[u64]>>,
    /// Wide outcome sums ([`outcome_wide`]; none until needed).
    outcomes: Option<Box<[u64]>>,
    /// The blocks of roles past the record's own, in position order.
    blocks: Box<[u64]>,
    /// (value number, scored rows) of the declared segments' values
    /// ([`super::declared::DeclaredValues`]).
    declared: Vec<(u32, u64)>,
}

/// Ask for each cache line of `w[from..to]`, without waiting for them.
#[inline]
fn prefetch_lines(w: &[u64], from: usize, to: usize) {
    let to = to.min(w.len());
    let mut at = from;
    while at < to {
        prefetch(&w[at]);
        at += 8;
    }
    if from < to {
        prefetch(&w[to - 1]);
    }
}

/// Ask for the cache line of `word` without waiting for it: a hint, which
/// changes nothing (and does nothing where the instruction is not known).
#[inline(always)]
fn prefetch(word: &u64) {
    #[cfg(target_arch = "x86_64")]
    safe_arch::prefetch_t0(word);
    #[cfg(not(target_arch = "x86_64"))]
    let _ = word;
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

    /// The position of a slot's block, if the slot has one.
    #[inline]
    fn position(&self, l: &Layout, slot: usize) -> Option<usize> {
        let (at, shift) = l.position_at(slot);
        let p = (self.w[at] >> shift) as u16;
        (p != 0).then(|| p as usize - 1)
    }

    /// A slot's block, if it has one.
    #[inline]
    fn block(&self, plan: &Plan, slot: usize) -> Option<&[u64]> {
        let l = &plan.layout;
        let k = self.position(l, slot)?;
        let words = l.block_words();
        if k < l.inline {
            let at = l.block_at(k);
            return Some(&self.w[at..at + words]);
        }
        let at = (k - l.inline) * words;
        self.extra.as_ref()?.blocks.get(at..at + words)
    }

    /// A slot's block, made (zero) if it had none.
    #[inline]
    fn block_mut(&mut self, plan: &Plan, slot: usize) -> &mut [u64] {
        let l = &plan.layout;
        let words = l.block_words();
        let k = match self.position(l, slot) {
            Some(k) => k,
            None => self.new_block(l, slot),
        };
        if k < l.inline {
            let at = l.block_at(k);
            return &mut self.w[at..at + words];
        }
        let at = (k - l.inline) * words;
        let extra = self.extra.get_or_insert_with(Box::default);
        &mut extra.blocks[at..at + words]
    }

    /// Give a slot the next block position (and the block's words, when it
    /// is past the record's own).
    #[cold]
    fn new_block(&mut self, l: &Layout, slot: usize) -> usize {
        let k = (0..l.slots)
            .filter(|&s| self.position(l, s).is_some())
            .count();
        let (at, shift) = l.position_at(slot);
        self.w[at] |= (k as u64 + 1) << shift;
        if k >= l.inline {
            let extra = self.extra.get_or_insert_with(Box::default);
            let mut blocks = std::mem::take(&mut extra.blocks).into_vec();
            blocks.resize(blocks.len() + l.block_words(), 0);
            extra.blocks = blocks.into_boxed_slice();
        }
        k
    }

    /// Ask for the cache lines of the record's counts and outcome cells
    /// (which every row touches, and which say where the role blocks are),
    /// without waiting for them.
    pub(super) fn prefetch_head(&self, plan: &Plan) {
        let l = &plan.layout;
        prefetch_lines(&self.w, 0, l.outcome_at(l.outcomes));
    }

    /// Ask for the cache lines of `slot`'s group and item cells, if it has
    /// them, without waiting for them (best once the head is in the cache:
    /// see [`Self::prefetch_head`]).
    pub(super) fn prefetch_block(&self, plan: &Plan, slot: usize) {
        if let Some(b) = self.block(plan, slot) {
            prefetch_lines(b, 0, b.len());
        }
    }

    /// Ask for every cache line of the record (and of the blocks beside
    /// it) without waiting for them, some companies before its figures
    /// are worked out.
    pub(crate) fn prefetch(&self) {
        prefetch_lines(&self.w, 0, self.w.len());
        if let Some(e) = &self.extra {
            prefetch_lines(&e.blocks, 0, e.blocks.len());
        }
    }

    /// Words in the record (read from the list entry, not the record).
    pub(super) fn words(&self) -> usize {
        self.w.len()
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
        let at = plan.layout.items_in();
        &mut self.block_mut(plan, slot)[at..]
    }

    /// The group cells of `slot`.
    #[inline]
    pub(super) fn groups_mut(&mut self, plan: &Plan, slot: usize) -> &mut [u64] {
        let at = plan.layout.items_in();
        &mut self.block_mut(plan, slot)[..at]
    }

    /// Add a respondent mean to group cell `g` of a slot's `cells`
    /// ([`Self::groups_mut`]) laid out by `plan`.
    #[inline]
    pub(super) fn add_mean(
        plan: &Plan,
        cells: &mut [u64],
        g: usize,
        factor: u64,
        answered: u64,
        total: u64,
    ) {
        let l = &plan.layout;
        let cell = &mut cells[l.group_in(g)..l.group_in(g + 1)];
        if l.narrow_groups {
            narrow_group::add(cell, factor, total);
        } else {
            group::add(cell, plan.group_scale[g] > 0, factor, answered, total);
        }
    }

    /// Add a value of outcome `j`; `false` when it had no exact form.
    #[inline]
    pub(super) fn add_outcome(&mut self, plan: &Plan, j: usize, v: Number) -> bool {
        let at = plan.layout.outcome_at(j);
        let c = &mut self.w[at..at + outcome::WORDS];
        c[0] += 1;
        match fixed_form(v) {
            Ok(f) => {
                if !outcome::add_fixed(c, f) {
                    outcome_wide::add_fixed(self.outcomes_mut(plan, j), f);
                }
                true
            }
            Err(v) => {
                outcome_wide::add_float_value(self.outcomes_mut(plan, j), v);
                false
            }
        }
    }

    /// Outcome `j`'s wide sums, made (zero) if there were none.
    #[cold]
    fn outcomes_mut(&mut self, plan: &Plan, j: usize) -> &mut [u64] {
        let extra = self.extra.get_or_insert_with(Box::default);
        let all = extra
            .outcomes
            .get_or_insert_with(|| vec![0; outcome_wide::WORDS * plan.n_outcomes].into());
        &mut all[outcome_wide::WORDS * j..outcome_wide::WORDS * (j + 1)]
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
        if let Some(b) = self.block(plan, slot) {
            let at = plan.layout.item_in(col);
            t.merge(&items::read(&b[at..], plan.layout.narrow));
        }
        t
    }

    /// Add role slot `slot`'s item sums of every scale column to `sums`
    /// (one per column): [`Self::item`] for all columns at once.
    pub fn add_items_of(&self, plan: &Plan, slot: usize, sums: &mut [ItemSums]) {
        let n_scale = plan.n_scale();
        if let Some(sp) = self.spilled() {
            for (t, s) in sums
                .iter_mut()
                .zip(&sp[slot * n_scale..(slot + 1) * n_scale])
            {
                t.merge(s);
            }
        }
        let Some(b) = self.block(plan, slot) else {
            return;
        };
        let l = &plan.layout;
        let cells = b[l.items_in()..].chunks_exact(l.cell_words());
        for (t, cell) in sums.iter_mut().zip(cells) {
            t.merge(&items::read(cell, l.narrow));
        }
    }

    /// What was spilled of the item cells, if anything was.
    fn spilled(&self) -> Option<&[ItemSums]> {
        self.extra.as_ref()?.spilled.as_deref()
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

    /// Role blocks kept with the extras (past the record's own).
    #[cfg(test)]
    pub(super) fn blocks_apart(&self, plan: &Plan) -> usize {
        let words = self.extra.as_ref().map_or(0, |e| e.blocks.len());
        words / plan.layout.block_words()
    }

    /// Has any slot's item cells been spilled?
    #[cfg(test)]
    pub(super) fn has_spilled(&self) -> bool {
        self.spilled().is_some()
    }

    /// Group `g` of a slot as a wide cell: its cell and what was spilled.
    fn group_cell(&self, plan: &Plan, slot: usize, g: usize) -> [u64; group::WORDS] {
        let l = &plan.layout;
        let mut t = [0u64; group::WORDS];
        let exact = plan.group_scale[g] > 0;
        if let Some(wide) = self.extra.as_ref().and_then(|e| e.groups.as_deref()) {
            let at = (slot * l.groups + g) * group::WORDS;
            group::merge(&mut t, &wide[at..at + group::WORDS], exact);
        }
        if let Some(b) = self.block(plan, slot) {
            let cell = &b[l.group_in(g)..l.group_in(g + 1)];
            match l.narrow_groups {
                true => group::merge(&mut t, &narrow_group::widen(cell), true),
                false => group::merge(&mut t, cell, exact),
            }
        }
        t
    }

    /// Sums of respondent means of group `g` among the slot's respondents.
    pub fn group(&self, plan: &Plan, slot: usize, g: usize) -> MeanSums {
        group::read(&self.group_cell(plan, slot, g), plan.group_scale[g])
    }

    /// Group mean sums over all roles.
    pub fn group_total(&self, plan: &Plan, g: usize) -> MeanSums {
        let mut t = [0u64; group::WORDS];
        let exact = plan.group_scale[g] > 0;
        for s in 0..plan.role_slots {
            group::merge(&mut t, &self.group_cell(plan, s, g), exact);
        }
        group::read(&t, plan.group_scale[g])
    }

    /// Outcome `j`: respondents reporting it and the sum of their values.
    pub fn outcome(&self, plan: &Plan, j: usize) -> (u64, f64) {
        let at = plan.layout.outcome_at(j);
        let (n, sum) = (self.w[at], self.w[at + 1] as i64);
        let wide = self.extra.as_ref().and_then(|e| e.outcomes.as_deref());
        let Some(all) = wide else {
            return (n, sum as f64 / OUTCOME_UNIT);
        };
        let (fixed, float) = outcome_wide::read(&all[outcome_wide::WORDS * j..]);
        // The same exact total converts to the same `f64` whichever way.
        let fixed = fixed + sum as i128;
        let fixed = match i64::try_from(fixed) {
            Ok(f) => f as f64,
            Err(_) => fixed as f64,
        };
        (n, fixed / OUTCOME_UNIT + float)
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
mod tests;
