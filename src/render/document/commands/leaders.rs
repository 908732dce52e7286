//! The document of `align leaders`: the plain-language summary, the
//! dimensions by tier with their tests, the practices ranked by effect
//! size, the companies by tier (hidden companies without composite or
//! tier), then the input accounting. CSV writes the three tables as one,
//! with a `section` column. The report's leaders section shows the same
//! tables, with a chart of each.

use super::super::{Cell, Chart, Column, Document, Figure, ForestRow, Kind, Section, Table};
use crate::analysis::leaders::summary::{indicative_text, scheme_text};
use crate::analysis::leaders::{ranked_items, Comparison, LeadersReport, Q_MARK};
use crate::analysis::outcomes::CompositeMethod;
use crate::instrument::Direction;
use crate::render::fmt::item_label;
use crate::render::{DocOptions, Model};

/// What the composite is, in words.
pub(crate) fn composite_text(c: CompositeMethod) -> &'static str {
    match c {
        CompositeMethod::Z => "mean z-score of the outcomes",
        CompositeMethod::Rank => "mean percentile rank of the outcomes",
    }
}

/// How a comparison's tiers are read.
#[derive(Clone, Copy, PartialEq)]
enum Layout {
    /// Each tier's mean (sd) in one cell: company scores on the 0–100 index.
    MeanSd,
    /// Each tier's mean only, the sds for the data formats: items on the
    /// answer scale, whose table must stay narrow enough to read in a
    /// terminal.
    Means,
}

/// Columns of a comparison, shown ones and data ones. The difference
/// (leaders' mean − laggards') is for the data formats: the tables show
/// both means, and stay within 100 columns without breaking a figure.
fn comparison_columns(layout: Layout) -> Vec<Column> {
    let mut cols = Vec::new();
    for (g, label) in [
        ("leaders", "Leaders"),
        ("average", "Average"),
        ("laggards", "Laggards"),
    ] {
        cols.push(Column::right(&format!("{g}_n"), &format!("{label} n")).detail());
        let mean = format!("{g}_mean");
        let sd = format!("{g}_sd");
        match layout {
            Layout::MeanSd => {
                cols.push(Column::right(&mean, &format!("{label} mean (sd)")).split(&[&mean, &sd]))
            }
            Layout::Means => {
                cols.push(Column::right(&mean, label));
                cols.push(Column::right(&sd, &format!("{label} sd")).detail());
            }
        }
    }
    cols.extend([
        Column::right("diff", "Diff").detail(),
        Column::right("hedges_g", "g [95% CI]").split(&[
            "hedges_g",
            "hedges_g_ci95_low",
            "hedges_g_ci95_high",
        ]),
        Column::right("welch_t", "t").detail(),
        Column::right("welch_df", "df").detail(),
        Column::right("welch_p", "p").detail(),
        Column::right("mann_whitney_u", "U").detail(),
        Column::right("mann_whitney_p", "U p").detail(),
        Column::right("q", "q"),
    ]);
    cols
}

fn comparison_cells(s: &Comparison, kind: Kind, layout: Layout) -> Vec<Cell> {
    let mut v = Vec::new();
    for g in [&s.leaders, &s.average, &s.laggards] {
        v.push(Cell::count(g.n as u64));
        match layout {
            Layout::MeanSd => v.push(Cell::mean_sd(g.mean, g.sd, kind)),
            Layout::Means => v.extend([Cell::num(g.mean, kind), Cell::num(g.sd, kind)]),
        }
    }
    v.extend([
        Cell::signed(s.diff, kind),
        Cell::estimate_ci(s.hedges_g, s.hedges_g_ci95, Kind::Stat(2)),
        Cell::stat(s.welch.t, 2),
        Cell::stat(s.welch.df, 1),
        Cell::p(s.welch.p),
        Cell::stat(s.mann_whitney.u, 1),
        Cell::p(s.mann_whitney.p),
        Cell::p(s.q),
    ]);
    v
}

fn dimension_table(m: &LeadersReport) -> Table {
    let mut cols = vec![
        Column::left("id", "Dimension").detail(),
        Column::left("text", "Dimension"),
    ];
    cols.extend(comparison_columns(Layout::MeanSd));
    cols.extend([
        Column::right("spearman_rho", "ρ"),
        Column::right("spearman_p", "ρ p").detail(),
        Column::right("spearman_n", "ρ n").detail(),
    ]);
    let mut t = Table::with_columns("dimensions", "dimension", cols);
    t.main = true;
    for d in &m.dimensions {
        let c = m.correlations.iter().find(|c| c.dimension == d.dimension);
        let mut row = vec![
            Cell::text(d.dimension.as_str()),
            Cell::text(d.label.as_str()),
        ];
        row.extend(comparison_cells(&d.stats, Kind::Index, Layout::MeanSd));
        row.extend([
            Cell::stat(c.and_then(|c| c.spearman_rho), 2),
            Cell::p(c.and_then(|c| c.p)),
            c.map_or(Cell::Missing, |c| Cell::count(c.n as u64)),
        ]);
        t.push(row);
    }
    t.caption = Some("Company scores (0–100) by tier, mean (sd); g = Hedges' g (leaders − laggards); q = Benjamini–Hochberg over the dimensions' Welch p-values; ρ = Spearman ρ with the outcome composite. The difference of the means, Welch's t and the Mann–Whitney U (leaders' U) are in the CSV and JSON.".into());
    t
}

fn item_table(m: &LeadersReport) -> Table {
    let mut cols = vec![
        Column::left("id", "Item"),
        Column::left("dimension", "Dimension").detail(),
        Column::left("text", "Text").detail(),
    ];
    cols.extend(comparison_columns(Layout::Means));
    cols.extend([
        Column::right("top2_leaders", "Top-2 % leaders / laggards")
            .split(&["top2_leaders", "top2_laggards"]),
        Column::right("lift", "Lift"),
    ]);
    let mut t = Table::with_columns("items", "item", cols);
    t.main = true;
    for it in ranked_items(m) {
        let mut row = vec![
            Cell::item(&it.item, it.reverse),
            Cell::text(it.dimension.as_str()),
            Cell::text(it.text.as_str()),
        ];
        row.extend(comparison_cells(&it.stats, Kind::Stat(2), Layout::Means));
        row.push(Cell::pair(it.top2_leaders, it.top2_laggards, Kind::Stat(0)));
        row.push(Cell::ratio(it.lift, 1));
        t.push(row);
    }
    t.caption = Some(format!(
        "Ranked by effect size (Hedges' g, leaders − laggards); q < {Q_MARK} is significant after Benjamini–Hochberg over the items. Leaders, average, laggards: the tier's mean of company means on the answer scale, reverse-worded items (R) reverse-coded (sds and differences in the CSV and JSON); top-2 % is the share of a tier's respondents in the two highest points, as worded; lift = leaders' share ÷ laggards'."
    ));
    t
}

/// "higher is better" or "lower is better".
pub(crate) fn direction_text(d: Direction) -> &'static str {
    match d {
        Direction::HigherIsBetter => "higher is better",
        Direction::LowerIsBetter => "lower is better",
    }
}

/// What a leader is, in words: the outcomes (label, direction, group), the
/// composite and the tier scheme.
pub(crate) fn leader_definition(m: &LeadersReport) -> Vec<String> {
    let mut v = vec![format!(
        "Companies are ranked by a composite of {} business outcome{} — the {} — and split into tiers: {}.",
        m.outcomes.len(),
        if m.outcomes.len() == 1 { "" } else { "s" },
        composite_text(m.settings.composite),
        scheme_text(m.scheme)
    )];
    v.extend(m.outcomes.iter().map(|o| {
        format!(
            "{}{}: {} (group “{}”).",
            o.label,
            if o.unit.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", o.unit.trim())
            },
            direction_text(o.direction),
            o.group
        )
    }));
    v
}

/// Each outcome's mean, median and n of company values by tier.
pub(crate) fn outcome_table(m: &LeadersReport) -> Table {
    outcome_tier_table(&m.outcomes_by_tier)
}

/// The outcomes-by-tier table of any command.
pub(crate) fn outcome_tier_table(by_tier: &[crate::analysis::leaders::OutcomeByTier]) -> Table {
    let mut cols = vec![
        Column::left("outcome", "Outcome id").detail(),
        Column::left("label", "Outcome"),
        Column::left("unit", "Unit").detail(),
        Column::left("direction", "Direction").detail(),
    ];
    for (g, label) in [
        ("leaders", "Leaders"),
        ("average", "Average"),
        ("laggards", "Laggards"),
    ] {
        cols.push(
            Column::right(&format!("{g}_mean"), &format!("{label} mean (median)"))
                .split(&[&format!("{g}_mean"), &format!("{g}_median")]),
        );
        cols.push(Column::right(&format!("{g}_n"), "n"));
    }
    let mut t = Table::with_columns("outcomes", "outcome", cols);
    for o in by_tier {
        let mut row = vec![
            Cell::text(o.outcome.as_str()),
            Cell::text(o.label.as_str()),
            Cell::text(o.unit.as_str()),
            Cell::text(direction_text(o.direction)),
        ];
        for s in [&o.leaders, &o.average, &o.laggards] {
            row.push(Cell::mean_sd(s.mean, s.median, Kind::Stat(1)));
            row.push(Cell::count(s.n as u64));
        }
        t.push(row);
    }
    t.caption = Some("Company values as reported (not sign-flipped), over the classified companies shown in this report; n = companies of the tier that report the outcome.".into());
    t
}

fn company_table(m: &LeadersReport) -> Table {
    let mut t = Table::with_columns(
        "companies",
        "company",
        vec![
            Column::left("id", "Company"),
            Column::right("n", "n"),
            Column::left("suppressed", "Suppressed").detail(),
            Column::right("composite", "Composite"),
            Column::left("tier", "Tier"),
            Column::left("reason", "Unclassified because").detail(),
        ],
    );
    t.main = true;
    // Why each unclassified company is, by id (the first reason of an id).
    let mut reasons = std::collections::HashMap::with_capacity(m.unclassified.len());
    for u in &m.unclassified {
        reasons.entry(&*u.company_id).or_insert(u.reason.as_str());
    }
    for c in &m.companies {
        if c.suppressed {
            t.push(vec![
                Cell::text(c.company_id.as_str()),
                Cell::count(c.n),
                Cell::text("true"),
                Cell::Hidden,
                Cell::Hidden,
                Cell::Missing,
            ]);
            continue;
        }
        let reason = reasons
            .get(&*c.company_id)
            .map_or(Cell::Missing, |&r| Cell::text(r));
        t.push(vec![
            Cell::text(c.company_id.as_str()),
            Cell::count(c.n),
            Cell::text("false"),
            Cell::stat(c.composite, 2),
            Cell::text(c.tier.map_or("unclassified", |t| t.label())),
            reason,
        ]);
    }
    t
}

/// The report's leaders vs laggards section: what a leader is, the
/// outcomes by tier, the findings, then this document's dimension and
/// practice tables, each after its chart.
pub(crate) fn report_section(l: &LeadersReport) -> Section {
    let mut sec = Section::new("leaders", "Leaders vs laggards");
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
    sec.figure(tier_figure(l));
    let mut t = dimension_table(l);
    t.main = false; // the report's main table is the company scores
    sec.table(t);
    sec.subheading("Practices that distinguish leaders");
    match forest_figure(l) {
        Some(f) => sec.figure(f),
        None => sec.note(
            "No practice has a defined effect size (see the warnings at the end of the report).",
        ),
    }
    let mut t = item_table(l);
    t.main = false;
    t.items_by_text();
    sec.table(t);
    sec
}

/// The mean dimension scores of each tier as a bar chart.
fn tier_figure(l: &LeadersReport) -> Figure {
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
    Figure {
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
    }
}

/// Every practice's Hedges' g with its CI as a forest plot, largest first
/// (`None` when no practice has one).
fn forest_figure(l: &LeadersReport) -> Option<Figure> {
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
    (!rows.is_empty()).then(|| Figure {
        title: "Leader–laggard effect size per practice".into(),
        caption: "Hedges' g (leaders − laggards, in standard deviations) with its 95% confidence interval; a CI clear of 0 is a difference unlikely to be chance. Around 0.2 is small, 0.5 medium, 0.8 large.".into(),
        alt: "Forest plot of Hedges' g with 95% confidence intervals for each practice, largest first.".into(),
        chart: Chart::Forest { rows, groups },
        fallback: None,
        svg: None,
        hover,
    })
}

impl Model for LeadersReport {
    fn document(&self, _opts: &DocOptions) -> Document {
        let m = self;
        let composite = composite_text(m.settings.composite);
        let mut doc = Document::new(
            "Leaders vs laggards",
            format!("{} scheme; composite: {composite}", m.scheme),
        );
        doc.headlines = m.summary.clone();
        let mut s = Section::new("outcomes", "What a leader is: outcomes by tier");
        s.list(leader_definition(m));
        if m.indicative {
            s.note(format!(
                "Indicative: {}; read the differences between leaders and laggards as indicative only.",
                indicative_text(m)
            ));
        }
        s.table(outcome_table(m));
        doc.sections.push(s);
        let mut s = Section::new("dimensions", "Dimensions by tier");
        s.table(dimension_table(m));
        doc.sections.push(s);
        let mut s = Section::new("items", "Practices ranked by effect size");
        s.table(item_table(m));
        doc.sections.push(s);
        let mut s = Section::new(
            "companies",
            &format!("Companies by tier, best first (composite: {composite})"),
        );
        s.table(company_table(m));
        let unclassified: Vec<String> = m
            .unclassified
            .iter()
            .map(|u| format!("{}: {}", u.company_id, u.reason))
            .collect();
        if !unclassified.is_empty() {
            s.paragraph("Unclassified:");
            s.list(unclassified);
        }
        doc.sections.push(s);
        finish_with!(doc, m)
    }
}
