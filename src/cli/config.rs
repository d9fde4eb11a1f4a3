//! `tidings config init|path|check`, and reading the config file for every other
//! command.

use std::path::PathBuf;

use super::args::ConfigAction;
use super::error::{CliError, CommandResult, Finished};
use super::output::Stdout;
use crate::config::{self, Config, Located};

/// The config in use: the file `--config` or `$TIDINGS_CONFIG` names, else the
/// default file when there is one, else the defaults.
pub fn load(flag: Option<PathBuf>) -> Result<Config, CliError> {
    Ok(config::read(&config::locate(flag)?)?)
}

/// Runs a `config` command.
pub fn run(action: ConfigAction, flag: Option<PathBuf>, out: &mut Stdout) -> CommandResult {
    let at = config::locate(flag)?;
    match action {
        ConfigAction::Path => {
            out.line(at.path.display())?;
            if !at.path.exists() {
                eprintln!(
                    "(not there yet: the defaults are in use; `tidings config init` writes it)"
                );
            }
            Ok(Finished::Success)
        }
        ConfigAction::Init { force } => {
            if at.path.exists() && !force {
                return Err(CliError::ConfigExists(at.path));
            }
            write(&at.path, &config::template())?;
            out.line(format_args!("wrote {}", at.path.display()))?;
            Ok(Finished::Success)
        }
        ConfigAction::Check { file } => {
            let at = match file {
                Some(path) => Located { path, named: true },
                None => at,
            };
            let settings = config::read(&at)?;
            match &settings.path {
                Some(path) => out.line(format_args!("{}: ok", path.display()))?,
                None => out.line(format_args!(
                    "no config file at {}: the defaults are in use",
                    at.path.display()
                ))?,
            }
            Ok(Finished::Success)
        }
    }
}

/// Writes `text` to `path`, making its directory first.
fn write(path: &std::path::Path, text: &str) -> Result<(), CliError> {
    let failed = |e: std::io::Error| CliError::File {
        name: path.display().to_string(),
        reason: format!("cannot write the config file: {e}"),
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(failed)?;
    }
    std::fs::write(path, text).map_err(failed)
}
