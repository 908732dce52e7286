//! The `benchmark` report as plain-text tables that read like advice: per
//! company, where it stands (score, percentile, norm median, leaders), then
//! what to work on first (the largest item gaps). The sentences are shared
//! with the Markdown renderer.

use super::super::fmt::{num, ordinal, plural, signed, wrap};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::benchmark::{BenchmarkReport, CompanyBenchmark, Comparison};
use crate::analysis::norms::ALIGNMENT_INDEX;
use std::io::{self, Write};

/// Who the item gaps are measured against, in words.
pub(crate) fn reference_name(m: &BenchmarkReport) -> &'static str {
    match m.norms.comparison {
        Comparison::Leaders => "the leaders",
        Comparison::AverageCompany => "the average company",
    }
}

/// What the norms are, in one or two sentences.
pub(crate) fn intro(m: &BenchmarkReport) -> Vec<String> {
    let n = &m.norms;
    let mut lines = vec![format!(
        "Benchmark of {} against norms from {} ({}), instrument \"{}\" version {}.",
        plural(m.input.companies as u64, "company", "companies"),
        plural(n.companies as u64, "company", "companies"),
        plural(n.respondents, "respondent", "respondents"),
        n.instrument.name,
        n.instrument.version
    )];
    lines.push(
        "Scores are 0–100 indexes; a percentile is the share of norm companies scoring lower (ties count half)."
            .into(),
    );
    lines.push(match (&n.tiers, n.comparison) {
        (Some(t), Comparison::Leaders) => format!(
            "Leaders: the top tier of the norm companies by business outcomes ({} scheme, {} composite; {}).",
            t.scheme,
            t.composite,
            plural(t.leaders as u64, "company", "companies")
        ),
        _ => "The norms have no leader tier (built without outcomes): items are compared with the average norm company.".into(),
    });
    lines
}

/// "X is at the 30th percentile on the alignment index …" and the strongest
/// and weakest dimensions.
pub(crate) fn standing(m: &BenchmarkReport, c: &CompanyBenchmark) -> Vec<String> {
    let Some(dims) = &c.dimensions else {
        return Vec::new();
    };
    let mut out = Vec::new();
    match dims.get(ALIGNMENT_INDEX).filter(|d| d.score.is_some()) {
        Some(ai) => {
            let mut s = format!(
                "{} is at the {} percentile on the alignment index (score {}, norm median {}",
                c.company_id,
                ordinal(ai.percentile),
                num(ai.score, 1),
                num(ai.norm_median, 1)
            );
            if let Some(l) = ai.leader_mean {
                s.push_str(&format!(", leaders {}", num(Some(l), 1)));
            }
            s.push_str(").");
            out.push(s);
        }
        None => out.push(format!(
            "{} has no alignment index: a dimension has no score.",
            c.company_id
        )),
    }
    let ranked: Vec<(&str, f64)> = m
        .dimensions
        .iter()
        .filter_map(|d| {
            dims.get(&d.id)
                .and_then(|x| x.percentile)
                .map(|p| (d.label.as_str(), p))
        })
        .collect();
    if ranked.len() >= 2 {
        // First of the highest and first of the lowest, in instrument order.
        let mut best = ranked[0];
        let mut worst = ranked[0];
        for &r in &ranked[1..] {
            if r.1 > best.1 {
                best = r;
            }
            if r.1 < worst.1 {
                worst = r;
            }
        }
        if best.1 > worst.1 {
            out.push(format!(
                "Highest percentile: {} ({}); lowest: {} ({}).",
                best.0,
                ordinal(Some(best.1)),
                worst.0,
                ordinal(Some(worst.1))
            ));
        }
    }
    out
}

/// The heading of the priorities and the sentence after them.
pub(crate) fn priorities_text(m: &BenchmarkReport, c: &CompanyBenchmark) -> (String, String) {
    let reference = reference_name(m);
    let heading = format!(
        "What to work on first: the largest gaps to {reference}, in points on the {}–{} scale (reverse-worded items, marked (R), are reverse-coded: higher is better)",
        m.scale.min, m.scale.max
    );
    let after = match c.priorities.as_ref().and_then(|p| p.first()) {
        Some(p) => {
            let who = match m.norms.comparison {
                Comparison::Leaders => "Leaders",
                Comparison::AverageCompany => "The average company",
            };
            let gap = num(p.gap, 1);
            let points = if gap == "1.0" { "point" } else { "points" };
            if p.reverse {
                format!(
                    "{who} disagree{} {gap} {points} more with \"{}\" ({}, reverse-worded).",
                    if who == "Leaders" { "" } else { "s" },
                    p.text,
                    p.item
                )
            } else {
                format!(
                    "{who} answer{} {gap} {points} higher on \"{}\" ({}).",
                    if who == "Leaders" { "" } else { "s" },
                    p.text,
                    p.item
                )
            }
        }
        None => format!(
            "No item where {} answers below {reference}: keep up what works.",
            c.company_id
        ),
    };
    (heading, after)
}

/// An item id, marked `(R)` when reverse-worded.
pub(crate) fn item_label(item: &str, reverse: bool) -> String {
    if reverse {
        format!("{item} (R)")
    } else {
        item.to_string()
    }
}

fn write_wrapped(w: &mut dyn Write, text: &str, opts: &RenderOptions) -> io::Result<()> {
    for l in wrap(text, opts.width.unwrap_or(100) as usize, "") {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

fn company(
    m: &BenchmarkReport,
    c: &CompanyBenchmark,
    opts: &RenderOptions,
    w: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        w,
        "\n== {} ({}) ==",
        c.company_id,
        plural(c.n, "respondent", "respondents")
    )?;
    let Some(dims) = &c.dimensions else {
        return write_wrapped(
            w,
            &format!(
                "Hidden: fewer than {} respondents (change the threshold with --anonymity N).",
                m.settings.anonymity
            ),
            opts,
        );
    };
    for s in standing(m, c) {
        write_wrapped(w, &s, opts)?;
    }
    let mut header = vec!["Dimension", "Score", "Percentile", "Norm median"];
    if m.norms.tiers.is_some() {
        header.push("Leaders' mean");
    }
    let mut t = new_table(header.iter().map(|s| s.to_string()).collect(), opts);
    let labels = m
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .chain([(ALIGNMENT_INDEX, "Alignment index")]);
    for (id, label) in labels {
        let Some(d) = dims.get(id) else { continue };
        let mut row = vec![
            label.to_string(),
            num(d.score, 1),
            ordinal(d.percentile),
            num(d.norm_median, 1),
        ];
        if m.norms.tiers.is_some() {
            row.push(num(d.leader_mean, 1));
        }
        t.add_row(row);
    }
    writeln!(w, "{}", render(&mut t, opts))?;

    let (heading, after) = priorities_text(m, c);
    writeln!(w)?;
    write_wrapped(w, &heading, opts)?;
    let prios = c.priorities.as_deref().unwrap_or_default();
    if !prios.is_empty() {
        let reference = match m.norms.comparison {
            Comparison::Leaders => "Leaders",
            Comparison::AverageCompany => "Average",
        };
        let mut t = new_table(
            ["#", "Item", "Company", reference, "Gap"]
                .map(String::from)
                .to_vec(),
            opts,
        );
        if let Some(col) = t.column_mut(1) {
            col.set_cell_alignment(comfy_table::CellAlignment::Left);
        }
        for p in prios {
            let reference_mean = match m.norms.comparison {
                Comparison::Leaders => p.leader_mean,
                Comparison::AverageCompany => p.norm_mean,
            };
            t.add_row(vec![
                p.rank.to_string(),
                format!("{}: {}", item_label(&p.item, p.reverse), p.text),
                num(p.company_mean, 2),
                num(reference_mean, 2),
                signed(p.gap, 2),
            ]);
        }
        writeln!(w, "{}", render(&mut t, opts))?;
    }
    write_wrapped(w, &after, opts)
}

/// The `benchmark` report as text.
pub fn benchmark(m: &BenchmarkReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    for s in intro(m) {
        write_wrapped(w, &s, opts)?;
    }
    for c in &m.companies {
        company(m, c, opts, w)?;
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)?;
    write_wrapped(w, &norms_line(m), opts)
}

/// The accounting line about the norms file.
pub(crate) fn norms_line(m: &BenchmarkReport) -> String {
    let n = &m.norms;
    format!(
        "Norms: {} ({}; {}, {} weighting, anonymity {}; instrument fingerprint {})",
        n.file,
        n.built_by,
        plural(n.companies as u64, "company", "companies"),
        match n.weighting {
            crate::analysis::score::Weighting::Respondent => "respondent",
            crate::analysis::score::Weighting::Role => "role",
        },
        n.anonymity,
        n.instrument
            .fingerprint
            .chars()
            .take(19)
            .collect::<String>()
            + "…",
    )
}
