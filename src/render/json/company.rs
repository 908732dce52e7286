//! A score report's companies written straight to bytes, exactly as
//! `serde_json` with [`super::Pretty`] writes them (the tests compare the
//! two byte for byte), without going through the serializer: the companies
//! are most of the report, and writing each key, number and indentation
//! through the serializer's many small calls took longer than working the
//! figures out.
//!
//! Numbers are formatted by `serde_json`'s own [`Formatter`] methods and
//! strings are escaped by `serde_json` whenever they need it, so nothing is
//! formatted differently here.

use super::Pretty;
use crate::analysis::score::{CompanyScore, RoleScores};
use crate::analysis::OrderedMap;
use serde_json::ser::Formatter;
use std::io;

/// Bytes being written, and the nesting of what is open.
struct Out<'a> {
    buf: &'a mut Vec<u8>,
    depth: usize,
}

impl Out<'_> {
    /// A line break (after a comma unless `first`) and the indentation.
    fn line(&mut self, first: bool) {
        if !first {
            self.buf.push(b',');
        }
        self.buf.push(b'\n');
        self.buf.extend(std::iter::repeat_n(b' ', 2 * self.depth));
    }

    fn open(&mut self) {
        self.depth += 1;
        self.buf.push(b'{');
    }

    /// Close an object; `any` when it had an entry.
    fn close(&mut self, any: bool) {
        self.depth -= 1;
        if any {
            self.line(true);
        }
        self.buf.push(b'}');
    }

    /// `"key": ` on a line of its own.
    fn key(&mut self, first: bool, key: &str) -> io::Result<()> {
        self.line(first);
        self.str(key)?;
        self.buf.extend_from_slice(b": ");
        Ok(())
    }

    fn str(&mut self, s: &str) -> io::Result<()> {
        // `serde_json` escapes control characters, `"` and `\`; any other
        // text is written as it is.
        if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
            self.buf.push(b'"');
            self.buf.extend_from_slice(s.as_bytes());
            self.buf.push(b'"');
            Ok(())
        } else {
            serde_json::to_writer(&mut *self.buf, s).map_err(io::Error::from)
        }
    }

    fn f64(&mut self, v: Option<f64>) -> io::Result<()> {
        match v.filter(|v| v.is_finite()) {
            Some(v) => Pretty::default().write_f64(self.buf, v),
            None => {
                self.buf.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    fn bool(&mut self, v: bool) {
        self.buf
            .extend_from_slice(if v { b"true" } else { b"false" });
    }

    fn figures(&mut self, m: &OrderedMap<Option<f64>>) -> io::Result<()> {
        self.open();
        for (i, (k, v)) in m.iter().enumerate() {
            self.key(i == 0, k)?;
            self.f64(*v)?;
        }
        self.close(!m.0.is_empty());
        Ok(())
    }

    fn some_figures(&mut self, m: Option<&OrderedMap<Option<f64>>>) -> io::Result<()> {
        match m {
            Some(m) => self.figures(m),
            None => {
                self.buf.extend_from_slice(b"null");
                Ok(())
            }
        }
    }

    fn role(&mut self, r: &RoleScores) -> io::Result<()> {
        self.open();
        self.key(true, "suppressed")?;
        match r {
            RoleScores::Suppressed => self.bool(true),
            RoleScores::Shown(m) => {
                self.bool(false);
                for (k, v) in m.iter() {
                    self.key(false, k)?;
                    self.f64(*v)?;
                }
            }
        }
        self.close(true);
        Ok(())
    }
}

/// Write `c` as `serde_json` would with a [`Pretty`] formatter at nesting
/// `depth` (the depth of the array holding it, plus one).
pub(super) fn write_company(c: &CompanyScore, depth: usize, buf: &mut Vec<u8>) -> io::Result<()> {
    let mut o = Out { buf, depth };
    o.open();
    o.key(true, "company_id")?;
    o.str(&c.company_id)?;
    o.key(false, "n")?;
    Pretty::default().write_u64(o.buf, c.n)?;
    o.key(false, "n_by_role")?;
    o.open();
    for (i, (k, v)) in c.n_by_role.iter().enumerate() {
        o.key(i == 0, k)?;
        Pretty::default().write_u64(o.buf, *v)?;
    }
    o.close(!c.n_by_role.0.is_empty());
    o.key(false, "suppressed")?;
    o.bool(c.suppressed);
    o.key(false, "scores")?;
    o.some_figures(c.scores.as_ref())?;
    o.key(false, "stage")?;
    match &c.stage {
        Some(s) => o.str(s)?,
        None => o.buf.extend_from_slice(b"null"),
    }
    o.key(false, "by_role")?;
    match &c.by_role {
        Some(roles) => {
            o.open();
            for (i, (k, r)) in roles.iter().enumerate() {
                o.key(i == 0, k)?;
                o.role(r)?;
            }
            o.close(!roles.0.is_empty());
        }
        None => o.buf.extend_from_slice(b"null"),
    }
    o.key(false, "role_gap")?;
    o.some_figures(c.role_gap.as_ref())?;
    o.key(false, "rwg_j")?;
    o.some_figures(c.rwg_j.as_ref())?;
    if let Some(p) = c.perception_index {
        o.key(false, "perception_index")?;
        o.f64(Some(p))?;
    }
    o.close(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

    fn by_serde(c: &CompanyScore, depth: usize) -> String {
        let mut out = Vec::new();
        let pretty = Pretty {
            depth,
            has_value: false,
        };
        let mut ser = serde_json::Serializer::with_formatter(&mut out, pretty);
        c.serialize(&mut ser).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn figures(pairs: &[(&str, Option<f64>)]) -> OrderedMap<Option<f64>> {
        let mut m = OrderedMap::new();
        for (k, v) in pairs {
            m.insert(*k, *v);
        }
        m
    }

    /// Every shape a company takes, written both ways: the same bytes.
    #[test]
    fn companies_are_written_as_serde_json_writes_them() {
        let mut n_by_role = OrderedMap::new();
        n_by_role.insert("sales", 4u64);
        n_by_role.insert("marketing", 0u64);
        let mut by_role = OrderedMap::new();
        by_role.insert(
            "sales",
            RoleScores::Shown(figures(&[("d1", Some(12.5)), ("d2", None)])),
        );
        by_role.insert("marketing", RoleScores::Suppressed);
        let shown = CompanyScore {
            company_id: "Acme \"North\" \\ Ünïcode\t".into(),
            n: 7,
            n_by_role,
            suppressed: false,
            scores: Some(figures(&[
                ("d1", Some(85.914_021_164_021_16)),
                ("d2", Some(100.0)),
                ("weird \"id\"", Some(-0.000_001_25)),
                ("alignment_index", Some(f64::NAN)),
            ])),
            stage: Some("Integrated\n".into()),
            by_role: Some(by_role),
            role_gap: Some(figures(&[("d1", Some(1e21)), ("d2", Some(3.0e-7))])),
            rwg_j: Some(figures(&[])),
            perception_index: Some(f64::INFINITY),
        };
        let hidden = CompanyScore::hidden("c2", 1, OrderedMap::new());
        let no_roles = CompanyScore {
            by_role: Some(OrderedMap::new()),
            perception_index: Some(42.0),
            ..shown.clone()
        };
        for c in [&shown, &hidden, &no_roles] {
            for depth in [0, 2, 5] {
                let mut out = Vec::new();
                write_company(c, depth, &mut out).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), by_serde(c, depth));
            }
        }
    }
}
