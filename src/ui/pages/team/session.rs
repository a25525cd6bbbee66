//! The team files a manager has opened in this tab ([`TeamSession`]):
//! opening them a file at a time, the team summary computed once per change
//! of the files, the demo team, and closing, apart from the manager's own
//! portfolio. Remembering on this browser is in `remember.rs`.

use std::collections::BTreeMap;
use std::future::Future;

use leptos::prelude::*;

use crate::domain::sample::demo_team;
use crate::domain::team::{person_row, team_with_people, Member, PersonRow, Team as TeamSummary};
use crate::domain::Date;
use crate::edge::session;
use crate::storage::import_json;
use crate::storage::team_files::{place_member, Placed};
use crate::ui::files::{read_file, yield_to_browser};
use crate::ui::locked::LockedFile;
use crate::ui::store::Store;

/// A file that could not be opened, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct FailedFile {
    pub file: String,
    pub message: String,
    pub problems: Vec<String>,
}

/// What reading one file gave.
pub(super) enum Parsed {
    /// An export, with its person's row computed while it was read.
    Opened(Member, PersonRow),
    Locked(LockedFile),
    Failed(FailedFile),
}

/// Each person's row by (file, owner), with the day it was computed for.
type Rows = BTreeMap<(String, String), (Date, PersonRow)>;

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
    /// Files being read: (done, of how many); `(0, 0)` while remembered
    /// files are looked for.
    pub progress: RwSignal<Option<(usize, usize)>>,
    /// The files open are the generated demo team: nothing is remembered.
    pub demo: RwSignal<bool>,
    /// The team summary, computed once per change of the files (or of the
    /// day), not once per visit to a team page: made on the first visit
    /// (so its code stays in the team page's piece of wasm) but owned by
    /// the root, so it outlives the page.
    summary: StoredValue<Option<Memo<TeamSummary>>>,
    root: StoredValue<Owner>,
    today: ReadSignal<Date>,
    /// Each person's row, computed once per file as it is read.
    rows: StoredValue<Rows>,
    /// Remembered files are read once per page load.
    pub(super) restored: RwSignal<bool>,
}

/// Where the session is kept: provided at the root, filled by the first
/// team page that asks (see [`use_team`]).
#[derive(Clone, Copy)]
struct TeamHolder {
    session: StoredValue<Option<TeamSession>>,
    root: StoredValue<Owner>,
    today: ReadSignal<Date>,
}

impl TeamSession {
    /// Provided at the root so the files, and the summary over them,
    /// survive moves between pages. Only an empty holder is made here: the
    /// session's signals are made on the first visit to a team page, so
    /// their code stays in the team pages' piece of the app, not the shell
    /// every first visit downloads.
    pub fn provide(today: ReadSignal<Date>) {
        provide_context(TeamHolder {
            session: StoredValue::new(None),
            root: StoredValue::new(Owner::current().unwrap_or_default()),
            today,
        });
    }

    fn new(root: StoredValue<Owner>, today: ReadSignal<Date>) -> TeamSession {
        TeamSession {
            members: RwSignal::new(Vec::new()),
            failed: RwSignal::new(Vec::new()),
            locked: RwSignal::new(Vec::new()),
            remembered: RwSignal::new(false),
            status: RwSignal::new(None),
            progress: RwSignal::new(None),
            demo: RwSignal::new(false),
            summary: StoredValue::new(None),
            root,
            today,
            rows: StoredValue::new(BTreeMap::new()),
            restored: RwSignal::new(false),
        }
    }

    /// The team summary over the opened files (see the field).
    pub fn summary(self) -> Memo<TeamSummary> {
        if let Some(memo) = self.summary.get_value() {
            return memo;
        }
        let (members, rows, today) = (self.members, self.rows, self.today);
        // Always "changed": it only reruns when the files or the day change,
        // and comparing thousands of clients would cost as much as the summary.
        let memo = self.root.get_value().with(|| {
            Memo::new_with_compare(
                move |_| {
                    let today = today.get();
                    members.with(|ms| {
                        let people = ms.iter().map(|m| row_of(rows, m, today)).collect();
                        team_with_people(ms, people, today)
                    })
                },
                |_, _| true,
            )
        });
        self.summary.set_value(Some(memo));
        memo
    }

    /// Reads one file: an export (with its person's row), a locked file,
    /// or what is wrong with it.
    pub(super) fn parse(file: String, bytes: &[u8], today: Date) -> Parsed {
        if let Some(locked) = LockedFile::recognise(file.clone(), bytes) {
            return Parsed::Locked(locked);
        }
        match import_json(bytes) {
            Ok(imported) => {
                let member = Member::new(file, imported.portfolio);
                let row = person_row(&member, today);
                Parsed::Opened(member, row)
            }
            Err(e) => {
                let problems: Vec<String> = e.problems().iter().map(ToString::to_string).collect();
                // The error's own text repeats its problems: list them once.
                let message = match problems.len() {
                    0 => e.to_string(),
                    1 => "1 problem:".to_string(),
                    n => format!("{n} problems:"),
                };
                Parsed::Failed(FailedFile {
                    file,
                    message,
                    problems,
                })
            }
        }
    }

    /// Adds read files at once (one new summary for all of them): each
    /// replaces the same person's file of that name; another person's file
    /// of that name stays beside it; a failed file is listed.
    pub(super) fn accept(self, parsed: Vec<(String, Parsed)>, today: Date) {
        let names: Vec<&String> = parsed.iter().map(|(name, _)| name).collect();
        self.failed
            .update(|f| f.retain(|x| !names.contains(&&x.file)));
        self.locked
            .update(|l| l.retain(|x| !names.contains(&&x.name)));
        let mut opened = Vec::new();
        for (_, p) in parsed {
            match p {
                Parsed::Opened(member, row) => {
                    let key = (member.file.clone(), member.owner.clone());
                    self.rows.update_value(|r| {
                        r.insert(key, (today, row));
                    });
                    opened.push(member);
                }
                Parsed::Locked(locked) => self.locked.update(|l| l.push(locked)),
                Parsed::Failed(failed) => self.failed.update(|f| f.push(failed)),
            }
        }
        if opened.is_empty() {
            return;
        }
        let mut beside = Vec::new();
        self.members.update(|ms| {
            for member in opened {
                let (file, owner) = (member.file.clone(), member.owner.clone());
                if place_member(ms, member) == Placed::BesideNamesake {
                    beside.push(format!(
                        "Another file named {file} is already open from someone else: both are shown, this one as {owner}'s."
                    ));
                }
            }
        });
        if !beside.is_empty() {
            self.status.set(Some(beside.join(" ")));
        }
    }

    /// Reads `files` a file at a time, handing the browser back its main
    /// thread between files so the page stays responsive and the progress
    /// shows; the board appears once, when all are read.
    pub(super) async fn read_all<F>(self, files: Vec<F>, today: Date, read: impl AsyncRead<F>) {
        let total = files.len();
        reserve_memory(files.iter().map(|f| read.size(f)).sum::<usize>() / 2);
        let mut parsed = Vec::with_capacity(total);
        let mut files = files.into_iter();
        let mut next = files.next().map(|f| read.start(f));
        while let Some(reading) = next.take() {
            self.progress.set(Some((parsed.len(), total)));
            yield_to_browser().await;
            let (name, bytes) = reading.await;
            // The browser reads the next file while this one is parsed.
            next = files.next().map(|f| read.start(f));
            let p = match bytes {
                Ok(bytes) => Self::parse(name.clone(), &bytes, today),
                Err(message) => Parsed::Failed(FailedFile {
                    file: name.clone(),
                    message,
                    problems: Vec::new(),
                }),
            };
            parsed.push((name, p));
        }
        self.progress.set(Some((total, total)));
        yield_to_browser().await;
        self.accept(parsed, today);
        self.progress.set(None);
    }

    /// Opens the generated demo team (invented people, dated from `today`)
    /// in place of any open files; nothing is stored, but this tab notes it
    /// is open so a reload keeps it.
    pub(super) fn open_demo(self, today: Date) {
        let members = demo_team(today)
            .into_iter()
            .map(|p| Member::new(format!("Demo team – {}.json", p.owner), p))
            .collect();
        self.rows.update_value(BTreeMap::clear);
        self.members.set(members);
        self.failed.set(Vec::new());
        self.locked.set(Vec::new());
        self.remembered.set(false);
        self.demo.set(true);
        session::remember_team_demo(true);
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
            self.leave_demo();
        }
        self.status.set(None);
        let today = store.today.get_untracked();
        leptos::task::spawn_local(async move {
            self.read_all(files, today, PickedFile).await;
            if self.remembered.get_untracked() {
                self.remember(store);
            }
        });
    }

    fn leave_demo(self) {
        self.demo.set(false);
        session::remember_team_demo(false);
        self.members.set(Vec::new());
        self.rows.update_value(BTreeMap::clear);
    }

    /// Opens a locked file's unlocked export in place of the locked file.
    pub(super) fn open_unlocked(self, store: Store, file: String, bytes: &[u8]) {
        let today = store.today.get_untracked();
        let parsed = Self::parse(file.clone(), bytes, today);
        self.accept(vec![(file, parsed)], today);
        if self.remembered.get_untracked() {
            self.remember(store);
        }
    }

    /// Forgets every opened file, in this tab and on this browser.
    pub(super) fn close(self, store: Store) {
        let was_demo = self.demo.get_untracked();
        Self::forget_stored(store);
        self.leave_demo();
        self.failed.set(Vec::new());
        self.locked.set(Vec::new());
        self.remembered.set(false);
        let text = if was_demo {
            "The demo team is closed."
        } else {
            "The team files are closed and forgotten on this browser."
        };
        self.status.set(Some(text.into()));
    }
}

/// A person's row from the cache, or computed (and kept) when the file is
/// new to it or the day moved on.
fn row_of(rows: StoredValue<Rows>, m: &Member, today: Date) -> PersonRow {
    let key = (m.file.clone(), m.owner.clone());
    let cached = rows.with_value(|r| {
        r.get(&key)
            .filter(|(day, _)| *day == today)
            .map(|(_, row)| row.clone())
    });
    cached.unwrap_or_else(|| {
        let row = person_row(m, today);
        rows.update_value(|r| {
            r.insert(key, (today, row.clone()));
        });
        row
    })
}

/// One file's name and bytes, or why it could not be read.
type ReadFile = (String, Result<Vec<u8>, String>);

/// How [`TeamSession::read_all`] gets one file's name and bytes: reading
/// starts when `start` is called, not when its future is first awaited.
pub(super) trait AsyncRead<F> {
    fn start(&self, file: F) -> impl Future<Output = ReadFile> + 'static;
    /// The file's size in bytes, before it is read.
    fn size(&self, file: &F) -> usize;
}

/// Has the allocator take `bytes` of memory from the browser in one step,
/// before the files are read. The records read from exported files take
/// about two thirds of the files' size; taken as they come, that was some
/// 250 steps, which cost the page 13–47 ms for a team of twenty. Half the
/// files' size stays below what the records take (for a file that opens),
/// so no memory is taken that would not be. If the browser refuses, the
/// files are read as before.
fn reserve_memory(bytes: usize) {
    const MOST: usize = 512 * 1024 * 1024;
    let mut room: Vec<u8> = Vec::new();
    if room.try_reserve_exact(bytes.min(MOST)).is_ok() {
        // Not optimised away: the allocation is the point.
        std::hint::black_box(&room);
    }
}

/// A picked or dropped file.
pub(super) struct PickedFile;

impl AsyncRead<web_sys::File> for PickedFile {
    fn start(&self, file: web_sys::File) -> impl Future<Output = ReadFile> + 'static {
        let name = file.name();
        let bytes = read_file(&file);
        async move { (name, bytes.await) }
    }

    fn size(&self, file: &web_sys::File) -> usize {
        file.size() as usize
    }
}

/// A remembered file's name and text.
pub(super) struct Remembered;

impl AsyncRead<(String, String)> for Remembered {
    fn start(&self, (name, text): (String, String)) -> impl Future<Output = ReadFile> + 'static {
        std::future::ready((name, Ok(text.into_bytes())))
    }

    fn size(&self, (_, text): &(String, String)) -> usize {
        text.len()
    }
}

/// The session, made (owned by the app's root) on first use.
pub fn use_team() -> TeamSession {
    let holder = expect_context::<TeamHolder>();
    if let Some(session) = holder.session.get_value() {
        return session;
    }
    let session = holder
        .root
        .with_value(|owner| owner.with(|| TeamSession::new(holder.root, holder.today)));
    holder.session.set_value(Some(session));
    session
}

/// The team summary for the opened files (kept in the session: a page that
/// mounts reads it, it does not recompute it).
pub fn team_memo(session: TeamSession, _today: ReadSignal<Date>) -> Memo<TeamSummary> {
    session.summary()
}
