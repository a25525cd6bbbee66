#![cfg(not(target_arch = "wasm32"))]
//! The portfolio view built one client at a time (BoardTally, blind_spot,
//! client_move) agrees with the whole-portfolio summaries, and its
//! per-client rules hold.

use continuum_core::domain::summary::{assess, assess_portfolio, blind_spots, board, movement};
use continuum_core::domain::{
    blind_spot, client_move, generate_portfolio, is_lost, Answer, AnswerEntry, Assessment,
    BoardTally, Category, Client, Date, Id, Override, Portfolio, RevenueTotal, SampleShape, Trend,
    QUESTIONS,
};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).expect("a real day")
}

/// A generated portfolio with some clients lost and some archived.
fn portfolio() -> Portfolio {
    let mut p = generate_portfolio(7, 300, today(), SampleShape::BENCH);
    for (i, c) in p.clients.iter_mut().enumerate() {
        match i % 11 {
            3 => c.lost_on = Some(today()),
            5 => c.archived = true,
            7 => {
                c.lost_on = Some(today());
                c.archived = true;
            }
            _ => {}
        }
        if i % 13 == 0 {
            c.profile.annual_revenue = None;
        }
    }
    p
}

#[test]
fn the_board_counts_active_clients_by_shown_category_and_lost_ones_beside_it() {
    let p = portfolio();
    let views = assess_portfolio(&p, today());
    let got = board(&p, &views);
    // A plain reference: every active client in the column of its shown
    // category; lost (not archived) ones beside the board; archived nowhere.
    for column in &got.columns {
        let members: Vec<_> = p
            .clients
            .iter()
            .zip(&views)
            .filter(|(c, v)| {
                !c.archived && c.lost_on.is_none() && v.verdict.category == column.category
            })
            .map(|(c, _)| c)
            .collect();
        let ids: Vec<Id> = members.iter().map(|c| c.id.clone()).collect();
        assert_eq!(column.clients, ids, "{:?}", column.category);
        assert_eq!(column.count, members.len());
        let known: u64 = members
            .iter()
            .filter_map(|c| c.profile.annual_revenue)
            .sum();
        assert_eq!(column.revenue, known);
        let unknown = members
            .iter()
            .filter(|c| c.profile.annual_revenue.is_none());
        assert_eq!(column.revenue_unknown, unknown.count());
    }
    let lost: Vec<_> = p
        .clients
        .iter()
        .filter(|c| !c.archived && c.lost_on.is_some())
        .collect();
    assert!(!lost.is_empty() && got.columns.iter().any(|c| c.revenue_unknown > 0));
    assert_eq!(got.lost, lost.len());
    let lost_revenue: u64 = lost.iter().filter_map(|c| c.profile.annual_revenue).sum();
    assert_eq!(got.lost_revenue, lost_revenue);

    // Built client by client, the board is the same.
    let mut tally = BoardTally::new();
    for (c, v) in p.clients.iter().zip(&views) {
        tally.add(c, v);
    }
    assert_eq!(tally.board(), &got);
}

#[test]
fn per_client_blind_spots_and_moves_are_the_summary_ones() {
    let p = portfolio();
    let views = assess_portfolio(&p, today());
    let active = || {
        p.clients
            .iter()
            .zip(&views)
            .filter(|(c, _)| !c.archived && c.lost_on.is_none())
    };
    let mut spots: Vec<(Id, Category, Category)> = active()
        .filter_map(|(c, v)| blind_spot(c, v).map(|(g, k)| (c.id.clone(), g, k)))
        .collect();
    let mut expected: Vec<_> = blind_spots(&p, &views)
        .into_iter()
        .map(|b| (b.client, b.gut, b.computed))
        .collect();
    spots.sort();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(spots, expected);

    let mut moves: Vec<_> = active()
        .filter_map(|(c, _)| client_move(c).map(|m| (c.id.clone(), m)))
        .collect();
    let mut expected: Vec<_> = movement(&p)
        .clients
        .into_iter()
        .map(|m| (m.client, (m.from, m.to, m.trend)))
        .collect();
    moves.sort_by(|a, b| a.0.cmp(&b.0));
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!expected.is_empty());
    assert_eq!(moves, expected);
}

#[test]
fn lost_means_marked_lost_and_not_archived() {
    let mut c = Client::new(Id::new("c"), "C");
    assert!(!is_lost(&c));
    c.lost_on = Some(today());
    assert!(is_lost(&c));
    c.archived = true;
    assert!(!is_lost(&c));
}

#[test]
fn a_blind_spot_is_a_gut_safer_than_the_answers() {
    let mut c = Client::new(Id::new("c"), "C");
    let view = |c: &Client| assess(c, today());
    assert_eq!(blind_spot(&c, &view(&c)), None);
    // Every answer unhealthy: the answers compute a category worse than secure.
    let mut a = Assessment::new(Id::new("a"), today());
    a.answers = QUESTIONS
        .iter()
        .map(|q| {
            let answer = if q.healthy == Answer::Yes {
                Answer::No
            } else {
                Answer::Yes
            };
            let entry = AnswerEntry {
                answer,
                note: String::new(),
            };
            (q.id, entry)
        })
        .collect();
    c.assessments.push(a);
    assert_eq!(blind_spot(&c, &view(&c)), None, "no gut, no blind spot");
    let computed = view(&c).verdict.computed;
    assert!(computed.severity() > Category::Secure.severity());
    c.assessments[0].gut = Some(Category::Secure);
    assert_eq!(
        blind_spot(&c, &view(&c)),
        Some((Category::Secure, computed))
    );
    // A gut placement as bad as the verdict is no blind spot.
    c.assessments[0].gut = Some(computed);
    assert_eq!(blind_spot(&c, &view(&c)), None);
}

#[test]
fn a_move_needs_two_check_ups_and_follows_the_override() {
    let mut c = Client::new(Id::new("c"), "C");
    assert_eq!(client_move(&c), None);
    let mut first = Assessment::new(Id::new("a1"), today());
    first.r#override = Some(Override {
        category: Category::Secure,
        reason: "long friendship".into(),
    });
    c.assessments.push(first);
    assert_eq!(client_move(&c), None);
    let mut second = Assessment::new(Id::new("a2"), today());
    second.r#override = Some(Override {
        category: Category::AtRisk,
        reason: "new owner".into(),
    });
    c.assessments.push(second);
    assert_eq!(
        client_move(&c),
        Some((Category::Secure, Category::AtRisk, Trend::Worse))
    );
}

#[test]
fn revenue_totals_count_the_unknown_and_saturate() {
    let t = RevenueTotal::of([Some(5), None, Some(7), None]);
    assert_eq!(
        t,
        RevenueTotal {
            known: 12,
            unknown: 2
        }
    );
    let t = RevenueTotal::of([Some(u64::MAX), Some(1)]);
    assert_eq!(t.known, u64::MAX);
    assert_eq!(RevenueTotal::of([]), RevenueTotal::default());
}
