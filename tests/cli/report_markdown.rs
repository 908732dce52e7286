//! `align report --format markdown`: the same sections as the HTML report
//! (a snapshot of the hostile fixture, tests/data/report), every input text
//! escaped, charts as small tables where no table has their figures.

use crate::support;

const RESP: &str = "tests/data/report/responses.csv";
const INST: &str = "tests/data/report/instrument.json";
const OUTCOMES: &str = "tests/data/report/outcomes.csv";

fn report(extra: &[&str]) -> String {
    let mut args = vec![
        "report",
        RESP,
        "--instrument",
        INST,
        "--format",
        "markdown",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    support::cli::run_ok(&args).0
}

#[test]
fn report_markdown_snapshot() {
    let out = report(&["--outcomes", OUTCOMES]);
    insta::assert_snapshot!("report_markdown", out);
}

#[test]
fn report_markdown_has_the_html_sections() {
    let out = report(&["--outcomes", OUTCOMES]);
    let headings: Vec<&str> = out.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## Headline findings",
            "## Company scores",
            "## Reliability and agreement",
            "## Leaders vs laggards",
            "## Key drivers: what to fix first",
            "## Perception vs reality",
            "## Sales vs marketing disconnect",
            "## Technical appendix: settings and methods",
            "## Technical appendix: input and instrument",
        ]
    );
    // The distribution chart becomes a table of stages.
    assert!(out.contains("| Stage | From index | Companies |"));
    // The report ends with the instrument.
    assert!(out.trim_end().ends_with("version 1.0"));
}

#[test]
fn report_markdown_escapes_input_and_hides_small_companies() {
    let out = report(&["--outcomes", OUTCOMES]);
    // Every `<` and `>` is escaped (but the `>` of a note), so no input becomes markup.
    for (i, c) in out.char_indices() {
        let quote = c == '>' && (i == 0 || out[..i].ends_with('\n'));
        if (c == '<' || c == '>') && !quote {
            assert!(
                out[..i].ends_with('\\'),
                "unescaped {c} at {}",
                &out[i.saturating_sub(30)..i + 1]
            );
        }
    }
    assert!(out.contains("\\<img src=x onerror=alert(1)\\>"));
    // The hidden company's id appears once, escaped, where the warnings name
    // the companies left out (docs/methods.md, "What is printed about hidden
    // groups"); nowhere else.
    assert_eq!(out.matches("svg onload").count(), 1);
    assert!(out.contains(
        "left out of company-level statistics and pooled figures (\\<svg onload=alert(3)\\>)"
    ));
    assert!(out.contains("1 company with fewer than 3 respondents is not shown"));
}
