//! tidings: a terminal news reader that keeps stories (claims, sources, timelines)
//! in a local store and reads them offline.
//!
//! Module map, by layer: each layer uses only the layers under it.
//! - Bottom: [`text`] (sanitizing for the terminal, folding, spaces, display
//!   width), [`model`] (serde types of the JSON contract, `tidings parse --json`),
//!   [`paths`] (where the store lives), [`thread`] (whether two stories report
//!   the same event: signatures, bands, the rule; pure).
//! - Input and storage: [`query`] (the query language: what a query means, its
//!   parser, the names of outlets), [`parse`] (page dumps to documents), [`feeds`] (Kagi News
//!   JSON, RSS/Atom/JSON Feed, OPML), [`links`] (a link's canonical form),
//!   [`store`] (the SQLite store, the only code that speaks SQL; it keeps the
//!   version of each story last read), [`diff`] (what changed between two
//!   versions of a story), [`refresh`] (fetching subscriptions over HTTP(S)),
//!   [`import`] / [`export`], [`samples`], [`summary`], [`opener`] (URLs to the
//!   browser, never through a shell), [`invariants`] (what every parse, import
//!   and frame must hold), [`config`] (the config file: its settings and
//!   defaults, read once at start; the key tables are checked by the app's key
//!   map).
//! - Top: [`cli`] (the command line: clap's arguments, the plan they become,
//!   one module per group of commands, output, one error type); [`app`] (the
//!   reader's state, actions and `update`, no I/O), [`ui`] (drawing it in a theme), [`tui`]
//!   (the terminal, the event loop, effects, background work).

pub mod app;
pub mod cli;
pub mod config;
pub mod diff;
pub(crate) mod export;
pub mod feeds;
pub mod import;
pub mod invariants;
pub mod links;
pub mod model;
pub(crate) mod opener;
pub mod parse;
pub(crate) mod paths;
pub mod query;
pub(crate) mod refresh;
pub mod samples;
pub mod store;
pub(crate) mod summary;
pub(crate) mod text;
pub mod thread;
pub mod tui;
pub mod ui;
