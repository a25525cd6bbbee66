//! Sample portfolios: the demo the app opens on request, and generated
//! portfolios of any size for tests and the benchmark. They exercise every
//! part of METHOD.md (all categories, warning signs, blind spots, movement).
//!
//! Deterministic: a seed gives the same portfolio on every platform, from a
//! small splitmix64 generator of our own (no dependency, no clock).

use crate::domain::date::Date;
use crate::domain::model::{Category, Client, Portfolio};

mod answers;
mod client;
mod rng;
mod team;
mod words;

use client::client;
use rng::Rng;
pub use team::{demo_team, DEMO_TEAM};

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

/// A generated portfolio of `clients` clients, all dates relative to `today`.
/// The first five clients cover every category; the rest are spread with
/// realistic weights (most clients loyal but not secure).
pub fn generate_portfolio(seed: u64, clients: usize, today: Date, shape: SampleShape) -> Portfolio {
    Portfolio {
        owner: "Sample".to_string(),
        clients: generate_clients(seed, 0, clients, today, shape),
    }
}

/// `count` generated clients numbered from `first` (ids `c{first}`…, and
/// names to match), so several generated portfolios can hold different
/// clients, or the same ones where their numbers overlap.
pub fn generate_clients(
    seed: u64,
    first: usize,
    count: usize,
    today: Date,
    shape: SampleShape,
) -> Vec<Client> {
    let mut rng = Rng(seed);
    let order = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
        Category::Unassessed,
    ];
    (0..count)
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
            client(&mut rng, first + i, target, today, shape)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::words::company_name;
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
