//! The `benchmark` report as Markdown: per company a heading, where it
//! stands, then what to work on first (same sentences as the table).

use super::super::fmt::{num, ordinal, plural, signed};
use super::super::table::benchmark::{intro, item_label, norms_line, priorities_text, standing};
use super::super::RenderOptions;
use super::{esc, table};

/// A pipe table with the given column alignments (`:---` or `---:`).
fn aligned_table(
    w: &mut dyn Write,
    header: &[String],
    aligns: &[&str],
    rows: &[Vec<String>],
) -> io::Result<()> {
    writeln!(w, "| {} |", header.join(" | "))?;
    writeln!(w, "| {} |", aligns.join(" | "))?;
    for r in rows {
        writeln!(w, "| {} |", r.join(" | "))?;
    }
    writeln!(w)
}
use crate::analysis::benchmark::{BenchmarkReport, CompanyBenchmark, Comparison};
use crate::analysis::norms::ALIGNMENT_INDEX;
use std::io::{self, Write};

fn company(m: &BenchmarkReport, c: &CompanyBenchmark, w: &mut dyn Write) -> io::Result<()> {
    writeln!(
        w,
        "## {} ({})\n",
        esc(&c.company_id),
        plural(c.n, "respondent", "respondents")
    )?;
    let Some(dims) = &c.dimensions else {
        return writeln!(
            w,
            "Hidden: fewer than {} respondents (change the threshold with --anonymity N).\n",
            m.settings.anonymity
        );
    };
    for s in standing(m, c) {
        writeln!(w, "{}", esc(&s))?;
    }
    writeln!(w)?;
    let tiers = m.norms.tiers.is_some();
    let mut header: Vec<String> = ["Dimension", "Score", "Percentile", "Norm median"]
        .map(String::from)
        .to_vec();
    if tiers {
        header.push("Leaders' mean".into());
    }
    let labels = m
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .chain([(ALIGNMENT_INDEX, "Alignment index")]);
    let mut rows = Vec::new();
    for (id, label) in labels {
        let Some(d) = dims.get(id) else { continue };
        let mut row = vec![
            esc(label),
            num(d.score, 1),
            ordinal(d.percentile),
            num(d.norm_median, 1),
        ];
        if tiers {
            row.push(num(d.leader_mean, 1));
        }
        rows.push(row);
    }
    table(w, &header, &rows)?;

    let (heading, after) = priorities_text(m, c);
    writeln!(w, "**{}**\n", esc(&heading))?;
    let prios = c.priorities.as_deref().unwrap_or_default();
    if !prios.is_empty() {
        let reference = match m.norms.comparison {
            Comparison::Leaders => "Leaders",
            Comparison::AverageCompany => "Average",
        };
        let header: Vec<String> = ["#", "Item", "Text", "Company", reference, "Gap"]
            .map(String::from)
            .to_vec();
        let rows: Vec<Vec<String>> = prios
            .iter()
            .map(|p| {
                let reference_mean = match m.norms.comparison {
                    Comparison::Leaders => p.leader_mean,
                    Comparison::AverageCompany => p.norm_mean,
                };
                vec![
                    p.rank.to_string(),
                    esc(&item_label(&p.item, p.reverse)),
                    esc(&p.text),
                    num(p.company_mean, 2),
                    num(reference_mean, 2),
                    signed(p.gap, 2),
                ]
            })
            .collect();
        let aligns = ["---:", ":---", ":---", "---:", "---:", "---:"];
        aligned_table(w, &header, &aligns, &rows)?;
    }
    writeln!(w, "{}\n", esc(&after))
}

/// The `benchmark` report as Markdown.
pub fn benchmark(m: &BenchmarkReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# Benchmark against norms\n")?;
    for s in intro(m) {
        writeln!(w, "{}", esc(&s))?;
    }
    writeln!(w)?;
    for c in &m.companies {
        company(m, c, w)?;
    }
    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)?;
    writeln!(w, "- {}", esc(&norms_line(m)))
}
