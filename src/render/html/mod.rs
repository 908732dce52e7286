//! The report as one self-contained HTML file: the document
//! ([`crate::render::document`]) rendered by minijinja templates embedded in
//! the binary (`templates/`), with HTML auto-escaping on for every value,
//! and the charts (`charts`) inlined as SVG. The file has inline CSS
//! (with a print stylesheet), no script, no external font, style or image
//! and no URL; a Content-Security-Policy forbids loading anything.

pub(crate) mod charts;

use crate::analysis::report::Report;
use crate::render::document::{self, Document};
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

/// Render a document (drawing its charts) as HTML text.
pub fn render(doc: &mut Document) -> io::Result<String> {
    for f in doc.figures_mut() {
        f.svg = Some(charts::add_titles(&charts::draw(&f.chart)?, &f.hover));
    }
    let env = environment().map_err(template_error)?;
    let tmpl = env.get_template("report.html").map_err(template_error)?;
    tmpl.render(context! {
        doc => &*doc,
        own_input => doc.sections.iter().any(|s| s.id == "input"),
        version => env!("CARGO_PKG_VERSION"),
    })
    .map_err(template_error)
}

/// Write the report as one self-contained HTML file.
pub fn report(r: &Report, w: &mut dyn Write) -> io::Result<()> {
    write(document::build(r), w)
}

/// Write any document as one self-contained HTML file.
pub fn write(mut doc: Document, w: &mut dyn Write) -> io::Result<()> {
    let html = render(&mut doc)?;
    w.write_all(html.as_bytes())?;
    if !html.ends_with('\n') {
        writeln!(w)?;
    }
    Ok(())
}
