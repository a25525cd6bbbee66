//! The one place the app's state lives, provided by context at the root.
//!
//! Each client has its own signal, so an edit to one client re-renders and
//! re-computes only that client (its verdict and warning signs are a memo
//! over it), and saving writes only that client's key. Saving is debounced
//! (at most 300 ms after a change) and flushed when the page is hidden.
//! Storage failures never lose what is in memory: the client stays marked
//! unsaved and the next successful write catches up.
//!
//! Reading, saving and following other tabs are split points (see
//! `src/ui/routes.rs`): in the release build their code is a piece of the app
//! fetched when first needed, so a first visit, with nothing stored, never
//! downloads it. While stored data is read, `ready` is false and the pages
//! wait.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::routes::{split_call, split_point, PieceMissing};
use crate::domain::{assess, demo_portfolio, Client, ClientView, Date, Id, Portfolio};
use crate::edge::local_storage::{ask_persistent, LocalStore, WriteError};
use crate::storage::compact::{decode_meta, encode_client, stored_rev, StoredClient};
use crate::storage::local::{
    self, client_id_from_key, client_key, encode_portfolio_meta, BackupInfo, META_KEY,
};
use crate::storage::{check_write, decode_client, WriteCheck};

/// How long after a change the save happens, at most.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// One client in the store: its data, and its verdict and warning signs.
/// Pages read the client; only the store changes it, so that every change
/// also reaches [`Store::records_changed`].
#[derive(Clone)]
pub struct ClientSlot {
    pub id: Id,
    pub client: ReadSignal<Client>,
    write: WriteSignal<Client>,
    pub view: Memo<ClientView>,
}

/// How safe the user's work is right now, shown in the header and Settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Everything is in local storage.
    Saved,
    /// Local storage cannot be used: work lives only in this page.
    InMemory(String),
    /// The last write failed because storage is full; unsaved work is in memory.
    Full,
    /// Data from a newer version of Continuum is stored: nothing is written.
    ReadOnly,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// What a notice's button does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the whole portfolio as a file.
    Export,
    /// Download the raw text kept under a quarantine key.
    DownloadRaw(String),
    /// Reload the page (to fetch the app's files again).
    Reload,
}

/// A message to the user, shown as a banner until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u64,
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<NoticeAction>,
}

/// What the save machinery knows that the UI does not need to react to.
#[derive(Default)]
struct Saver {
    storage: Option<LocalStore>,
    /// The stored revision each client was loaded or last saved at.
    revisions: BTreeMap<Id, u64>,
    dirty: BTreeSet<Id>,
    removed: BTreeSet<Id>,
    meta_dirty: bool,
    timer: Option<TimeoutHandle>,
}

/// The user's own data, kept aside while the demo is shown.
struct OwnData {
    owner: String,
    clients: Vec<ClientSlot>,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub today: Date,
    pub owner: RwSignal<String>,
    pub clients: RwSignal<Vec<ClientSlot>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub persistence: RwSignal<Persistence>,
    pub backups: RwSignal<Vec<BackupInfo>>,
    pub quarantine_keys: RwSignal<Vec<String>>,
    /// The demo portfolio is shown instead of the user's own data.
    pub demo: RwSignal<bool>,
    /// False while what local storage holds is being read at start-up; the
    /// pages wait for it, so nothing shows an empty portfolio meanwhile.
    pub ready: RwSignal<bool>,
    /// The last deleted client and where it was, for undo.
    pub deleted: RwSignal<Option<(usize, Client)>>,
    /// Notified whenever any client's record changes. A view over the whole
    /// portfolio (the board's rows) tracks this and the client list instead
    /// of thousands of clients' own signals: reading a memo copies its list
    /// of sources each time, which at 2,000 clients cost the board
    /// milliseconds per opening.
    pub records_changed: Trigger,
    saver: StoredValue<Saver, LocalStorage>,
    own: StoredValue<Option<OwnData>, LocalStorage>,
    root: StoredValue<Owner>,
}

/// The store provided at the root.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

/// Today in the user's time zone: the one place the UI reads the clock.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::from_days_since_epoch((js_sys::Date::now() / 86_400_000.0) as i32))
}

/// The current time as ISO 8601 (UTC), for exports and backups.
pub fn now_iso() -> String {
    let s = String::from(js_sys::Date::new_0().to_iso_string());
    // Whole seconds are enough and keep file contents tidy.
    match s.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => s,
    }
}

/// A short random id (base 36), short because ids are stored in every record.
pub fn new_id(prefix: &str) -> Id {
    let mut n = (js_sys::Math::random() * 36f64.powi(8)) as u64;
    let mut s = String::with_capacity(prefix.len() + 8);
    s.push_str(prefix);
    for _ in 0..8 {
        let d = (n % 36) as u32;
        s.push(char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
    }
    Id::new(s)
}

impl Store {
    /// Loads what local storage holds (or starts in memory with a warning)
    /// and provides the store to the app.
    pub fn provide() -> Store {
        let today = today();
        let store = Store {
            today,
            owner: RwSignal::new(String::new()),
            clients: RwSignal::new(Vec::new()),
            notices: RwSignal::new(Vec::new()),
            persistence: RwSignal::new(Persistence::Saved),
            backups: RwSignal::new(Vec::new()),
            quarantine_keys: RwSignal::new(Vec::new()),
            demo: RwSignal::new(false),
            ready: RwSignal::new(true),
            deleted: RwSignal::new(None),
            records_changed: Trigger::new(),
            saver: StoredValue::new_local(Saver::default()),
            own: StoredValue::new_local(None),
            root: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        provide_context(store);
        store.start();
        store.listen();
        store
    }

    fn start(self) {
        match LocalStore::open() {
            Ok(storage) => {
                let entries = storage.entries();
                if !local::holds_saved_data(&entries) {
                    // A first visit: nothing to read, so the reading code is
                    // not even fetched.
                    self.saver.update_value(|s| s.storage = Some(storage));
                    preload_saving_on_first_use();
                    return;
                }
                self.ready.set(false);
                let now = now_iso();
                now_or_soon(async move {
                    // The pages keep waiting if the reading code cannot be
                    // fetched: an empty board would look like lost data.
                    let Ok((loaded, tidied)) =
                        split_call!(read_saved(storage.clone(), entries, now))
                    else {
                        self.piece_missing("open your saved data (nothing stored was changed)");
                        return;
                    };
                    self.finish_start(storage, loaded, tidied);
                    self.ready.set(true);
                    // Someone with data will edit it: have saving ready.
                    preload_saving();
                });
            }
            Err(e) => {
                self.persistence.set(Persistence::InMemory(e.0.clone()));
                self.notify(
                    NoticeKind::Error,
                    "This browser does not let Continuum use its local storage (it may be switched off, or this is a private window). You can work, but nothing is kept after this page closes: export a file to keep your work.",
                    Some(NoticeAction::Export),
                );
            }
        }
    }

    /// Shows what start-up read and tells the user what it found.
    fn finish_start(
        self,
        storage: LocalStore,
        loaded: local::Loaded,
        tidied: Result<(), WriteError>,
    ) {
        if !loaded.newer.is_empty() {
            self.persistence.set(Persistence::ReadOnly);
            self.notify(
                        NoticeKind::Error,
                        "This browser holds data saved by a newer version of Continuum. To protect it, nothing is saved here: reload the page to get the newer version.",
                        None,
                    );
        } else if let Err(e) = tidied {
            self.persistence.set(Persistence::Full);
            self.notify(
                        NoticeKind::Error,
                        &format!("Continuum could not tidy up its storage at start ({e}). Your data is shown and nothing was removed."),
                        Some(NoticeAction::Export),
                    );
        }
        for q in &loaded.quarantined {
            self.notify(
                        NoticeKind::Warning,
                        &format!(
                            "One stored record could not be read ({}: {}). It was set aside unchanged; everything else is here. Download it to keep it or to send it for help.",
                            q.key, q.reason
                        ),
                        Some(NoticeAction::DownloadRaw(q.quarantine_key.clone())),
                    );
        }
        if let Some(v) = loaded.migrated_from {
            self.notify(
                        NoticeKind::Info,
                        &format!("Your data was upgraded from version {v}. A backup of the old data is listed in Settings."),
                        None,
                    );
        }
        self.backups.set(loaded.backups);
        self.quarantine_keys.set(loaded.quarantine_keys);
        self.saver.update_value(|s| {
            s.revisions = loaded.revisions;
            s.storage = Some(storage);
        });
        self.show(loaded.portfolio);
        wasm_bindgen_futures::spawn_local(async {
            ask_persistent().await;
        });
    }

    /// Saves when the page is hidden or closed, and follows other tabs.
    fn listen(self) {
        let _ = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        // Saving as the page closes is synchronous, unless the saving code
        // has not arrived yet (the first moments of a first visit, or a
        // failed fetch): then the browser asks before leaving, instead of
        // the change being lost without a word.
        let _ = window_event_listener(leptos::ev::beforeunload, move |e| {
            if !self.try_flush() && self.has_unsaved() {
                e.prevent_default();
            }
        });
        let on_hidden = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_hidden.as_ref().unchecked_ref(),
        );
        on_hidden.forget();
        let _ = window_event_listener(leptos::ev::storage, move |e| {
            now_or_soon(async move {
                if split_call!(follow_other_tab(self, e)).is_err() {
                    self.piece_missing("bring in what another tab saved");
                }
            });
        });
    }

    fn slot(self, client: Client) -> ClientSlot {
        let today = self.today;
        self.root.with_value(|owner| {
            owner.with(|| {
                let id = client.id.clone();
                let (client, write) = signal(client);
                let view = Memo::new(move |_| client.with(|c| assess(c, today)));
                ClientSlot {
                    id,
                    client,
                    write,
                    view,
                }
            })
        })
    }

    /// Changes one client's record (the only place that does).
    fn change_record(self, slot: &ClientSlot, change: impl FnOnce(&mut Client)) {
        slot.write.update(change);
        self.records_changed.notify();
    }

    /// Replaces what is shown (no storage writes).
    fn show(self, portfolio: Portfolio) {
        let slots = portfolio
            .clients
            .into_iter()
            .map(|c| self.slot(c))
            .collect();
        self.owner.set(portfolio.owner);
        self.clients.set(slots);
    }

    pub fn notify(self, kind: NoticeKind, text: &str, action: Option<NoticeAction>) {
        self.notices.update(|n| {
            let id = n.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            n.push(Notice {
                id,
                kind,
                text: text.to_string(),
                action,
            });
        });
    }

    /// Says that part of the app could not be fetched, so Continuum could
    /// not `what`; said once until dismissed.
    pub fn piece_missing(self, what: &str) {
        let text = format!(
            "Continuum could not {what}: part of the app could not be fetched. This computer may be offline, or a newer version was published while this page was open. Try again, or reload the page."
        );
        if !self
            .notices
            .with_untracked(|n| n.iter().any(|x| x.text == text))
        {
            self.notify(NoticeKind::Error, &text, Some(NoticeAction::Reload));
        }
    }

    pub fn dismiss(self, id: u64) {
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    pub fn find(self, id: &Id) -> Option<ClientSlot> {
        self.clients
            .with_untracked(|cs| cs.iter().find(|s| &s.id == id).cloned())
    }

    /// The whole portfolio as it is now (for export).
    pub fn portfolio(self) -> Portfolio {
        Portfolio {
            owner: self.owner.get_untracked(),
            clients: self
                .clients
                .with_untracked(|cs| cs.iter().map(|s| s.client.get_untracked()).collect()),
        }
    }

    /// Adds a new client with a name and returns its id.
    pub fn add_client(self, name: &str) -> Id {
        let mut id = new_id("c");
        while self.find(&id).is_some() {
            id = new_id("c");
        }
        let mut client = Client::new(id.clone(), name.trim());
        client.profile.owner = self.owner.get_untracked();
        let slot = self.slot(client);
        self.clients.update(|cs| cs.push(slot));
        self.changed(Some(&id), true);
        id
    }

    /// Changes one client; only that client is re-computed and saved.
    pub fn edit(self, id: &Id, change: impl FnOnce(&mut Client)) {
        if let Some(slot) = self.find(id) {
            self.change_record(&slot, change);
            self.changed(Some(id), false);
        }
    }

    pub fn set_owner(self, owner: &str) {
        self.owner.set(owner.trim().to_string());
        self.changed(None, true);
    }

    /// Deletes a client; [`Store::undo_delete`] brings it back.
    pub fn delete(self, id: &Id) {
        let mut removed = None;
        self.clients.update(|cs| {
            if let Some(i) = cs.iter().position(|s| &s.id == id) {
                let slot = cs.remove(i);
                removed = Some((i, slot.client.get_untracked()));
            }
        });
        if let Some(r) = removed {
            self.deleted.set(Some(r));
            self.saver.update_value(|s| {
                s.dirty.remove(id);
                s.removed.insert(id.clone());
            });
            self.changed(None, true);
        }
    }

    pub fn undo_delete(self) {
        if let Some((i, client)) = self.deleted.get_untracked() {
            let id = client.id.clone();
            let slot = self.slot(client);
            self.clients.update(|cs| cs.insert(i.min(cs.len()), slot));
            self.deleted.set(None);
            self.saver.update_value(|s| {
                s.removed.remove(&id);
            });
            self.changed(Some(&id), true);
        }
    }

    /// Puts a whole new portfolio in place (import, restore), writing only
    /// the clients that differ. `backup` is written first; if it cannot be
    /// written, nothing changes and the error is returned.
    pub fn replace_all(
        self,
        portfolio: Portfolio,
        backup: Option<(String, String)>,
    ) -> Result<(), WriteError> {
        if let Some((key, value)) = &backup {
            let storage = self.saver.with_value(|s| s.storage.clone());
            if let Some(storage) = storage {
                storage.set(key, value)?;
                if let Some(info) = local::parse_backup_key(key) {
                    self.backups.update(|b| b.insert(0, info));
                }
            }
        }
        let before = self.portfolio();
        let changes = local::changes(&before, &portfolio);
        let mut old: BTreeMap<Id, ClientSlot> = self.clients.with_untracked(|cs| {
            crate::domain::sorting::map_from(cs.iter().map(|s| (s.id.clone(), s.clone())))
        });
        let slots: Vec<ClientSlot> = portfolio
            .clients
            .into_iter()
            .map(|c| match old.remove(&c.id) {
                Some(slot) => {
                    if slot.client.with_untracked(|x| x != &c) {
                        self.change_record(&slot, |x| *x = c);
                    }
                    slot
                }
                None => self.slot(c),
            })
            .collect();
        self.owner.set(portfolio.owner);
        self.clients.set(slots);
        self.saver.update_value(|s| {
            s.dirty.extend(changes.upsert);
            for id in changes.remove {
                s.dirty.remove(&id);
                s.removed.insert(id);
            }
            s.meta_dirty |= changes.meta;
        });
        self.flush_now();
        Ok(())
    }

    /// Shows the demo portfolio; the user's own data is kept aside, untouched.
    pub fn enter_demo(self) {
        if self.demo.get_untracked() {
            return;
        }
        self.flush_now();
        let own = OwnData {
            owner: self.owner.get_untracked(),
            clients: self.clients.get_untracked(),
        };
        self.own.set_value(Some(own));
        self.demo.set(true);
        self.show(demo_portfolio(self.today));
    }

    /// Leaves the demo and brings back the user's own data.
    pub fn leave_demo(self) {
        if let Some(own) = self.own.try_update_value(|o| o.take()).flatten() {
            self.owner.set(own.owner);
            self.clients.set(own.clients);
        }
        self.demo.set(false);
    }

    /// Marks a client (and/or the index) unsaved and schedules a save.
    fn changed(self, id: Option<&Id>, meta: bool) {
        if self.demo.get_untracked() {
            return;
        }
        let needs_timer = self
            .saver
            .try_update_value(|s| {
                if let Some(id) = id {
                    s.dirty.insert(id.clone());
                }
                s.meta_dirty |= meta;
                s.timer.is_none() && s.storage.is_some()
            })
            .unwrap_or(false);
        if needs_timer {
            preload_saving();
            let handle = set_timeout_with_handle(move || self.flush(), SAVE_DELAY).ok();
            self.saver.update_value(|s| s.timer = handle);
        }
    }

    /// Writes every unsaved client: at once when the saving code is loaded
    /// (it is fetched early, see [`preload_saving`]), so a save on page hide
    /// is synchronous; otherwise as soon as it arrives.
    pub fn flush(self) {
        self.try_flush();
    }

    /// [`Store::flush`], saying whether it is done: false while the saving
    /// code is still on its way.
    fn try_flush(self) -> bool {
        if self.saving_paused() {
            return true;
        }
        now_or_soon(async move {
            if split_call!(write_changes(self)).is_err() {
                // Still marked unsaved: the next change or flush tries again.
                self.piece_missing("save your latest changes (they are still on this page)");
            }
        })
    }

    /// Nothing is saved while the demo is shown or the data is read-only.
    fn saving_paused(self) -> bool {
        self.demo.get_untracked() || self.persistence.get_untracked() == Persistence::ReadOnly
    }

    /// Writes every unsaved client now, for code that already runs in a
    /// loaded piece of the app (import, the demo).
    fn flush_now(self) {
        if !self.saving_paused() {
            self.write_now();
        }
    }

    fn write_now(self) {
        let Some(storage) = self.saver.try_update_value(|s| {
            if let Some(t) = s.timer.take() {
                t.clear();
            }
            s.storage.clone()
        }) else {
            return;
        };
        let Some(storage) = storage else { return };
        let (dirty, removed, meta) = self
            .saver
            .with_value(|s| (s.dirty.clone(), s.removed.clone(), s.meta_dirty));
        let mut failure = None;
        let mut stale = Vec::new();
        for id in dirty {
            let Some(slot) = self.find(&id) else {
                self.saver.update_value(|s| {
                    s.dirty.remove(&id);
                });
                continue;
            };
            let key = client_key(&id);
            let stored = storage.get(&key);
            let base = self.saver.with_value(|s| s.revisions.get(&id).copied());
            match check_write(stored.as_deref().and_then(stored_rev), base) {
                WriteCheck::Fresh { next_rev } => {
                    let text = encode_client(&StoredClient {
                        rev: next_rev,
                        client: slot.client.get_untracked(),
                    });
                    match storage.set(&key, &text) {
                        Ok(()) => self.saver.update_value(|s| {
                            s.revisions.insert(id.clone(), next_rev);
                            s.dirty.remove(&id);
                        }),
                        Err(e) => {
                            failure = Some(e);
                            break;
                        }
                    }
                }
                WriteCheck::Stale { .. } => stale.push((slot, stored)),
            }
        }
        if failure.is_none() {
            for id in removed {
                storage.remove(&client_key(&id));
                self.saver.update_value(|s| {
                    s.removed.remove(&id);
                    s.revisions.remove(&id);
                });
            }
            if meta {
                match storage.set(META_KEY, &encode_portfolio_meta(&self.portfolio())) {
                    Ok(()) => self.saver.update_value(|s| s.meta_dirty = false),
                    Err(e) => failure = Some(e),
                }
            }
        }
        for (slot, stored) in stale {
            self.take_theirs(&slot, stored.as_deref());
            self.notify(
                NoticeKind::Warning,
                &format!(
                    "{} was changed in another tab or window. To avoid overwriting that, the newer version is shown here and your last change to it was not saved.",
                    slot.client.with_untracked(|c| c.profile.name.clone())
                ),
                None,
            );
        }
        match failure {
            Some(e) => {
                if self.persistence.get_untracked() != Persistence::Full {
                    self.notify(
                        NoticeKind::Error,
                        &format!("Your latest changes could not be saved: {e}. They are safe in this page for now; export a file to keep them, then free some space (Settings lists backups you can delete)."),
                        Some(NoticeAction::Export),
                    );
                }
                self.persistence.set(Persistence::Full);
            }
            None => {
                if self.persistence.get_untracked() == Persistence::Full {
                    self.persistence.set(Persistence::Saved);
                    self.notify(NoticeKind::Info, "All your changes are saved again.", None);
                }
            }
        }
    }

    /// Loads another tab's version of a client (or drops it if deleted there).
    fn take_theirs(self, slot: &ClientSlot, stored: Option<&str>) {
        match stored.map(decode_client) {
            Some(Ok(theirs)) => {
                self.saver.update_value(|s| {
                    s.dirty.remove(&slot.id);
                    s.revisions.insert(slot.id.clone(), theirs.rev);
                });
                self.change_record(slot, |c| *c = theirs.client);
            }
            Some(Err(_)) => {
                // Unreadable: keep ours in memory, unsaved; the next start-up
                // sets the stored text aside.
                self.saver.update_value(|s| {
                    s.dirty.remove(&slot.id);
                });
            }
            None => {
                self.saver.update_value(|s| {
                    s.dirty.remove(&slot.id);
                    s.revisions.remove(&slot.id);
                });
                self.clients.update(|cs| cs.retain(|s| s.id != slot.id));
            }
        }
    }

    fn on_storage_event(self, e: &web_sys::StorageEvent) {
        if self.demo.get_untracked() {
            return;
        }
        let Some(key) = e.key() else { return };
        if let Some(id) = client_id_from_key(&key) {
            let unsaved = self.saver.with_value(|s| s.dirty.contains(&id));
            match self.find(&id) {
                Some(slot) => {
                    self.take_theirs(&slot, e.new_value().as_deref());
                    if unsaved {
                        self.notify(
                            NoticeKind::Warning,
                            &format!(
                                "{} was changed in another tab or window while you were editing it here. Its newer version is shown; your last change to it was not saved.",
                                slot.client.with_untracked(|c| c.profile.name.clone())
                            ),
                            None,
                        );
                    }
                }
                None => {
                    if let Some(Ok(stored)) = e.new_value().as_deref().map(decode_client) {
                        let slot = self.slot(stored.client);
                        self.saver.update_value(|s| {
                            s.revisions.insert(id, stored.rev);
                        });
                        self.clients.update(|cs| cs.push(slot));
                    }
                }
            }
        } else if key == META_KEY {
            if let Some(Ok(meta)) = e.new_value().as_deref().map(decode_meta) {
                self.owner.set(meta.owner);
                let order: BTreeMap<Id, usize> = crate::domain::sorting::map_from(
                    meta.order.into_iter().enumerate().map(|(i, id)| (id, i)),
                );
                self.clients.update(|cs| {
                    crate::domain::sorting::sort_by_key(cs, |s| {
                        order.get(&s.id).copied().unwrap_or(usize::MAX)
                    })
                });
            }
        } else if let Some(info) = local::parse_backup_key(&key) {
            if e.new_value().is_some() {
                self.backups.update(|b| {
                    if !b.iter().any(|x| x.key == info.key) {
                        b.insert(0, info);
                    }
                });
            } else {
                self.backups.update(|b| b.retain(|x| x.key != key));
            }
        }
    }

    /// The storage, when there is one (for Settings and downloads).
    pub fn local_store(self) -> Option<LocalStore> {
        self.saver.with_value(|s| s.storage.clone())
    }

    /// Whether any change is not yet saved.
    pub fn has_unsaved(self) -> bool {
        self.saver
            .with_value(|s| !s.dirty.is_empty() || !s.removed.is_empty() || s.meta_dirty)
    }
}

/// What start-up read, and whether tidying up storage worked.
type ReadSaved = (local::Loaded, Result<(), WriteError>);

split_point!(
    saved_data,
    /// Reads and tidies what local storage holds: decoding, migrations, setting
    /// unreadable records aside. Only called when there is something to read.
    fn read_saved(
        storage: LocalStore,
        entries: Vec<(String, String)>,
        now: String,
    ) -> Result<ReadSaved, PieceMissing> {
        let loaded = local::load(&entries, &now);
        // Data from a newer version is never touched, not even tidied.
        let tidied = if loaded.newer.is_empty() {
            storage.apply(&loaded.plan)
        } else {
            Ok(())
        };
        Ok((loaded, tidied))
    }
);

split_point!(
    saved_data,
    /// Encodes and writes every unsaved client.
    fn write_changes(store: Store) -> Result<(), PieceMissing> {
        store.write_now();
        Ok(())
    }
);

split_point!(
    saved_data,
    /// Takes in what another tab or window saved.
    fn follow_other_tab(store: Store, event: web_sys::StorageEvent) -> Result<(), PieceMissing> {
        store.on_storage_event(&event);
        Ok(())
    }
);

/// Fetches the saving code before it is needed (once stored data is read, or
/// when someone with no data yet starts using the page). A failed fetch is
/// reported by the save that needs it.
fn preload_saving() {
    #[cfg(continuum_split)]
    wasm_bindgen_futures::spawn_local(async {
        let _ = __wasm_split_preload_write_changes().await;
    });
}

/// On a first visit nothing is stored yet: the saving code is fetched as
/// soon as the user starts doing something (a press, a key, a field
/// focused), long before a first change can be saved, and not as part of
/// the first load.
fn preload_saving_on_first_use() {
    let started = std::rc::Rc::new(std::cell::Cell::new(false));
    for event in ["pointerdown", "keydown", "focusin"] {
        let started = started.clone();
        let _ = window_event_listener_untyped(event, move |_| {
            if !started.replace(true) {
                preload_saving();
            }
        });
    }
}

/// Runs a call of a split function at once when its piece of the app is
/// already loaded (always, in builds that are not split, such as the browser
/// tests), or else as soon as the piece has arrived; true when it ran at
/// once. Polled once here: the first poll either finishes the call or starts
/// the fetch, and the executor polls it from then on.
fn now_or_soon(call: impl std::future::Future<Output = ()> + 'static) -> bool {
    let mut call = Box::pin(call);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    if call.as_mut().poll(&mut cx).is_pending() {
        wasm_bindgen_futures::spawn_local(call);
        return false;
    }
    true
}
