//! The report as a format-neutral document: sections of paragraphs, notes,
//! tables and charts, built once from the combined model
//! ([`crate::analysis::report::Report`]) and rendered by the HTML and
//! Markdown writers, so both show the same sections with the same figures.
//!
//! Every string here is plain text (input strings included, unescaped); each
//! writer escapes for its own format. The anonymity threshold is applied
//! here, once: a company hidden by `--anonymity` has no row in any table
//! and no mark in any chart.

pub mod cell;
pub(crate) mod commands;
mod methods;
mod overview;
mod perception;
pub(crate) mod segments;

use crate::analysis::report::Report;
pub use cell::{Cell, Combo, Kind};
use serde::Serialize;

/// Column alignment in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Left-aligned (text, ids).
    Left,
    /// Right-aligned (figures).
    Right,
}

/// Which writers show a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Every format.
    Everywhere,
    /// The reading formats (table, Markdown, HTML) only: a layout of
    /// figures that a data table of the document also holds.
    Reading,
    /// The data formats (CSV, xlsx) only.
    Data,
}

/// A table column: its data names (one per figure of its cells, for CSV
/// headers and spreadsheets) and its heading as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its data names: one per figure of its cells, for CSV headers and spreadsheets.
    pub keys: Vec<String>,
    /// Its heading as read.
    pub label: String,
    /// How the reading formats align it.
    pub align: Align,
    /// Written by the data formats only (a figure too detailed to read in
    /// a table, such as a role's count).
    pub detail: bool,
}

impl Column {
    /// A left-aligned column with one data name.
    pub fn left(key: &str, label: &str) -> Column {
        Column {
            keys: vec![key.to_string()],
            label: label.to_string(),
            align: Align::Left,
            detail: false,
        }
    }
    /// A right-aligned column with one data name.
    pub fn right(key: &str, label: &str) -> Column {
        Column {
            align: Align::Right,
            ..Column::left(key, label)
        }
    }
    /// A column whose cells hold several figures, one data column each.
    pub fn split(mut self, keys: &[&str]) -> Column {
        self.keys = keys.iter().map(|k| k.to_string()).collect();
        self
    }
    /// A column for the data formats only.
    pub fn detail(mut self) -> Column {
        self.detail = true;
        self
    }
}

/// The rows of one of a document's tables, made as they are written
/// instead of held: the document holds the table without rows, and a
/// writer that meets it asks for its rows a chunk at a time, as often as
/// it needs to (a long list of companies is made from the sums again
/// rather than kept).
pub trait LaterRows {
    /// The name of the table whose rows these are.
    fn table(&self) -> &str;
    /// Hand every chunk of rows to `take`, in order.
    fn each_chunk(&self, take: &mut dyn FnMut(Vec<Vec<Cell>>));
}

/// Is `t` the table whose rows `later` makes (and holds none itself)?
pub(crate) fn is_later(t: &Table, later: Option<&dyn LaterRows>) -> bool {
    later.is_some_and(|l| l.table() == t.name) && t.rows.is_empty()
}

/// A table of typed cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Its name for `--table` and the spreadsheet (unique in a document).
    pub name: String,
    /// What one row is (`company`): the `section` value when the data
    /// formats write several main tables as one.
    pub record: String,
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// A short line under the table (e.g. what was left out), if any.
    pub caption: Option<String>,
    /// Which writers show the table.
    pub show: Show,
    /// One of the tables CSV writes when no `--table` is given.
    pub main: bool,
}

/// A data name from a heading: `α 95% CI` → `α_95pct_ci`.
fn key_of(label: &str) -> String {
    let mut k = String::new();
    for c in label.to_lowercase().chars() {
        match c {
            '%' => k.push_str("pct"),
            c if c.is_alphanumeric() => k.push(c),
            _ if !k.ends_with('_') && !k.is_empty() => k.push('_'),
            _ => {}
        }
    }
    k.trim_end_matches('_').to_string()
}

impl Table {
    /// A table whose first `left` columns are left-aligned, the rest right.
    pub fn new(header: &[&str], left: usize) -> Table {
        let columns = header
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let key = key_of(h);
                if i < left {
                    Column::left(&key, h)
                } else {
                    Column::right(&key, h)
                }
            })
            .collect();
        Table::with_columns("", "", columns)
    }

    /// A table named `name` whose rows are each a `record`.
    pub fn with_columns(name: &str, record: &str, columns: Vec<Column>) -> Table {
        Table {
            name: name.to_string(),
            record: record.to_string(),
            columns,
            rows: Vec::new(),
            caption: None,
            show: Show::Everywhere,
            main: false,
        }
    }

    /// Add a row of text cells.
    pub fn push_text(&mut self, row: Vec<String>) {
        self.rows.push(row.into_iter().map(Cell::Text).collect());
    }

    /// Add a row.
    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "{}", self.name);
        self.rows.push(row);
    }

    /// The columns a reading format shows, by index.
    pub fn shown_columns(&self) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&i| !self.columns[i].detail)
            .collect()
    }

    /// The alignment of the shown columns.
    pub fn aligns(&self) -> Vec<Align> {
        self.shown_columns()
            .into_iter()
            .map(|i| self.columns[i].align)
            .collect()
    }

    /// Headings of the shown columns.
    pub fn header(&self) -> Vec<String> {
        self.shown_columns()
            .into_iter()
            .map(|i| self.columns[i].label.clone())
            .collect()
    }

    /// Rows of the shown columns as read, with `decimals`, made one at a
    /// time.
    pub fn text_rows(&self, decimals: Option<u8>) -> impl Iterator<Item = Vec<String>> + '_ {
        let shown = self.shown_columns();
        self.rows
            .iter()
            .map(move |r| shown.iter().map(|&i| r[i].text_with(decimals)).collect())
    }

    /// Every data name, in order (a column of several figures gives several).
    pub fn keys(&self) -> Vec<String> {
        self.columns.iter().flat_map(|c| c.keys.clone()).collect()
    }

    /// The index of the column whose first data name is `key`.
    pub fn column(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.keys[0] == key)
    }

    /// Name items by their wording (with the reverse-worded mark) instead
    /// of their id in the reading formats, as the report does: the `text`
    /// column is shown in place of the `id` column (and moved before it),
    /// whose data stays.
    pub fn items_by_text(&mut self) {
        let (Some(id), Some(text)) = (self.column("id"), self.column("text")) else {
            return;
        };
        for row in &mut self.rows {
            let label = match (&row[id], &row[text]) {
                (
                    Cell::Label {
                        text: item,
                        reverse,
                    },
                    Cell::Text(wording),
                ) => Cell::Label {
                    text: if wording.trim().is_empty() {
                        item
                    } else {
                        wording
                    }
                    .trim()
                    .to_string(),
                    reverse: *reverse,
                },
                _ => continue,
            };
            row[text] = label;
        }
        self.columns[id].detail = true;
        self.columns[text].detail = false;
        self.columns[text].label = self.columns[id].label.clone();
        // The wording first, where the id was.
        let col = self.columns.remove(text);
        self.columns.insert(id, col);
        for row in &mut self.rows {
            let cell = row.remove(text);
            row.insert(id, cell);
        }
    }

    /// Add a column at the end, with one cell per row.
    pub fn push_column(&mut self, column: Column, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.rows.len(), "{}", self.name);
        self.columns.push(column);
        for (row, c) in self.rows.iter_mut().zip(cells) {
            row.push(c);
        }
    }
}

/// The table as the HTML templates read it: headings, alignment and the
/// cells as read, shown columns only.
impl Serialize for Table {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let align = self.aligns();
        let mut st = s.serialize_struct("Table", 6)?;
        st.serialize_field("name", &self.name)?;
        st.serialize_field("reading", &(self.show != Show::Data))?;
        st.serialize_field("header", &self.header())?;
        st.serialize_field("align", &align)?;
        st.serialize_field("rows", &self.text_rows(None).collect::<Vec<_>>())?;
        st.serialize_field("caption", &self.caption)?;
        st.end()
    }
}

/// One point of the perception scatter.
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    /// Horizontal position, in the units of the x axis.
    pub x: f64,
    /// Vertical position, in the units of the y axis.
    pub y: f64,
    /// The company, shown on hover.
    pub id: String,
    /// Says it is aligned but is not above the line (the highlighted group).
    pub flagged: bool,
}

/// One row of the forest plot: an item's Hedges' g and its 95% CI.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestRow {
    /// The item's text, shortened (see `crate::render::fmt::item_label`).
    pub label: String,
    /// Index into [`Chart::Forest::groups`] (the item's dimension).
    pub group: usize,
    /// Hedges' g (leaders minus laggards).
    pub g: f64,
    /// Its 95% confidence interval; `None` when undefined.
    pub ci: Option<[f64; 2]>,
}

/// One row of a before → after chart.
#[derive(Debug, Clone, PartialEq)]
pub struct DumbbellRow {
    /// The row's label (a dimension or the alignment index).
    pub label: String,
    /// Value in the earlier wave (0–100 index).
    pub before: f64,
    /// Value in the later wave (0–100 index).
    pub after: f64,
    /// Drawn in the highlight colour (e.g. a significant change).
    pub marked: bool,
}

/// One box of the peer-group chart: a segment's company scores on one measure.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentBox {
    /// The segment's value.
    pub label: String,
    /// Index into [`Chart::SegmentBoxes::groups`] (the measure).
    pub group: usize,
    /// First quartile, median and third quartile (0–100).
    pub quartiles: [f64; 3],
    /// Mean company score (0–100).
    pub mean: f64,
}

/// What a chart shows; drawn by the HTML writer (not serialized).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Companies' alignment index as a histogram, with the stage bounds.
    Distribution {
        /// Each shown company's alignment index (0–100).
        values: Vec<f64>,
        /// Stage name and the index at which it starts.
        stages: Vec<(String, f64)>,
    },
    /// Mean dimension score (0–100) per tier; `None` when hidden or undefined.
    TierBars {
        /// Dimension labels, in instrument order (the bar groups).
        dimensions: Vec<String>,
        /// Tier name and its mean score per dimension.
        tiers: Vec<(String, Vec<Option<f64>>)>,
    },
    /// Hedges' g per item with its 95% CI, largest first.
    Forest {
        /// Items, largest g first.
        rows: Vec<ForestRow>,
        /// Dimension labels, one per group of rows.
        groups: Vec<String>,
    },
    /// Perception index against the outcome composite (or the alignment
    /// index), with the quadrant lines.
    Scatter {
        /// The shown companies.
        points: Vec<ScatterPoint>,
        /// Title of the x axis.
        x_label: String,
        /// Title of the y axis.
        y_label: String,
        /// Where the vertical quadrant line crosses the x axis (the
        /// perceived-aligned threshold on the perception index).
        x_line: f64,
        /// Where the horizontal quadrant line crosses the y axis (the median
        /// composite, or the threshold on the alignment index); `None` for no line.
        y_line: Option<f64>,
        /// Legend text of the flagged and the other points.
        flagged_label: String,
        /// Legend text of the other points.
        other_label: String,
        /// Short labels of the quadrants: top left, top right, bottom left, bottom right.
        corners: [String; 4],
    },
    /// A value before and after per row, joined by a line (a dumbbell
    /// chart on the 0–100 index).
    Dumbbell {
        /// One row per measure, in display order.
        rows: Vec<DumbbellRow>,
        /// Legend texts: before, after, and the marked rows.
        legend: [String; 3],
        /// Description of the x axis.
        x_desc: String,
    },
    /// Spread of company scores per shown segment: the box spans P25–P75,
    /// a bar marks the median and a dot the mean; one colour per measure.
    SegmentBoxes {
        /// One box per shown segment and measure.
        rows: Vec<SegmentBox>,
        /// Measure labels, indexed by [`SegmentBox::group`].
        groups: Vec<String>,
    },
    /// An estimate with its 95% interval per row (drawn like `Forest`),
    /// on an axis described by `x_label`.
    Intervals {
        /// One row per estimate, in display order.
        rows: Vec<ForestRow>,
        /// Labels of the row groups, indexed by [`ForestRow::group`].
        groups: Vec<String>,
        /// Title of the x axis.
        x_label: String,
    },
    /// % of sales and % of marketing agreeing, per statement.
    AgreementBars {
        /// Item text (shortened), % sales, % marketing.
        rows: Vec<(String, Option<f64>, Option<f64>)>,
    },
}

/// A chart with its title and caption; `svg` is filled in by the HTML writer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The figure's title.
    pub title: String,
    /// A sentence under the chart saying how to read it.
    pub caption: String,
    /// Accessible description of the chart.
    pub alt: String,
    /// What the chart shows.
    #[serde(skip)]
    pub chart: Chart,
    /// The chart as a small table, for formats without charts (`None` when
    /// a table next to it already has the figures).
    pub fallback: Option<Table>,
    /// Drawn SVG markup (HTML writer only).
    pub svg: Option<String>,
    /// Shortened chart labels and the full text shown on hover.
    #[serde(skip)]
    pub hover: Vec<(String, String)>,
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The paragraph.
        text: String,
    },
    /// A sentence to read first (shown bold).
    Lead {
        /// The sentence.
        text: String,
    },
    /// A caution or a part that is missing, and why.
    Note {
        /// The note.
        text: String,
    },
    /// A bulleted list.
    List {
        /// The list's entries.
        items: Vec<String>,
    },
    /// A table.
    Table {
        /// The table.
        table: Table,
    },
    /// A chart with its caption.
    Figure {
        /// The figure.
        figure: Box<Figure>,
    },
    /// Term and explanation pairs.
    Definitions {
        /// (term, explanation) pairs.
        items: Vec<(String, String)>,
    },
    /// A heading within the section.
    Subheading {
        /// The heading.
        text: String,
    },
}

/// A section of the report; `id` is its stable anchor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// The stable anchor (HTML id).
    pub id: &'static str,
    /// The section's heading.
    pub title: String,
    /// Its blocks, in reading order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// An empty section with anchor `id`.
    pub fn new(id: &'static str, title: &str) -> Section {
        Section {
            id,
            title: title.to_string(),
            blocks: Vec::new(),
        }
    }
    /// Add a paragraph.
    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into() });
    }
    /// Add a sentence to read first (shown bold).
    pub fn lead(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Lead { text: text.into() });
    }
    /// Add a caution or a note on a missing part.
    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note { text: text.into() });
    }
    /// Add a bulleted list (nothing when `items` is empty).
    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List { items });
        }
    }
    /// Add a table.
    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table { table });
    }
    /// Add a heading within the section.
    pub fn subheading(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Subheading { text: text.into() });
    }
    /// Add a chart.
    pub fn figure(&mut self, figure: Figure) {
        self.blocks.push(Block::Figure {
            figure: Box::new(figure),
        });
    }
}

/// The whole document: a title, headline sentences, sections, then the
/// warnings and the input accounting (with the instrument) at the end.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The report's title.
    pub title: String,
    /// One line under the title: instrument, companies, respondents, file.
    pub subtitle: String,
    /// The sentences to read first.
    pub headlines: Vec<String>,
    /// The sections, in reading order.
    pub sections: Vec<Section>,
    /// Warnings of the run (also printed on standard error).
    pub warnings: Vec<String>,
    /// The input accounting and the instrument, one line each.
    pub accounting: Vec<String>,
}

impl Document {
    /// An empty document with a title and subtitle.
    pub fn new(title: impl Into<String>, subtitle: impl Into<String>) -> Document {
        Document {
            title: title.into(),
            subtitle: subtitle.into(),
            headlines: Vec::new(),
            sections: Vec::new(),
            warnings: Vec::new(),
            accounting: Vec::new(),
        }
    }

    /// The table named `name`, taken out of the document (a command's
    /// table that another document shows).
    pub fn into_table(self, name: &str) -> Option<Table> {
        self.sections
            .into_iter()
            .flat_map(|s| s.blocks)
            .find_map(|b| match b {
                Block::Table { table } if table.name == name => Some(table),
                _ => None,
            })
    }

    /// Every figure, in order, for the writers to draw.
    pub fn figures_mut(&mut self) -> impl Iterator<Item = &mut Figure> {
        self.sections
            .iter_mut()
            .flat_map(|s| s.blocks.iter_mut())
            .filter_map(|b| match b {
                Block::Figure { figure } => Some(figure.as_mut()),
                _ => None,
            })
    }

    /// Every table the data formats write, in order (charts' tables too).
    pub fn data_tables(&self) -> Vec<&Table> {
        self.sections
            .iter()
            .flat_map(|s| s.blocks.iter())
            .filter_map(|b| match b {
                Block::Table { table } => Some(table),
                Block::Figure { figure } => figure.fallback.as_ref(),
                _ => None,
            })
            .filter(|t| t.show != Show::Reading)
            .collect()
    }

    /// The tables CSV writes without `--table`: those marked main, or the
    /// first data table.
    pub fn main_tables(&self) -> Vec<&Table> {
        let all = self.data_tables();
        let main: Vec<&Table> = all.iter().copied().filter(|t| t.main).collect();
        if main.is_empty() {
            all.into_iter().take(1).collect()
        } else {
            main
        }
    }

    /// Give every table a name unique in the document: its own, or its
    /// section's id (numbered from the second on).
    pub fn name_tables(&mut self) {
        let mut seen: Vec<String> = Vec::new();
        for s in &mut self.sections {
            let id = s.id;
            for b in &mut s.blocks {
                let t = match b {
                    Block::Table { table } => table,
                    Block::Figure { figure } => match figure.fallback.as_mut() {
                        Some(t) => t,
                        None => continue,
                    },
                    _ => continue,
                };
                let base = if t.name.is_empty() {
                    id.to_string()
                } else {
                    t.name.clone()
                };
                let mut name = base.clone();
                let mut k = 2;
                while seen.contains(&name) {
                    name = format!("{base}_{k}");
                    k += 1;
                }
                if t.record.is_empty() {
                    t.record = name.clone();
                }
                t.name = name.clone();
                seen.push(name);
            }
        }
    }
}

/// The section ids, in order (tests and the browser check look for them).
pub const SECTION_IDS: [&str; 9] = [
    "headlines",
    "scores",
    "reliability",
    "leaders",
    "drivers",
    "perception",
    "disconnect",
    "methods",
    "input",
];

/// The run's warnings as a reader of the report reads them: each once, as
/// a sentence, items named by their (shortened) text instead of their id.
pub fn reader_warnings(r: &Report) -> Vec<String> {
    let mut names: Vec<(String, String)> = Vec::new();
    for it in r.leaders.iter().flat_map(|l| &l.items) {
        names.push((it.item.clone(), it.text.clone()));
    }
    for d in r.gaps.iter().flat_map(|g| &g.disconnect) {
        names.push((d.item.clone(), d.text.clone()));
    }
    names.retain(|(_, t)| !t.trim().is_empty());
    // Longest ids first, so that no id replaces part of a longer one.
    names.sort_by_key(|a| (std::cmp::Reverse(a.0.len()), a.0.clone()));
    names.dedup_by(|a, b| a.0 == b.0);
    let mut out: Vec<String> = Vec::new();
    for w in &r.warnings {
        let mut text = w.trim().to_string();
        for (id, t) in &names {
            text = replace_word(&text, id, &format!("“{}”", super::fmt::shorten(t, 60)));
        }
        let mut chars = text.chars();
        let mut text = match chars.next() {
            Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
            None => continue,
        };
        if !text.ends_with(['.', '!', '?', ')']) || text.ends_with(')') && !text.ends_with(".)") {
            text.push('.');
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// `s` with every whole-word `word` (not inside a longer identifier)
/// replaced by `by`.
fn replace_word(s: &str, word: &str, by: &str) -> String {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(word) {
        let before = rest[..i].chars().next_back();
        let after = rest[i + word.len()..].chars().next();
        out.push_str(&rest[..i]);
        if before.is_some_and(ident) || after.is_some_and(ident) {
            out.push_str(word);
        } else {
            out.push_str(by);
        }
        rest = &rest[i + word.len()..];
    }
    out.push_str(rest);
    out
}

/// A section of the report, or in its place a note saying why it is not
/// available.
fn or_note(
    section: Option<Section>,
    id: &'static str,
    title: &str,
    why: &Option<String>,
) -> Section {
    section.unwrap_or_else(|| {
        let mut s = Section::new(id, title);
        s.note(
            why.clone()
                .unwrap_or_else(|| format!("{title} is not available.")),
        );
        s
    })
}

/// Build the document of a report.
pub fn build(r: &Report) -> Document {
    let s = &r.score;
    let subtitle = format!(
        "{} (version {}) · {} · {} respondents · {}",
        s.instrument.name,
        s.instrument.version,
        super::fmt::plural(s.input.companies as u64, "company", "companies"),
        super::fmt::count(s.input.rows_scored),
        s.input.file
    );
    let sections = vec![
        overview::headlines(r),
        overview::scores(r),
        overview::reliability(r),
        or_note(
            r.leaders.as_ref().map(commands::leaders::report_section),
            "leaders",
            "Leaders vs laggards",
            &r.unavailable.leaders,
        ),
        or_note(
            r.drivers.as_ref().map(commands::drivers::report_section),
            "drivers",
            "Key drivers: what to fix first",
            &r.unavailable.drivers,
        ),
        perception::perception(r),
        perception::disconnect(r),
        methods::methods(r),
        methods::input(r),
    ];
    debug_assert!(sections.iter().map(|s| s.id).eq(SECTION_IDS));
    let mut doc = Document::new("Sales–marketing alignment report", subtitle);
    doc.sections = sections;
    if let Some(seg) = &r.segments {
        // Peer groups come before the methods and the input accounting.
        let at = doc.sections.len() - 2;
        doc.sections.insert(at, segments::section(seg));
    }
    // The warnings and the accounting are the report's last section
    // ([`methods::input`]); the spreadsheet has them on a sheet of their own.
    doc.accounting = super::accounting_lines(&s.input, &s.hidden, &s.instrument);
    doc.warnings = reader_warnings(r);
    doc.name_tables();
    doc
}
