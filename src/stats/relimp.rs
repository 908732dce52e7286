//! Relative importance of correlated predictors, on plain data (rows ×
//! predictors) or their correlations (docs/methods.md#key-drivers):
//! - LMG (Lindeman, Merenda & Gold 1980; Grömping 2006): the Shapley
//!   decomposition of R², computed exactly over all subsets;
//! - Johnson's (2000) relative weights, from the symmetric
//!   eigen-decomposition of the predictors' correlation matrix (nalgebra).
//!
//! Both sum to the model's R²; a singular or collinear predictor matrix is
//! `Err(Unfit::Singular)`, never NaN.

use super::regression::{Correlations, Unfit, SINGULAR_TOL};
use nalgebra::{DMatrix, DVector};

/// Most predictors LMG is computed for (2^p subsets).
pub const LMG_MAX_PREDICTORS: usize = 16;

/// An R² decomposition: each predictor's part (summing to `r2`) and its
/// share of R² (summing to 1; `None` when R² is 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Decomposition {
    /// R² of the full model.
    pub r2: f64,
    /// Each predictor's part of R², in predictor order.
    pub parts: Vec<f64>,
    /// part / R² per predictor.
    pub shares: Vec<Option<f64>>,
}

impl Decomposition {
    fn new(r2: f64, parts: Vec<f64>) -> Decomposition {
        let shares = parts
            .iter()
            .map(|e| (r2 > 0.0).then(|| e / r2).filter(|s| s.is_finite()))
            .collect();
        Decomposition { r2, parts, shares }
    }
}

/// LMG of `y` on the columns of `x`.
pub fn lmg(x: &[Vec<f64>], y: &[f64]) -> Result<Decomposition, Unfit> {
    lmg_from(&Correlations::from_rows(x, y)?)
}

/// LMG from a model's correlations: for predictor j, the weighted mean over
/// the subsets S of the other predictors of R²(S ∪ {j}) − R²(S), with
/// weight |S|!·(p − |S| − 1)!/p! (the share of orders in which j enters
/// right after S).
pub fn lmg_from(c: &Correlations) -> Result<Decomposition, Unfit> {
    let p = c.p();
    if p > LMG_MAX_PREDICTORS {
        return Err(Unfit::TooManyPredictors {
            p,
            max: LMG_MAX_PREDICTORS,
        });
    }
    // R² of every subset, indexed by its bit mask.
    let mut r2 = vec![0.0; 1 << p];
    let mut members = Vec::with_capacity(p);
    for (mask, slot) in r2.iter_mut().enumerate().skip(1) {
        members.clear();
        members.extend((0..p).filter(|j| mask & (1 << j) != 0));
        *slot = c.r2(&members)?;
    }
    // Order weights by subset size: k!(p−k−1)!/p!.
    let fact = |k: usize| (1..=k).map(|i| i as f64).product::<f64>();
    let weight: Vec<f64> = (0..p)
        .map(|k| fact(k) * fact(p - k - 1) / fact(p))
        .collect();
    let mut parts = vec![0.0; p];
    for mask in 0..(1usize << p) {
        let k = mask.count_ones() as usize;
        for (j, part) in parts.iter_mut().enumerate() {
            if mask & (1 << j) == 0 {
                *part += weight[k] * (r2[mask | (1 << j)] - r2[mask]);
            }
        }
    }
    Ok(Decomposition::new(r2[(1 << p) - 1], parts))
}

/// Johnson's relative weights of `y` on the columns of `x`.
pub fn relative_weights(x: &[Vec<f64>], y: &[f64]) -> Result<Decomposition, Unfit> {
    relative_weights_from(&Correlations::from_rows(x, y)?)
}

/// Relative weights from a model's correlations: with Rxx = Q Λ Qᵀ,
/// Λ* = Q Λ^½ Qᵀ, β = Λ*⁻¹ r_xy (the weights of the standardized target on
/// the orthogonal counterparts Z = X Q Λ^-½ Qᵀ), εⱼ = Σₖ Λ*ⱼₖ² βₖ².
pub fn relative_weights_from(c: &Correlations) -> Result<Decomposition, Unfit> {
    let p = c.p();
    let eig = nalgebra::SymmetricEigen::new(c.rxx.clone());
    let largest = eig.eigenvalues.iter().copied().fold(0.0f64, f64::max);
    if eig
        .eigenvalues
        .iter()
        .any(|&l| !l.is_finite() || l <= SINGULAR_TOL * largest.max(1.0))
    {
        return Err(Unfit::Singular);
    }
    let q = &eig.eigenvectors;
    let root = DMatrix::from_diagonal(&eig.eigenvalues.map(f64::sqrt));
    let inv_root = DMatrix::from_diagonal(&eig.eigenvalues.map(|l| 1.0 / l.sqrt()));
    let lambda_star = q * root * q.transpose();
    // Λ*⁻¹ = Q Λ^-½ Qᵀ.
    let beta: DVector<f64> = q * inv_root * q.transpose() * &c.rxy;
    let parts: Vec<f64> = (0..p)
        .map(|j| {
            (0..p)
                .map(|k| lambda_star[(j, k)].powi(2) * beta[k].powi(2))
                .sum()
        })
        .collect();
    let r2: f64 = beta.dot(&beta);
    if !r2.is_finite() || parts.iter().any(|e| !e.is_finite()) {
        return Err(Unfit::Singular);
    }
    Ok(Decomposition::new(r2.clamp(0.0, 1.0), parts))
}
