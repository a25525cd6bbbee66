//! The plan: proposals to adopt or dismiss, and the actions themselves.

use leptos::prelude::*;

use super::common::{date_text, parse_date_opt, uid, Ctx, Field};
use crate::domain::{headline, proposals, Action, Id, Proposal};
use crate::present::format::relative_days;
use crate::ui::store::new_id;

#[component]
pub fn PlanTab(ctx: Ctx) -> impl IntoView {
    let proposed = Memo::new(move |_| {
        ctx.client
            .with(|c| ctx.view.with(|v| proposals(c, &v.verdict, &v.warnings)))
    });
    let headline_text = Memo::new(move |_| ctx.view.with(|v| headline(v.verdict.worse())));
    let actions = Memo::new(move |_| {
        ctx.client
            .with(|c| c.actions.iter().map(|a| a.id.0.clone()).collect::<Vec<_>>())
    });
    let open_count = Memo::new(move |_| {
        ctx.client
            .with(|c| c.actions.iter().filter(|a| !a.done).count())
    });
    view! {
        <div class="plan-tab">
            <section class="plan-headline" aria-label="How to create value">
                <h2>{move || headline_text.get().0}</h2>
                <p>{move || headline_text.get().1}</p>
            </section>
            <section class="actions" aria-labelledby="actions-heading">
                <h2 id="actions-heading">"Actions (" {move || open_count.get()} " open)"</h2>
                <AddAction ctx=ctx/>
                <Show
                    when=move || actions.with(|a| !a.is_empty())
                    fallback=|| view! { <p class="empty">"No action yet. Adopt a proposal below or add your own."</p> }
                >
                    <ul class="action-list">
                        <For
                            each=move || actions.get()
                            key=|id| id.clone()
                            children=move |id| view! { <ActionRow ctx=ctx id=Id::new(id)/> }
                        />
                    </ul>
                </Show>
            </section>
            <section class="proposals" aria-labelledby="proposals-heading">
                <h2 id="proposals-heading">"Proposed"</h2>
                <Show
                    when=move || proposed.with(|p| !p.is_empty())
                    fallback=|| view! { <p class="empty">"Nothing more to propose: every proposal was adopted or dismissed."</p> }
                >
                    <ul class="cards">
                        <For
                            each=move || proposed.get()
                            key=|p| p.key.clone()
                            children=move |p| view! { <ProposalCard ctx=ctx proposal=p/> }
                        />
                    </ul>
                </Show>
            </section>
        </div>
    }
}

#[component]
fn ProposalCard(ctx: Ctx, proposal: Proposal) -> impl IntoView {
    let today = ctx.today();
    let key = proposal.key.clone();
    let key_attr = proposal.key.clone();
    let title = proposal.title.clone();
    let why = proposal.why.clone();
    let adopt = move |_| {
        let owner = ctx.client.with_untracked(|c| c.profile.owner.clone());
        let owner = if owner.is_empty() {
            ctx.store.owner.get_untracked()
        } else {
            owner
        };
        let action = proposal.to_action(new_id("x"), today, &owner);
        ctx.edit(|c| c.actions.push(action));
    };
    let dismiss = move |_| {
        let key = key.clone();
        ctx.edit(|c| {
            if !c.dismissed_proposals.contains(&key) {
                c.dismissed_proposals.push(key);
            }
        });
    };
    let label = title.clone();
    view! {
        <li class="card proposal" data-proposal=key_attr>
            <strong class="proposal-title">{title}</strong>
            <p class="proposal-why">{why}</p>
            <div class="card-actions">
                <button type="button" class="button small primary" on:click=adopt>
                    "Adopt" <span class="visually-hidden">": " {label.clone()}</span>
                </button>
                <button type="button" class="button small quiet" on:click=dismiss>
                    "Dismiss" <span class="visually-hidden">": " {label}</span>
                </button>
            </div>
        </li>
    }
}

#[component]
fn AddAction(ctx: Ctx) -> impl IntoView {
    let title = RwSignal::new(String::new());
    let input_id = uid("new-action");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = title.get_untracked().trim().to_string();
        if t.is_empty() {
            return;
        }
        let owner = ctx.client.with_untracked(|c| c.profile.owner.clone());
        let owner = if owner.is_empty() {
            ctx.store.owner.get_untracked()
        } else {
            owner
        };
        let action = Action {
            id: new_id("x"),
            title: t,
            due: None,
            owner,
            done: false,
            proposal: None,
            notes: String::new(),
        };
        ctx.edit(|c| c.actions.push(action));
        title.set(String::new());
    };
    view! {
        <form class="add-action" on:submit=submit>
            <label for=input_id.clone()>"New action"</label>
            <input
                id=input_id
                type="text"
                autocomplete="off"
                prop:value=move || title.get()
                on:input=move |ev| title.set(event_target_value(&ev))
            />
            <button type="submit" class="button">"Add action"</button>
        </form>
    }
}

#[component]
fn ActionRow(ctx: Ctx, id: Id) -> impl IntoView {
    let today = ctx.today();
    let key = id.clone();
    let action = Memo::new(move |_| {
        ctx.client
            .with(|c| c.actions.iter().find(|a| a.id == key).cloned())
    });
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut Action) + Send>| {
            let id = id.clone();
            ctx.edit(move |c| {
                if let Some(a) = c.actions.iter_mut().find(|a| a.id == id) {
                    f(a);
                }
            });
        }
    };
    let e1 = edit.clone();
    let title = Callback::new(move |t: String| {
        let t = t.trim().to_string();
        if t.is_empty() {
            return Err("An action needs a title.".to_string());
        }
        e1(Box::new(move |a| a.title = t));
        Ok(())
    });
    let e2 = edit.clone();
    let due = Callback::new(move |t: String| {
        let d = parse_date_opt(&t)?;
        e2(Box::new(move |a| a.due = d));
        Ok(())
    });
    let e3 = edit.clone();
    let owner = Callback::new(move |t: String| {
        let t = t.trim().to_string();
        e3(Box::new(move |a| a.owner = t));
        Ok(())
    });
    let e4 = edit.clone();
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        e4(Box::new(move |a| a.done = on));
    };
    let delete = move |_| {
        let target = id.clone();
        ctx.edit(|c| c.actions.retain(|a| a.id != target));
    };
    let done = Memo::new(move |_| action.with(|a| a.as_ref().is_some_and(|a| a.done)));
    let title_text = Memo::new(move |_| {
        action.with(|a| a.as_ref().map(|a| a.title.clone()).unwrap_or_default())
    });
    let due_text = Memo::new(move |_| action.with(|a| date_text(a.as_ref().and_then(|a| a.due))));
    let owner_text = Memo::new(move |_| {
        action.with(|a| a.as_ref().map(|a| a.owner.clone()).unwrap_or_default())
    });
    let check_id = uid("done");
    let when = move || {
        action.with(|a| {
            a.as_ref().and_then(|a| a.due).map(|d| {
                let days = d.days_since(today);
                let text = if a.as_ref().is_some_and(|a| a.done) {
                    String::new()
                } else if days < 0 {
                    format!("Overdue, due {}", relative_days(days))
                } else {
                    format!("Due {}", relative_days(days))
                };
                text
            })
        })
    };
    view! {
        <li class="action" class:done=move || done.get() class:overdue=move || {
            action.with(|a| a.as_ref().is_some_and(|a| !a.done && a.due.is_some_and(|d| d < today)))
        }>
            <div class="action-done">
                <input
                    type="checkbox"
                    id=check_id.clone()
                    prop:checked=move || done.get()
                    on:change=toggle
                />
                <label for=check_id>"Done" <span class="visually-hidden">": " {move || title_text.get()}</span></label>
            </div>
            <Field label="Action" value=title_text commit=title class="action-title"/>
            <Field
                label="Due"
                placeholder="YYYY-MM-DD"
                inputmode="numeric"
                value=due_text
                commit=due
                class="action-due"
            />
            <Field
                label="Owner"
                value=owner_text
                commit=owner
                class="action-owner"
            />
            <button type="button" class="button small quiet" on:click=delete>
                "Delete" <span class="visually-hidden">" action: " {move || title_text.get()}</span>
            </button>
            <p class="action-when">{when}</p>
            {move || action.with(|a| a.as_ref().filter(|a| !a.notes.is_empty()).map(|a| view! { <p class="action-notes">{a.notes.clone()}</p> }))}

        </li>
    }
}
