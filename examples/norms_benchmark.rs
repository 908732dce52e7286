//! Build benchmark norms from a reference survey and place another
//! survey's companies against them.
//!
//! ```text
//! cargo run --example norms_benchmark -- data/survey.csv data/outcomes.csv new-survey.csv
//! ```

use align::analysis::norms::NormsOptions;
use align::analysis::outcomes::{CompositeMethod, Scheme};
use align::{Instrument, Survey};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    match run(
        &arg(0, "data/survey.csv"),
        &arg(1, "data/outcomes.csv"),
        &arg(2, "data/survey.csv"),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(reference: &str, outcomes: &str, company_file: &str) -> align::Result<()> {
    let inst = Instrument::default_instrument();
    let anonymity = 3;
    let reference = Survey::open(reference, &inst)?;
    let tiers = reference.outcomes(
        Some(Path::new(outcomes)),
        CompositeMethod::Z,
        Scheme::Aberdeen,
        anonymity,
    )?;
    let (norms, warnings) = reference.norms(
        Some(&tiers),
        NormsOptions {
            anonymity,
            ..NormsOptions::default()
        },
    )?;
    for w in warnings {
        eprintln!("warning: {w}");
    }
    let companies = Survey::open(company_file, &inst)?;
    let bench = companies.benchmark(&norms, "the reference norms", anonymity);
    for c in bench.companies.iter().filter(|c| !c.suppressed).take(5) {
        let index = c
            .dimensions
            .as_ref()
            .and_then(|d| d.get("alignment_index"))
            .and_then(|x| x.percentile);
        println!("{:<8} alignment index percentile {:?}", c.company_id, index);
    }
    Ok(())
}
