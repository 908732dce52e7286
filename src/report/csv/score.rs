//! The `score` company table as CSV.

use super::super::RenderOptions;
use super::{cell, io_error, safe_text, writer};
use crate::analysis::score::{RoleScores, ScoreReport};
use std::io::{self, Write};

/// The `score` company table.
pub fn score(m: &ScoreReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let dims: Vec<&str> = m.dimensions.iter().map(|d| d.id.as_str()).collect();
    let roles = ["sales", "marketing", "both"];
    let has_roles = m.companies.iter().any(|c| !c.n_by_role.0.is_empty());
    let mut header: Vec<String> = vec!["company_id".into(), "n".into()];
    if has_roles {
        header.extend(roles.iter().map(|r| format!("n_{r}")));
    }
    header.push("suppressed".into());
    // Header cells come from the instrument: neutralised like data cells.
    header.extend(dims.iter().map(|d| safe_text(d)));
    header.push("alignment_index".into());
    header.push("stage".into());
    if has_roles {
        for r in roles {
            header.extend(dims.iter().map(|d| format!("{r}_{d}")));
        }
        header.extend(dims.iter().map(|d| format!("gap_{d}")));
    }
    header.extend(dims.iter().map(|d| format!("rwg_j_{d}")));
    let mut out = writer(w);
    out.write_record(&header).map_err(io_error)?;
    for c in &m.companies {
        let mut row = vec![safe_text(&c.company_id), c.n.to_string()];
        if has_roles {
            row.extend(
                roles
                    .iter()
                    .map(|r| c.n_by_role.get(r).copied().unwrap_or(0).to_string()),
            );
        }
        row.push(c.suppressed.to_string());
        let get = |m: Option<&crate::analysis::OrderedMap<Option<f64>>>, k: &str| {
            cell(m.and_then(|m| m.get(k).copied().flatten()))
        };
        row.extend(dims.iter().map(|d| get(c.scores.as_ref(), d)));
        row.push(get(c.scores.as_ref(), "alignment_index"));
        row.push(c.stage.as_deref().map(safe_text).unwrap_or_default());
        if has_roles {
            for r in roles {
                let shown = match c.by_role.as_ref().and_then(|b| b.get(r)) {
                    Some(RoleScores::Shown(s)) => Some(s),
                    _ => None,
                };
                row.extend(dims.iter().map(|d| get(shown, d)));
            }
            row.extend(dims.iter().map(|d| get(c.role_gap.as_ref(), d)));
        }
        row.extend(dims.iter().map(|d| get(c.rwg_j.as_ref(), d)));
        out.write_record(&row).map_err(io_error)?;
    }
    out.flush()
}
