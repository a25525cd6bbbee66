//! Issues (open with their age, resolved) and touchpoints with a quick add.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::common::{parse_date, uid, Choice, Ctx, DraftField};
use crate::domain::{Channel, Id, Issue, IssueStatus, Severity, Touchpoint, TouchpointKind};
use crate::ui::store::new_id;

const CHANNELS: [(Channel, &str, &str); 6] = [
    (Channel::Meeting, Channel::Meeting.id(), "Meeting"),
    (Channel::Call, Channel::Call.id(), "Call"),
    (Channel::Review, Channel::Review.id(), "Review"),
    (Channel::Lunch, Channel::Lunch.id(), "Lunch"),
    (Channel::Email, Channel::Email.id(), "Email"),
    (Channel::Other, Channel::Other.id(), "Other"),
];

fn channel_name(c: Channel) -> &'static str {
    CHANNELS
        .iter()
        .find(|(x, _, _)| *x == c)
        .map_or("Other", |(_, _, n)| n)
}

fn status_name(s: IssueStatus) -> &'static str {
    match s {
        IssueStatus::Open => "Open",
        IssueStatus::InProgress => "In progress",
        IssueStatus::Resolved => "Resolved",
    }
}

#[component]
pub fn IssuesTab(ctx: Ctx) -> impl IntoView {
    view! {
        <div class="issues-tab">
            <IssueList ctx=ctx/>
            <Touchpoints ctx=ctx/>
        </div>
    }
}

#[component]
fn IssueList(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let open = Memo::new(move |_| {
        ctx.client.with(|c| {
            let mut v: Vec<Issue> = c.issues.iter().filter(|i| i.is_open()).cloned().collect();
            crate::domain::sorting::sort_by_key(&mut v, |i| i.opened_on);
            v
        })
    });
    let resolved = Memo::new(move |_| {
        ctx.client.with(|c| {
            let mut v: Vec<Issue> = c.issues.iter().filter(|i| !i.is_open()).cloned().collect();
            crate::domain::sorting::sort_by_key(&mut v, |i| std::cmp::Reverse(i.resolved_on));
            v
        })
    });
    let set_status = move |id: Id, status: IssueStatus| {
        ctx.edit(|c| {
            if let Some(i) = c.issues.iter_mut().find(|i| i.id == id) {
                i.status = status;
                i.resolved_on = (status == IssueStatus::Resolved).then_some(today);
            }
        });
    };
    let delete = move |id: Id| ctx.edit(|c| c.issues.retain(|i| i.id != id));
    // The issue whose text is being edited.
    let editing = RwSignal::new(None::<Id>);
    let save_text = move |id: Id, texts: Vec<String>| -> Result<(), String> {
        let title = texts
            .first()
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        if title.is_empty() {
            return Err("Say what the problem is: the issue needs a title.".to_string());
        }
        let notes = texts.get(1).cloned().unwrap_or_default();
        ctx.edit(|c| {
            if let Some(i) = c.issues.iter_mut().find(|i| i.id == id) {
                i.title = title;
                i.notes = notes;
            }
        });
        Ok(())
    };
    view! {
        <section class="issues" aria-labelledby="issues-heading">
            <h2 id="issues-heading">"Issues and complaints"</h2>
            <AddIssue ctx=ctx/>
            <h3>"Open (" {move || open.with(Vec::len)} ")"</h3>
            <Show
                when=move || open.with(|v| !v.is_empty())
                fallback=|| view! { <p class="empty">"No open issue. If nothing was recorded for a long time, ask: silence is not satisfaction."</p> }
            >
                <ul class="cards">
                    <For
                        each=move || open.get()
                        key=|i| (i.id.0.clone(), i.status, i.title.clone(), i.notes.clone())
                        children=move |i| {
                            let age = today.days_since(i.opened_on).max(0);
                            let (id1, id2, id3) = (i.id.clone(), i.id.clone(), i.id.clone());
                            let in_progress = i.status == IssueStatus::InProgress;
                            view! {
                                <li class="card issue" data-issue=i.id.0.clone() class:serious={i.severity == Severity::Serious} class:old={age > 30}>
                                    <div class="issue-head">
                                        <strong>{i.title.clone()}</strong>
                                        <span class="tag">{if i.severity == Severity::Serious { "Serious" } else { "Minor" }}</span>
                                        <span class="tag">{status_name(i.status)}</span>
                                    </div>
                                    <p class="issue-age">
                                        "Open " <strong data-age=age>{age} {if age == 1 { " day" } else { " days" }}</strong>
                                        " (since " {i.opened_on.to_string()} ")"
                                        {(!i.owner.is_empty()).then(|| format!(", owner {}", i.owner))}
                                    </p>
                                    {(!i.notes.is_empty()).then(|| view! { <p class="issue-notes">{i.notes.clone()}</p> })}
                                    <EditInPlace
                                        editing=editing
                                        id=i.id.clone()
                                        button="Edit"
                                        what=i.title.clone()
                                        name=format!("Edit the issue {}", i.title)
                                        fields=vec![("Issue", i.title.clone(), false), ("Details", i.notes.clone(), true)]
                                        save=Callback::new(move |(id, t)| save_text(id, t))
                                    />
                                    <div class="card-actions">
                                        <button type="button" class="button small primary" on:click=move |_| set_status(id1.clone(), IssueStatus::Resolved)>
                                            "Resolve" <span class="visually-hidden">" " {i.title.clone()}</span>
                                        </button>
                                        {(!in_progress).then(|| view! {
                                            <button type="button" class="button small" on:click=move |_| set_status(id2.clone(), IssueStatus::InProgress)>
                                                "Mark in progress"
                                            </button>
                                        })}
                                        <button type="button" class="button small quiet" on:click=move |_| delete(id3.clone())>
                                            "Delete" <span class="visually-hidden">" " {i.title.clone()}</span>
                                        </button>
                                    </div>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <Show when=move || resolved.with(|v| !v.is_empty())>
                <h3>"Resolved (" {move || resolved.with(Vec::len)} ")"</h3>
                <ul class="cards resolved">
                    <For
                        each=move || resolved.get()
                        key=|i| (i.id.0.clone(), i.resolved_on)
                        children=move |i| {
                            let took = i.resolved_on.map(|d| d.days_since(i.opened_on).max(0));
                            let id = i.id.clone();
                            view! {
                                <li class="card issue resolved" data-issue=i.id.0.clone()>
                                    <strong>{i.title.clone()}</strong>
                                    <p>
                                        "Opened " {i.opened_on.to_string()}
                                        {i.resolved_on.map(|d| format!(", resolved {d}"))}
                                        {took.map(|t| format!(" ({t} days)"))}
                                    </p>
                                    <button type="button" class="button small" on:click=move |_| set_status(id.clone(), IssueStatus::Open)>
                                        "Reopen" <span class="visually-hidden">" " {i.title.clone()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn AddIssue(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let title = RwSignal::new(String::new());
    let severity = RwSignal::new(Severity::Minor.id().to_string());
    let opened = RwSignal::new(today.to_string());
    let owner = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let title_err = RwSignal::new(None::<String>);
    let date_err = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        title_err.set(t.is_empty().then(|| "Say what the problem is.".to_string()));
        let d = parse_date(&opened.get_untracked()).and_then(|d| {
            if d > today {
                Err("An issue cannot be opened in the future.".to_string())
            } else {
                Ok(d)
            }
        });
        date_err.set(d.clone().err());
        let Ok(d) = d else { return };
        if t.is_empty() {
            return;
        }
        let issue = Issue {
            id: new_id("i"),
            title: t,
            opened_on: d,
            severity: Severity::from_id(&severity.get_untracked()).unwrap_or(Severity::Minor),
            status: IssueStatus::Open,
            owner: owner.get_untracked().trim().to_string(),
            resolved_on: None,
            notes: notes.get_untracked(),
        };
        ctx.edit(|c| c.issues.push(issue));
        title.set(String::new());
        notes.set(String::new());
        opened.set(today.to_string());
    };
    view! {
        <details class="add-form">
            <summary class="button">"Add an issue"</summary>
            <form class="card" on:submit=submit novalidate>
                <div class="form-grid">
                    <DraftField label="Issue" value=title error=title_err required=true/>
                    <Choice
                        label="Severity"
                        options=vec![(Severity::Minor.id(), "Minor"), (Severity::Serious.id(), "Serious")]
                        value=severity
                        on_pick=Callback::new(move |v| severity.set(v))
                    />
                    <DraftField label="Opened on" hint="YYYY-MM-DD" inputmode="numeric" value=opened error=date_err/>
                    <DraftField label="Owner of the fix" hint="Who in our company." value=owner/>
                    <DraftField label="Details" value=notes multiline=true/>
                </div>
                <button type="submit" class="button primary">"Add issue"</button>
            </form>
        </details>
    }
}

#[component]
fn Touchpoints(ctx: Ctx) -> impl IntoView {
    let today = ctx.today();
    let date = RwSignal::new(today.to_string());
    let channel = RwSignal::new(Channel::Meeting.id().to_string());
    let kind = RwSignal::new(TouchpointKind::Business);
    let with = RwSignal::new(Vec::<String>::new());
    let note = RwSignal::new(String::new());
    let date_err = RwSignal::new(None::<String>);
    let people = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.stakeholders
                .iter()
                .map(|s| (s.id.0.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let list = Memo::new(move |_| {
        ctx.client.with(|c| {
            let mut v: Vec<(Touchpoint, Vec<String>)> = c
                .touchpoints
                .iter()
                .map(|t| {
                    let names = t
                        .with
                        .iter()
                        .filter_map(|id| c.stakeholders.iter().find(|s| &s.id == id))
                        .map(|s| s.name.clone())
                        .collect();
                    (t.clone(), names)
                })
                .collect();
            crate::domain::sorting::sort_by_key(&mut v, |(t, _)| std::cmp::Reverse(t.date));
            v
        })
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let d = parse_date(&date.get_untracked());
        date_err.set(d.clone().err());
        let Ok(d) = d else { return };
        let ch = CHANNELS
            .iter()
            .find(|(_, id, _)| *id == channel.get_untracked())
            .map_or(Channel::Other, |(c, _, _)| *c);
        let t = Touchpoint {
            id: new_id("t"),
            date: d,
            channel: ch,
            kind: kind.get_untracked(),
            with: with.get_untracked().into_iter().map(Id::new).collect(),
            note: note.get_untracked().trim().to_string(),
        };
        ctx.edit(|c| c.touchpoints.push(t));
        note.set(String::new());
        with.set(Vec::new());
        date.set(today.to_string());
    };
    let delete = move |id: Id| ctx.edit(|c| c.touchpoints.retain(|t| t.id != id));
    // The contact whose note is being edited.
    let editing = RwSignal::new(None::<Id>);
    let save_note = move |id: Id, texts: Vec<String>| -> Result<(), String> {
        let note = texts
            .first()
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        ctx.edit(|c| {
            if let Some(t) = c.touchpoints.iter_mut().find(|t| t.id == id) {
                t.note = note;
            }
        });
        Ok(())
    };
    let kind_name = uid("kind");
    view! {
        <section class="touchpoints" aria-labelledby="touchpoints-heading">
            <h2 id="touchpoints-heading">"Contacts"</h2>
            <form class="card quick-add" on:submit=submit novalidate aria-label="Record a contact">
                <div class="form-grid">
                    <DraftField label="Date" hint="YYYY-MM-DD" inputmode="numeric" value=date error=date_err/>
                    <Choice
                        label="Channel"
                        options=CHANNELS.iter().map(|(_, id, n)| (*id, *n)).collect()
                        value=channel
                        on_pick=Callback::new(move |v| channel.set(v))
                    />
                    <fieldset class="field inline-choices">
                        <legend>"Kind"</legend>
                        {[(TouchpointKind::Business, "Business"), (TouchpointKind::Personal, "Personal")]
                            .into_iter()
                            .map(|(k, label)| {
                                let kind_name = kind_name.clone();
                                view! {
                                    <label>
                                        <input
                                            type="radio"
                                            name=kind_name
                                            prop:checked=move || kind.get() == k
                                            on:change=move |_| kind.set(k)
                                        />
                                        {label}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <fieldset class="field inline-choices with-whom">
                        <legend>"With whom"</legend>
                        <Show
                            when=move || people.with(|p| !p.is_empty())
                            fallback=|| view! { <p class="field-hint">"Add people on the People tab to record who you met."</p> }
                        >
                            <For
                                each=move || people.get()
                                key=|p| p.clone()
                                children=move |(pid, pname)| {
                                    let (a, b) = (pid.clone(), pid.clone());
                                    view! {
                                        <label>
                                            <input
                                                type="checkbox"
                                                prop:checked=move || with.with(|w| w.contains(&a))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    let id = b.clone();
                                                    with.update(|w| {
                                                        w.retain(|x| x != &id);
                                                        if on {
                                                            w.push(id);
                                                        }
                                                    });
                                                }
                                            />
                                            {pname}
                                        </label>
                                    }
                                }
                            />
                        </Show>
                    </fieldset>
                    <DraftField label="Note" value=note multiline=true/>
                </div>
                <button type="submit" class="button primary">"Record contact"</button>
            </form>
            <Show
                when=move || list.with(|v| !v.is_empty())
                fallback=|| view! { <p class="empty">"No contact recorded yet."</p> }
            >
                <ul class="touchpoint-list">
                    <For
                        each=move || list.get()
                        key=|(t, names)| (t.id.0.clone(), names.clone(), t.note.clone())
                        children=move |(t, names)| {
                            let id = t.id.clone();
                            let kind = t.kind.id();
                            let who = if names.is_empty() { String::new() } else { format!(" with {}", names.join(", ")) };
                            view! {
                                <li class="touchpoint" data-touchpoint=t.id.0.clone()>
                                    <span class="touchpoint-date">{t.date.to_string()}</span>
                                    " "
                                    <span>{channel_name(t.channel)} " (" {kind} ")" {who}</span>
                                    {(!t.note.is_empty()).then(|| view! { <span class="touchpoint-note">" — " {t.note.clone()}</span> })}
                                    <EditInPlace
                                        editing=editing
                                        id=t.id.clone()
                                        button="Edit note"
                                        what=format!("of the contact of {}", t.date)
                                        name=format!("Edit the note of the contact of {}", t.date)
                                        fields=vec![("Note", t.note.clone(), true)]
                                        save=Callback::new(move |(id, x)| save_note(id, x))
                                        quiet=true
                                    />
                                    <button type="button" class="button small quiet" on:click=move |_| delete(id.clone())>
                                        "Delete" <span class="visually-hidden">" contact of " {t.date.to_string()}</span>
                                    </button>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </section>
    }
}

/// One text to edit in place: label, text now, and whether it is multi-line.
type EditText = (&'static str, String, bool);

/// Saves the edited texts of a record; a message when they cannot be kept.
type SaveTexts = Callback<(Id, Vec<String>), Result<(), String>>;

/// An "Edit" button that turns into a form editing existing text in place:
/// labelled fields, Save and Cancel. The first field takes the focus and
/// Escape cancels; when `save` refuses, its message shows and the form
/// stays open. `editing` holds the one record being edited in the list.
#[component]
fn EditInPlace(
    editing: RwSignal<Option<Id>>,
    id: Id,
    /// The button's words, and what it edits (for screen readers).
    button: &'static str,
    what: String,
    /// The form's accessible name.
    name: String,
    fields: Vec<EditText>,
    save: SaveTexts,
    #[prop(optional)] quiet: bool,
) -> impl IntoView {
    let id = StoredValue::new(id);
    let open = move || editing.with(|e| id.with_value(|id| e.as_ref() == Some(id)));
    let fields = StoredValue::new(fields);
    let name = StoredValue::new(name);
    let button_view = move || {
        view! {
            <button
                type="button"
                class="button small edit-text"
                class:quiet=quiet
                data-edit-for=id.get_value().0
                on:click=move |_| editing.set(Some(id.get_value()))
            >
                {button} <span class="visually-hidden">" " {what.clone()}</span>
            </button>
        }
    };
    view! {
        <Show when=open fallback=button_view>
            <EditForm
                name=name.get_value()
                fields=fields.get_value()
                save=Callback::new(move |texts| save.run((id.get_value(), texts)))
                done=Callback::new(move |_| {
                    editing.set(None);
                    focus_edit_button(id.get_value());
                })
            />
        </Show>
    }
}

/// Gives the focus back to a record's Edit button once the form is gone
/// (after the list has re-rendered), so the keyboard user keeps their place.
fn focus_edit_button(id: Id) {
    request_animation_frame(move || {
        let found = document()
            .query_selector_all("[data-edit-for]")
            .ok()
            .and_then(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
                    .find(|el| el.get_attribute("data-edit-for").as_deref() == Some(id.as_str()))
            });
        if let Some(el) = found {
            let _ = el.focus();
        }
    });
}

#[component]
fn EditForm(
    name: String,
    fields: Vec<EditText>,
    save: Callback<Vec<String>, Result<(), String>>,
    done: Callback<()>,
) -> impl IntoView {
    let values: Vec<RwSignal<String>> = fields
        .iter()
        .map(|(_, v, _)| RwSignal::new(v.clone()))
        .collect();
    let error = RwSignal::new(None::<String>);
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        let first = form
            .get()
            .and_then(|f| f.query_selector("input, textarea").ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = first {
            let _ = el.focus();
        }
    });
    let submit = {
        let values = values.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let texts = values.iter().map(|v| v.get_untracked()).collect();
            match save.run(texts) {
                Ok(()) => done.run(()),
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            done.run(());
        }
    };
    // The message belongs to the first field (the one that can be refused).
    let controls = fields
        .into_iter()
        .zip(values)
        .enumerate()
        .map(|(i, ((label, _, multiline), value))| {
            let error = (i == 0).then_some(error);
            view! { <DraftField label=label value=value error=error.unwrap_or_else(|| RwSignal::new(None)) multiline=multiline/> }
        })
        .collect_view();
    view! {
        <form class="edit-form" node_ref=form on:submit=submit on:keydown=keydown novalidate aria-label=name>
            {controls}
            <div class="form-actions">
                <button type="submit" class="button small primary">"Save"</button>
                <button type="button" class="button small" on:click=move |_| done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
