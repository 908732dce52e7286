//! Checking one record against the header and the instrument: every cell
//! parsed, every problem found, except the duplicate-respondent check, which
//! needs the rows before it and is left to [`super::state`].
//!
//! Parsed rows are appended to a [`Batch`], so that records can be parsed on
//! one thread while another takes the batches in file order; the sequential
//! path uses a batch of one row. Either way each row's problems come out in
//! the same order (row length, completion, company, role, answers, outcomes,
//! respondent id), the duplicate check being the last.

use super::header::ColumnMap;
use super::idform::{IdForm, IdKeys};
use super::records::Rec;
use super::values::{self, Answer, Number, Role, ValueParser};
use crate::error::Problem;
use std::ops::Range;

/// One record, parsed.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub line: u64,
    /// Input bytes before this record (0: not known).
    pub consumed: u64,
    /// Answered "not finished": excluded before any other check.
    pub unfinished: bool,
    pub role: Role,
    /// Problems found, the next ones in [`Batch::problems`].
    pub n_problems: usize,
    /// The respondent id's fingerprint, when it is not blank.
    pub key: Option<u64>,
    /// The company id (trimmed) in [`Batch::text`].
    pub company: Range<usize>,
    /// The raw respondent id in [`Batch::raw`].
    pub respondent: Range<usize>,
}

/// Parsed rows with their values side by side.
#[derive(Debug, Default)]
pub struct Batch {
    pub rows: Vec<Parsed>,
    /// `n_scale` per row.
    pub answers: Vec<Option<u16>>,
    /// `n_outcomes` per row.
    pub outcomes: Vec<Option<Number>>,
    /// One span of `text` per declared segment per row (empty: no value).
    pub segments: Vec<Range<usize>>,
    pub problems: Vec<Problem>,
    pub text: String,
    pub raw: Vec<u8>,
    /// (line, spans lines) of the last record, for the unbalanced-quote check.
    pub last: Option<(u64, bool)>,
}

impl Batch {
    pub fn clear(&mut self) {
        self.rows.clear();
        self.answers.clear();
        self.outcomes.clear();
        self.segments.clear();
        self.problems.clear();
        self.text.clear();
        self.raw.clear();
    }
}

/// Everything needed to parse records of one file; shared by both threads.
pub struct RowParser<'a> {
    pub map: &'a ColumnMap,
    pub parser: &'a ValueParser,
    /// How respondent ids are keyed: by a hash, and in a split pass, ids
    /// of the file's numbered pattern by their number ([`super::idform`]).
    keys: IdKeys,
}

impl<'a> RowParser<'a> {
    pub fn new(map: &'a ColumnMap, parser: &'a ValueParser) -> RowParser<'a> {
        RowParser {
            map,
            parser,
            keys: IdKeys::default(),
        }
    }

    /// Key ids of `form` by their number, any other id by a hash that is
    /// never a number key: a split pass's keys ([`super::idform`]). Only
    /// for checks that tolerate a key shared by two ids (the hash part can
    /// be), as a split pass does; a one pass's index wants plain hashes.
    pub fn with_id_form(mut self, form: Option<IdForm>) -> RowParser<'a> {
        self.keys = IdKeys::with_form(form);
        self
    }

    /// How this parser keys respondent ids.
    pub fn id_keys(&self) -> &IdKeys {
        &self.keys
    }

    fn problem(&self, out: &mut Batch, line: u64, col: usize, raw: &[u8], message: String) {
        out.problems.push(Problem {
            line,
            column: Some(self.map.names[col].clone()),
            value: Some(values::shorten(raw)),
            message,
            ..Default::default()
        });
    }

    /// The fingerprint of a respondent id (trimmed): its 64-bit hash, or
    /// with an id pattern ([`RowParser::with_id_form`]), its number key if
    /// it has the pattern.
    #[inline]
    pub fn fingerprint(&self, id: &[u8]) -> u64 {
        self.keys.key(id)
    }

    /// The fingerprint a row enters in the duplicate index, if it enters one:
    /// the right length, not unfinished, a respondent id that is not blank.
    pub fn key(&self, rec: &Rec) -> Option<u64> {
        let c = self.map.respondent?;
        if rec.len() != self.map.names.len() {
            return None;
        }
        if let Some(f) = self.map.finished {
            if self.parser.finished(rec.get(f)) == Ok(false) {
                return None;
            }
        }
        let id = rec.get(c).trim_ascii();
        (!id.is_empty()).then(|| self.fingerprint(id))
    }

    /// Parse `rec` onto the end of `out`.
    pub fn parse(&self, rec: &Rec, line: u64, consumed: u64, out: &mut Batch) {
        let map = self.map;
        let problems_before = out.problems.len();
        let n_scale = map.scale.len();
        let n_outcomes = map.outcomes.len();
        let a0 = out.answers.len();
        out.answers.resize(a0 + n_scale, None);
        let o0 = out.outcomes.len();
        out.outcomes.resize(o0 + n_outcomes, None);
        let s0 = out.segments.len();
        out.segments.resize(s0 + map.segments.len(), 0..0);
        let mut row = Parsed {
            line,
            consumed,
            unfinished: false,
            role: Role::None,
            n_problems: 0,
            key: None,
            company: 0..0,
            respondent: 0..0,
        };
        self.parse_cells(rec, &mut row, out, a0, o0);
        if !row.unfinished && rec.len() == map.names.len() {
            self.parse_segments(rec, line, out, s0);
        }
        row.n_problems = out.problems.len() - problems_before;
        out.rows.push(row);
    }

    /// The declared segments' values, as spans of `out.text`.
    fn parse_segments(&self, rec: &Rec, line: u64, out: &mut Batch, s0: usize) {
        for (k, &c) in self.map.segments.iter().enumerate() {
            match self.parser.segment_value(rec.get(c)) {
                Ok(Some(v)) => {
                    let start = out.text.len();
                    out.text.push_str(v);
                    out.segments[s0 + k] = start..out.text.len();
                }
                Ok(None) => {}
                Err(m) => self.problem(out, line, c, rec.get(c), m),
            }
        }
    }

    /// Every cell of one record except the segments, problems in their fixed
    /// order: row length, completion, company, role, answers, outcomes,
    /// respondent id. A row of the wrong length or answered "not finished"
    /// stops after that check.
    fn parse_cells(&self, rec: &Rec, row: &mut Parsed, out: &mut Batch, a0: usize, o0: usize) {
        let map = self.map;
        let line = row.line;
        if rec.len() != map.names.len() {
            self.wrong_length(rec, line, out);
            return;
        }
        if self.is_unfinished(rec, line, out) {
            row.unfinished = true;
            return;
        }
        self.parse_company(rec, row, out);
        if let Some(c) = map.role {
            match self.parser.role(rec.get(c)) {
                Ok(r) => row.role = r,
                Err(m) => self.problem(out, line, c, rec.get(c), m),
            }
        }
        self.parse_answers(rec, line, out, a0);
        self.parse_outcomes(rec, line, out, o0);
        self.parse_respondent(rec, row, out);
    }

    /// The problem of a record whose field count differs from the header's,
    /// with a hint when a quoted field spans lines.
    #[cold]
    fn wrong_length(&self, rec: &Rec, line: u64, out: &mut Batch) {
        let map = self.map;
        out.problems.push(Problem {
            line,
            column: None,
            value: None,
            message: format!(
                "the row has {} field{} but the header has {}{}",
                rec.len(),
                if rec.len() == 1 { "" } else { "s" },
                map.names.len(),
                if rec.spans_lines() {
                    " (a quoted field spans lines: is a closing quote missing?)"
                } else {
                    ""
                }
            ),
            ..Default::default()
        });
    }

    /// Whether the completion column says "not finished"; an unreadable
    /// completion value is a problem, and the row is then read as finished.
    #[inline]
    fn is_unfinished(&self, rec: &Rec, line: u64, out: &mut Batch) -> bool {
        let Some(f) = self.map.finished else {
            return false;
        };
        match self.parser.finished(rec.get(f)) {
            Ok(true) => false,
            Ok(false) => true,
            Err(m) => {
                self.problem(out, line, f, rec.get(f), m);
                false
            }
        }
    }

    /// The company id, trimmed and canonicalised, as a span of `out.text`;
    /// a blank or non-UTF-8 id is a problem.
    #[inline]
    fn parse_company(&self, rec: &Rec, row: &mut Parsed, out: &mut Batch) {
        let map = self.map;
        let line = row.line;
        let company_raw = rec.get(map.company);
        match std::str::from_utf8(company_raw) {
            Ok(s) => {
                // Most ids need no trimming: printable ASCII at both ends.
                let plain = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_graphic());
                let t = if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
                    s
                } else {
                    s.trim()
                };
                if t.is_empty() {
                    self.problem(
                        out,
                        line,
                        map.company,
                        company_raw,
                        "is blank; every row needs a company id".into(),
                    );
                } else {
                    let t = self.parser.company(t);
                    let start = out.text.len();
                    out.text.push_str(t);
                    row.company = start..out.text.len();
                }
            }
            Err(_) => self.problem(
                out,
                line,
                map.company,
                company_raw,
                super::values::NOT_UTF8.into(),
            ),
        }
    }

    /// The scale answers into `out.answers[a0..]`; an invalid answer is a
    /// problem and counts as missing.
    #[inline]
    fn parse_answers(&self, rec: &Rec, line: u64, out: &mut Batch, a0: usize) {
        for (k, &c) in self.map.scale.iter().enumerate() {
            out.answers[a0 + k] = match self.parser.answer(rec.get(c)) {
                Answer::Point(p) => Some(p),
                Answer::Missing => None,
                Answer::Invalid(m) => {
                    self.problem(out, line, c, rec.get(c), m);
                    None
                }
            };
        }
    }

    /// The outcome numbers into `out.outcomes[o0..]`; an unreadable number
    /// is a problem and counts as missing.
    #[inline]
    fn parse_outcomes(&self, rec: &Rec, line: u64, out: &mut Batch, o0: usize) {
        for (k, col) in self.map.outcomes.iter().enumerate() {
            if let Some(c) = *col {
                out.outcomes[o0 + k] = match self.parser.outcome_number(rec.get(c)) {
                    Ok(v) => v,
                    Err(m) => {
                        self.problem(out, line, c, rec.get(c), m);
                        None
                    }
                };
            }
        }
    }

    /// The respondent id's fingerprint and raw bytes (a span of `out.raw`);
    /// a blank id is a problem.
    #[inline]
    fn parse_respondent(&self, rec: &Rec, row: &mut Parsed, out: &mut Batch) {
        let Some(c) = self.map.respondent else {
            return;
        };
        let raw = rec.get(c);
        if raw.trim_ascii().is_empty() {
            self.problem(
                out,
                row.line,
                c,
                raw,
                "is blank; every row needs a respondent id".into(),
            );
        } else {
            row.key = Some(self.fingerprint(raw.trim_ascii()));
            let start = out.raw.len();
            out.raw.extend_from_slice(raw);
            row.respondent = start..out.raw.len();
        }
    }
}
