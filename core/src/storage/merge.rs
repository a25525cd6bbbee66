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
use crate::domain::{
    Action, Assessment, Client, Id, Issue, Margin, Portfolio, Profile, Stakeholder, Touchpoint,
};

/// A profile field, as offered for a choice when both sides differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ProfileField {
    Name,
    AnnualRevenue,
    Margin,
    ContractEnd,
    RelationshipStart,
    Owner,
    Importance,
    Notes,
    Tags,
    /// The record id in the CRM the client was imported from (format 2).
    ExternalId,
}

impl ProfileField {
    pub const ALL: [ProfileField; 10] = [
        ProfileField::Name,
        ProfileField::AnnualRevenue,
        ProfileField::Margin,
        ProfileField::ContractEnd,
        ProfileField::RelationshipStart,
        ProfileField::Owner,
        ProfileField::Importance,
        ProfileField::Notes,
        ProfileField::Tags,
        ProfileField::ExternalId,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ProfileField::Name => "Name",
            ProfileField::AnnualRevenue => "Annual revenue",
            ProfileField::Margin => "Margin",
            ProfileField::ContractEnd => "Contract end",
            ProfileField::RelationshipStart => "Relationship since",
            ProfileField::Owner => "Owner",
            ProfileField::Importance => "Strategic importance",
            ProfileField::Notes => "Notes",
            ProfileField::Tags => "Tags",
            ProfileField::ExternalId => "Record id in your CRM",
        }
    }

    /// The field's value as shown in the choice (empty: not set).
    pub fn show(self, p: &Profile) -> String {
        fn opt<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map(T::to_string).unwrap_or_default()
        }
        match self {
            ProfileField::Name => p.name.clone(),
            ProfileField::AnnualRevenue => opt(&p.annual_revenue),
            ProfileField::Margin => match p.margin {
                None => String::new(),
                Some(Margin::Percent(x)) => format!("{x} %"),
                Some(Margin::Level(l)) => format!("{l:?}").to_lowercase(),
            },
            ProfileField::ContractEnd => opt(&p.contract_end),
            ProfileField::RelationshipStart => opt(&p.relationship_start),
            ProfileField::Owner => p.owner.clone(),
            ProfileField::Importance => p
                .importance
                .map(|i| format!("{i:?}").to_lowercase())
                .unwrap_or_default(),
            ProfileField::Notes => p.notes.clone(),
            ProfileField::Tags => p.tags.join(", "),
            ProfileField::ExternalId => p.external_id.clone().unwrap_or_default(),
        }
    }

    fn same(self, a: &Profile, b: &Profile) -> bool {
        match self {
            ProfileField::Name => a.name == b.name,
            ProfileField::AnnualRevenue => a.annual_revenue == b.annual_revenue,
            ProfileField::Margin => a.margin == b.margin,
            ProfileField::ContractEnd => a.contract_end == b.contract_end,
            ProfileField::RelationshipStart => a.relationship_start == b.relationship_start,
            ProfileField::Owner => a.owner == b.owner,
            ProfileField::Importance => a.importance == b.importance,
            ProfileField::Notes => a.notes == b.notes,
            ProfileField::Tags => a.tags == b.tags,
            ProfileField::ExternalId => a.external_id == b.external_id,
        }
    }

    fn is_empty(self, p: &Profile) -> bool {
        self.show(p).trim().is_empty()
    }

    fn copy(self, from: &Profile, to: &mut Profile) {
        match self {
            ProfileField::Name => to.name.clone_from(&from.name),
            ProfileField::AnnualRevenue => to.annual_revenue = from.annual_revenue,
            ProfileField::Margin => to.margin = from.margin,
            ProfileField::ContractEnd => to.contract_end = from.contract_end,
            ProfileField::RelationshipStart => to.relationship_start = from.relationship_start,
            ProfileField::Owner => to.owner.clone_from(&from.owner),
            ProfileField::Importance => to.importance = from.importance,
            ProfileField::Notes => to.notes.clone_from(&from.notes),
            ProfileField::Tags => to.tags.clone_from(&from.tags),
            ProfileField::ExternalId => to.external_id.clone_from(&from.external_id),
        }
    }
}

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

/// Which side wins a profile field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    Mine,
    Theirs,
}

/// The user's choices for conflicting fields; anything not chosen keeps mine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeChoices {
    choices: BTreeMap<(Id, ProfileField), Side>,
}

impl MergeChoices {
    pub fn set(&mut self, client: &Id, field: ProfileField, side: Side) {
        self.choices.insert((client.clone(), field), side);
    }
    pub fn get(&self, client: &Id, field: ProfileField) -> Side {
        self.choices
            .get(&(client.clone(), field))
            .copied()
            .unwrap_or_default()
    }
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

/// Records keyed by id, so lists can be united.
trait Keyed: Clone + PartialEq {
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &Id {
                &self.id
            }
        }
    )*};
}
keyed!(Stakeholder, Issue, Touchpoint, Assessment, Action);

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

/// Mine in my order, then theirs that I do not have, in their order.
fn union<T: Keyed>(mine: &[T], theirs: &[T]) -> Vec<T> {
    let have: BTreeSet<&Id> = crate::domain::sorting::set_from(mine.iter().map(Keyed::key));
    mine.iter()
        .chain(theirs.iter().filter(|t| !have.contains(t.key())))
        .cloned()
        .collect()
}

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
