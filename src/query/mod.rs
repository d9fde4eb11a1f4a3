//! The query language of the filter (`/`), `search`, saved queries and bulk
//! marks: words and phrases searched in the text, and terms over a story's
//! structure (its sources and outlets, claims, events, dates, feed and marks).
//! [`ast`] is what a query means, [`parse()`] reads it from what was typed,
//! [`REFERENCE`] tells it in a few lines, and the store turns it into SQL
//! (`store::query`).

pub mod ast;
pub mod claims;
mod error;
pub mod facts;
mod field;
mod lex;
pub mod outlet;
pub mod parse;
mod reference;

pub use ast::{Cmp, Count, DateRange, Expr, Mark, Query, Term, Text};
pub use error::QueryError;
pub use parse::{is_one_short_word, parse, parse_finished, PREFIX_MIN};
pub use reference::{entries as reference_entries, REFERENCE};

/// `input` parsed as on 10 January 2026, for tests.
#[cfg(test)]
pub fn parsed(input: &str) -> Query {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 10).expect("a day");
    parse(input, today).expect("the query parses")
}
