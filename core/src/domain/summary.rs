//! The portfolio view (METHOD.md, "The portfolio view"): the board with count
//! and revenue per category, the realism check, blind spots, movement since
//! the previous assessment, the due list, and lessons from a loss.
//!
//! Per-client work (verdict and warning signs) is done once by
//! [`assess_portfolio`]; the summaries read those views, in the same order as
//! `portfolio.clients`.

use std::cmp::Reverse;

use super::date::Date;
use super::engine::{client_verdict, shown_category, Verdict};
use super::model::{Category, Client, Id, Portfolio};
use super::questions::QuestionId;
use super::warnings::{warning_signs, Warning, WarningSign, ASSESSMENT_STALE_DAYS, RENEWAL_MONTHS};

/// With at least this many assessed clients, an empty category is suspicious.
pub const REALISM_MIN_ASSESSED: usize = 10;
/// Open actions due within this many days appear on the due list.
pub const DUE_ACTION_DAYS: i32 = 14;

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

/// Active clients with their views.
fn active<'a>(
    portfolio: &'a Portfolio,
    views: &'a [ClientView],
) -> impl Iterator<Item = (&'a Client, &'a ClientView)> {
    portfolio
        .clients
        .iter()
        .zip(views)
        .filter(|(c, _)| is_active(c))
}

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

/// The transition table between the last two assessment rounds (categories
/// as shown, recomputed from the answers so stale snapshots cannot mislead).
pub fn movement(portfolio: &Portfolio) -> Movement {
    let mut table = [[0; 5]; 5];
    let mut clients = Vec::new();
    for client in portfolio.clients.iter().filter(|c| is_active(c)) {
        let (Some(prev), Some(cur)) = (client.previous_assessment(), client.current_assessment())
        else {
            continue;
        };
        let (from, to) = (shown_category(prev), shown_category(cur));
        table[board_index(from)][board_index(to)] += 1;
        clients.push(ClientMove {
            client: client.id.clone(),
            name: client.profile.name.clone(),
            from,
            to,
            trend: trend(from, to),
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

/// What is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueKind {
    Action {
        id: Id,
        title: String,
    },
    /// A check-up: `last` is the previous one, `None` if never assessed.
    Reassessment {
        last: Option<Date>,
    },
    Renewal {
        contract_end: Date,
    },
}

impl DueKind {
    /// Stable id for the UI.
    pub fn id(&self) -> &'static str {
        match self {
            DueKind::Action { .. } => "action",
            DueKind::Reassessment { .. } => "reassessment",
            DueKind::Renewal { .. } => "renewal",
        }
    }

    fn rank(&self) -> u8 {
        match self {
            DueKind::Renewal { .. } => 0,
            DueKind::Action { .. } => 1,
            DueKind::Reassessment { .. } => 2,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueItem {
    pub client: Id,
    pub client_name: String,
    pub kind: DueKind,
    pub due: Date,
    /// Days from today to `due`; negative when overdue.
    pub days_left: i32,
}

/// Actions due within [`DUE_ACTION_DAYS`] (or overdue), check-ups older than
/// a quarter (or never done), and renewals within six months; most urgent first.
pub fn due_list(portfolio: &Portfolio, today: Date) -> Vec<DueItem> {
    let mut out = Vec::new();
    let renewal_horizon = today.add_months(RENEWAL_MONTHS);
    for client in portfolio.clients.iter().filter(|c| is_active(c)) {
        let mut add = |kind, due: Date| {
            out.push(DueItem {
                client: client.id.clone(),
                client_name: client.profile.name.clone(),
                kind,
                due,
                days_left: due.days_since(today),
            })
        };
        for a in client.actions.iter().filter(|a| !a.done) {
            if let Some(due) = a.due.filter(|d| d.days_since(today) <= DUE_ACTION_DAYS) {
                let kind = DueKind::Action {
                    id: a.id.clone(),
                    title: a.title.clone(),
                };
                add(kind, due);
            }
        }
        match client.current_assessment() {
            Some(a) if today.days_since(a.date) > ASSESSMENT_STALE_DAYS => add(
                DueKind::Reassessment { last: Some(a.date) },
                a.date.add_days(ASSESSMENT_STALE_DAYS),
            ),
            Some(_) => {}
            None => add(DueKind::Reassessment { last: None }, today),
        }
        if let Some(end) = client.profile.contract_end {
            if end >= today && end <= renewal_horizon {
                add(DueKind::Renewal { contract_end: end }, end);
            }
        }
    }
    crate::domain::sorting::sort_by(&mut out, |a, b| {
        a.due
            .cmp(&b.due)
            .then_with(|| a.kind.rank().cmp(&b.kind.rank()))
            .then_with(|| a.client_name.cmp(&b.client_name))
    });
    out
}

/// Another client showing what came before a loss.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub client: Id,
    pub name: String,
    pub signs: Vec<WarningSign>,
    pub reasons: Vec<QuestionId>,
}

/// The warning signs and reasons a client showed: for a lost client, as on
/// the day it was lost.
fn signs_and_reasons(client: &Client, view: &ClientView) -> (Vec<WarningSign>, Vec<QuestionId>) {
    let signs = match client.lost_on {
        Some(day) => warning_signs(client, view.verdict.computed, day)
            .into_iter()
            .map(|w| w.sign)
            .collect(),
        None => view.warnings.iter().map(|w| w.sign).collect(),
    };
    let reasons = view.verdict.reasons.iter().map(|r| r.question).collect();
    (signs, reasons)
}

/// The active clients that share a warning sign or a reason with the lost
/// client `lost`, those sharing most first. Empty if `lost` is not found.
pub fn lessons_from_loss(portfolio: &Portfolio, views: &[ClientView], lost: &Id) -> Vec<Lesson> {
    let Some((lost_client, lost_view)) = portfolio
        .clients
        .iter()
        .zip(views)
        .find(|(c, _)| &c.id == lost)
    else {
        return Vec::new();
    };
    let (lost_signs, lost_reasons) = signs_and_reasons(lost_client, lost_view);
    let mut out: Vec<Lesson> = active(portfolio, views)
        .filter(|(c, _)| &c.id != lost)
        .filter_map(|(client, view)| {
            let (signs, reasons) = signs_and_reasons(client, view);
            let signs: Vec<_> = signs
                .into_iter()
                .filter(|s| lost_signs.contains(s))
                .collect();
            let reasons: Vec<_> = reasons
                .into_iter()
                .filter(|q| lost_reasons.contains(q))
                .collect();
            (!signs.is_empty() || !reasons.is_empty()).then(|| Lesson {
                client: client.id.clone(),
                name: client.profile.name.clone(),
                signs,
                reasons,
            })
        })
        .collect();
    crate::domain::sorting::sort_by(&mut out, |a, b| {
        Reverse(a.signs.len() + a.reasons.len())
            .cmp(&Reverse(b.signs.len() + b.reasons.len()))
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

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
