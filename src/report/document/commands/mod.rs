//! The document of each command, built from its analysis model
//! ([`crate::report::Model::document`]).

mod benchmark;
pub(crate) mod gaps;
pub(crate) mod leaders;
mod score;
pub(crate) mod scorecards;

impl crate::report::Model for crate::analysis::report::Report {
    fn document(&self, _opts: &crate::report::DocOptions) -> super::Document {
        super::build(self)
    }
}
