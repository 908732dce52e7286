//! The document of `align benchmark`, which reads like advice: per
//! company, where it stands (score, percentile, norm median, leaders),
//! then what to work on first (the largest item gaps). The data formats
//! write one tidy table: a row per company and figure.

use super::super::{Cell, Column, Document, Kind, Section, Show, Table};
use crate::analysis::benchmark::{BenchmarkReport, CompanyBenchmark, Comparison, ItemBenchmark};
use crate::analysis::norms::ALIGNMENT_INDEX;
use crate::render::fmt::{num, ordinal, plural};
use crate::render::{DocOptions, Model};

/// Who the item gaps are measured against, in words.
fn reference_name(m: &BenchmarkReport) -> &'static str {
    match m.norms.comparison {
        Comparison::Leaders => "the leaders",
        Comparison::AverageCompany => "the average company",
    }
}

/// What the norms are, in one or two sentences.
fn intro(m: &BenchmarkReport) -> Vec<String> {
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
fn standing(m: &BenchmarkReport, c: &CompanyBenchmark) -> Vec<String> {
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
    if let Some(ai) = c
        .peer
        .as_ref()
        .and_then(|p| p.dimensions.get(ALIGNMENT_INDEX).map(|d| (p, d)))
        .filter(|(_, d)| d.score.is_some())
    {
        out.push(format!(
            "Among its peers (segment {}), it is at the {} percentile (peer median {}).",
            ai.0.segment,
            ordinal(ai.1.percentile),
            num(ai.1.norm_median, 1)
        ));
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
fn priorities_text(m: &BenchmarkReport, c: &CompanyBenchmark) -> (String, String) {
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
fn item_label(item: &str, reverse: bool) -> String {
    if reverse {
        format!("{item} (R)")
    } else {
        item.to_string()
    }
}

/// The accounting line about the norms file.
fn norms_line(m: &BenchmarkReport) -> String {
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

/// A company's standing, dimension by dimension (read only).
fn standing_table(m: &BenchmarkReport, c: &CompanyBenchmark) -> Option<Table> {
    let dims = c.dimensions.as_ref()?;
    let mut cols = vec![
        Column::left("dimension", "Dimension"),
        Column::right("score", "Score"),
        Column::right("percentile", "Percentile"),
        Column::right("norm_median", "Norm median"),
    ];
    if m.norms.tiers.is_some() {
        cols.push(Column::right("leader_mean", "Leaders' mean"));
    }
    let peer = c.peer.as_ref();
    if peer.is_some() {
        cols.push(Column::right("peer_percentile", "Peer percentile"));
        cols.push(Column::right("peer_median", "Peer median"));
    }
    let mut t = Table::with_columns("", "", cols);
    t.show = Show::Reading;
    let labels = m
        .dimensions
        .iter()
        .map(|d| (d.id.as_str(), d.label.as_str()))
        .chain([(ALIGNMENT_INDEX, "Alignment index")]);
    for (id, label) in labels {
        let Some(d) = dims.get(id) else { continue };
        let mut row = vec![
            Cell::text(label),
            Cell::index(d.score),
            d.percentile
                .filter(|p| p.is_finite())
                .map_or(Cell::Missing, |_| Cell::text(ordinal(d.percentile))),
            Cell::index(d.norm_median),
        ];
        if m.norms.tiers.is_some() {
            row.push(Cell::index(d.leader_mean));
        }
        if let Some(p) = peer {
            let pd = p.dimensions.get(id);
            let pct = pd.and_then(|x| x.percentile).filter(|p| p.is_finite());
            row.push(pct.map_or(Cell::Missing, |x| Cell::text(ordinal(Some(x)))));
            row.push(Cell::index(pd.and_then(|x| x.norm_median)));
        }
        t.push(row);
    }
    Some(t)
}

/// A company's priorities (read only).
fn priority_table(m: &BenchmarkReport, c: &CompanyBenchmark) -> Option<Table> {
    let prios = c.priorities.as_deref().filter(|p| !p.is_empty())?;
    let reference = match m.norms.comparison {
        Comparison::Leaders => "Leaders",
        Comparison::AverageCompany => "Average",
    };
    let mut t = Table::with_columns(
        "",
        "",
        vec![
            Column::right("rank", "#"),
            Column::left("item", "Item"),
            Column::right("company_mean", "Company"),
            Column::right("reference_mean", reference),
            Column::right("gap", "Gap"),
        ],
    );
    t.show = Show::Reading;
    for p in prios {
        let reference_mean = match m.norms.comparison {
            Comparison::Leaders => p.leader_mean,
            Comparison::AverageCompany => p.norm_mean,
        };
        t.push(vec![
            Cell::count(p.rank as u64),
            Cell::text(format!("{}: {}", item_label(&p.item, p.reverse), p.text)),
            Cell::stat(p.company_mean, 2),
            Cell::stat(reference_mean, 2),
            Cell::signed(p.gap, Kind::Stat(2)),
        ]);
    }
    Some(t)
}

fn company_section(m: &BenchmarkReport, c: &CompanyBenchmark) -> Section {
    let mut s = Section::new(
        "company",
        &format!(
            "== {} ({}) ==",
            c.company_id,
            plural(c.n, "respondent", "respondents")
        ),
    );
    let Some(standing_t) = standing_table(m, c) else {
        s.paragraph(format!(
            "Hidden: fewer than {} respondents (change the threshold with --anonymity N).",
            m.settings.anonymity
        ));
        return s;
    };
    for line in standing(m, c) {
        s.paragraph(line);
    }
    s.table(standing_t);
    let (heading, after) = priorities_text(m, c);
    s.subheading(heading);
    if let Some(t) = priority_table(m, c) {
        s.table(t);
    }
    s.paragraph(after);
    s
}

/// Every figure, one row per company and figure.
fn tidy_table(m: &BenchmarkReport) -> Table {
    // With --peer: the company's segment and its place among the peers.
    let peers = m.companies.iter().any(|c| c.peer.is_some());
    let mut t = tidy_columns(peers);
    let extra = if peers { 4 } else { 0 };
    for c in &m.companies {
        let head = vec![
            Cell::text(c.company_id.as_str()),
            Cell::count(c.n),
            Cell::text(c.suppressed.to_string()),
        ];
        let (Some(_), Some(items)) = (&c.dimensions, &c.items) else {
            let mut row = head.clone();
            row.extend((0..10 + extra).map(|_| Cell::Hidden));
            t.push(row);
            continue;
        };
        for row in dimension_rows(m, c, &head, peers) {
            t.push(row);
        }
        for row in item_rows(c, items, &head, extra) {
            t.push(row);
        }
    }
    t
}

/// The empty tidy table: its columns (the peer columns only when some
/// company was compared with peers), shown as data and as the main table.
fn tidy_columns(peers: bool) -> Table {
    let mut t = Table::with_columns(
        "benchmark",
        "figure",
        vec![
            Column::left("company_id", "Company"),
            Column::right("n", "n"),
            Column::left("suppressed", "Suppressed"),
            Column::left("kind", "Kind"),
            Column::left("id", "Id"),
            Column::left("label", "Label"),
            Column::right("value", "Value"),
            Column::right("percentile", "Percentile"),
            Column::right("norm_median", "Norm median"),
            Column::right("norm_mean", "Norm mean"),
            Column::right("leader_mean", "Leaders' mean"),
            Column::right("gap", "Gap"),
            Column::right("priority", "Priority"),
        ],
    );
    if peers {
        t.columns.extend([
            Column::left("peer_segment", "Peer segment"),
            Column::right("peer_percentile", "Peer percentile"),
            Column::right("peer_median", "Peer median"),
            Column::right("peer_leader_mean", "Peers' leaders' mean"),
        ]);
    }
    t.show = Show::Data;
    t.main = true;
    t
}

/// One row per dimension and the alignment index of a shown company,
/// starting with `head` (company, n, suppressed); with `peers`, the peer
/// columns follow.
fn dimension_rows(
    m: &BenchmarkReport,
    c: &CompanyBenchmark,
    head: &[Cell],
    peers: bool,
) -> Vec<Vec<Cell>> {
    let Some(dims) = &c.dimensions else {
        return Vec::new();
    };
    let labels = m
        .dimensions
        .iter()
        .map(|d| ("dimension", d.id.as_str(), d.label.as_str()))
        .chain([(ALIGNMENT_INDEX, ALIGNMENT_INDEX, "Alignment index")]);
    let mut rows = Vec::new();
    for (kind, id, label) in labels {
        let Some(d) = dims.get(id) else { continue };
        let mut row = head.to_vec();
        row.extend([
            Cell::text(kind),
            Cell::text(id),
            Cell::text(label),
            Cell::index(d.score),
            Cell::stat(d.percentile, 1),
            Cell::index(d.norm_median),
            Cell::Missing,
            Cell::index(d.leader_mean),
            Cell::Missing,
            Cell::Missing,
        ]);
        if peers {
            row.extend(peer_cells(c, id));
        }
        rows.push(row);
    }
    rows
}

/// The four peer cells of dimension `id`: the peer segment, the percentile
/// among the peers, the peer median and the peers' leaders' mean (missing
/// when the company has no peers).
fn peer_cells(c: &CompanyBenchmark, id: &str) -> Vec<Cell> {
    match c.peer.as_ref() {
        Some(p) => {
            let pd = p.dimensions.get(id);
            vec![
                Cell::text(p.segment.as_str()),
                Cell::stat(pd.and_then(|x| x.percentile), 1),
                Cell::index(pd.and_then(|x| x.norm_median)),
                Cell::index(pd.and_then(|x| x.leader_mean)),
            ]
        }
        None => (0..4).map(|_| Cell::Missing).collect(),
    }
}

/// One row per item of a shown company, starting with `head`, with its
/// priority rank when it is among the priorities; `extra` missing cells
/// fill the peer columns.
fn item_rows(
    c: &CompanyBenchmark,
    items: &[ItemBenchmark],
    head: &[Cell],
    extra: usize,
) -> Vec<Vec<Cell>> {
    let prios = c.priorities.as_deref().unwrap_or_default();
    items
        .iter()
        .map(|it| {
            let rank = prios
                .iter()
                .find(|p| p.item == it.item)
                .map_or(Cell::Missing, |p| Cell::count(p.rank as u64));
            let mut row = head.to_vec();
            row.extend([
                Cell::text("item"),
                Cell::text(&*it.item),
                Cell::text(&*it.text),
                Cell::stat(it.company_mean, 2),
                Cell::Missing,
                Cell::Missing,
                Cell::stat(it.norm_mean, 2),
                Cell::stat(it.leader_mean, 2),
                Cell::signed(it.gap, Kind::Stat(2)),
                rank,
            ]);
            row.extend((0..extra).map(|_| Cell::Missing));
            row
        })
        .collect()
}

impl Model for BenchmarkReport {
    fn document(&self, _opts: &DocOptions) -> Document {
        let m = self;
        let mut doc = Document::new("Benchmark against norms", "");
        let mut s = Section::new("norms", "");
        for line in intro(m) {
            s.paragraph(line);
        }
        s.table(tidy_table(m));
        doc.sections.push(s);
        for c in &m.companies {
            doc.sections.push(company_section(m, c));
        }
        let mut doc = super::finish(doc, None, &m.warnings, &m.input, &m.hidden, &m.instrument);
        doc.accounting.push(norms_line(m));
        doc
    }
}
