//! The browser edge (wasm32 only): local storage and the other browser APIs
//! the app touches. These modules move strings and report the browser's
//! failures as typed errors; every decision is made by pure code elsewhere.

pub mod crypto;
pub mod folder;
pub mod idb;
pub mod js;
pub mod local_storage;
pub mod session;
pub mod team_db;
