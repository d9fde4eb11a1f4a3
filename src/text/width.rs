//! Display width, measured one way for every layer (wide CJK and emoji count two),
//! and fitting text into columns by it.

use unicode_width::UnicodeWidthChar;

/// `s` cut to at most `width` columns, with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if textwrap::core::display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Display width of `s`.
pub fn width(s: &str) -> usize {
    textwrap::core::display_width(s)
}

/// Display width of one character (0 for a control or a combining mark).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(width("부산"), 4);
        assert_eq!(truncate("부산福岡🚢", 5), "부산…");
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 0), "");
    }
}
