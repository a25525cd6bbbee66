//! Domain client → compact record.

use std::collections::BTreeMap;

use serde_json::{Map, Number, Value};

use super::codes::{
    code, day, pair, ANSWERS, CATEGORIES, CHANNELS, IMPORTANCES, KINDS, MARGINS, OPEN, OUTCOMES,
    ROLES, SEVERITIES, STANCES, STATUSES,
};
use super::row::RowWriter;
use super::CompactClient;
use crate::domain::{
    Action, Assessment, Client, Id, Issue, Margin, QuestionId, Stakeholder, Touchpoint,
};

pub(super) fn client_to_compact(c: &Client) -> CompactClient {
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
        w: super::stamps::stamps_text(c),
    }
}

pub(super) fn string_map(m: &BTreeMap<String, String>) -> Value {
    Value::Object(
        m.iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

pub(super) fn stakeholder_row(s: &Stakeholder) -> Value {
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
        // Last, so rows written before it read unchanged.
        .opt_date(s.still_in_role_on)
        .finish()
}

pub(super) fn issue_row(i: &Issue) -> Value {
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
pub(super) fn person_ref(id: &Id, stakeholders: &[Stakeholder]) -> Value {
    match stakeholders.iter().position(|s| &s.id == id) {
        Some(n) => Value::from(n),
        None => Value::String(id.0.clone()),
    }
}

pub(super) fn touchpoint_row(t: &Touchpoint, stakeholders: &[Stakeholder]) -> Value {
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

pub(super) fn assessment_row(a: &Assessment) -> Value {
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

pub(super) fn action_row(a: &Action) -> Value {
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
