//! Perception vs reality (scatter with the quadrant lines, quadrant and
//! correlation tables) and the sales vs marketing disconnect (agreement
//! bars and table), from the `gaps` model. A part the instrument or the
//! data cannot support is a note saying what it needs.

use super::commands::gaps as rows;
use super::{Chart, Figure, ScatterPoint, Section};
use crate::analysis::gaps::{fmt_threshold, GapsReport, Kind, Perception};
use crate::analysis::outcomes::CompositeMethod;
use crate::analysis::report::Report;
use crate::render::fmt::{count, item_label, num, plural};

/// Most bars in the agreement chart (the table lists every row).
const MAX_BARS: usize = 20;

/// The gaps notes about one part (`disconnect` or not).
fn notes(g: &GapsReport, disconnect: bool) -> impl Iterator<Item = &String> {
    g.notes
        .iter()
        .filter(move |n| n.contains("disconnect") == disconnect)
}

/// The perception vs reality section.
pub fn perception(r: &Report) -> Section {
    let mut sec = Section::new("perception", "Perception vs reality");
    let Some(g) = &r.gaps else {
        sec.note(format!(
            "Perception vs reality needs perception items; the instrument \"{}\" has none (add \"perception\" items).",
            r.score.instrument.name
        ));
        return sec;
    };
    let Some(p) = &g.perception else {
        for n in notes(g, false) {
            sec.note(n.clone());
        }
        return sec;
    };
    let t = fmt_threshold(p.perceived_threshold);
    sec.paragraph(format!(
        "The perception index scores the questions that ask whether sales and marketing are aligned, like a dimension (0–100). A company counts as saying it is aligned when its index is {t} or more."
    ));
    if let Some(h) = &g.headlines.perception {
        sec.lead(h.clone());
    }
    sec.figure(scatter(g, p));
    let shown = g.companies.iter().filter(|c| !c.suppressed).count();
    if g.hidden.companies > 0 {
        sec.note(format!(
            "{} hidden for anonymity {} not plotted, listed or counted in any figure here ({shown} shown).",
            plural(g.hidden.companies as u64, "company", "companies"),
            if g.hidden.companies == 1 { "is" } else { "are" },
        ));
    }
    if let Some(q) = &p.quadrants {
        let mut tab = rows::quadrants(p, q);
        tab.caption = Some(format!(
            "{} with a perception index and an outcome composite, by the median composite ({}).",
            plural(q.n as u64, "company", "companies"),
            num(q.median_composite, 2)
        ));
        sec.table(tab);
        let mut c = rows::correlations(p);
        c.caption = Some(
            "Spearman ρ of each index with the outcome composite, with a Fisher-z 95% CI.".into(),
        );
        sec.table(c);
    }
    let m = &p.measured;
    let mut tab = rows::measured(p, m);
    tab.caption = Some(format!(
        "Perceived against measured alignment (alignment index ≥ {t}), {}. {}",
        plural(m.n as u64, "company", "companies"),
        rows::measured_sentence(m, true)
    ));
    sec.table(tab);
    for n in notes(g, false) {
        sec.note(n.clone());
    }
    sec
}

/// The scatter: perception index against the composite (with the median
/// line), or against the alignment index without outcomes. Hidden
/// companies are not plotted.
fn scatter(g: &GapsReport, p: &Perception) -> Figure {
    let t = p.perceived_threshold;
    let ts = fmt_threshold(t);
    let by_outcome = p.outcomes_available;
    let points: Vec<ScatterPoint> = g
        .companies
        .iter()
        .filter(|c| !c.suppressed)
        .filter_map(|c| {
            let (y, below) = if by_outcome {
                (c.composite?, c.above_median != Some(true))
            } else {
                (c.alignment_index?, c.measured_aligned != Some(true))
            };
            Some(ScatterPoint {
                x: c.perception_index?,
                y,
                id: c.company_id.clone(),
                flagged: c.perceived_aligned == Some(true) && below,
            })
        })
        .collect();
    let n = points.len();
    let (title, caption, alt, y_label, y_line, flagged_label, upper, lower);
    if by_outcome {
        title = "What companies say vs how they perform";
        caption = format!("One dot per company. Vertical line: perception index {ts} (right of it, the company says it is aligned); horizontal line: the median outcome composite. Orange dots say they are aligned but are at or below the median on outcomes.");
        alt = format!("Scatter plot of {n} companies: perception index against outcome composite, with quadrant lines.");
        y_label = match g.settings.composite {
            Some(CompositeMethod::Rank) => "Outcome composite (mean percentile rank)",
            _ => "Outcome composite (mean z-score)",
        };
        y_line = p.quadrants.as_ref().and_then(|q| q.median_composite);
        flagged_label = "Says aligned, at or below median outcomes".to_string();
        (upper, lower) = ("above median", "below median");
    } else {
        title = "What companies say vs what they report doing";
        caption = format!("One dot per company; without outcomes, perceived alignment is compared with the measured alignment index. Both lines at {ts}. Orange dots say they are aligned but score below {ts} on the practices.");
        alt = format!("Scatter plot of {n} companies: perception index against alignment index.");
        y_label = "Alignment index (0–100)";
        y_line = Some(t);
        flagged_label = format!("Says aligned, alignment index below {ts}");
        (upper, lower) = ("measured aligned", "not measured");
    }
    Figure {
        title: title.into(),
        caption,
        alt,
        chart: Chart::Scatter {
            points,
            x_label: "Perception index (0–100)".into(),
            y_label: y_label.into(),
            x_line: t,
            y_line,
            flagged_label,
            other_label: "Other companies".into(),
            corners: [
                format!("don't say aligned · {upper}"),
                format!("say aligned · {upper}"),
                format!("don't say aligned · {lower}"),
                format!("say aligned · {lower}"),
            ],
        },
        fallback: None,
        svg: None,
        hover: Vec::new(),
    }
}

/// The sales vs marketing disconnect section.
pub fn disconnect(r: &Report) -> Section {
    let mut sec = Section::new("disconnect", "Sales vs marketing disconnect");
    let Some(g) = &r.gaps else {
        sec.note(format!(
            "The sales vs marketing disconnect needs a role column; the instrument \"{}\" names none (set \"columns.role\").",
            r.score.instrument.name
        ));
        return sec;
    };
    if !g.has_disconnect() {
        for n in notes(g, true) {
            sec.note(n.clone());
        }
        return sec;
    }
    let roles: Vec<String> = g
        .n_by_role
        .iter()
        .map(|(r, n)| format!("{} {r}", count(*n)))
        .collect();
    sec.paragraph(format!(
        "The share of sales and of marketing respondents who agree with each statement (the two highest answers, as worded), respondents of every shown company pooled: {}.",
        roles.join(", ")
    ));
    if let Some(h) = &g.headlines.disconnect {
        sec.lead(h.clone());
    }
    let items_allowed =
        MAX_BARS.saturating_sub(g.disconnect.iter().filter(|d| d.kind != Kind::Item).count());
    let mut items_taken = 0;
    let mut bars = Vec::new();
    let mut hover = Vec::new();
    for d in &g.disconnect {
        if d.kind == Kind::Item {
            if items_taken >= items_allowed {
                continue;
            }
            items_taken += 1;
        }
        let (short, full) = item_label(&d.item, &d.text, d.reverse);
        hover.push((short.clone(), full));
        bars.push((short, d.pct_sales, d.pct_marketing));
    }
    let all = bars.len() == g.disconnect.len();
    sec.figure(Figure {
        title: "Where sales and marketing agree".into(),
        caption: format!(
            "% agreeing by role, widest gap first{}. Statements are shortened (hover for the full text; the table below has them in full); a missing bar is a group too small to show.",
            if all {
                String::new()
            } else {
                format!(
                    " ({} of {}: every statement and perception item, and the practices with the widest gaps)",
                    bars.len(),
                    g.disconnect.len()
                )
            }
        ),
        alt: "Horizontal bar chart of the percentage of sales and of marketing respondents agreeing with each statement.".into(),
        chart: Chart::AgreementBars { rows: bars },
        fallback: None,
        svg: None,
        hover,
    });
    let mut t = rows::disconnect(g);
    t.main = false; // the report's main table is the company scores
    t.items_by_text();
    t.caption = Some("Gap = marketing − sales in percentage points, widest first; q from the two-proportion z test, Benjamini–Hochberg adjusted; the both role is shown, not tested. (R) marks reverse-worded items.".into());
    sec.table(t);
    sec
}
