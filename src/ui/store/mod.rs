//! The one place the app's state lives, provided by context at the root.
//!
//! Pages read the state through read-only signals and change it only
//! through the Store's methods, each of which also tells the save engine
//! ([`crate::present::save`]) what became unsaved. Each client has its own
//! signal, so an edit to one client re-renders and re-computes only that
//! client (its verdict and warning signs are a memo over it and `today`),
//! and saving writes only that client's key.
//!
//! Reading, saving and following other tabs are split points (see
//! `src/ui/split.rs`): in the release build their code is a piece of the app
//! fetched when first needed, so a first visit, with nothing stored, never
//! downloads it. While stored data is read, `ready` is false and the pages
//! wait.

mod backup;
mod clock;
mod edits;
mod folder;
mod notices;
mod saving;
mod start;
mod tabs;

use leptos::prelude::*;

pub use self::clock::{new_id, now_iso, now_stamp, today};
pub use self::edits::open_demo;
pub use self::notices::{Notice, NoticeAction, NoticeKind};
pub use self::tabs::keep_my_version;
use crate::domain::{assess, Client, ClientView, Date, Id, Portfolio};
use crate::present::backup::BackupRecord;
use crate::present::folder::FolderState;
pub use crate::present::save::Persistence;
use crate::storage::local::BackupInfo;

/// One client in the store: its data, and its verdict and warning signs.
/// Pages read the client; only the store changes it, so that every change
/// also reaches [`Store::records_changed`].
#[derive(Clone)]
pub struct ClientSlot {
    pub id: Id,
    pub client: ReadSignal<Client>,
    write: WriteSignal<Client>,
    /// The verdict memo, made by the first page that asks (see [`Self::view`]).
    view: StoredValue<Option<Memo<ClientView>>>,
    today: ReadSignal<Date>,
    root: StoredValue<Owner>,
}

impl ClientSlot {
    /// The client's verdict and warning signs: a memo over the client and
    /// `today`, owned by the app's root so it outlives the page that made it.
    ///
    /// Made on first use rather than with the slot: only pages read it, so
    /// the engine and the warning signs stay in the pages' pieces of the app
    /// instead of the shell every first visit downloads (see
    /// docs/performance.md, "First load").
    pub fn view(&self) -> Memo<ClientView> {
        if let Some(memo) = self.view.get_value() {
            return memo;
        }
        let (client, today) = (self.client, self.today);
        let memo = self.root.with_value(|owner| {
            owner.with(|| Memo::new(move |_| client.with(|c| assess(c, today.get()))))
        });
        self.view.set_value(Some(memo));
        memo
    }
}

/// Notified whenever any client's record changes. A view over the whole
/// portfolio (the board's rows) tracks this and the client list instead of
/// thousands of clients' own signals: reading a memo copies its list of
/// sources each time, which at 2,000 clients cost the board milliseconds
/// per opening. Pages can only track it; the store notifies it.
#[derive(Clone, Copy)]
pub struct RecordsChanged(Trigger);

impl RecordsChanged {
    pub fn track(&self) {
        self.0.track();
    }
}

/// The write halves of the Store's signals: private, so every change goes
/// through a Store method.
#[derive(Clone, Copy)]
struct Setters {
    owner: WriteSignal<String>,
    clients: WriteSignal<Vec<ClientSlot>>,
    notices: WriteSignal<Vec<Notice>>,
    persistence: WriteSignal<Persistence>,
    backups: WriteSignal<Vec<BackupInfo>>,
    quarantine_keys: WriteSignal<Vec<String>>,
    demo: WriteSignal<bool>,
    ready: WriteSignal<bool>,
    deleted: WriteSignal<Option<(usize, Client)>>,
    backup: WriteSignal<BackupRecord>,
    folder: WriteSignal<FolderState>,
    folder_passphrase: WriteSignal<bool>,
    gut_skipped: WriteSignal<Vec<Id>>,
}

#[derive(Clone, Copy)]
pub struct Store {
    /// Today in the user's time zone; moves on at midnight (see `clock.rs`).
    pub today: ReadSignal<Date>,
    pub owner: ReadSignal<String>,
    pub clients: ReadSignal<Vec<ClientSlot>>,
    pub notices: ReadSignal<Vec<Notice>>,
    pub persistence: ReadSignal<Persistence>,
    pub backups: ReadSignal<Vec<BackupInfo>>,
    pub quarantine_keys: ReadSignal<Vec<String>>,
    /// The demo portfolio is shown instead of the user's own data.
    pub demo: ReadSignal<bool>,
    /// False while what local storage holds is being read at start-up; the
    /// pages wait for it, so nothing shows an empty portfolio meanwhile.
    pub ready: ReadSignal<bool>,
    /// The last deleted client and where it was, for undo.
    pub deleted: ReadSignal<Option<(usize, Client)>>,
    /// When the data was last saved to a file, and changes since (kept
    /// under its own key, see `backup.rs`).
    pub backup: ReadSignal<BackupRecord>,
    /// The folder automatic backups go to, and whether it can be written.
    pub folder: ReadSignal<FolderState>,
    /// The passphrase for locked backups was typed on this page (it is
    /// kept in memory only, never stored).
    pub folder_passphrase: ReadSignal<bool>,
    /// The check-ups (by assessment id) whose gut call the user skipped in
    /// this session: a choice about what to see, not data, so not saved.
    pub gut_skipped: ReadSignal<Vec<Id>>,
    pub records_changed: RecordsChanged,
    set: Setters,
    saver: StoredValue<saving::Saver, LocalStorage>,
    own: StoredValue<Option<edits::OwnData>, LocalStorage>,
    root: StoredValue<Owner>,
    kept: StoredValue<folder::Kept, LocalStorage>,
}

/// The store provided at the root.
pub fn use_store() -> Store {
    expect_context::<Store>()
}

impl Store {
    /// Loads what local storage holds (or starts in memory with a warning)
    /// and provides the store to the app.
    pub fn provide() -> Store {
        let (today, set_today) = signal(clock::today());
        let (owner, set_owner) = signal(String::new());
        let (clients, set_clients) = signal(Vec::new());
        let (notices, set_notices) = signal(Vec::new());
        let (persistence, set_persistence) = signal(Persistence::Saved);
        let (backups, set_backups) = signal(Vec::new());
        let (quarantine_keys, set_quarantine_keys) = signal(Vec::new());
        let (demo, set_demo) = signal(false);
        let (ready, set_ready) = signal(true);
        let (deleted, set_deleted) = signal(None);
        let (backup, set_backup) = signal(backup::stored_record());
        let (folder, set_folder) = signal(FolderState::NotChosen);
        let (folder_passphrase, set_folder_passphrase) = signal(false);
        let (gut_skipped, set_gut_skipped) = signal(Vec::new());
        let store = Store {
            today,
            owner,
            clients,
            notices,
            persistence,
            backups,
            quarantine_keys,
            demo,
            ready,
            deleted,
            backup,
            folder,
            folder_passphrase,
            gut_skipped,
            records_changed: RecordsChanged(Trigger::new()),
            set: Setters {
                owner: set_owner,
                clients: set_clients,
                notices: set_notices,
                persistence: set_persistence,
                backups: set_backups,
                quarantine_keys: set_quarantine_keys,
                demo: set_demo,
                ready: set_ready,
                deleted: set_deleted,
                backup: set_backup,
                folder: set_folder,
                folder_passphrase: set_folder_passphrase,
                gut_skipped: set_gut_skipped,
            },
            saver: StoredValue::new_local(saving::Saver::default()),
            own: StoredValue::new_local(None),
            root: StoredValue::new(Owner::current().unwrap_or_default()),
            kept: StoredValue::new_local(folder::Kept::default()),
        };
        provide_context(store);
        clock::follow_today(set_today);
        store.start();
        store.listen();
        store.follow_folder();
        store
    }

    fn slot(self, client: Client) -> ClientSlot {
        self.root.with_value(|owner| {
            owner.with(|| {
                let id = client.id.clone();
                let (client, write) = signal(client);
                ClientSlot {
                    id,
                    client,
                    write,
                    view: StoredValue::new(None),
                    today: self.today,
                    root: self.root,
                }
            })
        })
    }

    /// Changes one client's record (the only place that does).
    fn change_record(self, slot: &ClientSlot, change: impl FnOnce(&mut Client)) {
        slot.write.update(change);
        self.records_changed.0.notify();
    }

    /// Replaces what is shown (no storage writes).
    fn show(self, portfolio: Portfolio) {
        let slots = portfolio
            .clients
            .into_iter()
            .map(|c| self.slot(c))
            .collect();
        self.set.owner.set(portfolio.owner);
        self.set.clients.set(slots);
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
}
