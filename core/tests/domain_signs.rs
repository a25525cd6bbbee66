#![cfg(not(target_arch = "wasm32"))]
//! Warning signs (METHOD.md, "Warning signs"): stable ids, and each
//! threshold sitting exactly where its constant says.

use continuum_core::domain::warnings::{
    warning_signs, Strength, WarningSign as W, ASSESSMENT_STALE_DAYS, ISSUE_AGEING_DAYS,
    ISSUE_AGEING_STRONG_DAYS, ISSUE_AGEING_URGENT_DAYS, OPPOSITION_CONTACT_DAYS, RENEWAL_MONTHS,
    SENIOR_CONTACT_DAYS,
};
use continuum_core::domain::{
    Assessment, Category, Client, Date, Id, Issue, IssueStatus, Role, Severity, Stakeholder, Stance,
};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn person(id: &str, senior: bool, stance: Stance, last_contact: Option<i32>) -> Stakeholder {
    Stakeholder {
        id: Id::new(id),
        name: id.to_uppercase(),
        title: String::new(),
        role: Role::Influencer,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: last_contact.map(|d| today().add_days(-d)),
        notes: String::new(),
        still_in_role_on: None,
    }
}

fn sign_of(c: &Client, sign: W) -> Option<Strength> {
    warning_signs(c, Category::NotSecure, today())
        .into_iter()
        .find(|w| w.sign == sign)
        .map(|w| w.strength)
}

#[test]
fn warning_sign_ids_are_stable_and_distinct() {
    let ids: Vec<&str> = W::ALL.iter().map(|w| w.id()).collect();
    assert_eq!(ids.len(), 10); // METHOD.md's nine and "still in their role?"
    for w in W::ALL {
        assert_eq!(W::from_id(w.id()), Some(w));
        assert!(!w.label().is_empty() && !w.explanation().is_empty());
    }
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), 10);
}

#[test]
fn thresholds_sit_exactly_where_the_constants_say() {
    // Senior contact: on the boundary it still counts, a day later it does not.
    let mut c = Client::new(Id::new("c"), "C");
    c.stakeholders = vec![person(
        "a",
        true,
        Stance::Neutral,
        Some(SENIOR_CONTACT_DAYS),
    )];
    assert_eq!(sign_of(&c, W::NoSeniorRelationship), None);
    c.stakeholders = vec![person(
        "a",
        true,
        Stance::Neutral,
        Some(SENIOR_CONTACT_DAYS + 1),
    )];
    assert!(sign_of(&c, W::NoSeniorRelationship).is_some());

    // Ageing issues get stronger at each step.
    let strengths: Vec<Option<Strength>> = [
        ISSUE_AGEING_DAYS,
        ISSUE_AGEING_DAYS + 1,
        ISSUE_AGEING_STRONG_DAYS + 1,
        ISSUE_AGEING_URGENT_DAYS + 1,
    ]
    .iter()
    .map(|age| {
        c.issues = vec![Issue {
            id: Id::new("i"),
            title: "t".into(),
            opened_on: today().add_days(-age),
            severity: Severity::Minor,
            status: IssueStatus::Open,
            owner: String::new(),
            resolved_on: None,
            notes: String::new(),
        }];
        sign_of(&c, W::ProblemsAgeing)
    })
    .collect();
    assert_eq!(
        strengths,
        vec![
            None,
            Some(Strength::Watch),
            Some(Strength::Strong),
            Some(Strength::Urgent)
        ]
    );
    // A resolved issue never ages.
    c.issues[0].status = IssueStatus::Resolved;
    assert_eq!(sign_of(&c, W::ProblemsAgeing), None);

    // Opposition is checked if contacted within the window.
    c.stakeholders = vec![person(
        "o",
        false,
        Stance::Dissatisfied,
        Some(OPPOSITION_CONTACT_DAYS),
    )];
    assert_eq!(sign_of(&c, W::UncheckedOpposition), None);
    c.stakeholders = vec![person(
        "o",
        false,
        Stance::Dissatisfied,
        Some(OPPOSITION_CONTACT_DAYS + 1),
    )];
    assert_eq!(sign_of(&c, W::UncheckedOpposition), Some(Strength::Watch));

    // Renewal: only for clients that are not secure, and not once the contract has ended.
    c.profile.contract_end = Some(today().add_months(RENEWAL_MONTHS));
    assert_eq!(sign_of(&c, W::RenewalApproaching), Some(Strength::Strong));
    let secure = warning_signs(&c, Category::Secure, today());
    assert!(!secure.iter().any(|w| w.sign == W::RenewalApproaching));
    c.profile.contract_end = Some(today().add_months(RENEWAL_MONTHS).add_days(1));
    assert_eq!(sign_of(&c, W::RenewalApproaching), None);
    c.profile.contract_end = Some(today().add_days(-1));
    assert_eq!(sign_of(&c, W::RenewalApproaching), None);

    // Stale check-up.
    c.assessments = vec![Assessment::new(
        Id::new("a"),
        today().add_days(-ASSESSMENT_STALE_DAYS),
    )];
    assert_eq!(sign_of(&c, W::AssessmentStale), None);
    c.assessments[0].date = today().add_days(-ASSESSMENT_STALE_DAYS - 1);
    assert!(sign_of(&c, W::AssessmentStale).is_some());
}
