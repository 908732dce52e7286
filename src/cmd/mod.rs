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
