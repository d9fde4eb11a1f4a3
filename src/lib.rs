//! tidings: a terminal news reader that keeps stories (claims, sources, timelines)
//! in a local store and reads them offline.
//!
//! Module map (data flows one way: page → [`parse`] → [`model::Document`] → …):
//! - [`model`]: serde types of the JSON contract (`tidings parse --json`).
//! - [`parse`]: page dumps to documents (stories and articles), pure functions.
//! - [`sanitize`]: the one road from untrusted content to a terminal cell.
//! - [`cli`]: command-line parsing and the non-interactive commands.
//! - [`summary`]: the short human-readable summary of a document.

pub mod cli;
pub mod model;
pub mod parse;
pub mod sanitize;
pub mod summary;
