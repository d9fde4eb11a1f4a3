//! The terminal reader: drawn into a `TestBackend` (snapshots, key sequences,
//! every size) and run end to end in tmux. One test binary, so the library is
//! linked once for both.

#[path = "../common/mod.rs"]
mod common;

mod tmux_e2e;
mod ui;
