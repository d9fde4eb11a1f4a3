//! `App::receive`: what arrives from outside (the list read in, search results,
//! a loaded document, a notice, a refresh's progress), taken into the state.

use crate::app::action::{Arrival, Effect};
use crate::app::App;

impl App {
    /// Takes in one arrival; returns what the outside world should do next.
    pub fn receive(&mut self, arrival: Arrival) -> Option<Effect> {
        match arrival {
            Arrival::ListLoaded(items) => self.list_arrived(items, false),
            Arrival::ListPartial(items) => self.list_arrived(items, true),
            Arrival::ListIndex { part, done } => self.index_arrived(part, done),
            Arrival::Rows { asked, rows } => self.rows_arrived(asked, rows),
            Arrival::Counts(all) => {
                self.counts_arrived(all);
                None
            }
            Arrival::Located { uid, id } => {
                if self.remembered.as_ref() == Some(&uid) {
                    self.remembered_id = id;
                    if id.is_none() {
                        self.remembered = None;
                    }
                    self.select_remembered();
                }
                self.preview()
            }
            Arrival::ListFailed(why) => {
                self.loading = false;
                self.to_end = false;
                self.unlisted = None;
                self.counts_wanted = false;
                self.news = None;
                self.notice = Some(why);
                None
            }
            Arrival::FilterResults {
                query,
                items,
                total,
            } => {
                if let Some(f) = &mut self.filter {
                    if f.searched == query {
                        let (ids, items) = items.into_iter().map(|h| (h.id, h.item)).unzip();
                        f.results = Some(items);
                        f.ids = ids;
                        f.total = total;
                        // New rows: the best match is selected.
                        self.visible.clear();
                        self.selected = 0;
                        self.list_scroll = 0;
                        self.refilter();
                        return self.preview();
                    }
                }
                None
            }
            Arrival::Loaded(loaded) => {
                let uid = loaded.item.uid.clone();
                let read = loaded.item.read;
                // While marks are being written the store may not hold them
                // yet: its unread does not undo a read mark the row shows.
                self.open_loaded(*loaded);
                if read || self.marking == 0 {
                    self.set_read_here(std::slice::from_ref(&uid), read);
                }
                let (width, height) = (self.story_width(), self.story_height());
                if let Some(loc) = self.pending.take().filter(|l| l.uid == uid) {
                    if let (Some(s), Some(item)) = (&mut self.story, loc.item) {
                        s.reveal(loc.view, item, width);
                    }
                }
                if let Some(s) = &mut self.story {
                    s.follow_cursor(height);
                }
                None
            }
            Arrival::Saved { uid, saved } => {
                self.mark_saved(&uid, saved);
                None
            }
            Arrival::Gone(uid) => self.drop_gone(&uid),
            Arrival::Notice(n) => {
                self.notice = Some(n);
                None
            }
            Arrival::Link { url, then } => self.hand_on(url, then),
            Arrival::RefreshProgress { done, total, label } => {
                self.refreshing = Some((done, total));
                self.notice = Some(format!("refreshing {done}/{total} · {label}"));
                None
            }
            Arrival::RefreshDone(summary) => {
                self.refreshing = None;
                self.notice = Some(summary);
                self.reload()
            }
            Arrival::AutoRefreshed(news) => {
                // Said unless the status bar is asking a question.
                let said = news?;
                if self.asking.is_none() {
                    self.notice = Some(said);
                }
                self.reload()
            }
            Arrival::Marked { marked, undo } => {
                self.marked(marked, undo);
                None
            }
            Arrival::MarkFailed(why) => {
                self.marking = self.marking.saturating_sub(1);
                self.notice = Some(why);
                // The rows may show marks the store does not hold: read them again.
                self.reload()
            }
            Arrival::Feeds { feeds, saved } => self.open_picker(feeds, saved),
            Arrival::SavedCounts(counts) => {
                self.saved_counted(counts);
                None
            }
            Arrival::Claims(rows) => {
                self.claims_arrived(rows);
                None
            }
            Arrival::Thread(view) => {
                self.thread_arrived(*view);
                None
            }
            Arrival::StoreChanged => self.store_changed(),
        }
    }
}
