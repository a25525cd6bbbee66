#![cfg(not(target_arch = "wasm32"))]
//! Properties METHOD.md demands of the engine, over every kind of
//! questionnaire, and a no-panic sweep over generated portfolios.

use std::collections::BTreeMap;

use continuum_core::domain::engine::compute;
use continuum_core::domain::plan::proposals;
use continuum_core::domain::suggestions::suggestions;
use continuum_core::domain::summary::{assess_portfolio, lessons_from_loss, summarize};
use continuum_core::domain::{
    generate_portfolio, Answer, AnswerEntry, Category, Date, QuestionId, SampleShape, Section,
};
use proptest::prelude::*;

/// Any questionnaire: each of the 25 questions open or answered any way.
fn questionnaire() -> impl Strategy<Value = BTreeMap<QuestionId, AnswerEntry>> {
    let answer = prop_oneof![
        Just(None),
        Just(Some(Answer::Yes)),
        Just(Some(Answer::No)),
        Just(Some(Answer::Unsure)),
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

fn set(
    answers: &BTreeMap<QuestionId, AnswerEntry>,
    q: QuestionId,
    a: Answer,
) -> BTreeMap<QuestionId, AnswerEntry> {
    let mut out = answers.clone();
    out.insert(
        q,
        AnswerEntry {
            answer: a,
            note: String::new(),
        },
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn deterministic(answers in questionnaire()) {
        prop_assert_eq!(compute(&answers, None), compute(&answers.clone(), None));
    }

    #[test]
    fn monotone_when_an_answer_turns_unhealthy(answers in questionnaire(), i in 0usize..25) {
        let q = QuestionId::ALL[i];
        let healthy = q.question().healthy;
        let before = compute(&set(&answers, q, healthy), None).computed;
        for bad in [Answer::Unsure, if healthy == Answer::Yes { Answer::No } else { Answer::Yes }] {
            let after = compute(&set(&answers, q, bad), None).computed;
            prop_assert!(
                after.severity() >= before.severity(),
                "{} from {:?} to {:?} moved {:?} -> {:?}", q, healthy, bad, before, after
            );
        }
    }

    #[test]
    fn monotone_when_an_open_question_is_answered(answers in questionnaire(), i in 0usize..25, a in 0usize..3) {
        let q = QuestionId::ALL[i];
        let mut open = answers.clone();
        open.remove(&q);
        let before = compute(&open, None).computed;
        let after = compute(&set(&open, q, Answer::ALL[a]), None).computed;
        prop_assert!(after.severity() >= before.severity(), "{} {:?} -> {:?}", q, before, after);
        // Answering can only clear a question from the missing list.
        if before != Category::Unassessed && after == before {
            let v_after = compute(&set(&open, q, Answer::ALL[a]), None);
            prop_assert!(!v_after.missing.contains(&q));
        }
    }

    #[test]
    fn every_placed_verdict_has_a_reason(answers in questionnaire()) {
        let v = compute(&answers, None);
        match v.computed {
            Category::Secure | Category::Unassessed => prop_assert!(v.reasons.is_empty()),
            c => {
                prop_assert!(!v.reasons.is_empty());
                // The first reason is one that decides the category.
                prop_assert_eq!(v.reasons[0].points_to, c);
            }
        }
        // Most severe first.
        let severities: Vec<u8> = v.reasons.iter().map(|r| r.points_to.severity()).collect();
        prop_assert!(severities.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn secure_only_after_a_full_clean_questionnaire(answers in questionnaire()) {
        let v = compute(&answers, None);
        let checks_healthy = Section::SecureChecks.questions().all(|q| {
            answers.get(&q.id).is_some_and(|e| q.is_healthy(e.answer))
        });
        let nothing_open = answers.len() == 25;
        let all_healthy = answers.iter().all(|(q, e)| q.question().is_healthy(e.answer));
        prop_assert_eq!(v.computed == Category::Secure, checks_healthy && nothing_open && all_healthy);
        prop_assert_eq!(v.incomplete, !v.missing.is_empty());
        if v.computed == Category::InevitableLoss {
            prop_assert!(v.missing.is_empty());
        }
    }

    #[test]
    fn nothing_panics_on_generated_portfolios(seed in any::<u64>(), n in 0usize..12, day in 0i32..60_000) {
        let today = Date::from_days_since_epoch(day);
        let shape = SampleShape { stakeholders: 3, issues: 2, touchpoints: 3, assessments: 2 };
        let p = generate_portfolio(seed, n, today, shape);
        let views = assess_portfolio(&p, today);
        let summary = summarize(&p, &views, today);
        let counted: usize = summary.board.columns.iter().map(|c| c.count).sum();
        prop_assert_eq!(counted, n);
        for (c, v) in p.clients.iter().zip(&views) {
            let _ = suggestions(c, today);
            let props = proposals(c, &v.verdict, &v.warnings);
            let mut keys: Vec<&str> = props.iter().map(|p| p.key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            prop_assert_eq!(keys.len(), props.len(), "no duplicate proposals");
            let _ = lessons_from_loss(&p, &views, &c.id);
        }
    }
}
