//! Re-import: which current client each row is, so importing the same CRM
//! export twice updates instead of duplicating.
//!
//! A row matches by the other system's record id when both sides have one
//! (names change, ids do not), else by name ignoring case, accents,
//! punctuation and legal suffixes ("ACME Inc." is "Acme"). Nothing of the
//! user's is removed: the result goes through the merge preview, which
//! shows every changed field and keeps the user's value by default.

use std::collections::HashMap;

use super::build::{ClientRow, Rows};
use super::contacts::PersonRow;
use super::headers::key;
use crate::domain::{Client, Id, Portfolio, Stakeholder, Stance};

/// Legal forms dropped from the end of a name, as keys (no punctuation):
/// "S.A." is "sa", "B.V." is "bv".
const LEGAL_SUFFIXES: &[&str] = &[
    "ltd",
    "limited",
    "inc",
    "incorporated",
    "llc",
    "llp",
    "lp",
    "plc",
    "corp",
    "corporation",
    "co",
    "gmbh",
    "ag",
    "kg",
    "ohg",
    "ug",
    "kgaa",
    "ev",
    "se",
    "sa",
    "sas",
    "sasu",
    "sarl",
    "eurl",
    "sl",
    "slu",
    "sau",
    "srl",
    "spa",
    "bv",
    "nv",
    "vof",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "pty",
    "pte",
    "kk",
    "sp",
    "zoo",
    "sro",
    "holding",
    "group",
];

/// A name as compared on re-import: "Müller GmbH & Co. KG" → "muller".
pub fn name_key(name: &str) -> String {
    // Dots join ("S.A." → "sa"); other punctuation separates words.
    let joined: String = name.chars().filter(|c| *c != '.').collect();
    let mut words: Vec<String> = joined
        .split(|c: char| !c.is_alphanumeric())
        .map(key)
        .filter(|w| !w.is_empty())
        .collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| LEGAL_SUFFIXES.contains(&w.as_str()))
    {
        words.pop();
    }
    words.concat()
}

/// How a row found its client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    ExternalId,
    Name,
}

/// One row's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowOutcome {
    pub row: usize,
    pub name: String,
    pub client: Id,
    /// `None`: a new client.
    pub matched_by: Option<MatchedBy>,
}

/// What the import will do, for the preview.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanReport {
    pub added: Vec<RowOutcome>,
    pub updated: Vec<RowOutcome>,
    /// People added to a client's stakeholder map.
    pub people_added: Vec<RowOutcome>,
    /// People already in their client's map (same name): left as they are.
    pub people_known: Vec<RowOutcome>,
    /// People whose company matches no client: listed, never dropped silently.
    pub unmatched_people: Vec<PersonRow>,
}

/// The portfolio to hand to the merge preview: updated and new clients
/// (clients the file does not mention are not in it, and the merge keeps
/// them). `new_id` makes ids for new clients and stakeholders.
pub fn plan(
    rows: &Rows,
    current: &Portfolio,
    mut new_id: impl FnMut() -> Id,
) -> (Portfolio, PlanReport) {
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, c) in current.clients.iter().enumerate() {
        if let Some(x) = c.profile.external_id.as_deref() {
            by_id.entry(x).or_insert(i);
        }
        by_name.entry(name_key(&c.profile.name)).or_insert(i);
    }
    let mut incoming: Vec<Client> = Vec::new();
    // Current client index → its place in `incoming`, so two rows naming
    // one client update it twice rather than cloning it twice.
    let mut placed: HashMap<usize, usize> = HashMap::new();
    let mut report = PlanReport::default();
    // New clients by name key → their place in `incoming`, so a second row
    // with the same name (which `build` refuses, but `Rows` is public)
    // updates the new client instead of adding it twice.
    let mut added: HashMap<String, usize> = HashMap::new();
    for row in &rows.clients {
        let key = name_key(&row.name);
        // A client that already carries a different record id is another
        // record of the CRM with the same name: not this row's client.
        let same_record =
            |i: &usize| match (&row.external_id, &current.clients[*i].profile.external_id) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
        let found = row
            .external_id
            .as_deref()
            .and_then(|x| by_id.get(x))
            .map(|i| (*i, MatchedBy::ExternalId))
            .or_else(|| {
                by_name
                    .get(&key)
                    .filter(|i| same_record(i))
                    .map(|i| (*i, MatchedBy::Name))
            });
        let (at, by) = match (found, added.get(&key)) {
            (Some((i, by)), _) => {
                let at = *placed.entry(i).or_insert_with(|| {
                    incoming.push(current.clients[i].clone());
                    incoming.len() - 1
                });
                (at, Some(by))
            }
            (None, Some(at)) => (*at, Some(MatchedBy::Name)),
            (None, None) => {
                incoming.push(Client::new(new_id(), row.name.clone()));
                added.insert(key, incoming.len() - 1);
                (incoming.len() - 1, None)
            }
        };
        let client = &mut incoming[at];
        apply(client, row, by != Some(MatchedBy::Name));
        let o = outcome(row.row, &row.name, client, by);
        if by.is_some() {
            report.updated.push(o);
        } else {
            report.added.push(o);
        }
    }
    // People go to the clients above first (a file of both), else to the
    // user's current clients.
    for person in &rows.people {
        let Some(company) = person
            .company
            .as_deref()
            .map(name_key)
            .filter(|k| !k.is_empty())
        else {
            report.unmatched_people.push(person.clone());
            continue;
        };
        let at = match incoming
            .iter()
            .position(|c| name_key(&c.profile.name) == company)
        {
            Some(at) => at,
            None => match current
                .clients
                .iter()
                .position(|c| name_key(&c.profile.name) == company)
            {
                Some(i) => {
                    incoming.push(current.clients[i].clone());
                    incoming.len() - 1
                }
                None => {
                    report.unmatched_people.push(person.clone());
                    continue;
                }
            },
        };
        let client = &mut incoming[at];
        let known = client
            .stakeholders
            .iter()
            .any(|s| s.name.trim().to_lowercase() == person.name.trim().to_lowercase());
        let o = outcome(person.row, &person.name, client, Some(MatchedBy::Name));
        if known {
            report.people_known.push(o);
            continue;
        }
        client.stakeholders.push(Stakeholder {
            id: new_id(),
            name: person.name.clone(),
            title: person.title.clone(),
            role: person.role,
            senior: person.senior,
            stance: Stance::Neutral,
            rival_preference: String::new(),
            feedback_on: None,
            last_contact: None,
            notes: person.stakeholder_notes(),
            still_in_role_on: None,
        });
        report.people_added.push(o);
    }
    (
        Portfolio {
            owner: current.owner.clone(),
            clients: incoming,
        },
        report,
    )
}

fn outcome(row: usize, name: &str, client: &Client, by: Option<MatchedBy>) -> RowOutcome {
    RowOutcome {
        row,
        name: name.to_string(),
        client: client.id.clone(),
        matched_by: by,
    }
}

/// Sets the profile fields the row has. The name changes only when the
/// match was by record id (the other system renamed the client); a name
/// match keeps the user's spelling.
fn apply(client: &mut Client, row: &ClientRow, rename: bool) {
    let p = &mut client.profile;
    if rename && !row.name.is_empty() {
        p.name.clone_from(&row.name);
    }
    if row.external_id.is_some() {
        p.external_id.clone_from(&row.external_id);
    }
    p.annual_revenue = row.annual_revenue.or(p.annual_revenue);
    p.margin = row.margin.or(p.margin);
    p.contract_end = row.contract_end.or(p.contract_end);
    p.relationship_start = row.relationship_start.or(p.relationship_start);
    p.importance = row.importance.or(p.importance);
    if let Some(o) = &row.owner {
        p.owner.clone_from(o);
    }
    if let Some(n) = &row.notes {
        p.notes.clone_from(n);
    }
    if let Some(t) = &row.tags {
        p.tags.clone_from(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_suffixes_and_punctuation() {
        assert_eq!(name_key("ACME Inc."), "acme");
        assert_eq!(name_key("Acme, LLC"), "acme");
        assert_eq!(name_key("Müller GmbH & Co. KG"), "muller");
        assert_eq!(name_key("Société Générale S.A."), "societegenerale");
        assert_eq!(name_key("Van Dijk B.V."), "vandijk");
        assert_eq!(name_key("AG"), "ag");
        assert_ne!(name_key("Acme"), name_key("Acme Labs"));
    }
}
