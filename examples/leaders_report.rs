//! Leaders vs laggards with an outcomes file, then the whole report written
//! as self-contained HTML.
//!
//! ```text
//! cargo run --example leaders_report -- data/survey.csv data/outcomes.csv report.html
//! ```

use align::analysis::leaders::LeadersOptions;
use align::analysis::outcomes::{CompositeMethod, Scheme};
use align::analysis::report::ReportOptions;
use align::render::{DocOptions, Format, Model, RenderOptions};
use align::{Instrument, Survey};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |i: usize, default: &str| args.get(i).cloned().unwrap_or_else(|| default.into());
    let (file, outcomes, html) = (
        arg(0, "data/survey.csv"),
        arg(1, "data/outcomes.csv"),
        arg(2, "report.html"),
    );
    match run(&file, &outcomes, &html) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

fn run(file: &str, outcomes: &str, html: &str) -> align::Result<()> {
    let inst = Instrument::default_instrument();
    let survey = Survey::open(file, &inst)?;
    let anonymity = 3;
    let tiers = survey.outcomes(
        Some(Path::new(outcomes)),
        CompositeMethod::Z,
        Scheme::Aberdeen,
        anonymity,
    )?;
    let leaders = survey.leaders(
        &tiers,
        LeadersOptions {
            anonymity,
            ..LeadersOptions::default()
        },
    )?;
    for line in &leaders.summary {
        println!("• {line}");
    }
    let report = survey.report(Some(&tiers), ReportOptions::default());
    align::render::emit(
        &report,
        Format::Html,
        &DocOptions::default(),
        &RenderOptions::default(),
        Some(Path::new(html)),
    )?;
    println!("wrote {html}");
    // The same document in any other format: report.document(…) and
    // align::render::write_document.
    let _ = report.document(&DocOptions::default());
    Ok(())
}
