//! The integration tests of `align`, one binary: each module tests one
//! command or concern end to end through the built `align` binary (or the
//! library), sharing the helpers in `support` (and `norms_support` for the
//! norms fixtures), so the helpers compile once.

mod support;

mod norms_support;

#[rustfmt::skip]
#[allow(dead_code)]
#[path = "../reference/norms_expected.rs"]
mod norms_expected;

mod cli_commands;
mod cli_errors;
mod compare;
mod disclosure;
mod draft;
mod drivers;
mod exports;
mod fast_path;
mod formats;
mod gaps_reference;
mod gaps_render;
mod hardening;
mod hostile;
mod leaders_reference;
mod leaders_render;
mod library;
mod norms_benchmark;
mod norms_files;
mod peer_norms;
mod properties;
mod relimp_published;
mod render_score;
mod report_exec;
mod report_html;
mod report_markdown;
mod roles_completion;
mod roles_other;
mod score_formats;
mod score_reference;
mod scorecards;
mod segments;
mod segments_declared;
mod spreadsheets;
