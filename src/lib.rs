//! tidings: a terminal news reader that keeps stories (claims, sources, timelines)
//! in a local store and reads them offline.
//!
//! Module map (data flows one way: page → [`parse`] → [`model::Document`] → …):
//! - [`model`]: serde types of the JSON contract (`tidings parse --json`).
//! - [`parse`]: page dumps to documents (stories and articles), pure functions.
//! - [`fold`]: text folding for label lookup, store keys and search.
//! - [`paths`]: where the store lives (`--data-dir`, `TIDINGS_DATA_DIR`, platform dirs).
//! - [`store`]: the SQLite store, the only code that speaks SQL.
//! - [`sanitize`]: the one road from untrusted content to a terminal cell.
//! - [`cli`]: command-line definitions; [`commands`]: what each command does;
//!   [`subscription_commands`]: subscribe, unsubscribe, subscriptions, opml, refresh.
//! - [`import`]: files, directories and JSON into the store; [`export`]: JSON and Markdown out.
//! - [`feeds`]: Kagi News JSON, RSS/Atom/JSON Feed and OPML to documents and subscriptions.
//! - [`refresh`]: fetching subscriptions over HTTP(S), conditionally, several at once.
//! - [`samples`]: the bundled sample pages.
//! - [`app`]: the reader's model, actions, key map and `update` (no I/O).
//! - [`ui`]: drawing the model; [`tui`]: the terminal, event loop and effects;
//!   [`background`]: the refresh the reader runs off its event loop.
//! - [`opener`]: URLs to the browser, http/https only, never through a shell.
//! - [`invariants`]: what every parse, import and frame must hold (fuzzing, properties).
//! - [`summary`]: the short human-readable summary of a document.

pub mod app;
pub mod background;
pub mod cli;
pub mod commands;
pub mod export;
pub mod feeds;
pub mod fold;
pub mod import;
pub mod invariants;
pub mod model;
pub mod opener;
pub mod parse;
pub mod paths;
pub mod refresh;
pub mod samples;
pub mod sanitize;
pub mod store;
pub mod subscription_commands;
pub mod summary;
pub mod tui;
pub mod ui;
