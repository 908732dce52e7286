//! The `leaders` report as one CSV table with a `section` column: a row per
//! dimension and per item with every statistic, then a row per company with
//! its composite and tier (empty for hidden companies) or why it is
//! unclassified. Figures are at full precision; undefined ones are empty.

use super::super::RenderOptions;
use super::{cell, io_error, safe_text, writer};
use crate::analysis::leaders::{Comparison, LeadersReport};
use std::io::{self, Write};

const HEADER: [&str; 34] = [
    "section",
    "id",
    "dimension",
    "text",
    "leaders_n",
    "leaders_mean",
    "leaders_sd",
    "average_n",
    "average_mean",
    "average_sd",
    "laggards_n",
    "laggards_mean",
    "laggards_sd",
    "diff",
    "hedges_g",
    "hedges_g_ci95_low",
    "hedges_g_ci95_high",
    "welch_t",
    "welch_df",
    "welch_p",
    "mann_whitney_u",
    "mann_whitney_p",
    "q",
    "top2_leaders",
    "top2_laggards",
    "lift",
    "spearman_rho",
    "spearman_p",
    "n",
    "suppressed",
    "composite",
    "tier",
    "reason",
    "reverse",
];

fn stats_cells(s: &Comparison) -> Vec<String> {
    let mut v = Vec::new();
    for g in [&s.leaders, &s.average, &s.laggards] {
        v.push(g.n.to_string());
        v.push(cell(g.mean));
        v.push(cell(g.sd));
    }
    v.push(cell(s.diff));
    v.push(cell(s.hedges_g));
    v.push(cell(s.hedges_g_ci95.map(|c| c[0])));
    v.push(cell(s.hedges_g_ci95.map(|c| c[1])));
    v.push(cell(s.welch.t));
    v.push(cell(s.welch.df));
    v.push(cell(s.welch.p));
    v.push(cell(s.mann_whitney.u));
    v.push(cell(s.mann_whitney.p));
    v.push(cell(s.q));
    v
}

/// The `leaders` statistics and tier list.
pub fn leaders(m: &LeadersReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(w);
    out.write_record(HEADER).map_err(io_error)?;
    let blank = |n: usize| vec![String::new(); n];
    for d in &m.dimensions {
        let c = m.correlations.iter().find(|c| c.dimension == d.dimension);
        let mut row = vec![
            "dimension".to_string(),
            safe_text(&d.dimension),
            safe_text(&d.dimension),
            safe_text(&d.label),
        ];
        row.extend(stats_cells(&d.stats));
        row.extend(blank(3));
        row.push(cell(c.and_then(|c| c.spearman_rho)));
        row.push(cell(c.and_then(|c| c.p)));
        row.push(c.map(|c| c.n.to_string()).unwrap_or_default());
        row.extend(blank(5));
        out.write_record(&row).map_err(io_error)?;
    }
    for it in &m.items {
        let mut row = vec![
            "item".to_string(),
            safe_text(&it.item),
            safe_text(&it.dimension),
            safe_text(&it.text),
        ];
        row.extend(stats_cells(&it.stats));
        row.push(cell(it.top2_leaders));
        row.push(cell(it.top2_laggards));
        row.push(cell(it.lift));
        row.extend(blank(7));
        row.push(it.reverse.to_string());
        out.write_record(&row).map_err(io_error)?;
    }
    for c in &m.companies {
        let mut row = vec!["company".to_string(), safe_text(&c.company_id)];
        row.extend(blank(HEADER.len() - 8));
        row.push(c.n.to_string());
        row.push(c.suppressed.to_string());
        row.push(cell(c.composite));
        row.push(c.tier.map(|t| t.label().to_string()).unwrap_or_default());
        let reason = m
            .unclassified
            .iter()
            .find(|u| u.company_id == c.company_id)
            .map(|u| safe_text(&u.reason))
            .unwrap_or_default();
        row.push(reason);
        row.push(String::new());
        out.write_record(&row).map_err(io_error)?;
    }
    out.flush()
}
