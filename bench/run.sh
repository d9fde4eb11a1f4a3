#!/usr/bin/env bash
# Whole-process figures in one table: parse throughput, import of 10,000 and
# 100,000 pages, cold start to the first frame with 100,000 documents (tmux),
# frame times, filter latency, the list's views and sorts, and the reader's peak
# memory.
# Usage: bench/run.sh            (WORK=/tmp/tidings-bench by default; the
# corpora and stores are built there once and reused, imports timed when built)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=${WORK:-/tmp/tidings-bench}
mkdir -p "$work"
command -v tmux >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux >/dev/null; }
cargo build --release --quiet
cargo build --release --quiet --example gen_corpus --example search_latency --example view_latency
bin=$root/target/release/tidings
rows=()
row() { rows+=("$(printf '%-52s %-28s %s' "$1" "$2" "$3")"); }

echo "== parse (cargo bench --bench parse)" >&2
while read -r line; do
  label=$(sed -E 's/ +[0-9.]+ MB .*//' <<<"$line")
  mbs=$(grep -oE '[0-9.]+ MB/s' <<<"$line")
  row "parse: $label" "$mbs" ">= 50 MB/s"
done < <(cargo bench --quiet --bench parse 2>/dev/null | grep 'MB/s')

for n in 10000 100000; do
  echo "== import $n pages" >&2
  [ -d "$work/pages-$n" ] || target/release/examples/gen_corpus "$n" "$work/pages-$n" 2>/dev/null
  if [ ! -f "$work/store-$n/tidings.db" ]; then
    start=$(date +%s.%N)
    "$bin" --data-dir "$work/store-$n" import "$work/pages-$n" >/dev/null 2>&1
    secs=$(python3 -c "print($(date +%s.%N) - $start)")
    row "import $n pages" "$(python3 -c "print(f'{$n/$secs:,.0f} pages/s ({$secs:.1f} s)')")" ">= 2,000 pages/s"
  else
    row "import $n pages" "(store reused, not timed)" ">= 2,000 pages/s"
  fi
done
store=$work/store-100000

echo "== first frame with 100,000 documents (tmux, 200x60)" >&2
first=$(for _ in 1 2 3 4 5 6 7; do
  QUIT=q python3 bench/first_screen.py 200 60 "Headlines [0-9]+/" "-" "Headlines 100000/100000 +[0-9,]+ unread" -- \
    /usr/bin/time -f %M -o "$work/mem" "$bin" --data-dir "$store"
  cat "$work/mem"
done | paste - - | python3 -c '
import sys, statistics
r = [list(map(float, l.split())) for l in sys.stdin]
print(f"{statistics.median(x[0] for x in r):.0f} {statistics.median(x[1] for x in r):.0f} {max(x[2] for x in r)/1024:.0f}")')
read -r first_ms list_ms peak_mib <<<"$first"
row "first frame, 100,000 documents (median of 7)" "$first_ms ms" "< 50 ms"
row "all 100,000 headlines read in" "$list_ms ms" ""
row "peak memory of the reader, 100,000 documents" "$peak_mib MiB" "< 60 MiB"

echo "== frames (cargo bench --bench frames)" >&2
while read -r line; do
  label=$(sed -E 's/ +p50.*//' <<<"$line")
  row "frame: $label" "$(grep -oE 'p50 +[0-9.]+ ms +p99 +[0-9.]+ ms' <<<"$line" | tr -s ' ')" "p99 < 2 ms"
done < <(cargo bench --quiet --bench frames 2>/dev/null | grep p99)

echo "== filter and search over 100,000 documents" >&2
while read -r line; do
  label=$(sed -E 's/ +n +[0-9]+.*//' <<<"$line")
  row "$label" "$(grep -oE 'p50 +[0-9.]+ ms +p99 +[0-9.]+ ms' <<<"$line" | tr -s ' ')" "< 20 ms"
done < <(target/release/examples/search_latency "$store" | grep p99)

echo "== views and sorts of the list over 100,000 documents" >&2
while read -r view sort rows first all counts; do
  row "list: $view view, $sort ($rows rows)" "first 500 $first ms, all $all ms" "first < 20 ms"
done < <(target/release/examples/view_latency "$store" | awk '
  /^(all|unread|saved) / { print $1, $2, $3, $4, $6, $8 }')

echo
echo "tidings $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%Y-%m-%d)"
printf '%-52s %-28s %s\n' "what" "figure" "target"
printf '%s\n' "${rows[@]}"
