//! Taking parsed rows in file order: the duplicate-respondent check, the
//! row accounting (`rows_read = rows_scored + rows_excluded`), problems or
//! exclusions for invalid rows, and valid rows handed to the [`RowSink`].

use super::row::{Batch, RowParser};
use super::seen::{Found, Seen};
use super::{
    sniff, values, Exclusion, ExclusionReason, IngestOptions, InputReport, Row, RowSink,
    SegmentCells,
};
use crate::error::{Problem, ProblemGroups, PROBLEMS_SHOWN};
use std::path::PathBuf;

/// Per-pass state: the duplicate index and the accounting.
pub struct RowState<'a> {
    rows: &'a RowParser<'a>,
    opts: IngestOptions,
    row_problems: Vec<Problem>,
    /// Fingerprints of the respondent ids used so far.
    seen: Seen,
    /// The input's path and length, when it can be read again.
    source: Option<(PathBuf, u64)>,
    pub report: InputReport,
    /// The problems found, the same ones grouped.
    pub problems: ProblemGroups,
    pub rows_invalid: u64,
}

impl<'a> RowState<'a> {
    pub fn new(
        rows: &'a RowParser<'a>,
        opts: IngestOptions,
        file: String,
        source: Option<(PathBuf, u64)>,
    ) -> RowState<'a> {
        RowState {
            rows,
            opts,
            row_problems: Vec::new(),
            seen: Seen::new(source.is_none()),
            source,
            report: InputReport {
                file,
                rows_read: 0,
                rows_scored: 0,
                rows_excluded: 0,
                exclusions: Vec::new(),
                header_rows: 1,
                delimiter: ",".into(),
                qualtrics: false,
                dialect: "csv".into(),
                bom: false,
                encoding: super::encoding::Encoding::Utf8.name().to_string(),
            },
            problems: ProblemGroups::new(if opts.keep_all_problems {
                usize::MAX
            } else {
                PROBLEMS_SHOWN
            }),
            rows_invalid: 0,
        }
    }

    fn exclude(&mut self, line: u64, reason: ExclusionReason) {
        self.report.rows_excluded += 1;
        self.report.exclusions.push(Exclusion { line, reason });
    }

    /// Take every row of `batch`, in order.
    pub fn take(&mut self, batch: &mut Batch, sink: &mut dyn RowSink) {
        let n_scale = self.rows.map.scale.len();
        let n_outcomes = self.rows.map.outcomes.len();
        let n_segments = self.rows.map.segments.len();
        let mut problems = batch.problems.drain(..);
        for (i, row) in batch.rows.iter().enumerate() {
            let line = row.line;
            self.report.rows_read += 1;
            self.row_problems.clear();
            self.row_problems
                .extend(problems.by_ref().take(row.n_problems));
            if row.unfinished {
                self.exclude(line, ExclusionReason::Unfinished);
                continue;
            }
            if let Some(h) = row.key {
                // Checked whatever else is wrong with the row, so that
                // `validate` lists every duplicate.
                let total = self.source.as_ref().map_or(0, |s| s.1 as u128);
                let (n, consumed) = (self.seen.len() as u128, row.consumed as u128);
                // Ids the whole input should bring, judged from the bytes so far.
                let expect = || (consumed > 0).then(|| (n * total / consumed) as usize);
                if let Found::Duplicate(first) = self.seen.insert(h, line, expect) {
                    let first = first.unwrap_or_else(|| self.recover_lines(h, line));
                    let c = self.rows.map.respondent.expect("a key needs the column");
                    self.row_problems.push(Problem {
                        line,
                        column: Some(self.rows.map.names[c].clone()),
                        value: Some(values::shorten(&batch.raw[row.respondent.clone()])),
                        message: format!(
                            "is a duplicate respondent id: it was already used on line {first}"
                        ),
                        ..Default::default()
                    });
                }
            }
            if !self.row_problems.is_empty() {
                self.finish_invalid(line);
                continue;
            }
            let parsed = Row {
                line,
                order: line,
                company: &batch.text[row.company.clone()],
                role: row.role,
                answers: &batch.answers[i * n_scale..(i + 1) * n_scale],
                outcomes: &batch.outcomes[i * n_outcomes..(i + 1) * n_outcomes],
                segments: SegmentCells::new(
                    batch.text.as_bytes(),
                    &batch.segments[i * n_segments..(i + 1) * n_segments],
                ),
            };
            match sink.add(&parsed) {
                Ok(()) => self.report.rows_scored += 1,
                Err(reason) => self.exclude(line, reason),
            }
        }
    }

    /// Read the file again up to `until` (the row of the first duplicate)
    /// so that the index knows the first line of every id; returns `h`'s.
    fn recover_lines(&mut self, h: u64, until: u64) -> u64 {
        self.seen.start_lines();
        let again = self
            .source
            .as_ref()
            .and_then(|s| sniff::open(&s.0, false).ok());
        if let Some(opened) = again {
            let mut rdr = super::records(opened, false);
            let mut header = self.report.header_rows;
            while let Ok(Some((rec, line))) = rdr.next_record() {
                if header > 0 {
                    header -= 1;
                    continue;
                }
                if line >= until {
                    break;
                }
                if let Some(k) = self.rows.key(&rec) {
                    self.seen.note_first(k, line);
                }
            }
        }
        self.seen.first_line(h)
    }

    fn finish_invalid(&mut self, line: u64) {
        if self.opts.skip_invalid {
            let reason = ExclusionReason::invalid(&self.row_problems);
            return self.exclude(line, reason);
        }
        for p in self.row_problems.drain(..) {
            self.problems.push(p);
        }
        self.rows_invalid += 1;
    }
}
