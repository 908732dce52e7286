//! The document of each command, built from its analysis model
//! ([`crate::render::Model::document`]).

/// [`finish`] a document with its model's own segments, warnings, input,
/// hidden counts and instrument (fields every command's model has).
macro_rules! finish_with {
    ($doc:expr, $m:expr) => {
        super::finish(
            $doc,
            $m.segments.as_ref(),
            &$m.warnings,
            &$m.input,
            &$m.hidden,
            &$m.instrument,
        )
    };
}

mod benchmark;
mod compare;
pub(crate) mod drivers;
pub(crate) mod gaps;
pub(crate) mod leaders;
mod score;
pub(crate) use score::{
    companies_table as score_companies_table, document_later as score_document_later,
    reliability_table as score_reliability_table, write_companies_csv,
};
// One card per company, written to a directory by the `scorecards` command.
#[cfg_attr(not(feature = "cli"), allow(dead_code))]
pub(crate) mod scorecards;

/// The end every command's document shares: the peer-group section (with
/// `--segment`), the warnings, the input accounting, and table names
/// unique in the document.
pub(super) fn finish(
    mut doc: super::Document,
    segments: Option<&crate::analysis::segments::Segments>,
    warnings: &[String],
    input: &crate::analysis::score::InputSummary,
    hidden: &crate::analysis::score::Hidden,
    inst: &crate::analysis::InstrumentRef,
) -> super::Document {
    if let Some(seg) = segments {
        doc.sections.push(super::segments::section(seg));
    }
    doc.warnings = warnings.to_vec();
    doc.accounting = crate::render::accounting_lines(input, hidden, inst);
    doc.name_tables();
    doc
}

impl crate::render::Model for crate::analysis::report::Report {
    fn document(&self, _opts: &crate::render::DocOptions) -> super::Document {
        super::build(self)
    }
}
