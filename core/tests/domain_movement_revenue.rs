#![cfg(not(target_arch = "wasm32"))]
//! Movement on the board: who moved between the last two check-ups, and the
//! net change of annual revenue per category that the moves bring.

use continuum_core::domain::summary::{board_index, movement, movement_of, revenue_change};
use continuum_core::domain::team::{team, Member};
use continuum_core::domain::{
    set_answer, Answer, Assessment, Category, Client, Date, Id, Portfolio, QuestionId,
};

fn day(d: u32) -> Date {
    Date::from_ymd(2026, 3, d).unwrap()
}

/// A client with two check-ups: clean then with `then` answered yes.
fn client(id: &str, revenue: u64, then: Option<QuestionId>) -> Client {
    let mut c = Client::new(Id::new(id), id);
    c.profile.annual_revenue = Some(revenue);
    let mut first = Assessment::new(Id::new(format!("{id}-1")), day(1));
    set_answer(&mut first, QuestionId::NShops, Answer::Yes, "");
    let mut second = Assessment::new(Id::new(format!("{id}-2")), day(20));
    second.answers = first.answers.clone();
    if let Some(q) = then {
        set_answer(&mut second, q, Answer::Yes, "");
    }
    c.assessments = vec![first, second];
    c
}

#[test]
fn moves_shift_revenue_from_the_category_left_to_the_one_entered() {
    let p = Portfolio {
        owner: "me".into(),
        clients: vec![
            client("a", 100, Some(QuestionId::RPrice)),
            client("b", 40, Some(QuestionId::LNotified)),
            client("c", 7, None),
        ],
    };
    let m = movement(&p);
    assert_eq!(m.count(Category::NotSecure, Category::AtRisk), 1);
    assert_eq!(m.count(Category::NotSecure, Category::InevitableLoss), 1);
    assert_eq!(m.count(Category::NotSecure, Category::NotSecure), 1);
    let r = revenue_change(&p, &m);
    assert_eq!(r[board_index(Category::NotSecure)], -140);
    assert_eq!(r[board_index(Category::AtRisk)], 100);
    assert_eq!(r[board_index(Category::InevitableLoss)], 40);
    assert_eq!(r[board_index(Category::Secure)], 0);
}

#[test]
fn the_team_view_counts_moves_across_every_members_clients() {
    let ann = Member::new(
        "ann.json",
        Portfolio {
            owner: "Ann".into(),
            clients: vec![
                client("a", 100, Some(QuestionId::RPrice)),
                client("c", 7, None),
            ],
        },
    );
    let bob = Member::new(
        "bob.json",
        Portfolio {
            owner: "Bob".into(),
            clients: vec![client("b", 40, Some(QuestionId::LNotified))],
        },
    );
    let t = team(&[ann, bob], day(25));
    let (m, r) = movement_of(t.clients.iter().map(|c| c.client()));
    // Ann's move and Bob's both count, as on one board.
    assert_eq!(m.count(Category::NotSecure, Category::AtRisk), 1);
    assert_eq!(m.count(Category::NotSecure, Category::InevitableLoss), 1);
    assert_eq!(m.count(Category::NotSecure, Category::NotSecure), 1);
    let movers: Vec<&str> = m
        .clients
        .iter()
        .filter(|c| c.from != c.to)
        .map(|c| c.client.as_str())
        .collect();
    assert_eq!(movers, ["a", "b"], "worse moves first, then by name");
    assert_eq!(r[board_index(Category::NotSecure)], -140);
    assert_eq!(r[board_index(Category::InevitableLoss)], 40);
}

#[test]
fn the_one_pass_tally_agrees_with_the_table_and_the_revenue_change() {
    use continuum_core::domain::sample::{generate_portfolio, SampleShape};
    use continuum_core::domain::summary::MovementTally;
    let today = Date::from_ymd(2026, 12, 1).unwrap();
    let p = generate_portfolio(7, 300, today, SampleShape::BENCH);
    let m = movement(&p);
    assert!(
        m.clients.iter().any(|c| c.from != c.to),
        "the sample has movers"
    );
    let mut tally = MovementTally::default();
    p.clients.iter().for_each(|c| tally.add(c));
    let (tallied, revenue) = tally.finish();
    assert_eq!(tallied, m);
    assert_eq!(revenue, revenue_change(&p, &m));
    assert_eq!(movement_of(&p.clients), (m, revenue));
}
