//! The last step of every frame: each cell made to hold what a terminal will
//! really draw there. The screen buffer keeps a whole grapheme cluster in one
//! cell, but most terminals lay text out character by character: `भा` takes two
//! cells there, a family of emoji joined by ZWJ eight. Where a cluster's cell
//! and the terminal disagree, the cluster is spread over the cells it covers
//! (`भ`, `ा`), or, when its pieces do not fit the columns it was given, cut to
//! those that do and padded with blanks (the family shows its first person). The
//! screen and the terminal then agree on every column, so no glyph is left
//! behind and nothing after a cluster shifts.

use ratatui::buffer::{Buffer, CellWidth};

use crate::text::width::terminal_cells;

/// Spreads or cuts every cluster of `buf` to the cells a terminal draws.
pub fn settle(buf: &mut Buffer) {
    let area = buf.area;
    let row_len = area.width as usize;
    for (row, y) in (area.top()..area.bottom()).enumerate() {
        let mut col = 0;
        while col < row_len {
            let cell = &buf.content[row * row_len + col];
            let width = cell.cell_width().max(1) as usize;
            let symbol = cell.symbol();
            // One byte is one ASCII character: the common case, settled as it is.
            if symbol.len() > 1 && symbol.chars().nth(1).is_some() {
                let pieces = terminal_cells(symbol);
                let same = matches!(pieces.as_slice(), [(p, w)] if p == symbol && *w == width);
                if !same {
                    let x = area.left() + col as u16;
                    let end = (x + width as u16).min(area.right());
                    spread(buf, x, end, y, &pieces);
                }
            }
            col += width;
        }
    }
}

/// Puts `pieces` into the cells `x..end` of row `y` while they fit, blanks after.
fn spread(buf: &mut Buffer, x: u16, end: u16, y: u16, pieces: &[(String, usize)]) {
    let style = buf[(x, y)].style();
    let mut col = x;
    for (piece, w) in pieces {
        let w = *w as u16;
        if w == 0 || col + w > end {
            break;
        }
        buf[(col, y)].set_symbol(piece).set_style(style);
        for trailing in col + 1..col + w {
            buf[(trailing, y)].reset();
        }
        col += w;
    }
    for blank in col..end {
        buf[(blank, y)].set_symbol(" ").set_style(style);
    }
}
