#!/usr/bin/env bash
# What threading and same-link merging cost an import (issue 19): the rate
# (pages/s, items/s) and CPU time of importing N generated page dumps, and of
# two overlapping feeds of N items each, by a build from before threads
# (BEFORE=its binary) and by this one, each the best of RUNS (default 2); then
# how many threads this one made.
# The second feed has every item of the first: the even ones at the same link
# with a tracking parameter (one story, two sources), the odd ones at a link of
# their own under the same headline (same event: threaded).
# Usage: BEFORE=/path/to/old/tidings bench/threads.sh N   (WORK=/tmp/tidings-threads)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: BEFORE=old-binary bench/threads.sh N}
before=${BEFORE:?BEFORE= the tidings binary of a build before threads}
work=${WORK:-/tmp/tidings-threads}
runs=${RUNS:-2}
mkdir -p "$work"
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
after=$(pwd)/target/release/tidings

pages=$work/pages-$n
[ -d "$pages" ] || { echo "== generating $n pages and items" >&2; target/release/examples/gen_corpus "$n" "$pages" --rss "$work/a-$n.rss" 2>/dev/null; }
[ -f "$work/b-$n.rss" ] || python3 - "$work/a-$n.rss" "$work/b-$n.rss" <<'EOF'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src, encoding="utf-8").read().replace("<title>tidings corpus</title>", "<title>tidings corpus B</title>", 1)
def item(m):
    i = int(m.group(1))
    link = f"https://example.org/story/{i}" + ("?utm_source=b" if i % 2 == 0 else "/b")
    return f"<link>{link}</link><guid>b-{i}</guid>"
text = re.sub(r"<link>https://example\.org/story/(\d+)</link><guid>https://example\.org/story/\d+</guid>", item, text)
open(dst, "w", encoding="utf-8").write(text)
EOF

# "rate cpu" of the best of $runs imports of $2... into a new store by $1.
best() {
  local bin=$1 count=$2; shift 2
  for _ in $(seq "$runs"); do
    rm -rf "$work/store"
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$bin" --data-dir "$work/store" import --max-page-bytes 1000000000 "$@" >/dev/null 2>&1
    awk -v n="$count" '{ printf "%.0f %.1f\n", n / $1, $2 + $3 }' "$work/time"
  done | sort -n -r | head -1
}

printf '%-34s %-22s %-22s %s\n' "import" "before (per s, CPU s)" "after (per s, CPU s)" "after / before"
for what in pages feeds; do
  case $what in
    pages) args=("$pages"); count=$n; label="$n page dumps" ;;
    feeds) args=("$work/a-$n.rss" "$work/b-$n.rss"); count=$((2 * n)); label="2 feeds of $n items" ;;
  esac
  read -r b_rate b_cpu <<<"$(best "$before" "$count" "${args[@]}")"
  read -r a_rate a_cpu <<<"$(best "$after" "$count" "${args[@]}")"
  printf '%-34s %-22s %-22s %s\n' "$label" "$b_rate, $b_cpu" "$a_rate, $a_cpu" \
    "$(python3 -c "print(f'{$a_rate / $b_rate:.2f}')")"
done
threads=$("$after" --data-dir "$work/store" list --threads --json --limit 0 | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
threaded = [r for r in rows if r.get("thread_stories")]
print(len(rows), len(threaded), sum(r["thread_stories"] for r in threaded))')
read -r heads threaded in_threads <<<"$threads"
echo "after the feeds: $heads rows in the threaded list; $threaded threads holding $in_threads stories"
