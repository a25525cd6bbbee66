#![cfg(not(target_arch = "wasm32"))]
//! METHOD.md's numbers, pinned by their value at each boundary (one day
//! under, on, one day over), so that a changed constant fails here: 180 days
//! for a senior contact, 90 for recent contact and going quiet, 30/60/90 for
//! an ageing problem, 30 for unchecked opposition, a year without an issue,
//! 6 and 3 months to a renewal, 90 days for a stale check-up. Also what
//! counts as meaningful contact, and history's recomputed verdict.

use continuum_core::domain::warnings::{warning_signs, Strength, Warning, WarningSign as W};
use continuum_core::domain::{
    Assessment, Category, Client, Date, Id, Issue, IssueStatus, Role, Severity, Stakeholder, Stance,
};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn ago(days: i32) -> Date {
    today().add_days(-days)
}

fn person(id: &str, senior: bool, stance: Stance, contact_days_ago: i32) -> Stakeholder {
    Stakeholder {
        id: Id::new(id),
        name: id.to_string(),
        title: String::new(),
        role: Role::Influencer,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: Some(ago(contact_days_ago)),
        notes: String::new(),
        still_in_role_on: None,
    }
}

fn client() -> Client {
    Client::new(Id::new("c"), "Client")
}

fn sign(c: &Client, sign: W) -> Option<Warning> {
    warning_signs(c, Category::AtRisk, today())
        .into_iter()
        .find(|w| w.sign == sign)
}

fn shown(c: &Client, s: W) -> bool {
    sign(c, s).is_some()
}

#[test]
fn a_senior_contact_counts_for_180_days() {
    let at = |days| {
        let mut c = client();
        c.stakeholders
            .push(person("boss", true, Stance::Neutral, days));
        shown(&c, W::NoSeniorRelationship)
    };
    assert_eq!((at(179), at(180), at(181)), (false, false, true));
}

#[test]
fn recent_contact_for_single_threaded_is_90_days() {
    let at = |days| {
        let mut c = client();
        c.stakeholders.push(person("a", false, Stance::Neutral, 10));
        c.stakeholders
            .push(person("b", false, Stance::Neutral, days));
        shown(&c, W::SingleThreaded)
    };
    assert_eq!((at(89), at(90), at(91)), (false, false, true));
}

#[test]
fn going_quiet_after_90_days_without_contact() {
    let at = |days| {
        let mut c = client();
        c.stakeholders
            .push(person("a", false, Stance::Neutral, days));
        shown(&c, W::GoingQuiet)
    };
    assert_eq!((at(89), at(90), at(91)), (false, false, true));
}

fn with_issue(days_open: i32) -> Client {
    let mut c = client();
    c.issues.push(Issue {
        id: Id::new("i"),
        title: "Invoice errors".into(),
        opened_on: ago(days_open),
        severity: Severity::Minor,
        status: IssueStatus::Open,
        owner: String::new(),
        resolved_on: None,
        notes: String::new(),
    });
    c
}

#[test]
fn a_problem_ages_past_30_days_stronger_past_60_urgent_past_90() {
    let at = |days| sign(&with_issue(days), W::ProblemsAgeing).map(|w| w.strength);
    assert_eq!(
        (at(29), at(30), at(31)),
        (None, None, Some(Strength::Watch))
    );
    assert_eq!(
        (at(59), at(60), at(61)),
        (
            Some(Strength::Watch),
            Some(Strength::Watch),
            Some(Strength::Strong)
        )
    );
    assert_eq!(
        (at(89), at(90), at(91)),
        (
            Some(Strength::Strong),
            Some(Strength::Strong),
            Some(Strength::Urgent)
        )
    );
}

#[test]
fn an_unhappy_person_is_unchecked_after_30_days_without_contact() {
    for stance in [Stance::Dissatisfied, Stance::Opposed] {
        let at = |days| {
            let mut c = client();
            c.stakeholders.push(person("u", false, stance, days));
            shown(&c, W::UncheckedOpposition)
        };
        assert_eq!((at(29), at(30), at(31)), (false, false, true), "{stance:?}");
    }
}

#[test]
fn a_year_without_an_issue_on_a_long_relationship_is_suspiciously_easy() {
    let at = |days| {
        let mut c = with_issue(days);
        c.issues[0].status = IssueStatus::Resolved;
        c.issues[0].resolved_on = Some(ago(days - 1));
        c.profile.relationship_start = Some(ago(3 * 365));
        shown(&c, W::SuspiciouslyEasy)
    };
    assert_eq!((at(364), at(365), at(366)), (false, false, true));
}

#[test]
fn a_renewal_warns_within_6_months_and_is_urgent_within_3() {
    let day = |y, m, d| Date::from_ymd(y, m, d).unwrap();
    let at = |end: Date| {
        let mut c = client();
        c.profile.contract_end = Some(end);
        sign(&c, W::RenewalApproaching).map(|w| w.strength)
    };
    // 2026-03-01 plus 6 months is 2026-09-01; plus 3 months 2026-06-01.
    assert_eq!(at(day(2026, 8, 31)), Some(Strength::Strong));
    assert_eq!(at(day(2026, 9, 1)), Some(Strength::Strong));
    assert_eq!(at(day(2026, 9, 2)), None);
    assert_eq!(at(day(2026, 5, 31)), Some(Strength::Urgent));
    assert_eq!(at(day(2026, 6, 1)), Some(Strength::Urgent));
    assert_eq!(at(day(2026, 6, 2)), Some(Strength::Strong));
}

#[test]
fn a_check_up_is_stale_after_90_days() {
    let at = |days| {
        let mut c = client();
        c.assessments.push(Assessment::new(Id::new("a"), ago(days)));
        shown(&c, W::AssessmentStale)
    };
    assert_eq!((at(89), at(90), at(91)), (false, false, true));
}

/// METHOD.md's meaningful contact: meetings, calls, reviews and lunches.
#[test]
fn only_meetings_calls_reviews_and_lunches_are_meaningful_contact() {
    use continuum_core::domain::{Channel, Touchpoint, TouchpointKind};
    let with = |channel| {
        let mut c = client();
        c.stakeholders
            .push(person("u", false, Stance::Opposed, 200));
        c.touchpoints.push(Touchpoint {
            id: Id::new("t"),
            date: ago(2),
            channel,
            kind: TouchpointKind::Business,
            with: vec![Id::new("u")],
            note: String::new(),
        });
        (shown(&c, W::GoingQuiet), shown(&c, W::UncheckedOpposition))
    };
    for channel in [Channel::Email, Channel::Other] {
        assert_eq!(with(channel), (true, true), "{channel:?} is not meaningful");
    }
    for channel in [
        Channel::Meeting,
        Channel::Call,
        Channel::Review,
        Channel::Lunch,
    ] {
        assert_eq!(with(channel), (false, false), "{channel:?} is meaningful");
    }
}

#[test]
fn history_recomputes_the_verdict_and_names_a_stored_one_that_disagrees() {
    use continuum_core::domain::{recheck, set_answer, Answer, QuestionId};
    let mut a = Assessment::new(Id::new("a"), today());
    set_answer(&mut a, QuestionId::RPrice, Answer::Yes, "");
    assert_eq!(recheck(&a), (Category::AtRisk, None));
    // A file whose stored verdict the answers do not support.
    a.verdict = Category::Secure;
    assert_eq!(recheck(&a), (Category::AtRisk, Some(Category::Secure)));
}
