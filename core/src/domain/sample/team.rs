//! The demo team: a few invented salespeople's portfolios for a manager's
//! first look at the team view, with some clients shared between two people
//! (so the combined board has something to combine) and two check-up rounds
//! (so there is movement to show).

use crate::domain::date::Date;
use crate::domain::model::Portfolio;

use super::{generate_clients, SampleShape, DEMO_SEED};

/// The invented salespeople, in the order their files open.
pub const DEMO_TEAM: [&str; 5] = [
    "Alex Moreau",
    "Priya Nair",
    "Tom Becker",
    "Lena Okafor",
    "Jonas Hale",
];

/// Clients per person, before the shared ones.
const OWN_CLIENTS: usize = 24;
/// Clients each person also holds from the next person's list.
const SHARED: usize = 3;

/// One portfolio per [`DEMO_TEAM`] member, dated relative to `today`: each
/// holds its own clients (numbered apart, so they differ) and the first few
/// of the next person's, as when two people look after one account.
pub fn demo_team(today: Date) -> Vec<Portfolio> {
    let own: Vec<_> = (0..DEMO_TEAM.len())
        .map(|i| {
            let seed = DEMO_SEED ^ (0x7EA3 + i as u64);
            generate_clients(seed, 600 * (i + 1), OWN_CLIENTS, today, SampleShape::DEMO)
        })
        .collect();
    DEMO_TEAM
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let next = &own[(i + 1) % own.len()];
            let mut clients = own[i].clone();
            clients.extend(next.iter().take(SHARED).cloned());
            Portfolio {
                owner: (*name).to_string(),
                clients,
            }
        })
        .collect()
}
