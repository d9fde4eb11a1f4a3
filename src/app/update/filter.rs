//! The filter box: starting it (selecting a kept filter's text for
//! replacement), typing and editing at the cursor, keeping it, and Esc back to
//! the filter kept before (or none).

use crate::app::action::{Action, Effect};
use crate::app::line_edit::LineEdit;
use crate::app::{App, Filter, Focus};

impl App {
    pub(super) fn filter_action(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Filter => {
                self.focus = Focus::List;
                match &mut self.filter {
                    Some(f) if !f.editing => {
                        f.kept = Some(Box::new(f.clone()));
                        f.editing = true;
                        f.input.select_all();
                    }
                    Some(_) => {}
                    None => {
                        self.filter = Some(Filter {
                            editing: true,
                            ..Filter::default()
                        })
                    }
                }
                None
            }
            Action::FilterChar(c) => self.edit_filter(|e| e.insert(c)),
            Action::FilterEdit(edit) => self.edit_filter(|e| e.apply(edit)),
            Action::FilterAccept => {
                let f = self.filter.as_mut()?;
                f.editing = false;
                f.kept = None;
                if f.query().trim().is_empty() {
                    self.change_rows(|app| app.filter = None);
                }
                self.preview()
            }
            Action::FilterCancel => {
                let kept = self.filter.as_mut().and_then(|f| f.kept.take());
                self.change_rows(|app| app.filter = kept.map(|k| *k));
                self.preview()
            }
            _ => None,
        }
    }

    /// Edits the text; a changed, non-blank text is searched, a blank one shows
    /// every row.
    fn edit_filter(&mut self, edit: impl FnOnce(&mut LineEdit) -> bool) -> Option<Effect> {
        let f = self.filter.as_mut()?;
        if !edit(&mut f.input) {
            return None;
        }
        let q = f.query().to_string();
        if q.trim().is_empty() {
            self.change_rows(|app| {
                if let Some(f) = &mut app.filter {
                    f.results = None;
                    f.total = 0;
                }
            });
            return None;
        }
        Some(Effect::Search(q))
    }
}
