//! Format writers: each renders any [`Document`](super::document::Document)
//! to a `&mut dyn Write`.

pub mod csv;
pub mod markdown;
pub mod table;
pub mod xlsx;
