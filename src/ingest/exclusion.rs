//! Why a row is left out of the analysis: [`ExclusionReason`], written in
//! every output (JSON included) as the sentence its `Display` gives, and
//! the [`Exclusion`] of one row.

use crate::error::Problem;
use serde::{Serialize, Serializer};
use std::fmt;

/// A row left out of the analysis, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    /// The row's physical line in the responses file.
    pub line: u64,
    /// Why it was left out (written as a sentence).
    pub reason: ExclusionReason,
}

/// Why a row is left out of the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExclusionReason {
    /// The instrument's `finished` column says the response is unfinished.
    Unfinished,
    /// Fewer answers than any dimension needs for a score (half of its
    /// items, rounded up).
    TooFewAnswers,
    /// The row's values do not match the instrument's columns: a reader's
    /// mistake (readers give one value per scale column and outcome).
    Misfit,
    /// A row with invalid values, left out under `--skip-invalid`: its
    /// first problem and how many more it has.
    Invalid {
        /// The column of the first problem, when it is one cell's.
        column: Option<String>,
        /// The offending value of the first problem, shortened.
        value: Option<String>,
        /// What is wrong, in words.
        message: String,
        /// How many more problems the row has.
        more: usize,
    },
}

impl ExclusionReason {
    /// The reason of a row with `problems` (at least one) left out under
    /// `--skip-invalid`: its first problem, and how many more it has.
    pub fn invalid(problems: &[Problem]) -> ExclusionReason {
        let first = problems.first();
        ExclusionReason::Invalid {
            column: first.and_then(|p| p.column.clone()),
            value: first.and_then(|p| p.value.clone()),
            message: first.map(|p| p.message.clone()).unwrap_or_default(),
            more: problems.len().saturating_sub(1),
        }
    }

    /// The kind of reason, as the input accounting groups exclusions: every
    /// invalid row in one group whatever its problem, each other reason a
    /// group of its own.
    pub fn group(&self) -> String {
        match self {
            ExclusionReason::Invalid { .. } => "invalid values (--skip-invalid)".to_string(),
            other => other.to_string(),
        }
    }
}

impl fmt::Display for ExclusionReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExclusionReason::Unfinished => f.write_str("unfinished response"),
            ExclusionReason::TooFewAnswers => f.write_str(
                "too few items answered to score any dimension \
                 (half of a dimension's items, rounded up, are needed)",
            ),
            ExclusionReason::Misfit => {
                f.write_str("the row's values do not match the instrument's columns")
            }
            ExclusionReason::Invalid {
                column,
                value,
                message,
                more,
            } => {
                f.write_str("invalid: ")?;
                if let Some(c) = column {
                    write!(f, "column \"{c}\": ")?;
                }
                if let Some(v) = value {
                    write!(f, "\"{v}\" ")?;
                }
                f.write_str(message)?;
                if *more > 0 {
                    write!(f, " (and {more} more problems)")?;
                }
                Ok(())
            }
        }
    }
}

/// Written as its sentence, the way the JSON output has always had it.
impl Serialize for ExclusionReason {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_reason_names_the_first_problem_and_counts_the_rest() {
        let p = |c: &str, v: &str, m: &str| Problem {
            line: 4,
            column: Some(c.into()),
            value: Some(v.into()),
            message: m.into(),
            ..Default::default()
        };
        let one = ExclusionReason::invalid(&[p("t1", "9", "is above the scale maximum 5")]);
        assert_eq!(
            one.to_string(),
            "invalid: column \"t1\": \"9\" is above the scale maximum 5"
        );
        let three =
            ExclusionReason::invalid(&[p("t1", "9", "x"), p("u1", "a", "y"), p("u2", "b", "z")]);
        assert_eq!(
            three.to_string(),
            "invalid: column \"t1\": \"9\" x (and 2 more problems)"
        );
        assert_eq!(three.group(), "invalid values (--skip-invalid)");
        assert_eq!(
            serde_json::to_string(&ExclusionReason::Unfinished).unwrap(),
            "\"unfinished response\""
        );
    }
}
