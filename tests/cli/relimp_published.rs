//! The relative-importance statistics on published data sets, through the
//! library functions that take plain matrices (`align::stats::relimp`,
//! `align::stats::regression`).
//!
//! - `mtcars` (R datasets; Henderson & Velleman 1981), mpg ~ cyl + disp +
//!   hp + gear: Johnson's relative weights as printed in the README of the
//!   `rwa` R package (Martin Chan; "Basic example"): R² 0.7791896, raw
//!   weights 0.2284797, 0.2221469, 0.2321744, 0.0963886, rescaled 29.32274,
//!   28.50999, 29.79691, 12.37037 %.
//! - `mtcars`, mpg ~ am + vs + cyl: `relaimpo::calc.relimp(..., type =
//!   "lmg")` as printed in the README of the `domir` R package (Joseph
//!   Luchman; github.com/jluchman/domir, "Comparison with Existing Relative
//!   Importance Packages"): R² 76.2% (0.7619773 in the `domir` print of the
//!   same model), lmg 0.1774892, 0.2027032, 0.3817849, and `domir`'s
//!   standardized general dominance 0.2329324, 0.2660226, 0.5010450.
//! - `swiss` (R datasets; Mosteller & Tukey 1977), Fertility on the five
//!   indicators, the example of Grömping (2006), "Relative Importance for
//!   Linear Regression in R: The Package relaimpo", J. Stat. Software
//!   17(1): R² 0.7067 and adjusted R² 0.671 with the p-values of R's
//!   `summary(lm(Fertility ~ ., swiss))`, and LMG recomputed by brute
//!   force over all 120 orders of entry with numpy
//!   (tests/reference/relimp_reference.py; the paper's printed table could
//!   not be consulted here, so these LMG figures are the independent
//!   recomputation, not a copy of it).
//!
//! The data are embedded as tests/data/published/{mtcars,swiss}.csv.

use align::stats::regression::{ols, Unfit};
use align::stats::relimp::{lmg, relative_weights};
use approx::assert_abs_diff_eq;

fn read(name: &str, y: &str, xs: &[&str]) -> (Vec<Vec<f64>>, Vec<f64>) {
    let path = format!("{}/tests/data/published/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut r = csv::Reader::from_path(path).expect("fixture");
    let header = r.headers().expect("header").clone();
    let col = |c: &str| header.iter().position(|h| h == c).expect("column");
    let (iy, ix): (usize, Vec<usize>) = (col(y), xs.iter().map(|c| col(c)).collect());
    let (mut x, mut t) = (Vec::new(), Vec::new());
    for rec in r.records() {
        let rec = rec.expect("record");
        let num = |i: usize| rec[i].parse::<f64>().expect("number");
        t.push(num(iy));
        x.push(ix.iter().map(|&i| num(i)).collect());
    }
    (x, t)
}

const SWISS: [&str; 5] = [
    "Agriculture",
    "Examination",
    "Education",
    "Catholic",
    "Infant.Mortality",
];

#[test]
fn relimp_rwa_readme_mtcars_relative_weights() {
    let (x, y) = read("mtcars.csv", "mpg", &["cyl", "disp", "hp", "gear"]);
    let rw = relative_weights(&x, &y).expect("fits");
    assert_abs_diff_eq!(rw.r2, 0.7791896, epsilon = 5e-8);
    for (got, want) in rw
        .parts
        .iter()
        .zip([0.2284797, 0.2221469, 0.2321744, 0.0963886])
    {
        assert_abs_diff_eq!(*got, want, epsilon = 5e-8);
    }
    for (got, want) in rw
        .shares
        .iter()
        .zip([29.32274, 28.50999, 29.79691, 12.37037])
    {
        assert_abs_diff_eq!(got.expect("share") * 100.0, want, epsilon = 5e-6);
    }
    assert_abs_diff_eq!(rw.parts.iter().sum::<f64>(), rw.r2, epsilon = 1e-12);
}

#[test]
fn relimp_relaimpo_printed_lmg_mtcars() {
    let (x, y) = read("mtcars.csv", "mpg", &["am", "vs", "cyl"]);
    let d = lmg(&x, &y).expect("fits");
    assert_abs_diff_eq!(d.r2, 0.7619773, epsilon = 5e-8);
    for (got, want) in d.parts.iter().zip([0.1774892, 0.2027032, 0.3817849]) {
        assert_abs_diff_eq!(*got, want, epsilon = 5e-8);
    }
    for (got, want) in d.shares.iter().zip([0.2329324, 0.2660226, 0.5010450]) {
        assert_abs_diff_eq!(got.expect("share"), want, epsilon = 5e-8);
    }
}

#[test]
fn relimp_swiss_ols_matches_lm_summary() {
    let (x, y) = read("swiss.csv", "Fertility", &SWISS);
    let fit = ols(&x, &y).expect("fits");
    assert_eq!(fit.n, 47);
    assert_abs_diff_eq!(fit.r2, 0.7067350015927255, epsilon = 1e-10);
    assert_abs_diff_eq!(fit.adj_r2.unwrap(), 0.6709709773967165, epsilon = 1e-10);
    let beta = [
        -0.3129212824999196,
        -0.16477822253934735,
        -0.6704007801060744,
        0.3476000281442188,
        0.25113597629871065,
    ];
    let p = [
        0.01872715438517576,
        0.31546172314372645,
        2.4306045907379173e-05,
        0.005190078545165924,
        0.007335715320601564,
    ];
    for j in 0..5 {
        assert_abs_diff_eq!(fit.beta[j], beta[j], epsilon = 1e-10);
        let got = fit.p[j].expect("p");
        assert!((got - p[j]).abs() <= 1e-8 * p[j].max(1e-3), "{j}: {got}");
    }
}

#[test]
fn relimp_swiss_lmg_over_all_orders() {
    let (x, y) = read("swiss.csv", "Fertility", &SWISS);
    let d = lmg(&x, &y).expect("fits");
    let want = [
        0.05709122076809127,
        0.17117302890023414,
        0.2601346786243845,
        0.10557015037349356,
        0.11276592292652185,
    ];
    for (got, w) in d.parts.iter().zip(want) {
        assert_abs_diff_eq!(*got, w, epsilon = 1e-10);
    }
    assert_abs_diff_eq!(d.r2, 0.7067350015927255, epsilon = 1e-10);
    let shares: f64 = d.shares.iter().map(|s| s.unwrap()).sum();
    assert_abs_diff_eq!(shares, 1.0, epsilon = 1e-12);
}

#[test]
fn relimp_swiss_relative_weights() {
    let (x, y) = read("swiss.csv", "Fertility", &SWISS);
    let rw = relative_weights(&x, &y).expect("fits");
    let want = [
        0.04841689581190071,
        0.15470824980616024,
        0.2719641046459984,
        0.11468002994756112,
        0.1169657213811044,
    ];
    for (got, w) in rw.parts.iter().zip(want) {
        assert_abs_diff_eq!(*got, w, epsilon = 1e-10);
    }
}

#[test]
fn relimp_collinear_predictors_are_singular_not_nan() {
    // The third column is the sum of the first two.
    let x: Vec<Vec<f64>> = (0..10)
        .map(|i| {
            let (a, b) = (i as f64, ((i * 7) % 5) as f64);
            vec![a, b, a + b]
        })
        .collect();
    let y: Vec<f64> = (0..10).map(|i| (i * i % 11) as f64).collect();
    assert_eq!(ols(&x, &y).unwrap_err(), Unfit::Singular);
    assert_eq!(lmg(&x, &y).unwrap_err(), Unfit::Singular);
    assert_eq!(relative_weights(&x, &y).unwrap_err(), Unfit::Singular);
    // A constant predictor, and too few cases.
    let flat: Vec<Vec<f64>> = (0..10).map(|i| vec![i as f64, 2.0]).collect();
    assert_eq!(ols(&flat, &y).unwrap_err(), Unfit::NoVariance);
    assert!(matches!(
        ols(&x[..4], &y[..4]).unwrap_err(),
        Unfit::TooFewCases { n: 4, needed: 5 }
    ));
}

#[test]
fn relimp_is_scale_free_at_the_ends_of_the_f64_range() {
    let (x, y) = read("swiss.csv", "Fertility", &SWISS);
    let base = lmg(&x, &y).unwrap();
    for k in [1e-300, 1e200] {
        let ys: Vec<f64> = y.iter().map(|v| v * k).collect();
        let xs: Vec<Vec<f64>> = x
            .iter()
            .map(|r| r.iter().map(|v| v * k).collect())
            .collect();
        let d = lmg(&xs, &ys).expect("fits");
        for (a, b) in d.parts.iter().zip(&base.parts) {
            assert_abs_diff_eq!(*a, *b, epsilon = 1e-9);
        }
        let rw = relative_weights(&xs, &ys).expect("fits");
        assert_abs_diff_eq!(rw.r2, base.r2, epsilon = 1e-9);
    }
}
