//! Respondent pools: a pooled figure times its n, less the shown companies
//! (or shown role groups) inside it, leaves the rest of the pool; that rest
//! must hold 0 or at least N respondents. And no two printed pools of the
//! same statistic may differ by 1..N−1 respondents.

use super::outputs::{close, get, id, is_suppressed, list, Scenario};
use super::survey::{index, Figures, Truth, DIMS, ITEMS, ROLES};
use super::tiers::{bench_items, score_dims};
use serde_json::Value;
use std::collections::BTreeMap;

/// Respondent-weighted mean of a figure over groups.
fn pooled(groups: &[&Figures], f: impl Fn(&Figures) -> f64) -> f64 {
    let n: usize = groups.iter().map(|g| g.n).sum();
    groups.iter().map(|g| g.n as f64 * f(g)).sum::<f64>() / n as f64
}

fn dim_items(d: usize) -> impl Iterator<Item = usize> {
    (0..ITEMS.len()).filter(move |&i| ITEMS[i].1 == d)
}

/// Pooled items (`score` items[] n and mean) less the shown companies'
/// scores (score) and item means (benchmark), respondent weighting.
pub fn minus_companies(sc: &Scenario, score: &Value, bench: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let thr = sc.threshold as f64;
    let items = list(score, "items");
    let by_item = |i: usize| {
        items
            .iter()
            .find(|x| x.get("item").and_then(Value::as_str) == Some(ITEMS[i].0))
    };
    let dims = score_dims(score);
    let means = bench_items(bench);
    let shown: Vec<&Truth> = sc
        .truths
        .iter()
        .filter(|t| dims.contains_key(&t.id))
        .collect();
    let shown_n: usize = shown.iter().map(|t| t.n).sum();
    let hidden: Vec<&Figures> = sc.hidden().map(|h| &h.weighted[0]).collect();
    for (d, dim) in DIMS.iter().enumerate() {
        let pool: Vec<(f64, f64)> = dim_items(d)
            .filter_map(|i| Some((get(by_item(i)?, "n")?, get(by_item(i)?, "index")?)))
            .collect();
        let Some(&(n, _)) = pool.first() else {
            continue;
        };
        let rem_n = n - shown_n as f64;
        if rem_n < 0.5 || rem_n >= thr || pool.len() != dim_items(d).count() {
            continue;
        }
        let pooled_index = pool.iter().map(|p| p.1).sum::<f64>() / pool.len() as f64;
        let listed: f64 = shown
            .iter()
            .filter_map(|t| Some(t.n as f64 * dims[&t.id][d]?))
            .sum();
        let rec = (n * pooled_index - listed) / rem_n;
        let truth = pooled(&hidden, |g| g.dims[d]);
        out.push(format!(
            "{label}: pooled minus companies: n·pooled {dim} − Σ n_c·score_c = {n}·{pooled_index:.6} − Σ({} shown) leaves {rem_n} respondents (fewer than {thr}) scoring {rec:.6} (hidden companies' true {truth:.6})",
            shown.len()
        ));
    }
    for (i, (item, _, _)) in ITEMS.iter().enumerate() {
        let Some((n, mean)) = by_item(i).and_then(|x| Some((get(x, "n")?, get(x, "mean")?))) else {
            continue;
        };
        let rem_n = n - shown_n as f64;
        let listed: Option<f64> = shown
            .iter()
            .map(|t| Some(t.n as f64 * means.get(&t.id)?.get(*item)?))
            .sum();
        let (Some(listed), true) = (listed, rem_n >= 0.5 && rem_n < thr) else {
            continue;
        };
        let rec = (n * mean - listed) / rem_n;
        let truth = pooled(&hidden, |g| g.items[i]);
        out.push(format!(
            "{label} + benchmark: pooled minus companies: n·pooled {item} mean − Σ n_c·company_mean leaves {rem_n} respondents (fewer than {thr}) with mean {rec:.6} (hidden companies' true {truth:.6})"
        ));
        break;
    }
    out
}

/// A role group: its company, its true figures, its printed scores if shown.
type Group<'a> = (&'a Truth, &'a Figures, Option<[f64; 3]>);
/// Which role groups a candidate pool holds.
type Keep<'a> = Box<dyn Fn(&Group<'a>) -> bool + 'a>;
/// Printed pools: (statistic, key) → (source, n, value).
type PoolMap = BTreeMap<(String, String), Vec<(String, usize, f64)>>;

/// Role groups of role `r`, each with whether the score JSON shows it.
fn role_groups<'a>(sc: &'a Scenario, score: &Value, r: usize) -> Vec<Group<'a>> {
    let shown: BTreeMap<&str, &Value> = list(score, "companies")
        .iter()
        .filter(|c| !is_suppressed(c))
        .map(|c| (id(c), c))
        .collect();
    sc.truths
        .iter()
        .filter_map(|t| {
            let g = t.groups[r].as_ref()?;
            let printed = shown
                .get(t.id.as_str())
                .and_then(|c| c.get("by_role")?.get(ROLES[r]))
                .filter(|g| !is_suppressed(g));
            let dims = printed.and_then(|p| {
                let d = DIMS.map(|d| get(p, d));
                d.iter().all(Option::is_some).then(|| d.map(Option::unwrap))
            });
            Some((t, g, dims))
        })
        .collect()
}

/// Which candidate pool (all respondents of the role, those of shown
/// companies, those of shown role groups) has exactly the printed values.
fn identify<'a, 'g>(
    sc: &'a Scenario,
    groups: &'g [Group<'a>],
    printed: &[Option<f64>],
) -> Option<(&'static str, Vec<&'g Group<'a>>)> {
    let candidates: [(&str, Keep); 3] = [
        ("every respondent of the role", Box::new(|_| true)),
        (
            "the role in shown companies",
            Box::new(|g| g.0.n >= sc.threshold),
        ),
        ("the shown role groups", Box::new(|g| g.2.is_some())),
    ];
    candidates.iter().find_map(|(name, keep)| {
        let members: Vec<_> = groups.iter().filter(|g| keep(g)).collect();
        let figs: Vec<&Figures> = members.iter().map(|g| g.1).collect();
        let ok = !figs.is_empty()
            && printed
                .iter()
                .enumerate()
                .all(|(i, p)| p.is_some_and(|p| close(p, index(pooled(&figs, |g| g.items[i])))));
        ok.then_some((*name, members))
    })
}

/// The role pools of `score` items[].by_role, identified by their values
/// (all respondents of the role, those of shown companies, or those of
/// shown role groups), less the shown role groups inside them.
pub fn role_minus_groups(
    sc: &Scenario,
    score: &Value,
    label: &str,
    pools: &mut Pools,
) -> Vec<String> {
    let mut out = Vec::new();
    let items = list(score, "items");
    for (r, role) in ROLES.iter().enumerate() {
        let groups = role_groups(sc, score, r);
        let printed: Vec<Option<f64>> = ITEMS
            .iter()
            .map(|it| {
                items
                    .iter()
                    .find(|x| x.get("item").and_then(Value::as_str) == Some(it.0))
                    .and_then(|x| get(x.get("by_role")?, role))
            })
            .collect();
        let found = identify(sc, &groups, &printed);
        let Some((name, members)) = found else {
            continue;
        };
        let n: usize = members.iter().map(|g| g.1.n).sum();
        for (i, it) in ITEMS.iter().enumerate() {
            pools.add(
                &format!("{role} item index"),
                it.0,
                label,
                n,
                printed[i].unwrap_or(f64::NAN),
            );
        }
        let shown_n: usize = members
            .iter()
            .filter(|g| g.2.is_some())
            .map(|g| g.1.n)
            .sum();
        let rem_n = n - shown_n;
        if rem_n == 0 || rem_n >= sc.threshold {
            continue;
        }
        let rest: Vec<&Figures> = members
            .iter()
            .filter(|g| g.2.is_none())
            .map(|g| g.1)
            .collect();
        let ids: Vec<&str> = members
            .iter()
            .filter(|g| g.2.is_none())
            .map(|g| g.0.id.as_str())
            .collect();
        let d = 0;
        let pooled_index =
            dim_items(d).filter_map(|i| printed[i]).sum::<f64>() / dim_items(d).count() as f64;
        let listed: f64 = members
            .iter()
            .filter_map(|g| Some(g.1.n as f64 * g.2?[d]))
            .sum();
        let rec = (n as f64 * pooled_index - listed) / rem_n as f64;
        out.push(format!(
            "{label}: pooled {role} minus shown {role} groups: the pool ({name}, {n} respondents) less the shown groups leaves {rem_n} respondents (fewer than {}) of companies {ids:?} scoring {rec:.6} on {} (true {:.6})",
            sc.threshold,
            DIMS[d],
            pooled(&rest, |g| g.dims[d])
        ));
    }
    out
}

/// Printed pools by (statistic, item or dimension, subject): n and value.
#[derive(Default)]
pub struct Pools(PoolMap);

impl Pools {
    pub fn add(&mut self, stat: &str, key: &str, source: &str, n: usize, value: f64) {
        self.0
            .entry((stat.into(), key.into()))
            .or_default()
            .push((source.into(), n, value));
    }

    /// Pools of `score`, `gaps` and `leaders` JSON (or the parts of `report`).
    pub fn collect(&mut self, source: &str, v: &Value) {
        for it in list(v, "items") {
            let item = it.get("item").and_then(Value::as_str).unwrap_or("?");
            if let (Some(n), Some(m)) = (get(it, "n"), get(it, "mean")) {
                self.add("item mean", item, source, n as usize, m);
            }
            for (n, p, who) in [
                ("answered_leaders", "top2_leaders", "leaders"),
                ("answered_laggards", "top2_laggards", "laggards"),
            ] {
                if let (Some(n), Some(p)) = (get(it, n), get(it, p)) {
                    self.add(&format!("{who} top-2-box"), item, source, n as usize, p);
                }
            }
        }
        for it in list(v, "disconnect") {
            let item = it.get("item").and_then(Value::as_str).unwrap_or("?");
            for role in ROLES {
                if let (Some(n), Some(p)) = (
                    get(it, &format!("n_{role}")),
                    get(it, &format!("pct_{role}")),
                ) {
                    self.add(&format!("{role} % agreeing"), item, source, n as usize, p);
                }
            }
        }
        if let Some(rel) = v.get("reliability").and_then(Value::as_object) {
            for (dim, r) in rel {
                if let (Some(n), Some(a)) = (get(r, "n_complete"), get(r, "alpha")) {
                    self.add("Cronbach's α", dim, source, n as usize, a);
                }
            }
        }
    }

    /// Every pool holds N or more; two pools of one statistic differ by 0 or N or more.
    pub fn check(&self, thr: usize) -> Vec<String> {
        let mut out = Vec::new();
        for ((stat, key), v) in &self.0 {
            for (src, n, value) in v.iter().filter(|p| p.1 > 0 && p.1 < thr) {
                out.push(format!("{src}: {stat} of {key} printed from a pool of {n} respondents (fewer than {thr}): {value:.6}"));
            }
            for (a, b) in v.iter().flat_map(|a| v.iter().map(move |b| (a, b))) {
                if a.1 > b.1 && a.1 - b.1 < thr && b.1 > 0 {
                    let rec = (a.1 as f64 * a.2 - b.1 as f64 * b.2) / (a.1 - b.1) as f64;
                    out.push(format!(
                        "two pools: {stat} of {key} in {} (n = {}, {:.6}) and in {} (n = {}, {:.6}) differ by {} respondents (fewer than {thr}), whose figure is {rec:.6}",
                        a.0, a.1, a.2, b.0, b.1, b.2, a.1 - b.1
                    ));
                    break;
                }
            }
        }
        out
    }
}
