//! The closed vocabularies of the method (categories, answers, roles,
//! stances…), each with its one table of string ids.
//!
//! The ids are part of the file format and of the UI's `data-*` hooks, so
//! each is written once, in the [`vocabulary!`] table below: the serde names,
//! [`id`](Role::id), [`from_id`](Role::from_id), [`IDS`](Role::IDS) and
//! [`ALL`](Role::ALL) all come from it, and a test checks the published JSON
//! Schema against [`IDS`](Role::IDS). This module uses no other domain
//! module, so records and the question bank can both build on it.

use serde::{Deserialize, Serialize};

/// Declares each enum with its ids. Serde keeps its derived (de)serialiser,
/// one `rename` per variant, so files read and write exactly as before
/// (including serde's own error messages, which name the JSON path).
macro_rules! vocabulary {
    ($(
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $id:literal,)+
        }
    )+) => {$(
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// Every value with its id, in declaration order.
            pub const IDS: [($name, &'static str); [$($id),+].len()] =
                [$(($name::$variant, $id)),+];

            /// The stable id used in files and in the UI's `data-*` hooks.
            pub const fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)+
                }
            }

            pub fn from_id(id: &str) -> Option<$name> {
                match id {
                    $($id => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    )+};
}

vocabulary! {
    /// The four places on the loyalty continuum, plus "not yet assessed".
    ///
    /// The order of the variants is from most secure to most severe, so
    /// `a < b` means "a is safer than b"; `Unassessed` sorts first because it
    /// claims nothing.
    pub enum Category {
        Unassessed = "unassessed",
        Secure = "secure",
        NotSecure = "not_secure",
        AtRisk = "at_risk",
        InevitableLoss = "inevitable_loss",
    }

    /// An answer to a questionnaire question. `Unsure` is never healthy.
    pub enum Answer {
        Yes = "yes",
        No = "no",
        Unsure = "unsure",
    }

    pub enum MarginLevel {
        Low = "low",
        Normal = "normal",
        High = "high",
    }

    pub enum Importance {
        Low = "low",
        Medium = "medium",
        High = "high",
    }

    pub enum Role {
        DecisionMaker = "decision_maker",
        Influencer = "influencer",
        EndUser = "end_user",
        Sponsor = "sponsor",
    }

    /// Where a person stands towards us, from warmest to most hostile.
    pub enum Stance {
        Promoter = "promoter",
        Supporter = "supporter",
        Neutral = "neutral",
        Dissatisfied = "dissatisfied",
        Opposed = "opposed",
    }

    pub enum Severity {
        Minor = "minor",
        Serious = "serious",
    }

    pub enum IssueStatus {
        Open = "open",
        InProgress = "in_progress",
        Resolved = "resolved",
    }

    pub enum Channel {
        Meeting = "meeting",
        Call = "call",
        Review = "review",
        Lunch = "lunch",
        Email = "email",
        Other = "other",
    }

    /// Business or personal: the method values ties outside the office too.
    pub enum TouchpointKind {
        Business = "business",
        Personal = "personal",
    }

    pub enum TriageOutcome {
        InvestToRecover = "invest_to_recover",
        MaintainAndWatch = "maintain_and_watch",
        LetGoWell = "let_go_well",
    }
}

impl Category {
    /// Every category, in board order (most secure first, unassessed last).
    pub const BOARD_ORDER: [Category; 5] = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
        Category::Unassessed,
    ];

    /// The four placements a person can choose (gut placement, override).
    pub const PLACEMENTS: [Category; 4] = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
    ];

    /// The name a person reads.
    pub fn name(self) -> &'static str {
        match self {
            Category::Unassessed => "Not yet assessed",
            Category::Secure => "Loyal and secure",
            Category::NotSecure => "Loyal, not secure",
            Category::AtRisk => "At risk",
            Category::InevitableLoss => "Inevitable loss",
        }
    }

    /// Severity rank: 0 for secure or unassessed, up to 3 for inevitable loss.
    /// Monotonicity of the engine is stated in these terms.
    pub fn severity(self) -> u8 {
        match self {
            Category::Unassessed | Category::Secure => 0,
            Category::NotSecure => 1,
            Category::AtRisk => 2,
            Category::InevitableLoss => 3,
        }
    }
}

impl Answer {
    /// How the answer reads on screen and on paper.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes",
            Answer::No => "No",
            Answer::Unsure => "Unsure",
        }
    }
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::DecisionMaker => "Decision-maker",
            Role::Influencer => "Influencer",
            Role::EndUser => "End user",
            Role::Sponsor => "Sponsor",
        }
    }
}

impl Stance {
    pub fn name(self) -> &'static str {
        match self {
            Stance::Promoter => "Promoter",
            Stance::Supporter => "Supporter",
            Stance::Neutral => "Neutral",
            Stance::Dissatisfied => "Dissatisfied",
            Stance::Opposed => "Opposed",
        }
    }
    /// Dissatisfied or opposed: an obstacle to engage.
    pub fn is_obstacle(self) -> bool {
        matches!(self, Stance::Dissatisfied | Stance::Opposed)
    }
}
