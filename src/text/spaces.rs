//! Unicode space separators (no-break, thin, ideographic...) as ASCII spaces, so
//! that words split, fold and wrap the same whatever space the page used.

/// Replaces no-break and other Unicode space separators with ASCII spaces.
pub fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(is_unicode_space) {
        out.push_str(&rest[..i]);
        out.push(' ');
        let width = rest[i..].chars().next().map_or(1, char::len_utf8);
        rest = &rest[i + width..];
    }
    out.push_str(rest);
    out
}

/// No-break and other Unicode space separators.
pub fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}
