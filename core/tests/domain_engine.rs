#![cfg(not(target_arch = "wasm32"))]
//! The engine's precedence, the unsure rule, incomplete verdicts and
//! "not yet assessed", table by table (METHOD.md, "Placing a client").

use std::collections::BTreeMap;

mod domain_support;

use continuum_core::domain::engine::{compute, points_to};
use continuum_core::domain::{
    Answer, AnswerEntry, Category, Override, QuestionId as Q, Section, Verdict, QUESTIONS,
};
use domain_support::{clean, lay, Answers};
use Answer::{No, Unsure, Yes};
use Category::*;

fn with(base: Answers, changes: &[(Q, Answer)]) -> Answers {
    lay(
        base,
        changes
            .iter()
            .map(|(q, a)| (*q, *a, format!("note on {q}"))),
    )
}

fn only(changes: &[(Q, Answer)]) -> Answers {
    with(BTreeMap::new(), changes)
}

/// Changes to a questionnaire: (question, answer) pairs.
type Changes = &'static [(Q, Answer)];

fn run(answers: &Answers) -> Verdict {
    compute(answers, None)
}

fn section(s: Section) -> Vec<Q> {
    s.questions().map(|q| q.id).collect()
}

#[test]
fn precedence_on_a_full_questionnaire() {
    // (changes to a clean questionnaire, expected category, the decisive question)
    let table: &[(Changes, Category, Option<Q>)] = &[
        (&[], Secure, None),
        // Rule 1: a loss `yes` wins over everything.
        (&[(Q::LNotified, Yes)], InevitableLoss, Some(Q::LNotified)),
        (
            &[(Q::LWeChanged, Yes), (Q::RPrice, Yes), (Q::SDissent, Yes)],
            InevitableLoss,
            Some(Q::LWeChanged),
        ),
        (
            &[(Q::LUnservable, Yes), (Q::LKnownChange, Unsure)],
            InevitableLoss,
            Some(Q::LUnservable),
        ),
        // Rule 2: an at-risk `yes`, or a loss `unsure`.
        (&[(Q::ROffers, Yes)], AtRisk, Some(Q::ROffers)),
        (
            &[(Q::RSeriousIssues, Yes), (Q::NShops, Yes)],
            AtRisk,
            Some(Q::RSeriousIssues),
        ),
        (&[(Q::LKnownChange, Unsure)], AtRisk, Some(Q::LKnownChange)),
        (
            &[(Q::LNotified, Unsure), (Q::RPrice, Unsure)],
            AtRisk,
            Some(Q::LNotified),
        ),
        // Rule 3: an at-risk `unsure`, any not-secure signal, any secure check off.
        (
            &[(Q::RMeetsRivals, Unsure)],
            NotSecure,
            Some(Q::RMeetsRivals),
        ),
        (
            &[(Q::NPeopleChange, Yes)],
            NotSecure,
            Some(Q::NPeopleChange),
        ),
        (
            &[(Q::NCorporateChange, Unsure)],
            NotSecure,
            Some(Q::NCorporateChange),
        ),
        (&[(Q::SContract, No)], NotSecure, Some(Q::SContract)),
        (&[(Q::SDissent, Yes)], NotSecure, Some(Q::SDissent)),
        (&[(Q::SPromoters, Unsure)], NotSecure, Some(Q::SPromoters)),
    ];
    for (changes, expected, decisive) in table {
        let v = run(&with(clean(), changes));
        assert_eq!(v.computed, *expected, "changes {changes:?}");
        assert_eq!(v.category, *expected);
        assert!(
            !v.incomplete,
            "a full questionnaire is complete: {changes:?}"
        );
        assert!(v.missing.is_empty());
        assert_eq!(
            v.reasons.len(),
            changes.len(),
            "every unhealthy answer is a reason"
        );
        assert_eq!(v.reasons.first().map(|r| r.question), *decisive);
    }
}

#[test]
fn each_answer_points_to_the_category_method_md_names() {
    for q in QUESTIONS.iter() {
        let unhealthy = if q.healthy == Yes { No } else { Yes };
        let expected_unhealthy = match q.section {
            Section::LossSignals => InevitableLoss,
            Section::AtRiskSignals => AtRisk,
            _ => NotSecure,
        };
        let expected_unsure = match q.section {
            Section::LossSignals => AtRisk,
            _ => NotSecure,
        };
        assert_eq!(points_to(q.id, q.healthy), None, "{}", q.id);
        assert_eq!(
            points_to(q.id, unhealthy),
            Some(expected_unhealthy),
            "{}",
            q.id
        );
        assert_eq!(points_to(q.id, Unsure), Some(expected_unsure), "{}", q.id);
    }
}

#[test]
fn unsure_is_never_healthy() {
    for q in QUESTIONS.iter() {
        assert!(!q.is_healthy(Unsure), "{}", q.id);
        let v = run(&with(clean(), &[(q.id, Unsure)]));
        assert_ne!(v.computed, Secure, "unsure on {} must not be secure", q.id);
        assert_eq!(v.reasons.len(), 1);
        assert_eq!(v.reasons[0].answer, Unsure);
        assert_eq!(v.reasons[0].note, format!("note on {}", q.id));
    }
}

#[test]
fn a_known_problem_is_never_hidden_by_open_questions() {
    // One at-risk `yes`, nothing else answered.
    let v = run(&only(&[(Q::RPrice, Yes)]));
    assert_eq!(v.computed, AtRisk);
    assert!(v.incomplete);
    // Only loss signals could make it worse.
    assert_eq!(v.missing, section(Section::LossSignals));
    assert_eq!(v.reasons.len(), 1);
    assert_eq!(v.reasons[0].question, Q::RPrice);
    assert_eq!(v.reasons[0].note, "note on r_price");
}

#[test]
fn incomplete_verdicts_list_what_could_make_them_worse() {
    let loss = section(Section::LossSignals);
    let risk_and_loss: Vec<Q> = section(Section::AtRiskSignals)
        .into_iter()
        .chain(loss.clone())
        .collect();
    let table: &[(Changes, Category, Vec<Q>)] = &[
        (&[(Q::SDissent, Yes)], NotSecure, risk_and_loss.clone()),
        (&[(Q::RMeetsRivals, Unsure)], NotSecure, {
            // The at-risk question answered `unsure` is no longer open.
            risk_and_loss
                .iter()
                .copied()
                .filter(|q| *q != Q::RMeetsRivals)
                .collect()
        }),
        (
            &[(Q::LKnownChange, Unsure)],
            AtRisk,
            loss.iter()
                .copied()
                .filter(|q| *q != Q::LKnownChange)
                .collect(),
        ),
        (&[(Q::LNotified, Yes)], InevitableLoss, vec![]),
    ];
    for (changes, expected, missing) in table {
        let v = run(&only(changes));
        assert_eq!(v.computed, *expected, "{changes:?}");
        assert_eq!(&v.missing, missing, "{changes:?}");
        assert_eq!(v.incomplete, !missing.is_empty());
    }
    // Answering the missing questions healthily completes the verdict.
    let mut answers = only(&[(Q::SDissent, Yes)]);
    for q in &risk_and_loss {
        answers.insert(
            *q,
            AnswerEntry {
                answer: No,
                note: String::new(),
            },
        );
    }
    let v = run(&answers);
    assert_eq!(v.computed, NotSecure);
    assert!(!v.incomplete && v.missing.is_empty());
}

#[test]
fn unassessed_until_earned() {
    // No answers at all: every question is missing.
    let v = run(&BTreeMap::new());
    assert_eq!(v.computed, Unassessed);
    assert!(v.incomplete);
    assert_eq!(v.missing.len(), 25);
    assert!(v.reasons.is_empty());

    // Only healthy answers, one open: not secure yet, and the open one is missing.
    for open in Q::ALL {
        let mut answers = clean();
        answers.remove(&open);
        let v = run(&answers);
        assert_eq!(v.computed, Unassessed, "open {open}");
        assert_eq!(v.missing, vec![open]);
        assert!(v.incomplete && v.reasons.is_empty());
    }

    // Secure only after a full, clean questionnaire.
    let v = run(&clean());
    assert_eq!(v.computed, Secure);
    assert!(!v.incomplete && v.reasons.is_empty() && v.missing.is_empty());
}

#[test]
fn an_override_is_shown_but_never_hides_the_computed_category() {
    let o = Override {
        category: NotSecure,
        reason: "They signed a new three-year deal yesterday".to_string(),
    };
    let v = compute(&only(&[(Q::ROffers, Yes)]), Some(&o));
    assert_eq!(v.category, NotSecure);
    assert_eq!(v.computed, AtRisk);
    assert_eq!(
        v.r#override.as_ref().map(|o| o.reason.as_str()),
        Some(o.reason.as_str())
    );
    assert_eq!(v.reasons[0].question, Q::ROffers);
}
