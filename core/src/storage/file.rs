//! The published file format (docs/file-format.md, schema/continuum-v1.schema.json):
//! export of a whole portfolio, and import with validation and migration.
//!
//! Import runs in stages, and a failure at any stage changes nothing:
//! size check → JSON syntax → envelope (`format`, `version`) → migration of
//! older versions → typed DTOs (serde, with the JSON path of the first type
//! error) → domain validation (every duplicate id, empty name, bad margin).
//!
//! The DTOs below are the file format. They are separate from the domain
//! records so the format only changes on purpose, with a version bump and a
//! migration; the leaf vocabularies (dates, question ids, categories, roles…)
//! are the domain's own ids, which METHOD.md fixes.

use std::collections::BTreeMap;

use serde::de::{self, DeserializeOwned, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::migrate;
use super::problem::{friendly_serde_message, ImportError, Problem};
use super::validate::{is_timestamp, validate_portfolio};
use crate::domain::{
    Action, Answer, AnswerEntry, Assessment, Category, Channel, Client, Date, Id, Importance,
    Issue, IssueStatus, Margin, MarginLevel, Override, Portfolio, Profile, QuestionId, Role,
    Severity, Stakeholder, Stance, Touchpoint, TouchpointKind, TriageDecision, TriageOutcome,
};

/// The value of `format` in every Continuum file.
pub const FORMAT: &str = "continuum";
/// The file format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 2;
/// Larger files are refused before parsing, so a wrong file cannot freeze
/// the tab. 2,000 rich clients export to about 33 MB (pretty-printed).
pub const MAX_FILE_BYTES: usize = 40_000_000;

/// A file that passed every check, ready for preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub portfolio: Portfolio,
    /// When the file was written, as the envelope says (ISO 8601).
    pub exported_at: String,
    /// The file's own format version (smaller than [`CURRENT_VERSION`]
    /// when it was migrated on the way in).
    pub from_version: u64,
}

impl Imported {
    pub fn was_migrated(&self) -> bool {
        self.from_version < CURRENT_VERSION
    }
}

/// The whole portfolio as one pretty-printed, deterministic JSON document
/// (same portfolio and time, same bytes). `exported_at` is ISO 8601, passed
/// in because nothing here reads a clock.
pub fn export_json(portfolio: &Portfolio, exported_at: &str) -> String {
    let mut text = to_json(&FileV1::new(portfolio, exported_at), true);
    text.push('\n');
    text
}

/// The same document on one line, for backups kept in local storage (which
/// share the quota with the data).
pub fn export_json_compact(portfolio: &Portfolio, exported_at: &str) -> String {
    to_json(&FileV1::new(portfolio, exported_at), false)
}

/// Plain data with string keys always serialises; the only failure serde_json
/// knows for such values is an I/O error, and a `String` has none.
pub(crate) fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.expect("plain data with string keys always serialises to a String")
}

/// `continuum-<owner>-<yyyy-mm-dd>.json`, with the owner's name reduced to
/// characters that are safe in a file name on every system.
pub fn export_file_name(owner: &str, date: Date) -> String {
    let mut slug = String::new();
    for c in owner.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            // Spaces, dots, slashes and other separators become one dash.
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        format!("continuum-{date}.json")
    } else {
        format!("continuum-{slug}-{date}.json")
    }
}

/// Reads a Continuum file of any known version into a validated portfolio.
/// Never panics, whatever the bytes.
pub fn import_json(bytes: &[u8]) -> Result<Imported, ImportError> {
    let bytes = within_limit_without_bom(bytes)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    // The common case, a current file without problems, is read straight
    // into the typed records: no intermediate tree and no path tracking
    // (about half of the import time of 2,000 clients). Anything else, every
    // error included, takes the way below, which names where the problem is.
    if let Ok(file) = serde_json::from_slice::<FileV1>(bytes) {
        if file.format == FORMAT && file.version == CURRENT_VERSION {
            return file.into_imported(CURRENT_VERSION);
        }
    }
    let value: Value = serde_json::from_slice(bytes).map_err(syntax_error)?;
    let version = envelope_version(&value)?;
    let file = match version {
        0 => migrate::v0_to_v1(value)?,
        1 => migrate::v1_to_v2(parse::<FileV1>(value)?)?,
        _ => parse::<FileV1>(value)?,
    };
    let imported = file.into_imported(version)?;
    Ok(imported)
}

/// The first check of every import: refuse oversized input before reading
/// it, and skip a UTF-8 byte order mark (Windows tools add one).
pub(crate) fn within_limit_without_bom(bytes: &[u8]) -> Result<&[u8], ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

fn syntax_error(e: serde_json::Error) -> ImportError {
    match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated {
            line: e.line(),
            column: e.column(),
        },
        _ => {
            // The message ends with its own "at line L column C"; we say that
            // in our own words.
            let text = e.to_string();
            let detail = text.split(" at line ").next().unwrap_or(&text).to_string();
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                detail,
            }
        }
    }
}

/// Reads `format` and `version`; version 0 is the pre-release shape, which
/// had neither and is recognised by `"app": "continuum"`.
fn envelope_version(value: &Value) -> Result<u64, ImportError> {
    let Some(obj) = value.as_object() else {
        return Err(ImportError::NotContinuum { found: None });
    };
    match obj.get("format") {
        None if obj.get("app").and_then(Value::as_str) == Some(FORMAT)
            && !obj.contains_key("version") =>
        {
            return Ok(0)
        }
        None => return Err(ImportError::NotContinuum { found: None }),
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) => {
            return Err(ImportError::NotContinuum {
                found: Some(s.clone()),
            })
        }
        Some(other) => {
            return Err(ImportError::NotContinuum {
                found: Some(other.to_string()),
            })
        }
    }
    let bad_version = |found: String| {
        ImportError::invalid(vec![Problem::new(
            "version",
            format!("expected the format version, a whole number such as {CURRENT_VERSION}; found {found}"),
        )])
    };
    match obj.get("version") {
        None => Err(ImportError::invalid(vec![Problem::new(
            "version",
            "the field \"version\" is missing: every Continuum file says which format version it uses",
        )])),
        Some(v) => match v.as_u64() {
            Some(n) if n > CURRENT_VERSION => Err(ImportError::NewerVersion {
                version: n,
                supported: CURRENT_VERSION,
            }),
            Some(n) if n >= 1 => Ok(n),
            _ => Err(bad_version(v.to_string())),
        },
    }
}

/// Typed parse of a JSON value; the error names the path of the first
/// mismatch (serde stops there). The value is written back to text so that
/// every typed read in the app goes through the one text reader (a second,
/// path-tracking reader over values cost about a tenth of the wasm); the
/// text has the value's own key order, so the first mismatch is the same.
pub(crate) fn parse<T: DeserializeOwned>(value: Value) -> Result<T, ImportError> {
    let text = value.to_string();
    serde_json::from_slice(text.as_bytes()).map_err(|e| typed_error(text.as_bytes(), &value, &e))
}

/// The problem of a typed read of `text` (valid JSON, the same as `value`)
/// that failed with `e`: the JSON path and, in our words, what was wrong.
pub(crate) fn typed_error(text: &[u8], value: &Value, e: &serde_json::Error) -> ImportError {
    // A data error is reported after the last byte read; a "syntax" error on
    // valid JSON (an enum given neither a string nor an object) at the
    // byte that did not fit.
    let peeked = e.classify() == serde_json::error::Category::Syntax;
    let path = json_path_at(text, e.line(), e.column(), peeked);
    let full = e.to_string();
    let message = if peeked {
        // Said the way the value reader says it.
        match path.iter().try_fold(value, |v, seg| match seg {
            Segment::Key(k) => v.get(k),
            Segment::Index(i) => v.get(i),
        }) {
            Some(Value::Object(_)) => {
                "invalid value: map, expected map with a single key".to_string()
            }
            Some(found) => format!(
                "invalid type: {}, expected string or map",
                unexpected(found)
            ),
            None => full,
        }
    } else {
        // serde_json ends its message with the position; the path says it better.
        match full.rsplit_once(" at line ") {
            Some((message, _)) if e.line() > 0 => message.to_string(),
            _ => full,
        }
    };
    ImportError::invalid(vec![Problem::new(
        path_text(&path),
        friendly_serde_message(&message),
    )])
}

fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Other("null"),
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => de::Unexpected::Unsigned(u),
            (None, Some(i)) => de::Unexpected::Signed(i),
            _ => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

/// `clients[3].profile.name`
fn path_text(path: &[Segment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// The JSON path of the value being read at a reader position (1-based
/// line; column = bytes read on that line, so the byte at `column` is the
/// last one read, or the one peeked at when `peeked`). The reader stops
/// just after a bad scalar or object key, on the `}` of an object with a
/// missing field, or after the byte before a container of the wrong type.
fn json_path_at(text: &[u8], line: usize, column: usize, peeked: bool) -> Vec<Segment> {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut line_start = 0;
    for _ in 1..line {
        match text[line_start..].iter().position(|&b| b == b'\n') {
            Some(n) => line_start += n + 1,
            None => break,
        }
    }
    let end = (line_start + column).saturating_sub(1);
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < text.len() && i <= end {
        match text[i] {
            b'{' | b'[' if i == end && peeked => break,
            b'{' => frames.push(Frame::Object(None)),
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' if i == end => {
                // The object or list itself is the problem (a missing field).
                frames.pop();
                frames.push(Frame::Object(None));
                break;
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = frames.last_mut() {
                    let raw = text.get(start..=i).unwrap_or_default();
                    *key = Some(serde_json::from_slice(raw).unwrap_or_default());
                }
            }
            _ => {}
        }
        i += 1;
    }
    frames
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Object(key) => key.map(Segment::Key),
            Frame::Array(i) => Some(Segment::Index(i)),
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Version 1 DTOs: field names, order and optionality are the file format.
// Version 2 is version 1 plus `profile.external_id`, so the same DTOs read
// both; `migrate::v1_to_v2` refuses the new field in a file that says 1.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileV1 {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub owner: String,
    pub exported_at: String,
    #[serde(default)]
    pub clients: Vec<ClientV1>,
}

impl FileV1 {
    fn new(portfolio: &Portfolio, exported_at: &str) -> FileV1 {
        FileV1 {
            format: FORMAT.to_string(),
            version: CURRENT_VERSION,
            owner: portfolio.owner.clone(),
            exported_at: exported_at.to_string(),
            clients: portfolio.clients.iter().map(ClientV1::from).collect(),
        }
    }

    fn into_imported(self, from_version: u64) -> Result<Imported, ImportError> {
        let mut problems = Vec::new();
        if !is_timestamp(&self.exported_at) {
            problems.push(Problem::new(
                "exported_at",
                format!(
                    "expected a time such as 2026-11-25T10:00:00Z, found {:?}",
                    self.exported_at
                ),
            ));
        }
        let portfolio = Portfolio {
            owner: self.owner,
            clients: self.clients.into_iter().map(Client::from).collect(),
        };
        problems.extend(validate_portfolio(&portfolio));
        if problems.is_empty() {
            Ok(Imported {
                portfolio,
                exported_at: self.exported_at,
                from_version,
            })
        } else {
            Err(ImportError::invalid(problems))
        }
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClientV1 {
    pub id: Id,
    pub profile: ProfileV1,
    #[serde(default)]
    pub stakeholders: Vec<StakeholderV1>,
    #[serde(default)]
    pub issues: Vec<IssueV1>,
    #[serde(default)]
    pub touchpoints: Vec<TouchpointV1>,
    #[serde(default)]
    pub assessments: Vec<AssessmentV1>,
    #[serde(default)]
    pub actions: Vec<ActionV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_proposals: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<TriageV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_on: Option<Date>,
    #[serde(default)]
    pub archived: bool,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileV1 {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_revenue: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<MarginV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_start: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Version 2: the client's record id in the CRM it was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// A margin level (`"low"`, `"normal"`, `"high"`) or a percentage number.
/// Hand-written so a wrong value gets a clear message rather than serde's
/// "did not match any variant".
#[derive(Debug, Clone, Copy)]
pub(crate) struct MarginV1(pub Margin);

impl Serialize for MarginV1 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Margin::Level(l) => l.serialize(s),
            Margin::Percent(p) => s.serialize_f64(p),
        }
    }
}

impl<'de> Deserialize<'de> for MarginV1 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<MarginV1, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = MarginV1;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"low\", \"normal\", \"high\" or a percentage such as 22.5")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<MarginV1, E> {
                margin_level(s)
                    .map(|l| MarginV1(Margin::Level(l)))
                    .ok_or_else(|| {
                        E::custom(format!(
                        "expected \"low\", \"normal\", \"high\" or a percentage number, found {s:?}"
                    ))
                    })
            }
            fn visit_f64<E: de::Error>(self, p: f64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p)))
            }
            fn visit_u64<E: de::Error>(self, p: u64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p as f64)))
            }
            fn visit_i64<E: de::Error>(self, p: i64) -> Result<MarginV1, E> {
                Ok(MarginV1(Margin::Percent(p as f64)))
            }
        }
        d.deserialize_any(V)
    }
}

pub(crate) fn margin_level(s: &str) -> Option<MarginLevel> {
    match s {
        "low" => Some(MarginLevel::Low),
        "normal" => Some(MarginLevel::Normal),
        "high" => Some(MarginLevel::High),
        _ => None,
    }
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StakeholderV1 {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub role: Role,
    #[serde(default)]
    pub senior: bool,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rival_preference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IssueV1 {
    pub id: Id,
    pub title: String,
    pub opened_on: Date,
    pub severity: Severity,
    pub status: IssueStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TouchpointV1 {
    pub id: Id,
    pub date: Date,
    pub channel: Channel,
    pub kind: TouchpointKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssessmentV1 {
    pub id: Id,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gut: Option<Category>,
    /// Keyed by METHOD.md's question ids; a `BTreeMap` over `QuestionId`
    /// writes them in questionnaire order.
    #[serde(default)]
    pub answers: BTreeMap<QuestionId, AnswerV1>,
    pub verdict: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#override: Option<OverrideV1>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnswerV1 {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OverrideV1 {
    pub category: Category,
    pub reason: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActionV1 {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TriageV1 {
    pub decided_on: Date,
    pub outcome: TriageOutcome,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub loss_reasons: String,
}

// ---------------------------------------------------------------------------
// Domain ⇄ DTO. Plain field moves: all checks live in `validate`.

impl From<&Client> for ClientV1 {
    fn from(c: &Client) -> ClientV1 {
        let p = &c.profile;
        ClientV1 {
            id: c.id.clone(),
            profile: ProfileV1 {
                name: p.name.clone(),
                annual_revenue: p.annual_revenue,
                // A percentage that is not a number cannot be written as
                // JSON; it carries no information, so it is left out.
                margin: p
                    .margin
                    .filter(|m| !matches!(m, Margin::Percent(x) if !x.is_finite()))
                    .map(MarginV1),
                contract_end: p.contract_end,
                relationship_start: p.relationship_start,
                owner: p.owner.clone(),
                importance: p.importance,
                notes: p.notes.clone(),
                tags: p.tags.clone(),
                external_id: p.external_id.clone(),
            },
            stakeholders: c
                .stakeholders
                .iter()
                .map(|s| StakeholderV1 {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    title: s.title.clone(),
                    role: s.role,
                    senior: s.senior,
                    stance: s.stance,
                    rival_preference: s.rival_preference.clone(),
                    feedback_on: s.feedback_on,
                    last_contact: s.last_contact,
                    notes: s.notes.clone(),
                })
                .collect(),
            issues: c
                .issues
                .iter()
                .map(|i| IssueV1 {
                    id: i.id.clone(),
                    title: i.title.clone(),
                    opened_on: i.opened_on,
                    severity: i.severity,
                    status: i.status,
                    owner: i.owner.clone(),
                    resolved_on: i.resolved_on,
                    notes: i.notes.clone(),
                })
                .collect(),
            touchpoints: c
                .touchpoints
                .iter()
                .map(|t| TouchpointV1 {
                    id: t.id.clone(),
                    date: t.date,
                    channel: t.channel,
                    kind: t.kind,
                    with: t.with.clone(),
                    note: t.note.clone(),
                })
                .collect(),
            assessments: c
                .assessments
                .iter()
                .map(|a| AssessmentV1 {
                    id: a.id.clone(),
                    date: a.date,
                    gut: a.gut,
                    answers: crate::domain::sorting::map_from(a.answers.iter().map(|(q, e)| {
                        let entry = AnswerV1 {
                            answer: e.answer,
                            note: e.note.clone(),
                        };
                        (*q, entry)
                    })),
                    verdict: a.verdict,
                    r#override: a.r#override.as_ref().map(|o| OverrideV1 {
                        category: o.category,
                        reason: o.reason.clone(),
                    }),
                })
                .collect(),
            actions: c
                .actions
                .iter()
                .map(|a| ActionV1 {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    due: a.due,
                    owner: a.owner.clone(),
                    done: a.done,
                    proposal: a.proposal.clone(),
                    notes: a.notes.clone(),
                })
                .collect(),
            dismissed_proposals: c.dismissed_proposals.clone(),
            triage: c.triage.as_ref().map(|t| TriageV1 {
                decided_on: t.decided_on,
                outcome: t.outcome,
                answers: t.answers.clone(),
                loss_reasons: t.loss_reasons.clone(),
            }),
            lost_on: c.lost_on,
            archived: c.archived,
        }
    }
}

impl From<ClientV1> for Client {
    fn from(c: ClientV1) -> Client {
        let p = c.profile;
        Client {
            id: c.id,
            profile: Profile {
                name: p.name,
                annual_revenue: p.annual_revenue,
                margin: p.margin.map(|m| m.0),
                contract_end: p.contract_end,
                relationship_start: p.relationship_start,
                owner: p.owner,
                importance: p.importance,
                notes: p.notes,
                tags: p.tags,
                external_id: p.external_id,
            },
            stakeholders: c
                .stakeholders
                .into_iter()
                .map(|s| Stakeholder {
                    id: s.id,
                    name: s.name,
                    title: s.title,
                    role: s.role,
                    senior: s.senior,
                    stance: s.stance,
                    rival_preference: s.rival_preference,
                    feedback_on: s.feedback_on,
                    last_contact: s.last_contact,
                    notes: s.notes,
                })
                .collect(),
            issues: c
                .issues
                .into_iter()
                .map(|i| Issue {
                    id: i.id,
                    title: i.title,
                    opened_on: i.opened_on,
                    severity: i.severity,
                    status: i.status,
                    owner: i.owner,
                    resolved_on: i.resolved_on,
                    notes: i.notes,
                })
                .collect(),
            touchpoints: c
                .touchpoints
                .into_iter()
                .map(|t| Touchpoint {
                    id: t.id,
                    date: t.date,
                    channel: t.channel,
                    kind: t.kind,
                    with: t.with,
                    note: t.note,
                })
                .collect(),
            assessments: c
                .assessments
                .into_iter()
                .map(|a| Assessment {
                    id: a.id,
                    date: a.date,
                    gut: a.gut,
                    answers: crate::domain::sorting::map_from(a.answers.into_iter().map(
                        |(q, e)| {
                            let entry = AnswerEntry {
                                answer: e.answer,
                                note: e.note,
                            };
                            (q, entry)
                        },
                    )),
                    verdict: a.verdict,
                    r#override: a.r#override.map(|o| Override {
                        category: o.category,
                        reason: o.reason,
                    }),
                })
                .collect(),
            actions: c
                .actions
                .into_iter()
                .map(|a| Action {
                    id: a.id,
                    title: a.title,
                    due: a.due,
                    owner: a.owner,
                    done: a.done,
                    proposal: a.proposal,
                    notes: a.notes,
                })
                .collect(),
            dismissed_proposals: c.dismissed_proposals,
            triage: c.triage.map(|t| TriageDecision {
                decided_on: t.decided_on,
                outcome: t.outcome,
                answers: t.answers,
                loss_reasons: t.loss_reasons,
            }),
            lost_on: c.lost_on,
            archived: c.archived,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_dated() {
        let d = Date::from_ymd(2026, 11, 25).unwrap_or_else(|| unreachable!());
        assert_eq!(
            export_file_name("Dana Kim", d),
            "continuum-dana-kim-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("../../etc/passwd", d),
            "continuum-etc-passwd-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("<script>", d),
            "continuum-script-2026-11-25.json"
        );
        assert_eq!(export_file_name("  ", d), "continuum-2026-11-25.json");
        assert_eq!(
            export_file_name("Zoë Ångström", d),
            "continuum-zoë-ångström-2026-11-25.json"
        );
    }
}

#[cfg(test)]
mod path_tests {
    use super::*;

    fn problem(json: &str) -> String {
        let value: Value = serde_json::from_str(json).unwrap();
        parse::<FileV1>(value).unwrap_err().problems()[0].to_string()
    }

    const HEAD: &str = r#""format":"continuum","version":1,"exported_at":"2026-11-25T10:00:00Z""#;

    #[test]
    fn type_errors_name_their_json_path() {
        let client = r#"{"id":"c1","profile":{"name":"A"}}"#;
        // A missing field names the object it is missing from.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{client},{{"profile":{{"name":"B"}}}}]}}"#
        ));
        assert_eq!(p, r#"clients[1]: the field "id" is missing"#);
        // A bad element of a list names its position.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{client},{{"id":"c2","profile":{{"name":"B"}},"dismissed_proposals":["a",[1]]}}]}}"#
        ));
        assert_eq!(
            p,
            "clients[1].dismissed_proposals[1]: expected a string, found a list"
        );
        // An unknown field names itself, after the keys with a dot or quote in them.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{{"id":"c1","profile":{{"name":"A\"{{.","zz":1}}}}]}}"#
        ));
        assert!(
            p.starts_with(r#"clients[0].profile.zz: unknown field "zz""#),
            "{p}"
        );
        // An enum given null.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{{"id":"c1","profile":{{"name":"A"}},"stakeholders":[{{"id":"s","name":"S","role":null}}]}}]}}"#
        ));
        assert!(
            p.starts_with("clients[0].stakeholders[0].role: expected "),
            "{p}"
        );
        assert!(p.ends_with("found null"), "{p}");
    }
}
