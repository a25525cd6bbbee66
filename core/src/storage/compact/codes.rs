//! The one-letter codes of the enums in stored records, and day numbers
//! for dates.

use crate::domain::{
    Answer, Category, Channel, Date, Importance, IssueStatus, MarginLevel, Role, Severity, Stance,
    TouchpointKind, TriageOutcome,
};

// One-letter codes. Each table is the whole vocabulary of its enum.
pub(super) const ROLES: [(Role, &str); 4] = [
    (Role::DecisionMaker, "d"),
    (Role::Influencer, "i"),
    (Role::EndUser, "e"),
    (Role::Sponsor, "s"),
];
pub(super) const STANCES: [(Stance, &str); 5] = [
    (Stance::Promoter, "p"),
    (Stance::Supporter, "s"),
    (Stance::Neutral, "n"),
    (Stance::Dissatisfied, "d"),
    (Stance::Opposed, "o"),
];
pub(super) const SEVERITIES: [(Severity, &str); 2] =
    [(Severity::Minor, "m"), (Severity::Serious, "s")];
pub(super) const STATUSES: [(IssueStatus, &str); 3] = [
    (IssueStatus::Open, "o"),
    (IssueStatus::InProgress, "p"),
    (IssueStatus::Resolved, "r"),
];
pub(super) const CHANNELS: [(Channel, &str); 6] = [
    (Channel::Meeting, "m"),
    (Channel::Call, "c"),
    (Channel::Review, "r"),
    (Channel::Lunch, "l"),
    (Channel::Email, "e"),
    (Channel::Other, "o"),
];
pub(super) const KINDS: [(TouchpointKind, &str); 2] = [
    (TouchpointKind::Business, "b"),
    (TouchpointKind::Personal, "p"),
];
pub(super) const CATEGORIES: [(Category, &str); 5] = [
    (Category::Unassessed, "-"),
    (Category::Secure, "s"),
    (Category::NotSecure, "n"),
    (Category::AtRisk, "r"),
    (Category::InevitableLoss, "l"),
];
pub(super) const MARGINS: [(MarginLevel, &str); 3] = [
    (MarginLevel::Low, "l"),
    (MarginLevel::Normal, "n"),
    (MarginLevel::High, "h"),
];
pub(super) const IMPORTANCES: [(Importance, &str); 3] = [
    (Importance::Low, "l"),
    (Importance::Medium, "m"),
    (Importance::High, "h"),
];
pub(super) const OUTCOMES: [(TriageOutcome, &str); 3] = [
    (TriageOutcome::InvestToRecover, "i"),
    (TriageOutcome::MaintainAndWatch, "m"),
    (TriageOutcome::LetGoWell, "l"),
];
pub(super) const ANSWERS: [(Answer, &str); 3] =
    [(Answer::Yes, "y"), (Answer::No, "n"), (Answer::Unsure, "u")];
/// An open question in the packed answer string.
pub(super) const OPEN: char = '-';

pub(super) fn code<T: PartialEq + Copy>(table: &[(T, &'static str)], v: T) -> &'static str {
    // Every table lists every variant, so the fallback is never reached.
    table.iter().find(|(t, _)| *t == v).map_or("?", |(_, c)| c)
}

/// Two codes in one string: saves the quotes and comma of a second field.
pub(super) fn pair<A: PartialEq + Copy, B: PartialEq + Copy>(
    first: &[(A, &'static str)],
    a: A,
    second: &[(B, &'static str)],
    b: B,
) -> String {
    format!("{}{}", code(first, a), code(second, b))
}

pub(super) fn from_code<T: Copy>(
    table: &[(T, &'static str)],
    c: &str,
    what: &str,
) -> Result<T, String> {
    table
        .iter()
        .find(|(_, k)| *k == c)
        .map(|(t, _)| *t)
        .ok_or_else(|| format!("unknown {what} code {c:?}"))
}

pub(super) fn day(d: Date) -> i64 {
    i64::from(d.days_since_epoch())
}

pub(super) fn date_from_day(n: i64) -> Result<Date, String> {
    let d = i32::try_from(n)
        .map(Date::from_days_since_epoch)
        .map_err(|_| format!("day number {n} is out of range"))?;
    let (y, m, dd) = d.ymd();
    Date::from_ymd(y, m, dd).ok_or_else(|| format!("day number {n} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each table codes every value of its enum once, with distinct codes,
    /// so `code` never falls back and `from_code` reads back what it wrote.
    fn covers<T: Copy + PartialEq + std::fmt::Debug>(table: &[(T, &'static str)], all: &[T]) {
        let values: Vec<T> = table.iter().map(|(v, _)| *v).collect();
        assert_eq!(values, all);
        for (v, c) in table {
            assert_eq!(from_code(table, c, "x"), Ok(*v));
        }
    }

    #[test]
    fn every_table_is_the_whole_vocabulary() {
        covers(&ROLES, &Role::ALL);
        covers(&STANCES, &Stance::ALL);
        covers(&SEVERITIES, &Severity::ALL);
        covers(&STATUSES, &IssueStatus::ALL);
        covers(&CHANNELS, &Channel::ALL);
        covers(&KINDS, &TouchpointKind::ALL);
        covers(&CATEGORIES, &Category::ALL);
        covers(&MARGINS, &MarginLevel::ALL);
        covers(&IMPORTANCES, &Importance::ALL);
        covers(&OUTCOMES, &TriageOutcome::ALL);
        covers(&ANSWERS, &Answer::ALL);
    }
}
