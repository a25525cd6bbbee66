//! The due list: open actions, check-ups and renewals, most urgent first.

use leptos::prelude::*;

use super::set_title;
use crate::domain::{due_list, DueItem, DueKind, Portfolio};
use crate::storage::ics::{client_name, due_calendar, file_name, kind_label, what_text, Stamp};
use crate::ui::files::download;
use crate::ui::store::{now_iso, use_store, NoticeKind, Store};

/// Items rendered per group before "Show all".
const GROUP_CAP: usize = 100;

/// How urgent an item is, as the page groups them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Urgency {
    Overdue,
    Today,
    ThisWeek,
    Later,
}

impl Urgency {
    const ALL: [Urgency; 4] = [
        Urgency::Overdue,
        Urgency::Today,
        Urgency::ThisWeek,
        Urgency::Later,
    ];

    fn of(days_left: i32) -> Urgency {
        match days_left {
            d if d < 0 => Urgency::Overdue,
            0 => Urgency::Today,
            1..=7 => Urgency::ThisWeek,
            _ => Urgency::Later,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::Today => "today",
            Urgency::ThisWeek => "week",
            Urgency::Later => "later",
        }
    }

    fn heading(self) -> &'static str {
        match self {
            Urgency::Overdue => "Overdue",
            Urgency::Today => "Due today",
            Urgency::ThisWeek => "In the next seven days",
            Urgency::Later => "Later",
        }
    }
}

/// "3 days overdue", "due today", "in 5 days".
fn when_text(days_left: i32) -> String {
    match days_left {
        d if d < -1 => format!("{} days overdue", -d),
        -1 => "1 day overdue".to_string(),
        0 => "due today".to_string(),
        1 => "in 1 day".to_string(),
        d => format!("in {d} days"),
    }
}

fn link_for(item: &DueItem) -> String {
    match item.kind {
        DueKind::Action { .. } => format!("/client/{}/plan", item.client),
        DueKind::Reassessment { .. } => format!("/client/{}/assessment", item.client),
        DueKind::Renewal { .. } => format!("/client/{}", item.client),
    }
}

/// A key that tells items apart (a client can have several due actions).
fn item_key(item: &DueItem) -> String {
    match &item.kind {
        DueKind::Action { id, .. } => format!("{}/action/{id}", item.client),
        k => format!("{}/{}", item.client, k.id()),
    }
}

/// Offers due items as an iCalendar file: one item, or the whole list.
fn export_calendar(store: Store, items: &[DueItem], one: bool) {
    let today = store.today.get_untracked();
    let stamp = Stamp::from_iso(&now_iso()).unwrap_or_else(|| Stamp::start_of(today));
    let name = file_name(if one { items.first() } else { None }, today);
    let text = due_calendar(items, &stamp);
    if let Err(e) = download(&name, "text/calendar", &text) {
        store.notify(
            NoticeKind::Error,
            &format!("The calendar file could not be made: {e}."),
            None,
        );
    }
}

#[component]
pub fn Due() -> impl IntoView {
    set_title("Due");
    let store = use_store();
    let today = store.today;
    let items = Memo::new(move |_| {
        let portfolio = Portfolio {
            owner: String::new(),
            clients: store
                .clients
                .with(|cs| cs.iter().map(|s| s.client.get()).collect()),
        };
        due_list(&portfolio, today.get())
    });
    let has_clients = Memo::new(move |_| store.clients.with(|c| !c.is_empty()));
    let summary = move || {
        items.with(|all| {
            let overdue = all.iter().filter(|i| i.days_left < 0).count();
            match (all.len(), overdue) {
                (0, _) => String::new(),
                (n, 0) => format!("{n} things due, none overdue."),
                (n, o) => format!("{n} things due, {o} of them overdue."),
            }
        })
    };
    view! {
        <div class="due-page">
            <h1>"Due"</h1>
            <p class="lead">
                "Open actions due within two weeks, check-ups older than a quarter (or never done), and contracts ending within six months."
            </p>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || {
                    view! {
                        <div class="empty-due">
                            <p class="empty">
                                {move || {
                                    if has_clients.get() {
                                        "Nothing is due: no open action in the next two weeks, every check-up is recent and no contract ends within six months."
                                    } else {
                                        "Nothing is due, because there are no clients yet."
                                    }
                                }}
                            </p>
                            <Show when=move || !has_clients.get()>
                                <p><a href="/">"Add a client or open the demo"</a></p>
                            </Show>
                        </div>
                    }
                }
            >
                <div class="due-head">
                    <p class="due-summary">{summary}</p>
                    <button
                        type="button"
                        class="button ics-all"
                        on:click=move |_| items.with_untracked(|all| export_calendar(store, all, false))
                    >
                        "Add all to calendar (.ics)"
                    </button>
                </div>
                {Urgency::ALL
                    .into_iter()
                    .map(|u| {
                        let group = Memo::new(move |_| {
                            items.with(|all| {
                                all.iter()
                                    .filter(|i| Urgency::of(i.days_left) == u)
                                    .cloned()
                                    .collect::<Vec<_>>()
                            })
                        });
                        view! { <DueGroup urgency=u items=group/> }
                    })
                    .collect_view()}
            </Show>
        </div>
    }
}

#[component]
fn DueGroup(urgency: Urgency, items: Memo<Vec<DueItem>>) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let count = move || items.with(Vec::len);
    let shown = move || {
        items.with(|all| {
            if expanded.get() || all.len() <= GROUP_CAP {
                all.clone()
            } else {
                all[..GROUP_CAP].to_vec()
            }
        })
    };
    let heading_id = format!("due-{}", urgency.id());
    let labelled_by = heading_id.clone();
    view! {
        <Show when=move || { count() > 0 }>
            <section class="due-group" data-urgency=urgency.id() aria-labelledby=labelled_by.clone()>
                <h2 id=heading_id.clone()>
                    {urgency.heading()}
                    " "
                    <span class="count">{count}</span>
                </h2>
                <ol class="due-items">
                    <For each=shown key=|i| (item_key(i), i.due) let:item>
                        <DueRow item=item/>
                    </For>
                </ol>
                <Show when=move || { count() > GROUP_CAP }>
                    <button type="button" class="button quiet show-all" on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || {
                            if expanded.get() {
                                format!("Show the first {GROUP_CAP}")
                            } else {
                                format!("Show all {}", count())
                            }
                        }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn DueRow(item: DueItem) -> impl IntoView {
    let overdue = item.days_left < 0;
    let href = link_for(&item);
    let name = client_name(&item);
    let store = use_store();
    let label = format!("{}: {name}, {}", kind_label(&item.kind), item.due);
    let export = {
        let item = item.clone();
        move |_| export_calendar(store, std::slice::from_ref(&item), true)
    };
    view! {
        <li
            class="due-item"
            class:overdue=overdue
            data-kind=item.kind.id()
            data-client-id=item.client.to_string()
        >
            <span class="due-kind">{kind_label(&item.kind)}</span>
            <span class="due-main">
                <a class="due-client" href=href>{name}</a>
                <span class="due-what">{what_text(&item.kind)}</span>
            </span>
            <span class="due-when">
                {overdue.then(|| view! { <span class="overdue-mark">"Overdue: "</span> })}
                <time datetime=item.due.to_string()>{item.due.to_string()}</time>
                ", "
                {when_text(item.days_left)}
            </span>
            <button type="button" class="button small quiet ics-one" on:click=export>
                "Add to calendar"
                <span class="visually-hidden">" (" {label} ")"</span>
            </button>
        </li>
    }
}
