//! Settings: your name, export, import (its flow is in `import/`), storage
//! use, backups and set-aside records.

use leptos::prelude::*;

use super::export::ExportSection;
use super::import::ImportSection;
use super::safety::BackupStatusSection;
use super::set_title;
use crate::storage::local::BackupInfo;
use crate::storage::merge::Replaced;
use crate::storage::{import_json, replace};
use crate::ui::files::{download, download_raw};
use crate::ui::store::{now_iso, use_store, NoticeKind, Persistence};

/// About what Chromium and Firefox give one site's local storage.
const LOCAL_STORAGE_LIMIT: f64 = 5.0 * 1024.0 * 1024.0;

#[component]
pub fn Settings() -> impl IntoView {
    set_title("Settings");
    view! {
        <h1>"Settings"</h1>
        <div class="settings">
            <OwnerSection/>
            <ExportSection/>
            <BackupStatusSection/>
            <ImportSection/>
            <StorageSection/>
        </div>
    }
}

#[component]
fn OwnerSection() -> impl IntoView {
    let store = use_store();
    view! {
        <section aria-labelledby="owner-heading" class="panel">
            <h2 id="owner-heading">"You"</h2>
            <label for="owner-name">"Your name (shown in exports and on your manager's team board)"</label>
            <input
                id="owner-name"
                type="text"
                autocomplete="name"
                prop:value=move || store.owner.get()
                on:change=move |ev| store.set_owner(&event_target_value(&ev))
            />
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let store = use_store();
    let used = RwSignal::new(None::<usize>);
    let refresh = move || used.set(store.local_store().map(|s| s.bytes_used()));
    refresh();
    Effect::new(move |_| {
        // Re-measure after saves change what is stored.
        store.clients.track();
        store.backups.track();
        set_timeout(refresh, std::time::Duration::from_millis(400));
    });
    let status = move || store.persistence.with(Persistence::describe);
    view! {
        <section aria-labelledby="storage-heading" class="panel">
            <h2 id="storage-heading">"Storage"</h2>
            <p class="storage-status">{status}</p>
            {move || used.get().map(|bytes| {
                let share = (bytes as f64 / LOCAL_STORAGE_LIMIT * 100.0).min(100.0);
                view! {
                    <p class="storage-used">
                        {format!("Using {:.0} KB of about {:.0} KB ({share:.0}%).", bytes as f64 / 1024.0, LOCAL_STORAGE_LIMIT / 1024.0)}
                    </p>
                    <meter min="0" max="100" value=share aria-label="Share of local storage used"></meter>
                }
            })}
            <h3>"Backups"</h3>
            <p class="hint">"Taken automatically before an import replaces your portfolio and before your data is upgraded."</p>
            {move || {
                let backups = store.backups.get();
                if backups.is_empty() {
                    view! { <p class="empty">"No backups yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="backups">
                            {backups.into_iter().map(|b| view! { <BackupRow backup=b/> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
            {move || {
                let keys = store.quarantine_keys.get();
                (!keys.is_empty()).then(|| view! {
                    <h3>"Records set aside"</h3>
                    <p class="hint">"These stored records could not be read. They are kept unchanged; download them to keep them or to ask for help."</p>
                    <ul>
                        {keys.into_iter().map(|k| {
                            let key = k.clone();
                            view! {
                                <li>
                                    <code>{k}</code> " "
                                    <button class="button" on:click=move |_| download_raw(store, &key)>"Download"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}

#[component]
fn BackupRow(backup: BackupInfo) -> impl IntoView {
    let store = use_store();
    let key = backup.key.clone();
    let (k1, k2, k3) = (key.clone(), key.clone(), key);
    let restore = move |_| {
        let Some(text) = store.local_store().and_then(|s| s.get(&k1)) else {
            return;
        };
        match import_json(text.as_bytes()) {
            Ok(imported) => {
                let Replaced { portfolio, backup } =
                    replace(&store.portfolio(), &imported.portfolio, &now_iso());
                match store.replace_all(portfolio, Some(backup)) {
                    Ok(()) => store.notify(
                        NoticeKind::Info,
                        "The backup was restored. What you had before is kept as a backup too.",
                        None,
                    ),
                    Err(e) => store.notify(
                        NoticeKind::Error,
                        &format!("Nothing was restored: {e}."),
                        None,
                    ),
                }
            }
            Err(e) => store.notify(
                NoticeKind::Error,
                &format!("This backup cannot be read: {e}"),
                None,
            ),
        }
    };
    let save = move |_| {
        if let Some(text) = store.local_store().and_then(|s| s.get(&k2)) {
            let name = format!(
                "continuum-backup-{}.json",
                k2.rsplit('/').nth(1).unwrap_or("").replace(':', "-")
            );
            let _ = download(&name, "application/json", &text);
        }
    };
    let delete = move |_| {
        if let Some(s) = store.local_store() {
            s.remove(&k3);
        }
        store.backup_removed(&k3);
    };
    view! {
        <li class="backup">
            <span>{backup.taken_at.replace('T', " ").replace('Z', " UTC")} " · " {backup.reason.describe()}</span>
            <button class="button" on:click=restore>"Restore"</button>
            <button class="button" on:click=save>"Download"</button>
            <button class="button quiet" on:click=delete>"Delete"</button>
        </li>
    }
}
