//! Integrity of norms files: the instrument fingerprint and the content
//! checksum, both SHA-256 (see the module documentation of [`super`]).

use super::Norms;
use crate::instrument::Instrument;
use sha2::{Digest, Sha256};

/// `sha256:` and the hex digest of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(7 + 64);
    s.push_str("sha256:");
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The canonical text hashed by [`fingerprint`], one line each:
/// `align-instrument-fingerprint/1`, `scale <min> <max>`, `dimension <id>`
/// per dimension (sorted), `item <id> <dimension> <reverse>` per item
/// (sorted by id); ids are JSON strings.
pub fn fingerprint_text(inst: &Instrument) -> String {
    let q = |s: &str| serde_json::Value::from(s).to_string();
    let mut lines = vec![
        "align-instrument-fingerprint/1".to_string(),
        format!("scale {} {}", inst.scale.min, inst.scale.max),
    ];
    let mut dims: Vec<&str> = inst.dimensions.iter().map(|d| d.id.as_str()).collect();
    dims.sort_unstable();
    lines.extend(dims.iter().map(|d| format!("dimension {}", q(d))));
    let mut items: Vec<_> = inst.items.iter().collect();
    items.sort_by(|a, b| a.id.cmp(&b.id));
    lines.extend(
        items
            .iter()
            .map(|i| format!("item {} {} {}", q(&i.id), q(&i.dimension), i.reverse)),
    );
    lines.join("\n")
}

/// A stable hash of the instrument's scale, dimensions and items.
pub fn fingerprint(inst: &Instrument) -> String {
    sha256_hex(fingerprint_text(inst).as_bytes())
}

impl Norms {
    /// SHA-256 over the canonical JSON of the content: every key but
    /// `checksum`, compact, object keys sorted.
    pub fn content_checksum(&self) -> String {
        // Plain data with string keys always converts to a JSON value.
        let mut v = serde_json::to_value(self).expect("norms serialize to JSON");
        if let Some(o) = v.as_object_mut() {
            o.remove("checksum");
        }
        sha256_hex(canonical_json(&v).as_bytes())
    }
}

/// Compact JSON with the keys of every object sorted (whatever the map type).
pub fn canonical_json(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> = keys
                .iter()
                .map(|k| {
                    format!(
                        "{}:{}",
                        Value::from(k.as_str()),
                        canonical_json(&m[k.as_str()])
                    )
                })
                .collect();
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(canonical_json).collect();
            format!("[{}]", parts.join(","))
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_ignores_order_and_wording_but_not_meaning() {
        let inst = Instrument::default_instrument();
        let fp = fingerprint(&inst);
        assert!(fp.starts_with("sha256:") && fp.len() == 71, "{fp}");
        let mut other = inst.clone();
        other.items.reverse();
        other.items[0].text = "Reworded".into();
        other.items[0].column = "Q1".into();
        other.name = "Renamed".into();
        assert_eq!(fingerprint(&other), fp);
        other.items[0].reverse = !other.items[0].reverse;
        assert_ne!(fingerprint(&other), fp);
        let mut seven = inst.clone();
        seven.scale.max = 7;
        assert_ne!(fingerprint(&seven), fp);
    }

    #[test]
    fn canonical_json_sorts_keys() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b":[1,{"d":2,"c":0.1}],"a":null}"#).unwrap();
        assert_eq!(canonical_json(&v), r#"{"a":null,"b":[1,{"c":0.1,"d":2}]}"#);
    }
}
