//! Item cells: per scale column of a company-role, four sums (count, sum
//! and sum of squares of the reverse-coded offset, top-2-box count) packed
//! into machine words, and the steps that add an answer to one, worked out
//! once per scale point.
//!
//! Cells are as small as the scale allows: four 16-bit lanes in one `u64`
//! for scales of up to [`NARROW_POINTS`] points, four 32-bit lanes in two
//! `u64`s otherwise. An answer is added to a cell with plain `u64`
//! additions: no lane ever carries into the next, because a cell takes a
//! bounded number of rows ([`rows_held`]) before its owner moves the
//! company-role's cells into `u64` sums (the company's spill), so every sum
//! stays exact.

use super::{ItemSums, Plan};

/// Scales of up to this many points keep narrow (one-word) cells.
pub const NARROW_POINTS: usize = 16;

/// Does the plan's scale keep narrow cells?
pub fn narrow(plan: &Plan) -> bool {
    (plan.range as usize) < NARROW_POINTS
}

/// Rows a company-role takes before it must be spilled: one row adds at
/// most `range²` to a sum of squares, and no lane may pass its maximum.
pub fn rows_held(plan: &Plan) -> u32 {
    let r2 = (plan.range as u64 * plan.range as u64).max(1);
    let max = match narrow(plan) {
        true => u16::MAX as u64,
        false => u32::MAX as u64,
    };
    (max / r2) as u32
}

/// The four sums packed as a narrow cell (each below 2¹⁶).
fn pack_narrow(n: u64, sum: u64, sumsq: u64, top2: u64) -> u64 {
    n | sum << 16 | sumsq << 32 | top2 << 48
}

/// The four sums packed as a wide cell (each below 2³²).
fn pack_wide(n: u64, sum: u64, sumsq: u64, top2: u64) -> [u64; 2] {
    [n | sum << 32, sumsq | top2 << 32]
}

/// The sums of the cell starting at `cell[0]` (one word when narrow, two
/// when wide).
#[inline]
pub fn read(cell: &[u64], narrow: bool) -> ItemSums {
    if narrow {
        let w = cell[0];
        ItemSums {
            n: w & 0xFFFF,
            sum: w >> 16 & 0xFFFF,
            sumsq: w >> 32 & 0xFFFF,
            top2: w >> 48,
        }
    } else {
        let (a, b) = (cell[0], cell[1]);
        ItemSums {
            n: a & 0xFFFF_FFFF,
            sum: a >> 32,
            sumsq: b & 0xFFFF_FFFF,
            top2: b >> 32,
        }
    }
}

/// What a raw answer of a column adds, worked out once per scale point,
/// plain and reverse-coded.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// The sums as a wide cell.
    pub wide: [u64; 2],
    /// The same sums as a narrow cell (zero when the scale has none).
    pub narrow: u64,
    /// The answer reverse-coded as its column says.
    pub coded: u16,
}

impl Step {
    /// Every scale point's step: plain ones from 0, reverse-coded ones from
    /// `range + 1`.
    pub fn table(plan: &Plan) -> Vec<Step> {
        let (range, top2) = (plan.range, plan.top2_threshold());
        let is_narrow = narrow(plan);
        [false, true]
            .into_iter()
            .flat_map(|reverse| {
                (0..=range).map(move |raw| {
                    let v = if reverse { range - raw } else { raw };
                    let (w, t) = (v as u64, (raw >= top2) as u64);
                    Step {
                        wide: pack_wide(1, w, w * w, t),
                        // Narrow scales have range ≤ 15: every lane fits.
                        narrow: if is_narrow {
                            pack_narrow(1, w, w * w, t)
                        } else {
                            0
                        },
                        coded: v,
                    }
                })
            })
            .collect()
    }

    /// Add this step to the cell at `cell[0]`.
    #[inline]
    pub fn add_to(&self, cell: &mut [u64], narrow: bool) {
        if narrow {
            cell[0] += self.narrow;
        } else {
            cell[0] += self.wide[0];
            cell[1] += self.wide[1];
        }
    }

    /// Take this step (added before) back off the cell at `cell[0]`.
    pub fn take_from(&self, cell: &mut [u64], narrow: bool) {
        if narrow {
            cell[0] -= self.narrow;
        } else {
            cell[0] -= self.wide[0];
            cell[1] -= self.wide[1];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::Instrument;

    #[test]
    fn steps_reverse_code_and_count_the_top_two_boxes() {
        let plan = Plan::new(&Instrument::default_instrument());
        let steps = Step::table(&plan);
        // 1–5 scale: raw offsets 0..=4, plain then reverse-coded.
        assert_eq!(steps.len(), 10);
        let lanes = |s: &[Step]| -> Vec<(u16, u64, u64, u64)> {
            s.iter()
                .map(|s| {
                    let r = read(&s.wide, false);
                    (s.coded, r.sum, r.sumsq, r.top2)
                })
                .collect()
        };
        assert_eq!(
            lanes(&steps[..5]),
            [
                (0, 0, 0, 0),
                (1, 1, 1, 0),
                (2, 2, 4, 0),
                (3, 3, 9, 1),
                (4, 4, 16, 1)
            ]
        );
        // Top-2-box is of the raw answer, before reverse-coding.
        assert_eq!(
            lanes(&steps[5..]),
            [
                (4, 4, 16, 0),
                (3, 3, 9, 0),
                (2, 2, 4, 0),
                (1, 1, 1, 1),
                (0, 0, 0, 1)
            ]
        );
        assert!(steps.iter().all(
            |s| read(&s.wide, false).n == 1 && read(&[s.narrow], true) == read(&s.wide, false)
        ));
        assert!(narrow(&plan));
        let mut cell = [0u64];
        steps[3].add_to(&mut cell, true);
        steps[9].add_to(&mut cell, true);
        steps[1].add_to(&mut cell, true);
        steps[1].take_from(&mut cell, true);
        let want = ItemSums {
            n: 2,
            sum: 3,
            sumsq: 9,
            top2: 2,
        };
        assert_eq!(read(&cell, true), want);
    }

    /// A cell filled to its row limit with the largest answer holds every
    /// lane at its exact value: no lane carries into the next.
    #[test]
    fn full_cells_keep_every_lane_exact() {
        for (max, narrow_cells) in [(5i64, true), (16, true), (17, false), (101, false)] {
            let mut inst = Instrument::default_instrument();
            inst.scale.min = 1;
            inst.scale.max = max;
            let plan = Plan::new(&inst);
            assert_eq!(narrow(&plan), narrow_cells, "1–{max}");
            let steps = Step::table(&plan);
            let rows = rows_held(&plan) as u64;
            let top = &steps[plan.range as usize];
            let mut cell = [0u64; 2];
            for _ in 0..rows {
                top.add_to(&mut cell, narrow_cells);
            }
            let r = plan.range as u64;
            let want = ItemSums {
                n: rows,
                sum: rows * r,
                sumsq: rows * r * r,
                top2: rows,
            };
            assert_eq!(read(&cell, narrow_cells), want, "1–{max}");
        }
    }

    #[test]
    fn cells_are_as_narrow_as_the_scale_allows() {
        let mut inst = Instrument::default_instrument();
        let plan = Plan::new(&inst);
        // 1–5: a row adds at most 16 to a sum of squares.
        assert_eq!(rows_held(&plan), 65535 / 16);
        inst.scale.min = 0;
        inst.scale.max = 15;
        let plan = Plan::new(&inst);
        assert!(narrow(&plan));
        assert_eq!(rows_held(&plan), 65535 / 225);
        inst.scale.max = 16;
        let plan = Plan::new(&inst);
        assert!(!narrow(&plan));
        assert_eq!(rows_held(&plan), u32::MAX / 256);
        let steps = Step::table(&plan);
        let mut cell = [0u64; 2];
        steps[16].add_to(&mut cell, false);
        assert_eq!(read(&cell, false).sumsq, 256);
    }
}
