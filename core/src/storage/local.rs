//! Local storage as pure functions: the key scheme, start-up loading that
//! never destroys, revision checks between tabs, and backups.
//!
//! The browser code reads every key under [`PREFIX`], calls [`load`], applies
//! the returned [`Plan`] (writes first, then removals) and shows the notices.
//! Saving one client writes one key ([`client_key`], [`encode_client`]) after
//! [`check_write`] against the revision currently stored.

use std::collections::{BTreeMap, BTreeSet};

use super::compact::{
    decode_client, decode_meta, encode_client, encode_meta, DecodeError, Meta, StoredClient,
    STORAGE_VERSION,
};
use super::file::{export_json_compact, import_json};
use crate::domain::{Client, Id, Portfolio};

/// Every Continuum key starts with this.
pub const PREFIX: &str = "continuum";
/// The index record.
pub const META_KEY: &str = "continuum/v1/meta";
const CLIENT_PREFIX: &str = "continuum/v1/client/";
const QUARANTINE_PREFIX: &str = "continuum/v1/quarantine/";
const BACKUP_PREFIX: &str = "continuum/v1/backup/";
/// Where the pre-release app kept the whole portfolio, as a version 0 file.
pub const LEGACY_V0_KEY: &str = "continuum";

pub fn client_key(id: &Id) -> String {
    format!("{CLIENT_PREFIX}{id}")
}

/// The client id of a client key (for storage events from other tabs).
pub fn client_id_from_key(key: &str) -> Option<Id> {
    key.strip_prefix(CLIENT_PREFIX)
        .filter(|id| !id.is_empty())
        .map(Id::new)
}

/// Where the raw text of an unreadable key is kept, untouched.
pub fn quarantine_key(original: &str) -> String {
    format!("{QUARANTINE_PREFIX}{original}")
}

pub fn is_quarantine_key(key: &str) -> bool {
    key.starts_with(QUARANTINE_PREFIX)
}

/// Writes and removals the browser applies after [`load`], in order: all of
/// `set`, then all of `remove` (so nothing is removed before its copy exists).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub set: Vec<(String, String)>,
    pub remove: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.set.is_empty() && self.remove.is_empty()
    }
}

/// A key that could not be read at start-up: its text moves, unchanged, to
/// `quarantine_key`, and the user is told and offered it as a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub quarantine_key: String,
    pub reason: String,
}

/// What start-up found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loaded {
    /// Everything that could be read.
    pub portfolio: Portfolio,
    /// The stored revision of each loaded client: the base for the next
    /// [`check_write`].
    pub revisions: BTreeMap<Id, u64>,
    /// Keys set aside by this start-up (tell the user).
    pub quarantined: Vec<Quarantined>,
    /// Every quarantine key now present, old and new (offer downloads).
    pub quarantine_keys: Vec<String>,
    /// Backups present, newest first.
    pub backups: Vec<BackupInfo>,
    /// Keys written by a newer version of Continuum. They are left alone;
    /// while this is not empty the app should not write (tell the user to
    /// reload to update).
    pub newer: Vec<String>,
    /// Set when the data was migrated from an older storage version (a
    /// backup of the old data is part of the plan).
    pub migrated_from: Option<u64>,
    /// Storage changes to apply now.
    pub plan: Plan,
}

/// Whether start-up has anything to read: some key is under [`PREFIX`].
/// Without one, [`load`] finds an empty portfolio and plans no change, so
/// the browser skips it (and never fetches its code).
pub fn holds_saved_data(entries: &[(String, String)]) -> bool {
    entries.iter().any(|(key, _)| key.starts_with(PREFIX))
}

/// Reads every `continuum…` key into a portfolio, never losing a byte: a key
/// that fails to read is moved to a quarantine key (raw text unchanged) and
/// reported; data from a newer version is left in place and reported.
/// `now` (ISO 8601) names the backup taken before a migration.
pub fn load(entries: &[(String, String)], now: &str) -> Loaded {
    let mut out = Loaded::default();
    let mut keys = KeySpace {
        present: entries.iter().map(|(k, _)| k.as_str()).collect(),
        claimed: BTreeSet::new(),
    };
    let mut clients: BTreeMap<Id, (String, StoredClient)> = BTreeMap::new();
    let mut meta: Option<Meta> = None;
    let mut meta_needs_write = false;
    let mut legacy: Option<&str> = None;

    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    crate::domain::sorting::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    for (key, raw) in sorted {
        if key == META_KEY {
            match decode_meta(raw) {
                Ok(m) if m.version > STORAGE_VERSION => out.newer.push(key.clone()),
                Ok(m) => meta = Some(m),
                Err(reason) => {
                    quarantine(&mut out, &mut keys, key, raw, reason);
                    meta_needs_write = true;
                }
            }
        } else if let Some(id) = client_id_from_key(key) {
            match decode_client(raw) {
                Ok(stored) if stored.client.id != id => {
                    let reason = format!(
                        "holds client {:?} but is stored under {key:?}",
                        stored.client.id.as_str()
                    );
                    quarantine(&mut out, &mut keys, key, raw, reason);
                }
                Ok(stored) => {
                    clients.insert(id, (key.clone(), stored));
                }
                Err(DecodeError::Newer(_)) => out.newer.push(key.clone()),
                Err(DecodeError::Broken(reason)) => {
                    quarantine(&mut out, &mut keys, key, raw, reason);
                }
            }
        } else if is_quarantine_key(key) {
            out.quarantine_keys.push(key.clone());
        } else if let Some(info) = parse_backup_key(key) {
            out.backups.push(info);
        } else if key == LEGACY_V0_KEY {
            legacy = Some(raw);
        }
    }

    if clients.is_empty() && meta.is_none() && out.newer.is_empty() {
        if let Some(raw) = legacy {
            migrate_legacy(&mut out, &mut keys, raw, now);
            finish(&mut out);
            return out;
        }
    } else if let Some(raw) = legacy {
        // A migration that stopped after writing the new keys: drop the old
        // key only if its backup is safely there.
        let backed_up = entries
            .iter()
            .any(|(k, v)| parse_backup_key(k).is_some() && v == raw);
        if backed_up {
            out.plan.remove.push(LEGACY_V0_KEY.to_string());
        }
    }

    let (owner, order) = meta.map(|m| (m.owner, m.order)).unwrap_or_default();
    out.portfolio.owner = owner;
    // The index order first, then any client the index does not know.
    for id in order {
        if let Some((_, stored)) = clients.remove(&id) {
            out.revisions.insert(id, stored.rev);
            out.portfolio.clients.push(stored.client);
        }
    }
    if !clients.is_empty() {
        meta_needs_write = true;
    }
    for (id, (_, stored)) in clients {
        out.revisions.insert(id, stored.rev);
        out.portfolio.clients.push(stored.client);
    }
    if meta_needs_write && out.newer.is_empty() {
        // Overwritten rather than removed (its old text is already copied
        // to quarantine by an earlier write of the plan).
        out.plan.remove.retain(|k| k != META_KEY);
        out.plan
            .set
            .push((META_KEY.to_string(), encode_portfolio_meta(&out.portfolio)));
    }
    finish(&mut out);
    out
}

fn finish(out: &mut Loaded) {
    crate::domain::sorting::sort(&mut out.quarantine_keys);
    out.quarantine_keys.dedup();
    crate::domain::sorting::sort_by(&mut out.backups, |a, b| b.key.cmp(&a.key));
}

/// The keys in storage, and the quarantine names this load has handed out.
struct KeySpace<'a> {
    present: BTreeSet<&'a str>,
    claimed: BTreeSet<String>,
}

impl KeySpace<'_> {
    /// A quarantine key for `key` that overwrites no earlier quarantined text.
    fn free_quarantine_key(&mut self, key: &str) -> String {
        let base = quarantine_key(key);
        let mut target = base.clone();
        let mut n = 2;
        while self.present.contains(target.as_str()) || self.claimed.contains(&target) {
            target = format!("{base}#{n}");
            n += 1;
        }
        self.claimed.insert(target.clone());
        target
    }
}

fn quarantine(out: &mut Loaded, keys: &mut KeySpace, key: &str, raw: &str, reason: String) {
    let target = keys.free_quarantine_key(key);
    out.plan.set.push((target.clone(), raw.to_string()));
    out.plan.remove.push(key.to_string());
    out.quarantine_keys.push(target.clone());
    out.quarantined.push(Quarantined {
        key: key.to_string(),
        quarantine_key: target,
        reason,
    });
}

fn migrate_legacy(out: &mut Loaded, keys: &mut KeySpace, raw: &str, now: &str) {
    match import_json(raw.as_bytes()) {
        Ok(imported) => {
            let (backup_key, _) =
                backup_entry(&imported.portfolio, BackupReason::BeforeMigration, now);
            // The backup is the old text itself, unchanged.
            out.plan.set.push((backup_key, raw.to_string()));
            out.plan.set.extend(encode_portfolio(&imported.portfolio));
            out.plan.remove.push(LEGACY_V0_KEY.to_string());
            out.migrated_from = Some(imported.from_version);
            for c in &imported.portfolio.clients {
                out.revisions.insert(c.id.clone(), 1);
            }
            out.portfolio = imported.portfolio;
        }
        Err(e) => {
            let reason = e.to_string();
            quarantine(out, keys, LEGACY_V0_KEY, raw, reason);
        }
    }
}

/// Every key of a whole portfolio at revision 1 (after a migration, an import
/// with replace, or a restore): clients first, the index last.
pub fn encode_portfolio(p: &Portfolio) -> Vec<(String, String)> {
    let mut set: Vec<(String, String)> = p
        .clients
        .iter()
        .map(|c| {
            let stored = StoredClient {
                rev: 1,
                client: c.clone(),
            };
            (client_key(&c.id), encode_client(&stored))
        })
        .collect();
    set.push((META_KEY.to_string(), encode_portfolio_meta(p)));
    set
}

/// The index record for a portfolio.
pub fn encode_portfolio_meta(p: &Portfolio) -> String {
    encode_meta(&Meta::new(
        &p.owner,
        p.clients.iter().map(|c| c.id.clone()).collect(),
    ))
}

/// The outcome of the stale-write check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteCheck {
    /// Write, with this revision.
    Fresh { next_rev: u64 },
    /// Another tab wrote (or deleted) this client since we loaded it:
    /// refuse, load the stored data and tell the user.
    Stale { stored_rev: Option<u64> },
}

/// `stored_rev` is what is in storage now ([`stored_rev`](super::compact::stored_rev)
/// of the key's text, `None` when the key is absent); `base_rev` is the
/// revision this tab loaded (`None` for a client it created).
pub fn check_write(stored_rev: Option<u64>, base_rev: Option<u64>) -> WriteCheck {
    if stored_rev == base_rev {
        WriteCheck::Fresh {
            next_rev: base_rev.unwrap_or(0).saturating_add(1),
        }
    } else {
        WriteCheck::Stale { stored_rev }
    }
}

/// Which clients differ between two versions of the portfolio, so a save
/// writes only those keys (plus the index when the list itself changed).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub upsert: Vec<Id>,
    pub remove: Vec<Id>,
    /// Owner or client order changed: rewrite [`META_KEY`].
    pub meta: bool,
}

pub fn changes(before: &Portfolio, after: &Portfolio) -> Changes {
    let old: BTreeMap<&Id, &Client> =
        crate::domain::sorting::map_from(before.clients.iter().map(|c| (&c.id, c)));
    let new: BTreeSet<&Id> = crate::domain::sorting::set_from(after.clients.iter().map(|c| &c.id));
    let upsert = after
        .clients
        .iter()
        .filter(|c| old.get(&c.id) != Some(c))
        .map(|c| c.id.clone())
        .collect();
    let remove = before
        .clients
        .iter()
        .filter(|c| !new.contains(&c.id))
        .map(|c| c.id.clone())
        .collect();
    let ids = |p: &Portfolio| p.clients.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    Changes {
        upsert,
        remove,
        meta: before.owner != after.owner || ids(before) != ids(after),
    }
}

/// Why a backup was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackupReason {
    BeforeReplace,
    BeforeMigration,
}

impl BackupReason {
    pub fn id(self) -> &'static str {
        match self {
            BackupReason::BeforeReplace => "before-replace",
            BackupReason::BeforeMigration => "before-migration",
        }
    }
    pub fn from_id(s: &str) -> Option<BackupReason> {
        [BackupReason::BeforeReplace, BackupReason::BeforeMigration]
            .into_iter()
            .find(|r| r.id() == s)
    }
    /// What the backup list shows.
    pub fn describe(self) -> &'static str {
        match self {
            BackupReason::BeforeReplace => "Before an import replaced the portfolio",
            BackupReason::BeforeMigration => "Before the data was upgraded to a new version",
        }
    }
}

/// A backup in storage, as listed to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupInfo {
    pub key: String,
    /// When it was taken (ISO 8601).
    pub taken_at: String,
    pub reason: BackupReason,
}

/// A backup of the whole portfolio: key `continuum/v1/backup/<taken_at>/<reason>`,
/// value a Continuum file (compact JSON), so restoring is an ordinary import.
pub fn backup_entry(p: &Portfolio, reason: BackupReason, taken_at: &str) -> (String, String) {
    let key = format!("{BACKUP_PREFIX}{taken_at}/{}", reason.id());
    (key, export_json_compact(p, taken_at))
}

pub fn parse_backup_key(key: &str) -> Option<BackupInfo> {
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    let (taken_at, reason) = rest.rsplit_once('/')?;
    Some(BackupInfo {
        key: key.to_string(),
        taken_at: taken_at.to_string(),
        reason: BackupReason::from_id(reason)?,
    })
}
