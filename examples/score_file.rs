//! Score a responses file through the library API and print each company's
//! alignment index.
//!
//! ```text
//! cargo run --example score_file -- data/survey.csv
//! ```

use align::accumulate::Accumulator;
use align::analysis::score::{self, ScoreOptions};
use align::ingest::{self, IngestOptions};
use align::instrument::Instrument;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let path: PathBuf = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("data/survey.csv"));
    match run(&path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(path: &std::path::Path) -> align::Result<()> {
    let inst = Instrument::default_instrument();
    let mut acc = Accumulator::new(&inst);
    let input =
        ingest::read_responses(path, &inst, IngestOptions::default(), &mut acc)?.into_result()?;
    let report = score::build(&inst, &acc, input, ScoreOptions::default());
    println!(
        "{} companies from {} respondents",
        report.input.companies, report.input.rows_scored
    );
    for c in report.companies.iter().filter(|c| !c.suppressed).take(10) {
        let index = c
            .scores
            .as_ref()
            .and_then(|s| s.get("alignment_index").copied().flatten());
        match index {
            Some(i) => println!(
                "{:<12} {:>5.1}  {}",
                c.company_id,
                i,
                c.stage.as_deref().unwrap_or("")
            ),
            None => println!("{:<12}     –", c.company_id),
        }
    }
    Ok(())
}
