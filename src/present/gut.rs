//! The words of gut first: what the verdict panel says while the gut call
//! is owed, and how the gut placement compares with the computed category.

use crate::domain::{compare_gut, Category, GutComparison};

/// What the verdict panel says in place of the reasons while the gut call
/// of today's check-up is owed.
pub const OWED: &str = "Make your gut call at the top of the check-up first (or skip it): the reasons wait so they do not sway it.";

/// The gut placement set against the computed category, in words; `None`
/// while the answers compute no category yet.
pub fn comparison(gut: Category, computed: Category) -> Option<String> {
    let (g, c) = (gut.name(), computed.name());
    let steps = |n: u8| {
        if n == 1 {
            "1 step".to_string()
        } else {
            format!("{n} steps")
        }
    };
    Some(match compare_gut(gut, computed)? {
        GutComparison::Agrees => format!("Your gut said {g}, and the answers agree."),
        GutComparison::BlindSpot(n) => format!(
            "Blind spot: your gut said {g}, the answers say {c}, {} worse than you thought.",
            steps(n)
        ),
        GutComparison::Warier(n) => format!(
            "Your gut said {g}, the answers say {c}, {} safer than you feared.",
            steps(n)
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worse_computed_category_is_named_a_blind_spot_with_its_gap() {
        assert_eq!(
            comparison(Category::Secure, Category::AtRisk).as_deref(),
            Some("Blind spot: your gut said Loyal and secure, the answers say At risk, 2 steps worse than you thought.")
        );
        assert_eq!(
            comparison(Category::NotSecure, Category::AtRisk).as_deref(),
            Some("Blind spot: your gut said Loyal, not secure, the answers say At risk, 1 step worse than you thought.")
        );
    }

    #[test]
    fn agreement_and_a_safer_result_are_said_as_such() {
        assert_eq!(
            comparison(Category::AtRisk, Category::AtRisk).as_deref(),
            Some("Your gut said At risk, and the answers agree.")
        );
        assert_eq!(
            comparison(Category::InevitableLoss, Category::NotSecure).as_deref(),
            Some("Your gut said Inevitable loss, the answers say Loyal, not secure, 2 steps safer than you feared.")
        );
    }

    #[test]
    fn nothing_to_compare_before_the_answers_place_the_client() {
        assert_eq!(comparison(Category::Secure, Category::Unassessed), None);
    }
}
