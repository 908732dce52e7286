//! Checks that an instrument is coherent beyond what its JSON shape says:
//! ids and columns unique, every item in a known dimension, a sane scale.

use super::roles::{blank_target, is_role_id, RESERVED_ROLE_NAMES};
use super::{Instrument, RESERVED_IDS};

/// Extra roles an instrument may declare (role slots are kept per company).
pub const MAX_OTHER_ROLES: usize = 32;
use std::collections::{BTreeMap, BTreeSet};

/// Normalise answer text for matching: trimmed, lower-case, inner white
/// space folded, curly apostrophes made straight.
pub fn normalize_label(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}', '\u{02bc}'], "'")
}

impl Instrument {
    /// Every problem is reported as one message naming the offending key or id.
    pub(super) fn validate(&self) -> Result<(), String> {
        let mut problems: Vec<String> = Vec::new();
        if self.name.trim().is_empty() {
            problems.push("\"name\" is empty".into());
        }
        self.check_scale(&mut problems);
        self.check_labels(&mut problems);
        self.check_columns(&mut problems);
        self.check_roles(&mut problems);
        self.check_ids(&mut problems);
        self.check_outcomes_and_stages(&mut problems);
        self.check_segments(&mut problems);
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems.join("; "))
        }
    }

    /// The scale: its range and its preset.
    fn check_scale(&self, problems: &mut Vec<String>) {
        let s = &self.scale;
        if s.min >= s.max {
            problems.push(format!(
                "scale: \"min\" ({}) must be below \"max\" ({})",
                s.min, s.max
            ));
        }
        if s.max - s.min > 1000 {
            problems.push(format!(
                "scale: {} to {} has more than 1001 points; is this a scale of agreement?",
                s.min, s.max
            ));
        }
        if let Some(name) = &s.preset {
            match super::presets::preset(name) {
            None => problems.push(format!(
                "scale.preset: \"{name}\" is not a preset; the presets are {}",
                super::presets::names()
            )),
            Some(p) if p.points.len() as i64 != s.max - s.min + 1 => problems.push(format!(
                "scale.preset: \"{name}\" has {} points but the scale {} to {} has {}; set \"min\" and \"max\" to a {}-point scale",
                p.points.len(),
                s.min,
                s.max,
                s.max - s.min + 1,
                p.points.len()
            )),
            Some(_) => {}
        }
        }
    }

    /// The scale's labels (on the scale, distinct) and the missing-value
    /// tokens (neither a label nor a point on the scale).
    fn check_labels(&self, problems: &mut Vec<String>) {
        let s = &self.scale;
        let mut labels_seen: BTreeMap<String, &str> = BTreeMap::new();
        for (label, &v) in &s.labels {
            if v < s.min || v > s.max {
                problems.push(format!(
                    "scale.labels: \"{label}\" maps to {v}, outside the scale {} to {}",
                    s.min, s.max
                ));
            }
            let n = normalize_label(label);
            if n.is_empty() {
                problems.push("scale.labels: a label is empty".into());
            }
            if let Some(prev) = labels_seen.insert(n, label) {
                problems.push(format!(
                "scale.labels: \"{label}\" and \"{prev}\" are the same label once case and spaces are ignored"
            ));
            }
        }
        let preset_labels: BTreeSet<String> = s
            .all_labels()
            .iter()
            .map(|(t, _)| normalize_label(t))
            .collect();
        for m in &self.missing {
            let n = normalize_label(m);
            if labels_seen.contains_key(&n) || preset_labels.contains(&n) {
                problems.push(format!("missing: \"{m}\" is also a scale label"));
            }
            // Written with a decimal comma too (`3,0`), as answers in a
            // `;`-delimited file may be.
            if let Ok(v) = m.trim().replacen(',', ".", 1).parse::<f64>() {
                if v >= s.min as f64 && v <= s.max as f64 {
                    problems.push(format!(
                        "missing: \"{m}\" is a point on the scale {} to {}",
                        s.min, s.max
                    ));
                }
            }
        }
    }

    /// Columns: every role a column plays is unique.
    fn check_columns(&self, problems: &mut Vec<String>) {
        let mut columns: BTreeMap<String, String> = BTreeMap::new();
        let mut claim = |col: &str, what: String, problems: &mut Vec<String>| {
            if col.trim().is_empty() {
                problems.push(format!("{what}: the column name is empty"));
            } else if let Some(prev) = columns.insert(col.to_string(), what.clone()) {
                problems.push(format!(
                    "column \"{col}\" is used twice: by {prev} and by {what}"
                ));
            }
        };
        let c = &self.columns;
        claim(&c.company, "columns.company".into(), problems);
        if let Some(r) = &c.respondent {
            claim(r, "columns.respondent".into(), problems);
        }
        if let Some(r) = &c.role {
            claim(r, "columns.role".into(), problems);
        }
        if let Some(r) = &c.finished {
            claim(r, "columns.finished".into(), problems);
        }
        for it in &self.items {
            claim(&it.column, format!("item \"{}\"", it.id), problems);
        }
        for q in &self.perception {
            claim(&q.column, format!("perception item \"{}\"", q.id), problems);
        }
        for q in &self.statements {
            claim(&q.column, format!("statement \"{}\"", q.id), problems);
        }
        for o in &self.outcomes {
            claim(&o.column, format!("outcome \"{}\"", o.id), problems);
        }
    }

    /// Roles: an alias means one role only (after the normalisation role
    /// matching uses); extra roles have distinct, usable names; the blank
    /// role names a role.
    fn check_roles(&self, problems: &mut Vec<String>) {
        let mut aliases: BTreeMap<String, &str> = BTreeMap::new();
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for r in &self.roles.other.0 {
            let n = r.name.as_str();
            if n.trim().is_empty() {
                problems.push("roles.other: a role name is empty".into());
            } else if RESERVED_ROLE_NAMES.contains(&n) {
                problems.push(format!(
                    "roles.other: \"{n}\" is not a name an extra role can take (sales, marketing, both, none, unspecified, gap and rwg_j are taken)"
                ));
            } else if !is_role_id(n) {
                problems.push(format!(
                    "roles.other: \"{n}\" is not a role id; use lower-case letters, digits, \"_\" or \"-\", starting with a letter"
                ));
            } else if !names.insert(n) {
                problems.push(format!("roles.other: \"{n}\" is declared twice"));
            }
            if r.aliases.is_empty() {
                problems.push(format!("roles.other.{n}: needs at least one alias"));
            }
        }
        if self.roles.other.0.len() > MAX_OTHER_ROLES {
            problems.push(format!(
                "roles.other: {} extra roles; at most {MAX_OTHER_ROLES} are supported",
                self.roles.other.0.len()
            ));
        }
        let lists = [
            ("sales", &self.roles.sales),
            ("marketing", &self.roles.marketing),
            ("both", &self.roles.both),
        ]
        .into_iter()
        .chain(
            self.roles
                .other
                .0
                .iter()
                .map(|r| (r.name.as_str(), &r.aliases)),
        );
        for (role, list) in lists {
            for a in list {
                let n = normalize_label(a);
                let key = if names.contains(role) {
                    format!("roles.other.{role}")
                } else {
                    format!("roles.{role}")
                };
                if n.is_empty() {
                    problems.push(format!("{key}: an alias is empty"));
                } else if let Some(prev) = aliases.insert(n, role) {
                    if prev != role {
                        problems.push(format!(
                            "roles: \"{a}\" is an alias of both {prev} and {role}"
                        ));
                    }
                }
            }
        }
        if let Some(b) = &self.roles.blank {
            if blank_target(b, &self.roles.other).is_none() {
                let mut expected = vec![
                    "\"sales\"".to_string(),
                    "\"marketing\"".into(),
                    "\"both\"".into(),
                ];
                expected.extend(self.roles.other.0.iter().map(|r| format!("\"{}\"", r.name)));
                problems.push(format!(
                    "roles.blank: \"{b}\" is not a role; expected one of {}",
                    expected.join(", ")
                ));
            }
        }
        if self.columns.role.is_some()
            && (self.roles.sales.is_empty() || self.roles.marketing.is_empty())
        {
            problems.push("roles: \"sales\" and \"marketing\" need at least one alias each".into());
        }
    }

    /// Ids: unique across every kind of question, dimensions among
    /// themselves; every item in a known dimension, every dimension with
    /// items.
    fn check_ids(&self, problems: &mut Vec<String>) {
        if self.dimensions.is_empty() {
            problems.push("dimensions: at least one dimension is needed".into());
        }
        let mut dim_ids = BTreeSet::new();
        for d in &self.dimensions {
            if d.id.trim().is_empty() {
                problems.push("dimensions: a dimension has an empty id".into());
            }
            if RESERVED_IDS.contains(&d.id.as_str()) {
                problems.push(format!(
                "dimension id \"{}\" is reserved (it names a field of the output); choose another",
                d.id
            ));
            }
            if !dim_ids.insert(d.id.as_str()) {
                problems.push(format!("dimension id \"{}\" is used twice", d.id));
            }
        }
        let mut ids: BTreeMap<&str, &str> = BTreeMap::new();
        let kinds = self
            .items
            .iter()
            .map(|i| (i.id.as_str(), "item"))
            .chain(
                self.perception
                    .iter()
                    .map(|q| (q.id.as_str(), "perception item")),
            )
            .chain(self.statements.iter().map(|q| (q.id.as_str(), "statement")))
            .chain(self.outcomes.iter().map(|o| (o.id.as_str(), "outcome")));
        for (id, kind) in kinds {
            if id.trim().is_empty() {
                problems.push(format!("an {kind} has an empty id"));
            } else if let Some(prev) = ids.insert(id, kind) {
                problems.push(format!("id \"{id}\" is used twice (a {prev} and a {kind})"));
            }
        }
        if self.items.is_empty() {
            problems.push("items: at least one item is needed".into());
        }
        for it in &self.items {
            if !dim_ids.contains(it.dimension.as_str()) {
                problems.push(format!(
                    "item \"{}\": unknown dimension \"{}\" (known: {})",
                    it.id,
                    it.dimension,
                    dim_ids.iter().copied().collect::<Vec<_>>().join(", ")
                ));
            }
        }
        for d in &self.dimensions {
            if !self.items.iter().any(|i| i.dimension == d.id) {
                problems.push(format!("dimension \"{}\" has no items", d.id));
            }
        }
    }

    /// Declared segments: a non-blank id, unique ignoring case (as
    /// `--segment` matches it), and a non-blank column that is not a
    /// question's (an answer is not a company attribute).
    fn check_segments(&self, problems: &mut Vec<String>) {
        let questions: BTreeSet<String> = crate::ingest::header::scale_columns(self)
            .into_iter()
            .map(|(_, c)| c.to_lowercase())
            .collect();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for s in &self.segments {
            if s.id.trim().is_empty() {
                problems.push("segments: a segment has an empty id".into());
            } else if !seen.insert(s.id.to_lowercase()) {
                problems.push(format!(
                    "segment id \"{}\" is used twice (ids are matched ignoring case)",
                    s.id
                ));
            }
            if s.column.trim().is_empty() {
                problems.push(format!("segment \"{}\": the column is empty", s.id));
            } else if questions.contains(&s.column.to_lowercase()) {
                problems.push(format!(
                    "segment \"{}\": column \"{}\" is a question's column; a segment reads a company attribute such as industry",
                    s.id, s.column
                ));
            }
        }
    }

    /// Outcome groups named; stages with distinct names and starts on the
    /// alignment index.
    fn check_outcomes_and_stages(&self, problems: &mut Vec<String>) {
        for o in &self.outcomes {
            if o.group.trim().is_empty() {
                problems.push(format!("outcome \"{}\": \"group\" is empty", o.id));
            }
        }
        let mut stage_names = BTreeSet::new();
        let mut stage_mins: Vec<f64> = Vec::new();
        for st in &self.stages {
            if !stage_names.insert(st.name.as_str()) {
                problems.push(format!("stage \"{}\" is named twice", st.name));
            }
            if !st.min.is_finite() || !(0.0..=100.0).contains(&st.min) {
                problems.push(format!(
                    "stage \"{}\": \"min\" must be between 0 and 100 (the alignment index)",
                    st.name
                ));
            }
            if stage_mins.contains(&st.min) {
                problems.push(format!(
                    "stage \"{}\": another stage starts at {}",
                    st.name, st.min
                ));
            }
            stage_mins.push(st.min);
        }
    }
}
