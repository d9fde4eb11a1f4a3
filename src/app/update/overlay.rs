//! Overlays over the story: a source card, the choice among several cited
//! sources, and the claims citing a source; and, over the whole screen, the
//! list of claims that answer the list's query ([`super::claims`]) and a
//! thread ([`super::thread`]).

use super::{clamp_add, move_delta};
use crate::app::action::{Action, Effect};
use crate::app::layout::Item;
use crate::app::{App, Citer, Focus, Overlay, View};
use crate::model::Citing;

impl App {
    /// A move, a page, Enter or Esc while an overlay is open.
    pub(super) fn overlay_navigate(&mut self, o: Overlay, action: Action) -> Option<Effect> {
        if let Some(d) = move_delta(&action) {
            self.overlay_step(d);
            return None;
        }
        match action {
            Action::PageUp => self.overlay_step(-5),
            Action::PageDown => self.overlay_step(5),
            Action::Open => return self.open_in_overlay(o),
            Action::Back if matches!(o, Overlay::Claims { .. } | Overlay::Thread(_)) => {
                self.overlay = None;
                // The story pane previews the selected row again.
                return self.preview();
            }
            Action::Back => {
                self.overlay = None;
                // An abandoned jump leaves nothing on the history stack.
                if self.history.last() == self.location().as_ref() {
                    self.history.pop();
                }
            }
            _ => {}
        }
        None
    }

    /// Moves the overlay's selection (or the card to the next source) by `delta`.
    pub(super) fn overlay_step(&mut self, delta: isize) {
        match &mut self.overlay {
            Some(Overlay::Choose {
                citations,
                selected,
            }) => *selected = clamp_add(*selected, delta, citations.len()),
            Some(Overlay::Citers {
                entries, selected, ..
            }) => *selected = clamp_add(*selected, delta, entries.len()),
            Some(Overlay::Claims { rows, selected }) => {
                *selected = clamp_add(*selected, delta, rows.len())
            }
            Some(Overlay::Thread(v)) => v.select(clamp_add(v.selected(), delta, v.len())),
            Some(Overlay::Source { n }) => {
                if let Some(s) = &self.story {
                    let pos = s.doc.sources.iter().position(|x| x.n == *n).unwrap_or(0);
                    let next = clamp_add(pos, delta, s.doc.sources.len());
                    if let Some(src) = s.doc.sources.get(next) {
                        *n = src.n;
                    }
                }
            }
            None => {}
        }
    }

    /// From a claim: one source opens its card, several offer a choice.
    pub(super) fn jump_to_sources(&mut self, citations: Vec<u32>) -> Option<Effect> {
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

    /// Enter in an overlay: choose a source, list its citers, or go to a claim
    /// (of this story, or of the list of claims).
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
            Overlay::Claims { rows, selected } => return self.open_claim(rows, selected),
            Overlay::Thread(v) => return self.open_from_thread(*v),
        }
        None
    }

    /// Every claim and timeline event of the open document that cites source `n`,
    /// the events in the timeline's order, each with the label the overlay shows.
    pub fn citers(&self, n: u32) -> Vec<Citer> {
        let Some(s) = &self.story else {
            return Vec::new();
        };
        let doc = &s.doc;
        let mut claims = Vec::new();
        let mut events = Vec::new();
        for c in doc.citing(n) {
            match c {
                Citing::Claim {
                    section,
                    para,
                    sent,
                } => {
                    let (heading, paragraphs) = match section {
                        None => ("Lead", &doc.lead),
                        Some(i) => {
                            let sec = &doc.sections[i];
                            (sec.heading.as_deref().unwrap_or("Section"), &sec.paragraphs)
                        }
                    };
                    claims.push(Citer {
                        view: View::Story,
                        item: Item::Claim {
                            section,
                            para,
                            sent,
                        },
                        label: format!("{heading}: {}", paragraphs[para].sentences[sent].text),
                    });
                }
                Citing::Event(i) => events.push(i),
            }
        }
        let events = s
            .timeline_order
            .iter()
            .filter(|i| events.contains(i))
            .map(|&i| {
                let e = &doc.timeline[i];
                Citer {
                    view: View::Timeline,
                    item: Item::Event(i),
                    label: format!("Timeline {}: {}", e.date.label, e.text),
                }
            });
        claims.extend(events);
        claims
    }
}
