//! `App::update`: one input action in, the state changed, at most one effect out;
//! `App::receive`: what an effect brought back. No I/O, so every key sequence can
//! be tested without a terminal or a store. `update` routes each action to the
//! handlers of its area: [`list`], [`story`], [`find`], [`overlay`], [`filter`],
//! [`picker`], [`claims`], [`thread`], [`mouse`], [`links`];
//! [`arrivals`] holds `receive`.

mod arrivals;
mod claims;
mod filter;
mod find;
mod links;
mod list;
mod mouse;
mod overlay;
mod picker;
#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod settings_tests;
mod story;
#[cfg(test)]
mod tests;
mod thread;
#[cfg(test)]
mod thread_tests;
mod triage;
#[cfg(test)]
mod triage_tests;

use super::action::{Action, Effect, LinkUse};
use super::{App, Focus};

impl App {
    /// Applies one action; returns what the outside world should do.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        self.notice = None;
        // Once the person acts, the story remembered from last time no longer
        // decides where the selection goes.
        if !matches!(action, Action::Resize(..)) {
            self.remembered = None;
            self.remembered_id = None;
        }
        if !matches!(action, Action::Resize(..) | Action::Bottom) {
            self.to_end = false;
        }
        if self.help {
            return self.update_help(action);
        }
        if self.picker.is_some() {
            return self.update_picker(action);
        }
        if self.asking.is_some() {
            return self.answer(action);
        }
        match action {
            Action::Quit => Some(Effect::Quit),
            Action::Close => self.close(),
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
                None
            }
            // In a thread: its stories, or its merged timeline.
            Action::Timeline | Action::JumpBack if self.in_thread() => self.thread_action(action),
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::Open
            | Action::Back => self.navigate(action),
            Action::ToggleFold
            | Action::UnfoldAll
            | Action::FoldAll
            | Action::NextClaim
            | Action::PrevClaim
            | Action::NextChange
            | Action::PrevChange
            | Action::Timeline
            | Action::JumpBack => self.story_action(action),
            Action::OpenUrl => self.use_link(LinkUse::Open),
            Action::CopyUrl => self.use_link(LinkUse::Copy),
            Action::ToggleSaved | Action::ToggleUnread | Action::Refresh => {
                self.list_action(action)
            }
            Action::FilterChar(_) | Action::FilterEdit(_) if self.searching() => {
                self.find_action(action)
            }
            Action::Find | Action::FindNext | Action::FindPrev | Action::FindClear => {
                self.find_action(action)
            }
            Action::Filter
            | Action::FilterChar(_)
            | Action::FilterEdit(_)
            | Action::FilterAccept
            | Action::FilterCancel => self.filter_action(action),
            Action::NextUnread(_)
            | Action::NextStory(_)
            | Action::ToggleRead
            | Action::MarkAllRead
            | Action::Undo
            | Action::CycleView
            | Action::CycleSort
            | Action::Feeds => self.triage(action),
            Action::Claims => self.list_claims(),
            Action::Resize(w, h) => self.resize(w, h),
            Action::Click(x, y) => self.click(x, y),
            Action::Scroll(d, x, y) => self.scroll(d, x, y),
            // The event loop repaints the terminal; the state stays as it is.
            Action::Redraw => None,
            // No question is asked.
            Action::Confirm(_) => None,
        }
    }

    /// Moving and opening go to whatever has the keyboard: an overlay, the story
    /// pane or the headline list.
    fn navigate(&mut self, action: Action) -> Option<Effect> {
        if let Some(o) = self.overlay.clone() {
            return self.overlay_navigate(o, action);
        }
        match self.focus {
            Focus::Story => self.story_navigate(action),
            Focus::List => self.list_navigate(action),
        }
    }

    /// `q`: back one level (an overlay, then the story, then a saved query's
    /// view), and from the list out of the reader.
    fn close(&mut self) -> Option<Effect> {
        let query_view = self
            .filter
            .as_ref()
            .is_some_and(|f| f.saved.is_some() && !f.editing);
        if self.overlay.is_some() || self.focus == Focus::Story || query_view {
            return self.navigate(Action::Back);
        }
        Some(Effect::Quit)
    }

    /// Keys while the key map shows: scroll it, close it or quit.
    fn update_help(&mut self, action: Action) -> Option<Effect> {
        let (lines, height) = self.help_extent();
        let last = lines.saturating_sub(height);
        let page = height.saturating_sub(1).max(1) as isize;
        let delta = match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Help | Action::Back | Action::Close | Action::JumpBack => {
                self.help = false;
                return None;
            }
            Action::Resize(w, h) => {
                self.help = false;
                let e = self.update(Action::Resize(w, h));
                self.help = true;
                let (lines, height) = self.help_extent();
                self.help_scroll = self.help_scroll.min(lines.saturating_sub(height));
                return e;
            }
            Action::PageUp => -page,
            Action::PageDown => page,
            Action::Scroll(d, ..) => d as isize * 3,
            a => move_delta(&a)?,
        };
        self.help_scroll = clamp_add(self.help_scroll.min(last), delta, last + 1);
        None
    }
}

/// How far a move goes: a row, or to either end; `None` for other actions.
fn move_delta(action: &Action) -> Option<isize> {
    match action {
        Action::Up => Some(-1),
        Action::Down => Some(1),
        Action::Top => Some(isize::MIN / 2),
        Action::Bottom => Some(isize::MAX / 2),
        _ => None,
    }
}

/// `i + delta` kept within `0..len`.
fn clamp_add(i: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (i as isize)
        .saturating_add(delta)
        .clamp(0, len as isize - 1) as usize
}
