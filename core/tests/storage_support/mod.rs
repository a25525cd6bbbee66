//! Generators shared by the storage tests: a deterministic "rich" client for
//! size budgets, and proptest strategies for arbitrary valid portfolios.
#![allow(dead_code)]

use std::collections::BTreeMap;

use continuum_core::domain::*;
use proptest::prelude::*;
use proptest::sample::select;

pub const EXPORTED_AT: &str = "2026-11-25T10:00:00Z";

pub fn date(s: &str) -> Date {
    s.parse().expect("test dates are valid")
}

/// A short base-36 id like the app's (6 characters per record, 8 per client).
fn short_id(n: u64, len: usize) -> Id {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut x = n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
    let s: String = (0..len)
        .map(|_| {
            let c = DIGITS[(x % 36) as usize] as char;
            x /= 36;
            c
        })
        .collect();
    Id(s)
}

/// A client as a diligent salesperson keeps it: 8 stakeholders, 6 issues,
/// 12 touchpoints, 4 assessments and 3 actions, with realistic short notes
/// on about half of the records.
pub fn rich_client(n: u64) -> Client {
    let base = date("2026-01-05");
    let rid = |k: u64| short_id(n * 1000 + k, 6);
    let names = [
        ("Maria Lopez", "Head of Procurement"),
        ("Tom Becker", "CFO"),
        ("Aiko Tanaka", "Operations Manager"),
        ("Sven Olsen", "IT Director"),
        ("Priya Shah", "Logistics Lead"),
        ("Jean Martin", "CEO"),
        ("Lena Novak", "Planner"),
        ("Omar Haddad", "Buyer"),
    ];
    let stakeholders = names
        .iter()
        .enumerate()
        .map(|(i, (name, title))| Stakeholder {
            id: rid(i as u64),
            name: name.to_string(),
            title: title.to_string(),
            role: Role::ALL[i % 4],
            senior: i % 3 == 1,
            stance: Stance::ALL[i % 5],
            rival_preference: if i == 4 {
                "Freightly".into()
            } else {
                String::new()
            },
            feedback_on: (i % 2 == 0).then(|| base.add_days(i as i32 * 9)),
            last_contact: Some(base.add_days(200 + i as i32 * 7)),
            notes: if i % 2 == 0 {
                "Prefers calls; asks about price.".into()
            } else {
                String::new()
            },
            still_in_role_on: (i % 3 == 0).then(|| base.add_days(250 + i as i32)),
        })
        .collect::<Vec<_>>();
    let issues = (0..6)
        .map(|i| Issue {
            id: rid(100 + i),
            title: ["Late deliveries", "Invoice errors", "Portal outage"][i as usize % 3].into(),
            opened_on: base.add_days(i as i32 * 30),
            severity: if i % 3 == 0 {
                Severity::Serious
            } else {
                Severity::Minor
            },
            status: if i < 4 {
                IssueStatus::Resolved
            } else {
                IssueStatus::Open
            },
            owner: "Ops".into(),
            resolved_on: (i < 4).then(|| base.add_days(i as i32 * 30 + 12)),
            notes: if i % 2 == 0 {
                "Fixed with new carrier.".into()
            } else {
                String::new()
            },
        })
        .collect();
    let touchpoints = (0..12)
        .map(|i| Touchpoint {
            id: rid(200 + i),
            date: base.add_days(i as i32 * 25),
            channel: [
                Channel::Meeting,
                Channel::Call,
                Channel::Review,
                Channel::Lunch,
            ][i as usize % 4],
            kind: if i % 4 == 3 {
                TouchpointKind::Personal
            } else {
                TouchpointKind::Business
            },
            with: vec![stakeholders[i as usize % 8].id.clone()],
            note: if i % 2 == 0 {
                "Quarterly review, all fine.".into()
            } else {
                String::new()
            },
        })
        .collect();
    let assessments = (0..4)
        .map(|i| {
            let answers = QuestionId::ALL
                .iter()
                .enumerate()
                .map(|(k, q)| {
                    let answer = Answer::ALL[(k + i as usize) % 3];
                    let note = if k == 1 || k == 10 {
                        "CFO unhappy about price.".to_string()
                    } else {
                        String::new()
                    };
                    (*q, AnswerEntry { answer, note })
                })
                .collect::<BTreeMap<_, _>>();
            Assessment {
                id: rid(300 + i),
                date: base.add_days(i as i32 * 90),
                gut: Some(Category::Secure),
                answers,
                verdict: Category::NotSecure,
                r#override: None,
            }
        })
        .collect();
    let actions = (0..3)
        .map(|i| Action {
            id: rid(400 + i),
            title: "Meet the new CFO".into(),
            due: Some(base.add_days(330 + i as i32 * 14)),
            owner: "Dana".into(),
            done: i == 0,
            proposal: None,
            notes: String::new(),
        })
        .collect();
    Client {
        id: short_id(n, 8),
        profile: Profile {
            name: format!("Northwind Logistics {n}"),
            annual_revenue: Some(480_000 + n),
            margin: Some(Margin::Percent(22.5)),
            contract_end: Some(date("2027-06-30")),
            relationship_start: Some(date("2019-03-01")),
            owner: "Dana Kim".into(),
            importance: Some(Importance::High),
            notes: "Key account; renewal talks in spring.".into(),
            tags: vec!["logistics".into(), "key".into()],
            external_id: Some(format!("0015e00000{n:06}")),
        },
        stakeholders,
        issues,
        touchpoints,
        assessments,
        actions,
        dismissed_proposals: Vec::new(),
        triage: None,
        lost_on: None,
        archived: false,
    }
}

pub fn rich_portfolio(n: u64) -> Portfolio {
    Portfolio {
        owner: "Dana Kim".into(),
        clients: (0..n).map(rich_client).collect(),
    }
}

// ---------------------------------------------------------------------------
// proptest strategies. Ids are made unique by their position; every text is
// arbitrary Unicode (HTML, quotes, control characters included).

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z ]{0,12}",
        1 => prop::collection::vec(any::<char>(), 0..10).prop_map(String::from_iter),
        1 => Just("<b>Acme</b> & \"Sons\" <script>alert(1)</script>".to_string()),
    ]
}

pub fn a_date() -> impl Strategy<Value = Date> {
    // 1901 to 2188: inside the accepted years.
    (-25_000i32..80_000).prop_map(Date::from_days_since_epoch)
}

fn opt<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::of(s)
}

fn id(prefix: &str, i: usize, salt: &str) -> Id {
    Id(format!("{prefix}{i}{salt}"))
}

fn stakeholder() -> impl Strategy<Value = Stakeholder> {
    (
        text(),
        text(),
        select(Role::ALL.to_vec()),
        any::<bool>(),
        select(Stance::ALL.to_vec()),
        text(),
        opt(a_date()),
        opt(a_date()),
        text(),
        opt(a_date()),
    )
        .prop_map(
            |(name, title, role, senior, stance, rival, fb, lc, notes, in_role)| Stakeholder {
                id: Id::new(""),
                name,
                title,
                role,
                senior,
                stance,
                rival_preference: rival,
                feedback_on: fb,
                last_contact: lc,
                notes,
                still_in_role_on: in_role,
            },
        )
}

fn issue() -> impl Strategy<Value = Issue> {
    (
        text(),
        a_date(),
        select(vec![Severity::Minor, Severity::Serious]),
        select(vec![
            IssueStatus::Open,
            IssueStatus::InProgress,
            IssueStatus::Resolved,
        ]),
        text(),
        opt(a_date()),
        text(),
    )
        .prop_map(
            |(title, opened_on, severity, status, owner, resolved_on, notes)| Issue {
                id: Id::new(""),
                title,
                opened_on,
                severity,
                status,
                owner,
                resolved_on,
                notes,
            },
        )
}

fn touchpoint() -> impl Strategy<Value = Touchpoint> {
    (
        a_date(),
        select(vec![
            Channel::Meeting,
            Channel::Call,
            Channel::Review,
            Channel::Lunch,
            Channel::Email,
            Channel::Other,
        ]),
        select(vec![TouchpointKind::Business, TouchpointKind::Personal]),
        prop::collection::vec("[a-z0-9]{1,6}", 0..3),
        text(),
    )
        .prop_map(|(date, channel, kind, with, note)| Touchpoint {
            id: Id::new(""),
            date,
            channel,
            kind,
            with: with.into_iter().map(Id).collect(),
            note,
        })
}

fn category() -> impl Strategy<Value = Category> {
    select(Category::BOARD_ORDER.to_vec())
}

fn assessment() -> impl Strategy<Value = Assessment> {
    (
        a_date(),
        opt(category()),
        prop::collection::btree_map(
            select(QuestionId::ALL.to_vec()),
            (select(Answer::ALL.to_vec()), text())
                .prop_map(|(answer, note)| AnswerEntry { answer, note }),
            0..25,
        ),
        category(),
        opt((category(), text()).prop_map(|(category, reason)| Override { category, reason })),
    )
        .prop_map(|(date, gut, answers, verdict, r#override)| Assessment {
            id: Id::new(""),
            date,
            gut,
            answers,
            verdict,
            r#override,
        })
}

fn action() -> impl Strategy<Value = Action> {
    (
        text(),
        opt(a_date()),
        text(),
        any::<bool>(),
        opt(text()),
        text(),
    )
        .prop_map(|(title, due, owner, done, proposal, notes)| Action {
            id: Id::new(""),
            title,
            due,
            owner,
            done,
            proposal,
            notes,
        })
}

fn margin() -> impl Strategy<Value = Margin> {
    prop_oneof![
        select(vec![
            MarginLevel::Low,
            MarginLevel::Normal,
            MarginLevel::High
        ])
        .prop_map(Margin::Level),
        (-100.0f64..=100.0).prop_map(Margin::Percent),
    ]
}

fn profile() -> impl Strategy<Value = Profile> {
    (
        text(),
        opt(any::<u64>()),
        opt(margin()),
        opt(a_date()),
        opt(a_date()),
        text(),
        opt(select(vec![
            Importance::Low,
            Importance::Medium,
            Importance::High,
        ])),
        text(),
        prop::collection::vec(text(), 0..3),
        opt(text()),
    )
        .prop_map(
            |(name, rev, margin, ce, rs, owner, importance, notes, tags, external_id)| Profile {
                // A client always has a name that is more than spaces.
                name: format!("N{name}"),
                annual_revenue: rev,
                margin,
                contract_end: ce,
                relationship_start: rs,
                owner,
                importance,
                notes,
                tags,
                external_id,
            },
        )
}

fn triage() -> impl Strategy<Value = TriageDecision> {
    (
        a_date(),
        select(vec![
            TriageOutcome::InvestToRecover,
            TriageOutcome::MaintainAndWatch,
            TriageOutcome::LetGoWell,
        ]),
        prop::collection::btree_map("[a-z_]{1,8}", text(), 0..3),
        text(),
    )
        .prop_map(
            |(decided_on, outcome, answers, loss_reasons)| TriageDecision {
                decided_on,
                outcome,
                answers,
                loss_reasons,
            },
        )
}

/// Any valid client; `salt` keeps ids distinct between clients.
pub fn client(salt: String) -> impl Strategy<Value = Client> {
    (
        profile(),
        prop::collection::vec(stakeholder(), 0..4),
        prop::collection::vec(issue(), 0..3),
        prop::collection::vec(touchpoint(), 0..4),
        prop::collection::vec(assessment(), 0..3),
        prop::collection::vec(action(), 0..3),
        prop::collection::vec(text(), 0..2),
        opt(triage()),
        opt(a_date()),
        any::<bool>(),
    )
        .prop_map(
            move |(
                profile,
                mut st,
                mut is,
                mut tp,
                mut asm,
                mut ac,
                dp,
                triage,
                lost_on,
                archived,
            )| {
                for (i, x) in st.iter_mut().enumerate() {
                    x.id = id("s", i, &salt);
                }
                for (i, x) in is.iter_mut().enumerate() {
                    x.id = id("i", i, &salt);
                }
                for (i, x) in tp.iter_mut().enumerate() {
                    x.id = id("t", i, &salt);
                }
                for (i, x) in asm.iter_mut().enumerate() {
                    x.id = id("a", i, &salt);
                }
                for (i, x) in ac.iter_mut().enumerate() {
                    x.id = id("x", i, &salt);
                }
                Client {
                    id: Id(format!("c{salt}")),
                    profile,
                    stakeholders: st,
                    issues: is,
                    touchpoints: tp,
                    assessments: asm,
                    actions: ac,
                    dismissed_proposals: dp,
                    triage,
                    lost_on,
                    archived,
                }
            },
        )
}

pub fn portfolio() -> impl Strategy<Value = Portfolio> {
    (text(), 0usize..4)
        .prop_flat_map(|(owner, n)| {
            let clients: Vec<_> = (0..n).map(|i| client(format!("{i}"))).collect();
            (Just(owner), clients)
        })
        .prop_map(|(owner, clients)| Portfolio { owner, clients })
}
