//! Mapping the header row to the instrument's columns, and recognising the
//! extra header rows of Qualtrics exports.

use super::values::{Answer, ValueParser};
use crate::instrument::Instrument;
use csv::ByteRecord;

/// Where each column the instrument needs sits in a row.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    pub names: Vec<String>,
    pub company: usize,
    pub respondent: Option<usize>,
    pub role: Option<usize>,
    pub finished: Option<usize>,
    /// Items, then perception items, then statements, in instrument order.
    pub scale: Vec<usize>,
    /// One per instrument outcome; `None` when the file lacks the column.
    pub outcomes: Vec<Option<usize>>,
    /// One per declared segment ([`Instrument::segments`]), in instrument order.
    pub segments: Vec<usize>,
}

/// The scale columns of an instrument, in the order the rest of the crate
/// uses: items, perception items, statements. Each entry is (id, column).
pub fn scale_columns(inst: &Instrument) -> Vec<(&str, &str)> {
    inst.items
        .iter()
        .map(|i| (i.id.as_str(), i.column.as_str()))
        .chain(
            inst.perception
                .iter()
                .map(|q| (q.id.as_str(), q.column.as_str())),
        )
        .chain(
            inst.statements
                .iter()
                .map(|q| (q.id.as_str(), q.column.as_str())),
        )
        .collect()
}

/// Header names, trimmed, with a stray BOM removed.
pub fn header_names(rec: &ByteRecord) -> Vec<String> {
    rec.iter()
        .map(|f| {
            String::from_utf8_lossy(f)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect()
}

/// Find a column: an exact match first, then a case-insensitive one (which
/// must be the only one).
fn find(names: &[String], col: &str) -> Result<Option<usize>, String> {
    let exact: Vec<usize> = (0..names.len()).filter(|&i| names[i] == col).collect();
    if !exact.is_empty() {
        return one(col, exact);
    }
    let hits: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].eq_ignore_ascii_case(col))
        .collect();
    if hits.len() > 1 {
        let shown: Vec<String> = hits
            .iter()
            .map(|&i| format!("\"{}\" (field {})", names[i], i + 1))
            .collect();
        return Err(format!(
            "column \"{col}\" is not in the header, and {} headers match it when case is ignored: {}; rename the header or the instrument's column so that one matches exactly",
            hits.len(),
            shown.join(", ")
        ));
    }
    one(col, hits)
}

/// The one header of `hits`, or an error naming the repeats.
fn one(col: &str, hits: Vec<usize>) -> Result<Option<usize>, String> {
    match hits.as_slice() {
        [] => Ok(None),
        [i] => Ok(Some(*i)),
        many => Err(format!(
            "column \"{col}\" appears {} times in the header (fields {})",
            many.len(),
            many.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// The survey tool an export comes from, as its header rows tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// A plain CSV with one header row.
    #[default]
    Plain,
    Qualtrics,
    /// Two header rows: question texts (blank cells continue a question
    /// over several columns), then sub-question labels.
    SurveyMonkey,
    /// A `Timestamp` column, then question texts (`Question [row]` for
    /// the rows of a matrix question).
    GoogleForms,
    /// `ID`, `Start time`, `Completion time`, `Email`, `Name`, then
    /// question texts.
    MicrosoftForms,
}

/// Metadata columns each tool writes before the questions (compared
/// ignoring case).
const QUALTRICS_META: &[&str] = &[
    "StartDate",
    "EndDate",
    "Status",
    "IPAddress",
    "Progress",
    "Duration (in seconds)",
    "Finished",
    "RecordedDate",
    "ResponseId",
    "ResponseID",
    "ResponseSet",
    "RecipientLastName",
    "RecipientFirstName",
    "RecipientEmail",
    "ExternalReference",
    "ExternalDataReference",
    "LocationLatitude",
    "LocationLongitude",
    "DistributionChannel",
    "UserLanguage",
    "Name",
    "EmailAddress",
    "V1",
    "V2",
    "V3",
    "V4",
    "V5",
    "V6",
    "V7",
    "V8",
    "V9",
    "V10",
];
const SURVEYMONKEY_META: &[&str] = &[
    "Respondent ID",
    "Collector ID",
    "Start Date",
    "End Date",
    "IP Address",
    "Email Address",
    "First Name",
    "Last Name",
    "Custom Data 1",
];
const GOOGLE_META: &[&str] = &["Timestamp", "Email Address", "Email", "Score"];
const MICROSOFT_META: &[&str] = &[
    "ID",
    "Start time",
    "Completion time",
    "Email",
    "Name",
    "Last modified time",
    "Total points",
    "Quiz feedback",
];

impl Dialect {
    /// The name in the JSON input summary.
    pub fn key(self) -> &'static str {
        match self {
            Dialect::Plain => "csv",
            Dialect::Qualtrics => "qualtrics",
            Dialect::SurveyMonkey => "surveymonkey",
            Dialect::GoogleForms => "google_forms",
            Dialect::MicrosoftForms => "microsoft_forms",
        }
    }

    /// The tool's metadata columns.
    fn metadata(self) -> &'static [&'static str] {
        match self {
            Dialect::Plain => &[],
            Dialect::Qualtrics => QUALTRICS_META,
            Dialect::SurveyMonkey => SURVEYMONKEY_META,
            Dialect::GoogleForms => GOOGLE_META,
            Dialect::MicrosoftForms => MICROSOFT_META,
        }
    }

    /// Is `name` one of the tool's metadata columns?
    pub fn is_metadata(self, name: &str) -> bool {
        self.metadata().iter().any(|m| m.eq_ignore_ascii_case(name))
    }

    /// The dialect of a header row, `second` being the row after it.
    pub fn detect(names: &[String], second: Option<&ByteRecord>) -> Dialect {
        let has = |n: &str| names.iter().any(|h| h.eq_ignore_ascii_case(n));
        if is_qualtrics_header(names) {
            return Dialect::Qualtrics;
        }
        if has("ID") && has("Start time") && has("Completion time") {
            return Dialect::MicrosoftForms;
        }
        if names
            .first()
            .is_some_and(|h| h.eq_ignore_ascii_case("Timestamp"))
        {
            return Dialect::GoogleForms;
        }
        // SurveyMonkey: its metadata columns, or question texts continued
        // over blank cells with "Response" labels in the second row.
        let labels = second.is_some_and(|r| {
            r.iter().any(|c| {
                let c = String::from_utf8_lossy(c);
                matches!(c.trim(), "Response" | "Open-Ended Response")
            })
        });
        if (has("Respondent ID") && has("Collector ID"))
            || (labels && names.iter().skip(1).any(|n| n.is_empty()))
        {
            return Dialect::SurveyMonkey;
        }
        Dialect::Plain
    }
}

/// Column names of a SurveyMonkey export: each column's first-row text,
/// carried forward over blank cells, joined with ` - ` to its second-row
/// label unless that label is blank, `Response` or `Open-Ended Response`.
pub fn two_row_names(first: &[String], second: &ByteRecord) -> Vec<String> {
    let labels = header_names(second);
    let n = first.len().max(labels.len());
    let mut carried = String::new();
    (0..n)
        .map(|i| {
            let top = first.get(i).map_or("", String::as_str);
            if !top.is_empty() {
                carried = top.to_string();
            }
            let label = labels.get(i).map_or("", String::as_str);
            match label {
                "" | "Response" | "Open-Ended Response" => carried.clone(),
                l if carried.is_empty() => l.to_string(),
                l => format!("{carried} - {l}"),
            }
        })
        .collect()
}

/// Names near `col` among `names` (not `taken`): the closest two by edit
/// distance of their normal forms (lower case, runs of other characters
/// than letters and digits as one space), when they are close.
fn near(col: &str, names: &[String], taken: &[usize]) -> Vec<String> {
    let norm = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let want = norm(col);
    let mut scored: Vec<(f64, &String)> = names
        .iter()
        .enumerate()
        .filter(|(i, n)| !taken.contains(i) && !n.is_empty())
        .map(|(_, n)| (strsim::normalized_levenshtein(&want, &norm(n)), n))
        .filter(|(s, _)| *s >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(2).map(|(_, n)| n.clone()).collect()
}

/// True when the header looks like a Qualtrics export.
pub fn is_qualtrics_header(names: &[String]) -> bool {
    names.iter().any(|n| {
        matches!(
            n.as_str(),
            "ResponseId" | "ResponseID" | "StartDate" | "EndDate" | "ResponseSet" | "V1"
        )
    })
}

/// Header fields found for the instrument's columns, with what went wrong.
struct Finder<'a> {
    names: &'a [String],
    /// (instrument column, what it holds) of every column not found.
    missing: Vec<(String, String)>,
    /// Columns repeated in the header or shared by two instrument columns.
    dupes: Vec<String>,
    /// (instrument column, header field) of every column found.
    used: Vec<(String, usize)>,
}

impl<'a> Finder<'a> {
    fn new(names: &'a [String]) -> Finder<'a> {
        Finder {
            names,
            missing: Vec::new(),
            dupes: Vec::new(),
            used: Vec::new(),
        }
    }

    /// A column the file must have; `what` says what it holds.
    fn need(&mut self, col: &str, what: String) -> Option<usize> {
        match find(self.names, col) {
            Ok(Some(i)) => {
                self.used.push((col.to_string(), i));
                Some(i)
            }
            Ok(None) => {
                self.missing.push((col.to_string(), what));
                None
            }
            Err(e) => {
                self.dupes.push(e);
                None
            }
        }
    }

    /// A column the file may lack.
    fn optional(&mut self, col: &str) -> Option<usize> {
        match find(self.names, col) {
            Ok(i) => {
                self.used.extend(i.map(|i| (col.to_string(), i)));
                i
            }
            Err(e) => {
                self.dupes.push(e);
                None
            }
        }
    }
}

/// The identifier columns: company, respondent, role, completion.
struct IdColumns {
    company: Option<usize>,
    respondent: Option<Option<usize>>,
    role: Option<Option<usize>>,
    finished: Option<Option<usize>>,
}

fn id_columns(f: &mut Finder, inst: &Instrument) -> IdColumns {
    let cols = &inst.columns;
    IdColumns {
        company: f.need(&cols.company, "the company id".into()),
        respondent: cols
            .respondent
            .as_deref()
            .map(|c| f.need(c, "the respondent id".into())),
        role: cols
            .role
            .as_deref()
            .map(|c| f.need(c, "the respondent's role".into())),
        finished: cols
            .finished
            .as_deref()
            .map(|c| f.need(c, "the completion flag".into())),
    }
}

/// Map the header to the instrument. Every problem is listed in the error.
/// A Qualtrics `Finished` column is used when the instrument names none.
/// A missing column is named with the closest header names; for a survey
/// tool's export the header is shown without the tool's metadata columns.
/// A declared segment's column must be in the header like a question's.
pub fn map_columns(
    names: Vec<String>,
    inst: &Instrument,
    dialect: Dialect,
) -> Result<ColumnMap, String> {
    let mut f = Finder::new(&names);
    let ids = id_columns(&mut f, inst);
    let scale: Vec<Option<usize>> = scale_columns(inst)
        .into_iter()
        .map(|(id, col)| f.need(col, format!("question {id}")))
        .collect();
    let outcomes: Vec<Option<usize>> = inst
        .outcomes
        .iter()
        .map(|o| f.optional(&o.column))
        .collect();
    let segments: Vec<Option<usize>> = inst
        .segments
        .iter()
        .map(|s| f.need(&s.column, format!("segment {}", s.id)))
        .collect();
    f.dupes.extend(shared_fields(&names, &f.used));
    if !f.missing.is_empty() || !f.dupes.is_empty() {
        return Err(header_error(&f, inst, dialect));
    }
    let finished = match ids.finished {
        _ if inst.include_unfinished => None,
        Some(c) => c,
        None if dialect == Dialect::Qualtrics => find(&names, "Finished").ok().flatten(),
        None => None,
    };
    Ok(ColumnMap {
        company: ids.company.unwrap_or(0),
        respondent: ids.respondent.flatten(),
        role: ids.role.flatten(),
        finished,
        scale: scale.into_iter().map(|c| c.unwrap_or(0)).collect(),
        outcomes,
        segments: segments.into_iter().map(|c| c.unwrap_or(0)).collect(),
        names,
    })
}

/// The message for a header that lacks columns or repeats them: each
/// missing column with its near matches, then the repeats, then the header.
fn header_error(f: &Finder, inst: &Instrument, dialect: Dialect) -> String {
    let names = f.names;
    let taken: Vec<usize> = f.used.iter().map(|u| u.1).collect();
    let missing: Vec<String> = f
        .missing
        .iter()
        .map(|(col, what)| {
            let hint = near(col, names, &taken);
            let quoted: Vec<String> = hint.iter().map(|h| format!("\"{h}\"")).collect();
            if quoted.is_empty() {
                format!("\"{col}\" ({what})")
            } else {
                format!("\"{col}\" ({what}; did you mean {}?)", quoted.join(" or "))
            }
        })
        .collect();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        let shown: Vec<String> = missing.iter().take(8).cloned().collect();
        let more = if missing.len() > 8 { ", …" } else { "" };
        parts.push(format!(
            "the header lacks {} column{} the instrument \"{}\" needs: {}{more}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            inst.name,
            shown.join(", ")
        ));
        if missing.len() > 8 {
            parts.push(
                "if the file follows another questionnaire, describe it in an instrument file (`align instrument --init my.json`, edit, then --instrument my.json)"
                    .into(),
            );
        }
    }
    parts.extend(f.dupes.iter().cloned());
    let shown = if dialect == Dialect::Plain {
        format!("header: {}", preview(names))
    } else {
        let questions: Vec<String> = names
            .iter()
            .filter(|n| !n.is_empty() && !dialect.is_metadata(n))
            .cloned()
            .collect();
        format!("question columns: {}", preview(&questions))
    };
    format!("line 1: {} ({shown})", parts.join("; "))
}

/// Instrument columns that differ (only in case) but found the same header
/// field: each would silently read the other's answers.
fn shared_fields(names: &[String], used: &[(String, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (a, i)) in used.iter().enumerate() {
        if let Some((b, _)) = used[..k].iter().find(|(b, j)| j == i && b != a) {
            out.push(format!(
                "columns \"{b}\" and \"{a}\" of the instrument both match the header \"{}\" (field {}) when case is ignored; rename the header or the instrument's columns so that each matches one exactly",
                names[*i],
                i + 1
            ));
        }
    }
    out
}

fn preview(names: &[String]) -> String {
    let shown: Vec<String> = names.iter().take(12).map(|n| format!("\"{n}\"")).collect();
    if names.len() > 12 {
        format!("{}, … {} columns in all", shown.join(", "), names.len())
    } else {
        shown.join(", ")
    }
}

/// A Qualtrics `{"ImportId":…}` row.
pub fn is_import_id_row(rec: &ByteRecord) -> bool {
    rec.iter()
        .any(|f| f.trim_ascii_start().starts_with(b"{\"ImportId\""))
}

/// A question-text row: every scale cell present is non-blank text that is
/// neither an answer nor a missing token (whatever language it is in).
pub fn is_question_text_row(rec: &ByteRecord, map: &ColumnMap, parser: &ValueParser) -> bool {
    let mut seen = 0;
    for &c in &map.scale {
        match rec.get(c) {
            Some(cell) => {
                if cell.trim_ascii().is_empty() {
                    return false;
                }
                if !matches!(parser.answer(cell), Answer::Invalid(_)) {
                    return false;
                }
                seen += 1;
            }
            None => return false,
        }
    }
    seen > 0
}
