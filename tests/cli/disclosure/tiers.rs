//! Tier aggregates: a tier's mean times its count, less the listed members'
//! own figures (score's and benchmark's), is what the unlisted members
//! contributed. Hidden companies have no tier, so nothing may remain.

use super::outputs::{close, get, id, is_suppressed, list, Scenario};
use super::summaries::spearman;
use super::survey::{Truth, DIMS, ITEMS};
use serde_json::Value;
use std::collections::HashMap;

/// `(tier key in tiers{}, key in dimensions[]/items[], answered_* key)`.
const TIERS: [(&str, &str, &str); 3] = [
    ("leader", "leaders", "answered_leaders"),
    ("average", "average", "answered_average"),
    ("laggard", "laggards", "answered_laggards"),
];

/// Shown companies by tier, as leaders lists them; hidden companies that
/// carry a tier are findings.
fn members<'a>(
    sc: &Scenario,
    leaders: &'a Value,
    label: &str,
    out: &mut Vec<String>,
) -> [Vec<&'a str>; 3] {
    let mut m: [Vec<&str>; 3] = Default::default();
    for c in list(leaders, "companies") {
        let Some(tier) = c.get("tier").and_then(Value::as_str) else {
            continue;
        };
        if is_suppressed(c) || !sc.is_shown(id(c)) {
            out.push(format!(
                "{label}: hidden company {} is placed in tier {tier}",
                id(c)
            ));
            continue;
        }
        if let Some(t) = TIERS.iter().position(|x| x.0 == tier) {
            m[t].push(id(c));
        }
    }
    m
}

/// `n·mean − Σ listed` over the unlisted count: `(unlisted, their mean)`.
fn remainder(group: &Value, listed: &[f64]) -> Option<(f64, f64)> {
    let (n, mean) = (get(group, "n")?, get(group, "mean")?);
    let rem_n = n - listed.len() as f64;
    (rem_n.abs() >= 0.5).then(|| (rem_n, (n * mean - listed.iter().sum::<f64>()) / rem_n))
}

/// The hidden companies (as many as remain) whose mean figures are the
/// recovered ones, on every dimension and item that was recovered.
fn identify(
    sc: &Scenario,
    w: usize,
    rem_n: f64,
    dims: &[(usize, f64)],
    items: &[(usize, f64)],
) -> Option<Vec<String>> {
    let hidden: Vec<&Truth> = sc.hidden().collect();
    if hidden.len() > 16 || !(1.0..=3.0).contains(&rem_n) {
        return None;
    }
    let k = rem_n as u32;
    (1u32..1 << hidden.len())
        .filter(|m| m.count_ones() == k)
        .find_map(|m| {
            let set: Vec<&Truth> = (0..hidden.len())
                .filter(|i| m & (1 << i) != 0)
                .map(|i| hidden[i])
                .collect();
            let avg = |f: &dyn Fn(&Truth) -> f64| {
                set.iter().map(|t| f(t)).sum::<f64>() / set.len() as f64
            };
            let ok = dims
                .iter()
                .all(|&(d, v)| close(avg(&|t| t.weighted[w].dims[d]), v))
                && items
                    .iter()
                    .all(|&(i, v)| close(avg(&|t| t.weighted[w].items[i]), v));
            ok.then(|| set.iter().map(|t| t.id.clone()).collect())
        })
}

/// Dimension scores from a score JSON, by company id.
pub fn score_dims(score: &Value) -> HashMap<String, [Option<f64>; 3]> {
    list(score, "companies")
        .iter()
        .filter(|c| !is_suppressed(c))
        .map(|c| {
            let s = c.get("scores").unwrap_or(&Value::Null);
            (id(c).to_string(), DIMS.map(|d| get(s, d)))
        })
        .collect()
}

/// Item means (company_mean) from a benchmark JSON, by company id.
pub fn bench_items(bench: &Value) -> HashMap<String, HashMap<String, f64>> {
    list(bench, "companies")
        .iter()
        .filter(|c| !is_suppressed(c))
        .map(|c| {
            let items = list(c, "items")
                .iter()
                .filter_map(|i| {
                    Some((
                        i.get("item")?.as_str()?.to_string(),
                        get(i, "company_mean")?,
                    ))
                })
                .collect();
            (id(c).to_string(), items)
        })
        .collect()
}

/// `tiers{}` counts: the listed companies and their respondents only.
fn counts(
    leaders: &Value,
    tier: &str,
    listed: usize,
    resp: usize,
    label: &str,
    out: &mut Vec<String>,
) {
    let tiers = leaders.get("tiers").and_then(|x| x.get(tier));
    if let Some(n) = tiers.and_then(|x| get(x, "companies")) {
        if n != listed as f64 {
            out.push(format!("{label}: tiers.{tier}.companies = {n}, but {listed} shown companies are listed in it"));
        }
    }
    if let Some(n) = tiers.and_then(|x| get(x, "respondents")) {
        if n != resp as f64 {
            out.push(format!(
                "{label}: tiers.{tier}.respondents = {n}, but its listed companies hold {resp}"
            ));
        }
    }
}

/// Tier counts, respondents, dimension and item means of `leaders` against
/// the listed members' figures in `score` and `benchmark`.
pub fn aggregates(
    sc: &Scenario,
    w: usize,
    leaders: &Value,
    score: &Value,
    bench: &Value,
    label: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let m = members(sc, leaders, label, &mut out);
    let dims = score_dims(score);
    let items = bench_items(bench);
    for (t, (tier, key, answered)) in TIERS.iter().enumerate() {
        let listed = &m[t];
        let resp: usize = listed.iter().filter_map(|c| sc.truth(c)).map(|t| t.n).sum();
        counts(leaders, tier, listed.len(), resp, label, &mut out);
        let (mut rd, mut ri, mut rem) = (Vec::new(), Vec::new(), 0.0);
        let mut pool_reported = false;
        for d in list(leaders, "dimensions") {
            let Some(di) = DIMS
                .iter()
                .position(|x| d.get("dimension").and_then(Value::as_str) == Some(x))
            else {
                continue;
            };
            let vals: Vec<f64> = listed.iter().filter_map(|c| dims.get(*c)?[di]).collect();
            if let Some((n, v)) = d.get(*key).and_then(|g| remainder(g, &vals)) {
                rem = n;
                rd.push((di, v));
            }
        }
        for it in list(leaders, "items") {
            let Some(ii) = ITEMS
                .iter()
                .position(|x| it.get("item").and_then(Value::as_str) == Some(x.0))
            else {
                continue;
            };
            let vals: Vec<f64> = listed
                .iter()
                .filter_map(|c| items.get(*c)?.get(ITEMS[ii].0).copied())
                .collect();
            if let Some((n, v)) = it.get(*key).and_then(|g| remainder(g, &vals)) {
                rem = n;
                ri.push((ii, v));
            }
            if let Some(a) = get(it, answered) {
                if a != resp as f64 && !pool_reported {
                    pool_reported = true;
                    out.push(format!(
                        "{label}: {answered} = {a} on {}: the top-2-box pool of the {tier} tier holds respondents of unlisted companies (listed hold {resp})",
                        ITEMS[ii].0
                    ));
                }
            }
        }
        if rd.is_empty() && ri.is_empty() {
            continue;
        }
        let shown: Vec<String> = rd
            .iter()
            .map(|(d, v)| format!("{} {v:.6}", DIMS[*d]))
            .collect();
        let ident = identify(sc, w, rem, &rd, &ri).map_or(String::new(), |ids| {
            format!(": these are exactly the true figures of hidden companies {ids:?}")
        });
        out.push(format!(
            "{label}: tier aggregate (n·mean − Σ listed members' scores from score and item means from benchmark) on the {tier} tier leaves {rem} unlisted companies; recovered {} and {} item means{ident}",
            shown.join(", "),
            ri.len()
        ));
    }
    out
}

/// Each dimension's Spearman ρ with the composite must be that of the
/// listed companies alone.
pub fn correlations(sc: &Scenario, leaders: &Value, score: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let dims = score_dims(score);
    let listed: Vec<(&str, f64)> = list(leaders, "companies")
        .iter()
        .filter(|c| !is_suppressed(c) && sc.is_shown(id(c)))
        .filter_map(|c| Some((id(c), get(c, "composite")?)))
        .collect();
    for c in list(leaders, "correlations") {
        let Some(di) = DIMS
            .iter()
            .position(|x| c.get("dimension").and_then(Value::as_str) == Some(x))
        else {
            continue;
        };
        let pairs: Vec<(f64, f64)> = listed
            .iter()
            .filter_map(|(id, comp)| Some((dims.get(*id)?[di]?, *comp)))
            .collect();
        if let Some(n) = get(c, "n") {
            if n != pairs.len() as f64 {
                out.push(format!("{label}: correlation of {} counts n = {n}, but {} shown companies have a score and a composite", DIMS[di], pairs.len()));
            }
        }
        if let (Some(rho), Some(mine)) = (get(c, "spearman_rho"), spearman(&pairs)) {
            if !close(rho, mine) {
                out.push(format!("{label}: Spearman ρ of {} = {rho:.6}, but over the listed companies it is {mine:.6}: unlisted companies enter it", DIMS[di]));
            }
        }
    }
    out
}
