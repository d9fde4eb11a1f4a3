//! The store under faults: files that are not a usable store are refused with one
//! line naming the path and left byte-for-byte unchanged; concurrent processes both
//! succeed; `kill -9` during an import never loses what an earlier import committed.

mod common;

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
    let out = tidings(dir.path(), &["list"]);
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
    // File modes do not bind root: run as `nobody` then, which CI's root can do.
    let mut cmd = if is_root() {
        let mut c = std::process::Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            env!("CARGO_BIN_EXE_tidings"),
        ]);
        c
    } else {
        common::bin()
    };
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
        std::thread::sleep(Duration::from_millis(20 + (trial as u64 * 37) % 400));
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
