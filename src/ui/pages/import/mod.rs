//! The import flow's stages and its start: a picked or dropped file is read, a list goes to the mapping step, a Continuum file straight to the preview.

mod mapping;
mod preview;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::Portfolio;
use crate::present::import::{decode_mapping, mapping_key};
use crate::storage::import::{read_table, suggest_mapping, Table, Target};
use crate::storage::{import_json, preview, ImportError, ImportPreview, MergeChoices};
use crate::ui::files::read_file;
use crate::ui::locked::{LockedFile, PassphrasePrompt};
use crate::ui::store::{use_store, Store};

use mapping::MappingStep;
use preview::{ImportPreviewView, People};

/// A client or contact list being mapped: what each column becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingStage {
    pub file: String,
    /// The file as read, to read another sheet of it.
    pub bytes: Arc<[u8]>,
    pub table: Arc<Table>,
    /// The suggested (or remembered) target of each column.
    pub columns: Vec<Target>,
    /// The product recognised from the header row ("HubSpot companies").
    pub recognised: Option<String>,
    /// The file can go ahead as is (a name column, no column claimed twice).
    pub confident: bool,
    /// The columns come from a mapping confirmed earlier for this header row.
    pub remembered: bool,
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
    Mapping(MappingStage),
    /// A passphrase-locked file waiting for its passphrase.
    Locked(LockedFile),
    Ready {
        file: String,
        /// A client list can only add and update (no replace).
        csv: bool,
        note: Option<String>,
        incoming: Portfolio,
        preview: ImportPreview,
        people: Option<People>,
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
                people,
                ..
            } => ImportStage::Ready {
                file: file.clone(),
                csv: *csv,
                note: note.clone(),
                incoming: Portfolio::default(),
                preview: preview.clone(),
                people: people.clone(),
            },
            other => other.clone(),
        }
    }

    pub(crate) fn failed(file: &str, e: &ImportError) -> ImportStage {
        ImportStage::Failed {
            file: file.to_string(),
            message: e.to_string(),
            problems: e.problems().iter().map(ToString::to_string).collect(),
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
            Ok(bytes) => prepare(store, name, bytes),
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

fn prepare(store: Store, file: String, bytes: Vec<u8>) -> ImportStage {
    if let Some(locked) = LockedFile::recognise(file.clone(), &bytes) {
        return ImportStage::Locked(locked);
    }
    if looks_like_csv(&file, &bytes) {
        return read_list(store, file, bytes.into(), None);
    }
    let current = store.portfolio();
    match import_json(&bytes) {
        Ok(imported) => {
            let note = imported.was_migrated().then(|| {
                format!(
                    "This file was written by an earlier version (format {}); it was upgraded on the way in.",
                    imported.from_version
                )
            });
            let preview = preview(&current, &imported.portfolio);
            ImportStage::Ready {
                file,
                csv: false,
                note,
                incoming: imported.portfolio,
                preview,
                people: None,
            }
        }
        Err(e) => ImportStage::failed(&file, &e),
    }
}

/// Reads a list (one sheet of it) into the mapping step, with the mapping
/// remembered for its header row when there is one.
pub(crate) fn read_list(
    store: Store,
    file: String,
    bytes: Arc<[u8]>,
    sheet: Option<&str>,
) -> ImportStage {
    let table = match read_table(&bytes, &file, sheet) {
        Ok(t) => t,
        Err(e) => return ImportStage::failed(&file, &e),
    };
    let suggested = suggest_mapping(&table);
    let remembered = store
        .local_store()
        .and_then(|s| s.get(&mapping_key(&table)))
        .and_then(|text| decode_mapping(&text, table.headers.len()));
    let (columns, confident, remembered) = match remembered {
        Some(cols) => {
            let m = crate::storage::import::Mapping::new(cols, None);
            (m.columns, m.confident, true)
        }
        None => (suggested.columns, suggested.confident, false),
    };
    ImportStage::Mapping(MappingStage {
        file,
        bytes,
        table: Arc::new(table),
        columns,
        recognised: suggested.source,
        confident,
        remembered,
    })
}

#[component]
pub fn ImportSection() -> impl IntoView {
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
                ImportStage::Mapping(m) => view! { <MappingStep m stage/> }.into_any(),
                // The unlocked export goes on to the usual preview; the
                // passphrase stays inside the prompt.
                ImportStage::Locked(file) => view! {
                    <PassphrasePrompt
                        file
                        on_unlock=Callback::new(move |(name, plain): (String, Vec<u8>)| {
                            stage.set(prepare(store, name, plain));
                        })
                        on_cancel=Callback::new(move |()| stage.set(ImportStage::Idle))
                    />
                }
                .into_any(),
                ImportStage::Ready { file, csv, note, preview, people, .. } => view! {
                    <ImportPreviewView file csv note preview people choices stage/>
                }
                .into_any(),
            }}
        </section>
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
