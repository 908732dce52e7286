//! Records that span lines in a split pass: a quoted cell holding line
//! breaks (an open-ended comment, as survey tools export a text
//! question). A pass that meets one gives up, and the file is read again
//! in parts that know where their records start.
//!
//! Where a record starts is read from the quotes before it: a line break
//! ends a record only outside quotes, and a quote opens or closes a quoted
//! cell, so an odd number of quotes before a line break puts it inside one.
//! A first pass counts the quotes of every part (on every thread); the
//! count before a part says whether its cut falls inside quotes, and the
//! part's first record starts after the first line break outside them. A
//! line holding an odd number of quotes runs on with the next lines until
//! the count is even again, and that record is read by the `csv` crate's
//! record reader, which must find it one whole record (module `quoted`);
//! otherwise (a quote in the middle of an unquoted cell, which the `csv`
//! crate reads as a character) the pass gives up and one pass reads the
//! file. A line holding an even number of quotes is read as before: the
//! quick reader takes a quoted cell only when it closes, and every other
//! line with quotes goes to the `csv` crate's reader. So every record is
//! read as one pass reads it, and a count thrown off by a stray quote is
//! found on the line that holds it.
//!
//! In Windows-1252 and UTF-8 a quote and a line feed are single bytes that
//! no other character contains, so the raw bytes are counted; a UTF-16
//! file with such records is read in one pass.

use super::layout::read_at;
use std::fs::File;
use std::path::Path;

/// Does `bytes` hold an odd number of quotes?
#[inline]
pub(super) fn odd_quotes(bytes: &[u8]) -> bool {
    // Counted in chunks whose counts fit a byte: a loop the compiler runs
    // many bytes at a time.
    let mut odd = 0u8;
    for chunk in bytes.chunks(255) {
        odd ^= chunk.iter().map(|&b| (b == b'"') as u8).sum::<u8>() & 1;
    }
    odd == 1
}

/// Just past the first line feed in `buf` at or after `from` that is
/// outside quotes, `inside` saying whether `buf[from]` comes inside them;
/// `None` if there is none.
pub(super) fn record_end_after(buf: &[u8], from: usize, mut inside: bool) -> Option<usize> {
    for i in memchr::memchr2_iter(b'"', b'\n', buf.get(from..)?) {
        match buf[from + i] {
            b'"' => inside = !inside,
            _ if !inside => return Some(from + i + 1),
            _ => {}
        }
    }
    None
}

/// For each part: does its first byte read (`bounds[k] - 1`, the byte
/// before the part, or the data's first byte for the first part) come
/// inside quotes? Every part's quotes counted, on `threads` threads;
/// `None` if the file cannot be read.
pub(super) fn inside_quotes(path: &Path, bounds: &[u64], threads: usize) -> Option<Vec<bool>> {
    let parts = bounds.len().saturating_sub(1);
    // Part k's first byte read, and where the next part's is.
    let from = |k: usize| if k == 0 { bounds[0] } else { bounds[k] - 1 };
    let count = |range: std::ops::Range<usize>| -> Option<Vec<bool>> {
        let mut f = File::open(path).ok()?;
        let mut buf = Vec::new();
        range
            .map(|k| {
                let to = if k + 1 == parts {
                    bounds[parts]
                } else {
                    from(k + 1)
                };
                buf.clear();
                read_at(&mut f, from(k), to - from(k), &mut buf).ok()?;
                Some(odd_quotes(&buf))
            })
            .collect()
    };
    let threads = threads.clamp(1, parts.max(1));
    let step = parts.div_ceil(threads);
    let range = |t: usize| (t * step).min(parts)..((t + 1) * step).min(parts);
    let odd: Vec<bool> = std::thread::scope(|s| {
        // A thread that cannot start leaves its parts to this one.
        let handles: Vec<_> = (1..threads)
            .map(|t| {
                let handle = std::thread::Builder::new().spawn_scoped(s, move || count(range(t)));
                (t, handle)
            })
            .collect();
        let mut all = count(range(0))?;
        for (t, handle) in handles {
            let odd = match handle {
                Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                Err(_) => count(range(t)),
            };
            all.extend(odd?);
        }
        Some(all)
    })?;
    let mut inside = false;
    Some(
        odd.into_iter()
            .map(|odd| {
                let before = inside;
                inside ^= odd;
                before
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_counted_in_chunks() {
        assert!(!odd_quotes(b""));
        assert!(odd_quotes(b"a\"b"));
        assert!(!odd_quotes(b"\"\"x\"\""));
        // Past a chunk of 255 bytes, and 256 quotes (a byte's count wraps).
        assert!(!odd_quotes(&[b'"'; 256]));
        assert!(odd_quotes(&[b'"'; 511]));
        let mut long = vec![b'x'; 1000];
        long[700] = b'"';
        assert!(odd_quotes(&long));
    }

    #[test]
    fn records_end_at_line_feeds_outside_quotes() {
        let buf = b"a,\"x\ny\"\nb,\"\"\"\n\"\nc\n";
        assert_eq!(record_end_after(buf, 0, false), Some(8));
        // The quoted cell's line feed, known to be inside, ends nothing;
        // taken as outside, it ends a record.
        assert_eq!(record_end_after(buf, 4, true), Some(8));
        assert_eq!(record_end_after(buf, 4, false), Some(5));
        // Three quotes open a cell that starts with a quote; it closes on
        // the next line.
        assert_eq!(record_end_after(buf, 8, false), Some(16));
        assert_eq!(record_end_after(buf, 16, false), Some(18));
        assert_eq!(record_end_after(buf, 18, false), None);
        assert_eq!(record_end_after(b"\"\n", 0, false), None);
    }

    #[test]
    fn parts_know_whether_they_start_inside_quotes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.csv");
        // Data from byte 2; quotes at 4 and 9.
        std::fs::write(&path, b"h\na,\"b\nc,\"\nd\n").unwrap();
        // Parts start at 2, 6, 9, 11; their first bytes read are 2, 5, 8
        // and 10: inside at 5 and 8, outside at 10 (the quote at 9 closed).
        let inside = inside_quotes(&path, &[2, 6, 9, 11, 13], 2).unwrap();
        assert_eq!(inside, vec![false, true, true, false]);
        for threads in [1, 3, 8] {
            assert_eq!(
                inside_quotes(&path, &[2, 6, 9, 11, 13], threads).unwrap(),
                inside
            );
        }
    }
}
