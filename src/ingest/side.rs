//! Small CSV side files keyed by company or alias (the outcomes file, the
//! companies file, the company aliases): opened like the responses (any
//! encoding and delimiter align reads), their header row read, then records
//! handed out with their physical line numbers.

use super::header::header_names;
use super::lines::LineReader;
use super::sniff;
use crate::error::{Error, Result};
use csv::ByteRecord;
use std::io::Read;
use std::path::Path;

/// An open side file, its header read.
pub struct SideFile {
    /// The file's name as messages show it.
    pub file: String,
    /// The field delimiter found (`;` files write `,` as the decimal mark).
    pub delimiter: u8,
    /// The header's cells, trimmed (no byte-order mark); empty for an empty
    /// file.
    pub names: Vec<String>,
    rdr: LineReader<Box<dyn Read + Send>>,
}

impl SideFile {
    /// Open `path` and read its header row (none in an empty file).
    pub fn open(path: &Path) -> Result<SideFile> {
        let opened = sniff::open(path, false)?;
        let rdr = LineReader::new(
            csv::ReaderBuilder::new()
                .delimiter(opened.layout.delimiter)
                .has_headers(false)
                .flexible(true),
            opened.reader,
        );
        let mut side = SideFile {
            file: opened.name,
            delimiter: opened.layout.delimiter,
            names: Vec::new(),
            rdr,
        };
        let mut rec = ByteRecord::new();
        if side.read(&mut rec)?.is_some() {
            side.names = header_names(&rec);
        }
        Ok(side)
    }

    /// [`SideFile::open`], an empty file being an error that says what
    /// `what` file should hold ("the outcomes file is empty; …").
    pub fn open_nonempty(path: &Path, what: &str) -> Result<SideFile> {
        let side = SideFile::open(path)?;
        if side.names.is_empty() {
            return Err(Error::Format {
                file: side.file,
                message: format!(
                    "the {what} file is empty; expected a header row and one row per company"
                ),
            });
        }
        Ok(side)
    }

    /// The next record into `rec` and its line, or `None` at the end.
    pub fn read(&mut self, rec: &mut ByteRecord) -> Result<Option<u64>> {
        self.rdr.read(rec).map_err(|e| match e.into_kind() {
            csv::ErrorKind::Io(io) => sniff::read_failure(&self.file, io),
            other => Error::Format {
                file: self.file.clone(),
                message: format!("{other:?}"),
            },
        })
    }
}

/// The company of each record of a side file, checked: the row's shape,
/// its key cell (trimmed, then through `canon`, e.g. the company aliases),
/// and that no earlier row named the same company.
pub struct CompanyKeys<'a> {
    /// The key column.
    pub key: usize,
    /// How a repeated company is described after "it": e.g. "is already
    /// on line".
    pub repeated: &'a str,
    seen: std::collections::HashMap<String, u64>,
}

impl<'a> CompanyKeys<'a> {
    pub fn new(key: usize, repeated: &'a str) -> CompanyKeys<'a> {
        CompanyKeys {
            key,
            repeated,
            seen: Default::default(),
        }
    }

    /// The company of `rec` (on `line`, in a file with header `names`), or
    /// the problem with the row.
    pub fn company(
        &mut self,
        rec: &ByteRecord,
        line: u64,
        names: &[String],
        canon: impl Fn(&str) -> String,
    ) -> std::result::Result<String, crate::error::Problem> {
        use crate::error::Problem;
        if rec.len() != names.len() {
            return Err(Problem {
                line,
                message: format!(
                    "the row has {} fields but the header has {}",
                    rec.len(),
                    names.len()
                ),
                ..Default::default()
            });
        }
        let raw = &rec[self.key];
        let at = |message: String| Problem {
            line,
            column: Some(names[self.key].clone()),
            value: Some(super::values::shorten(raw)),
            message,
            ..Default::default()
        };
        let id = match std::str::from_utf8(raw) {
            Ok(s) if !s.trim().is_empty() => canon(s.trim()),
            _ => return Err(at("is not a company id; every row needs one".into())),
        };
        if let Some(first) = self.seen.get(&id) {
            return Err(at(format!(
                "is a duplicate company: it {} {first}",
                self.repeated
            )));
        }
        self.seen.insert(id.clone(), line);
        Ok(id)
    }
}
