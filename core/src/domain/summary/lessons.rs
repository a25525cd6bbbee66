//! Lessons from a loss: active clients showing what came before it.

use std::cmp::Reverse;

use crate::domain::model::{Client, Id, Portfolio};
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
