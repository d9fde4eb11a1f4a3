//! The filter box: starting it, typing, keeping and dropping it.

use crate::app::action::{Action, Effect};
use crate::app::{App, Filter, Focus};

impl App {
    pub(super) fn filter_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Filter => {
                let f = self.filter.get_or_insert_with(Filter::default);
                f.editing = true;
                self.focus = Focus::List;
                None
            }
            Action::FilterChar(c) => self.edit_filter(|q| q.push(c)),
            Action::FilterBackspace => self.edit_filter(|q| {
                q.pop();
            }),
            Action::FilterAccept => {
                if let Some(f) = &mut self.filter {
                    f.editing = false;
                    if f.query.is_empty() {
                        self.filter = None;
                        self.refilter();
                    }
                }
                self.preview()
            }
            Action::FilterCancel => {
                self.filter = None;
                self.refilter();
                self.preview()
            }
            _ => None,
        }
    }

    /// Changes the query; a non-empty one is searched.
    fn edit_filter(&mut self, edit: impl FnOnce(&mut String)) -> Option<Effect> {
        let f = self.filter.as_mut()?;
        edit(&mut f.query);
        let q = f.query.clone();
        if q.trim().is_empty() {
            f.results = None;
            self.refilter();
            return None;
        }
        Some(Effect::Search(q))
    }
}
