//! The search within the open story: `/` opens its box, typing (edited as the
//! filter box is) finds the query from where the search started, `Enter`/`Tab`
//! and `Shift-Tab` move match to match (switching to the timeline and back when
//! the next one is there), `Esc` closes the box, the cursor staying on the last
//! match's claim.

use super::clamp_add;
use crate::app::action::{Action, Effect};
use crate::app::line_edit::LineEdit;
use crate::app::search::Search;
use crate::app::{App, OpenStory};

impl App {
    /// `/`, a key typed or an edit, next, previous and clear.
    pub(super) fn find_action(&mut self, action: Action) -> Option<Effect> {
        let height = self.story_height();
        let s = self.story.as_mut()?;
        match action {
            Action::Find if s.search.is_none() => {
                s.search = Some(Search {
                    origin: Some((s.view, s.scroll)),
                    ..Search::default()
                });
            }
            Action::FilterChar(c) => edit(s, height, |e| e.insert(c)),
            Action::FilterEdit(edit_key) => edit(s, height, |e| e.apply(edit_key)),
            Action::FindNext => step(s, height, 1),
            Action::FindPrev => step(s, height, -1),
            Action::FindClear => s.search = None,
            _ => {}
        }
        None
    }

    /// True while the story's search box takes typed characters.
    pub fn searching(&self) -> bool {
        self.scope() == crate::app::keymap::Scope::Story
            && self.story.as_ref().is_some_and(|s| s.search.is_some())
    }
}

/// Edits the query; a changed one is found again from where the search started.
fn edit(s: &mut OpenStory, height: usize, change: impl FnOnce(&mut LineEdit) -> bool) {
    let Some(search) = &mut s.search else { return };
    if !change(&mut search.input) {
        return;
    }
    let query = search.query().to_string();
    s.unfold_matching(&query);
    s.find_matches();
    if let Some(search) = &mut s.search {
        search.current = search.first_from_origin();
    }
    show_current(s, height);
}

/// Moves `delta` matches on, round from the last to the first and back.
fn step(s: &mut OpenStory, height: usize, delta: isize) {
    let Some(search) = &mut s.search else { return };
    let n = search.matches.len();
    if n == 0 {
        return;
    }
    search.current = (search.current as isize + delta).rem_euclid(n as isize) as usize;
    show_current(s, height);
}

/// Shows the current match: in its view, the cursor on the claim, event or
/// source it is in, its lines scrolled into the `height` shown.
fn show_current(s: &mut OpenStory, height: usize) {
    let Some(m) = s.search.as_ref().and_then(Search::current).cloned() else {
        return;
    };
    if m.view != s.view {
        s.view = m.view;
        s.scroll = 0;
        s.relayout(s.width);
    }
    let first = m.hits[0].line;
    let last = m.hits[m.hits.len() - 1].line;
    if let Some(i) = s.layout.item_at(first) {
        s.cursor = i;
    }
    if first < s.scroll || last >= s.scroll + height {
        let max = s.layout.lines.len().saturating_sub(height);
        s.scroll = clamp_add(first, -((height / 3) as isize), max + 1);
    }
}
