//! The documents of `align scorecards`: one per shown company, written for
//! the company itself (its own figures and the norms, never another
//! company), and the index that maps companies to files.

use super::super::{Block, Cell, Column, Document, Kind, Section, Table};
use crate::analysis::norms::ALIGNMENT_INDEX;
use crate::analysis::scorecards::{ItemGap, Reference, Scorecard, Scorecards};
use crate::render::fmt::{num, ordinal, plural};

/// The label of a dimension id (or the alignment index).
fn label<'a>(m: &'a Scorecards, id: &'a str) -> &'a str {
    if id == ALIGNMENT_INDEX {
        return "Alignment index";
    }
    m.dimensions
        .iter()
        .find(|d| d.id == id)
        .map_or(id, |d| d.label.as_str())
}

/// Item text, marked when reverse-worded.
fn item_text(it: &ItemGap) -> String {
    if it.reverse {
        format!("{} (reverse-worded)", it.text)
    } else {
        it.text.clone()
    }
}

fn reference_name(m: &Scorecards) -> &'static str {
    match m.reference {
        Reference::Leaders => "the leaders",
        Reference::AverageCompany => "the average company",
        Reference::None => "the norms",
    }
}

fn standing(m: &Scorecards, c: &Scorecard) -> Section {
    let mut s = Section::new("standing", "Where you stand");
    if let Some(ai) = c.dimensions.get(ALIGNMENT_INDEX) {
        let mut lead = format!("Alignment index {}", num(ai.score, 1));
        if ai.percentile.is_some() {
            lead.push_str(&format!(
                ": {} percentile of the norm companies (norm median {})",
                ordinal(ai.percentile),
                num(ai.norm_median, 1)
            ));
        }
        if let Some(l) = ai.leader_mean {
            lead.push_str(&format!("; leaders' mean {}", num(Some(l), 1)));
        }
        lead.push('.');
        s.lead(lead);
    }
    if let Some(stage) = &c.stage {
        s.paragraph(format!("Stage: {stage}."));
    }
    let mut cols = vec![
        Column::left("dimension", "Dimension"),
        Column::right("score", "Score"),
        Column::right("percentile", "Percentile"),
        Column::right("norm_median", "Norm median"),
    ];
    if m.leaders_shown {
        cols.push(Column::right("leader_mean", "Leaders' mean"));
    }
    let mut t = Table::with_columns("standing", "dimension", cols);
    for (id, d) in c.dimensions.iter() {
        let mut row = vec![
            Cell::text(label(m, id)),
            Cell::index(d.score),
            d.percentile
                .filter(|p| p.is_finite())
                .map_or(Cell::Missing, |_| Cell::text(ordinal(d.percentile))),
            Cell::index(d.norm_median),
        ];
        if m.leaders_shown {
            row.push(Cell::index(d.leader_mean));
        }
        t.push(row);
    }
    s.table(t);
    for n in &m.notes {
        s.note(n.clone());
    }
    s
}

fn roles(m: &Scorecards, c: &Scorecard) -> Option<Section> {
    let rows = c.roles.as_ref()?;
    let mut s = Section::new("roles", "Sales and marketing");
    s.paragraph(
        "Your sales and your marketing respondents' scores; the gap is marketing − sales (positive: marketing sees more alignment).",
    );
    let mut t = Table::new(&["Dimension", "Sales", "Marketing", "Gap"], 1);
    t.name = "roles".into();
    for r in rows {
        t.push(vec![
            Cell::text(label(m, &r.id)),
            Cell::index(r.sales),
            Cell::index(r.marketing),
            if r.id == ALIGNMENT_INDEX {
                Cell::Missing
            } else {
                Cell::signed(r.gap, Kind::Index)
            },
        ]);
    }
    s.table(t);
    Some(s)
}

fn perception(c: &Scorecard) -> Option<Section> {
    let p = c.perception_index?;
    let ai = c.dimensions.get(ALIGNMENT_INDEX).and_then(|d| d.score);
    let mut s = Section::new("perception", "Perception vs measured alignment");
    let mut t = Table::new(&["Figure", "Index"], 1);
    t.name = "perception".into();
    t.push(vec![Cell::text("Perception index"), Cell::index(Some(p))]);
    t.push(vec![Cell::text("Alignment index"), Cell::index(ai)]);
    s.table(t);
    s.paragraph(match ai {
        Some(a) if p - a >= 10.0 => format!(
            "Your people see alignment {} points above what their answers measure: the perception runs ahead of practice.",
            num(Some(p - a), 1)
        ),
        Some(a) if a - p >= 10.0 => format!(
            "Your people see alignment {} points below what their answers measure: practice is better than its reputation.",
            num(Some(a - p), 1)
        ),
        Some(_) => "Perception and measured alignment agree within 10 points.".to_string(),
        None => "No alignment index to compare with.".to_string(),
    });
    Some(s)
}

fn item_table(m: &Scorecards, name: &str, items: &[ItemGap]) -> Table {
    let reference = match m.reference {
        Reference::Leaders => "Leaders' mean",
        _ => "Norm mean",
    };
    let mut t = Table::new(&["Item", "Your mean", reference, "Difference"], 1);
    t.name = name.into();
    for it in items {
        t.push(vec![
            Cell::text(item_text(it)),
            Cell::stat(it.company_mean, 2),
            Cell::stat(it.reference_mean, 2),
            Cell::signed(it.difference, Kind::Stat(2)),
        ]);
    }
    t
}

fn items(m: &Scorecards, c: &Scorecard) -> Section {
    let mut s = Section::new("items", "Strengths and priorities");
    if m.reference == Reference::None {
        s.note("No item comparison: no norm item mean is built from enough companies.");
        return s;
    }
    s.paragraph(format!(
        "Item means on the {}–{} scale compared with {}; reverse-worded items are reverse-coded, so higher is better everywhere.",
        m.scale.min,
        m.scale.max,
        reference_name(m)
    ));
    s.subheading(format!("Strengths: most above {}", reference_name(m)));
    if c.strengths.is_empty() {
        s.paragraph(format!("No item above {}.", reference_name(m)));
    } else {
        s.table(item_table(m, "strengths", &c.strengths));
    }
    s.subheading(format!("Priorities: most below {}", reference_name(m)));
    if c.priorities.is_empty() {
        s.paragraph(format!(
            "No item below {}: keep up what works.",
            reference_name(m)
        ));
    } else {
        s.table(item_table(m, "priorities", &c.priorities));
    }
    s
}

fn tier(c: &Scorecard) -> Option<Section> {
    let t = c.tier.as_ref()?;
    let mut s = Section::new("tier", "Outcome tier");
    match (&t.tier, &t.note) {
        (Some(tier), _) => s.lead(format!(
            "By its business outcomes, your company is in the {tier} tier of this survey's companies."
        )),
        (None, Some(note)) => s.paragraph(format!("No tier is shown: {note}.")),
        (None, None) => s.paragraph("No tier is shown."),
    }
    Some(s)
}

fn how_to_read(m: &Scorecards) -> Section {
    let mut s = Section::new("how", "How to read this");
    let mut defs = vec![
        (
            "Score".to_string(),
            "a 0–100 index: the mean answer placed between the lowest and highest point of the scale.".to_string(),
        ),
        (
            "Percentile".to_string(),
            format!(
                "the share of the {} norm companies scoring lower than you (ties count half).",
                m.norms.companies
            ),
        ),
        (
            "Norm median".to_string(),
            "the score of the middle norm company.".to_string(),
        ),
    ];
    if m.leaders_shown {
        defs.push((
            "Leaders' mean".to_string(),
            "the mean score of the norm companies with the best business outcomes.".to_string(),
        ));
    }
    defs.push((
        "Privacy".to_string(),
        format!(
            "this scorecard shows only your company's figures and norm figures built from at least {} companies; groups of fewer than {} respondents are not shown.",
            m.min_companies, m.anonymity
        ),
    ));
    s.blocks.push(Block::Definitions { items: defs });
    s
}

/// The scorecard of one company.
pub fn card(m: &Scorecards, c: &Scorecard) -> Document {
    let mut doc = Document::new(
        format!("Alignment scorecard: {}", c.company_id),
        format!(
            "{} · {} · norms from {}",
            m.instrument.name,
            plural(c.n, "respondent", "respondents"),
            plural(m.norms.companies as u64, "company", "companies")
        ),
    );
    doc.sections.push(how_to_read(m));
    doc.sections.push(standing(m, c));
    doc.sections.extend(roles(m, c));
    doc.sections.extend(perception(c));
    doc.sections.push(items(m, c));
    doc.sections.extend(tier(c));
    doc.accounting = vec![
        format!(
            "Instrument: {} version {}",
            m.instrument.name, m.instrument.version
        ),
        format!(
            "Norms: {} ({}, {})",
            m.norms.built_by,
            plural(m.norms.companies as u64, "company", "companies"),
            plural(m.norms.respondents, "respondent", "respondents")
        ),
    ];
    doc
}

/// The index: which file belongs to which company, and who has none.
pub fn index(m: &Scorecards, ext: &str) -> Document {
    let mut doc = Document::new(
        "Alignment scorecards",
        format!(
            "{} · {} · norms from {}",
            m.instrument.name,
            plural(m.cards.len() as u64, "scorecard", "scorecards"),
            plural(m.norms.companies as u64, "company", "companies")
        ),
    );
    let mut s = Section::new("files", "Scorecards");
    s.paragraph("Each file is confidential to its company: send it to that company only.");
    let mut t = Table::new(&["Company", "Respondents", "File"], 1);
    t.name = "files".into();
    t.columns[2].align = super::super::Align::Left;
    for c in &m.cards {
        t.push(vec![
            Cell::text(c.company_id.as_str()),
            Cell::count(c.n),
            Cell::text(format!("{}.{ext}", c.file_stem)),
        ]);
    }
    s.table(t);
    doc.sections.push(s);
    if !m.hidden.is_empty() {
        let mut h = Section::new("hidden", "No scorecard");
        h.paragraph(format!(
            "Fewer than {} respondents: no scorecard, so that no one's answers can be singled out.",
            m.anonymity
        ));
        h.list(
            m.hidden
                .iter()
                .map(|c| {
                    format!(
                        "{} ({})",
                        c.company_id,
                        plural(c.n, "respondent", "respondents")
                    )
                })
                .collect(),
        );
        doc.sections.push(h);
    }
    doc.accounting = vec![format!(
        "Instrument: {} version {}",
        m.instrument.name, m.instrument.version
    )];
    doc
}

/// The line said on standard error once the scorecards are written into
/// `dir`: how many, and which companies are hidden.
pub fn written_line(m: &Scorecards, dir: &str) -> String {
    let mut line = format!(
        "wrote {} to {dir}",
        plural(m.cards.len() as u64, "scorecard", "scorecards"),
    );
    if !m.hidden.is_empty() {
        let ids: Vec<&str> = m.hidden.iter().map(|h| h.company_id.as_str()).collect();
        line.push_str(&format!(
            " ({} hidden: {})",
            plural(m.hidden.len() as u64, "company", "companies"),
            ids.join(", ")
        ));
    }
    line
}
