//! `C`: the claims that answer the list's query (a kept filter or a saved
//! query), found off the event loop and listed over the screen; Enter opens a
//! claim's story with the cursor on it, and going back from that story shows
//! the list again.

use crate::app::action::{Action, Effect};
use crate::app::claims::ClaimRow;
use crate::app::keymap::Scope;
use crate::app::{App, Focus, Location, Overlay, View};

impl App {
    /// `C`: asks for the claims that answer the filter's query.
    pub(super) fn list_claims(&mut self) -> Option<Effect> {
        let Some(query) = self
            .filter
            .as_ref()
            .filter(|f| f.results.is_some())
            .and_then(|f| f.parsed.clone())
        else {
            let key = |a: Action| self.keys.key_for(Scope::List, &a).unwrap_or_default();
            self.notice = Some(format!(
                "{}: the claims that answer a filter; type one with {} first",
                key(Action::Claims),
                key(Action::Filter)
            ));
            return None;
        };
        self.notice = Some("finding the claims that answer the query…".into());
        Some(Effect::Claims(query))
    }

    /// The claims arrived: listed over the screen, the first selected.
    pub(super) fn claims_arrived(&mut self, rows: Vec<ClaimRow>) {
        if rows.is_empty() {
            self.notice = Some("no claim answers the query: its matches are whole stories".into());
            return;
        }
        self.notice = None;
        self.overlay = Some(Overlay::Claims { rows, selected: 0 });
    }

    /// Enter on a claim: its story opens with the cursor on it; going back
    /// from there shows the list of claims again.
    pub(super) fn open_claim(&mut self, rows: Vec<ClaimRow>, selected: usize) -> Option<Effect> {
        let row = rows.get(selected)?.clone();
        self.overlay = None;
        self.back_to = Some(Overlay::Claims { rows, selected });
        self.focus = Focus::Story;
        self.history.clear();
        let (width, height) = (self.story_width(), self.story_height());
        if let Some(s) = self.story.as_mut().filter(|s| s.item.uid == row.uid) {
            s.reveal(View::Story, row.item, width);
            s.follow_cursor(height);
            return None;
        }
        self.pending = Some(Location {
            uid: row.uid.clone(),
            view: View::Story,
            item: Some(row.item),
        });
        Some(Effect::Load {
            uid: row.uid,
            mark_read: self.mark_read_on_open,
        })
    }

    /// Back from a story opened from the list of claims: the list again,
    /// over the list of headlines. False when it was not opened from there.
    pub(super) fn back_to_overlay(&mut self) -> bool {
        let Some(o) = self.back_to.take() else {
            return false;
        };
        self.focus = Focus::List;
        self.overlay = Some(o);
        self.follow_selection();
        true
    }
}
