//! Finding the identifier columns of an export: completion, respondent,
//! role and company, each by the base instrument's own column name, by
//! name, and by what its answers look like.

use super::{all_preset_words, normalize_label, quoted, tokens, Export, Found};
use crate::instrument::Instrument;
use std::collections::BTreeSet;

/// The export as drafting scans it: each column's name and text tokens,
/// the columns already taken, and the decisions so far.
pub(super) struct Scan<'e> {
    pub(super) export: &'e Export,
    name_tokens: Vec<Vec<String>>,
    pub(super) taken: BTreeSet<usize>,
    pub(super) decisions: Vec<String>,
}

impl<'e> Scan<'e> {
    pub(super) fn new(export: &'e Export) -> Scan<'e> {
        let name_tokens = (0..export.names.len())
            .map(|i| {
                let mut t = tokens(&export.names[i]);
                for w in tokens(&export.texts[i]) {
                    if !t.contains(&w) {
                        t.push(w);
                    }
                }
                t
            })
            .collect();
        Scan {
            export,
            name_tokens,
            taken: BTreeSet::new(),
            decisions: Vec::new(),
        }
    }

    /// Number of columns.
    pub(super) fn n(&self) -> usize {
        self.export.names.len()
    }

    /// Column `c`'s non-empty answers.
    pub(super) fn values(&self, c: usize) -> Vec<&'e str> {
        self.export
            .rows
            .iter()
            .filter_map(|r| r.get(c).map(String::as_str))
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// Whether column `c`'s name or text has one of `words`.
    fn has_word(&self, c: usize, words: &[&str]) -> bool {
        self.name_tokens[c].iter().any(|t| words.contains(&&**t))
    }

    fn lower(&self, c: usize) -> String {
        self.export.names[c].to_lowercase()
    }

    /// The free column named `col` (the base's own column names come first).
    fn named(&self, col: Option<&str>) -> Option<usize> {
        col.and_then(|col| {
            (0..self.n()).find(|&c| {
                !self.taken.contains(&c) && self.export.names[c].eq_ignore_ascii_case(col)
            })
        })
    }

    /// Mark the column found as taken.
    pub(super) fn take(&mut self, found: &Option<Found>) {
        self.taken.extend(found.iter().map(|f| f.column));
    }
}

/// Completion: a name meaning finished, and yes/no values.
pub(super) fn finished(sc: &mut Scan, base: &Instrument) -> Option<Found> {
    let flag = |v: &str| {
        matches!(
            v.to_lowercase().as_str(),
            "1" | "0" | "true" | "false" | "yes" | "no" | "y" | "n" | "t" | "f"
        )
    };
    let finished = sc
        .named(base.columns.finished.as_deref())
        .map(|c| Found {
            column: c,
            how: "the base's column name".into(),
        })
        .or_else(|| {
            (0..sc.n())
                .find(|&c| {
                    matches!(
                        sc.lower(c).as_str(),
                        "finished" | "complete" | "completed" | "is_complete" | "finished?"
                    ) && sc.values(c).iter().all(|v| flag(v))
                })
                .map(|c| Found {
                    column: c,
                    how: "name, yes/no values".into(),
                })
        });

    sc.take(&finished);
    finished
}

/// Respondent: a name meaning respondent or response id, unique values.
pub(super) fn respondent(sc: &mut Scan, base: &Instrument) -> Option<Found> {
    const RESPONDENT_NAMES: &[&str] = &[
        "respondent id",
        "respondent_id",
        "respondentid",
        "response id",
        "responseid",
        "response_id",
        "respondent",
        "resp",
        "resp_id",
        "participant id",
        "participant_id",
        "id",
    ];
    let unique = |c: usize| {
        let v = sc.values(c);
        let distinct: BTreeSet<&str> = v.iter().copied().collect();
        !v.is_empty() && distinct.len() == v.len() && v.len() == sc.export.rows.len()
    };
    let respondent = sc
        .named(base.columns.respondent.as_deref())
        .filter(|&c| unique(c))
        .or_else(|| {
            RESPONDENT_NAMES.iter().find_map(|want| {
                (0..sc.n()).find(|&c| !sc.taken.contains(&c) && sc.lower(c) == *want && unique(c))
            })
        })
        .map(|c| Found {
            column: c,
            how: "name, unique values".into(),
        });

    sc.take(&respondent);
    respondent
}

/// Role: the column whose values are mostly role aliases.
pub(super) fn role(sc: &mut Scan, base: &Instrument) -> Option<Found> {
    let mut decisions = Vec::new();
    let aliases: BTreeSet<String> = base
        .roles
        .sales
        .iter()
        .chain(&base.roles.marketing)
        .chain(&base.roles.both)
        .map(|a| normalize_label(a))
        .collect();
    const ROLE_WORDS: &[&str] = &["role", "team", "department", "function", "position", "dept"];
    let role_share = |c: usize| {
        let v = sc.values(c);
        if v.is_empty() {
            return 0.0;
        }
        v.iter()
            .filter(|x| aliases.contains(&normalize_label(x)))
            .count() as f64
            / v.len() as f64
    };
    let mut roles: Vec<(usize, f64)> = (0..sc.n())
        .filter(|c| !sc.taken.contains(c) && !sc.export.dialect.is_metadata(&sc.export.names[*c]))
        .map(|c| {
            let own = base
                .columns
                .role
                .as_deref()
                .is_some_and(|r| sc.export.names[c].eq_ignore_ascii_case(r));
            (c, role_share(c) + if own { 1.0 } else { 0.0 })
        })
        .filter(|&(c, s)| s >= 0.5 || (s > 0.0 && sc.has_word(c, ROLE_WORDS)))
        .collect();
    roles.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let role = if base.columns.role.is_none() {
        None
    } else {
        match roles.first() {
            Some(&(c, s)) => {
                if let Some(&(c2, s2)) = roles.get(1) {
                    if s - s2 < 0.1 {
                        decisions.push(format!(
                            "role column: {} ({:.0}% role answers) or {} ({:.0}%); the draft uses the first",
                            quoted(&sc.export.names[c]),
                            role_share(c) * 100.0,
                            quoted(&sc.export.names[c2]),
                            role_share(c2) * 100.0
                        ));
                    }
                }
                let unknown: BTreeSet<&str> = sc
                    .values(c)
                    .into_iter()
                    .filter(|x| !aliases.contains(&normalize_label(x)))
                    .collect();
                if !unknown.is_empty() {
                    let shown: Vec<String> = unknown.iter().take(8).map(|u| quoted(u)).collect();
                    decisions.push(format!(
                        "role answers that are no role's alias: {}; add them to roles.sales, roles.marketing or roles.both in the draft",
                        shown.join(", ")
                    ));
                }
                Some(Found {
                    column: c,
                    how: format!("content: {:.0}% role answers", role_share(c) * 100.0),
                })
            }
            None => {
                decisions.push(
                    "role column: no column holds the role answers (sales, marketing…); the draft has no role column (set columns.role and roles)".into(),
                );
                None
            }
        }
    };

    sc.decisions.extend(decisions);
    sc.take(&role);
    role
}

/// How much `v` looks like company ids: the share of repeats among text
/// values that are not scale answers (0 when most are answers, or none
/// repeats).
fn repeated_text(v: &[&str], labels: &BTreeSet<String>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let distinct: BTreeSet<String> = v.iter().map(|x| normalize_label(x)).collect();
    let answers = v
        .iter()
        .filter(|x| labels.contains(&normalize_label(x)) || x.parse::<f64>().is_ok())
        .count();
    if answers * 2 > v.len() || distinct.len() == v.len() {
        return 0.0;
    }
    1.0 - distinct.len() as f64 / v.len() as f64
}

/// Company: a name or question about the company, repeated text values.
pub(super) fn company(sc: &mut Scan, base: &Instrument) -> Option<Found> {
    let mut decisions = Vec::new();
    const COMPANY_WORDS: &[&str] = &[
        "company",
        "companies",
        "account",
        "organisation",
        "organization",
        "firm",
        "employer",
        "business",
        "client",
        "customer_id",
    ];
    let labels = all_preset_words();
    let company_content = |c: usize| repeated_text(&sc.values(c), &labels);
    let base_company = sc.named(Some(&base.columns.company));
    let mut companies: Vec<(usize, f64, bool)> = (0..sc.n())
        .filter(|c| !sc.taken.contains(c) && !sc.export.dialect.is_metadata(&sc.export.names[*c]))
        .map(|c| {
            let named = sc.has_word(c, COMPANY_WORDS) || Some(c) == base_company;
            let bonus = if Some(c) == base_company {
                2.0
            } else if named {
                1.0
            } else {
                0.0
            };
            (c, company_content(c) + bonus, named)
        })
        .filter(|&(_, s, named)| named || s > 0.0)
        .collect();
    companies.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let company = companies.first().map(|&(c, s, named)| {
        if let Some(&(c2, s2, _)) = companies.get(1) {
            if s - s2 < 0.1 {
                decisions.push(format!(
                    "company column: {} or {}; the draft uses the first",
                    quoted(&sc.export.names[c]),
                    quoted(&sc.export.names[c2])
                ));
            }
        }
        if !named {
            decisions.push(format!(
                "company column: {} was chosen by its content only (repeated text answers); check it",
                quoted(&sc.export.names[c])
            ));
        }
        Found {
            column: c,
            how: if Some(c) == base_company {
                "the base's column name".into()
            } else if named && s > 1.0 {
                "name, repeated values".into()
            } else if named {
                "name".into()
            } else {
                "content: repeated values".into()
            },
        }
    });
    if company.is_none() {
        decisions.push(
            "company column: no column names the company or holds repeated company ids".into(),
        );
    }

    sc.decisions.extend(decisions);
    sc.take(&company);
    company
}
