//! Score a survey read with a custom instrument (its own columns, scale and
//! dimensions), through the library's front door.
//!
//! ```text
//! cargo run --example custom_instrument -- tests/data/small5/instrument.json tests/data/small5/responses.csv
//! ```

use align::analysis::score::ScoreOptions;
use align::{Instrument, Survey};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let inst = args
        .next()
        .unwrap_or_else(|| "tests/data/small5/instrument.json".into());
    let file = args
        .next()
        .unwrap_or_else(|| "tests/data/small5/responses.csv".into());
    match run(&inst, &file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(inst: &str, file: &str) -> align::Result<()> {
    let inst = Instrument::load(Some(inst.as_ref()))?;
    let survey = Survey::open(file, &inst)?;
    let scores = survey.score(ScoreOptions::default());
    for c in &scores.companies {
        match (&c.scores, c.suppressed) {
            (Some(s), false) => match s.get("alignment_index").copied().flatten() {
                Some(index) => println!("{:<12} n = {:>3}  index {index:.1}", c.company_id, c.n),
                None => println!("{:<12} n = {:>3}  no index", c.company_id, c.n),
            },
            _ => println!("{:<12} n = {:>3}  hidden", c.company_id, c.n),
        }
    }
    Ok(())
}
