#![cfg(not(target_arch = "wasm32"))]
//! Re-import: rows find their client by record id, else by name; nothing is
//! duplicated and nothing of the user's is removed.

mod import_support;

use std::cell::Cell as Counter;

use continuum_core::domain::*;
use continuum_core::storage::import::*;
use continuum_core::storage::{merge, preview, MergeChoices};
use import_support::*;

fn ids(prefix: &'static str) -> impl FnMut() -> Id {
    let n = Counter::new(0);
    move || {
        n.set(n.get() + 1);
        Id::new(format!("{prefix}{}", n.get()))
    }
}

fn current() -> Portfolio {
    let mut acme = Client::new(Id::new("c-acme"), "ACME Corp.");
    acme.profile.notes = "Met at the fair".into();
    acme.profile.annual_revenue = Some(2_000_000);
    acme.stakeholders.push(Stakeholder {
        id: Id::new("s-1"),
        name: "Ann Lee".into(),
        title: "CFO".into(),
        role: Role::DecisionMaker,
        senior: true,
        stance: Stance::Promoter,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: None,
        notes: String::new(),
        still_in_role_on: None,
    });
    let mut globex = Client::new(Id::new("c-globex"), "Globex Europe");
    globex.profile.external_id = Some("0015e00000AbC002".into());
    let other = Client::new(Id::new("c-other"), "Umbrella plc");
    Portfolio {
        owner: "Dana Kim".into(),
        clients: vec![acme, globex, other],
    }
}

#[test]
fn salesforce_reimport_matches_by_id_then_name() {
    let rows = rows("salesforce-accounts-report.csv");
    let now = current();
    let (incoming, report) = plan(&rows, &now, ids("n"));
    let updated: Vec<(usize, &str, Option<MatchedBy>)> = report
        .updated
        .iter()
        .map(|o| (o.row, o.client.as_str(), o.matched_by))
        .collect();
    assert_eq!(
        updated,
        [
            (2, "c-acme", Some(MatchedBy::Name)),
            (3, "c-globex", Some(MatchedBy::ExternalId)),
        ]
    );
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.added[0].name, "Initech LLC");
    assert_eq!(report.added[0].client, Id::new("n1"));
    // A name match keeps the user's spelling; an id match takes the CRM's.
    assert_eq!(incoming.clients[0].profile.name, "ACME Corp.");
    assert_eq!(incoming.clients[0].profile.annual_revenue, Some(2_400_000));
    assert_eq!(incoming.clients[0].profile.notes, "Met at the fair");
    assert_eq!(
        incoming.clients[0].profile.external_id.as_deref(),
        Some("0015e00000AbC001")
    );
    assert_eq!(incoming.clients[0].stakeholders.len(), 1);
    assert_eq!(incoming.clients[1].profile.name, "Globex, Inc.");

    let choices = MergeChoices::default();
    let p = preview(&now, &incoming);
    assert_eq!(p.new_clients.len(), 1);
    assert_eq!(p.only_here, 1);
    let merged = merge(&now, &incoming, &choices);
    assert_eq!(merged.clients.len(), 4);
    let acme = &merged.clients[0];
    // Revenue differs: a conflict, mine kept by default; the id is filled.
    assert_eq!(acme.profile.annual_revenue, Some(2_000_000));
    assert_eq!(
        acme.profile.external_id.as_deref(),
        Some("0015e00000AbC001")
    );
    assert_eq!(acme.stakeholders[0].stance, Stance::Promoter);
    assert!(merged
        .clients
        .iter()
        .any(|c| c.profile.name == "Umbrella plc"));

    // The same file again: everything is an update, nothing is added.
    let (again, report) = plan(&rows, &merged, ids("m"));
    assert!(report.added.is_empty());
    assert_eq!(report.updated.len(), 3);
    assert!(report
        .updated
        .iter()
        .all(|o| o.matched_by == Some(MatchedBy::ExternalId)));
    assert_eq!(merge(&merged, &again, &choices).clients.len(), 4);
}

#[test]
fn two_rows_for_one_client_update_it_once() {
    let t = csv(
        "Account ID,Account Name,Annual Revenue\nX1,Globex Europe,1\nX2,Globex Europe GmbH,2\n",
    );
    // Two rows whose names only differ by a legal suffix are a duplicate.
    assert!(build(&t, &suggest_mapping(&t), &DateAnswers::none()).is_err());
    let t = csv("Account ID,Account Name,Annual Revenue\n0015e00000AbC002,Globex Renamed,1\n,Globex Europe,2\n");
    let rows = build(&t, &suggest_mapping(&t), &DateAnswers::none()).unwrap();
    let (incoming, report) = plan(&rows, &current(), ids("n"));
    assert_eq!(incoming.clients.len(), 1);
    assert_eq!(report.updated.len(), 2);
    assert!(report.added.is_empty());
}

#[test]
fn contacts_join_their_clients_and_strangers_are_listed() {
    let mut now = current();
    now.clients
        .push(Client::new(Id::new("c-nw"), "Northwind Logistics"));
    now.clients
        .push(Client::new(Id::new("c-bh"), "Blue Harbor Foods"));
    let rows = rows("hubspot-contacts.csv");
    let (incoming, report) = plan(&rows, &now, ids("p"));
    let added: Vec<(&str, &str)> = report
        .people_added
        .iter()
        .map(|o| (o.name.as_str(), o.client.as_str()))
        .collect();
    assert_eq!(
        added,
        [
            ("Maria Lopez", "c-nw"),
            ("Tom Becker", "c-nw"),
            ("Aiko Tanaka", "c-bh")
        ]
    );
    assert_eq!(report.unmatched_people.len(), 1);
    assert_eq!(report.unmatched_people[0].name, "Lena Fischer");
    assert_eq!(report.unmatched_people[0].row, 5);
    let nw = &incoming.clients[0];
    assert_eq!(nw.id, Id::new("c-nw"));
    assert_eq!(nw.stakeholders[0].title, "Head of Procurement");
    assert!(nw.stakeholders[0].senior);
    assert_eq!(nw.stakeholders[0].stance, Stance::Neutral);
    assert_eq!(
        nw.stakeholders[0].notes,
        "Email: maria.lopez@northwind.example"
    );

    let merged = merge(&now, &incoming, &MergeChoices::default());
    let nw = merged
        .clients
        .iter()
        .find(|c| c.id == Id::new("c-nw"))
        .unwrap();
    assert_eq!(nw.stakeholders.len(), 2);
    // Importing the contacts again adds nobody twice.
    let (_, again) = plan(&rows, &merged, ids("q"));
    assert!(again.people_added.is_empty());
    assert_eq!(again.people_known.len(), 3);
}

#[test]
fn names_match_across_legal_forms_and_punctuation() {
    for (a, b) in [
        ("ACME Corp.", "Acme Corporation"),
        ("Société Générale S.A.", "societe generale"),
        ("Van Dijk B.V.", "Van Dijk BV"),
        ("Müller GmbH & Co. KG", "Müller"),
        ("Blue Harbor Foods, Inc.", "Blue Harbor Foods"),
    ] {
        assert_eq!(name_key(a), name_key(b), "{a} / {b}");
    }
    assert_ne!(name_key("Acme"), name_key("Acme Labs"));
}

#[test]
fn a_different_record_id_is_a_different_client() {
    // Same name as a client that carries another record id: a new client.
    let t = csv("Account ID,Account Name\nZZ9,Globex Europe\n");
    let rows = build(&t, &suggest_mapping(&t), &DateAnswers::none()).unwrap();
    let (incoming, report) = plan(&rows, &current(), ids("n"));
    assert_eq!(report.added.len(), 1);
    assert_eq!(incoming.clients[0].id, Id::new("n1"));
    // Rows built by hand with one name twice make one client, not two.
    let twice = Rows {
        clients: vec![
            ClientRow {
                row: 2,
                name: "Nova".into(),
                ..ClientRow::default()
            },
            ClientRow {
                row: 3,
                name: "NOVA Ltd".into(),
                annual_revenue: Some(5),
                ..ClientRow::default()
            },
        ],
        ..Rows::default()
    };
    let (incoming, report) = plan(&twice, &current(), ids("n"));
    assert_eq!(incoming.clients.len(), 1);
    assert_eq!(incoming.clients[0].profile.annual_revenue, Some(5));
    assert_eq!((report.added.len(), report.updated.len()), (1, 1));
}
