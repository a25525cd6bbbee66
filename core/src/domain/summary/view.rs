//! Each client's verdict and warning signs for one "today", computed once
//! for all the summaries.

use crate::domain::date::Date;
use crate::domain::engine::{client_verdict, Verdict};
use crate::domain::model::{Client, Portfolio};
use crate::domain::warnings::{warning_signs, Warning};

/// A client's verdict and warning signs for one "today".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientView {
    pub verdict: Verdict,
    pub warnings: Vec<Warning>,
}

/// The verdict and warning signs of one client.
pub fn assess(client: &Client, today: Date) -> ClientView {
    let verdict = client_verdict(client);
    // Renewal warnings follow the computed category: an override cannot silence them.
    let warnings = warning_signs(client, verdict.computed, today);
    ClientView { verdict, warnings }
}

/// Views for every client, in portfolio order.
pub fn assess_portfolio(portfolio: &Portfolio, today: Date) -> Vec<ClientView> {
    portfolio.clients.iter().map(|c| assess(c, today)).collect()
}

/// Clients still being served: not archived and not marked lost.
pub fn is_active(client: &Client) -> bool {
    !client.archived && client.lost_on.is_none()
}

/// A client marked lost and not archived: left off the board, but counted
/// (with its revenue) beside it.
pub fn is_lost(client: &Client) -> bool {
    !client.archived && client.lost_on.is_some()
}

/// Active clients with their views.
pub(super) fn active<'a>(
    portfolio: &'a Portfolio,
    views: &'a [ClientView],
) -> impl Iterator<Item = (&'a Client, &'a ClientView)> {
    portfolio
        .clients
        .iter()
        .zip(views)
        .filter(|(c, _)| is_active(c))
}
