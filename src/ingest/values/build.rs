//! Building a [`ValueParser`] from an instrument: the lookup tables for
//! scale labels, missing tokens and roles, and the words of its messages.

use super::{pack16, Answer, Role, ValueParser};
use crate::instrument::roles::{blank_target, BlankTarget};
use crate::instrument::validate::normalize_label;
use crate::instrument::Instrument;
use std::collections::HashMap;

/// "a whole number from 1 to 5, a scale label ("disagree" = 2, …) or a
/// missing-value token ("", "NA")": every acceptable answer, for messages.
fn choices(inst: &Instrument) -> String {
    // At most eight entries, then "…".
    let list = |v: Vec<String>| {
        let more = if v.len() > 8 { ", …" } else { "" };
        format!("{}{more}", v[..v.len().min(8)].join(", "))
    };
    let labels = inst.scale.all_labels();
    let missing = inst.missing_tokens();
    let mut out = format!(
        "a whole number from {} to {}",
        inst.scale.min, inst.scale.max
    );
    if !labels.is_empty() {
        let shown = labels
            .iter()
            .map(|(k, v)| format!("\"{k}\" = {v}"))
            .collect();
        out.push_str(&format!(", a scale label ({})", list(shown)));
    }
    if !missing.is_empty() {
        let shown = missing.iter().map(|m| format!("\"{m}\"")).collect();
        out.push_str(&format!(" or a missing-value token ({})", list(shown)));
    }
    out
}

impl ValueParser {
    /// The parser of `inst`'s scale, labels and missing tokens.
    pub fn new(inst: &Instrument) -> ValueParser {
        let min = inst.scale.min;
        let all_labels = inst.scale.all_labels();
        let labels = all_labels
            .iter()
            .map(|(k, v)| (normalize_label(k), (v - min) as u16))
            .collect();
        let missing = inst.missing_tokens();
        let (roles, role_list) = role_table(inst);
        let expected = expected(inst, !all_labels.is_empty());
        let missing_norm: Vec<String> = missing.iter().map(|m| normalize_label(m)).collect();
        let first_exact = first_bytes(&missing);
        let first_norm = first_bytes(&missing_norm);
        let role_exact = packed_roles(&roles);
        let mut parser = ValueParser {
            role_exact,
            blank_missing: missing_norm.iter().any(|m| m.is_empty()),
            first_exact,
            first_norm,
            digits: digit_points(min, inst.scale.max),
            min,
            max: inst.scale.max,
            labels,
            labels_exact: HashMap::with_hasher(ahash::RandomState::with_seeds(1, 2, 3, 4)),
            missing_exact: missing.iter().map(|m| m.as_bytes().to_vec()).collect(),
            missing_norm,
            roles,
            role_list,
            blank_role: blank_role(inst),
            choices: choices(inst),
            aliases: inst
                .company_aliases
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            expected,
            semicolon: false,
        };
        parser.labels_exact = labels_as_spelled(&parser, &all_labels);
        parser
    }
}

/// Each label in the spellings exports use (as written, lower case,
/// capitalized, title case) with the point the long way reads it as; a
/// spelling the long way reads as anything else (a missing token, say) is
/// left out.
fn labels_as_spelled(
    parser: &ValueParser,
    labels: &[(String, i64)],
) -> HashMap<Box<[u8]>, u16, ahash::RandomState> {
    let mut exact = HashMap::with_hasher(ahash::RandomState::with_seeds(1, 2, 3, 4));
    for (label, _) in labels {
        let lower = label.to_lowercase();
        for spelling in [label.clone(), capital(&lower), title_case(&lower), lower] {
            if let Answer::Point(p) = parser.answer_slow(spelling.as_bytes()) {
                exact.insert(spelling.into_bytes().into_boxed_slice(), p);
            }
        }
    }
    exact
}

/// Every role alias (normalised) with its role: sales, marketing, both,
/// then the extra roles; and the aliases as written, quoted, for messages.
fn role_table(inst: &Instrument) -> (HashMap<String, Role>, String) {
    let mut roles = HashMap::new();
    let other = inst.roles.other.0.iter().enumerate();
    let lists = [
        (Role::Sales, &inst.roles.sales),
        (Role::Marketing, &inst.roles.marketing),
        (Role::Both, &inst.roles.both),
    ]
    .into_iter()
    .chain(other.map(|(k, r)| (Role::Other(k as u8), &r.aliases)));
    let mut role_names: Vec<String> = Vec::new();
    for (role, list) in lists {
        for a in list {
            roles.insert(normalize_label(a), role);
            role_names.push(format!("\"{a}\""));
        }
    }
    role_names.dedup();
    (roles, role_names.join(", "))
}

/// What an answer cell should hold, for messages: "a whole number from 1
/// to 5", with "or a scale label" when the scale has labels.
fn expected(inst: &Instrument, has_labels: bool) -> String {
    if has_labels {
        format!(
            "a whole number from {} to {} or a scale label",
            inst.scale.min, inst.scale.max
        )
    } else {
        format!(
            "a whole number from {} to {}",
            inst.scale.min, inst.scale.max
        )
    }
}

/// Which bytes some token starts with: a quick test before comparing.
fn first_bytes(tokens: &[String]) -> [bool; 256] {
    let mut first = [false; 256];
    for m in tokens {
        if let Some(&b) = m.as_bytes().first() {
            first[b as usize] = true;
        }
    }
    first
}

/// The role aliases of at most 16 bytes as (length, packed bytes, role),
/// for a lookup without normalising: their normal forms, sorted, then
/// the spellings exports use besides (capitalized, title case, upper
/// case), sorted, which normalise to those forms.
fn packed_roles(roles: &HashMap<String, Role>) -> Vec<(usize, u128, Role)> {
    let pack = |k: &str, v: Role| Some((k.len(), pack16(k.as_bytes())?, v));
    let mut normal: Vec<(usize, u128, Role)> =
        roles.iter().filter_map(|(k, &v)| pack(k, v)).collect();
    normal.sort();
    let mut spelled: Vec<(usize, u128, Role)> = roles
        .iter()
        .flat_map(|(k, &v)| [capital(k), title_case(k), k.to_uppercase()].map(|s| (s, v)))
        .filter(|(s, v)| {
            let n = normalize_label(s);
            *s != n && roles.get(&n) == Some(v)
        })
        .filter_map(|(s, v)| pack(&s, v))
        .collect();
    spelled.sort();
    spelled.dedup();
    normal.extend(spelled);
    normal
}

/// `s` with the first letter of each word in upper case.
pub(super) fn title_case(s: &str) -> String {
    s.split(' ').map(capital).collect::<Vec<_>>().join(" ")
}

/// `s` with its first letter in upper case.
pub(super) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The scale point (counted from `min`) of each digit 0–9, `u16::MAX` for
/// a digit off the scale.
fn digit_points(min: i64, max: i64) -> [u16; 10] {
    std::array::from_fn(|d| {
        let d = d as i64;
        if d >= min && d <= max {
            (d - min) as u16
        } else {
            u16::MAX
        }
    })
}

/// The role of a blank role cell (`roles.blank`), if the instrument names one.
fn blank_role(inst: &Instrument) -> Option<Role> {
    inst.roles.blank.as_deref().and_then(|b| {
        Some(match blank_target(b, &inst.roles.other)? {
            BlankTarget::Sales => Role::Sales,
            BlankTarget::Marketing => Role::Marketing,
            BlankTarget::Both => Role::Both,
            BlankTarget::Other(k) => Role::Other(k as u8),
        })
    })
}
