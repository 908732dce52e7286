//! The `align` binary: parse arguments, run the library, map errors to exit codes.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = align::cli::Cli::parse();
    match align::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            align::terminal::eprint_line("error: ", &e.to_string());
            ExitCode::from(e.exit_code() as u8)
        }
    }
}
