//! What is wrong with a query, and where: the 1-based column of the token at
//! fault, so the filter box and `search` can point at it.

use std::fmt;

/// A query that does not parse: `message` names the token at column `at` (in
/// characters, from 1); `hint` says what would (`did you mean "cites:"?`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub at: usize,
    pub message: String,
    pub hint: Option<String>,
}

impl QueryError {
    pub(super) fn new(at: usize, message: impl Into<String>) -> Self {
        QueryError {
            at,
            message: message.into(),
            hint: None,
        }
    }

    pub(super) fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// `unknown term "cite:" at 12; did you mean "cites:"?`
impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.message, self.at)?;
        if let Some(hint) = &self.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for QueryError {}
