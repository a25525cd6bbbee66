//! Plan proposals (METHOD.md, "The plan"): actions proposed from the
//! category's headline, the verdict's reasons and the warning signs, for the
//! user to adopt, edit or dismiss.
//!
//! Each proposal has a stable key. `Client.dismissed_proposals` and
//! `Action.proposal` store it, so a dismissed or adopted proposal is not
//! offered again. Keys that concern one person or one issue include its id.

use std::collections::BTreeSet;

use crate::domain::engine::Verdict;
use crate::domain::model::{Category, Client};
use crate::domain::warnings::Warning;

mod proposal;
mod reasons;
mod signs;

pub use proposal::{Proposal, Source};

use proposal::Builder;
use reasons::from_reasons;
use signs::{
    confirm_in_role, engage_obstacles, from_timing, proactive_care, relationship_for_life,
    resolve_unresolved,
};

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
    let category = verdict.worse();

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
    confirm_in_role(&mut b, warnings);

    proactive_care(&mut b);
    b.out
}
