//! The library's front door: a survey read once and analysed many ways.
//!
//! [`Survey::open`] reads a responses file the way every command does (any
//! dialect and encoding align reads, on every core for a large file) and
//! keeps the accumulated sums, never the rows. Each analysis returns the
//! same model that the command's `--format json` serializes, so a notebook,
//! a web service or another tool gets exactly the figures the command line
//! prints, disclosure control included (docs/methods.md, "Disclosure
//! control").
//!
//! ```no_run
//! use align::{Instrument, Survey};
//! use align::analysis::score::ScoreOptions;
//!
//! let inst = Instrument::load(Some("my-instrument.json".as_ref()))?;
//! let survey = Survey::open("export.csv", &inst)?;
//! let scores = survey.score(ScoreOptions::default());
//! for c in scores.companies.iter().filter(|c| !c.suppressed) {
//!     println!("{} {:?}", c.company_id, c.stage);
//! }
//! # Ok::<(), align::Error>(())
//! ```

use crate::accumulate::Accumulator;
use crate::analysis::benchmark::{self, BenchmarkReport};
use crate::analysis::compare::{self, CompareOptions, CompareReport, WaveInput};
use crate::analysis::drivers::{self, DriversOptions, DriversReport};
use crate::analysis::gaps::{self, GapsOptions, GapsReport};
use crate::analysis::leaders::{self, LeadersOptions, LeadersReport};
use crate::analysis::norms::{self, Norms, NormsOptions};
use crate::analysis::outcomes::{self, CompositeMethod, NothingVaries, Outcomes, Scheme};
use crate::analysis::report::{self, Report, ReportOptions};
use crate::analysis::score::{self, ScoreOptions, ScoreReport};
use crate::error::Result;
use crate::ingest::{self, IngestOptions, InputReport};
use crate::instrument::Instrument;
use std::path::Path;

/// A responses file read with an instrument: its accumulated sums and the
/// accounting of its rows.
#[derive(Debug)]
pub struct Survey {
    instrument: Instrument,
    acc: Accumulator,
    input: InputReport,
}

impl Survey {
    /// Read `path` with `instrument` and the default options; invalid data
    /// is an error listing the problems (exit code 3 from the command line).
    pub fn open(path: impl AsRef<Path>, instrument: &Instrument) -> Result<Survey> {
        Survey::open_with(path, instrument, IngestOptions::default())
    }

    /// [`Survey::open`] with reading options (e.g. `skip_invalid`, threads).
    pub fn open_with(
        path: impl AsRef<Path>,
        instrument: &Instrument,
        opts: IngestOptions,
    ) -> Result<Survey> {
        let mut acc = Accumulator::new(instrument);
        let input = ingest::read_responses_split(path.as_ref(), instrument, opts, &mut acc)?
            .into_result()?;
        Ok(Survey {
            instrument: instrument.clone(),
            acc,
            input,
        })
    }

    /// The instrument the survey was read with.
    pub fn instrument(&self) -> &Instrument {
        &self.instrument
    }

    /// Rows read, scored and excluded (with their reasons), and the file's
    /// layout.
    pub fn input(&self) -> &InputReport {
        &self.input
    }

    /// The accumulated sums, for analyses beyond this front door.
    pub fn sums(&self) -> &Accumulator {
        &self.acc
    }

    /// Per-company scores, reliability and agreement (`align score`).
    pub fn score(&self, opts: ScoreOptions) -> ScoreReport {
        score::build(&self.instrument, &self.acc, self.input.clone(), opts)
    }

    /// Every shown company's outcomes, composite and tier, from the
    /// responses and, when given, an outcomes file (keyed by the company
    /// column, else `company`, `company_id` or `account`).
    pub fn outcomes(
        &self,
        file: Option<&Path>,
        method: CompositeMethod,
        scheme: Scheme,
        anonymity: u64,
    ) -> Result<Outcomes> {
        let table = match file {
            Some(p) => Some(ingest::outcomes::read_outcomes(p, &self.instrument, None)?),
            None => None,
        };
        outcomes::prepare(
            &self.instrument,
            &self.acc,
            table.as_ref(),
            method,
            scheme,
            NothingVaries::Unclassified,
            anonymity,
        )
    }

    /// Leaders vs laggards (`align leaders`); an error when no company could
    /// be classified.
    pub fn leaders(&self, outcomes: &Outcomes, opts: LeadersOptions) -> Result<LeadersReport> {
        leaders::build(
            &self.instrument,
            &self.acc,
            self.input.clone(),
            outcomes,
            opts,
        )
    }

    /// Key drivers (`align drivers`): dimension OLS and LMG, item relative
    /// weights, bootstrap intervals (`opts.bootstrap` resamples from
    /// `opts.seed`, the same on any number of threads), importance ×
    /// performance and the outcomes by tier. A model that cannot be fitted
    /// is null, with the reason in the report's warnings.
    pub fn drivers(&self, outcomes: &Outcomes, opts: DriversOptions) -> DriversReport {
        drivers::build(
            &self.instrument,
            &self.acc,
            self.input.clone(),
            outcomes,
            opts,
        )
    }

    /// Perception vs reality and the sales–marketing disconnect
    /// (`align gaps`).
    pub fn gaps(&self, outcomes: Option<&Outcomes>, opts: GapsOptions) -> GapsReport {
        gaps::build(
            &self.instrument,
            &self.acc,
            self.input.clone(),
            outcomes,
            opts,
        )
    }

    /// Every analysis in one model (`align report`).
    pub fn report(&self, outcomes: Option<&Outcomes>, opts: ReportOptions) -> Report {
        report::build(
            &self.instrument,
            &self.acc,
            self.input.clone(),
            outcomes,
            opts,
        )
    }

    /// Benchmark norms built from this survey (`align norms`), with the
    /// warnings the command prints.
    pub fn norms(
        &self,
        outcomes: Option<&Outcomes>,
        opts: NormsOptions,
    ) -> Result<(Norms, Vec<String>)> {
        norms::build(
            &self.instrument,
            &self.acc,
            opts,
            outcomes,
            &self.input.file,
        )
    }

    /// What changed from this survey (the earlier wave) to `after`
    /// (`align compare`), the waves named by `labels`; each wave's
    /// outcomes, when both are given, add tiers. An error when the two were
    /// read with instruments that do not measure the same.
    pub fn compare(
        &self,
        after: &Survey,
        labels: (&str, &str),
        outcomes: Option<(&Outcomes, &Outcomes)>,
        opts: CompareOptions,
    ) -> Result<CompareReport> {
        compare::check_same_instrument(&self.instrument, &after.instrument)?;
        let before = WaveInput {
            label: labels.0.to_string(),
            inst: &self.instrument,
            acc: &self.acc,
            input: self.input.clone(),
            outcomes: outcomes.map(|o| o.0),
        };
        let later = WaveInput {
            label: labels.1.to_string(),
            inst: &after.instrument,
            acc: &after.acc,
            input: after.input.clone(),
            outcomes: outcomes.map(|o| o.1),
        };
        Ok(compare::build(before, later, opts))
    }

    /// Every company of this survey placed against `norms` (`align
    /// benchmark`); `norms_name` names the norms in warnings.
    pub fn benchmark(&self, norms: &Norms, norms_name: &str, anonymity: u64) -> BenchmarkReport {
        benchmark::build(
            &self.instrument,
            &self.acc,
            self.input.clone(),
            norms,
            norms_name,
            anonymity,
            Vec::new(),
        )
    }
}
