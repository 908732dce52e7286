//! Role subtraction: a shown company's score beside its shown role groups
//! gives the hidden role groups' figures, unless those together hold none
//! or at least N respondents.

use super::outputs::{close, get, id, is_suppressed, list, Scenario};
use super::survey::{Truth, DIMS, ROLES};
use serde_json::Value;

/// A shown role group as printed: role, respondents, dimension scores.
type Shown = (usize, usize, [f64; 3]);

fn dims_of(v: &Value) -> Option<[f64; 3]> {
    let d = DIMS.map(|d| get(v, d));
    d.iter().all(Option::is_some).then(|| d.map(Option::unwrap))
}

fn role_names(roles: &[usize]) -> String {
    let v: Vec<&str> = roles.iter().map(|&r| ROLES[r]).collect();
    v.join("+")
}

/// The true figure the subtraction aims at: the hidden respondents' mean
/// (respondent weighting) or the mean of the hidden role means (role).
fn hidden_truth(t: &Truth, hidden: &[usize], role_weighting: bool, d: usize) -> f64 {
    let groups = hidden.iter().filter_map(|&r| t.groups[r].as_ref());
    if role_weighting {
        let v: Vec<f64> = groups.map(|g| g.dims[d]).collect();
        v.iter().sum::<f64>() / v.len() as f64
    } else {
        let (s, n) = groups.fold((0.0, 0), |(s, n), g| (s + g.n as f64 * g.dims[d], n + g.n));
        s / n as f64
    }
}

/// Every shown company of one `score --by-role` JSON: primary suppression,
/// the complementary rule, the subtraction itself and the role gap.
pub fn subtraction(sc: &Scenario, role_weighting: bool, score: &Value, label: &str) -> Vec<String> {
    let mut out = Vec::new();
    let thr = sc.threshold;
    for c in list(score, "companies")
        .iter()
        .filter(|c| !is_suppressed(c))
    {
        let Some(t) = sc.truth(id(c)) else { continue };
        let by_role = c.get("by_role");
        let mut shown: Vec<Shown> = Vec::new();
        let mut hidden = Vec::new();
        for r in (0..3).filter(|&r| t.n_by_role[r] > 0) {
            let g = by_role.and_then(|b| b.get(ROLES[r]));
            match g.filter(|g| !is_suppressed(g)).and_then(dims_of) {
                Some(d) => shown.push((r, t.n_by_role[r], d)),
                None => hidden.push(r),
            }
        }
        for &(r, nr, d) in shown.iter().filter(|s| s.1 < thr) {
            out.push(format!(
                "{label}: company {} prints its {} group of {nr} respondents (fewer than {thr}): {} = {:.4}",
                t.id, ROLES[r], DIMS[0], d[0]
            ));
        }
        let hidden_n: usize = hidden.iter().map(|&r| t.n_by_role[r]).sum();
        if hidden_n > 0 && hidden_n < thr {
            out.push(recover(t, c, &shown, &hidden, role_weighting, thr, label));
        }
        role_gap(t, c, &shown, label, &mut out);
    }
    out
}

fn recover(
    t: &Truth,
    c: &Value,
    shown: &[Shown],
    hidden: &[usize],
    role_weighting: bool,
    thr: usize,
    label: &str,
) -> String {
    let hidden_n: usize = hidden.iter().map(|&r| t.n_by_role[r]).sum();
    let scores = c.get("scores").unwrap_or(&Value::Null);
    let mut parts = Vec::new();
    for (d, dim) in DIMS.iter().enumerate() {
        let Some(company) = get(scores, dim) else {
            continue;
        };
        let rec = if role_weighting {
            let k = (t.n_by_role.iter().filter(|&&n| n > 0).count()) as f64;
            (k * company - shown.iter().map(|s| s.2[d]).sum::<f64>()) / hidden.len() as f64
        } else {
            let sum: f64 = shown.iter().map(|s| s.1 as f64 * s.2[d]).sum();
            (t.n as f64 * company - sum) / hidden_n as f64
        };
        let truth = hidden_truth(t, hidden, role_weighting, d);
        let verdict = if close(rec, truth) {
            "recovered"
        } else {
            "derived"
        };
        parts.push(format!("{dim} {verdict} {rec:.4} (true {truth:.4})"));
    }
    let formula = if role_weighting {
        "k·company − Σ shown role means"
    } else {
        "n·company − Σ nᵣ·shown role"
    };
    format!(
        "{label}: role subtraction ({formula}) on company {}: its hidden {} group(s) hold {hidden_n} respondents (fewer than {thr}): {}",
        t.id,
        role_names(hidden),
        parts.join(", ")
    )
}

/// A role gap printed while sales or marketing is hidden gives the hidden
/// role's score: shown role ∓ gap.
fn role_gap(t: &Truth, c: &Value, shown: &[Shown], label: &str, out: &mut Vec<String>) {
    let Some(gaps) = c.get("role_gap") else {
        return;
    };
    let score_of = |r: usize| shown.iter().find(|s| s.0 == r).map(|s| s.2);
    for (d, dim) in DIMS.iter().enumerate() {
        let Some(gap) = get(gaps, dim) else { continue };
        let (sales, marketing) = (score_of(0), score_of(1));
        let rec = match (sales, marketing) {
            (Some(_), Some(_)) => continue,
            (Some(s), None) => (1, s[d] + gap),
            (None, Some(m)) => (0, m[d] - gap),
            (None, None) => (0, f64::NAN),
        };
        let truth = t.groups[rec.0].as_ref().map_or(f64::NAN, |g| g.dims[d]);
        out.push(format!(
            "{label}: company {} prints the role gap on {dim} ({gap:.4}) with {} hidden: the hidden group's score is {:.4} (true {truth:.4})",
            t.id, ROLES[rec.0], rec.1
        ));
    }
}

/// One row of a table or markdown rendering, as trimmed cells.
fn cells(line: &str, markdown: bool) -> Vec<String> {
    let line = line.trim();
    let sep: &[char] = if markdown { &['|'] } else { &['│', '┆'] };
    line.trim_matches(sep)
        .split(sep)
        .map(|c| c.trim().to_string())
        .collect()
}

fn has_figure(cells: &[String], thr: usize) -> bool {
    let note = format!("n < {thr}");
    cells
        .iter()
        .skip(2)
        .any(|c| c.replace(&note, "").chars().any(|ch| ch.is_ascii_digit()))
}

/// `↳ sales (4)` → (role, respondents).
fn role_row(first: &str) -> Option<(usize, usize)> {
    let rest = first.strip_prefix('↳')?.trim();
    let (name, n) = rest.split_once('(')?;
    let r = ROLES.iter().position(|r| *r == name.trim())?;
    Some((r, n.trim_end_matches(')').trim().parse().ok()?))
}

/// The by-role table or markdown: hidden companies and small role groups
/// show no figure, and each shown company's hidden role groups hold 0 or at
/// least N respondents.
pub fn text_rows(sc: &Scenario, format: &str, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let thr = sc.threshold;
    let markdown = format == "markdown";
    let mut current: Option<(&Truth, usize)> = None;
    let finish = |cur: Option<(&Truth, usize)>, out: &mut Vec<String>| {
        if let Some((t, shown_n)) = cur.filter(|(t, _)| t.n >= thr) {
            let rest = t.n - shown_n.min(t.n);
            if rest > 0 && rest < thr && shown_n > 0 {
                out.push(format!(
                    "score --by-role --format {format}: company {} shows role rows of {shown_n} of its {} respondents; the other {rest} (fewer than {thr}) follow by subtraction",
                    t.id, t.n
                ));
            }
        }
    };
    for line in text.lines() {
        let row = cells(line, markdown);
        let Some(first) = row.first() else { continue };
        if let Some(t) = sc.truth(first) {
            finish(current.take(), &mut out);
            if t.n < thr && has_figure(&row, thr) {
                out.push(format!(
                    "score --by-role --format {format}: hidden company {} ({} respondents) shows a figure: {line}",
                    t.id, t.n
                ));
            }
            current = Some((t, 0));
        } else if let (Some((r, n)), Some((t, shown_n))) = (role_row(first), current.as_mut()) {
            if !has_figure(&row, thr) {
                continue;
            }
            *shown_n += n;
            if n < thr || t.n < thr {
                out.push(format!(
                    "score --by-role --format {format}: company {} shows its {} group of {n} respondents (fewer than {thr} in the group or company): {line}",
                    t.id, ROLES[r]
                ));
            }
        }
    }
    finish(current.take(), &mut out);
    out
}

/// The by-role CSV: the same rules, reading the role score columns.
pub fn csv_rows(sc: &Scenario, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let thr = sc.threshold;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let allowed = [
        "company_id",
        "n",
        "n_sales",
        "n_marketing",
        "n_both",
        "suppressed",
    ];
    for line in lines {
        let row: Vec<&str> = line.split(',').collect();
        let Some(t) = row.first().and_then(|c| sc.truth(c)) else {
            continue;
        };
        if t.n < thr {
            for (h, v) in header.iter().zip(&row) {
                if !allowed.contains(h) && !v.is_empty() && *v != "true" {
                    out.push(format!(
                        "score --by-role --format csv: hidden company {} ({} respondents) prints {h} = {v}",
                        t.id, t.n
                    ));
                }
            }
            continue;
        }
        let mut shown_n = 0;
        for (r, role) in ROLES.iter().enumerate() {
            let cell = col(&format!("{role}_{}", DIMS[0])).and_then(|i| row.get(i));
            if cell.is_some_and(|v| !v.is_empty()) {
                shown_n += t.n_by_role[r];
                if t.n_by_role[r] < thr {
                    out.push(format!(
                        "score --by-role --format csv: company {} prints its {role} group of {} respondents: {role}_{} = {}",
                        t.id, t.n_by_role[r], DIMS[0], cell.unwrap_or(&"")
                    ));
                }
            }
        }
        let rest = t.n - shown_n;
        if shown_n > 0 && rest > 0 && rest < thr {
            out.push(format!(
                "score --by-role --format csv: company {} shows role groups of {shown_n} of its {} respondents; the other {rest} (fewer than {thr}) follow by subtraction",
                t.id, t.n
            ));
        }
    }
    out
}
