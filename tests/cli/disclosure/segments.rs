//! The attacker with `--segment`: the generated surveys get a companies
//! file with an `industry` attribute (a few values, one of them too small
//! for `--min-companies`, hidden companies spread among them, some
//! companies without a value), and `score`, `leaders`, `gaps` and `report`
//! are run with `--companies F --segment industry` in JSON. The printed
//! segment figures are then checked against the true figures of the shown
//! companies and solved against the field.

use super::outputs::{self, Scenario, WEIGHTINGS};
use super::survey::{Survey, Truth, DIMS};
use serde_json::Value;

/// The segment values, by company position.
pub fn industry(position: usize) -> Option<&'static str> {
    if position % 11 == 7 {
        None
    } else if position % 9 == 4 {
        Some("Retail")
    } else {
        Some(["SaaS", "Manufacturing", "Finance"][position % 3])
    }
}

pub fn companies_csv(survey: &Survey) -> String {
    let mut out = String::from("company_id,industry\n");
    for (k, c) in survey.companies.iter().enumerate() {
        out += &format!("{},{}\n", c.id, industry(k).unwrap_or(""));
    }
    out
}

/// The `segments` object of every command, per weighting.
pub struct SegmentRuns {
    pub min_companies: usize,
    /// `[respondent weighting, role weighting]`: (label, segments).
    pub runs: [Vec<(String, Value)>; 2],
    /// Each company's segment, by id.
    pub segment_of: Vec<(String, String)>,
    /// `norms --segment industry`, per weighting.
    pub norms: [Value; 2],
}

pub fn run(sc: &Scenario, seed: u64, survey: &Survey, min_companies: usize) -> SegmentRuns {
    let dir = tempfile::tempdir().expect("temporary directory");
    let p = |f: &str| dir.path().join(f).to_string_lossy().into_owned();
    std::fs::write(p("responses.csv"), survey.responses_csv(seed)).expect("responses written");
    std::fs::write(p("outcomes.csv"), survey.outcomes_csv()).expect("outcomes written");
    std::fs::write(p("companies.csv"), companies_csv(survey)).expect("companies written");
    let (resp, outc, comp) = (p("responses.csv"), p("outcomes.csv"), p("companies.csv"));
    let (anon, k) = (sc.threshold.to_string(), min_companies.to_string());
    let runs = WEIGHTINGS.map(|w| {
        let mut v = Vec::new();
        for cmd in ["score", "leaders", "gaps", "report"] {
            let mut a = vec![cmd, resp.as_str()];
            if cmd != "score" {
                a.extend_from_slice(&["--outcomes", &outc]);
            }
            a.extend_from_slice(&[
                "--companies",
                &comp,
                "--segment",
                "industry",
                "--min-companies",
                &k,
                "--weighting",
                w,
                "--anonymity",
                &anon,
                "--format",
                "json",
            ]);
            let j = outputs::json(&a);
            let seg = j.get("segments").cloned().unwrap_or(Value::Null);
            assert!(seg.is_object(), "{cmd} --segment prints no segments");
            v.push((format!("{cmd} --segment industry --weighting {w}"), seg));
        }
        v
    });
    let norms = WEIGHTINGS.map(|w| {
        let file = p(&format!("norms-{w}.json"));
        let a = [
            "norms",
            resp.as_str(),
            "--outcomes",
            &outc,
            "--companies",
            &comp,
            "--segment",
            "industry",
            "--min-companies",
            &k,
            "--weighting",
            w,
            "--anonymity",
            &anon,
            "-o",
            &file,
            "--quiet",
        ];
        outputs::run(&a);
        serde_json::from_str(&std::fs::read_to_string(&file).expect("norms written"))
            .expect("norms are JSON")
    });
    let segment_of = survey
        .companies
        .iter()
        .enumerate()
        .map(|(k, c)| (c.id.clone(), industry(k).unwrap_or("(none)").to_string()))
        .collect();
    SegmentRuns {
        min_companies,
        runs,
        segment_of,
        norms,
    }
}

impl SegmentRuns {
    /// The shown companies of a segment.
    pub fn members<'a>(&self, sc: &'a Scenario, value: &str) -> Vec<&'a Truth> {
        self.segment_of
            .iter()
            .filter(|(id, s)| s == value && sc.is_shown(id))
            .filter_map(|(id, _)| sc.truth(id))
            .collect()
    }

    /// Every segment value with its shown companies.
    pub fn values(&self) -> Vec<String> {
        let mut v: Vec<String> = self.segment_of.iter().map(|(_, s)| s.clone()).collect();
        v.sort();
        v.dedup();
        v
    }
}

fn groups(seg: &Value) -> &[Value] {
    outputs::list(seg, "groups")
}

fn value(g: &Value) -> &str {
    g.get("value").and_then(Value::as_str).unwrap_or("?")
}

fn count(g: &Value, key: &str) -> usize {
    g.get(key).and_then(Value::as_u64).unwrap_or(0) as usize
}

/// The true score `k` (dimensions, then the alignment index).
fn score(t: &Truth, w: usize, k: usize) -> f64 {
    if k < DIMS.len() {
        t.weighted[w].dims[k]
    } else {
        t.weighted[w].alignment
    }
}

fn keys() -> Vec<&'static str> {
    let mut k = DIMS.to_vec();
    k.push("alignment_index");
    k
}

/// A hidden segment carries its value, `suppressed` and counts only.
pub fn hidden_objects(label: &str, seg: &Value) -> Vec<String> {
    let mut f = Vec::new();
    for g in groups(seg).iter().filter(|g| outputs::is_suppressed(g)) {
        let Some(obj) = g.as_object() else { continue };
        for (k, v) in obj {
            let allowed = ["value", "suppressed", "n_companies", "n_respondents"];
            if !allowed.contains(&k.as_str()) && !v.is_null() {
                f.push(format!(
                    "{label}: hidden segment {} carries {k} = {v}",
                    value(g)
                ));
            }
        }
    }
    f
}

/// A shown segment's counts and means are those of the shown companies of
/// its value, and nothing else.
pub fn members_only(
    sc: &Scenario,
    sr: &SegmentRuns,
    w: usize,
    label: &str,
    seg: &Value,
) -> Vec<String> {
    let mut f = Vec::new();
    for g in groups(seg) {
        let ms = sr.members(sc, value(g));
        let n_resp: usize = ms.iter().map(|t| t.n).sum();
        if count(g, "n_companies") != ms.len() || count(g, "n_respondents") != n_resp {
            f.push(format!(
                "{label}: segment {} counts {} companies / {} respondents, its shown companies are {} / {n_resp}",
                value(g),
                count(g, "n_companies"),
                count(g, "n_respondents"),
                ms.len()
            ));
        }
        if outputs::is_suppressed(g) {
            continue;
        }
        for (k, key) in keys().iter().enumerate() {
            let printed = g
                .get("dimensions")
                .and_then(|d| d.get(key))
                .and_then(|d| outputs::get(d, "mean"));
            let want = ms.iter().map(|t| score(t, w, k)).sum::<f64>() / ms.len() as f64;
            match printed {
                Some(p) if outputs::close(p, want) => {}
                other => f.push(format!(
                    "{label}: segment {} {key} mean {other:?}, the mean of its shown companies is {want}",
                    value(g)
                )),
            }
        }
    }
    f
}

/// Field minus the shown segments: the shown companies left over are the
/// hidden segments' union, which must hold 0 or at least K companies, or
/// its mean (one small hidden segment's, when it is the only one) follows.
pub fn field_minus_segments(
    sc: &Scenario,
    sr: &SegmentRuns,
    w: usize,
    label: &str,
    seg: &Value,
) -> Vec<String> {
    let mut f = Vec::new();
    let shown: Vec<&Truth> = sc.truths.iter().filter(|t| sc.is_shown(&t.id)).collect();
    let k_min = sr.min_companies;
    for (k, key) in keys().iter().enumerate() {
        let mut rest_n = shown.len() as i64;
        let mut rest_sum: f64 = shown.iter().map(|t| score(t, w, k)).sum();
        for g in groups(seg).iter().filter(|g| !outputs::is_suppressed(g)) {
            let n = count(g, "n_companies");
            let m = g
                .get("dimensions")
                .and_then(|d| d.get(key))
                .and_then(|d| outputs::get(d, "mean"))
                .unwrap_or(0.0);
            rest_n -= n as i64;
            rest_sum -= n as f64 * m;
        }
        if rest_n > 0 && (rest_n as usize) < k_min {
            let mean = rest_sum / rest_n as f64;
            let revealed: Vec<String> = sr
                .values()
                .into_iter()
                .filter(|v| {
                    let ms = sr.members(sc, v);
                    ms.len() as i64 == rest_n
                        && outputs::close(
                            mean,
                            ms.iter().map(|t| score(t, w, k)).sum::<f64>() / ms.len() as f64,
                        )
                })
                .collect();
            f.push(format!(
                "{label}: field {key} less the shown segments leaves {rest_n} companies with mean {mean} (segment {revealed:?})"
            ));
        }
    }
    f
}

/// Average ranks (scores within 1e-9 tied) and the tie term Σ(t³ − t).
fn ranks(xs: &[f64]) -> (Vec<f64>, f64) {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|&a, &b| xs[a].total_cmp(&xs[b]));
    let mut r = vec![0.0; xs.len()];
    let mut ties = 0.0;
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] - xs[order[i]] <= 1e-9 {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &o in &order[i..=j] {
            r[o] = avg;
        }
        let t = (j - i + 1) as f64;
        ties += t * t * t - t;
        i = j + 1;
    }
    (r, ties)
}

fn kruskal(groups: &[Vec<f64>]) -> Option<f64> {
    let all: Vec<f64> = groups.iter().flatten().copied().collect();
    let n = all.len() as f64;
    if groups.len() < 2 || all.len() < 2 {
        return None;
    }
    let (r, ties) = ranks(&all);
    let mut at = 0;
    let mut s = 0.0;
    for g in groups {
        let sum: f64 = r[at..at + g.len()].iter().sum();
        s += sum * sum / g.len() as f64;
        at += g.len();
    }
    let h = 12.0 / (n * (n + 1.0)) * s - 3.0 * (n + 1.0);
    let c = 1.0 - ties / (n * n * n - n);
    (c > 0.0).then(|| h / c)
}

/// Kruskal–Wallis runs over the shown segments' shown companies only.
pub fn kruskal_over_shown(
    sc: &Scenario,
    sr: &SegmentRuns,
    w: usize,
    label: &str,
    seg: &Value,
) -> Vec<String> {
    let mut f = Vec::new();
    let shown: Vec<&str> = groups(seg)
        .iter()
        .filter(|g| !outputs::is_suppressed(g))
        .map(value)
        .collect();
    for (k, key) in keys().iter().enumerate() {
        let gs: Vec<Vec<f64>> = shown
            .iter()
            .map(|v| sr.members(sc, v).iter().map(|t| score(t, w, k)).collect())
            .collect();
        let test = seg.get("tests").and_then(|t| t.get(key));
        let df = test.and_then(|t| t.get("df")).and_then(Value::as_u64);
        if df != Some(shown.len().saturating_sub(1) as u64) {
            f.push(format!(
                "{label}: Kruskal–Wallis {key} df {df:?} over {} shown segments",
                shown.len()
            ));
        }
        let h = test.and_then(|t| outputs::get(t, "h"));
        let want = kruskal(&gs);
        let same = match (h, want) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
            (None, None) => true,
            _ => false,
        };
        if !same {
            f.push(format!(
                "{label}: Kruskal–Wallis {key} H {h:?}, over the shown segments' companies {want:?}"
            ));
        }
    }
    f
}

/// Peer norms: each stored segment holds the sorted scores of its shown
/// companies exactly, at least K of them, and the field's companies less
/// the stored segments' are 0 or at least K.
pub fn peer_norms(sc: &Scenario, sr: &SegmentRuns, w: usize, norms: &Value) -> Vec<String> {
    let label = format!("norms --segment industry --weighting {}", WEIGHTINGS[w]);
    let mut f = Vec::new();
    let field = norms.get("companies").and_then(Value::as_u64).unwrap_or(0) as usize;
    if !norms["segments"].is_object() {
        f.push(format!("{label}: no peer norms in the file"));
    }
    let gs = outputs::list(&norms["segments"], "groups");
    let mut stored = 0;
    for g in gs {
        let v = value(g);
        let ms = sr.members(sc, v);
        let n = count(g, "companies");
        stored += n;
        if n < sr.min_companies || n != ms.len() {
            f.push(format!(
                "{label}: segment {v} stores {n} companies; it has {} shown",
                ms.len()
            ));
        }
        for (k, key) in keys().iter().enumerate() {
            let dist = if *key == "alignment_index" {
                &g["alignment_index"]
            } else {
                &g["dimensions"][key]
            };
            let printed: Vec<f64> = outputs::list(dist, "scores")
                .iter()
                .filter_map(Value::as_f64)
                .collect();
            let mut want: Vec<f64> = ms.iter().map(|t| score(t, w, k)).collect();
            want.sort_by(f64::total_cmp);
            let same = printed.len() == want.len()
                && printed
                    .iter()
                    .zip(&want)
                    .all(|(a, b)| outputs::close(*a, *b));
            if !same {
                f.push(format!(
                    "{label}: segment {v} {key} scores are not those of its shown companies"
                ));
            }
        }
    }
    let rest = field.saturating_sub(stored);
    if rest > 0 && rest < sr.min_companies {
        f.push(format!(
            "{label}: the field's scores less the stored segments' leave {rest} companies"
        ));
    }
    f
}

/// Every attack on one scenario's segment runs.
pub fn attack(sc: &Scenario, sr: &SegmentRuns) -> Vec<String> {
    let mut f = Vec::new();
    for (w, norms) in sr.norms.iter().enumerate() {
        f.extend(peer_norms(sc, sr, w, norms));
    }
    for (w, runs) in sr.runs.iter().enumerate() {
        for (label, seg) in runs {
            f.extend(hidden_objects(label, seg));
            f.extend(members_only(sc, sr, w, label, seg));
            f.extend(field_minus_segments(sc, sr, w, label, seg));
            f.extend(kruskal_over_shown(sc, sr, w, label, seg));
        }
    }
    f
}
