//! Fragile clients (issue 16): one departure away from a worse category.
//! Each person's departure is simulated by the what-if rules
//! ([`super::whatif`]); the client is fragile if any one of them alone
//! would move the engine's category to a more severe one.

use super::date::Date;
use super::engine::category_of;
use super::model::{Category, Client, Stakeholder};
use super::whatif::{simulate, Change};

/// The category the engine would give `client` if `person` left.
pub fn category_if_leaves(client: &Client, person: &Stakeholder, today: Date) -> Category {
    let (copy, _) = simulate(client, &[Change::Leaves(person.id.clone())], today);
    copy.current_assessment()
        .map_or(Category::Unassessed, |a| category_of(&a.answers))
}

/// The people whose departure alone would make the client's category worse,
/// each with the category it would fall to.
pub fn departures_that_hurt(client: &Client, today: Date) -> Vec<(&Stakeholder, Category)> {
    let Some(a) = client.current_assessment() else {
        return Vec::new();
    };
    let now = category_of(&a.answers).severity();
    // Nothing is worse than an inevitable loss: skip the simulations (the
    // board asks this of every client).
    if now >= Category::InevitableLoss.severity() {
        return Vec::new();
    }
    client
        .stakeholders
        .iter()
        .map(|s| (s, category_if_leaves(client, s, today)))
        .filter(|(_, c)| c.severity() > now)
        .collect()
}

/// Whether one departure would move the client to a worse category.
pub fn is_fragile(client: &Client, today: Date) -> bool {
    !departures_that_hurt(client, today).is_empty()
}
