//! A one-line text input (the filter box): its text, a cursor counted in
//! grapheme clusters (what a person sees as one character: `é` written as `e`
//! and an accent, a flag, a family emoji), and the edits its keys make.

use unicode_segmentation::UnicodeSegmentation;

/// An edit a key makes in a [`LineEdit`] (besides typing a character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start.
    Start,
    /// To the end.
    End,
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete the character at the cursor.
    DeleteForward,
    /// Delete from the start to the cursor.
    DeleteToStart,
    /// Delete the word before the cursor (and the spaces after it).
    DeleteWordBack,
}

/// The text, the cursor, and whether the whole text is selected (the next
/// character typed replaces it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineEdit {
    text: String,
    /// Grapheme clusters before the cursor.
    cursor: usize,
    selected: bool,
}

impl LineEdit {
    /// A box holding `text`, the cursor at its end.
    pub fn from_text(text: &str) -> Self {
        let mut edit = LineEdit {
            text: text.to_string(),
            ..LineEdit::default()
        };
        edit.cursor = edit.len();
        edit
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Grapheme clusters before the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// True while the whole text is selected for replacement.
    pub fn selected(&self) -> bool {
        self.selected
    }

    /// The text's grapheme clusters, in order.
    pub fn graphemes(&self) -> impl Iterator<Item = &str> {
        self.text.graphemes(true)
    }

    /// Selects the whole text, the cursor at its end: the next character typed
    /// replaces it, a move keeps it.
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
        self.cursor = self.len();
    }

    /// Types `c` at the cursor (over the selection); true when the text changed.
    pub fn insert(&mut self, c: char) -> bool {
        if std::mem::take(&mut self.selected) {
            self.text.clear();
        }
        let at = self.byte(self.cursor);
        self.text.insert(at, c);
        // A combining mark joins the cluster before it: count clusters again.
        self.cursor = self.index_at(at + c.len_utf8());
        true
    }

    /// Applies `edit`; true when the text changed (a move changes only the cursor).
    pub fn apply(&mut self, edit: Edit) -> bool {
        let len = self.len();
        let deleting = !matches!(edit, Edit::Left | Edit::Right | Edit::Start | Edit::End);
        if std::mem::take(&mut self.selected) && deleting {
            self.text.clear();
            self.cursor = 0;
            return true;
        }
        let (from, to) = match edit {
            Edit::Left => return self.move_to(self.cursor.saturating_sub(1)),
            Edit::Right => return self.move_to((self.cursor + 1).min(len)),
            Edit::Start => return self.move_to(0),
            Edit::End => return self.move_to(len),
            Edit::DeleteBack => (self.cursor.saturating_sub(1), self.cursor),
            Edit::DeleteForward => (self.cursor, (self.cursor + 1).min(len)),
            Edit::DeleteToStart => (0, self.cursor),
            Edit::DeleteWordBack => (self.word_start(), self.cursor),
        };
        if from == to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
    }

    fn move_to(&mut self, cursor: usize) -> bool {
        self.cursor = cursor;
        false
    }

    fn len(&self) -> usize {
        self.graphemes().count()
    }

    /// The byte offset where cluster `index` starts (the text's length past the end).
    fn byte(&self, index: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .nth(index)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Clusters that start before byte `at`: the cursor just after that byte.
    fn index_at(&self, at: usize) -> usize {
        self.text
            .grapheme_indices(true)
            .take_while(|(b, _)| *b < at)
            .count()
    }

    /// Where the word before the cursor starts: back over spaces, then over the
    /// rest of the word (as a shell's Ctrl-W does).
    fn word_start(&self) -> usize {
        let before: Vec<&str> = self.graphemes().take(self.cursor).collect();
        let blank = |g: &&str| g.chars().all(char::is_whitespace);
        let spaces = before.iter().rev().take_while(|g| blank(g)).count();
        let word = before[..before.len() - spaces]
            .iter()
            .rev()
            .take_while(|g| !blank(g))
            .count();
        self.cursor - spaces - word
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Edit::*;

    fn typed(s: &str) -> LineEdit {
        let mut e = LineEdit::default();
        for c in s.chars() {
            e.insert(c);
        }
        e
    }

    #[test]
    fn the_cursor_counts_what_is_seen_as_one_character() {
        // "é" as e + combining acute, a Korean syllable, a family emoji (ZWJ).
        let mut e = typed("Core\u{301}e 부산 👨‍👩‍👧‍👦!");
        assert_eq!(e.cursor(), 11);
        e.apply(Left);
        e.apply(Left);
        assert!(e.apply(DeleteBack) && e.apply(DeleteBack));
        assert_eq!(e.text(), "Core\u{301}e 부👨‍👩‍👧‍👦!");
        e.apply(Start);
        for _ in 0..3 {
            e.apply(Right);
        }
        assert!(e.apply(DeleteForward));
        assert_eq!(e.text(), "Core 부👨‍👩‍👧‍👦!", "the accent goes with its e");
        e.apply(End);
        e.apply(Left);
        e.apply(DeleteBack);
        assert_eq!(e.text(), "Core 부!");
        assert!(!e.apply(Right) && !e.apply(Right), "moves change no text");
        assert_eq!(e.cursor(), 7);
    }

    #[test]
    fn typing_in_the_middle_and_a_combining_mark_after_a_letter() {
        let mut e = typed("prt");
        e.apply(Left);
        e.apply(Left);
        e.insert('o');
        assert_eq!((e.text(), e.cursor()), ("port", 2));
        e.apply(End);
        e.insert('\u{301}');
        assert_eq!((e.text(), e.cursor()), ("port\u{301}", 4));
    }

    #[test]
    fn ctrl_u_and_ctrl_w_delete_before_the_cursor() {
        let mut e = typed("flood  barrier Tromsø");
        e.apply(Left);
        assert!(e.apply(DeleteWordBack));
        assert_eq!(e.text(), "flood  barrier ø");
        e.apply(Left);
        assert!(e.apply(DeleteWordBack));
        assert_eq!(e.text(), "flood   ø");
        assert!(e.apply(DeleteWordBack));
        assert_eq!((e.text(), e.cursor()), (" ø", 0));
        assert!(!e.apply(DeleteWordBack) && !e.apply(DeleteToStart));
        let mut e = typed("harbour plan");
        for _ in 0..4 {
            e.apply(Left);
        }
        assert!(e.apply(DeleteToStart));
        assert_eq!((e.text(), e.cursor()), ("plan", 0));
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_a_move() {
        let mut e = typed("port explosion");
        e.select_all();
        assert!(e.selected());
        e.insert('i');
        assert_eq!((e.text(), e.cursor(), e.selected()), ("i", 1, false));
        let mut e = typed("port");
        e.select_all();
        e.apply(Left);
        assert!(!e.selected());
        e.insert('s');
        assert_eq!(e.text(), "porst");
        let mut e = typed("port");
        e.select_all();
        assert!(e.apply(DeleteBack));
        assert_eq!((e.text(), e.cursor()), ("", 0));
        let mut e = LineEdit::default();
        e.select_all();
        assert!(!e.selected(), "nothing to select");
    }
}
