//! The command line: clap definitions, dispatch, and error reporting that names the
//! file and the reason, then goes on with the rest.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::model::Document;
use crate::parse::{self, DEFAULT_MAX_PAGE_BYTES};
use crate::sanitize::for_terminal;
use crate::summary;

/// A keyboard-driven terminal news reader: stories, claims, sources and timelines.
#[derive(Debug, Parser)]
#[command(name = "tidings", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse saved page dumps and print the documents they hold.
    Parse {
        /// Print JSON (one document per line) instead of a summary.
        #[arg(long)]
        json: bool,
        /// Largest page accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_PAGE_BYTES, value_name = "BYTES")]
        max_page_bytes: u64,
        /// Page files; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Parse {
            json,
            max_page_bytes,
            files,
        }) => parse_files(&files, json, max_page_bytes),
        None => {
            eprintln!("tidings: the reader is not built yet; try `tidings parse --help`");
            ExitCode::FAILURE
        }
    }
}

/// `tidings parse`: every file in turn; a bad one is reported and the rest go on.
fn parse_files(files: &[PathBuf], json: bool, limit: u64) -> ExitCode {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for path in files {
        match read_page(path, limit)
            .and_then(|bytes| parse::parse_bytes(&bytes, limit).map_err(|e| e.to_string()))
        {
            Ok(docs) => {
                if let Err(e) = print_docs(&mut out, path, &docs, json, files.len() > 1) {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        return ExitCode::SUCCESS;
                    }
                    report(path, &e.to_string());
                    failed = true;
                }
            }
            Err(reason) => {
                let _ = out.flush();
                report(path, &reason);
                failed = true;
            }
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn print_docs(
    out: &mut impl Write,
    path: &Path,
    docs: &[Document],
    json: bool,
    many: bool,
) -> io::Result<()> {
    for doc in docs {
        if json {
            serde_json::to_writer(&mut *out, doc)?;
            writeln!(out)?;
        } else {
            if many {
                writeln!(out, "{}:", display_path(path))?;
            }
            write!(out, "{}", summary::render(doc))?;
        }
    }
    Ok(())
}

/// Reads a page, refusing files over the limit before reading them.
pub fn read_page(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        io::stdin()
            .take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(bytes);
    }
    let file = std::fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    if meta.len() > limit {
        return Err(parse::InputError::TooLarge {
            size: meta.len(),
            limit,
        }
        .to_string());
    }
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    Ok(bytes)
}

fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// A path as it may be shown on a terminal.
pub fn display_path(path: &Path) -> String {
    if path == Path::new("-") {
        return "<stdin>".into();
    }
    for_terminal(&path.to_string_lossy()).into_owned()
}

/// One line on stderr: `tidings: FILE: reason`.
pub fn report(path: &Path, reason: &str) {
    eprintln!("tidings: {}: {}", display_path(path), for_terminal(reason));
}
