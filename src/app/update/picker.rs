//! The feed picker: moving through the feeds and the saved queries, picking a
//! feed to show alone or a saved query to show its matches (as a kept filter
//! named after it), or closing it. The saved queries' unread counts are asked
//! for once per opening and arrive later.

use super::filter::today;
use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::keymap::Scope;
use crate::app::line_edit::LineEdit;
use crate::app::{App, Filter, Picker, SavedEntry};
use crate::query::parse_finished;
use crate::store::{FeedCounts, SavedQuery};

impl App {
    /// The feeds and the saved queries arrived: open the picker on them, and
    /// ask for the saved queries' counts (those that parse).
    pub(super) fn open_picker(
        &mut self,
        feeds: Vec<FeedCounts>,
        saved: Vec<SavedQuery>,
    ) -> Option<Effect> {
        if feeds.is_empty() && saved.is_empty() {
            self.notice = Some("no feeds yet: the store holds no stories".into());
            return None;
        }
        let saved: Vec<SavedEntry> = saved
            .into_iter()
            .map(|s| SavedEntry {
                query: parse_finished(&s.query, today()),
                name: s.name,
                text: s.query,
                unread: None,
            })
            .collect();
        let counts: Vec<_> = saved
            .iter()
            .filter_map(|s| Some((s.name.clone(), s.query.clone().ok()?)))
            .collect();
        self.picker = Some(Picker {
            feeds,
            saved,
            selected: 0,
        });
        (!counts.is_empty()).then_some(Effect::CountSaved(counts))
    }

    /// Saved queries' unread counts arrived: the open picker shows them.
    pub(super) fn saved_counted(&mut self, counts: Vec<(String, usize)>) {
        let Some(p) = &mut self.picker else { return };
        for (name, unread) in counts {
            if let Some(e) = p.saved.iter_mut().find(|e| e.name == name) {
                e.unread = Some(unread);
            }
        }
    }

    /// Keys while the picker is open: move, pick, close, or quit.
    pub(super) fn update_picker(&mut self, action: Action) -> Option<Effect> {
        let page = 10;
        let delta = match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Back | Action::Close | Action::Feeds => {
                self.picker = None;
                return None;
            }
            Action::Open => return self.pick(),
            Action::Resize(w, h) => return self.resize(w, h),
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Scroll(d, ..) => d as isize,
            a => move_delta(&a)?,
        };
        if let Some(p) = &mut self.picker {
            p.selected = clamp_add(p.selected, delta, p.len());
        }
        None
    }

    /// Enter in the picker: a feed shows alone; a saved query shows its
    /// matches; one that no longer parses says why and the picker stays.
    fn pick(&mut self) -> Option<Effect> {
        let picker = self.picker.as_ref()?;
        let again = self.keys.key_for(Scope::List, &Action::Feeds);
        if let Some(feed) = picker.feeds.get(picker.selected) {
            let name = feed.name.clone();
            self.picker = None;
            self.notice = Some(format!(
                "only {name} · {}: every feed",
                again.unwrap_or_default()
            ));
            self.change_rows(|app| app.feed = Some(name));
            return self.preview();
        }
        let entry = picker.saved.get(picker.selected - picker.feeds.len())?;
        let query = match &entry.query {
            Ok(q) => q.clone(),
            Err(e) => {
                self.notice = Some(format!("the saved query “{}”: {e}", entry.name));
                return None;
            }
        };
        let (name, text) = (entry.name.clone(), entry.text.clone());
        self.picker = None;
        let back = self.keys.key_for(Scope::List, &Action::Back);
        self.notice = Some(format!(
            "query {name} · {}: every story",
            back.unwrap_or_default()
        ));
        let mut filter = Filter {
            input: LineEdit::from_text(&text),
            saved: Some(name),
            ..Filter::default()
        };
        let effect = filter.search(text, query);
        self.change_rows(|app| {
            app.feed = None;
            app.filter = Some(filter);
        });
        Some(effect)
    }
}
