//! The `leaders` report as plain-text tables: the plain-language summary,
//! the dimensions by tier with their tests, the practices ranked by effect
//! size (those with q < 0.05 marked), then the tier list of companies
//! (hidden companies without composite or tier) and the input accounting.

use super::super::fmt::{count, estimate_ci, mean_sd, num, percent, pval, ratio, signed, wrap};
use super::super::RenderOptions;
use super::{new_table, render};
use crate::analysis::leaders::{ranked_items, LeadersReport, Q_MARK};
use crate::analysis::outcomes::CompositeMethod;
use std::io::{self, Write};

/// A q-value, with `*` when below [`Q_MARK`].
fn q_marked(q: Option<f64>) -> String {
    match q {
        Some(v) if v < Q_MARK => format!("{} *", pval(q)),
        _ => pval(q),
    }
}

/// A paragraph wrapped to the width.
fn para(w: &mut dyn Write, text: &str, width: usize) -> io::Result<()> {
    for l in wrap(text, width, "") {
        writeln!(w, "{l}")?;
    }
    Ok(())
}

/// What the composite is, in words.
fn composite_text(c: CompositeMethod) -> &'static str {
    match c {
        CompositeMethod::Z => "mean z-score of the outcomes",
        CompositeMethod::Rank => "mean percentile rank of the outcomes",
    }
}

/// The `leaders` report as tables.
pub fn leaders(m: &LeadersReport, opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    let width = opts.width.unwrap_or(100) as usize;
    writeln!(
        w,
        "Leaders vs laggards ({} scheme; composite: {})\n",
        m.scheme,
        composite_text(m.settings.composite)
    )?;
    for s in &m.summary {
        for l in wrap(&format!("• {s}"), width, "  ") {
            writeln!(w, "{l}")?;
        }
    }

    writeln!(w)?;
    para(
        w,
        "Dimensions: company scores (0–100) by tier, mean (sd); diff = leaders − laggards; g = Hedges' g",
        width,
    )?;
    let mut tab = new_table(
        [
            "Dimension",
            "Leaders",
            "Average",
            "Laggards",
            "Diff",
            "g [95% CI]",
        ]
        .map(String::from)
        .to_vec(),
        opts,
    );
    for d in &m.dimensions {
        let s = &d.stats;
        tab.add_row(vec![
            d.label.clone(),
            mean_sd(s.leaders.mean, s.leaders.sd, 1),
            mean_sd(s.average.mean, s.average.sd, 1),
            mean_sd(s.laggards.mean, s.laggards.sd, 1),
            signed(s.diff, 1),
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
        ]);
    }
    writeln!(w, "{}", render(&mut tab, opts))?;
    para(
        w,
        "Tests: n = companies (leaders/laggards); Welch's t; q = Benjamini–Hochberg over the dimensions; U = leaders' Mann–Whitney U; ρ = Spearman ρ with the outcome composite",
        width,
    )?;
    let mut tab = new_table(
        ["Dimension", "n", "t", "df", "p", "q", "U", "p", "ρ", "p"]
            .map(String::from)
            .to_vec(),
        opts,
    );
    for d in &m.dimensions {
        let s = &d.stats;
        let c = m.correlations.iter().find(|c| c.dimension == d.dimension);
        tab.add_row(vec![
            d.label.clone(),
            format!("{}/{}", s.leaders.n, s.laggards.n),
            num(s.welch.t, 2),
            num(s.welch.df, 1),
            pval(s.welch.p),
            q_marked(s.q),
            num(s.mann_whitney.u, 1),
            pval(s.mann_whitney.p),
            num(c.and_then(|c| c.spearman_rho), 2),
            pval(c.and_then(|c| c.p)),
        ]);
    }
    writeln!(w, "{}", render(&mut tab, opts))?;

    writeln!(w)?;
    para(
        w,
        &format!("Practices ranked by effect size (Hedges' g, leaders − laggards); * q < {Q_MARK} (Benjamini–Hochberg over the items)"),
        width,
    )?;
    let mut tab = new_table(
        [
            "Item",
            "Mean leaders / laggards",
            "Diff",
            "g [95% CI]",
            "q",
            "Top-2 % leaders / laggards",
            "Lift",
        ]
        .map(String::from)
        .to_vec(),
        opts,
    );
    for it in ranked_items(m) {
        let s = &it.stats;
        tab.add_row(vec![
            if it.reverse {
                format!("{} (R)", it.item)
            } else {
                it.item.clone()
            },
            format!("{} / {}", num(s.leaders.mean, 2), num(s.laggards.mean, 2)),
            signed(s.diff, 2),
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
            q_marked(s.q),
            format!(
                "{} / {}",
                percent(it.top2_leaders).trim_end_matches('%'),
                percent(it.top2_laggards).trim_end_matches('%')
            ),
            ratio(it.lift, 1),
        ]);
    }
    writeln!(w, "{}", render(&mut tab, opts))?;
    let note =
        "Means are company means on the answer scale, reverse-worded items (R) reverse-coded; \
top-2 % is the share of a tier's respondents in the two highest points, as worded; \
lift = leaders' share ÷ laggards'.";
    para(w, note, width)?;

    writeln!(
        w,
        "\nCompanies by tier, best first (composite: {})",
        composite_text(m.settings.composite)
    )?;
    let mut tab = new_table(
        ["Company", "n", "Composite", "Tier"]
            .map(String::from)
            .to_vec(),
        opts,
    );
    for c in &m.companies {
        if c.suppressed {
            tab.add_row(vec![
                c.company_id.clone(),
                count(c.n),
                "hidden".into(),
                format!("n < {}", m.settings.anonymity),
            ]);
            continue;
        }
        tab.add_row(vec![
            c.company_id.clone(),
            count(c.n),
            num(c.composite, 2),
            c.tier
                .map_or_else(|| "unclassified".to_string(), |t| t.label().to_string()),
        ]);
    }
    writeln!(w, "{}", render(&mut tab, opts))?;
    if !m.unclassified.is_empty() {
        writeln!(w, "Unclassified:")?;
        for u in &m.unclassified {
            for l in wrap(&format!("  {}: {}", u.company_id, u.reason), width, "  ") {
                writeln!(w, "{l}")?;
            }
        }
    }
    writeln!(w)?;
    crate::report::write_accounting(&m.input, &m.hidden, &m.instrument, opts, w)
}
