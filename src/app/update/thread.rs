//! A thread (`Enter` on a thread's row): read off the event loop and shown over
//! the screen; `t` turns it between its stories and its merged timeline; Enter
//! opens the selected story (from the timeline, on the event), and going back
//! from that story shows the thread again.

use crate::app::action::{Action, Effect};
use crate::app::thread::ThreadView;
use crate::app::{App, Focus, Location, Overlay};

impl App {
    /// True while a thread shows.
    pub(super) fn in_thread(&self) -> bool {
        matches!(self.overlay, Some(Overlay::Thread(_)))
    }

    /// Enter on the row of a thread whose newest story is `uid`.
    pub(super) fn ask_thread(&mut self, uid: String) -> Option<Effect> {
        self.notice = Some("reading the thread…".into());
        Some(Effect::Thread(uid))
    }

    /// The thread arrived: shown over the screen, on its stories.
    pub(super) fn thread_arrived(&mut self, view: ThreadView) {
        self.notice = None;
        self.overlay = Some(Overlay::Thread(Box::new(view)));
    }

    /// `t` turns the thread between its stories and its timeline; Backspace
    /// closes it, as Esc does.
    pub(super) fn thread_action(&mut self, action: Action) -> Option<Effect> {
        match (action, &mut self.overlay) {
            (Action::Timeline, Some(Overlay::Thread(v))) => {
                v.on_timeline = !v.on_timeline;
                None
            }
            (action, _) => self.navigate(if action == Action::JumpBack {
                Action::Back
            } else {
                action
            }),
        }
    }

    /// Enter in a thread: the selected story opens (marked read as opening
    /// a story marks it), on the event when it was a line of the timeline.
    pub(super) fn open_from_thread(&mut self, mut view: ThreadView) -> Option<Effect> {
        let (at, face, item) = view.target()?;
        let story = view.stories.get_mut(at)?;
        story.read |= self.mark_read_on_open;
        let uid = story.uid.clone();
        self.overlay = None;
        self.back_to = Some(Overlay::Thread(Box::new(view)));
        self.focus = Focus::Story;
        self.history.clear();
        self.pending = Some(Location {
            uid: uid.clone(),
            view: face,
            item,
        });
        Some(Effect::Load {
            uid,
            mark_read: self.mark_read_on_open,
        })
    }
}
