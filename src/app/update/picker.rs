//! The feed picker: moving through the feeds, picking one to show alone, or
//! closing it.

use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::keymap::Scope;
use crate::app::{App, Picker};
use crate::store::FeedCounts;

impl App {
    /// The feeds arrived: open the picker on them.
    pub(super) fn open_picker(&mut self, feeds: Vec<FeedCounts>) {
        if feeds.is_empty() {
            self.notice = Some("no feeds yet: the store holds no stories".into());
            return;
        }
        self.picker = Some(Picker { feeds, selected: 0 });
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
            Action::Open => {
                let picker = self.picker.take()?;
                let name = picker.feeds.get(picker.selected)?.name.clone();
                let again = self.keys.key_for(Scope::List, &Action::Feeds);
                self.notice = Some(format!(
                    "only {name} · {}: every feed",
                    again.unwrap_or_default()
                ));
                self.change_rows(|app| app.feed = Some(name));
                return self.preview();
            }
            Action::Resize(w, h) => return self.resize(w, h),
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Scroll(d, ..) => d as isize,
            a => move_delta(&a)?,
        };
        if let Some(p) = &mut self.picker {
            p.selected = clamp_add(p.selected, delta, p.feeds.len());
        }
        None
    }
}
