//! The quick path for the common row of a line that is a whole record:
//! every field read in one left-to-right sweep, without first splitting
//! the line, with only the common kinds of cell accepted (a company id with
//! printable ASCII at both ends once spaces are trimmed, one-digit or blank
//! answers, plain numbers, a known role, a respondent id; the rarer answers,
//! such as `NA` or a label, through the full reader's own answer reader).
//! A cell may be in quotes, as long as it is simply a value in quotes (no
//! `""` in it, nothing after the closing quote). Anything else makes it
//! decline, and the full parser ([`super::row::RowParser::parse`]) reads
//! the line instead and says what is wrong, if anything. What the quick
//! path reads is what the full parser would: it calls the same cell
//! readers on the same bytes, and reads quotes as the `csv` crate does.

use super::row::RowParser;
use super::values::{Answer, Number, Role};
use std::ops::Range;

/// What a column of the file is, for the sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Scale answer `k` (items, perception, statements): read in runs.
    Answer(usize),
    Other(Field),
}

/// A column read one field at a time.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Skip,
    Company,
    Role,
    Respondent,
    Finished,
    /// Outcome `k`.
    Outcome(usize),
    /// Declared segment `k`.
    Segment(usize),
}

/// A row read on the quick path.
#[derive(Debug, Default)]
pub struct Quick {
    /// Answered "not finished" (nothing else is needed then).
    pub unfinished: bool,
    pub role: Role,
    /// The respondent id's fingerprint, when the file has the column.
    pub key: Option<u64>,
    /// The company id, within the line.
    pub company: Range<usize>,
    /// `n_scale` answers.
    pub answers: Vec<Option<u16>>,
    /// `n_outcomes` values.
    pub outcomes: Vec<Option<Number>>,
    /// One per declared segment: its value within the line (empty: none).
    pub segments: Vec<Range<usize>>,
}

/// Consecutive columns read the same way.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    One(Field),
    /// A run of answer columns: their scale indexes.
    Answers(Vec<usize>),
}

/// Is `id` UTF-8 text that `str::trim` leaves whole (nothing Unicode
/// calls white space at either end)?
#[cold]
fn untrimmed_text(id: &[u8]) -> bool {
    std::str::from_utf8(id).is_ok_and(|s| s.trim().len() == s.len())
}

/// The first `d` in `bytes` (see [`nth_byte`]).
#[inline]
fn find(bytes: &[u8], d: u8) -> Option<usize> {
    nth_byte(bytes, d, 0)
}

/// Where the `n`th `d` (from 0) in `bytes` is: eight bytes at a time (most
/// fields are shorter), a zero byte of `word ^ d…d` marking each, so that
/// the delimiters before a cell far into a line (a company column after
/// the answers, as a survey tool appends embedded data) are passed a word
/// at a time rather than searched for one by one.
#[inline]
pub(crate) fn nth_byte(bytes: &[u8], d: u8, mut n: usize) -> Option<usize> {
    const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let pattern = u64::from_ne_bytes([d; 8]);
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let word = u64::from_le_bytes(w) ^ pattern;
        // The high bit of each byte equal to `d`, exactly (no carry
        // between bytes); the first `n` passed.
        let mut hits = !(((word & LO7) + LO7) | word | LO7);
        while n > 0 && hits != 0 {
            hits &= hits - 1;
            n -= 1;
        }
        if hits != 0 {
            return Some(at + hits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    let rest = bytes[at..].iter().enumerate().filter(|&(_, &b)| b == d);
    rest.map(|(i, _)| at + i).nth(n)
}

/// In [`QuickParser::digits`]: a byte that is not a one-digit answer.
const NOT_ANSWER: u16 = u16::MAX;

/// The quick reader of one file's lines.
pub struct QuickParser<'a> {
    rows: &'a RowParser<'a>,
    delimiter: u8,
    /// By byte: the scale offset of that one-digit answer, or
    /// [`NOT_ANSWER`] (the same reading as [`super::values::ValueParser::digit_answer`]).
    digits: [u16; 256],
    /// A blank answer: missing, or `None` when blank is not missing.
    blank: Option<Option<u16>>,
    /// The columns in file order, runs of answers together; `None` when a
    /// column has two uses (then every line goes to the full parser).
    segments: Option<Vec<Segment>>,
}

impl<'a> QuickParser<'a> {
    pub fn new(rows: &'a RowParser<'a>, delimiter: u8) -> QuickParser<'a> {
        let map = rows.map;
        let skip = Kind::Other(Field::Skip);
        let mut kinds = vec![skip; map.names.len()];
        let mut twice = false;
        let mut set = |c: usize, k: Kind| {
            twice |= kinds[c] != skip;
            kinds[c] = k;
        };
        set(map.company, Kind::Other(Field::Company));
        if let Some(c) = map.role {
            set(c, Kind::Other(Field::Role));
        }
        if let Some(c) = map.respondent {
            set(c, Kind::Other(Field::Respondent));
        }
        if let Some(c) = map.finished {
            set(c, Kind::Other(Field::Finished));
        }
        for (k, &c) in map.scale.iter().enumerate() {
            set(c, Kind::Answer(k));
        }
        for (k, c) in map.outcomes.iter().enumerate() {
            if let Some(c) = *c {
                set(c, Kind::Other(Field::Outcome(k)));
            }
        }
        for (k, &c) in map.segments.iter().enumerate() {
            set(c, Kind::Other(Field::Segment(k)));
        }
        let mut segments: Vec<Segment> = Vec::new();
        for kind in kinds {
            match (kind, segments.last_mut()) {
                (Kind::Answer(k), Some(Segment::Answers(ks))) => ks.push(k),
                (Kind::Answer(k), _) => segments.push(Segment::Answers(vec![k])),
                (Kind::Other(field), _) => segments.push(Segment::One(field)),
            }
        }
        let parser = rows.parser;
        let digits = std::array::from_fn(|b| match parser.digit_answer(b as u8) {
            Some(Some(p)) => p,
            _ => NOT_ANSWER,
        });
        QuickParser {
            rows,
            delimiter,
            digits,
            blank: parser.blank_answer(),
            segments: (!twice).then_some(segments),
        }
    }

    /// A fresh row with room for this file's values.
    pub fn row(&self) -> Quick {
        Quick {
            answers: vec![None; self.rows.map.scale.len()],
            outcomes: vec![None; self.rows.map.outcomes.len()],
            segments: vec![0..0; self.rows.map.segments.len()],
            ..Quick::default()
        }
    }

    /// Read `line` (no quotes, no line terminator) into `q`, made by
    /// [`Self::row`]; `false`, with `q` in any state, when the line is not
    /// of the common kind.
    #[inline]
    pub fn parse(&self, line: &[u8], q: &mut Quick) -> bool {
        let Some(segments) = &self.segments else {
            return false;
        };
        let d = self.delimiter;
        let len = line.len();
        q.unfinished = false;
        q.key = None;
        q.role = Role::None;
        // Start of the next field; `len + 1` once the last one is read.
        let mut p = 0usize;
        for segment in segments {
            match segment {
                Segment::Answers(ks) => {
                    for &k in ks {
                        // Each answer is blank or one character.
                        let rest = line.get(p..).unwrap_or_default();
                        let digit = |c: u8| {
                            (self.digits[c as usize] != NOT_ANSWER)
                                .then(|| Some(self.digits[c as usize]))
                        };
                        let (a, step) = match rest {
                            [x, ..] if *x == d => (self.blank, 1),
                            [c, x, ..] if *x == d => (digit(*c), 2),
                            [c] => (digit(*c), 2),
                            [] if p == len => (self.blank, 1),
                            [b'"', c, b'"', x, ..] if *x == d => (digit(*c), 4),
                            [b'"', c, b'"'] => (digit(*c), 4),
                            // A digit written as a decimal (`3.0`).
                            [c, b'.', b'0', x, ..] if *x == d => (digit(*c), 4),
                            [c, b'.', b'0'] => (digit(*c), 4),
                            _ => (None, 0),
                        };
                        match a {
                            Some(a) => {
                                q.answers[k] = a;
                                p += step;
                            }
                            // Quoted, longer than a character, or not
                            // a digit: read the long way.
                            None => match self.answer(line, p) {
                                Some((a, next)) => {
                                    q.answers[k] = a;
                                    p = next;
                                }
                                None => return false,
                            },
                        }
                    }
                }
                Segment::One(kind) => {
                    let Some((at, next)) = self.cell(line, p) else {
                        return false;
                    };
                    p = next;
                    if !self.one(*kind, &line[at.clone()], at, q) {
                        return false;
                    }
                }
            }
        }
        // Exactly as many fields as columns.
        p == len + 1
    }

    /// The cell starting at `p`: where its value is in `line`, and where
    /// the next cell starts (`line.len() + 1` after the last); `None` past
    /// the end of the line, or for a quoted cell that is not simply a
    /// value in quotes followed by a delimiter or the line end (a `""`
    /// in it, or text after it: the full reader reads those).
    #[inline]
    fn cell(&self, line: &[u8], p: usize) -> Option<(Range<usize>, usize)> {
        let d = self.delimiter;
        let rest = line.get(p..)?;
        if rest.first() != Some(&b'"') {
            let end = find(rest, d).map_or(line.len(), |e| p + e);
            return Some((p..end, end + 1));
        }
        let close = p + 1 + memchr::memchr(b'"', &rest[1..])?;
        match line.get(close + 1) {
            None => Some((p + 1..close, close + 2)),
            Some(&x) if x == d => Some((p + 1..close, close + 2)),
            Some(_) => None,
        }
    }

    /// An answer that is not a bare digit or blank (quoted, a missing-value
    /// token, a label), read by the full reader's own cell reader: the
    /// answer and where the next cell starts; `None` when it is not a valid
    /// answer (the full reader says why).
    #[cold]
    #[inline(never)]
    fn answer(&self, line: &[u8], p: usize) -> Option<(Option<u16>, usize)> {
        let (at, next) = self.cell(line, p)?;
        match self.rows.parser.answer(&line[at]) {
            Answer::Point(a) => Some((Some(a), next)),
            Answer::Missing => Some((None, next)),
            Answer::Invalid(_) => None,
        }
    }

    /// Read one field that is not an answer.
    #[inline]
    fn one(&self, kind: Field, field: &[u8], at: Range<usize>, q: &mut Quick) -> bool {
        let parser = self.rows.parser;
        match kind {
            Field::Skip => {}
            Field::Outcome(k) => match parser.outcome_number(field) {
                Ok(v) => q.outcomes[k] = v,
                Err(_) => return false,
            },
            Field::Company => {
                // Spaces around it trimmed, as the full reader trims them:
                // printable ASCII left at both ends needs no other trimming;
                // an id that starts or ends with another character (`Ørsted`,
                // a name in another script) is taken when `str::trim`, the
                // full reader's trimming, leaves it whole.
                let id = field.trim_ascii();
                let plain = match id {
                    [first, .., last] | [first @ last] => {
                        first.is_ascii_graphic() && last.is_ascii_graphic()
                    }
                    [] => return false,
                };
                if !plain && !untrimmed_text(id) {
                    return false;
                }
                let from = at.start + (id.as_ptr() as usize - field.as_ptr() as usize);
                q.company = from..from + id.len();
            }
            Field::Role => match parser.role(field) {
                Ok(r) => q.role = r,
                Err(_) => return false,
            },
            Field::Respondent => {
                let id = field.trim_ascii();
                if id.is_empty() {
                    return false;
                }
                q.key = Some(self.rows.fingerprint(id));
            }
            Field::Finished => match parser.finished(field) {
                Ok(done) => q.unfinished = !done,
                Err(_) => return false,
            },
            Field::Segment(k) => match parser.segment_value(field) {
                Ok(Some(v)) => {
                    // A subslice of `field`: its place in the line.
                    let from = at.start + (v.as_ptr() as usize - field.as_ptr() as usize);
                    q.segments[k] = from..from + v.len();
                }
                Ok(None) => q.segments[k] = 0..0,
                Err(_) => return false,
            },
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::header::{map_columns, Dialect};
    use crate::ingest::records::Rec;
    use crate::ingest::row::Batch;
    use crate::ingest::values::ValueParser;
    use crate::instrument::Instrument;
    use Outcomes::{Absent, First, Last};

    /// Where a test header has the outcome columns.
    enum Outcomes {
        First,
        Last,
        Absent,
    }

    /// A header of `lead`, the scale columns with the outcome columns
    /// before or after them (or none), then `tail`, mapped for `inst`; and
    /// `inst`'s cell readers.
    fn header(
        inst: &Instrument,
        lead: &[&str],
        outcomes: Outcomes,
        tail: &[&str],
    ) -> (crate::ingest::header::ColumnMap, ValueParser) {
        let outcome_columns = inst.outcomes.iter().map(|o| o.column.clone());
        let mut names: Vec<String> = lead.iter().map(|n| n.to_string()).collect();
        if let First = outcomes {
            names.extend(outcome_columns.clone());
        }
        names.extend(inst.items.iter().map(|i| i.column.clone()));
        names.extend(inst.perception.iter().map(|i| i.column.clone()));
        names.extend(inst.statements.iter().map(|i| i.column.clone()));
        if let Last = outcomes {
            names.extend(outcome_columns);
        }
        names.extend(tail.iter().map(|n| n.to_string()));
        let map = map_columns(names, inst, Dialect::Plain).unwrap();
        (map, ValueParser::new(inst))
    }

    /// Every line the quick path takes, it reads as the full parser does;
    /// every line it declines, the full parser has a reason for, or it is
    /// of an uncommon kind.
    #[test]
    fn answers_may_end_the_line() {
        let inst = Instrument::default_instrument();
        let (map, parser) = header(&inst, &["respondent_id", "company_id", "role"], First, &[]);
        let rows = RowParser::new(&map, &parser);
        let quick = QuickParser::new(&rows, b',');
        let head = format!("R1,C1,sales{}", ",1".repeat(inst.outcomes.len()));
        let n = map.scale.len();
        let answers = |last: &str| format!("{}{last}", "2,".repeat(n - 1));
        let mut q = quick.row();
        for (tail, taken, want) in [
            (answers("3"), true, Some(2)),
            (answers(""), true, None),
            (format!("{},", answers("3")), false, None),
            (answers("33"), false, None),
            ("2,".repeat(n - 2) + "2", false, None),
        ] {
            let text = format!("{head},{tail}");
            assert_eq!(quick.parse(text.as_bytes(), &mut q), taken, "{text}");
            if taken {
                assert_eq!(q.answers[n - 1], want, "{text}");
                assert_eq!(q.answers[0], Some(1));
            }
        }
    }

    #[test]
    fn finds_the_first_delimiter() {
        for text in [
            "",
            ",",
            "a,",
            "abcdefgh,",
            "abcdefghijklmnop,q",
            "abcdefghijk",
            ",,,",
        ] {
            let want = text.bytes().position(|b| b == b',');
            assert_eq!(find(text.as_bytes(), b','), want, "{text:?}");
        }
        assert_eq!(find(b"12345678\xfc;x", b';'), Some(9));
    }

    /// The `n`th delimiter is where a plain search finds it, for every
    /// `n`, in lines of every length up to three words and a half, bytes
    /// next to the delimiter's included (no carry between bytes).
    #[test]
    fn nth_byte_is_where_a_search_finds_it() {
        let bytes = [b',', b';', b'+', b'-', 0x80, 0xac, 0];
        let mut state = 7u64;
        for len in 0..=28 {
            for _ in 0..60 {
                let line: Vec<u8> = (0..len)
                    .map(|_| {
                        state = state
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        bytes[(state >> 33) as usize % bytes.len()]
                    })
                    .collect();
                for d in [b',', b';', 0x80] {
                    let want: Vec<usize> = (0..len).filter(|&i| line[i] == d).collect();
                    for n in 0..=want.len() {
                        assert_eq!(nth_byte(&line, d, n), want.get(n).copied(), "{line:?} {n}");
                    }
                }
            }
        }
    }

    #[test]
    fn quick_rows_equal_full_rows() {
        let mut inst = Instrument::default_instrument();
        inst.columns.finished = Some("done".into());
        let lead = ["respondent_id", "x", "company_id", "role"];
        let (map, parser) = header(&inst, &lead, Last, &["done"]);
        let rows = RowParser::new(&map, &parser);
        let quick = QuickParser::new(&rows, b',');
        let n_scale = map.scale.len();
        let line = |answer: &str, outcome: &str, company: &str, done: &str| {
            let mut cells = vec!["R1".to_string(), "?".into(), company.into(), "sales".into()];
            cells.extend((0..n_scale).map(|k| if k == 3 { answer.into() } else { "4".into() }));
            cells.extend((0..inst.outcomes.len()).map(|_| outcome.to_string()));
            cells.push(done.into());
            cells.join(",")
        };
        let cases = [
            (line("3", "12.5", "C1", "1"), true),
            (line("", "-1.3", "C 1", "yes"), true),
            (line("", "-1.3", "C-ü-1", "yes"), true),
            (line("", "-1.3", "Ü1", "yes"), true),
            (line("", "-1.3", " Ørsted A/S Å ", "yes"), true),
            (line("", "-1.3", "株式会社 東京", "yes"), true),
            (line("", "-1.3", "C1\u{200b}", "yes"), true),
            (line("", "-1.3", "Ü1\u{2003}", "yes"), false),
            (line("", "", "C", "1"), true),
            (line("3", "12.5", "C1", "0"), true),
            (line("9", "12.5", "C1", "1"), false),
            (line("10", "12.5", "C1", "1"), false),
            (line("3", "NA", "C1", "1"), true),
            (line("3", "n/a?", "C1", "1"), false),
            (line("3", "12.5", " C1", "1"), true),
            (line("3", "12.5", "\t C1  ", "1"), true),
            (line("3", "12.5", "\u{b}C1", "1"), false),
            (line("3", "12.5", " \u{3000}C1", "1"), false),
            (line("3", "12.5", "C1\u{a0} ", "1"), false),
            (line("3", "12.5", "  ", "1"), false),
            (line("3", "12.5", "", "1"), false),
            (line("3", "12.5", "C1", "maybe"), false),
            (format!("{},", line("3", "1", "C1", "1")), false),
            (line("3", "1", "C1", "1").replacen(",?", "", 1), false),
        ];
        for (text, taken) in cases {
            let bytes = text.as_bytes();
            let mut q = quick.row();
            assert_eq!(quick.parse(bytes, &mut q), taken, "{text}");
            if !taken {
                continue;
            }
            let mut starts = vec![0u32];
            crate::ingest::records::split_fields(bytes, b',', &mut starts);
            starts.push(bytes.len() as u32 + 1);
            let mut b = Batch::default();
            rows.parse(
                &Rec::Plain {
                    bytes,
                    starts: &starts,
                },
                2,
                0,
                &mut b,
            );
            let r = &b.rows[0];
            assert_eq!(r.n_problems, 0, "{text}");
            assert_eq!(q.unfinished, r.unfinished, "{text}");
            if r.unfinished {
                continue;
            }
            assert_eq!(&text[q.company.clone()], &b.text[r.company.clone()]);
            assert_eq!(q.role, r.role);
            assert_eq!(q.key, r.key);
            assert_eq!(q.answers, b.answers);
            assert_eq!(q.outcomes, b.outcomes);
        }
    }

    /// Quoted cells and answers read the long way (`NA`, a quoted digit, a
    /// label): what the quick path takes, it reads as the full parser reads
    /// the `csv` crate's record of the line; what it declines has a `""`
    /// or text after a closing quote, or is not valid.
    #[test]
    fn quoted_cells_read_as_the_csv_crate_reads_them() {
        let inst = Instrument::default_instrument();
        let (map, parser) = header(&inst, &["respondent_id", "company_id", "role"], Last, &[]);
        let rows = RowParser::new(&map, &parser);
        let quick = QuickParser::new(&rows, b',');
        let n_scale = map.scale.len();
        let n_out = inst.outcomes.len();
        // (id, company, role, the fourth answer, the last answer, outcome)
        let line = |cells: [&str; 6]| {
            let [id, company, role, fourth, last, outcome] = cells;
            let mut out = vec![id.to_string(), company.into(), role.into()];
            out.extend((0..n_scale).map(|k| match k {
                3 => fourth.to_string(),
                k if k == n_scale - 1 => last.to_string(),
                _ => "4".into(),
            }));
            out.extend((0..n_out).map(|_| outcome.to_string()));
            out.join(",")
        };
        let cases = [
            (["\"R1\"", "\"C1\"", "\"sales\"", "3", "2", "12.5"], true),
            (
                ["R1", "\"C, Inc.\"", "marketing", "\"3\"", "\"\"", "\"-1\""],
                true,
            ),
            (["R1", "C1", "sales", "NA", "NA", "NA"], true),
            (["R1", "C1", "sales", "\"NA\"", " 3 ", "1"], true),
            (["R1", "C\"1", "sales", "3", "3", "1"], true),
            (["R1", "C1", "sales", "Agree", "3", "1"], true),
            (["R1", "\"C \"\"1\"\"\"", "sales", "3", "3", "1"], false),
            (["R1", "\"C\"1", "sales", "3", "3", "1"], false),
            (["R1", "C1", "sales", "\"3\"x", "3", "1"], false),
            (["R1", "C1", "sales", "9", "3", "1"], false),
            (["R1", "C1", "sales", "\"9\"", "3", "1"], false),
            (["R1", "C1", "sales", "3", "\"3", "1"], false),
        ];
        for (cells, taken) in cases {
            let text = line(cells);
            let bytes = text.as_bytes();
            let mut q = quick.row();
            assert_eq!(quick.parse(bytes, &mut q), taken, "{text}");
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes);
            let mut rec = csv::ByteRecord::new();
            assert!(rdr.read_byte_record(&mut rec).unwrap(), "{text}");
            let mut b = Batch::default();
            rows.parse(&Rec::Csv(&rec), 2, 0, &mut b);
            let r = &b.rows[0];
            if !taken {
                continue;
            }
            assert_eq!(r.n_problems, 0, "{text}");
            assert_eq!(&text[q.company.clone()], &b.text[r.company.clone()]);
            assert_eq!(q.role, r.role, "{text}");
            assert_eq!(q.key, r.key, "{text}");
            assert_eq!(q.answers, b.answers, "{text}");
            assert_eq!(q.outcomes, b.outcomes, "{text}");
        }
    }

    #[test]
    fn quick_segment_values_equal_full_ones() {
        use crate::ingest::SegmentCells;
        let mut inst = Instrument::default_instrument();
        inst.segments = vec![crate::instrument::Segment {
            id: "industry".into(),
            column: "Industry".into(),
        }];
        inst.columns.role = None;
        let lead = ["respondent_id", "company_id", "Industry"];
        let (map, parser) = header(&inst, &lead, Absent, &[]);
        let rows = RowParser::new(&map, &parser);
        let quick = QuickParser::new(&rows, b',');
        let answers = ",4".repeat(map.scale.len());
        for (cell, want) in [
            (&b"Retail"[..], Some("Retail")),
            (b"  Big Bank ", Some("Big Bank")),
            (b"", None),
            (b" ", None),
            (b"n/a", None),
            (b"-99", None),
            (b"\xc3\x9cber", Some("\u{dc}ber")),
        ] {
            let mut bytes = b"R1,C1,".to_vec();
            bytes.extend_from_slice(cell);
            bytes.extend_from_slice(answers.as_bytes());
            let mut q = quick.row();
            assert!(quick.parse(&bytes, &mut q), "{cell:?}");
            let mut starts = vec![0u32];
            crate::ingest::records::split_fields(&bytes, b',', &mut starts);
            starts.push(bytes.len() as u32 + 1);
            let mut b = Batch::default();
            let rec = Rec::Plain {
                bytes: &bytes,
                starts: &starts,
            };
            rows.parse(&rec, 2, 0, &mut b);
            assert_eq!(b.rows[0].n_problems, 0, "{cell:?}");
            let fast = SegmentCells::new(&bytes, &q.segments);
            let full = SegmentCells::new(b.text.as_bytes(), &b.segments);
            assert_eq!(fast.get(0), want, "{cell:?}");
            assert_eq!(full.get(0), want, "{cell:?}");
        }
        // Not UTF-8: declined, and a problem of the row for the full parser.
        let mut bytes = b"R1,C1,\xff".to_vec();
        bytes.extend_from_slice(answers.as_bytes());
        assert!(!quick.parse(&bytes, &mut quick.row()));
    }
}
