//! `o` and `y`: the link of what is selected (a source on its card or under the
//! cursor, the first source a claim of the list of claims cites, else the
//! story's own link) opened in the browser or copied to the terminal's
//! clipboard, always cleaned first.

use crate::app::action::{Effect, LinkUse};
use crate::app::layout::Item;
use crate::app::{App, Focus, Overlay};
use crate::opener;

/// Whose link `o` or `y` means.
enum Link {
    /// A source of the open story, by number.
    Source(u32),
    /// The open story's own link.
    Story,
    /// The own link of a story that is not loaded: the store knows it.
    Stored(String),
    /// The first URL a claim of the list of claims cites, if any.
    Cited(Option<String>),
}

impl App {
    /// `o` or `y` wherever it is pressed.
    pub(super) fn use_link(&mut self, then: LinkUse) -> Option<Effect> {
        let url = match self.link_here()? {
            Link::Stored(uid) => return Some(Effect::LinkOf { uid, then }),
            Link::Story => self.story.as_ref()?.doc.link().map(String::from),
            Link::Cited(None) => {
                self.notice = Some("this claim cites no source with a URL".into());
                return None;
            }
            Link::Cited(url) => url,
            Link::Source(n) => {
                let url = self
                    .story
                    .as_ref()?
                    .doc
                    .source(n)
                    .and_then(|s| s.url.clone());
                if url.is_none() {
                    self.notice = Some(format!("source [{n}] has no URL"));
                    return None;
                }
                url
            }
        };
        self.hand_on(url, then)
    }

    /// What `o` or `y` means here: the source on a card or under the cursor, else
    /// the open story or the selected row.
    fn link_here(&self) -> Option<Link> {
        if let Some(Overlay::Claims { rows, selected }) = &self.overlay {
            return Some(Link::Cited(rows.get(*selected)?.link.clone()));
        }
        let s = self.story.as_ref();
        if let (Some(_), Some(o)) = (s, &self.overlay) {
            return Some(Link::Source(match o {
                Overlay::Source { n } | Overlay::Citers { n, .. } => *n,
                Overlay::Claims { .. } | Overlay::Thread(_) => return None,
                Overlay::Choose {
                    citations,
                    selected,
                } => *citations.get(*selected)?,
            }));
        }
        if self.focus == Focus::Story {
            let s = s?;
            return Some(match s.layout.items.get(s.cursor).map(|i| i.item) {
                Some(Item::Source(i)) => Link::Source(s.doc.sources.get(i)?.n),
                _ => Link::Story,
            });
        }
        let uid = &self.selected_item()?.uid;
        Some(match s {
            Some(s) if &s.item.uid == uid => Link::Story,
            _ => Link::Stored(uid.clone()),
        })
    }

    /// Opens or copies `url` (a story's own link when it came from the store),
    /// cleaned; says why not when there is none or it is not http(s).
    pub(super) fn hand_on(&mut self, url: Option<String>, then: LinkUse) -> Option<Effect> {
        let Some(url) = url else {
            self.notice = Some("no link: this story has none of its own; select a source".into());
            return None;
        };
        let Some(clean) = opener::clean(&url) else {
            self.notice = Some("only http and https links are opened or copied".into());
            return None;
        };
        match then {
            LinkUse::Open => Some(Effect::OpenUrl(clean)),
            LinkUse::Copy => {
                self.notice = Some(format!("copied {clean}"));
                self.clipboard = Some(clean);
                None
            }
        }
    }
}
