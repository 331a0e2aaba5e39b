#!/usr/bin/env bash
# What the background query (OSC 11 + DA1, src/main/java/dev/tack/tui/BackgroundQuery.java) adds to
# the screen's start: the wait for the terminal's answer right after the session starts, in tmux,
# with a pane style that makes tmux answer (light) and without one (tmux answers only DA1).
# Usage: bench/background-query.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux missing: not measured"; exit 0; }
cp=$(bench/classpath.sh)
runs=${1:-20}
dir=$(mktemp -d)
for style in "bg=white" "default"; do
  conf="$dir/tmux.conf"
  if [ "$style" = default ]; then : >"$conf"; else echo "set -g window-style $style" >"$conf"; fi
  tmux -L tack-bg-bench -f "$conf" new-session -d -s bench -x 100 -y 30 \
    "java -cp '$cp' dev.tack.tui.BackgroundQueryBench '$dir/out' $runs; touch '$dir/done'"
  until [ -f "$dir/done" ]; do sleep 0.1; done
  echo "tmux $(tmux -V | cut -d' ' -f2), window-style $style: $(cat "$dir/out")"
  tmux -L tack-bg-bench kill-server 2>/dev/null || true
  rm -f "$dir/done" "$dir/out"
done
rm -rf "$dir"
