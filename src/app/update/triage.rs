//! Daily triage from the list and the story pane: the next or previous unread
//! story, story to story in the list's order, read or unread, every story of the
//! view read, undoing markings, the views, the sorts and one feed alone. Marks
//! show on the rows at once; the store writes them off the event loop and says
//! what changed.

use std::collections::HashSet;

use crate::app::action::{Action, Effect};
use crate::app::keymap::Scope;
use crate::app::{App, Focus, News, UNDO_DEPTH};
use crate::store::{Mark, Marked, Selection, Show, View};
use crate::summary::stories;

impl App {
    /// The triage keys.
    pub(super) fn triage(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::NextUnread(forward) => self.next_unread(forward),
            Action::NextStory(forward) => self.next_story(forward),
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::Undo => self.undo_marking(),
            Action::CycleView => {
                self.show = match self.show {
                    Show::All => Show::Unread,
                    Show::Unread => Show::Saved,
                    Show::Saved => Show::All,
                };
                self.refilter();
                self.preview()
            }
            Action::CycleSort => {
                self.sort = self.sort.next();
                self.notice = Some(format!("sorted {}", self.sort.label()));
                self.keep_selection_through_reload();
                Some(Effect::SaveSort(self.sort))
            }
            Action::Feeds => {
                if self.feed.is_none() {
                    return Some(Effect::Feeds);
                }
                self.change_rows(|app| app.feed = None);
                self.notice = Some("every feed".into());
                self.preview()
            }
            _ => None,
        }
    }

    /// Opens the next (or previous) unread row: from the list the selected row
    /// counts, from a story only the rows after (or before) it.
    fn next_unread(&mut self, forward: bool) -> Option<Effect> {
        let from_story = self.focus == Focus::Story;
        let unread = |&p: &usize| !self.row_read(self.visible[p]);
        let here = self.selected;
        let found = if forward {
            let start = here + usize::from(from_story);
            (start..self.visible.len()).find(unread)
        } else {
            let end = if from_story { here } else { here + 1 };
            (0..end.min(self.visible.len())).rev().find(unread)
        };
        match found {
            Some(pos) => self.open_row(pos),
            None => {
                self.notice = Some(if forward {
                    "no more unread".into()
                } else {
                    "no unread story before this one".into()
                });
                None
            }
        }
    }

    /// Opens the row after (or before) the selected one.
    fn next_story(&mut self, forward: bool) -> Option<Effect> {
        let pos = if forward {
            Some(self.selected + 1).filter(|&p| p < self.visible.len())
        } else {
            self.selected.checked_sub(1)
        };
        match pos {
            Some(pos) => self.open_row(pos),
            None => {
                self.notice = Some(
                    if forward {
                        "this is the last story"
                    } else {
                        "this is the first story"
                    }
                    .into(),
                );
                None
            }
        }
    }

    /// Selects the row at `pos` of the visible rows and opens it.
    fn open_row(&mut self, pos: usize) -> Option<Effect> {
        self.overlay = None;
        self.selected = pos;
        self.follow_selection();
        self.list_navigate(Action::Open)
    }

    /// The story `N` and `s` act on: the open one in the story pane, else the
    /// selected row.
    pub(super) fn target(&self) -> Option<&crate::store::ListItem> {
        match (&self.story, self.focus) {
            (Some(s), Focus::Story) => Some(&s.item),
            _ => self.selected_item(),
        }
    }

    /// Marks the open or selected story read, or unread again.
    fn toggle_read(&mut self) -> Option<Effect> {
        let target = self.target()?;
        let uid = target.uid.clone();
        // The row knows best: the open story's copy was taken when it loaded.
        let held = self.list_row_of(&uid);
        let read = self
            .results()
            .into_iter()
            .flatten()
            .find(|i| i.uid == uid)
            .map(|i| i.read)
            .or(held.map(|i| self.list.read(i)))
            .unwrap_or(target.read);
        let uids = vec![uid];
        self.set_read_here(&uids, !read);
        self.notice = Some(if read { "marked unread" } else { "marked read" }.into());
        self.marking += 1;
        Some(Effect::MarkRead { uids, on: !read })
    }

    /// Marks every story of the view read: the rows at once, the store off the
    /// event loop (with a filter or a saved query, every match of its query,
    /// not only those listed).
    fn mark_all_read(&mut self) -> Option<Effect> {
        if self.confirm_bulk {
            let key = |yes| {
                let answer = Action::Confirm(yes);
                self.keys
                    .key_for(Scope::Confirm, &answer)
                    .unwrap_or_default()
            };
            let question = format!(
                "mark {} of this view read? {}/{}",
                stories(self.unread),
                key(true),
                key(false)
            );
            self.notice = Some(question.clone());
            self.asking = Some(question);
            return None;
        }
        self.mark_view_read()
    }

    /// The answer to `A`'s question: `y` marks the view read; anything else
    /// (but a resize, a repaint or quitting) leaves it as it is and does nothing more.
    pub(super) fn answer(&mut self, action: Action) -> Option<Effect> {
        let effect = match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Redraw => None,
            _ => {
                self.asking = None;
                if action == Action::Confirm(true) {
                    return self.mark_view_read();
                }
                self.notice = Some("not marked".into());
                return None;
            }
        };
        // Still asking.
        self.notice = self.asking.clone();
        effect
    }

    /// Marks every story of the view read: the rows at once, the store off the loop.
    fn mark_view_read(&mut self) -> Option<Effect> {
        let unread: Vec<usize> = self
            .visible
            .iter()
            .copied()
            .filter(|&i| !self.row_read(i))
            .collect();
        let marked = unread.len();
        let mut uids = Vec::new();
        match self.filter.as_mut().and_then(|f| f.results.as_mut()) {
            Some(r) => {
                for &i in &unread {
                    r[i].read = true;
                    uids.push(r[i].uid.clone());
                }
            }
            None => {
                for &i in &unread {
                    self.list.set_read(i, true);
                }
            }
        }
        // The open story, when it is among them.
        self.set_read_here(&uids, true);
        let query = self
            .filter
            .as_ref()
            .filter(|f| f.results.is_some())
            .map(|f| f.parsed.clone().unwrap_or_default());
        let selection = Selection {
            view: View {
                show: self.show,
                feed: self.feed.clone(),
                heads: false,
            },
            query,
            before: None,
        };
        self.notice = Some(format!("marking {} read…", stories(marked)));
        self.marking += 1;
        Some(Effect::MarkSelection(selection))
    }

    /// Turns the last marking back: the rows at once, the store off the loop.
    fn undo_marking(&mut self) -> Option<Effect> {
        let Some(marked) = self.undo.pop() else {
            self.notice = Some(if self.marking > 0 {
                format!(
                    "still marking; press {} again once it is done",
                    self.keys
                        .key_for(Scope::List, &Action::Undo)
                        .unwrap_or_default()
                )
            } else {
                "nothing to undo".into()
            });
            return None;
        };
        self.show_marked(&marked, !marked.on);
        self.notice = Some(format!("undoing: {}…", what(&marked, true)));
        self.marking += 1;
        Some(Effect::Undo(marked))
    }

    /// The store wrote a marking (or undid one): the rows show exactly what it
    /// changed, a marking joins the undo stack, and the status bar says it.
    pub(super) fn marked(&mut self, marked: Marked, undo: bool) {
        self.marking = self.marking.saturating_sub(1);
        self.show_marked(&marked, marked.on);
        self.notice = Some(match (undo, marked.is_empty()) {
            (false, true) => "nothing to mark: every story here is marked so already".into(),
            (true, true) => "nothing to undo: changed elsewhere since".into(),
            (false, false) => format!("marked {}", what(&marked, false)),
            (true, false) => format!("undone: {} again", what(&marked, false)),
        });
        if !undo && !marked.is_empty() {
            if self.undo.len() == UNDO_DEPTH {
                self.undo.remove(0);
            }
            self.undo.push(marked);
        }
    }

    /// Shows the mark of `marked` set to `on` on every row (and the open
    /// story) it changed: the list's rows by id, the filter's by uid.
    fn show_marked(&mut self, marked: &Marked, on: bool) {
        for at in self.list.positions(&marked.ids) {
            match marked.mark {
                Mark::Read => self.list.set_read(at, on),
                Mark::Saved => self.list.set_saved(at, on),
            }
        }
        match marked.mark {
            Mark::Read => self.set_read_here(&marked.uids, on),
            Mark::Saved => {
                let set: HashSet<&str> = marked.uids.iter().map(String::as_str).collect();
                for it in self.results_mut().filter(|i| set.contains(i.uid.as_str())) {
                    it.saved = on;
                }
            }
        }
    }

    /// Sets the read mark of the rows (the filter's, and those of the list held
    /// near the screen) and the open story of `uids` here, and counts the
    /// unread rows again.
    pub(super) fn set_read_here(&mut self, uids: &[String], on: bool) {
        let set: HashSet<&str> = uids.iter().map(String::as_str).collect();
        for it in self.results_mut().filter(|i| set.contains(i.uid.as_str())) {
            it.read = on;
            it.updated &= !on;
        }
        if uids.len() <= 8 {
            for uid in uids {
                if let Some(at) = self.list_row_of(uid) {
                    self.list.set_read(at, on);
                }
            }
        }
        if let Some(s) = self
            .story
            .as_mut()
            .filter(|s| set.contains(s.item.uid.as_str()))
        {
            s.item.read = on;
        }
        self.recount();
    }

    /// Counts the unread rows shown (from the list index: no full row needed).
    pub(super) fn recount(&mut self) {
        self.unread = match self.results() {
            Some(r) => self.visible.iter().filter(|&&i| !r[i].read).count(),
            None => self.visible.iter().filter(|&&i| !self.list.read(i)).count(),
        };
    }

    /// The list will be read again: the selected story stays selected once its
    /// row is read in.
    pub(super) fn keep_selection_through_reload(&mut self) {
        self.remembered = self.selected_item().map(|i| i.uid.clone());
        self.remembered_id = match (self.results(), self.visible.get(self.selected)) {
            (None, Some(&at)) if self.remembered.is_some() => Some(self.list.id(at)),
            _ => None,
        };
    }

    /// Reads the list again, keeping the selection.
    pub(super) fn reload(&mut self) -> Option<Effect> {
        self.keep_selection_through_reload();
        Some(Effect::ReloadList(self.sort))
    }

    /// Another process changed the store: read the list again, counting the
    /// stories that were not listed before.
    pub(super) fn store_changed(&mut self) -> Option<Effect> {
        if self.news.is_none() {
            self.news = Some(News {
                last: self.list.ids_from(0).iter().copied().max().unwrap_or(0),
                new: 0,
            });
        }
        self.reload()
    }

    /// Rows read in while counting news: those not listed before are new; once
    /// the last rows are in, the status bar says how many.
    pub(super) fn count_news(&mut self, from: usize) {
        if let Some(news) = &mut self.news {
            news.new += self
                .list
                .ids_from(from)
                .iter()
                .filter(|&&id| id > news.last)
                .count();
        }
        if !self.loading {
            if let Some(news) = self.news.take().filter(|n| n.new > 0) {
                self.notice = Some(format!("{} new", news.new));
            }
        }
    }
}

/// `3 stories read`, or undoing: `3 stories unread`.
fn what(marked: &Marked, undoing: bool) -> String {
    let on = marked.on != undoing;
    let mark = match (marked.mark, on) {
        (Mark::Read, true) => "read",
        (Mark::Read, false) => "unread",
        (Mark::Saved, true) => "saved",
        (Mark::Saved, false) => "unsaved",
    };
    format!("{} {mark}", stories(marked.len()))
}
