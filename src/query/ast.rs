//! What a parsed query means: a boolean expression over terms. Words are folded
//! as the search index folds them (`text::fold`), dates are written as the
//! store's sort keys (`YYYY-MM-DD`, a missing month or day as `00`).

use crate::model::Kind;

/// A parsed query; `expr` is `None` when nothing was typed yet.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub expr: Option<Expr>,
}

/// Terms put together: spaces are [`Expr::And`]; `or` is [`Expr::Or`] and binds
/// tighter than the spaces around it (`a b or c` is `a AND (b OR c)`, as web
/// search engines read it); `-` and `not` are [`Expr::Not`]; parentheses group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Term(Term),
}

/// Words to find in a document's text: one word, or several as a phrase (one
/// after another). `prefix`: the last word is still being typed and matches
/// every word it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub words: Vec<String>,
    pub prefix: bool,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A plain word or a `"quoted phrase"`: anywhere in the document's text.
    Text(Text),
    /// `title:WORD`, `title:"words"`: in the headline.
    Title(Text),
    /// `source:"title words"`: in the title (or outlet, summary) of a source.
    Source(Text),
    /// `outlet:NAME`: the story lists a source from that outlet (name or
    /// domain, folded; see [`super::outlet`]).
    Outlet(String),
    /// `cites:NAME`: a claim or an event cites a source from that outlet or
    /// domain.
    Cites(String),
    /// `sources>=5`, `outlets>=3`, `events>=1`, `claims<10`, `unresolved>0`.
    Count(Count, Cmp, u32),
    /// `single:`: a claim that only one source backs.
    Single,
    /// `date:2026-01`, `date:2026-01-05..2026-01-08`, `newer:3d`: the story's
    /// date (its latest dated event, else its publication).
    Date(DateRange),
    /// `event:2026-01`: a timeline event in that range.
    Event(DateRange),
    /// `kind:story|article`.
    Kind(Kind),
    /// `feed:NAME`: where it came from (the list's feed column), folded.
    Feed(String),
    /// `is:unread|read|saved|updated`.
    Is(Mark),
    /// `lang:fr`: the language of its text, as an ISO 639-1 code.
    Lang(String),
}

/// What a count term counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Sources,
    Outlets,
    Events,
    Claims,
    /// Citations of numbers the story's source list does not hold.
    Unresolved,
}

/// A comparison: `<`, `<=`, `=` (also `:`), `>=`, `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

/// Dates from `from` to `to`, both included, as sort keys: `date:2026-01` is
/// `2026-01-00` ..= `2026-01-99`, `date:2026` is `2026-00-00` ..= `2026-99-99`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub from: String,
    pub to: String,
}

/// A reader mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Unread,
    Read,
    Saved,
    /// Changed since it was read (`store::versions`).
    Updated,
}
