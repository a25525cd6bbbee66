//! Plan proposals (METHOD.md, "The plan"): actions proposed from the
//! category's headline, the verdict's reasons and the warning signs, for the
//! user to adopt, edit or dismiss.
//!
//! Each proposal has a stable key. `Client.dismissed_proposals` and
//! `Action.proposal` store it, so a dismissed or adopted proposal is not
//! offered again. Keys that concern one person or one issue include its id.

use std::collections::BTreeSet;

use super::date::Date;
use super::engine::Verdict;
use super::evidence::Evidence;
use super::model::{Action, Answer, Category, Client, Id, Stance};
use super::questions::QuestionId;
use super::warnings::{Strength, Warning, WarningSign};

/// Where a proposal comes from, so the UI can say why it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Category(Category),
    Reason(QuestionId),
    Warning(WarningSign),
    /// Proactive care: proposed for every client we mean to keep.
    Care,
}

/// A proposed action, not yet in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// Stable key, stored when adopted or dismissed.
    pub key: String,
    pub title: String,
    /// Why it is proposed, in one or two sentences.
    pub why: String,
    /// Default due date, in days from the day it is adopted.
    pub due_in_days: i32,
    pub source: Source,
}

impl Proposal {
    /// The action the user adopts from this proposal.
    pub fn to_action(&self, id: Id, today: Date, owner: &str) -> Action {
        Action {
            id,
            title: self.title.clone(),
            due: Some(today.add_days(self.due_in_days)),
            owner: owner.to_string(),
            done: false,
            proposal: Some(self.key.clone()),
            notes: self.why.clone(),
        }
    }
}

/// The category's headline: how to create value for a client placed there.
pub fn headline(category: Category) -> (&'static str, &'static str) {
    match category {
        Category::Secure => (
            "Keep delivering, make the relationship strategic, bring a new idea",
            "A secure client stays secure only while we keep earning it; complacency is the danger.",
        ),
        Category::NotSecure => (
            "Deliver, close the open issues, win over whoever is unhappy",
            "Loyal, but not secure while anyone there is dissatisfied or something is changing.",
        ),
        Category::AtRisk => (
            "Make major changes: deeper, more strategic relationships and fixed delivery",
            "A competitor could take this client; small adjustments will not be enough.",
        ),
        Category::InevitableLoss => (
            "Decide whether to pursue; if not, part well, learn why, keep the door open",
            "The loss is announced or unavoidable; spend effort only where it can still pay.",
        ),
        Category::Unassessed => (
            "Complete the check-up",
            "Until the questions are answered we cannot tell where this client stands.",
        ),
    }
}

/// Collects proposals, skipping duplicates and anything adopted or dismissed.
struct Builder<'a> {
    taken: BTreeSet<&'a str>,
    seen: BTreeSet<String>,
    out: Vec<Proposal>,
}

impl Builder<'_> {
    fn add(&mut self, key: String, title: String, why: String, due_in_days: i32, source: Source) {
        if self.taken.contains(key.as_str()) || !self.seen.insert(key.clone()) {
            return;
        }
        self.out.push(Proposal {
            key,
            title,
            why,
            due_in_days,
            source,
        });
    }

    fn fixed(&mut self, key: &str, title: &str, why: &str, due: i32, source: Source) {
        self.add(key.into(), title.into(), why.into(), due, source);
    }
}

/// Proposals for a client from its verdict and warning signs, without those
/// already adopted into the plan or dismissed. Order: headline, triage, then
/// the most pressing first as they arise.
pub fn proposals(client: &Client, verdict: &Verdict, warnings: &[Warning]) -> Vec<Proposal> {
    let taken = client
        .dismissed_proposals
        .iter()
        .map(String::as_str)
        .chain(client.actions.iter().filter_map(|a| a.proposal.as_deref()))
        .collect();
    let mut b = Builder {
        taken,
        seen: BTreeSet::new(),
        out: Vec::new(),
    };
    // An override never hides a worse computed category from the plan.
    let category = if verdict.computed.severity() > verdict.category.severity() {
        verdict.computed
    } else {
        verdict.category
    };

    let (title, why) = headline(category);
    let due = match category {
        Category::AtRisk | Category::InevitableLoss | Category::Unassessed => 7,
        _ => 30,
    };
    b.fixed(
        &format!("headline:{}", category.id()),
        title,
        why,
        due,
        Source::Category(category),
    );
    if matches!(category, Category::AtRisk | Category::InevitableLoss) && client.triage.is_none() {
        b.fixed(
            "triage",
            "Decide in triage whether keeping this client is worth the effort",
            "Not every client is worth saving at any cost; record the decision and its reasons.",
            7,
            Source::Category(category),
        );
    }
    if verdict.incomplete && category != Category::Unassessed {
        b.fixed(
            "assess:finish",
            "Answer the open questions of the check-up",
            "Some open questions could still show that the client stands worse than this.",
            7,
            Source::Category(category),
        );
    }

    engage_obstacles(&mut b, client, verdict, warnings);
    resolve_unresolved(&mut b, warnings);
    from_reasons(&mut b, verdict);
    relationship_for_life(&mut b, client, warnings);
    from_timing(&mut b, warnings);

    if category != Category::InevitableLoss {
        proactive_care(&mut b);
    }
    b.out
}

fn said(verdict: &Verdict, q: QuestionId) -> bool {
    verdict.reasons.iter().any(|r| r.question == q)
}

/// "Engage the obstacle": one proposal per unhappy person, plus enlisting help
/// for the opposed; a generic one when the answers name dissent nobody recorded.
fn engage_obstacles(b: &mut Builder, client: &Client, verdict: &Verdict, warnings: &[Warning]) {
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
        if s.stance == Stance::Opposed {
            b.add(
                format!("enlist:{}", s.id),
                format!(
                    "Ask a colleague {} trusts to help us understand them",
                    s.name
                ),
                "Someone with credibility on their side can open a door we cannot open alone."
                    .into(),
                21,
                Source::Warning(WarningSign::UncheckedOpposition),
            );
        }
    }
    if !any && (said(verdict, QuestionId::SDissent) || said(verdict, QuestionId::NUnhappyLeader)) {
        b.fixed(
            "engage:unknown",
            "Find out who is unhappy there, record them, and meet them",
            "The answers say someone is unhappy, but nobody is recorded as such.",
            14,
            Source::Reason(QuestionId::SDissent),
        );
    }
}

/// "Resolve what is unresolved": one proposal per ageing issue (the general
/// steps, when the answers report problems, are in [`from_reasons`]).
fn resolve_unresolved(b: &mut Builder, warnings: &[Warning]) {
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

/// Proposals for specific answers: "resolve what is unresolved" and the
/// steps the other sources do not cover.
fn from_reasons(b: &mut Builder, verdict: &Verdict) {
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

/// "A relationship for life", as METHOD.md describes it, when the evidence
/// shows a thin or complacent relationship.
fn relationship_for_life(b: &mut Builder, client: &Client, warnings: &[Warning]) {
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
        .any(|t| t.kind == super::model::TouchpointKind::Personal);
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
fn from_timing(b: &mut Builder, warnings: &[Warning]) {
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

/// "Proactive care for everyone, all the time".
fn proactive_care(b: &mut Builder) {
    b.fixed(
        "care:tell",
        "Tell them what their business means to us",
        "Do not wait for a threat to say it.",
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
}
