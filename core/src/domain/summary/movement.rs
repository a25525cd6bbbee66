//! Movement between each client's last two assessments.

use crate::domain::engine::shown_category;
use crate::domain::model::{Category, Client, Id, Portfolio};

use super::board::board_index;
use super::view::is_active;

/// The direction of a client's move between its last two assessments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trend {
    Better,
    Same,
    Worse,
    /// To or from "not yet assessed": no direction can be claimed.
    Unclear,
}

pub fn trend(from: Category, to: Category) -> Trend {
    if from == to {
        Trend::Same
    } else if from == Category::Unassessed || to == Category::Unassessed {
        Trend::Unclear
    } else if to.severity() > from.severity() {
        Trend::Worse
    } else {
        Trend::Better
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientMove {
    pub client: Id,
    pub name: String,
    pub from: Category,
    pub to: Category,
    pub trend: Trend,
}

/// Movement between each client's previous and current assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Movement {
    /// `table[from][to]`, indexed by [`board_index`].
    pub table: [[usize; 5]; 5],
    /// Every active client with two assessments, movers first.
    pub clients: Vec<ClientMove>,
}

impl Movement {
    pub fn count(&self, from: Category, to: Category) -> usize {
        self.table[board_index(from)][board_index(to)]
    }
}

/// The categories shown at the previous and the current check-up (answers
/// recomputed, override included) and the direction of the move; `None`
/// without two check-ups.
pub fn client_move(client: &Client) -> Option<(Category, Category, Trend)> {
    let (prev, cur) = (client.previous_assessment()?, client.current_assessment()?);
    let (from, to) = (shown_category(prev), shown_category(cur));
    Some((from, to, trend(from, to)))
}

/// The transition table between the last two assessment rounds (categories
/// as shown, recomputed from the answers so stale snapshots cannot mislead).
pub fn movement(portfolio: &Portfolio) -> Movement {
    let mut tally = MovementTally::default();
    portfolio.clients.iter().for_each(|c| tally.add(c));
    tally.finish().0
}

/// The movement and its revenue change built one client at a time, in one
/// pass: a caller whose clients sit behind signals (the board, the team
/// view) adds each in place instead of copying the whole portfolio.
#[derive(Clone, Debug, Default)]
pub struct MovementTally {
    table: [[usize; 5]; 5],
    clients: Vec<ClientMove>,
    revenue: [i64; 5],
}

impl MovementTally {
    /// Counts `client` if it is active and has two check-ups.
    pub fn add(&mut self, client: &Client) {
        if !is_active(client) {
            return;
        }
        let Some((from, to, trend)) = client_move(client) else {
            return;
        };
        let (f, t) = (board_index(from), board_index(to));
        self.table[f][t] += 1;
        if from != to {
            let revenue = client
                .profile
                .annual_revenue
                .map_or(0, |r| i64::try_from(r).unwrap_or(i64::MAX));
            self.revenue[f] = self.revenue[f].saturating_sub(revenue);
            self.revenue[t] = self.revenue[t].saturating_add(revenue);
        }
        self.clients.push(ClientMove {
            client: client.id.clone(),
            name: client.profile.name.clone(),
            from,
            to,
            trend,
        });
    }

    /// The movement (movers first, then by name) and the net change of
    /// revenue per category, as [`revenue_change`] computes it.
    pub fn finish(mut self) -> (Movement, [i64; 5]) {
        let rank = |t: Trend| match t {
            Trend::Worse => 0,
            Trend::Unclear => 1,
            Trend::Better => 2,
            Trend::Same => 3,
        };
        crate::domain::sorting::sort_by(&mut self.clients, |a, b| {
            rank(a.trend)
                .cmp(&rank(b.trend))
                .then_with(|| a.name.cmp(&b.name))
        });
        let movement = Movement {
            table: self.table,
            clients: self.clients,
        };
        (movement, self.revenue)
    }
}

/// The net change of annual revenue per category (indexed by
/// [`board_index`]) from the clients' moves: a client that moved takes its
/// revenue out of the category it left and into the one it entered.
pub fn revenue_change(portfolio: &Portfolio, movement: &Movement) -> [i64; 5] {
    let mut out = [0i64; 5];
    for m in movement.clients.iter().filter(|m| m.from != m.to) {
        let revenue = portfolio
            .clients
            .iter()
            .find(|c| c.id == m.client)
            .and_then(|c| c.profile.annual_revenue)
            .map_or(0, |r| i64::try_from(r).unwrap_or(i64::MAX));
        out[board_index(m.from)] = out[board_index(m.from)].saturating_sub(revenue);
        out[board_index(m.to)] = out[board_index(m.to)].saturating_add(revenue);
    }
    out
}

/// The movement and its revenue change over any set of clients: the team
/// view passes the clients combined from every member's file.
pub fn movement_of<'a>(clients: impl IntoIterator<Item = &'a Client>) -> (Movement, [i64; 5]) {
    let mut tally = MovementTally::default();
    clients.into_iter().for_each(|c| tally.add(c));
    tally.finish()
}
