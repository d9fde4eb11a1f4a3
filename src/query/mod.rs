//! The query language of the filter (`/`), `search`, saved queries and bulk
//! marks: words and phrases searched in the text, and terms over a story's
//! structure (its sources and outlets, claims, events, dates, feed and marks).
//! [`ast`] is what a query means and [`parse`] reads it from what was typed;
//! the store turns it into SQL (`store::query`).

pub mod ast;
pub mod claims;
mod error;
mod field;
mod lex;
pub mod outlet;
pub mod parse;

pub use ast::{Cmp, Count, DateRange, Expr, Mark, Query, Term, Text};
pub use error::QueryError;
pub use parse::{is_one_short_word, parse, PREFIX_MIN};
