//! The `tidings` binary as scripts use it, run as a child process: `parse` on good
//! and bad input, the store's commands, the store under faults, and
//! `subscribe`/`refresh`/`opml` against a local HTTP server, and retention
//! (`prune`, max items, `store stats`/`vacuum`), and the same link from two
//! feeds as one story (`remove --feed`). One test binary, so
//! the library is linked once for all of them.

#[path = "../common/mod.rs"]
mod common;

mod changes_cli;
mod cli_parse;
mod config_cli;
mod links_cli;
mod queries_cli;
mod refresh;
mod retention;
mod store_cli;
mod store_faults;
mod threads_cli;
