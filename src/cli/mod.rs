//! The command line. `args` is what clap reads; `plan` turns it into what to
//! run; `documents`, `changes` (`show --changes`), `query` (`search
//! --claims`, `query …`), `outlet`, `subscriptions` and `maintenance`
//! (`prune`, `store`) run each group of
//! commands; `output` is where they write; `error` holds the one
//! error type and the one place that prints `tidings: …` and picks the exit code.

mod args;
mod changes;
mod config;
mod documents;
mod error;
mod maintenance;
mod outlet;
mod output;
mod plan;
mod query;
mod subscriptions;
mod thread;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, DocumentCommand};
use error::{CliError, CommandResult, Finished};
use output::Stdout;
use plan::Plan;

use crate::tui::Ended;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let config_flag = cli.config.clone();
    error::exit_code(run(Plan::from(cli), config_flag))
}

/// Runs `plan`; every command with a store reads the config first, so a bad one
/// stops it before anything starts.
fn run(plan: Plan, config_flag: Option<PathBuf>) -> CommandResult {
    match plan {
        Plan::Parse(args) => Ok(documents::parse(args)),
        Plan::Config(action) => with_stdout(|out| config::run(action, config_flag, out)),
        Plan::Reader(at) => {
            let (settings, keys) = config::load(config_flag)?;
            let mut opened = at.open(true)?;
            let cleanup = opened.cleanup();
            match crate::tui::run(&mut opened.store, &settings, keys, cleanup)
                .map_err(CliError::Reader)?
            {
                Ended::Quit => Ok(Finished::Success),
                Ended::Signal(n) => Ok(Finished::Signal(n)),
            }
        }
        Plan::Documents(at, command) => {
            let (settings, _keys) = config::load(config_flag)?;
            let mut opened = at.open(false)?;
            let dates = &settings.reader.date_style;
            let imports = matches!(command, DocumentCommand::Import { .. });
            with_stdout(|out| {
                let done = documents::run(&mut opened.store, command, dates, out)?;
                if imports {
                    let max_items = settings.retention.max_items();
                    maintenance::keep_max_items(&mut opened.store, &max_items, out)?;
                }
                Ok(done)
            })
        }
        Plan::Queries(at, command) => {
            let (settings, _keys) = config::load(config_flag)?;
            let opened = at.open(false)?;
            let dates = &settings.reader.date_style;
            with_stdout(|out| query::run(&opened.store, command, dates, out))
        }
        Plan::Subscriptions(at, command) => {
            let (settings, _keys) = config::load(config_flag)?;
            let mut opened = at.open(false)?;
            let max_items = settings.retention.max_items();
            with_stdout(|out| {
                subscriptions::run(
                    &mut opened.store,
                    command,
                    &settings.refresh,
                    max_items,
                    out,
                )
            })
        }
        Plan::Maintenance(at, command) => {
            let (settings, _keys) = config::load(config_flag)?;
            let mut opened = at.open(false)?;
            let max_items = settings.retention.max_items();
            with_stdout(|out| maintenance::run(&mut opened.store, command, &max_items, out))
        }
    }
}

/// Runs a command writing to standard output, then writes out what it buffered;
/// failing that is the command's error.
fn with_stdout(command: impl FnOnce(&mut Stdout) -> CommandResult) -> CommandResult {
    let mut out = Stdout::lock();
    let outcome = command(&mut out);
    out.finish()?;
    outcome
}
