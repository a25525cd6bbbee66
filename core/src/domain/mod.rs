//! The method as plain Rust data and pure functions (METHOD.md).
//!
//! Nothing in this module reads a clock, touches the browser or depends on
//! the UI framework: "today" is always a parameter, and ids are passed in.

pub mod changes;
pub mod date;
pub mod engine;
pub mod evidence;
pub mod fragile;
pub mod gut;
pub mod model;
pub mod path;
pub mod people;
pub mod placement;
pub mod plan;
pub mod questions;
pub mod ranking;
pub mod renewal;
pub mod sample;
pub mod sorting;
pub mod suggestions;
pub mod summary;
pub mod team;
pub mod triage;
pub mod vocabulary;
pub mod warnings;
pub mod whatif;

pub use changes::{Changes, Part, Stamp};
pub use date::Date;
pub use engine::{
    category_of, clear_answer, client_verdict, compute, recheck, set_answer, shown_category,
    verdict, Reason, Verdict,
};
pub use evidence::Evidence;
pub use gut::{compare_gut, gut_call, GutCall, GutComparison};
pub use model::*;
pub use placement::{make_override, OverrideError};
pub use plan::{headline, proposals, Proposal, Source as ProposalSource};
pub use questions::{Question, QuestionId, Section, QUESTIONS};
pub use ranking::{key_people, next_actions, pressing_issues, stakeholder_weight};
pub use renewal::{renewal_approaching, renewal_soon, renewal_urgent};
pub use sample::{demo_portfolio, generate_portfolio, SampleShape};
pub use suggestions::{confirm, pending_suggestions, suggestions, Suggestion};
pub use summary::{
    assess, assess_portfolio, blind_spot, blind_spots, board, client_move, due_list, is_lost,
    lessons_from_loss, movement, realism, summarize, BlindSpot, Board, BoardTally, ClientView,
    Column, DueItem, DueKind, Lesson, Movement, Realism, RevenueTotal, Summary, Trend,
};
pub use triage::{
    decide, needs_triage, triage_questions, TriageError, TriageQuestion, AT_RISK_TRIAGE,
    LOSS_TRIAGE,
};
pub use warnings::{client_warning_signs, warning_signs, Strength, Warning, WarningSign};
