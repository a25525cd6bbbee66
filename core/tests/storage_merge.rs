#![cfg(not(target_arch = "wasm32"))]
//! Import preview, merge by id, and replace with a backup.

mod storage_support;

use continuum_core::domain::*;
use continuum_core::storage::file::import_json;
use continuum_core::storage::merge::*;
use proptest::prelude::*;
use storage_support::*;

fn colleague_copy(mine: &Client) -> Client {
    let mut theirs = mine.clone();
    // A colleague logged a call and an issue, and knows a different revenue.
    theirs.touchpoints.push(Touchpoint {
        id: Id::new("t-colleague"),
        date: date("2026-11-02"),
        channel: Channel::Call,
        kind: TouchpointKind::Business,
        with: vec![],
        note: "Support call about invoices.".into(),
    });
    theirs.issues.push(Issue {
        id: Id::new("i-colleague"),
        title: "Invoice format rejected".into(),
        opened_on: date("2026-10-30"),
        severity: Severity::Minor,
        status: IssueStatus::Open,
        owner: "Finance".into(),
        resolved_on: None,
        notes: String::new(),
    });
    theirs.issues[0].notes = "Their version of the note".into();
    theirs.profile.annual_revenue = Some(999);
    theirs.profile.relationship_start = None;
    theirs.profile.importance = Some(Importance::Low);
    theirs
}

#[test]
fn preview_counts_new_differing_and_identical() {
    let current = rich_portfolio(3);
    let mut incoming = Portfolio {
        owner: "Sam Lee".into(),
        clients: vec![
            current.clients[0].clone(),
            colleague_copy(&current.clients[1]),
            Client::new(Id::new("c-new"), "Fresh Prospect"),
        ],
    };
    incoming.clients[1].profile.notes.clear(); // empty in theirs: no conflict
    let pv = preview(&current, &incoming);
    assert_eq!(
        pv.new_clients,
        vec![(Id::new("c-new"), "Fresh Prospect".to_string())]
    );
    assert_eq!(pv.identical, vec![current.clients[0].id.clone()]);
    assert_eq!(pv.only_here, 1);
    assert_eq!(pv.differing.len(), 1);
    let d = &pv.differing[0];
    let fields: Vec<ProfileField> = d.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![ProfileField::AnnualRevenue, ProfileField::Importance]
    );
    assert_eq!(d.conflicts[0].mine, "480001");
    assert_eq!(d.conflicts[0].theirs, "999");
    assert!(d.filled.is_empty());
    assert_eq!(d.added.touchpoints, 1);
    assert_eq!(d.added.issues, 1);
    assert_eq!(d.added.total(), 2);
    assert_eq!(d.kept_mine.issues, 1);
}

#[test]
fn preview_lists_each_record_a_colleague_would_add_by_id() {
    let current = rich_portfolio(2);
    let mut theirs = colleague_copy(&current.clients[1]);
    theirs.stakeholders.push(Stakeholder {
        id: Id::new("s-colleague"),
        name: "Priya Nair".into(),
        title: "CFO".into(),
        role: Role::DecisionMaker,
        senior: true,
        stance: Stance::Neutral,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: None,
        notes: String::new(),
        still_in_role_on: None,
    });
    let incoming = Portfolio {
        owner: "Sam Lee".into(),
        clients: vec![theirs],
    };
    let pv = preview(&current, &incoming);
    let d = &pv.differing[0];
    let listed: Vec<(RecordKind, &str, &str)> = d
        .added_records
        .iter()
        .map(|r| (r.kind, r.id.as_str(), r.text.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            (RecordKind::Stakeholder, "s-colleague", "Priya Nair (CFO)"),
            (
                RecordKind::Issue,
                "i-colleague",
                "Invoice format rejected (opened 2026-10-30, open)"
            ),
            (
                RecordKind::Touchpoint,
                "t-colleague",
                "2026-11-02: Support call about invoices."
            ),
        ]
    );
    assert_eq!(d.added_records.len(), d.added.total());
    // Everything listed is in the merge, and nothing of ours is gone.
    let merged = merge(&current, &incoming, &MergeChoices::default());
    let client = &merged.clients[1];
    for r in &d.added_records {
        let ids: Vec<&Id> = match r.kind {
            RecordKind::Stakeholder => client.stakeholders.iter().map(|x| &x.id).collect(),
            RecordKind::Issue => client.issues.iter().map(|x| &x.id).collect(),
            RecordKind::Touchpoint => client.touchpoints.iter().map(|x| &x.id).collect(),
            RecordKind::Assessment => client.assessments.iter().map(|x| &x.id).collect(),
            RecordKind::Action => client.actions.iter().map(|x| &x.id).collect(),
        };
        assert!(ids.contains(&&r.id), "{r:?} was not added");
    }
    let mine = &current.clients[1];
    assert!(mine
        .issues
        .iter()
        .all(|i| client.issues.iter().any(|x| x.id == i.id)));
    assert!(mine
        .stakeholders
        .iter()
        .all(|s| client.stakeholders.contains(s)));
}

#[test]
fn merge_unites_records_and_keeps_mine_by_default() {
    let current = rich_portfolio(2);
    let theirs = colleague_copy(&current.clients[1]);
    let incoming = Portfolio {
        owner: "Sam Lee".into(),
        clients: vec![theirs.clone(), Client::new(Id::new("c-new"), "Fresh")],
    };
    let before = current.clone();
    let merged = merge(&current, &incoming, &MergeChoices::default());
    assert_eq!(current, before, "merge never mutates its inputs");
    assert_eq!(merged.owner, "Dana Kim");
    assert_eq!(merged.clients.len(), 3);
    assert_eq!(merged.clients[2].id, Id::new("c-new"));
    let m = &merged.clients[1];
    assert_eq!(
        m.profile.annual_revenue,
        current.clients[1].profile.annual_revenue
    );
    assert_eq!(m.issues.len(), 7);
    assert_eq!(m.touchpoints.len(), 13);
    // Same id, no times on either side: mine kept, their note combined in.
    assert_eq!(
        m.issues[0].notes,
        format!(
            "Their version of the note\n\n{}",
            current.clients[1].issues[0].notes
        )
    );
    assert_eq!(m.stakeholders, current.clients[1].stakeholders);

    let mut choices = MergeChoices::default();
    choices.set(&theirs.id, ProfileField::AnnualRevenue, Side::Theirs);
    let merged = merge(&current, &incoming, &choices);
    assert_eq!(merged.clients[1].profile.annual_revenue, Some(999));
    assert_eq!(merged.clients[1].profile.importance, Some(Importance::High));
}

#[test]
fn empty_fields_are_filled_from_the_file() {
    let mut current = rich_portfolio(1);
    current.clients[0].profile.contract_end = None;
    let mut incoming = current.clone();
    incoming.clients[0].profile.contract_end = Some(date("2028-01-31"));
    let pv = preview(&current, &incoming);
    assert_eq!(pv.differing[0].conflicts, vec![]);
    assert_eq!(pv.differing[0].filled[0].field, ProfileField::ContractEnd);
    assert_eq!(pv.differing[0].filled[0].theirs, "2028-01-31");
    let merged = merge(&current, &incoming, &MergeChoices::default());
    assert_eq!(
        merged.clients[0].profile.contract_end,
        Some(date("2028-01-31"))
    );
}

#[test]
fn merged_assessments_stay_oldest_first() {
    let current = rich_portfolio(1);
    let mut incoming = current.clone();
    let mut early = Assessment::new(Id::new("a-early"), date("2025-01-01"));
    early.verdict = Category::AtRisk;
    incoming.clients[0].assessments.push(early);
    let merged = merge(&current, &incoming, &MergeChoices::default());
    let a = &merged.clients[0].assessments;
    assert_eq!(a.len(), 5);
    assert_eq!(a[0].id, Id::new("a-early"));
    assert!(a.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn replace_returns_the_backup_of_the_current_portfolio() {
    let current = rich_portfolio(2);
    let incoming = Portfolio {
        owner: String::new(),
        clients: vec![Client::new(Id::new("c-x"), "Only one")],
    };
    let r = replace(&current, &incoming, EXPORTED_AT);
    assert_eq!(r.portfolio.clients, incoming.clients);
    assert_eq!(
        r.portfolio.owner, "Dana Kim",
        "an unnamed file keeps the owner"
    );
    let (key, value) = &r.backup;
    assert!(key.ends_with("/before-replace"));
    assert_eq!(import_json(value.as_bytes()).unwrap().portfolio, current);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_a_portfolio_with_itself_changes_nothing(p in portfolio()) {
        let pv = preview(&p, &p);
        prop_assert_eq!(pv.identical.len(), p.clients.len());
        prop_assert!(pv.new_clients.is_empty() && pv.differing.is_empty());
        prop_assert_eq!(merge(&p, &p, &MergeChoices::default()), p);
    }

    #[test]
    fn merge_with_theirs_keeps_every_record_of_both(a in portfolio(), b in portfolio()) {
        let merged = merge(&a, &b, &MergeChoices::default());
        // Every id from both sides is there, and each once.
        for side in [&a, &b] {
            for c in &side.clients {
                let m = merged.clients.iter().find(|m| m.id == c.id);
                prop_assert!(m.is_some());
                let m = m.unwrap();
                for s in &c.stakeholders {
                    prop_assert!(m.stakeholders.iter().any(|x| x.id == s.id));
                }
                for t in &c.touchpoints {
                    prop_assert!(m.touchpoints.iter().any(|x| x.id == t.id));
                }
            }
        }
        prop_assert!(continuum_core::storage::validate::validate_portfolio(&merged).is_empty());
    }
}
