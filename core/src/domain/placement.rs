//! Overriding the computed category (METHOD.md: the user may place a client
//! by hand, but the computed category stays visible and the override needs a
//! reason in words).

use super::model::{Category, Override};

/// Why an override cannot be recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverrideError {
    /// No placement chosen ("not yet assessed" is not a placement).
    NoCategory,
    /// The reason is missing or blank.
    NoReason,
}

/// The override placing a client in `category` for `reason` (trimmed), if
/// both are given.
pub fn make_override(category: Option<Category>, reason: &str) -> Result<Override, OverrideError> {
    let category = category
        .filter(|c| Category::PLACEMENTS.contains(c))
        .ok_or(OverrideError::NoCategory)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(OverrideError::NoReason);
    }
    Ok(Override {
        category,
        reason: reason.to_string(),
    })
}
