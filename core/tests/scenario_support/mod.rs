//! Builders shared by the scenario tests (`domain_scenarios*.rs`): people,
//! meetings, issues and check-ups dated from one "today", and short views
//! of what the engine says about a client.
#![allow(dead_code)]

use continuum_core::domain::engine::client_verdict;
use continuum_core::domain::plan::proposals;
use continuum_core::domain::warnings::{client_warning_signs, Warning, WarningSign as W};
use continuum_core::domain::{
    Answer, Assessment, Category, Channel, Client, Date, Id, Issue, IssueStatus, QuestionId as Q,
    Role, Severity, Stakeholder, Stance, Touchpoint, TouchpointKind,
};

use super::domain_support::{clean, lay};
use Answer::{Unsure, Yes};

pub fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

pub fn ago(days: i32) -> Date {
    today().add_days(-days)
}

pub fn person(id: &str, name: &str, role: Role, senior: bool, stance: Stance) -> Stakeholder {
    Stakeholder {
        id: Id::new(id),
        name: name.to_string(),
        title: String::new(),
        role,
        senior,
        stance,
        rival_preference: String::new(),
        feedback_on: Some(ago(40)),
        last_contact: None,
        notes: String::new(),
        still_in_role_on: None,
    }
}

pub fn met(id: &str, days_ago: i32, with: &[&Stakeholder], kind: TouchpointKind) -> Touchpoint {
    Touchpoint {
        id: Id::new(id),
        date: ago(days_ago),
        channel: Channel::Meeting,
        kind,
        with: with.iter().map(|s| s.id.clone()).collect(),
        note: String::new(),
    }
}

pub fn issue(
    id: &str,
    title: &str,
    days_open: i32,
    severity: Severity,
    status: IssueStatus,
) -> Issue {
    Issue {
        id: Id::new(id),
        title: title.to_string(),
        opened_on: ago(days_open),
        severity,
        status,
        owner: String::new(),
        resolved_on: None,
        notes: String::new(),
    }
}

/// An assessment `days_ago` old with the given answers; with `full`, every
/// other question is answered healthily.
pub fn check_up(
    days_ago: i32,
    gut: Option<Category>,
    given: &[(Q, Answer, &str)],
    full: bool,
) -> Assessment {
    let mut a = Assessment::new(Id::new("a1"), ago(days_ago));
    a.gut = gut;
    let base = if full { clean() } else { Default::default() };
    let given = given
        .iter()
        .map(|(q, ans, note)| (*q, *ans, note.to_string()));
    a.answers = lay(base, given);
    a.verdict = continuum_core::domain::category_of(&a.answers);
    a
}

pub fn signs(c: &Client) -> Vec<W> {
    client_warning_signs(c, today())
        .iter()
        .map(|w| w.sign)
        .collect()
}

pub fn warning(c: &Client, sign: W) -> Warning {
    client_warning_signs(c, today())
        .into_iter()
        .find(|w| w.sign == sign)
        .unwrap_or_else(|| panic!("{sign:?} expected on {}", c.profile.name))
}

pub fn reasons(c: &Client) -> Vec<(Q, Answer)> {
    client_verdict(c)
        .reasons
        .iter()
        .map(|r| (r.question, r.answer))
        .collect()
}

pub fn keys(c: &Client) -> Vec<String> {
    let v = client_verdict(c);
    let w = client_warning_signs(c, today());
    proposals(c, &v, &w).into_iter().map(|p| p.key).collect()
}

/// The long-standing "easy" client: one friendly buyer, nobody senior, no
/// complaint on record for years, contact only when an order is due.
pub fn easy_client() -> Client {
    let mut c = Client::new(Id::new("easy"), "Harbor Freight Lines");
    c.profile.relationship_start = Some(ago(9 * 365));
    c.profile.contract_end = Some(today().add_months(20));
    c.profile.annual_revenue = Some(900_000);
    let buyer = person(
        "easy-p1",
        "Dana Buyer",
        Role::DecisionMaker,
        false,
        Stance::Supporter,
    );
    c.touchpoints
        .push(met("easy-t1", 120, &[&buyer], TouchpointKind::Business));
    c.stakeholders.push(buyer);
    c.issues.push(issue(
        "easy-i1",
        "Pallet labels wrong",
        800,
        Severity::Minor,
        IssueStatus::Resolved,
    ));
    c.assessments.push(check_up(
        20,
        Some(Category::Secure),
        &[
            (
                Q::SFeedbackAll,
                Unsure,
                "Only the buyer ever tells us anything",
            ),
            (Q::SPromoters, Unsure, ""),
        ],
        true,
    ));
    c
}

/// Told us, six months before the contract ends, that they will not renew.
pub fn leaving_client() -> Client {
    let mut c = Client::new(Id::new("leaving"), "Meridian Health Group");
    c.profile.contract_end = Some(today().add_months(6));
    c.profile.relationship_start = Some(ago(6 * 365));
    let head = person(
        "leaving-p1",
        "Noor Hale",
        Role::DecisionMaker,
        true,
        Stance::Neutral,
    );
    let user = person(
        "leaving-p2",
        "Ivo Rossi",
        Role::EndUser,
        false,
        Stance::Supporter,
    );
    c.touchpoints.push(met(
        "leaving-t1",
        10,
        &[&head, &user],
        TouchpointKind::Business,
    ));
    c.stakeholders.extend([head, user]);
    c.issues.push(issue(
        "leaving-i1",
        "Reports late",
        200,
        Severity::Minor,
        IssueStatus::Resolved,
    ));
    c.assessments.push(check_up(
        10,
        Some(Category::AtRisk),
        &[(
            Q::LNotified,
            Yes,
            "Letter: they will not renew at the end of the term",
        )],
        false,
    ));
    c
}

/// A happy sponsor beside an opposed influencer nobody is talking to.
pub fn sponsor_client() -> Client {
    let mut c = Client::new(Id::new("sponsor"), "Bluestone Engineering");
    c.profile.relationship_start = Some(ago(3 * 365));
    let sponsor = person("sp-p1", "Olga Novak", Role::Sponsor, true, Stance::Promoter);
    let mut critic = person(
        "sp-p2",
        "Hugo Brooks",
        Role::Influencer,
        false,
        Stance::Opposed,
    );
    critic.last_contact = Some(ago(45));
    critic.rival_preference = "Crestline".to_string();
    let user = person("sp-p3", "Rosa Ito", Role::EndUser, false, Stance::Supporter);
    c.touchpoints.push(met(
        "sp-t1",
        7,
        &[&sponsor, &user],
        TouchpointKind::Personal,
    ));
    c.stakeholders.extend([sponsor, critic, user]);
    c.issues.push(issue(
        "sp-i1",
        "Slow ticket replies",
        12,
        Severity::Minor,
        IssueStatus::Open,
    ));
    c.assessments.push(check_up(
        5,
        Some(Category::Secure),
        &[
            (Q::SDissent, Yes, "Hugo pushes for Crestline"),
            (Q::NUnhappyLeader, Yes, ""),
        ],
        true,
    ));
    c
}
