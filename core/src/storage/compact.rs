//! The compact local-storage encoding of one client, and of the index.
//!
//! Browsers give a site about 5 million UTF-16 code units of local storage,
//! and a salesperson may keep 2,000 clients, so one rich client must stay
//! around 2.5 K. The encoding is still JSON (so a broken record is visible
//! and can be handed to the user as text), but:
//!
//! * the client is an object with one- or two-letter keys, and every value
//!   that is empty or default is left out;
//! * stakeholders, issues, touchpoints, assessments and actions are arrays
//!   of positional fields, required fields first, trailing defaults cut;
//! * dates are day numbers (days since 1970-01-01), enums one letter;
//! * a touchpoint names the client's own stakeholders by their position in
//!   the list (older records hold ids, and still read);
//! * answers are one string in questionnaire order (`y`, `n`, `u`, `-` for
//!   open), with notes in a small object keyed by question position.
//!
//! Every record carries its own version (`v`) and revision (`r`), so each key
//! can be read, checked for staleness or set aside on its own.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::file::{parse, to_json, CURRENT_VERSION, FORMAT};
use super::problem::ImportError;
use crate::domain::{
    Action, Answer, AnswerEntry, Assessment, Category, Channel, Client, Date, Id, Importance,
    Issue, IssueStatus, Margin, MarginLevel, Override, Profile, QuestionId, Role, Severity,
    Stakeholder, Stance, Touchpoint, TouchpointKind, TriageDecision, TriageOutcome,
};

/// Version of the local-storage encoding (kept in step with the file format).
pub const STORAGE_VERSION: u64 = CURRENT_VERSION;

/// One client as kept under its own key, with the revision that detects
/// writes from another tab.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredClient {
    pub rev: u64,
    pub client: Client,
}

/// The index record: who owns the portfolio and the order of the clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub owner: String,
    /// Client ids in the user's order. A client key missing from this list is
    /// still loaded (appended), never dropped.
    #[serde(default)]
    pub order: Vec<Id>,
}

impl Meta {
    pub fn new(owner: &str, order: Vec<Id>) -> Meta {
        Meta {
            format: FORMAT.to_string(),
            version: STORAGE_VERSION,
            owner: owner.to_string(),
            order,
        }
    }
}

pub fn encode_meta(meta: &Meta) -> String {
    to_json(meta, false)
}

/// Reads the index record; the error says why, for the quarantine notice.
pub fn decode_meta(raw: &str) -> Result<Meta, String> {
    let value: Value =
        serde_json::from_slice(raw.as_bytes()).map_err(|e| format!("not valid JSON ({e})"))?;
    let meta: Meta = parse(value).map_err(|e| first_problem(&e))?;
    if meta.format != FORMAT {
        return Err(format!("format is {:?}, expected {FORMAT:?}", meta.format));
    }
    Ok(meta)
}

fn first_problem(e: &ImportError) -> String {
    e.problems()
        .first()
        .map(ToString::to_string)
        .unwrap_or_else(|| e.to_string())
}

/// The record under `continuum/v1/client/<id>`.
pub fn encode_client(stored: &StoredClient) -> String {
    let record = Record {
        v: STORAGE_VERSION,
        r: stored.rev,
        c: client_to_compact(&stored.client),
    };
    to_json(&record, false)
}

/// Why a stored record cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Written by a newer version of Continuum: leave it alone.
    Newer(u64),
    /// Broken: set it aside (quarantine) with this reason.
    Broken(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Newer(v) => write!(
                f,
                "written by a newer version of Continuum (storage version {v})"
            ),
            DecodeError::Broken(reason) => f.write_str(reason),
        }
    }
}

pub fn decode_client(raw: &str) -> Result<StoredClient, DecodeError> {
    // A readable record is read straight from the text; only one that is not
    // is read again as a JSON value, to say why.
    let record: Record = match serde_json::from_slice(raw.as_bytes()) {
        Ok(record) => record,
        Err(_) => {
            let value: Value = serde_json::from_slice(raw.as_bytes())
                .map_err(|e| DecodeError::Broken(format!("not valid JSON ({e})")))?;
            if let Some(v) = value.get("v").and_then(Value::as_u64) {
                if v > STORAGE_VERSION {
                    return Err(DecodeError::Newer(v));
                }
            }
            parse(value).map_err(|e| DecodeError::Broken(first_problem(&e)))?
        }
    };
    if record.v > STORAGE_VERSION {
        return Err(DecodeError::Newer(record.v));
    }
    let client = client_from_compact(record.c).map_err(DecodeError::Broken)?;
    Ok(StoredClient {
        rev: record.r,
        client,
    })
}

/// The revision of a stored record without decoding the client, for the
/// stale-write check just before a save.
pub fn stored_rev(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct RevOnly {
        r: u64,
    }
    serde_json::from_slice::<RevOnly>(raw.as_bytes())
        .ok()
        .map(|x| x.r)
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    v: u64,
    r: u64,
    c: CompactClient,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The client: profile fields flattened, defaults left out.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactClient {
    i: Id,
    n: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rv: Option<u64>,
    /// `"l"`, `"n"`, `"h"` or a percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    m: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ce: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rs: Option<i64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    o: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    im: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    no: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tg: Vec<String>,
    /// The CRM record id (since file format 2); absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    xi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    s: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    u: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    t: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    x: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dp: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tr: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lo: Option<i64>,
    #[serde(default, skip_serializing_if = "is_false")]
    ar: bool,
}

// One-letter codes. Each table is the whole vocabulary of its enum.
const ROLES: [(Role, &str); 4] = [
    (Role::DecisionMaker, "d"),
    (Role::Influencer, "i"),
    (Role::EndUser, "e"),
    (Role::Sponsor, "s"),
];
const STANCES: [(Stance, &str); 5] = [
    (Stance::Promoter, "p"),
    (Stance::Supporter, "s"),
    (Stance::Neutral, "n"),
    (Stance::Dissatisfied, "d"),
    (Stance::Opposed, "o"),
];
const SEVERITIES: [(Severity, &str); 2] = [(Severity::Minor, "m"), (Severity::Serious, "s")];
const STATUSES: [(IssueStatus, &str); 3] = [
    (IssueStatus::Open, "o"),
    (IssueStatus::InProgress, "p"),
    (IssueStatus::Resolved, "r"),
];
const CHANNELS: [(Channel, &str); 6] = [
    (Channel::Meeting, "m"),
    (Channel::Call, "c"),
    (Channel::Review, "r"),
    (Channel::Lunch, "l"),
    (Channel::Email, "e"),
    (Channel::Other, "o"),
];
const KINDS: [(TouchpointKind, &str); 2] = [
    (TouchpointKind::Business, "b"),
    (TouchpointKind::Personal, "p"),
];
const CATEGORIES: [(Category, &str); 5] = [
    (Category::Unassessed, "-"),
    (Category::Secure, "s"),
    (Category::NotSecure, "n"),
    (Category::AtRisk, "r"),
    (Category::InevitableLoss, "l"),
];
const MARGINS: [(MarginLevel, &str); 3] = [
    (MarginLevel::Low, "l"),
    (MarginLevel::Normal, "n"),
    (MarginLevel::High, "h"),
];
const IMPORTANCES: [(Importance, &str); 3] = [
    (Importance::Low, "l"),
    (Importance::Medium, "m"),
    (Importance::High, "h"),
];
const OUTCOMES: [(TriageOutcome, &str); 3] = [
    (TriageOutcome::InvestToRecover, "i"),
    (TriageOutcome::MaintainAndWatch, "m"),
    (TriageOutcome::LetGoWell, "l"),
];
const ANSWERS: [(Answer, &str); 3] = [(Answer::Yes, "y"), (Answer::No, "n"), (Answer::Unsure, "u")];
/// An open question in the packed answer string.
const OPEN: char = '-';

fn code<T: PartialEq + Copy>(table: &[(T, &'static str)], v: T) -> &'static str {
    // Every table lists every variant, so the fallback is never reached.
    table.iter().find(|(t, _)| *t == v).map_or("?", |(_, c)| c)
}

/// Two codes in one string: saves the quotes and comma of a second field.
fn pair<A: PartialEq + Copy, B: PartialEq + Copy>(
    first: &[(A, &'static str)],
    a: A,
    second: &[(B, &'static str)],
    b: B,
) -> String {
    format!("{}{}", code(first, a), code(second, b))
}

fn from_code<T: Copy>(table: &[(T, &'static str)], c: &str, what: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(_, k)| *k == c)
        .map(|(t, _)| *t)
        .ok_or_else(|| format!("unknown {what} code {c:?}"))
}

fn day(d: Date) -> i64 {
    i64::from(d.days_since_epoch())
}

fn date_from_day(n: i64) -> Result<Date, String> {
    let d = i32::try_from(n)
        .map(Date::from_days_since_epoch)
        .map_err(|_| format!("day number {n} is out of range"))?;
    let (y, m, dd) = d.ymd();
    Date::from_ymd(y, m, dd).ok_or_else(|| format!("day number {n} is out of range"))
}

/// Builds a positional row; trailing default values are cut.
#[derive(Default)]
struct RowWriter {
    items: Vec<Value>,
    /// Length of the row up to its last non-default value.
    keep: usize,
}

impl RowWriter {
    fn push(mut self, v: Value, is_default: bool) -> Self {
        self.items.push(v);
        if !is_default {
            self.keep = self.items.len();
        }
        self
    }
    fn text(self, s: &str) -> Self {
        self.push(Value::String(s.to_string()), s.is_empty())
    }
    fn opt_text(self, s: Option<&str>) -> Self {
        match s {
            Some(s) => self.push(Value::String(s.to_string()), false),
            None => self.push(Value::Null, true),
        }
    }
    fn id(self, id: &Id) -> Self {
        self.push(Value::String(id.0.clone()), false)
    }
    fn code(self, c: &str) -> Self {
        self.push(Value::String(c.to_string()), false)
    }
    fn date(self, d: Date) -> Self {
        self.push(Value::from(day(d)), false)
    }
    fn opt_date(self, d: Option<Date>) -> Self {
        match d {
            Some(d) => self.date(d),
            None => self.push(Value::Null, true),
        }
    }
    fn flag(self, b: bool) -> Self {
        self.push(Value::from(u8::from(b)), !b)
    }
    fn value(self, v: Value) -> Self {
        let empty = match &v {
            Value::Null => true,
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::String(s) => s.is_empty(),
            _ => false,
        };
        self.push(v, empty)
    }
    fn finish(mut self) -> Value {
        self.items.truncate(self.keep);
        Value::Array(self.items)
    }
}

/// Reads a positional row; missing trailing fields are their defaults.
struct RowReader<'a> {
    items: &'a [Value],
    pos: usize,
    at: String,
}

impl<'a> RowReader<'a> {
    fn new(v: &'a Value, at: String) -> Result<RowReader<'a>, String> {
        match v {
            Value::Array(items) => Ok(RowReader { items, pos: 0, at }),
            _ => Err(format!("{at}: expected a list")),
        }
    }
    fn next(&mut self) -> Option<&'a Value> {
        let v = self.items.get(self.pos);
        self.pos += 1;
        v.filter(|v| !v.is_null())
    }
    fn err(&self, what: &str) -> String {
        format!(
            "{}[{}]: expected {what}",
            self.at,
            self.pos.saturating_sub(1)
        )
    }
    fn text(&mut self) -> Result<String, String> {
        match self.next() {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s.clone()),
            Some(_) => Err(self.err("text")),
        }
    }
    fn opt_text(&mut self) -> Result<Option<String>, String> {
        match self.next() {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(self.err("text")),
        }
    }
    fn id(&mut self) -> Result<Id, String> {
        match self.next() {
            Some(Value::String(s)) => Ok(Id(s.clone())),
            _ => Err(self.err("an id")),
        }
    }
    fn code<T: Copy>(&mut self, table: &[(T, &'static str)], what: &str) -> Result<T, String> {
        match self.next() {
            Some(Value::String(s)) => {
                from_code(table, s, what).map_err(|e| format!("{}: {e}", self.at))
            }
            _ => Err(self.err(what)),
        }
    }
    fn opt_date(&mut self) -> Result<Option<Date>, String> {
        match self.next() {
            None => Ok(None),
            Some(v) => match v.as_i64() {
                Some(n) => date_from_day(n)
                    .map(Some)
                    .map_err(|e| format!("{}: {e}", self.at)),
                None => Err(self.err("a day number")),
            },
        }
    }
    fn date(&mut self) -> Result<Date, String> {
        self.opt_date()?.ok_or_else(|| self.err("a day number"))
    }
    fn flag(&mut self) -> Result<bool, String> {
        match self.next() {
            None => Ok(false),
            Some(v) => match v.as_u64() {
                Some(0) => Ok(false),
                Some(1) => Ok(true),
                _ => Err(self.err("0 or 1")),
            },
        }
    }
    /// Two one-letter codes packed in one string ("dp": decision-maker, promoter).
    fn pair<A: Copy, B: Copy>(
        &mut self,
        first: &[(A, &'static str)],
        second: &[(B, &'static str)],
        what: &str,
    ) -> Result<(A, B), String> {
        let s = match self.next() {
            Some(Value::String(s)) => s,
            _ => return Err(self.err(what)),
        };
        let (a, b) = s
            .char_indices()
            .nth(1)
            .map(|(i, _)| s.split_at(i))
            .ok_or_else(|| self.err(what))?;
        let located = |e: String| format!("{}: {e}", self.at);
        Ok((
            from_code(first, a, what).map_err(located)?,
            from_code(second, b, what).map_err(located)?,
        ))
    }
    fn raw(&mut self) -> Option<&'a Value> {
        self.next()
    }
}

fn client_to_compact(c: &Client) -> CompactClient {
    let p = &c.profile;
    CompactClient {
        i: c.id.clone(),
        n: p.name.clone(),
        rv: p.annual_revenue,
        m: p.margin.and_then(|m| match m {
            Margin::Level(l) => Some(Value::from(code(&MARGINS, l))),
            // serde_json has no NaN; a non-number percentage says nothing.
            Margin::Percent(x) => Number::from_f64(x).map(Value::Number),
        }),
        ce: p.contract_end.map(day),
        rs: p.relationship_start.map(day),
        o: p.owner.clone(),
        im: p.importance.map(|i| code(&IMPORTANCES, i).to_string()),
        no: p.notes.clone(),
        tg: p.tags.clone(),
        xi: p.external_id.clone(),
        s: c.stakeholders.iter().map(stakeholder_row).collect(),
        u: c.issues.iter().map(issue_row).collect(),
        t: c.touchpoints
            .iter()
            .map(|t| touchpoint_row(t, &c.stakeholders))
            .collect(),
        a: c.assessments.iter().map(assessment_row).collect(),
        x: c.actions.iter().map(action_row).collect(),
        dp: c.dismissed_proposals.clone(),
        tr: c.triage.as_ref().map(|t| {
            RowWriter::default()
                .date(t.decided_on)
                .code(code(&OUTCOMES, t.outcome))
                .value(string_map(&t.answers))
                .text(&t.loss_reasons)
                .finish()
        }),
        lo: c.lost_on.map(day),
        ar: c.archived,
    }
}

fn string_map(m: &BTreeMap<String, String>) -> Value {
    Value::Object(
        m.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

fn read_string_map(v: Option<&Value>, at: &str) -> Result<BTreeMap<String, String>, String> {
    let Some(v) = v else {
        return Ok(BTreeMap::new());
    };
    let obj = v
        .as_object()
        .ok_or_else(|| format!("{at}: expected an object"))?;
    obj.iter()
        .map(|(k, v)| match v {
            Value::String(s) => Ok((k.clone(), s.clone())),
            _ => Err(format!("{at}.{k}: expected text")),
        })
        .collect()
}

fn stakeholder_row(s: &Stakeholder) -> Value {
    RowWriter::default()
        .id(&s.id)
        .text(&s.name)
        .code(&pair(&ROLES, s.role, &STANCES, s.stance))
        .flag(s.senior)
        .text(&s.title)
        .opt_date(s.last_contact)
        .opt_date(s.feedback_on)
        .text(&s.rival_preference)
        .text(&s.notes)
        .finish()
}

fn issue_row(i: &Issue) -> Value {
    RowWriter::default()
        .id(&i.id)
        .text(&i.title)
        .date(i.opened_on)
        .code(&pair(&SEVERITIES, i.severity, &STATUSES, i.status))
        .opt_date(i.resolved_on)
        .text(&i.owner)
        .text(&i.notes)
        .finish()
}

/// A touchpoint's people: the position of the client's own stakeholder (one
/// or two digits instead of a quoted id, about 4% of a rich client), or the
/// id itself when it names nobody on the list.
fn person_ref(id: &Id, stakeholders: &[Stakeholder]) -> Value {
    match stakeholders.iter().position(|s| &s.id == id) {
        Some(n) => Value::from(n),
        None => Value::String(id.0.clone()),
    }
}

fn touchpoint_row(t: &Touchpoint, stakeholders: &[Stakeholder]) -> Value {
    RowWriter::default()
        .id(&t.id)
        .date(t.date)
        .code(&pair(&CHANNELS, t.channel, &KINDS, t.kind))
        .value(match t.with.as_slice() {
            // One person met is the common case: a plain value, not a list.
            [one] => person_ref(one, stakeholders),
            many => Value::Array(many.iter().map(|i| person_ref(i, stakeholders)).collect()),
        })
        .text(&t.note)
        .finish()
}

fn assessment_row(a: &Assessment) -> Value {
    let mut packed: String = QuestionId::ALL
        .iter()
        .map(|q| {
            a.answer(*q)
                .and_then(|x| code(&ANSWERS, x).chars().next())
                .unwrap_or(OPEN)
        })
        .collect();
    packed.truncate(packed.trim_end_matches(OPEN).len());
    let notes: Map<String, Value> = QuestionId::ALL
        .iter()
        .enumerate()
        .filter_map(|(n, q)| {
            let note = &a.answers.get(q)?.note;
            (!note.is_empty()).then(|| (n.to_string(), Value::String(note.clone())))
        })
        .collect();
    let over = a.r#override.as_ref().map_or(Value::Null, |o| {
        Value::Array(vec![
            Value::from(code(&CATEGORIES, o.category)),
            Value::String(o.reason.clone()),
        ])
    });
    RowWriter::default()
        .id(&a.id)
        .date(a.date)
        .code(code(&CATEGORIES, a.verdict))
        .text(&packed)
        .value(Value::Object(notes))
        .opt_text(a.gut.map(|g| code(&CATEGORIES, g)))
        .value(over)
        .finish()
}

fn action_row(a: &Action) -> Value {
    RowWriter::default()
        .id(&a.id)
        .text(&a.title)
        .flag(a.done)
        .opt_date(a.due)
        .text(&a.owner)
        .opt_text(a.proposal.as_deref())
        .text(&a.notes)
        .finish()
}

fn rows<T>(
    list: &[Value],
    key: &str,
    read: impl Fn(&mut RowReader) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    list.iter()
        .enumerate()
        .map(|(n, v)| {
            let mut r = RowReader::new(v, format!("{key}[{n}]"))?;
            read(&mut r)
        })
        .collect()
}

fn client_from_compact(c: CompactClient) -> Result<Client, String> {
    let margin = match &c.m {
        None => None,
        Some(Value::String(s)) => Some(Margin::Level(from_code(&MARGINS, s, "margin")?)),
        Some(v) => Some(Margin::Percent(
            v.as_f64().ok_or("m: expected a margin code or number")?,
        )),
    };
    let opt = |d: Option<i64>| d.map(date_from_day).transpose();
    let stakeholders = rows(&c.s, "s", |r| {
        let id = r.id()?;
        let name = r.text()?;
        let (role, stance) = r.pair(&ROLES, &STANCES, "role and stance")?;
        Ok(Stakeholder {
            id,
            name,
            role,
            stance,
            senior: r.flag()?,
            title: r.text()?,
            last_contact: r.opt_date()?,
            feedback_on: r.opt_date()?,
            rival_preference: r.text()?,
            notes: r.text()?,
        })
    })?;
    let issues = rows(&c.u, "u", |r| {
        let id = r.id()?;
        let title = r.text()?;
        let opened_on = r.date()?;
        let (severity, status) = r.pair(&SEVERITIES, &STATUSES, "severity and status")?;
        Ok(Issue {
            id,
            title,
            opened_on,
            severity,
            status,
            resolved_on: r.opt_date()?,
            owner: r.text()?,
            notes: r.text()?,
        })
    })?;
    let touchpoints = rows(&c.t, "t", |r| {
        let id = r.id()?;
        let date = r.date()?;
        let (channel, kind) = r.pair(&CHANNELS, &KINDS, "channel and kind")?;
        Ok(Touchpoint {
            id,
            date,
            channel,
            kind,
            with: match r.raw() {
                None => Vec::new(),
                Some(Value::Array(refs)) => refs
                    .iter()
                    .map(|v| person_from_ref(v, &stakeholders).ok_or_else(|| r.err("people")))
                    .collect::<Result<_, _>>()?,
                Some(one) => {
                    vec![person_from_ref(one, &stakeholders).ok_or_else(|| r.err("people"))?]
                }
            },
            note: r.text()?,
        })
    })?;
    let assessments = rows(&c.a, "a", read_assessment)?;
    let actions = rows(&c.x, "x", |r| {
        Ok(Action {
            id: r.id()?,
            title: r.text()?,
            done: r.flag()?,
            due: r.opt_date()?,
            owner: r.text()?,
            proposal: r.opt_text()?,
            notes: r.text()?,
        })
    })?;
    let triage = match &c.tr {
        None => None,
        Some(v) => {
            let mut r = RowReader::new(v, "tr".into())?;
            Some(TriageDecision {
                decided_on: r.date()?,
                outcome: r.code(&OUTCOMES, "triage outcome")?,
                answers: read_string_map(r.raw(), "tr")?,
                loss_reasons: r.text()?,
            })
        }
    };
    Ok(Client {
        id: c.i,
        profile: Profile {
            name: c.n,
            annual_revenue: c.rv,
            margin,
            contract_end: opt(c.ce)?,
            relationship_start: opt(c.rs)?,
            owner: c.o,
            importance: c
                .im
                .as_deref()
                .map(|s| from_code(&IMPORTANCES, s, "importance"))
                .transpose()?,
            notes: c.no,
            tags: c.tg,
            external_id: c.xi,
        },
        stakeholders,
        issues,
        touchpoints,
        assessments,
        actions,
        dismissed_proposals: c.dp,
        triage,
        lost_on: opt(c.lo)?,
        archived: c.ar,
    })
}

/// Reads what [`person_ref`] wrote (records written before positions were
/// used hold ids, and still read).
fn person_from_ref(v: &Value, stakeholders: &[Stakeholder]) -> Option<Id> {
    match v {
        Value::String(id) => Some(Id::new(id.as_str())),
        n => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| stakeholders.get(n))
            .map(|s| s.id.clone()),
    }
}

fn read_assessment(r: &mut RowReader) -> Result<Assessment, String> {
    let id = r.id()?;
    let date = r.date()?;
    let verdict = r.code(&CATEGORIES, "category")?;
    let packed = r.text()?;
    if packed.chars().count() > QuestionId::ALL.len() {
        return Err(r.err("at most one answer per question"));
    }
    let mut answers = BTreeMap::new();
    for (q, ch) in QuestionId::ALL.iter().zip(packed.chars()) {
        if ch != OPEN {
            let answer = from_code(&ANSWERS, ch.encode_utf8(&mut [0; 4]), "answer")?;
            let entry = AnswerEntry {
                answer,
                note: String::new(),
            };
            answers.insert(*q, entry);
        }
    }
    let notes = read_string_map(r.raw(), &r.at)?;
    for (n, note) in notes {
        let entry = n
            .parse::<usize>()
            .ok()
            .and_then(|n| QuestionId::ALL.get(n))
            .and_then(|q| answers.get_mut(q))
            .ok_or_else(|| format!("{}: note {n:?} belongs to no answer", r.at))?;
        entry.note = note;
    }
    let gut = match r.opt_text()? {
        None => None,
        Some(g) => Some(from_code(&CATEGORIES, &g, "category")?),
    };
    let r#override = match r.raw() {
        None => None,
        Some(v) => {
            let mut o = RowReader::new(v, format!("{}.override", r.at))?;
            Some(Override {
                category: o.code(&CATEGORIES, "category")?,
                reason: o.text()?,
            })
        }
    };
    Ok(Assessment {
        id,
        date,
        gut,
        answers,
        verdict,
        r#override,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_cut_trailing_defaults_only() {
        let row = RowWriter::default()
            .text("a")
            .text("")
            .flag(true)
            .opt_date(None)
            .text("")
            .finish();
        assert_eq!(row.to_string(), r#"["a","",1]"#);
    }

    #[test]
    fn touchpoints_name_stakeholders_by_position_and_old_ids_still_read() {
        let new = r#"{"v":2,"r":1,"c":{"i":"c1","n":"Acme","s":[["p1","Ann","dp"],["p2","Bo","dp"]],"t":[["t1",20000,"mb",1],["t2",20001,"mb",[0,"gone"]]]}}"#;
        let old = r#"{"v":1,"r":1,"c":{"i":"c1","n":"Acme","s":[["p1","Ann","dp"],["p2","Bo","dp"]],"t":[["t1",20000,"mb","p2"],["t2",20001,"mb",["p1","gone"]]]}}"#;
        let read = |raw: &str| decode_client(raw).map(|s| s.client);
        let (Ok(a), Ok(b)) = (read(new), read(old)) else {
            panic!("both records read");
        };
        assert_eq!(a, b);
        assert_eq!(a.touchpoints[1].with, vec![Id::new("p1"), Id::new("gone")]);
        let again = encode_client(&StoredClient { rev: 1, client: a });
        assert_eq!(again, new);
        let bad = new.replace("\"mb\",1]", "\"mb\",7]");
        // Version 2 adds the CRM record id; version 1 records lack it.
        let with_id = new.replace("\"n\":\"Acme\"", "\"n\":\"Acme\",\"xi\":\"0015\"");
        let read_id = decode_client(&with_id).map(|s| s.client.profile.external_id);
        assert_eq!(read_id, Ok(Some("0015".to_string())));
        assert!(matches!(decode_client(&bad), Err(DecodeError::Broken(_))));
    }

    #[test]
    fn unknown_codes_are_errors_not_panics() {
        let raw = r#"{"v":1,"r":3,"c":{"i":"c1","n":"Acme","s":[["s1","Ann","zp"]]}}"#;
        match decode_client(raw) {
            Err(DecodeError::Broken(msg)) => {
                assert!(msg.contains("unknown role and stance code \"z\""), "{msg}")
            }
            other => panic!("expected a broken record, got {other:?}"),
        }
    }
}
