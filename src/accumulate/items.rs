//! What one answer adds to the item sums of its company-role: a cell of
//! four `u32` sums per scale column (count, sum and sum of squares of the
//! reverse-coded offset, top-2-box count), and the steps that add an
//! answer to one, worked out once per scale point.

use super::{ItemSums, Plan};

/// The item sums of one scale column in one company-role since the last
/// spill (see [`super::CompanyAcc`]).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[repr(C, align(16))]
pub struct Cell32 {
    pub n: u32,
    pub sum: u32,
    pub sumsq: u32,
    pub top2: u32,
}

impl Cell32 {
    #[inline]
    pub fn add(&mut self, o: &Cell32) {
        self.n += o.n;
        self.sum += o.sum;
        self.sumsq += o.sumsq;
        self.top2 += o.top2;
    }

    pub fn sub(&mut self, o: &Cell32) {
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

/// What a raw answer of a column adds, worked out once per scale point,
/// plain and reverse-coded.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    /// Its four sums.
    pub cell: Cell32,
    /// The answer reverse-coded as its column says.
    pub coded: u16,
}

impl Step {
    /// Every scale point's step: plain ones from 0, reverse-coded ones from
    /// `range + 1`.
    pub fn table(plan: &Plan) -> Vec<Step> {
        let (range, top2) = (plan.range, plan.top2_threshold());
        [false, true]
            .into_iter()
            .flat_map(|reverse| {
                (0..=range).map(move |raw| {
                    let v = if reverse { range - raw } else { raw };
                    let w = v as u32;
                    Step {
                        cell: Cell32 {
                            n: 1,
                            sum: w,
                            sumsq: w * w,
                            top2: (raw >= top2) as u32,
                        },
                        coded: v,
                    }
                })
            })
            .collect()
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
        let plain: Vec<(u16, u32, u32, u32)> = steps[..5]
            .iter()
            .map(|s| (s.coded, s.cell.sum, s.cell.sumsq, s.cell.top2))
            .collect();
        assert_eq!(
            plain,
            [
                (0, 0, 0, 0),
                (1, 1, 1, 0),
                (2, 2, 4, 0),
                (3, 3, 9, 1),
                (4, 4, 16, 1)
            ]
        );
        let rev: Vec<(u16, u32, u32, u32)> = steps[5..]
            .iter()
            .map(|s| (s.coded, s.cell.sum, s.cell.sumsq, s.cell.top2))
            .collect();
        // Top-2-box is of the raw answer, before reverse-coding.
        assert_eq!(
            rev,
            [
                (4, 4, 16, 0),
                (3, 3, 9, 0),
                (2, 2, 4, 0),
                (1, 1, 1, 1),
                (0, 0, 0, 1)
            ]
        );
        assert!(steps.iter().all(|s| s.cell.n == 1));
        let mut c = Cell32::default();
        c.add(&steps[3].cell);
        c.add(&steps[9].cell);
        assert_eq!(
            c,
            Cell32 {
                n: 2,
                sum: 3,
                sumsq: 9,
                top2: 2
            }
        );
    }
}
