#![cfg(not(target_arch = "wasm32"))]
//! Lessons from a loss as the lost client's page shows them: when they are
//! shown, what each client shares in words, and the follow-up offered.

use continuum_core::domain::summary::{assess_portfolio, lessons_from_loss, teaches_a_loss};
use continuum_core::domain::{
    decide, set_answer, Answer, Assessment, Client, Date, Id, Portfolio, QuestionId, TriageOutcome,
};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn client(id: &str, answers: &[QuestionId]) -> Client {
    let mut c = Client::new(Id::new(id), id);
    let mut a = Assessment::new(Id::new(format!("{id}-a")), today());
    for q in answers {
        set_answer(&mut a, *q, Answer::Yes, "");
    }
    c.assessments.push(a);
    c
}

#[test]
fn lessons_show_for_a_lost_client_or_one_let_go_well() {
    let mut c = client("lost", &[QuestionId::RPrice]);
    assert!(!teaches_a_loss(&c));
    c.lost_on = Some(today());
    assert!(teaches_a_loss(&c));
    let mut let_go = client("let-go", &[QuestionId::RPrice]);
    let_go.triage = Some(
        decide(
            today(),
            TriageOutcome::LetGoWell,
            Default::default(),
            "moved",
        )
        .unwrap(),
    );
    assert!(teaches_a_loss(&let_go));
    let mut kept = client("kept", &[QuestionId::RPrice]);
    kept.triage = Some(
        decide(
            today(),
            TriageOutcome::MaintainAndWatch,
            Default::default(),
            "",
        )
        .unwrap(),
    );
    assert!(!teaches_a_loss(&kept));
}

#[test]
fn each_lesson_says_what_it_shares_and_offers_a_follow_up() {
    let mut lost = client("Lost Co", &[QuestionId::RPrice, QuestionId::NShops]);
    lost.lost_on = Some(today());
    let both = client("Both Co", &[QuestionId::RPrice, QuestionId::NShops]);
    let one = client("One Co", &[QuestionId::NShops]);
    let none = client("Clean Co", &[]);
    let p = Portfolio {
        owner: "me".into(),
        clients: vec![lost, one, both, none],
    };
    let views = assess_portfolio(&p, today());
    let lessons = lessons_from_loss(&p, &views, &Id::new("Lost Co"));
    let names: Vec<&str> = lessons.iter().map(|l| l.name.as_str()).collect();
    // All three share the thin-relationship signs (nobody recorded); the
    // answers make the difference.
    assert_eq!(names, ["Both Co", "One Co", "Clean Co"], "most alike first");
    let shared = lessons[1].shared();
    assert_eq!(
        shared.last(),
        Some(&QuestionId::NShops.question().text.to_string())
    );
    assert!(shared.contains(&"Going quiet".to_string()), "{shared:?}");
    assert!(!lessons[2]
        .shared()
        .iter()
        .any(|s| s == QuestionId::NShops.question().text));
    let action = lessons[0].action("Lost Co", Id::new("x1"), today(), "Dana");
    assert_eq!(action.due, Some(Date::from_ymd(2026, 3, 8).unwrap()));
    assert!(action.title.contains("Lost Co"), "{}", action.title);
    assert!(action.notes.contains(QuestionId::RPrice.question().text));
    assert!(!action.done);
}
