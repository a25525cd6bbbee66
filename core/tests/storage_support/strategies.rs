//! Proptest strategies for arbitrary valid portfolios. Ids are made unique
//! by their position; every text is arbitrary Unicode (HTML, quotes, control characters included).
#![allow(dead_code)]

use continuum_core::domain::*;
use proptest::prelude::*;
use proptest::sample::select;

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
        prop::collection::vec(opt(0i64..7_000_000_000), 0..20),
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
                times,
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
                let mut c = Client {
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
                    changed: Changes::default(),
                };
                stamp_some(&mut c, &times);
                c
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

/// Gives the client's own fields and its records the times in `times`, in
/// order (a `None` leaves that part without a time).
fn stamp_some(c: &mut Client, times: &[Option<i64>]) {
    let mut times = times.iter().map(|t| t.map(Stamp::from_unix_seconds));
    c.changed.client = times.next().flatten();
    for part in Part::ALL {
        let ids: Vec<Id> = changes::ids(c, part).into_iter().cloned().collect();
        for id in ids {
            let at = times.next().flatten();
            c.changed.set(part, &id, at);
        }
    }
}
