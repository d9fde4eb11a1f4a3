//! Text that every layer shares, depending on nothing but std and its crates:
//! the one road to the terminal ([`sanitize`]), folding for matching ([`fold`]),
//! Unicode spaces as ASCII ones ([`spaces`]) and display width ([`width`]).

pub mod fold;
pub mod sanitize;
pub mod spaces;
pub mod width;
