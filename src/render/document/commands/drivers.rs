//! The document of `align drivers`: the items to fix first with the
//! importance × performance chart, the dimension models (betas, LMG
//! shares with intervals), the item models (relative weights with
//! intervals, performance, quadrant) with a chart of the composite's
//! shares, each model's fit, the outcomes by tier, then the method notes
//! and the input accounting. CSV writes the dimension and item tables as
//! one, with a `section` column.

use super::super::{
    Cell, Chart, Column, Document, Figure, ForestRow, Kind, ScatterPoint, Section, Table,
};
use super::leaders::{composite_text, outcome_tier_table};
use crate::analysis::drivers::{DriversReport, Quadrant, TargetDrivers};
use crate::render::fmt::item_label;
use crate::render::{DocOptions, Model};

/// A share (0–1) as a percentage figure.
fn pct(x: Option<f64>) -> Option<f64> {
    x.map(|v| 100.0 * v)
}

fn pct_ci(ci: Option<[f64; 2]>) -> Option<[f64; 2]> {
    ci.map(|[a, b]| [100.0 * a, 100.0 * b])
}

fn model_table(m: &DriversReport) -> Table {
    let mut t = Table::with_columns(
        "models",
        "model",
        vec![
            Column::left("target", "Target id").detail(),
            Column::left("label", "Target"),
            Column::right("n", "Companies (dimensions)"),
            Column::right("r2", "R²"),
            Column::right("adj_r2", "Adjusted R²"),
            Column::right("items_n", "Companies (items)"),
            Column::right("items_r2", "R² (items)"),
        ],
    );
    for x in &m.targets {
        t.push(vec![
            Cell::text(x.target.as_str()),
            Cell::text(x.label.as_str()),
            Cell::count(x.n as u64),
            Cell::stat(x.r2, 3),
            Cell::stat(x.adj_r2, 3),
            Cell::count(x.items_n as u64),
            Cell::stat(x.items_r2, 3),
        ]);
    }
    t.caption = Some("Each model uses its own complete cases: the shown companies with every value it needs. Outcomes are oriented so that higher is better.".into());
    t
}

fn dimension_table(m: &DriversReport) -> Table {
    let mut t = Table::with_columns(
        "dimensions",
        "dimension",
        vec![
            Column::left("target", "Target id").detail(),
            Column::left("target_label", "Target"),
            Column::left("dimension", "Dimension id").detail(),
            Column::left("label", "Dimension"),
            Column::right("beta", "β"),
            Column::right("p", "p"),
            Column::right("lmg", "LMG"),
            Column::right("share", "Share % [95% CI]").split(&[
                "share",
                "share_ci95_low",
                "share_ci95_high",
            ]),
        ],
    );
    t.main = true;
    for x in &m.targets {
        for d in &x.dimensions {
            t.push(vec![
                Cell::text(x.target.as_str()),
                Cell::text(x.label.as_str()),
                Cell::text(d.dimension.as_str()),
                Cell::text(d.label.as_str()),
                Cell::stat(d.beta, 3),
                Cell::p(d.p),
                Cell::stat(d.lmg, 3),
                Cell::estimate_ci(pct(d.share), pct_ci(d.share_ci95), Kind::Index),
            ]);
        }
    }
    t.caption = Some("β = standardized regression weight (OLS with an intercept), p from its t-test; LMG = the dimension's part of R² averaged over every order of entry; share = LMG ÷ R², with its 95% percentile bootstrap interval.".into());
    t
}

fn item_table(m: &DriversReport) -> Table {
    let mut t = Table::with_columns(
        "items",
        "item",
        vec![
            Column::left("target", "Target id").detail(),
            Column::left("target_label", "Target"),
            Column::left("item", "Item"),
            Column::left("text", "Text").detail(),
            Column::left("dimension", "Dimension").detail(),
            Column::right("raw_weight", "Weight"),
            Column::right("share", "Share % [95% CI]").split(&[
                "share",
                "share_ci95_low",
                "share_ci95_high",
            ]),
            Column::right("performance", "Performance"),
            Column::left("quadrant", "Quadrant"),
        ],
    );
    t.main = true;
    for x in &m.targets {
        for it in x.items.iter().flatten() {
            t.push(vec![
                Cell::text(x.target.as_str()),
                Cell::text(x.label.as_str()),
                Cell::item(&it.item, it.reverse),
                Cell::text(it.text.as_str()),
                Cell::text(it.dimension.as_str()),
                Cell::stat(it.raw_weight, 3),
                Cell::estimate_ci(pct(it.share), pct_ci(it.share_ci95), Kind::Index),
                Cell::index(it.performance),
                it.quadrant.map_or(Cell::Missing, |q| Cell::text(q.label())),
            ]);
        }
    }
    t.caption = Some("Weight = Johnson's relative weight (the weights sum to the item model's R²); share = weight ÷ R², with its 95% percentile bootstrap interval; performance = field index (0–100) of the item; quadrant from the item's share for the composite against its performance, split at the medians. (R) = reverse-worded, reverse-coded.".into());
    t
}

fn composite(m: &DriversReport) -> Option<&TargetDrivers> {
    m.targets.iter().find(|t| t.target == "composite")
}

/// Importance (share for the composite) against performance, with the
/// median lines.
fn quadrant_figure(m: &DriversReport) -> Option<Figure> {
    let items = composite(m)?.items.as_ref()?;
    let mut hover = Vec::new();
    let points: Vec<ScatterPoint> = items
        .iter()
        .filter_map(|it| {
            let (short, full) = item_label(&it.item, &it.text, it.reverse);
            hover.push((short.clone(), full));
            Some(ScatterPoint {
                x: it.performance?,
                y: 100.0 * it.share?,
                id: short,
                flagged: it.quadrant == Some(Quadrant::FixFirst),
            })
        })
        .collect();
    if points.is_empty() {
        return None;
    }
    let xs: Vec<f64> = points.iter().map(|p| p.x).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    let x_line = crate::stats::median(&xs)?;
    let y_line = crate::stats::median(&ys);
    Some(Figure {
        title: "Importance × performance".into(),
        caption: "Each dot is a practice: its share of the explained variation in the outcome composite (importance) against its field index (performance); the dashed lines are the medians. Top left: fix first.".into(),
        alt: format!("Scatter plot of {} practices: importance against performance, with median lines.", points.len()),
        chart: Chart::Scatter {
            points,
            x_label: "Performance (field index, 0–100)".into(),
            y_label: "Importance (% of R²)".into(),
            x_line,
            y_line,
            flagged_label: "Fix first".into(),
            other_label: "Other practices".into(),
            corners: [
                "Fix first".into(),
                "Keep up".into(),
                "Watch".into(),
                "Over-served".into(),
            ],
        },
        fallback: None,
        svg: None,
        hover,
    })
}

/// Every share of the composite's item model with its interval, largest first.
fn share_figure(m: &DriversReport) -> Option<Figure> {
    let items = composite(m)?.items.as_ref()?;
    let mut v: Vec<_> = items.iter().filter(|it| it.share.is_some()).collect();
    v.sort_by(|a, b| crate::analysis::larger_first(a.share, b.share));
    // Dimensions by their labels, in the order the items first show them.
    let label_of = |id: &str| -> String {
        composite(m)
            .and_then(|t| t.dimensions.iter().find(|d| d.dimension == id))
            .map_or_else(|| id.to_string(), |d| d.label.clone())
    };
    let mut ids: Vec<&str> = Vec::new();
    let mut hover = Vec::new();
    let rows: Vec<ForestRow> = v
        .iter()
        .map(|it| {
            let group = match ids.iter().position(|g| *g == it.dimension) {
                Some(g) => g,
                None => {
                    ids.push(&it.dimension);
                    ids.len() - 1
                }
            };
            // Short enough to fit beside the bars; the full text on hover.
            let (_, full) = item_label(&it.item, &it.text, it.reverse);
            let base = if it.text.trim().is_empty() {
                &it.item
            } else {
                &it.text
            };
            let short = format!(
                "{}{}",
                crate::render::fmt::shorten(base, 38),
                if it.reverse { " (R)" } else { "" }
            );
            hover.push((short.clone(), full));
            ForestRow {
                label: short,
                group,
                g: 100.0 * it.share.unwrap_or(0.0),
                ci: pct_ci(it.share_ci95),
            }
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let groups: Vec<String> = ids.iter().map(|id| label_of(id)).collect();
    Some(Figure {
        title: "Share of the outcome composite explained, per practice".into(),
        caption: "Relative weight ÷ R², in %, with its 95% percentile bootstrap interval; coloured by dimension.".into(),
        alt: format!("Bars of {} practices' importance shares with 95% intervals, largest first.", rows.len()),
        chart: Chart::Intervals {
            rows,
            groups,
            x_label: "Share of R² (%), 95% bootstrap interval".into(),
        },
        fallback: None,
        svg: None,
        hover,
    })
}

fn method_notes(m: &DriversReport) -> Vec<String> {
    vec![
        format!(
            "Targets: each outcome, oriented so that higher is better, and the outcome composite ({}).",
            composite_text(m.settings.composite)
        ),
        "Dimension level: OLS of the target on the dimension scores with an intercept; LMG splits R² over the dimensions by averaging what each adds over every order of entry (computed exactly over all subsets).".into(),
        "Item level: Johnson's relative weights of the company item means on the target; they split R² over correlated items.".into(),
        format!(
            "Intervals: {}% percentile bootstrap over {} resamples of the companies (seed {}); percentiles by linear interpolation (type 7).",
            (100.0 * m.bootstrap.level).round(),
            m.bootstrap.b,
            m.bootstrap.seed
        ),
    ]
}

/// The key-driver section of `align report`: what to fix first, the
/// importance × performance chart, the composite's practice shares with
/// their intervals and the dimension models, each as `align drivers`
/// shows them.
pub(crate) fn report_section(m: &DriversReport) -> Section {
    let mut s = Section::new("drivers", "Key drivers: what to fix first");
    s.list(m.summary.clone());
    fix_first(m, &mut s);
    if let Some(f) = quadrant_figure(m) {
        s.figure(f);
    }
    if let Some(f) = share_figure(m) {
        s.figure(f);
    }
    s.subheading("Dimensions: what moves each outcome");
    let mut t = dimension_table(m);
    t.main = false; // the report's main table is the company scores
    s.table(t);
    s.subheading("Method");
    s.list(method_notes(m));
    s
}

/// The items to fix first as a list, or a note saying why there are none.
fn fix_first(m: &DriversReport, s: &mut Section) {
    if m.fix_first.is_empty() {
        s.note("No practice is both above the median in importance and at or below the median in performance (or the item model of the composite could not be fitted; see the warnings).");
        return;
    }
    s.list(
        m.fix_first
            .iter()
            .map(|f| {
                format!(
                    "{} — {:.0}% of the composite's explained variation, performance {:.1}",
                    item_label(&f.item, &f.text, f.reverse).1,
                    100.0 * f.importance,
                    f.performance
                )
            })
            .collect(),
    );
}

impl Model for DriversReport {
    fn document(&self, _opts: &DocOptions) -> Document {
        let m = self;
        let mut doc = Document::new(
            "Key drivers",
            format!(
                "Composite: {}; {} bootstrap resamples, seed {}",
                composite_text(m.settings.composite),
                m.bootstrap.b,
                m.bootstrap.seed
            ),
        );
        doc.headlines = m.summary.clone();
        let mut s = Section::new("fix_first", "What to fix first");
        fix_first(m, &mut s);
        if let Some(f) = quadrant_figure(m) {
            s.figure(f);
        }
        doc.sections.push(s);
        let mut s = Section::new("dimensions", "Dimensions: what moves each outcome");
        s.table(dimension_table(m));
        doc.sections.push(s);
        let mut s = Section::new("items", "Practices: relative weights");
        if let Some(f) = share_figure(m) {
            s.figure(f);
        }
        s.table(item_table(m));
        doc.sections.push(s);
        let mut s = Section::new("models", "Model fit");
        s.table(model_table(m));
        doc.sections.push(s);
        let mut s = Section::new("outcomes", "Outcomes by tier");
        s.paragraph(format!("Tiers by the {} scheme.", m.settings.scheme));
        s.table(outcome_tier_table(&m.outcomes_by_tier));
        doc.sections.push(s);
        let mut s = Section::new("method", "Method");
        s.list(method_notes(m));
        doc.sections.push(s);
        finish_with!(doc, m)
    }
}
