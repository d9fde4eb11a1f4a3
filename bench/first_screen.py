#!/usr/bin/env python3
"""Launch a terminal program in a fresh tmux server and time how long until the
screen shows a pattern; then optionally send keys (`-` for none) and time until a
second pattern, counted from the keys (or from the launch when there are none).
Prints: first_ms [second_ms]. Used by bench/run.sh and bench/compare.sh.

With QUIT=KEYS in the environment, sends those keys at the end and waits for
the program to exit (so that a wrapper such as /usr/bin/time can report).

usage: first_screen.py WIDTH HEIGHT PATTERN [KEYS PATTERN2] -- COMMAND...
"""
import os
import re
import subprocess
import sys
import time

def main():
    args = sys.argv[1:]
    sep = args.index("--")
    opts, cmd = args[:sep], args[sep + 1:]
    width, height, pattern = opts[0], opts[1], re.compile(opts[2])
    second = (opts[3], re.compile(opts[4])) if len(opts) >= 5 else None
    sock = f"bench-{time.time_ns()}"
    tmux = ["tmux", "-L", sock, "-f", "/dev/null"]
    def screen():
        return subprocess.run(tmux + ["capture-pane", "-p", "-t", "b"],
                              capture_output=True, text=True).stdout
    def wait(pat, start, what):
        while not pat.search(screen()):
            if time.monotonic() - start > 60:
                sys.exit(f"timed out waiting for {what}:\n{screen()[:2000]}")
            time.sleep(0.001)
        return (time.monotonic() - start) * 1000
    try:
        start = time.monotonic()
        subprocess.run(tmux + ["new-session", "-d", "-s", "b", "-x", width, "-y", height,
                               " ".join(cmd)], check=True)
        first = wait(pattern, start, opts[2])
        out = [f"{first:.0f}"]
        if second:
            keys, pat2 = second
            if keys != "-":
                start = time.monotonic()
                subprocess.run(tmux + ["send-keys", "-t", "b"] + keys.split(), check=True)
            out.append(f"{wait(pat2, start, opts[4]):.0f}")
        quit_keys = os.environ.get("QUIT")
        if quit_keys:
            subprocess.run(tmux + ["send-keys", "-t", "b"] + quit_keys.split())
            start = time.monotonic()
            while subprocess.run(tmux + ["has-session", "-t", "b"],
                                 capture_output=True).returncode == 0:
                if time.monotonic() - start > 30:
                    sys.exit("the program did not quit")
                time.sleep(0.01)
        print(" ".join(out))
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)

main()
