#![cfg(not(target_arch = "wasm32"))]
//! The "still in role" date (issue 16) in the file format and in local
//! storage: it round-trips, and files and records written before it keep
//! opening exactly as they did.

use continuum_core::domain::{Client, Date, Id, Portfolio, Role, Stakeholder, Stance};
use continuum_core::storage::compact::{decode_client, encode_client, StoredClient};
use continuum_core::storage::file::{export_json, import_json};
use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/{name}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn client(confirmed: Option<Date>) -> Client {
    let mut c = Client::new(Id::new("c1"), "Birch Mills");
    c.stakeholders.push(Stakeholder {
        id: Id::new("s1"),
        name: "Ines Roth".into(),
        title: "Plant Director".into(),
        role: Role::Sponsor,
        senior: true,
        stance: Stance::Supporter,
        rival_preference: String::new(),
        feedback_on: None,
        last_contact: None,
        notes: "Prefers mornings".into(),
        still_in_role_on: confirmed,
    });
    c
}

fn portfolio(c: Client) -> Portfolio {
    Portfolio {
        owner: "Dana Kim".into(),
        clients: vec![c],
    }
}

#[test]
fn the_confirmation_date_round_trips_through_a_file() {
    let day = Date::from_days_since_epoch(20_400);
    let json = export_json(&portfolio(client(Some(day))), "2026-12-05T10:00:00Z");
    let value: Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(
        value["clients"][0]["stakeholders"][0]["still_in_role_on"],
        Value::String(day.to_string())
    );
    let back = import_json(json.as_bytes()).expect("imports");
    assert_eq!(
        back.portfolio.clients[0].stakeholders[0].still_in_role_on,
        Some(day)
    );
}

#[test]
fn a_file_without_it_opens_as_never_confirmed_and_exports_without_it() {
    let imported = import_json(&fixture("v2-portfolio.json")).expect("the v2 fixture imports");
    let people: Vec<&Stakeholder> = imported
        .portfolio
        .clients
        .iter()
        .flat_map(|c| c.stakeholders.iter())
        .collect();
    assert!(!people.is_empty());
    assert!(people.iter().all(|s| s.still_in_role_on.is_none()));
    let again = export_json(&imported.portfolio, "2026-12-05T10:00:00Z");
    assert!(!again.contains("still_in_role_on"));
}

#[test]
fn local_storage_rows_keep_their_old_shape_and_read_the_new_field() {
    let stored = |c| StoredClient { rev: 3, client: c };
    let row = |raw: &str| -> Vec<Value> {
        let v: Value = serde_json::from_str(raw).expect("JSON");
        v["c"]["s"][0]
            .as_array()
            .cloned()
            .expect("a stakeholder row")
    };
    // Without a confirmation the row is what it was before the field existed.
    let old = encode_client(&stored(client(None)));
    let old_row = row(&old);
    assert_eq!(
        old_row.last(),
        Some(&Value::String("Prefers mornings".into()))
    );
    assert_eq!(
        decode_client(&old).expect("decodes").client.stakeholders[0].still_in_role_on,
        None
    );
    // With one it is one more value at the end, and reads back.
    let day = Date::from_days_since_epoch(20_400);
    let new = encode_client(&stored(client(Some(day))));
    let new_row = row(&new);
    assert_eq!(new_row.len(), old_row.len() + 1);
    assert_eq!(&new_row[..old_row.len()], &old_row[..]);
    let back = decode_client(&new).expect("decodes");
    assert_eq!(back.client, client(Some(day)));
}
