//! `tidings config init|path|check`, and reading the config file for every other
//! command (with the key table's check of `[keys]`, which gives the effective key
//! map).

use std::path::PathBuf;

use super::args::ConfigAction;
use super::error::{CliError, CommandResult, Finished};
use super::output::Stdout;
use crate::app::keymap::KeyMap;
use crate::config::{self, Config, Located};

/// The config in use and the key map it gives: the file `--config` or
/// `$TIDINGS_CONFIG` names, else the default file when there is one, else the
/// defaults.
pub fn load(flag: Option<PathBuf>) -> Result<(Config, KeyMap), CliError> {
    read(&config::locate(flag)?)
}

/// Reads and checks the located file, `[keys]` too.
fn read(at: &Located) -> Result<(Config, KeyMap), CliError> {
    Ok(config::read(at, |c| KeyMap::from_config(&c.keys))?)
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
            let text = format!(
                "{}\n{}",
                config::template(),
                KeyMap::default().to_toml(true)
            );
            write(&at.path, &text)?;
            out.line(format_args!("wrote {}", at.path.display()))?;
            Ok(Finished::Success)
        }
        ConfigAction::Check { file } => {
            let at = match file {
                Some(path) => Located { path, named: true },
                None => at,
            };
            let (settings, keys) = read(&at)?;
            match &settings.path {
                Some(path) => out.line(format_args!("{}: ok", path.display()))?,
                None => out.line(format_args!(
                    "no config file at {}: the defaults are in use",
                    at.path.display()
                ))?,
            }
            out.line("")?;
            out.line("# The key map in effect:")?;
            out.line(keys.to_toml(false).trim_end())?;
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
