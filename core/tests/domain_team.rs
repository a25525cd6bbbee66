#![cfg(not(target_arch = "wasm32"))]
//! The team board: several salespeople's files combined for a manager.

mod domain_support;

use std::sync::Arc;

use continuum_core::domain::team::{team, Member};
use continuum_core::domain::{
    category_of, Action, Answer, Assessment, Category, Client, Date, Id, Portfolio, QuestionId,
};
use domain_support::{clean, lay};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn assessed(answers: &[(QuestionId, Answer)], days_ago: i32, gut: Option<Category>) -> Assessment {
    let mut a = Assessment::new(Id::new(format!("a{days_ago}")), today().add_days(-days_ago));
    a.answers = lay(
        clean(),
        answers.iter().map(|(q, ans)| (*q, *ans, String::new())),
    );
    a.verdict = category_of(&a.answers);
    a.gut = gut;
    a
}

fn client(id: &str, revenue: Option<u64>, rounds: Vec<Assessment>) -> Client {
    let mut c = Client::new(Id::new(id), id.to_uppercase());
    c.profile.annual_revenue = revenue;
    c.assessments = rounds;
    c
}

const AT_RISK: &[(QuestionId, Answer)] = &[(QuestionId::RPrice, Answer::Yes)];
const LOSS: &[(QuestionId, Answer)] = &[(QuestionId::LNotified, Answer::Yes)];

/// Ann: a secure client (10), an at-risk one (20, her gut said secure), a
/// never-assessed one (5), and the shared client "acme" assessed 100 days ago
/// as secure (stale) with revenue 1000.
fn ann() -> Member {
    let mut shared = client("acme", Some(1000), vec![assessed(&[], 100, None)]);
    shared.actions.push(Action {
        id: Id::new("x1"),
        title: "Call the buyer".into(),
        due: Some(today().add_days(-3)),
        owner: String::new(),
        done: false,
        proposal: None,
        notes: String::new(),
    });
    let mut risky = client(
        "risky",
        Some(20),
        vec![assessed(AT_RISK, 10, Some(Category::Secure))],
    );
    risky.profile.contract_end = Some(today().add_months(2));
    Member::new(
        "ann.json",
        Portfolio {
            owner: "Ann".into(),
            clients: vec![
                client("safe", Some(10), vec![assessed(&[], 5, None)]),
                risky,
                client("new", Some(5), vec![]),
                shared,
            ],
        },
    )
}

/// Bob: a lost-cause client (40, unknown contract), and his record of "acme"
/// assessed 2 days ago as inevitable loss, with a renewal in 3 months.
fn bob() -> Member {
    let mut shared = client("acme", Some(1000), vec![assessed(LOSS, 2, None)]);
    shared.profile.contract_end = Some(today().add_months(3));
    Member::new(
        "bob.json",
        Portfolio {
            owner: "Bob".into(),
            clients: vec![
                client("doomed", None, vec![assessed(LOSS, 1, None)]),
                shared,
            ],
        },
    )
}

#[test]
fn a_shared_client_is_shown_once_with_both_owners_and_the_freshest_record() {
    let t = team(&[ann(), bob()], today());
    let ids: Vec<&str> = t.clients.iter().map(|c| c.client().id.as_str()).collect();
    assert_eq!(ids, vec!["safe", "risky", "new", "acme", "doomed"]);
    let acme = t.client(&Id::new("acme")).unwrap();
    assert_eq!(acme.owners, vec!["Ann".to_string(), "Bob".to_string()]);
    // Bob assessed it 2 days ago, Ann 100 days ago: Bob's record is shown.
    assert_eq!(acme.shown_from, 1);
    assert_eq!(acme.view.verdict.category, Category::InevitableLoss);
}

#[test]
fn the_record_shown_does_not_depend_on_the_order_files_are_opened() {
    let t = team(&[bob(), ann()], today());
    let acme = t.client(&Id::new("acme")).unwrap();
    assert_eq!(acme.owners, vec!["Bob".to_string(), "Ann".to_string()]);
    assert_eq!(acme.shown_from, 0);
    assert_eq!(acme.view.verdict.category, Category::InevitableLoss);
}

#[test]
fn team_counts_and_revenue_per_category_count_a_shared_client_once() {
    let t = team(&[ann(), bob()], today());
    let col = |c: Category| t.board.column(c).unwrap().clone();
    assert_eq!(
        (col(Category::Secure).count, col(Category::Secure).revenue),
        (1, 10)
    );
    assert_eq!(
        (col(Category::AtRisk).count, col(Category::AtRisk).revenue),
        (1, 20)
    );
    let loss = col(Category::InevitableLoss);
    assert_eq!(
        (loss.count, loss.revenue, loss.revenue_unknown),
        (2, 1000, 1)
    );
    assert_eq!(col(Category::Unassessed).count, 1);
    assert_eq!(col(Category::NotSecure).count, 0);
    let total: usize = t.board.columns.iter().map(|c| c.count).sum();
    assert_eq!(total, 5);
}

#[test]
fn each_person_row_reads_that_persons_own_file() {
    let t = team(&[ann(), bob()], today());
    let a = &t.people[0];
    assert_eq!((a.owner.as_str(), a.file.as_str()), ("Ann", "ann.json"));
    assert_eq!(a.clients, 4);
    // Only "risky" is at risk in Ann's own file: her "acme" is secure.
    assert_eq!(a.revenue_at_risk, 20);
    assert_eq!(a.assessed, 3);
    assert_eq!(a.share_assessed(), 75);
    assert_eq!(a.stale, 1);
    assert_eq!(a.blind_spots, 1);
    assert_eq!(a.overdue_actions, 1);
    assert_eq!(a.renewals_not_secure, 1);
    assert_eq!(a.board.column(Category::Secure).unwrap().count, 2);
    assert_eq!(a.board.column(Category::Secure).unwrap().revenue, 1010);

    let b = &t.people[1];
    assert_eq!(b.clients, 2);
    assert_eq!(b.revenue_at_risk, 1000);
    assert_eq!((b.assessed, b.share_assessed(), b.stale), (2, 100, 0));
    assert_eq!(
        (b.blind_spots, b.overdue_actions, b.renewals_not_secure),
        (0, 0, 1)
    );
}

#[test]
fn not_secure_renewals_within_six_months_soonest_first_with_owners() {
    let mut a = ann();
    // A secure client renewing soon is not at risk; one beyond six months is not listed.
    Arc::make_mut(&mut a.portfolio).clients[0]
        .profile
        .contract_end = Some(today().add_days(10));
    Arc::make_mut(&mut a.portfolio).clients[2]
        .profile
        .contract_end = Some(today().add_months(7));
    let t = team(&[a, bob()], today());
    let names: Vec<(&str, Vec<String>)> = t
        .renewals
        .iter()
        .map(|r| (r.client.as_str(), r.owners.clone()))
        .collect();
    assert_eq!(
        names,
        vec![
            ("risky", vec!["Ann".to_string()]),
            ("acme", vec!["Ann".to_string(), "Bob".to_string()]),
        ]
    );
    assert_eq!(t.renewals[1].category, Category::InevitableLoss);
    assert_eq!(t.renewals[0].revenue, Some(20));
}

#[test]
fn a_contract_end_or_revenue_only_one_colleague_knows_fills_the_record_shown() {
    let mut b = bob();
    Arc::make_mut(&mut b.portfolio).clients[1]
        .profile
        .contract_end = None;
    Arc::make_mut(&mut b.portfolio).clients[1]
        .profile
        .annual_revenue = None;
    let mut a = ann();
    Arc::make_mut(&mut a.portfolio).clients[3]
        .profile
        .contract_end = Some(today().add_months(1));
    let t = team(&[a, b], today());
    let acme = t.client(&Id::new("acme")).unwrap();
    assert_eq!(
        acme.shown_from, 1,
        "Bob's fresher check-up is still the one shown"
    );
    assert_eq!(
        acme.client().profile.contract_end,
        Some(today().add_months(1))
    );
    assert_eq!(acme.client().profile.annual_revenue, Some(1000));
    assert!(t.renewals.iter().any(|r| r.client.as_str() == "acme"));
}

#[test]
fn lost_and_archived_clients_leave_the_counts_and_a_nameless_file_is_named_by_its_file() {
    let mut p = Portfolio::default();
    let mut lost = client("gone", Some(7), vec![assessed(LOSS, 1, None)]);
    lost.lost_on = Some(today());
    p.clients.push(lost);
    p.clients.push(client("kept", Some(3), vec![]));
    let m = Member::new("export.json", p);
    assert_eq!(m.owner, "export.json");
    let t = team(&[m], today());
    assert_eq!(t.people[0].clients, 1);
    assert_eq!(t.people[0].revenue_at_risk, 0);
    assert_eq!(t.board.lost, 1);
    assert_eq!(t.board.column(Category::Unassessed).unwrap().count, 1);
}

#[test]
fn no_files_make_an_empty_team() {
    let t = team(&[], today());
    assert!(t.clients.is_empty() && t.people.is_empty() && t.renewals.is_empty());
    assert!(t.board.columns.iter().all(|c| c.count == 0));
}

#[test]
fn the_demo_team_has_five_people_sharing_some_clients_over_every_category() {
    use continuum_core::domain::sample::{demo_team, DEMO_TEAM};
    use continuum_core::domain::summary::movement;
    let files = demo_team(today());
    assert_eq!(files.len(), 5);
    let members: Vec<Member> = files
        .iter()
        .map(|p| Member::new(format!("{}.json", p.owner), p.clone()))
        .collect();
    let owners: Vec<&str> = members.iter().map(|m| m.owner.as_str()).collect();
    assert_eq!(owners, DEMO_TEAM);
    let t = team(&members, today());
    let held: usize = files.iter().map(|p| p.clients.len()).sum();
    let shared = t.clients.iter().filter(|c| c.owners.len() == 2).count();
    assert!(shared > 0, "some clients are looked after by two people");
    assert!(t.clients.iter().all(|c| c.owners.len() <= 2));
    assert_eq!(t.clients.len(), held - shared, "a shared client shows once");
    for category in Category::PLACEMENTS {
        let column = t.board.column(category).map_or(0, |c| c.count);
        assert!(column > 0, "{category:?} is on the team board");
    }
    for p in &files {
        let moved = movement(p)
            .clients
            .iter()
            .filter(|m| m.from != m.to)
            .count();
        assert!(
            moved > 0,
            "{} has clients that moved between rounds",
            p.owner
        );
    }
    // The same day gives the same team, so a reload shows the same demo.
    assert_eq!(demo_team(today()), files);
}

#[test]
fn rows_computed_once_per_file_give_the_same_team_and_every_client_is_found_by_id() {
    use continuum_core::domain::team::{person_row, team_with_people};
    let members = [ann(), bob()];
    // A page keeps each person's row from when the file was read.
    let rows = members.iter().map(|m| person_row(m, today())).collect();
    let kept = team_with_people(&members, rows, today());
    let t = team(&members, today());
    assert_eq!(kept, t);
    assert_eq!(kept.people[0].owner, "Ann");
    for c in &t.clients {
        assert_eq!(
            t.client(&c.client().id).map(|f| &f.client().id),
            Some(&c.client().id)
        );
    }
    assert_eq!(t.client(&Id::new("nobody")), None);
}

#[test]
fn the_team_shows_each_files_own_record_and_copies_one_only_to_fill_a_gap() {
    let mut a = ann();
    let ends = Some(today().add_months(1));
    Arc::make_mut(&mut a.portfolio).clients[3]
        .profile
        .contract_end = ends;
    let mut b = bob();
    Arc::make_mut(&mut b.portfolio).clients[1]
        .profile
        .contract_end = None;
    let members = [a, b];
    let t = team(&members, today());
    // Held by one file: the team shows that file's record itself, not a copy.
    let risky = t.client(&Id::new("risky")).unwrap();
    assert!(std::ptr::eq(
        risky.client(),
        &members[0].portfolio.clients[1]
    ));
    // Bob's fresher "acme" lacks the contract end Ann's record has: the team
    // shows a copy with the gap filled, and Bob's file keeps its own.
    let acme = t.client(&Id::new("acme")).unwrap();
    assert_eq!(acme.shown_from, 1);
    assert_eq!(acme.client().profile.contract_end, ends);
    assert_eq!(members[1].portfolio.clients[1].profile.contract_end, None);
    assert!(!std::ptr::eq(
        acme.client(),
        &members[1].portfolio.clients[1]
    ));
}
