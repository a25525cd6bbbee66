//! Suggested answers from the evidence (METHOD.md, "Evidence the app keeps,
//! and what it suggests from it").
//!
//! A suggestion is only a proposal: it carries the evidence that produced it
//! and becomes an answer only through [`confirm`], an explicit user step.

use super::date::Date;
use super::engine::set_answer;
use super::evidence::{days_open, Evidence};
use super::model::{Answer, Assessment, Client, Role, Severity, Stakeholder, Stance};
use super::questions::QuestionId;

/// An issue open longer than this suggests a history of unresolved problems.
pub const UNRESOLVED_DAYS: i32 = 30;

/// An answer the evidence points to, not yet the user's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub question: QuestionId,
    pub answer: Answer,
    /// Why, in one line of our own words.
    pub because: &'static str,
    /// The people, issues or dates that produced it.
    pub evidence: Vec<Evidence>,
}

impl Suggestion {
    /// Whether the assessment already holds this answer (nothing to confirm).
    pub fn is_answered_by(&self, assessment: &Assessment) -> bool {
        assessment.answer(self.question) == Some(self.answer)
    }

    /// The note recorded with the answer on confirmation: the reason and the evidence.
    pub fn note(&self) -> String {
        let items: Vec<String> = self.evidence.iter().map(Evidence::describe).collect();
        if items.is_empty() {
            self.because.to_string()
        } else {
            format!("{} ({})", self.because, items.join("; "))
        }
    }
}

fn leads(s: &Stakeholder) -> bool {
    matches!(s.role, Role::DecisionMaker | Role::Influencer)
}

/// Every suggestion the evidence supports on `today`, in questionnaire order.
pub fn suggestions(client: &Client, today: Date) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut push = |question, answer, because, evidence: Vec<Evidence>| {
        if !evidence.is_empty() {
            out.push(Suggestion {
                question,
                answer,
                because,
                evidence,
            });
        }
    };
    let people = &client.stakeholders;
    let who = |f: &dyn Fn(&Stakeholder) -> bool| -> Vec<Evidence> {
        people
            .iter()
            .filter(|s| f(s))
            .map(Evidence::stakeholder)
            .collect()
    };

    push(
        QuestionId::SDissent,
        Answer::Yes,
        "Someone there is recorded as dissatisfied or opposed",
        who(&|s| s.stance.is_obstacle()),
    );
    push(
        QuestionId::SFeedbackAll,
        Answer::No,
        "We have no feedback from some people",
        who(&|s| s.feedback_on.is_none()),
    );
    if !people.iter().any(|s| s.stance == Stance::Promoter) {
        push(
            QuestionId::SPromoters,
            Answer::No,
            "Nobody there is recorded as a promoter",
            who(&|_| true),
        );
    }
    if let Some(end) = client.profile.contract_end {
        let (answer, because) = if end > today {
            (Answer::Yes, "A contract runs until a date still ahead")
        } else {
            (Answer::No, "The recorded contract has already ended")
        };
        push(
            QuestionId::SContract,
            answer,
            because,
            vec![Evidence::ContractEnd(end)],
        );
    }
    push(
        QuestionId::NUnresolved,
        Answer::Yes,
        "An issue has been open for more than 30 days",
        client
            .issues
            .iter()
            .filter(|i| days_open(i, today) > UNRESOLVED_DAYS)
            .map(Evidence::issue)
            .collect(),
    );
    push(
        QuestionId::NUnhappyLeader,
        Answer::Yes,
        "A decision-maker or influencer is dissatisfied or opposed",
        who(&|s| leads(s) && s.stance.is_obstacle()),
    );
    push(
        QuestionId::NRivalPref,
        Answer::Yes,
        "A decision-maker or influencer is known to prefer a competitor",
        who(&|s| leads(s) && !s.rival_preference.trim().is_empty()),
    );
    push(
        QuestionId::RSeriousIssues,
        Answer::Yes,
        "A serious issue is still open",
        client
            .issues
            .iter()
            .filter(|i| i.is_open() && i.severity == Severity::Serious)
            .map(Evidence::issue)
            .collect(),
    );
    out
}

/// The suggestions that differ from what the assessment already says.
pub fn pending_suggestions(
    client: &Client,
    assessment: &Assessment,
    today: Date,
) -> Vec<Suggestion> {
    suggestions(client, today)
        .into_iter()
        .filter(|s| !s.is_answered_by(assessment))
        .collect()
}

/// The user confirms a suggestion: it becomes their answer, with the
/// evidence added to any note they had already written.
pub fn confirm(assessment: &mut Assessment, suggestion: &Suggestion) {
    let evidence = suggestion.note();
    let note = match assessment.answers.get(&suggestion.question) {
        Some(e) if !e.note.trim().is_empty() && e.note != evidence => {
            format!("{}\n{evidence}", e.note)
        }
        _ => evidence,
    };
    set_answer(assessment, suggestion.question, suggestion.answer, &note);
}
