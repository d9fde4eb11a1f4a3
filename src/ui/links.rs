//! Terminal hyperlinks (OSC 8) over link text: source URLs in the story pane
//! and on a source's card. A screen cell cannot carry a link, so the last step
//! of a frame writes the escape into the symbol of every cell of the link text,
//! each cell opening and closing its own link (the frame is written to the
//! terminal as a difference, cell by cell, so a link left open by one cell
//! would spill over whatever is written next), all with one `id` so terminals
//! treat them as one link. Each cell keeps the width it had
//! ([`CellDiffOption::ForcedWidth`]): the escape takes no column. The URL is
//! cleaned first ([`opener::clean`]): printable ASCII that cannot end the
//! escape; one that does not clean, or is longer than terminals take, is not
//! linked.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;

use crate::opener;

/// The longest URL linked: terminals drop longer ones (VTE stops at 2083).
const LONGEST: usize = 2048;

/// A run of cells on one row that is link text, and the link's cleaned URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

impl Link {
    /// The link text at `x`, `y`, `width` columns wide, to `url` as written;
    /// `None` when the URL is not one to link.
    pub fn new(x: u16, y: u16, width: u16, url: &str) -> Option<Link> {
        let url = opener::clean(url).filter(|u| u.len() <= LONGEST)?;
        (width > 0).then_some(Link { x, y, width, url })
    }
}

/// Cuts out of `links` the parts that `over` covers (an overlay drawn over
/// them).
pub fn clip(links: &mut Vec<Link>, over: Rect) {
    let mut kept = Vec::with_capacity(links.len());
    for l in links.drain(..) {
        let end = l.x + l.width;
        let covered = l.y >= over.y
            && l.y < over.y + over.height
            && l.x < over.x + over.width
            && end > over.x;
        if !covered {
            kept.push(l);
            continue;
        }
        if l.x < over.x {
            kept.push(Link {
                width: over.x - l.x,
                ..l.clone()
            });
        }
        if end > over.x + over.width {
            kept.push(Link {
                x: over.x + over.width,
                width: end - over.x - over.width,
                ..l
            });
        }
    }
    *links = kept;
}

/// Writes each link into the symbols of its cells, keeping their widths.
pub fn apply(buf: &mut Buffer, links: &[Link]) {
    let area = buf.area;
    for l in links {
        if l.y < area.top() || l.y >= area.bottom() {
            continue;
        }
        let id = crate::store::uid_of(&l.url);
        let end = (l.x + l.width).min(area.right());
        let mut x = l.x.max(area.left());
        while x < end {
            let cell = &mut buf[(x, l.y)];
            let width = cell.cell_width().max(1);
            let symbol = format!(
                "\u{1b}]8;id={id};{url}\u{1b}\\{sym}\u{1b}]8;;\u{1b}\\",
                url = l.url,
                sym = cell.symbol()
            );
            cell.set_symbol(&symbol);
            cell.set_diff_option(CellDiffOption::ForcedWidth(
                NonZeroU16::new(width).expect("at least one"),
            ));
            x += width;
        }
    }
}

/// What a terminal shows of a cell's symbol: the text without any hyperlink
/// escapes around it.
pub fn shown(symbol: &str) -> &str {
    match symbol.strip_prefix("\u{1b}]8;") {
        Some(rest) => {
            let start = rest.find("\u{1b}\\").map_or(rest.len(), |i| i + 2);
            let rest = &rest[start..];
            rest.strip_suffix("\u{1b}]8;;\u{1b}\\").unwrap_or(rest)
        }
        None => symbol,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_cell_carries_its_own_link_and_keeps_its_width() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        buf.set_string(0, 0, "a港b", ratatui::style::Style::new());
        let link = Link::new(0, 0, 4, "https://exämple.org/a b").unwrap();
        assert_eq!(link.url, "https://xn--exmple-cua.org/a%20b");
        apply(&mut buf, std::slice::from_ref(&link));
        let id = crate::store::uid_of(&link.url);
        let open = format!("\u{1b}]8;id={id};https://xn--exmple-cua.org/a%20b\u{1b}\\");
        let close = "\u{1b}]8;;\u{1b}\\";
        assert_eq!(buf[(0, 0)].symbol(), format!("{open}a{close}"));
        assert_eq!(buf[(1, 0)].symbol(), format!("{open}港{close}"));
        assert_eq!(buf[(1, 0)].cell_width(), 2);
        assert_eq!(buf[(3, 0)].symbol(), format!("{open}b{close}"));
        assert_eq!(buf[(4, 0)].symbol(), " ", "past the link");
        assert_eq!(shown(buf[(1, 0)].symbol()), "港");
        assert_eq!(shown("x"), "x");
    }

    #[test]
    fn what_is_not_http_or_too_long_is_not_linked() {
        assert_eq!(Link::new(0, 0, 3, "javascript:alert(1)"), None);
        assert_eq!(Link::new(0, 0, 3, "file:///etc/passwd"), None);
        let long = format!("https://example.org/{}", "a".repeat(LONGEST));
        assert_eq!(Link::new(0, 0, 3, &long), None);
        assert_eq!(Link::new(0, 0, 0, "https://example.org"), None);
    }

    #[test]
    fn an_overlay_cuts_the_links_it_covers() {
        let l = |x, y, width| Link {
            x,
            y,
            width,
            url: "https://example.org".into(),
        };
        let mut links = vec![l(0, 1, 20), l(12, 2, 4), l(0, 9, 20)];
        clip(&mut links, Rect::new(10, 0, 5, 5));
        assert_eq!(
            links,
            vec![l(0, 1, 10), l(15, 1, 5), l(15, 2, 1), l(0, 9, 20)]
        );
    }
}
