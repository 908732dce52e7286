//! The report as an executive reads it (README, "The report"), on the leaders fixture
//! (tests/data/leaders: 3 leaders, 5 laggards, one hidden company): what a
//! leader is and by how much leaders did better, items by their text (never
//! a bare id) in every chart and table, no command-line option before the
//! technical appendix, the small tiers labelled indicative, and the
//! scatter's points named on hover.

use crate::support;
use scraper::{Html, Selector};

const RESP: &str = "tests/data/leaders/responses.csv";
const INST: &str = "tests/data/leaders/instrument.json";
const OUTCOMES: &str = "tests/data/leaders/outcomes.csv";
const ITEM_IDS: [&str; 7] = [
    "fit_icp",
    "fit_handoff",
    "fit_dumped",
    "cad_weekly",
    "cad_silos",
    "cad_feedback",
    "perc_ok",
];

fn report(format: &str) -> String {
    support::cli::run_ok(&[
        "report",
        RESP,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        format,
    ])
    .0
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn report_names_items_by_text_never_by_bare_id() {
    let doc = Html::parse_document(&report("html"));
    let mut cells = 0;
    for s in ["svg text", "td", "th"] {
        for e in doc.select(&sel(s)) {
            let t: String = e.text().collect();
            cells += 1;
            for id in ITEM_IDS {
                assert!(
                    !t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .any(|w| w == id),
                    "{s} shows the id {id}: {t:?}"
                );
            }
        }
    }
    assert!(cells > 50);
    // Shortened chart labels keep the full text on hover; reverse-worded
    // items are marked.
    let titles: Vec<String> = doc
        .select(&sel("svg text title"))
        .map(|e| e.text().collect())
        .collect();
    assert!(
        titles
            .iter()
            .any(|t| t == "Leads are dumped on sales without context. (R)"),
        "{titles:?}"
    );
    // The Markdown has no id either.
    let md = report("markdown");
    for id in ITEM_IDS {
        assert!(!md.contains(id), "markdown shows {id}");
    }
}

#[test]
fn report_has_no_option_or_command_before_the_appendix() {
    let html = report("html");
    let body = &html[html.find("<body").unwrap()..html.find("<section id=\"methods\"").unwrap()];
    let md = report("markdown");
    let md_exec = &md[..md.find("## Technical appendix").unwrap()];
    // Markdown table rules (`| :--- |`) aside.
    let md_text: String = md_exec
        .lines()
        .filter(|l| !l.starts_with("| :---") && !l.starts_with("| ---"))
        .collect::<Vec<_>>()
        .join("\n");
    for (what, text) in [("html", body), ("markdown", md_text.as_str())] {
        assert!(
            !text.contains("--"),
            "{what}: an option before the appendix"
        );
        for cmd in ["align score", "align leaders", "align gaps", "`align"] {
            assert!(!text.contains(cmd), "{what}: {cmd} before the appendix");
        }
    }
    // The appendix names them.
    assert!(md[md.find("## Technical appendix").unwrap()..].contains("--anonymity"));
}

#[test]
fn report_says_what_a_leader_is_and_by_how_much() {
    let md = report("markdown");
    let head = &md[..md.find("## Company scores").unwrap()];
    assert!(head.contains("Leaders are the 3 companies with the best business outcomes — bookings growth, win rate and sales cycle"), "{head}");
    // Means by tier as in tests/cli/leaders_reference.rs (numpy), rounded.
    assert!(head.contains("Indicative (only 3 leaders and 5 laggards, fewer than 10 in a tier): On average, leaders vs laggards: bookings growth: 7.7% vs -0.7%; win rate: 26.8% vs 18.5%; sales cycle: 86.7 days vs 102.8 days."), "{head}");
    assert!(head.contains("- Indicative: Leaders score"), "{head}");
    for row in [
        "| Bookings growth | 7.7 (7.3) | 3 | 3.1 (2.8) | 8 | -0.7 (-1.2) | 5 |",
        "| Sales cycle | 86.7 (88.0) | 3 | 87.9 (87.4) | 8 | 102.8 (100.0) | 5 |",
    ] {
        assert!(md.contains(row), "no {row}");
    }
    assert!(md.contains("- Sales cycle (days): lower is better (group “velocity”)."));
}

#[test]
fn report_scatter_points_name_their_company_on_hover() {
    let doc = Html::parse_document(&report("html"));
    let ids: Vec<String> = doc
        .select(&sel("svg g.hover circle title"))
        .map(|e| e.text().collect())
        .collect();
    assert!(ids.contains(&"kappa".to_string()), "{ids:?}");
    // The hidden company is not plotted.
    assert!(!ids.contains(&"xi".to_string()));
}
