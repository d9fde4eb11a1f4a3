#!/usr/bin/env python3
"""Run an import and watch it from outside: the documents committed (the
store's highest rowid, read through a short read-only query each half second,
so the watcher never holds the log open), the write-ahead log's size, and the
rate over each tenth of the pages. Prints one `key value` line per figure.
Used by bench/scale.sh.

usage: import_watch.py STORE_DIR N -- COMMAND...
"""
import os
import sqlite3
import subprocess
import sys
import time


def committed(db):
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return con.execute("SELECT coalesce(max(id), 0) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return None


def main():
    args = sys.argv[1:]
    sep = args.index("--")
    store, n = args[0], int(args[1])
    cmd = args[sep + 1:]
    db = os.path.join(store, "tidings.db")
    wal = db + "-wal"
    step = max(n // 10, 1)
    marks = []  # (docs, seconds) each time another tenth is committed
    wal_peak = 0
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    while proc.poll() is None:
        time.sleep(0.5)
        try:
            wal_peak = max(wal_peak, os.path.getsize(wal))
        except OSError:
            pass
        if os.path.exists(db):
            docs = committed(db)
            while docs is not None and docs >= (len(marks) + 1) * step:
                marks.append((docs, time.monotonic() - start))
    total = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"import failed with exit code {proc.returncode}")
    print(f"seconds {total:.1f}")
    print(f"rate {n / total:.0f}")
    print(f"wal_peak {wal_peak}")
    prev_docs, prev_t = 0, 0.0
    rates = []
    for docs, t in marks:
        if t > prev_t:
            rates.append(f"{(docs - prev_docs) / (t - prev_t):,.0f}")
        prev_docs, prev_t = docs, t
    print("rates " + " ".join(rates))


if __name__ == "__main__":
    main()
