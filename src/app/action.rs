//! What a key or the mouse means ([`Action`]), what the reader asks the outside
//! world to do ([`Effect`]), and what comes back later ([`Arrival`]): `update`
//! turns an action into an effect, `receive` takes in an arrival.

use super::claims::ClaimRow;
use super::line_edit::Edit;
use super::thread::ThreadView;
use crate::model::Document;
use crate::query::Query;
use crate::store::{
    FeedCounts, Headline, IndexPart, ListItem, Marked, SavedQuery, Selection, Sort, ViewCounts,
};

/// What a key or the mouse asks the reader to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Back one level (popup, story, list); from the list, leave the reader.
    Close,
    /// Show or hide the key map.
    Help,
    /// Close the overlay, or go back from the story to the list (one pane).
    Back,
    /// Move the selection or cursor up one row or item.
    Up,
    /// Move the selection or cursor down one row or item.
    Down,
    /// Go to the first row or item.
    Top,
    /// Go to the last row or item.
    Bottom,
    /// Move up a page.
    PageUp,
    /// Move down a page.
    PageDown,
    /// Open what is selected: a story, a fold, a claim's source, a card, a citer.
    Open,
    /// Fold or unfold the section under the cursor.
    ToggleFold,
    /// Unfold every section.
    UnfoldAll,
    /// Fold every section.
    FoldAll,
    /// Move to the next claim that cites a source.
    NextClaim,
    /// Move to the previous claim that cites a source.
    PrevClaim,
    /// Move to the next claim, source or event new or changed since read.
    NextChange,
    /// Move to the previous one.
    PrevChange,
    /// Return to where the last jump started (the history stack).
    JumpBack,
    /// Switch between the story and its timeline.
    Timeline,
    /// Open the link of what is selected (a source, else the story) in the browser.
    OpenUrl,
    /// Copy that link to the terminal's clipboard.
    CopyUrl,
    /// Mark or unmark the story as saved.
    ToggleSaved,
    /// Show only unread stories, or all.
    ToggleUnread,
    /// Open the search box of the story.
    Find,
    /// Move to the next match of the story's search.
    FindNext,
    /// Move to the previous match of the story's search.
    FindPrev,
    /// Close the story's search box and its highlights.
    FindClear,
    /// Start typing a filter for the headline list.
    Filter,
    /// A character typed into the filter box or the story's search box.
    FilterChar(char),
    /// A move or a deletion in the filter box or the story's search box.
    FilterEdit(Edit),
    /// Keep the filter and return to the list.
    FilterAccept,
    /// Stop typing: back to the filter kept before, or none.
    FilterCancel,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// The mouse wheel at a column and row: negative is up.
    Scroll(i16, u16, u16),
    /// Paint the whole screen again (something else drew over it).
    Redraw,
    /// Refresh the subscriptions in the background.
    Refresh,
    /// Open the next unread story in the list's order (`true`) or the previous.
    NextUnread(bool),
    /// Open the next story in the list's order (`true`) or the previous.
    NextStory(bool),
    /// Mark the selected or open story read, or unread.
    ToggleRead,
    /// Mark every story of the current view read.
    MarkAllRead,
    /// Undo the last marking.
    Undo,
    /// Cycle the view: all, unread, saved.
    CycleView,
    /// Cycle the sort of the list.
    CycleSort,
    /// Pick a feed to show alone, or back to every feed.
    Feeds,
    /// List the claims that answer the filter's query.
    Claims,
    /// The answer to the question the status bar asks: yes or no.
    Confirm(bool),
}

/// What arrives from outside the reader: an effect's result, or the background
/// refresh's progress.
#[derive(Debug, Clone, PartialEq)]
pub enum Arrival {
    /// The headline list, read from the store.
    ListLoaded(Vec<Headline>),
    /// The first headlines, with more still to be read from the store.
    ListPartial(Vec<Headline>),
    /// The list index of the stories after those, appended; `done` when they
    /// were the last.
    ListIndex { part: IndexPart, done: bool },
    /// Reading the rest of the headlines failed: stop, and say why.
    ListFailed(String),
    /// How many stories the store holds, and how many are unread (while the
    /// list is read in, the header counts those not read in yet by this).
    Counts(ViewCounts),
    /// The full rows of the ids `asked` (of the list index) that are still
    /// stored; those not among them are gone.
    Rows {
        asked: Vec<i64>,
        rows: Vec<Headline>,
    },
    /// The id of story `uid` (the one remembered from last time), if stored.
    Located { uid: String, id: Option<i64> },
    /// Search results for a filter: the best of the newest matches (at most
    /// [`MATCH_LIMIT`](crate::store::MATCH_LIMIT)), and how many match in all.
    FilterResults {
        query: String,
        items: Vec<Headline>,
        total: usize,
    },
    /// A document, read from the store, with its related cards' links.
    Loaded(Box<Loaded>),
    /// The store set (or cleared) the saved mark.
    Saved { uid: String, saved: bool },
    /// The document is no longer in the store (removed by another process).
    Gone(String),
    /// Something to say in the status bar.
    Notice(String),
    /// A story's own link as the store holds it (`None`: it has none), for `then`.
    Link { url: Option<String>, then: LinkUse },
    /// A background refresh finished `done` of `total` subscriptions, the last
    /// being `label`.
    RefreshProgress {
        done: usize,
        total: usize,
        label: String,
    },
    /// The background refresh ended; what it did, in one line.
    RefreshDone(String),
    /// The automatic refresh ended: what it brought, when it brought news.
    AutoRefreshed(Option<String>),
    /// A marking was written to the store: exactly what changed; `undo` when it
    /// undid an earlier one.
    Marked { marked: Marked, undo: bool },
    /// A marking could not be written; why.
    MarkFailed(String),
    /// Every feed with its counts and every saved query, for the feed picker.
    Feeds {
        feeds: Vec<FeedCounts>,
        saved: Vec<SavedQuery>,
    },
    /// The unread counts of saved queries, by name.
    SavedCounts(Vec<(String, usize)>),
    /// The claims that answer a query (`C`).
    Claims(Vec<ClaimRow>),
    /// A thread read whole (`Enter` on a thread's row).
    Thread(Box<ThreadView>),
    /// Another process changed the store.
    StoreChanged,
}

/// What `o` and `y` do with a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkUse {
    /// Open it in the browser.
    Open,
    /// Copy it to the terminal's clipboard.
    Copy,
}

/// A document the store returned.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Its row id, by which the list knows it (the list may hold no full row
    /// of it: a story opened from a related card far down the list).
    pub id: i64,
    pub item: ListItem,
    pub doc: Document,
    pub related: Vec<Option<String>>,
    /// What changed since the version last read, when the story was updated
    /// since (asked before opening it marks it read: the marks stay while it
    /// is open).
    pub changes: Option<crate::diff::Changes>,
}

/// What the reader asks the outside world to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Stop the event loop.
    Quit,
    /// Read a document; mark it read when the reader opened it (not a preview).
    Load { uid: String, mark_read: bool },
    /// Set or clear the saved mark.
    SetSaved { uid: String, saved: bool },
    /// Open a URL in the browser.
    OpenUrl(String),
    /// Read the own link of a story that is not loaded, then open or copy it.
    LinkOf { uid: String, then: LinkUse },
    /// Run the filter's search: `query`, read from `text`.
    Search { text: String, query: Query },
    /// Start refreshing the subscriptions off the event loop.
    Refresh,
    /// Read the headline list again in this order (new stories arrived, or
    /// another order was chosen).
    ReloadList(Sort),
    /// Remember the sort in the store, then read the list again in it.
    SaveSort(Sort),
    /// Set the read mark (`on`) or clear it on these stories, off the event loop.
    MarkRead { uids: Vec<String>, on: bool },
    /// Mark every story of the selection read, off the event loop.
    MarkSelection(Selection),
    /// Turn a marking back, off the event loop.
    Undo(Marked),
    /// Read the feeds with their counts, and the saved queries.
    Feeds,
    /// Count the unread matches of these saved queries, off the event loop.
    CountSaved(Vec<(String, Query)>),
    /// Find the claims that answer `query`, off the event loop.
    Claims(Query),
    /// Read the thread of story `uid` whole, off the event loop.
    Thread(String),
    /// Find the id of the story remembered from last time.
    Locate(String),
}
