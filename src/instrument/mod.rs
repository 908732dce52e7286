//! The survey instrument: what each column of a responses file means.
//!
//! The JSON format (docs/formats.md#instrument) is a public contract: every struct here denies
//! unknown fields so that a typo in a hand-edited instrument is an error, not
//! a silently ignored key. [`Instrument::from_json`] parses and validates;
//! [`Instrument::default_instrument`] returns the embedded default.

pub mod draft;
pub mod presets;
pub mod roles;
mod summary;
pub mod validate;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

use crate::error::Error;

pub use summary::write_summary;

/// The embedded default instrument, as written by `align instrument --init`.
pub const DEFAULT_JSON: &str = include_str!("default.json");

/// Keys a dimension id may not take, because they stand beside dimension ids
/// in the JSON output (`scores{<dim>, alignment_index}`, `by_role{<role>{…}}`).
pub const RESERVED_IDS: &[&str] = &["alignment_index", "suppressed", "n", "perception"];

/// A whole instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Name of the instrument; must not be blank.
    pub name: String,
    /// Version of the instrument.
    pub version: String,
    /// The answer scale.
    pub scale: Scale,
    /// Tokens read as missing (default `""`, `NA`, `N/A`, `-99`).
    #[serde(default = "default_missing")]
    pub missing: Vec<String>,
    /// The identifier columns: company, respondent, role, completion.
    pub columns: Columns,
    /// Role aliases.
    #[serde(default = "default_roles")]
    pub roles: Roles,
    /// The dimensions, in report order (at least one).
    pub dimensions: Vec<Dimension>,
    /// The scale items, each in a dimension (at least one).
    pub items: Vec<Item>,
    /// Perception items: whether sales and marketing see themselves as aligned (the perception
    /// index).
    #[serde(default)]
    pub perception: Vec<Question>,
    /// Cross-function statements: what each function says about the other (the disconnect table).
    #[serde(default)]
    pub statements: Vec<Question>,
    /// Business outcomes, each a number per company (the composite and tiers).
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    /// Maturity stages on the alignment index, each from its `min` up to the next stage's.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// Company attributes read from the responses (`--segment ID`): a
    /// company's value is its scored respondents' most frequent answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// Company aliases in force (`--company-aliases`, not part of the
    /// file): alias in normal form → company id.
    #[serde(skip)]
    pub company_aliases: BTreeMap<String, String>,
    /// Keep unfinished responses (`--include-unfinished`, not part of the
    /// file): the completion column is not read, and a row is scored when
    /// it answers enough items.
    #[serde(skip)]
    pub include_unfinished: bool,
}

/// The answer scale shared by items, perception items and statements.
///
/// `min` and `max` are whole numbers: answers must be whole scale points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// Lowest scale point.
    pub min: i64,
    /// Highest scale point; `min < max`, at most 1001 points.
    pub max: i64,
    /// A built-in label set ([`presets`]), besides or instead of `labels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Answer text → scale point, matched case- and whitespace-insensitively
    /// (these win over the preset's for the same text).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, i64>,
}

impl Scale {
    /// Every answer label with its scale point: the preset's, then
    /// `labels` (which replace a preset label of the same normal form).
    /// Sorted by point, then text.
    pub fn all_labels(&self) -> Vec<(String, i64)> {
        let mut by_norm: BTreeMap<String, (String, i64)> = BTreeMap::new();
        if let Some(p) = self.preset.as_deref().and_then(presets::preset) {
            for (text, v) in p.labels(self.min) {
                by_norm.insert(validate::normalize_label(text), (text.to_string(), v));
            }
        }
        for (text, &v) in &self.labels {
            by_norm.insert(validate::normalize_label(text), (text.clone(), v));
        }
        let mut all: Vec<(String, i64)> = by_norm.into_values().collect();
        all.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
        all
    }
}

/// Which columns identify the respondent, the company, the role and completion.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// Respondent id column; `null` turns off duplicate detection.
    #[serde(default)]
    pub respondent: Option<String>,
    /// Company id column (required).
    pub company: String,
    /// Role column; `null` for a survey without roles (no by-role figures).
    #[serde(default)]
    pub role: Option<String>,
    /// Completion column (`1`/`true`/`yes` = finished); `null` for none.
    #[serde(default)]
    pub finished: Option<String>,
}

/// Canonical roles and the answers that mean each of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    /// Answers that mean sales (at least one alias when there is a role column).
    pub sales: Vec<String>,
    /// Answers that mean marketing (at least one alias when there is a role column).
    pub marketing: Vec<String>,
    /// Answers that mean both functions (optional).
    #[serde(default)]
    pub both: Vec<String>,
    /// Extra named roles (revenue operations, leadership…), each with its
    /// aliases, in instrument order: they count in company scores and are
    /// role groups of their own, but take no part in sales vs marketing
    /// comparisons.
    #[serde(default, skip_serializing_if = "roles::OtherRoles::is_empty")]
    pub other: roles::OtherRoles,
    /// The role of a respondent whose role cell is blank (`sales`,
    /// `marketing`, `both` or an extra role's name, bare or as
    /// `other:NAME`); without it a blank role is an error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blank: Option<String>,
}

/// A group of items scored together as one 0–100 index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    /// Unique id, the key of every per-dimension map in the output.
    pub id: String,
    /// Name shown in reports.
    pub label: String,
    /// Optional longer description shown in reports.
    #[serde(default)]
    pub description: String,
}

/// A scale item that belongs to a dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Unique id across items, perception items, statements and outcomes.
    pub id: String,
    /// Header name of its column in the responses.
    pub column: String,
    /// Id of the dimension it belongs to.
    pub dimension: String,
    /// The question as asked; shown in reports.
    pub text: String,
    /// Reverse-worded: scored `min + max − r` before any figure.
    #[serde(default)]
    pub reverse: bool,
}

/// A perception item or a cross-function statement: same scale, no dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique id across items, perception items, statements and outcomes.
    pub id: String,
    /// Header name of its column in the responses.
    pub column: String,
    /// The question as asked; shown in reports.
    pub text: String,
}

/// Whether a higher value of an outcome is better (its sign in the composite).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A higher value is better (e.g. revenue growth).
    HigherIsBetter,
    /// A lower value is better (e.g. sales cycle length); the sign is flipped in the composite.
    LowerIsBetter,
}

/// A business outcome: a number per company, not a scale answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Unique id across items, perception items, statements and outcomes.
    pub id: String,
    /// Column in the responses or in the outcomes file.
    pub column: String,
    /// Name shown in reports.
    pub label: String,
    /// Unit shown after values, e.g. `%`; empty for none.
    #[serde(default)]
    pub unit: String,
    /// Whether higher or lower values are better.
    pub direction: Direction,
    /// Non-empty group name (e.g. `growth`), used by the `all-above-median` scheme.
    pub group: String,
}

/// A named maturity stage on the alignment index, from `min` up to the next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    /// The stage's name, unique in the instrument.
    pub name: String,
    /// Lowest alignment index (0–100) of the stage.
    pub min: f64,
}

/// A company attribute declared in the instrument and read from a column
/// of the responses (industry, size band, region): each company's value is
/// the most frequent non-blank value among its scored respondents, ties
/// going to the alphabetically first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// The attribute's name for `--segment` and `--peer`; unique among segments.
    pub id: String,
    /// Header name of its column in the responses.
    pub column: String,
}

fn default_missing() -> Vec<String> {
    ["", "NA", "N/A", "-99"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn default_roles() -> Roles {
    Roles {
        sales: vec!["sales".into()],
        marketing: vec!["marketing".into()],
        both: vec!["both".into(), "sales and marketing".into()],
        other: roles::OtherRoles::default(),
        blank: None,
    }
}

impl Instrument {
    /// The embedded default instrument.
    pub fn default_instrument() -> Instrument {
        // The embedded file is checked by a unit test; a failure here is a bug.
        Instrument::from_json(DEFAULT_JSON, "<default instrument>")
            .expect("the embedded default instrument is valid")
    }

    /// Parse and validate an instrument; `source` names it in messages.
    pub fn from_json(text: &str, source: &str) -> Result<Instrument, Error> {
        let inst: Instrument = serde_json::from_str(text).map_err(|e| Error::Instrument {
            source_name: source.to_string(),
            message: e.to_string(),
        })?;
        inst.validate().map_err(|message| Error::Instrument {
            source_name: source.to_string(),
            message,
        })?;
        Ok(inst)
    }

    /// Load from a file path, or the default when `path` is `None`.
    pub fn load(path: Option<&Path>) -> Result<Instrument, Error> {
        match path {
            None => Ok(Instrument::default_instrument()),
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|e| Error::Io {
                    context: format!("failed to read instrument {}", p.display()),
                    source: e,
                })?;
                Instrument::from_json(&text, &p.display().to_string())
            }
        }
    }

    /// Every token read as missing: `missing`, then, with a preset, the
    /// preset's missing answers ("don't know", …) that are not labels.
    pub fn missing_tokens(&self) -> Vec<String> {
        let mut out = self.missing.clone();
        if self.scale.preset.is_some() {
            let labels: Vec<String> = self
                .scale
                .all_labels()
                .iter()
                .map(|(t, _)| validate::normalize_label(t))
                .collect();
            let mut seen: Vec<String> = out.iter().map(|m| validate::normalize_label(m)).collect();
            for m in presets::PRESET_MISSING {
                let n = validate::normalize_label(m);
                if !labels.contains(&n) && !seen.contains(&n) {
                    seen.push(n);
                    out.push(m.to_string());
                }
            }
        }
        out
    }

    /// Number of scale points `A = max − min + 1`.
    pub fn scale_points(&self) -> i64 {
        self.scale.max - self.scale.min + 1
    }

    /// Items of dimension `d`, in instrument order, as indices into `items`.
    pub fn items_of(&self, dim: &str) -> Vec<usize> {
        (0..self.items.len())
            .filter(|&i| self.items[i].dimension == dim)
            .collect()
    }

    /// The stage an alignment index falls in (the last stage whose `min` ≤ index).
    pub fn stage_for(&self, index: f64) -> Option<&str> {
        let mut best: Option<&Stage> = None;
        for s in &self.stages {
            if s.min <= index && best.is_none_or(|b| s.min >= b.min) {
                best = Some(s);
            }
        }
        best.map(|s| s.name.as_str())
    }

    /// Pretty JSON, as written by `instrument --init`.
    pub fn to_json_pretty(&self) -> String {
        // Serializing plain structs of strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(json: &str) -> String {
        Instrument::from_json(json, "t.json")
            .unwrap_err()
            .to_string()
    }

    fn minimal(extra: &str) -> String {
        format!(
            r#"{{"name":"t","version":"1","scale":{{"min":1,"max":5}},
               "columns":{{"company":"c"}},
               "dimensions":[{{"id":"d","label":"D"}}],
               "items":[{{"id":"i1","column":"i1","dimension":"d","text":"x"}}]{extra}}}"#
        )
    }

    #[test]
    fn default_instrument_matches_the_spec() {
        let inst = Instrument::default_instrument();
        assert_eq!((inst.scale.min, inst.scale.max), (1, 5));
        let ids: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            ["shared_understanding", "interdependence", "collaboration"]
        );
        for d in &ids {
            let items = inst.items_of(d);
            assert!(items.len() >= 6, "{d} has {} items", items.len());
            assert!(
                items.iter().any(|&i| inst.items[i].reverse),
                "{d} has no reverse item"
            );
        }
        assert_eq!(inst.perception.len(), 3);
        assert!(inst.statements.len() >= 4);
        let groups: Vec<&str> = inst.outcomes.iter().map(|o| o.group.as_str()).collect();
        assert_eq!(groups.iter().filter(|g| **g == "growth").count(), 3);
        assert_eq!(
            groups.iter().filter(|g| **g == "pipeline_health").count(),
            2
        );
        assert_eq!(inst.stage_for(0.0), Some("Undefined"));
        assert_eq!(inst.stage_for(50.0), Some("Aligned"));
        assert_eq!(inst.stage_for(74.99), Some("Aligned"));
        assert_eq!(inst.stage_for(100.0), Some("Integrated"));
        // Round trip through JSON.
        let again = Instrument::from_json(&inst.to_json_pretty(), "again").unwrap();
        assert_eq!(again, inst);
    }

    #[test]
    fn minimal_instrument_loads_with_defaults() {
        let inst = Instrument::from_json(&minimal(""), "t").unwrap();
        assert_eq!(inst.missing, ["", "NA", "N/A", "-99"]);
        assert!(inst.columns.role.is_none());
        assert!(inst.stage_for(50.0).is_none());
    }

    #[test]
    fn unknown_keys_are_errors_naming_the_key() {
        let e = err(&minimal(r#","colour":"red""#));
        assert!(e.contains("unknown field `colour`"), "{e}");
        assert!(e.contains("t.json"), "{e}");
        let e = err(&minimal("").replace(r#""text":"x""#, r#""text":"x","revers":true"#));
        assert!(e.contains("unknown field `revers`"), "{e}");
    }

    #[test]
    fn incoherent_instruments_are_errors_naming_the_id() {
        let e = err(&minimal("").replace(r#""dimension":"d""#, r#""dimension":"dd""#));
        assert!(e.contains("item \"i1\": unknown dimension \"dd\""), "{e}");
        assert!(e.contains("dimension \"d\" has no items"), "{e}");
        let e = err(&minimal("").replace(r#""max":5"#, r#""max":1"#));
        assert!(e.contains("\"min\" (1) must be below \"max\" (1)"), "{e}");
        let e = err(&minimal(
            r#","perception":[{"id":"i1","column":"p","text":"y"}]"#,
        ));
        assert!(e.contains("id \"i1\" is used twice"), "{e}");
        let e = err(&minimal(
            r#","statements":[{"id":"s","column":"i1","text":"y"}]"#,
        ));
        assert!(e.contains("column \"i1\" is used twice"), "{e}");
        let e = err(&minimal("").replace(r#""id":"d""#, r#""id":"alignment_index""#));
        assert!(e.contains("reserved"), "{e}");
        let e = err(&minimal("").replace(
            r#""scale":{"min":1,"max":5}"#,
            r#""scale":{"min":1,"max":5,"labels":{"yes":6}}"#,
        ));
        assert!(e.contains("\"yes\" maps to 6, outside the scale"), "{e}");
        let e = err(&minimal(r#","missing":["3"]"#));
        assert!(e.contains("\"3\" is a point on the scale"), "{e}");
        // As a `;`-delimited file may write the answer 3.
        let e = err(&minimal(r#","missing":["3,0"]"#));
        assert!(e.contains("\"3,0\" is a point on the scale"), "{e}");
    }

    #[test]
    fn segments_load_and_are_checked() {
        let inst = Instrument::from_json(
            &minimal(r#","segments":[{"id":"industry","column":"Industry"}]"#),
            "t",
        )
        .unwrap();
        assert_eq!(inst.segments[0].id, "industry");
        assert_eq!(inst.segments[0].column, "Industry");
        let again = Instrument::from_json(&inst.to_json_pretty(), "again").unwrap();
        assert_eq!(again, inst);
        let e = err(&minimal(r#","segments":[{"id":"industry","col":"I"}]"#));
        assert!(e.contains("unknown field `col`"), "{e}");
        let e = err(&minimal(
            r#","segments":[{"id":"x","column":"A"},{"id":"X","column":" "},{"id":"","column":"i1"}]"#,
        ));
        assert!(e.contains("segment id \"X\" is used twice"), "{e}");
        assert!(e.contains("segment \"X\": the column is empty"), "{e}");
        assert!(e.contains("a segment has an empty id"), "{e}");
        assert!(e.contains("column \"i1\" is a question's column"), "{e}");
    }

    #[test]
    fn presets_are_checked_against_the_scale() {
        let with = |scale: &str| minimal("").replace(r#""scale":{"min":1,"max":5}"#, scale);
        let e = err(&with(r#""scale":{"min":1,"max":5,"preset":"agree"}"#));
        assert!(e.contains("\"agree\" is not a preset"), "{e}");
        assert!(e.contains("\"agree5\", \"agree7\""), "{e}");
        let e = err(&with(r#""scale":{"min":1,"max":7,"preset":"agree5"}"#));
        assert!(e.contains("has 5 points but the scale 1 to 7 has 7"), "{e}");
        let e = err(&with(r#""scale":{"min":1,"max":5,"preset":"agree5"}"#)
            .replace(r#""columns""#, r#""missing":["Neutral"],"columns""#));
        assert!(e.contains("\"Neutral\" is also a scale label"), "{e}");
        // A label of its own replaces the preset's for the same text.
        let inst = Instrument::from_json(
            &with(r#""scale":{"min":1,"max":5,"preset":"agree5","labels":{"Neutral ":4}}"#),
            "t",
        )
        .unwrap();
        let labels = inst.scale.all_labels();
        assert!(labels.contains(&("Neutral ".to_string(), 4)), "{labels:?}");
        assert_eq!(labels.iter().filter(|l| l.1 == 3).count(), 1);
        assert!(inst
            .missing_tokens()
            .contains(&"prefer not to say".to_string()));
    }
}
