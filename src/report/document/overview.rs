//! The first sections of the report: headline findings in plain language,
//! company scores (with the distribution chart) and reliability and
//! agreement (with a note wherever α or r_wg(J) is low).

use super::{Chart, Figure, Section, Table};
use crate::analysis::leaders::summary::{indicative_text, outcome_gaps, scheme_text};
use crate::analysis::leaders::{ranked_items, Q_MARK};
use crate::analysis::report::Report;
use crate::analysis::score::ScoreReport;
use crate::report::fmt::{count, interval, num, plural};
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
        Some(l) => {
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
        }
        None => {
            if let Some(why) = &r.unavailable.leaders {
                items.push(why.clone());
            }
        }
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
    let tiers: Vec<(&str, &'static str)> = r
        .leaders
        .iter()
        .flat_map(|l| &l.companies)
        .filter_map(|c| Some((c.company_id.as_str(), c.tier?.label())))
        .collect();
    let has_perception = s.companies.iter().any(|c| c.perception_index.is_some());
    let mut header: Vec<&str> = vec!["Company", "n"];
    header.extend(s.dimensions.iter().map(|d| d.label.as_str()));
    header.extend(["Alignment index", "Stage"]);
    if has_perception {
        header.push("Perception index");
    }
    if r.leaders.is_some() {
        header.push("Tier");
    }
    let mut t = Table::new(&header, 1);
    // Stage and tier are words: left-aligned.
    let stage_col = 2 + s.dimensions.len() + 1;
    t.columns[stage_col].align = super::Align::Left;
    if r.leaders.is_some() {
        let last = t.columns.len() - 1;
        t.columns[last].align = super::Align::Left;
    }
    for c in s.companies.iter().filter(|c| !c.suppressed) {
        let Some(sc) = &c.scores else { continue };
        let mut row = vec![c.company_id.clone(), count(c.n)];
        row.extend(
            s.dimensions
                .iter()
                .map(|d| num(sc.get(&d.id).copied().flatten(), 1)),
        );
        row.push(num(sc.get("alignment_index").copied().flatten(), 1));
        row.push(c.stage.clone().unwrap_or_else(|| "–".into()));
        if has_perception {
            row.push(num(c.perception_index, 1));
        }
        if r.leaders.is_some() {
            let tier = tiers
                .iter()
                .find(|(id, _)| *id == c.company_id)
                .map_or("unclassified", |t| t.1);
            row.push(tier.to_string());
        }
        t.push_text(row);
    }
    t.caption = Some("Best alignment index first.".to_string());
    // The report's main table in CSV: one row per company.
    t.name = "companies".to_string();
    t.main = true;
    sec.table(t);
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

/// Reliability (α) and agreement (ICC, r_wg(J)), with notes where they are low.
pub fn reliability(r: &Report) -> Section {
    let s = &r.score;
    let mut sec = Section::new("reliability", "Reliability and agreement");
    sec.paragraph(format!(
        "Cronbach's α says whether a dimension's items measure one thing ({GOOD_ENOUGH} or more is the usual bar). ICC(1) is the share of the variation in answers that lies between companies; ICC(2) how reliable a company's mean is. r_wg(J) says how much a company's respondents agree with each other ({GOOD_ENOUGH} or more is usually taken as a shared view)."
    ));
    let mut t = Table::new(
        &[
            "Dimension",
            "Items",
            "Complete answers",
            "α",
            "α 95% CI",
            "ICC(1)",
            "ICC(2)",
            "Median r_wg(J)",
            "Companies with r_wg(J) < 0.7",
        ],
        1,
    );
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
        t.push_text(vec![
            d.label.clone(),
            rel.k.to_string(),
            count(rel.n_complete),
            num(rel.alpha, 2),
            interval(rel.alpha_ci95, 2),
            num(agg.icc1, 2),
            num(agg.icc2, 2),
            num(agg.rwg_j_median, 2),
            format!("{} of {}", count(low as u64), count(shown.len() as u64)),
        ]);
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
    t.caption = Some(
        "Companies with r_wg(J) below 0.7 are counted among the companies shown (r_wg(J) needs 2 or more respondents).".into(),
    );
    sec.table(t);
    for n in notes {
        sec.note(n);
    }
    sec
}
