//! The portfolio view (METHOD.md, "The portfolio view"): the board with count
//! and revenue per category, the realism check, blind spots, movement since
//! the previous assessment, the due list, and lessons from a loss.
//!
//! The board, blind spots and movement can also be built one client at a
//! time ([`BoardTally`], [`blind_spot`], [`client_move`]) for the web app,
//! which keeps one memo per client; the whole-portfolio functions are made
//! of those same pieces, so the two cannot disagree.
//!
//! Per-client work (verdict and warning signs) is done once by
//! [`assess_portfolio`]; the summaries read those views, in the same order as
//! `portfolio.clients`.

use crate::domain::date::Date;
use crate::domain::model::Portfolio;

mod board;
mod due;
mod lessons;
mod movement;
mod view;

pub use board::{
    blind_spot, blind_spots, board, board_index, realism, BlindSpot, Board, BoardTally, Column,
    Realism, RevenueTotal, REALISM_MIN_ASSESSED,
};
pub use due::{due_list, renewal_due, DueItem, DueKind, DUE_ACTION_DAYS};
pub use lessons::{lessons_from_loss, teaches_a_loss, Lesson};
pub use movement::{
    client_move, movement, movement_of, revenue_change, trend, ClientMove, Movement, MovementTally,
    Trend,
};
pub use view::{assess, assess_portfolio, is_active, is_lost, ClientView};

/// Everything the portfolio view shows, computed together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub board: Board,
    pub realism: Realism,
    pub blind_spots: Vec<BlindSpot>,
    pub movement: Movement,
    pub due: Vec<DueItem>,
}

pub fn summarize(portfolio: &Portfolio, views: &[ClientView], today: Date) -> Summary {
    let board = board(portfolio, views);
    Summary {
        realism: realism(&board),
        blind_spots: blind_spots(portfolio, views),
        movement: movement(portfolio),
        due: due_list(portfolio, today),
        board,
    }
}
