//! The "Peer groups" section (`--segment`), the same in every command's
//! document: per segment and measure the spread of company scores; per
//! segment the stage, tier and perception shares; per measure the
//! Kruskal–Wallis test across the shown segments. A hidden segment shows
//! its value and counts only.

use super::{Cell, Chart, Column, Figure, Kind, Section, SegmentBox, Table};
use crate::analysis::segments::Segments;

/// The section.
pub fn section(seg: &Segments) -> Section {
    let labels = &seg.labels;
    let mut s = Section::new("segments", &format!("Peer groups by {}", seg.attribute));
    s.paragraph(format!(
        "Companies grouped by \"{}\": the spread of company scores (0–100) in each segment, over its shown companies. A segment with fewer than {} shown companies is hidden, and so is the next smallest when needed, so that no hidden segment can be worked out from the field.",
        seg.attribute, seg.min_companies
    ));
    let measures: Vec<(&str, &str)> = labels
        .iter()
        .map(|(id, label)| (id.as_str(), label.as_str()))
        .chain([("alignment_index", "Alignment index")])
        .collect();

    s.table(spread_table(seg, &measures));
    if let Some(figure) = boxes(seg, &measures) {
        s.figure(figure);
    }
    s.table(shares_table(seg));
    s.table(tests_table(seg, &measures));
    s
}

/// Per segment and measure, the spread of the shown companies' scores.
fn spread_table(seg: &Segments, measures: &[(&str, &str)]) -> Table {
    let mut t = Table::with_columns(
        "segments",
        "segment",
        vec![
            Column::left("segment", "Segment"),
            Column::left("suppressed", "Suppressed").detail(),
            Column::right("n_companies", "Companies"),
            Column::right("n_respondents", "Respondents"),
            Column::left("measure", "Measure"),
            Column::right("mean", "Mean"),
            Column::right("sd", "SD"),
            Column::right("median", "Median"),
            Column::right("p25", "P25"),
            Column::right("p75", "P75"),
        ],
    );
    for g in &seg.groups {
        let head = |first: bool| {
            vec![
                Cell::text(if first { g.value.as_str() } else { "" }),
                Cell::text(g.suppressed.to_string()),
                if first {
                    Cell::count(g.n_companies)
                } else {
                    Cell::Missing
                },
                if first {
                    Cell::count(g.n_respondents)
                } else {
                    Cell::Missing
                },
            ]
        };
        match &g.dimensions {
            None => {
                let mut row = head(true);
                row.push(Cell::text("(all)"));
                row.extend((0..5).map(|_| Cell::Hidden));
                t.push(row);
            }
            Some(dims) => {
                for (k, (id, label)) in measures.iter().enumerate() {
                    let sp = dims.get(id).copied().unwrap_or_default();
                    let mut row = head(k == 0);
                    // Every row names its segment, so a data format's
                    // row stands on its own.
                    if k > 0 {
                        row[0] = Cell::text(g.value.as_str());
                        row[2] = Cell::count(g.n_companies);
                        row[3] = Cell::count(g.n_respondents);
                    }
                    row.push(Cell::text(*label));
                    row.extend([
                        Cell::index(sp.mean),
                        Cell::num(sp.sd, Kind::Index),
                        Cell::index(sp.median),
                        Cell::index(sp.p25),
                        Cell::index(sp.p75),
                    ]);
                    t.push(row);
                }
            }
        }
    }
    t
}

/// Per segment, the shares of its shown companies by stage, tier and
/// perception.
fn shares_table(seg: &Segments) -> Table {
    let stage_names: Vec<String> = seg
        .groups
        .iter()
        .find_map(|g| g.stages.as_ref())
        .map(|m| m.iter().map(|(k, _)| k.to_string()).collect())
        .unwrap_or_default();
    let mut cols = vec![
        Column::left("segment", "Segment"),
        Column::right("n_companies", "Companies"),
    ];
    cols.extend(
        stage_names
            .iter()
            .map(|n| Column::right(&format!("stage_{}", key(n)), n)),
    );
    cols.extend([
        Column::right("share_leaders", "Leaders"),
        Column::right("share_laggards", "Laggards"),
        Column::right("share_perceived_aligned", "Perceived aligned"),
    ]);
    let mut t = Table::with_columns("segment_shares", "segment", cols);
    for g in &seg.groups {
        let mut row = vec![Cell::text(g.value.as_str()), Cell::count(g.n_companies)];
        let pct = |x: Option<f64>| {
            if g.suppressed {
                Cell::Hidden
            } else {
                Cell::percent(x.map(|x| 100.0 * x), 0)
            }
        };
        for n in &stage_names {
            row.push(pct(g.stages.as_ref().and_then(|m| m.get(n).copied())));
        }
        row.push(pct(g.share_leaders));
        row.push(pct(g.share_laggards));
        row.push(pct(g.share_perceived_aligned));
        t.push(row);
    }
    t.caption = Some(
        "Shares of each segment's shown companies: stages of the alignment index; leaders and laggards among its classified companies (the field's tiers); perceived aligned among those with a perception index.".into(),
    );
    t
}

/// Per measure, the Kruskal–Wallis test across the shown segments.
fn tests_table(seg: &Segments, measures: &[(&str, &str)]) -> Table {
    let mut t = Table::with_columns(
        "segment_tests",
        "measure",
        vec![
            Column::left("measure", "Measure"),
            Column::right("h", "Kruskal–Wallis H"),
            Column::right("df", "df"),
            Column::right("p", "p"),
            Column::right("epsilon2", "ε²"),
        ],
    );
    for (id, label) in measures {
        let Some(kw) = seg.tests.get(id) else {
            continue;
        };
        t.push(vec![
            Cell::text(*label),
            Cell::stat(kw.h, 2),
            Cell::count(kw.df as u64),
            Cell::p(kw.p),
            Cell::stat(kw.epsilon2, 3),
        ]);
    }
    t.caption = Some(
        "Do the shown segments differ? Kruskal–Wallis test of the company scores (tie-corrected H, chi-square p); ε² = H/(n − 1) is the share of rank variance between segments.".into(),
    );
    t
}

/// The spread table as a chart (HTML only: the table above holds every
/// figure it draws): the shown segments' quartiles, median and mean per
/// measure. Hidden segments have no spread, so they have no box.
fn boxes(seg: &Segments, measures: &[(&str, &str)]) -> Option<Figure> {
    let mut rows = Vec::new();
    for (k, (id, _)) in measures.iter().enumerate() {
        for g in seg.groups.iter().filter(|g| !g.suppressed) {
            let Some(sp) = g.dimensions.as_ref().and_then(|d| d.get(id).copied()) else {
                continue;
            };
            if let (Some(p25), Some(median), Some(p75), Some(mean)) =
                (sp.p25, sp.median, sp.p75, sp.mean)
            {
                rows.push(SegmentBox {
                    label: g.value.clone(),
                    group: k,
                    quartiles: [p25, median, p75],
                    mean,
                });
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    Some(Figure {
        title: format!("Company scores by {}", seg.attribute),
        caption: "Each box spans the middle half of a shown segment's company scores (25th to 75th percentile); the bar is the median and the dot the mean. Hidden segments have no box.".into(),
        alt: format!(
            "Box chart of company scores per segment of {} and measure.",
            seg.attribute
        ),
        chart: Chart::SegmentBoxes {
            rows,
            groups: measures.iter().map(|(_, l)| l.to_string()).collect(),
        },
        fallback: None,
        svg: None,
        hover: Vec::new(),
    })
}

/// A data name from a stage name.
fn key(name: &str) -> String {
    let mut k = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            k.push(c);
        } else if !k.ends_with('_') {
            k.push('_');
        }
    }
    k.trim_matches('_').to_string()
}
