//! Triage (METHOD.md, "Triage"): the questions asked of an at-risk client or
//! an inevitable loss, and the three recorded outcomes. The questions are
//! open (answered in the user's words); the decision is the user's.

use std::collections::BTreeMap;
use std::fmt;

use super::date::Date;
use super::model::{Category, Client, MarginLevel, TriageDecision, TriageOutcome};

/// A triage question, with a stable id used as the key in `TriageDecision.answers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TriageQuestion {
    pub id: &'static str,
    pub text: &'static str,
    pub hint: &'static str,
}

const fn tq(id: &'static str, text: &'static str, hint: &'static str) -> TriageQuestion {
    TriageQuestion { id, text, hint }
}

/// Asked of an at-risk client.
pub static AT_RISK_TRIAGE: [TriageQuestion; 6] = [
    tq(
        "t_in_control",
        "Are the causes of the risk within our control?",
        "Delivery we can fix; a new owner's policy we cannot.",
    ),
    tq(
        "t_what_change",
        "What change and effort would move this client out of risk?",
        "Name the people, the fixes and the time it would take.",
    ),
    tq(
        "t_feasible",
        "Is that effort feasible and reasonable, and what would it cost?",
        "Count the hours of our best people, not only money.",
    ),
    tq(
        "t_crowds_out",
        "Would it take effort away from other clients?",
        "Saving one client at the expense of three is a poor trade.",
    ),
    tq(
        "t_strategic",
        "Do we have a strategic reason to keep them?",
        "A reference name, a market we want, a capability they help us build.",
    ),
    tq(
        "t_low_value",
        "Are they a low-revenue or low-margin client?",
        "Look at the numbers before the feelings.",
    ),
];

/// Asked of an inevitable loss.
pub static LOSS_TRIAGE: [TriageQuestion; 4] = [
    tq(
        "t_worth_trying",
        "Is it worth trying to keep them at all?",
        "Sometimes the best use of effort is elsewhere.",
    ),
    tq(
        "t_more_value",
        "Can we create more value for them than we have so far?",
        "Something new, not the same offer said louder.",
    ),
    tq(
        "t_would_pay",
        "Would they pay for that extra value?",
        "If not, the gap is not worth closing.",
    ),
    tq(
        "t_win_back",
        "What would it take to be given a chance again later?",
        "A good parting today is the first step of a win-back.",
    ),
];

/// The triage questions for a category (none outside at risk and inevitable loss).
pub fn triage_questions(category: Category) -> &'static [TriageQuestion] {
    match category {
        Category::AtRisk => &AT_RISK_TRIAGE,
        Category::InevitableLoss => &LOSS_TRIAGE,
        _ => &[],
    }
}

/// Whether the method asks for a triage decision in this category.
pub fn needs_triage(category: Category) -> bool {
    matches!(category, Category::AtRisk | Category::InevitableLoss)
}

impl TriageOutcome {
    pub fn name(self) -> &'static str {
        match self {
            TriageOutcome::InvestToRecover => "Invest to recover",
            TriageOutcome::MaintainAndWatch => "Maintain and watch",
            TriageOutcome::LetGoWell => "Let go well",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            TriageOutcome::InvestToRecover => {
                "Worth saving: commit people and time to the major changes."
            }
            TriageOutcome::MaintainAndWatch => {
                "Keep serving them well without extra investment, and check again soon."
            }
            TriageOutcome::LetGoWell => {
                "Part on good terms, record why the client is lost, and keep the door open."
            }
        }
    }
}

/// Why a triage decision cannot be recorded as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TriageError {
    /// Letting a client go needs the reasons for the loss.
    LossReasonsMissing,
}

impl fmt::Display for TriageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TriageError::LossReasonsMissing => {
                write!(
                    f,
                    "write down why the client is being lost before letting them go"
                )
            }
        }
    }
}

impl std::error::Error for TriageError {}

/// A triage decision, checked: "let go well" requires the reasons for the loss.
/// Blank answers are dropped.
pub fn decide(
    decided_on: Date,
    outcome: TriageOutcome,
    answers: BTreeMap<String, String>,
    loss_reasons: &str,
) -> Result<TriageDecision, TriageError> {
    let loss_reasons = loss_reasons.trim();
    if outcome == TriageOutcome::LetGoWell && loss_reasons.is_empty() {
        return Err(TriageError::LossReasonsMissing);
    }
    Ok(TriageDecision {
        decided_on,
        outcome,
        answers: answers
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect(),
        loss_reasons: loss_reasons.to_string(),
    })
}

/// What the record already says about `t_low_value`, to prompt the answer:
/// `Some(true)` for a low margin, `Some(false)` for normal or high, `None`
/// when the margin is unknown.
pub fn low_margin(client: &Client) -> Option<bool> {
    client.profile.margin.map(|m| m.level() == MarginLevel::Low)
}
