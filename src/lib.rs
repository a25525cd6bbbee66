//! Continuum's web app: a salesperson's private, offline check-up of every
//! client on the loyalty continuum (see `METHOD.md` in the shared folder).
//!
//! The method and the file formats live in the `continuum-core` crate
//! (`core/`), which has no browser dependency; this crate re-exports them as
//! [`domain`] and [`storage`] and adds, with dependencies pointing one way:
//!
//! * [`present`]: presentation logic that needs no browser (formatting, board
//!   rows and filters, the save engine's state machine), tested natively;
//! * `edge` (wasm32 only): the browser's storage, files and clock, which only
//!   move strings and report the browser's failures as typed errors;
//! * `ui` (wasm32 only): the Leptos app: one store provided at the root,
//!   pages that render and wire, derived data as memos over domain functions.

pub use continuum_core::{domain, storage};

pub mod present;

#[cfg(target_arch = "wasm32")]
pub mod edge;
#[cfg(target_arch = "wasm32")]
pub mod ui;
