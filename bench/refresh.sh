#!/usr/bin/env bash
# `tidings refresh` against a local server (examples/feed_server.rs): FEEDS feeds
# of ITEMS items, each request answered after LATENCY_MS. Prints wall time and
# peak memory of a first refresh at several --jobs, of a second refresh (all
# conditional, all 304) with the number of requests it cost, and of the hostile
# routes (1 GiB body, endless body, trickle) with the default limits.
# Usage: bench/refresh.sh [FEEDS] [ITEMS] [LATENCY_MS]
set -euo pipefail
cd "$(dirname "$0")/.."
feeds=${1:-100}
items=${2:-20}
latency=${3:-50}
cargo build --release --quiet --bin tidings --example feed_server
bin=target/release/tidings
work=$(mktemp -d)
trap 'kill $server_pid 2>/dev/null; rm -rf "$work"' EXIT
target/release/examples/feed_server "$feeds" "$items" "$latency" "$work/count" >"$work/base" &
server_pid=$!
while [ ! -s "$work/base" ] || [ ! -s "$work/count" ]; do sleep 0.05; done
base=$(cat "$work/base")
unset http_proxy HTTP_PROXY https_proxy HTTPS_PROXY all_proxy ALL_PROXY

opml() {
  echo '<opml version="2.0"><body>'
  for ((n = 0; n < feeds; n++)); do echo "<outline text=\"Feed $n\" xmlUrl=\"$base/feed/$n.rss\"/>"; done
  echo '</body></opml>'
}
opml >"$work/subs.opml"
# The server's request count once it has settled (it is written every 100 ms).
requests() {
  local a b
  a=$(cat "$work/count")
  while sleep 0.25; b=$(cat "$work/count"); [ "$a" != "$b" ]; do a=$b; done
  echo "$b"
}
# Runs a command for its wall time and peak RSS (into $work/time), its results
# (stdout) and diagnostics (stderr) aside.
timed() { /usr/bin/time -o "$work/time" -f '%e %M' "$@" >"$work/out" 2>"$work/err" || true; }

echo "$feeds feeds x $items items, ${latency} ms latency per request"
printf '%-34s %8s %10s %10s\n' run "wall s" "peak MiB" requests
for jobs in 1 4 8 16; do
  data="$work/data-$jobs"
  "$bin" --data-dir "$data" opml import "$work/subs.opml" >/dev/null
  before=$(requests)
  timed "$bin" --data-dir "$data" refresh --jobs "$jobs"
  read -r wall kb < <(tail -1 "$work/time")
  after=$(requests)
  printf '%-34s %8s %10s %10s\n' "first refresh, --jobs $jobs" "$wall" "$((kb / 1024))" "$((after - before))"
done
data="$work/data-4"
before=$(requests)
timed "$bin" --data-dir "$data" refresh --jobs 4
read -r wall kb < <(tail -1 "$work/time")
after=$(requests)
printf '%-34s %8s %10s %10s\n' "second refresh (304s), --jobs 4" "$wall" "$((kb / 1024))" "$((after - before))"
grep -o 'refreshed.*' "$work/out"

for route in gigabyte endless trickle; do
  data="$work/hostile-$route"
  "$bin" --data-dir "$data" subscribe --no-check "$base/$route" --name "$route" >/dev/null
  timed "$bin" --data-dir "$data" refresh
  read -r wall kb < <(tail -1 "$work/time")
  printf '%-34s %8s %10s   %s\n' "hostile: $route" "$wall" "$((kb / 1024))" "$(grep -o "$route: .*" "$work/err" | head -1)"
done
