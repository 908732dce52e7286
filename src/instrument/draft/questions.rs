//! Matching the base instrument's questions to the export's free columns
//! (greedy, most similar pairs first; nothing ambiguous is written), then
//! the label preset covering the matched columns' answers, and the
//! question-like columns nobody took.

use super::columns::Scan;
use super::presets::{self, PRESET_MISSING};
use super::{column_texts, normalize_label, question_score, quoted, tokens, Match, LOW, MARGIN};
use crate::instrument::Instrument;
use std::collections::{BTreeMap, BTreeSet};

/// A question of the base: kind, id, text and the base's column name.
type Question<'b> = (&'static str, &'b str, &'b str, &'b str);

/// The questions matched, and which question owns each matched column.
pub(super) struct Matched {
    /// Each question of the base and where it went.
    pub(super) matches: Vec<Match>,
    /// The free columns: not an identifier, not metadata, named.
    pub(super) free: Vec<usize>,
    /// Column → the question it was given to.
    pub(super) owner: BTreeMap<usize, usize>,
}

/// Every item, perception item and statement of the base.
fn questions(base: &Instrument) -> Vec<Question<'_>> {
    base.items
        .iter()
        .map(|i| ("item", i.id.as_str(), i.text.as_str(), i.column.as_str()))
        .chain(base.perception.iter().map(|q| {
            let (id, text, column) = (q.id.as_str(), q.text.as_str(), q.column.as_str());
            ("perception", id, text, column)
        }))
        .chain(base.statements.iter().map(|q| {
            let (id, text, column) = (q.id.as_str(), q.text.as_str(), q.column.as_str());
            ("statement", id, text, column)
        }))
        .collect()
}

/// Each question's columns by similarity, most similar first.
fn scores(sc: &Scan, questions: &[Question], free: &[usize]) -> Vec<Vec<(usize, f64)>> {
    let col_tokens: BTreeMap<usize, Vec<Vec<String>>> = free
        .iter()
        .map(|&c| {
            let mut texts = column_texts(&sc.export.texts[c]);
            if sc.export.texts[c] != sc.export.names[c] {
                texts.extend(column_texts(&sc.export.names[c]));
            }
            (c, texts.iter().map(|t| tokens(t)).collect())
        })
        .collect();
    questions
        .iter()
        .map(|(_, _, text, column)| {
            let t = tokens(text);
            let mut s: Vec<(usize, f64)> = free
                .iter()
                .map(|&c| {
                    // The base's own column name is as good as the same text.
                    if sc.export.names[c].eq_ignore_ascii_case(column) {
                        (c, 1.0)
                    } else {
                        (c, question_score(&t, &col_tokens[&c]))
                    }
                })
                .collect();
            s.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            s
        })
        .collect()
}

/// Greedy assignment, best pairs first: each question's column, and the
/// question owning each column.
#[allow(clippy::type_complexity)]
fn assign(scores: &[Vec<(usize, f64)>]) -> (Vec<Option<(usize, f64)>>, BTreeMap<usize, usize>) {
    let mut pairs: Vec<(f64, usize, usize)> = scores
        .iter()
        .enumerate()
        .flat_map(|(q, s)| s.iter().map(move |&(c, v)| (v, q, c)))
        .filter(|p| p.0 >= LOW)
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut assigned: Vec<Option<(usize, f64)>> = vec![None; scores.len()];
    let mut owner: BTreeMap<usize, usize> = BTreeMap::new();
    for (v, q, c) in pairs {
        if assigned[q].is_none() && !owner.contains_key(&c) {
            assigned[q] = Some((c, v));
            owner.insert(c, q);
        }
    }
    (assigned, owner)
}

/// Match every question of the base to a free column of the export.
pub(super) fn match_questions(sc: &mut Scan, base: &Instrument) -> Matched {
    let free: Vec<usize> = (0..sc.n())
        .filter(|c| {
            !sc.taken.contains(c)
                && !sc.export.names[*c].is_empty()
                && !sc.export.dialect.is_metadata(&sc.export.names[*c])
        })
        .collect();
    let questions = questions(base);
    let scores = scores(sc, &questions, &free);
    let (assigned, mut owner) = assign(&scores);
    let mut matches = Vec::new();
    for (q, (kind, id, _, _)) in questions.iter().enumerate() {
        let best = scores[q].first().copied();
        let mut m = Match {
            kind,
            id: id.to_string(),
            column: None,
            best,
            rival: None,
        };
        match assigned[q] {
            Some((c, v)) => {
                // The closest other column nobody else took.
                let rival = scores[q]
                    .iter()
                    .find(|&&(c2, _)| c2 != c && !owner.contains_key(&c2))
                    .copied()
                    .filter(|&(_, v2)| v - v2 < MARGIN);
                match rival {
                    Some(r) => {
                        m.best = Some((c, v));
                        m.rival = Some(r);
                        sc.decisions.push(format!(
                            "{kind} {}: {} ({v:.2}) and {} ({:.2}) are about as similar; not written, set its column by hand",
                            quoted(id),
                            quoted(&sc.export.names[c]),
                            quoted(&sc.export.names[r.0]),
                            r.1
                        ));
                    }
                    None => m.column = Some((c, v)),
                }
            }
            None => {
                let why = match best {
                    Some((c, v)) => match owner.get(&c) {
                        Some(&o) if v >= LOW => format!(
                            "the closest column, {} ({v:.2}), went to {}; no other reaches {LOW}",
                            quoted(&sc.export.names[c]),
                            quoted(questions[o].1)
                        ),
                        _ => format!(
                            "the closest column, {} ({v:.2}), is below {LOW}",
                            quoted(&sc.export.names[c])
                        ),
                    },
                    None => "the export has no free question column".into(),
                };
                sc.decisions.push(format!(
                    "{kind} {}: not matched, left out of the draft ({why}); add it with its column if the export asks it",
                    quoted(id)
                ));
            }
        }
        matches.push(m);
    }
    for m in matches.iter_mut() {
        if m.rival.is_some() {
            if let Some((c, _)) = m.best {
                owner.remove(&c);
            }
        }
    }
    Matched {
        matches,
        free,
        owner,
    }
}

/// The base's missing-answer codes, normalised.
fn base_missing(base: &Instrument) -> BTreeSet<String> {
    base.missing_tokens()
        .iter()
        .map(|m| normalize_label(m))
        .collect()
}

/// A whole number on the base's scale.
fn numeric(base: &Instrument, v: &str) -> bool {
    v.parse::<f64>()
        .ok()
        .filter(|x| x.fract() == 0.0 && *x >= base.scale.min as f64 && *x <= base.scale.max as f64)
        .is_some()
}

/// The preset chosen (`None`: the base's labels kept), the distinct answers
/// it covers and those seen, and its words.
pub(super) struct Choice {
    pub(super) preset: Option<&'static presets::Preset>,
    pub(super) answers_covered: (usize, usize),
    words: BTreeSet<String>,
}

/// The preset covering the distinct answers of the matched columns.
pub(super) fn choose_preset(sc: &mut Scan, base: &Instrument, matches: &[Match]) -> Choice {
    let used: Vec<usize> = matches
        .iter()
        .filter_map(|m| m.column.map(|c| c.0))
        .collect();
    let mut answers: BTreeMap<String, String> = BTreeMap::new();
    for &c in &used {
        for v in sc.values(c) {
            answers
                .entry(normalize_label(v))
                .or_insert_with(|| v.to_string());
        }
    }
    let base_missing = base_missing(base);
    let text: Vec<&String> = answers
        .keys()
        .filter(|v| !numeric(base, v) && !base_missing.contains(*v))
        .collect();
    // Candidates: the base's own labels, then each preset.
    let base_labels: BTreeSet<String> = base
        .scale
        .all_labels()
        .iter()
        .map(|(t, _)| normalize_label(t))
        .collect();
    let mut choice: (Option<&presets::Preset>, usize, usize) = (
        None,
        text.iter().filter(|v| base_labels.contains(**v)).count(),
        usize::MAX,
    );
    if choice.1 < text.len() || (text.is_empty() && base.scale.preset.is_none()) {
        for p in presets::PRESETS {
            let words: BTreeMap<String, i64> = p
                .labels(0)
                .map(|(t, v)| (normalize_label(t), v))
                .chain(PRESET_MISSING.iter().map(|m| (normalize_label(m), -1)))
                .collect();
            let covered = text.iter().filter(|v| words.contains_key(**v)).count();
            let points: BTreeSet<i64> =
                text.iter().filter_map(|v| words.get(*v)).copied().collect();
            // Answers that share a point under this preset tell of a finer scale.
            let clashes = text.iter().filter(|v| words.contains_key(**v)).count() - points.len();
            if covered > choice.1
                || (covered == choice.1 && choice.0.is_some() && clashes < choice.2)
            {
                choice = (Some(p), covered, clashes);
            }
        }
    }
    let (preset, covered, _) = choice;
    let answers_covered = (covered, text.len());
    let words: BTreeSet<String> = match preset {
        Some(p) => p
            .labels(0)
            .map(|(t, _)| normalize_label(t))
            .chain(PRESET_MISSING.iter().map(|m| normalize_label(m)))
            .collect(),
        None => base_labels.clone(),
    };
    let stray: Vec<String> = text
        .iter()
        .filter(|v| !words.contains(**v))
        .map(|v| quoted(&answers[*v]))
        .collect();
    if !stray.is_empty() {
        sc.decisions.push(format!(
            "answers in no preset: {}{}; add them to scale.labels or missing in the draft",
            stray.iter().take(8).cloned().collect::<Vec<_>>().join(", "),
            if stray.len() > 8 { ", …" } else { "" }
        ));
    }
    Choice {
        preset,
        answers_covered,
        words,
    }
}

/// Question-like columns nobody took: a decision each.
pub(super) fn flag_unclaimed(sc: &mut Scan, base: &Instrument, m: &Matched, choice: &Choice) {
    let base_missing = base_missing(base);
    for &c in &m.free {
        if m.owner.contains_key(&c) {
            continue;
        }
        let v = sc.values(c);
        let scale_like = !v.is_empty()
            && v.iter().all(|x| {
                let n = normalize_label(x);
                numeric(base, x) || choice.words.contains(&n) || base_missing.contains(&n)
            });
        if scale_like {
            sc.decisions.push(format!(
                "column {} looks like a scale question but matches no question of the base instrument; add it to the draft by hand if it should be scored",
                quoted(&sc.export.names[c])
            ));
        }
    }
}
