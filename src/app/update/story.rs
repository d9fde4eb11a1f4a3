//! The story pane and the timeline: moving the cursor, opening what it is on,
//! folds, claim to claim, the timeline view, the history of jumps, and a resize.

use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::layout::Item;
use crate::app::{App, Focus, View};

impl App {
    /// A move, a page, Enter or Esc while the story pane has the keyboard.
    pub(super) fn story_navigate(&mut self, action: Action) -> Option<Effect> {
        if let Some(d) = move_delta(&action) {
            self.story_step(d);
            return None;
        }
        match action {
            Action::PageUp => self.story_page(-1),
            Action::PageDown => self.story_page(1),
            Action::Open => return self.open_at_cursor(),
            // From a story opened from the list of claims: that list again.
            Action::Back if !self.back_to_overlay() => {
                self.focus = Focus::List;
                self.follow_selection();
            }
            _ => {}
        }
        None
    }

    /// Folds, claim to claim, the timeline and the history.
    pub(super) fn story_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::ToggleFold => self.toggle_fold_at_cursor(),
            Action::UnfoldAll => self.fold_all(false),
            Action::FoldAll => self.fold_all(true),
            Action::NextClaim => self.next_claim(true),
            Action::PrevClaim => self.next_claim(false),
            Action::NextChange => self.next_change(true),
            Action::PrevChange => self.next_change(false),
            Action::Timeline => self.switch_view(),
            Action::JumpBack => return self.jump_back(),
            _ => {}
        }
        None
    }

    /// Moves the cursor by `delta` items.
    pub(super) fn story_step(&mut self, delta: isize) {
        let height = self.story_height();
        if let Some(s) = &mut self.story {
            s.cursor = clamp_add(s.cursor, delta, s.layout.items.len());
            s.follow_cursor(height);
        }
    }

    /// Scrolls a screenful; the cursor follows onto the first item in view.
    fn story_page(&mut self, dir: isize) {
        let height = self.story_height();
        if let Some(s) = &mut self.story {
            let max = s.layout.lines.len().saturating_sub(height);
            s.scroll = (s.scroll as isize + dir * height.saturating_sub(1).max(1) as isize)
                .clamp(0, max as isize) as usize;
            if let Some(i) = s.layout.items.iter().position(|i| i.first >= s.scroll) {
                s.cursor = i;
            }
        }
    }

    /// Enter on the story: fold a heading, jump to a claim's sources, open a card.
    fn open_at_cursor(&mut self) -> Option<Effect> {
        let s = self.story.as_ref()?;
        let info = s.layout.items.get(s.cursor)?.clone();
        match info.item {
            Item::Heading(_) => {
                self.toggle_fold_at_cursor();
                None
            }
            Item::Claim { .. } | Item::Event(_) | Item::Source(_) => {
                self.jump_to_sources(info.citations)
            }
            Item::Related(i) => {
                let Some(Some(uid)) = s.related.get(i).cloned() else {
                    self.notice = Some("this card is not in the store".into());
                    return None;
                };
                if let Some(here) = self.location() {
                    self.history.push(here);
                }
                Some(Effect::Load {
                    uid,
                    mark_read: self.mark_read_on_open,
                })
            }
        }
    }

    /// The terminal changed size: lay the story out again and keep what is selected in view.
    pub(super) fn resize(&mut self, w: u16, h: u16) -> Option<Effect> {
        self.size = (w, h);
        let (width, height) = (self.story_width(), self.story_height());
        if let Some(s) = &mut self.story {
            if s.width != width {
                s.relayout(width);
            }
            s.follow_cursor(height);
        }
        self.follow_selection();
        None
    }

    /// Returns to where the last jump started; in a story opened from the
    /// list of claims, with no jump left, to that list.
    fn jump_back(&mut self) -> Option<Effect> {
        let Some(loc) = self.history.pop() else {
            if self.focus == Focus::Story {
                self.back_to_overlay();
            }
            return None;
        };
        self.overlay = None;
        self.focus = Focus::Story;
        let (width, height) = (self.story_width(), self.story_height());
        match &mut self.story {
            Some(s) if s.item.uid == loc.uid => {
                match loc.item {
                    Some(item) => s.reveal(loc.view, item, width),
                    None => {
                        s.view = loc.view;
                        s.relayout(width);
                    }
                }
                s.follow_cursor(height);
                None
            }
            _ => {
                let uid = loc.uid.clone();
                self.pending = Some(loc);
                Some(Effect::Load {
                    uid,
                    mark_read: false,
                })
            }
        }
    }

    /// Folds or unfolds the section under the cursor.
    pub(super) fn toggle_fold_at_cursor(&mut self) {
        let height = self.story_height();
        let Some(s) = &mut self.story else { return };
        let section = match s.layout.items.get(s.cursor).map(|i| i.item) {
            Some(Item::Heading(i)) => i,
            Some(Item::Claim {
                section: Some(i), ..
            }) => i,
            _ => return,
        };
        if s.view != View::Story || s.doc.sections[section].heading.is_none() {
            return;
        }
        s.folded[section] = !s.folded[section];
        // Folding moves the cursor onto the heading it folded away under.
        if let Some(h) = s.layout.find(Item::Heading(section)) {
            s.cursor = h;
        }
        s.relayout(s.width);
        s.follow_cursor(height);
    }

    /// Folds or unfolds every section.
    fn fold_all(&mut self, fold: bool) {
        let height = self.story_height();
        let Some(s) = &mut self.story else { return };
        if let Some(Item::Claim {
            section: Some(i), ..
        }) = s.layout.items.get(s.cursor).map(|i| i.item)
        {
            if fold {
                if let Some(h) = s.layout.find(Item::Heading(i)) {
                    s.cursor = h;
                }
            }
        }
        for f in &mut s.folded {
            *f = fold;
        }
        s.relayout(s.width);
        s.follow_cursor(height);
    }

    /// Moves to the next (or previous) claim that cites a source.
    fn next_claim(&mut self, forward: bool) {
        let height = self.story_height();
        let Some(s) = &mut self.story else { return };
        let items = &s.layout.items;
        let cited = |i: &usize| {
            !items[*i].citations.is_empty() && !matches!(items[*i].item, Item::Source(_))
        };
        let found = if forward {
            (s.cursor + 1..items.len()).find(cited)
        } else {
            (0..s.cursor).rev().find(cited)
        };
        if let Some(i) = found {
            s.cursor = i;
            s.follow_cursor(height);
        }
    }

    /// Moves to the next (or previous) claim, source or event new or changed
    /// since the version read, in the view shown (the story, or `t` its
    /// timeline); the status bar says when there is none.
    fn next_change(&mut self, forward: bool) {
        let height = self.story_height();
        let Some(s) = &mut self.story else { return };
        if s.changes.as_ref().is_none_or(|c| c.is_empty()) {
            self.notice = Some("no changes since you read it".into());
            return;
        }
        let items = &s.layout.items;
        let found = if forward {
            (s.cursor + 1..items.len()).find(|&i| items[i].changed)
        } else {
            (0..s.cursor).rev().find(|&i| items[i].changed)
        };
        match found {
            Some(i) => {
                s.cursor = i;
                s.follow_cursor(height);
            }
            None => {
                self.notice = Some(
                    match forward {
                        true => "no more changes here (t: the timeline or the story)",
                        false => "no change before this one here",
                    }
                    .into(),
                )
            }
        }
    }

    /// Switches between the story and its timeline.
    fn switch_view(&mut self) {
        let height = self.story_height();
        let Some(s) = &mut self.story else { return };
        s.view = match s.view {
            View::Story => View::Timeline,
            View::Timeline => View::Story,
        };
        s.cursor = 0;
        s.scroll = 0;
        s.relayout(s.width);
        // Land on the first event, or the first claim.
        s.cursor = s
            .layout
            .items
            .iter()
            .position(|i| {
                matches!(
                    i.item,
                    Item::Event(_) | Item::Claim { .. } | Item::Heading(_)
                )
            })
            .unwrap_or(0);
        s.follow_cursor(height);
    }
}
