//! Fuzz target: any bytes as a page. Parsing must not panic, and what it returns
//! must hold `tidings::invariants::check_page` (no controls, JSON round trip).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = tidings::invariants::check_page(data) {
        panic!("{e}");
    }
});
