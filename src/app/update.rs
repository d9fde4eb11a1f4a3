//! `App::update`: one action in, the state changed, at most one effect out. No I/O,
//! so every key sequence can be tested without a terminal or a store.

use super::action::{Action, Effect};
use super::layout::Item;
use super::{App, Citer, Filter, Focus, Overlay, View};
use crate::opener;
use crate::store::ListItem;

impl App {
    /// Applies one action; returns what the outside world should do.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(
            action,
            Action::Notice(_)
                | Action::Loaded(_)
                | Action::ListLoaded(_)
                | Action::ListPartial(_)
                | Action::ListMore { .. }
                | Action::RefreshProgress { .. }
                | Action::RefreshDone(_)
        ) {
            self.notice = None;
            // Once the person acts, the story remembered from last time no
            // longer decides where the selection goes.
            if !matches!(action, Action::Resize(..)) {
                self.remembered = None;
            }
        }
        if self.help {
            return self.update_help(action);
        }
        match action {
            Action::Quit => Some(Effect::Quit),
            Action::Help => {
                self.help = true;
                self.help_scroll = 0;
                None
            }
            Action::Back => self.back(),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::PageUp => self.page(-1),
            Action::PageDown => self.page(1),
            Action::Open => self.open(),
            Action::ToggleFold => {
                self.toggle_fold_at_cursor();
                None
            }
            Action::UnfoldAll | Action::FoldAll => {
                self.fold_all(action == Action::FoldAll);
                None
            }
            Action::NextClaim => {
                self.next_claim(true);
                None
            }
            Action::PrevClaim => {
                self.next_claim(false);
                None
            }
            Action::JumpBack => self.jump_back(),
            Action::Timeline => {
                self.switch_view();
                None
            }
            Action::OpenUrl => self.open_url(),
            Action::ToggleSaved => self.toggle_saved(),
            Action::ToggleUnread => {
                self.unread_only = !self.unread_only;
                self.refilter();
                self.preview()
            }
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
            Action::Resize(w, h) => {
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
            Action::Click(x, y) => self.click(x, y),
            Action::Scroll(d) => self.scroll(d),
            Action::ListLoaded(items) => self.list_arrived(items, false),
            Action::ListPartial(items) => self.list_arrived(items, true),
            Action::ListMore { items, done } => {
                self.items.extend(items);
                self.loading = !done;
                self.refilter();
                if self.select_remembered() {
                    self.preview()
                } else {
                    None
                }
            }
            Action::FilterResults(query, results) => {
                if let Some(f) = &mut self.filter {
                    if f.query == query {
                        f.results = Some(results);
                        self.selected = 0;
                        self.list_scroll = 0;
                        self.refilter();
                        return self.preview();
                    }
                }
                None
            }
            Action::Loaded(loaded) => {
                let uid = loaded.item.uid.clone();
                let read = loaded.item.read;
                for it in self.items.iter_mut().filter(|i| i.uid == uid) {
                    it.read = read;
                }
                self.open_loaded(*loaded);
                let (width, height) = (self.story_width(), self.story_height());
                if let Some(loc) = self.pending.take().filter(|l| l.uid == uid) {
                    if let (Some(s), Some(item)) = (&mut self.story, loc.item) {
                        s.reveal(loc.view, item, width);
                    }
                }
                if let Some(s) = &mut self.story {
                    s.follow_cursor(height);
                }
                None
            }
            Action::Notice(n) => {
                self.notice = Some(n);
                None
            }
            Action::Refresh => {
                if self.refreshing.is_some() {
                    self.notice = Some("a refresh is already running".into());
                    return None;
                }
                self.refreshing = Some((0, 0));
                self.notice = Some("refreshing subscriptions…".into());
                Some(Effect::Refresh)
            }
            Action::RefreshProgress { done, total, label } => {
                self.refreshing = Some((done, total));
                self.notice = Some(format!("refreshing {done}/{total} · {label}"));
                None
            }
            Action::RefreshDone(summary) => {
                self.refreshing = None;
                self.notice = Some(summary);
                Some(Effect::ReloadList)
            }
        }
    }

    fn update_help(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => return Some(Effect::Quit),
            Action::Help | Action::Back | Action::JumpBack => self.help = false,
            Action::Down => self.help_scroll += 1,
            Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::Resize(w, h) => {
                self.help = false;
                let e = self.update(Action::Resize(w, h));
                self.help = true;
                return e;
            }
            _ => {}
        }
        None
    }

    /// Esc: close the overlay, drop the filter, or go back to the list.
    fn back(&mut self) -> Option<Effect> {
        if self.overlay.take().is_some() {
            // An abandoned jump leaves nothing on the history stack.
            if self.history.last() == self.location().as_ref() {
                self.history.pop();
            }
            return None;
        }
        if self.focus == Focus::Story {
            self.focus = Focus::List;
            self.follow_selection();
            return None;
        }
        if self.filter.is_some() {
            self.filter = None;
            self.refilter();
            return self.preview();
        }
        None
    }

    /// Moves by `delta` rows or items in whatever has the keyboard.
    fn step(&mut self, delta: isize) -> Option<Effect> {
        match (&mut self.overlay, self.focus) {
            (
                Some(Overlay::Choose {
                    citations,
                    selected,
                }),
                _,
            ) => {
                *selected = clamp_add(*selected, delta, citations.len());
                None
            }
            (
                Some(Overlay::Citers {
                    entries, selected, ..
                }),
                _,
            ) => {
                *selected = clamp_add(*selected, delta, entries.len());
                None
            }
            (Some(Overlay::Source { n }), _) => {
                if let Some(s) = &self.story {
                    let pos = s.doc.sources.iter().position(|x| x.n == *n).unwrap_or(0);
                    let next = clamp_add(pos, delta, s.doc.sources.len());
                    if let Some(src) = s.doc.sources.get(next) {
                        *n = src.n;
                    }
                }
                None
            }
            (None, Focus::Story) => {
                let height = self.story_height();
                if let Some(s) = &mut self.story {
                    s.cursor = clamp_add(s.cursor, delta, s.layout.items.len());
                    s.follow_cursor(height);
                }
                None
            }
            (None, Focus::List) => {
                let before = self.selected;
                self.selected = clamp_add(self.selected, delta, self.visible.len());
                self.follow_selection();
                if self.selected != before {
                    self.preview()
                } else {
                    None
                }
            }
        }
    }

    fn page(&mut self, dir: isize) -> Option<Effect> {
        if self.overlay.is_some() {
            return self.step(dir * 5);
        }
        if self.focus == Focus::Story {
            let height = self.story_height();
            if let Some(s) = &mut self.story {
                let max = s.layout.lines.len().saturating_sub(height);
                s.scroll = (s.scroll as isize + dir * height.saturating_sub(1).max(1) as isize)
                    .clamp(0, max as isize) as usize;
                // The cursor follows onto the first item that starts in view.
                if let Some(i) = s.layout.items.iter().position(|i| i.first >= s.scroll) {
                    s.cursor = i;
                }
            }
            return None;
        }
        let page = self.list_height().saturating_sub(1).max(1) as isize;
        self.step(dir * page)
    }

    /// Enter: what it does depends on what is selected.
    fn open(&mut self) -> Option<Effect> {
        if let Some(o) = self.overlay.clone() {
            return self.open_in_overlay(o);
        }
        if self.focus == Focus::List {
            let uid = self.selected_item()?.uid.clone();
            self.focus = Focus::Story;
            self.history.clear();
            return Some(Effect::Load {
                uid,
                mark_read: true,
            });
        }
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
                    mark_read: true,
                })
            }
        }
    }

    /// From a claim: one source opens its card, several offer a choice.
    fn jump_to_sources(&mut self, citations: Vec<u32>) -> Option<Effect> {
        match citations.len() {
            0 => {
                self.notice = Some("this sentence cites no source".into());
                None
            }
            n => {
                if let Some(here) = self.location() {
                    self.history.push(here);
                }
                self.overlay = Some(if n == 1 {
                    Overlay::Source { n: citations[0] }
                } else {
                    Overlay::Choose {
                        citations,
                        selected: 0,
                    }
                });
                None
            }
        }
    }

    fn open_in_overlay(&mut self, o: Overlay) -> Option<Effect> {
        match o {
            Overlay::Choose {
                citations,
                selected,
            } => {
                self.overlay = citations.get(selected).map(|&n| Overlay::Source { n });
            }
            Overlay::Source { n } => {
                let entries = self.citers(n);
                self.overlay = Some(Overlay::Citers {
                    n,
                    entries,
                    selected: 0,
                });
            }
            Overlay::Citers {
                entries, selected, ..
            } => {
                let c = entries.get(selected)?.clone();
                self.overlay = None;
                let (width, height) = (self.story_width(), self.story_height());
                if let Some(s) = &mut self.story {
                    s.reveal(c.view, c.item, width);
                    s.follow_cursor(height);
                }
                self.focus = Focus::Story;
            }
        }
        None
    }

    /// Every claim and timeline event of the open document that cites source `n`.
    pub fn citers(&self, n: u32) -> Vec<Citer> {
        let Some(s) = &self.story else {
            return Vec::new();
        };
        let doc = &s.doc;
        let mut out = Vec::new();
        let mut claim =
            |section: Option<usize>, heading: &str, paras: &[crate::model::Paragraph]| {
                for (pi, p) in paras.iter().enumerate() {
                    for (si, sent) in p.sentences.iter().enumerate() {
                        if sent.citations.contains(&n) {
                            out.push(Citer {
                                view: View::Story,
                                item: Item::Claim {
                                    section,
                                    para: pi,
                                    sent: si,
                                },
                                label: format!("{heading}: {}", sent.text),
                            });
                        }
                    }
                }
            };
        claim(None, "Lead", &doc.lead);
        for (i, sec) in doc.sections.iter().enumerate() {
            claim(
                Some(i),
                sec.heading.as_deref().unwrap_or("Section"),
                &sec.paragraphs,
            );
        }
        for &i in &s.timeline_order {
            let e = &doc.timeline[i];
            if e.citations.contains(&n) {
                out.push(Citer {
                    view: View::Timeline,
                    item: Item::Event(i),
                    label: format!("Timeline {}: {}", e.date.label, e.text),
                });
            }
        }
        out
    }

    fn jump_back(&mut self) -> Option<Effect> {
        let loc = self.history.pop()?;
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

    fn toggle_fold_at_cursor(&mut self) {
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

    fn open_url(&mut self) -> Option<Effect> {
        let s = self.story.as_ref()?;
        let n = match &self.overlay {
            Some(Overlay::Source { n }) => *n,
            _ => match s.layout.items.get(s.cursor).map(|i| i.item) {
                Some(Item::Source(i)) => s.doc.sources.get(i)?.n,
                _ => {
                    self.notice = Some("select a source first".into());
                    return None;
                }
            },
        };
        let url = s.doc.source(n).and_then(|x| x.url.clone());
        match url {
            Some(u) if opener::is_openable(&u) => Some(Effect::OpenUrl(u)),
            Some(_) => {
                self.notice = Some("only http and https links are opened".into());
                None
            }
            None => {
                self.notice = Some(format!("source [{n}] has no URL"));
                None
            }
        }
    }

    fn toggle_saved(&mut self) -> Option<Effect> {
        let uid = match (&self.story, self.focus) {
            (Some(s), Focus::Story) => s.item.uid.clone(),
            _ => self.selected_item()?.uid.clone(),
        };
        let saved = !self
            .items
            .iter()
            .find(|i| i.uid == uid)
            .is_some_and(|i| i.saved);
        for it in self.items.iter_mut().filter(|i| i.uid == uid) {
            it.saved = saved;
        }
        if let Some(s) = self.story.as_mut().filter(|s| s.item.uid == uid) {
            s.item.saved = saved;
            s.relayout(s.width);
        }
        self.notice = Some(if saved { "saved" } else { "unsaved" }.into());
        Some(Effect::SetSaved { uid, saved })
    }

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

    /// The headline list (or its first part) arrived: keep the selection, or
    /// select the remembered story once the rows holding it are here.
    fn list_arrived(&mut self, items: Vec<ListItem>, more: bool) -> Option<Effect> {
        let keep = self.selected_item().map(|i| i.uid.clone());
        self.items = items;
        self.loading = more;
        self.refilter();
        if let Some(uid) = keep {
            self.select_uid(&uid);
        }
        self.select_remembered();
        self.preview()
    }

    /// Selects the story remembered from last time once its row is here, and
    /// keeps waiting for it while more rows are coming; true when selected.
    fn select_remembered(&mut self) -> bool {
        let Some(uid) = self.remembered.take() else {
            return false;
        };
        if self.select_uid(&uid) {
            return true;
        }
        if self.loading {
            self.remembered = Some(uid);
        }
        false
    }

    /// Recomputes which rows the list shows (filter results, unread only).
    pub(super) fn refilter(&mut self) {
        let keep = self.selected_item().map(|i| i.uid.clone());
        let unread = self.unread_only;
        self.visible = self
            .rows()
            .iter()
            .enumerate()
            .filter(|(_, i)| !unread || !i.read)
            .map(|(n, _)| n)
            .collect();
        self.selected = 0;
        if let Some(uid) = keep {
            self.select_uid(&uid);
        }
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        self.follow_selection();
    }

    /// Selects the row of `uid`; false when no visible row holds it.
    fn select_uid(&mut self, uid: &str) -> bool {
        let rows = self.rows();
        match self.visible.iter().position(|&i| rows[i].uid == uid) {
            Some(pos) => {
                self.selected = pos;
                self.follow_selection();
                true
            }
            None => false,
        }
    }

    /// Keeps the selected row within the list's visible rows.
    fn follow_selection(&mut self) {
        let h = self.list_height();
        if self.selected < self.list_scroll {
            self.list_scroll = self.selected;
        } else if self.selected >= self.list_scroll + h {
            self.list_scroll = self.selected + 1 - h;
        }
    }

    /// With two panes, the story pane previews the selected row.
    fn preview(&mut self) -> Option<Effect> {
        let g = self.geometry();
        if g.list.is_none() || g.story.is_none() {
            return None;
        }
        let uid = self.selected_item()?.uid.clone();
        if self.story.as_ref().is_some_and(|s| s.item.uid == uid) {
            return None;
        }
        self.history.clear();
        Some(Effect::Load {
            uid,
            mark_read: false,
        })
    }

    fn click(&mut self, x: u16, y: u16) -> Option<Effect> {
        let g = self.geometry();
        let inside = |r: ratatui::layout::Rect| {
            x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
        };
        if self.overlay.is_some() {
            return None;
        }
        if let Some(list) = g.list.filter(|r| inside(*r)) {
            let rows = super::geometry::list_rows(list);
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

    fn scroll(&mut self, delta: i16) -> Option<Effect> {
        if self.focus == Focus::Story || self.geometry().list.is_none() {
            let height = self.story_height();
            if let Some(s) = &mut self.story {
                let max = s.layout.lines.len().saturating_sub(height);
                s.scroll = (s.scroll as isize + delta as isize * 3).clamp(0, max as isize) as usize;
            }
            return None;
        }
        self.step(delta as isize * 3)
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
