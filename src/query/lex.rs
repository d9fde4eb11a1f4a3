//! A query cut into tokens, each with the 1-based column it starts at: words,
//! `"phrases"`, `name:value` fields (`name>=value` and the other comparisons),
//! parentheses, `-`, `or` and `not`.

use super::error::QueryError;

/// One token and the column (in characters, from 1) it starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub at: usize,
    pub tok: Tok,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tok {
    Open,
    Close,
    /// `-` right before a term.
    Minus,
    /// `or` or `OR`.
    Or,
    /// `not` or `NOT`.
    Not,
    /// Text outside quotes, as typed.
    Word(String),
    /// The text between quotes; a quote left open at the end closes there.
    Phrase(String),
    Field(Field),
}

/// `name:value`, `name>=value`: the name as typed, the operator and the value
/// (empty when nothing follows), with the column the value starts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub op: &'static str,
    pub value: String,
    pub value_at: usize,
    pub quoted: bool,
}

/// The tokens of a query, and whether the last is still being typed: a word or
/// an unquoted field value that ends the input (no space after it).
#[derive(Debug)]
pub struct Lexed {
    pub tokens: Vec<Token>,
    pub typing: bool,
}

/// The operators after a field's name, longest first.
const OPS: [&str; 6] = [">=", "<=", ":", "=", "<", ">"];

/// Cuts `input` into tokens; only a `-` with nothing after it is an error here.
pub fn lex(input: &str) -> Result<Lexed, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let at = i + 1;
        let tok = match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => {
                i += 1;
                Tok::Open
            }
            ')' => {
                i += 1;
                Tok::Close
            }
            '"' => {
                let (text, next) = quoted(&chars, i);
                i = next;
                Tok::Phrase(text)
            }
            // A dash alone (`Title - Outlet`, or `-` just typed) is
            // punctuation; before a term it leaves the term out.
            '-' if chars
                .get(i + 1)
                .is_none_or(|&n| n.is_whitespace() || n == ')') =>
            {
                i += 1;
                continue;
            }
            '-' => {
                i += 1;
                Tok::Minus
            }
            _ => {
                let start = i;
                while chars.get(i).is_some_and(|&c| !ends_word(c)) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                match field_parts(&word) {
                    Some((name, op, rest)) => {
                        let mut value_at = at + name.len() + op.len();
                        let mut value = rest.to_string();
                        let quoted_value = rest.is_empty() && chars.get(i) == Some(&'"');
                        if quoted_value {
                            value_at = i + 1;
                            let (text, next) = quoted(&chars, i);
                            value = text;
                            i = next;
                        }
                        Tok::Field(Field {
                            name: name.to_string(),
                            op,
                            value,
                            value_at,
                            quoted: quoted_value,
                        })
                    }
                    // `or`/`not` still being typed may be the start of a
                    // word (`nothing`, `orange`): a word until more follows.
                    None if i == chars.len() => Tok::Word(word),
                    None => match word.as_str() {
                        "or" | "OR" => Tok::Or,
                        "not" | "NOT" => Tok::Not,
                        _ => Tok::Word(word),
                    },
                }
            }
        };
        tokens.push(Token { at, tok });
    }
    let ends_typed = chars.last().is_some_and(|c| !c.is_whitespace());
    let typing = ends_typed
        && match tokens.last().map(|t| &t.tok) {
            Some(Tok::Word(_)) => true,
            Some(Tok::Field(f)) => !f.quoted,
            _ => false,
        };
    Ok(Lexed { tokens, typing })
}

/// What ends a word outside quotes.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | '"')
}

/// The text of the quotes opening at `open`, and the index after them (the end
/// of the input when they are never closed).
fn quoted(chars: &[char], open: usize) -> (String, usize) {
    let rest = &chars[open + 1..];
    match rest.iter().position(|&c| c == '"') {
        Some(n) => (rest[..n].iter().collect(), open + n + 2),
        None => (rest.iter().collect(), chars.len()),
    }
}

/// `name`, operator and value of a word that starts with ASCII letters and an
/// operator; a URL (`https://…`) stays a word.
fn field_parts(word: &str) -> Option<(&str, &'static str, &str)> {
    let name_end = word
        .find(|c: char| !c.is_ascii_alphabetic())
        .filter(|&n| n > 0)?;
    let (name, rest) = word.split_at(name_end);
    let op = OPS.into_iter().find(|op| rest.starts_with(op))?;
    let value = &rest[op.len()..];
    (!(op == ":" && value.starts_with("//"))).then_some((name, op, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(input: &str) -> Vec<(usize, Tok)> {
        lex(input)
            .unwrap()
            .tokens
            .into_iter()
            .map(|t| (t.at, t.tok))
            .collect()
    }

    #[test]
    fn tokens_know_their_columns() {
        let field = |name: &str, op, value: &str, value_at, quoted| {
            Tok::Field(Field {
                name: name.into(),
                op,
                value: value.into(),
                value_at,
                quoted,
            })
        };
        assert_eq!(
            toks("(Lee or -x) NOT sources>=5 title:\"a b\" \"c d"),
            [
                (1, Tok::Open),
                (2, Tok::Word("Lee".into())),
                (6, Tok::Or),
                (9, Tok::Minus),
                (10, Tok::Word("x".into())),
                (11, Tok::Close),
                (13, Tok::Not),
                (17, field("sources", ">=", "5", 26, false)),
                (28, field("title", ":", "a b", 34, true)),
                (40, Tok::Phrase("c d".into())),
            ]
        );
    }

    #[test]
    fn urls_and_times_stay_words_and_columns_count_characters() {
        assert_eq!(
            toks("https://reuters.com 10:30 한국 x"),
            [
                (1, Tok::Word("https://reuters.com".into())),
                (21, Tok::Word("10:30".into())),
                (27, Tok::Word("한국".into())),
                (30, Tok::Word("x".into())),
            ]
        );
    }

    #[test]
    fn the_last_word_is_being_typed_until_a_space_or_a_quote() {
        assert!(lex("lee decl").unwrap().typing);
        assert!(lex("title:decl").unwrap().typing);
        assert!(!lex("lee decl ").unwrap().typing);
        assert!(!lex("\"lee decl").unwrap().typing);
        assert!(!lex("(lee decl)").unwrap().typing);
        assert!(!lex("").unwrap().typing);
    }

    #[test]
    fn a_dash_alone_is_punctuation() {
        for (input, words) in [("-", 0), ("lee - x", 2), ("(a -)", 1)] {
            let tokens = lex(input).unwrap().tokens;
            let n = tokens
                .iter()
                .filter(|t| matches!(t.tok, Tok::Word(_)))
                .count();
            assert_eq!(n, words, "{input}");
            assert!(!tokens.iter().any(|t| t.tok == Tok::Minus), "{input}");
        }
    }
}
