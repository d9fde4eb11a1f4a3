//! Helpers shared by the integration tests: the built binary, temp files, the
//! shared seeds folder and the facts checker beside it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where the tests point the platform's config directory: nowhere, so that a
/// config file of the person running them never changes what they see.
pub const NO_CONFIG_HOME: &str = "/nonexistent/tidings-tests-config";

/// The `tidings` binary cargo built for these tests, with no config file.
pub fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tidings"));
    c.env("XDG_CONFIG_HOME", NO_CONFIG_HOME)
        .env_remove("TIDINGS_CONFIG");
    c
}

/// Runs `tidings ARGS` and returns its output.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("tidings runs")
}

/// Runs `tidings --data-dir DATA ARGS`, never the user's store, and never through
/// a proxy (the refresh tests' server is on 127.0.0.1).
pub fn tidings(data: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("TIDINGS_DATA_DIR")
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .expect("tidings runs")
}

/// `../shared` beside the repository, when this checkout has it.
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.join("seeds").is_dir().then_some(p)
}

/// This repository's own test pages.
pub fn pages() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages")
}

/// True when `s` holds a control character or bidi control that must never reach
/// a terminal.
pub fn has_control(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// The sample pages bundled with the app (also test pages).
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/samples")
}

/// Runs the shared facts checker over `facts` with the built binary; returns its
/// report, or `None` (saying so) when `../shared` is absent.
pub fn check_facts(facts: &Path) -> Option<(bool, String)> {
    let Some(shared) = shared() else {
        eprintln!("SKIPPED: ../shared/tools/check-facts is not present beside this checkout; facts in {} not checked", facts.display());
        return None;
    };
    let out = Command::new("python3")
        .arg(shared.join("tools/check-facts"))
        .arg("--cmd")
        .arg(format!("{} parse --json", env!("CARGO_BIN_EXE_tidings")))
        .arg(facts)
        .output()
        .expect("python3 runs check-facts");
    Some((
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}
pub mod http_server;
pub mod pathological;
