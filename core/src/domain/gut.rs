//! Gut first (METHOD.md, "Blind spots"): the placement by gut feeling is
//! asked before the verdict's reasons are read, so that the comparison with
//! the computed category shows what the user was not seeing.

use super::{Assessment, Category, Date};

/// Where the gut call of the current check-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GutCall {
    /// Today's check-up (or the one the first answer will start) has no gut
    /// placement yet and the user has not skipped it: the reasons wait.
    Owed,
    /// The user placed the client by gut feeling.
    Given(Category),
    /// The user chose to skip the gut call for this check-up.
    Skipped,
    /// A check-up from an earlier day without a gut placement: the moment to
    /// make it before the answers has passed, so nothing is held back.
    Passed,
}

impl GutCall {
    /// Whether the verdict's reasons are still held back for the gut call.
    pub fn owed(self) -> bool {
        self == GutCall::Owed
    }
}

/// The gut call of `assessment` (the current check-up, `None` before the
/// first answer starts one today). `skipped`: the user chose "skip" for it.
pub fn gut_call(assessment: Option<&Assessment>, today: Date, skipped: bool) -> GutCall {
    if let Some(gut) = assessment.and_then(|a| a.gut) {
        return GutCall::Given(gut);
    }
    if skipped {
        return GutCall::Skipped;
    }
    match assessment {
        Some(a) if a.date < today => GutCall::Passed,
        _ => GutCall::Owed,
    }
}

/// The gut placement set against the computed category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GutComparison {
    /// The answers agree with the gut.
    Agrees,
    /// The answers are this many steps worse than the gut: a blind spot.
    BlindSpot(u8),
    /// The answers are this many steps safer than the gut.
    Warier(u8),
}

/// Compares the gut placement with the computed category; `None` while no
/// answer computes a category yet.
pub fn compare_gut(gut: Category, computed: Category) -> Option<GutComparison> {
    if computed == Category::Unassessed || gut == Category::Unassessed {
        return None;
    }
    let (g, c) = (gut.severity(), computed.severity());
    Some(match c.cmp(&g) {
        std::cmp::Ordering::Equal => GutComparison::Agrees,
        std::cmp::Ordering::Greater => GutComparison::BlindSpot(c - g),
        std::cmp::Ordering::Less => GutComparison::Warier(g - c),
    })
}
