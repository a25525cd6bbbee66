//! Lessons from a loss (METHOD.md, "The portfolio view"): on a lost client's
//! page, the active clients that share its warning signs or reasons, most
//! alike first, each with a button to plan a follow-up.

use leptos::prelude::*;

use super::common::Ctx;
use crate::domain::summary::{lessons_from_loss, teaches_a_loss, Lesson};
use crate::domain::Portfolio;
use crate::ui::store::new_id;

#[component]
pub fn LessonsFromLoss(ctx: Ctx) -> impl IntoView {
    let store = ctx.store;
    let shown = Memo::new(move |_| ctx.client.with(teaches_a_loss));
    let lessons = Memo::new(move |_| {
        if !shown.get() {
            return Vec::new();
        }
        let (clients, views): (Vec<_>, Vec<_>) = store
            .clients
            .with(|cs| cs.iter().map(|s| (s.client.get(), s.view().get())).unzip());
        let portfolio = Portfolio {
            owner: String::new(),
            clients,
        };
        lessons_from_loss(&portfolio, &views, &ctx.id.get_value())
    });
    view! {
        <Show when=move || shown.get()>
            <section class="lessons" aria-labelledby="lessons-heading">
                <h2 id="lessons-heading">"Lessons from this loss"</h2>
                <Show
                    when=move || lessons.with(|l| !l.is_empty())
                    fallback=|| view! { <p class="empty">"No other active client shares its warning signs or reasons."</p> }
                >
                    <p class="lead">
                        "These clients show what came before this loss, most alike first. "
                        <a href=move || format!("/board?like={}", ctx.id.get_value())>"See them on the board"</a>
                    </p>
                    <ol class="lesson-list">
                        {move || lessons.get().into_iter().map(|l| view! { <LessonItem ctx=ctx lesson=l/> }).collect_view()}
                    </ol>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn LessonItem(ctx: Ctx, lesson: Lesson) -> impl IntoView {
    let store = ctx.store;
    let href = format!("/client/{}", lesson.client);
    let key = lesson.client.to_string();
    let shared = lesson.shared().join("; ");
    let name = lesson.name.clone();
    let other = lesson.client.clone();
    let added = RwSignal::new(false);
    let add = move |_| {
        let lost = ctx.client.with_untracked(|c| c.profile.name.clone());
        let owner = store.owner.get_untracked();
        let today = store.today.get_untracked();
        let action = lesson.action(&lost, new_id("x"), today, &owner);
        store.edit(&other, |c| c.actions.push(action));
        added.set(true);
    };
    view! {
        <li data-lesson=key>
            <a href=href>{name.clone()}</a>
            " shares: " {shared}
            " "
            <button type="button" class="button small" on:click=add disabled=move || added.get()>
                {move || if added.get() { "Follow-up added".to_string() } else { format!("Add a follow-up action for {name}") }}
            </button>
        </li>
    }
}
