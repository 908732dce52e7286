//! The `leaders` report as Markdown: summary, dimensions by tier with their
//! tests, practices ranked by effect size (q < 0.05 marked), the tier list
//! (hidden companies without composite or tier), warnings and the input.

use super::super::fmt::{count, estimate_ci, mean_sd, num, percent, pval, ratio, signed};
use super::super::RenderOptions;
use super::{esc, table};
use crate::analysis::leaders::{ranked_items, LeadersReport, Q_MARK};
use crate::analysis::outcomes::CompositeMethod;
use std::io::{self, Write};

/// A q-value, bold with a mark when below [`Q_MARK`].
fn q_marked(q: Option<f64>) -> String {
    match q {
        Some(v) if v < Q_MARK => format!("**{}** ✓", pval(q)),
        _ => pval(q),
    }
}

/// The `leaders` report as Markdown.
pub fn leaders(m: &LeadersReport, _opts: &RenderOptions, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# Leaders vs laggards\n")?;
    for s in &m.summary {
        writeln!(w, "- {}", esc(s))?;
    }
    writeln!(w)?;

    writeln!(w, "## Dimensions\n")?;
    writeln!(
        w,
        "Company scores (0–100 index) by tier: mean (sd), n companies. Diff = leaders − laggards; Hedges' g with its 95% CI; Welch's t test; Mann–Whitney U (leaders' U, normal approximation with tie and continuity corrections); q = Benjamini–Hochberg over the dimensions; Spearman ρ of the score with the outcome composite.\n"
    )?;
    let header: Vec<String> = [
        "Dimension",
        "Leaders",
        "Average",
        "Laggards",
        "Diff",
        "Hedges' g [95% CI]",
        "Welch t (df)",
        "p",
        "U",
        "p (U)",
        "q",
        "Spearman ρ",
        "p (ρ)",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for d in &m.dimensions {
        let s = &d.stats;
        let c = m.correlations.iter().find(|c| c.dimension == d.dimension);
        let group = |g: &crate::analysis::leaders::GroupStats| {
            format!("{}, n = {}", mean_sd(g.mean, g.sd, 1), g.n)
        };
        rows.push(vec![
            esc(&d.label),
            group(&s.leaders),
            group(&s.average),
            group(&s.laggards),
            signed(s.diff, 1),
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
            match s.welch.t {
                Some(_) => format!("{} ({})", num(s.welch.t, 2), num(s.welch.df, 1)),
                None => num(None, 2),
            },
            pval(s.welch.p),
            num(s.mann_whitney.u, 1),
            pval(s.mann_whitney.p),
            q_marked(s.q),
            num(c.and_then(|c| c.spearman_rho), 2),
            pval(c.and_then(|c| c.p)),
        ]);
    }
    table(w, &header, &rows)?;

    writeln!(w, "## Practices ranked by effect size\n")?;
    writeln!(
        w,
        "Company means on the answer scale (reverse-worded items, marked (R), reverse-coded), ranked by Hedges' g; ✓ marks q < {Q_MARK} (Benjamini–Hochberg over the items' Welch p-values). Top-2-box: share of a tier's respondents answering in the two highest points, as worded; lift = leaders' share ÷ laggards'.\n"
    )?;
    let header: Vec<String> = [
        "Item",
        "Text",
        "Leaders",
        "Laggards",
        "Diff",
        "Hedges' g [95% CI]",
        "Welch p",
        "U p",
        "q",
        "Top-2 leaders",
        "Top-2 laggards",
        "Lift",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for it in ranked_items(m) {
        let s = &it.stats;
        rows.push(vec![
            format!("{}{}", esc(&it.item), if it.reverse { " (R)" } else { "" }),
            esc(&it.text),
            mean_sd(s.leaders.mean, s.leaders.sd, 2),
            mean_sd(s.laggards.mean, s.laggards.sd, 2),
            signed(s.diff, 2),
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
            pval(s.welch.p),
            pval(s.mann_whitney.p),
            q_marked(s.q),
            percent(it.top2_leaders),
            percent(it.top2_laggards),
            ratio(it.lift, 2),
        ]);
    }
    table(w, &header, &rows)?;

    writeln!(w, "## Companies by tier\n")?;
    writeln!(
        w,
        "Best first; composite = {}. Companies with fewer than {} respondents are hidden.\n",
        match m.settings.composite {
            CompositeMethod::Z => "mean z-score of the outcomes",
            CompositeMethod::Rank => "mean percentile rank of the outcomes",
        },
        m.settings.anonymity
    )?;
    let header: Vec<String> = ["Company", "n", "Composite", "Tier"]
        .map(String::from)
        .to_vec();
    let mut rows = Vec::new();
    for c in &m.companies {
        if c.suppressed {
            rows.push(vec![
                esc(&c.company_id),
                count(c.n),
                "hidden".into(),
                format!("n < {}", m.settings.anonymity),
            ]);
        } else {
            rows.push(vec![
                esc(&c.company_id),
                count(c.n),
                num(c.composite, 2),
                c.tier
                    .map_or_else(|| "unclassified".to_string(), |t| t.label().to_string()),
            ]);
        }
    }
    table(w, &header, &rows)?;
    if !m.unclassified.is_empty() {
        writeln!(w, "Unclassified companies:\n")?;
        for u in &m.unclassified {
            writeln!(w, "- {}: {}", esc(&u.company_id), esc(&u.reason))?;
        }
        writeln!(w)?;
    }

    super::footer(w, &m.warnings, &m.input, &m.hidden, &m.instrument)?;
    Ok(())
}
