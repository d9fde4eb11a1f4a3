//! The config file (`config.toml`): what it may hold, as serde types that refuse
//! unknown fields, each with the default a missing setting takes. `load` finds and
//! reads it; `template` writes the commented file `tidings config init` makes.

mod colors;
mod load;
mod template;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use toml::Spanned;

use crate::model::DateStyle;
use crate::store::{MaxItems, Show, Sort};

pub use colors::{Colors, Colour};
pub use load::{locate, parse, read, ConfigError, Located, Mistake, CONFIG_ENV};
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
    /// How many stories each feed keeps.
    pub retention: Retention,
    /// Per scope (`list`, `story`, `source`, `timeline`, `filter`, `global`…), an
    /// action's name to one key or a list of keys; `"none"` unbinds. The key
    /// table (in the app) reads it, checks it and merges it over its defaults.
    pub keys: KeyTables,
    /// The file this came from (`None`: no file, the defaults).
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The layout of the file this build reads and writes.
pub const CONFIG_VERSION: u32 = 1;

impl Config {
    /// How `tidings refresh` and `R` fetch unless told otherwise, and what
    /// they keep.
    pub fn refresh_options(&self) -> crate::refresh::Options {
        crate::refresh::Options {
            max_items: self.retention.max_items(),
            ..self.refresh.options()
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            version: CONFIG_VERSION,
            theme: ThemeName::default(),
            colors: Colors::default(),
            reader: Reader::default(),
            refresh: Refresh::default(),
            retention: Retention::default(),
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
    pub date_style: DateStyle,
    /// `all`, `unread` or `saved`.
    pub default_view: Show,
    /// `newest`, `oldest`, `sources` or `title`, until `S` picks another (the
    /// sort `S` picked is remembered until this setting changes).
    pub default_sort: Sort,
    /// Two panes from this many columns.
    pub two_pane_min_width: u16,
    /// Opening a story marks it read.
    pub mark_read_on_open: bool,
    /// `A` asks before marking a whole view read.
    pub confirm_bulk_marking: bool,
    /// Source URLs are OSC 8 hyperlinks where the terminal supports them.
    pub hyperlinks: bool,
    /// The list shows each thread (the stories of one event) once, as its
    /// newest story; off, it lists every story.
    pub threads: bool,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            browser: String::new(),
            date_style: DateStyle::Relative,
            default_view: Show::All,
            default_sort: Sort::Newest,
            two_pane_min_width: crate::app::geometry::TWO_PANES_FROM,
            mark_read_on_open: true,
            confirm_bulk_marking: false,
            hyperlinks: true,
            threads: true,
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

impl Refresh {
    /// How `tidings refresh` and `R` fetch unless told otherwise.
    pub fn options(&self) -> crate::refresh::Options {
        crate::refresh::Options::new(self.jobs, self.timeout_secs, self.max_bytes)
    }
}

/// How many stories each feed keeps (newsboat's `max-items`), enforced after
/// every refresh and import and by `tidings prune`: the newest `max_items` by
/// date that are not saved, and every saved one besides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Retention {
    /// Stories kept per feed; 0 keeps them all.
    pub max_items: u64,
    /// Per feed, by the name `tidings feeds` lists: its own `max_items` (0 keeps
    /// all of that feed's).
    pub feeds: BTreeMap<String, u64>,
}

impl Retention {
    /// The limits as the store applies them.
    pub fn max_items(&self) -> MaxItems {
        MaxItems {
            default: self.max_items,
            feeds: self.feeds.clone(),
        }
    }
}

/// `[keys]`: scope, action name and keys, each with where the file wrote it (for
/// errors only the key table can find, such as an unknown action).
pub type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<KeyList>>>;

/// One key (`"ctrl-d"`) or several (`["j", "down"]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl KeyList {
    /// The keys as written, each with its bytes in the file (`list` is the
    /// whole value).
    pub fn written(list: &Spanned<KeyList>) -> Vec<(Range<usize>, &str)> {
        match list.get_ref() {
            KeyList::One(k) => vec![(list.span(), k.as_str())],
            KeyList::Many(ks) => ks
                .iter()
                .map(|k| (k.span(), k.get_ref().as_str()))
                .collect(),
        }
    }
}

impl<'de> Deserialize<'de> for KeyList {
    /// A string or an array of strings, each array item keeping its span
    /// (serde's untagged enums would lose them).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = KeyList;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key (\"ctrl-d\") or a list of keys ([\"j\", \"down\"])")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(v.to_string()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element()? {
                    keys.push(k);
                }
                Ok(KeyList::Many(keys))
            }
        }
        deserializer.deserialize_any(Keys)
    }
}
