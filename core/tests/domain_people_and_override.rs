#![cfg(not(target_arch = "wasm32"))]
//! Who the brief lists first (domain::ranking) and what an override needs
//! (domain::placement).

use continuum_core::domain::{
    key_people, make_override, stakeholder_weight, Category, Id, Override, OverrideError, Role,
    Stakeholder, Stance,
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
