#![cfg(not(target_arch = "wasm32"))]
//! What-if, key people and fragile clients: a simulation never changes the
//! stored client; departures, stances, resolved issues, contracts and a
//! competitor reach the answers as `whatif.rs` documents; the "still in
//! their role?" sign sits at 90 days; single points of failure are named.

use std::collections::BTreeMap;

use continuum_core::domain::fragile::{departures_that_hurt, is_fragile};
use continuum_core::domain::people::{single_points, SinglePoint};
use continuum_core::domain::whatif::{evaluate, Change};
use continuum_core::domain::{
    client_warning_signs, generate_portfolio, Answer, AnswerEntry, Assessment, Category, Client,
    Date, Id, Issue, IssueStatus, QuestionId as Q, Role, SampleShape, Severity, Stakeholder,
    Stance, WarningSign,
};
use proptest::prelude::*;

fn today() -> Date {
    Date::from_days_since_epoch(20_000)
}

fn person(id: &str, role: Role, senior: bool, stance: Stance) -> Stakeholder {
    Stakeholder {
        id: Id::new(id),
        name: format!("Person {id}"),
        title: String::new(),
        role,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: Some(today().add_days(-10)),
        last_contact: Some(today().add_days(-5)),
        notes: String::new(),
        still_in_role_on: None,
    }
}

fn clean() -> BTreeMap<Q, AnswerEntry> {
    Q::ALL
        .into_iter()
        .map(|q| {
            (
                q,
                AnswerEntry {
                    answer: q.question().healthy,
                    note: String::new(),
                },
            )
        })
        .collect()
}

/// A secure client: one senior promoter sponsor and one supporter, a clean check-up.
fn secure_client() -> Client {
    let mut c = Client::new(Id::new("c"), "Alder Logistics");
    c.stakeholders = vec![
        person("p1", Role::Sponsor, true, Stance::Promoter),
        person("p2", Role::EndUser, false, Stance::Supporter),
    ];
    c.profile.contract_end = Some(today().add_days(400));
    let mut a = Assessment::new(Id::new("a1"), today().add_days(-3));
    a.answers = clean();
    c.assessments.push(a);
    c
}

/// Hypothetical changes built from raw numbers, naming the client's own
/// people and issues (and, now and then, an id the client does not have).
fn changes_for(c: &Client, raw: &[(usize, usize, i32)]) -> Vec<Change> {
    let people: Vec<Id> = c.stakeholders.iter().map(|s| s.id.clone()).collect();
    let issues: Vec<Id> = c.issues.iter().map(|i| i.id.clone()).collect();
    let pick = |v: &Vec<Id>, n: usize| v.get(n).cloned().unwrap_or_else(|| Id::new("unknown"));
    raw.iter()
        .map(|&(k, n, d)| match k {
            0 => Change::Leaves(pick(&people, n)),
            1 => Change::Stance(pick(&people, n), Stance::Opposed),
            2 => Change::Stance(pick(&people, n), Stance::Promoter),
            3 => Change::Resolved(pick(&issues, n)),
            4 => Change::ContractUntil(today().add_days(d)),
            _ => Change::CompetitorInvited,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_simulation_never_changes_the_stored_client(
        seed in any::<u64>(),
        pick in 0usize..10,
        raw in proptest::collection::vec((0usize..6, 0usize..5, -100i32..900), 0..5),
    ) {
        let shape = SampleShape { stakeholders: 4, issues: 3, touchpoints: 3, assessments: 2 };
        let p = generate_portfolio(seed, 10, today(), shape);
        let client = p.clients[pick % p.clients.len()].clone();
        let stored = client.clone();
        let changes = changes_for(&client, &raw);
        let w = evaluate(&client, &changes, today());
        prop_assert_eq!(&client, &stored);
        // Today's side is exactly today's; no change at all is today again.
        prop_assert_eq!(&w.today.verdict, &continuum_core::domain::client_verdict(&stored));
        if changes.is_empty() {
            prop_assert_eq!(&w.simulated, &w.today);
            prop_assert!(w.answer_changes.is_empty());
        }
        // Every answer change the simulation reports is in the simulated check-up.
        if let Some(a) = w.client.current_assessment() {
            for m in &w.answer_changes {
                prop_assert_eq!(a.answer(m.question), Some(m.to));
            }
        }
    }
}

#[test]
fn the_only_promoter_leaving_makes_a_secure_client_not_secure() {
    let c = secure_client();
    let w = evaluate(&c, &[Change::Leaves(Id::new("p1"))], today());
    assert_eq!(w.today.verdict.category, Category::Secure);
    assert_eq!(w.simulated.verdict.category, Category::NotSecure);
    let moved: Vec<(Q, Answer)> = w
        .answer_changes
        .iter()
        .map(|m| (m.question, m.to))
        .collect();
    assert_eq!(moved, vec![(Q::SPromoters, Answer::No)]);
    // The senior sponsor is gone: no senior relationship any more.
    let signs =
        |ws: &[continuum_core::domain::Warning]| ws.iter().map(|w| w.sign).collect::<Vec<_>>();
    assert!(!signs(&w.today.warnings).contains(&WarningSign::NoSeniorRelationship));
    assert!(signs(&w.simulated.warnings).contains(&WarningSign::NoSeniorRelationship));
    assert!(w.client.stakeholders.iter().all(|s| s.id.as_str() != "p1"));
    // The supporter leaving changes nothing in the placement.
    let w2 = evaluate(&c, &[Change::Leaves(Id::new("p2"))], today());
    assert_eq!(w2.simulated.verdict.category, Category::Secure);
    // So the client is fragile, because of p1 alone.
    assert!(is_fragile(&c, today()));
    let hurt: Vec<&str> = departures_that_hurt(&c, today())
        .iter()
        .map(|(s, _)| s.id.as_str())
        .collect();
    assert_eq!(hurt, vec!["p1"]);
}

#[test]
fn two_promoters_make_the_client_not_fragile() {
    let mut c = secure_client();
    c.stakeholders[1].stance = Stance::Promoter;
    assert!(!is_fragile(&c, today()));
}

#[test]
fn an_opposed_decision_maker_and_a_competitor_reach_the_answers() {
    let mut c = secure_client();
    c.stakeholders
        .push(person("p3", Role::DecisionMaker, false, Stance::Neutral));
    let w = evaluate(
        &c,
        &[Change::Stance(Id::new("p3"), Stance::Opposed)],
        today(),
    );
    assert_eq!(w.simulated.verdict.category, Category::NotSecure);
    let moved: Vec<Q> = w.answer_changes.iter().map(|m| m.question).collect();
    assert_eq!(moved, vec![Q::SDissent, Q::NUnhappyLeader]);
    assert!(w.new_proposals().iter().any(|p| p.key == "engage:p3"));

    let w = evaluate(&c, &[Change::CompetitorInvited], today());
    assert_eq!(w.simulated.verdict.category, Category::AtRisk);
    let moved: Vec<(Q, Answer)> = w
        .answer_changes
        .iter()
        .map(|m| (m.question, m.to))
        .collect();
    assert_eq!(
        moved,
        vec![(Q::SRivalContact, Answer::Yes), (Q::ROffers, Answer::Yes)]
    );
}

#[test]
fn resolving_the_serious_issue_and_signing_a_contract_move_the_client_up() {
    let mut c = secure_client();
    c.profile.contract_end = Some(today().add_days(-5));
    c.issues.push(Issue {
        id: Id::new("i1"),
        title: "Broken scanner".into(),
        opened_on: today().add_days(-10),
        severity: Severity::Serious,
        status: IssueStatus::Open,
        owner: String::new(),
        resolved_on: None,
        notes: String::new(),
    });
    let a = c.assessments.last_mut().expect("a check-up");
    a.answers.insert(
        Q::RSeriousIssues,
        AnswerEntry {
            answer: Answer::Yes,
            note: String::new(),
        },
    );
    a.answers.insert(
        Q::SContract,
        AnswerEntry {
            answer: Answer::No,
            note: String::new(),
        },
    );
    let w = evaluate(
        &c,
        &[
            Change::Resolved(Id::new("i1")),
            Change::ContractUntil(today().add_days(730)),
        ],
        today(),
    );
    assert_eq!(w.today.verdict.category, Category::AtRisk);
    assert_eq!(w.simulated.verdict.category, Category::Secure);
    assert_eq!(w.client.issues[0].status, IssueStatus::Resolved);
    assert_eq!(w.client.profile.contract_end, Some(today().add_days(730)));
    // Only resolving the issue: the contract question still holds it back.
    let w = evaluate(&c, &[Change::Resolved(Id::new("i1"))], today());
    assert_eq!(w.simulated.verdict.category, Category::NotSecure);
}

#[test]
fn without_a_check_up_only_the_record_moves() {
    let mut c = secure_client();
    c.assessments.clear();
    let w = evaluate(
        &c,
        &[Change::Leaves(Id::new("p1")), Change::CompetitorInvited],
        today(),
    );
    assert!(w.answer_changes.is_empty());
    assert_eq!(w.simulated.verdict.category, Category::Unassessed);
    assert_eq!(w.client.stakeholders.len(), 1);
}

fn in_role_sign(c: &Client) -> Option<Vec<String>> {
    client_warning_signs(c, today())
        .into_iter()
        .find(|w| w.sign == WarningSign::StillInRole)
        .map(|w| w.evidence.iter().map(|e| e.describe()).collect())
}

#[test]
fn a_key_person_unconfirmed_for_90_days_raises_the_sign() {
    let mut c = secure_client();
    let key = &mut c.stakeholders[0];
    key.last_contact = None;
    for (days, shown) in [(89, false), (90, true), (91, true)] {
        c.stakeholders[0].still_in_role_on = Some(today().add_days(-days));
        assert_eq!(in_role_sign(&c).is_some(), shown, "{days} days");
    }
    assert_eq!(in_role_sign(&c), Some(vec!["Person p1".to_string()]));
    // A meeting with them is as good as a confirmation.
    c.stakeholders[0].last_contact = Some(today().add_days(-89));
    assert_eq!(in_role_sign(&c), None);
    // Never confirmed nor met: the sign asks.
    c.stakeholders[0].last_contact = None;
    c.stakeholders[0].still_in_role_on = None;
    assert!(in_role_sign(&c).is_some());
    // Only key people: an end user who is not senior is never asked about.
    c.stakeholders[0].still_in_role_on = Some(today());
    c.stakeholders[1].last_contact = None;
    assert_eq!(in_role_sign(&c), None);
    // And the plan proposes to check.
    c.stakeholders[0].still_in_role_on = Some(today().add_days(-120));
    let v = continuum_core::domain::client_verdict(&c);
    let ws = client_warning_signs(&c, today());
    let keys: Vec<String> = continuum_core::domain::proposals(&c, &v, &ws)
        .into_iter()
        .map(|p| p.key)
        .collect();
    assert!(keys.contains(&"in_role:p1".to_string()), "{keys:?}");
}

#[test]
fn the_only_senior_and_the_only_promoter_are_single_points_of_failure() {
    let mut c = secure_client();
    let sp = |c: &Client, i: usize| single_points(c, &c.stakeholders[i]);
    assert_eq!(
        sp(&c, 0),
        vec![SinglePoint::OnlySenior, SinglePoint::OnlyPromoter]
    );
    assert!(sp(&c, 1).is_empty());
    c.stakeholders[1].senior = true;
    assert_eq!(sp(&c, 0), vec![SinglePoint::OnlyPromoter]);
    c.stakeholders[1].stance = Stance::Promoter;
    assert!(sp(&c, 0).is_empty());
}
