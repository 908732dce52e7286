//! The `benchmark` report as CSV, one row per company and figure (tidy):
//! `kind` is `dimension`, `alignment_index` or `item`. Dimension rows hold
//! the score (`value`), percentile, norm median and leaders' mean; item
//! rows hold the company mean (`value`), the norm and leaders' means, the
//! gap and, for the priorities, their rank. A hidden company is one row
//! with `suppressed` true and empty figures.

use super::super::RenderOptions;
use super::{cell, io_error, safe_text, writer};
use crate::analysis::benchmark::BenchmarkReport;
use crate::analysis::norms::ALIGNMENT_INDEX;
use std::io::{self, Write};

/// The `benchmark` report as CSV.
pub fn benchmark(m: &BenchmarkReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let mut out = writer(w);
    out.write_record([
        "company_id",
        "n",
        "suppressed",
        "kind",
        "id",
        "label",
        "value",
        "percentile",
        "norm_median",
        "norm_mean",
        "leader_mean",
        "gap",
        "priority",
    ])
    .map_err(io_error)?;
    for c in &m.companies {
        let head = vec![
            safe_text(&c.company_id),
            c.n.to_string(),
            c.suppressed.to_string(),
        ];
        let (Some(dims), Some(items)) = (&c.dimensions, &c.items) else {
            let mut row = head.clone();
            row.extend(std::iter::repeat_n(String::new(), 10));
            out.write_record(&row).map_err(io_error)?;
            continue;
        };
        let labels = m
            .dimensions
            .iter()
            .map(|d| ("dimension", d.id.as_str(), d.label.as_str()))
            .chain([(ALIGNMENT_INDEX, ALIGNMENT_INDEX, "Alignment index")]);
        for (kind, id, label) in labels {
            let Some(d) = dims.get(id) else { continue };
            let mut row = head.clone();
            row.extend([
                kind.to_string(),
                safe_text(id),
                safe_text(label),
                cell(d.score),
                cell(d.percentile),
                cell(d.norm_median),
                String::new(),
                cell(d.leader_mean),
                String::new(),
                String::new(),
            ]);
            out.write_record(&row).map_err(io_error)?;
        }
        let prios = c.priorities.as_deref().unwrap_or_default();
        for it in items {
            let rank = prios
                .iter()
                .find(|p| p.item == it.item)
                .map(|p| p.rank.to_string())
                .unwrap_or_default();
            let mut row = head.clone();
            row.extend([
                "item".to_string(),
                safe_text(&it.item),
                safe_text(&it.text),
                cell(it.company_mean),
                String::new(),
                String::new(),
                cell(it.norm_mean),
                cell(it.leader_mean),
                cell(it.gap),
                rank,
            ]);
            out.write_record(&row).map_err(io_error)?;
        }
    }
    out.flush()
}
