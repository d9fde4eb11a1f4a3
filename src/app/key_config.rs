//! The config file's `[keys]` over the key table: checking each scope, action
//! name and key, merging them into the effective [`KeyMap`], and writing a key map
//! back as `[keys.*]` tables (`tidings config init` and `config check`).

use std::ops::Range;

use toml::Spanned;

use super::action::Action;
use super::keymap::{Key, KeyMap, Scope, SCOPES};
use crate::config::{KeyList, KeyTables, Mistake};

/// The config file's other name for `[keys.story]`: the story pane and its
/// timeline share one set of keys.
const TIMELINE: &str = "timeline";

/// The value that unbinds an action.
const NONE: &str = "none";

/// The scope a `[keys.NAME]` table sets.
fn scope_named(name: &str) -> Option<Scope> {
    if name == TIMELINE {
        return Some(Scope::Story);
    }
    SCOPES.into_iter().find(|s| s.config_name() == name)
}

/// `` `a`, `b`, `c` ``
fn listed<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// A mistake at `span`.
fn mistake(span: Range<usize>, message: String) -> Mistake {
    Mistake { span, message }
}

/// Where a row's keys came from in the file: the table name as written and the
/// value's bytes.
struct Written<'a> {
    table: &'a str,
    span: Range<usize>,
}

impl KeyMap {
    /// The table with the config file's `[keys]` merged over it: each action
    /// named takes the keys given (`"none"`: no key). Fails on an unknown table
    /// or action, a key that does not read, a key the table cannot give (Ctrl-C,
    /// which always quits; a character where characters type; the mouse), and a
    /// key bound twice in one scope.
    pub fn from_config(tables: &KeyTables) -> Result<KeyMap, Mistake> {
        let mut map = KeyMap::default();
        let mut written: Vec<Option<Written>> = map.rows.iter().map(|_| None).collect();
        for (table, actions) in tables {
            let scope = scope_named(table.get_ref()).ok_or_else(|| {
                let mut names: Vec<&str> = SCOPES.iter().map(|s| s.config_name()).collect();
                let story = names.iter().position(|n| *n == Scope::Story.config_name());
                names.insert(story.map_or(names.len(), |i| i + 1), TIMELINE);
                mistake(
                    table.span(),
                    format!(
                        "unknown key table [keys.{}], expected one of {}",
                        table.get_ref(),
                        listed(names)
                    ),
                )
            })?;
            for (name, list) in actions {
                let i = map.row_named(scope, table.get_ref(), name)?;
                if let Some(before) = &written[i] {
                    return Err(mistake(
                        name.span(),
                        format!(
                            "`{}` is set in both [keys.{}] and [keys.{}] (the timeline is part of the story pane: one table)",
                            name.get_ref(),
                            before.table,
                            table.get_ref()
                        ),
                    ));
                }
                map.rows[i].keys = keys_of(&map.rows[i].binding.action, scope, table, list)?;
                written[i] = Some(Written {
                    table: table.get_ref(),
                    span: list.span(),
                });
            }
        }
        for row in &mut map.rows {
            if row.binding.action == Action::Quit && !row.keys.contains(&Key::Ctrl('c')) {
                row.keys.push(Key::Ctrl('c'));
            }
        }
        map.bound_once(&written)?;
        Ok(map)
    }

    /// The row `name` names in `scope`, or why none does.
    fn row_named(
        &self,
        scope: Scope,
        table: &str,
        name: &Spanned<String>,
    ) -> Result<usize, Mistake> {
        let wanted = name.get_ref().as_str();
        if let Some(i) = self
            .rows
            .iter()
            .position(|r| r.binding.scope == scope && r.binding.name == wanted)
        {
            return Ok(i);
        }
        let here: Vec<&str> = self.rows(scope).map(|r| r.binding.name).collect();
        let close: Vec<&str> = here
            .iter()
            .copied()
            .filter(|n| strsim::jaro_winkler(n, wanted) > 0.85)
            .collect();
        let elsewhere: Vec<String> = SCOPES
            .iter()
            .filter(|&&s| s != scope && self.rows(s).any(|r| r.binding.name == wanted))
            .map(|s| format!("[keys.{}]", s.config_name()))
            .collect();
        let message = if !close.is_empty() {
            format!(
                "unknown action `{wanted}` in [keys.{table}]; did you mean {}?",
                listed(close).replace(", ", " or ")
            )
        } else if !elsewhere.is_empty() {
            format!(
                "no action `{wanted}` in [keys.{table}]; it is in {}",
                elsewhere.join(", ")
            )
        } else {
            format!(
                "unknown action `{wanted}` in [keys.{table}], expected one of {}",
                listed(here)
            )
        };
        Err(mistake(name.span(), message))
    }

    /// Fails on a key two actions of one scope share, naming both; the file's
    /// setting that made it so is where the error points.
    fn bound_once(&self, written: &[Option<Written>]) -> Result<(), Mistake> {
        for (i, a) in self.rows.iter().enumerate() {
            for (j, b) in self.rows.iter().enumerate().skip(i + 1) {
                if a.binding.scope != b.binding.scope {
                    continue;
                }
                let Some(key) = a.keys.iter().find(|k| b.keys.contains(k)) else {
                    continue;
                };
                // Defaults never clash (a test says so): one of them was written.
                let blame = [&written[i], &written[j]]
                    .into_iter()
                    .flatten()
                    .max_by_key(|w| w.span.start)
                    .expect("the table's own keys are bound once");
                return Err(mistake(
                    blame.span.clone(),
                    format!(
                        "`{}` is bound to both `{}` and `{}` in [keys.{}]",
                        key.config_name().unwrap_or_default(),
                        a.binding.name,
                        b.binding.name,
                        blame.table
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The key map as `[keys.*]` tables, every action with its keys and what it
    /// does; `commented`, each action's line is a comment (the file
    /// `config init` writes, to uncomment what one changes).
    pub fn to_toml(&self, commented: bool) -> String {
        let mut out = String::from(
            "# Keys: one table per place (the key map, ?, shows each table's name and\n\
             # each action's name). Set an action to one key or a list of keys, or to\n\
             # \"none\" to unbind it. Keys are written \"x\", \"G\", \"ctrl-d\", \"shift-tab\",\n\
             # \"space\", \"enter\", \"esc\", \"tab\", \"backspace\", \"delete\", \"up\", \"down\",\n\
             # \"left\", \"right\", \"pgup\", \"pgdn\", \"home\", \"end\", \"f1\"-\"f12\".\n\
             # [keys.timeline] is another name for [keys.story]. A key bound twice in\n\
             # one table is an error. Ctrl-C always quits; the mouse (click, wheel_up,\n\
             # wheel_down) takes only \"none\".\n",
        );
        let hash = if commented { "# " } else { "" };
        for scope in SCOPES {
            out.push_str(&format!(
                "\n[keys.{}]  # {}\n",
                scope.config_name(),
                scope.title()
            ));
            for row in self.rows(scope) {
                let names: Option<Vec<String>> = row.keys.iter().map(|k| k.config_name()).collect();
                let value = match names {
                    // The mouse, which has no key to write.
                    None => continue,
                    Some(names) if names.is_empty() => quoted(NONE),
                    Some(names) if names.len() == 1 => quoted(&names[0]),
                    Some(names) => {
                        let names: Vec<String> = names.iter().map(|n| quoted(n)).collect();
                        format!("[{}]", names.join(", "))
                    }
                };
                let setting = format!("{hash}{} = {value}", row.binding.name);
                out.push_str(&format!("{setting:<40}  # {}\n", row.binding.help));
            }
        }
        out
    }
}

/// `s` as a TOML string.
fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The keys one setting gives the row doing `action` in `scope`.
fn keys_of(
    action: &Action,
    scope: Scope,
    table: &Spanned<String>,
    list: &Spanned<KeyList>,
) -> Result<Vec<Key>, Mistake> {
    let written = KeyList::written(list);
    if written.iter().any(|(_, k)| *k == NONE) {
        return match written.len() {
            1 => Ok(Vec::new()),
            _ => Err(mistake(
                list.span(),
                "\"none\" unbinds an action and stands alone, not in a list of keys".into(),
            )),
        };
    }
    let mouse = matches!(action, Action::Click(..) | Action::Scroll(..));
    let mut keys = Vec::new();
    for (span, text) in written {
        let bad = |message: String| Err(mistake(span.clone(), message));
        let key = match Key::parse(text) {
            Ok(key) => key,
            Err(e) => return bad(e),
        };
        if mouse {
            return bad("the mouse takes no keys (only \"none\", to ignore it)".into());
        }
        if key == Key::Ctrl('c') && *action != Action::Quit {
            return bad("ctrl-c always quits and cannot be bound to anything else".into());
        }
        if let (true, Key::Char(c)) = (scope.types(), key) {
            return bad(format!(
                "in [keys.{}] `{c}` types itself; bind a named key or a ctrl- key",
                table.get_ref()
            ));
        }
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::app::keymap::BINDINGS;

    /// The effective key map of a config text, or its one-line error.
    fn keys(text: &str) -> Result<KeyMap, String> {
        crate::config::parse(Path::new("config.toml"), text, |c| {
            KeyMap::from_config(&c.keys)
        })
        .map(|(_, keys)| keys)
        .map_err(|e| e.to_string())
    }

    fn error(text: &str) -> String {
        keys(text).map(|_| ()).unwrap_err()
    }

    fn key(c: char) -> Key {
        Key::Char(c)
    }

    #[test]
    fn no_keys_is_the_table() {
        let map = keys("").unwrap();
        for (row, b) in map.rows.iter().zip(BINDINGS) {
            assert_eq!(row.keys, b.keys, "{}", b.name);
        }
    }

    #[test]
    fn a_setting_replaces_the_actions_keys_and_none_unbinds() {
        let map = keys(
            "[keys.list]\nnext_unread = \"x\"\nrefresh = [\"f5\", \"ctrl-r\"]\nundo = \"none\"\n\
             [keys.timeline]\ntimeline = \"T\"\n[keys.global]\nquit = \"none\"\n",
        )
        .unwrap();
        assert_eq!(
            map.lookup(Scope::List, key('x')),
            Some(Action::NextUnread(true))
        );
        assert_eq!(
            map.lookup(Scope::List, key('n')),
            None,
            "the old key is gone"
        );
        assert_eq!(map.lookup(Scope::List, Key::F(5)), Some(Action::Refresh));
        assert_eq!(
            map.lookup(Scope::List, Key::Ctrl('r')),
            Some(Action::Refresh)
        );
        assert_eq!(map.lookup(Scope::List, key('U')), None);
        assert_eq!(map.lookup(Scope::Story, key('T')), Some(Action::Timeline));
        assert_eq!(map.lookup(Scope::Story, key('t')), None);
        assert_eq!(map.lookup(Scope::List, key('Q')), None);
        assert_eq!(
            map.lookup(Scope::List, Key::Ctrl('c')),
            Some(Action::Quit),
            "ctrl-c always quits"
        );
        assert_eq!(
            map.key_for(Scope::List, &Action::NextUnread(true))
                .as_deref(),
            Some("x")
        );
        assert!(map
            .hints(Scope::List)
            .contains(&("x".into(), "open the next unread story")));
        assert_eq!(map.key_for(Scope::List, &Action::Undo), None);
        // The rest stays as the table has it.
        assert_eq!(
            map.lookup(Scope::List, key('p')),
            Some(Action::NextUnread(false))
        );
    }

    #[test]
    fn the_empty_list_names_the_effective_keys() {
        let mut app = crate::app::App::new(80, 24, None);
        let default = app.empty_list_message().unwrap();
        assert!(default.contains("press R to refresh"), "{default}");
        app.keys = keys("[keys.list]\nrefresh = \"f5\"\n").unwrap();
        let remapped = app.empty_list_message().unwrap();
        assert!(remapped.contains("press F5 to refresh"), "{remapped}");
    }

    #[test]
    fn an_unknown_table_lists_the_tables() {
        assert_eq!(
            error("[keys.lst]\nopen = \"x\"\n"),
            "config.toml:1:7: unknown key table [keys.lst], expected one of `list`, `thread`, `story`, `timeline`, `search`, `source`, `feeds`, `confirm`, `filter`, `help`, `global`"
        );
    }

    #[test]
    fn an_unknown_action_names_the_close_ones() {
        assert_eq!(
            error("[keys.list]\nnext_unred = \"x\"\n"),
            "config.toml:2:1: unknown action `next_unred` in [keys.list]; did you mean `next_unread`?"
        );
        assert_eq!(
            error("[keys.list]\nquit = \"x\"\n"),
            "config.toml:2:1: no action `quit` in [keys.list]; it is in [keys.filter], [keys.global]"
        );
        let e = error("[keys.feeds]\nzap = \"x\"\n");
        assert_eq!(
            e,
            "config.toml:2:1: unknown action `zap` in [keys.feeds], expected one of `open`, `back`"
        );
    }

    #[test]
    fn a_bad_key_points_at_itself() {
        let e = error("[keys.list]\nopen = [\"enter\", \"ctrl-enter\"]\n");
        assert!(
            e.starts_with("config.toml:2:18: unknown key \"ctrl-enter\": a key is one character"),
            "{e}"
        );
        assert_eq!(
            error("[keys.list]\nopen = [\"x\", \"none\"]\n"),
            "config.toml:2:8: \"none\" unbinds an action and stands alone, not in a list of keys"
        );
        assert_eq!(
            error("[keys.global]\nhelp = \"ctrl-c\"\n"),
            "config.toml:2:8: ctrl-c always quits and cannot be bound to anything else"
        );
        assert_eq!(
            error("[keys.filter]\nkeep = \"k\"\n"),
            "config.toml:2:8: in [keys.filter] `k` types itself; bind a named key or a ctrl- key"
        );
        assert_eq!(
            error("[keys.global]\nclick = \"x\"\n"),
            "config.toml:2:9: the mouse takes no keys (only \"none\", to ignore it)"
        );
        let wrong_type = error("[keys.list]\nopen = 5\n");
        assert!(wrong_type.starts_with("config.toml:2:8: "), "{wrong_type}");
        assert!(
            wrong_type.contains("expected a key (\"ctrl-d\") or a list of keys"),
            "{wrong_type}"
        );
    }

    #[test]
    fn a_key_bound_twice_in_one_scope_names_both_actions() {
        assert_eq!(
            error("[keys.list]\nopen = \"n\"\n"),
            "config.toml:2:8: `n` is bound to both `open` and `next_unread` in [keys.list]"
        );
        assert_eq!(
            error("[keys.global]\nquit = \"x\"\nhelp = \"x\"\n"),
            "config.toml:3:8: `x` is bound to both `quit` and `help` in [keys.global]"
        );
        // Moving the old key away first is fine; a scope may shadow a global key.
        keys("[keys.list]\nopen = \"n\"\nnext_unread = \"x\"\ncycle_view = \"q\"\n").unwrap();
    }

    #[test]
    fn story_and_timeline_are_one_table() {
        assert_eq!(
            error("[keys.story]\nfind = \"f\"\n[keys.timeline]\nfind = \"F\"\n"),
            "config.toml:4:1: `find` is set in both [keys.story] and [keys.timeline] (the timeline is part of the story pane: one table)"
        );
    }

    #[test]
    fn the_toml_of_a_key_map_reads_back_to_it() {
        let written = KeyMap::default().to_toml(false);
        let read = keys(&written).unwrap();
        for (a, b) in read.rows.iter().zip(BINDINGS) {
            assert_eq!(a.keys, b.keys, "{}", b.name);
        }
        let custom = keys("[keys.list]\nnext_unread = \"x\"\nundo = \"none\"\n").unwrap();
        let again = keys(&custom.to_toml(false)).unwrap();
        for (a, b) in again.rows.iter().zip(&custom.rows) {
            assert_eq!(a.keys, b.keys, "{}", b.binding.name);
        }
        assert!(custom.to_toml(false).contains("undo = \"none\""));
    }

    #[test]
    fn the_commented_tables_are_the_defaults_and_uncommented_too() {
        let text = format!(
            "{}{}",
            crate::config::template(),
            KeyMap::default().to_toml(true)
        );
        let (config, map) =
            crate::config::parse(Path::new("t"), &text, |c| KeyMap::from_config(&c.keys)).unwrap();
        let no_tables = crate::config::Config {
            keys: Default::default(),
            ..config
        };
        assert_eq!(
            no_tables,
            crate::config::Config::default(),
            "empty [keys.*] tables only"
        );
        for (a, b) in map.rows.iter().zip(BINDINGS) {
            assert_eq!(a.keys, b.keys, "{}", b.name);
        }
        // Uncommenting every action's line changes nothing either.
        let commented = KeyMap::default().to_toml(true);
        let uncommented: Vec<&str> = commented
            .lines()
            .map(|l| match l.strip_prefix("# ") {
                Some(rest)
                    if rest.starts_with(|c: char| c.is_ascii_lowercase())
                        && rest.contains(" = ") =>
                {
                    rest
                }
                _ => l,
            })
            .collect();
        let uncommented = uncommented.join("\n");
        assert!(
            uncommented.contains("\nnext_unread = \"n\""),
            "{uncommented}"
        );
        let map = keys(&uncommented).unwrap();
        for (a, b) in map.rows.iter().zip(BINDINGS) {
            assert_eq!(a.keys, b.keys, "{}", b.name);
        }
    }
}
