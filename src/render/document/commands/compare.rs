//! The document of `align compare`: the headline (how many panel companies
//! improved significantly on each dimension), the field's change with a
//! before → after chart, the panel companies (a before → after chart of the
//! alignment index, the per-dimension tests, stages and tiers), the items,
//! the movers and the companies that joined or left, then each wave's input
//! accounting. CSV writes the panel's per-dimension changes unless
//! `--table` picks another table.

use super::super::{Cell, Chart, Column, Document, DumbbellRow, Figure, Kind, Section, Table};
use crate::analysis::compare::{CompareReport, FieldChange, Move, WaveCompany};
use crate::render::{DocOptions, Model};

/// q below which a change counts as significant in the headline and charts.
pub(crate) const Q_SIGNIFICANT: f64 = 0.05;

/// Panel companies drawn in the chart at most (those with the largest
/// change of the alignment index).
const CHART_ROWS: usize = 60;

impl Model for CompareReport {
    fn document(&self, _opts: &DocOptions) -> Document {
        let (b, a) = (&self.waves.before, &self.waves.after);
        let mut doc = Document::new(
            format!("What changed: {} → {}", b.label, a.label),
            format!(
                "{} {}; {} panel compan{} (shown in both waves); {}: {} respondents in {} companies; {}: {} respondents in {} companies",
                self.instrument.name,
                self.instrument.version,
                self.panel.n_companies,
                if self.panel.n_companies == 1 { "y" } else { "ies" },
                b.label,
                b.input.rows_scored,
                b.input.companies,
                a.label,
                a.input.rows_scored,
                a.input.companies,
            ),
        );
        doc.headlines = headlines(self);
        doc.sections.push(field_section(self));
        doc.sections.push(panel_section(self));
        doc.sections.push(items_section(self));
        doc.sections.push(movers_section(self));
        doc.warnings = self.warnings.clone();
        for w in [b, a] {
            doc.accounting.extend(
                crate::render::accounting_lines(&w.input, &w.hidden, &self.instrument)
                    .into_iter()
                    .map(|l| format!("{}: {l}", w.label)),
            );
        }
        doc.name_tables();
        doc
    }
}

/// A dimension's label by id (the id for `alignment_index`).
fn label(m: &CompareReport, key: &str) -> String {
    m.dimensions
        .iter()
        .find(|d| d.id == key)
        .map_or_else(|| "Alignment index".to_string(), |d| d.label.clone())
}

/// Panel companies whose change on `dim` has q < 0.05 and goes up (`up`)
/// or down.
fn significant(m: &CompareReport, dim: &str, up: bool) -> usize {
    m.panel
        .companies
        .iter()
        .filter_map(|c| c.dimensions.get(dim))
        .filter(|d| d.q.is_some_and(|q| q < Q_SIGNIFICANT))
        .filter(|d| d.change.is_some_and(|x| (x > 0.0) == up))
        .count()
}

fn headlines(m: &CompareReport) -> Vec<String> {
    let p = m.panel.n_companies;
    if p == 0 {
        return vec![format!(
            "No company is shown in both waves, so no company's change can be measured; the field figures of each wave and the items are compared below."
        )];
    }
    let mut out = Vec::new();
    for d in &m.dimensions {
        let (up, down) = (significant(m, &d.id, true), significant(m, &d.id, false));
        out.push(format!(
            "{}: {up} of {p} panel compan{} improved significantly (q < {Q_SIGNIFICANT}){}.",
            d.label,
            if p == 1 { "y" } else { "ies" },
            if down > 0 {
                format!(", {down} declined significantly")
            } else {
                String::new()
            }
        ));
    }
    if let Some(f) = m.field.get("alignment_index") {
        if let (Some(x), Some(y), Some(c)) = (f.panel_before, f.panel_after, f.mean_change) {
            out.push(format!(
                "The panel's mean alignment index went from {x:.1} to {y:.1} ({c:+.1} points{}).",
                f.paired_t.p.map_or(String::new(), |p| format!(
                    "; paired t test p = {}",
                    p_text(p)
                ))
            ));
        }
    }
    out
}

fn p_text(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".into()
    } else {
        format!("{p:.3}")
    }
}

fn field_section(m: &CompareReport) -> Section {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let mut s = Section::new("field", "The field");
    let rows: Vec<DumbbellRow> = m
        .field
        .iter()
        .filter_map(|(k, f)| {
            Some(DumbbellRow {
                label: label(m, k),
                before: f.panel_before?,
                after: f.panel_after?,
                marked: f.paired_t.p.is_some_and(|p| p < Q_SIGNIFICANT),
            })
        })
        .collect();
    if !rows.is_empty() {
        s.figure(Figure {
            title: "Panel means, before → after".into(),
            caption: format!("Mean score (0–100) of the panel companies in {b} (grey) and {a}; vermilion where the paired t test gives p < {Q_SIGNIFICANT}."),
            alt: "Dumbbell chart of the panel's mean score on each dimension and the alignment index in both waves.".into(),
            chart: Chart::Dumbbell {
                rows,
                legend: [b.clone(), a.clone(), format!("p < {Q_SIGNIFICANT}")],
                x_desc: "Mean score (0–100)".into(),
            },
            fallback: None,
            svg: None,
            hover: Vec::new(),
        });
    }
    let cols = vec![
        Column::left("dimension", "Dimension").detail(),
        Column::left("label", "Dimension"),
        Column::right("n_panel", "Panel n"),
        Column::right("panel_before", &format!("Panel {b}")),
        Column::right("panel_after", &format!("Panel {a}")),
        Column::right("mean_change", "Change"),
        Column::right("paired_t", "Paired t").detail(),
        Column::right("paired_df", "df").detail(),
        Column::right("paired_p", "Paired p"),
        Column::right("wilcoxon_w", "Wilcoxon W").detail(),
        Column::right("wilcoxon_z", "z").detail(),
        Column::right("wilcoxon_p", "Wilcoxon p"),
        Column::right("n_before", &format!("n {b}")).detail(),
        Column::right("n_after", &format!("n {a}")).detail(),
        Column::right("all_before", &format!("All {b}")),
        Column::right("all_after", &format!("All {a}")),
        Column::right("welch_t", "Welch t").detail(),
        Column::right("welch_df", "Welch df").detail(),
        Column::right("welch_p", "Welch p"),
    ];
    let mut t = Table::with_columns("field", "field", cols);
    for (k, f) in m.field.iter() {
        t.push(field_row(k, &label(m, k), f));
    }
    t.caption = Some(format!(
        "Panel: the companies shown in both waves (means of those with a score in both); change = {a} − {b}; paired t and Wilcoxon signed-rank over the panel. All: every company shown in its wave, with Welch's t across companies."
    ));
    s.table(t);
    s
}

fn field_row(key: &str, label: &str, f: &FieldChange) -> Vec<Cell> {
    vec![
        Cell::text(key),
        Cell::text(label),
        Cell::count(f.n_panel as u64),
        Cell::index(f.panel_before),
        Cell::index(f.panel_after),
        Cell::signed(f.mean_change, Kind::Index),
        Cell::stat(f.paired_t.t, 2),
        Cell::stat(f.paired_t.df, 0),
        Cell::p(f.paired_t.p),
        Cell::stat(f.wilcoxon.w, 1),
        Cell::stat(f.wilcoxon.z, 2),
        Cell::p(f.wilcoxon.p),
        Cell::count(f.n_before as u64),
        Cell::count(f.n_after as u64),
        Cell::index(f.all_before),
        Cell::index(f.all_after),
        Cell::stat(f.welch.t, 2),
        Cell::stat(f.welch.df, 1),
        Cell::p(f.welch.p),
    ]
}

fn panel_section(m: &CompareReport) -> Section {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let mut s = Section::new("panel", "Panel companies");
    if m.panel.companies.is_empty() {
        s.note("No company is shown in both waves: there is no panel.");
        return s;
    }
    let mut chosen: Vec<_> = m
        .panel
        .companies
        .iter()
        .filter_map(|c| {
            let ai = &c.alignment_index;
            Some((c, ai.before?, ai.after?))
        })
        .collect();
    let cut = chosen.len() > CHART_ROWS;
    if cut {
        chosen.sort_by(|x, y| (y.2 - y.1).abs().total_cmp(&(x.2 - x.1).abs()));
        chosen.truncate(CHART_ROWS);
    }
    chosen.sort_by(|x, y| (y.2 - y.1).total_cmp(&(x.2 - x.1)));
    if !chosen.is_empty() {
        let rows = chosen
            .iter()
            .map(|(c, x, y)| DumbbellRow {
                label: c.company_id.clone(),
                before: *x,
                after: *y,
                marked: c
                    .dimensions
                    .values()
                    .any(|d| d.q.is_some_and(|q| q < Q_SIGNIFICANT)),
            })
            .collect();
        s.figure(Figure {
            title: "Alignment index per panel company, before → after".into(),
            caption: format!(
                "Each company's alignment index in {b} (grey) and {a}, largest rise first{}; vermilion: a significant change (q < {Q_SIGNIFICANT}) on at least one dimension.",
                if cut {
                    format!(", the {CHART_ROWS} largest changes of {}", m.panel.n_companies)
                } else {
                    String::new()
                }
            ),
            alt: "Dumbbell chart of every panel company's alignment index in both waves.".into(),
            chart: Chart::Dumbbell {
                rows,
                legend: [b.clone(), a.clone(), format!("q < {Q_SIGNIFICANT}")],
                x_desc: "Alignment index (0–100)".into(),
            },
            fallback: None,
            svg: None,
            hover: Vec::new(),
        });
    }
    s.table(change_table(m));
    s.table(company_table(m));
    s
}

fn change_table(m: &CompareReport) -> Table {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let cols = vec![
        Column::left("company_id", "Company"),
        Column::left("dimension", "Dimension").detail(),
        Column::left("label", "Dimension"),
        Column::right("before", b),
        Column::right("after", a),
        Column::right("change", "Change [95% CI]").split(&["change", "ci95_low", "ci95_high"]),
        Column::right("t", "t").detail(),
        Column::right("df", "df").detail(),
        Column::right("p", "p"),
        Column::right("q", "q"),
    ];
    let mut t = Table::with_columns("panel", "company_dimension", cols);
    t.main = true;
    for c in &m.panel.companies {
        for (d, x) in c.dimensions.iter() {
            t.push(vec![
                Cell::text(c.company_id.as_str()),
                Cell::text(d),
                Cell::text(label(m, d)),
                Cell::index(x.before),
                Cell::index(x.after),
                Cell::estimate_ci(x.change, x.ci95, Kind::Index),
                Cell::stat(x.t, 2),
                Cell::stat(x.df, 1),
                Cell::p(x.p),
                Cell::p(x.q),
            ]);
        }
    }
    t.caption = Some(format!(
        "Company scores (0–100); change = {a} − {b} with Welch's 95% CI on the respondents' dimension means; q = Benjamini–Hochberg over the panel companies, per dimension."
    ));
    t
}

fn company_table(m: &CompareReport) -> Table {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let mut cols = vec![
        Column::left("company_id", "Company"),
        Column::right("n_before", &format!("n {b}")).detail(),
        Column::right("n_after", &format!("n {a}")).detail(),
        Column::right("alignment_before", &format!("Index {b}")),
        Column::right("alignment_after", &format!("Index {a}")),
        Column::right("alignment_change", "Change"),
        Column::left("stage_before", &format!("Stage {b}")),
        Column::left("stage_after", &format!("Stage {a}")),
    ];
    if m.settings.tiers {
        cols.push(Column::left("tier_before", &format!("Tier {b}")));
        cols.push(Column::left("tier_after", &format!("Tier {a}")));
    }
    let mut t = Table::with_columns("panel_companies", "company", cols);
    let text = |s: Option<&str>| s.map_or(Cell::Missing, Cell::text);
    for c in &m.panel.companies {
        let ai = &c.alignment_index;
        let mut row = vec![
            Cell::text(c.company_id.as_str()),
            Cell::count(c.n_before),
            Cell::count(c.n_after),
            Cell::index(ai.before),
            Cell::index(ai.after),
            Cell::signed(ai.change, Kind::Index),
            text(c.stage_before.as_deref()),
            text(c.stage_after.as_deref()),
        ];
        if m.settings.tiers {
            row.push(text(c.tier_before.map(|t| t.label())));
            row.push(text(c.tier_after.map(|t| t.label())));
        }
        t.push(row);
    }
    t.caption = Some("Alignment index (mean of the dimension scores), reported without a test; stages by the alignment index; tiers computed within each wave.".into());
    t
}

fn items_section(m: &CompareReport) -> Section {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let mut s = Section::new("items", "Items");
    let cols = vec![
        Column::left("item", "Item"),
        Column::left("dimension", "Dimension").detail(),
        Column::left("text", "Text").detail(),
        Column::right("n_before", &format!("n {b}")).detail(),
        Column::right("n_after", &format!("n {a}")).detail(),
        Column::right("before", b),
        Column::right("after", a),
        Column::right("change", "Change"),
        Column::right("top2_before", &format!("Top-2 % {b} / {a}"))
            .split(&["top2_before", "top2_after"]),
        Column::right("p", "p"),
        Column::right("q", "q"),
    ];
    let mut t = Table::with_columns("items", "item", cols);
    for it in &m.items {
        t.push(vec![
            Cell::item(&it.item, it.reverse),
            Cell::text(it.dimension.as_str()),
            Cell::text(it.text.as_str()),
            Cell::count(it.n_before),
            Cell::count(it.n_after),
            Cell::index(it.before),
            Cell::index(it.after),
            Cell::signed(it.change, Kind::Index),
            Cell::pair(it.top2_before, it.top2_after, Kind::Stat(0)),
            Cell::p(it.p),
            Cell::p(it.q),
        ]);
    }
    t.caption = Some(format!(
        "All respondents of each wave's shown companies pooled: mean index (0–100, reverse-worded items (R) reverse-coded); top-2 % = share in the two highest points, as worded; p = two-proportion z test of the top-2 change, q = Benjamini–Hochberg over the items. An item fewer than {} respondents answered in a wave has no figures there.",
        m.settings.anonymity
    ));
    s.table(t);
    s
}

fn moves(list: &[Move]) -> Vec<String> {
    list.iter()
        .map(|x| format!("{}: {} → {}", x.company_id, x.before, x.after))
        .collect()
}

fn companies(list: &[WaveCompany]) -> Vec<String> {
    list.iter()
        .map(|c| format!("{} ({} respondents)", c.company_id, c.n))
        .collect()
}

fn movers_section(m: &CompareReport) -> Section {
    let (b, a) = (&m.waves.before.label, &m.waves.after.label);
    let mut s = Section::new("movers", "Movers, joiners and leavers");
    let mv = &m.movers;
    let mut parts: Vec<(String, Vec<String>)> = vec![
        (
            format!("Moved up a stage ({})", mv.stage_up.len()),
            moves(&mv.stage_up),
        ),
        (
            format!("Moved down a stage ({})", mv.stage_down.len()),
            moves(&mv.stage_down),
        ),
    ];
    if m.settings.tiers {
        parts.push((
            format!("Changed tier ({})", mv.tier_changes.len()),
            moves(&mv.tier_changes),
        ));
    }
    parts.push((
        format!("Joined in {a} ({})", m.joined.len()),
        companies(&m.joined),
    ));
    parts.push((
        format!("Left after {b} ({})", m.left.len()),
        companies(&m.left),
    ));
    for (title, items) in parts {
        s.subheading(title);
        if items.is_empty() {
            s.paragraph("None.");
        } else {
            s.list(items);
        }
    }
    if m.hidden_in_a_wave > 0 {
        s.note(format!(
            "{} compan{} in both waves with fewer than {} respondents in at least one: in no list and not in the panel.",
            m.hidden_in_a_wave,
            if m.hidden_in_a_wave == 1 { "y is" } else { "ies are" },
            m.settings.anonymity
        ));
    }
    s
}
