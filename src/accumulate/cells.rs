//! The formats of a company's group and outcome cells (item cells are in
//! `items`), and the exact fixed-point form of outcome values.
//!
//! Every sum is kept so that it does not depend on the order rows are added
//! in (integers, or fixed-point outcome values), which is what lets a file
//! be read in parts on several threads and the parts merged with results
//! identical to one pass. Cells in the record are as narrow as the plan
//! allows; what could outgrow them is moved to wide sums kept apart (the
//! company's spill), so every sum stays exact.

use super::company::MeanSums;
use crate::ingest::Number;

/// Outcome values are summed in units of 10⁻⁹ when that is exact.
pub const OUTCOME_UNIT: f64 = 1e9;

/// A value's exact count of [`OUTCOME_UNIT`]s: any whole number, or a
/// number below a million in magnitude that is the closest `f64` to a
/// decimal of at most nine places (every answer written that way is).
#[inline]
pub fn fixed(v: f64) -> Option<i128> {
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
pub fn wide(w: &[u64]) -> u128 {
    w[0] as u128 | (w[1] as u128) << 64
}

/// Store a `u128` as two words (low first).
#[inline]
pub fn set_wide(w: &mut [u64], v: u128) {
    w[0] = v as u64;
    w[1] = (v >> 64) as u64;
}

/// Add `v` to the `f64` whose bits are `*w`.
#[inline]
pub fn add_float(w: &mut u64, v: f64) {
    *w = (f64::from_bits(*w) + v).to_bits();
}

/// A wide group cell (company × role × group): respondent means of the
/// group summed exactly, a mean `s / n` (`n` answers summing to `s`) added
/// as the integer `s × L / n`, `L` being a common multiple of every
/// possible `n` ([`super::Plan::group_scale`]). Groups too large for such
/// an `L` (`exact` false) keep `f64` sums (as bits) in the same words
/// instead (then the sums depend on row order). Words: count, sum, sum of
/// squares (two).
pub mod group {
    use super::{add_float, set_wide, wide, MeanSums};

    /// Words of a wide group cell.
    pub const WORDS: usize = 4;

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

/// A narrow group cell: the exact sums of a wide one in two words, the
/// count in the low 16 bits of the first and the sum above it, the sum of
/// squares in the second. Kept when every group is exact and a company-role
/// spills before any of these could overflow ([`fits`]).
pub mod narrow_group {
    /// Words of a narrow group cell.
    pub const WORDS: usize = 2;

    /// Can a narrow cell take `rows` means of at most `most` each?
    pub fn fits(rows: u64, most: u64) -> bool {
        let sq = (most as u128) * (most as u128) * rows as u128;
        rows <= u16::MAX as u64 && most as u128 * (rows as u128) < 1 << 48 && sq <= u64::MAX as u128
    }

    /// Add the mean `total × factor` (see [`super::group`]).
    #[inline]
    pub fn add(c: &mut [u64], factor: u64, total: u64) {
        let m = total * factor;
        c[0] += 1 | m << 16;
        c[1] += m * m;
    }

    /// Add cell `o` to cell `c` (both hold few enough rows together).
    pub fn merge(c: &mut [u64], o: &[u64]) {
        c[0] += o[0];
        c[1] += o[1];
    }

    /// The cell as a wide one's words.
    #[inline]
    pub fn widen(c: &[u64]) -> [u64; super::group::WORDS] {
        [c[0] & 0xFFFF, c[0] >> 16, c[1], 0]
    }
}

/// An outcome cell (one outcome in one company): the count, and the sum in
/// units of 10⁻⁹ while it stays within an `i64`. What does not fit, and
/// values with no exact fixed form, go to the company's wide outcome sums
/// ([`outcome_wide`]).
pub mod outcome {
    /// Words of an outcome cell.
    pub const WORDS: usize = 2;

    /// Add a value's fixed form `f` to the cell; `false` (and nothing
    /// added) when the sum would leave an `i64`.
    #[inline]
    pub fn add_fixed(c: &mut [u64], f: i128) -> bool {
        let Ok(f) = i64::try_from(f) else {
            return false;
        };
        match (c[1] as i64).checked_add(f) {
            Some(s) => {
                c[1] = s as u64;
                true
            }
            None => false,
        }
    }
}

/// A company's wide outcome sums, three words an outcome: the fixed-point
/// sum as an `i128` (two words) that did not fit the cell, and the sum of
/// values with no exact fixed form (`f64` bits; then the sum depends on
/// row order).
pub mod outcome_wide {
    use super::{add_float, set_wide, wide};

    /// Words per outcome.
    pub const WORDS: usize = 3;

    /// Add a fixed-point value.
    pub fn add_fixed(c: &mut [u64], f: i128) {
        let sum = wide(&c[0..2]) as i128 + f;
        set_wide(&mut c[0..2], sum as u128);
    }

    /// Add a value with no exact fixed form.
    pub fn add_float_value(c: &mut [u64], v: f64) {
        add_float(&mut c[2], v);
    }

    /// Add sums `o` to `c`.
    pub fn merge(c: &mut [u64], o: &[u64]) {
        add_fixed(c, wide(&o[0..2]) as i128);
        add_float(&mut c[2], f64::from_bits(o[2]));
    }

    /// The fixed-point sum and the other values' sum.
    pub fn read(c: &[u64]) -> (i128, f64) {
        (wide(&c[0..2]) as i128, f64::from_bits(c[2]))
    }
}

/// The value to add to an outcome: its fixed form, or the value itself
/// when it has none.
#[inline]
pub fn fixed_form(v: Number) -> Result<i128, f64> {
    match v {
        Number::Nanos(n) => Ok(n as i128),
        Number::Float(v) => fixed(v).ok_or(v),
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
    fn group_sums_of_squares_pass_two_to_the_sixty_four_exactly() {
        let mut c = [0u64; group::WORDS];
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

    /// A narrow cell filled to its limit with the largest mean reads as the
    /// wide cell fed the same means.
    #[test]
    fn full_narrow_group_cells_read_as_wide_ones() {
        // 1–5 scale, a group of 8 items: L = lcm(4..=8) = 840, a mean at
        // most 4 × 840 = 3,360, 4,095 rows before a spill.
        let (rows, factor, total) = (4095u64, 840 / 8, 32);
        assert!(narrow_group::fits(rows, 3360));
        let (mut n, mut w) = ([0u64; narrow_group::WORDS], [0u64; group::WORDS]);
        for _ in 0..rows {
            narrow_group::add(&mut n, factor, total);
            group::add(&mut w, true, factor, 8, total);
        }
        assert_eq!(narrow_group::widen(&n), w);
        assert_eq!(w[..3], [4095, 4095 * 3360, 4095 * 3360 * 3360]);
        // Limits: the count lane, and the square's word (2⁶² × 4 = 2⁶⁴).
        assert!(!narrow_group::fits(65536, 1));
        assert!(narrow_group::fits(65535, 1));
        assert!(narrow_group::fits(3, 1 << 31));
        assert!(!narrow_group::fits(4, 1 << 31));
    }

    /// Outcome sums stay exact whatever their order, in the cell and past
    /// it in the wide sums.
    #[test]
    fn outcome_cells_pass_an_i64_into_the_wide_sums() {
        let mut c = [0u64; outcome::WORDS];
        assert!(outcome::add_fixed(&mut c, 12_500_000_000));
        assert!(outcome::add_fixed(&mut c, -1));
        assert_eq!(c[1] as i64, 12_499_999_999);
        // −3e21 units: no `i64` form at all.
        assert!(!outcome::add_fixed(&mut c, -3_000_000_000_000_000_000_000));
        // i64::MAX − 1 fits once, not twice.
        let big = i64::MAX as i128 - 12_499_999_999;
        assert!(outcome::add_fixed(&mut c, big));
        assert!(!outcome::add_fixed(&mut c, 1));
        assert_eq!(c[1] as i64, i64::MAX);
        let mut w = [0u64; outcome_wide::WORDS];
        outcome_wide::add_fixed(&mut w, -3_000_000_000_000_000_000_000);
        outcome_wide::add_fixed(&mut w, -3_000_000_000_000_000_000_000);
        outcome_wide::add_float_value(&mut w, 1.0 / 3.0);
        let mut m = [0u64; outcome_wide::WORDS];
        outcome_wide::merge(&mut m, &w);
        outcome_wide::merge(&mut m, &w);
        assert_eq!(
            outcome_wide::read(&m),
            (-12_000_000_000_000_000_000_000, 2.0 / 3.0)
        );
        assert_eq!(fixed_form(Number::Float(0.1)), Ok(100_000_000));
        assert_eq!(fixed_form(Number::Nanos(7)), Ok(7));
        assert_eq!(fixed_form(Number::Float(0.5 / 3.0)), Err(0.5 / 3.0));
    }
}
