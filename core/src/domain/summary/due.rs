//! The due list: actions, check-ups and renewals, most urgent first.

use crate::domain::date::Date;
use crate::domain::model::{Client, Id, Portfolio};
use crate::domain::renewal::renewal_approaching;
use crate::domain::warnings::ASSESSMENT_STALE_DAYS;

use super::view::is_active;

/// Open actions due within this many days appear on the due list.
pub const DUE_ACTION_DAYS: i32 = 14;

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

/// The contract end of an active client whose renewal is within the window
/// ([`renewal_approaching`]): a renewal on the due list.
pub fn renewal_due(client: &Client, today: Date) -> Option<Date> {
    client
        .profile
        .contract_end
        .filter(|&end| is_active(client) && renewal_approaching(end, today))
}

/// Actions due within [`DUE_ACTION_DAYS`] (or overdue), check-ups older than
/// a quarter (or never done), and renewals within six months; most urgent first.
pub fn due_list(portfolio: &Portfolio, today: Date) -> Vec<DueItem> {
    let mut out = Vec::new();
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
        if let Some(end) = renewal_due(client, today) {
            add(DueKind::Renewal { contract_end: end }, end);
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
