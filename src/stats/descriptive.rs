//! Descriptive statistics over slices and sufficient statistics: mean, sample
//! variance / sd (n − 1 denominator), median, and sample variance recovered from
//! running sums (floating-point or exact integer). Undefined results are `None`;
//! no function here returns NaN or infinity (non-finite input gives `None`).

/// Relative tolerance under which a difference of nearly equal sums is treated
/// as exactly zero (cancellation noise, not signal).
pub(crate) const REL_TOL: f64 = 1e-12;

/// `Some(x)` when `x` is finite, else `None`.
pub(crate) fn finite(x: f64) -> Option<f64> {
    if x.is_finite() {
        Some(x)
    } else {
        None
    }
}

/// `v` snapped to exactly `0.0` when it is negative or negligible relative to
/// `scale` (the magnitude of the terms whose difference produced it).
pub(crate) fn snap_zero(v: f64, scale: f64) -> f64 {
    if v <= REL_TOL * scale.abs() || v <= 0.0 {
        0.0
    } else {
        v
    }
}

pub(crate) fn all_finite(xs: &[f64]) -> bool {
    xs.iter().all(|x| x.is_finite())
}

/// Arithmetic mean; `None` on empty or non-finite input.
pub fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() || !all_finite(xs) {
        return None;
    }
    finite(xs.iter().sum::<f64>() / xs.len() as f64)
}

/// Do at least two values differ? (What a variance above 0 would say, for
/// every finite value: no arithmetic, so nothing over- or underflows.)
pub fn varies(xs: &[f64]) -> bool {
    all_finite(xs) && xs.iter().any(|&x| x != xs[0])
}

/// The power of two that brings the largest magnitude in `xs` to [1, 2)
/// (`None` when every value is 0 or one is not finite). Dividing by it is
/// exact, so sums and squares of the scaled values neither overflow near
/// 1e308 nor underflow near 1e-308, and results scaled back are the ones
/// the original values give wherever those do not over- or underflow.
pub(crate) fn binary_scale(xs: &[f64]) -> Option<f64> {
    let max = xs
        .iter()
        .try_fold(0.0f64, |m, &x| x.is_finite().then(|| m.max(x.abs())))?;
    if max == 0.0 {
        return None;
    }
    // Subnormal magnitudes: first bring them up by an exact 2^64.
    let (max, lift) = if max < f64::MIN_POSITIVE {
        (max * 2f64.powi(64), 2f64.powi(-64))
    } else {
        (max, 1.0)
    };
    let exponent = (max.to_bits() >> 52) & 0x7ff;
    Some(f64::from_bits(exponent << 52) * lift)
}

/// Sample variance (denominator n − 1), two-pass on the values shifted by the
/// first value (so constant data give exactly 0), computed on the values
/// scaled by `binary_scale` (values near the ends of the f64 range work);
/// `None` if n < 2 or the variance itself is beyond the range.
pub fn sample_var(xs: &[f64]) -> Option<f64> {
    if xs.len() < 2 || !all_finite(xs) {
        return None;
    }
    let Some(s) = binary_scale(xs) else {
        return Some(0.0);
    };
    finite(scaled_var(xs, s)? * s * s)
}

/// Sample variance of `xs / s`.
fn scaled_var(xs: &[f64], s: f64) -> Option<f64> {
    let x0 = xs[0] / s;
    let m = xs.iter().map(|x| x / s - x0).sum::<f64>() / xs.len() as f64;
    let ss: f64 = xs.iter().map(|x| (x / s - x0 - m) * (x / s - x0 - m)).sum();
    finite(ss / (xs.len() - 1) as f64)
}

/// Sample standard deviation (square root of [`sample_var`]); `None` if n < 2.
pub fn sample_sd(xs: &[f64]) -> Option<f64> {
    sample_var(xs).map(f64::sqrt)
}

/// Median (average of the two middle values for even n); `None` on empty.
pub fn median(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() || !all_finite(xs) {
        return None;
    }
    // The middle values by selection (linear time), as a full sort would
    // place them.
    let mut v = xs.to_vec();
    let n = v.len();
    let (below, &mut upper, _) = v.select_nth_unstable_by(n / 2, f64::total_cmp);
    let m = if n % 2 == 1 {
        upper
    } else {
        let lower = below.iter().copied().max_by(f64::total_cmp)?;
        lower / 2.0 + upper / 2.0
    };
    finite(m)
}

/// Sample variance from `n`, `Σx` and `Σx²`: `(Σx² − (Σx)²/n)/(n − 1)`, clamped
/// at 0 (cancellation noise below 1e-12 of `Σx²` is snapped to 0). `None` if
/// n < 2 or an input is non-finite.
pub fn var_from_sums(n: f64, sum: f64, sumsq: f64) -> Option<f64> {
    if !n.is_finite() || n < 2.0 || !sum.is_finite() || !sumsq.is_finite() {
        return None;
    }
    let ss = snap_zero(sumsq - sum * sum / n, sumsq);
    finite(ss / (n - 1.0))
}

/// Exact sample variance from integer sums: `(n·Σx² − (Σx)²) / (n(n − 1))`, the
/// numerator and denominator computed exactly in `i128` and divided once in
/// `f64`. `None` if n < 2. A (mathematically impossible) negative numerator
/// from inconsistent sums is clamped to 0.
pub fn var_from_int_sums(n: u64, sum: i64, sumsq: i64) -> Option<f64> {
    if n < 2 {
        return None;
    }
    // In `i64` when nothing overflows (nearly always): the same integers,
    // so the same result, without the slow `i128` to `f64` conversion.
    let narrow = || {
        let n = i64::try_from(n).ok()?;
        let num = n.checked_mul(sumsq)?.checked_sub(sum.checked_mul(sum)?)?;
        Some((num.max(0) as f64, n.checked_mul(n - 1)? as f64))
    };
    let (num, den) = narrow().unwrap_or_else(|| {
        let n = i128::from(n);
        let num = (n * i128::from(sumsq) - i128::from(sum) * i128::from(sum)).max(0);
        (num as f64, (n * (n - 1)) as f64)
    });
    finite(num / den)
}

/// The `q` quantile (0 ≤ q ≤ 1) by linear interpolation between order
/// statistics: position `h = (n − 1)·q` of the sorted values, `x⌊h⌋ +
/// (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋)`. This is numpy's default
/// (`numpy.percentile(xs, 100·q)`, `method="linear"`; Hyndman & Fan 1996,
/// type 7). `None` on empty or non-finite input.
pub fn quantile(xs: &[f64], q: f64) -> Option<f64> {
    if xs.is_empty() || !all_finite(xs) || !(0.0..=1.0).contains(&q) {
        return None;
    }
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    quantile_sorted(&v, q)
}

/// [`quantile`] of values already sorted ascending.
pub fn quantile_sorted(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let h = (n - 1) as f64 * q;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(n - 1);
    let frac = h - lo as f64;
    finite(sorted[lo] + frac * (sorted[hi] - sorted[lo]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    const XS: [f64; 8] = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];

    /// Selection gives the median a full sort gives, bit for bit, ties and
    /// signed zeros included.
    #[test]
    fn median_by_selection_is_the_sorted_median() {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        for n in 1..300 {
            let v: Vec<f64> = (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    match x % 7 {
                        0 => 0.0,
                        1 => -0.0,
                        _ => (x % 21) as f64 - 10.0 + (x % 3) as f64 / 4.0,
                    }
                })
                .collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let want = if n % 2 == 1 {
                sorted[n / 2]
            } else {
                sorted[n / 2 - 1] / 2.0 + sorted[n / 2] / 2.0
            };
            assert_eq!(median(&v).unwrap().to_bits(), want.to_bits(), "{v:?}");
        }
    }

    #[test]
    fn mean_var_sd_median() {
        // numpy: np.mean -> 5.0; np.var(ddof=1) -> 4.571428571428571 (= 32/7);
        // np.std(ddof=1) -> 2.138089935299395; np.median -> 4.5
        assert_abs_diff_eq!(mean(&XS).unwrap(), 5.0, epsilon = 1e-12);
        assert_abs_diff_eq!(sample_var(&XS).unwrap(), 4.571428571428571, epsilon = 1e-12);
        assert_abs_diff_eq!(sample_sd(&XS).unwrap(), 2.138089935299395, epsilon = 1e-12);
        assert_abs_diff_eq!(median(&XS).unwrap(), 4.5, epsilon = 1e-12);
        // np.median([3, 1, 2]) -> 2.0
        assert_abs_diff_eq!(median(&[3.0, 1.0, 2.0]).unwrap(), 2.0, epsilon = 1e-12);
        // np.var([1.5, 2.25, -3.0, 10.125, 4.0], ddof=1) -> 22.643749999999997
        let ys = [1.5, 2.25, -3.0, 10.125, 4.0];
        assert_abs_diff_eq!(sample_var(&ys).unwrap(), 22.64375, epsilon = 1e-12);
    }

    #[test]
    fn undefined_cases() {
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[]), None);
        assert_eq!(sample_var(&[1.0]), None);
        assert_eq!(sample_sd(&[]), None);
        assert_eq!(mean(&[1.0, f64::NAN]), None);
        assert_eq!(median(&[1.0, f64::INFINITY]), None);
        assert_eq!(var_from_sums(1.0, 3.0, 9.0), None);
        assert_eq!(var_from_sums(f64::NAN, 3.0, 9.0), None);
        assert_eq!(var_from_int_sums(1, 3, 9), None);
        assert_eq!(var_from_int_sums(0, 0, 0), None);
        // one value: median is the value
        assert_eq!(median(&[7.0]), Some(7.0));
        // constant non-representable values: exactly zero variance
        assert_eq!(sample_var(&[0.1, 0.1, 0.1]), Some(0.0));
        assert_eq!(sample_var(&[1.0, f64::NAN]), None);
    }

    #[test]
    fn variance_from_sums() {
        // XS: n = 8, Σx = 40, Σx² = 232; variance 32/7 (as numpy above)
        let v = var_from_sums(8.0, 40.0, 232.0).unwrap();
        assert_abs_diff_eq!(v, 32.0 / 7.0, epsilon = 1e-12);
        let vi = var_from_int_sums(8, 40, 232).unwrap();
        assert_abs_diff_eq!(vi, 32.0 / 7.0, epsilon = 1e-15);
        // constant values: exactly zero, never a tiny negative
        assert_eq!(var_from_sums(3.0, 0.3, 0.03), Some(0.0));
        assert_eq!(var_from_sums(3.0, 0.1 + 0.1 + 0.1, 0.01 * 3.0), Some(0.0));
        assert_eq!(var_from_int_sums(4, 20, 100), Some(0.0));
        // inconsistent sums clamp at zero
        assert_eq!(var_from_sums(2.0, 10.0, 1.0), Some(0.0));
        assert_eq!(var_from_int_sums(2, 10, 1), Some(0.0));
    }

    #[test]
    fn int_sums_huge_counts_are_exact() {
        // Hand-worked: a million 1s and a million 7s: mean 4, Σ(x−4)² = 2e6·9,
        // variance = 18e6 / (2e6 − 1).
        let n = 2_000_000u64;
        let sum = 1_000_000i64 + 7_000_000;
        let sumsq = 1_000_000i64 + 49_000_000;
        let v = var_from_int_sums(n, sum, sumsq).unwrap();
        assert_abs_diff_eq!(v, 18e6 / (2e6 - 1.0), epsilon = 1e-12);
        // Past `i64` (n·Σx² ≈ 1.4e22), worked in `i128`: 4e9 answers, half
        // 29 and half 31: mean 30, Σ(x−30)² = 4e9, variance 4e9 / (4e9 − 1).
        let n = 4_000_000_000u64;
        let sum = 2_000_000_000i64 * 29 + 2_000_000_000 * 31;
        let sumsq = 2_000_000_000i64 * 841 + 2_000_000_000 * 961;
        let v = var_from_int_sums(n, sum, sumsq).unwrap();
        assert_abs_diff_eq!(v, 4e9 / (4e9 - 1.0), epsilon = 1e-15);
    }
}
