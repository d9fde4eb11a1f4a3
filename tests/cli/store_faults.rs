//! The store under faults: files that are not a usable store are refused with one
//! line naming the path and left byte-for-byte unchanged; concurrent processes both
//! succeed; `kill -9` during an import never loses what an earlier import committed.

use crate::common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

fn tidings(dir: &Path, args: &[&str]) -> Output {
    common::bin()
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("tidings runs")
}

fn store_file(dir: &Path) -> std::path::PathBuf {
    dir.join("tidings.db")
}

/// Asserts `list` is refused with one line naming the store and containing `why`,
/// and that the file is byte-for-byte unchanged.
fn assert_refused(dir: &Path, why: &str) {
    let before = std::fs::read(store_file(dir)).unwrap();
    let out = tidings(dir, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "accepted a bad store");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(store_file(dir).to_str().unwrap()),
        "names the path: {err}"
    );
    assert!(err.contains(why), "says why ({why}): {err}");
    assert_eq!(
        std::fs::read(store_file(dir)).unwrap(),
        before,
        "file changed"
    );
}

fn good_store() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let out = tidings(dir.path(), &["import", common::samples().to_str().unwrap()]);
    assert!(out.status.success());
    // The last connection to close checkpoints the WAL into the main file, so the
    // file alone is the whole store; what is left beside it is empty.
    tidings(dir.path(), &["list"]);
    let _ = std::fs::remove_file(dir.path().join("tidings.db-wal"));
    let _ = std::fs::remove_file(dir.path().join("tidings.db-shm"));
    dir
}

#[test]
fn garbage_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        store_file(dir.path()),
        b"this is not a database at all, just text\n",
    )
    .unwrap();
    assert_refused(dir.path(), "not an SQLite database");
}

#[test]
fn empty_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(store_file(dir.path()), b"").unwrap();
    assert_refused(dir.path(), "an empty file");
}

#[test]
fn truncated_file_is_refused() {
    let dir = good_store();
    let bytes = std::fs::read(store_file(dir.path())).unwrap();
    std::fs::write(store_file(dir.path()), &bytes[..60]).unwrap();
    assert_refused(dir.path(), "damaged");
}

#[test]
fn foreign_sqlite_file_is_refused_not_migrated() {
    let dir = good_store();
    let mut bytes = std::fs::read(store_file(dir.path())).unwrap();
    bytes[68..72].copy_from_slice(&0x1234_5678u32.to_be_bytes());
    std::fs::write(store_file(dir.path()), &bytes).unwrap();
    assert_refused(dir.path(), "another program");
}

#[test]
fn newer_schema_is_refused() {
    let dir = good_store();
    let mut bytes = std::fs::read(store_file(dir.path())).unwrap();
    let ahead = (tidings::store::CURRENT_VERSION + 1) as u32;
    bytes[60..64].copy_from_slice(&ahead.to_be_bytes());
    std::fs::write(store_file(dir.path()), &bytes).unwrap();
    assert_refused(dir.path(), "newer tidings");
}

#[test]
fn overwritten_pages_are_reported_as_damage() {
    let dir = good_store();
    let mut bytes = std::fs::read(store_file(dir.path())).unwrap();
    assert!(bytes.len() > 16384, "store large enough to damage page 2+");
    for b in &mut bytes[4096..8192] {
        *b = 0xA5;
    }
    std::fs::write(store_file(dir.path()), &bytes).unwrap();
    let before = bytes.clone();
    // `export` reads every page of every document.
    let out = tidings(dir.path(), &["export", "--format", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "read a damaged store");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("tidings.db"), "{err}");
    assert_eq!(std::fs::read(store_file(dir.path())).unwrap(), before);
}

#[test]
fn read_only_data_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut cmd = unprivileged();
    let out = cmd
        .arg("--data-dir")
        .arg(&ro)
        .arg("list")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "wrote into a read-only directory");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(ro.to_str().unwrap()), "{err}");
    assert!(
        err.contains("read-only") || err.contains("cannot open"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_dir(&ro).unwrap().count(),
        0,
        "nothing was created"
    );
}

/// tidings as a user that file modes bind: `nobody` through `setpriv` when the
/// tests run as root (as on CI), else the user running them.
fn unprivileged() -> std::process::Command {
    if !is_root() {
        return common::bin();
    }
    let mut c = std::process::Command::new("setpriv");
    c.args([
        "--reuid=65534",
        "--regid=65534",
        "--clear-groups",
        env!("CARGO_BIN_EXE_tidings"),
    ]);
    c.env("XDG_CONFIG_HOME", common::NO_CONFIG_HOME)
        .env_remove("TIDINGS_CONFIG");
    c
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Writes `n` small story pages into `dir`.
fn write_pages(dir: &Path, n: usize, tag: &str) {
    for i in 0..n {
        let mut f = std::fs::File::create(dir.join(format!("{tag}-{i:05}.txt"))).unwrap();
        write!(
            f,
            "Story {tag} Number {i} Makes the News\nUpdated (2 articles)\nFirst Heading Is Here The council met on Monday and voted on item {i} [1]. It passed easily [2].\nSources (2 articles)\n[1]\nDesk: Item {i} passes: Reports the vote on item {i}.\n[2]\nWire: Vote {i}: Covers the debate on item {i}.\nTimeline\nNov 3, 2025 – The vote on item {i} takes place. [1]\n"
        )
        .unwrap();
    }
}

#[test]
fn two_processes_import_and_read_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let pages_a = tempfile::tempdir().unwrap();
    let pages_b = tempfile::tempdir().unwrap();
    write_pages(pages_a.path(), 300, "alpha");
    write_pages(pages_b.path(), 300, "beta");
    tidings(dir.path(), &["list"]);
    let spawn = |p: &Path| {
        common::bin()
            .arg("--data-dir")
            .arg(dir.path())
            .arg("import")
            .arg(p)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let a = spawn(pages_a.path());
    let b = spawn(pages_b.path());
    for _ in 0..5 {
        let r = tidings(dir.path(), &["list", "--limit", "5"]);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let all = tidings(dir.path(), &["list", "--limit", "1000"]);
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 600);
}

#[test]
fn kill_9_during_import_never_loses_committed_documents() {
    const TRIALS: usize = 20;
    let pages = tempfile::tempdir().unwrap();
    let committed = tempfile::tempdir().unwrap();
    write_pages(pages.path(), 2000, "bulk");
    write_pages(committed.path(), 50, "kept");
    // Kill at points spread over how long a whole import takes on this machine,
    // so the trials land mid-import however fast or busy it is.
    let timed = tempfile::tempdir().unwrap();
    let start = Instant::now();
    assert!(
        tidings(timed.path(), &["import", pages.path().to_str().unwrap()])
            .status
            .success()
    );
    let full = start.elapsed();
    let mut killed_mid_import = 0;
    for trial in 0..TRIALS {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            tidings(dir.path(), &["import", committed.path().to_str().unwrap()])
                .status
                .success()
        );
        let mut child = common::bin()
            .arg("--data-dir")
            .arg(dir.path())
            .arg("import")
            .arg(pages.path())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(0.05 + 0.85 * (trial as f64 / TRIALS as f64)));
        let started = Instant::now();
        if child.try_wait().unwrap().is_none() {
            killed_mid_import += 1;
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        assert!(started.elapsed() < Duration::from_secs(5));
        let list = tidings(dir.path(), &["list", "--limit", "100000", "--json"]);
        assert!(
            list.status.success(),
            "trial {trial}: store does not open: {}",
            String::from_utf8_lossy(&list.stderr)
        );
        let text = String::from_utf8_lossy(&list.stdout);
        let kept = text
            .lines()
            .filter(|l| l.contains("Story kept Number"))
            .count();
        assert_eq!(kept, 50, "trial {trial}: committed documents lost");
        let bulk = text
            .lines()
            .filter(|l| l.contains("Story bulk Number"))
            .count();
        assert!(
            bulk == 0 || bulk == 2000,
            "trial {trial}: a partial import is visible ({bulk})"
        );
        let check = std::process::Command::new("python3")
            .arg("-c")
            .arg("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA integrity_check').fetchone()[0])")
            .arg(dir.path().join("tidings.db"))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&check.stdout).trim(),
            "ok",
            "trial {trial}"
        );
    }
    eprintln!("kill -9 trials: {TRIALS}, killed while importing: {killed_mid_import}, committed data lost: 0");
    assert!(
        killed_mid_import >= TRIALS / 2,
        "most trials must kill a running import"
    );
}

/// Documents in the store, read through a connection of the test's own (a WAL
/// reader: it never waits for the import writing beside it).
fn stored(dir: &Path) -> i64 {
    let conn = rusqlite::Connection::open_with_flags(
        store_file(dir),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    conn.busy_timeout(Duration::from_secs(5)).unwrap();
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn an_import_killed_mid_way_keeps_its_committed_batches_and_the_next_run_finishes_it() {
    const BATCH: i64 = 50;
    const PAGES: i64 = 1500;
    let pages = tempfile::tempdir().unwrap();
    write_pages(pages.path(), PAGES as usize, "batch");
    let dir = tempfile::tempdir().unwrap();
    tidings(dir.path(), &["list"]);
    let import = || {
        common::bin()
            .env("TIDINGS_IMPORT_BATCH", BATCH.to_string())
            .arg("--data-dir")
            .arg(dir.path())
            .arg("import")
            .arg(pages.path())
            .stderr(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .unwrap()
    };
    let mut child = import();
    let deadline = Instant::now() + Duration::from_secs(60);
    while stored(dir.path()) < BATCH {
        assert!(Instant::now() < deadline, "no batch committed in a minute");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import ended first"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let kept = stored(dir.path());
    assert!(kept < PAGES, "killed after the import had finished");
    assert_eq!(kept % BATCH, 0, "only whole batches land: {kept}");
    let list = tidings(dir.path(), &["list", "--limit", "0", "--json"]);
    assert!(
        list.status.success(),
        "the store does not open: {}",
        String::from_utf8_lossy(&list.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&list.stdout).lines().count() as i64,
        kept
    );
    assert_eq!(integrity(dir.path()), "ok");
    let again = import().wait_with_output().unwrap();
    assert!(again.status.success());
    assert_eq!(
        stored(dir.path()),
        PAGES,
        "the second run finishes the rest"
    );
}

fn wal_file(dir: &Path) -> std::path::PathBuf {
    dir.join("tidings.db-wal")
}

/// Asserts `list` is refused with one line naming the `-wal` file and saying
/// `why`, with the store and the log byte-for-byte unchanged.
fn assert_wal_refused(dir: &Path, why: &str) {
    let read = |p: std::path::PathBuf| std::fs::read(p).ok();
    let (store, wal) = (read(store_file(dir)), read(wal_file(dir)));
    let out = tidings(dir, &["list"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "opened beside a stray log");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(wal_file(dir).to_str().unwrap()), "{err}");
    assert!(err.contains(why), "says why ({why}): {err}");
    assert_eq!(read(store_file(dir)), store, "store changed");
    assert_eq!(read(wal_file(dir)), wal, "log changed");
}

/// A valid log header (magic, version 3007000, page size 4096) and one frame's
/// worth of bytes: what a crash of some other store would leave.
fn wal_bytes() -> Vec<u8> {
    let mut b = vec![
        0x37, 0x7f, 0x06, 0x82, 0x00, 0x2d, 0xe2, 0x18, 0, 0, 0x10, 0,
    ];
    b.resize(32 + 24 + 4096, 0x5a);
    b
}

#[test]
fn stray_wal_without_its_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(wal_file(dir.path()), wal_bytes()).unwrap();
    assert_wal_refused(dir.path(), "no store beside it");
    assert!(!store_file(dir.path()).exists(), "a store was created");
}

#[test]
fn garbage_wal_beside_a_store_is_refused() {
    let dir = good_store();
    std::fs::write(
        wal_file(dir.path()),
        b"not a log, but 32 bytes or more of it",
    )
    .unwrap();
    assert_wal_refused(dir.path(), "not a SQLite write-ahead log");
}

#[test]
fn an_empty_wal_is_what_a_clean_close_leaves() {
    let dir = good_store();
    std::fs::write(wal_file(dir.path()), b"").unwrap();
    let out = tidings(dir.path(), &["list"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.stdout.is_empty());
}

#[test]
fn read_only_store_file_is_a_clear_error() {
    let dir = good_store();
    let pages = tempfile::tempdir().unwrap();
    write_pages(pages.path(), 3, "new");
    let before = std::fs::read(store_file(dir.path())).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        store_file(dir.path()),
        std::fs::Permissions::from_mode(0o444),
    )
    .unwrap();
    // The directory is writable by whoever runs the test, so only the file binds.
    if is_root() {
        std::os::unix::fs::chown(dir.path(), Some(65534), Some(65534)).unwrap();
    }
    let mut cmd = unprivileged();
    let out = cmd
        .arg("--data-dir")
        .arg(dir.path())
        .arg("import")
        .arg(pages.path())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "wrote into a read-only store: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(store_file(dir.path()).to_str().unwrap()),
        "{err}"
    );
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read(store_file(dir.path())).unwrap(), before);
}

/// A data directory on a tmpfs of `size` that is unmounted when dropped; `None`
/// where this process may not mount (not root, or no tmpfs).
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(size: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().ok()?;
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tidings-test"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg(self.dir.path())
            .status();
    }
}

/// Runs tidings with the file size limit set to `blocks` KiB and SIGXFSZ ignored,
/// so writes past it fail as they would on a full disk.
fn tidings_with_fsize_limit(dir: &Path, blocks: u64, args: &[&str]) -> Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks}; exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_tidings"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("sh runs")
}

fn integrity(dir: &Path) -> String {
    let check = std::process::Command::new("python3")
        .arg("-c")
        .arg("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA integrity_check').fetchone()[0])")
        .arg(dir.join("tidings.db"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&check.stdout).trim().to_string()
}

#[test]
fn a_full_disk_fails_the_import_and_keeps_what_was_there() {
    let kept = tempfile::tempdir().unwrap();
    let bulk = tempfile::tempdir().unwrap();
    write_pages(kept.path(), 50, "kept");
    write_pages(bulk.path(), 3000, "bulk");
    let disk = SmallDisk::mount("1536k");
    let fallback = tempfile::tempdir().unwrap();
    let dir = disk.as_ref().map_or(fallback.path(), |d| d.path());
    let ok = tidings(dir, &["import", kept.path().to_str().unwrap()]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let out = match &disk {
        Some(_) => tidings(dir, &["import", bulk.path().to_str().unwrap()]),
        None => {
            let size = std::fs::metadata(store_file(dir)).unwrap().len();
            tidings_with_fsize_limit(
                dir,
                size / 1024 + 256,
                &["import", bulk.path().to_str().unwrap()],
            )
        }
    };
    eprintln!(
        "disk full simulated by {}",
        if disk.is_some() {
            "a 1.5 MiB tmpfs"
        } else {
            "ulimit -f"
        }
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the import claims success: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(store_file(dir).to_str().unwrap()), "{err}");
    assert!(
        err.contains("the disk is full") || err.contains("I/O error"),
        "{err}"
    );
    let list = tidings(dir, &["list", "--limit", "100000"]);
    assert!(
        list.status.success(),
        "{}",
        String::from_utf8_lossy(&list.stderr)
    );
    let text = String::from_utf8_lossy(&list.stdout);
    assert_eq!(
        text.lines().filter(|l| l.contains("Story kept")).count(),
        50
    );
    assert_eq!(text.lines().filter(|l| l.contains("Story bulk")).count(), 0);
    assert_eq!(integrity(dir), "ok");
}

#[test]
fn vacuum_refuses_to_start_on_a_disk_without_room_for_it() {
    let Some(disk) = SmallDisk::mount("1536k") else {
        eprintln!("SKIPPED: no tmpfs to fill (not root)");
        return;
    };
    let dir = disk.path();
    let samples = common::samples();
    assert!(tidings(dir, &["import", samples.to_str().unwrap()])
        .status
        .success());
    let before = tidings(dir, &["export"]).stdout;
    // Fill the disk, then give back 64 KiB: room to open the store, not to
    // rewrite its 170 KiB.
    let filler = dir.join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 4 << 20]);
    let full = std::fs::metadata(&filler).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(full.saturating_sub(64 << 10))
        .unwrap();
    let out = tidings(dir, &["store", "vacuum"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("vacuum needs about"), "{err}");
    assert!(err.contains("nothing done"), "{err}");
    assert!(out.stdout.is_empty());
    std::fs::remove_file(&filler).unwrap();
    assert_eq!(tidings(dir, &["export"]).stdout, before);
    let stats = tidings(dir, &["store", "stats"]);
    assert!(String::from_utf8_lossy(&stats.stdout).contains("last vacuum     never"));
}
