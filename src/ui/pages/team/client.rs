//! One team client, read-only: its record, verdict and reasons as the file
//! shows them. There is nothing to edit here: it is a colleague's record.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::super::set_title;
use super::{team_memo, use_team};
use crate::domain::team::TeamClient;
use crate::domain::Id;
use crate::present::format::money;
use crate::ui::store::use_store;

#[component]
pub fn TeamClientPage() -> impl IntoView {
    let store = use_store();
    let session = use_team();
    session.restore(store);
    let summary = team_memo(session, store.today);
    let params = use_params_map();
    move || {
        let id = Id::new(params.with(|p| p.get("id")).unwrap_or_default());
        let found = summary.with(|t| t.client(&id).cloned());
        match found {
            Some(client) => {
                let file = session
                    .members
                    .with(|ms| ms.get(client.shown_from).map(|m| m.file.clone()))
                    .unwrap_or_default();
                view! { <ReadOnlyClient client file/> }.into_any()
            }
            // Remembered files are still being read after a reload.
            None if session.progress.get().is_some() => {
                view! { <p role="status">"Reading the team files…"</p> }.into_any()
            }
            None => {
                set_title("Team client not found");
                view! {
                    <h1>"Client not found"</h1>
                    <p>"No opened team file holds this client. " <a href="/team">"Back to the team board"</a></p>
                }
                .into_any()
            }
        }
    }
}

/// A list, or "None." when it has no items.
fn list(items: impl IntoView + 'static, empty: bool) -> AnyView {
    if empty {
        view! { <p class="empty">"None."</p> }.into_any()
    } else {
        view! { <ul>{items}</ul> }.into_any()
    }
}

#[component]
fn ReadOnlyClient(client: TeamClient, file: String) -> impl IntoView {
    let c = client.client().clone();
    let verdict = client.view.verdict;
    set_title(&format!("{} (team, read-only)", c.profile.name));
    let p = &c.profile;
    let fact = |label: &'static str, value: String| {
        (!value.trim().is_empty()).then(|| view! { <dt>{label}</dt><dd>{value}</dd> })
    };
    let facts = view! {
        <dl class="team-facts">
            {fact("Annual revenue", p.annual_revenue.map(money).unwrap_or_default())}
            {fact("Contract end", p.contract_end.map(|d| d.to_string()).unwrap_or_default())}
            {fact("Relationship since", p.relationship_start.map(|d| d.to_string()).unwrap_or_default())}
            {fact("Owner in the file", p.owner.clone())}
            {fact("Tags", p.tags.join(", "))}
            {fact("Notes", p.notes.clone())}
            {fact("Last check-up", c.current_assessment().map(|a| a.date.to_string()).unwrap_or_default())}
        </dl>
    };
    let reasons = verdict
        .reasons
        .iter()
        .map(|r| {
            let note = (!r.note.is_empty())
                .then(|| view! { <span class="reason-note">{r.note.clone()}</span> });
            view! {
                <li data-reason=r.question.as_str() data-category=r.points_to.id()>
                    <span class="reason-question">{r.question.question().text}</span>
                    " "
                    <strong class="reason-answer">{r.answer.label()}</strong>
                    {note}
                </li>
            }
        })
        .collect_view();
    let overridden = verdict.r#override.clone().map(|o| {
        view! {
            <p class="verdict-computed" data-computed=verdict.computed.id()>
                "Computed from the answers: " <strong>{verdict.computed.name()}</strong>
                ". Placed otherwise because: " {o.reason}
            </p>
        }
    });
    let people = c
        .stakeholders
        .iter()
        .map(|s| view! { <li>{s.name.clone()} " · " {s.role.name()} " · " {s.stance.name()}</li> })
        .collect_view();
    let issues = c
        .issues
        .iter()
        .filter(|i| i.is_open())
        .map(|i| view! { <li>{i.title.clone()} " (opened " {i.opened_on.to_string()} ")"</li> })
        .collect_view();
    let no_warnings = client.view.warnings.is_empty();
    let warnings = client
        .view
        .warnings
        .iter()
        .map(|w| view! { <li>{w.sign.label()}</li> })
        .collect_view();
    view! {
        <div class="team-client">
            <p class="back-to-board"><a href="/team">"← Back to the team board"</a></p>
            <h1>{c.profile.name.clone()}</h1>
            <p class="read-only-note">
                "Read-only, from " <strong>{file}</strong>
                ". Owners: " {client.owners.join(", ")}
                ". When several files hold this client, the record with the most recent check-up is shown."
            </p>
            <div class="verdict-now" data-verdict=verdict.category.id() data-category=verdict.category.id()>
                <span class="verdict-label">"Verdict"</span>
                <strong class="verdict-name">{verdict.category.name()}</strong>
            </div>
            {overridden}
            {verdict.incomplete.then(|| view! { <p class="incomplete">"Incomplete: open questions could still make it worse."</p> })}
            <h2>"Why"</h2>
            {if verdict.reasons.is_empty() {
                view! { <p class="empty">"No answer points to a worse category."</p> }.into_any()
            } else {
                view! { <ol class="reasons">{reasons}</ol> }.into_any()
            }}
            <h2>"Record"</h2>
            {facts}
            <h2>"Warning signs"</h2>
            {list(warnings, no_warnings)}
            <h2>"People"</h2>
            {list(people, c.stakeholders.is_empty())}
            <h2>"Open issues"</h2>
            {list(issues, !c.issues.iter().any(|i| i.is_open()))}
        </div>
    }
}
