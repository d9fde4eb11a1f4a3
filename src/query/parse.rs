//! The query language read into a [`Query`]: terms joined by spaces (and), `or`
//! (binding tighter), `-`/`not` and parentheses, with errors that name the
//! column at fault. It reads as the filter runs, on every key: a quote or a
//! parenthesis left open at the end closes there, and the last word is a
//! prefix while it is being typed.

use chrono::NaiveDate;

use super::ast::{Expr, Query, Term, Text};
use super::error::QueryError;
use super::field;
use super::lex::{lex, Tok, Token};
use crate::text::fold::fold;

/// The shortest last word that is matched as a prefix, as the filter always
/// has (a shorter prefix would merge the lists of too many words).
pub const PREFIX_MIN: usize = 3;

/// Parentheses nested deeper than this are refused rather than recursed into.
const MAX_DEPTH: usize = 32;

/// Reads `input` as it is being typed in the filter; `today` anchors `newer:`
/// and `older:`. Nothing but spaces is `Query { expr: None }`.
pub fn parse(input: &str, today: NaiveDate) -> Result<Query, QueryError> {
    read(input, today, false)
}

/// Reads `input` as a finished query (the command line, a saved query, a
/// filter kept with Enter): as [`parse`], its last word a prefix from three
/// letters on, but a shorter last word is a word, not one still being typed
/// (`strike uk` is both words, `trade -us` leaves `us` out).
pub fn parse_finished(input: &str, today: NaiveDate) -> Result<Query, QueryError> {
    read(input, today, true)
}

fn read(input: &str, today: NaiveDate, finished: bool) -> Result<Query, QueryError> {
    let lexed = lex(input)?;
    let typed = lexed.typing.then(|| lexed.tokens.len() - 1);
    let mut parser = Parser {
        alone: alone(&lexed.tokens, typed),
        tokens: lexed.tokens,
        next: 0,
        typed,
        today,
        finished,
    };
    let items = parser.sequence(0)?;
    if let Some(t) = parser.peek() {
        return Err(QueryError::new(t.at, "\")\" without \"(\""));
    }
    Ok(Query { expr: and(items) })
}

/// True when `q` is one word shorter than [`PREFIX_MIN`]: it matches only as
/// a whole word, and typing on may match more.
pub fn is_one_short_word(q: &Query) -> bool {
    matches!(&q.expr, Some(Expr::Term(Term::Text(Text { words, prefix: false })))
        if matches!(&words[..], [w] if w.chars().count() < PREFIX_MIN))
}

/// The words of folded text, as the search index splits it: punctuation and
/// symbols carry no meaning.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// True when the word being typed is the only term: a short one is then a
/// whole word (`EU`), not dropped.
fn alone(tokens: &[Token], typed: Option<usize>) -> bool {
    let Some(last) = typed else {
        return false;
    };
    let others = tokens[..last].iter().any(|t| match &t.tok {
        Tok::Word(w) | Tok::Phrase(w) => words(&fold(w)).next().is_some(),
        Tok::Field(_) => true,
        _ => false,
    });
    let own = match &tokens[last].tok {
        Tok::Word(w) => words(&fold(w)).count(),
        _ => 1,
    };
    !others && own <= 1
}

struct Parser {
    tokens: Vec<Token>,
    next: usize,
    /// The index of the token being typed, if any.
    typed: Option<usize>,
    /// Whether that token is the only term.
    alone: bool,
    today: NaiveDate,
    /// The query is finished: a short last word is not dropped.
    finished: bool,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next)
    }

    fn peek_tok(&self) -> Option<&Tok> {
        self.peek().map(|t| &t.tok)
    }

    /// Terms up to a `)` or the end, and'ed.
    fn sequence(&mut self, depth: usize) -> Result<Vec<Expr>, QueryError> {
        let mut items = Vec::new();
        while let Some(t) = self.peek() {
            match t.tok {
                Tok::Close => break,
                Tok::Or => return Err(QueryError::new(t.at, "\"or\" needs a term before it")),
                _ => items.extend(self.either(depth)?),
            }
        }
        Ok(items)
    }

    /// `a or b or c`; a side that came to nothing (a short word still being
    /// typed, bare punctuation) is left out.
    fn either(&mut self, depth: usize) -> Result<Option<Expr>, QueryError> {
        let mut sides: Vec<Expr> = self.unary(depth)?.into_iter().collect();
        while let Some(&Token { at, tok: Tok::Or }) = self.peek() {
            self.next += 1;
            if matches!(self.peek_tok(), None | Some(Tok::Close | Tok::Or)) {
                return Err(QueryError::new(at, "\"or\" needs a term after it"));
            }
            sides.extend(self.unary(depth)?);
        }
        Ok(or(sides))
    }

    /// A term after any number of `-` and `not` (two of them cancel out).
    fn unary(&mut self, depth: usize) -> Result<Option<Expr>, QueryError> {
        let mut nots = 0;
        while let Some(&Token {
            at,
            tok: Tok::Minus | Tok::Not,
        }) = self.peek()
        {
            let word = matches!(self.peek_tok(), Some(Tok::Not));
            self.next += 1;
            if matches!(self.peek_tok(), None | Some(Tok::Close | Tok::Or)) {
                let what = if word { "not" } else { "-" };
                return Err(QueryError::new(at, format!("nothing after \"{what}\"")));
            }
            nots += 1;
        }
        let term = self.primary(depth)?;
        Ok(term.map(|t| match nots % 2 {
            0 => t,
            _ => Expr::Not(Box::new(t)),
        }))
    }

    /// A word, a phrase, a field or a group in parentheses.
    fn primary(&mut self, depth: usize) -> Result<Option<Expr>, QueryError> {
        let index = self.next;
        let Some(token) = self.tokens.get(index).cloned() else {
            return Ok(None);
        };
        self.next += 1;
        let typing = self.typed == Some(index);
        Ok(match token.tok {
            Tok::Open => {
                if depth >= MAX_DEPTH {
                    return Err(QueryError::new(
                        token.at,
                        "too many parentheses inside others",
                    ));
                }
                let inner = self.sequence(depth + 1)?;
                if self.peek_tok() == Some(&Tok::Close) {
                    self.next += 1;
                }
                and(inner)
            }
            Tok::Word(w) => and(self.plain(&w, typing)),
            Tok::Phrase(p) => {
                let words: Vec<String> = words(&fold(&p)).map(String::from).collect();
                (!words.is_empty()).then_some(Expr::Term(Term::Text(Text {
                    words,
                    prefix: false,
                })))
            }
            Tok::Field(f) if field::is_a_word(&f) => and(self.plain(&f.name, false)),
            Tok::Field(f) => Some(Expr::Term(field::term(&f, token.at, typing, self.today)?)),
            Tok::Close | Tok::Or | Tok::Minus | Tok::Not => {
                return Err(QueryError::new(token.at, "a term is missing before this"))
            }
        })
    }

    /// A word outside quotes: each of its words on its own (`Korea‑China` is
    /// two), the last one as the filter reads it while it is typed.
    fn plain(&self, word: &str, typing: bool) -> Vec<Expr> {
        let folded = fold(word);
        let mut words: Vec<&str> = words(&folded).collect();
        let mut last_prefix = false;
        if let (true, Some(last)) = (typing, words.last()) {
            if last.chars().count() >= PREFIX_MIN {
                last_prefix = true;
            } else if !self.alone && !self.finished {
                // After other terms, a short last word is still being typed.
                words.pop();
            }
        }
        let n = words.len();
        words
            .into_iter()
            .enumerate()
            .map(|(i, w)| {
                Expr::Term(Term::Text(Text {
                    words: vec![w.to_string()],
                    prefix: last_prefix && i + 1 == n,
                }))
            })
            .collect()
    }
}

/// Terms and'ed: nested ands flattened, one term alone as itself.
fn and(items: Vec<Expr>) -> Option<Expr> {
    join(items, Expr::And, |e| match e {
        Expr::And(v) => Ok(v),
        e => Err(e),
    })
}

/// Terms or'ed: nested ors flattened, one term alone as itself.
fn or(items: Vec<Expr>) -> Option<Expr> {
    join(items, Expr::Or, |e| match e {
        Expr::Or(v) => Ok(v),
        e => Err(e),
    })
}

fn join(
    items: Vec<Expr>,
    make: fn(Vec<Expr>) -> Expr,
    children: fn(Expr) -> Result<Vec<Expr>, Expr>,
) -> Option<Expr> {
    let mut flat = Vec::new();
    for item in items {
        match children(item) {
            Ok(v) => flat.extend(v),
            Err(e) => flat.push(e),
        }
    }
    match flat.len() {
        0 => None,
        1 => flat.pop(),
        _ => Some(make(flat)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;
    use crate::query::ast::{Cmp, Count, DateRange, Mark};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 10).unwrap()
    }

    fn q(input: &str) -> Option<Expr> {
        parse(input, today())
            .unwrap_or_else(|e| panic!("{input}: {e}"))
            .expr
    }

    fn one(input: &str) -> Term {
        match q(input) {
            Some(Expr::Term(t)) => t,
            other => panic!("{input}: {other:?}"),
        }
    }

    fn err(input: &str) -> QueryError {
        match parse(input, today()) {
            Err(e) => e,
            Ok(q) => panic!("{input}: parsed as {q:?}"),
        }
    }

    fn text(words: &[&str], prefix: bool) -> Text {
        Text {
            words: words.iter().map(|w| w.to_string()).collect(),
            prefix,
        }
    }

    /// A whole word.
    fn w(word: &str) -> Expr {
        Expr::Term(Term::Text(text(&[word], false)))
    }

    fn not(e: Expr) -> Expr {
        Expr::Not(Box::new(e))
    }

    fn range(from: &str, to: &str) -> DateRange {
        DateRange {
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn nothing_typed_is_no_query() {
        assert_eq!(q(""), None);
        assert_eq!(q("   \t"), None);
        assert_eq!(q("() ..."), None);
    }

    #[test]
    fn spaces_and_or_binds_tighter_and_not_tighter_still() {
        assert_eq!(
            q("a b or c "),
            Some(Expr::And(vec![w("a"), Expr::Or(vec![w("b"), w("c")])]))
        );
        assert_eq!(q("-a or b "), Some(Expr::Or(vec![not(w("a")), w("b")])));
        assert_eq!(q("NOT a OR b "), q("-a or b "));
        assert_eq!(
            q("not (a or b) "),
            Some(not(Expr::Or(vec![w("a"), w("b")])))
        );
        assert_eq!(q("--a "), Some(w("a")));
        assert_eq!(q("not -a "), Some(w("a")));
        assert_eq!(q("not --a "), Some(not(w("a"))));
    }

    #[test]
    fn parentheses_group_and_nested_groups_flatten() {
        assert_eq!(
            q("(a or (b c)) d "),
            Some(Expr::And(vec![
                Expr::Or(vec![w("a"), Expr::And(vec![w("b"), w("c")])]),
                w("d"),
            ]))
        );
        assert_eq!(
            q("a (b (c d)) "),
            Some(Expr::And(vec![w("a"), w("b"), w("c"), w("d")]))
        );
        assert_eq!(
            q("(a or b) or (c or d) "),
            Some(Expr::Or(vec![w("a"), w("b"), w("c"), w("d")]))
        );
        assert_eq!(q("((a)) "), Some(w("a")));
        // Still being typed: the open group closes at the end.
        assert_eq!(q("(a or b "), q("(a or b)"));
    }

    #[test]
    fn a_plain_word_of_several_words_is_each_of_them_a_quoted_one_a_phrase() {
        assert_eq!(
            q("Korea\u{2011}China "),
            Some(Expr::And(vec![w("korea"), w("china")]))
        );
        assert_eq!(
            one("\"Lee Déclares  China\""),
            Term::Text(text(&["lee", "declares", "china"], false))
        );
        // An unclosed quote at the end is closed there, and not a prefix.
        assert_eq!(one("\"lee decl"), Term::Text(text(&["lee", "decl"], false)));
        // Inside quotes, `or` and `not` are words.
        assert_eq!(one("\"or\""), Term::Text(text(&["or"], false)));
        assert_eq!(
            q("\"not\" or \"or\""),
            Some(Expr::Or(vec![w("not"), w("or")]))
        );
    }

    #[test]
    fn the_last_word_typed_is_a_prefix_a_short_one_waits_unless_alone() {
        let prefix = |word: &str| Expr::Term(Term::Text(text(&[word], true)));
        assert_eq!(
            q("lee decl"),
            Some(Expr::And(vec![w("lee"), prefix("decl")]))
        );
        assert_eq!(q("lee decl "), Some(Expr::And(vec![w("lee"), w("decl")])));
        assert_eq!(q("lee de"), Some(w("lee")));
        assert_eq!(q("sources>=5 de"), q("sources>=5"));
        assert_eq!(q("korea-ch"), Some(w("korea")));
        assert_eq!(q("lee or de"), Some(w("lee")));
        assert_eq!(q("lee -de"), Some(w("lee")));
        assert_eq!(q("eu"), Some(w("eu")));
        assert_eq!(q("(eu"), Some(w("eu")));
        assert_eq!(q("-eu"), Some(not(w("eu"))));
        assert_eq!(q("lee (decl"), q("lee decl"));
        assert_eq!(q("(lee decl)"), q("lee decl "));
        assert_eq!(
            q("title:lee decl"),
            Some(Expr::And(vec![
                Expr::Term(Term::Title(text(&["lee"], false))),
                prefix("decl"),
            ])),
            "a space ends the title term"
        );
        assert_eq!(one("title:decl"), Term::Title(text(&["decl"], true)));
        assert_eq!(one("title:de"), Term::Title(text(&["de"], false)));
        assert_eq!(
            one("title:\"lee decl"),
            Term::Title(text(&["lee", "decl"], false))
        );
        let done = |s| parse_finished(s, today()).unwrap().expr;
        assert_eq!(done("lee de"), q("lee de "), "finished, a short word stays");
        assert_eq!(done("trade -us"), q("trade -us "));
        assert_eq!(done("lee decl"), q("lee decl"), "a prefix still");
        // `not` and `or` being typed may start a word (`nothing`, `orange`).
        assert_eq!(q("not"), Some(prefix("not")));
        assert_eq!(q("lee not"), Some(Expr::And(vec![w("lee"), prefix("not")])));
        assert_eq!(q("lee or"), Some(w("lee")), "two letters wait");
        assert_eq!(
            q("lee not x"),
            Some(w("lee")),
            "an operator once more follows"
        );
        assert_eq!(
            q("lee not xyz"),
            Some(Expr::And(vec![w("lee"), not(prefix("xyz"))]))
        );
    }

    #[test]
    fn one_short_word_is_told_apart() {
        let parsed = |s| parse(s, today()).unwrap();
        assert!(is_one_short_word(&parsed("EU")));
        assert!(!is_one_short_word(&parsed("EUR")));
        assert!(!is_one_short_word(&parsed("lee EU")));
        assert!(!is_one_short_word(&parsed("\"EU\" xyz")));
        assert!(is_one_short_word(&parsed("\"EU\" x")), "x is still typed");
        assert!(!is_one_short_word(&parsed("")));
    }

    #[test]
    fn text_fields() {
        assert_eq!(one("title:Lee "), Term::Title(text(&["lee"], false)));
        assert_eq!(
            one("TITLE:\"China Visit\""),
            Term::Title(text(&["china", "visit"], false))
        );
        assert_eq!(
            one("source:\"port strike\""),
            Term::Source(text(&["port", "strike"], false))
        );
        assert_eq!(one("Source:wire "), Term::Source(text(&["wire"], false)));
    }

    #[test]
    fn outlets_and_what_cites_them() {
        assert_eq!(one("outlet:Yonhap"), Term::Outlet("yonhap".into()));
        assert_eq!(
            one("outlet:\"Yonhap News\""),
            Term::Outlet("yonhap news".into())
        );
        assert_eq!(one("cites:reuters.com"), Term::Cites("reuters.com".into()));
        assert_eq!(
            one("Cites:https://www.Reuters.com/world"),
            Term::Cites("reuters.com".into())
        );
    }

    #[test]
    fn counts_with_every_comparison() {
        for (input, count, cmp, n) in [
            ("sources>=5", Count::Sources, Cmp::Ge, 5),
            ("outlets>3", Count::Outlets, Cmp::Gt, 3),
            ("events>=1", Count::Events, Cmp::Ge, 1),
            ("claims<10", Count::Claims, Cmp::Lt, 10),
            ("claims<=10", Count::Claims, Cmp::Le, 10),
            ("unresolved>0", Count::Unresolved, Cmp::Gt, 0),
            ("sources:5", Count::Sources, Cmp::Eq, 5),
            ("SOURCES=5", Count::Sources, Cmp::Eq, 5),
        ] {
            assert_eq!(one(input), Term::Count(count, cmp, n), "{input}");
        }
    }

    #[test]
    fn single_kind_feed_marks_and_language() {
        assert_eq!(one("single:"), Term::Single);
        assert_eq!(one("single:yes"), Term::Single);
        assert_eq!(one("Single:TRUE"), Term::Single);
        assert_eq!(one("kind:story"), Term::Kind(Kind::Story));
        assert_eq!(one("kind:Article"), Term::Kind(Kind::Article));
        assert_eq!(one("feed:Wire"), Term::Feed("wire".into()));
        assert_eq!(one("feed:\"World  Néws\""), Term::Feed("world news".into()));
        assert_eq!(one("is:unread"), Term::Is(Mark::Unread));
        assert_eq!(one("is:read"), Term::Is(Mark::Read));
        assert_eq!(one("IS:Saved"), Term::Is(Mark::Saved));
        assert_eq!(one("lang:FR"), Term::Lang("fr".into()));
    }

    #[test]
    fn dates_years_months_days_ranges_and_open_ends() {
        for (input, from, to) in [
            ("date:2026", "2026-00-00", "2026-99-99"),
            ("date:2026-01", "2026-01-00", "2026-01-99"),
            ("date:2026-1", "2026-01-00", "2026-01-99"),
            ("date:2026-01-05", "2026-01-05", "2026-01-05"),
            ("date:2024-02-29", "2024-02-29", "2024-02-29"),
            ("date:2026-01-05..2026-01-08", "2026-01-05", "2026-01-08"),
            ("date:2025..2026-02", "2025-00-00", "2026-02-99"),
            ("date:2026-01..", "2026-01-00", "9999-99-99"),
            ("date:..2026-02", "0000-00-00", "2026-02-99"),
            ("date:2026-01..2026-01", "2026-01-00", "2026-01-99"),
        ] {
            assert_eq!(one(input), Term::Date(range(from, to)), "{input}");
        }
        assert_eq!(
            one("event:2026-01"),
            Term::Event(range("2026-01-00", "2026-01-99"))
        );
        assert_eq!(
            one("Event:..2025"),
            Term::Event(range("0000-00-00", "2025-99-99"))
        );
    }

    #[test]
    fn newer_and_older_count_back_from_today() {
        for (input, from, to) in [
            ("newer:3d", "2026-01-07", "9999-99-99"),
            ("newer:0d", "2026-01-10", "9999-99-99"),
            ("newer:1w", "2026-01-03", "9999-99-99"),
            ("newer:1m", "2025-12-11", "9999-99-99"),
            ("newer:1Y", "2025-01-10", "9999-99-99"),
            ("older:2w", "0000-00-00", "2025-12-27"),
        ] {
            assert_eq!(one(input), Term::Date(range(from, to)), "{input}");
        }
    }

    #[test]
    fn bad_dates_and_ages_say_where() {
        for (input, at, says) in [
            ("date:2026-13", 6, "a month is 1 to 12"),
            ("date:2026-00", 6, "a month is 1 to 12"),
            ("date:2026-02-30", 6, "2026-02 has no day 30"),
            ("date:2025-02-29", 6, "2025-02 has no day 29"),
            ("date:26", 6, "write 2026"),
            ("date:2026-01-05-01", 6, "write 2026"),
            ("date:jan", 6, "write 2026"),
            ("x date:2026-01..2026-13", 17, "bad date \"2026-13\" at 17"),
            ("date:2026-02..2026-01", 6, "ends before it starts"),
            ("date:..", 6, "a range needs a start or an end"),
            ("date:2026...2027", 12, "bad date \".2027\" at 12"),
            ("newer:3", 7, "bad age \"3\""),
            ("newer:xd", 7, "bad age"),
            ("older:3h", 7, "bad age"),
            ("newer:99999999999y", 7, "too long ago"),
            ("newer:3dé", 7, "bad age"),
        ] {
            let e = err(input);
            assert_eq!(e.at, at, "{input}: {e}");
            let shown = e.to_string();
            assert!(shown.contains(says), "{input}: {shown}");
        }
    }

    #[test]
    fn errors_name_the_column_and_the_closest_term() {
        let e = err("cite:reuters");
        assert_eq!(e.at, 1);
        assert_eq!(
            e.to_string(),
            "unknown term \"cite:\" at 1; did you mean \"cites:\"?"
        );
        assert_eq!(err("lee cite:x").at, 5);
        assert_eq!(
            err("Lee Declares cite:x").to_string(),
            "unknown term \"cite:\" at 14; did you mean \"cites:\"?"
        );
        assert_eq!(
            err("sorces>=5").to_string(),
            "unknown term \"sorces>=\" at 1; did you mean \"sources>=\"?"
        );
        assert_eq!(
            err("a titel:x").hint.as_deref(),
            Some("did you mean \"title:\"?")
        );
        assert_eq!(err("zzzzzz:1").hint, None, "nothing close");
        // A word a colon follows, as in a headline, is a word when no term is
        // named or close to it; close to one, it is a mistake.
        assert_eq!(
            q("China Visit: What Lee Declares "),
            q("China Visit What Lee Declares ")
        );
        assert_eq!(q("Re: harbour "), q("re harbour "));
        assert_eq!(
            err("cite: x").hint.as_deref(),
            Some("did you mean \"cites:\"?")
        );
        assert_eq!(
            q("Harbour reopens - Reuters "),
            q("harbour reopens reuters ")
        );
        assert_eq!(q("lee -"), q("lee"), "a dash just typed waits");
        assert_eq!(err("한국 xyz:1").at, 4, "columns count characters");
    }

    #[test]
    fn errors_for_values_operators_and_structure() {
        for (input, at, says) in [
            (
                "outlet:",
                1,
                "\"outlet:\" needs a value at 1; for example outlet:yonhap",
            ),
            ("lee outlet:\"\"", 5, "needs a value"),
            ("feed: x", 1, "\"feed:\" needs a value"),
            ("sources>=x", 10, "bad number \"x\" at 10"),
            ("a claims<-1", 10, "bad number \"-1\""),
            ("sources>=99999999999", 10, "bad number"),
            ("title>=3", 1, "\"title\" takes \":\""),
            ("kind:tweet", 6, "\"kind:\" takes story or article"),
            ("title:-", 7, "\"title:\" takes a word"),
            ("source:\"#\"", 8, "\"source:\" takes a word"),
            ("is:new", 4, "unread, read, saved or updated"),
            ("single:no", 8, "\"single:\" takes no value"),
            ("lang:f1", 6, "two-letter language code"),
            ("lang:fra", 6, "two-letter language code"),
            ("outlet:www.", 8, "an outlet's name or domain"),
            ("a)", 2, "\")\" without \"(\" at 2"),
            ("(a)) b", 4, "without"),
            ("or a", 1, "\"or\" needs a term before it"),
            ("a or ", 3, "\"or\" needs a term after it"),
            ("a or or b", 3, "needs a term after it"),
            ("(a or) b", 4, "needs a term after it"),
            ("(or a)", 2, "needs a term before it"),
            ("a not ", 3, "nothing after \"not\""),
            ("not or a", 1, "nothing after \"not\""),
        ] {
            let e = err(input);
            assert_eq!(e.at, at, "{input}: {e}");
            assert!(e.to_string().contains(says), "{input}: {e}");
        }
    }

    #[test]
    fn parentheses_too_deep_are_an_error_not_a_stack_overflow() {
        let deep = "(".repeat(10_000) + "a";
        assert_eq!(err(&deep).at, MAX_DEPTH + 1);
        let nots = "-".repeat(10_001) + "a ";
        assert_eq!(q(&nots), Some(not(w("a"))));
    }

    #[test]
    fn urls_and_times_are_words() {
        assert_eq!(
            q("https://reuters.com/x 10:30 "),
            Some(Expr::And(vec![
                w("https"),
                w("reuters"),
                w("com"),
                w("x"),
                w("10"),
                w("30"),
            ]))
        );
    }

    #[test]
    fn terms_combine_with_words() {
        assert_eq!(
            q("lee outlet:yonhap -is:read (sources>=5 or single:) "),
            Some(Expr::And(vec![
                w("lee"),
                Expr::Term(Term::Outlet("yonhap".into())),
                not(Expr::Term(Term::Is(Mark::Read))),
                Expr::Or(vec![
                    Expr::Term(Term::Count(Count::Sources, Cmp::Ge, 5)),
                    Expr::Term(Term::Single),
                ]),
            ]))
        );
    }
}
