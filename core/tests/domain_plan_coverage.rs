#![cfg(not(target_arch = "wasm32"))]
//! METHOD.md, "The plan": every reason and every warning sign proposes at
//! least one action, and `unsure` is treated as the method says. The lists
//! are enumerated, so a new question or sign without a proposal fails here.

mod domain_support;

use continuum_core::domain::engine::compute;
use continuum_core::domain::plan::proposals;
use continuum_core::domain::warnings::client_warning_signs;
use continuum_core::domain::{
    Answer, Assessment, Channel, Client, Date, Id, Issue, IssueStatus, ProposalSource,
    QuestionId as Q, Role, Severity, Stakeholder, Stance, Touchpoint, TouchpointKind, WarningSign,
    QUESTIONS,
};
use domain_support::{clean, lay};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn ago(days: i32) -> Date {
    today().add_days(-days)
}

/// Keys and sources proposed for a client with only `q` answered `answer`
/// against an otherwise clean questionnaire.
fn proposed_for(q: Q, answer: Answer) -> Vec<(String, ProposalSource)> {
    let answers = lay(clean(), [(q, answer, String::new())]);
    let verdict = compute(&answers, None);
    let client = Client::new(Id::new("c"), "Client");
    proposals(&client, &verdict, &[])
        .into_iter()
        .map(|p| (p.key, p.source))
        .collect()
}

#[test]
fn every_unhealthy_answer_to_every_question_proposes_an_action_for_it() {
    let mut checked = 0;
    for question in QUESTIONS.iter() {
        for answer in [Answer::Yes, Answer::No, Answer::Unsure] {
            if answer == question.healthy {
                continue;
            }
            let got = proposed_for(question.id, answer);
            assert!(
                got.iter()
                    .any(|(_, s)| *s == ProposalSource::Reason(question.id)),
                "{} = {answer:?} proposes nothing of its own: {got:?}",
                question.id.as_str()
            );
            checked += 1;
        }
    }
    // 25 questions: the 9 checks have one unhealthy answer besides unsure.
    assert_eq!(checked, 50);
}

#[test]
fn competitors_circling_proposes_deeper_ties_on_unsure_as_on_yes() {
    for q in [Q::ROffers, Q::RMeetsRivals] {
        for answer in [Answer::Yes, Answer::Unsure] {
            let got = proposed_for(q, answer);
            assert!(
                got.iter().any(|(k, _)| k == "rivals:deepen"),
                "{q:?} {answer:?}: {got:?}"
            );
        }
    }
}

#[test]
fn a_loss_question_answered_unsure_asks_to_clear_the_doubt_not_to_part() {
    let yes = proposed_for(Q::LNotified, Answer::Yes);
    let unsure = proposed_for(Q::LNotified, Answer::Unsure);
    assert!(yes.iter().any(|(k, _)| k == "loss:learn"));
    assert!(!unsure.iter().any(|(k, _)| k == "loss:learn"));
    assert!(unsure.iter().any(|(k, _)| k == "loss:learn:confirm"));
}

#[test]
fn proactive_care_includes_meeting_and_advocacy_and_reaches_a_leaving_client() {
    for (q, answer) in [(Q::SContract, Answer::No), (Q::LNotified, Answer::Yes)] {
        let keys: Vec<String> = proposed_for(q, answer).into_iter().map(|p| p.0).collect();
        for care in ["care:tell", "care:meet", "care:help", "care:advocate"] {
            assert!(
                keys.iter().any(|k| k == care),
                "{care} missing for {q:?}: {keys:?}"
            );
        }
    }
}

fn person(id: &str, role: Role, senior: bool, stance: Stance, contact: Option<i32>) -> Stakeholder {
    Stakeholder {
        id: Id::new(id),
        name: format!("Person {id}"),
        title: String::new(),
        role,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: Some(ago(10)),
        last_contact: contact.map(ago),
        notes: String::new(),
        still_in_role_on: None,
    }
}

/// A well-kept client (two people met last week, one senior, a recent
/// minor issue, a fresh check-up) that shows no warning sign.
fn healthy() -> Client {
    let mut c = Client::new(Id::new("c"), "Client");
    c.profile.relationship_start = Some(ago(400));
    c.stakeholders = vec![
        person("p1", Role::DecisionMaker, true, Stance::Supporter, None),
        person("p2", Role::Influencer, false, Stance::Supporter, None),
    ];
    c.touchpoints.push(Touchpoint {
        id: Id::new("t1"),
        date: ago(7),
        channel: Channel::Meeting,
        kind: TouchpointKind::Business,
        with: vec![Id::new("p1"), Id::new("p2")],
        note: String::new(),
    });
    let mut a = Assessment::new(Id::new("a1"), ago(10));
    a.answers = lay(clean(), [(Q::SContract, Answer::No, String::new())]);
    a.verdict = continuum_core::domain::category_of(&a.answers);
    c.assessments.push(a);
    c
}

/// A client showing `sign`. The match has no catch-all, so a new sign does
/// not compile here until it has a client that shows it.
fn showing(sign: WarningSign) -> Client {
    let mut c = healthy();
    match sign {
        WarningSign::NoSeniorRelationship => c.stakeholders[0].senior = false,
        WarningSign::SingleThreaded => c.touchpoints[0].with.truncate(1),
        WarningSign::GoingQuiet => c.touchpoints[0].date = ago(120),
        WarningSign::SuspiciouslyEasy => c.profile.relationship_start = Some(ago(2000)),
        WarningSign::ProblemsAgeing => c.issues.push(Issue {
            id: Id::new("i1"),
            title: "Late deliveries".into(),
            opened_on: ago(45),
            severity: Severity::Minor,
            status: IssueStatus::Open,
            owner: String::new(),
            resolved_on: None,
            notes: String::new(),
        }),
        WarningSign::UncheckedOpposition => c.stakeholders.push(person(
            "p3",
            Role::EndUser,
            false,
            Stance::Dissatisfied,
            Some(60),
        )),
        WarningSign::HappySponsorUnhappyOthers => {
            c.stakeholders[1].role = Role::Sponsor;
            c.stakeholders[1].stance = Stance::Promoter;
            c.stakeholders[0].stance = Stance::Opposed;
        }
        WarningSign::RenewalApproaching => c.profile.contract_end = Some(today().add_days(60)),
        WarningSign::AssessmentStale => c.assessments[0].date = ago(120),
        // The decision-maker, unconfirmed, last met four months ago.
        WarningSign::StillInRole => c.touchpoints[0].date = ago(120),
    }
    c
}

#[test]
fn every_warning_sign_proposes_an_action_for_it() {
    let quiet = client_warning_signs(&healthy(), today());
    assert!(quiet.is_empty(), "the base client shows {quiet:?}");
    for sign in WarningSign::ALL {
        let c = showing(sign);
        let warnings = client_warning_signs(&c, today());
        assert!(
            warnings.iter().any(|w| w.sign == sign),
            "{} not shown: {warnings:?}",
            sign.id()
        );
        // Only this sign's own proposals are looked at, so another sign
        // claiming a shared step does not hide a missing one.
        let only: Vec<_> = warnings.into_iter().filter(|w| w.sign == sign).collect();
        let verdict = continuum_core::domain::engine::client_verdict(&c);
        let got = proposals(&c, &verdict, &only);
        assert!(
            got.iter()
                .any(|p| p.source == ProposalSource::Warning(sign)),
            "{} proposes nothing: {:?}",
            sign.id(),
            got.iter().map(|p| &p.key).collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_dissatisfied_person_gets_a_colleague_enlisted_as_an_opposed_one_does() {
    let c = showing(WarningSign::UncheckedOpposition);
    let verdict = continuum_core::domain::engine::client_verdict(&c);
    let warnings = client_warning_signs(&c, today());
    let keys: Vec<String> = proposals(&c, &verdict, &warnings)
        .into_iter()
        .map(|p| p.key)
        .collect();
    assert!(keys.contains(&"engage:p3".to_string()), "{keys:?}");
    assert!(keys.contains(&"enlist:p3".to_string()), "{keys:?}");
}

#[test]
fn plan_and_triage_follow_the_worse_of_computed_and_override() {
    use continuum_core::domain::{make_override, needs_triage, triage_questions, Category};
    let at_risk = lay(clean(), [(Q::RPrice, Answer::Yes, String::new())]);
    let secure = clean();
    let cases = [
        // A hopeful override does not hide the computed risk…
        (&at_risk, Category::Secure, Category::AtRisk),
        // …and a worried one is followed although the engine is calmer.
        (&secure, Category::AtRisk, Category::AtRisk),
        (&at_risk, Category::InevitableLoss, Category::InevitableLoss),
    ];
    for (answers, to, followed) in cases {
        let o = make_override(Some(to), "seen from closer up").unwrap();
        let v = compute(answers, Some(&o));
        assert_eq!(v.category, to);
        assert_eq!(v.worse(), followed, "override to {to:?}");
        assert!(needs_triage(v.worse()));
        assert_eq!(triage_questions(v.worse()), triage_questions(followed));
        let client = Client::new(Id::new("c"), "Client");
        let keys: Vec<String> = proposals(&client, &v, &[])
            .into_iter()
            .map(|p| p.key)
            .collect();
        assert_eq!(keys[0], format!("headline:{}", followed.id()));
        assert!(keys.contains(&"triage".to_string()), "{keys:?}");
    }
}
