//! Company-level summaries that hidden companies must not enter: norms
//! (counts, score lists, item means, tiers), ICC and the r_wg(J) median;
//! and the plain arithmetic the checks recompute them with.

use super::outputs::{close, get, id, is_suppressed, list, Scenario};
use super::survey::{Truth, DIMS, ITEMS};
use serde_json::Value;

pub fn median(v: &[f64]) -> Option<f64> {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    (n > 0).then(|| (s[(n - 1) / 2] + s[n / 2]) / 2.0)
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len()
            && (v[idx[j + 1]] - v[idx[i]]).abs() <= 1e-9 * v[idx[i]].abs().max(1.0)
        {
            j += 1;
        }
        for k in i..=j {
            r[idx[k]] = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    r
}

/// Spearman ρ with average ranks for ties.
pub fn spearman(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let a = ranks(&pairs.iter().map(|p| p.0).collect::<Vec<_>>());
    let b = ranks(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    (va > 0.0 && vb > 0.0).then(|| cov / (va * vb).sqrt())
}

fn shown(sc: &Scenario) -> Vec<&Truth> {
    sc.truths.iter().filter(|t| t.n >= sc.threshold).collect()
}

/// The norms file holds the shown companies only.
pub fn norms(sc: &Scenario, w: usize, norms: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let shown = shown(sc);
    let respondents: usize = shown.iter().map(|t| t.n).sum();
    if get(norms, "companies") != Some(shown.len() as f64) {
        out.push(format!(
            "{label}: companies = {:?}, but {} companies are shown",
            get(norms, "companies"),
            shown.len()
        ));
    }
    if get(norms, "respondents") != Some(respondents as f64) {
        out.push(format!(
            "{label}: respondents = {:?}, but shown companies hold {respondents}",
            get(norms, "respondents")
        ));
    }
    for (d, dim) in DIMS.iter().enumerate() {
        let scores = norms
            .get("dimensions")
            .and_then(|x| x.get(dim))
            .map(|x| list(x, "scores"))
            .unwrap_or(&[]);
        for s in scores.iter().filter_map(Value::as_f64) {
            let legit = shown.iter().any(|t| close(t.weighted[w].dims[d], s));
            if let Some(h) = sc
                .hidden()
                .find(|h| !legit && close(h.weighted[w].dims[d], s))
            {
                out.push(format!("{label}: dimensions.{dim}.scores lists {s:.6}, hidden company {}'s {dim} score", h.id));
            }
        }
    }
    let items = norms.get("items").unwrap_or(&Value::Null);
    for (i, (item, _, _)) in ITEMS.iter().enumerate() {
        let Some(x) = items.get(item) else { continue };
        let (Some(n), Some(mean)) = (get(x, "n"), get(x, "mean")) else {
            continue;
        };
        let rem_n = n - shown.len() as f64;
        if rem_n.abs() >= 0.5 {
            let rec =
                (n * mean - shown.iter().map(|t| t.weighted[w].items[i]).sum::<f64>()) / rem_n;
            out.push(format!("{label}: items.{item}: n·mean − Σ shown company means leaves {rem_n} companies averaging {rec:.6}"));
        }
    }
    if let Some(tiers) = norms.get("tiers").filter(|t| !t.is_null()) {
        let n: f64 = ["leader", "average", "laggard"]
            .iter()
            .filter_map(|t| tiers.get(t).and_then(|x| get(x, "n")))
            .sum::<f64>()
            + get(tiers, "unclassified").unwrap_or(0.0);
        if n != shown.len() as f64 {
            out.push(format!(
                "{label}: the tiers hold {n} companies, but {} companies are shown",
                shown.len()
            ));
        }
    }
    out
}

/// ICC(1), ICC(2) over the shown companies' respondents.
fn icc(groups: &[&Vec<[f64; 3]>], d: usize) -> Option<(f64, f64)> {
    let k = groups.len() as f64;
    let total: usize = groups.iter().map(|g| g.len()).sum();
    let n = total as f64;
    let grand = groups
        .iter()
        .flat_map(|g| g.iter().map(|r| r[d]))
        .sum::<f64>()
        / n;
    let means: Vec<f64> = groups
        .iter()
        .map(|g| g.iter().map(|r| r[d]).sum::<f64>() / g.len() as f64)
        .collect();
    let ssb: f64 = groups
        .iter()
        .zip(&means)
        .map(|(g, m)| g.len() as f64 * (m - grand).powi(2))
        .sum();
    let ssw: f64 = groups
        .iter()
        .zip(&means)
        .map(|(g, m)| g.iter().map(|r| (r[d] - m).powi(2)).sum::<f64>())
        .sum();
    let (msb, msw) = (ssb / (k - 1.0), ssw / (n - k));
    let g = n / k;
    (k >= 2.0 && msb > 0.0).then(|| ((msb - msw) / (msb + (g - 1.0) * msw), (msb - msw) / msb))
}

/// `score`'s aggregation{}: counts, ICC and the r_wg(J) median over the
/// shown companies only.
pub fn agreement(sc: &Scenario, score: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let shown = shown(sc);
    let groups: Vec<&Vec<[f64; 3]>> = shown
        .iter()
        .filter(|t| t.n >= 2)
        .map(|t| &t.respondent_dims)
        .collect();
    let agg = score.get("aggregation").unwrap_or(&Value::Null);
    for (d, dim) in DIMS.iter().enumerate() {
        let Some(a) = agg.get(dim) else { continue };
        if let Some(g) = get(a, "icc_groups") {
            if g != groups.len() as f64 {
                out.push(format!("{label}: aggregation.{dim}.icc_groups = {g}, but {} shown companies have 2 or more respondents", groups.len()));
            }
        }
        if let (Some(printed), Some((mine, _))) = (get(a, "icc1"), icc(&groups, d)) {
            if !close(printed, mine) {
                out.push(format!("{label}: ICC(1) of {dim} = {printed:.6}, but over the shown companies it is {mine:.6}: hidden companies enter it"));
            }
        }
        let rwg: Vec<f64> = list(score, "companies")
            .iter()
            .filter(|c| !is_suppressed(c) && sc.is_shown(id(c)))
            .filter_map(|c| get(c.get("rwg_j")?, dim))
            .collect();
        if let Some(n) = get(a, "rwg_j_companies") {
            if n != rwg.len() as f64 {
                out.push(format!("{label}: aggregation.{dim}.rwg_j_companies = {n}, but {} listed companies have an r_wg(J)", rwg.len()));
            }
        }
        if let (Some(printed), Some(mine)) = (get(a, "rwg_j_median"), median(&rwg)) {
            if !close(printed, mine) {
                out.push(format!("{label}: r_wg(J) median of {dim} = {printed:.6}, but over the listed companies it is {mine:.6}"));
            }
        }
    }
    out
}
