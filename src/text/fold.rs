//! Text folding shared by label lookup and store keys: case, diacritics, runs of
//! white space and the shape of apostrophes and dashes stop mattering.

use unicode_normalization::UnicodeNormalization;

/// Folds text for matching: NFD without combining marks, lowercase, one
/// ASCII space between words, typographic apostrophes as `'`.
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        let mut out = String::with_capacity(s.len());
        for w in s.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.bytes().map(|b| match b {
                b'`' => '\'',
                b => b.to_ascii_lowercase() as char,
            }));
        }
        return out;
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        let c = match c {
            '’' | '‘' | 'ʼ' | '`' => '\'',
            c => c,
        };
        out.extend(c.to_lowercase());
    }
    out
}

/// A key that identifies a document by its title: folded, with typographic dashes
/// as `-` so `Korea‑China` and `Korea-China` name the same story.
pub fn title_key(title: &str) -> String {
    fold(title)
        .chars()
        .map(|c| match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '“' | '”' | '„' => '"',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_keys_ignore_dash_quote_case_and_marks() {
        assert_eq!(
            title_key("Korea‑China  Ties"),
            title_key("korea-china ties")
        );
        assert_eq!(title_key("Corée du Sud"), title_key("COREE DU SUD"));
        assert_eq!(title_key("Lee’s “trip”"), title_key("lee's \"trip\""));
    }
}
