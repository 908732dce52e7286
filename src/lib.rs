//! # align
//!
//! A library and command-line tool for sales–marketing alignment
//! benchmarking surveys. Data flows one way:
//!
//! **CSV → [`ingest`] → [`accumulate`] → [`analysis`] → document → write ([`render`])**
//!
//! - [`instrument`]: the codebook saying what each column means (JSON, docs/formats.md#instrument);
//! - [`ingest`]: sniffing, header mapping, cell parsing, row accounting;
//! - [`accumulate`]: streaming per-company / per-role / per-item sums;
//! - [`stats`]: pure numeric functions (reliability, agreement, tests);
//! - [`analysis`]: one model (`Serialize`) per command, built from the sums;
//! - [`render`]: each model's [`render::document::Document`] and the writers
//!   for table, CSV, Markdown, HTML and xlsx (JSON is the model serialized);
//! - [`terminal`]: text made safe for a terminal, standard error that never panics.
//!
//! The other public modules: [`survey`] ([`Survey`], a responses file read
//! once and analysed many ways: the simplest way in), [`disclosure`] (the
//! privacy plan every analysis consults), [`error`] (the one error type,
//! with exit codes), [`generate`] (synthetic surveys with a planted
//! structure).
//!
//! The command line itself (modules `cli` and `cmd`, used by the `align`
//! binary) is not part of the library's API: it is hidden from these docs
//! and built only with the `cli` feature, on by default. A program that
//! uses align as a library can leave it and clap out:
//!
//! ```toml
//! [dependencies]
//! align = { path = "…", default-features = false }
//! ```
//! The crate warns on an undocumented public item; the readers' internals (sniffing,
//! header mapping, record splitting), the atomic writing of output files and
//! the writers' helpers are private to the crate.
//!
//! Scoring a file from code:
//!
//! ```no_run
//! use align::{accumulate::Accumulator, analysis::score, ingest, instrument::Instrument};
//! use std::path::Path;
//!
//! let inst = Instrument::default_instrument();
//! let mut acc = Accumulator::new(&inst);
//! // A large file is read on every core (ingest::read_responses_split);
//! // `ingest::read_responses` reads any sink in one pass.
//! let input = ingest::read_responses_split(Path::new("data/survey.csv"), &inst,
//!     ingest::IngestOptions::default(), &mut acc)?.into_result()?;
//! let report = score::build(&inst, &acc, input, score::ScoreOptions::default());
//! for c in &report.companies {
//!     println!("{} {:?}", c.company_id, c.scores);
//! }
//! # Ok::<(), align::error::Error>(())
//! ```

#![warn(missing_docs)]

pub mod accumulate;
pub mod analysis;
#[cfg(feature = "cli")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod cli;
#[cfg(feature = "cli")]
#[doc(hidden)]
#[allow(missing_docs)]
pub mod cmd;
pub mod disclosure;
pub mod error;
pub mod generate;
pub mod ingest;
pub mod instrument;
pub(crate) mod output;
pub mod render;
pub mod stats;
pub mod survey;
pub mod terminal;

pub use error::{Error, Result};
pub use instrument::Instrument;
pub use survey::Survey;
