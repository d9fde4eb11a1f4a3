#!/usr/bin/env bash
# Time and peak memory of parsing each pathological page at a quarter of its size
# and at full size (the sizes of the hostile-input issue). Linear cost shows as a
# time ratio near 4; bounded memory as peak RSS near a small multiple of the page.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example pathological
bin=target/release/examples/pathological
printf '%-12s %-36s %12s %10s %10s %8s %10s\n' case "what n counts" n bytes "parse ms" "x4 time" "peak MiB"
for row in "long-line:bytes on one line:10000000" \
           "citations:citation markers in one paragraph:100000" \
           "brackets:'[' characters in runs on one line:1000000" \
           "blank-lines:blank lines:1000000" \
           "timeline:timeline events:100000"; do
  IFS=: read -r case what n <<<"$row"
  quarter=$((n / 4))
  read -r _ _ _ ms_q _ < <("$bin" "$case" "$quarter")
  out=$( { /usr/bin/time -f '%M' "$bin" "$case" "$n"; } 2>&1 )
  read -r _ _ bytes ms _ <<<"$(head -1 <<<"$out")"
  kb=$(tail -1 <<<"$out")
  ratio=$(python3 -c "print(f'{$ms/max($ms_q,0.01):.1f}')")
  printf '%-12s %-36s %12s %10s %10s %8s %10s\n' "$case" "$what" "$n" "$bytes" "$ms" "$ratio" "$((kb / 1024))"
done
