//! The first sections of the report: headline findings in plain language,
//! company scores (with the distribution chart) and reliability and
//! agreement (with a note wherever α or r_wg(J) is low).

use super::{Cell, Chart, Column, Figure, Section, Table};
use crate::analysis::leaders::summary::{indicative_text, outcome_gaps, scheme_text};
use crate::analysis::leaders::{ranked_items, LeadersReport, Q_MARK};
use crate::analysis::report::Report;
use crate::analysis::score::{CompanyScore, ScoreReport};
use crate::render::fmt::{count, num, plural};
use crate::stats;

/// Conventional bar for Cronbach's α and for r_wg(J).
pub const GOOD_ENOUGH: f64 = 0.7;

/// The shown companies' values of one score key (`alignment_index` or a dimension id).
fn shown_scores(s: &ScoreReport, key: &str) -> Vec<f64> {
    s.companies
        .iter()
        .filter(|c| !c.suppressed)
        .filter_map(|c| c.scores.as_ref()?.get(key).copied().flatten())
        .collect()
}

/// "< 0.001", "= 0.012" or "undefined".
fn q_text(q: Option<f64>) -> String {
    match q {
        Some(v) if v < 0.001 => "< 0.001".into(),
        Some(v) => format!("= {}", num(Some(v), 3)),
        None => "undefined".into(),
    }
}

/// A label inside a sentence: "Shared understanding" → "shared understanding".
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().collect::<String>() + &label[a.len_utf8()..]
        }
        _ => label.to_string(),
    }
}

/// Dimensions whose α is below the bar, and those whose median r_wg(J) is.
fn weak_dimensions(s: &ScoreReport) -> (Vec<String>, Vec<String>) {
    let mut alpha = Vec::new();
    let mut rwg = Vec::new();
    for d in &s.dimensions {
        if let Some(a) = s.reliability.get(&d.id).and_then(|r| r.alpha) {
            if a < GOOD_ENOUGH {
                alpha.push(lower_first(&d.label));
            }
        }
        if let Some(r) = s.aggregation.get(&d.id).and_then(|a| a.rwg_j_median) {
            if r < GOOD_ENOUGH {
                rwg.push(lower_first(&d.label));
            }
        }
    }
    (alpha, rwg)
}

/// "a", "a and b", "a, b and c".
pub fn and_list(v: &[String]) -> String {
    match v {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Headline findings, most important first.
pub fn headlines(r: &Report) -> Section {
    let s = &r.score;
    let mut sec = Section::new("headlines", "Headline findings");
    let mut items = Vec::new();
    let ai = shown_scores(s, "alignment_index");
    if let (Some(med), Some(lo), Some(hi)) = (
        stats::median(&ai),
        ai.iter().copied().reduce(f64::min),
        ai.iter().copied().reduce(f64::max),
    ) {
        items.push(format!(
            "{} ({} respondents) were scored on {}. The typical company scores {} of 100 on the alignment index; companies range from {} to {}.",
            plural(s.input.companies as u64, "company", "companies"),
            count(s.input.rows_scored),
            plural(s.dimensions.len() as u64, "dimension of alignment", "dimensions of alignment"),
            num(Some(med), 0),
            num(Some(lo), 0),
            num(Some(hi), 0)
        ));
    }
    let dims: Vec<(String, f64)> = s
        .dimensions
        .iter()
        .filter_map(|d| stats::mean(&shown_scores(s, &d.id)).map(|m| (lower_first(&d.label), m)))
        .collect();
    if dims.len() >= 2 {
        let best = dims.iter().max_by(|a, b| a.1.total_cmp(&b.1));
        let worst = dims.iter().min_by(|a, b| a.1.total_cmp(&b.1));
        if let (Some(b), Some(w)) = (best, worst) {
            items.push(format!(
                "Strongest on average: {} ({}); weakest: {} ({}).",
                b.0,
                num(Some(b.1), 0),
                w.0,
                num(Some(w.1), 0)
            ));
        }
    }
    match &r.leaders {
        Some(l) => items.extend(leader_headlines(l)),
        None => items.extend(r.unavailable.leaders.iter().cloned()),
    }
    if let Some(g) = &r.gaps {
        items.extend(g.headlines.perception.iter().cloned());
        if let Some(p) = &g.perception {
            if let (Some(a), Some(pr)) = (p.rho_alignment_outcome, p.rho_perception_outcome) {
                items.push(format!(
                    "Measured alignment tracks business outcomes with Spearman ρ = {}; what people say about alignment (the perception index) with ρ = {}.",
                    num(Some(a), 2),
                    num(Some(pr), 2)
                ));
            }
        }
        items.extend(g.headlines.disconnect.iter().cloned());
    }
    let (alpha, rwg) = weak_dimensions(s);
    if !alpha.is_empty() {
        items.push(format!(
            "Read with care: the items of {} do not hang together well (Cronbach's α below {}).",
            and_list(&alpha),
            GOOD_ENOUGH
        ));
    }
    if !rwg.is_empty() {
        items.push(format!(
            "Read with care: within companies, respondents agree little on {} (median r_wg(J) below {}), so those company scores average different views.",
            and_list(&rwg),
            GOOD_ENOUGH
        ));
    }
    sec.list(items);
    sec
}

/// The headlines of leaders vs laggards: who the leaders are, how much
/// better they do, the widest dimension gap and the practice that most
/// separates them (each labelled indicative when the tiers are small).
fn leader_headlines(l: &LeadersReport) -> Vec<String> {
    let mut items = Vec::new();
    // The first comparison says why it is indicative, the others
    // are labelled.
    let first = std::cell::Cell::new(true);
    let caution = || match (l.indicative, first.replace(false)) {
        (false, _) => String::new(),
        (true, true) => format!("Indicative ({}): ", indicative_text(l)),
        (true, false) => "Indicative: ".to_string(),
    };
    let labels: Vec<String> = l.outcomes.iter().map(|o| lower_first(&o.label)).collect();
    items.push(format!(
        "Leaders are the {} with the best business outcomes — {} — and laggards the {} with the weakest ({}).",
        plural(l.tiers.leader.companies as u64, "company", "companies"),
        if labels.iter().any(|x| x.contains(',')) {
            labels.join("; ")
        } else {
            and_list(&labels)
        },
        plural(l.tiers.laggard.companies as u64, "company", "companies"),
        scheme_text(l.scheme)
    ));
    if let Some(s) = outcome_gaps(l) {
        items.push(format!("{}{s}", caution()));
    }
    let widest = l
        .dimensions
        .iter()
        .filter_map(|d| d.stats.diff.map(|x| (d, x)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    if let Some((d, diff)) = widest {
        items.push(format!(
            "{}Leaders score {} points {} than laggards on {} (Hedges' g = {}, q {}).",
            caution(),
            num(Some(diff.abs()), 0),
            if diff >= 0.0 { "higher" } else { "lower" },
            lower_first(&d.label),
            num(d.stats.hedges_g, 1),
            q_text(d.stats.q),
        ));
    }
    let ranked = ranked_items(l);
    let clear = ranked
        .iter()
        .find(|i| i.stats.q.is_some_and(|q| q < Q_MARK));
    if let Some(top) = clear.or(ranked.first()) {
        if let Some(g) = top.stats.hedges_g {
            items.push(format!(
                "{}{} “{}” (Hedges' g = {}, q {}{}).",
                caution(),
                if clear.is_some() {
                    "The practice that most separates leaders from laggards:"
                } else {
                    "No practice separates leaders from laggards beyond chance (q ≥ 0.05 for every one); the largest difference is on"
                },
                top.text.trim(),
                num(Some(g), 1),
                q_text(top.stats.q),
                if top.reverse { ", reverse-worded" } else { "" }
            ));
        }
    }
    items
}

/// Company scores: distribution by stage and the table of shown companies.
pub fn scores(r: &Report) -> Section {
    let s = &r.score;
    let mut sec = Section::new("scores", "Company scores");
    sec.paragraph(
        "Each dimension score is a 0–100 index: 0 when every respondent strongly disagrees with its practices, 100 when every respondent strongly agrees (reverse-worded items are reverse-coded). The alignment index is the mean of a company's dimension scores.",
    );
    let ai = shown_scores(s, "alignment_index");
    let mut stages = Vec::new();
    let mut fallback = Table::new(&["Stage", "From index", "Companies"], 1);
    for st in &r.stages {
        let n = s
            .companies
            .iter()
            .filter(|c| !c.suppressed && c.stage.as_deref() == Some(st.name.as_str()))
            .count();
        stages.push((st.name.clone(), st.min));
        fallback.push_text(vec![st.name.clone(), num(Some(st.min), 0), count(n as u64)]);
    }
    if !ai.is_empty() {
        sec.figure(Figure {
            title: "Alignment index across companies".into(),
            caption: format!(
                "Number of companies in each 5-point band of the alignment index{}.",
                if stages.is_empty() {
                    String::new()
                } else {
                    "; dashed lines mark where each stage begins".to_string()
                }
            ),
            alt: format!(
                "Histogram of the alignment index of {}.",
                plural(ai.len() as u64, "company", "companies")
            ),
            chart: Chart::Distribution {
                values: ai.clone(),
                stages,
            },
            fallback: (!fallback.rows.is_empty()).then_some(fallback),
            svg: None,
            hover: Vec::new(),
        });
    }
    sec.table(company_table(r));
    if s.hidden.companies > 0 {
        sec.note(format!(
            "{} with fewer than {} respondents {} not shown here, in any chart, or in any figure of this report (only Cronbach's α pools {} respondents); the threshold is in the technical appendix.",
            plural(s.hidden.companies as u64, "company", "companies"),
            s.hidden.threshold,
            if s.hidden.companies == 1 { "is" } else { "are" },
            if s.hidden.companies == 1 { "its" } else { "their" },
        ));
    }
    sec
}

/// The score command's company table without the hidden companies' rows
/// (a hidden company has no row in the report), with each company's
/// perception index and leaders tier when those analyses ran.
fn company_table(r: &Report) -> Table {
    let s = &r.score;
    let mut t = super::commands::score_companies_table(s);
    let shown: Vec<&CompanyScore> = s.companies.iter().filter(|c| !c.suppressed).collect();
    let mut hidden = s.companies.iter().map(|c| c.suppressed);
    t.rows.retain(|_| !hidden.next().unwrap_or(true));
    if shown.iter().any(|c| c.perception_index.is_some()) {
        let cells = shown.iter().map(|c| Cell::index(c.perception_index));
        t.push_column(
            Column::right("perception_index", "Perception index"),
            cells.collect(),
        );
    }
    if let Some(l) = &r.leaders {
        let mut tiers = std::collections::HashMap::with_capacity(l.companies.len());
        for c in &l.companies {
            tiers.entry(&*c.company_id).or_insert(c.tier);
        }
        let tier = |id: &str| {
            tiers
                .get(id)
                .copied()
                .flatten()
                .map_or("unclassified", |t| t.label())
        };
        let cells = shown.iter().map(|c| Cell::text(tier(&c.company_id)));
        t.push_column(Column::left("tier", "Tier"), cells.collect());
    }
    t.caption = Some("Best alignment index first.".to_string());
    t
}

/// Reliability (α) and agreement (ICC, r_wg(J)), with notes where they are low.
pub fn reliability(r: &Report) -> Section {
    let s = &r.score;
    let mut sec = Section::new("reliability", "Reliability and agreement");
    sec.paragraph(format!(
        "Cronbach's α says whether a dimension's items measure one thing ({GOOD_ENOUGH} or more is the usual bar). ICC(1) is the share of the variation in answers that lies between companies; ICC(2) how reliable a company's mean is. r_wg(J) says how much a company's respondents agree with each other ({GOOD_ENOUGH} or more is usually taken as a shared view)."
    ));
    let mut t = super::commands::score_reliability_table(s);
    let mut low_counts = Vec::new();
    let mut notes = Vec::new();
    for d in &s.dimensions {
        let (Some(rel), Some(agg)) = (s.reliability.get(&d.id), s.aggregation.get(&d.id)) else {
            continue;
        };
        let shown: Vec<f64> = s
            .companies
            .iter()
            .filter(|c| !c.suppressed)
            .filter_map(|c| c.rwg_j.as_ref()?.get(&d.id).copied().flatten())
            .collect();
        let low = shown.iter().filter(|x| **x < GOOD_ENOUGH).count();
        low_counts.push(Cell::text(format!(
            "{} of {}",
            count(low as u64),
            count(shown.len() as u64)
        )));
        match rel.alpha {
            Some(a) if a < GOOD_ENOUGH => notes.push(format!(
                "α for {} is {}, below {GOOD_ENOUGH}: its {} items may not measure one thing, so read its score with care (the score output lists α if each item is dropped).",
                d.label,
                num(Some(a), 2),
                rel.k
            )),
            None => notes.push(format!(
                "α for {} is undefined (too few complete answers, or no variance).",
                d.label
            )),
            _ => {}
        }
        if let Some(m) = agg.rwg_j_median.filter(|m| *m < GOOD_ENOUGH) {
            notes.push(format!(
                "Agreement within companies on {} is low (median r_wg(J) = {}): respondents of the same company see it differently, so its company scores average different views.",
                lower_first(&d.label),
                num(Some(m), 2)
            ));
        }
    }
    t.push_column(
        Column::right("rwg_j_low", "Companies with r_wg(J) < 0.7"),
        low_counts,
    );
    t.caption = Some(
        "Companies with r_wg(J) below 0.7 are counted among the companies shown (r_wg(J) needs 2 or more respondents).".into(),
    );
    sec.table(t);
    for n in notes {
        sec.note(n);
    }
    sec
}
