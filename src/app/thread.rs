//! A thread as the reader shows it (`Enter` on a thread's row): its stories
//! newest first, each with its feed and date, and its merged timeline (`t`),
//! each line citing its story by its number in that list. Built from the
//! store's [`Thread`] off the event loop; the selection of each face is kept
//! while the other shows.

use super::layout::Item;
use super::View;
use crate::model::PartialDate;
use crate::store::Thread;

/// One story of a thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadStory {
    pub uid: String,
    pub title: String,
    /// Where it came from (its feed, Kagi category or site).
    pub feed: String,
    /// The outlets of its sources, each once, in their order.
    pub outlets: Vec<String>,
    /// Its latest date, when it has one.
    pub date: Option<PartialDate>,
    pub read: bool,
}

/// One line of the merged timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadLine {
    pub date: PartialDate,
    pub text: String,
    /// The story it cites: an index into [`ThreadView::stories`].
    pub story: usize,
    /// The event in that story's timeline; `None` for its publication.
    pub event: Option<usize>,
}

/// A thread open over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadView {
    /// Distinct outlets across its stories.
    pub outlets: u32,
    /// Newest first: the first one heads the thread.
    pub stories: Vec<ThreadStory>,
    /// Oldest first.
    pub timeline: Vec<ThreadLine>,
    /// True while the merged timeline shows.
    pub on_timeline: bool,
    /// The story selected, and the timeline's line selected.
    pub story_at: usize,
    pub line_at: usize,
}

impl ThreadView {
    /// The view of `thread`, on its stories, the newest selected.
    pub fn of(thread: &Thread) -> ThreadView {
        let stories = thread
            .stories
            .iter()
            .map(|s| ThreadStory {
                uid: s.item.uid.clone(),
                title: s.item.title.clone(),
                feed: s.item.feed.clone(),
                outlets: outlets_of(&s.doc),
                date: s.item.latest.as_deref().map(PartialDate::from_compact),
                read: s.item.read,
            })
            .collect();
        let timeline = thread
            .timeline()
            .into_iter()
            .filter_map(|e| {
                let story = thread.stories.iter().position(|s| s.item.uid == e.story)?;
                let event = if e.published {
                    None
                } else {
                    let doc = &thread.stories[story].doc;
                    doc.timeline
                        .iter()
                        .position(|t| t.date == e.date && t.text == e.text)
                };
                Some(ThreadLine {
                    date: e.date,
                    text: e.text,
                    story,
                    event,
                })
            })
            .collect();
        ThreadView {
            outlets: thread.outlets,
            stories,
            timeline,
            on_timeline: false,
            story_at: 0,
            line_at: 0,
        }
    }

    /// How many lines the face shown has.
    pub fn len(&self) -> usize {
        if self.on_timeline {
            self.timeline.len()
        } else {
            self.stories.len()
        }
    }

    /// True when the face shown has no line.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The selected line of the face shown.
    pub fn selected(&self) -> usize {
        if self.on_timeline {
            self.line_at
        } else {
            self.story_at
        }
    }

    /// Selects line `at` of the face shown.
    pub fn select(&mut self, at: usize) {
        if self.on_timeline {
            self.line_at = at;
        } else {
            self.story_at = at;
        }
    }

    /// Where Enter goes from the selected line: its story, and in it the
    /// event the line is (on the story's timeline), else its top.
    pub fn target(&self) -> Option<(usize, View, Option<Item>)> {
        if !self.on_timeline {
            return (self.story_at < self.stories.len()).then_some((
                self.story_at,
                View::Story,
                None,
            ));
        }
        let line = self.timeline.get(self.line_at)?;
        Some(match line.event {
            Some(i) => (line.story, View::Timeline, Some(Item::Event(i))),
            None => (line.story, View::Story, None),
        })
    }
}

/// The outlets `doc`'s sources name, each once, in their order.
fn outlets_of(doc: &crate::model::Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in doc.sources.iter().filter_map(|s| s.outlet.as_deref()) {
        if !out.iter().any(|x| x == o) {
            out.push(o.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, Event, Kind};
    use crate::store::Store;

    fn doc(title: &str, day: &str) -> Document {
        let mut d = Document::new(Kind::Story, title.into());
        d.timeline.push(Event {
            date: PartialDate::from_compact(day),
            text: format!("{title} happened."),
            citations: Vec::new(),
        });
        d
    }

    #[test]
    fn each_line_of_the_merged_timeline_cites_its_story_by_number_and_finds_its_event() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let title = "Harbour ferry strike halts every crossing as the union walks out over pay";
        let again = "Harbour ferry strike halts every crossing as union walks out over pay talks";
        let mut second = doc(again, "2025-11-04");
        second.published = Some(PartialDate::from_compact("2025-11-04"));
        let mut importer = store.begin_import().unwrap();
        importer
            .put(&doc(title, "2025-11-03"), None, Some("Wire"))
            .unwrap();
        importer.put(&second, None, Some("Gazette")).unwrap();
        importer.commit().unwrap();
        let uid = store.resolve(title).unwrap();
        let view = ThreadView::of(&store.thread(&uid).unwrap());
        let titles: Vec<&str> = view.stories.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, [again, title], "newest first");
        assert_eq!(view.stories[0].feed, "Gazette");
        let lines: Vec<(usize, Option<usize>)> =
            view.timeline.iter().map(|l| (l.story, l.event)).collect();
        assert_eq!(lines, [(1, Some(0)), (0, None), (0, Some(0))]);
        assert_eq!(view.target(), Some((0, View::Story, None)));
    }
}
