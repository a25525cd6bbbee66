//! Compact record → domain client, with errors that say where it is broken.

use std::collections::BTreeMap;

use serde_json::Value;

use super::codes::{
    date_from_day, from_code, ANSWERS, CATEGORIES, CHANNELS, IMPORTANCES, KINDS, MARGINS, OPEN,
    OUTCOMES, ROLES, SEVERITIES, STANCES, STATUSES,
};
use super::row::RowReader;
use super::CompactClient;
use crate::domain::{
    Action, AnswerEntry, Assessment, Client, Id, Issue, Margin, Override, Profile, QuestionId,
    Stakeholder, Touchpoint, TriageDecision,
};

pub(super) fn read_string_map(
    v: Option<&Value>,
    at: &str,
) -> Result<BTreeMap<String, String>, String> {
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

pub(super) fn rows<T>(
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

pub(super) fn client_from_compact(c: CompactClient) -> Result<Client, String> {
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
            still_in_role_on: r.opt_date()?,
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
    let mut client = Client {
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
        changed: Default::default(),
    };
    super::stamps::read_stamps(&mut client, c.w.as_deref())?;
    Ok(client)
}

/// Reads what [`person_ref`] wrote (records written before positions were
/// used hold ids, and still read).
pub(super) fn person_from_ref(v: &Value, stakeholders: &[Stakeholder]) -> Option<Id> {
    match v {
        Value::String(id) => Some(Id::new(id.as_str())),
        n => n
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .and_then(|n| stakeholders.get(n))
            .map(|s| s.id.clone()),
    }
}

pub(super) fn read_assessment(r: &mut RowReader) -> Result<Assessment, String> {
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
