//! Where each pane goes for a terminal size: two panes from 100 columns (or the
//! config's `two_pane_min_width`), one below.
//! Shared by `update` (page sizes, clicks, wrap width) and the drawing code.

use ratatui::layout::Rect;

/// The width from which the list and the story stand side by side, unless the
/// config says otherwise.
pub const TWO_PANES_FROM: u16 = 100;

/// The panes for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The headline list (with its one-line header), if shown.
    pub list: Option<Rect>,
    /// The story pane, if shown.
    pub story: Option<Rect>,
    /// The status bar, if there is room for it.
    pub status: Option<Rect>,
}

/// Lays out a `width` x `height` screen, two panes from `two_panes_from`
/// columns; `story_focused` picks the pane in one-pane mode.
pub fn geometry(width: u16, height: u16, story_focused: bool, two_panes_from: u16) -> Geometry {
    let full = Rect::new(0, 0, width, height);
    let (main, status) = if height >= 2 {
        (
            Rect::new(0, 0, width, height - 1),
            Some(Rect::new(0, height - 1, width, 1)),
        )
    } else {
        (full, None)
    };
    // The list takes at least 30 columns, the story what is left but one.
    if width >= two_panes_from.max(32) {
        let list_w = (width * 2 / 5).max(30);
        let list = Rect::new(0, 0, list_w, main.height);
        // One column of separator between the panes.
        let story = Rect::new(list_w + 1, 0, width - list_w - 1, main.height);
        Geometry {
            list: Some(list),
            story: Some(story),
            status,
        }
    } else if story_focused {
        Geometry {
            list: None,
            story: Some(main),
            status,
        }
    } else {
        Geometry {
            list: Some(main),
            story: None,
            status,
        }
    }
}

/// The key map box for a `width` x `height` screen: up to 72 columns, centred,
/// over everything above the status bar.
pub fn help_box(width: u16, height: u16) -> Rect {
    let above = geometry(width, height, false, TWO_PANES_FROM)
        .status
        .map_or(height, |s| s.y);
    let w = width.min(72);
    Rect::new((width - w) / 2, 0, w, above)
}

/// What a bordered box holds inside its border.
pub fn inside_border(r: Rect) -> Rect {
    r.inner(ratatui::layout::Margin::new(1, 1))
}

/// The story text area inside the story pane: one column of margin each side.
pub fn story_text(pane: Rect) -> Rect {
    if pane.width <= 2 {
        return pane;
    }
    Rect::new(pane.x + 1, pane.y, pane.width - 2, pane.height)
}

/// The rows of the list under its header line.
pub fn list_rows(pane: Rect) -> Rect {
    Rect::new(
        pane.x,
        pane.y + 1.min(pane.height),
        pane.width,
        pane.height.saturating_sub(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_panes_from_100_columns() {
        let g = geometry(140, 40, false, TWO_PANES_FROM);
        assert!(g.list.is_some() && g.story.is_some());
        let g = geometry(80, 24, false, TWO_PANES_FROM);
        assert!(g.list.is_some() && g.story.is_none());
        let g = geometry(80, 24, true, TWO_PANES_FROM);
        assert!(g.list.is_none() && g.story.is_some());
        let g = geometry(80, 24, true, 80);
        assert!(g.list.is_some() && g.story.is_some(), "as the config says");
    }

    #[test]
    fn tiny_sizes_do_not_underflow() {
        for w in 0..5 {
            for h in 0..4 {
                let g = geometry(w, h, h % 2 == 0, w.min(3));
                if let Some(s) = g.story {
                    let _ = story_text(s);
                }
                if let Some(l) = g.list {
                    let _ = list_rows(l);
                }
            }
        }
    }
}
