//! What-if (issue 16): hypothetical changes applied to a copy of a client,
//! with the verdict, reasons, warning signs, suggestions and plan of the
//! copy beside today's. The stored client is only ever read.
//!
//! How a hypothetical fact reaches the answers, stated once here and shown
//! in the UI: the record is changed first (the person removed, the stance
//! set, the issue resolved, the contract's end moved); then every answer the
//! changed evidence now suggests differently is taken as answered that way,
//! and an answer that rested on evidence the change removed becomes healthy.
//! A competitor invited in is not in the record at all, so it answers the two
//! questions about listening to and meeting rivals with "yes" directly.
//! Without a check-up no answer is changed: only the record moves.

use super::date::Date;
use super::engine::{refresh, Verdict};
use super::model::{Answer, AnswerEntry, Client, Id, IssueStatus, Stance};
use super::plan::{proposals, Proposal};
use super::questions::QuestionId;
use super::suggestions::{pending_suggestions, suggestions, Suggestion};
use super::summary::assess;
use super::warnings::Warning;

/// One hypothetical change to a client.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Change {
    /// The person leaves the client.
    Leaves(Id),
    /// The person's stance becomes this (opposed, or a promoter).
    Stance(Id, Stance),
    /// The issue is resolved.
    Resolved(Id),
    /// A contract is signed, running until this date.
    ContractUntil(Date),
    /// The client invites a competitor in.
    CompetitorInvited,
}

/// The questions a competitor invited in answers "yes" (see the module text).
pub const COMPETITOR_QUESTIONS: [QuestionId; 2] = [QuestionId::SRivalContact, QuestionId::ROffers];

impl Change {
    /// One line a person reads, naming whom or what it concerns.
    pub fn describe(&self, client: &Client) -> String {
        let person = |id: &Id| {
            client
                .stakeholders
                .iter()
                .find(|s| &s.id == id)
                .map_or_else(|| "Someone".to_string(), |s| s.name.clone())
        };
        match self {
            Change::Leaves(id) => format!("{} leaves", person(id)),
            Change::Stance(id, s) => format!("{} becomes {}", person(id), s.name().to_lowercase()),
            Change::Resolved(id) => {
                let title = client.issues.iter().find(|i| &i.id == id).map_or_else(
                    || "An issue".to_string(),
                    |i| format!("\u{201c}{}\u{201d}", i.title),
                );
                format!("{title} is resolved")
            }
            Change::ContractUntil(d) => format!("A contract is signed until {d}"),
            Change::CompetitorInvited => "They invite a competitor in".to_string(),
        }
    }
}

/// An answer the simulation took as changed, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    pub question: QuestionId,
    pub from: Option<Answer>,
    pub to: Answer,
    pub because: String,
}

/// Everything the client page shows for one state of the client.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub verdict: Verdict,
    pub warnings: Vec<Warning>,
    /// Suggestions that differ from the check-up's answers.
    pub suggestions: Vec<Suggestion>,
    pub proposals: Vec<Proposal>,
}

impl Picture {
    pub fn of(client: &Client, today: Date) -> Picture {
        let view = assess(client, today);
        let suggestions = client.current_assessment().map_or_else(
            || suggestions(client, today),
            |a| pending_suggestions(client, a, today),
        );
        let proposals = proposals(client, &view.verdict, &view.warnings);
        Picture {
            verdict: view.verdict,
            warnings: view.warnings,
            suggestions,
            proposals,
        }
    }
}

/// Today and the simulation, side by side.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    pub today: Picture,
    pub simulated: Picture,
    /// The client as the simulation sees it (what "apply" would store).
    pub client: Client,
    pub answer_changes: Vec<AnswerChange>,
}

impl WhatIf {
    /// Proposals the simulation makes that today's plan does not.
    pub fn new_proposals(&self) -> Vec<&Proposal> {
        self.simulated
            .proposals
            .iter()
            .filter(|p| !self.today.proposals.iter().any(|t| t.key == p.key))
            .collect()
    }
}

/// Changes the record of `client` (a copy) for each hypothetical change.
fn change_record(client: &mut Client, changes: &[Change], today: Date) {
    for change in changes {
        match change {
            Change::Leaves(id) => {
                client.stakeholders.retain(|s| &s.id != id);
                for t in &mut client.touchpoints {
                    t.with.retain(|w| w != id);
                }
            }
            Change::Stance(id, stance) => {
                if let Some(s) = client.stakeholders.iter_mut().find(|s| &s.id == id) {
                    s.stance = *stance;
                }
            }
            Change::Resolved(id) => {
                if let Some(i) = client.issues.iter_mut().find(|i| &i.id == id) {
                    i.status = IssueStatus::Resolved;
                    i.resolved_on = Some(today);
                }
            }
            Change::ContractUntil(d) => client.profile.contract_end = Some(*d),
            Change::CompetitorInvited => {}
        }
    }
}

/// The answers the changed evidence moves, per the module's rule.
fn moved_answers(
    before: &Client,
    after: &Client,
    changes: &[Change],
    today: Date,
) -> Vec<AnswerChange> {
    let Some(assessment) = after.current_assessment() else {
        return Vec::new();
    };
    let old = suggestions(before, today);
    let new = suggestions(after, today);
    let mut out = Vec::new();
    for q in QuestionId::ALL {
        let current = assessment.answer(q);
        let was = old.iter().find(|s| s.question == q);
        let now = new.iter().find(|s| s.question == q);
        let target = match (was, now) {
            (_, Some(n)) if was.is_none_or(|w| w.answer != n.answer) => {
                Some((n.answer, format!("What-if: {}", n.because)))
            }
            (Some(w), None) if current == Some(w.answer) => Some((
                q.question().healthy,
                "What-if: the evidence behind this answer is gone".to_string(),
            )),
            _ => None,
        };
        let target =
            if changes.contains(&Change::CompetitorInvited) && COMPETITOR_QUESTIONS.contains(&q) {
                Some((
                    Answer::Yes,
                    "What-if: they invite a competitor in".to_string(),
                ))
            } else {
                target
            };
        if let Some((to, because)) = target {
            if current != Some(to) {
                out.push(AnswerChange {
                    question: q,
                    from: current,
                    to,
                    because,
                });
            }
        }
    }
    out
}

/// The client with the hypothetical changes made: record and answers. This is
/// also what "apply" stores, each changed answer noting why.
pub fn simulate(client: &Client, changes: &[Change], today: Date) -> (Client, Vec<AnswerChange>) {
    let mut copy = client.clone();
    change_record(&mut copy, changes, today);
    let moved = moved_answers(client, &copy, changes, today);
    if let Some(a) = copy.assessments.last_mut() {
        for m in &moved {
            a.answers.insert(
                m.question,
                AnswerEntry {
                    answer: m.to,
                    note: m.because.clone(),
                },
            );
        }
        refresh(a);
    }
    (copy, moved)
}

/// Today and the simulation side by side. `client` is only read.
pub fn evaluate(client: &Client, changes: &[Change], today: Date) -> WhatIf {
    let (copy, answer_changes) = simulate(client, changes, today);
    WhatIf {
        today: Picture::of(client, today),
        simulated: Picture::of(&copy, today),
        client: copy,
        answer_changes,
    }
}
