//! Keeping the data safe: the backup status and its reminder cadence in
//! Settings, the quiet status line on the board, the reminder shown
//! anywhere when changes have been in no file for too long (automatic
//! backups to a folder are in `backup_folder.rs`), and what the
//! browser says about keeping its storage. The rules are in
//! `present::backup`; these components only show them and call the store.

use leptos::prelude::*;

use super::backup_folder::{BackupFolderSection, FolderLine};
use crate::edge::local_storage::{is_persistent, storage_estimate};
use crate::present::backup::{persistence_words, usage_words, Cadence};
use crate::ui::routes::{actions, split_call};
use crate::ui::store::use_store;

/// Settings: when the data was last saved to a file, and the reminder.
#[component]
pub fn BackupStatusSection() -> impl IntoView {
    let store = use_store();
    store.refresh_backup();
    let status = move || store.backup.with(|r| r.describe(store.today.get()));
    let cadence = move || store.backup.with(|r| r.cadence);
    view! {
        <section aria-labelledby="backup-status-heading" class="panel backup-status">
            <h2 id="backup-status-heading">"Saved to a file"</h2>
            <p class="backup-status-line" role="status">{status}</p>
            <label for="backup-cadence">"Remind me when changes are not saved to a file"</label>
            <select
                id="backup-cadence"
                on:change=move |ev| {
                    if let Some(c) = Cadence::from_id(&event_target_value(&ev)) {
                        store.set_reminder_cadence(c);
                    }
                }
            >
                {Cadence::ALL
                    .into_iter()
                    .map(|c| view! {
                        <option value=c.id() selected=move || cadence() == c>{c.label()}</option>
                    })
                    .collect_view()}
            </select>
            <BackupFolderSection/>
            <PersistenceWords/>
        </section>
    }
}

/// What the browser granted, in plain words, and the space used.
#[component]
fn PersistenceWords() -> impl IntoView {
    let granted = RwSignal::new(None::<Option<bool>>);
    let used = RwSignal::new(None::<(f64, f64)>);
    leptos::task::spawn_local(async move {
        granted.set(Some(is_persistent().await));
        used.set(storage_estimate().await);
    });
    view! {
        <h3>"Will this browser keep your data?"</h3>
        <p class="persistence-words">
            {move || granted.get().map(persistence_words)}
        </p>
        <p class="storage-estimate">
            {move || used.get().map(|(u, q)| usage_words(u, q))}
        </p>
    }
}

/// The board's quiet line: when the data was last saved to a file.
#[component]
pub fn BackupLine() -> impl IntoView {
    let store = use_store();
    view! {
        <p class="backup-line">
            {move || store.backup.with(|r| r.describe(store.today.get()))}
            " "
            <a href="/settings#backup-status-heading">"Backups"</a>
        </p>
        <FolderLine/>
    }
}

/// Shown anywhere when changes have been in no file for longer than the
/// chosen cadence: one click exports, dismissing snoozes it.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let store = use_store();
    let due = move || !store.demo.get() && store.backup.with(|r| r.reminder_due(store.today.get()));
    let export = move |_| {
        leptos::task::spawn_local(async move {
            if split_call!(actions::export_everything(store)).is_err() {
                store.piece_missing("export your data");
            }
        });
    };
    view! {
        <Show when=due>
            <div class="notice warning backup-reminder" role="note">
                <p>
                    {move || store.backup.with(|r| r.describe(store.today.get()))}
                    " Save everything to a file, so a cleared browser does not take your work with it."
                </p>
                <button type="button" class="button primary" on:click=export>
                    "Export everything now"
                </button>
                " "
                <button type="button" class="button" on:click=move |_| store.snooze_reminder()>
                    "Remind me later"
                </button>
            </div>
        </Show>
    }
}
