//! Scale reliability: Cronbach's α with Feldt's 95% confidence interval,
//! α-if-item-dropped and corrected item–total correlations, all computed from
//! the sufficient statistics of complete (listwise) cases held in
//! [`ScaleCovariance`] (item variances, item–total covariances, total variance).

use statrs::distribution::{ContinuousCDF, FisherSnedecor};

use super::descriptive::{finite, snap_zero};

/// Sample (n − 1) variances and covariances of a k-item scale over `n`
/// complete respondents; `T` is the respondent's total over the k items.
/// When `n < 2` the (co)variances are undefined and stored as `0.0`;
/// [`cronbach`] checks `n` before using them.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleCovariance {
    /// Number of complete respondents.
    pub n: u64,
    /// var(x_i) for each item.
    pub item_var: Vec<f64>,
    /// cov(x_i, T) for each item.
    pub item_total_cov: Vec<f64>,
    /// var(T).
    pub total_var: f64,
}

impl ScaleCovariance {
    /// rows: complete respondents, each a Vec of k item values (k is taken
    /// from the first row). Rows of a different length or with a non-finite
    /// value are skipped and not counted in `n`.
    pub fn from_rows(rows: &[Vec<f64>]) -> ScaleCovariance {
        let k = rows.first().map_or(0, Vec::len);
        let used: Vec<&Vec<f64>> = rows
            .iter()
            .filter(|r| r.len() == k && r.iter().all(|x| x.is_finite()))
            .collect();
        let n = used.len();
        if n < 2 {
            return ScaleCovariance {
                n: n as u64,
                item_var: vec![0.0; k],
                item_total_cov: vec![0.0; k],
                total_var: 0.0,
            };
        }
        // Two-pass on data shifted by the first row, so that a constant item
        // (or constant total) has deviations of exactly zero.
        let shift = used[0];
        let shift_t: f64 = shift.iter().sum();
        let dev = |r: &Vec<f64>| -> (Vec<f64>, f64) {
            let d: Vec<f64> = r.iter().zip(shift).map(|(x, s)| x - s).collect();
            let t: f64 = r.iter().sum::<f64>() - shift_t;
            (d, t)
        };
        let nf = n as f64;
        let mut mean_d = vec![0.0; k];
        let mut mean_t = 0.0;
        for r in &used {
            let (d, t) = dev(r);
            for (m, x) in mean_d.iter_mut().zip(&d) {
                *m += x;
            }
            mean_t += t;
        }
        for m in &mut mean_d {
            *m /= nf;
        }
        mean_t /= nf;
        let mut ss = vec![0.0; k];
        let mut sp = vec![0.0; k];
        let mut sst = 0.0;
        for r in &used {
            let (d, t) = dev(r);
            let et = t - mean_t;
            for i in 0..k {
                let e = d[i] - mean_d[i];
                ss[i] += e * e;
                sp[i] += e * et;
            }
            sst += et * et;
        }
        let den = nf - 1.0;
        ScaleCovariance {
            n: n as u64,
            item_var: ss.iter().map(|s| s / den).collect(),
            item_total_cov: sp.iter().map(|s| s / den).collect(),
            total_var: sst / den,
        }
    }

    /// Exact integer sums over n complete respondents: per item Σx_i, Σx_i²,
    /// Σx_i·T (T = row total of the k items), and ΣT, ΣT². Computes all
    /// (co)variances exactly in i128 before converting to f64
    /// (`(n·Σxy − Σx·Σy) / (n(n − 1))`, one rounding per value).
    /// k is the shortest of the three per-item slices.
    pub fn from_int_sums(
        n: u64,
        sum_i: &[i64],
        sumsq_i: &[i64],
        sum_it: &[i64],
        sum_t: i64,
        sumsq_t: i64,
    ) -> ScaleCovariance {
        let k = sum_i.len().min(sumsq_i.len()).min(sum_it.len());
        if n < 2 {
            return ScaleCovariance {
                n,
                item_var: vec![0.0; k],
                item_total_cov: vec![0.0; k],
                total_var: 0.0,
            };
        }
        let nn = i128::from(n);
        let den = (nn * (nn - 1)) as f64;
        let cov = |sxy: i64, sx: i64, sy: i64| -> i128 {
            nn * i128::from(sxy) - i128::from(sx) * i128::from(sy)
        };
        let item_var = (0..k)
            .map(|i| cov(sumsq_i[i], sum_i[i], sum_i[i]).max(0) as f64 / den)
            .collect();
        let item_total_cov = (0..k)
            .map(|i| cov(sum_it[i], sum_i[i], sum_t) as f64 / den)
            .collect();
        let total_var = cov(sumsq_t, sum_t, sum_t).max(0) as f64 / den;
        ScaleCovariance {
            n,
            item_var,
            item_total_cov,
            total_var,
        }
    }
}

/// Per-item reliability diagnostics.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemReliability {
    /// α of the other k − 1 items; `None` if k − 1 < 2 or their total has zero
    /// variance.
    pub alpha_if_dropped: Option<f64>,
    /// Corrected item–total correlation corr(x_i, T − x_i); `None` if either
    /// variance is zero.
    pub item_total_r: Option<f64>,
}

/// Cronbach's α of one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Alpha {
    /// Complete respondents used.
    pub n: u64,
    /// Number of items.
    pub k: usize,
    /// α = k/(k−1)·(1 − Σvar_i/var_T); `None` when undefined (see `notes`).
    pub alpha: Option<f64>,
    /// Feldt 95% CI `[lower, upper]`; `None` when α is `None` or n < 2.
    pub ci95: Option<[f64; 2]>,
    /// One entry per item, in input order.
    pub items: Vec<ItemReliability>,
    /// Plain-English reasons for undefined values.
    pub notes: Vec<String>,
}

/// Cronbach's α, Feldt 95% CI, α-if-item-dropped and corrected item–total r.
///
/// Feldt CI: lower = 1 − (1−α)·F⁻¹(0.975; n−1, (n−1)(k−1)),
/// upper = 1 − (1−α)·F⁻¹(0.025; n−1, (n−1)(k−1)).
/// A negative α (or a negative item–total r) is returned as is.
pub fn cronbach(cov: &ScaleCovariance) -> Alpha {
    let k = cov.item_var.len();
    let n = cov.n;
    let mut out = Alpha {
        n,
        k,
        alpha: None,
        ci95: None,
        items: vec![
            ItemReliability {
                alpha_if_dropped: None,
                item_total_r: None,
            };
            k
        ],
        notes: Vec::new(),
    };
    if let Some(problem) = input_problem(cov) {
        out.notes.push(problem);
        return out;
    }

    let sum_var: f64 = cov.item_var.iter().sum();
    let var_t = snap_zero(cov.total_var, sum_var);
    match scale_alpha(k, sum_var, var_t) {
        Ok(alpha) => out.alpha = alpha,
        Err(note) => out.notes.push(note),
    }
    if let Some(a) = out.alpha {
        out.ci95 = feldt_ci(a, n, k);
    }
    out.items = (0..k).map(|i| item_reliability(cov, i, var_t)).collect();
    out
}

/// Why α cannot be computed from `cov` at all (mismatched lengths,
/// non-finite covariances, fewer than 2 respondents, no items), or `None`
/// when the input is usable.
fn input_problem(cov: &ScaleCovariance) -> Option<String> {
    let k = cov.item_var.len();
    let n = cov.n;
    if cov.item_total_cov.len() != k {
        return Some(format!(
            "inconsistent input: {} item variances but {} item–total covariances",
            k,
            cov.item_total_cov.len()
        ));
    }
    let all_finite = cov.total_var.is_finite()
        && cov
            .item_var
            .iter()
            .chain(&cov.item_total_cov)
            .all(|x| x.is_finite());
    if !all_finite {
        return Some("the covariances contain non-finite values".to_string());
    }
    if n < 2 {
        return Some(format!("fewer than 2 complete respondents (n = {n})"));
    }
    if k == 0 {
        return Some("the scale has no items".to_string());
    }
    None
}

/// α = k/(k−1)·(1 − Σvar_i/var_T) for `k` items with item-variance sum
/// `sum_var` and total variance `var_t`; `Err` with the note explaining why
/// it is undefined (one item, zero total variance).
fn scale_alpha(k: usize, sum_var: f64, var_t: f64) -> Result<Option<f64>, String> {
    if k < 2 {
        Err("only one item".to_string())
    } else if var_t == 0.0 {
        Err("the total score has zero variance".to_string())
    } else {
        let kf = k as f64;
        Ok(finite(kf / (kf - 1.0) * (1.0 - sum_var / var_t)))
    }
}

/// α-if-dropped and corrected item–total r of item `i`, from the rest
/// score's variance var(T − x_i) = var_T + var_i − 2·cov(x_i, T).
fn item_reliability(cov: &ScaleCovariance, i: usize, var_t: f64) -> ItemReliability {
    let k = cov.item_var.len();
    let var_i = cov.item_var[i].max(0.0);
    let cov_it = cov.item_total_cov[i];
    // var(T − x_i) = var_T + var_i − 2·cov(x_i, T)
    let scale = var_t + var_i + 2.0 * cov_it.abs();
    let var_rest = snap_zero(var_t + var_i - 2.0 * cov_it, scale);
    let alpha_if_dropped = if k >= 3 && var_rest > 0.0 {
        let km = (k - 1) as f64;
        let sum_rest: f64 = cov
            .item_var
            .iter()
            .enumerate()
            .filter(|&(j, _)| j != i)
            .map(|(_, v)| v)
            .sum();
        finite(km / (km - 1.0) * (1.0 - sum_rest / var_rest))
    } else {
        None
    };
    let item_total_r = if var_i > 0.0 && var_rest > 0.0 {
        finite(((cov_it - var_i) / (var_i * var_rest).sqrt()).clamp(-1.0, 1.0))
    } else {
        None
    };
    ItemReliability {
        alpha_if_dropped,
        item_total_r,
    }
}

/// Feldt's F-based 95% CI for α with n respondents and k items.
fn feldt_ci(alpha: f64, n: u64, k: usize) -> Option<[f64; 2]> {
    if n < 2 || k < 2 {
        return None;
    }
    let df1 = (n - 1) as f64;
    let df2 = df1 * (k - 1) as f64;
    let f = FisherSnedecor::new(df1, df2).ok()?;
    let f_hi = f.inverse_cdf(0.975);
    let f_lo = f.inverse_cdf(0.025);
    let lower = finite(1.0 - (1.0 - alpha) * f_hi)?;
    let upper = finite(1.0 - (1.0 - alpha) * f_lo)?;
    Some([lower, upper])
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_abs_diff_eq;

    /// pingouin's bundled dataset: `pg.read_dataset('cronbach_alpha')`
    /// pivoted with index='Subj', columns='Items', values='Scores',
    /// columns ordered Q1..Q10 (15 respondents × 10 items on 1–7).
    const PG: [[i64; 10]; 15] = [
        [3, 2, 4, 1, 4, 5, 1, 4, 3, 2],
        [5, 4, 6, 3, 5, 1, 2, 5, 5, 5],
        [7, 3, 5, 5, 6, 4, 3, 3, 6, 5],
        [2, 4, 3, 3, 2, 2, 2, 6, 6, 3],
        [6, 5, 6, 5, 4, 4, 4, 6, 7, 5],
        [1, 2, 3, 4, 2, 5, 2, 3, 5, 2],
        [4, 3, 5, 3, 5, 2, 1, 2, 4, 3],
        [2, 4, 4, 3, 7, 2, 2, 4, 6, 5],
        [6, 5, 5, 5, 1, 6, 5, 2, 3, 2],
        [5, 4, 6, 4, 3, 5, 3, 1, 7, 2],
        [4, 3, 5, 2, 5, 3, 2, 3, 4, 1],
        [4, 2, 3, 2, 5, 3, 4, 2, 3, 4],
        [5, 5, 6, 2, 3, 3, 2, 4, 4, 5],
        [6, 5, 5, 4, 2, 2, 1, 4, 6, 5],
        [4, 3, 5, 5, 3, 1, 3, 2, 3, 4],
    ];

    fn rows_f64<const K: usize>(m: &[[i64; K]]) -> Vec<Vec<f64>> {
        m.iter()
            .map(|r| r.iter().map(|&x| x as f64).collect())
            .collect()
    }

    fn int_sums<const K: usize>(m: &[[i64; K]]) -> ScaleCovariance {
        let mut s = vec![0i64; K];
        let mut sq = vec![0i64; K];
        let mut st = vec![0i64; K];
        let (mut t1, mut t2) = (0i64, 0i64);
        for r in m {
            let t: i64 = r.iter().sum();
            for i in 0..K {
                s[i] += r[i];
                sq[i] += r[i] * r[i];
                st[i] += r[i] * t;
            }
            t1 += t;
            t2 += t * t;
        }
        ScaleCovariance::from_int_sums(m.len() as u64, &s, &sq, &st, t1, t2)
    }

    #[test]
    fn pingouin_published_example() {
        let a = cronbach(&ScaleCovariance::from_rows(&rows_f64(&PG)));
        assert_eq!(a.n, 15);
        assert_eq!(a.k, 10);
        assert!(a.notes.is_empty());
        // pg.cronbach_alpha(data=wide) -> (0.5917188485995825, array([0.195, 0.84]))
        assert_abs_diff_eq!(a.alpha.unwrap(), 0.5917188485995825, epsilon = 1e-12);
        let ci = a.ci95.unwrap();
        // 1 - (1 - alpha) * scipy.stats.f.ppf(0.975, 14, 126) -> 0.19492139066312153
        // 1 - (1 - alpha) * scipy.stats.f.ppf(0.025, 14, 126) -> 0.8398208146275432
        assert_abs_diff_eq!(ci[0], 0.19492139066312153, epsilon = 1e-9);
        assert_abs_diff_eq!(ci[1], 0.8398208146275432, epsilon = 1e-9);
        // published (rounded by pingouin): [0.195, 0.840]
        assert_abs_diff_eq!(ci[0], 0.195, epsilon = 1e-3);
        assert_abs_diff_eq!(ci[1], 0.840, epsilon = 1e-3);

        // [pg.cronbach_alpha(data=wide.drop(columns=c))[0] for c in wide.columns]
        let dropped = [
            0.468690324633991,
            0.5072805578342904,
            0.5183498526654164,
            0.531829170024174,
            0.6684890656063617,
            0.6711414790996786,
            0.5685063322572634,
            0.6101190476190477,
            0.5194256756756757,
            0.5225907821229049,
        ];
        // [np.corrcoef(wide[c], T - wide[c])[0, 1] for c in wide.columns], T = row sums
        let itr = [
            0.5747667919844912,
            0.5678028417673684,
            0.5213910754208803,
            0.41760582412861474,
            -0.10758308249257417,
            -0.15723651965665178,
            0.2610077350423379,
            0.09217320282318567,
            0.44337274599584026,
            0.4336883559648062,
        ];
        for i in 0..10 {
            assert_abs_diff_eq!(
                a.items[i].alpha_if_dropped.unwrap(),
                dropped[i],
                epsilon = 1e-12
            );
            assert_abs_diff_eq!(a.items[i].item_total_r.unwrap(), itr[i], epsilon = 1e-12);
        }
    }

    #[test]
    fn int_sums_agree_with_rows() {
        let from_rows = ScaleCovariance::from_rows(&rows_f64(&PG));
        let from_ints = int_sums(&PG);
        assert_eq!(from_rows.n, from_ints.n);
        assert_abs_diff_eq!(from_rows.total_var, from_ints.total_var, epsilon = 1e-12);
        for i in 0..10 {
            assert_abs_diff_eq!(
                from_rows.item_var[i],
                from_ints.item_var[i],
                epsilon = 1e-12
            );
            assert_abs_diff_eq!(
                from_rows.item_total_cov[i],
                from_ints.item_total_cov[i],
                epsilon = 1e-12
            );
        }
        let a = cronbach(&from_ints);
        let b = cronbach(&from_rows);
        assert_abs_diff_eq!(a.alpha.unwrap(), b.alpha.unwrap(), epsilon = 1e-12);
        // same pingouin reference as above
        assert_abs_diff_eq!(a.alpha.unwrap(), 0.5917188485995825, epsilon = 1e-12);
        let (ca, cb) = (a.ci95.unwrap(), b.ci95.unwrap());
        assert_abs_diff_eq!(ca[0], cb[0], epsilon = 1e-12);
        assert_abs_diff_eq!(ca[1], cb[1], epsilon = 1e-12);
        for i in 0..10 {
            assert_abs_diff_eq!(
                a.items[i].item_total_r.unwrap(),
                b.items[i].item_total_r.unwrap(),
                epsilon = 1e-12
            );
        }
    }

    #[test]
    fn constant_item() {
        // rows [1,2,3],[2,2,3],[4,5,3],[3,5,3]; item 3 is constant.
        const SMALL: [[i64; 3]; 4] = [[1, 2, 3], [2, 2, 3], [4, 5, 3], [3, 5, 3]];
        for cov in [
            ScaleCovariance::from_rows(&rows_f64(&SMALL)),
            int_sums(&SMALL),
        ] {
            assert_eq!(cov.item_var[2], 0.0);
            let a = cronbach(&cov);
            // pg.cronbach_alpha(data=small)[0] -> 0.6923076923076923 (= 9/13)
            assert_abs_diff_eq!(a.alpha.unwrap(), 0.6923076923076923, epsilon = 1e-12);
            // np.corrcoef(x_i, T - x_i)[0, 1] for items 1, 2 -> 0.894427190999916 (= 2/sqrt(5))
            assert_abs_diff_eq!(
                a.items[0].item_total_r.unwrap(),
                0.894427190999916,
                epsilon = 1e-12
            );
            assert_abs_diff_eq!(
                a.items[1].item_total_r.unwrap(),
                0.894427190999916,
                epsilon = 1e-12
            );
            // zero-variance item: correlation undefined
            assert_eq!(a.items[2].item_total_r, None);
            // pg.cronbach_alpha(data=small.drop(columns=c))[0] -> [0.0, 0.0, 0.9230769230769231]
            assert_abs_diff_eq!(a.items[0].alpha_if_dropped.unwrap(), 0.0, epsilon = 1e-12);
            assert_abs_diff_eq!(a.items[1].alpha_if_dropped.unwrap(), 0.0, epsilon = 1e-12);
            assert_abs_diff_eq!(
                a.items[2].alpha_if_dropped.unwrap(),
                0.9230769230769231,
                epsilon = 1e-12
            );
        }
    }

    #[test]
    fn one_item() {
        let cov = ScaleCovariance::from_rows(&[vec![1.0], vec![3.0], vec![4.0]]);
        let a = cronbach(&cov);
        assert_eq!(a.k, 1);
        assert_eq!(a.alpha, None);
        assert_eq!(a.ci95, None);
        assert_eq!(a.notes, vec!["only one item".to_string()]);
        assert_eq!(a.items.len(), 1);
        assert_eq!(a.items[0].alpha_if_dropped, None);
        assert_eq!(a.items[0].item_total_r, None);
    }

    #[test]
    fn two_items_have_no_alpha_if_dropped() {
        let cov = ScaleCovariance::from_rows(&[vec![1.0, 2.0], vec![3.0, 3.0], vec![4.0, 6.0]]);
        let a = cronbach(&cov);
        assert!(a.alpha.is_some());
        assert!(a.items.iter().all(|it| it.alpha_if_dropped.is_none()));
        // with two items, T − x_1 = x_2: item–total r is corr(x1, x2).
        // Hand: x1 = [1,3,4], x2 = [2,3,6]: cov = 17/6, var1 = 7/3, var2 = 13/3,
        // r = (17/6) / sqrt(91/9) = 8.5 / sqrt(91);
        // np.corrcoef([1,3,4],[2,3,6])[0,1] -> 0.8910421112136305
        let r = a.items[0].item_total_r.unwrap();
        assert_abs_diff_eq!(r, 8.5 / 91f64.sqrt(), epsilon = 1e-12);
        assert_abs_diff_eq!(r, 0.8910421112136305, epsilon = 1e-12);
        assert_abs_diff_eq!(a.items[1].item_total_r.unwrap(), r, epsilon = 1e-12);
    }

    #[test]
    fn zero_total_variance() {
        // every respondent answers identically
        let rows = vec![vec![3.0, 4.0, 5.0]; 5];
        let a = cronbach(&ScaleCovariance::from_rows(&rows));
        assert_eq!(a.alpha, None);
        assert_eq!(a.ci95, None);
        assert_eq!(
            a.notes,
            vec!["the total score has zero variance".to_string()]
        );
        assert!(a
            .items
            .iter()
            .all(|it| it.alpha_if_dropped.is_none() && it.item_total_r.is_none()));
        // items vary but the total is constant (x2 = 6 − x1)
        let rows = vec![vec![1.0, 5.0], vec![2.0, 4.0], vec![4.0, 2.0]];
        let a = cronbach(&ScaleCovariance::from_rows(&rows));
        assert_eq!(a.alpha, None);
        assert_eq!(
            a.notes,
            vec!["the total score has zero variance".to_string()]
        );
        // same through the integer path: n=3, Σx=[7,11], Σx²=[21,45], Σx·T=[42,66], ΣT=18, ΣT²=108
        let cov = ScaleCovariance::from_int_sums(3, &[7, 11], &[21, 45], &[42, 66], 18, 108);
        assert_eq!(cov.total_var, 0.0);
        assert_eq!(cronbach(&cov).alpha, None);
    }

    #[test]
    fn too_few_respondents() {
        for rows in [vec![], vec![vec![1.0, 2.0, 3.0]]] {
            let a = cronbach(&ScaleCovariance::from_rows(&rows));
            assert_eq!(a.alpha, None);
            assert_eq!(a.ci95, None);
            assert!(a.notes[0].starts_with("fewer than 2 complete respondents"));
            assert!(a.items.iter().all(|it| *it
                == ItemReliability {
                    alpha_if_dropped: None,
                    item_total_r: None
                }));
        }
        let cov = ScaleCovariance::from_int_sums(1, &[1, 2], &[1, 4], &[3, 6], 3, 9);
        let a = cronbach(&cov);
        assert_eq!(a.alpha, None);
        assert_eq!(a.n, 1);
    }

    #[test]
    fn ragged_and_non_finite_rows_are_skipped() {
        let mut rows = rows_f64(&PG);
        rows.push(vec![1.0, 2.0]);
        rows.push(vec![f64::NAN; 10]);
        let a = cronbach(&ScaleCovariance::from_rows(&rows));
        assert_eq!(a.n, 15);
        // pingouin value as in pingouin_published_example
        assert_abs_diff_eq!(a.alpha.unwrap(), 0.5917188485995825, epsilon = 1e-12);
    }

    #[test]
    fn inconsistent_input() {
        let cov = ScaleCovariance {
            n: 5,
            item_var: vec![1.0, 1.0],
            item_total_cov: vec![1.0],
            total_var: 3.0,
        };
        let a = cronbach(&cov);
        assert_eq!(a.alpha, None);
        assert_eq!(a.items.len(), 2);
        assert_eq!(a.notes.len(), 1);
    }
}
