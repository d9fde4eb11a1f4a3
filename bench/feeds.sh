#!/usr/bin/env bash
# Feed import figures: the whole shared feed corpus in one `tidings import`
# (files/s) and a generated 20,000-item RSS feed (time, peak memory), each in a
# fresh store. BIN=path/to/tidings compares another build (default: release).
# Usage: bench/feeds.sh [ITEMS]   (ITEMS defaults to 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-20000}
bin=${BIN:-target/release/tidings}
[ -n "${BIN:-}" ] || cargo build --release --quiet
cargo build --release --quiet --example gen_corpus
corpus=../shared/corpus/feeds
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label, then the command; prints wall seconds and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>/dev/null || true
  read -r secs kib < <(tail -n 1 "$work/time")
  printf '%-34s %7.2f s  %6.1f MiB  (%s)\n' "$label" "$secs" "$(echo "$kib/1024" | bc -l)" "$(grep '^imported:' "$work/out" | tail -n 1)"
  echo "$secs"  >"$work/secs"
}

if [ -d "$corpus" ]; then
  files=$(find "$corpus"/*/ -type f \( -name '*.xml' -o -name '*.json' -o -name '*.rss' -o -name '*.atom' \) | wc -l)
  measure "corpus ($files files), one import" "$bin" --data-dir "$work/c" import "$corpus"/*/
  echo "  $(echo "$files / $(cat "$work/secs")" | bc) files/s"
else
  echo "../shared/corpus/feeds not present: corpus figure skipped" >&2
fi

target/release/examples/gen_corpus "$items" "$work/pages" --rss "$work/big.rss" >/dev/null
echo "generated feed: $items items, $(du -h "$work/big.rss" | cut -f1)"
measure "$items-item feed, first import" "$bin" --data-dir "$work/s" import "$work/big.rss"
measure "$items-item feed, again (unchanged)" "$bin" --data-dir "$work/s" import "$work/big.rss"
