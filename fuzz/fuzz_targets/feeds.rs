//! Fuzz target: any bytes read as a feed (RSS, Atom, JSON Feed) or Kagi News
//! JSON. Whatever loads must be clean, survive its JSON export and cite only
//! listed sources; whatever fails must fail in one clean line.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = tidings::invariants::check_feed(data) {
        panic!("{e}");
    }
});
