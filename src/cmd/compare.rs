//! `align compare`: read both waves (each with its instrument, the same
//! one unless `--instrument-after`), classify each by its outcomes when
//! both have them, compare, render.

use crate::accumulate::Accumulator;
use crate::analysis::compare::{self, CompareOptions, WaveInput};
use crate::analysis::outcomes::Outcomes;
use crate::cli::{CompareArgs, OutcomeArgs};
use crate::error::{Error, Result};
use crate::instrument::Instrument;
use crate::render::{self, DocOptions, Format};

pub fn run(a: CompareArgs) -> Result<u8> {
    crate::output::check_paths(
        &[
            ("BEFORE.csv", Some(a.before.as_path())),
            ("AFTER.csv", Some(a.after.as_path())),
            ("--instrument", a.instrument.as_deref()),
            ("--instrument-after", a.instrument_after.as_deref()),
            ("--company-aliases", a.company_aliases.as_deref()),
            ("--outcomes-before", a.outcomes_before.as_deref()),
            ("--outcomes-after", a.outcomes_after.as_deref()),
        ],
        &[("-o", a.output.output.as_deref())],
    )?;
    if crate::output::same_input(&a.before, &a.after) {
        return Err(Error::Usage(format!(
            "BEFORE.csv and AFTER.csv are the same file ({}): a comparison needs two waves",
            a.before.display()
        )));
    }
    let (format, render) = a.output.resolve(Format::Table)?;
    let anonymity = a.output.anonymity;
    let quiet = a.output.quiet;
    let (ib, ia) = (a.wave_input(&a.before, false), a.wave_input(&a.after, true));
    let inst_b = super::load_instrument(&ib)?;
    let inst_a = super::load_instrument(&ia)?;
    compare::check_same_instrument(&inst_b, &inst_a)?;
    let (acc_b, input_b) = super::accumulate(&inst_b, &ib, quiet)?;
    let (acc_a, input_a) = super::accumulate(&inst_a, &ia, quiet)?;
    let mut early = Vec::new();
    let (out_b, out_a) = wave_outcomes(&a, (&inst_b, &acc_b), (&inst_a, &acc_a), &mut early)?;
    let (label_b, label_a) = a
        .labels
        .clone()
        .unwrap_or_else(|| ("before".into(), "after".into()));
    for (label, o) in [(&label_b, &out_b), (&label_a, &out_a)] {
        if let Some(o) = o {
            early.extend(o.warnings.iter().map(|w| format!("{label}: {w}")));
        }
    }
    let mut model = compare::build(
        WaveInput {
            label: label_b,
            inst: &inst_b,
            acc: &acc_b,
            input: input_b,
            outcomes: out_b.as_ref(),
        },
        WaveInput {
            label: label_a,
            inst: &inst_a,
            acc: &acc_a,
            input: input_a,
            outcomes: out_a.as_ref(),
        },
        CompareOptions { anonymity },
    );
    early.append(&mut model.warnings);
    model.warnings = early;
    super::warn_all(&model.warnings, quiet);
    render::emit(
        &model,
        format,
        &DocOptions { by_role: false },
        &render,
        a.output.output.as_deref(),
    )?;
    super::drop_later((acc_b, acc_a, model));
    Ok(0)
}

/// Each wave's composites and tiers, when both waves have an outcomes
/// file; with only one, a warning in `warnings` and no tiers.
fn wave_outcomes(
    a: &CompareArgs,
    before: (&Instrument, &Accumulator),
    after: (&Instrument, &Accumulator),
    warnings: &mut Vec<String>,
) -> Result<(Option<Outcomes>, Option<Outcomes>)> {
    let (Some(fb), Some(fa)) = (&a.outcomes_before, &a.outcomes_after) else {
        if a.outcomes_before.is_some() || a.outcomes_after.is_some() {
            warnings.push(
                "tiers are compared only when both waves have an outcomes file (--outcomes-before and --outcomes-after); the one given is not used".to_string(),
            );
        }
        return Ok((None, None));
    };
    let prepare = |(inst, acc): (&Instrument, &Accumulator), file: &std::path::Path| {
        let args = OutcomeArgs {
            outcomes: Some(file.to_path_buf()),
            outcomes_key: None,
            composite: a.composite,
        };
        super::prepare_outcomes(inst, acc, &args, a.scheme, a.output.anonymity)
    };
    Ok((Some(prepare(before, fb)?), Some(prepare(after, fa)?)))
}
