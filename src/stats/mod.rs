//! Pure statistics for `align`: descriptive statistics, scale reliability
//! (Cronbach's α) and within-company agreement (ICC, r_wg(J)). No I/O; every
//! undefined value is `None`, never NaN or infinity.

pub mod agreement;
pub mod descriptive;
pub mod reliability;

pub use agreement::{icc_oneway, rwg_j, GroupMoments, Icc};
pub use descriptive::{mean, median, sample_sd, sample_var, var_from_int_sums, var_from_sums};
pub use reliability::{cronbach, Alpha, ItemReliability, ScaleCovariance};
