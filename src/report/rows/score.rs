//! Rows of the `score` report.

use super::super::fmt::{count, interval, num, signed, NONE};
use super::Escape;
use crate::analysis::score::{CompanyScore, RoleScores, ScoreReport};

/// Headers of the company table: company, n, each dimension, index, stage.
pub fn company_header(m: &ScoreReport, esc: Escape, index: &str) -> Vec<String> {
    let mut header = vec!["Company".to_string(), "n".to_string()];
    header.extend(m.dimensions.iter().map(|d| esc(&d.label)));
    header.push(index.to_string());
    header.push("Stage".into());
    header
}

fn role_row(label: String, scores: &RoleScores, dims: &[&str]) -> Vec<String> {
    let mut row = vec![label, String::new()];
    match scores {
        RoleScores::Suppressed => {
            row.extend(dims.iter().map(|_| "hidden".to_string()));
            row.push(String::new());
        }
        RoleScores::Shown(s) => {
            row.extend(dims.iter().map(|d| num(s.get(d).copied().flatten(), 1)));
            row.push(num(s.get("alignment_index").copied().flatten(), 1));
        }
    }
    row.push(String::new());
    row
}

/// A company's row, then with `by_role` one row per role and the gap row
/// (labelled `gap_label`). A hidden company shows no figure.
pub fn company_rows(
    m: &ScoreReport,
    c: &CompanyScore,
    by_role: bool,
    esc: Escape,
    gap_label: &str,
) -> Vec<Vec<String>> {
    let dims: Vec<&str> = m.dimensions.iter().map(|d| d.id.as_str()).collect();
    let mut first = vec![esc(&c.company_id), count(c.n)];
    let Some(s) = &c.scores else {
        first.extend(dims.iter().map(|_| "hidden".to_string()));
        first.push(format!("n < {}", m.settings.anonymity));
        first.push(String::new());
        return vec![first];
    };
    first.extend(dims.iter().map(|d| num(s.get(d).copied().flatten(), 1)));
    first.push(num(s.get("alignment_index").copied().flatten(), 1));
    first.push(c.stage.as_deref().map(esc).unwrap_or_else(|| NONE.into()));
    let mut rows = vec![first];
    if by_role {
        for (role, scores) in c.by_role.iter().flat_map(|b| b.iter()) {
            let n = c.n_by_role.get(role).copied().unwrap_or(0);
            rows.push(role_row(format!("↳ {role} ({n})"), scores, &dims));
        }
        if let Some(g) = &c.role_gap {
            let mut row = vec![format!("↳ {gap_label}"), String::new()];
            row.extend(dims.iter().map(|d| signed(g.get(d).copied().flatten(), 1)));
            row.push(String::new());
            row.push(String::new());
            rows.push(row);
        }
    }
    rows
}

/// Headers of the reliability and agreement table.
pub fn reliability_header() -> Vec<String> {
    [
        "Dimension",
        "Items",
        "Complete",
        "α",
        "α 95% CI",
        "ICC(1)",
        "ICC(2)",
        "r_wg(J) median",
    ]
    .map(String::from)
    .to_vec()
}

/// One row per dimension: items, complete cases, α with its CI, ICCs, r_wg(J).
pub fn reliability_rows(m: &ScoreReport, esc: Escape) -> Vec<Vec<String>> {
    m.dimensions
        .iter()
        .filter_map(|d| {
            let (r, a) = (m.reliability.get(&d.id)?, m.aggregation.get(&d.id)?);
            Some(vec![
                esc(&d.label),
                r.k.to_string(),
                count(r.n_complete),
                num(r.alpha, 3),
                interval(r.alpha_ci95, 3),
                num(a.icc1, 3),
                num(a.icc2, 3),
                num(a.rwg_j_median, 3),
            ])
        })
        .collect()
}

/// Headers of the item table; with `text`, a column for the item's wording.
pub fn item_header(text: bool) -> Vec<String> {
    let mut h = vec!["Item".to_string()];
    if text {
        h.push("Text".into());
    }
    h.extend(
        [
            "Mean",
            "Index",
            "Item–total r",
            "α if dropped",
            "Sales",
            "Marketing",
            "Gap",
        ]
        .map(String::from),
    );
    h
}

/// One row per item: pooled mean and index, item–total r, α if dropped,
/// sales and marketing indexes and their gap. (R) marks reverse-worded items.
pub fn item_rows(m: &ScoreReport, esc: Escape, text: bool) -> Vec<Vec<String>> {
    m.items
        .iter()
        .map(|it| {
            let rel = m
                .reliability
                .get(&it.dimension)
                .and_then(|r| r.items.iter().find(|x| x.item == it.item));
            let mut row = vec![format!(
                "{}{}",
                esc(&it.item),
                if it.reverse { " (R)" } else { "" }
            )];
            if text {
                row.push(esc(&it.text));
            }
            row.extend([
                num(it.mean, 2),
                num(it.index, 1),
                num(rel.and_then(|r| r.item_total_r), 3),
                num(rel.and_then(|r| r.alpha_if_dropped), 3),
                num(it.by_role.get("sales").copied().flatten(), 1),
                num(it.by_role.get("marketing").copied().flatten(), 1),
                signed(it.role_gap, 1),
            ]);
            row
        })
        .collect()
}
