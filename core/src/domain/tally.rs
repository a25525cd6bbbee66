//! The portfolio view (METHOD.md, "The portfolio view") built one client at
//! a time, for callers that hold each client's [`ClientView`] apart and
//! cannot hand [`summary`](super::summary) a whole portfolio (the web app
//! keeps one memo per client). The results are the same as
//! [`board`](super::summary::board), [`blind_spots`](super::summary::blind_spots)
//! and [`movement`](super::summary::movement) give (tested).

use super::engine::shown_category;
use super::model::{Category, Client};
use super::summary::{board_index, is_active, trend, Board, ClientView, Column, Trend};

/// A client marked lost and not archived: left off the board, but counted
/// (with its revenue) beside it.
pub fn is_lost(client: &Client) -> bool {
    !client.archived && client.lost_on.is_some()
}

/// `(gut, computed)` when the user's gut placement at the current check-up
/// was safer than what the answers compute: a blind spot.
pub fn blind_spot(client: &Client, view: &ClientView) -> Option<(Category, Category)> {
    let gut = client.current_assessment()?.gut?;
    let computed = view.verdict.computed;
    (computed.severity() > gut.severity()).then_some((gut, computed))
}

/// The categories shown at the previous and the current check-up (answers
/// recomputed, override included) and the direction of the move; `None`
/// without two check-ups.
pub fn client_move(client: &Client) -> Option<(Category, Category, Trend)> {
    let (prev, cur) = (client.previous_assessment()?, client.current_assessment()?);
    let (from, to) = (shown_category(prev), shown_category(cur));
    Some((from, to, trend(from, to)))
}

/// Known annual revenues summed (never overflowing) and unknown ones
/// counted, so a total can say it is a lower bound.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RevenueTotal {
    pub known: u64,
    pub unknown: usize,
}

impl RevenueTotal {
    pub fn add(&mut self, revenue: Option<u64>) {
        match revenue {
            Some(r) => self.known = self.known.saturating_add(r),
            None => self.unknown += 1,
        }
    }

    pub fn of(revenues: impl IntoIterator<Item = Option<u64>>) -> RevenueTotal {
        let mut total = RevenueTotal::default();
        for r in revenues {
            total.add(r);
        }
        total
    }
}

/// The board built client by client: [`add`](BoardTally::add) every client
/// (active, lost or archived), then read [`board`](BoardTally::board).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardTally {
    board: Board,
}

impl Default for BoardTally {
    fn default() -> Self {
        BoardTally::new()
    }
}

impl BoardTally {
    pub fn new() -> BoardTally {
        BoardTally {
            board: Board {
                columns: Category::BOARD_ORDER.map(Column::empty).to_vec(),
                lost: 0,
                lost_revenue: 0,
            },
        }
    }

    /// Counts one client: an active one in the column of its shown
    /// category, a lost one beside the board, an archived one nowhere.
    pub fn add(&mut self, client: &Client, view: &ClientView) {
        let revenue = client.profile.annual_revenue;
        if is_active(client) {
            let column = &mut self.board.columns[board_index(view.verdict.category)];
            column.count += 1;
            let mut total = RevenueTotal {
                known: column.revenue,
                unknown: column.revenue_unknown,
            };
            total.add(revenue);
            (column.revenue, column.revenue_unknown) = (total.known, total.unknown);
            column.clients.push(client.id.clone());
        } else if is_lost(client) {
            self.board.lost += 1;
            self.board.lost_revenue = self.board.lost_revenue.saturating_add(revenue.unwrap_or(0));
        }
    }

    pub fn board(&self) -> &Board {
        &self.board
    }

    pub fn into_board(self) -> Board {
        self.board
    }
}
