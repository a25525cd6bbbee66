//! Settings: your name, export, import (preview, merge or replace), storage
//! use, backups and set-aside records.

use leptos::prelude::*;

use super::export::ExportSection;
use super::set_title;
use crate::domain::Portfolio;
use crate::storage::import::import_list;
use crate::storage::local::BackupInfo;
use crate::storage::merge::{ClientPreview, ProfileField, Replaced};
use crate::storage::{import_json, merge, preview, replace, ImportError, ImportPreview};
use crate::storage::{MergeChoices, Side};
use crate::ui::files::{download, download_raw, read_file};
use crate::ui::store::{new_id, now_iso, use_store, NoticeKind, Persistence, Store};

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

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportStage {
    Idle,
    Reading(String),
    Failed {
        file: String,
        message: String,
        problems: Vec<String>,
    },
    Ready {
        file: String,
        /// A CSV client list can only add and update (no replace).
        csv: bool,
        note: Option<String>,
        incoming: Portfolio,
        preview: ImportPreview,
    },
    Done(String),
}

impl ImportStage {
    /// A copy for showing the stage, with the incoming portfolio left empty.
    fn without_incoming(&self) -> ImportStage {
        match self {
            ImportStage::Ready {
                file,
                csv,
                note,
                preview,
                ..
            } => ImportStage::Ready {
                file: file.clone(),
                csv: *csv,
                note: note.clone(),
                incoming: Portfolio::default(),
                preview: preview.clone(),
            },
            other => other.clone(),
        }
    }
}

/// Reads a picked or dropped file into the import flow (nothing is changed
/// until the user confirms).
pub fn start_import(store: Store, stage: RwSignal<ImportStage>, file: web_sys::File) {
    let name = file.name();
    stage.set(ImportStage::Reading(name.clone()));
    leptos::task::spawn_local(async move {
        let next = match read_file(&file).await {
            Err(e) => ImportStage::Failed {
                file: name,
                message: e,
                problems: Vec::new(),
            },
            Ok(bytes) => prepare(store, name, &bytes),
        };
        stage.set(next);
    });
}

/// A client list (CSV, TSV, text, spreadsheet) rather than a Continuum file.
fn looks_like_csv(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_lowercase();
    let list_ext = [".csv", ".txt", ".tsv", ".tab", ".xlsx", ".xls", ".ods"];
    if list_ext.iter().any(|e| lower.ends_with(e)) || bytes.starts_with(b"PK\x03\x04") {
        return true;
    }
    if lower.ends_with(".json") {
        return false;
    }
    let start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b != b'{' && *b != b'[')
}

fn prepare(store: Store, file: String, bytes: &[u8]) -> ImportStage {
    let current = store.portfolio();
    let failed = |e: ImportError| ImportStage::Failed {
        file: file.clone(),
        message: e.to_string(),
        problems: e.problems().iter().map(ToString::to_string).collect(),
    };
    let (incoming, csv, note) = if looks_like_csv(&file, bytes) {
        match import_list(bytes, &file, &current, || new_id("c")) {
            Ok(list) => {
                let note = Some(list.note()).filter(|n| !n.is_empty());
                (list.incoming, true, note)
            }
            Err(e) => return failed(e),
        }
    } else {
        match import_json(bytes) {
            Ok(imported) => {
                let note = imported.was_migrated().then(|| {
                    format!(
                        "This file was written by an earlier version (format {}); it was upgraded on the way in.",
                        imported.from_version
                    )
                });
                (imported.portfolio, false, note)
            }
            Err(e) => return failed(e),
        }
    };
    let preview = preview(&current, &incoming);
    ImportStage::Ready {
        file,
        csv,
        note,
        incoming,
        preview,
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let store = use_store();
    let stage =
        use_context::<RwSignal<ImportStage>>().unwrap_or_else(|| RwSignal::new(ImportStage::Idle));
    let choices = RwSignal::new(MergeChoices::default());
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            choices.set(MergeChoices::default());
            start_import(store, stage, file);
        }
        input.set_value("");
    };
    let apply = move |replace_all: bool| {
        // Read in place: the incoming portfolio can be thousands of clients,
        // too big to copy just to read it.
        let current = store.portfolio();
        let Some((file, next, backup)) = stage.with_untracked(|s| match s {
            ImportStage::Ready { incoming, file, .. } => Some(if replace_all {
                let Replaced { portfolio, backup } = replace(&current, incoming, &now_iso());
                (file.clone(), portfolio, Some(backup))
            } else {
                let merged = merge(&current, incoming, &choices.get_untracked());
                (file.clone(), merged, None)
            }),
            _ => None,
        }) else {
            return;
        };
        let what = if replace_all {
            "replaced your portfolio (the previous one is kept as a backup below)"
        } else {
            "was merged into your portfolio"
        };
        let result = store.replace_all(next, backup);
        stage.set(match result {
            Ok(()) => ImportStage::Done(format!("{file} {what}.")),
            Err(e) => ImportStage::Failed {
                file,
                message: format!("Nothing was changed: the backup could not be saved first ({e})."),
                problems: Vec::new(),
            },
        });
    };
    view! {
        <section id="import" aria-labelledby="import-heading" class="panel import">
            <h2 id="import-heading">"Import"</h2>
            <p>
                "A Continuum file (JSON), or a client or contact list: a CRM export (HubSpot, Salesforce, Pipedrive, Zoho, Dynamics 365) or a spreadsheet (CSV, TSV, XLSX, ODS) with a header row. You can also drop a file anywhere on the page. You see what would change before anything does."
            </p>
            <label class="button file-button">
                "Choose a file to import…"
                <input
                    id="import-file"
                    class="visually-hidden"
                    type="file"
                    accept=".json,.csv,.tsv,.txt,.xlsx,.xls,.ods,application/json,text/csv"
                    on:change=on_pick
                />
            </label>
            // Everything but the incoming portfolio, which only `apply` reads:
            // copying thousands of clients on every change showed in the
            // import time.
            {move || match stage.with(ImportStage::without_incoming) {
                ImportStage::Idle => ().into_any(),
                ImportStage::Reading(file) => view! { <p role="status">"Reading " {file} "…"</p> }.into_any(),
                ImportStage::Done(text) => view! { <p class="import-done" role="status">{text}</p> }.into_any(),
                ImportStage::Failed { file, message, problems } => view! {
                    <div class="import-error" role="alert">
                        <p><strong>{file} " could not be imported. "</strong> {message}</p>
                        <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        <p>"Nothing was changed."</p>
                    </div>
                }
                .into_any(),
                ImportStage::Ready { file, csv, note, preview, .. } => view! {
                    <ImportPreviewView file csv note preview choices apply stage/>
                }
                .into_any(),
            }}
        </section>
    }
}

#[component]
fn ImportPreviewView(
    file: String,
    csv: bool,
    note: Option<String>,
    preview: ImportPreview,
    choices: RwSignal<MergeChoices>,
    apply: impl Fn(bool) + Copy + Send + Sync + 'static,
    stage: RwSignal<ImportStage>,
) -> impl IntoView {
    let new = preview.new_clients.len();
    let differ = preview.differing.len();
    let same = preview.identical.len();
    let only_here = preview.only_here;
    let additions = preview
        .differing
        .iter()
        .filter(|c| !c.added_records.is_empty() || !c.filled.is_empty())
        .cloned()
        .collect::<Vec<_>>();
    let conflicts = preview
        .differing
        .into_iter()
        .filter(|c| !c.conflicts.is_empty())
        .collect::<Vec<_>>();
    view! {
        <div class="import-preview" aria-live="polite">
            <h3>"What " {file} " holds"</h3>
            {note.map(|n| view! { <p>{n}</p> })}
            <p class="preview-counts">
                <span data-preview="new">{new}</span> " new clients, "
                <span data-preview="differ">{differ}</span> " that exist here and differ, "
                <span data-preview="same">{same}</span> " identical."
            </p>
            {(!additions.is_empty()).then(|| view! { <AddedEvidence clients=additions/> })}
            {(!conflicts.is_empty()).then(|| view! {
                <fieldset class="conflicts">
                    <legend>"Profile details that differ: which to keep when merging?"</legend>
                    {conflicts.into_iter().map(|c| {
                        let id = c.id.clone();
                        view! {
                            <div class="conflict-client">
                                <h4>{c.name.clone()}</h4>
                                {c.conflicts.into_iter().map(|d| {
                                    let id = id.clone();
                                    let field: ProfileField = d.field;
                                    let group = format!("conflict-{}-{}", id, field.label());
                                    let id2 = id.clone();
                                    view! {
                                        <div class="conflict" role="radiogroup" aria-label=field.label()>
                                            <span class="field">{field.label()}</span>
                                            <label>
                                                <input type="radio" name=group.clone() checked=true
                                                    on:change=move |_| choices.update(|ch| ch.set(&id, field, Side::Mine))/>
                                                " Mine: " {d.mine}
                                            </label>
                                            <label>
                                                <input type="radio" name=group
                                                    on:change=move |_| choices.update(|ch| ch.set(&id2, field, Side::Theirs))/>
                                                " The file's: " {d.theirs}
                                            </label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <div class="row">
                <button class="button primary" on:click=move |_| apply(false)>
                    {if csv { "Add and update these clients" } else { "Merge into my portfolio" }}
                </button>
                {(!csv).then(|| view! {
                    <button class="button" on:click=move |_| apply(true)>
                        "Replace my portfolio"
                    </button>
                    <span class="hint">
                        {format!("Replace keeps your current portfolio as a backup; {only_here} clients only here would leave the board.")}
                    </span>
                })}
                <button class="button quiet" on:click=move |_| stage.set(ImportStage::Idle)>"Cancel"</button>
            </div>
        </div>
    }
}

/// Per shared client, what a merge would add from the file (by id), so a
/// colleague's evidence can be checked before it joins the user's records.
#[component]
fn AddedEvidence(clients: Vec<ClientPreview>) -> impl IntoView {
    view! {
        <div class="added-evidence">
            <h4>"What a merge adds to clients you both have"</h4>
            <p class="hint">"Nothing of yours is removed: records are matched by their id and only the missing ones are added."</p>
            {clients.into_iter().map(|c| view! {
                <section class="added-client" data-client-id=c.id.to_string()>
                    <h5>{c.name.clone()}</h5>
                    <ul>
                        {c.added_records.into_iter().map(|r| view! {
                            <li data-record=r.kind.id() data-record-id=r.id.to_string()>
                                <span class="record-kind">{r.kind.label()} ": "</span>
                                {r.text}
                            </li>
                        }).collect_view()}
                        {c.filled.into_iter().map(|f| view! {
                            <li data-record="field">
                                <span class="record-kind">{f.field.label()} ": "</span>
                                {f.theirs}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            }).collect_view()}
        </div>
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

/// Lets a file dropped anywhere on the page start an import (and stops the
/// browser from navigating away to show the file).
pub fn listen_for_dropped_files(store: Store, stage: RwSignal<ImportStage>) {
    let navigate = leptos_router::hooks::use_navigate();
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            leptos::task::spawn_local(async move {
                let read = crate::ui::routes::split_call!(
                    crate::ui::routes::actions::import_dropped_file(store, stage, file)
                );
                if read.is_err() {
                    store.piece_missing("read the dropped file");
                }
            });
            navigate("/settings#import", Default::default());
        }
    });
}
