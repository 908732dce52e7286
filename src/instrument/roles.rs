//! Extra named roles (`roles.other`): groups beyond sales, marketing and
//! both (revenue operations, leadership…), each with its aliases, kept in
//! the order the instrument lists them; and what `roles.blank` names
//! (docs/formats.md, "Roles").

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One extra role: its name (the key in `n_by_role` and `by_role`) and the
/// answers that mean it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherRole {
    /// The role's id, as it appears in the output.
    pub name: String,
    /// Answers that mean this role.
    pub aliases: Vec<String>,
}

/// The extra roles, in instrument order (a JSON object `{name: [aliases]}`
/// whose key order is kept).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OtherRoles(pub Vec<OtherRole>);

impl OtherRoles {
    /// True when no extra role is declared.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The position of the role called `name`, if declared.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|r| r.name == name)
    }
}

impl Serialize for OtherRoles {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for r in &self.0 {
            m.serialize_entry(&r.name, &r.aliases)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for OtherRoles {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Ordered;
        impl<'de> Visitor<'de> for Ordered {
            type Value = OtherRoles;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object mapping each extra role to its list of aliases")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OtherRoles, A::Error> {
                let mut out = Vec::new();
                while let Some((name, aliases)) = map.next_entry::<String, Vec<String>>()? {
                    out.push(OtherRole { name, aliases });
                }
                Ok(OtherRoles(out))
            }
        }
        d.deserialize_map(Ordered)
    }
}

/// What `roles.blank` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlankTarget {
    /// `sales`.
    Sales,
    /// `marketing`.
    Marketing,
    /// `both`.
    Both,
    /// An extra role, by its position in `roles.other`.
    Other(usize),
}

/// Read `roles.blank`: `sales`, `marketing`, `both`, or an extra role's
/// name, written bare (`revops`) or prefixed (`other:revops`). `None` when
/// it names no role.
pub fn blank_target(blank: &str, other: &OtherRoles) -> Option<BlankTarget> {
    match blank {
        "sales" => Some(BlankTarget::Sales),
        "marketing" => Some(BlankTarget::Marketing),
        "both" => Some(BlankTarget::Both),
        _ => {
            let name = blank.strip_prefix("other:").unwrap_or(blank);
            other.position(name).map(BlankTarget::Other)
        }
    }
}

/// Names an extra role may not take: the canonical roles, the output's
/// name for no role, and the prefixes of the CSV's gap and r_wg(J) columns
/// (`gap_<dim>`, `rwg_j_<dim>` beside `<role>_<dim>`).
pub const RESERVED_ROLE_NAMES: &[&str] = &[
    "sales",
    "marketing",
    "both",
    "none",
    "unspecified",
    "gap",
    "rwg_j",
];

/// Is `name` a usable extra role id: lower-case ASCII letters, digits, `_`
/// or `-`, starting with a letter?
pub fn is_role_id(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}
