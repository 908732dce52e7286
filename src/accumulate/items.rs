//! The item sums of a company-role since their last spill: per scale
//! column, a cell of four sums (count, sum and sum of squares of the
//! reverse-coded offset, top-2-box count), and the steps that add an answer
//! to one, worked out once per scale point.
//!
//! Cells are as small as the scale allows: four `u16` lanes (8 bytes) for
//! scales of up to [`NARROW_POINTS`] points, four `u32` lanes otherwise.
//! Either takes a bounded number of rows ([`Items::rows_held`]); before more
//! come, the owner moves a company-role's cells into `u64` sums
//! ([`super::CompanyAcc`]'s spill), so every sum stays exact.

use super::{ItemSums, Plan};

/// Scales of up to this many points keep `u16` cells.
pub const NARROW_POINTS: usize = 16;

macro_rules! cell {
    ($name:ident, $t:ty, $align:literal) => {
        /// The four sums of one scale column in one company-role.
        #[derive(Debug, Clone, Copy, Default, PartialEq)]
        #[repr(C, align($align))]
        pub struct $name {
            pub n: $t,
            pub sum: $t,
            pub sumsq: $t,
            pub top2: $t,
        }

        impl $name {
            #[inline]
            pub fn add(&mut self, o: &$name) {
                self.n += o.n;
                self.sum += o.sum;
                self.sumsq += o.sumsq;
                self.top2 += o.top2;
            }

            pub fn sub(&mut self, o: &$name) {
                self.n -= o.n;
                self.sum -= o.sum;
                self.sumsq -= o.sumsq;
                self.top2 -= o.top2;
            }

            pub fn wide(self) -> ItemSums {
                ItemSums {
                    n: self.n as u64,
                    sum: self.sum as u64,
                    sumsq: self.sumsq as u64,
                    top2: self.top2 as u64,
                }
            }
        }
    };
}

cell!(Cell16, u16, 8);
cell!(Cell32, u32, 16);

/// What a raw answer of a column adds, worked out once per scale point,
/// plain and reverse-coded.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub wide: Cell32,
    /// The same sums, for narrow cells (zero when the scale has none).
    pub narrow: Cell16,
    /// The answer reverse-coded as its column says.
    pub coded: u16,
}

impl Step {
    /// Every scale point's step: plain ones from 0, reverse-coded ones from
    /// `range + 1`.
    pub fn table(plan: &Plan) -> Vec<Step> {
        let (range, top2) = (plan.range, plan.top2_threshold());
        let narrow = Items::narrow(plan);
        [false, true]
            .into_iter()
            .flat_map(|reverse| {
                (0..=range).map(move |raw| {
                    let v = if reverse { range - raw } else { raw };
                    let (w, t) = (v as u32, (raw >= top2) as u32);
                    let wide = Cell32 {
                        n: 1,
                        sum: w,
                        sumsq: w * w,
                        top2: t,
                    };
                    // Narrow scales have range ≤ 15: every lane fits.
                    let narrow = match narrow {
                        true => Cell16 {
                            n: 1,
                            sum: w as u16,
                            sumsq: (w * w) as u16,
                            top2: t as u16,
                        },
                        false => Cell16::default(),
                    };
                    Step {
                        wide,
                        narrow,
                        coded: v,
                    }
                })
            })
            .collect()
    }
}

/// A company's cells, every role slot, indexed `slot * n_scale + column`.
#[derive(Debug, Clone, PartialEq)]
pub enum Items {
    Narrow(Vec<Cell16>),
    Wide(Vec<Cell32>),
}

impl Items {
    /// Does the plan's scale keep narrow cells?
    pub fn narrow(plan: &Plan) -> bool {
        (plan.range as usize) < NARROW_POINTS
    }

    pub fn new(plan: &Plan) -> Items {
        let cells = plan.role_slots * plan.n_scale();
        match Items::narrow(plan) {
            true => Items::Narrow(vec![Cell16::default(); cells]),
            false => Items::Wide(vec![Cell32::default(); cells]),
        }
    }

    /// Rows a company-role takes before it must be spilled: one row adds at
    /// most `range²` to a sum of squares.
    pub fn rows_held(plan: &Plan) -> u32 {
        let r2 = (plan.range as u64 * plan.range as u64).max(1);
        let max = match Items::narrow(plan) {
            true => u16::MAX as u64,
            false => u32::MAX as u64,
        };
        (max / r2) as u32
    }

    /// Add one answer to cell `at`.
    #[inline]
    pub fn add(&mut self, at: usize, step: &Step) {
        match self {
            Items::Narrow(c) => c[at].add(&step.narrow),
            Items::Wide(c) => c[at].add(&step.wide),
        }
    }

    /// Take back an answer added to cell `at`.
    pub fn sub(&mut self, at: usize, step: &Step) {
        match self {
            Items::Narrow(c) => c[at].sub(&step.narrow),
            Items::Wide(c) => c[at].sub(&step.wide),
        }
    }

    /// The sums of cell `at`.
    #[inline]
    pub fn read(&self, at: usize) -> ItemSums {
        match self {
            Items::Narrow(c) => c[at].wide(),
            Items::Wide(c) => c[at].wide(),
        }
    }

    /// Restart the cells `cells` (once read into a spill).
    pub fn clear(&mut self, cells: std::ops::Range<usize>) {
        match self {
            Items::Narrow(c) => c[cells].fill(Cell16::default()),
            Items::Wide(c) => c[cells].fill(Cell32::default()),
        }
    }

    /// Add the cells `cells` of `o` (of the same plan) to these.
    pub fn merge(&mut self, o: &Items, cells: std::ops::Range<usize>) {
        match (self, o) {
            (Items::Narrow(a), Items::Narrow(b)) => {
                for (a, b) in a[cells.clone()].iter_mut().zip(&b[cells]) {
                    a.add(b);
                }
            }
            (Items::Wide(a), Items::Wide(b)) => {
                for (a, b) in a[cells.clone()].iter_mut().zip(&b[cells]) {
                    a.add(b);
                }
            }
            // The same plan always makes the same kind of cell.
            _ => unreachable!("cells of two widths merged"),
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
        let lanes = |s: &[Step]| -> Vec<(u16, u32, u32, u32)> {
            s.iter()
                .map(|s| (s.coded, s.wide.sum, s.wide.sumsq, s.wide.top2))
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
        assert!(steps
            .iter()
            .all(|s| s.wide.n == 1 && s.narrow.wide() == s.wide.wide()));
        let mut items = Items::new(&plan);
        assert!(matches!(items, Items::Narrow(_)));
        items.add(3, &steps[3]);
        items.add(3, &steps[9]);
        items.add(3, &steps[1]);
        items.sub(3, &steps[1]);
        let want = ItemSums {
            n: 2,
            sum: 3,
            sumsq: 9,
            top2: 2,
        };
        assert_eq!(items.read(3), want);
        let mut twice = items.clone();
        twice.merge(&items, 0..plan.n_scale());
        assert_eq!(twice.read(3).sumsq, 18);
        twice.clear(0..plan.n_scale());
        assert_eq!(twice, Items::new(&plan));
    }

    #[test]
    fn cells_are_as_narrow_as_the_scale_allows() {
        let mut inst = Instrument::default_instrument();
        let plan = Plan::new(&inst);
        // 1–5: a row adds at most 16 to a sum of squares.
        assert_eq!(Items::rows_held(&plan), 65535 / 16);
        inst.scale.min = 0;
        inst.scale.max = 15;
        let plan = Plan::new(&inst);
        assert!(matches!(Items::new(&plan), Items::Narrow(_)));
        assert_eq!(Items::rows_held(&plan), 65535 / 225);
        inst.scale.max = 16;
        let plan = Plan::new(&inst);
        assert!(matches!(Items::new(&plan), Items::Wide(_)));
        assert_eq!(Items::rows_held(&plan), u32::MAX / 256);
        let steps = Step::table(&plan);
        let mut items = Items::new(&plan);
        items.add(0, &steps[16]);
        assert_eq!(items.read(0).sumsq, 256);
    }
}
