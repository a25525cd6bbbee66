//! Proposals for specific answers of the questionnaire.

use crate::domain::engine::Verdict;
use crate::domain::model::Answer;
use crate::domain::questions::QuestionId;

use super::proposal::{said, Builder, Source};

/// Proposals for specific answers: "resolve what is unresolved" and the
/// steps the other sources do not cover.
pub(super) fn from_reasons(b: &mut Builder, verdict: &Verdict) {
    use QuestionId as Q;
    let table: [(Q, &str, &str, &str, i32); 14] = [
        (
            Q::RSeriousIssues,
            "resolve:together",
            "Bring both teams together to remove what stops them getting our value",
            "Serious problems with our work are an at-risk signal; fixing delivery comes first.",
            7,
        ),
        (
            Q::NUnresolved,
            "resolve:history",
            "List the old complaints and close each one with the client",
            "Problems left without an answer keep shaping how they see us.",
            14,
        ),
        (
            Q::SFeedbackAll,
            "feedback:all",
            "Ask every decision-maker and influencer for their view of our work",
            "We have not heard from everyone our work affects.",
            30,
        ),
        (
            Q::SFeedbackGood,
            "feedback:act",
            "Go through the recent feedback with the main contact and agree what changes",
            "The feedback we get is not positive.",
            14,
        ),
        (
            Q::SInternal,
            "internal:align",
            "Talk to the colleagues who deal with this client and agree who does what",
            "Someone on our own side could harm the relationship.",
            14,
        ),
        (
            Q::SContract,
            "contract:propose",
            "Propose an agreement for a set period, with something in it for them",
            "Without a commitment the client can leave at any time.",
            60,
        ),
        (
            Q::SRivalContact,
            "rivals:deepen",
            "Deepen the relationship where competitors are making contact",
            "They hear from our competitors; we should be the closer partner.",
            21,
        ),
        (
            Q::SSplit,
            "rivals:share",
            "Learn why part of their spending goes elsewhere and what would win it",
            "A rival already has a foothold.",
            30,
        ),
        (
            Q::NPeopleChange,
            "people:new",
            "Meet the new people before they form a view of us",
            "Our contacts or sponsors are changing; a new person owes us nothing yet.",
            14,
        ),
        (
            Q::NCorporateChange,
            "corporate:map",
            "Map who will decide after the merger or reorganisation, and meet them",
            "Changes in ownership or structure often bring new suppliers.",
            21,
        ),
        (
            Q::NNeedChange,
            "need:explore",
            "Study how their business is changing and what they will need from us",
            "Their need for what we sell is shifting.",
            30,
        ),
        (
            Q::NShops,
            "tender:prepare",
            "Prepare early for the next tender, with evidence of the value we brought",
            "They will test the market whatever we do.",
            30,
        ),
        (
            Q::RPrice,
            "value:beyond_price",
            "Show the value we bring beyond price, in their numbers",
            "A client who buys on price leaves for a better price.",
            21,
        ),
        (
            Q::LNotified,
            "loss:learn",
            "Ask why they are leaving, part well, and agree how to stay in touch",
            "Learning why protects the other clients; a good parting keeps the door open.",
            14,
        ),
    ];
    for (q, key, title, why, due) in table {
        if said(verdict, q) {
            b.fixed(key, title, why, due, Source::Reason(q));
        }
    }
    // Competitors circling: the at-risk headline's "deeper relationships".
    for q in [Q::ROffers, Q::RMeetsRivals] {
        if verdict
            .reasons
            .iter()
            .any(|r| r.question == q && r.answer == Answer::Yes)
        {
            b.fixed(
                "rivals:deepen",
                "Deepen the relationship where competitors are making contact",
                "They are open to competitors; we should be the closer partner.",
                14,
                Source::Reason(q),
            );
        }
    }
}
