//! Links as identities: the canonical form of a story's link
//! ([`canonical::canonical`]), under which the same story brought by two feeds
//! (one with tracking parameters, one its AMP page) is known as one.

pub mod canonical;

pub use canonical::canonical;
