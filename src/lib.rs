//! Continuum: a salesperson's private, offline check-up of every client on
//! the loyalty continuum (see `METHOD.md` in the shared folder).
//!
//! The crate has three layers, and the dependencies point one way only:
//!
//! * [`domain`] is the method itself as plain data and pure functions: the
//!   question bank, the engine that places a client and says why, warning
//!   signs, suggestions, plan proposals, triage and portfolio summaries. It
//!   never reads a clock or touches the browser, so it is tested natively.
//! * [`storage`] is the edge to the outside world: the versioned file format,
//!   its migrations, import and export, CSV, and the compact local-storage
//!   encoding. Raw input is parsed into plain DTOs, then validated into domain
//!   types, with errors that point at the input (JSON path, CSV row).
//! * `ui` (wasm32 only) is the Leptos app: one store provided at the root,
//!   derived data as memos over it computed by domain functions.

pub mod domain;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod ui;
