//! Presentation logic that needs no browser: how the app words and arranges
//! what the method computes. Pure functions, tested natively.

pub mod backup;
pub mod board;
pub mod flat_json;
pub mod folder;
pub mod format;
pub mod gut;
pub mod import;
pub mod input;
pub mod last_change;
pub mod passphrase;
pub mod save;
