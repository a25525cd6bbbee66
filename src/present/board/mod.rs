//! The board's rows and columns: one row per active client with what its
//! card and its table row show, the rows by column (largest revenue first),
//! the owners and tags the filters offer, and the board's counts from the
//! domain's [`BoardTally`] (lost clients, realism).

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::domain::summary::{board_index, is_active};
use crate::domain::{
    blind_spot, client_move, Board, BoardTally, Category, Client, ClientView, Date, Id, Trend,
    WarningSign,
};

mod card;
mod filter;
#[cfg(test)]
mod tests;

pub use card::{override_note, trend_mark, CardText, TrendMark};
pub use filter::{like_lost, lost_choices, sort_rows, Filter, LostChoice, Share, SortKey};

/// What changed since the previous check-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Since {
    /// Never assessed: nothing to say.
    Nothing,
    /// The first check-up, or a move to or from "not yet assessed".
    New,
    Moved(Trend),
}

impl Since {
    /// The client's move between its last two check-ups, as the board tells it.
    pub fn of(client: &Client) -> Since {
        match client_move(client) {
            Some((_, _, Trend::Unclear)) => Since::New,
            Some((_, _, trend)) => Since::Moved(trend),
            None if client.current_assessment().is_some() => Since::New,
            None => Since::Nothing,
        }
    }
}

/// One active client as the board shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Row {
    pub id: Id,
    pub name: String,
    /// Lower-case name, for the search box.
    pub key: String,
    pub revenue: Option<u64>,
    pub contract_end: Option<Date>,
    pub owner: String,
    pub tags: Vec<String>,
    /// The category shown (the override when there is one).
    pub category: Category,
    /// The engine's category when an override shows another one, so the
    /// card can say both.
    pub computed: Option<Category>,
    pub warnings: Vec<WarningSign>,
    pub since: Since,
    /// `(gut, computed)` when the gut placement was safer than the answers.
    pub blind_spot: Option<(Category, Category)>,
    /// One departure away from a worse category (`domain::fragile`).
    pub fragile: bool,
    /// The card's texts, built with the row so that opening the board again
    /// only builds the elements.
    pub card: CardText,
}

/// "Unnamed client" for a blank name.
pub fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "Unnamed client".to_string()
    } else {
        name.to_string()
    }
}

impl Row {
    /// The row of an active client.
    pub fn new(client: &Client, view: &ClientView, today: Date) -> Row {
        let name = display_name(&client.profile.name);
        let mut row = Row {
            id: client.id.clone(),
            key: name.to_lowercase(),
            name,
            revenue: client.profile.annual_revenue,
            contract_end: client.profile.contract_end,
            owner: client.profile.owner.trim().to_string(),
            tags: client
                .profile
                .tags
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            category: view.verdict.category,
            computed: (view.verdict.computed != view.verdict.category)
                .then_some(view.verdict.computed),
            warnings: view.warnings.iter().map(|w| w.sign).collect(),
            since: Since::of(client),
            blind_spot: blind_spot(client, view),
            fragile: crate::domain::fragile::is_fragile(client, today),
            card: CardText::default(),
        };
        row.card = CardText::new(&row, today);
        row
    }
}

/// The active clients, by column, and the board's counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rows {
    pub rows: Vec<Arc<Row>>,
    /// The rows by column ([`board_index`]), largest revenue first.
    pub columns: Vec<Vec<Arc<Row>>>,
    /// Every owner and tag named, sorted, for the filters.
    pub owners: Vec<String>,
    pub tags: Vec<String>,
    /// Counts and revenue per column and of the lost clients (unfiltered).
    pub board: Board,
}

impl Default for Rows {
    fn default() -> Self {
        RowsBuilder::new(Date::from_days_since_epoch(0)).finish()
    }
}

/// Builds [`Rows`] one client at a time (the web app reads each client from
/// its own memo).
pub struct RowsBuilder {
    today: Date,
    rows: Vec<Arc<Row>>,
    tally: BoardTally,
}

impl RowsBuilder {
    pub fn new(today: Date) -> RowsBuilder {
        RowsBuilder {
            today,
            rows: Vec::new(),
            tally: BoardTally::new(),
        }
    }

    /// Counts any client; an active one also gets a row.
    pub fn add(&mut self, client: &Client, view: &ClientView) {
        self.tally.add(client, view);
        if is_active(client) {
            self.rows.push(Arc::new(Row::new(client, view, self.today)));
        }
    }

    pub fn finish(self) -> Rows {
        let mut columns = vec![Vec::new(); Category::BOARD_ORDER.len()];
        for r in &self.rows {
            columns[board_index(r.category)].push(r.clone());
        }
        for col in &mut columns {
            // Largest first, so the capped view shows what matters most.
            col.sort_by(|a: &Arc<Row>, b: &Arc<Row>| {
                b.revenue
                    .cmp(&a.revenue)
                    .then_with(|| a.key.cmp(&b.key))
                    .then_with(|| a.id.cmp(&b.id))
            });
        }
        let owners: BTreeSet<&str> = self
            .rows
            .iter()
            .map(|r| r.owner.as_str())
            .filter(|o| !o.is_empty())
            .collect();
        let owners = owners.into_iter().map(String::from).collect();
        let tags: BTreeSet<&str> = self
            .rows
            .iter()
            .flat_map(|r| r.tags.iter().map(String::as_str))
            .collect();
        let tags = tags.into_iter().map(String::from).collect();
        Rows {
            columns,
            owners,
            tags,
            board: self.tally.into_board(),
            rows: self.rows,
        }
    }
}

/// The board's rows of `clients` (each with its view) for `today`.
pub fn rows<'a>(
    clients: impl IntoIterator<Item = (&'a Client, &'a ClientView)>,
    today: Date,
) -> Rows {
    let mut builder = RowsBuilder::new(today);
    for (client, view) in clients {
        builder.add(client, view);
    }
    builder.finish()
}
