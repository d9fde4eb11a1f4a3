//! The input table: one table that turns every key and mouse input into an
//! action ([`translate`]), writes the help screen and fills every hint.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

use super::action::Action;
use super::line_edit::Edit;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere but the filter input.
    Global,
    /// The headline list.
    List,
    /// The story pane and the timeline.
    Story,
    /// A source card, a citation chooser or a list of citers.
    Overlay,
    /// The feed picker.
    Picker,
    /// Typing into the filter box: printable keys type, only these do more.
    Typing,
    /// Typing into the story's search box: printable keys type, these and the
    /// filter box's edits do more.
    Find,
    /// The key map screen.
    Help,
    /// A question in the status bar (`A` asking before it marks a view read).
    Confirm,
}

/// The scopes in the order the help screen (and the README) lists them.
pub const SCOPES: [Scope; 9] = [
    Scope::List,
    Scope::Story,
    Scope::Find,
    Scope::Overlay,
    Scope::Picker,
    Scope::Confirm,
    Scope::Typing,
    Scope::Help,
    Scope::Global,
];

impl Scope {
    pub fn title(self) -> &'static str {
        match self {
            Scope::Global => "Everywhere",
            Scope::List => "Headline list",
            Scope::Story => "Story and timeline",
            Scope::Overlay => "Sources",
            Scope::Picker => "Feed picker",
            Scope::Typing => "Filter box",
            Scope::Find => "Search in the story",
            Scope::Help => "Key map",
            Scope::Confirm => "A question",
        }
    }

    /// True for the boxes printable keys type into.
    pub fn types(self) -> bool {
        matches!(self, Scope::Typing | Scope::Find)
    }
}

/// One binding: the keys, what they do, how the help screen says it, and whether
/// the status bar shows it as a hint.
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub hint: bool,
}

/// A key as the table writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Enter,
    Esc,
    Backspace,
    Delete,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// A mouse click (the action gets its position).
    Click,
    WheelUp,
    WheelDown,
}

impl Key {
    /// How the help screen and the status bar write the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Del".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Click => "click".into(),
            Key::WheelUp => "wheel up".into(),
            Key::WheelDown => "wheel down".into(),
        }
    }

    /// The table's key for a terminal key event, if it has one.
    pub fn from_key_event(e: KeyEvent) -> Option<Key> {
        let ctrl = e.modifiers.contains(KeyModifiers::CONTROL);
        Some(match e.code {
            KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
            KeyCode::Char(c) => Key::Char(c),
            KeyCode::Enter => Key::Enter,
            KeyCode::Esc => Key::Esc,
            KeyCode::Backspace => Key::Backspace,
            KeyCode::Delete => Key::Delete,
            KeyCode::Tab => Key::Tab,
            KeyCode::BackTab => Key::BackTab,
            KeyCode::Up => Key::Up,
            KeyCode::Down => Key::Down,
            KeyCode::Left => Key::Left,
            KeyCode::Right => Key::Right,
            KeyCode::PageUp => Key::PageUp,
            KeyCode::PageDown => Key::PageDown,
            KeyCode::Home => Key::Home,
            KeyCode::End => Key::End,
            _ => return None,
        })
    }
}

use Key::*;

/// The whole key map. Scoped bindings win over global ones.
pub const BINDINGS: &[Binding] = &[
    Binding {
        scope: Scope::Global,
        keys: &[Char('q')],
        action: Action::Close,
        help: "back; quit from the list",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('Q'), Ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('?')],
        action: Action::Help,
        help: "show or hide this key map",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('j'), Down],
        action: Action::Down,
        help: "down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('k'), Up],
        action: Action::Up,
        help: "up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('g'), Home],
        action: Action::Top,
        help: "first",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('G'), End],
        action: Action::Bottom,
        help: "last",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[PageUp, Ctrl('u')],
        action: Action::PageUp,
        help: "page up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[PageDown, Ctrl('d')],
        action: Action::PageDown,
        help: "page down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Backspace, Ctrl('o')],
        action: Action::JumpBack,
        help: "jump back (history)",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Esc],
        action: Action::Back,
        help: "close, or back to the list",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Enter, Char('l'), Right],
        action: Action::Open,
        help: "open the story",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('/')],
        action: Action::Filter,
        help: "filter titles and text",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('u')],
        action: Action::ToggleUnread,
        help: "unread only, or all",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('R')],
        action: Action::Refresh,
        help: "refresh feeds",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('s')],
        action: Action::ToggleSaved,
        help: "save or unsave",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('n')],
        action: Action::NextUnread(true),
        help: "open the next unread story",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('p')],
        action: Action::NextUnread(false),
        help: "open the previous unread story",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('N')],
        action: Action::ToggleRead,
        help: "mark read or unread",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('A')],
        action: Action::MarkAllRead,
        help: "mark every story of this view read",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('U')],
        action: Action::Undo,
        help: "undo the last marking",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('v')],
        action: Action::CycleView,
        help: "view: all, unread, saved",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('S')],
        action: Action::CycleSort,
        help: "sort: newest, oldest, most sources, title",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('F')],
        action: Action::Feeds,
        help: "one feed only, or every feed again",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Enter],
        action: Action::Open,
        help: "fold section / jump to source / open card",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char(' ')],
        action: Action::ToggleFold,
        help: "fold or unfold the section",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('+')],
        action: Action::UnfoldAll,
        help: "unfold all sections",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('-')],
        action: Action::FoldAll,
        help: "fold all sections",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char(']'), Tab],
        action: Action::NextClaim,
        help: "next cited claim",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('['), BackTab],
        action: Action::PrevClaim,
        help: "previous cited claim",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('t')],
        action: Action::Timeline,
        help: "story / timeline",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('h'), Left],
        action: Action::Back,
        help: "back to the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('s')],
        action: Action::ToggleSaved,
        help: "save or unsave",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('n')],
        action: Action::NextUnread(true),
        help: "next unread story",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('p')],
        action: Action::NextUnread(false),
        help: "previous unread story",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('J'), Ctrl('n')],
        action: Action::NextStory(true),
        help: "next story in the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('K'), Ctrl('p')],
        action: Action::NextStory(false),
        help: "previous story in the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('N')],
        action: Action::ToggleRead,
        help: "mark read or unread",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('U')],
        action: Action::Undo,
        help: "undo the last marking",
        hint: false,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Enter],
        action: Action::Open,
        help: "claims citing this source / go to claim",
        hint: true,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('h'), Left],
        action: Action::Back,
        help: "close",
        hint: false,
    },
    // The story's keys and links (issue 16): search within the story, and
    // `o`/`y` everywhere but the key map and the boxes.
    Binding {
        scope: Scope::Story,
        keys: &[Char('/')],
        action: Action::Find,
        help: "search within the story",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[Enter, Tab],
        action: Action::FindNext,
        help: "next match",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[BackTab],
        action: Action::FindPrev,
        help: "previous match",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[Esc],
        action: Action::FindClear,
        help: "clear the search",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        help: "open the story's link in the browser",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        help: "copy the story's link",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        help: "open the source's link, else the story's",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        help: "copy the source's link, else the story's",
        hint: false,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        help: "open the source's link in the browser",
        hint: true,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        help: "copy the source's link",
        hint: false,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[Enter, Char('l'), Right],
        action: Action::Open,
        help: "show this feed only",
        hint: true,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[Char('F'), Char('h'), Left],
        action: Action::Back,
        help: "close",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Click],
        action: Action::Click(0, 0),
        help: "select a row, a claim or a section (and fold it)",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[WheelUp],
        action: Action::Scroll(-1, 0, 0),
        help: "scroll up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[WheelDown],
        action: Action::Scroll(1, 0, 0),
        help: "scroll down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Ctrl('l')],
        action: Action::Redraw,
        help: "redraw the screen",
        hint: false,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[Char('y')],
        action: Action::Confirm(true),
        help: "yes",
        hint: true,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[Char('n'), Esc],
        action: Action::Confirm(false),
        help: "no (so does any other key)",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('j'), Down],
        action: Action::Down,
        help: "scroll down",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('k'), Up],
        action: Action::Up,
        help: "scroll up",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[PageDown, Char(' ')],
        action: Action::PageDown,
        help: "page down",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[PageUp],
        action: Action::PageUp,
        help: "page up",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('g'), Home],
        action: Action::Top,
        help: "top",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('G'), End],
        action: Action::Bottom,
        help: "bottom",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Enter],
        action: Action::FilterAccept,
        help: "keep the filter",
        hint: true,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Esc],
        action: Action::FilterCancel,
        help: "back to the kept filter, or none",
        hint: true,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Left],
        action: Action::FilterEdit(Edit::Left),
        help: "cursor left",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Right],
        action: Action::FilterEdit(Edit::Right),
        help: "cursor right",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Home, Ctrl('a')],
        action: Action::FilterEdit(Edit::Start),
        help: "cursor to the start",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[End, Ctrl('e')],
        action: Action::FilterEdit(Edit::End),
        help: "cursor to the end",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Backspace],
        action: Action::FilterEdit(Edit::DeleteBack),
        help: "delete before the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Delete],
        action: Action::FilterEdit(Edit::DeleteForward),
        help: "delete at the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('u')],
        action: Action::FilterEdit(Edit::DeleteToStart),
        help: "delete to the start",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('w')],
        action: Action::FilterEdit(Edit::DeleteWordBack),
        help: "delete the word before the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Up],
        action: Action::Up,
        help: "up",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Down],
        action: Action::Down,
        help: "down",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('c')],
        action: Action::Quit,
        help: "quit",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('l')],
        action: Action::Redraw,
        help: "redraw the screen",
        hint: false,
    },
];

/// What the filter box's hint says before its keys.
pub const TYPING_HINT: &str = "type to filter";

/// The one translation from an input to an action, in `scope` (the app's
/// [`input_scope`](super::App::input_scope)): a key or the mouse through the
/// table, a printable key typed while filtering, a resize as itself.
pub fn translate(scope: Scope, event: &Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let key = Key::from_key_event(*k)?;
            match (scope, key) {
                (s, Key::Char(c)) if s.types() => Some(Action::FilterChar(c)),
                _ => lookup(scope, key),
            }
        }
        Event::Mouse(m) => {
            let key = match m.kind {
                MouseEventKind::Down(_) => Key::Click,
                MouseEventKind::ScrollUp => Key::WheelUp,
                MouseEventKind::ScrollDown => Key::WheelDown,
                _ => return None,
            };
            match lookup(Scope::Global, key)? {
                Action::Click(..) => Some(Action::Click(m.column, m.row)),
                Action::Scroll(d, ..) => Some(Action::Scroll(d, m.column, m.row)),
                a => Some(a),
            }
        }
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// The action a key does in `scope`, falling back to global bindings (except
/// while typing, where a key types; the story's search box edits as the filter
/// box does).
pub fn lookup(scope: Scope, key: Key) -> Option<Action> {
    let find = |s: Scope| {
        BINDINGS
            .iter()
            .find(|b| b.scope == s && b.keys.contains(&key))
            .map(|b| b.action.clone())
    };
    match scope {
        Scope::Typing => find(scope),
        Scope::Find => find(scope).or_else(|| find(Scope::Typing)),
        _ => find(scope).or_else(|| find(Scope::Global)),
    }
}

/// The status bar's hints for `scope`: `key label` pairs (global ones too,
/// except while typing).
pub fn hints(scope: Scope) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.hint && (b.scope == scope || (b.scope == Scope::Global && !scope.types())))
        .map(|b| (b.keys[0].label(), b.help))
        .collect()
}

/// The first key bound to `action` in `scope` (or globally), as the help writes it.
pub fn key_for(scope: Scope, action: &Action) -> Option<String> {
    [scope, Scope::Global].iter().find_map(|&s| {
        BINDINGS
            .iter()
            .find(|b| b.scope == s && &b.action == action)
            .map(|b| b.keys[0].label())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key table, as this table writes it.
    fn markdown_table() -> String {
        let mut out = String::from("| where | keys | what |\n|---|---|---|\n");
        for scope in SCOPES {
            for b in BINDINGS.iter().filter(|b| b.scope == scope) {
                let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
                out.push_str(&format!(
                    "| {} | {} | {} |\n",
                    scope.title(),
                    keys.join(" "),
                    b.help
                ));
            }
        }
        out
    }

    #[test]
    fn the_readme_key_table_is_this_table() {
        let readme = include_str!("../../README.md");
        let table = markdown_table();
        assert!(
            readme.contains(&table),
            "README.md's key table differs from src/app/keymap.rs; paste this:\n{table}"
        );
    }

    #[test]
    fn the_help_screen_shows_every_binding() {
        let help: Vec<String> = super::super::layout::help(200, "")
            .lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        for b in BINDINGS {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let row = format!("  {:<18}{}", keys.join(" "), b.help);
            assert!(help.contains(&row), "help lacks {row:?}");
        }
    }

    #[test]
    fn typing_types_and_the_mouse_goes_through_the_table() {
        use crossterm::event::{MouseButton, MouseEvent};
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(
            translate(Scope::Typing, &key('q')),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(translate(Scope::List, &key('q')), Some(Action::Close));
        assert_eq!(translate(Scope::Story, &key('Q')), Some(Action::Quit));
        let del = Event::Key(KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(
            translate(Scope::Typing, &del),
            Some(Action::FilterEdit(Edit::DeleteForward))
        );
        let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(
            translate(Scope::Typing, &ctrl_u),
            Some(Action::FilterEdit(Edit::DeleteToStart)),
            "while typing, not page up"
        );
        assert_eq!(translate(Scope::List, &ctrl_u), Some(Action::PageUp));
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(translate(Scope::Typing, &click), Some(Action::Click(7, 3)));
        assert_eq!(
            translate(Scope::Story, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
    }

    #[test]
    fn the_story_search_box_types_and_edits_as_the_filter_box() {
        let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::Char('q'))),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(
            translate(Scope::Story, &key(KeyCode::Char('/'))),
            Some(Action::Find)
        );
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::Enter)),
            Some(Action::FindNext)
        );
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::Tab)),
            Some(Action::FindNext)
        );
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::BackTab)),
            Some(Action::FindPrev)
        );
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::Esc)),
            Some(Action::FindClear)
        );
        assert_eq!(
            translate(Scope::Find, &key(KeyCode::Backspace)),
            Some(Action::FilterEdit(Edit::DeleteBack))
        );
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(translate(Scope::Find, &ctrl_c), Some(Action::Quit));
        assert!(hints(Scope::Find).iter().all(|(k, _)| k != "q"), "q types");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope == b.scope {
                    for k in a.keys {
                        assert!(!b.keys.contains(k), "{k:?} twice in {:?}", a.scope);
                    }
                }
            }
        }
    }

    #[test]
    fn scoped_bindings_win_over_global() {
        assert_eq!(lookup(Scope::Story, Key::Char('h')), Some(Action::Back));
        assert_eq!(lookup(Scope::List, Key::Enter), Some(Action::Open));
        assert_eq!(lookup(Scope::Story, Key::Char('q')), Some(Action::Close));
        assert_eq!(lookup(Scope::Picker, Key::Char('F')), Some(Action::Back));
        assert_eq!(lookup(Scope::List, Key::Char('Z')), None);
    }
}
