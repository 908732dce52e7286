//! Lines with quotes in a split pass. Exports written by R (`write.csv`),
//! Stata or a spreadsheet quote their text cells, or every cell; the split
//! pass reads them as one pass does, as long as each line is a whole
//! record. Whether it is, is read from the line itself: a part starts
//! after a line that ended outside quotes (whoever read that line checked
//! it), so a line that ends inside a quoted cell (a cell spanning lines)
//! makes the pass give up, and the file is read again in parts cut between
//! records (module `spanning`), whose records spanning lines are read
//! here too. Quotes are
//! read as the `csv` crate reads them: a quote opens a quoted cell only at
//! the cell's start, `""` inside one is a quote, and a quote anywhere else
//! is a character like any other.
//!
//! A line the quick reader takes is a whole record: it takes a quoted cell
//! only when a quote closes it before a delimiter or the line end, with no
//! other quote inside. Every other line with a quote is read here, by the
//! `csv` crate's own record reader, which says whether it is a record.

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

    /// Read `line` (without its line end) into [`Self::record`]; `false`
    /// if it is not one whole record (it ends inside a quoted cell).
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
    /// delimiters, letters and spaces: it is read as a whole record exactly
    /// when the `csv` crate, given it with a line end, keeps that line end
    /// out of its first record, and then as the same record.
    #[test]
    fn lines_read_as_the_csv_crate_reads_them() {
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
                    // A blank line is no record (the split pass skips it).
                    let whole = got && !first.as_slice().contains(&b'\n') && !line.is_empty();
                    let mut q = QuotedLine::new(d);
                    let shown = String::from_utf8_lossy(&line);
                    assert_eq!(q.read(&line), whole, "{shown:?} delimiter {:?}", d as char);
                    if whole {
                        assert_eq!(q.record, first, "{shown:?}");
                    }
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 2 * (0..=6).map(|l| 5usize.pow(l)).sum::<usize>());
    }
}
