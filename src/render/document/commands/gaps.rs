//! The document of `align gaps`: the headline sentences, the perception
//! tables (quadrants, correlations, perceived vs measured), the sales vs
//! marketing disconnect and the company list; the tables are shared with
//! the report's perception sections.

use super::super::{Cell, Column, Document, Kind, Section, Show, Table};
use crate::analysis::gaps::{self, fmt_threshold, GapsReport, Measured, Perception, Quadrants};
use crate::render::fmt::{count, num, plural, pval, signed};
use crate::render::{DocOptions, Model};

fn sum(a: &gaps::Cell, b: &gaps::Cell) -> gaps::Cell {
    gaps::Cell {
        n: a.n + b.n,
        share: a.share.zip(b.share).map(|(x, y)| x + y),
    }
}

/// A count and its share (0–1) as two cells: `n` and `%`.
fn share(c: &gaps::Cell) -> [Cell; 2] {
    [
        Cell::count(c.n as u64),
        Cell::percent(c.share.map(|s| 100.0 * s), 1),
    ]
}

/// Columns of a two-way table of counts and shares.
fn two_way(name: &str, first: &str, parts: [(&str, &str); 3]) -> Table {
    let mut cols = vec![Column::left("perceived_aligned", first)];
    for (key, label) in parts {
        cols.push(Column::right(key, label));
        cols.push(Column::right(&format!("{key}_pct"), "%"));
    }
    Table::with_columns(name, name, cols)
}

fn two_way_row(label: String, a: &gaps::Cell, b: &gaps::Cell) -> Vec<Cell> {
    let mut row = vec![Cell::text(label)];
    row.extend(share(a));
    row.extend(share(b));
    row.extend(share(&sum(a, b)));
    row
}

/// Perceived aligned (yes/no) × outcome composite above the median or not.
pub fn quadrants(p: &Perception, q: &Quadrants) -> Table {
    let t = fmt_threshold(p.perceived_threshold);
    let (aa, ab) = (
        &q.perceived_aligned_above_median,
        &q.perceived_aligned_below_median,
    );
    let (na, nb) = (
        &q.not_perceived_aligned_above_median,
        &q.not_perceived_aligned_below_median,
    );
    let mut tab = two_way(
        "quadrants",
        "Perceived aligned",
        [
            ("above_median", "Above median"),
            ("at_or_below_median", "At or below median"),
            ("total", "Total"),
        ],
    );
    tab.push(two_way_row(format!("yes (index ≥ {t})"), aa, ab));
    tab.push(two_way_row("no".into(), na, nb));
    tab.push(two_way_row("total".into(), &sum(aa, na), &sum(ab, nb)));
    tab
}

/// Spearman ρ of perception and of the alignment index with the composite.
pub fn correlations(p: &Perception) -> Table {
    let mut t = Table::with_columns(
        "correlations",
        "correlation",
        vec![
            Column::left("index", "Index"),
            Column::right("companies", "Companies"),
            Column::right("rho", "ρ"),
            Column::right("ci95", "95% CI").split(&["ci95_low", "ci95_high"]),
            Column::right("p", "p"),
        ],
    );
    t.push(vec![
        Cell::text("Perception index"),
        Cell::count(p.n_perception_outcome as u64),
        Cell::stat(p.rho_perception_outcome, 3),
        Cell::interval(p.rho_perception_outcome_ci95, Kind::Stat(3)),
        Cell::p(p.rho_perception_outcome_p),
    ]);
    t.push(vec![
        Cell::text("Alignment index (measured)"),
        Cell::count(p.n_alignment_outcome as u64),
        Cell::stat(p.rho_alignment_outcome, 3),
        Cell::interval(p.rho_alignment_outcome_ci95, Kind::Stat(3)),
        Cell::p(p.rho_alignment_outcome_p),
    ]);
    t
}

/// Perceived aligned × measured aligned (alignment index ≥ the threshold).
pub fn measured(p: &Perception, m: &Measured) -> Table {
    let t = fmt_threshold(p.perceived_threshold);
    let (yy, yn) = (
        &m.perceived_and_measured_aligned,
        &m.perceived_not_measured_aligned,
    );
    let (ny, nn) = (&m.measured_not_perceived_aligned, &m.neither);
    let mut tab = two_way(
        "measured",
        "Perceived aligned",
        [
            ("measured_aligned", "Measured aligned"),
            ("not_measured_aligned", "Not measured aligned"),
            ("total", "Total"),
        ],
    );
    tab.push(two_way_row(format!("yes (index ≥ {t})"), yy, yn));
    tab.push(two_way_row("no".into(), ny, nn));
    tab
}

/// The words under the perceived-vs-measured table: two sentences, or one
/// joined by a semicolon.
pub fn measured_sentence(m: &Measured, two_sentences: bool) -> String {
    let sep = if two_sentences {
        ". Overconfidence"
    } else {
        "; overconfidence"
    };
    format!(
        "Spearman ρ of perception with the alignment index: {} {} (p {}){sep} (perception − alignment index): mean {}, median {} points.",
        num(m.rho_perception_alignment, 3),
        crate::render::fmt::interval(m.rho_perception_alignment_ci95, 3),
        pval(m.rho_perception_alignment_p),
        signed(m.mean_overconfidence, 1),
        signed(m.median_overconfidence, 1),
    )
}

/// The disconnect, widest gap first (the statements' wording for the data
/// formats).
pub fn disconnect(m: &GapsReport) -> Table {
    let mut t = Table::with_columns(
        "disconnect",
        "disconnect",
        vec![
            Column::left("id", "Item"),
            Column::left("kind", "Kind"),
            Column::left("dimension", "Dimension").detail(),
            Column::left("text", "Text").detail(),
            Column::right("n_sales", "n sales").detail(),
            Column::right("n_marketing", "n marketing").detail(),
            Column::right("n_both", "n both").detail(),
            Column::right("pct_sales", "Sales %"),
            Column::right("pct_marketing", "Marketing %"),
            Column::right("gap_pp", "Gap"),
            Column::right("p", "p"),
            Column::right("q", "q"),
            Column::right("pct_both", "Both %"),
        ],
    );
    t.main = true;
    for r in &m.disconnect {
        t.push(vec![
            Cell::item(&r.item, r.reverse),
            Cell::text(r.kind.label()),
            r.dimension.as_deref().map_or(Cell::Missing, Cell::text),
            Cell::text(r.text.as_str()),
            Cell::count(r.n_sales),
            Cell::count(r.n_marketing),
            Cell::count(r.n_both),
            Cell::index(r.pct_sales),
            Cell::index(r.pct_marketing),
            Cell::signed(r.gap_pp, Kind::Index),
            Cell::p(r.p),
            Cell::p(r.q),
            Cell::index(r.pct_both),
        ]);
    }
    t
}

fn yes_no(b: Option<bool>) -> Cell {
    match b {
        Some(true) => Cell::text("yes"),
        Some(false) => Cell::text("no"),
        None => Cell::Missing,
    }
}

/// Shown companies, most overconfident first (hidden ones for the data
/// formats only, without figures).
pub fn companies(m: &GapsReport, with_hidden: bool) -> Table {
    let mut t = Table::with_columns(
        "companies",
        "company",
        vec![
            Column::left("id", "Company"),
            Column::right("n", "n"),
            Column::left("suppressed", "Suppressed").detail(),
            Column::right("perception_index", "Perception index"),
            Column::right("alignment_index", "Alignment index"),
            Column::right("overconfidence", "Overconfidence"),
            Column::left("perceived_aligned", "Perceived aligned"),
            Column::left("measured_aligned", "Measured aligned").detail(),
            Column::right("composite", "Outcome composite"),
            Column::left("above_median", "Above median"),
        ],
    );
    t.main = true;
    for c in &m.companies {
        if c.suppressed {
            if with_hidden {
                let mut row = vec![
                    Cell::text(c.company_id.as_str()),
                    Cell::count(c.n),
                    Cell::text("true"),
                ];
                row.extend((0..7).map(|_| Cell::Hidden));
                t.push(row);
            }
            continue;
        }
        t.push(vec![
            Cell::text(c.company_id.as_str()),
            Cell::count(c.n),
            Cell::text("false"),
            Cell::index(c.perception_index),
            Cell::index(c.alignment_index),
            Cell::signed(c.overconfidence, Kind::Index),
            yes_no(c.perceived_aligned),
            yes_no(c.measured_aligned),
            Cell::stat(c.composite, 3),
            yes_no(c.above_median),
        ]);
    }
    t
}

/// The line under the company list when companies were hidden.
pub fn hidden_sentence(m: &GapsReport) -> Option<String> {
    let n = m.hidden.companies;
    (n > 0).then(|| {
        format!(
            "{} with fewer than {} respondents {} not listed, nor counted in the tables and correlations above.",
            plural(n as u64, "company", "companies"),
            m.hidden.threshold,
            if n == 1 { "is" } else { "are" },
        )
    })
}

fn perception_section(p: &Perception) -> Section {
    let mut s = Section::new("perception", "Perception vs outcomes");
    if let Some(q) = &p.quadrants {
        s.paragraph(format!(
            "Perceived alignment × outcomes ({} with a perception index and an outcome composite; median composite {})",
            plural(q.n as u64, "company", "companies"),
            num(q.median_composite, 3)
        ));
        s.table(quadrants(p, q));
        s.paragraph("Correlation with the outcome composite (Spearman ρ, Fisher-z 95% CI)");
        s.table(correlations(p));
    }
    let m = &p.measured;
    s.paragraph(format!(
        "Perceived vs measured alignment ({} with both indexes; measured aligned = alignment index ≥ {})",
        plural(m.n as u64, "company", "companies"),
        fmt_threshold(p.perceived_threshold)
    ));
    let mut t = measured(p, m);
    t.caption = Some(measured_sentence(m, false));
    s.table(t);
    s
}

impl Model for GapsReport {
    fn document(&self, _opts: &DocOptions) -> Document {
        let m = self;
        let mut doc = Document::new(
            "Perception vs reality and the sales–marketing disconnect",
            format!(
                "{} ({} respondents)",
                plural(m.input.companies as u64, "company", "companies"),
                count(m.input.rows_scored)
            ),
        );
        doc.headlines = [&m.headlines.perception, &m.headlines.disconnect]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        if !m.notes.is_empty() {
            let mut s = Section::new("notes", "");
            for n in &m.notes {
                s.note(n.clone());
            }
            doc.sections.push(s);
        }
        if let Some(p) = &m.perception {
            doc.sections.push(perception_section(p));
        }
        if m.has_disconnect() {
            let roles: Vec<String> = m
                .n_by_role
                .iter()
                .map(|(r, n)| format!("{} {r}", count(*n)))
                .collect();
            let mut s = Section::new("disconnect", "Sales vs marketing disconnect");
            s.paragraph(format!(
                "% agreeing (top-2-box, as worded), respondents pooled ({}); gap = marketing − sales in points, widest first; (R) reverse-worded",
                roles.join(", ")
            ));
            s.table(disconnect(m));
            doc.sections.push(s);
        }
        if m.perception.is_some() {
            let mut s = Section::new(
                "companies",
                "Companies, most overconfident first (overconfidence = perception index − alignment index)",
            );
            // Read: the shown companies; as data, the hidden ones too.
            let mut t = companies(m, false);
            t.caption = hidden_sentence(m);
            t.show = Show::Reading;
            t.name = "shown_companies".into();
            s.table(t);
            let mut t = companies(m, true);
            t.show = Show::Data;
            s.table(t);
            doc.sections.push(s);
        }
        finish_with!(doc, m)
    }
}
