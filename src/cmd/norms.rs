//! `align norms`: ingest → accumulate → tiers of the companies that enter
//! the norms (when the survey has outcomes) → the norms file (JSON).

use crate::analysis::norms::{self, NormsOptions};
use crate::analysis::outcomes::{self, Outcomes};
use crate::cli::NormsArgs;
use crate::error::Result;
use crate::instrument::Instrument;
use crate::render::{self, fmt::plural};

/// Tiers of the companies with at least `anonymity` respondents, classified
/// among themselves; `None` when there are no outcomes to classify by.
fn tiers(
    inst: &Instrument,
    acc: &crate::accumulate::Accumulator,
    a: &NormsArgs,
    warnings: &mut Vec<String>,
) -> Result<Option<Outcomes>> {
    let table = match &a.outcomes.outcomes {
        Some(p) => Some(crate::ingest::outcomes::read_outcomes(
            p,
            inst,
            a.outcomes.outcomes_key.as_deref(),
        )?),
        None => None,
    };
    if inst.outcomes.is_empty() {
        warnings.push(format!(
            "the instrument \"{}\" defines no outcomes, so the norms have no tiers and benchmarks compare with the average company",
            inst.name
        ));
        return Ok(None);
    }
    let mut notes = Vec::new();
    let values = outcomes::company_values(inst, acc, table.as_ref(), &mut notes);
    let inc = norms::included(acc, a.anonymity);
    let ids: Vec<Box<str>> = inc.iter().map(|&i| acc.ids[i].clone()).collect();
    let values: Vec<_> = inc.iter().map(|&i| values[i].clone()).collect();
    if table.is_none() && values.iter().all(|v| v.0.iter().all(|x| x.is_none())) {
        warnings.push(
            "no outcomes in the responses, so the norms have no tiers and benchmarks compare with the average company; pass --outcomes FILE to add the leaders' means"
                .into(),
        );
        return Ok(None);
    }
    let method = a.outcomes.composite.into();
    outcomes::classify(inst, &ids, values, method, a.scheme, notes).map(Some)
}

pub fn run(a: NormsArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(
            &a.input,
            &[
                ("--outcomes", a.outcomes.outcomes.as_deref()),
                ("--companies", a.segments.companies.as_deref()),
            ],
        ),
        &[("-o", a.output.as_deref())],
    )?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.quiet)?;
    let mut warnings = Vec::new();
    let outcomes = tiers(&inst, &acc, &a, &mut warnings)?;
    let opts = NormsOptions {
        weighting: a.weighting.into(),
        anonymity: a.anonymity,
    };
    let attribute = super::company_attribute(
        &inst,
        &acc,
        a.segments.companies.as_deref(),
        a.segments.companies_key.as_deref(),
        a.segments.segment.as_deref(),
        a.anonymity,
    )?;
    let segment = attribute.as_ref().map(|t| (t, a.segments.min_companies));
    let (model, more) =
        norms::build_with_segments(&inst, &acc, opts, outcomes.as_ref(), &input.file, segment)?;
    warnings.extend(more);
    super::warn_all(&warnings, a.quiet);
    render::write_output(a.output.as_deref(), |w| render::json::write(&model, w))?;
    let to_file = crate::output::target(a.output.as_deref()) != crate::output::Target::Stdout;
    if let (Some(path), false, true) = (&a.output, a.quiet, to_file) {
        let tiers = match &model.tiers {
            Some(t) => format!(
                "; tiers ({}): {} leaders, {} average, {} laggards",
                t.scheme, t.leader.n, t.average.n, t.laggard.n
            ),
            None => "; no tiers".into(),
        };
        let line = format!(
            "wrote {}: norms from {} ({}){}",
            path.display(),
            plural(model.companies as u64, "company", "companies"),
            plural(model.respondents, "respondent", "respondents"),
            tiers
        );
        crate::terminal::eprint_line("", &line);
    }
    Ok(0)
}
