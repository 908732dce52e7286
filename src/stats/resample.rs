//! The correlations of a bootstrap resample given as how many times each
//! case was drawn (docs/methods.md#key-drivers), in one pass over the
//! cases drawn, without copying them.
//!
//! [`Correlations::from_rows`] of the resampled rows would copy every drawn
//! row, then the whole matrix again to transpose it: for many companies
//! and a thousand resamples that copying, not the arithmetic, took nearly
//! all of the time. Here the cases are scaled and shifted once ([`Cases`]);
//! a resample then adds each drawn case's products, times its count, to
//! one matrix of sums, a block of cases at a time. The result is the same correlation matrix as the
//! rows' (the same resample, the same arithmetic but for the order of the
//! sums: they agree to about 1e-13).

use super::regression::{Correlations, Unfit};
use nalgebra::{DMatrix, DMatrixView, DVector};

/// A model's cases, each column (the predictors, then the target) divided
/// by its largest magnitude, so that no sum overflows or underflows, and
/// shifted by its mean over all cases, so that a resample's sums of
/// products lose little to cancellation when its own means are taken off.
#[derive(Debug, Clone)]
pub struct Cases {
    n: usize,
    /// Columns: the predictors, then the target.
    width: usize,
    /// Row after row.
    data: Vec<f64>,
}

/// √w for the counts a case is most often drawn (0 to 7).
const ROOTS: [f64; 8] = [
    0.0,
    1.0,
    std::f64::consts::SQRT_2,
    1.732_050_807_568_877_2,
    2.0,
    2.236_067_977_499_79,
    2.449_489_742_783_178,
    2.645_751_311_064_590_7,
];

/// Drawn cases multiplied at a time.
const BLOCK: usize = 128;

/// A column whose drawn values span no more than this (after dividing by
/// its largest magnitude) does not vary in the resample.
const CONSTANT: f64 = 1e-12;

impl Cases {
    /// The cases of rows `x` (p predictor values each) and target `y`.
    /// `Err(NoVariance)` when a column is all zeros or not finite (no
    /// resample could vary).
    pub fn new(x: &[Vec<f64>], y: &[f64]) -> Result<Cases, Unfit> {
        let n = y.len();
        let p = x.first().map_or(0, |r| r.len());
        let width = p + 1;
        let mut data = Vec::with_capacity(n * width);
        for (row, &t) in x.iter().zip(y) {
            data.extend_from_slice(&row[..p]);
            data.push(t);
        }
        for j in 0..width {
            let col = || data.iter().skip(j).step_by(width);
            let scale = col().fold(0.0f64, |m, v| m.max(v.abs()));
            if !(scale > 0.0 && scale.is_finite()) {
                return Err(Unfit::NoVariance);
            }
            let mean = col().map(|v| v / scale).sum::<f64>() / n as f64;
            for v in data.iter_mut().skip(j).step_by(width) {
                *v = *v / scale - mean;
            }
        }
        Ok(Cases { n, width, data })
    }

    /// Cases.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Are there none?
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The correlations of the resample that drew case `i` `drawn[i]` times
    /// (one count per case). `Err(NoVariance)` when a column does not vary
    /// among the cases drawn.
    pub fn correlations(&self, drawn: &[u32]) -> Result<Correlations, Unfit> {
        let q = self.width;
        let p = q - 1;
        // Σ w·u·uᵀ, added a block of drawn cases at a time as G·Gᵀ with
        // √w·u the columns of G (nalgebra's matrix product, which uses the
        // processor's vector instructions); Σ w·u; each column's smallest
        // and largest drawn value.
        let mut prod = DMatrix::<f64>::zeros(q, q);
        let mut sum = vec![0.0f64; q];
        let mut lo = vec![f64::INFINITY; q];
        let mut hi = vec![f64::NEG_INFINITY; q];
        let mut total = 0u64;
        let mut block = vec![0.0f64; BLOCK * q];
        let mut held = 0;
        let add = |prod: &mut DMatrix<f64>, block: &[f64], held: usize| {
            let cases = &block[..held * q];
            let g = DMatrixView::from_slice_with_strides(cases, q, held, 1, q);
            let gt = DMatrixView::from_slice_with_strides(cases, held, q, q, 1);
            prod.gemm(1.0, &g, &gt, 1.0);
        };
        for (u, &w) in self.data.chunks_exact(q).zip(drawn) {
            if w == 0 {
                continue;
            }
            total += w as u64;
            let wf = w as f64;
            // Most cases are drawn once or a few times.
            let root = ROOTS.get(w as usize).copied().unwrap_or_else(|| wf.sqrt());
            let to = &mut block[held * q..(held + 1) * q];
            let cols = sum.iter_mut().zip(lo.iter_mut()).zip(hi.iter_mut());
            for ((b, &v), ((s, l), h)) in to.iter_mut().zip(u).zip(cols) {
                *s += wf * v;
                *l = if v < *l { v } else { *l };
                *h = if v > *h { v } else { *h };
                *b = root * v;
            }
            held += 1;
            if held == BLOCK {
                add(&mut prod, &block, held);
                held = 0;
            }
        }
        if held > 0 {
            add(&mut prod, &block, held);
        }
        if total < 3 {
            return Err(Unfit::TooFewCases {
                n: total as usize,
                needed: (p + 2).max(3),
            });
        }
        let n = total as f64;
        // Centred sums of products; each column's norm.
        let cov = |j: usize, k: usize| prod[(j, k)] - sum[j] * sum[k] / n;
        let mut norm = vec![0.0f64; q];
        for j in 0..q {
            let v = cov(j, j);
            if hi[j] - lo[j] <= CONSTANT || !(v > 0.0 && v.is_finite()) {
                return Err(Unfit::NoVariance);
            }
            norm[j] = v.sqrt();
        }
        let r = |j: usize, k: usize| {
            let (a, b) = (j.min(k), j.max(k));
            if a == b {
                1.0
            } else {
                cov(a, b) / (norm[a] * norm[b])
            }
        };
        Ok(Correlations {
            n: total as usize,
            rxx: DMatrix::from_fn(p, p, r),
            rxy: DVector::from_fn(p, |j, _| r(j, p)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic rows: seven predictors and a target, with some
    /// spread and some correlation.
    fn rows(n: usize) -> (Vec<Vec<f64>>, Vec<f64>) {
        let x: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                let f = i as f64;
                vec![
                    (f * 0.37).sin() * 10.0 + 50.0,
                    (f * 0.11).cos() * 3.0 + f * 0.01,
                    ((i * 7919) % 13) as f64,
                    ((i * 31) % 7) as f64 - 3.0,
                    (f * 0.05).sin() * 1e-3,
                    1e6 + ((i * 17) % 11) as f64,
                    ((i * 13) % 5) as f64 * (f * 0.2).cos(),
                ]
            })
            .collect();
        let y = x
            .iter()
            .enumerate()
            .map(|(i, r)| 0.5 * r[0] - 0.2 * r[1] + r[2] + ((i * 31) % 5) as f64)
            .collect();
        (x, y)
    }

    /// A resample's correlations from counts are those of the drawn rows
    /// written out (`Correlations::from_rows`), whatever the counts: fewer
    /// cases than a block, several blocks, counts past the table of roots.
    #[test]
    fn counts_give_the_drawn_rows_correlations() {
        for n in [40, 700] {
            let (x, y) = rows(n);
            let cases = Cases::new(&x, &y).unwrap();
            assert_eq!(cases.len(), n);
            let drawn: Vec<u32> = (0..n).map(|i| [0, 1, 3, 1, 0, 2, 9][i % 7]).collect();
            let (mut xs, mut ys) = (Vec::new(), Vec::new());
            for (i, &w) in drawn.iter().enumerate() {
                for _ in 0..w {
                    xs.push(x[i].clone());
                    ys.push(y[i]);
                }
            }
            let want = Correlations::from_rows(&xs, &ys).unwrap();
            let got = cases.correlations(&drawn).unwrap();
            assert_eq!(got.n, xs.len());
            for j in 0..7 {
                for k in 0..7 {
                    assert!(
                        (got.rxx[(j, k)] - want.rxx[(j, k)]).abs() < 1e-11,
                        "{n}: {j} {k}"
                    );
                }
                assert!((got.rxy[j] - want.rxy[j]).abs() < 1e-11, "{n}: {j}");
            }
            // Every case once: the sample's own correlations.
            let all = cases.correlations(&vec![1; n]).unwrap();
            let own = Correlations::from_rows(&x, &y).unwrap();
            for j in 0..7 {
                assert!((all.rxy[j] - own.rxy[j]).abs() < 1e-11);
            }
        }
    }

    #[test]
    fn roots_are_square_roots() {
        for (i, r) in ROOTS.iter().enumerate() {
            assert_eq!(*r, (i as f64).sqrt());
        }
    }

    /// A column constant among the cases drawn (though not among all) does
    /// not vary in the resample; a column of zeros never does.
    #[test]
    fn columns_constant_in_the_resample_do_not_vary() {
        let (mut x, y) = rows(12);
        for (i, r) in x.iter_mut().enumerate() {
            r[2] = if i < 6 { 4.0 } else { i as f64 };
        }
        let cases = Cases::new(&x, &y).unwrap();
        let first_half: Vec<u32> = (0..12).map(|i| u32::from(i < 6)).collect();
        assert!(matches!(
            cases.correlations(&first_half),
            Err(Unfit::NoVariance)
        ));
        assert!(cases.correlations(&[1; 12]).is_ok());
        for r in &mut x {
            r[1] = 0.0;
        }
        assert!(matches!(Cases::new(&x, &y), Err(Unfit::NoVariance)));
    }
}
