//! The board (count and revenue per category), the realism check and the
//! blind spots.

use crate::domain::model::{Category, Id, Portfolio};

use super::view::{active, ClientView};

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

/// Count and revenue per shown category (override included) of active clients.
pub fn board(portfolio: &Portfolio, views: &[ClientView]) -> Board {
    let mut columns: Vec<Column> = Category::BOARD_ORDER
        .iter()
        .map(|&category| Column::empty(category))
        .collect();
    for (client, view) in active(portfolio, views) {
        let col = &mut columns[board_index(view.verdict.category)];
        col.count += 1;
        match client.profile.annual_revenue {
            Some(r) => col.revenue = col.revenue.saturating_add(r),
            None => col.revenue_unknown += 1,
        }
        col.clients.push(client.id.clone());
    }
    let lost = portfolio
        .clients
        .iter()
        .filter(|c| !c.archived && c.lost_on.is_some());
    Board {
        lost: lost.clone().count(),
        lost_revenue: lost
            .filter_map(|c| c.profile.annual_revenue)
            .fold(0, u64::saturating_add),
        columns,
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

/// Clients whose computed category is worse than the gut placement, widest gap first.
pub fn blind_spots(portfolio: &Portfolio, views: &[ClientView]) -> Vec<BlindSpot> {
    let mut out: Vec<BlindSpot> = active(portfolio, views)
        .filter_map(|(client, view)| {
            let gut = client.current_assessment()?.gut?;
            let computed = view.verdict.computed;
            (computed.severity() > gut.severity()).then(|| BlindSpot {
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
