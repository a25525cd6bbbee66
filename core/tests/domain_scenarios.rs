#![cfg(not(target_arch = "wasm32"))]
//! Scenario tests: small clients taken from the stories in the seed articles,
//! checked end to end (category, reasons, warning signs, suggestions, plan).

mod domain_support;

use continuum_core::domain::engine::client_verdict;
use continuum_core::domain::plan::proposals;
use continuum_core::domain::summary::{assess_portfolio, blind_spots, lessons_from_loss};
use continuum_core::domain::triage::{decide, low_margin, triage_questions, TriageError};
use continuum_core::domain::warnings::{client_warning_signs, Strength, Warning, WarningSign as W};
use continuum_core::domain::{
    confirm, suggestions, Answer, Assessment, Category, Channel, Client, Date, Evidence, Id, Issue,
    IssueStatus, Margin, Portfolio, QuestionId as Q, Role, Severity, Stakeholder, Stance,
    Touchpoint, TouchpointKind, TriageOutcome,
};
use domain_support::{clean, lay};
use Answer::{No, Unsure, Yes};

fn today() -> Date {
    Date::from_ymd(2026, 3, 1).unwrap()
}

fn ago(days: i32) -> Date {
    today().add_days(-days)
}

fn person(id: &str, name: &str, role: Role, senior: bool, stance: Stance) -> Stakeholder {
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

fn met(id: &str, days_ago: i32, with: &[&Stakeholder], kind: TouchpointKind) -> Touchpoint {
    Touchpoint {
        id: Id::new(id),
        date: ago(days_ago),
        channel: Channel::Meeting,
        kind,
        with: with.iter().map(|s| s.id.clone()).collect(),
        note: String::new(),
    }
}

fn issue(id: &str, title: &str, days_open: i32, severity: Severity, status: IssueStatus) -> Issue {
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
fn check_up(
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

fn signs(c: &Client) -> Vec<W> {
    client_warning_signs(c, today())
        .iter()
        .map(|w| w.sign)
        .collect()
}

fn warning(c: &Client, sign: W) -> Warning {
    client_warning_signs(c, today())
        .into_iter()
        .find(|w| w.sign == sign)
        .unwrap_or_else(|| panic!("{sign:?} expected on {}", c.profile.name))
}

fn reasons(c: &Client) -> Vec<(Q, Answer)> {
    client_verdict(c)
        .reasons
        .iter()
        .map(|r| (r.question, r.answer))
        .collect()
}

fn keys(c: &Client) -> Vec<String> {
    let v = client_verdict(c);
    let w = client_warning_signs(c, today());
    proposals(c, &v, &w).into_iter().map(|p| p.key).collect()
}

/// The long-standing "easy" client: one friendly buyer, nobody senior, no
/// complaint on record for years, contact only when an order is due.
fn easy_client() -> Client {
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

#[test]
fn the_easy_long_standing_client_is_not_secure_and_flagged() {
    let c = easy_client();
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::NotSecure);
    assert!(!v.incomplete);
    assert_eq!(
        reasons(&c),
        vec![(Q::SFeedbackAll, Unsure), (Q::SPromoters, Unsure)]
    );
    assert_eq!(v.reasons[0].note, "Only the buyer ever tells us anything");
    assert_eq!(
        signs(&c),
        vec![
            W::NoSeniorRelationship,
            W::SingleThreaded,
            W::GoingQuiet,
            W::SuspiciouslyEasy,
            // The buyer decides and was last met 120 days ago.
            W::StillInRole
        ]
    );
    assert_eq!(warning(&c, W::GoingQuiet).days, Some(120));
    // The gut said secure: a blind spot.
    let p = Portfolio {
        owner: String::new(),
        clients: vec![c.clone()],
    };
    let spots = blind_spots(&p, &assess_portfolio(&p, today()));
    assert_eq!(spots.len(), 1);
    assert_eq!(
        (spots[0].gut, spots[0].computed),
        (Category::Secure, Category::NotSecure)
    );
    // A relationship for life, as the article's rescue plan describes.
    let k = keys(&c);
    for key in [
        "life:meet_senior",
        "life:ask_value",
        "life:inform_quarterly",
        "life:regular_meeting",
        "life:personal",
    ] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

/// Told us, six months before the contract ends, that they will not renew.
fn leaving_client() -> Client {
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

#[test]
fn the_announced_non_renewal_is_an_inevitable_loss_with_renewal_warning() {
    let c = leaving_client();
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::InevitableLoss);
    assert!(!v.incomplete, "nothing can make an inevitable loss worse");
    assert_eq!(reasons(&c), vec![(Q::LNotified, Yes)]);
    assert_eq!(signs(&c), vec![W::RenewalApproaching]);
    let w = warning(&c, W::RenewalApproaching);
    assert_eq!(
        w.strength,
        Strength::Strong,
        "six months out is not yet urgent"
    );
    assert_eq!(w.days, Some(today().add_months(6).days_since(today())));
    assert_eq!(triage_questions(v.computed).len(), 4);
    let k = keys(&c);
    assert!(k.contains(&"triage".to_string()) && k.contains(&"loss:learn".to_string()));
    // Proactive care reaches a leaving client too (METHOD.md: "for
    // everyone, all the time"): how we part decides whether they return.
    assert!(
        k.contains(&"care:meet".to_string()),
        "proactive care for a loss too: {k:?}"
    );
    // Letting go needs the reasons.
    let none = decide(today(), TriageOutcome::LetGoWell, Default::default(), "  ");
    assert_eq!(none, Err(TriageError::LossReasonsMissing));
    let ok = decide(
        today(),
        TriageOutcome::LetGoWell,
        Default::default(),
        "New owner consolidates suppliers",
    );
    assert_eq!(ok.map(|d| d.outcome), Ok(TriageOutcome::LetGoWell));
}

/// A happy sponsor beside an opposed influencer nobody is talking to.
fn sponsor_client() -> Client {
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

#[test]
fn the_happy_sponsor_does_not_make_the_account_safe() {
    let c = sponsor_client();
    assert_eq!(client_verdict(&c).computed, Category::NotSecure);
    assert_eq!(
        reasons(&c),
        vec![(Q::SDissent, Yes), (Q::NUnhappyLeader, Yes)]
    );
    assert_eq!(
        signs(&c),
        vec![W::UncheckedOpposition, W::HappySponsorUnhappyOthers]
    );
    let unchecked = warning(&c, W::UncheckedOpposition);
    assert_eq!(unchecked.strength, Strength::Strong);
    assert_eq!(
        unchecked.evidence,
        vec![Evidence::Stakeholder {
            id: Id::new("sp-p2"),
            name: "Hugo Brooks".into()
        }]
    );
    // Suggestions name the critic as evidence.
    let s = suggestions(&c, today());
    let find = |q| {
        s.iter()
            .find(|s| s.question == q)
            .unwrap_or_else(|| panic!("{q} suggested"))
    };
    for q in [Q::SDissent, Q::NUnhappyLeader, Q::NRivalPref] {
        assert_eq!(find(q).answer, Yes);
        assert!(
            matches!(&find(q).evidence[..], [Evidence::Stakeholder { id, .. }] if id.as_str() == "sp-p2")
        );
    }
    // Engage the obstacle, and enlist help because they are opposed.
    let k = keys(&c);
    assert!(
        k.contains(&"engage:sp-p2".to_string()) && k.contains(&"enlist:sp-p2".to_string()),
        "{k:?}"
    );
    assert!(!k.contains(&"engage:unknown".to_string()));
}

#[test]
fn ageing_problems_become_an_at_risk_reason_once_confirmed() {
    let mut c = Client::new(Id::new("ageing"), "Cedar Foods");
    let head = person(
        "ag-p1",
        "Farid Khan",
        Role::DecisionMaker,
        true,
        Stance::Dissatisfied,
    );
    let ops = person(
        "ag-p2",
        "Mia Jansen",
        Role::Influencer,
        false,
        Stance::Neutral,
    );
    c.touchpoints
        .push(met("ag-t1", 3, &[&head, &ops], TouchpointKind::Business));
    c.stakeholders.extend([head, ops]);
    c.issues.push(issue(
        "ag-i1",
        "Cold chain breaks on route 4",
        75,
        Severity::Serious,
        IssueStatus::InProgress,
    ));
    c.issues.push(issue(
        "ag-i2",
        "Invoice typo",
        10,
        Severity::Minor,
        IssueStatus::Open,
    ));
    c.assessments.push(check_up(3, None, &[], false));
    assert_eq!(client_verdict(&c).computed, Category::Unassessed);

    let w = warning(&c, W::ProblemsAgeing);
    assert_eq!((w.strength, w.days), (Strength::Strong, Some(75)));
    assert_eq!(w.evidence.len(), 1, "only the issue older than 30 days");

    // Suggestions are not answers until confirmed.
    let s = suggestions(&c, today());
    let serious = s
        .iter()
        .find(|s| s.question == Q::RSeriousIssues)
        .cloned()
        .expect("suggested");
    assert_eq!(client_verdict(&c).computed, Category::Unassessed);
    let a = c.assessments.last_mut().expect("one assessment");
    confirm(a, &serious);
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert!(v.incomplete);
    assert!(
        v.reasons[0].note.contains("Cold chain breaks on route 4"),
        "{}",
        v.reasons[0].note
    );
    let k = keys(&c);
    assert!(
        k.contains(&"resolve:ag-i1".to_string()) && k.contains(&"resolve:together".to_string()),
        "{k:?}"
    );
    assert!(!k.contains(&"resolve:ag-i2".to_string()));
}

#[test]
fn taking_competitors_calls_is_at_risk_even_with_questions_open() {
    let mut c = Client::new(Id::new("calls"), "Kestrel Software Inc");
    let a = person(
        "ca-p1",
        "Jonas Eriksen",
        Role::DecisionMaker,
        true,
        Stance::Supporter,
    );
    let b = person(
        "ca-p2",
        "Kira Silva",
        Role::EndUser,
        false,
        Stance::Promoter,
    );
    c.touchpoints
        .push(met("ca-t1", 20, &[&a, &b], TouchpointKind::Business));
    c.stakeholders.extend([a, b]);
    c.assessments.push(check_up(
        20,
        Some(Category::NotSecure),
        &[(Q::RMeetsRivals, Yes, "Saw their CTO at a rival's stand")],
        false,
    ));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert!(v.incomplete);
    assert_eq!(
        v.missing,
        vec![Q::LNotified, Q::LKnownChange, Q::LUnservable, Q::LWeChanged]
    );
    assert_eq!(reasons(&c), vec![(Q::RMeetsRivals, Yes)]);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    let k = keys(&c);
    for key in [
        "headline:at_risk",
        "triage",
        "assess:finish",
        "rivals:deepen",
    ] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

#[test]
fn the_anchor_client_that_passes_every_check_is_secure() {
    let mut c = Client::new(Id::new("anchor"), "Summit Analytics Partners");
    c.profile.relationship_start = Some(ago(5 * 365));
    c.profile.contract_end = Some(today().add_months(24));
    let ceo = person(
        "an-p1",
        "Grace Adler",
        Role::DecisionMaker,
        true,
        Stance::Promoter,
    );
    let lead = person(
        "an-p2",
        "Sami Okafor",
        Role::Influencer,
        false,
        Stance::Promoter,
    );
    c.touchpoints
        .push(met("an-t1", 14, &[&ceo, &lead], TouchpointKind::Business));
    c.touchpoints
        .push(met("an-t2", 60, &[&lead], TouchpointKind::Personal));
    c.stakeholders.extend([ceo, lead]);
    let mut fixed = issue(
        "an-i1",
        "Dashboard timeout",
        120,
        Severity::Minor,
        IssueStatus::Resolved,
    );
    fixed.resolved_on = Some(ago(110));
    c.issues.push(fixed);
    c.assessments
        .push(check_up(14, Some(Category::Secure), &[], true));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::Secure);
    assert!(v.reasons.is_empty() && !v.incomplete);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    assert_eq!(
        keys(&c),
        vec![
            "headline:secure",
            "care:tell",
            "care:meet",
            "care:help",
            "care:advocate"
        ]
    );
    // Complacency check: two years later with no contact the signs appear.
    let later = today().add_days(730);
    let late: Vec<W> = client_warning_signs(&c, later)
        .iter()
        .map(|w| w.sign)
        .collect();
    assert!(
        late.contains(&W::GoingQuiet) && late.contains(&W::AssessmentStale),
        "{late:?}"
    );
}

#[test]
fn the_yearly_tender_client_is_not_secure_with_an_urgent_renewal() {
    let mut c = easy_client();
    c.profile.name = "Westfield Water Ltd".into();
    c.profile.relationship_start = Some(ago(400));
    c.profile.contract_end = Some(ago(-60));
    c.stakeholders[0].senior = true;
    c.stakeholders[0].last_contact = Some(ago(5));
    c.stakeholders.push(Stakeholder {
        last_contact: Some(ago(30)),
        ..person(
            "tender-p2",
            "Ben Fischer",
            Role::Influencer,
            false,
            Stance::Neutral,
        )
    });
    c.assessments = vec![check_up(
        10,
        None,
        &[(Q::NShops, Yes, "Public tender every spring")],
        true,
    )];
    assert_eq!(client_verdict(&c).computed, Category::NotSecure);
    assert_eq!(reasons(&c), vec![(Q::NShops, Yes)]);
    assert_eq!(signs(&c), vec![W::RenewalApproaching]);
    assert_eq!(
        warning(&c, W::RenewalApproaching).strength,
        Strength::Urgent
    );
    assert!(keys(&c).contains(&"tender:prepare".to_string()));
    assert!(keys(&c).iter().any(|k| k.starts_with("renewal:")));
}

#[test]
fn a_merger_with_an_unsure_loss_signal_is_at_risk() {
    let mut c = Client::new(Id::new("merger"), "Ironbridge Metals Holdings");
    let old = person(
        "me-p1",
        "Pavel Petrov",
        Role::Sponsor,
        true,
        Stance::Promoter,
    );
    let new = person(
        "me-p2",
        "Elena Moreau",
        Role::DecisionMaker,
        true,
        Stance::Neutral,
    );
    c.touchpoints
        .push(met("me-t1", 15, &[&old, &new], TouchpointKind::Business));
    c.stakeholders.extend([old, new]);
    c.issues.push(issue(
        "me-i1",
        "Certificates missing",
        100,
        Severity::Minor,
        IssueStatus::Resolved,
    ));
    c.assessments.push(check_up(
        120,
        Some(Category::NotSecure),
        &[
            (Q::NPeopleChange, Yes, "Pavel retires in June"),
            (
                Q::NCorporateChange,
                Yes,
                "Being bought by a group that uses Orbis",
            ),
            (Q::LKnownChange, Unsure, "Will the new owner keep us?"),
        ],
        true,
    ));
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert_eq!(
        reasons(&c),
        vec![
            (Q::LKnownChange, Unsure),
            (Q::NPeopleChange, Yes),
            (Q::NCorporateChange, Yes)
        ]
    );
    assert_eq!(v.decisive_reasons().count(), 1);
    assert_eq!(signs(&c), vec![W::AssessmentStale]);
    let k = keys(&c);
    for key in ["people:new", "corporate:map", "reassess", "triage"] {
        assert!(k.contains(&key.to_string()), "{key} in {k:?}");
    }
}

#[test]
fn the_price_buyer_goes_to_triage() {
    let mut c = sponsor_client();
    c.profile.name = "Lakeshore Retail".into();
    c.profile.margin = Some(Margin::Percent(8.0));
    c.stakeholders[1].stance = Stance::Neutral;
    c.stakeholders[1].last_contact = Some(ago(2));
    c.assessments = vec![check_up(
        2,
        Some(Category::NotSecure),
        &[
            (Q::RPrice, Yes, "Every order goes to the cheapest quote"),
            (Q::SRivalContact, Yes, ""),
        ],
        true,
    )];
    let v = client_verdict(&c);
    assert_eq!(v.computed, Category::AtRisk);
    assert_eq!(reasons(&c), vec![(Q::RPrice, Yes), (Q::SRivalContact, Yes)]);
    assert!(signs(&c).is_empty(), "{:?}", signs(&c));
    assert_eq!(triage_questions(v.computed).len(), 6);
    assert_eq!(low_margin(&c), Some(true));
    let k = keys(&c);
    assert!(
        k.contains(&"value:beyond_price".to_string()) && k.contains(&"rivals:deepen".to_string())
    );
    // Dismissed and adopted proposals are not offered again.
    c.dismissed_proposals.push("value:beyond_price".into());
    let p = proposals(&c, &v, &[]);
    let rivals = p
        .iter()
        .find(|p| p.key == "rivals:deepen")
        .expect("proposed");
    c.actions
        .push(rivals.to_action(Id::new("x1"), today(), "me"));
    let k = keys(&c);
    assert!(
        !k.contains(&"value:beyond_price".to_string()) && !k.contains(&"rivals:deepen".to_string())
    );
}

#[test]
fn a_loss_teaches_about_clients_with_the_same_signs() {
    let mut lost = easy_client();
    lost.lost_on = Some(ago(1));
    let mut p = Portfolio {
        owner: String::new(),
        clients: vec![lost, leaving_client(), sponsor_client()],
    };
    // Another quiet, single-threaded client like the one we lost.
    let mut twin = easy_client();
    twin.id = Id::new("twin");
    twin.profile.name = "Oakridge Print".into();
    p.clients.push(twin);
    let views = assess_portfolio(&p, today());
    let lessons = lessons_from_loss(&p, &views, &Id::new("easy"));
    assert_eq!(lessons[0].client.as_str(), "twin");
    assert!(lessons[0].signs.contains(&W::SuspiciouslyEasy));
    assert_eq!(lessons[0].reasons, vec![Q::SFeedbackAll, Q::SPromoters]);
    assert!(!lessons.iter().any(|l| l.client.as_str() == "easy"));
    assert!(
        !lessons.iter().any(|l| l.client.as_str() == "leaving"),
        "shares nothing"
    );
}

#[test]
fn no_suggestion_without_evidence() {
    let c = Client::new(Id::new("empty"), "Nothing known yet");
    assert!(suggestions(&c, today()).is_empty());
    // An ended contract suggests there is none.
    let mut c = c;
    c.profile.contract_end = Some(ago(10));
    let s = suggestions(&c, today());
    assert_eq!(s.len(), 1);
    assert_eq!((s[0].question, s[0].answer), (Q::SContract, No));
}
