#![cfg(not(target_arch = "wasm32"))]
//! What the brief lists first (domain::ranking: people, issues, actions)
//! and what an override needs (domain::placement).

use continuum_core::domain::{
    key_people, make_override, next_actions, pressing_issues, stakeholder_weight, Action, Category,
    Date, Id, Issue, IssueStatus, Override, OverrideError, Role, Severity, Stakeholder, Stance,
};

fn person(name: &str, role: Role, senior: bool, stance: Stance) -> Stakeholder {
    Stakeholder {
        id: Id::new(name),
        name: name.to_string(),
        title: String::new(),
        role,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: None,
        notes: String::new(),
        still_in_role_on: None,
    }
}

#[test]
fn weights_add_role_seniority_and_opposition() {
    let w = |role, senior, stance| stakeholder_weight(&person("p", role, senior, stance));
    assert_eq!(w(Role::EndUser, false, Stance::Neutral), 0);
    assert_eq!(w(Role::DecisionMaker, false, Stance::Promoter), 4);
    assert_eq!(w(Role::Sponsor, false, Stance::Supporter), 4);
    assert_eq!(w(Role::Influencer, true, Stance::Neutral), 2);
    assert_eq!(w(Role::EndUser, false, Stance::Dissatisfied), 3);
    assert_eq!(w(Role::EndUser, false, Stance::Opposed), 3);
    assert_eq!(w(Role::DecisionMaker, true, Stance::Opposed), 9);
}

#[test]
fn key_people_come_first_and_ties_keep_their_order() {
    let people = [
        person("user", Role::EndUser, false, Stance::Promoter),
        person("senior", Role::Influencer, true, Stance::Neutral),
        person("unhappy", Role::EndUser, false, Stance::Opposed),
        person("boss", Role::DecisionMaker, false, Stance::Neutral),
        person("user2", Role::EndUser, false, Stance::Neutral),
        person("sponsor", Role::Sponsor, false, Stance::Supporter),
        person(
            "angry boss",
            Role::DecisionMaker,
            true,
            Stance::Dissatisfied,
        ),
    ];
    let order: Vec<&str> = key_people(&people)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        order,
        [
            "angry boss",
            "boss",
            "sponsor",
            "unhappy",
            "senior",
            "user",
            "user2"
        ]
    );
    assert!(key_people(&[]).is_empty());
}

#[test]
fn an_override_needs_a_placement_and_a_reason() {
    assert_eq!(
        make_override(Some(Category::Secure), "  known them for years "),
        Ok(Override {
            category: Category::Secure,
            reason: "known them for years".into(),
        })
    );
    assert_eq!(
        make_override(Some(Category::AtRisk), " \n "),
        Err(OverrideError::NoReason)
    );
    assert_eq!(
        make_override(Some(Category::AtRisk), ""),
        Err(OverrideError::NoReason)
    );
    assert_eq!(
        make_override(None, "reason"),
        Err(OverrideError::NoCategory)
    );
    assert_eq!(
        make_override(Some(Category::Unassessed), "reason"),
        Err(OverrideError::NoCategory)
    );
    // The missing placement is reported first.
    assert_eq!(make_override(None, ""), Err(OverrideError::NoCategory));
}

fn day(d: u32) -> Date {
    Date::from_ymd(2026, 3, d).expect("a real day")
}

fn issue(title: &str, opened: u32, severity: Severity, status: IssueStatus) -> Issue {
    Issue {
        id: Id::new(title),
        title: title.to_string(),
        opened_on: day(opened),
        severity,
        status,
        owner: String::new(),
        resolved_on: None,
        notes: String::new(),
    }
}

#[test]
fn pressing_issues_are_open_serious_then_oldest() {
    use IssueStatus::{InProgress, Open, Resolved};
    use Severity::{Minor, Serious};
    let issues = [
        issue("new minor", 20, Minor, Open),
        issue("old minor", 2, Minor, InProgress),
        issue("new serious", 15, Serious, Open),
        issue("fixed serious", 1, Serious, Resolved),
        issue("old serious", 5, Serious, InProgress),
    ];
    let order: Vec<&str> = pressing_issues(&issues)
        .iter()
        .map(|i| i.title.as_str())
        .collect();
    assert_eq!(
        order,
        ["old serious", "new serious", "old minor", "new minor"]
    );
}

#[test]
fn next_actions_are_undone_dated_first_soonest_first() {
    let action = |title: &str, due: Option<u32>, done: bool| Action {
        id: Id::new(title),
        title: title.to_string(),
        due: due.map(day),
        owner: String::new(),
        done,
        proposal: None,
        notes: String::new(),
    };
    let actions = [
        action("undated 1", None, false),
        action("late", Some(20), false),
        action("done", Some(1), true),
        action("soon", Some(3), false),
        action("undated 2", None, false),
    ];
    let order: Vec<&str> = next_actions(&actions)
        .iter()
        .map(|a| a.title.as_str())
        .collect();
    assert_eq!(order, ["soon", "late", "undated 1", "undated 2"]);
}
