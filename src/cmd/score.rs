//! `align score`: ingest → accumulate → score → render.

use crate::analysis::score::{self, ScoreOptions};
use crate::cli::ScoreArgs;
use crate::error::Result;
use crate::render::{self, DocOptions, Format, Model};

pub fn run(a: ScoreArgs) -> Result<u8> {
    crate::output::check_paths(
        &super::inputs(
            &a.input,
            &[("--companies", a.segments.companies.as_deref())],
        ),
        &[("-o", a.output.output.as_deref())],
    )?;
    let (format, render) = a.output.resolve(Format::Table)?;
    let inst = super::load_instrument(&a.input)?;
    let (acc, input) = super::accumulate(&inst, &a.input, a.output.quiet)?;
    let weighting = a.weighting.into();
    let mut model = score::stream(
        &inst,
        &acc,
        input,
        ScoreOptions {
            weighting,
            anonymity: a.output.anonymity,
        },
    );
    // `score` has no outcomes: leader and laggard shares are null.
    let segments = super::prepare_segments(
        &inst,
        &acc,
        &a.segments,
        None,
        super::SegmentSettings {
            anonymity: a.output.anonymity,
            weighting,
            perceived_threshold: crate::analysis::gaps::GapsOptions::default().perceived_threshold,
        },
    )?;
    let report = &mut model.report;
    report.segments = super::with_segment_warnings(segments, &mut report.warnings);
    super::warn_all(&report.warnings, a.output.quiet);
    let doc_opts = DocOptions { by_role: a.by_role };
    let path = a.output.output.as_deref();
    if format == Format::Json {
        render::emit(&model, format, &doc_opts, &render, path)?;
        drop(model);
        super::drop_later(acc);
    } else if format == Format::Csv && render::emit_score_csv(&model, &render, path)?
        || render::emit_score_later(&model, format, &doc_opts, &render, path)?
    {
        // The companies, written as they are made.
        drop(model);
        super::drop_later(acc);
    } else {
        // The document holds every figure it shows: the sums are freed
        // while it is written.
        let doc = model.document(&doc_opts);
        drop(model);
        super::drop_later(acc);
        render::emit_document(doc, format, &render, path)?;
    }
    Ok(0)
}
