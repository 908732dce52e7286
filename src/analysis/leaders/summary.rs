//! The plain-language summary that leads the `leaders` report: who was
//! classified and how, how far leaders score above laggards on each
//! dimension, which practices distinguish them, and which dimension tracks
//! outcomes most closely. Built from the finished model, so every number in
//! a sentence is a number of the report (rounded).

use super::{ranked_items, LeadersReport, Q_MARK};
use crate::analysis::outcomes::{CompositeMethod, Scheme};

/// "< 0.001" or "= 0.012".
pub fn p_text(p: f64) -> String {
    if p < 0.001 {
        "< 0.001".to_string()
    } else {
        format!("= {p:.3}")
    }
}

/// A label inside a sentence: "Ongoing collaboration" → "ongoing
/// collaboration", but "ICP fit" stays as it is.
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().collect::<String>() + &label[a.len_utf8()..]
        }
        _ => label.to_string(),
    }
}

fn pct(x: f64) -> String {
    format!("{x:.0}%")
}

fn share(x: f64) -> String {
    let v = x * 100.0;
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}%")
    } else {
        format!("{v}%")
    }
}

/// How `s` splits the companies, in words (e.g. "top 20% leaders, bottom 30% laggards").
pub fn scheme_text(s: Scheme) -> String {
    match s {
        Scheme::Aberdeen => "top 20% leaders, bottom 30% laggards".into(),
        Scheme::Median => "leaders above the median composite, laggards the rest".into(),
        Scheme::Quantiles([a, _, c]) => {
            format!("top {} leaders, bottom {} laggards", share(a), share(c))
        }
        Scheme::AllAboveMedian => {
            "leaders above the median on every outcome group, laggards the rest".into()
        }
    }
}

/// An outcome value with its unit: "14.2%", "3.1", "12.0 days".
pub fn with_unit(x: f64, unit: &str) -> String {
    match unit.trim() {
        "" => format!("{x:.1}"),
        "%" => format!("{x:.1}%"),
        u => format!("{x:.1} {u}"),
    }
}

/// "Leaders' revenue growth, 3 years averaged 14.2%, laggards' 3.1%; …":
/// each outcome's mean by tier, `None` when no outcome has both means.
pub fn outcome_gaps(r: &LeadersReport) -> Option<String> {
    let parts: Vec<String> = r
        .outcomes_by_tier
        .iter()
        .filter_map(|o| {
            let (l, g) = (o.leaders.mean?, o.laggards.mean?);
            Some(format!(
                "{}: {} vs {}",
                in_sentence(&o.label),
                with_unit(l, &o.unit),
                with_unit(g, &o.unit)
            ))
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(format!(
        "On average, leaders vs laggards: {}.",
        parts.join("; ")
    ))
}

/// "only 3 leaders and 5 laggards": the caution of an indicative comparison.
pub fn indicative_text(r: &LeadersReport) -> String {
    format!(
        "only {} leader{} and {} laggard{}, fewer than {} in a tier",
        r.tiers.leader.companies,
        if r.tiers.leader.companies == 1 {
            ""
        } else {
            "s"
        },
        r.tiers.laggard.companies,
        if r.tiers.laggard.companies == 1 {
            ""
        } else {
            "s"
        },
        super::INDICATIVE_BELOW
    )
}

/// The summary sentences, most important first; with few leaders or
/// laggards every comparison is labelled indicative.
pub fn sentences(r: &LeadersReport, n_groups: usize, tied: bool) -> Vec<String> {
    let mut out = comparisons(r, n_groups, tied);
    if r.indicative && out.len() > 1 {
        for s in out.iter_mut().skip(1) {
            *s = format!("Indicative: {s}");
        }
        out.insert(
            1,
            format!(
                "Indicative only: with {}, the differences below can easily be chance and should be confirmed with more companies.",
                indicative_text(r)
            ),
        );
    }
    out
}

fn comparisons(r: &LeadersReport, n_groups: usize, tied: bool) -> Vec<String> {
    let mut out = vec![head_sentence(r, n_groups)];
    if tied {
        out.push(
            "Every classified company has the same outcome composite, so leaders and laggards cannot be told apart: no comparison is made."
                .to_string(),
        );
        return out;
    }
    out.extend(outcome_gaps(r));
    let dims = dimension_sentences(r);
    if dims.is_empty() {
        out.push(
            "Leaders and laggards cannot be compared on the dimensions (see the warnings)."
                .to_string(),
        );
        return out;
    }
    out.extend(dims);
    out.push(practices_sentence(r));
    out.extend(weaker_sentence(r));
    out.extend(tracking_sentence(r));
    out
}

/// How many companies were classified, how, and into which tiers.
fn head_sentence(r: &LeadersReport, n_groups: usize) -> String {
    let t = &r.tiers;
    let classified = t.leader.companies + t.average.companies + t.laggard.companies;
    let method = match r.settings.composite {
        CompositeMethod::Z => "mean z-score",
        CompositeMethod::Rank => "mean percentile rank",
    };
    let mut head = format!(
        "{classified} compan{} classified by {} outcome{} in {n_groups} group{} (composite: {method}; {}): {} leader{}, {} average, {} laggard{}.",
        if classified == 1 { "y" } else { "ies" },
        r.outcomes.len(),
        if r.outcomes.len() == 1 { "" } else { "s" },
        if n_groups == 1 { "" } else { "s" },
        scheme_text(r.scheme),
        t.leader.companies,
        if t.leader.companies == 1 { "" } else { "s" },
        t.average.companies,
        t.laggard.companies,
        if t.laggard.companies == 1 { "" } else { "s" },
    );
    if t.unclassified > 0 {
        head.push_str(&format!(
            " {} could not be classified (listed below).",
            if t.unclassified == 1 {
                "1 more company".to_string()
            } else {
                format!("{} more companies", t.unclassified)
            }
        ));
    }
    head
}

/// One sentence per comparable dimension, largest effect first.
fn dimension_sentences(r: &LeadersReport) -> Vec<String> {
    let mut out = Vec::new();
    let mut dims: Vec<_> = r.dimensions.iter().collect();
    dims.sort_by(|a, b| match (a.stats.hedges_g, b.stats.hedges_g) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    for d in dims {
        let Some(diff) = d.stats.diff else { continue };
        let size = diff.abs();
        let amount = if size >= 9.95 {
            format!("{size:.0}")
        } else {
            format!("{size:.1}")
        };
        let tests = match (d.stats.hedges_g, d.stats.q) {
            (Some(g), Some(q)) => format!(" (g = {g:.1}, q {})", p_text(q)),
            (Some(g), None) => format!(" (g = {g:.1})"),
            _ => " (too few companies or no variance for a test)".to_string(),
        };
        let label = in_sentence(&d.label);
        if amount.trim_start_matches(['0', '.']).is_empty() {
            out.push(format!(
                "Leaders and laggards score the same on {label}{tests}."
            ));
        } else {
            out.push(format!(
                "Leaders score {amount} points {} on {label}{tests}.",
                if diff > 0.0 { "higher" } else { "lower" }
            ));
        }
    }
    out
}

/// The practices (items) that distinguish leaders at q < [`Q_MARK`], or
/// the largest difference when none does.
fn practices_sentence(r: &LeadersReport) -> String {
    let ranked = ranked_items(r);
    let strong: Vec<_> = ranked
        .iter()
        .filter(|i| {
            i.stats.q.is_some_and(|q| q < Q_MARK) && i.stats.hedges_g.is_some_and(|g| g > 0.0)
        })
        .collect();
    let tested = r.items.iter().filter(|i| i.stats.q.is_some()).count();
    if strong.is_empty() {
        let mut s =
            format!("No single practice distinguishes leaders from laggards at q < {Q_MARK}");
        if let Some(top) = ranked.first().filter(|i| i.stats.hedges_g.is_some()) {
            s.push_str(&format!(
                "; the largest difference is “{}” (g = {:.1}{})",
                top.text.trim_end_matches('.'),
                top.stats.hedges_g.unwrap_or(0.0),
                top.stats
                    .q
                    .map(|q| format!(", q {}", p_text(q)))
                    .unwrap_or_default()
            ));
        }
        s.push('.');
        s
    } else {
        let shown: Vec<String> = strong
            .iter()
            .take(3)
            .map(|i| {
                let mut s = format!(
                    "“{}” (g = {:.1}",
                    i.text.trim_end_matches('.'),
                    i.stats.hedges_g.unwrap_or(0.0)
                );
                if let (Some(l), Some(g)) = (i.top2_leaders, i.top2_laggards) {
                    s.push_str(&format!(
                        "; {}agreed by {} of leaders' respondents vs {} of laggards'",
                        if i.reverse { "reverse-worded, " } else { "" },
                        pct(l),
                        pct(g)
                    ));
                    if let Some(lift) = i.lift.filter(|x| *x >= 1.05) {
                        s.push_str(&format!(", {lift:.1}× as often"));
                    }
                }
                s.push(')');
                s
            })
            .collect();
        format!(
            "{} of {tested} practices distinguish leaders at q < {Q_MARK}; the strongest: {}.",
            strong.len(),
            shown.join("; ")
        )
    }
}

/// The practices on which leaders score lower than laggards at q <
/// [`Q_MARK`], if any.
fn weaker_sentence(r: &LeadersReport) -> Option<String> {
    let weaker: Vec<String> = ranked_items(r)
        .iter()
        .rev()
        .filter(|i| {
            i.stats.q.is_some_and(|q| q < Q_MARK) && i.stats.hedges_g.is_some_and(|g| g < 0.0)
        })
        .map(|i| {
            format!(
                "“{}” (g = {:.1})",
                i.text.trim_end_matches('.'),
                i.stats.hedges_g.unwrap_or(0.0)
            )
        })
        .collect();
    (!weaker.is_empty()).then(|| {
        format!(
            "Leaders score lower than laggards at q < {Q_MARK} on {}: {}.",
            if weaker.len() == 1 {
                "1 practice".to_string()
            } else {
                format!("{} practices", weaker.len())
            },
            weaker
                .iter()
                .take(3)
                .cloned()
                .collect::<Vec<_>>()
                .join("; ")
        )
    })
}

/// The dimension that tracks outcomes most closely, if any has a ρ.
fn tracking_sentence(r: &LeadersReport) -> Option<String> {
    let c = r
        .correlations
        .iter()
        .filter(|c| c.spearman_rho.is_some())
        .max_by(|a, b| {
            a.spearman_rho
                .unwrap_or(0.0)
                .total_cmp(&b.spearman_rho.unwrap_or(0.0))
        })?;
    let label = r
        .dimensions
        .iter()
        .find(|d| d.dimension == c.dimension)
        .map_or(c.dimension.clone(), |d| in_sentence(&d.label));
    Some(format!(
        "Across the {} classified companies with a score, {label} tracks the outcome composite most closely (Spearman ρ = {:.2}{}).",
        c.n,
        c.spearman_rho.unwrap_or(0.0),
        c.p.map(|p| format!(", p {}", p_text(p))).unwrap_or_default()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_helpers() {
        assert_eq!(p_text(0.0004), "< 0.001");
        assert_eq!(p_text(0.0123), "= 0.012");
        assert_eq!(
            in_sentence("Ongoing collaboration"),
            "ongoing collaboration"
        );
        assert_eq!(in_sentence("ICP fit"), "ICP fit");
        assert_eq!(pct(78.5), "78%");
        assert_eq!(pct(3.2), "3%");
        assert_eq!(share(0.25), "25%");
        assert_eq!(
            scheme_text(Scheme::Quantiles([0.25, 0.5, 0.25])),
            "top 25% leaders, bottom 25% laggards"
        );
    }
}
