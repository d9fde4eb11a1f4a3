//! What a parsed command line asks for, in one step: [`Plan::from`] a [`Cli`]
//! gives each kind of run exactly what it needs (`parse` no store; the reader and
//! every other command a [`Location`] to open), so nothing downstream has a case
//! that cannot happen. Opening the store lives here too.

use std::path::{Path, PathBuf};

use super::args::{
    Cli, Command, ConfigAction, DocumentCommand, MaintenanceCommand, ParseArgs, QueryCommand,
    SubscriptionCommand,
};
use super::error::CliError;
use crate::store::Store;
use crate::{import, paths, samples};

/// What to run.
#[derive(Debug)]
pub enum Plan {
    /// `tidings parse`: files in, documents out, no store.
    Parse(ParseArgs),
    /// No command: the reader.
    Reader(Location),
    /// A command on the store's documents.
    Documents(Location, DocumentCommand),
    /// `outlet` and `query …`: claims, events and saved queries.
    Queries(Location, QueryCommand),
    /// A command on subscriptions.
    Subscriptions(Location, SubscriptionCommand),
    /// `prune` and `store …`: keeping the store to size.
    Maintenance(Location, MaintenanceCommand),
    /// `tidings config …`: no store.
    Config(ConfigAction),
}

impl From<Cli> for Plan {
    fn from(cli: Cli) -> Plan {
        let at = Location {
            data_dir: cli.data_dir,
            demo: cli.demo,
        };
        match cli.command {
            None => Plan::Reader(at),
            Some(Command::Parse(args)) => Plan::Parse(args),
            Some(Command::Documents(command)) => Plan::Documents(at, command),
            Some(Command::Queries(command)) => Plan::Queries(at, command),
            Some(Command::Subscriptions(command)) => Plan::Subscriptions(at, command),
            Some(Command::Maintenance(command)) => Plan::Maintenance(at, command),
            Some(Command::Config(action)) => Plan::Config(action),
        }
    }
}

/// Which store a command runs on: `--data-dir` (else the default place), or a
/// throw-away one for `--demo`.
#[derive(Debug)]
pub struct Location {
    data_dir: Option<PathBuf>,
    demo: bool,
}

/// The state name that records that the samples were offered to this store.
const SAMPLES_STATE: &str = "samples_imported";

impl Location {
    /// Opens the store. `--demo` gives a throw-away store with only the bundled
    /// samples; otherwise, when `offer_samples` (the reader), a store that never
    /// had them and has neither documents nor subscriptions imports them (one with
    /// subscriptions waits for its first refresh instead).
    pub fn open(self, offer_samples: bool) -> Result<Opened, CliError> {
        let (dir, demo) = if self.demo {
            let dir = std::env::temp_dir().join(format!("tidings-demo-{}", std::process::id()));
            (dir.clone(), Some(DemoDir(dir)))
        } else {
            let dir = paths::data_dir(self.data_dir).map_err(CliError::NoDataDir)?;
            (dir, None)
        };
        let mut store = Store::open(&dir)?;
        if (self.demo || offer_samples)
            && store.is_empty()?
            && store.subscriptions()?.is_empty()
            && store.state(SAMPLES_STATE)?.is_none()
        {
            import::import_documents(&mut store, &samples::documents())?;
            store.set_state(SAMPLES_STATE, "1")?;
        }
        Ok(Opened { store, demo })
    }
}

/// An open store, and the `--demo` directory it lives in (removed after it).
pub struct Opened {
    pub store: Store,
    demo: Option<DemoDir>,
}

impl Opened {
    /// What must still be done when the process is ended before this is dropped
    /// (the reader's terminal went away): remove the `--demo` directory.
    pub fn cleanup(&self) -> impl FnOnce() + Send + 'static {
        let demo = self.demo.as_ref().map(|d| d.0.clone());
        move || {
            if let Some(d) = demo {
                remove_demo_dir(&d);
            }
        }
    }
}

/// A throw-away data directory for `--demo`, removed when dropped.
struct DemoDir(PathBuf);

impl Drop for DemoDir {
    fn drop(&mut self) {
        remove_demo_dir(&self.0);
    }
}

fn remove_demo_dir(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(dir: &Path) -> Location {
        Location {
            data_dir: Some(dir.to_path_buf()),
            demo: false,
        }
    }

    #[test]
    fn samples_go_only_into_a_store_without_documents_or_subscriptions() {
        let subscribed = tempfile::tempdir().unwrap();
        Store::open(subscribed.path())
            .unwrap()
            .subscribe("https://example.org/feed.xml", None)
            .unwrap();
        let opened = at(subscribed.path()).open(true).unwrap();
        assert!(opened.store.is_empty().unwrap(), "no samples beside a feed");

        let fresh = tempfile::tempdir().unwrap();
        let opened = at(fresh.path()).open(true).unwrap();
        let samples = opened.store.uids_by_origin(samples::ORIGIN_PREFIX).unwrap();
        assert_eq!(samples.len() as u64, opened.store.count().unwrap());
        assert_eq!(samples.len(), 12);
    }

    #[test]
    fn the_demo_directory_goes_with_the_store_or_with_the_cleanup() {
        let opened = Location {
            data_dir: None,
            demo: true,
        }
        .open(false)
        .unwrap();
        let dir = opened.demo.as_ref().unwrap().0.clone();
        assert!(dir.is_dir());
        opened.cleanup()();
        assert!(!dir.exists(), "the cleanup removes it");
        drop(opened);
    }
}
