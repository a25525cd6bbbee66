//! The Settings page's export: everything as a Continuum file, optionally
//! locked with a passphrase (`edge::crypto`), and a CSV summary.

use leptos::prelude::*;

use crate::domain::Client;
use crate::edge::crypto::lock;
use crate::present::passphrase::check;
use crate::storage::csv::{export_summary_csv, SummaryRow};
use crate::storage::file::{export_file_name, export_json};
use crate::storage::locked::locked_file_name;
use crate::ui::files::{download, download_export};
use crate::ui::store::{now_iso, use_store, NoticeKind, Store};

use super::passphrase::NewPassphrase;

#[component]
pub fn ExportSection() -> impl IntoView {
    let store = use_store();
    let locking = RwSignal::new(false);
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let status = RwSignal::new(None::<String>);
    let export = move |_| {
        status.set(None);
        problem.set(None);
        if !locking.get_untracked() {
            download_export(store);
            return;
        }
        let (p, a) = (passphrase.get_untracked(), again.get_untracked());
        if let Err(e) = check(&p, &a) {
            problem.set(Some(e));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = export_locked(store, &p).await;
            busy.set(false);
            match outcome {
                Ok(name) => {
                    passphrase.set(String::new());
                    again.set(String::new());
                    status.set(Some(format!(
                        "Saved {name}, locked. Keep the passphrase safe: without it nobody, not even you, can open the file."
                    )));
                }
                Err(e) => store.notify(NoticeKind::Error, &format!("Export failed: {e}."), None),
            }
        });
    };
    view! {
        <section aria-labelledby="export-heading" class="panel">
            <h2 id="export-heading">"Export"</h2>
            <p>"Save everything as one file, to back it up or to share it with your manager."</p>
            <label class="check">
                <input
                    type="checkbox"
                    id="export-lock"
                    prop:checked=move || locking.get()
                    on:change=move |ev| {
                        locking.set(event_target_checked(&ev));
                        problem.set(None);
                    }
                />
                "Lock the file with a passphrase"
            </label>
            <Show when=move || locking.get()>
                <div class="passphrase-fields">
                    <NewPassphrase id="export" label="Passphrase" passphrase=passphrase again=again problem=problem/>
                </div>
            </Show>
            <div class="row">
                <button class="button primary" disabled=move || busy.get() on:click=export>
                    "Export everything (JSON)"
                </button>
                <button class="button" on:click=move |_| export_summary(store)>
                    "Export a summary (CSV)"
                </button>
            </div>
            <p class="export-status" role="status" aria-live="polite">
                {move || if busy.get() { Some("Locking the file…".to_string()) } else { status.get() }}
            </p>
        </section>
    }
}

/// Locks the whole portfolio's export with `passphrase` and downloads it;
/// returns the file's name.
async fn export_locked(store: Store, passphrase: &str) -> Result<String, String> {
    let portfolio = store.portfolio();
    let text = export_json(&portfolio, &now_iso());
    let name = locked_file_name(&export_file_name(
        &portfolio.owner,
        store.today.get_untracked(),
    ));
    let locked = lock(&text, passphrase).await.map_err(|e| e.to_string())?;
    download(&name, "application/json", &locked)?;
    store.saved_to_file();
    Ok(name)
}

fn export_summary(store: Store) {
    let portfolio = store.portfolio();
    let views: std::collections::HashMap<_, _> = store.clients.with_untracked(|cs| {
        cs.iter()
            .map(|s| (s.id.clone(), s.view().get_untracked()))
            .collect()
    });
    let text = export_summary_csv(&portfolio, |c: &Client| {
        views.get(&c.id).map(SummaryRow::of).unwrap_or_default()
    });
    let name = crate::storage::export_file_name(&portfolio.owner, store.today.get_untracked())
        .replace(".json", ".csv");
    if let Err(e) = download(&name, "text/csv", &text) {
        store.notify(NoticeKind::Error, &format!("Export failed: {e}."), None);
    }
}
