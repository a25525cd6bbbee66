//! Lessons from a loss: active clients showing what came before it.

use std::cmp::Reverse;

use crate::domain::date::Date;
use crate::domain::model::{Action, Client, Id, Portfolio, TriageOutcome};
use crate::domain::questions::QuestionId;
use crate::domain::warnings::{warning_signs, WarningSign};

use super::view::{active, ClientView};

/// Another client showing what came before a loss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub client: Id,
    pub name: String,
    pub signs: Vec<WarningSign>,
    pub reasons: Vec<QuestionId>,
}

/// The warning signs and reasons a client showed: for a lost client, as on
/// the day it was lost.
fn signs_and_reasons(client: &Client, view: &ClientView) -> (Vec<WarningSign>, Vec<QuestionId>) {
    let signs = match client.lost_on {
        Some(day) => warning_signs(client, view.verdict.computed, day)
            .into_iter()
            .map(|w| w.sign)
            .collect(),
        None => view.warnings.iter().map(|w| w.sign).collect(),
    };
    let reasons = view.verdict.reasons.iter().map(|r| r.question).collect();
    (signs, reasons)
}

/// The active clients that share a warning sign or a reason with the lost
/// client `lost`, those sharing most first. Empty if `lost` is not found.
pub fn lessons_from_loss(portfolio: &Portfolio, views: &[ClientView], lost: &Id) -> Vec<Lesson> {
    let Some((lost_client, lost_view)) = portfolio
        .clients
        .iter()
        .zip(views)
        .find(|(c, _)| &c.id == lost)
    else {
        return Vec::new();
    };
    let (lost_signs, lost_reasons) = signs_and_reasons(lost_client, lost_view);
    let mut out: Vec<Lesson> = active(portfolio, views)
        .filter(|(c, _)| &c.id != lost)
        .filter_map(|(client, view)| {
            let (signs, reasons) = signs_and_reasons(client, view);
            let signs: Vec<_> = signs
                .into_iter()
                .filter(|s| lost_signs.contains(s))
                .collect();
            let reasons: Vec<_> = reasons
                .into_iter()
                .filter(|q| lost_reasons.contains(q))
                .collect();
            (!signs.is_empty() || !reasons.is_empty()).then(|| Lesson {
                client: client.id.clone(),
                name: client.profile.name.clone(),
                signs,
                reasons,
            })
        })
        .collect();
    crate::domain::sorting::sort_by(&mut out, |a, b| {
        Reverse(a.signs.len() + a.reasons.len())
            .cmp(&Reverse(b.signs.len() + b.reasons.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// Whether a client's page should show the lessons of its loss: it was
/// marked lost, or triage decided to let it go.
pub fn teaches_a_loss(client: &Client) -> bool {
    client.lost_on.is_some()
        || client
            .triage
            .as_ref()
            .is_some_and(|t| t.outcome == TriageOutcome::LetGoWell)
}

impl Lesson {
    /// What the client shares with the lost one, in words: warning signs
    /// first, then the questions answered the same worrying way.
    pub fn shared(&self) -> Vec<String> {
        self.signs
            .iter()
            .map(|s| s.label().to_string())
            .chain(self.reasons.iter().map(|q| q.question().text.to_string()))
            .collect()
    }

    /// The follow-up action offered on the lost client's page, due in a week.
    pub fn action(&self, lost_name: &str, id: Id, today: Date, owner: &str) -> Action {
        Action {
            id,
            title: format!("Check for what came before losing {lost_name}"),
            due: Some(today.add_days(7)),
            owner: owner.to_string(),
            done: false,
            proposal: None,
            notes: format!("Shares with {lost_name}: {}.", self.shared().join("; ")),
        }
    }
}
