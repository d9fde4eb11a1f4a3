//! The headline list: moving, opening a story, the saved and unread marks, a
//! refresh, and keeping the selection and the preview right as rows change.

use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::{App, Focus};
use crate::store::{ListItem, Show};

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
                let uid = self.selected_item()?.uid.clone();
                self.focus = Focus::Story;
                self.history.clear();
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

    /// Moves the selection by `delta` rows; a new row is previewed.
    pub(super) fn list_step(&mut self, delta: isize) -> Option<Effect> {
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
        for it in self.rows_mut().filter(|i| i.uid == uid) {
            it.saved = saved;
        }
        if let Some(s) = self.story.as_mut().filter(|s| s.item.uid == uid) {
            s.item.saved = saved;
            s.relayout(s.width);
        }
        self.notice = Some(if saved { "saved" } else { "unsaved" }.into());
    }

    /// Every row held: all headlines and the filter's results.
    pub(super) fn rows_mut(&mut self) -> impl Iterator<Item = &mut ListItem> {
        let results = self.filter.as_mut().and_then(|f| f.results.as_mut());
        self.items.iter_mut().chain(results.into_iter().flatten())
    }

    /// `uid` is no longer in the store (another process removed it): its rows go,
    /// the nearest row is selected, and a story of it closes.
    pub(super) fn drop_gone(&mut self, uid: &str) -> Option<Effect> {
        let story = self.story.as_ref().map(|s| &s.item);
        let title = self
            .rows()
            .iter()
            .chain(&self.items)
            .chain(story)
            .find(|i| i.uid == uid)
            .map(|i| i.title.clone());
        // Opening the selected row (one pane: the story shown is an older one).
        let opening = self.focus == Focus::Story
            && self.selected_item().is_some_and(|i| i.uid == uid)
            && story.is_none_or(|i| i.uid != uid);
        self.change_rows(|app| {
            app.items.retain(|i| i.uid != uid);
            if let Some(f) = app.filter.as_mut() {
                if let Some(r) = f.results.as_mut() {
                    let before = r.len();
                    r.retain(|i| i.uid != uid);
                    f.total = f.total.saturating_sub(before - r.len());
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
    /// select the remembered story once the rows holding it are here.
    pub(super) fn list_arrived(&mut self, items: Vec<ListItem>, more: bool) -> Option<Effect> {
        self.change_rows(|app| app.items = items);
        self.loading = more;
        self.count_news(0);
        self.select_remembered();
        self.preview()
    }

    /// Selects the story remembered from last time once its row is here, and
    /// keeps waiting for it while more rows are coming; true when selected.
    pub(super) fn select_remembered(&mut self) -> bool {
        let Some(uid) = self.remembered.take() else {
            return false;
        };
        if self.select_uid(&uid) {
            return true;
        }
        if self.loading {
            self.remembered = Some(uid);
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

    /// The selected row's uid and index into the rows.
    fn selection(&self) -> Option<(String, usize)> {
        let at = *self.visible.get(self.selected)?;
        Some((self.rows().get(at)?.uid.clone(), at))
    }

    /// [`refilter`](Self::refilter) keeping `keep`, the selection before the
    /// rows changed.
    fn refilter_from(&mut self, keep: Option<(String, usize)>) {
        let (show, feed) = (self.show, self.feed.as_deref());
        let shows = |i: &ListItem| {
            let marks = match show {
                Show::All => true,
                Show::Unread => !i.read,
                Show::Saved => i.saved,
            };
            marks && feed.is_none_or(|f| i.feed == f)
        };
        self.visible = self
            .rows()
            .iter()
            .enumerate()
            .filter(|(_, i)| shows(i))
            .map(|(n, _)| n)
            .collect();
        self.recount();
        self.selected = 0;
        if let Some((uid, at)) = keep {
            if !self.select_uid(&uid) {
                self.selected = self.visible.partition_point(|&i| i < at);
            }
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.follow_selection();
    }

    /// Selects the row of `uid`; false when no visible row holds it.
    pub(super) fn select_uid(&mut self, uid: &str) -> bool {
        let rows = self.rows();
        match self.visible.iter().position(|&i| rows[i].uid == uid) {
            Some(pos) => {
                self.selected = pos;
                self.follow_selection();
                true
            }
            None => false,
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
}
