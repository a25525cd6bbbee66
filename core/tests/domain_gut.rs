#![cfg(not(target_arch = "wasm32"))]
//! Gut first (domain::gut): the reasons wait for today's gut call, and the
//! gut placement is compared with the computed category once both exist.

use continuum_core::domain::{
    compare_gut, gut_call, Assessment, Category, Date, GutCall, GutComparison, Id,
};

fn day(d: u32) -> Date {
    Date::from_ymd(2026, 3, d).unwrap()
}

fn checkup(date: Date, gut: Option<Category>) -> Assessment {
    let mut a = Assessment::new(Id::new("a1"), date);
    a.gut = gut;
    a
}

#[test]
fn a_check_up_of_today_without_gut_owes_the_call() {
    let a = checkup(day(10), None);
    assert_eq!(gut_call(Some(&a), day(10), false), GutCall::Owed);
    assert!(gut_call(Some(&a), day(10), false).owed());
}

#[test]
fn before_the_first_answer_the_call_is_owed_too() {
    assert_eq!(gut_call(None, day(10), false), GutCall::Owed);
    assert_eq!(gut_call(None, day(10), true), GutCall::Skipped);
}

#[test]
fn a_placement_or_a_skip_settles_the_call() {
    let placed = checkup(day(10), Some(Category::AtRisk));
    assert_eq!(
        gut_call(Some(&placed), day(10), false),
        GutCall::Given(Category::AtRisk)
    );
    // A placement wins over an earlier skip: it is what the user said last.
    assert_eq!(
        gut_call(Some(&placed), day(10), true),
        GutCall::Given(Category::AtRisk)
    );
    let open = checkup(day(10), None);
    assert_eq!(gut_call(Some(&open), day(10), true), GutCall::Skipped);
    assert!(!gut_call(Some(&open), day(10), true).owed());
}

#[test]
fn a_check_up_from_an_earlier_day_holds_nothing_back() {
    // One day old: passed; the same day: still owed.
    let a = checkup(day(9), None);
    assert_eq!(gut_call(Some(&a), day(10), false), GutCall::Passed);
    assert!(!gut_call(Some(&a), day(10), false).owed());
    assert_eq!(gut_call(Some(&a), day(9), false), GutCall::Owed);
}

#[test]
fn comparison_counts_the_steps_between_gut_and_answers() {
    use Category::*;
    assert_eq!(compare_gut(AtRisk, AtRisk), Some(GutComparison::Agrees));
    assert_eq!(
        compare_gut(Secure, AtRisk),
        Some(GutComparison::BlindSpot(2))
    );
    assert_eq!(
        compare_gut(Secure, InevitableLoss),
        Some(GutComparison::BlindSpot(3))
    );
    assert_eq!(
        compare_gut(AtRisk, NotSecure),
        Some(GutComparison::Warier(1))
    );
    // Nothing to compare with while no answer computes a category.
    assert_eq!(compare_gut(Secure, Unassessed), None);
}
