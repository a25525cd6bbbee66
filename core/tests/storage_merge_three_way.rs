#![cfg(not(target_arch = "wasm32"))]
//! Two tabs that changed one client: the three-way merge keeps both sides'
//! changes and puts only a true conflict to the user.

mod storage_support;

use continuum_core::domain::engine::set_answer;
use continuum_core::domain::*;
use continuum_core::storage::merge::merge_three_way;
use proptest::prelude::*;
use storage_support::*;

fn started() -> Client {
    let mut c = Client::new(Id::new("c-acme"), "Acme Tools");
    let mut a = Assessment::new(Id::new("a-1"), date("2026-11-20"));
    set_answer(&mut a, QuestionId::SCommitted, Answer::Yes, "");
    c.assessments.push(a);
    c
}

fn answer(c: &mut Client, q: QuestionId, v: Answer) {
    if let Some(a) = c.assessments.last_mut() {
        set_answer(a, q, v, "");
    }
}

/// Both tabs changed the same check-up at different moments: when it last
/// changed is never a conflict, it is the later of the two.
#[test]
fn the_time_of_a_change_made_in_both_tabs_is_the_later_one() {
    let base = started();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    answer(&mut ours, QuestionId::SDissent, Answer::Yes);
    changes::stamp_edit(&base, &mut ours, "2026-12-06T09:00:00Z".parse().unwrap());
    answer(&mut theirs, QuestionId::RPrice, Answer::No);
    let later: Stamp = "2026-12-06T09:05:00Z".parse().unwrap();
    changes::stamp_edit(&base, &mut theirs, later);
    for (o, t) in [(&ours, &theirs), (&theirs, &ours)] {
        let merged = merge_three_way(&base, o, t);
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        assert_eq!(
            merged.client.changed.of(Part::Assessment, &Id::new("a-1")),
            Some(later)
        );
    }
}

#[test]
fn two_different_answers_are_both_kept_and_the_verdict_follows_both() {
    let base = started();
    let mut ours = base.clone();
    answer(&mut ours, QuestionId::SDissent, Answer::Yes);
    let mut theirs = base.clone();
    answer(&mut theirs, QuestionId::RPrice, Answer::Yes);
    let merged = merge_three_way(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let a = &merged.client.assessments[0];
    assert_eq!(a.answers[&QuestionId::SDissent].answer, Answer::Yes);
    assert_eq!(a.answers[&QuestionId::RPrice].answer, Answer::Yes);
    assert_eq!(a.answers[&QuestionId::SCommitted].answer, Answer::Yes);
    // A price complaint makes the client at risk, whichever tab gave it.
    assert_eq!(a.verdict, Category::AtRisk);
}

#[test]
fn notes_people_and_issues_from_both_tabs_are_kept() {
    let base = rich_client(3);
    let mut ours = base.clone();
    ours.profile.notes = "Renewal talk booked".into();
    let mut person = ours.stakeholders[0].clone();
    person.id = Id::new("s-new-ours");
    person.name = "New Contact Here".into();
    ours.stakeholders.push(person);
    let mut theirs = base.clone();
    theirs.profile.annual_revenue = Some(123_456);
    let removed = theirs.issues.remove(0).id;
    theirs.stakeholders[1].title = "Chief Financial Officer".into();

    let merged = merge_three_way(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let c = &merged.client;
    assert_eq!(c.profile.notes, "Renewal talk booked");
    assert_eq!(c.profile.annual_revenue, Some(123_456));
    assert!(c.stakeholders.iter().any(|s| s.name == "New Contact Here"));
    assert_eq!(c.stakeholders[1].title, "Chief Financial Officer");
    assert!(
        !c.issues.iter().any(|i| i.id == removed),
        "their removal holds"
    );
    assert_eq!(c.stakeholders.len(), base.stakeholders.len() + 1);
}

#[test]
fn the_same_field_changed_differently_is_a_conflict_named_in_words() {
    let base = started();
    let mut ours = base.clone();
    answer(&mut ours, QuestionId::RPrice, Answer::Yes);
    ours.profile.notes = "Mine".into();
    let mut theirs = base.clone();
    answer(&mut theirs, QuestionId::RPrice, Answer::No);
    theirs.profile.notes = "Theirs".into();
    let merged = merge_three_way(&base, &ours, &theirs);
    let fields: Vec<&str> = merged.conflicts.iter().map(|c| c.field.as_str()).collect();
    let question = QuestionId::RPrice.question().text;
    assert!(
        fields.iter().any(|f| f.contains(question)),
        "the question is named: {fields:?}"
    );
    assert!(fields.contains(&"Notes"), "{fields:?}");
    let notes = merged.conflicts.iter().find(|c| c.field == "Notes");
    assert_eq!(
        notes.map(|c| (c.mine.as_str(), c.theirs.as_str())),
        Some(("Mine", "Theirs"))
    );
    // The newer (the other tab's) is kept until the user chooses; keeping
    // mine gives this tab's values.
    assert_eq!(merged.client.profile.notes, "Theirs");
    assert_eq!(merged.mine_kept.profile.notes, "Mine");
    assert_eq!(
        merged.mine_kept.assessments[0].answers[&QuestionId::RPrice].answer,
        Answer::Yes
    );
}

proptest! {
    #[test]
    fn one_sided_changes_are_taken_whole(base in client("b".into()), other in client("o".into())) {
        // Only theirs changed: theirs. Only ours changed: ours. Same change: it.
        prop_assert_eq!(&merge_three_way(&base, &base, &other).client, &other);
        prop_assert_eq!(&merge_three_way(&base, &other, &base).client, &other);
        let same = merge_three_way(&base, &other, &other);
        prop_assert_eq!(&same.client, &other);
        prop_assert!(same.conflicts.is_empty());
    }
}
