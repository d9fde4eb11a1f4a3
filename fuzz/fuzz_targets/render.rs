//! Fuzz target: any bytes as a page, each document walked and drawn by the reader
//! at a size taken from the first two bytes; no panic, no control on the wire.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (w, h, page) = match data {
        [w, h, rest @ ..] => (u16::from(*w % 200) + 1, u16::from(*h % 60) + 1, rest),
        _ => return,
    };
    let docs = match tidings::invariants::check_page(page) {
        Ok(docs) => docs,
        Err(e) => panic!("{e}"),
    };
    for doc in docs {
        if let Err(e) = tidings::invariants::check_render(&doc, w, h) {
            panic!("{e}");
        }
    }
});
