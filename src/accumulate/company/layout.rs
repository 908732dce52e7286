//! Where each count and sum of a company's record sits: the plan's
//! [`Layout`] of words (which cells are narrow, how many role blocks the
//! record holds itself).

use crate::accumulate::cells::{group, narrow_group, outcome};
use crate::accumulate::{items, Plan};

/// Where each count and sum of a company sits in its record of words.
///
/// ```text
/// first row's order key | role slots | respondents per slot | rows per
/// slot since its last spill | each slot's block position (16 bits each) |
/// outcome cells (2 words each) | up to two blocks, in the order the
/// company's roles first came: group cells (2 or 4 words each), then item
/// cells (1 or 2 words each)
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Layout {
    pub(super) slots: usize,
    pub(super) groups: usize,
    pub(super) outcomes: usize,
    pub(super) n_scale: usize,
    /// Are item cells narrow (one word)?
    pub(super) narrow: bool,
    /// Are group cells narrow (two words)?
    pub(super) narrow_groups: bool,
    /// Blocks kept in the record itself.
    pub(super) inline: usize,
}

/// Role blocks a record holds itself; more roles' blocks are kept apart.
const INLINE_BLOCKS: usize = 2;

impl Layout {
    pub(crate) fn new(plan: &Plan) -> Layout {
        let narrow = items::narrow(plan);
        let rows = items::rows_held(plan) as u64;
        let range = plan.range as u64;
        // Narrow group cells need exact sums, and room for every row a
        // company-role takes between spills.
        let narrow_groups = narrow
            && plan
                .group_scale
                .iter()
                .all(|&l| l > 0 && narrow_group::fits(rows, range.max(1).saturating_mul(l)));
        Layout {
            slots: plan.role_slots,
            groups: plan.groups.len(),
            outcomes: plan.n_outcomes,
            n_scale: plan.n_scale(),
            narrow,
            narrow_groups,
            inline: plan.role_slots.min(INLINE_BLOCKS),
        }
    }

    /// Are item cells narrow (one word)?
    pub(crate) fn narrow(&self) -> bool {
        self.narrow
    }

    /// Are group cells narrow (two words)?
    #[cfg(test)]
    pub(crate) fn narrow_groups(&self) -> bool {
        self.narrow_groups
    }

    pub(super) fn cell_words(&self) -> usize {
        if self.narrow {
            1
        } else {
            2
        }
    }

    pub(super) fn group_words(&self) -> usize {
        if self.narrow_groups {
            narrow_group::WORDS
        } else {
            group::WORDS
        }
    }

    pub(super) fn n_at(&self, slot: usize) -> usize {
        2 + slot
    }

    pub(super) fn fresh_at(&self, slot: usize) -> usize {
        2 + self.slots + slot
    }

    /// The word holding a slot's block position, and the shift to it.
    pub(super) fn position_at(&self, slot: usize) -> (usize, u32) {
        (2 + 2 * self.slots + slot / 4, 16 * (slot % 4) as u32)
    }

    pub(super) fn outcome_at(&self, j: usize) -> usize {
        2 + 2 * self.slots + self.slots.div_ceil(4) + outcome::WORDS * j
    }

    /// Words of a role's block.
    pub(super) fn block_words(&self) -> usize {
        self.group_words() * self.groups + self.cell_words() * self.n_scale
    }

    /// Where inline block `k` starts.
    pub(super) fn block_at(&self, k: usize) -> usize {
        self.outcome_at(self.outcomes) + k * self.block_words()
    }

    /// Where group `g`'s cell starts in a block.
    pub(super) fn group_in(&self, g: usize) -> usize {
        self.group_words() * g
    }

    /// Where a block's item cells start.
    pub(super) fn items_in(&self) -> usize {
        self.group_in(self.groups)
    }

    pub(super) fn item_in(&self, col: usize) -> usize {
        self.items_in() + self.cell_words() * col
    }

    /// Words of a record.
    pub(super) fn words(&self) -> usize {
        self.block_at(self.inline)
    }
}
