//! The report as one self-contained HTML file: the document
//! ([`crate::render::document`]) rendered by minijinja templates embedded in
//! the binary (`templates/`), with HTML auto-escaping on for every value,
//! and the charts (`charts`) inlined as SVG. The file has inline CSS
//! (with a print stylesheet), no script, no external font, style or image
//! and no URL; a Content-Security-Policy forbids loading anything.
//!
//! A table whose rows are made as they are written ([`write_with`]) gets a
//! mark where its rows go; the page is written up to it, then the rows a
//! chunk at a time through the templates' own `rows` macro, then the rest:
//! the same page, without holding the rows.

pub(crate) mod charts;

use crate::analysis::report::Report;
use crate::render::document::{self, Document, LaterRows, Table};
use minijinja::{context, AutoEscape, Environment};
use std::io::{self, Write};

const TEMPLATES: [(&str, &str); 3] = [
    ("report.html", include_str!("templates/report.html")),
    ("blocks.html", include_str!("templates/blocks.html")),
    ("report.css", include_str!("templates/report.css")),
];

fn template_error(e: minijinja::Error) -> io::Error {
    io::Error::other(format!("failed to render the HTML report: {e}"))
}

/// The template environment: HTML escaping for `.html` templates, none for
/// the stylesheet (which has no variables).
fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Where the rows of the table written as they are made go in the page.
/// Every value is escaped, so no text from the data can read as it.
const ROWS_MARK: &str = "<!--align:rows-->";

/// Render a document (drawing its charts) as HTML text.
pub fn render(doc: &mut Document) -> io::Result<String> {
    render_marking(doc, None)
}

/// [`render`], with [`ROWS_MARK`] where the rows of the table named
/// `later` go.
fn render_marking(doc: &mut Document, later: Option<&str>) -> io::Result<String> {
    for f in doc.figures_mut() {
        f.svg = Some(charts::add_titles(&charts::draw(&f.chart)?, &f.hover));
    }
    let env = environment().map_err(template_error)?;
    let tmpl = env.get_template("report.html").map_err(template_error)?;
    tmpl.render(context! {
        doc => &*doc,
        own_input => doc.sections.iter().any(|s| s.id == "input"),
        version => env!("CARGO_PKG_VERSION"),
        later => later,
    })
    .map_err(template_error)
}

/// Write the report as one self-contained HTML file.
pub fn report(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    write(document::build(r), w)
}

/// Write any document as one self-contained HTML file.
pub fn write(doc: Document, w: &mut dyn Write) -> io::Result<()> {
    write_with(doc, None, w)
}

/// Write a document as one self-contained HTML file, the rows of the table
/// `later` names made as they are written (by the template's own `rows`
/// macro, a chunk at a time): the same page, without holding the rows.
pub fn write_with(
    mut doc: Document,
    later: Option<&dyn LaterRows>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let table = later.and_then(|l| {
        doc.data_tables()
            .into_iter()
            .find(|t| document::is_later(t, Some(l)))
            .cloned()
    });
    let html = render_marking(&mut doc, table.as_ref().map(|t| t.name.as_str()))?;
    let rest = match (&table, later) {
        (Some(t), Some(later)) => {
            let at = html.find(ROWS_MARK).ok_or_else(|| {
                io::Error::other("failed to render the HTML report: no place for the rows")
            })?;
            w.write_all(&html.as_bytes()[..at])?;
            write_rows(t, later, w)?;
            &html[at + ROWS_MARK.len()..]
        }
        _ => html.as_str(),
    };
    w.write_all(rest.as_bytes())?;
    if !html.ends_with('\n') {
        writeln!(w)?;
    }
    Ok(())
}

/// Write the rows `later` makes for `table` (which holds none), a chunk at
/// a time, as the page's table writes its rows.
fn write_rows(table: &Table, later: &dyn LaterRows, w: &mut dyn Write) -> io::Result<()> {
    let env = environment().map_err(template_error)?;
    let source = r#"{% from "blocks.html" import rows %}{{ rows(chunk, align) }}"#;
    let tmpl = env.template_from_str(source).map_err(template_error)?;
    let align = table.aligns();
    let mut failed = None;
    later.each_chunk(&mut |chunk| {
        if failed.is_some() {
            return;
        }
        let rows = Table {
            rows: chunk,
            ..table.clone()
        };
        let text: Vec<Vec<String>> = rows.text_rows(None).collect();
        let done = tmpl
            .render(context! { chunk => text, align => &align })
            .map_err(template_error)
            .and_then(|html| w.write_all(html.as_bytes()));
        failed = done.err();
    });
    failed.map_or(Ok(()), Err)
}
