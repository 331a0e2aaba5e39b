#!/usr/bin/env bash
# The board screen's numbers: commit-to-screen latency in another process (p50/p99), frame time at
# 10,000 cards, idle CPU over a minute, memory, and time from `tack` to the first frame in tmux.
# Usage: bench/screen.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(bench/classpath.sh)
java -cp "$cp" dev.tack.tui.ScreenBench "$@"

# Time to first frame: the real jar in a real terminal (tmux), until the board's title is on screen.
command -v tmux >/dev/null || { echo "tmux missing: first-frame time not measured"; exit 0; }
[ -f target/tack.jar ] || mvn -q -B package -DskipTests
dir=$(mktemp -d)
java -jar target/tack.jar --db "$dir/tack.db" init >/dev/null
for i in $(seq 20); do java -jar target/tack.jar --db "$dir/tack.db" add "card $i" >/dev/null; done
times=()
for run in 1 2 3 4 5 6 7; do
  t0=$(date +%s%N)
  tmux new-session -d -s tack-bench -x 120 -y 35 "java -jar target/tack.jar --db $dir/tack.db"
  until tmux capture-pane -p -t tack-bench 2>/dev/null | grep -q "tack ▸ main"; do sleep 0.005; done
  t1=$(date +%s%N)
  tmux kill-session -t tack-bench
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "time to first frame (java -jar, tmux 120x35): median $(echo "$sorted" | sed -n 4p) ms, min $(echo "$sorted" | head -1) ms, max $(echo "$sorted" | tail -1) ms (7 runs)"
rm -rf "$dir"
