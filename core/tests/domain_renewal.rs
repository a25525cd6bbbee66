#![cfg(not(target_arch = "wasm32"))]
//! Renewal windows in calendar months (METHOD.md, "Warning signs"), at the
//! month boundaries where counting days would disagree.

use continuum_core::domain::warnings::{warning_signs, Strength, WarningSign};
use continuum_core::domain::{
    renewal_approaching, renewal_soon, renewal_urgent, Category, Client, Date, Id,
};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("a real day")
}

#[test]
fn soon_is_three_calendar_months_not_ninety_days() {
    // 2026-01-31 + 3 months is 2026-04-30 (clamped); that is 89 days.
    let today = day(2026, 1, 31);
    assert!(renewal_soon(day(2026, 4, 30), today));
    assert!(!renewal_soon(day(2026, 5, 1), today));
    // From 2026-03-01, 3 months is 2026-06-01: 92 days, beyond 90 days.
    let today = day(2026, 3, 1);
    assert_eq!(day(2026, 6, 1).days_since(today), 92);
    assert!(renewal_soon(day(2026, 6, 1), today));
    assert!(!renewal_soon(day(2026, 6, 2), today));
    // Over a year's end.
    let today = day(2025, 11, 15);
    assert!(renewal_soon(day(2026, 2, 15), today));
    assert!(!renewal_soon(day(2026, 2, 16), today));
}

#[test]
fn soon_includes_today_and_ended_contracts() {
    let today = day(2026, 3, 1);
    assert!(renewal_soon(today, today));
    assert!(renewal_soon(day(2025, 12, 1), today));
    // Ended contracts are not "approaching" or "urgent": they are over.
    assert!(!renewal_urgent(day(2026, 2, 28), today));
    assert!(!renewal_approaching(day(2026, 2, 28), today));
}

#[test]
fn windows_close_on_the_same_day_of_the_month() {
    let today = day(2024, 8, 31);
    // Six months on is 2025-02-28 (clamped; 2025 is not a leap year).
    assert!(renewal_approaching(day(2025, 2, 28), today));
    assert!(!renewal_approaching(day(2025, 3, 1), today));
    // Three months on is 2024-11-30.
    assert!(renewal_urgent(day(2024, 11, 30), today));
    assert!(!renewal_urgent(day(2024, 12, 1), today));
    assert!(renewal_approaching(day(2024, 12, 1), today));
    // Leap day: 2024-02-29 + 3 months is 2024-05-29.
    let today = day(2024, 2, 29);
    assert!(renewal_urgent(day(2024, 5, 29), today));
    assert!(!renewal_urgent(day(2024, 5, 30), today));
}

#[test]
fn the_renewal_warning_follows_the_same_windows() {
    let today = day(2026, 3, 1);
    let mut client = Client::new(Id::new("c"), "Client");
    let strength = |client: &Client| {
        warning_signs(client, Category::AtRisk, today)
            .into_iter()
            .find(|w| w.sign == WarningSign::RenewalApproaching)
            .map(|w| w.strength)
    };
    client.profile.contract_end = Some(day(2026, 6, 1));
    assert_eq!(strength(&client), Some(Strength::Urgent));
    client.profile.contract_end = Some(day(2026, 6, 2));
    assert_eq!(strength(&client), Some(Strength::Strong));
    client.profile.contract_end = Some(day(2026, 9, 1));
    assert_eq!(strength(&client), Some(Strength::Strong));
    client.profile.contract_end = Some(day(2026, 9, 2));
    assert_eq!(strength(&client), None);
    client.profile.contract_end = Some(day(2026, 2, 28));
    assert_eq!(strength(&client), None);
}
