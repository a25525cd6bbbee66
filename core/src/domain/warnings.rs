//! Warning signs (METHOD.md, "Warning signs", plus issue 16's "still in
//! their role?"): the patterns in the evidence that come before a loss nobody saw coming. They are computed from
//! the record for a given "today", independently of the answers, so they can
//! contradict a too-rosy questionnaire.

use super::date::Date;
use super::evidence::{
    days_open, last_contact_with_client, last_contacts, last_meaningful_contacts, within_days,
    Evidence,
};
use super::model::{Category, Client, Role, Stance};
use super::people::IN_ROLE_DAYS;

/// A senior leader counts as known if we met them within this many days.
pub const SENIOR_CONTACT_DAYS: i32 = 180;
/// Contact within this many days counts as recent (single-threaded check).
pub const RECENT_CONTACT_DAYS: i32 = 90;
/// Fewer people than this with recent contact is single-threaded.
pub const MIN_RECENT_CONTACTS: usize = 2;
/// No meaningful contact for this many days is going quiet.
pub const GOING_QUIET_DAYS: i32 = 90;
/// A relationship at least this old counts as long (suspiciously easy).
pub const LONG_RELATIONSHIP_DAYS: i32 = 730;
/// No issue recorded within this many days on a long relationship is suspicious.
pub const NO_ISSUE_DAYS: i32 = 365;
/// An unresolved issue older than this is ageing…
pub const ISSUE_AGEING_DAYS: i32 = 30;
/// …stronger past this…
pub const ISSUE_AGEING_STRONG_DAYS: i32 = 60;
/// …and urgent past this.
pub const ISSUE_AGEING_URGENT_DAYS: i32 = 90;
/// An unhappy person not contacted within this many days is unchecked.
pub const OPPOSITION_CONTACT_DAYS: i32 = 30;
/// A contract ending within this many months is approaching renewal…
pub const RENEWAL_MONTHS: i32 = 6;
/// …and urgent within this many.
pub const RENEWAL_URGENT_MONTHS: i32 = 3;
/// A check-up older than this many days is stale (at least quarterly).
pub const ASSESSMENT_STALE_DAYS: i32 = 90;

/// The warning signs, with stable snake_case ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WarningSign {
    NoSeniorRelationship,
    SingleThreaded,
    GoingQuiet,
    SuspiciouslyEasy,
    ProblemsAgeing,
    UncheckedOpposition,
    HappySponsorUnhappyOthers,
    RenewalApproaching,
    AssessmentStale,
    /// Issue 16: a key person not known to be in their role for 90 days.
    StillInRole,
}

impl WarningSign {
    pub const ALL: [WarningSign; 10] = [
        WarningSign::NoSeniorRelationship,
        WarningSign::SingleThreaded,
        WarningSign::GoingQuiet,
        WarningSign::SuspiciouslyEasy,
        WarningSign::ProblemsAgeing,
        WarningSign::UncheckedOpposition,
        WarningSign::HappySponsorUnhappyOthers,
        WarningSign::RenewalApproaching,
        WarningSign::AssessmentStale,
        WarningSign::StillInRole,
    ];

    /// The stable id used in files, hooks and the UI.
    pub fn id(self) -> &'static str {
        match self {
            WarningSign::NoSeniorRelationship => "no_senior_relationship",
            WarningSign::SingleThreaded => "single_threaded",
            WarningSign::GoingQuiet => "going_quiet",
            WarningSign::SuspiciouslyEasy => "suspiciously_easy",
            WarningSign::ProblemsAgeing => "problems_ageing",
            WarningSign::UncheckedOpposition => "unchecked_opposition",
            WarningSign::HappySponsorUnhappyOthers => "happy_sponsor_unhappy_others",
            WarningSign::RenewalApproaching => "renewal_approaching",
            WarningSign::AssessmentStale => "assessment_stale",
            WarningSign::StillInRole => "still_in_role",
        }
    }

    pub fn from_id(id: &str) -> Option<WarningSign> {
        WarningSign::ALL.into_iter().find(|w| w.id() == id)
    }

    /// The short name a person reads.
    pub fn label(self) -> &'static str {
        match self {
            WarningSign::NoSeniorRelationship => "No senior relationship",
            WarningSign::SingleThreaded => "Single-threaded",
            WarningSign::GoingQuiet => "Going quiet",
            WarningSign::SuspiciouslyEasy => "Suspiciously easy",
            WarningSign::ProblemsAgeing => "Problems ageing",
            WarningSign::UncheckedOpposition => "Unchecked opposition",
            WarningSign::HappySponsorUnhappyOthers => "Happy sponsor, unhappy others",
            WarningSign::RenewalApproaching => "Renewal approaching",
            WarningSign::AssessmentStale => "Check-up overdue",
            WarningSign::StillInRole => "Still in their role?",
        }
    }

    /// Why the sign matters, in one sentence.
    pub fn explanation(self) -> &'static str {
        match self {
            WarningSign::NoSeniorRelationship => {
                "Nobody senior there has heard from us lately, so decisions are made without us."
            }
            WarningSign::SingleThreaded => {
                "The whole relationship hangs on one person; if they move, we start from zero."
            }
            WarningSign::GoingQuiet => {
                "We only hear from each other when an order is due, and rivals fill the silence."
            }
            WarningSign::SuspiciouslyEasy => {
                "A long relationship with no complaint for a year: silence is not satisfaction."
            }
            WarningSign::ProblemsAgeing => {
                "An unresolved problem is the opening a competitor waits for."
            }
            WarningSign::UncheckedOpposition => {
                "Someone unhappy has not heard from us; they have time and access to make their case."
            }
            WarningSign::HappySponsorUnhappyOthers => {
                "A happy sponsor does not make the account safe while others there are unhappy."
            }
            WarningSign::RenewalApproaching => {
                "The contract ends soon and the client is not secure."
            }
            WarningSign::AssessmentStale => {
                "The last check-up is more than a quarter old; things may have moved."
            }
            WarningSign::StillInRole => {
                "Nobody has confirmed lately that a key person is still there; a quiet departure takes our access with it."
            }
        }
    }
}

/// How pressing a warning sign is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Strength {
    Watch,
    Strong,
    Urgent,
}

impl Strength {
    pub fn id(self) -> &'static str {
        match self {
            Strength::Watch => "watch",
            Strength::Strong => "strong",
            Strength::Urgent => "urgent",
        }
    }
}

/// A warning sign found on a client, with what produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub sign: WarningSign,
    pub strength: Strength,
    /// The measured number of days behind the sign, where one applies (the
    /// oldest issue's age, days since contact, days to the contract's end).
    pub days: Option<i32>,
    pub evidence: Vec<Evidence>,
}

impl Warning {
    fn new(
        sign: WarningSign,
        strength: Strength,
        days: Option<i32>,
        evidence: Vec<Evidence>,
    ) -> Self {
        Warning {
            sign,
            strength,
            days,
            evidence,
        }
    }

    /// One line saying what was found, for the client page.
    pub fn detail(&self) -> String {
        let days = self.days.unwrap_or(0);
        match self.sign {
            WarningSign::NoSeniorRelationship => format!(
                "No senior leader contacted in the last {SENIOR_CONTACT_DAYS} days."
            ),
            WarningSign::SingleThreaded => format!(
                "Fewer than {MIN_RECENT_CONTACTS} people contacted in the last {RECENT_CONTACT_DAYS} days."
            ),
            WarningSign::GoingQuiet => match self.days {
                Some(d) => format!(
                    "No meeting, call, review or lunch for {d} days (emails do not count)."
                ),
                None => "No meeting, call, review or lunch recorded (emails do not count).".to_string(),
            },
            WarningSign::SuspiciouslyEasy => format!(
                "No issue or complaint recorded in the last {NO_ISSUE_DAYS} days of a long relationship."
            ),
            WarningSign::ProblemsAgeing => format!("The oldest unresolved issue is {days} days old."),
            WarningSign::UncheckedOpposition => format!(
                "An unhappy person has had no meeting, call, review or lunch with us in the last {OPPOSITION_CONTACT_DAYS} days (emails do not count)."
            ),
            WarningSign::HappySponsorUnhappyOthers => {
                "The sponsor is a promoter while someone else there is unhappy.".to_string()
            }
            WarningSign::RenewalApproaching => format!("The contract ends in {days} days."),
            WarningSign::AssessmentStale => format!("The last check-up was {days} days ago."),
            WarningSign::StillInRole => format!(
                "A decision-maker, sponsor or senior leader has not been confirmed in their role for {IN_ROLE_DAYS} days or more."
            ),
        }
    }
}

/// Every warning sign on a client for `today`. `category` is the client's
/// current category (renewals only warn for clients that are not secure).
pub fn warning_signs(client: &Client, category: Category, today: Date) -> Vec<Warning> {
    let mut out = Vec::new();

    // Last contact per person, computed once: several signs need it.
    let contacts = last_contacts(client);
    let people = || client.stakeholders.iter().zip(contacts.iter().copied());

    if !people().any(|(s, c)| s.senior && within_days(c, today, SENIOR_CONTACT_DAYS)) {
        let seniors = client.stakeholders.iter().filter(|s| s.senior);
        out.push(Warning::new(
            WarningSign::NoSeniorRelationship,
            Strength::Watch,
            None,
            seniors.map(Evidence::stakeholder).collect(),
        ));
    }

    let recent = || people().filter(|(_, c)| within_days(*c, today, RECENT_CONTACT_DAYS));
    // Count first: the evidence (names) is only built when the sign is shown.
    if recent().count() < MIN_RECENT_CONTACTS {
        let recent = recent().map(|(s, _)| Evidence::stakeholder(s)).collect();
        out.push(Warning::new(
            WarningSign::SingleThreaded,
            Strength::Watch,
            None,
            recent,
        ));
    }

    let last = last_contact_with_client(client);
    if !within_days(last, today, GOING_QUIET_DAYS) {
        let days = last.map(|d| today.days_since(d));
        out.push(Warning::new(
            WarningSign::GoingQuiet,
            Strength::Watch,
            days,
            vec![Evidence::LastContact(last)],
        ));
    }

    if let Some(start) = client.profile.relationship_start {
        let long = today.days_since(start) >= LONG_RELATIONSHIP_DAYS;
        let recent_issue = client
            .issues
            .iter()
            .any(|i| within_days(Some(i.opened_on), today, NO_ISSUE_DAYS));
        if long && !recent_issue {
            out.push(Warning::new(
                WarningSign::SuspiciouslyEasy,
                Strength::Watch,
                None,
                vec![Evidence::RelationshipStart(start)],
            ));
        }
    }

    let mut ageing: Vec<_> = client
        .issues
        .iter()
        .map(|i| (i, days_open(i, today)))
        .filter(|(_, d)| *d > ISSUE_AGEING_DAYS)
        .collect();
    if !ageing.is_empty() {
        crate::domain::sorting::sort_by_key(&mut ageing, |(_, d)| std::cmp::Reverse(*d));
        let oldest = ageing[0].1;
        let strength = if oldest > ISSUE_AGEING_URGENT_DAYS {
            Strength::Urgent
        } else if oldest > ISSUE_AGEING_STRONG_DAYS {
            Strength::Strong
        } else {
            Strength::Watch
        };
        let evidence = ageing.iter().map(|(i, _)| Evidence::issue(i)).collect();
        out.push(Warning::new(
            WarningSign::ProblemsAgeing,
            strength,
            Some(oldest),
            evidence,
        ));
    }

    // Only meaningful contact answers an unhappy person: an email does not.
    let meaningful = last_meaningful_contacts(client);
    let unchecked: Vec<_> = client
        .stakeholders
        .iter()
        .zip(meaningful.iter().copied())
        .filter(|(s, c)| s.stance.is_obstacle() && !within_days(*c, today, OPPOSITION_CONTACT_DAYS))
        .map(|(s, _)| s)
        .collect();
    if !unchecked.is_empty() {
        let strength = if unchecked.iter().any(|s| s.stance == Stance::Opposed) {
            Strength::Strong
        } else {
            Strength::Watch
        };
        let evidence = unchecked.into_iter().map(Evidence::stakeholder).collect();
        out.push(Warning::new(
            WarningSign::UncheckedOpposition,
            strength,
            None,
            evidence,
        ));
    }

    let sponsors = client
        .stakeholders
        .iter()
        .filter(|s| s.role == Role::Sponsor && s.stance == Stance::Promoter);
    let unhappy = client
        .stakeholders
        .iter()
        .filter(|s| s.stance.is_obstacle());
    if sponsors.clone().next().is_some() && unhappy.clone().next().is_some() {
        out.push(Warning::new(
            WarningSign::HappySponsorUnhappyOthers,
            Strength::Strong,
            None,
            sponsors.chain(unhappy).map(Evidence::stakeholder).collect(),
        ));
    }

    if let Some(end) = client.profile.contract_end {
        let left = end.days_since(today);
        if category != Category::Secure && super::renewal::renewal_approaching(end, today) {
            let strength = if super::renewal::renewal_urgent(end, today) {
                Strength::Urgent
            } else {
                Strength::Strong
            };
            out.push(Warning::new(
                WarningSign::RenewalApproaching,
                strength,
                Some(left),
                vec![Evidence::ContractEnd(end)],
            ));
        }
    }

    if let Some(a) = client.current_assessment() {
        let age = today.days_since(a.date);
        if age > ASSESSMENT_STALE_DAYS {
            out.push(Warning::new(
                WarningSign::AssessmentStale,
                Strength::Watch,
                Some(age),
                vec![Evidence::Assessment {
                    id: a.id.clone(),
                    date: a.date,
                }],
            ));
        }
    }

    out.extend(super::people::still_in_role_warning(client, today));

    out
}

/// Warning signs for a client at its own computed category (the computed one,
/// not an override, so a hopeful override cannot silence a renewal warning).
pub fn client_warning_signs(client: &Client, today: Date) -> Vec<Warning> {
    let category = super::engine::client_verdict(client).computed;
    warning_signs(client, category, today)
}

/// Whether a list of warnings holds a given sign.
pub fn has_sign(warnings: &[Warning], sign: WarningSign) -> bool {
    warnings.iter().any(|w| w.sign == sign)
}
