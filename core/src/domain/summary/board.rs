//! The board (count and revenue per category), the realism check and the
//! blind spots.

use crate::domain::model::{Category, Client, Id, Portfolio};

use super::view::{active, is_active, is_lost, ClientView};

/// With at least this many assessed clients, an empty category is suspicious.
pub const REALISM_MIN_ASSESSED: usize = 10;

/// Position of a category in `Category::BOARD_ORDER`.
pub fn board_index(category: Category) -> usize {
    Category::BOARD_ORDER
        .iter()
        .position(|c| *c == category)
        .unwrap_or(Category::BOARD_ORDER.len() - 1)
}

/// One column of the board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub category: Category,
    pub count: usize,
    /// Sum of the known annual revenues of its clients.
    pub revenue: u64,
    /// Clients whose revenue is unknown (so the sum is a lower bound).
    pub revenue_unknown: usize,
    pub clients: Vec<Id>,
}

impl Column {
    /// An empty column for a category.
    pub fn empty(category: Category) -> Column {
        Column {
            category,
            count: 0,
            revenue: 0,
            revenue_unknown: 0,
            clients: Vec::new(),
        }
    }
}

/// The board: one column per category in `BOARD_ORDER`, plus the lost clients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Board {
    pub columns: Vec<Column>,
    pub lost: usize,
    pub lost_revenue: u64,
}

impl Board {
    pub fn column(&self, category: Category) -> Option<&Column> {
        self.columns.iter().find(|c| c.category == category)
    }
}

/// Count and revenue per shown category (override included) of active
/// clients, with the lost ones beside the board: [`BoardTally`] over the
/// whole portfolio, so the board built client by client is the same board.
pub fn board(portfolio: &Portfolio, views: &[ClientView]) -> Board {
    let mut tally = BoardTally::new();
    for (client, view) in portfolio.clients.iter().zip(views) {
        tally.add(client, view);
    }
    tally.into_board()
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

/// The board built client by client (the web app keeps one memo per client
/// and cannot hand [`board`] a whole portfolio): [`add`](BoardTally::add)
/// every client (active, lost or archived), then read the board.
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

/// The realism check: an honest look at a real list finds clients everywhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Realism {
    pub assessed: usize,
    /// Placements with no client in them.
    pub empty: Vec<Category>,
    /// True when the app should ask "are you being honest with yourself?".
    pub ask: bool,
}

pub fn realism(board: &Board) -> Realism {
    let assessed = board
        .columns
        .iter()
        .filter(|c| c.category != Category::Unassessed)
        .map(|c| c.count)
        .sum();
    let empty: Vec<Category> = Category::PLACEMENTS
        .into_iter()
        .filter(|cat| board.column(*cat).is_none_or(|c| c.count == 0))
        .collect();
    Realism {
        assessed,
        ask: assessed >= REALISM_MIN_ASSESSED && !empty.is_empty(),
        empty,
    }
}

/// A client the user felt safer about than the questionnaire shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlindSpot {
    pub client: Id,
    pub name: String,
    pub gut: Category,
    pub computed: Category,
}

impl BlindSpot {
    /// How many steps worse than the gut feeling.
    pub fn gap(&self) -> u8 {
        self.computed.severity().saturating_sub(self.gut.severity())
    }
}

/// `(gut, computed)` when the user's gut placement at the current check-up
/// was safer than what the answers compute: a blind spot.
pub fn blind_spot(client: &Client, view: &ClientView) -> Option<(Category, Category)> {
    let gut = client.current_assessment()?.gut?;
    let computed = view.verdict.computed;
    (computed.severity() > gut.severity()).then_some((gut, computed))
}

/// Clients whose computed category is worse than the gut placement, widest gap first.
pub fn blind_spots(portfolio: &Portfolio, views: &[ClientView]) -> Vec<BlindSpot> {
    let mut out: Vec<BlindSpot> = active(portfolio, views)
        .filter_map(|(client, view)| {
            let (gut, computed) = blind_spot(client, view)?;
            Some(BlindSpot {
                client: client.id.clone(),
                name: client.profile.name.clone(),
                gut,
                computed,
            })
        })
        .collect();
    crate::domain::sorting::sort_by(&mut out, |a, b| {
        b.gap().cmp(&a.gap()).then_with(|| a.name.cmp(&b.name))
    });
    out
}
