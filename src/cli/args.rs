//! The command line as clap reads it: the global flags, and the commands in two
//! groups (documents, subscriptions) that clap shows as one list. Every default is
//! a `const` named here or in the module whose default it is.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::TypedValueParser as _;
use clap::{Args, Parser, Subcommand, ValueEnum};

use super::maintenance::Age;
use crate::parse::DEFAULT_MAX_PAGE_BYTES;
use crate::refresh;
use crate::store::Sort;

/// Headlines `list` prints, unless told otherwise.
const LIST_LIMIT: usize = 50;
/// Hits `search` prints, unless told otherwise.
const SEARCH_LIMIT: usize = 20;
/// Stories whose citations of an outlet `outlet` prints, unless told otherwise.
const OUTLET_LIMIT: usize = 20;

/// A keyboard-driven terminal news reader: stories, claims, sources and timelines.
///
/// With no command, opens the reader on the local store (importing the bundled
/// sample stories on the first run into a store with no documents and no
/// subscriptions; `tidings remove --samples` clears them).
#[derive(Debug, Parser)]
#[command(name = "tidings", version, about, long_about = None)]
pub struct Cli {
    /// Where the store lives (default: $TIDINGS_DATA_DIR, else the platform's data dir).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use a throw-away store holding the bundled samples; the real store is untouched.
    #[arg(long, global = true)]
    pub demo: bool,
    /// The config file (default: $TIDINGS_CONFIG, else config.toml in the platform's config dir).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse saved page dumps and print the documents they hold.
    Parse(ParseArgs),
    #[command(flatten)]
    Documents(DocumentCommand),
    #[command(flatten)]
    Queries(QueryCommand),
    #[command(flatten)]
    Subscriptions(SubscriptionCommand),
    #[command(flatten)]
    Maintenance(MaintenanceCommand),
    /// The config file: write one with every default, say where it is, check it.
    #[command(subcommand)]
    Config(ConfigAction),
}

/// `tidings config …`.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Write the config file with every setting at its default, commented.
    Init {
        /// Overwrite a file that is already there.
        #[arg(long)]
        force: bool,
    },
    /// Print where the config file is read from.
    Path,
    /// Check a config file (default: the one in use) and print the key map it gives.
    Check {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

// `tidings parse`, the one command without a store.
#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Print JSON (one document per line) instead of a summary.
    #[arg(long)]
    pub json: bool,
    /// Largest page accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_PAGE_BYTES, value_name = "BYTES")]
    pub max_page_bytes: u64,
    /// Page files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// The commands on the store's documents.
#[derive(Debug, Subcommand)]
pub enum DocumentCommand {
    /// Import page dumps, exported JSON and directories of them into the store.
    Import {
        /// Largest page accepted, in bytes.
        #[arg(long, default_value_t = DEFAULT_MAX_PAGE_BYTES, value_name = "BYTES")]
        max_page_bytes: u64,
        /// Files or directories (read recursively); `-` reads standard input.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// List headlines, newest first (or as --sort says), with the feed of each.
    List {
        #[arg(long)]
        json: bool,
        /// At most this many; 0 lists them all.
        #[arg(long, default_value_t = LIST_LIMIT)]
        limit: usize,
        /// Only documents not yet read.
        #[arg(long, conflicts_with = "saved")]
        unread: bool,
        /// Only saved documents.
        #[arg(long)]
        saved: bool,
        /// Only this feed's documents (a name `tidings feeds` lists).
        #[arg(long, value_name = "NAME")]
        feed: Option<String>,
        /// The order: newest, oldest, sources (most first) or title.
        #[arg(long, default_value = "newest", value_parser = sort_names())]
        sort: Sort,
        /// Each thread (the stories of one event) once, as its newest story,
        /// with how many stories and outlets it holds.
        #[arg(long)]
        threads: bool,
    },
    /// Threads, the stories of one event across feeds: show one with its merged
    /// timeline, take a story out of its thread, or put two together.
    #[command(subcommand)]
    Thread(ThreadAction),
    /// List the feeds (where documents came from) with how many each holds and
    /// how many of those are unread.
    Feeds {
        #[arg(long)]
        json: bool,
    },
    /// Show one document (by id, id prefix or title prefix).
    Show {
        id: String,
        /// Print the document as JSON (the parse contract).
        #[arg(long)]
        json: bool,
        /// Print only what changed since the version you last read: claims,
        /// sources and timeline events marked `+` new, `~` changed (words
        /// `{+added+}`, `[-removed-]`) or `-` removed.
        #[arg(long)]
        changes: bool,
    },
    /// Search the stories: words and phrases in their text, and terms over their
    /// sources, outlets, claims, events, dates, feeds and marks (see --help).
    ///
    /// Plain words and "phrases" are searched in titles, sections, sources and
    /// timelines; the terms listed after the options ask the story's structure.
    #[command(after_long_help = crate::query::REFERENCE)]
    Search {
        /// Words, "phrases" and terms, such as: lee outlet:yonhap newer:1w
        /// (several arguments are one query; after `--`, a leading - leaves out)
        #[arg(num_args = 1.., required = true)]
        query: Vec<String>,
        #[arg(long)]
        json: bool,
        #[arg(long, default_value_t = SEARCH_LIMIT)]
        limit: usize,
        /// Print the claims that answer the query (each sentence under its
        /// story, its citations resolved to outlets) instead of the stories;
        /// --limit counts claims.
        #[arg(long)]
        claims: bool,
    },
    /// Export documents (all when no id is given).
    Export {
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        ids: Vec<String>,
    },
    /// Remove documents from the store, saying which; a saved one is asked about.
    Remove {
        /// Ids, id prefixes or title prefixes: each unique and at least 4 characters.
        #[arg(
            value_name = "ID",
            required_unless_present_any = ["samples", "feed"],
            conflicts_with_all = ["samples", "feed"]
        )]
        ids: Vec<String>,
        /// Remove the bundled sample stories a new store starts with.
        #[arg(long, conflicts_with = "feed")]
        samples: bool,
        /// Remove the stories the feed NAME brought (as `tidings feeds` names
        /// it), but those another feed also brought: they stay, without it.
        #[arg(long, value_name = "NAME")]
        feed: Option<String>,
        /// Remove saved documents without asking.
        #[arg(short, long)]
        yes: bool,
    },
    /// Mark documents read, unread, saved or unsaved: those named, or every one
    /// (--all), of a feed, matching a search or dated before a day; says how many
    /// it changed.
    Mark {
        mark: Mark,
        /// Ids, id prefixes or unique title prefixes.
        #[arg(
            value_name = "ID",
            required_unless_present_any = SELECTION,
            conflicts_with_all = SELECTION
        )]
        ids: Vec<String>,
        /// Every document (narrowed by --feed, --query and --before when given).
        #[arg(long)]
        all: bool,
        /// Only this feed's documents.
        #[arg(long, value_name = "NAME")]
        feed: Option<String>,
        /// Only documents matching this query, as `tidings search` reads it
        /// (`tidings search --help` lists its terms).
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// Only documents dated before this day (YYYY-MM-DD): their latest news,
        /// else the day they were stored.
        #[arg(long, value_name = "DATE", value_parser = day)]
        before: Option<NaiveDate>,
    },
}

/// The commands that answer below the story: an outlet's claims and events,
/// and saved queries.
#[derive(Debug, Subcommand)]
pub enum QueryCommand {
    /// Every claim and event that cites an outlet (a name such as Reuters, or a
    /// domain such as yna.co.kr), across stories, newest first.
    Outlet {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(long)]
        json: bool,
        /// At most this many stories, the most recent; 0 reads them all.
        #[arg(long, default_value_t = OUTLET_LIMIT)]
        limit: usize,
    },
    /// Saved queries: give a query a name, list them with their unread
    /// counts, remove one.
    #[command(subcommand)]
    Query(QueryAction),
}

/// `tidings thread …`. A story is named as `show` names it; a thread by any
/// of its stories (or its id, which is the uid of the story that began it).
#[derive(Debug, Subcommand)]
pub enum ThreadAction {
    /// The stories of a story's thread, newest first, and its merged timeline:
    /// every dated event and each story's publication, each with its story.
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Take a story out of its thread, for good: threading never puts it in
    /// one again.
    Split { id: String },
    /// Put the story OTHER and the rest of its thread in the thread of ID, for
    /// good: threading never takes them apart.
    Merge {
        id: String,
        #[arg(value_name = "OTHER")]
        other: String,
    },
}

/// `tidings query …`.
#[derive(Debug, Subcommand)]
pub enum QueryAction {
    /// Save QUERY (as `tidings search` reads it) under NAME, replacing what was
    /// saved under it.
    Save {
        #[arg(value_name = "NAME")]
        name: String,
        #[arg(value_name = "QUERY")]
        query: String,
    },
    /// List the saved queries, each with how many unread stories it matches.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove the query saved as NAME.
    Rm {
        #[arg(value_name = "NAME")]
        name: String,
    },
}

/// The commands on subscriptions.
#[derive(Debug, Subcommand)]
pub enum SubscriptionCommand {
    /// Subscribe to an RSS, Atom or JSON Feed, or to Kagi News JSON (an index or a
    /// category file), by its http(s) URL.
    Subscribe {
        url: String,
        /// The name to show (default: the feed's title, else the URL).
        #[arg(long)]
        name: Option<String>,
        /// Subscribe without fetching the URL once to see that it is a feed.
        #[arg(long)]
        no_check: bool,
    },
    /// Stop refreshing a subscription (by URL or name); its stories stay.
    Unsubscribe { url_or_name: String },
    /// List subscriptions and what their last refresh said.
    Subscriptions {
        #[arg(long)]
        json: bool,
    },
    /// Read or write subscriptions as OPML.
    Opml {
        #[command(subcommand)]
        action: OpmlAction,
    },
    /// Fetch every subscription and import what changed. Each flag's default is
    /// the config file's `[refresh]` setting, else the one shown.
    Refresh {
        /// Subscriptions fetched at once [default: 4].
        #[arg(
            long,
            value_parser = clap::value_parser!(u16).range(1..=i64::from(refresh::MAX_JOBS))
        )]
        jobs: Option<u16>,
        /// Seconds allowed for each fetch, from connecting to the last byte [default: 30].
        #[arg(
            long,
            value_parser = clap::value_parser!(u64).range(1..=refresh::MAX_TIMEOUT_SECS)
        )]
        timeout: Option<u64>,
        /// Largest response read, in bytes [default: 16777216].
        #[arg(long, value_name = "BYTES")]
        max_bytes: Option<u64>,
    },
}

/// The commands that keep the store to size.
#[derive(Debug, Subcommand)]
pub enum MaintenanceCommand {
    /// Remove stories older than --older-than, and those beyond each feed's
    /// max_items (the config's [retention]); never a saved one.
    Prune {
        /// Remove stories whose date (their latest news) is older than this:
        /// 30d, 2w, 6m or 1y.
        #[arg(long, value_name = "AGE", value_parser = Age::parse)]
        older_than: Option<Age>,
        /// Say how many would go, by feed, and remove nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The store file: what fills it (`stats`), or compact it (`vacuum`).
    #[command(subcommand)]
    Store(StoreAction),
}

/// `tidings store …`.
#[derive(Debug, Subcommand)]
pub enum StoreAction {
    /// Size, write-ahead log, documents, search index, free pages, last vacuum.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Fold the write-ahead log in and rewrite the store without its free pages
    /// (may take a while; needs about the store's size free on its disk and in
    /// the temporary directory).
    Vacuum,
}

/// OPML import and export.
#[derive(Debug, Subcommand)]
pub enum OpmlAction {
    /// Subscribe to every feed an OPML file lists.
    Import { file: PathBuf },
    /// Write the subscriptions as OPML 2.0.
    Export {
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// The flags of `mark` that choose documents by what they are, not by name.
const SELECTION: [&str; 4] = ["all", "feed", "query", "before"];

/// `--sort`'s names, read into the store's [`Sort`].
fn sort_names() -> impl clap::builder::TypedValueParser<Value = Sort> {
    clap::builder::PossibleValuesParser::new(Sort::ALL.map(Sort::as_str))
        .map(|name| name.parse::<Sort>().expect("one of Sort::ALL's names"))
}

/// A day as `--before` takes it: `2025-11-03`.
fn day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a day; write it as YYYY-MM-DD (2025-11-03)"))
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Markdown,
}

/// Reader marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Mark {
    Read,
    Unread,
    Saved,
    Unsaved,
}

impl Mark {
    /// The mark as the command line writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Read => "read",
            Mark::Unread => "unread",
            Mark::Saved => "saved",
            Mark::Unsaved => "unsaved",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn refreshs_documented_defaults_are_the_built_in_ones() {
        let help = Cli::command()
            .find_subcommand_mut("refresh")
            .unwrap()
            .render_long_help()
            .to_string();
        for default in [
            format!("[default: {}]", refresh::DEFAULT_JOBS),
            format!("[default: {}]", refresh::DEFAULT_TIMEOUT_SECS),
            format!("[default: {}]", refresh::DEFAULT_MAX_BYTES),
        ] {
            assert!(help.contains(&default), "{default}: {help}");
        }
    }
}
