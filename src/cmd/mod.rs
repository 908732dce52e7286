//! One small module per subcommand: glue from the command line to the
//! analysis and the renderers.

mod generate;
mod instrument;
mod score;
mod validate;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Run a parsed command line; returns the exit code on success paths
/// (`validate` exits 3 when it found problems).
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Score(a) => score::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Instrument(a) => instrument::run(a),
        Command::Generate(a) => generate::run(a),
    }
}

/// Read the outcomes file (if any), merge it with the responses' outcome
/// columns, and classify every company (composite and tier).
#[allow(dead_code)] // for the outcome-based commands
pub(crate) fn prepare_outcomes(
    inst: &crate::instrument::Instrument,
    acc: &crate::accumulate::Accumulator,
    args: &crate::cli::OutcomeArgs,
    scheme: crate::analysis::outcomes::Scheme,
) -> Result<crate::analysis::outcomes::Outcomes> {
    use crate::analysis::outcomes::{self, CompositeMethod};
    let table = match &args.outcomes {
        Some(p) => Some(crate::ingest::outcomes::read_outcomes(p, inst)?),
        None => None,
    };
    let mut warnings = Vec::new();
    let values = outcomes::company_values(inst, acc, table.as_ref(), &mut warnings);
    let method = match args.composite {
        crate::cli::CompositeArg::Z => CompositeMethod::Z,
        crate::cli::CompositeArg::Rank => CompositeMethod::Rank,
    };
    outcomes::classify(inst, &acc.ids, values, method, scheme, warnings)
}

/// Read a responses file into an accumulator, failing on invalid data.
pub(crate) fn accumulate(
    inst: &crate::instrument::Instrument,
    input: &crate::cli::InputArgs,
    quiet: bool,
) -> Result<(crate::accumulate::Accumulator, crate::ingest::InputReport)> {
    let mut acc = crate::accumulate::Accumulator::new(inst);
    let opts = crate::ingest::IngestOptions {
        skip_invalid: input.skip_invalid,
        keep_all_problems: false,
        progress: !quiet,
    };
    let report =
        crate::ingest::read_responses(&input.responses, inst, opts, &mut acc)?.into_result()?;
    Ok((acc, report))
}

/// Print warnings to standard error unless quiet.
pub(crate) fn warn_all(warnings: &[String], quiet: bool) {
    if quiet {
        return;
    }
    let style = crate::report::Style::detect_stderr();
    for w in warnings {
        eprintln!("{}{w}", style.warning_prefix());
    }
}
