//! Key people and single points of failure (issue 16): who must still be in
//! their role for the relationship to hold, and whose departure alone would
//! leave the client without a senior contact or without a promoter.

use super::date::Date;
use super::evidence::{last_contact, Evidence};
use super::model::{Client, Role, Stakeholder, Stance};
use super::warnings::{Strength, Warning, WarningSign};

/// A key person unconfirmed in their role for this many days or more raises
/// the "still in role?" warning sign.
pub const IN_ROLE_DAYS: i32 = 90;

/// Decision-makers, sponsors and senior leaders: the people whose departure
/// changes who decides about us.
pub fn key_person(s: &Stakeholder) -> bool {
    s.senior || matches!(s.role, Role::DecisionMaker | Role::Sponsor)
}

/// The last day we knew the person was in their role: the user's
/// confirmation, or a contact with them, whichever is later.
pub fn known_in_role_on(client: &Client, s: &Stakeholder) -> Option<Date> {
    match (s.still_in_role_on, last_contact(client, s)) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Key people not known to be in their role for [`IN_ROLE_DAYS`] or more
/// (or never), with the days since we last knew (`None`: never).
pub fn unconfirmed_key_people(client: &Client, today: Date) -> Vec<(&Stakeholder, Option<i32>)> {
    client
        .stakeholders
        .iter()
        .filter(|s| key_person(s))
        .map(|s| (s, known_in_role_on(client, s).map(|d| today.days_since(d))))
        .filter(|(_, days)| days.is_none_or(|d| d >= IN_ROLE_DAYS))
        .collect()
}

/// The "still in their role?" warning sign, if any key person is
/// unconfirmed; `days` is the longest wait, `None` if someone was never known.
pub fn still_in_role_warning(client: &Client, today: Date) -> Option<Warning> {
    let unconfirmed = unconfirmed_key_people(client, today);
    if unconfirmed.is_empty() {
        return None;
    }
    let never = unconfirmed.iter().any(|(_, d)| d.is_none());
    let days = unconfirmed.iter().filter_map(|(_, d)| *d).max();
    Some(Warning {
        sign: WarningSign::StillInRole,
        strength: Strength::Watch,
        days: if never { None } else { days },
        evidence: unconfirmed
            .into_iter()
            .map(|(s, _)| Evidence::stakeholder(s))
            .collect(),
    })
}

/// Why one person is a single point of failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SinglePoint {
    /// The only senior leader we know there.
    OnlySenior,
    /// The only person there who recommends us.
    OnlyPromoter,
}

impl SinglePoint {
    /// The label shown on the stakeholder map, in words.
    pub fn label(self) -> &'static str {
        match self {
            SinglePoint::OnlySenior => "Single point of failure: our only senior contact",
            SinglePoint::OnlyPromoter => "Single point of failure: our only promoter",
        }
    }
}

/// What makes `person` a single point of failure at `client` (empty: nothing).
pub fn single_points(client: &Client, person: &Stakeholder) -> Vec<SinglePoint> {
    let only = |f: &dyn Fn(&Stakeholder) -> bool| {
        f(person) && client.stakeholders.iter().filter(|s| f(s)).count() == 1
    };
    let mut out = Vec::new();
    if only(&|s| s.senior) {
        out.push(SinglePoint::OnlySenior);
    }
    if only(&|s| s.stance == Stance::Promoter) {
        out.push(SinglePoint::OnlyPromoter);
    }
    out
}
