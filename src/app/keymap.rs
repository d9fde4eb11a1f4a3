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
    /// A thread's stories and its merged timeline.
    Thread,
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
pub const SCOPES: [Scope; 10] = [
    Scope::List,
    Scope::Thread,
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
            Scope::Thread => "Thread",
            Scope::Picker => "Feed picker",
            Scope::Typing => "Filter box",
            Scope::Find => "Search in the story",
            Scope::Help => "Key map",
            Scope::Confirm => "A question",
        }
    }

    /// The config file's table for this scope's keys (`[keys.list]`); `timeline`
    /// is another name for `story` (one pane, one set of keys).
    pub fn config_name(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::List => "list",
            Scope::Story => "story",
            Scope::Overlay => "source",
            Scope::Thread => "thread",
            Scope::Picker => "feeds",
            Scope::Typing => "filter",
            Scope::Find => "search",
            Scope::Help => "help",
            Scope::Confirm => "confirm",
        }
    }

    /// True for the boxes printable keys type into.
    pub fn types(self) -> bool {
        matches!(self, Scope::Typing | Scope::Find)
    }
}

/// One binding: the keys, what they do, the name the config file remaps it by
/// (unique in its scope), how the help screen says it, and whether the status bar
/// shows it as a hint.
#[derive(Debug)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    pub name: &'static str,
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
    /// A function key, `F1` to `F12`.
    F(u8),
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
            Key::F(n) => format!("F{n}"),
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
            KeyCode::F(n) => Key::F(n),
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
        name: "close",
        help: "back; quit from the list",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('Q'), Ctrl('c')],
        action: Action::Quit,
        name: "quit",
        help: "quit",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('?')],
        action: Action::Help,
        name: "help",
        help: "show or hide this key map",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('j'), Down],
        action: Action::Down,
        name: "down",
        help: "down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('k'), Up],
        action: Action::Up,
        name: "up",
        help: "up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('g'), Home],
        action: Action::Top,
        name: "top",
        help: "first",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Char('G'), End],
        action: Action::Bottom,
        name: "bottom",
        help: "last",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[PageUp, Ctrl('u')],
        action: Action::PageUp,
        name: "page_up",
        help: "page up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[PageDown, Ctrl('d')],
        action: Action::PageDown,
        name: "page_down",
        help: "page down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Backspace, Ctrl('o')],
        action: Action::JumpBack,
        name: "jump_back",
        help: "jump back (history)",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Esc],
        action: Action::Back,
        name: "back",
        help: "close, or back to the list",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Enter, Char('l'), Right],
        action: Action::Open,
        name: "open",
        help: "open the story",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('/')],
        action: Action::Filter,
        name: "filter",
        help: "filter by words or a query",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('u')],
        action: Action::ToggleUnread,
        name: "toggle_unread",
        help: "unread only, or all",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('R')],
        action: Action::Refresh,
        name: "refresh",
        help: "refresh feeds",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('s')],
        action: Action::ToggleSaved,
        name: "toggle_saved",
        help: "save or unsave",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('n')],
        action: Action::NextUnread(true),
        name: "next_unread",
        help: "open the next unread story",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('p')],
        action: Action::NextUnread(false),
        name: "prev_unread",
        help: "open the previous unread story",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('N')],
        action: Action::ToggleRead,
        name: "toggle_read",
        help: "mark read or unread",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('A')],
        action: Action::MarkAllRead,
        name: "mark_all_read",
        help: "mark every story of this view read",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('U')],
        action: Action::Undo,
        name: "undo",
        help: "undo the last marking",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('v')],
        action: Action::CycleView,
        name: "cycle_view",
        help: "view: all, unread, saved",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('S')],
        action: Action::CycleSort,
        name: "cycle_sort",
        help: "sort: newest, oldest, most sources, title",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('F')],
        action: Action::Feeds,
        name: "feeds",
        help: "one feed or saved query, or all again",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('C')],
        action: Action::Claims,
        name: "claims",
        help: "the claims that answer the filter",
        hint: false,
    },
    Binding {
        scope: Scope::Thread,
        keys: &[Enter, Char('l'), Right],
        action: Action::Open,
        name: "open",
        help: "open the story (from the timeline, on its event)",
        hint: true,
    },
    Binding {
        scope: Scope::Thread,
        keys: &[Char('t')],
        action: Action::Timeline,
        name: "timeline",
        help: "its stories / its merged timeline",
        hint: true,
    },
    Binding {
        scope: Scope::Thread,
        keys: &[Char('h'), Left],
        action: Action::Back,
        name: "back",
        help: "back to the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Enter],
        action: Action::Open,
        name: "open",
        help: "fold section / jump to source / open card",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char(' ')],
        action: Action::ToggleFold,
        name: "fold",
        help: "fold or unfold the section",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('+')],
        action: Action::UnfoldAll,
        name: "unfold_all",
        help: "unfold all sections",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('-')],
        action: Action::FoldAll,
        name: "fold_all",
        help: "fold all sections",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char(']'), Tab],
        action: Action::NextClaim,
        name: "next_claim",
        help: "next cited claim",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('['), BackTab],
        action: Action::PrevClaim,
        name: "prev_claim",
        help: "previous cited claim",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('c')],
        action: Action::NextChange,
        name: "next_change",
        help: "next change since you read it (+, ~)",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('C')],
        action: Action::PrevChange,
        name: "prev_change",
        help: "previous change since you read it",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('t')],
        action: Action::Timeline,
        name: "timeline",
        help: "story / timeline",
        hint: true,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('h'), Left],
        action: Action::Back,
        name: "back",
        help: "back to the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('s')],
        action: Action::ToggleSaved,
        name: "toggle_saved",
        help: "save or unsave",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('n')],
        action: Action::NextUnread(true),
        name: "next_unread",
        help: "next unread story",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('p')],
        action: Action::NextUnread(false),
        name: "prev_unread",
        help: "previous unread story",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('J'), Ctrl('n')],
        action: Action::NextStory(true),
        name: "next_story",
        help: "next story in the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('K'), Ctrl('p')],
        action: Action::NextStory(false),
        name: "prev_story",
        help: "previous story in the list",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('N')],
        action: Action::ToggleRead,
        name: "toggle_read",
        help: "mark read or unread",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('U')],
        action: Action::Undo,
        name: "undo",
        help: "undo the last marking",
        hint: false,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Enter],
        action: Action::Open,
        name: "open",
        help: "claims citing this source / go to claim",
        hint: true,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('h'), Left],
        action: Action::Back,
        name: "back",
        help: "close",
        hint: false,
    },
    // The story's keys and links (issue 16): search within the story, and
    // `o`/`y` everywhere but the key map and the boxes.
    Binding {
        scope: Scope::Story,
        keys: &[Char('/')],
        action: Action::Find,
        name: "find",
        help: "search within the story",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[Enter, Tab],
        action: Action::FindNext,
        name: "next_match",
        help: "next match",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[BackTab],
        action: Action::FindPrev,
        name: "prev_match",
        help: "previous match",
        hint: true,
    },
    Binding {
        scope: Scope::Find,
        keys: &[Esc],
        action: Action::FindClear,
        name: "clear_search",
        help: "clear the search",
        hint: true,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        name: "open_url",
        help: "open the story's link in the browser",
        hint: false,
    },
    Binding {
        scope: Scope::List,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        name: "copy_url",
        help: "copy the story's link",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        name: "open_url",
        help: "open the source's link, else the story's",
        hint: false,
    },
    Binding {
        scope: Scope::Story,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        name: "copy_url",
        help: "copy the source's link, else the story's",
        hint: false,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('o')],
        action: Action::OpenUrl,
        name: "open_url",
        help: "open the source's link in the browser",
        hint: true,
    },
    Binding {
        scope: Scope::Overlay,
        keys: &[Char('y')],
        action: Action::CopyUrl,
        name: "copy_url",
        help: "copy the source's link",
        hint: false,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[Enter, Char('l'), Right],
        action: Action::Open,
        name: "open",
        help: "show this feed only, or the saved query's stories",
        hint: true,
    },
    Binding {
        scope: Scope::Picker,
        keys: &[Char('F'), Char('h'), Left],
        action: Action::Back,
        name: "back",
        help: "close",
        hint: true,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Click],
        action: Action::Click(0, 0),
        name: "click",
        help: "select a row, a claim or a section (and fold it)",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[WheelUp],
        action: Action::Scroll(-1, 0, 0),
        name: "wheel_up",
        help: "scroll up",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[WheelDown],
        action: Action::Scroll(1, 0, 0),
        name: "wheel_down",
        help: "scroll down",
        hint: false,
    },
    Binding {
        scope: Scope::Global,
        keys: &[Ctrl('l')],
        action: Action::Redraw,
        name: "redraw",
        help: "redraw the screen",
        hint: false,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[Char('y')],
        action: Action::Confirm(true),
        name: "yes",
        help: "yes",
        hint: true,
    },
    Binding {
        scope: Scope::Confirm,
        keys: &[Char('n'), Esc],
        action: Action::Confirm(false),
        name: "no",
        help: "no (so does any other key)",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('j'), Down],
        action: Action::Down,
        name: "down",
        help: "scroll down",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('k'), Up],
        action: Action::Up,
        name: "up",
        help: "scroll up",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[PageDown, Char(' ')],
        action: Action::PageDown,
        name: "page_down",
        help: "page down",
        hint: true,
    },
    Binding {
        scope: Scope::Help,
        keys: &[PageUp],
        action: Action::PageUp,
        name: "page_up",
        help: "page up",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('g'), Home],
        action: Action::Top,
        name: "top",
        help: "top",
        hint: false,
    },
    Binding {
        scope: Scope::Help,
        keys: &[Char('G'), End],
        action: Action::Bottom,
        name: "bottom",
        help: "bottom",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Enter],
        action: Action::FilterAccept,
        name: "keep",
        help: "keep the filter",
        hint: true,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Esc],
        action: Action::FilterCancel,
        name: "cancel",
        help: "back to the kept filter, or none",
        hint: true,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Left],
        action: Action::FilterEdit(Edit::Left),
        name: "left",
        help: "cursor left",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Right],
        action: Action::FilterEdit(Edit::Right),
        name: "right",
        help: "cursor right",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Home, Ctrl('a')],
        action: Action::FilterEdit(Edit::Start),
        name: "start",
        help: "cursor to the start",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[End, Ctrl('e')],
        action: Action::FilterEdit(Edit::End),
        name: "end",
        help: "cursor to the end",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Backspace],
        action: Action::FilterEdit(Edit::DeleteBack),
        name: "delete_back",
        help: "delete before the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Delete],
        action: Action::FilterEdit(Edit::DeleteForward),
        name: "delete_forward",
        help: "delete at the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('u')],
        action: Action::FilterEdit(Edit::DeleteToStart),
        name: "delete_to_start",
        help: "delete to the start",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('w')],
        action: Action::FilterEdit(Edit::DeleteWordBack),
        name: "delete_word_back",
        help: "delete the word before the cursor",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Up],
        action: Action::Up,
        name: "up",
        help: "up",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Down],
        action: Action::Down,
        name: "down",
        help: "down",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('c')],
        action: Action::Quit,
        name: "quit",
        help: "quit",
        hint: false,
    },
    Binding {
        scope: Scope::Typing,
        keys: &[Ctrl('l')],
        action: Action::Redraw,
        name: "redraw",
        help: "redraw the screen",
        hint: false,
    },
];

/// What the filter box's hint says before its keys.
pub const TYPING_HINT: &str = "type to filter";

/// The effective key map: each row of [`BINDINGS`] with the keys it has after the
/// config file's `[keys]` (see [`KeyMap::from_config`]), the table's own keys where
/// the file says nothing. Built once at start; everything that turns input into
/// actions or names a key asks it.
#[derive(Debug, Clone)]
pub struct KeyMap {
    pub(super) rows: Vec<Row>,
}

/// One row of the effective key map.
#[derive(Debug, Clone)]
pub struct Row {
    pub binding: &'static Binding,
    /// Its keys now; empty when the config file unbound it.
    pub keys: Vec<Key>,
}

impl Default for KeyMap {
    /// The table as written.
    fn default() -> Self {
        KeyMap {
            rows: BINDINGS
                .iter()
                .map(|binding| Row {
                    binding,
                    keys: binding.keys.to_vec(),
                })
                .collect(),
        }
    }
}

impl KeyMap {
    /// The rows of `scope`, in the table's order.
    pub fn rows(&self, scope: Scope) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| r.binding.scope == scope)
    }

    /// The one translation from an input to an action, in `scope` (the app's
    /// [`input_scope`](super::App::input_scope)): a key or the mouse through the
    /// table, a printable key typed while filtering, a resize as itself.
    pub fn translate(&self, scope: Scope, event: &Event) -> Option<Action> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                let key = Key::from_key_event(*k)?;
                match (scope, key) {
                    (s, Key::Char(c)) if s.types() => Some(Action::FilterChar(c)),
                    _ => self.lookup(scope, key),
                }
            }
            Event::Mouse(m) => {
                let key = match m.kind {
                    MouseEventKind::Down(_) => Key::Click,
                    MouseEventKind::ScrollUp => Key::WheelUp,
                    MouseEventKind::ScrollDown => Key::WheelDown,
                    _ => return None,
                };
                match self.lookup(Scope::Global, key)? {
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
    /// while typing, where a key types; the story's search box edits as the
    /// filter box does).
    pub fn lookup(&self, scope: Scope, key: Key) -> Option<Action> {
        let find = |s: Scope| {
            self.rows(s)
                .find(|r| r.keys.contains(&key))
                .map(|r| r.binding.action.clone())
        };
        match scope {
            Scope::Typing => find(scope),
            Scope::Find => find(scope).or_else(|| find(Scope::Typing)),
            _ => find(scope).or_else(|| find(Scope::Global)),
        }
    }

    /// The status bar's hints for `scope`: `key label` pairs (global ones too,
    /// except while typing); an unbound row has none.
    pub fn hints(&self, scope: Scope) -> Vec<(String, &'static str)> {
        self.rows
            .iter()
            .filter(|r| {
                let b = r.binding;
                b.hint && (b.scope == scope || (b.scope == Scope::Global && !scope.types()))
            })
            .filter_map(|r| Some((r.keys.first()?.label(), r.binding.help)))
            .collect()
    }

    /// The first key bound to `action` in `scope` (or globally), as the help
    /// writes it.
    pub fn key_for(&self, scope: Scope, action: &Action) -> Option<String> {
        [scope, Scope::Global].iter().find_map(|&s| {
            self.rows(s)
                .find(|r| &r.binding.action == action)
                .and_then(|r| r.keys.first())
                .map(|k| k.label())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's key table, as this table writes it.
    fn markdown_table() -> String {
        let mut out = String::from("| where | keys | what | name |\n|---|---|---|---|\n");
        for scope in SCOPES {
            for b in BINDINGS.iter().filter(|b| b.scope == scope) {
                let keys: Vec<String> = b.keys.iter().map(|k| format!("`{}`", k.label())).collect();
                out.push_str(&format!(
                    "| {} | {} | {} | `{}` |\n",
                    scope.title(),
                    keys.join(" "),
                    b.help,
                    b.name
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
        let help: Vec<String> = super::super::layout::help(200, "", &KeyMap::default())
            .lines
            .iter()
            .map(|l| l.iter().map(|s| s.text.as_str()).collect())
            .collect();
        for b in BINDINGS {
            let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
            let row = format!("  {:<18}{} ({})", keys.join(" "), b.help, b.name);
            assert!(help.contains(&row), "help lacks {row:?}");
        }
    }

    #[test]
    fn typing_types_and_the_mouse_goes_through_the_table() {
        use crossterm::event::{MouseButton, MouseEvent};
        let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        assert_eq!(
            KeyMap::default().translate(Scope::Typing, &key('q')),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(
            KeyMap::default().translate(Scope::List, &key('q')),
            Some(Action::Close)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Story, &key('Q')),
            Some(Action::Quit)
        );
        let del = Event::Key(KeyEvent::new(KeyCode::Delete, KeyModifiers::NONE));
        assert_eq!(
            KeyMap::default().translate(Scope::Typing, &del),
            Some(Action::FilterEdit(Edit::DeleteForward))
        );
        let ctrl_u = Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(
            KeyMap::default().translate(Scope::Typing, &ctrl_u),
            Some(Action::FilterEdit(Edit::DeleteToStart)),
            "while typing, not page up"
        );
        assert_eq!(
            KeyMap::default().translate(Scope::List, &ctrl_u),
            Some(Action::PageUp)
        );
        let click = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 7,
            row: 3,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(
            KeyMap::default().translate(Scope::Typing, &click),
            Some(Action::Click(7, 3))
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Story, &Event::Resize(80, 24)),
            Some(Action::Resize(80, 24))
        );
    }

    #[test]
    fn the_story_search_box_types_and_edits_as_the_filter_box() {
        let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::Char('q'))),
            Some(Action::FilterChar('q'))
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Story, &key(KeyCode::Char('/'))),
            Some(Action::Find)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::Enter)),
            Some(Action::FindNext)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::Tab)),
            Some(Action::FindNext)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::BackTab)),
            Some(Action::FindPrev)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::Esc)),
            Some(Action::FindClear)
        );
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &key(KeyCode::Backspace)),
            Some(Action::FilterEdit(Edit::DeleteBack))
        );
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(
            KeyMap::default().translate(Scope::Find, &ctrl_c),
            Some(Action::Quit)
        );
        assert!(
            KeyMap::default()
                .hints(Scope::Find)
                .iter()
                .all(|(k, _)| k != "q"),
            "q types"
        );
    }

    #[test]
    fn every_binding_has_a_snake_case_name_unique_in_its_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            assert!(
                !a.name.is_empty() && a.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{:?}",
                a.name
            );
            for b in &BINDINGS[i + 1..] {
                assert!(
                    a.scope != b.scope || a.name != b.name,
                    "{} twice in {:?}",
                    a.name,
                    a.scope
                );
            }
        }
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
        assert_eq!(
            KeyMap::default().lookup(Scope::Story, Key::Char('h')),
            Some(Action::Back)
        );
        assert_eq!(
            KeyMap::default().lookup(Scope::List, Key::Enter),
            Some(Action::Open)
        );
        assert_eq!(
            KeyMap::default().lookup(Scope::Story, Key::Char('q')),
            Some(Action::Close)
        );
        assert_eq!(
            KeyMap::default().lookup(Scope::Picker, Key::Char('F')),
            Some(Action::Back)
        );
        assert_eq!(KeyMap::default().lookup(Scope::List, Key::Char('Z')), None);
    }
}
