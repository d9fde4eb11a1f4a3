//! The mouse: a click selects a row or a story item, the wheel scrolls.

use ratatui::layout::Position;

use crate::app::action::Effect;
use crate::app::layout::Item;
use crate::app::{geometry, App, Focus};

impl App {
    /// A click at column `x`, row `y`.
    pub(super) fn click(&mut self, x: u16, y: u16) -> Option<Effect> {
        let g = self.geometry();
        let inside = |r: ratatui::layout::Rect| {
            x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
        };
        if self.overlay.is_some() {
            return None;
        }
        if let Some(list) = g.list.filter(|r| inside(*r)) {
            let rows = geometry::list_rows(list);
            if y < rows.y {
                return None;
            }
            let row = self.list_scroll + (y - rows.y) as usize;
            if row < self.visible.len() {
                self.focus = Focus::List;
                self.selected = row;
                return self.preview();
            }
            return None;
        }
        if let Some(pane) = g.story.filter(|r| inside(*r)) {
            self.focus = Focus::Story;
            let s = self.story.as_mut()?;
            let line = s.scroll + (y - pane.y) as usize;
            if let Some(i) = s.layout.item_at(line) {
                s.cursor = i;
                if matches!(s.layout.items[i].item, Item::Heading(_)) {
                    self.toggle_fold_at_cursor();
                }
            }
        }
        None
    }

    /// The wheel at column `x`, row `y`: negative is up. It moves an open
    /// overlay's selection, else scrolls the pane under the pointer: the story
    /// pane's text, or the list's selection.
    pub(super) fn scroll(&mut self, delta: i16, x: u16, y: u16) -> Option<Effect> {
        let lines = delta as isize * 3;
        if self.overlay.is_some() {
            self.overlay_step(lines);
            return None;
        }
        let g = self.geometry();
        let over_list = g.list.is_some_and(|r| r.contains(Position::new(x, y)));
        if over_list {
            return self.list_step(lines);
        }
        let height = self.story_height();
        if let Some(s) = &mut self.story {
            let max = s.layout.lines.len().saturating_sub(height);
            s.scroll = (s.scroll as isize + lines).clamp(0, max as isize) as usize;
        }
        None
    }
}
