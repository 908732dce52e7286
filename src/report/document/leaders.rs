//! The leaders vs laggards section: the leaders model's summary, dimension
//! scores by tier (chart and table) and every practice's Hedges' g with its
//! CI (forest plot and table). Without a leaders model it says what the
//! analysis needs.

use super::{Chart, Figure, ForestRow, Section, Table};
use crate::analysis::leaders::summary::indicative_text;
use crate::analysis::leaders::{ranked_items, LeadersReport, Q_MARK};
use crate::analysis::report::Report;
use crate::report::document::commands::leaders::{leader_definition, outcome_table};
use crate::report::fmt::{estimate_ci, item_label, mean_sd, num, percent, pval, ratio, signed};

/// The section, or a note saying what it needs.
pub fn section(r: &Report) -> Section {
    let mut sec = Section::new("leaders", "Leaders vs laggards");
    let Some(l) = &r.leaders else {
        sec.note(
            r.unavailable
                .leaders
                .clone()
                .unwrap_or_else(|| "Leaders vs laggards is not available.".into()),
        );
        return sec;
    };
    sec.subheading("What a leader is");
    sec.list(leader_definition(l));
    if l.indicative {
        sec.note(format!(
            "Indicative: {}. The differences between leaders and laggards below can easily be chance; confirm them with more companies.",
            indicative_text(l)
        ));
    }
    let mut t = outcome_table(l);
    t.caption = Some("How much better leaders did: each outcome's company values as reported (not sign-flipped), mean (median) and number of companies per tier, over the classified companies shown in this report.".into());
    sec.table(t);
    sec.subheading("Findings");
    sec.list(l.summary.clone());
    dimensions(l, &mut sec);
    items(l, &mut sec);
    sec
}

fn dimensions(l: &LeadersReport, sec: &mut Section) {
    let dims: Vec<String> = l.dimensions.iter().map(|d| d.label.clone()).collect();
    let tiers = vec![
        (
            format!("Leaders ({})", l.tiers.leader.companies),
            l.dimensions.iter().map(|d| d.stats.leaders.mean).collect(),
        ),
        (
            format!("Average ({})", l.tiers.average.companies),
            l.dimensions.iter().map(|d| d.stats.average.mean).collect(),
        ),
        (
            format!("Laggards ({})", l.tiers.laggard.companies),
            l.dimensions.iter().map(|d| d.stats.laggards.mean).collect(),
        ),
    ];
    sec.figure(Figure {
        title: "Dimension scores by tier".into(),
        caption: "Mean company score (0–100) of each tier; the number of companies in brackets. A tier with fewer respondents than the anonymity threshold has no bars.".into(),
        alt: "Grouped bar chart of the mean dimension scores of leaders, average companies and laggards.".into(),
        chart: Chart::TierBars {
            dimensions: dims,
            tiers,
        },
        fallback: None,
        svg: None,
        hover: Vec::new(),
    });
    let mut t = Table::new(
        &[
            "Dimension",
            "Leaders",
            "Average",
            "Laggards",
            "Difference",
            "Hedges' g [95% CI]",
            "q",
            "ρ with outcomes",
        ],
        1,
    );
    for d in &l.dimensions {
        let s = &d.stats;
        let rho = l
            .correlations
            .iter()
            .find(|c| c.dimension == d.dimension)
            .and_then(|c| c.spearman_rho);
        t.push_text(vec![
            d.label.clone(),
            mean_sd(s.leaders.mean, s.leaders.sd, 1),
            mean_sd(s.average.mean, s.average.sd, 1),
            mean_sd(s.laggards.mean, s.laggards.sd, 1),
            signed(s.diff, 1),
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
            pval(s.q),
            num(rho, 2),
        ]);
    }
    t.caption = Some("Mean (sd) of the company scores in each tier. Difference = leaders − laggards in index points; q = Benjamini–Hochberg over the dimensions' Welch p-values; ρ = Spearman correlation of the score with the outcome composite.".into());
    sec.table(t);
}

fn items(l: &LeadersReport, sec: &mut Section) {
    let ranked = ranked_items(l);
    let mut groups: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    let mut hover = Vec::new();
    for it in &ranked {
        let Some(g) = it.stats.hedges_g else { continue };
        let label = l
            .dimensions
            .iter()
            .find(|d| d.dimension == it.dimension)
            .map_or(it.dimension.clone(), |d| d.label.clone());
        let group = match groups.iter().position(|x| *x == label) {
            Some(i) => i,
            None => {
                groups.push(label);
                groups.len() - 1
            }
        };
        let (short, full) = item_label(&it.item, &it.text, it.reverse);
        hover.push((short.clone(), full));
        rows.push(ForestRow {
            label: short,
            group,
            g,
            ci: it.stats.hedges_g_ci95,
        });
    }
    sec.subheading("Practices that distinguish leaders");
    if rows.is_empty() {
        sec.note(
            "No practice has a defined effect size (see the warnings at the end of the report).",
        );
    } else {
        sec.figure(Figure {
            title: "Leader–laggard effect size per practice".into(),
            caption: "Hedges' g (leaders − laggards, in standard deviations) with its 95% confidence interval; a CI clear of 0 is a difference unlikely to be chance. Around 0.2 is small, 0.5 medium, 0.8 large.".into(),
            alt: "Forest plot of Hedges' g with 95% confidence intervals for each practice, largest first.".into(),
            chart: Chart::Forest { rows, groups },
            fallback: None,
            svg: None,
            hover,
        });
    }
    let mut t = Table::new(
        &[
            "Practice",
            "Hedges' g [95% CI]",
            "q",
            "Agree: leaders",
            "Agree: laggards",
            "Lift",
        ],
        1,
    );
    for it in ranked {
        let s = &it.stats;
        let q = match s.q {
            Some(v) if v < Q_MARK => format!("{} ✓", pval(s.q)),
            _ => pval(s.q),
        };
        t.push_text(vec![
            item_label(&it.item, &it.text, it.reverse).1,
            estimate_ci(s.hedges_g, s.hedges_g_ci95, 2),
            q,
            percent(it.top2_leaders),
            percent(it.top2_laggards),
            ratio(it.lift, 1),
        ]);
    }
    t.caption = Some(format!(
        "Largest effect first; g compares the companies' mean answers, reverse-worded items (R) reverse-coded. ✓ marks q < {Q_MARK} (Benjamini–Hochberg over the items). Agree: share of the tier's respondents answering in the two highest points, as worded; lift = leaders' share ÷ laggards'."
    ));
    sec.table(t);
}
