//! The config file (`config.toml`): what it may hold, as serde types that refuse
//! unknown fields, each with the default a missing setting takes. `load` finds and
//! reads it; `template` writes the commented file `tidings config init` makes.

mod colors;
mod load;
mod template;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;

pub use colors::{Colors, Colour};
pub use load::{locate, read, ConfigError, Located, CONFIG_ENV};
pub use template::template;

/// Everything the file can set. A missing file or setting is today's default.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The version of the file's layout ([`CONFIG_VERSION`] when written by this
    /// build); a newer one with settings this build does not know says so.
    pub version: u32,
    /// `dark`, `light` or `mono`; `[colors]` overrides single elements.
    pub theme: ThemeName,
    /// Colours that win over the theme's, element by element.
    pub colors: Colors,
    pub reader: Reader,
    pub refresh: Refresh,
    /// Per scope (`list`, `story`, `source`, `timeline`, `filter`, `global`), an
    /// action's name to one key or a list of keys; `"none"` unbinds.
    pub keys: BTreeMap<String, BTreeMap<String, KeyList>>,
    /// The file this came from (`None`: no file, the defaults).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// Two panes from this many columns, unless the file says otherwise.
pub const TWO_PANES_FROM: u16 = 100;

/// The layout of the file this build reads and writes.
pub const CONFIG_VERSION: u32 = 1;

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            theme: ThemeName::default(),
            colors: Colors::default(),
            reader: Reader::default(),
            refresh: Refresh::default(),
            keys: BTreeMap::new(),
            path: None,
        }
    }
}

/// The built-in palettes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

/// How the reader behaves.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Reader {
    /// The command that opens URLs (the URL is its one argument); empty: `$BROWSER`,
    /// else the platform's opener.
    pub browser: String,
    /// `relative` (`3h ago` within the last week), `absolute`, or a strftime pattern.
    pub date_style: String,
    /// `all`, `unread` or `saved`.
    pub default_view: String,
    /// `newest`, `oldest`, `sources` or `title` (until `S` picks another).
    pub default_sort: String,
    /// Two panes from this many columns.
    pub two_pane_min_width: u16,
    /// Opening a story marks it read.
    pub mark_read_on_open: bool,
    /// `A` asks before marking a whole view read.
    pub confirm_bulk_marking: bool,
    /// Source URLs are OSC 8 hyperlinks where the terminal supports them.
    pub hyperlinks: bool,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            browser: String::new(),
            date_style: "relative".into(),
            default_view: "all".into(),
            default_sort: "newest".into(),
            two_pane_min_width: TWO_PANES_FROM,
            mark_read_on_open: true,
            confirm_bulk_marking: false,
            hyperlinks: true,
        }
    }
}

/// How feeds are fetched, by `tidings refresh`, `R` and the automatic refresh.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Refresh {
    /// Subscriptions fetched at once.
    pub jobs: u16,
    /// Seconds allowed for each fetch.
    pub timeout_secs: u64,
    /// Largest response read, in bytes.
    pub max_bytes: u64,
    /// Minutes between refreshes while the reader is open; 0 is off.
    pub auto_interval_minutes: u64,
}

impl Default for Refresh {
    fn default() -> Self {
        Refresh {
            jobs: crate::refresh::DEFAULT_JOBS,
            timeout_secs: crate::refresh::DEFAULT_TIMEOUT_SECS,
            max_bytes: crate::refresh::DEFAULT_MAX_BYTES,
            auto_interval_minutes: 0,
        }
    }
}

/// One key (`"ctrl-d"`) or several (`["j", "down"]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeyList {
    One(String),
    Many(Vec<String>),
}

impl KeyList {
    /// The keys as written.
    pub fn keys(&self) -> &[String] {
        match self {
            KeyList::One(k) => std::slice::from_ref(k),
            KeyList::Many(ks) => ks,
        }
    }
}
