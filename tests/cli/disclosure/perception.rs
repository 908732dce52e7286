//! `gaps`: the overconfidence mean and median, the quadrant counts and
//! shares and the correlations must be those of the listed companies, so
//! that no hidden company's perception or overconfidence follows.

use super::outputs::{close, get, id, is_suppressed, list, Scenario};
use super::summaries::{median, spearman};
use serde_json::Value;

/// A listed (shown) company of `gaps`.
struct Listed {
    perception: Option<f64>,
    alignment: Option<f64>,
    overconfidence: Option<f64>,
    composite: Option<f64>,
}

fn listed(sc: &Scenario, gaps: &Value) -> Vec<Listed> {
    list(gaps, "companies")
        .iter()
        .filter(|c| !is_suppressed(c) && sc.is_shown(id(c)))
        .map(|c| Listed {
            perception: get(c, "perception_index"),
            alignment: get(c, "alignment_index"),
            overconfidence: get(c, "overconfidence"),
            composite: get(c, "composite"),
        })
        .collect()
}

/// `mean_overconfidence × n − Σ listed` and the median.
pub fn overconfidence(sc: &Scenario, w: usize, gaps: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let m = gaps
        .get("perception")
        .and_then(|p| p.get("measured"))
        .unwrap_or(&Value::Null);
    let oc: Vec<f64> = listed(sc, gaps)
        .iter()
        .filter_map(|c| c.overconfidence)
        .collect();
    let truth = |h: &super::survey::Truth| h.weighted[w].perception - h.weighted[w].alignment;
    if let (Some(n), Some(mean)) = (get(m, "n"), get(m, "mean_overconfidence")) {
        let rem_n = n - oc.len() as f64;
        if rem_n.abs() >= 0.5 {
            let rec = (n * mean - oc.iter().sum::<f64>()) / rem_n;
            let hit = sc
                .hidden()
                .find(|h| rem_n == 1.0 && close(truth(h), rec))
                .map(|h| {
                    format!(
                        " = hidden company {}'s true overconfidence {:.6}",
                        h.id,
                        truth(h)
                    )
                })
                .unwrap_or_default();
            let hidden: Vec<f64> = sc.hidden().map(truth).collect();
            let hit = if hit.is_empty() && rem_n == hidden.len() as f64 {
                let all = hidden.iter().sum::<f64>() / rem_n;
                format!(" (the hidden companies' true mean overconfidence is {all:.6})")
            } else {
                hit
            };
            out.push(format!(
                "{label}: overconfidence mean: mean_overconfidence × n − Σ listed = {mean:.6}×{n} − Σ({} listed) leaves {rem_n} unlisted companies averaging {rec:.6}{hit}",
                oc.len()
            ));
        }
    }
    if let (Some(printed), Some(mine)) = (get(m, "median_overconfidence"), median(&oc)) {
        if !close(printed, mine) {
            let hit = sc
                .hidden()
                .find(|h| close(truth(h), printed))
                .map(|h| format!(" (it is hidden company {}'s overconfidence)", h.id))
                .unwrap_or_default();
            out.push(format!(
                "{label}: median_overconfidence = {printed:.6}, but the listed companies' median is {mine:.6}{hit}"
            ));
        }
    }
    out
}

fn check_n(out: &mut Vec<String>, label: &str, what: &str, printed: Option<f64>, mine: usize) {
    if let Some(p) = printed {
        if p != mine as f64 {
            out.push(format!(
                "{label}: {what} = {p}, but the listed companies give {mine}"
            ));
        }
    }
}

/// Quadrants, shares and correlations recomputed from the listed companies.
pub fn quadrants(sc: &Scenario, gaps: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(p) = gaps.get("perception").filter(|p| p.is_object()) else {
        return out;
    };
    let cs = listed(sc, gaps);
    let thr = get(p, "perceived_threshold").unwrap_or(75.0);
    let both: Vec<(f64, f64)> = cs
        .iter()
        .filter_map(|c| Some((c.perception?, c.composite?)))
        .collect();
    let med = median(&both.iter().map(|x| x.1).collect::<Vec<_>>()).unwrap_or(f64::NAN);
    let count = |pa: bool, above: bool| {
        both.iter()
            .filter(|(pi, comp)| (*pi >= thr) == pa && (*comp > med) == above)
            .count()
    };
    if let Some(q) = p.get("quadrants").filter(|q| q.is_object()) {
        check_n(&mut out, label, "quadrants.n", get(q, "n"), both.len());
        for (key, pa, above) in [
            ("perceived_aligned_above_median", true, true),
            ("perceived_aligned_below_median", true, false),
            ("not_perceived_aligned_above_median", false, true),
            ("not_perceived_aligned_below_median", false, false),
        ] {
            let printed = q.get(key).and_then(|x| get(x, "n"));
            check_n(
                &mut out,
                label,
                &format!("quadrants.{key}.n"),
                printed,
                count(pa, above),
            );
        }
    }
    let with_perception = cs.iter().filter(|c| c.perception.is_some()).count();
    let aligned = cs
        .iter()
        .filter(|c| c.perception.is_some_and(|x| x >= thr))
        .count();
    check_n(
        &mut out,
        label,
        "n_companies",
        get(p, "n_companies"),
        with_perception,
    );
    check_n(
        &mut out,
        label,
        "n_perceived_aligned",
        get(p, "n_perceived_aligned"),
        aligned,
    );
    if let Some(m) = p.get("measured").filter(|m| m.is_object()) {
        check_n(&mut out, label, "measured.n", get(m, "n"), with_perception);
        for (key, pa, ma) in [
            ("perceived_and_measured_aligned", true, true),
            ("perceived_not_measured_aligned", true, false),
            ("measured_not_perceived_aligned", false, true),
            ("neither", false, false),
        ] {
            let mine = cs
                .iter()
                .filter(|c| match (c.perception, c.alignment) {
                    (Some(pi), Some(ai)) => (pi >= thr) == pa && (ai >= thr) == ma,
                    _ => false,
                })
                .count();
            check_n(
                &mut out,
                label,
                &format!("measured.{key}.n"),
                m.get(key).and_then(|x| get(x, "n")),
                mine,
            );
        }
    }
    let with_alignment: Vec<(f64, f64)> = cs
        .iter()
        .filter_map(|c| Some((c.alignment?, c.composite?)))
        .collect();
    let pa: Vec<(f64, f64)> = cs
        .iter()
        .filter_map(|c| Some((c.perception?, c.alignment?)))
        .collect();
    let m = p.get("measured").unwrap_or(&Value::Null);
    for (what, printed, pairs) in [
        (
            "rho_perception_outcome",
            get(p, "rho_perception_outcome"),
            &both,
        ),
        (
            "rho_alignment_outcome",
            get(p, "rho_alignment_outcome"),
            &with_alignment,
        ),
        (
            "measured.rho_perception_alignment",
            get(m, "rho_perception_alignment"),
            &pa,
        ),
    ] {
        if let (Some(printed), Some(mine)) = (printed, spearman(pairs)) {
            if !close(printed, mine) {
                out.push(format!("{label}: {what} = {printed:.6}, but over the {} listed companies it is {mine:.6}: unlisted companies enter it", pairs.len()));
            }
        }
    }
    out
}
