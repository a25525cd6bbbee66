//! Proposals for specific answers of the questionnaire.

use crate::domain::engine::Verdict;
use crate::domain::model::Answer;
use crate::domain::questions::QuestionId;

use super::proposal::{said, Builder, Source};

/// Proposals for specific answers: "resolve what is unresolved" and the
/// steps the other sources do not cover.
pub(super) fn from_reasons(b: &mut Builder, verdict: &Verdict) {
    use QuestionId as Q;
    let table: [(Q, &str, &str, &str, i32); 17] = [
        (
            Q::RSeriousIssues,
            "resolve:together",
            "Bring both teams together to remove what stops them getting our value",
            "Serious problems with our work are an at-risk signal; fixing delivery comes first.",
            7,
        ),
        (
            Q::SCommitted,
            "commit:win",
            "Find out who there is not yet committed to working with us, and what would win them over",
            "Every decision-maker, influencer and user should want to work with us; anyone less is an opening.",
            21,
        ),
        (
            Q::SPromoters,
            "promoters:earn",
            "Ask a satisfied contact whether they would recommend us, and what would make them do it",
            "People who speak for us defend us when a competitor calls; nobody there does yet.",
            30,
        ),
        (
            Q::NRivalPref,
            "rival_pref:learn",
            "Learn what draws them to the other firm and show where we do better",
            "Someone there prefers a competitor; that view will weigh in the next decision.",
            21,
        ),
        (
            Q::NRivalTies,
            "rival_ties:widen",
            "Build ties with the people around the one who is close to a competitor",
            "An old bond with a rival can pull the business away unless others there know our value.",
            21,
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
    ];
    for (q, key, title, why, due) in table {
        if said(verdict, q) {
            b.fixed(key, title, why, due, Source::Reason(q));
        }
    }
    // Competitors circling, on `yes` and on `unsure` alike: either is an
    // at-risk signal, and "deeper relationships" is the at-risk headline.
    for q in [Q::ROffers, Q::RMeetsRivals] {
        if said(verdict, q) {
            b.fixed(
                "rivals:deepen",
                "Deepen the relationship where competitors are making contact",
                "They are open to competitors; we should be the closer partner.",
                14,
                Source::Reason(q),
            );
        }
    }
    from_loss(b, verdict);
}

/// The inevitable-loss questions: `yes` is decisive, so the step is to part
/// well or test whether the loss can be turned; `unsure` is a doubt to clear.
fn from_loss(b: &mut Builder, verdict: &Verdict) {
    use QuestionId as Q;
    let table: [(Q, &str, &str, &str, &str); 4] = [
        (
            Q::LNotified,
            "loss:learn",
            "Ask why they are leaving, part well, and agree how to stay in touch",
            "Learning why protects the other clients; a good parting keeps the door open.",
            "Ask them plainly whether they plan to stop working with us",
        ),
        (
            Q::LKnownChange,
            "loss:known_change",
            "Learn what the change on their side means for us, and what part of the work could continue",
            "A change at the client ends the relationship as it is; knowing it early lets us part well and protect the rest.",
            "Find out whether the changes on their side will end our work together",
        ),
        (
            Q::LUnservable,
            "loss:unservable",
            "Check whether we could provide what they now need, with a partner or at a price they would pay",
            "They need what we cannot provide today; before letting go, know whether that could change.",
            "Confirm what they will need next, and whether we can provide it",
        ),
        (
            Q::LWeChanged,
            "loss:we_changed",
            "Tell them honestly what is changing on our side, and help them move on well",
            "Our own changes end this relationship; parting well keeps our name good and the door open.",
            "Check with our own side whether our changes still let us serve them",
        ),
    ];
    for (q, key, title, why, doubt) in table {
        match answer(verdict, q) {
            Some(Answer::Yes) => b.fixed(key, title, why, 14, Source::Reason(q)),
            Some(_) => b.fixed(
                &format!("{key}:confirm"),
                doubt,
                "A doubt about losing the client is an at-risk signal; a clear answer shows what to do.",
                7,
                Source::Reason(q),
            ),
            None => {}
        }
    }
}

fn answer(verdict: &Verdict, q: QuestionId) -> Option<Answer> {
    verdict
        .reasons
        .iter()
        .find(|r| r.question == q)
        .map(|r| r.answer)
}
