#![cfg(not(target_arch = "wasm32"))]
//! Scenario tests, continued (see `domain_scenarios.rs`): competitors, the
//! anchor client, the yearly tender, a merger, the price buyer, a loss's
//! lessons and suggestions that need evidence.

mod domain_support;
mod scenario_support;

use continuum_core::domain::engine::client_verdict;
use continuum_core::domain::plan::proposals;
use continuum_core::domain::summary::{assess_portfolio, lessons_from_loss};
use continuum_core::domain::triage::{low_margin, triage_questions};
use continuum_core::domain::warnings::{client_warning_signs, Strength, WarningSign as W};
use continuum_core::domain::{
    suggestions, Answer, Category, Client, Id, IssueStatus, Margin, Portfolio, QuestionId as Q,
    Role, Severity, Stakeholder, Stance, TouchpointKind,
};
use scenario_support::*;
use Answer::{No, Unsure, Yes};

#[test]
fn taking_competitors_calls_is_at_risk_even_with_questions_open() {
    let mut c = Client::new(Id::new("calls"), "Kestrel Software Inc");
    let a = person(
        "ca-p1",
        "Jonas Eriksen",
        Role::DecisionMaker,
        true,
        Stance::Supporter,
    );
    let b = person(
        "ca-p2",
        "Kira Silva",
        Role::EndUser,
        false,
        Stance::Promoter,
    );
    c.touchpoints
        .push(met("ca-t1", 20, &[&a, &b], TouchpointKind::Business));
    c.stakeholders.extend([a, b]);
    c.assessments.push(check_up(
        20,
        Some(Category::NotSecure),
        &[(Q::RMeetsRivals, Yes, "Saw their CTO at a rival's stand")],
        false,
    ));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert!(v.incomplete);
    assert_eq!(
        v.missing,
        vec![Q::LNotified, Q::LKnownChange, Q::LUnservable, Q::LWeChanged]
    );
    assert_eq!(reasons(&c), vec![(Q::RMeetsRivals, Yes)]);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    let k = keys(&c);
    for key in [
        "headline:at_risk",
        "triage",
        "assess:finish",
        "rivals:deepen",
    ] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

#[test]
fn the_anchor_client_that_passes_every_check_is_secure() {
    let mut c = Client::new(Id::new("anchor"), "Summit Analytics Partners");
    c.profile.relationship_start = Some(ago(5 * 365));
    c.profile.contract_end = Some(today().add_months(24));
    let ceo = person(
        "an-p1",
        "Grace Adler",
        Role::DecisionMaker,
        true,
        Stance::Promoter,
    );
    let lead = person(
        "an-p2",
        "Sami Okafor",
        Role::Influencer,
        false,
        Stance::Promoter,
    );
    c.touchpoints
        .push(met("an-t1", 14, &[&ceo, &lead], TouchpointKind::Business));
    c.touchpoints
        .push(met("an-t2", 60, &[&lead], TouchpointKind::Personal));
    c.stakeholders.extend([ceo, lead]);
    let mut fixed = issue(
        "an-i1",
        "Dashboard timeout",
        120,
        Severity::Minor,
        IssueStatus::Resolved,
    );
    fixed.resolved_on = Some(ago(110));
    c.issues.push(fixed);
    c.assessments
        .push(check_up(14, Some(Category::Secure), &[], true));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::Secure);
    assert!(v.reasons.is_empty() && !v.incomplete);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    assert_eq!(
        keys(&c),
        vec![
            "headline:secure",
            "care:tell",
            "care:meet",
            "care:help",
            "care:advocate"
        ]
    );
    // Complacency check: two years later with no contact the signs appear.
    let later = today().add_days(730);
    let late: Vec<W> = client_warning_signs(&c, later)
        .iter()
        .map(|w| w.sign)
        .collect();
    assert!(
        late.contains(&W::GoingQuiet) && late.contains(&W::AssessmentStale),
        "{late:?}"
    );
}

#[test]
fn the_yearly_tender_client_is_not_secure_with_an_urgent_renewal() {
    let mut c = easy_client();
    c.profile.name = "Westfield Water Ltd".into();
    c.profile.relationship_start = Some(ago(400));
    c.profile.contract_end = Some(ago(-60));
    c.stakeholders[0].senior = true;
    c.stakeholders[0].last_contact = Some(ago(5));
    c.stakeholders.push(Stakeholder {
        last_contact: Some(ago(30)),
        ..person(
            "tender-p2",
            "Ben Fischer",
            Role::Influencer,
            false,
            Stance::Neutral,
        )
    });
    c.assessments = vec![check_up(
        10,
        None,
        &[(Q::NShops, Yes, "Public tender every spring")],
        true,
    )];
    assert_eq!(client_verdict(&c).computed, Category::NotSecure);
    assert_eq!(reasons(&c), vec![(Q::NShops, Yes)]);
    assert_eq!(signs(&c), vec![W::RenewalApproaching]);
    assert_eq!(
        warning(&c, W::RenewalApproaching).strength,
        Strength::Urgent
    );
    assert!(keys(&c).contains(&"tender:prepare".to_string()));
    assert!(keys(&c).iter().any(|k| k.starts_with("renewal:")));
}

#[test]
fn a_merger_with_an_unsure_loss_signal_is_at_risk() {
    let mut c = Client::new(Id::new("merger"), "Ironbridge Metals Holdings");
    let old = person(
        "me-p1",
        "Pavel Petrov",
        Role::Sponsor,
        true,
        Stance::Promoter,
    );
    let new = person(
        "me-p2",
        "Elena Moreau",
        Role::DecisionMaker,
        true,
        Stance::Neutral,
    );
    c.touchpoints
        .push(met("me-t1", 15, &[&old, &new], TouchpointKind::Business));
    c.stakeholders.extend([old, new]);
    c.issues.push(issue(
        "me-i1",
        "Certificates missing",
        100,
        Severity::Minor,
        IssueStatus::Resolved,
    ));
    c.assessments.push(check_up(
        120,
        Some(Category::NotSecure),
        &[
            (Q::NPeopleChange, Yes, "Pavel retires in June"),
            (
                Q::NCorporateChange,
                Yes,
                "Being bought by a group that uses Orbis",
            ),
            (Q::LKnownChange, Unsure, "Will the new owner keep us?"),
        ],
        true,
    ));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert_eq!(
        reasons(&c),
        vec![
            (Q::LKnownChange, Unsure),
            (Q::NPeopleChange, Yes),
            (Q::NCorporateChange, Yes)
        ]
    );
    assert_eq!(v.decisive_reasons().count(), 1);
    assert_eq!(signs(&c), vec![W::AssessmentStale]);
    let k = keys(&c);
    for key in ["people:new", "corporate:map", "reassess", "triage"] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

#[test]
fn the_price_buyer_goes_to_triage() {
    let mut c = sponsor_client();
    c.profile.name = "Lakeshore Retail".into();
    c.profile.margin = Some(Margin::Percent(8.0));
    c.stakeholders[1].stance = Stance::Neutral;
    c.stakeholders[1].last_contact = Some(ago(2));
    c.assessments = vec![check_up(
        2,
        Some(Category::NotSecure),
        &[
            (Q::RPrice, Yes, "Every order goes to the cheapest quote"),
            (Q::SRivalContact, Yes, ""),
        ],
        true,
    )];
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert_eq!(reasons(&c), vec![(Q::RPrice, Yes), (Q::SRivalContact, Yes)]);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    assert_eq!(triage_questions(v.computed).len(), 6);
    assert_eq!(low_margin(&c), Some(true));
    let k = keys(&c);
    assert!(
        k.contains(&"value:beyond_price".to_string()) && k.contains(&"rivals:deepen".to_string())
    );
    // Dismissed and adopted proposals are not offered again.
    c.dismissed_proposals.push("value:beyond_price".into());
    let p = proposals(&c, &v, &[]);
    let rivals = p
        .iter()
        .find(|p| p.key == "rivals:deepen")
        .expect("proposed");
    c.actions
        .push(rivals.to_action(Id::new("x1"), today(), "me"));
    let k = keys(&c);
    assert!(
        !k.contains(&"value:beyond_price".to_string()) && !k.contains(&"rivals:deepen".to_string())
    );
}

#[test]
fn a_loss_teaches_about_clients_with_the_same_signs() {
    let mut lost = easy_client();
    lost.lost_on = Some(ago(1));
    let mut p = Portfolio {
        owner: String::new(),
        clients: vec![lost, leaving_client(), sponsor_client()],
    };
    // Another quiet, single-threaded client like the one we lost.
    let mut twin = easy_client();
    twin.id = Id::new("twin");
    twin.profile.name = "Oakridge Print".into();
    p.clients.push(twin);
    let views = assess_portfolio(&p, today());
    let lessons = lessons_from_loss(&p, &views, &Id::new("easy"));
    assert_eq!(lessons[0].client.as_str(), "twin");
    assert!(lessons[0].signs.contains(&W::SuspiciouslyEasy));
    assert_eq!(lessons[0].reasons, vec![Q::SFeedbackAll, Q::SPromoters]);
    assert!(!lessons.iter().any(|l| l.client.as_str() == "easy"));
    assert!(
        !lessons.iter().any(|l| l.client.as_str() == "leaving"),
        "shares nothing"
    );
}

#[test]
fn no_suggestion_without_evidence() {
    let c = Client::new(Id::new("empty"), "Nothing known yet");
    assert!(suggestions(&c, today()).is_empty());
    // An ended contract suggests there is none.
    let mut c = c;
    c.profile.contract_end = Some(ago(10));
    let s = suggestions(&c, today());
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].question, s[0].answer), (Q::SContract, No));
}
