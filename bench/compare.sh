#!/usr/bin/env bash
# tidings against newsboat (Debian's package) on the same N items, in one run:
# the first screen, opening the list, and peak memory, each the median of five
# launches in tmux at 200x60. Usage: bench/compare.sh [N]   (default 10000)
# tidings gets N page dumps from gen_corpus; newsboat gets the same N items as
# one RSS file, loaded with `newsboat -x reload` (timed too).
set -euo pipefail
N=${1:-10000}
cd "$(dirname "$0")/.."
root=$(pwd)
need=()
command -v newsboat >/dev/null || need+=(newsboat)
command -v tmux >/dev/null || need+=(tmux)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
cargo build --release --quiet --example gen_corpus
cargo build --release --quiet
work=${WORK:-/tmp/tidings-compare-$N}
mkdir -p "$work"
if [ ! -f "$work/items.rss" ]; then
  target/release/examples/gen_corpus "$N" "$work/pages" --rss "$work/items.rss"
fi
if [ ! -f "$work/store/tidings.db" ]; then
  target/release/tidings --data-dir "$work/store" import "$work/pages" >/dev/null 2>&1
fi
mkdir -p "$work/nb"
echo "file://$work/items.rss" > "$work/nb/urls"
: > "$work/nb/config"
nb=(newsboat -u "$work/nb/urls" -c "$work/nb/cache.db" -C "$work/nb/config")
if [ ! -f "$work/nb/cache.db" ]; then
  start=$(date +%s.%N)
  "${nb[@]}" -x reload
  nb_load=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
else
  nb_load="(cached)"
fi

# median first_ms second_ms peak_kb over five launches of "$@" under /usr/bin/time
measure() {
  local first=$1 keys=$2 second=$3 quit=$4; shift 4
  for _ in 1 2 3 4 5; do
    times=$(QUIT="$quit" python3 "$root/bench/first_screen.py" 200 60 "$first" "$keys" "$second" -- \
      /usr/bin/time -f %M -o "$work/mem" "$@")
    echo "$times $(cat "$work/mem")"
  done | python3 -c '
import sys, statistics
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
print(" ".join(f"{statistics.median(c):.0f}" for c in zip(*rows)))'
}

read -r t_first t_list t_kb < <(measure "Headlines [0-9]+/" "-" "Headlines $N/$N +[0-9,]+ unread" "q" \
  "$root/target/release/tidings" --data-dir "$work/store")
read -r n_first n_list n_kb < <(measure "tidings corpus" "Enter" "Articles in feed" "q q" "${nb[@]}")

# The harness's own floor: tmux starting a session and the first capture.
floor=$(for _ in 1 2 3 4 5; do
  python3 "$root/bench/first_screen.py" 200 60 READY -- "sh -c 'echo READY; sleep 2'"
done | python3 -c 'import sys, statistics; print(f"{statistics.median(float(l) for l in sys.stdin):.0f}")')

ratio() { python3 -c "print(f'{$2/max($1,1):.1f}x')"; }
net() { python3 -c "print(f'{($2-$floor)/max($1-$floor,1):.1f}x')"; }
echo
echo "tidings vs newsboat $(newsboat --version | head -1 | cut -d' ' -f2), N = $N items, 200x60, median of 5"
printf '%-34s %12s %12s %10s\n' "" tidings newsboat "newsboat/tidings"
printf '%-34s %10s ms %10s ms %10s\n' "first screen" "$t_first" "$n_first" "$(ratio "$t_first" "$n_first")"
printf '%-34s %10s ms %10s ms %10s\n' "  the same, net of the $floor ms floor" "$((t_first - floor))" "$((n_first - floor))" "$(net "$t_first" "$n_first")"
printf '%-34s %10s ms %10s ms %10s\n' "open the list (all N items shown)" "$t_list" "$n_list" "$(ratio "$t_list" "$n_list")"
printf '%-34s %9s MiB %9s MiB %10s\n' "peak memory" "$((t_kb / 1024))" "$((n_kb / 1024))" "$(ratio "$t_kb" "$n_kb")"
echo "newsboat -x reload of the $N items: $nb_load s"
echo "(the floor: tmux starting a session running \`echo\` until capture-pane shows it;"
echo " tidings: \"open the list\" is from launch until all N headlines are read in;"
echo " newsboat: from Enter on the feed until its article list shows)"
