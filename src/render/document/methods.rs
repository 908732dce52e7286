//! The closing sections: method notes (what each statistic means, in a
//! sentence or two) and the input accounting with the instrument, which
//! every report ends with.

use super::{Block, Section};
use crate::analysis::gaps::{fmt_threshold, GapsReport};
use crate::analysis::report::Report;
use crate::render::accounting_lines;

fn def(term: &str, text: &str) -> (String, String) {
    (term.to_string(), text.to_string())
}

/// What each statistic in the report means.
pub fn methods(r: &Report) -> Section {
    let mut sec = Section::new("methods", "Technical appendix: settings and methods");
    sec.subheading("Settings of this run");
    sec.list(settings(r));
    sec.subheading("What each statistic means");
    sec.blocks.push(Block::Definitions {
        items: definitions(r),
    });
    sec
}

/// The settings of the run, one sentence each.
fn settings(r: &Report) -> Vec<String> {
    let mut settings = vec![
        format!(
            "Anonymity threshold: {} respondents (--anonymity N).",
            r.score.hidden.threshold
        ),
        format!(
            "Company scores weighted by: {} (--weighting).",
            match r.score.settings.weighting {
                crate::analysis::score::Weighting::Respondent => "respondent",
                crate::analysis::score::Weighting::Role => "role",
            }
        ),
    ];
    if let Some(l) = &r.leaders {
        settings.push(format!(
            "Tiers: {} (--scheme); outcome composite: {} (--composite); outcomes from --outcomes FILE or the responses' outcome columns.",
            l.settings.scheme,
            match l.settings.composite {
                crate::analysis::outcomes::CompositeMethod::Z => "z",
                crate::analysis::outcomes::CompositeMethod::Rank => "rank",
            }
        ));
    }
    if let Some(g) = &r.gaps {
        settings.push(format!(
            "Perceived aligned at a perception index of {} or more (--perceived-threshold).",
            fmt_threshold(g.settings.perceived_threshold)
        ));
    }
    settings.push("The same analyses one at a time: align score, align leaders and align gaps (with --format json, csv, markdown or xlsx).".into());
    settings
}

/// What each statistic in the report means: those of every report, then
/// those of the sections this report has.
fn definitions(r: &Report) -> Vec<(String, String)> {
    let mut items = vec![
        def(
            "Dimension score, alignment index",
            "A respondent's dimension mean is the mean of their answers to its items (reverse-worded items reverse-coded; at least half answered). A company's score is the mean over its respondents, as a 0–100 index; the alignment index is the mean of its dimension scores.",
        ),
        def(
            "Stage",
            "A named band of the alignment index defined by the instrument (e.g. Undefined, Defined, Aligned, Integrated).",
        ),
        def(
            "Cronbach's α",
            "How consistently a dimension's items move together, from respondents who answered all of them; 0.7 or more is the usual bar. The 95% CI uses Feldt's method.",
        ),
        def(
            "ICC(1), ICC(2)",
            "From a one-way ANOVA of respondents' dimension means by company: ICC(1) is the share of the variance that lies between companies; ICC(2) is the reliability of a company's mean.",
        ),
        def(
            "r_wg(J)",
            "Agreement among one company's respondents: 1 when they all answer alike, 0 when they disagree as much as random answers would. Needs at least 2 respondents; 0.7 or more is usually read as a shared view.",
        ),
    ];
    if r.leaders.is_some() {
        items.extend(leader_definitions());
    }
    if let Some(g) = &r.gaps {
        items.extend(gaps_definitions(g));
    }
    items.push(def(
        "Anonymity",
        &format!(
            "A company with fewer than {} respondents is never shown and enters no figure of this report (only Cronbach's α still pools its respondents). A role group within a company with fewer respondents is hidden, and so is the company's smallest other role group when the hidden ones together would be too few: no hidden group can be worked out by subtracting the shown ones from its company's score. Change the threshold with --anonymity N.",
            r.score.hidden.threshold
        ),
    ));
    items
}

/// Warnings, then the input accounting and the instrument: the end of every report.
pub fn input(r: &Report) -> Section {
    let s = &r.score;
    let mut sec = Section::new("input", "Technical appendix: input and instrument");
    let lines: Vec<String> = accounting_lines(&s.input, &s.hidden, &s.instrument)
        .into_iter()
        .map(|l| l.trim_start().to_string())
        .collect();
    // Warnings first, so that the report ends with the accounting.
    if !r.warnings.is_empty() {
        sec.subheading("Warnings");
        sec.list(super::reader_warnings(r));
        sec.subheading("Rows, companies and instrument");
    }
    sec.list(lines);
    sec
}

/// The statistics of leaders vs laggards.
fn leader_definitions() -> [(String, String); 4] {
    [
        def(
            "Outcome composite, tiers",
            "Each business outcome becomes a z-score (or percentile rank) across companies, sign-flipped where lower is better; the composite is their mean. Companies are split into leaders, average and laggards by the composite (the scheme is named in the section).",
        ),
        def(
            "Hedges' g",
            "The leader–laggard difference in standard deviations, corrected for small samples, with a 95% confidence interval; about 0.2 is small, 0.5 medium, 0.8 large.",
        ),
        def(
            "Welch's t, Mann–Whitney U, q",
            "Tests of the leader–laggard difference without assuming equal variances (Welch) or normality (Mann–Whitney). q is the p-value adjusted by Benjamini–Hochberg for testing many items at once; q < 0.05 is read as significant.",
        ),
        def(
            "Top-2-box, lift",
            "The share of a tier's respondents answering in the two highest scale points, as the statement is worded; lift is the leaders' share divided by the laggards'.",
        ),
    ]
}

/// The statistics of the perception and disconnect sections the report has.
fn gaps_definitions(g: &GapsReport) -> Vec<(String, String)> {
    let mut items = Vec::new();
    if g.perception.is_some() {
        items.push(def(
            "Perception index, quadrants",
            &format!(
                "The perception questions scored like a dimension (0–100); a company says it is aligned at {} or more. The quadrants cross that with an outcome composite strictly above the median of all classified companies. Overconfidence = perception index − alignment index.",
                fmt_threshold(g.settings.perceived_threshold)
            ),
        ));
        items.push(def(
            "Spearman ρ",
            "The rank correlation of two company figures (−1 to 1), with a Fisher-z 95% CI.",
        ));
    }
    if g.has_disconnect() {
        items.push(def(
            "Disconnect",
            "The share of sales and of marketing respondents agreeing with a statement (respondents of every shown company pooled), the gap in percentage points, and a two-proportion z test with Benjamini–Hochberg q.",
        ));
    }
    items
}
