//! The filter box: starting it (selecting a kept filter's text for
//! replacement), typing and editing at the cursor (the text read as a query on
//! every key: one that does not parse says why in the status bar and keeps the
//! last good results), keeping it, and Esc back to the filter kept before (or
//! none).

use crate::app::action::{Action, Effect};
use crate::app::line_edit::LineEdit;
use crate::app::{App, Filter, Focus};
use crate::query::{parse, parse_finished, Query};

/// Today, as the filter reads `newer:` and `older:`: the local date.
pub(in crate::app) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

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
                if f.error.is_some() {
                    // The status bar says what is wrong; the box stays open.
                    return None;
                }
                f.editing = false;
                f.kept = None;
                if f.query().trim().is_empty() {
                    self.change_rows(|app| app.filter = None);
                    return self.preview();
                }
                // Kept, the text is finished: a short last word that waited
                // while it was typed is looked for (`strike uk`).
                match parse_finished(f.query(), today()) {
                    Ok(done) if f.parsed.as_ref() != Some(&done) => {
                        let text = f.query().to_string();
                        Some(f.search(text, done))
                    }
                    _ => self.preview(),
                }
            }
            Action::FilterCancel => {
                let kept = self.filter.as_mut().and_then(|f| f.kept.take());
                self.change_rows(|app| app.filter = kept.map(|k| *k));
                self.preview()
            }
            _ => None,
        }
    }

    /// Edits the text; a changed, non-blank text is read as a query and
    /// searched, a blank one shows every row, one that does not parse keeps
    /// the rows shown and says why.
    fn edit_filter(&mut self, edit: impl FnOnce(&mut LineEdit) -> bool) -> Option<Effect> {
        let f = self.filter.as_mut()?;
        if !edit(&mut f.input) {
            return None;
        }
        // Edited: no longer the saved query it showed.
        f.saved = None;
        let text = f.query().to_string();
        if text.trim().is_empty() {
            f.error = None;
            f.parsed = None;
            f.searched.clear();
            self.change_rows(|app| {
                if let Some(f) = &mut app.filter {
                    f.results = None;
                    f.total = 0;
                }
            });
            return None;
        }
        match parse(&text, today()) {
            Ok(query) => {
                f.error = None;
                Some(f.search(text, query))
            }
            Err(e) => {
                f.error = Some(e);
                None
            }
        }
    }
}

impl Filter {
    /// Searches `query`, read from `text`: its results are the ones awaited.
    pub(in crate::app) fn search(&mut self, text: String, query: Query) -> Effect {
        self.parsed = Some(query.clone());
        self.searched = text.clone();
        Effect::Search { text, query }
    }
}
