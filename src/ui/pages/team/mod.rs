//! The team view: a manager opens salespeople's exported files, read-only,
//! and sees the team's board, a row per person and the renewals at risk.
//!
//! The opened files live in a [`TeamSession`] provided at the root, apart
//! from the [`Store`](crate::ui::store::Store): nothing here is ever written
//! to the manager's own portfolio. They are kept in local storage (under
//! [`TEAM_PREFIX`], which the portfolio loader ignores) only when the manager
//! asks, and "Close" forgets both copies.

use leptos::prelude::*;

use super::set_title;
use crate::domain::team::{team, Member, PersonRow, Team as TeamSummary, TeamClient};
use crate::domain::{renewal_soon, Category, Column, Date};
use crate::edge::local_storage::WriteError;
use crate::present::format::{money, renewal_text, revenue_total};
use crate::storage::file::export_json_compact;
use crate::storage::import_json;
use crate::ui::files::read_file;
use crate::ui::store::{now_iso, use_store, Store};

mod client;

pub use client::TeamClientPage;

/// Where remembered team files are kept: `<prefix><nnn>/<file name>`.
pub const TEAM_PREFIX: &str = "continuum/v1/team/";

/// A file that could not be opened, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedFile {
    pub file: String,
    pub message: String,
    pub problems: Vec<String>,
}

/// The files a manager has opened in this tab.
#[derive(Clone, Copy)]
pub struct TeamSession {
    pub members: RwSignal<Vec<Member>>,
    pub failed: RwSignal<Vec<FailedFile>>,
    /// The manager asked to keep these files on this browser.
    pub remembered: RwSignal<bool>,
    /// The outcome of the last remember, open or close, for the status line.
    pub status: RwSignal<Option<String>>,
    /// Files are being read.
    pub reading: RwSignal<usize>,
    /// Remembered files are read once per page load.
    restored: RwSignal<bool>,
}

impl TeamSession {
    /// Provided at the root so the files survive moves between team pages.
    pub fn provide() {
        provide_context(TeamSession {
            members: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            remembered: RwSignal::new(false),
            status: RwSignal::new(None),
            reading: RwSignal::new(0),
            restored: RwSignal::new(false),
        });
    }

    /// Reads the remembered files, once.
    fn restore(self, store: Store) {
        if self.restored.get_untracked() {
            return;
        }
        self.restored.set(true);
        let Some(storage) = store.local_store() else {
            return;
        };
        let mut entries: Vec<(String, String)> = storage
            .entries()
            .into_iter()
            .filter(|(k, _)| k.starts_with(TEAM_PREFIX))
            .collect();
        if entries.is_empty() {
            return;
        }
        crate::domain::sorting::sort(&mut entries);
        for (key, text) in entries {
            let file = key
                .strip_prefix(TEAM_PREFIX)
                .and_then(|rest| rest.split_once('/'))
                .map(|(_, name)| name.to_string())
                .unwrap_or(key);
            self.open(file, text.as_bytes());
        }
        self.remembered.set(true);
    }

    /// Adds one file (replacing an opened file of the same name) or lists
    /// its errors; other files are not affected either way.
    fn open(self, file: String, bytes: &[u8]) {
        self.failed.update(|f| f.retain(|x| x.file != file));
        match import_json(bytes) {
            Ok(imported) => {
                let member = Member::new(file.clone(), imported.portfolio);
                self.members
                    .update(|ms| match ms.iter_mut().find(|m| m.file == file) {
                        Some(m) => *m = member,
                        None => ms.push(member),
                    });
            }
            Err(e) => {
                let problems: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
                // The error's own text repeats its problems: list them once.
                let message = match problems.len() {
                    0 => e.to_string(),
                    1 => "1 problem:".to_string(),
                    n => format!("{n} problems:"),
                };
                self.failed.update(|f| {
                    f.push(FailedFile {
                        file,
                        message,
                        problems,
                    })
                })
            }
        }
    }

    /// Reads picked or dropped files, each on its own.
    fn open_files(self, store: Store, files: web_sys::FileList) {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        self.status.set(None);
        self.reading.update(|n| *n += files.len());
        leptos::task::spawn_local(async move {
            for file in files {
                let name = file.name();
                match read_file(&file).await {
                    Ok(bytes) => self.open(name, &bytes),
                    Err(message) => self.failed.update(|f| {
                        f.push(FailedFile {
                            file: name,
                            message,
                            problems: Vec::new(),
                        })
                    }),
                }
                self.reading.update(|n| *n = n.saturating_sub(1));
            }
            if self.remembered.get_untracked() {
                self.remember(store);
            }
        });
    }

    /// Removes every remembered team file from this browser.
    fn forget_stored(store: Store) {
        if let Some(storage) = store.local_store() {
            for (key, _) in storage.entries() {
                if key.starts_with(TEAM_PREFIX) {
                    storage.remove(&key);
                }
            }
        }
    }

    /// Keeps the opened files on this browser; if they do not fit, nothing
    /// is kept and the session copy stays open.
    fn remember(self, store: Store) {
        let Some(storage) = store.local_store() else {
            self.remembered.set(false);
            self.status.set(Some(
                "This browser does not allow local storage here: the files stay open until the page is closed.".into(),
            ));
            return;
        };
        Self::forget_stored(store);
        let exported_at = now_iso();
        let result = self.members.with_untracked(|ms| {
            ms.iter().enumerate().try_for_each(|(i, m)| {
                let key = format!("{TEAM_PREFIX}{i:03}/{}", m.file);
                storage.set(&key, &export_json_compact(&m.portfolio, &exported_at))
            })
        });
        match result {
            Ok(()) => {
                self.remembered.set(true);
                self.status.set(Some(
                    "These files are remembered on this browser, apart from your own portfolio. Close forgets them.".into(),
                ));
            }
            Err(e) => {
                Self::forget_stored(store);
                self.remembered.set(false);
                let why = match e {
                    WriteError::Full => {
                        "there is not enough room left in this browser's storage".to_string()
                    }
                    WriteError::Other(e) => e,
                };
                self.status.set(Some(format!(
                    "These files could not be remembered: {why}. They stay open until the page is closed; your own portfolio is unchanged."
                )));
            }
        }
    }

    /// Forgets every opened file, in this tab and on this browser.
    fn close(self, store: Store) {
        Self::forget_stored(store);
        self.members.set(Vec::new());
        self.failed.set(Vec::new());
        self.remembered.set(false);
        self.status.set(Some(
            "The team files are closed and forgotten on this browser.".into(),
        ));
    }
}

pub fn use_team() -> TeamSession {
    expect_context::<TeamSession>()
}

/// The team summary for the opened files, recomputed when they change.
pub fn team_memo(session: TeamSession, today: Date) -> Memo<TeamSummary> {
    Memo::new(move |_| session.members.with(|ms| team(ms, today)))
}

fn revenue_text(col: &Column) -> String {
    revenue_total(col.revenue, col.revenue_unknown)
}

#[component]
pub fn Team() -> impl IntoView {
    set_title("Team");
    let store = use_store();
    let session = use_team();
    session.restore(store);
    let summary = team_memo(session, store.today);
    let has_files = move || session.members.with(|m| !m.is_empty());
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            session.open_files(store, files);
        }
        input.set_value("");
    };
    // A drop here opens team files; it must not reach the page-wide drop
    // that imports into the manager's own portfolio.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            session.open_files(store, files);
        }
    };
    view! {
        <div
            class="team-page"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="board-head">
                <h1>"Team"</h1>
                <Show when=has_files>
                    <button type="button" class="button" on:click=move |_| {
                        let _ = window().print();
                    }>"Print the team board"</button>
                </Show>
            </div>
            <section class="panel team-open" aria-labelledby="team-open-heading">
                <h2 id="team-open-heading">"Your team's files"</h2>
                <p>
                    "Open the files your salespeople exported (Settings, Export everything). You can pick several at once or drop them on this page. They are only read: nothing is added to your own portfolio."
                </p>
                <div class="row">
                    <label class="button primary file-button">
                        "Open team files…"
                        <input
                            id="team-files"
                            class="visually-hidden"
                            type="file"
                            multiple=true
                            accept=".json,application/json"
                            on:change=on_pick
                        />
                    </label>
                    <Show when=has_files>
                        <Show
                            when=move || session.remembered.get()
                            fallback=move || view! {
                                <button type="button" class="button remember" on:click=move |_| session.remember(store)>
                                    "Remember these files on this browser"
                                </button>
                            }
                        >
                            <span class="remembered">"Remembered on this browser"</span>
                        </Show>
                        <button type="button" class="button close-team" on:click=move |_| session.close(store)>
                            "Close the team files"
                        </button>
                    </Show>
                </div>
                <p class="team-status" role="status" aria-live="polite">
                    {move || match session.reading.get() {
                        0 => session.status.get().unwrap_or_default(),
                        n => format!("Reading {n} file(s)…"),
                    }}
                </p>
                <FailedFiles/>
                <OpenedFiles/>
            </section>
            <Show when=has_files>
                <TeamBoard summary=summary today=store.today/>
                <PeopleTable summary=summary/>
                <CategoriesPerPerson summary=summary/>
                <Renewals summary=summary today=store.today/>
            </Show>
        </div>
    }
}

#[component]
fn FailedFiles() -> impl IntoView {
    let session = use_team();
    move || {
        let failed = session.failed.get();
        (!failed.is_empty()).then(|| {
            view! {
                <div class="import-error team-failed" role="alert">
                    <p><strong>"These files could not be opened (the others are open):"</strong></p>
                    <ul>
                        {failed.into_iter().map(|f| view! {
                            <li data-file=f.file.clone()>
                                <strong class="file-name">{f.file.clone()}</strong> ": " {f.message}
                                {(!f.problems.is_empty()).then(|| view! {
                                    <ul>{f.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn OpenedFiles() -> impl IntoView {
    let session = use_team();
    move || {
        let members = session.members.get();
        (!members.is_empty()).then(|| {
            view! {
                <ul class="team-files">
                    {members.into_iter().map(|m| {
                        let n = m.portfolio.clients.len();
                        view! {
                            <li data-file=m.file.clone()>
                                <strong>{m.owner.clone()}</strong>
                                {format!(" · {} · {n} {}", m.file, if n == 1 { "client" } else { "clients" })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}

/// The continuum over every opened file.
#[component]
fn TeamBoard(summary: Memo<TeamSummary>, today: Date) -> impl IntoView {
    view! {
        <section class="team-board-section" aria-labelledby="team-board-heading">
            <h2 id="team-board-heading">"The team's continuum"</h2>
            <p class="hint">
                "A client in more than one file is shown once, with every owner named. Its card shows the record with the most recent check-up (on a tie, the file opened first); a revenue or contract end missing there is taken from the other file."
            </p>
            {move || summary.with(|t| {
                let lost = (t.board.lost > 0).then(|| view! {
                    <p class="lost-note">{format!("{} lost (annual revenue {}) not shown.", t.board.lost, money(t.board.lost_revenue))}</p>
                });
                view! {
                    <div class="board team-board">
                        {t.board.columns.iter().map(|col| {
                            let cards: Vec<TeamClient> = col.clients.iter().filter_map(|id| t.client(id).cloned()).collect();
                            view! { <TeamColumn column=col.clone() cards today/> }
                        }).collect_view()}
                    </div>
                    {lost}
                }
            })}
        </section>
    }
}

#[component]
fn TeamColumn(column: Column, cards: Vec<TeamClient>, today: Date) -> impl IntoView {
    let heading_id = format!("team-column-{}", column.category.id());
    let labelled_by = heading_id.clone();
    view! {
        <section class="column" data-category=column.category.id() aria-labelledby=labelled_by>
            <header class="column-head">
                <h3 id=heading_id>{column.category.name()}</h3>
                <p class="column-stats">
                    <span class="count">{column.count}</span>
                    {if column.count == 1 { " client" } else { " clients" }}
                    <span class="revenue" data-revenue=column.revenue.to_string()>
                        <span class="visually-hidden">", annual revenue "</span>
                        <span aria-hidden="true">" · "</span>
                        {revenue_text(&column)}
                    </span>
                </p>
            </header>
            {cards.is_empty().then(|| view! { <p class="empty">"None here."</p> })}
            <ul class="cards">
                {cards.into_iter().map(|c| view! { <li><TeamCard client=c today/></li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn TeamCard(client: TeamClient, today: Date) -> impl IntoView {
    let c = &client.client;
    let revenue = c
        .profile
        .annual_revenue
        .map(money)
        .unwrap_or_else(|| "Revenue unknown".into());
    let renewal = c.profile.contract_end.map(|end| {
        let soon = renewal_soon(end, today);
        view! { <span class="fact renewal" class:soon=soon>{renewal_text(end, today)}</span> }
    });
    let shared = client.owners.len() > 1;
    view! {
        <a
            class="card"
            href=format!("/team/client/{}", c.id)
            data-client-id=c.id.to_string()
            data-category=client.view.verdict.category.id()
        >
            <span class="card-name">{c.profile.name.clone()}</span>
            <span class="card-facts">
                <span class="fact revenue">{revenue}</span>
                {renewal}
                <span class="fact owners" class:shared=shared>
                    {if shared { "Shared: " } else { "Owner: " }}
                    {client.owners.join(", ")}
                </span>
            </span>
        </a>
    }
}

/// One row per salesperson.
#[component]
fn PeopleTable(summary: Memo<TeamSummary>) -> impl IntoView {
    let headers = [
        "Salesperson",
        "Clients",
        "Revenue at risk",
        "Assessed",
        "Stale check-ups",
        "Blind spots",
        "Overdue actions",
        "Renewals not secure (6 months)",
    ];
    view! {
        <section class="team-people-section" aria-labelledby="team-people-heading">
            <h2 id="team-people-heading">"Per person"</h2>
            <p class="hint">
                "Each row reads that person's own file. Revenue at risk is the annual revenue of clients at risk or facing inevitable loss; a check-up is stale after a quarter; a blind spot is a client the person felt safer about than the answers show."
            </p>
            <div class="table-wrap">
                <table class="client-table team-people">
                    <caption class="visually-hidden">"Each salesperson's clients, risk and upkeep"</caption>
                    <thead>
                        <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || summary.with(|t| t.people.iter().map(person_row).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn person_row(p: &PersonRow) -> impl IntoView {
    let cell = |field: &'static str, text: String, alert: bool| {
        view! { <td class="num" class:alert=alert data-field=field>{text}</td> }
    };
    view! {
        <tr data-owner=p.owner.clone()>
            <th scope="row">{p.owner.clone()}<span class="file-note">{p.file.clone()}</span></th>
            {cell("clients", p.clients.to_string(), false)}
            {cell("revenue-at-risk", money(p.revenue_at_risk), p.revenue_at_risk > 0)}
            {cell("assessed", format!("{}%", p.share_assessed()), p.share_assessed() < 100)}
            {cell("stale", p.stale.to_string(), p.stale > 0)}
            {cell("blind-spots", p.blind_spots.to_string(), p.blind_spots > 0)}
            {cell("overdue-actions", p.overdue_actions.to_string(), p.overdue_actions > 0)}
            {cell("renewals", p.renewals_not_secure.to_string(), p.renewals_not_secure > 0)}
        </tr>
    }
}

/// Count and revenue per category for each person.
#[component]
fn CategoriesPerPerson(summary: Memo<TeamSummary>) -> impl IntoView {
    view! {
        <section class="team-categories-section" aria-labelledby="team-categories-heading">
            <h2 id="team-categories-heading">"Where each person's clients sit"</h2>
            <div class="table-wrap">
                <table class="client-table team-categories">
                    <caption class="visually-hidden">"Clients and annual revenue per category, per salesperson"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Salesperson"</th>
                            {Category::BOARD_ORDER.into_iter().map(|c| view! {
                                <th scope="col"><span class="pill" data-category=c.id()>{c.name()}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || summary.with(|t| t.people.iter().map(|p| view! {
                            <tr data-owner=p.owner.clone()>
                                <th scope="row">{p.owner.clone()}</th>
                                {p.board.columns.iter().map(|col| view! {
                                    <td class="num" data-category=col.category.id() data-count=col.count.to_string() data-revenue=col.revenue.to_string()>
                                        {col.count} <span class="cell-revenue">{revenue_text(col)}</span>
                                    </td>
                                }).collect_view()}
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Renewals in the next six months that are not secure.
#[component]
fn Renewals(summary: Memo<TeamSummary>, today: Date) -> impl IntoView {
    view! {
        <section class="team-renewals-section" aria-labelledby="team-renewals-heading">
            <h2 id="team-renewals-heading">"Renewals in the next six months that are not secure"</h2>
            {move || summary.with(|t| {
                if t.renewals.is_empty() {
                    return view! { <p class="empty">"None: every renewal in the next six months is with a loyal and secure client."</p> }.into_any();
                }
                view! {
                    <ul class="team-renewals">
                        {t.renewals.iter().map(|r| view! {
                            <li data-client-id=r.client.to_string()>
                                <a href=format!("/team/client/{}", r.client)>{r.name.clone()}</a>
                                " · " <span class="pill" data-category=r.category.id()>{r.category.name()}</span>
                                " · " <time datetime=r.contract_end.to_string()>{renewal_text(r.contract_end, today)}</time>
                                " · " {r.revenue.map(money).unwrap_or_else(|| "revenue unknown".into())}
                                " · " {r.owners.join(", ")}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
        </section>
    }
}
