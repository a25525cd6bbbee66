#![cfg(not(target_arch = "wasm32"))]
//! Scenario tests: small clients taken from the stories in the seed articles,
//! checked end to end (category, reasons, warning signs, suggestions, plan).
//! The easy, leaving, sponsor and ageing-problem clients; the rest are in
//! `domain_scenarios_risk.rs`.

mod domain_support;
mod scenario_support;

use continuum_core::domain::engine::client_verdict;
use continuum_core::domain::summary::{assess_portfolio, blind_spots};
use continuum_core::domain::triage::{decide, triage_questions, TriageError};
use continuum_core::domain::warnings::{Strength, WarningSign as W};
use continuum_core::domain::{
    confirm, suggestions, Answer, Category, Client, Evidence, Id, IssueStatus, Portfolio,
    QuestionId as Q, Role, Severity, Stance, TouchpointKind, TriageOutcome,
};
use scenario_support::*;
use Answer::{Unsure, Yes};

#[test]
fn the_easy_long_standing_client_is_not_secure_and_flagged() {
    let c = easy_client();
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::NotSecure);
    assert!(!v.incomplete);
    assert_eq!(
        reasons(&c),
        vec![(Q::SFeedbackAll, Unsure), (Q::SPromoters, Unsure)]
    );
    assert_eq!(v.reasons[0].note, "Only the buyer ever tells us anything");
    assert_eq!(
        signs(&c),
        vec![
            W::NoSeniorRelationship,
            W::SingleThreaded,
            W::GoingQuiet,
            W::SuspiciouslyEasy,
            // The buyer decides and was last met 120 days ago.
            W::StillInRole
        ]
    );
    assert_eq!(warning(&c, W::GoingQuiet).days, Some(120));
    // The gut said secure: a blind spot.
    let p = Portfolio {
        owner: String::new(),
        clients: vec![c.clone()],
    };
    let spots = blind_spots(&p, &assess_portfolio(&p, today()));
    assert_eq!(spots.len(), 1);
    assert_eq!(
        (spots[0].gut, spots[0].computed),
        (Category::Secure, Category::NotSecure)
    );
    // A relationship for life, as the article's rescue plan describes.
    let k = keys(&c);
    for key in [
        "life:meet_senior",
        "life:ask_value",
        "life:inform_quarterly",
        "life:regular_meeting",
        "life:personal",
    ] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

#[test]
fn the_announced_non_renewal_is_an_inevitable_loss_with_renewal_warning() {
    let c = leaving_client();
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::InevitableLoss);
    assert!(!v.incomplete, "nothing can make an inevitable loss worse");
    assert_eq!(reasons(&c), vec![(Q::LNotified, Yes)]);
    assert_eq!(signs(&c), vec![W::RenewalApproaching]);
    let w = warning(&c, W::RenewalApproaching);
    assert_eq!(
        w.strength,
        Strength::Strong,
        "six months out is not yet urgent"
    );
    assert_eq!(w.days, Some(today().add_months(6).days_since(today())));
    assert_eq!(triage_questions(v.computed).len(), 4);
    let k = keys(&c);
    assert!(k.contains(&"triage".to_string()) && k.contains(&"loss:learn".to_string()));
    // Proactive care reaches a leaving client too (METHOD.md: "for
    // everyone, all the time"): how we part decides whether they return.
    assert!(
        k.contains(&"care:meet".to_string()),
        "proactive care for a loss too: {k:?}"
    );
    // Letting go needs the reasons.
    let none = decide(today(), TriageOutcome::LetGoWell, Default::default(), "  ");
    assert_eq!(none, Err(TriageError::LossReasonsMissing));
    let ok = decide(
        today(),
        TriageOutcome::LetGoWell,
        Default::default(),
        "New owner consolidates suppliers",
    );
    assert_eq!(ok.map(|d| d.outcome), Ok(TriageOutcome::LetGoWell));
}

#[test]
fn the_happy_sponsor_does_not_make_the_account_safe() {
    let c = sponsor_client();
    assert_eq!(client_verdict(&c).computed, Category::NotSecure);
    assert_eq!(
        reasons(&c),
        vec![(Q::SDissent, Yes), (Q::NUnhappyLeader, Yes)]
    );
    assert_eq!(
        signs(&c),
        vec![W::UncheckedOpposition, W::HappySponsorUnhappyOthers]
    );
    let unchecked = warning(&c, W::UncheckedOpposition);
    assert_eq!(unchecked.strength, Strength::Strong);
    assert_eq!(
        unchecked.evidence,
        vec![Evidence::Stakeholder {
            id: Id::new("sp-p2"),
            name: "Hugo Brooks".into()
        }]
    );
    // Suggestions name the critic as evidence.
    let s = suggestions(&c, today());
    let find = |q| {
        s.iter()
            .find(|s| s.question == q)
            .unwrap_or_else(|| panic!("{q} suggested"))
    };
    for q in [Q::SDissent, Q::NUnhappyLeader, Q::NRivalPref] {
        assert_eq!(find(q).answer, Yes);
        assert!(
            matches!(&find(q).evidence[..], [Evidence::Stakeholder { id, .. }] if id.as_str() == "sp-p2")
        );
    }
    // Engage the obstacle, and enlist help because they are opposed.
    let k = keys(&c);
    assert!(
        k.contains(&"engage:sp-p2".to_string()) && k.contains(&"enlist:sp-p2".to_string()),
        "{k:?}"
    );
    assert!(!k.contains(&"engage:unknown".to_string()));
}

#[test]
fn ageing_problems_become_an_at_risk_reason_once_confirmed() {
    let mut c = Client::new(Id::new("ageing"), "Cedar Foods");
    let head = person(
        "ag-p1",
        "Farid Khan",
        Role::DecisionMaker,
        true,
        Stance::Dissatisfied,
    );
    let ops = person(
        "ag-p2",
        "Mia Jansen",
        Role::Influencer,
        false,
        Stance::Neutral,
    );
    c.touchpoints
        .push(met("ag-t1", 3, &[&head, &ops], TouchpointKind::Business));
    c.stakeholders.extend([head, ops]);
    c.issues.push(issue(
        "ag-i1",
        "Cold chain breaks on route 4",
        75,
        Severity::Serious,
        IssueStatus::InProgress,
    ));
    c.issues.push(issue(
        "ag-i2",
        "Invoice typo",
        10,
        Severity::Minor,
        IssueStatus::Open,
    ));
    c.assessments.push(check_up(3, None, &[], false));
    assert_eq!(client_verdict(&c).computed, Category::Unassessed);

    let w = warning(&c, W::ProblemsAgeing);
    assert_eq!((w.strength, w.days), (Strength::Strong, Some(75)));
    assert_eq!(w.evidence.len(), 1, "only the issue older than 30 days");

    // Suggestions are not answers until confirmed.
    let s = suggestions(&c, today());
    let serious = s
        .iter()
        .find(|s| s.question == Q::RSeriousIssues)
        .cloned()
        .expect("suggested");
    assert_eq!(client_verdict(&c).computed, Category::Unassessed);
    let a = c.assessments.last_mut().expect("one assessment");
    confirm(a, &serious);
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert!(v.incomplete);
    assert!(
        v.reasons[0].note.contains("Cold chain breaks on route 4"),
        "{}",
        v.reasons[0].note
    );
    let k = keys(&c);
    assert!(
        k.contains(&"resolve:ag-i1".to_string()) && k.contains(&"resolve:together".to_string()),
        "{k:?}"
    );
    assert!(!k.contains(&"resolve:ag-i2".to_string()));
}
