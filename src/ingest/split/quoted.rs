//! Lines with quotes in a split pass. Exports written by R (`write.csv`),
//! Stata or a spreadsheet quote their text cells, or every cell; the split
//! pass reads them as one pass does, as long as each line is a whole
//! record. Whether it is, is read from the line itself: a part starts
//! after a line that ended outside quotes (the part before checked it), so
//! a line that ends inside a quoted cell (a cell spanning lines) makes the
//! pass give up, and the file is read in one pass. Quotes are read as the
//! `csv` crate reads them: a quote opens a quoted cell only at the cell's
//! start, `""` inside one is a quote, and a quote anywhere else is a
//! character like any other.

use memchr::memchr;

/// Does `line` (without its line end) end outside quotes, read as the
/// `csv` crate reads it with delimiter `d`? Only the quotes and the
/// delimiters after them are looked at: between quotes, every delimiter
/// is outside them.
pub(super) fn ends_outside_quotes(line: &[u8], d: u8) -> bool {
    // `p` is at the start of a cell.
    let mut p = 0;
    loop {
        let Some(q) = memchr(b'"', &line[p..]).map(|i| p + i) else {
            return true;
        };
        let mut rest = q + 1;
        if q == 0 || line[q - 1] == d {
            // A quote at the start of a cell opens it: to the quote that
            // closes it (`""` is a quote in it).
            loop {
                match memchr(b'"', &line[rest..]) {
                    None => return false,
                    Some(i) => rest += i + 1,
                }
                if line.get(rest) == Some(&b'"') {
                    rest += 1;
                } else {
                    break;
                }
            }
        }
        // The rest of the cell is read as it is, quotes and all.
        match memchr(d, &line[rest..]) {
            Some(i) => p = rest + i + 1,
            None => return true,
        }
    }
}

/// Reads the cells of a line holding quotes as the `csv` crate reads
/// them, with its own record reader (for the lines the quick reader
/// declines); reused from line to line.
pub(super) struct QuotedLine {
    reader: csv_core::Reader,
    /// The line and a line end.
    line: Vec<u8>,
    cells: Vec<u8>,
    ends: Vec<usize>,
    pub(super) record: csv::ByteRecord,
}

impl QuotedLine {
    pub(super) fn new(delimiter: u8) -> QuotedLine {
        QuotedLine {
            // The settings of one pass (`crate::ingest`'s record reader).
            reader: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            line: Vec::new(),
            cells: Vec::new(),
            ends: Vec::new(),
            record: csv::ByteRecord::new(),
        }
    }

    /// Read `line` (a whole record: [`ends_outside_quotes`]) into
    /// [`Self::record`]; `false` if it is not one record.
    pub(super) fn read(&mut self, line: &[u8]) -> bool {
        self.line.clear();
        self.line.extend_from_slice(line);
        self.line.push(b'\n');
        // No record is longer than its line, nor has more cells than bytes.
        self.cells.resize(self.line.len(), 0);
        self.ends.resize(self.line.len(), 0);
        self.reader.reset();
        let (result, read, _, n) =
            self.reader
                .read_record(&self.line, &mut self.cells, &mut self.ends);
        self.record.clear();
        if result != csv_core::ReadRecordResult::Record || read != self.line.len() {
            return false;
        }
        let mut from = 0;
        for &end in &self.ends[..n] {
            self.record.push_field(&self.cells[from..end]);
            from = end;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of up to six characters from an alphabet of quotes,
    /// delimiters, letters and spaces: it ends outside quotes exactly when
    /// the `csv` crate, given it with a line end, keeps that line end out of
    /// its first record; and then the record is the one [`QuotedLine`]
    /// reads.
    #[test]
    fn line_ends_agree_with_the_csv_crate() {
        let alphabet = [b'"', b',', b'a', b' ', b';'];
        let mut checked = 0;
        for len in 0..=6u32 {
            for n in 0..alphabet.len().pow(len) {
                let mut line = Vec::new();
                let mut k = n;
                for _ in 0..len {
                    line.push(alphabet[k % alphabet.len()]);
                    k /= alphabet.len();
                }
                for d in [b',', b';'] {
                    let mut text = line.clone();
                    text.extend_from_slice(b"\nx\n");
                    let mut rdr = csv::ReaderBuilder::new()
                        .delimiter(d)
                        .has_headers(false)
                        .flexible(true)
                        .from_reader(&text[..]);
                    let mut first = csv::ByteRecord::new();
                    let got = rdr.read_byte_record(&mut first).unwrap();
                    let whole = got && !first.as_slice().contains(&b'\n');
                    let blank = line.is_empty();
                    assert_eq!(
                        ends_outside_quotes(&line, d),
                        whole,
                        "{:?} delimiter {:?}",
                        String::from_utf8_lossy(&line),
                        d as char
                    );
                    if whole && !blank {
                        let mut q = QuotedLine::new(d);
                        assert!(q.read(&line));
                        assert_eq!(q.record, first);
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 2 * (0..=6).map(|l| 5usize.pow(l)).sum::<usize>());
    }
}
