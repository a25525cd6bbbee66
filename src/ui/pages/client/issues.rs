//! Issues (open with their age, resolved) and touchpoints with a quick add.

use leptos::prelude::*;

use super::common::{parse_date, uid, Choice, Ctx, DraftField};
use crate::domain::{Channel, Id, Issue, IssueStatus, Severity, Touchpoint, TouchpointKind};
use crate::ui::store::new_id;

const CHANNELS: [(Channel, &str, &str); 6] = [
    (Channel::Meeting, "meeting", "Meeting"),
    (Channel::Call, "call", "Call"),
    (Channel::Review, "review", "Review"),
    (Channel::Lunch, "lunch", "Lunch"),
    (Channel::Email, "email", "Email"),
    (Channel::Other, "other", "Other"),
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
            v.sort_by_key(|i| i.opened_on);
            v
        })
    });
    let resolved = Memo::new(move |_| {
        ctx.client.with(|c| {
            let mut v: Vec<Issue> = c.issues.iter().filter(|i| !i.is_open()).cloned().collect();
            v.sort_by_key(|i| std::cmp::Reverse(i.resolved_on));
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
                        key=|i| (i.id.0.clone(), i.status, i.title.clone())
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
                                    {(!i.notes.is_empty()).then(|| view! { <p>{i.notes.clone()}</p> })}
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
    let severity = RwSignal::new("minor".to_string());
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
            severity: if severity.get_untracked() == "serious" {
                Severity::Serious
            } else {
                Severity::Minor
            },
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
                        options=vec![("minor", "Minor"), ("serious", "Serious")]
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
    let channel = RwSignal::new("meeting".to_string());
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
            v.sort_by_key(|(t, _)| std::cmp::Reverse(t.date));
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
                        key=|(t, names)| (t.id.0.clone(), names.clone())
                        children=move |(t, names)| {
                            let id = t.id.clone();
                            let kind = match t.kind {
                                TouchpointKind::Business => "business",
                                TouchpointKind::Personal => "personal",
                            };
                            let who = if names.is_empty() { String::new() } else { format!(" with {}", names.join(", ")) };
                            view! {
                                <li class="touchpoint" data-touchpoint=t.id.0.clone()>
                                    <span class="touchpoint-date">{t.date.to_string()}</span>
                                    " "
                                    <span>{channel_name(t.channel)} " (" {kind} ")" {who}</span>
                                    {(!t.note.is_empty()).then(|| view! { <span class="touchpoint-note">" — " {t.note.clone()}</span> })}
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
