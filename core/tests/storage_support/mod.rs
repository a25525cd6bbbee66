//! Generators shared by the storage tests: a deterministic "rich" client for
//! size budgets, and proptest strategies for arbitrary valid portfolios.
#![allow(dead_code)]

use std::collections::BTreeMap;

use continuum_core::domain::*;

pub const EXPORTED_AT: &str = "2026-11-25T10:00:00Z";

/// A file of the repository's `tests/fixtures`.
pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/{name}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

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
    let mut client = Client {
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
        changed: Changes::default(),
    };
    // Stamped as the app leaves a client used for a year: a time on the
    // parts people edit after creating them (the profile, people's stances,
    // issues' status, check-up answers, actions done), spread over months;
    // contacts are logged once and not edited.
    let newest: Stamp = "2026-11-20T16:45:12Z".parse().unwrap();
    let before = |s: i64| Some(Stamp::from_unix_seconds(newest.unix_seconds() - s));
    client.changed.client = before(0);
    for part in [
        Part::Stakeholder,
        Part::Issue,
        Part::Assessment,
        Part::Action,
    ] {
        let ids: Vec<Id> = changes::ids(&client, part).into_iter().cloned().collect();
        for (k, id) in ids.iter().enumerate() {
            let ago = (k as i64 + 1) * 6 * 86_400 + (k as i64) * 3_917;
            client.changed.set(part, id, before(ago));
        }
    }
    client
}

pub fn rich_portfolio(n: u64) -> Portfolio {
    Portfolio {
        owner: "Dana Kim".into(),
        clients: (0..n).map(rich_client).collect(),
    }
}

mod strategies;
// Each test file uses its own part of the support module.
#[allow(unused_imports)]
pub use strategies::*;
