//! CSV records with their physical line numbers.
//!
//! The `csv` crate dates a record from the end of the previous one, so blank
//! lines before a record pull its line number back. Here a record's line is
//! worked out from where it ends instead: the line after its terminator, less
//! the terminator and the newlines inside its quoted fields. Only the last
//! record may lack a terminator, so records are handed out one behind the
//! reader, and the last one is dated by whether the input ended in a newline.

use std::io::{self, Read};

/// A reader that remembers the last byte it passed on.
pub struct LastByte<R> {
    inner: R,
    last: Option<u8>,
}

impl<R: Read> LastByte<R> {
    pub fn new(inner: R) -> Self {
        LastByte { inner, last: None }
    }
}

impl<R: Read> Read for LastByte<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }
}

/// Reads records one behind, each with its starting line.
pub struct LineReader<R: Read> {
    rdr: csv::Reader<LastByte<R>>,
    pending: Option<(csv::ByteRecord, u64)>,
    spare: csv::ByteRecord,
    started: bool,
}

fn inner_newlines(rec: &csv::ByteRecord) -> u64 {
    rec.as_slice().iter().filter(|&&b| b == b'\n').count() as u64
}

impl<R: Read> LineReader<R> {
    pub fn new(builder: &csv::ReaderBuilder, inner: R) -> Self {
        LineReader {
            rdr: builder.from_reader(LastByte::new(inner)),
            pending: None,
            spare: csv::ByteRecord::new(),
            started: false,
        }
    }

    /// Read the next record into `out`; returns its line, or `None` at the end.
    pub fn read(&mut self, out: &mut csv::ByteRecord) -> csv::Result<Option<u64>> {
        if !self.started {
            self.started = true;
            let mut first = csv::ByteRecord::new();
            if self.rdr.read_byte_record(&mut first)? {
                let end = self.rdr.position().line();
                self.pending = Some((first, end));
            }
        }
        let Some((mut rec, end)) = self.pending.take() else {
            return Ok(None);
        };
        let inner = inner_newlines(&rec);
        let line = if self.rdr.read_byte_record(&mut self.spare)? {
            let next_end = self.rdr.position().line();
            self.pending = Some((std::mem::take(&mut self.spare), next_end));
            end.saturating_sub(1 + inner)
        } else {
            let terminated = matches!(self.rdr.get_ref().last, Some(b'\n') | Some(b'\r'));
            end.saturating_sub(inner + terminated as u64)
        };
        std::mem::swap(out, &mut rec);
        self.spare = rec;
        Ok(Some(line.max(1)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(data: &[u8]) -> Vec<(String, u64)> {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false).flexible(true);
        let mut r = LineReader::new(&b, data);
        let mut rec = csv::ByteRecord::new();
        let mut out = Vec::new();
        while let Some(l) = r.read(&mut rec).unwrap() {
            out.push((String::from_utf8_lossy(&rec[0]).into_owned(), l));
        }
        out
    }

    #[test]
    fn blank_lines_and_quoted_newlines_keep_physical_lines() {
        let got = lines(b"h,x\n\na,1\n\n\nb,2\n\"c\nd\",3\n\ne,4");
        let want = [("h", 1), ("a", 3), ("b", 6), ("c\nd", 7), ("e", 10)];
        let want: Vec<(String, u64)> = want.iter().map(|(s, l)| (s.to_string(), *l)).collect();
        assert_eq!(got, want);
        // The same with a final newline and trailing blank lines.
        let got = lines(b"h,x\n\na,1\n\n\nb,2\n\"c\nd\",3\n\ne,4\n\n");
        assert_eq!(got.last().unwrap(), &("e".to_string(), 10));
    }

    #[test]
    fn empty_input_has_no_records() {
        assert!(lines(b"").is_empty());
        assert_eq!(lines(b"h"), vec![("h".to_string(), 1)]);
        assert_eq!(lines(b"h\n"), vec![("h".to_string(), 1)]);
    }
}
