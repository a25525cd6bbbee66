//! One generated client with its people, issues, touchpoints, history and
//! plan.

use crate::domain::date::Date;
use crate::domain::engine::{category_of, refresh};
use crate::domain::model::{
    Action, Assessment, Category, Channel, Client, Id, Importance, Issue, IssueStatus, Margin,
    MarginLevel, Override, Profile, Role, Severity, Stakeholder, Stance, Touchpoint,
    TouchpointKind,
};

use super::answers::{answers_for, drift};
use super::rng::Rng;
use super::words::{company_name, person_name, ISSUES, MEETING_NOTES, OWNERS, RIVALS};
use super::SampleShape;

pub(super) fn client(
    rng: &mut Rng,
    i: usize,
    target: Category,
    today: Date,
    shape: SampleShape,
) -> Client {
    let cid = format!("c{i:04}");
    let troubled = matches!(target, Category::AtRisk | Category::InevitableLoss);
    let mut c = Client::new(Id::new(cid.clone()), company_name(i));

    // Revenue: many small clients, a few large ones.
    let revenue = match rng.below(10) {
        0..=5 => rng.between(20, 150),
        6..=8 => rng.between(150, 600),
        _ => rng.between(600, 2500),
    } as u64
        * 1000;
    let relationship_days = rng.between(200, 4000);
    let long_and_easy = target == Category::Secure && relationship_days > 900 && rng.chance(50);
    c.profile = Profile {
        name: c.profile.name.clone(),
        external_id: None,
        annual_revenue: rng.chance(95).then_some(revenue),
        margin: Some(if rng.chance(50) {
            Margin::Percent(f64::from(rng.between(5, 45)))
        } else {
            Margin::Level(*rng.pick(&[MarginLevel::Low, MarginLevel::Normal, MarginLevel::High]))
        }),
        contract_end: rng
            .chance(80)
            .then(|| today.add_days(rng.between(-30, 720))),
        relationship_start: Some(today.add_days(-relationship_days)),
        owner: rng.pick(&OWNERS).to_string(),
        importance: Some(*rng.pick(&[Importance::Low, Importance::Medium, Importance::High])),
        notes: if long_and_easy {
            "Easy account, orders come in on their own.".to_string()
        } else {
            String::new()
        },
        tags: vec![rng
            .pick(&["manufacturing", "services", "public", "retail"])
            .to_string()],
    };

    // People: a decision-maker and a sponsor first, then a mix.
    for k in 0..shape.stakeholders {
        let role = match k {
            0 => Role::DecisionMaker,
            1 => Role::Sponsor,
            _ => *rng.pick(&Role::ALL),
        };
        let stance = if k == 1 && rng.chance(70) {
            Stance::Promoter
        } else if troubled && k > 1 && rng.chance(35) {
            *rng.pick(&[Stance::Dissatisfied, Stance::Opposed])
        } else if target == Category::NotSecure && rng.chance(15) {
            Stance::Dissatisfied
        } else {
            *rng.pick(&[
                Stance::Promoter,
                Stance::Supporter,
                Stance::Supporter,
                Stance::Neutral,
            ])
        };
        // The "easy" long-standing client: nobody senior knows us.
        let senior = !long_and_easy && role == Role::DecisionMaker && rng.chance(60);
        let stale = long_and_easy || (troubled && rng.chance(50));
        let last_contact = if rng.chance(85) {
            Some(today.add_days(-rng.between(0, if stale { 400 } else { 120 })))
        } else {
            None
        };
        c.stakeholders.push(Stakeholder {
            id: Id::new(format!("{cid}-p{k}")),
            name: person_name(rng),
            title: match role {
                Role::DecisionMaker => "Head of Purchasing",
                Role::Influencer => "Operations Manager",
                Role::EndUser => "Team Lead",
                Role::Sponsor => "Director",
            }
            .to_string(),
            role,
            senior,
            stance,
            rival_preference: if stance.is_obstacle() && rng.chance(40) {
                rng.pick(&RIVALS).to_string()
            } else {
                String::new()
            },
            feedback_on: rng
                .chance(65)
                .then(|| today.add_days(-rng.between(10, 300))),
            last_contact,
            notes: String::new(),
            // Not drawn from the generator, so the demo's other data stay as they were.
            still_in_role_on: None,
        });
    }

    for k in 0..shape.issues {
        // Long, easy accounts have no complaint on record for over a year.
        let age = if long_and_easy {
            rng.between(400, 900)
        } else {
            rng.between(3, 500)
        };
        let open = (troubled && rng.chance(50)) || rng.chance(15);
        let opened_on = today.add_days(-age);
        c.issues.push(Issue {
            id: Id::new(format!("{cid}-i{k}")),
            title: rng.pick(&ISSUES).to_string(),
            opened_on,
            severity: if troubled && rng.chance(50) {
                Severity::Serious
            } else {
                Severity::Minor
            },
            status: if !open {
                IssueStatus::Resolved
            } else if rng.chance(50) {
                IssueStatus::InProgress
            } else {
                IssueStatus::Open
            },
            owner: rng.pick(&OWNERS).to_string(),
            resolved_on: (!open).then(|| opened_on.add_days(rng.between(2, age.max(2)))),
            notes: String::new(),
        });
    }

    let quiet = long_and_easy || (troubled && rng.chance(40));
    for k in 0..shape.touchpoints {
        let with = if c.stakeholders.is_empty() {
            Vec::new()
        } else {
            let who = rng.below(c.stakeholders.len());
            vec![c.stakeholders[who].id.clone()]
        };
        let channel = *rng.pick(&[
            Channel::Meeting,
            Channel::Call,
            Channel::Review,
            Channel::Lunch,
            Channel::Email,
        ]);
        c.touchpoints.push(Touchpoint {
            id: Id::new(format!("{cid}-t{k}")),
            date: today.add_days(-rng.between(if quiet { 100 } else { 0 }, 420)),
            channel,
            kind: if channel == Channel::Lunch || rng.chance(10) {
                TouchpointKind::Personal
            } else {
                TouchpointKind::Business
            },
            with,
            note: rng.pick(&MEETING_NOTES).to_string(),
        });
    }
    crate::domain::sorting::sort_by_key(&mut c.touchpoints, |t| t.date);

    // Assessment rounds, oldest first, about a quarter apart; some clients
    // were never assessed at all.
    let never = target == Category::Unassessed && rng.chance(40);
    let rounds = if never { 0 } else { shape.assessments };
    let last_age = rng.between(5, 130);
    let mut round_target = target;
    let mut rounds_rev = Vec::with_capacity(rounds);
    for r in 0..rounds {
        let date = today.add_days(-(last_age + 91 * r as i32));
        let mut a = Assessment::new(Id::new(format!("{cid}-a{}", rounds - r)), date);
        a.answers = answers_for(rng, round_target);
        refresh(&mut a);
        // The gut placement is often kinder than the questionnaire.
        a.gut = rng.chance(85).then(|| {
            if rng.chance(40) {
                *rng.pick(&[Category::Secure, Category::NotSecure])
            } else if a.verdict == Category::Unassessed {
                Category::Secure
            } else {
                a.verdict
            }
        });
        let safer = match a.verdict {
            Category::NotSecure => Some(Category::Secure),
            Category::AtRisk => Some(Category::NotSecure),
            Category::InevitableLoss => Some(Category::AtRisk),
            _ => None,
        };
        if let Some(category) = safer.filter(|_| r == 0 && rng.chance(5)) {
            a.r#override = Some(Override {
                category,
                reason: "New contract signed last week; the answers predate it.".to_string(),
            });
        }
        rounds_rev.push(a);
        round_target = drift(rng, round_target);
    }
    rounds_rev.reverse();
    c.assessments = rounds_rev;
    debug_assert!(c
        .current_assessment()
        .is_none_or(|a| category_of(&a.answers) == target));

    for k in 0..2 {
        c.actions.push(Action {
            id: Id::new(format!("{cid}-x{k}")),
            title: if k == 0 {
                "Send the quarterly usage report".to_string()
            } else {
                "Book a review with the sponsor".to_string()
            },
            due: Some(today.add_days(rng.between(-20, 40))),
            owner: c.profile.owner.clone(),
            done: rng.chance(30),
            proposal: None,
            notes: String::new(),
        });
    }
    c
}
