#![cfg(not(target_arch = "wasm32"))]
//! Local storage: the compact encoding, its size budget, start-up that never
//! destroys, revisions between tabs, and backups.

mod storage_support;

use std::collections::BTreeMap;

use continuum_core::domain::*;
use continuum_core::storage::compact::{
    decode_client, encode_client, stored_rev, DecodeError, StoredClient,
};
use continuum_core::storage::file::import_json;
use continuum_core::storage::local::*;
use proptest::prelude::*;
use storage_support::*;

/// Browsers allow about 5 M UTF-16 code units per site (keys and values).
const QUOTA_UTF16: usize = 5_000_000;

fn utf16(s: &str) -> usize {
    s.encode_utf16().count()
}

/// Applies a plan the way the browser does: writes, then removals.
fn apply(storage: &mut BTreeMap<String, String>, plan: &Plan) {
    for (k, v) in &plan.set {
        storage.insert(k.clone(), v.clone());
    }
    for k in &plan.remove {
        storage.remove(k);
    }
}

#[test]
fn a_rich_client_takes_about_two_kilobytes() {
    let stored = StoredClient {
        rev: 42,
        client: rich_client(7),
    };
    let raw = encode_client(&stored);
    let key = client_key(&stored.client.id);
    let size = utf16(&raw) + utf16(&key);
    println!(
        "rich client: {} code units ({} bytes of JSON)",
        size,
        raw.len()
    );
    assert!(size <= 2_500, "a rich client takes {size} code units");
    assert_eq!(decode_client(&raw).unwrap(), stored);
}

#[test]
fn two_thousand_rich_clients_fit_the_quota() {
    let p = rich_portfolio(2000);
    let total: usize = encode_portfolio(&p)
        .iter()
        .map(|(k, v)| utf16(k) + utf16(v))
        .sum();
    println!(
        "2,000 rich clients: {total} code units ({:.1} % of {QUOTA_UTF16})",
        total as f64 * 100.0 / QUOTA_UTF16 as f64
    );
    assert!(total <= QUOTA_UTF16, "{total} code units");
}

#[test]
fn load_reads_back_what_was_stored_in_order() {
    let p = rich_portfolio(5);
    let loaded = load(&encode_portfolio(&p), EXPORTED_AT);
    assert_eq!(loaded.portfolio, p);
    assert!(loaded.plan.is_empty());
    assert!(loaded.quarantined.is_empty());
    assert_eq!(loaded.revisions.len(), 5);
    assert!(loaded.revisions.values().all(|r| *r == 1));
}

#[test]
fn an_unreadable_key_is_quarantined_never_dropped() {
    let p = rich_portfolio(3);
    let mut storage: BTreeMap<String, String> = encode_portfolio(&p).into_iter().collect();
    let broken_key = client_key(&p.clients[1].id);
    let broken = "{\"v\":1,\"r\":3,\"c\":{\"i\":\"oops".to_string();
    storage.insert(broken_key.clone(), broken.clone());
    storage.insert("unrelated-app-key".into(), "kept".into());

    let entries: Vec<_> = storage.clone().into_iter().collect();
    let loaded = load(&entries, EXPORTED_AT);
    // Everything else starts.
    assert_eq!(loaded.portfolio.clients.len(), 2);
    assert_eq!(loaded.portfolio.clients[0], p.clients[0]);
    assert_eq!(loaded.portfolio.clients[1], p.clients[2]);
    // The user is told, with a reason, and the raw text is kept untouched.
    assert_eq!(loaded.quarantined.len(), 1);
    let q = &loaded.quarantined[0];
    assert_eq!(q.key, broken_key);
    assert_eq!(q.quarantine_key, quarantine_key(&broken_key));
    assert!(q.reason.starts_with("not valid JSON"), "{}", q.reason);
    assert_eq!(loaded.quarantine_keys, vec![q.quarantine_key.clone()]);
    apply(&mut storage, &loaded.plan);
    assert_eq!(storage.get(&q.quarantine_key), Some(&broken));
    assert!(!storage.contains_key(&broken_key));
    assert_eq!(
        storage.get("unrelated-app-key").map(String::as_str),
        Some("kept")
    );

    // A second corruption of the same key never overwrites the first copy.
    storage.insert(broken_key.clone(), "second broken text".into());
    let entries: Vec<_> = storage.clone().into_iter().collect();
    let again = load(&entries, EXPORTED_AT);
    assert_eq!(
        again.quarantined[0].quarantine_key,
        format!("{}#2", quarantine_key(&broken_key))
    );
    apply(&mut storage, &again.plan);
    assert_eq!(storage.get(&q.quarantine_key), Some(&broken));
    assert_eq!(again.quarantine_keys.len(), 2);
}

#[test]
fn a_broken_index_is_quarantined_and_rebuilt() {
    let p = rich_portfolio(3);
    let mut storage: BTreeMap<String, String> = encode_portfolio(&p).into_iter().collect();
    storage.insert(META_KEY.into(), "{\"format\": 12}".into());
    let entries: Vec<_> = storage.clone().into_iter().collect();
    let loaded = load(&entries, EXPORTED_AT);
    assert_eq!(loaded.portfolio.clients.len(), 3, "no client is lost");
    assert_eq!(loaded.quarantined[0].key, META_KEY);
    apply(&mut storage, &loaded.plan);
    assert_eq!(
        storage.get(&quarantine_key(META_KEY)).map(String::as_str),
        Some("{\"format\": 12}")
    );
    // A fresh index was written.
    let entries: Vec<_> = storage.into_iter().collect();
    let reloaded = load(&entries, EXPORTED_AT);
    assert!(reloaded.quarantined.is_empty());
    assert!(reloaded.plan.is_empty(), "{:?}", reloaded.plan);
}

#[test]
fn a_client_unknown_to_the_index_is_still_loaded() {
    let p = rich_portfolio(2);
    let mut entries = encode_portfolio(&p);
    let extra = rich_client(99);
    entries.push((
        client_key(&extra.id),
        encode_client(&StoredClient {
            rev: 4,
            client: extra.clone(),
        }),
    ));
    let loaded = load(&entries, EXPORTED_AT);
    assert_eq!(loaded.portfolio.clients.last(), Some(&extra));
    assert_eq!(loaded.revisions[&extra.id], 4);
    assert_eq!(
        loaded.plan.set.len(),
        1,
        "the index is rewritten to include it"
    );
}

#[test]
fn a_record_under_the_wrong_key_is_quarantined() {
    let c = rich_client(1);
    let entries = vec![(
        client_key(&Id::new("someone-else")),
        encode_client(&StoredClient { rev: 1, client: c }),
    )];
    let loaded = load(&entries, EXPORTED_AT);
    assert!(loaded.portfolio.clients.is_empty());
    assert!(loaded.quarantined[0].reason.contains("but is stored under"));
}

#[test]
fn data_from_a_newer_version_is_left_alone() {
    let p = rich_portfolio(1);
    let mut entries = encode_portfolio(&p);
    entries.push((
        client_key(&Id::new("future")),
        r#"{"v":4,"r":1,"c":{"new":"shape"}}"#.into(),
    ));
    let loaded = load(&entries, EXPORTED_AT);
    assert_eq!(loaded.newer, vec![client_key(&Id::new("future"))]);
    assert!(loaded.quarantined.is_empty());
    assert!(loaded.plan.is_empty());
    assert_eq!(
        decode_client(r#"{"v":9,"r":1,"c":{}}"#),
        Err(DecodeError::Newer(9))
    );
}

#[test]
fn legacy_v0_storage_is_migrated_with_a_backup() {
    let path = format!(
        "{}/tests/fixtures/v0-portfolio.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    let legacy = std::fs::read_to_string(path).unwrap();
    let mut storage = BTreeMap::from([(LEGACY_V0_KEY.to_string(), legacy.clone())]);
    let entries: Vec<_> = storage.clone().into_iter().collect();
    let loaded = load(&entries, EXPORTED_AT);
    assert_eq!(loaded.migrated_from, Some(0));
    assert_eq!(loaded.portfolio.clients.len(), 2);
    // The backup comes first in the plan, and holds the old text unchanged.
    let (backup_key, backup_value) = &loaded.plan.set[0];
    assert_eq!(backup_value, &legacy);
    let info = parse_backup_key(backup_key).unwrap();
    assert_eq!(info.reason, BackupReason::BeforeMigration);
    assert_eq!(info.taken_at, EXPORTED_AT);
    apply(&mut storage, &loaded.plan);
    assert!(!storage.contains_key(LEGACY_V0_KEY));
    // Next start-up: plain version 1 data, the backup listed, and restorable.
    let entries: Vec<_> = storage.into_iter().collect();
    let next = load(&entries, EXPORTED_AT);
    assert_eq!(next.portfolio, loaded.portfolio);
    assert!(next.plan.is_empty());
    assert_eq!(next.backups.len(), 1);
    assert_eq!(
        import_json(backup_value.as_bytes()).unwrap().portfolio,
        loaded.portfolio
    );
}

#[test]
fn unreadable_legacy_data_is_quarantined() {
    let entries = vec![(
        LEGACY_V0_KEY.to_string(),
        "{\"app\":\"continuum\",".to_string(),
    )];
    let loaded = load(&entries, EXPORTED_AT);
    assert!(loaded.portfolio.clients.is_empty());
    assert_eq!(loaded.quarantined[0].key, LEGACY_V0_KEY);
    assert!(loaded.quarantined[0].reason.contains("ends too early"));
}

#[test]
fn stale_writes_are_refused() {
    assert_eq!(check_write(None, None), WriteCheck::Fresh { next_rev: 1 });
    assert_eq!(
        check_write(Some(3), Some(3)),
        WriteCheck::Fresh { next_rev: 4 }
    );
    // Another tab saved in between.
    assert_eq!(
        check_write(Some(4), Some(3)),
        WriteCheck::Stale {
            stored_rev: Some(4)
        }
    );
    // Another tab deleted the client.
    assert_eq!(
        check_write(None, Some(3)),
        WriteCheck::Stale { stored_rev: None }
    );

    // The flow: two tabs load revision 1; the first saves; the second is refused.
    let c = rich_client(1);
    let mut stored = encode_client(&StoredClient {
        rev: 1,
        client: c.clone(),
    });
    let (tab_a, tab_b) = (Some(1), Some(1));
    match check_write(stored_rev(&stored), tab_a) {
        WriteCheck::Fresh { next_rev } => {
            let mut edited = c.clone();
            edited.profile.notes = "edited in tab A".into();
            stored = encode_client(&StoredClient {
                rev: next_rev,
                client: edited,
            });
        }
        WriteCheck::Stale { .. } => panic!("tab A is fresh"),
    }
    assert_eq!(
        check_write(stored_rev(&stored), tab_b),
        WriteCheck::Stale {
            stored_rev: Some(2)
        }
    );
    assert_eq!(
        decode_client(&stored).unwrap().client.profile.notes,
        "edited in tab A"
    );
}

#[test]
fn saving_one_edit_writes_one_client() {
    let before = rich_portfolio(10);
    let mut after = before.clone();
    after.clients[4].profile.notes.push_str(" More.");
    let ch = changes(&before, &after);
    assert_eq!(ch.upsert, vec![before.clients[4].id.clone()]);
    assert!(ch.remove.is_empty());
    assert!(!ch.meta);

    let mut after = before.clone();
    let gone = after.clients.remove(2);
    after
        .clients
        .push(Client::new(Id::new("new"), "New client"));
    let ch = changes(&before, &after);
    assert_eq!(ch.upsert, vec![Id::new("new")]);
    assert_eq!(ch.remove, vec![gone.id]);
    assert!(ch.meta);
}

#[test]
fn backups_are_keyed_by_time_and_reason() {
    let p = rich_portfolio(2);
    let (key, value) = backup_entry(&p, BackupReason::BeforeReplace, EXPORTED_AT);
    assert_eq!(
        key,
        format!("continuum/v1/backup/{EXPORTED_AT}/before-replace")
    );
    let info = parse_backup_key(&key).unwrap();
    assert_eq!(info.reason, BackupReason::BeforeReplace);
    assert_eq!(import_json(value.as_bytes()).unwrap().portfolio, p);
    assert!(!value.contains('\n'), "backups are compact");
    assert_eq!(
        parse_backup_key("continuum/v1/backup/x/unknown-reason"),
        None
    );
}

#[test]
fn key_scheme() {
    let id = Id::new("abc123");
    assert_eq!(client_key(&id), "continuum/v1/client/abc123");
    assert_eq!(client_id_from_key("continuum/v1/client/abc123"), Some(id));
    assert_eq!(client_id_from_key("continuum/v1/client/"), None);
    assert_eq!(client_id_from_key(META_KEY), None);
    assert_eq!(
        quarantine_key(META_KEY),
        "continuum/v1/quarantine/continuum/v1/meta"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn compact_encoding_round_trips(p in portfolio(), rev in any::<u64>()) {
        for c in &p.clients {
            let stored = StoredClient { rev, client: c.clone() };
            let raw = encode_client(&stored);
            prop_assert_eq!(decode_client(&raw), Ok(stored));
            prop_assert_eq!(stored_rev(&raw), Some(rev));
        }
        let loaded = load(&encode_portfolio(&p), EXPORTED_AT);
        prop_assert_eq!(loaded.portfolio, p);
    }

    #[test]
    fn load_never_panics_or_loses_a_key(
        values in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..200), 0..6),
    ) {
        let mut entries: Vec<(String, String)> = values
            .iter()
            .enumerate()
            .map(|(i, v)| (client_key(&Id(format!("k{i}"))), String::from_utf8_lossy(v).into_owned()))
            .collect();
        entries.push((META_KEY.into(), String::from_utf8_lossy(values.first().map_or(&[][..], |v| v)).into_owned()));
        let loaded = load(&entries, EXPORTED_AT);
        // Every key is either loaded, quarantined, or left alone as newer.
        let kept = loaded.portfolio.clients.len() + loaded.quarantined.len() + loaded.newer.len();
        prop_assert!(kept >= entries.len() - 1);
        for (k, _) in &loaded.plan.set {
            prop_assert!(k.starts_with("continuum/v1/"));
        }
    }
}

/// Start-up skips reading (and the browser never fetches the reading code)
/// when no key is Continuum's: that is only right if reading such a storage
/// finds nothing and plans nothing.
#[test]
fn a_storage_without_continuum_keys_has_nothing_to_read() {
    let foreign = vec![
        ("app-release".to_string(), "1f2e3d4c5b6a7980".to_string()),
        ("someone-else".to_string(), "{\"x\":1}".to_string()),
    ];
    assert!(!holds_saved_data(&foreign));
    assert_eq!(load(&foreign, "2026-11-25T10:00:00Z"), Loaded::default());

    let mut ours = foreign.clone();
    ours.extend(encode_portfolio(&Portfolio {
        owner: "Dana".into(),
        clients: vec![Client::new(Id::new("c1"), "Acme")],
    }));
    assert!(holds_saved_data(&ours));
    assert_eq!(
        load(&ours, "2026-11-25T10:00:00Z").portfolio.clients.len(),
        1
    );
}
