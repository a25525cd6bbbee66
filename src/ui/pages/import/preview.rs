//! The import preview: what the file would add, update and leave alone
//! (clients, their records and people), the merge choices, and applying it.

use leptos::prelude::*;

use super::ImportStage;
use crate::domain::changes::stamp_updates;
use crate::present::format::plural;
use crate::storage::merge::{AddedRecord, ClientPreview, ProfileField, Replaced, Scope};
use crate::storage::{merge, replace, ImportPreview, MergeChoices, Side};
use crate::ui::store::{now_iso, now_stamp, use_store, Store};

/// The people of a contact list, for the preview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct People {
    /// "Maria Lopez (row 2)": joining their client's stakeholder map.
    pub added: Vec<String>,
    /// Already in their client's map: left alone.
    pub known: usize,
    /// "Ann Other (Nobody Inc., row 7)": their company is none of the clients.
    pub unmatched: Vec<String>,
}

/// Applies the stage's incoming portfolio: merged, or replacing everything.
fn apply(
    store: Store,
    stage: RwSignal<ImportStage>,
    choices: RwSignal<MergeChoices>,
    replace_all: bool,
) {
    // Read in place: the incoming portfolio can be thousands of clients,
    // too big to copy just to read it.
    let current = store.portfolio();
    let Some((file, next, backup)) = stage.with_untracked(|s| match s {
        ImportStage::Ready {
            incoming,
            file,
            csv,
            ..
        } => Some(if replace_all {
            let Replaced { portfolio, backup } = replace(&current, incoming, &now_iso());
            (file.clone(), portfolio, Some(backup))
        } else {
            let mut merged = merge(&current, incoming, &choices.get_untracked());
            // A spreadsheet's changes are made now; a colleague's file keeps
            // the times its records carry.
            if *csv {
                stamp_updates(&current, &mut merged, now_stamp());
            }
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
}

#[component]
pub fn ImportPreviewView(
    file: String,
    csv: bool,
    note: Option<String>,
    preview: ImportPreview,
    people: Option<People>,
    choices: RwSignal<MergeChoices>,
    stage: RwSignal<ImportStage>,
) -> impl IntoView {
    let store = use_store();
    let new = preview.new_clients.len();
    let differ = preview.differing.len();
    let same = preview.identical.len();
    let only_here = preview.only_here;
    let additions = preview
        .differing
        .iter()
        .filter(|c| {
            !c.added_records.is_empty()
                || !c.updated_records.is_empty()
                || !c.kept_records.is_empty()
                || !c.filled.is_empty()
                || c.notes_combined.is_some()
        })
        .cloned()
        .collect::<Vec<_>>();
    let shared = differ + same;
    let conflicts = preview
        .differing
        .into_iter()
        .filter(|c| !c.conflicts.is_empty())
        .collect::<Vec<_>>();
    view! {
        <div class="import-preview" aria-live="polite">
            <h3>"What " {file} " holds"</h3>
            {note.map(|n| view! { <p class="import-note">{n}</p> })}
            <p class="preview-counts">
                <span data-preview="new">{new}</span> " new clients, "
                <span data-preview="differ">{differ}</span> " that exist here and differ, "
                <span data-preview="same">{same}</span> " identical."
            </p>
            {people.map(|p| view! { <PeopleView people=p/> })}
            {(new > 0 && shared > 0).then(|| view! { <ScopeChoice new shared choices/> })}
            {(!additions.is_empty()).then(|| view! { <AddedEvidence clients=additions/> })}
            {(!conflicts.is_empty()).then(|| view! { <Conflicts conflicts choices/> })}
            <div class="row">
                <button class="button primary" on:click=move |_| apply(store, stage, choices, false)>
                    {if csv { "Add and update these clients" } else { "Merge into my portfolio" }}
                </button>
                {(!csv).then(|| view! {
                    <button class="button" on:click=move |_| apply(store, stage, choices, true)>
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

#[component]
fn PeopleView(people: People) -> impl IntoView {
    let People {
        added,
        known,
        unmatched,
    } = people;
    view! {
        <div class="import-people">
            <p class="preview-people">
                <span data-preview="people-added">{added.len()}</span> " people added to their clients, "
                <span data-preview="people-known">{known}</span> " already known, "
                <span data-preview="people-unmatched">{unmatched.len()}</span> " whose company is none of your clients."
            </p>
            {(!added.is_empty()).then(|| view! {
                <h4>"People added"</h4>
                <ul class="people-added">{added.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
            {(!unmatched.is_empty()).then(|| view! {
                <h4>"People who match no client (not imported)"</h4>
                <ul class="people-unmatched">{unmatched.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })}
        </div>
    }
}

#[component]
fn Conflicts(conflicts: Vec<ClientPreview>, choices: RwSignal<MergeChoices>) -> impl IntoView {
    view! {
        <fieldset class="conflicts">
            <legend>"Profile details that differ: which to keep when merging?"</legend>
            <p class="hint">"Preselected: the side whose details were changed last."</p>
            {conflicts.into_iter().map(|c| {
                let id = c.id.clone();
                let newer = c.newer;
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
                                        <input type="radio" name=group.clone() checked=newer == Side::Mine
                                            on:change=move |_| choices.update(|ch| ch.set(&id, field, Side::Mine))/>
                                        " Mine: " {d.mine}
                                    </label>
                                    <label>
                                        <input type="radio" name=group checked=newer == Side::Theirs
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
    }
}

fn both(n: usize) -> String {
    if n == 1 {
        "the client we both have".to_string()
    } else {
        format!("the {n} clients we both have")
    }
}

/// "Also add their other clients" or "only the clients we both have".
#[component]
fn ScopeChoice(new: usize, shared: usize, choices: RwSignal<MergeChoices>) -> impl IntoView {
    let pick = move |scope| choices.update(|c| c.set_scope(scope));
    view! {
        <fieldset class="merge-scope">
            <legend>"Which clients to merge"</legend>
            <label>
                <input type="radio" name="merge-scope" checked=true
                    on:change=move |_| pick(Scope::AlsoTheirs)/>
                {format!(" Merge {} and add the file's {}", both(shared), plural(new as i64, "other client", "other clients"))}
            </label>
            <label>
                <input type="radio" name="merge-scope"
                    on:change=move |_| pick(Scope::OnlyShared)/>
                {format!(" Merge only {}", both(shared))}
            </label>
        </fieldset>
    }
}

/// Per shared client, what a merge would change, record by record: what the
/// file adds, the records where the file's version is newer (taken) and
/// where mine is (kept), so a colleague's updates can be checked before
/// they join the user's records.
#[component]
fn AddedEvidence(clients: Vec<ClientPreview>) -> impl IntoView {
    view! {
        <div class="added-evidence">
            <h4>"What a merge changes in clients you both have"</h4>
            <p class="hint">"Nothing of yours is removed. Records are matched by their id: where both versions differ, the one changed last is kept, and the notes of both are combined."</p>
            {clients.into_iter().map(|c| view! {
                <section class="added-client" data-client-id=c.id.to_string()>
                    <h5>{c.name.clone()}</h5>
                    <Records title="Added from the file" change="added" records=c.added_records/>
                    <Records title="Updated: the file's version is newer" change="updated" records=c.updated_records/>
                    <Records title="Kept: your version is as new or newer" change="kept" records=c.kept_records/>
                    {(!c.filled.is_empty() || c.notes_combined.is_some()).then(|| view! {
                        <h6>"Client details"</h6>
                        <ul>
                            {c.filled.into_iter().map(|f| view! {
                                <li data-record="field" data-change="added">
                                    <span class="record-kind">{f.field.label()} " (filled in): "</span>
                                    {f.theirs}
                                </li>
                            }).collect_view()}
                            {c.notes_combined.map(|n| view! {
                                <li data-record="field" data-change="combined">
                                    <span class="record-kind">"Notes (both combined): "</span>
                                    <span class="combined-notes">{n}</span>
                                </li>
                            })}
                        </ul>
                    })}
                </section>
            }).collect_view()}
        </div>
    }
}

#[component]
fn Records(title: &'static str, change: &'static str, records: Vec<AddedRecord>) -> impl IntoView {
    (!records.is_empty()).then(|| {
        view! {
            <h6>{title}</h6>
            <ul>
                {records.into_iter().map(|r| view! {
                    <li data-record=r.kind.id() data-record-id=r.id.to_string() data-change=change>
                        <span class="record-kind">{r.kind.label()} ": "</span>
                        {r.text}
                    </li>
                }).collect_view()}
            </ul>
        }
    })
}
