//! The query language of the filter (`/`), `search`, saved queries and bulk
//! marks: words and phrases searched in the text, and terms over a story's
//! structure (its sources and outlets, claims, events, dates, feed and marks).
//! [`ast`] is what a query means; the store turns it into SQL (`store::query`).

pub mod ast;
pub mod claims;
pub mod outlet;

pub use ast::{Cmp, Count, DateRange, Expr, Mark, Query, Term, Text};
