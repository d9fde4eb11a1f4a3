//! How the config file writes a key (`"ctrl-d"`, `"shift-tab"`, `"G"`, `"space"`,
//! `"f5"`): reading it into the table's [`Key`] and writing a key back the same way.

use super::keymap::Key;

/// The named keys, as the config file writes them (first) and the other names
/// it also reads.
const NAMED: &[(Key, &[&str])] = &[
    (Key::Char(' '), &["space"]),
    (Key::Enter, &["enter", "return"]),
    (Key::Esc, &["esc", "escape"]),
    (Key::Backspace, &["backspace"]),
    (Key::Delete, &["delete", "del"]),
    (Key::Tab, &["tab"]),
    (Key::BackTab, &["shift-tab", "backtab"]),
    (Key::Up, &["up"]),
    (Key::Down, &["down"]),
    (Key::Left, &["left"]),
    (Key::Right, &["right"]),
    (Key::PageUp, &["pgup", "pageup"]),
    (Key::PageDown, &["pgdn", "pagedown"]),
    (Key::Home, &["home"]),
    (Key::End, &["end"]),
];

/// What a key may be, for error messages.
const EXPECTED: &str = "a key is one character, `ctrl-` or `shift-` and a letter, \
     `f1`-`f12`, or one of `space`, `enter`, `esc`, `tab`, `shift-tab`, `backspace`, \
     `delete`, `up`, `down`, `left`, `right`, `pgup`, `pgdn`, `home`, `end`";

impl Key {
    /// Reads a key as the config file writes it. Names and modifiers may be in
    /// any case; a single character is itself (`"G"` is shift-g).
    pub fn parse(text: &str) -> Result<Key, String> {
        let mut chars = text.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // A key's label reaches the terminal (help, hints): only a character
            // that draws as itself, one or two columns wide, is a key.
            let draws =
                !crate::text::sanitize::is_dropped(c) && crate::text::width::width(text) > 0;
            return if c.is_control() || !draws {
                Err(format!("unknown key {text:?}: {EXPECTED}"))
            } else {
                Ok(Key::Char(c))
            };
        }
        let lower = text.to_ascii_lowercase();
        if let Some((key, _)) = NAMED
            .iter()
            .find(|(_, names)| names.contains(&lower.as_str()))
        {
            return Ok(*key);
        }
        let one_letter = |rest: &str| {
            let mut cs = rest.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
                _ => None,
            }
        };
        if let Some(c) = lower.strip_prefix("ctrl-").and_then(one_letter) {
            return Ok(Key::Ctrl(c));
        }
        if let Some(c) = text
            .get(6..)
            .filter(|_| lower.starts_with("shift-"))
            .and_then(one_letter)
        {
            return Ok(Key::Char(c.to_ascii_uppercase()));
        }
        if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            if (1..=12).contains(&n) {
                return Ok(Key::F(n));
            }
        }
        if lower.starts_with("alt-") || lower.starts_with("meta-") {
            return Err(format!(
                "{text:?}: alt and meta keys are not read; {EXPECTED}"
            ));
        }
        Err(format!("unknown key {text:?}: {EXPECTED}"))
    }

    /// How the config file writes the key; `None` for the mouse.
    pub fn config_name(self) -> Option<String> {
        if let Some((_, names)) = NAMED.iter().find(|(k, _)| *k == self) {
            return Some(names[0].into());
        }
        Some(match self {
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("ctrl-{c}"),
            Key::F(n) => format!("f{n}"),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_as_the_issue_writes_them() {
        let cases = [
            ("ctrl-d", Key::Ctrl('d')),
            ("Ctrl-D", Key::Ctrl('d')),
            ("shift-tab", Key::BackTab),
            ("G", Key::Char('G')),
            ("shift-g", Key::Char('G')),
            ("g", Key::Char('g')),
            ("space", Key::Char(' ')),
            (" ", Key::Char(' ')),
            ("f5", Key::F(5)),
            ("F12", Key::F(12)),
            ("enter", Key::Enter),
            ("Esc", Key::Esc),
            ("pgdn", Key::PageDown),
            ("PageUp", Key::PageUp),
            ("left", Key::Left),
            ("del", Key::Delete),
            ("-", Key::Char('-')),
            ("?", Key::Char('?')),
            ("é", Key::Char('é')),
        ];
        for (text, key) in cases {
            assert_eq!(Key::parse(text), Ok(key), "{text}");
        }
    }

    #[test]
    fn a_bad_key_says_what_a_key_may_be() {
        for bad in [
            "", "gg", "ctrl-", "ctrl-dd", "shift-1", "f0", "f13", "hyper-x", "\t",
        ] {
            let e = Key::parse(bad).unwrap_err();
            assert!(
                e.starts_with(&format!("unknown key {bad:?}: a key is one character")),
                "{e}"
            );
        }
        assert!(Key::parse("alt-x")
            .unwrap_err()
            .contains("alt and meta keys are not read"));
    }

    #[test]
    fn a_key_is_a_character_that_draws_as_itself() {
        for text in ["\u{202E}", "\u{200B}", "\u{0301}", "\u{1b}"] {
            assert!(Key::parse(text).is_err(), "{text:?}");
        }
        assert_eq!(Key::parse("é"), Ok(Key::Char('é')));
        assert_eq!(Key::parse("日"), Ok(Key::Char('日')));
    }

    #[test]
    fn every_key_of_the_table_writes_back_to_itself() {
        for b in super::super::keymap::BINDINGS {
            for &k in b.keys {
                if let Some(name) = k.config_name() {
                    assert_eq!(Key::parse(&name), Ok(k), "{name}");
                } else {
                    assert!(matches!(k, Key::Click | Key::WheelUp | Key::WheelDown));
                }
            }
        }
        assert_eq!(Key::F(5).config_name().as_deref(), Some("f5"));
    }
}
