#![cfg(not(target_arch = "wasm32"))]
//! The path to a safer category: applying it really reaches the category,
//! and no smaller set of answer changes does, over every kind of
//! questionnaire; each step carries the evidence behind today's answer.

use std::collections::BTreeMap;

use continuum_core::domain::engine::category_of;
use continuum_core::domain::evidence::Evidence;
use continuum_core::domain::path::{apply_steps, paths, paths_from, reaches, safer_targets, Step};
use continuum_core::domain::{
    Answer, AnswerEntry, Assessment, Category, Client, Date, Id, Issue, IssueStatus, QuestionId,
    Severity,
};
use proptest::prelude::*;

fn questionnaire() -> impl Strategy<Value = BTreeMap<QuestionId, AnswerEntry>> {
    let answer = prop_oneof![
        2 => Just(None),
        3 => Just(Some(Answer::Yes)),
        4 => Just(Some(Answer::No)),
        1 => Just(Some(Answer::Unsure)),
    ];
    proptest::collection::vec(answer, 25).prop_map(|answers| {
        QuestionId::ALL
            .into_iter()
            .zip(answers)
            .filter_map(|(q, a)| {
                a.map(|answer| {
                    (
                        q,
                        AnswerEntry {
                            answer,
                            note: format!("why {q}"),
                        },
                    )
                })
            })
            .collect()
    })
}

fn assessment(answers: BTreeMap<QuestionId, AnswerEntry>) -> Assessment {
    let mut a = Assessment::new(Id::new("a"), Date::from_days_since_epoch(20_000));
    a.answers = answers;
    a
}

/// Any set of answer changes: questions with the answer each would take.
fn changes() -> impl Strategy<Value = Vec<(usize, usize)>> {
    proptest::collection::vec((0usize..25, 0usize..3), 0..25)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn applying_a_path_reaches_its_category(answers in questionnaire()) {
        let a = assessment(answers.clone());
        let current = category_of(&answers);
        let ps = paths_from(Some(&a));
        // One path per safer category, none when already secure.
        let targets: Vec<Category> = ps.iter().map(|p| p.target).collect();
        prop_assert_eq!(targets, safer_targets(current));
        for p in &ps {
            let after = apply_steps(&answers, &p.steps);
            prop_assert!(reaches(&after, p.target), "{:?} not reached: {:?}", p.target, category_of(&after));
            prop_assert!(category_of(&after).severity() < current.severity() || current == Category::Unassessed);
            if p.target == Category::Secure {
                prop_assert_eq!(category_of(&after), Category::Secure);
            }
            // Each step changes something: an open question or an unhealthy answer.
            for s in &p.steps {
                prop_assert!(s.from != Some(s.to));
                prop_assert_eq!(s.from, answers.get(&s.question).map(|e| e.answer));
            }
        }
    }

    #[test]
    fn every_step_is_needed(answers in questionnaire()) {
        let a = assessment(answers.clone());
        for p in paths_from(Some(&a)) {
            for i in 0..p.steps.len() {
                let mut fewer: Vec<Step> = p.steps.clone();
                fewer.remove(i);
                prop_assert!(!reaches(&apply_steps(&answers, &fewer), p.target),
                    "{:?} reached without {}", p.target, p.steps[i].question);
            }
        }
    }

    #[test]
    fn no_smaller_set_of_changes_reaches_it(answers in questionnaire(), other in changes()) {
        let a = assessment(answers.clone());
        for p in paths_from(Some(&a)) {
            // Any other set of changes, to any answers, with fewer questions touched.
            let mut changed = answers.clone();
            let mut touched = std::collections::BTreeSet::new();
            for (q, ans) in &other {
                let q = QuestionId::ALL[*q];
                changed.insert(q, AnswerEntry { answer: Answer::ALL[*ans], note: String::new() });
                touched.insert(q);
            }
            let real: usize = touched.iter().filter(|q| answers.get(q).map(|e| e.answer) != changed.get(q).map(|e| e.answer)).count();
            if real < p.steps.len() {
                prop_assert!(!reaches(&changed, p.target),
                    "{} changes reached {:?}, the path needs {}", real, p.target, p.steps.len());
            }
        }
    }
}

fn entry(answer: Answer) -> AnswerEntry {
    AnswerEntry {
        answer,
        note: String::new(),
    }
}

/// Every question answered healthily.
fn clean() -> BTreeMap<QuestionId, AnswerEntry> {
    QuestionId::ALL
        .into_iter()
        .map(|q| (q, entry(q.question().healthy)))
        .collect()
}

#[test]
fn a_client_told_us_it_leaves_has_one_step_to_at_risk() {
    let mut answers = clean();
    answers.insert(QuestionId::LNotified, entry(Answer::Yes));
    answers.insert(QuestionId::RPrice, entry(Answer::Yes));
    answers.insert(QuestionId::NShops, entry(Answer::Yes));
    let ps = paths_from(Some(&assessment(answers)));
    let steps = |t: Category| -> Vec<QuestionId> {
        ps.iter()
            .find(|p| p.target == t)
            .map(|p| p.steps.iter().map(|s| s.question).collect())
            .unwrap_or_default()
    };
    assert_eq!(steps(Category::AtRisk), vec![QuestionId::LNotified]);
    assert_eq!(
        steps(Category::NotSecure),
        vec![QuestionId::LNotified, QuestionId::RPrice]
    );
    assert_eq!(
        steps(Category::Secure),
        vec![
            QuestionId::LNotified,
            QuestionId::RPrice,
            QuestionId::NShops
        ]
    );
}

#[test]
fn the_path_to_secure_names_the_open_checks_too() {
    let mut answers = clean();
    answers.remove(&QuestionId::SContract);
    answers.insert(QuestionId::SPromoters, entry(Answer::Unsure));
    let ps = paths_from(Some(&assessment(answers)));
    assert_eq!(ps.len(), 1);
    let secure = &ps[0];
    assert_eq!(secure.target, Category::Secure);
    let got: Vec<(QuestionId, Option<Answer>, Answer)> = secure
        .steps
        .iter()
        .map(|s| (s.question, s.from, s.to))
        .collect();
    assert_eq!(
        got,
        vec![
            (QuestionId::SPromoters, Some(Answer::Unsure), Answer::Yes),
            (QuestionId::SContract, None, Answer::Yes),
        ]
    );
}

#[test]
fn a_step_carries_the_issue_behind_todays_answer_and_becomes_an_action() {
    let today = Date::from_days_since_epoch(20_000);
    let mut c = Client::new(Id::new("c"), "Kestrel Foods");
    c.issues.push(Issue {
        id: Id::new("i1"),
        title: "Late deliveries".into(),
        opened_on: today.add_days(-12),
        severity: Severity::Serious,
        status: IssueStatus::Open,
        owner: String::new(),
        resolved_on: None,
        notes: String::new(),
    });
    let mut answers = clean();
    answers.insert(
        QuestionId::RSeriousIssues,
        AnswerEntry {
            answer: Answer::Yes,
            note: "Three trucks late in May".into(),
        },
    );
    c.assessments.push(assessment(answers));
    let ps = paths(&c, today);
    let to_not_secure = ps
        .iter()
        .find(|p| p.target == Category::NotSecure)
        .expect("an at-risk client has a path to not secure");
    let step = &to_not_secure.steps[0];
    assert_eq!(step.question, QuestionId::RSeriousIssues);
    assert!(matches!(
        &step.evidence[..],
        [Evidence::Issue { title, .. }] if title == "Late deliveries"
    ));
    let action = step.to_action(Category::NotSecure, Id::new("x1"), today, "Dana");
    assert_eq!(action.proposal.as_deref(), Some("path:r_serious_issues"));
    assert_eq!(action.due, Some(today.add_days(14)));
    assert!(action.notes.contains("Late deliveries"));
    assert!(action.notes.contains("Three trucks late in May"));
    assert!(action
        .title
        .contains(QuestionId::RSeriousIssues.question().text));
}

#[test]
fn a_secure_client_has_no_path_and_an_unassessed_one_only_to_secure() {
    assert!(paths_from(Some(&assessment(clean()))).is_empty());
    let ps = paths_from(None);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].target, Category::Secure);
    assert_eq!(ps[0].steps.len(), 25);
}
