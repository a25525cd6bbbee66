//! Reading the evidence (METHOD.md, "Evidence the app keeps"): who was last
//! met and when, and a pointer type that suggestions and warning signs carry
//! so the user can see exactly which person, issue or date produced them.

use super::date::Date;
use super::model::{Channel, Client, Id, Issue, Stakeholder};

/// The piece of the client record a suggestion or warning sign rests on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    Stakeholder {
        id: Id,
        name: String,
    },
    Issue {
        id: Id,
        title: String,
        opened_on: Date,
    },
    ContractEnd(Date),
    RelationshipStart(Date),
    /// The last meaningful contact with anyone at the client, if any.
    LastContact(Option<Date>),
    Assessment {
        id: Id,
        date: Date,
    },
}

impl Evidence {
    pub fn stakeholder(s: &Stakeholder) -> Evidence {
        Evidence::Stakeholder {
            id: s.id.clone(),
            name: s.name.clone(),
        }
    }

    pub fn issue(i: &Issue) -> Evidence {
        Evidence::Issue {
            id: i.id.clone(),
            title: i.title.clone(),
            opened_on: i.opened_on,
        }
    }

    /// A short line for the user: who, what or when.
    pub fn describe(&self) -> String {
        match self {
            Evidence::Stakeholder { name, .. } => name.clone(),
            Evidence::Issue {
                title, opened_on, ..
            } => format!("{title} (open since {opened_on})"),
            Evidence::ContractEnd(d) => format!("contract ends {d}"),
            Evidence::RelationshipStart(d) => format!("working together since {d}"),
            Evidence::LastContact(Some(d)) => format!("last contact {d}"),
            Evidence::LastContact(None) => "no contact recorded".to_string(),
            Evidence::Assessment { date, .. } => format!("last check-up {date}"),
        }
    }
}

/// The later of two optional dates.
fn later(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// The last meaningful contact with one person: the date recorded on the
/// person, or a touchpoint that names them, whichever is later.
pub fn last_contact(client: &Client, stakeholder: &Stakeholder) -> Option<Date> {
    let met = client
        .touchpoints
        .iter()
        .filter(|t| t.with.contains(&stakeholder.id))
        .map(|t| t.date)
        .max();
    later(stakeholder.last_contact, met)
}

/// [`last_contact`] for every stakeholder, in order, in one pass over the
/// touchpoints (the board computes this for thousands of clients).
pub fn last_contacts(client: &Client) -> Vec<Option<Date>> {
    let mut out: Vec<Option<Date>> = client.stakeholders.iter().map(|s| s.last_contact).collect();
    for t in &client.touchpoints {
        for id in &t.with {
            if let Some(i) = client.stakeholders.iter().position(|s| &s.id == id) {
                out[i] = later(out[i], Some(t.date));
            }
        }
    }
    out
}

/// Whether a touchpoint of this channel is meaningful contact (METHOD.md:
/// meetings, calls, reviews, lunches). An email or "other" is not: one email
/// does not end a silence or answer someone's discontent.
pub fn meaningful(channel: Channel) -> bool {
    matches!(
        channel,
        Channel::Meeting | Channel::Call | Channel::Review | Channel::Lunch
    )
}

/// [`last_contacts`] counting only meaningful touchpoints (and the date
/// recorded on the person, which the user enters as meaningful contact).
pub fn last_meaningful_contacts(client: &Client) -> Vec<Option<Date>> {
    let mut out: Vec<Option<Date>> = client.stakeholders.iter().map(|s| s.last_contact).collect();
    for t in client.touchpoints.iter().filter(|t| meaningful(t.channel)) {
        for id in &t.with {
            if let Some(i) = client.stakeholders.iter().position(|s| &s.id == id) {
                out[i] = later(out[i], Some(t.date));
            }
        }
    }
    out
}

/// The last meaningful contact with anyone at the client.
pub fn last_contact_with_client(client: &Client) -> Option<Date> {
    let by_person = client
        .stakeholders
        .iter()
        .filter_map(|s| s.last_contact)
        .max();
    let by_touchpoint = client
        .touchpoints
        .iter()
        .filter(|t| meaningful(t.channel))
        .map(|t| t.date)
        .max();
    later(by_person, by_touchpoint)
}

/// Whether a date lies within `days` before `today` (future dates count as recent).
pub fn within_days(date: Option<Date>, today: Date, days: i32) -> bool {
    date.is_some_and(|d| today.days_since(d) <= days)
}

/// Days an issue has been open on `today` (zero if resolved or opened later).
pub fn days_open(issue: &Issue, today: Date) -> i32 {
    if issue.is_open() {
        today.days_since(issue.opened_on).max(0)
    } else {
        0
    }
}
