//! Where commands write: standard output, buffered, whose failures are one
//! [`WriteError`]; the file `-o` names; and the `tidings: NAME: reason` lines on
//! stderr for a file or source that failed while the rest went on.

use std::fmt::Display;
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::import;
use crate::text::sanitize::for_terminal;

/// Output that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Standard output.
    #[error("cannot write the output: {0}")]
    Stdout(#[source] io::Error),
    /// The file `-o` named.
    #[error("{}: cannot write: {source}", import::display(.path))]
    File {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl WriteError {
    /// The I/O error behind it.
    pub fn io(&self) -> &io::Error {
        match self {
            WriteError::Stdout(e) | WriteError::File { source: e, .. } => e,
        }
    }
}

/// Standard output, locked and buffered for the whole command.
pub struct Stdout(BufWriter<StdoutLock<'static>>);

impl Stdout {
    pub fn lock() -> Stdout {
        Stdout(BufWriter::new(io::stdout().lock()))
    }

    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), WriteError> {
        self.0
            .write_all(text.as_bytes())
            .map_err(WriteError::Stdout)
    }

    /// Writes `line` and a newline.
    pub fn line(&mut self, line: impl Display) -> Result<(), WriteError> {
        writeln!(self.0, "{line}").map_err(WriteError::Stdout)
    }

    /// Writes `value` as one line of JSON.
    pub fn json_line(&mut self, value: &impl Serialize) -> Result<(), WriteError> {
        serde_json::to_writer(&mut self.0, value).map_err(|e| WriteError::Stdout(e.into()))?;
        self.text("\n")
    }

    /// Writes `text` to the file `-o` named, else here.
    pub fn text_or_save(&mut self, path: Option<&Path>, text: &str) -> Result<(), WriteError> {
        match path {
            Some(p) => std::fs::write(p, text).map_err(|source| WriteError::File {
                path: p.to_path_buf(),
                source,
            }),
            None => self.text(text),
        }
    }

    /// Writes out what is buffered, so it comes before what stderr says next; a
    /// failure is left to the next write.
    pub fn flush_quietly(&mut self) {
        let _ = self.0.flush();
    }

    /// Writes out what is buffered. A reader that went away (`| head`) is no error.
    pub fn finish(mut self) -> Result<(), WriteError> {
        match self.0.flush() {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(WriteError::Stdout(e)),
            _ => Ok(()),
        }
    }
}

/// One line on stderr, `tidings: NAME: reason`, for a file or source that failed
/// (or was partly skipped) while the rest went on. `name` is already fit for the
/// terminal ([`import::display`], a subscription's label).
pub fn report(name: &str, reason: &str) {
    eprintln!("tidings: {name}: {}", for_terminal(reason));
}
