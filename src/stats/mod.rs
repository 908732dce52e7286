//! Pure statistics for `align`: descriptive statistics, scale reliability
//! (Cronbach's α), within-company agreement (ICC, r_wg(J)) and two-group
//! inference / correlation (Welch, Mann–Whitney, Hedges' g, BH q, Spearman,
//! two-proportion z) and change between waves (Welch from summaries, paired
//! t, Wilcoxon signed-rank). No I/O; every undefined value is `None`, never NaN or
//! infinity. Reference values for the tests come from
//! `tests/reference/stats_reference.py`.

pub mod agreement;
pub mod descriptive;
pub mod inference;
pub mod paired;
pub mod regression;
pub mod reliability;
pub mod relimp;
pub mod resample;

pub use agreement::{icc_oneway, rwg_j, GroupMoments, Icc};
pub use descriptive::{
    mean, median, quantile, quantile_sorted, sample_sd, sample_var, var_from_int_sums,
    var_from_sums, varies,
};
pub use inference::{
    benjamini_hochberg, fisher_z_ci, hedges_g, kruskal_wallis, mann_whitney, pearson,
    percentile_ranks, ranks, spearman, summarize, two_proportion_z, welch, zscores, Correlation,
    GroupSummary, HedgesG, KruskalWallis, MannWhitney, Welch,
};
pub use paired::{paired_t, welch_moments, wilcoxon_signed_rank, Moments, WelchDiff, Wilcoxon};
pub use reliability::{cronbach, Alpha, ItemReliability, ScaleCovariance};
