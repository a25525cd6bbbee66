//! Sample portfolios: the demo the app opens on request, and generated
//! portfolios of any size for tests and the benchmark. They exercise every
//! part of METHOD.md (all categories, warning signs, blind spots, movement).
//!
//! Deterministic: a seed gives the same portfolio on every platform, from a
//! small splitmix64 generator of our own (no dependency, no clock).

use std::collections::BTreeMap;

use super::date::Date;
use super::engine::{category_of, refresh};
use super::model::{
    Action, Answer, AnswerEntry, Assessment, Category, Channel, Client, Id, Importance, Issue,
    IssueStatus, Margin, MarginLevel, Override, Portfolio, Profile, Role, Severity, Stakeholder,
    Stance, Touchpoint, TouchpointKind,
};
use super::questions::{QuestionId, Section, QUESTIONS};

/// How much evidence each generated client has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleShape {
    pub stakeholders: usize,
    pub issues: usize,
    pub touchpoints: usize,
    /// Assessment rounds per assessed client (some clients are never assessed).
    pub assessments: usize,
}

impl SampleShape {
    /// The shape of the performance benchmark.
    pub const BENCH: SampleShape = SampleShape {
        stakeholders: 8,
        issues: 6,
        touchpoints: 12,
        assessments: 4,
    };
    /// The shape of the demo: small enough to read, two rounds for movement.
    pub const DEMO: SampleShape = SampleShape {
        stakeholders: 4,
        issues: 3,
        touchpoints: 6,
        assessments: 2,
    };
}

/// The seed of the demo portfolio; changing it changes the demo's ids.
pub const DEMO_SEED: u64 = 0x00C0_FFEE_2026;
/// Number of clients in the demo portfolio.
pub const DEMO_CLIENTS: usize = 40;

/// The demo portfolio for "open the demo": about forty clients over all four
/// categories and "not yet assessed", dated relative to `today`.
pub fn demo_portfolio(today: Date) -> Portfolio {
    let mut p = generate_portfolio(DEMO_SEED, DEMO_CLIENTS, today, SampleShape::DEMO);
    p.owner = "Sam Demo".to_string();
    p
}

/// splitmix64: tiny, fast, and good enough for sample data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i32, hi: i32) -> i32 {
        let span = (hi - lo).max(0) as usize + 1;
        lo + self.below(span) as i32
    }

    /// True with `percent` % probability.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const PREFIXES: [&str; 24] = [
    "Northwind",
    "Harbor",
    "Bluestone",
    "Cedar",
    "Summit",
    "Lakeshore",
    "Ironbridge",
    "Meridian",
    "Oakridge",
    "Redfern",
    "Silverline",
    "Granite",
    "Westfield",
    "Brightwater",
    "Kestrel",
    "Pinecrest",
    "Riverside",
    "Stonegate",
    "Highmoor",
    "Eastgate",
    "Copperleaf",
    "Fairhaven",
    "Larkspur",
    "Sandford",
];
// 29 is prime and coprime with 25, so index-based names stay distinct.
const NOUNS: [&str; 29] = [
    "Logistics",
    "Foods",
    "Health",
    "Engineering",
    "Retail",
    "Software",
    "Plastics",
    "Textiles",
    "Insurance",
    "Analytics",
    "Freight",
    "Packaging",
    "Pharma",
    "Energy",
    "Hotels",
    "Media",
    "Robotics",
    "Dairy",
    "Furniture",
    "Clinics",
    "Metals",
    "Print",
    "Telecom",
    "Water",
    "Aviation",
    "Labs",
    "Builders",
    "Outdoor",
    "Finance",
];
const SUFFIXES: [&str; 6] = ["Ltd", "Group", "Inc", "& Co", "Partners", "Holdings"];

const FIRST: [&str; 24] = [
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Liam", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera",
    "Wes", "Yara",
];
const LAST: [&str; 20] = [
    "Adler",
    "Brooks",
    "Castillo",
    "Dube",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hale",
    "Ito",
    "Jansen",
    "Khan",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Okafor",
    "Petrov",
    "Quist",
    "Rossi",
    "Silva",
    "Tanaka",
];
const OWNERS: [&str; 4] = ["Sam Demo", "Priya Nair", "Tom Becker", "Lena Ortiz"];
const RIVALS: [&str; 5] = [
    "Apex Supply",
    "Vantage Partners",
    "Crestline",
    "Orbis",
    "Keystone",
];
const ISSUES: [&str; 10] = [
    "Late deliveries in the spring quarter",
    "Invoice errors on the framework order",
    "Support tickets left unanswered",
    "Report format does not match their system",
    "Missed service visit at the main site",
    "Price increase not explained",
    "Onboarding of new users stalled",
    "Quality complaint on the last batch",
    "Account manager changed without notice",
    "Promised feature still not delivered",
];
const MEETING_NOTES: [&str; 8] = [
    "Quarterly review, walked through the numbers",
    "Quick call about the next order",
    "Lunch, talked about their expansion plans",
    "Site visit with their operations team",
    "They asked about our roadmap",
    "Went through open tickets together",
    "Introduced our new service lead",
    "Coffee after the trade fair",
];

/// A note for an unhealthy answer, in the user's own voice.
fn concern_note(q: QuestionId) -> &'static str {
    match q.section() {
        Section::SecureChecks => "Not sure we could prove this if asked.",
        Section::NotSecureSignals => "Came up at the last review.",
        Section::AtRiskSignals => "Heard it from their buyer over coffee.",
        Section::LossSignals => "Said so in writing last month.",
    }
}

fn company_name(i: usize) -> String {
    let (p, n) = (PREFIXES.len(), NOUNS.len());
    let prefix = PREFIXES[i % p];
    let noun = NOUNS[(i / p + i) % n];
    let suffix = SUFFIXES[(i / (p * n)) % SUFFIXES.len()];
    format!("{prefix} {noun} {suffix}")
}

/// A generated portfolio of `clients` clients, all dates relative to `today`.
/// The first five clients cover every category; the rest are spread with
/// realistic weights (most clients loyal but not secure).
pub fn generate_portfolio(seed: u64, clients: usize, today: Date, shape: SampleShape) -> Portfolio {
    let mut rng = Rng(seed);
    let order = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
        Category::Unassessed,
    ];
    let clients = (0..clients)
        .map(|i| {
            let target = if i < order.len() {
                order[i]
            } else {
                match rng.below(100) {
                    0..=19 => Category::Secure,
                    20..=54 => Category::NotSecure,
                    55..=79 => Category::AtRisk,
                    80..=87 => Category::InevitableLoss,
                    _ => Category::Unassessed,
                }
            };
            client(&mut rng, i, target, today, shape)
        })
        .collect();
    Portfolio {
        owner: "Sample".to_string(),
        clients,
    }
}

fn unhealthy(rng: &mut Rng, q: QuestionId) -> Answer {
    if rng.chance(30) {
        Answer::Unsure
    } else if q.question().healthy == Answer::Yes {
        Answer::No
    } else {
        Answer::Yes
    }
}

fn entry(answer: Answer, note: &str) -> AnswerEntry {
    AnswerEntry {
        answer,
        note: note.to_string(),
    }
}

/// Answers that place a client exactly in `target` (incomplete sometimes,
/// as real check-ups are).
fn answers_for(rng: &mut Rng, target: Category) -> BTreeMap<QuestionId, AnswerEntry> {
    let mut answers: BTreeMap<QuestionId, AnswerEntry> =
        crate::domain::sorting::map_from(QUESTIONS.iter().map(|q| (q.id, entry(q.healthy, ""))));
    let in_section = |s: Section| -> Vec<QuestionId> { s.questions().map(|q| q.id).collect() };
    let mild: Vec<QuestionId> = in_section(Section::SecureChecks)
        .into_iter()
        .chain(in_section(Section::NotSecureSignals))
        .collect();
    let sour = |answers: &mut BTreeMap<_, _>, q: QuestionId, a: Answer| {
        answers.insert(q, entry(a, concern_note(q)));
    };
    let mild_count = match target {
        Category::Secure | Category::Unassessed => 0,
        _ => 1 + rng.below(3),
    };
    for _ in 0..mild_count {
        let q = *rng.pick(&mild);
        let a = unhealthy(rng, q);
        sour(&mut answers, q, a);
    }
    let decisive = match target {
        Category::AtRisk => {
            if rng.chance(20) {
                Some((*rng.pick(&in_section(Section::LossSignals)), Answer::Unsure))
            } else {
                Some((*rng.pick(&in_section(Section::AtRiskSignals)), Answer::Yes))
            }
        }
        Category::InevitableLoss => {
            Some((*rng.pick(&in_section(Section::LossSignals)), Answer::Yes))
        }
        _ => None,
    };
    if let Some((q, a)) = decisive {
        sour(&mut answers, q, a);
    }
    match target {
        // A partial, all-healthy check-up: not enough to call it secure.
        Category::Unassessed => {
            let keep = rng.below(QuestionId::ALL.len() - 1);
            let mut open: Vec<QuestionId> = QuestionId::ALL.to_vec();
            for _ in 0..keep {
                let i = rng.below(open.len());
                open.swap_remove(i);
            }
            for q in open {
                answers.remove(&q);
            }
        }
        // Sometimes the user stopped half-way: open questions remain, but
        // only ones that cannot make the verdict safer.
        Category::NotSecure | Category::AtRisk if rng.chance(25) => {
            let decided: Vec<QuestionId> = answers
                .iter()
                .filter(|(q, e)| !q.question().is_healthy(e.answer))
                .map(|(q, _)| *q)
                .collect();
            for q in QuestionId::ALL {
                if !decided.contains(&q) && rng.chance(40) {
                    answers.remove(&q);
                }
            }
        }
        _ => {}
    }
    if target == Category::Secure {
        answers.insert(
            QuestionId::SContract,
            entry(Answer::Yes, "Framework agreement, three years"),
        );
    }
    answers
}

/// A category one step safer or worse than `c`, or `c` itself.
fn drift(rng: &mut Rng, c: Category) -> Category {
    let steps = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
    ];
    let Some(i) = steps.iter().position(|s| *s == c) else {
        return c;
    };
    match rng.below(10) {
        0..=5 => c,
        // Most movement on a real list is towards trouble, noticed late.
        6..=8 => steps[i.saturating_sub(1)],
        _ => steps[(i + 1).min(steps.len() - 1)],
    }
}

fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))
}

fn client(rng: &mut Rng, i: usize, target: Category, today: Date, shape: SampleShape) -> Client {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::from_ymd(2026, 3, 1).unwrap()
    }

    #[test]
    fn company_names_are_distinct() {
        let names: std::collections::BTreeSet<String> = (0..4000).map(company_name).collect();
        assert_eq!(names.len(), 4000);
    }

    #[test]
    fn generated_clients_land_in_their_target_category() {
        let p = generate_portfolio(7, 300, today(), SampleShape::BENCH);
        let mut seen = std::collections::BTreeSet::new();
        for c in &p.clients {
            seen.insert(crate::domain::engine::client_verdict(c).computed);
        }
        assert_eq!(seen.len(), 5, "all categories and unassessed: {seen:?}");
    }
}
