//! Proposals from the evidence and the warning signs: obstacles to engage,
//! ageing issues, a thin relationship, timing, and routine care.

use std::collections::BTreeSet;

use crate::domain::engine::Verdict;
use crate::domain::evidence::Evidence;
use crate::domain::model::{Client, Id};
use crate::domain::questions::QuestionId;
use crate::domain::warnings::{Strength, Warning, WarningSign};

use super::proposal::{said, Builder, Source};

/// "Engage the obstacle": per unhappy person, meeting them and enlisting a
/// colleague of theirs; a generic step when the answers name dissent nobody
/// recorded; and, when the sponsor is happy but others are not, the sponsor's help.
pub(super) fn engage_obstacles(
    b: &mut Builder,
    client: &Client,
    verdict: &Verdict,
    warnings: &[Warning],
) {
    let unchecked: BTreeSet<&Id> = crate::domain::sorting::set_from(
        warnings
            .iter()
            .filter(|w| w.sign == WarningSign::UncheckedOpposition)
            .flat_map(|w| w.evidence.iter())
            .filter_map(|e| match e {
                Evidence::Stakeholder { id, .. } => Some(id),
                _ => None,
            }),
    );
    let mut any = false;
    for s in client
        .stakeholders
        .iter()
        .filter(|s| s.stance.is_obstacle())
    {
        any = true;
        let due = if unchecked.contains(&s.id) { 7 } else { 14 };
        b.add(
            format!("engage:{}", s.id),
            format!("Meet {} with an open mind to learn what drives their view", s.name),
            format!(
                "{} is {}. Listen first, explain our constraints honestly, and aim to move them towards neutral.",
                s.name,
                s.stance.name().to_lowercase()
            ),
            due,
            Source::Warning(WarningSign::UncheckedOpposition),
        );
        // METHOD.md's "enlist a colleague of theirs" holds for anyone unhappy,
        // dissatisfied as well as opposed.
        b.add(
            format!("enlist:{}", s.id),
            format!(
                "Ask a colleague {} trusts to help us understand them",
                s.name
            ),
            "Someone with credibility on their side can open a door we cannot open alone.".into(),
            21,
            Source::Warning(WarningSign::UncheckedOpposition),
        );
    }
    let named = [QuestionId::SDissent, QuestionId::NUnhappyLeader]
        .into_iter()
        .find(|q| said(verdict, *q));
    if let (false, Some(q)) = (any, named) {
        b.fixed(
            "engage:unknown",
            "Find out who is unhappy there, record them, and meet them",
            "The answers say someone is unhappy, but nobody is recorded as such.",
            14,
            Source::Reason(q),
        );
    }
    if warnings
        .iter()
        .any(|w| w.sign == WarningSign::HappySponsorUnhappyOthers)
    {
        b.fixed(
            "sponsor:enlist",
            "Ask the sponsor to help bring the unhappy people there round",
            "Our sponsor is happy but others are not; someone trusted inside can open doors we cannot.",
            14,
            Source::Warning(WarningSign::HappySponsorUnhappyOthers),
        );
    }
}

/// "Resolve what is unresolved": one proposal per ageing issue (the general
/// steps, when the answers report problems, are in [`from_reasons`]).
pub(super) fn resolve_unresolved(b: &mut Builder, warnings: &[Warning]) {
    for w in warnings
        .iter()
        .filter(|w| w.sign == WarningSign::ProblemsAgeing)
    {
        let due = match w.strength {
            Strength::Urgent => 3,
            Strength::Strong => 7,
            Strength::Watch => 14,
        };
        for e in &w.evidence {
            if let Evidence::Issue { id, title, .. } = e {
                b.add(
                    format!("resolve:{id}"),
                    format!("Resolve \u{201c}{title}\u{201d} or agree how to soften it"),
                    "An open problem is where dissatisfaction grows. Deliver what was promised; if a fix is impossible, mitigate.".into(),
                    due,
                    Source::Warning(WarningSign::ProblemsAgeing),
                );
            }
        }
    }
}

/// "A relationship for life", as METHOD.md describes it, when the evidence
/// shows a thin or complacent relationship.
pub(super) fn relationship_for_life(b: &mut Builder, client: &Client, warnings: &[Warning]) {
    let has = |sign| warnings.iter().any(|w| w.sign == sign);
    let thin = has(WarningSign::NoSeniorRelationship)
        || has(WarningSign::SingleThreaded)
        || has(WarningSign::GoingQuiet)
        || has(WarningSign::SuspiciouslyEasy);
    if has(WarningSign::NoSeniorRelationship) {
        b.fixed(
            "life:meet_senior",
            "Meet their senior leaders",
            "We do not know the people who make the big decisions there.",
            21,
            Source::Warning(WarningSign::NoSeniorRelationship),
        );
    }
    if !thin {
        return;
    }
    let source = || Source::Warning(WarningSign::SuspiciouslyEasy);
    b.fixed(
        "life:ask_value",
        "Ask what they would value from us (planning help, pricing, usage reports) and how often",
        "Silence is not satisfaction; asking shows we care and tells us what matters.",
        14,
        source(),
    );
    if has(WarningSign::SingleThreaded) {
        b.fixed(
            "life:inform_quarterly",
            "Keep the people we rarely meet informed, at least every quarter",
            "The relationship rests on too few people.",
            30,
            Source::Warning(WarningSign::SingleThreaded),
        );
    }
    b.fixed(
        "life:regular_meeting",
        "Set a regular meeting with the main contact about open questions and needs",
        "Regular, meaningful contact keeps us in the conversation before decisions are made.",
        14,
        Source::Warning(WarningSign::GoingQuiet),
    );
    let personal = client
        .touchpoints
        .iter()
        .any(|t| t.kind == crate::domain::model::TouchpointKind::Personal);
    if !personal {
        b.fixed(
            "life:personal",
            "Invite the main contact to a lunch or breakfast outside the office",
            "Ties outside the office make a relationship that lasts.",
            30,
            source(),
        );
    }
}

/// Renewals and stale check-ups.
pub(super) fn from_timing(b: &mut Builder, warnings: &[Warning]) {
    for w in warnings {
        match w.sign {
            WarningSign::RenewalApproaching => {
                let end = w.evidence.iter().find_map(|e| match e {
                    Evidence::ContractEnd(d) => Some(*d),
                    _ => None,
                });
                let key = end.map_or("renewal".to_string(), |d| format!("renewal:{d}"));
                b.add(
                    key,
                    "Start the renewal conversation now".into(),
                    "The contract ends soon and the client is not secure; late is too late.".into(),
                    if w.strength == Strength::Urgent {
                        3
                    } else {
                        14
                    },
                    Source::Warning(WarningSign::RenewalApproaching),
                );
            }
            WarningSign::AssessmentStale => b.fixed(
                "reassess",
                "Repeat the check-up",
                "The last check-up is more than a quarter old.",
                7,
                Source::Warning(WarningSign::AssessmentStale),
            ),
            _ => {}
        }
    }
}

/// "Proactive care for everyone, all the time": every client, a leaving one
/// too, since how we treat them to the end decides whether they come back.
pub(super) fn proactive_care(b: &mut Builder) {
    b.fixed(
        "care:tell",
        "Tell them what their business means to us",
        "Do not wait for a threat to say it.",
        30,
        Source::Care,
    );
    b.fixed(
        "care:meet",
        "Meet them regularly, and make every meeting worth their time",
        "Contact only when an order is due leaves room for others; meetings with substance keep us close.",
        30,
        Source::Care,
    );
    b.fixed(
        "care:help",
        "Study their business and offer an introduction or idea that helps them",
        "Helping them succeed is the best case for staying with us.",
        60,
        Source::Care,
    );
    b.fixed(
        "care:advocate",
        "Speak up for them: recommend them and introduce them where it helps their business",
        "Being their advocate, not only their supplier, is what makes us hard to replace.",
        60,
        Source::Care,
    );
}

/// "Still in their role?": one proposal per key person nobody has confirmed
/// lately, to check they are still there (and who replaces them if not).
pub(super) fn confirm_in_role(b: &mut Builder, warnings: &[Warning]) {
    for w in warnings
        .iter()
        .filter(|w| w.sign == WarningSign::StillInRole)
    {
        for e in &w.evidence {
            if let Evidence::Stakeholder { id, name } = e {
                b.add(
                    format!("in_role:{id}"),
                    format!("Check that {name} is still in their role"),
                    "A key person who moved on quietly takes our access with them; if they have gone, meet whoever replaced them.".into(),
                    7,
                    Source::Warning(WarningSign::StillInRole),
                );
            }
        }
    }
}
