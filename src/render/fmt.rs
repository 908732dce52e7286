//! Number and text formatting shared by the human-readable renderers.

/// The mark for an undefined or hidden figure in tables and Markdown.
pub const NONE: &str = "–";

/// A figure with `dp` decimals, or `–`.
pub fn num(x: Option<f64>, dp: usize) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let s = format!("{v:.dp$}");
            // Avoid "-0.0".
            if s.trim_start_matches('-')
                .chars()
                .all(|c| c == '0' || c == '.')
            {
                s.trim_start_matches('-').to_string()
            } else {
                s
            }
        }
        _ => NONE.to_string(),
    }
}

/// A signed figure (`+3.2`, `-1.0`), or `–`.
pub fn signed(x: Option<f64>, dp: usize) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let s = num(Some(v), dp);
            if s.starts_with('-') || s.chars().all(|c| c == '0' || c == '.') {
                s
            } else {
                format!("+{s}")
            }
        }
        _ => NONE.to_string(),
    }
}

/// A percentile as a rounded ordinal (`30th`, `1st`, `92nd`), or `–`.
pub fn ordinal(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => {
            let n = v.round() as i64;
            let suffix = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
        _ => NONE.to_string(),
    }
}

/// A 95% interval `[lo, hi]`, or `–`.
pub fn interval(ci: Option<[f64; 2]>, dp: usize) -> String {
    match ci {
        Some([lo, hi]) => format!("[{}, {}]", num(Some(lo), dp), num(Some(hi), dp)),
        None => NONE.to_string(),
    }
}

/// A count with thousands separators.
pub fn count(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "1 company" / "3 companies".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", count(n), if n == 1 { one } else { many })
}

/// Wrap text at word boundaries to `width` characters; continuation lines
/// start with `indent` (after the line's own leading spaces).
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let lead: String = text.chars().take_while(|c| *c == ' ').collect();
    let mut lines = Vec::new();
    let mut cur = lead.clone();
    let mut cur_len = cur.chars().count();
    let mut empty = true;
    for word in text.split_whitespace() {
        let wl = word.chars().count();
        if !empty && cur_len + 1 + wl > width {
            lines.push(std::mem::take(&mut cur));
            cur = format!("{lead}{indent}");
            cur_len = cur.chars().count();
            empty = true;
        }
        if !empty {
            cur.push(' ');
            cur_len += 1;
        }
        cur.push_str(word);
        cur_len += wl;
        empty = false;
    }
    lines.push(cur);
    lines
}

/// A p- or q-value: three decimals, `<0.001` below that, or `–`.
pub fn pval(p: Option<f64>) -> String {
    match p {
        Some(v) if v.is_finite() && v < 0.001 => "<0.001".to_string(),
        v => num(v, 3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(num(Some(1.25), 1), "1.2");
        assert_eq!(num(Some(-0.01), 1), "0.0");
        assert_eq!(num(None, 2), "–");
        assert_eq!(num(Some(f64::NAN), 2), "–");
        assert_eq!(signed(Some(3.21), 1), "+3.2");
        assert_eq!(signed(Some(-3.21), 1), "-3.2");
        assert_eq!(count(1234567), "1,234,567");
        assert_eq!(ordinal(Some(30.4)), "30th");
        assert_eq!(ordinal(Some(0.6)), "1st");
        assert_eq!(ordinal(Some(12.0)), "12th");
        assert_eq!(ordinal(Some(92.0)), "92nd");
        assert_eq!(ordinal(Some(113.0)), "113th");
        assert_eq!(ordinal(None), "–");
        assert_eq!(interval(Some([0.195, 0.84]), 2), "[0.20, 0.84]");
        assert_eq!(wrap("  aaa bbb ccc", 9, "  "), vec!["  aaa bbb", "    ccc"]);
        assert_eq!(pval(Some(0.0004)), "<0.001");
        assert_eq!(pval(Some(0.0123)), "0.012");
    }
}

/// `s` cut to at most about `max` characters at a word boundary, with "…"
/// when cut (a single word longer than `max` is cut inside).
pub fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut
        .rfind(char::is_whitespace)
        .filter(|&i| i >= max / 2)
        .unwrap_or(cut.len());
    format!(
        "{}…",
        cut[..at].trim_end_matches(|c: char| c.is_whitespace() || ",;:.-–".contains(c))
    )
}

/// An item as a reader sees it: its text (its id when it has none),
/// shortened to about 60 characters, "(R)" when reverse-worded; and the
/// full text for hovering.
pub fn item_label(id: &str, text: &str, reverse: bool) -> (String, String) {
    let base = if text.trim().is_empty() { id } else { text };
    let mark = if reverse { " (R)" } else { "" };
    (
        format!("{}{mark}", shorten(base, 60)),
        format!("{}{mark}", base.trim()),
    )
}

#[cfg(test)]
mod shorten_tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_boundary() {
        assert_eq!(shorten("short text", 60), "short text");
        let long = "Sales and marketing agree on the value propositions we present to each customer segment";
        let s = shorten(long, 60);
        assert_eq!(s, "Sales and marketing agree on the value propositions we…");
        assert!(s.chars().count() <= 61);
        assert_eq!(shorten(&"x".repeat(80), 60).chars().count(), 61);
        assert_eq!(
            item_label("a1", "Leads are dumped.", true),
            (
                "Leads are dumped. (R)".to_string(),
                "Leads are dumped. (R)".to_string()
            )
        );
        assert_eq!(item_label("a1", " ", false).0, "a1");
    }
}
