//! The `score` report as plain-text tables.

use super::super::fmt::{count, interval, num, signed, NONE};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::score::{CompanyScore, RoleScores, ScoreReport};
use std::io::{self, Write};

fn role_row(label: String, scores: &RoleScores, dims: &[String]) -> Vec<String> {
    let mut row = vec![label, String::new()];
    match scores {
        RoleScores::Suppressed => {
            row.extend(dims.iter().map(|_| "hidden".to_string()));
            row.push(String::new());
        }
        RoleScores::Shown(m) => {
            row.extend(dims.iter().map(|d| num(m.get(d).copied().flatten(), 1)));
            row.push(num(m.get("alignment_index").copied().flatten(), 1));
        }
    }
    row.push(String::new());
    row
}

fn company_rows(
    c: &CompanyScore,
    dims: &[String],
    m: &ScoreReport,
    by_role: bool,
) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut first = vec![c.company_id.clone(), count(c.n)];
    match &c.scores {
        None => {
            first.extend(dims.iter().map(|_| "hidden".to_string()));
            first.push(format!("n < {}", m.settings.anonymity));
            first.push(String::new());
            rows.push(first);
            return rows;
        }
        Some(s) => {
            first.extend(dims.iter().map(|d| num(s.get(d).copied().flatten(), 1)));
            first.push(num(s.get("alignment_index").copied().flatten(), 1));
            first.push(c.stage.clone().unwrap_or_else(|| NONE.into()));
        }
    }
    rows.push(first);
    if by_role {
        if let Some(br) = &c.by_role {
            for (role, scores) in br.iter() {
                let n = c.n_by_role.get(role).copied().unwrap_or(0);
                rows.push(role_row(format!("↳ {role} ({n})"), scores, dims));
            }
        }
        if let Some(g) = &c.role_gap {
            let mut row = vec!["↳ gap (M − S)".to_string(), String::new()];
            row.extend(dims.iter().map(|d| signed(g.get(d).copied().flatten(), 1)));
            row.push(String::new());
            row.push(String::new());
            rows.push(row);
        }
    }
    rows
}

/// The `score` report as tables.
pub fn score(m: &ScoreReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let dims: Vec<String> = m.dimensions.iter().map(|d| d.id.clone()).collect();
    writeln!(
        w,
        "Alignment scores, {} companies ({} respondents): 0–100 indexes, best first",
        count(m.input.companies as u64),
        count(m.input.rows_scored)
    )?;
    let mut header = vec!["Company".to_string(), "n".to_string()];
    header.extend(m.dimensions.iter().map(|d| d.label.clone()));
    header.push("Index".into());
    header.push("Stage".into());
    let mut t = new_table(header, opts);
    for c in &m.companies {
        for row in company_rows(c, &dims, m, opts.by_role) {
            t.add_row(row);
        }
    }
    writeln!(w, "{}", render(&mut t, opts))?;

    writeln!(w, "\nReliability and agreement")?;
    let mut t = new_table(
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
        .to_vec(),
        opts,
    );
    for d in &m.dimensions {
        let (Some(r), Some(a)) = (m.reliability.get(&d.id), m.aggregation.get(&d.id)) else {
            continue;
        };
        t.add_row(vec![
            d.label.clone(),
            r.k.to_string(),
            count(r.n_complete),
            num(r.alpha, 3),
            interval(r.alpha_ci95, 3),
            num(a.icc1, 3),
            num(a.icc2, 3),
            num(a.rwg_j_median, 3),
        ]);
    }
    writeln!(w, "{}", render(&mut t, opts))?;

    writeln!(
        w,
        "\nItems (pooled over all respondents; reverse-worded items reverse-coded)"
    )?;
    let mut t = new_table(
        [
            "Item",
            "Mean",
            "Index",
            "Item–total r",
            "α if dropped",
            "Sales",
            "Marketing",
            "Gap",
        ]
        .map(String::from)
        .to_vec(),
        opts,
    );
    for it in &m.items {
        let rel = m
            .reliability
            .get(&it.dimension)
            .and_then(|r| r.items.iter().find(|x| x.item == it.item));
        t.add_row(vec![
            if it.reverse {
                format!("{} (R)", it.item)
            } else {
                it.item.clone()
            },
            num(it.mean, 2),
            num(it.index, 1),
            num(rel.and_then(|r| r.item_total_r), 3),
            num(rel.and_then(|r| r.alpha_if_dropped), 3),
            num(it.by_role.get("sales").copied().flatten(), 1),
            num(it.by_role.get("marketing").copied().flatten(), 1),
            signed(it.role_gap, 1),
        ]);
    }
    writeln!(w, "{}", render(&mut t, opts))?;
    if opts.by_role {
        writeln!(w, "\nGap (M − S): marketing minus sales, in index points.")?;
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)
}
