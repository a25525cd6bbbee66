//! Preview and merge of an imported portfolio into the current one.
//!
//! Pure functions that return a new portfolio: the caller swaps it in at
//! once, so an import is all or nothing, and a cancelled one changes nothing.
//!
//! Merge rules (docs/file-format.md, "Import"):
//! * clients are matched by id; new ones are appended in the file's order;
//! * stakeholders, issues, touchpoints, assessments and actions are united
//!   by id; when both sides hold the same id with different content, ours
//!   is kept (the preview counts these); assessments stay oldest first;
//! * a profile field set on both sides with different values is a conflict
//!   the user decides (default: keep mine); a field empty here and set in
//!   the file is filled from the file;
//! * dismissed proposals are united; triage and the lost date are ours when
//!   set, else the file's.

use std::collections::{BTreeMap, BTreeSet};

use super::local::{backup_entry, BackupReason};
use crate::domain::{Client, Id, Portfolio};

mod choices;
mod keyed;
mod preview;
mod three_way;

pub use choices::{MergeChoices, ProfileField, Side};
pub use preview::{
    preview, AddedRecord, ClientPreview, FieldDiff, ImportPreview, RecordCounts, RecordKind,
};

pub use three_way::{merge_three_way, Conflict, Merged};

use keyed::union;

/// The current portfolio with the file merged in (see the module rules).
pub fn merge(current: &Portfolio, incoming: &Portfolio, choices: &MergeChoices) -> Portfolio {
    let theirs: BTreeMap<&Id, &Client> =
        crate::domain::sorting::map_from(incoming.clients.iter().map(|c| (&c.id, c)));
    let mine: BTreeSet<&Id> =
        crate::domain::sorting::set_from(current.clients.iter().map(|c| &c.id));
    let mut clients: Vec<Client> = current
        .clients
        .iter()
        .map(|m| match theirs.get(&m.id) {
            Some(t) => merge_client(m, t, choices),
            None => m.clone(),
        })
        .collect();
    clients.extend(
        incoming
            .clients
            .iter()
            .filter(|t| !mine.contains(&t.id))
            .cloned(),
    );
    Portfolio {
        owner: if current.owner.is_empty() {
            incoming.owner.clone()
        } else {
            current.owner.clone()
        },
        clients,
    }
}

fn merge_client(m: &Client, t: &Client, choices: &MergeChoices) -> Client {
    let mut profile = m.profile.clone();
    for f in ProfileField::ALL {
        let take_theirs = !f.is_empty(&t.profile)
            && (f.is_empty(&m.profile) || choices.get(&m.id, f) == Side::Theirs);
        if take_theirs {
            f.copy(&t.profile, &mut profile);
        }
    }
    let mut assessments = union(&m.assessments, &t.assessments);
    if assessments.len() > m.assessments.len() {
        // Theirs slot in by date ("oldest first" is the model's rule); the
        // sort is stable, so on the same day ours come first.
        crate::domain::sorting::sort_by_key(&mut assessments, |a| a.date);
    }
    let mut dismissed = m.dismissed_proposals.clone();
    for d in &t.dismissed_proposals {
        if !dismissed.contains(d) {
            dismissed.push(d.clone());
        }
    }
    Client {
        id: m.id.clone(),
        profile,
        stakeholders: union(&m.stakeholders, &t.stakeholders),
        issues: union(&m.issues, &t.issues),
        touchpoints: union(&m.touchpoints, &t.touchpoints),
        assessments,
        actions: union(&m.actions, &t.actions),
        dismissed_proposals: dismissed,
        triage: m.triage.clone().or_else(|| t.triage.clone()),
        lost_on: m.lost_on.or(t.lost_on),
        archived: m.archived,
    }
}

/// The outcome of "replace": the new portfolio, and the backup of the old
/// one to write first (key, value).
#[derive(Clone, Debug, PartialEq)]
pub struct Replaced {
    pub portfolio: Portfolio,
    pub backup: (String, String),
}

/// Replace the current portfolio by the file's, keeping the current one as
/// a backup. The owner stays when the file names none.
pub fn replace(current: &Portfolio, incoming: &Portfolio, taken_at: &str) -> Replaced {
    let mut portfolio = incoming.clone();
    if portfolio.owner.is_empty() {
        portfolio.owner.clone_from(&current.owner);
    }
    Replaced {
        portfolio,
        backup: backup_entry(current, BackupReason::BeforeReplace, taken_at),
    }
}
