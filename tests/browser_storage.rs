//! Browser tests of local storage through the app's store: a corrupt key,
//! storage that is full, storage that is unavailable, and two tabs editing
//! the same client.
#![cfg(target_arch = "wasm32")]

use continuum::domain::Id;
use continuum::storage::compact::{decode_client, encode_client, StoredClient};
use continuum::storage::local::{client_key, quarantine_key};
use continuum::ui::store::{NoticeAction, Persistence, Store};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test page")
}

/// A store started on whatever local storage holds now.
fn start_store() -> Store {
    // The app's mount starts Leptos's executor; the store's effects need it.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    Store::provide()
}

fn client_names(store: &Store) -> Vec<String> {
    store.clients.with_untracked(|cs| {
        cs.iter()
            .map(|s| s.client.with_untracked(|c| c.profile.name.clone()))
            .collect()
    })
}

#[wasm_bindgen_test]
fn a_corrupt_key_is_set_aside_untouched_and_the_rest_loads() {
    storage().clear().expect("clear");
    let first = start_store();
    first.add_client("Harbour Logistics");
    first.flush();
    let broken = "{\"v\":1,\"r\":3,\"c\":{\"i\":\"zz\",\"n\":"; // cut off mid-record
    let bad_key = client_key(&Id::new("zz"));
    storage().set_item(&bad_key, broken).expect("write");

    let store = start_store();
    assert_eq!(client_names(&store), vec!["Harbour Logistics".to_string()]);
    let kept = storage()
        .get_item(&quarantine_key(&bad_key))
        .expect("read")
        .expect("the broken text is kept under a quarantine key");
    assert_eq!(kept, broken, "kept byte for byte");
    assert!(storage().get_item(&bad_key).expect("read").is_none());
    let notices = store.notices.get_untracked();
    assert!(
        notices
            .iter()
            .any(|n| matches!(&n.action, Some(NoticeAction::DownloadRaw(k)) if k == &quarantine_key(&bad_key))),
        "the user is told and offered the raw text: {notices:?}"
    );
    // A later start-up finds the set-aside copy and never overwrites it.
    let again = start_store();
    assert_eq!(
        again.quarantine_keys.get_untracked(),
        vec![quarantine_key(&bad_key)]
    );
    assert_eq!(
        storage()
            .get_item(&quarantine_key(&bad_key))
            .expect("read")
            .as_deref(),
        Some(broken)
    );
}

/// Fills local storage until the browser refuses, returning the filler keys.
fn fill_storage() -> Vec<String> {
    let mut keys = Vec::new();
    let mut size = 1 << 20;
    while size >= 16 {
        let chunk = "x".repeat(size);
        let key = format!("filler-{}", keys.len());
        if storage().set_item(&key, &chunk).is_ok() {
            keys.push(key);
        } else {
            size /= 2;
        }
    }
    keys
}

#[wasm_bindgen_test]
fn when_storage_is_full_nothing_is_lost_and_the_next_write_catches_up() {
    storage().clear().expect("clear");
    let store = start_store();
    let fillers = fill_storage();
    let id = store.add_client("Northwind Foods");
    store.edit(&id, |c| c.profile.notes = "Met the new buyer".repeat(50));
    store.flush();

    assert_eq!(store.persistence.get_untracked(), Persistence::Full);
    assert!(store
        .notices
        .get_untracked()
        .iter()
        .any(|n| n.action == Some(NoticeAction::Export)));
    assert_eq!(
        client_names(&store),
        vec!["Northwind Foods".to_string()],
        "kept in memory"
    );
    assert!(storage()
        .get_item(&client_key(&id))
        .expect("read")
        .is_none());

    for k in fillers {
        storage().remove_item(&k).expect("free space");
    }
    store.edit(&id, |c| c.profile.tags.push("food".into()));
    store.flush();
    assert_eq!(store.persistence.get_untracked(), Persistence::Saved);
    let saved = storage()
        .get_item(&client_key(&id))
        .expect("read")
        .expect("written once space is free");
    let saved = decode_client(&saved).expect("readable");
    assert!(saved.client.profile.notes.starts_with("Met the new buyer"));
    assert_eq!(saved.client.profile.tags, vec!["food".to_string()]);
}

#[wasm_bindgen_test]
fn when_storage_is_unavailable_the_app_works_in_memory_and_says_so() {
    let window = web_sys::window().expect("window");
    let blocker = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError')",
    );
    let original = js_sys::Object::get_own_property_descriptor(&window, &"localStorage".into());
    let descriptor = js_sys::Object::new();
    js_sys::Reflect::set(&descriptor, &"get".into(), &blocker).expect("descriptor");
    js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).expect("descriptor");
    js_sys::Object::define_property(&window, &"localStorage".into(), &descriptor);

    let store = start_store();
    let id = store.add_client("Private Window Ltd");
    store.flush();
    let persistence = store.persistence.get_untracked();

    if original.is_undefined() {
        js_sys::Reflect::delete_property(&window, &"localStorage".into()).expect("restore");
    } else {
        js_sys::Object::define_property(&window, &"localStorage".into(), &original.into());
    }
    assert!(
        matches!(persistence, Persistence::InMemory(_)),
        "{persistence:?}"
    );
    assert!(
        store.find(&id).is_some(),
        "the client is there to work with"
    );
    assert!(store
        .notices
        .get_untracked()
        .iter()
        .any(|n| n.action == Some(NoticeAction::Export)));
}

#[wasm_bindgen_test]
fn two_tabs_editing_one_client_never_silently_overwrite_each_other() {
    storage().clear().expect("clear");
    let first = start_store();
    let id = first.add_client("Atlas Engineering");
    first.flush();

    // This tab loads the client; then "another tab" saves a newer revision.
    let store = start_store();
    let key = client_key(&id);
    let stored =
        decode_client(&storage().get_item(&key).expect("read").expect("saved")).expect("readable");
    let mut theirs = stored.client.clone();
    theirs.profile.notes = "Renewal agreed by phone".into();
    storage()
        .set_item(
            &key,
            &encode_client(&StoredClient {
                rev: stored.rev + 1,
                client: theirs,
            }),
        )
        .expect("other tab writes");

    store.edit(&id, |c| c.profile.notes = "Edited here".into());
    store.flush();

    let now =
        decode_client(&storage().get_item(&key).expect("read").expect("kept")).expect("readable");
    assert_eq!(
        now.client.profile.notes, "Renewal agreed by phone",
        "the stale write was refused"
    );
    let shown = store
        .find(&id)
        .expect("still listed")
        .client
        .get_untracked();
    assert_eq!(
        shown.profile.notes, "Renewal agreed by phone",
        "the newer data is loaded"
    );
    assert!(
        store
            .notices
            .get_untracked()
            .iter()
            .any(|n| n.text.contains("Atlas Engineering")),
        "the user is told"
    );
}

#[wasm_bindgen_test]
fn a_change_saved_in_another_tab_shows_here() {
    storage().clear().expect("clear");
    let store = start_store();
    let id = store.add_client("Blue Harbour");
    store.flush();
    // A view over the whole portfolio, as the board's rows are: it tracks
    // `records_changed`, not each client's signal.
    let portfolio_view = Memo::new(move |_| {
        store.records_changed.track();
        client_names(&store)
    });
    assert_eq!(
        portfolio_view.get_untracked(),
        vec!["Blue Harbour".to_string()]
    );
    let key = client_key(&id);
    let stored =
        decode_client(&storage().get_item(&key).expect("read").expect("saved")).expect("readable");
    let mut theirs = stored.client.clone();
    theirs.profile.name = "Blue Harbour Group".into();
    let text = encode_client(&StoredClient {
        rev: stored.rev + 1,
        client: theirs,
    });
    storage().set_item(&key, &text).expect("other tab writes");

    // The browser sends other tabs a `storage` event; simulate that one.
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&text));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&event)
        .expect("dispatch");

    assert_eq!(client_names(&store), vec!["Blue Harbour Group".to_string()]);
    assert_eq!(
        portfolio_view.get_untracked(),
        vec!["Blue Harbour Group".to_string()],
        "a portfolio-wide view follows the other tab's change"
    );

    // And an edit made here.
    store.edit(&id, |c| c.profile.name = "Blue Harbour Ltd".into());
    assert_eq!(
        portfolio_view.get_untracked(),
        vec!["Blue Harbour Ltd".to_string()]
    );
}
