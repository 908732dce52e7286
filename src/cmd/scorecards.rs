//! `align scorecards`: check the output directory → load and check the
//! norms → ingest → accumulate → the benchmark and score models (and tiers
//! with outcomes) → one scorecard per shown company and an index, each file
//! written atomically into the directory.

use crate::accumulate::Accumulator;
use crate::analysis::benchmark::{self, BenchmarkReport};
use crate::analysis::norms::{file as norms_file, Norms};
use crate::analysis::outcomes::Outcomes;
use crate::analysis::score::{self, ScoreOptions, ScoreReport};
use crate::analysis::scorecards::{self, ScorecardOptions, Scorecards};
use crate::cli::{CardFormat, ScorecardsArgs};
use crate::error::{Error, Result};
use crate::ingest::InputReport;
use crate::instrument::Instrument;
use crate::render::document::commands::scorecards as doc;
use crate::render::{self, Format, RenderOptions};
use std::path::Path;

/// Refuse a directory that is not one, or one that holds anything unless
/// `force`: a re-run must not mix old and new scorecards.
fn check_dir(dir: &Path, force: bool) -> Result<()> {
    let name = dir.display();
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(Error::Usage(format!(
            "-o {name} is not a directory: scorecards are written into a directory"
        ))),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir)
                .map_err(|e| Error::io(format!("failed to read the directory {name}"), e))?;
            if !force && entries.next().is_some() {
                return Err(Error::Usage(format!(
                    "{name} is not empty; give an empty or new directory, or --force to write into it anyway"
                )));
            }
            Ok(())
        }
        Err(_) => Ok(()),
    }
}

/// A progress bar on standard error when it is a terminal and not quiet.
fn progress(len: u64, quiet: bool) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let pb = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len}") {
        pb.set_style(style.progress_chars("=> "));
    }
    pb.set_message("writing scorecards");
    pb
}

/// With --force the directory may hold a link or a device under a name to
/// be written: refuse before writing anything, so nothing lands outside the
/// directory (a link is never written through).
fn check_targets(paths: &[std::path::PathBuf]) -> Result<()> {
    for path in paths {
        if let Ok(m) = std::fs::symlink_metadata(path) {
            if !m.is_file() {
                return Err(Error::Usage(format!(
                    "{} exists and is not a regular file; remove it or choose another directory",
                    path.display()
                )));
            }
        }
    }
    Ok(())
}

fn write_doc(path: &Path, d: crate::render::document::Document, format: Format) -> Result<()> {
    let opts = RenderOptions {
        width: Some(100),
        ..RenderOptions::default()
    };
    render::write_output(Some(path), |w| render::write_document(d, format, &opts, w))
}

fn load_norms(
    a: &ScorecardsArgs,
    inst: &crate::instrument::Instrument,
) -> Result<(Norms, String, Vec<String>)> {
    let name = crate::ingest::sniff::display_name(&a.norms);
    let norms = norms_file::load(&a.norms)?;
    let warnings = norms_file::check_instrument(&norms, inst, &name)?;
    Ok((norms, name, warnings))
}

/// Check the inputs can be read and the output directory can be written.
fn check_io(a: &ScorecardsArgs) -> Result<()> {
    crate::output::check_paths(
        &super::inputs(
            &a.input,
            &[
                ("--norms", Some(a.norms.as_path())),
                ("--outcomes", a.outcomes.outcomes.as_deref()),
            ],
        ),
        &[],
    )?;
    check_dir(&a.output, a.force)
}

/// The score model with the norms' weighting, the benchmark model and, with
/// `--outcomes`, the tiers: what the scorecards are built from.
fn models(
    a: &ScorecardsArgs,
    inst: &Instrument,
    acc: &Accumulator,
    input: InputReport,
    norms: &Norms,
    name: &str,
    warnings: Vec<String>,
) -> Result<(ScoreReport, BenchmarkReport, Option<Outcomes>)> {
    let score_model = score::build(
        inst,
        acc,
        input.clone(),
        ScoreOptions {
            weighting: norms.weighting,
            anonymity: a.anonymity,
        },
    );
    let bench = benchmark::build(inst, acc, input, norms, name, a.anonymity, warnings);
    let outcomes = match &a.outcomes.outcomes {
        Some(_) => Some(super::prepare_outcomes(
            inst,
            acc,
            &a.outcomes,
            a.scheme,
            a.anonymity,
        )?),
        None => None,
    };
    Ok((score_model, bench, outcomes))
}

/// Write every card and the index into the output directory, refusing
/// before writing anything when a name to be written is not a regular file.
fn write_cards(a: &ScorecardsArgs, model: &Scorecards) -> Result<()> {
    let (format, ext) = match a.format {
        CardFormat::Html => (Format::Html, "html"),
        CardFormat::Markdown => (Format::Markdown, "md"),
    };
    let dir = &a.output;
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::io(
            format!("failed to create the directory {}", dir.display()),
            e,
        )
    })?;
    let paths: Vec<std::path::PathBuf> = model
        .cards
        .iter()
        .map(|c| dir.join(format!("{}.{ext}", c.file_stem)))
        .collect();
    let index_path = dir.join(format!("index.{ext}"));
    check_targets(&paths)?;
    check_targets(std::slice::from_ref(&index_path))?;
    let pb = progress(model.cards.len() as u64 + 1, a.quiet);
    for (c, path) in model.cards.iter().zip(&paths) {
        write_doc(path, doc::card(model, c), format)?;
        pb.inc(1);
    }
    write_doc(&index_path, doc::index(model, ext), format)?;
    pb.finish_and_clear();
    Ok(())
}

pub fn run(a: ScorecardsArgs) -> Result<u8> {
    check_io(&a)?;
    let inst = super::load_instrument(&a.input)?;
    let (norms, name, warnings) = load_norms(&a, &inst)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.quiet)?;
    let (score_model, bench, outcomes) = models(&a, &inst, &acc, input, &norms, &name, warnings)?;
    let model = scorecards::build(
        &bench,
        &score_model,
        &norms,
        outcomes.as_ref(),
        ScorecardOptions {
            anonymity: a.anonymity,
            min_companies: a.min_companies,
        },
    );
    super::warn_all(&scorecards::warnings(&bench, outcomes.as_ref()), a.quiet);
    write_cards(&a, &model)?;
    if !a.quiet {
        let line = doc::written_line(&model, &a.output.display().to_string());
        crate::terminal::eprint_line("", &line);
    }
    super::drop_later((acc, bench, score_model, model));
    Ok(0)
}
