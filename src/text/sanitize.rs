//! The one road from untrusted content to a string that may reach a terminal.
//!
//! Mapping (applied by [`clean`]):
//! - ESC sequences are removed whole: CSI (`ESC [` … final byte), OSC (`ESC ]` … BEL
//!   or ST, which covers OSC 8 links and OSC 52 clipboard writes), DCS/SOS/PM/APC
//!   (`ESC P|X|^|_` … ST) and two-byte escapes; their 8-bit C1 forms likewise.
//!   An unterminated string sequence ends at the next line break.
//! - Other C0 controls and DEL are removed; TAB becomes a space; CR, LF, U+2028 and
//!   U+2029 become LF when `keep_newlines`, else a space.
//! - C1 controls (U+0080–U+009F) are removed.
//! - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
//!   removed, as are U+FEFF and U+200B (zero-width no-break and zero-width space).
//! - Everything else passes through unchanged.

use std::borrow::Cow;

/// Cleans `s` for display or storage; see the module doc for the mapping.
pub fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| needs_work(c) || (c == '\n' && !keep_newlines))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\u{1b}' => skip_escape(&mut it),
            '\u{9b}' => skip_csi(&mut it),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut it),
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push(if keep_newlines { '\n' } else { ' ' });
            }
            '\n' | '\u{2028}' | '\u{2029}' => out.push(if keep_newlines { '\n' } else { ' ' }),
            '\t' => out.push(' '),
            c if is_dropped(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Cleans a single-line string for a terminal cell: no line breaks survive.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// [`for_terminal`] of an owned string, which is kept when already clean.
pub fn for_terminal_owned(s: String) -> String {
    match for_terminal(&s) {
        Cow::Borrowed(_) => s,
        Cow::Owned(o) => o,
    }
}

/// True when `c` is a control, bidi control or invisible that [`clean`] removes.
pub fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{200b}')
}

fn needs_work(c: char) -> bool {
    is_dropped(c) || matches!(c, '\r' | '\t' | '\u{2028}' | '\u{2029}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips what follows an ESC: a CSI, a string sequence, or one intermediate+final.
fn skip_escape(it: &mut Chars) {
    match it.peek().copied() {
        Some('[') => {
            it.next();
            skip_csi(it);
        }
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => {
            it.next();
            skip_string(it);
        }
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            // nF escape: intermediates then one final byte.
            while matches!(it.peek(), Some(c) if ('\u{20}'..='\u{2f}').contains(c)) {
                it.next();
            }
            if matches!(it.peek(), Some(c) if ('\u{30}'..='\u{7e}').contains(c)) {
                it.next();
            }
        }
        Some(c) if ('\u{30}'..='\u{7e}').contains(&c) => {
            it.next();
        }
        _ => {}
    }
}

/// Skips CSI parameters and intermediates up to and including the final byte.
fn skip_csi(it: &mut Chars) {
    while let Some(&c) = it.peek() {
        if ('\u{30}'..='\u{3f}').contains(&c) || ('\u{20}'..='\u{2f}').contains(&c) {
            it.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                it.next();
            }
            return;
        }
    }
}

/// Skips an OSC/DCS-style string up to BEL, ST (`ESC \` or U+009C) or a line break.
/// Another ESC or C1 introducer ends the string without being consumed, as in a
/// terminal, so that the sequence it starts is removed whole too.
fn skip_string(it: &mut Chars) {
    while let Some(&c) = it.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                it.next();
                return;
            }
            '\u{1b}' => {
                let mut ahead = it.clone();
                ahead.next();
                if ahead.peek() == Some(&'\\') {
                    it.next();
                    it.next();
                }
                return;
            }
            '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => return,
            '\n' | '\r' => return,
            _ => {
                it.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_sequences_are_removed_whole() {
        let cases = [
            ("a\u{1b}[31mred\u{1b}[0m b", "ared b"),
            ("x\u{1b}]0;evil title\u{7}y", "xy"),
            ("x\u{1b}]52;c;ZXZpbA==\u{1b}\\y", "xy"),
            // A string cut short by the next sequence: both go whole.
            ("a\u{90} \u{1b}]52;c;ZXZpbA==\u{7}b", "ab"),
            ("a\u{1b}]0;x\u{9d}52;c;ZXZpbA==\u{7}b", "ab"),
            (
                "\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\",
                "link",
            ),
            ("a\u{9b}2Jb", "ab"),
            ("a\u{9d}0;t\u{9c}b", "ab"),
            ("a\u{1b}Pq#0\u{1b}\\b", "ab"),
            ("a\u{1b}(Bb", "ab"),
            ("a\u{1b}cb", "ab"),
            ("ab\u{7f}\u{85}c", "abc"),
            ("left\u{202e}thgir\u{2066}x\u{2069}", "leftthgirx"),
            ("tab\there", "tab here"),
            ("bell\u{7}", "bell"),
        ];
        for (input, want) in cases {
            assert_eq!(clean(input, true), want, "input {input:?}");
        }
    }

    #[test]
    fn newlines_kept_or_flattened() {
        assert_eq!(clean("a\r\nb\rc\nd", true), "a\nb\nc\nd");
        assert_eq!(clean("a\r\nb\nc", false), "a b c");
        assert_eq!(for_terminal("one\ntwo"), "one two");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(clean("a\u{1b}]0;title\nnext line", true), "a\nnext line");
    }

    #[test]
    fn plain_text_is_borrowed_and_unicode_survives() {
        let s = "Àwòrán tí AI ṣe — 한국어 中文 🙂";
        assert!(matches!(clean(s, true), Cow::Borrowed(_)));
    }

    #[test]
    fn no_control_survives_any_single_char() {
        for cp in 0u32..=0x3000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let s = format!("a{c}[1mb{c}]0;x\u{7}c");
            for ch in clean(&s, false).chars() {
                assert!(!ch.is_control(), "U+{cp:04X} left {ch:?}");
                assert!(!is_dropped(ch), "U+{cp:04X} left {ch:?}");
            }
        }
    }
}
