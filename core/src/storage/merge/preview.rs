//! The preview of an import: new clients, differing ones (with the field
//! conflicts, and per record what the file adds, updates or leaves as
//! mine) and identical ones. It decides each record as the merge does
//! (`newest::decide`), so the two cannot disagree.

use std::collections::{BTreeMap, BTreeSet};

use super::choices::{ProfileField, Side};
use super::keyed::Keyed;
use super::newer_side;
use super::newest::{combine_notes, decide, Decision};
use crate::domain::changes::same_content;
use crate::domain::{Client, Id, IssueStatus, Part, Portfolio};

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

/// The kind of a record in the preview: the domain's [`Part`], with the
/// words and hooks the preview shows it by.
pub type RecordKind = Part;

impl Part {
    /// Stable id for the UI (`data-record` hooks).
    pub fn id(self) -> &'static str {
        match self {
            Part::Stakeholder => "stakeholder",
            Part::Issue => "issue",
            Part::Touchpoint => "touchpoint",
            Part::Assessment => "assessment",
            Part::Action => "action",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Part::Stakeholder => "Person",
            Part::Issue => "Issue",
            Part::Touchpoint => "Contact",
            Part::Assessment => "Check-up",
            Part::Action => "Action",
        }
    }
}

/// One record a merge adds (only in the file), updates (the file's is
/// newer) or keeps (mine is as new), as listed in the preview.
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
    /// Set on both sides, different: the user chooses (default: `newer`).
    pub conflicts: Vec<FieldDiff>,
    /// Whose client fields changed last: the default for the conflicts.
    pub newer: Side,
    /// Empty here, set in the file: taken from the file.
    pub filled: Vec<FieldDiff>,
    /// Both sides have different profile notes: the combined text.
    pub notes_combined: Option<String>,
    /// Records only in the file: added.
    pub added: RecordCounts,
    /// The same records, one by one, in the client's record order.
    pub added_records: Vec<AddedRecord>,
    /// Records on both sides, different, the file's newer: theirs taken.
    pub updated: RecordCounts,
    pub updated_records: Vec<AddedRecord>,
    /// Records on both sides, different, mine as new or newer: mine kept
    /// (their notes combined in).
    pub kept_mine: RecordCounts,
    pub kept_records: Vec<AddedRecord>,
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
            Some(m) if same_content(m, t) => out.identical.push(t.id.clone()),
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
        } else if f != ProfileField::Notes {
            conflicts.push(diff);
        }
    }
    let newer = newer_side(m, t);
    let notes_combined = (!m.profile.notes.is_empty()
        && !t.profile.notes.is_empty()
        && m.profile.notes != t.profile.notes)
        .then(|| match newer {
            Side::Mine => combine_notes(&t.profile.notes, &m.profile.notes),
            Side::Theirs => combine_notes(&m.profile.notes, &t.profile.notes),
        });
    let mut lists = Lists::default();
    lists.kind(
        m,
        t,
        |c| &c.stakeholders,
        |s| {
            if s.title.is_empty() {
                s.name.clone()
            } else {
                format!("{} ({})", s.name, s.title)
            }
        },
    );
    lists.kind(
        m,
        t,
        |c| &c.issues,
        |i| {
            let status = match i.status {
                IssueStatus::Open => "open",
                IssueStatus::InProgress => "in progress",
                IssueStatus::Resolved => "resolved",
            };
            format!("{} (opened {}, {status})", i.title, i.opened_on)
        },
    );
    lists.kind(
        m,
        t,
        |c| &c.touchpoints,
        |c| format!("{}: {}", c.date, c.note),
    );
    lists.kind(
        m,
        t,
        |c| &c.assessments,
        |a| format!("{}: {}", a.date, a.verdict.name()),
    );
    lists.kind(
        m,
        t,
        |c| &c.actions,
        |a| {
            if a.done {
                format!("{} (done)", a.title)
            } else {
                a.title.clone()
            }
        },
    );
    ClientPreview {
        id: m.id.clone(),
        name: m.profile.name.clone(),
        conflicts,
        newer,
        filled,
        notes_combined,
        added: counts(&lists.added),
        added_records: lists.added,
        updated: counts(&lists.updated),
        updated_records: lists.updated,
        kept_mine: counts(&lists.kept),
        kept_records: lists.kept,
    }
}

fn counts(records: &[AddedRecord]) -> RecordCounts {
    let n = |k: RecordKind| records.iter().filter(|r| r.kind == k).count();
    RecordCounts {
        stakeholders: n(RecordKind::Stakeholder),
        issues: n(RecordKind::Issue),
        touchpoints: n(RecordKind::Touchpoint),
        assessments: n(RecordKind::Assessment),
        actions: n(RecordKind::Action),
    }
}

/// The records a merge adds, updates and keeps, in the client's order.
#[derive(Default)]
struct Lists {
    added: Vec<AddedRecord>,
    updated: Vec<AddedRecord>,
    kept: Vec<AddedRecord>,
}

impl Lists {
    fn kind<T: Keyed>(
        &mut self,
        m: &Client,
        t: &Client,
        list: impl Fn(&Client) -> &Vec<T>,
        text: impl Fn(&T) -> String,
    ) {
        let by_id: BTreeMap<&Id, &T> =
            crate::domain::sorting::map_from(list(m).iter().map(|x| (x.key(), x)));
        for theirs in list(t) {
            let id = theirs.key();
            let line = |x: &T| AddedRecord {
                kind: T::PART,
                id: id.clone(),
                text: text(x),
            };
            match by_id.get(id) {
                None => self.added.push(line(theirs)),
                Some(mine) => {
                    let (ma, ta) = (m.changed.of(T::PART, id), t.changed.of(T::PART, id));
                    match decide(*mine, theirs, ma, ta) {
                        Decision::Same => {}
                        Decision::Theirs => self.updated.push(line(theirs)),
                        Decision::Mine => self.kept.push(line(mine)),
                    }
                }
            }
        }
    }
}
