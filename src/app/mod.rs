//! The reader's one model: the headline list, the open story with its folds and
//! cursor, overlays, and the history stack of jumps. `update` (in [`update`]) is the
//! only code that changes it, and it does no I/O.

pub mod action;
pub mod claims;
mod empty;
pub mod geometry;
mod key_config;
mod key_syntax;
pub mod keymap;
pub mod layout;
pub mod line_edit;
pub mod rows;
pub mod search;
pub mod story_marks;
pub mod thread;
mod update;

use crate::config::Reader;
use crate::model::{DateStyle, Document};
use crate::query::{Query, QueryError};
use crate::store::{FeedCounts, ListItem, Marked, Show, Sort, ViewCounts};
use action::Loaded;
use claims::ClaimRow;
use geometry::{geometry, Geometry};
use layout::{Item, PaneLines};
use line_edit::LineEdit;
use search::{Match, Search};
use thread::ThreadView;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Story,
}

/// Which face of the story is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Story,
    Timeline,
}

/// A place to come back to: a document, its view and the item under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub uid: String,
    pub view: View,
    pub item: Option<Item>,
}

/// One claim or event that cites a source, as the citers list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citer {
    pub view: View,
    pub item: Item,
    pub label: String,
}

/// A box drawn over the story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The claim cites several sources: pick one.
    Choose {
        citations: Vec<u32>,
        selected: usize,
    },
    /// One source's card.
    Source { n: u32 },
    /// Every claim and event that cites source `n`.
    Citers {
        n: u32,
        entries: Vec<Citer>,
        selected: usize,
    },
    /// The claims that answer the list's query (`C`), over the whole screen.
    Claims {
        rows: Vec<ClaimRow>,
        selected: usize,
    },
    /// A thread's stories, or its merged timeline (`Enter` on a thread's
    /// row), over the whole screen.
    Thread(Box<ThreadView>),
}

/// The open document and how it is shown.
#[derive(Debug, Clone)]
pub struct OpenStory {
    /// Its row id (see [`Loaded::id`]).
    pub id: i64,
    pub item: ListItem,
    pub doc: Document,
    pub related: Vec<Option<String>>,
    pub folded: Vec<bool>,
    pub view: View,
    pub timeline_order: Vec<usize>,
    pub layout: PaneLines,
    /// Index into `layout.items`.
    pub cursor: usize,
    /// First visible line.
    pub scroll: usize,
    /// The width the layout was made for.
    pub width: usize,
    /// The search within the story (`/`), while its box is open.
    pub search: Option<Search>,
    /// How the header shows the story's date.
    pub dates: DateStyle,
    /// What changed since the version last read (see [`Loaded::changes`]).
    pub changes: Option<crate::diff::Changes>,
}

/// The filter typed with `/`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// The text typed, with its cursor.
    pub input: LineEdit,
    pub editing: bool,
    /// The query the text last read as (the last text that parsed): the one
    /// searched, whose matches show and which `A` marks.
    pub parsed: Option<Query>,
    /// The text of that query: the results awaited are those for it.
    pub searched: String,
    /// What is wrong with the text typed, while it does not parse (the last
    /// good results stay).
    pub error: Option<QueryError>,
    /// The name of the saved query this filter shows (chosen in the picker).
    pub saved: Option<String>,
    /// Results of the last search for `searched`; `None` until they arrive.
    pub results: Option<Vec<ListItem>>,
    /// The results' ids, in the same order.
    pub ids: Vec<i64>,
    /// How many stories match in all: more than `results` hold when they stop
    /// at the limit.
    pub total: usize,
    /// While editing a filter that was kept: that filter, which Esc brings back.
    pub kept: Option<Box<Filter>>,
}

impl Filter {
    /// The text typed.
    pub fn query(&self) -> &str {
        self.input.text()
    }
}

/// The feed picker: every feed with its counts, then the saved queries; one
/// selected (an index into the feeds, then the saved queries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub feeds: Vec<FeedCounts>,
    pub saved: Vec<SavedEntry>,
    pub selected: usize,
}

impl Picker {
    /// How many entries can be chosen.
    pub fn len(&self) -> usize {
        self.feeds.len() + self.saved.len()
    }

    /// True when there is nothing to choose.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A saved query in the picker: its name, its text read as the filter reads
/// it (or what is wrong with it now), and its unread count once counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedEntry {
    pub name: String,
    pub text: String,
    pub query: Result<Query, QueryError>,
    /// Counted off the event loop: `None` until the count arrives.
    pub unread: Option<usize>,
}

/// While the list is read again after another process changed the store: the
/// highest id listed before (a new story's id is higher), and how many rows
/// read since were not among them.
#[derive(Debug, Clone, Default)]
pub struct News {
    pub last: i64,
    pub new: usize,
}

/// What waits for the selected row's full row to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// Preview it.
    Preview,
    /// Open it.
    Open,
}

/// The most markings `U` can undo.
pub const UNDO_DEPTH: usize = 50;

/// The whole reader state.
#[derive(Debug, Clone)]
pub struct App {
    /// Every listed story in the list's order, full rows near the screen.
    pub list: rows::Rows,
    pub filter: Option<Filter>,
    /// Which rows show by their marks: all, the unread or the saved.
    pub show: Show,
    /// Only the rows of this feed show, or those of every feed.
    pub feed: Option<String>,
    /// The order the rows were read in (a filter's matches come best first).
    pub sort: Sort,
    /// How many of the rows shown are unread.
    pub unread: usize,
    /// The feed picker, when open.
    pub picker: Option<Picker>,
    /// The list of claims or the thread a story was opened from (Enter in
    /// it): going back from that story shows it again.
    pub back_to: Option<Overlay>,
    /// Markings done, the last one last, for `U` (at most [`UNDO_DEPTH`]).
    pub undo: Vec<Marked>,
    /// Markings asked of the store that it has not answered yet.
    pub marking: usize,
    /// Counting the new stories while the list is read again.
    pub news: Option<News>,
    /// Indexes into the active rows (filter results or the list) that are shown.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    pub list_scroll: usize,
    pub story: Option<OpenStory>,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    pub help: bool,
    pub help_scroll: usize,
    pub history: Vec<Location>,
    pub notice: Option<String>,
    pub size: (u16, u16),
    /// Where to put the cursor when the document being loaded arrives.
    pub pending: Option<Location>,
    /// The story to select when the list first arrives (the last one selected);
    /// kept until the rows holding it have been read.
    pub remembered: Option<String>,
    /// The id of the remembered story, once known.
    pub remembered_id: Option<i64>,
    /// `G` was pressed while the list was read in: the selection goes to the
    /// last row once every row is in.
    pub to_end: bool,
    /// What waits for the selected row's full row.
    pub then: Option<Then>,
    /// While the list is read in: the stories not read in yet and how many of
    /// them are unread, by the store's count.
    pub unlisted: Option<ViewCounts>,
    /// The list is read in and the store's counts are not asked for yet.
    pub counts_wanted: bool,
    /// True while the rest of the headline list is still being read in.
    pub loading: bool,
    /// While a background refresh runs: subscriptions done and in all.
    pub refreshing: Option<(usize, usize)>,
    /// A cleaned URL for the terminal's clipboard (`y`): the event loop writes
    /// it once (OSC 52) and takes it. Only URLs tidings cleaned go there, never
    /// content.
    pub clipboard: Option<String>,
    /// False on terminals known to print hyperlink escapes (the Linux console,
    /// a dumb terminal): source URLs are then plain text.
    pub hyperlinks: bool,
    /// The list shows each thread once, and Enter on a thread's row lists its
    /// stories (the config's `threads`); off, every story is a row of its own.
    pub threads: bool,
    /// The config file in use, as the key map's first line says it.
    pub config_note: String,
    /// The effective key map (the table with the config file's `[keys]`).
    pub keys: keymap::KeyMap,
    /// Two panes from this many columns (the config's `two_pane_min_width`).
    pub two_panes_from: u16,
    /// Opening a story marks it read (the config's `mark_read_on_open`).
    pub mark_read_on_open: bool,
    /// `A` asks first (the config's `confirm_bulk_marking`).
    pub confirm_bulk: bool,
    /// The question the status bar asks (whether to mark the view read), until
    /// it is answered.
    pub asking: Option<String>,
    /// How dates show (the config's `date_style`).
    pub date_style: DateStyle,
}

impl App {
    /// A reader for a terminal of `width` x `height`, waiting for its list.
    pub fn new(width: u16, height: u16, remembered: Option<String>) -> Self {
        App {
            list: rows::Rows::default(),
            filter: None,
            show: Show::All,
            feed: None,
            sort: Sort::Newest,
            unread: 0,
            picker: None,
            back_to: None,
            undo: Vec::new(),
            marking: 0,
            news: None,
            visible: Vec::new(),
            selected: 0,
            list_scroll: 0,
            story: None,
            focus: Focus::List,
            overlay: None,
            help: false,
            help_scroll: 0,
            history: Vec::new(),
            notice: None,
            size: (width, height),
            pending: None,
            remembered,
            remembered_id: None,
            to_end: false,
            then: None,
            unlisted: None,
            counts_wanted: false,
            loading: false,
            refreshing: None,
            clipboard: None,
            hyperlinks: true,
            threads: true,
            config_note: String::new(),
            keys: keymap::KeyMap::default(),
            two_panes_from: geometry::TWO_PANES_FROM,
            mark_read_on_open: true,
            confirm_bulk: false,
            asking: None,
            date_style: DateStyle::default(),
        }
    }

    /// Takes in the config's `[reader]` settings (before the list arrives).
    pub fn configure(&mut self, reader: &Reader) {
        self.two_panes_from = reader.two_pane_min_width;
        self.mark_read_on_open = reader.mark_read_on_open;
        self.confirm_bulk = reader.confirm_bulk_marking;
        self.hyperlinks = reader.hyperlinks;
        self.threads = reader.threads;
        self.date_style = reader.date_style.clone();
        self.show = reader.default_view;
        self.sort = reader.default_sort;
    }

    /// The panes for the current size and focus.
    pub fn geometry(&self) -> Geometry {
        self.panes(self.focus == Focus::Story)
    }

    /// The panes for the current size, with the story focused or not.
    fn panes(&self, story_focused: bool) -> Geometry {
        geometry(self.size.0, self.size.1, story_focused, self.two_panes_from)
    }

    /// The filter's results, when the list draws from them.
    pub fn results(&self) -> Option<&[ListItem]> {
        self.filter.as_ref().and_then(|f| f.results.as_deref())
    }

    /// How many rows the list draws from: the filter's results, or every story.
    pub fn row_count(&self) -> usize {
        self.results().map_or(self.list.len(), <[ListItem]>::len)
    }

    /// Row `i` of the rows the list draws from, when its full row is held.
    pub fn row(&self, i: usize) -> Option<&ListItem> {
        match self.results() {
            Some(r) => r.get(i),
            None => self.list.item(i),
        }
    }

    /// Whether row `i` of the rows the list draws from is read.
    pub fn row_read(&self, i: usize) -> bool {
        match self.results() {
            Some(r) => r[i].read,
            None => self.list.read(i),
        }
    }

    /// The id of story `uid`, when a row held (of the list, or the filter's)
    /// shows it.
    pub fn id_of(&self, uid: &str) -> Option<i64> {
        let filtered = self.filter.as_ref().and_then(|f| {
            let at = f.results.as_ref()?.iter().position(|i| i.uid == uid)?;
            f.ids.get(at).copied()
        });
        let open = || {
            let s = self.story.as_ref()?;
            (s.item.uid == uid).then_some(s.id)
        };
        filtered.or_else(|| self.list.id_of(uid)).or_else(open)
    }

    /// The row of the list (not the filter's) that shows story `uid`, when
    /// its id is known here.
    pub fn list_row_of(&self, uid: &str) -> Option<usize> {
        self.list.position(self.id_of(uid)?)
    }

    /// What the header counts: the rows shown, the rows in all and the unread
    /// shown. While the list is read in, the stories not read in yet count by
    /// the store's count (when every story shows).
    pub fn counts(&self) -> (usize, usize, usize) {
        let (shown, all, unread) = (self.visible.len(), self.list.len(), self.unread);
        match &self.unlisted {
            Some(u)
                if self.show == Show::All && self.feed.is_none() && self.results().is_none() =>
            {
                let (total, more) = (u.total as usize, u.unread as usize);
                (shown + total, all + total, unread + more)
            }
            _ => (shown, all, unread),
        }
    }

    /// The list row selected, if any (and its full row held).
    pub fn selected_item(&self) -> Option<&ListItem> {
        self.visible.get(self.selected).and_then(|&i| self.row(i))
    }

    /// The scope whose key bindings apply now.
    pub fn scope(&self) -> keymap::Scope {
        if self.picker.is_some() {
            keymap::Scope::Picker
        } else if matches!(self.overlay, Some(Overlay::Thread(_))) {
            keymap::Scope::Thread
        } else if self.overlay.is_some() {
            keymap::Scope::Overlay
        } else if self.focus == Focus::Story && self.story.is_some() {
            keymap::Scope::Story
        } else {
            keymap::Scope::List
        }
    }

    /// Which part of the input table applies now: the filter box while typing,
    /// the story's search box while searching, else the [`scope`](Self::scope)
    /// of what has the keyboard.
    pub fn input_scope(&self) -> keymap::Scope {
        if self.help {
            keymap::Scope::Help
        } else if self.asking.is_some() {
            keymap::Scope::Confirm
        } else if self.typing() {
            keymap::Scope::Typing
        } else if self.searching() {
            keymap::Scope::Find
        } else {
            self.scope()
        }
    }

    /// True while the filter takes typed characters.
    pub fn typing(&self) -> bool {
        self.filter.as_ref().is_some_and(|f| f.editing)
    }

    /// Where the reader is now, for the history stack.
    pub fn location(&self) -> Option<Location> {
        let s = self.story.as_ref()?;
        Some(Location {
            uid: s.item.uid.clone(),
            view: s.view,
            item: s.layout.items.get(s.cursor).map(|i| i.item),
        })
    }

    /// Builds the loaded document into the open story.
    fn open_loaded(&mut self, loaded: Loaded) {
        let folded = vec![false; loaded.doc.sections.len()];
        let order = layout::timeline_order(&loaded.doc);
        let mut story = OpenStory {
            id: loaded.id,
            item: loaded.item,
            doc: loaded.doc,
            related: loaded.related,
            folded,
            view: View::Story,
            timeline_order: order,
            layout: PaneLines::default(),
            cursor: 0,
            scroll: 0,
            width: 0,
            search: None,
            dates: self.date_style.clone(),
            changes: loaded.changes,
        };
        story.relayout(self.story_width());
        self.story = Some(story);
    }

    /// The wrap width of the story text for the current size.
    fn story_width(&self) -> usize {
        self.panes(true)
            .story
            .map_or(1, |r| geometry::story_text(r).width.max(1) as usize)
    }

    /// Rows the story pane shows.
    fn story_height(&self) -> usize {
        self.panes(true)
            .story
            .map_or(1, |r| r.height.max(1) as usize)
    }

    /// The key map's line count at the current size, and how many show at once.
    fn help_extent(&self) -> (usize, usize) {
        let inside = geometry::inside_border(geometry::help_box(self.size.0, self.size.1));
        let lines = layout::help(inside.width.max(1) as usize, &self.config_note, &self.keys)
            .lines
            .len();
        (lines, inside.height.max(1) as usize)
    }

    /// Rows the list shows under its header.
    fn list_height(&self) -> usize {
        self.panes(false)
            .list
            .map_or(1, |r| geometry::list_rows(r).height.max(1) as usize)
    }
}

impl OpenStory {
    /// Rebuilds the layout for `width`, keeping the item under the cursor.
    pub fn relayout(&mut self, width: usize) {
        let keep = self.layout.items.get(self.cursor).map(|i| i.item);
        self.width = width;
        self.layout = self.layout_of(self.view);
        self.cursor = keep.and_then(|k| self.layout.find(k)).unwrap_or(0);
        if self.search.is_some() {
            self.find_matches();
        }
    }

    /// The lines of `view` at the current width and folds.
    fn layout_of(&self, view: View) -> PaneLines {
        match view {
            View::Story => layout::story(
                &self.doc,
                &self.folded,
                &self.related,
                self.item.saved,
                self.changes.as_ref(),
                self.width,
                &self.dates,
            ),
            View::Timeline => layout::timeline(
                &self.doc,
                &self.timeline_order,
                self.changes.as_ref(),
                self.width,
                &self.dates,
            ),
        }
    }

    /// Finds the search's query again in both views as they are laid out now,
    /// keeping the match moved to by its number.
    pub fn find_matches(&mut self) {
        let Some(query) = self.search.as_ref().map(|s| s.query().to_string()) else {
            return;
        };
        let mut matches = Vec::new();
        for view in [View::Story, View::Timeline] {
            let other;
            let lines = if view == self.view {
                &self.layout
            } else {
                other = self.layout_of(view);
                &other
            };
            let from = search::first_line(lines, view);
            matches.extend(
                search::find(lines, from, &query)
                    .into_iter()
                    .map(|hits| Match { view, hits }),
            );
        }
        if let Some(s) = &mut self.search {
            s.current = s.current.min(matches.len().saturating_sub(1));
            s.matches = matches;
        }
    }

    /// Unfolds the sections whose text holds `query`, so that every match shows.
    pub fn unfold_matching(&mut self, query: &str) {
        let needle = crate::text::fold::fold(query);
        if needle.is_empty() {
            return;
        }
        let mut changed = false;
        for (section, folded) in self.doc.sections.iter().zip(self.folded.iter_mut()) {
            let text: Vec<String> = section.paragraphs.iter().map(|p| p.text()).collect();
            if *folded && crate::text::fold::fold(&text.join(" ")).contains(&needle) {
                *folded = false;
                changed = true;
            }
        }
        if changed && self.view == View::Story {
            self.relayout(self.width);
        }
    }

    /// Moves the cursor to `item`, unfolding its section and switching view first.
    pub fn reveal(&mut self, view: View, item: Item, width: usize) {
        if let Item::Claim {
            section: Some(s), ..
        } = item
        {
            if let Some(f) = self.folded.get_mut(s) {
                *f = false;
            }
        }
        self.view = view;
        self.relayout(width);
        if let Some(i) = self.layout.find(item) {
            self.cursor = i;
        }
    }

    /// Scrolls so the cursor's item is in the `height` visible lines.
    pub fn follow_cursor(&mut self, height: usize) {
        let Some(info) = self.layout.items.get(self.cursor) else {
            self.scroll = 0;
            return;
        };
        if self.cursor == 0 && info.first < height {
            self.scroll = 0;
        } else if info.first < self.scroll {
            self.scroll = info.first;
        } else if info.last >= self.scroll + height {
            self.scroll = (info.last + 1).saturating_sub(height).min(info.first);
        }
    }
}
