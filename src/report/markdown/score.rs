//! The `score` report as Markdown.

use super::super::fmt::{count, interval, num, signed, NONE};
use super::super::RenderOptions;
use super::{esc, table};
use crate::analysis::score::{RoleScores, ScoreReport};
use std::io::{self, Write};

/// The `score` report as Markdown.
pub fn score(m: &ScoreReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# Alignment scores\n")?;
    writeln!(
        w,
        "{} companies, {} respondents. Scores are 0–100 indexes; best first.\n",
        count(m.input.companies as u64),
        count(m.input.rows_scored)
    )?;
    let dims: Vec<&str> = m.dimensions.iter().map(|d| d.id.as_str()).collect();
    let mut header = vec!["Company".to_string(), "n".to_string()];
    header.extend(m.dimensions.iter().map(|d| esc(&d.label)));
    header.push("Alignment index".into());
    header.push("Stage".into());
    let mut rows = Vec::new();
    for c in &m.companies {
        let mut row = vec![esc(&c.company_id), count(c.n)];
        match &c.scores {
            None => {
                row.extend(dims.iter().map(|_| "hidden".to_string()));
                row.push(format!("n < {}", m.settings.anonymity));
                row.push(String::new());
                rows.push(row);
                continue;
            }
            Some(s) => {
                row.extend(dims.iter().map(|d| num(s.get(d).copied().flatten(), 1)));
                row.push(num(s.get("alignment_index").copied().flatten(), 1));
                row.push(c.stage.as_deref().map(esc).unwrap_or_else(|| NONE.into()));
            }
        }
        rows.push(row);
        if opts.by_role {
            for (role, scores) in c.by_role.iter().flat_map(|b| b.iter()) {
                let n = c.n_by_role.get(role).copied().unwrap_or(0);
                let mut r = vec![format!("↳ {role} ({n})"), String::new()];
                match scores {
                    RoleScores::Suppressed => {
                        r.extend(dims.iter().map(|_| "hidden".to_string()));
                        r.push(String::new());
                    }
                    RoleScores::Shown(s) => {
                        r.extend(dims.iter().map(|d| num(s.get(d).copied().flatten(), 1)));
                        r.push(num(s.get("alignment_index").copied().flatten(), 1));
                    }
                }
                r.push(String::new());
                rows.push(r);
            }
            if let Some(g) = &c.role_gap {
                let mut r = vec!["↳ gap (marketing − sales)".to_string(), String::new()];
                r.extend(dims.iter().map(|d| signed(g.get(d).copied().flatten(), 1)));
                r.push(String::new());
                r.push(String::new());
                rows.push(r);
            }
        }
    }
    table(w, &header, &rows)?;

    writeln!(w, "## Reliability and agreement\n")?;
    let header: Vec<String> = [
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
    .to_vec();
    let mut rows = Vec::new();
    for d in &m.dimensions {
        let (Some(r), Some(a)) = (m.reliability.get(&d.id), m.aggregation.get(&d.id)) else {
            continue;
        };
        rows.push(vec![
            esc(&d.label),
            r.k.to_string(),
            count(r.n_complete),
            num(r.alpha, 3),
            interval(r.alpha_ci95, 3),
            num(a.icc1, 3),
            num(a.icc2, 3),
            num(a.rwg_j_median, 3),
        ]);
    }
    table(w, &header, &rows)?;

    writeln!(w, "## Items\n")?;
    writeln!(
        w,
        "Pooled over all respondents; (R) marks reverse-worded items, reverse-coded.\n"
    )?;
    let header: Vec<String> = [
        "Item",
        "Text",
        "Mean",
        "Index",
        "Item–total r",
        "α if dropped",
        "Sales",
        "Marketing",
        "Gap",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for it in &m.items {
        let rel = m
            .reliability
            .get(&it.dimension)
            .and_then(|r| r.items.iter().find(|x| x.item == it.item));
        rows.push(vec![
            format!("{}{}", esc(&it.item), if it.reverse { " (R)" } else { "" }),
            esc(&it.text),
            num(it.mean, 2),
            num(it.index, 1),
            num(rel.and_then(|r| r.item_total_r), 3),
            num(rel.and_then(|r| r.alpha_if_dropped), 3),
            num(it.by_role.get("sales").copied().flatten(), 1),
            num(it.by_role.get("marketing").copied().flatten(), 1),
            signed(it.role_gap, 1),
        ]);
    }
    table(w, &header, &rows)?;

    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)?;
    Ok(())
}
