//! Browser tests of two tabs changing one client: changes to different
//! fields are merged and saved; the same field changed differently is put
//! to the user, the other tab's value shown until they keep theirs.
#![cfg(target_arch = "wasm32")]

use continuum::storage::compact::{decode_client, encode_client, StoredClient};
use continuum::storage::local::client_key;
use continuum::ui::store::{NoticeAction, Store};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test page")
}

fn start_store() -> Store {
    // The app's mount starts Leptos's executor; the store's effects need it.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    Store::provide()
}

/// Another tab saves the stored client with `change` applied, at the next revision.
fn other_tab_saves(key: &str, change: impl FnOnce(&mut continuum::domain::Client)) {
    let stored =
        decode_client(&storage().get_item(key).expect("read").expect("saved")).expect("readable");
    let mut theirs = stored.client;
    change(&mut theirs);
    let text = encode_client(&StoredClient {
        rev: stored.rev + 1,
        client: theirs,
    });
    storage().set_item(key, &text).expect("other tab writes");
}

fn stored(key: &str) -> continuum::domain::Client {
    decode_client(&storage().get_item(key).expect("read").expect("kept"))
        .expect("readable")
        .client
}

#[wasm_bindgen_test]
fn changes_to_different_fields_in_two_tabs_are_both_kept() {
    storage().clear().expect("clear");
    let first = start_store();
    let id = first.add_client("Harbor Logistics");
    first.flush();

    let store = start_store();
    let key = client_key(&id);
    other_tab_saves(&key, |c| c.profile.notes = "Renewal agreed by phone".into());
    store.edit(&id, |c| c.profile.owner = "Ana Ruiz".into());
    store.flush(); // finds the other tab's save and merges
    store.flush(); // saves the merge

    let now = stored(&key);
    assert_eq!(now.profile.notes, "Renewal agreed by phone");
    assert_eq!(now.profile.owner, "Ana Ruiz");
    let shown = store.find(&id).expect("listed").client.get_untracked();
    assert_eq!(shown, now, "what is shown is what is saved");
    assert!(!store.has_unsaved());
    assert!(store
        .notices
        .get_untracked()
        .iter()
        .any(|n| n.text.contains("Both sets of changes are kept")));
}

#[wasm_bindgen_test]
fn the_same_field_changed_in_two_tabs_is_put_to_the_user() {
    storage().clear().expect("clear");
    let first = start_store();
    let id = first.add_client("Quay Foods");
    first.flush();

    let store = start_store();
    let key = client_key(&id);
    other_tab_saves(&key, |c| c.profile.notes = "Theirs: call in May".into());
    store.edit(&id, |c| {
        c.profile.notes = "Mine: call in June".into();
        c.profile.owner = "Ana Ruiz".into();
    });
    store.flush();
    store.flush();

    // The other tab's notes are kept until the user chooses; the owner,
    // changed only here, is kept too.
    let now = stored(&key);
    assert_eq!(now.profile.notes, "Theirs: call in May");
    assert_eq!(now.profile.owner, "Ana Ruiz");
    let notice = store
        .notices
        .get_untracked()
        .into_iter()
        .find(|n| n.action == Some(NoticeAction::KeepMine(id.clone())))
        .expect("the conflict is put to the user");
    assert!(notice.text.contains("Notes"), "{}", notice.text);
    assert!(
        notice.text.contains("Mine: call in June"),
        "{}",
        notice.text
    );

    store.keep_mine(&id);
    store.flush();
    assert_eq!(stored(&key).profile.notes, "Mine: call in June");
    assert_eq!(stored(&key).profile.owner, "Ana Ruiz");
}
