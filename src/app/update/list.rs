//! The headline list: moving, opening a story, the saved and unread marks, a
//! refresh, and keeping the selection and the preview right as rows change.

use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::rows::Rows;
use crate::app::{App, Focus, Then};
use crate::store::{Headline, Show};

/// Whether a row of these marks shows in `show`.
fn shows(show: Show, read: bool, saved: bool) -> bool {
    match show {
        Show::All => true,
        Show::Unread => !read,
        Show::Saved => saved,
    }
}

/// Screens of full rows read on each side of the one shown.
const PAD: usize = 2;

/// The selection kept while the rows change: the row's id in the list index
/// or its uid (a filter's result), and its index into the rows.
struct Keep {
    id: Option<i64>,
    uid: Option<String>,
    at: usize,
}

impl App {
    /// A move, a page, Enter or Esc while the list has the keyboard.
    pub(super) fn list_navigate(&mut self, action: Action) -> Option<Effect> {
        if let Some(d) = move_delta(&action) {
            return self.list_step(d);
        }
        match action {
            Action::PageUp | Action::PageDown => {
                let dir = if action == Action::PageUp { -1 } else { 1 };
                let page = self.list_height().saturating_sub(1).max(1) as isize;
                self.list_step(dir * page)
            }
            Action::Open => {
                let Some(item) = self.selected_item() else {
                    // Its full row is read first.
                    self.then = self.visible.get(self.selected).map(|_| Then::Open);
                    return None;
                };
                let uid = item.uid.clone();
                if self.threads && item.thread.is_some() {
                    return self.ask_thread(uid);
                }
                self.focus = Focus::Story;
                self.history.clear();
                self.back_to = None;
                Some(Effect::Load {
                    uid,
                    mark_read: self.mark_read_on_open,
                })
            }
            // Esc drops the filter.
            Action::Back if self.filter.is_some() => {
                self.change_rows(|app| app.filter = None);
                self.preview()
            }
            _ => None,
        }
    }

    /// Moves the selection by `delta` rows; a new row is previewed. `G` while
    /// the list is still read in goes to the last row once it is all in.
    pub(super) fn list_step(&mut self, delta: isize) -> Option<Effect> {
        if delta >= isize::MAX / 2 && self.loading && self.results().is_none() {
            self.to_end = true;
            self.notice = Some("to the last story once every row is read…".into());
            return None;
        }
        let before = self.selected;
        self.selected = clamp_add(self.selected, delta, self.visible.len());
        self.follow_selection();
        if self.selected != before {
            self.preview()
        } else {
            None
        }
    }

    /// The marks and the refresh.
    pub(super) fn list_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::ToggleSaved => self.toggle_saved(),
            Action::ToggleUnread => {
                self.show = match self.show {
                    Show::Unread => Show::All,
                    Show::All | Show::Saved => Show::Unread,
                };
                self.refilter();
                self.preview()
            }
            Action::Refresh => {
                if self.refreshing.is_some() {
                    self.notice = Some("a refresh is already running".into());
                    return None;
                }
                self.refreshing = Some((0, 0));
                self.notice = Some("refreshing subscriptions…".into());
                Some(Effect::Refresh)
            }
            _ => None,
        }
    }

    /// Asks the store to save or unsave the open story (story pane) or the
    /// selected row; the mark shows once the store has set it.
    fn toggle_saved(&mut self) -> Option<Effect> {
        let item = self.target()?;
        Some(Effect::SetSaved {
            uid: item.uid.clone(),
            saved: !item.saved,
        })
    }

    /// The store set the saved mark of `uid`: every row and the open story show it.
    pub(super) fn mark_saved(&mut self, uid: &str, saved: bool) {
        for it in self.results_mut().filter(|i| i.uid == uid) {
            it.saved = saved;
        }
        if let Some(i) = self.list_row_of(uid) {
            self.list.set_saved(i, saved);
        }
        if let Some(s) = self.story.as_mut().filter(|s| s.item.uid == uid) {
            s.item.saved = saved;
            s.relayout(s.width);
        }
        self.notice = Some(if saved { "saved" } else { "unsaved" }.into());
    }

    /// The filter's results.
    pub(super) fn results_mut(&mut self) -> impl Iterator<Item = &mut crate::store::ListItem> {
        let results = self.filter.as_mut().and_then(|f| f.results.as_mut());
        results.into_iter().flatten()
    }

    /// `uid` is no longer in the store (another process removed it): its rows go,
    /// the nearest row is selected, and a story of it closes.
    pub(super) fn drop_gone(&mut self, uid: &str) -> Option<Effect> {
        let story = self.story.as_ref().map(|s| &s.item);
        let held = self.list_row_of(uid);
        let title = self
            .results()
            .into_iter()
            .flatten()
            .chain(held.and_then(|i| self.list.item(i)))
            .chain(story)
            .find(|i| i.uid == uid)
            .map(|i| i.title.clone());
        // Opening the selected row (one pane: the story shown is an older one).
        let opening = self.focus == Focus::Story
            && self.selected_item().is_some_and(|i| i.uid == uid)
            && story.is_none_or(|i| i.uid != uid);
        self.change_rows(|app| {
            if let Some(i) = held {
                app.list.remove(i);
            }
            if let Some(f) = app.filter.as_mut() {
                if let Some(r) = f.results.as_mut() {
                    if let Some(at) = r.iter().position(|i| i.uid == uid) {
                        r.remove(at);
                        if at < f.ids.len() {
                            f.ids.remove(at);
                        }
                        // Past the count's limit, "more than" stays true.
                        if f.total <= crate::store::COUNT_LIMIT {
                            f.total = f.total.saturating_sub(1);
                        }
                    }
                }
            }
        });
        self.history.retain(|l| l.uid != uid);
        self.pending = self.pending.take().filter(|l| l.uid != uid);
        if self.story.as_ref().is_some_and(|s| s.item.uid == uid) {
            self.story = None;
            self.overlay = None;
        }
        if opening || self.story.is_none() {
            self.focus = Focus::List;
        }
        self.notice = Some(match title {
            Some(t) => format!(
                "“{t}” is no longer in the store (removed elsewhere): dropped from the list"
            ),
            None => "that story is no longer in the store (removed elsewhere)".into(),
        });
        self.preview()
    }

    /// The headline list (or its first part) arrived: keep the selection, or
    /// select the remembered story once the rows holding it are here (its id
    /// is looked up when they are not the first ones).
    pub(super) fn list_arrived(&mut self, rows: Vec<Headline>, more: bool) -> Option<Effect> {
        self.change_rows(|app| app.list = Rows::first(rows));
        self.loading = more;
        self.unlisted = None;
        self.counts_wanted = more;
        self.count_news(0);
        self.select_remembered();
        match &self.remembered {
            Some(uid) if self.remembered_id.is_none() => Some(Effect::Locate(uid.clone())),
            _ => self.preview(),
        }
    }

    /// More of the list index arrived.
    pub(super) fn index_arrived(
        &mut self,
        part: crate::store::IndexPart,
        done: bool,
    ) -> Option<Effect> {
        let from = self.list.len();
        if let Some(u) = &mut self.unlisted {
            let unread = part.rows.iter().filter(|r| !r.read).count() as u64;
            u.total = u.total.saturating_sub(part.rows.len() as u64);
            u.unread = u.unread.saturating_sub(unread);
        }
        self.list.extend(part);
        self.loading = !done;
        if done {
            self.unlisted = None;
            self.counts_wanted = false;
        }
        self.count_news(from);
        self.show_appended(from);
        if done && std::mem::take(&mut self.to_end) {
            // Said while waiting; the status bar shows where it went.
            self.notice = None;
            return self.list_step(isize::MAX / 2);
        }
        if self.select_remembered() {
            self.preview()
        } else {
            None
        }
    }

    /// Shows the rows of the list from `from` on (just read in) that the view
    /// shows, after those shown: the rows before them keep their places, and
    /// only the new ones are looked at (a list of 1,000,000 arrives in 50 parts).
    fn show_appended(&mut self, from: usize) {
        if self.results().is_some() {
            return;
        }
        let (show, list) = (self.show, &self.list);
        let of_feed = self.feed.as_deref().map(|f| list.of_feed(f));
        let shown = self.visible.len();
        self.visible.extend((from..list.len()).filter(|&i| {
            shows(show, list.read(i), list.saved(i)) && of_feed.as_ref().is_none_or(|of| of(i))
        }));
        self.unread += self.visible[shown..]
            .iter()
            .filter(|&&i| !list.read(i))
            .count();
    }

    /// The store's counts of every story arrived while the list is read in:
    /// those not read in yet count in the header until they are.
    pub(super) fn counts_arrived(&mut self, all: crate::store::ViewCounts) {
        self.counts_wanted = false;
        if !self.loading {
            return;
        }
        let listed = self.list.len() as u64;
        let unread = (0..self.list.len()).filter(|&i| !self.list.read(i)).count() as u64;
        self.unlisted = Some(crate::store::ViewCounts {
            total: all.total.saturating_sub(listed),
            unread: all.unread.saturating_sub(unread),
        });
    }

    /// Selects the story remembered from last time once its row is here, and
    /// keeps waiting for it while more rows are coming; true when selected.
    pub(super) fn select_remembered(&mut self) -> bool {
        let Some(uid) = self.remembered.take() else {
            return false;
        };
        let id = self.remembered_id.take().or_else(|| self.id_of(&uid));
        if let Some(at) = id.and_then(|id| self.list.position(id)) {
            if self.results().is_none() && self.select_row(at) {
                return true;
            }
        }
        if self.loading {
            self.remembered = Some(uid);
            self.remembered_id = id;
        }
        false
    }

    /// Recomputes which rows the list shows (filter results, by their marks, of
    /// one feed).
    /// The selected row stays selected when it still shows; when it is hidden,
    /// the nearest row that shows takes its place (the one after it, else the one
    /// before).
    pub(in crate::app) fn refilter(&mut self) {
        let keep = self.selection();
        self.refilter_from(keep);
    }

    /// Changes the rows (or which rows the list draws from), then shows them
    /// keeping the selection as [`refilter`](Self::refilter) does.
    pub(super) fn change_rows(&mut self, change: impl FnOnce(&mut Self)) {
        let keep = self.selection();
        change(self);
        self.refilter_from(keep);
    }

    /// The selected row's id or uid, and its index into the rows.
    fn selection(&self) -> Option<Keep> {
        let at = *self.visible.get(self.selected)?;
        Some(match self.results() {
            Some(r) => Keep {
                id: self.filter.as_ref().and_then(|f| f.ids.get(at).copied()),
                uid: Some(r.get(at)?.uid.clone()),
                at,
            },
            None => Keep {
                id: (at < self.list.len()).then(|| self.list.id(at)),
                uid: self.list.item(at).map(|i| i.uid.clone()),
                at,
            },
        })
    }

    /// [`refilter`](Self::refilter) keeping `keep`, the selection before the
    /// rows changed.
    fn refilter_from(&mut self, keep: Option<Keep>) {
        let (show, feed) = (self.show, self.feed.as_deref());
        let marks = |read: bool, saved: bool| shows(show, read, saved);
        self.visible = match self.results() {
            Some(r) => r
                .iter()
                .enumerate()
                .filter(|(_, i)| marks(i.read, i.saved) && feed.is_none_or(|f| i.feed == f))
                .map(|(n, _)| n)
                .collect(),
            None => {
                let list = &self.list;
                let of_feed = feed.map(|f| list.of_feed(f));
                (0..list.len())
                    .filter(|&i| marks(list.read(i), list.saved(i)))
                    .filter(|&i| of_feed.as_ref().is_none_or(|of| of(i)))
                    .collect()
            }
        };
        self.recount();
        self.selected = 0;
        if let Some(keep) = keep {
            if !self.select_kept(&keep) {
                self.selected = self.visible.partition_point(|&i| i < keep.at);
            }
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.follow_selection();
    }

    /// Selects the row kept, if it shows.
    fn select_kept(&mut self, keep: &Keep) -> bool {
        let at = match self.results() {
            Some(r) => keep
                .uid
                .as_ref()
                .and_then(|uid| r.iter().position(|i| &i.uid == uid)),
            None => keep
                .id
                .or_else(|| keep.uid.as_ref().and_then(|uid| self.list.id_of(uid)))
                .and_then(|id| self.list.position(id)),
        };
        at.is_some_and(|at| self.select_row(at))
    }

    /// Selects row `at` of the rows; false when it does not show.
    pub(super) fn select_row(&mut self, at: usize) -> bool {
        match self.visible.binary_search(&at) {
            Ok(pos) => {
                self.selected = pos;
                self.follow_selection();
                true
            }
            Err(_) => false,
        }
    }

    /// Keeps the selected row within the list's visible rows.
    pub(super) fn follow_selection(&mut self) {
        let h = self.list_height();
        if self.selected < self.list_scroll {
            self.list_scroll = self.selected;
        } else if self.selected >= self.list_scroll + h {
            self.list_scroll = self.selected + 1 - h;
        }
    }

    /// With two panes, the story pane previews the selected row; with no row
    /// selected, the list shows no story beside it.
    pub(super) fn preview(&mut self) -> Option<Effect> {
        let Some(uid) = self.selected_item().map(|i| i.uid.clone()) else {
            if self.selection_waits() {
                self.then.get_or_insert(Then::Preview);
                return None;
            }
            if self.focus == Focus::List {
                self.story = None;
                self.overlay = None;
                self.history.clear();
            }
            return None;
        };
        let g = self.geometry();
        if g.list.is_none() || g.story.is_none() {
            return None;
        }
        if self.story.as_ref().is_some_and(|s| s.item.uid == uid) {
            return None;
        }
        self.history.clear();
        Some(Effect::Load {
            uid,
            mark_read: false,
        })
    }

    /// True when a row is selected whose full row is not held yet.
    fn selection_waits(&self) -> bool {
        self.visible.get(self.selected).is_some() && self.selected_item().is_none()
    }

    /// The ids of the rows near the screen whose full rows are not held, when
    /// a row on screen (or the one selected) lacks its own: the rows a screen
    /// or two each side are read with it. A filter's results are all held.
    pub fn rows_wanted(&self) -> Vec<i64> {
        if self.results().is_some() {
            return Vec::new();
        }
        let h = self.list_height();
        let shown = self.visible.iter().skip(self.list_scroll).take(h);
        let selected = self.visible.get(self.selected);
        if self.list.missing(shown.chain(selected).copied()).is_empty() {
            return Vec::new();
        }
        let (from, to) = self.near(PAD);
        self.list.missing(self.visible[from..to].iter().copied())
    }

    /// The rows `screens` screens each side of the one shown, as a range of
    /// `visible`.
    fn near(&self, screens: usize) -> (usize, usize) {
        let h = self.list_height();
        let from = self.list_scroll.saturating_sub(h * screens);
        let to = (self.list_scroll + h * (screens + 1)).min(self.visible.len());
        (from.min(to), to)
    }

    /// Full rows arrived for `asked`: they are held, those far from the screen
    /// dropped, those asked for but not stored taken out (removed elsewhere),
    /// and what waited for the selected row is done.
    pub(super) fn rows_arrived(&mut self, asked: Vec<i64>, rows: Vec<Headline>) -> Option<Effect> {
        let (from, to) = self.near(PAD);
        let near = match (
            self.visible.get(from),
            self.visible.get(to.saturating_sub(1)),
        ) {
            (Some(&a), Some(&b)) => a..b + 1,
            _ => 0..0,
        };
        let got: std::collections::HashSet<i64> = rows.iter().map(|h| h.id).collect();
        self.list.hold(rows, near);
        let (from, to) = self.near(2 * PAD);
        let keep: Vec<usize> = self.visible[from..to].to_vec();
        self.list.keep_only(keep.into_iter());
        let gone: Vec<i64> = asked.into_iter().filter(|id| !got.contains(id)).collect();
        if !gone.is_empty() {
            self.change_rows(|app| {
                for at in app.list.positions(&gone).into_iter().rev() {
                    app.list.remove(at);
                }
            });
        }
        match self.then.take() {
            Some(Then::Open) => self.list_navigate(Action::Open),
            Some(Then::Preview) => self.preview(),
            None => None,
        }
    }
}
