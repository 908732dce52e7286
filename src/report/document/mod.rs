//! The report as a format-neutral document: sections of paragraphs, notes,
//! tables and charts, built once from the combined model
//! ([`crate::analysis::report::Report`]) and rendered by the HTML and
//! Markdown writers, so both show the same sections with the same figures.
//!
//! Every string here is plain text (input strings included, unescaped); each
//! writer escapes for its own format. The anonymity threshold is applied
//! here, once: a company hidden by `--anonymity` has no row in any table
//! and no mark in any chart.

mod leaders;
mod methods;
mod overview;
mod perception;

use crate::analysis::report::Report;
use serde::Serialize;

/// Column alignment in a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
}

/// A table of formatted cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    pub header: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
    /// A short line under the table (e.g. what was left out), if any.
    pub caption: Option<String>,
}

impl Table {
    /// A table whose first `left` columns are left-aligned, the rest right.
    pub fn new(header: &[&str], left: usize) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            align: (0..header.len())
                .map(|i| if i < left { Align::Left } else { Align::Right })
                .collect(),
            rows: Vec::new(),
            caption: None,
        }
    }

    /// Rows shared with the other renderers ([`super::rows`]), the first
    /// `left` columns left-aligned.
    pub fn from_rows(r: super::rows::Rows, left: usize) -> Table {
        Table {
            align: (0..r.header.len())
                .map(|i| if i < left { Align::Left } else { Align::Right })
                .collect(),
            header: r.header,
            rows: r.rows,
            caption: None,
        }
    }
}

/// One point of the perception scatter.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScatterPoint {
    pub x: f64,
    pub y: f64,
    /// Says it is aligned but is not above the line (the highlighted group).
    pub flagged: bool,
}

/// One row of the forest plot: an item's Hedges' g and its 95% CI.
#[derive(Debug, Clone, PartialEq)]
pub struct ForestRow {
    /// Item id (from the instrument).
    pub label: String,
    /// Index into [`Chart::Forest::groups`] (the item's dimension).
    pub group: usize,
    pub g: f64,
    pub ci: Option<[f64; 2]>,
}

/// What a chart shows; drawn by the HTML writer (not serialized).
#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// Companies' alignment index as a histogram, with the stage bounds.
    Distribution {
        values: Vec<f64>,
        /// Stage name and the index at which it starts.
        stages: Vec<(String, f64)>,
    },
    /// Mean dimension score (0–100) per tier; `None` when hidden or undefined.
    TierBars {
        dimensions: Vec<String>,
        tiers: Vec<(String, Vec<Option<f64>>)>,
    },
    /// Hedges' g per item with its 95% CI, largest first.
    Forest {
        rows: Vec<ForestRow>,
        groups: Vec<String>,
    },
    /// Perception index against the outcome composite (or the alignment
    /// index), with the quadrant lines.
    Scatter {
        points: Vec<ScatterPoint>,
        x_label: String,
        y_label: String,
        x_line: f64,
        y_line: Option<f64>,
        /// Legend text of the flagged and the other points.
        flagged_label: String,
        other_label: String,
        /// Short labels of the quadrants: top left, top right, bottom left, bottom right.
        corners: [String; 4],
    },
    /// % of sales and % of marketing agreeing, per statement.
    AgreementBars {
        /// Item id, % sales, % marketing.
        rows: Vec<(String, Option<f64>, Option<f64>)>,
    },
}

/// A chart with its title and caption; `svg` is filled in by the HTML writer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub title: String,
    pub caption: String,
    /// Accessible description of the chart.
    pub alt: String,
    #[serde(skip)]
    pub chart: Chart,
    /// The chart as a small table, for formats without charts (`None` when
    /// a table next to it already has the figures).
    pub fallback: Option<Table>,
    /// Drawn SVG markup (HTML writer only).
    pub svg: Option<String>,
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    /// A sentence to read first (shown bold).
    Lead {
        text: String,
    },
    /// A caution or a part that is missing, and why.
    Note {
        text: String,
    },
    List {
        items: Vec<String>,
    },
    Table {
        table: Table,
    },
    Figure {
        figure: Box<Figure>,
    },
    /// Term and explanation pairs.
    Definitions {
        items: Vec<(String, String)>,
    },
    Subheading {
        text: String,
    },
}

/// A section of the report; `id` is its stable anchor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

impl Section {
    pub fn new(id: &'static str, title: &str) -> Section {
        Section {
            id,
            title: title.to_string(),
            blocks: Vec::new(),
        }
    }
    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph { text: text.into() });
    }
    pub fn lead(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Lead { text: text.into() });
    }
    pub fn note(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Note { text: text.into() });
    }
    pub fn list(&mut self, items: Vec<String>) {
        if !items.is_empty() {
            self.blocks.push(Block::List { items });
        }
    }
    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table { table });
    }
    pub fn subheading(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Subheading { text: text.into() });
    }
    pub fn figure(&mut self, figure: Figure) {
        self.blocks.push(Block::Figure {
            figure: Box::new(figure),
        });
    }
}

/// The whole document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub title: String,
    /// One line under the title: instrument, companies, respondents, file.
    pub subtitle: String,
    pub sections: Vec<Section>,
}

impl Document {
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
}

/// The section ids, in order (tests and the browser check look for them).
pub const SECTION_IDS: [&str; 8] = [
    "headlines",
    "scores",
    "reliability",
    "leaders",
    "perception",
    "disconnect",
    "methods",
    "input",
];

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
        leaders::section(r),
        perception::perception(r),
        perception::disconnect(r),
        methods::methods(r),
        methods::input(r),
    ];
    debug_assert!(sections.iter().map(|s| s.id).eq(SECTION_IDS));
    Document {
        title: "Sales–marketing alignment report".to_string(),
        subtitle,
        sections,
    }
}
