//! "What would move this client": beside the verdict, the fewest answers
//! that would have to change to reach each safer category (computed in
//! `domain::path`), each with its evidence and one click to plan it.

use leptos::prelude::*;

use crate::domain::path::{paths, Path, Step};
use crate::domain::Evidence;
use crate::ui::pages::client::common::{uid, Ctx};
use crate::ui::store::new_id;

#[component]
pub(super) fn PathPanel(ctx: Ctx) -> impl IntoView {
    let found = Memo::new(move |_| ctx.client.with(|c| paths(c, ctx.today())));
    let heading = uid("path");
    view! {
        <Show when=move || found.with(|p| !p.is_empty())>
            <section class="path-panel" aria-labelledby=heading.clone() data-path-panel="true">
                <h3 id=heading.clone()>"What would move this client up"</h3>
                <p class="hint">"The fewest answers that would have to change, for each safer category."</p>
                {move || found.get().into_iter().enumerate().map(|(i, p)| view! { <PathBlock ctx=ctx path=p first=i == 0/> }).collect_view()}
            </section>
        </Show>
    }
}

#[component]
fn PathBlock(ctx: Ctx, path: Path, first: bool) -> impl IntoView {
    let target = path.target;
    let count = path.steps.len();
    let noun = if count == 1 { "change" } else { "changes" };
    let title = format!("To reach \u{201c}{}\u{201d}: {count} {noun}", target.name());
    view! {
        <details class="path" data-path-target=target.id() open=first || count <= 3>
            <summary>{title}</summary>
            <ol class="path-steps">
                {path.steps.into_iter().map(|s| view! { <StepRow ctx=ctx step=s target=target/> }).collect_view()}
            </ol>
        </details>
    }
}

#[component]
fn StepRow(ctx: Ctx, step: Step, target: crate::domain::Category) -> impl IntoView {
    let key = step.proposal_key();
    let planned = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.actions
                .iter()
                .any(|a| a.proposal.as_deref() == Some(key.as_str()))
        })
    });
    let goal = step.goal();
    let now = match step.from {
        Some(a) => format!("Today: {}", a.label()),
        None => "Today: not answered".to_string(),
    };
    let evidence: Vec<String> = step.evidence.iter().map(Evidence::describe).collect();
    let note = step.note.clone();
    let label = goal.clone();
    let question = step.question.as_str();
    let add = move |_| {
        let today = ctx.today();
        let owner = ctx.client.with_untracked(|c| c.profile.owner.clone());
        let owner = if owner.is_empty() {
            ctx.store.owner.get_untracked()
        } else {
            owner
        };
        let action = step.to_action(target, new_id("x"), today, &owner);
        ctx.edit(|c| {
            if !c.actions.iter().any(|a| a.proposal == action.proposal) {
                c.actions.push(action);
            }
        });
    };
    view! {
        <li class="path-step" data-step=question>
            <span class="path-goal">{goal}</span>
            <span class="path-now">{now}</span>
            {(!note.trim().is_empty()).then(|| view! { <span class="path-note">"Note: " {note.clone()}</span> })}
            {(!evidence.is_empty()).then(|| view! { <span class="path-evidence">"Evidence: " {evidence.join("; ")}</span> })}
            <Show
                when=move || !planned.get()
                fallback=|| view! { <span class="path-planned">"In the plan"</span> }
            >
                <button type="button" class="button small" on:click=add.clone()>
                    "Add to plan" <span class="visually-hidden">": " {label.clone()}</span>
                </button>
            </Show>
        </li>
    }
}
