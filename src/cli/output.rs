//! Where commands write, by one rule: results on standard output (buffered, its
//! failures one [`WriteError`]) or the file `-o` names; progress and diagnostics
//! on stderr: the `tidings: NAME: reason` lines for a file or source that failed
//! while the rest went on, hints, questions, and the one progress bar.

use std::fmt::Display;
use std::io::{self, BufWriter, IsTerminal, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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

    /// Where a long output goes as it is made: the file `-o` names (created now,
    /// written through a buffer), else here.
    pub fn file_or_here<'a>(&'a mut self, path: Option<&'a Path>) -> Result<Sink<'a>, WriteError> {
        Ok(match path {
            Some(p) => {
                let file = std::fs::File::create(p).map_err(|source| WriteError::File {
                    path: p.to_path_buf(),
                    source,
                })?;
                Sink::File(BufWriter::new(file), p)
            }
            None => Sink::Here(self),
        })
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

/// A long output written piece by piece ([`Stdout::file_or_here`]).
pub enum Sink<'a> {
    File(BufWriter<std::fs::File>, &'a Path),
    Here(&'a mut Stdout),
}

impl Sink<'_> {
    /// Writes `text` as it is.
    pub fn text(&mut self, text: &str) -> Result<(), WriteError> {
        match self {
            Sink::File(file, path) => {
                file.write_all(text.as_bytes())
                    .map_err(|source| WriteError::File {
                        path: path.to_path_buf(),
                        source,
                    })
            }
            Sink::Here(out) => out.text(text),
        }
    }

    /// Writes out what a file's buffer holds (standard output is flushed when
    /// the command ends).
    pub fn finish(self) -> Result<(), WriteError> {
        match self {
            Sink::File(mut file, path) => file.flush().map_err(|source| WriteError::File {
                path: path.to_path_buf(),
                source,
            }),
            Sink::Here(_) => Ok(()),
        }
    }
}

/// One line on stderr, `tidings: NAME: reason`, for a file or source that failed
/// (or was partly skipped) while the rest went on. `name` is already fit for the
/// terminal ([`import::display`], a subscription's label).
pub fn report(name: &str, reason: &str) {
    eprintln!("tidings: {name}: {}", for_terminal(reason));
}

/// Asks a yes/no question on the terminal (on stderr, with `[y/N]`): `Some(true)`
/// only for `y` or `yes`; `None` when standard input is not a terminal, so there
/// is nobody to ask.
pub fn confirm(question: &str) -> Option<bool> {
    let stdin = io::stdin();
    if !stdin.is_terminal() {
        return None;
    }
    eprint!("{question} [y/N] ");
    let mut answer = String::new();
    if stdin.read_line(&mut answer).is_err() {
        return Some(false);
    }
    Some(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// True when stderr is a terminal: notes meant for a person (what `list` left
/// out) are only written there.
pub fn person_reads_stderr() -> bool {
    io::stderr().is_terminal()
}

/// The bar's width, in cells.
const BAR_WIDTH: usize = 20;
/// The least time between two drawings of the bar.
const REDRAW_EVERY: Duration = Duration::from_millis(100);

/// The progress bar of a long command (`import`, `refresh`): one line on stderr,
/// drawn only on a terminal and at most every [`REDRAW_EVERY`], cleared when done
/// or dropped (so an error after it starts on a clean line).
pub struct Progress {
    what: &'static str,
    live: bool,
    drawn: bool,
    last: Option<Instant>,
}

impl Progress {
    /// A bar that says what is going on (`importing`, `refreshing`).
    pub fn new(what: &'static str) -> Progress {
        Progress {
            what,
            live: io::stderr().is_terminal(),
            drawn: false,
            last: None,
        }
    }

    /// Shows `done` of `total`, then `note` (what just finished) when there is one.
    pub fn show(&mut self, done: usize, total: usize, note: &str) {
        if !self.live || self.last.is_some_and(|t| t.elapsed() < REDRAW_EVERY) {
            return;
        }
        self.last = Some(Instant::now());
        let columns = crossterm::terminal::size().map_or(80, |(w, _)| w as usize);
        eprint!(
            "\r\x1b[2K{}",
            bar_line(self.what, done, total, note, columns)
        );
        let _ = io::stderr().flush();
        self.drawn = true;
    }

    /// Clears the bar.
    pub fn done(self) {}
}

/// The bar's line, cut to fit one line of a terminal `columns` wide: a line that
/// wrapped would leave a copy of itself behind at each redraw, as `\r` goes back
/// to the start of its last row only.
fn bar_line(what: &str, done: usize, total: usize, note: &str, columns: usize) -> String {
    let filled = done.min(total) * BAR_WIDTH / total.max(1);
    let note = match note {
        "" => String::new(),
        n => format!("  {}", for_terminal(n)),
    };
    let line = format!(
        "{what} [{}{}] {done}/{total}{note}",
        "#".repeat(filled),
        " ".repeat(BAR_WIDTH - filled)
    );
    crate::text::width::truncate(&line, columns.saturating_sub(1))
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.drawn {
            eprint!("\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fits_one_line_of_the_terminal() {
        let pace = "3,500 pages/s, 25 s left";
        assert_eq!(
            bar_line("importing", 5, 10, pace, 120),
            "importing [##########          ] 5/10  3,500 pages/s, 25 s left"
        );
        let narrow = bar_line("importing", 5, 10, pace, 50);
        assert_eq!(narrow, "importing [##########          ] 5/10  3,500 pag…");
        assert_eq!(crate::text::width::width(&narrow), 49);
    }
}
