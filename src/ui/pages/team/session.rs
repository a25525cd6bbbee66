//! The team files a manager has opened in this tab ([`TeamSession`]):
//! opening, remembering on this browser and closing them, apart from the
//! manager's own portfolio.

use leptos::prelude::*;

use crate::domain::sample::demo_team;
use crate::domain::team::{team, Member, Team as TeamSummary};
use crate::domain::Date;
use crate::edge::local_storage::WriteError;
use crate::storage::file::export_json_compact;
use crate::storage::import_json;
use crate::storage::team_files::{
    is_team_key, place_member, remembered_team_files, team_file_key, Placed,
};
use crate::ui::files::read_file;
use crate::ui::locked::LockedFile;
use crate::ui::store::{now_iso, Store};

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
    /// Locked files waiting for their passphrase.
    pub locked: RwSignal<Vec<LockedFile>>,
    /// The manager asked to keep these files on this browser.
    pub remembered: RwSignal<bool>,
    /// The outcome of the last remember, open or close, for the status line.
    pub status: RwSignal<Option<String>>,
    /// Files are being read.
    pub reading: RwSignal<usize>,
    /// The files open are the generated demo team: nothing is remembered.
    pub demo: RwSignal<bool>,
    /// Remembered files are read once per page load.
    restored: RwSignal<bool>,
}

impl TeamSession {
    /// Provided at the root so the files survive moves between team pages.
    pub fn provide() {
        provide_context(TeamSession {
            members: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            locked: RwSignal::new(Vec::new()),
            remembered: RwSignal::new(false),
            status: RwSignal::new(None),
            reading: RwSignal::new(0),
            demo: RwSignal::new(false),
            restored: RwSignal::new(false),
        });
    }

    /// Reads the remembered files, once.
    pub(super) fn restore(self, store: Store) {
        if self.restored.get_untracked() {
            return;
        }
        self.restored.set(true);
        let Some(storage) = store.local_store() else {
            return;
        };
        let files = remembered_team_files(&storage.entries());
        if files.is_empty() {
            return;
        }
        for (file, text) in files {
            self.open(file, text.as_bytes());
        }
        self.remembered.set(true);
    }

    /// Adds one file (replacing the same person's file of that name; another
    /// person's file of that name stays beside it) or lists
    /// its errors; other files are not affected either way.
    pub(super) fn open(self, file: String, bytes: &[u8]) {
        self.failed.update(|f| f.retain(|x| x.file != file));
        self.locked.update(|l| l.retain(|x| x.name != file));
        if let Some(locked) = LockedFile::recognise(file.clone(), bytes) {
            self.locked.update(|l| l.push(locked));
            return;
        }
        match import_json(bytes) {
            Ok(imported) => {
                let member = Member::new(file.clone(), imported.portfolio);
                let owner = member.owner.clone();
                let placed = self
                    .members
                    .try_update(|ms| place_member(ms, member))
                    .unwrap_or(Placed::Added);
                if placed == Placed::BesideNamesake {
                    self.status.set(Some(format!(
                        "Another file named {file} is already open from someone else: both are shown, this one as {owner}'s."
                    )));
                }
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

    /// Opens the generated demo team (invented people, dated from `today`)
    /// in place of any open files; nothing is stored.
    pub(super) fn open_demo(self, today: Date) {
        let members = demo_team(today)
            .into_iter()
            .map(|p| Member::new(format!("Demo team – {}.json", p.owner), p))
            .collect();
        self.members.set(members);
        self.failed.set(Vec::new());
        self.locked.set(Vec::new());
        self.remembered.set(false);
        self.demo.set(true);
        self.status.set(Some(
            "The demo team is open: five invented salespeople. Nothing is stored, and your own portfolio is untouched.".into(),
        ));
    }

    /// Reads picked or dropped files, each on its own.
    pub(super) fn open_files(self, store: Store, files: web_sys::FileList) {
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if files.is_empty() {
            return;
        }
        // Real files replace the demo team rather than join it.
        if self.demo.get_untracked() {
            self.demo.set(false);
            self.members.set(Vec::new());
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

    /// Opens a locked file's unlocked export in place of the locked file.
    pub(super) fn open_unlocked(self, store: Store, file: String, bytes: &[u8]) {
        self.locked.update(|l| l.retain(|x| x.name != file));
        self.open(file, bytes);
        if self.remembered.get_untracked() {
            self.remember(store);
        }
    }

    /// Removes every remembered team file from this browser.
    pub(super) fn forget_stored(store: Store) {
        if let Some(storage) = store.local_store() {
            for (key, _) in storage.entries() {
                if is_team_key(&key) {
                    storage.remove(&key);
                }
            }
        }
    }

    /// Keeps the opened files on this browser; if they do not fit, nothing
    /// is kept and the session copy stays open.
    pub(super) fn remember(self, store: Store) {
        if self.demo.get_untracked() {
            return;
        }
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
                let key = team_file_key(i, &m.file);
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
    pub(super) fn close(self, store: Store) {
        Self::forget_stored(store);
        self.members.set(Vec::new());
        self.failed.set(Vec::new());
        self.locked.set(Vec::new());
        self.remembered.set(false);
        let text = if self.demo.get_untracked() {
            "The demo team is closed."
        } else {
            "The team files are closed and forgotten on this browser."
        };
        self.demo.set(false);
        self.status.set(Some(text.into()));
    }
}

pub fn use_team() -> TeamSession {
    expect_context::<TeamSession>()
}

/// The team summary for the opened files, recomputed when they change.
pub fn team_memo(session: TeamSession, today: ReadSignal<Date>) -> Memo<TeamSummary> {
    Memo::new(move |_| session.members.with(|ms| team(ms, today.get())))
}
