//! What the headline list says when it shows no row: what is true, and which key
//! changes it.

use super::action::Action;
use super::keymap::Scope;
use super::line_edit::Edit;
use super::App;
use crate::query::{is_one_short_word, PREFIX_MIN};

impl App {
    /// The message for a list with no visible row; `None` while rows show.
    pub fn empty_list_message(&self) -> Option<String> {
        if !self.visible.is_empty() {
            return None;
        }
        let key = |scope, action| self.keys.key_for(scope, &action).unwrap_or_default();
        let filtered = self.filter.as_ref().filter(|f| f.results.is_some());
        let hidden = self.row_count();
        if hidden > 0 {
            let what = match (hidden, filtered.is_some()) {
                (1, false) => "The 1 story is".to_string(),
                (1, true) => "The 1 match is".to_string(),
                (n, false) => format!("All {n} stories are"),
                (n, true) => format!("All {n} matches are"),
            };
            let u = key(Scope::List, Action::ToggleUnread);
            return Some(format!("{what} read. {u}: show them all."));
        }
        let Some(f) = filtered else {
            let r = key(Scope::List, Action::Refresh);
            return Some(format!(
                "No stories yet. Add pages with `tidings import PATH`, or subscribe to a \
                 feed with `tidings subscribe URL` and press {r} to refresh."
            ));
        };
        let q = f.query();
        if f.parsed.as_ref().is_some_and(is_one_short_word) {
            return Some(format!(
                "No story has the word “{q}”; keep typing: a word matches as a prefix \
                 from {PREFIX_MIN} letters."
            ));
        }
        let keys = if f.editing {
            let esc = key(Scope::Typing, Action::FilterCancel);
            let back = match &f.kept {
                Some(k) => format!("back to “{}”", k.query()),
                None => "drop the filter".into(),
            };
            let bs = key(Scope::Typing, Action::FilterEdit(Edit::DeleteBack));
            format!("{bs}: edit · {esc}: {back}")
        } else {
            format!(
                "{}: change it · {}: drop the filter",
                key(Scope::List, Action::Filter),
                key(Scope::List, Action::Back)
            )
        };
        // While the text does not parse, the rows are those of the last text that did.
        let q = if f.error.is_some() { &f.searched } else { q };
        Some(format!("Nothing matches “{q}”. {keys}."))
    }
}
