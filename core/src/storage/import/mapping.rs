//! Which column holds what: suggested from the header row, confirmed by the
//! user, remembered by the header row's signature.

use std::collections::BTreeMap;

use super::headers::{is_person_header, key, recognise_source, target_of};
use super::table::Table;

/// What a column is imported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    ClientName,
    AnnualRevenue,
    Margin,
    ContractEnd,
    RelationshipStart,
    Owner,
    Tags,
    Notes,
    Importance,
    /// The other system's record id, kept so a re-import matches exactly.
    ExternalId,
    // Contact lists:
    PersonName,
    FirstName,
    LastName,
    JobTitle,
    /// The client the person works for.
    Company,
    /// Kept in the person's notes: the stakeholder map has no email field,
    /// and the address is what the salesperson needs to act on the person.
    Email,
    Ignore,
}

impl Target {
    pub const ALL: [Target; 17] = [
        Target::ClientName,
        Target::AnnualRevenue,
        Target::Margin,
        Target::ContractEnd,
        Target::RelationshipStart,
        Target::Owner,
        Target::Tags,
        Target::Notes,
        Target::Importance,
        Target::ExternalId,
        Target::PersonName,
        Target::FirstName,
        Target::LastName,
        Target::JobTitle,
        Target::Company,
        Target::Email,
        Target::Ignore,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Target::ClientName => "Client name",
            Target::AnnualRevenue => "Annual revenue",
            Target::Margin => "Margin",
            Target::ContractEnd => "Contract end",
            Target::RelationshipStart => "Relationship since",
            Target::Owner => "Owner",
            Target::Tags => "Tags",
            Target::Notes => "Notes",
            Target::Importance => "Strategic importance",
            Target::ExternalId => "Record id in the other system",
            Target::PersonName => "Person's full name",
            Target::FirstName => "First name",
            Target::LastName => "Last name",
            Target::JobTitle => "Job title",
            Target::Company => "Company (the person's client)",
            Target::Email => "Email",
            Target::Ignore => "Ignore",
        }
    }

    /// Targets read as dates (their day order is decided per column).
    pub fn is_date(self) -> bool {
        matches!(self, Target::ContractEnd | Target::RelationshipStart)
    }

    fn is_person(self) -> bool {
        matches!(
            self,
            Target::PersonName | Target::FirstName | Target::LastName
        )
    }
}

/// One target per column of the table, in the table's column order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    pub columns: Vec<Target>,
    /// True when the import can go ahead without asking: a name column was
    /// found and no two columns claim the same target.
    pub confident: bool,
    /// The product recognised from the header row ("HubSpot companies").
    pub source: Option<String>,
}

impl Mapping {
    /// A mapping the user edited; `confident` is recomputed.
    pub fn new(columns: Vec<Target>, source: Option<String>) -> Mapping {
        let mut m = Mapping {
            columns,
            confident: false,
            source,
        };
        m.confident = m.conflicts().is_empty() && m.has_name();
        m
    }

    /// A contact list (people) rather than a client list.
    pub fn is_contacts(&self) -> bool {
        self.columns.iter().any(|t| t.is_person())
    }

    fn has_name(&self) -> bool {
        let has = |t| self.columns.contains(&t);
        if self.is_contacts() {
            has(Target::PersonName) || has(Target::FirstName) || has(Target::LastName)
        } else {
            has(Target::ClientName)
        }
    }

    /// Targets claimed by more than one column, with those columns.
    pub fn conflicts(&self) -> Vec<(Target, Vec<usize>)> {
        let mut by: BTreeMap<Target, Vec<usize>> = BTreeMap::new();
        for (i, t) in self.columns.iter().enumerate() {
            if *t != Target::Ignore {
                by.entry(*t).or_default().push(i);
            }
        }
        by.into_iter().filter(|(_, cols)| cols.len() > 1).collect()
    }

    /// The column of a target, when exactly one column has it.
    pub fn column(&self, target: Target) -> Option<usize> {
        self.columns.iter().position(|t| *t == target)
    }
}

/// The mapping suggested for a table from its header row alone. A header
/// nothing matches is `Ignore`d (and listed by `build`).
pub fn suggest_mapping(table: &Table) -> Mapping {
    let contacts = table.headers.iter().any(|h| is_person_header(h));
    let columns = table
        .headers
        .iter()
        .map(|h| target_of(h, contacts).unwrap_or(Target::Ignore))
        .collect();
    Mapping::new(columns, recognise_source(&table.headers).map(String::from))
}

/// A stable text for a header row, so the app can remember the mapping a
/// user confirmed and reuse it for the next export of the same kind. Case,
/// accents and punctuation do not change it; order and columns do.
pub fn header_signature(table: &Table) -> String {
    table
        .headers
        .iter()
        .map(|h| key(h))
        .collect::<Vec<_>>()
        .join("|")
}
