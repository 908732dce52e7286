//! The one error type of the crate. Each variant knows its exit code
//! (docs/formats.md#exit-codes): 2 usage, 3 invalid input data, 1 anything else.

use std::fmt;

/// One problem found in a data file, located by line and column; the same
/// problem (same message, column and value) on later lines is counted in
/// it rather than listed again ([`ProblemGroups`]).
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct Problem {
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Header name of the offending column, when one column is at fault.
    pub column: Option<String>,
    /// The offending value as read (shortened when very long).
    pub value: Option<String>,
    /// What was expected, in words.
    pub message: String,
    /// The next two lines with the same problem, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<u64>,
    /// Times the same problem was found, when more than once (0 and 1
    /// both mean once).
    #[serde(skip_serializing_if = "is_once")]
    pub count: u64,
}

fn is_once(n: &u64) -> bool {
    *n <= 1
}

impl Problem {
    /// Times the problem was found.
    pub fn times(&self) -> u64 {
        self.count.max(1)
    }
}

/// Problems grouped as they are found: a problem with the same message,
/// column and value as one already kept adds to its count (and its first
/// three lines); at most `keep` different problems are kept, every one
/// counted.
#[derive(Debug, Default)]
pub struct ProblemGroups {
    /// The distinct problems kept, in the order first found, each with its count.
    pub shown: Vec<Problem>,
    /// Every problem found, repeats included.
    pub total: usize,
    keep: usize,
    index: std::collections::HashMap<(Option<String>, Option<String>, String), usize>,
}

impl ProblemGroups {
    /// Groups keeping at most `keep` distinct problems.
    pub fn new(keep: usize) -> ProblemGroups {
        ProblemGroups {
            keep,
            ..Default::default()
        }
    }

    /// Add a problem: to its group when one matches, else as a new group while fewer than `keep`
    /// are kept.
    pub fn push(&mut self, p: Problem) {
        self.total += 1;
        let key = (p.column.clone(), p.value.clone(), p.message.clone());
        match self.index.get(&key) {
            Some(&i) => {
                let g = &mut self.shown[i];
                g.count = g.times() + 1;
                if g.also.len() < 2 {
                    g.also.push(p.line);
                }
            }
            None if self.shown.len() < self.keep => {
                self.index.insert(key, self.shown.len());
                self.shown.push(p);
            }
            None => {}
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.also.is_empty() {
            write!(f, "line {}", self.line)?;
        } else {
            write!(f, "lines {}", self.line)?;
            for l in &self.also {
                write!(f, ", {l}")?;
            }
            let n = self.times();
            let more = n.saturating_sub(1 + self.also.len() as u64);
            if more > 0 {
                write!(f, " and {more} more")?;
            }
            write!(f, " ({n} in all)")?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column \"{c}\"")?;
        }
        f.write_str(": ")?;
        if let Some(v) = &self.value {
            write!(f, "\"{v}\" ")?;
        }
        f.write_str(&self.message)
    }
}

/// How many problems the non-`validate` commands print before the count.
pub const PROBLEMS_SHOWN: usize = 20;

/// Every error the library and the command line report, each with its exit
/// code ([`Error::exit_code`]).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something impossible (exit 2).
    #[error("{0}")]
    Usage(String),

    /// The instrument file is not a valid instrument (exit 3).
    #[error("invalid instrument {source_name}: {message}")]
    Instrument {
        /// The instrument file as named on the command line.
        source_name: String,
        /// What is wrong, naming the key or id.
        message: String,
    },

    /// A data file cannot be read as a survey at all (exit 3).
    #[error("{file}: {message}")]
    Format {
        /// The file as named on the command line.
        file: String,
        /// What is wrong with it.
        message: String,
    },

    /// Rows with invalid values (exit 3); `problems` holds the first ones,
    /// `total` counts them all.
    #[error("{}", render_problems(.file, .problems, *.total, .hint))]
    Data {
        /// The data file as named on the command line.
        file: String,
        /// The first problems found, grouped.
        problems: Vec<Problem>,
        /// Every problem found, repeats included.
        total: usize,
        /// What the user can do about it, shown after the count.
        hint: String,
    },

    /// Reading or writing failed (exit 1).
    #[error("{context}: {source}")]
    Io {
        /// What was being read or written, naming the file.
        context: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
}

/// The hint for problems in a responses file.
pub const RESPONSES_HINT: &str =
    "`align validate` lists them all; --skip-invalid excludes those rows instead";

fn render_problems(file: &str, problems: &[Problem], total: usize, hint: &str) -> String {
    let mut s = format!(
        "{file}: {total} problem{} in the data ({hint})",
        if total == 1 { "" } else { "s" }
    );
    let shown = &problems[..problems.len().min(PROBLEMS_SHOWN)];
    for p in shown {
        s.push_str(&format!("\n  {file}: {p}"));
    }
    // Each line shown stands for every repeat of its problem.
    let listed: u64 = shown.iter().map(Problem::times).sum();
    if total as u64 > listed {
        s.push_str(&format!("\n  … and {} more", total as u64 - listed));
    }
    s
}

impl Error {
    /// The process exit code for this error (docs/formats.md#exit-codes).
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::Instrument { .. } | Error::Format { .. } | Error::Data { .. } => 3,
            Error::Io { .. } => 1,
        }
    }

    /// True when the error is a closed pipe on output, which exits quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }

    pub(crate) fn io(context: impl Into<String>, source: std::io::Error) -> Error {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

/// A result whose error is an [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
