//! The command layer's one error type, [`CliError`], and [`exit_code`]: the one
//! place where how a command ended becomes the `tidings: …` line and the exit code.

use std::process::ExitCode;

use super::output::WriteError;
use crate::config::ConfigError;
use crate::refresh::RefreshError;
use crate::store::StoreError;
use crate::text::sanitize::for_terminal;

/// Why a command stopped. Each displays as the one line printed after `tidings: `.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The store could not be opened, read or written, or has no such document.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A refresh could not run at all.
    #[error(transparent)]
    Refresh(#[from] RefreshError),
    /// Standard output, or the file `-o` named, could not be written.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A file named on the command line could not be read or understood.
    #[error("{name}: {reason}")]
    File { name: String, reason: String },
    /// Not a URL at all.
    #[error("{}: not a URL: {source}", for_terminal(.url))]
    NotAUrl {
        url: String,
        #[source]
        source: url::ParseError,
    },
    /// A URL that cannot be subscribed to.
    #[error("{}: only http:// and https:// URLs can be subscribed to", for_terminal(.url))]
    NotHttp { url: String },
    /// A name too short to remove a document by.
    #[error(
        "{}: too short to remove by; give at least {min} characters of an id or a title",
        for_terminal(.name)
    )]
    NameTooShort { name: String, min: usize },
    /// Saved documents to remove, and nobody at a terminal to ask.
    #[error("{what}: saved; nothing removed (`--yes` removes saved stories)")]
    SavedNotConfirmed { what: String },
    /// A URL that, fetched once, is not a feed.
    #[error(
        "{}: {}; subscribed to nothing (`--no-check` subscribes without fetching)",
        for_terminal(.url),
        for_terminal(.reason)
    )]
    NotAFeed { url: String, reason: String },
    /// A feed name that names no feed.
    #[error("no feed is named {:?}; `tidings feeds` lists them", for_terminal(.name))]
    NoFeed { name: String },
    /// A search with nothing to search for.
    #[error("{:?}: give a word to search for", for_terminal(.query))]
    NoWords { query: String },
    /// A query that does not parse: the parser's message names the column.
    #[error("{:?}: {}", for_terminal(.query), for_terminal(&.error.to_string()))]
    Query {
        query: String,
        error: crate::query::QueryError,
    },
    /// No query is saved under the name.
    #[error("no query is saved as {:?}; `tidings query list` lists them", for_terminal(.name))]
    NoSavedQuery { name: String },
    /// A query to save under an empty name.
    #[error("give the query a name to save it under")]
    NoQueryName,
    /// There is no default place for the store.
    #[error("{0}")]
    NoDataDir(String),
    /// The config file cannot be read or says something this build cannot use.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// `config init` would overwrite a file.
    #[error("{}: already there; `tidings config init --force` overwrites it", .0.display())]
    ConfigExists(std::path::PathBuf),
    /// The reader could not run (no terminal, or the terminal failed).
    #[error("{0}")]
    Reader(String),
}

/// How a command that ran to its end went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// All of it was done.
    Success,
    /// Some of it was not: a file, item or source failed (each said on stderr as
    /// it happened), a search matched nothing, or a question was answered no.
    Shortfall,
    /// The reader was ended by this signal (after putting the terminal back).
    Signal(i32),
}

impl Finished {
    /// [`Finished::Shortfall`] when `short`, else [`Finished::Success`].
    pub fn shortfall_if(short: bool) -> Finished {
        if short {
            Finished::Shortfall
        } else {
            Finished::Success
        }
    }
}

/// What every command returns.
pub type CommandResult = Result<Finished, CliError>;

/// The exit code of a command's outcome; an error is said first, on one line.
pub fn exit_code(outcome: CommandResult) -> ExitCode {
    match outcome {
        Ok(Finished::Success) => ExitCode::SUCCESS,
        Ok(Finished::Shortfall) => ExitCode::FAILURE,
        Ok(Finished::Signal(n)) => ExitCode::from(crate::tui::signal_status(n)),
        Err(e) => {
            eprintln!("tidings: {}", for_terminal(&e.to_string()));
            match e {
                // A usage error, as clap's own: nothing was started.
                CliError::Config(_) | CliError::Query { .. } => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error;

    #[test]
    fn errors_read_as_one_line_and_keep_their_cause() {
        let e = CliError::from(WriteError::Stdout(std::io::Error::from(
            std::io::ErrorKind::BrokenPipe,
        )));
        assert_eq!(e.to_string(), "cannot write the output: broken pipe");
        assert!(e.source().is_some());
        let e = CliError::NotAUrl {
            url: "not a url".into(),
            source: url::Url::parse("not a url").unwrap_err(),
        };
        assert_eq!(
            e.to_string(),
            "not a url: not a URL: relative URL without a base"
        );
        assert!(e.source().is_some());
    }
}
