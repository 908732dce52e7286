//! The document of `align score`: the company scores (best first; with
//! `--by-role` a table of role scores), reliability and agreement, the
//! pooled items, then the input accounting.

use super::super::{Cell, Column, Document, Kind, LaterRows, Section, Table};
use crate::analysis::score::{CompanyRows, CompanyScore, RoleScores, ScoreReport};
use crate::analysis::OrderedMap;
use crate::render::fmt::{count, plural};
use crate::render::{DocOptions, Model};

/// The companies a document is made from: a whole report's list, or made
/// a chunk at a time from the sums (so that the list and the document's
/// rows are never both held whole).
enum Companies<'a> {
    Made(&'a [CompanyScore]),
    Rows(&'a CompanyRows<'a>),
}

/// Companies made at a time for a document: two chunks are made at once,
/// on two threads, and their cells held while they are written, so that
/// bigger chunks would add to the peak memory of a long list (at 200,000
/// companies, 4,096 a chunk added about 12 MB) and save nothing.
const CHUNK: usize = 1024;

impl Companies<'_> {
    /// The role groups of the survey: sales, marketing, both, then any
    /// extra roles (`roles.other`), as every company's `n_by_role` lists
    /// them.
    fn role_names(&self) -> Vec<String> {
        let names = |c: &CompanyScore| c.n_by_role.iter().map(|(k, _)| k.to_string()).collect();
        match self {
            Companies::Made(list) => list
                .iter()
                .find(|c| !c.n_by_role.0.is_empty())
                .map(names)
                .unwrap_or_default(),
            Companies::Rows(rows) => rows
                .make(0..rows.len().min(1))
                .first()
                .map(names)
                .unwrap_or_default(),
        }
    }

    /// What `f` makes of each chunk of companies, best first, handed to
    /// `take` in order.
    fn chunks<T: Send>(&self, f: impl Fn(&[CompanyScore]) -> T + Sync, mut take: impl FnMut(T)) {
        match self {
            Companies::Made(list) => take(f(list)),
            Companies::Rows(rows) => rows.each_chunk(CHUNK, f, take),
        }
    }
}

fn get(m: Option<&OrderedMap<Option<f64>>>, k: &str) -> Option<f64> {
    m.and_then(|m| m.get(k).copied().flatten())
}

/// The companies table's columns (its rows come a chunk at a time).
fn company_table(m: &ScoreReport, roles: &[&str]) -> Table {
    let dims: Vec<&str> = m.dimensions.iter().map(|d| d.id.as_str()).collect();
    let has_roles = !roles.is_empty();
    let mut cols = vec![
        Column::left("company_id", "Company"),
        Column::right("n", "n"),
    ];
    if has_roles {
        cols.extend(
            roles
                .iter()
                .map(|r| Column::right(&format!("n_{r}"), &format!("n {r}")).detail()),
        );
    }
    cols.push(Column::left("suppressed", "Suppressed").detail());
    cols.extend(m.dimensions.iter().map(|d| Column::right(&d.id, &d.label)));
    cols.push(Column::right("alignment_index", "Index"));
    cols.push(Column::left("stage", "Stage"));
    if has_roles {
        for r in roles {
            cols.extend(
                dims.iter()
                    .map(|d| Column::right(&format!("{r}_{d}"), &format!("{r} {d}")).detail()),
            );
        }
        cols.extend(
            dims.iter()
                .map(|d| Column::right(&format!("gap_{d}"), &format!("gap {d}")).detail()),
        );
    }
    cols.extend(
        dims.iter()
            .map(|d| Column::right(&format!("rwg_j_{d}"), &format!("r_wg(J) {d}")).detail()),
    );
    let mut t = Table::with_columns("companies", "company", cols);
    t.main = true;
    t
}

/// A company's figures; a hidden company shows its id and counts only.
fn company_row(c: &CompanyScore, dims: &[&str], roles: &[&str]) -> Vec<Cell> {
    let has_roles = !roles.is_empty();
    let figure = |map: Option<&OrderedMap<Option<f64>>>, k: &str, kind: Kind| {
        if c.suppressed {
            Cell::Hidden
        } else {
            Cell::num(get(map, k), kind)
        }
    };
    let mut row = vec![Cell::text(&*c.company_id), Cell::count(c.n)];
    if has_roles {
        row.extend(
            roles
                .iter()
                .map(|r| Cell::count(c.n_by_role.get(r).copied().unwrap_or(0))),
        );
    }
    row.push(Cell::text(c.suppressed.to_string()));
    let scores = c.scores.as_ref();
    row.extend(dims.iter().map(|d| figure(scores, d, Kind::Index)));
    row.push(figure(scores, "alignment_index", Kind::Index));
    row.push(match (&c.stage, c.suppressed) {
        (_, true) => Cell::Hidden,
        (Some(s), _) => Cell::text(s.as_str()),
        (None, _) => Cell::Missing,
    });
    if has_roles {
        for &r in roles {
            let shown = match c.by_role.as_ref().and_then(|b| b.get(r)) {
                Some(RoleScores::Shown(s)) => Some(s),
                _ => None,
            };
            row.extend(dims.iter().map(|d| match (c.suppressed, shown) {
                (false, Some(s)) => Cell::index(get(Some(s), d)),
                (false, None) if c.by_role.is_some() => Cell::Hidden,
                _ => figure(None, d, Kind::Index),
            }));
        }
        row.extend(
            dims.iter()
                .map(|d| figure(c.role_gap.as_ref(), d, Kind::Index)),
        );
    }
    row.extend(
        dims.iter()
            .map(|d| figure(c.rwg_j.as_ref(), d, Kind::Stat(3))),
    );
    row
}

/// The role table's columns: one row per shown company and role, then
/// the marketing − sales gap ([`role_rows`]).
fn role_table(m: &ScoreReport) -> Table {
    let mut cols = vec![
        Column::left("company_id", "Company"),
        Column::left("role", "Role"),
        Column::right("n", "n"),
    ];
    cols.extend(m.dimensions.iter().map(|d| Column::right(&d.id, &d.label)));
    cols.push(Column::right("alignment_index", "Index"));
    let mut t = Table::with_columns("by_role", "role", cols);
    t.caption = Some("Gap (M − S): marketing minus sales, in index points.".into());
    t
}

/// The role table's rows of some companies (the shown ones).
fn role_rows(m: &ScoreReport, companies: &[CompanyScore]) -> Vec<Vec<Cell>> {
    let mut t = Vec::new();
    for c in companies.iter().filter(|c| !c.suppressed) {
        for (role, scores) in c.by_role.iter().flat_map(|b| b.iter()) {
            let n = c.n_by_role.get(role).copied().unwrap_or(0);
            let mut row = vec![
                Cell::text(&*c.company_id),
                Cell::text(role.to_string()),
                Cell::count(n),
            ];
            let figure = |k: &str| match scores {
                RoleScores::Suppressed => Cell::Hidden,
                RoleScores::Shown(s) => Cell::index(get(Some(s), k)),
            };
            row.extend(m.dimensions.iter().map(|d| figure(&d.id)));
            row.push(figure("alignment_index"));
            t.push(row);
        }
        if let Some(g) = &c.role_gap {
            let mut row = vec![
                Cell::text(&*c.company_id),
                Cell::text("gap (M − S)"),
                Cell::Missing,
            ];
            row.extend(
                m.dimensions
                    .iter()
                    .map(|d| Cell::signed(get(Some(g), &d.id), Kind::Index)),
            );
            row.push(Cell::Missing);
            t.push(row);
        }
    }
    t
}

/// The reliability and agreement table (one row per dimension).
pub(crate) fn reliability_table(m: &ScoreReport) -> Table {
    let mut t = Table::with_columns(
        "reliability",
        "dimension",
        vec![
            Column::left("dimension", "Dimension"),
            Column::right("items", "Items"),
            Column::right("n_complete", "Complete"),
            Column::right("alpha", "α"),
            Column::right("alpha_ci95", "α 95% CI").split(&["alpha_ci95_low", "alpha_ci95_high"]),
            Column::right("icc1", "ICC(1)"),
            Column::right("icc2", "ICC(2)"),
            Column::right("rwg_j_median", "r_wg(J) median"),
        ],
    );
    for d in &m.dimensions {
        let (Some(r), Some(a)) = (m.reliability.get(&d.id), m.aggregation.get(&d.id)) else {
            continue;
        };
        t.push(vec![
            Cell::text(d.label.as_str()),
            Cell::count(r.k as u64),
            Cell::count(r.n_complete),
            Cell::stat(r.alpha, 3),
            Cell::interval(r.alpha_ci95, Kind::Stat(3)),
            Cell::stat(a.icc1, 3),
            Cell::stat(a.icc2, 3),
            Cell::stat(a.rwg_j_median, 3),
        ]);
    }
    t
}

fn item_table(m: &ScoreReport) -> Table {
    let mut t = Table::with_columns(
        "items",
        "item",
        vec![
            Column::left("item", "Item"),
            Column::left("text", "Text").detail(),
            Column::right("mean", "Mean"),
            Column::right("index", "Index"),
            Column::right("item_total_r", "Item–total r"),
            Column::right("alpha_if_dropped", "α if dropped"),
            Column::right("sales", "Sales"),
            Column::right("marketing", "Marketing"),
            Column::right("gap", "Gap"),
        ],
    );
    for it in &m.items {
        let rel = m
            .reliability
            .get(&it.dimension)
            .and_then(|r| r.items.iter().find(|x| x.item == it.item));
        t.push(vec![
            Cell::item(&it.item, it.reverse),
            Cell::text(it.text.as_str()),
            Cell::stat(it.mean, 2),
            Cell::index(it.index),
            Cell::stat(rel.and_then(|r| r.item_total_r), 3),
            Cell::stat(rel.and_then(|r| r.alpha_if_dropped), 3),
            Cell::index(it.by_role.get("sales").copied().flatten()),
            Cell::index(it.by_role.get("marketing").copied().flatten()),
            Cell::signed(it.role_gap, Kind::Index),
        ]);
    }
    t
}

/// The report with its companies made as they are written: the JSON and
/// the document make them a chunk at a time.
impl Model for crate::analysis::score::ScoreStream<'_> {
    fn json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        crate::render::json::write_score_stream(self, w)
    }

    fn document(&self, opts: &DocOptions) -> Document {
        document(&self.report, Companies::Rows(self.rows()), opts, true)
    }
}

impl Model for ScoreReport {
    fn json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        crate::render::json::write_score(self, w)
    }

    fn document(&self, opts: &DocOptions) -> Document {
        document(self, Companies::Made(&self.companies), opts, true)
    }
}

/// Write what `--format csv` writes of `score` without `--table` (or with
/// `--table companies`), the companies table, a chunk of companies at a
/// time as they are made: the same bytes as the CSV of the whole
/// document, without holding its rows.
pub(crate) fn write_companies_csv(
    stream: &crate::analysis::score::ScoreStream<'_>,
    opts: &crate::render::RenderOptions,
    w: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let m = &stream.report;
    let companies = Companies::Rows(stream.rows());
    let (table, roles) = empty_company_table(m, &companies);
    let mut out = crate::render::write::csv::Rows::new(table.keys(), w)?;
    let mut written = Ok(());
    companies.chunks(
        |chunk| company_rows(m, chunk, &roles),
        |rows| {
            if written.is_ok() {
                written = out.rows(&table, &rows, None, opts);
            }
        },
    );
    written?;
    out.finish()
}

/// The companies table's rows, made a chunk of companies at a time each
/// time a writer asks for them.
pub(crate) struct LaterCompanies<'a> {
    m: &'a ScoreReport,
    companies: Companies<'a>,
    roles: Vec<String>,
}

impl LaterRows for LaterCompanies<'_> {
    fn table(&self) -> &str {
        "companies"
    }
    fn each_chunk(&self, take: &mut dyn FnMut(Vec<Vec<Cell>>)) {
        self.companies
            .chunks(|chunk| company_rows(self.m, chunk, &self.roles), take);
    }
}

/// `score`'s document with the companies table empty, and what makes its
/// rows as they are written ([`LaterRows`]): the table and Markdown
/// writers then never hold the list.
pub(crate) fn document_later<'a>(
    stream: &'a crate::analysis::score::ScoreStream<'a>,
    opts: &DocOptions,
) -> (Document, LaterCompanies<'a>) {
    let m = &stream.report;
    let doc = document(m, Companies::Rows(stream.rows()), opts, false);
    let companies = Companies::Rows(stream.rows());
    let roles = companies.role_names();
    (
        doc,
        LaterCompanies {
            m,
            companies,
            roles,
        },
    )
}

/// The companies table with no rows yet, and the survey's role names
/// that its rows are made with ([`company_rows`]).
fn empty_company_table(m: &ScoreReport, companies: &Companies) -> (Table, Vec<String>) {
    let names = companies.role_names();
    let roles: Vec<&str> = names.iter().map(String::as_str).collect();
    (company_table(m, &roles), names)
}

/// The companies table's rows of a chunk of companies.
fn company_rows(m: &ScoreReport, chunk: &[CompanyScore], roles: &[String]) -> Vec<Vec<Cell>> {
    let roles: Vec<&str> = roles.iter().map(String::as_str).collect();
    let dims: Vec<&str> = m.dimensions.iter().map(|d| d.id.as_str()).collect();
    chunk
        .iter()
        .map(|c| company_row(c, &dims, &roles))
        .collect()
}

/// The companies table of a report's whole list, as the document holds
/// it (without the rest of the document).
pub(crate) fn companies_table(m: &ScoreReport) -> Table {
    company_tables(m, &Companies::Made(&m.companies), false, true).0
}

/// The companies and role tables, their rows made a chunk of companies at
/// a time (on two threads for a long list); the companies table without
/// rows unless `fill`.
fn company_tables(
    m: &ScoreReport,
    companies: &Companies,
    by_role: bool,
    fill: bool,
) -> (Table, Option<Table>) {
    let (mut table, roles) = empty_company_table(m, companies);
    let mut role_table = by_role.then(|| role_table(m));
    if !fill && !by_role {
        return (table, role_table);
    }
    companies.chunks(
        |chunk| {
            (
                if fill {
                    company_rows(m, chunk, &roles)
                } else {
                    Vec::new()
                },
                if by_role {
                    role_rows(m, chunk)
                } else {
                    Vec::new()
                },
            )
        },
        |(rows, by_role)| {
            rows.into_iter().for_each(|r| table.push(r));
            if let Some(t) = &mut role_table {
                by_role.into_iter().for_each(|r| t.push(r));
            }
        },
    );
    (table, role_table)
}

/// The document of a report whose companies are `companies` (the
/// companies table without rows unless `fill`).
fn document(m: &ScoreReport, companies: Companies, opts: &DocOptions, fill: bool) -> Document {
    let mut doc = Document::new(
        "Alignment scores",
        format!(
            "{}, {} respondents: 0–100 indexes, best first",
            plural(m.input.companies as u64, "company", "companies"),
            count(m.input.rows_scored)
        ),
    );
    let (table, by_role) = company_tables(m, &companies, opts.by_role, fill);
    let mut s = Section::new("companies", "");
    s.table(table);
    doc.sections.push(s);
    if let Some(t) = by_role {
        let mut s = Section::new("by_role", "Scores by role");
        s.table(t);
        doc.sections.push(s);
    }
    let mut s = Section::new("reliability", "Reliability and agreement");
    s.table(reliability_table(m));
    doc.sections.push(s);
    let mut s = Section::new(
        "items",
        "Items (pooled over the shown companies; reverse-worded items (R) reverse-coded)",
    );
    s.table(item_table(m));
    doc.sections.push(s);
    finish_with!(doc, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `xml` without the `spans` of its rows: an optional hint of the
    /// columns a row fills, which a sheet written a row at a time leaves out.
    fn without_spans(xml: &str) -> String {
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml;
        while let Some(at) = rest.find(" spans=\"") {
            out.push_str(&rest[..at]);
            let after = &rest[at + " spans=\"".len()..];
            rest = &after[after.find('"').map_or(after.len(), |e| e + 1)..];
        }
        out.push_str(rest);
        out
    }

    /// Every part of a workbook but its document properties (which hold the
    /// time it was made), uncompressed, by name, without row spans
    /// ([`without_spans`]).
    fn xlsx_parts(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        use std::io::Read;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut parts = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut f = zip.by_index(i).unwrap();
            let name = f.name().unwrap().to_string();
            if name != "docProps/core.xml" {
                let mut data = String::new();
                f.read_to_string(&mut data).unwrap();
                parts.insert(name, without_spans(&data));
            }
        }
        parts
    }

    /// A document made from the sums a chunk of companies at a time (on
    /// two threads, more than two chunks, a short last one) is the one made
    /// from the whole list.
    #[test]
    fn streamed_document_matches_the_whole_reports() {
        let (inst, acc, input) = crate::generate::read_generated(2 * CHUNK + 300, 6);
        let stream = crate::analysis::score::stream(&inst, &acc, input, Default::default());
        let whole = stream.to_report();
        assert!(whole.companies.iter().any(|c| c.suppressed));
        for by_role in [false, true] {
            let opts = DocOptions { by_role };
            let streamed = stream.document(&opts);
            assert_eq!(streamed, whole.document(&opts), "by role: {by_role}");
            let tables = streamed.data_tables();
            assert_eq!(tables[0].rows.len(), 2 * CHUNK + 300);
            assert_eq!(
                tables[1].name,
                if by_role { "by_role" } else { "reliability" }
            );
        }
        // The companies' CSV written as they are made is that of the whole
        // document, with or without `--table companies`.
        let doc = stream.document(&DocOptions::default());
        for table in [None, Some("companies".to_string())] {
            let opts = crate::render::RenderOptions {
                table,
                ..Default::default()
            };
            let (mut streamed, mut whole) = (Vec::new(), Vec::new());
            write_companies_csv(&stream, &opts, &mut streamed).unwrap();
            crate::render::write::csv::write(&doc, &opts, &mut whole).unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(whole).unwrap()
            );
        }
        // The table and Markdown written with the companies made as they
        // are written are those of the whole document, at the natural
        // width, at a width the table fits, and at one it must be wrapped
        // to (drawn whole), with and without `--by-role`.
        for by_role in [false, true] {
            let opts = DocOptions { by_role };
            let doc = stream.document(&opts);
            let (empty, later) = document_later(&stream, &opts);
            assert!(empty.data_tables()[0].rows.is_empty());
            for width in [None, Some(100), Some(50)] {
                let ropts = crate::render::RenderOptions {
                    width,
                    ..Default::default()
                };
                let (mut streamed, mut whole) = (Vec::new(), Vec::new());
                crate::render::write::table::write_with(
                    &empty,
                    Some(&later),
                    &ropts,
                    &mut streamed,
                )
                .unwrap();
                crate::render::write::table::write(&doc, &ropts, &mut whole).unwrap();
                assert!(
                    streamed == whole,
                    "table, width {width:?}, by role {by_role}"
                );
            }
            let (mut streamed, mut whole) = (Vec::new(), Vec::new());
            let ropts = crate::render::RenderOptions::default();
            crate::render::write::markdown::write_with(&empty, Some(&later), &ropts, &mut streamed)
                .unwrap();
            crate::render::write::markdown::write(&doc, &ropts, &mut whole).unwrap();
            assert!(streamed == whole, "markdown, by role {by_role}");
            // The page: the same bytes.
            let (mut streamed, mut whole) = (Vec::new(), Vec::new());
            crate::render::html::write_with(empty.clone(), Some(&later), &mut streamed).unwrap();
            crate::render::html::write(doc.clone(), &mut whole).unwrap();
            let page = String::from_utf8(streamed).unwrap();
            assert!(page.matches("<tr>").count() > 2 * CHUNK + 300);
            assert!(!page.contains("<!--align:rows-->"));
            assert!(
                page == String::from_utf8(whole).unwrap(),
                "html, by role {by_role}"
            );
            // The workbook: the same parts (sheets, shared strings, styles),
            // but for its time of creation.
            let (mut streamed, mut whole) = (Vec::new(), Vec::new());
            crate::render::write::xlsx::write_with(&empty, Some(&later), &mut streamed).unwrap();
            crate::render::write::xlsx::write(&doc, &mut whole).unwrap();
            let (streamed, whole) = (xlsx_parts(&streamed), xlsx_parts(&whole));
            assert!(streamed.len() > 8, "{:?}", streamed.keys());
            let sheet = &streamed["xl/worksheets/sheet1.xml"];
            assert!(sheet.contains("<autoFilter ref=\"A1:") && sheet.contains("<pane "));
            assert!(streamed == whole, "xlsx, by role {by_role}");
        }
        let mut lines = Vec::new();
        write_companies_csv(&stream, &Default::default(), &mut lines).unwrap();
        assert_eq!(
            lines.iter().filter(|&&b| b == b'\n').count(),
            2 * CHUNK + 300 + 1
        );
    }
}
