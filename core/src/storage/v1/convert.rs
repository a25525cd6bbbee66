//! Domain ⇄ DTO. Plain field moves: all checks live in `validate`.

use super::{
    ActionV1, AnswerV1, AssessmentV1, ClientV1, IssueV1, MarginV1, OverrideV1, ProfileV1,
    StakeholderV1, TouchpointV1, TriageV1,
};
use std::collections::BTreeMap;

use crate::domain::{
    Action, AnswerEntry, Assessment, Changes, Client, Id, Issue, Margin, Override, Part, Profile,
    Stakeholder, Stamp, Touchpoint, TriageDecision,
};

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
                    still_in_role_on: s.still_in_role_on,
                    changed_at: c.changed.of(Part::Stakeholder, &s.id),
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
                    changed_at: c.changed.of(Part::Issue, &i.id),
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
                    changed_at: c.changed.of(Part::Touchpoint, &t.id),
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
                    changed_at: c.changed.of(Part::Assessment, &a.id),
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
                    changed_at: c.changed.of(Part::Action, &a.id),
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
            changed_at: c.changed.client,
        }
    }
}

impl From<ClientV1> for Client {
    fn from(c: ClientV1) -> Client {
        let p = c.profile;
        let mut changed = Changes {
            client: c.changed_at,
            records: BTreeMap::new(),
        };
        let mut stamp = |part: Part, id: &Id, at: Option<Stamp>| changed.set(part, id, at);
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
                .map(|s| {
                    stamp(Part::Stakeholder, &s.id, s.changed_at);
                    Stakeholder {
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
                        still_in_role_on: s.still_in_role_on,
                    }
                })
                .collect(),
            issues: c
                .issues
                .into_iter()
                .map(|i| {
                    stamp(Part::Issue, &i.id, i.changed_at);
                    Issue {
                        id: i.id,
                        title: i.title,
                        opened_on: i.opened_on,
                        severity: i.severity,
                        status: i.status,
                        owner: i.owner,
                        resolved_on: i.resolved_on,
                        notes: i.notes,
                    }
                })
                .collect(),
            touchpoints: c
                .touchpoints
                .into_iter()
                .map(|t| {
                    stamp(Part::Touchpoint, &t.id, t.changed_at);
                    Touchpoint {
                        id: t.id,
                        date: t.date,
                        channel: t.channel,
                        kind: t.kind,
                        with: t.with,
                        note: t.note,
                    }
                })
                .collect(),
            assessments: c
                .assessments
                .into_iter()
                .map(|a| {
                    stamp(Part::Assessment, &a.id, a.changed_at);
                    Assessment {
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
                    }
                })
                .collect(),
            actions: c
                .actions
                .into_iter()
                .map(|a| {
                    stamp(Part::Action, &a.id, a.changed_at);
                    Action {
                        id: a.id,
                        title: a.title,
                        due: a.due,
                        owner: a.owner,
                        done: a.done,
                        proposal: a.proposal,
                        notes: a.notes,
                    }
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
            changed,
        }
    }
}
