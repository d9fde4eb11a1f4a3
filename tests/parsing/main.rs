//! Pages in, documents out: the project's own test pages, the shared seeds and
//! real inputs, pathological pages at hostile sizes, and property tests over
//! generated pages, bytes and documents. One test binary, so the library is linked
//! once for all of them.

#[path = "../common/mod.rs"]
mod common;

mod pages;
mod pathological;
mod properties;
mod real_inputs;
mod seeds;
