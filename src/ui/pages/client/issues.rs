//! Issues (open with their age, resolved) and touchpoints with a quick add.

use leptos::prelude::*;

use super::common::{parse_date, Choice, Ctx, DraftField};
use crate::domain::{Id, Issue, IssueStatus, Severity};
use crate::ui::store::new_id;
use edit::EditInPlace;
use touchpoints::Touchpoints;

mod edit;
mod touchpoints;

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
                        key=|i| (i.id.0.clone(), i.resolved_on, i.notes.clone())
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
                                    {(!i.notes.is_empty()).then(|| view! { <p class="issue-notes">{i.notes.clone()}</p> })}
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
