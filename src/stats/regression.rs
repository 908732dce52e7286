//! Ordinary least squares with an intercept, computed from the correlation
//! matrix of plain data (rows × predictors): R², adjusted R², standardized
//! betas with their t-test p-values (docs/methods.md#key-drivers). The
//! linear algebra is nalgebra's (Cholesky); a singular or collinear
//! predictor matrix gives `Err(Singular)`, never NaN.

use super::inference::t_two_sided_p;
use crate::analysis::finite;
use nalgebra::{DMatrix, DVector};

/// Smallest pivot (relative to the matrix scale) a correlation matrix may
/// have before it counts as singular: predictors this collinear have no
/// stable regression weights.
pub const SINGULAR_TOL: f64 = 1e-10;

/// Why a model has no estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unfit {
    /// Fewer cases than predictors + 2.
    TooFewCases {
        /// Complete cases.
        n: usize,
        /// Cases needed (predictors + 2).
        needed: usize,
    },
    /// A predictor or the target does not vary.
    NoVariance,
    /// The predictors are (nearly) collinear.
    Singular,
    /// More predictors than an exact all-subsets computation takes.
    TooManyPredictors {
        /// Predictors in the model.
        p: usize,
        /// Most predictors allowed.
        max: usize,
    },
}

/// The data of one model, standardized: the predictors' correlation
/// matrix and their correlations with the target.
#[derive(Debug, Clone)]
pub struct Correlations {
    /// Cases (rows) the correlations were computed from.
    pub n: usize,
    /// p × p correlation matrix of the predictors.
    pub rxx: DMatrix<f64>,
    /// Correlation of each predictor with the target.
    pub rxy: DVector<f64>,
}

impl Correlations {
    /// From `x` (rows of p predictor values) and `y` (one target value per
    /// row). Needs n ≥ p + 2 (`min_extra` = 2) and every column varying.
    pub fn from_rows(x: &[Vec<f64>], y: &[f64]) -> Result<Correlations, Unfit> {
        let n = y.len();
        let p = x.first().map_or(0, |r| r.len());
        if n < p + 2 || n < 3 || x.len() != n {
            return Err(Unfit::TooFewCases {
                n,
                needed: (p + 2).max(3),
            });
        }
        // Columns: the p predictors then the target, centred and scaled
        // to unit length, so Cᵀ C is the correlation matrix.
        let mut m = DMatrix::<f64>::zeros(n, p + 1);
        for (i, row) in x.iter().enumerate() {
            for j in 0..p {
                m[(i, j)] = row[j];
            }
            m[(i, p)] = y[i];
        }
        for j in 0..=p {
            // Scaled to the largest magnitude first, so values near either
            // end of the f64 range neither underflow nor overflow; a column
            // whose centred values are all below 1e-12 of that is constant.
            let scale = m.column(j).amax();
            if !(scale > 0.0 && scale.is_finite()) {
                return Err(Unfit::NoVariance);
            }
            let mut col = m.column_mut(j);
            col /= scale;
            let mean = col.mean();
            col.add_scalar_mut(-mean);
            let norm = col.norm();
            if col.amax() <= 1e-12 || !(norm > 0.0 && norm.is_finite()) {
                return Err(Unfit::NoVariance);
            }
            col /= norm;
        }
        let c = m.transpose() * &m;
        Ok(Correlations {
            n,
            rxx: c.view((0, 0), (p, p)).into_owned(),
            rxy: c.view((0, p), (p, 1)).column(0).into_owned(),
        })
    }

    /// Number of predictors.
    pub fn p(&self) -> usize {
        self.rxy.len()
    }

    /// Standardized regression weights and R² on the predictors `subset`
    /// (indices), by Cholesky of their correlation matrix.
    pub fn fit_subset(&self, subset: &[usize]) -> Result<(DVector<f64>, f64), Unfit> {
        if subset.is_empty() {
            return Ok((DVector::zeros(0), 0.0));
        }
        let k = subset.len();
        let r = DMatrix::from_fn(k, k, |a, b| self.rxx[(subset[a], subset[b])]);
        let ry = DVector::from_fn(k, |a, _| self.rxy[subset[a]]);
        let chol = nalgebra::Cholesky::new(r).ok_or(Unfit::Singular)?;
        let l = chol.l_dirty();
        if (0..k).any(|i| l[(i, i)] * l[(i, i)] < SINGULAR_TOL) {
            return Err(Unfit::Singular);
        }
        let beta = chol.solve(&ry);
        let r2 = beta.dot(&ry);
        if !r2.is_finite() {
            return Err(Unfit::Singular);
        }
        Ok((beta, r2.clamp(0.0, 1.0)))
    }

    /// R² on the predictors `subset` (0 for none).
    pub fn r2(&self, subset: &[usize]) -> Result<f64, Unfit> {
        self.fit_subset(subset).map(|f| f.1)
    }

    /// The inverse of the predictors' correlation matrix.
    fn rxx_inverse(&self) -> Result<DMatrix<f64>, Unfit> {
        let chol = nalgebra::Cholesky::new(self.rxx.clone()).ok_or(Unfit::Singular)?;
        Ok(chol.inverse())
    }
}

/// An OLS fit: R², adjusted R², and per predictor its standardized beta
/// and two-sided p (t with n − p − 1 df).
#[derive(Debug, Clone, PartialEq)]
pub struct Ols {
    /// Cases in the fit.
    pub n: usize,
    /// Coefficient of determination.
    pub r2: f64,
    /// Adjusted R²: 1 − (1 − R²)(n − 1)/(n − p − 1); `None` when not finite.
    pub adj_r2: Option<f64>,
    /// Standardized regression weight per predictor.
    pub beta: Vec<f64>,
    /// `None` when the fit is exact (R² = 1: no residual variance).
    pub p: Vec<Option<f64>>,
}

/// OLS of `y` on the columns of `x` with an intercept.
pub fn ols(x: &[Vec<f64>], y: &[f64]) -> Result<Ols, Unfit> {
    ols_from(&Correlations::from_rows(x, y)?)
}

/// OLS from the correlations of a model's data.
pub fn ols_from(c: &Correlations) -> Result<Ols, Unfit> {
    let p = c.p();
    let all: Vec<usize> = (0..p).collect();
    let (beta, r2) = c.fit_subset(&all)?;
    let inv = c.rxx_inverse()?;
    let n = c.n as f64;
    let df = n - p as f64 - 1.0;
    let adj_r2 = finite(1.0 - (1.0 - r2) * (n - 1.0) / df);
    let pvals = (0..p)
        .map(|j| {
            let se = ((1.0 - r2) / df * inv[(j, j)]).sqrt();
            if se > 0.0 {
                t_two_sided_p(beta[j] / se, df)
            } else {
                None
            }
        })
        .collect();
    Ok(Ols {
        n: c.n,
        r2,
        adj_r2,
        beta: beta.iter().copied().collect(),
        p: pvals,
    })
}
