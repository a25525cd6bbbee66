#![cfg(not(target_arch = "wasm32"))]
//! Portfolio summaries, the due list and the sample portfolios (METHOD.md,
//! "The portfolio view"); the warning signs' thresholds are in
//! `domain_signs.rs`.

mod domain_support;

use continuum_core::domain::summary::{
    assess_portfolio, board, due_list, movement, realism, summarize, trend, Trend,
    REALISM_MIN_ASSESSED,
};
use continuum_core::domain::warnings::WarningSign as W;
use continuum_core::domain::{
    client_verdict, demo_portfolio, generate_portfolio, Action, Answer, Assessment, Category,
    Client, Date, DueKind, Id, Override, Portfolio, QuestionId, SampleShape,
};
use domain_support::{clean, lay};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn assessed(id: &str, answers: &[(QuestionId, Answer)], date: Date) -> Assessment {
    let mut a = Assessment::new(Id::new(id), date);
    a.answers = lay(
        clean(),
        answers.iter().map(|(q, ans)| (*q, *ans, String::new())),
    );
    a.verdict = continuum_core::domain::category_of(&a.answers);
    a
}

fn client(id: &str, revenue: u64, rounds: Vec<Assessment>) -> Client {
    let mut c = Client::new(Id::new(id), id.to_uppercase());
    c.profile.annual_revenue = Some(revenue);
    c.assessments = rounds;
    c
}

#[test]
fn board_counts_and_sums_revenue_per_shown_category() {
    let d = today().add_days(-10);
    let mut overridden = assessed("a", &[(QuestionId::RPrice, Answer::Yes)], d);
    overridden.r#override = Some(Override {
        category: Category::NotSecure,
        reason: "r".into(),
    });
    let mut lost = client(
        "lost",
        7,
        vec![assessed("a", &[(QuestionId::LNotified, Answer::Yes)], d)],
    );
    lost.lost_on = Some(d);
    let mut archived = client("gone", 1000, vec![]);
    archived.archived = true;
    let p = Portfolio {
        owner: String::new(),
        clients: vec![
            client("s", 100, vec![assessed("a", &[], d)]),
            client("n", 20, vec![overridden]),
            client(
                "r",
                30,
                vec![assessed("a", &[(QuestionId::ROffers, Answer::Yes)], d)],
            ),
            client("u", 5, vec![]),
            lost,
            archived,
        ],
    };
    let views = assess_portfolio(&p, today());
    let b = board(&p, &views);
    let get = |c| {
        b.column(c)
            .map(|col| (col.count, col.revenue))
            .unwrap_or_default()
    };
    assert_eq!(get(Category::Secure), (1, 100));
    assert_eq!(
        get(Category::NotSecure),
        (1, 20),
        "the override is what the board shows"
    );
    assert_eq!(get(Category::AtRisk), (1, 30));
    assert_eq!(get(Category::InevitableLoss), (0, 0));
    assert_eq!(get(Category::Unassessed), (1, 5));
    assert_eq!((b.lost, b.lost_revenue), (1, 7));
    let r = realism(&b);
    assert_eq!(r.assessed, 3);
    assert_eq!(r.empty, vec![Category::InevitableLoss]);
    assert!(!r.ask, "too few assessed clients to judge");
}

#[test]
fn realism_asks_with_ten_assessed_and_an_empty_category() {
    let d = today().add_days(-10);
    let mut clients: Vec<Client> = (0..REALISM_MIN_ASSESSED)
        .map(|i| client(&format!("s{i}"), 1, vec![assessed("a", &[], d)]))
        .collect();
    let p = Portfolio {
        owner: String::new(),
        clients: clients.clone(),
    };
    let r = realism(&board(&p, &assess_portfolio(&p, today())));
    assert!(r.ask);
    assert_eq!(r.empty.len(), 3);
    // With every category filled, nothing to ask.
    for (i, q) in [
        QuestionId::SSplit,
        QuestionId::ROffers,
        QuestionId::LNotified,
    ]
    .into_iter()
    .enumerate()
    {
        clients[i].assessments = vec![assessed("a", &[(q, Answer::Yes)], d)];
    }
    let p = Portfolio {
        owner: String::new(),
        clients,
    };
    let r = realism(&board(&p, &assess_portfolio(&p, today())));
    assert!(!r.ask && r.empty.is_empty());
}

#[test]
fn movement_is_a_transition_table_between_the_last_two_rounds() {
    let (old, new) = (today().add_days(-100), today().add_days(-5));
    let risk = [(QuestionId::ROffers, Answer::Yes)];
    let p = Portfolio {
        owner: String::new(),
        clients: vec![
            client(
                "worse",
                1,
                vec![assessed("1", &[], old), assessed("2", &risk, new)],
            ),
            client(
                "better",
                1,
                vec![assessed("1", &risk, old), assessed("2", &[], new)],
            ),
            client(
                "same",
                1,
                vec![assessed("1", &risk, old), assessed("2", &risk, new)],
            ),
            // Only the last two rounds count.
            client(
                "three",
                1,
                vec![
                    assessed("0", &risk, old),
                    assessed("1", &[], old),
                    assessed("2", &[], new),
                ],
            ),
            client("once", 1, vec![assessed("1", &[], new)]),
        ],
    };
    let m = movement(&p);
    assert_eq!(m.count(Category::Secure, Category::AtRisk), 1);
    assert_eq!(m.count(Category::AtRisk, Category::Secure), 1);
    assert_eq!(m.count(Category::AtRisk, Category::AtRisk), 1);
    assert_eq!(m.count(Category::Secure, Category::Secure), 1);
    assert_eq!(m.table.iter().flatten().sum::<usize>(), 4);
    let order: Vec<(&str, Trend)> = m
        .clients
        .iter()
        .map(|c| (c.client.as_str(), c.trend))
        .collect();
    assert_eq!(order[0], ("worse", Trend::Worse));
    assert_eq!(order[1], ("better", Trend::Better));
    assert_eq!(
        trend(Category::Unassessed, Category::AtRisk),
        Trend::Unclear
    );
}

#[test]
fn the_due_list_is_sorted_by_urgency() {
    let mut c = client("a", 1, vec![assessed("1", &[], today().add_days(-120))]);
    c.profile.contract_end = Some(today().add_days(40));
    let action = |id: &str, due: i32, done: bool| Action {
        id: Id::new(id),
        title: id.into(),
        due: Some(today().add_days(due)),
        owner: String::new(),
        done,
        proposal: None,
        notes: String::new(),
    };
    c.actions = vec![
        action("overdue", -3, false),
        action("soon", 5, false),
        action("done", -1, true),
        action("later", 60, false),
    ];
    let fresh = client("b", 1, vec![]);
    let p = Portfolio {
        owner: String::new(),
        clients: vec![c, fresh],
    };
    let due = due_list(&p, today());
    let summary: Vec<(&str, &str, i32)> = due
        .iter()
        .map(|d| (d.client.as_str(), d.kind.id(), d.days_left))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("a", "reassessment", -30),
            ("a", "action", -3),
            ("b", "reassessment", 0),
            ("a", "action", 5),
            ("a", "renewal", 40),
        ]
    );
    assert!(matches!(due[2].kind, DueKind::Reassessment { last: None }));
}

#[test]
fn generated_portfolios_are_deterministic_and_cover_every_category() {
    let a = generate_portfolio(42, 200, today(), SampleShape::BENCH);
    let b = generate_portfolio(42, 200, today(), SampleShape::BENCH);
    assert_eq!(a, b);
    assert_ne!(a, generate_portfolio(43, 200, today(), SampleShape::BENCH));
    let c = &a.clients[10];
    assert_eq!(c.stakeholders.len(), 8);
    assert_eq!(c.issues.len(), 6);
    assert_eq!(c.touchpoints.len(), 12);
    let views = assess_portfolio(&a, today());
    let s = summarize(&a, &views, today());
    for col in &s.board.columns {
        assert!(col.count > 0, "{:?} is empty", col.category);
    }
    assert!(!s.blind_spots.is_empty());
    assert!(!s.due.is_empty());
    assert!(s.movement.clients.iter().any(|m| m.trend == Trend::Worse));
    // Every sign shows up somewhere in a realistic list.
    for sign in W::ALL {
        assert!(
            views
                .iter()
                .any(|v| v.warnings.iter().any(|w| w.sign == sign)),
            "{sign:?}"
        );
    }
    // Stored snapshots agree with the engine.
    for c in &a.clients {
        if let Some(last) = c.current_assessment() {
            assert_eq!(last.verdict, client_verdict(c).computed);
        }
    }
}

#[test]
fn the_demo_has_about_forty_clients_with_stable_distinct_ids() {
    let p = demo_portfolio(today());
    assert_eq!(p, demo_portfolio(today()));
    assert!((35..=45).contains(&p.clients.len()));
    let mut ids: Vec<&str> = Vec::new();
    for c in &p.clients {
        ids.push(c.id.as_str());
        ids.extend(c.stakeholders.iter().map(|s| s.id.as_str()));
        ids.extend(c.issues.iter().map(|s| s.id.as_str()));
        ids.extend(c.touchpoints.iter().map(|s| s.id.as_str()));
        ids.extend(c.assessments.iter().map(|s| s.id.as_str()));
        ids.extend(c.actions.iter().map(|s| s.id.as_str()));
    }
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "ids are distinct");
    let mut names: Vec<&str> = p.clients.iter().map(|c| c.profile.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), p.clients.len());
    let views = assess_portfolio(&p, today());
    for cat in Category::BOARD_ORDER {
        assert!(
            views.iter().any(|v| v.verdict.computed == cat),
            "{cat:?} in the demo"
        );
    }
    let two_rounds = p
        .clients
        .iter()
        .filter(|c| c.assessments.len() == 2)
        .count();
    assert!(two_rounds >= 30, "{two_rounds}");
    // Moving today moves the demo with it: relative dates.
    let later = demo_portfolio(today().add_days(30));
    assert_eq!(
        later.clients[0].touchpoints[0].date,
        p.clients[0].touchpoints[0].date.add_days(30)
    );
}
