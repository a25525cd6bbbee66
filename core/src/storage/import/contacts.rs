//! People from a contact list: a suggested role and seniority from the job
//! title, for the user to confirm in the stakeholder map.
//!
//! A title is only a hint (a "Director" may or may not sign the contract),
//! so these are suggestions shown as such, never facts: the import marks
//! every person's stance neutral and the user corrects what they know.

use crate::domain::Role;

/// A person read from a contact list row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonRow {
    /// The spreadsheet row number.
    pub row: usize,
    pub name: String,
    pub title: String,
    /// The client the person works for, as the file writes it.
    pub company: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    /// Suggested from the title; the user confirms.
    pub role: Role,
    /// Suggested from the title; the user confirms.
    pub senior: bool,
}

impl PersonRow {
    /// The notes the stakeholder gets: the file's notes and the email, which
    /// the stakeholder map has no field for but the salesperson needs.
    pub fn stakeholder_notes(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = &self.notes {
            parts.push(n.clone());
        }
        if let Some(e) = &self.email {
            parts.push(format!("Email: {e}"));
        }
        parts.join("\n")
    }
}

/// Words of a title that mark the people who decide (and are senior).
const TOP: &[&str] = &[
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cio",
    "cro",
    "cmo",
    "cpo",
    "chief",
    "president",
    "owner",
    "founder",
    "cofounder",
    "managing director",
    "general manager",
    "geschaftsfuhrer",
    "geschäftsführer",
    "vorstand",
    "inhaber",
    "pdg",
    "directeur general",
    "directeur général",
    "gerant",
    "gérant",
    "director general",
    "director gerente",
    "gerente general",
    "algemeen directeur",
    "eigenaar",
    "managing partner",
];
/// Senior leaders who shape the decision: vice presidents, directors, heads.
const SENIOR: &[&str] = &[
    "vp",
    "vice president",
    "svp",
    "evp",
    "director",
    "directeur",
    "directora",
    "head",
    "leiter",
    "leiterin",
    "bereichsleiter",
    "partner",
    "directrice",
    "jefe",
    "responsable",
    "hoofd",
    "directeur",
    "principal",
];
/// People who use what we sell day to day.
const USERS: &[&str] = &[
    "analyst",
    "engineer",
    "specialist",
    "assistant",
    "operator",
    "technician",
    "coordinator",
    "administrator",
    "user",
    "developer",
    "sachbearbeiter",
    "mitarbeiter",
    "techniker",
    "ingenieur",
    "technicien",
    "assistante",
    "tecnico",
    "técnico",
    "medewerker",
];

/// The role and seniority a title suggests.
pub fn suggest_role(title: &str) -> (Role, bool) {
    let t = format!(
        " {} ",
        title
            .to_lowercase()
            .replace(|c: char| !c.is_alphanumeric(), " ")
    );
    let has = |words: &[&str]| words.iter().any(|w| t.contains(&format!(" {w} ")));
    if has(TOP) {
        (Role::DecisionMaker, true)
    } else if has(SENIOR) {
        (Role::Influencer, true)
    } else if has(USERS) {
        (Role::EndUser, false)
    } else {
        (Role::Influencer, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(suggest_role("CEO"), (Role::DecisionMaker, true));
        assert_eq!(
            suggest_role("Chief Financial Officer"),
            (Role::DecisionMaker, true)
        );
        assert_eq!(suggest_role("Geschäftsführer"), (Role::DecisionMaker, true));
        assert_eq!(suggest_role("VP, Procurement"), (Role::Influencer, true));
        assert_eq!(suggest_role("Head of IT"), (Role::Influencer, true));
        assert_eq!(suggest_role("Data Analyst"), (Role::EndUser, false));
        assert_eq!(suggest_role("Buyer"), (Role::Influencer, false));
        assert_eq!(suggest_role(""), (Role::Influencer, false));
    }
}
