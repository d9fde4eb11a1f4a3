//! Finding the config file (`--config`, then `$TIDINGS_CONFIG`, then the platform's
//! config directory) and reading it. Every error is one line naming the file, the
//! line and column, and what was expected.

use std::ops::Range;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::{Config, CONFIG_VERSION};

/// The environment variable naming the config file.
pub const CONFIG_ENV: &str = "TIDINGS_CONFIG";

/// Where the config file is, and whether it was asked for by name (a file asked
/// for must exist; the default one may be missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub path: PathBuf,
    pub named: bool,
}

/// Why the config cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{}: cannot read the config file: {source}", .path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}:{line}:{column}: {message}", .path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error(
        "no home directory to find the config file in; pass --config FILE or set {CONFIG_ENV}"
    )]
    NoHome,
}

/// The config file to read: the flag wins, then the variable, then
/// `config.toml` in the platform's config directory.
pub fn locate(flag: Option<PathBuf>) -> Result<Located, ConfigError> {
    if let Some(path) = flag {
        return Ok(Located { path, named: true });
    }
    if let Some(path) = std::env::var_os(CONFIG_ENV).filter(|v| !v.is_empty()) {
        return Ok(Located {
            path: PathBuf::from(path),
            named: true,
        });
    }
    let dirs = ProjectDirs::from("", "", "tidings").ok_or(ConfigError::NoHome)?;
    Ok(Located {
        path: dirs.config_dir().join("config.toml"),
        named: false,
    })
}

/// A mistake in the file that only a layer above finds (an unknown action name,
/// a key bound twice): what is wrong and the bytes of the file that say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub span: Range<usize>,
    pub message: String,
}

/// Reads the located file and `check`s what it says (the key table's check,
/// which returns the effective key map); a default file that does not exist is
/// the defaults, checked too.
pub fn read<T>(
    at: &Located,
    check: impl FnOnce(&Config) -> Result<T, Mistake>,
) -> Result<(Config, T), ConfigError> {
    let text = match std::fs::read_to_string(&at.path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !at.named => {
            return parse(&at.path, "", check)
        }
        Err(source) => {
            return Err(ConfigError::Read {
                path: at.path.clone(),
                source,
            })
        }
    };
    let (mut config, checked) = parse(&at.path, &text, check)?;
    config.path = Some(at.path.clone());
    Ok((config, checked))
}

/// Reads config text and `check`s it; `path` names it in errors.
pub fn parse<T>(
    path: &Path,
    text: &str,
    check: impl FnOnce(&Config) -> Result<T, Mistake>,
) -> Result<(Config, T), ConfigError> {
    let config = from_toml(path, text)?;
    let checked = check(&config).map_err(|m| {
        let (line, column) = line_column(text, m.span.start);
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message: m.message,
        }
    })?;
    Ok((config, checked))
}

/// The settings the text holds, as TOML and serde read them.
fn from_toml(path: &Path, text: &str) -> Result<Config, ConfigError> {
    toml::from_str::<Config>(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        let (line, column) = line_column(text, at);
        let mut message = e.message().trim().replace('\n', " ");
        if let Some(newer) = newer_version(text) {
            message = format!(
                "written for a newer tidings (config version {newer}; this build reads {CONFIG_VERSION}): {message}"
            );
        }
        ConfigError::Invalid {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    })
}

/// The file's `version` when it is newer than this build's.
fn newer_version(text: &str) -> Option<i64> {
    let table: toml::Table = text.parse().ok()?;
    let v = table.get("version")?.as_integer()?;
    (v > i64::from(CONFIG_VERSION)).then_some(v)
}

/// 1-based line and column (in characters) of byte `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        from_toml(Path::new("config.toml"), text)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn no_text_is_the_defaults_and_settings_override_them() {
        assert_eq!(from_toml(Path::new("c"), "").unwrap(), Config::default());
        let c = from_toml(
            Path::new("c"),
            "theme = \"light\"\n[reader]\nmark_read_on_open = false\n[keys.list]\nquit = [\"x\", \"ctrl-q\"]\n",
        )
        .unwrap();
        assert_eq!(c.theme, super::super::ThemeName::Light);
        assert!(!c.reader.mark_read_on_open);
        assert_eq!(
            c.reader.date_style,
            crate::model::DateStyle::Relative,
            "the rest stays default"
        );
        let quit = &c.keys["list"]["quit"];
        let written = super::super::KeyList::written(quit);
        assert_eq!(
            written,
            [(71..74, "x"), (76..84, "ctrl-q")],
            "each key where it is written"
        );
    }

    #[test]
    fn each_error_names_the_file_line_column_and_what_was_expected() {
        assert_eq!(
            error("theme = \"dark\"\n[reader]\nbrowzer = \"firefox\"\n"),
            "config.toml:3:1: unknown field `browzer`, expected one of `browser`, `date_style`, `default_view`, `default_sort`, `two_pane_min_width`, `mark_read_on_open`, `confirm_bulk_marking`, `hyperlinks`, `threads`"
        );
        let wrong_type = error("[refresh]\njobs = \"eight\"\n");
        assert!(wrong_type.starts_with("config.toml:2:8: "), "{wrong_type}");
        assert!(wrong_type.contains("expected u16"), "{wrong_type}");
        let syntax = error("[reader\n");
        assert!(syntax.starts_with("config.toml:1:"), "{syntax}");
        let theme = error("theme = \"neon\"\n");
        assert!(theme.starts_with("config.toml:1:9: "), "{theme}");
        assert!(theme.contains("`dark`, `light`, `mono`"), "{theme}");
        assert!(!theme.contains('\n'));
    }

    #[test]
    fn closed_settings_are_checked_where_they_are_written() {
        let view = error("[reader]\ndefault_view = \"starred\"\n");
        assert!(view.starts_with("config.toml:2:16: "), "{view}");
        assert!(view.contains("`all`, `unread`, `saved`"), "{view}");
        let sort = error("[reader]\n\ndefault_sort = \"random\"\n");
        assert!(sort.starts_with("config.toml:3:16: "), "{sort}");
        assert!(
            sort.contains("`newest`, `oldest`, `sources`, `title`"),
            "{sort}"
        );
        let style = error("[reader]\ndate_style = \"%Y-%Q\"\n");
        assert!(style.starts_with("config.toml:2:14: "), "{style}");
        assert!(style.contains("invalid date_style \"%Y-%Q\""), "{style}");
        let (c, ()) = parse(
            Path::new("c"),
            "[reader]\ndate_style = \"%d.%m.%Y\"\ndefault_view = \"unread\"\ndefault_sort = \"title\"\n",
            |_| Ok(()),
        )
        .unwrap();
        assert_eq!(c.reader.date_style.to_string(), "%d.%m.%Y");
        assert_eq!(c.reader.default_view, crate::store::Show::Unread);
        assert_eq!(c.reader.default_sort, crate::store::Sort::Title);
    }

    #[test]
    fn max_items_are_whole_numbers_checked_where_they_are_written() {
        let (c, ()) = parse(
            Path::new("c"),
            "[retention]\nmax_items = 500\n[retention.feeds]\n\"Coastal Wire\" = 20\n\"Kagi: World\" = 0\n",
            |_| Ok(()),
        )
        .unwrap();
        let max = c.retention.max_items();
        assert_eq!(max.of("Coastal Wire"), 20);
        assert_eq!(max.of("Kagi: World"), 0, "0 keeps all of this feed's");
        assert_eq!(max.of("pages I saved"), 500);
        assert_eq!(
            c.refresh_options().max_items,
            max,
            "what `R` and the automatic refresh keep"
        );
        let negative = error("[retention]\nmax_items = -5\n");
        assert!(negative.starts_with("config.toml:2:13: "), "{negative}");
        assert!(negative.contains("-5"), "{negative}");
        let words = error("[retention]\nmax_items = \"lots\"\n");
        assert!(words.starts_with("config.toml:2:13: "), "{words}");
        let fraction = error("[retention.feeds]\n\"Coastal Wire\" = 2.5\n");
        assert!(fraction.starts_with("config.toml:2:18: "), "{fraction}");
        let feed = error("[retention]\nfeeds = 3\n");
        assert!(feed.starts_with("config.toml:2:9: "), "{feed}");
        let typo = error("[retention]\nmax_item = 3\n");
        assert!(typo.contains("unknown field `max_item`"), "{typo}");
    }

    #[test]
    fn a_newer_file_says_so() {
        let e = error("version = 2\n[reader]\nsparkles = true\n");
        assert!(
            e.contains("written for a newer tidings (config version 2; this build reads 1)"),
            "{e}"
        );
    }

    #[test]
    fn a_missing_default_file_is_the_defaults_and_a_named_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let unnamed = Located {
            path: path.clone(),
            named: false,
        };
        assert_eq!(read(&unnamed, |_| Ok(())).unwrap().0, Config::default());
        let named = Located { path, named: true };
        let e = read(&named, |_| Ok(())).unwrap_err().to_string();
        assert!(e.contains("cannot read the config file"), "{e}");
    }
}
