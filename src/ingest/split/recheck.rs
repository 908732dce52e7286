//! Reading a split pass's respondent ids again when some of their hash
//! keys came twice (module `ids` keeps 4 bytes of a hash and its bucket,
//! so two different ids now and then share a key): are two ids filed under
//! one of those keys the same id?
//!
//! The data rows are read once more from the start, one line at a time
//! (a split pass has already found each line a whole record; a field ends
//! at the next delimiter, or, in a line with quotes, where the `csv`
//! crate's reader ends it: module `quoted`). Each row's id is keyed
//! as the pass keyed it; the ids under a suspect key are kept, whole, and
//! compared. The answer is "no id comes twice" only when everything read
//! agrees with the pass: as many rows, and every suspect key met at least
//! twice. Anything else (the file changed, cannot be read, or a key is
//! not found again) answers "an id may come twice", and the file is read in
//! one pass, which finds out exactly.

use super::ids::Suspects;
use super::quoted::QuotedLine;
use super::PartText;
use crate::ingest::idform::IdKeys;
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::Path;

/// Where and how a split pass read the respondent ids.
#[derive(Debug, Clone)]
pub(super) struct IdColumn {
    /// Where the data rows start, and the file's length when the pass began.
    pub data: std::ops::Range<u64>,
    /// The respondent id column.
    pub column: usize,
    pub delimiter: u8,
    /// How the pass keyed each id.
    pub keys: IdKeys,
    /// How the pass decoded the lines (a Windows-1252 line is decoded
    /// before its id is read, as the pass read it; a UTF-16 file is not
    /// read again: an id that may come twice sends it to one pass).
    pub text: PartText,
    /// Records may span lines: read in one pass instead when an id may
    /// come twice (the lines read again here are whole records).
    pub spanning: bool,
    /// Threads to read with.
    pub threads: usize,
}

/// Could an id filed under one of `suspects` come twice among the data rows
/// of `path`, of which the pass read `rows`? `false` only when it surely
/// does not (see the module docs). The rows are read in as many ranges as
/// there are threads, a line belonging to the range its first byte falls in.
pub(super) fn may_repeat(path: &Path, ids: &IdColumn, suspects: &Suspects, rows: u64) -> bool {
    if matches!(ids.text, PartText::Utf16 { .. }) || ids.spanning {
        return true;
    }
    let (start, len) = (ids.data.start, ids.data.end);
    let threads = ids.threads.max(1) as u64;
    let step = (len.saturating_sub(start) / threads).max(1);
    let ranges: Vec<(u64, u64)> = (0..threads)
        .map(|t| {
            (
                start + t * step,
                if t + 1 == threads {
                    len
                } else {
                    start + (t + 1) * step
                },
            )
        })
        .filter(|(a, b)| a < b)
        .collect();
    let read_one = |(a, b): (u64, u64)| read_range(path, ids, suspects, a, b, start);
    // A range whose thread cannot start is read on this one.
    let read: Option<Vec<Found>> = std::thread::scope(|scope| {
        let handles: Vec<_> = ranges
            .iter()
            .map(|&r| {
                let started = std::thread::Builder::new().spawn_scoped(scope, move || read_one(r));
                (r, started)
            })
            .collect();
        handles
            .into_iter()
            .map(|(r, started)| match started {
                Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                Err(_) => read_one(r),
            })
            .collect()
    });
    let Some(read) = read else {
        return true;
    };
    let mut met = vec![0u32; suspects.len()];
    let mut seen: HashSet<&[u8]> = HashSet::new();
    let mut count = 0u64;
    for found in &read {
        count += found.rows;
        for (s, id) in &found.ids {
            met[*s] += 1;
            if !seen.insert(id) {
                return true;
            }
        }
    }
    count != rows || met.iter().any(|&m| m < 2)
}

/// What a range of the data rows holds: its rows, and the ids filed under
/// a suspect key (with the key's index).
struct Found {
    rows: u64,
    ids: Vec<(usize, Vec<u8>)>,
}

/// The rows starting in `from..to` (data from `data_start`); `None` when
/// the file cannot be read.
fn read_range(
    path: &Path,
    ids: &IdColumn,
    suspects: &Suspects,
    from: u64,
    to: u64,
    data_start: u64,
) -> Option<Found> {
    let mut file = File::open(path).ok()?;
    // From the byte before the range, to find the first line starting in it.
    let at = if from == data_start { from } else { from - 1 };
    file.seek(SeekFrom::Start(at)).ok()?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut pos = at;
    let mut line = Vec::new();
    if at < from {
        pos += reader.read_until(b'\n', &mut line).ok()? as u64;
    }
    let mut found = Found {
        rows: 0,
        ids: Vec::new(),
    };
    let mut quoted = QuotedLine::new(ids.delimiter);
    while pos < to {
        line.clear();
        let n = reader.read_until(b'\n', &mut line).ok()?;
        if n == 0 {
            break;
        }
        pos += n as u64;
        let text;
        let mut bytes = line.as_slice();
        if ids.text == PartText::Windows1252 {
            text = encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(&line)
                .0;
            bytes = text.as_bytes();
        }
        if let [rest @ .., b'\n'] = bytes {
            bytes = rest;
        }
        if let [rest @ .., b'\r'] = bytes {
            bytes = rest;
        }
        if bytes.is_empty() {
            continue;
        }
        found.rows += 1;
        let cell = if memchr::memchr(b'"', bytes).is_none() {
            field(bytes, ids.column, ids.delimiter)
        } else if quoted.read(bytes) {
            quoted.record.get(ids.column)
        } else {
            return None;
        };
        let Some(id) = cell.map(<[u8]>::trim_ascii) else {
            continue;
        };
        if id.is_empty() {
            continue;
        }
        if let Some(s) = suspects.of(ids.keys.key(id)) {
            found.ids.push((s, id.to_vec()));
        }
    }
    Some(found)
}

/// Field `column` of an unquoted `line`.
fn field(line: &[u8], column: usize, delimiter: u8) -> Option<&[u8]> {
    let mut ends = memchr::memchr_iter(delimiter, line);
    let mut start = 0;
    for _ in 0..column {
        start = ends.next()? + 1;
    }
    let end = ends.next().unwrap_or(line.len());
    Some(&line[start..end])
}

#[cfg(test)]
mod tests {
    use super::super::ids::{hash_buckets_for, repeated_id, IdBuckets, Repeats};
    use super::super::try_split;
    use super::*;
    use crate::accumulate::Accumulator;
    use crate::generate::{generate, GenerateOptions};
    use crate::ingest::IngestOptions;
    use crate::instrument::Instrument;
    use std::collections::HashMap;

    #[test]
    fn fields_of_unquoted_lines() {
        assert_eq!(field(b"a,bb,,c", 0, b','), Some(&b"a"[..]));
        assert_eq!(field(b"a,bb,,c", 1, b','), Some(&b"bb"[..]));
        assert_eq!(field(b"a,bb,,c", 2, b','), Some(&b""[..]));
        assert_eq!(field(b"a,bb,,c", 3, b','), Some(&b"c"[..]));
        assert_eq!(field(b"a,bb,,c", 4, b','), None);
        assert_eq!(field(b"a\tb", 1, b'\t'), Some(&b"b"[..]));
        assert_eq!(field(b"", 0, b','), Some(&b""[..]));
    }

    /// Two different ids whose keys share their low 32 bits: all a hash
    /// bucket keeps of them when a file has one bucket.
    fn alike_ids(keys: &IdKeys) -> (String, String) {
        alike_ids_like(keys, "x")
    }

    /// [`alike_ids`] of the ids `{prefix}0`, `{prefix}1`, …
    fn alike_ids_like(keys: &IdKeys, prefix: &str) -> (String, String) {
        let mut seen = HashMap::new();
        (0u64..)
            .find_map(|i| {
                let id = format!("{prefix}{i}");
                let low = keys.key(id.as_bytes()) & 0xFFFF_FFFF;
                seen.insert(low, id.clone()).map(|other| (other, id))
            })
            .expect("a pair within 2^32 + 1 ids")
    }

    /// A small generated file (one hash bucket), with the ids of data lines
    /// `k` set: `(k, id)`.
    fn file_with(ids: &[(usize, &str)]) -> (String, usize) {
        let inst = Instrument::default_instrument();
        let opts = GenerateOptions {
            companies: 6,
            min_respondents: 20,
            max_respondents: 20,
            ..GenerateOptions::default()
        };
        let mut data = Vec::new();
        generate(&inst, &opts, &mut data, None).unwrap();
        let text = String::from_utf8(data).unwrap();
        let mut lines: Vec<String> = text.lines().map(String::from).collect();
        for &(k, id) in ids {
            let rest = lines[k].split_once(',').unwrap().1.to_string();
            lines[k] = format!("{id},{rest}");
        }
        (lines.join("\n") + "\n", lines.len() - 1)
    }

    /// Read `text` in a split pass: `Some(rows scored)` if it went through.
    fn split(dir: &Path, text: &str) -> Option<u64> {
        split_bytes(dir, text.as_bytes())
    }

    /// [`split`] of a file's bytes.
    fn split_bytes(dir: &Path, bytes: &[u8]) -> Option<u64> {
        let inst = Instrument::default_instrument();
        let path = dir.join("r.csv");
        std::fs::write(&path, bytes).unwrap();
        let mut acc = Accumulator::new(&inst);
        let got = try_split(&path, &inst, IngestOptions::default(), &mut acc, 2, 97);
        got.unwrap().map(|i| i.report.rows_scored)
    }

    #[test]
    fn ids_alike_in_their_kept_bits_are_read_again_and_told_apart() {
        let keys = IdKeys::default();
        let (a, b) = alike_ids(&keys);
        assert_ne!(a, b);
        let (text, rows) = file_with(&[(3, &a), (100, &b)]);
        assert_eq!(rows, 120);
        // One bucket for this file (with room for a generous estimate):
        // the two ids are suspects.
        assert_eq!(hash_buckets_for(2 * rows), 1);
        let mut filed = IdBuckets::new(2 * rows, rows, None);
        filed.push(keys.key(a.as_bytes()));
        filed.push(keys.key(b.as_bytes()));
        let Repeats::Maybe(suspects) = repeated_id(&[filed]) else {
            panic!("the two keys are alike");
        };
        assert_eq!(suspects.len(), 1);
        // Read again, they are two ids: the split pass goes through.
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(split(dir.path(), &text), Some(120));
        // A third row with one of them is a repeat: one pass reads the file.
        let (dup, _) = file_with(&[(3, &a), (100, &b), (50, &a)]);
        assert_eq!(split(dir.path(), &dup), None);
        let (dup, _) = file_with(&[(3, &a), (100, &b), (120, &b)]);
        assert_eq!(split(dir.path(), &dup), None);
        // In quotes (one with a delimiter in them), they are read again
        // as the `csv` crate reads them: two ids, then a repeat written
        // once in quotes and once without.
        let (qa, qb) = (format!("\"{a}\""), format!("\"{b}\""));
        let (text_q, _) = file_with(&[(3, &qa), (100, &qb)]);
        assert_eq!(split(dir.path(), &text_q), Some(120));
        let (dup, _) = file_with(&[(3, &qa), (100, &qb), (50, &a)]);
        assert_eq!(split(dir.path(), &dup), None);
        // Alike ids beyond ASCII in a Windows-1252 file: keyed, and read
        // again, as decoded (`é` is one byte in the file, two in the key).
        let (ea, eb) = alike_ids_like(&keys, "é");
        let in_1252 = |t: &str| encoding_rs::WINDOWS_1252.encode(t).0.into_owned();
        let (text_e, _) = file_with(&[(3, &ea), (100, &eb)]);
        assert_eq!(split_bytes(dir.path(), &in_1252(&text_e)), Some(120));
        let (dup, _) = file_with(&[(3, &ea), (100, &eb), (50, &ea)]);
        assert_eq!(split_bytes(dir.path(), &in_1252(&dup)), None);
        // Alike ids with a delimiter in them: told apart only when read
        // whole.
        let (ca, cb) = alike_ids_like(&keys, "x,");
        let (qa, qb) = (format!("\"{ca}\""), format!("\"{cb}\""));
        let (text_q, _) = file_with(&[(3, &qa), (100, &qb)]);
        assert_eq!(split(dir.path(), &text_q), Some(120));
        // Reading again answers "no repeat" only when it meets the rows and
        // the suspects as the pass did.
        let path = dir.path().join("r.csv");
        std::fs::write(&path, &text).unwrap();
        let start = text.find('\n').unwrap() as u64 + 1;
        let column = |keys: IdKeys| IdColumn {
            data: start..text.len() as u64,
            column: 0,
            delimiter: b',',
            keys,
            threads: 2,
            text: PartText::Utf8,
            spanning: false,
        };
        assert!(!may_repeat(&path, &column(keys.clone()), &suspects, 120));
        // Records that may span lines are not read again.
        let spanning = IdColumn {
            spanning: true,
            ..column(keys.clone())
        };
        assert!(may_repeat(&path, &spanning, &suspects, 120));
        for threads in [1, 3, 7] {
            let ids = IdColumn {
                threads,
                ..column(keys.clone())
            };
            assert!(!may_repeat(&path, &ids, &suspects, 120), "{threads}");
        }
        // Another count of rows: the file is not what the pass read.
        assert!(may_repeat(&path, &column(keys.clone()), &suspects, 119));
        // Keys made otherwise (`x` and a number keyed by the number) do
        // not meet the suspects twice.
        let form = crate::ingest::idform::IdForm::of(b"x1").map(|f| f.plain_up_to(12));
        let other = IdKeys::with_form(form);
        assert!(may_repeat(&path, &column(other), &suspects, 120));
        // The wrong column: no suspect met.
        let wrong = IdColumn {
            column: 1,
            ..column(keys.clone())
        };
        assert!(may_repeat(&path, &wrong, &suspects, 120));
        // A file that cannot be read.
        assert!(may_repeat(
            &dir.path().join("gone.csv"),
            &column(keys),
            &suspects,
            120
        ));
    }
}
