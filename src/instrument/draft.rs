//! Drafting an instrument from a survey tool's export
//! (`align instrument --from-export`, docs/formats.md#drafting-an-instrument-from-an-export).
//!
//! The export's header rows give each column a question text (the header
//! itself, Qualtrics' question-text row, SurveyMonkey's two rows joined);
//! each item, perception item and statement of a base instrument goes to
//! the column whose text is most similar ([`similarity`]); the respondent,
//! company, role and finished columns are found by name and by content;
//! the label preset is the one that covers the answers found. Nothing
//! uncertain is written: a match below [`LOW`], or one with a runner-up
//! within [`MARGIN`], is left out of the draft and listed as a decision.

mod columns;
mod questions;

use super::presets::{self, PRESET_MISSING};
use super::validate::normalize_label;
use super::{Columns, Instrument, Scale};
use crate::error::{Error, Result};
use crate::ingest::header::{self, Dialect};
use csv::ByteRecord;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Below this similarity a question is not matched.
pub const LOW: f64 = 0.5;
/// A match whose runner-up column is closer than this is ambiguous.
pub const MARGIN: f64 = 0.05;
/// Data rows looked at (enough to see every answer and role in practice).
const MAX_ROWS: usize = 20_000;

/// An export as far as drafting needs it.
#[derive(Debug, Clone)]
pub struct Export {
    /// The export as named on the command line.
    pub file: String,
    /// The survey tool the header rows come from.
    pub dialect: Dialect,
    /// Header rows before the data (1, or 2–3 for a survey tool's export).
    pub header_rows: u64,
    /// Column names as the commands read them (SurveyMonkey: both rows joined).
    pub names: Vec<String>,
    /// Each column's question text (the name when the export has no other).
    pub texts: Vec<String>,
    /// Data rows, trimmed cells.
    pub rows: Vec<Vec<String>>,
}

/// Read an export's header rows and (up to `MAX_ROWS`) data rows, with
/// the encoding, delimiter and dialect detection of the responses reader.
pub fn read_export(path: &Path) -> Result<Export> {
    let opened = crate::ingest::sniff::open(path, false)?;
    let file = opened.name.clone();
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(opened.layout.delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(opened.reader);
    let fail = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => crate::ingest::sniff::read_failure(&file, io),
        other => Error::Format {
            file: file.clone(),
            message: format!("{other:?}"),
        },
    };
    let mut records = Vec::new();
    let mut rec = ByteRecord::new();
    while records.len() < MAX_ROWS + 3 && rdr.read_byte_record(&mut rec).map_err(fail)? {
        records.push(rec.clone());
    }
    if records.is_empty() {
        return Err(Error::Format {
            file,
            message: "the file is empty; expected a header row and one row per respondent".into(),
        });
    }
    let first = header::header_names(&records[0]);
    let dialect = Dialect::detect(&first, records.get(1));
    let mut names = first.clone();
    let mut texts = first;
    let mut skip = 1;
    match dialect {
        Dialect::SurveyMonkey if records.len() > 1 => {
            names = header::two_row_names(&names, &records[1]);
            texts = names.clone();
            skip = 2;
        }
        Dialect::Qualtrics => {
            let import = (1..records.len().min(3)).find(|&k| header::is_import_id_row(&records[k]));
            let question_row = match import {
                Some(k) => {
                    skip = k + 1;
                    (k > 1).then_some(1)
                }
                None if records.len() > 1 && is_text_row(&names, &records[1], dialect) => {
                    skip = 2;
                    Some(1)
                }
                None => None,
            };
            if let Some(q) = question_row {
                let row = header::header_names(&records[q]);
                for (i, t) in texts.iter_mut().enumerate() {
                    if let Some(r) = row.get(i).filter(|r| !r.is_empty()) {
                        *t = r.clone();
                    }
                }
            }
        }
        _ => {}
    }
    let rows = records
        .iter()
        .skip(skip)
        .map(header::header_names)
        .collect();
    Ok(Export {
        file,
        dialect,
        header_rows: skip as u64,
        names,
        texts,
        rows,
    })
}

/// Qualtrics' legacy question-text row: the question cells are all text,
/// none a number or an answer label of any preset.
fn is_text_row(names: &[String], rec: &ByteRecord, dialect: Dialect) -> bool {
    let cells = header::header_names(rec);
    let labels = all_preset_words();
    let questions: Vec<&String> = names
        .iter()
        .zip(&cells)
        .filter(|(n, _)| !dialect.is_metadata(n))
        .map(|(_, c)| c)
        .collect();
    !questions.is_empty()
        && questions.iter().all(|c| {
            !c.is_empty() && c.parse::<f64>().is_err() && !labels.contains(&normalize_label(c))
        })
}

fn all_preset_words() -> BTreeSet<String> {
    presets::PRESETS
        .iter()
        .flat_map(|p| p.labels(1).map(|(t, _)| normalize_label(t)))
        .chain(PRESET_MISSING.iter().map(|m| normalize_label(m)))
        .collect()
}

/// Words that carry no meaning for matching: articles, pronouns and the
/// phrases survey tools and authors put around a statement.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "for",
    "at",
    "by",
    "with",
    "is",
    "are",
    "be",
    "it",
    "its",
    "this",
    "that",
    "do",
    "does",
    "how",
    "much",
    "please",
    "rate",
    "following",
    "statement",
    "statements",
    "each",
    "you",
    "your",
    "our",
    "we",
    "us",
    "extent",
    "indicate",
    "what",
    "which",
    "there",
    "here",
    "how",
    "far",
];

/// Normal tokens of a text: lower case, split at anything but letters and
/// digits, stop words left out.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in text
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split(|c: char| !c.is_alphanumeric())
    {
        if w.is_empty() || STOP_WORDS.contains(&w) || out.iter().any(|o| o == w) {
            continue;
        }
        out.push(w.to_string());
    }
    out
}

/// How alike two words are: 1 when equal; their Jaro–Winkler similarity
/// when both have 4 letters or more and it is at least 0.9 (`agree` and
/// `agreed`, `lead` and `leads`); else 0.
fn word_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.chars().count() < 4 || b.chars().count() < 4 {
        return 0.0;
    }
    let s = strsim::jaro_winkler(a, b);
    if s >= 0.9 {
        s
    } else {
        0.0
    }
}

/// Soft Sørensen–Dice coefficient of two token sets: each token counts
/// with its best `word_similarity` in the other set, and the sum over
/// both sets is divided by their total size. Word order plays no part, so
/// reordered clauses match; 1 for the same words, 0 for none in common.
pub fn similarity(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let best = |x: &String, ys: &[String]| {
        ys.iter()
            .map(|y| word_similarity(x, y))
            .fold(0.0f64, f64::max)
    };
    let sa: f64 = a.iter().map(|x| best(x, b)).sum();
    let sb: f64 = b.iter().map(|y| best(y, a)).sum();
    (sa + sb) / (a.len() + b.len()) as f64
}

/// The texts a column's question may be compared by: the whole text, and
/// its last part after ` - ` (a matrix row in Qualtrics and SurveyMonkey)
/// or inside `[…]` (a matrix row in Google Forms).
fn column_texts(text: &str) -> Vec<String> {
    let mut out = vec![text.to_string()];
    if let Some((_, row)) = text.rsplit_once(" - ") {
        out.push(row.to_string());
    }
    if let (Some(open), true) = (text.rfind('['), text.trim_end().ends_with(']')) {
        out.push(text[open + 1..text.trim_end().len() - 1].to_string());
    }
    out
}

/// Similarity of a question text to a column: the best over the column's texts.
fn question_score(question: &[String], column: &[Vec<String>]) -> f64 {
    column
        .iter()
        .map(|c| similarity(question, c))
        .fold(0.0, f64::max)
}

/// One of the base instrument's questions and where it went.
#[derive(Debug, Clone)]
pub struct Match {
    /// "item", "perception" or "statement".
    pub kind: &'static str,
    /// The id of the base instrument's question.
    pub id: String,
    /// The column chosen, with its similarity; `None` when left unmatched.
    pub column: Option<(usize, f64)>,
    /// The best column when it was not taken (too low or ambiguous).
    pub best: Option<(usize, f64)>,
    /// The runner-up, when it made the match ambiguous.
    pub rival: Option<(usize, f64)>,
}

/// An identifier column found, and how.
#[derive(Debug, Clone)]
pub struct Found {
    /// Index of the column in the export.
    pub column: usize,
    /// How it was recognised (its name, or what its answers look like).
    pub how: String,
}

/// Everything drafting found, and the draft itself.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The export as read.
    pub export: Export,
    /// The respondent id column, if one was found.
    pub respondent: Option<Found>,
    /// The company id column, if one was found.
    pub company: Option<Found>,
    /// The role column, if one was found.
    pub role: Option<Found>,
    /// The completion column, if one was found.
    pub finished: Option<Found>,
    /// Each of the base instrument's questions and the column it went to.
    pub matches: Vec<Match>,
    /// The preset chosen (or `None`: the base's scale kept), and how many
    /// of the distinct answers it covers.
    pub preset: Option<String>,
    /// Distinct answers the chosen preset covers, and distinct answers seen.
    pub answers_covered: (usize, usize),
    /// What needs a decision, one sentence each.
    pub decisions: Vec<String>,
    /// The drafted instrument (`None` when no loadable one can be written).
    pub instrument: Option<Instrument>,
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

/// A column name for the table: quoted, long ones cut to their end (where
/// a matrix row's own text is).
fn shown(s: &str) -> String {
    const MAX: usize = 64;
    let n = s.chars().count();
    if n <= MAX {
        quoted(s)
    } else {
        let tail: String = s.chars().skip(n - (MAX - 1)).collect();
        format!("\"…{tail}\"")
    }
}

/// Draft an instrument for `export` from `base`.
pub fn draft(export: Export, base: &Instrument) -> Draft {
    let mut sc = columns::Scan::new(&export);
    let finished = columns::finished(&mut sc, base);
    let respondent = columns::respondent(&mut sc, base);
    let role = columns::role(&mut sc, base);
    let company = columns::company(&mut sc, base);
    let matched = questions::match_questions(&mut sc, base);
    let choice = questions::choose_preset(&mut sc, base, &matched.matches);
    questions::flag_unclaimed(&mut sc, base, &matched, &choice);
    let mut decisions = sc.decisions;
    let matches = matched.matches;
    let preset = choice.preset;
    let instrument = build(
        base,
        &export,
        &respondent,
        &company,
        &role,
        &finished,
        &matches,
        preset,
    );
    if let Err(e) = &instrument {
        decisions.push(format!("no draft written: {e}"));
    }
    Draft {
        export,
        respondent,
        company,
        role,
        finished,
        matches,
        preset: preset.map(|p| p.name.to_string()),
        answers_covered: choice.answers_covered,
        decisions,
        instrument: instrument.ok(),
    }
}

/// The draft: the base with the columns found, the unmatched questions
/// (and dimensions left without items) taken out, and the preset chosen.
#[allow(clippy::too_many_arguments)]
fn build(
    base: &Instrument,
    export: &Export,
    respondent: &Option<Found>,
    company: &Option<Found>,
    role: &Option<Found>,
    finished: &Option<Found>,
    matches: &[Match],
    preset: Option<&presets::Preset>,
) -> std::result::Result<Instrument, String> {
    let name = |f: &Option<Found>| f.as_ref().map(|f| export.names[f.column].clone());
    let Some(company) = name(company) else {
        return Err("the draft needs a company column".into());
    };
    let mut inst = base.clone();
    inst.columns = Columns {
        respondent: name(respondent),
        company,
        role: name(role),
        finished: name(finished),
    };
    if let Some(p) = preset {
        inst.scale = preset_scale(&base.scale, p);
    }
    matched_questions(&mut inst, base, export, matches);
    if inst.items.is_empty() {
        return Err("no item of the base instrument matched a column".into());
    }
    let items = inst.items.clone();
    inst.dimensions
        .retain(|d| items.iter().any(|i| i.dimension == d.id));
    // Outcomes keep their columns unless a column found above has the name.
    let used: BTreeSet<String> = export_used(&inst);
    inst.outcomes
        .retain(|o| !used.contains(&o.column.to_lowercase()));
    let json = inst.to_json_pretty();
    Instrument::from_json(&json, "the draft").map_err(|e| e.to_string())
}

/// The base scale turned into the chosen preset's: as many points from
/// the base minimum, its labels kept only when the range is the same.
fn preset_scale(base: &Scale, p: &presets::Preset) -> Scale {
    let max = base.min + p.points.len() as i64 - 1;
    Scale {
        min: base.min,
        max,
        preset: Some(p.name.to_string()),
        labels: if max == base.max {
            base.labels.clone()
        } else {
            BTreeMap::new()
        },
    }
}

/// The base's items, perception items and statements that matched a
/// column, each given that column; the others are left out of `inst`.
fn matched_questions(inst: &mut Instrument, base: &Instrument, export: &Export, matches: &[Match]) {
    let column_of = |kind: &str, id: &str| {
        matches
            .iter()
            .find(|m| m.kind == kind && m.id == id)
            .and_then(|m| m.column)
            .map(|(c, _)| export.names[c].clone())
    };
    let questions = |kind: &str, list: &[super::Question]| -> Vec<super::Question> {
        list.iter()
            .filter_map(|q| {
                column_of(kind, &q.id).map(|column| super::Question {
                    column,
                    ..q.clone()
                })
            })
            .collect()
    };
    inst.items = base
        .items
        .iter()
        .filter_map(|i| {
            column_of("item", &i.id).map(|column| super::Item {
                column,
                ..i.clone()
            })
        })
        .collect();
    inst.perception = questions("perception", &base.perception);
    inst.statements = questions("statement", &base.statements);
}

/// Every column the draft reads, lower-cased (outcomes aside).
fn export_used(inst: &Instrument) -> BTreeSet<String> {
    let c = &inst.columns;
    [
        Some(&c.company),
        c.respondent.as_ref(),
        c.role.as_ref(),
        c.finished.as_ref(),
    ]
    .into_iter()
    .flatten()
    .cloned()
    .chain(
        header::scale_columns(inst)
            .into_iter()
            .map(|(_, c)| c.to_string()),
    )
    .map(|s| s.to_lowercase())
    .collect()
}

impl Draft {
    /// The mapping table: each column the draft names, and each question
    /// with the column it went to and the confidence.
    pub fn table(&self) -> String {
        let rows = self.mapping_rows();
        let w0 = rows
            .iter()
            .map(|r| r.0.chars().count())
            .max()
            .unwrap_or(0)
            .max(8);
        let w1 = rows
            .iter()
            .map(|r| r.1.chars().count())
            .max()
            .unwrap_or(0)
            .max(6);
        let mut out = self.export_line();
        let pad =
            |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.chars().count())));
        out.push_str(&format!(
            "{}  {}  confidence\n",
            pad("question", w0),
            pad("column", w1)
        ));
        for (a, b, c) in &rows {
            out.push_str(&format!("{}  {}  {c}\n", pad(a, w0), pad(b, w1)));
        }
        let mapped = self.matches.iter().filter(|m| m.column.is_some()).count();
        out.push_str(&format!(
            "\n{mapped} of {} questions matched; answers: {} ({} of {} answer texts covered)\n",
            self.matches.len(),
            match &self.preset {
                Some(p) => format!("preset {p}"),
                None => "the base instrument's scale".into(),
            },
            self.answers_covered.0,
            self.answers_covered.1,
        ));
        out
    }

    /// The first line of the table: the export, its dialect and its rows.
    fn export_line(&self) -> String {
        let e = &self.export;
        format!(
            "{}: {} export, {} header row{}, {} data row{}\n\n",
            e.file,
            e.dialect.key(),
            e.header_rows,
            if e.header_rows == 1 { "" } else { "s" },
            e.rows.len(),
            if e.rows.len() == 1 { "" } else { "s" },
        )
    }

    /// (what, column, confidence) for each column the draft looks for and
    /// each question of the base instrument.
    fn mapping_rows(&self) -> Vec<(String, String, String)> {
        let names = &self.export.names;
        let mut rows: Vec<(String, String, String)> = Vec::new();
        for (what, f) in [
            ("respondent", &self.respondent),
            ("company", &self.company),
            ("role", &self.role),
            ("finished", &self.finished),
        ] {
            rows.push(match f {
                Some(f) => (what.to_string(), shown(&names[f.column]), f.how.clone()),
                None => (what.to_string(), "-".into(), "not found".into()),
            });
        }
        for m in &self.matches {
            let id = format!("{} {}", m.kind, m.id);
            rows.push(match (m.column, m.best, m.rival) {
                (Some((c, v)), _, _) => (id, shown(&names[c]), format!("{v:.2} {}", level(v))),
                (None, Some((c, v)), Some((r, rv))) => (
                    id,
                    "-".into(),
                    format!(
                        "ambiguous: {} {v:.2}, {} {rv:.2}",
                        shown(&names[c]),
                        shown(&names[r])
                    ),
                ),
                (None, Some((c, v)), None) => (
                    id,
                    "-".into(),
                    format!("not matched (closest {} {v:.2})", shown(&names[c])),
                ),
                (None, None, _) => (id, "-".into(), "not matched".into()),
            });
        }
        rows
    }
}

/// Words for a confidence.
fn level(v: f64) -> &'static str {
    if v >= 0.8 {
        "high"
    } else if v >= 0.65 {
        "medium"
    } else {
        "low"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        similarity(&tokens(a), &tokens(b))
    }

    #[test]
    fn similarity_ignores_order_case_punctuation_and_stop_words() {
        assert_eq!(
            sim("Sales and marketing meet.", "MARKETING, sales: meet"),
            1.0
        );
        assert_eq!(sim("Please rate: we meet weekly", "We meet weekly"), 1.0);
        assert!(sim("We have agreed on lead scoring", "We agree on lead scoring") > 0.8);
        assert!(
            sim(
                "Marketing understands our customers",
                "Sales follows up leads"
            ) < 0.2
        );
        assert_eq!(sim("", "x"), 0.0);
    }

    #[test]
    fn matrix_rows_are_compared_on_their_own() {
        let t = column_texts("How much do you agree? [We meet every week]");
        assert_eq!(t.last().unwrap(), "We meet every week");
        let t = column_texts("How much do you agree? - We meet every week");
        assert_eq!(t.last().unwrap(), "We meet every week");
    }
}
