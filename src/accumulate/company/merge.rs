//! Moving a company-role's cells into the wide sums before they could
//! overflow (a spill), and adding the sums of the same company read
//! elsewhere (a merge of parts).

use super::{group, narrow_group, outcome, outcome_wide, CompanyAcc, ItemSums, Plan};
use crate::accumulate::items;

impl CompanyAcc {
    /// Move a slot's item cells (and narrow group cells) into the wide sums
    /// and restart them.
    pub(in crate::accumulate) fn spill(&mut self, plan: &Plan, slot: usize) {
        let l = plan.layout;
        self.w[l.fresh_at(slot)] = 0;
        let Some(block) = self.block(plan, slot) else {
            return;
        };
        let cells: Vec<ItemSums> = (0..l.n_scale)
            .map(|col| items::read(&block[l.item_in(col)..], l.narrow))
            .collect();
        let groups: Vec<[u64; group::WORDS]> = match l.narrow_groups {
            true => (0..l.groups)
                .map(|g| narrow_group::widen(&block[l.group_in(g)..]))
                .collect(),
            false => Vec::new(),
        };
        let extra = self.extra.get_or_insert_with(Box::default);
        let spilled = extra
            .spilled
            .get_or_insert_with(|| vec![ItemSums::default(); l.slots * l.n_scale].into());
        for (sum, cell) in spilled[slot * l.n_scale..].iter_mut().zip(&cells) {
            sum.merge(cell);
        }
        if l.narrow_groups {
            let wide = extra
                .groups
                .get_or_insert_with(|| vec![0; l.slots * l.groups * group::WORDS].into());
            let mine = &mut wide[slot * l.groups * group::WORDS..];
            for (sum, cell) in mine.chunks_exact_mut(group::WORDS).zip(&groups) {
                group::merge(sum, cell, true);
            }
        }
        let block = self.block_mut(plan, slot);
        block[l.items_in()..].fill(0);
        if l.narrow_groups {
            block[..l.items_in()].fill(0);
        }
    }

    /// Add everything of `o` (the same company, read elsewhere).
    pub(in crate::accumulate) fn merge(&mut self, plan: &Plan, o: &CompanyAcc, spill_after: u32) {
        if !o.declared().is_empty() {
            crate::accumulate::declared::merge_counts(self.declared_mut(), o.declared());
        }
        let l = plan.layout;
        for slot in 0..plan.role_slots {
            self.w[l.n_at(slot)] += o.w[l.n_at(slot)];
            let fresh = o.w[l.fresh_at(slot)];
            if self.w[l.fresh_at(slot)] + fresh > spill_after as u64 {
                self.spill(plan, slot);
            }
            self.w[l.fresh_at(slot)] += fresh;
            let Some(theirs) = o.block(plan, slot) else {
                continue;
            };
            // No lane carries: both cells hold at most `spill_after` rows
            // together.
            let mine = self.block_mut(plan, slot);
            let (mine_groups, mine_items) = mine.split_at_mut(l.items_in());
            let (their_groups, their_items) = theirs.split_at(l.items_in());
            for (a, b) in mine_items.iter_mut().zip(their_items) {
                *a += b;
            }
            let w = l.group_words();
            let cells = mine_groups
                .chunks_exact_mut(w)
                .zip(their_groups.chunks_exact(w));
            for (g, (a, b)) in cells.enumerate() {
                match l.narrow_groups {
                    true => narrow_group::merge(a, b),
                    false => group::merge(a, b, plan.group_scale[g] > 0),
                }
            }
        }
        self.merge_extra(plan, o);
        for j in 0..l.outcomes {
            let at = l.outcome_at(j);
            self.w[at] += o.w[at];
            let f = o.w[at + 1] as i64 as i128;
            if !outcome::add_fixed(&mut self.w[at..at + outcome::WORDS], f) {
                outcome_wide::add_fixed(self.outcomes_mut(plan, j), f);
            }
        }
        self.note_order(o.first());
    }

    /// Add the spilled and wide sums of `o`.
    fn merge_extra(&mut self, plan: &Plan, o: &CompanyAcc) {
        let Some(theirs) = o.extra.as_deref() else {
            return;
        };
        let l = plan.layout;
        if let Some(sp) = &theirs.spilled {
            let extra = self.extra.get_or_insert_with(Box::default);
            let mine = extra
                .spilled
                .get_or_insert_with(|| vec![ItemSums::default(); sp.len()].into());
            for (a, b) in mine.iter_mut().zip(sp.iter()) {
                a.merge(b);
            }
        }
        if let Some(g) = &theirs.groups {
            let extra = self.extra.get_or_insert_with(Box::default);
            let mine = extra.groups.get_or_insert_with(|| vec![0; g.len()].into());
            let cells = mine
                .chunks_exact_mut(group::WORDS)
                .zip(g.chunks_exact(group::WORDS));
            for (a, b) in cells {
                group::merge(a, b, true);
            }
        }
        if let Some(out) = &theirs.outcomes {
            for j in 0..l.outcomes {
                let at = outcome_wide::WORDS * j;
                outcome_wide::merge(
                    self.outcomes_mut(plan, j),
                    &out[at..at + outcome_wide::WORDS],
                );
            }
        }
    }
}
