//! `align report --format html`: the document is parsed with an HTML parser
//! (scraper) and checked for its sections, its charts, escaping of hostile
//! input (tests/data/report: company ids, an item text, a dimension label, a
//! stage name and the instrument name carry HTML and script tags) and
//! self-containment (no script, no URL, nothing loaded from anywhere).

use crate::support;
use scraper::{Html, Selector};

const RESP: &str = "tests/data/report/responses.csv";
const INST: &str = "tests/data/report/instrument.json";
const OUTCOMES: &str = "tests/data/report/outcomes.csv";

/// Company ids of the hostile fixture, each with at least 3 respondents.
const HOSTILE_IDS: [&str; 6] = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "\"><b>x</b>",
    "=1+1",
    "</style><script>alert(2)</script>",
    "{{ 7*7 }} & <!-- x -->",
];
/// A company of the fixture with 2 respondents: hidden at the default threshold.
const HIDDEN_ID: &str = "<svg onload=alert(3)>";

const SECTIONS: [&str; 9] = [
    "headlines",
    "scores",
    "reliability",
    "leaders",
    "drivers",
    "perception",
    "disconnect",
    "methods",
    "input",
];

/// Run `align`, require success: its standard output.
fn align(args: &[&str]) -> String {
    support::cli::run_ok(args).0
}

/// The HTML report of the hostile fixture, with outcomes.
fn hostile_report(extra: &[&str]) -> String {
    let mut args = vec![
        "report",
        RESP,
        "--instrument",
        INST,
        "--outcomes",
        OUTCOMES,
        "--format",
        "html",
        "--quiet",
    ];
    args.extend_from_slice(extra);
    align(&args)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn count(doc: &Html, s: &str) -> usize {
    doc.select(&sel(s)).count()
}

/// All text of the elements matching `s`, joined.
fn text(doc: &Html, s: &str) -> String {
    doc.select(&sel(s))
        .flat_map(|e| e.text())
        .collect::<Vec<_>>()
        .join("")
}

#[test]
fn report_html_has_every_section_in_order() {
    let doc = Html::parse_document(&hostile_report(&[]));
    let ids: Vec<&str> = doc
        .select(&sel("main > section"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(ids, SECTIONS);
    for id in SECTIONS {
        assert_eq!(count(&doc, &format!("section#{id} > h2")), 1, "{id}");
    }
    assert!(text(&doc, "section#headlines li").contains("were scored on 3 dimensions"));
    // Every section is linked from the contents.
    assert_eq!(count(&doc, "nav.toc a[href^='#']"), SECTIONS.len());
}

#[test]
fn report_html_draws_the_charts() {
    let doc = Html::parse_document(&hostile_report(&[]));
    // Distribution, tiers, forest, scatter, agreement bars.
    assert_eq!(count(&doc, "figure.chart svg"), 5);
    for (section, n) in [
        ("scores", 1),
        ("leaders", 2),
        ("perception", 1),
        ("disconnect", 1),
    ] {
        assert_eq!(
            count(&doc, &format!("section#{section} svg")),
            n,
            "{section}"
        );
    }
    // Axis labels and legends are text in the SVG.
    let svg = text(&doc, "section#perception svg");
    assert!(svg.contains("Perception index (0–100)"), "{svg}");
    assert!(svg.contains("Says aligned, at or below median outcomes"));
    let legend = text(&doc, "section#disconnect svg");
    assert!(legend.contains("Sales") && legend.contains("Marketing"));
    assert!(text(&doc, "section#leaders svg").contains("Hedges' g"));
    // Every chart has an accessible description.
    assert_eq!(count(&doc, "div.svg[role=img][aria-label]"), 5);
}

#[test]
fn report_html_shows_hostile_input_only_as_text() {
    let html = hostile_report(&[]);
    let doc = Html::parse_document(&html);
    for tag in ["img", "script", "b", "i", "em", "iframe", "object", "link"] {
        assert_eq!(count(&doc, tag), 0, "a <{tag}> element was injected");
    }
    // Only the report's own SVG charts: each directly inside its figure.
    assert_eq!(count(&doc, "svg"), count(&doc, "div.svg > svg"));
    // No event handler attribute anywhere, in HTML or SVG.
    for e in doc
        .root_element()
        .descendants()
        .filter_map(|n| n.value().as_element())
    {
        for (name, _) in e.attrs() {
            assert!(!name.starts_with("on"), "{name} on <{}>", e.name());
        }
    }
    // The hostile ids are there, as text, in the company table.
    let table = text(&doc, "section#scores table td");
    for id in HOSTILE_IDS {
        assert!(table.contains(id), "{id} not shown as text");
    }
    // Template syntax in the input is not evaluated.
    assert!(!html.contains(">49 &amp;"));
    // Item text, dimension label, stage name and instrument name are text too,
    // in the page and inside the charts.
    let all = text(&doc, "body");
    assert!(all.contains("We share an ICP <script>alert(\"item\")</script> & \"agree\" on it"));
    assert!(all.contains("Alignment <em>survey</em> & \"friends\""));
    assert!(text(&doc, "section#leaders svg").contains("Collab<b>oration</b> & co"));
    assert!(text(&doc, "section#scores svg").contains("<i>Integrated</i>"));
    assert!(text(&doc, "title").contains("Sales–marketing alignment report"));
}

#[test]
fn report_html_is_self_contained() {
    let html = hostile_report(&[]);
    let doc = Html::parse_document(&html);
    for needle in [
        "http://", "https://", "@import", "url(", "<script", "<link", "<iframe",
    ] {
        assert!(!html.contains(needle), "the report contains {needle}");
    }
    // Nothing is loaded: no src attribute, and every link is an anchor in the page.
    for e in doc
        .root_element()
        .descendants()
        .filter_map(|n| n.value().as_element())
    {
        assert!(e.attr("src").is_none(), "<{}> has a src", e.name());
        if let Some(href) = e.attr("href") {
            assert!(href.starts_with('#'), "link to {href}");
        }
    }
    assert_eq!(count(&doc, "style"), 1);
    let css = text(&doc, "style");
    assert!(css.contains("@media print"));
    assert!(css.contains("break-before: page"));
    // A Content-Security-Policy forbids loading anything and running scripts.
    let csp = doc
        .select(&sel("meta[http-equiv='Content-Security-Policy']"))
        .next()
        .and_then(|m| m.value().attr("content"))
        .unwrap();
    assert!(csp.starts_with("default-src 'none'"));
    assert!(html.starts_with("<!DOCTYPE html>"));
}

#[test]
fn report_html_hides_small_companies_everywhere() {
    let html = hostile_report(&[]);
    // The hidden company's id appears once, escaped, where the warnings
    // name the companies left out; nowhere else.
    assert_eq!(html.matches("svg onload").count(), 1);
    assert!(html.contains(
        "left out of company-level statistics and pooled figures (&lt;svg onload=alert(3)&gt;)"
    ));
    let doc = Html::parse_document(&html);
    for s in ["scores", "leaders", "perception"] {
        assert!(
            !text(&doc, &format!("section#{s}")).contains(HIDDEN_ID),
            "{s}"
        );
    }
    let rows = count(&doc, "section#scores table tbody tr");
    assert_eq!(rows, 9, "10 companies, 1 hidden");
    let notes = text(&doc, "section#scores .note");
    assert!(notes.contains("1 company with fewer than 3 respondents is not shown"));
    // The option itself is named in the technical appendix only.
    assert!(notes.contains("the threshold is in the technical appendix"));
    assert!(text(&doc, "section#methods").contains("--anonymity N"));
    // Nine dots in the scatter: the hidden company is not plotted.
    let scatter = doc.select(&sel("section#perception svg")).next().unwrap();
    assert_eq!(
        scatter.select(&sel("circle")).count(),
        9 + 2 + 9,
        "9 dots + 2 legend dots + 9 hover targets"
    );
    assert_eq!(scatter.select(&sel("g.hover circle title")).count(), 9);
    // The input accounting says how many groups were hidden and how to change it.
    let input = text(&doc, "section#input li");
    assert!(input.contains("hidden for anonymity (threshold 3 respondents): 1 company"));

    // With --anonymity 2 it is shown, as text.
    let html = hostile_report(&["--anonymity", "2"]);
    let doc = Html::parse_document(&html);
    assert!(text(&doc, "section#scores table td").contains(HIDDEN_ID));
    assert_eq!(count(&doc, "svg"), count(&doc, "div.svg > svg"));
}

#[test]
fn report_html_ends_with_the_input_accounting() {
    let doc = Html::parse_document(&hostile_report(&[]));
    let last = doc.select(&sel("main > section")).next_back().unwrap();
    assert_eq!(last.value().attr("id"), Some("input"));
    let items: Vec<String> = last
        .select(&sel("ul"))
        .last()
        .unwrap()
        .select(&sel("li"))
        .map(|li| li.text().collect())
        .collect();
    assert!(items[0].starts_with("Input: "), "{items:?}");
    assert!(items
        .iter()
        .any(|l| l.starts_with("Rows: 51 read = 51 scored + 0 excluded")));
    assert_eq!(
        items.last().unwrap(),
        "Instrument: Alignment <em>survey</em> & \"friends\", version 1.0"
    );
}

#[test]
fn report_html_without_outcomes_says_what_leaders_needs() {
    let html = align(&["report", RESP, "--instrument", INST, "--quiet"]);
    let doc = Html::parse_document(&html);
    let note = text(&doc, "section#leaders .note");
    assert!(note.contains("--outcomes FILE"), "{note}");
    assert_eq!(count(&doc, "section#leaders svg"), 0);
    // Distribution, perception vs alignment index, agreement bars.
    assert_eq!(count(&doc, "svg"), 3);
    assert!(text(&doc, "section#perception svg").contains("Alignment index (0–100)"));
    let ids: Vec<&str> = doc
        .select(&sel("main > section"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(ids, SECTIONS);
}

#[test]
fn report_html_without_perception_items_or_roles_says_so() {
    let html = align(&[
        "report",
        "tests/data/gaps/responses.csv",
        "--instrument",
        "tests/data/gaps/instrument_neither.json",
        "--quiet",
    ]);
    let doc = Html::parse_document(&html);
    assert!(text(&doc, "section#perception .note").contains("needs perception items"));
    assert!(text(&doc, "section#disconnect .note").contains("needs a role column"));
    assert!(text(&doc, "section#leaders .note").contains("Leaders vs laggards is not available"));
    assert_eq!(count(&doc, "svg"), 1);
}

#[test]
fn report_json_combines_the_models_from_one_pass_of_stdin() {
    let input = std::fs::read(RESP).unwrap();
    let out = support::cli::align()
        .args([
            "report",
            "-",
            "--instrument",
            INST,
            "--outcomes",
            OUTCOMES,
            "--format",
            "json",
            "-q",
        ])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["command"], "report");
    assert_eq!(v["score"]["command"], "score");
    assert_eq!(v["leaders"]["command"], "leaders");
    assert_eq!(v["gaps"]["command"], "gaps");
    for part in ["score", "leaders", "gaps"] {
        assert_eq!(v[part]["input"]["rows_read"], 51, "{part}");
        assert_eq!(v[part]["input"]["file"], "<stdin>", "{part}");
    }
    assert!(v["unavailable"]["leaders"].is_null());

    let v: serde_json::Value = serde_json::from_str(&align(&[
        "report",
        RESP,
        "--instrument",
        INST,
        "--format",
        "json",
        "-q",
    ]))
    .unwrap();
    assert!(v["leaders"].is_null());
    assert!(v["unavailable"]["leaders"]
        .as_str()
        .unwrap()
        .contains("--outcomes FILE"));
}

#[test]
fn report_format_follows_the_output_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, start) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.md", "# Sales–marketing alignment report"),
        ("r.json", "{"),
    ] {
        let path = dir.path().join(name);
        align(&[
            "report",
            RESP,
            "--instrument",
            INST,
            "-q",
            "-o",
            path.to_str().unwrap(),
        ]);
        let s = std::fs::read_to_string(&path).unwrap();
        assert!(s.starts_with(start), "{name}: {}", &s[..40]);
    }
}
