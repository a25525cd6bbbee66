//! The team view: several salespeople's portfolios on one board, for a
//! manager, without touching anyone's data.
//!
//! Each opened file is a [`Member`]. Clients are combined by id: a client in
//! two files is one client on the team board, with every owner named. Which
//! record is assessed: the one whose latest check-up is the most recent
//! (the freshest judgement of the client); on a tie, or when neither is
//! assessed, the record from the file opened first. A revenue or contract
//! end missing from that record is taken from another file's record. Per-person rows read
//! each person's own file, so a shared client counts for both people.
//!
//! The team's records are shared with the opened files, not copied: a
//! manager's team of 5,000 rich clients is held once, and the summary does
//! not spend its time duplicating it.
//!
//! Everything here reuses the portfolio summaries ([`assess`], [`board`],
//! [`blind_spots`], [`due_list`]) rather than re-deriving them.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use super::date::Date;
use super::model::{Category, Client, Id, Portfolio};
use super::summary::{
    assess, assess_portfolio, blind_spots, board, due_list, is_active, renewal_due, Board,
    BoardTally, ClientView, DueKind,
};

/// One opened file: whose it is and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The file's name, as picked or dropped.
    pub file: String,
    /// The salesperson: the file's owner, or the file name when it names none.
    pub owner: String,
    /// Shared with the team summary's records (see the module docs).
    pub portfolio: Arc<Portfolio>,
}

impl Member {
    /// A member named after the portfolio's owner (the file name if empty).
    pub fn new(file: impl Into<String>, portfolio: Portfolio) -> Member {
        let file = file.into();
        let owner = if portfolio.owner.trim().is_empty() {
            file.clone()
        } else {
            portfolio.owner.trim().to_string()
        };
        Member {
            file,
            owner,
            portfolio: Arc::new(portfolio),
        }
    }
}

/// One client of the team, once, however many files hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamClient {
    record: Record,
    pub view: ClientView,
    /// Every person whose file holds this client, in the order files were opened.
    pub owners: Vec<String>,
    /// Index in the members list of the file whose record is shown.
    pub shown_from: usize,
}

/// A renewal within six months whose client is not loyal and secure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Renewal {
    pub client: Id,
    pub name: String,
    pub owners: Vec<String>,
    pub contract_end: Date,
    pub days_left: i32,
    pub category: Category,
    pub revenue: Option<u64>,
}

/// One salesperson's line in the per-person table (read from their own file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    pub owner: String,
    pub file: String,
    /// Active clients (not lost, not archived).
    pub clients: usize,
    /// Known annual revenue of active clients at risk or facing inevitable loss.
    pub revenue_at_risk: u64,
    /// Active clients with at least one check-up.
    pub assessed: usize,
    /// Active clients whose latest check-up is older than a quarter.
    pub stale: usize,
    /// Clients whose answers are worse than the person's gut placement.
    pub blind_spots: usize,
    /// Open actions past their due date.
    pub overdue_actions: usize,
    /// Renewals within six months that are not loyal and secure.
    pub renewals_not_secure: usize,
    /// This person's board: count and revenue per category.
    pub board: Board,
}

impl PersonRow {
    /// Share of active clients assessed, in whole percent (100 with no clients).
    pub fn share_assessed(&self) -> u32 {
        (self.assessed * 100)
            .checked_div(self.clients)
            .map_or(100, |share| share as u32)
    }
}

/// Everything the team board shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    /// Combined clients, deduplicated by id, in the order first seen.
    pub clients: Vec<TeamClient>,
    /// Count and revenue per category over the combined clients.
    pub board: Board,
    pub people: Vec<PersonRow>,
    /// Not-secure renewals within six months over the combined clients, soonest first.
    pub renewals: Vec<Renewal>,
    /// Where each client sits in `clients`, so a board of thousands of
    /// cards finds each one without a scan.
    index: BTreeMap<Id, usize>,
}

impl TeamClient {
    /// The record assessed and shown (see the module rule).
    pub fn client(&self) -> &Client {
        self.record.client()
    }
}

/// A team client's record: one file's own, shared; or, when another file's
/// record of the same client fills a gap in it, a copy with the gap filled.
#[derive(Clone)]
enum Record {
    /// `file.clients[at]`: `at` comes from enumerating that very portfolio,
    /// which nobody can change behind the shared pointer.
    InFile {
        file: Arc<Portfolio>,
        at: usize,
    },
    Combined(Box<Client>),
}

impl Record {
    fn client(&self) -> &Client {
        match self {
            Record::InFile { file, at } => &file.clients[*at],
            Record::Combined(client) => client,
        }
    }

    /// Takes the revenue and contract end this record lacks from another
    /// file's record of the same client (a colleague may know the renewal
    /// date), copying the record only when there is a gap to fill.
    fn fill_gaps(&mut self, other: &Client) {
        let (mine, theirs) = (&self.client().profile, &other.profile);
        let filled = (
            mine.annual_revenue.or(theirs.annual_revenue),
            mine.contract_end.or(theirs.contract_end),
        );
        if filled != (mine.annual_revenue, mine.contract_end) {
            let mut own = self.client().clone();
            (own.profile.annual_revenue, own.profile.contract_end) = filled;
            *self = Record::Combined(Box::new(own));
        }
    }
}

impl PartialEq for Record {
    fn eq(&self, other: &Record) -> bool {
        self.client() == other.client()
    }
}

impl fmt::Debug for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.client().fmt(f)
    }
}

impl Team {
    pub fn client(&self, id: &Id) -> Option<&TeamClient> {
        self.index.get(id).and_then(|&i| self.clients.get(i))
    }
}

/// The date of a client's latest check-up, if any.
fn last_assessed(client: &Client) -> Option<Date> {
    client.current_assessment().map(|a| a.date)
}

/// Revenue at risk: active clients shown at risk or as an inevitable loss.
fn at_risk(category: Category) -> bool {
    matches!(category, Category::AtRisk | Category::InevitableLoss)
}

/// One salesperson's row, read from their own file alone: it depends on no
/// other file, so a caller may compute it once per file and reuse it.
pub fn person_row(member: &Member, today: Date) -> PersonRow {
    let p = &member.portfolio;
    let views = assess_portfolio(p, today);
    let active: Vec<(&Client, &ClientView)> = p
        .clients
        .iter()
        .zip(&views)
        .filter(|(c, _)| is_active(c))
        .collect();
    let revenue_at_risk = active
        .iter()
        .filter(|(_, v)| at_risk(v.verdict.category))
        .filter_map(|(c, _)| c.profile.annual_revenue)
        .fold(0, u64::saturating_add);
    let category_of = |id: &Id| {
        active
            .iter()
            .find(|(c, _)| &c.id == id)
            .map(|(_, v)| v.verdict.category)
    };
    let due = due_list(p, today);
    let stale = due
        .iter()
        .filter(|d| matches!(d.kind, DueKind::Reassessment { last: Some(_) }))
        .count();
    let overdue_actions = due
        .iter()
        .filter(|d| matches!(d.kind, DueKind::Action { .. }) && d.days_left < 0)
        .count();
    let renewals_not_secure = due
        .iter()
        .filter(|d| matches!(d.kind, DueKind::Renewal { .. }))
        .filter(|d| category_of(&d.client) != Some(Category::Secure))
        .count();
    PersonRow {
        owner: member.owner.clone(),
        file: member.file.clone(),
        clients: active.len(),
        revenue_at_risk,
        assessed: active
            .iter()
            .filter(|(c, _)| c.current_assessment().is_some())
            .count(),
        stale,
        blind_spots: blind_spots(p, &views).len(),
        overdue_actions,
        renewals_not_secure,
        board: board(p, &views),
    }
}

/// The team board for the opened files, as of `today`.
pub fn team(members: &[Member], today: Date) -> Team {
    let people = members.iter().map(|m| person_row(m, today)).collect();
    team_with_people(members, people, today)
}

/// The team board for the opened files, with each person's row already
/// computed (by [`person_row`], one per member in the same order).
pub fn team_with_people(members: &[Member], people: Vec<PersonRow>, today: Date) -> Team {
    // Combine by id: (record shown, its file index, owners).
    let mut combined: Vec<(Record, usize, Vec<String>)> = Vec::new();
    let mut position: BTreeMap<Id, usize> = BTreeMap::new();
    for (index, member) in members.iter().enumerate() {
        for (at, client) in member.portfolio.clients.iter().enumerate() {
            let record = Record::InFile {
                file: Arc::clone(&member.portfolio),
                at,
            };
            match position.get(&client.id).and_then(|&i| combined.get_mut(i)) {
                None => {
                    position.insert(client.id.clone(), combined.len());
                    combined.push((record, index, vec![member.owner.clone()]));
                }
                Some((shown, from, owners)) => {
                    if !owners.contains(&member.owner) {
                        owners.push(member.owner.clone());
                    }
                    // `None < Some(_)`, so an assessed record beats an unassessed one.
                    if last_assessed(client) > last_assessed(shown.client()) {
                        let older = std::mem::replace(shown, record);
                        shown.fill_gaps(older.client());
                        *from = index;
                    } else {
                        shown.fill_gaps(client);
                    }
                }
            }
        }
    }
    let mut tally = BoardTally::new();
    let mut renewals = Vec::new();
    let clients: Vec<TeamClient> = combined
        .into_iter()
        .map(|(record, shown_from, owners)| {
            let client = record.client();
            let view = assess(client, today);
            tally.add(client, &view);
            let category = view.verdict.category;
            // The due list's renewals, here only those not loyal and secure.
            if let Some(end) = renewal_due(client, today) {
                if category != Category::Secure {
                    renewals.push(Renewal {
                        client: client.id.clone(),
                        name: client.profile.name.clone(),
                        owners: owners.clone(),
                        contract_end: end,
                        days_left: end.days_since(today),
                        category,
                        revenue: client.profile.annual_revenue,
                    });
                }
            }
            TeamClient {
                record,
                view,
                owners,
                shown_from,
            }
        })
        .collect();
    // Soonest first, then by name, as the due list orders them.
    crate::domain::sorting::sort_by(&mut renewals, |a, b| {
        a.contract_end
            .cmp(&b.contract_end)
            .then_with(|| a.name.cmp(&b.name))
    });
    Team {
        board: tally.into_board(),
        people,
        renewals,
        clients,
        index: position,
    }
}
