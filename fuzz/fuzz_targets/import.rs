//! Fuzz target: any bytes imported into a store, as a page or (when the first
//! byte is odd) as exported JSON. Each import must read back unchanged and clean,
//! or fail in one clean line leaving the store as it was. The store is started
//! afresh every 5,000 inputs so that it stays small and the runs stay fast.
#![no_main]

use std::sync::Mutex;

use libfuzzer_sys::fuzz_target;
use tidings::store::Store;

struct Rig {
    _dir: tempfile::TempDir,
    store: Store,
    uses: u32,
}

static RIG: Mutex<Option<Rig>> = Mutex::new(None);

fn fresh() -> Rig {
    let dir = tempfile::tempdir_in("/dev/shm")
        .or_else(|_| tempfile::tempdir())
        .unwrap();
    let store = Store::open(dir.path()).unwrap();
    Rig {
        _dir: dir,
        store,
        uses: 0,
    }
}

fuzz_target!(|data: &[u8]| {
    let mut guard = RIG.lock().unwrap();
    if guard.as_ref().is_none_or(|r| r.uses >= 5_000) {
        *guard = None;
        *guard = Some(fresh());
    }
    let rig = guard.as_mut().unwrap();
    rig.uses += 1;
    let (name, body) = match data.split_first() {
        Some((b, rest)) if b % 2 == 1 => ("input.json", rest),
        Some((_, rest)) => ("input.txt", rest),
        None => ("input.txt", data),
    };
    if let Err(e) = tidings::invariants::check_import(&mut rig.store, name, body) {
        panic!("{e}");
    }
});
