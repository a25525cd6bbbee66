//! The profile fields a person chooses between when both sides differ, and
//! the choices made.

use std::collections::BTreeMap;

use crate::domain::{Id, Margin, Profile};

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

    pub(super) fn same(self, a: &Profile, b: &Profile) -> bool {
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

    pub(super) fn is_empty(self, p: &Profile) -> bool {
        self.show(p).trim().is_empty()
    }

    pub(super) fn copy(self, from: &Profile, to: &mut Profile) {
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

/// Which side wins a profile field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    Mine,
    Theirs,
}

/// Which of the file's clients a merge takes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// The clients both have, and the file's other clients added.
    #[default]
    AlsoTheirs,
    /// Only the clients both have; the file's others are left out.
    OnlyShared,
}

/// The user's choices: for conflicting profile fields (anything not chosen
/// takes the side whose client fields changed last), and which clients.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeChoices {
    choices: BTreeMap<(Id, ProfileField), Side>,
    scope: Scope,
}

impl MergeChoices {
    pub fn set(&mut self, client: &Id, field: ProfileField, side: Side) {
        self.choices.insert((client.clone(), field), side);
    }
    /// The side chosen for a field; `None`: not chosen.
    pub fn get(&self, client: &Id, field: ProfileField) -> Option<Side> {
        self.choices.get(&(client.clone(), field)).copied()
    }
    pub fn set_scope(&mut self, scope: Scope) {
        self.scope = scope;
    }
    pub fn scope(&self) -> Scope {
        self.scope
    }
}
