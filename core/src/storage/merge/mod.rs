//! Preview and merge of an imported portfolio into the current one.
//!
//! Pure functions that return a new portfolio: the caller swaps it in at
//! once, so an import is all or nothing, and a cancelled one changes nothing.
//!
//! Merge rules (docs/file-format.md, "Import"):
//! * clients are matched by id; the file's other clients are appended in
//!   its order, unless the user merges only the clients both have;
//! * stakeholders, issues, touchpoints, assessments and actions are united
//!   by id; when both sides hold the same id with different content, the
//!   newer version (by its last-changed time, format 3) is taken, mine on a
//!   tie or when neither has a time, and the notes of both are combined
//!   (`newest.rs`); assessments stay oldest first;
//! * a profile field set on both sides with different values is a choice
//!   for the user, by default the side whose client fields changed last;
//!   a field empty here and set in the file is filled from the file; the
//!   profile notes are combined;
//! * dismissed proposals are united; triage and the lost date come from
//!   the newer side when both are set, else from whichever side has them.

use std::collections::{BTreeMap, BTreeSet};

use super::local::{backup_entry, BackupReason};
use crate::domain::{Changes, Client, Id, Portfolio};

mod choices;
mod keyed;
mod newest;
mod preview;
mod three_way;

pub use choices::{MergeChoices, ProfileField, Scope, Side};
pub use newest::{combine_notes, decide, Decision};
pub use preview::{
    preview, AddedRecord, ClientPreview, FieldDiff, ImportPreview, RecordCounts, RecordKind,
};

pub use three_way::{merge_three_way, Conflict, Merged};

use keyed::merge_records;

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
    if choices.scope() == Scope::AlsoTheirs {
        clients.extend(
            incoming
                .clients
                .iter()
                .filter(|t| !mine.contains(&t.id))
                .cloned(),
        );
    }
    Portfolio {
        owner: if current.owner.is_empty() {
            incoming.owner.clone()
        } else {
            current.owner.clone()
        },
        clients,
    }
}

/// Whose own fields (profile, triage, loss) changed last: theirs only when
/// strictly newer.
pub(crate) fn newer_side(m: &Client, t: &Client) -> Side {
    if t.changed.client > m.changed.client {
        Side::Theirs
    } else {
        Side::Mine
    }
}

fn merge_client(m: &Client, t: &Client, choices: &MergeChoices) -> Client {
    let newer = newer_side(m, t);
    let mut profile = m.profile.clone();
    for f in ProfileField::ALL {
        if f == ProfileField::Notes || f.is_empty(&t.profile) {
            continue;
        }
        if f.is_empty(&m.profile) || choices.get(&m.id, f).unwrap_or(newer) == Side::Theirs {
            f.copy(&t.profile, &mut profile);
        }
    }
    profile.notes = match newer {
        Side::Mine => combine_notes(&t.profile.notes, &m.profile.notes),
        Side::Theirs => combine_notes(&m.profile.notes, &t.profile.notes),
    };
    let (mc, tc) = (&m.changed, &t.changed);
    let mut changed = Changes {
        client: mc.client.max(tc.client),
        ..Changes::default()
    };
    let mut assessments = merge_records(&m.assessments, &t.assessments, mc, tc, &mut changed);
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
    let (first, second) = match newer {
        Side::Mine => (m, t),
        Side::Theirs => (t, m),
    };
    Client {
        id: m.id.clone(),
        profile,
        stakeholders: merge_records(&m.stakeholders, &t.stakeholders, mc, tc, &mut changed),
        issues: merge_records(&m.issues, &t.issues, mc, tc, &mut changed),
        touchpoints: merge_records(&m.touchpoints, &t.touchpoints, mc, tc, &mut changed),
        assessments,
        actions: merge_records(&m.actions, &t.actions, mc, tc, &mut changed),
        dismissed_proposals: dismissed,
        triage: first.triage.clone().or_else(|| second.triage.clone()),
        lost_on: first.lost_on.or(second.lost_on),
        archived: m.archived,
        changed,
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
