//! Built-in answer label sets (`scale.preset`): the wordings survey tools
//! offer, each point under every common wording, so that a choice-text
//! export loads without recoding (docs/formats.md#scale).

/// A built-in label set: labels by scale position (the first is the
/// scale's `min`), each position with its common wordings.
pub struct Preset {
    /// The preset's name as written in `scale.preset`, e.g. `"agree5"`.
    pub name: &'static str,
    /// Per scale position, lowest first, the wordings that mean it.
    pub points: &'static [&'static [&'static str]],
}

/// Answers every preset reads as missing.
pub const PRESET_MISSING: &[&str] = &["don't know", "not applicable", "n/a", "prefer not to say"];

/// Every built-in label set.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "agree5",
        points: &[
            &["strongly disagree"],
            &["disagree", "somewhat disagree"],
            &["neither agree nor disagree", "neutral"],
            &["agree", "somewhat agree"],
            &["strongly agree"],
        ],
    },
    Preset {
        name: "agree7",
        points: &[
            &["strongly disagree"],
            &["disagree"],
            &["somewhat disagree"],
            &["neither agree nor disagree", "neutral"],
            &["somewhat agree"],
            &["agree"],
            &["strongly agree"],
        ],
    },
    Preset {
        name: "frequency5",
        points: &[
            &["never"],
            &["rarely"],
            &["sometimes", "about half the time"],
            &["often", "most of the time", "usually"],
            &["always"],
        ],
    },
    Preset {
        name: "quality5",
        points: &[
            &["poor"],
            &["fair", "below average"],
            &["good", "average"],
            &["very good", "above average"],
            &["excellent"],
        ],
    },
];

/// The preset called `name`.
pub fn preset(name: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.name == name)
}

/// The names of every preset, for messages.
pub fn names() -> String {
    PRESETS
        .iter()
        .map(|p| format!("\"{}\"", p.name))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Preset {
    /// Every label with its scale point on a scale starting at `min`.
    pub fn labels(&self, min: i64) -> impl Iterator<Item = (&'static str, i64)> + '_ {
        self.points
            .iter()
            .enumerate()
            .flat_map(move |(k, words)| words.iter().map(move |w| (*w, min + k as i64)))
    }
}
