//! Automatic backups to a folder in Settings (choose, allow again, stop,
//! lock with a passphrase) and the board's one-click "allow again". The
//! rules are in `present::folder`; these components show them and call the
//! store.

use leptos::prelude::*;

use crate::present::folder::{check_backup_passphrase, folder_words, FolderState};
use crate::ui::store::use_store;

use super::passphrase::NewPassphrase;

/// The folder's status in plain words.
fn status(store: crate::ui::store::Store) -> String {
    store.folder.with(|state| {
        store
            .backup
            .with(|r| folder_words(r, state, store.folder_passphrase.get(), store.today.get()))
    })
}

/// "Allow backups to <folder> again", shown only when the browser wants
/// the user's permission again.
#[component]
pub fn AllowFolderAgain() -> impl IntoView {
    let store = use_store();
    let must_allow = move || match store.folder.get() {
        FolderState::MustAllow(name) => Some(name),
        _ => None,
    };
    move || {
        must_allow().map(|name| {
            let allow = move |_| leptos::task::spawn_local(store.allow_folder_again());
            view! {
                <button type="button" class="button primary" on:click=allow>
                    {format!("Allow backups to {name} again")}
                </button>
            }
        })
    }
}

/// The board's line about the folder, once one was chosen.
#[component]
pub fn FolderLine() -> impl IntoView {
    let store = use_store();
    let chosen = move || store.folder.with(|s| s.name().is_some());
    view! {
        <Show when=chosen>
            <p class="folder-line">{move || status(store)} " " <AllowFolderAgain/></p>
        </Show>
    }
}

/// Settings: choosing the folder, and locking what is written there.
#[component]
pub fn BackupFolderSection() -> impl IntoView {
    let store = use_store();
    let chosen = move || store.folder.with(|s| s.name().is_some());
    let not_chosen = move || store.folder.with(|s| *s == FolderState::NotChosen);
    let choose = move |_| leptos::task::spawn_local(store.choose_backup_folder());
    let stop = move |_| leptos::task::spawn_local(store.forget_backup_folder());
    view! {
        <h3 id="backup-folder-heading">"Automatic backups to a folder"</h3>
        <p class="folder-status" role="status">{move || status(store)}</p>
        <Show when=not_chosen>
            <button type="button" class="button primary" on:click=choose>"Choose a backup folder"</button>
        </Show>
        <Show when=chosen>
            <AllowFolderAgain/>
            " "
            <button type="button" class="button" on:click=stop>"Stop backing up to this folder"</button>
            <FolderPassphrase/>
        </Show>
    }
}

/// "Lock backups with a passphrase": typed twice, kept in memory only.
#[component]
fn FolderPassphrase() -> impl IntoView {
    let store = use_store();
    let locking = RwSignal::new(store.backup.with_untracked(|r| r.folder_locked));
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        locking.set(on);
        problem.set(None);
        if !on {
            store.set_backup_passphrase(None);
        }
    };
    let use_it = move |_| {
        let (p, a) = (passphrase.get_untracked(), again.get_untracked());
        match check_backup_passphrase(&p, &a) {
            Err(e) => problem.set(Some(e)),
            Ok(()) => {
                problem.set(None);
                passphrase.set(String::new());
                again.set(String::new());
                store.set_backup_passphrase(Some(p));
            }
        }
    };
    view! {
        <label class="check">
            <input type="checkbox" id="folder-lock" prop:checked=move || locking.get() on:change=toggle/>
            "Lock backups with a passphrase"
        </label>
        <Show when=move || locking.get()>
            <div class="passphrase-fields">
                <p class="hint">"The passphrase is kept only until this page closes: after that, backups wait until you type it again."</p>
                <NewPassphrase id="folder" label="Backup passphrase" passphrase=passphrase again=again problem=problem/>
                <button type="button" class="button" on:click=use_it>"Use this passphrase for backups"</button>
            </div>
        </Show>
    }
}
