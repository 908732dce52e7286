//! The one error type of the crate. Each variant knows its exit code
//! (docs/formats.md#exit-codes): 2 usage, 3 invalid input data, 1 anything else.

use std::fmt;

/// One problem found in a data file, located by line and column.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    /// 1-based physical line where the record starts.
    pub line: u64,
    /// Header name of the offending column, when one column is at fault.
    pub column: Option<String>,
    /// The offending value as read (shortened when very long).
    pub value: Option<String>,
    /// What was expected, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
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

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line asks for something impossible (exit 2).
    #[error("{0}")]
    Usage(String),

    /// The instrument file is not a valid instrument (exit 3).
    #[error("invalid instrument {source_name}: {message}")]
    Instrument {
        source_name: String,
        message: String,
    },

    /// A data file cannot be read as a survey at all (exit 3).
    #[error("{file}: {message}")]
    Format { file: String, message: String },

    /// Rows with invalid values (exit 3); `problems` holds the first ones,
    /// `total` counts them all.
    #[error("{}", render_problems(.file, .problems, *.total, .hint))]
    Data {
        file: String,
        problems: Vec<Problem>,
        total: usize,
        /// What the user can do about it, shown after the count.
        hint: String,
    },

    /// Reading or writing failed (exit 1).
    #[error("{context}: {source}")]
    Io {
        context: String,
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
    for p in problems.iter().take(PROBLEMS_SHOWN) {
        s.push_str(&format!("\n  {file}: {p}"));
    }
    if total > problems.len().min(PROBLEMS_SHOWN) {
        s.push_str(&format!(
            "\n  … and {} more",
            total - problems.len().min(PROBLEMS_SHOWN)
        ));
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

pub type Result<T> = std::result::Result<T, Error>;
