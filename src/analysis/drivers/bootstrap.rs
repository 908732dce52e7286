//! Percentile bootstrap intervals of importance shares
//! (docs/methods.md#key-drivers): companies resampled with replacement.
//!
//! Resample `b` (0-based) draws its companies from the ChaCha8 stream `b`
//! of the seed (`seed_from_u64(seed)`, then `set_stream(b)`), so every
//! resample is the same whichever thread computes it and however many
//! threads there are. A model's cases are in company-id order, so the
//! order of the rows in the file changes no resample. Every model of a run
//! uses the same streams: models with the same complete cases see the same
//! resamples.
//!
//! The interval is the 2.5th and 97.5th percentile of the resamples'
//! shares, by linear interpolation between order statistics (the
//! definition of Hyndman & Fan's type 7: position (m − 1)·q in the m
//! sorted values, 0-based), over the resamples in which the share is
//! defined; a resample whose model cannot be fitted (a predictor constant
//! or collinear in it) gives no share and is counted.

use crate::stats::regression::{Correlations, Unfit};
use crate::stats::resample::Cases;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Lower and upper percentile of the 95% interval.
pub const LEVEL: f64 = 0.95;

/// The percentile definition, as reported in the JSON.
pub const PERCENTILE: &str = "type 7: linear interpolation between order statistics at (m − 1)·q";

/// The intervals of one model's shares, and how many resamples could not
/// be fitted.
#[derive(Debug, Clone, PartialEq)]
pub struct Intervals {
    /// Per share, its 95% percentile interval (`None` with no resamples or
    /// when no resample gave that share).
    pub ci: Vec<Option<[f64; 2]>>,
    /// Resamples whose model could not be fitted (left out).
    pub failed: usize,
}

/// Bootstrap the shares that `shares` computes from a model's
/// correlations, over `b` resamples of the rows (`x`, `y`) on `threads`
/// threads.
pub fn intervals<F>(
    x: &[Vec<f64>],
    y: &[f64],
    b: usize,
    seed: u64,
    threads: usize,
    shares: F,
) -> Intervals
where
    F: Fn(&Correlations) -> Result<Vec<Option<f64>>, Unfit> + Sync,
{
    let k = x.first().map_or(0, |r| r.len());
    if b == 0 || y.is_empty() {
        return Intervals {
            ci: vec![None; k],
            failed: 0,
        };
    }
    let threads = threads.clamp(1, b);
    let chunk = b.div_ceil(threads);
    // Every resample fails when a column is zero throughout.
    let cases = Cases::new(x, y).ok();
    // Resample `r`: how many times each case is drawn (in `drawn`, reused),
    // then its shares.
    let one = |r: usize, drawn: &mut Vec<u32>| -> Option<Vec<Option<f64>>> {
        let cases = cases.as_ref()?;
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(r as u64);
        let n = cases.len();
        drawn.clear();
        drawn.resize(n, 0);
        for _ in 0..n {
            drawn[rng.gen_range(0..n)] += 1;
        }
        let c = cases.correlations(drawn).ok()?;
        shares(&c).ok()
    };
    let mut results: Vec<Option<Vec<Option<f64>>>> = Vec::with_capacity(b);
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let range = (t * chunk)..((t + 1) * chunk).min(b);
                let one = &one;
                s.spawn(move || {
                    let mut drawn = Vec::new();
                    range.map(|r| one(r, &mut drawn)).collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // A panicking worker is a bug; its resamples count as failed.
            match h.join() {
                Ok(v) => results.extend(v),
                Err(_) => results.extend(std::iter::repeat_n(None, chunk)),
            }
        }
    });
    results.truncate(b);
    let failed = results.iter().filter(|r| r.is_none()).count();
    let lo = (1.0 - LEVEL) / 2.0;
    let ci = (0..k)
        .map(|j| {
            let mut v: Vec<f64> = results
                .iter()
                .filter_map(|r| r.as_ref().and_then(|r| r[j]))
                .filter(|x| x.is_finite())
                .collect();
            v.sort_by(f64::total_cmp);
            let a = crate::stats::quantile_sorted(&v, lo)?;
            let z = crate::stats::quantile_sorted(&v, 1.0 - lo)?;
            Some([a, z])
        })
        .collect();
    Intervals { ci, failed }
}

/// Threads for `requested` (0: one per core, at most 8).
pub fn thread_count(requested: usize) -> usize {
    if requested > 0 {
        return requested;
    }
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
}
