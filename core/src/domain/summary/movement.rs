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
    let mut table = [[0; 5]; 5];
    let mut clients = Vec::new();
    for client in portfolio.clients.iter().filter(|c| is_active(c)) {
        let Some((from, to, trend)) = client_move(client) else {
            continue;
        };
        table[board_index(from)][board_index(to)] += 1;
        clients.push(ClientMove {
            client: client.id.clone(),
            name: client.profile.name.clone(),
            from,
            to,
            trend,
        });
    }
    let rank = |t: Trend| match t {
        Trend::Worse => 0,
        Trend::Unclear => 1,
        Trend::Better => 2,
        Trend::Same => 3,
    };
    crate::domain::sorting::sort_by(&mut clients, |a, b| {
        rank(a.trend)
            .cmp(&rank(b.trend))
            .then_with(|| a.name.cmp(&b.name))
    });
    Movement { table, clients }
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
        out[board_index(m.from)] -= revenue;
        out[board_index(m.to)] += revenue;
    }
    out
}

/// The movement and its revenue change over any set of clients: the team
/// view passes the clients combined from every member's file.
pub fn movement_of(clients: impl IntoIterator<Item = Client>) -> (Movement, [i64; 5]) {
    let portfolio = Portfolio {
        owner: String::new(),
        clients: clients.into_iter().collect(),
    };
    let m = movement(&portfolio);
    let revenue = revenue_change(&portfolio, &m);
    (m, revenue)
}
