//! Continuum's core: the method of `METHOD.md` and the file formats, as plain
//! Rust with no browser dependency, so everything here is tested natively.
//!
//! Two layers, dependencies pointing one way (`storage` → `domain`):
//!
//! * [`domain`] is the method itself as plain data and pure functions: the
//!   question bank, the engine that places a client and says why, warning
//!   signs, suggestions, plan proposals, triage and portfolio summaries. It
//!   never reads a clock: "today" is always a parameter.
//! * [`storage`] is everything that turns a portfolio into bytes and back:
//!   the versioned JSON file format and its migrations, merge, CSV in and
//!   out, calendar files, and the compact local-storage encoding with its key
//!   scheme. Raw input is parsed into plain DTOs, then validated into domain
//!   types, with errors that point at the input (JSON path, CSV row).
//!
//! The web app (the root package) only moves strings between these functions
//! and the browser.

pub mod domain;
pub mod storage;
