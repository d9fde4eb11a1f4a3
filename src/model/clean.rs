//! Cleaning a whole document for the terminal: every string of it goes through
//! [`crate::text::sanitize`], whatever wrote it.

use super::Document;
use crate::text::sanitize::for_terminal_owned;

impl Document {
    /// Cleans every string in place with `for_terminal`, and turns Unicode spaces
    /// into ASCII ones as page decoding does: for JSON from elsewhere, feeds, and
    /// documents read back from a store that something else wrote. Idempotent, so
    /// a cleaned document survives its JSON export unchanged.
    pub fn sanitize(&mut self) {
        fn c(s: &mut String) {
            *s = for_terminal_owned(std::mem::take(s));
            if s.contains(crate::text::spaces::is_unicode_space) {
                *s = crate::text::spaces::normalize_spaces(s);
            }
        }
        fn co(s: &mut Option<String>) {
            if let Some(s) = s {
                c(s);
            }
        }
        c(&mut self.title);
        co(&mut self.category);
        co(&mut self.location);
        co(&mut self.item_id);
        let paragraphs = self.lead.iter_mut().chain(self.reactions.iter_mut()).chain(
            self.sections
                .iter_mut()
                .flat_map(|s| s.paragraphs.iter_mut()),
        );
        for p in paragraphs {
            for s in &mut p.sentences {
                c(&mut s.text);
            }
        }
        for s in &mut self.sections {
            co(&mut s.heading);
        }
        for i in &mut self.images {
            c(&mut i.caption);
            co(&mut i.credit);
            co(&mut i.url);
        }
        for s in &mut self.sources {
            co(&mut s.outlet);
            c(&mut s.title);
            co(&mut s.summary);
            co(&mut s.url);
        }
        for e in &mut self.timeline {
            c(&mut e.text);
            c(&mut e.date.label);
            co(&mut e.date.part);
            co(&mut e.date.time);
        }
        if let Some(d) = &mut self.published {
            c(&mut d.label);
            co(&mut d.time);
        }
        for r in &mut self.related {
            co(&mut r.title);
            co(&mut r.summary);
            co(&mut r.image);
        }
    }
}
