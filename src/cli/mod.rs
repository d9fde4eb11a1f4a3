//! The command line. `args` is what clap reads; `plan` turns it into what to
//! run; `documents` and `subscriptions` run each group of commands; `output`
//! is where they write; `error` holds the one error type and the one place that
//! prints `tidings: …` and picks the exit code.

mod args;
mod documents;
mod error;
mod output;
mod plan;
mod subscriptions;

use std::process::ExitCode;

use clap::Parser;

use args::Cli;
use error::{CliError, CommandResult, Finished};
use output::Stdout;
use plan::Plan;

use crate::tui::Ended;

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    error::exit_code(run(Plan::from(Cli::parse())))
}

fn run(plan: Plan) -> CommandResult {
    match plan {
        Plan::Parse(args) => Ok(documents::parse(args)),
        Plan::Reader(at) => {
            let mut opened = at.open(true)?;
            let cleanup = opened.cleanup();
            match crate::tui::run(&mut opened.store, cleanup).map_err(CliError::Reader)? {
                Ended::Quit => Ok(Finished::Success),
                Ended::Signal(n) => Ok(Finished::Signal(n)),
            }
        }
        Plan::Documents(at, command) => {
            let mut opened = at.open(false)?;
            with_stdout(|out| documents::run(&mut opened.store, command, out))
        }
        Plan::Subscriptions(at, command) => {
            let mut opened = at.open(false)?;
            with_stdout(|out| subscriptions::run(&mut opened.store, command, out))
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
