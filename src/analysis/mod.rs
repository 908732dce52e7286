//! The analyses: each builds a `Serialize` report model from the
//! accumulated sums. The JSON output is that model serialized; every other
//! format renders the same model.

pub mod attribute;
pub mod benchmark;
pub mod compare;
pub mod drivers;
pub mod gaps;
pub mod leaders;
pub mod norms;
pub mod outcomes;
pub mod report;
pub mod score;
pub mod scorecards;
pub mod segments;

use serde::ser::{Serialize, SerializeMap, Serializer};
use std::sync::Arc;

/// The JSON `schema_version` of every report.
pub const SCHEMA_VERSION: u32 = 1;

/// A map that keeps insertion order when serialized (dimension order follows
/// the instrument, not the alphabet).
///
/// Keys are shared strings: the maps of every company repeat the same few
/// keys, so a builder makes each key once and clones it (no copy).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderedMap<T>(pub Vec<(Arc<str>, T)>);

impl<T> OrderedMap<T> {
    /// An empty map.
    pub fn new() -> Self {
        OrderedMap(Vec::new())
    }
    /// An empty map with room for `n` keys.
    pub fn with_capacity(n: usize) -> Self {
        OrderedMap(Vec::with_capacity(n))
    }
    /// Add `v` under `k` at the end (the caller keeps keys unique).
    pub fn insert(&mut self, k: impl Into<Arc<str>>, v: T) {
        self.0.push((k.into(), v));
    }
    /// The value under `k`, if any.
    pub fn get(&self, k: &str) -> Option<&T> {
        self.0.iter().find(|(key, _)| &**key == k).map(|(_, v)| v)
    }
    /// Keys and values, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
    /// Values, in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }
}

impl<T: Serialize> Serialize for OrderedMap<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(&**k, v)?;
        }
        m.end()
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for OrderedMap<T> {
    /// Reads a JSON object in file order; a key given twice is an error.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = OrderedMap<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut a: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = OrderedMap::new();
                while let Some((k, v)) = a.next_entry::<String, T>()? {
                    if out.get(&k).is_some() {
                        return Err(serde::de::Error::custom(format!("duplicate key \"{k}\"")));
                    }
                    out.insert(k, v);
                }
                Ok(out)
            }
        }
        d.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

/// Name and version of the instrument a report was made with.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct InstrumentRef {
    /// The instrument's name.
    pub name: String,
    /// The instrument's version.
    pub version: String,
}

/// Order for lists shown best first: larger values first, missing ones
/// last.
pub fn larger_first(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (a, b) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A finite number or nothing: guards every figure that reaches a report.
pub fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// Mean of the values when all are present.
pub fn mean_all(xs: &[Option<f64>]) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let mut s = 0.0;
    for x in xs {
        s += (*x)?;
    }
    finite(s / xs.len() as f64)
}

/// Treat values that differ by less than 1e-9 (relative to their size, at
/// least 1) as tied: they are equal means computed along different paths
/// (e.g. a company's mean of respondent means summed in another order), and
/// left apart they would break the ties of the rank-based statistics
/// (Mann–Whitney, Spearman). Each run of near-equal values takes its
/// smallest value.
pub fn snap_ties(values: &mut [Option<f64>]) {
    let mut order: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_some()).collect();
    order.sort_by(|&a, &b| {
        values[a]
            .unwrap_or(0.0)
            .total_cmp(&values[b].unwrap_or(0.0))
    });
    let mut rep: Option<f64> = None;
    for i in order {
        let Some(v) = values[i] else { continue };
        match rep {
            Some(r) if v - r <= 1e-9 * r.abs().max(1.0) => values[i] = Some(r),
            _ => rep = Some(v),
        }
    }
}
