//! The question bank (METHOD.md, "The questionnaire").
//!
//! Every question has a stable id, which is part of the file format: the ids
//! below are exactly METHOD.md's and must never change. The wording is our
//! own. Each question knows its section and its healthy answer; `unsure` is
//! never healthy.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::vocabulary::{Answer, Category};

/// The four sections of the questionnaire, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// Checks for "loyal and secure": all nine must be healthy.
    SecureChecks,
    /// Signals of "loyal, not secure".
    NotSecureSignals,
    /// Signals of "at risk".
    AtRiskSignals,
    /// Signals of "inevitable loss".
    LossSignals,
}

impl Section {
    pub const ALL: [Section; 4] = [
        Section::SecureChecks,
        Section::NotSecureSignals,
        Section::AtRiskSignals,
        Section::LossSignals,
    ];

    /// The category this section tests for.
    pub fn category(self) -> Category {
        match self {
            Section::SecureChecks => Category::Secure,
            Section::NotSecureSignals => Category::NotSecure,
            Section::AtRiskSignals => Category::AtRisk,
            Section::LossSignals => Category::InevitableLoss,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::SecureChecks => "Is the relationship truly secure?",
            Section::NotSecureSignals => "Is something changing?",
            Section::AtRiskSignals => "Are they looking elsewhere?",
            Section::LossSignals => "Is the loss already decided?",
        }
    }

    pub fn intro(self) -> &'static str {
        match self {
            Section::SecureChecks => {
                "Nine checks. Only a client that passes every one, honestly, is loyal and secure."
            }
            Section::NotSecureSignals => {
                "Any yes, or any answer that makes you hesitate, means the loyalty is not secure."
            }
            Section::AtRiskSignals => {
                "Any yes here means a competitor could take this client. Unsure means look closer."
            }
            Section::LossSignals => {
                "A yes here means the client is going. Unsure means treat them as at risk."
            }
        }
    }

    pub fn questions(self) -> impl Iterator<Item = &'static Question> {
        QUESTIONS.iter().filter(move |q| q.section == self)
    }
}

macro_rules! question_ids {
    ($($variant:ident = $id:literal),* $(,)?) => {
        /// A question's stable id, exactly as in METHOD.md.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum QuestionId { $($variant),* }

        impl QuestionId {
            /// Every question id, in questionnaire order.
            pub const ALL: [QuestionId; 25] = [$(QuestionId::$variant),*];

            /// The id as written in files and in `data-question`.
            pub fn as_str(self) -> &'static str {
                match self { $(QuestionId::$variant => $id),* }
            }
        }

        impl FromStr for QuestionId {
            type Err = UnknownQuestion;
            fn from_str(s: &str) -> Result<QuestionId, UnknownQuestion> {
                match s {
                    $($id => Ok(QuestionId::$variant),)*
                    _ => Err(UnknownQuestion(s.to_string())),
                }
            }
        }
    };
}

question_ids! {
    SCommitted = "s_committed",
    SDissent = "s_dissent",
    SFeedbackGood = "s_feedback_good",
    SFeedbackAll = "s_feedback_all",
    SPromoters = "s_promoters",
    SInternal = "s_internal",
    SRivalContact = "s_rival_contact",
    SSplit = "s_split",
    SContract = "s_contract",
    NUnresolved = "n_unresolved",
    NUnhappyLeader = "n_unhappy_leader",
    NRivalPref = "n_rival_pref",
    NRivalTies = "n_rival_ties",
    NShops = "n_shops",
    NPeopleChange = "n_people_change",
    NCorporateChange = "n_corporate_change",
    NNeedChange = "n_need_change",
    ROffers = "r_offers",
    RMeetsRivals = "r_meets_rivals",
    RPrice = "r_price",
    RSeriousIssues = "r_serious_issues",
    LNotified = "l_notified",
    LKnownChange = "l_known_change",
    LUnservable = "l_unservable",
    LWeChanged = "l_we_changed",
}

/// A question id that is not in the bank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownQuestion(pub String);

impl fmt::Display for UnknownQuestion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown question id {:?}", self.0)
    }
}

impl std::error::Error for UnknownQuestion {}

impl fmt::Display for QuestionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for QuestionId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for QuestionId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<QuestionId, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl QuestionId {
    /// The question's full entry in the bank.
    pub fn question(self) -> &'static Question {
        // QUESTIONS is in the same order as QuestionId::ALL (tested).
        &QUESTIONS[self as usize]
    }

    pub fn section(self) -> Section {
        self.question().section
    }
}

/// A question of the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Question {
    pub id: QuestionId,
    pub section: Section,
    /// The question, in our own words.
    pub text: &'static str,
    /// One line that helps answer honestly.
    pub hint: &'static str,
    /// The answer that is healthy. For signal sections this is `No`.
    pub healthy: Answer,
}

impl Question {
    /// Whether an answer is healthy: only the healthy answer is; `unsure` never.
    pub fn is_healthy(&self, answer: Answer) -> bool {
        answer == self.healthy
    }
}

const fn q(
    id: QuestionId,
    section: Section,
    healthy: Answer,
    text: &'static str,
    hint: &'static str,
) -> Question {
    Question {
        id,
        section,
        text,
        hint,
        healthy,
    }
}

use Answer::{No, Yes};
use QuestionId as Q;
use Section::*;

/// The whole bank, in questionnaire order.
#[rustfmt::skip] // one question per three lines reads better than rustfmt's layout
pub static QUESTIONS: [Question; 25] = [
    q(Q::SCommitted, SecureChecks, Yes,
      "Is everyone who decides, influences or uses our work there committed to working with us?",
      "Think of each person by name, not of the account as a whole."),
    q(Q::SDissent, SecureChecks, No,
      "Is anyone there unhappy with us now, or likely to turn against us later?",
      "One quiet critic in the right seat can undo years of goodwill."),
    q(Q::SFeedbackGood, SecureChecks, Yes,
      "Is the feedback we get on our work, in reviews and in passing, positive?",
      "Count what you have actually heard, not what you assume."),
    q(Q::SFeedbackAll, SecureChecks, Yes,
      "Have we heard from every decision-maker, influencer and other person our work affects?",
      "Silence from someone is not the same as satisfaction."),
    q(Q::SPromoters, SecureChecks, Yes,
      "Do our contacts there recommend us to others without being asked?",
      "A promoter speaks up for us when we are not in the room."),
    q(Q::SInternal, SecureChecks, No,
      "Could someone on our own side harm this relationship?",
      "A colleague's missed promise or a billing dispute counts."),
    q(Q::SRivalContact, SecureChecks, No,
      "Do they meet competitors, take their calls, or listen to their offers?",
      "Lunches and conference chats with rivals count too."),
    q(Q::SSplit, SecureChecks, No,
      "Does any of their spending in our field go to a competitor?",
      "Even a small share elsewhere is a foothold for someone else."),
    q(Q::SContract, SecureChecks, Yes,
      "Are they bound to us by a contract for a set period?",
      "An agreement that can end at any time does not count."),
    q(Q::NUnresolved, NotSecureSignals, No,
      "Have problems or complaints been left without a real answer?",
      "Old grievances that nobody closed still shape how they see us."),
    q(Q::NUnhappyLeader, NotSecureSignals, No,
      "Is someone who decides or influences seriously unhappy, or openly against us?",
      "Include people who complain only to their own colleagues."),
    q(Q::NRivalPref, NotSecureSignals, No,
      "Does that person openly prefer another firm?",
      "A stated preference tends to resurface at the next decision."),
    q(Q::NRivalTies, NotSecureSignals, No,
      "Does that person have history with, or a soft spot for, someone else in our field?",
      "Former colleagues and old suppliers pull hard."),
    q(Q::NShops, NotSecureSignals, No,
      "Will a tender, a policy or a habit make them test the market whatever we do?",
      "A yearly tender puts every supplier back on the starting line."),
    q(Q::NPeopleChange, NotSecureSignals, No,
      "Are our contacts or sponsors there leaving, moving on or being replaced?",
      "A new person owes us nothing yet."),
    q(Q::NCorporateChange, NotSecureSignals, No,
      "Is the client merging, being bought or reorganising?",
      "New owners often bring their own suppliers."),
    q(Q::NNeedChange, NotSecureSignals, No,
      "Are changes in their own products or business changing what they need from us?",
      "Less need today can mean no need tomorrow."),
    q(Q::ROffers, AtRiskSignals, No,
      "Would they listen to an offer from a competitor?",
      "Openness to offers is where every switch begins."),
    q(Q::RMeetsRivals, AtRiskSignals, No,
      "Do they meet competitors regularly?",
      "Regular meetings mean a rival is building the relationship we should have."),
    q(Q::RPrice, AtRiskSignals, No,
      "Do they choose mainly on price?",
      "A client who buys on price leaves for a better price."),
    q(Q::RSeriousIssues, AtRiskSignals, No,
      "Do they have serious problems with what we deliver?",
      "Problems that stop them getting the value they pay for."),
    q(Q::LNotified, LossSignals, No,
      "Have they told us they will stop working with us?",
      "Formally or informally: a clear statement counts."),
    q(Q::LKnownChange, LossSignals, No,
      "Is something known to be happening there that makes losing them unavoidable?",
      "A closure, a takeover by a rival's customer, a move out of our market."),
    q(Q::LUnservable, LossSignals, No,
      "Do they now need what we cannot provide, or only at a cost we cannot carry?",
      "Be honest about what we can really offer."),
    q(Q::LWeChanged, LossSignals, No,
      "Are changes on our side making us unable to serve them?",
      "A product withdrawn, a region closed, a capacity cut."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bank_is_in_id_order_and_ids_round_trip() {
        for (i, id) in QuestionId::ALL.iter().enumerate() {
            assert_eq!(QUESTIONS[i].id, *id);
            assert_eq!(id.as_str().parse::<QuestionId>(), Ok(*id));
        }
        assert!("s_unknown".parse::<QuestionId>().is_err());
    }

    #[test]
    fn sections_hold_the_method_counts() {
        let counts: Vec<usize> = Section::ALL.iter().map(|s| s.questions().count()).collect();
        assert_eq!(counts, vec![9, 8, 4, 4]);
        for s in [NotSecureSignals, AtRiskSignals, LossSignals] {
            assert!(s.questions().all(|q| q.healthy == No));
        }
    }
}
