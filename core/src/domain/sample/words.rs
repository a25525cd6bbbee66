//! The words sample data is made of: company and person names, notes.

use crate::domain::questions::{QuestionId, Section};

use super::rng::Rng;

pub(super) const PREFIXES: [&str; 24] = [
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
pub(super) const NOUNS: [&str; 29] = [
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
pub(super) const SUFFIXES: [&str; 6] = ["Ltd", "Group", "Inc", "& Co", "Partners", "Holdings"];

pub(super) const FIRST: [&str; 24] = [
    "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira",
    "Liam", "Maya", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera",
    "Wes", "Yara",
];
pub(super) const LAST: [&str; 20] = [
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
pub(super) const OWNERS: [&str; 4] = ["Sam Demo", "Priya Nair", "Tom Becker", "Lena Ortiz"];
pub(super) const RIVALS: [&str; 5] = [
    "Apex Supply",
    "Vantage Partners",
    "Crestline",
    "Orbis",
    "Keystone",
];
pub(super) const ISSUES: [&str; 10] = [
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
pub(super) const MEETING_NOTES: [&str; 8] = [
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
pub(super) fn concern_note(q: QuestionId) -> &'static str {
    match q.section() {
        Section::SecureChecks => "Not sure we could prove this if asked.",
        Section::NotSecureSignals => "Came up at the last review.",
        Section::AtRiskSignals => "Heard it from their buyer over coffee.",
        Section::LossSignals => "Said so in writing last month.",
    }
}

pub(super) fn company_name(i: usize) -> String {
    let (p, n) = (PREFIXES.len(), NOUNS.len());
    let prefix = PREFIXES[i % p];
    let noun = NOUNS[(i / p + i) % n];
    let suffix = SUFFIXES[(i / (p * n)) % SUFFIXES.len()];
    format!("{prefix} {noun} {suffix}")
}

pub(super) fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST))
}
