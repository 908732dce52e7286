//! One small module per subcommand: glue from the command line to the
//! analysis and the renderers.

mod benchmark;
mod compare;
mod completions;
mod drivers;
mod gaps;
mod generate;
mod instrument;
mod leaders;
mod norms;
mod report;
mod score;
mod scorecards;
mod validate;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Run a parsed command line; returns the exit code on success paths
/// (`validate` exits 3 when it found problems).
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Score(a) => score::run(a),
        Command::Leaders(a) => leaders::run(a),
        Command::Gaps(a) => gaps::run(a),
        Command::Drivers(a) => drivers::run(a),
        Command::Report(a) => report::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Instrument(a) => instrument::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Norms(a) => norms::run(a),
        Command::Benchmark(a) => benchmark::run(a),
        Command::Scorecards(a) => scorecards::run(a),
        Command::Compare(a) => compare::run(a),
        Command::Completions(a) => completions::run(a),
        Command::Man(a) => completions::man(a),
    }
}

/// The inputs every analysing command reads: the responses and the
/// instrument, then `more`.
pub(crate) fn inputs<'a>(
    input: &'a crate::cli::InputArgs,
    more: &[(&'a str, Option<&'a std::path::Path>)],
) -> Vec<(&'a str, Option<&'a std::path::Path>)> {
    let mut all = vec![
        ("the responses", Some(input.responses.as_path())),
        ("--instrument", input.instrument.as_deref()),
    ];
    all.push(("--company-aliases", input.company_aliases.as_deref()));
    all.extend_from_slice(more);
    all
}

/// The inputs and output of a command reading responses, an outcomes file
/// and a companies file: none given twice, and `-o` overwriting none
/// (see [`crate::output::check_paths`]).
pub(crate) fn check_outcome_paths(
    input: &crate::cli::InputArgs,
    outcomes: &crate::cli::OutcomeArgs,
    segments: &crate::cli::SegmentArgs,
    output: &crate::cli::OutputArgs,
) -> Result<()> {
    crate::output::check_paths(
        &inputs(
            input,
            &[
                ("--outcomes", outcomes.outcomes.as_deref()),
                ("--companies", segments.companies.as_deref()),
            ],
        ),
        &[("-o", output.output.as_deref())],
    )
}

/// The instrument in use, with the company aliases of `--company-aliases`.
pub(crate) fn load_instrument(
    input: &crate::cli::InputArgs,
) -> Result<crate::instrument::Instrument> {
    let mut inst = crate::instrument::Instrument::load(input.instrument.as_deref())?;
    inst.include_unfinished = input.include_unfinished;
    if let Some(p) = &input.company_aliases {
        inst.company_aliases = crate::ingest::aliases::read_aliases(p)?;
    }
    Ok(inst)
}

/// Read the outcomes file (if any), merge it with the responses' outcome
/// columns, and classify the companies shown at `anonymity` (composite and
/// tier; hidden companies get neither).
pub(crate) fn prepare_outcomes(
    inst: &crate::instrument::Instrument,
    acc: &crate::accumulate::Accumulator,
    args: &crate::cli::OutcomeArgs,
    scheme: crate::analysis::outcomes::Scheme,
    anonymity: u64,
) -> Result<crate::analysis::outcomes::Outcomes> {
    prepare_outcomes_with(
        inst,
        acc,
        args,
        scheme,
        crate::analysis::outcomes::NothingVaries::Unclassified,
        anonymity,
    )
}

/// [`prepare_outcomes`], choosing what happens when no outcome varies.
pub(crate) fn prepare_outcomes_with(
    inst: &crate::instrument::Instrument,
    acc: &crate::accumulate::Accumulator,
    args: &crate::cli::OutcomeArgs,
    scheme: crate::analysis::outcomes::Scheme,
    nothing_varies: crate::analysis::outcomes::NothingVaries,
    anonymity: u64,
) -> Result<crate::analysis::outcomes::Outcomes> {
    use crate::analysis::outcomes;
    let table = match &args.outcomes {
        Some(p) => Some(crate::ingest::outcomes::read_outcomes(
            p,
            inst,
            args.outcomes_key.as_deref(),
        )?),
        None => None,
    };
    outcomes::prepare(
        inst,
        acc,
        table.as_ref(),
        args.composite.into(),
        scheme,
        nothing_varies,
        anonymity,
    )
}

/// The peer-group figures asked for with `--segment` (`None` without it).
/// The companies file, when given, is read and checked either way.
pub(crate) fn prepare_segments(
    inst: &crate::instrument::Instrument,
    acc: &crate::accumulate::Accumulator,
    args: &crate::cli::SegmentArgs,
    outcomes: Option<&crate::analysis::outcomes::Outcomes>,
    opts: SegmentSettings,
) -> Result<Option<crate::analysis::segments::Segments>> {
    use crate::analysis::segments;
    let table = match &args.companies {
        Some(p) => Some(crate::ingest::companies::read_companies(
            p,
            args.companies_key.as_deref(),
            &inst.columns.company,
            &inst.company_aliases,
        )?),
        None => None,
    };
    let Some(attr) = &args.segment else {
        return Ok(None);
    };
    let attribute = segments::resolve(attr, table.as_ref(), inst, acc, opts.anonymity)?;
    Ok(Some(segments::build(
        inst,
        acc,
        &attribute,
        outcomes,
        segments::SegmentOptions {
            min_companies: args.min_companies,
            anonymity: opts.anonymity,
            weighting: opts.weighting,
            perceived_threshold: opts.perceived_threshold,
        },
    )))
}

/// Each company's value of `attr` from the companies file `companies`
/// (read and checked when given) or the instrument's declared segments;
/// `None` without `attr`.
pub(crate) fn company_attribute(
    inst: &crate::instrument::Instrument,
    acc: &crate::accumulate::Accumulator,
    companies: Option<&std::path::Path>,
    companies_key: Option<&str>,
    attr: Option<&str>,
    anonymity: u64,
) -> Result<Option<crate::analysis::segments::CompanyAttribute>> {
    let table = match companies {
        Some(p) => Some(crate::ingest::companies::read_companies(
            p,
            companies_key,
            &inst.columns.company,
            &inst.company_aliases,
        )?),
        None => None,
    };
    match attr {
        Some(a) => {
            crate::analysis::segments::resolve(a, table.as_ref(), inst, acc, anonymity).map(Some)
        }
        None => Ok(None),
    }
}

/// The settings of the command that segment figures follow.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SegmentSettings {
    pub anonymity: u64,
    pub weighting: crate::analysis::score::Weighting,
    pub perceived_threshold: f64,
}

/// Add `segments` to a model's warnings (each once) and hand it back.
pub(crate) fn with_segment_warnings(
    segments: Option<crate::analysis::segments::Segments>,
    warnings: &mut Vec<String>,
) -> Option<crate::analysis::segments::Segments> {
    if let Some(s) = &segments {
        for w in &s.warnings {
            if !warnings.contains(w) {
                warnings.push(w.clone());
            }
        }
    }
    segments
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
        threads: input.threads.map_or(0, usize::from),
        parts_of: input.read_in_parts,
        ..Default::default()
    };
    let report = crate::ingest::read_responses_split(&input.responses, inst, opts, &mut acc)?
        .into_result()?;
    acc.release_index();
    if let Some(message) = nothing_scored(&report) {
        return Err(crate::error::Error::Format {
            file: report.file,
            message,
        });
    }
    Ok((acc, report))
}

/// Free `value` on a thread of its own, once the output is written: a
/// pass's sums and report model are tens of thousands of small allocations,
/// and freeing them would hold up the end of the command by tens of
/// milliseconds. The thread is not waited for (a process that ends first
/// needs no freeing); if it cannot start, `value` is freed here.
pub(crate) fn drop_later<T: Send + 'static>(value: T) {
    // Should no thread start, the closure, and `value` with it, is freed
    // right here.
    let _ = std::thread::Builder::new()
        .name("free".into())
        .spawn(move || drop(value));
}

/// Why a pass that scored no row cannot be analysed, if it scored none.
pub(crate) fn nothing_scored(r: &crate::ingest::InputReport) -> Option<String> {
    if r.rows_scored > 0 {
        return None;
    }
    if r.rows_read == 0 {
        return Some("no respondent rows: the file has a header but no data rows".to_string());
    }
    let groups = crate::render::exclusion_groups(&r.exclusions);
    let reasons: Vec<String> = groups
        .iter()
        .map(|(reason, n, lines)| {
            let l: Vec<String> = lines.iter().map(|x| x.to_string()).collect();
            format!("{reason}: {n} (line {})", l.join(", "))
        })
        .collect();
    Some(format!(
        "no row could be scored: all {} rows were excluded ({})",
        r.rows_read,
        reasons.join("; ")
    ))
}

/// Print warnings to standard error unless quiet.
pub(crate) fn warn_all(warnings: &[String], quiet: bool) {
    if quiet {
        return;
    }
    let style = crate::render::Style::detect_stderr();
    for w in warnings {
        crate::terminal::eprint_line(style.warning_prefix(), w);
    }
}
