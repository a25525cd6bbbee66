//! The method as plain Rust data and pure functions (METHOD.md).
//!
//! Nothing in this module reads a clock, touches the browser or depends on
//! the UI framework: "today" is always a parameter, and ids are passed in.

pub mod date;
pub mod model;
pub mod questions;

pub use date::Date;
pub use model::*;
pub use questions::{Question, QuestionId, Section, QUESTIONS};
