#!/usr/bin/env bash
# The figures of a store of N stories (issue 20): import rate (per tenth, to
# show it does not fall), the write-ahead log's peak, peak memory, store size
# per document and per byte of page, the reader's first frame and memory after
# going to the last row, filter and `search` latency, list views, `list --json`
# of everything, and a prune dry run.
# Usage: bench/scale.sh N   (N = 100000 or 1000000; WORK=/tmp/tidings-scale by
# default; the pages are generated there once and reused; the store is built
# anew each run unless KEEP=1)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/scale.sh N}
work=${WORK:-/tmp/tidings-scale}
mkdir -p "$work"
command -v tmux >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null; }
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus --example search_latency --example view_latency
bin=$(pwd)/target/release/tidings
rows=()
row() { rows+=("$(printf '%-50s %-40s %s' "$1" "$2" "$3")"); }
fmt() { python3 -c "import sys; print(f'{float(sys.argv[1]):,.${2:-0}f}')" "$1"; }

pages=$work/pages-$n
[ -d "$pages" ] || { echo "== generating $n pages" >&2; target/release/examples/gen_corpus "$n" "$pages" 2>/dev/null; }
page_bytes=$(du -sb "$pages" | cut -f1)
store=$work/store-$n

if [ "${KEEP:-}" != 1 ] || [ ! -f "$store/tidings.db" ]; then
  echo "== import $n pages" >&2
  rm -rf "$store"
  watch=$(python3 bench/import_watch.py "$store" "$n" -- \
    /usr/bin/time -f "peak_kib %M" -o "$work/import-time" "$bin" --data-dir "$store" import "$pages")
  get() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print }' <<<"$watch"; }
  row "import $n pages" "$(fmt "$(get rate)") pages/s ($(get seconds) s)" ">= 3,000 pages/s"
  row "  rate over each tenth (pages/s)" "$(get rates)" "does not fall"
  row "  write-ahead log's peak" "$(fmt "$(get wal_peak | awk '{print $1/1048576}')") MiB" "bounded"
  row "  peak memory" "$(awk '{print int($2/1024)}' "$work/import-time") MiB" "< 150 MiB"
fi

db_bytes=$(stat -c %s "$store/tidings.db")
wal_bytes=$(stat -c %s "$store/tidings.db-wal" 2>/dev/null || echo 0)
docs=$("$bin" --data-dir "$store" store stats --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2>/dev/null || echo "$n")
row "store size (file + log)" "$(fmt $(( (db_bytes + wal_bytes) / 1048576 ))) MiB for $(fmt $(( page_bytes / 1048576 ))) MiB of pages" "<= pages"
row "  per document / per byte of page" "$(fmt $(( (db_bytes + wal_bytes) / docs ))) B / $(python3 -c "print(f'{($db_bytes + $wal_bytes) / $page_bytes:.2f}')")" "<= 1.00"

echo "== the reader (tmux, 200x60, median of 5)" >&2
first=$(for _ in 1 2 3 4 5; do
  QUIT=q python3 bench/first_screen.py 200 60 "Headlines [0-9]" "G" "LIST $n/$n" -- \
    /usr/bin/time -f %M -o "$work/mem" "$bin" --data-dir "$store"
  cat "$work/mem"
  QUIT=q python3 bench/first_screen.py 200 60 "Headlines [0-9]" "-" "Headlines $n/$n +[0-9,]+ unread" -- "$bin" --data-dir "$store" | cut -d' ' -f2
done | paste - - - | python3 -c '
import sys, statistics
r = [list(map(float, l.split())) for l in sys.stdin]
print(f"{statistics.median(x[0] for x in r):.0f} {statistics.median(x[1] for x in r):.0f} {max(x[2] for x in r)/1024:.0f} {statistics.median(x[3] for x in r):.0f}")')
read -r first_ms end_ms peak_mib all_ms <<<"$first"
row "first frame, $n documents" "$first_ms ms" "< 30 ms"
row "whole list in (from launch)" "$all_ms ms" ""
row "G at the first frame, to the last row" "$end_ms ms" ""
row "peak memory of the reader (after G)" "$peak_mib MiB" "< 100 MiB"

echo "== filter and search" >&2
while read -r line; do
  label=$(sed -E 's/ +n +[0-9]+.*//' <<<"$line")
  case $label in *saved*) target="< 50 ms in all (issue 18)" ;; *) target="p99 < 20 ms" ;; esac
  row "$label" "$(grep -oE 'p50 +[0-9.]+ ms +p99 +[0-9.]+ ms' <<<"$line" | tr -s ' ')" "$target"
done < <(target/release/examples/search_latency "$store" | grep p99)
search=$(for q in harbour council "port authority" lisbon budget; do for _ in 1 2 3 4; do
  s=$(date +%s%N); "$bin" --data-dir "$store" search "$q" >/dev/null || true; echo $(( ($(date +%s%N) - s) / 1000 ))
done; done | python3 -c '
import sys
v = sorted(int(l) / 1000 for l in sys.stdin)
print(f"p50 {v[len(v)//2]:.1f} ms p99 {v[min(len(v)-1, int(len(v)*0.99))]:.1f} ms")')
row "search command, whole process (20 runs)" "$search" "p99 < 20 ms"

echo "== list views" >&2
# Reading every view in full rows by offset takes minutes at 1,000,000: there,
# the reader's own list index (parts of 20,000) and its window of rows by id.
if [ "$n" -lt 500000 ]; then
  while read -r view sort nrows first all counts; do
    row "list: $view view, $sort ($nrows rows)" "first 500 $first ms, all $all ms" "first < 20 ms"
  done < <(target/release/examples/view_latency "$store" | awk '
    /^(all|unread|saved) / { print $1, $2, $3, $4, $6, $8 }')
fi
while read -r sort nrows index slowest byid; do
  row "list index, $sort ($nrows rows)" "whole $index ms, slowest part $slowest ms, 300 rows by id $byid ms" "a part < 30 ms"
done < <(target/release/examples/view_latency "$store" --index | awk '
  /^(newest|oldest|sources|title) +[0-9]/ { print $1, $2, $3, $5, $7 }')

/usr/bin/time -f "%e %M" -o "$work/list-time" "$bin" --data-dir "$store" list --json --limit 0 >/dev/null
read -r secs kib <"$work/list-time"
row "list --json --limit 0" "$secs s, peak $(( kib / 1024 )) MiB" ""

if "$bin" --data-dir "$store" prune --help >/dev/null 2>&1; then
  s=$(date +%s%N)
  said=$("$bin" --data-dir "$store" prune --older-than 1y --dry-run 2>&1 | head -1)
  row "prune --older-than 1y --dry-run" "$(( ($(date +%s%N) - s) / 1000000 )) ms: $said" ""
fi

echo
echo "tidings $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%Y-%m-%d), N = $n"
printf '%-50s %-40s %s\n' "what" "figure" "target"
printf '%s\n' "${rows[@]}"
