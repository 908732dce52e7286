//! The `gaps` report as one CSV table: a `section` column says whether a row
//! is a disconnect row (`disconnect`, one per item, perception item and
//! statement, widest gap first) or a company row (`company`, most
//! overconfident first; hidden companies with `suppressed` true and empty
//! figures). Columns that do not apply to a section are empty. The
//! perception summary (shares, quadrants, correlations) is in the JSON,
//! table and Markdown outputs.

use super::super::RenderOptions;
use super::{cell, io_error, safe_text, writer};
use crate::analysis::gaps::GapsReport;
use std::io::{self, Write};

const HEADER: [&str; 23] = [
    "section",
    "id",
    "kind",
    "dimension",
    "text",
    "n_sales",
    "n_marketing",
    "n_both",
    "pct_sales",
    "pct_marketing",
    "pct_both",
    "gap_pp",
    "p",
    "q",
    "n",
    "suppressed",
    "perception_index",
    "alignment_index",
    "overconfidence",
    "perceived_aligned",
    "measured_aligned",
    "composite",
    "above_median",
];

fn flag(b: Option<bool>) -> String {
    b.map(|b| b.to_string()).unwrap_or_default()
}

/// The `gaps` disconnect and company rows.
pub fn gaps(m: &GapsReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(w);
    out.write_record(HEADER).map_err(io_error)?;
    let empty = |k: usize| vec![String::new(); k];
    for r in &m.disconnect {
        let mut row = vec![
            "disconnect".to_string(),
            safe_text(&r.item),
            r.kind.label().to_string(),
            r.dimension.as_deref().map(safe_text).unwrap_or_default(),
            safe_text(&r.text),
            r.n_sales.to_string(),
            r.n_marketing.to_string(),
            r.n_both.to_string(),
            cell(r.pct_sales),
            cell(r.pct_marketing),
            cell(r.pct_both),
            cell(r.gap_pp),
            cell(r.p),
            cell(r.q),
        ];
        row.extend(empty(HEADER.len() - row.len()));
        out.write_record(&row).map_err(io_error)?;
    }
    for c in &m.companies {
        let mut row = vec!["company".to_string(), safe_text(&c.company_id)];
        row.extend(empty(12));
        row.extend([
            c.n.to_string(),
            c.suppressed.to_string(),
            cell(c.perception_index),
            cell(c.alignment_index),
            cell(c.overconfidence),
            flag(c.perceived_aligned),
            flag(c.measured_aligned),
            cell(c.composite),
            flag(c.above_median),
        ]);
        out.write_record(&row).map_err(io_error)?;
    }
    out.flush()
}
