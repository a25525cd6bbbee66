//! The preview of an import: new clients, differing ones (with the field
//! conflicts and the records the file adds) and identical ones.

use std::collections::{BTreeMap, BTreeSet};

use super::choices::ProfileField;
use super::keyed::Keyed;
use crate::domain::{Client, Id, Portfolio};

/// One profile field's two values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub field: ProfileField,
    pub mine: String,
    pub theirs: String,
}

/// Records per kind (stakeholders, issues, touchpoints, assessments, actions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RecordCounts {
    pub stakeholders: usize,
    pub issues: usize,
    pub touchpoints: usize,
    pub assessments: usize,
    pub actions: usize,
}

impl RecordCounts {
    pub fn total(&self) -> usize {
        self.stakeholders + self.issues + self.touchpoints + self.assessments + self.actions
    }
}

/// The kind of a record a merge can add.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Stakeholder,
    Issue,
    Touchpoint,
    Assessment,
    Action,
}

impl RecordKind {
    /// Stable id for the UI (`data-record` hooks).
    pub fn id(self) -> &'static str {
        match self {
            RecordKind::Stakeholder => "stakeholder",
            RecordKind::Issue => "issue",
            RecordKind::Touchpoint => "touchpoint",
            RecordKind::Assessment => "assessment",
            RecordKind::Action => "action",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RecordKind::Stakeholder => "Person",
            RecordKind::Issue => "Issue",
            RecordKind::Touchpoint => "Contact",
            RecordKind::Assessment => "Check-up",
            RecordKind::Action => "Action",
        }
    }
}

/// One record only in the file, which a merge adds (nothing of ours is removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AddedRecord {
    pub kind: RecordKind,
    pub id: Id,
    /// What the user recognises it by: a name, a title, a date and note.
    pub text: String,
}

/// A client that exists on both sides and differs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientPreview {
    pub id: Id,
    pub name: String,
    /// Set on both sides, different: the user chooses (default: mine).
    pub conflicts: Vec<FieldDiff>,
    /// Empty here, set in the file: taken from the file.
    pub filled: Vec<FieldDiff>,
    /// Records only in the file: added.
    pub added: RecordCounts,
    /// The same records, one by one, in the client's record order.
    pub added_records: Vec<AddedRecord>,
    /// Records with the same id on both sides but different content: ours kept.
    pub kept_mine: RecordCounts,
}

/// What an import would do, before the user decides.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// Clients only in the file (id, name).
    pub new_clients: Vec<(Id, String)>,
    /// Clients on both sides that differ.
    pub differing: Vec<ClientPreview>,
    /// Clients on both sides, identical.
    pub identical: Vec<Id>,
    /// Clients only here: kept by a merge, gone after a replace (backed up).
    pub only_here: usize,
}

pub fn preview(current: &Portfolio, incoming: &Portfolio) -> ImportPreview {
    let mine: BTreeMap<&Id, &Client> =
        crate::domain::sorting::map_from(current.clients.iter().map(|c| (&c.id, c)));
    let theirs: BTreeSet<&Id> =
        crate::domain::sorting::set_from(incoming.clients.iter().map(|c| &c.id));
    let mut out = ImportPreview {
        only_here: current
            .clients
            .iter()
            .filter(|c| !theirs.contains(&c.id))
            .count(),
        ..ImportPreview::default()
    };
    for t in &incoming.clients {
        match mine.get(&t.id) {
            None => out.new_clients.push((t.id.clone(), t.profile.name.clone())),
            Some(m) if *m == t => out.identical.push(t.id.clone()),
            Some(m) => out.differing.push(client_preview(m, t)),
        }
    }
    out
}

fn client_preview(m: &Client, t: &Client) -> ClientPreview {
    let mut conflicts = Vec::new();
    let mut filled = Vec::new();
    for f in ProfileField::ALL {
        if f.same(&m.profile, &t.profile) || f.is_empty(&t.profile) {
            continue;
        }
        let diff = FieldDiff {
            field: f,
            mine: f.show(&m.profile),
            theirs: f.show(&t.profile),
        };
        if f.is_empty(&m.profile) {
            filled.push(diff);
        } else {
            conflicts.push(diff);
        }
    }
    let c = [
        compare(&m.stakeholders, &t.stakeholders),
        compare(&m.issues, &t.issues),
        compare(&m.touchpoints, &t.touchpoints),
        compare(&m.assessments, &t.assessments),
        compare(&m.actions, &t.actions),
    ];
    let counts = |pick: fn((usize, usize)) -> usize| RecordCounts {
        stakeholders: pick(c[0]),
        issues: pick(c[1]),
        touchpoints: pick(c[2]),
        assessments: pick(c[3]),
        actions: pick(c[4]),
    };
    let mut added_records = Vec::new();
    added_only(
        &mut added_records,
        RecordKind::Stakeholder,
        &m.stakeholders,
        &t.stakeholders,
        |s| {
            if s.title.is_empty() {
                s.name.clone()
            } else {
                format!("{} ({})", s.name, s.title)
            }
        },
    );
    added_only(
        &mut added_records,
        RecordKind::Issue,
        &m.issues,
        &t.issues,
        |i| format!("{} (opened {})", i.title, i.opened_on),
    );
    added_only(
        &mut added_records,
        RecordKind::Touchpoint,
        &m.touchpoints,
        &t.touchpoints,
        |c| format!("{}: {}", c.date, c.note),
    );
    added_only(
        &mut added_records,
        RecordKind::Assessment,
        &m.assessments,
        &t.assessments,
        |a| format!("{}: {}", a.date, a.verdict.name()),
    );
    added_only(
        &mut added_records,
        RecordKind::Action,
        &m.actions,
        &t.actions,
        |a| a.title.clone(),
    );
    ClientPreview {
        id: m.id.clone(),
        name: m.profile.name.clone(),
        conflicts,
        filled,
        added_records,
        added: counts(|x| x.0),
        kept_mine: counts(|x| x.1),
    }
}

/// (records only in `theirs`, records in both with different content)
fn compare<T: Keyed>(mine: &[T], theirs: &[T]) -> (usize, usize) {
    let by_id: BTreeMap<&Id, &T> =
        crate::domain::sorting::map_from(mine.iter().map(|x| (x.key(), x)));
    theirs
        .iter()
        .fold((0, 0), |(new, differ), t| match by_id.get(t.key()) {
            None => (new + 1, differ),
            Some(m) if *m != t => (new, differ + 1),
            Some(_) => (new, differ),
        })
}

/// Appends the records only in `theirs`, described by `text`.
fn added_only<T: Keyed>(
    out: &mut Vec<AddedRecord>,
    kind: RecordKind,
    mine: &[T],
    theirs: &[T],
    text: impl Fn(&T) -> String,
) {
    let have: BTreeSet<&Id> = crate::domain::sorting::set_from(mine.iter().map(Keyed::key));
    out.extend(
        theirs
            .iter()
            .filter(|t| !have.contains(t.key()))
            .map(|t| AddedRecord {
                kind,
                id: t.key().clone(),
                text: text(t),
            }),
    );
}
